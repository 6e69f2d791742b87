//! The people finder's per-paragraph work, kept from one version of a
//! draft to the next (see `crate::document::reuse`).
//!
//! Tokenising and scanning read one sentence at a time (and the next one of
//! its paragraph), so what a paragraph yields is a function of its text,
//! except for one thing: the scan asks the document-wide facts whether a
//! capitalized sentence opener is seen capitalized elsewhere. So a
//! paragraph's scan keeps the questions it asked with the answers it got,
//! and is reused only while the facts still give those answers; the facts
//! themselves are counts of what each paragraph contributes, updated by the
//! paragraphs an edit removed and added. Clustering spans the whole draft
//! and is redone every time, on the same candidates a full parse finds.

use std::cell::RefCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::cluster::Clusterer;
use super::scan::{Candidate, Scanner};
use super::tokens::{DocFacts, Facts};
use super::{tokenize_house, HouseTitles, People};
use crate::document::Document;

/// What one body paragraph adds to the document-wide facts, each word once.
#[derive(Debug, Default)]
pub(crate) struct ParagraphFacts {
    mid_caps: Vec<Box<str>>,
    after_the: Vec<Box<str>>,
    lower: Vec<Box<str>>,
}

/// The facts of the body paragraph whose sentences (ranges into `prose`)
/// are `sentences`.
pub(crate) fn paragraph_facts(
    prose: &str,
    sentences: &[Range<usize>],
    house: &HouseTitles,
) -> ParagraphFacts {
    let mut facts = DocFacts::default();
    for s in sentences {
        facts.gather(&tokenize_house(prose, 0, s, house));
    }
    let boxed = |set: rustc_hash::FxHashSet<String>| -> Vec<Box<str>> {
        set.into_iter().map(String::into_boxed_str).collect()
    };
    ParagraphFacts {
        mid_caps: boxed(facts.mid_caps),
        after_the: boxed(facts.after_the),
        lower: boxed(facts.lower),
    }
}

/// The document-wide facts as counts of the paragraphs that show each one.
#[derive(Debug, Default)]
pub(crate) struct CountedFacts {
    mid_caps: FxHashMap<Box<str>, u32>,
    after_the: FxHashMap<Box<str>, u32>,
    lower: FxHashMap<Box<str>, u32>,
}

impl CountedFacts {
    pub(crate) fn add(&mut self, facts: &ParagraphFacts) {
        fn add(counts: &mut FxHashMap<Box<str>, u32>, words: &[Box<str>]) {
            for w in words {
                match counts.get_mut(w) {
                    Some(n) => *n += 1,
                    None => {
                        counts.insert(w.clone(), 1);
                    }
                }
            }
        }
        add(&mut self.mid_caps, &facts.mid_caps);
        add(&mut self.after_the, &facts.after_the);
        add(&mut self.lower, &facts.lower);
    }

    /// Take back what [`CountedFacts::add`] added for `facts`.
    pub(crate) fn remove(&mut self, facts: &ParagraphFacts) {
        fn remove(counts: &mut FxHashMap<Box<str>, u32>, words: &[Box<str>]) {
            for w in words {
                if let Some(n) = counts.get_mut(w) {
                    *n -= 1;
                    if *n == 0 {
                        counts.remove(w);
                    }
                }
            }
        }
        remove(&mut self.mid_caps, &facts.mid_caps);
        remove(&mut self.after_the, &facts.after_the);
        remove(&mut self.lower, &facts.lower);
    }
}

impl Facts for CountedFacts {
    fn mid_cap(&self, folded: &str) -> bool {
        self.mid_caps.contains_key(folded)
    }
    fn after_the(&self, folded: &str) -> bool {
        self.after_the.contains_key(folded)
    }
    fn lower(&self, folded: &str) -> bool {
        self.lower.contains_key(folded)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fact {
    MidCap,
    AfterThe,
    Lower,
}

impl Fact {
    fn ask(self, facts: &dyn Facts, folded: &str) -> bool {
        match self {
            Fact::MidCap => facts.mid_cap(folded),
            Fact::AfterThe => facts.after_the(folded),
            Fact::Lower => facts.lower(folded),
        }
    }
}

/// Facts that note every question asked of them, and the answer.
struct Recording<'f> {
    facts: &'f dyn Facts,
    asked: RefCell<Vec<(Fact, Box<str>, bool)>>,
}

impl Recording<'_> {
    fn ask(&self, fact: Fact, folded: &str) -> bool {
        let answer = fact.ask(self.facts, folded);
        self.asked.borrow_mut().push((fact, folded.into(), answer));
        answer
    }
}

impl Facts for Recording<'_> {
    fn mid_cap(&self, folded: &str) -> bool {
        self.ask(Fact::MidCap, folded)
    }
    fn after_the(&self, folded: &str) -> bool {
        self.ask(Fact::AfterThe, folded)
    }
    fn lower(&self, folded: &str) -> bool {
        self.ask(Fact::Lower, folded)
    }
}

/// The candidates of one body paragraph, with offsets relative to the
/// start of its body, and the facts they were found under.
#[derive(Debug)]
pub(crate) struct ParagraphScan {
    candidates: Vec<Candidate>,
    asked: Vec<(Fact, Box<str>, bool)>,
}

impl ParagraphScan {
    /// Whether scanning the paragraph under `facts` finds these candidates:
    /// the facts still answer every question the scan asked the same way.
    pub(crate) fn holds(&self, facts: &CountedFacts) -> bool {
        self.asked
            .iter()
            .all(|(fact, word, answer)| fact.ask(facts, word) == *answer)
    }
}

/// Scan paragraph `p` of `doc` (whose sentences are split) under `facts`.
pub(crate) fn scan_paragraph(
    doc: &Document<'_>,
    p: usize,
    house: &HouseTitles,
    facts: &CountedFacts,
) -> ParagraphScan {
    let paragraph = &doc.paragraphs[p];
    let sentences: Vec<_> = paragraph
        .sentences
        .iter()
        .map(|s| tokenize_house(&doc.prose, p, s, house))
        .collect();
    let recording = Recording {
        facts,
        asked: RefCell::new(Vec::new()),
    };
    let mut found = Vec::new();
    for (k, sentence) in sentences.iter().enumerate() {
        Scanner {
            text: doc.text,
            prose: &doc.prose,
            toks: &sentence.toks,
            next: sentences.get(k + 1),
            facts: &recording,
            paragraph: p,
            house,
        }
        .scan(&mut found);
    }
    let back = -offset(paragraph.body.start);
    ParagraphScan {
        candidates: found.into_iter().map(|c| c.moved(0, back)).collect(),
        asked: recording.asked.into_inner(),
    }
}

fn offset(at: usize) -> isize {
    isize::try_from(at).expect("a draft is shorter than isize::MAX bytes")
}

/// The people of `doc` from its body paragraphs' scans (`scans`, in text
/// order) under the document's `facts`.
pub(crate) fn extract_reusing<'s>(
    doc: &Document<'_>,
    scans: impl Iterator<Item = (usize, &'s ParagraphScan)> + Clone,
    facts: &CountedFacts,
) -> People {
    let mut candidates = Vec::with_capacity(scans.clone().map(|(_, s)| s.candidates.len()).sum());
    for (p, scan) in scans {
        let by = offset(doc.paragraphs[p].body.start);
        candidates.extend(scan.candidates.iter().map(|c| c.clone().moved(p, by)));
    }
    Clusterer::default().run(doc, candidates, facts)
}
