## The settings screen. Keys are named as on the keyboard (Tab, Ctrl+S, Esc).

settings-title = Settings
settings-keys-hint = Tab / Shift+Tab: next / previous setting · Up / Down: also in a list · Space: toggle, pick · Left / Right: change a choice · Enter: press · Ctrl+S: save · Esc: cancel
settings-save = Save
settings-cancel = Cancel

settings-section-response-times = Response times
settings-red-after = Red after
settings-breach-after = SLA breach after
settings-damping = Damping
settings-minutes-of-waiting = minutes of waiting
settings-damping-unit = minutes: a chat jumps to the top only after this quiet time
settings-float-waiting = Float waiting chats below alarms

settings-section-support = Support chats
settings-support-only = Show only support chats in All
settings-pattern = Only titles matching
settings-pattern-placeholder = e.g. Support: *

settings-section-staff = Staff
settings-staff = Other staff (user ids)
settings-staff-placeholder = comma separated

settings-section-notifications = Notifications
settings-notifications = Desktop notifications
settings-notify-new = New customer message while DutyDesk is in the background
settings-notify-red = A chat turns red
settings-notify-breach = A chat breaches the SLA

settings-section-messages = Messages
settings-link-previews = Create link previews in sent messages
settings-send-typing = Send "typing…" while writing

settings-section-appearance = Appearance
settings-language = Language
settings-language-system = System language
settings-theme = Theme
settings-theme-auto = System (light or dark)
settings-theme-light = Light
settings-theme-dark = Dark
settings-theme-high-contrast = High contrast
settings-scale = UI scale

## What is wrong with the draft, shown beside Save.
settings-error-not-minutes = { $field }: "{ $value }" is not a number of minutes
settings-error-minutes-range = { $field }: { $value } minutes is out of range
settings-error-order = The SLA breach must come at or after red, and red after more than 0 minutes
settings-error-staff-id = Other staff (user ids): "{ $value }" is not a number
settings-error-scale = UI scale is not a number

## The pickers: the duty group (a group chat, by title) and the support folder.
settings-duty-group = Duty group (members are staff)
settings-duty-group-placeholder = type part of the group's title
settings-duty-group-none = None (no duty group)
settings-duty-group-none-chosen = none
settings-duty-group-no-match = No group chat matches
settings-folder = Only chats in folder
settings-folder-placeholder = type part of the folder's name
settings-folder-none = All chats (no folder)
settings-folder-none-chosen = all chats
settings-folder-no-match = No chat folder matches
settings-picker-chosen = Chosen: { $choice }
settings-picker-chosen-mark = chosen
settings-picker-not-loaded = { $id } (not loaded)
settings-picker-more = …and { $count } more: type to narrow
