## Tasks in the team's tracker, from the chat view: the form, the chat's tasks, the link
## posted into the chat. Tracker names are the admin's own ("Support Redmine"); keys are the
## tracker's ("SUP-12", "#34").

## Why a tracker call failed; { $problem } is the tracker's fault, already worded.
tasks-error-tracker = { $tracker }: { $problem }
tasks-error-no-token = { $tracker }: brak zapisanego tokenu dla tego trackera; wpisz go w Ustawienia → Trackery zadań (DutyDesk trzyma go w systemowym pęku kluczy)
tasks-error-token = { $tracker }: { $problem }

## Why the OS keyring could not give or keep a tracker's token.
tasks-token-no-keyring = brak tu systemowego pęku kluczy ({ $reason }); ustaw token w zmiennej środowiskowej DUTYDESK_TRACKER_TOKEN_…
tasks-token-locked = systemowy pęk kluczy jest zablokowany lub odmówił dostępu ({ $reason }); odblokuj go i ponów
tasks-token-failed = błąd systemowego pęku kluczy ({ $reason })

## The demo floor's simulated tracker: its names in the task form, and its own pages.
tasks-demo-api-name = Tracker demo (symulowany, API)
tasks-demo-browser-name = Tracker demo (symulowany, przeglądarka)
tasks-demo-project = Projekt demo
tasks-demo-page-banner = Dyżur demo DutyDesk: symulowany tracker wewnątrz DutyDesk do ćwiczeń. Nic stąd nie opuszcza tego komputera.
tasks-demo-page-new = Nowe zadanie
tasks-demo-page-subject = Temat
tasks-demo-page-description = Opis
tasks-demo-page-create = Utwórz
tasks-demo-page-refused = Zadanie nie zostało utworzone
tasks-demo-page-paste = Utworzono zadanie { $key }. Wklej { $key } (lub adres tej strony) do formularza zadania w DutyDesk, aby powiązać je z czatem.
tasks-demo-page-status = Status

## The chat view: each message's action, a selection of messages, the chat's tasks.
tasks-action-task = Zadanie
tasks-selected = { $count ->
    [one] Zaznaczono { $count } wiadomość
    [few] Zaznaczono { $count } wiadomości
    [many] Zaznaczono { $count } wiadomości
   *[other] Zaznaczono { $count } wiadomości
}
tasks-create-from-selection = { $count ->
    [one] Utwórz zadanie z { $count } wiadomości
   *[other] Utwórz zadanie z { $count } wiadomości
}
tasks-clear-selection = Wyczyść zaznaczenie
tasks-status-unknown = status jeszcze nieodczytany
tasks-post = Wstaw do czatu
tasks-open = Otwórz
tasks-more = { $count ->
    [one] i { $count } starsze zadanie
    [few] i { $count } starsze zadania
    [many] i { $count } starszych zadań
   *[other] i { $count } starszego zadania
}
tasks-no-trackers = Nie skonfigurowano jeszcze trackera zadań: dodaj go w Ustawienia → Trackery zadań.
tasks-created-note = Utworzono zadanie { $key } w { $tracker }. „Wstaw do czatu” wstawi jego link do Twojej odpowiedzi.
tasks-linked-note = Zadanie { $key } powiązano z tym czatem.
tasks-refresh-failed = Nie udało się odświeżyć statusów zadań: { $problem }
tasks-open-failed = Przeglądarka się nie otworzyła ({ $problem }); otwórz ten adres samodzielnie: { $url }
## The author of a quoted message the admin wrote, when Telegram has not said who they are yet.
tasks-you = Ty

## The line put into the customer chat's reply box; the admin edits it before sending.
tasks-posted = Utworzono zadanie { $key }: { $url }
tasks-posted-no-link = Utworzono zadanie { $key }

## The task form.
tasks-form-heading = { $count ->
    [one] Nowe zadanie z wiadomości w { $chat }
   *[other] Nowe zadanie z { $count } wiadomości w { $chat }
}
tasks-form-tracker = Tracker
tasks-form-mode-api = { $tracker } tworzy zadanie bezpośrednio (API); jego klucz i status wrócą tutaj.
tasks-form-mode-browser = { $tracker } otwiera własny, wypełniony formularz w przeglądarce; utwórz tam zadanie, a potem wklej tu jego klucz.
tasks-form-project = Projekt
tasks-form-assignee = Wykonawca
tasks-form-title = Tytuł
tasks-form-description = Opis (każda cytowana wiadomość z autorem, czasem, czatem i linkiem)
tasks-form-create = Utwórz zadanie
tasks-form-open-browser = Otwórz w przeglądarce
tasks-form-cancel = Anuluj
tasks-form-retry = Ponów
tasks-form-creating = Tworzenie zadania w { $tracker }…
tasks-form-opened = Formularz jest otwarty w przeglądarce. Utwórz tam zadanie, a potem wklej tu jego klucz lub adres jego strony, aby powiązać je z tym czatem.
tasks-form-paste-placeholder = Klucz lub adres zadania
tasks-form-link = Powiąż zadanie
## The description's last line when it was too long for the browser's address.
tasks-form-shortened = [skrócono: { $count ->
    [one] pominięto { $count } znak
    [few] pominięto { $count } znaki
    [many] pominięto { $count } znaków
   *[other] pominięto { $count } znaku
}]
tasks-form-shortened-note = { $count ->
    [one] Opis był za długi na adres: pominięto { $count } znak (mówi o tym jego ostatni wiersz).
    [few] Opis był za długi na adres: pominięto { $count } znaki (mówi o tym jego ostatni wiersz).
    [many] Opis był za długi na adres: pominięto { $count } znaków (mówi o tym jego ostatni wiersz).
   *[other] Opis był za długi na adres: pominięto { $count } znaku (mówi o tym jego ostatni wiersz).
}

## Settings → Task trackers. Product names and config keys stay as written.
tasks-setup-section = Trackery zadań
tasks-setup-hint = Gdzie „Zadanie” przy wiadomości tworzy zadania. Tryb przeglądarki potrzebuje tylko adresu: otwiera się wypełniony formularz trackera. Tryb API tworzy zadanie bezpośrednio przy użyciu tokenu, który DutyDesk trzyma w systemowym pęku kluczy, nigdy w pliku konfiguracji. Projekt każdego czatu jest zapamiętywany w trakcie używania.
tasks-setup-new-name = Nowy tracker
tasks-setup-untitled = Tracker { $number }
tasks-setup-name = Nazwa
tasks-setup-kind = Rodzaj
tasks-setup-url = Adres
tasks-setup-mode = Tryb
tasks-setup-mode-browser = Przeglądarka: otwórz wypełniony formularz
tasks-setup-mode-api = API: utwórz zadanie bezpośrednio
tasks-setup-project = Domyślny projekt
tasks-setup-user-jira = E-mail konta
tasks-setup-user-bitrix = ID użytkownika webhooka
tasks-setup-template = Szablon adresu
tasks-setup-token = Token
tasks-setup-token-placeholder = wklej nowy token (zapisany nigdy nie jest pokazywany)
tasks-setup-store-token = Zapisz w pęku kluczy
tasks-setup-token-stored = Token zapisano w systemowym pęku kluczy (wpis „{ $entry }”).
tasks-setup-token-missing = Najpierw wpisz nazwę trackera i wklej jego token.
tasks-setup-check = Sprawdź
tasks-setup-checking = Sprawdzanie…
tasks-setup-checked = Osiągalny pod { $origin }, token ważny (konto { $account }).
tasks-setup-checked-project = Osiągalny pod { $origin }, token ważny (konto { $account }), projekt „{ $project }” widoczny.
tasks-setup-browser-needs-no-check = W trybie przeglądarki DutyDesk nic nie wysyła: nie ma czego sprawdzać.
tasks-setup-remove = Usuń
tasks-setup-add = Dodaj tracker
tasks-setup-invalid = Tracker zadań { $number } ({ $name }): { $problem }
tasks-setup-name-taken = Tracker zadań { $number }: nazwę „{ $name }” ma już inny tracker; każdy potrzebuje własnej (od niej nazywa się jego token w pęku kluczy)
