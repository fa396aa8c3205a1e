## Task trackers: the rules a [[trackers]] entry must keep, and what went wrong talking to a
## tracker with what to do. Product names (Jira, Redmine, …), config keys (base_url, mode,
## user, …) and values ("api", "browser") stay as written in the config file.

tracker-rule-no-name = muss den Tracker benennen
tracker-rule-generic-no-api = ein generischer Tracker kann nur ein Browserformular vorausfüllen; verwenden Sie mode = "browser"
tracker-rule-no-form = Bitrix24 hat kein vorausgefülltes Formular; verwenden Sie mode = "api" mit einem eingehenden Webhook
tracker-rule-cloud-user = die API von Jira Cloud braucht die E-Mail-Adresse des Atlassian-Kontos, dem das Token gehört
tracker-rule-webhook-user = muss die Nutzer-ID aus der Webhook-Adresse sein (/rest/<user>/<code>/)
tracker-rule-issue-type-id = das Browserformular erwartet die numerische ID des Vorgangstyps
tracker-rule-assignee-id = Redmine erwartet die numerische ID des Nutzers
tracker-rule-no-template = ein generischer Tracker braucht seine URL für „neuer Vorgang“ mit { $title } und { $description }
tracker-rule-unknown-placeholder = unbekannter Platzhalter { $word }; verwenden Sie { $placeholders }
tracker-rule-template-empty = muss { $title } oder { $description } enthalten, sonst öffnet sich das Formular leer
tracker-rule-chat-id = der Schlüssel muss eine Telegram-Chat-ID sein
tracker-rule-project-name = muss ein Projekt nennen, ohne Leerzeichen davor oder danach
tracker-rule-jira-project-id = das Browserformular von Jira erwartet die numerische ID des Projekts (pid)
tracker-rule-owner-repo = muss owner/repository sein
tracker-rule-group-project = muss group/project sein (oder die numerische ID des Projekts)
tracker-rule-workgroup-id = muss die numerische ID der Arbeitsgruppe sein
tracker-rule-url-too-long = ist länger, als der Tracker in einer URL annimmt

tracker-url-scheme = muss mit https:// beginnen
tracker-url-query = darf keine Abfrage (?) und kein Fragment (#) enthalten
tracker-url-user = darf keinen Benutzernamen und kein Passwort enthalten; Token gehören in den Schlüsselbund
tracker-url-spaces = darf keine Leerzeichen enthalten
tracker-url-not-https = ist nicht https://; nur localhost darf http:// verwenden
tracker-url-ipv6-unclosed = einer IPv6-Adresse fehlt die schließende ]
tracker-url-ipv6-invalid = enthält eine ungültige IPv6-Adresse
tracker-url-ipv6-trailing = enthält Text nach der IPv6-Adresse
tracker-url-host = muss einen Host nennen (Buchstaben, Ziffern, Punkte und Bindestriche)
tracker-url-port = enthält einen ungültigen Port

## What went wrong, each with what to do. "Retry" is the form's button.
tracker-fault-config = korrigieren Sie `{ $field }` im Eintrag [[trackers]]: { $problem }
tracker-fault-not-https = { $url } ist keine https://-Adresse; nur ein Tracker auf diesem Rechner (localhost) darf http:// verwenden, damit ein Token nie unverschlüsselt durchs Netz geht
tracker-fault-no-project = kein Projekt gewählt und kein default_project konfiguriert; wählen Sie ein Projekt
tracker-fault-empty-title = die Aufgabe hat keinen Titel; geben Sie einen ein
tracker-fault-no-token = für diesen Tracker ist kein Token gespeichert; erstellen Sie eines im Tracker und speichern Sie es
tracker-fault-unreachable = der Tracker ist nicht erreichbar ({ $detail }); prüfen Sie seine Adresse und das Netzwerk, dann „Wiederholen“
tracker-fault-timeout = keine Antwort innerhalb von { $seconds } s; der Tracker ist vielleicht ausgelastet oder nicht erreichbar, „Wiederholen“
tracker-fault-unauthorized = das Token wurde abgelehnt (401); erstellen Sie im Tracker ein neues Token und speichern Sie es erneut
tracker-fault-forbidden = das Konto des Tokens darf das nicht (403); prüfen Sie die Berechtigungen des Kontos und die Scopes des Tokens
tracker-fault-forbidden-detail = das Konto des Tokens darf das nicht (403): { $detail }; prüfen Sie die Berechtigungen des Kontos und die Scopes des Tokens
tracker-fault-missing-scope = dem Token fehlt die Berechtigung „{ $scope }“; fügen Sie sie dem Token (Webhook) im Tracker hinzu
tracker-fault-unknown-project = das Projekt „{ $project }“ existiert nicht oder ist für das Konto des Tokens nicht sichtbar; wählen Sie ein anderes Projekt oder korrigieren Sie die Konfiguration
tracker-fault-unknown-task = die Aufgabe { $key } existiert nicht oder ist für das Konto des Tokens nicht sichtbar
tracker-fault-unknown-assignee = der Tracker hat keinen Nutzer „{ $assignee }“; wählen Sie einen anderen Bearbeiter
tracker-fault-validation = der Tracker hat die Aufgabe nicht angenommen; prüfen Sie das Formular und wählen Sie „Wiederholen“
tracker-fault-validation-messages = der Tracker hat die Aufgabe nicht angenommen: { $messages }; korrigieren Sie das Formular und wählen Sie „Wiederholen“
tracker-fault-redirect-elsewhere = der Tracker leitet auf einen anderen Host um ({ $location }); DutyDesk sendet das Token nicht dorthin. Ist der Tracker umgezogen, setzen Sie base_url auf seine neue Adresse
tracker-fault-redirected = der Tracker leitet auf { $location } um; setzen Sie base_url auf diese Adresse
tracker-fault-rate-limited = zu viele Anfragen (429); warten Sie eine Minute, dann „Wiederholen“
tracker-fault-server = Fehler im Tracker (HTTP { $status }); später „Wiederholen“
tracker-fault-unexpected = unerwartete Antwort (HTTP { $status }); prüfen Sie, ob base_url und kind diesen Tracker bezeichnen
tracker-fault-oversize = die Antwort ist größer als { $limit } Bytes; prüfen Sie, ob base_url auf den Tracker zeigt
tracker-fault-malformed = die Antwort entspricht nicht dem, was dieser Tracker sendet ({ $detail }); prüfen Sie, ob base_url und kind diesen Tracker bezeichnen

## Bitrix24 answers a task's state with a number; these are its documented meanings.
tracker-bitrix-status-new = Neu
tracker-bitrix-status-pending = Ausstehend
tracker-bitrix-status-in-progress = In Arbeit
tracker-bitrix-status-awaiting-control = Wartet auf Kontrolle
tracker-bitrix-status-completed = Abgeschlossen
tracker-bitrix-status-deferred = Zurückgestellt
tracker-bitrix-status-declined = Abgelehnt

## A YouTrack project without a State field: whether the task is resolved.
tracker-youtrack-resolved = Gelöst
tracker-youtrack-unresolved = Ungelöst

## Browser mode: the key or address the admin pasted back after creating the task.
tracker-paste-empty = fügen Sie den Schlüssel der Aufgabe oder die Adresse ihrer Seite ein
tracker-paste-other-address = diese Adresse liegt nicht unter { $base }; fügen Sie die Adresse der Aufgabenseite in diesem Tracker ein
tracker-paste-not-a-task = das ist weder ein Aufgabenschlüssel dieses Trackers (wie { $example }) noch die Adresse einer Aufgabenseite
