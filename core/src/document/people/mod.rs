//! People: person mentions with their titles, clustered into people.
//!
//! Design, in three passes over the body paragraphs (headlines and credit
//! lines are not read):
//!
//! 1. **Tokens.** Each sentence of [`Document::prose`] is split into words
//!    with their byte ranges; quoted text is read like any other prose.
//!    Names never run across a line break, a sentence end or punctuation
//!    (an initial's or a title's period excepted). Two document-wide facts
//!    are gathered for later: which words are ever capitalized away from the
//!    start of a sentence, and which follow `the` (so `the Pentagon` is not
//!    a person). A sentence's first word that is a function word or common
//!    opener (`But`, `Speaking`, `Meanwhile`) is not taken for a name.
//! 2. **Candidates.** A run of adjacent capitalized words (with initials
//!    `J.`/`J.K.`, particles `bin`/`van`/`de`, glued `al-Assad`), optionally
//!    after a title (`former US Secretary of State`, `Sen.`, `Mr`) or a
//!    lowercase role (`chief executive`), is a candidate. Places,
//!    organisations and nationalities (a gazetteer plus organisation words
//!    such as `Bank` or `Street`) are dropped. A candidate of two or more
//!    words is a full name; one word is a surname reference. Evidence is
//!    recorded with it: a known given name, a speech verb after it
//!    (`Blinken said`), an apposition role, a personal pronoun nearby.
//! 3. **Clustering.** In text order, a full name joins the person with the
//!    same surname and given name, else a person known so far by surname
//!    only, else starts a person; two given names mean two people (`Joe
//!    Biden`, `Hunter Biden`). A surname joins the most recently mentioned
//!    person with that surname (marked ambiguous when there are several).
//!    Mentions without person evidence only ever join a person found on
//!    evidence elsewhere. A name that is evidently a misspelling (`Anthony`
//!    for `Antony Blinken`, `Netanyahou`) joins the person it misspells, so
//!    the spelling check can compare the forms of one person.
//!
//! Precision is the goal throughout: a mention is dropped rather than
//! guessed, because every wrong person can turn into a wrong finding.
//!
//! Lookups are by folded surname (hash maps); near spellings are looked
//! for only among people named in full or with a title, bucketed by the
//! first letter of the surname (misspellings keep the start of a name),
//! so extraction stays linear in the text. Every decision that drops a
//! candidate is a precision choice measured on published news (BBC and
//! PolNeAR, research only): line-ups, brands (`WorldCom`), works (`Stars In
//! Their Eyes`), organisation tails (`Department for Transport`), compound
//! adjectives (`Paris-based`) are not people.
//!
//! Each pass has its own file: `tokens` (pass 1: words, their classes and
//! the document-wide facts), `scan` (pass 2: runs of name words turned into
//! candidates), `titles` (the part of pass 2 that reads titles and roles,
//! and the comparison of titles that clustering and the title check use)
//! and `cluster` (pass 3, with the near-spelling test the spelling check
//! shares). The word lists they consult are data in `crate::lexicon`.
//!
//! Invariants the checks rely on: [`People::mentions`] are in text order and
//! do not overlap (so [`People::mention_at`] can bisect); every person has at
//! least one mention and persons are numbered by their first mention; the
//! result does not depend on whether the sentences were scanned in parallel.

use rayon::prelude::*;
use std::ops::Range;

use super::Document;
use crate::lexicon;

mod cluster;
pub(crate) mod reuse;
mod scan;
mod titles;
mod tokens;

pub(crate) use cluster::near_surname;
use cluster::Clusterer;
use scan::{Candidate, Scanner};
pub(crate) use titles::HouseTitles;
use tokens::{sentence_units, surname_core, tokenize_sentence, DocFacts, Sentence};

/// How a person is referred to at one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// Given name(s) and surname: `Antony Blinken`, `J. K. Rowling`.
    Full,
    /// Surname only, possibly after a title: `Blinken`, `President Biden`.
    Surname,
}

/// What kind of title a mention carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TitleClass {
    /// `Mr`, `Mrs`, `Ms`, `Dr`: courtesy titles of later references; they
    /// never conflict with an office.
    Courtesy,
    /// `Sir`, `Lord`, `Rev.`, `Rabbi`, `Prof.`: honours and callings.
    Honorific,
    /// `King`, `Queen`, `Pope`, `Prince`: with one name a complete reference
    /// (`Pope Francis`).
    Royal,
    /// An office written as a formal, capitalized title before the name:
    /// `Prime Minister`, `Sen.`, `Gen.`.
    Office,
    /// A lowercase description before or after the name: `chief executive
    /// Jane Doe`, `Jane Doe, the company's chief executive`.
    Role,
}

/// A title or role given to a person at one mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The title as written, with its modifiers and country or department
    /// prefix (`former US Secretary of State`).
    pub range: Range<usize>,
    pub class: TitleClass,
    /// One key per title whatever the spelling (`Sen.` and `Senator` are
    /// both `senator`, `Ms` is `ms`); `None` for roles and lowercase titles.
    pub office: Option<&'static str>,
    /// The title describes another time: `former`, `acting`, `then-`,
    /// `ex-`, `-elect`, `retired`.
    pub qualified: bool,
    /// The offices the title names, read by `name/title`: one
    /// (`Foreign Minister`), several given together (`chairman and chief
    /// executive`), or none (`Mr`, `a teacher`, `the winner`).
    pub offices: Vec<Office>,
}

/// An office: what a title says a person does, as `name/title` compares it.
/// `Foreign Minister` is the office `secretary` (ministers and secretaries
/// are one kind) with the portfolio `foreign`; `assistant coach` is `coach`
/// of grade `assistant`; `Sen.` is `senator`, nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// The office key of [`lexicon::TITLES`], one for all its spellings.
    pub key: &'static str,
    /// A lower grade of the office (`deputy`, `assistant`); `None` for the
    /// office itself (`head coach` is the coach).
    pub grade: Option<String>,
    /// The portfolio or department, folded, with one spelling per
    /// portfolio (`defence`, `finance`); empty when none is given.
    pub portfolio: Vec<String>,
}

/// Why a mention was taken for a person.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    /// The name opens with a common given name.
    pub given_name: bool,
    /// A speech verb follows the name (`Blinken said`) or precedes it at
    /// the end of a clause (`…," said Blinken.`).
    pub speech: bool,
    /// A lowercase role in apposition (`Jane Doe, the chief executive,`).
    pub apposition: bool,
    /// `he`, `she`, `his` or `her` follows in the sentence or the next.
    pub pronoun: bool,
    /// The name's first word opens a sentence or a quote, so its capital
    /// may be only positional.
    pub sentence_start: bool,
    /// A single word that is a common given name (`his wife Sharon`):
    /// perhaps a first-name reference rather than a surname.
    pub given_name_only: bool,
    /// What follows the name is said of people: a relative clause
    /// (`Halvorsen, who cast …`, `Leal, whose list …`), an age (`Brito,
    /// 61,`) or a verb in the past tense (`Brennan ruled`, `Pruitt wrote`).
    pub predicate: bool,
}

/// One mention of a person in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name as written, without title or possessive.
    pub range: Range<usize>,
    /// The surname part of the name.
    pub surname: Range<usize>,
    pub form: MentionForm,
    /// A title before the name (`Prime Minister`) or after it in apposition
    /// (`, the company's chief executive`), as written.
    pub title: Option<Range<usize>>,
    /// Index of the paragraph the mention is in.
    pub paragraph: usize,
    /// Index into [`People::persons`].
    pub person: usize,
    /// The first given name of a full name (`George` of `George W. Bush`).
    pub given: Option<Range<usize>>,
    /// What [`Mention::title`] is.
    pub title_info: Option<Title>,
    pub evidence: Evidence,
    /// A royal or honorific title with one name (`Pope Francis`, `Sir
    /// Alex`): complete as it stands, not a bare surname.
    pub complete: bool,
    /// A bare surname shared by several people of the story (`Biden` after
    /// `Joe Biden` and `Hunter Biden`); assigned to the most recently
    /// mentioned one, but checks should not rely on it.
    pub ambiguous: bool,
}

impl Mention {
    /// The surname's own word, without particles before it or glued to it:
    /// `Gaulle` of `de Gaulle`, `Assad` of `al-Assad`. Spellings of one
    /// person are compared on this word.
    pub fn surname_word(&self, text: &str) -> Range<usize> {
        let surname = &text[self.surname.clone()];
        let last = surname.rfind(' ').map_or(0, |i| i + 1);
        let core = surname_core(&surname[last..]);
        self.surname.end - core.len()..self.surname.end
    }

    /// The title and name as written: `President Biden`.
    pub fn titled_range(&self) -> Range<usize> {
        match &self.title_info {
            Some(t) if t.range.start < self.range.start => t.range.start..self.range.end,
            _ => self.range.clone(),
        }
    }
}

/// A person of the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Indexes into [`People::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// Display name: the first full name as written, else the first mention.
    pub name: String,
    /// Index into [`People::mentions`] of the first full (or complete)
    /// reference.
    pub full: Option<usize>,
    /// Folded surname, the key later references are matched by.
    pub surname_key: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    /// Every person mention, in text order.
    pub mentions: Vec<Mention>,
    pub persons: Vec<Person>,
}

impl People {
    /// The mention whose name contains byte `offset`.
    pub fn mention_at(&self, offset: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.range.end <= offset);
        self.mentions.get(i).filter(|m| m.range.contains(&offset))
    }

    /// The mentions of person `person`, in text order.
    pub fn mentions_of(&self, person: usize) -> impl Iterator<Item = &Mention> {
        self.persons[person]
            .mentions
            .iter()
            .map(|&i| &self.mentions[i])
    }
}

/// From this many sentences on (a long draft: a 1 MB one has thousands, a
/// wire story a few dozen), tokenising and scanning are spread over rayon's
/// pool. Each sentence is done on its own and the results are put back in
/// sentence order, so the outcome is the same as done one by one.
const PARALLEL_SENTENCES: usize = 512;

/// The people of `doc`, reading the house's own titles of office
/// (`[people] titles`) as well as the built-in ones.
pub(super) fn extract(doc: &Document<'_>, titles: &[String]) -> People {
    let sentences: usize = doc.body_paragraphs().map(|(_, p)| p.sentences.len()).sum();
    extract_with(
        doc,
        sentences >= PARALLEL_SENTENCES,
        &HouseTitles::new(titles),
    )
}

/// Sentences tokenised together: a worker's share of a long draft, and all
/// the tokens alive at once on each thread.
const CHUNK_SENTENCES: usize = 256;

/// Two passes over the sentences, each tokenising them anew, so that only a
/// chunk's tokens are alive at a time (all of a draft's took 12 bytes per
/// byte; tokenising twice costs less than holding them): the first gathers
/// the facts of the whole draft, the second scans each sentence with them.
fn extract_with(doc: &Document<'_>, parallel: bool, house: &HouseTitles) -> People {
    let units = sentence_units(doc);
    let tokenize = |u: usize| -> Sentence<'_> {
        let (paragraph, range) = &units[u];
        tokenize_house(&doc.prose, *paragraph, range, house)
    };
    let chunks: Vec<Range<usize>> = (0..units.len())
        .step_by(CHUNK_SENTENCES)
        .map(|start| start..(start + CHUNK_SENTENCES).min(units.len()))
        .collect();
    let gather = |chunk: &Range<usize>| {
        let mut facts = DocFacts::default();
        for u in chunk.clone() {
            facts.gather(&tokenize(u));
        }
        facts
    };
    let facts = if parallel {
        chunks
            .par_iter()
            .map(gather)
            .reduce(DocFacts::default, DocFacts::merge)
    } else {
        chunks
            .iter()
            .map(gather)
            .fold(DocFacts::default(), DocFacts::merge)
    };
    // Each chunk's candidates in sentence order; a sentence's scan also
    // reads the next one of its paragraph, tokenised once more past the
    // chunk's end.
    let scan_chunk = |chunk: &Range<usize>| {
        let mut sentences: Vec<Sentence<'_>> = chunk.clone().map(tokenize).collect();
        if chunk.end < units.len() {
            sentences.push(tokenize(chunk.end));
        }
        let mut found = Vec::new();
        for s in 0..chunk.len() {
            let sentence = &sentences[s];
            let next = sentences
                .get(s + 1)
                .filter(|n| n.paragraph == sentence.paragraph);
            Scanner {
                text: doc.text,
                prose: &doc.prose,
                toks: &sentence.toks,
                next,
                facts: &facts,
                paragraph: sentence.paragraph,
                house,
            }
            .scan(&mut found);
        }
        found
    };
    let found: Vec<Vec<Candidate>> = if parallel {
        chunks.par_iter().map(scan_chunk).collect()
    } else {
        chunks.iter().map(scan_chunk).collect()
    };
    let mut candidates = Vec::with_capacity(found.iter().map(Vec::len).sum());
    for part in found {
        candidates.extend(part);
    }
    Clusterer::default().run(doc, candidates, &facts)
}

/// The words of a sentence, with the house's titles of office marked too.
fn tokenize_house<'a>(
    prose: &'a str,
    paragraph: usize,
    range: &Range<usize>,
    house: &HouseTitles,
) -> Sentence<'a> {
    let mut sentence = tokenize_sentence(prose, paragraph, range);
    if !house.is_empty() {
        for tok in &mut sentence.toks {
            if !tok.title_word && house.starting_with(&tok.folded).next().is_some() {
                tok.title_word = true;
            }
        }
    }
    sentence
}

/// A lowercase noun for what a person does (`spokesman`, `pollster`).
pub(crate) fn is_role_noun(folded: &str) -> bool {
    lexicon::ROLE_NOUNS.contains(folded)
}

#[cfg(test)]
mod testing {
    //! Helpers shared by the passes' tests.

    use super::super::{DocKind, Document};

    /// The document and its people: each person's display name and the
    /// mentions as written.
    pub(super) fn people(text: &str) -> (Document<'_>, Vec<(String, Vec<String>)>) {
        let doc = Document::parse(text, DocKind::Plain);
        let persons = doc
            .people
            .persons
            .iter()
            .map(|p| {
                let mentions = p
                    .mentions
                    .iter()
                    .map(|&m| text[doc.people.mentions[m].range.clone()].to_owned())
                    .collect();
                (p.name.clone(), mentions)
            })
            .collect();
        (doc, persons)
    }

    pub(super) fn names(text: &str) -> Vec<String> {
        people(text).1.into_iter().map(|(n, _)| n).collect()
    }

    pub(super) fn names_of(persons: &[(String, Vec<String>)]) -> Vec<&str> {
        persons.iter().map(|(n, _)| n.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::names;
    use super::*;
    use crate::document::DocKind;

    #[test]
    fn a_long_draft_finds_the_same_people_in_parallel_as_one_by_one() {
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(&format!(
                "Finance Minister Alma Verrick met Gov. Tobias Quell on day {i}. \
                 Verrick said the plan would hold, and Quell's aides agreed. \
                 Later, Dr. Ines Marlow joined them; Marlow said little.\n"
            ));
        }
        let doc = Document::parse(&text, DocKind::Plain);
        let house = HouseTitles::default();
        let parallel = extract_with(&doc, true, &house);
        assert!(parallel.mentions.len() >= 900);
        assert_eq!(parallel, extract_with(&doc, false, &house));
        assert_eq!(parallel, doc.people);
    }

    #[test]
    fn mention_at_finds_by_offset() {
        let text = "Antony Blinken said so.\n";
        let doc = Document::parse(text, DocKind::Plain);
        assert_eq!(
            doc.people.mention_at(3).map(|m| m.range.clone()),
            Some(0..14)
        );
        assert!(doc.people.mention_at(16).is_none());
    }

    #[test]
    fn headlines_and_credits_are_not_read() {
        let text =
            "Blinken warns Israel\n\nAntony Blinken said so.\n\nReporting by Humeyra Pamuk\n";
        let doc = Document::parse(text, DocKind::Plain);
        assert_eq!(doc.people.mentions.len(), 1);
    }

    #[test]
    fn vietnamese_given_names_and_arabic_particles_are_no_name_errors() {
        // Vietnamese later references use the given name; `bin` and `Abu`
        // belong to the name; `Al` after a given name is part of it.
        let text = "Vietnam's trade minister Nguyen Van An said exports would rise.\n\n\
                    An said the ministry would publish figures in June.\n\n\
                    Nguyen Thi Lan, a textile exporter, said orders were strong. Lan added \
                    that costs had risen.\n\n\
                    Sheikh Mohammed bin Rashid Al Maktoum spoke on Monday. Sheikh Mohammed \
                    said the port would grow.\n\n\
                    Khalid bin Salman, the ambassador, said so. Bin Salman told reporters the \
                    talks went well.\n\n\
                    Abu Mazen met him later, and Abbas said the talks were useful.\n";
        let findings = crate::check(text, DocKind::Plain, &crate::Config::default());
        let names: Vec<_> = findings
            .iter()
            .filter(|f| f.check().family() == crate::Family::Name)
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn the_seed_names_three_people_and_no_places() {
        let text = include_str!("../../../../seeds/blinken-rafah.txt");
        assert_eq!(
            names(text),
            ["Antony Blinken", "Benjamin Netanyahu", "Joe Biden"]
        );
        let findings = crate::check(text, DocKind::Plain, &crate::Config::default());
        let names: Vec<_> = findings
            .iter()
            .filter(|f| f.check().family() == crate::Family::Name)
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }
}
