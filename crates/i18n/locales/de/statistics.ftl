## The Statistics screen (F9): the period, charts, tables, export, the history being read.
## Column names of its tables are the stats command's (stats.ftl).

statistics-title = Statistik
statistics-back = Zurück zur Konsole
statistics-period-today = Heute
statistics-period-yesterday = Gestern
statistics-period-week = Letzte 7 Tage
statistics-period-month = Letzte 30 Tage
statistics-period-custom = Zeitraum
statistics-from = Von
statistics-to = bis
statistics-date-placeholder = JJJJ-MM-TT
statistics-date-invalid = { $value } ist kein Datum wie 2026-03-01
statistics-range-backwards = der Zeitraum endet vor seinem Beginn
statistics-range-too-long = höchstens { $days } Tage auf einmal
statistics-refresh = Aktualisieren
statistics-export = CSV exportieren
statistics-exported = { $count ->
    [one] { $count } CSV-Datei in { $folder } gespeichert
   *[other] { $count } CSV-Dateien in { $folder } gespeichert
}
statistics-export-failed = Die CSV-Dateien konnten nicht geschrieben werden: { $error }
statistics-open-folder = Ordner öffnen
statistics-open-folder-failed = { $folder } konnte nicht geöffnet werden: { $error }
statistics-loading = Werte werden berechnet…
statistics-failed = Die Statistik konnte nicht gelesen werden: { $error }
statistics-no-store = Die lokale Datenbank ist nicht geöffnet, daher gibt es keine Statistik.
statistics-empty = Keine Support-Nachrichten und keine Wartezeiten in diesem Zeitraum.
statistics-empty-hint = Wählen Sie einen anderen Zeitraum; noch nicht gelesener Verlauf wird nach der Anmeldung im Hintergrund gelesen.
statistics-shown = { $from } – { $to }, { $zone }, Stand { $as_of }
statistics-business-hours = Wartezeiten in Geschäftszeiten
statistics-backfill = Verlauf wird gelesen: { $done }/{ $total } Chats
statistics-backfill-flood = Telegram bittet um { $secs } s Pause; Verlauf wird gelesen: { $done }/{ $total } Chats
statistics-backfill-failed = { $failed ->
    [one] { $failed } Chat konnte nicht gelesen werden; er wird beim nächsten Start erneut versucht
   *[other] { $failed } Chats konnten nicht gelesen werden; sie werden beim nächsten Start erneut versucht
}
statistics-card-customer = Kundennachrichten
statistics-card-staff = Teamnachrichten
statistics-card-answered = Beantwortete Wartezeiten
statistics-card-open = Offene Wartezeiten
statistics-card-median = Median erste Antwort
statistics-card-p90 = P90 erste Antwort
statistics-card-before-red = Beantwortet vor Rot
statistics-card-before-breach = Beantwortet vor Verstoß
statistics-chart-active = Aktive Support-Chats pro Stunde
statistics-chart-live = Nachrichten pro Minute, letzte Stunde (live)
statistics-chart-hourly = Nachrichten pro Stunde
statistics-chart-response = Erste Antwort pro Tag
statistics-chart-heatmap = Kundennachrichten nach Wochentag und Stunde
statistics-series-active = Aktive Chats
statistics-series-customer = Kunde
statistics-series-staff = Team
statistics-series-average = Durchschnitt
statistics-series-median = Median
statistics-series-p90 = P90
statistics-unit-chats = Chats
statistics-unit-messages = Nachrichten
statistics-unit-minutes = Min.
statistics-readout = { $series }: { $value }
statistics-heatmap-readout = { $weekday } { $hour }:00, { $count ->
    [one] { $count } Nachricht
   *[other] { $count } Nachrichten
}
statistics-months = Jan. Feb. März Apr. Mai Juni Juli Aug. Sep. Okt. Nov. Dez.
statistics-day-month = { $day }. { $month }
statistics-table-admins = Erste Antwort und SLA je Admin
statistics-table-days = Pro Tag
statistics-table-admin-days = Je Admin und Tag
statistics-table-longest = Längste Wartezeiten
statistics-admin-filter = Admin
statistics-team = Team
statistics-rows = { $first }–{ $last } von { $total }
statistics-earlier = Früher
statistics-later = Später
statistics-open-chat = Chat öffnen
statistics-chat-id = Chat { $id }
statistics-waiting = wartet noch
statistics-no-waits = Keine Wartezeiten in diesem Zeitraum.
