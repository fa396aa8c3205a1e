## Starting a Telegram session: what can fail before TDLib answers at all.

session-no-backend = vor dem Start einer Sitzung wurde kein TDLib-Backend gewählt
session-no-client = TDLib hat das Anlegen eines Clients verweigert
session-no-login-thread = der Anmelde-Thread kann nicht gestartet werden: { $error }
