//! The SARIF format: one SARIF 2.1.0 log for the whole run, for GitHub code
//! scanning (`github/codeql-action/upload-sarif`) and other SARIF viewers.
//!
//! - `tool.driver.rules` is [`checks::REGISTRY`]: each check's code as `id`,
//!   its documentation as descriptions and Markdown help, its default
//!   severity as `defaultConfiguration.level`, its family as a tag.
//! - A result's `ruleId` is the check code, `level` its severity (`error`,
//!   `warning`, `note` for info and hint). `locations` and
//!   `relatedLocations` carry regions with 1-based lines and columns in
//!   Unicode code points (`columnKind: unicodeCodePoints`, exclusive ends),
//!   `charOffset`/`charLength` in code points, and `byteOffset`/`byteLength`
//!   in UTF-8 bytes, which all point at the same text.
//! - `partialFingerprints["copydesk/v1"]` identifies a finding across runs
//!   while the text around it changes: a hash of the check code and the
//!   flagged text (whitespace collapsed, lowercased), then `:` and which
//!   occurrence of that pair in the file it is. Line numbers are left out on
//!   purpose, so adding a paragraph above does not make every finding new.
//! - A fix is a SARIF `fix` with one `artifactChange` of `replacements`; its
//!   safety is in the fix's `properties`.
//! - Files that could not be checked are `toolExecutionNotifications` of the
//!   invocation, which is then not `executionSuccessful`.
//! - Paths become relative URIs against `%SRCROOT%` (the folder copydesk ran
//!   in, the checkout in CI); absolute paths become `file://` URIs.
//!
//! The derived structs below are the subset of the SARIF object model that
//! copydesk writes; `tests/sarif.rs` validates the output against the
//! official schema.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use copydesk_core::checks::{self, CheckInfo};
use copydesk_core::finding::{Finding, Safety, Severity};
use copydesk_core::line_index::LineIndex;

use super::{CheckedFile, Reporter};

pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
pub const VERSION: &str = "2.1.0";
/// The `partialFingerprints` key; bump its version if the hash changes.
pub const FINGERPRINT: &str = "copydesk/v1";
/// The base that relative artifact URIs resolve against.
pub const SRCROOT: &str = "%SRCROOT%";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Log {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub tool: Tool,
    pub invocations: Vec<Invocation>,
    pub column_kind: &'static str,
    pub results: Vec<SarifResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tool {
    pub driver: Driver,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    pub name: &'static str,
    pub version: &'static str,
    pub semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub information_uri: Option<String>,
    pub rules: Vec<Rule>,
}

/// A `reportingDescriptor`: one check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    pub id: &'static str,
    pub name: String,
    pub short_description: Text,
    pub full_description: Text,
    pub help: Help,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help_uri: Option<String>,
    pub default_configuration: RuleConfiguration,
    pub properties: RuleProperties,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub text: String,
}

impl Text {
    fn new(text: impl Into<String>) -> Text {
        Text { text: text.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Help {
    pub text: String,
    pub markdown: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleConfiguration {
    pub level: Level,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleProperties {
    pub tags: Vec<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Note,
}

impl From<Severity> for Level {
    fn from(severity: Severity) -> Level {
        match severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info | Severity::Hint => Level::Note,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Invocation {
    pub execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tool_execution_notifications: Vec<Notification>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notification {
    pub level: Level,
    pub message: Text,
    pub locations: Vec<Location>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: String,
    pub rule_index: usize,
    pub level: Level,
    pub message: Text,
    pub locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<Location>,
    pub partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<SarifFix>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<usize>,
    pub physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactLocation {
    pub uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri_base_id: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    /// Exclusive: the column after the last character.
    pub end_column: usize,
    pub char_offset: usize,
    pub char_length: usize,
    pub byte_offset: usize,
    pub byte_length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifFix {
    pub description: Text,
    pub artifact_changes: Vec<ArtifactChange>,
    pub properties: FixProperties,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FixProperties {
    pub safety: Safety,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactChange {
    pub artifact_location: ArtifactLocation,
    pub replacements: Vec<Replacement>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replacement {
    pub deleted_region: Region,
    pub inserted_content: Text,
}

/// The rules: one per registered check, in registry order (so a result's
/// `ruleIndex` is its [`copydesk_core::checks::Check`] discriminant).
pub fn rules() -> Vec<Rule> {
    checks::REGISTRY.iter().map(rule).collect()
}

fn rule(info: &CheckInfo) -> Rule {
    let docs = info.docs;
    Rule {
        id: info.code(),
        name: pascal_case(info.code()),
        short_description: Text::new(docs.summary),
        full_description: Text::new(format!("{} {}", docs.summary, docs.why)),
        help: Help {
            text: crate::cli::docs::explain(info),
            markdown: crate::cli::docs::rule_markdown(info),
        },
        help_uri: crate::cli::docs::rule_url(info.check),
        default_configuration: RuleConfiguration {
            level: info.meta().default_severity.into(),
        },
        properties: RuleProperties {
            tags: vec![info.meta().family.as_str()],
        },
    }
}

/// `name/first-reference` → `NameFirstReference`: SARIF's readable rule
/// name, which may not contain the code's slash.
fn pascal_case(code: &str) -> String {
    code.split(['/', '-'])
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// A path as a URI reference: relative paths against [`SRCROOT`], with
/// `/` separators and everything but unreserved characters and `/`
/// percent-encoded; absolute paths as `file://` URIs.
pub fn artifact(path: &str) -> ArtifactLocation {
    let normalized = path.replace('\\', "/");
    let relative = normalized.trim_start_matches("./");
    let absolute = relative.starts_with('/');
    let mut uri = String::from(if absolute { "file://" } else { "" });
    for byte in relative.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            _ => {
                let _ = write!(uri, "%{byte:02X}");
            }
        }
    }
    ArtifactLocation {
        uri,
        uri_base_id: (!absolute).then_some(SRCROOT),
    }
}

/// Regions of one file: line/column from the [`LineIndex`], character
/// offsets from a table of each line's first character.
struct Regions<'a> {
    index: &'a LineIndex<'a>,
    text: &'a str,
    /// Code points before each line.
    line_chars: Vec<usize>,
}

impl<'a> Regions<'a> {
    fn new(file: &CheckedFile<'a>) -> Regions<'a> {
        let mut line_chars = vec![0];
        let mut chars = 0;
        for line in file.text.split_inclusive('\n') {
            chars += line.chars().count();
            line_chars.push(chars);
        }
        Regions {
            index: file.index,
            text: file.text,
            line_chars,
        }
    }

    fn region(&self, range: &Range<usize>, snippet: bool) -> Region {
        let start = self.index.line_col(range.start);
        let end = self.index.line_col(range.end.max(range.start));
        let char_offset =
            |at: copydesk_core::line_index::LineCol| self.line_chars[at.line - 1] + at.column - 1;
        Region {
            start_line: start.line,
            start_column: start.column,
            end_line: end.line,
            end_column: end.column,
            char_offset: char_offset(start),
            char_length: char_offset(end) - char_offset(start),
            byte_offset: start.offset,
            byte_length: end.offset - start.offset,
            snippet: snippet.then(|| Text::new(&self.text[start.offset..end.offset])),
        }
    }
}

/// The `partialFingerprints` value of the finding with this code and
/// flagged text, the `occurrence`th (from 1) such in its file.
pub fn fingerprint(code: &str, flagged: &str, occurrence: usize) -> String {
    format!("{:016x}:{occurrence}", fnv1a(code, &normalize(flagged)))
}

/// Whitespace collapsed and trimmed, lowercased: a reflowed paragraph or a
/// CRLF checkout keeps its fingerprint.
fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// 64-bit FNV-1a over the code, a NUL, and the text: small, and stable
/// across Rust versions and platforms, unlike `std`'s hasher.
fn fnv1a(code: &str, text: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    code.bytes()
        .chain([0])
        .chain(text.bytes())
        .fold(OFFSET, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(PRIME)
        })
}

/// The SARIF results of one file.
pub fn results(file: &CheckedFile<'_>) -> Vec<SarifResult> {
    let regions = Regions::new(file);
    let artifact = artifact(file.path);
    let mut seen: BTreeMap<(&str, String), usize> = BTreeMap::new();
    file.findings
        .iter()
        .map(|finding| {
            let code = finding.code.as_str();
            let flagged = file.text.get(finding.range.clone()).unwrap_or("");
            let occurrence = seen.entry((code, normalize(flagged))).or_default();
            *occurrence += 1;
            result(
                finding,
                &regions,
                &artifact,
                fingerprint(code, flagged, *occurrence),
            )
        })
        .collect()
}

fn result(
    finding: &Finding,
    regions: &Regions<'_>,
    artifact: &ArtifactLocation,
    fingerprint: String,
) -> SarifResult {
    let location = |id, range: &Range<usize>, message: Option<&str>| Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: artifact.clone(),
            region: Some(regions.region(range, true)),
        },
        message: message.map(Text::new),
    };
    SarifResult {
        // A house rule's id `style/NAME` is hierarchical (SARIF 3.27.5)
        // under the descriptor of its registry check, `style`.
        rule_id: finding.code.as_str().to_owned(),
        rule_index: finding.check() as usize,
        level: finding.severity.into(),
        message: Text::new(&finding.message),
        locations: vec![location(None, &finding.range, None)],
        related_locations: finding
            .related
            .iter()
            .enumerate()
            .map(|(i, related)| location(Some(i + 1), &related.range, Some(&related.message)))
            .collect(),
        partial_fingerprints: BTreeMap::from([(FINGERPRINT, fingerprint)]),
        fixes: finding
            .fix
            .iter()
            .map(|fix| SarifFix {
                description: Text::new(&fix.title),
                artifact_changes: vec![ArtifactChange {
                    artifact_location: artifact.clone(),
                    replacements: fix
                        .edits
                        .iter()
                        .map(|edit| Replacement {
                            deleted_region: regions.region(&edit.range, false),
                            inserted_content: Text::new(&edit.replacement),
                        })
                        .collect(),
                }],
                properties: FixProperties { safety: fix.safety },
            })
            .collect(),
    }
}

/// Collects every file's results and writes the log at the end.
#[derive(Debug, Default)]
pub struct Sarif {
    results: Vec<SarifResult>,
    notifications: Vec<Notification>,
}

impl Sarif {
    /// The log of everything reported.
    pub fn into_log(self) -> Log {
        Log {
            schema: SCHEMA,
            version: VERSION,
            runs: vec![Run {
                tool: Tool {
                    driver: Driver {
                        name: "copydesk",
                        version: env!("CARGO_PKG_VERSION"),
                        semantic_version: env!("CARGO_PKG_VERSION"),
                        information_uri: crate::cli::docs::home_url(),
                        rules: rules(),
                    },
                },
                invocations: vec![Invocation {
                    execution_successful: self.notifications.is_empty(),
                    tool_execution_notifications: self.notifications,
                }],
                column_kind: "unicodeCodePoints",
                results: self.results,
            }],
        }
    }
}

impl Reporter for Sarif {
    fn file(&mut self, _out: &mut dyn Write, file: &CheckedFile<'_>) -> io::Result<()> {
        self.results.extend(results(file));
        Ok(())
    }

    fn unreadable(&mut self, path: &str, message: &str) {
        self.notifications.push(Notification {
            level: Level::Error,
            message: Text::new(message),
            locations: vec![Location {
                id: None,
                physical_location: PhysicalLocation {
                    artifact_location: artifact(path),
                    region: None,
                },
                message: None,
            }],
        });
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &std::mem::take(self).into_log())?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{render, with_file, DRAFT, PATH};
    use super::*;
    use copydesk_core::checks::Check;

    #[test]
    fn renders_rules_results_related_locations_and_fixes() {
        insta::assert_snapshot!(render(&mut Sarif::default()));
    }

    #[test]
    fn regions_agree_in_lines_characters_and_bytes() {
        with_file(PATH, |file| {
            let findings = file.findings;
            let regions = Regions::new(file);
            for finding in findings {
                let region = regions.region(&finding.range, true);
                let chars: Vec<char> = DRAFT.chars().collect();
                let by_chars: String = chars
                    [region.char_offset..region.char_offset + region.char_length]
                    .iter()
                    .collect();
                let by_bytes = &DRAFT[region.byte_offset..region.byte_offset + region.byte_length];
                assert_eq!(by_chars, by_bytes);
                assert_eq!(by_bytes, &DRAFT[finding.range.clone()]);
                assert_eq!(region.snippet.unwrap().text, by_bytes);
            }
            // The emoji: line 3, after "Zoë Adeyemi " (12 characters, 13 bytes),
            // one code point long and four bytes.
            let emoji = regions.region(&findings[0].range, false);
            assert_eq!(
                (emoji.start_line, emoji.start_column, emoji.end_column),
                (3, 13, 14)
            );
            assert_eq!((emoji.char_length, emoji.byte_length), (1, 4));
        });
    }

    #[test]
    fn fingerprints_ignore_position_and_spacing_but_count_occurrences() {
        let a = fingerprint("repeat/quote", "\"We will not back down.\"", 1);
        assert_eq!(
            a,
            fingerprint("repeat/quote", "\"We will  not\r\nback down.\"", 1)
        );
        assert_ne!(
            a,
            fingerprint("repeat/quote", "\"We will not back down.\"", 2)
        );
        assert_ne!(
            a,
            fingerprint("quote/unattributed", "\"We will not back down.\"", 1)
        );
        assert!(a.ends_with(":1") && a.len() == 18, "{a}");
        // Pinned: a change here makes every finding in code scanning new.
        assert_eq!(
            fingerprint("quote/unattributed", "abc", 1),
            "1d675c7e7d9149b3:1"
        );
    }

    #[test]
    fn same_text_twice_gets_two_fingerprints() {
        let text = "\"Go now.\" x \"Go now.\"\n";
        let index = LineIndex::new(text);
        let findings = [
            Finding::new(Check::QuoteUnattributed, 0..9, "m"),
            Finding::new(Check::QuoteUnattributed, 12..21, "m"),
        ];
        let file = CheckedFile {
            path: "a.txt",
            text,
            index: &index,
            findings: &findings,
        };
        let prints: Vec<String> = results(&file)
            .into_iter()
            .map(|r| r.partial_fingerprints[FINGERPRINT].clone())
            .collect();
        assert_eq!(prints[0][..16], prints[1][..16]);
        assert_eq!((&prints[0][17..], &prints[1][17..]), ("1", "2"));
    }

    #[test]
    fn paths_become_uris() {
        let uri = |p| artifact(p).uri;
        assert_eq!(uri("./desk/a b.txt"), "desk/a%20b.txt");
        assert_eq!(uri("desk\\Zoë.md"), "desk/Zo%C3%AB.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(artifact("desk/a.txt").uri_base_id, Some(SRCROOT));
        let abs = artifact("/srv/desk/a.txt");
        assert_eq!(
            (abs.uri.as_str(), abs.uri_base_id),
            ("file:///srv/desk/a.txt", None)
        );
    }

    #[test]
    fn rules_follow_the_registry() {
        let rules = rules();
        assert_eq!(rules.len(), checks::REGISTRY.len());
        for (rule, check) in rules.iter().zip(Check::ALL) {
            assert_eq!(rule.id, check.code());
            assert_eq!(
                rule.short_description.text,
                copydesk_core::checks::info(check).docs.summary
            );
            assert_eq!(
                rule.default_configuration.level,
                check.default_severity().into()
            );
        }
        assert_eq!(pascal_case("name/first-reference"), "NameFirstReference");
    }
}
