//! `name/spelling`: respell one later mention of a person, the way names go
//! wrong in copy: a vowel swapped, a letter doubled or dropped, a common
//! transliteration variant (`Zelensky`/`Zelenskiy`, `Mohammed`/`Mohamed`).

use copydesk::Check;

use super::{take, Injection, Site};
use crate::people;
use crate::rewrite::{splice, Splice};
use crate::rng::SplitMix64;

/// Transliteration and spelling variants: (written, variant).
const VARIANTS: &[(&str, &str)] = &[
    ("sky", "skiy"),
    ("skiy", "sky"),
    ("ski", "sky"),
    ("ov", "off"),
    ("ev", "yev"),
    ("ph", "f"),
    ("kh", "h"),
    ("ou", "u"),
    ("ck", "k"),
    ("ie", "ei"),
    ("ei", "ie"),
    ("ai", "ay"),
    ("ay", "ai"),
    ("ee", "ea"),
    ("mm", "m"),
    ("ao", "au"),
    ("sch", "sh"),
    ("tz", "ts"),
    ("ch", "tch"),
];

/// Vowel swaps copy editors see: a/e, i/e, o/u.
fn swapped_vowel(c: char) -> Option<char> {
    Some(match c {
        'a' => 'e',
        'e' => 'a',
        'i' => 'e',
        'o' => 'u',
        'u' => 'o',
        _ => return None,
    })
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Consonants that get doubled by mistake (`Cameron` → `Cammeron`).
fn doubles(c: char) -> bool {
    matches!(
        c,
        'l' | 'n' | 'r' | 's' | 't' | 'm' | 'p' | 'd' | 'g' | 'f' | 'c'
    )
}

/// One misspelling of `word`, by a kind drawn at random among those that
/// apply. The first letter is never touched (it would read as a new name).
pub fn respell(word: &str, rng: &mut SplitMix64) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let rebuild = |f: &dyn Fn(usize, char, &mut String)| {
        let mut s = String::new();
        for (i, &c) in chars.iter().enumerate() {
            f(i, c, &mut s);
        }
        s
    };
    let mut kinds: Vec<Vec<String>> = vec![Vec::new(); 4];
    // Transliteration variants, matched after the first letter.
    let lower_tail: String = chars[1..].iter().collect();
    for &(from, to) in VARIANTS {
        for (i, _) in lower_tail.match_indices(from) {
            // `Schiff` is not `Stchiff`.
            if from == "ch" && (i == 0 && chars[0] == 'S' || lower_tail[..i].ends_with('s')) {
                continue;
            }
            let head: String = chars[..1].iter().collect();
            kinds[0].push(format!(
                "{head}{}{to}{}",
                &lower_tail[..i],
                &lower_tail[i + from.len()..]
            ));
        }
    }
    for i in 1..n {
        let c = chars[i];
        if let Some(v) = swapped_vowel(c) {
            kinds[1].push(rebuild(&|j, ch, s| s.push(if j == i { v } else { ch })));
        }
        let between_vowels = i + 1 < n && is_vowel(chars[i - 1]) && is_vowel(chars[i + 1]);
        if doubles(c) && between_vowels {
            kinds[2].push(rebuild(&|j, ch, s| {
                s.push(ch);
                if j == i {
                    s.push(ch);
                }
            }));
        }
        let doubled = chars[i - 1] == c;
        let silent_h = c == 'h' && i + 1 < n && matches!(chars[i - 1], 'c' | 't' | 'g' | 'p' | 'k');
        let vowel_pair = is_vowel(c) && is_vowel(chars[i - 1]);
        if doubled || silent_h || vowel_pair {
            kinds[3].push(rebuild(&|j, ch, s| {
                if j != i {
                    s.push(ch);
                }
            }));
        }
    }
    for k in &mut kinds {
        k.retain(|s| s != word && s.chars().count() >= 3);
    }
    kinds.retain(|k| !k.is_empty());
    let kind = rng.pick(&kinds)?;
    rng.pick(kind).cloned()
}

pub fn inject(site: &Site<'_>, rng: &mut SplitMix64, cap: usize) -> Vec<Injection> {
    // (person, mention) pairs: a later mention outside quotes.
    let mut candidates = Vec::new();
    for (pi, person) in site.people.iter().enumerate() {
        let Some(first) = person.first_full() else {
            continue;
        };
        for (mi, m) in person.mentions.iter().enumerate() {
            if m.surname.start > first.name.end
                && !m.in_quote
                && person.surname.chars().count() >= 4
            {
                candidates.push((pi, mi));
            }
        }
    }
    take(candidates, rng, cap, |(pi, mi), rng| {
        let person = &site.people[pi];
        let m = &person.mentions[mi];
        let (range, variant) = match &m.given {
            Some(g) if person.given.chars().count() >= 4 && rng.chance(1, 3) => {
                (g.clone(), "given-name")
            }
            // A slip of the surname reported by what corroborates the
            // person: the same title, the same given name, or nothing.
            _ if m.title.is_some() => (m.surname.clone(), "titled-slip"),
            _ if m.given.is_some() => (m.surname.clone(), "full-name-slip"),
            _ => (m.surname.clone(), "surname"),
        };
        let word = &site.text[range.clone()];
        let new = respell(word, rng)?;
        if people::occurs(site.text, &new) {
            return None;
        }
        let (edited, landed) = splice(site.text, &[Splice::new(range.clone(), new)]);
        Some(Injection {
            check: Check::NameSpelling,
            variant,
            target: landed[0].clone(),
            changed: range,
            edited,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn respellings_keep_the_first_letter_and_change_little() {
        let mut rng = SplitMix64::new(3);
        for word in [
            "Netanyahu",
            "Zelensky",
            "Cameron",
            "Russell",
            "Thompson",
            "Blair",
        ] {
            for _ in 0..20 {
                let new = respell(word, &mut rng).unwrap();
                assert_ne!(new, word);
                assert_eq!(new.chars().next(), word.chars().next());
                let diff = (new.len() as isize - word.len() as isize).abs();
                assert!(diff <= 2, "{word} → {new}");
            }
        }
        assert!(respell("Zelensky", &mut rng).is_some());
        for _ in 0..50 {
            assert!(!respell("Schiff", &mut rng).unwrap().contains("tch"));
        }
        assert_eq!(respell("Xy", &mut rng), None);
    }
}
