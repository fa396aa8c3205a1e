## The command line: its help, its own messages, and `fetch-tdlib`'s progress.

cli-about = Ein Telegram-Desk für Administratoren im Support-Dienst
cli-help-demo = Öffnet das Fenster mit der simulierten Schicht statt mit einem Telegram-Konto.
cli-help-scenario = Mit --demo: eine Szenariodatei oder ein mitgelieferter Name (floor, storm, faults, basic).
cli-help-speed = Mit --demo: wie schnell die virtuelle Zeit läuft (60 = eine Minute pro Sekunde).
cli-help-seed = Mit --demo: der Zufallsstartwert des Szenarios.
cli-help-fetch-tdlib = Lädt TDLib { $version } für diese Plattform in das Datenverzeichnis herunter.
cli-help-fetch-dest = Installiert die Bibliothek in diesen Ordner (den eines Pakets, neben dem Programm) statt in das Datenverzeichnis.
cli-help-fetch-archive = Prüft und installiert ein bereits heruntergeladenes Paket (die .tgz von npm pack), statt es herunterzuladen.
cli-help-fetch-sha512 = Mit --archive: der sha512 des Pakets (dist.integrity von npm), für eine Plattform, für die dieser Build keinen hinterlegt; ein hinterlegter gilt immer.
cli-help-doctor = Zeigt, was DutyDesk vorfindet: Pfade, TDLib, Schlüsselbund, Benachrichtigungen, Sprache.
cli-help-login-probe = Startet zusätzlich TDLib in einem temporären Verzeichnis und zeigt den erreichten Zustand.
cli-help-help = Hilfe anzeigen
cli-help-version = Version anzeigen
cli-help-help-command = Diese Meldung oder die Hilfe der angegebenen Unterbefehle anzeigen
cli-help-help-command-argument = Hilfe zu den Unterbefehlen anzeigen
cli-heading-usage = Aufruf:
# clap adds the colon after these three headings.
cli-heading-commands = Befehle
cli-heading-options = Optionen
cli-heading-arguments = Argumente
cli-logging-off = dutydesk: Protokollierung ist aus: { $error }
cli-fetch-progress = TDLib { $version } wird heruntergeladen
cli-fetch-installed = TDLib { $version } installiert in { $path }
cli-paths-no-config-dir = die Plattform hat kein Konfigurationsverzeichnis; setzen Sie DUTYDESK_HOME auf einen Ordner, den DutyDesk verwenden darf
cli-paths-no-data-dir = die Plattform hat kein Datenverzeichnis; setzen Sie DUTYDESK_HOME auf einen Ordner, den DutyDesk verwenden darf
cli-help-stats = Zeigt die Statistik des Teams für die lokalen Tage FROM bis TO (die Werte der Statistik-Ansicht), optional als CSV.
cli-help-stats-from = Erster Tag, JJJJ-MM-TT, in der Zeitzone der Statistik.
cli-help-stats-to = Letzter Tag, JJJJ-MM-TT, einschließlich.
cli-help-stats-csv = Schreibt zusätzlich jede Tabelle als CSV, je eine Datei neben FILE: ihr Stamm + -summary.csv, -admins.csv, -days.csv, -admin-days.csv, -hours.csv, -heatmap.csv, -longest.csv.
cli-help-stats-tz = Die Zeitzone der Tage und Stunden (ein IANA-Name, z. B. Europe/Berlin). Standard: time_zone aus [statistics] oder [business_hours] der Konfiguration, sonst UTC.
cli-help-stats-longest = Wie viele der längsten Wartezeiten aufgeführt werden.
cli-version =
    { $version }
    TDLib { $tdlib } (die Version, die dieser Build lädt)
    Commit { $commit }
