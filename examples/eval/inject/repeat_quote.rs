//! `repeat/quote`: use an earlier quoted sentence (6+ words) again, either
//! as a new quote paragraph further down (`"…," he said.`, crediting the
//! original speaker) or at the start of a later quote.

use std::ops::Range;
use std::sync::LazyLock;

use copydesk::Check;
use regex::Regex;

use super::{take, Injection, Site};
use crate::people;
use crate::rewrite::{splice, Splice};
use crate::rng::SplitMix64;
use crate::text;

const MIN_WORDS: usize = 6;

const NAME: &str = r"(?:(?:Mr|Mrs|Ms|Dr)\.? )?\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?";

/// The speaker right after a quote: `," said Mr Blair`, `," Blinken said`.
static SPEAKER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^,? +(?:(?:said|says|added) (?P<a>he|she|{NAME})|(?P<b>he|she|{NAME}) (?:said|says|added|told))\b"
    ))
    .expect("valid regex")
});

/// The speaker right before a quote: `Blinken said: "`.
static SPEAKER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[.!?] )(?P<a>He|She|{NAME}) (?:said|says|added)[:,]? *$"
    ))
    .expect("valid regex")
});

/// A quoted sentence that can be used again.
struct Source {
    /// The sentence inside the quote.
    sentence: Range<usize>,
    paragraph: usize,
    curly: bool,
    /// Who said it, as a later reference (`he`, `Mr Blair`, `Blinken`).
    speaker: String,
}

enum Place {
    /// A new quote paragraph after this paragraph.
    NewParagraph(usize),
    /// At the start of this later quote: (paragraph, quote index).
    InsideQuote(usize, usize),
}

pub fn inject(site: &Site<'_>, rng: &mut SplitMix64, cap: usize) -> Vec<Injection> {
    let text = site.text;
    let mut sources = Vec::new();
    for i in site.prose_body() {
        let end = site.paragraphs[i].end;
        if !site.quotes[i].balanced {
            continue;
        }
        for q in &site.quotes[i].quotes {
            let inner = q.inner(end);
            let Some(speaker) = speaker(site, i, q) else {
                continue;
            };
            if !text[inner.clone()].starts_with(char::is_uppercase) {
                continue; // a partial quote
            }
            for s in text::sentences(text, &inner) {
                let body = &text[s.clone()];
                let full = body.ends_with(['.', '?', '!', ',']);
                let repeated = text
                    .matches(body.trim_end_matches(['.', '?', '!', ',']))
                    .count()
                    > 1;
                if text::word_count(body) >= MIN_WORDS
                    && full
                    && !repeated
                    && body.starts_with(char::is_uppercase)
                    && !body.contains(['"', '“', '”'])
                {
                    sources.push(Source {
                        paragraph: i,
                        sentence: s,
                        curly: q.is_curly(text),
                        speaker: speaker.clone(),
                    });
                }
            }
        }
    }
    let mut candidates = Vec::new();
    for (si, src) in sources.iter().enumerate() {
        for p in src.paragraph + 1..site.paragraphs.len() {
            if site.entry(p) != site.entry(src.paragraph) {
                break;
            }
            if site.can_insert_after(p) {
                candidates.push((si, Place::NewParagraph(p)));
            }
            if site.quotes[p].balanced {
                for (qi, q) in site.quotes[p].quotes.iter().enumerate() {
                    let inner = &text[q.inner(site.paragraphs[p].end)];
                    if inner.starts_with(char::is_uppercase) && text::word_count(inner) >= 4 {
                        candidates.push((si, Place::InsideQuote(p, qi)));
                    }
                }
            }
        }
    }
    take(candidates, rng, cap, |(si, place), _| {
        let src = &sources[si];
        let sentence = &text[src.sentence.clone()];
        let stem = sentence.trim_end_matches(['.', ',']);
        match place {
            Place::NewParagraph(p) => {
                let (open, close) = if src.curly {
                    ("“", "”")
                } else {
                    ("\"", "\"")
                };
                let comma = if stem.ends_with(['?', '!']) { "" } else { "," };
                let quote = format!("{open}{stem}{comma}{close}");
                let content = format!("{quote} {} said.", src.speaker);
                let (edited, landed) = site.insert_paragraph_after(p, &content);
                Some(Injection {
                    check: Check::RepeatQuote,
                    variant: "new-paragraph",
                    target: landed.start..landed.start + quote.len(),
                    changed: src.sentence.clone(),
                    edited,
                })
            }
            Place::InsideQuote(p, qi) => {
                let at = site.quotes[p].quotes[qi].open.end;
                let stop = if stem.ends_with(['?', '!']) { "" } else { "." };
                let inserted = format!("{stem}{stop}");
                let (edited, landed) = splice(text, &[Splice::new(at..at, format!("{inserted} "))]);
                Some(Injection {
                    check: Check::RepeatQuote,
                    variant: "inside-quote",
                    target: landed[0].start..landed[0].start + inserted.len(),
                    changed: src.sentence.clone(),
                    edited,
                })
            }
        }
    })
}

/// Who said quote `q` of paragraph `p`, named right after it or right
/// before it; `None` when the quote's speaker is not plain to see.
fn speaker(site: &Site<'_>, p: usize, q: &text::QuoteSpan) -> Option<String> {
    let para = &site.paragraphs[p];
    let close = q.close.as_ref()?;
    let after = &site.text[close.end..para.end];
    let before = &site.text[para.start..q.open.start];
    let found = SPEAKER_AFTER
        .captures(after)
        .or_else(|| SPEAKER_BEFORE.captures(before))?;
    let name = found.name("a").or(found.name("b"))?.as_str();
    if matches!(name, "he" | "she" | "He" | "She") {
        return Some(name.to_lowercase());
    }
    // A later reference: courtesy title and surname, or the surname alone.
    let words: Vec<&str> = name.split(' ').collect();
    let courtesy = words.len() > 1 && words[0].trim_end_matches('.').len() <= 3;
    let later = if courtesy || words.len() == 1 {
        name.to_owned()
    } else {
        words[words.len() - 1].to_owned()
    };
    let surname = later.rsplit(' ').next().unwrap_or("");
    people::is_name_word(surname, 3).then_some(later)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    #[test]
    fn repeats_a_quoted_sentence_with_its_speaker() {
        let text = "Head\n\n“We will not back down on this at all. Never,” said Mr Blair.\n\nTalks went on.\n\n“We are ready to talk now,” she said.";
        let article = Article::for_test(text);
        let site = Site::new(&article);
        let out = inject(&site, &mut SplitMix64::new(4), 10);
        let mut shown: Vec<_> = out
            .iter()
            .map(|i| (i.variant, i.edited.text[i.target.clone()].to_owned()))
            .collect();
        shown.sort();
        shown.dedup();
        assert_eq!(
            shown,
            [
                (
                    "inside-quote",
                    "We will not back down on this at all.".to_owned()
                ),
                (
                    "new-paragraph",
                    "“We will not back down on this at all,”".to_owned()
                ),
            ]
        );
        let new_para = out.iter().find(|i| i.variant == "new-paragraph").unwrap();
        assert!(new_para.edited.text.contains("at all,” Mr Blair said."));
    }
}
