## The settings screen. Keys are named as on the keyboard (Tab, Ctrl+S, Esc).

settings-title = Ustawienia
settings-keys-hint = Tab / Shift+Tab: następne / poprzednie ustawienie · Góra / Dół: także na liście · Spacja: przełącz, wybierz · Lewo / Prawo: zmień wybór · Enter: naciśnij · Ctrl+S: zapisz · Esc: anuluj
settings-save = Zapisz
settings-cancel = Anuluj

settings-section-response-times = Czasy odpowiedzi
settings-red-after = Czerwony po
settings-breach-after = Naruszenie SLA po
settings-damping = Tłumienie
settings-minutes-of-waiting = minutach oczekiwania
settings-damping-unit = minut: czat przeskakuje na górę dopiero po tym czasie ciszy
settings-float-waiting = Czekające czaty zaraz pod alarmami

settings-section-support = Czaty wsparcia
settings-support-only = W „Wszystkie” pokazuj tylko czaty wsparcia
settings-pattern = Tylko tytuły pasujące do
settings-pattern-placeholder = np. Support: *

settings-section-staff = Zespół
settings-staff = Inni członkowie zespołu (ID użytkowników)
settings-staff-placeholder = rozdzielone przecinkami

settings-section-notifications = Powiadomienia
settings-notifications = Powiadomienia pulpitu
settings-notify-new = Nowa wiadomość od klienta, gdy DutyDesk działa w tle
settings-notify-red = Czat robi się czerwony
settings-notify-breach = Czat narusza SLA

settings-section-messages = Wiadomości
settings-link-previews = Twórz podglądy linków w wysyłanych wiadomościach
settings-send-typing = Wysyłaj „pisze…” podczas pisania

settings-section-appearance = Wygląd
settings-language = Język
settings-language-system = Język systemu
settings-theme = Motyw
settings-theme-auto = Systemowy (jasny lub ciemny)
settings-theme-light = Jasny
settings-theme-dark = Ciemny
settings-theme-high-contrast = Wysoki kontrast
settings-scale = Skala interfejsu

## What is wrong with the draft, shown beside Save.
settings-error-not-minutes = { $field }: „{ $value }” nie jest liczbą minut
settings-error-minutes-range = { $field }: { $value } min jest poza zakresem
settings-error-order = Naruszenie SLA musi nastąpić razem z czerwonym lub później, a czerwony po więcej niż 0 minutach
settings-error-staff-id = Inni członkowie zespołu (ID użytkowników): „{ $value }” nie jest liczbą
settings-error-scale = Skala interfejsu nie jest liczbą

## The pickers: the duty group (a group chat, by title) and the support folder.
settings-duty-group = Grupa dyżurna (jej członkowie to zespół)
settings-duty-group-placeholder = wpisz część tytułu grupy
settings-duty-group-none = Brak (bez grupy dyżurnej)
settings-duty-group-none-chosen = brak
settings-duty-group-no-match = Żaden czat grupowy nie pasuje
settings-folder = Tylko czaty z folderu
settings-folder-placeholder = wpisz część nazwy folderu
settings-folder-none = Wszystkie czaty (bez folderu)
settings-folder-none-chosen = wszystkie czaty
settings-folder-no-match = Żaden folder czatów nie pasuje
settings-picker-chosen = Wybrano: { $choice }
settings-picker-chosen-mark = wybrano
settings-picker-not-loaded = { $id } (nie wczytano)
settings-picker-more = …i jeszcze { $count }: pisz, aby zawęzić
