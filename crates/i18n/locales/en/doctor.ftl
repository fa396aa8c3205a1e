## `dutydesk doctor`: one line per thing DutyDesk depends on. The labels are aligned in
## a column as wide as the longest one, so they can be of any length.

doctor-label-config = config:
doctor-label-data = data:
doctor-label-tdlib = tdlib:
doctor-label-keyring = keyring:
doctor-label-notifications = notifications:
doctor-label-language = language:
doctor-label-login-probe = login probe:
doctor-label-tracker = tracker:
doctor-config-found = { $path } (found)
doctor-config-missing = { $path } (not created yet; defaults apply)
doctor-config-error = { $path } (error: { $error })
doctor-tdlib-found = { $path } (version { $version })
doctor-tdlib-unusable = not usable: { $error }
doctor-keyring-available = available
doctor-keyring-none = not available ({ $reason }); the database key will be a passphrase
doctor-keyring-locked = locked (unlock it in your keyring app, e.g. Seahorse / Keychain Access / Credential Manager)
doctor-keyring-damaged = damaged: the entry "{ $entry }" (service "{ $service }") is not a database key ({ $reason }); DutyDesk leaves it untouched
doctor-notifications-server = { $name } { $version } ({ $vendor })
doctor-notifications-none = no notification service ({ $error }); DutyDesk shows in-app banners instead
doctor-notifications-platform = the platform's notification center
doctor-language-setting = { $language } (set in the config)
doctor-language-system = { $language } (follows the system)
doctor-language-unmatched-setting = English (the config asks for "{ $wish }", which DutyDesk has no translation for)
doctor-language-unmatched-system = English (the system prefers "{ $wish }", which DutyDesk has no translation for)
doctor-probe-taken = the event stream was already taken
doctor-probe-stopped = TDLib stopped before reaching a login state
doctor-probe-timeout = TDLib did not reach a login state within { $seconds } s
doctor-probe-not-closed = TDLib did not confirm closing within { $seconds } s

## One line per [[trackers]] entry. { $kind } is the product's name (Jira Cloud, Redmine, …).
doctor-tracker-browser = { $name } ({ $kind }, browser): opens the pre-filled form at { $url }; no token needed
doctor-tracker-no-token = { $name } ({ $kind }, API): no token stored; enter it in Settings → Task trackers (DutyDesk keeps it in the OS keyring) or set { $variable }
doctor-tracker-keyring = { $name } ({ $kind }, API): the token could not be read: { $problem }
doctor-tracker-valid = { $name } ({ $kind }, API): reachable at { $origin }, token valid (account { $account })
doctor-tracker-valid-project = { $name } ({ $kind }, API): reachable at { $origin }, token valid (account { $account }), project "{ $project }" visible
doctor-tracker-failed = { $name } ({ $kind }, API): { $problem }
