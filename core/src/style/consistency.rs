//! Consistency: one story, one spelling (`Zelensky`/`Zelenskiy`,
//! `jeopardize`/`jeopardise`, `Kyiv`/`Kiev`).
//!
//! ```toml
//! [consistency.spellings]
//! variants = [["Zelensky", "Zelenskiy"], ["jeopardize", "jeopardise"]]
//! ```
//!
//! When a story uses two variants of one group, the form used more often
//! (on a tie, the one used first) is the story's form; every use of
//! another variant is flagged, pointing at the first use of the story's
//! form, with a safe fix to it. A group used in only one form passes,
//! whichever form it is: the rule asks for consistency, not for a spelling
//! (a substitution rule does that).

use toml::Spanned;

use std::ops::Range;

use super::table::rule_table;
use super::{in_quote, match_case, paragraphs, whole_words, Rule};
use super::{HouseRule, Input, RuleError, Table};
use crate::document::Document;
use crate::finding::{Edit, Finding, Fix, Safety, Severity};
use crate::text::fold;

#[derive(Debug, Clone, PartialEq)]
pub struct Consistency {
    /// Groups of variants, as configured.
    pub groups: Vec<Vec<String>>,
    pub ignore_case: bool,
}

impl Consistency {
    /// Every whole-word use of `variant` in the rule's prose.
    fn uses(&self, rule: &Rule, doc: &Document<'_>, variant: &str) -> Vec<Range<usize>> {
        let prose = doc.prose.as_str();
        let needle = if self.ignore_case {
            fold(variant)
        } else {
            variant.to_owned()
        };
        let mut out = Vec::new();
        for paragraph in paragraphs(doc, rule.scope) {
            let text = &prose[paragraph.clone()];
            // Folding keeps ASCII byte lengths; other text is compared as is.
            let hay = if self.ignore_case && text.is_ascii() {
                text.to_ascii_lowercase()
            } else {
                text.to_owned()
            };
            for (at, _) in hay.match_indices(&needle) {
                let range = paragraph.start + at..paragraph.start + at + needle.len();
                if whole_words(prose, &range) && !(rule.scope.skip_quotes && in_quote(doc, &range))
                {
                    out.push(range);
                }
            }
        }
        out
    }
}

rule_table! {
    /// Groups of variants of which one story uses one.
    pub struct WireConsistency {
        /// Each group lists spellings of one word (`["Zelensky", "Zelenskiy"]`).
        #[schemars(with = "Vec<Vec<String>>")]
        pub variants: Vec<Spanned<Vec<String>>>,
        #[serde(default)]
        pub ignore_case: bool,
    }
}

impl Table for Consistency {
    type Wire = WireConsistency;

    fn compile(table: &WireConsistency) -> Result<Consistency, RuleError> {
        if table.variants.is_empty() {
            return Err(RuleError::rule(
                "`variants` is empty: give groups such as [\"Kyiv\", \"Kiev\"]",
            ));
        }
        for group in &table.variants {
            if group.get_ref().len() < 2 || group.get_ref().iter().any(|v| v.trim().is_empty()) {
                return Err(RuleError::at(
                    group.span(),
                    "expected a group of at least two non-empty variants",
                ));
            }
        }
        Ok(Consistency {
            groups: table.variants.iter().map(|g| g.get_ref().clone()).collect(),
            ignore_case: table.ignore_case,
        })
    }
}

impl HouseRule for Consistency {
    const NAME: &'static str = "consistency";

    fn describe(&self) -> String {
        let groups: Vec<String> = self.groups.iter().map(|g| g.join(" / ")).collect();
        format!("one form per story of: {}", groups.join("; "))
    }

    fn run(&self, rule: &Rule, severity: Severity, input: &Input<'_>, out: &mut Vec<Finding>) {
        let doc = input.doc;
        for group in &self.groups {
            let uses: Vec<(&String, Vec<Range<usize>>)> = group
                .iter()
                .map(|v| (v, self.uses(rule, doc, v)))
                .filter(|(_, u)| !u.is_empty())
                .collect();
            if uses.len() < 2 {
                continue;
            }
            let (kept, kept_uses) = uses
                .iter()
                .max_by_key(|(_, u)| (u.len(), std::cmp::Reverse(u[0].start)))
                .expect("two variants used");
            let first = kept_uses[0].clone();
            for (variant, ranges) in &uses {
                if variant == kept {
                    continue;
                }
                for range in ranges {
                    let matched = &doc.text[range.clone()];
                    let replacement = if self.ignore_case {
                        match_case(matched, kept)
                    } else {
                        (*kept).clone()
                    };
                    let default = format!(
                        "`{matched}` is spelled `{}` elsewhere in the story",
                        &doc.text[first.clone()]
                    );
                    let fix = Fix::new(
                        format!("replace with `{replacement}`"),
                        Safety::Safe,
                        vec![Edit {
                            range: range.clone(),
                            replacement: replacement.clone(),
                        }],
                    );
                    out.push(
                        rule.finding(
                            severity,
                            range.clone(),
                            matched,
                            Some(&replacement),
                            default,
                        )
                        .with_related(
                            first.clone(),
                            format!("`{}` used here first", &doc.text[first.clone()]),
                        )
                        .with_fix(fix),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_fixes_to, config, findings, flagged};

    const RULE: &str = r#"
[consistency.spellings]
variants = [["Zelensky", "Zelenskiy"], ["jeopardize", "jeopardise"]]
"#;

    #[test]
    fn flags_the_rarer_form_with_the_story_form_related() {
        let config = config(RULE);
        let text = "Zelenskiy met aides. Zelensky's office said Zelensky would travel.\n";
        let found = findings(&config, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].range.clone()], "Zelenskiy");
        assert_eq!(
            found[0].message,
            "`Zelenskiy` is spelled `Zelensky` elsewhere in the story"
        );
        let first = text.find("Zelensky's").unwrap();
        assert_eq!(found[0].related[0].range, first..first + "Zelensky".len());
        assert_fixes_to(
            &config,
            text,
            "Zelensky met aides. Zelensky's office said Zelensky would travel.\n",
        );
    }

    #[test]
    fn on_a_tie_the_later_form_is_flagged() {
        let config = config(RULE);
        let text = "It could jeopardise talks and jeopardize aid.\n";
        let got: Vec<String> = flagged(&config, text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, ["jeopardize"]);
        assert_fixes_to(
            &config,
            text,
            "It could jeopardise talks and jeopardise aid.\n",
        );
    }

    #[test]
    fn one_form_alone_passes() {
        let config = config(RULE);
        assert_eq!(flagged(&config, "Zelenskiy spoke. Zelenskiy left.\n"), []);
        assert_eq!(flagged(&config, "Zelenskiyy and Zelensky.\n"), []);
    }

    #[test]
    fn ignore_case_matches_any_case_and_keeps_it() {
        let config = config(
            r#"
[consistency.ize]
ignore-case = true
variants = [["jeopardize", "jeopardise"]]
"#,
        );
        assert_fixes_to(
            &config,
            "Jeopardise nothing. Do not jeopardize or jeopardize.\n",
            "Jeopardize nothing. Do not jeopardize or jeopardize.\n",
        );
    }
}
