## Config file errors. The file, line and key are the same in every language; the
## problem is said in the user's.

config-error-at = { $path }:{ $line }: ключ `{ $key }`: { $problem }
config-error-environment = переменная окружения { $name }: { $problem }
config-error-read = не удалось прочитать { $path }: { $error }
config-error-write = не удалось записать { $path }: { $error }
# The numbers are written as in the file: with a dot.
config-problem-scale = { $scale } — вне диапазона от 0.5 до 3.0
config-problem-theme = укажите тему или "auto"
config-problem-language = укажите "auto" или код языка, например "en" или "ru"
config-problem-api-hash = нужны 32 шестнадцатеричных символа, как на my.telegram.org
config-problem-api-id = нужно положительное число
config-problem-not-a-number = `{ $value }` — не число
config-problem-tracker-name-taken = другой трекер уже называется «{ $name }»
config-problem-time-zone = `{ $value }` — не название часового пояса вроде "Europe/Berlin"
config-problem-hours = `{ $value }` — не интервал внутри суток вроде 09:00-18:00
config-problem-hours-overlap = интервалы { $value } пересекаются
config-problem-date = `{ $value }` — не дата вроде 2026-12-25
config-problem-no-hours = ни в один день нет рабочих часов: задайте интервалы хотя бы одному дню недели
config-problem-volume = громкость { $value }; она бывает от 0 до 100
config-problem-quiet-hours = `{ $value }` — не интервал времени вроде "22:00-07:00"
