## `dutydesk doctor`: one line per thing DutyDesk depends on. The labels are aligned in
## a column as wide as the longest one, so they can be of any length.

doctor-label-config = Konfiguration:
doctor-label-data = Daten:
doctor-label-tdlib = TDLib:
doctor-label-keyring = Schlüsselbund:
doctor-label-notifications = Benachrichtigungen:
doctor-label-language = Sprache:
doctor-label-login-probe = Anmeldetest:
doctor-label-tracker = Tracker:
doctor-config-found = { $path } (gefunden)
doctor-config-missing = { $path } (noch nicht angelegt; Standardwerte gelten)
doctor-config-error = { $path } (Fehler: { $error })
doctor-tdlib-found = { $path } (Version { $version })
doctor-tdlib-unusable = nicht nutzbar: { $error }
doctor-keyring-available = verfügbar
doctor-keyring-none = nicht verfügbar ({ $reason }); der Datenbankschlüssel wird eine Passphrase sein
doctor-keyring-locked = gesperrt (entsperren Sie ihn in Ihrer Schlüsselbund-App, z. B. Seahorse / Schlüsselbundverwaltung / Anmeldeinformationsverwaltung)
doctor-keyring-damaged = beschädigt: der Eintrag „{ $entry }“ (Dienst „{ $service }“) ist kein Datenbankschlüssel ({ $reason }); DutyDesk lässt ihn unverändert
doctor-notifications-server = { $name } { $version } ({ $vendor })
doctor-notifications-none = kein Benachrichtigungsdienst ({ $error }); DutyDesk zeigt stattdessen Banner im Fenster
doctor-notifications-platform = die Mitteilungszentrale der Plattform
doctor-language-setting = { $language } (in der Konfiguration gesetzt)
doctor-language-system = { $language } (folgt dem System)
doctor-language-unmatched-setting = Englisch (die Konfiguration verlangt „{ $wish }“, wofür DutyDesk keine Übersetzung hat)
doctor-language-unmatched-system = Englisch (das System bevorzugt „{ $wish }“, wofür DutyDesk keine Übersetzung hat)
doctor-probe-taken = der Ereignisstrom wurde bereits übernommen
doctor-probe-stopped = TDLib wurde beendet, bevor ein Anmeldezustand erreicht war
doctor-probe-timeout = TDLib hat innerhalb von { $seconds } s keinen Anmeldezustand erreicht
doctor-probe-not-closed = TDLib hat das Schließen nicht innerhalb von { $seconds } s bestätigt

## One line per [[trackers]] entry. { $kind } is the product's name (Jira Cloud, Redmine, …).
doctor-tracker-browser = { $name } ({ $kind }, Browser): öffnet das vorausgefüllte Formular unter { $url }; kein Token nötig
doctor-tracker-no-token = { $name } ({ $kind }, API): kein Token gespeichert; geben Sie es unter Einstellungen → Aufgaben-Tracker ein (DutyDesk legt es im Schlüsselbund des Systems ab) oder setzen Sie { $variable }
doctor-tracker-keyring = { $name } ({ $kind }, API): das Token konnte nicht gelesen werden: { $problem }
doctor-tracker-valid = { $name } ({ $kind }, API): erreichbar unter { $origin }, Token gültig (Konto { $account })
doctor-tracker-valid-project = { $name } ({ $kind }, API): erreichbar unter { $origin }, Token gültig (Konto { $account }), Projekt „{ $project }“ sichtbar
doctor-tracker-failed = { $name } ({ $kind }, API): { $problem }
