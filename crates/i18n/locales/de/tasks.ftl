## Tasks in the team's tracker, from the chat view: the form, the chat's tasks, the link
## posted into the chat. Tracker names are the admin's own ("Support Redmine"); keys are the
## tracker's ("SUP-12", "#34").

## Why a tracker call failed; { $problem } is the tracker's fault, already worded.
tasks-error-tracker = { $tracker }: { $problem }
tasks-error-no-token = { $tracker }: für diesen Tracker ist kein Token gespeichert; geben Sie es unter Einstellungen → Aufgaben-Tracker ein (DutyDesk legt es im Schlüsselbund des Systems ab)
tasks-error-token = { $tracker }: { $problem }

## Why the OS keyring could not give or keep a tracker's token.
tasks-token-no-keyring = hier gibt es keinen Schlüsselbund des Systems ({ $reason }); setzen Sie das Token stattdessen in der Umgebungsvariable DUTYDESK_TRACKER_TOKEN_…
tasks-token-locked = der Schlüsselbund des Systems ist gesperrt oder hat den Zugriff verweigert ({ $reason }); entsperren Sie ihn und wählen Sie „Wiederholen“
tasks-token-failed = der Schlüsselbund des Systems hat einen Fehler gemeldet ({ $reason })

## The demo floor's simulated tracker: its names in the task form, and its own pages.
tasks-demo-api-name = Demo-Tracker (simuliert, API)
tasks-demo-browser-name = Demo-Tracker (simuliert, Browser)
tasks-demo-project = Demo-Projekt
tasks-demo-page-banner = DutyDesk-Demo-Schicht: ein simulierter Tracker in DutyDesk zum Üben. Nichts hiervon verlässt diesen Computer.
tasks-demo-page-new = Neue Aufgabe
tasks-demo-page-subject = Betreff
tasks-demo-page-description = Beschreibung
tasks-demo-page-create = Anlegen
tasks-demo-page-refused = Die Aufgabe wurde nicht angelegt
tasks-demo-page-paste = Aufgabe { $key } angelegt. Fügen Sie { $key } (oder die Adresse dieser Seite) in das Aufgabenformular von DutyDesk ein, um sie mit dem Chat zu verknüpfen.
tasks-demo-page-status = Status

## The chat view: each message's action, a selection of messages, the chat's tasks.
tasks-action-task = Aufgabe
tasks-selected = { $count ->
    [one] { $count } Nachricht ausgewählt
   *[other] { $count } Nachrichten ausgewählt
}
tasks-create-from-selection = { $count ->
    [one] Aufgabe aus { $count } Nachricht anlegen
   *[other] Aufgabe aus { $count } Nachrichten anlegen
}
tasks-clear-selection = Auswahl aufheben
tasks-status-unknown = Status noch nicht gelesen
tasks-post = In Chat posten
tasks-open = Öffnen
tasks-more = { $count ->
    [one] und { $count } ältere Aufgabe
   *[other] und { $count } ältere Aufgaben
}
tasks-no-trackers = Noch kein Aufgaben-Tracker eingerichtet: fügen Sie einen unter Einstellungen → Aufgaben-Tracker hinzu.
tasks-created-note = Aufgabe { $key } in { $tracker } angelegt. „In Chat posten“ fügt ihren Link in Ihre Antwort ein.
tasks-linked-note = Aufgabe { $key } mit diesem Chat verknüpft.
tasks-refresh-failed = Aufgabenstatus konnten nicht aktualisiert werden: { $problem }
tasks-open-failed = Der Browser wurde nicht geöffnet ({ $problem }); öffnen Sie diese Adresse selbst: { $url }
## The author of a quoted message the admin wrote, when Telegram has not said who they are yet.
tasks-you = Sie

## The line put into the customer chat's reply box; the admin edits it before sending.
tasks-posted = Aufgabe { $key } angelegt: { $url }
tasks-posted-no-link = Aufgabe { $key } angelegt

## The task form.
tasks-form-heading = { $count ->
    [one] Neue Aufgabe aus einer Nachricht in { $chat }
   *[other] Neue Aufgabe aus { $count } Nachrichten in { $chat }
}
tasks-form-tracker = Tracker
tasks-form-mode-api = { $tracker } legt die Aufgabe direkt an (API); Schlüssel und Status erscheinen dann hier.
tasks-form-mode-browser = { $tracker } öffnet sein eigenes Formular ausgefüllt im Browser; legen Sie die Aufgabe dort an und fügen Sie ihren Schlüssel hier ein.
tasks-form-project = Projekt
tasks-form-assignee = Bearbeiter
tasks-form-title = Titel
tasks-form-description = Beschreibung (jede zitierte Nachricht mit Autor, Zeit, Chat und Link)
tasks-form-create = Aufgabe anlegen
tasks-form-open-browser = Im Browser öffnen
tasks-form-cancel = Abbrechen
tasks-form-retry = Wiederholen
tasks-form-creating = Aufgabe wird in { $tracker } angelegt…
tasks-form-opened = Das Formular ist in Ihrem Browser geöffnet. Legen Sie die Aufgabe dort an und fügen Sie dann ihren Schlüssel oder die Adresse ihrer Seite hier ein, um sie mit diesem Chat zu verknüpfen.
tasks-form-paste-placeholder = Aufgabenschlüssel oder Adresse
tasks-form-link = Verknüpfen
## The description's last line when it was too long for the browser's address.
tasks-form-shortened = [gekürzt: { $count ->
    [one] { $count } Zeichen weggelassen
   *[other] { $count } Zeichen weggelassen
}]
tasks-form-shortened-note = { $count ->
    [one] Die Beschreibung war zu lang für eine Adresse: { $count } Zeichen wurde weggelassen (ihre letzte Zeile sagt es).
   *[other] Die Beschreibung war zu lang für eine Adresse: { $count } Zeichen wurden weggelassen (ihre letzte Zeile sagt es).
}

## Settings → Task trackers. Product names and config keys stay as written.
tasks-setup-section = Aufgaben-Tracker
tasks-setup-hint = Wo „Aufgabe“ an einer Nachricht Aufgaben anlegt. Der Browser-Modus braucht nur die Adresse: das Formular des Trackers öffnet sich ausgefüllt. Der API-Modus legt die Aufgabe direkt mit einem Token an, das DutyDesk im Schlüsselbund des Systems aufbewahrt, nie in der Konfigurationsdatei. Das Projekt jedes Chats wird bei der Nutzung gemerkt.
tasks-setup-new-name = Neuer Tracker
tasks-setup-untitled = Tracker { $number }
tasks-setup-name = Name
tasks-setup-kind = Art
tasks-setup-url = Adresse
tasks-setup-mode = Modus
tasks-setup-mode-browser = Browser: Formular ausgefüllt öffnen
tasks-setup-mode-api = API: Aufgabe direkt anlegen
tasks-setup-project = Standardprojekt
tasks-setup-user-jira = E-Mail des Kontos
tasks-setup-user-bitrix = Nutzer-ID des Webhooks
tasks-setup-template = Adressvorlage
tasks-setup-token = Token
tasks-setup-token-placeholder = neues Token einfügen (ein gespeichertes wird nie angezeigt)
tasks-setup-store-token = Im Schlüsselbund speichern
tasks-setup-token-stored = Token im Schlüsselbund des Systems gespeichert (Eintrag „{ $entry }“).
tasks-setup-token-missing = Geben Sie zuerst den Namen des Trackers ein und fügen Sie sein Token ein.
tasks-setup-check = Prüfen
tasks-setup-checking = Wird geprüft…
tasks-setup-checked = Erreichbar unter { $origin }, Token gültig (Konto { $account }).
tasks-setup-checked-project = Erreichbar unter { $origin }, Token gültig (Konto { $account }), Projekt „{ $project }“ sichtbar.
tasks-setup-browser-needs-no-check = Im Browser-Modus sendet DutyDesk nichts: es gibt nichts zu prüfen.
tasks-setup-remove = Entfernen
tasks-setup-add = Tracker hinzufügen
tasks-setup-invalid = Aufgaben-Tracker { $number } ({ $name }): { $problem }
tasks-setup-name-taken = Aufgaben-Tracker { $number }: der Name „{ $name }“ ist bereits an einen anderen Tracker vergeben; jeder braucht einen eigenen (er benennt sein Token im Schlüsselbund)
