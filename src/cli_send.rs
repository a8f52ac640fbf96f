//! `cpm-workshop add` and `vote`: the change becomes one domain command, sent with
//! [`handoff::send`] (written here while no app has the session open, handed to the app that has
//! it open otherwise), and what it did is printed.

use crate::console;
use crate::content::SnapshotActivity;
use crate::handoff;
use crate::note_lines;
use crate::store::{Store, Summary};
use crate::workshop::Session;
use crate::workshop::command::{self, Command, CommandKind, Outcome};
use anyhow::{Result, bail};
use std::io::Write;
use std::time::Duration;
use time::OffsetDateTime;

/// Where a command goes and how long it may wait for an app that has the session open.
pub struct Target<'a> {
    pub store: &'a Store,
    pub session: &'a Summary,
    /// For a Snapshot session that has no record yet.
    pub activity: &'a SnapshotActivity,
    pub wait: Duration,
    pub now: OffsetDateTime,
}

impl Target<'_> {
    fn send(&self, change: CommandKind) -> Result<Outcome> {
        handoff::send(
            self.store,
            &self.session.id,
            change,
            self.activity,
            self.wait,
            self.now,
        )
    }
}

/// Adds `text` (or, for "-", one note per line of standard input) as the notes `make` turns a
/// batch of texts into; `show_place` adds where they went to the report (Snapshot headings).
pub fn add(
    target: &Target,
    make: impl Fn(Vec<String>) -> CommandKind,
    text: &str,
    show_place: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let mut place = None;
    let mut record = |outcome: Outcome| {
        if let Outcome::Added { place: p, .. } = outcome {
            place = Some(p);
        }
    };
    if text != "-" {
        record(target.send(make(vec![text.to_string()]))?);
        let place = place.filter(|_| show_place);
        return report_added(out, 1, target.session, place.as_deref(), &[]);
    }
    // A placement, dimension or activity that cannot take notes is refused before any input is
    // read, by trying the command on a copy of the session as it is now.
    let mut copy = target.store.load(&target.session.id)?;
    let probe = Command::new(String::new(), make(vec!["probe".to_string()]));
    command::apply(&mut copy, &probe, target.activity, target.now)?;
    let mut sent = 0;
    let fed = note_lines::feed(
        std::io::stdin().lock(),
        &mut Vec::new(),
        |batch: &mut Vec<String>, line| {
            Session::clean_text(line)?;
            batch.push(line.to_string());
            Ok::<(), crate::workshop::EditError>(())
        },
        |batch| {
            let outcome = target.send(make(batch[sent..].to_vec()))?;
            sent = batch.len();
            record(outcome);
            Ok::<(), anyhow::Error>(())
        },
    )?;
    let place = place.filter(|_| show_place);
    report_added(
        out,
        fed.saved,
        target.session,
        place.as_deref(),
        &fed.problems,
    )
}

/// Records the room's show of hands and prints the tally.
pub fn vote(target: &Target, change: CommandKind, out: &mut dyn Write) -> Result<()> {
    let outcome = target.send(change)?;
    writeln!(out, "{}", console::line(&handoff::describe(&outcome)))?;
    Ok(())
}

/// Says how many notes reached `session` (and, if given, where), then fails with the lines that
/// were refused, if any.
fn report_added(
    out: &mut dyn Write,
    saved: usize,
    session: &Summary,
    place: Option<&str>,
    problems: &[String],
) -> Result<()> {
    let place = place
        .map(|p| format!(": {}", console::line(p)))
        .unwrap_or_default();
    writeln!(
        out,
        "Saved {saved} note{} to {:?} ({}){place}.",
        if saved == 1 { "" } else { "s" },
        console::line(&session.name),
        session.id
    )?;
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    Ok(())
}
