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

/// Two titles of one kind given to a person the article gives none (the
/// corpus rarely has portfolios, executives or ranks to swap): the first
/// before the full name, the conflicting one before a later surname.
const ADDED: &[(&str, &str, &str)] = &[
    ("Foreign Minister", "Defence Minister", PORTFOLIO),
    ("Treasury Secretary", "Secretary of State", PORTFOLIO),
    ("Finance Minister", "Health Minister", PORTFOLIO),
    ("Chief Executive", "Chief Operating Officer", CORPORATE),
    ("Chief Financial Officer", "Chief Executive", CORPORATE),
    (
        "Chief Technology Officer",
        "Chief Financial Officer",
        CORPORATE,
    ),
    ("Police Chief", "Fire Chief", RANK),
    ("Detective", "Sgt.", RANK),
    ("Col.", "Gen.", RANK),
];

/// Lowercase words before a full name that already give the person a role
/// (`England coach Luis Aragones`): no title goes between them.
const ROLES_BEFORE: &[&str] = &[
    "coach",
    "manager",
    "boss",
    "chief",
    "captain",
    "president",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "director",
    "executive",
    "chairman",
    "chairwoman",
    "founder",
    "striker",
    "midfielder",
    "defender",
    "winger",
    "goalkeeper",
    "player",
    "champion",
    "star",
    "analyst",
    "economist",
    "officer",
    "official",
    "leader",
    "legend",
    "hooker",
    "lock",
    "wing",
    "prop",
    "physio",
    "referee",
    "pundit",
    "sprinter",
    "runner",
    "hurdler",
    "candidate",
    "nominee",
    "senator",
    "governor",
    "mayor",
    "adviser",
    "aide",
    "lawyer",
    "attorney",
    "judge",
    "head",
    "rival",
    "partner",
    "colleague",
    "teammate",
    "actor",
    "actress",
    "singer",
    "writer",
    "author",
];

/// One article in this many gets a pair of added titles, so they do not
/// outweigh the swaps of titles the copy really has.
const ADDED_ONE_IN: usize = 3;

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
    let mut out = take(candidates, rng, cap, |(pi, mi, office), _| {
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
                if !takes_a_title(site.text, m) {
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
    });
    if out.len() < cap && rng.chance(1, ADDED_ONE_IN) {
        out.extend(add_two_titles(site, rng));
    }
    out
}

/// Whether a title can go before the bare surname at `m` (`Cruz said`, `…
/// with Cruz.`): a subject or the end of a clause, with no article or
/// qualifier before it.
fn takes_a_title(text: &str, m: &people::Mention) -> bool {
    let before = people::word_before(text, m.name.start);
    let after = people::word_after(text, m.name.end);
    let subject = after.is_empty()
        || after.starts_with([',', '.', ';', ':'])
        || SUBJECT_NEXT.contains(&after.trim_end_matches([',', '.']))
        || after.starts_with("'s")
        || after.starts_with("’s");
    let article_before = matches!(before, "the" | "The" | "a" | "A" | "an" | "An");
    // `then-rival Obama` does not take a title.
    subject && !article_before && !people::qualified_before(text, m.name.start)
}

/// A person with no title anywhere gets one before the full name and a
/// conflicting one of the same kind before a later bare surname in another
/// paragraph (`Foreign Minister Ann Lee` … `Defence Minister Lee said`).
fn add_two_titles(site: &Site<'_>, rng: &mut SplitMix64) -> Option<Injection> {
    let text = site.text;
    let mut candidates = Vec::new();
    for person in &site.people {
        if person.mentions.iter().any(|m| m.title.is_some()) {
            continue;
        }
        let Some(full) = person.first_full() else {
            continue;
        };
        // Before the full name: the start of a clause or a function word,
        // not a role or a name the title would be read into (`England coach
        // Luis Aragones` has a title already).
        let before = people::word_before(text, full.name.start);
        let opens = before.is_empty()
            || text[..full.name.start].ends_with('\n')
            || before.ends_with(['.', ',', ':', ';', '"', '“', '”', '\'', '’'])
            || before.ends_with("'s")
            || before.ends_with("’s")
            || (before.chars().all(char::is_lowercase) && !ROLES_BEFORE.contains(&before));
        if full.in_quote || !opens || people::qualified_before(text, full.name.start) {
            continue;
        }
        for m in &person.mentions {
            // `McConnell, now the majority leader,`: a reported change.
            let change = text[m.name.end..].starts_with(", now ");
            if m.given.is_none()
                && m.paragraph > full.paragraph
                && !m.in_quote
                && !change
                && takes_a_title(text, m)
            {
                candidates.push((full.name.start, m.name.clone()));
            }
        }
    }
    let &(at, ref later) = rng.pick(&candidates)?;
    let &(first, second, variant) = rng.pick(ADDED)?;
    let (edited, landed) = splice(
        text,
        &[
            Splice::new(at..at, format!("{first} ")),
            Splice::new(later.start..later.start, format!("{second} ")),
        ],
    );
    let target = landed[1].start..landed[1].end + later.len();
    Some(Injection {
        check: Check::NameTitle,
        variant,
        target,
        changed: later.clone(),
        edited,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    #[test]
    fn adds_two_conflicting_titles_to_an_untitled_person() {
        let text = "Head\n\nAnn Lee, 52, spoke on Monday, and Tom Ruiz agreed.\n\n\
                    Lee said no.\n\nLater, Lee said little.";
        let story = Article::for_test(text);
        let site = Site::new(&story);
        let mut seen = Vec::new();
        for seed in 0..40 {
            let i = add_two_titles(&site, &mut SplitMix64::new(seed)).expect("a place");
            let edited = &i.edited.text;
            let (first, second, variant) = ADDED
                .iter()
                .find(|(f, ..)| edited.contains(&format!("{f} Ann Lee")))
                .expect("the first title before the full name");
            assert_eq!(i.variant, *variant);
            assert_eq!(&edited[i.target.clone()], format!("{second} Lee"));
            assert!(!edited.contains(&format!("{first} Lee")), "{edited}");
            seen.push(*variant);
        }
        for kind in [PORTFOLIO, CORPORATE, RANK] {
            assert!(seen.contains(&kind), "{kind}");
        }
        // A person with a title of their own keeps it unchallenged here.
        let titled = Article::for_test("Head\n\nSen. Ann Lee spoke on Monday.\n\nLee said no.");
        assert!(add_two_titles(&Site::new(&titled), &mut SplitMix64::new(1)).is_none());
    }

    fn titled(text: &str) -> Vec<(String, String, &'static str)> {
        let article = Article::for_test(text);
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
