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
