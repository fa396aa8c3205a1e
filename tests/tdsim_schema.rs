//! Faithfulness of the simulator: every object it emits in every shipped scenario must
//! deserialize as TDLib 1.8.61's schema through tdlib-rs, as the app will read it.
//! Updates parse as `tdlib_rs::enums::Update`; replies as the enum of their "@type".

use dutydesk as _; // defines the td_json symbols tdlib-rs refers to
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tdlib_rs::enums;
use tdsim::{Scenario, WorldConfig};

/// Parses as `T`, then checks nothing was silently dropped: every key of the original (at any
/// depth) must survive a round trip through the tdlib-rs type, so a misspelt optional field
/// fails too.
fn parse<T: DeserializeOwned + Serialize>(raw: &str) -> Result<(), String> {
    // serde lists every expected variant on a mismatch; keep the message readable.
    let typed: T = serde_json::from_str(raw)
        .map_err(|e| e.to_string().chars().take(400).collect::<String>())?;
    let original: Value = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    let back = serde_json::to_value(&typed).map_err(|e| e.to_string())?;
    missing_keys(&original, &back, "")
}

fn missing_keys(original: &Value, back: &Value, path: &str) -> Result<(), String> {
    match (original, back) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                // tdlib-rs writes "@type" only for enums (bare objects are plain structs).
                if k.starts_with('@') {
                    continue;
                }
                let here = format!("{path}.{k}");
                match b.get(k) {
                    Some(w) => missing_keys(v, w, &here)?,
                    None => return Err(format!("field {here} is not in the schema")),
                }
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                missing_keys(v, w, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// A reply parsed as the tdlib-rs enum its "@type" belongs to.
fn parse_reply(ty: &str, raw: &str) -> Result<(), String> {
    match ty {
        // tdlib-rs maps Ok to (): the object must carry nothing but the envelope.
        "ok" => {
            let v: Value = serde_json::from_str(raw).map_err(|e| e.to_string())?;
            let extra = v
                .as_object()
                .map_or(0, |o| o.keys().filter(|k| !k.starts_with('@')).count());
            if extra == 0 {
                Ok(())
            } else {
                Err("ok with fields".into())
            }
        }
        "error" => parse::<enums::Error>(raw),
        "user" => parse::<enums::User>(raw),
        "chat" => parse::<enums::Chat>(raw),
        "chats" => parse::<enums::Chats>(raw),
        "message" => parse::<enums::Message>(raw),
        "messages" => parse::<enums::Messages>(raw),
        "foundMessages" => parse::<enums::FoundMessages>(raw),
        "foundChatMessages" => parse::<enums::FoundChatMessages>(raw),
        "basicGroup" => parse::<enums::BasicGroup>(raw),
        "supergroup" => parse::<enums::Supergroup>(raw),
        "chatFolder" => parse::<enums::ChatFolder>(raw),
        "chatMember" => parse::<enums::ChatMember>(raw),
        "chatMembers" => parse::<enums::ChatMembers>(raw),
        "basicGroupFullInfo" => parse::<enums::BasicGroupFullInfo>(raw),
        "messageLink" => parse::<enums::MessageLink>(raw),
        "formattedText" => parse::<enums::FormattedText>(raw),
        "addedProxy" => parse::<enums::AddedProxy>(raw),
        "addedProxies" => parse::<enums::AddedProxies>(raw),
        "seconds" => parse::<enums::Seconds>(raw),
        "httpUrl" => parse::<enums::HttpUrl>(raw),
        t if t.starts_with("internalLinkType") => parse::<enums::InternalLinkType>(raw),
        "textEntities" => parse::<enums::TextEntities>(raw),
        t if t.starts_with("optionValue") => parse::<enums::OptionValue>(raw),
        t if t.starts_with("authorizationState") => parse::<enums::AuthorizationState>(raw),
        other => Err(format!("no tdlib-rs mapping for reply type {other}")),
    }
}

fn check(scenario: &str, seconds: i64, step: i64) -> usize {
    let config = WorldConfig {
        scenario: Scenario::builtin(scenario).expect("shipped"),
        seed: 7,
        ..WorldConfig::default()
    };
    let transcript = tdsim::exercise::run(config, seconds, step);
    let mut kinds = std::collections::BTreeSet::new();
    for raw in &transcript.objects {
        let v: Value =
            serde_json::from_str(raw).unwrap_or_else(|e| panic!("invalid JSON ({e}): {raw}"));
        assert!(v["@client_id"].is_i64(), "missing @client_id: {raw}");
        let ty = v["@type"]
            .as_str()
            .unwrap_or_else(|| panic!("missing @type: {raw}"));
        // A request TDLib cannot even parse gets an error without "@extra" (as the real one does).
        let result = if v.get("@extra").is_some() || ty == "error" {
            parse_reply(ty, raw)
        } else {
            parse::<enums::Update>(raw)
        };
        if let Err(e) = result {
            panic!("[{scenario}] {ty} does not match TDLib 1.8.61's schema: {e}\n{raw}");
        }
        kinds.insert(ty.to_string());
    }
    println!(
        "[{scenario}] {} objects of {} kinds: {kinds:?}",
        transcript.objects.len(),
        kinds.len()
    );
    kinds.len()
}

/// Every kind of object the shared world, pins, forwards, member lists, proxies and the
/// connection add appears in the exercise (so the checks above cover them).
#[test]
fn team_and_network_objects_are_covered() {
    let transcript = tdsim::exercise::run(WorldConfig::default(), 60, 60);
    let all = transcript.objects.join("\n");
    for shape in [
        "\"updateMessageIsPinned\"",
        "\"messagePinMessage\"",
        "\"messageForwardInfo\"",
        "\"messageOriginUser\"",
        "\"messageOriginHiddenUser\"",
        "\"chatMemberStatusCreator\",\"custom_title\":\"Team lead\"",
        "\"chatMemberStatusAdministrator\",\"custom_title\":\"Duty admin\"",
        "\"chatMemberStatusMember\"",
        "\"chatMemberStatusLeft\"",
        "\"addedProxy\"",
        "\"addedProxies\"",
        "\"@type\":\"seconds\"",
        "\"httpUrl\"",
        "\"internalLinkTypeProxy\"",
        "\"connectionStateConnectingToProxy\"",
        "\"connectionStateWaitingForNetwork\"",
    ] {
        assert!(all.contains(shape), "the exercise never produced {shape}");
    }
    let floor = tdsim::exercise::run(
        WorldConfig {
            scenario: Scenario::builtin("floor").expect("shipped"),
            ..WorldConfig::default()
        },
        60,
        60,
    );
    assert!(
        floor
            .objects
            .iter()
            .any(|o| o.contains("\"messageOriginChannel\"")),
        "a forwarded channel post"
    );
}

#[test]
fn basic_scenario_matches_the_schema() {
    let kinds = check("basic", 1800, 60);
    assert!(
        kinds >= 25,
        "the session should produce many kinds of objects, got {kinds}"
    );
}

#[test]
fn floor_scenario_matches_the_schema() {
    check("floor", 4 * 3600, 60);
}

#[test]
fn faults_scenario_matches_the_schema() {
    check("faults", 2 * 3600, 60);
}

#[test]
fn storm_scenario_matches_the_schema() {
    check("storm", 2, 1);
}
