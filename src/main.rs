use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = dutydesk::cli::Cli::parse();
    match dutydesk::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dutydesk: {e}");
            ExitCode::FAILURE
        }
    }
}
