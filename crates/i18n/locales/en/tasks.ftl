## Tasks in the team's tracker, from the chat view: the form, the chat's tasks, the link
## posted into the chat. Tracker names are the admin's own ("Support Redmine"); keys are the
## tracker's ("SUP-12", "#34").

## Why a tracker call failed; { $problem } is the tracker's fault, already worded.
tasks-error-tracker = { $tracker }: { $problem }
tasks-error-no-token = { $tracker }: no token is stored for this tracker; enter it in Settings → Task trackers (DutyDesk keeps it in the OS keyring)
tasks-error-token = { $tracker }: { $problem }

## Why the OS keyring could not give or keep a tracker's token.
tasks-token-no-keyring = there is no OS keyring here ({ $reason }); set the token in the DUTYDESK_TRACKER_TOKEN_… environment variable instead
tasks-token-locked = the OS keyring is locked or refused access ({ $reason }); unlock it and Retry
tasks-token-failed = the OS keyring failed ({ $reason })

## The demo floor's simulated tracker: its names in the task form, and its own pages.
tasks-demo-api-name = Demo tracker (simulated, API)
tasks-demo-browser-name = Demo tracker (simulated, browser)
tasks-demo-project = Demo project
tasks-demo-page-banner = DutyDesk demo floor: a simulated tracker inside DutyDesk, for practice. Nothing here leaves this computer.
tasks-demo-page-new = New task
tasks-demo-page-subject = Subject
tasks-demo-page-description = Description
tasks-demo-page-create = Create
tasks-demo-page-refused = The task was not created
tasks-demo-page-paste = Task { $key } created. Paste { $key } (or this page's address) into DutyDesk's task form to link it to the chat.
tasks-demo-page-status = Status

## The chat view: each message's action, a selection of messages, the chat's tasks.
tasks-action-task = Task
tasks-selected = { $count ->
    [one] { $count } message selected
   *[other] { $count } messages selected
}
tasks-create-from-selection = { $count ->
    [one] Create task from { $count } message
   *[other] Create task from { $count } messages
}
tasks-clear-selection = Clear selection
tasks-status-unknown = status not read yet
tasks-post = Post in chat
tasks-open = Open
tasks-more = { $count ->
    [one] and { $count } older task
   *[other] and { $count } older tasks
}
tasks-no-trackers = No task tracker is set up yet: add one in Settings → Task trackers.
tasks-created-note = Task { $key } created in { $tracker }. "Post in chat" puts its link into your reply.
tasks-linked-note = Task { $key } linked to this chat.
tasks-refresh-failed = Task statuses could not be refreshed: { $problem }
tasks-open-failed = The browser did not open ({ $problem }); open this address yourself: { $url }
## The author of a quoted message the admin wrote, when Telegram has not said who they are yet.
tasks-you = You

## The line put into the customer chat's reply box; the admin edits it before sending.
tasks-posted = Task { $key } created: { $url }
tasks-posted-no-link = Task { $key } created

## The task form.
tasks-form-heading = { $count ->
    [one] New task from a message in { $chat }
   *[other] New task from { $count } messages in { $chat }
}
tasks-form-tracker = Tracker
tasks-form-mode-api = { $tracker } creates the task directly (API); its key and status come back here.
tasks-form-mode-browser = { $tracker } opens its own form in your browser, filled in; create the task there, then paste its key here.
tasks-form-project = Project
tasks-form-assignee = Assignee
tasks-form-title = Title
tasks-form-description = Description (each quoted message with its author, time, chat and link)
tasks-form-create = Create task
tasks-form-open-browser = Open in browser
tasks-form-cancel = Cancel
tasks-form-retry = Retry
tasks-form-creating = Creating the task in { $tracker }…
tasks-form-opened = The form is open in your browser. Create the task there, then paste its key or the address of its page here to link it to this chat.
tasks-form-paste-placeholder = Task key or address
tasks-form-link = Link task
## The description's last line when it was too long for the browser's address.
tasks-form-shortened = [shortened: { $count ->
    [one] { $count } character left out
   *[other] { $count } characters left out
}]
tasks-form-shortened-note = { $count ->
    [one] The description was too long for an address: { $count } character was left out (its last line says so).
   *[other] The description was too long for an address: { $count } characters were left out (its last line says so).
}

## Settings → Task trackers. Product names and config keys stay as written.
tasks-setup-section = Task trackers
tasks-setup-hint = Where "Task" on a message creates tasks. Browser mode needs only the address: the tracker's own form opens filled in. API mode creates the task directly with a token, which DutyDesk keeps in the OS keyring, never in the config file. Each chat's project is remembered as you use it.
tasks-setup-new-name = New tracker
tasks-setup-untitled = Tracker { $number }
tasks-setup-name = Name
tasks-setup-kind = Kind
tasks-setup-url = Address
tasks-setup-mode = Mode
tasks-setup-mode-browser = Browser: open its form, filled in
tasks-setup-mode-api = API: create the task directly
tasks-setup-project = Default project
tasks-setup-user-jira = Account e-mail
tasks-setup-user-bitrix = Webhook user id
tasks-setup-template = Address template
tasks-setup-token = Token
tasks-setup-token-placeholder = paste a new token (a stored one is never shown)
tasks-setup-store-token = Store in keyring
tasks-setup-token-stored = Token stored in the OS keyring (entry "{ $entry }").
tasks-setup-token-missing = Type the tracker's name and paste its token first.
tasks-setup-check = Check
tasks-setup-checking = Checking…
tasks-setup-checked = Reachable at { $origin }, token valid (account { $account }).
tasks-setup-checked-project = Reachable at { $origin }, token valid (account { $account }), project "{ $project }" visible.
tasks-setup-browser-needs-no-check = Browser mode sends nothing from DutyDesk: there is nothing to check.
tasks-setup-remove = Remove
tasks-setup-add = Add a tracker
tasks-setup-invalid = Task tracker { $number } ({ $name }): { $problem }
tasks-setup-name-taken = Task tracker { $number }: the name "{ $name }" is taken by another tracker; each needs its own (it names its token in the keyring)
