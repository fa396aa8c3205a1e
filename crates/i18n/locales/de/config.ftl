## Config file errors. The file, line and key are the same in every language; the
## problem is said in the user's.

config-error-at = { $path }:{ $line }: Schlüssel `{ $key }`: { $problem }
config-error-environment = Umgebungsvariable { $name }: { $problem }
config-error-read = { $path } kann nicht gelesen werden: { $error }
config-error-write = { $path } kann nicht geschrieben werden: { $error }
config-problem-scale = { $scale } liegt außerhalb von 0.5 bis 3.0
config-problem-theme = muss ein Design nennen oder "auto" sein
config-problem-language = muss "auto" oder ein Sprachcode wie "en" oder "ru" sein
config-problem-api-hash = müssen die 32 Hexadezimalzeichen von my.telegram.org sein
config-problem-api-id = muss eine positive Zahl sein
config-problem-not-a-number = `{ $value }` ist keine Zahl
config-problem-tracker-name-taken = ein anderer Tracker heißt bereits „{ $name }“
config-problem-time-zone = `{ $value }` ist kein Zeitzonenname wie "Europe/Berlin"
config-problem-hours = `{ $value }` ist kein Bereich wie 09:00-18:00 innerhalb eines Tages
config-problem-hours-overlap = die Bereiche { $value } überschneiden sich
config-problem-date = `{ $value }` ist kein Datum wie 2026-12-25
config-problem-no-hours = an keinem Tag Öffnungszeiten: geben Sie mindestens einem Wochentag seine Bereiche
config-problem-volume = die Lautstärke ist { $value }; sie reicht von 0 bis 100
config-problem-quiet-hours = `{ $value }` ist kein Zeitbereich wie "22:00-07:00"
