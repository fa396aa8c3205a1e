## The key of the Telegram database: why it could not come from the OS keyring.

keyring-error-none = no OS keyring is available ({ $reason }), so DutyDesk cannot keep a random key for the Telegram database; choose a passphrase instead (or set DUTYDESK_DB_PASSPHRASE)
keyring-error-locked = the OS keyring is locked or refused access ({ $reason }); unlock it (the desktop's "Login" keyring) and try again. A passphrase only opens a Telegram database that was created with that passphrase
keyring-error-damaged = the OS keyring's entry "{ $entry }" (service "{ $service }") does not hold a valid database key ({ $reason }); DutyDesk leaves it untouched: the account's Telegram database was encrypted with the key it held. Restore the key, or delete the entry and the account's data folder to start this account afresh
keyring-error-empty-passphrase = the passphrase is empty
