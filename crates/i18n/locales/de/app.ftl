## The window around the features: its title, the banner and what it reports, the link
## to Telegram, the store and the themes. "DutyDesk" is the product's name in every language.

app-title = DutyDesk
app-title-demo = DutyDesk (Demo-Schicht)
app-title-waiting = DutyDesk — { $waiting } wartend, { $red } rot
app-title-waiting-demo = DutyDesk (Demo-Schicht) — { $waiting } wartend, { $red } rot
app-banner-dismiss = Ausblenden
app-store-unavailable = Pins, Sterne und Notizen werden nicht gespeichert: { $error }
app-store-not-saved = Speichern in { $path } fehlgeschlagen: { $error }
app-api-key-not-saved = Der API-Schlüssel wird verwendet, aber nicht gespeichert: { $error }
app-settings-not-saved = Einstellungen gelten sofort, wurden aber nicht gespeichert: { $error }
app-notifications-unavailable = { $text } (Desktop-Benachrichtigungen nicht verfügbar: { $error })
app-telegram-error = Telegram: { $error }
app-chats-failed = Chats konnten nicht geladen werden: { $error }
app-account-failed = Dieses Konto konnte nicht gelesen werden: { $error }
app-duty-members-failed = Mitglieder der Dienstgruppe konnten nicht gelesen werden: { $error }
app-session-closed = Telegram hat diese Sitzung beendet. Starten Sie DutyDesk neu, um sich erneut anzumelden.
app-unknown-step = Telegram verlangt einen Schritt, den DutyDesk noch nicht unterstützt ({ $step }).

## A user theme file that could not be used: the window falls back to the light theme.
app-theme-unusable = Design { $path }: { $error }
app-theme-color = colors.{ $key }: „{ $value }“ ist keine Farbe im Format #rrggbb
app-theme-mode = mode: „{ $value }“ muss "light" oder "dark" sein

## An outside HTTP call (a tracker) whose worker stopped before it answered.
app-http-stopped = der Aufruf wurde abgebrochen: { $error }
