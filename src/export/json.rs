//! JSON export: the whole session exactly as the store keeps it (see README, "Session JSON").

use crate::workshop::Session;

/// The session as pretty-printed JSON with a trailing newline.
pub fn render(session: &Session) -> String {
    // Serialising plain data with string keys cannot fail; fall back to a JSON error object
    // rather than panicking if a future field ever makes it fail.
    match serde_json::to_string_pretty(session) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}
