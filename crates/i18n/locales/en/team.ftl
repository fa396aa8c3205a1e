## The team layer: team actions in the duty group, their readable texts, the dialogs,
## the team settings screen and its errors, and the alerts for a team alarm.

# The readable part of a team message in the duty group (a phone shows these).
team-readable-alarm = { $who } raised an alarm on «{ $chat }».
team-readable-alarm-reason = { $who } raised an alarm on «{ $chat }»: { $reason }
team-readable-clear = { $who } cleared the alarm on «{ $chat }».
team-readable-take = { $who } took «{ $chat }».
team-readable-assign = { $who } assigned «{ $chat }» to { $assignee }.
team-readable-release = { $who } released «{ $chat }».
team-readable-note = { $who } left a team note on «{ $chat }»: { $text }
team-readable-clear-note = { $who } removed the team note on «{ $chat }».
team-readable-settings = { $who } published the team settings.
team-unknown-chat = chat { $chat }
team-unknown-user = user { $user }

# Chat menu, header and chat view.
team-menu-take = Take
team-menu-release = Release
team-menu-assign = Assign to…
team-menu-shared-note = Team note…
team-filter-mine = Mine
team-keys-mine = Mine: the chats the team assigned to you
team-keys-take = take the chat (release it when yours) / assign it to a colleague
team-note-line = Team note: { $text } ({ $by }, { $time })
team-note-edit = Team note
team-note-clear = Clear team note
team-assigned-to = Assigned to { $name }
team-alarm-by = Alarm raised by { $who }, { $time }
team-alarm-by-reason = Alarm raised by { $who }, { $time }: { $reason }
team-alarm-stop-word = Alarm: the customer wrote “{ $word }”, { $time }
team-alarm-local = Alarm on this screen only (no duty group)
team-overview-alarms = Team alarms

# The dialogs.
team-alarm-title = Raise an alarm on «{ $chat }» for the whole team
team-alarm-reason = Reason (optional), Enter raises
team-alarm-raise = Raise alarm
team-cancel = Cancel
team-assign-title = Assign «{ $chat }» to
team-assign-filter = Colleague's name, Enter picks the first
team-assign-nobody = No member of the duty group matches.
team-note-title = Team note on «{ $chat }», visible to the whole team
team-note-placeholder = Enter saves; an empty note clears it
team-note-save = Save team note

# Why an action was not posted.
team-refused-not-member = This account is not a member of the duty group, or its members are not known yet: the team would ignore the action.
team-refused-clear = Only team leads clear alarms in this team (team settings: clear = "leads").
team-refused-assign = Only team leads and account managers assign chats to others or take them from a colleague.
team-refused-settings = Only the duty group's owner and administrators publish team settings.
team-refused-too-long = The team message would be longer than Telegram allows ({ $limit } characters): shorten it.
team-post-failed = The team message did not go out: { $error }
team-catch-up-failed = Could not read the duty group: { $error }

# The team settings screen.
team-editor-title = Team settings
team-editor-hint = The TOML document pinned in the duty group: roster and roles, SLA minutes, stop words, who clears alarms, alerts chats. Every DutyDesk of the team reads it.
team-editor-save = Save and pin
team-editor-close = Close
team-editor-valid = The document is valid.
team-editor-not-admin = Only the duty group's owner and administrators can publish it; you can read it here.
team-editor-no-group = Pick a duty group in Settings first.
team-editor-open = Team settings…

# A bad pinned document (the banner) and the editor's check, with what is wrong.
team-settings-error = Line { $line }, key { $key }: { $problem }
team-settings-error-no-key = Line { $line }: { $problem }
team-settings-banner = The pinned team settings are not in force (line { $line }, key { $key }: { $problem }). The last good settings stay.
team-settings-banner-no-key = The pinned team settings are not in force (line { $line }: { $problem }). The last good settings stay.
team-problem-syntax = not valid TOML: { $detail }
team-problem-too-long = the document is too long ({ $bytes } bytes)
team-problem-unknown-section = unknown section (known: { $known })
team-problem-unknown-key = unknown key (known: { $known })
team-problem-wrong-type = expected { $expected }, found { $found }
team-problem-number-out-of-range = number out of range
team-problem-not-a-user-id = expected a Telegram user id
team-problem-unknown-role = unknown role “{ $role }” (known: { $known })
team-problem-minutes = expected 1 to { $max } minutes
team-problem-breach-before-red = must not be before red_minutes
team-problem-clear-policy = expected "staff" or "leads"
team-expected-table = a table ([section])
team-expected-text = a string
team-expected-number = a whole number
team-expected-roles = a list of roles
team-expected-words = a list of words
team-expected-chats = a list of chat ids
team-expected-hours = a list of ranges like "09:00-18:00"
team-expected-dates = a list of dates like "2026-12-25"

# A team alarm's desktop notification and the Settings switch for its sound.
team-notify-alarm = Team alarm
team-notify-alarm-body = { $chat }: raised by { $who }
team-notify-alarm-body-reason = { $chat }: raised by { $who }: { $reason }
team-notify-stop-word = { $chat }: the customer wrote “{ $word }”
team-sound = Sound for team alarms
