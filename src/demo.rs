//! The demo floor: the simulator's world for `--demo`, a training ground for new admins.
//!
//! A scenario is a shipped name or a file; what is wrong with a file is said in the
//! admin's language around the place (file, line, key), with the simulator's own
//! description of the problem, as the config's errors keep TOML's.

use std::path::Path;

use i18n::t;

/// A shipped scenario by name, or a scenario file by path.
pub fn scenario(name_or_path: &str) -> Result<tdsim::Scenario, Box<dyn std::error::Error>> {
    if let Some(scenario) = tdsim::Scenario::builtin(name_or_path) {
        return Ok(scenario);
    }
    let path = Path::new(name_or_path);
    if !path.exists() {
        let shipped = tdsim::Scenario::builtin_names().join(", ");
        return Err(t!(
            "demo-scenario-unknown",
            name = name_or_path,
            shipped = shipped
        )
        .into());
    }
    let file = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|e| {
        t!(
            "demo-scenario-unreadable",
            file = file.as_str(),
            error = e.to_string()
        )
    })?;
    tdsim::Scenario::parse(&source, &file).map_err(|e| {
        t!(
            "demo-scenario-invalid",
            file = e.file,
            line = e.line,
            key = e.key,
            problem = e.message
        )
        .into()
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use i18n::{Language, with_language};

    #[test]
    fn a_broken_scenario_is_named_with_its_place_in_the_admins_language() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("broken.toml");
        std::fs::write(&file, "[traffic]\nmessages_per_hour = \"many\"\n").unwrap();
        let path = file.to_str().unwrap();
        let en = with_language(Language::En, || scenario(path).unwrap_err().to_string());
        assert!(en.starts_with(&format!("{path}:2: key `traffic")), "{en}");
        let ru = with_language(Language::Ru, || scenario(path).unwrap_err().to_string());
        assert!(ru.starts_with(&format!("{path}:2: ключ `traffic")), "{ru}");
        let unknown = with_language(Language::Ru, || {
            scenario("no-such-floor").unwrap_err().to_string()
        });
        assert!(
            unknown.contains("floor, storm") || unknown.contains("basic"),
            "{unknown}"
        );
        assert!(unknown.starts_with("«no-such-floor»"), "{unknown}");
    }
}
