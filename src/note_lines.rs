//! Notes read one per line from a stream (`cpm-workshop add … -`), for sticky notes and Snapshot
//! notes alike. Each note is on disk before the next line is awaited, so a scribe piping notes
//! in one at a time loses none if the command is killed; a piped file is saved in a few large
//! saves (whenever no more input is already buffered). A line that is not UTF-8 is reported and
//! skipped; the lines around it are saved.

use crate::store::StoreError;
use anyhow::{Context, Result, anyhow};
use std::io::BufRead;

/// Bytes read from the stream at a time.
const READ_BUFFER: usize = 1 << 16;

/// What came of a stream of notes.
#[derive(Debug, Default)]
pub struct Fed {
    /// Notes on disk.
    pub saved: usize,
    /// Lines not saved, each as `line N: not saved: why`.
    pub problems: Vec<String>,
}

/// Reads `input` one line at a time; `add` puts a non-blank line's note into `target` (in memory)
/// or says why not; `save` writes `target` to disk. A failed save stops the stream with a message
/// saying which lines are on disk and which are not.
pub fn feed<T, E: std::fmt::Display>(
    input: impl std::io::Read,
    target: &mut T,
    mut add: impl FnMut(&mut T, &str) -> Result<(), E>,
    mut save: impl FnMut(&T) -> Result<(), StoreError>,
) -> Result<Fed> {
    let mut reader = std::io::BufReader::with_capacity(READ_BUFFER, input);
    let mut fed = Fed::default();
    let (mut pending, mut line_no, mut first_pending_line) = (0usize, 0usize, 1usize);
    let mut buf = Vec::new();
    // Reports what is on disk before giving up, so no line is silently lost.
    let unsaved = |e: StoreError, saved: usize, from: usize, to: usize| {
        anyhow!(
            "{e}\nSaved {saved} notes before this; lines {from} to {to} of the input were NOT saved — run the command again with those lines"
        )
    };
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .context("reading notes from standard input")?;
        if n == 0 {
            break;
        }
        line_no += 1;
        // A file saved by Notepad starts with a byte-order mark; it is not part of the note.
        match std::str::from_utf8(&buf).map(crate::cli::conventions::without_bom) {
            Ok(line) if line.trim().is_empty() => {}
            Ok(line) => match add(target, line) {
                Ok(()) => pending += 1,
                Err(e) => fed.problems.push(format!("line {line_no}: not saved: {e}")),
            },
            Err(e) => fed.problems.push(format!(
                "line {line_no}: not saved: it is not UTF-8 text (byte {} is not); save the input as UTF-8",
                e.valid_up_to() + 1
            )),
        }
        if pending > 0 && reader.buffer().is_empty() {
            save(target).map_err(|e| unsaved(e, fed.saved, first_pending_line, line_no))?;
            fed.saved += pending;
            pending = 0;
            first_pending_line = line_no + 1;
        }
    }
    if pending > 0 {
        save(target).map_err(|e| unsaved(e, fed.saved, first_pending_line, line_no))?;
        fed.saved += pending;
    }
    Ok(fed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_blank_lines_and_reports_bad_ones_saving_the_rest() {
        let input: &[u8] = b"one\n\n  \nt\xffwo\nthree\r\nbad\n";
        let mut notes: Vec<String> = Vec::new();
        let mut saves = 0;
        let fed = feed(
            input,
            &mut notes,
            |notes, line| {
                if line.starts_with("bad") {
                    return Err("refused");
                }
                notes.push(line.trim_end().to_string());
                Ok(())
            },
            |_| {
                saves += 1;
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(notes, ["one", "three"]);
        assert_eq!(fed.saved, 2);
        assert_eq!(saves, 1, "a buffered stream is saved once");
        assert_eq!(fed.problems.len(), 2);
        assert!(fed.problems[0].starts_with("line 4: not saved: it is not UTF-8"));
        assert_eq!(fed.problems[1], "line 6: not saved: refused");
    }
}
