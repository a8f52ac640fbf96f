//! The configuration of every property test: its case count from [`super::trials`], its cases
//! drawn from the run's seed (`CPM_TEST_SEED`, printed, as for every random test), and a failing
//! case kept beside the test's file (`<file>.proptest-regressions`, replayed first on later
//! runs), not in the `tests/proptest-regressions/` folder proptest would make by default.
#![allow(dead_code)] // each test file uses part of the support code

use super::rng::Rng;
use proptest::test_runner::{Config, FileFailurePersistence, RngSeed};

/// `quick` cases by default and `full` under `CPM_TEST_TRIALS=full` (see [`super::trials`]),
/// seeded from `CPM_TEST_SEED` or the clock.
pub fn config(quick: u32, full: u32) -> Config {
    let seed = Rng::from_env("property cases").seed();
    Config {
        cases: super::trials::cases(quick, full),
        rng_seed: RngSeed::Fixed(seed),
        // Beside the source: the default would climb to the crate folder's `main.rs` and write
        // a folder next to it, shared by all four test crates.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}
