## Desktop notifications, and the in-window banner that stands in for them.

notifications-open-chat = Open chat
notifications-customer-message = New customer message
notifications-turned-red = Customer waiting too long
notifications-breached = SLA breached
notifications-message-body = { $chat_title }: { $preview }
notifications-more-chats =
    { $count ->
        [one] { $count } more chat needs attention
       *[other] { $count } more chats need attention
    }
notifications-banner = { $summary }: { $body }
notifications-banner-more = { $summary }: { $body } (and { $more } more)
notifications-reminder = Reminder
notifications-reminder-body = { $chat_title }: { $note }
