//! Join codes and phone tokens: random, short enough to read off a projector, and without the
//! characters people mistake for each other (0/O, 1/I).

/// The letters and digits a join code is made of: no 0, O, 1 or I.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// Characters in a join code: 32^6, about a billion, against a few guesses per minute.
pub const CODE_LEN: usize = 6;

/// A fresh random join code.
pub fn new_code() -> std::io::Result<String> {
    random_from(ALPHABET, CODE_LEN)
}

/// A fresh random token naming one phone (kept in its cookie).
pub fn new_token() -> std::io::Result<String> {
    random_from(b"0123456789abcdefghijklmnopqrstuvwxyz", 24)
}

fn random_from(alphabet: &[u8], len: usize) -> std::io::Result<String> {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    // 256 is a multiple of both alphabets' lengths (32, 36 is not: the slight bias of a token
    // over 36 letters is harmless, it only needs to be unguessable).
    Ok(bytes
        .iter()
        .map(|b| alphabet[*b as usize % alphabet.len()] as char)
        .collect())
}

/// Whether `given` is the code, compared without an early exit (no timing hint) and without
/// regard to case (phones capitalise the first letter).
pub fn matches(code: &str, given: &str) -> bool {
    let given = given.trim().to_ascii_uppercase();
    if given.len() != code.len() {
        return false;
    }
    code.bytes()
        .zip(given.bytes())
        .fold(0u8, |diff, (a, b)| diff | (a ^ b))
        == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_unambiguous_characters_and_differ() {
        let codes: Vec<String> = (0..200).map(|_| new_code().unwrap()).collect();
        for c in &codes {
            assert_eq!(c.len(), CODE_LEN);
            assert!(!c.contains(['0', 'O', '1', 'I']), "{c}");
            assert!(c.bytes().all(|b| ALPHABET.contains(&b)), "{c}");
        }
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert!(unique.len() > 190, "random codes repeat: {}", unique.len());
    }

    #[test]
    fn a_code_matches_whatever_its_case_and_nothing_else_does() {
        assert!(matches("AB23CD", "ab23cd"));
        assert!(matches("AB23CD", " AB23CD "));
        assert!(!matches("AB23CD", "AB23CE"));
        assert!(!matches("AB23CD", "AB23C"));
        assert!(!matches("AB23CD", ""));
        assert!(!matches("AB23CD", "AB23CDX"));
    }
}
