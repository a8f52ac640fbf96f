//! Counting words, the app's one plural rule: shared by every layer (content reports, the domain,
//! exports and both front ends), so it sits below them all.

/// The noun for a count: `one` for exactly one, `many` otherwise (the app's one plural rule).
pub fn plural<'a, N: PartialEq + From<u8>>(n: N, one: &'a str, many: &'a str) -> &'a str {
    if n == N::from(1) { one } else { many }
}

/// A count with its noun: "1 note", "3 notes", "0 notes".
pub fn count<N: PartialEq + From<u8> + std::fmt::Display + Copy>(
    n: N,
    one: &str,
    many: &str,
) -> String {
    format!("{n} {}", plural(n, one, many))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_is_singular_only_for_exactly_one() {
        assert_eq!(count(0usize, "note", "notes"), "0 notes");
        assert_eq!(count(1u32, "note", "notes"), "1 note");
        assert_eq!(
            count(2u64, "opportunity", "opportunities"),
            "2 opportunities"
        );
        assert_eq!(plural(11usize, "dot", "dots"), "dots");
    }
}
