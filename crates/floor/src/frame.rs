//! The wire protocol: frames over TCP, each `length: u32` (big-endian, the bytes after it),
//! `kind: u8`, then the kind's fields. Integers are big-endian; text is UTF-8 and runs to the
//! frame's end unless a length precedes it.
//!
//! | kind | name | direction | fields |
//! |---|---|---|---|
//! | 1 | Hello | client → server | magic `DDFLOOR\0`, version u16, token (u16 length + UTF-8), name (u16 length + UTF-8) |
//! | 2 | Welcome | server → client | version u16, world info (JSON) |
//! | 3 | Refused | server → client | reason (text); the server closes after it |
//! | 4 | Create | client → server | tag u32 |
//! | 5 | Created | server → client | tag u32, client id i32 (negative: refused) |
//! | 6 | Send | client → server | client id i32, td_json request (text) |
//! | 7 | Object | server → client | client id i32, td_json object (text) |
//! | 8 | Execute | client → server | tag u32, td_json request (text) |
//! | 9 | Executed | server → client | tag u32, reply (text; empty = none) |
//! | 10 | Ping | both | nonce u64 |
//! | 11 | Pong | both | nonce u64 |
//!
//! Reading checks the length against the reader's limit before allocating, so a frame costs
//! at most the limit; a length of 0 or past the limit, a truncated frame, an unknown kind,
//! fields that do not fill the frame exactly, bad UTF-8 or a bad magic are errors, never a
//! panic. Whoever reads closes the connection on any error and says why.

use std::fmt;
use std::io::{self, Read, Write};

/// The protocol version both sides write in Hello and Welcome.
pub const PROTOCOL_VERSION: u16 = 1;
/// What opens every Hello.
pub const MAGIC: &[u8; 8] = b"DDFLOOR\0";
/// The largest frame a server reads from a client: td_json requests are small.
pub const MAX_CLIENT_FRAME: usize = 1 << 20;
/// The largest frame a client reads from a server: a reply may list thousands of chats.
pub const MAX_SERVER_FRAME: usize = 16 << 20;
/// A Hello is small; a connection that has not said who it is gets no more than this.
pub const MAX_HELLO_FRAME: usize = 4096;
/// The longest join token and client name accepted in a Hello.
pub const MAX_TOKEN: usize = 256;
pub const MAX_NAME: usize = 128;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Frame {
    Hello {
        version: u16,
        token: String,
        /// Who is connecting ("dutydesk 0.1.0", "tdjson"), for the server's terminal.
        name: String,
    },
    Welcome {
        version: u16,
        /// The world in JSON: scenario, login code.
        info: String,
    },
    Refused {
        reason: String,
    },
    Create {
        tag: u32,
    },
    Created {
        tag: u32,
        client_id: i32,
    },
    Send {
        client_id: i32,
        json: String,
    },
    Object {
        client_id: i32,
        json: String,
    },
    Execute {
        tag: u32,
        json: String,
    },
    Executed {
        tag: u32,
        json: Option<String>,
    },
    Ping(u64),
    Pong(u64),
}

/// Why a frame could not be read.
#[derive(Debug)]
pub enum FrameError {
    /// The peer closed the connection between frames.
    Closed,
    /// The connection ended (or timed out) inside a frame: `got` of `expected` bytes.
    Truncated {
        expected: usize,
        got: usize,
    },
    /// The length field says more than this reader accepts.
    Oversized {
        length: usize,
        limit: usize,
    },
    /// A frame of length 0 (no kind).
    Empty,
    UnknownKind(u8),
    /// The kind's fields do not fit the frame (`what` names the field).
    Malformed {
        kind: u8,
        what: &'static str,
    },
    /// The socket failed (a read timeout included) between frames.
    Io(io::Error),
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameError::Closed => write!(f, "the connection was closed"),
            FrameError::Truncated { expected, got } => {
                write!(f, "truncated frame: {got} of {expected} bytes arrived")
            }
            FrameError::Oversized { length, limit } => {
                write!(f, "oversized frame: {length} bytes, the limit is {limit}")
            }
            FrameError::Empty => write!(f, "malformed frame: length 0"),
            FrameError::UnknownKind(k) => write!(f, "malformed frame: unknown kind {k}"),
            FrameError::Malformed { kind, what } => {
                write!(f, "malformed frame of kind {kind}: {what}")
            }
            FrameError::Io(e) => write!(f, "connection error: {e}"),
        }
    }
}

impl std::error::Error for FrameError {}

const HELLO: u8 = 1;
const WELCOME: u8 = 2;
const REFUSED: u8 = 3;
const CREATE: u8 = 4;
const CREATED: u8 = 5;
const SEND: u8 = 6;
const OBJECT: u8 = 7;
const EXECUTE: u8 = 8;
const EXECUTED: u8 = 9;
const PING: u8 = 10;
const PONG: u8 = 11;

impl Frame {
    /// The frame's bytes, length prefix included.
    pub fn encode(&self) -> Vec<u8> {
        let mut b = vec![0, 0, 0, 0];
        match self {
            Frame::Hello {
                version,
                token,
                name,
            } => {
                b.push(HELLO);
                b.extend_from_slice(MAGIC);
                b.extend_from_slice(&version.to_be_bytes());
                short_text(&mut b, token);
                short_text(&mut b, name);
            }
            Frame::Welcome { version, info } => {
                b.push(WELCOME);
                b.extend_from_slice(&version.to_be_bytes());
                b.extend_from_slice(info.as_bytes());
            }
            Frame::Refused { reason } => {
                b.push(REFUSED);
                b.extend_from_slice(reason.as_bytes());
            }
            Frame::Create { tag } => {
                b.push(CREATE);
                b.extend_from_slice(&tag.to_be_bytes());
            }
            Frame::Created { tag, client_id } => {
                b.push(CREATED);
                b.extend_from_slice(&tag.to_be_bytes());
                b.extend_from_slice(&client_id.to_be_bytes());
            }
            Frame::Send { client_id, json } | Frame::Object { client_id, json } => {
                b.push(if matches!(self, Frame::Send { .. }) {
                    SEND
                } else {
                    OBJECT
                });
                b.extend_from_slice(&client_id.to_be_bytes());
                b.extend_from_slice(json.as_bytes());
            }
            Frame::Execute { tag, json } => {
                b.push(EXECUTE);
                b.extend_from_slice(&tag.to_be_bytes());
                b.extend_from_slice(json.as_bytes());
            }
            Frame::Executed { tag, json } => {
                b.push(EXECUTED);
                b.extend_from_slice(&tag.to_be_bytes());
                b.extend_from_slice(json.as_deref().unwrap_or("").as_bytes());
            }
            Frame::Ping(n) | Frame::Pong(n) => {
                b.push(if matches!(self, Frame::Ping(_)) {
                    PING
                } else {
                    PONG
                });
                b.extend_from_slice(&n.to_be_bytes());
            }
        }
        let len = (b.len() - 4) as u32;
        b[..4].copy_from_slice(&len.to_be_bytes());
        b
    }

    /// Writes the frame (the caller flushes).
    pub fn write_to(&self, w: &mut impl Write) -> io::Result<()> {
        w.write_all(&self.encode())
    }

    /// Parses one frame's body (kind and fields, without the length prefix).
    pub fn parse(body: &[u8]) -> Result<Frame, FrameError> {
        let (&kind, rest) = body.split_first().ok_or(FrameError::Empty)?;
        let mut f = Fields { kind, rest };
        let frame = match kind {
            HELLO => {
                if f.take(MAGIC.len(), "magic")? != MAGIC {
                    return Err(f.bad("magic"));
                }
                let version = f.u16("version")?;
                let token = f.short_text(MAX_TOKEN, "token")?;
                let name = f.short_text(MAX_NAME, "name")?;
                Frame::Hello {
                    version,
                    token,
                    name,
                }
            }
            WELCOME => Frame::Welcome {
                version: f.u16("version")?,
                info: f.text("world info")?,
            },
            REFUSED => Frame::Refused {
                reason: f.text("reason")?,
            },
            CREATE => Frame::Create { tag: f.u32("tag")? },
            CREATED => Frame::Created {
                tag: f.u32("tag")?,
                client_id: f.u32("client id")? as i32,
            },
            SEND => Frame::Send {
                client_id: f.u32("client id")? as i32,
                json: f.text("request")?,
            },
            OBJECT => Frame::Object {
                client_id: f.u32("client id")? as i32,
                json: f.text("object")?,
            },
            EXECUTE => Frame::Execute {
                tag: f.u32("tag")?,
                json: f.text("request")?,
            },
            EXECUTED => {
                let tag = f.u32("tag")?;
                let json = f.text("reply")?;
                Frame::Executed {
                    tag,
                    json: (!json.is_empty()).then_some(json),
                }
            }
            PING => Frame::Ping(f.u64("nonce")?),
            PONG => Frame::Pong(f.u64("nonce")?),
            other => return Err(FrameError::UnknownKind(other)),
        };
        if !f.rest.is_empty() {
            return Err(f.bad("bytes after the last field"));
        }
        Ok(frame)
    }
}

fn short_text(b: &mut Vec<u8>, s: &str) {
    // Callers keep tokens and names short; a longer one is cut to what the field holds.
    let bytes = &s.as_bytes()[..s.len().min(u16::MAX as usize)];
    b.extend_from_slice(&(bytes.len() as u16).to_be_bytes());
    b.extend_from_slice(bytes);
}

/// The fields of one frame body, read front to back.
struct Fields<'a> {
    kind: u8,
    rest: &'a [u8],
}

impl<'a> Fields<'a> {
    fn bad(&self, what: &'static str) -> FrameError {
        FrameError::Malformed {
            kind: self.kind,
            what,
        }
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], FrameError> {
        if self.rest.len() < n {
            return Err(self.bad(what));
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], FrameError> {
        let bytes = self.take(N, what)?;
        let mut a = [0; N];
        a.copy_from_slice(bytes);
        Ok(a)
    }

    fn u16(&mut self, what: &'static str) -> Result<u16, FrameError> {
        Ok(u16::from_be_bytes(self.array(what)?))
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, FrameError> {
        Ok(u32::from_be_bytes(self.array(what)?))
    }

    fn u64(&mut self, what: &'static str) -> Result<u64, FrameError> {
        Ok(u64::from_be_bytes(self.array(what)?))
    }

    fn utf8(&self, bytes: &[u8], what: &'static str) -> Result<String, FrameError> {
        std::str::from_utf8(bytes)
            .map(str::to_string)
            .map_err(|_| self.bad(what))
    }

    /// A u16 length, then that much UTF-8 (at most `max` bytes).
    fn short_text(&mut self, max: usize, what: &'static str) -> Result<String, FrameError> {
        let len = self.u16(what)? as usize;
        if len > max {
            return Err(self.bad(what));
        }
        let bytes = self.take(len, what)?;
        self.utf8(bytes, what)
    }

    /// UTF-8 to the end of the frame.
    fn text(&mut self, what: &'static str) -> Result<String, FrameError> {
        let bytes = std::mem::take(&mut self.rest);
        self.utf8(bytes, what)
    }
}

/// Writes an Object frame straight from the JSON (no intermediate buffer: the server writes
/// hundreds of thousands a second).
pub fn write_object(w: &mut impl Write, client_id: i32, json: &str) -> io::Result<()> {
    let len = (1 + 4 + json.len()) as u32;
    let mut head = [0u8; 9];
    head[..4].copy_from_slice(&len.to_be_bytes());
    head[4] = OBJECT;
    head[5..].copy_from_slice(&client_id.to_be_bytes());
    w.write_all(&head)?;
    w.write_all(json.as_bytes())
}

/// Reads one frame of at most `limit` bytes (after the length field). Blocks; a read
/// timeout set on the socket ends it with `Io` (between frames) or `Truncated` (inside one).
pub fn read_frame(r: &mut impl Read, limit: usize) -> Result<Frame, FrameError> {
    let mut len = [0u8; 4];
    let got = fill(r, &mut len)?;
    if got == 0 {
        return Err(FrameError::Closed);
    }
    if got < 4 {
        return Err(FrameError::Truncated { expected: 4, got });
    }
    let length = u32::from_be_bytes(len) as usize;
    if length == 0 {
        return Err(FrameError::Empty);
    }
    if length > limit {
        return Err(FrameError::Oversized { length, limit });
    }
    // Checked against the limit above: this is the only allocation a frame costs, besides
    // the text copied out of it.
    let mut body = vec![0u8; length];
    let got = fill(r, &mut body).map_err(|e| match e {
        FrameError::Io(_) => FrameError::Truncated {
            expected: length,
            got: 0,
        },
        other => other,
    })?;
    if got < length {
        return Err(FrameError::Truncated {
            expected: length,
            got,
        });
    }
    Frame::parse(&body)
}

/// Reads until `buf` is full or the stream ends; returns how much arrived. An error after
/// some bytes arrived is a truncation, not an I/O error between frames.
fn fill(r: &mut impl Read, buf: &mut [u8]) -> Result<usize, FrameError> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) if got > 0 => {
                return Err(FrameError::Truncated {
                    expected: buf.len(),
                    got,
                });
            }
            Err(e) => return Err(FrameError::Io(e)),
        }
    }
    Ok(got)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(f: Frame) {
        let bytes = f.encode();
        let back = read_frame(&mut &bytes[..], MAX_SERVER_FRAME).unwrap();
        assert_eq!(back, f);
    }

    #[test]
    fn every_kind_reads_back() {
        round_trip(Frame::Hello {
            version: 1,
            token: "tok".into(),
            name: "dutydesk".into(),
        });
        round_trip(Frame::Hello {
            version: 1,
            token: String::new(),
            name: String::new(),
        });
        round_trip(Frame::Welcome {
            version: 1,
            info: "{}".into(),
        });
        round_trip(Frame::Refused {
            reason: "no token".into(),
        });
        round_trip(Frame::Create { tag: 9 });
        round_trip(Frame::Created {
            tag: 9,
            client_id: -1,
        });
        round_trip(Frame::Send {
            client_id: 3,
            json: r#"{"@type":"getMe"}"#.into(),
        });
        round_trip(Frame::Object {
            client_id: 3,
            json: "{}".into(),
        });
        round_trip(Frame::Execute {
            tag: 1,
            json: "{}".into(),
        });
        round_trip(Frame::Executed { tag: 1, json: None });
        round_trip(Frame::Executed {
            tag: 1,
            json: Some("{}".into()),
        });
        round_trip(Frame::Ping(u64::MAX));
        round_trip(Frame::Pong(0));
    }

    #[test]
    fn an_object_written_directly_reads_back() {
        let mut b = Vec::new();
        write_object(&mut b, 7, r#"{"@type":"ok"}"#).unwrap();
        let expected = Frame::Object {
            client_id: 7,
            json: r#"{"@type":"ok"}"#.into(),
        };
        assert_eq!(b, expected.encode());
    }

    #[test]
    fn errors_say_what() {
        let over = [0, 0, 1, 0, 6];
        match read_frame(&mut &over[..], 100) {
            Err(e @ FrameError::Oversized { length: 256, .. }) => {
                assert_eq!(
                    e.to_string(),
                    "oversized frame: 256 bytes, the limit is 100"
                )
            }
            other => panic!("{other:?}"),
        }
        let truncated = [0, 0, 0, 9, 6, 0];
        assert!(matches!(
            read_frame(&mut &truncated[..], 100),
            Err(FrameError::Truncated {
                expected: 9,
                got: 2
            })
        ));
        assert!(matches!(
            read_frame(&mut &[0u8, 0][..], 100),
            Err(FrameError::Truncated { .. })
        ));
        assert!(matches!(
            read_frame(&mut &[][..], 100),
            Err(FrameError::Closed)
        ));
        assert!(matches!(
            read_frame(&mut &[0u8, 0, 0, 0][..], 100),
            Err(FrameError::Empty)
        ));
        assert!(matches!(
            read_frame(&mut &[0u8, 0, 0, 1, 99][..], 100),
            Err(FrameError::UnknownKind(99))
        ));
        // A Send whose text is not UTF-8.
        let bad = [0u8, 0, 0, 6, 6, 0, 0, 0, 1, 0xff];
        assert!(matches!(
            read_frame(&mut &bad[..], 100),
            Err(FrameError::Malformed {
                kind: 6,
                what: "request"
            })
        ));
        // A Ping with a byte too many.
        let long = [0u8, 0, 0, 10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1];
        assert!(matches!(
            read_frame(&mut &long[..], 100),
            Err(FrameError::Malformed { kind: 10, .. })
        ));
        let mut hello = Frame::Hello {
            version: 1,
            token: String::new(),
            name: String::new(),
        }
        .encode();
        hello[5] = b'X';
        assert!(matches!(
            read_frame(&mut &hello[..], 100),
            Err(FrameError::Malformed {
                kind: 1,
                what: "magic"
            })
        ));
    }
}
