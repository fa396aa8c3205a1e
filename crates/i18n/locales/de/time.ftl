## Times in the dense rows. Waiting times: whole minutes, hours with minutes, days.
## Message times: today's as a time, this week's with the weekday, older ones as a date.
## Between a number and its unit is a no-break space (U+00A0): a narrow column must not
## wrap "12" away from "Min.".

time-waiting-under-minute = <1 Min.
time-waiting-minutes = { $minutes } Min.
time-waiting-hours = { $hours } Std. { NUMBER($minutes, minimumIntegerDigits: 2) }
time-waiting-days = { $days } Tg.
time-today = { NUMBER($hour, minimumIntegerDigits: 2) }:{ NUMBER($minute, minimumIntegerDigits: 2) }
# $weekday is one of mon, tue, wed, thu, fri, sat, sun.
time-this-week =
    { $weekday ->
        [mon] Mo
        [tue] Di
        [wed] Mi
        [thu] Do
        [fri] Fr
        [sat] Sa
       *[sun] So
    } { NUMBER($hour, minimumIntegerDigits: 2) }:{ NUMBER($minute, minimumIntegerDigits: 2) }
time-date = { NUMBER($day, minimumIntegerDigits: 2) }.{ NUMBER($month, minimumIntegerDigits: 2) }.{ $year }
