//! Join tokens: made from the OS's randomness, compared in constant time (the time a wrong
//! token takes does not say how much of it was right).

/// A new join token: 20 random bytes as 32 characters of Crockford's base32 (no I, L, O, U:
/// easy to read out to a trainee), 100 bits of entropy.
pub fn new_token() -> Result<String, getrandom::Error> {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes)?;
    // 20 bytes = 160 bits = 32 five-bit groups.
    let mut out = String::with_capacity(32);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
        }
    }
    Ok(out)
}

/// Whether `given` equals `expected`, in time that depends only on their lengths.
pub fn matches(expected: &[u8], given: &[u8]) -> bool {
    // Every byte of the longer one is looked at; the lengths' difference is folded in.
    let n = expected.len().max(given.len());
    let mut diff = (expected.len() ^ given.len()) as u64;
    for i in 0..n {
        let a = expected.get(i).copied().unwrap_or(0);
        let b = given.get(i).copied().unwrap_or(0);
        diff |= u64::from(a ^ b);
    }
    std::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_distinct_and_readable() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        );
        assert!(!a.contains(['I', 'L', 'O', 'U']));
    }

    #[test]
    fn only_the_same_bytes_match() {
        assert!(matches(b"secret", b"secret"));
        assert!(!matches(b"secret", b"secreT"));
        assert!(!matches(b"secret", b"secret\0"));
        assert!(!matches(b"secret", b""));
        assert!(!matches(b"", b"x"));
        assert!(matches(b"", b""));
    }
}
