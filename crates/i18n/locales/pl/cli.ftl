## The command line: its help, its own messages, and `fetch-tdlib`'s progress.

cli-about = Telegram dla administratorów dyżurnych w zespołach wsparcia
cli-help-demo = Otwiera okno z symulowanym dyżurem zamiast konta Telegram.
cli-help-scenario = Z --demo: plik scenariusza lub nazwa dołączonego (floor, storm, faults, basic).
cli-help-speed = Z --demo: tempo upływu czasu wirtualnego (60 = minuta na sekundę).
cli-help-seed = Z --demo: ziarno losowe scenariusza.
cli-help-fetch-tdlib = Pobiera TDLib { $version } dla tej platformy do katalogu danych.
cli-help-fetch-dest = Instaluje bibliotekę w tym folderze (folderze pakietu, obok pliku wykonywalnego) zamiast w katalogu danych.
cli-help-fetch-archive = Weryfikuje i instaluje już pobrany pakiet (plik .tgz z npm pack) zamiast go pobierać.
cli-help-fetch-sha512 = Z --archive: sha512 pakietu (dist.integrity z npm) dla platformy, dla której ta kompilacja nie ma przypiętego; przypięty zawsze ma pierwszeństwo.
cli-help-doctor = Wypisuje, co widzi DutyDesk: ścieżki, TDLib, pęk kluczy, powiadomienia, język.
cli-help-login-probe = Dodatkowo uruchamia TDLib w katalogu tymczasowym i wypisuje osiągnięty stan.
cli-help-help = Wyświetl pomoc
cli-help-version = Wyświetl wersję
cli-help-help-command = Wyświetl ten komunikat lub pomoc podanych podpoleceń
cli-help-help-command-argument = Wyświetl pomoc podpoleceń
cli-heading-usage = Użycie:
# clap adds the colon after these three headings.
cli-heading-commands = Polecenia
cli-heading-options = Opcje
cli-heading-arguments = Argumenty
cli-logging-off = dutydesk: logowanie jest wyłączone: { $error }
cli-fetch-progress = Pobieranie TDLib { $version }
cli-fetch-installed = Zainstalowano TDLib { $version } w { $path }
cli-paths-no-config-dir = platforma nie ma katalogu konfiguracji; ustaw DUTYDESK_HOME na folder, z którego DutyDesk może korzystać
cli-paths-no-data-dir = platforma nie ma katalogu danych; ustaw DUTYDESK_HOME na folder, z którego DutyDesk może korzystać
cli-help-stats = Wypisuje statystyki zespołu za dni lokalne od FROM do TO (liczby z ekranu Statystyki), opcjonalnie jako CSV.
cli-help-stats-from = Pierwszy dzień, RRRR-MM-DD, w strefie czasowej statystyk.
cli-help-stats-to = Ostatni dzień, RRRR-MM-DD, włącznie.
cli-help-stats-csv = Zapisuje też każdą tabelę jako CSV, każdą w osobnym pliku obok FILE: jego rdzeń + -summary.csv, -admins.csv, -days.csv, -admin-days.csv, -hours.csv, -heatmap.csv, -longest.csv.
cli-help-stats-tz = Strefa czasowa dni i godzin (nazwa IANA, np. Europe/Berlin). Domyślnie: time_zone z [statistics] lub [business_hours] w konfiguracji, w przeciwnym razie UTC.
cli-help-stats-longest = Ile najdłuższych oczekiwań wypisać.
cli-version =
    { $version }
    TDLib { $tdlib } (wersja, którą wczytuje ta kompilacja)
    commit { $commit }
