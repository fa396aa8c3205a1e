//! MTProto proxy secrets as TDLib reads them: hex or base64url; 16 bytes (plain), 17 bytes
//! starting 0xdd (padded), or 0xee + 16 bytes + a domain (fake TLS). TDLib stores fake-TLS
//! secrets as base64url and the others as lowercase hex.

/// The stored form of a secret, or TDLib's refusal: "Wrong proxy secret" for what is no
/// secret at all, "Unsupported proxy secret" for 16 bytes or more of an unknown kind.
pub fn normalize(secret: &str) -> Result<String, &'static str> {
    const WRONG: &str = "Wrong proxy secret";
    let bytes = hex_decode(secret)
        .or_else(|| base64_decode(secret))
        .filter(|b| b.len() >= 16)
        .ok_or(WRONG)?;
    let tls = bytes.len() >= 18 && bytes[0] == 0xee && bytes.len() <= 17 + 255;
    if !(bytes.len() == 16 || (bytes.len() == 17 && bytes[0] == 0xdd) || tls) {
        return Err("Unsupported proxy secret");
    }
    Ok(if tls {
        base64url_encode(&bytes)
    } else {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    })
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if s.is_empty() || !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

fn sextet(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' | b'+' => 62,
        b'_' | b'/' => 63,
        _ => return None,
    } as u32)
}

/// base64 or base64url, padded or not.
fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    if s.is_empty() || s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for chunk in s.as_bytes().chunks(4) {
        let mut acc = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            acc |= sextet(c)? << (18 - 6 * i);
        }
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

fn base64url_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let mut acc = 0u32;
        for (i, &b) in chunk.iter().enumerate() {
            acc |= (b as u32) << (16 - 8 * i);
        }
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((acc >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_stored_as_tdlib_stores_them() {
        let plain = "0123456789abcdef0123456789abcdef";
        assert_eq!(normalize(plain).as_deref(), Ok(plain));
        let upper = normalize(&plain.to_uppercase());
        assert_eq!(upper.as_deref(), Ok(plain), "hex is lowercased");
        let dd = format!("dd{plain}");
        assert_eq!(normalize(&dd), Ok(dd.clone()));
        let tls = format!("ee{plain}676f6f676c652e636f6d");
        let stored = normalize(&tls).expect("fake TLS");
        assert_eq!(stored, "7gEjRWeJq83vASNFZ4mrze9nb29nbGUuY29t");
        assert_eq!(normalize(&stored).as_deref(), Ok(stored.as_str()));
        for bad in ["", "zz", "0123456789abcdef"] {
            assert_eq!(normalize(bad), Err("Wrong proxy secret"), "{bad}");
        }
        let unknown = normalize(&format!("ee{plain}"));
        assert_eq!(unknown, Err("Unsupported proxy secret"));
    }
}
