//! The room's cap on open connections: in all, and from any one address. A connection that
//! never sends a request still holds its place until the server gives up on it, so without a
//! cap one device opening sockets in a loop could crowd out every phone in the room.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard};

/// Connections open at once: room for 60 phones, each with a live page, a post in flight and a
/// reload, three times over.
pub const MAX_CONNECTIONS: usize = 512;
/// Connections open at once from one address. A phone's browser opens at most six to one
/// server; a few tabs or a quick reload stay well under this, a script opening sockets in a
/// loop does not.
pub const MAX_PER_ADDRESS: usize = 32;

/// Why a new connection was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Full {
    /// The room holds [`MAX_CONNECTIONS`] already.
    Room,
    /// This address holds [`MAX_PER_ADDRESS`] already.
    Address,
}

/// Counts the open connections, in all and by address.
#[derive(Debug, Clone)]
pub struct Connections {
    inner: Arc<Mutex<Counts>>,
    total_cap: usize,
    address_cap: usize,
}

#[derive(Debug, Default)]
struct Counts {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// A connection's place; giving it back (dropping it) frees the place.
#[derive(Debug)]
pub struct Place {
    connections: Connections,
    ip: IpAddr,
}

impl Default for Connections {
    fn default() -> Connections {
        Connections::with_caps(MAX_CONNECTIONS, MAX_PER_ADDRESS)
    }
}

impl Connections {
    /// Counts against caps other than the room's own (for tests).
    pub fn with_caps(total_cap: usize, address_cap: usize) -> Connections {
        Connections {
            inner: Arc::default(),
            total_cap,
            address_cap,
        }
    }

    fn counts(&self) -> MutexGuard<'_, Counts> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A place for a new connection from `ip`, unless the room or the address is full.
    pub fn admit(&self, ip: IpAddr) -> Result<Place, Full> {
        let mut counts = self.counts();
        if counts.total >= self.total_cap {
            return Err(Full::Room);
        }
        let from_ip = counts.by_address.entry(ip).or_insert(0);
        if *from_ip >= self.address_cap {
            return Err(Full::Address);
        }
        *from_ip += 1;
        counts.total += 1;
        Ok(Place {
            connections: self.clone(),
            ip,
        })
    }

    /// Connections open now.
    pub fn open(&self) -> usize {
        self.counts().total
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let mut counts = self.connections.counts();
        counts.total = counts.total.saturating_sub(1);
        if let Some(n) = counts.by_address.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                // Addresses come and go (phones reconnect): forget the ones with nothing open.
                counts.by_address.remove(&self.ip);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    fn ip(last: u8) -> IpAddr {
        IpAddr::V4(Ipv4Addr::new(192, 168, 1, last))
    }

    #[test]
    fn one_address_fills_its_own_share_and_no_more() {
        let connections = Connections::with_caps(10, 3);
        let held: Vec<_> = (0..3).map(|_| connections.admit(ip(5)).unwrap()).collect();
        assert_eq!(connections.admit(ip(5)).unwrap_err(), Full::Address);
        // Another phone still gets in.
        let other = connections.admit(ip(6)).unwrap();
        assert_eq!(connections.open(), 4);
        drop(held);
        drop(other);
        assert_eq!(connections.open(), 0);
        assert!(connections.admit(ip(5)).is_ok());
    }

    #[test]
    fn the_room_is_full_when_its_total_is_reached() {
        let connections = Connections::with_caps(4, 3);
        let held: Vec<_> = (1..=4).map(|n| connections.admit(ip(n)).unwrap()).collect();
        assert_eq!(connections.admit(ip(9)).unwrap_err(), Full::Room);
        drop(held);
        assert!(connections.admit(ip(9)).is_ok());
    }

    #[test]
    fn a_closed_connection_gives_its_address_place_back() {
        let connections = Connections::with_caps(10, 1);
        let first = connections.admit(ip(7)).unwrap();
        assert!(connections.admit(ip(7)).is_err());
        drop(first);
        let again = connections.admit(ip(7)).unwrap();
        assert_eq!(connections.open(), 1);
        assert_eq!(connections.counts().by_address.len(), 1);
        drop(again);
        assert!(connections.counts().by_address.is_empty());
    }
}
