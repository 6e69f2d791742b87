//! Realistic errors made in memory on real articles, each with the finding
//! copydesk should give for it.
//!
//! One module per check. Each injector finds the places in an article where
//! its error can be made naturally (reading the article with the harness's
//! own text helpers and, for PolNeAR, the hand-made attribution spans),
//! makes at most `cap` injections at places drawn with the article's PRNG
//! stream, and records where the expected finding must land.

use std::ops::Range;
use std::sync::LazyLock;

use copydesk::{Check, Finding};
use regex::Regex;

use crate::brat::Annotations;
use crate::corpus::Article;
use crate::people::{self, Person};
use crate::rewrite::{overlaps, splice, Edited, Splice};
use crate::rng::SplitMix64;
use crate::text::{self, ParagraphQuotes};

mod name_first_reference;
mod name_spelling;
mod name_title;
mod quote_unattributed;
mod quote_unbalanced;
mod repeat_paragraph;
mod repeat_quote;

static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[a-z]+(?:\s[^>]*)?>").expect("valid regex"));

/// A short credit clause: `he said`, `Ann Lee added`, `said a spokeswoman`,
/// `the minister told reporters`.
const CREDIT_CLAUSE: &str = r"(?:(?:he|she|they|\p{Lu}[\w'’.-]+(?: \p{Lu}[\w'’.-]+){0,2}|(?:a|an|the) \p{Ll}+(?: \p{Ll}+)?) (?:said|says|added|adds|told \p{Ll}+(?: \p{Ll}+)?)|(?:said|says|added) (?:\p{Lu}[\w'’.-]+(?: \p{Lu}[\w'’.-]+){0,2}|(?:a|an|the) \p{Ll}+(?: \p{Ll}+)?))";

/// A credit clause alone between two quotes: `"…," he said. "…`.
pub static CREDIT_BETWEEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^ {CREDIT_CLAUSE}\. $")).expect("valid regex"));

/// A credit clause ending the paragraph after its last quote.
pub static CREDIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^,? {CREDIT_CLAUSE}[^\x22“”]{{0,40}}\.$")).expect("valid regex")
});

static ENTRY_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:_{3,}\.?|\d{1,2}:\d{2} [ap]\.m\.)$").expect("valid regex"));

/// An article read for injection.
pub struct Site<'a> {
    pub text: &'a str,
    /// `paragraphs[0]` is the headline: never injected into.
    pub paragraphs: Vec<Range<usize>>,
    pub quotes: Vec<ParagraphQuotes>,
    pub people: Vec<Person>,
    pub annotations: Option<&'a Annotations>,
    /// What separates paragraphs (`\n\n` or `\r\n\r\n`).
    pub separator: &'static str,
    /// Live-blog entry of each paragraph (see [`Site::entry`]).
    entries: Vec<usize>,
}

impl<'a> Site<'a> {
    pub fn new(article: &'a Article) -> Site<'a> {
        let text = article.text.as_str();
        let paragraphs = text::paragraphs(text);
        let quotes: Vec<_> = paragraphs
            .iter()
            .map(|p| text::quotes_in(text, p))
            .collect();
        let people = people::find(text, &paragraphs, &quotes);
        let entries = paragraphs
            .iter()
            .scan(0, |entry, p| {
                *entry += usize::from(ENTRY_BREAK.is_match(&text[p.clone()]));
                Some(*entry)
            })
            .collect();
        Site {
            entries,
            text,
            separator: if text.contains("\r\n") {
                "\r\n\r\n"
            } else {
                "\n\n"
            },
            paragraphs,
            quotes,
            people,
            annotations: article.annotations.as_ref(),
        }
    }

    pub fn para(&self, p: usize) -> &'a str {
        &self.text[self.paragraphs[p].clone()]
    }

    /// Body paragraph indexes.
    pub fn body(&self) -> Range<usize> {
        1.min(self.paragraphs.len())..self.paragraphs.len()
    }

    /// A new paragraph can go right after paragraph `p` without cutting a
    /// multi-paragraph quote or a colon introduction in two.
    pub fn can_insert_after(&self, p: usize) -> bool {
        p >= 1 && self.quotes[p].balanced && !self.para(p).ends_with(':')
    }

    /// The live-blog entry paragraph `p` belongs to: entries are separated
    /// by a `___` line or a time stamp (`4:45 p.m.`), and an entry repeats
    /// background from the others on purpose, so a repeat is only made
    /// within one entry. 0 for an ordinary story.
    pub fn entry(&self, p: usize) -> usize {
        self.entries[p]
    }

    /// Body paragraphs that are prose: not embedded markup (PolNeAR keeps
    /// some `<tweet …>` elements).
    pub fn prose_body(&self) -> impl Iterator<Item = usize> + '_ {
        self.body().filter(|&p| !MARKUP.is_match(self.para(p)))
    }

    /// Insert `content` as a new paragraph after paragraph `p`; returns the
    /// edit and where the content landed.
    pub fn insert_paragraph_after(&self, p: usize, content: &str) -> (Edited, Range<usize>) {
        let at = self.paragraphs[p].end;
        let (edited, landed) = splice(
            self.text,
            &[Splice::new(at..at, format!("{}{content}", self.separator))],
        );
        let start = landed[0].start + self.separator.len();
        (edited, start..landed[0].end)
    }
}

/// One injected error.
pub struct Injection {
    pub check: Check,
    /// How it was made (`after-quote`, `restated`, …), for per-variant figures.
    pub variant: &'static str,
    pub edited: Edited,
    /// Where the expected finding must land, in `edited.text`.
    pub target: Range<usize>,
    /// The part of the clean text that was changed, for showing a miss.
    pub changed: Range<usize>,
}

impl Injection {
    /// Whether `finding` is the one this injection expects: the right code,
    /// overlapping the injected place (for a repeated paragraph: starting in
    /// the pasted paragraph).
    pub fn is_hit(&self, finding: &Finding) -> bool {
        finding.check() == self.check
            && match self.check {
                Check::RepeatParagraph => self.target.contains(&finding.range.start),
                _ => overlaps(&finding.range, &self.target),
            }
    }
}

type Injector = fn(&Site<'_>, &mut SplitMix64, usize) -> Vec<Injection>;

/// Every injector, by the check it exercises.
/// A check's second injector draws from its own stream (same key, fresh
/// generator), so adding one leaves the first one's draws unchanged.
pub const INJECTORS: [(Check, Injector); 9] = [
    (Check::QuoteUnattributed, quote_unattributed::inject),
    (Check::QuoteUnattributed, quote_unattributed::inject_between),
    (Check::QuoteUnbalanced, quote_unbalanced::inject),
    (
        Check::QuoteUnbalanced,
        quote_unbalanced::inject_before_credit,
    ),
    (Check::NameSpelling, name_spelling::inject),
    (Check::NameTitle, name_title::inject),
    (Check::NameFirstReference, name_first_reference::inject),
    (Check::RepeatParagraph, repeat_paragraph::inject),
    (Check::RepeatQuote, repeat_quote::inject),
];

/// All injections for one article: at most `cap` per check, drawn from a
/// stream keyed by the article and the check.
pub fn inject_all(article: &Article, seed: u64, cap: usize) -> Vec<Injection> {
    let site = Site::new(article);
    let mut out = Vec::new();
    for (check, injector) in INJECTORS {
        let mut rng = SplitMix64::for_key(seed, &format!("{}#{}", article.id, check.code()));
        out.extend(injector(&site, &mut rng, cap));
    }
    out
}

/// Shuffle candidate places and build injections from them until `cap`
/// succeed (building may still reject a place).
pub fn take<T>(
    mut candidates: Vec<T>,
    rng: &mut SplitMix64,
    cap: usize,
    mut build: impl FnMut(T, &mut SplitMix64) -> Option<Injection>,
) -> Vec<Injection> {
    rng.shuffle(&mut candidates);
    let mut out = Vec::new();
    for c in candidates {
        if out.len() >= cap {
            break;
        }
        out.extend(build(c, rng));
    }
    out
}

/// The smallest range covering where `range` of the clean text went.
pub fn hull(edited: &Edited, range: &Range<usize>) -> Option<Range<usize>> {
    let pieces = edited.map(range);
    let start = pieces.iter().map(|r| r.start).min()?;
    let end = pieces.iter().map(|r| r.end).max()?;
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_blog_entries_split_at_rules_and_time_stamps() {
        let text = "Head\n\nOne.\n\n___.\n\n4:45 p.m.\n\nTwo.\n\n___\n\nThree.";
        let article = Article::for_test(text);
        let site = Site::new(&article);
        let entries: Vec<usize> = (0..site.paragraphs.len()).map(|p| site.entry(p)).collect();
        assert_eq!(entries, [0, 0, 1, 2, 2, 3, 3]);
    }
}
