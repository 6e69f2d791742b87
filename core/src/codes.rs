//! The names everything else shares: check codes, families, severities, the
//! code a finding reports ([`Code`]), what a suppression selects
//! ([`Selector`]) and where a setting came from ([`Origin`]).
//!
//! This is the bottom layer: it imports nothing else of the crate, so the
//! text model, the checks, the house rules, the configuration and every
//! output can all depend on it without a cycle. [`CHECKS`] is the one table
//! of core codes; the checks' documentation and logic are registered against
//! the same [`Check`] enum in `checks::REGISTRY`.

use std::cmp::Ordering;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize, Serializer};

/// Where docs/rules.md (generated from each check's documentation) is
/// published. A placeholder for the repository's public home: change it here
/// and every link (LSP `codeDescription`, SARIF `helpUri`) follows.
pub const RULES_DOCS_URL: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/rules.md");

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

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

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
    /// Every house rule of the configuration (`style/NAME`); a finding's
    /// [`Code::Rule`] names which. Its severity in `[checks]`
    /// (`style = "off"`) switches all house rules at once.
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

/// What every output needs to know about a core check.
#[derive(Debug)]
pub struct CheckMeta {
    pub check: Check,
    /// The stable code, e.g. `quote/unattributed`.
    pub code: &'static str,
    pub family: Family,
    pub default_severity: Severity,
}

const fn meta(check: Check, code: &'static str, family: Family) -> CheckMeta {
    CheckMeta {
        check,
        code,
        family,
        default_severity: Severity::Warning,
    }
}

/// The one table of core codes, in [`Check`] order.
pub static CHECKS: [CheckMeta; 9] = [
    meta(
        Check::QuoteUnattributed,
        "quote/unattributed",
        Family::Quote,
    ),
    meta(Check::QuoteUnbalanced, "quote/unbalanced", Family::Quote),
    meta(Check::NameSpelling, "name/spelling", Family::Name),
    meta(Check::NameTitle, "name/title", Family::Name),
    meta(
        Check::NameFirstReference,
        "name/first-reference",
        Family::Name,
    ),
    meta(Check::RepeatParagraph, "repeat/paragraph", Family::Repeat),
    meta(Check::RepeatQuote, "repeat/quote", Family::Repeat),
    meta(Check::HouseRule, "style", Family::Style),
    meta(
        Check::SuppressionUnknownCode,
        "suppression/unknown-code",
        Family::Suppression,
    ),
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

    pub fn meta(self) -> &'static CheckMeta {
        &CHECKS[self as usize]
    }

    /// The stable code, e.g. `quote/unattributed`.
    pub fn code(self) -> &'static str {
        self.meta().code
    }

    pub fn family(self) -> Family {
        self.meta().family
    }

    pub fn default_severity(self) -> Severity {
        self.meta().default_severity
    }

    pub fn from_code(code: &str) -> Option<Check> {
        CHECKS.iter().find(|m| m.code == code).map(|m| m.check)
    }

    /// The link to this check's section of docs/rules.md: GitHub's anchor
    /// for a heading `quote/unattributed` is `quoteunattributed`.
    pub fn docs_url(self) -> String {
        format!("{RULES_DOCS_URL}#{}", self.code().replace('/', ""))
    }

    /// The closest known code to a misspelled one, for "did you mean".
    pub fn suggest(code: &str) -> Option<&'static str> {
        nearest(code, CHECKS.iter().map(|m| m.code))
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Check {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// The code a finding reports: a core check's, or a house rule's
/// (`style/NAME`), which only the configuration knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Code {
    Check(Check),
    /// A house rule, by its code `style/NAME`; reported under
    /// [`Check::HouseRule`].
    Rule(Arc<str>),
}

impl Code {
    /// The code to show: `quote/unattributed`, `style/us-with-stops`.
    pub fn as_str(&self) -> &str {
        match self {
            Code::Check(check) => check.code(),
            Code::Rule(code) => code,
        }
    }

    /// The registry check that reports it: a house rule's is
    /// [`Check::HouseRule`].
    pub fn check(&self) -> Check {
        match self {
            Code::Check(check) => *check,
            Code::Rule(_) => Check::HouseRule,
        }
    }

    pub fn family(&self) -> Family {
        self.check().family()
    }

    /// The house rule's code, if it is one.
    pub fn rule(&self) -> Option<&str> {
        match self {
            Code::Check(_) => None,
            Code::Rule(code) => Some(code),
        }
    }
}

impl From<Check> for Code {
    fn from(check: Check) -> Code {
        Code::Check(check)
    }
}

/// Registry order, then house rules by code: the order findings at one
/// place are listed in.
impl Ord for Code {
    fn cmp(&self, other: &Code) -> Ordering {
        (self.check(), self.rule()).cmp(&(other.check(), other.rule()))
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// What a suppression or an `[ignore]` entry applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Check(Check),
    Family(Family),
    /// A house rule's code, `style/NAME`.
    Rule(Arc<str>),
}

impl Selector {
    /// The selector for `code`, given the codes of the house rules in
    /// effect; `None` when nothing is called that.
    pub fn parse<'r>(
        code: &str,
        rules: impl IntoIterator<Item = &'r Arc<str>>,
    ) -> Option<Selector> {
        if let Some(rule) = rules.into_iter().find(|r| &***r == code) {
            return Some(Selector::Rule(rule.clone()));
        }
        if let Some(check) = Check::from_code(code) {
            // `style` is both the house-rule check and its family.
            return Some(if check == Check::HouseRule {
                Selector::Family(Family::Style)
            } else {
                Selector::Check(check)
            });
        }
        Family::ALL
            .into_iter()
            .find(|f| f.as_str() == code)
            .map(Selector::Family)
    }

    /// The nearest code to a misspelled one: a core code, a family or a
    /// house rule.
    pub fn suggest<'r>(code: &str, rules: impl IntoIterator<Item = &'r str>) -> Option<String> {
        let candidates = CHECKS
            .iter()
            .map(|m| m.code)
            .chain(Family::ALL.iter().map(|f| f.as_str()))
            .chain(rules);
        nearest(code, candidates).map(str::to_owned)
    }

    pub fn matches(&self, code: &Code) -> bool {
        match self {
            Selector::Check(check) => *code == Code::Check(*check),
            Selector::Family(family) => code.family() == *family,
            Selector::Rule(rule) => code.rule() == Some(&**rule),
        }
    }
}

/// Where a setting came from, for `copydesk rules`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The registry's default.
    Default,
    /// A built-in preset (`extends = ["reuters"]`).
    Preset(&'static str),
    /// A line of a configuration file.
    File { path: Arc<Path>, line: usize },
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::Preset(name) => write!(f, "preset {name}"),
            Origin::File { path, line } => write!(f, "{}:{line}", path.display()),
        }
    }
}

/// The candidate nearest to a misspelled `word`, if one is near enough to
/// suggest: at most a third of its characters (and at least two) edited,
/// counting an adjacent transposition as one edit. The one "did you mean"
/// of codes, keys and names.
pub fn nearest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_order_matches_enum() {
        for (i, meta) in CHECKS.iter().enumerate() {
            assert_eq!(meta.check as usize, i, "{}", meta.code);
            assert_eq!(Check::ALL[i], meta.check);
            assert!(meta.code.starts_with(meta.family.as_str()));
            assert_eq!(Check::from_code(meta.code), Some(meta.check));
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

    #[test]
    fn severity_round_trips_and_orders() {
        for sev in Severity::ALL {
            assert_eq!(Severity::parse(sev.as_str()), Some(sev));
        }
        assert!(Severity::Error < Severity::Warning);
        assert_eq!(Severity::parse("fatal"), None);
    }

    #[test]
    fn codes_order_by_registry_then_rule() {
        let rule = |s: &str| Code::Rule(Arc::from(s));
        let mut codes = [
            Code::Check(Check::SuppressionUnknownCode),
            rule("style/b"),
            Code::Check(Check::QuoteUnattributed),
            rule("style/a"),
        ];
        codes.sort();
        let shown: Vec<&str> = codes.iter().map(Code::as_str).collect();
        assert_eq!(
            shown,
            [
                "quote/unattributed",
                "style/a",
                "style/b",
                "suppression/unknown-code"
            ]
        );
    }

    #[test]
    fn selectors_match_codes() {
        let rules = [Arc::<str>::from("style/us")];
        let us = Code::Rule(rules[0].clone());
        let style = Selector::parse("style", &rules).unwrap();
        assert_eq!(style, Selector::Family(Family::Style));
        assert!(style.matches(&us));
        assert!(Selector::parse("style/us", &rules).unwrap().matches(&us));
        let quote = Selector::parse("quote/unattributed", &rules).unwrap();
        assert!(quote.matches(&Code::Check(Check::QuoteUnattributed)));
        assert!(!quote.matches(&us));
        assert_eq!(Selector::parse("style/uk", &rules), None);
        assert_eq!(
            Selector::suggest("style/su", rules.iter().map(|r| &**r)).as_deref(),
            Some("style/us")
        );
    }

    #[test]
    fn nearest_allows_a_third_of_the_word() {
        assert_eq!(nearest("sevrity", ["severity", "scope"]), Some("severity"));
        assert_eq!(nearest("ab", ["xy"]), Some("xy"));
        assert_eq!(nearest("abc", ["xyz"]), None);
        // A transposition is one edit.
        assert_eq!(nearest("hte", ["the"]), Some("the"));
    }
}
