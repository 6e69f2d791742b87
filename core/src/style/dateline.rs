//! Dateline: the first paragraph opens with the house dateline.
//!
//! ```toml
//! [dateline.reuters]
//! pattern = '[A-Z][A-Z .]+, [A-Z][a-z]{2}\.? \d{1,2} \(Reuters\) - '
//! ```
//!
//! The pattern is matched at the very start of the first body paragraph
//! (headlines above it do not count). A story whose first paragraph does
//! not match is flagged once, on its dateline if the text model found one,
//! else on its first word. No fix: the place and date are the reporter's.
//!
//! The pattern also tells the text model what the house's datelines look
//! like ([`crate::Session::parse`]): a lede that opens with a match has it
//! taken off, so a `metric` lede limit does not count the place and date and
//! the name checks do not read them as prose, whatever form the house uses.

use toml::Spanned;

use regex::Regex;

use super::table::{compile, rule_table};
use super::Rule;
use super::{HouseRule, Input, RuleError, Table};
use crate::finding::{Finding, Severity};
use crate::text::words_in;

#[derive(Debug, Clone)]
pub struct Dateline {
    /// The pattern as configured.
    pub source: String,
    /// The pattern anchored at the start.
    pub pattern: Regex,
}

impl PartialEq for Dateline {
    fn eq(&self, other: &Dateline) -> bool {
        self.pattern.as_str() == other.pattern.as_str()
    }
}

rule_table! {
    /// The first body paragraph must start with a dateline of this form.
    pub struct WireDateline {
        /// A regular expression matched at the start of the first body
        /// paragraph (`^` is implied).
        #[schemars(with = "String")]
        pub pattern: Spanned<String>,
    }
}

impl Table for Dateline {
    type Wire = WireDateline;

    fn compile(table: &WireDateline) -> Result<Dateline, RuleError> {
        let source = table.pattern.get_ref();
        let anchored = format!("^(?:{source})");
        let pattern = compile(&anchored, false, &table.pattern)?;
        Ok(Dateline {
            source: source.clone(),
            pattern,
        })
    }
}

impl HouseRule for Dateline {
    const NAME: &'static str = "dateline";

    fn describe(&self) -> String {
        format!("the first paragraph starts with `{}`", self.source)
    }

    fn run(&self, rule: &Rule, severity: Severity, input: &Input<'_>, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let Some((_, lede)) = doc.body_paragraphs().next() else {
            return;
        };
        if self.pattern.is_match(&doc.text[lede.range.clone()]) {
            return;
        }
        let range = match &lede.dateline {
            Some(dateline) => dateline.clone(),
            None => match words_in(&doc.prose, lede.range.clone()).first() {
                Some(word) => word.range(),
                None => return,
            },
        };
        let matched = &doc.text[range.clone()];
        let default = "the story does not open with the house dateline".to_owned();
        out.push(rule.finding(severity, range, matched, None, default));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{config, findings, findings_in};

    const RULE: &str = r#"
[dateline.reuters]
pattern = '[A-Z][A-Z .]+, [A-Z][a-z]{2}\.? \d{1,2} \(Reuters\) - '
"#;

    #[test]
    fn a_house_dateline_passes() {
        let config = config(RULE);
        assert_eq!(
            findings(&config, "LONDON, Nov 3 (Reuters) - Talks resumed.\n"),
            []
        );
        let md = "# Talks resume\n\nNEW YORK, Feb. 9 (Reuters) - Talks resumed.\n";
        assert_eq!(findings_in(&config, md, crate::DocKind::Markdown), []);
    }

    #[test]
    fn another_dateline_or_none_is_flagged_once() {
        let config = config(RULE);
        let text = "WASHINGTON (AP) — Talks resumed.\nMore talks.\n";
        let found = findings(&config, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code.as_str(), "style/reuters");
        assert_eq!(
            found[0].message,
            "the story does not open with the house dateline"
        );
        assert!(text[found[0].range.clone()].starts_with("WASHINGTON"));

        let text = "Talks resumed on Monday.\n";
        let found = findings(&config, text);
        assert_eq!(&text[found[0].range.clone()], "Talks");
    }
}
