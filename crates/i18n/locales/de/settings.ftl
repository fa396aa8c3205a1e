## The settings screen. Keys are named as on the keyboard (Tab, Ctrl+S, Esc).

settings-title = Einstellungen
settings-keys-hint = Tab / Shift+Tab: nächste / vorherige Einstellung · Auf / Ab: auch in einer Liste · Leertaste: umschalten, wählen · Links / Rechts: Auswahl ändern · Enter: drücken · Ctrl+S: speichern · Esc: abbrechen
settings-save = Speichern
settings-cancel = Abbrechen

settings-section-response-times = Antwortzeiten
settings-red-after = Rot nach
settings-breach-after = SLA-Verstoß nach
settings-damping = Dämpfung
settings-minutes-of-waiting = Minuten Wartezeit
settings-damping-unit = Minuten: ein Chat springt erst nach dieser Ruhezeit nach oben
settings-float-waiting = Wartende Chats direkt unter Alarmen zeigen

settings-section-support = Support-Chats
settings-support-only = Unter „Alle“ nur Support-Chats zeigen
settings-pattern = Nur Titel passend zu
settings-pattern-placeholder = z. B. Support: *

settings-section-staff = Team
settings-staff = Weitere Teammitglieder (Nutzer-IDs)
settings-staff-placeholder = durch Komma getrennt

settings-section-notifications = Benachrichtigungen
settings-notifications = Desktop-Benachrichtigungen
settings-notify-new = Neue Kundennachricht, während DutyDesk im Hintergrund ist
settings-notify-red = Ein Chat wird rot
settings-notify-breach = Ein Chat verletzt das SLA

settings-section-messages = Nachrichten
settings-link-previews = Linkvorschauen in gesendeten Nachrichten erzeugen
settings-send-typing = „schreibt…“ beim Schreiben senden

settings-section-appearance = Darstellung
settings-language = Sprache
settings-language-system = Systemsprache
settings-theme = Design
settings-theme-auto = System (hell oder dunkel)
settings-theme-light = Hell
settings-theme-dark = Dunkel
settings-theme-high-contrast = Hoher Kontrast
settings-scale = UI-Skalierung

## What is wrong with the draft, shown beside Save.
settings-error-not-minutes = { $field }: „{ $value }“ ist keine Minutenzahl
settings-error-minutes-range = { $field }: { $value } Minuten liegt außerhalb des Bereichs
settings-error-order = Der SLA-Verstoß darf nicht vor Rot liegen, und Rot muss nach mehr als 0 Minuten kommen
settings-error-staff-id = Weitere Teammitglieder (Nutzer-IDs): „{ $value }“ ist keine Zahl
settings-error-scale = UI-Skalierung ist keine Zahl

## The pickers: the duty group (a group chat, by title) and the support folder.
settings-duty-group = Dienstgruppe (Mitglieder gehören zum Team)
settings-duty-group-placeholder = Teil des Gruppentitels eingeben
settings-duty-group-none = Keine (ohne Dienstgruppe)
settings-duty-group-none-chosen = keine
settings-duty-group-no-match = Kein Gruppenchat passt
settings-folder = Nur Chats im Ordner
settings-folder-placeholder = Teil des Ordnernamens eingeben
settings-folder-none = Alle Chats (kein Ordner)
settings-folder-none-chosen = alle Chats
settings-folder-no-match = Kein Chatordner passt
settings-picker-chosen = Gewählt: { $choice }
settings-picker-chosen-mark = gewählt
settings-picker-not-loaded = { $id } (nicht geladen)
settings-picker-more = …und { $count } weitere: zum Eingrenzen tippen
