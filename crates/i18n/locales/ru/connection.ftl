## Proxies: what is wrong with one (the config's [proxy], a pasted link, the form), and the
## keyring that keeps its password or secret.

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
