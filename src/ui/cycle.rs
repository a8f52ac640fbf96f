//! Stepping through a list with wrap-around (←/→ over groups and categories).

pub fn cycle(i: usize, n: usize, forward: bool) -> usize {
    if n == 0 {
        return 0;
    }
    if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }
}

pub fn cycle_u32(g: u32, n: u32, forward: bool) -> u32 {
    cycle(g.saturating_sub(1) as usize, n as usize, forward) as u32 + 1
}
