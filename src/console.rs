//! What the command line prints to a terminal. A session file, an activity script or an argument
//! can hold escape codes (a window title, a clipboard write, "clear screen") or bidi overrides;
//! every string that came from one of them passes through here before it is printed, cleaned by
//! the same rule the exports use ([`crate::workshop::text`]).

use crate::workshop::text::{sanitize, sanitize_line};

/// A name, id or other one-line value from a file or the command line, safe to print.
pub fn line(text: &str) -> String {
    sanitize_line(text)
}

/// A message that may span lines (an error and its causes), safe to print.
pub fn message(text: &str) -> String {
    sanitize(text)
}

/// Prints an error the way every command ends on failure: `error: …` on standard error.
pub fn print_error(error: &anyhow::Error) {
    eprintln!("error: {}", message(&crate::error_report::message(error)));
}

/// Prints a warning that does not stop the command.
pub fn print_warning(warning: &dyn std::fmt::Display) {
    eprintln!("warning: {}", message(&warning.to_string()));
}

/// Ends the process for a command line clap refused. Clap's messages repeat the bad value
/// ("invalid value '…' for '--deck'"), so they are cleaned too; help and version go out as clap
/// writes them.
pub fn exit_for_clap_error(error: clap::Error) -> ! {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        error.exit();
    }
    eprintln!("{}", message(&error.render().to_string()));
    std::process::exit(error.exit_code());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_what_a_hostile_file_could_send_to_a_terminal() {
        let hostile = "A\x1b]0;title\x07B\x1b[2JC\x1b]52;c;SU5KRUNURUQ=\x07D\u{202e}E\u{9b}2J";
        assert_eq!(line(hostile), "ABCDE");
        assert_eq!(message(&format!("first\n{hostile}")), "first\nABCDE");
    }

    /// `content show` cleans the deck it prints; a shipped deck comes out exactly as before.
    #[test]
    fn clean_text_passes_unchanged() {
        let library = crate::content::Library::shipped();
        for deck in library.decks() {
            let text = crate::content::deck_to_text(deck);
            assert_eq!(format!("{}\n", message(&text)), text, "{}", deck.id);
        }
    }
}
