//! House rules: the newsroom's own style, from `copydesk.toml`.
//!
//! Each rule kind is one file here, in the spirit of Vale's rule kinds:
//! [`substitution`] (this → that, with a fix), [`existence`] (must not
//! appear), [`consistency`] (variants that must not both appear),
//! [`metric`] (too many words), [`dateline`] (the house dateline form),
//! [`discouraged_verb`] (`claimed` → `said`) and [`courtesy`] (later
//! references need `Mr`/`Ms`). A configured rule is a [`Rule`]: its name
//! (the code is `style/NAME`), message, severity, scope and compiled kind.
//!
//! All rules report as the one registry check [`Check::HouseRule`] with
//! the rule's code in [`Finding::rule`], so the registry stays the single
//! source of core codes while rule names stay configuration. The
//! [`known_people`] pass is different: it reports `name/spelling` for
//! spellings a configured people list calls wrong.
//!
//! Rules read [`Document::prose`], so Markdown syntax, code and HTML are
//! never matched; matches are whole words in the sense of
//! [`crate::text::words_in`] (a hyphen or apostrophe between letters joins
//! them, so `twenty` does not match inside `twenty-five`, but a possessive
//! `'s` may follow).

use std::ops::Range;
use std::sync::Arc;

use crate::codes::CheckDocs;
use crate::codes::Origin;
use crate::document::{Document, ParagraphKind};
use crate::finding::{Finding, Severity};
use crate::text::is_apostrophe;

pub mod consistency;
pub mod courtesy;
pub mod dateline;
pub mod discouraged_verb;
pub mod existence;
pub mod known_people;
pub mod metric;
pub mod substitution;
pub mod table;

pub use table::{RuleError, Tables, WireCommon, WireSeverity};

pub use known_people::KnownPerson;

/// The registry's documentation of house rules as a whole.
pub static DOCS: CheckDocs = CheckDocs {
    summary: "A house rule from copydesk.toml, reported under its own code `style/NAME`.",
    why: "Every desk has its own style (U.S. or US, said on Friday or said Friday, \
          courtesy titles or none); copydesk.toml writes it down once and every draft \
          is held to it. `style = \"off\"` in [checks] turns all house rules off.",
    example: "US Secretary of State Antony Blinken said on Friday … \
              (style/us-with-stops, with the Reuters preset: write `U.S.`)",
    passes: "Nothing unless a configuration or preset defines house rules; each rule \
             documents its own exceptions.",
};

/// A configured house rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The name from the configuration (`us-with-stops`).
    pub name: Arc<str>,
    /// `style/NAME`.
    pub code: Arc<str>,
    /// The configured message, with `{match}` (and `{replacement}`)
    /// placeholders; `None` for the kind's own message.
    pub message: Option<String>,
    /// `None` when the rule is off.
    pub severity: Option<Severity>,
    /// Where the rule (or its severity) was last set.
    pub origin: Origin,
    pub scope: Scope,
    pub kind: RuleKind,
}

/// Which prose a rule looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scope {
    pub skip_quotes: bool,
    pub skip_headings: bool,
}

/// What a rule reads besides its own settings.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub doc: &'a Document<'a>,
    /// The house's known people (`[[people.known]]`).
    pub people: &'a [KnownPerson],
}

/// A house-rule kind: what it looks for and how it runs. Each kind is one
/// file of this folder, registered once in [`with_tables!`] (or, for a kind
/// configured elsewhere, in [`RuleKind`]).
pub trait HouseRule {
    /// How `copydesk explain` names the kind.
    const NAME: &'static str;
    /// A one-line account of what the rule looks for, for
    /// `copydesk explain`.
    fn describe(&self) -> String;
    /// Report the rule's findings at `severity`.
    fn run(&self, rule: &Rule, severity: Severity, input: &Input<'_>, out: &mut Vec<Finding>);
}

/// A kind with a table of its own in `copydesk.toml`
/// (`[substitution.NAME]`): the table's shape and its compile step live in
/// the kind's file too.
pub trait Table: HouseRule + Sized {
    /// The table as the file has it (unknown keys refused).
    type Wire: table::RuleWire + for<'de> serde::Deserialize<'de> + schemars::JsonSchema;
    /// Validate the table and compile it.
    fn compile(wire: &Self::Wire) -> Result<Self, RuleError>;
}

/// Every kind with a table, once, in the order the file format lists them:
/// `with_tables!(callback)` expands to `callback! { table: Variant(Kind), … }`
/// (each entry documented as the configuration key). The wire format, the
/// resolver and [`RuleKind`] are all built from it, so adding a kind is its
/// file and one entry here.
macro_rules! with_tables {
    ($callback:ident) => {
        $callback! {
            /// House rules: replace this with that.
            substitution: Substitution($crate::style::substitution::Substitution),
            /// House rules: a word or pattern that must not appear.
            existence: Existence($crate::style::existence::Existence),
            /// House rules: variants that must not both appear in one story.
            consistency: Consistency($crate::style::consistency::Consistency),
            /// House rules: a lede, sentence or paragraph longer than a limit.
            metric: Metric($crate::style::metric::Metric),
            /// House rules: the form the first paragraph's dateline must take.
            dateline: Dateline($crate::style::dateline::Dateline),
            /// House rules: later references need a courtesy title (`Mr Blair`).
            courtesy: Courtesy($crate::style::courtesy::Courtesy),
        }
    };
}
pub(crate) use with_tables;

macro_rules! table_kinds {
    ($( $(#[$doc:meta])* $table:ident: $variant:ident($kind:ty) ),* $(,)?) => {
        /// The house-rule kinds that have a table of their own, as the
        /// configuration names them (`substitution`, … `courtesy`).
        pub const TABLE_KINDS: &[&str] = &[$(<$kind as HouseRule>::NAME),*];
    };
}
with_tables!(table_kinds);

/// The compiled kinds: one variant per table kind, plus the discouraged
/// speech verbs, which `[attribution]` configures.
macro_rules! rule_kinds {
    ($( $(#[$doc:meta])* $table:ident: $variant:ident($kind:ty) ),* $(,)?) => {
        /// A configured rule's compiled kind.
        #[derive(Debug, Clone, PartialEq)]
        pub enum RuleKind {
            $($variant($kind),)*
            DiscouragedVerb(discouraged_verb::DiscouragedVerbs),
        }

        impl RuleKind {
            /// The kind's name, as the configuration table is called.
            pub fn name(&self) -> &'static str {
                match self {
                    $(RuleKind::$variant(_) => <$kind as HouseRule>::NAME,)*
                    RuleKind::DiscouragedVerb(_) => discouraged_verb::DiscouragedVerbs::NAME,
                }
            }

            /// A one-line account of what the rule looks for.
            pub fn describe(&self) -> String {
                match self {
                    $(RuleKind::$variant(k) => k.describe(),)*
                    RuleKind::DiscouragedVerb(k) => k.describe(),
                }
            }

            fn run(&self, rule: &Rule, severity: Severity, input: &Input<'_>, out: &mut Vec<Finding>) {
                match self {
                    $(RuleKind::$variant(k) => k.run(rule, severity, input, out),)*
                    RuleKind::DiscouragedVerb(k) => k.run(rule, severity, input, out),
                }
            }
        }

        $(impl From<$kind> for RuleKind {
            fn from(kind: $kind) -> RuleKind {
                RuleKind::$variant(kind)
            }
        })*
    };
}
with_tables!(rule_kinds);

impl Rule {
    /// A finding of this rule at `severity`, with the configured message
    /// (its placeholders filled) or `default`.
    pub(crate) fn finding(
        &self,
        severity: Severity,
        range: Range<usize>,
        matched: &str,
        replacement: Option<&str>,
        default: String,
    ) -> Finding {
        let message = match &self.message {
            Some(template) => template
                .replace("{match}", matched)
                .replace("{replacement}", replacement.unwrap_or("")),
            None => default,
        };
        Finding::house_rule(self.code.clone(), severity, range, message)
    }
}

/// Run every house rule of `rules` that is on; `people` are the house's
/// known people (`[[people.known]]`), which courtesy titles track.
pub fn run(doc: &Document<'_>, rules: &[Rule], people: &[KnownPerson], out: &mut Vec<Finding>) {
    for rule in rules {
        let Some(severity) = rule.severity else {
            continue;
        };
        rule.kind.run(rule, severity, &Input { doc, people }, out);
    }
}

/// The paragraph ranges a rule with `scope` reads: body paragraphs and,
/// unless skipped, headings; never credit lines.
pub(crate) fn paragraphs<'d>(
    doc: &'d Document<'_>,
    scope: Scope,
) -> impl Iterator<Item = Range<usize>> + 'd {
    doc.paragraphs
        .iter()
        .filter(move |p| match p.kind {
            ParagraphKind::Body => true,
            ParagraphKind::Heading => !scope.skip_headings,
            ParagraphKind::Credit => false,
        })
        .map(|p| p.range.clone())
}

/// Whether `range` lies inside a direct quote (marks included).
pub(crate) fn in_quote(doc: &Document<'_>, range: &Range<usize>) -> bool {
    doc.quotes.iter().any(|q| {
        let quote = q.range();
        quote.start <= range.start && range.end <= quote.end
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `text[range]` stands as whole words: no letter or digit runs on
/// at either end, nor a hyphen or apostrophe joining it to one (a
/// possessive `'s` after it is fine).
pub(crate) fn whole_words(text: &str, range: &Range<usize>) -> bool {
    let mut before = text[..range.start].chars().rev();
    let left_ok = match before.next() {
        None => true,
        Some(c) if is_word_char(c) => false,
        Some(c) if c == '-' || is_apostrophe(c) => !before.next().is_some_and(is_word_char),
        Some(_) => true,
    };
    let matched_ends_in_word = text[range.clone()].chars().last().is_some_and(is_word_char);
    let matched_starts_in_word = text[range.clone()].chars().next().is_some_and(is_word_char);
    if !left_ok && matched_starts_in_word {
        return false;
    }
    let mut after = text[range.end..].chars();
    let right_ok = match after.next() {
        None => true,
        Some(c) if is_word_char(c) => false,
        Some(c) if is_apostrophe(c) => {
            // `US's`, `Zelensky's`: a possessive, not a joined word.
            let rest: String = after.clone().take(2).collect();
            let mut rest = rest.chars();
            match rest.next() {
                Some('s') => !rest.next().is_some_and(is_word_char),
                Some(c) => !is_word_char(c),
                None => true,
            }
        }
        Some('-') => !after.next().is_some_and(is_word_char),
        Some(_) => true,
    };
    right_ok || !matched_ends_in_word
}

/// `replacement` in the case of `matched`: all capitals stay all capitals,
/// a capitalised word stays capitalised, anything else takes the
/// replacement as written.
pub(crate) fn match_case(matched: &str, replacement: &str) -> String {
    let letters: Vec<char> = matched.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_upper {
        return replacement.to_uppercase();
    }
    let first_upper = letters.first().is_some_and(|c| c.is_uppercase());
    if first_upper {
        let mut chars = replacement.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    replacement.to_owned()
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers for the rule kinds' unit tests: a configuration built from
    //! TOML, the rule's findings on a draft, and fix-then-recheck.
    use crate::config::Config;
    use crate::document::DocKind;
    use crate::finding::Finding;

    /// A configuration from TOML text, as a file in the current folder.
    #[track_caller]
    pub fn config(toml: &str) -> Config {
        Config::from_toml(toml, "copydesk.toml").unwrap_or_else(|e| panic!("{e}"))
    }

    /// The house-rule findings of `config` on a plain-text draft.
    #[track_caller]
    pub fn findings(config: &Config, text: &str) -> Vec<Finding> {
        findings_in(config, text, DocKind::Plain)
    }

    #[track_caller]
    pub fn findings_in(config: &Config, text: &str, kind: DocKind) -> Vec<Finding> {
        crate::check(text, kind, config)
            .into_iter()
            .filter(|f| f.code.rule().is_some())
            .collect()
    }

    /// `(code, flagged text)` of each house-rule finding.
    #[track_caller]
    pub fn flagged(config: &Config, text: &str) -> Vec<(String, String)> {
        findings(config, text)
            .iter()
            .map(|f| (f.code.as_str().to_owned(), text[f.range.clone()].to_owned()))
            .collect()
    }

    /// Apply every fix, assert the result, and assert that re-checking
    /// finds none of the fixed findings again.
    #[track_caller]
    pub fn assert_fixes_to(config: &Config, text: &str, expected: &str) {
        let found = findings(config, text);
        let mut fixed = text.to_owned();
        // Back to front, so earlier offsets stay valid.
        for finding in found.iter().rev() {
            let fix = finding
                .fix
                .as_ref()
                .unwrap_or_else(|| panic!("no fix for {finding:?}"));
            fixed = fix.apply(&fixed);
        }
        assert_eq!(fixed, expected);
        let again = flagged(config, &fixed);
        assert!(again.is_empty(), "still flagged after the fix: {again:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! table_names {
        ($( $(#[$doc:meta])* $table:ident: $variant:ident($kind:ty) ),* $(,)?) => {
            [$((stringify!($table), <$kind as HouseRule>::NAME)),*]
        };
    }

    #[test]
    fn each_table_kind_is_named_as_its_table() {
        let tables = with_tables!(table_names);
        for (table, name) in tables {
            assert_eq!(table, name);
        }
        assert_eq!(
            TABLE_KINDS.to_vec(),
            tables.map(|(table, _)| table).to_vec()
        );
    }

    #[track_caller]
    fn whole(text: &str, needle: &str) -> bool {
        let start = text.find(needle).unwrap();
        whole_words(text, &(start..start + needle.len()))
    }

    #[test]
    fn whole_words_respect_joiners_and_possessives() {
        assert!(whole(" US forces", "US"));
        assert!(whole("the US's", "US"));
        assert!(whole("US.", "US"));
        assert!(!whole("USA", "US"));
        assert!(!whole("twenty-five", "twenty"));
        assert!(!whole("forty-twenty", "twenty"));
        assert!(!whole("don't", "don"));
        assert!(whole("(ten)", "ten"));
        assert!(whole("Zelensky’s visit", "Zelensky"));
        // A match that ends in punctuation ends the word itself.
        assert!(whole("U.S.-led", "U.S."));
    }

    #[test]
    fn replacements_follow_the_case_of_the_match() {
        assert_eq!(match_case("jeopardise", "jeopardize"), "jeopardize");
        assert_eq!(match_case("Jeopardise", "jeopardize"), "Jeopardize");
        assert_eq!(match_case("JEOPARDISE", "jeopardize"), "JEOPARDIZE");
        assert_eq!(match_case("US", "U.S."), "U.S.");
        assert_eq!(match_case("claimed", "said"), "said");
        assert_eq!(match_case("Claimed", "said"), "Said");
    }
}
