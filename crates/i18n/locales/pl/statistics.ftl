## The Statistics screen (F9): the period, charts, tables, export, the history being read.
## Column names of its tables are the stats command's (stats.ftl).

statistics-title = Statystyki
statistics-back = Wróć do konsoli
statistics-period-today = Dziś
statistics-period-yesterday = Wczoraj
statistics-period-week = Ostatnie 7 dni
statistics-period-month = Ostatnie 30 dni
statistics-period-custom = Własny zakres
statistics-from = Od
statistics-to = do
statistics-date-placeholder = RRRR-MM-DD
statistics-date-invalid = { $value } nie jest datą, np. 2026-03-01
statistics-range-backwards = zakres kończy się przed początkiem
statistics-range-too-long = najwyżej { $days } dni naraz
statistics-refresh = Odśwież
statistics-export = Eksportuj CSV
statistics-exported = { $count ->
    [one] Zapisano { $count } plik CSV w { $folder }
    [few] Zapisano { $count } pliki CSV w { $folder }
    [many] Zapisano { $count } plików CSV w { $folder }
   *[other] Zapisano { $count } pliku CSV w { $folder }
}
statistics-export-failed = Nie udało się zapisać plików CSV: { $error }
statistics-open-folder = Otwórz folder
statistics-open-folder-failed = Nie udało się otworzyć { $folder }: { $error }
statistics-loading = Obliczanie…
statistics-failed = Nie udało się odczytać statystyk: { $error }
statistics-no-store = Lokalna baza danych nie jest otwarta, więc nie ma statystyk do pokazania.
statistics-empty = Brak wiadomości wsparcia i oczekiwań w tym okresie.
statistics-empty-hint = Wybierz inny okres; historia, której DutyDesk jeszcze nie odczytał, jest odczytywana w tle po zalogowaniu.
statistics-shown = { $from } – { $to }, { $zone }, stan na { $as_of }
statistics-business-hours = oczekiwania w godzinach pracy
statistics-backfill = Odczyt historii: czaty { $done }/{ $total }
statistics-backfill-flood = Telegram prosi o { $secs } s przerwy; odczyt historii: czaty { $done }/{ $total }
statistics-backfill-failed = { $failed ->
    [one] Nie udało się odczytać { $failed } czatu; zostanie ponowiony przy następnym uruchomieniu
    [few] Nie udało się odczytać { $failed } czatów; zostaną ponowione przy następnym uruchomieniu
    [many] Nie udało się odczytać { $failed } czatów; zostaną ponowione przy następnym uruchomieniu
   *[other] Nie udało się odczytać { $failed } czatu; zostaną ponowione przy następnym uruchomieniu
}
statistics-card-customer = Wiadomości klientów
statistics-card-staff = Wiadomości zespołu
statistics-card-answered = Obsłużone oczekiwania
statistics-card-open = Otwarte oczekiwania
statistics-card-median = Mediana 1. odpowiedzi
statistics-card-p90 = P90 1. odpowiedzi
statistics-card-before-red = Przed czerwonym
statistics-card-before-breach = Przed naruszeniem
statistics-chart-active = Aktywne czaty wsparcia na godzinę
statistics-chart-live = Wiadomości na minutę, ostatnia godzina (na żywo)
statistics-chart-hourly = Wiadomości na godzinę
statistics-chart-response = Pierwsza odpowiedź według dni
statistics-chart-heatmap = Wiadomości klientów według dnia tygodnia i godziny
statistics-series-active = Aktywne czaty
statistics-series-customer = Klient
statistics-series-staff = Zespół
statistics-series-average = Średnia
statistics-series-median = Mediana
statistics-series-p90 = P90
statistics-unit-chats = czaty
statistics-unit-messages = wiadomości
statistics-unit-minutes = min
statistics-readout = { $series }: { $value }
statistics-heatmap-readout = { $weekday } { $hour }:00, { $count ->
    [one] { $count } wiadomość
    [few] { $count } wiadomości
    [many] { $count } wiadomości
   *[other] { $count } wiadomości
}
statistics-months = sty lut mar kwi maj cze lip sie wrz paź lis gru
statistics-day-month = { $day } { $month }
statistics-table-admins = Pierwsza odpowiedź i SLA według admina
statistics-table-days = Według dni
statistics-table-admin-days = Według admina i dnia
statistics-table-longest = Najdłuższe oczekiwania
statistics-admin-filter = Admin
statistics-team = Zespół
statistics-rows = { $first }–{ $last } z { $total }
statistics-earlier = Wcześniej
statistics-later = Później
statistics-open-chat = Otwórz czat
statistics-chat-id = czat { $id }
statistics-waiting = nadal czeka
statistics-no-waits = Brak oczekiwań w tym okresie.
