//! Conformance: the same request sequences against the real libtdjson 1.8.61 and against the
//! simulator's cdylib, both loaded through libloading; the replies' shapes (@type, set of keys,
//! error code) must match. The real library comes from DUTYDESK_TDJSON or from where
//! `dutydesk fetch-tdlib` installs it; without it this test fails rather than skipping.

mod common;

use std::collections::BTreeSet;

use common::{TdJson, auth_state, parameters, real_path, simulator_path};
use serde_json::{Value, json};

/// What must match between the two libraries.
#[derive(Debug, PartialEq)]
struct Shape {
    ty: String,
    keys: BTreeSet<String>,
    code: Option<i64>,
}

fn shape(v: &Value) -> Shape {
    Shape {
        ty: v["@type"].as_str().unwrap_or("").to_string(),
        keys: v
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default(),
        code: v["code"].as_i64(),
    }
}

/// Synchronous requests through td_execute.
const EXECUTE: [&str; 15] = [
    r#"{"@type":"getOption","name":"version"}"#,
    r#"{"@type":"getOption","name":"unix_time"}"#,
    r#"{"@type":"getOption","name":"version","@extra":5}"#,
    r#"{"@type":"getMe"}"#,
    r#"{"@type":"parseTextEntities","text":"*bold* x","parse_mode":{"@type":"textParseModeMarkdown","version":2}}"#,
    r#"{"@type":"getTextEntities","text":"hi @user http://x.com #tag"}"#,
    r#"{"@type":"getLogVerbosityLevel"}"#,
    r#"{"@type":"testReturnError","error":{"@type":"error","code":5,"message":"x"}}"#,
    "not json",
    "[]",
    r#"{"@type":"noSuchMethod"}"#,
    r#"{"@type":"getOption","name":5}"#,
    "{}",
    r#"{"@type":"parseTextEntities","text":"*open","parse_mode":{"@type":"textParseModeMarkdown","version":2}}"#,
    r#"{"@type":"parseTextEntities","text":"<b>x</i>","parse_mode":{"@type":"textParseModeHTML"}}"#,
];

fn execute_transcript(td: &TdJson) -> Vec<Value> {
    let quiet = td
        .execute(r#"{"@type":"setLogVerbosityLevel","new_verbosity_level":1}"#)
        .expect("a reply");
    let mut out = vec![quiet];
    out.extend(EXECUTE.iter().map(|r| td.execute(r).expect("a reply")));
    out
}

/// Requests through td_send, one at a time; each entry is the reply (for malformed JSON, the
/// error without @extra). Also returns the authorization states seen, in order.
fn client_transcript(td: &TdJson) -> (Vec<Value>, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let client = td.create_client_id();
    let mut states = Vec::new();
    let mut replies = Vec::new();
    let note = |states: &mut Vec<String>, got: &[Value]| {
        for v in got {
            if let Some(s) = auth_state(v) {
                states.push(s.to_string());
            }
        }
    };
    let requests = [
        json!({"@type":"getAuthorizationState"}),
        json!({"@type":"getOption","name":"version"}),
        json!({"@type":"noSuchMethod"}),
        json!({"@type":"getMe"}),
        json!({"@type":"setTdlibParameters"}),
        json!({"@type":"getOption","name":5}),
        parameters(dir.path()),
        // TDLib answers these only once initialized (the simulator answers at once).
        json!({"@type":"getOption","name":"unix_time"}),
        json!({"@type":"getOption","name":"no_such_option"}),
        json!({"@type":"setOption","name":"online","value":{"@type":"optionValueBoolean","value":true}}),
        json!({"@type":"setOption","name":"version","value":{"@type":"optionValueString","value":"x"}}),
        json!({"@type":"getAuthorizationState"}),
        json!({"@type":"checkAuthenticationCode","code":"1"}),
        json!({"@type":"loadChats","limit":5}),
        json!({"@type":"getChats","limit":5}),
        json!({"@type":"getChat","chat_id":777000}),
        json!({"@type":"setTdlibParameters","api_id":1,"api_hash":"x"}),
    ];
    for (i, request) in requests.into_iter().enumerate() {
        let extra = i as u32 + 1;
        let mut request = request;
        request["@extra"] = json!(extra);
        td.send(client, &request.to_string());
        let got = td.collect_until(client, 30.0, |v| v["@extra"] == json!(extra));
        note(&mut states, &got);
        replies.push(got.last().cloned().unwrap_or(Value::Null));
        if i == 0 {
            td.send(client, "this is not json");
            let got = td.collect_until(client, 30.0, |v| {
                v["@type"] == "error" && v.get("@extra").is_none()
            });
            note(&mut states, &got);
            replies.push(got.last().cloned().unwrap_or(Value::Null));
        }
    }
    // The reply to setTdlibParameters may come before the state changes: wait for it.
    if !states
        .iter()
        .any(|s| s == "authorizationStateWaitPhoneNumber")
    {
        let got = td.collect_until(client, 30.0, |v| {
            auth_state(v) == Some("authorizationStateWaitPhoneNumber")
        });
        note(&mut states, &got);
    }
    td.send(client, r#"{"@type":"close","@extra":"bye"}"#);
    let got = td.collect_until(client, 30.0, common::is_closed);
    note(&mut states, &got);
    replies.push(
        got.iter()
            .find(|v| v["@extra"] == "bye")
            .cloned()
            .unwrap_or(Value::Null),
    );
    // A closed client and an unknown client id still answer.
    for (target, extra) in [(client, "late"), (client + 1000, "nobody")] {
        td.send(target, &json!({"@type":"getMe","@extra":extra}).to_string());
        let got = td.collect_until(target, 30.0, |v| v["@extra"] == extra);
        replies.push(got.last().cloned().unwrap_or(Value::Null));
    }
    (replies, states)
}

fn compare(what: &str, real: &[Value], sim: &[Value]) {
    assert_eq!(real.len(), sim.len(), "{what}: different number of replies");
    for (r, s) in real.iter().zip(sim) {
        assert_eq!(
            shape(r),
            shape(s),
            "{what}: shapes differ\n real: {r}\n  sim: {s}"
        );
    }
}

#[test]
fn simulator_answers_like_the_real_tdlib() {
    let _serial = common::serial();
    let real = TdJson::load(&real_path());
    let sim = TdJson::load(&simulator_path());

    let (real_exec, sim_exec) = (execute_transcript(&real), execute_transcript(&sim));
    compare("td_execute", &real_exec, &sim_exec);
    assert_eq!(real_exec[1]["value"], sim_exec[1]["value"], "version");
    assert_eq!(real_exec[5], sim_exec[5], "parseTextEntities");
    assert_eq!(real_exec[6], sim_exec[6], "getTextEntities");
    for i in [2, 4, 8, 10, 11, 12, 13, 14, 15] {
        assert_eq!(
            real_exec[i]["message"],
            sim_exec[i]["message"],
            "error message of {}",
            EXECUTE[i - 1]
        );
    }

    let (real_replies, real_states) = client_transcript(&real);
    let (sim_replies, sim_states) = client_transcript(&sim);
    compare("td_send", &real_replies, &sim_replies);
    assert_eq!(real_states, sim_states, "authorization states");
    assert_eq!(
        real_states,
        [
            "authorizationStateWaitTdlibParameters",
            "authorizationStateWaitPhoneNumber",
            "authorizationStateClosing",
            "authorizationStateClosed"
        ]
    );
    for (r, s) in real_replies.iter().zip(&sim_replies) {
        if r["@type"] == "error"
            && !r["message"]
                .as_str()
                .unwrap_or("")
                .starts_with("Failed to parse request")
        {
            assert_eq!(
                r["message"], s["message"],
                "error messages differ:\n real: {r}\n  sim: {s}"
            );
        }
        assert_eq!(
            r.get("@extra"),
            s.get("@extra"),
            "@extra must be echoed verbatim"
        );
    }
}

/// Text entities (getTextEntities, parseTextEntities) must equal the real library's, exactly.
#[test]
fn text_entities_match_the_real_tdlib() {
    let _serial = common::serial();
    let real = TdJson::load(&real_path());
    let sim = TdJson::load(&simulator_path());
    let detect = [
        "/start hi",
        "mail me@x.com",
        "#123 #a1 #_x",
        "@ab @abc @abcd",
        "see https://a.b/c?d=e, ok",
        "http://x.com.",
        "x/y /cmd@bot",
        "hello @dana_duty, see http://example.com/x and #urgent",
        "@dana_duty_",
        "a@b",
        "x@y.co",
        "(http://a.com)",
        "http://localhost",
        "https://example.com:8080/p",
        "#тег",
        "😀 @abcd",
        "/ c",
        "/c/d",
        "#a#b",
        "@abcd@efgh",
    ];
    let markdown = [
        "a.b",
        "*a* _b_ __c__ ~d~ `e`",
        "[x](http://y.z)",
        "```\ncode\n```",
        "a \\. b",
        "*a _b* c_",
        "😀*x*",
        "*",
        "_a",
        "[a](b",
        "\\*not bold\\*",
        "*bold _italic_*",
        "||spoiler||",
        "[link](http://x.y/z)",
        "||open",
        "~x",
        "__u",
        "[a]b",
        "x]",
    ];
    let html = [
        "</b>",
        "<b>x</b> &lt;y&gt; &amp;",
        "<a href='http://u.v'>x</a>",
        "<i>a<b>b</b></i>",
        "<code>c</code><pre>p</pre>",
        "<u>u</u><s>s</s>",
        "<b>x",
        "&bogus;",
        "<blink>x</blink>",
        "<strong>s</strong><em>e</em>",
        "<tg-spoiler>s</tg-spoiler>",
        "a < b",
        "<b>",
        "x</b>",
        "<b>x</i>",
    ];
    let mut requests: Vec<Value> = detect
        .iter()
        .map(|t| json!({"@type":"getTextEntities","text":t}))
        .collect();
    requests.extend(markdown.iter().map(|t| {
        json!({"@type":"parseTextEntities","text":t,"parse_mode":{"@type":"textParseModeMarkdown","version":2}})
    }));
    requests.extend(
        html.iter().map(|t| json!({"@type":"parseTextEntities","text":t,"parse_mode":{"@type":"textParseModeHTML"}})),
    );
    for r in requests {
        let (a, b) = (real.execute(&r.to_string()), sim.execute(&r.to_string()));
        assert_eq!(a, b, "{r}");
    }
}
