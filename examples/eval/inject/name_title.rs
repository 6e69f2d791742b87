//! `name/title`: give a titled person a conflicting title of the same kind
//! on a later mention (`Sen. Ted Cruz` … `Gov. Cruz`), replacing the same
//! title, a courtesy title (`Mr Brown` → `Prime Minister Brown`), or
//! prefixing a bare surname that acts as a subject (`Cruz said`).

use copydesk::Check;

use super::{take, Injection, Site};
use crate::people::{self, COURTESY};
use crate::rewrite::{splice, Splice};
use crate::rng::SplitMix64;

/// Office titles, a conflicting one of the same kind written the same way
/// (abbreviated or not), and the kind of swap, reported as the variant when
/// the title itself is replaced: another office of government, another
/// portfolio of one office (`Foreign Minister` → `Defence Minister`),
/// another executive role (`Chief Executive` → `Chief Operating Officer`),
/// another rank (`Detective` → `Sgt.`).
const CONFLICTS: &[(&str, &str, &str)] = &[
    ("President", "Prime Minister", OFFICE),
    ("Prime Minister", "President", OFFICE),
    ("Vice President", "Secretary of State", OFFICE),
    ("Sen.", "Gov.", OFFICE),
    ("Senator", "Governor", OFFICE),
    ("Gov.", "Sen.", OFFICE),
    ("Governor", "Senator", OFFICE),
    ("Rep.", "Sen.", OFFICE),
    ("Representative", "Senator", OFFICE),
    ("Mayor", "Governor", OFFICE),
    ("Chancellor", "Prime Minister", OFFICE),
    ("Attorney General", "Secretary of State", OFFICE),
    ("Speaker", "Senator", OFFICE),
    ("Secretary of State", "Defense Secretary", PORTFOLIO),
    ("Home Secretary", "Foreign Secretary", PORTFOLIO),
    ("Foreign Secretary", "Home Secretary", PORTFOLIO),
    ("Foreign Minister", "Defence Minister", PORTFOLIO),
    ("Defence Minister", "Foreign Minister", PORTFOLIO),
    ("Defense Secretary", "Secretary of State", PORTFOLIO),
    ("Finance Minister", "Foreign Minister", PORTFOLIO),
    ("Health Secretary", "Education Secretary", PORTFOLIO),
    ("Treasury Secretary", "Commerce Secretary", PORTFOLIO),
    ("Chancellor of the Exchequer", "Home Secretary", PORTFOLIO),
    ("Chief Executive", "Chief Operating Officer", CORPORATE),
    (
        "Chief Financial Officer",
        "Chief Technology Officer",
        CORPORATE,
    ),
    ("CEO", "CFO", CORPORATE),
    ("Gen.", "Adm.", RANK),
    ("General", "Admiral", RANK),
    ("Col.", "Gen.", RANK),
    ("Capt.", "Maj.", RANK),
    ("Detective", "Sgt.", RANK),
    ("Sgt.", "Lt.", RANK),
];

const OFFICE: &str = "office-swap";
const PORTFOLIO: &str = "portfolio-swap";
const CORPORATE: &str = "corporate-role-swap";
const RANK: &str = "rank-swap";

/// Words after a bare surname showing it is the subject or ends a clause,
/// so a title can go before it (`Cruz said`, `… with Cruz.`).
const SUBJECT_NEXT: &[&str] = &[
    "said", "says", "told", "added", "is", "was", "has", "had", "would", "will", "could", "also",
    "did", "does", "who", "and", "wrote", "argued", "called", "made", "took",
];

fn conflicting(title: &str) -> Option<(&'static str, &'static str)> {
    CONFLICTS
        .iter()
        .find(|(t, ..)| *t == title)
        .map(|&(_, c, kind)| (c, kind))
}

pub fn inject(site: &Site<'_>, rng: &mut SplitMix64, cap: usize) -> Vec<Injection> {
    let mut candidates = Vec::new();
    for (pi, person) in site.people.iter().enumerate() {
        let offices: Vec<_> = person
            .mentions
            .iter()
            .filter_map(|m| m.title.as_ref())
            .filter(|t| !COURTESY.contains(&t.written))
            .collect();
        // One unqualified office title in the story, to contradict on a
        // mention after the first that carries it.
        let first = person.mentions.iter().position(|m| {
            m.title
                .as_ref()
                .is_some_and(|t| !t.qualified && !COURTESY.contains(&t.written))
        });
        let Some(first) = first else {
            continue;
        };
        let office = person.mentions[first]
            .title
            .as_ref()
            .map_or("", |t| t.written);
        if offices.iter().any(|t| t.written != office) {
            continue;
        }
        for (mi, m) in person.mentions.iter().enumerate().skip(first + 1) {
            if !m.in_quote {
                candidates.push((pi, mi, office));
            }
        }
    }
    take(candidates, rng, cap, |(pi, mi, office), _| {
        let m = &site.people[pi].mentions[mi];
        let (new_title, kind) = conflicting(office)?;
        let (range, replacement, variant) = match &m.title {
            Some(t) if t.qualified => return None,
            Some(t) if t.written == office => (t.range.clone(), new_title.to_owned(), kind),
            Some(t) if COURTESY.contains(&t.written) => {
                (t.range.clone(), new_title.to_owned(), "courtesy-replaced")
            }
            Some(_) => return None,
            None => {
                let before = people::word_before(site.text, m.name.start);
                let after = people::word_after(site.text, m.name.end);
                let subject = after.is_empty()
                    || after.starts_with([',', '.', ';', ':'])
                    || SUBJECT_NEXT.contains(&after.trim_end_matches([',', '.']))
                    || after.starts_with("'s")
                    || after.starts_with("’s");
                let article_before = matches!(before, "the" | "The" | "a" | "A" | "an" | "An");
                // `then-rival Obama` does not take a title.
                let qualified = people::qualified_before(site.text, m.name.start);
                if !subject || article_before || qualified {
                    return None;
                }
                (
                    m.name.start..m.name.start,
                    format!("{new_title} "),
                    "title-added",
                )
            }
        };
        let (edited, landed) = splice(site.text, &[Splice::new(range.clone(), replacement)]);
        let name_len = m.name.end - range.end;
        let target = landed[0].start..landed[0].end + name_len;
        Some(Injection {
            check: Check::NameTitle,
            variant,
            target,
            changed: range.start..m.name.end,
            edited,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Corpus, Split};

    fn titled(text: &str) -> Vec<(String, String, &'static str)> {
        let article = Article {
            id: "t".into(),
            corpus: Corpus::Bbc,
            split: Split::Tune,
            text: text.into(),
            annotations: None,
            attributed_quotes: Vec::new(),
        };
        let site = Site::new(&article);
        let mut out: Vec<_> = inject(&site, &mut SplitMix64::new(9), 10)
            .into_iter()
            .map(|i| {
                (
                    i.edited.text.clone(),
                    i.edited.text[i.target].to_owned(),
                    i.variant,
                )
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn contradicts_a_title_on_later_mentions() {
        let text = "Head\n\nSen. Ann Lee spoke.\n\nLater Sen. Lee left and the Lee plan failed.\n\nLee said no.";
        let out = titled(text);
        let targets: Vec<_> = out.iter().map(|(_, t, v)| (t.as_str(), *v)).collect();
        assert_eq!(
            targets,
            [("Gov. Lee", "office-swap"), ("Gov. Lee", "title-added")]
        );
        assert!(out.iter().any(|(t, ..)| t.ends_with("Gov. Lee said no.")));
    }

    #[test]
    fn reports_the_kind_of_swap() {
        let text = "Head\n\nForeign Minister Ann Lee spoke.\n\nForeign Minister Lee left.\n\n\
                    Detective Sam Ortiz spoke.\n\nDetective Ortiz left.";
        let out = titled(text);
        let targets: Vec<_> = out.iter().map(|(_, t, v)| (t.as_str(), *v)).collect();
        assert_eq!(
            targets,
            [
                ("Defence Minister Lee", "portfolio-swap"),
                ("Sgt. Ortiz", "rank-swap")
            ]
        );
    }

    #[test]
    fn leaves_people_with_two_offices_or_only_former_ones() {
        assert!(titled("Head\n\nformer Sen. Ann Lee spoke.\n\nLee said no.").is_empty());
        assert!(titled("Head\n\nSen. Ann Lee spoke.\n\nGov. Lee said no.\n\nLee left.").is_empty());
    }
}
