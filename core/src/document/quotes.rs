//! Quotations: pairing quotation marks, paragraph by paragraph, with
//! wire-style multi-paragraph quotes (a paragraph that leaves its quote open
//! and a next paragraph that opens again continue one quote).
//!
//! Which marks quote is [`Marks`]: double (wire and US style, single marks
//! nested inside) or single (British book style, New Hart's Rules; double
//! marks nested inside). A house says which in `[quotes] marks`; unset, the draft
//! decides ([`infer`]): single only when it has a single-quoted passage that
//! closes after punctuation (`,'` `.'` `?'` `!'`, which apostrophes never do)
//! and every double mark it has sits inside a single-quoted passage.
//!
//! Straight double marks are classified by what flanks them, like
//! CommonMark's emphasis rules: `"` after a space and before a letter opens;
//! before a space or punctuation it closes; when both or neither hold, the
//! open/closed state decides. Curly marks say what they are, except that a
//! mark contradicting both its flanks and the state (a typed `”` opening a
//! quote) is read by its flanks. Under double marks, single marks never pair:
//! inside a double quote they are nested quotes, outside they are apostrophes
//! far more often than not.
//!
//! Under single marks the apostrophe is the hazard (`don't`, `'90s`, `rock
//! 'n' roll`, `the Joneses'`), so a mark must earn its role ([`single_role`]):
//! between letters it is always an apostrophe; a close after punctuation is
//! certain, a close after a letter (`'a farce' and`, but also `players'`) is
//! used only when no certain close comes first; an elision-shaped opening
//! (`'Tis`, `'05`) opens only when a certain close follows. Only certain
//! closes and plain openings are ever reported as stray.

use std::ops::Range;

use super::{Document, Paragraph, ParagraphKind};
use crate::lexicon;
use crate::text::{fold, words_in};

/// Which quotation marks quote (`[quotes] marks`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Marks {
    /// `"…"` and `“…”`, single marks nested inside (wire and US style).
    #[default]
    Double,
    /// `'…'` and `‘…’`, double marks nested inside (`'He called it "a
    /// farce",' she said.`).
    Single,
}

/// A quoted passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Index of the paragraph the passage is in.
    pub paragraph: usize,
    /// The opening mark.
    pub open: Range<usize>,
    /// The closing mark; `None` when the passage runs to the end of its
    /// paragraph (continued in the next one, or never closed).
    pub close: Option<Range<usize>>,
    /// The quoted text between the marks.
    pub inner: Range<usize>,
    /// Passages of one multi-paragraph quote share a chain id (the index of
    /// the chain's first passage).
    pub chain: usize,
    /// This passage continues a quote left open by the previous paragraph.
    pub continues: bool,
    /// The quote is left open here and continued in the next paragraph.
    pub continued: bool,
}

impl Quote {
    /// Marks and text together.
    pub fn range(&self) -> Range<usize> {
        self.open.start..self.close.as_ref().map_or(self.inner.end, |c| c.end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrayMarkKind {
    /// An opening mark never closed, and the next paragraph does not
    /// continue the quote.
    Unclosed,
    /// A closing mark with no opening.
    Unopened,
}

/// A quotation mark that does not pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrayMark {
    pub range: Range<usize>,
    pub kind: StrayMarkKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark whose flanks do not decide.
    Either,
}

/// Whether `c` is a double quotation mark we pair.
pub fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

/// What may stand before an opening mark of either style: a space, an
/// opening bracket or a dash (each style adds the other style's marks).
fn opens_after_any(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '/' | '…')
}

/// What may follow a closing mark of either style: a space, punctuation,
/// a closing bracket or a dash.
fn closes_before_any(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'
        )
}

fn opens_after(c: char) -> bool {
    opens_after_any(c) || matches!(c, '-' | '‘' | '\'')
}

fn closes_before(c: char) -> bool {
    closes_before_any(c) || matches!(c, '’' | '\'')
}

fn role(mark: char, prev: Option<char>, next: Option<char>, open: bool) -> Role {
    let can_open = next.is_some_and(|n| !n.is_whitespace()) && prev.is_none_or(opens_after);
    let can_close = prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(closes_before);
    let by_flanks = match (can_open, can_close) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    };
    match mark {
        '“' | '„' | '«' => {
            if open && by_flanks == Role::Close {
                Role::Close
            } else {
                Role::Open
            }
        }
        '”' | '‟' | '»' => {
            if !open && by_flanks == Role::Open {
                Role::Open
            } else {
                Role::Close
            }
        }
        _ => by_flanks,
    }
}

/// A double mark in a paragraph and the characters that flank it.
struct Mark {
    range: Range<usize>,
    c: char,
    prev: Option<char>,
    next: Option<char>,
}

/// The double marks of a paragraph's prose.
fn marks(prose: &str, range: Range<usize>) -> Vec<Mark> {
    let s = &prose[range.clone()];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !is_double_mark(c) {
            continue;
        }
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if c == '"' && is_inch_mark(&s[..i]) {
            continue;
        }
        let start = range.start + i;
        out.push(Mark {
            range: start..start + c.len_utf8(),
            c,
            prev,
            next,
        });
    }
    out
}

/// `6'3"`, `5' 10"`: a straight mark after feet and inches measures, it
/// does not quote.
fn is_inch_mark(before: &str) -> bool {
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return false;
    }
    let rest = before[..before.len() - digits].trim_end_matches(' ');
    rest.ends_with(['\'', '’', '′'])
        && rest[..rest.len() - rest.chars().last().map_or(0, char::len_utf8)]
            .ends_with(|c: char| c.is_ascii_digit())
}

/// Whether `before` ends a sentence (so a mark after it starts a new one).
fn ends_sentence(before: &str) -> bool {
    before
        .trim_end()
        .trim_end_matches(['\'', '’', ')', ']'])
        .ends_with(['.', '!', '?', '…', ':'])
}

/// `…keep rising, a ministry spokeswoman said. ` / `…, said Blinken.`: when
/// an open passage's last sentence ends in a credit clause (a speaker and a
/// speech verb after a comma), the closing mark before the credit was
/// dropped; a quoted speaker rarely credits someone else mid-quote. Returns
/// where the quote ends (the comma's end).
fn dropped_close_before_credit(prose: &str, passage: Range<usize>) -> Option<usize> {
    const MAX_CREDIT_WORDS: usize = 7;
    const MAX_WORDS_AFTER_VERB: usize = 3;
    const MAX_SPEAKER_WORDS: usize = 4;
    let text = prose[passage.clone()].trim_end();
    let body = text.strip_suffix(['.', '!', '?'])?;
    // The credit clause: after the last comma of the last sentence.
    // After the mark, which may be several bytes (`“`).
    // A period after an abbreviation (`Mr. Obama said.`) ends no sentence.
    let mut end = body.len();
    let sentence_start = loop {
        let Some(i) = body[..end].rfind(['.', '!', '?', '"', '“', '”']) else {
            break 0;
        };
        let word = body[..i]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if body[i..].starts_with('.') && lexicon::ABBREVIATIONS.contains(word) {
            end = i;
            continue;
        }
        break i + body[i..].chars().next().map_or(1, char::len_utf8);
    };
    let comma = body[sentence_start..].rfind(',')? + sentence_start;
    let words = words_in(prose, passage.start + comma + 1..passage.start + body.len());
    if !(2..=MAX_CREDIT_WORDS).contains(&words.len()) {
        return None;
    }
    let folded: Vec<String> = words.iter().map(|w| fold(w.text)).collect();
    let determiner = |f: &str| matches!(f, "a" | "an" | "the");
    // `said Blinken.`, `said a spokeswoman.`
    let inverted = lexicon::INVERTED_SPEECH_VERBS.contains(&folded[0])
        && (words[1].is_capitalized() || determiner(&folded[1]));
    // `he said.`, `Blinken told reporters.`, `a ministry spokeswoman said.`
    let speaker_then_verb = (1..words.len()).any(|i| {
        let speaker = match folded[0].as_str() {
            "he" | "she" => i == 1,
            "i" | "we" => false,
            f => (determiner(f) || words[0].is_capitalized()) && i <= MAX_SPEAKER_WORDS,
        };
        speaker
            && lexicon::SPEAKER_VERBS.contains(&folded[i])
            && words.len() - 1 - i <= MAX_WORDS_AFTER_VERB
    });
    (inverted || speaker_then_verb).then_some(passage.start + comma + 1)
}

/// Whether the paragraph's prose opens with a quotation mark that opens.
fn starts_with_open_mark(prose: &str, range: Range<usize>) -> bool {
    let s = prose[range].trim_start();
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if is_double_mark(c) => role(c, None, chars.next(), false) != Role::Close,
        _ => false,
    }
}

/// Pair the double quotation marks of every body paragraph.
/// An opening mark never closed: a stray mark, and the passage it opens up
/// to `end` (the next opening mark, or where a dropped closing mark was).
fn unclosed(
    paragraph: usize,
    open: Range<usize>,
    end: usize,
    chain: usize,
    continues: bool,
) -> (StrayMark, Quote) {
    let stray = StrayMark {
        range: open.clone(),
        kind: StrayMarkKind::Unclosed,
    };
    let quote = Quote {
        paragraph,
        inner: open.end..end,
        open,
        close: None,
        chain,
        continues,
        continued: false,
    };
    (stray, quote)
}

/// The passages and stray marks of one body paragraph, as its own text
/// decides them with one set of marks: offsets are relative to the
/// paragraph body's start, and a chain is the local index of its first
/// passage. What the neighbouring paragraphs decide (a chain carried in,
/// whether the quote left open at the end is continued) is applied by
/// [`assemble`], so a paragraph's result can be reused wherever its text is
/// met again with the same marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LocalQuotes {
    /// Passages with `paragraph` 0, chains as local indexes; chain 0 is the
    /// one a quote carried over from the previous paragraph joins.
    quotes: Vec<Quote>,
    strays: Vec<StrayMark>,
    /// The last passage runs to the end of the paragraph.
    open_at_end: bool,
    /// Single marks: a possessive-looking close (`players' union`) that ends
    /// the open last passage unless the next paragraph continues it.
    possessive_close: Option<Range<usize>>,
    /// The paragraph opens with an opening mark (so it can continue a
    /// quote the previous one left open).
    starts_with_open: bool,
    /// Single marks: passages opened by a plain opening mark and closed by a
    /// certain one (the evidence that single marks quote).
    certain: usize,
}

impl LocalQuotes {
    /// The passages placed at a paragraph whose body starts at `base` (as
    /// the sentence split reads them: their ranges only), with
    /// `next_continues` whether the next body paragraph opens with a mark.
    pub(crate) fn placed(&self, base: usize, next_continues: bool) -> Vec<Quote> {
        let mut quotes: Vec<Quote> = self
            .quotes
            .iter()
            .map(|q| place(q, 0, base, 0, None))
            .collect();
        if let Some(close) = self.closing_at_end(next_continues) {
            let last = quotes.last_mut().expect("an open quote was pushed");
            close_last(last, close.start + base..close.end + base);
        }
        quotes
    }

    /// The possessive-looking close that ends the open last passage, when
    /// the next paragraph does not continue it.
    fn closing_at_end(&self, next_continues: bool) -> Option<&Range<usize>> {
        (self.open_at_end && !next_continues)
            .then_some(self.possessive_close.as_ref())
            .flatten()
    }
}

/// End the open passage `quote` at `close`.
fn close_last(quote: &mut Quote, close: Range<usize>) {
    quote.inner = quote.open.end..close.start;
    quote.close = Some(close);
    quote.continued = false;
}

/// Whether the body paragraph `range` of `prose` opens with an opening mark
/// of `marks` (so it can continue a quote the previous one left open).
pub(crate) fn opens_with_mark(prose: &str, range: Range<usize>, marks: Marks) -> bool {
    match marks {
        Marks::Double => starts_with_open_mark(prose, range),
        Marks::Single => starts_with_single_open(prose, range),
    }
}

/// Pair the quotation marks `marks` of the body paragraph `range` of `prose`.
pub(crate) fn local(prose: &str, range: Range<usize>, marks: Marks) -> LocalQuotes {
    match marks {
        Marks::Double => local_double(prose, range),
        Marks::Single => local_single(prose, range),
    }
}

/// Pair the double quotation marks of the body paragraph `range` of `prose`.
fn local_double(prose: &str, range: Range<usize>) -> LocalQuotes {
    let base = range.start;
    let mut quotes: Vec<Quote> = Vec::new();
    let mut strays = Vec::new();
    let rel = |r: Range<usize>| r.start - base..r.end - base;
    let mut open: Option<(Range<usize>, usize, bool)> = None;
    // A quote of the other style nested in the open one (`"… “x” …"`),
    // by whether its marks are straight.
    let mut nested: Option<bool> = None;
    for Mark {
        range: mark,
        c,
        prev,
        next,
    } in marks(prose, range.clone())
    {
        let mut r = role(c, prev, next, open.is_some());
        if r == Role::Either {
            r = if open.is_some() {
                Role::Close
            } else {
                Role::Open
            };
        }
        let straight = c == '"';
        if let Some(style) = nested {
            if style == straight {
                nested = None;
                continue;
            }
        }
        if let (Role::Open, Some((o, _, _))) = (r, &open) {
            let open_straight = prose[o.clone()] == *"\"";
            if open_straight != straight && !ends_sentence(&prose[range.start..mark.start]) {
                nested = Some(straight);
                continue;
            }
        }
        match (r, open.take()) {
            // The first opening mark of a paragraph gets chain 0: the one
            // a chain carried over from the previous paragraph continues.
            (Role::Open, None) => open = Some((mark, quotes.len(), false)),
            (Role::Open, Some((prev_open, chain, continues)))
                if ends_sentence(&prose[range.start..mark.start]) =>
            {
                if let Some(comma) = dropped_close_before_credit(prose, prev_open.end..mark.start) {
                    // `"Prices will rise, a spokeswoman said. "We…` —
                    // the closing mark before the credit was dropped:
                    // the quote ends at the comma, and its credit is
                    // narration again.
                    let (stray, quote) =
                        unclosed(0, rel(prev_open), comma - base, chain, continues);
                    strays.push(stray);
                    quotes.push(quote);
                    open = Some((mark, quotes.len(), false));
                    continue;
                }
                // `…goes on. "And on` — a multi-paragraph quote whose
                // paragraphs were run together: the passage continues.
                quotes.push(Quote {
                    paragraph: 0,
                    inner: prev_open.end - base..prose[..mark.start].trim_end().len() - base,
                    open: rel(prev_open),
                    close: None,
                    chain,
                    continues,
                    continued: true,
                });
                open = Some((mark, chain, true));
            }
            (Role::Open, Some((prev_open, chain, continues))) => {
                // Two openings in a row: the first was never closed.
                let (stray, quote) =
                    unclosed(0, rel(prev_open), mark.start - base, chain, continues);
                strays.push(stray);
                quotes.push(quote);
                open = Some((mark, quotes.len(), false));
            }
            (_, Some((o, chain, continues))) => quotes.push(Quote {
                paragraph: 0,
                inner: o.end - base..mark.start - base,
                open: rel(o),
                close: Some(rel(mark)),
                chain,
                continues,
                continued: false,
            }),
            (_, None) => strays.push(StrayMark {
                range: rel(mark),
                kind: StrayMarkKind::Unopened,
            }),
        }
    }
    let open_at_end = open.is_some();
    if let Some((o, chain, continues)) = open {
        let end = prose[..range.end].trim_end().len();
        quotes.push(Quote {
            paragraph: 0,
            inner: o.end - base..end.max(o.end) - base,
            open: rel(o),
            close: None,
            chain,
            continues,
            continued: false,
        });
    }
    LocalQuotes {
        quotes,
        strays,
        open_at_end,
        possessive_close: None,
        starts_with_open: starts_with_open_mark(prose, range),
        certain: 0,
    }
}

/// The passages of `local` at paragraph `paragraph`, whose body starts at
/// `base`, the first of them numbered `first`.
fn place(
    local: &Quote,
    paragraph: usize,
    base: usize,
    first: usize,
    carried: Option<usize>,
) -> Quote {
    let shift = |r: &Range<usize>| r.start + base..r.end + base;
    // Chain 0 joins a quote carried over, and so continues it.
    let (chain, continues) = match carried {
        Some(chain) if local.chain == 0 => (chain, true),
        _ => (first + local.chain, local.continues),
    };
    Quote {
        paragraph,
        open: shift(&local.open),
        close: local.close.as_ref().map(shift),
        inner: shift(&local.inner),
        chain,
        continues,
        continued: local.continued,
    }
}

/// The marks the document quotes with: the house's `marks`, or when `None`
/// the draft's own ([`infer`]).
pub(crate) fn decide(prose: &str, paragraphs: &[Paragraph], marks: Option<Marks>) -> Marks {
    marks.unwrap_or_else(|| {
        let body: Vec<Range<usize>> = paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Body)
            .map(|p| p.body.clone())
            .collect();
        infer(prose, &body)
    })
}

/// Pair the quotation marks of every body paragraph, with `marks` or, when
/// `None`, the marks the draft itself uses.
pub(super) fn find(doc: &mut Document<'_>, marks: Option<Marks>) {
    let marks = decide(&doc.prose, &doc.paragraphs, marks);
    let locals: Vec<(usize, LocalQuotes)> = doc
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == ParagraphKind::Body)
        .map(|(i, p)| (i, local(&doc.prose, p.body.clone(), marks)))
        .collect();
    assemble(doc, marks, locals.iter().map(|(i, l)| (*i, l)));
}

/// Put the body paragraphs' own passages (`locals`, paired with `marks`, in
/// order) together: number them, carry multi-paragraph quotes from one
/// paragraph to the next, and report a quote left open that the next
/// paragraph does not continue.
pub(crate) fn assemble<'l>(
    doc: &mut Document<'_>,
    marks: Marks,
    locals: impl Iterator<Item = (usize, &'l LocalQuotes)> + Clone,
) {
    let mut quotes: Vec<Quote> =
        Vec::with_capacity(locals.clone().map(|(_, l)| l.quotes.len()).sum());
    let mut strays = Vec::new();
    // A chain carried over from the previous body paragraph.
    let mut carried: Option<usize> = None;
    let mut next_locals = locals.clone().skip(1);
    for (pi, local) in locals {
        let next = next_locals.next();
        let base = doc.paragraphs[pi].body.start;
        let first = quotes.len();
        let continuing = carried.take();
        quotes.extend(
            local
                .quotes
                .iter()
                .map(|q| place(q, pi, base, first, continuing)),
        );
        strays.extend(local.strays.iter().map(|s| StrayMark {
            range: s.range.start + base..s.range.end + base,
            kind: s.kind,
        }));
        if local.open_at_end {
            let next_continues = next.is_some_and(|(_, n)| n.starts_with_open);
            let last = quotes.last_mut().expect("an open quote was pushed");
            if let Some(close) = local.closing_at_end(next_continues) {
                close_last(last, close.start + base..close.end + base);
            } else if next_continues {
                last.continued = true;
                carried = Some(last.chain);
            } else {
                strays.push(StrayMark {
                    range: last.open.clone(),
                    kind: StrayMarkKind::Unclosed,
                });
            }
        }
    }
    for (i, p) in doc.paragraphs.iter_mut().enumerate() {
        let start = quotes.partition_point(|q| q.paragraph < i);
        let end = quotes.partition_point(|q| q.paragraph <= i);
        p.quotes = start..end;
    }
    strays.sort_by_key(|s| s.range.start);
    doc.marks = marks;
    doc.quotes = quotes;
    doc.stray_marks = strays;
}

/// The marks a draft quotes with: single when a single-quoted passage closes
/// for certain (after punctuation, which no apostrophe follows) and every
/// double mark is nested in a single-quoted passage; double otherwise, so a
/// draft without that evidence reads as wire copy always did. `body` are the
/// body paragraphs' ranges.
fn infer(prose: &str, body: &[Range<usize>]) -> Marks {
    // Archived copy writes double marks as two apostrophes (`''…,''`).
    let paired_apostrophes = body.iter().any(|r| prose[r.clone()].contains("''"));
    let might_be_single = !paired_apostrophes
        && body.iter().any(|r| {
            let s = &prose[r.clone()];
            s.match_indices(['\'', '’'])
                .any(|(i, _)| s[..i].ends_with(['.', ',', '!', '?']))
        });
    if !might_be_single {
        return Marks::Double;
    }
    let singles: Vec<LocalQuotes> = body
        .iter()
        .map(|r| local_single(prose, r.clone()))
        .collect();
    if singles.iter().map(|l| l.certain).sum::<usize>() == 0 {
        return Marks::Double;
    }
    let doubles_nested = body.iter().enumerate().all(|(k, r)| {
        let next_continues = singles.get(k + 1).is_some_and(|n| n.starts_with_open);
        let spans: Vec<Range<usize>> = singles[k]
            .placed(r.start, next_continues)
            .iter()
            .map(Quote::range)
            .collect();
        marks(prose, r.clone())
            .iter()
            .all(|m| spans.iter().any(|q| q.contains(&m.range.start)))
    });
    if doubles_nested {
        Marks::Single
    } else {
        Marks::Double
    }
}

/// How a single mark reads when single marks quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SingleRole {
    /// After a space or an opening bracket, before a word.
    Open,
    /// Shaped like an elision (`'Tis`, `'05`, a `’` where `‘` would open):
    /// opens only when a certain close follows.
    WeakOpen,
    /// After punctuation (`,'` `.'` `?'`): apostrophes never stand there.
    Close,
    /// After a word (`'a farce' and`): also a plural possessive
    /// (`players' union`), so used only when no certain close comes first.
    WeakClose,
    /// Between letters (`don't`, `Ma'an`), `rock 'n' roll`, `'90s`, or
    /// flanked so that it neither opens nor closes.
    Apostrophe,
}

/// Whether `c` is a single mark that may quote.
fn is_single_mark(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’')
}

/// Elided words that open with an apostrophe (`'tis`, `'em`, `'cos`).
const ELISIONS: [&str; 8] = ["em", "til", "tis", "twas", "cause", "cos", "bout", "n"];

/// The role of the single mark `c`, flanked by `prev` and `next`, with
/// `after` the text after it and `before` the text before it.
fn single_role(c: char, before: &str, after: &str) -> SingleRole {
    let prev = before.chars().next_back();
    let mut rest = after.chars();
    let next = rest.next();
    let wordy = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if wordy(prev) && wordy(next) {
        return SingleRole::Apostrophe;
    }
    let can_open = next.is_some_and(|n| !n.is_whitespace() && !is_single_mark(n))
        && prev.is_none_or(|p| opens_after_any(p) || matches!(p, '"' | '“'));
    let can_close = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| closes_before_any(n) || matches!(n, '"' | '”'));
    match (can_open, can_close) {
        (true, false) => {
            let word: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
            let digits = word.len() >= 2 && word[..2].bytes().all(|b| b.is_ascii_digit());
            // `'90s`: a decade; `rock 'n' roll`.
            if (digits && word.len() == 3 && word.ends_with('s'))
                || (word == "n" && after[1..].starts_with(is_single_mark))
            {
                return SingleRole::Apostrophe;
            }
            let elided = (digits && word.len() == 2)
                || ELISIONS.contains(&crate::text::fold(&word).as_str());
            if elided || c == '’' {
                SingleRole::WeakOpen
            } else {
                SingleRole::Open
            }
        }
        (false, true) if c != '‘' => {
            let certain = prev.is_some_and(|p| {
                matches!(p, '.' | ',' | '!' | '?' | ';' | ':' | '…' | '"' | '”' | '—')
            }) && !ends_with_dotted_abbreviation(before);
            if certain {
                SingleRole::Close
            } else {
                SingleRole::WeakClose
            }
        }
        _ => SingleRole::Apostrophe,
    }
}

/// `U.S.'` is a possessive, not the end of a quoted sentence.
fn ends_with_dotted_abbreviation(before: &str) -> bool {
    let Some(word) = before.strip_suffix('.') else {
        return false;
    };
    let mut chars = word.chars().rev();
    chars.next().is_some_and(char::is_uppercase) && chars.next() == Some('.')
}

/// The single marks of a paragraph's prose, with their roles (apostrophes
/// left out).
fn single_marks(prose: &str, range: Range<usize>) -> Vec<(Range<usize>, SingleRole)> {
    let s = &prose[range.clone()];
    s.char_indices()
        .filter(|&(_, c)| is_single_mark(c))
        .filter_map(|(i, c)| {
            let end = i + c.len_utf8();
            // `''`: an archive's double mark, not two single ones.
            if c == '\'' && (s[..i].ends_with('\'') || s[end..].starts_with('\'')) {
                return None;
            }
            let role = single_role(c, &s[..i], &s[end..]);
            (role != SingleRole::Apostrophe).then(|| (range.start + i..range.start + end, role))
        })
        .collect()
}

/// `players' union`: a close after a word and before a lowercase word reads
/// as a plural possessive, the last choice for a closing mark.
fn possessive_like(prose: &str, mark: &Range<usize>) -> bool {
    let after = &prose[mark.end..];
    prose[..mark.start].ends_with(['s', 'S'])
        && after.starts_with(' ')
        && after[1..].starts_with(char::is_lowercase)
}

/// Whether the paragraph `range` of `prose` opens with a single opening mark.
fn starts_with_single_open(prose: &str, range: Range<usize>) -> bool {
    let s = prose[range.clone()].trim_start();
    let at = range.start + (range.len() - s.len());
    single_marks(prose, at..range.end)
        .first()
        .is_some_and(|(m, role)| m.start == at && *role == SingleRole::Open)
}

/// Pair the single quotation marks of the body paragraph `range` of `prose`
/// (double marks are nested quotes, not paired). Chains work as with double
/// marks.
fn local_single(prose: &str, range: Range<usize>) -> LocalQuotes {
    let base = range.start;
    let rel = |r: Range<usize>| r.start - base..r.end - base;
    let mut quotes: Vec<Quote> = Vec::new();
    let mut strays = Vec::new();
    let mut certain = 0;
    // The open passage: its mark (relative), chain, whether it continues a
    // chain. The first opening mark gets chain 0, the one a chain carried
    // over from the previous paragraph continues.
    let mut open: Option<(Range<usize>, usize, bool)> = None;
    // An elision-shaped opening waiting for a certain close.
    let mut weak_open: Option<Range<usize>> = None;
    // Closes after a word since the open one: a plain one and a
    // possessive-looking one, the first of each (absolute).
    let mut weak_close: Option<Range<usize>> = None;
    let mut possessive_close: Option<Range<usize>> = None;
    let close_at = |quotes: &mut Vec<Quote>,
                    (o, chain, continues): (Range<usize>, usize, bool),
                    close: Range<usize>| {
        quotes.push(Quote {
            paragraph: 0,
            inner: o.end..close.start,
            open: o,
            close: Some(close),
            chain,
            continues,
            continued: false,
        });
    };
    for (mark, role) in single_marks(prose, range.clone()) {
        match role {
            SingleRole::Apostrophe => {}
            SingleRole::Open => {
                weak_open = None;
                let Some((prev_open, chain, continues)) = open.take() else {
                    open = Some((rel(mark), quotes.len(), false));
                    continue;
                };
                if let Some(close) = weak_close.take().or(possessive_close.take()) {
                    // `'a farce' and 'a joke'`: the close after a word was
                    // the close.
                    close_at(&mut quotes, (prev_open, chain, continues), rel(close));
                    open = Some((rel(mark), quotes.len(), false));
                } else if ends_sentence(&prose[range.start..mark.start]) {
                    if let Some(comma) =
                        dropped_close_before_credit(prose, prev_open.end + base..mark.start)
                    {
                        let (stray, quote) = unclosed(0, prev_open, comma - base, chain, continues);
                        strays.push(stray);
                        quotes.push(quote);
                        open = Some((rel(mark), quotes.len(), false));
                        continue;
                    }
                    // A multi-paragraph quote run together.
                    quotes.push(Quote {
                        paragraph: 0,
                        inner: prev_open.end..prose[..mark.start].trim_end().len() - base,
                        open: prev_open,
                        close: None,
                        chain,
                        continues,
                        continued: true,
                    });
                    open = Some((rel(mark), chain, true));
                } else {
                    let (stray, quote) =
                        unclosed(0, prev_open, mark.start - base, chain, continues);
                    strays.push(stray);
                    quotes.push(quote);
                    open = Some((rel(mark), quotes.len(), false));
                }
            }
            SingleRole::WeakOpen => {
                if open.is_none() && weak_open.is_none() {
                    weak_open = Some(mark);
                }
            }
            SingleRole::Close => {
                if let Some(o) = open.take() {
                    certain += 1;
                    close_at(&mut quotes, o, rel(mark));
                } else if let Some(o) = weak_open.take() {
                    let chain = quotes.len();
                    close_at(&mut quotes, (rel(o), chain, false), rel(mark));
                } else {
                    strays.push(StrayMark {
                        range: rel(mark),
                        kind: StrayMarkKind::Unopened,
                    });
                }
                weak_close = None;
                possessive_close = None;
            }
            SingleRole::WeakClose => {
                if open.is_some() {
                    let slot = if possessive_like(prose, &mark) {
                        &mut possessive_close
                    } else {
                        &mut weak_close
                    };
                    slot.get_or_insert(mark);
                }
            }
        }
    }
    let starts_with_open = starts_with_single_open(prose, range.clone());
    let done = |quotes, strays, open_at_end, possessive_close: Option<Range<usize>>| LocalQuotes {
        quotes,
        strays,
        open_at_end,
        possessive_close: possessive_close.map(rel),
        starts_with_open,
        certain,
    };
    let Some((o, chain, continues)) = open else {
        return done(quotes, strays, false, None);
    };
    if let Some(close) = weak_close {
        close_at(&mut quotes, (o, chain, continues), rel(close));
        return done(quotes, strays, false, None);
    }
    // Left open: [`assemble`] closes it at `possessive_close` unless the
    // next paragraph continues it.
    let end = prose[..range.end].trim_end().len() - base;
    quotes.push(Quote {
        paragraph: 0,
        inner: o.end..end.max(o.end),
        open: o,
        close: None,
        chain,
        continues,
        continued: false,
    });
    done(quotes, strays, true, possessive_close)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_credit_with_a_courtesy_title_still_ends_the_dropped_quote() {
        let prose = "\"We will keep going, Mr. Okafor said.";
        assert_eq!(
            dropped_close_before_credit(prose, 1..prose.len()),
            Some(prose.find(',').unwrap() + 1)
        );
        // A sentence that ends after an abbreviation-like word still ends.
        let prose = "\"We will keep going, in the end. Okafor left.";
        assert_eq!(dropped_close_before_credit(prose, 1..prose.len()), None);
    }

    #[test]
    fn a_curly_mark_before_the_credit_clause_is_stepped_over_whole() {
        // Found by the `fix` fuzz target: the clause began inside the `“`.
        let prose = "He said “We go, he said.";
        assert_eq!(
            dropped_close_before_credit(prose, 0..prose.len()),
            Some(prose.find(',').unwrap() + 1)
        );
    }

    use crate::document::{DocKind, Document};

    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let doc = Document::parse(text, DocKind::Plain);
        doc.quotes
            .iter()
            .map(|q| text[q.inner.clone()].to_string())
            .collect()
    }

    fn strays(text: &str) -> Vec<(String, StrayMarkKind)> {
        let doc = Document::parse(text, DocKind::Plain);
        doc.stray_marks
            .iter()
            .map(|s| (text[s.range.start..].chars().take(6).collect(), s.kind))
            .collect()
    }

    #[test]
    fn straight_and_curly_marks_pair() {
        assert_eq!(
            quoted(r#""We share it," he said. “It risks more,” he added."#),
            ["We share it,", "It risks more,"]
        );
    }

    #[test]
    fn apostrophes_and_nested_single_quotes_are_not_marks() {
        assert_eq!(
            quoted(r#"Israel's "rock 'n' roll" of the '90s, "he said 'no' to me," she said."#),
            ["rock 'n' roll", "he said 'no' to me,"]
        );
        assert!(strays("Don't say ‘never’ and it’s fine.").is_empty());
    }

    #[test]
    fn multi_paragraph_quote_without_closing_mark() {
        let text = "\"The first part goes on.\n\"The second part ends,\" she said.\nNext.";
        let doc = Document::parse(text, DocKind::Plain);
        assert_eq!(doc.quotes.len(), 2);
        assert!(doc.quotes[0].continued && doc.quotes[0].close.is_none());
        assert!(doc.quotes[1].continues);
        assert_eq!(doc.quotes[0].chain, doc.quotes[1].chain);
        assert!(doc.stray_marks.is_empty());
    }

    #[test]
    fn continued_quote_run_into_one_paragraph() {
        let text = "\"It rose,\" she said. \"Prices went up. \"Wages did not.\"\nNext.";
        let doc = Document::parse(text, DocKind::Plain);
        assert_eq!(doc.quotes.len(), 3);
        assert!(doc.stray_marks.is_empty());
        assert_eq!(doc.quotes[1].chain, doc.quotes[2].chain);
        assert!(doc.quotes[1].continued && doc.quotes[2].continues);
    }

    #[test]
    fn quotes_of_the_other_style_nest() {
        assert_eq!(
            quoted(r#""It was written “at this time of crisis,” the text says." Then more."#),
            [r#"It was written “at this time of crisis,” the text says."#]
        );
        assert!(strays(r#"“He said "no" to me,” she said."#).is_empty());
    }

    #[test]
    fn continued_quote_after_a_nested_quote_ending_a_sentence() {
        let text =
            "\"He ran at me saying 'what do you want?' \"To not apologise is wrong,\" he said.\n";
        assert!(strays(text).is_empty(), "{:?}", strays(text));
    }

    #[test]
    fn feet_and_inches_are_not_quotes() {
        assert!(
            strays("Trump is 6'3\" tall and he said so.\nThe suspect was 5' 10\" tall.\n")
                .is_empty()
        );
        assert_eq!(
            quoted("He is 6'3\" and \"very fit indeed,\" she said."),
            ["very fit indeed,"]
        );
    }

    #[test]
    fn lone_marks_are_stray() {
        assert_eq!(
            strays("He said \"it was over.\nThe end came."),
            [("\"it wa".to_string(), StrayMarkKind::Unclosed)]
        );
        assert_eq!(
            strays("He said it was over.” Then he left."),
            [("” Then".to_string(), StrayMarkKind::Unopened)]
        );
    }

    #[test]
    fn closing_mark_dropped_before_a_credit_is_stray() {
        let text = "\"Rates will stay high, a central bank official said. \"We see no relief.\"\n";
        assert_eq!(
            strays(text),
            [("\"Rates".to_string(), StrayMarkKind::Unclosed)]
        );
        // The quote ends at the comma: the credit is narration again.
        assert_eq!(quoted(text), ["Rates will stay high,", "We see no relief."]);
        for credit in ["said Ms Varga", "he told reporters", "Varga said on Monday"] {
            let text = format!("\"Rates will stay high, {credit}. \"We see no relief.\"\n");
            assert_eq!(strays(&text).len(), 1, "{text}");
        }
    }

    #[test]
    fn run_together_quote_paragraphs_without_a_credit_clause_still_continue() {
        for text in [
            "\"Rates will stay high, and we said so. \"We see no relief.\"\n",
            "\"Rates will stay high, I said. \"We see no relief,\" she said.\n",
            "\"Rates will stay high, which hurts savers who waited. \"We see no relief.\"\n",
        ] {
            assert!(strays(text).is_empty(), "{text}: {:?}", strays(text));
        }
    }

    #[test]
    fn inches_and_odd_spacing_do_not_break_pairing() {
        assert_eq!(quoted("He called it “ a mess ” on Friday."), [" a mess "]);
    }
}

#[cfg(test)]
mod single_tests {
    //! Single marks as the primary quotes (`[quotes] marks = "single"`, or
    //! inferred from the draft), and the apostrophes that must never pair.
    use super::*;
    use crate::document::{DocKind, Document, House};

    fn parse(text: &str, marks: Option<Marks>) -> Document<'_> {
        let house = House {
            marks,
            ..House::default()
        };
        Document::parse_house(text, DocKind::Plain, &house)
    }

    fn quoted(text: &str, marks: Option<Marks>) -> Vec<&str> {
        let doc = parse(text, marks);
        doc.quotes.iter().map(|q| &text[q.inner.clone()]).collect()
    }

    fn strays(text: &str, marks: Option<Marks>) -> Vec<(&str, StrayMarkKind)> {
        let doc = parse(text, marks);
        doc.stray_marks
            .iter()
            .map(|s| (&text[s.range.start..], s.kind))
            .collect()
    }

    const SINGLE: Option<Marks> = Some(Marks::Single);

    #[test]
    fn single_marks_pair_straight_and_curly() {
        let text = "'We will win,' she said. ‘It is our time,’ she added.\n";
        assert_eq!(quoted(text, SINGLE), ["We will win,", "It is our time,"]);
        assert_eq!(quoted(text, None), ["We will win,", "It is our time,"]);
        assert_eq!(parse(text, None).marks, Marks::Single);
        assert!(strays(text, None).is_empty());
    }

    #[test]
    fn apostrophes_never_pair_under_single_marks() {
        for text in [
            "They don't know and won't say.",
            "Music of the '90s and the ’80s filled the hall.",
            "He loved rock 'n' roll and rock ’n’ roll alike.",
            "They went to the Joneses' house and the Smiths’ farm.",
            "The match starts at five o'clock in Ma'an and at six o’clock in Ma’an.",
            "The players' union met the owners' group on Friday.",
            "It was the U.S.' first test and the Joneses'.",
            "The singer's fans, the fans' chants and 'em all.",
            "Workin' late, the guards’ shift ended in the rain.",
        ] {
            assert!(
                quoted(text, SINGLE).is_empty(),
                "{text}: {:?}",
                quoted(text, SINGLE)
            );
            assert!(
                strays(text, SINGLE).is_empty(),
                "{text}: {:?}",
                strays(text, SINGLE)
            );
            assert_eq!(parse(text, None).marks, Marks::Double, "{text}");
        }
    }

    #[test]
    fn apostrophes_inside_a_single_quote_stay_inside() {
        let text = "'We don't play rock 'n' roll at five o'clock like in the '90s,' \
                    the Joneses' lawyer said.\n";
        assert_eq!(
            quoted(text, None),
            ["We don't play rock 'n' roll at five o'clock like in the '90s,"]
        );
        assert!(strays(text, None).is_empty());
        let text = "'The players' union will fight this,' she said.\n";
        assert_eq!(
            quoted(text, SINGLE),
            ["The players' union will fight this,"]
        );
    }

    #[test]
    fn double_marks_nest_inside_single_quotes() {
        let text = "'He called it \"a farce\",' she said. ‘They said “no”,’ he added.\n";
        assert_eq!(parse(text, None).marks, Marks::Single);
        assert_eq!(
            quoted(text, None),
            ["He called it \"a farce\",", "They said “no”,"]
        );
        assert!(strays(text, None).is_empty());
    }

    #[test]
    fn a_close_after_a_word_closes_when_nothing_surer_follows() {
        let text = "He called it 'a farce' and left. 'We are done,' she said.\n";
        assert_eq!(quoted(text, SINGLE), ["a farce", "We are done,"]);
        let text = "Critics called the plan 'a mess' and 'a waste'.\n";
        assert_eq!(quoted(text, SINGLE), ["a mess", "a waste"]);
        assert!(strays(text, SINGLE).is_empty());
    }

    #[test]
    fn an_elided_word_opens_only_before_a_certain_close() {
        assert_eq!(
            quoted("'Tis the season to be careful,' he said.\n", SINGLE),
            ["Tis the season to be careful,"]
        );
        assert!(quoted("'Tis the season, and ’cos of that we rest.\n", SINGLE).is_empty());
        assert!(strays("'Tis the season, and ’cos of that we rest.\n", SINGLE).is_empty());
    }

    #[test]
    fn lone_single_marks_are_stray() {
        assert_eq!(
            strays("We will win,' she said.\n", SINGLE),
            [("' she said.\n", StrayMarkKind::Unopened)]
        );
        assert_eq!(
            strays(
                "She said 'we will win on Sunday.\nThe vote is next week.\n",
                SINGLE
            ),
            [(
                "'we will win on Sunday.\nThe vote is next week.\n",
                StrayMarkKind::Unclosed
            )]
        );
        // A close after a word with no opening is an apostrophe, not stray.
        assert!(strays("The Joneses' lawyer said.\n", SINGLE).is_empty());
    }

    #[test]
    fn single_quote_paragraphs_chain() {
        let text = "'The first part goes on.\n'The second part ends,' she said.\nNext.\n";
        let doc = parse(text, None);
        assert_eq!(doc.marks, Marks::Single);
        assert_eq!(doc.quotes.len(), 2);
        assert!(doc.quotes[0].continued && doc.quotes[1].continues);
        assert_eq!(doc.quotes[0].chain, doc.quotes[1].chain);
        assert!(doc.stray_marks.is_empty());
    }

    #[test]
    fn double_marks_decide_when_they_quote_outside_single_ones() {
        // Wire copy with a nested single quote that closes after a comma.
        let text = "\"He told me 'we will win,' and left,\" she said.\n";
        assert_eq!(parse(text, None).marks, Marks::Double);
        assert_eq!(quoted(text, None), ["He told me 'we will win,' and left,"]);
        // Single quotes, but a double-quoted passage of its own elsewhere.
        let text = "'We will win,' she said.\nHe called it \"a farce\" on Monday.\n";
        assert_eq!(parse(text, None).marks, Marks::Double);
        // A house that says single reads single marks all the same.
        assert_eq!(quoted(text, SINGLE), ["We will win,"]);
        // Archived copy writing double marks as two apostrophes.
        let text = "''We will win,'' she said. 'Pretty cool,' he said.\n";
        assert_eq!(parse(text, None).marks, Marks::Double);
        assert!(strays(text, SINGLE)
            .iter()
            .all(|(s, _)| !s.starts_with("''")));
        // Scare quotes alone, no certain close: read as ever.
        assert_eq!(
            parse("It was 'a farce' and 'a mess'.\n", None).marks,
            Marks::Double
        );
    }

    #[test]
    fn a_house_that_says_double_never_reads_single_marks() {
        let text = "'We will win,' she said.\n";
        assert!(quoted(text, Some(Marks::Double)).is_empty());
        assert!(strays(text, Some(Marks::Double)).is_empty());
    }
}
