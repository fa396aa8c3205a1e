## The team floor: `dutydesk floor serve` (the trainer's terminal), `--floor` to join one, and
## the login screen's list of free team members.

floor-help = Ein Team trainieren: ein simuliertes Telegram, dem mehrere DutyDesks beitreten.
floor-help-serve = Stellt DutyDesks auf diesem Rechner oder im LAN eine simulierte Welt bereit.
floor-help-scenario = Eine Szenariodatei oder ein mitgelieferter Name (floor, storm, faults, basic).
floor-help-seed = Der Zufallsstartwert des Szenarios.
floor-help-speed = Wie schnell die virtuelle Zeit läuft (60 = eine Minute pro Sekunde; 0 = angehalten).
floor-help-listen = Wo gelauscht wird: standardmäßig Loopback; eine Adresse im LAN (z. B. 0.0.0.0:7733) erfordert ein Beitritts-Token.
floor-help-token = Das geforderte Beitritts-Token (wird beim Lauschen im LAN für Sie erzeugt).
floor-help-timeout = Sekunden ohne Lebenszeichen, nach denen die Verbindung eines Teilnehmers als verloren gilt und sein Mitglied abgemeldet wird.
floor-help-join = Öffnet DutyDesk auf einer Schicht (HOST:PORT), die mit `dutydesk floor serve` gestartet wurde.
floor-help-join-token = Mit --floor: das Beitritts-Token, das die Schicht ausgegeben hat.

floor-serving = DutyDesk-Schicht: Szenario „{ $scenario }“, Startwert { $seed }, Tempo { $speed }× — lauscht auf { $addr }
floor-join-with = Beitreten mit: { $command }
floor-token-made = Beitritts-Token (an die Teilnehmer weitergeben): { $token }
floor-team-heading = Wer sich als wer anmelden kann (Telefonnummer, dann Code { $code }):
floor-member = { $phone }  { $name }{ $title }
floor-member-lead = (Leitung)
floor-controls = Trainer: p Pause · r weiter · s N Tempo · b N Ansturm von N Kunden · d TELEFON Verbindung trennen · u TELEFON wiederherstellen · q beenden und auswerten
floor-connected = Verbunden: { $members } · frei: { $free } · { $connections } Verbindung(en) · virtuell { $time }
floor-nobody = niemand
floor-joined = beigetreten: { $peer } ({ $name })
floor-refused = abgewiesen { $peer }: { $reason }
floor-left = gegangen: { $peer } ({ $name }): { $reason }
floor-paused = Uhr angehalten.
floor-resumed = Uhr läuft mit { $speed }×.
floor-speed-set = Tempo { $speed }×.
floor-burst-done =
    { $customers ->
        [one] { $customers } Kunde hat geschrieben.
       *[other] { $customers } Kunden haben geschrieben.
    }
floor-dropped = { $phone }: Verbindung für { $clients } Client(s) getrennt.
floor-restored = { $phone }: Verbindung für { $clients } Client(s) wieder da.
floor-no-member = Kein Teammitglied hat die Telefonnummer { $phone }.
floor-unknown-command = Kein Trainerbefehl: { $command }
floor-needs-token = Lauschen auf { $addr } öffnet die Schicht für das Netzwerk: ein Beitritts-Token ist nötig (eines wird erzeugt, wenn --token keines angibt).
floor-summary-heading = Auswertung: erste Antworten je Teilnehmer (SLA: unter { $sla } min)
floor-summary-trainee =
    { $name }: { $count ->
        [one] { $count } erste Antwort
       *[other] { $count } erste Antworten
    }, Median { $median }, P90 { $p90 }, längste { $longest }, innerhalb des SLA { $share }
floor-summary-none = Kein Teilnehmer hat einem wartenden Kunden geantwortet.
floor-summary-scripted =
    Simulierte Kollegen: { $count ->
        [one] { $count } erste Antwort
       *[other] { $count } erste Antworten
    }, Median { $median }, innerhalb des SLA { $share }
floor-summary-open =
    { $count ->
        [one] Noch wartend: { $count } Chat, seit { $longest }.
       *[other] Noch wartend: { $count } Chats, der längste seit { $longest }.
    }
floor-summary-dropped = ({ $posts } Nachrichten eines Ansturms wurden nicht gezählt.)
floor-summary-source = Berechnet von der DutyDesk-Statistik (desk::figures) aus den Nachrichten, die die Schicht ausgeliefert hat.
floor-span-seconds = { $s } s
floor-span-minutes = { $m } min { $s } s
floor-join-failed = Beitritt zur Schicht fehlgeschlagen: { $error }

floor-login-free = Frei auf dieser Schicht
floor-login-member = { $name } — { $phone }
floor-login-code = Der Anmeldecode des Simulators ist { $code }.
