## The duty console: the header, the chat list and its menu, the open chat, the overview.

## The header. A counter is a number and its words; the number is drawn in the counter's
## colour wherever the language puts it.
console-filter-all = All
console-filter-support = Support
console-filter-waiting = Waiting
console-filter-starred = Starred
console-counter-support = { $count } support
console-counter-waiting = { $count } waiting
console-counter-red = { $count } red
console-counter-breach = { $count } breach
console-counter-unread =
    { $count ->
        [one] { $count } unread chat
       *[other] { $count } unread chats
    }
console-mark-all-read = Mark all read
console-search-chats = Search chats
console-settings = Settings
console-statistics = Statistics

## The chat list.
console-filter-placeholder = Filter chats by title
console-loading-chats = Loading chats…
console-no-match = No chats match this filter
# In the waiting column of a chat with an alarm and nobody waiting.
console-alarm = Alarm
console-media-photo = Photo
console-media-file = File
console-media-voice = Voice
console-media-sticker = Sticker
console-media-other = Media
console-preview-media = [{ $media }]
console-preview-media-text = [{ $media }] { $text }

## The chat's context menu (and the open chat's buttons).
console-pin = Pin
console-unpin = Unpin
console-move-pin-up = Move pin up
console-move-pin-down = Move pin down
console-raise-alarm = Raise alarm
console-clear-alarm = Clear alarm
console-star = Star
console-unstar = Unstar
console-add-note = Add note
console-edit-note = Edit note
console-mark-read = Mark read
console-no-reply-needed = No reply needed
console-not-support = Not a support chat
console-treat-as-support = Treat as a support chat
console-close = Close

## Search across chats.
console-search-all-placeholder = Search all chats, Enter to search
console-search-hint = Results are grouped by chat. Esc closes.
console-search-found = { $count } found
console-search-chats-found =
    { $count ->
        [one] { $count } chat
       *[other] { $count } chats
    }
console-search-nothing = Nothing found for “{ $query }”
console-search-failed = Search failed: { $error }
console-chat-fallback = Chat { $chat }

## The open chat.
console-status-breach = SLA breached · { $waiting }
console-status-red = Waiting too long · { $waiting }
console-status-alarm = Alarm · { $waiting }
console-status-waiting = Customer waiting · { $waiting }
console-not-a-support-chat = not a support chat
console-note = Note
console-find = Find
console-note-placeholder = Private note for this chat (Enter saves, empty deletes)
console-save-note = Save note
console-note-shown = Note: { $note }
console-search-chat-placeholder = Search in this chat
console-search-no-results = no results
console-search-position = { $current } of { $total }
console-search-older = Older
console-search-newer = Newer
console-history-loading = Loading…
console-history-start = Start of the chat
console-user-fallback = User { $user }
console-channel = Channel
console-you = You
console-role-staff = staff
console-role-customer = customer
console-sending = sending…
console-not-sent = not sent: { $error }
console-retry = Retry
console-reply = Reply
console-replying-to = Replying to: { $text }
console-cancel = Cancel
console-composer-placeholder = Write a reply — Enter sends, Shift+Enter starts a new line
console-send = Send

## What went wrong where it cannot be shown in place (the banner).
console-message-not-sent-to = A message to { $chat_title } was not sent: { $error }
console-message-not-sent = A message was not sent: { $error }
console-open-chat-failed = Opening the chat failed: { $error }
console-close-chat-failed = Closing the chat failed: { $error }
console-view-messages-failed = Marking messages read failed: { $error }
console-mark-chat-read-failed = Marking the chat read failed: { $error }
console-typing-failed = Sending typing failed: { $error }
console-mark-all-read-failed = Marking all read failed: { $error }

## The overview beside the list while no chat is open.
console-waiting-longest = Waiting longest
console-nobody-waiting = Nobody is waiting. Calm floor.
console-keyboard = Keyboard
console-keys-step = previous / next chat
console-keys-cycle = next / previous chat
console-keys-next-waiting = jump to the chat waiting longest
console-keys-search = search in the chat / across chats
console-keys-pin = pin or unpin, move the pin
console-keys-star = star or unstar
console-keys-alarm = raise or clear the alarm
console-keys-note = note
console-keys-read = mark read / mark all read
console-keys-no-reply = no reply needed
console-keys-filters = All / Support / Waiting / Starred
console-keys-title-filter = filter chats by title
console-keys-task = task from the selected messages (or the last customer message); select messages
console-keys-statistics = the Statistics screen (again: back to the console)
console-keys-menu = context menu of the open chat
console-keys-send = send / new line
console-keys-escape = close what is open
console-jump-missing = Message { $message } is no longer in this chat (deleted?): showing the chat instead
