## The command line: its help, its own messages, and `fetch-tdlib`'s progress.

cli-about = Рабочее место дежурного администратора поддержки в Telegram
cli-help-demo = Открыть окно в демо-режиме (смоделированный Telegram) вместо настоящего аккаунта.
cli-help-scenario = С --demo: файл сценария или имя встроенного (floor, storm, faults, basic).
cli-help-speed = С --demo: скорость виртуального времени (60 — минута за секунду).
cli-help-seed = С --demo: начальное значение генератора случайных чисел для сценария.
cli-help-fetch-tdlib = Скачать TDLib { $version } для этой платформы в каталог данных.
cli-help-fetch-dest = Установить библиотеку в эту папку (папку пакета, рядом с программой), а не в каталог данных.
cli-help-fetch-archive = Проверить и установить уже скачанный пакет (.tgz из npm pack) вместо загрузки.
cli-help-fetch-sha512 = С --archive: sha512 пакета (dist.integrity из npm) для платформы, для которой в этой сборке нет закреплённой суммы; закреплённая сумма всегда важнее.
cli-help-doctor = Показать, что видит DutyDesk: пути, TDLib, хранилище ключей, уведомления, язык.
cli-help-login-probe = Также запустить TDLib во временном каталоге и показать, до какого состояния он дойдёт.
cli-help-help = Показать справку
cli-help-version = Показать версию
cli-help-help-command = Показать эту справку или справку по указанным командам
cli-help-help-command-argument = Показать справку по командам
cli-heading-usage = Использование:
# clap adds the colon after these three headings.
cli-heading-commands = Команды
cli-heading-options = Параметры
cli-heading-arguments = Аргументы
cli-logging-off = dutydesk: журнал не ведётся: { $error }
cli-fetch-progress = Загрузка TDLib { $version }
cli-fetch-installed = TDLib { $version } установлен: { $path }
cli-paths-no-config-dir = в системе нет каталога настроек; укажите в DUTYDESK_HOME папку, которой DutyDesk может пользоваться
cli-paths-no-data-dir = в системе нет каталога данных; укажите в DUTYDESK_HOME папку, которой DutyDesk может пользоваться
cli-help-stats = Показать статистику команды за местные дни с FROM по TO (те же цифры, что на экране «Статистика»), при желании — в CSV.
cli-help-stats-from = Первый день, ГГГГ-ММ-ДД, в часовом поясе статистики.
cli-help-stats-to = Последний день, ГГГГ-ММ-ДД, включительно.
cli-help-stats-csv = Записать и каждую таблицу в CSV, по файлу рядом с FILE: его имя + -summary.csv, -admins.csv, -days.csv, -admin-days.csv, -hours.csv, -heatmap.csv, -longest.csv.
cli-help-stats-tz = Часовой пояс дней и часов (имя IANA, например Europe/Berlin). По умолчанию — time_zone из [statistics] или [business_hours] в настройках, иначе UTC.
cli-help-stats-longest = Сколько самых долгих ожиданий показать.
cli-version =
    { $version }
    TDLib { $tdlib } (версия, которую загружает эта сборка)
    коммит { $commit }
