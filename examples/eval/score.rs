//! Scoring: run copydesk on each clean article and on each of its injected
//! versions, and count.
//!
//! - Clean copy: every core finding is presumed false (published, edited
//!   copy); attributed PolNeAR quotes flagged as unattributed are counted
//!   separately because they are known to be false.
//! - Injected copy: the expected finding is a true positive when present
//!   and a miss when not; any other finding not carried over from the clean
//!   article (through the edit's piece map) is a false positive for its code.
//!   An injection whose target already carried a clean finding of the
//!   expected code is left out: it could not tell a hit from a leftover.

use std::collections::BTreeMap;
use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};

use copydesk::{Check, Config, DocKind, Family, Finding};

use crate::corpus::{Article, Corpus, Split};
use crate::inject::{self, Injection};
use crate::rewrite::overlaps;
use crate::text;

/// Width of the context printed around a case.
const CONTEXT: usize = 200;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// `None` when nothing was reported.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `None` when nothing was injected.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision()?, self.recall()?);
        Some(if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        })
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// One injection kind's outcome.
#[derive(Debug, Clone, Copy, Default)]
pub struct VariantCounts {
    pub injected: usize,
    pub found: usize,
    /// Findings the injection caused other than the expected one.
    pub other: usize,
}

/// Which cases to print for developers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseKind {
    /// A finding on clean copy.
    CleanFp,
    /// A finding an injection caused that was not the expected one.
    InjectedFp,
    /// An injected error copydesk did not report.
    Miss,
}

/// A false positive or miss, rendered for the terminal.
#[derive(Debug, Clone)]
pub struct Case {
    pub kind: CaseKind,
    pub check: Check,
    pub article: String,
    pub split: Split,
    /// For injected cases: the injection (`name/title title-added`).
    pub injection: Option<String>,
    pub lines: Vec<String>,
}

/// What one article contributed.
pub struct ArticleResult {
    pub corpus: Corpus,
    pub split: Split,
    pub clean: Vec<Check>,
    pub gold_quotes: usize,
    pub gold_flagged: usize,
    pub injections: Vec<InjectionResult>,
    pub skipped: usize,
    pub cases: Vec<Case>,
    /// copydesk panicked on the article or one of its injected versions.
    pub panicked: bool,
}

pub struct InjectionResult {
    pub check: Check,
    pub variant: &'static str,
    pub hit: bool,
    /// Codes of the findings the injection caused besides the expected one.
    pub new_findings: Vec<Check>,
}

pub struct Options<'a> {
    pub seed: u64,
    pub cap: usize,
    /// Whether to render cases of this kind and code.
    pub wants: &'a (dyn Fn(CaseKind, Check) -> bool + Sync),
}

fn run_check(text: &str) -> Option<Vec<Finding>> {
    // One session per worker thread, as the CLI keeps one per worker: its
    // word memo makes the thousands of checks here cheap. A panic may leave
    // it half-updated, so it is replaced then.
    thread_local! {
        static SESSION: std::cell::RefCell<copydesk::Session> =
            std::cell::RefCell::new(copydesk::Session::new());
    }
    SESSION.with(|session| {
        let found = panic::catch_unwind(AssertUnwindSafe(|| {
            session
                .borrow_mut()
                .check(&Config::default(), text, DocKind::Plain)
        }));
        if found.is_err() {
            *session.borrow_mut() = copydesk::Session::new();
        }
        found.ok()
    })
}

pub fn evaluate(article: &Article, opts: &Options<'_>) -> ArticleResult {
    let mut result = ArticleResult {
        corpus: article.corpus,
        split: article.split,
        clean: Vec::new(),
        gold_quotes: article.attributed_quotes.len(),
        gold_flagged: 0,
        injections: Vec::new(),
        skipped: 0,
        cases: Vec::new(),
        panicked: false,
    };
    let Some(clean) = run_check(&article.text) else {
        result.panicked = true;
        return result;
    };
    result.clean = clean.iter().map(|f| f.check()).collect();
    result.gold_flagged = article
        .attributed_quotes
        .iter()
        .filter(|q| {
            clean
                .iter()
                .any(|f| f.check() == Check::QuoteUnattributed && overlaps(&f.range, q))
        })
        .count();
    for f in &clean {
        if (opts.wants)(CaseKind::CleanFp, f.check()) {
            result.cases.push(Case {
                kind: CaseKind::CleanFp,
                check: f.check(),
                article: article.id.clone(),
                split: article.split,
                injection: None,
                lines: {
                    let mut lines = describe_finding(&article.text, f);
                    // Which clean findings the gold count holds against us.
                    if f.check() == Check::QuoteUnattributed
                        && article
                            .attributed_quotes
                            .iter()
                            .any(|q| overlaps(&f.range, q))
                    {
                        lines.push("gold: an attributed quote".into());
                    }
                    lines
                },
            });
        }
    }
    for inj in inject::inject_all(article, opts.seed, opts.cap) {
        let carried = Carried::new(&clean, &article.text, &inj);
        if carried.contaminates(&inj) {
            result.skipped += 1;
            continue;
        }
        let Some(found) = run_check(&inj.edited.text) else {
            result.panicked = true;
            continue;
        };
        let (hit, new) = carried.score(&inj, &found);
        let label = format!("{} {}", inj.check.code(), inj.variant);
        if !hit && (opts.wants)(CaseKind::Miss, inj.check) {
            result.cases.push(Case {
                kind: CaseKind::Miss,
                check: inj.check,
                article: article.id.clone(),
                split: article.split,
                injection: Some(label.clone()),
                lines: describe_miss(&article.text, &inj, &new),
            });
        }
        for f in &new {
            if (opts.wants)(CaseKind::InjectedFp, f.check()) {
                result.cases.push(Case {
                    kind: CaseKind::InjectedFp,
                    check: f.check(),
                    article: article.id.clone(),
                    split: article.split,
                    injection: Some(label.clone()),
                    lines: describe_finding(&inj.edited.text, f),
                });
            }
        }
        result.injections.push(InjectionResult {
            check: inj.check,
            variant: inj.variant,
            hit,
            new_findings: new.iter().map(|f| f.check()).collect(),
        });
    }
    result
}

/// The clean article's findings carried over to an injected version. A
/// finding whose text was cut by an insertion covers the inserted text too
/// (its pieces are joined while they stay in order), so a quote that was
/// already flagged still counts as flagged after a sentence went into it.
///
/// A name finding also carries over by what it flags: a pasted paragraph
/// can make the other spelling of a name the rarer one, moving a clean
/// `name/spelling` finding to another mention without any new problem.
struct Carried {
    at: Vec<(Check, Vec<Range<usize>>)>,
    names: Vec<(Check, String)>,
}

impl Carried {
    fn new(clean: &[Finding], clean_text: &str, inj: &Injection) -> Carried {
        let names = clean
            .iter()
            .filter(|f| f.check().family() == Family::Name)
            .map(|f| (f.check(), clean_text[f.range.clone()].to_owned()))
            .collect();
        Carried {
            at: Carried::carry(clean, inj),
            names,
        }
    }

    fn carry(clean: &[Finding], inj: &Injection) -> Vec<(Check, Vec<Range<usize>>)> {
        let carry = |f: &Finding| {
            let pieces = inj.edited.map(&f.range);
            let in_order = pieces.windows(2).all(|w| w[0].end <= w[1].start);
            match (pieces.first(), pieces.last()) {
                (Some(first), Some(last)) if in_order => {
                    let joined = first.start..last.end;
                    vec![joined]
                }
                _ => pieces,
            }
        };
        clean.iter().map(|f| (f.check(), carry(f))).collect()
    }

    fn has_at(&self, check: Check, range: &Range<usize>) -> bool {
        self.at
            .iter()
            .any(|(c, ranges)| *c == check && ranges.iter().any(|r| overlaps(r, range)))
    }

    fn has(&self, f: &Finding, text: &str) -> bool {
        self.has_at(f.check(), &f.range)
            || self
                .names
                .iter()
                .any(|(c, flagged)| *c == f.check() && text[f.range.clone()] == **flagged)
    }

    /// A clean finding of the expected code already sits where the expected
    /// finding must land: a hit could not be told from a leftover.
    fn contaminates(&self, inj: &Injection) -> bool {
        self.has_at(inj.check, &inj.target)
    }

    /// Whether the expected finding is among `found`, and the findings the
    /// injection caused besides it.
    fn score<'f>(&self, inj: &Injection, found: &'f [Finding]) -> (bool, Vec<&'f Finding>) {
        let hit = found.iter().any(|f| inj.is_hit(f));
        let new = found
            .iter()
            .filter(|f| !inj.is_hit(f) && !self.has(f, &inj.edited.text))
            .collect();
        (hit, new)
    }
}

fn describe_finding(text: &str, f: &Finding) -> Vec<String> {
    let mut lines = vec![
        text::context(text, &f.range, CONTEXT),
        format!("message: {}", f.message),
    ];
    for r in &f.related {
        lines.push(format!(
            "related: {} — {}",
            text::context(text, &r.range, 80),
            r.message
        ));
    }
    lines
}

fn describe_miss(clean: &str, inj: &Injection, new: &[&Finding]) -> Vec<String> {
    let mut lines = vec![
        format!("before: {}", text::context(clean, &inj.changed, CONTEXT)),
        format!(
            "after:  {}",
            text::context(&inj.edited.text, &inj.target, CONTEXT)
        ),
    ];
    for f in new {
        lines.push(format!(
            "found instead: {} {} — {}",
            f.check().code(),
            text::context(&inj.edited.text, &f.range, 60),
            f.message
        ));
    }
    lines
}

/// Everything counted for one split.
#[derive(Debug, Default)]
pub struct Tally {
    pub articles: BTreeMap<Corpus, usize>,
    /// Findings on clean copy, by corpus and code.
    pub clean: BTreeMap<(Corpus, Check), usize>,
    pub gold_quotes: usize,
    pub gold_flagged: usize,
    pub injected: BTreeMap<Check, Counts>,
    pub variants: BTreeMap<(Check, &'static str), VariantCounts>,
    pub skipped: usize,
    pub panicked: usize,
}

impl Tally {
    pub fn add(&mut self, r: &ArticleResult) {
        *self.articles.entry(r.corpus).or_default() += 1;
        for &c in &r.clean {
            *self.clean.entry((r.corpus, c)).or_default() += 1;
        }
        self.gold_quotes += r.gold_quotes;
        self.gold_flagged += r.gold_flagged;
        self.skipped += r.skipped;
        self.panicked += usize::from(r.panicked);
        for inj in &r.injections {
            let counts = self.injected.entry(inj.check).or_default();
            if inj.hit {
                counts.tp += 1;
            } else {
                counts.fn_ += 1;
            }
            for &c in &inj.new_findings {
                self.injected.entry(c).or_default().fp += 1;
            }
            let v = self.variants.entry((inj.check, inj.variant)).or_default();
            v.injected += 1;
            v.found += usize::from(inj.hit);
            v.other += inj.new_findings.len();
        }
    }

    pub fn article_count(&self) -> usize {
        self.articles.values().sum()
    }

    pub fn counts(&self, check: Check) -> Counts {
        self.injected.get(&check).copied().unwrap_or_default()
    }

    pub fn family_counts(&self, family: copydesk::Family) -> Counts {
        let mut total = Counts::default();
        for c in Check::ALL.iter().filter(|c| c.family() == family) {
            total.add(self.counts(*c));
        }
        total
    }

    /// Clean-copy findings of `check` (all corpora when `corpus` is None).
    pub fn clean_findings(&self, corpus: Option<Corpus>, check: Check) -> usize {
        self.clean
            .iter()
            .filter(|((co, c), _)| *c == check && corpus.is_none_or(|want| want == *co))
            .map(|(_, n)| n)
            .sum()
    }

    pub fn articles_in(&self, corpus: Option<Corpus>) -> usize {
        match corpus {
            Some(c) => self.articles.get(&c).copied().unwrap_or(0),
            None => self.article_count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rewrite::{splice, Splice};

    fn finding(check: Check, range: Range<usize>) -> Finding {
        Finding::new(check, range, "m")
    }

    /// "A. B. C." with "X. " inserted before "C.", expecting a
    /// repeat/paragraph finding on the insertion.
    fn injection() -> Injection {
        let (edited, landed) = splice("A. B. C.", &[Splice::new(6..6, "X. ")]);
        Injection {
            check: Check::RepeatParagraph,
            variant: "exact",
            target: landed[0].start..landed[0].end - 1,
            changed: 0..2,
            edited,
        }
    }

    #[test]
    fn clean_findings_carry_over_and_only_new_ones_count() {
        let inj = injection();
        assert_eq!(inj.edited.text, "A. B. X. C.");
        // A clean finding on "C." moved by three bytes.
        let clean = [finding(Check::NameSpelling, 6..8)];
        let carried = Carried::new(&clean, "A. B. C.", &inj);
        assert!(!carried.contaminates(&inj));
        let found = [
            finding(Check::NameSpelling, 9..11),   // carried over
            finding(Check::RepeatParagraph, 6..8), // the expected one
            finding(Check::RepeatQuote, 6..8),     // caused, but not expected
            finding(Check::RepeatParagraph, 0..2), // expected code, wrong place
        ];
        let (hit, new) = carried.score(&inj, &found);
        assert!(hit);
        let new: Vec<_> = new.iter().map(|f| (f.check(), f.range.clone())).collect();
        assert_eq!(
            new,
            [(Check::RepeatQuote, 6..8), (Check::RepeatParagraph, 0..2)]
        );
    }

    #[test]
    fn a_miss_and_a_contaminated_target() {
        let inj = injection();
        let (hit, new) = Carried::new(&[], "A. B. C.", &inj).score(&inj, &[]);
        assert!(!hit && new.is_empty());
        // A repeated paragraph must start in the pasted one, not just touch it.
        let late = [finding(Check::RepeatParagraph, 4..8)];
        assert!(!Carried::new(&[], "A. B. C.", &inj).score(&inj, &late).0);
        // A clean finding of the expected code spanning the insertion point.
        let clean = [finding(Check::RepeatParagraph, 3..8)];
        assert!(Carried::new(&clean, "A. B. C.", &inj).contaminates(&inj));
    }

    #[test]
    fn a_name_finding_that_moved_to_another_mention_is_carried() {
        let clean_text = "Al. Bo. Al.";
        let (edited, landed) = splice(clean_text, &[Splice::new(4..4, "X. ")]);
        let inj = Injection {
            check: Check::RepeatParagraph,
            variant: "exact",
            target: landed[0].clone(),
            changed: 0..0,
            edited,
        };
        assert_eq!(inj.edited.text, "Al. X. Bo. Al.");
        // Clean: the second "Al" flagged; injected: the first one.
        let clean = [finding(Check::NameSpelling, 8..10)];
        let carried = Carried::new(&clean, clean_text, &inj);
        let moved = [finding(Check::NameSpelling, 0..2)];
        assert!(carried.score(&inj, &moved).1.is_empty());
        let other = [finding(Check::NameSpelling, 7..9)];
        assert_eq!(carried.score(&inj, &other).1.len(), 1, "Bo is not Al");
        // Only names carry by text: a quote finding elsewhere is new.
        let clean = [finding(Check::RepeatQuote, 8..10)];
        let carried = Carried::new(&clean, clean_text, &inj);
        let moved = [finding(Check::RepeatQuote, 0..2)];
        assert_eq!(carried.score(&inj, &moved).1.len(), 1);
    }

    #[test]
    fn counts_give_precision_recall_f1() {
        let c = Counts {
            tp: 9,
            fp: 1,
            fn_: 3,
        };
        assert_eq!(c.precision(), Some(0.9));
        assert_eq!(c.recall(), Some(0.75));
        let f1 = c.f1().unwrap();
        assert!((f1 - 2.0 * 0.9 * 0.75 / 1.65).abs() < 1e-12);
        assert_eq!(Counts::default().precision(), None);
        assert_eq!(
            Counts {
                tp: 0,
                fp: 0,
                fn_: 2
            }
            .recall(),
            Some(0.0)
        );
    }
}
