//! A tracker's reply is outside text: every reader of it, for every tracker, is fed arbitrary
//! bytes and arbitrary JSON (shaped with the field names the readers look for, so the deep
//! paths are reached) under every status, and must answer with a value or a fault — never
//! a panic. The redirect resolver gets arbitrary `Location` values the same way.

use proptest::prelude::*;
use serde_json::{Map, Value};

use super::*;
use crate::http::{Http, Reply};

/// Field names the readers navigate, so generated objects often have the right shape.
const NAMES: &[&str] = &[
    "key",
    "id",
    "iid",
    "number",
    "title",
    "summary",
    "subject",
    "state",
    "status",
    "name",
    "statusCategory",
    "fields",
    "issue",
    "issues",
    "errors",
    "errorMessages",
    "message",
    "error",
    "error_description",
    "idReadable",
    "resolved",
    "customFields",
    "value",
    "shortName",
    "data",
    "issueCreate",
    "success",
    "identifier",
    "url",
    "html_url",
    "web_url",
    "teams",
    "nodes",
    "result",
    "task",
    "type",
    "extensions",
    "code",
    "userPresentableMessage",
    "login",
    "user",
    "project",
    "is_closed",
    "displayName",
    "full_name",
    "name_with_namespace",
    "viewer",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,40}".prop_map(Value::String),
        prop::sample::select(NAMES).prop_map(|s| Value::String(s.to_string())),
        Just(Value::String("done".into())),
        Just(Value::String("closed".into())),
        Just(Value::String("5".into())),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        prop::sample::select(NAMES).prop_map(str::to_string),
                        ".{0,12}"
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        prop::sample::select(vec![
            200u16, 201, 204, 301, 400, 401, 403, 404, 410, 422, 429, 500, 503
        ]),
        100u16..1000,
    ]
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        json_value().prop_map(|v| v.to_string().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..256),
        "[\\[{\":,0-9a-z\\]}]{0,64}".prop_map(String::into_bytes),
    ]
}

fn with_ctx<T>(kind: TrackerKind, f: impl FnOnce(&Ctx) -> T) -> T {
    let mut config = TrackerConfig::new("T", kind, "https://tracker.example.com");
    config.user = Some("1".into());
    let token = Token::new("secret");
    let web = BaseUrl::parse(&config.base_url).unwrap();
    let http = Http::new(web.clone(), DEFAULT_TIMEOUT);
    f(&Ctx {
        http: &http,
        config: &config,
        token: &token,
        web: &web,
    })
}

fn draft() -> Draft {
    Draft {
        title: "t".into(),
        ..Draft::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn replies_never_panic_a_reader(status in status(), body in body()) {
        let reply = Reply { status, body };
        let none = Fault::Unexpected { status: 0 };
        let _ = crate::reply::json(&reply);
        for messages in [
            jira::messages, youtrack::messages, gitlab::messages, github::messages,
            redmine::messages, linear::messages, bitrix::messages, crate::reply::strings,
        ] {
            let _ = crate::reply::status_fault(&reply, none.clone(), messages);
        }
        let _ = bitrix::fault(&reply, none.clone());
        for kind in [TrackerKind::JiraCloud, TrackerKind::JiraServer] {
            let _ = with_ctx(kind, |c| jira::read_created(c, &reply, "P", &draft()));
        }
        let _ = with_ctx(TrackerKind::GitLab, |c| gitlab::read_created(c, &reply, "g/p", &draft()));
        let _ = with_ctx(TrackerKind::GitHub, |c| github::read_created(c, &reply, "o/r", &draft()));
        let _ = with_ctx(TrackerKind::Redmine, |c| redmine::read_created(c, &reply, none.clone(), &draft()));
    }

    #[test]
    fn json_never_panics_a_reader(v in json_value()) {
        let none = Fault::Unexpected { status: 0 };
        let _ = jira::read_status(&v, "K-1");
        let _ = jira::created_key(&v);
        let _ = youtrack::pick_project(&v, "SP");
        let _ = youtrack::created_key(&v);
        let _ = youtrack::read_status(&v, "SP-1");
        let _ = gitlab::read_status(&v, "g/p#1");
        let _ = github::read_status(&v, "o/r#1");
        let _ = redmine::read_status(&v, 1);
        let _ = linear::read_data(&v, none);
        let _ = linear::pick_team(&v);
        let _ = linear::read_status(&v, "ENG-1");
        let _ = with_ctx(TrackerKind::Linear, |c| linear::read_created(c, &v, &draft()));
        let _ = bitrix::read_status(&v, "1");
        let _ = bitrix::read_scopes(&v);
        let _ = with_ctx(TrackerKind::Bitrix24, |c| bitrix::read_created(c, &v, &draft()));
        let _ = crate::reply::strings(&v);
    }

    #[test]
    fn keys_read_back_are_safe_in_urls(v in json_value()) {
        for key in [jira::created_key(&v), youtrack::created_key(&v)].into_iter().flatten() {
            prop_assert!(key.chars().all(|c| c.is_alphanumeric() || "-_.#/".contains(c)), "{key}");
        }
    }

    #[test]
    fn redirect_locations_never_panic_and_never_leave_the_origin(
        location in prop_oneof![
            ".{0,60}",
            "(https?:)?//[a-z.@:\\[\\]0-9]{0,20}(/.{0,10})?",
            "(https?:)?//x\\.example(:8443)?[@/?#.a-z]{0,12}",
        ]
    ) {
        let http = Http::new(BaseUrl::parse("https://x.example:8443/app").unwrap(), DEFAULT_TIMEOUT);
        if let Some(path) = http.same_origin_path("/app/a?b", &location) {
            prop_assert!(path.starts_with('/'), "{location} -> {path}");
            let lowered = location.trim().to_ascii_lowercase();
            if lowered.contains("://") || lowered.starts_with("//") {
                prop_assert!(lowered.contains("x.example:8443"), "{location} -> {path}");
            }
        }
    }

    #[test]
    fn keys_with_projects_never_panic(key in ".{0,40}") {
        let _ = split_numbered_key(&key, Some("o/r"));
        let _ = split_numbered_key(&key, None);
        let _ = checked_key(&key);
    }
}
