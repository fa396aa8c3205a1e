//! Reading TDLib requests. Like TDLib, a missing field takes its default and a field of the
//! wrong JSON type is an error; int53/int64 are accepted as numbers or strings.

use serde_json::{Map, Value};

pub const PARSE_PREFIX: &str = "Failed to parse JSON object as TDLib request: ";

pub struct Request {
    pub ty: String,
    pub extra: Option<String>,
    pub fields: Map<String, Value>,
}

/// An object field: its "@type" and its fields.
pub type Obj<'a> = (&'a str, &'a Map<String, Value>);

/// A request's failure as TDLib reports it: code and message.
pub type Fail = (i32, String);

pub fn bad(message: impl Into<String>) -> Fail {
    (400, message.into())
}

/// Parses a raw request. On failure returns the error and the @extra if it could be read.
pub fn parse(raw: &str) -> Result<Request, (Fail, Option<String>)> {
    let value: Value = serde_json::from_str(raw).map_err(|e| {
        (
            bad(format!("Failed to parse request as JSON object: {e}")),
            None,
        )
    })?;
    let Value::Object(mut fields) = value else {
        return Err((bad("Expected a JSON object"), None));
    };
    let extra = fields.remove("@extra").map(|v| v.to_string());
    fields.remove("@client_id");
    let ty = match fields.remove("@type") {
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err((
                bad(format!(
                    "{PARSE_PREFIX}Expected String, but receive {}",
                    kind(&other)
                )),
                extra,
            ));
        }
        None => {
            return Err((
                bad(format!("{PARSE_PREFIX}Can't find field \"@type\"")),
                extra,
            ));
        }
    };
    if !is_function(&ty) {
        return Err((bad(format!("{PARSE_PREFIX}Unknown class \"{ty}\"")), extra));
    }
    Ok(Request { ty, extra, fields })
}

static FUNCTIONS: &str = include_str!("functions.txt");

/// Whether `name` is a function of TDLib 1.8.61's schema (the list is sorted).
pub fn is_function(name: &str) -> bool {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| FUNCTIONS.lines().collect());
    names.binary_search(&name).is_ok()
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "Null",
        Value::Bool(_) => "Boolean",
        Value::Number(_) => "Number",
        Value::String(_) => "String",
        Value::Array(_) => "Array",
        Value::Object(_) => "Object",
    }
}

fn mismatch(expected: &str, got: &Value) -> Fail {
    bad(format!(
        "{PARSE_PREFIX}Expected {expected}, but receive {}",
        kind(got)
    ))
}

/// A string field of an object (missing or null: empty, as TDLib's defaults).
pub fn str_of(v: Option<&Value>) -> Result<String, Fail> {
    match v {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(v) => Err(mismatch("String", v)),
    }
}

/// A boolean field of an object (missing or null: false).
pub fn bool_of(v: Option<&Value>) -> Result<bool, Fail> {
    match v {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(v) => Err(mismatch("Boolean", v)),
    }
}

pub fn int_of(v: &Value) -> Result<i64, Fail> {
    match v {
        Value::Null => Ok(0),
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .ok_or_else(|| mismatch("Number", v)),
        Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| bad(format!("{PARSE_PREFIX}Can't parse \"{s}\" as number"))),
        _ => Err(mismatch("Number", v)),
    }
}

impl Request {
    pub fn get(&self, k: &str) -> Option<&Value> {
        self.fields.get(k).filter(|v| !v.is_null())
    }

    pub fn int(&self, k: &str) -> Result<i64, Fail> {
        self.get(k).map_or(Ok(0), int_of)
    }

    pub fn str(&self, k: &str) -> Result<String, Fail> {
        str_of(self.get(k))
    }

    pub fn bool(&self, k: &str) -> Result<bool, Fail> {
        bool_of(self.get(k))
    }

    pub fn ints(&self, k: &str) -> Result<Vec<i64>, Fail> {
        match self.get(k) {
            None => Ok(Vec::new()),
            Some(Value::Array(a)) => a.iter().map(int_of).collect(),
            Some(v) => Err(mismatch("Array", v)),
        }
    }

    /// An object field: its "@type" and fields (None when absent or null).
    pub fn obj(&self, k: &str) -> Result<Option<Obj<'_>>, Fail> {
        obj_of(self.get(k))
    }
}

pub fn obj_of(v: Option<&Value>) -> Result<Option<Obj<'_>>, Fail> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(m)) => {
            let ty = m.get("@type").and_then(Value::as_str).unwrap_or("");
            Ok(Some((ty, m)))
        }
        Some(v) => Err(mismatch("Object", v)),
    }
}

/// The chat list of a request (None = main list; Some(id) = a folder; Err for archive & co.).
pub fn chat_list(v: Option<Obj<'_>>) -> Result<Option<Option<i32>>, Fail> {
    match v {
        None | Some(("chatListMain", _)) => Ok(Some(None)),
        Some(("chatListFolder", m)) => {
            let id = m.get("chat_folder_id").map_or(Ok(0), int_of)?;
            Ok(Some(Some(id as i32)))
        }
        Some(("chatListArchive", _)) => Ok(None),
        Some((ty, _)) => Err(bad(format!("{PARSE_PREFIX}Unknown class \"{ty}\""))),
    }
}

/// The text of an inputMessageText (the only content a duty admin sends from DutyDesk) or a
/// caption of other input content.
pub fn input_text(content: Option<Obj<'_>>) -> Result<String, Fail> {
    let Some((ty, m)) = content else {
        return Err(bad("Message content must be non-empty"));
    };
    let key = if ty == "inputMessageText" {
        "text"
    } else {
        "caption"
    };
    let text = match obj_of(m.get(key))? {
        Some((_, ft)) => match ft.get("text") {
            Some(Value::String(s)) => s.clone(),
            None | Some(Value::Null) => String::new(),
            Some(v) => return Err(mismatch("String", v)),
        },
        None => String::new(),
    };
    if ty == "inputMessageText" && text.trim().is_empty() {
        return Err(bad("Message text is empty"));
    }
    Ok(text)
}
