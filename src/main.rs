use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = dutydesk::cli::parse();
    match dutydesk::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dutydesk: {e}");
            ExitCode::FAILURE
        }
    }
}
