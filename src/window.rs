//! Opens the window (src/ui); kept apart so the CLI does not depend on the UI's internals.

use crate::config::Config;
use crate::paths::Paths;

pub fn run(demo: bool, config: Config, paths: Paths) -> crate::cli::CliResult {
    let _ = (demo, config, paths);
    Err("the window is not wired yet".into())
}
