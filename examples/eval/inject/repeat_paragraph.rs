//! `repeat/paragraph`: paste an earlier paragraph again further down —
//! exactly, lightly edited (a word or two changed), or restated (clauses
//! reordered and a synonym or two, the way a rewrite restates a lede).
//! Only paragraphs without quotation marks: a repeated quote is
//! `repeat/quote`'s business.

use std::sync::LazyLock;

use copydesk::Check;
use regex::Regex;

use super::{Injection, Site};
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
    ("about", "around"),
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

fn lower_first_word(s: &str) -> String {
    let first = s.split_whitespace().next().unwrap_or("");
    if LOWERABLE.contains(&first) || matches!(first, "He" | "She" | "They" | "We") {
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
        if quotes || text::word_count(para) < MIN_WORDS || para.ends_with(':') {
            continue;
        }
        // After at least one other paragraph: a paste, not a doubled line.
        for p in i + 1..site.paragraphs.len() {
            if site.can_insert_after(p) {
                candidates.push((i, p));
            }
        }
    }
    // Draw the kind for each injection first, so the three are made about
    // equally often, then take the first drawn place that allows it.
    rng.shuffle(&mut candidates);
    let mut out = Vec::new();
    for _ in 0..cap {
        let variant = ["exact", "light", "restated"][rng.below(3)];
        let made = candidates.iter().enumerate().find_map(|(k, &(i, p))| {
            let para = site.para(i);
            let copy = match variant {
                "exact" => para.to_owned(),
                "light" => light_edit(para, rng)?,
                _ => restate(para, rng)?,
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
pub fn restate(para: &str, rng: &mut SplitMix64) -> Option<String> {
    let mut sentences: Vec<String> = text::sentences(para, &(0..para.len()))
        .into_iter()
        .map(|r| para[r].to_owned())
        .collect();
    let mut changed = false;
    for s in &mut sentences {
        if let Some(new) = reorder(s) {
            *s = new;
            changed = true;
        }
    }
    // Swap the first two sentences when the second stands on its own.
    if sentences.len() >= 2 {
        let first_word = sentences[1].split_whitespace().next().unwrap_or("");
        let standalone = first_word.chars().next().is_some_and(char::is_uppercase)
            && !matches!(
                first_word,
                "He" | "She"
                    | "It"
                    | "They"
                    | "This"
                    | "That"
                    | "These"
                    | "Those"
                    | "But"
                    | "And"
                    | "Also"
                    | "However"
                    | "Its"
                    | "His"
                    | "Her"
                    | "Their"
                    | "The"
                    | "Then"
                    | "So"
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

/// One sentence with its clauses reordered, if a pattern applies.
fn reorder(s: &str) -> Option<String> {
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
            lower_first_word(&c["claim"])
        ));
    }
    // `With X, officials said.` does not take the intro at its end.
    let ends_attributed = s.ends_with(" said.") || s.ends_with(" says.");
    if let Some(c) = INTRO_MAIN.captures(s).filter(|_| !ends_attributed) {
        return Some(format!(
            "{} {}.",
            capitalize(&c["main"]),
            lower_first_word(&c["intro"])
        ));
    }
    if let Some(c) = MAIN_PHRASE.captures(s) {
        return Some(format!(
            "{}, {}.",
            capitalize(&c["phrase"]),
            lower_first_word(&c["main"])
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
            reorder("A ground offensive would isolate Israel, Antony Blinken said on Friday.")
                .unwrap(),
            "Antony Blinken said on Friday that a ground offensive would isolate Israel."
        );
        assert_eq!(
            reorder("On Monday, the company cut its forecast for the year.").unwrap(),
            "The company cut its forecast for the year on Monday."
        );
        assert_eq!(
            reorder("Shares fell sharply in early trade, after the warning.").unwrap(),
            "After the warning, shares fell sharply in early trade."
        );
        assert_eq!(reorder("Nothing to move here."), None);
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
    fn restating_needs_a_reordering() {
        let mut rng = SplitMix64::new(2);
        let restated = restate(
            "Prices would rise sharply next year, the minister said. Markets were calm.",
            &mut rng,
        )
        .unwrap();
        assert!(
            restated.contains("The minister said that prices"),
            "{restated}"
        );
        assert_eq!(restate("Nothing to move. It stays.", &mut rng), None);
    }
}
