//! `quote/unattributed`: take the credit away from a direct quote.
//!
//! Only quotes that are the one quote of their paragraph, of 4+ words, whose
//! source and cue sit in the same sentence right after the quote
//! (`"…," Trump said.` → `"…."`) or right before it (`He said: "…"` →
//! `"…"`), and whose paragraph has no other attribution left afterwards.
//! PolNeAR gives the source and cue spans by hand; on BBC copy a strict
//! pattern (`said Mr Blair`, `he added`) stands in for them.
//! Variant `between-quotes`: the credit between two quotes of a paragraph
//! removed while the second keeps its own (`"A," he said. "B," she added.`
//! → `"A." "B," she added.`).

use std::ops::Range;
use std::sync::LazyLock;

use copydesk::Check;
use regex::Regex;

use super::{hull, take, Injection, Site};
use crate::people;
use crate::rewrite::{splice, Splice};
use crate::rng::SplitMix64;
use crate::text::{self, QuoteSpan};

const MIN_WORDS: usize = 4;
/// Longest attribution clause removed; longer ones carry news of their own.
const MAX_CLAUSE_WORDS: usize = 15;

/// Any word that may attribute a quote: a paragraph with one left is not
/// used (the quote might still count as attributed).
static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:said|says|say|saying|told|tells|tell|added|adds|asked|asks|replied|wrote|writes|posted|tweeted|according|statement|stated|explained|noted|continued|insisted|argued|declared|claimed|warned|announced|quoted|remarked|recalled|acknowledged|admitted|interview|reported|responded|commented)\b",
    )
    .expect("valid regex")
});

const SPEAKER: &str =
    r"(?:he|she|they|(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord)\.?\s+)?\p{Lu}[\w'’-]+(?:\s+\p{Lu}[\w'’-]+){0,2})";
const VERB: &str =
    r"(?:said|says|added|adds|explained|continued|told\s+(?:the\s+)?[\p{L} ]{1,30}?)";

/// BBC: `said Mr Blair` / `he added` after a quote (final period removed).
static BBC_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:{VERB}\s+{SPEAKER}|{SPEAKER}\s+{VERB})$")).expect("valid regex")
});

/// BBC: `Mr Blair said:` before a quote.
static BBC_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:He|She|{SPEAKER})\s+{VERB}\s*:$")).expect("valid regex")
});

pub fn inject(site: &Site<'_>, rng: &mut SplitMix64, cap: usize) -> Vec<Injection> {
    let candidates: Vec<usize> = site
        .prose_body()
        .filter(|&p| {
            let pq = &site.quotes[p];
            pq.balanced
                && pq.quotes.len() == 1
                && (p < 2 || (site.quotes[p - 1].balanced && !site.para(p - 1).ends_with(':')))
        })
        .collect();
    take(candidates, rng, cap, |p, _| unattribute(site, p))
}

/// Where the attribution of paragraph `p`'s quote is and how to remove it.
struct Removal {
    variant: &'static str,
    /// The source and cue, with the punctuation joining them to the quote.
    cut: Range<usize>,
    /// A fix to the quote's own punctuation (`,` → `.`, capital letter).
    fix: Option<Splice>,
}

fn unattribute(site: &Site<'_>, p: usize) -> Option<Injection> {
    let text = site.text;
    let para = &site.paragraphs[p];
    let [q] = site.quotes[p].quotes.as_slice() else {
        return None;
    };
    let close = q.close.clone()?;
    let inner = q.inner(para.end);
    if text::word_count(&text[inner.clone()]) < MIN_WORDS {
        return None;
    }
    let removal = after_quote(site, p, q).or_else(|| before_quote(site, p, q))?;
    // A name introduced in the attribution would leave its later mentions
    // without an introduction.
    let cut_text = &text[removal.cut.clone()];
    let introduces = cut_text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1)
        .any(|w| !people::occurs(&text[..removal.cut.start], w) && !matches!(w, "He" | "She"));
    if introduces {
        return None;
    }
    // Nothing else in the paragraph may attribute the quote.
    let quote_range = q.open.start..close.end;
    let rest = text::without(text, para, &[removal.cut.clone(), quote_range.clone()]);
    if SPEECH.is_match(&rest) {
        return None;
    }
    if let Some(ann) = site.annotations {
        let other_cue = ann.cues.iter().any(|c| {
            c.start >= para.start
                && c.end <= para.end
                && !(removal.cut.start <= c.start && c.end <= removal.cut.end)
                && !(inner.start <= c.start && c.end <= inner.end)
        });
        if other_cue {
            return None;
        }
    }
    let mut splices = vec![Splice::delete(removal.cut.clone())];
    splices.extend(removal.fix);
    let (edited, _) = splice(text, &splices);
    let target = hull(&edited, &quote_range)?;
    Some(Injection {
        check: Check::QuoteUnattributed,
        variant: removal.variant,
        target,
        changed: removal.cut.start.min(quote_range.start)..removal.cut.end.max(quote_range.end),
        edited,
    })
}

/// `"…," Trump said.` → `"…."`
fn after_quote(site: &Site<'_>, p: usize, q: &QuoteSpan) -> Option<Removal> {
    let text = site.text;
    let para = &site.paragraphs[p];
    let close = q.close.clone()?;
    if !text::starts_sentence(text, para, q.open.start) {
        return None;
    }
    let end = text::sentence_ends(text, para)
        .into_iter()
        .find(|&e| e > close.end)?;
    let clause = &text[close.end..end];
    if !clause.starts_with([' ', ',']) {
        return None;
    }
    let core = clause.trim_start_matches([',', ' ']).trim_end();
    let core = core.strip_suffix('.')?;
    if core.contains(['"', '“', '”', ';', ':', '(', ')'])
        || text::word_count(core) > MAX_CLAUSE_WORDS
    {
        return None;
    }
    let cut = close.end..close.end + clause.trim_end().len();
    if !credits(site, p, q, &cut, || BBC_AFTER.is_match(core)) {
        return None;
    }
    // The quote now ends its sentence: its closing comma becomes a period.
    let inner = q.inner(para.end);
    let inner_text = text[inner.clone()].trim_end();
    let last = inner_text.chars().next_back()?;
    let at = inner.start + inner_text.len();
    let fix = match last {
        ',' => Some(Splice::new(at - 1..at, ".")),
        '.' | '?' | '!' | '…' => None,
        c if c.is_alphanumeric() => Some(Splice::new(at..at, ".")),
        _ => return None,
    };
    Some(Removal {
        variant: "after-quote",
        cut,
        fix,
    })
}

/// `He said: "…"` → `"…"`
fn before_quote(site: &Site<'_>, p: usize, q: &QuoteSpan) -> Option<Removal> {
    let text = site.text;
    let para = &site.paragraphs[p];
    let close = q.close.clone()?;
    let ends = text::sentence_ends(text, para);
    // The quote must end its sentence, and the sentence start before it.
    if !ends.contains(&close.end) {
        return None;
    }
    let start = ends
        .iter()
        .copied()
        .filter(|&e| e <= q.open.start)
        .max()
        .unwrap_or(para.start);
    let start =
        start + (text[start..q.open.start].len() - text[start..q.open.start].trim_start().len());
    let prefix = text[start..q.open.start].trim_end();
    if !prefix.ends_with([':', ','])
        || prefix.contains(['"', '“', '”', ';', '(', ')'])
        || text::word_count(prefix) > MAX_CLAUSE_WORDS
    {
        return None;
    }
    let cut = start..q.open.start;
    if !credits(site, p, q, &cut, || BBC_BEFORE.is_match(prefix)) {
        return None;
    }
    // The quote now opens its sentence.
    let first = text[q.open.end..].chars().next()?;
    let fix = first.is_lowercase().then(|| {
        Splice::new(
            q.open.end..q.open.end + first.len_utf8(),
            first.to_uppercase().collect::<String>(),
        )
    });
    Some(Removal {
        variant: "before-quote",
        cut,
        fix,
    })
}

/// Whether `cut` holds the quote's source and cue: by the PolNeAR
/// annotation when there is one, else by the BBC pattern.
fn credits(
    site: &Site<'_>,
    p: usize,
    q: &QuoteSpan,
    cut: &Range<usize>,
    pattern: impl FnOnce() -> bool,
) -> bool {
    let Some(ann) = site.annotations else {
        return pattern();
    };
    let inner = q.inner(site.paragraphs[p].end);
    let within = |r: &Range<usize>| cut.start <= r.start && r.end <= cut.end;
    // The cut must open with the source or cue, not with quoted content
    // continuing outside the marks (`"…" for criminal behavior, she said`).
    let cut_text = &site.text[cut.clone()];
    let opens_at = cut.start + (cut_text.len() - cut_text.trim_start_matches([',', ' ']).len());
    ann.attributions.iter().any(|a| {
        let opens = a.sources.iter().chain(&a.cues).any(|r| r.start == opens_at);
        let covered: usize = a
            .contents
            .iter()
            .map(|c| {
                c.end
                    .min(inner.end)
                    .saturating_sub(c.start.max(inner.start))
            })
            .sum();
        opens
            && !a.sources.is_empty()
            && !a.cues.is_empty()
            && covered * 2 >= inner.len()
            && a.sources.iter().all(within)
            && a.cues.iter().all(within)
    })
}

/// `"A," he said. "B," she added.` → `"A." "B," she added.`: the credit
/// between two quotes of one paragraph removed, the second quote's credit
/// left (a writer who joins two speakers' words loses the first credit).
pub fn inject_between(site: &Site<'_>, rng: &mut SplitMix64, cap: usize) -> Vec<Injection> {
    let candidates: Vec<usize> = site
        .prose_body()
        .filter(|&p| {
            let pq = &site.quotes[p];
            pq.balanced
                && pq.quotes.len() == 2
                && (p < 2 || (site.quotes[p - 1].balanced && !site.para(p - 1).ends_with(':')))
        })
        .collect();
    take(candidates, rng, cap, |p, _| between_quotes(site, p))
}

fn between_quotes(site: &Site<'_>, p: usize) -> Option<Injection> {
    let text = site.text;
    let para = &site.paragraphs[p];
    let [q, next] = site.quotes[p].quotes.as_slice() else {
        return None;
    };
    let (close, next_close) = (q.close.clone()?, next.close.clone()?);
    if !text::starts_sentence(text, para, q.open.start) {
        return None;
    }
    let inner = text[q.open.end..close.start].trim_end();
    if !inner.ends_with(',') || text::word_count(inner) < MIN_WORDS {
        return None;
    }
    let gap = &text[close.end..next.open.start];
    let after = text[next_close.end..para.end].trim_end();
    if !super::CREDIT_BETWEEN.is_match(gap) || !super::CREDIT_AFTER.is_match(after) {
        return None;
    }
    // A name first given in the cut credit would leave its later mentions
    // without an introduction.
    let introduces = gap
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1)
        .any(|w| !people::occurs(&text[..close.end], w));
    if introduces {
        return None;
    }
    let comma = q.open.end + inner.len() - 1;
    let splices = [
        Splice::new(comma..comma + 1, "."),
        // Keep one space between the two quotes.
        Splice::delete(close.end..next.open.start - 1),
    ];
    let (edited, _) = splice(text, &splices);
    let target = hull(&edited, &(q.open.start..close.end))?;
    Some(Injection {
        check: Check::QuoteUnattributed,
        variant: "between-quotes",
        target,
        changed: q.open.start..next.open.start,
        edited,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn injected(text: &str) -> Vec<(String, String)> {
        let article = Article::for_test(text);
        let site = Site::new(&article);
        site.body()
            .filter_map(|p| unattribute(&site, p))
            .map(|i| (i.edited.text.clone(), i.edited.text[i.target].to_owned()))
            .collect()
    }

    #[test]
    fn removes_a_trailing_attribution_and_fixes_the_comma() {
        let text = "Head\n\nMr Blair spoke on Monday.\n\n\"We will win the next one,\" said Mr Blair. Polls opened.";
        let out = injected(text);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].0,
            "Head\n\nMr Blair spoke on Monday.\n\n\"We will win the next one.\" Polls opened."
        );
        assert_eq!(out[0].1, "\"We will win the next one.\"");
    }

    #[test]
    fn removes_a_colon_introduction() {
        let text = "Head\n\nAnn Lee spoke.\n\nShe added: \"we will win the next one.\"";
        assert_eq!(
            injected(text)[0].0,
            "Head\n\nAnn Lee spoke.\n\n\"We will win the next one.\""
        );
    }

    #[test]
    fn leaves_quotes_with_other_attribution_or_new_names() {
        // Another speech verb in the paragraph; a name first given in the cut.
        assert!(injected(
            "Head\n\nMr Blair spoke.\n\n\"We will win this,\" he said. He told us more."
        )
        .is_empty());
        assert!(
            injected("Head\n\nPolls opened.\n\n\"We will win this,\" said Ann Lee.").is_empty()
        );
        // Too short, and a partial quote inside a sentence.
        assert!(injected("Head\n\nMr Blair spoke.\n\n\"We win,\" he said.").is_empty());
    }

    #[test]
    fn removes_the_credit_between_two_quotes_and_keeps_the_second() {
        let article = Article::for_test("Head\n\nAnn Lee spoke.\n\n\"We will win the next one,\" she said. \"Then we rest,\" she added.");
        let site = Site::new(&article);
        let out: Vec<_> = site
            .body()
            .filter_map(|p| between_quotes(&site, p))
            .collect();
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].edited.text,
            "Head\n\nAnn Lee spoke.\n\n\"We will win the next one.\" \"Then we rest,\" she added."
        );
        assert_eq!(
            &out[0].edited.text[out[0].target.clone()],
            "\"We will win the next one.\""
        );
        // Without a credit after the second quote there is nothing to keep.
        let article = Article::for_test(
            "Head\n\nAnn Lee spoke.\n\n\"We will win the next one,\" she said. \"Then we rest.\"",
        );
        let site = Site::new(&article);
        assert!(site.body().all(|p| between_quotes(&site, p).is_none()));
    }
}
