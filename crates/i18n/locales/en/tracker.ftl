## Task trackers: the rules a [[trackers]] entry must keep, and what went wrong talking to a
## tracker with what to do. Product names (Jira, Redmine, …), config keys (base_url, mode,
## user, …) and values ("api", "browser") stay as written in the config file.

tracker-rule-no-name = must name the tracker
tracker-rule-generic-no-api = a generic tracker can only pre-fill a browser form; use mode = "browser"
tracker-rule-no-form = Bitrix24 has no pre-filled form; use mode = "api" with an incoming webhook
tracker-rule-cloud-user = Jira Cloud's API needs the Atlassian account e-mail the token belongs to
tracker-rule-webhook-user = must be the user id from the webhook address (/rest/<user>/<code>/)
tracker-rule-issue-type-id = the browser form takes the issue type's numeric id
tracker-rule-assignee-id = Redmine takes the user's numeric id
tracker-rule-no-template = a generic tracker needs its "new issue" URL with { $title } and { $description }
tracker-rule-unknown-placeholder = unknown placeholder { $word }; use { $placeholders }
tracker-rule-template-empty = must contain { $title } or { $description }, or the form opens empty
tracker-rule-chat-id = the key must be a Telegram chat id
tracker-rule-project-name = must name a project, without surrounding spaces
tracker-rule-jira-project-id = Jira's browser form takes the project's numeric id (pid)
tracker-rule-owner-repo = must be owner/repository
tracker-rule-group-project = must be group/project (or the project's numeric id)
tracker-rule-workgroup-id = must be the workgroup's numeric id
tracker-rule-url-too-long = is longer than the tracker accepts in a URL

tracker-url-scheme = must start with https://
tracker-url-query = must not contain a query (?) or fragment (#)
tracker-url-user = must not contain a user name or password; tokens go in the keyring
tracker-url-spaces = must not contain spaces
tracker-url-not-https = is not https://; only localhost may use http://
tracker-url-ipv6-unclosed = an IPv6 address needs its closing ]
tracker-url-ipv6-invalid = has an invalid IPv6 address
tracker-url-ipv6-trailing = has text after the IPv6 address
tracker-url-host = must name a host (letters, digits, dots and dashes)
tracker-url-port = has an invalid port

## What went wrong, each with what to do. "Retry" is the form's button.
tracker-fault-config = fix `{ $field }` in its [[trackers]] entry: { $problem }
tracker-fault-not-https = { $url } is not an https:// address; only a tracker on this machine (localhost) may use http://, so a token never crosses the network unencrypted
tracker-fault-no-project = no project chosen and no default_project configured; choose a project
tracker-fault-empty-title = the task has no title; type one
tracker-fault-no-token = no token is stored for this tracker; create one in the tracker and store it
tracker-fault-unreachable = cannot reach the tracker ({ $detail }); check its address and the network, then Retry
tracker-fault-timeout = no answer within { $seconds } s; the tracker may be busy or unreachable, Retry
tracker-fault-unauthorized = the token was refused (401); create a new token in the tracker and store it again
tracker-fault-forbidden = the token's account may not do this (403); check the account's permissions and the token's scopes
tracker-fault-forbidden-detail = the token's account may not do this (403): { $detail }; check the account's permissions and the token's scopes
tracker-fault-missing-scope = the token lacks the "{ $scope }" permission; add it to the token (webhook) in the tracker
tracker-fault-unknown-project = project "{ $project }" does not exist or the token's account cannot see it; choose another project or fix the config
tracker-fault-unknown-task = task { $key } does not exist or the token's account cannot see it
tracker-fault-unknown-assignee = the tracker has no user "{ $assignee }"; choose another assignee
tracker-fault-validation = the tracker did not accept the task; check the form and Retry
tracker-fault-validation-messages = the tracker did not accept the task: { $messages }; correct the form and Retry
tracker-fault-redirect-elsewhere = the tracker redirects to another host ({ $location }); DutyDesk does not send the token there. If the tracker moved, set base_url to its new address
tracker-fault-redirected = the tracker redirects to { $location }; set base_url to that address
tracker-fault-rate-limited = too many requests (429); wait a minute and Retry
tracker-fault-server = the tracker failed (HTTP { $status }); Retry later
tracker-fault-unexpected = unexpected answer (HTTP { $status }); check that base_url and kind name this tracker
tracker-fault-oversize = the reply is larger than { $limit } bytes; check that base_url points at the tracker
tracker-fault-malformed = the reply is not what this tracker sends ({ $detail }); check that base_url and kind name this tracker

## Bitrix24 answers a task's state with a number; these are its documented meanings.
tracker-bitrix-status-new = New
tracker-bitrix-status-pending = Pending
tracker-bitrix-status-in-progress = In progress
tracker-bitrix-status-awaiting-control = Awaiting control
tracker-bitrix-status-completed = Completed
tracker-bitrix-status-deferred = Deferred
tracker-bitrix-status-declined = Declined

## A YouTrack project without a State field: whether the task is resolved.
tracker-youtrack-resolved = Resolved
tracker-youtrack-unresolved = Unresolved

## Browser mode: the key or address the admin pasted back after creating the task.
tracker-paste-empty = paste the task's key or the address of its page
tracker-paste-other-address = that address is not under { $base }; paste the address of the task's page in this tracker
tracker-paste-not-a-task = that is neither a task key of this tracker (like { $example }) nor the address of a task's page
