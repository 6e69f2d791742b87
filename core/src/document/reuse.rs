//! Parsing a new version of a draft with what the last versions' parses
//! found paragraph by paragraph: the language server's keystroke path.
//!
//! A keystroke changes one paragraph, yet a parse reads them all. Most of
//! the parse is a function of one paragraph's text: its sentences, its
//! quotation marks paired (with offsets relative to the paragraph and
//! chains numbered locally, `quotes::LocalQuotes`), the words the people
//! finder classifies and the facts they contribute, and the name
//! candidates its scan finds. Those are kept in a [`ParseCache`], keyed by
//! the paragraph's text (so a paragraph moved, or typed back, still hits),
//! and placed at the paragraph's new offset. What spans paragraphs is
//! redone every time from the per-paragraph results: the paragraph split
//! and prose mask, the chaining of multi-paragraph quotes, the
//! document-wide facts (kept as counts, updated by the paragraphs that came
//! and went), people clustering and attribution.
//!
//! Invariant: the [`Document`] is the one [`Document::parse_house`] makes
//! of the same text, field for field; the equivalence tests below and in
//! `crate::engine` edit drafts at random and compare after every edit.
//!
//! What a key holds. A paragraph's results read its text (line breaks
//! between names), its prose, and whether a period follows its body. In
//! plain text the prose is the text with line breaks as spaces, so the key
//! is the text; a Markdown paragraph whose prose differs (blanked syntax)
//! has its prose in the key too. Headings and credit lines are parsed for
//! sentences only, and are told apart by a tag. A body paragraph's quotes
//! are paired with the document's marks (decided over all the body
//! paragraphs first), so the marks are in the key; under single marks, so
//! is whether the next paragraph opens with a mark (it decides whether a
//! possessive-looking mark closes a quote left open).
//!
//! Memory: two generations, like the checks' caches: what the last parse
//! did not use is dropped by the next one.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::people::reuse::{self as people, CountedFacts, ParagraphFacts, ParagraphScan};
use super::people::HouseTitles;
use super::{attribution, blocks, quotes, sentences, DocKind, Document, House, Paragraph};
use crate::cache::{CacheStats, GenerationCache};

/// What a paragraph's text alone decides.
#[derive(Debug)]
struct ParagraphParse {
    /// Relative to the start of the body.
    sentences: Vec<Range<usize>>,
    /// Body paragraphs only.
    quotes: Option<quotes::LocalQuotes>,
    facts: ParagraphFacts,
}

#[derive(Debug, Clone)]
struct Unit {
    parse: Arc<ParagraphParse>,
    /// Body paragraphs, once scanned; valid while its facts hold.
    scan: Option<Arc<ParagraphScan>>,
}

/// The per-paragraph parse results of the last versions of one draft.
#[derive(Default)]
pub struct ParseCache {
    units: GenerationCache<Unit>,
    /// The house titles the units were made with (they mark title words).
    titles: Vec<String>,
    /// The document-wide facts of the last parse, counted over `counted`.
    facts: CountedFacts,
    counted: Vec<Arc<ParagraphParse>>,
    /// The key being looked up (kept to save an allocation per paragraph).
    key: String,
}

impl std::fmt::Debug for ParseCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("ParseCache").field(&self.stats()).finish()
    }
}

impl ParseCache {
    /// How the paragraph cache has been used.
    pub fn stats(&self) -> CacheStats {
        self.units.stats()
    }

    fn clear(&mut self) {
        self.units.clear();
        self.facts = CountedFacts::default();
        self.counted.clear();
    }
}

/// From this many bytes of paragraphs to compute (a draft being opened), the
/// work is spread over rayon's pool.
const PARALLEL_BYTES: usize = super::PARALLEL_PARSE_BYTES;

/// Write the key of paragraph `p` into `key`.
/// A body paragraph's quotes are paired with the document's marks, and under
/// single marks a quote left open may close at a possessive-looking mark
/// unless the next paragraph continues it (`next_continues`): both are in
/// the key, so a change of the inferred marks never reuses a pairing made
/// with the other ones.
fn key_of(
    key: &mut String,
    (text, prose, kind): (&str, &str, DocKind),
    p: &Paragraph,
    marks: quotes::Marks,
    next_continues: bool,
) {
    let body = p.body.clone();
    let original = &text[body.clone()];
    let masked = &prose[body.clone()];
    // Plain text: the prose is the text with line breaks blanked (the only
    // other blanking, a dateline's, is before the body).
    let plain = kind == DocKind::Plain
        || original
            .bytes()
            .zip(masked.bytes())
            .all(|(t, m)| m == if matches!(t, b'\n' | b'\r') { b' ' } else { t });
    key.clear();
    key.push(if p.is_body() { 'B' } else { 'N' });
    key.push(if prose[body.end..].starts_with('.') {
        '.'
    } else {
        '_'
    });
    key.push(if plain { 'P' } else { 'M' });
    key.push(match (marks, next_continues) {
        (quotes::Marks::Double, _) => 'D',
        (quotes::Marks::Single, false) => 'S',
        (quotes::Marks::Single, true) => 'C',
    });
    key.push_str(original);
    if !plain {
        key.push_str(masked);
    }
}

fn compute(
    prose: &str,
    p: &Paragraph,
    house: &HouseTitles,
    marks: quotes::Marks,
    next_continues: bool,
) -> ParagraphParse {
    let body = p.body.clone();
    let base = body.start;
    let local = p
        .is_body()
        .then(|| quotes::local(prose, body.clone(), marks));
    let placed: Vec<quotes::Quote> = local
        .as_ref()
        .map(|l| l.placed(base, next_continues))
        .unwrap_or_default();
    let absolute = sentences::split(prose, body, &placed);
    let facts = if p.is_body() {
        people::paragraph_facts(prose, &absolute, house)
    } else {
        ParagraphFacts::default()
    };
    ParagraphParse {
        sentences: absolute
            .iter()
            .map(|s| s.start - base..s.end - base)
            .collect(),
        quotes: local,
        facts,
    }
}

impl<'a> Document<'a> {
    /// [`Document::parse_house`], reusing what `cache` kept of the
    /// paragraphs the last parses met, and keeping this parse's for the next.
    pub fn parse_reusing(
        text: &'a str,
        kind: DocKind,
        house: &House<'_>,
        cache: &mut ParseCache,
    ) -> Document<'a> {
        if cache.titles.as_slice() != house.titles {
            cache.clear();
            cache.titles = house.titles.to_vec();
        }
        let titles = HouseTitles::new(house.titles);
        let normalised = crate::text::lone_cr_as_lf(text);
        let (prose, paragraphs) = blocks::split(
            normalised.as_deref().unwrap_or(text),
            kind,
            &house.datelines,
        );
        let marks = quotes::decide(&prose, &paragraphs, house.marks);
        // Whether each paragraph's next body paragraph opens with a mark.
        let mut next_continues = vec![false; paragraphs.len()];
        let mut next_opens = false;
        for (i, p) in paragraphs.iter().enumerate().rev() {
            next_continues[i] = next_opens;
            if p.is_body() {
                next_opens = quotes::opens_with_mark(&prose, p.body.clone(), marks);
            }
        }
        cache.units.start_run();
        let mut units: Vec<Option<Unit>> = Vec::with_capacity(paragraphs.len());
        let mut missing: Vec<(usize, String)> = Vec::new();
        for (i, p) in paragraphs.iter().enumerate() {
            key_of(
                &mut cache.key,
                (text, &prose, kind),
                p,
                marks,
                next_continues[i],
            );
            let unit = cache.units.get(&cache.key);
            if unit.is_none() {
                missing.push((i, cache.key.clone()));
            }
            units.push(unit);
        }
        let missing_bytes: usize = missing.iter().map(|(_, k)| k.len()).sum();
        let make = |(i, _): &(usize, String)| {
            compute(&prose, &paragraphs[*i], &titles, marks, next_continues[*i])
        };
        let made: Vec<ParagraphParse> = if missing_bytes >= PARALLEL_BYTES {
            missing.par_iter().map(make).collect()
        } else {
            missing.iter().map(make).collect()
        };
        for ((i, key), parse) in missing.iter().zip(made) {
            let unit = Unit {
                parse: Arc::new(parse),
                scan: None,
            };
            cache.units.insert(key, unit.clone());
            units[*i] = Some(unit);
        }
        let units: Vec<Unit> = units.into_iter().flatten().collect();

        let mut doc = Document {
            text,
            kind,
            prose,
            paragraphs,
            marks,
            quotes: Vec::new(),
            stray_marks: Vec::new(),
            attributions: Vec::new(),
            people: super::People::default(),
            blank_line_blocks: std::sync::OnceLock::new(),
        };
        for (p, unit) in doc.paragraphs.iter_mut().zip(&units) {
            let base = p.body.start;
            p.sentences = unit
                .parse
                .sentences
                .iter()
                .map(|s| s.start + base..s.end + base)
                .collect();
        }
        let body: Vec<usize> = (0..units.len())
            .filter(|&i| units[i].parse.quotes.is_some())
            .collect();
        quotes::assemble(
            &mut doc,
            marks,
            body.iter().map(|&i| {
                let local = units[i].parse.quotes.as_ref();
                (i, local.expect("body paragraphs have their quotes"))
            }),
        );

        count_facts(cache, body.iter().map(|&i| &units[i].parse));
        let stale: Vec<usize> = body
            .iter()
            .copied()
            .filter(|&i| {
                units[i]
                    .scan
                    .as_ref()
                    .is_none_or(|s| !s.holds(&cache.facts))
            })
            .collect();
        let stale_bytes: usize = stale.iter().map(|&i| doc.paragraphs[i].body.len()).sum();
        let scan = |&i: &usize| Arc::new(people::scan_paragraph(&doc, i, &titles, &cache.facts));
        let scanned: Vec<Arc<ParagraphScan>> = if stale_bytes >= PARALLEL_BYTES {
            stale.par_iter().map(scan).collect()
        } else {
            stale.iter().map(scan).collect()
        };
        let mut scans: Vec<Option<Arc<ParagraphScan>>> =
            units.iter().map(|u| u.scan.clone()).collect();
        for (&i, scan) in stale.iter().zip(scanned) {
            key_of(
                &mut cache.key,
                (text, &doc.prose, kind),
                &doc.paragraphs[i],
                marks,
                next_continues[i],
            );
            let unit = Unit {
                parse: units[i].parse.clone(),
                scan: Some(scan.clone()),
            };
            cache.units.insert(&cache.key, unit);
            scans[i] = Some(scan);
        }
        let body_scans = body.iter().map(|&i| {
            let scan = scans[i].as_deref();
            (i, scan.expect("every body paragraph was scanned"))
        });
        let facts = &cache.facts;
        let find_people = || people::extract_reusing(&doc, body_scans, facts);
        let attribute = || attribution::resolve(&doc, house.speech_verbs);
        let (people, attributions) = if text.len() >= PARALLEL_BYTES {
            rayon::join(find_people, attribute)
        } else {
            (find_people(), attribute())
        };
        doc.people = people;
        doc.attributions = attributions;
        doc
    }
}

/// Make `cache.facts` count the facts of `parses` (the body paragraphs of
/// this parse) instead of the last parse's: add the paragraphs that came,
/// take back those that went.
fn count_facts<'p>(cache: &mut ParseCache, parses: impl Iterator<Item = &'p Arc<ParagraphParse>>) {
    let now: Vec<Arc<ParagraphParse>> = parses.cloned().collect();
    // By identity: an unchanged paragraph is the same cached parse. Both
    // lists hold their parses alive, so no address is reused meanwhile.
    let mut change: FxHashMap<*const ParagraphParse, (i64, &Arc<ParagraphParse>)> =
        FxHashMap::default();
    for p in &now {
        change.entry(Arc::as_ptr(p)).or_insert((0, p)).0 += 1;
    }
    for p in &cache.counted {
        change.entry(Arc::as_ptr(p)).or_insert((0, p)).0 -= 1;
    }
    // Additions first, so no count goes below zero on the way.
    for (n, p) in change.values() {
        for _ in 0..*n {
            cache.facts.add(&p.facts);
        }
    }
    for (n, p) in change.values() {
        for _ in 0..-*n {
            cache.facts.remove(&p.facts);
        }
    }
    drop(change);
    cache.counted = now;
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const SEED: &str = include_str!("../../../seeds/blinken-rafah.txt");

    /// Parse `text` reusing `cache` and from scratch, and require the same
    /// document.
    #[track_caller]
    fn assert_same_parse(text: &str, kind: DocKind, house: &House<'_>, cache: &mut ParseCache) {
        let full = Document::parse_house(text, kind, house);
        let reused = Document::parse_reusing(text, kind, house, cache);
        assert_eq!(reused.prose, full.prose);
        assert_eq!(reused.marks, full.marks, "{text:?}");
        assert_eq!(reused.paragraphs, full.paragraphs, "{text:?}");
        assert_eq!(reused.quotes, full.quotes, "{text:?}");
        assert_eq!(reused.stray_marks, full.stray_marks, "{text:?}");
        assert_eq!(reused.attributions, full.attributions, "{text:?}");
        assert_eq!(reused.people, full.people, "{text:?}");
    }

    /// Pieces of wire copy that exercise what spans paragraphs: quotes left
    /// open and continued, colon lead-ins, names introduced in one
    /// paragraph and referred to in another, sentence openers whose
    /// capital depends on the rest of the draft, single-quoted passages
    /// that can turn the inferred marks to single and back.
    const PIECES: [&str; 19] = [
        "\"We will rebuild every school,\" Antony Blinken said.",
        "Blinken told reporters on Monday: ",
        "\"The talks go on. ",
        "\"And they will go on,\" he said.",
        "Speaking in Cairo, Netanyahu said the plan would hold.",
        "Hamas said it would answer soon.",
        "Joe Biden, the president, spoke on Friday. ",
        "Prime Minister Benjamin Netanyahu rejected it.",
        "“It is over,” a spokeswoman said. ",
        "Rafah was quiet. ",
        "Reporting by Humeyra Pamuk",
        "Walking home, Walking said nothing.",
        "The Pentagon said so. the Pentagon ",
        "Sen. Jane Doe of Ohio, 61, ruled it out. Doe left.",
        "\"PENCE: Well, no.\" ",
        "Minister Ines Marlow",
        "'We will stay,' the minister said. ",
        "'The talks go on. ",
        "the players' union said 'no' ",
    ];

    const TYPED: [&str; 14] = [
        "\"",
        "'",
        ",'",
        "“",
        "”",
        " ",
        "\n",
        "\n\n",
        ".",
        "A",
        "x",
        " Antony Blinken said",
        ", Doe",
        "é",
    ];

    fn draft(paragraphs: &[Vec<usize>], blank_lines: bool) -> String {
        let sep = if blank_lines { "\n\n" } else { "\n" };
        let mut text = String::from("Blinken warns Israel over Rafah");
        for p in paragraphs {
            text.push_str(sep);
            for &i in p {
                text.push_str(PIECES[i % PIECES.len()]);
            }
        }
        text.push('\n');
        text
    }

    #[derive(Debug, Clone)]
    enum Edit {
        Type(usize, usize),
        Delete(usize, usize),
        Replace(usize, usize, usize),
        /// Copy the paragraph around one position to another.
        Paste(usize, usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            3 => (any::<usize>(), 0..TYPED.len()).prop_map(|(at, t)| Edit::Type(at, t)),
            2 => (any::<usize>(), 1..12usize).prop_map(|(at, n)| Edit::Delete(at, n)),
            1 => (any::<usize>(), 1..6usize, 0..TYPED.len())
                .prop_map(|(at, n, t)| Edit::Replace(at, n, t)),
            1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Paste(a, b)),
        ]
    }

    fn boundary(text: &str, at: usize) -> usize {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn apply(text: &mut String, edit: &Edit) {
        match *edit {
            Edit::Type(at, t) => text.insert_str(boundary(text, at), TYPED[t]),
            Edit::Delete(at, n) | Edit::Replace(at, n, _) => {
                let start = boundary(text, at);
                let end = boundary(text, (start + n).min(text.len()));
                let with = match *edit {
                    Edit::Replace(_, _, t) => TYPED[t],
                    _ => "",
                };
                text.replace_range(start..end.max(start), with);
            }
            Edit::Paste(from, to) => {
                let from = boundary(text, from);
                let start = text[..from].rfind('\n').map_or(0, |i| i + 1);
                let end = text[from..].find('\n').map_or(text.len(), |i| from + i);
                let paragraph = format!("{}\n", &text[start..end]);
                let to = text[..boundary(text, to)].rfind('\n').map_or(0, |i| i + 1);
                text.insert_str(to, &paragraph);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn every_edit_parses_as_a_fresh_parse(
            paragraphs in prop::collection::vec(prop::collection::vec(0..PIECES.len(), 1..4), 1..9),
            blank_lines in any::<bool>(),
            markdown in any::<bool>(),
            edits in prop::collection::vec(edit(), 1..24),
        ) {
            let kind = if markdown { DocKind::Markdown } else { DocKind::Plain };
            let mut text = draft(&paragraphs, blank_lines);
            let house = House::default();
            let mut cache = ParseCache::default();
            assert_same_parse(&text, kind, &house, &mut cache);
            for e in &edits {
                apply(&mut text, e);
                assert_same_parse(&text, kind, &house, &mut cache);
            }
        }
    }

    #[test]
    fn random_edits_of_the_seed_parse_as_fresh_parses() {
        let titles = ["Taoiseach".to_owned()];
        let house = House {
            titles: &titles,
            ..House::default()
        };
        for (kind, house) in [
            (DocKind::Plain, House::default()),
            (DocKind::Markdown, house),
        ] {
            let mut text = SEED.to_owned();
            let mut cache = ParseCache::default();
            // A fixed pseudo-random sequence (a linear congruential
            // generator), so a failure is the same on every run.
            let mut state: u64 = 0x2545_f491_4f6c_dd1d;
            let mut next = || {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                usize::try_from(state >> 33).expect("31 bits fit")
            };
            for _ in 0..150 {
                let e = match next() % 7 {
                    0..=2 => Edit::Type(next(), next() % TYPED.len()),
                    3 | 4 => Edit::Delete(next(), 1 + next() % 12),
                    5 => Edit::Replace(next(), 1 + next() % 6, next() % TYPED.len()),
                    _ => Edit::Paste(next(), next()),
                };
                apply(&mut text, &e);
                assert_same_parse(&text, kind, &house, &mut cache);
            }
        }
    }

    #[test]
    fn a_change_of_inferred_marks_never_reuses_the_other_marks_pairing() {
        let house = House::default();
        let mut cache = ParseCache::default();
        let double = "Talks\n\n'Hello there' and \"a farce,\" he said.\n\nThe players' union said 'no' \n\n'The talks go on.\n";
        let doc = Document::parse_reusing(double, DocKind::Plain, &house, &mut cache);
        assert_eq!(doc.marks, quotes::Marks::Double);
        assert_same_parse(double, DocKind::Plain, &house, &mut cache);
        // A certain single close in place of the double quote: single
        // marks, with the unchanged paragraphs paired again.
        let single = double.replace("\"a farce,\"", "'a farce,'");
        let doc = Document::parse_reusing(&single, DocKind::Plain, &house, &mut cache);
        assert_eq!(doc.marks, quotes::Marks::Single);
        assert!(!doc.quotes.is_empty());
        assert_same_parse(&single, DocKind::Plain, &house, &mut cache);
        assert_same_parse(double, DocKind::Plain, &house, &mut cache);
        assert_same_parse(&single, DocKind::Plain, &house, &mut cache);
    }

    #[test]
    fn a_quote_closed_or_carried_by_the_next_paragraph_is_not_reused_across() {
        // `players'` closes the open quote unless the next paragraph opens
        // with a mark and so continues it: the same paragraph, two pairings.
        let house = House {
            marks: Some(quotes::Marks::Single),
            ..House::default()
        };
        let mut cache = ParseCache::default();
        let carried = "Talks\n\n'Ask the players' union. It said no. Then yes.\n\n'It is over.'\n";
        let closed = carried.replace("\n'It is over.'", "\nIt is over.");
        for text in [carried, &closed, carried, &closed] {
            assert_same_parse(text, DocKind::Plain, &house, &mut cache);
        }
    }

    #[test]
    fn typing_reuses_every_paragraph_but_the_one_typed_in() {
        let house = House::default();
        let mut cache = ParseCache::default();
        let mut text = SEED.to_owned();
        assert_same_parse(&text, DocKind::Plain, &house, &mut cache);
        let paragraphs = Document::parse(&text, DocKind::Plain).paragraphs.len();
        let at = text.find("some hard issues").expect("in the seed");
        for (k, c) in "The port would grow. ".char_indices() {
            let before = cache.stats();
            text.insert(at + k, c);
            assert_same_parse(&text, DocKind::Plain, &house, &mut cache);
            let after = cache.stats();
            // One paragraph parsed and scanned anew, the rest reused.
            assert!(after.misses - before.misses <= 2, "{before:?} → {after:?}");
            assert!(after.hits - before.hits >= paragraphs as u64 - 1);
        }
        // Two generations: the cache holds this version's paragraphs and
        // the last one's typed paragraph.
        assert!(
            cache.stats().entries <= paragraphs + 1,
            "{:?}",
            cache.stats()
        );
    }

    #[test]
    fn a_new_fact_elsewhere_rescans_the_paragraph_that_asked() {
        // `Walking` opens a sentence: a name's first word only if the draft
        // writes it capitalized mid-sentence somewhere.
        let house = House::default();
        let mut cache = ParseCache::default();
        let alone = "Walking Smith told reporters he was done.\nThe rest said so.\n";
        let elsewhere =
            "Walking Smith told reporters he was done.\nThe rest met Walking on Monday.\n";
        let names = |text: &str, cache: &mut ParseCache| {
            let doc = Document::parse_reusing(text, DocKind::Plain, &house, cache);
            let names: Vec<String> = doc
                .people
                .mentions
                .iter()
                .map(|m| text[m.range.clone()].to_owned())
                .collect();
            names
        };
        assert_eq!(names(alone, &mut cache), ["Smith"]);
        // The first paragraph is the same text, and its scan is not.
        assert_eq!(names(elsewhere, &mut cache), ["Walking Smith"]);
        assert_eq!(names(alone, &mut cache), ["Smith"]);
        assert_same_parse(elsewhere, DocKind::Plain, &house, &mut cache);
    }
}
