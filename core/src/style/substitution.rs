//! Substitution: the house writes this, not that (`US` → `U.S.`,
//! `said on Friday` → `said Friday`).
//!
//! ```toml
//! [substitution.us-with-stops]
//! swap = { "US" = "U.S.", "UN" = "U.N." }
//! skip-headings = true
//! ```
//!
//! Flags every whole-word match of a key and offers a safe fix to the
//! house form: the house has decided the form, so rewriting it never
//! changes what the story says. Keys are literal, matching whole words,
//! unless `regex = true` (then the pattern says where a match may start and
//! end, with `\b` or otherwise, and `$1` in the value refers to a group);
//! `ignore-case = true` matches
//! any case and keeps the case of what it replaces (`Jeopardise` →
//! `Jeopardize`). A regex key may name groups `before` and `after` for
//! context it must match but that is not part of the finding (the regex
//! crate has no look-around): `(said) (Friday)(?P<after>[^'\w]|$)` flags
//! and replaces `said Friday` only. Where two keys match overlapping text,
//! the earlier and then longer match wins.

use std::ops::Range;

use regex::Regex;

use super::table::{compile, rule_table};
use super::{in_quote, match_case, paragraphs, whole_words, Rule};
use super::{HouseRule, Input, RuleError, Table, Tables};
use crate::finding::{Edit, Finding, Fix, Safety, Severity};

#[derive(Debug, Clone)]
pub struct Substitution {
    pub swaps: Vec<Swap>,
    /// Keys are regexes, which say for themselves where a match may start
    /// and end (`\b`); literal keys match whole words.
    pub regex: bool,
    pub ignore_case: bool,
}

/// One key and its house form.
#[derive(Debug, Clone)]
pub struct Swap {
    /// The key as configured.
    pub key: String,
    pub pattern: Regex,
    /// The house form; may refer to groups (`$1`) of a regex key.
    pub replacement: String,
}

impl PartialEq for Substitution {
    fn eq(&self, other: &Substitution) -> bool {
        self.ignore_case == other.ignore_case
            && self.regex == other.regex
            && self.swaps.len() == other.swaps.len()
            && self.swaps.iter().zip(&other.swaps).all(|(a, b)| {
                a.pattern.as_str() == b.pattern.as_str() && a.replacement == b.replacement
            })
    }
}

rule_table! {
    /// Replace this with that. Matches are whole words.
    pub struct WireSubstitution {
        /// What to find → the house form. With `regex = true` the keys are
        /// regular expressions and the values may use `$1`.
        pub swap: Tables<String>,
        /// Keys are regular expressions.
        #[serde(default)]
        pub regex: bool,
        /// Match any case; the replacement follows the case of what it replaces.
        #[serde(default)]
        pub ignore_case: bool,
    }
}

impl Table for Substitution {
    type Wire = WireSubstitution;

    fn compile(table: &WireSubstitution) -> Result<Substitution, RuleError> {
        if table.swap.0.is_empty() {
            return Err(RuleError::rule(
                "`swap` is empty: give at least one `\"this\" = \"that\"`",
            ));
        }
        let mut swaps = Vec::new();
        let mut spans = Vec::new();
        for (key, replacement) in &table.swap.0 {
            spans.push(key.span());
            let source = if table.regex {
                key.get_ref().clone()
            } else {
                regex::escape(key.get_ref())
            };
            let pattern = compile(&source, table.ignore_case, key)?;
            swaps.push(Swap {
                key: key.get_ref().clone(),
                pattern,
                replacement: if table.regex {
                    replacement.clone()
                } else {
                    replacement.replace('$', "$$")
                },
            });
        }
        let compiled = Substitution {
            swaps,
            regex: table.regex,
            ignore_case: table.ignore_case,
        };
        if let Some(cycle) = cycle(&compiled) {
            let steps: Vec<String> = cycle
                .iter()
                .chain(cycle.first())
                .map(|&i| format!("`{}`", compiled.swaps[i].key))
                .collect();
            let key = spans[cycle[0]].clone();
            return Err(RuleError::at(
                key,
                format!(
                    "these swaps undo each other ({}): `--fix` would never settle; drop one",
                    steps.join(" → ")
                ),
            ));
        }
        Ok(compiled)
    }
}

impl HouseRule for Substitution {
    const NAME: &'static str = "substitution";

    fn describe(&self) -> String {
        let swaps: Vec<String> = self
            .swaps
            .iter()
            .map(|s| match s.replacement.as_str() {
                "" => format!("deletes `{}`", s.key),
                to => format!("rewrites `{}` → `{to}`", s.key),
            })
            .collect();
        swaps.join(", ")
    }

    fn run(&self, rule: &Rule, severity: Severity, input: &Input<'_>, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let prose = doc.prose.as_str();
        for paragraph in paragraphs(doc, rule.scope) {
            let text = &prose[paragraph.clone()];
            let mut hits: Vec<(Range<usize>, String, bool)> = Vec::new();
            for swap in &self.swaps {
                for caps in matches(&swap.pattern, text) {
                    let whole = caps.get(0).expect("group 0");
                    let found = paragraph.start + whole.start()..paragraph.start + whole.end();
                    if found.is_empty()
                        || (!self.regex && !whole_words(prose, &found))
                        || (rule.scope.skip_quotes && in_quote(doc, &found))
                    {
                        continue;
                    }
                    let (local, replacement) = self.house_form(swap, &caps);
                    // A match inside its own house form is already fixed
                    // (`Mr` in `Mr.`, `Kiev` in `Kyiv (Kiev)`): rewriting
                    // it would grow the text on every `--fix`. The house
                    // form in another case is rewritten whole.
                    let local = match cover(text, &local, &replacement, self.ignore_case) {
                        Cover::Exact => continue,
                        Cover::Case(whole) => whole,
                        Cover::None => local,
                    };
                    if text[local.clone()] == replacement {
                        continue;
                    }
                    let fixable = !(self.regex && self.diverges(swap, text, &local, &replacement));
                    let range = paragraph.start + local.start..paragraph.start + local.end;
                    hits.push((range, replacement, fixable));
                }
            }
            hits.sort_by_key(|(r, _, _)| (r.start, std::cmp::Reverse(r.end)));
            let mut last_end = paragraph.start;
            for (range, replacement, fixable) in hits {
                if range.start < last_end {
                    continue;
                }
                last_end = range.end;
                let matched = &doc.text[range.clone()];
                let default = format!("write `{replacement}`, not `{matched}` (house style)");
                let finding = rule.finding(
                    severity,
                    range.clone(),
                    matched,
                    Some(&replacement),
                    default,
                );
                if !fixable {
                    // The replacement would match again and grow without
                    // end: report, but offer nothing `--fix` could loop on.
                    let mut finding = finding;
                    finding
                        .message
                        .push_str(" (no automatic fix: the replacement matches the rule again)");
                    out.push(finding);
                    continue;
                }
                let fix = Fix::new(
                    format!("replace with `{replacement}`"),
                    Safety::Safe,
                    vec![Edit {
                        range,
                        replacement: replacement.clone(),
                    }],
                );
                out.push(finding.with_fix(fix));
            }
        }
    }
}

impl Substitution {
    /// The part of a match to replace (offsets of the searched text) and
    /// its house form.
    fn house_form(&self, swap: &Swap, caps: &regex::Captures<'_>) -> (Range<usize>, String) {
        let whole = caps.get(0).expect("group 0");
        let mut replacement = String::new();
        caps.expand(&swap.replacement, &mut replacement);
        if self.ignore_case {
            replacement = match_case(whole.as_str(), &replacement);
        }
        // Context the pattern had to consume (no look-around in the regex
        // crate) is neither flagged nor replaced.
        let start = caps.name("before").map_or(whole.start(), |m| m.end());
        let end = caps.name("after").map_or(whole.end(), |m| m.start());
        (start..end.max(start), replacement)
    }

    /// Whether writing `replacement` over `range` of `text` leaves a match
    /// of `swap` that is not its own house form yet: such a fix (`(a+)` →
    /// `$1$1`) would never settle.
    fn diverges(&self, swap: &Swap, text: &str, range: &Range<usize>, replacement: &str) -> bool {
        // Only a match inside what the fix wrote is its doing; a deletion
        // writes nothing, and shortens the text each time.
        if replacement.is_empty() {
            return false;
        }
        let mut after = String::with_capacity(text.len() + replacement.len());
        after.push_str(&text[..range.start]);
        after.push_str(replacement);
        after.push_str(&text[range.end..]);
        let written = range.start..range.start + replacement.len();
        let diverges = matches(&swap.pattern, &after).any(|caps| {
            let (again, form) = self.house_form(swap, &caps);
            again.start < written.end
                && written.start < again.end
                && after[again.clone()] != form
                && matches!(cover(&after, &again, &form, self.ignore_case), Cover::None)
        });
        diverges
    }
}

/// The matches of `pattern` in `text`, each search resuming where the
/// previous match's `after` context begins: context is only looked at, so
/// `very very fast` gives both `very`s at once rather than one per `--fix`
/// pass.
fn matches<'t>(
    pattern: &'t Regex,
    text: &'t str,
) -> impl Iterator<Item = regex::Captures<'t>> + 't {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at > text.len() {
            return None;
        }
        let caps = pattern.captures_at(text, at)?;
        let whole = caps.get(0).expect("group 0");
        let resume = caps.name("after").map_or(whole.end(), |m| m.start());
        at = if resume > whole.start() {
            resume
        } else {
            // An empty match (or context only): step over one character.
            whole.start()
                + text[whole.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8)
        };
        Some(caps)
    })
}

/// How a match relates to its house form around it.
enum Cover {
    /// The house form, as written, contains the match.
    Exact,
    /// The house form in another case contains the match, here.
    Case(Range<usize>),
    None,
}

/// Whether `replacement` occurs in `text` around `range`.
fn cover(text: &str, range: &Range<usize>, replacement: &str, ignore_case: bool) -> Cover {
    let len = replacement.len();
    if len < range.len() || len == 0 {
        return Cover::None;
    }
    let mut case = None;
    for at in range.end.saturating_sub(len)..=range.start {
        let Some(there) = text.get(at..at + len) else {
            continue;
        };
        if there == replacement {
            return Cover::Exact;
        }
        if ignore_case && case.is_none() && there.to_lowercase() == replacement.to_lowercase() {
            case = Some(at..at + len);
        }
    }
    case.map_or(Cover::None, Cover::Case)
}

/// Swaps of one rule that undo each other (`colour` → `color` and `color`
/// → `colour`): `--fix` would rewrite the text back and forth for ever.
/// Only replacements without group references can be checked here; the
/// others are checked where they match ([`Substitution::diverges`]).
fn cycle(table: &Substitution) -> Option<Vec<usize>> {
    let literal = |s: &Swap| !table.regex || !s.replacement.contains('$');
    let n = table.swaps.len();
    let mut edges = vec![Vec::new(); n];
    for (i, from) in table.swaps.iter().enumerate() {
        if !literal(from) {
            continue;
        }
        let text = if table.regex {
            from.replacement.clone()
        } else {
            from.replacement.replace("$$", "$")
        };
        for (j, to) in table.swaps.iter().enumerate() {
            let rewrites = to.pattern.captures_iter(&text).any(|caps| {
                let whole = caps.get(0).expect("group 0");
                if whole.is_empty() || (!table.regex && !whole_words(&text, &whole.range())) {
                    return false;
                }
                let (range, form) = table.house_form(to, &caps);
                text[range.clone()] != form
                    && matches!(cover(&text, &range, &form, table.ignore_case), Cover::None)
            });
            if rewrites {
                edges[i].push(j);
            }
        }
    }
    // Depth-first search for a cycle; the graph is the rule's few swaps.
    fn visit(at: usize, edges: &[Vec<usize>], state: &mut [u8], path: &mut Vec<usize>) -> bool {
        state[at] = 1;
        path.push(at);
        for &next in &edges[at] {
            if state[next] == 1 {
                let from = path.iter().position(|&p| p == next).expect("on the path");
                path.drain(..from);
                return true;
            }
            if state[next] == 0 && visit(next, edges, state, path) {
                return true;
            }
        }
        state[at] = 2;
        path.pop();
        false
    }
    let mut state = vec![0u8; n];
    for start in 0..n {
        let mut path = Vec::new();
        if state[start] == 0 && visit(start, &edges, &mut state, &mut path) {
            return Some(path);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_fixes_to, config, findings, flagged};

    const STOPS: &str = r#"
[substitution.us-with-stops]
swap = { "US" = "U.S.", "UN" = "U.N." }
"#;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn flags_whole_words_only() {
        let config = config(STOPS);
        assert_eq!(
            flagged(
                &config,
                "US troops and UN staff met USA fans in the USSR.\n"
            ),
            pairs(&[("style/us-with-stops", "US"), ("style/us-with-stops", "UN")])
        );
        assert_eq!(flagged(&config, "U.S. troops met U.N. staff.\n"), []);
    }

    #[test]
    fn fix_rewrites_and_recheck_is_clean() {
        let config = config(STOPS);
        assert_fixes_to(
            &config,
            "The US envoy spoke. The US's UN ambassador agreed.\n",
            "The U.S. envoy spoke. The U.S.'s U.N. ambassador agreed.\n",
        );
        let found = findings(&config, "US aid.\n");
        assert_eq!(found[0].message, "write `U.S.`, not `US` (house style)");
        assert_eq!(found[0].fix.as_ref().unwrap().safety, crate::Safety::Safe);
    }

    #[test]
    fn regex_keys_use_groups_and_case_follows_the_match() {
        let config = config(
            r#"
[substitution.said-on]
regex = true
swap = { '(said|says) on (Monday|Friday)' = "$1 $2" }
message = "AP: no `on` before a weekday ({match} → {replacement})"

[substitution.ize]
ignore-case = true
swap = { "jeopardise" = "jeopardize" }
"#,
        );
        let found = findings(&config, "Jeopardise it, she said on Friday.\n");
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "write `Jeopardize`, not `Jeopardise` (house style)",
                "AP: no `on` before a weekday (said on Friday → said Friday)"
            ]
        );
        assert_fixes_to(
            &config,
            "Jeopardise it, she said on Friday.\n",
            "Jeopardize it, she said Friday.\n",
        );
    }

    #[test]
    fn context_consumed_by_a_regex_is_not_flagged() {
        let config = config(
            r#"
[substitution.on-before-weekday]
regex = true
swap = { '\b(said) (Friday)(?P<after>[^\w\x27]|$)' = "$1 on $2" }
"#,
        );
        let text = "She said Friday. He said Friday's vote was close.\n";
        let found = findings(&config, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].range.clone()], "said Friday");
        assert_eq!(
            found[0].message,
            "write `said on Friday`, not `said Friday` (house style)"
        );
        assert_fixes_to(
            &config,
            text,
            "She said on Friday. He said Friday's vote was close.\n",
        );
    }

    #[test]
    fn quotes_and_headings_can_be_skipped() {
        let config = config(
            r#"
[substitution.us-with-stops]
swap = { "US" = "U.S." }
skip-quotes = true
skip-headings = true
"#,
        );
        let text = "# US talks\n\n\"The US will act,\" she said of US policy.\n";
        let flagged: Vec<(String, String)> =
            super::super::test_support::findings_in(&config, text, crate::DocKind::Markdown)
                .iter()
                .map(|f| (f.code.as_str().to_owned(), text[f.range.clone()].to_owned()))
                .collect();
        assert_eq!(flagged, pairs(&[("style/us-with-stops", "US")]));
        let policy = text.rfind("US").unwrap();
        let found =
            super::super::test_support::findings_in(&config, text, crate::DocKind::Markdown);
        assert_eq!(found[0].range, policy..policy + 2);
    }

    #[test]
    fn markdown_syntax_and_code_are_not_matched() {
        let config = config(STOPS);
        let text = "Aid from the [US](https://US.example) arrived.\n\n```\nUS\n```\n";
        let found =
            super::super::test_support::findings_in(&config, text, crate::DocKind::Markdown);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].range.clone()], "US");
        assert_eq!(found[0].range.start, text.find("US").unwrap());
    }

    /// Fix, then fix the result again: the second round changes nothing.
    #[track_caller]
    fn fix_twice(config: &crate::config::Config, text: &str) -> String {
        let once = apply_all(config, text);
        assert_eq!(
            apply_all(config, &once),
            once,
            "a second fix changed the text"
        );
        once
    }

    fn apply_all(config: &crate::config::Config, text: &str) -> String {
        let mut fixed = text.to_owned();
        for finding in findings(config, text).iter().rev() {
            if let Some(fix) = &finding.fix {
                fixed = fix.apply(&fixed);
            }
        }
        fixed
    }

    #[test]
    fn a_replacement_containing_its_key_is_applied_once() {
        let config = config(
            r#"
[substitution.titles]
swap = { "Mr" = "Mr.", "Kiev" = "Kyiv (Kiev)" }
"#,
        );
        assert_eq!(
            fix_twice(
                &config,
                "Mr Smith flew to Kiev. Mr. Jones was in Kyiv (Kiev).\n"
            ),
            "Mr. Smith flew to Kyiv (Kiev). Mr. Jones was in Kyiv (Kiev).\n"
        );
        assert_eq!(flagged(&config, "Mr. Smith in Kyiv (Kiev).\n"), []);
    }

    #[test]
    fn the_house_form_in_another_case_is_rewritten_whole() {
        let config = config(
            r#"
[substitution.titles]
ignore-case = true
swap = { "Mr" = "Mr." }
"#,
        );
        assert_eq!(
            fix_twice(&config, "mr. Smith and MR Jones.\n"),
            "Mr. Smith and MR. Jones.\n"
        );
    }

    #[test]
    fn a_regex_fix_that_would_grow_for_ever_is_not_offered() {
        let config = config(
            r#"
[substitution.double]
regex = true
swap = { '(a+)' = "$1$1" }
"#,
        );
        let found = findings(&config, "A baa.\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].fix.is_none());
        assert!(found[0]
            .message
            .ends_with("(no automatic fix: the replacement matches the rule again)"));
        assert_eq!(fix_twice(&config, "A baa.\n"), "A baa.\n");
    }

    #[test]
    fn context_after_a_match_is_searched_again() {
        let config = config(
            r#"
[substitution.drop]
regex = true
swap = { '\b(?:very) (?P<after>\w)' = "" }
"#,
        );
        let found = findings(&config, "A very very very fast car.\n");
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(
            fix_twice(&config, "A very very very fast car.\n"),
            "A fast car.\n"
        );
    }

    #[test]
    fn swaps_that_undo_each_other_are_refused_where_they_are_written() {
        let toml =
            "[substitution.spelling]\nswap = { \"colour\" = \"color\", \"color\" = \"colour\" }\n";
        let err = crate::config::Config::from_toml(toml, "copydesk.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("copydesk.toml:2:"), "{err}");
        assert!(
            err.contains("undo each other (`color` → `colour` → `color`)"),
            "{err}"
        );
        // A chain that ends is fine.
        config("[substitution.chain]\nswap = { \"a\" = \"b\", \"b\" = \"c\" }\n");
    }
}
