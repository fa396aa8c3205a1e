## The demo floor's scenario (`--scenario`): a shipped name or a file. The problem in a
## file is the simulator's own description, like TOML's in the config's errors.

demo-scenario-unknown = `{ $name }` nie jest ani dołączonym scenariuszem ({ $shipped }), ani plikiem
demo-scenario-unreadable = nie można odczytać { $file }: { $error }
demo-scenario-invalid = { $file }:{ $line }: klucz `{ $key }`: { $problem }
