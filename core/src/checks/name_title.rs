//! `name/title` — One person, two conflicting titles.
//!
//! A title names an office ([`crate::document::people::Office`]): a role,
//! its grade (`Deputy`, `assistant`) and its portfolio or department
//! (`Foreign`, `Treasury`, `Police`, `Sales`), written as a formal title
//! before the name (`Foreign Minister Ana Petrova`) or as a lowercase role
//! before it or in apposition after it (`Lena Brandt, the company's chief
//! medical officer,`). Two titles conflict
//! ([`crate::document::people::Title::conflicts_with`]) when they name the
//! same kind of office at two grades or with two portfolios, two offices of
//! government, two ranks, two executive offices not commonly held together,
//! or two offices of the law. Not conflicts: the same office written another
//! way (`Sen.`/`Senator`, `CEO`/`chief executive`, `Secretary`/`Secretary of
//! State`), offices of different kinds (`Sen.` and `Majority Leader`),
//! titles given together (`chairman and chief executive`), titles of
//! another time (`former`, `acting`, `then-`, `-elect`, `retired`), a change
//! of that office reported in a sentence naming the person between the two
//! (`was named chief executive`, `promoted to head coach`), courtesy titles,
//! honours, and descriptions (`a director`, `a Republican`). Each title of a
//! person that conflicts with an earlier one and names none of the person's
//! earlier offices is flagged, pointing back at the first it conflicts with.
//! So is a title that one person holds at a time (chair, chief executive,
//! governor, a named portfolio's director) given to someone known by
//! another office or named in full before, when the story has already given
//! that office at that place to another person named in full (`Chairman
//! Kenji Ashikaga` … `Chairman Tanabe` for the chief executive; `TSB chair
//! Kathleen Dorsey` … `TSB Chair Leclerc-Aubin`).
//! No fix: which title is right is a question for the reporter. The word
//! lists are in `crate::lexicon::titles`.

use std::ops::Range;

use crate::document::people::Title;
use crate::document::{Mention, MentionForm};
use crate::finding::Finding;
use crate::lexicon::CHANGE_CUES;

use super::{Check, CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "One person, two conflicting titles.",
    why: "A person given two offices in one story (`Foreign Minister` then `Defence Minister`, `Chief Executive` then `Chief Operating Officer`, `Detective` then `Sgt.`), or an office the story gives someone else (`Chairman Ashikaga` … `Chairman Tanabe`), is wrong at least once.",
    example: "Foreign Minister Ana Petrova … Defence Minister Petrova said",
    passes: "The same office written another way (`Sen.`/`Senator`, `CEO`/`chief executive`/`the company's chief executive`, `Secretary`/`Secretary of State`); offices of different kinds (`Sen.` and `Senate Majority Leader`, `Gen.` and `Director`); titles given together (`chairman and chief executive`); `former`, `acting`, `then-`, `-elect`, `retired` titles; a change of office the story reports near the name or the office (`was named chief executive`, `promoted to head coach`, `Petrova, appointed in May,`); one office held at two places (`Acme Chairman`, `Globex Chairman`) or by many (senators, directors); courtesy titles, honours and descriptions (`a director`, `a Republican`).",
};

pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let text = doc.text;
    // Every unambiguous mention with an office of now, by person.
    let titled: Vec<Vec<(&Mention, &Title)>> = (0..doc.people.persons.len())
        .map(|p| {
            doc.people
                .mentions_of(p)
                .filter(|m| !m.ambiguous)
                .filter_map(|m| Some((m, m.title_info.as_ref()?)))
                .filter(|(_, t)| !t.offices.is_empty() && !t.qualified)
                .collect()
        })
        .collect();
    for (p, titled_p) in titled.iter().enumerate() {
        for (i, &(m, title)) in titled_p.iter().enumerate() {
            let earlier = &titled_p[..i];
            // An office the person was given before, written again.
            if earlier.iter().any(|(_, t)| title.shares_office(t)) {
                continue;
            }
            // Two titles on bare surnames may belong to two people of one
            // family (`President Clinton`, `Secretary Clinton`): one of the
            // two must come with the full name.
            let full = |m: &Mention| m.form == MentionForm::Full;
            let conflict = earlier
                .iter()
                .find(|(e, t)| title.conflicts_with(t) && (full(e) || full(m)))
                .map(|&(first, first_title)| (first, first_title, false))
                .or_else(|| {
                    held_by_another(cx, &titled, p, m, title, !earlier.is_empty())
                        .map(|(first, first_title)| (first, first_title, true))
                });
            let Some((first, first_title, other)) = conflict else {
                continue;
            };
            if change_reported(
                cx,
                p,
                first.range.start.min(m.range.start)..m.range.end,
                title,
            ) {
                continue;
            }
            let paragraph = doc.paragraphs[first.paragraph].number;
            let message = if other {
                format!(
                    "‘{}’ — ‘{}’ is {}’s title in paragraph {paragraph}",
                    written(text, m),
                    &text[first_title.range.clone()],
                    &text[first.range.clone()],
                )
            } else {
                format!(
                    "‘{}’ — called ‘{}’ in paragraph {paragraph}",
                    written(text, m),
                    &text[first_title.range.clone()],
                )
            };
            out.push(
                Finding::new(Check::NameTitle, title.range.clone(), message).with_related(
                    first_title.range.clone(),
                    format!("titled ‘{}’ here", written(text, first)),
                ),
            );
        }
    }
}

/// The earlier mention of another person, named in full, that holds the
/// office `title` gives person `p` at `m`, when one person holds it at a
/// time ([`Title::single_holder`]) and the two titles apply at one place:
/// `Chairman Kenji Ashikaga` … `Chairman Tanabe` for the chief executive;
/// `TSB chair Kathleen Dorsey` … `TSB Chair Leclerc-Aubin` for the
/// investigator. When `p` had no office before, both titles must name the
/// place (`TSB`), since two organisations of one story each have a chair.
fn held_by_another<'d>(
    cx: &Context<'d>,
    titled: &[Vec<(&'d Mention, &'d Title)>],
    p: usize,
    m: &Mention,
    title: &Title,
    had_office: bool,
) -> Option<(&'d Mention, &'d Title)> {
    if !title.single_holder() {
        return None;
    }
    let text = cx.doc.text;
    let places = title.places(text);
    // Named before, so the title is a later reference to a known person.
    let known = cx
        .doc
        .people
        .mentions_of(p)
        .any(|e| e.range.start < m.range.start && e.form == MentionForm::Full);
    if !known {
        return None;
    }
    titled
        .iter()
        .enumerate()
        .filter(|&(q, _)| q != p)
        .flat_map(|(_, ms)| ms.iter().copied())
        .filter(|(o, t)| {
            o.form == MentionForm::Full
                && o.range.start < m.range.start
                && t.shares_office(title)
                && t.single_holder()
        })
        .find(|(_, t)| {
            let theirs = t.places(text);
            if had_office {
                places.is_empty() || theirs.is_empty() || places == theirs
            } else {
                !places.is_empty() && places == theirs
            }
        })
}

/// Whether a sentence that names person `p` within `span` (from the first
/// title to the second) reports a change to the office of `title` (`was
/// named chief executive`, `promoted to head coach`, `now the defence
/// minister`, `Petrova, appointed in May,`): then the two titles are of two
/// times. The cue must lead to the office (a few words before a word of it)
/// or follow the name closely: a cue elsewhere in the sentence speaks of
/// something else (`until the new council is sworn in`, `if elected
/// president`, for a governor).
fn change_reported(cx: &Context<'_>, p: usize, span: Range<usize>, title: &Title) -> bool {
    let office: Vec<&str> = title.office_words().collect();
    let doc = cx.doc;
    doc.people
        .mentions_of(p)
        .filter(|m| span.contains(&m.range.start))
        .any(|m| {
            doc.paragraphs[m.paragraph]
                .sentences
                .iter()
                .filter(|s| s.start <= m.range.start && m.range.start < s.end)
                .any(|s| {
                    // (folded word, byte offset) of each word of the sentence.
                    let sentence = &doc.text[s.clone()];
                    let words: Vec<(String, usize)> = sentence
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(|w| {
                            let at = s.start + (w.as_ptr() as usize - sentence.as_ptr() as usize);
                            (crate::text::fold(w), at)
                        })
                        .collect();
                    let after_name = words.iter().position(|(_, at)| *at >= m.range.end);
                    words.iter().enumerate().any(|(i, (w, _))| {
                        CHANGE_CUES.contains(w)
                            && (words[i + 1..]
                                .iter()
                                .take(CUE_REACH)
                                .any(|(o, _)| office.contains(&o.as_str()))
                                || after_name.is_some_and(|a| (a..a + CUE_REACH).contains(&i)))
                    })
                })
        })
}

/// How many words a change cue may stand from the office it changes (`was
/// appointed as the company's new chief executive`) or from the name.
const CUE_REACH: usize = 5;

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

    #[test]
    fn two_portfolios_of_one_kind_of_office_conflict() {
        for (text, flag) in [
            (
                "Foreign Minister Ana Petrova arrived on Monday.\n\
                 Defence Minister Petrova said the talks went well.\n",
                "Defence Minister",
            ),
            (
                "Treasury Secretary Janet Moller spoke.\nSecretary of State Moller said no.\n",
                "Secretary of State",
            ),
            (
                "Police Chief Ray Castillo spoke.\nFire Chief Castillo said the road was shut.\n",
                "Fire Chief",
            ),
        ] {
            assert_eq!(flagged(CHECK, text), [flag], "{text}");
        }
    }

    #[test]
    fn two_offices_of_the_law_conflict() {
        assert_eq!(
            flagged(
                CHECK,
                "Chief Prosecutor Elena Sosa filed charges.\nAttorney General Sosa said more would follow.\n"
            ),
            ["Attorney General"]
        );
    }

    #[test]
    fn two_executive_offices_conflict() {
        assert_eq!(
            flagged(
                CHECK,
                "Chief Executive Omar Haddad spoke.\nChief Operating Officer Haddad said costs rose.\n"
            ),
            ["Chief Operating Officer"]
        );
    }

    #[test]
    fn a_lowercase_role_after_the_name_conflicts_with_another_office() {
        let text = "Lena Brandt, the company's chief medical officer, presented the data.\n\
                    Chief Executive Brandt said the trial would go on.\n";
        let found = findings(CHECK, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "Chief Executive");
        assert_eq!(
            &text[found[0].related[0].range.clone()],
            "the company's chief medical officer"
        );
    }

    #[test]
    fn grades_and_ranks_conflict() {
        assert_eq!(
            flagged(
                CHECK,
                "Head coach Mia Torres spoke on Monday.\nAssistant coach Torres said the team was ready.\n"
            ),
            ["Assistant coach"]
        );
        assert_eq!(
            flagged(
                CHECK,
                "Detective Aaron Vell made the arrest.\nSgt. Vell said two men were held.\n"
            ),
            ["Sgt."]
        );
    }

    #[test]
    fn one_office_written_two_ways_is_not_a_conflict() {
        assert_clean(
            CHECK,
            "Chief Executive Omar Haddad spoke.\nCEO Haddad said sales rose.\n\
             Lena Brandt, the bank's chief executive, agreed. Chief Executive Brandt said so.\n\
             Detective Sgt. Aaron Vell spoke. Sgt. Vell said so.\n\
             Defense Secretary Tom Ruiz spoke. Defence Secretary Ruiz agreed.\n\
             Trade and Industry Secretary Ann Cole spoke. Trade Secretary Cole agreed.\n",
        );
    }

    #[test]
    fn nested_offices_and_offices_given_together_are_not_conflicts() {
        assert_clean(
            CHECK,
            "Sen. Mitch Harlan spoke.\nSenate Majority Leader Harlan said the vote would wait.\n\
             Chairman and Chief Executive Ines Vorn spoke. Chief Executive Vorn said so.\n\
             President and Chief Executive Paul Ekberg spoke. President Ekberg said so.\n",
        );
    }

    #[test]
    fn another_time_or_a_reported_change_is_not_a_conflict() {
        assert_clean(
            CHECK,
            "Former Foreign Minister Ana Petrova spoke.\nDefence Minister Petrova said so.\n\
             Acting Police Chief Ray Castillo spoke. Fire Chief Castillo agreed.\n\
             Lena Brandt, the company's former chief medical officer, spoke. Chief Executive Brandt agreed.\n",
        );
        assert_clean(
            CHECK,
            "Chief Operating Officer Omar Haddad spoke.\n\
             Haddad was named chief executive in March.\nChief Executive Haddad said so.\n",
        );
        assert_clean(
            CHECK,
            "Assistant coach Mia Torres spoke.\nTorres, promoted to head coach last week, said so.\n\
             Coach Torres said the team was ready.\n",
        );
        assert_clean(
            CHECK,
            "Health Minister Ana Petrova spoke.\nDefence Minister Petrova, appointed on Monday, said so.\n",
        );
    }

    #[test]
    fn a_cue_about_something_else_does_not_excuse_a_conflict() {
        let text = "Housing Minister Ines Coelho Matos spoke on Sunday.\n\
                    Infrastructure Minister Matos said talks would wait until the new council is sworn in.\n";
        assert_eq!(flagged(CHECK, text), ["Infrastructure Minister"]);
    }

    #[test]
    fn an_office_the_story_gives_to_someone_else_conflicts() {
        let text = "Chief Executive Hiro Tanabe resigned.\nChairman Kenji Ashikaga spoke.\n\
                    Chairman Tanabe will forfeit his bonus.\n";
        let found = findings(CHECK, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "Chairman");
        assert!(found[0].range.start > 60);
        assert_eq!(
            found[0].message,
            "‘Chairman Tanabe’ — ‘Chairman’ is Kenji Ashikaga’s title in paragraph 2"
        );
        assert_eq!(
            flagged(
                CHECK,
                "TSB chair Kathleen Dorsey spoke.\nThe investigator, Martine Leclerc, spoke.\n\
                 TSB Chair Leclerc said the report was due.\n"
            ),
            ["TSB Chair"]
        );
    }

    #[test]
    fn an_office_held_at_two_places_or_by_many_is_no_conflict() {
        // Two companies each have a chair; senators and directors are many.
        assert_clean(
            CHECK,
            "Acme Chairman Kenji Ashikaga spoke.\nMaria Lopez, a lawyer, spoke.\n\
             Globex Chairman Lopez said so.\n",
        );
        assert_clean(
            CHECK,
            "Chairman Kenji Ashikaga spoke.\nMaria Lopez, a lawyer, spoke.\nChairman Lopez said so.\n",
        );
        assert_clean(
            CHECK,
            "Sen. Ted Cruz spoke.\nJohn Cornyn, a lawyer, spoke.\nSen. Cornyn said so.\n\
             Director Ana Ruiz spoke. Mia Lind, an analyst, spoke. Director Lind agreed.\n",
        );
        assert_clean(
            CHECK,
            "Chief Executive Hiro Tanabe resigned.\nChairman Kenji Ashikaga spoke.\n\
             Tanabe was named chairman in March.\nChairman Tanabe said so.\n",
        );
    }

    #[test]
    fn house_titles_name_offices() {
        // `Provost` is no built-in title: only the house's list makes it an
        // office, which a grade then tells apart.
        let text = "Provost Orla Dunne spoke.\nThe vote passed.\n\
                    Deputy Provost Dunne said so.\n";
        let house = |titles: &[&str]| {
            let mut config = crate::Config::default();
            config.titles = titles.iter().map(|t| (*t).to_owned()).collect();
            crate::check(text, crate::DocKind::Plain, &config)
                .into_iter()
                .filter(|f| f.check() == CHECK)
                .map(|f| text[f.range.clone()].to_owned())
                .collect::<Vec<_>>()
        };
        assert!(house(&[]).is_empty());
        assert_eq!(house(&["Provost"]), ["Deputy Provost"]);
        let provost = ["Provost".to_owned()];
        let lexicon = crate::document::House {
            titles: &provost,
            ..Default::default()
        };
        let doc = crate::Document::parse_house(text, crate::DocKind::Plain, &lexicon);
        let title = doc.people.mentions[0].title_info.as_ref().unwrap();
        assert_eq!(title.offices[0].key, "provost");
    }

    #[test]
    fn descriptions_that_are_no_office_do_not_conflict() {
        assert_clean(
            CHECK,
            "Lena Brandt, a director of the bank, spoke.\nChief Executive Brandt said so.\n\
             Shadow Health Secretary Tom Ruiz spoke. Education Secretary Ruiz agreed.\n\
             Chancellor Gordon Blake spoke. He would make a prime minister Gordon Blake could be proud of.\n",
        );
    }
}
