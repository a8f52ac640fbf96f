//! Stepping through a list with wrap-around (←/→ over groups and categories).

/// Which way a list is stepped through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// Up or left: the one before (the last from the first).
    Back,
    /// Down or right: the one after (the first from the last).
    Forward,
}

impl Way {
    /// `Forward` when `forward` holds (a → or ↓ key), else `Back`.
    pub fn forward_if(forward: bool) -> Way {
        if forward { Way::Forward } else { Way::Back }
    }
}

/// The index after (or before) `i` among `n`, wrapping around; 0 when there are none.
pub fn cycle(i: usize, n: usize, way: Way) -> usize {
    if n == 0 {
        return 0;
    }
    match way {
        Way::Forward => (i + 1) % n,
        Way::Back => (i + n - 1) % n,
    }
}

/// [`cycle`] over 1-based numbers (groups).
pub fn cycle_u32(g: u32, n: u32, way: Way) -> u32 {
    cycle(g.saturating_sub(1) as usize, n as usize, way) as u32 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_both_ways_and_survives_an_empty_list() {
        assert_eq!(cycle(2, 3, Way::Forward), 0);
        assert_eq!(cycle(0, 3, Way::Back), 2);
        assert_eq!(cycle(0, 0, Way::Back), 0);
        assert_eq!(cycle_u32(1, 4, Way::Back), 4);
        assert_eq!(cycle_u32(4, 4, Way::Forward), 1);
    }
}
