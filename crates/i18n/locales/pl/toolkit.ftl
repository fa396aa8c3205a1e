## The support toolkit: quick replies, tags, SLA tiers, reminders, alerts chats, keyword
## guards and masking for contractors; and what can be wrong in its settings.

# What masking writes instead of a customer's name, phone number, e-mail and username.
toolkit-mask-customer = Klient
toolkit-mask-phone = [telefon]
toolkit-mask-email = [e-mail]
toolkit-mask-username = [nazwa użytkownika]

toolkit-team-error = Ustawienia zespołu, wiersz { $line }, klucz { $key }: { $problem }
toolkit-problem-too-long = dokument jest za długi
toolkit-problem-unknown-key = nieznany klucz (znane: { $known })
toolkit-problem-wrong-type = oczekiwano { $expected }, znaleziono { $found }
toolkit-problem-missing = brak
toolkit-problem-empty = nie może być puste
toolkit-problem-number-out-of-range = liczba poza zakresem
toolkit-problem-minutes = oczekiwano od 1 do { $max } minut
toolkit-problem-breach-before-red = nie może być wcześniej niż red_minutes
toolkit-problem-unknown-variable = nieznana zmienna „{ $name }” (zmienne: { $known }; wolne pola: eta, id i te wymienione w fields)
toolkit-problem-unclosed = nawias otwierający bez zamykającego (aby wstawić nawias, napisz dwa)
toolkit-problem-unmatched-close = nawias zamykający bez otwierającego (aby wstawić nawias, napisz dwa)
toolkit-problem-bad-name = nazwa zmiennej składa się z liter, cyfr i _
toolkit-problem-pattern-empty = pusty wzorzec
toolkit-problem-pattern-too-long = wzorzec jest za długi
toolkit-problem-pattern-everything = wzorzec złożony tylko z * pasowałby do każdego słowa
toolkit-problem-pattern-escape = \ na końcu wzorca
toolkit-problem-colour = to nie jest kolor (#rgb, #rrggbb lub red, orange, gold, yellow, green, teal, blue, purple, pink, brown, grey)
toolkit-problem-unknown-tier = brak poziomu „{ $tier }” w [sla_tiers] tego dokumentu
toolkit-problem-action = oczekiwano "warn" lub "block"
toolkit-problem-too-many = więcej niż { $max }
toolkit-problem-duplicate = „{ $name }” zdefiniowano dwukrotnie
toolkit-expected-table = tabela ([sekcja])
toolkit-expected-list-of-tables = lista tabel ([[sekcja]])
toolkit-expected-text = tekst
toolkit-expected-whole-number = liczba całkowita
toolkit-expected-true-or-false = true lub false
toolkit-expected-list-of-text = lista tekstów
toolkit-expected-list-of-chat-ids = lista ID czatów

toolkit-picker-title = Szybkie odpowiedzi
toolkit-picker-hint = ↑↓ wybór · Enter wstawia · Tab następne pole · Esc zamyka
toolkit-picker-search = Pisz, aby filtrować po nazwie lub treści
toolkit-picker-none = Brak szybkich odpowiedzi: dodaj je w sekcji [toolkit] konfiguracji lub poproś lidera o dodanie ich w ustawieniach zespołu.
toolkit-picker-empty = Żadna szybka odpowiedź nie pasuje.
toolkit-picker-preview = Tak zostanie wstawiona:
toolkit-picker-field = { $name }:
toolkit-picker-fill = Wypełnij „{ $name }”, aby wstawić tę odpowiedź.
toolkit-picker-no-task = Ten czat nie ma jeszcze zadania: klucz zadania pozostanie pusty.
toolkit-picker-no-value = { $variable } nie jest tu znane: pozostanie puste.
toolkit-picker-cancel = Anuluj
toolkit-picker-insert = Wstaw

toolkit-guard-blocked = Nie wysłano: „{ $guard }” nie pozwala na to w wiadomości do klienta.
toolkit-guard-warned = „{ $guard }” oznacza tę wiadomość. Wysłać mimo to?
toolkit-guard-matched = Dopasowano: { $parts }
toolkit-guard-send-anyway = Wyślij mimo to
toolkit-guard-edit = Edytuj wiadomość

toolkit-tools = Narzędzia
toolkit-tags = Tagi
toolkit-tags-none = Brak zdefiniowanych tagów: dodaj je w [toolkit.tags] w konfiguracji lub w ustawieniach zespołu.
toolkit-tier = Poziom SLA
toolkit-tier-default = Domyślny ({ $red } / { $breach } min)
toolkit-tier-option = { $label } ({ $red } / { $breach } min)
toolkit-tier-line = { $tier }: czerwony po { $red } min, naruszenie po { $breach } min
toolkit-alerts = Czat alertów
toolkit-alerts-mark = Oznacz jako czat alertów
toolkit-alerts-unmark = To już nie czat alertów
toolkit-remind = Przypomnij
toolkit-remind-30m = Za 30 minut
toolkit-remind-2h = Za 2 godziny
toolkit-remind-tomorrow = Jutro o 09:00
toolkit-remind-customer = Gdy klient napisze
toolkit-remind-at = O tej godzinie
toolkit-remind-at-placeholder = GG:MM
toolkit-remind-note = Notatka (opcjonalnie)
toolkit-remind-bad-time = Wpisz godzinę jako GG:MM, na przykład 17:30.
toolkit-reminder-set = Przypomnienie: { $when }
toolkit-reminder-fired = Przypomnienie aktywne od { $when }
toolkit-reminder-cancel = Anuluj przypomnienie
toolkit-when-customer = gdy klient napisze

toolkit-bar-tags = Tagi:
toolkit-bar-alerts-unread = { $count ->
        [one] { $count } nieprzeczytany czat alertów
        [few] { $count } nieprzeczytane czaty alertów
        [many] { $count } nieprzeczytanych czatów alertów
       *[other] { $count } nieprzeczytanego czatu alertów
    }
toolkit-bar-reminders = Przypomnienia ({ $count })
toolkit-bar-reminders-due = Przypomnienia ({ $count }, aktywne: { $due })
toolkit-reminders-title = Przypomnienia
toolkit-reminders-empty = Brak przypomnień. Ustaw je w Narzędziach czatu.
toolkit-reminders-fired = aktywne od { $when }
toolkit-reminders-open = Otwórz
toolkit-reminders-cancel = Anuluj
toolkit-reminders-close = Zamknij

# The console's shortcut overview.
toolkit-keys-quick-replies = szybkie odpowiedzi (Tab: następne wolne pole)
