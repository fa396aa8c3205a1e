## Трекеры задач: правила, которым должна следовать запись [[trackers]], и что пошло не так
## при обращении к трекеру, с тем, что делать. Названия продуктов (Jira, Redmine, …), ключи
## конфигурации (base_url, mode, user, …) и значения ("api", "browser") остаются как в файле.

tracker-rule-no-name = должно называть трекер
tracker-rule-generic-no-api = универсальный трекер умеет только заполнять форму в браузере; укажите mode = "browser"
tracker-rule-no-form = у Bitrix24 нет заполняемой формы; укажите mode = "api" и входящий вебхук
tracker-rule-cloud-user = API Jira Cloud нужен адрес почты учётной записи Atlassian, которой принадлежит токен
tracker-rule-webhook-user = должно быть идентификатором пользователя из адреса вебхука (/rest/<user>/<code>/)
tracker-rule-issue-type-id = форма в браузере принимает числовой идентификатор типа задачи
tracker-rule-assignee-id = Redmine принимает числовой идентификатор пользователя
tracker-rule-no-template = универсальному трекеру нужен адрес «новой задачи» с { $title } и { $description }
tracker-rule-unknown-placeholder = неизвестная подстановка { $word }; используйте { $placeholders }
tracker-rule-template-empty = должен содержать { $title } или { $description }, иначе форма откроется пустой
tracker-rule-chat-id = ключ должен быть идентификатором чата Telegram
tracker-rule-project-name = должно называть проект, без пробелов по краям
tracker-rule-jira-project-id = форма Jira в браузере принимает числовой идентификатор проекта (pid)
tracker-rule-owner-repo = должно быть в виде владелец/репозиторий
tracker-rule-group-project = должно быть в виде группа/проект (или числовым идентификатором проекта)
tracker-rule-workgroup-id = должно быть числовым идентификатором рабочей группы
tracker-rule-url-too-long = длиннее, чем трекер принимает в адресе

tracker-url-scheme = должен начинаться с https://
tracker-url-query = не должен содержать запрос (?) или фрагмент (#)
tracker-url-user = не должен содержать имя пользователя или пароль; токены хранятся в хранилище ключей
tracker-url-spaces = не должен содержать пробелов
tracker-url-not-https = не https://; http:// допустим только для localhost
tracker-url-ipv6-unclosed = адресу IPv6 нужна закрывающая ]
tracker-url-ipv6-invalid = содержит неверный адрес IPv6
tracker-url-ipv6-trailing = содержит текст после адреса IPv6
tracker-url-host = должен называть хост (буквы, цифры, точки и дефисы)
tracker-url-port = содержит неверный порт

## Что пошло не так и что делать. «Повторить» — кнопка формы.
tracker-fault-config = исправьте `{ $field }` в его записи [[trackers]]: { $problem }
tracker-fault-not-https = { $url } — не адрес https://; http:// допустим только для трекера на этом компьютере (localhost), чтобы токен никогда не шёл по сети без шифрования
tracker-fault-no-project = проект не выбран, и default_project не задан; выберите проект
tracker-fault-empty-title = у задачи нет заголовка; введите его
tracker-fault-no-token = для этого трекера не сохранён токен; создайте его в трекере и сохраните
tracker-fault-unreachable = трекер недоступен ({ $detail }); проверьте его адрес и сеть, затем нажмите «Повторить»
tracker-fault-timeout = нет ответа за { $seconds } с; трекер занят или недоступен, нажмите «Повторить»
tracker-fault-unauthorized = токен отклонён (401); создайте в трекере новый токен и сохраните его снова
tracker-fault-forbidden = учётной записи токена это не разрешено (403); проверьте права учётной записи и области действия токена
tracker-fault-forbidden-detail = учётной записи токена это не разрешено (403): { $detail }; проверьте права учётной записи и области действия токена
tracker-fault-missing-scope = у токена нет разрешения «{ $scope }»; добавьте его токену (вебхуку) в трекере
tracker-fault-unknown-project = проекта «{ $project }» нет, или учётная запись токена его не видит; выберите другой проект или исправьте конфигурацию
tracker-fault-unknown-task = задачи { $key } нет, или учётная запись токена её не видит
tracker-fault-unknown-assignee = в трекере нет пользователя «{ $assignee }»; выберите другого исполнителя
tracker-fault-validation = трекер не принял задачу; проверьте форму и нажмите «Повторить»
tracker-fault-validation-messages = трекер не принял задачу: { $messages }; исправьте форму и нажмите «Повторить»
tracker-fault-redirect-elsewhere = трекер перенаправляет на другой хост ({ $location }); DutyDesk не отправляет туда токен. Если трекер переехал, укажите в base_url его новый адрес
tracker-fault-redirected = трекер перенаправляет на { $location }; укажите этот адрес в base_url
tracker-fault-rate-limited = слишком много запросов (429); подождите минуту и нажмите «Повторить»
tracker-fault-server = ошибка трекера (HTTP { $status }); повторите позже
tracker-fault-unexpected = неожиданный ответ (HTTP { $status }); проверьте, что base_url и kind указывают на этот трекер
tracker-fault-oversize = ответ больше { $limit } байт; проверьте, что base_url указывает на трекер
tracker-fault-malformed = ответ не похож на ответ этого трекера ({ $detail }); проверьте, что base_url и kind указывают на этот трекер

## Bitrix24 сообщает состояние задачи числом; это его значения по документации.
tracker-bitrix-status-new = Новая
tracker-bitrix-status-pending = Ждёт выполнения
tracker-bitrix-status-in-progress = Выполняется
tracker-bitrix-status-awaiting-control = Ждёт контроля
tracker-bitrix-status-completed = Завершена
tracker-bitrix-status-deferred = Отложена
tracker-bitrix-status-declined = Отклонена

## Проект YouTrack без поля State: решена ли задача.
tracker-youtrack-resolved = Решена
tracker-youtrack-unresolved = Не решена

## Режим браузера: ключ или адрес, который администратор вставил после создания задачи.
tracker-paste-empty = вставьте ключ задачи или адрес её страницы
tracker-paste-other-address = этот адрес не начинается с { $base }; вставьте адрес страницы задачи в этом трекере
tracker-paste-not-a-task = это не ключ задачи этого трекера (вроде { $example }) и не адрес страницы задачи
