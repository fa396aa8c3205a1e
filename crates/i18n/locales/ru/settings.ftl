## The settings screen. Keys are named as on the keyboard (Tab, Ctrl+S, Esc).

settings-title = Настройки
settings-keys-hint = Tab / Shift+Tab: следующая / предыдущая настройка · Вверх / Вниз: и по списку · Пробел: включить, выбрать · Влево / Вправо: сменить вариант · Enter: нажать · Ctrl+S: сохранить · Esc: отмена
settings-save = Сохранить
settings-cancel = Отмена

settings-section-response-times = Время ответа
settings-red-after = Красный через
settings-breach-after = Нарушение SLA через
settings-damping = Затишье
settings-minutes-of-waiting = мин ожидания
settings-damping-unit = мин: чат поднимается наверх, только если до этого столько молчал
settings-float-waiting = Ждущие чаты — сразу под тревогами

settings-section-support = Чаты поддержки
settings-support-only = Во «Всех» только чаты поддержки
settings-pattern = Только названия по шаблону
settings-pattern-placeholder = например, Поддержка: *

settings-section-staff = Сотрудники
settings-staff = Другие сотрудники (ID)
settings-staff-placeholder = через запятую

settings-section-notifications = Уведомления
settings-notifications = Уведомления на рабочем столе
settings-notify-new = Новое сообщение клиента, пока DutyDesk в фоне
settings-notify-red = Чат стал красным
settings-notify-breach = В чате нарушен SLA

settings-section-messages = Сообщения
settings-link-previews = Создавать превью ссылок в отправленных сообщениях
settings-send-typing = Показывать «печатает…», пока вы пишете

settings-section-appearance = Внешний вид
settings-language = Язык
settings-language-system = Как в системе
settings-theme = Тема
settings-theme-auto = Как в системе (светлая или тёмная)
settings-theme-light = Светлая
settings-theme-dark = Тёмная
settings-theme-high-contrast = Высокий контраст
settings-scale = Масштаб

## What is wrong with the draft, shown beside Save.
settings-error-not-minutes = { $field }: «{ $value }» — не число минут
settings-error-minutes-range = { $field }: { $value } мин — вне допустимого диапазона
settings-error-order = Нарушение SLA должно наступать не раньше красного, а красный — больше чем через 0 минут
settings-error-staff-id = Другие сотрудники (ID): «{ $value }» — не число
settings-error-scale = Масштаб — не число

## The pickers: the duty group (a group chat, by title) and the support folder.
settings-duty-group = Дежурная группа (её участники — сотрудники)
settings-duty-group-placeholder = введите часть названия группы
settings-duty-group-none = Нет (без дежурной группы)
settings-duty-group-none-chosen = нет
settings-duty-group-no-match = Нет подходящей группы
settings-folder = Только чаты из папки
settings-folder-placeholder = введите часть названия папки
settings-folder-none = Все чаты (без папки)
settings-folder-none-chosen = все чаты
settings-folder-no-match = Нет подходящей папки
settings-picker-chosen = Выбрано: { $choice }
settings-picker-chosen-mark = выбрано
settings-picker-not-loaded = { $id } (ещё не загружен)
settings-picker-more = …и ещё { $count }: уточните запрос
