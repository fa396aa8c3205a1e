## The local database (pins, stars, notes, settings, statistics): what failed, where. The
## SQLite and system descriptions in { $error } stay as they come.

store-open-failed = die DutyDesk-Datenbank { $path } kann nicht geöffnet werden: { $error }
store-too-new = die DutyDesk-Datenbank { $path } hat die Schemaversion { $found }, dieses DutyDesk kennt aber nur Versionen bis { $supported }: sie wurde von einem neueren DutyDesk geschrieben. Verwenden Sie diese Version oder verschieben Sie die Datei, um neu zu beginnen; sie wurde nicht verändert
store-sql-failed = { $what } in der DutyDesk-Datenbank { $path } fehlgeschlagen: { $error }
store-corrupt = fehlerhafte Daten in der DutyDesk-Datenbank { $path }: { $what }
store-io-failed = { $what }: { $error }

## What was being done ({ $what } above).
store-create-dir = das Datenverzeichnis { $path } kann nicht angelegt werden
store-reading-schema-version = Lesen der Schemaversion
store-setting-busy-timeout = Setzen des Busy-Timeouts
store-switching-to-wal = Umschalten in den WAL-Modus
store-setting-pragmas = Setzen der Pragmas
store-migrating = Migrieren des Schemas
store-migrating-from = Migrieren des Schemas von Version { $found } auf { $to }
store-reading-local-marks = Lesen der lokalen Markierungen
store-saving-local-marks = Speichern der lokalen Markierungen
store-reading-setting = Lesen des Einstellungsschlüssels „{ $key }“
store-saving-setting = Speichern des Einstellungsschlüssels „{ $key }“
store-appending-statistics = Anfügen der Statistik
store-reading-message-statistics = Lesen der Nachrichtenstatistik
store-reading-reply-statistics = Lesen der Antwortstatistik
store-counting-statistics = Zählen der Nachrichtenstatistik
store-checking-integrity = Integritätsprüfung
store-summing-buckets = Summieren der Statistik je Zeitabschnitt
store-logging-backfill = Protokollieren eines nachgeladenen Chats
store-rebuilding-digests = Neuaufbau der Statistik-Zusammenfassungen
store-reading-digests = Lesen der Statistik-Zusammenfassungen
store-reading-open-waits = Lesen der offenen Wartezeiten
store-saving-task = Speichern der Aufgabe { $key } von Chat { $chat }
store-reading-tasks = Lesen der verknüpften Aufgaben
store-saving-staff-names = Speichern der Teamnamen
store-reading-staff-names = Lesen der Teamnamen

## Bad data found ({ $what } in store-corrupt).
store-negative-schema-version = negative Schemaversion { $found }
store-not-wal = Journalmodus bleibt „{ $mode }“, WAL ist erforderlich
store-bad-support-flag = support_flags: Chat { $chat } hat das Flag „{ $flag }“ (erwartet "include" oder "exclude")
store-bad-desk-settings = Einstellungsschlüssel „{ $key }“ enthält keine gültigen Desk-Einstellungen: { $error }
store-encode-desk-settings = die Desk-Einstellungen können nicht kodiert werden: { $error }
store-bad-message-role = stat_messages: Chat { $chat }, Nachricht { $message } hat die Rolle { $role } (erwartet 0 oder 1)
store-bad-responder-kind = stat_replies: Chat { $chat }, Nachricht { $message } hat die Antwortart { $kind } (erwartet 0 oder 1)
store-integrity = Integritätsprüfung: { $result }
store-bad-digest = stat_days: die Zusammenfassung des Tages { $day } ist nicht lesbar
