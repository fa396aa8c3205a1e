//! The command line: the window (default), the demo floor, a team floor joined (`--floor`)
//! or served (`floor serve`), fetch-tdlib, doctor and stats.
//!
//! The language is chosen first (`DUTYDESK_LANGUAGE`, the config's `[ui] language`, else the
//! OS's), so that the help clap prints, the messages below and the window all speak it.

use std::path::PathBuf;

use clap::{Arg, CommandFactory, FromArgMatches, Parser, Subcommand};
use i18n::{Choice, t};

use crate::config::Config;
use crate::paths::Paths;
use crate::telegram::{self, fetch};

// The help texts are the catalog's (`cli.ftl`), set in `command()`.
#[derive(Debug, Parser)]
#[command(name = "dutydesk", version)]
pub struct Cli {
    #[arg(long, conflicts_with = "floor")]
    pub demo: bool,
    #[arg(long, requires = "demo", default_value = "floor")]
    pub scenario: String,
    #[arg(long, requires = "demo", default_value_t = 1.0)]
    pub speed: f64,
    #[arg(long, requires = "demo", default_value_t = 1)]
    pub seed: u64,
    #[arg(long, value_name = "HOST:PORT")]
    pub floor: Option<String>,
    #[arg(long, requires = "floor", value_name = "TOKEN")]
    pub token: Option<String>,
    /// Test hook: writes the desk's alarms, assignments and waiting chats as JSON to this
    /// file whenever they change (tests of several processes read each one's state).
    #[arg(long, hide = true, value_name = "FILE")]
    pub report_state: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The language, chosen before the command line was read.
    #[arg(skip)]
    pub language: Choice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    FetchTdlib {
        /// Install the library into this folder (a package's, beside the executable)
        /// instead of the data directory.
        #[arg(long, value_name = "DIR")]
        dest: Option<PathBuf>,
        /// Verify and install a package already downloaded (`npm pack`'s .tgz).
        #[arg(long, value_name = "FILE")]
        archive: Option<PathBuf>,
        /// With --archive: its sha512 (npm's `dist.integrity`), for a platform this build
        /// pins none for; never over a pin.
        #[arg(long, requires = "archive", value_name = "INTEGRITY")]
        sha512: Option<String>,
    },
    Doctor {
        #[arg(long)]
        login_probe: bool,
    },
    /// Print the team's statistics for local days FROM..=TO (the Statistics screen's
    /// figures), optionally as CSV.
    Stats(crate::statistics::command::StatsArgs),
    Floor {
        #[command(subcommand)]
        command: FloorCommand,
    },
    /// Internal: writes to a store until killed (the crash test's child process).
    #[command(name = "__store-writer", hide = true)]
    StoreWriter { path: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum FloorCommand {
    Serve {
        #[arg(long, default_value = "floor")]
        scenario: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 1.0)]
        speed: f64,
        #[arg(long, default_value = "127.0.0.1:7733", value_name = "ADDR")]
        listen: String,
        #[arg(long, value_name = "TOKEN")]
        token: Option<String>,
        #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
        timeout: f64,
    },
}

/// Chooses the language, then reads the command line (printing its help or its errors and
/// exiting, as clap does).
pub fn parse() -> Cli {
    let language = choose_language();
    let matches = command().get_matches();
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli.language = language;
    cli
}

/// `DUTYDESK_LANGUAGE`, else the config's `[ui] language`, else "auto" (the OS's). A config
/// that does not load is reported by the command that needs it, in the language chosen here.
fn choose_language() -> Choice {
    let from_config = || {
        let paths = Paths::resolve().ok()?;
        Config::load(&paths.config_file).ok().map(|c| c.ui.language)
    };
    let setting = std::env::var("DUTYDESK_LANGUAGE")
        .ok()
        .or_else(from_config)
        .unwrap_or_else(|| "auto".into());
    i18n::use_setting(&setting)
}

/// The command line with its help in the current language.
pub fn command() -> clap::Command {
    let version = version_text();
    let mut command = Cli::command()
        .about(t!("cli-about"))
        .version(version.clone())
        .long_version(version)
        .mut_arg("demo", |a| a.help(t!("cli-help-demo")))
        .mut_arg("scenario", |a| a.help(t!("cli-help-scenario")))
        .mut_arg("speed", |a| a.help(t!("cli-help-speed")))
        .mut_arg("seed", |a| a.help(t!("cli-help-seed")))
        .mut_arg("floor", |a| a.help(t!("floor-help-join")))
        .mut_arg("token", |a| a.help(t!("floor-help-join-token")))
        .mut_subcommand("floor", |c| {
            c.about(t!("floor-help")).mut_subcommand("serve", |c| {
                c.about(t!("floor-help-serve"))
                    .mut_arg("scenario", |a| a.help(t!("floor-help-scenario")))
                    .mut_arg("seed", |a| a.help(t!("floor-help-seed")))
                    .mut_arg("speed", |a| a.help(t!("floor-help-speed")))
                    .mut_arg("listen", |a| a.help(t!("floor-help-listen")))
                    .mut_arg("token", |a| a.help(t!("floor-help-token")))
                    .mut_arg("timeout", |a| a.help(t!("floor-help-timeout")))
            })
        })
        .mut_subcommand("fetch-tdlib", |c| {
            c.about(t!(
                "cli-help-fetch-tdlib",
                version = telegram::TDLIB_VERSION
            ))
            .mut_arg("dest", |a| a.help(t!("cli-help-fetch-dest")))
            .mut_arg("archive", |a| a.help(t!("cli-help-fetch-archive")))
            .mut_arg("sha512", |a| a.help(t!("cli-help-fetch-sha512")))
        })
        .mut_subcommand("doctor", |c| {
            c.about(t!("cli-help-doctor"))
                .mut_arg("login_probe", |a| a.help(t!("cli-help-login-probe")))
        })
        .mut_subcommand("stats", |c| {
            c.about(t!("cli-help-stats"))
                .mut_arg("from", |a| a.help(t!("cli-help-stats-from")))
                .mut_arg("to", |a| a.help(t!("cli-help-stats-to")))
                .mut_arg("csv", |a| a.help(t!("cli-help-stats-csv")))
                .mut_arg("tz", |a| a.help(t!("cli-help-stats-tz")))
                .mut_arg("longest", |a| a.help(t!("cli-help-stats-longest")))
        });
    // clap adds --help, --version and the `help` command when it builds; their words, and
    // the headings, are set once they exist.
    command.build();
    clap_words(command)
}

/// What `--version` prints after the name: this build's version, the TDLib it expects
/// (the one `fetch-tdlib` installs and the loader checks for), and the commit it was built
/// from (`build.rs`: git, or `DUTYDESK_COMMIT` for a build from a tarball).
pub fn version_text() -> String {
    t!(
        "cli-version",
        version = env!("CARGO_PKG_VERSION"),
        tdlib = telegram::TDLIB_VERSION,
        commit = env!("DUTYDESK_COMMIT")
    )
}

fn clap_words(command: clap::Command) -> clap::Command {
    let is_help = command.get_name() == "help";
    let command = command
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t!("cli-heading-usage")
        ))
        .subcommand_help_heading(t!("cli-heading-commands"))
        .mut_args(|a: Arg| {
            let a = match a.get_id().as_str() {
                "help" => a.help(t!("cli-help-help")),
                "version" => a.help(t!("cli-help-version")),
                "subcommand" if is_help => a.help(t!("cli-help-help-command-argument")),
                _ => a,
            };
            if a.is_positional() {
                a.help_heading(t!("cli-heading-arguments"))
            } else {
                a.help_heading(t!("cli-heading-options"))
            }
        });
    let command = if is_help {
        command.about(t!("cli-help-help-command"))
    } else {
        command
    };
    command.mut_subcommands(clap_words)
}

pub type CliResult = Result<(), Box<dyn std::error::Error>>;

pub fn run(cli: Cli) -> CliResult {
    let paths = Paths::resolve()?;
    match cli.command {
        Some(Command::FetchTdlib {
            dest,
            archive,
            sha512,
        }) => {
            let target = match dest {
                Some(dir) => dir.join(telegram::native::library_file_name()),
                None => fetch::installed_path(&paths.tdlib_dir),
            };
            fetch_command(&target, archive.as_deref(), sha512.as_deref())
        }
        Some(Command::Doctor { login_probe }) => {
            crate::doctor::run(&paths, login_probe, &cli.language)
        }
        Some(Command::Floor {
            command:
                FloorCommand::Serve {
                    scenario,
                    seed,
                    speed,
                    listen,
                    token,
                    timeout,
                },
        }) => crate::team_floor::serve::run(crate::team_floor::serve::Options {
            scenario,
            seed,
            speed,
            listen,
            token,
            timeout_secs: timeout,
        }),
        Some(Command::StoreWriter { path }) => Ok(crate::store::crash_writer(&path)?),
        Some(Command::Stats(args)) => {
            crate::statistics::command::run(&paths, &args, &mut std::io::stdout().lock()).map(drop)
        }
        None => open_window(&cli, paths),
    }
}

/// Installs TDLib as `target`: downloaded (or read from `archive`), verified, and loaded
/// once to prove it is the version this build needs before saying so.
fn fetch_command(
    target: &std::path::Path,
    archive: Option<&std::path::Path>,
    sha512: Option<&str>,
) -> CliResult {
    let path = match archive {
        Some(archive) => {
            let expected = fetch::checksum_for_archive(sha512)?;
            fetch::install_local_archive(archive, &expected, target)?
        }
        None => download(target)?,
    };
    let lib = telegram::NativeLibrary::load(&path)?;
    let installed = t!(
        "cli-fetch-installed",
        version = lib.version(),
        path = path.display().to_string()
    );
    println!("{installed}");
    Ok(())
}

fn download(target: &std::path::Path) -> Result<PathBuf, fetch::FetchError> {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} [{bar:40}] {bytes}/{total_bytes} {bytes_per_sec}",
        )
        .expect("valid progress template")
        .progress_chars("=> "),
    );
    bar.set_message(t!("cli-fetch-progress", version = telegram::TDLIB_VERSION));
    let path = fetch::fetch_tdlib_to(target, |done, total| {
        if total > 0 {
            bar.set_length(total);
        }
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    Ok(path)
}

fn open_window(cli: &Cli, paths: Paths) -> CliResult {
    paths.create_dirs()?;
    if let Err(e) = crate::logging::init(&paths.log_dir) {
        eprintln!("{}", t!("cli-logging-off", error = e.to_string()));
    }
    cli.language.log();
    let config = Config::load_with_env(&paths)?;
    crate::ui::report::set_path(cli.report_state.clone());
    if let Some(addr) = &cli.floor {
        let (backend, paths) = crate::team_floor::join(addr, cli.token.as_deref(), &paths)
            .map_err(|e| t!("floor-join-failed", error = e))?;
        telegram::init_backend(backend)?;
        return crate::window::run(false, config, paths);
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use i18n::{Language, with_language};

    fn help(language: Language, args: &[&str]) -> String {
        with_language(language, || {
            let err = command()
                .try_get_matches_from(args)
                .expect_err("--help ends parsing");
            err.render().to_string()
        })
    }

    #[test]
    fn the_command_line_is_consistent() {
        with_language(Language::Ru, || command().debug_assert());
    }

    fn version(language: Language) -> String {
        with_language(language, || {
            let err = command()
                .try_get_matches_from(["dutydesk", "--version"])
                .expect_err("--version ends parsing");
            assert_eq!(err.kind(), clap::error::ErrorKind::DisplayVersion);
            err.render().to_string()
        })
    }

    #[test]
    fn version_names_the_build_the_tdlib_it_loads_and_the_commit() {
        let en = version(Language::En);
        let lines: Vec<&str> = en.lines().collect();
        assert_eq!(lines[0], format!("dutydesk {}", env!("CARGO_PKG_VERSION")));
        assert_eq!(lines[1], "TDLib 1.8.61 (the version this build loads)");
        let commit = lines[2].strip_prefix("commit ").expect("a commit line");
        assert_eq!(commit, env!("DUTYDESK_COMMIT"));
        match env!("DUTYDESK_COMMIT_SOURCE") {
            // From this checkout: twelve hex digits and the commit's date.
            "git" => {
                let (hash, date) = commit.split_once(' ').expect("hash and date");
                assert_eq!(hash.len(), 12, "{commit}");
                assert!(hash.chars().all(|c| c.is_ascii_hexdigit()), "{commit}");
                assert!(
                    date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
                    "{commit}"
                );
            }
            "none" => assert_eq!(commit, "unknown"),
            _ => assert!(!commit.is_empty()),
        }
        let ru = version(Language::Ru);
        assert!(
            ru.contains("TDLib 1.8.61 (версия, которую загружает эта сборка)"),
            "{ru}"
        );
        assert!(ru.contains(&format!("коммит {commit}")), "{ru}");
        // -V says the same.
        let short = with_language(Language::En, || {
            command()
                .try_get_matches_from(["dutydesk", "-V"])
                .expect_err("-V ends parsing")
                .render()
                .to_string()
        });
        assert_eq!(short, en);
    }

    #[test]
    fn help_is_in_the_chosen_language() {
        let en = help(Language::En, &["dutydesk", "--help"]);
        assert!(en.contains("Usage: dutydesk"), "{en}");
        assert!(en.contains("Download TDLib 1.8.61"), "{en}");
        let ru = help(Language::Ru, &["dutydesk", "--help"]);
        for words in [
            "Использование: dutydesk",
            "\nКоманды:\n",
            "\nПараметры:\n",
            "Скачать TDLib 1.8.61",
            "Показать справку",
            "Показать версию",
            "демо-режиме",
        ] {
            assert!(ru.contains(words), "{words}: {ru}");
        }
        for english in ["Usage:", "Options:", "Commands:", "Print"] {
            assert!(!ru.contains(english), "{english}: {ru}");
        }
        let doctor = help(Language::Ru, &["dutydesk", "doctor", "--help"]);
        assert!(doctor.contains("временном каталоге"), "{doctor}");
        assert!(!doctor.contains("Print"), "{doctor}");
        let help_command = help(Language::Ru, &["dutydesk", "help"]);
        assert!(
            help_command.contains("Показать эту справку"),
            "{help_command}"
        );
    }
}
