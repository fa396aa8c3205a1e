## Task trackers: the rules a [[trackers]] entry must keep, and what went wrong talking to a
## tracker with what to do. Product names (Jira, Redmine, …), config keys (base_url, mode,
## user, …) and values ("api", "browser") stay as written in the config file.

tracker-rule-no-name = musi podawać nazwę trackera
tracker-rule-generic-no-api = tracker ogólny może tylko wypełnić formularz w przeglądarce; użyj mode = "browser"
tracker-rule-no-form = Bitrix24 nie ma wypełnianego formularza; użyj mode = "api" z przychodzącym webhookiem
tracker-rule-cloud-user = API Jira Cloud wymaga adresu e-mail konta Atlassian, do którego należy token
tracker-rule-webhook-user = musi być ID użytkownika z adresu webhooka (/rest/<user>/<code>/)
tracker-rule-issue-type-id = formularz w przeglądarce przyjmuje liczbowe ID typu zgłoszenia
tracker-rule-assignee-id = Redmine przyjmuje liczbowe ID użytkownika
tracker-rule-no-template = tracker ogólny potrzebuje adresu URL „nowego zgłoszenia” z { $title } i { $description }
tracker-rule-unknown-placeholder = nieznany symbol zastępczy { $word }; użyj { $placeholders }
tracker-rule-template-empty = musi zawierać { $title } lub { $description }, inaczej formularz otworzy się pusty
tracker-rule-chat-id = klucz musi być ID czatu Telegrama
tracker-rule-project-name = musi podawać projekt, bez spacji na początku i końcu
tracker-rule-jira-project-id = formularz Jiry w przeglądarce przyjmuje liczbowe ID projektu (pid)
tracker-rule-owner-repo = musi mieć postać owner/repository
tracker-rule-group-project = musi mieć postać group/project (lub liczbowe ID projektu)
tracker-rule-workgroup-id = musi być liczbowym ID grupy roboczej
tracker-rule-url-too-long = jest dłuższy, niż tracker przyjmuje w adresie URL

tracker-url-scheme = musi zaczynać się od https://
tracker-url-query = nie może zawierać zapytania (?) ani fragmentu (#)
tracker-url-user = nie może zawierać nazwy użytkownika ani hasła; tokeny trzyma się w pęku kluczy
tracker-url-spaces = nie może zawierać spacji
tracker-url-not-https = nie jest https://; tylko localhost może używać http://
tracker-url-ipv6-unclosed = adresowi IPv6 brakuje zamykającego ]
tracker-url-ipv6-invalid = zawiera nieprawidłowy adres IPv6
tracker-url-ipv6-trailing = zawiera tekst po adresie IPv6
tracker-url-host = musi podawać hosta (litery, cyfry, kropki i myślniki)
tracker-url-port = zawiera nieprawidłowy port

## What went wrong, each with what to do. "Retry" is the form's button.
tracker-fault-config = popraw `{ $field }` we wpisie [[trackers]]: { $problem }
tracker-fault-not-https = { $url } nie jest adresem https://; tylko tracker na tym komputerze (localhost) może używać http://, aby token nigdy nie szedł przez sieć bez szyfrowania
tracker-fault-no-project = nie wybrano projektu i nie skonfigurowano default_project; wybierz projekt
tracker-fault-empty-title = zadanie nie ma tytułu; wpisz go
tracker-fault-no-token = dla tego trackera nie zapisano tokenu; utwórz go w trackerze i zapisz
tracker-fault-unreachable = nie można połączyć się z trackerem ({ $detail }); sprawdź jego adres i sieć, a potem Ponów
tracker-fault-timeout = brak odpowiedzi w ciągu { $seconds } s; tracker może być przeciążony lub nieosiągalny, Ponów
tracker-fault-unauthorized = token został odrzucony (401); utwórz nowy token w trackerze i zapisz go ponownie
tracker-fault-forbidden = konto tokenu nie ma do tego uprawnień (403); sprawdź uprawnienia konta i zakresy tokenu
tracker-fault-forbidden-detail = konto tokenu nie ma do tego uprawnień (403): { $detail }; sprawdź uprawnienia konta i zakresy tokenu
tracker-fault-missing-scope = token nie ma uprawnienia „{ $scope }”; dodaj je do tokenu (webhooka) w trackerze
tracker-fault-unknown-project = projekt „{ $project }” nie istnieje lub konto tokenu go nie widzi; wybierz inny projekt lub popraw konfigurację
tracker-fault-unknown-task = zadanie { $key } nie istnieje lub konto tokenu go nie widzi
tracker-fault-unknown-assignee = tracker nie ma użytkownika „{ $assignee }”; wybierz innego wykonawcę
tracker-fault-validation = tracker nie przyjął zadania; sprawdź formularz i Ponów
tracker-fault-validation-messages = tracker nie przyjął zadania: { $messages }; popraw formularz i Ponów
tracker-fault-redirect-elsewhere = tracker przekierowuje na inny host ({ $location }); DutyDesk nie wysyła tam tokenu. Jeśli tracker się przeniósł, ustaw base_url na jego nowy adres
tracker-fault-redirected = tracker przekierowuje na { $location }; ustaw base_url na ten adres
tracker-fault-rate-limited = za dużo żądań (429); odczekaj minutę i Ponów
tracker-fault-server = błąd trackera (HTTP { $status }); Ponów później
tracker-fault-unexpected = nieoczekiwana odpowiedź (HTTP { $status }); sprawdź, czy base_url i kind wskazują ten tracker
tracker-fault-oversize = odpowiedź jest większa niż { $limit } B; sprawdź, czy base_url wskazuje tracker
tracker-fault-malformed = odpowiedź nie jest tym, co wysyła ten tracker ({ $detail }); sprawdź, czy base_url i kind wskazują ten tracker

## Bitrix24 answers a task's state with a number; these are its documented meanings.
tracker-bitrix-status-new = Nowe
tracker-bitrix-status-pending = Oczekujące
tracker-bitrix-status-in-progress = W toku
tracker-bitrix-status-awaiting-control = Czeka na kontrolę
tracker-bitrix-status-completed = Zakończone
tracker-bitrix-status-deferred = Odłożone
tracker-bitrix-status-declined = Odrzucone

## A YouTrack project without a State field: whether the task is resolved.
tracker-youtrack-resolved = Rozwiązane
tracker-youtrack-unresolved = Nierozwiązane

## Browser mode: the key or address the admin pasted back after creating the task.
tracker-paste-empty = wklej klucz zadania lub adres jego strony
tracker-paste-other-address = ten adres nie leży pod { $base }; wklej adres strony zadania w tym trackerze
tracker-paste-not-a-task = to nie jest ani klucz zadania tego trackera (jak { $example }), ani adres strony zadania
