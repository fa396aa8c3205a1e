//! Who the Telegram behind the backend offers to log in as: on a simulated team floor, the
//! team members nobody is logged in as yet, and the simulator's login code. A real TDLib
//! offers nobody (it answers the request with an error), so the login screen shows the list
//! only where there is one, without knowing why.
//!
//! The request is the simulator's own synchronous one (`tdsimGetTeam`, through td_execute);
//! its answer is outside text, read here and nowhere else: anything unexpected is "no
//! offer", never a panic.

use serde_json::Value;

/// A team member free to log in as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferedLogin {
    pub name: String,
    /// What to type on the phone step.
    pub phone: String,
    /// Their custom title in the duty group ("Team lead"), or empty.
    pub title: String,
    pub is_lead: bool,
}

/// What the backend offers; `Default` is nothing (a real TDLib).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Offer {
    /// The backend answered the request at all: the list may change, ask again later.
    pub answered: bool,
    pub free: Vec<OfferedLogin>,
    /// The login code the simulator accepts.
    pub code: Option<String>,
}

/// Asks the backend (blocking: on a floor this is a round trip to the server).
pub fn offered_logins() -> Offer {
    match super::execute(r#"{"@type":"tdsimGetTeam"}"#) {
        Some(reply) => parse(&reply),
        None => Offer::default(),
    }
}

/// Reads the answer: `tdsimTeam` with `members` (name, phone, title, is_lead, is_free) and
/// `login_code`; anything else offers nothing.
pub fn parse(reply: &str) -> Offer {
    let Ok(v) = serde_json::from_str::<Value>(reply) else {
        return Offer::default();
    };
    if v.get("@type").and_then(Value::as_str) != Some("tdsimTeam") {
        return Offer::default();
    }
    let text = |m: &Value, key: &str| m.get(key).and_then(Value::as_str).unwrap_or("").to_string();
    let free = v
        .get("members")
        .and_then(Value::as_array)
        .map(|members| {
            members
                .iter()
                .filter(|m| m.get("is_free").and_then(Value::as_bool) == Some(true))
                .map(|m| OfferedLogin {
                    name: text(m, "name"),
                    phone: text(m, "phone"),
                    title: text(m, "title"),
                    is_lead: m.get("is_lead").and_then(Value::as_bool) == Some(true),
                })
                .filter(|m| !m.phone.is_empty())
                .take(64)
                .collect()
        })
        .unwrap_or_default();
    Offer {
        answered: true,
        free,
        code: v
            .get("login_code")
            .and_then(Value::as_str)
            .filter(|c| !c.is_empty() && c.len() <= 16)
            .map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_floor_offers_its_free_members_and_its_code() {
        let offer = parse(
            r#"{"@type":"tdsimTeam","login_code":"22222","members":[
                {"@type":"tdsimTeamMember","name":"Lena Lead","phone":"+15550000001","title":"Team lead","is_lead":true,"is_free":false},
                {"@type":"tdsimTeamMember","name":"Sam Support","phone":"+15550000002","title":"","is_lead":false,"is_free":true},
                {"name":"No Phone","is_free":true}]}"#,
        );
        assert!(offer.answered);
        assert_eq!(offer.code.as_deref(), Some("22222"));
        assert_eq!(
            offer.free,
            vec![OfferedLogin {
                name: "Sam Support".into(),
                phone: "+15550000002".into(),
                title: String::new(),
                is_lead: false,
            }]
        );
    }

    #[test]
    fn tdlib_s_error_and_nonsense_offer_nothing() {
        let error = r#"{"@type":"error","code":400,"message":"Unknown class \"tdsimGetTeam\""}"#;
        assert_eq!(parse(error), Offer::default());
        assert_eq!(parse("not json"), Offer::default());
        assert_eq!(parse(r#"{"@type":"tdsimTeam","members":7}"#).free, vec![]);
    }

    proptest! {
        #[test]
        fn any_text_never_panics(text in ".{0,300}") {
            let _ = parse(&text);
        }

        #[test]
        fn any_member_fields_never_panic(
            name in proptest::option::of(".{0,20}"),
            free in proptest::option::of(any::<bool>()),
            phone in proptest::option::of("[+0-9]{0,14}"),
        ) {
            let member = serde_json::json!({"name": name, "is_free": free, "phone": phone});
            let reply = serde_json::json!({"@type": "tdsimTeam", "members": [member]}).to_string();
            let offer = parse(&reply);
            prop_assert!(offer.free.len() <= 1);
        }
    }
}
