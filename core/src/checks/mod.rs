//! The core checks and the one table that registers them.
//!
//! Every check is one file in this folder: its documentation ([`CheckDocs`]),
//! its logic (`run`) and its unit tests. [`REGISTRY`] maps the [`Check`] enum
//! to the stable code (`quote/unattributed`), family, default severity and
//! docs; configuration, suppressions, JSON, SARIF and the LSP all go through
//! it, so a code is spelled in exactly one place.

use std::cell::OnceCell;

use serde::{Serialize, Serializer};

use crate::config::Config;
use crate::document::Document;
use crate::finding::{Finding, Severity};

mod cache;
mod name_first_reference;
mod name_spelling;
mod name_title;
mod quote_attribution;
mod quote_balance;
pub(crate) mod repeat_paragraph;
pub(crate) mod repeat_quote;
mod suppression_unknown_code;

/// Where docs/rules.md (generated from each check's [`CheckDocs`]) is
/// published. A placeholder for the repository's public home: change it here
/// and every link (LSP `codeDescription`, SARIF `helpUri`) follows.
pub const RULES_DOCS_URL: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/rules.md");

/// A core check. The discriminant order is the registry order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    QuoteUnattributed,
    QuoteUnbalanced,
    NameSpelling,
    NameTitle,
    NameFirstReference,
    RepeatParagraph,
    RepeatQuote,
    /// Every house rule of the configuration (`style/NAME`); the finding's
    /// `rule` names which. Its severity in `[checks]` (`style = "off"`)
    /// switches all house rules at once.
    HouseRule,
    SuppressionUnknownCode,
}

/// Check families: the part of a code before the slash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    Quote,
    Name,
    Repeat,
    Style,
    Suppression,
}

impl Family {
    pub const ALL: [Family; 5] = [
        Family::Quote,
        Family::Name,
        Family::Repeat,
        Family::Style,
        Family::Suppression,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Family::Quote => "quote",
            Family::Name => "name",
            Family::Repeat => "repeat",
            Family::Style => "style",
            Family::Suppression => "suppression",
        }
    }
}

/// A check's documentation, with fixed headings so `copydesk explain`,
/// `copydesk rules` and docs/rules.md are generated from the code.
#[derive(Debug)]
pub struct CheckDocs {
    /// One line: what the check flags.
    pub summary: &'static str,
    /// Why a desk editor cares.
    pub why: &'static str,
    /// A short draft excerpt that is flagged.
    pub example: &'static str,
    /// What the check deliberately lets pass.
    pub passes: &'static str,
}

type RunFn = fn(&Context<'_>, &mut Vec<Finding>);

/// One registry row.
pub struct CheckInfo {
    pub check: Check,
    pub code: &'static str,
    pub family: Family,
    pub default_severity: Severity,
    pub docs: &'static CheckDocs,
    run: RunFn,
}

impl std::fmt::Debug for CheckInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckInfo")
            .field("code", &self.code)
            .finish()
    }
}

/// The one table of core checks, in [`Check`] order.
pub static REGISTRY: [CheckInfo; 9] = [
    CheckInfo {
        check: Check::QuoteUnattributed,
        code: "quote/unattributed",
        family: Family::Quote,
        default_severity: Severity::Warning,
        docs: &quote_attribution::DOCS,
        run: quote_attribution::run,
    },
    CheckInfo {
        check: Check::QuoteUnbalanced,
        code: "quote/unbalanced",
        family: Family::Quote,
        default_severity: Severity::Warning,
        docs: &quote_balance::DOCS,
        run: quote_balance::run,
    },
    CheckInfo {
        check: Check::NameSpelling,
        code: "name/spelling",
        family: Family::Name,
        default_severity: Severity::Warning,
        docs: &name_spelling::DOCS,
        run: name_spelling::run,
    },
    CheckInfo {
        check: Check::NameTitle,
        code: "name/title",
        family: Family::Name,
        default_severity: Severity::Warning,
        docs: &name_title::DOCS,
        run: name_title::run,
    },
    CheckInfo {
        check: Check::NameFirstReference,
        code: "name/first-reference",
        family: Family::Name,
        default_severity: Severity::Warning,
        docs: &name_first_reference::DOCS,
        run: name_first_reference::run,
    },
    CheckInfo {
        check: Check::RepeatParagraph,
        code: "repeat/paragraph",
        family: Family::Repeat,
        default_severity: Severity::Warning,
        docs: &repeat_paragraph::DOCS,
        run: repeat_paragraph::run,
    },
    CheckInfo {
        check: Check::RepeatQuote,
        code: "repeat/quote",
        family: Family::Repeat,
        default_severity: Severity::Warning,
        docs: &repeat_quote::DOCS,
        run: repeat_quote::run,
    },
    CheckInfo {
        check: Check::HouseRule,
        code: "style",
        family: Family::Style,
        default_severity: Severity::Warning,
        docs: &crate::style::DOCS,
        run: crate::style::run,
    },
    CheckInfo {
        check: Check::SuppressionUnknownCode,
        code: "suppression/unknown-code",
        family: Family::Suppression,
        default_severity: Severity::Warning,
        docs: &suppression_unknown_code::DOCS,
        run: suppression_unknown_code::run,
    },
];

impl Check {
    pub const ALL: [Check; 9] = [
        Check::QuoteUnattributed,
        Check::QuoteUnbalanced,
        Check::NameSpelling,
        Check::NameTitle,
        Check::NameFirstReference,
        Check::RepeatParagraph,
        Check::RepeatQuote,
        Check::HouseRule,
        Check::SuppressionUnknownCode,
    ];

    pub fn info(self) -> &'static CheckInfo {
        &REGISTRY[self as usize]
    }

    /// The stable code, e.g. `quote/unattributed`.
    pub fn code(self) -> &'static str {
        self.info().code
    }

    pub fn family(self) -> Family {
        self.info().family
    }

    pub fn from_code(code: &str) -> Option<Check> {
        REGISTRY
            .iter()
            .find(|info| info.code == code)
            .map(|i| i.check)
    }

    /// The link to this check's section of docs/rules.md: GitHub's anchor
    /// for a heading `quote/unattributed` is `quoteunattributed`.
    pub fn docs_url(self) -> String {
        format!("{RULES_DOCS_URL}#{}", self.code().replace('/', ""))
    }

    /// The closest known code to a misspelled one, for "did you mean".
    pub fn suggest(code: &str) -> Option<&'static str> {
        REGISTRY
            .iter()
            .map(|info| (crate::text::edit_distance(code, info.code), info.code))
            .filter(|(d, c)| *d <= (c.len() / 3).max(2))
            .min_by_key(|(d, _)| *d)
            .map(|(_, c)| c)
    }
}

impl std::fmt::Display for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Check {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// What every check sees: the parsed draft, the configuration, and analyses
/// shared between checks, computed at most once per run.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub config: &'a Config,
    quote_repeats: OnceCell<Vec<repeat_quote::QuoteRepeat>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document<'a>, config: &'a Config) -> Context<'a> {
        Context {
            doc,
            config,
            quote_repeats: OnceCell::new(),
        }
    }

    /// Quotes that repeat an earlier quote; `repeat/paragraph` needs them so
    /// one repetition gives one finding.
    pub(crate) fn quote_repeats(&self) -> &[repeat_quote::QuoteRepeat] {
        self.quote_repeats
            .get_or_init(|| repeat_quote::find(self.doc, self.config))
    }
}

/// Run every enabled check over a parsed draft. Findings come back at the
/// severity the configuration gives, sorted by position then code.
pub fn run_all(doc: &Document<'_>, config: &Config) -> Vec<Finding> {
    let cx = Context::new(doc, config);
    let mut findings = Vec::new();
    for info in &REGISTRY {
        let Some(severity) = config.severity(info.check) else {
            continue;
        };
        let start = findings.len();
        (info.run)(&cx, &mut findings);
        for finding in &mut findings[start..] {
            debug_assert_eq!(finding.check, info.check);
            // A house rule carries its own severity from the configuration.
            if finding.rule.is_none() {
                finding.severity = severity;
            }
        }
    }
    if let Some(severity) = config.severity(Check::NameSpelling) {
        crate::style::known_people::run(&cx, severity, &mut findings);
    }
    crate::suppress::apply(doc, config, &mut findings);
    findings.sort_by(|a, b| {
        (a.range.start, a.range.end, a.check, &a.rule).cmp(&(
            b.range.start,
            b.range.end,
            b.check,
            &b.rule,
        ))
    });
    findings
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers for the unit tests beside each check.
    use super::*;
    use crate::document::DocKind;

    /// Findings of one check on a plain-text draft.
    #[track_caller]
    pub fn findings(check: Check, text: &str) -> Vec<Finding> {
        findings_in(check, text, DocKind::Plain)
    }

    #[track_caller]
    pub fn findings_in(check: Check, text: &str, kind: DocKind) -> Vec<Finding> {
        let doc = Document::parse(text, kind);
        let config = Config::default();
        let cx = Context::new(&doc, &config);
        let mut out = Vec::new();
        (check.info().run)(&cx, &mut out);
        out
    }

    /// The flagged text of each finding of `check`.
    #[track_caller]
    pub fn flagged(check: Check, text: &str) -> Vec<String> {
        findings(check, text)
            .iter()
            .map(|f| text[f.range.clone()].to_owned())
            .collect()
    }

    /// Assert `check` reports nothing on `text`.
    #[track_caller]
    pub fn assert_clean(check: Check, text: &str) {
        let found = flagged(check, text);
        assert!(
            found.is_empty(),
            "expected no {check} finding, got {found:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_order_matches_enum() {
        for (i, info) in REGISTRY.iter().enumerate() {
            assert_eq!(info.check as usize, i, "{}", info.code);
            assert_eq!(Check::ALL[i], info.check);
            assert!(info.code.starts_with(info.family.as_str()));
            assert_eq!(Check::from_code(info.code), Some(info.check));
        }
    }

    #[test]
    fn suggests_near_codes() {
        assert_eq!(
            Check::suggest("quote/unatributed"),
            Some("quote/unattributed")
        );
        assert_eq!(
            Check::suggest("name/frist-reference"),
            Some("name/first-reference")
        );
        assert_eq!(Check::suggest("style/oxford-comma"), None);
    }

    #[test]
    fn docs_urls_point_at_the_rule_heading() {
        assert_eq!(
            Check::NameFirstReference.docs_url(),
            format!("{RULES_DOCS_URL}#namefirst-reference")
        );
    }
}
