## The connection to Telegram: its state and how long it has lasted (login screen, console
## header), the hint when it lasts, and the connection settings (proxies).

connection-lasted-seconds = { $seconds } s
connection-lasted-minutes = { $minutes } min
connection-lasted-hours = { $hours } h { $minutes } min
connection-waiting-for-network = Waiting for network · { $lasted }
connection-connecting-to-proxy = Connecting to the proxy · { $lasted }
connection-connecting = Connecting to Telegram · { $lasted }
connection-updating = Updating · { $lasted }
connection-hint-network = This computer seems to be offline. Check its network: cable, Wi-Fi, VPN.
connection-hint-proxy = The proxy does not answer. Check its server and port, or choose another proxy.
connection-hint-telegram = Telegram does not answer. Check the network; if Telegram is blocked where you are, set a proxy.
connection-settings = Connection settings

connection-title = Connection settings
connection-ready = Connected to Telegram.
connection-direct = Without a proxy: DutyDesk connects to Telegram directly.
connection-through = Through { $proxy }.
connection-list-title = Proxies
connection-list-empty = No proxy added yet.
connection-in-use = in use
connection-use = Use
connection-stop = Connect directly
connection-edit = Edit
connection-remove = Remove
connection-ping = Ping
connection-pinging = Pinging…
connection-ping-ms = Answers in { $ms } ms
connection-ping-failed = Does not answer: { $error }
connection-form-add = Add a proxy
connection-form-edit = Edit { $proxy }
connection-form-clear = New proxy
connection-link = Paste a link: tg://proxy?…, tg://socks?…, https://t.me/proxy?…, https://t.me/socks?…
connection-link-filled = Filled in from the link. Check it, then Save and use.
connection-server = Server
connection-port = Port
connection-username = Username (optional)
connection-password = Password (optional)
connection-secret = Secret
connection-keyring-note = The password or secret is kept in your system's keyring, never in the config file.
connection-save = Save and use
connection-back = Back
connection-form-refused = Not saved: { $problem }
connection-telegram-refused = Telegram did not take it: { $error }
connection-apply-failed = The proxy from the config was not used: { $error }
connection-no-secret = The keyring has no secret for the proxy in the config (entry "{ $entry }"). Open Connection settings and enter it.

connection-rule-server-empty = the server is empty
connection-rule-server-too-long = the server's name is longer than 255 characters
connection-rule-port = the port must be a number from 1 to 65535
connection-rule-no-username = an MTProto proxy has no username
connection-rule-http-only = http_only is for HTTP proxies only
connection-rule-secret = this is not an MTProto proxy secret (32 hexadecimal characters, or a dd… or ee… secret from a proxy link)
connection-rule-secret-in-config = a proxy's password or secret is not written in the config but kept in the OS keyring: remove this line and enter it in Connection settings
connection-link-not-proxy = This is not a proxy link: they start with tg://proxy, tg://socks, https://t.me/proxy or https://t.me/socks.
connection-link-field = The link's { $field } is wrong: { $problem }.
connection-keyring-error = the OS keyring did not keep or give the proxy's password (entry "{ $entry }"): { $reason }
