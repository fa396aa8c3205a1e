## The key of the Telegram database: why it could not come from the OS keyring.

keyring-error-none = systemowy pęk kluczy jest niedostępny ({ $reason }), więc DutyDesk nie może przechować losowego klucza bazy danych Telegrama; wybierz zamiast tego hasło szyfrujące (lub ustaw DUTYDESK_DB_PASSPHRASE)
keyring-error-locked = systemowy pęk kluczy jest zablokowany lub odmówił dostępu ({ $reason }); odblokuj go (pęk kluczy „Logowanie” pulpitu) i spróbuj ponownie. Hasło szyfrujące otwiera tylko bazę danych Telegrama utworzoną z tym hasłem
keyring-error-damaged = wpis „{ $entry }” (usługa „{ $service }”) w systemowym pęku kluczy nie zawiera prawidłowego klucza bazy danych ({ $reason }); DutyDesk pozostawia go bez zmian: baza danych Telegrama tego konta została zaszyfrowana przechowywanym w nim kluczem. Przywróć klucz albo usuń wpis i folder danych konta, aby zacząć to konto od nowa
keyring-error-empty-passphrase = hasło szyfrujące jest puste

## The login screen's passphrase step, where no keyring can keep the key.

keyring-none-choose-title = Wybierz hasło szyfrujące do danych Telegrama
keyring-none-choose = DutyDesk przechowuje Twoje dane Telegrama na tym komputerze w postaci zaszyfrowanej. Klucz jest zwykle trzymany w systemowym magazynie haseł (pęku kluczy), ale DutyDesk nie mógł go tu znaleźć. Wybierz hasło szyfrujące, które ochroni dane: będziesz je wpisywać przy każdym uruchomieniu DutyDesk i nikt nie odzyska go, jeśli zostanie zapomniane. Aby zamiast tego użyć pęku kluczy, zainstaluj lub uruchom go (na przykład GNOME Keyring lub KWallet) i uruchom DutyDesk ponownie.
keyring-none-enter-title = Wpisz hasło szyfrujące
keyring-none-enter = DutyDesk nie mógł znaleźć magazynu haseł (pęku kluczy) na tym komputerze, więc Twoje dane Telegrama są tu chronione hasłem szyfrującym wybranym przy pierwszym logowaniu. Wpisz je, aby kontynuować.
keyring-passphrase = Hasło szyfrujące
keyring-passphrase-repeat = Powtórz hasło szyfrujące
keyring-continue = Dalej
keyring-passphrase-empty = Wpisz hasło szyfrujące.
keyring-passphrase-mismatch = Hasła szyfrujące nie są takie same. Popraw je i ponownie naciśnij Dalej.
keyring-details-show = Szczegóły
keyring-details-hide = Ukryj szczegóły
