//! People built by hand for the hover and symbol tests, so the wording is
//! tested apart from the names analysis. The only place that spells the
//! core's `Mention` and `Person` literals.

use std::ops::Range;

use copydesk_core::document::{Mention, MentionForm, People, Person};

/// A mention: the name's range, its form, its title's range, its paragraph.
pub type MentionAt = (Range<usize>, MentionForm, Option<Range<usize>>, usize);

/// One person mentioned at each of `mentions`.
pub fn one_person(text: &str, mentions: &[MentionAt]) -> People {
    let mentions: Vec<Mention> = mentions
        .iter()
        .map(|(range, form, title, paragraph)| {
            let last_word = text[range.clone()].rfind(' ').map_or(0, |i| i + 1);
            Mention {
                range: range.clone(),
                surname: range.start + last_word..range.end,
                form: *form,
                title: title.clone(),
                paragraph: *paragraph,
                person: 0,
                given: None,
                title_info: None,
                evidence: Default::default(),
                complete: false,
                ambiguous: false,
            }
        })
        .collect();
    let full = mentions.iter().position(|m| m.form == MentionForm::Full);
    let shown = mentions.get(full.unwrap_or(0));
    People {
        persons: vec![Person {
            mentions: (0..mentions.len()).collect(),
            name: shown.map_or(String::new(), |m| text[m.range.clone()].to_owned()),
            full,
            surname_key: shown.map_or(String::new(), |m| {
                copydesk_core::text::fold(&text[m.surname.clone()])
            }),
        }],
        mentions,
    }
}
