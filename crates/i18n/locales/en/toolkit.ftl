## The support toolkit: quick replies, tags, SLA tiers, reminders, alerts chats, keyword
## guards and masking for contractors; and what can be wrong in its settings.

# What masking writes instead of a customer's name, phone number, e-mail and username.
toolkit-mask-customer = Customer
toolkit-mask-phone = [phone]
toolkit-mask-email = [e-mail]
toolkit-mask-username = [username]

toolkit-team-error = Team settings, line { $line }, key { $key }: { $problem }
toolkit-problem-too-long = the document is too long
toolkit-problem-unknown-key = unknown key (known: { $known })
toolkit-problem-wrong-type = expected { $expected }, found { $found }
toolkit-problem-missing = missing
toolkit-problem-empty = must not be empty
toolkit-problem-number-out-of-range = number out of range
toolkit-problem-minutes = expected 1 to { $max } minutes
toolkit-problem-breach-before-red = must not be before red_minutes
toolkit-problem-unknown-variable = unknown variable “{ $name }” (variables: { $known }; free fields: eta, id and those listed in fields)
toolkit-problem-unclosed = an opening brace without its closing one (write two braces for a brace)
toolkit-problem-unmatched-close = a closing brace without its opening one (write two braces for a brace)
toolkit-problem-bad-name = a variable's name is letters, digits and _
toolkit-problem-pattern-empty = an empty pattern
toolkit-problem-pattern-too-long = the pattern is too long
toolkit-problem-pattern-everything = a pattern of only * would match every word
toolkit-problem-pattern-escape = a \ at the end of the pattern
toolkit-problem-colour = not a colour (#rgb, #rrggbb, or red, orange, gold, yellow, green, teal, blue, purple, pink, brown, grey)
toolkit-problem-unknown-tier = no tier “{ $tier }” in [sla_tiers] of this document
toolkit-problem-action = expected "warn" or "block"
toolkit-problem-too-many = more than { $max }
toolkit-problem-duplicate = “{ $name }” is defined twice
toolkit-expected-table = a table ([section])
toolkit-expected-list-of-tables = a list of tables ([[section]])
toolkit-expected-text = a string
toolkit-expected-whole-number = a whole number
toolkit-expected-true-or-false = true or false
toolkit-expected-list-of-text = a list of strings
toolkit-expected-list-of-chat-ids = a list of chat ids

toolkit-picker-title = Quick replies
toolkit-picker-hint = ↑↓ choose · Enter inserts · Tab next field · Esc closes
toolkit-picker-search = Type to filter by name or text
toolkit-picker-none = No quick replies yet: add them under [toolkit] in the config, or ask a lead to add them to the team settings.
toolkit-picker-empty = No quick reply matches.
toolkit-picker-preview = As it will be inserted:
toolkit-picker-field = { $name }:
toolkit-picker-fill = Fill in “{ $name }” to insert this reply.
toolkit-picker-no-task = No task for this chat yet: the task key stays empty.
toolkit-picker-no-value = { $variable } is not known here: it stays empty.
toolkit-picker-cancel = Cancel
toolkit-picker-insert = Insert

toolkit-guard-blocked = Not sent: “{ $guard }” does not allow this in a message to a customer.
toolkit-guard-warned = “{ $guard }” flags this message. Send it anyway?
toolkit-guard-matched = Matched: { $parts }
toolkit-guard-send-anyway = Send anyway
toolkit-guard-edit = Edit the message

toolkit-tools = Tools
toolkit-tags = Tags
toolkit-tags-none = No tags defined: add them under [toolkit.tags] in the config or in the team settings.
toolkit-tier = SLA tier
toolkit-tier-default = Default ({ $red } / { $breach } min)
toolkit-tier-option = { $label } ({ $red } / { $breach } min)
toolkit-tier-line = { $tier }: red at { $red } min, breach at { $breach } min
toolkit-alerts = Alerts chat
toolkit-alerts-mark = Mark as an alerts chat
toolkit-alerts-unmark = No longer an alerts chat
toolkit-remind = Remind me
toolkit-remind-30m = In 30 minutes
toolkit-remind-2h = In 2 hours
toolkit-remind-tomorrow = Tomorrow 09:00
toolkit-remind-customer = When the customer writes
toolkit-remind-at = At this time
toolkit-remind-at-placeholder = HH:MM
toolkit-remind-note = Note (optional)
toolkit-remind-bad-time = Type the time as HH:MM, for example 17:30.
toolkit-reminder-set = Reminder { $when }
toolkit-reminder-fired = Reminder due since { $when }
toolkit-reminder-cancel = Cancel reminder
toolkit-when-customer = when the customer writes

toolkit-bar-tags = Tags:
toolkit-bar-alerts-unread = { $count ->
        [one] { $count } alerts chat unread
       *[other] { $count } alerts chats unread
    }
toolkit-bar-reminders = Reminders ({ $count })
toolkit-bar-reminders-due = Reminders ({ $count }, { $due } due)
toolkit-reminders-title = Reminders
toolkit-reminders-empty = No reminders. Set one from a chat's Tools.
toolkit-reminders-fired = due since { $when }
toolkit-reminders-open = Open
toolkit-reminders-cancel = Cancel
toolkit-reminders-close = Close

# The console's shortcut overview.
toolkit-keys-quick-replies = quick replies (Tab: next free field)
