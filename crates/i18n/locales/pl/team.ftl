## The team layer: team actions in the duty group, their readable texts, the dialogs,
## the team settings screen and its errors, and the alerts for a team alarm.

# The readable part of a team message in the duty group (a phone shows these).
team-readable-alarm = { $who } podnosi alarm w „{ $chat }”.
team-readable-alarm-reason = { $who } podnosi alarm w „{ $chat }”: { $reason }
team-readable-clear = { $who } odwołuje alarm w „{ $chat }”.
team-readable-take = { $who } przejmuje „{ $chat }”.
team-readable-assign = { $who } przydziela „{ $chat }” osobie { $assignee }.
team-readable-release = { $who } zwalnia „{ $chat }”.
team-readable-note = { $who } zostawia notatkę zespołu w „{ $chat }”: { $text }
team-readable-clear-note = { $who } usuwa notatkę zespołu w „{ $chat }”.
team-readable-settings = { $who } publikuje ustawienia zespołu.
team-unknown-chat = czat { $chat }
team-unknown-user = użytkownik { $user }

# Chat menu, header and chat view.
team-menu-take = Przejmij
team-menu-release = Zwolnij
team-menu-assign = Przydziel…
team-menu-shared-note = Notatka zespołu…
team-filter-mine = Moje
team-keys-mine = Moje: czaty, które zespół przydzielił Tobie
team-keys-take = przejmij czat (zwolnij, jeśli jest Twój) / przydziel go koledze
team-note-line = Notatka zespołu: { $text } ({ $by }, { $time })
team-note-edit = Notatka zespołu
team-note-clear = Usuń notatkę zespołu
team-assigned-to = Przydzielono: { $name }
team-alarm-by = Alarm podniesiony przez { $who }, { $time }
team-alarm-by-reason = Alarm podniesiony przez { $who }, { $time }: { $reason }
team-alarm-stop-word = Alarm: klient napisał „{ $word }”, { $time }
team-alarm-local = Alarm tylko na tym ekranie (brak grupy dyżurnej)
team-overview-alarms = Alarmy zespołu

# The dialogs.
team-alarm-title = Podnieś alarm w „{ $chat }” dla całego zespołu
team-alarm-reason = Powód (opcjonalnie), Enter podnosi
team-alarm-raise = Podnieś alarm
team-cancel = Anuluj
team-assign-title = Przydziel „{ $chat }” do
team-assign-filter = Imię kolegi, Enter wybiera pierwszego
team-assign-nobody = Żaden członek grupy dyżurnej nie pasuje.
team-note-title = Notatka zespołu w „{ $chat }”, widoczna dla całego zespołu
team-note-placeholder = Enter zapisuje; pusta notatka ją usuwa
team-note-save = Zapisz notatkę zespołu

# Why an action was not posted.
team-refused-not-member = To konto nie należy do grupy dyżurnej albo jej członkowie nie są jeszcze znani: zespół zignorowałby tę akcję.
team-refused-clear = W tym zespole alarmy odwołują tylko liderzy (ustawienia zespołu: clear = "leads").
team-refused-assign = Tylko liderzy i opiekunowie klientów przydzielają czaty innym lub przejmują je od kolegów.
team-refused-settings = Tylko właściciel i administratorzy grupy dyżurnej publikują ustawienia zespołu.
team-refused-too-long = Wiadomość zespołu byłaby dłuższa, niż pozwala Telegram ({ $limit } znaków): skróć ją.
team-post-failed = Wiadomość zespołu nie została wysłana: { $error }
team-catch-up-failed = Nie udało się odczytać grupy dyżurnej: { $error }

# The team settings screen.
team-editor-title = Ustawienia zespołu
team-editor-hint = Dokument TOML przypięty w grupie dyżurnej: skład i role, minuty SLA, słowa alarmowe, kto odwołuje alarmy, czaty alertów. Czyta go każdy DutyDesk zespołu.
team-editor-save = Zapisz i przypnij
team-editor-close = Zamknij
team-editor-valid = Dokument jest poprawny.
team-editor-not-admin = Opublikować go mogą tylko właściciel i administratorzy grupy dyżurnej; tutaj możesz go przeczytać.
team-editor-no-group = Najpierw wybierz grupę dyżurną w Ustawieniach.
team-editor-open = Ustawienia zespołu…

# A bad pinned document (the banner) and the editor's check, with what is wrong.
team-settings-error = Wiersz { $line }, klucz { $key }: { $problem }
team-settings-error-no-key = Wiersz { $line }: { $problem }
team-settings-banner = Przypięte ustawienia zespołu nie obowiązują (wiersz { $line }, klucz { $key }: { $problem }). Zostają ostatnie poprawne ustawienia.
team-settings-banner-no-key = Przypięte ustawienia zespołu nie obowiązują (wiersz { $line }: { $problem }). Zostają ostatnie poprawne ustawienia.
team-problem-syntax = niepoprawny TOML: { $detail }
team-problem-too-long = dokument jest za długi ({ $bytes } B)
team-problem-unknown-section = nieznana sekcja (znane: { $known })
team-problem-unknown-key = nieznany klucz (znane: { $known })
team-problem-wrong-type = oczekiwano { $expected }, znaleziono { $found }
team-problem-number-out-of-range = liczba poza zakresem
team-problem-not-a-user-id = oczekiwano ID użytkownika Telegrama
team-problem-unknown-role = nieznana rola „{ $role }” (znane: { $known })
team-problem-minutes = oczekiwano od 1 do { $max } minut
team-problem-breach-before-red = nie może być wcześniej niż red_minutes
team-problem-clear-policy = oczekiwano "staff" lub "leads"
team-expected-table = tabela ([sekcja])
team-expected-text = tekst
team-expected-number = liczba całkowita
team-expected-roles = lista ról
team-expected-words = lista słów
team-expected-chats = lista ID czatów
team-expected-hours = lista zakresów, np. "09:00-18:00"
team-expected-dates = lista dat, np. "2026-12-25"

# A team alarm's desktop notification and the Settings switch for its sound.
team-notify-alarm = Alarm zespołu
team-notify-alarm-body = { $chat }: alarm od { $who }
team-notify-alarm-body-reason = { $chat }: alarm od { $who }: { $reason }
team-notify-stop-word = { $chat }: klient napisał „{ $word }”
team-sound = Dźwięk alarmów zespołu
