//! The demo floor: the simulator's world for `--demo`, a training ground for new admins.

use std::path::Path;

/// A shipped scenario by name, or a scenario file by path.
pub fn scenario(name_or_path: &str) -> Result<tdsim::Scenario, Box<dyn std::error::Error>> {
    if let Some(scenario) = tdsim::Scenario::builtin(name_or_path) {
        return Ok(scenario);
    }
    let path = Path::new(name_or_path);
    if !path.exists() {
        let shipped = tdsim::Scenario::builtin_names().join(", ");
        return Err(format!(
            "`{name_or_path}` is neither a shipped scenario ({shipped}) nor a file"
        )
        .into());
    }
    Ok(tdsim::Scenario::load(path)?)
}

/// The simulated world the demo runs: virtual time starts at the wall clock's now.
pub fn world(scenario: tdsim::Scenario, speed: f64, seed: u64) -> tdsim::WorldConfig {
    tdsim::WorldConfig {
        scenario,
        seed,
        speed,
        start_time: chrono::Utc::now().timestamp(),
    }
}
