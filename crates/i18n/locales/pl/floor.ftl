## The team floor: `dutydesk floor serve` (the trainer's terminal), `--floor` to join one, and
## the login screen's list of free team members.

floor-help = Szkolenie zespołu: jeden symulowany Telegram, do którego dołącza kilka DutyDesków.
floor-help-serve = Udostępnia symulowany świat DutyDeskom na tym komputerze lub w sieci LAN.
floor-help-scenario = Plik scenariusza lub nazwa dołączonego (floor, storm, faults, basic).
floor-help-seed = Ziarno losowe scenariusza.
floor-help-speed = Tempo upływu czasu wirtualnego (60 = minuta na sekundę; 0 = pauza).
floor-help-listen = Gdzie nasłuchiwać: domyślnie loopback; adres w sieci LAN (np. 0.0.0.0:7733) wymaga tokenu dołączenia.
floor-help-token = Wymagany token dołączenia (tworzony automatycznie przy nasłuchiwaniu w LAN).
floor-help-timeout = Po ilu sekundach ciszy połączenie uczestnika uznaje się za utracone, a jego członek zostaje wylogowany.
floor-help-join = Otwiera DutyDesk na dyżurze (HOST:PORT) uruchomionym przez `dutydesk floor serve`.
floor-help-join-token = Z --floor: token dołączenia wypisany przez dyżur.

floor-serving = Dyżur DutyDesk: scenariusz „{ $scenario }”, ziarno { $seed }, tempo { $speed }× — nasłuch na { $addr }
floor-join-with = Dołącz poleceniem: { $command }
floor-token-made = Token dołączenia (przekaż uczestnikom): { $token }
floor-team-heading = Kto może zalogować się jako kto (numer telefonu, potem kod { $code }):
floor-member = { $phone }  { $name }{ $title }
floor-member-lead = (lider)
floor-controls = Trener: p pauza · r wznów · s N tempo · b N napływ N klientów · d TELEFON zerwij połączenie · u TELEFON przywróć je · q zakończ i podsumuj
floor-connected = Połączeni: { $members } · wolni: { $free } · połączenia: { $connections } · czas wirtualny { $time }
floor-nobody = nikt
floor-joined = dołączył: { $peer } ({ $name })
floor-refused = odrzucono { $peer }: { $reason }
floor-left = odszedł: { $peer } ({ $name }): { $reason }
floor-paused = Zegar wstrzymany.
floor-resumed = Zegar działa w tempie { $speed }×.
floor-speed-set = Tempo { $speed }×.
floor-burst-done =
    { $customers ->
        [one] { $customers } klient napisał.
        [few] { $customers } klientów napisało.
        [many] { $customers } klientów napisało.
       *[other] { $customers } klienta napisało.
    }
floor-dropped = { $phone }: zerwano połączenie dla klientów: { $clients }.
floor-restored = { $phone }: przywrócono połączenie dla klientów: { $clients }.
floor-no-member = Żaden członek zespołu nie ma telefonu { $phone }.
floor-unknown-command = To nie jest polecenie trenera: { $command }
floor-needs-token = Nasłuch na { $addr } otwiera dyżur dla sieci: wymagany jest token dołączenia (zostanie utworzony, jeśli nie poda go --token).
floor-summary-heading = Podsumowanie: pierwsze odpowiedzi według uczestnika (SLA: poniżej { $sla } min)
floor-summary-trainee =
    { $name }: { $count ->
        [one] { $count } pierwsza odpowiedź
        [few] { $count } pierwsze odpowiedzi
        [many] { $count } pierwszych odpowiedzi
       *[other] { $count } pierwszej odpowiedzi
    }, mediana { $median }, P90 { $p90 }, najdłuższa { $longest }, w ramach SLA { $share }
floor-summary-none = Żaden uczestnik nie odpowiedział czekającemu klientowi.
floor-summary-scripted =
    Symulowani koledzy: { $count ->
        [one] { $count } pierwsza odpowiedź
        [few] { $count } pierwsze odpowiedzi
        [many] { $count } pierwszych odpowiedzi
       *[other] { $count } pierwszej odpowiedzi
    }, mediana { $median }, w ramach SLA { $share }
floor-summary-open =
    { $count ->
        [one] Nadal czeka { $count } czat, najdłużej od { $longest }.
        [few] Nadal czekają { $count } czaty, najdłużej od { $longest }.
        [many] Nadal czeka { $count } czatów, najdłużej od { $longest }.
       *[other] Nadal czeka { $count } czatu, najdłużej od { $longest }.
    }
floor-summary-dropped = (Nie policzono wiadomości z napływu: { $posts }.)
floor-summary-source = Obliczone przez statystyki DutyDesk (desk::figures) z wiadomości udostępnionych przez dyżur.
floor-span-seconds = { $s } s
floor-span-minutes = { $m } min { $s } s
floor-join-failed = Nie udało się dołączyć do dyżuru: { $error }

floor-login-free = Wolni na tym dyżurze
floor-login-member = { $name } — { $phone }
floor-login-code = Kod logowania symulatora to { $code }.
