## The connection to Telegram: its state and how long it has lasted (login screen, console
## header), the hint when it lasts, and the connection settings (proxies).

connection-lasted-seconds = { $seconds } с
connection-lasted-minutes = { $minutes } мин
connection-lasted-hours = { $hours } ч { $minutes } мин
connection-waiting-for-network = Ожидание сети · { $lasted }
connection-connecting-to-proxy = Подключение к прокси · { $lasted }
connection-connecting = Подключение к Telegram · { $lasted }
connection-updating = Обновление · { $lasted }
connection-hint-network = Похоже, компьютер не в сети. Проверьте подключение: кабель, Wi-Fi, VPN.
connection-hint-proxy = Прокси не отвечает. Проверьте сервер и порт или выберите другой прокси.
connection-hint-telegram = Telegram не отвечает. Проверьте сеть; если Telegram у вас заблокирован, задайте прокси.
connection-settings = Настройки подключения

connection-title = Настройки подключения
connection-ready = Подключено к Telegram.
connection-direct = Без прокси: DutyDesk подключается к Telegram напрямую.
connection-through = Через { $proxy }.
connection-list-title = Прокси
connection-list-empty = Прокси пока не добавлены.
connection-in-use = используется
connection-use = Использовать
connection-stop = Подключаться напрямую
connection-edit = Изменить
connection-remove = Удалить
connection-ping = Проверить
connection-pinging = Проверка…
connection-ping-ms = Отвечает за { $ms } мс
connection-ping-failed = Не отвечает: { $error }
connection-form-add = Добавить прокси
connection-form-edit = Изменить { $proxy }
connection-form-clear = Новый прокси
connection-link = Вставьте ссылку: tg://proxy?…, tg://socks?…, https://t.me/proxy?…, https://t.me/socks?…
connection-link-filled = Заполнено по ссылке. Проверьте и нажмите «Сохранить и использовать».
connection-server = Сервер
connection-port = Порт
connection-username = Имя пользователя (необязательно)
connection-password = Пароль (необязательно)
connection-secret = Секрет
connection-keyring-note = Пароль или секрет хранится в системном хранилище ключей, а не в файле настроек.
connection-save = Сохранить и использовать
connection-back = Назад
connection-form-refused = Не сохранено: { $problem }
connection-telegram-refused = Telegram не принял прокси: { $error }
connection-apply-failed = Прокси из файла настроек не использован: { $error }
connection-no-secret = В хранилище ключей нет секрета прокси из файла настроек (запись «{ $entry }»). Откройте настройки подключения и введите его.

connection-rule-server-empty = сервер не указан
connection-rule-server-too-long = имя сервера длиннее 255 символов
connection-rule-port = порт — число от 1 до 65535
connection-rule-no-username = у прокси MTProto нет имени пользователя
connection-rule-http-only = http_only бывает только у HTTP-прокси
connection-rule-secret = это не секрет прокси MTProto (32 шестнадцатеричных символа или секрет dd… или ee… из ссылки на прокси)
connection-rule-secret-in-config = пароль или секрет прокси не пишут в файл настроек: он хранится в хранилище ключей ОС. Удалите эту строку и введите его в настройках подключения
connection-link-not-proxy = Это не ссылка на прокси: такие ссылки начинаются с tg://proxy, tg://socks, https://t.me/proxy или https://t.me/socks.
connection-link-field = В ссылке неверен параметр { $field }: { $problem }.
connection-keyring-error = хранилище ключей ОС не сохранило или не выдало пароль прокси (запись «{ $entry }»): { $reason }
