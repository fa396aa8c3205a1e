## The support toolkit: quick replies, tags, SLA tiers, reminders, alerts chats, keyword
## guards and masking for contractors; and what can be wrong in its settings.

# What masking writes instead of a customer's name, phone number, e-mail and username.
toolkit-mask-customer = Kunde
toolkit-mask-phone = [Telefon]
toolkit-mask-email = [E-Mail]
toolkit-mask-username = [Benutzername]

toolkit-team-error = Teameinstellungen, Zeile { $line }, Schlüssel { $key }: { $problem }
toolkit-problem-too-long = das Dokument ist zu lang
toolkit-problem-unknown-key = unbekannter Schlüssel (bekannt: { $known })
toolkit-problem-wrong-type = erwartet { $expected }, gefunden { $found }
toolkit-problem-missing = fehlt
toolkit-problem-empty = darf nicht leer sein
toolkit-problem-number-out-of-range = Zahl außerhalb des Bereichs
toolkit-problem-minutes = erwartet 1 bis { $max } Minuten
toolkit-problem-breach-before-red = darf nicht vor red_minutes liegen
toolkit-problem-unknown-variable = unbekannte Variable „{ $name }“ (Variablen: { $known }; freie Felder: eta, id und die in fields aufgeführten)
toolkit-problem-unclosed = eine öffnende Klammer ohne schließende (für eine Klammer zwei Klammern schreiben)
toolkit-problem-unmatched-close = eine schließende Klammer ohne öffnende (für eine Klammer zwei Klammern schreiben)
toolkit-problem-bad-name = der Name einer Variable besteht aus Buchstaben, Ziffern und _
toolkit-problem-pattern-empty = ein leeres Muster
toolkit-problem-pattern-too-long = das Muster ist zu lang
toolkit-problem-pattern-everything = ein Muster nur aus * würde auf jedes Wort passen
toolkit-problem-pattern-escape = ein \ am Ende des Musters
toolkit-problem-colour = keine Farbe (#rgb, #rrggbb oder red, orange, gold, yellow, green, teal, blue, purple, pink, brown, grey)
toolkit-problem-unknown-tier = keine Stufe „{ $tier }“ in [sla_tiers] dieses Dokuments
toolkit-problem-action = erwartet "warn" oder "block"
toolkit-problem-too-many = mehr als { $max }
toolkit-problem-duplicate = „{ $name }“ ist doppelt definiert
toolkit-expected-table = eine Tabelle ([Abschnitt])
toolkit-expected-list-of-tables = eine Liste von Tabellen ([[Abschnitt]])
toolkit-expected-text = eine Zeichenkette
toolkit-expected-whole-number = eine ganze Zahl
toolkit-expected-true-or-false = true oder false
toolkit-expected-list-of-text = eine Liste von Zeichenketten
toolkit-expected-list-of-chat-ids = eine Liste von Chat-IDs

toolkit-picker-title = Schnellantworten
toolkit-picker-hint = ↑↓ wählen · Enter fügt ein · Tab nächstes Feld · Esc schließt
toolkit-picker-search = Tippen, um nach Name oder Text zu filtern
toolkit-picker-none = Noch keine Schnellantworten: fügen Sie sie unter [toolkit] in der Konfiguration hinzu oder bitten Sie eine Teamleitung, sie in den Teameinstellungen anzulegen.
toolkit-picker-empty = Keine Schnellantwort passt.
toolkit-picker-preview = So wird sie eingefügt:
toolkit-picker-field = { $name }:
toolkit-picker-fill = Füllen Sie „{ $name }“ aus, um diese Antwort einzufügen.
toolkit-picker-no-task = Noch keine Aufgabe zu diesem Chat: der Aufgabenschlüssel bleibt leer.
toolkit-picker-no-value = { $variable } ist hier nicht bekannt: bleibt leer.
toolkit-picker-cancel = Abbrechen
toolkit-picker-insert = Einfügen

toolkit-guard-blocked = Nicht gesendet: „{ $guard }“ erlaubt dies nicht in einer Nachricht an Kunden.
toolkit-guard-warned = „{ $guard }“ beanstandet diese Nachricht. Trotzdem senden?
toolkit-guard-matched = Gefunden: { $parts }
toolkit-guard-send-anyway = Trotzdem senden
toolkit-guard-edit = Nachricht bearbeiten

toolkit-tools = Werkzeuge
toolkit-tags = Tags
toolkit-tags-none = Keine Tags definiert: fügen Sie sie unter [toolkit.tags] in der Konfiguration oder in den Teameinstellungen hinzu.
toolkit-tier = SLA-Stufe
toolkit-tier-default = Standard ({ $red } / { $breach } Min.)
toolkit-tier-option = { $label } ({ $red } / { $breach } Min.)
toolkit-tier-line = { $tier }: rot nach { $red } Min., Verstoß nach { $breach } Min.
toolkit-alerts = Alarm-Chat
toolkit-alerts-mark = Als Alarm-Chat markieren
toolkit-alerts-unmark = Kein Alarm-Chat mehr
toolkit-remind = Erinnern
toolkit-remind-30m = In 30 Minuten
toolkit-remind-2h = In 2 Stunden
toolkit-remind-tomorrow = Morgen 09:00
toolkit-remind-customer = Wenn der Kunde schreibt
toolkit-remind-at = Um diese Uhrzeit
toolkit-remind-at-placeholder = HH:MM
toolkit-remind-note = Notiz (optional)
toolkit-remind-bad-time = Geben Sie die Uhrzeit als HH:MM ein, zum Beispiel 17:30.
toolkit-reminder-set = Erinnerung: { $when }
toolkit-reminder-fired = Erinnerung fällig seit { $when }
toolkit-reminder-cancel = Erinnerung löschen
toolkit-when-customer = wenn der Kunde schreibt

toolkit-bar-tags = Tags:
toolkit-bar-alerts-unread = { $count ->
        [one] { $count } Alarm-Chat ungelesen
       *[other] { $count } Alarm-Chats ungelesen
    }
toolkit-bar-reminders = Erinnerungen ({ $count })
toolkit-bar-reminders-due = Erinnerungen ({ $count }, { $due } fällig)
toolkit-reminders-title = Erinnerungen
toolkit-reminders-empty = Keine Erinnerungen. Legen Sie eine über „Werkzeuge“ eines Chats an.
toolkit-reminders-fired = fällig seit { $when }
toolkit-reminders-open = Öffnen
toolkit-reminders-cancel = Löschen
toolkit-reminders-close = Schließen

# The console's shortcut overview.
toolkit-keys-quick-replies = Schnellantworten (Tab: nächstes freies Feld)
