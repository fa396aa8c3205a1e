//! A colleague in `[duty_group] staff`: either a name ("Lena Lead") or a table with the
//! name, the phone number they log in with, their custom title and whether they administer
//! the duty group. Old scenarios (names only) keep working with deterministic defaults.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

#[derive(Clone, Debug, PartialEq)]
pub struct Colleague {
    /// "First Last".
    pub name: String,
    /// The phone number this colleague logs in with (default: +1 555 000 000N, N = position).
    pub phone: Option<String>,
    /// Custom title in the duty group ("Team lead").
    pub title: String,
    /// Administrator of the duty group (default: `duty_group.staff_are_admins`).
    pub admin: Option<bool>,
    /// Their roles in the team settings (`lead`, `account_manager`, …), when the scenario
    /// publishes them (`duty_group.team_settings`).
    pub roles: Vec<String>,
}

impl Colleague {
    pub fn named(name: &str) -> Colleague {
        Colleague {
            name: name.to_string(),
            phone: None,
            title: String::new(),
            admin: None,
            roles: Vec::new(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    name: String,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    admin: Option<bool>,
    #[serde(default)]
    roles: Vec<String>,
}

impl<'de> Deserialize<'de> for Colleague {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = Colleague;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a name \"First Last\" or a table { name, phone, title, admin, roles }")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Colleague, E> {
                Ok(Colleague::named(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Colleague, A::Error> {
                let t = Table::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Colleague {
                    name: t.name,
                    phone: t.phone,
                    title: t.title,
                    admin: t.admin,
                    roles: t.roles,
                })
            }
        }
        d.deserialize_any(Either)
    }
}
