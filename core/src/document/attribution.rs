//! Attribution: who said each quote, and how we know.
//!
//! A quote is credited (SPEC §2) when its own sentence has a speech cue
//! outside the quoted text (`said`, `told`, `according to`, `in a
//! statement` …); when another sentence of its paragraph has one; when a
//! colon introduces it after a lead-in that names someone (also from the end
//! of the previous paragraph); or when it belongs to a multi-paragraph quote
//! credited somewhere in the chain. A credit after the next quote, when the
//! two stand side by side (`"A." "B," she said.`), is only that quote's.
//!
//! Cues are looked for only outside quotation marks, so `"He said no,"`
//! alone credits nobody. The speaker is the phrase next to the cue (`he`,
//! `Blinken`, `a spokeswoman`); a pronoun is resolved to the person last
//! mentioned before it when the story names people.

use std::borrow::Cow;
use std::ops::Range;

use super::{Document, ParagraphKind, Quote};
use crate::lexicon;
use crate::text::{fold, fold_word, words_in, Word};

/// How a quote is credited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributionKind {
    /// Speaker and verb in the quote's own sentence (`…," he said.`).
    Sentence,
    /// Another sentence of the same paragraph credits it.
    Paragraph,
    /// Introduced by a colon after a speaker and verb (`He told reporters: "…"`).
    Colon,
    /// Part of a multi-paragraph quote credited elsewhere in the chain.
    Chain,
    /// The paragraph before ends by handing the floor to a speaker
    /// (`Howard continued his remarks.`) and this one opens with the quote.
    LeadIn,
}

/// Where a quote's credit is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub kind: AttributionKind,
    /// The speech verb or phrase (`said`, `according to`).
    pub cue: Range<usize>,
    /// The speaker as written (`he`, `Blinken`, `a spokeswoman`), when found.
    pub speaker: Option<Range<usize>>,
}

fn is_speech_verb(folded: &str) -> bool {
    lexicon::SPEECH_VERBS.contains(folded)
}

fn is_opinion_verb(folded: &str) -> bool {
    lexicon::OPINION_VERBS.contains(folded)
}

/// Whether `text` is inside one of `quotes`' quoted text or marks.
fn inside(quotes: &[Quote], offset: usize) -> bool {
    // Quotes are in text order and do not overlap.
    let i = quotes.partition_point(|q| q.open.start <= offset);
    i > 0 && quotes[i - 1].range().contains(&offset)
}

/// A speech cue in `range` outside `quotes`: the cue's range and the index
/// of its word among the words outside quotes.
fn find_cue<'t>(
    prose: &'t str,
    range: Range<usize>,
    quotes: &[Quote],
    opinion: bool,
    extra_verbs: &[String],
) -> Option<(Range<usize>, Vec<Word<'t>>, usize, usize)> {
    let words: Vec<Word<'t>> = words_in(prose, range)
        .into_iter()
        .filter(|w| !inside(quotes, w.start))
        .collect();
    let folded: Vec<Cow<'_, str>> = words.iter().map(|w| fold_word(w.text)).collect();
    for (i, f) in folded.iter().enumerate() {
        let f = f.as_ref();
        let next = folded.get(i + 1).map(Cow::as_ref);
        let after = folded.get(i + 2).map(Cow::as_ref);
        let cue_end = match (f, next, after) {
            ("according", Some("to"), _) => Some(i + 1),
            // `per the party's bylaws`, `per Reuters` (not `per cent`,
            // `per share`)
            ("per", Some("the" | "a" | "an" | "his" | "her" | "their" | "its"), _) => Some(i),
            ("per", Some(_), _) if words[i + 1].is_capitalized() => Some(i),
            (
                "in" | "on" | "during",
                Some("a" | "an" | "the" | "his" | "her" | "their" | "its"),
                Some(n),
            ) if lexicon::SPEECH_VENUES.contains(n) => Some(i + 2),
            // `in Bolton's view`, `in her words`
            ("in", Some(_), Some("view" | "words" | "opinion" | "estimation")) => Some(i + 2),
            // `as Vulture put it`
            ("put" | "puts", Some("it"), _) => Some(i + 1),
            // `Bennett shot back`
            ("shot" | "fired", Some("back"), _) => Some(i + 1),
            // `Trump went on`
            ("went" | "goes" | "go", Some("on"), _) => Some(i + 1),
            _ if is_speech_verb(f)
                || extra_verbs.iter().any(|v| v == f)
                || (opinion && is_opinion_verb(f)) =>
            {
                Some(i)
            }
            _ => None,
        };
        if let Some(end) = cue_end {
            return Some((words[i].start..words[end].end(), words, i, end));
        }
    }
    None
}

/// The speaker next to the cue at word `at`: the words before it back to a
/// clause boundary (at most five), else a name or noun phrase right after.
fn speaker(prose: &str, words: &[Word<'_>], at: usize, cue_end: usize) -> Option<Range<usize>> {
    const MAX_SPEAKER_WORDS: usize = 5;
    let boundary = |a: usize, b: usize| {
        prose[a..b]
            .chars()
            .any(|c| matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '—' | '–'))
    };
    let mut first = at;
    while first > 0
        && at - (first - 1) <= MAX_SPEAKER_WORDS
        && !boundary(words[first - 1].end(), words[first].start)
    {
        first -= 1;
        let w = fold(words[first].text);
        if lexicon::SPEAKER_PRONOUNS.contains(&w) || words[first].is_capitalized() {
            // A pronoun or name is the subject; keep a run of capitals.
            while first > 0
                && words[first - 1].is_capitalized()
                && !boundary(words[first - 1].end(), words[first].start)
            {
                first -= 1;
            }
            return Some(words[first].start..words[at - 1].end());
        }
    }
    if first < at {
        return Some(words[first].start..words[at - 1].end());
    }
    // `…," said Blinken.` / `…," according to a spokeswoman.`
    let next = words.get(cue_end + 1)?;
    if boundary(words[cue_end].end(), next.start) {
        return None;
    }
    let mut last = cue_end + 1;
    if !next.is_capitalized() {
        let f = fold(next.text);
        if !matches!(f.as_str(), "a" | "an" | "the" | "his" | "her" | "their") {
            return None;
        }
        last += 1;
    }
    // A name or title runs on through capitals and `of`/`for` between them
    // (`Secretary of State Antony Blinken`).
    while last + 1 < words.len() && !boundary(words[last].end(), words[last + 1].start) {
        let w = &words[last + 1];
        let joins = matches!(w.text, "of" | "for" | "de" | "al")
            && words.get(last + 2).is_some_and(Word::is_capitalized);
        if !(w.is_capitalized() || joins) {
            break;
        }
        last += 1;
    }
    let last = last.min(words.len() - 1);
    Some(next.start..words[last].end())
}

/// At most the last few words' worth of `start..end`, so looking back from
/// each quote stays linear on a paragraph with thousands of quotes.
fn window_before(prose: &str, start: usize, end: usize) -> Range<usize> {
    const WINDOW_BYTES: usize = 80;
    let mut from = end.saturating_sub(WINDOW_BYTES).max(start);
    while !prose.is_char_boundary(from) {
        from += 1;
    }
    from..end
}

/// Whether the words right before `quote` make it a quoted term
/// (`the phrase "…"`, `a sign reading "…"`).
pub(crate) fn introduced_as_term(prose: &str, para_start: usize, quote: &Quote) -> bool {
    let before = words_in(prose, window_before(prose, para_start, quote.open.start));
    before
        .iter()
        .rev()
        .take(2)
        .any(|w| lexicon::TERM_NOUNS.contains(&fold(w.text)))
}

/// `extra_verbs`: the house's own speech verbs (lowercase), from
/// [`crate::Config::speech_verbs`].
pub(super) fn resolve(doc: &Document<'_>, extra_verbs: &[String]) -> Vec<Option<Attribution>> {
    let mut out: Vec<Option<Attribution>> = vec![None; doc.quotes.len()];
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let range = p.quotes.clone();
        if range.is_empty() {
            continue;
        }
        let quotes = &doc.quotes[range.clone()];
        // Cue per sentence, outside quotes.
        let cue_in = |s: &Range<usize>, opinion: bool| {
            find_cue(&doc.prose, s.clone(), quotes, opinion, extra_verbs)
                .map(|(cue, words, at, end)| (cue, speaker(&doc.prose, &words, at, end)))
        };
        let cues: Vec<_> = p.sentences.iter().map(|s| cue_in(s, false)).collect();
        let paragraph_cue = cues.iter().flatten().next().cloned();
        for (qi, q) in range.clone().zip(quotes) {
            let sentence = doc.sentence_at(pi, q.open.start);
            let own = sentence
                .and_then(|s| cues[s].clone())
                .or_else(|| {
                    let s = &p.sentences[sentence?];
                    is_partial(&doc.prose, s, q)
                        .then(|| cue_in(s, true))
                        .flatten()
                })
                .or_else(|| dash_credit(doc, pi, q))
                .or_else(|| document_intro(&doc.prose, p.body.start, q))
                .or_else(|| speaker_label(&doc.prose, q))
                .or_else(|| credit_line_inside(doc.text, q));
            // `"A." "B," she said.`: a credit after the next quote, with
            // nothing between the two, is that quote's; a writer joins one
            // speaker's words into one quote, so the first lost its credit.
            let next_open = adjacent_next_quote(&doc.prose, quotes, qi - range.start);
            let credits_q = |c: &(Range<usize>, Option<Range<usize>>)| {
                next_open.is_none_or(|at| c.0.start < at)
            };
            let own = own.filter(credits_q);
            let paragraph_cue = paragraph_cue.clone().filter(credits_q);
            out[qi] = if let Some((cue, speaker)) = own {
                Some(Attribution {
                    kind: AttributionKind::Sentence,
                    cue,
                    speaker,
                })
            } else if let Some((cue, speaker)) = paragraph_cue {
                Some(Attribution {
                    kind: AttributionKind::Paragraph,
                    cue,
                    speaker,
                })
            } else if let Some(cue) = colon_introduction(doc, pi, q, extra_verbs) {
                Some(Attribution {
                    kind: AttributionKind::Colon,
                    cue,
                    speaker: None,
                })
            } else {
                lead_in(doc, pi, q, extra_verbs).map(|(cue, speaker)| Attribution {
                    kind: AttributionKind::LeadIn,
                    cue,
                    speaker: Some(speaker),
                })
            };
        }
    }
    credit_chains(doc, &mut out);
    out
}

/// Where the quote after `quotes[i]` opens, when only white space separates
/// the two and the first is closed.
fn adjacent_next_quote(prose: &str, quotes: &[Quote], i: usize) -> Option<usize> {
    let close = quotes[i].close.as_ref()?;
    let next = quotes.get(i + 1)?;
    prose[close.end..next.open.start]
        .trim()
        .is_empty()
        .then_some(next.open.start)
}

/// A partial quote: woven into its sentence after some words, starting in
/// lowercase (`… said the bill was "very much a work in progress"`).
fn is_partial(prose: &str, sentence: &Range<usize>, q: &Quote) -> bool {
    let lead_words = words_in(prose, window_before(prose, sentence.start, q.open.start)).len();
    let first = prose[q.inner.clone()].chars().find(|c| c.is_alphabetic());
    lead_words >= 2 && first.is_some_and(char::is_lowercase)
}

/// `“…” ― Jane Doe`: a dash and a name right after the quote, in its
/// paragraph or opening the next one (`- Bernie Sanders.` on its own line).
fn dash_credit(
    doc: &Document<'_>,
    pi: usize,
    q: &Quote,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let prose = doc.prose.as_str();
    let close = q.close.as_ref()?;
    let mut start = close.end;
    let mut paragraph_end = doc.paragraphs[pi].body.end;
    if prose[start..paragraph_end].trim().is_empty() {
        let next = doc.paragraphs[pi + 1..]
            .iter()
            .find(|p| p.kind != ParagraphKind::Heading)?;
        start = next.body.start;
        paragraph_end = next.body.end;
    }
    let after = &prose[start..paragraph_end];
    let trimmed = after.trim_start();
    let dash = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '―' | '—' | '–' | '-'))?;
    let at = start + (after.len() - trimmed.len());
    let name = words_in(prose, at + dash.len_utf8()..paragraph_end);
    let first = name.first().filter(|w| w.is_capitalized())?;
    let last = name
        .iter()
        .take_while(|w| w.is_capitalized())
        .last()
        .unwrap_or(first);
    Some((at..at + dash.len_utf8(), Some(first.start..last.end())))
}

/// `Trump issued a statement, "…"`: a statement, tweet or letter named
/// right before the quote is its source.
fn document_intro(
    prose: &str,
    para_start: usize,
    q: &Quote,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    const MAX_WORDS_BEFORE: usize = 3;
    let before = words_in(prose, window_before(prose, para_start, q.open.start));
    let at = before
        .iter()
        .rev()
        .take(MAX_WORDS_BEFORE)
        .position(|w| lexicon::SPEECH_VENUES.contains(&fold(w.text)))?;
    // `the message was blunt: "…"` describes words nobody is named for.
    let venue = &before[before.len() - 1 - at];
    let described = before[before.len() - at..]
        .first()
        .is_some_and(|w| matches!(fold(w.text).as_str(), "is" | "was" | "were" | "are"));
    (!described).then(|| (venue.range(), None))
}

/// A transcript label inside the quote: `"PENCE: Well, …"`.
fn speaker_label(prose: &str, q: &Quote) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let inner = &prose[q.inner.clone()];
    let lead = inner.len() - inner.trim_start().len();
    let label_len = inner.trim_start().find(':')?;
    let label = &inner[lead..lead + label_len];
    let is_label = label.len() >= 2
        && label.split_whitespace().count() <= 3
        && label
            .chars()
            .all(|c| c.is_uppercase() || c.is_whitespace() || c == '.');
    is_label.then(|| {
        let at = q.inner.start + lead;
        (at + label_len..at + label_len + 1, Some(at..at + label_len))
    })
}

/// A pull quote whose last line, inside the marks, names who said it
/// (`"… we need stimulus.⏎Jane Doe, Center for Policy."`): a short line
/// opening with a capital after a line that ends a sentence.
fn credit_line_inside(text: &str, q: &Quote) -> Option<(Range<usize>, Option<Range<usize>>)> {
    const MAX_CREDIT_WORDS: usize = 10;
    let inner = &text[q.inner.clone()];
    let body = inner.trim_end();
    let line_break = body.rfind(['\n', '\r'])?;
    if !body[..line_break]
        .trim_end()
        .ends_with(['.', '!', '?', '"', '“', '”'])
    {
        return None;
    }
    let start = q.inner.start + line_break + 1;
    let words = words_in(text, start..q.inner.start + body.len());
    let first = words.first().filter(|w| w.is_capitalized())?;
    let last = words.last()?;
    let is_credit = words.len() <= MAX_CREDIT_WORDS
        && !body[line_break..].contains(['!', '?'])
        && !words
            .iter()
            .any(|w| is_speech_verb(&fold(w.text)) && !w.is_capitalized());
    is_credit.then(|| (first.start..last.end(), Some(first.start..last.end())))
}

/// A colon right before the quote, or ending the previous body paragraph,
/// after a lead-in that names a speaker (`Blinken told reporters:`, `Her
/// answer:`). A colon after narration (`It came down to discipline: "…"`)
/// credits nobody.
fn colon_introduction(
    doc: &Document<'_>,
    pi: usize,
    q: &Quote,
    extra_verbs: &[String],
) -> Option<Range<usize>> {
    let p = &doc.paragraphs[pi];
    let before = doc.prose[p.body.start..q.open.start].trim_end();
    if let Some(stripped) = before.strip_suffix(':') {
        let at = p.body.start + stripped.len();
        if stripped.trim().is_empty() {
            // `: "…"` opening a paragraph: an interview answer whose
            // question label was stripped.
            return Some(at..at + 1);
        }
        let lead = doc
            .sentence_at(pi, at)
            .map_or(p.body.start, |s| p.sentences[s].start);
        let quotes = &doc.quotes[p.quotes.clone()];
        return names_speaker(&doc.prose, lead..at, quotes, extra_verbs).then(|| at..at + 1);
    }
    // Only a quote that opens its paragraph can be introduced by the last one.
    if !before.is_empty() || q.continues {
        return None;
    }
    let prev = doc.paragraphs[..pi].iter().rev().find(|p| p.is_body())?;
    let prev_text = doc.prose[prev.body.clone()].trim_end();
    let at = prev.body.start + prev_text.strip_suffix(':')?.len();
    let lead = prev
        .sentences
        .iter()
        .rfind(|s| s.start <= at)
        .map_or(prev.body.start, |s| s.start);
    let quotes = &doc.quotes[prev.quotes.clone()];
    names_speaker(&doc.prose, lead..at, quotes, extra_verbs).then(|| at..at + 1)
}

/// `Howard continued his scathing remarks.` / `Trump went on.` ending the
/// body paragraph before a paragraph that opens with a quote: narration that
/// hands the floor to a named speaker introduces the quote as a colon would.
/// Only a sentence that is the speaker and the cue alone counts (with a
/// short object): `Okafor said the plan would fail.` and `The plan will
/// fail, Okafor said.` report what was said (the quote after needs its own
/// credit), and `The talks continued.` names nobody.
fn lead_in(
    doc: &Document<'_>,
    pi: usize,
    q: &Quote,
    extra_verbs: &[String],
) -> Option<(Range<usize>, Range<usize>)> {
    // `continued his remarks`, `added on Monday`, `told reporters`.
    const MAX_WORDS_AFTER_CUE: usize = 4;
    let p = &doc.paragraphs[pi];
    if q.continues || !doc.prose[p.body.start..q.open.start].trim().is_empty() {
        return None;
    }
    let prev = doc.paragraphs[..pi].iter().rev().find(|p| p.is_body())?;
    if !prev.quotes.is_empty() {
        return None;
    }
    let last = prev.sentences.last()?;
    if !doc.prose[last.clone()].trim_end().ends_with('.') {
        return None;
    }
    let (cue, words, at, end) = find_cue(&doc.prose, last.clone(), &[], false, extra_verbs)?;
    let after = &words[end + 1..];
    let reports = after.len() > MAX_WORDS_AFTER_CUE
        || after.iter().any(|w| {
            matches!(
                fold(w.text).as_str(),
                "that" | "to" | "if" | "whether" | "how" | "why" | "what" | "when" | "it"
            )
        });
    if reports || at == 0 {
        return None;
    }
    let who = speaker(&doc.prose, &words, at, end)?;
    // The sentence is only the speaker and the cue: `…, Jones said.`
    // reports a clause before the speaker.
    if !doc.prose[last.start..who.start].trim().is_empty() {
        return None;
    }
    // The speaker must be someone: a pronoun, a name or a role, not `The
    // talks`.
    let named = words_in(&doc.prose, who.clone()).iter().any(|w| {
        let f = fold(w.text);
        lexicon::SPEAKER_PRONOUNS.contains(&f)
            || lexicon::ROLE_NOUNS.contains(&f)
            || (w.is_capitalized() && !lexicon::COMMON_OPENERS.contains(&f))
    });
    (named && who.end <= cue.start).then_some((cue, who))
}

/// Whether a colon lead-in names who speaks: a speech cue, a pronoun, a
/// role or group of people (`the coach`, `many people`), or a capitalised
/// word other than a common sentence opener (`Smith on the deal:`, `His
/// verdict:`).
fn names_speaker(
    prose: &str,
    lead: Range<usize>,
    quotes: &[Quote],
    extra_verbs: &[String],
) -> bool {
    if find_cue(prose, lead.clone(), quotes, true, extra_verbs).is_some() {
        return true;
    }
    words_in(prose, lead)
        .iter()
        .filter(|w| !inside(quotes, w.start))
        .any(|w| {
            let f = fold(w.text);
            matches!(
                f.as_str(),
                "he" | "she" | "they" | "his" | "her" | "their" | "i" | "we" | "my" | "our"
            ) || lexicon::ROLE_NOUNS.contains(&f)
                || lexicon::ROLE_NOUNS.contains(f.strip_suffix('s').unwrap_or(&f))
                || matches!(
                    f.as_str(),
                    "people"
                        | "residents"
                        | "voters"
                        | "critics"
                        | "supporters"
                        | "protesters"
                        | "fans"
                        | "workers"
                        | "crowd"
                        | "crowds"
                )
                || (w.is_capitalized() && !lexicon::COMMON_OPENERS.contains(&f))
        })
}

/// Give every passage of a multi-paragraph quote the chain's credit.
fn credit_chains(doc: &Document<'_>, out: &mut [Option<Attribution>]) {
    let mut i = 0;
    while i < doc.quotes.len() {
        let chain = doc.quotes[i].chain;
        let mut j = i;
        while j < doc.quotes.len() && doc.quotes[j].chain == chain {
            j += 1;
        }
        if j - i > 1 {
            if let Some(credit) = out[i..j].iter().flatten().next().cloned() {
                for slot in &mut out[i..j] {
                    if slot.is_none() {
                        *slot = Some(Attribution {
                            kind: AttributionKind::Chain,
                            ..credit.clone()
                        });
                    }
                }
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DocKind;

    fn credits(text: &str) -> Vec<Option<(AttributionKind, String, Option<String>)>> {
        let doc = Document::parse(text, DocKind::Plain);
        doc.attributions
            .iter()
            .map(|a| {
                a.as_ref().map(|a| {
                    (
                        a.kind,
                        text[a.cue.clone()].to_string(),
                        a.speaker.clone().map(|s| text[s].to_string()),
                    )
                })
            })
            .collect()
    }

    fn kind(
        k: AttributionKind,
        cue: &str,
        speaker: Option<&str>,
    ) -> Option<(AttributionKind, String, Option<String>)> {
        Some((k, cue.into(), speaker.map(Into::into)))
    }

    #[test]
    fn same_sentence_speaker_and_verb() {
        use AttributionKind::*;
        assert_eq!(
            credits(r#""It is over," he told reporters in Israel."#),
            [kind(Sentence, "told", Some("he"))]
        );
        assert_eq!(
            credits(r#""It is over," said US Secretary of State Antony Blinken."#),
            [kind(
                Sentence,
                "said",
                Some("US Secretary of State Antony Blinken")
            )]
        );
        assert_eq!(
            credits(r#"A spokeswoman said the plan was "dead on arrival for now.""#),
            [kind(Sentence, "said", Some("A spokeswoman"))]
        );
        assert_eq!(
            credits(r#"The deal was "a very bad one for us," according to the minister."#),
            [kind(Sentence, "according to", Some("the minister"))]
        );
    }

    #[test]
    fn shouted_quotes_ongoing_claims_and_per_credit_their_source() {
        use AttributionKind::*;
        assert_eq!(
            credits(r#""Get back from the door now," she yells as she runs."#),
            [kind(Sentence, "yells", Some("she"))]
        );
        assert_eq!(
            credits(r#"He's claiming that the vote was "rigged from the very start.""#),
            [kind(Sentence, "claiming", Some("He's"))]
        );
        assert_eq!(
            credits(r#"Proxies may not vote "to fill a vacancy on the ticket," per the bylaws."#),
            [kind(Sentence, "per", Some("the bylaws"))]
        );
        // `per` as a rate is no credit.
        assert_eq!(
            credits(r#"Prices rose "far faster than wages did" at 5 per cent a year."#),
            [None]
        );
    }

    #[test]
    fn cue_inside_the_quote_does_not_count() {
        assert_eq!(
            credits(r#""He said he would come back soon." Then the talks ended."#),
            [None]
        );
    }

    #[test]
    fn paragraph_and_colon_and_chain() {
        use AttributionKind::*;
        let got = credits(
            "\"We will go now,\" Blinken said. \"And we will come back.\"\nBlinken told reporters:\n\"We share the goal of peace.\"\n\"The first part goes on.\n\"The second part ends,\" she said.\n",
        );
        assert_eq!(got[0].as_ref().unwrap().0, Sentence);
        assert_eq!(got[1].as_ref().unwrap().0, Paragraph);
        assert_eq!(got[2].as_ref().unwrap().0, Colon);
        assert_eq!(got[3].as_ref().unwrap().0, Chain);
        assert_eq!(got[4].as_ref().unwrap().0, Sentence);
    }

    #[test]
    fn next_quote_paragraph_needs_its_own_credit() {
        let got = credits("\"We will go now,\" Blinken said.\n\"And we will come back soon.\"\n");
        assert!(got[0].is_some());
        assert_eq!(got[1], None);
    }

    #[test]
    fn partial_quotes_dash_credits_and_labels() {
        use AttributionKind::*;
        assert_eq!(
            credits(r#"She thinks the plan "went much too far this time.""#),
            [kind(Sentence, "thinks", Some("She"))]
        );
        // An opinion verb does not credit a full-sentence quote.
        assert_eq!(
            credits(r#""The plan went much too far." She thinks so."#),
            [None]
        );
        assert_eq!(
            credits("“We need law and order now.” ― Jane Q. Doe"),
            [kind(Sentence, "―", Some("Jane Q. Doe"))]
        );
        assert_eq!(
            credits("\"PENCE: Well, the question really is why.\""),
            [kind(Sentence, ":", Some("PENCE"))]
        );
    }

    #[test]
    fn view_and_went_on_phrases_credit() {
        assert!(credits("\"It is an across-the-board failure,\" in Bolton's view.")[0].is_some());
        assert!(credits("\"You know, it happens, right?\" Trump went on.")[0].is_some());
        assert!(credits("\"They only came for the free lunch,\" Okafor shot back.")[0].is_some());
        assert!(credits("\"Nobody here will vote for that,\" he surmised.")[0].is_some());
    }

    #[test]
    fn dash_credit_on_the_next_line_and_documents_before_the_quote() {
        let got =
            credits("\"Boeing and GE pay zero taxes in most years.\"\n- Sanders.\nHe is wrong.\n");
        assert_eq!(got[0].as_ref().unwrap().1, "-");
        let got = credits(
            "Trump issued a statement, \"Our nation was attacked last night by terrorists.\"",
        );
        assert_eq!(got[0].as_ref().unwrap().1, "statement");
        assert!(credits("As Vulture put it, \"Hello, it is the end of an era.\"")[0].is_some());
        assert_eq!(
            credits("\"Boeing and GE pay zero taxes in most years.\"\nSanders is wrong.\n"),
            [None]
        );
    }

    #[test]
    fn a_credit_after_the_next_adjacent_quote_is_that_quotes() {
        use AttributionKind::*;
        assert_eq!(
            credits(r#""The market has turned." "We are buying again," she said."#),
            [None, kind(Sentence, "said", Some("she"))]
        );
        assert_eq!(
            credits(r#""The market has turned," "we are buying again," she said."#),
            [None, kind(Sentence, "said", Some("she"))]
        );
        // A credit before both, or narration between them, still credits.
        assert!(
            credits(r#"She said: "The market has turned." "We are buying again.""#)
                .iter()
                .all(Option::is_some)
        );
        assert!(
            credits(r#""The market has turned," she said. "We are buying again.""#)
                .iter()
                .all(Option::is_some)
        );
        assert!(credits(
            r#""The market has turned." Then she paused. "We are buying again," she said."#
        )
        .iter()
        .all(Option::is_some));
    }

    #[test]
    fn a_colon_credits_only_after_a_speaker() {
        use AttributionKind::*;
        assert_eq!(
            credits(r#"In the end it came down to discipline: "We kept the ball and waited.""#),
            [None]
        );
        assert_eq!(
            credits(
                "At the depot the mood was grim:\n\"Nobody here expects the plant to reopen.\"\n"
            ),
            [None]
        );
        assert_eq!(
            credits(r#"At the gate the message was blunt: "We kept the ball and waited.""#),
            [None]
        );
        assert_eq!(
            credits("He won.\n: \"We kept the ball and waited.\"\n"),
            [kind(Colon, ":", None)]
        );
        assert!(
            credits(r#"It is a threat many people make: "If he wins, I am moving abroad!""#)[0]
                .is_some()
        );
        assert_eq!(
            credits(r#"Her verdict was short: "We kept the ball and waited.""#),
            [kind(Colon, ":", None)]
        );
        assert_eq!(
            credits(r#"Okafor on the result: "We kept the ball and waited.""#),
            [kind(Colon, ":", None)]
        );
        assert_eq!(
            credits("Okafor was blunt about the result:\n\"We kept the ball and waited.\"\n"),
            [kind(Colon, ":", None)]
        );
    }

    #[test]
    fn a_credit_line_inside_a_pull_quote() {
        // Blank lines between blocks: a line break inside one is kept.
        let got = credits("Rates rose.\n\n\"Rates have to come down soon. Nobody can wait.\nJane Roe, Centre for Budget Studies.\"\n\nMore.\n");
        assert_eq!(
            got[0].as_ref().unwrap().2.as_deref(),
            Some("Jane Roe, Centre for Budget Studies")
        );
        // A quote that runs on over a line break is not credited by its
        // last line.
        for text in [
            "Rates rose.\n\n\"Rates have to come down soon. Nobody can wait\nfor another year of this.\"\n\nMore.\n",
            "Rates rose.\n\n\"Rates have to come down soon. Nobody can wait.\nWe told them so, and they said no to all of it again.\"\n\nMore.\n",
            "Rates rose.\n\n\"Rates have to come down soon. Nobody can wait.\nWhy not now?\"\n\nMore.\n",
        ] {
            assert_eq!(credits(text), [None], "{text}");
        }
    }

    #[test]
    fn credits_the_cue_finder_reaches_in_longer_clauses() {
        for text in [
            r#""We will not raise the levy this year," the minister, who took office in May, said."#,
            "\"We will not raise the levy this year.\" — Jane Roe, a spokeswoman for the treasury",
            r#"The levy stays. "We will not raise it this year," according to the treasury."#,
            r#"The levy stays. "We will not raise it this year," the treasury's statement said."#,
            r#""No levy shall be raised in the current year," the filing reads."#,
            r#"Okafor spoke after the vote. "We will not raise the levy this year," she added."#,
        ] {
            assert!(credits(text).iter().all(Option::is_some), "{text}");
        }
    }

    #[test]
    fn appositive_and_age_speakers_after_the_quote_credit() {
        use AttributionKind::*;
        assert_eq!(
            credits(
                r#""The line will reopen by May," said Jane Doe, a spokeswoman for the operator."#
            ),
            [kind(Sentence, "said", Some("Jane Doe"))]
        );
        assert_eq!(
            credits(r#""The line will reopen by May," Doe, 54, said on Tuesday."#)[0]
                .as_ref()
                .map(|a| (a.0, a.1.clone())),
            Some((Sentence, "said".into()))
        );
        // An age or appositive with no verb anywhere credits nobody.
        assert_eq!(
            credits(r#""The line will reopen by May," Doe, 54, a retired driver."#),
            [None]
        );
    }

    #[test]
    fn according_to_or_added_later_in_the_paragraph_credits() {
        use AttributionKind::*;
        let got = credits(
            r#""The line will reopen by May." The repairs cost $4 million, according to the operator."#,
        );
        assert_eq!(got[0].as_ref().map(|a| a.0), Some(Paragraph));
        let got = credits(r#"Okafor spoke at the depot. "The line will reopen by May," he added."#);
        assert_eq!(got, [kind(Sentence, "added", Some("he"))]);
    }

    #[test]
    fn a_paragraph_that_hands_the_floor_to_a_speaker_introduces_the_next_quote() {
        use AttributionKind::*;
        let got = credits(
            "\"The line will reopen,\" Okafor said.\nOkafor continued his remarks.\n\"We have the money and the crews to finish it.\"\n",
        );
        assert_eq!(got[1], kind(LeadIn, "continued", Some("Okafor")));
        assert!(credits(
            "Okafor spoke.\nShe went on.\n\"We have the money and the crews to finish it.\"\n"
        )[0]
        .is_some());
        // Narration that reports, or that names nobody, introduces nothing.
        for text in [
            "Okafor said the repairs would be costly.\n\"We have the money and the crews to finish it.\"\n",
            "The talks continued.\n\"We have the money and the crews to finish it.\"\n",
            "The repairs will be costly, Okafor said.\n\"We have the money and the crews to finish it.\"\n",
            "After the vote Okafor went on.\n\"We have the money and the crews to finish it.\"\n",
            "Okafor continued his remarks.\nThe depot was quiet.\n\"We have the money and the crews to finish it.\"\n",
            "Okafor continued his remarks.\nIn the end: \"We have the money and the crews to finish it.\"\n",
        ] {
            assert_eq!(credits(text).last().unwrap(), &None, "{text}");
        }
    }

    #[test]
    fn venue_phrases_credit() {
        let got = credits(
            r#""We reject the plan entirely," the ministry wrote on its website. "It is unlawful," in a statement, too."#,
        );
        assert!(got.iter().all(Option::is_some));
    }
}
