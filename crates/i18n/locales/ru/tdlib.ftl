## The TDLib library: finding and loading it, and `fetch-tdlib` downloading it.

tdlib-not-found = TDLib { $version } не найден (искали в: { $searched }). Выполните `dutydesk fetch-tdlib`, чтобы скачать его, или укажите в DUTYDESK_TDJSON путь к libtdjson { $version }.
tdlib-load-failed = не удалось загрузить { $path }: { $reason }. DutyDesk нужен TDLib { $version }; выполните `dutydesk fetch-tdlib`, чтобы скачать его.
tdlib-missing-symbol = { $path } — не libtdjson: в нём нет функции `{ $symbol }`
tdlib-wrong-version = { $path } — это TDLib { $found }, а DutyDesk нужен TDLib { $version } (схема, на которой говорит tdlib-rs 1.4). Выполните `dutydesk fetch-tdlib`, чтобы скачать TDLib { $version }.
tdlib-unknown-version = { $path } не сообщил, какой это TDLib (ответ: { $reply }); DutyDesk нужен TDLib { $version }. Выполните `dutydesk fetch-tdlib`, чтобы скачать его.
tdlib-fetch-unsupported = для { $os }/{ $arch } нет готового пакета TDLib { $version }; соберите TDLib { $version } сами и укажите его libtdjson в DUTYDESK_TDJSON
tdlib-fetch-no-checksum = в этой сборке DutyDesk не закреплён sha512 для @prebuilt-tdlib/{ $package }@{ $npm_version }, поэтому загрузку нельзя проверить; установите TDLib { $version } сами и укажите его в DUTYDESK_TDJSON
tdlib-fetch-download = не удалось скачать { $url }: { $reason }
tdlib-fetch-checksum = скачанный архив не совпадает с закреплённым sha512 (ожидался { $expected }, получен { $found }); ничего не установлено
tdlib-fetch-missing-file = в архиве нет { $file }; ничего не установлено
tdlib-backend-native-chosen = этот процесс уже работает с настоящим TDLib и не может переключиться на симулятор
tdlib-backend-simulator-chosen = этот процесс уже работает с симулятором и не может переключиться на настоящий TDLib
