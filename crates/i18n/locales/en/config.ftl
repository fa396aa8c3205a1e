## Config file errors. The file, line and key are the same in every language; the
## problem is said in the user's.

config-error-at = { $path }:{ $line }: key `{ $key }`: { $problem }
config-error-environment = environment variable { $name }: { $problem }
config-error-read = cannot read { $path }: { $error }
config-error-write = cannot write { $path }: { $error }
config-problem-scale = { $scale } is outside 0.5 to 3.0
config-problem-theme = must name a theme, or be "auto"
config-problem-language = must be "auto" or a language code such as "en" or "ru"
config-problem-api-hash = must be the 32 hexadecimal characters shown on my.telegram.org
config-problem-api-id = must be a positive number
config-problem-not-a-number = `{ $value }` is not a number
config-problem-tracker-name-taken = another tracker is already called "{ $name }"
config-problem-time-zone = `{ $value }` is not a time zone name like "Europe/Berlin"
config-problem-hours = `{ $value }` is not a range like 09:00-18:00 within one day
config-problem-hours-overlap = the ranges { $value } overlap
config-problem-date = `{ $value }` is not a date like 2026-12-25
config-problem-no-hours = no opening hours on any day: give at least one weekday its ranges
config-problem-volume = the volume is { $value }; it goes from 0 to 100
config-problem-quiet-hours = `{ $value }` is not a time range like "22:00-07:00"
