//! `quote/unbalanced`: drop the closing mark of the last quote of a
//! paragraph, where the next paragraph does not open with a quote (which
//! would read as a multi-paragraph quote, not an error). Taking the last
//! quote leaves one lone mark whatever the mark style: its opening mark.
//! Variant `before-credit`: the closing mark dropped before a credit clause
//! that another quote follows (`"A, she said. "B."`).

use copydesk::Check;

use super::{hull, take, Injection, Site};
use crate::rewrite::{splice, Splice};
use crate::rng::SplitMix64;
use crate::text;

pub fn inject(site: &Site<'_>, rng: &mut SplitMix64, cap: usize) -> Vec<Injection> {
    let candidates: Vec<usize> = site
        .prose_body()
        .filter(|&p| {
            let next_opens = site
                .paragraphs
                .get(p + 1)
                .is_some_and(|_| site.para(p + 1).starts_with(text::is_double_mark));
            site.quotes[p].balanced
                && !site.quotes[p].quotes.is_empty()
                && (p < 2 || site.quotes[p - 1].balanced)
                && !next_opens
        })
        .collect();
    take(candidates, rng, cap, |p, _| unclose(site, p))
}

fn unclose(site: &Site<'_>, p: usize) -> Option<Injection> {
    let q = site.quotes[p].quotes.last()?;
    let close = q.close.clone()?;
    let (edited, _) = splice(site.text, &[Splice::delete(close.clone())]);
    // The passage the lone opening mark starts, up to where its close was.
    let target = hull(&edited, &(q.open.start..close.start))?;
    Some(Injection {
        check: Check::QuoteUnbalanced,
        variant: if q.is_curly(site.text) {
            "curly"
        } else {
            "straight"
        },
        target,
        changed: q.open.start..close.end,
        edited,
    })
}

/// `"Prices will rise," a spokeswoman said. "We…` → `"Prices will rise, a
/// spokeswoman said. "We…`: the closing mark dropped before the credit. The
/// lone mark is the quote's opening one (not a missing credit).
pub fn inject_before_credit(site: &Site<'_>, rng: &mut SplitMix64, cap: usize) -> Vec<Injection> {
    let candidates: Vec<usize> = site
        .prose_body()
        .filter(|&p| {
            site.quotes[p].balanced
                && site.quotes[p].quotes.len() >= 2
                && (p < 2 || site.quotes[p - 1].balanced)
        })
        .collect();
    take(candidates, rng, cap, |p, _| drop_before_credit(site, p))
}

fn drop_before_credit(site: &Site<'_>, p: usize) -> Option<Injection> {
    let text = site.text;
    site.quotes[p].quotes.windows(2).find_map(|w| {
        let (q, next) = (&w[0], &w[1]);
        let close = q.close.clone()?;
        if !text[q.open.end..close.start].trim_end().ends_with(',')
            || !super::CREDIT_BETWEEN.is_match(&text[close.end..next.open.start])
        {
            return None;
        }
        let (edited, _) = splice(text, &[Splice::delete(close.clone())]);
        let target = hull(&edited, &(q.open.start..close.start))?;
        Some(Injection {
            check: Check::QuoteUnbalanced,
            variant: "before-credit",
            target,
            changed: q.open.start..close.end,
            edited,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    #[test]
    fn drops_the_last_closing_mark_unless_the_next_paragraph_opens_a_quote() {
        let text = "Head\n\n“One,” he said. “Two three,” she said.\n\n“Next” came.\n\nThen \"last one,\" he said.";
        let article = Article::for_test(text);
        let site = Site::new(&article);
        let out = inject(&site, &mut SplitMix64::new(1), 5);
        // Paragraph 1 is followed by a quote paragraph; 2 and 3 qualify.
        assert_eq!(out.len(), 2);
        let last = out.iter().find(|i| i.variant == "straight").unwrap();
        assert!(last.edited.text.ends_with("Then \"last one, he said."));
        assert_eq!(&last.edited.text[last.target.clone()], "\"last one,");
    }

    #[test]
    fn drops_the_closing_mark_before_a_credit_between_two_quotes() {
        let text = "Head\n\n\"We will win the next one,\" she said. \"Then we rest.\"";
        let article = Article::for_test(text);
        let site = Site::new(&article);
        let out = inject_before_credit(&site, &mut SplitMix64::new(1), 5);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].edited.text,
            "Head\n\n\"We will win the next one, she said. \"Then we rest.\""
        );
        assert_eq!(out[0].variant, "before-credit");
    }
}
