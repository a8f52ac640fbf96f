//! The room's show of hands: votes per dimension and stage, their tally, and the room size.

use super::*;

impl SnapshotState {
    /// Adds `count` votes for `stage` on `dimension`.
    pub fn vote(
        &mut self,
        dimension: usize,
        stage: usize,
        count: u32,
    ) -> Result<(), SnapshotError> {
        self.check_dimension(dimension)?;
        self.check_stage(stage)?;
        if count == 0 || count > MAX_VOTES_AT_ONCE {
            return Err(SnapshotError::VoteCount(count));
        }
        match self.votes.last_mut() {
            Some(last) if last.dimension == dimension && last.stage == stage => {
                last.count = last.count.saturating_add(count);
            }
            _ => self.votes.push(Vote {
                dimension,
                stage,
                count,
            }),
        }
        Ok(())
    }

    /// Takes back the last vote entered on `dimension`; returns the stage it was for.
    pub fn take_back_vote(&mut self, dimension: usize) -> Result<usize, SnapshotError> {
        self.check_dimension(dimension)?;
        let Some(i) = self.votes.iter().rposition(|v| v.dimension == dimension) else {
            return Err(SnapshotError::NoVotes(
                self.dimension_name(dimension).to_string(),
            ));
        };
        let stage = self.votes[i].stage;
        self.votes[i].count -= 1;
        if self.votes[i].count == 0 {
            self.votes.remove(i);
        }
        Ok(stage)
    }

    /// The votes on a dimension, the show of hands and the phones', per stage, with
    /// percentages adding to 100.
    pub fn tally(&self, dimension: usize) -> Tally {
        let mut counts = self.phone_counts(dimension);
        for v in self.votes.iter().filter(|v| v.dimension == dimension) {
            if let Some(c) = counts.get_mut(v.stage) {
                *c = c.saturating_add(v.count);
            }
        }
        let total = counts.iter().fold(0u32, |a, &c| a.saturating_add(c));
        let percents = percentages(&counts);
        Tally {
            counts,
            total,
            percents,
        }
    }

    /// People in the room: the facilitator's number, else the largest show of hands on any
    /// dimension (0 while nobody has voted).
    pub fn room(&self) -> u32 {
        self.room_size.unwrap_or_else(|| {
            (0..self.dimensions.len())
                .map(|d| self.tally(d).total)
                .max()
                .unwrap_or(0)
        })
    }

    // ---- notes -------------------------------------------------------------------------
}
