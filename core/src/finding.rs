//! What a check reports: a [`Finding`] with a byte range into the draft, the
//! evidence that supports it ([`Related`]) and, where one is safe to offer, a
//! [`Fix`].
//!
//! Findings speak byte offsets only. Turning them into 1-based line/column
//! (CLI) or LSP positions (UTF-16 or UTF-8) is done in exactly one place each:
//! [`crate::line_index`] and the `copydesk` package's `lsp::convert`.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::checks::Check;

/// How loudly a finding is reported. Ordered from most to least severe so
/// that `severity <= fail_on` means "reaches the failing severity".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Error,
        Severity::Warning,
        Severity::Info,
        Severity::Hint,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|sev| sev.as_str() == s)
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in a draft.
///
/// A core check's finding is identified by `check` alone. A house rule from
/// the configuration (`style/us-with-stops`) reports as [`Check::HouseRule`]
/// with the rule's own code in `rule`: the registry stays the one source of
/// core codes, and the rule names, which only the configuration knows, stay
/// data. [`Finding::code`] gives the code to show either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check: Check,
    /// The house rule's code (`style/NAME`) when `check` is
    /// [`Check::HouseRule`].
    pub rule: Option<Arc<str>>,
    pub severity: Severity,
    /// Byte range in the draft the finding points at.
    pub range: Range<usize>,
    pub message: String,
    /// The other places that make the case: the earlier paragraph, the other
    /// spelling, the first use of a quote.
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding at the check's default severity; the configuration may
    /// change the severity later.
    pub fn new(check: Check, range: Range<usize>, message: impl Into<String>) -> Finding {
        Finding {
            check,
            rule: None,
            severity: check.info().default_severity,
            range,
            message: message.into(),
            related: Vec::new(),
            fix: None,
        }
    }

    /// A finding of the house rule whose code is `code` (`style/NAME`).
    pub fn house_rule(
        code: Arc<str>,
        severity: Severity,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: Some(code),
            severity,
            ..Finding::new(Check::HouseRule, range, message)
        }
    }

    /// The code to report: the house rule's, else the check's.
    pub fn code(&self) -> &str {
        self.rule.as_deref().unwrap_or(self.check.code())
    }

    pub fn with_related(mut self, range: Range<usize>, message: impl Into<String>) -> Finding {
        self.related.push(Related {
            range,
            message: message.into(),
        });
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.fix = Some(fix);
        self
    }
}

/// A location that supports a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub range: Range<usize>,
    pub message: String,
}

/// Whether a fix can be applied without a human reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Safety {
    /// Keeps the meaning of the story (respelling a name to its first form).
    Safe,
    /// May change meaning; offered in editors, applied by `--fix` only with
    /// `--unsafe-fixes`.
    Unsafe,
}

/// A fix is data: a list of non-overlapping edits and how safe they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub safety: Safety,
    pub edits: Vec<Edit>,
}

/// Replace `range` of the draft with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

impl Fix {
    pub fn new(title: impl Into<String>, safety: Safety, edits: Vec<Edit>) -> Fix {
        Fix {
            title: title.into(),
            safety,
            edits,
        }
    }

    /// Apply the edits to `text`. Edits are applied back to front so earlier
    /// offsets stay valid; overlapping edits are a bug in the check.
    pub fn apply(&self, text: &str) -> String {
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
        let mut out = text.to_owned();
        for edit in edits {
            out.replace_range(edit.range.clone(), &edit.replacement);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_edits_back_to_front() {
        let fix = Fix::new(
            "t",
            Safety::Safe,
            vec![
                Edit {
                    range: 0..1,
                    replacement: "AA".into(),
                },
                Edit {
                    range: 4..5,
                    replacement: String::new(),
                },
            ],
        );
        assert_eq!(fix.apply("a bcd e"), "AA bc e");
    }

    #[test]
    fn severity_round_trips_and_orders() {
        for sev in Severity::ALL {
            assert_eq!(Severity::parse(sev.as_str()), Some(sev));
        }
        assert!(Severity::Error < Severity::Warning);
        assert_eq!(Severity::parse("fatal"), None);
    }
}
