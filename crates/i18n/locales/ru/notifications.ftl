## Desktop notifications, and the in-window banner that stands in for them.

notifications-open-chat = Открыть чат
notifications-customer-message = Новое сообщение от клиента
notifications-turned-red = Клиент ждёт слишком долго
notifications-breached = Нарушен SLA
notifications-message-body = { $chat_title }: { $preview }
notifications-more-chats =
    { $count ->
        [one] Ещё { $count } чат ждёт внимания
        [few] Ещё { $count } чата ждут внимания
        [many] Ещё { $count } чатов ждут внимания
       *[other] Ещё { $count } чата ждут внимания
    }
notifications-banner = { $summary }: { $body }
notifications-banner-more = { $summary }: { $body } (и ещё { $more })
notifications-reminder = Напоминание
notifications-reminder-body = { $chat_title }: { $note }
