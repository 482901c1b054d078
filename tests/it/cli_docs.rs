//! Shell completions and manual pages, made from the command line's own
//! definition: every command `mentorbook --help` lists is in them.

use crate::support::{Ran, run};
use std::process::{Command, Stdio};

/// The commands `mentorbook --help` lists (but `help`).
fn commands() -> Vec<String> {
    let help = run(["--help"]).expect_success().stdout();
    let listed: Vec<String> = help
        .split("Commands:\n")
        .nth(1)
        .expect("a list of commands")
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .filter(|c| c != "help")
        .collect();
    for expected in ["check", "build", "serve", "init", "completions", "man"] {
        assert!(listed.iter().any(|c| c == expected), "{listed:?}");
    }
    listed
}

/// `script` read by `shell -n` (parsed, not run), when that shell is here.
fn parses_in(shell: &str, script: &str) {
    let Ok(mut child) = Command::new(shell)
        .arg("-n")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    else {
        return;
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("wait");
    assert!(
        output.status.success(),
        "{shell} cannot read it: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn completions_cover_every_command_in_every_shell() {
    let commands = commands();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = run(["completions", shell]).expect_success().stdout();
        for command in &commands {
            assert!(script.contains(command.as_str()), "{shell}: no {command}");
        }
        // Options of a command are completed too.
        assert!(script.contains("as-of"), "{shell}");
    }
    parses_in("bash", &run(["completions", "bash"]).stdout());
    parses_in("zsh", &run(["completions", "zsh"]).stdout());
    let unknown = run(["completions", "tcsh"]);
    assert_eq!(unknown.status().code(), Some(2));
    assert!(
        unknown.stderr().contains("possible values"),
        "{}",
        unknown.stderr()
    );
}

#[test]
fn the_manual_page_lists_every_command_and_a_folder_gets_one_page_each() {
    let commands = commands();
    let page = run(["man"]).expect_success().stdout();
    assert!(page.contains(".TH mentorbook 1"), "{page}");
    for command in &commands {
        assert!(
            page.contains(&format!("mentorbook\\-{command}(1)")),
            "no {command} in {page}"
        );
    }
    // `man` itself reads it, where it is installed.
    if let Ok(output) = Command::new("man")
        .args(["-l", "-"])
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(page.as_bytes())?;
            child.wait_with_output()
        })
        && output.status.success()
    {
        let shown = String::from_utf8_lossy(&output.stdout);
        assert!(shown.contains("SUBCOMMANDS"), "{shown}");
    }

    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("man1");
    let ran: Ran = run(["man", "--out", out.to_str().expect("utf8")]).expect_success();
    assert!(ran.stdout().contains("Wrote the manual pages"));
    for command in &commands {
        let page = std::fs::read_to_string(out.join(format!("mentorbook-{command}.1")))
            .unwrap_or_else(|e| panic!("mentorbook-{command}.1: {e}"));
        assert!(
            page.contains(&format!(".TH mentorbook-{command} 1")),
            "{page}"
        );
    }
    let build = std::fs::read_to_string(out.join("mentorbook-build.1")).expect("build page");
    assert!(build.contains("\\-\\-as\\-of"), "{build}");
}
