//! Requests TDLib answers synchronously (td_execute), also accepted through td_send.

use crate::entities;
use crate::json::{self, W};
use crate::objects;
use crate::req::{self, Fail, Request, bad};

const LOG_TAGS: [&str; 6] = [
    "actor",
    "binlog",
    "connections",
    "notifications",
    "proxy",
    "td_requests",
];

/// The reply to a request that needs no client, or None if the request needs one.
pub fn sync_request(r: &Request) -> Option<Result<W, Fail>> {
    let mut w = W::new();
    let result = (|| -> Result<(), Fail> {
        match r.ty.as_str() {
            "setLogVerbosityLevel" => {
                let level = r.int("new_verbosity_level")?;
                if !(0..=1024).contains(&level) {
                    return Err(bad("Wrong new verbosity level specified"));
                }
                crate::log::set_verbosity_level(level as i32);
                w.open("ok");
            }
            "getLogVerbosityLevel" => {
                w.open("logVerbosityLevel");
                w.int("verbosity_level", crate::log::verbosity_level() as i64);
            }
            "getLogStream" => crate::log::write_stream(&mut w),
            "setLogStream" => {
                crate::log::set_stream(r.obj("log_stream")?)?;
                w.open("ok");
            }
            "addLogMessage" => {
                let level = r
                    .int("verbosity_level")?
                    .clamp(i32::MIN as i64, i32::MAX as i64);
                crate::log::add_message(level as i32, &r.str("text")?);
                w.open("ok");
            }
            "setLogTagVerbosityLevel" => w.open("ok"),
            "getLogTags" => {
                w.open("logTags");
                w.arr("tags", LOG_TAGS, |w, t| w.raw_str(t));
            }
            "getLogTagVerbosityLevel" => {
                let tag = r.str("tag")?;
                if !LOG_TAGS.contains(&tag.as_str()) {
                    return Err(bad("Log tag is not found"));
                }
                w.open("logVerbosityLevel");
                w.int("verbosity_level", crate::log::verbosity_level() as i64);
            }
            "getTextEntities" => {
                let text = r.str("text")?;
                w.open("textEntities");
                entities::write_all(&mut w, "entities", &entities::detect(&text));
            }
            "parseTextEntities" => {
                let text = r.str("text")?;
                let parsed = match r.obj("parse_mode")? {
                    Some(("textParseModeMarkdown", m)) => {
                        let version = m.get("version").map_or(Ok(0), req::int_of)?;
                        if version != 2 {
                            return Err(bad(
                                "Only Markdown version 2 is supported by the simulator",
                            ));
                        }
                        entities::parse_markdown(&text)
                    }
                    Some(("textParseModeHTML", _)) => entities::parse_html(&text),
                    _ => return Err(bad("Parse mode must be non-empty")),
                };
                let (plain, found) =
                    parsed.map_err(|e| bad(format!("Can't parse entities: {e}")))?;
                objects::formatted_text_value(&mut w, &plain, &found);
                w.reopen();
            }
            "getMarkdownText" | "parseMarkdown" => {
                let Some((_, ft)) = r.obj("text")? else {
                    return Err(bad("Text must be non-empty"));
                };
                let text = ft
                    .get("text")
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string();
                objects::formatted_text_value(&mut w, &text, &entities::detect(&text));
                w.reopen();
            }
            "testReturnError" => {
                let (code, message) = match r.obj("error")? {
                    Some((_, m)) => (
                        m.get("code").map_or(Ok(0), req::int_of)? as i32,
                        m.get("message")
                            .and_then(|v| v.as_str())
                            .unwrap_or("")
                            .to_string(),
                    ),
                    None => (0, String::new()),
                };
                return Err((code, message));
            }
            _ => return Err((-1, String::new())),
        }
        Ok(())
    })();
    match result {
        Err((-1, _)) => None,
        Err(e) => Some(Err(e)),
        Ok(()) => Some(Ok(w)),
    }
}

/// td_execute: synchronous requests only; everything else is refused as TDLib does.
pub fn execute(raw: &str) -> Option<String> {
    let r = match req::parse(raw) {
        Ok(r) => r,
        Err(((code, message), extra)) => {
            return Some(json::error(code, &message, extra.as_deref(), None));
        }
    };
    let extra = r.extra.as_deref();
    let result = if r.ty == "getOption" {
        get_option_sync(&r)
    } else {
        sync_request(&r).unwrap_or_else(|| Err(bad("The method can't be executed synchronously")))
    };
    Some(match result {
        Ok(w) => w.finish(extra, None),
        Err((code, message)) => json::error(code, &message, extra, None),
    })
}

fn get_option_sync(r: &Request) -> Result<W, Fail> {
    let value = match r.str("name")?.as_str() {
        "version" => crate::auth::VERSION,
        "commit_hash" => crate::auth::COMMIT_HASH,
        _ => return Err(bad("The option can't be get synchronously")),
    };
    let mut w = W::new();
    w.open("optionValueString");
    w.str("value", value);
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exec(s: &str) -> serde_json::Value {
        serde_json::from_str(&execute(s).expect("a reply")).expect("json")
    }

    #[test]
    fn execute_answers_like_tdlib() {
        assert_eq!(
            exec(r#"{"@type":"getOption","name":"version"}"#)["value"],
            "1.8.61"
        );
        assert_eq!(
            exec(r#"{"@type":"getOption","name":"unix_time"}"#)["@type"],
            "error"
        );
        assert_eq!(
            exec(r#"{"@type":"getMe","@extra":7}"#)["message"],
            "The method can't be executed synchronously"
        );
        assert_eq!(exec(r#"{"@type":"getMe","@extra":7}"#)["@extra"], 7);
        assert_eq!(exec("not json")["code"], 400);
        assert_eq!(exec("[]")["message"], "Expected a JSON object");
        assert_eq!(
            exec(r#"{"@type":"nosuch"}"#)["message"],
            "Failed to parse JSON object as TDLib request: Unknown class \"nosuch\""
        );
        let ft = exec(
            r#"{"@type":"parseTextEntities","text":"*bold* x","parse_mode":{"@type":"textParseModeMarkdown","version":2}}"#,
        );
        assert_eq!(ft["@type"], "formattedText");
        assert_eq!(ft["text"], "bold x");
        assert_eq!(ft["entities"][0]["type"]["@type"], "textEntityTypeBold");
        let e =
            exec(r#"{"@type":"testReturnError","error":{"@type":"error","code":5,"message":"x"}}"#);
        assert_eq!(
            (e["code"].as_i64(), e["message"].as_str()),
            (Some(5), Some("x"))
        );
        assert!(
            exec(r#"{"@type":"getOption","name":"version"}"#)
                .get("@client_id")
                .is_none()
        );
    }
}
