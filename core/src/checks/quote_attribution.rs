//! `quote/unattributed` — a direct quote that nobody said.
//!
//! Who said each quote is worked out in the text model
//! ([`crate::document::attribution`]); this check decides which uncredited
//! quotes need a credit at all. Scare quotes and quoted terms (one or two
//! words, or introduced as `the phrase "…"`), titles of works and slogans in
//! title case, and nicknames inside names do not. A multi-paragraph quote is
//! reported once, at its first passage.

use crate::document::{attribution, Document, Quote};
use crate::finding::Finding;
use crate::lexicon::TITLE_SMALL_WORDS;
use crate::text::{fold, words_in};

use super::{Check, CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "A direct quote that nobody is credited with.",
    why: "Every direct quote in wire copy must say who said it; an uncredited quote cannot be checked, and readers cannot weigh it. Wire style credits every new quote paragraph, even right after a credited one.",
    example: "\"We will not back down.\" The talks resumed on Monday.",
    passes: "Quotes credited in their sentence or paragraph (`he said`, `according to`, `in a statement`), colon introductions after a speaker (`Blinken told reporters:`, `Her verdict:`; also from the end of the previous paragraph), a pull quote whose last line inside the marks names the speaker, continued multi-paragraph quotes credited anywhere in the chain, scare quotes and quoted terms of one or two words, titles of works and slogans in title case, headlines credited to a writer (`\"…,\" by the Times' Jane Roe`), nicknames inside names (`Dwayne \"The Rock\" Johnson`). Not credits: a colon after narration that names nobody (`It came down to discipline: \"…\"`), and a credit after the next quote when two quotes stand side by side (`\"A.\" \"B,\" she said.` credits only `B`). A quote paragraph right after a credited quote paragraph needs its own credit (wire style, and the default). A house that credits by discourse sets `[quotes] new-paragraph-credit = false`: then a paragraph that opens with a quote right after a paragraph ending in a credited quote (or its credit) is that speaker's; a quote paragraph after narration, after a partial quote or quoted term, or after narration in its own paragraph still needs a credit. A paragraph that ends by handing the floor to a named speaker (`Howard continued his remarks.`, `She went on.`) credits a quote paragraph after it.",
};

pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let min_words = cx.config.thresholds.min_attributed_quote_words;
    for (i, q) in doc.quotes.iter().enumerate() {
        // A chain is judged once, at its first passage. A quote never
        // closed is `quote/unbalanced`'s: where it ends, and so whether the
        // credit after it belongs to it, is unknown.
        let unterminated = q.close.is_none() && !q.continued;
        if q.continues || unterminated || doc.attributions[i].is_some() {
            continue;
        }
        if !needs_credit(doc, q, min_words) {
            continue;
        }
        let previous = previous_credited_quote(doc, q);
        // A house that credits by discourse gives the paragraph to the
        // speaker whose quote closed the paragraph before.
        if !cx.config.new_paragraph_credit && continues_the_speaker(doc, q, min_words) {
            continue;
        }
        let mut finding = Finding::new(
            Check::QuoteUnattributed,
            q.range(),
            format!(
                "Quote “{}” is not attributed: no speaker and speech verb in its sentence or paragraph",
                excerpt(doc.text, q.inner.clone())
            ),
        );
        if let Some(prev) = previous {
            finding = finding.with_related(
                prev,
                "the quote before is credited, but a new quote paragraph needs its own credit",
            );
        }
        out.push(finding);
    }
}

/// The quoted text, shortened to its first words for a message.
pub(crate) fn excerpt(text: &str, inner: std::ops::Range<usize>) -> String {
    const MAX_WORDS: usize = 8;
    let words = words_in(text, inner.clone());
    match words.get(MAX_WORDS - 1) {
        Some(last) if words.len() > MAX_WORDS => {
            format!("{} …", &text[inner.start..last.end()].trim())
        }
        _ => text[inner].trim().to_owned(),
    }
}

/// Whether an uncredited quote is the kind that needs a credit.
fn needs_credit(doc: &Document<'_>, q: &Quote, min_words: usize) -> bool {
    let words = words_in(&doc.prose, q.inner.clone());
    if words.len() < min_words {
        return false;
    }
    let para = &doc.paragraphs[q.paragraph];
    if attribution::introduced_as_term(&doc.prose, para.body.start, q) {
        return false;
    }
    let inner = doc.prose[q.inner.clone()].trim();
    let sentence_like = inner.ends_with(['.', '!', '?', ',']);
    // American style puts a comma or period inside the marks even after a
    // title (`star of “Thelma and Louise,” is`), so only inner punctuation
    // makes a title-case quote a sentence.
    let inner_sentence = inner
        .trim_end_matches(['.', ',', '!', '?'])
        .contains(['.', '!', '?', ';']);
    let title_case = words.iter().all(|w| {
        w.is_capitalized()
            || !w.text.chars().next().is_some_and(char::is_alphabetic)
            || TITLE_SMALL_WORDS.contains(&fold(w.text))
    });
    if title_case && words.len() >= 2 && !inner_sentence && q.close.is_some() {
        return false;
    }
    if !sentence_like && words.len() <= MAX_TERM_WORDS && after_determiner(doc, q) {
        return false;
    }
    // A short lowercase fragment woven into a sentence (`known as "river of
    // golden sand"`) is a quoted term or phrase far more often than speech.
    let lowercase = inner
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase);
    let mid_sentence = !doc.prose[para.body.start..q.open.start]
        .trim_end()
        .ends_with(['.', '!', '?', ':'])
        && q.open.start > para.body.start;
    if lowercase && mid_sentence && !inner_sentence && words.len() <= MAX_FRAGMENT_WORDS {
        return false;
    }
    !is_nickname(doc, q, words.len()) && !is_bylined_title(doc, q)
}

/// `"Museum to close at the end of the year," by the Times' Jane Roe`: the
/// headline of an article, credited to its writer, not speech.
fn is_bylined_title(doc: &Document<'_>, q: &Quote) -> bool {
    let Some(close) = &q.close else { return false };
    let inner = doc.prose[q.inner.clone()].trim_end();
    let after = doc.prose[close.end..].trim_start();
    let Some(rest) = after.strip_prefix("by ") else {
        return false;
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    inner.ends_with(',') && rest.chars().next().is_some_and(char::is_uppercase)
}

/// A short quote used as a noun inside the sentence (`a "special military
/// operation"`) is a quoted term, not speech.
const MAX_TERM_WORDS: usize = 4;
/// Lowercase fragments woven into a sentence up to this length are terms.
const MAX_FRAGMENT_WORDS: usize = 6;

fn after_determiner(doc: &Document<'_>, q: &Quote) -> bool {
    let before = doc.prose[..q.open.start].trim_end();
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    matches!(
        fold(last).as_str(),
        "a" | "an"
            | "the"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "this"
            | "that"
            | "these"
            | "those"
    )
}

/// `Dwayne "The Rock" Johnson`: a short quote between two capitalised words.
fn is_nickname(doc: &Document<'_>, q: &Quote, words: usize) -> bool {
    const MAX_NICKNAME_WORDS: usize = 4;
    let Some(close) = &q.close else { return false };
    if words > MAX_NICKNAME_WORDS {
        return false;
    }
    let before = doc.prose[..q.open.start].trim_end();
    let after = doc.prose[close.end..].trim_start();
    let prev_word_capitalized = before
        .rsplit(char::is_whitespace)
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    let next_word_capitalized = after.chars().next().is_some_and(char::is_uppercase);
    prev_word_capitalized && next_word_capitalized && !before.ends_with(['.', ',', ':'])
}

/// Whether `q` opens its paragraph right after a body paragraph that ends
/// with a credited quote (or that quote's credit clause): the reader has just
/// heard the speaker, so a house that credits by discourse gives the
/// paragraph to them. A quote after narration, after a quoted term or
/// partial quote, or later in its paragraph has no speaker in reach.
fn continues_the_speaker(doc: &Document<'_>, q: &Quote, min_words: usize) -> bool {
    let p = &doc.paragraphs[q.paragraph];
    if !doc.prose[p.body.start..q.open.start].trim().is_empty() {
        return false;
    }
    let Some(prev) = doc.paragraphs[..q.paragraph].iter().rfind(|p| p.is_body()) else {
        return false;
    };
    let Some(last) = prev.quotes.clone().last() else {
        return false;
    };
    let (before, credit) = (&doc.quotes[last], &doc.attributions[last]);
    let Some(credit) = credit else { return false };
    // Only the credit may follow the quote: `…," Barkley said.`
    let tail_end = before.range().end.max(credit.cue.end);
    let tail_end = credit
        .speaker
        .as_ref()
        .map_or(tail_end, |s| tail_end.max(s.end));
    let tail = &doc.prose[tail_end..prev.body.end];
    let only_credit = credit.cue.start >= before.range().end
        && words_in(&doc.prose, tail_end..prev.body.end).len() <= MAX_CREDIT_TAIL_WORDS
        && !tail.contains(['"', '“', '”']);
    let after_quote_only = doc.prose[before.range().end..prev.body.end]
        .trim()
        .is_empty();
    (after_quote_only || only_credit) && needs_credit(doc, before, min_words)
}

/// Words after the speaker of a closing credit (`said on Friday in a
/// statement`) that still belong to the credit.
const MAX_CREDIT_TAIL_WORDS: usize = 6;

/// The credited quote in the body paragraph just before `q`'s, if any.
fn previous_credited_quote(doc: &Document<'_>, q: &Quote) -> Option<std::ops::Range<usize>> {
    let prev = doc.paragraphs[..q.paragraph]
        .iter()
        .rposition(|p| p.is_body())?;
    let range = doc.paragraphs[prev].quotes.clone();
    range
        .clone()
        .rev()
        .find(|&i| doc.attributions[i].is_some())
        .map(|i| doc.quotes[i].range())
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_clean, findings, flagged};
    use crate::checks::Check;
    use crate::document::DocKind;

    const C: Check = Check::QuoteUnattributed;

    /// `quote/unattributed` on `text` with the house configuration `toml`.
    fn under(toml: &str, text: &str) -> Vec<String> {
        let config = crate::config::Config::from_toml(toml, "copydesk.toml").unwrap();
        let doc = crate::Session::parse(&config, text, DocKind::Plain);
        let mut caches = crate::checks::Caches::default();
        let cx = crate::checks::Context::new(&doc, &config, &mut caches);
        let mut out = Vec::new();
        super::run(&cx, &mut out);
        out.iter()
            .map(|f| text[f.range.clone()].to_owned())
            .collect()
    }

    const RELAXED: &str = "[quotes]\nnew-paragraph-credit = false\n";
    const NEXT: &str = "\"The court has ignored every witness we called.\"";

    #[test]
    fn a_house_that_credits_by_discourse_gives_the_next_quote_paragraph_to_the_speaker() {
        for first in [
            "\"We will appeal the ruling,\" said Mara Quist, the union's lawyer.",
            "\"We will appeal the ruling,\" Quist said on Friday in a statement.",
            "Quist spoke first. \"We will appeal the ruling,\" she said.",
            "Quist told reporters: \"We will appeal the ruling.\"",
        ] {
            let text = format!("{first}\n{NEXT}\n");
            assert_eq!(flagged(C, &text), [NEXT], "{text}");
            assert!(under(RELAXED, &text).is_empty(), "{text}");
        }
    }

    #[test]
    fn relaxed_a_quote_paragraph_with_no_speaker_in_reach_still_needs_a_credit() {
        for first in [
            // Narration between the credited quote and this one.
            "\"We will appeal the ruling,\" said Mara Quist.\nThe hearing lasted two days.",
            // The paragraph before goes on after its credited quote.
            "\"We will appeal,\" said Mara Quist, before the board met late on Friday to discuss the long list of cuts.",
            // A partial quote or a term is no speaker handing on.
            "Quist said the ruling was \"a travesty.\"",
            "Critics called it a \"show trial\" again, Quist said.",
        ] {
            let text = format!("{first}\n{NEXT}\n");
            assert_eq!(under(RELAXED, &text), [NEXT], "{text}");
        }
        // A quote later in its paragraph, after narration.
        let text = "\"We will appeal the ruling,\" said Mara Quist.\nThe board met. \"The court has ignored every witness we called.\"\n";
        assert_eq!(under(RELAXED, text), [NEXT]);
    }

    #[test]
    fn flags_a_quote_nobody_said() {
        let text = "\"We will not back down.\" The talks resumed on Monday.\n";
        assert_eq!(flagged(C, text), ["\"We will not back down.\""]);
        let f = &findings(C, text)[0];
        assert!(
            f.message.contains("“We will not back down.”"),
            "{}",
            f.message
        );
    }

    #[test]
    fn new_quote_paragraph_after_a_credited_one_is_flagged() {
        let text = "\"We will go now,\" Blinken said.\n\"And we will come back soon.\"\n";
        let f = findings(C, text);
        assert_eq!(f.len(), 1);
        assert_eq!(&text[f[0].range.clone()], "\"And we will come back soon.\"");
        assert_eq!(&text[f[0].related[0].range.clone()], "\"We will go now,\"");
    }

    #[test]
    fn credited_forms_pass() {
        for text in [
            "\"It is over,\" he told reporters.",
            "\"It is over,\" said a spokeswoman for the ministry.",
            "Officials said the deal was \"a very bad one for us.\"",
            "The deal was \"a very bad one for us,\" according to the minister.",
            "\"We go now.\" Those were the words she wrote in a statement on Monday.",
            "\"We share the goal of peace,\" Blinken said. \"But not this way at all.\"",
            "Blinken told reporters: \"We share the goal of peace.\"",
            "Blinken said in a statement:\n\"We share the goal of peace.\"",
            "\"The first part goes on and on.\n\"The second part ends,\" she said.",
            "The minister was quoted as saying \"there is no other way out.\"",
        ] {
            assert_clean(C, text);
        }
    }

    #[test]
    fn terms_titles_and_nicknames_pass() {
        for text in [
            "It was a \"special military operation\" all along.",
            "Critics mocked the \"deep state\" idea.",
            "He read \"The Lord of the Rings\" twice.",
            "Crowds wore \"Make America Great Again\" hats.",
            "Dwayne \"The Rock\" Johnson arrived.",
            "Protesters carried signs reading \"no more war now\" in the square.",
            "The so-called \"peace at any price\" camp grew.",
            "Susan Sarandon, star of “Thelma and Louise,” is not sure.",
            "He praised what he called “comprehensive immigration reform.”",
            "The dam is on the Jinsha, or \"river of golden sand\" as the stretch is known.",
            "NOW OPEN: \"Harbour museum to close its doors for good in March,\" by the Courier's Jane Roe.",
        ] {
            assert_clean(C, text);
        }
    }

    #[test]
    fn a_quote_before_by_is_a_headline_only_with_a_name_after() {
        assert_eq!(
            flagged(
                C,
                "\"We will open the museum again next spring,\" by then the board had gone.\n"
            )
            .len(),
            1
        );
    }

    #[test]
    fn credits_removed_or_cut_are_flagged() {
        // A credit removed between two quotes of one paragraph.
        let text = "\"The harbour will reopen in May.\" \"We are ready for it,\" the mayor said.\n";
        assert_eq!(flagged(C, text), ["\"The harbour will reopen in May.\""]);
        // A colon lead-in whose speaker was cut.
        let text = "In the end it came down to nerve: \"We kept the ball and waited for them.\"\n";
        assert_eq!(findings(C, text).len(), 1);
        // A quote paragraph after narration.
        let text = "The harbour reopens in May.\n\"We are ready for it and so is the town.\"\n";
        assert_eq!(findings(C, text).len(), 1);
    }

    #[test]
    fn an_unclosed_quote_is_left_to_quote_unbalanced() {
        assert_clean(C, "\"We were there under legitimate pretenses, Figueroa told reporters.\nThe march went on.\n");
    }

    #[test]
    fn an_uncredited_chain_is_reported_once() {
        let text = "\"The first part goes on and on.\n\"The second part ends here.\"\n";
        assert_eq!(findings(C, text).len(), 1);
    }

    #[test]
    fn markdown_quotes_are_checked_too() {
        let text = "# Talks\n\n\"We will not back down.\" The talks resumed.\n";
        let f = crate::checks::test_support::findings_in(C, text, DocKind::Markdown);
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn the_british_preset_credits_by_discourse_and_the_wire_presets_do_not() {
        let credited = format!("\"We will appeal the ruling,\" said Mr Hale.\n{NEXT}\n");
        assert!(under("extends = [\"british\"]\n", &credited).is_empty());
        for wire in ["ap", "reuters"] {
            let toml = format!("extends = [\"{wire}\"]\n");
            assert_eq!(under(&toml, &credited), [NEXT], "{wire}");
        }
        let narration = format!(
            "\"We will appeal the ruling,\" said Mr Hale.\nThe hearing lasted two days.\n{NEXT}\n"
        );
        assert_eq!(under("extends = [\"british\"]\n", &narration), [NEXT]);
    }

    const SINGLE: &str = "[quotes]\nmarks = \"single\"\n";

    #[test]
    fn single_marks_are_credited_and_flagged_like_double_marks() {
        for text in [
            "'We will win the vote,' she said.\n",
            "‘We will win the vote,’ Quist told reporters.\n",
            "Quist told reporters: 'We will win the vote.'\n",
            "'He called it \"a farce\" and left,' she said of the minister.\n",
            "Critics called the plan 'a farce' on Monday.\n",
            "The players' union, rock 'n' roll and the '90s were all on the agenda.\n",
        ] {
            assert_clean(C, text);
            assert!(under(SINGLE, text).is_empty(), "{text}");
        }
        let text = "'We will not back down.' The talks resumed on Monday.\n";
        assert_eq!(flagged(C, text), ["'We will not back down.'"]);
        assert_eq!(under(SINGLE, text), ["'We will not back down.'"]);
        // Wire style under single marks: a new quote paragraph needs a credit.
        let text = "'We will win the vote,' she said.\n'The count starts at nine tonight.'\n";
        assert_eq!(flagged(C, text), ["'The count starts at nine tonight.'"]);
        // A house that says double reads single marks as apostrophes.
        assert!(under("[quotes]\nmarks = \"double\"\n", text).is_empty());
    }
}

#[cfg(test)]
mod marks_tests {
    //! The same drafts written with double and with single primary marks give
    //! the same quote and repeat findings.
    use crate::codes::Family;
    use crate::config::Config;
    use crate::document::DocKind;
    use crate::Session;

    /// Drafts written for this test, with `<` `>` for nested quotes; primary
    /// quotes are double (straight or curly) and apostrophes are left as
    /// they are.
    const DRAFTS: [&str; 3] = [
        "LONDON (Reuters) - The council will shut three libraries next year, its leader said on Tuesday.\n\
         \"We have no money left for buildings we don't use,\" council leader Mara Quist told reporters. \"It is a hard choice.\"\n\
         \"We will keep the mobile library running through the winter.\"\n\
         Residents called the plan \"a disgrace\" at a meeting on Monday night.\n\
         “It is the end of an era for the town,” said Pat Doyle, 64, who has used the library since the '70s.\n\
         \"They told us <nothing will change> and now this. We were lied to.\n\
         The players' union and the Joneses' shop at five o'clock were untouched.\n\
         \"We have no money left for buildings we don't use,\" Quist said again later.\n",
        "Rescuers searched the flooded valley for a third day on Sunday.\n\
         The water will keep rising until Tuesday,\" a regional official said.\n\
         “We have never seen rain like this, not even in the '90s,” said farmer Ana Ruiz.\n\
         “Our fields are gone.\n\
         “The cattle are gone too, and rock 'n' roll won't bring them back,” she said.\n\
         At 6 o'clock the army arrived. “Boats first, then food,” a colonel said.\n\
         “We have never seen rain like this, not even in the '90s,” Ruiz said.\n",
        "The club sacked its coach after a fifth straight defeat.\n\
         \"He gave everything he had to this club,\" said chairman Tom Reyes. \"He called it <a project for ten years> and meant it.\"\n\
         Fans' groups said the decision came too late. \"We saw this coming in August,\" one supporter said.\n\
         It came down to patience in the end: \"We ran out of it before the players did.\"\n\
         \"Nobody here is bigger than the club.\" \"Not even me,\" Reyes said.\n",
    ];

    fn doubled(draft: &str) -> String {
        draft.replace(['<', '>'], "'")
    }

    fn singled(draft: &str) -> String {
        draft
            .replace('"', "'")
            .replace('“', "‘")
            .replace('”', "’")
            .replace(['<', '>'], "\"")
    }

    /// Quote and repeat findings as (code, flagged text with every mark
    /// written `|`).
    fn findings(config: &Config, text: &str) -> Vec<(String, String)> {
        let marks = |s: &str| s.replace(['"', '“', '”', '‘', '’', '\''], "|");
        Session::new()
            .check(config, text, DocKind::Plain)
            .into_iter()
            .filter(|f| matches!(f.check().family(), Family::Quote | Family::Repeat))
            .map(|f| (f.check().code().to_owned(), marks(&text[f.range.clone()])))
            .collect()
    }

    #[test]
    fn single_primary_marks_find_what_double_ones_find() {
        let single = Config::from_toml("[quotes]\nmarks = \"single\"\n", "copydesk.toml").unwrap();
        for draft in DRAFTS {
            let (double_text, single_text) = (doubled(draft), singled(draft));
            let expected = findings(&Config::default(), &double_text);
            assert!(expected.len() >= 2, "{expected:?}");
            assert_eq!(
                findings(&Config::default(), &single_text),
                expected,
                "{single_text}"
            );
            assert_eq!(findings(&single, &single_text), expected, "{single_text}");
        }
    }
}
