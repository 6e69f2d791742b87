//! Pass 2: runs of name words in one sentence, turned into person
//! candidates with their evidence, or dropped.
//!
//! A sentence is scanned on its own (with a look at the next sentence of the
//! paragraph for a pronoun), so sentences may be scanned in parallel. Titles
//! and roles around a run are read by the methods in `titles`.

use std::ops::Range;

use super::titles::{is_title_abbreviation, is_title_word, HouseTitles, TITLE_REACH};
use super::tokens::{is_sentence_opener, Facts, Sentence, Tok};
use super::{Evidence, MentionForm, Title, TitleClass};
use crate::lexicon;
use crate::text::is_apostrophe;

/// A name found in a sentence, before clustering.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) paragraph: usize,
    pub(super) range: Range<usize>,
    pub(super) surname: Range<usize>,
    pub(super) surname_key: String,
    pub(super) given: Option<Range<usize>>,
    pub(super) given_key: Option<String>,
    pub(super) given_is_initial: bool,
    /// A second key the person is found by (`park` of `Park Seung`).
    pub(super) alias_key: Option<String>,
    /// The first of two surnames (`tamayo` of `Raúl Tamayo Ccori`), by which
    /// later references may name the person.
    pub(super) first_surname: Option<String>,
    /// One item of a comma-separated list of capitalized words (a team
    /// line-up: `Hutton, Kyrgiakos, Andrews`), where similar surnames are
    /// different players.
    pub(super) listed: bool,
    /// Middle initials, folded without periods (`hw` of `George H.W. Bush`):
    /// two people may share a given name and surname but not these.
    pub(super) middle: Option<String>,
    pub(super) form: MentionForm,
    pub(super) title: Option<Title>,
    pub(super) evidence: Evidence,
    pub(super) complete: bool,
    /// Person evidence of its own: a title, a known given name or initial,
    /// a speech verb, an apposition.
    pub(super) strong: bool,
}

impl Candidate {
    /// The candidate moved to paragraph `paragraph`, `by` bytes further on.
    pub(super) fn moved(self, paragraph: usize, by: isize) -> Candidate {
        let shift =
            |r: &Range<usize>| r.start.wrapping_add_signed(by)..r.end.wrapping_add_signed(by);
        let mut c = self;
        c.paragraph = paragraph;
        c.range = shift(&c.range);
        c.surname = shift(&c.surname);
        c.given = c.given.as_ref().map(shift);
        if let Some(title) = &mut c.title {
            title.range = shift(&title.range);
        }
        c
    }
}

pub(super) struct Scanner<'s, 'a> {
    /// The original text, for line breaks (the prose has them blanked).
    pub(super) text: &'s str,
    pub(super) prose: &'s str,
    pub(super) toks: &'s [Tok<'a>],
    /// The next sentence of the same paragraph, for pronoun evidence.
    pub(super) next: Option<&'s Sentence<'a>>,
    pub(super) facts: &'s dyn Facts,
    pub(super) paragraph: usize,
    /// The house's own titles (`[people] titles`).
    pub(super) house: &'s HouseTitles,
}

impl Scanner<'_, '_> {
    pub(super) fn scan(&self, out: &mut Vec<Candidate>) {
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
                        .or_else(|| self.role_before(run.start))
                        .or_else(|| {
                            // `the captain, Owen Tremblay,`: only before a
                            // full name (`the president, Smith and Jones`).
                            let words = (run.start..run.end)
                                .filter(|&k| self.is_name_tok(k))
                                .count();
                            (words >= 2).then(|| self.role_apposed_before(run.start))?
                        });
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
    pub(super) fn adjacent(&self, a: usize) -> bool {
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
        let abbreviation = x.initial || is_title_abbreviation(last_part);
        let gap = if x.dot && abbreviation {
            gap.strip_prefix('.').unwrap_or(gap)
        } else {
            gap
        };
        !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    }

    pub(super) fn is_name_tok(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.initial || (t.name_like && !t.is_acronym() && !t.function_word)
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
                && lexicon::PARTICLES.contains(toks[after].text)
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
        while e > s + 1 && lexicon::NAME_SUFFIXES.contains(toks[e - 1].text) {
            e -= 1;
        }
        // `General Electric`: a known organisation or place as a whole.
        if title.is_none() {
            let folded: Vec<&str> = (s..e).map(|k| toks[k].folded.as_ref()).collect();
            if not_person_prefix(&folded) == e - s {
                return None;
            }
        }
        // A first word capitalized only because it opens the sentence
        // (`But Blinken said`, `Speaking as …`).
        if title.is_none()
            && e - s > 1
            && toks[s].sentence_start
            && !toks[s].initial
            && !lexicon::GIVEN_NAMES.contains(&toks[s].folded)
            && (is_sentence_opener(&toks[s].folded, self.facts)
                || lexicon::ROLE_NOUNS.contains(&toks[s].folded))
        {
            s += 1;
        }
        // Places, organisations and nationalities before the name:
        // `Gaza Blinken`, `Republican Donald Trump`.
        let folded: Vec<&str> = (s..e).map(|k| toks[k].folded.as_ref()).collect();
        let place = if title.is_none() {
            not_person_prefix(&folded)
        } else {
            0
        };
        if place > 0 {
            // `Jordan Ellis`, and `Paris Whitcombe, 20,`: a place that is a
            // given name, known as one or shown to be by the age after it.
            let given_first = place == 1
                && e - s > 1
                && (lexicon::GIVEN_NAMES.contains(&toks[s].folded)
                    || (e - s == 2 && self.age_after(e)))
                && !lexicon::PLACES_AND_ORGS.contains(&toks[s + 1].folded);
            if place == e - s || !given_first {
                s += place;
            }
        }
        // Particles cannot end a name or open it after the cuts above.
        while s < e
            && !toks[s].name_like
            && !toks[s].initial
            && !lexicon::PARTICLES.contains(toks[s].text)
        {
            s += 1;
        }
        if s >= e {
            return None;
        }
        // `Child Support Agency Doug Smith`: an organisation, then a name
        // that opens with a given name.
        if let Some(org) = (s..e)
            .rev()
            .find(|&k| lexicon::ORG_WORDS.contains(&toks[k].folded))
        {
            let name_follows = org + 2 < e + 1
                && org + 1 < e
                && lexicon::GIVEN_NAMES.contains(&toks[org + 1].folded)
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
        if lexicon::PLACES_AND_ORGS.contains(&joined) && !courtesy {
            return None;
        }
        if e - s == 1 && lexicon::PLACES_AND_ORGS.contains(&words[0]) && !courtesy {
            return None;
        }
        // `the Pentagon`, `a Trump`: an article before a bare run.
        let after_article = title.is_none()
            && s > 0
            && s == run.start
            && matches!(toks[s - 1].text, "the" | "a" | "an" | "The" | "A" | "An");
        if after_article && !lexicon::GIVEN_NAMES.contains(&toks[s].folded) {
            return None;
        }

        // Split into given names and surname.
        let name_toks: Vec<usize> = (s..e).filter(|&k| self.is_name_tok(k)).collect();
        let last = *name_toks.last()?;
        if !toks[last].name_like {
            return None;
        }
        let east_asian = self.east_asian(&name_toks);
        // `Von Aschenbach said`, `Van der Berg`, `De Gaulle`: a particle
        // capitalized to open the sentence or the name opens the surname;
        // it is no given name.
        // `Al Gore`, `Al Franken`: a capitalised particle that is also a
        // common given name, opening a name of two words, is that name.
        let given_first = name_toks.len() == 2
            && toks[name_toks[0]].is_capitalized()
            && lexicon::GIVEN_NAMES.contains(&toks[name_toks[0]].folded);
        let particles_first = !east_asian
            && !given_first
            && name_toks.len() > 1
            && name_toks[..name_toks.len() - 1]
                .iter()
                .all(|&k| is_particle_word(&toks[k].folded));
        let (surname_tok, given_tok) = if east_asian {
            (name_toks[0], Some(name_toks[1]))
        } else {
            let given = (name_toks.len() > 1 && !particles_first).then_some(name_toks[0]);
            (last, given)
        };
        // Particles before the surname belong to it (`de Gaulle`).
        let mut surname_start = toks[surname_tok].start;
        let mut p = surname_tok;
        while !east_asian && p > s && lexicon::PARTICLES.contains(toks[p - 1].text) {
            p -= 1;
            surname_start = toks[p].start;
        }
        if particles_first {
            surname_start = toks[name_toks[0]].start;
        }
        // `Raúl Tamayo Ccori` is later `Tamayo`: the word before the last
        // of a name of three or more words, when it is no given name,
        // initial or particle, may be a first surname (Spanish and
        // Portuguese double surnames).
        let first_surname = (!east_asian && !particles_first && name_toks.len() >= 3)
            .then(|| name_toks[name_toks.len() - 2])
            .filter(|&k| {
                let t = &toks[k];
                t.name_like
                    && !t.initial
                    && t.folded.chars().count() >= 3
                    && !lexicon::GIVEN_NAMES.contains(&t.folded)
                    && !lexicon::PARTICLES.contains(t.text)
                    // `Paul "Paulie" DiStefano`: a nickname.
                    && !self.text[toks[k - 1].word_end..t.start].contains(['"', '“', '”'])
            })
            .map(|k| toks[k].surname_key());
        let surname_tok_ref = &toks[surname_tok];
        let given_is_initial = given_tok.is_some_and(|g| toks[g].initial);
        let given_known = given_tok.is_some_and(|g| lexicon::GIVEN_NAMES.contains(&toks[g].folded));
        let form = if given_tok.is_some() {
            MentionForm::Full
        } else {
            MentionForm::Surname
        };
        if form == MentionForm::Surname {
            let key = &surname_tok_ref.folded;
            // `Munich Re`; only East Asian surnames are this short.
            if key.chars().count() < 3 && !lexicon::EAST_ASIAN_SURNAMES.contains(key) {
                return None;
            }
            // `Director General`, `Secretary`: a title word alone.
            if is_title_word(key) {
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

        // `Pope Francis`, `Sir Alex`, `Lord Coe`: complete as they stand;
        // `the Rev. Sharpton`, `Prof. Hawking` are titled surnames.
        let complete = form == MentionForm::Surname
            && title.as_ref().is_some_and(|t| match t.class {
                TitleClass::Royal => true,
                TitleClass::Honorific => {
                    lexicon::GIVEN_NAMES.contains(&surname_tok_ref.folded)
                        || t.office
                            .is_some_and(|o| lexicon::ONE_NAME_HONORIFICS.contains(o))
                }
                _ => false,
            });
        let (speech, inverted) = self.speech_after(e, run.start);
        let apposition = self.apposition(e);
        let title = title.or_else(|| apposition.clone());
        let evidence = Evidence {
            given_name: given_known,
            speech: speech || inverted,
            apposition: apposition.is_some(),
            predicate: self.predicate_after(s, e),
            pronoun: self.pronoun_after(e),
            sentence_start: toks[s].sentence_start && title.is_none(),
            given_name_only: form == MentionForm::Surname
                && lexicon::GIVEN_NAMES.contains(&surname_tok_ref.folded),
        };
        let strong = title.is_some()
            || given_known
            || given_is_initial
            || east_asian
            || evidence.speech
            || evidence.apposition
            || evidence.predicate;
        let range = toks[s].start..toks[e - 1].end;
        Some(Candidate {
            paragraph: self.paragraph,
            surname: surname_start..surname_tok_ref.end,
            surname_key: surname_tok_ref.surname_key(),
            given: given_tok.map(|g| toks[g].start..toks[g].end),
            given_key: given_tok.map(|g| toks[g].folded.trim_end_matches('.').to_owned()),
            given_is_initial,
            alias_key: given_tok
                .filter(|&g| !east_asian && lexicon::EAST_ASIAN_SURNAMES.contains(&toks[g].folded))
                .map(|g| toks[g].folded.to_string()),
            first_surname,
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
        if !lexicon::EAST_ASIAN_SURNAMES.contains(&first.folded)
            || lexicon::GIVEN_NAMES.contains(&second.folded)
        {
            return false;
        }
        let hyphen_syllables = second
            .text
            .split_once('-')
            .is_some_and(|(_, r)| r.starts_with(char::is_lowercase));
        let chinese = lexicon::CHINESE_SURNAMES.contains(&first.folded);
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
            if lexicon::SPEAKER_VERBS.contains(w) {
                // `Euronext said it would bid`: a company speaks of itself
                // as `it`.
                let next = toks[k + 1..]
                    .iter()
                    .map(|t| t.folded.as_ref())
                    .find(|w| *w != "that");
                after = !matches!(next, Some("it" | "its" | "it's"));
                break;
            }
            if lexicon::VERB_FILLERS.contains(w) && fillers < 2 {
                fillers += 1;
                k += 1;
                continue;
            }
            break;
        }
        let inverted = run_start > 0
            && self.adjacent(run_start - 1)
            && lexicon::INVERTED_SPEECH_VERBS.contains(&toks[run_start - 1].folded)
            && {
                let rest = self.prose[toks[e - 1].word_end..].trim_start_matches(' ');
                rest.is_empty() || rest.starts_with([',', '.', ';', '!', '?'])
            };
        (after, inverted)
    }

    /// `, who`, `, whose`, an age (`, 61,`) or a past-tense verb right
    /// after the name (see [`Evidence::predicate`]), for a name that opens
    /// its sentence, as a subject being introduced: `The biopic Kinsey won
    /// praise` is a film, and a clause after a name mid-sentence (`admits
    /// Gerrard, who …`) is too often a well-known name's.
    fn predicate_after(&self, s: usize, e: usize) -> bool {
        let toks = self.toks;
        let Some(next) = toks.get(e) else {
            return false;
        };
        if !toks[s].sentence_start {
            return false;
        }
        let gap = self.prose[toks[e - 1].word_end..next.start].trim();
        match gap {
            "," => matches!(next.text, "who" | "whose") || self.age_after(e),
            "" => {
                next.is_lower()
                    && (lexicon::PAST_VERBS.contains(&next.folded)
                        || (next.text.len() > 4 && next.text.ends_with("ed")))
            }
            _ => false,
        }
    }

    /// `, 20,` after the name ending before token `e`: an age, said only of
    /// people.
    fn age_after(&self, e: usize) -> bool {
        let toks = self.toks;
        let Some(next) = toks.get(e) else {
            return false;
        };
        self.prose[toks[e - 1].word_end..next.start].trim() == ","
            && next.text.len() <= 3
            && next.text.bytes().all(|b| b.is_ascii_digit())
            && toks
                .get(e + 1)
                .is_some_and(|t| self.prose[next.word_end..t.start].trim() == ",")
    }

    /// Tokens of one phrase: no punctuation between them but apostrophes,
    /// hyphens and spaces.
    pub(super) fn adjacent_loose(&self, a: usize) -> bool {
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
            .position(|t| lexicon::SPEAKER_VERBS.contains(&t.folded));
        let after_verb = verb.is_some_and(|v| {
            toks[e + v + 1..]
                .iter()
                .take(4)
                .any(|t| lexicon::PERSONAL_PRONOUNS.contains(&t.folded))
        });
        let next_opens = self
            .next
            .and_then(|s| s.toks.first())
            .is_some_and(|t| matches!(t.folded.as_ref(), "he" | "she"));
        after_verb || next_opens
    }
}

/// A name particle in any case (`von`, `Von`, `de`, `De`), but `y`, which
/// only joins two surnames.
fn is_particle_word(folded: &str) -> bool {
    folded != "y" && lexicon::PARTICLES.contains(folded)
}

/// The longest phrase of [`lexicon::PLACES_AND_ORGS`] that starts a run of
/// folded words; returns its length in words.
pub(super) fn not_person_prefix(folded: &[&str]) -> usize {
    let mut phrase = String::new();
    let mut best = 0;
    for (i, word) in folded.iter().take(5).enumerate() {
        if i > 0 {
            phrase.push(' ');
        }
        phrase.push_str(word);
        if lexicon::PLACES_AND_ORGS.contains(&phrase) {
            best = i + 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::testing::{names, names_of, people};
    use super::not_person_prefix;
    use crate::document::{DocKind, Document};

    #[test]
    fn places_match_as_prefixes() {
        assert_eq!(not_person_prefix(&["new", "york", "mayor"]), 2);
        assert_eq!(not_person_prefix(&["goldman", "sachs"]), 2);
        assert_eq!(not_person_prefix(&["antony", "blinken"]), 0);
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
    fn al_opening_a_two_word_name_is_a_given_name() {
        let text = "Minnesota Sen. Al Franken spoke.\nFormer Vice President Al Gore agreed.\n\
                    Franken said so.\n";
        let doc = Document::parse(text, DocKind::Plain);
        let (_, persons) = people(text);
        assert_eq!(names_of(&persons), ["Al Franken", "Al Gore"]);
        let franken = &doc.people.mentions[0];
        assert_eq!(franken.form, crate::document::MentionForm::Full);
        assert_eq!(&text[franken.surname.clone()], "Franken");
        // After a given name it is part of the name, not its given name.
        let text = "Sheikh Hamad Al Thani spoke.\n";
        let doc = Document::parse(text, DocKind::Plain);
        let thani = &doc.people.mentions[0];
        assert_eq!(&text[thani.given.clone().unwrap()], "Hamad");
        assert_eq!(&text[thani.range.clone()], "Hamad Al Thani");
    }

    #[test]
    fn east_asian_names_put_the_surname_first() {
        let (_, persons) =
            people("President Xi Jinping met Kim Jong Un. Xi said ties were strong.\n");
        assert_eq!(persons[0].1, ["Xi Jinping", "Xi"]);
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
    fn a_place_with_an_age_after_it_is_a_given_name() {
        let (_, persons) = people(
            "She will face Whitcombe next.\nParis Whitcombe, 20, is into her first semifinal.\n",
        );
        assert_eq!(names_of(&persons), ["Paris Whitcombe"]);
        // Without the age the place is cut off.
        let (_, persons) = people("Fans in Paris cheered. Paris Whitcombe won.\n");
        assert!(names_of(&persons).iter().all(|n| *n != "Paris Whitcombe"));
    }

    #[test]
    fn an_organisation_before_a_name_is_cut_off() {
        let (_, persons) = people("Child Support Agency Doug Smith earns an honour.\n");
        assert_eq!(names_of(&persons), ["Doug Smith"]);
    }
}
