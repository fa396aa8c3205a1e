## The window around the features: its title, the banner and what it reports, the link
## to Telegram, the store and the themes. "DutyDesk" is the product's name in every language.

app-title = DutyDesk
app-title-demo = DutyDesk (demo floor)
app-title-waiting = DutyDesk — { $waiting } waiting, { $red } red
app-title-waiting-demo = DutyDesk (demo floor) — { $waiting } waiting, { $red } red
app-banner-dismiss = Dismiss
app-store-unavailable = Pins, stars and notes will not be saved: { $error }
app-store-not-saved = Could not save to { $path }: { $error }
app-api-key-not-saved = The API key is used but not saved: { $error }
app-settings-not-saved = Settings apply now but were not saved: { $error }
app-notifications-unavailable = { $text } (desktop notifications unavailable: { $error })
app-telegram-error = Telegram: { $error }
app-chats-failed = Loading chats failed: { $error }
app-account-failed = Could not read this account: { $error }
app-duty-members-failed = Could not read the duty group's members: { $error }
app-session-closed = Telegram closed this session. Restart DutyDesk to log in again.
app-unknown-step = Telegram asks for a step DutyDesk cannot do yet ({ $step }).

## A user theme file that could not be used: the window falls back to the light theme.
app-theme-unusable = Theme { $path }: { $error }
app-theme-color = colors.{ $key }: "{ $value }" is not a #rrggbb colour
app-theme-mode = mode: "{ $value }" must be "light" or "dark"

## An outside HTTP call (a tracker) whose worker stopped before it answered.
app-http-stopped = the call stopped: { $error }
