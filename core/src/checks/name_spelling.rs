//! `name/spelling` — One person, two spellings.
//!
//! The text model already joins a name that evidently misspells a person of
//! the story to that person (same surname and a given name one or two
//! letters off or written another way, `Jon`/`John`, `Stefan`/`Stephan`,
//! `Yuko`/`Yoko` for the one Morimoto of the story; or a surname one or two
//! letters off or romanised another way, `Kovalyov`/`Kovalev`, or one
//! letter longer with the same given name and office, `Mayor Dana
//! Whitcomb`/`Whitcombe`; see [`crate::document::people`]), and keeps two
//! different given names apart as two people (`Lukas`, `Jonas Berger`). This check compares the written forms of each person's mentions:
//! the surname word of every mention and the first given name of every full
//! mention. The form most mentions use is taken as right (the first one on a
//! tie); every mention written otherwise is flagged, pointing at the first
//! mention with the right form, with a safe fix that respells it. A
//! difference of diacritics or capitals only (`José`/`Jose`) is a spelling
//! conflict too. The fix is withheld (the finding stays) when bare
//! surnames the story shares between two people could outvote the usual
//! form: which person they fall to can change with the respelling, and a
//! fix must never be undone by the next run's.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::document::people::near_surname;
use crate::document::{Mention, MentionForm};
use crate::finding::{Edit, Finding, Fix, Safety};
use crate::text::fold;

use super::{Check, CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "One person, two spellings.",
    why: "A misspelled name is the correction a newsroom most dreads; a story that spells one person two ways is wrong at least once.",
    example: "Antony Blinken said … Anthony Blinken added …",
    passes: "Two different people who share a surname (`Joe Biden`, `Hunter Biden`); different given names are different people (`Lukas`/`Jonas Berger`, `Mark`/`Mike`), as are two near names in one paragraph (`Dana Kerr and Dina Kerr`) and near surnames with other given names (`Ana Morales Vidal`, `Pedro Moralez Soto`); naming traditions (`Ruiz Ocampo` for `Valentina Ruiz Ocampo`, `Von Aschenbach` opening a sentence).",
};

pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let text = doc.text;
    let people = &doc.people;
    for p in 0..people.persons.len() {
        let person = &people.persons[p];
        // Mentions found by another key (`Mr Park` for `Park Seung`) are
        // not spellings of the surname.
        let mentions: Vec<&Mention> = people
            .mentions_of(p)
            .filter(|m| !m.ambiguous)
            .filter(|m| {
                let key = fold(&text[m.surname_word(text)]);
                key == person.surname_key || near_surname(&person.surname_key, &key)
            })
            .collect();
        if mentions.len() < 2 {
            continue;
        }
        // Bare surnames the story shares between people are left out of the
        // count, and which of them fall to this person can change with a
        // spelling; so a fix is offered only when they could not outvote
        // the usual form. Otherwise fixing would move them and the next run
        // would respell it back.
        let shared = people
            .mentions_of(p)
            .filter(|m| m.ambiguous)
            .filter(|m| {
                let key = fold(&text[m.surname_word(text)]);
                key == person.surname_key || near_surname(&person.surname_key, &key)
            })
            .count();
        let surnames = Forms::of(
            mentions
                .iter()
                .map(|m| Some(m.surname_word(text)))
                .collect(),
            text,
        );
        let givens = Forms::of(
            mentions
                .iter()
                .map(|m| {
                    m.given
                        .clone()
                        .filter(|_| m.form == MentionForm::Full)
                        .filter(|g| !is_initial(&text[g.clone()]))
                })
                .collect(),
            text,
        );
        for (k, m) in mentions.iter().enumerate() {
            // Each part written otherwise than the person's usual form:
            // (its range, the right form, the mention that has it).
            let wrong: Vec<(Range<usize>, &str, usize)> = [&givens, &surnames]
                .into_iter()
                .filter_map(|forms| forms.wrong_at(k, text))
                .collect();
            let Some(&(_, _, witness)) = wrong.first() else {
                continue;
            };
            let witness = mentions[witness];
            let written = &text[m.range.clone()];
            let mut respelled = written.to_owned();
            for (range, right, _) in wrong.iter().rev() {
                let local = range.start - m.range.start..range.end - m.range.start;
                respelled.replace_range(local, right);
            }
            let paragraph = doc.paragraphs[witness.paragraph].number;
            let edits = wrong
                .iter()
                .map(|(range, right, _)| Edit {
                    range: range.clone(),
                    replacement: (*right).to_owned(),
                })
                .collect();
            let finding = Finding::new(
                Check::NameSpelling,
                m.range.clone(),
                format!("‘{written}’ — spelled ‘{respelled}’ in paragraph {paragraph}"),
            )
            .with_related(
                witness.range.clone(),
                format!("spelled ‘{}’ here", &text[witness.range.clone()]),
            );
            let settled = [&givens, &surnames].into_iter().all(|forms| {
                shared == 0 || forms.wrong_at(k, text).is_none() || forms.lead > shared
            });
            out.push(if settled {
                finding.with_fix(Fix::new(
                    format!("Respell as ‘{respelled}’"),
                    Safety::Safe,
                    edits,
                ))
            } else {
                finding
            });
        }
    }
}

/// The written forms of one part of a person's name across its mentions.
struct Forms {
    /// Per mention: the part's range, if the mention has the part.
    parts: Vec<Option<Range<usize>>>,
    /// The usual form and the first mention that has it.
    usual: Option<(String, usize)>,
    /// How many more mentions have the usual form than the next most used
    /// (all of them when there is no other).
    lead: usize,
}

impl Forms {
    fn of(parts: Vec<Option<Range<usize>>>, text: &str) -> Forms {
        // Count each exact form; the most used wins, the earliest on a tie.
        let mut counts: HashMap<String, (usize, usize)> = HashMap::default();
        for (k, part) in parts.iter().enumerate() {
            if let Some(r) = part {
                let form = text[r.clone()].replace(['’', 'ʼ'], "'");
                let entry = counts.entry(form).or_insert((0, k));
                entry.0 += 1;
            }
        }
        let mut ranked: Vec<(usize, usize)> = counts.into_values().collect();
        ranked.sort_by_key(|&(count, first)| (std::cmp::Reverse(count), first));
        let lead = match ranked.as_slice() {
            [(top, _), (next, _), ..] => top - next,
            [(top, _)] => *top,
            [] => 0,
        };
        let usual = ranked.first().map(|&(_, first)| {
            let written = parts[first]
                .clone()
                .map_or(String::new(), |r| text[r].to_owned());
            (written, first)
        });
        Forms { parts, usual, lead }
    }

    /// The part of mention `k` when it is not written in the usual form.
    fn wrong_at<'f>(&'f self, k: usize, text: &str) -> Option<(Range<usize>, &'f str, usize)> {
        let range = self.parts[k].clone()?;
        let (usual, first) = self.usual.as_ref()?;
        (!same_form(&text[range.clone()], usual)).then_some((range, usual.as_str(), *first))
    }
}

/// Two forms are one spelling when they differ only by the apostrophe
/// character (`O’Neill`/`O'Neill`): a typographic choice, not a spelling.
fn same_form(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if crate::text::is_apostrophe(c) {
                    '\''
                } else {
                    c
                }
            })
            .collect()
    };
    norm(a) == norm(b)
}

fn is_initial(given: &str) -> bool {
    given.chars().filter(|c| c.is_alphabetic()).count() <= 1 || given.ends_with('.')
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_clean, findings, flagged};
    use crate::checks::Check;
    use crate::config::Config;
    use crate::document::DocKind;
    use crate::finding::{Edit, Fix, Safety};
    use crate::Session;

    const CHECK: Check = Check::NameSpelling;

    #[test]
    fn a_misspelled_given_name_is_flagged_with_a_fix() {
        let text = "US Secretary of State Antony Blinken arrived on Friday.\n\
                    Blinken met officials.\n\
                    Anthony Blinken said talks would go on.\n";
        let found = findings(CHECK, text);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(&text[f.range.clone()], "Anthony Blinken");
        assert_eq!(
            f.message,
            "‘Anthony Blinken’ — spelled ‘Antony Blinken’ in paragraph 1"
        );
        assert_eq!(&text[f.related[0].range.clone()], "Antony Blinken");
        let fixed = f.fix.as_ref().unwrap().apply(text);
        assert!(fixed.contains("\nAntony Blinken said talks"));
        assert_clean(CHECK, &fixed);
    }

    #[test]
    fn a_misspelled_surname_reference_is_flagged() {
        let text = "Prime Minister Benjamin Netanyahu spoke on Monday.\n\
                    Netanyahu said the war would go on.\n\
                    Critics said Netanyahou told them nothing.\n";
        let found = findings(CHECK, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "Netanyahou");
        assert_eq!(
            found[0].message,
            "‘Netanyahou’ — spelled ‘Netanyahu’ in paragraph 1"
        );
        assert_clean(CHECK, &found[0].fix.as_ref().unwrap().apply(text));
    }

    #[test]
    fn the_rarer_form_is_flagged_even_when_it_comes_first() {
        let text = "Ukrainian President Volodymyr Zelenskiy spoke.\n\
                    Zelensky said the front held.\n\
                    Zelensky later met troops, and Zelensky's aides agreed.\n";
        assert_eq!(flagged(CHECK, text), ["Volodymyr Zelenskiy"]);
    }

    #[test]
    fn a_diacritic_only_difference_is_a_conflict() {
        let text = "Coach José Mourinho arrived on Monday.\n\
                    Jose Mourinho said he was pleased.\n";
        let found = findings(CHECK, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "Jose Mourinho");
        assert_eq!(
            found[0].fix.as_ref().unwrap().apply(text),
            text.replace("Jose Mourinho", "José Mourinho")
        );
    }

    #[test]
    fn two_people_sharing_a_surname_are_not_a_conflict() {
        assert_clean(
            CHECK,
            "President Joe Biden spoke.\nHis son Hunter Biden listened.\nJill Biden smiled.\n",
        );
    }

    #[test]
    fn nicknames_and_feminine_forms_are_different_people() {
        assert_clean(
            CHECK,
            "Bill Clinton spoke.\nWilliam Clinton listened.\nLouis Martin and Louise Martin met.\n",
        );
    }

    #[test]
    fn similar_surnames_of_people_named_in_full_are_different_people() {
        assert_clean(
            CHECK,
            "Gordon Brown met Des Browne on Monday.\nMr Brown said Mr Browne agreed.\n",
        );
    }

    #[test]
    fn particles_initials_and_possessives_are_not_spellings() {
        assert_clean(
            CHECK,
            "President Bashar al-Assad spoke. Assad's aides said Assad would stay.\n\
             George W. Bush met George Bush supporters. Bush said so.\n\
             Mayor Bill de Blasio spoke. De Blasio said de Blasio's plan works.\n",
        );
    }

    #[test]
    fn slips_of_people_the_lexicon_does_not_know_are_flagged() {
        // Given names the lexicon does not know: the person is found by a
        // role before the name, by the surname used alone again, or by a
        // relative clause after a surname that opens a sentence.
        for (text, slip) in [
            (
                "\"We are closing that gap,\" the board's acting chief executive, Ebenezer \
                 Owusu-Ansah, told reporters.\nPrices rose.\nOwusu-Ansa said loans were secured.\n",
                "Owusu-Ansa",
            ),
            (
                "In the draw, Argentina's Mateo Ibarguren beat Lars Holm. The seeded Ibarguren \
                 broke serve.\nIbargurren will play Sindre Aalvik.\nAalvik called Ibarguren annoying.\n",
                "Ibargurren",
            ),
            (
                "Red Bull's Haruto Sakamoto was third.\nSakamoto, who started 11th, gained six \
                 places.\nSakomoto, 23, called his podium a win.\n",
                "Sakomoto",
            ),
            (
                "Foreign Minister Arkady Kovalyov spoke.\nThe talks ended.\n\
                 Kovalev said his government agreed.\n",
                "Kovalev",
            ),
        ] {
            assert_eq!(flagged(CHECK, text), [slip], "{text}");
        }
    }

    #[test]
    fn short_names_are_compared_only_for_one_name_written_two_ways() {
        assert_clean(CHECK, "Dan Kerr spoke.\nDon Kerr listened.\n");
        assert_clean(CHECK, "Mark Tate spoke.\nMike Tate listened.\n");
        assert_clean(CHECK, "Jon Kerr and John Kerr, brothers, spoke.\n");
        assert_eq!(
            flagged(
                CHECK,
                "Jon Kerr spoke.\nThe shop opened.\nJohn Kerr listened.\n"
            ),
            ["John Kerr"]
        );
        assert_eq!(
            flagged(
                CHECK,
                "Vice President Yuko Morimoto spoke.\nThe board met.\nYoko Morimoto said so.\n"
            ),
            ["Yoko Morimoto"]
        );
    }

    #[test]
    fn places_that_look_like_misspellings_are_not_people() {
        assert_clean(
            CHECK,
            "Antony Blinken visited Gaza and Rafah.\nBlinken said Israel and Hamas would talk in Doha.\n",
        );
    }

    #[test]
    fn apostrophe_styles_are_one_spelling() {
        assert_clean(
            CHECK,
            "NYPD Commissioner James O’Neill spoke.\n\"It was a bomb,\" said O'Neill.\n",
        );
    }

    #[test]
    fn similar_names_in_a_line_up_are_different_players() {
        assert_clean(
            CHECK,
            "Shane Horgan scored twice.\nSubs: Sheahan, Horan, O'Callaghan, Miller.\n",
        );
    }

    #[test]
    fn a_vowel_swapped_right_after_the_first_letter_is_flagged() {
        // The slip changes the second letter: the lookup must not need it.
        let text = "Senator Maria Dalton spoke on Monday.\n\
                    Dalton said the bill would pass.\n\
                    Critics said Delton had no votes.\n";
        assert_eq!(flagged(CHECK, text), ["Delton"]);
    }

    #[test]
    fn a_misspelling_of_a_surname_two_people_share_is_flagged() {
        let text = "Former president Carl Wexton and his wife Anna Wexton arrived.\n\
                    Wexton said they were pleased.\n\
                    Mrs Waxton said she would speak later.\n";
        assert_eq!(flagged(CHECK, text), ["Waxton"]);
    }

    #[test]
    fn a_vowel_slip_in_a_four_letter_surname_is_flagged() {
        let text = "Senator Ted Vorn spoke on Monday.\n\
                    Vorn said the bill would pass.\n\
                    Mr Varn said he was confident.\n";
        assert_eq!(flagged(CHECK, text), ["Varn"]);
        // A consonant apart, or a letter more, is another name.
        assert_clean(
            CHECK,
            "Senator Ted Vorn spoke.\nVorn said so.\nMr Vork and Mr Vorne said no.\n",
        );
    }

    #[test]
    fn a_short_bare_misspelling_is_flagged() {
        let text = "Candidate Donald Grump spoke in Ohio.\n\
                    Grump said he would win.\n\
                    Polls showed voters backing Gremp in March.\n";
        assert_eq!(flagged(CHECK, text), ["Gremp"]);
    }

    #[test]
    fn a_bare_misspelling_opening_a_sentence_is_flagged() {
        let text = "Candidate Donald Grump spoke in Ohio.\n\
                    Grump said he would win.\n\
                    Gremp drew the comparison later.\n";
        assert_eq!(flagged(CHECK, text), ["Gremp"]);
        // A word also written in lowercase is a word, not a slip.
        assert_clean(
            CHECK,
            "Mayor Anne Wells spoke.\nWells said so.\nWalls rose, and the walls held.\n",
        );
    }

    #[test]
    fn a_form_used_twice_or_a_given_name_is_not_a_misspelling() {
        // `Russ` is a given name in the story, `David` a common one;
        // `Rask` comes back: names of their own.
        assert_clean(
            CHECK,
            "Lawyer Deborah Ross spoke on Monday. Her rival is Senator Russ Kellan.\n\
             Ross said she would run.\n\"We will win,\" said Russ.\n",
        );
        assert_clean(
            CHECK,
            "Officer Thomas Davis retired.\nDavis said so.\nHis biographers, David and Jeanne Heidler, agreed.\n",
        );
        assert_clean(
            CHECK,
            "Senator Anne Rusk spoke.\nRusk said so.\nRask said no, and Rask left.\n",
        );
    }

    #[test]
    fn a_misspelled_titled_surname_is_flagged() {
        let text = "Finance minister Palaniappan Chidambaram spoke.\n\
                    Mr Chidambaram said growth was strong.\n\
                    Mr Chidammbaram is attending the meeting.\n";
        assert_eq!(flagged(CHECK, text), ["Chidammbaram"]);
    }

    /// Respell until nothing is left to respell: the fixes must settle, never
    /// turn a spelling one way and back (the text is fuzzer-made; its bare
    /// `Smath`s are shared by two people, and a respelling decided which).
    #[test]
    fn respelling_settles_when_shared_surnames_could_outvote_the_usual_form() {
        let mut text = "0\u{3}Ten pe.\nMr d.\nMr Wmath fle\u{fffd}w to Kaid.\nMrhf\n\
                        \u{20}M Smith fa Smimith Smath faid.\nMr\u{c}0\u{3}Ten Smath faid.\n\
                        Mr Smath fmith faid.\nMr Smath fle\u{fffd}w to Kaid.\n\
                        Hr Smith Smith w to (aid.\nMrhf\n M Smith fa Mr Smith faid.\n\
                        Mr\u{c}0\u{3}Ten Sm!!!!!!!!!!!!ith faid.\nMr Smath fmith faid.\n\
                        Mr Smath fle\u{fffd}w to Kaid.\nHr ~mith Mr Smith ai_d.\n\
                        Mr Sai_d.\nMr Smith "
            .to_owned();
        // The british preset's courtesy titles made the fuzzer's case.
        let config = Config::from_toml("extends = [\"british\"]\n", "copydesk.toml").unwrap();
        let mut session = Session::new();
        let mut seen = vec![text.clone()];
        loop {
            let fixes: Vec<Edit> = session
                .check(&config, &text, DocKind::Plain)
                .into_iter()
                .filter(|f| f.check() == CHECK)
                .filter_map(|f| f.fix)
                .flat_map(|fix| fix.edits)
                .collect();
            if fixes.is_empty() {
                break;
            }
            text = Fix::new("all", Safety::Safe, fixes).apply(&text);
            assert!(!seen.contains(&text), "a respelling was undone: {text}");
            seen.push(text.clone());
        }
    }
}
