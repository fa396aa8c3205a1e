## The demo floor's scenario (`--scenario`): a shipped name or a file. The problem in a
## file is the simulator's own description, like TOML's in the config's errors.

demo-scenario-unknown = `{ $name }` is neither a shipped scenario ({ $shipped }) nor a file
demo-scenario-unreadable = cannot read { $file }: { $error }
demo-scenario-invalid = { $file }:{ $line }: key `{ $key }`: { $problem }
