## Times in the dense rows. Waiting times: whole minutes, hours with minutes, days.
## Message times: today's as a time, this week's with the weekday, older ones as a date.
## Between a number and its unit is a no-break space (U+00A0): a narrow column must not
## wrap "12" away from "min".

time-waiting-under-minute = <1 min
time-waiting-minutes = { $minutes } min
time-waiting-hours = { $hours } h { NUMBER($minutes, minimumIntegerDigits: 2) }
time-waiting-days = { $days } d
time-today = { NUMBER($hour, minimumIntegerDigits: 2) }:{ NUMBER($minute, minimumIntegerDigits: 2) }
# $weekday is one of mon, tue, wed, thu, fri, sat, sun.
time-this-week =
    { $weekday ->
        [mon] pn
        [tue] wt
        [wed] śr
        [thu] cz
        [fri] pt
        [sat] sb
       *[sun] nd
    } { NUMBER($hour, minimumIntegerDigits: 2) }:{ NUMBER($minute, minimumIntegerDigits: 2) }
time-date = { NUMBER($day, minimumIntegerDigits: 2) }.{ NUMBER($month, minimumIntegerDigits: 2) }.{ $year }
