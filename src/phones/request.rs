//! Reading a request: its parts, headers, a capped body, and the form and cookie encodings a
//! phone's browser sends. Nothing here decides anything about the room.

use std::net::IpAddr;

/// The request methods the room answers to; any other is refused by the routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Method {
    Get,
    Post,
    Put,
    Delete,
    Other,
}

impl From<&hyper::Method> for Method {
    fn from(method: &hyper::Method) -> Method {
        [
            (hyper::Method::GET, Method::Get),
            (hyper::Method::POST, Method::Post),
            (hyper::Method::PUT, Method::Put),
            (hyper::Method::DELETE, Method::Delete),
        ]
        .into_iter()
        .find(|(known, _)| known == method)
        .map_or(Method::Other, |(_, ours)| ours)
    }
}

/// A request's parts, read once.
pub(super) struct Incoming {
    pub(super) ip: IpAddr,
    pub(super) method: Method,
    pub(super) path: String,
    pub(super) query: Vec<(String, String)>,
    pub(super) cookies: Vec<(String, String)>,
    headers: hyper::HeaderMap,
    /// The body as text, or why it was refused (too long, too slow, not UTF-8).
    pub(super) body: Result<String, (u16, &'static str)>,
}

impl Incoming {
    /// The parts of a request from `ip`, with its body already read.
    pub(super) fn new(
        ip: IpAddr,
        parts: &hyper::http::request::Parts,
        body: Result<String, (u16, &'static str)>,
    ) -> Incoming {
        let cookies = parts
            .headers
            .get_all(hyper::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(cookies)
            .collect();
        Incoming {
            ip,
            method: Method::from(&parts.method),
            path: parts.uri.path().to_string(),
            query: form_pairs(parts.uri.query().unwrap_or("")),
            cookies,
            headers: parts.headers.clone(),
            body,
        }
    }

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

    /// The first header `name`, if it is text.
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub(super) fn api(&self) -> bool {
        self.path.starts_with("/api/")
    }
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
