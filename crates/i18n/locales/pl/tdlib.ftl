## The TDLib library: finding and loading it, and `fetch-tdlib` downloading it.

tdlib-not-found = Nie znaleziono TDLib { $version } (szukano w: { $searched }). Uruchom `dutydesk fetch-tdlib`, aby go pobrać, lub ustaw DUTYDESK_TDJSON na ścieżkę do libtdjson { $version }.
tdlib-load-failed = Nie udało się wczytać { $path }: { $reason }. DutyDesk potrzebuje TDLib { $version }; uruchom `dutydesk fetch-tdlib`, aby go pobrać.
tdlib-missing-symbol = { $path } nie jest biblioteką libtdjson: brak funkcji `{ $symbol }`
tdlib-wrong-version = { $path } to TDLib { $found }, a DutyDesk potrzebuje TDLib { $version } (schematu, którym mówi tdlib-rs 1.4). Uruchom `dutydesk fetch-tdlib`, aby pobrać TDLib { $version }.
tdlib-unknown-version = { $path } nie podał, jaki to TDLib (odpowiedział { $reply }); DutyDesk potrzebuje TDLib { $version }. Uruchom `dutydesk fetch-tdlib`, aby go pobrać.
tdlib-fetch-unsupported = brak gotowego pakietu TDLib { $version } dla { $os }/{ $arch }; zbuduj TDLib { $version } samodzielnie i ustaw DUTYDESK_TDJSON na jego libtdjson
tdlib-fetch-no-checksum = ta kompilacja DutyDesk nie ma przypiętego sha512 dla @prebuilt-tdlib/{ $package }@{ $npm_version }, więc nie można zweryfikować pobranego pliku; zainstaluj TDLib { $version } samodzielnie i ustaw DUTYDESK_TDJSON
tdlib-fetch-download = pobieranie { $url } nie powiodło się: { $reason }
tdlib-fetch-checksum = pobrane archiwum nie zgadza się z przypiętym sha512 (oczekiwano { $expected }, otrzymano { $found }); nic nie zainstalowano
tdlib-fetch-missing-file = archiwum nie zawiera { $file }; nic nie zainstalowano
tdlib-backend-native-chosen = ten proces używa już natywnego TDLib; nie może przełączyć się na symulator
tdlib-backend-simulator-chosen = ten proces używa już symulatora; nie może przełączyć się na natywny TDLib
