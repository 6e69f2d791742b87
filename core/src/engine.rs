//! One way to analyse a draft: a [`Session`] gives the parsed [`Document`]
//! and its findings under a resolved configuration, and owns what the checks
//! remember from one analysis to the next.
//!
//! Everything that reads a draft — the command line, diagnostics, and the
//! language server's hovers, inlay hints and symbols — goes through
//! [`Session::analyse`], so they cannot disagree about the same text (a
//! house speech verb that credits a quote for the diagnostics credits it for
//! the hover too).
//!
//! Who owns the caches. The checks' caches ([`Caches`]: `repeat/paragraph`'s
//! word → term memo and term bags, `repeat/quote`'s quote shapes) live in
//! the session, not in the thread that happens to run the check, and reach
//! the checks through [`crate::checks::Context`]. The caller decides how long
//! they live: the language server keeps one session per open document (its
//! keystrokes re-check mostly unchanged paragraphs), the command line one per
//! worker thread (a folder of drafts shares its words), and [`crate::check`]
//! a fresh one per call. A session is `Send`, so it can move to whichever
//! thread analyses next, but not shared: analysing needs `&mut`.
//!
//! Why the configuration is an argument, not part of the session. The
//! caches hold what a text is made of (its words' stems, its quotes'
//! sentences); no setting changes that. So one session serves any
//! configuration: a command-line worker crosses folders with different
//! `copydesk.toml`s, and a document's house style can be reloaded, without
//! throwing the caches away or cloning a configuration per call.

use crate::checks::{self, Caches, CachesStats};
use crate::config::Config;
use crate::document::{DocKind, Document, House, ParseCache};
use crate::finding::Finding;

/// The analyses of a sequence of drafts (or versions of one draft), with
/// the caches they share.
#[derive(Debug, Default)]
pub struct Session {
    caches: Caches,
    /// Each paragraph's parse, for a session that sees versions of one
    /// draft ([`Session::incremental`]).
    parse: Option<ParseCache>,
    analyses: u64,
}

/// A draft parsed and checked.
#[derive(Debug)]
pub struct Analysis<'a> {
    pub doc: Document<'a>,
    /// Sorted by position, then code; at the configured severities.
    pub findings: Vec<Finding>,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// A session for the successive versions of one draft, as an editor
    /// sends them: it also keeps what each paragraph's parse found, so an
    /// edit re-parses only the paragraphs it changed
    /// ([`Document::parse_reusing`]). The findings are the same as a new
    /// session's; a session that crosses unrelated drafts (the command
    /// line's) gains nothing from it and is better without.
    pub fn incremental() -> Session {
        Session {
            parse: Some(ParseCache::default()),
            ..Session::default()
        }
    }

    /// The text model of `text`, with the house's lexicons (no checks run,
    /// no caches used).
    pub fn parse<'a>(config: &Config, text: &'a str, kind: DocKind) -> Document<'a> {
        Document::parse_house(text, kind, &Session::house(config))
    }

    fn house(config: &Config) -> House<'_> {
        House {
            speech_verbs: &config.speech_verbs,
            titles: &config.titles,
            datelines: config
                .rules
                .iter()
                .filter_map(|rule| match &rule.kind {
                    crate::style::RuleKind::Dateline(dateline) => Some(&dateline.pattern),
                    _ => None,
                })
                .collect(),
            marks: config.quote_marks,
        }
    }

    /// Parse `text` and run every enabled check of `config` on it.
    pub fn analyse<'a>(&mut self, config: &Config, text: &'a str, kind: DocKind) -> Analysis<'a> {
        self.analyses += 1;
        let doc = match &mut self.parse {
            Some(cache) => Document::parse_reusing(text, kind, &Session::house(config), cache),
            None => Session::parse(config, text, kind),
        };
        let findings = checks::run_all(&doc, config, &mut self.caches);
        Analysis { doc, findings }
    }

    /// The findings of `text`.
    pub fn check(&mut self, config: &Config, text: &str, kind: DocKind) -> Vec<Finding> {
        self.analyse(config, text, kind).findings
    }

    /// Analyses so far.
    pub fn analyses(&self) -> u64 {
        self.analyses
    }

    /// How the caches have been used.
    pub fn cache_stats(&self) -> CachesStats {
        self.caches.stats()
    }

    /// How the paragraph parse cache has been used (`None` unless the
    /// session is [incremental](Session::incremental)).
    pub fn parse_stats(&self) -> Option<crate::checks::CacheStats> {
        self.parse.as_ref().map(ParseCache::stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Check;

    const SEED: &str = include_str!("../../seeds/blinken-rafah.txt");

    #[test]
    fn house_speech_verbs_credit_quotes_in_the_parse_and_the_findings() {
        let text = "\"We will rebuild every school in the district,\" the mayor burbled.\n";
        let mut config = Config::default();
        let unattributed = |findings: &[Finding]| {
            findings
                .iter()
                .any(|f| f.check() == Check::QuoteUnattributed)
        };
        let mut session = Session::new();
        let plain = session.analyse(&config, text, DocKind::Plain);
        assert!(unattributed(&plain.findings));
        assert!(plain.doc.attributions.iter().all(|a| a.is_none()));

        config.speech_verbs.push("burbled".into());
        let house = session.analyse(&config, text, DocKind::Plain);
        assert!(!unattributed(&house.findings), "{:?}", house.findings);
        assert!(house.doc.attributions.iter().any(|a| a.is_some()));
    }

    #[test]
    fn a_second_analysis_of_the_same_text_is_answered_from_the_caches() {
        let config = Config::default();
        let mut session = Session::new();
        let first = session.check(&config, SEED, DocKind::Plain);
        let cold = session.cache_stats();
        assert_eq!(cold.term_bags.hits, 0);
        assert!(cold.term_bags.misses > 10, "{cold:?}");
        assert!(cold.quote_shapes.misses > 5, "{cold:?}");
        assert!(cold.words > 100, "{cold:?}");

        let second = session.check(&config, SEED, DocKind::Plain);
        assert_eq!(first, second);
        let warm = session.cache_stats();
        assert_eq!(warm.term_bags.misses, cold.term_bags.misses);
        assert_eq!(warm.term_bags.hits, cold.term_bags.misses);
        assert_eq!(warm.quote_shapes.misses, cold.quote_shapes.misses);
        assert_eq!(warm.quote_shapes.hits, cold.quote_shapes.misses);
        assert_eq!(warm.words, cold.words);
        assert_eq!(session.analyses(), 2);
    }

    #[test]
    fn an_edit_recomputes_only_the_paragraph_it_touched() {
        let config = Config::default();
        let mut session = Session::new();
        let fresh = |text: &str| Session::new().check(&config, text, DocKind::Plain);
        session.check(&config, SEED, DocKind::Plain);
        let before = session.cache_stats();
        // One character less in the last paragraph but one.
        let edited = SEED.replacen("some hard issues", "some hard issue", 1);
        assert_ne!(edited, SEED);
        let findings = session.check(&config, &edited, DocKind::Plain);
        assert_eq!(findings, fresh(&edited));
        let after = session.cache_stats();
        let missed = after.term_bags.misses - before.term_bags.misses;
        assert!((1..=3).contains(&missed), "{before:?} → {after:?}");
        // What the edit left unused is dropped one run later, so the caches
        // hold what the last two drafts need and no more.
        session.check(&config, &edited, DocKind::Plain);
        session.check(&config, &edited, DocKind::Plain);
        assert_eq!(
            session.cache_stats().term_bags.entries,
            before.term_bags.entries
        );
    }

    /// Issue 13's soak: each keystroke inside a word makes a new word, and
    /// a memo that kept them all grew the server without end.
    #[test]
    fn typing_debris_does_not_grow_the_word_memo_without_bound() {
        let config = Config::default();
        let mut session = Session::new();
        let mut most = 0;
        for i in 0..17_000u32 {
            // A paragraph with one made-up word, different every time.
            let text = format!("The minister said zq{i:x}x on Friday.\n");
            let findings = session.check(&config, &text, DocKind::Plain);
            if i % 4_999 == 0 {
                assert_eq!(
                    findings,
                    Session::new().check(&config, &text, DocKind::Plain)
                );
            }
            most = most.max(session.cache_stats().words);
        }
        assert!(most > 16 * 1024, "the memo filled up first: {most}");
        assert!(most <= 16 * 1024 + 1, "{most} words remembered");
    }

    /// The language server's session: after every keystroke, the same
    /// findings as a fresh session's full check of the same text.
    #[test]
    fn an_incremental_session_finds_what_a_fresh_one_does_after_every_edit() {
        let config = Config::default();
        let mut session = Session::incremental();
        let mut text = SEED.to_owned();
        let fresh = |text: &str| Session::new().check(&config, text, DocKind::Plain);
        assert_eq!(session.check(&config, &text, DocKind::Plain), fresh(&text));
        // Type a sentence with a quote and a name into the middle of a
        // paragraph, split the paragraph, then take it all back.
        let at = text.find("some hard issues").expect("in the seed");
        let typed = "\"It is over,\" Antony Blinken said.\n\"We go on. ";
        for (k, c) in typed.char_indices() {
            text.insert(at + k, c);
            assert_eq!(session.check(&config, &text, DocKind::Plain), fresh(&text));
        }
        for _ in typed.chars() {
            let c = text[at..].chars().next().expect("typed text");
            text.replace_range(at..at + c.len_utf8(), "");
            assert_eq!(session.check(&config, &text, DocKind::Plain), fresh(&text));
        }
        assert_eq!(text, SEED);
        let stats = session.parse_stats().expect("incremental");
        // Each keystroke parses and scans the paragraph typed in (two
        // misses; four after a line break) and reuses the other 15.
        assert!(stats.hits > 5 * stats.misses, "{stats:?}");
    }

    #[test]
    fn a_session_is_send() {
        fn send<T: Send>() {}
        send::<Session>();
    }
}
