## The window around the features: its title, the banner and what it reports, the link
## to Telegram, the store and the themes. "DutyDesk" is the product's name in every language.

app-title = DutyDesk
app-title-demo = DutyDesk (демо-режим)
app-title-waiting =
    DutyDesk — { $waiting ->
        [one] { $waiting } чат ждёт
        [few] { $waiting } чата ждут
       *[other] { $waiting } чатов ждут
    }, { $red ->
        [one] { $red } красный
       *[other] { $red } красных
    }
app-title-waiting-demo =
    DutyDesk (демо-режим) — { $waiting ->
        [one] { $waiting } чат ждёт
        [few] { $waiting } чата ждут
       *[other] { $waiting } чатов ждут
    }, { $red ->
        [one] { $red } красный
       *[other] { $red } красных
    }
app-banner-dismiss = Скрыть
app-store-unavailable = Закрепления, звёздочки и заметки не будут сохраняться: { $error }
app-store-not-saved = Не удалось сохранить в { $path }: { $error }
app-api-key-not-saved = Ключ API используется, но не сохранён: { $error }
app-settings-not-saved = Настройки применены, но не сохранены: { $error }
app-notifications-unavailable = { $text } (уведомления рабочего стола недоступны: { $error })
app-telegram-error = Telegram: { $error }
app-chats-failed = Не удалось загрузить чаты: { $error }
app-account-failed = Не удалось прочитать данные аккаунта: { $error }
app-duty-members-failed = Не удалось получить участников дежурной группы: { $error }
app-session-closed = Telegram закрыл этот сеанс. Перезапустите DutyDesk, чтобы войти снова.
app-unknown-step = Telegram просит шаг, который DutyDesk пока не умеет ({ $step }).

## A user theme file that could not be used: the window falls back to the light theme.
app-theme-unusable = Тема { $path }: { $error }
app-theme-color = colors.{ $key }: «{ $value }» — не цвет вида #rrggbb
app-theme-mode = mode: «{ $value }» — должно быть "light" или "dark"

## An outside HTTP call (a tracker) whose worker stopped before it answered.
app-http-stopped = запрос прервался: { $error }
