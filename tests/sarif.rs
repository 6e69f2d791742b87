//! The SARIF output checked against the SARIF 2.1.0 JSON schema.
//!
//! `tests/sarif-schema-2.1.0.json` is the OASIS schema
//! (`"$id": "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"`,
//! JSON Schema draft-07), as shipped in the crates.io package
//! `serde-sarif` 0.8.0 at `src/schema.json` (which generates its types from
//! it); copied unchanged, SHA-256
//! `af47e7b67f24efe74076621fd3a5fbe7398add9e84fe820c971219a385895cea`.
//! To refresh it: `cargo fetch` a crate that depends on `serde-sarif` and
//! copy the file from the registry source folder.
//!
//! Formats (`uri`, `uri-reference`, `date-time`) are validated too. One
//! known flaw of the official schema is mended in memory, not in the file:
//! its `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, with a
//! stray `]`) is not a valid regex, so the validator's check of the schema
//! against the draft-07 meta-schema rejects it; it becomes
//! `^[a-zA-Z]{2}(-[a-zA-Z]{2})?$`, what it means. copydesk writes no
//! `language`.

mod cli_support;

use cli_support::*;
use jsonschema::Validator;

/// The `language` pattern as published, and as meant.
const BAD_LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
const LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$";

fn validator() -> Validator {
    let text = std::fs::read_to_string(root().join("tests/sarif-schema-2.1.0.json")).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&text.replace(BAD_LANGUAGE_PATTERN, LANGUAGE_PATTERN)).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

/// Every schema violation in `log`, one per line.
fn violations(validator: &Validator, log: &str) -> String {
    let instance: serde_json::Value = serde_json::from_str(log).expect("SARIF output is JSON");
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}\n", e.instance_path()))
        .collect()
}

#[track_caller]
fn assert_valid(validator: &Validator, out: &Run) {
    let found = violations(validator, &out.stdout);
    assert!(found.is_empty(), "{found}\n{}", out.stdout);
}

/// The seed: rules, results with related locations, an unsafe fix. Needs
/// the repeat checks for the results (the log is checked either way).
#[test]
fn seed_log_is_valid_sarif() {
    let validator = validator();
    let out = run(copydesk().args(["check", "--format", "sarif", SEED]));
    assert_valid(&validator, &out);
}

/// A run with what SARIF makes awkward: files that could not be read
/// (notifications), a safe fix, paths that need percent-encoding, CRLF
/// line ends and emoji, and standard input.
#[test]
fn a_run_with_errors_fixes_and_odd_paths_is_valid_sarif() {
    let validator = validator();
    let drafts = Drafts::new();
    drafts
        .copy("tests/fixtures/duplicate.txt", "desk/copy, twice: 100%.txt")
        .write(
            "desk/émoji 👍.md",
            "# Budget\r\n\r\nZoë 👍 arrived. \"Every library stays open next year, and the year after.\"\r\n",
        )
        .write("desk/latin1.txt", b"Caf\xe9.\n")
        .write("desk/photo.txt", b"\x00\x01");
    let out = run(drafts
        .copydesk()
        .args(["check", "--format", "sarif", "desk"]));
    assert_eq!(out.code, 2);
    assert!(out.stdout.contains("toolExecutionNotifications"));
    assert!(out.stdout.contains("\"safety\": \"safe\""));
    assert_valid(&validator, &out);

    let out = run(copydesk()
        .args(["check", "--format", "sarif", "-"])
        .write_stdin("\"Every library stays open next year, and the year after.\"\n"));
    assert!(out.stdout.contains("\"uri\": \"%3Cstdin%3E\""));
    assert_valid(&validator, &out);
}

#[test]
fn an_empty_run_is_valid_sarif() {
    let validator = validator();
    let out = run(copydesk().args(["check", "--format", "sarif", "tests/fixtures/clean.txt"]));
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("\"results\": []"));
    assert_valid(&validator, &out);
}

/// The validator does catch a broken log (so the tests above can fail).
#[test]
fn the_schema_rejects_a_broken_log() {
    let validator = validator();
    let out = run(copydesk().args(["check", "--format", "sarif", "tests/fixtures/clean.txt"]));
    let broken = out
        .stdout
        .replace("\"level\": \"warning\"", "\"level\": \"loud\"");
    assert_ne!(broken, out.stdout);
    assert!(!violations(&validator, &broken).is_empty());
    let broken = out
        .stdout
        .replace("\"version\": \"2.1.0\"", "\"version\": \"2.0\"");
    assert!(!violations(&validator, &broken).is_empty());
}

/// Fingerprints do not depend on line numbers: a paragraph added above the
/// findings changes their lines but not their fingerprints. Needs the
/// repeat checks.
#[test]
fn fingerprints_survive_a_paragraph_added_above() {
    let seed = std::fs::read_to_string(root().join(SEED)).unwrap();
    let mut lines: Vec<&str> = seed.lines().collect();
    lines.insert(3, "Markets in the region were calm on Friday.");
    let edited = lines.join("\n") + "\n";
    let fingerprints = |text: String| -> Vec<(usize, String)> {
        let out = run(copydesk()
            .args(["check", "--format", "sarif", "-"])
            .write_stdin(text));
        let log: Log = serde_json::from_str(&out.stdout).unwrap();
        log.runs[0]
            .results
            .iter()
            .map(|r| {
                let line = r.locations[0].physical_location.region.start_line;
                (line, r.partial_fingerprints.fingerprint.clone())
            })
            .collect()
    };
    let before = fingerprints(seed);
    let after = fingerprints(edited);
    assert_eq!(before.len(), 3, "{before:?}");
    let lines = |v: &[(usize, String)]| v.iter().map(|(l, _)| *l).collect::<Vec<_>>();
    assert_eq!(lines(&before), [3, 6, 7]);
    assert_eq!(lines(&after), [3, 7, 8]);
    let prints = |v: &[(usize, String)]| v.iter().map(|(_, f)| f.clone()).collect::<Vec<_>>();
    assert_eq!(prints(&before), prints(&after));
}

#[derive(serde::Deserialize)]
struct Log {
    runs: Vec<SarifRun>,
}

#[derive(serde::Deserialize)]
struct SarifRun {
    results: Vec<SarifResult>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    locations: Vec<Location>,
    partial_fingerprints: Fingerprints,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(serde::Deserialize)]
struct PhysicalLocation {
    region: Region,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
}

#[derive(serde::Deserialize)]
struct Fingerprints {
    #[serde(rename = "copydesk/v1")]
    fingerprint: String,
}
