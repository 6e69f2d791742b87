//! Golden tests of house style through the binary: the presets on the
//! seed, configuration discovery, `--config`/`--no-config`, overrides,
//! every configuration error (messages pinned), suppressions, `init`,
//! `rules` and `explain`.

use std::path::Path;

use assert_cmd::Command;
use serde::Deserialize;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn seed() -> String {
    std::fs::read_to_string(root().join("seeds/blinken-rafah.txt")).unwrap()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

#[track_caller]
fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("copydesk runs");
    Run {
        code: output.status.code().expect("exit code"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A throwaway repository (it has `.git`, so discovery stops there).
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        Repo { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, name: &str, text: &str) -> &Repo {
        let path = self.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    fn copydesk(&self) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.current_dir(self.path())
            .env_remove("CLICOLOR_FORCE")
            .env_remove("NO_COLOR")
            .env_remove("COPYDESK_LOG");
        cmd
    }
}

#[derive(Debug, Deserialize)]
struct JsonFinding {
    path: String,
    code: String,
    severity: String,
    message: String,
    start: Pos,
    end: Pos,
    fix: Option<JsonFix>,
}

#[derive(Debug, Deserialize)]
struct Pos {
    line: usize,
    offset: usize,
}

#[derive(Debug, Deserialize)]
struct JsonFix {
    safety: String,
    edits: Vec<JsonEdit>,
}

#[derive(Debug, Deserialize)]
struct JsonEdit {
    start: Pos,
    end: Pos,
    replacement: String,
}

#[track_caller]
fn json(run: &Run) -> Vec<JsonFinding> {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr))
}

/// `line code "flagged" -> fix` for each house-rule finding (and known
/// people's name/spelling), one per line.
fn house_findings(text: &str, findings: &[JsonFinding]) -> String {
    findings
        .iter()
        .filter(|f| f.code.starts_with("style/") || f.message.contains("house list"))
        .map(|f| {
            let fix = f.fix.as_ref().map_or(String::new(), |fix| {
                let edits: Vec<String> = fix
                    .edits
                    .iter()
                    .map(|e| format!("{:?}", e.replacement))
                    .collect();
                format!(" -> {} ({})", edits.join(", "), fix.safety)
            });
            format!(
                "{}:{} {} {:?}{fix}",
                f.start.line,
                f.severity,
                f.code,
                &text[f.start.offset..f.end.offset]
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The seed checked with `extends = [preset]`.
fn seed_with_preset(preset: &str) -> (Vec<JsonFinding>, String) {
    let repo = Repo::new();
    repo.write("copydesk.toml", &format!("extends = [\"{preset}\"]\n"))
        .write("story.txt", &seed());
    let out = run(repo
        .copydesk()
        .args(["check", "--format", "json", "story.txt"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let findings = json(&out);
    let summary = house_findings(&seed(), &findings);
    (findings, summary)
}

// ---- Presets on the seed -----------------------------------------------------

/// Reuters writes `said on Friday` (so the seed's passes) and `U.S.` with
/// stops (so its `US` does not).
#[test]
fn reuters_preset_on_the_seed() {
    let (findings, summary) = seed_with_preset("reuters");
    assert!(!summary.contains("weekday"), "{summary}");
    insta::assert_snapshot!(summary, @r#"
    1:warning style/us-with-stops "US" -> "U.S." (safe)
    8:warning style/us-with-stops "US" -> "U.S." (safe)
    "#);
    // The core checks are unchanged by a preset.
    let core: Vec<(usize, &str)> = findings
        .iter()
        .filter(|f| !f.code.starts_with("style/"))
        .map(|f| (f.start.line, f.code.as_str()))
        .collect();
    let plain = run(Repo::new()
        .copydesk()
        .args(["check", "--format", "json", "--no-config"])
        .arg(root().join("seeds/blinken-rafah.txt")));
    let expected: Vec<(usize, String)> = json(&plain)
        .into_iter()
        .map(|f| (f.start.line, f.code))
        .collect();
    let expected: Vec<(usize, &str)> = expected.iter().map(|(l, c)| (*l, c.as_str())).collect();
    assert_eq!(core, expected);
}

/// AP writes `said Friday` and `U.S.` in text: the seed's `said on Friday`
/// (lines 1 and 3) and `US` (lines 1 and 8) are flagged, with fixes.
#[test]
fn ap_preset_on_the_seed() {
    let (_, summary) = seed_with_preset("ap");
    insta::assert_snapshot!(summary, @r#"
    1:warning style/us-in-text "US" -> "U.S." (safe)
    1:warning style/no-on-before-weekday "said on Friday" -> "said Friday" (safe)
    3:warning style/no-on-before-weekday "said on Friday" -> "said Friday" (safe)
    8:warning style/us-in-text "US" -> "U.S." (safe)
    "#);
}

/// British papers write `US` without stops, as the seed does.
#[test]
fn british_preset_on_the_seed() {
    let (_, summary) = seed_with_preset("british");
    assert!(!summary.contains("abbreviations"), "{summary}");
}

/// Applying every safe fix of a preset and checking again finds nothing
/// more of that preset.
#[test]
fn ap_fixes_apply_and_the_recheck_is_clean() {
    let (findings, _) = seed_with_preset("ap");
    let mut edits: Vec<&JsonEdit> = findings
        .iter()
        .filter(|f| f.code.starts_with("style/"))
        .flat_map(|f| &f.fix.as_ref().unwrap().edits)
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.start.offset));
    let mut fixed = seed();
    for edit in edits {
        fixed.replace_range(edit.start.offset..edit.end.offset, &edit.replacement);
    }
    assert!(fixed.contains("U.S. Secretary of State Antony Blinken said Friday."));
    let repo = Repo::new();
    repo.write("copydesk.toml", "extends = [\"ap\"]\n")
        .write("story.txt", &fixed);
    let out = run(repo
        .copydesk()
        .args(["check", "--format", "json", "story.txt"]));
    assert_eq!(house_findings(&fixed, &json(&out)), "");
}

/// Other points of the presets, on drafts of our own.
#[test]
fn preset_points_on_fixtures() {
    let draft = "The minister, Mr. Jones, claimed that prices rose 5 percent.\n\
                 Fifteen people and twenty-five others heard it; twelve left.\n\
                 Jones said, \"We will not raise taxes this year.\"\n";
    let check = |preset: &str| {
        let repo = Repo::new();
        repo.write("copydesk.toml", &format!("extends = [\"{preset}\"]\n"))
            .write("story.txt", draft);
        let out = run(repo
            .copydesk()
            .args(["check", "--format", "json", "story.txt"]));
        house_findings(draft, &json(&out))
    };
    insta::assert_snapshot!(check("ap"), @r#"
    1:warning style/no-courtesy-titles "Mr. " -> "" (safe)
    1:warning style/discouraged-verb "claimed" -> "said" (unsafe)
    1:warning style/percent-sign "5 percent" -> "5%" (safe)
    2:warning style/numerals "twelve" -> "12" (safe)
    "#);
    insta::assert_snapshot!(check("reuters"), @r#"
    1:warning style/no-courtesy-titles "Mr. " -> "" (safe)
    1:warning style/discouraged-verb "claimed" -> "said" (unsafe)
    3:warning style/colon-before-quote "said, " -> "said: " (safe)
    "#);
    insta::assert_snapshot!(check("british"), @r#"
    1:warning style/no-stop-after-title "Mr." -> "Mr" (safe)
    1:warning style/discouraged-verb "claimed" -> "said" (unsafe)
    "#);
}

// ---- Discovery, --config, --no-config, layering, overrides ---------------------

const US: &str = "US officials met on Monday.\n";

#[test]
fn the_nearest_file_governs_each_draft() {
    let repo = Repo::new();
    repo.write("copydesk.toml", "extends = [\"reuters\"]\n")
        .write(
            "desk/.copydesk.toml",
            "extends = [\"reuters\"]\n[checks]\n\"style/us-with-stops\" = \"error\"\n",
        )
        .write("a.txt", US)
        .write("desk/b.txt", US)
        .write("desk/world/c.txt", US);
    let out = run(repo.copydesk().args(["check", "--format", "json"]));
    let got: Vec<(String, String)> = json(&out)
        .into_iter()
        .map(|f| (f.path, f.severity))
        .collect();
    assert_eq!(
        got,
        [
            ("a.txt".into(), "warning".into()),
            ("desk/b.txt".into(), "error".into()),
            ("desk/world/c.txt".into(), "error".into())
        ]
    );
}

#[test]
fn config_flag_and_no_config() {
    let repo = Repo::new();
    repo.write("copydesk.toml", "extends = [\"reuters\"]\n")
        .write("house/ap.toml", "extends = [\"ap\"]\n")
        .write("a.txt", US);
    let codes = |args: &[&str]| -> Vec<String> {
        let out = run(repo
            .copydesk()
            .args(["check", "--format", "json"])
            .args(args)
            .arg("a.txt"));
        json(&out).into_iter().map(|f| f.code).collect()
    };
    assert_eq!(codes(&[]), ["style/us-with-stops"]);
    assert_eq!(codes(&["--config", "house/ap.toml"]), ["style/us-in-text"]);
    assert!(codes(&["--no-config"]).is_empty());

    let out = run(repo
        .copydesk()
        .args(["check", "--config", "missing.toml", "a.txt"]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.lines().next(),
        Some("error: missing.toml: cannot read: No such file or directory")
    );
    assert!(
        out.stderr.contains("; 1 file could not be checked"),
        "{}",
        out.stderr
    );
    let out = run(repo
        .copydesk()
        .args(["check", "--config", "x.toml", "--no-config", "a.txt"]));
    assert_eq!(out.code, 2, "the flags conflict");
}

/// A newsroom file extends a preset and another file, and overrides them.
#[test]
fn layering_presets_files_and_overrides() {
    let repo = Repo::new();
    repo.write(
        "shared/base.toml",
        "extends = [\"reuters\"]\n\n[substitution.us-with-stops]\nswap = { US = \"U.S.\" }\nmessage = \"base: {replacement}\"\n",
    )
    .write(
        "copydesk.toml",
        "extends = [\"shared/base.toml\"]\n\n[checks]\n\"style/no-courtesy-titles\" = \"off\"\n\n\
         [[overrides]]\nfiles = [\"opinion/**\"]\nchecks = { \"style/us-with-stops\" = \"off\" }\n",
    )
    .write("news/a.txt", "US envoy Mr Smith arrived.\n")
    .write("opinion/b.txt", "US envoy Mr Smith arrived.\n");
    let out = run(repo.copydesk().args(["check", "--format", "json"]));
    let got: Vec<(String, String, String)> = json(&out)
        .into_iter()
        .map(|f| (f.path, f.code, f.message))
        .collect();
    assert_eq!(
        got,
        [(
            "news/a.txt".into(),
            "style/us-with-stops".into(),
            "base: U.S.".into()
        )]
    );

    let out = run(repo.copydesk().args(["rules", "news/a.txt"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let row = |code: &str| row_of(&out.stdout, code);
    assert_eq!(
        row("quote/unattributed"),
        "quote/unattributed quote warning default"
    );
    assert_eq!(
        row("style/us-with-stops"),
        "style/us-with-stops style warning shared/base.toml:3"
    );
    assert_eq!(
        row("style/no-courtesy-titles"),
        "style/no-courtesy-titles style off copydesk.toml:4"
    );
    assert_eq!(
        row("style/colon-before-quote"),
        "style/colon-before-quote style warning preset"
    );
    let out = run(repo.copydesk().args(["rules", "opinion/b.txt"]));
    assert_eq!(
        row_of(&out.stdout, "style/us-with-stops"),
        "style/us-with-stops style off copydesk.toml:8"
    );
}

/// The first four columns of `code`'s row of `copydesk rules`.
#[track_caller]
fn row_of(table: &str, code: &str) -> String {
    table
        .lines()
        .find(|l| l.starts_with(&format!("{code} ")))
        .unwrap_or_else(|| panic!("{code} missing:\n{table}"))
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

// ---- Configuration errors ------------------------------------------------------

/// Every way a file can be wrong, with the exact message: file, line and
/// column, what was expected, and a did-you-mean where one helps. A bad
/// configuration is exit 2 and its drafts are not checked.
#[test]
fn configuration_errors_are_pinned() {
    let cases: &[(&str, &str)] = &[
        (
            "unknown key",
            "[substitution.us]\nswap = { US = \"U.S.\" }\nsevrity = \"error\"\n",
        ),
        (
            "unknown top-level key",
            "[check]\n\"quote/unattributed\" = \"error\"\n",
        ),
        (
            "unknown code",
            "[checks]\n\"quote/unatributed\" = \"error\"\n",
        ),
        (
            "unknown house rule",
            "extends = [\"reuters\"]\n[checks]\n\"style/us-with-stop\" = \"off\"\n",
        ),
        (
            "bad severity",
            "[checks]\n\"quote/unattributed\" = \"fatal\"\n",
        ),
        (
            "severity of the wrong type",
            "[checks]\n\"quote/unattributed\" = 3\n",
        ),
        ("wrong type", "extends = \"reuters\"\n"),
        (
            "number of the wrong type",
            "[thresholds]\nmin-attributed-quote-words = \"three\"\n",
        ),
        ("out of range", "[thresholds]\nrestated-paragraph = 1.5\n"),
        (
            "bad regex",
            "[existence.hedges]\nregex = true\ntokens = [\"reportedly\", \"(said\"]\n",
        ),
        (
            "bad dateline regex",
            "[dateline.house]\npattern = '[A-Z+'\n",
        ),
        ("missing extends preset", "extends = [\"reuter\"]\n"),
        ("missing extends file", "extends = [\"../house.toml\"]\n"),
        ("extends cycle", "extends = [\"copydesk.toml\"]\n"),
        ("missing key", "[metric.long-lede]\nscope = \"lede\"\n"),
        (
            "bad metric scope",
            "[metric.long]\nscope = \"page\"\nmax-words = 30\n",
        ),
        (
            "bad rule name",
            "[substitution.US_stops]\nswap = { US = \"U.S.\" }\n",
        ),
        (
            "duplicate rule name",
            "[substitution.us]\nswap = { US = \"U.S.\" }\n\n[existence.us]\ntokens = [\"US\"]\n",
        ),
        ("bad glob", "[[overrides]]\nfiles = [\"opinion/[z-a]\"]\n"),
        (
            "unknown ignore code",
            "[ignore]\n\"repeat/quotes\" = [\"a\"]\n",
        ),
        ("TOML syntax", "[checks\n\"quote/unattributed\" = \"off\"\n"),
    ];
    let mut report = String::new();
    for (name, toml) in cases {
        let repo = Repo::new();
        repo.write("copydesk.toml", toml)
            .write("a.txt", US)
            .write("b.txt", US);
        let out = run(repo.copydesk().args(["check", "a.txt", "b.txt"]));
        assert_eq!(out.code, 2, "{name}: {}", out.stderr);
        assert_eq!(out.stdout, "", "{name}: drafts are not checked");
        assert_eq!(
            out.stderr.matches("error: ").count(),
            1,
            "{name}: one error per file, not per draft:\n{}",
            out.stderr
        );
        let line = out.stderr.lines().next().unwrap();
        report += &format!("{name}:\n    {line}\n");
    }
    insta::assert_snapshot!(report);
}

#[test]
fn an_error_in_an_extended_file_points_into_that_file() {
    let repo = Repo::new();
    repo.write("copydesk.toml", "extends = [\"house/base.toml\"]\n")
        .write(
            "house/base.toml",
            "# shared rules\n[checks]\n\"name/spelling\" = \"loud\"\n",
        )
        .write("a.txt", US);
    let out = run(repo.copydesk().args(["check", "a.txt"]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.lines().next().unwrap(),
        "error: house/base.toml:3:19: unknown value `loud`, expected `error`, `warning`, `info`, `hint` or `off`"
    );
}

// ---- Suppressions ----------------------------------------------------------------

#[test]
fn markdown_suppressions_and_unknown_codes() {
    let repo = Repo::new();
    repo.write("copydesk.toml", "extends = [\"reuters\"]\n")
        .write(
            "story.md",
            "US aid arrived on Monday.\n\n\
         <!-- copydesk-disable-next-line style/us-with-stops -->\n\
         US aid left on Tuesday.\n\n\
         <!-- copydesk-disable style -->\n\
         US aid returned.\n\n\
         <!-- copydesk-enable -->\n\
         <!-- copydesk-disable-next-line style/us-with-stop -->\n\
         US aid stayed.\n",
        );
    let out = run(repo
        .copydesk()
        .args(["check", "--format", "json", "story.md"]));
    let got: Vec<(usize, String, String)> = json(&out)
        .into_iter()
        .map(|f| (f.start.line, f.code, f.message))
        .collect();
    assert_eq!(
        got,
        [
            (1, "style/us-with-stops".into(), "Reuters style: `U.S.` with full stops".into()),
            (
                10,
                "suppression/unknown-code".into(),
                "unknown code `style/us-with-stop` in a suppression; did you mean `style/us-with-stops`?".into()
            ),
            (11, "style/us-with-stops".into(), "Reuters style: `U.S.` with full stops".into()),
        ]
    );
}

// ---- init, rules, explain ---------------------------------------------------------

#[test]
fn init_writes_a_starter_that_parses_and_refuses_to_overwrite() {
    let repo = Repo::new();
    repo.write("a.txt", US);
    let out = run(repo.copydesk().args(["init", "--preset", "reuters"]));
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (0, "wrote copydesk.toml (extends reuters)\n")
    );
    let written = std::fs::read_to_string(repo.path().join("copydesk.toml")).unwrap();
    assert_eq!(written, copydesk::cli::house::starter(Some("reuters")));
    let out = run(repo.copydesk().args(["check", "--format", "json", "a.txt"]));
    assert_eq!(json(&out)[0].code, "style/us-with-stops");

    let out = run(repo.copydesk().arg("init"));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: copydesk.toml already exists; not overwriting it\n"
    );

    let other = Repo::new();
    other.write(".copydesk.toml", "");
    let out = run(other.copydesk().args(["init", "."]));
    assert_eq!(
        out.stderr,
        "error: .copydesk.toml already exists; not overwriting it\n"
    );
    let out = run(other.copydesk().args(["init", "desk/sub"]));
    assert_eq!(out.code, 2, "a missing folder is an error: {}", out.stderr);
}

#[test]
fn explain_a_house_rule() {
    let repo = Repo::new();
    repo.write("copydesk.toml", "extends = [\"reuters\"]\n\n[metric.long-lede]\nscope = \"lede\"\nmax-words = 35\nseverity = \"info\"\n");
    let out = run(repo.copydesk().args(["explain", "style/long-lede"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "style/long-lede (house rule, metric; severity info, set by copydesk.toml:3)\n\n\
         a lede of more than 35 words\n"
    );
    let out = run(repo
        .copydesk()
        .args(["explain", "style/no-courtesy-titles"]));
    insta::assert_snapshot!(out.stdout, @r#"
    style/no-courtesy-titles (house rule, substitution; severity warning, set by preset reuters)

    deletes `\b(?:Mr|Mrs|Ms|Miss)\.? (?P<after>\p{Lu})`

    Message:
        Reuters style: no courtesy titles; write the surname alone

    Not checked: direct quotes.
    "#);
    let out = run(repo.copydesk().args(["explain", "style/long-led"]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: no house rule is called `style/long-led`; did you mean `style/long-lede`? \
         (`copydesk rules` lists every check)\n"
    );
    let out = run(repo
        .copydesk()
        .args(["explain", "--no-config", "style/long-lede"]));
    assert_eq!(out.code, 2);
}

#[test]
fn explain_a_preset_rule_outside_a_configured_folder() {
    let repo = Repo::new();
    let out = run(repo.copydesk().args(["explain", "style/us-in-text"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (note, explanation) = out.stdout.split_once("\n\n").unwrap();
    assert_eq!(
        note,
        "not in effect here: `style/us-in-text` is a rule of the `ap` preset; \
         add `extends = [\"ap\"]` to copydesk.toml (or run `copydesk init --preset ap`)"
    );
    assert!(
        explanation.starts_with(
            "style/us-in-text (house rule, substitution; severity warning, set by preset ap)"
        ),
        "{explanation}"
    );
    // A rule no preset has is still unknown.
    let out = run(repo.copydesk().args(["explain", "style/us-in-txt"]));
    assert_eq!(out.code, 2);
}

#[test]
fn house_speech_verbs_credit_quotes() {
    let repo = Repo::new();
    let draft = "The mayor opened the new bridge on Monday.\n\
                 \"Traffic will never be the same again,\" the mayor harrumphed.\n";
    repo.write("a.txt", draft);
    let out = run(repo.copydesk().args(["check", "--format", "json", "a.txt"]));
    assert_eq!(
        json(&out).len(),
        1,
        "`harrumphed` is not a speech verb by default"
    );
    repo.write("copydesk.toml", "[attribution]\nverbs = [\"harrumphed\"]\n");
    let out = run(repo.copydesk().args(["check", "--format", "json", "a.txt"]));
    assert_eq!(json(&out).len(), 0, "{}", out.stdout);
}

/// `[quotes] new-paragraph-credit`: on by default (wire style), off for a
/// house that credits by discourse; a wrong value is a configuration error.
#[test]
fn quotes_new_paragraph_credit_setting() {
    let story = "\"We will appeal the ruling,\" said Mara Quist, the union's lawyer.\n\"The court has ignored every witness we called.\"\n";
    let repo = Repo::new();
    repo.write("story.txt", story);
    let strict = run(repo
        .copydesk()
        .args(["check", "--format", "json", "story.txt"]));
    let codes: Vec<(usize, String)> = json(&strict)
        .iter()
        .map(|f| (f.start.line, f.code.clone()))
        .collect();
    assert_eq!(codes, [(2, "quote/unattributed".to_owned())]);
    repo.write("copydesk.toml", "[quotes]\nnew-paragraph-credit = false\n");
    let relaxed = run(repo
        .copydesk()
        .args(["check", "--format", "json", "story.txt"]));
    assert_eq!(relaxed.code, 0, "{}", relaxed.stderr);
    assert!(json(&relaxed).is_empty());
    repo.write("copydesk.toml", "[quotes]\nnew-paragraph-credit = 1\n");
    let bad = run(repo.copydesk().args(["check", "story.txt"]));
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("copydesk.toml:2:"), "{}", bad.stderr);
}
