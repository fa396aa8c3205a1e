## Starting a Telegram session: what can fail before TDLib answers at all.

session-no-backend = przed uruchomieniem sesji nie wybrano backendu TDLib
session-no-client = TDLib odmówił utworzenia klienta
session-no-login-thread = nie można uruchomić wątku logowania: { $error }
