//! Word lists the person extraction leans on, and their lookups.
//!
//! Everything here is folded (lowercase, no diacritics) and built once per
//! process into hash sets. The lists are small on purpose: they carry the
//! signals that decide whether a capitalized run is a person (a given name,
//! a title, a speech verb) or not (a place, an organisation, a nationality).

mod gazetteer;
mod given;
mod titles;

use std::collections::HashSet;
use std::sync::LazyLock;

pub(super) use titles::{offices_conflict, TitleDef, MODIFIERS, TITLES};

/// A fast hash for short keys (FxHash, as in rustc): the word lists are
/// looked up for nearly every word of a draft, and SipHash's resistance to
/// collision attacks buys nothing for fixed lists.
pub(super) type FxBuild = rustc_hash::FxBuildHasher;
type WordSet = HashSet<String, FxBuild>;

fn set(words: &'static str) -> WordSet {
    words
        .split_whitespace()
        .map(|w| w.replace('_', " "))
        .collect()
}

static GIVEN: LazyLock<WordSet> = LazyLock::new(|| set(given::GIVEN_NAMES));
static NOT_PEOPLE: LazyLock<WordSet> = LazyLock::new(|| set(gazetteer::PLACES_AND_ORGS));
static DEPARTMENTS: LazyLock<WordSet> = LazyLock::new(|| set(titles::DEPARTMENTS));
static COMPLEMENT: LazyLock<WordSet> = LazyLock::new(|| set(titles::COMPLEMENT));

/// A common given name (`antony`, `jose`).
pub(super) fn is_given_name(folded: &str) -> bool {
    GIVEN.contains(folded)
}

/// A place, organisation, nationality, day or month (one word or a phrase
/// of single-spaced folded words).
pub(super) fn is_not_person(folded: &str) -> bool {
    NOT_PEOPLE.contains(folded)
}

/// The longest phrase of this list that starts a run of folded words;
/// returns its length in words.
pub(super) fn not_person_prefix(folded: &[&str]) -> usize {
    let mut phrase = String::new();
    let mut best = 0;
    for (i, word) in folded.iter().take(5).enumerate() {
        if i > 0 {
            phrase.push(' ');
        }
        phrase.push_str(word);
        if NOT_PEOPLE.contains(&phrase) {
            best = i + 1;
        }
    }
    best
}

/// A word of some title (`general`, `director`, `secretary`), except those
/// that are common surnames too (`King`, `Major`, `Bishop`).
pub(super) fn is_title_word(folded: &str) -> bool {
    static WORDS: LazyLock<HashSet<&'static str, FxBuild>> = LazyLock::new(|| {
        TITLES
            .iter()
            .flat_map(|t| t.words.iter().copied())
            .filter(|w| !matches!(*w, "king" | "major" | "bishop" | "judge" | "lord" | "rev"))
            .collect()
    });
    WORDS.contains(folded)
}

/// A word of any title, abbreviations included: a period after it does not
/// end a name (`Sen. Ted Cruz`, `Lt. Gov. Dan Patrick`).
pub(super) fn is_title_abbreviation(folded: &str) -> bool {
    static WORDS: LazyLock<HashSet<&'static str, FxBuild>> = LazyLock::new(|| {
        TITLES
            .iter()
            .flat_map(|t| t.words.iter().copied())
            .collect()
    });
    WORDS.contains(folded)
}

/// The titles whose first word is `first`.
pub(super) fn titles_starting_with(first: &str) -> &'static [&'static TitleDef] {
    type ByFirst = std::collections::HashMap<&'static str, Vec<&'static TitleDef>, FxBuild>;
    static BY_FIRST: LazyLock<ByFirst> = LazyLock::new(|| {
        let mut map = ByFirst::default();
        for def in TITLES {
            map.entry(def.words[0]).or_default().push(def);
        }
        map
    });
    BY_FIRST.get(first).map_or(&[], Vec::as_slice)
}

/// Capitalized words that open sentences and are not names: function
/// words and common sentence adverbs.
pub(super) fn is_common_opener(folded: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str, FxBuild>> =
        LazyLock::new(|| COMMON_OPENERS.iter().copied().collect());
    SET.contains(folded)
}

// Sorted for binary search (a test keeps it sorted).
const COMMON_OPENERS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "additionally",
    "after",
    "afterwards",
    "again",
    "against",
    "all",
    "already",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyway",
    "are",
    "around",
    "as",
    "asked",
    "at",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "certainly",
    "clearly",
    "could",
    "dear",
    "despite",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "earlier",
    "either",
    "elsewhere",
    "even",
    "eventually",
    "every",
    "few",
    "finally",
    "following",
    "for",
    "former",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "indeed",
    "instead",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "last",
    "later",
    "like",
    "many",
    "me",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "much",
    "my",
    "myself",
    "neither",
    "nevertheless",
    "next",
    "no",
    "nonetheless",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "overall",
    "own",
    "perhaps",
    "please",
    "same",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "sometimes",
    "still",
    "such",
    "than",
    "thanks",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "through",
    "to",
    "today",
    "together",
    "tomorrow",
    "too",
    "two",
    "under",
    "unlike",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "whilst",
    "who",
    "whom",
    "why",
    "with",
    "within",
    "without",
    "would",
    "yesterday",
    "yet",
    "you",
    "your",
    "yours",
];

pub(super) fn is_department(folded: &str) -> bool {
    DEPARTMENTS.contains(folded)
}

pub(super) fn is_complement(folded: &str) -> bool {
    COMPLEMENT.contains(folded)
}

/// Capitalized words that end organisation and place names (`Goldman Sachs
/// Group`, `Supreme Court`, `Wall Street`): a run containing one is not a
/// person.
pub(super) fn is_org_word(folded: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str, FxBuild>> =
        LazyLock::new(|| ORG_WORDS.iter().copied().collect());
    SET.contains(folded)
}

// Sorted for binary search (a test keeps it sorted).
const ORG_WORDS: &[&str] = &[
    "academy",
    "act",
    "administration",
    "agency",
    "airline",
    "airlines",
    "airport",
    "airways",
    "alliance",
    "arena",
    "army",
    "assembly",
    "association",
    "authority",
    "avenue",
    "award",
    "awards",
    "bank",
    "bay",
    "beach",
    "board",
    "brothers",
    "building",
    "bureau",
    "cabinet",
    "campaign",
    "capital",
    "cathedral",
    "center",
    "centre",
    "championship",
    "championships",
    "chapel",
    "city",
    "club",
    "co",
    "coast",
    "college",
    "commission",
    "committee",
    "communications",
    "company",
    "conference",
    "congress",
    "corp",
    "corporation",
    "council",
    "county",
    "court",
    "cup",
    "day",
    "department",
    "district",
    "division",
    "energy",
    "enterprises",
    "entertainment",
    "exchange",
    "express",
    "federation",
    "festival",
    "films",
    "financial",
    "force",
    "forces",
    "forum",
    "foundation",
    "fund",
    "gallery",
    "games",
    "government",
    "group",
    "guard",
    "holdings",
    "hospital",
    "hotel",
    "house",
    "inc",
    "index",
    "industries",
    "institute",
    "institution",
    "insurance",
    "international",
    "investments",
    "island",
    "islands",
    "journal",
    "lake",
    "league",
    "llc",
    "ltd",
    "magazine",
    "mall",
    "market",
    "markets",
    "media",
    "memorial",
    "ministry",
    "motors",
    "mountain",
    "mountains",
    "movement",
    "museum",
    "navy",
    "network",
    "networks",
    "news",
    "office",
    "olympics",
    "open",
    "organisation",
    "organization",
    "palace",
    "parliament",
    "partners",
    "party",
    "pharmaceuticals",
    "place",
    "plan",
    "plaza",
    "plc",
    "police",
    "post",
    "press",
    "prize",
    "program",
    "programme",
    "project",
    "province",
    "records",
    "region",
    "report",
    "republic",
    "review",
    "river",
    "road",
    "school",
    "securities",
    "senate",
    "service",
    "services",
    "show",
    "society",
    "software",
    "square",
    "stadium",
    "state",
    "station",
    "street",
    "studio",
    "studios",
    "summit",
    "systems",
    "team",
    "technologies",
    "telegraph",
    "times",
    "tower",
    "towers",
    "treaty",
    "tribunal",
    "trust",
    "union",
    "united",
    "university",
    "valley",
    "village",
    "war",
    "week",
];

/// Verbs of saying, as they follow a speaker (`Blinken said`).
pub(super) fn is_speech_verb(folded: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str, FxBuild>> =
        LazyLock::new(|| SPEECH_VERBS.iter().copied().collect());
    SET.contains(folded)
}

// Sorted for binary search (a test keeps it sorted).
const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "agreed",
    "announced",
    "argued",
    "argues",
    "asked",
    "asks",
    "cautioned",
    "claimed",
    "commented",
    "complained",
    "conceded",
    "confirmed",
    "contended",
    "continued",
    "countered",
    "declared",
    "denied",
    "emphasised",
    "emphasized",
    "explained",
    "insisted",
    "insists",
    "noted",
    "notes",
    "posted",
    "predicted",
    "recalled",
    "remarked",
    "replied",
    "responded",
    "said",
    "says",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "testified",
    "told",
    "tweeted",
    "urged",
    "warned",
    "warns",
    "wrote",
];

/// Words that may stand between a speaker and the speech verb
/// (`Blinken also said`, `Netanyahu has said`).
pub(super) fn is_verb_filler(folded: &str) -> bool {
    matches!(
        folded,
        "also"
            | "later"
            | "previously"
            | "earlier"
            | "has"
            | "had"
            | "have"
            | "will"
            | "would"
            | "again"
            | "recently"
            | "repeatedly"
            | "once"
            | "then"
            | "publicly"
            | "privately"
            | "reportedly"
            | "never"
            | "often"
    )
}

/// Lowercase nouns for what a person does, used before a name (`chief
/// executive Jane Doe`, `spokesman John Kirby`) or in apposition after it
/// (`Jane Doe, the company's chief executive,`).
pub(super) fn is_role_noun(folded: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str, FxBuild>> =
        LazyLock::new(|| ROLE_NOUNS.iter().copied().collect());
    SET.contains(folded)
}

// Sorted for binary search (a test keeps it sorted).
const ROLE_NOUNS: &[&str] = &[
    "activist",
    "actor",
    "actress",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "anchor",
    "architect",
    "artist",
    "athlete",
    "attorney",
    "author",
    "banker",
    "billionaire",
    "boss",
    "businessman",
    "businesswoman",
    "campaigner",
    "candidate",
    "captain",
    "chairman",
    "chairwoman",
    "challenger",
    "champion",
    "chancellor",
    "chief",
    "coach",
    "columnist",
    "comedian",
    "commander",
    "commentator",
    "commissioner",
    "composer",
    "congressman",
    "congresswoman",
    "consultant",
    "correspondent",
    "councillor",
    "councilman",
    "councilwoman",
    "counsel",
    "creator",
    "defender",
    "delegate",
    "deputy",
    "designer",
    "diplomat",
    "director",
    "doctor",
    "economist",
    "editor",
    "envoy",
    "executive",
    "expert",
    "farmer",
    "founder",
    "general",
    "goalkeeper",
    "governor",
    "head",
    "historian",
    "host",
    "investor",
    "journalist",
    "judge",
    "lady",
    "lawmaker",
    "lawyer",
    "leader",
    "legislator",
    "manager",
    "mayor",
    "member",
    "midfielder",
    "minister",
    "musician",
    "negotiator",
    "nominee",
    "novelist",
    "officer",
    "official",
    "owner",
    "partner",
    "player",
    "politician",
    "pollster",
    "president",
    "producer",
    "professor",
    "prosecutor",
    "psychologist",
    "rapper",
    "representative",
    "researcher",
    "scientist",
    "secretary",
    "senator",
    "singer",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "star",
    "strategist",
    "striker",
    "student",
    "surgeon",
    "teacher",
    "trainer",
    "treasurer",
    "veteran",
    "winger",
    "writer",
];

/// Lowercase words that join parts of one name (`Ludwig van Beethoven`,
/// `Osama bin Laden`, `Charles de Gaulle`).
pub(super) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "al" | "bin"
            | "ibn"
            | "bint"
            | "van"
            | "von"
            | "de"
            | "da"
            | "di"
            | "du"
            | "la"
            | "le"
            | "der"
            | "den"
            | "dos"
            | "das"
            | "del"
            | "della"
            | "abu"
            | "ter"
            | "y"
    )
}

/// Prefixes glued to a surname by a hyphen (`al-Assad`, `el-Sisi`); the
/// surname's key drops them so `Assad` matches `Bashar al-Assad`.
pub(super) const GLUED_PARTICLES: &[&str] = &["al-", "el-", "al‑", "el‑"];

/// Generational suffixes that end a name without being its surname.
pub(super) fn is_name_suffix(word: &str) -> bool {
    matches!(word, "Jr" | "Sr" | "II" | "III" | "IV")
}

/// Surnames that come first in East Asian names (`Xi Jinping`, `Kim Jong
/// Un`): in such a name the first word is the surname later references use.
pub(super) fn is_east_asian_surname(folded: &str) -> bool {
    matches!(
        folded,
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
            | "kim"
            | "moon"
            | "ban"
            | "shin"
            | "kang"
            | "cho"
            | "lim"
            | "park"
            | "yoon"
            | "choi"
            | "jung"
            | "lee"
            | "ma"
            | "tsai"
            | "lai"
    )
}

/// Pronouns that refer to a person and not to an organisation.
pub(super) fn is_personal_pronoun(folded: &str) -> bool {
    matches!(folded, "he" | "she" | "his" | "her" | "him" | "hers")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_lists_stay_sorted() {
        for list in [ORG_WORDS, SPEECH_VERBS, ROLE_NOUNS, COMMON_OPENERS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.first());
        }
    }

    #[test]
    fn lists_are_folded() {
        for set in [&*GIVEN, &*NOT_PEOPLE, &*DEPARTMENTS, &*COMPLEMENT] {
            for w in set {
                assert_eq!(&crate::text::fold(w), w);
            }
        }
    }

    #[test]
    fn phrases_match_as_prefixes() {
        assert_eq!(not_person_prefix(&["new", "york", "mayor"]), 2);
        assert_eq!(not_person_prefix(&["goldman", "sachs"]), 2);
        assert_eq!(not_person_prefix(&["antony", "blinken"]), 0);
        assert!(is_given_name("antony") && is_given_name("jose"));
        assert!(!is_given_name("blinken"));
    }
}
