//! Golden tests of the `copydesk` binary: output formats, exit codes, file
//! walking and bad input, run as a user would run them.
//!
//! The JSON output is read back through derived structs with
//! `deny_unknown_fields`, so these tests also pin its shape.

mod cli_support;

use std::io::Write;
use std::process::Stdio;

use cli_support::*;

const UNATTRIBUTED: &str = "The town council approved its new budget on Monday.\n\
\"This budget keeps every library in the district open for another year.\"\n";

// ---- The seed -------------------------------------------------------------

/// SPEC §3: exactly three findings on the seed. Needs the repeat checks.
#[test]
fn seed_json_has_the_three_expected_findings() {
    let out = run(copydesk().args(["check", "--format", "json", SEED]));
    let findings = json(&out);
    let summary: Vec<(usize, &str, Vec<usize>)> = findings
        .iter()
        .map(|f| {
            let related = f.related.iter().map(|r| r.start.line).collect();
            (f.start.line, f.code.as_str(), related)
        })
        .collect();
    assert_eq!(
        summary,
        [
            (3, "repeat/paragraph", vec![1]),
            (6, "repeat/quote", vec![2]),
            (7, "repeat/quote", vec![2]),
        ],
        "{}",
        out.stdout
    );
    assert_eq!(out.code, 1, "warnings fail the run by default");
    assert_eq!(out.stderr, "checked 1 file: 3 warnings\n");

    let text = std::fs::read_to_string(root().join(SEED)).unwrap();
    for f in &findings {
        assert_eq!(f.path, SEED);
        assert_eq!(f.severity, "warning");
        assert!(!f.message.is_empty());
        assert!(f.start.offset < f.end.offset && f.end.offset <= text.len());
        assert_eq!(
            f.start.line, f.end.line,
            "{}: one paragraph per line",
            f.code
        );
        for r in &f.related {
            assert_eq!(r.path, SEED);
            assert!(!r.message.is_empty());
            assert!(r.start.offset < r.end.offset);
        }
    }
    // The restated paragraph's fix deletes it.
    let fix = findings[0]
        .fix
        .as_ref()
        .expect("repeat/paragraph has a fix");
    let mut fixed = text.clone();
    for edit in fix.edits.iter().rev() {
        fixed.replace_range(edit.start.offset..edit.end.offset, &edit.replacement);
    }
    let without_line_3: String = text
        .split_inclusive('\n')
        .enumerate()
        .filter(|(i, _)| *i != 2)
        .map(|(_, line)| line)
        .collect();
    assert_eq!(
        fixed, without_line_3,
        "fix {:?} ({})",
        fix.title, fix.safety
    );
}

/// The seed in the human format. Needs the repeat checks.
#[test]
fn seed_human_output() {
    let out = run(copydesk().args(["check", SEED]));
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, "checked 1 file: 3 warnings\n");
    insta::assert_snapshot!(out.stdout);
}

/// The seed in the JSON format. Needs the repeat checks.
#[test]
fn seed_json_output() {
    let out = run(copydesk().args(["check", "--format=json", SEED]));
    insta::assert_snapshot!(out.stdout);
}

// ---- Exit codes ------------------------------------------------------------

#[test]
fn clean_draft_exits_0_with_a_summary() {
    let out = run(copydesk().args(["check", "tests/fixtures/clean.txt"]));
    assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{}", out.stdout);
    assert_eq!(out.stderr, "checked 1 file: no findings\n");

    let out = run(copydesk().args(["check", "--format", "json", "tests/fixtures/clean.txt"]));
    assert_eq!((out.code, out.stdout.as_str()), (0, "[]\n"));
}

/// Needs `quote/unattributed`.
#[test]
fn a_finding_exits_1_unless_fail_on_says_otherwise() {
    let path = "tests/fixtures/unattributed.txt";
    let out = run(copydesk().args(["check", path]));
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.starts_with("warning[quote/unattributed]: ")
            && out.stdout.contains(&format!(" --> {path}:2:1\n")),
        "{}",
        out.stdout
    );
    assert_eq!(out.stderr, "checked 1 file: 1 warning\n");

    for (fail_on, code) in [
        ("error", 0),
        ("warning", 1),
        ("info", 1),
        ("hint", 1),
        ("never", 0),
    ] {
        let out = run(copydesk().args(["check", "-q", "--fail-on", fail_on, path]));
        assert_eq!(out.code, code, "--fail-on {fail_on}");
        assert_eq!(out.stderr, "", "--quiet drops the summary");
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check", "--no-such-flag"][..],
        &["check", "--format", "xml", SEED],
        &["check", "--fail-on", "fatal", SEED],
        &["frobnicate"],
        &[],
        &["check", "-", "-"],
    ] {
        let out = run(copydesk().args(args).write_stdin(""));
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        // clap answers a missing subcommand with the usage, not an error line.
        assert!(
            out.stderr.starts_with("error: ") || out.stderr.contains("Usage: copydesk"),
            "{args:?}: {}",
            out.stderr
        );
        assert_eq!(out.stdout, "", "{args:?}");
    }
}

#[test]
fn help_and_version_exit_0() {
    let out = run(copydesk().arg("--help"));
    assert_eq!(out.code, 0);
    for command in ["check", "rules", "explain"] {
        assert!(out.stdout.contains(command), "{}", out.stdout);
    }
    let out = run(copydesk().arg("--version"));
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        format!("copydesk {}\n", env!("CARGO_PKG_VERSION"))
    );
}

// ---- Bad input -------------------------------------------------------------

/// Invalid UTF-8 is an error for that file only: the others are still
/// checked and reported, and the run exits 2. Needs `quote/unattributed`.
#[test]
fn invalid_utf8_is_reported_and_the_other_files_still_checked() {
    let drafts = Drafts::new();
    drafts
        .write("a.txt", UNATTRIBUTED)
        .write("b.txt", b"Caf\xe9 au lait, he said.\n")
        .write("c.txt", UNATTRIBUTED);
    let out = run(drafts.copydesk().args(["check", "--format", "json", "."]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: ./b.txt: not valid UTF-8 (byte 3)\n\
         checked 2 files: 2 warnings; 1 file could not be checked\n"
    );
    let paths: Vec<String> = json(&out).into_iter().map(|f| f.path).collect();
    assert_eq!(paths, ["./a.txt", "./c.txt"]);

    let out = run(drafts.copydesk().args(["check", "a.txt", "b.txt", "c.txt"]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: b.txt: not valid UTF-8 (byte 3)\n\
         checked 2 files: 2 warnings; 1 file could not be checked\n"
    );
    assert_eq!(out.stdout.matches("warning[quote/unattributed]").count(), 2);
}

#[test]
fn binary_missing_and_huge_files_are_errors_naming_the_path() {
    let drafts = Drafts::new();
    drafts
        .write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        .write("ok.txt", "Fine.\n");
    let huge = std::fs::File::create(drafts.dir.path().join("huge.txt")).unwrap();
    // A sparse file: over the 64 MB limit without writing 64 MB.
    huge.set_len(65 * 1024 * 1024).unwrap();
    let out =
        run(drafts
            .copydesk()
            .args(["check", "photo.txt", "missing.txt", "huge.txt", "ok.txt"]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: photo.txt: binary file, not a draft (NUL byte at byte 8)\n\
         error: missing.txt: No such file or directory\n\
         error: huge.txt: too large (65 MB; drafts over 64 MB are not checked)\n\
         checked 1 file: no findings; 3 files could not be checked\n"
    );
}

#[test]
fn an_empty_file_has_no_findings() {
    // Made here, not kept in the repository: an empty tracked file would
    // look identical to an empty file of the research corpus.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = run(copydesk()
        .current_dir(dir.path())
        .args(["check", "empty.txt"]));
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
    assert_eq!(out.stderr, "checked 1 file: no findings\n");
    let out = run(copydesk()
        .args(["check", "--format", "json", "-"])
        .write_stdin(""));
    assert_eq!((out.code, out.stdout.as_str()), (0, "[]\n"));
}

// ---- Inputs ----------------------------------------------------------------

/// Needs `quote/unattributed`.
#[test]
fn stdin_is_named_by_stdin_filename_which_also_picks_markdown() {
    let story = std::fs::read_to_string(root().join("tests/fixtures/story.md")).unwrap();

    // As Markdown, the quote inside the code block is not prose.
    let out = run(copydesk()
        .args([
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "desk/story.md",
            "-",
        ])
        .write_stdin(story.clone()));
    let findings = json(&out);
    let found: Vec<(&str, &str, usize)> = findings
        .iter()
        .map(|f| (f.path.as_str(), f.code.as_str(), f.start.line))
        .collect();
    assert_eq!(found, [("desk/story.md", "quote/unattributed", 9)]);
    assert_eq!(out.code, 1);

    // Without a name, standard input is plain text called <stdin>, and the
    // fenced line is a paragraph like any other.
    let out = run(copydesk()
        .args(["check", "--format", "json", "-"])
        .write_stdin(story));
    let lines: Vec<(String, usize)> = json(&out)
        .into_iter()
        .filter(|f| f.code == "quote/unattributed")
        .map(|f| (f.path, f.start.line))
        .collect();
    assert_eq!(lines, [("<stdin>".into(), 6), ("<stdin>".into(), 9)]);
}

/// Folders are walked recursively in name order, only .txt/.md/.markdown,
/// skipping what .gitignore and hidden names exclude. Every file here is
/// invalid UTF-8, so the error lines show exactly which files were read.
#[test]
fn folders_are_walked_in_order_respecting_gitignore() {
    let drafts = Drafts::new();
    for name in [
        "desk/z.txt",
        "desk/a.md",
        "desk/sport/late.markdown",
        "desk/sport/early.txt",
        "desk/sport/draft-old.txt",
        "desk/notes.rst",
        "desk/.hidden.txt",
    ] {
        drafts.write(name, b"\xff");
    }
    drafts.write("desk/.gitignore", "draft-old.txt\n");
    let out = run(drafts.copydesk().args(["check", "desk"]));
    assert_eq!(out.code, 2);
    let read: Vec<&str> = out
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("error: "))
        .map(|l| l.trim_end_matches(": not valid UTF-8 (byte 0)"))
        .collect();
    assert_eq!(
        read,
        [
            "desk/a.md",
            "desk/sport/early.txt",
            "desk/sport/late.markdown",
            "desk/z.txt"
        ]
    );

    // A file named on the command line is read whatever its extension.
    let out = run(drafts.copydesk().args(["check", "desk/notes.rst"]));
    assert!(out
        .stderr
        .starts_with("error: desk/notes.rst: not valid UTF-8"));
}

/// Needs `quote/unattributed`.
#[test]
fn folder_findings_come_in_path_order() {
    let drafts = Drafts::new();
    drafts
        .write("desk/world/b.txt", UNATTRIBUTED)
        .write("desk/a.md", UNATTRIBUTED)
        .write("desk/world/ignored.txt", UNATTRIBUTED)
        .write("desk/.gitignore", "ignored.txt\n")
        .write("desk/clean.txt", "Quiet day.\n")
        .write("desk/z.markdown", UNATTRIBUTED);
    let out = run(drafts
        .copydesk()
        .args(["check", "--format", "json", "desk"]));
    let paths: Vec<String> = json(&out).into_iter().map(|f| f.path).collect();
    assert_eq!(paths, ["desk/a.md", "desk/world/b.txt", "desk/z.markdown"]);

    let out = run(drafts.copydesk().args(["check", "desk"]));
    assert_eq!(out.stderr, "checked 4 files: 3 warnings\n");
}

#[test]
fn no_path_checks_the_current_folder() {
    let drafts = Drafts::new();
    drafts
        .write("sub/bad.txt", b"\xc3")
        .write("good.md", "Fine.\n");
    let out = run(drafts.copydesk().arg("check"));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: sub/bad.txt: not valid UTF-8 (byte 0)\n\
         checked 1 file: no findings; 1 file could not be checked\n"
    );
}

#[test]
fn a_folder_without_drafts_gets_a_warning() {
    let drafts = Drafts::new();
    drafts.write("empty/readme.rst", "Not a draft.\n");
    let out = run(drafts.copydesk().args(["check", "empty"]));
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "warning: empty: no .txt, .md or .markdown files found\n\
         checked 0 files: no findings\n"
    );
}

/// On a narrow terminal (`COLUMNS`) the human snippets fit it, carets
/// capped; the JSON is the same whatever the width.
#[test]
fn human_output_fits_columns_and_json_ignores_them() {
    let narrow = run(copydesk().env("COLUMNS", "72").args(["check", SEED]));
    assert_eq!(narrow.code, 1);
    for line in narrow.stdout.lines().filter(|l| l.contains(" | ")) {
        assert!(line.chars().count() <= 72, "{line:?}\n{}", narrow.stdout);
    }
    assert!(narrow.stdout.contains(&format!("  | {}\n", "^".repeat(65))));
    let wide = run(copydesk().args(["check", SEED]));
    assert_ne!(narrow.stdout, wide.stdout);
    let json = |columns: &str| {
        run(copydesk()
            .env("COLUMNS", columns)
            .args(["check", "--format", "json", SEED]))
        .stdout
    };
    assert_eq!(json("40"), json("300"));
}

#[test]
fn check_without_paths_in_a_folder_without_drafts_says_so() {
    let drafts = Drafts::new();
    drafts.write("notes/readme.rst", "Not a draft.\n");
    let out = run(drafts.copydesk().arg("check"));
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "warning: no .txt, .md or .markdown files found in the current folder; \
         name the drafts or folders to check: `copydesk check PATH…`\n\
         checked 0 files: no findings\n"
    );
    // With a draft there, the implicit folder is checked without a word.
    drafts.write("notes/a.txt", "The council met on Monday.\n");
    let out = run(drafts.copydesk().arg("check"));
    assert_eq!(out.stderr, "checked 1 file: no findings\n");
}

/// Positions are 1-based lines and columns in characters, with byte offsets,
/// across CRLF line ends and emoji. Needs `quote/unattributed`.
#[test]
fn json_positions_count_characters_across_crlf_and_emoji() {
    let draft = "Budget vote 🗳️ on Monday.\r\nÉlodie Marchetti 👍 arrived. \"Every library stays open next year.\"\r\n";
    let out = run(copydesk()
        .args(["check", "--format", "json", "-"])
        .write_stdin(draft));
    let findings = json(&out);
    assert_eq!(findings.len(), 1, "{}", out.stdout);
    let quote_start = draft.find("\"Every").unwrap();
    let quote_end = draft.find(".\"\r\n").unwrap() + 2;
    assert_eq!(
        (findings[0].start, findings[0].end),
        (
            Pos {
                line: 2,
                column: 29,
                offset: quote_start
            },
            Pos {
                line: 2,
                column: 29 + draft[quote_start..quote_end].chars().count(),
                offset: quote_end
            }
        )
    );
}

// ---- Output ----------------------------------------------------------------

/// A reader that goes away (`copydesk check | head`) gets part of the
/// report at most: the run says so and fails, without a panic.
#[test]
fn a_closed_stdout_is_reported() {
    let mut child = std::process::Command::new(BIN)
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before copydesk can write: it reads all of
    // standard input first, so its first write meets a closed pipe.
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(UNATTRIBUTED.as_bytes()).unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: cannot write output: the reader closed it; the report is incomplete\n"
    );
    assert_eq!(output.status.code(), Some(2));
}

/// A full disk (`/dev/full`) is an error too, named.
#[cfg(target_os = "linux")]
#[test]
fn a_failing_stdout_is_reported() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(BIN)
        .args([
            "check",
            "--format",
            "json",
            "tests/fixtures/unattributed.txt",
        ])
        .current_dir(root())
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.ends_with("error: cannot write output: No space left on device\n"),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn colour_follows_the_color_flag() {
    let out = run(copydesk().args(["--color", "always", "check", "missing.txt"]));
    assert!(out.stderr.contains("\u{1b}["), "{:?}", out.stderr);
    let out = run(copydesk().args(["check", "--color=never", "missing.txt"]));
    assert!(!out.stderr.contains('\u{1b}'));
    // Not a terminal: no colour by default.
    let out = run(copydesk().args(["check", "missing.txt"]));
    assert!(!out.stderr.contains('\u{1b}'));
}

/// Needs `quote/unattributed`.
#[test]
fn human_output_is_coloured_only_when_asked() {
    let path = "tests/fixtures/unattributed.txt";
    let plain = run(copydesk().args(["check", path]));
    let coloured = run(copydesk().args(["check", "--color", "always", path]));
    assert!(!plain.stdout.is_empty() && !plain.stdout.contains('\u{1b}'));
    assert!(coloured.stdout.contains("\u{1b}["));
}

// ---- rules and explain -------------------------------------------------------

#[test]
fn rules_lists_every_check() {
    let out = run(copydesk().arg("rules"));
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        copydesk::cli::docs::rules_table(&copydesk::Config::default())
    );
    for info in &copydesk::checks::REGISTRY {
        let line = out
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{} ", info.code())))
            .unwrap_or_else(|| panic!("{} missing from\n{}", info.code(), out.stdout));
        assert!(line.contains(info.meta().family.as_str()), "{line}");
        assert!(
            line.contains(info.meta().default_severity.as_str()),
            "{line}"
        );
        assert!(line.ends_with(info.docs.summary), "{line}");
    }
}

#[test]
fn explain_prints_the_docs_of_a_check() {
    for info in &copydesk::checks::REGISTRY {
        let out = run(copydesk().args(["explain", info.code()]));
        assert_eq!(out.code, 0);
        assert_eq!(out.stdout, copydesk::cli::docs::explain(info));
        for part in [
            info.docs.summary,
            info.docs.why,
            info.docs.example,
            info.docs.passes,
        ] {
            assert!(out.stdout.contains(part), "{}: {part}", info.code());
        }
    }
}

#[test]
fn explain_an_unknown_code_suggests_the_nearest() {
    let out = run(copydesk().args(["explain", "name/speling"]));
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: unknown check `name/speling`; did you mean `name/spelling`? \
         (`copydesk rules` lists every check)\n"
    );
    let out = run(copydesk().args(["explain", "style/oxford-comma"]));
    assert_eq!(out.code, 2);
    assert!(!out.stderr.contains("did you mean"), "{}", out.stderr);
}
