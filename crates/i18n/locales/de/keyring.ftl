## The key of the Telegram database: why it could not come from the OS keyring.

keyring-error-none = kein Schlüsselbund des Systems verfügbar ({ $reason }), daher kann DutyDesk keinen Zufallsschlüssel für die Telegram-Datenbank aufbewahren; wählen Sie stattdessen eine Passphrase (oder setzen Sie DUTYDESK_DB_PASSPHRASE)
keyring-error-locked = der Schlüsselbund des Systems ist gesperrt oder hat den Zugriff verweigert ({ $reason }); entsperren Sie ihn (den Schlüsselbund „Anmeldung“ des Desktops) und versuchen Sie es erneut. Eine Passphrase öffnet nur eine Telegram-Datenbank, die mit dieser Passphrase angelegt wurde
keyring-error-damaged = der Eintrag „{ $entry }“ (Dienst „{ $service }“) im Schlüsselbund des Systems enthält keinen gültigen Datenbankschlüssel ({ $reason }); DutyDesk lässt ihn unverändert: die Telegram-Datenbank des Kontos wurde mit dem darin gespeicherten Schlüssel verschlüsselt. Stellen Sie den Schlüssel wieder her oder löschen Sie den Eintrag und den Datenordner des Kontos, um dieses Konto neu zu beginnen
keyring-error-empty-passphrase = die Passphrase ist leer

## The login screen's passphrase step, where no keyring can keep the key.

keyring-none-choose-title = Passphrase für Ihre Telegram-Daten wählen
keyring-none-choose = DutyDesk speichert Ihre Telegram-Daten verschlüsselt auf diesem Computer. Der Schlüssel liegt normalerweise im Passwortspeicher des Systems (dem Schlüsselbund), doch DutyDesk konnte hier keinen erreichen. Wählen Sie stattdessen eine Passphrase zum Schutz der Daten: Sie geben sie bei jedem Start von DutyDesk ein, und niemand kann sie wiederherstellen, wenn sie vergessen wird. Um doch einen Schlüsselbund zu nutzen, installieren oder starten Sie einen (zum Beispiel GNOME Keyring oder KWallet) und starten Sie DutyDesk neu.
keyring-none-enter-title = Passphrase eingeben
keyring-none-enter = DutyDesk konnte auf diesem Computer keinen Passwortspeicher (Schlüsselbund) erreichen, daher sind Ihre Telegram-Daten hier durch die Passphrase geschützt, die Sie bei der ersten Anmeldung gewählt haben. Geben Sie sie ein, um fortzufahren.
keyring-passphrase = Passphrase
keyring-passphrase-repeat = Passphrase wiederholen
keyring-continue = Weiter
keyring-passphrase-empty = Geben Sie eine Passphrase ein.
keyring-passphrase-mismatch = Die beiden Passphrasen stimmen nicht überein. Korrigieren Sie sie und klicken Sie erneut auf „Weiter“.
keyring-details-show = Details
keyring-details-hide = Details ausblenden
