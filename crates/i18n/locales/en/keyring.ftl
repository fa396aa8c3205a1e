## The key of the Telegram database: why it could not come from the OS keyring.

keyring-error-none = no OS keyring is available ({ $reason }), so DutyDesk cannot keep a random key for the Telegram database; choose a passphrase instead (or set DUTYDESK_DB_PASSPHRASE)
keyring-error-locked = the OS keyring is locked or refused access ({ $reason }); unlock it (the desktop's "Login" keyring) and try again. A passphrase only opens a Telegram database that was created with that passphrase
keyring-error-damaged = the OS keyring's entry "{ $entry }" (service "{ $service }") does not hold a valid database key ({ $reason }); DutyDesk leaves it untouched: the account's Telegram database was encrypted with the key it held. Restore the key, or delete the entry and the account's data folder to start this account afresh
keyring-error-empty-passphrase = the passphrase is empty

## The login screen's passphrase step, where no keyring can keep the key.

keyring-none-choose-title = Choose a passphrase for your Telegram data
keyring-none-choose = DutyDesk keeps your Telegram data on this computer encrypted. The key is normally kept in the system's password store (the keyring), but DutyDesk could not reach one here. Choose a passphrase to protect the data instead: you will type it each time DutyDesk starts, and nobody can recover it if it is forgotten. To use a keyring instead, install or start one (for example GNOME Keyring or KWallet) and restart DutyDesk.
keyring-none-enter-title = Enter your passphrase
keyring-none-enter = DutyDesk could not reach a password store (keyring) on this computer, so your Telegram data here is protected by the passphrase chosen when you first logged in. Type it to continue.
keyring-passphrase = Passphrase
keyring-passphrase-repeat = Repeat the passphrase
keyring-continue = Continue
keyring-passphrase-empty = Type a passphrase.
keyring-passphrase-mismatch = The two passphrases are not the same. Correct them and press Continue again.
keyring-details-show = Details
keyring-details-hide = Hide details
