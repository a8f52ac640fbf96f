//! Where the room listens: the laptop's private address on the room's network, found by listing
//! its interfaces, or the one the trainer gives with `--room-addr IP[:PORT]`.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};

/// An address the room could listen on, with the interface it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub interface: String,
    pub ip: IpAddr,
}

/// Interface names of virtual adapters phones cannot reach: containers, virtual machines,
/// WSL and VPN tunnels.
const VIRTUAL: [&str; 16] = [
    "docker",
    "br-",
    "veth",
    "virbr",
    "vbox",
    "virtualbox",
    "vmnet",
    "vmware",
    "vethernet",
    "wsl",
    "tun",
    "tap",
    "utun",
    "wg",
    "tailscale",
    "zt",
];

/// Reads `IP` or `IP:PORT` (port 0, any free port, when none is given).
pub fn parse(text: &str) -> Result<SocketAddr, String> {
    let text = text.trim();
    if let Ok(addr) = text.parse::<SocketAddr>() {
        return Ok(addr);
    }
    text.parse::<IpAddr>()
        .map(|ip| SocketAddr::new(ip, 0))
        .map_err(|_| {
            format!(
                "--room-addr {text:?} is not an address: give IP or IP:PORT, e.g. 192.168.1.20:8080"
            )
        })
}

/// Whether an interface looks like one the phones in the room can reach: a private IPv4
/// address on a real adapter.
pub fn usable(name: &str, ip: IpAddr) -> bool {
    let lower = name.to_ascii_lowercase();
    let virtual_adapter = VIRTUAL
        .iter()
        .any(|v| lower.starts_with(v) || lower.contains(&format!("({v}")));
    match ip {
        IpAddr::V4(v4) => {
            v4.is_private() && !v4.is_loopback() && !v4.is_link_local() && !virtual_adapter
        }
        IpAddr::V6(_) => false,
    }
}

/// The usable addresses of this laptop's interfaces, the one that carries the default route
/// first.
pub fn candidates() -> Vec<Candidate> {
    let interfaces = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .map(|i| (i.name.clone(), i.ip()));
    order(interfaces, default_route_ip())
}

/// The usable ones of `interfaces` (name, address), in the order the trainer cycles through
/// them: the one with the default `route` first, then as the system listed them, each address
/// once.
pub fn order(
    interfaces: impl IntoIterator<Item = (String, IpAddr)>,
    route: Option<IpAddr>,
) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    for (interface, ip) in interfaces {
        if usable(&interface, ip) && !found.iter().any(|c| c.ip == ip) {
            found.push(Candidate { interface, ip });
        }
    }
    if let Some(route) = route {
        // A stable sort: the rest keep the system's order.
        found.sort_by_key(|c| c.ip != route);
    }
    found
}

/// The candidate after the one at `ip` (round the list), for the trainer's "next address"
/// key; the first when `ip` is not among them; `None` when there is no other to move to.
pub fn next_after(list: &[Candidate], ip: IpAddr) -> Option<&Candidate> {
    match list.iter().position(|c| c.ip == ip) {
        Some(i) if list.len() > 1 => list.get((i + 1) % list.len()),
        Some(_) => None,
        None => list.first(),
    }
}

/// How the console names the address `ip` among `list`: its interface and place in the list.
pub fn describe(list: &[Candidate], ip: IpAddr) -> String {
    match list.iter().position(|c| c.ip == ip) {
        Some(i) => format!(
            "{ip} on {} (address {} of {})",
            crate::workshop::text::sanitize_line(&list[i].interface),
            i + 1,
            list.len()
        ),
        None if ip.is_loopback() => format!("{ip}: this laptop only, phones cannot reach it"),
        None => ip.to_string(),
    }
}

/// The address the system would send from to reach beyond the local network: connecting a UDP
/// socket picks the route without sending anything.
fn default_route_ip() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(198, 51, 100, 1), 9)).ok()?;
    socket.local_addr().ok().map(|a| a.ip())
}

/// The address to listen on: the trainer's choice, or the first candidate with a free port.
pub fn choose(given: Option<SocketAddr>) -> Result<SocketAddr, String> {
    if let Some(addr) = given {
        return Ok(addr);
    }
    candidates()
        .first()
        .map(|c| SocketAddr::new(c.ip, 0))
        .ok_or_else(|| {
            "no private network address found to open the room on: join the room's Wi-Fi (or start the laptop's hotspot), or give one with --room-addr IP[:PORT]".to_string()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_read_with_or_without_a_port() {
        assert_eq!(parse("192.168.1.20:8080").unwrap().port(), 8080);
        let a = parse(" 10.0.0.5 ").unwrap();
        assert_eq!((a.ip().to_string(), a.port()), ("10.0.0.5".to_string(), 0));
        let err = parse("laptop.local").unwrap_err();
        assert!(
            err.contains("\"laptop.local\"") && err.contains("IP:PORT"),
            "{err}"
        );
    }

    #[test]
    fn only_private_addresses_on_real_adapters_are_usable() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert!(usable("wlan0", ip("192.168.1.20")));
        assert!(usable("Wi-Fi", ip("10.1.2.3")));
        assert!(usable("en0", ip("172.20.10.2")));
        assert!(!usable("lo", ip("127.0.0.1")));
        assert!(!usable("eth0", ip("169.254.3.4")), "link-local");
        assert!(!usable("eth0", ip("8.8.8.8")), "public");
        assert!(!usable("docker0", ip("172.17.0.1")));
        assert!(!usable("vboxnet0", ip("192.168.56.1")));
        assert!(!usable("vmnet8", ip("192.168.100.1")));
        assert!(!usable("vEthernet (WSL)", ip("172.28.0.1")));
        assert!(!usable("utun3", ip("10.8.0.2")));
        assert!(!usable("wg0", ip("10.9.0.2")));
        assert!(!usable("eth0", ip("fe80::1")));
    }

    fn listed(names: &[(&str, &str)]) -> Vec<(String, IpAddr)> {
        names
            .iter()
            .map(|(n, ip)| (n.to_string(), ip.parse().unwrap()))
            .collect()
    }

    #[test]
    fn candidates_skip_what_phones_cannot_reach_and_put_the_default_route_first() {
        let interfaces = listed(&[
            ("lo", "127.0.0.1"),
            ("eth0", "169.254.10.2"),
            ("docker0", "172.17.0.1"),
            ("eth0", "10.0.0.5"),
            ("vboxnet0", "192.168.56.1"),
            ("vmnet1", "192.168.100.1"),
            ("vEthernet (WSL)", "172.28.0.1"),
            ("tailscale0", "100.101.1.2"),
            ("utun2", "10.8.0.2"),
            ("wlan0", "192.168.1.20"),
            ("wlan0", "fe80::1"),
            ("en5", "172.20.10.2"),
            ("wlan0", "192.168.1.20"),
        ]);
        let ips = |list: Vec<Candidate>| -> Vec<String> {
            list.iter()
                .map(|c| format!("{} {}", c.interface, c.ip))
                .collect()
        };
        let route = "192.168.1.20".parse().ok();
        assert_eq!(
            ips(order(interfaces.clone(), route)),
            ["wlan0 192.168.1.20", "eth0 10.0.0.5", "en5 172.20.10.2"]
        );
        // No default route (an offline room on the laptop's hotspot): the system's order.
        assert_eq!(
            ips(order(interfaces.clone(), None)),
            ["eth0 10.0.0.5", "wlan0 192.168.1.20", "en5 172.20.10.2"]
        );
        // A route through a VPN is not a candidate: the order stays the system's.
        let vpn = "10.8.0.2".parse().ok();
        assert_eq!(ips(order(interfaces, vpn))[0], "eth0 10.0.0.5");
    }

    #[test]
    fn the_next_address_goes_round_the_list_and_says_when_there_is_none() {
        let list = order(
            listed(&[("wlan0", "192.168.1.20"), ("eth0", "10.0.0.5")]),
            None,
        );
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let next = |from: &str| next_after(&list, ip(from)).map(|c| c.ip.to_string());
        assert_eq!(next("192.168.1.20").as_deref(), Some("10.0.0.5"));
        assert_eq!(next("10.0.0.5").as_deref(), Some("192.168.1.20"));
        assert_eq!(next("127.0.0.1").as_deref(), Some("192.168.1.20"));
        assert_eq!(next_after(&list[..1], ip("192.168.1.20")), None);
        assert_eq!(next_after(&[], ip("127.0.0.1")), None);
        assert_eq!(
            describe(&list, ip("10.0.0.5")),
            "10.0.0.5 on eth0 (address 2 of 2)"
        );
        assert!(describe(&list, ip("127.0.0.1")).contains("phones cannot reach it"));
    }

    #[test]
    fn a_given_address_is_used_as_given() {
        let given = parse("127.0.0.1:0").unwrap();
        assert_eq!(choose(Some(given)), Ok(given));
    }
}
