## Starting a Telegram session: what can fail before TDLib answers at all.

session-no-backend = перед запуском сеанса не выбран бэкенд TDLib
session-no-client = TDLib отказался создать клиент
session-no-login-thread = не удалось запустить поток входа: { $error }
