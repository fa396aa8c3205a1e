//! Scenarios: every shipped one loads and runs, the same seed replays the same update stream,
//! and a malformed file is an error naming file, line and key.

use std::hash::{Hash, Hasher};

use tdsim::{Scenario, WorldConfig};

fn config(name: &str, seed: u64) -> WorldConfig {
    WorldConfig {
        scenario: Scenario::builtin(name).expect("shipped"),
        seed,
        ..WorldConfig::default()
    }
}

/// A hash of the serialized stream and its length, without the client id (each run is a
/// new client).
fn fingerprint(objects: &[String]) -> (u64, usize) {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for o in objects {
        let cut = o.rfind(",\"@client_id\":").unwrap_or(o.len());
        o[..cut].hash(&mut h);
    }
    (h.finish(), objects.len())
}

#[test]
fn every_shipped_scenario_loads_and_runs() {
    assert_eq!(
        Scenario::builtin_names(),
        ["basic", "floor", "storm", "faults"]
    );
    for name in Scenario::builtin_names() {
        let (seconds, step) = if name == "storm" { (2, 1) } else { (1800, 60) };
        let t = tdsim::exercise::run(config(name, 3), seconds, step);
        let news = t
            .objects
            .iter()
            .filter(|o| o.starts_with("{\"@type\":\"updateNewMessage\""))
            .count();
        assert!(news > 0, "{name}: no messages at all");
        if name != "basic" {
            assert!(
                news > 10,
                "{name}: the scenario's own traffic should produce messages, got {news}"
            );
        }
        let closed = t
            .objects
            .iter()
            .any(|o| o.contains("authorizationStateClosed"));
        assert!(closed, "{name}: the session ends closed");
    }
}

#[test]
fn same_seed_same_stream_other_seed_other_stream() {
    for name in ["floor", "faults"] {
        let a = fingerprint(&tdsim::exercise::run(config(name, 11), 3 * 3600, 60).objects);
        let b = fingerprint(&tdsim::exercise::run(config(name, 11), 3 * 3600, 60).objects);
        let c = fingerprint(&tdsim::exercise::run(config(name, 12), 3 * 3600, 60).objects);
        assert_eq!(a, b, "{name}: same seed must replay exactly");
        assert_ne!(a, c, "{name}: another seed must give another stream");
    }
}

#[test]
fn the_stream_does_not_depend_on_how_time_is_advanced() {
    // One hour in 60 steps or in 3600 steps: the same events in the same order (only the
    // unix_time reports differ).
    let strip = |objects: Vec<String>| -> Vec<String> {
        objects
            .into_iter()
            .filter(|o| !o.contains("\"name\":\"unix_time\""))
            .collect()
    };
    let coarse = strip(tdsim::exercise::run(config("floor", 5), 3600, 60).objects);
    let fine = strip(tdsim::exercise::run(config("floor", 5), 3600, 1).objects);
    assert_eq!(fingerprint(&coarse), fingerprint(&fine));
}

#[test]
fn storm_generates_its_configured_rate() {
    let t = tdsim::exercise::run(config("storm", 1), 3, 1);
    // The account's client only (the exercise's colleague closes before the clock moves).
    let client = |o: &String| {
        o.rsplit_once(",\"@client_id\":")
            .map(|(_, c)| c.to_string())
    };
    let first = client(&t.objects[0]);
    let updates = t.objects.iter().filter(|o| client(o) == first).count();
    // 20,000 updates per virtual second, three seconds, plus the session's own objects.
    assert!((60_000..64_000).contains(&updates), "got {updates}");
}

fn write(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tdsim-scenarios-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_scenario_file_loads_by_path() {
    let path = write(
        "small.toml",
        "name = \"small\"\n[customers]\ngroups = 2\nprivate_chats = 0\n",
    );
    let s = Scenario::load(&path).expect("valid");
    assert_eq!((s.name.as_str(), s.customers.groups), ("small", 2));
}

#[test]
fn malformed_scenarios_name_file_line_and_key() {
    let cases = [
        (
            "type.toml",
            "name = \"x\"\n\n[traffic]\nmessages_per_hour = \"lots\"\n",
            4,
            "traffic.messages_per_hour",
        ),
        (
            "unknown.toml",
            "name = \"x\"\n[customers]\ngroups = 3\ngrups = 4\n",
            4,
            "customers.grups",
        ),
        (
            "range.toml",
            "name = \"x\"\n[faults]\n\nlate_delay = [600, 120]\n",
            4,
            "faults.late_delay",
        ),
        (
            "chance.toml",
            "name = \"x\"\n[traffic]\nstaff_reply_chance = 1.5\n",
            3,
            "traffic.staff_reply_chance",
        ),
        (
            "colleague.toml",
            "name = \"x\"\n[duty_group]\nstaff = [{ name = \"Al\", phne = \"+1555\" }]\n",
            3,
            "duty_group.staff",
        ),
        (
            "same_phone.toml",
            "name = \"x\"\n[account]\nphone = \"+1 555 000 0002\"\n[duty_group]\nstaff = [\"A B\", \"C D\"]\n",
            5,
            "duty_group.staff",
        ),
        (
            "short_phone.toml",
            "name = \"x\"\n[duty_group]\nstaff = [\"A B\", { name = \"C D\", phone = \"12\" }]\n",
            3,
            "duty_group.staff",
        ),
        (
            "syntax.toml",
            "name = \"x\"\n[account\nphone = 1\n",
            2,
            "account",
        ),
    ];
    for (file, text, line, key) in cases {
        let path = write(file, text);
        let e = Scenario::load(&path).expect_err(file);
        assert_eq!((e.line, e.key.as_str()), (line, key), "{file}: {e}");
        assert!(e.file.ends_with(file));
        let shown = e.to_string();
        assert!(
            shown.contains(file) && shown.contains(key) && shown.contains(&format!(":{line}:")),
            "{shown}"
        );
    }
    let missing = Scenario::load("/nonexistent/tdsim.toml").expect_err("missing file");
    assert!(missing.to_string().contains("/nonexistent/tdsim.toml"));
}

/// Every user, chat and group id an object mentions was announced before (updateUser,
/// updateNewChat, updateBasicGroup / updateSupergroup), as TDLib guarantees.
fn check_announced(objects: &[String]) {
    use serde_json::Value;
    use std::collections::HashSet;
    #[derive(Default)]
    struct Known {
        users: HashSet<i64>,
        chats: HashSet<i64>,
        groups: HashSet<i64>,
    }
    fn walk(v: &Value, k: &Known, raw: &str) {
        match v {
            Value::Object(map) => {
                for (key, val) in map {
                    let ids: Vec<i64> = match val {
                        Value::Array(a) => a.iter().filter_map(Value::as_i64).collect(),
                        other => other.as_i64().into_iter().collect(),
                    };
                    let set = match key.as_str() {
                        "user_id" | "sender_user_id" | "inviter_user_id" | "actor_user_id"
                        | "member_user_ids" => Some(&k.users),
                        "chat_id" | "chat_ids" => Some(&k.chats),
                        "basic_group_id" | "supergroup_id" => Some(&k.groups),
                        _ => None,
                    };
                    if let Some(set) = set {
                        for id in ids.into_iter().filter(|id| *id != 0) {
                            assert!(
                                set.contains(&id),
                                "{key} {id} used before it was announced: {raw}"
                            );
                        }
                    }
                    walk(val, k, raw);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, k, raw)),
            _ => {}
        }
    }
    let mut k = Known::default();
    for raw in objects {
        let v: Value = serde_json::from_str(raw).expect("JSON");
        match v["@type"].as_str() {
            Some("updateUser") => {
                k.users.insert(v["user"]["id"].as_i64().expect("id"));
            }
            Some("updateBasicGroup") => {
                k.groups
                    .insert(v["basic_group"]["id"].as_i64().expect("id"));
            }
            Some("updateSupergroup") => {
                k.groups.insert(v["supergroup"]["id"].as_i64().expect("id"));
            }
            _ => {}
        }
        if v["@type"] == "updateNewChat" {
            walk(&v["chat"]["type"], &k, raw);
            k.chats.insert(v["chat"]["id"].as_i64().expect("id"));
        } else {
            walk(&v, &k, raw);
        }
    }
}

#[test]
fn ids_are_announced_before_use() {
    for name in ["basic", "floor", "faults"] {
        check_announced(&tdsim::exercise::run(config(name, 21), 2 * 3600, 60).objects);
    }
    check_announced(&tdsim::exercise::run(config("storm", 21), 2, 1).objects);
}
