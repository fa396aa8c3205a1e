## The team floor: `dutydesk floor serve` (the trainer's terminal), `--floor` to join one, and
## the login screen's list of free team members.

floor-help = Тренировка команды: один смоделированный Telegram, к которому подключаются несколько DutyDesk.
floor-help-serve = Раздать смоделированный мир DutyDesk на этой машине или в локальной сети.
floor-help-scenario = Файл сценария или имя встроенного (floor, storm, faults, basic).
floor-help-seed = Начальное значение генератора случайных чисел для сценария.
floor-help-speed = Скорость виртуального времени (60 — минута за секунду; 0 — пауза).
floor-help-listen = Где слушать: по умолчанию только эта машина; адрес в локальной сети (например, 0.0.0.0:7733) требует токен входа.
floor-help-token = Токен входа (если слушать в сети, он создаётся сам).
floor-help-timeout = Через сколько секунд тишины подключение стажёра считается потерянным и его участник выходит.
floor-help-join = Открыть DutyDesk на тренировочном полу (HOST:PORT), запущенном `dutydesk floor serve`.
floor-help-join-token = С --floor: токен входа, который напечатал пол.

floor-serving = Тренировочный пол DutyDesk: сценарий «{ $scenario }», seed { $seed }, скорость { $speed }× — слушаю { $addr }
floor-join-with = Подключение: { $command }
floor-token-made = Токен входа (передайте стажёрам): { $token }
floor-team-heading = Кто под кем может войти (номер телефона, затем код { $code }):
floor-member = { $phone }  { $name }{ $title }
floor-member-lead = (руководитель)
floor-controls = Тренер: p пауза · r продолжить · s N скорость · b N наплыв N клиентов · d ТЕЛЕФОН оборвать связь · u ТЕЛЕФОН вернуть · q завершить и подвести итоги
floor-connected = Подключены: { $members } · свободны: { $free } · подключений: { $connections } · виртуальное время { $time }
floor-nobody = никто
floor-joined = подключился: { $peer } ({ $name })
floor-refused = отказано { $peer }: { $reason }
floor-left = отключился: { $peer } ({ $name }): { $reason }
floor-paused = Часы остановлены.
floor-resumed = Часы идут со скоростью { $speed }×.
floor-speed-set = Скорость { $speed }×.
floor-burst-done = Написали клиентов: { $customers }.
floor-dropped = { $phone }: связь оборвана у клиентов: { $clients }.
floor-restored = { $phone }: связь вернулась у клиентов: { $clients }.
floor-no-member = Нет участника команды с телефоном { $phone }.
floor-unknown-command = Такой команды у тренера нет: { $command }
floor-needs-token = Адрес { $addr } открывает пол для сети: нужен токен входа (он создаётся, если не задан через --token).
floor-summary-heading = Итоги: первые ответы стажёров (SLA: быстрее { $sla } мин)
floor-summary-trainee = { $name }: первых ответов { $count }, медиана { $median }, P90 { $p90 }, самый долгий { $longest }, в SLA { $share }
floor-summary-none = Ни один стажёр не ответил ожидающему клиенту.
floor-summary-scripted = Смоделированные коллеги: первых ответов { $count }, медиана { $median }, в SLA { $share }
floor-summary-open = Ещё ждут: чатов { $count }, дольше всех { $longest }.
floor-summary-dropped = (Сообщений наплыва не учтено: { $posts }.)
floor-summary-source = Посчитано статистикой DutyDesk (desk::figures) по сообщениям, которые раздал пол.
floor-span-seconds = { $s } с
floor-span-minutes = { $m } мин { $s } с
floor-join-failed = Не удалось подключиться к полу: { $error }

floor-login-free = Свободны на этом полу
floor-login-member = { $name } — { $phone }
floor-login-code = Код входа симулятора: { $code }.
