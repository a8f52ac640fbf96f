//! `cpm-workshop room check`: the room's connectivity self-test from the command line, so a
//! trainer finds a firewall or a wrong address before the room arrives.

use super::Cli;
use crate::phones::{addr, check};
use anyhow::{Result, bail};
use std::io::Write;

/// Says where the room would listen and whether this laptop's own request gets through there;
/// an error (non-zero exit) saying what to do when it does not.
pub fn check(cli: &Cli, out: &mut dyn Write) -> Result<()> {
    let list = addr::candidates();
    let given = cli.room_addr;
    let chosen = match addr::choose(given) {
        Ok(a) => a,
        Err(e) => bail!("{e}"),
    };
    let how = if given.is_some() {
        " (given with --room-addr)"
    } else {
        ""
    };
    writeln!(out, "Address: {}{how}", addr::describe(&list, chosen.ip()))?;
    let others: Vec<String> = list
        .iter()
        .filter(|c| c.ip != chosen.ip())
        .map(|c| {
            format!(
                "{} on {}",
                c.ip,
                crate::workshop::text::sanitize_line(&c.interface)
            )
        })
        .collect();
    if !others.is_empty() {
        writeln!(
            out,
            "Other addresses: {} (a in the room panel moves the room to the next)",
            others.join(", ")
        )?;
    }
    match check::self_test(chosen) {
        Ok(used) => {
            let port = if chosen.port() == 0 {
                format!(
                    "a free one, chosen when the room opens (this check listened on {})",
                    used.port()
                )
            } else {
                used.port().to_string()
            };
            writeln!(out, "Port: {port}")?;
            writeln!(
                out,
                "Self-test: a request from this laptop to http://{used}/ got through."
            )?;
            writeln!(out, "{}", check::PHONES_TOO)?;
            Ok(())
        }
        Err((at, failure)) => {
            writeln!(out, "Self-test: failed.")?;
            out.flush()?;
            bail!("room check failed: {}", failure.advice(at))
        }
    }
}
