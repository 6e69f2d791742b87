//! Code actions for our diagnostics: the finding's quick fix, and in
//! Markdown "ignore this finding here", which inserts a suppression comment
//! on its own line before the finding's line.
//!
//! The fix travels in the diagnostic's `data` together with the document
//! version it was computed on. While that version is current the action is
//! built from `data` alone; once the document has moved on, the findings are
//! recomputed and the ones of the same check under the requested range are
//! offered instead, so a stale edit is never sent back.

use std::collections::HashMap;

use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Diagnostic, Position,
    TextEdit, Url, WorkspaceEdit,
};

use super::convert::Converter;
use super::diagnostics::{code_of, data_of};
use copydesk_core::DocKind;

/// The suppression comment the core honours for `code` (a check's or a
/// house rule's) on the next line.
pub fn suppression_comment(code: &str) -> String {
    format!("<!-- copydesk-disable-next-line {code} -->")
}

/// A snapshot of the document the request is about.
pub struct Snapshot<'a> {
    pub uri: &'a Url,
    pub text: &'a str,
    pub version: i32,
    pub kind: DocKind,
}

/// The actions for `params`. `recompute` gives the current diagnostics (with
/// fresh `data`) when the client's are stale.
pub fn code_actions(
    doc: &Snapshot<'_>,
    conv: &Converter<'_, str>,
    params: &CodeActionParams,
    recompute: impl FnOnce() -> Vec<Diagnostic>,
) -> Vec<CodeActionOrCommand> {
    if let Some(only) = &params.context.only {
        if !only
            .iter()
            .any(|k| CodeActionKind::QUICKFIX.as_str().starts_with(k.as_str()))
        {
            return Vec::new();
        }
    }
    let ours: Vec<&Diagnostic> = params
        .context
        .diagnostics
        .iter()
        .filter(|d| code_of(d).is_some())
        .collect();
    if ours.is_empty() {
        return Vec::new();
    }
    let fresh = ours
        .iter()
        .all(|d| data_of(d).is_some_and(|data| data.version == doc.version));
    let current: Vec<Diagnostic>;
    let diagnostics: Vec<&Diagnostic> = if fresh {
        ours
    } else {
        let wanted: Vec<&str> = ours.iter().filter_map(|d| code_of(d)).collect();
        current = recompute();
        current
            .iter()
            .filter(|d| code_of(d).is_some_and(|c| wanted.contains(&c)))
            .filter(|d| overlaps(d.range, params.range))
            .collect()
    };

    let mut actions = Vec::new();
    for diagnostic in &diagnostics {
        if let Some(fix) = data_of(diagnostic).and_then(|d| d.fix) {
            actions.push(action(doc.uri, fix.title, fix.edits, diagnostic, fix.safe));
        }
    }
    if doc.kind == DocKind::Markdown {
        for diagnostic in &diagnostics {
            let Some(code) = code_of(diagnostic) else {
                continue;
            };
            actions.push(action(
                doc.uri,
                format!("Ignore {code} here"),
                vec![ignore_edit(doc.text, conv, diagnostic, code)],
                diagnostic,
                false,
            ));
        }
    }
    actions
}

fn action(
    uri: &Url,
    title: String,
    edits: Vec<TextEdit>,
    diagnostic: &Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![(*diagnostic).clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

/// Insert the suppression comment as its own line before the diagnostic's
/// first line, indented like it and with the same line ending.
fn ignore_edit(
    text: &str,
    conv: &Converter<'_, str>,
    diagnostic: &Diagnostic,
    code: &str,
) -> TextEdit {
    let line = (diagnostic.range.start.line as usize).min(conv.line_count() - 1);
    let range = conv.line_range(line);
    let content = &text[range.clone()];
    let indent = &content[..content.len() - content.trim_start_matches([' ', '\t']).len()];
    let newline = if text[range.end..].starts_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let at = Position {
        line: line as u32,
        character: 0,
    };
    TextEdit {
        range: tower_lsp::lsp_types::Range { start: at, end: at },
        new_text: format!("{indent}{}{newline}", suppression_comment(code)),
    }
}

fn overlaps(a: tower_lsp::lsp_types::Range, b: tower_lsp::lsp_types::Range) -> bool {
    // Touching counts: a cursor right after a finding still offers its fix.
    a.start <= b.end && b.start <= a.end
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use tower_lsp::lsp_types::{CodeActionContext, TextDocumentIdentifier};

    use super::*;
    use crate::lsp::convert::Encoding;
    use crate::lsp::diagnostics::from_findings;
    use copydesk_core::{Check, Edit, Finding, Fix, Safety};

    const TEXT: &str = "# Title\r\n\r\n  - He said \"we allegedly won\" today.\r\n";

    fn finding(text: &str) -> Finding {
        let at = text.find("allegedly").unwrap();
        Finding::new(Check::QuoteUnattributed, at..at + 9, "Weasel.").with_fix(Fix::new(
            "Remove 'allegedly'",
            Safety::Safe,
            vec![Edit {
                range: at..at + 10,
                replacement: String::new(),
            }],
        ))
    }

    fn uri() -> Url {
        Url::parse("file:///d.md").unwrap()
    }

    fn params(diagnostics: Vec<Diagnostic>, only: Option<Vec<CodeActionKind>>) -> CodeActionParams {
        let range = diagnostics.first().map(|d| d.range).unwrap_or_default();
        CodeActionParams {
            text_document: TextDocumentIdentifier { uri: uri() },
            range,
            context: CodeActionContext {
                diagnostics,
                only,
                trigger_kind: None,
            },
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        }
    }

    fn titles_and_edits(actions: &[CodeActionOrCommand]) -> Vec<(String, serde_json::Value)> {
        actions
            .iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => (
                    a.title.clone(),
                    serde_json::to_value(
                        &a.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri()],
                    )
                    .unwrap(),
                ),
                CodeActionOrCommand::Command(_) => panic!("commands are not offered"),
            })
            .collect()
    }

    #[test]
    fn fresh_diagnostics_give_their_fix_and_an_ignore_comment_without_rechecking() {
        let conv = Converter::new(TEXT, Encoding::Utf16);
        let diags = from_findings(&uri(), &conv, 3, &[finding(TEXT)]);
        let doc = Snapshot {
            uri: &uri(),
            text: TEXT,
            version: 3,
            kind: DocKind::Markdown,
        };
        let actions = code_actions(&doc, &conv, &params(diags, None), || {
            panic!("no re-check while the version is current")
        });
        assert_eq!(
            titles_and_edits(&actions),
            [
                (
                    "Remove 'allegedly'".to_owned(),
                    json!([{"range": {"start": {"line": 2, "character": 16},
                                      "end": {"line": 2, "character": 26}}, "newText": ""}])
                ),
                (
                    "Ignore quote/unattributed here".to_owned(),
                    json!([{"range": {"start": {"line": 2, "character": 0},
                                      "end": {"line": 2, "character": 0}},
                            "newText": "  <!-- copydesk-disable-next-line quote/unattributed -->\r\n"}])
                ),
            ]
        );
        let CodeActionOrCommand::CodeAction(fix) = &actions[0] else {
            unreachable!()
        };
        assert_eq!(fix.is_preferred, Some(true));
        assert_eq!(fix.kind, Some(CodeActionKind::QUICKFIX));
    }

    #[test]
    fn stale_diagnostics_are_recomputed_on_the_current_text() {
        let old = "He \"allegedly\" won.\n";
        let conv_old = Converter::new(old, Encoding::Utf16);
        let stale = from_findings(&uri(), &conv_old, 1, &[finding(old)]);
        // The client typed at the start; the finding moved by four bytes.
        let new = "Yes. He \"allegedly\" won.\n";
        let conv = Converter::new(new, Encoding::Utf16);
        let doc = Snapshot {
            uri: &uri(),
            text: new,
            version: 2,
            kind: DocKind::Plain,
        };
        let mut request = params(stale, None);
        request.range.end.character += 5;
        let actions = code_actions(&doc, &conv, &request, || {
            from_findings(&uri(), &conv, 2, &[finding(new)])
        });
        assert_eq!(
            titles_and_edits(&actions),
            [(
                "Remove 'allegedly'".to_owned(),
                json!([{"range": {"start": {"line": 0, "character": 9},
                                  "end": {"line": 0, "character": 19}}, "newText": ""}])
            )],
            "plain text gets no ignore comment"
        );
    }

    #[test]
    fn other_kinds_and_foreign_diagnostics_get_nothing() {
        let conv = Converter::new(TEXT, Encoding::Utf16);
        let diags = from_findings(&uri(), &conv, 3, &[finding(TEXT)]);
        let doc = Snapshot {
            uri: &uri(),
            text: TEXT,
            version: 3,
            kind: DocKind::Markdown,
        };
        let only = Some(vec![CodeActionKind::SOURCE_ORGANIZE_IMPORTS]);
        assert!(code_actions(&doc, &conv, &params(diags.clone(), only), Vec::new).is_empty());
        let mut foreign = diags[0].clone();
        foreign.source = Some("spell".into());
        assert!(code_actions(&doc, &conv, &params(vec![foreign], None), Vec::new).is_empty());
        let only = Some(vec![CodeActionKind::QUICKFIX]);
        assert_eq!(
            code_actions(&doc, &conv, &params(diags, only), Vec::new).len(),
            2
        );
    }
}
