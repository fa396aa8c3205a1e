## The duty console: the header, the chat list and its menu, the open chat, the overview.

## The header. A counter is a number and its words; the number is drawn in the counter's
## colour wherever the language puts it.
console-filter-all = Wszystkie
console-filter-support = Wsparcie
console-filter-waiting = Czekające
console-filter-starred = Oznaczone
console-counter-support = { $count } we wsparciu
console-counter-waiting =
    { $count ->
        [one] { $count } czeka
        [few] { $count } czekają
        [many] { $count } czeka
       *[other] { $count } czeka
    }
console-counter-red =
    { $count ->
        [one] { $count } czerwony
        [few] { $count } czerwone
        [many] { $count } czerwonych
       *[other] { $count } czerwonego
    }
console-counter-breach =
    { $count ->
        [one] { $count } naruszenie
        [few] { $count } naruszenia
        [many] { $count } naruszeń
       *[other] { $count } naruszenia
    }
console-counter-unread =
    { $count ->
        [one] { $count } nieprzeczytany czat
        [few] { $count } nieprzeczytane czaty
        [many] { $count } nieprzeczytanych czatów
       *[other] { $count } nieprzeczytanego czatu
    }
console-mark-all-read = Przeczytaj wszystkie
console-search-chats = Szukaj w czatach
console-settings = Ustawienia
console-statistics = Statystyki

## The chat list.
console-filter-placeholder = Filtruj czaty po tytule
console-loading-chats = Wczytywanie czatów…
console-no-match = Żaden czat nie pasuje do filtra
# In the waiting column of a chat with an alarm and nobody waiting.
console-alarm = Alarm
console-media-photo = Zdjęcie
console-media-file = Plik
console-media-voice = Wiadomość głosowa
console-media-sticker = Naklejka
console-media-other = Multimedia
console-preview-media = [{ $media }]
console-preview-media-text = [{ $media }] { $text }

## The chat's context menu (and the open chat's buttons).
console-pin = Przypnij
console-unpin = Odepnij
console-move-pin-up = Przesuń w górę
console-move-pin-down = Przesuń w dół
console-raise-alarm = Podnieś alarm
console-clear-alarm = Odwołaj alarm
console-star = Oznacz gwiazdką
console-unstar = Usuń gwiazdkę
console-add-note = Dodaj notatkę
console-edit-note = Edytuj notatkę
console-mark-read = Oznacz jako przeczytany
console-no-reply-needed = Odpowiedź zbędna
console-not-support = To nie czat wsparcia
console-treat-as-support = Traktuj jako czat wsparcia
console-close = Zamknij

## Search across chats.
console-search-all-placeholder = Szukaj we wszystkich czatach, Enter szuka
console-search-hint = Wyniki pogrupowane według czatów. Esc zamyka.
console-search-found = Znaleziono: { $count }
console-search-chats-found =
    { $count ->
        [one] { $count } czat
        [few] { $count } czaty
        [many] { $count } czatów
       *[other] { $count } czatu
    }
console-search-nothing = Nic nie znaleziono dla „{ $query }”
console-search-failed = Wyszukiwanie nie powiodło się: { $error }
console-chat-fallback = Czat { $chat }

## The open chat.
console-status-breach = Naruszono SLA · { $waiting }
console-status-red = Czeka za długo · { $waiting }
console-status-alarm = Alarm · { $waiting }
console-status-waiting = Klient czeka · { $waiting }
console-not-a-support-chat = to nie czat wsparcia
console-note = Notatka
console-find = Szukaj
console-note-placeholder = Prywatna notatka do tego czatu (Enter zapisuje, pusta usuwa)
console-save-note = Zapisz notatkę
console-note-shown = Notatka: { $note }
console-search-chat-placeholder = Szukaj w tym czacie
console-search-no-results = brak wyników
console-search-position = { $current } z { $total }
console-search-older = Starsze
console-search-newer = Nowsze
console-history-loading = Wczytywanie…
console-history-start = Początek czatu
console-user-fallback = Użytkownik { $user }
console-channel = Kanał
console-you = Ty
console-role-staff = zespół
console-role-customer = klient
console-sending = wysyłanie…
console-not-sent = nie wysłano: { $error }
console-retry = Ponów
console-reply = Odpowiedz
console-replying-to = W odpowiedzi na: { $text }
console-cancel = Anuluj
console-composer-placeholder = Napisz odpowiedź — Enter wysyła, Shift+Enter zaczyna nowy wiersz
console-send = Wyślij

## What went wrong where it cannot be shown in place (the banner).
console-message-not-sent-to = Wiadomość do { $chat_title } nie została wysłana: { $error }
console-message-not-sent = Wiadomość nie została wysłana: { $error }
console-open-chat-failed = Nie udało się otworzyć czatu: { $error }
console-close-chat-failed = Nie udało się zamknąć czatu: { $error }
console-view-messages-failed = Nie udało się oznaczyć wiadomości jako przeczytanych: { $error }
console-mark-chat-read-failed = Nie udało się oznaczyć czatu jako przeczytanego: { $error }
console-typing-failed = Nie udało się wysłać statusu pisania: { $error }
console-mark-all-read-failed = Nie udało się oznaczyć wszystkich jako przeczytane: { $error }

## The overview beside the list while no chat is open.
console-waiting-longest = Czekają najdłużej
console-nobody-waiting = Nikt nie czeka. Spokojny dyżur.
console-keyboard = Klawiatura
console-keys-step = poprzedni / następny czat
console-keys-cycle = następny / poprzedni czat
console-keys-next-waiting = przejdź do czatu, który czeka najdłużej
console-keys-search = szukaj w czacie / we wszystkich czatach
console-keys-pin = przypnij lub odepnij, przesuń przypięty
console-keys-star = dodaj lub usuń gwiazdkę
console-keys-alarm = podnieś lub odwołaj alarm
console-keys-note = notatka
console-keys-read = oznacz jako przeczytany / przeczytaj wszystkie
console-keys-no-reply = odpowiedź zbędna
console-keys-filters = Wszystkie / Wsparcie / Czekające / Oznaczone
console-keys-title-filter = filtruj czaty po tytule
console-keys-task = zadanie z zaznaczonych wiadomości (lub ostatniej wiadomości klienta); zaznacz wiadomości
console-keys-statistics = ekran Statystyki (ponownie: powrót do konsoli)
console-keys-menu = menu kontekstowe otwartego czatu
console-keys-send = wyślij / nowy wiersz
console-keys-escape = zamknij to, co otwarte
console-jump-missing = Wiadomości { $message } nie ma już w tym czacie (usunięta?): zamiast niej pokazano czat
