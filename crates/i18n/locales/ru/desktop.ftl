## Рабочий стол вокруг окна: значок в трее и его меню, звуки, запуск при входе в систему.
## "DutyDesk" — название программы на всех языках.

# Подсказка значка в трее: по строке на каждое ненулевое число.
desktop-tray-nobody = Никто не ждёт
desktop-tray-waiting =
    { $waiting ->
        [one] { $waiting } клиент ждёт
        [few] { $waiting } клиента ждут
        [many] { $waiting } клиентов ждут
       *[other] { $waiting } клиента ждут
    }
desktop-tray-red =
    { $red ->
        [one] { $red } ждёт слишком долго
        [few] { $red } ждут слишком долго
        [many] { $red } ждут слишком долго
       *[other] { $red } ждут слишком долго
    }
desktop-tray-breach =
    { $breach ->
        [one] { $breach } с нарушением SLA
        [few] { $breach } с нарушением SLA
        [many] { $breach } с нарушением SLA
       *[other] { $breach } с нарушением SLA
    }
desktop-tray-alarms =
    { $alarms ->
        [one] { $alarms } тревога
        [few] { $alarms } тревоги
        [many] { $alarms } тревог
       *[other] { $alarms } тревоги
    }
desktop-tray-muted = Звуки выключены до { $time }
# Меню значка в трее.
desktop-tray-open = Открыть DutyDesk
desktop-tray-mute = Выключить звуки на 30 минут
desktop-tray-unmute = Включить звуки (выключены до { $time })
desktop-tray-quit = Выйти из DutyDesk

# Настройки.
desktop-sound-red = Звук, когда чат краснеет
desktop-sound-breach = Звук при нарушении SLA
desktop-volume = Громкость
desktop-quiet-hours = Тихие часы (без звуков)
desktop-quiet-hours-placeholder = например, 22:00-07:00
desktop-error-quiet-hours = Тихие часы: «{ $value }» — не интервал времени вроде 22:00-07:00
desktop-section = Рабочий стол
desktop-tray = Показывать DutyDesk в трее (кто ждёт, меню)
desktop-close-to-tray = При закрытии окна DutyDesk остаётся работать в трее
desktop-autostart = Запускать DutyDesk при входе в систему
desktop-autostart-flatpak = Во Flatpak запуск при входе настраивается в параметрах автозапуска вашего рабочего стола.
desktop-autostart-no-config = Нет папки настроек, куда можно записать автозапуск.
desktop-autostart-failed = Автозапуск не изменён: { $error }

# Комментарий записи автозапуска (~/.config/autostart/dutydesk.desktop).
desktop-autostart-comment = Запускать DutyDesk при входе в систему
