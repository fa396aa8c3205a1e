//! The command line: the window (default), the demo floor, fetch-tdlib and doctor.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::paths::Paths;
use crate::telegram::{self, fetch};

#[derive(Debug, Parser)]
#[command(
    name = "dutydesk",
    version,
    about = "A Telegram desk for support duty administrators"
)]
pub struct Cli {
    /// Open the window on the simulated floor instead of a Telegram account.
    #[arg(long)]
    pub demo: bool,
    /// With --demo: a scenario file or a shipped name (floor, storm, faults, basic).
    #[arg(long, requires = "demo", default_value = "floor")]
    pub scenario: String,
    /// With --demo: how fast virtual time runs (60 = a minute per second).
    #[arg(long, requires = "demo", default_value_t = 1.0)]
    pub speed: f64,
    /// With --demo: the scenario's random seed.
    #[arg(long, requires = "demo", default_value_t = 1)]
    pub seed: u64,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Download TDLib 1.8.61 for this platform into the data directory.
    FetchTdlib,
    /// Print what DutyDesk sees: paths, TDLib, keyring, notifications.
    Doctor {
        /// Also start TDLib in a temporary directory and print the state it reaches.
        #[arg(long)]
        login_probe: bool,
    },
    /// Internal: writes to a store until killed (the crash test's child process).
    #[command(name = "__store-writer", hide = true)]
    StoreWriter { path: PathBuf },
}

pub type CliResult = Result<(), Box<dyn std::error::Error>>;

pub fn run(cli: Cli) -> CliResult {
    let paths = Paths::resolve()?;
    match cli.command {
        Some(Command::FetchTdlib) => fetch_command(&paths),
        Some(Command::Doctor { login_probe }) => crate::doctor::run(&paths, login_probe),
        Some(Command::StoreWriter { path }) => Ok(crate::store::crash_writer(&path)?),
        None => open_window(&cli, paths),
    }
}

fn fetch_command(paths: &Paths) -> CliResult {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} [{bar:40}] {bytes}/{total_bytes} {bytes_per_sec}",
        )
        .expect("valid progress template")
        .progress_chars("=> "),
    );
    bar.set_message(format!("TDLib {}", telegram::TDLIB_VERSION));
    let path = fetch::fetch_tdlib(&paths.tdlib_dir, |done, total| {
        if total > 0 {
            bar.set_length(total);
        }
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    // Prove the installed file is the library we need before saying so.
    let lib = telegram::NativeLibrary::load(&path)?;
    println!("Installed TDLib {} at {}", lib.version(), path.display());
    Ok(())
}

fn open_window(cli: &Cli, paths: Paths) -> CliResult {
    paths.create_dirs()?;
    if let Err(e) = crate::logging::init(&paths.log_dir) {
        eprintln!("dutydesk: logging is off: {e}");
    }
    let config = Config::load_with_env(&paths)?;
    let backend = if cli.demo {
        let scenario = crate::demo::scenario(&cli.scenario)?;
        Some(telegram::Backend::Simulated(crate::demo::world(
            scenario, cli.speed, cli.seed,
        )))
    } else {
        match telegram::native::locate(config.telegram.tdjson.as_deref(), &paths.tdlib_dir) {
            Ok(lib) => Some(telegram::Backend::Native(lib)),
            Err(e) => {
                // The window offers the download; the reason is kept for the log.
                tracing::warn!("{e}");
                None
            }
        }
    };
    if let Some(backend) = backend {
        telegram::init_backend(backend)?;
    }
    crate::window::run(cli.demo, config, paths)
}
