## Командный слой: действия команды в дежурной группе, их тексты для людей, диалоги,
## экран настроек команды и его ошибки, оповещения о командной тревоге.

team-readable-alarm = { $who } объявил(а) тревогу в «{ $chat }».
team-readable-alarm-reason = { $who } объявил(а) тревогу в «{ $chat }»: { $reason }
team-readable-clear = { $who } снял(а) тревогу в «{ $chat }».
team-readable-take = { $who } взял(а) «{ $chat }».
team-readable-assign = { $who } назначил(а) «{ $chat }» на { $assignee }.
team-readable-release = { $who } освободил(а) «{ $chat }».
team-readable-note = { $who } оставил(а) заметку команды в «{ $chat }»: { $text }
team-readable-clear-note = { $who } удалил(а) заметку команды в «{ $chat }».
team-readable-settings = { $who } опубликовал(а) настройки команды.
team-unknown-chat = чат { $chat }
team-unknown-user = пользователь { $user }

team-menu-take = Взять
team-menu-release = Освободить
team-menu-assign = Назначить…
team-menu-shared-note = Заметка команды…
team-filter-mine = Мои
team-keys-mine = Мои: чаты, которые команда назначила на вас
team-keys-take = взять чат (освободить свой) / назначить коллеге
team-note-line = Заметка команды: { $text } ({ $by }, { $time })
team-note-edit = Заметка команды
team-note-clear = Удалить заметку команды
team-assigned-to = Назначен: { $name }
team-alarm-by = Тревогу объявил(а) { $who }, { $time }
team-alarm-by-reason = Тревогу объявил(а) { $who }, { $time }: { $reason }
team-alarm-stop-word = Тревога: клиент написал «{ $word }», { $time }
team-alarm-local = Тревога только на этом экране (дежурная группа не выбрана)
team-overview-alarms = Тревоги команды

team-alarm-title = Тревога в «{ $chat }» для всей команды
team-alarm-reason = Причина (необязательно), Enter объявляет
team-alarm-raise = Объявить тревогу
team-cancel = Отмена
team-assign-title = Назначить «{ $chat }» на
team-assign-filter = Имя коллеги, Enter выбирает первого
team-assign-nobody = В дежурной группе никто не подходит.
team-note-title = Заметка команды в «{ $chat }», её видит вся команда
team-note-placeholder = Enter сохраняет; пустая заметка удаляется
team-note-save = Сохранить заметку команды

team-refused-not-member = Этот аккаунт не состоит в дежурной группе или её участники ещё не известны: команда не учтёт действие.
team-refused-clear = В этой команде тревоги снимают только лиды (настройки команды: clear = "leads").
team-refused-assign = Назначать чаты другим и забирать их у коллег могут только лиды и аккаунт-менеджеры.
team-refused-settings = Настройки команды публикуют только владелец и администраторы дежурной группы.
team-refused-too-long = Сообщение команды длиннее, чем разрешает Telegram ({ $limit } символов): сократите его.
team-post-failed = Сообщение команды не отправлено: { $error }
team-catch-up-failed = Не удалось прочитать дежурную группу: { $error }

team-editor-title = Настройки команды
team-editor-hint = Документ TOML, закреплённый в дежурной группе: состав и роли, минуты SLA, стоп-слова, кто снимает тревоги, чаты оповещений. Его читает DutyDesk каждого в команде.
team-editor-save = Сохранить и закрепить
team-editor-close = Закрыть
team-editor-valid = Документ в порядке.
team-editor-not-admin = Опубликовать его могут только владелец и администраторы дежурной группы; здесь его можно прочитать.
team-editor-no-group = Сначала выберите дежурную группу в настройках.
team-editor-open = Настройки команды…

team-settings-error = Строка { $line }, ключ { $key }: { $problem }
team-settings-error-no-key = Строка { $line }: { $problem }
team-settings-banner = Закреплённые настройки команды не действуют (строка { $line }, ключ { $key }: { $problem }). Остаются последние верные.
team-settings-banner-no-key = Закреплённые настройки команды не действуют (строка { $line }: { $problem }). Остаются последние верные.
team-problem-syntax = это не TOML: { $detail }
team-problem-too-long = документ слишком длинный ({ $bytes } байт)
team-problem-unknown-section = неизвестный раздел (известны: { $known })
team-problem-unknown-key = неизвестный ключ (известны: { $known })
team-problem-wrong-type = ожидается { $expected }, а здесь { $found }
team-problem-number-out-of-range = число вне допустимого диапазона
team-problem-not-a-user-id = ожидается id пользователя Telegram
team-problem-unknown-role = неизвестная роль «{ $role }» (известны: { $known })
team-problem-minutes = ожидается от 1 до { $max } минут
team-problem-breach-before-red = не может быть раньше red_minutes
team-problem-clear-policy = ожидается "staff" или "leads"
team-expected-table = таблица ([раздел])
team-expected-text = строка
team-expected-number = целое число
team-expected-roles = список ролей
team-expected-words = список слов
team-expected-chats = список id чатов
team-expected-hours = список интервалов вида "09:00-18:00"
team-expected-dates = список дат вида "2026-12-25"

team-notify-alarm = Тревога команды
team-notify-alarm-body = { $chat }: объявил(а) { $who }
team-notify-alarm-body-reason = { $chat }: объявил(а) { $who }: { $reason }
team-notify-stop-word = { $chat }: клиент написал «{ $word }»
team-sound = Звук командной тревоги
