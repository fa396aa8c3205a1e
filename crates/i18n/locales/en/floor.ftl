## The team floor: `dutydesk floor serve` (the trainer's terminal), `--floor` to join one, and
## the login screen's list of free team members.

floor-help = Train a team: one simulated Telegram that several DutyDesks join.
floor-help-serve = Serve a simulated world to DutyDesks on this machine or the LAN.
floor-help-scenario = A scenario file or a shipped name (floor, storm, faults, basic).
floor-help-seed = The scenario's random seed.
floor-help-speed = How fast virtual time runs (60 = a minute per second; 0 = paused).
floor-help-listen = Where to listen: loopback by default; an address on the LAN (e.g. 0.0.0.0:7733) requires a join token.
floor-help-token = The join token to require (made for you when listening on the LAN).
floor-help-timeout = Seconds of silence after which a trainee's connection counts as lost and its member is logged out.
floor-help-join = Open DutyDesk on a floor (HOST:PORT) started with `dutydesk floor serve`.
floor-help-join-token = With --floor: the join token the floor printed.

floor-serving = DutyDesk floor: scenario «{ $scenario }», seed { $seed }, speed { $speed }× — listening on { $addr }
floor-join-with = Join with: { $command }
floor-token-made = Join token (give it to the trainees): { $token }
floor-team-heading = Who can log in as whom (phone number, then code { $code }):
floor-member = { $phone }  { $name }{ $title }
floor-member-lead = (lead)
floor-controls = Trainer: p pause · r resume · s N speed · b N burst of N customers · d PHONE drop a connection · u PHONE restore it · q end and summarise
floor-connected = Connected: { $members } · free: { $free } · { $connections } connection(s) · virtual { $time }
floor-nobody = nobody
floor-joined = joined: { $peer } ({ $name })
floor-refused = refused { $peer }: { $reason }
floor-left = left: { $peer } ({ $name }): { $reason }
floor-paused = Clock paused.
floor-resumed = Clock running at { $speed }×.
floor-speed-set = Speed { $speed }×.
floor-burst-done = { $customers } customers wrote.
floor-dropped = { $phone }: connection dropped for { $clients } client(s).
floor-restored = { $phone }: connection back for { $clients } client(s).
floor-no-member = No team member has phone { $phone }.
floor-unknown-command = Not a trainer's command: { $command }
floor-needs-token = Listening on { $addr } opens the floor to the network: a join token is required (one is made unless --token gives it).
floor-summary-heading = Summary: first responses by trainee (SLA: under { $sla } min)
floor-summary-trainee = { $name }: { $count } first responses, median { $median }, P90 { $p90 }, longest { $longest }, within SLA { $share }
floor-summary-none = No trainee answered a waiting customer.
floor-summary-scripted = Simulated colleagues: { $count } first responses, median { $median }, within SLA { $share }
floor-summary-open = Still waiting: { $count } chats, the longest for { $longest }.
floor-summary-dropped = ({ $posts } messages of a storm were not counted.)
floor-summary-source = Computed by DutyDesk's statistics (desk::figures) from the messages the floor served.
floor-span-seconds = { $s } s
floor-span-minutes = { $m } min { $s } s
floor-join-failed = Could not join the floor: { $error }

floor-login-free = Free on this floor
floor-login-member = { $name } — { $phone }
floor-login-code = The simulator's login code is { $code }.
