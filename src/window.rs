//! Opens the window (src/ui), and closes TDLib once it is gone: closing the window ends
//! the iced loop, and the process must not end before TDLib confirms it closed.

use crate::config::Config;
use crate::paths::Paths;

pub fn run(demo: bool, config: Config, paths: Paths) -> crate::cli::CliResult {
    crate::shutdown::install_signal_handlers();
    let result = crate::ui::run(crate::ui::RunOptions {
        demo,
        config,
        paths,
    });
    crate::shutdown::close_telegram();
    result
}
