//! The `[[trackers]]` config: every example the READMEs show parses and validates, and each
//! mistake names its field.

use std::collections::BTreeSet;

use serde::Deserialize;
use tracker::{Draft, Mode, Quote, TrackerConfig, TrackerKind};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    trackers: Vec<TrackerConfig>,
}

/// The ```toml blocks with `[[trackers]]` in a README.
fn examples(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = readme;
    while let Some(start) = rest.find("```toml\n") {
        let body = &rest[start + 8..];
        let end = body.find("```").expect("closed block");
        if body[..end].contains("[[trackers]]") {
            out.push(body[..end].to_string());
        }
        rest = &body[end + 3..];
    }
    out
}

fn parse(text: &str) -> Vec<TrackerConfig> {
    toml::from_str::<File>(text)
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
        .trackers
}

#[test]
fn every_readme_example_is_a_valid_config_and_every_kind_has_one() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
    let own = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let mut kinds = BTreeSet::new();
    for path in [root, own] {
        let text = std::fs::read_to_string(path).unwrap();
        let blocks = examples(&text);
        assert!(!blocks.is_empty(), "{path} shows no [[trackers]] example");
        for block in blocks {
            for tracker in parse(&block) {
                tracker
                    .validate()
                    .unwrap_or_else(|p| panic!("{path}: {}: {p}", tracker.name));
                kinds.insert(format!("{:?}", tracker.kind));
            }
        }
    }
    for kind in TrackerKind::ALL {
        assert!(
            kinds.contains(&format!("{kind:?}")),
            "no README example for {kind:?}"
        );
    }
}

fn one(text: &str) -> TrackerConfig {
    parse(text).remove(0)
}

#[test]
fn mistakes_name_their_field() {
    let cases = [
        (
            "kind = \"jira-cloud\"\nbase_url = \"https://a.atlassian.net\"\nmode = \"api\"",
            "user",
        ),
        (
            "kind = \"github\"\nbase_url = \"http://github.com\"",
            "base_url",
        ),
        (
            "kind = \"github\"\nbase_url = \"https://github.com\"\ndefault_project = \"site\"",
            "default_project",
        ),
        (
            "kind = \"gitlab\"\nbase_url = \"https://gitlab.com\"\n[trackers.projects]\n\"chat\" = \"a/b\"",
            "projects.\"chat\"",
        ),
        (
            "kind = \"jira-server\"\nbase_url = \"https://jira.x\"\ndefault_project = \"SUP\"",
            "default_project",
        ),
        (
            "kind = \"bitrix24\"\nbase_url = \"https://a.bitrix24.ru\"",
            "user",
        ),
        (
            "kind = \"bitrix24\"\nbase_url = \"https://a.bitrix24.ru\"\nuser = \"1\"\nmode = \"browser\"",
            "mode",
        ),
        ("kind = \"generic\"\nbase_url = \"https://x.y\"", "template"),
        (
            "kind = \"generic\"\nbase_url = \"https://x.y\"\ntemplate = \"https://x.y/new?t={titel}\"",
            "template",
        ),
        (
            "kind = \"generic\"\nbase_url = \"https://x.y\"\ntemplate = \"http://x.y/new?t={title}\"",
            "template",
        ),
        (
            "kind = \"generic\"\nbase_url = \"https://x.y\"\nmode = \"api\"\ntemplate = \"https://x.y/?t={title}\"",
            "mode",
        ),
        (
            "kind = \"redmine\"\nbase_url = \"https://r.x\"\nassignee = \"jane\"",
            "assignee",
        ),
        (
            "kind = \"redmine\"\nbase_url = \"https://user:pw@r.x\"",
            "base_url",
        ),
    ];
    for (body, field) in cases {
        let text = format!("[[trackers]]\nname = \"T\"\n{body}\n");
        let problem = one(&text).validate().expect_err(body);
        assert_eq!(problem.field, field, "{body}: {problem}");
        assert!(
            problem.to_string().starts_with(&format!("`{field}`: ")),
            "{problem}"
        );
    }
}

#[test]
fn unknown_keys_and_kinds_are_errors() {
    let err = toml::from_str::<File>(
        "[[trackers]]\nname = \"T\"\nkind = \"jira\"\nbase_url = \"https://x\"\n",
    );
    assert!(err.is_err());
    let err = toml::from_str::<File>(
        "[[trackers]]\nname = \"T\"\nkind = \"github\"\nbase_url = \"https://x\"\ntoken = \"s\"\n",
    );
    assert!(
        err.unwrap_err().to_string().contains("token"),
        "a token is never config"
    );
}

#[test]
fn a_chat_project_wins_over_the_default() {
    let mut c = TrackerConfig::new("T", TrackerKind::YouTrack, "https://yt.example.com");
    c.default_project = Some("SUP".into());
    c.projects.insert("-100123".into(), "VIP".into());
    c.assignee = Some("jane".into());
    assert_eq!(c.project_for(-100123), Some("VIP"));
    assert_eq!(c.project_for(42), Some("SUP"));
    assert_eq!(c.mode(), Mode::Browser);
    let quotes = vec![Quote {
        author: "Anna".into(),
        unix_time: 0,
        utc_offset_minutes: 0,
        chat_title: "VIP client".into(),
        link: None,
        text: "Need a refund\nfor order 5".into(),
    }];
    let d = Draft::from_quotes(&c, Some(-100123), quotes);
    assert_eq!(d.title, "Need a refund");
    assert_eq!(d.project.as_deref(), Some("VIP"));
    assert_eq!(d.assignee.as_deref(), Some("jane"));
    assert_eq!(
        d.description,
        "**Anna** · 1970-01-01 00:00 +00:00 · VIP client\n> Need a refund\n> for order 5"
    );
}

#[test]
fn config_round_trips_through_toml() {
    let text = "[[trackers]]\nname = \"GL\"\nkind = \"gitlab\"\nbase_url = \"https://gitlab.com\"\n\
                default_project = \"a/b\"\n[trackers.projects]\n\"-1001\" = \"c/d\"\n";
    let c = one(text);
    #[derive(serde::Serialize)]
    struct Out<'a> {
        trackers: [&'a TrackerConfig; 1],
    }
    let again = one(&toml::to_string(&Out { trackers: [&c] }).unwrap());
    assert_eq!(again, c);
}
