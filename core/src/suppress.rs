//! Suppression: the draft, or the house, says a finding is not wanted.
//!
//! In Markdown, HTML comments (which are not prose) carry directives:
//!
//! ```markdown
//! <!-- copydesk-disable-next-line quote/unattributed -->
//! "A quote the desk has cleared."
//!
//! <!-- copydesk-disable repeat style/us-with-stops -->
//! …
//! <!-- copydesk-enable -->
//! ```
//!
//! `disable-next-line` silences the next non-blank line; `disable` silences
//! until an `enable` naming the same code (a bare `enable` ends every
//! `disable`), or to the end of the draft. A directive names codes
//! (`quote/unattributed`), whole families (`quote`, `style`) or house rules
//! (`style/NAME`), separated by spaces or commas; with none it silences
//! everything. A code nobody knows silences nothing and is reported as
//! `suppression/unknown-code` (by that check, with a did-you-mean), so a
//! typo never hides what it meant to.
//!
//! Plain text has no comments; for it (and for Markdown too) the
//! configuration's `[ignore]` table lists phrases per code: a finding of
//! that code that overlaps a use of the phrase is dropped.
//!
//! Directives are read from the raw text, as the text model blanks HTML
//! comments out of the prose; a directive-like string inside a code block
//! is read too, which is harmless since it only names codes.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

pub use crate::codes::Selector;
use crate::config::Config;
use crate::document::{DocKind, Document};
use crate::finding::Finding;
use crate::style::Rule;

/// Which comment it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    DisableNextLine,
    Disable,
    Enable,
}

/// One `<!-- copydesk-… -->` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// The whole comment.
    pub range: Range<usize>,
    /// The codes as written, with their ranges; empty for "everything".
    pub codes: Vec<Range<usize>>,
}

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"<!--[ \t]*copydesk-(disable-next-line|disable|enable)\b((?:[^-]|-[^-]|--[^>])*?)-->",
    )
    .expect("directive pattern")
});

/// The suppression comments of a Markdown draft (none in plain text).
pub fn directives(doc: &Document<'_>) -> Vec<Directive> {
    // Most drafts have no comment at all; they need not compile the pattern.
    if doc.kind != DocKind::Markdown || !doc.text.contains("<!--") {
        return Vec::new();
    }
    DIRECTIVE
        .captures_iter(doc.text)
        .map(|caps| {
            let kind = match &caps[1] {
                "disable-next-line" => DirectiveKind::DisableNextLine,
                "disable" => DirectiveKind::Disable,
                _ => DirectiveKind::Enable,
            };
            let list = caps.get(2).expect("group 2");
            let codes = list
                .as_str()
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|code| !code.is_empty())
                .map(|code| {
                    let at =
                        list.start() + (code.as_ptr() as usize - list.as_str().as_ptr() as usize);
                    at..at + code.len()
                })
                .collect();
            Directive {
                kind,
                range: caps.get(0).expect("group 0").range(),
                codes,
            }
        })
        .collect()
}

/// A silenced stretch of the draft: findings starting in `range` whose
/// code `selector` matches (all, when `None`) are dropped.
#[derive(Debug)]
struct Silence {
    selector: Option<Selector>,
    range: Range<usize>,
}

/// The selectors a directive names; unknown codes select nothing.
fn selectors(doc: &Document<'_>, rules: &[Rule], directive: &Directive) -> Option<Vec<Selector>> {
    if directive.codes.is_empty() {
        return None;
    }
    Some(
        directive
            .codes
            .iter()
            .filter_map(|code| {
                Selector::parse(&doc.text[code.clone()], rules.iter().map(|r| &r.code))
            })
            .collect(),
    )
}

/// The line after `offset`'s line that has something on it.
fn next_line(text: &str, offset: usize) -> Range<usize> {
    let mut start = match text[offset..].find('\n') {
        Some(i) => offset + i + 1,
        None => return text.len()..text.len(),
    };
    loop {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if !text[start..end].trim().is_empty() || end == text.len() {
            return start..end;
        }
        start = end + 1;
    }
}

fn silences(doc: &Document<'_>, rules: &[Rule]) -> Vec<Silence> {
    let mut out = Vec::new();
    // Open `disable` regions: what they select and where they start.
    let mut open: Vec<(Option<Selector>, usize)> = Vec::new();
    for directive in directives(doc) {
        let selected = selectors(doc, rules, &directive);
        match directive.kind {
            DirectiveKind::DisableNextLine => {
                let line = next_line(doc.text, directive.range.end);
                match selected {
                    None => out.push(Silence {
                        selector: None,
                        range: line,
                    }),
                    Some(selectors) => out.extend(selectors.into_iter().map(|s| Silence {
                        selector: Some(s),
                        range: line.clone(),
                    })),
                }
            }
            DirectiveKind::Disable => match selected {
                None => open.push((None, directive.range.end)),
                Some(selectors) => open.extend(
                    selectors
                        .into_iter()
                        .map(|s| (Some(s), directive.range.end)),
                ),
            },
            DirectiveKind::Enable => {
                let closes = |selector: &Option<Selector>| match (&selected, selector) {
                    (None, _) => true,
                    (Some(named), Some(s)) => named.contains(s),
                    (Some(_), None) => false,
                };
                let (closed, still): (Vec<_>, Vec<_>) =
                    open.into_iter().partition(|(s, _)| closes(s));
                open = still;
                out.extend(closed.into_iter().map(|(selector, start)| Silence {
                    selector,
                    range: start..directive.range.start,
                }));
            }
        }
    }
    out.extend(open.into_iter().map(|(selector, start)| Silence {
        selector,
        range: start..doc.text.len(),
    }));
    out
}

/// Drop the findings the draft's directives or the configuration's
/// `[ignore]` phrases silence.
pub(crate) fn apply(doc: &Document<'_>, config: &Config, findings: &mut Vec<Finding>) {
    let silences = silences(doc, &config.rules);
    let ignored: Vec<(&Selector, Range<usize>)> = config
        .ignore
        .iter()
        .flat_map(|ignore| {
            ignore.phrases.iter().flat_map(move |phrase| {
                doc.text
                    .match_indices(phrase.as_str())
                    .map(move |(at, _)| (&ignore.selector, at..at + phrase.len()))
            })
        })
        .collect();
    if silences.is_empty() && ignored.is_empty() {
        return;
    }
    findings.retain(|finding| {
        let silenced = silences.iter().any(|s| {
            s.range.contains(&finding.range.start)
                && s.selector
                    .as_ref()
                    .is_none_or(|sel| sel.matches(&finding.code))
        });
        let ignored = ignored.iter().any(|(selector, phrase)| {
            selector.matches(&finding.code)
                && phrase.start < finding.range.end.max(finding.range.start + 1)
                && finding.range.start < phrase.end
        });
        !(silenced || ignored)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check;

    const UNATTRIBUTED: &str = "\"This budget keeps every library in the district open.\"";

    fn codes(text: &str, kind: DocKind, config: &Config) -> Vec<(usize, String)> {
        let index = crate::line_index::LineIndex::new(text);
        check(text, kind, config)
            .iter()
            .map(|f| {
                (
                    index.line_col(f.range.start).line,
                    f.code.as_str().to_owned(),
                )
            })
            .collect()
    }

    fn md(lines: &[&str]) -> String {
        lines.iter().map(|l| format!("{l}\n")).collect()
    }

    #[test]
    fn disable_next_line_silences_only_the_next_line_and_code() {
        let text = md(&[
            "<!-- copydesk-disable-next-line quote/unattributed -->",
            UNATTRIBUTED,
            "",
            UNATTRIBUTED,
            "<!-- copydesk-disable-next-line repeat/quote -->",
            "",
            UNATTRIBUTED,
        ]);
        let config = Config::default();
        let found = codes(&text, DocKind::Markdown, &config);
        assert!(
            !found.contains(&(2, "quote/unattributed".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&(4, "quote/unattributed".into())),
            "{found:?}"
        );
        // The blank line is skipped: line 7 is the next line, but only
        // repeat/quote is silenced there.
        assert!(
            found.contains(&(7, "quote/unattributed".into())),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|(l, c)| *l == 7 && c == "repeat/quote"),
            "{found:?}"
        );
    }

    #[test]
    fn disable_until_enable_by_code_family_or_all() {
        let text = md(&[
            "<!-- copydesk-disable quote -->",
            UNATTRIBUTED,
            "<!-- copydesk-enable quote -->",
            "\"Another quote that nobody is credited with saying here.\"",
            "<!-- copydesk-disable -->",
            "\"A third quote that nobody is credited with saying here.\"",
        ]);
        let found = codes(&text, DocKind::Markdown, &Config::default());
        assert_eq!(found, [(4, "quote/unattributed".to_owned())]);
    }

    #[test]
    fn an_unknown_code_is_reported_and_silences_nothing() {
        let text = md(&[
            "<!-- copydesk-disable-next-line quote/unatributed, repeat -->",
            UNATTRIBUTED,
        ]);
        let found = check(&text, DocKind::Markdown, &Config::default());
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (f.code.as_str(), &text[f.range.clone()]))
            .collect();
        assert_eq!(
            got,
            [
                ("suppression/unknown-code", "quote/unatributed"),
                ("quote/unattributed", UNATTRIBUTED),
            ]
        );
        assert_eq!(
            found[0].message,
            "unknown code `quote/unatributed` in a suppression; did you mean `quote/unattributed`?"
        );
    }

    #[test]
    fn plain_text_has_no_directives_but_ignored_phrases() {
        let text = format!("<!-- copydesk-disable -->\n{UNATTRIBUTED}\n");
        assert_eq!(
            codes(&text, DocKind::Plain, &Config::default()),
            [(2, "quote/unattributed".to_owned())]
        );
        let config = crate::style::test_support::config(
            "[ignore]\n\"quote/unattributed\" = [\"every library in the district\"]\n",
        );
        assert_eq!(codes(&text, DocKind::Plain, &config), []);
        let config = crate::style::test_support::config(
            "[ignore]\n\"repeat/quote\" = [\"every library in the district\"]\n",
        );
        assert_eq!(codes(&text, DocKind::Plain, &config).len(), 1);
    }

    #[test]
    fn house_rules_are_silenced_by_their_code() {
        let config = crate::style::test_support::config(
            "[substitution.us-with-stops]\nswap = { US = \"U.S.\" }\n",
        );
        let text = md(&[
            "US aid arrived.",
            "",
            "<!-- copydesk-disable-next-line style/us-with-stops -->",
            "US aid left.",
            "",
            "<!-- copydesk-disable-next-line style -->",
            "US aid returned.",
        ]);
        assert_eq!(
            codes(&text, DocKind::Markdown, &config),
            [(1, "style/us-with-stops".to_owned())]
        );
    }
}
