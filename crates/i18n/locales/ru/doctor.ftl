## `dutydesk doctor`: one line per thing DutyDesk depends on. The labels are aligned in
## a column as wide as the longest one, so they can be of any length.

doctor-label-config = конфигурация:
doctor-label-data = данные:
doctor-label-tdlib = tdlib:
doctor-label-keyring = хранилище ключей:
doctor-label-notifications = уведомления:
doctor-label-language = язык:
doctor-label-login-probe = проба входа:
doctor-label-tracker = трекер:
doctor-config-found = { $path } (найден)
doctor-config-missing = { $path } (ещё не создан; действуют значения по умолчанию)
doctor-config-error = { $path } (ошибка: { $error })
doctor-tdlib-found = { $path } (версия { $version })
doctor-tdlib-unusable = использовать нельзя: { $error }
doctor-keyring-available = доступно
doctor-keyring-none = недоступно ({ $reason }); ключом базы данных будет парольная фраза
doctor-keyring-locked = заблокировано (разблокируйте его в приложении для ключей, например Seahorse / «Связка ключей» / «Диспетчер учётных данных»)
doctor-keyring-damaged = повреждено: запись «{ $entry }» (служба «{ $service }») не является ключом базы данных ({ $reason }); DutyDesk её не трогает
doctor-notifications-server = { $name } { $version } ({ $vendor })
doctor-notifications-none = службы уведомлений нет ({ $error }); DutyDesk показывает уведомления в своём окне
doctor-notifications-platform = центр уведомлений системы
doctor-language-setting = { $language } (задан в конфигурации)
doctor-language-system = { $language } (как в системе)
doctor-language-unmatched-setting = English (в конфигурации указан «{ $wish }», но перевода DutyDesk на этот язык нет)
doctor-language-unmatched-system = English (система предпочитает «{ $wish }», но перевода DutyDesk на этот язык нет)
doctor-probe-taken = поток событий уже занят
doctor-probe-stopped = TDLib остановился, не дойдя до состояния входа
doctor-probe-timeout = TDLib не дошёл до состояния входа за { $seconds } с
doctor-probe-not-closed = TDLib не подтвердил закрытие за { $seconds } с

## Одна строка на каждую запись [[trackers]]. { $kind } — название продукта (Jira Cloud, Redmine, …).
doctor-tracker-browser = { $name } ({ $kind }, браузер): открывает заполненную форму на { $url }; токен не нужен
doctor-tracker-no-token = { $name } ({ $kind }, API): токен не сохранён; введите его в «Настройки → Трекеры задач» (DutyDesk хранит его в хранилище ключей ОС) или задайте { $variable }
doctor-tracker-keyring = { $name } ({ $kind }, API): токен не прочитан: { $problem }
doctor-tracker-valid = { $name } ({ $kind }, API): доступен по адресу { $origin }, токен действителен (учётная запись { $account })
doctor-tracker-valid-project = { $name } ({ $kind }, API): доступен по адресу { $origin }, токен действителен (учётная запись { $account }), проект «{ $project }» виден
doctor-tracker-failed = { $name } ({ $kind }, API): { $problem }
