## The demo floor's scenario (`--scenario`): a shipped name or a file. The problem in a
## file is the simulator's own description, like TOML's in the config's errors.

demo-scenario-unknown = «{ $name }» — это не встроенный сценарий ({ $shipped }) и не файл
demo-scenario-unreadable = не удалось прочитать { $file }: { $error }
demo-scenario-invalid = { $file }:{ $line }: ключ `{ $key }`: { $problem }
