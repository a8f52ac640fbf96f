//! The ranking of the opportunities by dots and the priorities it gives.

use super::*;
use crate::workshop::session::Session;

impl SnapshotState {
    /// The opportunities from most dots (the trainer's and the phones') to fewest. Ties keep the order the notes were written
    /// ([`TIE_RULE`]); tied items share a rank.
    pub fn ranking(&self) -> Vec<Ranked> {
        let mut ops: Vec<&SnapshotNote> = self
            .notes
            .iter()
            .filter(|n| n.heading == HeadingId::Opportunities)
            .collect();
        ops.sort_by_key(|n| n.id);
        ops.sort_by_key(|n| std::cmp::Reverse(self.dots_on(n)));
        let mut out: Vec<Ranked> = Vec::with_capacity(ops.len());
        for (i, n) in ops.iter().enumerate() {
            let dots = self.dots_on(n);
            let rank = match out.last() {
                Some(prev) if prev.dots == dots => prev.rank,
                _ => i + 1,
            };
            let tied = ops.iter().filter(|o| self.dots_on(o) == dots).count() > 1;
            out.push(Ranked {
                id: n.id,
                dots,
                rank,
                tied,
            });
        }
        out
    }

    /// When the last place among the priorities is tied with opportunities left out, the tie.
    pub fn cutoff_tie(&self) -> Option<CutoffTie> {
        let ranking = self.ranking();
        let n = self.priority_count as usize;
        let last_in = ranking.get(n.checked_sub(1)?)?;
        let first_out = ranking.get(n)?;
        if last_in.dots != first_out.dots || last_in.dots == 0 {
            return None;
        }
        let dots = last_in.dots;
        let (inside, outside): (Vec<_>, Vec<_>) = ranking
            .iter()
            .enumerate()
            .filter(|(_, r)| r.dots == dots)
            .partition(|(i, _)| *i < n);
        Some(CutoffTie {
            dots,
            inside: inside.into_iter().map(|(_, r)| r.id).collect(),
            outside: outside.into_iter().map(|(_, r)| r.id).collect(),
        })
    }

    // ---- priorities --------------------------------------------------------------------

    /// The top opportunities with at least one dot, as many as `priority_count`.
    pub fn ranked_priorities(&self) -> Vec<Priority> {
        self.ranking()
            .into_iter()
            .filter(|r| r.dots > 0)
            .take(self.priority_count as usize)
            .filter_map(|r| {
                self.note(r.id).map(|n| Priority {
                    note: Some(n.id),
                    text: n.text.clone(),
                })
            })
            .collect()
    }

    /// The priorities: the facilitator's, once fixed, else the dot vote's top ones.
    pub fn priorities(&self) -> Vec<Priority> {
        match &self.priorities {
            Some(fixed) => fixed.clone(),
            None => self.ranked_priorities(),
        }
    }

    /// Whether the facilitator has fixed the priorities (they no longer follow the dots).
    pub fn priorities_fixed(&self) -> bool {
        self.priorities.is_some()
    }

    fn fixed_priorities(&mut self) -> &mut Vec<Priority> {
        let current = self.priorities();
        self.priorities.get_or_insert(current)
    }

    /// Rewords a priority (fixing the list).
    pub fn edit_priority(&mut self, index: usize, text: &str) -> Result<(), SnapshotError> {
        let text = Session::clean_text(text)?;
        let list = self.fixed_priorities();
        let p = list
            .get_mut(index)
            .ok_or(SnapshotError::NoSuchPriority(index + 1))?;
        p.text = text;
        Ok(())
    }

    /// Moves a priority one place up or down (fixing the list); returns its new index.
    pub fn move_priority(&mut self, index: usize, up: bool) -> Result<usize, SnapshotError> {
        let len = self.priorities().len();
        if index >= len {
            return Err(SnapshotError::NoSuchPriority(index + 1));
        }
        let to = if up {
            index.saturating_sub(1)
        } else {
            (index + 1).min(len - 1)
        };
        self.fixed_priorities().swap(index, to);
        Ok(to)
    }

    /// Drops the facilitator's changes: the priorities follow the dot vote again.
    pub fn retake_priorities(&mut self) {
        self.priorities = None;
    }

    /// Sets how many opportunities become priorities. A fixed list is cut short, or topped up
    /// with the next-ranked opportunities that have dots.
    pub fn set_priority_count(&mut self, n: u32) -> Result<(), SnapshotError> {
        check_setting("the number of priorities", n, 1)?;
        self.priority_count = n;
        let ranked: Vec<Priority> = self
            .ranking()
            .into_iter()
            .filter(|r| r.dots > 0)
            .filter_map(|r| {
                self.note(r.id).map(|note| Priority {
                    note: Some(note.id),
                    text: note.text.clone(),
                })
            })
            .collect();
        if let Some(list) = &mut self.priorities {
            list.truncate(n as usize);
            for p in ranked {
                if list.len() >= n as usize {
                    break;
                }
                if !list.iter().any(|q| q.note.is_some() && q.note == p.note) {
                    list.push(p);
                }
            }
        }
        Ok(())
    }
}
