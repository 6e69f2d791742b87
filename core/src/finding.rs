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

pub use crate::codes::Severity;
use crate::codes::{Check, Code};

/// One problem in a draft.
///
/// Its [`Code`] is one value: a core check, or a house rule from the
/// configuration (`style/us-with-stops`), which reports under
/// [`Check::HouseRule`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
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
            code: Code::Check(check),
            severity: check.default_severity(),
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
            code: Code::Rule(code),
            severity,
            range,
            message: message.into(),
            related: Vec::new(),
            fix: None,
        }
    }

    /// The registry check that reports it ([`Check::HouseRule`] for a house
    /// rule).
    pub fn check(&self) -> Check {
        self.code.check()
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
}
