//! The one random generator of the tests: seeded from `CPM_TEST_SEED` when set (to replay a
//! failure), else from the clock; the seed is printed when it is made, so a failing test's
//! output (which `cargo test` shows) names it.
#![allow(dead_code)] // each test file uses part of the support code

/// The environment variable that replays a run: `CPM_TEST_SEED=<seed> cargo test …`.
pub const SEED_ENV: &str = "CPM_TEST_SEED";

/// A xorshift64 generator: enough to vary kill instants and bursts, with no extra dependency.
pub struct Rng {
    state: u64,
    seed: u64,
}

impl Rng {
    /// A generator for the test `name`, from `CPM_TEST_SEED` or the clock; prints how to
    /// replay it.
    pub fn from_env(name: &str) -> Rng {
        let seed = match std::env::var(SEED_ENV) {
            Ok(v) => v
                .trim()
                .parse::<u64>()
                .unwrap_or_else(|_| panic!("{SEED_ENV}={v:?} is not a whole number")),
            Err(_) => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1),
        };
        eprintln!("{name}: seed {seed} (replay with {SEED_ENV}={seed})");
        Rng::new(seed)
    }

    /// A generator from `seed` (any value; zero is mapped to a usable state).
    pub fn new(seed: u64) -> Rng {
        Rng {
            state: seed | 1,
            seed,
        }
    }

    /// The seed this generator started from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// An independent generator for a helper thread, derived from this one.
    pub fn fork(&mut self) -> Rng {
        let next = self.next_u64();
        Rng::new(next.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}
