## Proxies: what is wrong with one (the config's [proxy], a pasted link, the form), and the
## keyring that keeps its password or secret.

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
