## The desktop around the window: the tray icon and its menu, the alert sounds, starting
## at login. "DutyDesk" is the product's name in every language.

# The tray's tooltip: one line each, only the lines that are not zero.
desktop-tray-nobody = Niemand wartet
desktop-tray-waiting =
    { $waiting ->
        [one] { $waiting } Kunde wartet
       *[other] { $waiting } Kunden warten
    }
desktop-tray-red =
    { $red ->
        [one] { $red } wartet zu lange
       *[other] { $red } warten zu lange
    }
desktop-tray-breach =
    { $breach ->
        [one] { $breach } über dem SLA
       *[other] { $breach } über dem SLA
    }
desktop-tray-alarms =
    { $alarms ->
        [one] { $alarms } Alarm
       *[other] { $alarms } Alarme
    }
desktop-tray-muted = Töne stumm bis { $time }
# The tray's menu.
desktop-tray-open = DutyDesk öffnen
desktop-tray-mute = Töne 30 Minuten stummschalten
desktop-tray-unmute = Töne wieder an (stumm bis { $time })
desktop-tray-quit = DutyDesk beenden

# Settings.
desktop-sound-red = Ton, wenn ein Chat rot wird
desktop-sound-breach = Ton, wenn ein Chat das SLA verletzt
desktop-volume = Lautstärke
desktop-quiet-hours = Ruhezeiten (keine Töne)
desktop-quiet-hours-placeholder = z. B. 22:00-07:00
desktop-error-quiet-hours = Ruhezeiten: „{ $value }“ ist kein Zeitbereich wie 22:00-07:00
desktop-section = Desktop
desktop-tray = DutyDesk im Infobereich zeigen (wer wartet, ein Menü)
desktop-close-to-tray = Beim Schließen des Fensters läuft DutyDesk im Infobereich weiter
desktop-autostart = DutyDesk bei der Anmeldung starten
desktop-autostart-flatpak = In einem Flatpak starten die Autostart-Einstellungen Ihres Desktops DutyDesk bei der Anmeldung.
desktop-autostart-no-config = Es gibt keinen Konfigurationsordner für einen Autostart-Eintrag.
desktop-autostart-failed = Der Start bei der Anmeldung wurde nicht geändert: { $error }

# The login entry's comment (~/.config/autostart/dutydesk.desktop).
desktop-autostart-comment = DutyDesk bei der Anmeldung starten
