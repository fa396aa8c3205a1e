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
