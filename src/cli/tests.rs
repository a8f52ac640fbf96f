use super::*;
use clap::{CommandFactory, FromArgMatches};

/// Clap's reading of `args` with the environment left out (flags stand in for it).
fn clap_alone(args: &[&str]) -> Cli {
    let cmd = [STORE_ENV, CONTENT_ENV, EXPORTS_ENV]
        .iter()
        .fold(Cli::command(), |cmd, env| {
            let id = cmd
                .get_arguments()
                .find(|a| a.get_env() == Some(std::ffi::OsStr::new(env)))
                .map(|a| a.get_id().clone())
                .unwrap_or_else(|| panic!("no argument reads {env}"));
            cmd.mut_arg(id, |a| a.env(None))
        });
    Cli::from_arg_matches(&cmd.try_get_matches_from(args).unwrap()).unwrap()
}

#[test]
fn no_arguments_parse_like_clap_whatever_the_environment() {
    // (environment, the same given as flags)
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);
    let cases: [Case; 4] = [
        (&[], &["cpm-workshop"]),
        (&[(STORE_ENV, "/s")], &["cpm-workshop", "--store", "/s"]),
        (
            &[(STORE_ENV, "/s"), (CONTENT_ENV, "c d"), (EXPORTS_ENV, "/e")],
            &[
                "cpm-workshop",
                "--store",
                "/s",
                "--content",
                "c d",
                "--exports",
                "/e",
            ],
        ),
        (&[(EXPORTS_ENV, "é")], &["cpm-workshop", "--exports", "é"]),
    ];
    for (env, args) in cases {
        let shortcut = Cli::without_arguments(|name| {
            env.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        })
        .unwrap();
        assert_eq!(format!("{shortcut:?}"), format!("{:?}", clap_alone(args)));
    }
    // Clap refuses an empty folder name; the shortcut leaves that to it.
    assert!(Cli::without_arguments(|n| (n == CONTENT_ENV).then(OsString::new)).is_none());
    assert!(Cli::try_parse_from(["cpm-workshop", "--content", ""]).is_err());
}
