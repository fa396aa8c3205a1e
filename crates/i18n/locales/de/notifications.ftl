## Desktop notifications, and the in-window banner that stands in for them.

notifications-open-chat = Chat öffnen
notifications-customer-message = Neue Kundennachricht
notifications-turned-red = Kunde wartet zu lange
notifications-breached = SLA verletzt
notifications-message-body = { $chat_title }: { $preview }
notifications-more-chats =
    { $count ->
        [one] { $count } weiterer Chat braucht Aufmerksamkeit
       *[other] { $count } weitere Chats brauchen Aufmerksamkeit
    }
notifications-banner = { $summary }: { $body }
notifications-banner-more = { $summary }: { $body } (und { $more } weitere)
notifications-reminder = Erinnerung
notifications-reminder-body = { $chat_title }: { $note }
