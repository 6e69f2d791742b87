//! The core checks and the one table that registers them.
//!
//! Every check is one file in this folder: its documentation ([`CheckDocs`]),
//! its logic (`run`) and its unit tests. [`REGISTRY`] maps the [`Check`] enum
//! to each check's docs and logic; its code, family and default severity are
//! in the bottom layer's table ([`crate::codes::CHECKS`]), so a code is
//! spelled in exactly one place.

use std::cell::{OnceCell, RefCell, RefMut};

use crate::codes::{CheckMeta, Code};
use crate::config::Config;
use crate::document::Document;
use crate::finding::Finding;

mod name_first_reference;
mod name_spelling;
mod name_title;
mod quote_attribution;
mod quote_balance;
pub(crate) mod repeat_paragraph;
pub(crate) mod repeat_quote;
mod suppression_unknown_code;

pub use crate::cache::CacheStats;
pub use crate::codes::{Check, CheckDocs, Family, RULES_DOCS_URL};

type RunFn = fn(&Context<'_>, &mut Vec<Finding>);

/// One registry row: a check's docs and logic.
pub struct CheckInfo {
    pub check: Check,
    pub docs: &'static CheckDocs,
    run: RunFn,
}

impl CheckInfo {
    /// The check's code, family and default severity.
    pub fn meta(&self) -> &'static CheckMeta {
        self.check.meta()
    }

    /// The stable code, e.g. `quote/unattributed`.
    pub fn code(&self) -> &'static str {
        self.check.code()
    }
}

impl std::fmt::Debug for CheckInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckInfo")
            .field("code", &self.code())
            .finish()
    }
}

/// The registry row of `check`.
pub fn info(check: Check) -> &'static CheckInfo {
    &REGISTRY[check as usize]
}

/// The one table of core checks, in [`Check`] order.
pub static REGISTRY: [CheckInfo; 9] = [
    CheckInfo {
        check: Check::QuoteUnattributed,
        docs: &quote_attribution::DOCS,
        run: quote_attribution::run,
    },
    CheckInfo {
        check: Check::QuoteUnbalanced,
        docs: &quote_balance::DOCS,
        run: quote_balance::run,
    },
    CheckInfo {
        check: Check::NameSpelling,
        docs: &name_spelling::DOCS,
        run: name_spelling::run,
    },
    CheckInfo {
        check: Check::NameTitle,
        docs: &name_title::DOCS,
        run: name_title::run,
    },
    CheckInfo {
        check: Check::NameFirstReference,
        docs: &name_first_reference::DOCS,
        run: name_first_reference::run,
    },
    CheckInfo {
        check: Check::RepeatParagraph,
        docs: &repeat_paragraph::DOCS,
        run: repeat_paragraph::run,
    },
    CheckInfo {
        check: Check::RepeatQuote,
        docs: &repeat_quote::DOCS,
        run: repeat_quote::run,
    },
    CheckInfo {
        check: Check::HouseRule,
        docs: &crate::style::DOCS,
        run: house_rules,
    },
    CheckInfo {
        check: Check::SuppressionUnknownCode,
        docs: &suppression_unknown_code::DOCS,
        run: suppression_unknown_code::run,
    },
];

/// The registry's `run` for [`Check::HouseRule`]: every house rule that is
/// on.
fn house_rules(cx: &Context<'_>, out: &mut Vec<Finding>) {
    crate::style::run(cx.doc, &cx.config.rules, &cx.config.people, out);
}

/// What the checks remember from one run to the next: per-unit work keyed
/// by the unit's text, owned by a [`crate::Session`] and lent to each run
/// through [`Context`].
///
/// Everything here depends on the text alone, never on the configuration,
/// so one set of caches serves any configuration. Each run starts a new
/// generation (see `cache.rs`): memory stays bounded by the size of the
/// last two drafts, plus the word memo's own bound.
#[derive(Default)]
pub struct Caches {
    paragraphs: repeat_paragraph::Cache,
    quotes: repeat_quote::Cache,
}

/// How the caches of a [`Caches`] have been used.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CachesStats {
    /// `repeat/paragraph`'s term bags of paragraphs and sentences.
    pub term_bags: CacheStats,
    /// Words in `repeat/paragraph`'s word → term memo.
    pub words: usize,
    /// `repeat/quote`'s sentence shapes of each quote.
    pub quote_shapes: CacheStats,
}

impl Caches {
    /// Start a run over a draft of `bytes`: a new generation in every
    /// cache.
    fn start_run(&mut self, bytes: usize) {
        self.paragraphs.start_run(bytes);
        self.quotes.start_run();
    }

    /// End the run over `doc`: what it cached is kept for the next run.
    fn finish_run(&mut self, doc: &Document<'_>) {
        self.paragraphs.finish_run(doc);
    }

    pub fn stats(&self) -> CachesStats {
        CachesStats {
            term_bags: self.paragraphs.bag_stats(),
            words: self.paragraphs.words(),
            quote_shapes: self.quotes.stats(),
        }
    }
}

impl std::fmt::Debug for Caches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Caches").field(&self.stats()).finish()
    }
}

/// What every check sees: the parsed draft, the configuration, the
/// session's caches, and analyses shared between checks, computed at most
/// once per run.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub config: &'a Config,
    /// One cell per check's cache, so a check holding its own can still ask
    /// for [`Context::quote_repeats`].
    paragraph_cache: RefCell<&'a mut repeat_paragraph::Cache>,
    quote_cache: RefCell<&'a mut repeat_quote::Cache>,
    quote_repeats: OnceCell<Vec<repeat_quote::QuoteRepeat>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document<'a>, config: &'a Config, caches: &'a mut Caches) -> Context<'a> {
        let Caches { paragraphs, quotes } = caches;
        Context {
            doc,
            config,
            paragraph_cache: RefCell::new(paragraphs),
            quote_cache: RefCell::new(quotes),
            quote_repeats: OnceCell::new(),
        }
    }

    /// Quotes that repeat an earlier quote; `repeat/paragraph` needs them so
    /// one repetition gives one finding.
    pub(crate) fn quote_repeats(&self) -> &[repeat_quote::QuoteRepeat] {
        self.quote_repeats.get_or_init(|| {
            repeat_quote::find(&mut self.quote_cache.borrow_mut(), self.doc, self.config)
        })
    }

    /// `repeat/paragraph`'s cache.
    pub(crate) fn paragraph_cache(&self) -> RefMut<'_, &'a mut repeat_paragraph::Cache> {
        self.paragraph_cache.borrow_mut()
    }
}

/// Run every enabled check over a parsed draft, as one run of `caches`.
/// Findings come back at the severity the configuration gives, sorted by
/// position then code.
pub fn run_all(doc: &Document<'_>, config: &Config, caches: &mut Caches) -> Vec<Finding> {
    caches.start_run(doc.text.len());
    let mut findings = Vec::new();
    let cx = Context::new(doc, config, caches);
    for info in &REGISTRY {
        let Some(severity) = config.severity(info.check) else {
            continue;
        };
        let start = findings.len();
        (info.run)(&cx, &mut findings);
        for finding in &mut findings[start..] {
            debug_assert_eq!(finding.check(), info.check);
            // A house rule carries its own severity from the configuration.
            if let Code::Check(_) = finding.code {
                finding.severity = severity;
            }
        }
    }
    drop(cx);
    // After the checks have freed what they built, so the copy of the text
    // that the caches keep does not add to the peak.
    caches.finish_run(doc);
    if let Some(severity) = config.severity(Check::NameSpelling) {
        crate::style::known_people::run(doc, &config.people, severity, &mut findings);
    }
    crate::suppress::apply(doc, config, &mut findings);
    findings.sort_by(|a, b| {
        (a.range.start, a.range.end, &a.code).cmp(&(b.range.start, b.range.end, &b.code))
    });
    findings
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers for the unit tests beside each check.
    use super::*;
    use crate::document::DocKind;

    /// Findings of one check on a plain-text draft.
    #[track_caller]
    pub fn findings(check: Check, text: &str) -> Vec<Finding> {
        findings_in(check, text, DocKind::Plain)
    }

    #[track_caller]
    pub fn findings_in(check: Check, text: &str, kind: DocKind) -> Vec<Finding> {
        let doc = Document::parse(text, kind);
        let config = Config::default();
        let mut caches = Caches::default();
        let cx = Context::new(&doc, &config, &mut caches);
        let mut out = Vec::new();
        (info(check).run)(&cx, &mut out);
        out
    }

    /// The flagged text of each finding of `check`.
    #[track_caller]
    pub fn flagged(check: Check, text: &str) -> Vec<String> {
        findings(check, text)
            .iter()
            .map(|f| text[f.range.clone()].to_owned())
            .collect()
    }

    /// Assert `check` reports nothing on `text`.
    #[track_caller]
    pub fn assert_clean(check: Check, text: &str) {
        let found = flagged(check, text);
        assert!(
            found.is_empty(),
            "expected no {check} finding, got {found:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_order_matches_enum() {
        for (i, info) in REGISTRY.iter().enumerate() {
            assert_eq!(info.check as usize, i, "{}", info.code());
            assert_eq!(Check::ALL[i], info.check);
            assert_eq!(info.meta().check, info.check);
        }
    }
}
