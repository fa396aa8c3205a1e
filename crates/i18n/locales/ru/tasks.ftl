## Задачи в трекере команды из окна чата: форма, задачи чата, ссылка в чат. Названия
## трекеров — те, что дал администратор («Support Redmine»); ключи — трекера («SUP-12», «#34»).

## Почему вызов трекера не удался; { $problem } — уже сформулированная причина.
tasks-error-tracker = { $tracker }: { $problem }
tasks-error-no-token = { $tracker }: для этого трекера не сохранён токен; введите его в «Настройки → Трекеры задач» (DutyDesk хранит его в хранилище ключей ОС)
tasks-error-token = { $tracker }: { $problem }

## Почему хранилище ключей ОС не выдало или не сохранило токен трекера.
tasks-token-no-keyring = хранилища ключей ОС здесь нет ({ $reason }); задайте токен в переменной окружения DUTYDESK_TRACKER_TOKEN_…
tasks-token-locked = хранилище ключей ОС заблокировано или отказало в доступе ({ $reason }); разблокируйте его и нажмите «Повторить»
tasks-token-failed = ошибка хранилища ключей ОС ({ $reason })

## Симулированный трекер демо-зала: его названия в форме задачи и его собственные страницы.
tasks-demo-api-name = Демо-трекер (симуляция, API)
tasks-demo-browser-name = Демо-трекер (симуляция, браузер)
tasks-demo-project = Демо-проект
tasks-demo-page-banner = Демо-зал DutyDesk: симулированный трекер внутри DutyDesk для тренировки. Ничего отсюда не покидает этот компьютер.
tasks-demo-page-new = Новая задача
tasks-demo-page-subject = Тема
tasks-demo-page-description = Описание
tasks-demo-page-create = Создать
tasks-demo-page-refused = Задача не создана
tasks-demo-page-paste = Задача { $key } создана. Вставьте { $key } (или адрес этой страницы) в форму задачи DutyDesk, чтобы связать её с чатом.
tasks-demo-page-status = Статус

## Окно чата: действие у каждого сообщения, выбор сообщений, задачи чата.
tasks-action-task = Задача
tasks-selected = { $count ->
    [one] Выбрано { $count } сообщение
    [few] Выбрано { $count } сообщения
   *[other] Выбрано { $count } сообщений
}
tasks-create-from-selection = { $count ->
    [one] Создать задачу из { $count } сообщения
   *[other] Создать задачу из { $count } сообщений
}
tasks-clear-selection = Снять выбор
tasks-status-unknown = статус ещё не прочитан
tasks-post = Написать в чат
tasks-open = Открыть
tasks-more = { $count ->
    [one] и ещё { $count } задача постарше
    [few] и ещё { $count } задачи постарше
   *[other] и ещё { $count } задач постарше
}
tasks-no-trackers = Трекер задач ещё не настроен: добавьте его в «Настройки → Трекеры задач».
tasks-created-note = Задача { $key } создана в { $tracker }. «Написать в чат» вставит ссылку на неё в ваш ответ.
tasks-linked-note = Задача { $key } связана с этим чатом.
tasks-refresh-failed = Не удалось обновить статусы задач: { $problem }
tasks-open-failed = Браузер не открылся ({ $problem }); откройте этот адрес сами: { $url }
## Автор цитируемого сообщения администратора, пока Telegram не сообщил, кто он.
tasks-you = Вы

## Строка, которая вставляется в поле ответа чата клиента; администратор правит её перед отправкой.
tasks-posted = Задача { $key } создана: { $url }
tasks-posted-no-link = Задача { $key } создана

## Форма задачи.
tasks-form-heading = { $count ->
    [one] Новая задача из сообщения в «{ $chat }»
   *[other] Новая задача из { $count } сообщений в «{ $chat }»
}
tasks-form-tracker = Трекер
tasks-form-mode-api = { $tracker } создаёт задачу напрямую (API); её ключ и статус вернутся сюда.
tasks-form-mode-browser = { $tracker } открывает свою форму в браузере, уже заполненную; создайте задачу там и вставьте сюда её ключ.
tasks-form-project = Проект
tasks-form-assignee = Исполнитель
tasks-form-title = Заголовок
tasks-form-description = Описание (каждое цитируемое сообщение с автором, временем, чатом и ссылкой)
tasks-form-create = Создать задачу
tasks-form-open-browser = Открыть в браузере
tasks-form-cancel = Отмена
tasks-form-retry = Повторить
tasks-form-creating = Создаю задачу в { $tracker }…
tasks-form-opened = Форма открыта в браузере. Создайте задачу там, затем вставьте сюда её ключ или адрес её страницы, чтобы связать её с этим чатом.
tasks-form-paste-placeholder = Ключ или адрес задачи
tasks-form-link = Связать задачу
## Последняя строка описания, если оно не поместилось в адрес браузера.
tasks-form-shortened = [сокращено: { $count ->
    [one] пропущен { $count } символ
    [few] пропущено { $count } символа
   *[other] пропущено { $count } символов
}]
tasks-form-shortened-note = { $count ->
    [one] Описание не поместилось в адрес: пропущен { $count } символ (об этом сказано в его последней строке).
    [few] Описание не поместилось в адрес: пропущено { $count } символа (об этом сказано в его последней строке).
   *[other] Описание не поместилось в адрес: пропущено { $count } символов (об этом сказано в его последней строке).
}

## «Настройки → Трекеры задач». Названия продуктов и ключи конфигурации — как в файле.
tasks-setup-section = Трекеры задач
tasks-setup-hint = Куда «Задача» у сообщения создаёт задачи. Режиму браузера нужен только адрес: откроется собственная форма трекера, уже заполненная. Режим API создаёт задачу сразу, с токеном, который DutyDesk хранит в хранилище ключей ОС и никогда — в файле конфигурации. Проект каждого чата запоминается по ходу работы.
tasks-setup-new-name = Новый трекер
tasks-setup-untitled = Трекер { $number }
tasks-setup-name = Название
tasks-setup-kind = Тип
tasks-setup-url = Адрес
tasks-setup-mode = Режим
tasks-setup-mode-browser = Браузер: открыть его форму, уже заполненную
tasks-setup-mode-api = API: создать задачу сразу
tasks-setup-project = Проект по умолчанию
tasks-setup-user-jira = E-mail учётной записи
tasks-setup-user-bitrix = Id пользователя вебхука
tasks-setup-template = Шаблон адреса
tasks-setup-token = Токен
tasks-setup-token-placeholder = вставьте новый токен (сохранённый не показывается)
tasks-setup-store-token = Сохранить в хранилище
tasks-setup-token-stored = Токен сохранён в хранилище ключей ОС (запись «{ $entry }»).
tasks-setup-token-missing = Сначала введите название трекера и вставьте его токен.
tasks-setup-check = Проверить
tasks-setup-checking = Проверяю…
tasks-setup-checked = Доступен по адресу { $origin }, токен действителен (учётная запись { $account }).
tasks-setup-checked-project = Доступен по адресу { $origin }, токен действителен (учётная запись { $account }), проект «{ $project }» виден.
tasks-setup-browser-needs-no-check = В режиме браузера DutyDesk ничего не отправляет: проверять нечего.
tasks-setup-remove = Удалить
tasks-setup-add = Добавить трекер
tasks-setup-invalid = Трекер задач { $number } ({ $name }): { $problem }
tasks-setup-name-taken = Трекер задач { $number }: название «{ $name }» уже занято другим трекером; у каждого должно быть своё (по нему хранится токен)
