//! Reading one HTTP/1.1 request from a socket, and `application/x-www-form-urlencoded`
//! text. Both read outside text (a browser's, a client's): bounded sizes, never a panic.

use std::io::{BufRead, BufReader, Read};

/// The longest request head read, and the largest body.
const HEAD_LIMIT: usize = 64 * 1024;
const BODY_LIMIT: usize = 1 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: String,
    /// Without the query.
    pub path: String,
    /// After `?`, still encoded; empty without one.
    pub query: String,
    /// Names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One request, or what is wrong with it.
pub fn read_request(stream: impl Read) -> Result<HttpRequest, String> {
    let mut reader = BufReader::new(stream.take((HEAD_LIMIT + BODY_LIMIT) as u64));
    let mut head_len = 0;
    let mut line = String::new();
    let mut next_line = |reader: &mut BufReader<_>, line: &mut String| -> Result<(), String> {
        line.clear();
        let n = reader
            .read_line(line)
            .map_err(|e| format!("unreadable request: {e}"))?;
        head_len += n;
        if n == 0 || head_len > HEAD_LIMIT {
            return Err("incomplete or oversized request head".into());
        }
        Ok(())
    };
    next_line(&mut reader, &mut line)?;
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(_version)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err("not an HTTP request line".into());
    };
    let (method, target) = (method.to_string(), target.to_string());
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (target, String::new()),
    };
    let mut headers = Vec::new();
    loop {
        next_line(&mut reader, &mut line)?;
        let l = line.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            break;
        }
        if let Some((name, value)) = l.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map(|(_, v)| v.parse::<usize>())
        .transpose()
        .map_err(|_| "Content-Length is not a number".to_string())?
        .unwrap_or(0);
    if length > BODY_LIMIT {
        return Err("request body too large".into());
    }
    let mut body = vec![0; length];
    reader
        .read_exact(&mut body)
        .map_err(|e| format!("incomplete body: {e}"))?;
    Ok(HttpRequest {
        method,
        path,
        query,
        headers,
        body,
    })
}

/// `a=1&b=x+y%21` → `[("a", "1"), ("b", "x y!")]`; bad escapes are kept as written, bytes
/// that are not UTF-8 replaced.
pub fn decode_form(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (escaped, bytes[i]) {
            (Some(byte), _) => {
                out.push(byte);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, b) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn forms_decode_as_browsers_encode() {
        assert_eq!(
            decode_form("issue%5Bsubject%5D=Mail+is+down%21&x=%D0%AF&bad=%zz%4&empty"),
            [
                ("issue[subject]".to_string(), "Mail is down!".to_string()),
                ("x".into(), "Я".into()),
                ("bad".into(), "%zz%4".into()),
                ("empty".into(), String::new()),
            ]
        );
    }

    #[test]
    fn a_request_is_read_with_its_query_headers_and_body() {
        let raw = "POST /issues.json?a=1 HTTP/1.1\r\nX-Redmine-API-Key: k\r\nContent-Length: 4\r\n\r\nbody";
        let r = read_request(raw.as_bytes()).unwrap();
        assert_eq!(
            (r.method.as_str(), r.path.as_str(), r.query.as_str()),
            ("POST", "/issues.json", "a=1")
        );
        assert_eq!(r.header("x-redmine-api-key"), Some("k"));
        assert_eq!(r.body, b"body");
        assert!(read_request("GET /\r\n\r\n".as_bytes()).is_err());
        assert!(
            read_request("GET / HTTP/1.1\r\nContent-Length: 9\r\n\r\nshort".as_bytes()).is_err()
        );
        assert!(read_request("GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n".as_bytes()).is_err());
    }

    proptest! {
        #[test]
        fn any_bytes_are_a_request_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = read_request(bytes.as_slice());
        }

        #[test]
        fn any_form_text_decodes_and_encoded_values_come_back(text in ".{0,200}", value in ".{0,80}") {
            let _ = decode_form(&text);
            let encoded: String = value.bytes().map(|b| format!("%{b:02X}")).collect();
            prop_assert_eq!(decode_form(&format!("v={encoded}")), vec![("v".to_string(), value)]);
        }
    }
}
