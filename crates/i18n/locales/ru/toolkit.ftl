## Инструменты поддержки: быстрые ответы, метки, уровни SLA, напоминания, чаты алертов,
## стоп-слова в исходящих и маскирование для подрядчиков; ошибки в их настройках.

toolkit-mask-customer = Клиент
toolkit-mask-phone = [телефон]
toolkit-mask-email = [e-mail]
toolkit-mask-username = [имя пользователя]

toolkit-team-error = Настройки команды, строка { $line }, ключ { $key }: { $problem }
toolkit-problem-too-long = документ слишком длинный
toolkit-problem-unknown-key = неизвестный ключ (известные: { $known })
toolkit-problem-wrong-type = ожидается { $expected }, а указано { $found }
toolkit-problem-missing = не указано
toolkit-problem-empty = не может быть пустым
toolkit-problem-number-out-of-range = число вне допустимого диапазона
toolkit-problem-minutes = ожидается от 1 до { $max } минут
toolkit-problem-breach-before-red = не может быть раньше red_minutes
toolkit-problem-unknown-variable = неизвестная переменная «{ $name }» (переменные: { $known }; поля для заполнения: eta, id и перечисленные в fields)
toolkit-problem-unclosed = открывающая фигурная скобка без закрывающей (саму скобку пишут двумя)
toolkit-problem-unmatched-close = закрывающая фигурная скобка без открывающей (саму скобку пишут двумя)
toolkit-problem-bad-name = имя переменной — латинские буквы, цифры и _
toolkit-problem-pattern-empty = пустой шаблон
toolkit-problem-pattern-too-long = шаблон слишком длинный
toolkit-problem-pattern-everything = шаблон из одних * совпадёт с любым словом
toolkit-problem-pattern-escape = \ в конце шаблона
toolkit-problem-colour = это не цвет (#rgb, #rrggbb или red, orange, gold, yellow, green, teal, blue, purple, pink, brown, grey)
toolkit-problem-unknown-tier = в [sla_tiers] этого документа нет уровня «{ $tier }»
toolkit-problem-action = ожидается "warn" или "block"
toolkit-problem-too-many = больше { $max }
toolkit-problem-duplicate = «{ $name }» задано дважды
toolkit-expected-table = таблица ([раздел])
toolkit-expected-list-of-tables = список таблиц ([[раздел]])
toolkit-expected-text = строка
toolkit-expected-whole-number = целое число
toolkit-expected-true-or-false = true или false
toolkit-expected-list-of-text = список строк
toolkit-expected-list-of-chat-ids = список идентификаторов чатов

toolkit-picker-title = Быстрые ответы
toolkit-picker-hint = ↑↓ выбор · Enter вставить · Tab следующее поле · Esc закрыть
toolkit-picker-search = Начните вводить название или текст
toolkit-picker-none = Быстрых ответов пока нет: добавьте их в [toolkit] в конфигурации или попросите руководителя добавить их в настройки команды.
toolkit-picker-empty = Ни один быстрый ответ не подходит.
toolkit-picker-preview = Будет вставлено:
toolkit-picker-field = { $name }:
toolkit-picker-fill = Заполните «{ $name }», чтобы вставить этот ответ.
toolkit-picker-no-task = У этого чата ещё нет задачи: номер задачи останется пустым.
toolkit-picker-no-value = { $variable } здесь неизвестно: останется пустым.
toolkit-picker-cancel = Отмена
toolkit-picker-insert = Вставить

toolkit-guard-blocked = Не отправлено: «{ $guard }» не разрешает такое в сообщении клиенту.
toolkit-guard-warned = «{ $guard }» предупреждает об этом сообщении. Всё равно отправить?
toolkit-guard-matched = Совпало: { $parts }
toolkit-guard-send-anyway = Всё равно отправить
toolkit-guard-edit = Исправить сообщение

toolkit-tools = Инструменты
toolkit-tags = Метки
toolkit-tags-none = Меток нет: добавьте их в [toolkit.tags] в конфигурации или в настройки команды.
toolkit-tier = Уровень SLA
toolkit-tier-default = По умолчанию ({ $red } / { $breach } мин)
toolkit-tier-option = { $label } ({ $red } / { $breach } мин)
toolkit-tier-line = { $tier }: красный через { $red } мин, нарушение через { $breach } мин
toolkit-alerts = Чат алертов
toolkit-alerts-mark = Сделать чатом алертов
toolkit-alerts-unmark = Больше не чат алертов
toolkit-remind = Напомнить
toolkit-remind-30m = Через 30 минут
toolkit-remind-2h = Через 2 часа
toolkit-remind-tomorrow = Завтра в 09:00
toolkit-remind-customer = Когда клиент напишет
toolkit-remind-at = В это время
toolkit-remind-at-placeholder = ЧЧ:ММ
toolkit-remind-note = Заметка (необязательно)
toolkit-remind-bad-time = Введите время как ЧЧ:ММ, например 17:30.
toolkit-reminder-set = Напоминание { $when }
toolkit-reminder-fired = Напоминание сработало в { $when }
toolkit-reminder-cancel = Отменить напоминание
toolkit-when-customer = когда клиент напишет

toolkit-bar-tags = Метки:
toolkit-bar-alerts-unread = { $count ->
        [one] { $count } чат алертов не прочитан
        [few] { $count } чата алертов не прочитаны
        [many] { $count } чатов алертов не прочитаны
       *[other] { $count } чата алертов не прочитаны
    }
toolkit-bar-reminders = Напоминания ({ $count })
toolkit-bar-reminders-due = Напоминания ({ $count }, сработало { $due })
toolkit-reminders-title = Напоминания
toolkit-reminders-empty = Напоминаний нет. Их ставят в «Инструментах» чата.
toolkit-reminders-fired = сработало в { $when }
toolkit-reminders-open = Открыть
toolkit-reminders-cancel = Отменить
toolkit-reminders-close = Закрыть

# The console's shortcut overview.
toolkit-keys-quick-replies = быстрые ответы (Tab: следующее свободное поле)
