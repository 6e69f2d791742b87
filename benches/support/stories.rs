//! Deterministic, wire-like generated stories for benchmarks: datelines,
//! people introduced by title and full name and then by surname, attributed
//! quotes, background paragraphs, now and then a repeated quote, a restated
//! paragraph or an unattributed quote, and a credit line. Every name and
//! sentence is made up here.
//!
//! Shared (through `#[path]`) by `benches/engine.rs` and
//! `examples/gen_stories.rs`, so the engine benchmark and the command-line
//! throughput script (`benches/throughput.sh`) measure the same kind of text.

#![allow(dead_code)] // each user takes what it needs

use std::path::{Path, PathBuf};

/// Write `stories` generated stories (every fifth one Markdown) into
/// nested desk folders; returns the bytes written.
pub fn write_folder(root: &Path, stories: usize) -> usize {
    let mut rng = Rng(0x5eed_c0de);
    let mut bytes = 0;
    for i in 0..stories {
        let desk = DESKS[i % DESKS.len()];
        let markdown = i % 5 == 4;
        let mut text = String::new();
        story(&mut rng, &mut text, markdown);
        let name: PathBuf = [
            desk,
            &format!("story-{i:03}.{}", if markdown { "md" } else { "txt" }),
        ]
        .iter()
        .collect();
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
        bytes += text.len();
    }
    bytes
}

/// One plain-text draft of at least `bytes` bytes: stories one after another.
pub fn long_document_text(bytes: usize) -> String {
    let mut rng = Rng(0x0b1d_face);
    let mut text = String::with_capacity(bytes + 4096);
    while text.len() < bytes {
        story(&mut rng, &mut text, false);
    }
    text
}

const DESKS: [&str; 4] = ["world", "business", "politics/europe", "sport"];

/// (given name, surname, title before the name)
const PEOPLE: [(&str, &str, &str); 12] = [
    ("Marta", "Kowalczyk", "Foreign Minister"),
    ("Idris", "Okonkwo-Bell", "Finance Minister"),
    ("Helena", "Varga", "Prime Minister"),
    ("Tobias", "Lindqvist", "central bank governor"),
    ("Amara", "Nwosu", "Health Minister"),
    ("Rafael", "Quintero", "opposition leader"),
    ("Sun-hee", "Park", "trade envoy"),
    ("Émile", "Duchesne", "Defence Minister"),
    ("Priya", "Raman", "chief executive"),
    ("Oskar", "Brandt", "union leader"),
    ("Leila", "Haddad", "mayor"),
    ("Jonas", "Meier", "coach"),
];

const PLACES: [&str; 8] = [
    "VALDORA",
    "PORT HADLEY",
    "NORTH ESKER",
    "SAN TELMO",
    "KIRRAWEE",
    "OSTMARK",
    "BELLCOVE",
    "ARDENMOUTH",
];

const SUBJECTS: [&str; 10] = [
    "the new budget",
    "the pipeline deal",
    "the fishing quota",
    "the rail strike",
    "the interest-rate decision",
    "the border agreement",
    "the hospital reform",
    "the port expansion",
    "the election timetable",
    "the stadium project",
];

const VERBS: [&str; 6] = [
    "would be delayed until the spring",
    "had won the backing of most regional leaders",
    "could cost more than first estimated",
    "was the only way to keep prices stable",
    "would face a legal challenge",
    "needed another round of talks",
];

const QUOTES: [&str; 10] = [
    "We have waited long enough for a decision",
    "Nobody in this room wants another year of uncertainty",
    "The numbers simply do not add up",
    "Our families deserve better than empty promises",
    "This is a fair deal for everyone at the table",
    "We will keep talking for as long as it takes",
    "It is too early to say what the final cost will be",
    "The people who pay for this are the workers",
    "I am confident we can find common ground next week",
    "There is no plan B, and there never was one",
];

const BACKGROUND: [&str; 6] = [
    "{S} has divided the governing coalition since it was first proposed in {y}.",
    "Figures published by the statistics office in {y} showed costs rising for a third year.",
    "Talks on {s} broke down twice last year before resuming in {p}.",
    "Analysts polled last month expected {s} to pass with a narrow majority.",
    "The committee is due to publish its report on {s} before the end of the month.",
    "Protesters gathered outside parliament in {p} on {d} to oppose {s}.",
];

const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A small deterministic generator (xorshift64*), so every run benchmarks
/// the same text.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Append one story of 10 to 17 paragraphs, one paragraph per line (or
/// blank-line separated Markdown with a heading).
fn story(rng: &mut Rng, out: &mut String, markdown: bool) {
    let place = rng.pick(&PLACES);
    let day = rng.pick(&DAYS);
    let subject = rng.pick(&SUBJECTS);
    let year = 2015 + rng.below(10);
    let first = rng.below(PEOPLE.len());
    let second = (first + 1 + rng.below(PEOPLE.len() - 1)) % PEOPLE.len();
    let (given, surname, title) = PEOPLE[first];
    let (given2, surname2, title2) = PEOPLE[second];
    let pronoun2 = if second.is_multiple_of(2) {
        "she"
    } else {
        "he"
    };
    let mut introduced = false;
    let sep = if markdown { "\n\n" } else { "\n" };
    let mut used_quotes: Vec<&str> = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();

    if markdown {
        paragraphs.push(format!("# {} {}", capitalise(subject), rng.pick(&VERBS)));
    }
    let lede_verb = rng.pick(&VERBS);
    paragraphs.push(format!(
        "{place}, March {} (Wire) - {title} {given} {surname} said on {day} that {subject} {lede_verb}.",
        1 + rng.below(28),
    ));
    let extra = 8 + rng.below(8);
    for i in 0..extra {
        let quote = rng.pick(&QUOTES);
        let paragraph = match rng.below(10) {
            0 | 1 => {
                used_quotes.push(quote);
                format!(
                    "\"{quote},\" {surname} told reporters in {}.",
                    title_case(place)
                )
            }
            2 => {
                used_quotes.push(quote);
                let who = if introduced {
                    surname2.to_owned()
                } else {
                    introduced = true;
                    format!("{} {given2} {surname2}", capitalise(title2))
                };
                format!(
                    "{who} disagreed. \"{quote}. {},\" {pronoun2} said.",
                    rng.pick(&QUOTES)
                )
            }
            3 => format!(
                "{surname} added that {subject} {} and that {} {}.",
                rng.pick(&VERBS),
                rng.pick(&SUBJECTS),
                rng.pick(&VERBS)
            ),
            // Now and then the mistakes copydesk is for.
            4 if i > 2 && !used_quotes.is_empty() => {
                let again = used_quotes[rng.below(used_quotes.len())];
                format!("\"{again},\" {surname} said again later.")
            }
            5 if i > 4 => format!("{surname} said on {day} that {subject} {lede_verb}."),
            6 if i > 6 => format!("\"{quote}.\""),
            _ => rng
                .pick(&BACKGROUND)
                .replace("{S}", &capitalise(subject))
                .replace("{s}", subject)
                .replace("{y}", &year.to_string())
                .replace("{p}", &title_case(rng.pick(&PLACES)))
                .replace("{d}", rng.pick(&DAYS)),
        };
        paragraphs.push(paragraph);
    }
    paragraphs.push(format!(
        "(Reporting by {} {}; Editing by {} {})",
        rng.pick(&PEOPLE).0,
        rng.pick(&PEOPLE).1,
        rng.pick(&PEOPLE).0,
        rng.pick(&PEOPLE).1
    ));
    out.push_str(&paragraphs.join(sep));
    out.push('\n');
    if markdown {
        out.push('\n');
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn title_case(upper: &str) -> String {
    upper
        .split(' ')
        .map(|word| capitalise(&word.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" ")
}
