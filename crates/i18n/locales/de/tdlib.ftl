## The TDLib library: finding and loading it, and `fetch-tdlib` downloading it.

tdlib-not-found = TDLib { $version } wurde nicht gefunden (gesucht in: { $searched }). Führen Sie `dutydesk fetch-tdlib` aus, um es herunterzuladen, oder setzen Sie DUTYDESK_TDJSON auf den Pfad einer libtdjson { $version }.
tdlib-load-failed = { $path } konnte nicht geladen werden: { $reason }. DutyDesk benötigt TDLib { $version }; führen Sie `dutydesk fetch-tdlib` aus, um es herunterzuladen.
tdlib-missing-symbol = { $path } ist keine libtdjson: die Funktion `{ $symbol }` fehlt
tdlib-wrong-version = { $path } ist TDLib { $found }, DutyDesk benötigt aber TDLib { $version } (das Schema, das tdlib-rs 1.4 spricht). Führen Sie `dutydesk fetch-tdlib` aus, um TDLib { $version } herunterzuladen.
tdlib-unknown-version = { $path } hat nicht angegeben, welche TDLib es ist (Antwort: { $reply }); DutyDesk benötigt TDLib { $version }. Führen Sie `dutydesk fetch-tdlib` aus, um es herunterzuladen.
tdlib-fetch-unsupported = für { $os }/{ $arch } gibt es kein vorgefertigtes Paket von TDLib { $version }; bauen Sie TDLib { $version } selbst und setzen Sie DUTYDESK_TDJSON auf seine libtdjson
tdlib-fetch-no-checksum = für @prebuilt-tdlib/{ $package }@{ $npm_version } ist in diesem Build von DutyDesk kein sha512 hinterlegt, daher lässt sich der Download nicht prüfen; installieren Sie TDLib { $version } selbst und setzen Sie DUTYDESK_TDJSON
tdlib-fetch-download = der Download von { $url } ist fehlgeschlagen: { $reason }
tdlib-fetch-checksum = das heruntergeladene Archiv passt nicht zum hinterlegten sha512 (erwartet { $expected }, erhalten { $found }); nichts wurde installiert
tdlib-fetch-missing-file = das Archiv enthält kein { $file }; nichts wurde installiert
tdlib-backend-native-chosen = dieser Prozess verwendet bereits das native TDLib; er kann nicht zum Simulator wechseln
tdlib-backend-simulator-chosen = dieser Prozess verwendet bereits den Simulator; er kann nicht zum nativen TDLib wechseln
