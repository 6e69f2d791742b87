//! Metric: a lede, sentence or paragraph longer than the house allows.
//!
//! ```toml
//! [metric.long-lede]
//! scope = "lede"
//! max-words = 35
//! ```
//!
//! Counts words as the text model does ([`crate::text::words_in`]): `U.S.`,
//! `long-term` and `Israel's` are one word each, numbers count. The lede is
//! the first body paragraph without its dateline; sentences are the text
//! model's (a quote of several sentences with its attribution is one). No
//! fix: where to cut is an editor's call.

use std::ops::Range;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::table::rule_table;
use super::{paragraphs, Rule};
use super::{HouseRule, Input, RuleError, Table};
use crate::finding::{Finding, Severity};
use crate::text::words_in;

/// What a metric rule measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WireMetricScope {
    /// The first body paragraph, after its dateline.
    Lede,
    Sentence,
    Paragraph,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub scope: WireMetricScope,
    pub max_words: usize,
}

impl Metric {
    fn noun(&self) -> &'static str {
        match self.scope {
            WireMetricScope::Lede => "lede",
            WireMetricScope::Sentence => "sentence",
            WireMetricScope::Paragraph => "paragraph",
        }
    }
}

rule_table! {
    /// A lede, sentence or paragraph longer than `max-words`.
    pub struct WireMetric {
        pub scope: WireMetricScope,
        #[schemars(with = "u32", range(min = 1))]
        pub max_words: Spanned<usize>,
    }
}

impl Table for Metric {
    type Wire = WireMetric;

    fn compile(table: &WireMetric) -> Result<Metric, RuleError> {
        if *table.max_words.get_ref() == 0 {
            return Err(RuleError::at(
                table.max_words.span(),
                "expected a number of words from 1 up, found 0",
            ));
        }
        Ok(Metric {
            scope: table.scope,
            max_words: *table.max_words.get_ref(),
        })
    }
}

impl HouseRule for Metric {
    const NAME: &'static str = "metric";

    fn describe(&self) -> String {
        format!("a {} of more than {} words", self.noun(), self.max_words)
    }

    fn run(&self, rule: &Rule, severity: Severity, input: &Input<'_>, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let spans: Vec<Range<usize>> = match self.scope {
            WireMetricScope::Lede => doc
                .body_paragraphs()
                .next()
                .map(|(_, p)| p.body.clone())
                .into_iter()
                .collect(),
            WireMetricScope::Paragraph => paragraphs(doc, rule.scope).collect(),
            WireMetricScope::Sentence => doc
                .paragraphs
                .iter()
                .filter(|p| {
                    p.is_body()
                        || (p.kind == crate::document::ParagraphKind::Heading
                            && !rule.scope.skip_headings)
                })
                .flat_map(|p| p.sentences.iter().cloned())
                .collect(),
        };
        for span in spans {
            let words = words_in(&doc.prose, span.clone()).len();
            if words <= self.max_words {
                continue;
            }
            let text = doc.text[span.clone()].trim_end();
            let range = span.start..span.start + text.len();
            let default = format!(
                "this {} has {words} words; the house limit is {}",
                self.noun(),
                self.max_words
            );
            out.push(rule.finding(severity, range, text, None, default));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{config, findings, flagged};

    #[test]
    fn lede_sentence_and_paragraph_limits() {
        let config = config(
            r#"
[metric.long-lede]
scope = "lede"
max-words = 8

[metric.long-sentence]
scope = "sentence"
max-words = 6
severity = "info"

[metric.long-paragraph]
scope = "paragraph"
max-words = 12
"#,
        );
        let text =
            "LONDON (Reuters) - The U.S. long-term plan was agreed on Friday by all sides.\n\
                    Short one. Then six words in this sentence.\n\
                    A second paragraph that runs on and on well past the limit of twelve words.\n";
        let found = findings(&config, text);
        let got: Vec<(&str, &str, crate::Severity)> = found
            .iter()
            .map(|f| (f.code.as_str(), f.message.as_str(), f.severity))
            .collect();
        use crate::Severity::{Info, Warning};
        assert_eq!(
            got,
            [
                (
                    "style/long-lede",
                    "this lede has 11 words; the house limit is 8",
                    Warning
                ),
                (
                    "style/long-sentence",
                    "this sentence has 11 words; the house limit is 6",
                    Info
                ),
                (
                    "style/long-paragraph",
                    "this paragraph has 15 words; the house limit is 12",
                    Warning
                ),
                (
                    "style/long-sentence",
                    "this sentence has 15 words; the house limit is 6",
                    Info
                ),
            ]
        );
        // The lede is measured without its dateline, which is not prose, so
        // the first paragraph (13 words with it) is within the limit.
        assert!(text[found[0].range.clone()].starts_with("The U.S."));
        assert!(found.iter().all(|f| f.fix.is_none()));
    }

    #[test]
    fn the_lede_is_measured_without_a_house_dateline() {
        // The issue's house dateline: any agency, a region and a date.
        let lede = "CEDAR FALLS, Oregon, March 14 (Wire) - The mill closed its doors on Friday.\n";
        let rule = "[metric.long-lede]\nscope = \"lede\"\nmax-words = 7\n";
        assert_eq!(flagged(&config(rule), lede), []);
        // A form only the house knows: without its [dateline] the place and
        // date count (11 words), with it they do not (7).
        let lede = "Cedar Falls/March 14/Wire: The mill closed its doors on Friday.\n";
        assert_eq!(
            flagged(&config(rule), lede),
            [("style/long-lede".to_owned(), lede.trim_end().to_owned())]
        );
        let house = format!(
            "{rule}[dateline.wire]\npattern = '[A-Z][a-z]+(?: [A-Z][a-z]+)*/[A-Z][a-z]+ \\d+/Wire: '\n"
        );
        assert_eq!(flagged(&config(&house), lede), []);
    }
}
