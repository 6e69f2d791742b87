//! `name/first-reference` — A surname used before the story gives the full name, or never given a full name.
//!
//! For each person of the story ([`crate::document::people`]): when the
//! story gives the full name, a surname reference (`Blinken`, `President
//! Biden`) before it is flagged, pointing at where the full name comes,
//! whatever verb follows, once the early word is evidently about a person:
//! a title or role before it, a role in apposition, a relative clause, an
//! age or a past-tense verb after it at a sentence start (`Halvorsen, who
//! cast …`, `Brennan ruled`), or a speech verb. A
//! royal or honorific title with one name (`Pope Francis`, `Prince Harry`)
//! is a complete reference, and so is a leader's office with the surname
//! (`President Obama`) when the full name comes later without that office.
//! When the story never gives a full name, the person is flagged only on
//! strong evidence that the surname is a person's: a courtesy or formal
//! title (`Mr Smith`, `Sen. Cruz`), or a lowercase role before the name on
//! a person mentioned twice (`pollster Anderson`). People on the configured
//! well-known list are exempt. One finding per person; no fix.

use crate::document::people::{is_role_noun, TitleClass};
use crate::document::{Document, Mention, MentionForm, Person};
use crate::finding::Finding;
use crate::lexicon::{INTRODUCED_OFFICES, LEADERS, MONONYM_ROLES};
use crate::text::fold;

use super::{Check, CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "A surname used before the story gives the full name, or never given a full name.",
    why: "Wire style introduces every person by full name on first reference; a bare surname first leaves readers asking who.",
    example: "Blinken said on Friday … US Secretary of State Antony Blinken",
    passes: "People on the configured well-known list (`Pope Francis`); headlines; places and organisations that look like names; a bare early word with nothing said of a person (`The biopic Kinsey won praise`); a bare surname shared by two people of the story.",
};

pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let text = doc.text;
    let people = &doc.people;
    let well_known: Vec<String> = cx.config.well_known.iter().map(|w| fold(w)).collect();
    for (p, person) in people.persons.iter().enumerate() {
        if is_well_known(person, &well_known, text, people.mentions_of(p)) {
            continue;
        }
        match person.full {
            Some(full) => {
                let early = person
                    .mentions
                    .iter()
                    .copied()
                    .take_while(|&m| m < full)
                    .find(|&m| {
                        let m = &people.mentions[m];
                        m.form == MentionForm::Surname
                            && !m.ambiguous
                            && !m.complete
                            && !quoted(doc, m)
                            && is_surname_reference(m)
                    });
                let Some(early) = early else {
                    continue;
                };
                // `Mrs. Clinton` … `Bill Clinton` … `Hillary Clinton`: a
                // surname two people of the story are named by in full may
                // be either of them, so it goes to nobody.
                let namesakes = people
                    .persons
                    .iter()
                    .filter(|q| q.full.is_some() && q.surname_key == person.surname_key)
                    .count();
                if namesakes > 1 {
                    continue;
                }
                let (early, full) = (&people.mentions[early], &people.mentions[full]);
                if leader_by_title(early, full) {
                    continue;
                }
                // `S Williams` in a line-up is not an introduction.
                if full.given.as_ref().is_some_and(|g| g.len() == 1) {
                    continue;
                }
                let name = &text[full.range.clone()];
                let paragraph = doc.paragraphs[full.paragraph].number;
                out.push(
                    Finding::new(
                        Check::NameFirstReference,
                        early.range.clone(),
                        format!(
                            "‘{}’ before the full name: ‘{name}’ first appears in paragraph {paragraph}",
                            &text[early.titled_range()]
                        ),
                    )
                    .with_related(full.range.clone(), format!("‘{name}’ is introduced here")),
                );
            }
            None => {
                let mentions: Vec<&Mention> = people
                    .mentions_of(p)
                    .filter(|m| !m.ambiguous && !quoted(doc, m))
                    .collect();
                let Some(first) = mentions.first() else {
                    continue;
                };
                if !is_never_introduced(&mentions, text) {
                    continue;
                }
                out.push(Finding::new(
                    Check::NameFirstReference,
                    first.range.clone(),
                    format!(
                        "‘{}’ is never given a full name",
                        &text[first.titled_range()]
                    ),
                ));
            }
        }
    }
}

/// Whether an early one-word mention is evidently the person's surname and
/// not a film, a company or an ordinary word that happens to match it. The
/// story later gives the word as the surname of a full name (that is how
/// the mention joined the person); with that, any sign that the word names
/// a person here makes it a first reference: a title or a lowercase role
/// before it, a role in apposition after it (`Sandhu, the first officer,`),
/// what follows said of people (`Leal, whose list …`, `Brito, 61,`,
/// `Brennan ruled`), or a speech verb after it (`Halvorsen said`, also
/// opening a sentence).
fn is_surname_reference(m: &Mention) -> bool {
    let titled = m
        .title_info
        .as_ref()
        .is_some_and(|t| t.class != TitleClass::Role && t.range.start < m.range.start);
    // `candidate Trump`, `pollster Anderson`: a role names a person.
    let role = m
        .title_info
        .as_ref()
        .is_some_and(|t| t.class == TitleClass::Role && t.range.start < m.range.start);
    titled || role || m.evidence.apposition || m.evidence.predicate || m.evidence.speech
}

/// `President Obama` in a story that names `Barack Obama` later only in
/// passing (`the Barack Obama era`): the sitting leader's conventional
/// complete reference. When the full name carries the same office
/// (`US President Joe Biden`), the story does introduce the person late.
fn leader_by_title(early: &Mention, full: &Mention) -> bool {
    let office = |m: &Mention| {
        m.title_info
            .as_ref()
            .filter(|t| t.class == TitleClass::Office && !t.qualified)
            .and_then(|t| t.office)
    };
    matches!(office(early), Some(o) if LEADERS.contains(o)) && office(full) != office(early)
}

/// A name inside a direct quotation is the speaker's word (`"Trump is
/// wrong," she said`): the writer cannot introduce anyone there, so it is
/// neither a first reference nor evidence of one.
fn quoted(doc: &Document<'_>, m: &Mention) -> bool {
    doc.quotes_in(m.paragraph)
        .iter()
        .any(|q| q.range().contains(&m.range.start))
}

/// `President Obama` and `Mr. Obama`: a sitting leader's office with the
/// surname is the conventional complete reference, whatever courtesy title
/// the story also uses.
fn called_by_leaders_office(mentions: &[&Mention]) -> bool {
    mentions.iter().any(|m| {
        m.title_info.as_ref().is_some_and(|t| {
            t.class == TitleClass::Office
                && !t.qualified
                && t.range.start < m.range.start
                && t.office.is_some_and(|o| LEADERS.contains(o))
        })
    })
}

fn last_word(s: &str) -> &str {
    s.rsplit(' ').next().unwrap_or(s)
}

/// Whether a person never given a full name is surely a person the story
/// should have introduced: `Mr`, `Mrs` or `Ms` (not `Dr`, which also names
/// brands, nor `Miss`), an honorific with a surname (`Prof. Hawking`), or
/// an office the story must introduce (`Sen. Cruz`), on a person mentioned twice or quoted (a character named once,
/// `played Mrs Potts`, is no reference to introduce); or a role before the
/// name (below). A speech verb alone is not enough: clubs, companies and
/// mononymous artists speak too.
fn is_never_introduced(mentions: &[&Mention], text: &str) -> bool {
    if called_by_leaders_office(mentions) {
        return false;
    }
    let titled = mentions.iter().any(|m| {
        m.title_info.as_ref().is_some_and(|t| {
            t.range.start < m.range.start
                && match t.class {
                    TitleClass::Courtesy => !matches!(t.office, Some("dr" | "miss")),
                    // `Prof. Hawking`: not a complete name.
                    TitleClass::Honorific => !m.complete,
                    TitleClass::Office => t.office.is_some_and(|o| INTRODUCED_OFFICES.contains(o)),
                    _ => false,
                }
        })
    });
    // A lowercase role before the name (`pollster Anderson`, `Fed chief
    // Greenspan`) on a person mentioned again: a surname, unless an office
    // title says a leader (see above), a word is a given name (a first-name
    // reference) or the role is one that one-name artists and players
    // hold.
    let office = mentions.iter().any(|m| {
        m.title_info
            .as_ref()
            .is_some_and(|t| t.class == TitleClass::Office)
    });
    let first_name = mentions.iter().any(|m| m.evidence.given_name_only);
    let role = !office
        && !first_name
        && mentions.len() >= 2
        && mentions.iter().any(|m| {
            m.title_info.as_ref().is_some_and(|t| {
                t.class == TitleClass::Role && t.range.start < m.range.start && {
                    let noun = fold(last_word(&text[t.range.clone()]));
                    is_role_noun(&noun) && !MONONYM_ROLES.contains(&noun)
                }
            })
        });
    role || (titled && (mentions.len() >= 2 || mentions.iter().any(|m| m.evidence.speech)))
}

fn is_well_known<'m>(
    person: &Person,
    well_known: &[String],
    text: &str,
    mut mentions: impl Iterator<Item = &'m Mention>,
) -> bool {
    if well_known.is_empty() {
        return false;
    }
    let name = fold(&person.name);
    let surname_matches = |entry: &str| {
        entry
            .rsplit(' ')
            .next()
            .is_some_and(|last| last == person.surname_key)
    };
    well_known.iter().any(|w| *w == name || surname_matches(w))
        || mentions.any(|m| well_known.contains(&fold(&text[m.titled_range()])))
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_clean, findings, flagged};
    use crate::checks::{Check, Context};
    use crate::config::Config;
    use crate::document::{DocKind, Document};

    const CHECK: Check = Check::NameFirstReference;

    #[test]
    fn a_surname_before_the_full_name_is_flagged() {
        let text = "Blinken said on Friday that talks would go on.\n\
                    He met officials.\n\
                    US Secretary of State Antony Blinken then flew home.\n";
        let found = findings(CHECK, text);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(&text[f.range.clone()], "Blinken");
        assert_eq!(f.range.start, 0);
        assert_eq!(
            f.message,
            "‘Blinken’ before the full name: ‘Antony Blinken’ first appears in paragraph 3"
        );
        assert_eq!(&text[f.related[0].range.clone()], "Antony Blinken");
    }

    #[test]
    fn a_titled_surname_before_the_full_name_is_flagged() {
        assert_eq!(
            flagged(
                CHECK,
                "President Biden spoke on Monday.\nUS President Joe Biden later left.\n"
            ),
            ["Biden"]
        );
    }

    #[test]
    fn a_role_before_an_early_surname_is_flagged() {
        assert_eq!(
            flagged(
                CHECK,
                "Voters backed candidate Marlow in the primary.\nRivals met on Monday.\n\
                 Jane Marlow later thanked them.\n"
            ),
            ["Marlow"]
        );
    }

    #[test]
    fn campaign_business_and_media_roles_name_a_person() {
        for (text, early) in [
            (
                "The race tightened, with front-runner Marlow taking on protesters.\n\
                 Polls closed.\nJane Marlow later left.\n",
                "Marlow",
            ),
            (
                "The club received an approach from US business tycoon Glaser.\n\
                 No offer was made.\nMalcolm Glaser declined to comment.\n",
                "Glaser",
            ),
            (
                "The debate went well, New York Times columnist Brooks wrote.\n\
                 Viewers agreed.\nDavid Brooks later said so.\n",
                "Brooks",
            ),
        ] {
            assert_eq!(flagged(CHECK, text), [early], "{text}");
        }
        // A band's frontman may go by one name: no full name is owed.
        assert_clean(
            CHECK,
            "The record is almost done, frontman Zedro revealed.\nZedro said the band was ready.\n",
        );
    }

    #[test]
    fn full_name_first_then_surnames_is_clean() {
        assert_clean(
            CHECK,
            "Speaking as he left, Prime Minister Benjamin Netanyahu said Israel would go on.\n\
             Netanyahu said after meeting officials that the war would continue.\n\
             US President Joe Biden and Netanyahu agreed to talk.\n",
        );
    }

    #[test]
    fn a_courtesy_title_with_no_full_name_is_flagged() {
        let text = "Officials met on Monday.\nMr Smith said he was pleased.\n";
        let found = findings(CHECK, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "Smith");
        assert_eq!(found[0].message, "‘Mr Smith’ is never given a full name");
    }

    #[test]
    fn a_formal_title_with_no_full_name_is_flagged() {
        assert_eq!(
            flagged(
                CHECK,
                "The bill passed.\nSen. Cruz said he would vote against it.\n"
            ),
            ["Cruz"]
        );
    }

    #[test]
    fn organisations_with_speech_verbs_are_not_people() {
        assert_clean(
            CHECK,
            "Microsoft said it would cut jobs.\nThe company said Reuters had the figures.\n\
             The Pentagon said it was aware. Pentagon officials declined to comment.\n\
             Labour said the plan was desperate, while Downing Street said it would wait.\n",
        );
    }

    #[test]
    fn sentence_initial_capitals_are_not_surnames() {
        assert_clean(
            CHECK,
            "Officials said he would go.\nAsked about it, he said no.\nBut officials said he agreed.\n",
        );
    }

    #[test]
    fn royal_and_honorific_names_are_complete() {
        assert_clean(
            CHECK,
            "Pope Francis spoke on Sunday.\nPrince Harry said he would attend.\nSir Alex said he was pleased.\n\
             Lord Coe said the Games would go on.\nLord Coe added that costs were in hand.\n",
        );
    }

    #[test]
    fn an_honorific_with_a_surname_is_a_reference_to_introduce() {
        assert_eq!(
            flagged(
                CHECK,
                "The Rev. Ashby led the march.\nThe crowd sang.\nThe Rev. Tom Ashby spoke later.\n"
            ),
            ["Ashby"]
        );
        assert_eq!(
            flagged(
                CHECK,
                "Prof. Ashby led the study.\nAshby said it was small.\n"
            ),
            ["Ashby"]
        );
        // A knight goes by the given name, known to the lexicon or not.
        assert_clean(
            CHECK,
            "Sir Digby warned the chancellor.\nSir Digby added that he was prudent.\n",
        );
    }

    #[test]
    fn well_known_people_are_exempt() {
        let text = "Mr Macron said he would visit.\nMr Macron spoke on Monday.\n";
        assert_eq!(flagged(CHECK, text), ["Macron"]);
        let doc = Document::parse(text, DocKind::Plain);
        let mut config = Config::default();
        config.well_known.push("Emmanuel Macron".into());
        let mut caches = crate::checks::Caches::default();
        let cx = Context::new(&doc, &config, &mut caches);
        let mut out = Vec::new();
        super::run(&cx, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn headlines_do_not_count_as_first_references() {
        assert_clean(
            CHECK,
            "Blinken warns Israel over Rafah\n\nUS Secretary of State Antony Blinken spoke.\n\nBlinken said so.\n",
        );
    }

    #[test]
    fn a_character_named_once_is_not_a_person_to_introduce() {
        assert_clean(
            CHECK,
            "She played Mrs Potts in Beauty and the Beast.\nThe show closed in May.\n",
        );
    }

    #[test]
    fn heads_of_government_by_title_alone_are_not_flagged_as_never_introduced() {
        assert_clean(
            CHECK,
            "President Bush said he would veto the bill.\nPresident Bush spoke on Monday.\n",
        );
        // Also when the story calls the leader `Mr.` too.
        assert_clean(
            CHECK,
            "President Halvorsen vetoed the bill.\nMr. Halvorsen said he had no choice.\n\
             Critics said Mr. Halvorsen was wrong.\n",
        );
        // A former holder is no sitting leader.
        assert_eq!(
            flagged(
                CHECK,
                "Former President Halvorsen spoke.\nMr. Halvorsen said he was proud.\n"
            ),
            ["Halvorsen"]
        );
    }

    #[test]
    fn a_name_inside_a_quotation_is_the_speakers_word() {
        assert_clean(
            CHECK,
            "\"Voters do not agree with Marlow,\" the senator said.\nThe rally ended.\n\
             Jane Marlow, the candidate, spoke later.\n",
        );
        assert_clean(
            CHECK,
            "\"Mr. Marlow is wrong,\" the senator said.\n\"Mr. Marlow lied,\" she added.\n",
        );
        // Outside the quotation, the same reference is flagged.
        assert_eq!(
            flagged(
                CHECK,
                "Mr. Marlow is wrong, the senator said.\nThe rally ended.\nJane Marlow spoke.\n"
            ),
            ["Marlow"]
        );
    }

    #[test]
    fn a_surname_before_the_full_name_is_flagged_whatever_follows_it() {
        // A title and surname with any verb, a relative clause, an
        // apposition, an age, a verb in the past tense.
        for (text, early) in [
            (
                "The vote was close.\nDeputy Chief Hale ordered the road closed.\n\
                 Residents left.\nDeputy Chief Marcus Hale later reopened it.\n",
                "Hale",
            ),
            (
                "The bill passed.\nPruitt, who wrote the bill, was pleased.\n\
                 State Sen. Dora Pruitt thanked colleagues.\n",
                "Pruitt",
            ),
            (
                "The case ended.\nBrennan ruled the petitions valid.\n\
                 U.S. District Judge Ann Brennan gave reasons.\n",
                "Brennan",
            ),
            (
                "The polls closed.\nOrtel, 61, conceded at midnight.\n\
                 Mayor Rui Ortel had sought a second term.\n",
                "Ortel",
            ),
            (
                "The engine failed.\nSandhu, the first officer, was at the controls.\n\
                 First Officer Harpreet Sandhu, 34, landed the plane.\n",
                "Sandhu",
            ),
            (
                "The pools will close.\nHalvorsen, who voted no, was angry.\n\
                 Councilmember Ezra Halvorsen had proposed using reserves.\n",
                "Halvorsen",
            ),
        ] {
            assert_eq!(flagged(CHECK, text), [early], "{text}");
        }
    }

    #[test]
    fn a_described_full_name_is_the_titled_surname_before_it() {
        // The description after the full name names no office, so the
        // ambassador and the diplomat are one person, introduced late.
        assert_eq!(
            flagged(
                CHECK,
                "Ambassador Zurbach, who chaired the talks, spoke.\nThe talks ended.\n\
                 Beat Zurbach, a veteran Swiss diplomat, said they would resume.\n"
            ),
            ["Zurbach"]
        );
    }

    #[test]
    fn a_bare_early_mention_without_evidence_is_not_flagged() {
        // `Kinsey` is the film here; the early word alone is no reference.
        assert_clean(
            CHECK,
            "The biopic Kinsey won praise.\nIt stars Liam Neeson as researcher Alfred Kinsey.\n",
        );
        // A place or a company before a person who shares its name.
        assert_clean(
            CHECK,
            "Ford reported higher sales.\nAnalysts were pleased.\nAlicia Ford, a nurse, said so.\n",
        );
        assert_clean(
            CHECK,
            "Flights from Jordan resumed.\nJordan Ellis, a pilot, said so.\n",
        );
    }

    #[test]
    fn a_role_before_a_surname_never_given_in_full_is_flagged() {
        let text = "Voters were unhappy, pollster Marlow said on Monday.\n\
                    Marlow added that the numbers had fallen.\n";
        let found = findings(CHECK, text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "‘pollster Marlow’ is never given a full name"
        );
        // Named once, it is no reference to introduce.
        assert_clean(
            CHECK,
            "Voters were unhappy, pollster Marlow said.\nPolls closed.\n",
        );
    }

    #[test]
    fn one_name_artists_players_and_first_names_are_not_flagged_for_a_role() {
        assert_clean(
            CHECK,
            "The rapper Zedro topped the chart.\nZedro said he was thrilled.\n\
             Club striker Ronalto scored twice. Ronalto celebrated.\n\
             Bolton host Arsenal on Sunday. Arsenal lead the table.\n\
             His wife, actress Sharon, said she was proud. Sharon left.\n",
        );
    }

    #[test]
    fn a_leaders_title_before_a_later_passing_full_name_is_not_flagged() {
        assert_clean(
            CHECK,
            "President Halvorsen vetoed the bill.\nCritics recalled the Erik Halvorsen years.\n",
        );
        // The full name with the same office: a late introduction.
        assert_eq!(
            flagged(
                CHECK,
                "President Halvorsen vetoed the bill.\nLater President Erik Halvorsen spoke.\n"
            ),
            ["Halvorsen"]
        );
    }

    #[test]
    fn an_early_surname_two_people_are_named_by_goes_to_nobody() {
        // The early `Mr. Halloran` may be the father or the son.
        assert_clean(
            CHECK,
            "Mr. Halloran said the family grieved.\nCapt. Owen Halloran died in 2004.\n\
             His mother, Ruth Halloran, spoke too.\n",
        );
        // One person of that name: a late introduction.
        assert_eq!(
            flagged(
                CHECK,
                "Mr. Halloran said the family grieved.\nThe vigil ended.\nOwen Halloran left.\n"
            ),
            ["Halloran"]
        );
    }

    #[test]
    fn a_given_name_that_is_a_place_introduces_the_surname_before_it() {
        assert_eq!(
            flagged(
                CHECK,
                "Whitcombe, who needed 61 minutes, won.\nThe match starts at noon.\n\
                 Paris Whitcombe, 20, is into her first semifinal.\n"
            ),
            ["Whitcombe"]
        );
    }

    #[test]
    fn al_as_a_given_name_is_a_full_name() {
        assert_clean(
            CHECK,
            "Minnesota Sen. Al Franken spoke.\nFranken said he would vote no.\n",
        );
    }

    #[test]
    fn a_line_up_initial_is_not_an_introduction() {
        assert_clean(
            CHECK,
            "\"I am fit,\" Williams told reporters.\nWales: S Williams, G Thomas.\n",
        );
    }
}
