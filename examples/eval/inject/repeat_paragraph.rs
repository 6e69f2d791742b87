//! `repeat/paragraph`: paste an earlier paragraph again further down —
//! exactly, lightly edited (a word or two changed), restated (clauses
//! reordered and a synonym or two, the way a rewrite restates a lede), or
//! partly restated (only the first sentence of a longer paragraph, reordered,
//! with a synonym or two and its `-ly` adverbs gone).
//! Only paragraphs without quotation marks: a repeated quote is
//! `repeat/quote`'s business.

use std::sync::LazyLock;

use copydesk::Check;
use regex::Regex;

use super::{Injection, Site};
use crate::people;
use crate::rng::SplitMix64;
use crate::text::{self, capitalize, decapitalize};

/// Shortest paragraph pasted again, in words: shorter ones (a one-line
/// transition) repeat harmlessly.
const MIN_WORDS: usize = 12;

/// Same-form synonyms for light edits and restatements.
const SYNONYMS: &[(&str, &str)] = &[
    ("would", "will"),
    ("will", "would"),
    ("large", "big"),
    ("big", "large"),
    ("around", "about"),
    ("more than", "over"),
    ("began", "started"),
    ("started", "began"),
    ("begin", "start"),
    ("showed", "indicated"),
    ("shows", "indicates"),
    ("rose", "climbed"),
    ("fell", "dropped"),
    ("major", "key"),
    ("important", "key"),
    ("quickly", "rapidly"),
    ("nearly", "almost"),
    ("almost", "nearly"),
    ("firm", "company"),
    ("company", "firm"),
    ("country", "nation"),
    ("plan", "proposal"),
    ("plans", "proposals"),
    ("expected", "anticipated"),
    ("ahead of", "before"),
    ("believes", "thinks"),
    ("thinks", "believes"),
    ("announced", "revealed"),
    ("recent", "latest"),
    ("latest", "recent"),
    ("help", "assist"),
    ("bought", "acquired"),
    ("wants", "hopes"),
    ("during", "in"),
    ("however", "though"),
];

/// Words a light edit may drop.
const DROPPABLE: &[&str] = &[
    "also",
    "still",
    "now",
    "recently",
    "already",
    "very",
    "currently",
];

/// Sentence-opening words that can be lower-cased when moved mid-sentence
/// (a name or `I` stays capitalized).
const LOWERABLE: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "This",
    "That",
    "There",
    "These",
    "Those",
    "Its",
    "His",
    "Her",
    "Their",
    "In",
    "On",
    "At",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "No",
    "Some",
    "Many",
    "Most",
    "More",
    "All",
    "Both",
    "Last",
    "Earlier",
    "Later",
    "During",
    "Since",
    "Despite",
    "Following",
    "Under",
    "With",
    "Without",
    "Amid",
    "Over",
    "By",
    "Such",
    "Shares",
    "Prices",
    "Sales",
    "Profits",
    "Officials",
    "Police",
    "Analysts",
    "Investors",
    "Voters",
    "Polls",
    "Critics",
    "Supporters",
    "Markets",
    "Stocks",
    "Oil",
    "Talks",
    "Figures",
    "Exports",
    "Imports",
    "Growth",
    "Inflation",
    "Unemployment",
    "Rates",
    "Troops",
    "Workers",
    "Firms",
    "Companies",
    "Banks",
    "Fans",
    "Players",
    "Users",
    "People",
    "Students",
    "Scientists",
    "Researchers",
    "Experts",
    "Lawmakers",
    "Residents",
    "Soldiers",
    "Ministers",
];

/// Words that point back to an earlier sentence.
const REFERRING: &[&str] = &[
    "it", "its", "this", "that", "these", "those", "they", "them", "their", "he", "him", "his",
    "she", "her", "such", "there",
];

/// `CLAIM, SOURCE said TAIL.`
static CLAIM_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<claim>[^,]{20,}(?:,[^,]+)*?), (?P<src>(?:he|she|they|officials|(?:[\p{Lu}][\w'’.-]*\s?){1,5}|the [a-z]+(?: [a-z]+)?)) (?P<verb>said|says|added)(?P<tail>(?: on \p{Lu}\w+| in a statement| last week| on Twitter)?)\.$")
        .expect("valid regex")
});

/// `INTRO, MAIN.` with a short adverbial intro.
static INTRO_MAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<intro>(?:On|In|At|After|Before|During|Since|Last|Earlier|Later|Despite|Following|Under|For|With|Amid|By)\b[^,]{2,50}), (?P<main>[^,].{15,})\.$")
        .expect("valid regex")
});

/// `MAIN, PHRASE.` with a trailing subordinate or prepositional phrase.
static MAIN_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<main>[^,]{15,}), (?P<phrase>(?:after|before|despite|following|amid|while|as|with|according to)\b[^,]{3,60})\.$")
        .expect("valid regex")
});

/// `s` with its first word lower-cased when it is an ordinary word: one of
/// the usual sentence openers, or a word the article (`vocab`) also writes
/// in lower case. A name (`Trump`) or `I` keeps its capital.
fn lower_first_word(s: &str, vocab: &str) -> String {
    let first = s.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    let ordinary = LOWERABLE.contains(&first)
        || matches!(first, "He" | "She" | "They" | "We")
        || (first != "I"
            && first.chars().all(char::is_alphabetic)
            && people::occurs(vocab, &lower));
    if ordinary {
        decapitalize(s)
    } else {
        s.to_owned()
    }
}

pub fn inject(site: &Site<'_>, rng: &mut SplitMix64, cap: usize) -> Vec<Injection> {
    let mut candidates = Vec::new();
    for i in site.prose_body() {
        let para = site.para(i);
        // `''` is a quotation mark in some PolNeAR copy.
        let quotes = para.contains(text::is_double_mark) || para.contains("''");
        if quotes || !is_prose(para) || para.ends_with(':') {
            continue;
        }
        // After at least one other paragraph: a paste, not a doubled line.
        for p in i + 1..site.paragraphs.len() {
            if site.can_insert_after(p) && site.entry(p) == site.entry(i) {
                candidates.push((i, p));
            }
        }
    }
    // Draw the kind for each injection first, so the kinds are made about
    // equally often, then take the first drawn place that allows it.
    const VARIANTS: [&str; 4] = ["exact", "light", "restated", "restated-part"];
    rng.shuffle(&mut candidates);
    let mut out = Vec::new();
    for _ in 0..cap {
        let variant = VARIANTS[rng.below(VARIANTS.len())];
        let made = candidates.iter().enumerate().find_map(|(k, &(i, p))| {
            let para = site.para(i);
            let copy = match variant {
                "exact" => para.to_owned(),
                "light" => light_edit(para, rng)?,
                "restated" => restate(para, site.text, rng)?,
                _ => restate_part(para, site.text, rng)?,
            };
            let (edited, target) = site.insert_paragraph_after(p, &copy);
            Some((
                k,
                Injection {
                    check: Check::RepeatParagraph,
                    variant,
                    target,
                    changed: site.paragraphs[i].clone(),
                    edited,
                },
            ))
        });
        if let Some((k, injection)) = made {
            candidates.swap_remove(k);
            out.push(injection);
        }
    }
    out
}

/// A paragraph of running text: long enough, and not a list of names
/// (a team sheet, a fixture list), where most words are capitalized. A
/// pasted team sheet is a different slip from a paragraph said twice.
fn is_prose(para: &str) -> bool {
    let words: Vec<&str> = para
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let lower = words
        .iter()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    words.len() >= MIN_WORDS && lower * 5 >= words.len() * 2
}

/// Positions of whole-word, case-sensitive matches of `word` in `s`.
fn word_matches<'a>(s: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    s.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let before = s[..i].chars().next_back();
        let after = s[i + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Replace up to `count` synonym or droppable-word occurrences; `None` when
/// nothing could be changed.
fn substitute(s: &str, count: usize, rng: &mut SplitMix64) -> Option<String> {
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for &(from, to) in SYNONYMS {
        edits.extend(word_matches(s, from).map(|i| (i, i + from.len(), to.to_owned())));
    }
    for &word in DROPPABLE {
        // Drop the word and the space before it.
        edits.extend(
            word_matches(s, word)
                .filter(|&i| s[..i].ends_with(' '))
                .map(|i| (i - 1, i + word.len(), String::new())),
        );
    }
    rng.shuffle(&mut edits);
    let mut chosen: Vec<(usize, usize, String)> = Vec::new();
    for e in edits {
        if chosen.len() >= count {
            break;
        }
        if chosen.iter().all(|c| e.1 <= c.0 || c.1 <= e.0) {
            chosen.push(e);
        }
    }
    if chosen.is_empty() {
        return None;
    }
    chosen.sort_by_key(|c| std::cmp::Reverse(c.0));
    let mut out = s.to_owned();
    for (a, b, r) in chosen {
        out.replace_range(a..b, &r);
    }
    Some(out)
}

/// A word or two changed.
pub fn light_edit(para: &str, rng: &mut SplitMix64) -> Option<String> {
    let count = 1 + rng.below(2);
    substitute(para, count, rng)
}

/// Clauses reordered (at least one sentence), then a synonym or two.
pub fn restate(para: &str, vocab: &str, rng: &mut SplitMix64) -> Option<String> {
    let mut sentences: Vec<String> = text::sentences(para, &(0..para.len()))
        .into_iter()
        .map(|r| para[r].to_owned())
        .collect();
    let mut changed = false;
    for s in &mut sentences {
        if let Some(new) = reorder(s, vocab) {
            *s = new;
            changed = true;
        }
    }
    // Swap the first two sentences when the second stands on its own: no
    // pronoun that would then point forward, no connective.
    if sentences.len() >= 2 {
        let first_word = sentences[1].split_whitespace().next().unwrap_or("");
        let refers = sentences[1]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| REFERRING.contains(&w.to_lowercase().as_str()));
        let standalone = first_word.chars().next().is_some_and(char::is_uppercase)
            && !refers
            && !matches!(
                first_word,
                "But" | "And" | "Also" | "However" | "The" | "Then" | "So" | "Still" | "Yet"
            );
        if standalone && rng.chance(1, 2) {
            sentences.swap(0, 1);
            changed = true;
        }
    }
    if !changed {
        return None;
    }
    let joined = sentences.join(" ");
    let synonyms = rng.below(3);
    Some(if synonyms > 0 {
        substitute(&joined, synonyms, rng).unwrap_or(joined)
    } else {
        joined
    })
}

/// Manner and degree adverbs a restatement drops (`early`, `only` and
/// `deadly` end in `-ly` too, hence a list).
const ADVERBS: &[&str] = &[
    "sharply",
    "quickly",
    "strongly",
    "largely",
    "widely",
    "slightly",
    "significantly",
    "recently",
    "currently",
    "previously",
    "repeatedly",
    "publicly",
    "privately",
    "officially",
    "reportedly",
    "allegedly",
    "initially",
    "eventually",
    "finally",
    "formally",
    "narrowly",
    "heavily",
    "firmly",
    "openly",
    "directly",
    "fully",
    "steadily",
    "rapidly",
    "dramatically",
    "increasingly",
    "particularly",
    "especially",
    "immediately",
    "effectively",
    "potentially",
    "seriously",
    "badly",
    "clearly",
    "further",
];

/// The first sentence of a longer paragraph, clauses reordered, `-ly`
/// adverbs dropped and a synonym or two: a short paragraph that says part of
/// an earlier one again in other words.
pub fn restate_part(para: &str, vocab: &str, rng: &mut SplitMix64) -> Option<String> {
    let sentences = text::sentences(para, &(0..para.len()));
    let first = &para[sentences.first()?.clone()];
    if sentences.len() < 2 || text::word_count(first) < MIN_WORDS {
        return None;
    }
    let reordered = reorder(first, vocab)?;
    let plain: Vec<&str> = reordered
        .split(' ')
        .filter(|w| !ADVERBS.contains(w))
        .collect();
    let plain = plain.join(" ");
    let synonyms = 1 + rng.below(2);
    Some(substitute(&plain, synonyms, rng).unwrap_or(plain))
}

/// One sentence with its clauses reordered, if a pattern applies.
fn reorder(s: &str, vocab: &str) -> Option<String> {
    if let Some(c) = CLAIM_SAID.captures(s) {
        let src = &c["src"];
        let src = if matches!(src, "he" | "she" | "they" | "officials") || src.starts_with("the ") {
            capitalize(src)
        } else {
            src.to_owned()
        };
        return Some(format!(
            "{src} {}{} that {}.",
            &c["verb"],
            &c["tail"],
            lower_first_word(&c["claim"], vocab)
        ));
    }
    // `With X, officials said.` does not take the intro at its end.
    let ends_attributed = s.ends_with(" said.") || s.ends_with(" says.");
    if let Some(c) = INTRO_MAIN.captures(s).filter(|_| !ends_attributed) {
        return Some(format!(
            "{} {}.",
            capitalize(&c["main"]),
            lower_first_word(&c["intro"], vocab)
        ));
    }
    if let Some(c) = MAIN_PHRASE.captures(s) {
        return Some(format!(
            "{}, {}.",
            capitalize(&c["phrase"]),
            lower_first_word(&c["main"], vocab)
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reorders_the_common_wire_patterns() {
        assert_eq!(
            reorder(
                "A ground offensive would isolate Israel, Antony Blinken said on Friday.",
                ""
            )
            .unwrap(),
            "Antony Blinken said on Friday that a ground offensive would isolate Israel."
        );
        assert_eq!(
            reorder("On Monday, the company cut its forecast for the year.", "").unwrap(),
            "The company cut its forecast for the year on Monday."
        );
        assert_eq!(
            reorder("Shares fell sharply in early trade, after the warning.", "").unwrap(),
            "After the warning, shares fell sharply in early trade."
        );
        assert_eq!(reorder("Nothing to move here.", ""), None);
        // An ordinary word the article writes in lower case loses its capital.
        assert_eq!(
            reorder(
                "About nine in ten agreed, according to the poll.",
                "about them"
            )
            .unwrap(),
            "According to the poll, about nine in ten agreed."
        );
        assert_eq!(
            reorder(
                "Trump won the state easily, according to the poll.",
                "about them"
            )
            .unwrap(),
            "According to the poll, Trump won the state easily."
        );
    }

    #[test]
    fn team_sheets_and_fixture_lists_are_not_prose() {
        assert!(is_prose(
            "The club said on Monday that the striker would miss the next three games."
        ));
        assert!(!is_prose("Dudek, Finnan, Hyypia, Carragher, Riise, Luis Garcia (Nunez 73), Gerrard, Alonso, Kewell."));
        assert!(!is_prose("France v Republic of Ireland; Israel v Switzerland; Cyprus v Faroe Islands; Italy v Spain."));
        assert!(!is_prose("Too short to count."));
    }

    #[test]
    fn light_edits_change_a_word_or_two() {
        let mut rng = SplitMix64::new(5);
        let para = "The firm would also buy a large stake in the country.";
        for _ in 0..20 {
            let edited = light_edit(para, &mut rng).unwrap();
            assert_ne!(edited, para);
            let changed = para
                .split(' ')
                .filter(|w| !edited.split(' ').any(|e| e == *w))
                .count();
            assert!((1..=2).contains(&changed), "{edited}");
        }
        assert_eq!(light_edit("Nothing here changes.", &mut rng), None);
    }

    #[test]
    fn partial_restatement_keeps_the_first_sentence_reworded() {
        let mut rng = SplitMix64::new(8);
        let para = "Shares fell sharply in early trade in London, after the profit warning. \
                    Traders were calm.";
        let part = restate_part(para, para, &mut rng).unwrap();
        assert!(
            part.starts_with("After the profit warning, shares "),
            "{part}"
        );
        assert!(part.ends_with(" in early trade in London."), "{part}");
        assert!(
            !part.contains("sharply") && !part.contains("calm"),
            "{part}"
        );
        assert_eq!(
            restate_part(
                "One sentence only, after all that happened here.",
                "",
                &mut rng
            ),
            None
        );
    }

    #[test]
    fn restating_needs_a_reordering() {
        let mut rng = SplitMix64::new(2);
        let restated = restate(
            "Prices would rise sharply next year, the minister said. Markets were calm.",
            "",
            &mut rng,
        )
        .unwrap();
        assert!(
            restated.contains("The minister said that prices"),
            "{restated}"
        );
        assert_eq!(restate("Nothing to move. It stays.", "", &mut rng), None);
    }
}
