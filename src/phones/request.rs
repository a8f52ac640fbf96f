//! Reading a request: its parts, headers, a capped body, and the form and cookie encodings a
//! phone's browser sends. Nothing here decides anything about the room.

use super::MAX_BODY;
use std::io::Read;
use std::net::IpAddr;
use tiny_http::{Method, Request};

/// A request's parts, read once.
pub(super) struct Incoming {
    pub(super) ip: IpAddr,
    pub(super) method: Method,
    pub(super) path: String,
    pub(super) query: Vec<(String, String)>,
    pub(super) cookies: Vec<(String, String)>,
}

impl Incoming {
    pub(super) fn param<'a>(list: &'a [(String, String)], name: &str) -> Option<&'a str> {
        list.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn query(&self, name: &str) -> Option<&str> {
        Incoming::param(&self.query, name)
    }

    pub(super) fn cookie(&self, name: &str) -> Option<&str> {
        Incoming::param(&self.cookies, name)
    }

    pub(super) fn api(&self) -> bool {
        self.path.starts_with("/api/")
    }
}

pub(super) fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

/// The request body, at most [`MAX_BODY`] bytes.
pub(super) fn body(request: &mut Request) -> Result<String, (u16, &'static str)> {
    const TOO_BIG: (u16, &str) = (413, "That is too long to send.");
    if request.body_length().is_some_and(|n| n > MAX_BODY) {
        return Err(TOO_BIG);
    }
    let mut bytes = Vec::with_capacity(512);
    request
        .as_reader()
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| (400, "The request could not be read."))?;
    if bytes.len() > MAX_BODY {
        return Err(TOO_BIG);
    }
    String::from_utf8(bytes).map_err(|_| (400, "The request is not UTF-8 text."))
}

/// `a=1&b=two+words` (a query or a form body), decoded.
pub(super) fn form_pairs(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decoding with `+` as a space; bad escapes are kept as written.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

pub(super) fn cookies(header: &str) -> Vec<(String, String)> {
    header
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_spaces_escapes_and_bad_escapes() {
        assert_eq!(
            form_pairs("text=a+b%26c%3C&group=2&bad=%zz%4"),
            vec![
                ("text".to_string(), "a b&c<".to_string()),
                ("group".to_string(), "2".to_string()),
                ("bad".to_string(), "%zz%4".to_string()),
            ]
        );
        assert_eq!(decode("%C3%A9"), "é");
    }

    #[test]
    fn cookies_are_read_by_name() {
        assert_eq!(
            cookies("room_code=AB; room_phone=x1"),
            vec![
                ("room_code".to_string(), "AB".to_string()),
                ("room_phone".to_string(), "x1".to_string())
            ]
        );
    }
}
