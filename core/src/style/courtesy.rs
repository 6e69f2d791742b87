//! Courtesy titles: in a house that uses them (British newspapers), a later
//! reference is `Mr Blair`, never bare `Blair`.
//!
//! ```toml
//! [courtesy.later-references]
//! titles = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady"]
//!
//! [[people.known]]
//! name = "Tony Blair"
//! courtesy = "Mr"
//! ```
//!
//! After a person's first full mention, each mention by surname alone that
//! no listed title precedes is flagged. People come from the text model
//! ([`crate::document::People`]) and from `[[people.known]]`; the fix
//! inserts the configured `courtesy` title (safe: the house has said which
//! title the person takes) or, failing that, the title the story already
//! gave the person; with neither, there is no fix, since copydesk will not
//! guess someone's title. Mentions inside direct quotes pass (speakers say
//! `Blair`), and so does a surname that is part of a longer name.
//!
//! The opposite house rule (AP, Reuters: no courtesy titles) is a plain
//! substitution; see the presets.

use std::ops::Range;

use super::table::rule_table;
use super::KnownPerson;
use super::{in_quote, Rule};
use super::{HouseRule, Input, RuleError, Table};
use crate::document::{Document, MentionForm};
use crate::finding::{Edit, Finding, Fix, Safety, Severity};
use crate::text::{words_in, Word};

#[derive(Debug, Clone, PartialEq)]
pub struct Courtesy {
    /// Titles that count as courtesy titles, without a stop (`Mr`).
    pub titles: Vec<String>,
}

/// One person to check: the full name's range, later surname mentions,
/// and the title to insert.
struct Tracked {
    surname: String,
    first_full: Range<usize>,
    surname_mentions: Vec<Range<usize>>,
    courtesy: Option<String>,
}

impl Courtesy {
    /// The courtesy title right before `at`, if any (`Mr`, `Mr.`).
    fn title_before<'t>(&self, words: &[Word<'t>], index: usize) -> Option<&'t str> {
        let previous = words.get(index.checked_sub(1)?)?;
        let bare = previous.text.trim_end_matches('.');
        self.titles.iter().any(|t| t == bare).then_some(bare)
    }

    /// A courtesy title the story gives `surname` somewhere.
    fn title_given(&self, words: &[Word<'_>], surname: &str) -> Option<String> {
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.without_possessive() == surname)
            .find_map(|(i, _)| self.title_before(words, i).map(str::to_owned))
    }
}

/// People of `[[people.known]]` named in full in the story.
fn from_known_people(people: &[KnownPerson], words: &[Word<'_>]) -> Vec<Tracked> {
    let mut out = Vec::new();
    for person in people {
        let names: Vec<&str> = std::iter::once(person.name.as_str())
            .chain(person.aliases.iter().map(String::as_str))
            .collect();
        let full_mentions: Vec<Range<usize>> = names
            .iter()
            .flat_map(|name| find_name(words, name))
            .collect();
        let Some(first_full) = full_mentions.iter().min_by_key(|r| r.start).cloned() else {
            continue;
        };
        let Some(surname) = person.name.split_whitespace().last() else {
            continue;
        };
        let surname_mentions = words
            .iter()
            .filter(|w| w.without_possessive() == surname)
            .map(|w| w.start..w.start + surname.len())
            .filter(|r| {
                !full_mentions
                    .iter()
                    .any(|full| full.start <= r.start && r.end <= full.end)
            })
            .filter(|r| !part_of_longer_name(words, r))
            .collect();
        out.push(Tracked {
            surname: surname.to_owned(),
            first_full,
            surname_mentions,
            courtesy: person.courtesy.clone(),
        });
    }
    out
}

/// People the text model found, with their first full mention.
fn from_text_model(doc: &Document<'_>) -> Vec<Tracked> {
    let people = &doc.people;
    people
        .persons
        .iter()
        .filter_map(|person| {
            let mentions: Vec<_> = person
                .mentions
                .iter()
                .map(|&i| &people.mentions[i])
                .collect();
            let full = mentions.iter().find(|m| m.form == MentionForm::Full)?;
            let first_full = full.range.clone();
            let surname_mentions = mentions
                .iter()
                .filter(|m| m.form == MentionForm::Surname)
                .map(|m| m.surname.clone())
                .collect();
            Some(Tracked {
                surname: doc.text[full.surname.clone()].to_owned(),
                first_full,
                surname_mentions,
                courtesy: None,
            })
        })
        .collect()
}

/// Whole-word occurrences of the multi-word `name`.
fn find_name(words: &[Word<'_>], name: &str) -> Vec<Range<usize>> {
    let parts: Vec<&str> = name.split_whitespace().collect();
    if parts.is_empty() {
        return Vec::new();
    }
    words
        .windows(parts.len())
        .filter(|window| {
            window.iter().zip(&parts).enumerate().all(|(i, (w, p))| {
                if i + 1 == parts.len() {
                    w.without_possessive() == *p
                } else {
                    w.text == *p
                }
            })
        })
        .map(|window| window[0].start..window[parts.len() - 1].start + parts[parts.len() - 1].len())
        .collect()
}

/// Whether the word at `range` runs on from a capitalised word before it
/// (`Cherie Blair` is not a later reference to `Tony Blair`).
fn part_of_longer_name(words: &[Word<'_>], range: &Range<usize>) -> bool {
    let Some(index) = words.iter().position(|w| w.start == range.start) else {
        return false;
    };
    index > 0 && {
        let previous = &words[index - 1];
        previous.is_capitalized() && previous.end() + 1 == range.start
    }
}

/// Whether the surname at `range` is part of a firm's name joined by an
/// ampersand (`a partner at Vance & Mercer`, `Mercer & Vance LLP`): the
/// firm, not the person, takes no courtesy title.
fn in_firm_name(text: &str, range: &Range<usize>) -> bool {
    let after = text[range.end..].trim_start_matches([' ', '\u{a0}']);
    let before = text[..range.start].trim_end_matches([' ', '\u{a0}']);
    let capital_after_ampersand = after
        .strip_prefix('&')
        .map(|rest| rest.trim_start_matches([' ', '\u{a0}']))
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()));
    capital_after_ampersand || before.ends_with('&')
}

rule_table! {
    /// Later references to a person need a courtesy title.
    pub struct WireCourtesy {
        /// The titles that count (`Mr`, `Mrs`, `Ms`, `Dr`, `Sir` …).
        pub titles: Vec<String>,
    }
}

impl Table for Courtesy {
    type Wire = WireCourtesy;

    fn compile(table: &WireCourtesy) -> Result<Courtesy, RuleError> {
        if table.titles.is_empty() {
            return Err(RuleError::rule(
                "`titles` is empty: give the courtesy titles, such as \"Mr\" and \"Ms\"",
            ));
        }
        Ok(Courtesy {
            titles: table
                .titles
                .iter()
                .map(|t| t.trim_end_matches('.').to_owned())
                .collect(),
        })
    }
}

impl HouseRule for Courtesy {
    const NAME: &'static str = "courtesy";

    fn describe(&self) -> String {
        format!("later references need one of: {}", self.titles.join(", "))
    }

    fn run(&self, rule: &Rule, severity: Severity, input: &Input<'_>, out: &mut Vec<Finding>) {
        let (doc, people) = (input.doc, input.people);
        let words = words_in(&doc.prose, 0..doc.prose.len());
        let mut tracked = from_known_people(people, &words);
        tracked.extend(from_text_model(doc));
        let mut seen: Vec<Range<usize>> = Vec::new();
        for person in tracked {
            for mention in &person.surname_mentions {
                if mention.start < person.first_full.end
                    || seen.contains(mention)
                    || in_quote(doc, mention)
                    || in_firm_name(doc.text, mention)
                {
                    continue;
                }
                let Some(index) = words.iter().position(|w| w.start == mention.start) else {
                    continue;
                };
                if self.title_before(&words, index).is_some() {
                    continue;
                }
                seen.push(mention.clone());
                let surname = &doc.text[mention.clone()];
                let title = person
                    .courtesy
                    .clone()
                    .or_else(|| self.title_given(&words, &person.surname));
                let default = format!(
                    "a later reference takes a courtesy title: `Mr {surname}`, `Ms {surname}`"
                );
                let mut finding = rule.finding(
                    severity,
                    mention.clone(),
                    surname,
                    title.as_deref(),
                    default,
                );
                if let Some(title) = title {
                    finding.message =
                        format!("a later reference takes a courtesy title: `{title} {surname}`");
                    finding = finding.with_fix(Fix::new(
                        format!("write `{title} {surname}`"),
                        Safety::Safe,
                        vec![Edit {
                            range: mention.start..mention.start,
                            replacement: format!("{title} "),
                        }],
                    ));
                }
                out.push(finding.with_related(person.first_full.clone(), "first named here"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_fixes_to, config, findings, flagged};

    const RULE: &str = r#"
[courtesy.later-references]
titles = ["Mr", "Mrs", "Ms", "Dr"]

[[people.known]]
name = "Tony Blair"
courtesy = "Mr"

[[people.known]]
name = "Ruth Okafor"
"#;

    #[test]
    fn bare_later_references_are_flagged_with_the_configured_title() {
        let config = config(RULE);
        let text = "Tony Blair arrived on Monday. Blair said talks would go on. Mr Blair left.\n";
        let found = findings(&config, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code.as_str(), "style/later-references");
        assert_eq!(&text[found[0].range.clone()], "Blair");
        assert_eq!(found[0].range.start, text.find("Blair said").unwrap());
        assert_eq!(
            found[0].message,
            "a later reference takes a courtesy title: `Mr Blair`"
        );
        assert_eq!(found[0].related[0].range, 0..10);
        assert_fixes_to(
            &config,
            text,
            "Tony Blair arrived on Monday. Mr Blair said talks would go on. Mr Blair left.\n",
        );
    }

    #[test]
    fn without_a_known_title_the_story_title_is_used_or_no_fix() {
        let config = config(RULE);
        let text = "Ruth Okafor spoke. Dr Okafor left. Aides said Okafor returned.\n";
        assert_fixes_to(
            &config,
            text,
            "Ruth Okafor spoke. Dr Okafor left. Aides said Dr Okafor returned.\n",
        );
        let text = "Ruth Okafor spoke. Okafor left.\n";
        let found = findings(&config, text);
        assert_eq!(found[0].fix, None);
        assert_eq!(
            found[0].message,
            "a later reference takes a courtesy title: `Mr Okafor`, `Ms Okafor`"
        );
    }

    #[test]
    fn first_references_quotes_and_other_people_pass() {
        let config = config(RULE);
        let text = "Blair was mentioned before Tony Blair arrived. \"Blair is right,\" she said. \
                    Cherie Blair waved. Mr. Blair smiled.\n";
        assert_eq!(flagged(&config, text), []);
    }

    #[test]
    fn a_firm_named_after_the_person_takes_no_title() {
        let config = config(RULE);
        // The issue's case: the firm, not Ms Vance, is meant.
        let text = "Laura Vance founded the practice in 1998. Ruth Okafor, a partner at \
                    Vance & Mercer, said the case was weak. Mercer & Vance LLP declined to \
                    comment. Vance said nothing.\n";
        assert_eq!(
            flagged(&config, text),
            [("style/later-references".to_owned(), "Vance".to_owned())]
        );
        let found = findings(&config, text);
        assert_eq!(found[0].range.start, text.find("Vance said").unwrap());
        let text = "Laura Vance spoke. A lawyer at Mercer & Vance said so. Vance left.\n";
        let found = findings(&config, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].range.start, text.find("Vance left").unwrap());
    }
}
