//! Findings → LSP diagnostics.
//!
//! Each diagnostic carries, in `data`, the document version it was computed
//! on and its finding's quick fix already converted to LSP text edits, so a
//! code action request needs no re-check while the document is unchanged
//! (see [`super::actions`]).

use serde::{Deserialize, Serialize};
use tower_lsp::lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, TextEdit, Url,
};

use super::convert::Converter;
use copydesk_core::{Finding, Safety, Severity};

/// `Diagnostic.source` for everything we publish.
pub const SOURCE: &str = "copydesk";

/// What a diagnostic carries in `data`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiagnosticData {
    /// The document version the finding was computed on.
    pub version: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<FixData>,
}

/// A finding's fix, as LSP edits on [`DiagnosticData::version`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FixData {
    pub title: String,
    pub safe: bool,
    pub edits: Vec<TextEdit>,
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The diagnostics for `findings` on a text (the one `conv` reads) at
/// `version`.
pub fn from_findings(
    uri: &Url,
    conv: &Converter<'_, str>,
    version: i32,
    findings: &[Finding],
) -> Vec<Diagnostic> {
    findings
        .iter()
        .map(|f| from_finding(uri, conv, version, f))
        .collect()
}

fn from_finding(uri: &Url, conv: &Converter<'_, str>, version: i32, f: &Finding) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: conv.range(r.range.clone()),
            },
            message: r.message.clone(),
        })
        .collect();
    let fix = f.fix.as_ref().map(|fix| FixData {
        title: fix.title.clone(),
        safe: fix.safety == Safety::Safe,
        edits: fix
            .edits
            .iter()
            .map(|e| TextEdit {
                range: conv.range(e.range.clone()),
                new_text: e.replacement.clone(),
            })
            .collect(),
    });
    let data = DiagnosticData { version, fix };
    Diagnostic {
        range: conv.range(f.range.clone()),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.as_str().to_owned())),
        code_description: Url::parse(&f.check().docs_url())
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: serde_json::to_value(data).ok(),
    }
}

/// The code a diagnostic of ours reports (a check's, or a house rule's
/// `style/NAME`), if it is ours.
pub fn code_of(diagnostic: &Diagnostic) -> Option<&str> {
    if diagnostic.source.as_deref() != Some(SOURCE) {
        return None;
    }
    match &diagnostic.code {
        Some(NumberOrString::String(code)) => Some(code),
        _ => None,
    }
}

/// The data of a diagnostic of ours; `None` when missing or not ours.
pub fn data_of(diagnostic: &Diagnostic) -> Option<DiagnosticData> {
    serde_json::from_value(diagnostic.data.clone()?).ok()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::lsp::convert::Encoding;
    use copydesk_core::Check;
    use copydesk_core::{Edit, Fix};

    #[test]
    fn a_finding_becomes_a_whole_diagnostic() {
        let text = "One 👍 said.\r\nOne 👍 said.\n";
        let later = text.rfind("One").unwrap();
        let finding = Finding::new(Check::RepeatParagraph, later..later + 14, "Said twice.")
            .with_related(0..14, "First said here.")
            .with_fix(Fix::new(
                "Delete the paragraph",
                Safety::Unsafe,
                vec![Edit {
                    range: later..text.len(),
                    replacement: String::new(),
                }],
            ));
        let uri = Url::parse("file:///d.txt").unwrap();
        let conv = Converter::new(text, Encoding::Utf16);
        let diags = from_findings(&uri, &conv, 7, &[finding]);
        let expected = json!([{
            "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 12}},
            "severity": 2,
            "code": "repeat/paragraph",
            "codeDescription": {"href": Check::RepeatParagraph.docs_url()},
            "source": "copydesk",
            "message": "Said twice.",
            "relatedInformation": [{
                "location": {"uri": "file:///d.txt", "range": {
                    "start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 12}}},
                "message": "First said here."
            }],
            "data": {"version": 7, "fix": {"title": "Delete the paragraph", "safe": false, "edits": [{
                "range": {"start": {"line": 1, "character": 0}, "end": {"line": 2, "character": 0}},
                "newText": ""
            }]}}
        }]);
        assert_eq!(serde_json::to_value(&diags).unwrap(), expected);
        assert_eq!(code_of(&diags[0]), Some(Check::RepeatParagraph.code()));
        assert_eq!(data_of(&diags[0]).unwrap().version, 7);
    }

    #[test]
    fn severities_map_one_to_one() {
        let mapped: Vec<_> = Severity::ALL.into_iter().map(severity).collect();
        assert_eq!(
            mapped,
            [
                DiagnosticSeverity::ERROR,
                DiagnosticSeverity::WARNING,
                DiagnosticSeverity::INFORMATION,
                DiagnosticSeverity::HINT
            ]
        );
    }

    #[test]
    fn foreign_diagnostics_are_not_ours() {
        let d = Diagnostic {
            source: Some("spell".into()),
            code: Some(NumberOrString::String("quote/unattributed".into())),
            ..Default::default()
        };
        assert_eq!(code_of(&d), None);
        assert_eq!(data_of(&d), None);
    }
}
