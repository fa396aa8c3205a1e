## Times in the dense rows. Waiting times: whole minutes, hours with minutes, days.
## Message times: today's as a time, this week's with the weekday, older ones as a date.

time-waiting-under-minute = <1m
time-waiting-minutes = { $minutes }m
time-waiting-hours = { $hours }h{ NUMBER($minutes, minimumIntegerDigits: 2) }
time-waiting-days = { $days }d
time-today = { NUMBER($hour, minimumIntegerDigits: 2) }:{ NUMBER($minute, minimumIntegerDigits: 2) }
# $weekday is one of mon, tue, wed, thu, fri, sat, sun.
time-this-week =
    { $weekday ->
        [mon] Mon
        [tue] Tue
        [wed] Wed
        [thu] Thu
        [fri] Fri
        [sat] Sat
       *[sun] Sun
    } { NUMBER($hour, minimumIntegerDigits: 2) }:{ NUMBER($minute, minimumIntegerDigits: 2) }
time-date = { $year }-{ NUMBER($month, minimumIntegerDigits: 2) }-{ NUMBER($day, minimumIntegerDigits: 2) }
