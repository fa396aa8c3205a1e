## The local database (pins, stars, notes, settings, statistics): what failed, where. The
## SQLite and system descriptions in { $error } stay as they come.

store-open-failed = не удалось открыть базу данных DutyDesk { $path }: { $error }
store-too-new = у базы данных DutyDesk { $path } версия схемы { $found }, а этот DutyDesk знает версии только до { $supported }: её записал более новый DutyDesk. Запустите ту версию или уберите файл, чтобы начать заново; файл не тронут
store-sql-failed = { $what } — ошибка в базе данных DutyDesk { $path }: { $error }
store-corrupt = неверные данные в базе данных DutyDesk { $path }: { $what }
store-io-failed = { $what }: { $error }

## What was being done ({ $what } above).
store-create-dir = не удалось создать папку данных { $path }
store-reading-schema-version = чтение версии схемы
store-setting-busy-timeout = настройка ожидания блокировки
store-switching-to-wal = переход в режим WAL
store-setting-pragmas = настройка параметров
store-migrating = обновление схемы
store-migrating-from = обновление схемы с версии { $found } до { $to }
store-reading-local-marks = чтение локальных отметок
store-saving-local-marks = сохранение локальных отметок
store-reading-setting = чтение настройки «{ $key }»
store-saving-setting = сохранение настройки «{ $key }»
store-appending-statistics = запись статистики
store-reading-message-statistics = чтение статистики сообщений
store-reading-reply-statistics = чтение статистики ответов
store-counting-statistics = подсчёт статистики сообщений
store-checking-integrity = проверка целостности
store-summing-buckets = сводка статистики по интервалам
store-logging-backfill = запись догруженной истории чата
store-rebuilding-digests = пересчёт сводок статистики
store-reading-digests = чтение сводок статистики
store-reading-open-waits = чтение открытых ожиданий
store-saving-task = сохранение задачи { $key } чата { $chat }
store-reading-tasks = чтение связанных задач
store-saving-staff-names = сохранение имён сотрудников
store-reading-staff-names = чтение имён сотрудников

## Bad data found ({ $what } in store-corrupt).
store-negative-schema-version = отрицательная версия схемы { $found }
store-not-wal = журнал остаётся в режиме «{ $mode }», а нужен WAL
store-bad-support-flag = support_flags: у чата { $chat } отметка «{ $flag }» (ожидалось "include" или "exclude")
store-bad-desk-settings = настройка «{ $key }» не содержит правильных настроек пульта: { $error }
store-encode-desk-settings = не удалось записать настройки пульта: { $error }
store-bad-message-role = stat_messages: у сообщения { $message } чата { $chat } роль { $role } (ожидалось 0 или 1)
store-bad-responder-kind = stat_replies: у сообщения { $message } чата { $chat } тип ответившего { $kind } (ожидалось 0 или 1)
store-integrity = проверка целостности: { $result }
store-bad-digest = stat_days: сводку дня { $day } не удаётся прочитать
