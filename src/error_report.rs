//! How a command that failed ends: the message printed for its error, each cause once, and
//! the one failure that is a normal end (the reader of standard output went away).

use std::io;

/// The error and its causes joined with ": ", leaving out a cause whose text the message
/// already holds (our errors name their cause in their own message and also expose it as the
/// source, so printing the whole chain said "Is a directory (os error 21)" twice).
pub fn message(error: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in error.chain() {
        let cause = cause.to_string();
        if text.is_empty() {
            text = cause;
        } else if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

/// True when the command failed only because standard output was closed under it (`list |
/// head -1`): what was wanted was read, so this ends quietly and successfully. A broken pipe
/// inside another error (an export into a FIFO whose reader left) is still reported.
pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    // A context's downcast also finds the error under it, so the chain's length says "bare".
    error.chain().count() == 1
        && error
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn a_cause_already_in_the_message_is_printed_once() {
        let io = io::Error::from(io::ErrorKind::IsADirectory);
        let cause = io.to_string();
        let store = crate::store::StoreError::Io {
            action: "write",
            path: "d".into(),
            source: std::sync::Arc::new(io),
        };
        let text = message(&anyhow::Error::new(store));
        assert_eq!(text.matches(&cause).count(), 1, "{text}");
        // Context above a cause it does not repeat keeps both.
        let read: anyhow::Result<()> =
            Err(io::Error::other("disk gone")).context("reading notes from standard input");
        assert_eq!(
            message(&read.unwrap_err()),
            "reading notes from standard input: disk gone"
        );
    }

    #[test]
    fn only_a_bare_broken_pipe_is_a_quiet_end() {
        let pipe = || io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(is_closed_pipe(&anyhow::Error::new(pipe())));
        let wrapped: anyhow::Result<()> = Err(pipe()).context("-o fifo");
        assert!(!is_closed_pipe(&wrapped.unwrap_err()));
        assert!(!is_closed_pipe(&anyhow::anyhow!("Broken pipe")));
    }
}
