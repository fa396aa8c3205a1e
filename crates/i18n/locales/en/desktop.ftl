## The desktop around the window: the tray icon and its menu, the alert sounds, starting
## at login. "DutyDesk" is the product's name in every language.

# The tray's tooltip: one line each, only the lines that are not zero.
desktop-tray-nobody = Nobody is waiting
desktop-tray-waiting =
    { $waiting ->
        [one] { $waiting } customer waiting
       *[other] { $waiting } customers waiting
    }
desktop-tray-red =
    { $red ->
        [one] { $red } waited too long
       *[other] { $red } waited too long
    }
desktop-tray-breach =
    { $breach ->
        [one] { $breach } past the SLA
       *[other] { $breach } past the SLA
    }
desktop-tray-alarms =
    { $alarms ->
        [one] { $alarms } alarm
       *[other] { $alarms } alarms
    }
desktop-tray-muted = Sounds muted until { $time }
# The tray's menu.
desktop-tray-open = Open DutyDesk
desktop-tray-mute = Mute sounds for 30 minutes
desktop-tray-unmute = Unmute sounds (muted until { $time })
desktop-tray-quit = Quit DutyDesk

# Settings.
desktop-sound-red = Sound when a chat turns red
desktop-sound-breach = Sound when a chat breaches the SLA
desktop-volume = Volume
desktop-quiet-hours = Quiet hours (no sounds)
desktop-quiet-hours-placeholder = e.g. 22:00-07:00
desktop-error-quiet-hours = Quiet hours: "{ $value }" is not a time range like 22:00-07:00
desktop-section = Desktop
desktop-tray = Show DutyDesk in the tray (who waits, a menu)
desktop-close-to-tray = Closing the window keeps DutyDesk running in the tray
desktop-autostart = Start DutyDesk when I log in
desktop-autostart-flatpak = In a Flatpak, your desktop's own startup settings start DutyDesk at login.
desktop-autostart-no-config = There is no configuration folder to put a login entry in.
desktop-autostart-failed = Starting at login was not changed: { $error }

# The login entry's comment (~/.config/autostart/dutydesk.desktop).
desktop-autostart-comment = Start DutyDesk when you log in
