//! Pass 1: the words of each body sentence, classified for name finding,
//! and the facts about the whole document that one sentence cannot give.
//!
//! Tokens never carry a name across a line break, a sentence end or
//! punctuation: `Scanner::adjacent` decides that from the gaps kept here.

use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use std::ops::Range;

use super::titles::titles_starting_with;
use crate::document::Document;
use crate::lexicon;
use crate::text::{fold_word, is_apostrophe, strip_possessive, words_in};

/// A word of a sentence, classified for name finding.
#[derive(Debug)]
pub(super) struct Tok<'a> {
    /// The word without a possessive ending.
    pub(super) text: &'a str,
    pub(super) start: usize,
    /// End of `text`.
    pub(super) end: usize,
    /// End of the word as written (with its possessive).
    pub(super) word_end: usize,
    pub(super) folded: Cow<'a, str>,
    pub(super) possessive: bool,
    /// A period follows directly (`Sen.`, `J.`).
    pub(super) dot: bool,
    /// Starts with an uppercase letter and has lowercase letters
    /// (`Blinken`, `McDonald`, `al-Assad` counts too).
    pub(super) name_like: bool,
    /// `J.` or `J.K.`.
    pub(super) initial: bool,
    /// Some title starts with this word (`sen`, `prime`, `then-secretary`).
    pub(super) title_word: bool,
    /// `She`, `The`, `Was`: a function word capitalized, never a name
    /// (unless it is also a given name, like `Will`).
    pub(super) function_word: bool,
    /// The first word of its sentence, or right after an opening quote,
    /// bracket or colon.
    pub(super) sentence_start: bool,
}

impl Tok<'_> {
    pub(super) fn is_lower(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }

    pub(super) fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// All capitals, two letters or more: `US`, `NATO`, `U.S.`.
    pub(super) fn is_acronym(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }

    pub(super) fn surname_key(&self) -> String {
        surname_key(&self.folded)
    }
}

fn surname_key(folded: &str) -> String {
    for glued in lexicon::GLUED_PARTICLES {
        if let Some(rest) = folded.strip_prefix(glued) {
            if !rest.is_empty() {
                return rest.to_owned();
            }
        }
    }
    folded.to_owned()
}

/// The surname as written without a glued particle: `Assad` of `al-Assad`.
pub(super) fn surname_core(text: &str) -> &str {
    for glued in lexicon::GLUED_PARTICLES {
        if text.len() > glued.len()
            && text.is_char_boundary(glued.len())
            && text[..glued.len()].eq_ignore_ascii_case(glued)
        {
            return &text[glued.len()..];
        }
    }
    text
}

pub(super) struct Sentence<'a> {
    pub(super) paragraph: usize,
    pub(super) toks: Vec<Tok<'a>>,
}

/// The body sentences of `doc` in order: each one's paragraph and range in
/// the prose. Tokenised one at a time ([`tokenize_sentence`]), as the
/// tokens of a whole draft took 12 bytes per byte of it.
pub(super) fn sentence_units(doc: &Document<'_>) -> Vec<(usize, Range<usize>)> {
    doc.body_paragraphs()
        .flat_map(|(p, paragraph)| paragraph.sentences.iter().map(move |s| (p, s.clone())))
        .collect()
}

pub(super) fn tokenize_sentence<'a>(
    prose: &'a str,
    p: usize,
    sentence: &Range<usize>,
) -> Sentence<'a> {
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
        let title_word = !titles_starting_with(&folded).is_empty()
            || (folded.contains(['-', '‑'])
                && folded
                    .split(['-', '‑'])
                    .any(|part| !titles_starting_with(part).is_empty()));
        // Only capitalized words can be taken for names.
        let function_word = text.starts_with(char::is_uppercase)
            && lexicon::COMMON_OPENERS.contains(&folded)
            && !lexicon::GIVEN_NAMES.contains(&folded);
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
    let body = lexicon::GLUED_PARTICLES
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
            if !lexicon::CAPITAL_PREFIXES.contains(prefix) {
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
        && !lexicon::NOT_BARE_INITIALS.contains(text)
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
                && !lexicon::NOT_DOTTED_INITIALS.contains(text)
        }
    }
}

/// Whether a capitalized first word of a sentence is an ordinary word
/// (`But`, `Speaking`, `Meanwhile`) rather than the first name of a run.
pub(super) fn is_sentence_opener(folded: &str, facts: &dyn Facts) -> bool {
    if lexicon::COMMON_OPENERS.contains(folded) {
        return true;
    }
    let word_form = folded.chars().count() > 4
        && (folded.ends_with("ing") || folded.ends_with("ly") || folded.ends_with("ed"));
    word_form && !facts.mid_cap(folded)
}

/// The document-wide facts as the scan and the clustering ask them: from
/// the sets gathered in one go ([`DocFacts`]) or from counts kept up to date
/// across edits (`super::reuse::CountedFacts`).
pub(super) trait Facts {
    /// Seen capitalized, alone, away from a sentence start.
    fn mid_cap(&self, folded: &str) -> bool;
    /// Seen capitalized right after a lowercase `the`.
    fn after_the(&self, folded: &str) -> bool;
    /// Seen written in lowercase.
    fn lower(&self, folded: &str) -> bool;
}

impl Facts for DocFacts {
    fn mid_cap(&self, folded: &str) -> bool {
        self.mid_caps.contains(folded)
    }
    fn after_the(&self, folded: &str) -> bool {
        self.after_the.contains(folded)
    }
    fn lower(&self, folded: &str) -> bool {
        self.lower.contains(folded)
    }
}

/// Facts about the whole document that single sentences cannot give.
#[derive(Default)]
pub(super) struct DocFacts {
    /// Folded words seen capitalized, alone, away from a sentence start.
    pub(super) mid_caps: HashSet<String>,
    /// Folded capitalized words seen right after a lowercase `the`.
    pub(super) after_the: HashSet<String>,
    /// Words seen written in lowercase (`walls`, `march`).
    pub(super) lower: HashSet<String>,
}

impl DocFacts {
    /// Add what `sentence` shows. Each fact is about one sentence, so
    /// gathering in any order, or in parts later [merged](DocFacts::merge),
    /// gives the same facts.
    pub(super) fn gather(&mut self, sentence: &Sentence<'_>) {
        let toks = &sentence.toks;
        for (k, t) in toks.iter().enumerate() {
            if t.is_lower() {
                self.lower.insert(t.folded.to_string());
            }
            if !t.name_like {
                continue;
            }
            if k > 0 && toks[k - 1].text == "the" && !self.after_the.contains(&*t.folded) {
                self.after_the.insert(t.folded.to_string());
            }
            if !t.sentence_start && !self.mid_caps.contains(&*t.folded) {
                self.mid_caps.insert(t.folded.to_string());
            }
        }
    }

    pub(super) fn merge(mut self, other: DocFacts) -> DocFacts {
        self.mid_caps.extend(other.mid_caps);
        self.after_the.extend(other.after_the);
        self.lower.extend(other.lower);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{names, names_of, people};

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
    fn names_do_not_run_across_sentences_or_lines() {
        let (_, persons) = people(
            "Star tackles burglar\n\nThe star lives in Brixton. Ozzy Osbourne said so.\n\nJane Smith\nJohn Doe said no.\n",
        );
        assert_eq!(
            names_of(&persons),
            ["Ozzy Osbourne", "Jane Smith", "John Doe"]
        );
    }
}
