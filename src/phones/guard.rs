//! The room's limits, kept in memory while it is open: failed join attempts per address, writes
//! per phone, and which phones were seen lately ("N phones connected").

use crate::workshop::NoteId;
use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// Wrong codes an address may send before it is shut out for [`LOCKOUT`].
pub const MAX_FAILURES: u32 = 10;
/// How long an address that guessed too often is refused.
pub const LOCKOUT: Duration = Duration::from_secs(300);
/// Writes a phone may make per [`WINDOW`]: far above anyone typing notes, far below a script.
pub const MAX_WRITES: u32 = 20;
/// The rate limit's window.
pub const WINDOW: Duration = Duration::from_secs(10);
/// A phone counts as connected for this long after its last request.
const RECENT: Duration = Duration::from_secs(120);

/// The room's memory of who asked what.
#[derive(Debug, Default)]
pub struct Guard {
    failures: HashMap<IpAddr, (u32, Instant)>,
    writes: HashMap<String, (Instant, u32)>,
    seen: HashMap<String, Instant>,
    /// Tokens given out: a phone presenting one is known.
    issued: std::collections::HashSet<String>,
    /// Each phone's notes, with the step (position) at which it added them.
    owned: HashMap<String, Vec<(NoteId, usize)>>,
    /// Each phone's key in the session's record of votes and dots: random and apart from its
    /// token, so the session file (and its JSON export) holds nothing a phone could present.
    voters: HashMap<String, String>,
}

impl Guard {
    /// Whether `ip` is shut out after too many wrong codes.
    pub fn locked_out(&mut self, ip: IpAddr, now: Instant) -> bool {
        match self.failures.get(&ip) {
            Some((n, last)) if *n >= MAX_FAILURES => {
                if now.duration_since(*last) < LOCKOUT {
                    true
                } else {
                    self.failures.remove(&ip);
                    false
                }
            }
            _ => false,
        }
    }

    /// Counts a wrong code from `ip`.
    pub fn failed(&mut self, ip: IpAddr, now: Instant) {
        let entry = self.failures.entry(ip).or_insert((0, now));
        entry.0 += 1;
        entry.1 = now;
    }

    /// Counts a write by `phone`; false when it is over the limit (and the write is refused).
    pub fn allow_write(&mut self, phone: &str, now: Instant) -> bool {
        let entry = self.writes.entry(phone.to_string()).or_insert((now, 0));
        if now.duration_since(entry.0) >= WINDOW {
            *entry = (now, 0);
        }
        if entry.1 >= MAX_WRITES {
            return false;
        }
        entry.1 += 1;
        true
    }

    /// Records a token given out.
    pub fn issue(&mut self, phone: &str) {
        self.issued.insert(phone.to_string());
    }

    /// Notes that `phone` (joined, or presenting its token) asked something now: it counts as
    /// connected. A script that never keeps its cookie does not count.
    pub fn seen(&mut self, phone: &str, now: Instant) {
        self.issue(phone);
        self.seen.insert(phone.to_string(), now);
    }

    /// Whether the server gave out `phone`'s token.
    pub fn known(&self, phone: &str) -> bool {
        self.issued.contains(phone)
    }

    /// Records that `phone` added `ids` at step `at`.
    pub fn own(&mut self, phone: &str, ids: &[NoteId], at: usize) {
        self.owned
            .entry(phone.to_string())
            .or_default()
            .extend(ids.iter().map(|id| (*id, at)));
    }

    /// The notes `phone` added, with the step each was added at.
    pub fn owned(&self, phone: &str) -> Vec<(NoteId, usize)> {
        self.owned.get(phone).cloned().unwrap_or_default()
    }

    /// `phone`'s key among the session's votes, made the first time it is asked for.
    pub fn voter(&mut self, phone: &str) -> String {
        let next = self.voters.len() + 1;
        self.voters
            .entry(phone.to_string())
            .or_insert_with(|| {
                super::code::new_token()
                    .map_or_else(|_| format!("phone{next}"), |t| format!("v{t}"))
            })
            .clone()
    }

    /// Phones that asked something in the last two minutes.
    pub fn phones_recent(&self) -> usize {
        self.seen.values().filter(|t| t.elapsed() < RECENT).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_shut_out_after_too_many_wrong_codes_and_let_in_later() {
        let mut g = Guard::default();
        let ip: IpAddr = [192, 168, 1, 20].into();
        let other: IpAddr = [192, 168, 1, 21].into();
        let t = Instant::now();
        for _ in 0..MAX_FAILURES - 1 {
            g.failed(ip, t);
        }
        assert!(!g.locked_out(ip, t));
        g.failed(ip, t);
        assert!(g.locked_out(ip, t));
        assert!(!g.locked_out(other, t));
        assert!(!g.locked_out(ip, t + LOCKOUT));
    }

    #[test]
    fn writes_are_limited_per_phone_and_window() {
        let mut g = Guard::default();
        let t = Instant::now();
        for _ in 0..MAX_WRITES {
            assert!(g.allow_write("a", t));
        }
        assert!(!g.allow_write("a", t));
        assert!(g.allow_write("b", t));
        assert!(g.allow_write("a", t + WINDOW));
    }

    #[test]
    fn phones_are_counted_once_each() {
        let mut g = Guard::default();
        let t = Instant::now();
        g.seen("a", t);
        g.seen("a", t);
        g.seen("b", t);
        g.issue("c");
        assert_eq!(g.phones_recent(), 2, "c never came back with its token");
        assert!(g.known("a") && g.known("c") && !g.known("d"));
    }

    #[test]
    fn a_phones_voter_key_stays_the_same_and_is_not_its_token() {
        let mut g = Guard::default();
        let token = "k3x9tokenofphonea0000000";
        let a = g.voter(token);
        assert_eq!(g.voter(token), a);
        assert_ne!(g.voter("another0token00000000000"), a);
        assert!(!a.contains(token), "{a}");
    }
}
