## The team layer: team actions in the duty group, their readable texts, the dialogs,
## the team settings screen and its errors, and the alerts for a team alarm.

# The readable part of a team message in the duty group (a phone shows these).
team-readable-alarm = { $who } hat einen Alarm für „{ $chat }“ ausgelöst.
team-readable-alarm-reason = { $who } hat einen Alarm für „{ $chat }“ ausgelöst: { $reason }
team-readable-clear = { $who } hat den Alarm für „{ $chat }“ aufgehoben.
team-readable-take = { $who } hat „{ $chat }“ übernommen.
team-readable-assign = { $who } hat „{ $chat }“ an { $assignee } zugewiesen.
team-readable-release = { $who } hat „{ $chat }“ freigegeben.
team-readable-note = { $who } hat eine Teamnotiz zu „{ $chat }“ hinterlassen: { $text }
team-readable-clear-note = { $who } hat die Teamnotiz zu „{ $chat }“ entfernt.
team-readable-settings = { $who } hat die Teameinstellungen veröffentlicht.
team-unknown-chat = Chat { $chat }
team-unknown-user = Nutzer { $user }

# Chat menu, header and chat view.
team-menu-take = Übernehmen
team-menu-release = Freigeben
team-menu-assign = Zuweisen an…
team-menu-shared-note = Teamnotiz…
team-filter-mine = Meine
team-keys-mine = Meine: die Chats, die das Team Ihnen zugewiesen hat
team-keys-take = Chat übernehmen (freigeben, wenn er Ihrer ist) / einem Kollegen zuweisen
team-note-line = Teamnotiz: { $text } ({ $by }, { $time })
team-note-edit = Teamnotiz
team-note-clear = Teamnotiz löschen
team-assigned-to = Zugewiesen an { $name }
team-alarm-by = Alarm ausgelöst von { $who }, { $time }
team-alarm-by-reason = Alarm ausgelöst von { $who }, { $time }: { $reason }
team-alarm-stop-word = Alarm: der Kunde schrieb „{ $word }“, { $time }
team-alarm-local = Alarm nur auf diesem Bildschirm (keine Dienstgruppe)
team-overview-alarms = Team-Alarme

# The dialogs.
team-alarm-title = Alarm zu „{ $chat }“ für das ganze Team auslösen
team-alarm-reason = Grund (optional), Enter löst aus
team-alarm-raise = Alarm auslösen
team-cancel = Abbrechen
team-assign-title = „{ $chat }“ zuweisen an
team-assign-filter = Name des Kollegen, Enter wählt den ersten
team-assign-nobody = Kein Mitglied der Dienstgruppe passt.
team-note-title = Teamnotiz zu „{ $chat }“, für das ganze Team sichtbar
team-note-placeholder = Enter speichert; eine leere Notiz löscht sie
team-note-save = Teamnotiz speichern

# Why an action was not posted.
team-refused-not-member = Dieses Konto ist kein Mitglied der Dienstgruppe, oder deren Mitglieder sind noch nicht bekannt: das Team würde die Aktion ignorieren.
team-refused-clear = In diesem Team heben nur Teamleiter Alarme auf (Teameinstellungen: clear = "leads").
team-refused-assign = Nur Teamleiter und Account-Manager weisen Chats anderen zu oder übernehmen sie von Kollegen.
team-refused-settings = Nur Inhaber und Administratoren der Dienstgruppe veröffentlichen Teameinstellungen.
team-refused-too-long = Die Teamnachricht wäre länger, als Telegram erlaubt ({ $limit } Zeichen): bitte kürzen.
team-post-failed = Die Teamnachricht wurde nicht gesendet: { $error }
team-catch-up-failed = Die Dienstgruppe konnte nicht gelesen werden: { $error }

# The team settings screen.
team-editor-title = Teameinstellungen
team-editor-hint = Das TOML-Dokument, das in der Dienstgruppe angeheftet ist: Mitglieder und Rollen, SLA-Minuten, Stoppwörter, wer Alarme aufhebt, Alarm-Chats. Jedes DutyDesk des Teams liest es.
team-editor-save = Speichern und anheften
team-editor-close = Schließen
team-editor-valid = Das Dokument ist gültig.
team-editor-not-admin = Nur Inhaber und Administratoren der Dienstgruppe können es veröffentlichen; Sie können es hier lesen.
team-editor-no-group = Wählen Sie zuerst in den Einstellungen eine Dienstgruppe.
team-editor-open = Teameinstellungen…

# A bad pinned document (the banner) and the editor's check, with what is wrong.
team-settings-error = Zeile { $line }, Schlüssel { $key }: { $problem }
team-settings-error-no-key = Zeile { $line }: { $problem }
team-settings-banner = Die angehefteten Teameinstellungen gelten nicht (Zeile { $line }, Schlüssel { $key }: { $problem }). Die letzten gültigen Einstellungen bleiben.
team-settings-banner-no-key = Die angehefteten Teameinstellungen gelten nicht (Zeile { $line }: { $problem }). Die letzten gültigen Einstellungen bleiben.
team-problem-syntax = kein gültiges TOML: { $detail }
team-problem-too-long = das Dokument ist zu lang ({ $bytes } Bytes)
team-problem-unknown-section = unbekannter Abschnitt (bekannt: { $known })
team-problem-unknown-key = unbekannter Schlüssel (bekannt: { $known })
team-problem-wrong-type = erwartet { $expected }, gefunden { $found }
team-problem-number-out-of-range = Zahl außerhalb des Bereichs
team-problem-not-a-user-id = erwartet eine Telegram-Nutzer-ID
team-problem-unknown-role = unbekannte Rolle „{ $role }“ (bekannt: { $known })
team-problem-minutes = erwartet 1 bis { $max } Minuten
team-problem-breach-before-red = darf nicht vor red_minutes liegen
team-problem-clear-policy = erwartet "staff" oder "leads"
team-expected-table = eine Tabelle ([Abschnitt])
team-expected-text = eine Zeichenkette
team-expected-number = eine ganze Zahl
team-expected-roles = eine Liste von Rollen
team-expected-words = eine Liste von Wörtern
team-expected-chats = eine Liste von Chat-IDs
team-expected-hours = eine Liste von Bereichen wie "09:00-18:00"
team-expected-dates = eine Liste von Daten wie "2026-12-25"

# A team alarm's desktop notification and the Settings switch for its sound.
team-notify-alarm = Team-Alarm
team-notify-alarm-body = { $chat }: ausgelöst von { $who }
team-notify-alarm-body-reason = { $chat }: ausgelöst von { $who }: { $reason }
team-notify-stop-word = { $chat }: der Kunde schrieb „{ $word }“
team-sound = Ton für Team-Alarme
