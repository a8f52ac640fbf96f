//! How many times the loops of the random and stress tests run (kill trials, resize storms,
//! property cases). By default a quick count, which every `cargo test` and every push's CI run
//! uses; `CPM_TEST_TRIALS=full` gives the full counts (the release workflow sets it), and
//! `CPM_TEST_TRIALS=<n>` runs every such loop `n` times (to hammer one test while fixing it).
#![allow(dead_code)] // each test file uses part of the support code

/// The environment variable that sets the trial counts.
pub const TRIALS_ENV: &str = "CPM_TEST_TRIALS";

/// `quick` by default, `full` under `CPM_TEST_TRIALS=full`, `n` under `CPM_TEST_TRIALS=n`.
///
/// # Panics
/// On any other value of `CPM_TEST_TRIALS`: a typo must not quietly run the quick counts.
pub fn trials(quick: usize, full: usize) -> usize {
    match std::env::var(TRIALS_ENV) {
        Err(_) => quick,
        Ok(v) if v.trim() == "full" => full,
        Ok(v) => v.trim().parse::<usize>().unwrap_or_else(|_| {
            panic!("{TRIALS_ENV}={v:?}: expected \"full\" or a whole number of trials")
        }),
    }
}

/// [`trials`] as a `u32`, for proptest's case counts.
pub fn cases(quick: u32, full: u32) -> u32 {
    u32::try_from(trials(quick as usize, full as usize)).unwrap_or(u32::MAX)
}
