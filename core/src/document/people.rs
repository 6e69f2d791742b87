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

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::ops::Range;

use super::Document;
use crate::text::{fold_word, is_apostrophe, strip_possessive, words_in};

#[path = "names/mod.rs"]
mod names;

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
}

impl Title {
    /// Whether one person cannot hold this title and `other` at once: two
    /// different formal offices of government (`Prime Minister`,
    /// `President`) or two military ranks, neither describing another time.
    /// Courtesy titles, honours, roles and the same office written another
    /// way (`Sen.`/`Senator`) never conflict.
    pub fn conflicts_with(&self, other: &Title) -> bool {
        match (self.office, other.office) {
            (Some(a), Some(b)) => {
                self.class == TitleClass::Office
                    && other.class == TitleClass::Office
                    && !self.qualified
                    && !other.qualified
                    && names::offices_conflict(a, b)
            }
            _ => false,
        }
    }
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

pub(super) fn extract(doc: &Document<'_>) -> People {
    let sentences: usize = doc.body_paragraphs().map(|(_, p)| p.sentences.len()).sum();
    extract_with(doc, sentences >= PARALLEL_SENTENCES)
}

fn extract_with(doc: &Document<'_>, parallel: bool) -> People {
    let sentences = tokenize(doc, parallel);
    let facts = DocFacts::gather(&sentences);
    let scan = |s: usize| {
        let sentence = &sentences[s];
        let next = sentences
            .get(s + 1)
            .filter(|n| n.paragraph == sentence.paragraph);
        let mut found = Vec::new();
        Scanner {
            text: doc.text,
            prose: &doc.prose,
            toks: &sentence.toks,
            next,
            facts: &facts,
            paragraph: sentence.paragraph,
        }
        .scan(&mut found);
        found
    };
    let candidates: Vec<Candidate> = if parallel {
        let found: Vec<Vec<Candidate>> = (0..sentences.len()).into_par_iter().map(scan).collect();
        found.into_iter().flatten().collect()
    } else {
        (0..sentences.len()).flat_map(scan).collect()
    };
    Clusterer::default().run(doc, candidates, &facts)
}

// ---------------------------------------------------------------------------
// Pass 1: tokens and document-wide facts.

/// A word of a sentence, classified for name finding.
#[derive(Debug)]
struct Tok<'a> {
    /// The word without a possessive ending.
    text: &'a str,
    start: usize,
    /// End of `text`.
    end: usize,
    /// End of the word as written (with its possessive).
    word_end: usize,
    folded: Cow<'a, str>,
    possessive: bool,
    /// A period follows directly (`Sen.`, `J.`).
    dot: bool,
    /// Starts with an uppercase letter and has lowercase letters
    /// (`Blinken`, `McDonald`, `al-Assad` counts too).
    name_like: bool,
    /// `J.` or `J.K.`.
    initial: bool,
    /// Some title starts with this word (`sen`, `prime`, `then-secretary`).
    title_word: bool,
    /// `She`, `The`, `Was`: a function word capitalized, never a name
    /// (unless it is also a given name, like `Will`).
    function_word: bool,
    /// The first word of its sentence, or right after an opening quote,
    /// bracket or colon.
    sentence_start: bool,
}

impl Tok<'_> {
    fn is_lower(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }

    fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// All capitals, two letters or more: `US`, `NATO`, `U.S.`.
    fn is_acronym(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }

    fn surname_key(&self) -> String {
        surname_key(&self.folded)
    }
}

fn surname_key(folded: &str) -> String {
    for glued in names::GLUED_PARTICLES {
        if let Some(rest) = folded.strip_prefix(glued) {
            if !rest.is_empty() {
                return rest.to_owned();
            }
        }
    }
    folded.to_owned()
}

/// The surname as written without a glued particle: `Assad` of `al-Assad`.
fn surname_core(text: &str) -> &str {
    for glued in names::GLUED_PARTICLES {
        if text.len() > glued.len()
            && text.is_char_boundary(glued.len())
            && text[..glued.len()].eq_ignore_ascii_case(glued)
        {
            return &text[glued.len()..];
        }
    }
    text
}

struct Sentence<'a> {
    paragraph: usize,
    toks: Vec<Tok<'a>>,
}

fn tokenize<'a>(doc: &'a Document<'a>, parallel: bool) -> Vec<Sentence<'a>> {
    let prose = doc.prose.as_str();
    let units: Vec<(usize, &Range<usize>)> = doc
        .body_paragraphs()
        .flat_map(|(p, paragraph)| paragraph.sentences.iter().map(move |s| (p, s)))
        .collect();
    if parallel {
        units
            .into_par_iter()
            .map(|(p, sentence)| tokenize_sentence(prose, p, sentence))
            .collect()
    } else {
        units
            .into_iter()
            .map(|(p, sentence)| tokenize_sentence(prose, p, sentence))
            .collect()
    }
}

fn tokenize_sentence<'a>(prose: &'a str, p: usize, sentence: &Range<usize>) -> Sentence<'a> {
    let words = words_in(prose, sentence.clone());
    let mut toks = Vec::with_capacity(words.len());
    for (k, w) in words.iter().enumerate() {
        // Only words ending in an apostrophe or `s` can be possessive.
        let text = if w.text.ends_with(['s', '\'', '’']) {
            strip_possessive(w.text)
        } else {
            w.text
        };
        let end = w.start + text.len();
        let word_end = w.end();
        let dot = prose[word_end..].starts_with('.');
        let raw = &prose[sentence.start..w.start];
        let before = raw.trim_end_matches([' ', '\t']);
        // Straight marks and apostrophes open only when glued to the
        // word; `” Blinken` after a closing quote is mid-sentence.
        let glued =
            raw.len() == before.len() && before.ends_with(|c: char| c == '"' || is_apostrophe(c));
        let opener = glued || before.ends_with(['“', '‘', '(', '[', ':', '«', '„']);
        let folded = fold_word(text);
        // `then-Gov`, `President-elect`: a title in either part.
        let title_word = !names::titles_starting_with(&folded).is_empty()
            || (folded.contains(['-', '‑'])
                && folded
                    .split(['-', '‑'])
                    .any(|part| !names::titles_starting_with(part).is_empty()));
        // Only capitalized words can be taken for names.
        let function_word = text.starts_with(char::is_uppercase)
            && names::is_common_opener(&folded)
            && !names::is_given_name(&folded);
        toks.push(Tok {
            text,
            start: w.start,
            end,
            word_end,
            folded,
            possessive: text.len() != w.text.len(),
            dot,
            name_like: is_name_like(text),
            initial: is_initial(text, dot),
            function_word,
            title_word,
            sentence_start: k == 0 || opener,
        });
    }
    // `George W Bush`, `JP McManus`, `F Sheahan`: initials written
    // without periods, recognised by the name they stand before.
    for k in 0..toks.len().saturating_sub(1) {
        let gap = &prose[toks[k].word_end..toks[k + 1].start];
        if gap == " " && is_bare_initial(toks[k].text) && toks[k + 1].name_like {
            toks[k].initial = true;
        }
    }
    Sentence { paragraph: p, toks }
}

fn is_name_like(text: &str) -> bool {
    let first = text.as_bytes().first().copied().unwrap_or(b' ');
    if first.is_ascii_lowercase() && first != b'a' && first != b'e' {
        return false;
    }
    let body = names::GLUED_PARTICLES
        .iter()
        .find_map(|g| text.strip_prefix(g))
        .unwrap_or(text);
    let mut chars = body.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && body.chars().any(char::is_lowercase)
        && !body.chars().any(|c| c.is_ascii_digit())
        && !is_camel_case(body)
        && !is_compound_adjective(body)
}

/// `Paris-based`, `Labour-run`: a capitalized word joined to a lowercase
/// one is an adjective. Short syllables (`Jae-in`, `Jong-un`) are names.
fn is_compound_adjective(word: &str) -> bool {
    word.split_once(['-', '‑']).is_some_and(|(head, tail)| {
        tail.starts_with(char::is_lowercase)
            && (head.chars().count() > 4 || tail.chars().count() > 4)
    })
}

/// `WorldCom`, `PayPal`: a capital inside a word is a brand, except after
/// the name prefixes of `McManus`, `MacArthur`, `DeSantis`, `LaGuardia`.
fn is_camel_case(word: &str) -> bool {
    let mut segment_start = 0;
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if !c.is_alphabetic() {
            segment_start = i + c.len_utf8();
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            let prefix = &word[segment_start..i];
            if !matches!(
                prefix,
                "Mc" | "Mac" | "De" | "Di" | "Da" | "Du" | "La" | "Le" | "Van" | "Von" | "Fitz"
            ) {
                return true;
            }
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// One or two capitals without periods that may be initials: not the
/// words `A` and `I`, nor common two-letter abbreviations.
fn is_bare_initial(text: &str) -> bool {
    // One or two chars, without counting a long word to the end.
    let mut chars = text.chars();
    chars.next().is_some()
        && chars.nth(1).is_none()
        && text.chars().all(|c| c.is_uppercase())
        && !matches!(
            text,
            "A" | "I"
                | "US"
                | "UK"
                | "EU"
                | "UN"
                | "PM"
                | "MP"
                | "TV"
                | "GP"
                | "AP"
                | "BT"
                | "HP"
                | "GE"
                | "IT"
                | "AI"
                | "EC"
                | "DC"
                | "NY"
                | "LA"
                | "OK"
                | "MC"
                | "DJ"
                | "DR"
                | "MG"
                | "GM"
                | "BP"
                | "BA"
                | "EA"
                | "VW"
                | "LG"
                | "PR"
        )
}

/// `J` followed by a period, or `J.K.`, but not `U.S.`.
fn is_initial(text: &str, dot: bool) -> bool {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase() && dot,
        _ => {
            // Letter, period, letter, period: every other char a period.
            text.ends_with('.')
                && text.chars().enumerate().all(|(i, c)| {
                    if i % 2 == 0 {
                        c.is_uppercase()
                    } else {
                        c == '.'
                    }
                })
                && !matches!(
                    text,
                    "U.S." | "U.K." | "U.N." | "E.U." | "D.C." | "N.Y." | "L.A."
                )
        }
    }
}

/// Whether a capitalized first word of a sentence is an ordinary word
/// (`But`, `Speaking`, `Meanwhile`) rather than the first name of a run.
fn is_sentence_opener(folded: &str, mid_caps: &HashSet<String>) -> bool {
    if names::is_common_opener(folded) {
        return true;
    }
    let word_form = folded.chars().count() > 4
        && (folded.ends_with("ing") || folded.ends_with("ly") || folded.ends_with("ed"));
    word_form && !mid_caps.contains(folded)
}

/// Facts about the whole document that single sentences cannot give.
#[derive(Default)]
struct DocFacts {
    /// Folded words seen capitalized, alone, away from a sentence start.
    mid_caps: HashSet<String>,
    /// Folded capitalized words seen right after a lowercase `the`.
    after_the: HashSet<String>,
    /// Words seen written in lowercase (`walls`, `march`).
    lower: HashSet<String>,
}

impl DocFacts {
    fn gather(sentences: &[Sentence<'_>]) -> DocFacts {
        let mut facts = DocFacts::default();
        for sentence in sentences {
            let toks = &sentence.toks;
            for (k, t) in toks.iter().enumerate() {
                if t.is_lower() {
                    facts.lower.insert(t.folded.to_string());
                }
                if !t.name_like {
                    continue;
                }
                if k > 0 && toks[k - 1].text == "the" && !facts.after_the.contains(&*t.folded) {
                    facts.after_the.insert(t.folded.to_string());
                }
                if !t.sentence_start && !facts.mid_caps.contains(&*t.folded) {
                    facts.mid_caps.insert(t.folded.to_string());
                }
            }
        }
        facts
    }
}

// ---------------------------------------------------------------------------
// Pass 2: candidates.

/// A name found in a sentence, before clustering.
#[derive(Debug)]
struct Candidate {
    paragraph: usize,
    range: Range<usize>,
    surname: Range<usize>,
    surname_key: String,
    given: Option<Range<usize>>,
    given_key: Option<String>,
    given_is_initial: bool,
    /// A second key the person is found by (`park` of `Park Seung`).
    alias_key: Option<String>,
    /// One item of a comma-separated list of capitalized words (a team
    /// line-up: `Hutton, Kyrgiakos, Andrews`), where similar surnames are
    /// different players.
    listed: bool,
    /// Middle initials, folded without periods (`hw` of `George H.W. Bush`):
    /// two people may share a given name and surname but not these.
    middle: Option<String>,
    form: MentionForm,
    title: Option<Title>,
    evidence: Evidence,
    complete: bool,
    /// Person evidence of its own: a title, a known given name or initial,
    /// a speech verb, an apposition.
    strong: bool,
}

struct Scanner<'s, 'a> {
    /// The original text, for line breaks (the prose has them blanked).
    text: &'s str,
    prose: &'s str,
    toks: &'s [Tok<'a>],
    /// The next sentence of the same paragraph, for pronoun evidence.
    next: Option<&'s Sentence<'a>>,
    facts: &'s DocFacts,
    paragraph: usize,
}

/// How many words from where a title starts [`Scanner::parse_title`] looks
/// for a title word.
const TITLE_REACH: usize = 7;

/// A title parsed before a name: the title and the token the name starts at.
struct TitleParse {
    title: Title,
    /// The title ends with an `of …`/`for …` complement, where a single
    /// capitalized word after it may still belong to the complement
    /// (`Minister for Defence Procurement`).
    complemented: bool,
    name_start: usize,
}

impl Scanner<'_, '_> {
    fn scan(&self, out: &mut Vec<Candidate>) {
        let n = self.toks.len();
        let mut i = 0;
        // The first title word at or after `i`: most words have none within
        // a title's reach, and need not look (parse_title's own test, done
        // once per sentence instead of once per word).
        let mut next_title = 0;
        while i < n {
            if next_title < i {
                next_title = (i..n).find(|&k| self.toks[k].title_word).unwrap_or(n);
            }
            let title = if next_title < i + TITLE_REACH {
                self.parse_title(i)
            } else {
                None
            };
            let start = title.as_ref().map_or(i, |t| t.name_start);
            match self.parse_run(start) {
                Some(run) => {
                    let end = run.end;
                    let complemented = title.as_ref().is_some_and(|t| t.complemented);
                    let title = title
                        .map(|t| t.title)
                        .or_else(|| self.role_before(run.start));
                    if let Some(mut c) = self.candidate(run, title) {
                        if complemented && c.form == MentionForm::Surname {
                            c.strong = false;
                        }
                        out.push(c);
                    }
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
    }

    /// Whether tokens `a` and `b = a + 1` are written as parts of one name:
    /// only spaces between them (or an initial's period).
    fn adjacent(&self, a: usize) -> bool {
        let (x, y) = (&self.toks[a], &self.toks[a + 1]);
        if x.possessive {
            return false;
        }
        if self.text[x.word_end..y.start].contains('\n') {
            return false;
        }
        let gap = &self.prose[x.word_end..y.start];
        // `then-Gov.`: the title word after a glued modifier.
        let last_part = x.folded.rsplit(['-', '‑']).next().unwrap_or(&x.folded);
        let abbreviation = x.initial || names::is_title_abbreviation(last_part);
        let gap = if x.dot && abbreviation {
            gap.strip_prefix('.').unwrap_or(gap)
        } else {
            gap
        };
        !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    }

    fn is_name_tok(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.initial || (t.name_like && !t.is_acronym() && !t.function_word)
    }

    /// A title starting at token `i`: modifiers, a country or department
    /// prefix, the title itself, an `of …` complement; it must be followed
    /// directly by a name.
    fn parse_title(&self, i: usize) -> Option<TitleParse> {
        let toks = self.toks;
        let n = toks.len();
        // No title word within reach: no title (most words).
        if !toks[i..n.min(i + TITLE_REACH)].iter().any(|t| t.title_word) {
            return None;
        }
        // Most words cannot open a title: not a modifier, a capitalized
        // prefix, an acronym, or a title word.
        let t = &toks[i];
        let may_open = t.is_capitalized()
            || names::is_title_abbreviation(&t.folded)
            || names::MODIFIERS.contains(&t.folded.as_ref())
            || t.folded.contains(['-', '‑']);
        if !may_open {
            return None;
        }
        let mut j = i;
        let mut qualified = false;
        // A modifier glued to the title (`then-Secretary`, `ex-President`)
        // leaves the rest of the word as the first title word.
        let mut glued_first: Option<String> = None;
        while j < n {
            let w = toks[j].folded.as_ref();
            if names::MODIFIERS.contains(&w) {
                qualified = true;
                j += 1;
                continue;
            }
            if let Some((m, rest)) = w.split_once(['-', '‑']) {
                if names::MODIFIERS.contains(&m) && !rest.is_empty() {
                    qualified = true;
                    glued_first = Some(rest.to_owned());
                }
            }
            break;
        }
        if j >= n {
            return None;
        }
        // Candidate starts for the title head: right here, or after up to
        // four prefix words.
        let mut k = j;
        let mut heads = vec![j];
        while k + 1 < n && heads.len() <= 4 {
            let t = &toks[k];
            let prefix = (k == j && glued_first.is_some())
                || t.is_acronym() && t.text.len() <= 4
                || (t.is_capitalized()
                    && (names::is_department(&t.folded) || names::is_not_person(&t.folded)))
                || (t.text == "and" && k > j && names::is_department(&toks[k - 1].folded));
            if !prefix || !self.adjacent(k) {
                break;
            }
            k += 1;
            heads.push(k);
        }
        for &h in &heads {
            let first = if h == j { glued_first.as_deref() } else { None };
            if let Some((def, end)) = self.match_title_words(h, first) {
                // `General Electric`, `Dr Pepper`: a company, not a title.
                let folded: Vec<&str> = toks[h..]
                    .iter()
                    .take(3)
                    .map(|t| t.folded.as_ref())
                    .collect();
                if names::not_person_prefix(&folded) >= 2 {
                    return None;
                }
                let mut end = end;
                let mut qualified = qualified;
                let last = &toks[end - 1].folded;
                if last.ends_with("-elect") || last.ends_with("-designate") {
                    qualified = true;
                }
                let before_complement = end;
                end = self.complement(end);
                let complemented = end > before_complement;
                if end >= n || !self.adjacent(end - 1) || !self.is_name_tok(end) {
                    // `the Rev.` etc. may still stand alone; no name, no title.
                    return None;
                }
                let head = &toks[h];
                let capitalized = first.map_or(head.is_capitalized(), |_| {
                    head.text
                        .split_once(['-', '‑'])
                        .is_some_and(|(_, r)| r.starts_with(char::is_uppercase))
                });
                let class = match def.class {
                    _ if capitalized => def.class,
                    TitleClass::Office => TitleClass::Role,
                    // `will miss January`: not a courtesy title.
                    _ => return None,
                };
                let last_tok = &toks[end - 1];
                let range_end = if last_tok.dot {
                    last_tok.word_end + 1
                } else {
                    last_tok.word_end
                };
                return Some(TitleParse {
                    complemented,
                    title: Title {
                        range: toks[i].start..range_end,
                        class,
                        office: (class != TitleClass::Role).then_some(def.office),
                        qualified,
                    },
                    name_start: end,
                });
            }
        }
        None
    }

    /// The longest title spelling at token `h`; returns it and the token
    /// after it.
    fn match_title_words(
        &self,
        h: usize,
        first: Option<&str>,
    ) -> Option<(&'static names::TitleDef, usize)> {
        let toks = self.toks;
        let head = first.unwrap_or(&toks[h].folded);
        let head = head
            .strip_suffix("-elect")
            .or_else(|| head.strip_suffix("-designate"))
            .unwrap_or(head);
        let mut best: Option<(&'static names::TitleDef, usize)> = None;
        for def in names::titles_starting_with(head) {
            let len = def.words.len();
            if h + len > toks.len() || best.is_some_and(|(b, _)| b.words.len() >= len) {
                continue;
            }
            let matches = def.words.iter().enumerate().all(|(o, w)| {
                let k = h + o;
                let word = if o == 0 {
                    first.unwrap_or(&toks[k].folded)
                } else {
                    &toks[k].folded
                };
                let word = word
                    .strip_suffix("-elect")
                    .or_else(|| word.strip_suffix("-designate"))
                    .unwrap_or(word);
                word == *w && (o == 0 || self.adjacent(k - 1))
            });
            if matches {
                best = Some((def, h + len));
            }
        }
        best
    }

    /// Extend a title over `of State`, `of the Exchequer`, `for Europe`.
    fn complement(&self, end: usize) -> usize {
        let toks = self.toks;
        if end >= toks.len() || !matches!(toks[end].text, "of" | "for") {
            return end;
        }
        let mut k = end + 1;
        let mut last_cap = None;
        while k < toks.len() && self.adjacent(k - 1) {
            let t = &toks[k];
            let cap = t.is_capitalized()
                && (names::is_complement(&t.folded) || names::is_not_person(&t.folded));
            if cap {
                last_cap = Some(k);
            } else if !matches!(t.text, "the" | "and") {
                break;
            }
            k += 1;
        }
        last_cap.map_or(end, |c| c + 1)
    }

    /// A lowercase role right before the name: `chief executive Jane Doe`.
    fn role_before(&self, start: usize) -> Option<Title> {
        if start == 0 || !self.adjacent(start - 1) {
            return None;
        }
        let noun = &self.toks[start - 1];
        if !noun.is_lower() || !names::is_role_noun(&noun.folded) {
            return None;
        }
        // Take in the words describing the role: `company chief executive`.
        let mut first = start - 1;
        while first > 0
            && start - first < 4
            && self.adjacent(first - 1)
            && !crate::text::is_stopword(&self.toks[first - 1].folded)
            && !self.toks[first - 1].possessive
        {
            first -= 1;
        }
        Some(Title {
            range: self.toks[first].start..noun.word_end,
            class: TitleClass::Role,
            office: None,
            qualified: false,
        })
    }

    /// The run of name words starting at token `k`.
    fn parse_run(&self, k: usize) -> Option<Range<usize>> {
        let toks = self.toks;
        let n = toks.len();
        let mut e = k;
        let mut after_nickname = false;
        while e < n {
            if e > k && !after_nickname && !self.adjacent(e - 1) {
                match self.nickname(e) {
                    // `Marion "Suge" Knight`: the nickname stays inside.
                    Some(after) if self.is_name_tok(e - 1) => {
                        e = after;
                        after_nickname = true;
                        continue;
                    }
                    _ => break,
                }
            }
            after_nickname = false;
            if e > k && self.parse_title(e).is_some() {
                break;
            }
            if self.is_name_tok(e) {
                e += 1;
                if toks[e - 1].possessive {
                    break;
                }
                continue;
            }
            // A particle inside a name, or opening one before a capital
            // (`de Blasio`).
            let mut after = e;
            while after + 1 < n
                && toks[after].text.len() <= 5
                && (toks[after + 1].name_like || toks[after + 1].text.len() <= 5)
                && names::is_particle(toks[after].text)
                && self.adjacent(after)
            {
                after += 1;
            }
            let particle = after > e && after < n && toks[after].name_like;
            if particle {
                e += 1;
                continue;
            }
            break;
        }
        (e > k && (k..e).any(|x| toks[x].name_like)).then_some(k..e)
    }

    /// A quoted nickname of one to three capitalized words starting at token
    /// `k` and followed by the rest of the name: returns the token after
    /// the closing mark.
    fn nickname(&self, k: usize) -> Option<usize> {
        let toks = self.toks;
        let open = self.prose[toks[k - 1].word_end..toks[k].start].strip_prefix(' ')?;
        if !matches!(open, "\"" | "“" | "'" | "‘") {
            return None;
        }
        for end in k..toks.len().min(k + 3) {
            if !toks[end].is_capitalized() {
                return None;
            }
            let next = toks.get(end + 1)?;
            let gap = &self.prose[toks[end].word_end..next.start];
            if let Some(rest) = gap.strip_prefix(['"', '”', '\'', '’']) {
                return (rest == " " && next.name_like).then_some(end + 1);
            }
        }
        None
    }

    /// Interpret a run (and its title) as a person candidate, or drop it.
    fn candidate(&self, run: Range<usize>, title: Option<Title>) -> Option<Candidate> {
        let toks = self.toks;
        let mut s = run.start;
        let mut e = run.end;
        // Generational suffixes end a name without being its surname.
        while e > s + 1 && names::is_name_suffix(toks[e - 1].text) {
            e -= 1;
        }
        // `General Electric`: a known organisation or place as a whole.
        if title.is_none() {
            let folded: Vec<&str> = (s..e).map(|k| toks[k].folded.as_ref()).collect();
            if names::not_person_prefix(&folded) == e - s {
                return None;
            }
        }
        // A first word capitalized only because it opens the sentence
        // (`But Blinken said`, `Speaking as …`).
        if title.is_none()
            && e - s > 1
            && toks[s].sentence_start
            && !toks[s].initial
            && !names::is_given_name(&toks[s].folded)
            && (is_sentence_opener(&toks[s].folded, &self.facts.mid_caps)
                || names::is_role_noun(&toks[s].folded))
        {
            s += 1;
        }
        // Places, organisations and nationalities before the name:
        // `Gaza Blinken`, `Republican Donald Trump`.
        let folded: Vec<&str> = (s..e).map(|k| toks[k].folded.as_ref()).collect();
        let place = if title.is_none() {
            names::not_person_prefix(&folded)
        } else {
            0
        };
        if place > 0 {
            let given_first = place == 1
                && e - s > 1
                && names::is_given_name(&toks[s].folded)
                && !names::is_not_person(&toks[s + 1].folded);
            if place == e - s || !given_first {
                s += place;
            }
        }
        // Particles cannot end a name or open it after the cuts above.
        while s < e && !toks[s].name_like && !toks[s].initial && !names::is_particle(toks[s].text) {
            s += 1;
        }
        if s >= e {
            return None;
        }
        // `Child Support Agency Doug Smith`: an organisation, then a name
        // that opens with a given name.
        if let Some(org) = (s..e).rev().find(|&k| names::is_org_word(&toks[k].folded)) {
            let name_follows = org + 2 < e + 1
                && org + 1 < e
                && names::is_given_name(&toks[org + 1].folded)
                && e - org > 2;
            if !name_follows {
                return None;
            }
            s = org + 1;
        }
        let words: Vec<String> = (s..e).map(|k| toks[k].folded.to_string()).collect();
        let joined = words.join(" ");
        let courtesy = title
            .as_ref()
            .is_some_and(|t| t.class == TitleClass::Courtesy);
        if names::is_not_person(&joined) && !courtesy {
            return None;
        }
        if e - s == 1 && names::is_not_person(&words[0]) && !courtesy {
            return None;
        }
        // `the Pentagon`, `a Trump`: an article before a bare run.
        let after_article = title.is_none()
            && s > 0
            && s == run.start
            && matches!(toks[s - 1].text, "the" | "a" | "an" | "The" | "A" | "An");
        if after_article && !names::is_given_name(&toks[s].folded) {
            return None;
        }

        // Split into given names and surname.
        let name_toks: Vec<usize> = (s..e).filter(|&k| self.is_name_tok(k)).collect();
        let last = *name_toks.last()?;
        if !toks[last].name_like {
            return None;
        }
        let east_asian = self.east_asian(&name_toks);
        let (surname_tok, given_tok) = if east_asian {
            (name_toks[0], Some(name_toks[1]))
        } else {
            let given = (name_toks.len() > 1).then_some(name_toks[0]);
            (last, given)
        };
        // Particles before the surname belong to it (`de Gaulle`).
        let mut surname_start = toks[surname_tok].start;
        let mut p = surname_tok;
        while !east_asian && p > s && names::is_particle(toks[p - 1].text) {
            p -= 1;
            surname_start = toks[p].start;
        }
        let surname_tok_ref = &toks[surname_tok];
        let given_is_initial = given_tok.is_some_and(|g| toks[g].initial);
        let given_known = given_tok.is_some_and(|g| names::is_given_name(&toks[g].folded));
        let form = if given_tok.is_some() {
            MentionForm::Full
        } else {
            MentionForm::Surname
        };
        if form == MentionForm::Surname {
            let key = &surname_tok_ref.folded;
            // `Munich Re`; only East Asian surnames are this short.
            if key.chars().count() < 3 && !names::is_east_asian_surname(key) {
                return None;
            }
            // `Director General`, `Secretary`: a title word alone.
            if names::is_title_word(key) {
                return None;
            }
            // `Department for Transport`, `Bank of England`: the tail of a
            // name of an organisation.
            let of_org = title.is_none()
                && s >= 2
                && matches!(toks[s - 1].text, "of" | "for")
                && toks[s - 2].is_capitalized()
                && self.adjacent(s - 2)
                && self.adjacent(s - 1);
            // `Ernst & Young`, `50 Cent`, `Stars In Their Eyes`.
            let glued_before = title.is_none() && s > 0 && s == run.start && {
                let prev = &toks[s - 1];
                let gap = &self.prose[prev.word_end..toks[s].start];
                gap.contains('&')
                    || (self.adjacent(s - 1)
                        && (prev.text.chars().all(|c| c.is_ascii_digit())
                            || (prev.function_word
                                && prev.is_capitalized()
                                && !prev.sentence_start)))
            };
            if of_org || glued_before {
                return None;
            }
        }

        let complete = form == MentionForm::Surname
            && title
                .as_ref()
                .is_some_and(|t| matches!(t.class, TitleClass::Royal | TitleClass::Honorific));
        let (speech, inverted) = self.speech_after(e, run.start);
        let apposition = self.apposition(e);
        let title = title.or_else(|| apposition.clone());
        let evidence = Evidence {
            given_name: given_known,
            speech: speech || inverted,
            apposition: apposition.is_some(),
            pronoun: self.pronoun_after(e),
            sentence_start: toks[s].sentence_start && title.is_none(),
            given_name_only: form == MentionForm::Surname
                && names::is_given_name(&surname_tok_ref.folded),
        };
        let strong = title.is_some()
            || given_known
            || given_is_initial
            || east_asian
            || evidence.speech
            || evidence.apposition;
        let range = toks[s].start..toks[e - 1].end;
        Some(Candidate {
            paragraph: self.paragraph,
            surname: surname_start..surname_tok_ref.end,
            surname_key: surname_tok_ref.surname_key(),
            given: given_tok.map(|g| toks[g].start..toks[g].end),
            given_key: given_tok.map(|g| toks[g].folded.trim_end_matches('.').to_owned()),
            given_is_initial,
            alias_key: given_tok
                .filter(|&g| !east_asian && names::is_east_asian_surname(&toks[g].folded))
                .map(|g| toks[g].folded.to_string()),
            listed: {
                let comma_cap = |a: usize, b: usize| {
                    let gap = self.prose[toks[a].word_end..toks[b].start].trim();
                    matches!(gap, "," | ";") && toks[a].is_capitalized() && toks[b].is_capitalized()
                };
                (s > 0 && comma_cap(s - 1, s)) || (e < toks.len() && comma_cap(e - 1, e))
            },
            middle: {
                let middle: String = name_toks
                    .iter()
                    .filter(|&&k| Some(k) != given_tok && k != surname_tok && toks[k].initial)
                    .flat_map(|&k| toks[k].folded.chars().filter(|c| *c != '.'))
                    .collect();
                (!middle.is_empty()).then_some(middle)
            },
            form,
            title,
            evidence,
            complete,
            strong,
            range,
        })
    }

    /// `Xi Jinping`, `Kim Jong Un`, `Moon Jae-in`: surname first.
    fn east_asian(&self, name_toks: &[usize]) -> bool {
        if !(2..=3).contains(&name_toks.len()) {
            return false;
        }
        let first = &self.toks[name_toks[0]];
        let second = &self.toks[name_toks[1]];
        if !names::is_east_asian_surname(&first.folded) || names::is_given_name(&second.folded) {
            return false;
        }
        let hyphen_syllables = second
            .text
            .split_once('-')
            .is_some_and(|(_, r)| r.starts_with(char::is_lowercase));
        let chinese = matches!(
            first.folded.as_ref(),
            "xi" | "li"
                | "wang"
                | "zhang"
                | "liu"
                | "chen"
                | "yang"
                | "huang"
                | "zhao"
                | "zhou"
                | "xu"
                | "hu"
                | "guo"
                | "wen"
                | "jiang"
                | "deng"
                | "mao"
        );
        let syllables = name_toks.len() == 3
            && name_toks[1..]
                .iter()
                .all(|&k| self.toks[k].text.chars().count() <= 4);
        hyphen_syllables || (chinese && name_toks.len() == 2) || syllables
    }

    /// A speech verb after the name (`Blinken said`, `Blinken also told`),
    /// or before it at a clause end (`…," said Blinken.`).
    fn speech_after(&self, e: usize, run_start: usize) -> (bool, bool) {
        let toks = self.toks;
        let mut k = e;
        let mut after = false;
        let mut fillers = 0;
        while k < toks.len() && self.adjacent(k - 1) {
            let w = toks[k].folded.as_ref();
            if names::is_speech_verb(w) {
                // `Euronext said it would bid`: a company speaks of itself
                // as `it`.
                let next = toks[k + 1..]
                    .iter()
                    .map(|t| t.folded.as_ref())
                    .find(|w| *w != "that");
                after = !matches!(next, Some("it" | "its" | "it's"));
                break;
            }
            if names::is_verb_filler(w) && fillers < 2 {
                fillers += 1;
                k += 1;
                continue;
            }
            break;
        }
        let inverted = run_start > 0
            && self.adjacent(run_start - 1)
            && matches!(
                toks[run_start - 1].folded.as_ref(),
                "said" | "says" | "added" | "asked" | "wrote"
            )
            && {
                let rest = self.prose[toks[e - 1].word_end..].trim_start_matches(' ');
                rest.is_empty() || rest.starts_with([',', '.', ';', '!', '?'])
            };
        (after, inverted)
    }

    /// `Jane Doe, the company's chief executive,` or `Jane Doe, 45, a
    /// teacher,`: a role in apposition, as a title after the name.
    fn apposition(&self, e: usize) -> Option<Title> {
        let toks = self.toks;
        if e >= toks.len() {
            return None;
        }
        let gap = &self.prose[toks[e - 1].word_end..toks[e].start];
        if gap.trim() != "," {
            return None;
        }
        let opener = toks[e].text;
        let mut k = e;
        if opener.chars().all(|c| c.is_ascii_digit()) {
            // An age: `Jane Doe, 45, a teacher`.
            k += 1;
            if k >= toks.len() || self.prose[toks[k - 1].word_end..toks[k].start].trim() != "," {
                return None;
            }
        }
        if !matches!(
            toks.get(k)?.text,
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        ) {
            return None;
        }
        let from = toks[k].start;
        let mut role_end = None;
        for (j, t) in toks.iter().enumerate().take(k + 9).skip(k + 1) {
            if !self.adjacent_loose(j - 1) {
                break;
            }
            if names::is_role_noun(&t.folded) && t.is_lower() {
                role_end = Some(t.word_end);
            }
        }
        role_end.map(|end| Title {
            range: from..end,
            class: TitleClass::Role,
            office: None,
            qualified: false,
        })
    }

    /// Tokens of one phrase: no punctuation between them but apostrophes,
    /// hyphens and spaces.
    fn adjacent_loose(&self, a: usize) -> bool {
        let gap = &self.prose[self.toks[a].word_end..self.toks[a + 1].start];
        gap.chars()
            .all(|c| c == ' ' || is_apostrophe(c) || c == 's')
    }

    /// `Toho said it …` is a company; `Smith said he …` or a next sentence
    /// opening with `She` is a person: a personal pronoun right after the
    /// speech verb (within a few words) or opening the next sentence.
    fn pronoun_after(&self, e: usize) -> bool {
        let toks = self.toks;
        let verb = toks[e..]
            .iter()
            .take(3)
            .position(|t| names::is_speech_verb(&t.folded));
        let after_verb = verb.is_some_and(|v| {
            toks[e + v + 1..]
                .iter()
                .take(4)
                .any(|t| names::is_personal_pronoun(&t.folded))
        });
        let next_opens = self
            .next
            .and_then(|s| s.toks.first())
            .is_some_and(|t| matches!(t.folded.as_ref(), "he" | "she"));
        after_verb || next_opens
    }
}

// ---------------------------------------------------------------------------
// Pass 3: clustering.

#[derive(Default)]
struct Cluster {
    mentions: Vec<usize>,
    surname_key: String,
    /// Folded first given names of the person's full mentions.
    given_keys: Vec<String>,
    /// (given name, middle initials) of full mentions that have initials.
    middles: Vec<(String, String)>,
    /// Has a full mention.
    has_full: bool,
    /// Listed in the near-spelling index.
    indexed: bool,
    /// Titles given so far, to tell a full name that is someone else.
    titles: Vec<Title>,
    /// Start offset of the latest mention assigned so far.
    last: usize,
}

#[derive(Default)]
struct Clusterer {
    clusters: Vec<Cluster>,
    /// Folded surname → clusters.
    by_surname: HashMap<String, Vec<usize>>,
    /// Clusters named in full or with a title, by the first letter of
    /// their surname, for near-spelling lookups: misspellings keep the
    /// start of a name far more often than not, and the buckets stay small.
    near_index: HashMap<String, Vec<usize>>,
    /// Every given name of a full mention so far.
    givens: HashSet<String>,
    /// Candidate index → (cluster, ambiguous).
    assigned: Vec<Option<(usize, bool)>>,
    /// Folded surname → how many candidates have it.
    key_counts: HashMap<String, usize>,
}

impl Clusterer {
    fn run(
        mut self,
        doc: &Document<'_>,
        mut candidates: Vec<Candidate>,
        facts: &DocFacts,
    ) -> People {
        // A surname that stands alone mid-sentence, or ends a name opened by
        // a given name or a title, is a name wherever it is capitalized.
        let confirmed: HashSet<String> = candidates
            .iter()
            .filter(|c| match c.form {
                MentionForm::Full => c.evidence.given_name || c.title.is_some(),
                MentionForm::Surname => !c.evidence.sentence_start,
            })
            .map(|c| c.surname_key.clone())
            .collect();
        for c in &mut candidates {
            if confirmed.contains(&c.surname_key) {
                c.evidence.sentence_start = false;
            }
        }
        for c in &candidates {
            *self.key_counts.entry(c.surname_key.clone()).or_default() += 1;
        }
        self.assigned = vec![None; candidates.len()];
        let mut deferred = Vec::new();
        for (i, c) in candidates.iter().enumerate() {
            let known = self.by_surname.contains_key(&c.surname_key);
            match c.form {
                MentionForm::Full if c.strong || known => self.join_full(i, c),
                MentionForm::Surname if c.complete => {
                    let id = self.new_cluster(c);
                    self.assign(i, c, id, false);
                }
                MentionForm::Surname if known => self.attach_surname(i, c, false),
                MentionForm::Surname if c.strong && self.may_start_person(c, facts) => {
                    self.attach_surname(i, c, true)
                }
                _ => deferred.push(i),
            }
        }
        // Names without evidence of their own join people found elsewhere:
        // `Volodymyr Zelensky` when `Zelensky said` comes later, or an early
        // bare `Blinken` before `Antony Blinken`.
        for &i in &deferred {
            let c = &candidates[i];
            if self.by_surname.contains_key(&c.surname_key) {
                match c.form {
                    MentionForm::Full => self.join_full(i, c),
                    MentionForm::Surname => self.attach_surname(i, c, false),
                }
            } else if c.form == MentionForm::Surname {
                // A bare word only counts as a misspelling of someone named
                // in full when it is long, capitalized for itself and no
                // organisation's name.
                let min_len = if self.repeated(&c.surname_key) {
                    MIN_BARE_NEAR_LEN_REPEATED
                } else {
                    MIN_BARE_NEAR_LEN
                };
                // At a sentence start, a word written once, never in
                // lowercase, and long enough not to be a common word
                // (`Tromp drew …` after `Donald Trump`).
                let start_ok = !c.evidence.sentence_start
                    || (!self.repeated(&c.surname_key)
                        && c.surname_key.chars().count() >= MIN_NEAR_LEN
                        && !facts.lower.contains(&c.surname_key));
                let bare_ok = c.surname_key.chars().count() >= min_len
                    && start_ok
                    && !c.listed
                    && (c.evidence.sentence_start || self.may_start_person(c, facts));
                if (c.strong || bare_ok) && self.may_be_variant(c) {
                    if let Some(id) = self.near_person(&c.surname_key, !c.strong) {
                        self.assign_variant(i, c, id);
                    }
                }
            }
        }
        self.finish(doc, candidates)
    }

    /// Whether a surname reference may be another person's surname
    /// misspelled: not a common given name (`David`) nor the given name of
    /// someone in the story (`Russ` of `Russ Kellan`), which is a
    /// first-name reference.
    fn may_be_variant(&self, c: &Candidate) -> bool {
        !c.evidence.given_name_only && !self.givens.contains(&c.surname_key)
    }

    /// Whether a surname form comes back in the story: then only a close,
    /// long spelling joins it to another person (`Zelensky` three times
    /// after `Volodymyr Zelenskiy`), not the looser matches a one-off slip
    /// is allowed.
    fn repeated(&self, key: &str) -> bool {
        self.key_counts.get(key).copied().unwrap_or(0) > 1
    }

    /// A bare surname may stand for a person of its own only when it is
    /// capitalized for itself and not an organisation's name.
    fn may_start_person(&self, c: &Candidate, facts: &DocFacts) -> bool {
        let titled = c
            .title
            .as_ref()
            .is_some_and(|t| t.class != TitleClass::Role);
        titled
            || (!facts.after_the.contains(&c.surname_key)
                && (!c.evidence.sentence_start || facts.mid_caps.contains(&c.surname_key)))
    }

    fn new_cluster(&mut self, c: &Candidate) -> usize {
        let id = self.clusters.len();
        self.clusters.push(Cluster {
            surname_key: c.surname_key.clone(),
            ..Cluster::default()
        });
        self.by_surname
            .entry(c.surname_key.clone())
            .or_default()
            .push(id);
        id
    }

    fn assign(&mut self, i: usize, c: &Candidate, id: usize, ambiguous: bool) {
        self.assigned[i] = Some((id, ambiguous));
        let cluster = &mut self.clusters[id];
        cluster.mentions.push(i);
        cluster.last = cluster.last.max(c.range.start);
        if let Some(t) = &c.title {
            cluster.titles.push(t.clone());
        }
        if c.form == MentionForm::Full {
            if let (Some(g), Some(m)) = (&c.given_key, &c.middle) {
                cluster.middles.push((g.clone(), m.clone()));
            }
            if let Some(g) = &c.given_key {
                if !cluster.given_keys.contains(g) {
                    cluster.given_keys.push(g.clone());
                }
                if !self.givens.contains(g) {
                    self.givens.insert(g.clone());
                }
            }
            cluster.has_full = true;
        }
        // Misspellings are looked for among people named in full or with a
        // title (`Mr Chidambaram`), never among bare words.
        let titled = c
            .title
            .as_ref()
            .is_some_and(|t| t.class != TitleClass::Role);
        if !cluster.indexed && (c.form == MentionForm::Full || titled) {
            cluster.indexed = true;
            let bucket = near_bucket(&cluster.surname_key);
            self.near_index.entry(bucket).or_default().push(id);
        }
    }

    /// `Park Seung` is later `Mr Park`: a name opening with an East Asian
    /// surname is also found by that surname.
    fn alias(&mut self, c: &Candidate, id: usize) {
        if let Some(key) = &c.alias_key {
            self.add_key(key, id);
        }
    }

    /// Let later references find cluster `id` by `key` too.
    fn add_key(&mut self, key: &str, id: usize) {
        let ids = self.by_surname.entry(key.to_owned()).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    /// Join a misspelling to the person it misspells; later references
    /// written the same way then find the person too.
    fn assign_variant(&mut self, i: usize, c: &Candidate, id: usize) {
        self.add_key(&c.surname_key, id);
        self.assign(i, c, id, false);
    }

    fn join_full(&mut self, i: usize, c: &Candidate) {
        let given = c.given_key.as_deref().unwrap_or("");
        let same_surname = self
            .by_surname
            .get(&c.surname_key)
            .cloned()
            .unwrap_or_default();
        let pick = |f: &dyn Fn(&Cluster) -> bool| {
            same_surname
                .iter()
                .copied()
                .filter(|&id| f(&self.clusters[id]))
                .max_by_key(|&id| self.clusters[id].last)
        };
        // `George W. Bush` and `George H.W. Bush` are two people.
        let middle_conflict = |cl: &Cluster| {
            c.middle
                .as_ref()
                .is_some_and(|m| cl.middles.iter().any(|(g, other)| g == given && other != m))
        };
        let found = pick(&|cl| cl.given_keys.iter().any(|g| g == given) && !middle_conflict(cl))
            .or_else(|| pick(&|cl| cl.given_keys.is_empty() && compatible(cl, c)))
            .or_else(|| {
                if c.given_is_initial {
                    return None;
                }
                pick(&|cl| {
                    cl.given_keys
                        .iter()
                        .any(|g| near_spelling(g, given) && !is_short_form(g, given))
                })
            })
            .or_else(|| {
                // `Benjamin Netanyahou` after `Benjamin Netanyahu`.
                if !same_surname.is_empty() || c.given_is_initial || !self.givens.contains(given) {
                    return None;
                }
                let mut near = self
                    .near_ids(&c.surname_key)
                    .into_iter()
                    .filter(|&id| self.clusters[id].given_keys.iter().any(|g| g == given));
                let first = near.next()?;
                near.next().is_none().then_some(first)
            });
        let id = found.unwrap_or_else(|| self.new_cluster(c));
        if self.clusters[id].surname_key != c.surname_key {
            self.add_key(&c.surname_key, id);
        }
        self.alias(c, id);
        self.assign(i, c, id, false);
    }

    /// Attach a surname reference to its person; `may_create` lets it start
    /// a person of its own when none matches.
    fn attach_surname(&mut self, i: usize, c: &Candidate, may_create: bool) {
        if let Some(ids) = self.by_surname.get(&c.surname_key) {
            let ids = ids.clone();
            let before: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|&id| self.clusters[id].mentions.iter().any(|&m| m < i))
                .collect();
            let pool = if before.is_empty() { &ids } else { &before };
            let id = if before.is_empty() {
                // Before any of them (an early bare surname): the first.
                pool.iter()
                    .copied()
                    .min_by_key(|&id| self.clusters[id].mentions[0])
            } else {
                pool.iter()
                    .copied()
                    .max_by_key(|&id| self.clusters[id].last)
            };
            if let Some(id) = id {
                let people = ids
                    .iter()
                    .filter(|&&id| !self.clusters[id].given_keys.is_empty())
                    .count();
                self.assign(i, c, id, people > 1);
                return;
            }
        }
        if !may_create {
            return;
        }
        let near = if self.may_be_variant(c) {
            self.near_person(&c.surname_key, false)
        } else {
            None
        };
        match near {
            Some(id) => self.assign_variant(i, c, id),
            None => {
                let id = self.new_cluster(c);
                self.assign(i, c, id, false);
            }
        }
    }

    /// The one person named in full or with a title (only in full with
    /// `need_full`) whose surname is a near spelling of `key`.
    fn near_person(&self, key: &str, need_full: bool) -> Option<usize> {
        let found: Vec<usize> = self
            .near_ids(key)
            .into_iter()
            .filter(|&id| !need_full || self.clusters[id].has_full)
            .collect();
        // Several people sharing the surname it misspells (`Bill Clinton`,
        // `Hillary Clinton`): still that surname misspelled; the most
        // recently mentioned of them, as a bare surname would take.
        let first = *found.first()?;
        let one_surname = found
            .iter()
            .all(|&id| self.clusters[id].surname_key == self.clusters[first].surname_key);
        one_surname.then(|| {
            found
                .iter()
                .copied()
                .max_by_key(|&id| self.clusters[id].last)
                .unwrap_or(first)
        })
    }

    /// Indexed clusters whose surname is a near spelling of `key`.
    fn near_ids(&self, key: &str) -> Vec<usize> {
        if key.chars().count() < 4 {
            return Vec::new();
        }
        let Some(bucket) = self.near_index.get(&near_bucket(key)) else {
            return Vec::new();
        };
        // A story with this many people starting alike is a list, not
        // prose; comparing each would be quadratic for no finding.
        if bucket.len() > MAX_NEAR_BUCKET {
            return Vec::new();
        }
        let repeated = self.repeated(key);
        bucket
            .iter()
            .copied()
            .filter(|&id| {
                let known = &self.clusters[id].surname_key;
                if repeated {
                    near_spelling(known, key) && known.get(..2) == key.get(..2)
                } else {
                    near_surname(known, key)
                }
            })
            .collect()
    }

    fn finish(self, doc: &Document<'_>, candidates: Vec<Candidate>) -> People {
        // Keep clusters that have a mention; number them by first mention.
        let mut order: Vec<usize> = (0..self.clusters.len())
            .filter(|&id| !self.clusters[id].mentions.is_empty())
            .collect();
        order.sort_by_key(|&id| self.clusters[id].mentions.iter().min().copied());
        let mut new_id = vec![usize::MAX; self.clusters.len()];
        for (n, &id) in order.iter().enumerate() {
            new_id[id] = n;
        }
        let mut people = People {
            mentions: Vec::with_capacity(candidates.len()),
            persons: order
                .iter()
                .map(|&id| Person {
                    mentions: Vec::new(),
                    name: String::new(),
                    full: None,
                    surname_key: self.clusters[id].surname_key.clone(),
                })
                .collect(),
        };
        // Candidates are in text order already.
        for (i, c) in candidates.into_iter().enumerate() {
            let Some((id, ambiguous)) = self.assigned[i] else {
                continue;
            };
            let person = new_id[id];
            let m = people.mentions.len();
            let p = &mut people.persons[person];
            p.mentions.push(m);
            if p.full.is_none() && (c.form == MentionForm::Full || c.complete) {
                p.full = Some(m);
            }
            people.mentions.push(Mention {
                title: c.title.as_ref().map(|t| t.range.clone()),
                range: c.range,
                surname: c.surname,
                form: c.form,
                paragraph: c.paragraph,
                person,
                given: c.given,
                title_info: c.title,
                evidence: c.evidence,
                complete: c.complete,
                ambiguous,
            });
        }
        for p in &mut people.persons {
            let shown = p.full.unwrap_or(p.mentions[0]);
            p.name = doc.text[people.mentions[shown].range.clone()].to_owned();
        }
        people
    }
}

/// Whether a full name may be the person a surname-only cluster refers to:
/// not when their titles say otherwise (`President Obama` … `first lady
/// Michelle Obama`; `Mr Smith` … `Ms Jane Smith`).
fn compatible(cluster: &Cluster, c: &Candidate) -> bool {
    let Some(title) = &c.title else {
        return true;
    };
    cluster.titles.iter().all(|t| match (t.class, title.class) {
        (TitleClass::Courtesy, TitleClass::Courtesy) => {
            t.office == title.office
                || matches!(
                    (t.office, title.office),
                    (Some("ms" | "mrs" | "miss"), Some("ms" | "mrs" | "miss"))
                )
        }
        (TitleClass::Courtesy, _) | (_, TitleClass::Courtesy) => true,
        (TitleClass::Office, TitleClass::Office) => {
            t.office == title.office || t.qualified || title.qualified
        }
        (TitleClass::Office, TitleClass::Role) | (TitleClass::Role, TitleClass::Office) => false,
        _ => true,
    })
}

/// A lowercase noun for what a person does (`spokesman`, `pollster`).
pub(crate) fn is_role_noun(folded: &str) -> bool {
    names::is_role_noun(folded)
}

/// Shortest bare word (no title, no speech verb) taken for a misspelling
/// written once, and for a form the story repeats.
const MIN_BARE_NEAR_LEN: usize = 4;
const MIN_BARE_NEAR_LEN_REPEATED: usize = 6;

/// Shortest name compared for near spellings: short names differ by one
/// letter far too often (`Mark`/`Mary`, `Kerr`/`Kerry`).
const MIN_NEAR_LEN: usize = 5;

/// Whether two folded names are near enough to be one name misspelled:
/// one edit for five to seven letters, two from eight; never for shorter
/// names, plurals (`Obama`/`Obamas`) or feminine forms (`Louis`/`Louise`,
/// `Brown`/`Browne`), which are different names.
pub(crate) fn near_spelling(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let len = short.chars().count();
    if len < MIN_NEAR_LEN || long.chars().count() > len + 2 {
        return false;
    }
    if let Some(tail) = long.strip_prefix(short) {
        if matches!(tail, "s" | "es" | "e" | "a" | "ne" | "ie" | "y") {
            return false;
        }
    }
    let allowed = if len >= 8 { 2 } else { 1 };
    ascii_edit_distance(a, b).unwrap_or_else(|| strsim::osa_distance(a, b)) <= allowed
}

/// Whether `variant` may be surname `known` misspelled: a near spelling
/// ([`near_spelling`]), or for four-letter surnames one vowel written for
/// another (`Cruz`/`Croz`), the slip a four-letter name allows without
/// turning into the common different names one letter apart (`Kerr`/`Kerry`,
/// `Mark`/`Mary`).
pub(crate) fn near_surname(known: &str, variant: &str) -> bool {
    near_spelling(known, variant) || vowel_slip(known, variant)
}

fn vowel_slip(a: &str, b: &str) -> bool {
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != 4 || b.len() != 4 || a[0] != b[0] {
        return false;
    }
    let diffs: Vec<usize> = (1..4).filter(|&i| a[i] != b[i]).collect();
    matches!(diffs[..], [i] if is_vowel(a[i]) && is_vowel(b[i]))
}

/// [`strsim::osa_distance`] without allocating, for ASCII names up to 32 bytes
/// (nearly all); `None` otherwise.
fn ascii_edit_distance(a: &str, b: &str) -> Option<usize> {
    const MAX: usize = 32;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > MAX || b.len() > MAX || !a.is_ascii() || !b.is_ascii() {
        return None;
    }
    // Three rows used in turn: two back (for transpositions), one back,
    // current.
    let mut rows = [[0u8; MAX + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i as u8;
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
        }
    }
    Some(usize::from(rows[a.len() % 3][b.len()]))
}

/// `Steve`/`Steven`: a given name that is the start of another given name
/// is its short form, possibly another person's name.
fn is_short_form(a: &str, b: &str) -> bool {
    (a.starts_with(b) || b.starts_with(a)) && names::is_given_name(a) && names::is_given_name(b)
}

/// The near-spelling bucket of a folded surname: its first letter (a
/// misspelling keeps the first letter far more often than not; the second
/// is often the very vowel swapped: `Sanders`/`Senders`).
fn near_bucket(key: &str) -> String {
    key.chars().take(1).collect()
}

/// Largest bucket of similar-starting surnames searched for a near spelling.
const MAX_NEAR_BUCKET: usize = 64;

#[cfg(test)]
mod tests {
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
        let parallel = extract_with(&doc, true);
        assert!(parallel.mentions.len() >= 900);
        assert_eq!(parallel, extract_with(&doc, false));
        assert_eq!(parallel, doc.people);
    }

    fn people(text: &str) -> (Document<'_>, Vec<(String, Vec<String>)>) {
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

    fn names(text: &str) -> Vec<String> {
        people(text).1.into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn full_name_and_later_surnames_are_one_person() {
        let (_, persons) = people(
            "US Secretary of State Antony Blinken said on Friday that talks continue.\n\
             Blinken told reporters the gaps were narrowing.\n\
             Speaking in Doha, Blinken added that Blinken's team would stay.\n",
        );
        assert_eq!(
            persons,
            [(
                "Antony Blinken".to_owned(),
                vec![
                    "Antony Blinken".to_owned(),
                    "Blinken".into(),
                    "Blinken".into(),
                    "Blinken".into()
                ]
            )]
        );
    }

    #[test]
    fn titles_are_parsed_with_prefix_and_complement() {
        let text = "US Secretary of State Antony Blinken met former Prime Minister Tony Blair.\n";
        let doc = Document::parse(text, DocKind::Plain);
        let m = &doc.people.mentions;
        assert_eq!(m.len(), 2);
        let t0 = m[0].title_info.as_ref().unwrap();
        assert_eq!(&text[t0.range.clone()], "US Secretary of State");
        assert_eq!(
            (t0.class, t0.office, t0.qualified),
            (TitleClass::Office, Some("secretary"), false)
        );
        let t1 = m[1].title_info.as_ref().unwrap();
        assert_eq!(&text[t1.range.clone()], "former Prime Minister");
        assert_eq!((t1.office, t1.qualified), (Some("prime minister"), true));
    }

    #[test]
    fn abbreviated_and_glued_titles() {
        let text =
            "Sen. Ted Cruz spoke after then-Gov. Rick Perry and President-elect Joe Biden.\n";
        let doc = Document::parse(text, DocKind::Plain);
        let titles: Vec<(&str, Option<&str>, bool)> = doc
            .people
            .mentions
            .iter()
            .map(|m| {
                let t = m.title_info.as_ref().unwrap();
                (&text[t.range.clone()], t.office, t.qualified)
            })
            .collect();
        assert_eq!(
            titles,
            [
                ("Sen.", Some("senator"), false),
                ("then-Gov.", Some("governor"), true),
                ("President-elect", Some("president"), true)
            ]
        );
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart() {
        let (doc, persons) = people(
            "President Joe Biden spoke on Monday.\n\
             His son Hunter Biden was in court.\n\
             Biden said he was proud.\n",
        );
        assert_eq!(names_of(&persons), ["Joe Biden", "Hunter Biden"]);
        let last = doc.people.mentions.last().unwrap();
        assert!(last.ambiguous);
        assert_eq!(doc.people.persons[last.person].name, "Hunter Biden");
    }

    fn names_of(persons: &[(String, Vec<String>)]) -> Vec<&str> {
        persons.iter().map(|(n, _)| n.as_str()).collect()
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        let text = "Goldman Sachs and Morgan Stanley met in Jackson Hole.\n\
                    Officials in Washington, Doha and Gaza said Hamas and Israel talked.\n\
                    The White House and the Supreme Court said New York would wait.\n\
                    Wall Street rose on Friday in March as the Democratic Party met.\n";
        assert!(names(text).is_empty(), "{:?}", names(text));
    }

    #[test]
    fn sentence_initial_capitals_are_not_names() {
        let text = "Speaking on Monday, officials said talks would go on.\n\
                    But Antony Blinken said more was needed.\n";
        assert_eq!(names(text), ["Antony Blinken"]);
    }

    #[test]
    fn possessives_are_stripped_from_the_range() {
        let text = "Antony Blinken's plane landed. Blinken’s aides waited.\n";
        let (_, persons) = people(text);
        assert_eq!(persons[0].1, ["Antony Blinken", "Blinken"]);
    }

    #[test]
    fn particles_initials_and_glued_prefixes() {
        let text = "Bashar al-Assad met Charles de Gaulle and J.K. Rowling and George W. Bush.\n\
                    Assad said nothing. Bush said little.\n";
        let doc = Document::parse(text, DocKind::Plain);
        let (_, persons) = people(text);
        assert_eq!(
            names_of(&persons),
            [
                "Bashar al-Assad",
                "Charles de Gaulle",
                "J.K. Rowling",
                "George W. Bush"
            ]
        );
        assert_eq!(persons[0].1, ["Bashar al-Assad", "Assad"]);
        let gaulle = &doc.people.mentions[1];
        assert_eq!(&text[gaulle.surname.clone()], "de Gaulle");
        assert_eq!(&text[gaulle.given.clone().unwrap()], "Charles");
    }

    #[test]
    fn diacritics_do_not_split_a_person() {
        let (_, persons) = people("José Mourinho arrived. Jose Mourinho said he was happy.\n");
        assert_eq!(persons.len(), 1);
        assert_eq!(persons[0].1.len(), 2);
    }

    #[test]
    fn courtesy_titles_on_later_references() {
        let text = "Prime Minister Tony Blair spoke.\nMr Blair said he would stay.\n";
        let doc = Document::parse(text, DocKind::Plain);
        let m = &doc.people.mentions[1];
        assert_eq!(&text[m.range.clone()], "Blair");
        assert_eq!(m.title_info.as_ref().unwrap().class, TitleClass::Courtesy);
        assert_eq!(m.person, 0);
    }

    #[test]
    fn roles_before_and_after_the_name() {
        let text = "Jane Doe, the company's chief executive, said sales fell.\n\
                    Analysts agreed with chief economist Paul Krugman.\n";
        let doc = Document::parse(text, DocKind::Plain);
        let roles: Vec<&str> = doc
            .people
            .mentions
            .iter()
            .map(|m| &text[m.title.clone().unwrap()])
            .collect();
        assert_eq!(roles, ["the company's chief executive", "chief economist"]);
    }

    #[test]
    fn east_asian_names_put_the_surname_first() {
        let (_, persons) =
            people("President Xi Jinping met Kim Jong Un. Xi said ties were strong.\n");
        assert_eq!(persons[0].1, ["Xi Jinping", "Xi"]);
    }

    #[test]
    fn near_spellings_join_the_person_they_misspell() {
        let (_, persons) = people(
            "Prime Minister Benjamin Netanyahu spoke.\nNetanyahou said Israel would go on.\n",
        );
        assert_eq!(persons.len(), 1);
        assert_eq!(persons[0].1, ["Benjamin Netanyahu", "Netanyahou"]);
        assert!(near_spelling("antony", "anthony"));
        assert!(near_spelling("zelensky", "zelenskiy"));
        assert!(!near_spelling("louis", "louise"));
        assert!(!near_spelling("obama", "obamas"));
        assert!(!near_spelling("mark", "mary"));
    }

    #[test]
    fn ascii_edit_distance_matches_the_general_one() {
        for (a, b) in [
            ("netanyahu", "netanyahou"),
            ("khodorkovsky", "khordokovsky"),
            ("antony", "anthony"),
            ("form", "from"),
            ("", "abc"),
            ("zelensky", "zelenskiy"),
        ] {
            assert_eq!(
                ascii_edit_distance(a, b),
                Some(strsim::osa_distance(a, b)),
                "{a} {b}"
            );
        }
        assert_eq!(ascii_edit_distance("josé", "jose"), None);
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
    fn the_seed_names_three_people_and_no_places() {
        let text = include_str!("../../../seeds/blinken-rafah.txt");
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

    #[test]
    fn initials_without_periods() {
        let (_, persons) = people(
            "President George W Bush spoke. Owner JP McManus agreed.\nBush said so and McManus said no.\n",
        );
        assert_eq!(
            persons,
            [
                (
                    "George W Bush".to_owned(),
                    vec!["George W Bush".to_owned(), "Bush".into()]
                ),
                (
                    "JP McManus".to_owned(),
                    vec!["JP McManus".to_owned(), "McManus".into()]
                ),
            ]
        );
    }

    #[test]
    fn a_quoted_nickname_stays_inside_the_name() {
        let (_, persons) =
            people("Rap mogul Marion \"Suge\" Knight was held. Knight said little.\n");
        assert_eq!(persons[0].1, ["Marion \"Suge\" Knight", "Knight"]);
    }

    #[test]
    fn organisation_tails_brands_and_works_are_not_people() {
        let text = "The Department for Transport said it would wait.\n\
                    Ernst & Young said profits rose, and 50 Cent said he agreed.\n\
                    WorldCom said he lied. Paris-based Euronext said it would bid.\n\
                    General Electric said it grew. The host of Stars In Their Eyes said she would go.\n\
                    Mobile phone maker Dr Pepper grew. She will miss January's race.\n";
        assert!(names(text).is_empty(), "{:?}", names(text));
    }

    #[test]
    fn an_organisation_before_a_name_is_cut_off() {
        let (_, persons) = people("Child Support Agency Doug Smith earns an honour.\n");
        assert_eq!(names_of(&persons), ["Doug Smith"]);
    }

    #[test]
    fn two_people_with_one_given_name_and_different_initials() {
        let (_, persons) =
            people("President George W. Bush spoke. His father George H.W. Bush listened.\n");
        assert_eq!(names_of(&persons), ["George W. Bush", "George H.W. Bush"]);
    }

    #[test]
    fn a_full_name_with_another_role_is_not_the_titled_surname() {
        let (_, persons) =
            people("President Obama spoke on Monday.\nHe thanked first lady Michelle Obama.\n");
        assert_eq!(names_of(&persons), ["Obama", "Michelle Obama"]);
    }

    #[test]
    fn names_do_not_run_across_sentences_or_lines() {
        let (_, persons) = people(
            "Star tackles burglar\n\nThe star lives in Brixton. Ozzy Osbourne said so.\n\nJane Smith\nJohn Doe said no.\n",
        );
        assert_eq!(
            names_of(&persons),
            ["Ozzy Osbourne", "Jane Smith", "John Doe"]
        );
    }

    #[test]
    fn short_forms_of_given_names_are_not_misspellings() {
        let (_, persons) = people("Steven Gerrard scored. Steve Gerrard is his cousin.\n");
        assert_eq!(persons.len(), 2);
    }
}
