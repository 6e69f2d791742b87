//! Protocol tests: the real language server over an in-memory pipe, driven
//! by a small JSON-RPC client (tests/common). Most tests use the real
//! checks; tests of the LSP plumbing itself (positions, fixes, versions)
//! use stand-in checkers whose findings are known exactly, so they do not
//! depend on the checks' heuristics.

mod common;

use common::{apply_edits, position, range, Client, Units};
use copydesk::lsp::Checker;
use copydesk::{Check, Config, DocKind, Edit, Finding, Fix, Safety};
use proptest::prelude::*;
use serde_json::{json, Value};

const SEED: &str = include_str!("../seeds/blinken-rafah.txt");
const URI: &str = "file:///drafts/story.txt";
const MD_URI: &str = "file:///drafts/story.md";

/// Stand-in check: every "allegedly" is a finding (reported as
/// `name/spelling`) with a fix to "reportedly"; each one after the first
/// points at the first. Honours the configured severity like the core.
fn allegedly(text: &str, _: DocKind, config: &Config) -> Vec<Finding> {
    let Some(severity) = config.severity(Check::NameSpelling) else {
        return Vec::new();
    };
    let mut first = None;
    let mut out = Vec::new();
    for (at, word) in text.match_indices("allegedly") {
        let r = at..at + word.len();
        let fix = Fix::new(
            "Replace with “reportedly”",
            Safety::Safe,
            vec![Edit {
                range: r.clone(),
                replacement: "reportedly".into(),
            }],
        );
        let mut finding =
            Finding::new(Check::NameSpelling, r.clone(), "Weasel word.").with_fix(fix);
        match &first {
            Some(first) => finding = finding.with_related(Clone::clone(first), "First used here."),
            None => first = Some(r),
        }
        finding.severity = severity;
        out.push(finding);
    }
    out
}

/// Stand-in check that shows the server's copy of the text: one finding
/// over the whole text whose message is the text.
fn echo(text: &str, _: DocKind, _: &Config) -> Vec<Finding> {
    vec![Finding::new(Check::QuoteUnattributed, 0..text.len(), text)]
}

fn plain_caps() -> Value {
    json!({"textDocument": {"publishDiagnostics": {"relatedInformation": true, "versionSupport": true}}})
}

fn utf8_caps() -> Value {
    json!({"general": {"positionEncodings": ["utf-8", "utf-16"]},
           "textDocument": {"publishDiagnostics": {"relatedInformation": true}}})
}

async fn started(checker: Checker, caps: Value) -> Client {
    let mut client = Client::start(checker);
    client.initialize(caps, Value::Null).await;
    client
}

/// (line, code, lines of related information) of each diagnostic.
fn summary(diags: &[Value]) -> Vec<(u64, String, Vec<u64>)> {
    diags
        .iter()
        .map(|d| {
            let related = d["relatedInformation"]
                .as_array()
                .map(|r| {
                    r.iter()
                        .map(|r| r["location"]["range"]["start"]["line"].as_u64().unwrap())
                        .collect()
                })
                .unwrap_or_default();
            (
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_owned(),
                related,
            )
        })
        .collect()
}

// --- initialize --------------------------------------------------------------

#[tokio::test]
async fn initialize_negotiates_the_position_encoding_and_capabilities() {
    let mut client = Client::start(Checker::Core);
    let result = client.initialize(utf8_caps(), Value::Null).await;
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-8");
    assert_eq!(
        caps["textDocumentSync"],
        json!({"openClose": true, "change": 2, "save": true})
    );
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"])
    );
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["inlayHintProvider"], true);
    assert_eq!(caps["documentSymbolProvider"], true);
    assert!(caps.get("diagnosticProvider").is_none(), "push client");
    assert_eq!(result["serverInfo"]["name"], "copydesk");

    let mut client = Client::start(Checker::Core);
    let caps = json!({"general": {"positionEncodings": ["utf-32", "utf-16"]},
                      "textDocument": {"diagnostic": {}},
                      "workspace": {"diagnostic": {"refreshSupport": true}}});
    let result = client.initialize(caps, Value::Null).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(
        result["capabilities"]["diagnosticProvider"],
        json!({"identifier": "copydesk", "interFileDependencies": false, "workspaceDiagnostics": false})
    );
}

// --- diagnostics from the real checks -----------------------------------------

/// Waits on the lead's repeat checks: the seed's three findings (SPEC §3).
#[tokio::test]
async fn the_seed_gets_its_three_findings_with_related_information() {
    let mut client = started(Checker::Core, plain_caps()).await;
    client.open(URI, "plaintext", 1, SEED).await;
    let diags = client.diagnostics(URI, 1).await;
    assert_eq!(
        summary(&diags),
        [
            (2, "repeat/paragraph".to_owned(), vec![0]),
            (5, "repeat/quote".to_owned(), vec![1]),
            (6, "repeat/quote".to_owned(), vec![1]),
        ]
    );
    for d in &diags {
        assert_eq!(d["source"], "copydesk");
        assert_eq!(d["severity"], 2);
        let code = d["code"].as_str().unwrap();
        assert_eq!(
            d["codeDescription"]["href"],
            Check::from_code(code).unwrap().docs_url()
        );
        assert_eq!(d["relatedInformation"][0]["location"]["uri"], URI);
        assert_eq!(d["data"]["version"], 1);
    }
}

/// Waits on the lead's quote checks.
#[tokio::test]
async fn an_unattributed_quote_is_reported_where_it_is() {
    let mut client = started(Checker::Core, plain_caps()).await;
    let text = "Talks resumed on Monday.\n\"We will not back down.\" The ministers met again.\n";
    client.open(URI, "plaintext", 1, text).await;
    let diags = client.diagnostics(URI, 1).await;
    let quote = text.find('"').unwrap();
    let end = text[quote + 1..].find('"').unwrap() + quote + 2;
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "quote/unattributed");
    assert_eq!(diags[0]["range"], range(text, quote..end, Units::Utf16));
}

/// Waits on the lead's repeat checks.
#[tokio::test]
async fn the_quick_fix_of_the_seeds_repeated_paragraph_removes_it() {
    let mut client = started(Checker::Core, plain_caps()).await;
    client.open(URI, "plaintext", 1, SEED).await;
    let diags = client.diagnostics(URI, 1).await;
    let repeated = diags
        .iter()
        .find(|d| d["code"] == "repeat/paragraph")
        .expect("a repeat/paragraph finding")
        .clone();
    let actions = client
        .call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": repeated["range"],
                   "context": {"diagnostics": [repeated]}}),
        )
        .await;
    let edits = actions[0]["edit"]["changes"][URI]
        .as_array()
        .unwrap()
        .clone();
    let fixed = apply_edits(SEED, &edits, Units::Utf16);
    assert!(!fixed.contains("Blinken said on Friday that an offensive"));
    client
        .change(
            URI,
            2,
            json!([{"range": edits[0]["range"], "text": edits[0]["newText"]}]),
        )
        .await;
    let after = client.diagnostics(URI, 2).await;
    assert!(
        after.iter().all(|d| d["code"] != "repeat/paragraph"),
        "{after:?}"
    );
}

// --- diagnostics plumbing ---------------------------------------------------

#[tokio::test]
async fn diagnostics_are_published_after_open_change_and_save() {
    let mut client = started(Checker::StandIn(allegedly), plain_caps()).await;
    let text = "He allegedly left.\r\n👍 She allegedly stayed.\n";
    client.open(URI, "plaintext", 1, text).await;
    let diags = client.diagnostics(URI, 1).await;
    let first = 3..12;
    let second = text.rfind("allegedly").unwrap();
    let second = second..second + 9;
    assert_eq!(
        Value::from(diags),
        json!([
            {"range": range(text, first.clone(), Units::Utf16), "severity": 2,
             "code": "name/spelling", "codeDescription": {"href": Check::NameSpelling.docs_url()},
             "source": "copydesk", "message": "Weasel word.",
             "data": {"version": 1, "fix": {"title": "Replace with “reportedly”", "safe": true,
                      "edits": [{"range": range(text, first.clone(), Units::Utf16), "newText": "reportedly"}]}}},
            {"range": {"start": {"line": 1, "character": 7}, "end": {"line": 1, "character": 16}},
             "severity": 2, "code": "name/spelling",
             "codeDescription": {"href": Check::NameSpelling.docs_url()},
             "source": "copydesk", "message": "Weasel word.",
             "relatedInformation": [{"location": {"uri": URI, "range": range(text, first, Units::Utf16)},
                                     "message": "First used here."}],
             "data": {"version": 1, "fix": {"title": "Replace with “reportedly”", "safe": true,
                      "edits": [{"range": range(text, second, Units::Utf16), "newText": "reportedly"}]}}}
        ])
    );

    client
        .change(
            URI,
            2,
            json!([{"range": range(text, 0..0, Units::Utf16), "text": "Yes, allegedly. "}]),
        )
        .await;
    assert_eq!(client.diagnostics(URI, 2).await.len(), 3);

    client
        .notify(
            "textDocument/didSave",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert_eq!(client.diagnostics(URI, 2).await.len(), 3);

    client
        .notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    let cleared = client
        .notification(|m| m["method"] == "textDocument/publishDiagnostics")
        .await;
    assert_eq!(cleared["params"], json!({"uri": URI, "diagnostics": []}));
}

#[tokio::test]
async fn other_languages_are_kept_in_sync_but_not_checked() {
    let mut client = started(Checker::StandIn(allegedly), plain_caps()).await;
    client
        .open("file:///src/main.rs", "rust", 1, "// allegedly\n")
        .await;
    client.open(URI, "plaintext", 1, "allegedly").await;
    assert_eq!(client.diagnostics(URI, 1).await.len(), 1);
    let rest = client.quiet_for(100).await;
    assert!(
        rest.iter()
            .all(|m| m["params"]["uri"] != "file:///src/main.rs"),
        "{rest:?}"
    );
}

#[tokio::test]
async fn pull_clients_without_refresh_get_pushes() {
    // Neovim 0.11's capabilities.
    let caps = json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}});
    let mut client = Client::start(Checker::StandIn(allegedly));
    let result = client.initialize(caps, Value::Null).await;
    assert!(result["capabilities"].get("diagnosticProvider").is_none());
    client
        .open(URI, "plaintext", 1, "It allegedly rained.")
        .await;
    assert_eq!(client.diagnostics(URI, 1).await.len(), 1);
}

#[tokio::test]
async fn pull_clients_get_no_pushes_and_can_ask() {
    let caps = json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}},
                      "workspace": {"diagnostic": {"refreshSupport": true}}});
    let mut client = started(Checker::StandIn(allegedly), caps).await;
    client
        .open(URI, "plaintext", 1, "It allegedly rained.")
        .await;
    let pushed = client.quiet_for(150).await;
    assert!(
        pushed
            .iter()
            .all(|m| m["method"] != "textDocument/publishDiagnostics"),
        "{pushed:?}"
    );
    let report = client
        .call(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert_eq!(report["kind"], "full");
    assert_eq!(report["items"][0]["code"], "name/spelling");
    assert_eq!(
        report["items"][0]["range"],
        json!({"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 12}})
    );
    let unknown = client
        .call(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": "file:///nowhere.txt"}}),
        )
        .await;
    assert_eq!(unknown, json!({"kind": "full", "items": []}));

    // New settings: the client is asked to pull again.
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"checks": {"name/spelling": "off"}}}),
        )
        .await;
    client.quiet_for(100).await;
    assert_eq!(client.server_requests, ["workspace/diagnostic/refresh"]);
    let report = client
        .call(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert_eq!(report, json!({"kind": "full", "items": []}));
}

// --- incremental sync -------------------------------------------------------

/// Apply `edits` (byte ranges into the client's current text, and the new
/// text) through the protocol, then open the final text as a second
/// document: both must get the same diagnostics.
async fn edits_match_a_fresh_open(
    check: Checker,
    caps: Value,
    units: Units,
    start: &str,
    edits: &[(std::ops::Range<usize>, &str)],
) -> Vec<Value> {
    let mut client = started(check, caps).await;
    client.open(URI, "plaintext", 1, start).await;
    let mut text = start.to_owned();
    let mut version = 1;
    for (bytes, new_text) in edits {
        version += 1;
        let r = range(&text, bytes.clone(), units);
        client
            .change(URI, version, json!([{"range": r, "text": new_text}]))
            .await;
        text.replace_range(bytes.clone(), new_text);
    }
    let edited = client.diagnostics(URI, version).await;
    let fresh_uri = "file:///drafts/fresh.txt";
    client.open(fresh_uri, "plaintext", 1, &text).await;
    let fresh = client.diagnostics(fresh_uri, 1).await;
    let strip = |diags: &[Value]| -> Vec<Value> {
        diags
            .iter()
            .map(|d| {
                let mut d = d.clone();
                d["data"]["version"] = json!(0);
                if let Some(related) = d["relatedInformation"].as_array_mut() {
                    for r in related {
                        r["location"]["uri"] = json!("");
                    }
                }
                d
            })
            .collect()
    };
    assert_eq!(strip(&edited), strip(&fresh), "text now: {text:?}");
    edited
}

#[tokio::test]
async fn incremental_edits_give_the_findings_of_a_fresh_check() {
    let start = "First allegedly.\r\nSecond 👍 line allegedly.\nThird 👩‍💻 line.\n";
    let at = start.find("line allegedly").unwrap();
    let insert = [(at..at, "allegedly ")];
    let diags = edits_match_a_fresh_open(
        Checker::StandIn(allegedly),
        plain_caps(),
        Units::Utf16,
        start,
        &insert,
    )
    .await;
    assert_eq!(diags.len(), 3);

    // Each step is relative to the text left by the previous one, so build
    // the steps on a running copy.
    let mut text = start.to_owned();
    let mut steps: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut step = |text: &mut String, r: std::ops::Range<usize>, new: &str| {
        steps.push((r.clone(), new.to_owned()));
        text.replace_range(r, new);
    };
    // Delete across the CRLF, joining lines 1 and 2.
    let a = text.find(".\r\n").unwrap();
    step(&mut text, a..a + 3, " ");
    // Insert after the emoji (a surrogate pair in UTF-16).
    let a = text.find('👍').unwrap() + '👍'.len_utf8();
    step(&mut text, a..a, " allegedly");
    // Multi-line insert with CRLF and an emoji before the ZWJ sequence.
    let a = text.find("Third").unwrap();
    step(&mut text, a..a, "New\r\nlines 🎉 allegedly\n");
    // Replace a range spanning the ZWJ emoji.
    let a = text.find("👩‍💻").unwrap();
    step(&mut text, a..a + "👩‍💻 line".len(), "allegedly");
    // Delete the very first "allegedly", shifting every later finding.
    let a = text.find("allegedly").unwrap();
    step(&mut text, a..a + 9, "");
    let steps: Vec<(std::ops::Range<usize>, &str)> =
        steps.iter().map(|(r, t)| (r.clone(), t.as_str())).collect();
    for (caps, units) in [(plain_caps(), Units::Utf16), (utf8_caps(), Units::Utf8)] {
        let diags =
            edits_match_a_fresh_open(Checker::StandIn(allegedly), caps, units, start, &steps).await;
        assert_eq!(diags.len(), text.matches("allegedly").count());
        assert_eq!(diags.len(), 4);
    }
    // The real checks, whatever they find, find the same both ways.
    let seed_steps = [(
        SEED.find("Netanyahu said").unwrap()..SEED.find("Netanyahu said").unwrap(),
        "Yes, 👍 \"it was,\" he said.\r\n",
    )];
    edits_match_a_fresh_open(Checker::Core, plain_caps(), Units::Utf16, SEED, &seed_steps).await;
}

#[tokio::test]
async fn several_changes_in_one_notification_apply_in_order() {
    let mut client = started(Checker::StandIn(echo), plain_caps()).await;
    client.open(URI, "plaintext", 1, "ab\ncd").await;
    client
        .change(
            URI,
            2,
            json!([
                {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 1}}, "text": "X\nY"},
                {"range": {"start": {"line": 2, "character": 1}, "end": {"line": 2, "character": 1}}, "text": "!"},
                {"text": "whole new text"},
                {"range": {"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 9}}, "text": "😀"}
            ]),
        )
        .await;
    let diags = client.diagnostics(URI, 2).await;
    assert_eq!(diags[0]["message"], "whole😀 text");
}

#[tokio::test]
async fn a_burst_of_edits_is_applied_in_arrival_order() {
    let mut client = started(Checker::StandIn(echo), plain_caps()).await;
    client.open(URI, "plaintext", 1, "").await;
    let typed: String = "The mayor said on Friday that 👍 the bridge would reopen.\r\n".repeat(5);
    let mut text = String::new();
    let mut version = 1;
    // No waiting between keystrokes: every edit depends on the one before.
    for c in typed.chars() {
        version += 1;
        let at = position(&text, text.len(), Units::Utf16);
        client
            .change(
                URI,
                version,
                json!([{"range": {"start": at, "end": at}, "text": c.to_string()}]),
            )
            .await;
        text.push(c);
    }
    assert_eq!(client.diagnostics(URI, version).await[0]["message"], text);
}

#[tokio::test]
async fn a_stale_change_is_refused_and_the_text_stays_right() {
    let mut client = started(Checker::StandIn(echo), plain_caps()).await;
    client.open(URI, "plaintext", 1, "abc").await;
    client.diagnostics(URI, 1).await;
    let at =
        |c: u32| json!({"start": {"line": 0, "character": c}, "end": {"line": 0, "character": c}});
    client
        .change(URI, 2, json!([{"range": at(3), "text": "d"}]))
        .await;
    client
        .change(URI, 2, json!([{"range": at(0), "text": "STALE"}]))
        .await;
    client
        .change(URI, 1, json!([{"range": at(0), "text": "OLDER"}]))
        .await;
    client
        .change(URI, 3, json!([{"range": at(4), "text": "e"}]))
        .await;
    assert_eq!(client.diagnostics(URI, 3).await[0]["message"], "abcde");
    let warning = client
        .notification(|m| m["method"] == "window/logMessage" && m["params"]["type"] == 2)
        .await;
    assert_eq!(
        warning["params"]["message"],
        format!("copydesk: {URI}: version 2 is not newer than version 2; change ignored")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Random edits through the protocol: the server's copy (shown by the
    /// echo checker) ends up identical to the client's text.
    #[test]
    fn random_protocol_edits_keep_the_server_text_identical(
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), any::<prop::sample::Index>(),
             prop::sample::select(vec!["", "x", "👍", "é", "\r\n", "\n", "a👍\r\nb", "“”"])),
            1..25),
        utf8 in any::<bool>(),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let (caps, units) = if utf8 { (utf8_caps(), Units::Utf8) } else { (plain_caps(), Units::Utf16) };
            let mut client = started(Checker::StandIn(echo), caps).await;
            let mut text = String::from("start 👍\r\nend");
            client.open(URI, "plaintext", 1, &text).await;
            let mut version = 1;
            for (a, b, new_text) in &edits {
                let boundaries: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    // A client cannot point between `\r` and `\n`.
                    .filter(|&i| !(i > 0 && text.as_bytes()[i - 1] == b'\r' && text.as_bytes().get(i) == Some(&b'\n')))
                    .collect();
                let (a, b) = (boundaries[a.index(boundaries.len())], boundaries[b.index(boundaries.len())]);
                let r = a.min(b)..a.max(b);
                version += 1;
                client.change(URI, version, json!([{"range": range(&text, r.clone(), units), "text": new_text}])).await;
                text.replace_range(r, new_text);
            }
            let diags = client.diagnostics(URI, version).await;
            assert_eq!(diags[0]["message"].as_str().unwrap(), text);
            assert_eq!(diags[0]["range"]["end"], position(&text, text.len(), units));
        });
    }
}

// --- code actions -------------------------------------------------------------

#[tokio::test]
async fn applying_a_quick_fix_removes_its_finding() {
    let mut client = started(Checker::StandIn(allegedly), plain_caps()).await;
    let text = "It 👍 allegedly rained.\n";
    client.open(URI, "plaintext", 1, text).await;
    let diags = client.diagnostics(URI, 1).await;
    let actions = client
        .call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": diags[0]["range"],
                   "context": {"diagnostics": diags}}),
        )
        .await;
    assert_eq!(
        actions,
        json!([{
            "title": "Replace with “reportedly”",
            "kind": "quickfix",
            "diagnostics": [diags[0]],
            "edit": {"changes": {URI: [{"range": diags[0]["range"], "newText": "reportedly"}]}},
            "isPreferred": true
        }]),
        "plain text gets no ignore comment"
    );
    let edits = actions[0]["edit"]["changes"][URI].as_array().unwrap();
    assert_eq!(
        apply_edits(text, edits, Units::Utf16),
        "It 👍 reportedly rained.\n"
    );
    client
        .change(
            URI,
            2,
            json!([{"range": edits[0]["range"], "text": "reportedly"}]),
        )
        .await;
    assert_eq!(client.diagnostics(URI, 2).await, Vec::<Value>::new());
}

#[tokio::test]
async fn a_code_action_on_stale_diagnostics_uses_the_current_text() {
    let mut client = started(Checker::StandIn(allegedly), plain_caps()).await;
    client
        .open(URI, "plaintext", 1, "It allegedly rained.")
        .await;
    let stale = client.diagnostics(URI, 1).await;
    // Typing before the finding moves it; the client still holds v1's.
    client
        .change(
            URI,
            2,
            json!([{"range": range("", 0..0, Units::Utf16), "text": "Well, "}]),
        )
        .await;
    client.diagnostics(URI, 2).await;
    let current_range =
        json!({"start": {"line": 0, "character": 9}, "end": {"line": 0, "character": 18}});
    let actions = client
        .call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": current_range,
                   "context": {"diagnostics": stale}}),
        )
        .await;
    assert_eq!(
        actions[0]["edit"]["changes"][URI],
        json!([{"range": current_range, "newText": "reportedly"}])
    );
    assert_eq!(actions[0]["diagnostics"][0]["data"]["version"], 2);
}

#[tokio::test]
async fn markdown_findings_can_be_ignored_with_a_comment() {
    let mut client = started(Checker::StandIn(allegedly), plain_caps()).await;
    let text = "# Title\r\n\r\n- It allegedly rained.\r\n";
    client.open(MD_URI, "markdown", 1, text).await;
    let diags = client.diagnostics(MD_URI, 1).await;
    let actions = client
        .call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": MD_URI}, "range": diags[0]["range"],
                   "context": {"diagnostics": diags, "only": ["quickfix"]}}),
        )
        .await;
    assert_eq!(actions.as_array().unwrap().len(), 2);
    assert_eq!(actions[1]["title"], "Ignore name/spelling here");
    let edits = actions[1]["edit"]["changes"][MD_URI].as_array().unwrap();
    assert_eq!(
        apply_edits(text, edits, Units::Utf16),
        "# Title\r\n\r\n<!-- copydesk-disable-next-line name/spelling -->\r\n- It allegedly rained.\r\n"
    );
    let none = client
        .call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": MD_URI}, "range": diags[0]["range"],
                   "context": {"diagnostics": diags, "only": ["refactor"]}}),
        )
        .await;
    assert_eq!(none, json!([]));
}

// --- hover, inlay hints, symbols ------------------------------------------------

#[tokio::test]
async fn hover_on_an_unattributed_quote_says_nobody_is_credited() {
    let mut client = started(Checker::Core, plain_caps()).await;
    let text = "Talks resumed.\n\"We will not back down.\" The ministers met again.\n";
    client.open(URI, "plaintext", 1, text).await;
    let inside = text.find("back").unwrap();
    let hover = client
        .call(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": position(text, inside, Units::Utf16)}),
        )
        .await;
    let quote = text.find('"').unwrap();
    assert_eq!(
        hover,
        json!({"contents": {"kind": "markdown", "value": "**Quote**: nobody is credited with it."},
               "range": range(text, quote..quote + 24, Units::Utf16)})
    );
    let nothing = client
        .call(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 2}}),
        )
        .await;
    assert_eq!(nothing, Value::Null);
}

/// Waits on the lead's attribution work (who said each quote).
#[tokio::test]
async fn hover_on_an_attributed_seed_quote_names_the_speaker() {
    let mut client = started(Checker::Core, plain_caps()).await;
    client.open(URI, "plaintext", 1, SEED).await;
    let inside = SEED.find("We'll put all that").unwrap();
    let hover = client
        .call(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": position(SEED, inside, Units::Utf16)}),
        )
        .await;
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**Quote** said by **Blinken"), "{value}");
}

/// Waits on the names work (people extraction).
#[tokio::test]
async fn hover_on_a_seed_person_gives_the_full_name_and_mentions() {
    let mut client = started(Checker::Core, plain_caps()).await;
    client.open(URI, "plaintext", 1, SEED).await;
    let netanyahu = SEED.find("Netanyahu said").unwrap();
    let hover = client
        .call(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": position(SEED, netanyahu + 2, Units::Utf16)}),
        )
        .await;
    assert_eq!(
        hover["contents"]["value"],
        "**Benjamin Netanyahu**\n\nTitle: Prime Minister\n\n\
         First referenced in paragraph 4 as “Benjamin Netanyahu”\n\nMentioned 3 times"
    );
    assert_eq!(
        hover["range"],
        range(SEED, netanyahu..netanyahu + "Netanyahu".len(), Units::Utf16)
    );
}

#[tokio::test]
async fn speaker_hints_are_off_by_default() {
    let mut client = started(Checker::Core, plain_caps()).await;
    client.open(URI, "plaintext", 1, SEED).await;
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}});
    let hints = client
        .call(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": URI}, "range": whole}),
        )
        .await;
    assert_eq!(hints, json!([]));
}

/// Waits on the lead's attribution work (speakers of the seed's quotes).
#[tokio::test]
async fn speaker_hints_follow_closing_quotes_when_enabled() {
    let mut client = Client::start(Checker::Core);
    client
        .initialize(plain_caps(), json!({"inlayHints": {"speakers": true}}))
        .await;
    client.open(URI, "plaintext", 1, SEED).await;
    let line = 12;
    let hints = client
        .call(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": URI},
                   "range": {"start": {"line": line, "character": 0}, "end": {"line": line + 1, "character": 0}}}),
        )
        .await;
    let close = SEED.find("to work through,\"").unwrap() + "to work through,\"".len();
    assert_eq!(
        hints,
        json!([{"position": position(SEED, close, Units::Utf16), "label": "— Blinken", "paddingLeft": true}])
    );
}

#[tokio::test]
async fn document_symbols_list_the_quotes() {
    let mut client = started(Checker::Core, plain_caps()).await;
    let text = "Talks resumed.\n\"We will not back down,\" the minister said.\n";
    client.open(URI, "plaintext", 1, text).await;
    let symbols = client
        .call(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    let quotes: Vec<&Value> = symbols
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == 15)
        .collect();
    assert_eq!(quotes.len(), 1, "{symbols}");
    assert_eq!(quotes[0]["name"], "We will not back down,");
    let quote = text.find('"').unwrap();
    assert_eq!(
        quotes[0]["range"],
        range(text, quote..quote + 24, Units::Utf16)
    );
}

// --- settings -------------------------------------------------------------------

#[tokio::test]
async fn settings_change_severities_and_republish() {
    let mut client = Client::start(Checker::StandIn(allegedly));
    client
        .initialize(plain_caps(), json!({"checks": {"name/spelling": "error"}}))
        .await;
    client
        .open(URI, "plaintext", 1, "It allegedly rained.")
        .await;
    assert_eq!(client.diagnostics(URI, 1).await[0]["severity"], 1);

    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"copydesk": {"checks": {"name/spelling": "off"}}}}),
        )
        .await;
    assert_eq!(client.diagnostics(URI, 1).await, Vec::<Value>::new());

    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"checks": {"name/spelling": "hint"}}}),
        )
        .await;
    assert_eq!(client.diagnostics(URI, 1).await[0]["severity"], 4);
}

#[tokio::test]
async fn unknown_codes_and_bad_settings_are_reported_not_fatal() {
    let mut client = Client::start(Checker::StandIn(allegedly));
    client
        .initialize(
            plain_caps(),
            json!({"checks": {"name/speling": "off", "repeat/quote": "error"}}),
        )
        .await;
    let message = client
        .notification(|m| m["method"] == "window/showMessage")
        .await;
    assert_eq!(
        message["params"],
        json!({"type": 2, "message": "copydesk: unknown check `name/speling` in settings; did you mean `name/spelling`?"})
    );
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"checks": "all off"}}),
        )
        .await;
    let message = client
        .notification(|m| m["method"] == "window/showMessage")
        .await;
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.starts_with("copydesk: settings ignored: "), "{text}");
    // Still serving, with the last good settings.
    client
        .open(URI, "plaintext", 1, "It allegedly rained.")
        .await;
    assert_eq!(client.diagnostics(URI, 1).await[0]["severity"], 2);
}

#[tokio::test]
async fn settings_are_pulled_from_clients_that_can_answer() {
    let mut client = Client::start(Checker::StandIn(allegedly));
    client.configuration = json!({"checks": {"name/spelling": "info"}});
    client
        .initialize(json!({"workspace": {"configuration": true}}), Value::Null)
        .await;
    client.quiet_for(100).await;
    assert_eq!(client.server_requests, ["workspace/configuration"]);
    client
        .open(URI, "plaintext", 1, "It allegedly rained.")
        .await;
    assert_eq!(client.diagnostics(URI, 1).await[0]["severity"], 3);
    // A null notification means "ask me again".
    client.configuration = json!({"checks": {"name/spelling": "error"}});
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": null}),
        )
        .await;
    assert_eq!(client.diagnostics(URI, 1).await[0]["severity"], 1);
}

// --- robustness -----------------------------------------------------------------

#[tokio::test]
async fn bad_positions_and_unknown_documents_are_answered() {
    let mut client = started(Checker::Core, plain_caps()).await;
    client.open(URI, "plaintext", 1, "Short.\n").await;
    let far = json!({"line": 4_000_000_000u32, "character": 4_000_000_000u32});
    for (method, params) in [
        (
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": far}),
        ),
        (
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///nope.txt"}, "position": far}),
        ),
        (
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": "file:///nope.txt"}, "range": {"start": far, "end": far}}),
        ),
        (
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": "file:///nope.txt"}}),
        ),
        (
            "textDocument/codeAction",
            json!({"textDocument": {"uri": "file:///nope.txt"},
            "range": {"start": far, "end": far}, "context": {"diagnostics": []}}),
        ),
    ] {
        assert_eq!(
            client.call(method, params.clone()).await,
            Value::Null,
            "{method} {params}"
        );
    }
    let hints = client
        .call(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": URI}, "range": {"start": far, "end": {"line": 0, "character": 0}}}),
        )
        .await;
    assert_eq!(hints, json!([]));
    client
        .change("file:///nope.txt", 2, json!([{"text": "x"}]))
        .await;
    let warning = client
        .notification(|m| m["method"] == "window/logMessage" && m["params"]["type"] == 2)
        .await;
    assert!(warning["params"]["message"]
        .as_str()
        .unwrap()
        .ends_with("the document is not open"));
    // An edit far out of range clamps to the end.
    client
        .change(
            URI,
            2,
            json!([{"range": {"start": far, "end": far}, "text": "More."}]),
        )
        .await;
    client.diagnostics(URI, 2).await;
    assert!(client.shutdown().await.shutdown_requested);
}

#[tokio::test]
async fn documents_too_large_to_be_drafts_are_not_checked() {
    // 9 MB: over the 8 MB the server checks as it is typed.
    let big = "It was allegedly fine.\n".repeat(9 * 1024 * 1024 / 23 + 1);
    let mut client = started(Checker::StandIn(allegedly), plain_caps()).await;
    client.open(URI, "plaintext", 1, &big).await;
    let said = client
        .notification(|m| m["method"] == "window/showMessage")
        .await;
    let message = said["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("is not checked") && message.contains("8 MB"),
        "{message}"
    );
    let published = client.quiet_for(300).await;
    assert!(
        !published
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "{published:?}"
    );

    // Cut down to a draft, it is checked; grown past the limit again, its
    // findings are withdrawn.
    let small = "It was allegedly fine.\n";
    client.change(URI, 2, json!([{"text": small}])).await;
    assert_eq!(client.diagnostics(URI, 2).await.len(), 1);
    client.change(URI, 3, json!([{"text": big}])).await;
    let cleared = client
        .notification(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["diagnostics"] == json!([])
        })
        .await;
    assert_eq!(cleared["params"]["uri"], URI);
    assert!(client.shutdown().await.shutdown_requested);
}

#[tokio::test]
async fn malformed_messages_get_error_responses() {
    let mut client = started(Checker::Core, plain_caps()).await;
    client.send_raw(b"{this is not json").await;
    let parse_error = client.response(Value::Null).await;
    assert_eq!(parse_error["error"]["code"], -32700);
    assert_eq!(parse_error["id"], Value::Null);

    let bad_params = client
        .request("textDocument/hover", json!({"textDocument": {"uri": URI}}))
        .await;
    assert_eq!(bad_params["error"]["code"], -32602);

    let unknown = client.request("copydesk/unknown", json!({})).await;
    assert_eq!(unknown["error"]["code"], -32601);

    // Notifications with bad params are dropped; the server carries on.
    client
        .notify("textDocument/didOpen", json!({"textDocument": 7}))
        .await;
    client.notify("$/unknownNotification", json!({})).await;
    let symbols = client
        .call(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert_eq!(symbols, Value::Null);
}

/// A request with `id` to an unknown method, as JSON text.
fn unknown_request(id: i64) -> String {
    format!(
        r#"{{"jsonrpc":"2.0","id":{id},"method":"copydesk/unknown","params":{{"q":"“quoted”"}}}}"#
    )
}

/// After each kind of bad frame the server answers it (with its id where
/// one can be read) and the next well-framed request, in the same write.
#[tokio::test]
async fn the_server_resynchronises_after_any_bad_frame() {
    let mut client = started(Checker::Core, plain_caps()).await;
    let chars = |s: &str| s.chars().count();
    let frames: Vec<(i64, Vec<u8>, i64)> = vec![
        // Characters counted, not bytes: too short, yet the message is whole.
        (
            1,
            format!(
                "Content-Length: {}\r\n\r\n{}",
                chars(&unknown_request(1)),
                unknown_request(1)
            )
            .into_bytes(),
            -32601,
        ),
        // Too long: the message is whole and the client waits.
        (
            2,
            format!(
                "Content-Length: {}\r\n\r\n{}",
                unknown_request(2).len() + 40,
                unknown_request(2)
            )
            .into_bytes(),
            -32601,
        ),
        // Too short and cut inside the message: its id is still answered.
        (
            3,
            format!("Content-Length: 30\r\n\r\n{}garbage", unknown_request(3)).into_bytes(),
            -32700,
        ),
        (
            4,
            format!("Content-Length: -5\r\n\r\n{}", unknown_request(4)).into_bytes(),
            -32700,
        ),
        (
            5,
            format!("Content-Length: five\r\n\r\n{}", unknown_request(5)).into_bytes(),
            -32700,
        ),
        (6, unknown_request(6).into_bytes(), -32700),
        (
            7,
            format!(
                "Content-Length: 1000000000000\r\n\r\n{}",
                unknown_request(7)
            )
            .into_bytes(),
            -32700,
        ),
        (
            0,
            b"\x00\xff\xfe random \x1b[0m bytes \r\n\r\n".to_vec(),
            -32700,
        ),
        (
            0,
            format!("X-Long: {}\r\n\r\n", "a".repeat(100_000)).into_bytes(),
            -32700,
        ),
    ];
    for (id, bad, code) in frames {
        let next = 1000 + id;
        let mut bytes = bad;
        let good = unknown_request(next);
        bytes.extend(format!("Content-Length: {}\r\n\r\n{good}", good.len()).bytes());
        client.send_bytes(&bytes).await;
        let answer = client
            .response(if id == 0 { Value::Null } else { json!(id) })
            .await;
        assert_eq!(answer["error"]["code"], code, "frame {id}: {answer}");
        let answer = client.response(json!(next)).await;
        assert_eq!(
            answer["error"]["code"], -32601,
            "after frame {id}: {answer}"
        );
    }
    // A `$/` request is a request: it gets an answer.
    let dollar = client.request("$/custom", json!({})).await;
    assert_eq!(dollar["error"]["code"], -32601, "{dollar}");
    let symbols = client
        .call(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert_eq!(symbols, Value::Null);
}

#[tokio::test]
async fn shutdown_then_exit_ends_the_server_cleanly() {
    let client = started(Checker::Core, plain_caps()).await;
    let ending = client.shutdown().await;
    assert!(ending.shutdown_requested && ending.exited, "{ending:?}");

    let mut client = started(Checker::Core, plain_caps()).await;
    client.notify("exit", Value::Null).await;
    let ending = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        client.server.take().unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    assert!(!ending.shutdown_requested && ending.exited);
}

#[tokio::test]
async fn requests_sent_just_before_exit_are_still_answered() {
    // Some clients send `shutdown` and `exit` in one burst, without waiting
    // for the answer; a hover in flight must not be lost either.
    let mut client = started(Checker::Core, plain_caps()).await;
    client.open(URI, "plaintext", 1, SEED).await;
    let hover = json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 3}});
    client
        .send(
            &json!({"jsonrpc": "2.0", "id": 900, "method": "textDocument/hover", "params": hover}),
        )
        .await;
    client
        .send(&json!({"jsonrpc": "2.0", "id": 901, "method": "shutdown"}))
        .await;
    client.notify("exit", Value::Null).await;
    assert!(client.response(json!(900)).await.get("result").is_some());
    assert_eq!(client.response(json!(901)).await["result"], Value::Null);
    let server = client.server.take().unwrap();
    let ending = tokio::time::timeout(std::time::Duration::from_secs(5), server)
        .await
        .unwrap()
        .unwrap();
    assert!(ending.shutdown_requested && ending.exited, "{ending:?}");
}

// --- house style files -----------------------------------------------------------

/// A draft with one unattributed quote and one hedge word.
const HOUSE_DRAFT: &str =
    "It reportedly rained on Monday.\n\n\"We will not back down from this fight.\"\n";

/// Turns `quote/unattributed` to `severity` and flags "reportedly" as
/// `style/hedges`.
fn house_toml(severity: &str) -> String {
    format!("[checks]\n\"quote/unattributed\" = \"{severity}\"\n\n[existence.hedges]\ntokens = [\"reportedly\"]\n")
}

/// A folder of its own (a repository root, so the search for a
/// configuration file stops there) with `copydesk.toml` holding `toml`.
fn newsroom(toml: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let file = dir.path().join("copydesk.toml");
    std::fs::write(&file, toml).unwrap();
    let uri = format!("file://{}", dir.path().join("draft.md").display());
    (dir, file, uri)
}

fn watch_caps() -> Value {
    json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
           "textDocument": {"publishDiagnostics": {"relatedInformation": true, "versionSupport": true}}})
}

/// (code, LSP severity) of each diagnostic.
fn codes(diags: &[Value]) -> Vec<(String, u64)> {
    diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["severity"].as_u64().unwrap(),
            )
        })
        .collect()
}

async fn file_changed(client: &mut Client, file: &std::path::Path, toml: &str) {
    std::fs::write(file, toml).unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": format!("file://{}", file.display()), "type": 2}]}),
        )
        .await;
}

#[tokio::test]
async fn the_house_style_file_applies_and_is_reloaded_when_it_changes() {
    let (_dir, file, uri) = newsroom(&house_toml("off"));
    let mut client = started(Checker::Core, watch_caps()).await;
    client.open(&uri, "markdown", 1, HOUSE_DRAFT).await;
    assert_eq!(
        codes(&client.diagnostics(&uri, 1).await),
        [("style/hedges".to_owned(), 2)]
    );

    file_changed(
        &mut client,
        &file,
        "[checks]\n\"quote/unattributed\" = \"error\"\n",
    )
    .await;
    assert_eq!(
        codes(&client.diagnostics(&uri, 1).await),
        [("quote/unattributed".to_owned(), 1)]
    );

    // A change to some other file is not a reason to reload.
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": format!("file://{}", file.with_file_name("notes.txt").display()), "type": 1}]}),
        )
        .await;
    let quiet = client.quiet_for(200).await;
    assert!(
        !quiet
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "{quiet:?}"
    );
    assert!(
        client
            .server_requests
            .contains(&"client/registerCapability".to_owned()),
        "{:?}",
        client.server_requests
    );
}

#[tokio::test]
async fn client_settings_apply_over_the_house_style_file() {
    let (_dir, _file, uri) = newsroom(&house_toml("off"));
    let mut client = Client::start(Checker::Core);
    client
        .initialize(
            plain_caps(),
            json!({"checks": {"quote/unattributed": "info"}}),
        )
        .await;
    client.open(&uri, "markdown", 1, HOUSE_DRAFT).await;
    assert_eq!(
        codes(&client.diagnostics(&uri, 1).await),
        [
            ("style/hedges".to_owned(), 2),
            ("quote/unattributed".to_owned(), 3)
        ]
    );
}

/// A house style extending a FIFO: the server says so and goes on
/// answering, instead of waiting on the FIFO for ever.
#[cfg(unix)]
#[tokio::test]
async fn a_fifo_in_extends_is_reported_and_never_blocks_the_server() {
    let (dir, _file, uri) = newsroom("extends = [\"house.toml\"]\n");
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("house.toml"))
        .status()
        .unwrap();
    assert!(status.success());
    let mut client = started(Checker::Core, plain_caps()).await;
    client.open(&uri, "markdown", 1, HOUSE_DRAFT).await;
    let message = client
        .notification(|m| m["method"] == "window/showMessage")
        .await;
    let text = message["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("is a FIFO (named pipe), not a regular file"),
        "{text}"
    );
    assert_eq!(
        codes(&client.diagnostics(&uri, 1).await),
        [("quote/unattributed".to_owned(), 2)],
        "the defaults apply"
    );
    let symbols = client
        .call(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    assert!(symbols.is_array(), "{symbols}");
}

#[tokio::test]
async fn a_broken_file_is_reported_and_the_last_good_one_applies_until_fixed() {
    let (_dir, file, uri) = newsroom(&house_toml("error"));
    // No dynamic registration: the notification is handled all the same.
    let mut client = started(Checker::Core, plain_caps()).await;
    client.open(&uri, "markdown", 1, HOUSE_DRAFT).await;
    let good = vec![
        ("style/hedges".to_owned(), 2),
        ("quote/unattributed".to_owned(), 1),
    ];
    assert_eq!(codes(&client.diagnostics(&uri, 1).await), good);

    file_changed(
        &mut client,
        &file,
        "[checks]\n\"quote/unattributed\" = \"loud\"\n",
    )
    .await;
    let message = client
        .notification(|m| m["method"] == "window/showMessage")
        .await;
    assert_eq!(message["params"]["type"], 2, "{message}");
    let text = message["params"]["message"].as_str().unwrap();
    let place = format!("copydesk: {}:2:", file.display());
    assert!(text.starts_with(&place), "{text}");
    let column_and_message = &text[place.len()..];
    assert!(
        column_and_message.starts_with(|c: char| c.is_ascii_digit())
            && column_and_message.contains(": "),
        "{text}"
    );
    let log = client
        .notification(|m| m["method"] == "window/logMessage" && m["params"]["message"] == text)
        .await;
    assert_eq!(log["params"]["type"], 2);
    assert_eq!(
        codes(&client.diagnostics(&uri, 1).await),
        good,
        "the last good configuration still applies"
    );

    file_changed(
        &mut client,
        &file,
        "[checks]\n\"quote/unattributed\" = \"hint\"\n",
    )
    .await;
    let message = client
        .notification(|m| m["method"] == "window/showMessage")
        .await;
    assert_eq!(
        message["params"],
        json!({"type": 3, "message": format!("copydesk: {} is fixed and in use again", file.display())})
    );
    assert_eq!(
        codes(&client.diagnostics(&uri, 1).await),
        [("quote/unattributed".to_owned(), 4)]
    );
    assert!(!client
        .server_requests
        .contains(&"client/registerCapability".to_owned()));
}

#[tokio::test]
async fn a_house_rule_finding_can_be_ignored_with_a_comment() {
    let (_dir, _file, uri) = newsroom(&house_toml("off"));
    let mut client = started(Checker::Core, plain_caps()).await;
    client.open(&uri, "markdown", 1, HOUSE_DRAFT).await;
    let diags = client.diagnostics(&uri, 1).await;
    assert_eq!(codes(&diags), [("style/hedges".to_owned(), 2)]);
    let actions = client
        .call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": diags[0]["range"],
                   "context": {"diagnostics": diags}}),
        )
        .await;
    let ignore = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Ignore style/hedges here")
        .unwrap_or_else(|| panic!("an ignore action in {actions}"));
    let edits = ignore["edit"]["changes"][&uri].as_array().unwrap();
    let ignored = apply_edits(HOUSE_DRAFT, edits, Units::Utf16);
    assert!(
        ignored.starts_with("<!-- copydesk-disable-next-line style/hedges -->\nIt reportedly"),
        "{ignored}"
    );
    client.change(&uri, 2, json!([{"text": ignored}])).await;
    assert_eq!(client.diagnostics(&uri, 2).await, Vec::<Value>::new());
}

/// Diagnostics, hovers and inlay hints read one parse: a house speech verb
/// that credits a quote for the diagnostics credits it for the hover too
/// (the hover once re-parsed without the configuration and said nobody was
/// credited).
#[tokio::test]
async fn a_house_speech_verb_credits_the_quote_in_diagnostics_and_hover_alike() {
    let (_dir, _file, uri) = newsroom("[attribution]\nverbs = [\"burbled\"]\n");
    let mut client = started(Checker::Core, watch_caps()).await;
    let text =
        "Talks resumed.\n\n\"We will rebuild every school in the district,\" the mayor burbled.\n";
    client.open(&uri, "markdown", 1, text).await;
    assert_eq!(codes(&client.diagnostics(&uri, 1).await), []);
    let inside = text.find("rebuild").unwrap();
    let hover = client
        .call(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(text, inside, Units::Utf16)}),
        )
        .await;
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(
        value.starts_with("**Quote** said by **the mayor"),
        "{value}"
    );
}

thread_local! {
    /// Analyses made by [`counted`] on this test's thread (the server runs
    /// on the test's single-threaded runtime).
    static ANALYSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The core's checks, counting each analysis.
fn counted(text: &str, kind: DocKind, config: &Config) -> Vec<Finding> {
    ANALYSES.with(|n| n.set(n.get() + 1));
    copydesk::check(text, kind, config)
}

#[tokio::test]
async fn every_answer_about_a_version_comes_from_its_one_analysis() {
    let mut client = Client::start(Checker::StandIn(counted));
    client
        .initialize(plain_caps(), json!({"inlayHints": {"speakers": true}}))
        .await;
    let v1 = "Talks resumed.\n\"We will rebuild every school in the district,\" the mayor said.\n";
    client.open(URI, "plaintext", 1, v1).await;
    assert_eq!(codes(&client.diagnostics(URI, 1).await), []);
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}});
    let doc = json!({"uri": URI});
    let hover_at = |text: &str| json!({"textDocument": doc, "position": position(text, text.find("rebuild").unwrap(), Units::Utf16)});
    let hover = client.call("textDocument/hover", hover_at(v1)).await;
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .starts_with("**Quote** said by **the mayor"),
        "{hover}"
    );
    let hints = client
        .call(
            "textDocument/inlayHint",
            json!({"textDocument": doc, "range": whole}),
        )
        .await;
    assert_eq!(hints[0]["label"], "— the mayor", "{hints}");
    let symbols = client
        .call("textDocument/documentSymbol", json!({"textDocument": doc}))
        .await;
    assert!(!symbols.as_array().unwrap().is_empty(), "{symbols}");
    let pulled = client
        .call("textDocument/diagnostic", json!({"textDocument": doc}))
        .await;
    assert_eq!(pulled["items"], json!([]));
    let actions = client
        .call(
            "textDocument/codeAction",
            json!({"textDocument": doc, "range": whole, "context": {"diagnostics": []}}),
        )
        .await;
    assert!(actions.is_null() || actions == json!([]), "{actions}");
    assert_eq!(ANALYSES.with(|n| n.get()), 1, "one analysis for version 1");

    // An edit: the next answers, whichever comes first, are all of version 2.
    let v2 =
        "Talks resumed.\n\"We will rebuild every school in the district.\" The rain stopped.\n";
    client.change(URI, 2, json!([{"text": v2}])).await;
    let hover = client.call("textDocument/hover", hover_at(v2)).await;
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(!value.contains("the mayor"), "{value}");
    let diags = client.diagnostics(URI, 2).await;
    assert_eq!(
        codes(&diags),
        [("quote/unattributed".to_owned(), 2)],
        "{diags:?}"
    );
    let hints = client
        .call(
            "textDocument/inlayHint",
            json!({"textDocument": doc, "range": whole}),
        )
        .await;
    assert_eq!(hints, json!([]));
    assert_eq!(ANALYSES.with(|n| n.get()), 2, "one analysis for version 2");
}

#[tokio::test]
async fn a_settings_change_makes_a_new_analysis_of_the_same_version() {
    let mut client = Client::start(Checker::StandIn(counted));
    client.initialize(plain_caps(), Value::Null).await;
    let text = "\"We will rebuild every school in the district.\" The rain stopped.\n";
    client.open(URI, "plaintext", 1, text).await;
    assert_eq!(
        codes(&client.diagnostics(URI, 1).await),
        [("quote/unattributed".to_owned(), 2)]
    );
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"copydesk": {"checks": {"quote/unattributed": "off"}}}}),
        )
        .await;
    assert_eq!(codes(&client.diagnostics(URI, 1).await), []);
    let pulled = client
        .call(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert_eq!(pulled["items"], json!([]));
    assert_eq!(ANALYSES.with(|n| n.get()), 2);
}
