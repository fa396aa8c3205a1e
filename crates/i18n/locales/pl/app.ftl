## The window around the features: its title, the banner and what it reports, the link
## to Telegram, the store and the themes. "DutyDesk" is the product's name in every language.

app-title = DutyDesk
app-title-demo = DutyDesk (dyżur demo)
app-title-waiting = DutyDesk — oczekujące: { $waiting }, czerwone: { $red }
app-title-waiting-demo = DutyDesk (dyżur demo) — oczekujące: { $waiting }, czerwone: { $red }
app-banner-dismiss = Ukryj
app-store-unavailable = Przypięcia, gwiazdki i notatki nie będą zapisywane: { $error }
app-store-not-saved = Nie udało się zapisać do { $path }: { $error }
app-api-key-not-saved = Klucz API jest używany, ale nie został zapisany: { $error }
app-settings-not-saved = Ustawienia działają od razu, ale nie zostały zapisane: { $error }
app-notifications-unavailable = { $text } (powiadomienia pulpitu niedostępne: { $error })
app-telegram-error = Telegram: { $error }
app-chats-failed = Nie udało się wczytać czatów: { $error }
app-account-failed = Nie udało się odczytać tego konta: { $error }
app-duty-members-failed = Nie udało się odczytać członków grupy dyżurnej: { $error }
app-session-closed = Telegram zamknął tę sesję. Uruchom DutyDesk ponownie, aby się zalogować.
app-unknown-step = Telegram wymaga kroku, którego DutyDesk jeszcze nie obsługuje ({ $step }).

## A user theme file that could not be used: the window falls back to the light theme.
app-theme-unusable = Motyw { $path }: { $error }
app-theme-color = colors.{ $key }: „{ $value }” nie jest kolorem w formacie #rrggbb
app-theme-mode = mode: „{ $value }” musi mieć wartość "light" lub "dark"

## An outside HTTP call (a tracker) whose worker stopped before it answered.
app-http-stopped = wywołanie zostało przerwane: { $error }
