## Config file errors. The file, line and key are the same in every language; the
## problem is said in the user's.

config-error-at = { $path }:{ $line }: klucz `{ $key }`: { $problem }
config-error-environment = zmienna środowiskowa { $name }: { $problem }
config-error-read = nie można odczytać { $path }: { $error }
config-error-write = nie można zapisać { $path }: { $error }
config-problem-scale = { $scale } wykracza poza zakres od 0.5 do 3.0
config-problem-theme = musi wskazywać motyw lub mieć wartość "auto"
config-problem-language = musi mieć wartość "auto" lub kod języka, np. "en" lub "ru"
config-problem-api-hash = musi składać się z 32 znaków szesnastkowych podanych na my.telegram.org
config-problem-api-id = musi być liczbą dodatnią
config-problem-not-a-number = `{ $value }` nie jest liczbą
config-problem-tracker-name-taken = inny tracker nazywa się już „{ $name }”
config-problem-time-zone = `{ $value }` nie jest nazwą strefy czasowej, np. "Europe/Berlin"
config-problem-hours = `{ $value }` nie jest zakresem w obrębie jednego dnia, np. 09:00-18:00
config-problem-hours-overlap = zakresy { $value } nakładają się
config-problem-date = `{ $value }` nie jest datą, np. 2026-12-25
config-problem-no-hours = brak godzin pracy w jakimkolwiek dniu: podaj zakresy dla co najmniej jednego dnia tygodnia
config-problem-volume = głośność wynosi { $value }; zakres to od 0 do 100
config-problem-quiet-hours = `{ $value }` nie jest zakresem czasu, np. "22:00-07:00"
