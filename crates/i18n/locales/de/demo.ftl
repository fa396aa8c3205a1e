## The demo floor's scenario (`--scenario`): a shipped name or a file. The problem in a
## file is the simulator's own description, like TOML's in the config's errors.

demo-scenario-unknown = `{ $name }` ist weder ein mitgeliefertes Szenario ({ $shipped }) noch eine Datei
demo-scenario-unreadable = { $file } kann nicht gelesen werden: { $error }
demo-scenario-invalid = { $file }:{ $line }: Schlüssel `{ $key }`: { $problem }
