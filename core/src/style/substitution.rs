//! Substitution: the house writes this, not that (`US` → `U.S.`,
//! `said on Friday` → `said Friday`).
//!
//! ```toml
//! [substitution.us-with-stops]
//! swap = { "US" = "U.S.", "UN" = "U.N." }
//! skip-headings = true
//! ```
//!
//! Flags every whole-word match of a key and offers a safe fix to the
//! house form: the house has decided the form, so rewriting it never
//! changes what the story says. Keys are literal, matching whole words,
//! unless `regex = true` (then the pattern says where a match may start and
//! end, with `\b` or otherwise, and `$1` in the value refers to a group);
//! `ignore-case = true` matches
//! any case and keeps the case of what it replaces (`Jeopardise` →
//! `Jeopardize`). A regex key may name groups `before` and `after` for
//! context it must match but that is not part of the finding (the regex
//! crate has no look-around): `(said) (Friday)(?P<after>[^'\w]|$)` flags
//! and replaces `said Friday` only. Where two keys match overlapping text,
//! the earlier and then longer match wins.

use regex::Regex;

use super::table::{compile, rule_table};
use super::{in_quote, match_case, paragraphs, whole_words, Rule};
use super::{HouseRule, Input, RuleError, Table, Tables, WireCommon};
use crate::finding::{Edit, Finding, Fix, Safety, Severity};

#[derive(Debug, Clone)]
pub struct Substitution {
    pub swaps: Vec<Swap>,
    /// Keys are regexes, which say for themselves where a match may start
    /// and end (`\b`); literal keys match whole words.
    pub regex: bool,
    pub ignore_case: bool,
}

/// One key and its house form.
#[derive(Debug, Clone)]
pub struct Swap {
    /// The key as configured.
    pub key: String,
    pub pattern: Regex,
    /// The house form; may refer to groups (`$1`) of a regex key.
    pub replacement: String,
}

impl PartialEq for Substitution {
    fn eq(&self, other: &Substitution) -> bool {
        self.ignore_case == other.ignore_case
            && self.regex == other.regex
            && self.swaps.len() == other.swaps.len()
            && self.swaps.iter().zip(&other.swaps).all(|(a, b)| {
                a.pattern.as_str() == b.pattern.as_str() && a.replacement == b.replacement
            })
    }
}

rule_table! {
    /// Replace this with that. Matches are whole words.
    pub struct WireSubstitution {
        /// What to find → the house form. With `regex = true` the keys are
        /// regular expressions and the values may use `$1`.
        pub swap: Tables<String>,
        /// Keys are regular expressions.
        #[serde(default)]
        pub regex: bool,
        /// Match any case; the replacement follows the case of what it replaces.
        #[serde(default)]
        pub ignore_case: bool,
    }
}

impl Table for Substitution {
    type Wire = WireSubstitution;

    fn common(wire: &WireSubstitution) -> WireCommon<'_> {
        wire.common()
    }

    fn compile(table: &WireSubstitution) -> Result<Substitution, RuleError> {
        if table.swap.0.is_empty() {
            return Err(RuleError::rule(
                "`swap` is empty: give at least one `\"this\" = \"that\"`",
            ));
        }
        let mut swaps = Vec::new();
        for (key, replacement) in &table.swap.0 {
            let source = if table.regex {
                key.get_ref().clone()
            } else {
                regex::escape(key.get_ref())
            };
            let pattern = compile(&source, table.ignore_case, key)?;
            swaps.push(Swap {
                key: key.get_ref().clone(),
                pattern,
                replacement: if table.regex {
                    replacement.clone()
                } else {
                    replacement.replace('$', "$$")
                },
            });
        }
        Ok(Substitution {
            swaps,
            regex: table.regex,
            ignore_case: table.ignore_case,
        })
    }
}

impl HouseRule for Substitution {
    const NAME: &'static str = "substitution";

    fn describe(&self) -> String {
        let swaps: Vec<String> = self
            .swaps
            .iter()
            .map(|s| match s.replacement.as_str() {
                "" => format!("deletes `{}`", s.key),
                to => format!("rewrites `{}` → `{to}`", s.key),
            })
            .collect();
        swaps.join(", ")
    }

    fn run(&self, rule: &Rule, severity: Severity, input: &Input<'_>, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let prose = doc.prose.as_str();
        for paragraph in paragraphs(doc, rule.scope) {
            let text = &prose[paragraph.clone()];
            let mut hits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
            for swap in &self.swaps {
                for caps in swap.pattern.captures_iter(text) {
                    let whole = caps.get(0).expect("group 0");
                    let range = paragraph.start + whole.start()..paragraph.start + whole.end();
                    if range.is_empty()
                        || (!self.regex && !whole_words(prose, &range))
                        || (rule.scope.skip_quotes && in_quote(doc, &range))
                    {
                        continue;
                    }
                    let mut replacement = String::new();
                    caps.expand(&swap.replacement, &mut replacement);
                    if self.ignore_case {
                        replacement = match_case(whole.as_str(), &replacement);
                    }
                    // Context the pattern had to consume (no look-around in
                    // the regex crate) is neither flagged nor replaced.
                    let start = caps
                        .name("before")
                        .map_or(range.start, |m| paragraph.start + m.end());
                    let end = caps
                        .name("after")
                        .map_or(range.end, |m| paragraph.start + m.start());
                    let range = start..end.max(start);
                    if prose[range.clone()] != replacement {
                        hits.push((range, replacement));
                    }
                }
            }
            hits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
            let mut last_end = paragraph.start;
            for (range, replacement) in hits {
                if range.start < last_end {
                    continue;
                }
                last_end = range.end;
                let matched = &doc.text[range.clone()];
                let default = format!("write `{replacement}`, not `{matched}` (house style)");
                let fix = Fix::new(
                    format!("replace with `{replacement}`"),
                    Safety::Safe,
                    vec![Edit {
                        range: range.clone(),
                        replacement: replacement.clone(),
                    }],
                );
                out.push(
                    rule.finding(severity, range, matched, Some(&replacement), default)
                        .with_fix(fix),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_fixes_to, config, findings, flagged};

    const STOPS: &str = r#"
[substitution.us-with-stops]
swap = { "US" = "U.S.", "UN" = "U.N." }
"#;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn flags_whole_words_only() {
        let config = config(STOPS);
        assert_eq!(
            flagged(
                &config,
                "US troops and UN staff met USA fans in the USSR.\n"
            ),
            pairs(&[("style/us-with-stops", "US"), ("style/us-with-stops", "UN")])
        );
        assert_eq!(flagged(&config, "U.S. troops met U.N. staff.\n"), []);
    }

    #[test]
    fn fix_rewrites_and_recheck_is_clean() {
        let config = config(STOPS);
        assert_fixes_to(
            &config,
            "The US envoy spoke. The US's UN ambassador agreed.\n",
            "The U.S. envoy spoke. The U.S.'s U.N. ambassador agreed.\n",
        );
        let found = findings(&config, "US aid.\n");
        assert_eq!(found[0].message, "write `U.S.`, not `US` (house style)");
        assert_eq!(found[0].fix.as_ref().unwrap().safety, crate::Safety::Safe);
    }

    #[test]
    fn regex_keys_use_groups_and_case_follows_the_match() {
        let config = config(
            r#"
[substitution.said-on]
regex = true
swap = { '(said|says) on (Monday|Friday)' = "$1 $2" }
message = "AP: no `on` before a weekday ({match} → {replacement})"

[substitution.ize]
ignore-case = true
swap = { "jeopardise" = "jeopardize" }
"#,
        );
        let found = findings(&config, "Jeopardise it, she said on Friday.\n");
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "write `Jeopardize`, not `Jeopardise` (house style)",
                "AP: no `on` before a weekday (said on Friday → said Friday)"
            ]
        );
        assert_fixes_to(
            &config,
            "Jeopardise it, she said on Friday.\n",
            "Jeopardize it, she said Friday.\n",
        );
    }

    #[test]
    fn context_consumed_by_a_regex_is_not_flagged() {
        let config = config(
            r#"
[substitution.on-before-weekday]
regex = true
swap = { '\b(said) (Friday)(?P<after>[^\w\x27]|$)' = "$1 on $2" }
"#,
        );
        let text = "She said Friday. He said Friday's vote was close.\n";
        let found = findings(&config, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].range.clone()], "said Friday");
        assert_eq!(
            found[0].message,
            "write `said on Friday`, not `said Friday` (house style)"
        );
        assert_fixes_to(
            &config,
            text,
            "She said on Friday. He said Friday's vote was close.\n",
        );
    }

    #[test]
    fn quotes_and_headings_can_be_skipped() {
        let config = config(
            r#"
[substitution.us-with-stops]
swap = { "US" = "U.S." }
skip-quotes = true
skip-headings = true
"#,
        );
        let text = "# US talks\n\n\"The US will act,\" she said of US policy.\n";
        let flagged: Vec<(String, String)> =
            super::super::test_support::findings_in(&config, text, crate::DocKind::Markdown)
                .iter()
                .map(|f| (f.code.as_str().to_owned(), text[f.range.clone()].to_owned()))
                .collect();
        assert_eq!(flagged, pairs(&[("style/us-with-stops", "US")]));
        let policy = text.rfind("US").unwrap();
        let found =
            super::super::test_support::findings_in(&config, text, crate::DocKind::Markdown);
        assert_eq!(found[0].range, policy..policy + 2);
    }

    #[test]
    fn markdown_syntax_and_code_are_not_matched() {
        let config = config(STOPS);
        let text = "Aid from the [US](https://US.example) arrived.\n\n```\nUS\n```\n";
        let found =
            super::super::test_support::findings_in(&config, text, crate::DocKind::Markdown);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].range.clone()], "US");
        assert_eq!(found[0].range.start, text.find("US").unwrap());
    }
}
