//! `cargo xtask docs`: the files the repository commits that are generated
//! from the code: docs/rules.md, in README.md the list of checks and the
//! example output of the human and JSON formats on the seed, and the JSON
//! Schema of `copydesk.toml` (`copydesk.schema.json`), and the list of check
//! codes the editor READMEs give for the editors' settings.
//!
//! The words live once, in each check's `CheckDocs`, and a rule's section of
//! docs/rules.md is the same Markdown SARIF reports carry
//! (`copydesk::cli::docs::rule_markdown`); the examples are what the real
//! reporters print. This module only lays them out and compares them with
//! what is committed. [`tests::committed_docs_are_up_to_date`] runs that
//! comparison under `cargo test` (xtask is a default member of the
//! workspace), so a stale file fails the test suite, not only
//! `cargo xtask docs --check`.

use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use copydesk::checks::REGISTRY;
use copydesk::cli::docs::rule_markdown;
use copydesk::cli::report::human::Human;
use copydesk::cli::report::json::JsonFinding;
use copydesk::cli::report::CheckedFile;
use copydesk::config::wire::WireConfig;
use copydesk::line_index::LineIndex;
use copydesk::{Config, DocKind};

/// The command that rewrites the generated files.
pub const REGENERATE: &str = "cargo xtask docs";

/// The draft whose first finding the README shows in each format.
const SEED: &str = "seeds/blinken-rafah.txt";

/// The README's generated blocks, in the order they appear.
const README_BLOCKS: [&str; 3] = ["human-example", "checks", "json-example"];

/// The editor READMEs, each with a generated `check-codes` block: the
/// codes their `checks` settings take.
const EDITOR_READMES: [&str; 2] = ["editors/nvim/README.md", "editors/vscode/README.md"];

/// Whether to rewrite stale files or only report them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Write,
    Check,
}

/// What a run did: one line per generated file, and whether any was stale
/// (in [`Mode::Check`]; in [`Mode::Write`] stale files are rewritten).
#[derive(Debug)]
pub struct Report {
    pub lines: Vec<String>,
    pub stale: bool,
}

/// The repository this xtask belongs to (the workspace root).
pub fn repository_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ sits in the repository root")
}

/// Regenerate every file under `root` and compare it with what is
/// committed; rewrite the stale ones in [`Mode::Write`].
pub fn run(root: &Path, mode: Mode) -> Result<Report, Box<dyn Error>> {
    let mut report = Report {
        lines: Vec::new(),
        stale: false,
    };
    for (relative, generated) in generate(root)? {
        let path = root.join(relative);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        let line = match (committed == generated, mode) {
            (true, _) => format!("{relative}: up to date"),
            (false, Mode::Write) => {
                std::fs::write(&path, &generated)
                    .map_err(|err| format!("{}: {err}", path.display()))?;
                format!("{relative}: rewritten")
            }
            (false, Mode::Check) => {
                report.stale = true;
                format!(
                    "{relative}: out of date with the code ({}); regenerate it with `{REGENERATE}`",
                    first_difference(&committed, &generated)
                )
            }
        };
        report.lines.push(line);
    }
    Ok(report)
}

/// Every generated file, as a path relative to `root` and its text.
pub fn generate(root: &Path) -> Result<Vec<(&'static str, String)>, Box<dyn Error>> {
    let read = |relative: &str| -> Result<String, String> {
        let path: PathBuf = root.join(relative);
        std::fs::read_to_string(&path).map_err(|err| format!("{}: {err}", path.display()))
    };
    let seed = read(SEED)?;
    let mut readme = read("README.md")?;
    for name in README_BLOCKS {
        let block = match name {
            "checks" => readme_checks(),
            "human-example" => readme_human_example(SEED, &seed),
            "json-example" => readme_json_example(SEED, &seed),
            _ => unreachable!("README_BLOCKS lists only these"),
        };
        readme = splice_readme(&readme, name, &block).ok_or_else(|| {
            let (begin, end) = readme_markers(name);
            format!("README.md lacks the markers around its {name} block:\n  {begin}\n  {end}")
        })?;
    }
    let mut files = vec![
        ("docs/rules.md", rules_markdown()),
        ("README.md", readme),
        ("copydesk.schema.json", json_schema()),
    ];
    for relative in EDITOR_READMES {
        let text = read(relative)?;
        let spliced = splice_readme(&text, "check-codes", &editor_check_codes()).ok_or_else(|| {
            let (begin, end) = readme_markers("check-codes");
            format!("{relative} lacks the markers around its check-codes block:\n  {begin}\n  {end}")
        })?;
        files.push((relative, spliced));
    }
    Ok(files)
}

/// The codes an editor's `checks` setting takes (block `check-codes` of the
/// editor READMEs): every check of the registry, with its summary.
pub fn editor_check_codes() -> String {
    let mut out = String::new();
    for info in &REGISTRY {
        let _ = writeln!(out, "- `{}`: {}", info.code(), info.docs.summary);
    }
    out
}

/// The schema of `copydesk.toml`: derived from the wire format, with each
/// core code's `[checks]` entry (in the file and in `[[overrides]]`)
/// described by the check's own summary.
fn json_schema() -> String {
    let mut schema = schemars::schema_for!(WireConfig);
    let top = schema.as_object_mut().expect("the file is a table");
    top.values_mut().for_each(describe_codes);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

fn describe_codes(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, entry) in map.iter_mut() {
                match (copydesk::Check::from_code(key), entry.as_object_mut()) {
                    (Some(check), Some(entry)) if entry.contains_key("$ref") => {
                        let summary = copydesk::checks::info(check).docs.summary;
                        let text = format!("{summary} (default: {})", check.default_severity());
                        entry.insert("description".into(), text.into());
                    }
                    _ => describe_codes(entry),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(describe_codes),
        _ => {}
    }
}

/// Where two texts first differ, for the staleness message.
fn first_difference(committed: &str, generated: &str) -> String {
    if committed.is_empty() {
        return "missing".to_owned();
    }
    committed
        .lines()
        .zip(generated.lines())
        .position(|(a, b)| a != b)
        .map_or_else(
            || "one is a prefix of the other".to_owned(),
            |i| format!("first difference at line {}", i + 1),
        )
}

/// The markers around the generated block `name` in README.md.
pub fn readme_markers(name: &str) -> (String, String) {
    (
        format!("<!-- {name}:begin (generated by `{REGENERATE}`; do not edit) -->"),
        format!("<!-- {name}:end -->"),
    )
}

/// `readme` with the text of block `name` replaced by `block`, or `None`
/// when its markers are missing.
pub fn splice_readme(readme: &str, name: &str, block: &str) -> Option<String> {
    let (begin_marker, end_marker) = readme_markers(name);
    let begin = readme.find(&begin_marker)? + begin_marker.len();
    let end = begin + readme[begin..].find(&end_marker)?;
    Some(format!("{}\n{block}{}", &readme[..begin], &readme[end..]))
}

/// The whole of `docs/rules.md`.
pub fn rules_markdown() -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!-- Generated from the checks' docs (core/src/checks) by `{REGENERATE}`; do not edit. -->\n\n\
         # copydesk checks\n\n\
         Every check has a stable code, used by configuration, suppressions and\n\
         every output format. `copydesk rules` lists them and\n\
         `copydesk explain CODE` prints one of these sections.\n\n\
         | Code | Family | Default severity | Flags |\n\
         |---|---|---|---|"
    );
    for info in &REGISTRY {
        let _ = writeln!(
            out,
            "| [`{code}`](#{anchor}) | {family} | {severity} | {summary} |",
            code = info.code(),
            anchor = anchor(info.code()),
            family = info.meta().family.as_str(),
            severity = info.meta().default_severity,
            summary = info.docs.summary.replace('|', "\\|"),
        );
    }
    for info in &REGISTRY {
        let _ = write!(out, "\n## `{}`\n\n{}", info.code(), rule_markdown(info));
    }
    out
}

/// The list of checks in README.md (block `checks`).
pub fn readme_checks() -> String {
    let mut out = String::new();
    for info in &REGISTRY {
        let _ = writeln!(
            out,
            "- **`{code}`**: {summary} For example: {example}",
            code = info.code(),
            summary = info.docs.summary,
            example = inline_code(info.docs.example),
        );
    }
    out
}

/// `text` as one Markdown code span, whatever backticks it contains.
fn inline_code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// GitHub's heading anchor (what `Check::docs_url` links to) for a heading
/// made of one inline code span: punctuation other than `-` and `_` is
/// dropped.
fn anchor(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The README's example of the human format (block `human-example`): the
/// first finding on the draft at `path`, uncoloured, in a text fence.
pub fn readme_human_example(path: &str, text: &str) -> String {
    let example = first_finding(path, text, |file| {
        Human::new(false).render(file, &file.findings[0])
    });
    format!("```text\n{example}\n```\n")
}

/// The README's example of the JSON format (block `json-example`): the
/// first finding on the draft at `path`, as the JSON reporter writes it.
pub fn readme_json_example(path: &str, text: &str) -> String {
    let example = first_finding(path, text, |file| {
        let finding = JsonFinding::new(file.path, file.index, &file.findings[0]);
        serde_json::to_string_pretty(&[finding]).unwrap_or_default()
    });
    format!("```json\n{example}\n```\n")
}

/// Check `text` with the default configuration and render its first
/// finding, or say there is none.
fn first_finding(path: &str, text: &str, render: impl Fn(&CheckedFile<'_>) -> String) -> String {
    let findings = copydesk::check(
        text,
        DocKind::from_path(Path::new(path)),
        &Config::default(),
    );
    if findings.is_empty() {
        return format!("{path}: no findings");
    }
    let index = LineIndex::new(text);
    render(&CheckedFile {
        path,
        text,
        index: &index,
        findings: &findings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The staleness gate: the committed files match the code.
    #[test]
    fn committed_docs_are_up_to_date() {
        let report = run(repository_root(), Mode::Check).expect("the docs can be generated");
        assert!(!report.stale, "{}", report.lines.join("\n"));
    }

    #[test]
    fn rules_md_documents_every_check() {
        let rules = rules_markdown();
        for info in &REGISTRY {
            assert!(
                rules.contains(&format!("\n## `{}`\n", info.code())),
                "{}",
                info.code()
            );
            for part in [info.docs.why, info.docs.example, info.docs.passes] {
                assert!(rules.contains(part), "{}: {part}", info.code());
            }
        }
    }

    /// The editor READMEs list every code the settings take, from the
    /// registry: a code added to the registry is missing from them until
    /// `cargo xtask docs` runs (and `committed_docs_are_up_to_date` fails).
    #[test]
    fn editor_readmes_list_every_check_code() {
        let root = repository_root();
        for relative in EDITOR_READMES {
            let text = std::fs::read_to_string(root.join(relative)).unwrap();
            let (begin, end) = readme_markers("check-codes");
            let block = &text[text.find(&begin).unwrap()..text.find(&end).unwrap()];
            for info in &REGISTRY {
                assert!(
                    block.contains(&format!("`{}`", info.code())),
                    "{relative}: {}",
                    info.code()
                );
            }
            assert!(block.contains("`suppression/unknown-code`"), "{relative}");
            assert!(block.contains("- `style`: "), "{relative}");
        }
    }

    #[test]
    fn examples_with_backticks_stay_one_code_span() {
        assert_eq!(inline_code("a \"b\""), "`a \"b\"`");
        assert_eq!(inline_code("x `y`"), "`` x `y` ``");
    }

    #[test]
    fn anchors_match_github_and_the_links_checks_give() {
        assert_eq!(anchor("name/first-reference"), "namefirst-reference");
        for info in &REGISTRY {
            let url = info.check.docs_url();
            assert!(url.ends_with(&format!("#{}", anchor(info.code()))), "{url}");
        }
    }

    #[test]
    fn readme_block_is_replaced_between_markers() {
        let (begin, end) = readme_markers("checks");
        let readme = format!("intro\n{begin}\nold\n{end}\nrest\n");
        assert_eq!(
            splice_readme(&readme, "checks", "new\n").unwrap(),
            format!("intro\n{begin}\nnew\n{end}\nrest\n")
        );
        assert_eq!(splice_readme(&readme, "other", "new\n"), None);
        assert_eq!(splice_readme("no markers", "checks", "new\n"), None);
    }

    #[test]
    fn examples_render_the_first_finding_or_say_there_is_none() {
        let draft = "\"We will not back down on this,\" she said.\n";
        assert_eq!(
            readme_human_example("a.txt", draft),
            "```text\na.txt: no findings\n```\n"
        );
        let draft = "The talks resumed.\n\"We will not back down on any of this.\"\n";
        let human = readme_human_example("a.txt", draft);
        assert!(
            human.starts_with("```text\nwarning[quote/unattributed]: "),
            "{human}"
        );
        let json = readme_json_example("a.txt", draft);
        assert!(
            json.starts_with("```json\n[\n  {\n    \"path\": \"a.txt\",\n"),
            "{json}"
        );
    }

    #[test]
    fn a_stale_file_is_reported_and_left_alone_in_check_mode() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("seeds")).unwrap();
        std::fs::create_dir_all(root.path().join("docs")).unwrap();
        std::fs::copy(repository_root().join(SEED), root.path().join(SEED)).unwrap();
        let readme: String = README_BLOCKS
            .iter()
            .map(|name| {
                let (begin, end) = readme_markers(name);
                format!("{begin}\nold\n{end}\n")
            })
            .collect();
        std::fs::write(root.path().join("README.md"), &readme).unwrap();
        let (begin, end) = readme_markers("check-codes");
        let editor_readme = format!("# Editor\n\n{begin}\n- `quote/unattributed`: old\n{end}\n");
        for relative in EDITOR_READMES {
            let path = root.path().join(relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, &editor_readme).unwrap();
        }

        let report = run(root.path(), Mode::Check).unwrap();
        assert!(report.stale);
        assert_eq!(report.lines.len(), 5, "{:?}", report.lines);
        for line in &report.lines[3..] {
            assert!(
                line.contains("README.md: out of date with the code (first difference at line 4)"),
                "{line}"
            );
        }
        assert!(report.lines[0].starts_with("docs/rules.md: out of date with the code (missing)"));
        assert!(report.lines[1].contains("first difference at line 2"));
        assert!(report.lines[2]
            .starts_with("copydesk.schema.json: out of date with the code (missing)"));
        assert_eq!(
            std::fs::read_to_string(root.path().join("README.md")).unwrap(),
            readme
        );

        let report = run(root.path(), Mode::Write).unwrap();
        assert!(!report.stale);
        let report = run(root.path(), Mode::Check).unwrap();
        assert!(!report.stale, "{:?}", report.lines);
    }
}
