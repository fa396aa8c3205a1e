## Задачи в трекере команды из окна чата: форма, задачи чата, ссылка в чат. Названия
## трекеров — те, что дал администратор («Support Redmine»); ключи — трекера («SUP-12», «#34»).

## Почему вызов трекера не удался; { $problem } — уже сформулированная причина.
tasks-error-tracker = { $tracker }: { $problem }
tasks-error-no-token = { $tracker }: для этого трекера не сохранён токен; введите его в «Настройки → Трекеры задач» (DutyDesk хранит его в связке ключей ОС)
tasks-error-token = { $tracker }: { $problem }

## Почему связка ключей ОС не выдала или не сохранила токен трекера.
tasks-token-no-keyring = связки ключей ОС здесь нет ({ $reason }); задайте токен в переменной окружения DUTYDESK_TRACKER_TOKEN_…
tasks-token-locked = связка ключей ОС заблокирована или отказала в доступе ({ $reason }); разблокируйте её и нажмите «Повторить»
tasks-token-failed = ошибка связки ключей ОС ({ $reason })

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
