//! The drop-in library takes its world from TDSIM_* variables. One test in this binary, so
//! changing the environment races with nothing.

#[test]
fn the_world_comes_from_the_environment() {
    let set = |k: &str, v: &str| {
        // SAFETY: this binary runs a single test thread that reads the environment.
        unsafe { std::env::set_var(k, v) }
    };
    set("TDSIM_SCENARIO", "faults");
    set("TDSIM_SEED", "9");
    set("TDSIM_SPEED", "0");
    set("TDSIM_START", "1000");
    let config = tdjson_config();
    assert_eq!(config.scenario.name, "faults");
    assert_eq!(
        (config.seed, config.speed, config.start_time),
        (9, 0.0, 1000)
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    std::fs::write(
        &path,
        "name = \"mine\"\n[customers]\ngroups = 1\nprivate_chats = 0\n",
    )
    .unwrap();
    set("TDSIM_SCENARIO", path.to_str().unwrap());
    assert_eq!(tdjson_config().scenario.name, "mine");

    std::fs::write(&path, "name = \"mine\"\n[customers]\ngroups = \"one\"\n").unwrap();
    let err = tdsim_tdjson::config_from_env().expect_err("malformed scenario");
    assert!(
        err.contains("mine.toml:3") && err.contains("customers.groups"),
        "{err}"
    );

    set("TDSIM_SCENARIO", "basic");
    set("TDSIM_SPEED", "fast");
    let err = tdsim_tdjson::config_from_env().expect_err("bad speed");
    assert!(err.contains("TDSIM_SPEED=fast"), "{err}");
}

fn tdjson_config() -> tdsim::WorldConfig {
    tdsim_tdjson::config_from_env().expect("valid environment")
}
