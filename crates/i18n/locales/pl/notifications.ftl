## Desktop notifications, and the in-window banner that stands in for them.

notifications-open-chat = Otwórz czat
notifications-customer-message = Nowa wiadomość od klienta
notifications-turned-red = Klient czeka za długo
notifications-breached = Naruszono SLA
notifications-message-body = { $chat_title }: { $preview }
notifications-more-chats =
    { $count ->
        [one] Jeszcze { $count } czat wymaga uwagi
        [few] Jeszcze { $count } czaty wymagają uwagi
        [many] Jeszcze { $count } czatów wymaga uwagi
       *[other] Jeszcze { $count } czatu wymaga uwagi
    }
notifications-banner = { $summary }: { $body }
notifications-banner-more = { $summary }: { $body } (i { $more } więcej)
notifications-reminder = Przypomnienie
notifications-reminder-body = { $chat_title }: { $note }
