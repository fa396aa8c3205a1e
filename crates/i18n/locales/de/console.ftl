## The duty console: the header, the chat list and its menu, the open chat, the overview.

## The header. A counter is a number and its words; the number is drawn in the counter's
## colour wherever the language puts it.
console-filter-all = Alle
console-filter-support = Support
console-filter-waiting = Wartend
console-filter-starred = Markiert
console-counter-support = { $count } Support
console-counter-waiting = { $count } wartend
console-counter-red = { $count } rot
console-counter-breach =
    { $count ->
        [one] { $count } Verstoß
       *[other] { $count } Verstöße
    }
console-counter-unread =
    { $count ->
        [one] { $count } ungelesener Chat
       *[other] { $count } ungelesene Chats
    }
console-mark-all-read = Alle gelesen
console-search-chats = Chats durchsuchen
console-settings = Einstellungen
console-statistics = Statistik

## The chat list.
console-filter-placeholder = Chats nach Titel filtern
console-loading-chats = Chats werden geladen…
console-no-match = Kein Chat passt zu diesem Filter
# In the waiting column of a chat with an alarm and nobody waiting.
console-alarm = Alarm
console-media-photo = Foto
console-media-file = Datei
console-media-voice = Sprachnachricht
console-media-sticker = Sticker
console-media-other = Medien
console-preview-media = [{ $media }]
console-preview-media-text = [{ $media }] { $text }

## The chat's context menu (and the open chat's buttons).
console-pin = Anheften
console-unpin = Lösen
console-move-pin-up = Nach oben
console-move-pin-down = Nach unten
console-raise-alarm = Alarm auslösen
console-clear-alarm = Alarm aufheben
console-star = Markieren
console-unstar = Markierung entfernen
console-add-note = Notiz hinzufügen
console-edit-note = Notiz bearbeiten
console-mark-read = Als gelesen markieren
console-no-reply-needed = Keine Antwort nötig
console-not-support = Kein Support-Chat
console-treat-as-support = Als Support-Chat behandeln
console-close = Schließen

## Search across chats.
console-search-all-placeholder = Alle Chats durchsuchen, Enter sucht
console-search-hint = Ergebnisse nach Chat gruppiert. Esc schließt.
console-search-found = { $count } gefunden
console-search-chats-found =
    { $count ->
        [one] { $count } Chat
       *[other] { $count } Chats
    }
console-search-nothing = Nichts gefunden für „{ $query }“
console-search-failed = Suche fehlgeschlagen: { $error }
console-chat-fallback = Chat { $chat }

## The open chat.
console-status-breach = SLA verletzt · { $waiting }
console-status-red = Wartet zu lange · { $waiting }
console-status-alarm = Alarm · { $waiting }
console-status-waiting = Kunde wartet · { $waiting }
console-not-a-support-chat = kein Support-Chat
console-note = Notiz
console-find = Suchen
console-note-placeholder = Private Notiz zu diesem Chat (Enter speichert, leer löscht)
console-save-note = Notiz speichern
console-note-shown = Notiz: { $note }
console-search-chat-placeholder = In diesem Chat suchen
console-search-no-results = keine Treffer
console-search-position = { $current } von { $total }
console-search-older = Älter
console-search-newer = Neuer
console-history-loading = Wird geladen…
console-history-start = Anfang des Chats
console-user-fallback = Nutzer { $user }
console-channel = Kanal
console-you = Sie
console-role-staff = Team
console-role-customer = Kunde
console-sending = wird gesendet…
console-not-sent = nicht gesendet: { $error }
console-retry = Wiederholen
console-reply = Antworten
console-replying-to = Antwort auf: { $text }
console-cancel = Abbrechen
console-composer-placeholder = Antwort schreiben — Enter sendet, Shift+Enter für neue Zeile
console-send = Senden

## What went wrong where it cannot be shown in place (the banner).
console-message-not-sent-to = Eine Nachricht an { $chat_title } wurde nicht gesendet: { $error }
console-message-not-sent = Eine Nachricht wurde nicht gesendet: { $error }
console-open-chat-failed = Chat konnte nicht geöffnet werden: { $error }
console-close-chat-failed = Chat konnte nicht geschlossen werden: { $error }
console-view-messages-failed = Nachrichten konnten nicht als gelesen markiert werden: { $error }
console-mark-chat-read-failed = Chat konnte nicht als gelesen markiert werden: { $error }
console-typing-failed = Tippstatus konnte nicht gesendet werden: { $error }
console-mark-all-read-failed = Alle als gelesen markieren fehlgeschlagen: { $error }

## The overview beside the list while no chat is open.
console-waiting-longest = Wartet am längsten
console-nobody-waiting = Niemand wartet. Ruhige Schicht.
console-keyboard = Tastatur
console-keys-step = vorheriger / nächster Chat
console-keys-cycle = nächster / vorheriger Chat
console-keys-next-waiting = zum Chat, der am längsten wartet
console-keys-search = im Chat / in allen Chats suchen
console-keys-pin = anheften oder lösen, Pin verschieben
console-keys-star = markieren oder Markierung entfernen
console-keys-alarm = Alarm auslösen oder aufheben
console-keys-note = Notiz
console-keys-read = als gelesen markieren / alle gelesen
console-keys-no-reply = keine Antwort nötig
console-keys-filters = Alle / Support / Wartend / Markiert
console-keys-title-filter = Chats nach Titel filtern
console-keys-task = Aufgabe aus den gewählten Nachrichten (oder der letzten Kundennachricht); Nachrichten auswählen
console-keys-statistics = die Statistik-Ansicht (erneut: zurück zur Konsole)
console-keys-menu = Kontextmenü des offenen Chats
console-keys-send = senden / neue Zeile
console-keys-escape = Geöffnetes schließen
console-jump-missing = Nachricht { $message } ist nicht mehr in diesem Chat (gelöscht?): stattdessen wird der Chat gezeigt
