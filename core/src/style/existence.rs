//! Existence: a word or pattern the house does not want at all
//! (`very unique`, `at the end of the day`, an anonymous `sources said`).
//!
//! ```toml
//! [existence.cliches]
//! tokens = ["at the end of the day", "in the wake of"]
//! ignore-case = true
//! message = "`{match}` is a cliché"
//! ```
//!
//! Flags every match, with no fix: what to write instead is the reporter's
//! call. Tokens are literal, matching whole words, unless `regex = true`
//! (then the pattern says where a match may start and end).

use toml::Spanned;

use regex::Regex;

use regex::RegexBuilder;

use super::table::{compile, regex_reason, rule_table};
use super::{in_quote, paragraphs, whole_words, Rule};
use super::{HouseRule, Input, RuleError, Table};
use crate::finding::{Finding, Severity};

#[derive(Debug, Clone)]
pub struct Existence {
    /// The tokens as configured.
    pub tokens: Vec<String>,
    /// One pattern matching any token.
    pub pattern: Regex,
    /// Tokens are regexes (which say where a match may start and end);
    /// literal tokens match whole words.
    pub regex: bool,
}

impl PartialEq for Existence {
    fn eq(&self, other: &Existence) -> bool {
        self.pattern.as_str() == other.pattern.as_str()
    }
}

rule_table! {
    /// A word or pattern that must not appear. Matches are whole words.
    pub struct WireExistence {
        #[schemars(with = "Vec<String>")]
        pub tokens: Vec<Spanned<String>>,
        /// Tokens are regular expressions.
        #[serde(default)]
        pub regex: bool,
        #[serde(default)]
        pub ignore_case: bool,
    }
}

impl Table for Existence {
    type Wire = WireExistence;

    fn compile(table: &WireExistence) -> Result<Existence, RuleError> {
        if table.tokens.is_empty() {
            return Err(RuleError::rule(
                "`tokens` is empty: give at least one word or pattern",
            ));
        }
        let mut alternatives = Vec::new();
        for token in &table.tokens {
            let source = if table.regex {
                token.get_ref().clone()
            } else {
                regex::escape(token.get_ref())
            };
            // Each token on its own first, so a bad one is reported at its place.
            compile(&source, table.ignore_case, token)?;
            alternatives.push(format!("(?:{source})"));
        }
        let pattern = RegexBuilder::new(&alternatives.join("|"))
            .case_insensitive(table.ignore_case)
            .build()
            .map_err(|e| RuleError::rule(format!("invalid tokens: {}", regex_reason(&e))))?;
        Ok(Existence {
            tokens: table.tokens.iter().map(|t| t.get_ref().clone()).collect(),
            pattern,
            regex: table.regex,
        })
    }
}

impl HouseRule for Existence {
    const NAME: &'static str = "existence";

    fn describe(&self) -> String {
        let tokens: Vec<String> = self.tokens.iter().map(|t| format!("`{t}`")).collect();
        format!("flags {}", tokens.join(", "))
    }

    fn run(&self, rule: &Rule, severity: Severity, input: &Input<'_>, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let prose = doc.prose.as_str();
        for paragraph in paragraphs(doc, rule.scope) {
            for m in self.pattern.find_iter(&prose[paragraph.clone()]) {
                let range = paragraph.start + m.start()..paragraph.start + m.end();
                if range.is_empty()
                    || (!self.regex && !whole_words(prose, &range))
                    || (rule.scope.skip_quotes && in_quote(doc, &range))
                {
                    continue;
                }
                let matched = &doc.text[range.clone()];
                let default = format!("`{matched}` is not house style");
                out.push(rule.finding(severity, range, matched, None, default));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{config, findings, flagged};

    #[test]
    fn flags_each_whole_word_match_without_a_fix() {
        let config = config(
            r#"
[existence.cliches]
tokens = ["at the end of the day", "in the wake of"]
ignore-case = true
message = "`{match}` is a cliché"
"#,
        );
        let text = "At the end of the day, talks resumed in the wake of the storm.\n";
        let found = findings(&config, text);
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (&text[f.range.clone()], f.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "At the end of the day",
                    "`At the end of the day` is a cliché"
                ),
                ("in the wake of", "`in the wake of` is a cliché"),
            ]
        );
        assert!(found.iter().all(|f| f.fix.is_none()));
        assert_eq!(flagged(&config, "The wakeful end of the daylight.\n"), []);
    }

    #[test]
    fn regex_tokens_and_quotes_skipped() {
        let config = config(
            r#"
[existence.courtesy-titles]
regex = true
tokens = ['\b(?:Mr|Mrs|Ms)\.? \p{Lu}\w+']
skip-quotes = true
"#,
        );
        let text = "Mr. Smith said \"Mr Jones agreed\" and Mrs Brown left.\n";
        let got: Vec<String> = flagged(&config, text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, ["Mr. Smith", "Mrs Brown"]);
        let found = findings(&config, text);
        assert_eq!(found[0].message, "`Mr. Smith` is not house style");
        assert_eq!(found[0].code.as_str(), "style/courtesy-titles");
    }
}
