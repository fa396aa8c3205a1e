//! A small append-only JSON writer for TDLib objects. The storm benchmark serializes hundreds of
//! thousands of messages per second; building serde_json::Value trees would dominate that.
//! Every TDLib object starts with "@type", so a field always follows a comma.

use std::fmt::Write as _;

#[derive(Default)]
pub struct W {
    pub buf: String,
}

impl W {
    pub fn new() -> Self {
        W {
            buf: String::with_capacity(256),
        }
    }

    /// Starts an object: `{"@type":"ty"`.
    #[inline]
    pub fn open(&mut self, ty: &str) {
        self.buf.push_str("{\"@type\":\"");
        self.buf.push_str(ty);
        self.buf.push('"');
    }

    #[inline]
    pub fn close(&mut self) {
        self.buf.push('}');
    }

    /// Reopens a just-closed top-level object so `finish` can add the envelope fields.
    pub fn reopen(&mut self) {
        if self.buf.ends_with('}') {
            self.buf.pop();
        }
    }

    #[inline]
    pub fn key(&mut self, k: &str) {
        self.buf.push_str(",\"");
        self.buf.push_str(k);
        self.buf.push_str("\":");
    }

    #[inline]
    pub fn raw_int(&mut self, v: i64) {
        let _ = write!(self.buf, "{v}");
    }

    /// int32 / int53 fields are JSON numbers.
    #[inline]
    pub fn int(&mut self, k: &str, v: i64) {
        self.key(k);
        self.raw_int(v);
    }

    /// int64 fields are JSON strings in TDLib.
    #[inline]
    pub fn long(&mut self, k: &str, v: i64) {
        self.key(k);
        self.buf.push('"');
        self.raw_int(v);
        self.buf.push('"');
    }

    #[inline]
    pub fn bool(&mut self, k: &str, v: bool) {
        self.key(k);
        self.buf.push_str(if v { "true" } else { "false" });
    }

    pub fn f64(&mut self, k: &str, v: f64) {
        self.key(k);
        if v.is_finite() {
            if v.fract() == 0.0 && v.abs() < 1e15 {
                let _ = write!(self.buf, "{}.0", v as i64);
            } else {
                let _ = write!(self.buf, "{v}");
            }
        } else {
            self.buf.push_str("0.0");
        }
    }

    #[inline]
    pub fn str(&mut self, k: &str, v: &str) {
        self.key(k);
        self.raw_str(v);
    }

    pub fn raw_str(&mut self, v: &str) {
        self.buf.push('"');
        escape_into(&mut self.buf, v);
        self.buf.push('"');
    }

    /// A field holding an object with no fields of its own, e.g. `chatListMain`.
    #[inline]
    pub fn unit(&mut self, k: &str, ty: &str) {
        self.key(k);
        self.open(ty);
        self.close();
    }

    /// A field holding an object written by `f` (which adds the fields after `@type`).
    #[inline]
    pub fn obj(&mut self, k: &str, ty: &str, f: impl FnOnce(&mut W)) {
        self.key(k);
        self.open(ty);
        f(self);
        self.close();
    }

    /// A field holding an array; `f` writes one complete element per item.
    pub fn arr<T>(
        &mut self,
        k: &str,
        items: impl IntoIterator<Item = T>,
        mut f: impl FnMut(&mut W, T),
    ) {
        self.key(k);
        self.buf.push('[');
        let mut first = true;
        for item in items {
            if !first {
                self.buf.push(',');
            }
            first = false;
            f(self, item);
        }
        self.buf.push(']');
    }

    pub fn ints(&mut self, k: &str, items: &[i64]) {
        self.arr(k, items.iter(), |w, v| w.raw_int(*v));
    }

    pub fn empty_arr(&mut self, k: &str) {
        self.key(k);
        self.buf.push_str("[]");
    }

    /// Ends a top-level object with the envelope fields TDLib adds.
    pub fn finish(mut self, extra: Option<&str>, client_id: Option<i32>) -> String {
        if let Some(extra) = extra {
            self.key("@extra");
            self.buf.push_str(extra);
        }
        if let Some(id) = client_id {
            self.int("@client_id", id as i64);
        }
        self.close();
        self.buf
    }
}

pub fn escape_into(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            let _ = write!(out, "\\u{:04x}", b);
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// Writes a complete error object, the reply TDLib gives to a failed request.
pub fn error(code: i32, message: &str, extra: Option<&str>, client_id: Option<i32>) -> String {
    let mut w = W::new();
    w.open("error");
    w.int("code", code as i64);
    w.str("message", message);
    w.finish(extra, client_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_valid_json_with_escapes() {
        let mut w = W::new();
        w.open("x");
        w.str("s", "a\"b\\c\nd\u{1}é");
        w.long("l", -5);
        w.int("i", 7);
        w.f64("d", 2.0);
        w.arr("a", [1, 2], |w, v| w.raw_int(v));
        w.unit("u", "chatListMain");
        let s = w.finish(Some("\"e\""), Some(3));
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["s"], "a\"b\\c\nd\u{1}é");
        assert_eq!(v["l"], "-5");
        assert_eq!(v["i"], 7);
        assert_eq!(v["d"], 2.0);
        assert_eq!(v["a"][1], 2);
        assert_eq!(v["u"]["@type"], "chatListMain");
        assert_eq!(v["@extra"], "e");
        assert_eq!(v["@client_id"], 3);
    }
}
