//! Reading a tracker's reply: JSON navigation that never panics, and the HTTP statuses every
//! tracker shares (401, 403, 404, 422, 429, 5xx).
//!
//! Each tracker module says where its fields are (JSON pointers) and how it words its
//! validation errors; this module turns missing fields, wrong types and bodies that are not
//! JSON into [`Fault::MalformedReply`].

use serde_json::Value;

use crate::error::Fault;
use crate::http::Reply;

/// Messages collected from one error body at most; the fault keeps fewer.
const MAX_COLLECTED: usize = 20;

pub(crate) fn is_success(reply: &Reply) -> bool {
    (200..300).contains(&reply.status)
}

/// The body as JSON.
pub(crate) fn json(reply: &Reply) -> Result<Value, Fault> {
    serde_json::from_slice(&reply.body).map_err(|e| {
        if reply.body.is_empty() {
            Fault::malformed(format!("HTTP {} with an empty body", reply.status))
        } else {
            Fault::malformed(format!("HTTP {}, not JSON: {e}", reply.status))
        }
    })
}

/// A non-empty string at `pointer`.
pub(crate) fn text_at(v: &Value, pointer: &str) -> Result<String, Fault> {
    match v.pointer(pointer) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(_) => Err(Fault::malformed(format!("{pointer} is not a text"))),
        None => Err(Fault::malformed(format!("no {pointer}"))),
    }
}

/// A string at `pointer`, if there is one.
pub(crate) fn opt_text(v: &Value, pointer: &str) -> Option<String> {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .map(str::to_string)
        .filter(|s| !s.trim().is_empty())
}

/// An identifier written as a number or as a string of digits or letters.
pub(crate) fn id_at(v: &Value, pointer: &str) -> Result<String, Fault> {
    match v.pointer(pointer) {
        Some(Value::Number(n)) if n.is_u64() => Ok(n.to_string()),
        Some(Value::String(s)) if is_token_text(s) => Ok(s.clone()),
        Some(_) => Err(Fault::malformed(format!("{pointer} is not an id"))),
        None => Err(Fault::malformed(format!("no {pointer}"))),
    }
}

/// A positive integer written as a number or as digits.
pub(crate) fn number_at(v: &Value, pointer: &str) -> Result<u64, Fault> {
    match v.pointer(pointer) {
        Some(Value::Number(n)) => n
            .as_u64()
            .ok_or_else(|| Fault::malformed(format!("{pointer} is not a positive number"))),
        Some(Value::String(s)) => s
            .parse()
            .map_err(|_| Fault::malformed(format!("{pointer} is not a number"))),
        Some(_) => Err(Fault::malformed(format!("{pointer} is not a number"))),
        None => Err(Fault::malformed(format!("no {pointer}"))),
    }
}

/// Keys, ids and identifiers: letters, digits and `-_.#/` only, not too long. A key read from
/// a reply ends up in URLs and in a chat message.
pub(crate) fn is_token_text(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '#' | '/'))
}

/// Every string inside `v` (arrays and objects walked in order), `key: value` for object
/// members; at most [`MAX_COLLECTED`].
pub(crate) fn strings(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    collect(v, None, &mut out);
    out
}

fn collect(v: &Value, key: Option<&str>, out: &mut Vec<String>) {
    if out.len() >= MAX_COLLECTED {
        return;
    }
    match v {
        Value::String(s) => out.push(match key {
            Some(k) => format!("{k}: {s}"),
            None => s.clone(),
        }),
        Value::Array(items) => {
            for item in items {
                collect(item, key, out);
            }
        }
        Value::Object(members) => {
            for (k, item) in members {
                collect(item, Some(k), out);
            }
        }
        _ => {}
    }
}

/// The fault for a reply that is not a success. `not_found` is what a 404 means for this call
/// (unknown project, unknown task); `messages` reads the tracker's own error wording.
pub(crate) fn status_fault(
    reply: &Reply,
    not_found: Fault,
    messages: fn(&Value) -> Vec<String>,
) -> Fault {
    let said = || {
        serde_json::from_slice::<Value>(&reply.body)
            .map(|v| messages(&v))
            .unwrap_or_default()
    };
    match reply.status {
        401 => Fault::Unauthorized,
        403 => Fault::Forbidden {
            detail: said().into_iter().next().map(|m| crate::error::bounded(&m)),
        },
        404 | 410 => not_found,
        400 | 409 | 422 => Fault::validation(said()),
        429 => Fault::RateLimited,
        500..=599 => Fault::Server {
            status: reply.status,
        },
        status => Fault::Unexpected { status },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reply(status: u16, body: &str) -> Reply {
        Reply {
            status,
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn fields_of_the_wrong_type_are_malformed_not_panics() {
        let v = json!({"a": 1, "b": "x", "c": [1], "d": "1/2", "e": "a b"});
        assert_eq!(id_at(&v, "/a").unwrap(), "1");
        assert_eq!(id_at(&v, "/b").unwrap(), "x");
        assert_eq!(id_at(&v, "/d").unwrap(), "1/2");
        assert!(id_at(&v, "/c").is_err());
        assert!(id_at(&v, "/e").is_err());
        assert!(text_at(&v, "/a").is_err());
        assert!(text_at(&v, "/zz").is_err());
        assert_eq!(number_at(&json!({"n": "12"}), "/n").unwrap(), 12);
        assert!(number_at(&json!({"n": -1}), "/n").is_err());
        assert!(json(&reply(200, "{")).is_err());
        assert!(json(&reply(200, "")).is_err());
    }

    #[test]
    fn statuses_map_to_faults() {
        let none = |_: &Value| Vec::new();
        let gone = Fault::UnknownProject {
            project: "P".into(),
        };
        assert_eq!(
            status_fault(&reply(401, ""), gone.clone(), none),
            Fault::Unauthorized
        );
        assert_eq!(status_fault(&reply(404, ""), gone.clone(), none), gone);
        assert_eq!(
            status_fault(&reply(429, ""), gone.clone(), none),
            Fault::RateLimited
        );
        assert_eq!(
            status_fault(&reply(503, "<html>"), gone.clone(), none),
            Fault::Server { status: 503 }
        );
        assert_eq!(
            status_fault(
                &reply(422, r#"{"errors":["Subject cannot be blank"]}"#),
                gone,
                strings
            ),
            Fault::Validation {
                messages: vec!["errors: Subject cannot be blank".into()]
            }
        );
    }
}
