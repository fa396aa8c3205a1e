## Starting a Telegram session: what can fail before TDLib answers at all.

session-no-backend = no TDLib backend was chosen before starting a session
session-no-client = TDLib refused to create a client
session-no-login-thread = cannot start the login thread: { $error }
