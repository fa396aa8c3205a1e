## Экран «Статистика» (F9): период, графики, таблицы, выгрузка, чтение истории.
## Названия столбцов таблиц берутся у команды stats (stats.ftl).

statistics-title = Статистика
statistics-back = Назад к консоли
statistics-period-today = Сегодня
statistics-period-yesterday = Вчера
statistics-period-week = 7 дней
statistics-period-month = 30 дней
statistics-period-custom = Свой период
statistics-from = С
statistics-to = по
statistics-date-placeholder = ГГГГ-ММ-ДД
statistics-date-invalid = { $value } — не дата вида 2026-03-01
statistics-range-backwards = период кончается раньше, чем начинается
statistics-range-too-long = не больше { $days } дней за раз
statistics-refresh = Обновить
statistics-export = Выгрузить CSV
statistics-exported = { $count ->
    [one] Сохранён { $count } CSV-файл в { $folder }
    [few] Сохранено { $count } CSV-файла в { $folder }
   *[other] Сохранено { $count } CSV-файлов в { $folder }
}
statistics-export-failed = Не удалось записать CSV-файлы: { $error }
statistics-open-folder = Открыть папку
statistics-open-folder-failed = Не удалось открыть { $folder }: { $error }
statistics-loading = Считаем показатели…
statistics-failed = Не удалось прочитать статистику: { $error }
statistics-no-store = Локальная база не открыта, показывать нечего.
statistics-empty = В этом периоде нет сообщений поддержки и ожиданий.
statistics-empty-hint = Выберите другой период; историю, которую DutyDesk ещё не прочитал, он читает в фоне после входа.
statistics-shown = { $from } – { $to }, { $zone }, на { $as_of }
statistics-business-hours = ожидание в рабочие часы
statistics-backfill = Читаем историю: { $done }/{ $total } чатов
statistics-backfill-flood = Telegram просит подождать { $secs } с; читаем историю: { $done }/{ $total } чатов
statistics-backfill-failed = { $failed ->
    [one] { $failed } чат не прочитан; попробуем снова при следующем запуске
    [few] { $failed } чата не прочитаны; попробуем снова при следующем запуске
   *[other] { $failed } чатов не прочитаны; попробуем снова при следующем запуске
}
statistics-card-customer = Сообщения клиентов
statistics-card-staff = Сообщения поддержки
statistics-card-answered = Отвеченные ожидания
statistics-card-open = Открытые ожидания
statistics-card-median = Медиана первого ответа
statistics-card-p90 = P90 первого ответа
statistics-card-before-red = Ответ до красного
statistics-card-before-breach = Ответ до нарушения
statistics-chart-active = Активные чаты поддержки по часам
statistics-chart-live = Сообщений в минуту за последний час (вживую)
statistics-chart-hourly = Сообщений в час
statistics-chart-response = Первый ответ по дням
statistics-chart-heatmap = Сообщения клиентов по дням недели и часам
statistics-series-active = Активные чаты
statistics-series-customer = Клиенты
statistics-series-staff = Поддержка
statistics-series-average = Среднее
statistics-series-median = Медиана
statistics-series-p90 = P90
statistics-unit-chats = чатов
statistics-unit-messages = сообщений
statistics-unit-minutes = мин
statistics-readout = { $series }: { $value }
statistics-heatmap-readout = { $weekday } { $hour }:00, { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[other] { $count } сообщений
}
statistics-months = янв фев мар апр мая июн июл авг сен окт ноя дек
statistics-day-month = { $day } { $month }
statistics-table-admins = Первый ответ и SLA по сотрудникам
statistics-table-days = По дням
statistics-table-admin-days = По сотрудникам и дням
statistics-table-longest = Самые долгие ожидания
statistics-admin-filter = Сотрудник
statistics-team = Команда
statistics-rows = { $first }–{ $last } из { $total }
statistics-earlier = Раньше
statistics-later = Позже
statistics-open-chat = Открыть чат
statistics-chat-id = чат { $id }
statistics-waiting = ещё ждёт
statistics-no-waits = В этом периоде ожиданий нет.
