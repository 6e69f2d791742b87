//! `name/first-reference`: make a surname come before the full name, either
//! by dropping the given name from the first mention (`British hurdler
//! Sarah Claxton` → `British hurdler Claxton`) or by moving a later
//! surname-only paragraph above the paragraph that introduces the person.

use copydesk::Check;

use super::{hull, take, Injection, Site};
use crate::people::{self, Person};
use crate::rewrite::{splice, Builder, Splice};
use crate::rng::SplitMix64;

#[derive(Clone, Copy)]
enum Plan {
    /// Person index.
    DropGiven(usize),
    /// Person index, the paragraph to move.
    Move(usize, usize),
}

pub fn inject(site: &Site<'_>, rng: &mut SplitMix64, cap: usize) -> Vec<Injection> {
    let full_names = people::full_names(site.text, &site.paragraphs);
    let mut candidates = Vec::new();
    for (pi, person) in site.people.iter().enumerate() {
        // The clean story introduces the person properly.
        let Some(first) = person.mentions.first().filter(|m| m.given.is_some()) else {
            continue;
        };
        candidates.push(Plan::DropGiven(pi));
        let intro = first.paragraph;
        for j in intro + 1..site.paragraphs.len() {
            if can_move(site, pi, intro, j) && !strands_others(site, &full_names, pi, intro, j) {
                candidates.push(Plan::Move(pi, j));
            }
        }
    }
    take(candidates, rng, cap, |plan, _| match plan {
        Plan::DropGiven(pi) => drop_given(site, &site.people[pi]),
        Plan::Move(pi, j) => move_above(site, &site.people[pi], j),
    })
}

/// Paragraph `j` mentions the person by surname only, is a whole unit (no
/// quote running in or out), and names nobody else introduced between the
/// introduction and `j`. The introduction is not the lede, so the moved
/// paragraph does not become the lede.
fn can_move(site: &Site<'_>, pi: usize, intro: usize, j: usize) -> bool {
    let person = &site.people[pi];
    let in_j: Vec<_> = person
        .mentions
        .iter()
        .filter(|m| m.paragraph == j)
        .collect();
    let others_fine = site.people.iter().enumerate().all(|(qi, q)| {
        qi == pi
            || !q.mentions.iter().any(|m| m.paragraph == j)
            || q.first_full().is_some_and(|f| f.paragraph < intro)
    });
    intro >= 2
        && !in_j.is_empty()
        && in_j.iter().all(|m| m.given.is_none())
        && site.quotes[j].balanced
        && site.quotes[j - 1].balanced
        && site.quotes[intro - 1].balanced
        && !site.para(intro - 1).ends_with(':')
        && !site.para(j - 1).ends_with(':')
        && others_fine
}

/// Moving paragraph `j` above paragraph `intro` would put another name
/// (anyone written in full somewhere, not only the people the harness
/// recognises) before its own introduction.
fn strands_others(
    site: &Site<'_>,
    full_names: &[(String, usize)],
    pi: usize,
    intro: usize,
    j: usize,
) -> bool {
    let person = &site.people[pi];
    let introduced_before =
        |surname: &str| full_names.iter().any(|(s, p)| s == surname && *p < intro);
    let introduced_between = |surname: &str| {
        full_names
            .iter()
            .any(|(s, p)| s == surname && (intro..j).contains(p))
    };
    site.para(j)
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
        .filter(|w| *w != person.surname && w.starts_with(char::is_uppercase))
        .any(|w| introduced_between(w) && !introduced_before(w))
}

fn drop_given(site: &Site<'_>, person: &Person) -> Option<Injection> {
    let first = person.mentions.first()?;
    let given = first.given.clone()?;
    // `Julio De Vido`, `Charles Saumarez Smith`: the word dropped is not the
    // first name, and what is left (`Julio Vido`) is still a full name.
    if given_follows_a_name(site.text, given.start) {
        return None;
    }
    let (edited, _) = splice(
        site.text,
        &[Splice::delete(given.start..first.surname.start)],
    );
    let target = hull(&edited, &first.surname)?;
    // Reported by what is left: a title and surname, a surname a speech
    // verb follows, or a surname with any other verb or none.
    let after = people::word_after(site.text, first.name.end).trim_end_matches([',', '.']);
    let variant = if first.title.is_some() {
        "title-surname"
    } else if matches!(after, "said" | "says" | "told" | "added") {
        "given-dropped"
    } else {
        "non-speech-verb"
    };
    Some(Injection {
        check: Check::NameFirstReference,
        variant,
        target,
        changed: first.name.clone(),
        edited,
    })
}

/// Whether a capitalized name word stands right before `at` (one space
/// between), so the word at `at` is a middle name or particle.
fn given_follows_a_name(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix(' ') else {
        return false;
    };
    let word = people::word_before(text, before.len() + 1);
    word.starts_with(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && word.chars().any(char::is_lowercase)
        && people::is_name_word(word, 2)
        && !people::TITLES.contains(&word)
}

fn move_above(site: &Site<'_>, person: &Person, j: usize) -> Option<Injection> {
    let intro = person.mentions.first()?.paragraph;
    let first_in_j = person.mentions.iter().find(|m| m.paragraph == j)?;
    let paras = &site.paragraphs;
    let mut b = Builder::new(site.text);
    b.keep(0..paras[intro].start);
    b.keep(paras[j].clone());
    b.insert(site.separator);
    b.keep(paras[intro].start..paras[j - 1].end);
    b.keep(paras[j].end..site.text.len());
    let edited = b.finish();
    let target = hull(&edited, &first_in_j.name)?;
    Some(Injection {
        check: Check::NameFirstReference,
        variant: "paragraph-moved",
        target,
        changed: paras[j].clone(),
        edited,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    #[test]
    fn does_not_move_another_name_above_its_introduction() {
        // Moving "Lee and Cho left." above paragraph 2 would put Cho, who is
        // only named in full in paragraph 3, before her introduction.
        let text = "Head\n\nVoters queued.\n\nSen. Ann Lee spoke on Monday.\n\nRita Cho agreed.\n\nLee and Cho left.";
        let article = Article::for_test(text);
        let site = Site::new(&article);
        let out = inject(&site, &mut SplitMix64::new(1), 5);
        assert!(out.iter().all(|i| i.variant != "paragraph-moved"));
        let names = people::full_names(text, &site.paragraphs);
        assert_eq!(names, [("Lee".to_owned(), 2), ("Cho".to_owned(), 3)]);
    }

    #[test]
    fn does_not_drop_a_middle_name() {
        assert!(given_follows_a_name("Minister Julio De Vido", 15));
        assert!(!given_follows_a_name("Minister Julio De Vido", 9));
        assert!(!given_follows_a_name("said Sen. Ann Lee", 10));
        assert!(!given_follows_a_name("President Ann Lee", 10));
    }

    #[test]
    fn drops_the_given_name_or_moves_a_surname_paragraph_up() {
        let text = "Head\n\nVoters queued.\n\nSen. Ann Lee spoke on Monday.\n\nPolls closed.\n\nLee said no.";
        let article = Article::for_test(text);
        let site = Site::new(&article);
        let mut out: Vec<_> = inject(&site, &mut SplitMix64::new(1), 5)
            .into_iter()
            .map(|i| {
                (
                    i.variant,
                    i.edited.text.clone(),
                    i.edited.text[i.target].to_owned(),
                )
            })
            .collect();
        out.sort();
        assert_eq!(
            out,
            [
                (
                    "paragraph-moved",
                    "Head\n\nVoters queued.\n\nLee said no.\n\nSen. Ann Lee spoke on Monday.\n\nPolls closed.".to_owned(),
                    "Lee".to_owned()
                ),
                (
                    "title-surname",
                    "Head\n\nVoters queued.\n\nSen. Lee spoke on Monday.\n\nPolls closed.\n\nLee said no.".to_owned(),
                    "Lee".to_owned()
                ),
            ]
        );
    }
}
