## The command line: its help, its own messages, and `fetch-tdlib`'s progress.

cli-about = A Telegram desk for support duty administrators
cli-help-demo = Open the window on the simulated floor instead of a Telegram account.
cli-help-scenario = With --demo: a scenario file or a shipped name (floor, storm, faults, basic).
cli-help-speed = With --demo: how fast virtual time runs (60 = a minute per second).
cli-help-seed = With --demo: the scenario's random seed.
cli-help-fetch-tdlib = Download TDLib { $version } for this platform into the data directory.
cli-help-fetch-dest = Install the library into this folder (a package's, beside the executable) instead of the data directory.
cli-help-fetch-archive = Verify and install a package already downloaded (the .tgz of npm pack) instead of downloading it.
cli-help-fetch-sha512 = With --archive: the package's sha512 (npm's dist.integrity), for a platform this build pins none for; a pin always wins.
cli-help-doctor = Print what DutyDesk sees: paths, TDLib, keyring, notifications, language.
cli-help-login-probe = Also start TDLib in a temporary directory and print the state it reaches.
cli-help-help = Print help
cli-help-version = Print version
cli-help-help-command = Print this message or the help of the given subcommand(s)
cli-help-help-command-argument = Print help for the subcommand(s)
cli-heading-usage = Usage:
# clap adds the colon after these three headings.
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-logging-off = dutydesk: logging is off: { $error }
cli-fetch-progress = Downloading TDLib { $version }
cli-fetch-installed = Installed TDLib { $version } at { $path }
cli-paths-no-config-dir = the platform has no configuration directory; set DUTYDESK_HOME to a folder DutyDesk may use
cli-paths-no-data-dir = the platform has no data directory; set DUTYDESK_HOME to a folder DutyDesk may use
cli-help-stats = Print the team's statistics for local days FROM to TO (the Statistics screen's figures), optionally as CSV.
cli-help-stats-from = First day, YYYY-MM-DD, in the statistics' time zone.
cli-help-stats-to = Last day, YYYY-MM-DD, included.
cli-help-stats-csv = Also write every table as CSV, one file each beside FILE: its stem + -summary.csv, -admins.csv, -days.csv, -admin-days.csv, -hours.csv, -heatmap.csv, -longest.csv.
cli-help-stats-tz = The zone days and hours are in (an IANA name, e.g. Europe/Berlin). Default: the config's [statistics] or [business_hours] time_zone, else UTC.
cli-help-stats-longest = How many of the longest waits to list.
cli-version =
    { $version }
    TDLib { $tdlib } (the version this build loads)
    commit { $commit }
