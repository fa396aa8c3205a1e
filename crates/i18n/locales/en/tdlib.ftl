## The TDLib library: finding and loading it, and `fetch-tdlib` downloading it.

tdlib-not-found = TDLib { $version } was not found (looked in: { $searched }). Run `dutydesk fetch-tdlib` to download it, or set DUTYDESK_TDJSON to the path of a libtdjson { $version }.
tdlib-load-failed = { $path } could not be loaded: { $reason }. DutyDesk needs TDLib { $version }; run `dutydesk fetch-tdlib` to download it.
tdlib-missing-symbol = { $path } is not a libtdjson: it has no `{ $symbol }` function
tdlib-wrong-version = { $path } is TDLib { $found }, but DutyDesk needs TDLib { $version } (the schema tdlib-rs 1.4 speaks). Run `dutydesk fetch-tdlib` to download TDLib { $version }.
tdlib-unknown-version = { $path } did not say which TDLib it is (it answered { $reply }); DutyDesk needs TDLib { $version }. Run `dutydesk fetch-tdlib` to download it.
tdlib-fetch-unsupported = there is no prebuilt TDLib { $version } package for { $os }/{ $arch }; build TDLib { $version } yourself and set DUTYDESK_TDJSON to its libtdjson
tdlib-fetch-no-checksum = no sha512 is pinned for @prebuilt-tdlib/{ $package }@{ $npm_version } in this build of DutyDesk, so its download cannot be verified; install TDLib { $version } yourself and set DUTYDESK_TDJSON
tdlib-fetch-download = downloading { $url } failed: { $reason }
tdlib-fetch-checksum = the downloaded archive does not match the pinned sha512 (expected { $expected }, got { $found }); nothing was installed
tdlib-fetch-missing-file = the archive has no { $file }; nothing was installed
tdlib-backend-native-chosen = this process already runs the native TDLib; it cannot switch to the simulator
tdlib-backend-simulator-chosen = this process already runs the simulator; it cannot switch to the native TDLib
