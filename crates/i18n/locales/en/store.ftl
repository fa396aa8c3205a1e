## The local database (pins, stars, notes, settings, statistics): what failed, where. The
## SQLite and system descriptions in { $error } stay as they come.

store-open-failed = cannot open the DutyDesk database { $path }: { $error }
store-too-new = the DutyDesk database { $path } has schema version { $found }, but this DutyDesk knows versions up to { $supported }: it was written by a newer DutyDesk. Run that version, or move the file away to start afresh; it was left untouched
store-sql-failed = { $what } in the DutyDesk database { $path }: { $error }
store-corrupt = bad data in the DutyDesk database { $path }: { $what }
store-io-failed = { $what }: { $error }

## What was being done ({ $what } above).
store-create-dir = cannot create the data directory { $path }
store-reading-schema-version = reading the schema version
store-setting-busy-timeout = setting the busy timeout
store-switching-to-wal = switching to WAL mode
store-setting-pragmas = setting pragmas
store-migrating = migrating the schema
store-migrating-from = migrating the schema from version { $found } to { $to }
store-reading-local-marks = reading the local marks
store-saving-local-marks = saving local marks
store-reading-setting = reading settings key "{ $key }"
store-saving-setting = saving settings key "{ $key }"
store-appending-statistics = appending statistics
store-reading-message-statistics = reading message statistics
store-reading-reply-statistics = reading reply statistics
store-counting-statistics = counting message statistics
store-checking-integrity = checking integrity
store-summing-buckets = summing statistics per time bucket
store-logging-backfill = logging a backfilled chat
store-rebuilding-digests = rebuilding the statistics digests
store-reading-digests = reading the statistics digests
store-reading-open-waits = reading the open waits
store-saving-task = saving task { $key } of chat { $chat }
store-reading-tasks = reading the linked tasks
store-saving-staff-names = saving staff names
store-reading-staff-names = reading staff names

## Bad data found ({ $what } in store-corrupt).
store-negative-schema-version = negative schema version { $found }
store-not-wal = journal mode stays "{ $mode }", WAL is required
store-bad-support-flag = support_flags: chat { $chat } has flag "{ $flag }" (expected "include" or "exclude")
store-bad-desk-settings = settings key "{ $key }" is not valid desk settings: { $error }
store-encode-desk-settings = cannot encode the desk settings: { $error }
store-bad-message-role = stat_messages: chat { $chat } message { $message } has role { $role } (expected 0 or 1)
store-bad-responder-kind = stat_replies: chat { $chat } message { $message } has responder kind { $kind } (expected 0 or 1)
store-integrity = integrity check: { $result }
store-bad-digest = stat_days: the digest of day { $day } cannot be read
