//! Hostile input through the binary (issue 13): fixes that must settle,
//! special files, misleading messages, line endings and file identity.

mod cli_support;

use cli_support::*;

// ---- Fixes converge ----------------------------------------------------------

/// Words the generated drafts are made of: the presets' keys and house
/// forms, what their regex rules look for, and ordinary prose.
const WORDS: &[&str] = &[
    "US",
    "U.S.",
    "UN",
    "U.N.",
    "E.U.",
    "EU",
    "U.K.",
    "UK",
    "Mr",
    "Mr.",
    "Mrs.",
    "Ms",
    "Dr.",
    "St.",
    "Smith",
    "Jones",
    "said",
    "says",
    "told reporters",
    "announced",
    "added",
    "on",
    "Friday",
    "Monday",
    "ten",
    "twenty",
    "forty-two",
    "percent",
    "per cent",
    "5",
    "12.5",
    "the",
    "troops",
    "a",
    "and",
    "in",
    ",",
    ".",
    ":",
    "\"We",
    "act.\"",
    "“It",
    "is”",
    "'s",
    "-",
    "\n",
    "\n\n",
    "\r\n",
    "# ",
    "> ",
    "*",
];

/// A draft of `n` words picked by a fixed generator (the same every run).
fn draft(seed: u64, n: usize) -> String {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::new();
    for _ in 0..n {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let word = WORDS[(state >> 33) as usize % WORDS.len()];
        out.push_str(word);
        if !(state >> 20).is_multiple_of(3) {
            out.push(' ');
        }
    }
    out.push('\n');
    out
}

/// On every preset, `--fix` on generated drafts (plain and Markdown) and
/// the seed leaves nothing for a second `--fix` to do.
#[test]
fn a_second_fix_changes_nothing_on_every_preset() {
    for preset in ["ap", "british", "reuters"] {
        let drafts = Drafts::new();
        drafts.write("copydesk.toml", format!("extends = [\"{preset}\"]\n"));
        drafts.copy(SEED, "desk/seed.txt");
        for i in 0..40 {
            let ext = if i % 2 == 0 { "txt" } else { "md" };
            drafts.write(&format!("desk/{i:02}.{ext}"), draft(i, 20 + 7 * i as usize));
        }
        let first = run(drafts
            .copydesk()
            .args(["check", "--fix", "--unsafe-fixes", "desk"]));
        assert!(first.code < 2, "{preset}: {}", first.stderr);
        assert!(
            !first.stderr.contains("fixed 0 findings"),
            "{preset}: {}",
            first.stderr
        );
        let names = drafts.names();
        let before: Vec<String> = names.iter().map(|n| drafts.read(n)).collect();
        let second = run(drafts
            .copydesk()
            .args(["check", "--fix", "--unsafe-fixes", "desk"]));
        assert!(
            second.stderr.ends_with("fixed 0 findings in 0 files\n"),
            "{preset}: {}",
            second.stderr
        );
        let after: Vec<String> = names.iter().map(|n| drafts.read(n)).collect();
        assert_eq!(before, after, "{preset}");
    }
}

/// The issue's three replacements that re-match: each applies once.
#[test]
fn replacements_that_contain_what_they_match_apply_once() {
    let drafts = Drafts::new();
    drafts.write(
        "copydesk.toml",
        "[substitution.titles]\nswap = { \"Mr\" = \"Mr.\", \"Kiev\" = \"Kyiv (Kiev)\" }\n\n\
         [substitution.double]\nregex = true\nswap = { '(a+)' = \"$1$1\" }\n",
    );
    drafts.write("story.txt", "Mr Smith flew to Kiev with a baa.\n");
    for _ in 0..3 {
        run(drafts.copydesk().args(["check", "--fix", "story.txt"]));
        assert_eq!(
            drafts.read("story.txt"),
            "Mr. Smith flew to Kyiv (Kiev) with a baa.\n"
        );
    }
}

/// Rules that undo each other's fixes: the draft is left alone and the
/// error names the rule, instead of a draft rewritten back and forth.
#[test]
fn rules_that_undo_each_other_stop_with_an_error() {
    let drafts = Drafts::new();
    drafts.write(
        "copydesk.toml",
        "[substitution.american]\nswap = { \"colour\" = \"color\" }\n\n\
         [substitution.british]\nswap = { \"color\" = \"colour\" }\n",
    );
    drafts.write("story.txt", "The colour guard.\n");
    let out = run(drafts.copydesk().args(["check", "--fix", "story.txt"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("story.txt: fixes do not settle: after 8 passes `style/"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("nothing written"), "{}", out.stderr);
    assert_eq!(drafts.read("story.txt"), "The colour guard.\n");
}

// ---- Special files -------------------------------------------------------------

/// Make a FIFO at `path` (nobody ever writes to it).
#[cfg(unix)]
fn fifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// A run that must end: a hang is a failure, not a stuck suite.
fn bounded(cmd: &mut assert_cmd::Command) -> &mut assert_cmd::Command {
    cmd.timeout(std::time::Duration::from_secs(60))
}

/// A FIFO as a draft, as `--config` and in `extends`: never opened, said
/// what it is, exit 2, and the other drafts still checked.
#[cfg(unix)]
#[test]
fn fifos_are_refused_not_waited_on() {
    let drafts = Drafts::new();
    drafts.write("good.txt", "Quiet day.\n");
    fifo(&drafts.path("x.txt"));
    let out =
        run(bounded(&mut drafts.copydesk()).args(["check", "--no-config", "x.txt", "good.txt"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "x.txt: is a FIFO (named pipe), not a regular file; only regular files are read"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("checked 1 file: no findings; 1 file could not be checked"),
        "{}",
        out.stderr
    );

    fifo(&drafts.path("house.toml"));
    let out =
        run(bounded(&mut drafts.copydesk()).args(["check", "--config", "house.toml", "good.txt"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("is a FIFO (named pipe)"),
        "{}",
        out.stderr
    );

    drafts.write("copydesk.toml", "extends = [\"house.toml\"]\n");
    let out = run(bounded(&mut drafts.copydesk()).args(["check", "good.txt"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("cannot read `house.toml`: is a FIFO (named pipe)"),
        "{}",
        out.stderr
    );
}

/// `--config /dev/zero` is a device, refused at once instead of read for
/// ever; an oversized file is refused by size.
#[cfg(unix)]
#[test]
fn devices_and_huge_configuration_files_are_refused() {
    let drafts = Drafts::new();
    drafts.write("good.txt", "Quiet day.\n");
    let out =
        run(bounded(&mut drafts.copydesk()).args(["check", "--config", "/dev/zero", "good.txt"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("is a device, not a regular file"),
        "{}",
        out.stderr
    );
    drafts.write("big.toml", format!("# {}\n", "x".repeat(2 << 20)));
    let out = run(drafts
        .copydesk()
        .args(["check", "--config", "big.toml", "good.txt"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("a configuration file may have at most 1024 KiB"),
        "{}",
        out.stderr
    );
}

/// A folder, a FIFO or a dangling link named `copydesk.toml` is reported,
/// not passed over.
#[cfg(unix)]
#[test]
fn a_broken_copydesk_toml_is_reported_not_ignored() {
    type Make = fn(&std::path::Path);
    let cases: [(&str, Make); 3] = [
        ("is a folder", |p| std::fs::create_dir(p).unwrap()),
        ("is a FIFO (named pipe)", |p| fifo(p)),
        (
            "is a symbolic link to `gone.toml`, which does not exist",
            |p| std::os::unix::fs::symlink("gone.toml", p).unwrap(),
        ),
    ];
    for (what, make) in cases {
        let drafts = Drafts::new();
        drafts.write(".git/HEAD", "ref: refs/heads/main\n");
        drafts.write("good.txt", "Quiet day.\n");
        make(&drafts.path("copydesk.toml"));
        let out = run(bounded(&mut drafts.copydesk()).args(["check", "good.txt"]));
        assert_eq!(out.code, 2, "{what}: {}", out.stderr);
        assert!(out.stderr.contains(what), "{what}: {}", out.stderr);
    }
}

/// Invalid UTF-8 in a configuration file is placed.
#[test]
fn invalid_utf8_in_a_configuration_file_has_its_position() {
    let drafts = Drafts::new();
    drafts.write("good.txt", "Quiet day.\n");
    drafts.write("copydesk.toml", b"[checks]\n# caf\xe9\n".as_slice());
    let out = run(drafts.copydesk().args(["check", "good.txt"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("not valid UTF-8 at line 2, column 6 (byte 14)"),
        "{}",
        out.stderr
    );
}

// ---- Memory budget ---------------------------------------------------------------

/// A draft that needs more memory than the whole budget is an error for
/// that file, before it is read when its size alone says so; the other
/// drafts are still checked and reported (issue 13, item 4). Markdown
/// markup counts: the same bytes as plain text fit.
#[test]
fn drafts_over_the_memory_budget_are_reported_and_the_others_checked() {
    let drafts = Drafts::new();
    drafts.write(
        "big.txt",
        "The minister said talks would resume on Friday.\n".repeat(800),
    );
    let brackets = format!("{}\n", "[".repeat(2000));
    drafts.write("brackets.md", &brackets);
    drafts.write("brackets.txt", &brackets);
    drafts.write("small.txt", "\"We will not back down from this fight.\"\n");
    let out = run(drafts.copydesk().args([
        "check",
        "--no-config",
        "--memory",
        "512K",
        "--format",
        "json",
        "big.txt",
        "brackets.md",
        "brackets.txt",
        "small.txt",
    ]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "error: big.txt: not checked: it needs about 975 KB of memory, more than the budget of 512 KB (raise it with `--memory`, or split the draft)\n\
         error: brackets.md: not checked: it needs about 715 KB of memory, more than the budget of 512 KB (raise it with `--memory`, or split the draft)\n\
         checked 2 files: 1 warning; 2 files could not be checked\n"
    );
    let found: Vec<(String, String)> = json(&out).into_iter().map(|f| (f.path, f.code)).collect();
    assert_eq!(
        found,
        [("small.txt".to_owned(), "quote/unattributed".to_owned())]
    );

    // With room for it, the same draft is checked.
    let out = run(drafts
        .copydesk()
        .args(["check", "--no-config", "--memory", "2M", "big.txt"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
}

/// `--memory` takes sizes people write, and says what it expected.
#[test]
fn a_memory_budget_that_is_not_a_size_is_a_usage_error() {
    let out = run(copydesk().args(["check", "--no-config", "--memory", "lots", SEED]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("`lots` is not a size: write it as 512M, 2G or 1.5G"),
        "{}",
        out.stderr
    );
}

// ---- Messages ---------------------------------------------------------------------

/// UTF-16 text, with or without a byte-order mark, is named as such with
/// the way out; the other drafts are still checked.
#[test]
fn utf16_drafts_are_named_with_how_to_convert_them() {
    let utf16 = |text: &str, big: bool, bom: bool| -> Vec<u8> {
        let mut out: Vec<u8> = Vec::new();
        for unit in bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16()) {
            out.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    };
    let drafts = Drafts::new();
    drafts.write("le.txt", utf16("Quiet day.\n", false, true));
    drafts.write("be.txt", utf16("Quiet day.\n", true, false));
    drafts.write("good.txt", "Quiet day.\n");
    let out = run(drafts
        .copydesk()
        .args(["check", "--no-config", "le.txt", "be.txt", "good.txt"]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: le.txt: UTF-16 text (little-endian), not UTF-8: save it as UTF-8, or convert it with `iconv -f UTF-16 -t UTF-8 FILE > NEW`\n\
         error: be.txt: UTF-16 text (big-endian), not UTF-8: save it as UTF-8, or convert it with `iconv -f UTF-16 -t UTF-8 FILE > NEW`\n\
         checked 1 file: no findings; 2 files could not be checked\n"
    );
}

#[test]
fn rules_for_a_missing_path_fail() {
    let out = run(copydesk().args(["rules", "/nonexistent/copydesk-draft.txt"]));
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: /nonexistent/copydesk-draft.txt: no such file or folder\n"
    );
}

#[test]
fn an_invalid_include_glob_is_an_error() {
    let out = run(copydesk().args(["check", "--include", "[", "tests/fixtures"]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: invalid glob `[`: unclosed character class; missing ']'\n"
    );
}

#[test]
fn init_into_a_missing_folder_says_so() {
    let drafts = Drafts::new();
    let out = run(drafts.copydesk().args(["init", "desk/sport"]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: desk/sport: no such folder; create it first (mkdir -p desk/sport)\n"
    );
    assert_eq!(drafts.names(), Vec::<String>::new());
}

// ---- Line endings and file identity -------------------------------------------

/// The seed and a story with a repeated paragraph, with LF, CRLF and lone
/// CR line ends: the same findings at the same lines and columns.
#[test]
fn cr_lf_and_crlf_drafts_get_the_same_findings() {
    for fixture in [SEED, "tests/fixtures/duplicate.txt"] {
        let lf = std::fs::read_to_string(root().join(fixture)).unwrap();
        let drafts = Drafts::new();
        drafts.write("lf.txt", &lf);
        drafts.write("crlf.txt", lf.replace('\n', "\r\n"));
        drafts.write("cr.txt", lf.replace('\n', "\r"));
        let found = |name: &str| -> Vec<(String, usize, usize, Vec<usize>)> {
            let out =
                run(drafts
                    .copydesk()
                    .args(["check", "--no-config", "--format", "json", name]));
            json(&out)
                .into_iter()
                .map(|f| {
                    let related = f.related.iter().map(|r| r.start.line).collect();
                    (f.code, f.start.line, f.start.column, related)
                })
                .collect()
        };
        let expected = found("lf.txt");
        assert!(!expected.is_empty(), "{fixture}");
        assert_eq!(found("crlf.txt"), expected, "{fixture}: CRLF");
        assert_eq!(found("cr.txt"), expected, "{fixture}: CR");
    }
}

/// Whether `tool --version` runs here.
fn have(tool: &str) -> bool {
    std::process::Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `--diff` output for LF, CRLF, lone-CR and no-final-newline drafts, with
/// the paths as `.`, a folder or files name them: `git apply` and `patch
/// -p1` both take it, and applying it gives what `--fix` writes.
#[test]
fn diffs_apply_with_git_and_patch() {
    let drafts = Drafts::new();
    drafts.write(
        "copydesk.toml",
        "[substitution.stops]\nswap = { \"US\" = \"U.S.\" }\n",
    );
    let texts = [
        ("lf.txt", "The US said.\nok\n\nThe US again.\n"),
        ("crlf.txt", "The US said.\r\nok\r\n\r\nThe US again.\r\n"),
        ("cr.txt", "The US said.\rok\r\rThe US again.\r"),
        ("nonl.md", "ok\n\nno newline US"),
    ];
    for (name, text) in texts {
        drafts.write(&format!("desk/{name}"), text);
    }
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(drafts.dir.path())
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q", "."]);
    for paths in [
        vec!["."],
        vec!["desk"],
        vec![
            "./desk/lf.txt",
            "desk/../desk/crlf.txt",
            "desk/cr.txt",
            "desk/nonl.md",
        ],
    ] {
        let mut args = vec!["check", "--diff"];
        args.extend(&paths);
        let out = run(drafts.copydesk().args(&args));
        assert_eq!(out.code, 1, "{paths:?}: {}", out.stderr);
        drafts.write("fix.diff", &out.stdout);
        git(&["apply", "--check", "fix.diff"]);
        if have("patch") {
            let status = std::process::Command::new("patch")
                .args(["-p1", "--dry-run", "--silent", "-i", "fix.diff"])
                .current_dir(drafts.dir.path())
                .status()
                .unwrap();
            assert!(status.success(), "patch refused {paths:?}:\n{}", out.stdout);
        }
    }
    // Applied, the patch gives what --fix writes.
    git(&["apply", "fix.diff"]);
    let applied: Vec<String> = texts
        .iter()
        .map(|(n, _)| drafts.read(&format!("desk/{n}")))
        .collect();
    for (name, text) in texts {
        drafts.write(&format!("desk/{name}"), text);
    }
    run(drafts.copydesk().args(["check", "--fix", "desk"]));
    let fixed: Vec<String> = texts
        .iter()
        .map(|(n, _)| drafts.read(&format!("desk/{n}")))
        .collect();
    assert_eq!(applied, fixed);
    assert_eq!(fixed[2], "The U.S. said.\rok\r\rThe U.S. again.\r");
}

/// `--fix` leaves hard-linked and read-only drafts alone, saying why, and
/// fixes the others.
#[cfg(unix)]
#[test]
fn fix_refuses_hard_links_and_read_only_files() {
    use std::os::unix::fs::PermissionsExt;
    let drafts = Drafts::new();
    drafts.write(
        "copydesk.toml",
        "[substitution.stops]\nswap = { \"US\" = \"U.S.\" }\n",
    );
    for name in ["linked.txt", "locked.txt", "plain.txt"] {
        drafts.write(name, "The US said.\n");
    }
    std::fs::hard_link(drafts.path("linked.txt"), drafts.path("other-name.md")).unwrap();
    std::fs::set_permissions(
        drafts.path("locked.txt"),
        std::fs::Permissions::from_mode(0o444),
    )
    .unwrap();
    let out =
        run(drafts
            .copydesk()
            .args(["check", "--fix", "linked.txt", "locked.txt", "plain.txt"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("error: linked.txt: has 2 hard links; not fixed, as the other names would keep the old text"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("error: locked.txt: is read-only; not fixed"),
        "{}",
        out.stderr
    );
    assert_eq!(drafts.read("linked.txt"), "The US said.\n");
    assert_eq!(drafts.read("other-name.md"), "The US said.\n");
    assert_eq!(drafts.read("locked.txt"), "The US said.\n");
    assert_eq!(drafts.read("plain.txt"), "The U.S. said.\n");
}
