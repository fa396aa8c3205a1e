## The Statistics screen (F9): the period, charts, tables, export, the history being read.
## Column names of its tables are the stats command's (stats.ftl).

statistics-title = Statistics
statistics-back = Back to the console
statistics-period-today = Today
statistics-period-yesterday = Yesterday
statistics-period-week = Last 7 days
statistics-period-month = Last 30 days
statistics-period-custom = Custom range
statistics-from = From
statistics-to = to
statistics-date-placeholder = YYYY-MM-DD
statistics-date-invalid = { $value } is not a date like 2026-03-01
statistics-range-backwards = the range ends before it starts
statistics-range-too-long = at most { $days } days at once
statistics-refresh = Refresh
statistics-export = Export CSV
statistics-exported = { $count ->
    [one] Saved { $count } CSV file in { $folder }
   *[other] Saved { $count } CSV files in { $folder }
}
statistics-export-failed = Could not write the CSV files: { $error }
statistics-open-folder = Open folder
statistics-open-folder-failed = Could not open { $folder }: { $error }
statistics-loading = Computing the figures…
statistics-failed = Could not read the statistics: { $error }
statistics-no-store = The local database is not open, so there are no statistics to show.
statistics-empty = No support messages and no waits in this period.
statistics-empty-hint = Choose another period; history that DutyDesk has not read yet is read in the background after login.
statistics-shown = { $from } – { $to }, { $zone }, as of { $as_of }
statistics-business-hours = waits in business hours
statistics-backfill = Reading history { $done }/{ $total } chats
statistics-backfill-flood = Telegram asked to wait { $secs } s; reading history { $done }/{ $total } chats
statistics-backfill-failed = { $failed ->
    [one] { $failed } chat could not be read; it is tried again at the next start
   *[other] { $failed } chats could not be read; they are tried again at the next start
}
statistics-card-customer = Customer messages
statistics-card-staff = Staff messages
statistics-card-answered = Answered waits
statistics-card-open = Open waits
statistics-card-median = Median first response
statistics-card-p90 = P90 first response
statistics-card-before-red = Answered before red
statistics-card-before-breach = Answered before breach
statistics-chart-active = Active support chats per hour
statistics-chart-live = Messages per minute, last hour (live)
statistics-chart-hourly = Messages per hour
statistics-chart-response = First response per day
statistics-chart-heatmap = Customer messages by weekday and hour
statistics-series-active = Active chats
statistics-series-customer = Customer
statistics-series-staff = Staff
statistics-series-average = Average
statistics-series-median = Median
statistics-series-p90 = P90
statistics-unit-chats = chats
statistics-unit-messages = messages
statistics-unit-minutes = min
statistics-readout = { $series }: { $value }
statistics-heatmap-readout = { $weekday } { $hour }:00, { $count ->
    [one] { $count } message
   *[other] { $count } messages
}
statistics-months = Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec
statistics-day-month = { $month } { $day }
statistics-table-admins = First response and SLA per admin
statistics-table-days = Per day
statistics-table-admin-days = Per admin and day
statistics-table-longest = Longest waits
statistics-admin-filter = Admin
statistics-team = Team
statistics-rows = { $first }–{ $last } of { $total }
statistics-earlier = Earlier
statistics-later = Later
statistics-open-chat = Open chat
statistics-chat-id = chat { $id }
statistics-waiting = still waiting
statistics-no-waits = No waits in this period.
