//! Titles and roles: the part of pass 2 that reads a title before a name
//! (`former US Secretary of State`, `Sen.`, `Mr`), a lowercase role before
//! it (`chief executive Jane Doe`) or in apposition after it (`Jane Doe, the
//! company's chief executive,`), and the comparison of two titles.
//!
//! A title is only ever taken when a name follows it directly: `the Rev.`
//! alone, `General Electric` or `will miss January` are no titles.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{LazyLock, Mutex, PoisonError};

use super::scan::{not_person_prefix, Scanner};
use super::{Office, Title, TitleClass};
use crate::lexicon::{self, WordSet};

/// How many words from where a title starts [`Scanner::parse_title`] looks
/// for a title word.
pub(super) const TITLE_REACH: usize = 7;

/// A title parsed before a name: the title and the token the name starts at.
pub(super) struct TitleParse {
    pub(super) title: Title,
    /// The title ends with an `of …`/`for …` complement, where a single
    /// capitalized word after it may still belong to the complement
    /// (`Minister for Defence Procurement`).
    pub(super) complemented: bool,
    pub(super) name_start: usize,
}

impl Scanner<'_, '_> {
    /// A title starting at token `i`: modifiers, a country or department
    /// prefix, the title itself, an `of …` complement; it must be followed
    /// directly by a name.
    pub(super) fn parse_title(&self, i: usize) -> Option<TitleParse> {
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
            || is_title_abbreviation(&t.folded)
            || lexicon::MODIFIERS.contains(&t.folded)
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
            if lexicon::MODIFIERS.contains(w) {
                qualified = true;
                j += 1;
                continue;
            }
            if let Some((m, rest)) = w.split_once(['-', '‑']) {
                if lexicon::MODIFIERS.contains(m) && !rest.is_empty() {
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
                    && (lexicon::DEPARTMENTS.contains(&t.folded)
                        || lexicon::PLACES_AND_ORGS.contains(&t.folded)))
                || (t.text == "and" && k > j && lexicon::DEPARTMENTS.contains(&toks[k - 1].folded));
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
                if not_person_prefix(&folded) >= 2 {
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
                let words: Vec<&str> = toks[i..end].iter().map(|t| t.folded.as_ref()).collect();
                // `a prime minister Gordon Brown could be`: a description.
                let indefinite = class == TitleClass::Role
                    && i > 0
                    && matches!(toks[i - 1].folded.as_ref(), "a" | "an");
                return Some(TitleParse {
                    complemented,
                    title: Title {
                        range: toks[i].start..range_end,
                        class,
                        office: (class != TitleClass::Role).then_some(def.office),
                        qualified,
                        offices: if indefinite {
                            Vec::new()
                        } else {
                            offices_of_with(&words, self.house)
                        },
                    },
                    name_start: end,
                });
            }
        }
        None
    }

    /// The longest title spelling at token `h`; returns it and the token
    /// after it.
    fn match_title_words<'h>(
        &'h self,
        h: usize,
        first: Option<&str>,
    ) -> Option<(&'h TitleDef, usize)> {
        let toks = self.toks;
        let head = first.unwrap_or(&toks[h].folded);
        let head = head
            .strip_suffix("-elect")
            .or_else(|| head.strip_suffix("-designate"))
            .unwrap_or(head);
        let mut best: Option<(&TitleDef, usize)> = None;
        let house = self.house.starting_with(head);
        for def in titles_starting_with(head).iter().copied().chain(house) {
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
                && (lexicon::COMPLEMENT.contains(&t.folded)
                    || lexicon::PLACES_AND_ORGS.contains(&t.folded));
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
    pub(super) fn role_before(&self, start: usize) -> Option<Title> {
        if start == 0 || !self.adjacent(start - 1) {
            return None;
        }
        let noun = &self.toks[start - 1];
        if !noun.is_lower() || !lexicon::ROLE_NOUNS.contains(&noun.folded) {
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
        let words: Vec<&str> = self.toks[first..start]
            .iter()
            .map(|t| t.folded.as_ref())
            .collect();
        // `how good a prime minister Gordon Brown will make`: a
        // description, no office.
        let indefinite = first > 0 && matches!(self.toks[first - 1].folded.as_ref(), "a" | "an");
        Some(Title {
            range: self.toks[first].start..noun.word_end,
            class: TitleClass::Role,
            office: None,
            qualified: words.iter().any(|w| lexicon::MODIFIERS.contains(w)),
            offices: if indefinite {
                Vec::new()
            } else {
                offices_of_with(&words, self.house)
            },
        })
    }

    /// A role in apposition before the name, after a comma: `Cocobod's
    /// acting chief executive, Ebenezer Owusu-Ansah,`, `the captain, Owen
    /// Tremblay,`. The role opens with `the` or a possessive, so a list
    /// (`pilots, Owen Tremblay`) is no role.
    pub(super) fn role_apposed_before(&self, start: usize) -> Option<Title> {
        let toks = self.toks;
        if start == 0 || self.prose[toks[start - 1].word_end..toks[start].start].trim() != "," {
            return None;
        }
        let noun = &toks[start - 1];
        let role_word =
            lexicon::ROLE_NOUNS.contains(&noun.folded) || is_title_abbreviation(&noun.folded);
        if !noun.is_lower() || !role_word {
            return None;
        }
        let mut first = start - 1;
        while first > 0
            && start - first < 5
            && self.adjacent(first - 1)
            && toks[first - 1].is_lower()
            && !crate::text::is_stopword(&toks[first - 1].folded)
            && !toks[first - 1].possessive
        {
            first -= 1;
        }
        let opener = first.checked_sub(1).map(|k| &toks[k])?;
        let definite = matches!(
            opener.folded.as_ref(),
            "the" | "its" | "his" | "her" | "their"
        ) || opener.possessive;
        if !definite || !self.adjacent_loose(first - 1) {
            return None;
        }
        let words: Vec<&str> = toks[first..start]
            .iter()
            .map(|t| t.folded.as_ref())
            .collect();
        Some(Title {
            range: toks[first].start..noun.word_end,
            class: TitleClass::Role,
            office: None,
            qualified: words.iter().any(|w| lexicon::MODIFIERS.contains(w)),
            offices: offices_of_with(&words, self.house),
        })
    }

    /// `Jane Doe, the company's chief executive,` or `Jane Doe, 45, a
    /// teacher,`: a role in apposition, as a title after the name.
    pub(super) fn apposition(&self, e: usize) -> Option<Title> {
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
        let opener = toks.get(k)?;
        // `Jane Doe, president of the union,`: a role noun with no article.
        let bare = opener.is_lower()
            && lexicon::ROLE_NOUNS.contains(&opener.folded)
            && toks.get(k + 1).is_some_and(|t| t.text == "of");
        if !bare
            && !matches!(
                opener.text,
                "the" | "a" | "an" | "its" | "his" | "her" | "their"
            )
        {
            return None;
        }
        let from = toks[k].start;
        let mut role_end = if bare { Some(k) } else { None };
        let first = if bare { k } else { k + 1 };
        for (j, t) in toks.iter().enumerate().take(k + 9).skip(first) {
            if !self.adjacent_loose(j - 1) {
                break;
            }
            if lexicon::ROLE_NOUNS.contains(&t.folded) && t.is_lower() {
                role_end = Some(j);
            }
        }
        let end = role_end?;
        // The role's own words: after the article or possessive
        // (`the company's chief medical officer`). One of several
        // (`a teacher`, `an aide`) is no office.
        let own = (k..end)
            .rev()
            .find(|&j| {
                toks[j].possessive
                    || matches!(toks[j].text, "the" | "its" | "his" | "her" | "their")
            })
            .map_or(k, |j| j + 1);
        let words: Vec<&str> = toks[own..=end].iter().map(|t| t.folded.as_ref()).collect();
        let indefinite = matches!(opener.text, "a" | "an");
        Some(Title {
            range: from..toks[end].word_end,
            class: TitleClass::Role,
            office: None,
            qualified: toks[k..=end]
                .iter()
                .any(|t| lexicon::MODIFIERS.contains(&t.folded)),
            offices: if indefinite {
                Vec::new()
            } else {
                offices_of_with(&words, self.house)
            },
        })
    }
}

impl Title {
    /// Whether one person cannot hold this title and `other` at once: some
    /// office of one conflicts with an office of the other
    /// ([`offices_conflict`]) and none of the first is an office of the
    /// other written another way. Titles of another time (`former`,
    /// `acting`, `-elect`), courtesy titles, honours and descriptions that
    /// are no office (`a teacher`) never conflict.
    pub fn conflicts_with(&self, other: &Title) -> bool {
        if self.qualified || other.qualified {
            return false;
        }
        let pairs = || {
            self.offices
                .iter()
                .flat_map(|a| other.offices.iter().map(move |b| (a, b)))
        };
        pairs().any(|(a, b)| offices_conflict(a, b)) && !pairs().any(|(a, b)| same_office(a, b))
    }

    /// The words that name this title's offices in any spelling
    /// (`Chief Executive`: `chief`, `executive`, `officer`, `ceo`), for
    /// telling whether a sentence speaks of the office.
    pub fn office_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        TITLE_DEFS
            .iter()
            .filter(|d| self.offices.iter().any(|o| o.key == d.office))
            .flat_map(|d| d.words.iter().copied())
            .chain(self.offices.iter().flat_map(|o| o.key.split(' ')))
    }

    /// Whether this title and `other` name some office in common, written
    /// the same way or another (`CEO`, `chief executive`).
    pub fn shares_office(&self, other: &Title) -> bool {
        self.offices
            .iter()
            .any(|a| other.offices.iter().any(|b| same_office(a, b)))
    }

    /// Whether one person at a time holds this office where it applies
    /// ([`lexicon::SINGLE_OFFICES`], or a director or secretary of a named
    /// portfolio): then two people of one story given it at one place are
    /// one of them titled wrongly.
    pub fn single_holder(&self) -> bool {
        self.offices.len() == 1
            && self.offices.iter().all(|o| {
                lexicon::SINGLE_OFFICES.contains(o.key)
                    || (matches!(o.key, "director" | "secretary") && !o.portfolio.is_empty())
            })
    }

    /// Where the title applies, as written: its capitalized words that are
    /// no title, grade or portfolio word (`TSB` of `TSB Chair`, `McLaren`
    /// of `McLaren team principal`), folded.
    pub fn places(&self, text: &str) -> Vec<String> {
        text[self.range.clone()]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.starts_with(char::is_uppercase))
            .map(crate::text::fold)
            .filter(|w| {
                !is_title_abbreviation(w)
                    && !lexicon::PORTFOLIOS.contains(w)
                    && !lexicon::GRADES.contains(w)
                    && !lexicon::MODIFIERS.contains(w)
            })
            .collect()
    }

    /// Whether this title and `other`, given at two mentions, may belong to
    /// one person: not two different courtesy titles (`Mr`, `Ms`; `Ms`,
    /// `Mrs` and `Miss` are one), two different unqualified offices, or an
    /// office and a lowercase role (`President Obama`, `first lady Michelle
    /// Obama`). Symmetric.
    pub(super) fn may_be_one_person(&self, other: &Title) -> bool {
        match (self.class, other.class) {
            (TitleClass::Courtesy, TitleClass::Courtesy) => {
                self.office == other.office
                    || matches!(
                        (self.office, other.office),
                        (Some("ms" | "mrs" | "miss"), Some("ms" | "mrs" | "miss"))
                    )
            }
            (TitleClass::Courtesy, _) | (_, TitleClass::Courtesy) => true,
            (TitleClass::Office, TitleClass::Office) => {
                self.office == other.office || self.qualified || other.qualified
            }
            (TitleClass::Office, TitleClass::Role) | (TitleClass::Role, TitleClass::Office) => {
                false
            }
            _ => true,
        }
    }
}

/// One way of writing a title, read from [`lexicon::TITLES`].
pub(super) struct TitleDef {
    pub(super) words: Vec<&'static str>,
    /// The office, one key for all spellings (`Sen.`, `Senator` → `senator`).
    pub(super) office: &'static str,
    pub(super) class: TitleClass,
}

/// Every title spelling, in the order of [`lexicon::TITLES`] (longest
/// spellings first within an office, so the longest match wins when the
/// table is scanned in order).
static TITLE_DEFS: LazyLock<Vec<TitleDef>> = LazyLock::new(|| {
    let mut defs = Vec::new();
    for entry in lexicon::TITLES.split(';') {
        let Some((head, spellings)) = entry.split_once(':') else {
            continue;
        };
        let head = head.trim();
        let (class, office) = head.split_once(' ').expect("a title's class and office");
        let class = match class {
            "Courtesy" => TitleClass::Courtesy,
            "Honorific" => TitleClass::Honorific,
            "Royal" => TitleClass::Royal,
            "Office" => TitleClass::Office,
            other => unreachable!("title class {other}"),
        };
        for spelling in spellings.split(',') {
            defs.push(TitleDef {
                words: spelling.split_whitespace().collect(),
                office: office.trim(),
                class,
            });
        }
    }
    defs
});

/// The titles whose first word is `first`.
pub(super) fn titles_starting_with(first: &str) -> &'static [&'static TitleDef] {
    type ByFirst = HashMap<&'static str, Vec<&'static TitleDef>>;
    static BY_FIRST: LazyLock<ByFirst> = LazyLock::new(|| {
        let mut map = ByFirst::default();
        for def in TITLE_DEFS.iter() {
            map.entry(def.words[0]).or_default().push(def);
        }
        map
    });
    BY_FIRST.get(first).map_or(&[], Vec::as_slice)
}

/// A word of some title (`general`, `director`, `secretary`), except those
/// that are common surnames too (`King`, `Major`, `Bishop`).
pub(super) fn is_title_word(folded: &str) -> bool {
    static WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        TITLE_DEFS
            .iter()
            .flat_map(|t| t.words.iter().copied())
            .filter(|w| !lexicon::TITLE_WORDS_ALSO_SURNAMES.contains(w))
            .collect()
    });
    WORDS.contains(folded)
}

/// A word of any title, abbreviations included: a period after it does not
/// end a name (`Sen. Ted Cruz`, `Lt. Gov. Dan Patrick`).
pub(super) fn is_title_abbreviation(folded: &str) -> bool {
    static WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        TITLE_DEFS
            .iter()
            .flat_map(|t| t.words.iter().copied())
            .collect()
    });
    WORDS.contains(folded)
}

/// The offices a title's folded words name. Each office is a title
/// spelling of [`lexicon::TITLES`] with the words before it that give its
/// grade ([`lexicon::GRADES`]) or portfolio ([`lexicon::PORTFOLIOS`]) and
/// its `of …`/`for …` complement; `and` between two offices gives both
/// (`chairman and chief executive`), and portfolio words before an `and`
/// wait for their office (`Trade and Industry Secretary`). Other words
/// (countries, companies, `the`) only say where the office applies. A
/// shadow office is no office of government: none.
/// The house's own titles count as well.
pub(super) fn offices_of_with(words: &[&str], house: &HouseTitles) -> Vec<Office> {
    let words: Vec<&str> = words
        .iter()
        .map(|w| {
            let w = match w.split_once(['-', '‑']) {
                Some((m, rest)) if lexicon::MODIFIERS.contains(m) && !rest.is_empty() => rest,
                _ => w,
            };
            w.strip_suffix("-elect")
                .or_else(|| w.strip_suffix("-designate"))
                .unwrap_or(w)
        })
        .collect();
    if words.contains(&"shadow") {
        return Vec::new();
    }
    let mut offices = Vec::new();
    let mut portfolio: Vec<String> = Vec::new();
    let mut grade = None;
    let mut k = 0;
    while k < words.len() {
        let Some(def) = longest_title_at(&words, k, house) else {
            let w = words[k];
            if lexicon::GRADES.contains(w) {
                grade = Some(w.to_owned());
            } else if lexicon::PORTFOLIOS.contains(w) {
                portfolio.push(canonical_portfolio(w));
            }
            k += 1;
            continue;
        };
        let mut portfolio = std::mem::take(&mut portfolio);
        // `Detective Sgt.` is a sergeant of the detective branch.
        if def.words[0] == "detective" && def.office != "detective" {
            portfolio.push("detective".to_owned());
        }
        k += def.words.len();
        if k < words.len() && matches!(words[k], "of" | "for") {
            k += 1;
            while k < words.len()
                && !(words[k] == "and" && longest_title_at(&words, k + 1, house).is_some())
            {
                if lexicon::PORTFOLIOS.contains(words[k]) {
                    portfolio.push(canonical_portfolio(words[k]));
                }
                k += 1;
            }
        }
        offices.push(Office {
            key: def.office,
            grade: grade.take(),
            portfolio,
        });
    }
    offices
}

/// The longest title spelling starting at word `k` of `words`.
fn longest_title_at<'h>(words: &[&str], k: usize, house: &'h HouseTitles) -> Option<&'h TitleDef> {
    let head = words.get(k)?;
    titles_starting_with(head)
        .iter()
        .copied()
        .chain(house.starting_with(head))
        .filter(|def| {
            words.len() >= k + def.words.len()
                && def.words.iter().zip(&words[k..]).all(|(a, b)| a == b)
        })
        .max_by_key(|def| def.words.len())
}

/// The house's own titles of office (`[people] titles`), read like the
/// built-in ones: each is an office of its own, written as configured
/// (`Taoiseach`, `Chief Whip`), unless it ends in a built-in title, which
/// already names its office (`Foreign Secretary`).
#[derive(Default)]
pub(crate) struct HouseTitles {
    defs: Vec<TitleDef>,
}

impl HouseTitles {
    pub(crate) fn new(titles: &[String]) -> HouseTitles {
        let defs = titles
            .iter()
            .filter_map(|t| {
                let folded = crate::text::fold(&t.replace('.', ""));
                let words: Vec<&'static str> = folded.split_whitespace().map(intern).collect();
                let last = *words.last()?;
                // `Foreign Secretary`: the built-in `secretary` with its
                // portfolio already.
                if !titles_starting_with(last).is_empty() && words.len() > 1 {
                    return None;
                }
                let office = intern(&words.join(" "));
                Some(TitleDef {
                    words,
                    office,
                    class: TitleClass::Office,
                })
            })
            .collect();
        HouseTitles { defs }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.defs.is_empty()
    }

    /// The house titles whose first word is `first`.
    pub(super) fn starting_with<'h, 'w>(
        &'h self,
        first: &'w str,
    ) -> impl Iterator<Item = &'h TitleDef> + use<'h, 'w> {
        self.defs.iter().filter(move |d| d.words[0] == first)
    }
}

/// One `&'static` copy of each word of a house title, so house titles are
/// read by the same code as the built-in table. Bounded by the distinct
/// words of the configurations a process reads (a few, a few times).
fn intern(word: &str) -> &'static str {
    static SEEN: LazyLock<Mutex<HashSet<&'static str>>> = LazyLock::new(Default::default);
    let mut seen = SEEN.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&w) = seen.get(word) {
        return w;
    }
    let w: &'static str = Box::leak(word.to_owned().into_boxed_str());
    seen.insert(w);
    w
}

/// One spelling per portfolio ([`lexicon::PORTFOLIO_SYNONYMS`]).
fn canonical_portfolio(word: &str) -> String {
    lexicon::PORTFOLIO_SYNONYMS
        .iter_pairs()
        .find(|(a, _)| *a == word)
        .map_or(word, |(_, b)| b)
        .to_owned()
}

/// Whether two portfolios are given and name different departments: they
/// share no word (`Trade and Industry` and `Trade` are one).
fn different_portfolios(a: &Office, b: &Office) -> bool {
    !a.portfolio.is_empty()
        && !b.portfolio.is_empty()
        && !a.portfolio.iter().any(|w| b.portfolio.contains(w))
}

/// Whether `a` and `b` are one office written two ways: the same office
/// and grade, and no two different portfolios (`Secretary` and `Secretary of
/// State`; `CEO` and `chief executive`).
fn same_office(a: &Office, b: &Office) -> bool {
    a.key == b.key && a.grade == b.grade && !different_portfolios(a, b)
}

/// Whether one person cannot hold offices `a` and `b` at once. Deliberately
/// narrow: people do hold several titles (a senator who is majority leader,
/// a general who runs an agency, a chairman and chief executive), so only
/// clear contradictions count: one office at two grades or with two
/// portfolios (`Foreign Minister`, `Defence Minister`; `head coach`,
/// `assistant coach`), two offices of government, two ranks, two executive
/// offices not held together ([`lexicon::COMBINED_OFFICES`]), two offices of
/// the law, a cabinet member and a head of government.
fn offices_conflict(a: &Office, b: &Office) -> bool {
    if a.key == b.key {
        return a.grade != b.grade || different_portfolios(a, b);
    }
    let (a, b) = if a.key < b.key { (a, b) } else { (b, a) };
    // `Detective` and `Detective Sgt.`: the same branch.
    let detective = |x: &Office, y: &Office| {
        x.key == "detective" && y.portfolio.iter().any(|w| w == "detective")
    };
    if detective(a, b) || detective(b, a) {
        return false;
    }
    let (a, b) = (a.key, b.key);
    let both = |set: &WordSet| set.contains(a) && set.contains(b);
    let pair = |x: &str, set: &WordSet| (a == x && set.contains(b)) || (b == x && set.contains(a));
    both(&lexicon::GOVERNMENT_OFFICES)
        || both(&lexicon::RANKS)
        || both(&lexicon::LEGAL_OFFICES)
        || (both(&lexicon::EXECUTIVE_OFFICES)
            && !lexicon::COMBINED_OFFICES.contains(&format!("{a}+{b}")))
        || pair("secretary", &lexicon::HEADS_OF_GOVERNMENT)
}

#[cfg(test)]
mod tests {
    use super::super::TitleClass;
    use crate::document::{DocKind, Document};

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
}
