//! Known people: the house spelling of a name, from `[[people.known]]`.
//!
//! ```toml
//! [[people.known]]
//! name = "Antony Blinken"
//! aliases = ["Anthony Blinken"]
//! title = "Secretary of State"
//! ```
//!
//! Every whole-word use of an alias is reported as `name/spelling`, even
//! when the story never uses the house spelling (the core check only sees
//! two spellings that are both in the story). The fix rewrites the alias
//! to the house spelling, or to its surname when the alias is a single
//! word (`Blinkin` → `Blinken`); it is safe, since the house has said how
//! the name is spelled. Aliases inside quotes are flagged too: a name is
//! spelled the same whoever says it.
//!
//! This is a separate pass from the core `name/spelling` check (whose
//! logic lives with the other name checks); it runs whenever that check is
//! on, at its severity, and a core finding on the same text gives way to
//! this one, whose fix knows the house spelling.

use std::ops::Range;

use super::whole_words;
use crate::codes::Check;
use crate::document::Document;
use crate::finding::{Edit, Finding, Fix, Safety, Severity};

/// A person the house spells one way (`[[people.known]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPerson {
    /// The house spelling: `Antony Blinken`.
    pub name: String,
    /// Spellings rewritten to `name`.
    pub aliases: Vec<String>,
    /// Title of office: `Secretary of State`.
    pub title: Option<String>,
    /// Courtesy title for later references, where the house uses them.
    pub courtesy: Option<String>,
}

/// Respell every alias of `people` in `doc` as `name/spelling` at
/// `severity`, replacing a core finding on the same text.
pub fn run(doc: &Document<'_>, people: &[KnownPerson], severity: Severity, out: &mut Vec<Finding>) {
    let prose = doc.prose.as_str();
    let mut found: Vec<Finding> = Vec::new();
    for person in people {
        let surname = person
            .name
            .split_whitespace()
            .last()
            .unwrap_or(&person.name);
        for alias in &person.aliases {
            let replacement = if alias.split_whitespace().count() == 1 {
                surname
            } else {
                person.name.as_str()
            };
            for (at, _) in prose.match_indices(alias.as_str()) {
                let range: Range<usize> = at..at + alias.len();
                if !whole_words(prose, &range) {
                    continue;
                }
                let fix = Fix::new(
                    format!("write `{replacement}`"),
                    Safety::Safe,
                    vec![Edit {
                        range: range.clone(),
                        replacement: replacement.to_owned(),
                    }],
                );
                let message =
                    format!("`{alias}` is spelled `{replacement}` (house list of people)");
                let mut finding = Finding::new(Check::NameSpelling, range, message).with_fix(fix);
                finding.severity = severity;
                found.push(finding);
            }
        }
    }
    if found.is_empty() {
        return;
    }
    out.retain(|f| {
        f.check() != Check::NameSpelling
            || !found
                .iter()
                .any(|k| k.range.start < f.range.end && f.range.start < k.range.end)
    });
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::config;
    use crate::{check, Check, DocKind, Severity};

    const PEOPLE: &str = r#"
[checks]
"name/spelling" = "error"

[[people.known]]
name = "Antony Blinken"
aliases = ["Anthony Blinken", "Blinkin"]
title = "Secretary of State"
"#;

    #[test]
    fn an_alias_alone_is_flagged_with_a_fix_to_the_house_spelling() {
        let config = config(PEOPLE);
        let text = "Anthony Blinken flew to Doha. \"We are close,\" Blinkin said.\n";
        let found: Vec<_> = check(text, DocKind::Plain, &config)
            .into_iter()
            .filter(|f| f.check() == Check::NameSpelling)
            .collect();
        let got: Vec<(&str, &str, Severity)> = found
            .iter()
            .map(|f| (&text[f.range.clone()], f.message.as_str(), f.severity))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Anthony Blinken",
                    "`Anthony Blinken` is spelled `Antony Blinken` (house list of people)",
                    Severity::Error
                ),
                (
                    "Blinkin",
                    "`Blinkin` is spelled `Blinken` (house list of people)",
                    Severity::Error
                ),
            ]
        );
        let mut fixed = text.to_owned();
        for f in found.iter().rev() {
            fixed = f.fix.as_ref().unwrap().apply(&fixed);
        }
        assert_eq!(
            fixed,
            "Antony Blinken flew to Doha. \"We are close,\" Blinken said.\n"
        );
        let again = check(&fixed, DocKind::Plain, &config);
        assert!(
            again.iter().all(|f| f.check() != Check::NameSpelling),
            "{again:?}"
        );
    }

    #[test]
    fn off_with_the_check_and_quiet_without_aliases() {
        let mut config = config(PEOPLE);
        let text = "Anthony Blinken flew to Doha.\n";
        config.set_severity(Check::NameSpelling, None);
        assert!(check(text, DocKind::Plain, &config).is_empty());
        assert!(check(
            "Antony Blinken flew to Doha. Anthonyx Blinken.\n",
            DocKind::Plain,
            &super::super::test_support::config(PEOPLE)
        )
        .iter()
        .all(|f| f.check() != Check::NameSpelling));
    }
}
