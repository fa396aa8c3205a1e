## The duty console: the header, the chat list and its menu, the open chat, the overview.

## The header. A counter is a number and its words; the number is drawn in the counter's
## colour wherever the language puts it.
console-filter-all = Все
console-filter-support = Поддержка
console-filter-waiting = Ждут
console-filter-starred = Избранные
console-counter-support = { $count } в поддержке
console-counter-waiting =
    { $count ->
        [one] { $count } ждёт
       *[other] { $count } ждут
    }
console-counter-red =
    { $count ->
        [one] { $count } красный
       *[other] { $count } красных
    }
console-counter-breach =
    { $count ->
        [one] { $count } нарушение
        [few] { $count } нарушения
       *[other] { $count } нарушений
    }
console-counter-unread =
    { $count ->
        [one] { $count } непрочитанный
       *[other] { $count } непрочитанных
    }
console-mark-all-read = Прочитать все
console-search-chats = Поиск по чатам
console-settings = Настройки
console-statistics = Статистика

## The chat list.
console-filter-placeholder = Фильтр по названию чата
console-loading-chats = Загружаем чаты…
console-no-match = Под этот фильтр не подходит ни один чат
# In the waiting column of a chat with an alarm and nobody waiting.
console-alarm = Тревога
console-media-photo = Фото
console-media-file = Файл
console-media-voice = Голосовое
console-media-sticker = Стикер
console-media-other = Медиа
console-preview-media = [{ $media }]
console-preview-media-text = [{ $media }] { $text }

## The chat's context menu (and the open chat's buttons).
console-pin = Закрепить
console-unpin = Открепить
console-move-pin-up = Поднять выше
console-move-pin-down = Опустить ниже
console-raise-alarm = Поднять тревогу
console-clear-alarm = Снять тревогу
console-star = В избранное
console-unstar = Убрать из избранного
console-add-note = Добавить заметку
console-edit-note = Изменить заметку
console-mark-read = Отметить прочитанным
console-no-reply-needed = Ответ не нужен
console-not-support = Это не чат поддержки
console-treat-as-support = Считать чатом поддержки
console-close = Закрыть

## Search across chats.
console-search-all-placeholder = Поиск по всем чатам, Enter — искать
console-search-hint = Результаты сгруппированы по чатам. Esc — закрыть.
console-search-found = найдено: { $count }
console-search-chats-found =
    { $count ->
        [one] { $count } чат
        [few] { $count } чата
       *[other] { $count } чатов
    }
console-search-nothing = По запросу «{ $query }» ничего не найдено
console-search-failed = Поиск не удался: { $error }
console-chat-fallback = Чат { $chat }

## The open chat.
console-status-breach = Нарушен SLA · { $waiting }
console-status-red = Ждёт слишком долго · { $waiting }
console-status-alarm = Тревога · { $waiting }
console-status-waiting = Клиент ждёт · { $waiting }
console-not-a-support-chat = не чат поддержки
console-note = Заметка
console-find = Найти
console-note-placeholder = Личная заметка к чату (Enter — сохранить, пустая — удалить)
console-save-note = Сохранить заметку
console-note-shown = Заметка: { $note }
console-search-chat-placeholder = Поиск в этом чате
console-search-no-results = ничего не найдено
console-search-position = { $current } из { $total }
console-search-older = Раньше
console-search-newer = Позже
console-history-loading = Загрузка…
console-history-start = Начало чата
console-user-fallback = Пользователь { $user }
console-channel = Канал
console-you = Вы
console-role-staff = сотрудник
console-role-customer = клиент
console-sending = отправляется…
console-not-sent = не отправлено: { $error }
console-retry = Повторить
console-reply = Ответить
console-replying-to = Ответ на: { $text }
console-cancel = Отмена
console-composer-placeholder = Напишите ответ — Enter отправляет, Shift+Enter — новая строка
console-send = Отправить

## What went wrong where it cannot be shown in place (the banner).
console-message-not-sent-to = Сообщение в чат «{ $chat_title }» не отправлено: { $error }
console-message-not-sent = Сообщение не отправлено: { $error }
console-open-chat-failed = Не удалось открыть чат: { $error }
console-close-chat-failed = Не удалось закрыть чат: { $error }
console-view-messages-failed = Не удалось отметить сообщения прочитанными: { $error }
console-mark-chat-read-failed = Не удалось отметить чат прочитанным: { $error }
console-typing-failed = Не удалось отправить «печатает»: { $error }
console-mark-all-read-failed = Не удалось отметить все чаты прочитанными: { $error }

## The overview beside the list while no chat is open.
console-waiting-longest = Дольше всех ждут
console-nobody-waiting = Никто не ждёт. Спокойная смена.
console-keyboard = Клавиатура
console-keys-step = предыдущий / следующий чат
console-keys-cycle = следующий / предыдущий чат
console-keys-next-waiting = к чату, который ждёт дольше всех
console-keys-search = поиск в чате / по всем чатам
console-keys-pin = закрепить или открепить, передвинуть закреплённый
console-keys-star = в избранное или из избранного
console-keys-alarm = поднять или снять тревогу
console-keys-note = заметка
console-keys-read = отметить прочитанным / прочитать все
console-keys-no-reply = ответ не нужен
console-keys-filters = Все / Поддержка / Ждут / Избранные
console-keys-title-filter = фильтр чатов по названию
console-keys-task = задача из выбранных сообщений (или последнего сообщения клиента); выбрать сообщения
console-keys-statistics = экран «Статистика» (ещё раз: назад к консоли)
console-keys-menu = контекстное меню открытого чата
console-keys-send = отправить / новая строка
console-keys-escape = закрыть открытое
console-jump-missing = Сообщения { $message } в этом чате больше нет (удалено?): открыт сам чат
