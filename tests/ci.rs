//! Golden tests of copydesk as CI runs it: the machine formats on the seed,
//! `--max-findings` and `--max-annotations`, fixing files (`--fix`,
//! `--unsafe-fixes`, `--diff`), and folder runs (threads, include/exclude,
//! `.copydeskignore`, files that cannot be read).
//!
//! Tests marked "needs the repeat checks" rely on the seed's three findings
//! (SPEC §3) or on `repeat/paragraph` finding an exact copy.

mod cli_support;

use cli_support::*;

/// An unattributed quote: one `quote/unattributed` warning on line 2.
const UNATTRIBUTED: &str = "The town council approved its new budget on Monday.\n\
\"This budget keeps every library in the district open for another year.\"\n";

/// A story whose paragraph 4 is an exact copy of paragraph 2: one safe fix.
const DUPLICATE: &str = "tests/fixtures/duplicate.txt";

// ---- The seed in every machine format ----------------------------------------

/// Needs the repeat checks.
#[test]
fn seed_github_output() {
    let out = run(copydesk().args(["check", "--format", "github", SEED]));
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, "checked 1 file: 3 warnings\n");
    insta::assert_snapshot!(out.stdout);
}

/// Needs the repeat checks.
#[test]
fn seed_rdjsonl_output() {
    let out = run(copydesk().args(["check", "--format", "rdjsonl", SEED]));
    assert_eq!(out.code, 1);
    insta::assert_snapshot!(out.stdout);
}

/// Needs the repeat checks.
#[test]
fn seed_jsonl_output() {
    let out = run(copydesk().args(["check", "--format", "jsonl", SEED]));
    assert_eq!(out.code, 1);
    let found: Vec<(usize, String)> = jsonl(&out)
        .into_iter()
        .map(|f| (f.start.line, f.code))
        .collect();
    assert_eq!(
        found,
        [
            (3, "repeat/paragraph".into()),
            (6, "repeat/quote".into()),
            (7, "repeat/quote".into())
        ]
    );
    insta::assert_snapshot!(out.stdout);
}

/// Needs the repeat checks.
#[test]
fn seed_sarif_output() {
    let out = run(copydesk().args(["check", "--format", "sarif", SEED]));
    assert_eq!(out.code, 1);
    insta::assert_snapshot!(out.stdout);
}

/// Every format agrees on the exit code: `--fail-on` decides, not the
/// format. Needs the repeat checks.
#[test]
fn exit_codes_follow_fail_on_in_every_format() {
    for format in ["human", "json", "jsonl", "sarif", "github", "rdjsonl"] {
        for (fail_on, code) in [
            ("error", 0),
            ("warning", 1),
            ("info", 1),
            ("hint", 1),
            ("never", 0),
        ] {
            let out =
                run(copydesk().args(["check", "--format", format, "--fail-on", fail_on, SEED]));
            assert_eq!(out.code, code, "--format {format} --fail-on {fail_on}");
        }
    }
    let clean = run(copydesk().args(["check", "--format", "sarif", "tests/fixtures/clean.txt"]));
    assert_eq!(clean.code, 0);
}

#[test]
fn the_summary_gives_the_run_time() {
    let out = run(copydesk().args(["check", "tests/fixtures/clean.txt"]));
    let time = regex::Regex::new(r"^checked 1 file in \d+\.\d\ds: no findings\n$").unwrap();
    assert!(time.is_match(&out.raw_stderr), "{:?}", out.raw_stderr);
    let out = run(copydesk().args(["check", "-q", "tests/fixtures/clean.txt"]));
    assert_eq!(out.raw_stderr, "");
}

// ---- Limits ------------------------------------------------------------------

/// Three drafts with an unattributed quote each.
fn three_findings() -> Drafts {
    let drafts = Drafts::new();
    for name in ["desk/a.txt", "desk/b.txt", "desk/c.txt"] {
        drafts.write(name, UNATTRIBUTED);
    }
    drafts
}

/// Needs `quote/unattributed`.
#[test]
fn max_findings_stops_reporting_but_not_counting() {
    let drafts = three_findings();
    let out =
        run(drafts
            .copydesk()
            .args(["check", "--format", "jsonl", "--max-findings", "2", "desk"]));
    let paths: Vec<String> = jsonl(&out).into_iter().map(|f| f.path).collect();
    assert_eq!(paths, ["desk/a.txt", "desk/b.txt"]);
    assert_eq!(
        out.stderr,
        "checked 3 files: 3 warnings; 1 not shown (--max-findings)\n"
    );
    assert_eq!(out.code, 1);

    let out = run(drafts.copydesk().args([
        "check",
        "--max-findings",
        "0",
        "--fail-on",
        "warning",
        "desk",
    ]));
    assert_eq!((out.code, out.stdout.as_str()), (1, ""));
}

/// GitHub shows ten annotations per level and step; the rest are counted in
/// the summary. Needs `quote/unattributed`.
#[test]
fn github_annotations_stop_at_the_limit_and_say_so() {
    let drafts = three_findings();
    let out = run(drafts.copydesk().args([
        "check",
        "--format",
        "github",
        "--max-annotations",
        "2",
        "desk",
    ]));
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    for (line, path) in lines.iter().zip(["desk/a.txt", "desk/b.txt"]) {
        let prefix = format!(
            "::warning file={path},line=2,col=1,endLine=2,endColumn=73,title=quote/unattributed::Quote "
        );
        assert!(line.starts_with(&prefix), "{line}");
    }
    assert_eq!(
        out.stderr,
        "checked 3 files: 3 warnings; 1 annotation left out (at most 2 of each level per step; \
         GitHub shows 10; see --max-annotations)\n"
    );
    assert_eq!(out.code, 1);
}

/// Paths and messages are escaped the way the Actions runner reads them.
/// Needs `quote/unattributed`.
#[test]
fn github_escapes_properties_and_messages() {
    let out = run(copydesk()
        .args([
            "check",
            "--format",
            "github",
            "--stdin-filename",
            "desk/a, b: 100%.txt",
            "-",
        ])
        .write_stdin(UNATTRIBUTED));
    assert!(
        out.stdout
            .starts_with("::warning file=desk/a%2C b%3A 100%25.txt,line=2,"),
        "{}",
        out.stdout
    );
}

// ---- Fixing ----------------------------------------------------------------

/// An exact copy of an earlier paragraph has a safe fix: `--fix` deletes
/// it, and a second run has nothing left to fix. Needs `repeat/paragraph`.
#[test]
fn fix_deletes_an_exact_copy_and_a_second_run_has_nothing_to_fix() {
    let drafts = Drafts::new();
    drafts.copy(DUPLICATE, "story.txt");
    let original = drafts.read("story.txt");
    let out = run(drafts.copydesk().args(["check", "--fix", "story.txt"]));
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, ""),
        "nothing is left to report"
    );
    assert_eq!(
        out.stderr,
        "checked 1 file: no findings; fixed 1 finding in 1 file\n"
    );
    let expected: String = original
        .split_inclusive('\n')
        .enumerate()
        .filter(|(i, _)| *i != 3)
        .map(|(_, line)| line)
        .collect();
    assert_eq!(drafts.read("story.txt"), expected);

    let again = run(drafts
        .copydesk()
        .args(["check", "--format", "json", "story.txt"]));
    assert!(
        json(&again).iter().all(|f| f.fix.is_none()),
        "{}",
        again.stdout
    );
    let again = run(drafts.copydesk().args(["check", "--fix", "story.txt"]));
    assert_eq!(
        again.stderr,
        "checked 1 file: no findings; fixed 0 findings in 0 files\n"
    );
}

/// The seed's restated paragraph has only an unsafe fix: `--fix` alone
/// leaves the file as it is. Needs the repeat checks.
#[test]
fn fix_without_unsafe_fixes_leaves_the_seed_alone() {
    let drafts = Drafts::new();
    drafts.copy(SEED, "seed.txt");
    let before = drafts.read("seed.txt");
    let out = run(drafts.copydesk().args(["check", "--fix", "seed.txt"]));
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "checked 1 file: 3 warnings; fixed 0 findings in 0 files\n"
    );
    assert_eq!(drafts.read("seed.txt"), before);
}

/// `--unsafe-fixes` deletes the seed's paragraph 3; what is left (the two
/// repeated quotes) has no fix. Needs the repeat checks.
#[test]
fn unsafe_fixes_delete_the_restated_paragraph_of_the_seed() {
    let drafts = Drafts::new();
    drafts.copy(SEED, "seed.txt");
    let before = drafts.read("seed.txt");
    let out = run(drafts.copydesk().args([
        "check",
        "--fix",
        "--unsafe-fixes",
        "--format",
        "json",
        "seed.txt",
    ]));
    let without_line_3: String = before
        .split_inclusive('\n')
        .enumerate()
        .filter(|(i, _)| *i != 2)
        .map(|(_, line)| line)
        .collect();
    assert_eq!(drafts.read("seed.txt"), without_line_3);
    assert_eq!(
        out.stderr,
        "checked 1 file: 2 warnings; fixed 1 finding in 1 file\n"
    );
    let left: Vec<(usize, String)> = json(&out)
        .into_iter()
        .map(|f| {
            assert!(f.fix.is_none(), "{f:?}");
            (f.start.line, f.code)
        })
        .collect();
    assert_eq!(
        left,
        [(5, "repeat/quote".into()), (6, "repeat/quote".into())],
        "findings are reported on the fixed text"
    );
}

/// The file is replaced through a temporary file and a rename: its mode
/// stays, and nothing is left behind. Needs `repeat/paragraph`.
#[cfg(unix)]
#[test]
fn fix_keeps_the_file_mode_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let drafts = Drafts::new();
    drafts.copy(DUPLICATE, "desk/story.txt");
    drafts.write("desk/other.md", "Quiet day.\n");
    let path = drafts.path("desk/story.txt");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = run(drafts.copydesk().args(["check", "--fix", "desk"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_ne!(
        drafts.read("desk/story.txt"),
        std::fs::read_to_string(root().join(DUPLICATE)).unwrap()
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
    assert_eq!(drafts.names(), ["desk/other.md", "desk/story.txt"]);
}

/// `--diff` shows what `--fix` would do and writes nothing; it exits 1 when
/// there is something to fix. Needs `repeat/paragraph`.
#[test]
fn diff_prints_what_fix_would_change_without_writing() {
    let drafts = Drafts::new();
    drafts.copy(DUPLICATE, "story.txt");
    drafts.write("clean.txt", "Quiet day.\n");
    let before = drafts.read("story.txt");
    let out = run(drafts
        .copydesk()
        .args(["check", "--diff", "clean.txt", "story.txt"]));
    assert_eq!(out.code, 1);
    let copy = before.lines().nth(3).unwrap();
    assert_eq!(
        out.stdout,
        format!(
            "--- a/story.txt\n+++ b/story.txt\n@@ -1,5 +1,4 @@\n {}\n {}\n {}\n-{copy}\n {}\n",
            before.lines().next().unwrap(),
            before.lines().nth(1).unwrap(),
            before.lines().nth(2).unwrap(),
            before.lines().nth(4).unwrap(),
        )
    );
    assert_eq!(
        out.stderr,
        "checked 2 files: no findings; would fix 1 finding in 1 file\n"
    );
    assert_eq!(drafts.read("story.txt"), before, "--diff writes nothing");

    let out = run(drafts.copydesk().args(["check", "--diff", "clean.txt"]));
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
    // The seed's only fix is unsafe.
    let out = run(copydesk().args(["check", "--diff", SEED]));
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
    let out = run(copydesk().args(["check", "--diff", "--unsafe-fixes", SEED]));
    assert_eq!(out.code, 1);
    assert!(out
        .stdout
        .starts_with(&format!("--- a/{SEED}\n+++ b/{SEED}\n@@ -1,6 +1,5 @@\n")));
}

/// With standard input, `--fix` prints the fixed text to stdout, and the
/// findings left go to stderr. Needs `repeat/paragraph`.
#[test]
fn fix_on_stdin_prints_the_fixed_text() {
    let story = std::fs::read_to_string(root().join(DUPLICATE)).unwrap();
    let out = run(copydesk()
        .args(["check", "--fix", "-"])
        .write_stdin(story.clone()));
    let expected: String = story
        .split_inclusive('\n')
        .enumerate()
        .filter(|(i, _)| *i != 3)
        .map(|(_, line)| line)
        .collect();
    assert_eq!(out.stdout, expected);
    assert_eq!(out.code, 0);

    // Unchanged text is printed unchanged; the findings go to stderr.
    let out = run(copydesk()
        .args(["check", "--fix", "--format", "jsonl", "-"])
        .write_stdin(UNATTRIBUTED));
    assert_eq!(out.stdout, UNATTRIBUTED);
    assert!(
        out.stderr
            .starts_with("{\"path\":\"<stdin>\",\"code\":\"quote/unattributed\""),
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 1);
}

#[test]
fn unsafe_fixes_need_fix_or_diff() {
    let out = run(copydesk().args(["check", "--unsafe-fixes", SEED]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: `--unsafe-fixes` needs `--fix` or `--diff`\n"
    );
}

// ---- Folders -----------------------------------------------------------------

/// A binary file, a file that is not UTF-8 and a symbolic link loop are
/// each reported, and every other draft is still checked. Needs
/// `quote/unattributed`.
#[cfg(unix)]
#[test]
fn unreadable_files_and_link_loops_are_reported_and_the_rest_checked() {
    let drafts = Drafts::new();
    drafts
        .write("desk/a.txt", UNATTRIBUTED)
        .write("desk/photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        .write("desk/latin1.txt", b"Caf\xe9 au lait.\n")
        .write("desk/z/b.md", UNATTRIBUTED);
    std::os::unix::fs::symlink("..", drafts.path("desk/z/loop")).unwrap();
    let out = run(drafts
        .copydesk()
        .args(["check", "--format", "jsonl", "desk"]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: desk/latin1.txt: not valid UTF-8 (byte 3)\n\
         error: desk/photo.txt: binary file, not a draft (NUL byte at byte 8)\n\
         error: desk/z/loop: symbolic link loop (leads back to desk); not followed\n\
         checked 2 files: 2 warnings; 3 files could not be checked\n"
    );
    let paths: Vec<String> = jsonl(&out).into_iter().map(|f| f.path).collect();
    assert_eq!(paths, ["desk/a.txt", "desk/z/b.md"]);

    // SARIF records them as notifications of an unsuccessful run.
    let out = run(drafts
        .copydesk()
        .args(["check", "--format", "sarif", "desk"]));
    let log: Sarif = serde_json::from_str(&out.stdout).unwrap();
    let invocation = &log.runs[0].invocations[0];
    assert!(!invocation.execution_successful);
    let notified: Vec<&str> = invocation
        .tool_execution_notifications
        .iter()
        .map(|n| {
            n.locations[0]
                .physical_location
                .artifact_location
                .uri
                .as_str()
        })
        .collect();
    assert_eq!(
        notified,
        ["desk/latin1.txt", "desk/photo.txt", "desk/z/loop"]
    );
}

/// Just enough of a SARIF log to read the invocation back.
#[derive(serde::Deserialize)]
struct Sarif {
    runs: Vec<SarifRun>,
}

#[derive(serde::Deserialize)]
struct SarifRun {
    invocations: Vec<Invocation>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(default)]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(serde::Deserialize)]
struct Notification {
    locations: Vec<NotificationLocation>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: PhysicalLocation,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
}

#[derive(serde::Deserialize)]
struct ArtifactLocation {
    uri: String,
}

/// Which drafts of `desk` a run reads: every file there is invalid UTF-8,
/// so each one read is an error line naming it.
fn drafts_read(drafts: &Drafts, args: &[&str]) -> Vec<String> {
    let out = run(drafts.copydesk().arg("check").args(args).arg("desk"));
    out.stderr
        .lines()
        .filter_map(|l| l.strip_prefix("error: "))
        .map(|l| l.trim_end_matches(": not valid UTF-8 (byte 0)").to_owned())
        .collect()
}

fn desk() -> Drafts {
    let drafts = Drafts::new();
    for name in [
        "desk/a.txt",
        "desk/b.md",
        "desk/sport/c.txt",
        "desk/sport/archive/d.txt",
        "desk/world/e.markdown",
        "desk/world/notes.rst",
    ] {
        drafts.write(name, b"\xff");
    }
    drafts
}

#[test]
fn include_and_exclude_pick_drafts_in_folders() {
    let drafts = desk();
    assert_eq!(
        drafts_read(&drafts, &[]),
        [
            "desk/a.txt",
            "desk/b.md",
            "desk/sport/archive/d.txt",
            "desk/sport/c.txt",
            "desk/world/e.markdown"
        ]
    );
    assert_eq!(
        drafts_read(&drafts, &["--include", "*.txt"]),
        ["desk/a.txt", "desk/sport/archive/d.txt", "desk/sport/c.txt"]
    );
    assert_eq!(
        drafts_read(&drafts, &["--include", "sport/", "--exclude", "archive/"]),
        ["desk/sport/c.txt"]
    );
    assert_eq!(
        drafts_read(&drafts, &["--exclude", "/sport", "--exclude", "*.md"]),
        ["desk/a.txt", "desk/world/e.markdown"]
    );
    // --include narrows the drafts; it does not add other kinds of file.
    assert_eq!(
        drafts_read(&drafts, &["--include", "*.rst"]),
        Vec::<String>::new()
    );
    // A file named on the command line is checked whatever the globs say.
    let out = run(drafts
        .copydesk()
        .args(["check", "--exclude", "*.txt", "desk/a.txt"]));
    assert!(out.stderr.starts_with("error: desk/a.txt: not valid UTF-8"));
}

#[test]
fn copydeskignore_files_are_respected() {
    let drafts = desk();
    drafts.write("desk/.copydeskignore", "archive/\nb.md\n");
    drafts.write("desk/world/.copydeskignore", "*.markdown\n");
    assert_eq!(
        drafts_read(&drafts, &[]),
        ["desk/a.txt", "desk/sport/c.txt"]
    );
}

#[test]
fn an_invalid_glob_is_a_usage_error() {
    let out = run(copydesk().args(["check", "--include", "[z-a]", SEED]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: invalid glob `[z-a]`: invalid range; 'z' > 'a'\n"
    );
    let out = run(copydesk().args(["check", "--exclude", "!a", SEED]));
    assert_eq!(out.code, 2);
    let out = run(copydesk().args(["check", "--threads", "0", SEED]));
    assert_eq!(out.code, 2);
}

/// However many threads check the files, the output is in path order and
/// the same. Needs `quote/unattributed` and `repeat/paragraph`.
#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let drafts = Drafts::new();
    let story = std::fs::read_to_string(root().join(DUPLICATE)).unwrap();
    for i in 0..60 {
        let name = format!(
            "desk/{}/story-{i:02}.txt",
            ["world", "sport", "business"][i % 3]
        );
        let text = match i % 4 {
            0 => UNATTRIBUTED.to_owned(),
            1 => story.clone(),
            2 => "Quiet day at the harbour.\n".to_owned(),
            _ => format!("{story}{UNATTRIBUTED}"),
        };
        drafts.write(&name, text);
    }
    let outputs: Vec<Run> = ["1", "2", "4"]
        .iter()
        .map(|threads| {
            run(drafts.copydesk().args([
                "check",
                "--format",
                "jsonl",
                "--threads",
                threads,
                "desk",
            ]))
        })
        .collect();
    let paths: Vec<String> = jsonl(&outputs[0]).into_iter().map(|f| f.path).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), 60);
    for out in &outputs[1..] {
        assert_eq!(out.stdout, outputs[0].stdout);
        assert_eq!(out.stderr, outputs[0].stderr);
    }
}
