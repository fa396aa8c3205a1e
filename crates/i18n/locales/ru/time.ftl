## Times in the dense rows. Waiting times: whole minutes, hours with minutes, days.
## Message times: today's as a time, this week's with the weekday, older ones as a date.
## Between a number and its unit is a no-break space (U+00A0): a narrow column must not
## wrap "12" away from "мин".

time-waiting-under-minute = <1 мин
time-waiting-minutes = { $minutes } мин
time-waiting-hours = { $hours } ч { NUMBER($minutes, minimumIntegerDigits: 2) }
time-waiting-days = { $days } дн
time-today = { NUMBER($hour, minimumIntegerDigits: 2) }:{ NUMBER($minute, minimumIntegerDigits: 2) }
# $weekday is one of mon, tue, wed, thu, fri, sat, sun.
time-this-week =
    { $weekday ->
        [mon] пн
        [tue] вт
        [wed] ср
        [thu] чт
        [fri] пт
        [sat] сб
       *[sun] вс
    } { NUMBER($hour, minimumIntegerDigits: 2) }:{ NUMBER($minute, minimumIntegerDigits: 2) }
time-date = { NUMBER($day, minimumIntegerDigits: 2) }.{ NUMBER($month, minimumIntegerDigits: 2) }.{ $year }
