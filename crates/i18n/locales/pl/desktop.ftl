## The desktop around the window: the tray icon and its menu, the alert sounds, starting
## at login. "DutyDesk" is the product's name in every language.

# The tray's tooltip: one line each, only the lines that are not zero.
desktop-tray-nobody = Nikt nie czeka
desktop-tray-waiting =
    { $waiting ->
        [one] { $waiting } klient czeka
        [few] { $waiting } klienci czekają
        [many] { $waiting } klientów czeka
       *[other] { $waiting } klienta czeka
    }
desktop-tray-red =
    { $red ->
        [one] { $red } czeka za długo
        [few] { $red } czekają za długo
        [many] { $red } czeka za długo
       *[other] { $red } czeka za długo
    }
desktop-tray-breach =
    { $breach ->
        [one] { $breach } po terminie SLA
        [few] { $breach } po terminie SLA
        [many] { $breach } po terminie SLA
       *[other] { $breach } po terminie SLA
    }
desktop-tray-alarms =
    { $alarms ->
        [one] { $alarms } alarm
        [few] { $alarms } alarmy
        [many] { $alarms } alarmów
       *[other] { $alarms } alarmu
    }
desktop-tray-muted = Dźwięki wyciszone do { $time }
# The tray's menu.
desktop-tray-open = Otwórz DutyDesk
desktop-tray-mute = Wycisz dźwięki na 30 minut
desktop-tray-unmute = Włącz dźwięki (wyciszone do { $time })
desktop-tray-quit = Zakończ DutyDesk

# Settings.
desktop-sound-red = Dźwięk, gdy czat robi się czerwony
desktop-sound-breach = Dźwięk, gdy czat narusza SLA
desktop-volume = Głośność
desktop-quiet-hours = Godziny ciszy (bez dźwięków)
desktop-quiet-hours-placeholder = np. 22:00-07:00
desktop-error-quiet-hours = Godziny ciszy: „{ $value }” nie jest zakresem czasu, np. 22:00-07:00
desktop-section = Pulpit
desktop-tray = Pokazuj DutyDesk w zasobniku (kto czeka, menu)
desktop-close-to-tray = Zamknięcie okna zostawia DutyDesk działający w zasobniku
desktop-autostart = Uruchamiaj DutyDesk po zalogowaniu
desktop-autostart-flatpak = We Flatpaku DutyDesk uruchamiają po zalogowaniu ustawienia autostartu Twojego pulpitu.
desktop-autostart-no-config = Brak folderu konfiguracji, w którym można umieścić wpis autostartu.
desktop-autostart-failed = Nie zmieniono uruchamiania po zalogowaniu: { $error }

# The login entry's comment (~/.config/autostart/dutydesk.desktop).
desktop-autostart-comment = Uruchamiaj DutyDesk po zalogowaniu
