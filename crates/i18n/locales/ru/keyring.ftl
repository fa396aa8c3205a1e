## The key of the Telegram database: why it could not come from the OS keyring.

keyring-error-none = хранилище ключей ОС недоступно ({ $reason }), поэтому DutyDesk не может хранить случайный ключ базы данных Telegram; задайте парольную фразу (или переменную DUTYDESK_DB_PASSPHRASE)
keyring-error-locked = хранилище ключей ОС заблокировано или отказало в доступе ({ $reason }); разблокируйте его (связку ключей «Login» рабочего стола) и попробуйте снова. Парольная фраза открывает только ту базу данных Telegram, которая была создана с этой фразой
keyring-error-damaged = запись «{ $entry }» в хранилище ключей ОС (служба «{ $service }») не содержит действительного ключа базы данных ({ $reason }); DutyDesk её не трогает: база данных Telegram этого аккаунта зашифрована ключом, который в ней хранился. Восстановите ключ или удалите запись вместе с папкой данных аккаунта, чтобы начать этот аккаунт заново
keyring-error-empty-passphrase = парольная фраза пуста

## The login screen's passphrase step, where no keyring can keep the key.

keyring-none-choose-title = Задайте парольную фразу для данных Telegram
keyring-none-choose = DutyDesk хранит ваши данные Telegram на этом компьютере в зашифрованном виде. Обычно ключ лежит в системном хранилище паролей (связке ключей), но DutyDesk не удалось до него достучаться. Задайте парольную фразу, которая будет защищать данные вместо него: её нужно будет вводить при каждом запуске DutyDesk, и забытую фразу никто не восстановит. Чтобы пользоваться хранилищем ключей, установите или запустите его (например, GNOME Keyring или KWallet) и перезапустите DutyDesk.
keyring-none-enter-title = Введите парольную фразу
keyring-none-enter = DutyDesk не удалось достучаться до хранилища паролей (связки ключей) на этом компьютере, поэтому ваши данные Telegram здесь защищены парольной фразой, заданной при первом входе. Введите её, чтобы продолжить.
keyring-passphrase = Парольная фраза
keyring-passphrase-repeat = Повторите парольную фразу
keyring-continue = Продолжить
keyring-passphrase-empty = Введите парольную фразу.
keyring-passphrase-mismatch = Фразы не совпадают. Исправьте их и снова нажмите «Продолжить».
keyring-details-show = Подробности
keyring-details-hide = Скрыть подробности
