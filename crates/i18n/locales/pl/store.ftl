## The local database (pins, stars, notes, settings, statistics): what failed, where. The
## SQLite and system descriptions in { $error } stay as they come.

store-open-failed = nie można otworzyć bazy danych DutyDesk { $path }: { $error }
store-too-new = baza danych DutyDesk { $path } ma wersję schematu { $found }, a ten DutyDesk zna wersje do { $supported }: zapisał ją nowszy DutyDesk. Uruchom tamtą wersję lub przenieś plik, aby zacząć od nowa; plik pozostał nietknięty
store-sql-failed = { $what } — błąd w bazie danych DutyDesk { $path }: { $error }
store-corrupt = błędne dane w bazie danych DutyDesk { $path }: { $what }
store-io-failed = { $what }: { $error }

## What was being done ({ $what } above).
store-create-dir = nie można utworzyć katalogu danych { $path }
store-reading-schema-version = odczyt wersji schematu
store-setting-busy-timeout = ustawianie limitu czasu blokady
store-switching-to-wal = przełączanie w tryb WAL
store-setting-pragmas = ustawianie pragm
store-migrating = migracja schematu
store-migrating-from = migracja schematu z wersji { $found } do { $to }
store-reading-local-marks = odczyt lokalnych oznaczeń
store-saving-local-marks = zapis lokalnych oznaczeń
store-reading-setting = odczyt klucza ustawień „{ $key }”
store-saving-setting = zapis klucza ustawień „{ $key }”
store-appending-statistics = dopisywanie statystyk
store-reading-message-statistics = odczyt statystyk wiadomości
store-reading-reply-statistics = odczyt statystyk odpowiedzi
store-counting-statistics = liczenie statystyk wiadomości
store-checking-integrity = sprawdzanie integralności
store-summing-buckets = sumowanie statystyk według przedziałów czasu
store-logging-backfill = rejestrowanie uzupełnionego czatu
store-rebuilding-digests = przebudowa skrótów statystyk
store-reading-digests = odczyt skrótów statystyk
store-reading-open-waits = odczyt otwartych oczekiwań
store-saving-task = zapis zadania { $key } czatu { $chat }
store-reading-tasks = odczyt powiązanych zadań
store-saving-staff-names = zapis nazw członków zespołu
store-reading-staff-names = odczyt nazw członków zespołu

## Bad data found ({ $what } in store-corrupt).
store-negative-schema-version = ujemna wersja schematu { $found }
store-not-wal = tryb dziennika pozostaje „{ $mode }”, wymagany jest WAL
store-bad-support-flag = support_flags: czat { $chat } ma flagę „{ $flag }” (oczekiwano "include" lub "exclude")
store-bad-desk-settings = klucz ustawień „{ $key }” nie zawiera prawidłowych ustawień desku: { $error }
store-encode-desk-settings = nie można zakodować ustawień desku: { $error }
store-bad-message-role = stat_messages: czat { $chat }, wiadomość { $message } ma rolę { $role } (oczekiwano 0 lub 1)
store-bad-responder-kind = stat_replies: czat { $chat }, wiadomość { $message } ma rodzaj odpowiadającego { $kind } (oczekiwano 0 lub 1)
store-integrity = sprawdzenie integralności: { $result }
store-bad-digest = stat_days: nie można odczytać skrótu dnia { $day }
