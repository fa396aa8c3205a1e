## `dutydesk doctor`: one line per thing DutyDesk depends on. The labels are aligned in
## a column as wide as the longest one, so they can be of any length.

doctor-label-config = konfiguracja:
doctor-label-data = dane:
doctor-label-tdlib = tdlib:
doctor-label-keyring = pęk kluczy:
doctor-label-notifications = powiadomienia:
doctor-label-language = język:
doctor-label-login-probe = test logowania:
doctor-label-tracker = tracker:
doctor-config-found = { $path } (znaleziono)
doctor-config-missing = { $path } (jeszcze nie utworzono; obowiązują wartości domyślne)
doctor-config-error = { $path } (błąd: { $error })
doctor-tdlib-found = { $path } (wersja { $version })
doctor-tdlib-unusable = nie nadaje się do użycia: { $error }
doctor-keyring-available = dostępny
doctor-keyring-none = niedostępny ({ $reason }); kluczem bazy danych będzie hasło szyfrujące
doctor-keyring-locked = zablokowany (odblokuj go w aplikacji pęku kluczy, np. Seahorse / Pęk kluczy / Menedżer poświadczeń)
doctor-keyring-damaged = uszkodzony: wpis „{ $entry }” (usługa „{ $service }”) nie jest kluczem bazy danych ({ $reason }); DutyDesk pozostawia go bez zmian
doctor-notifications-server = { $name } { $version } ({ $vendor })
doctor-notifications-none = brak usługi powiadomień ({ $error }); DutyDesk pokazuje zamiast tego banery w oknie
doctor-notifications-platform = centrum powiadomień platformy
doctor-language-setting = { $language } (ustawiony w konfiguracji)
doctor-language-system = { $language } (zgodnie z systemem)
doctor-language-unmatched-setting = angielski (konfiguracja wskazuje „{ $wish }”, a DutyDesk nie ma takiego tłumaczenia)
doctor-language-unmatched-system = angielski (system preferuje „{ $wish }”, a DutyDesk nie ma takiego tłumaczenia)
doctor-probe-taken = strumień zdarzeń został już przejęty
doctor-probe-stopped = TDLib zatrzymał się przed osiągnięciem stanu logowania
doctor-probe-timeout = TDLib nie osiągnął stanu logowania w ciągu { $seconds } s
doctor-probe-not-closed = TDLib nie potwierdził zamknięcia w ciągu { $seconds } s

## One line per [[trackers]] entry. { $kind } is the product's name (Jira Cloud, Redmine, …).
doctor-tracker-browser = { $name } ({ $kind }, przeglądarka): otwiera wypełniony formularz pod { $url }; token niepotrzebny
doctor-tracker-no-token = { $name } ({ $kind }, API): brak zapisanego tokenu; wpisz go w Ustawienia → Trackery zadań (DutyDesk trzyma go w systemowym pęku kluczy) lub ustaw { $variable }
doctor-tracker-keyring = { $name } ({ $kind }, API): nie udało się odczytać tokenu: { $problem }
doctor-tracker-valid = { $name } ({ $kind }, API): osiągalny pod { $origin }, token ważny (konto { $account })
doctor-tracker-valid-project = { $name } ({ $kind }, API): osiągalny pod { $origin }, token ważny (konto { $account }), projekt „{ $project }” widoczny
doctor-tracker-failed = { $name } ({ $kind }, API): { $problem }
