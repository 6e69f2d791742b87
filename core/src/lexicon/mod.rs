//! Word lists as data: every fixed list of words the engine consults, in
//! one place and one representation.
//!
//! A list is a text constant of whitespace-separated words in the file of
//! its topic; a phrase writes `_` for its spaces (`new_york`). Code reads a
//! list through a [`WordSet`], built on first use into a hash set, so a
//! lookup costs one hash whatever the list's size or order: no list needs
//! keeping sorted. The one ordered table, [`TITLES`], says why it is
//! ordered.
//!
//! A list that is another list plus or minus a few words is not copied: it
//! is written as its difference and built as a union, less any exceptions
//! ([`WordSet::of`], [`WordSet::of_except`]). So [`COMMON_OPENERS`] is the
//! [`STOPWORDS`] less five reporting words and the courtesy titles, plus the
//! sentence adverbs; [`SPEECH_VERBS`] (attribution) is [`SPEAKER_VERBS`]
//! (person evidence) plus the looser forms; [`EAST_ASIAN_SURNAMES`] is
//! [`CHINESE_SURNAMES`] plus the Korean ones.
//!
//! Most lists are folded (lowercase, no diacritics) and looked up with
//! folded words; those matched against words as written say so. This
//! module sits below `document` and `checks`: it holds data, and imports
//! nothing of the engine.

mod abbreviations;
mod claims;
mod function_words;
mod gazetteer;
mod given;
mod names;
mod speech;
mod titles;

pub(crate) use abbreviations::ABBREVIATIONS;
pub(crate) use claims::CLAIM_SYNONYMS;
pub(crate) use function_words::{
    COMMON_OPENERS, PERSONAL_PRONOUNS, SPEAKER_PRONOUNS, STOPWORDS, TITLE_SMALL_WORDS, VERB_FILLERS,
};
pub(crate) use gazetteer::{ORG_WORDS, PLACES_AND_ORGS};
pub(crate) use given::GIVEN_NAMES;
pub(crate) use names::{
    CAPITAL_PREFIXES, CHINESE_SURNAMES, EAST_ASIAN_SURNAMES, GLUED_PARTICLES, MONONYM_ROLES,
    NAME_SUFFIXES, NOT_BARE_INITIALS, NOT_DOTTED_INITIALS, PARTICLES, PAST_VERBS, ROLE_NOUNS,
};
pub(crate) use speech::{
    INVERTED_SPEECH_VERBS, OPINION_VERBS, SPEAKER_VERBS, SPEECH_VENUES, SPEECH_VERBS, TERM_NOUNS,
};
pub(crate) use titles::{
    CHANGE_CUES, COMBINED_OFFICES, COMPLEMENT, DEPARTMENTS, EXECUTIVE_OFFICES, GOVERNMENT_OFFICES,
    GRADES, HEADS_OF_GOVERNMENT, INTRODUCED_OFFICES, LEADERS, LEGAL_OFFICES, MODIFIERS,
    ONE_NAME_HONORIFICS, PORTFOLIOS, PORTFOLIO_SYNONYMS, RANKS, SINGLE_OFFICES, TITLES,
    TITLE_WORDS_ALSO_SURNAMES,
};

use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::sync::OnceLock;

/// A set of words given by text constants, built into a hash set the first
/// time it is asked (once per process; the lists are looked up for nearly
/// every word of a draft).
///
/// The hash is FxHash, as in rustc: SipHash's resistance to collision
/// attacks buys nothing for fixed lists of short keys.
pub(crate) struct WordSet {
    /// Texts whose words are in the set.
    texts: &'static [&'static str],
    /// A text whose words are taken out again.
    except: &'static str,
    words: OnceLock<FxHashSet<Cow<'static, str>>>,
}

impl WordSet {
    /// The words of all of `texts`.
    pub(crate) const fn of(texts: &'static [&'static str]) -> WordSet {
        WordSet::of_except(texts, "")
    }

    /// The words of all of `texts` but those of `except`: a list derived
    /// from another one that leaves a few of its words out.
    pub(crate) const fn of_except(texts: &'static [&'static str], except: &'static str) -> WordSet {
        WordSet {
            texts,
            except,
            words: OnceLock::new(),
        }
    }

    /// Whether `word` (a word, or a phrase of single-spaced words) is in the
    /// set, exactly as given.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words().contains(word)
    }

    /// The words of the set, in no particular order.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.words().iter().map(|w| w.as_ref())
    }

    /// The pairs `a=b` of a set of pairs (`defense=defence`).
    pub(crate) fn iter_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.words().iter().filter_map(|w| w.split_once('='))
    }

    fn words(&self) -> &FxHashSet<Cow<'static, str>> {
        self.words.get_or_init(|| {
            // ASCII whitespace only (a test holds the lists to it): splitting
            // bytes is several times cheaper than decoding characters, and
            // every process that checks a story builds these sets.
            let except: FxHashSet<&str> = self.except.split_ascii_whitespace().collect();
            let words: Vec<&str> = self
                .texts
                .iter()
                .flat_map(|text| text.split_ascii_whitespace())
                .filter(|w| !except.contains(w))
                .collect();
            // Sized once rather than grown and rehashed step by step: the
            // lists are built in every process that checks a story.
            let mut set = FxHashSet::with_capacity_and_hasher(words.len(), Default::default());
            set.extend(words.into_iter().map(|w| {
                if w.contains('_') {
                    Cow::Owned(w.replace('_', " "))
                } else {
                    Cow::Borrowed(w)
                }
            }));
            set
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_lists_are_folded() {
        for set in [
            &STOPWORDS,
            &COMMON_OPENERS,
            &PERSONAL_PRONOUNS,
            &SPEAKER_PRONOUNS,
            &VERB_FILLERS,
            &PLACES_AND_ORGS,
            &ORG_WORDS,
            &GIVEN_NAMES,
            &CHINESE_SURNAMES,
            &EAST_ASIAN_SURNAMES,
            &ROLE_NOUNS,
            &SPEECH_VERBS,
            &OPINION_VERBS,
            &SPEECH_VENUES,
            &TERM_NOUNS,
            &DEPARTMENTS,
            &COMPLEMENT,
            &MODIFIERS,
            &GOVERNMENT_OFFICES,
            &RANKS,
            &TITLE_WORDS_ALSO_SURNAMES,
            &LEADERS,
            &INTRODUCED_OFFICES,
            &MONONYM_ROLES,
            &TITLE_SMALL_WORDS,
            &EXECUTIVE_OFFICES,
            &LEGAL_OFFICES,
            &COMBINED_OFFICES,
            &GRADES,
            &PORTFOLIOS,
            &PORTFOLIO_SYNONYMS,
            &CLAIM_SYNONYMS,
            &CHANGE_CUES,
        ] {
            for w in set.iter() {
                assert_eq!(crate::text::fold(w), w);
            }
        }
    }

    /// The derived lists have exactly the words the lists they replace had.
    #[test]
    fn derived_lists_keep_their_size() {
        let len = |s: &WordSet| s.iter().count();
        assert_eq!(len(&STOPWORDS), 133);
        assert_eq!(len(&COMMON_OPENERS), 196);
        assert_eq!(len(&SPEECH_VERBS), 323);
        assert_eq!(len(&SPEAKER_VERBS), 47);
        assert_eq!(len(&INVERTED_SPEECH_VERBS), 5);
        assert_eq!(len(&EAST_ASIAN_SURNAMES), 32);
        assert_eq!(len(&CHINESE_SURNAMES), 17);
        assert_eq!(len(&GOVERNMENT_OFFICES), 10);
        assert_eq!(len(&HEADS_OF_GOVERNMENT), 4);
        assert!(COMMON_OPENERS.contains("meanwhile") && COMMON_OPENERS.contains("the"));
        assert!(!COMMON_OPENERS.contains("mr") && STOPWORDS.contains("mr"));
        assert!(GOVERNMENT_OFFICES.contains("vice president"));
        assert!(GIVEN_NAMES.contains("antony") && GIVEN_NAMES.contains("jose"));
        assert!(!GIVEN_NAMES.contains("blinken"));
        assert!(PLACES_AND_ORGS.contains("new york"));
    }

    /// The lists are split on ASCII whitespace; another space character
    /// would silently join two words.
    #[test]
    fn lists_separate_words_by_ascii_whitespace_only() {
        for (file, source) in [
            ("abbreviations", include_str!("abbreviations.rs")),
            ("claims", include_str!("claims.rs")),
            ("function_words", include_str!("function_words.rs")),
            ("gazetteer", include_str!("gazetteer.rs")),
            ("given", include_str!("given.rs")),
            ("names", include_str!("names.rs")),
            ("speech", include_str!("speech.rs")),
            ("titles", include_str!("titles.rs")),
        ] {
            let odd = source.chars().find(|c| c.is_whitespace() && !c.is_ascii());
            assert_eq!(odd, None, "lexicon/{file}.rs");
        }
    }

    /// An exception names words that are in the lists it is taken from, so
    /// it cannot go stale silently.
    #[test]
    fn exceptions_are_in_their_lists() {
        let set = &COMMON_OPENERS;
        let all: Vec<&str> = set
            .texts
            .iter()
            .flat_map(|t| t.split_whitespace())
            .collect();
        for w in set.except.split_whitespace() {
            assert!(all.contains(&w), "{w}");
        }
    }
}
