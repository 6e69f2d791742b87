//! `name/title` — One person, two conflicting titles.
//!
//! Only formal titles written before the name count (`Prime Minister
//! Benjamin Netanyahu`, `Sen. Cruz`), and only when neither describes another
//! time (`former`, `acting`, `then-`, `-elect`, `retired`). Two titles
//! conflict when they name different offices one person cannot hold at once
//! ([`crate::document::people::Title::conflicts_with`]): two offices of
//! government or two military ranks. The same office written another way
//! (`Sen.`/`Senator`, `US President`/`President`, `Secretary of
//! State`/`Secretary`), courtesy titles (`Mr`), honours and lowercase roles
//! (`the company's chief executive`) never conflict. The first formal title
//! of a person is the reference; each later one that conflicts with it is
//! flagged, pointing back at it. No fix: which title is right is a question
//! for the reporter.

use crate::document::people::TitleClass;
use crate::document::{Mention, MentionForm};
use crate::finding::Finding;

use super::{Check, CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "One person, two conflicting titles.",
    why: "A person given two titles in one story (`Prime Minister` then `President`) is wrong at least once.",
    example: "Prime Minister Benjamin Netanyahu … President Netanyahu said",
    passes: "`former`, `acting`, `then-` titles; the same title written another way (`Sen.`/`Senator`, a formal title before the name and a lowercase one after it).",
};

pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let text = doc.text;
    for (p, _) in doc.people.persons.iter().enumerate() {
        let mut titled = doc.people.mentions_of(p).filter(|m| {
            !m.ambiguous
                && m.title_info
                    .as_ref()
                    .is_some_and(|t| t.class == TitleClass::Office && !t.qualified)
        });
        let Some(first) = titled.next() else {
            continue;
        };
        let Some(first_title) = first.title_info.as_ref() else {
            continue;
        };
        for m in titled {
            let Some(title) = m.title_info.as_ref() else {
                continue;
            };
            // Two titles on bare surnames may belong to two people of one
            // family (`President Clinton`, `Secretary Clinton`): one of the
            // two must come with the full name.
            let full = |m: &Mention| m.form == MentionForm::Full;
            if !title.conflicts_with(first_title) || !(full(first) || full(m)) {
                continue;
            }
            let paragraph = doc.paragraphs[first.paragraph].number;
            out.push(
                Finding::new(
                    Check::NameTitle,
                    title.range.clone(),
                    format!(
                        "‘{}’ — called ‘{}’ in paragraph {paragraph}",
                        written(text, m),
                        &text[first_title.range.clone()],
                    ),
                )
                .with_related(
                    first_title.range.clone(),
                    format!("titled ‘{}’ here", written(text, first)),
                ),
            );
        }
    }
}

fn written<'t>(text: &'t str, m: &Mention) -> &'t str {
    &text[m.titled_range()]
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_clean, findings, flagged};
    use crate::checks::Check;

    const CHECK: Check = Check::NameTitle;

    #[test]
    fn a_later_conflicting_title_is_flagged() {
        let text = "Prime Minister Benjamin Netanyahu met envoys on Monday.\n\
                    Netanyahu said the talks would go on.\n\
                    President Netanyahu later left for Washington.\n";
        let found = findings(CHECK, text);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(&text[f.range.clone()], "President");
        assert_eq!(
            f.message,
            "‘President Netanyahu’ — called ‘Prime Minister’ in paragraph 1"
        );
        assert_eq!(&text[f.related[0].range.clone()], "Prime Minister");
        assert!(f.fix.is_none());
    }

    #[test]
    fn the_same_title_written_another_way_is_not_a_conflict() {
        assert_clean(
            CHECK,
            "Senator Ted Cruz spoke.\nSen. Cruz said he agreed.\n\
             Gov. Greg Abbott replied. Governor Abbott said no.\n\
             US Secretary of State Antony Blinken arrived. Secretary Blinken said so.\n\
             US President Joe Biden called. President Biden said yes.\n",
        );
    }

    #[test]
    fn former_acting_and_then_titles_are_not_conflicts() {
        assert_clean(
            CHECK,
            "Former President Barack Obama spoke.\nSenator Obama had said so in 2006.\n\
             Acting Governor Kathy Hochul spoke. Lieutenant Governor Hochul agreed.\n\
             Then-Sen. Hillary Clinton voted. President-elect Clinton did not.\n",
        );
    }

    #[test]
    fn courtesy_titles_and_lowercase_roles_never_conflict() {
        assert_clean(
            CHECK,
            "Prime Minister Tony Blair spoke.\nMr Blair said he would stay.\n\
             Jane Doe, the company's chief executive, spoke. Chairwoman Doe agreed.\n\
             Dr Sarah Wollaston, a Conservative member, spoke. Dr Wollaston said no.\n",
        );
    }

    #[test]
    fn offices_a_person_holds_together_do_not_conflict() {
        assert_clean(
            CHECK,
            "Sen. Mitch McConnell spoke.\nMajority Leader McConnell said the vote would wait.\n\
             Gen. David Petraeus testified. Director Petraeus said so.\n",
        );
    }

    #[test]
    fn two_people_sharing_a_surname_keep_their_own_titles() {
        assert_clean(
            CHECK,
            "President Joe Biden spoke.\nSenator Hunter Biden was not there.\n",
        );
    }

    #[test]
    fn military_ranks_conflict() {
        assert_eq!(
            flagged(
                CHECK,
                "Gen. Mark Milley spoke on Monday.\nCol. Milley said the plan was ready.\n"
            ),
            ["Col."]
        );
    }

    #[test]
    fn titles_on_bare_surnames_of_one_family_are_not_compared() {
        assert_clean(
            CHECK,
            "Hillary Clinton spoke.\nUnder President Clinton she was first lady.\nSecretary Clinton said so.\n",
        );
    }

    #[test]
    fn a_deputy_office_conflicts_with_the_office() {
        assert_eq!(
            flagged(
                CHECK,
                "Deputy Prime Minister John Prescott spoke.\nPrime Minister Prescott said no.\n"
            ),
            ["Prime Minister"]
        );
    }

    #[test]
    fn companies_named_like_titles_are_not_titles() {
        assert_clean(
            CHECK,
            "General Electric grew.\nPresident Jeff Immelt said so.\n",
        );
    }
}
