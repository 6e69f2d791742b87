//! Discouraged speech verbs: `claimed`, `admitted`, `stated` where the
//! house wants the neutral `said`.
//!
//! ```toml
//! [attribution]
//! discouraged = { claimed = "said", admitted = "said", stated = "said", claims = "says" }
//! ```
//!
//! Configured under `[attribution]` and reported as the house rule
//! `style/discouraged-verb`. A verb is flagged only where it reports
//! speech: as the cue that credits a quote (`…," he claimed.`) or followed
//! by `that` (`she admitted that the plan failed`); `claimed the title`
//! and `admitted to hospital` pass. The fix swaps in the neutral verb but
//! is unsafe: `admitted` says something `said` does not, so an editor
//! should read it first.

use std::collections::BTreeMap;

use super::{in_quote, match_case, Rule};
use super::{HouseRule, Input};
use crate::finding::{Edit, Finding, Fix, Safety, Severity};
use crate::text::{fold, words_in};

/// The rule's name: its code is `style/discouraged-verb`.
pub const NAME: &str = "discouraged-verb";

#[derive(Debug, Clone, PartialEq)]
pub struct DiscouragedVerbs {
    /// Lowercase verb form → the verb to use instead.
    pub verbs: BTreeMap<String, String>,
}

impl HouseRule for DiscouragedVerbs {
    const NAME: &'static str = "discouraged verbs";

    fn describe(&self) -> String {
        let verbs: Vec<String> = self
            .verbs
            .iter()
            .map(|(verb, instead)| format!("`{verb}` → `{instead}`"))
            .collect();
        format!("speech verbs to avoid: {}", verbs.join(", "))
    }

    fn run(&self, rule: &Rule, severity: Severity, input: &Input<'_>, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let cues: Vec<_> = doc
            .attributions
            .iter()
            .flatten()
            .map(|a| a.cue.clone())
            .collect();
        for (_, paragraph) in doc.body_paragraphs() {
            let words = words_in(&doc.prose, paragraph.body.clone());
            for (i, word) in words.iter().enumerate() {
                let Some(instead) = self.verbs.get(&fold(word.text)) else {
                    continue;
                };
                let range = word.range();
                if in_quote(doc, &range) {
                    continue;
                }
                let is_cue = cues
                    .iter()
                    .any(|cue| cue.start <= range.start && range.end <= cue.end);
                let reports = words
                    .get(i + 1)
                    .is_some_and(|next| fold(next.text) == "that");
                if !(is_cue || reports) {
                    continue;
                }
                let replacement = match_case(word.text, instead);
                let default = format!(
                    "`{}` takes sides; the neutral `{replacement}` is house style",
                    word.text
                );
                let fix = Fix::new(
                    format!("replace with `{replacement}`"),
                    Safety::Unsafe,
                    vec![Edit {
                        range: range.clone(),
                        replacement: replacement.clone(),
                    }],
                );
                out.push(
                    rule.finding(severity, range, word.text, Some(&replacement), default)
                        .with_fix(fix),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_fixes_to, config, findings, flagged};
    use crate::Safety;

    const RULE: &str = r#"
[attribution]
discouraged = { claimed = "said", admitted = "said", stated = "said", claims = "says" }
"#;

    #[test]
    fn flags_verbs_that_credit_a_quote_or_report_speech() {
        let config = config(RULE);
        let text = "\"We did not fire first,\" the army claimed. The minister admitted that \
                    talks failed. She Claims that aid is flowing.\n";
        let got: Vec<String> = flagged(&config, text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, ["claimed", "admitted", "Claims"]);
        let found = findings(&config, text);
        assert_eq!(found[0].code.as_str(), "style/discouraged-verb");
        assert_eq!(
            found[0].message,
            "`claimed` takes sides; the neutral `said` is house style"
        );
        assert_eq!(found[0].fix.as_ref().unwrap().safety, Safety::Unsafe);
        assert_fixes_to(
            &config,
            text,
            "\"We did not fire first,\" the army said. The minister said that \
             talks failed. She Says that aid is flowing.\n",
        );
    }

    #[test]
    fn other_senses_and_quoted_words_pass() {
        let config = config(RULE);
        let text = "The team claimed the title. He was admitted to hospital, his office said.\n\
                    \"They claimed that we lied,\" she said.\n";
        assert_eq!(flagged(&config, text), []);
    }
}
