//! Paragraph splitting and the prose mask, for plain wire copy and Markdown,
//! plus the story structure around the body: headline, dateline, credit.

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::{DocKind, Paragraph, ParagraphKind};
use crate::text::is_word_char;

/// Split `text` into paragraphs and build the prose mask.
pub(super) fn split(text: &str, kind: DocKind, datelines: &[&Regex]) -> (String, Vec<Paragraph>) {
    let mut mask = Mask::new(text);
    let raw = match kind {
        DocKind::Plain => plain_blocks(text, &mut mask),
        DocKind::Markdown => markdown_blocks(text, &mut mask),
    };
    let mut prose = mask.finish();
    let mut paragraphs: Vec<Paragraph> = raw
        .into_iter()
        .map(|(range, heading)| Paragraph {
            kind: if heading {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            },
            body: range.clone(),
            range,
            dateline: None,
            sentences: Vec::new(),
            quotes: 0..0,
            number: 0,
        })
        .collect();
    if kind == DocKind::Plain {
        let blank_blocks = paragraphs
            .windows(2)
            .any(|w| text[w[0].range.end..w[1].range.start].matches('\n').count() >= 2);
        mark_headline(text, &mut paragraphs, blank_blocks);
    }
    mark_credits(&prose, &mut paragraphs);
    mark_dateline(text, &mut prose, &mut paragraphs, datelines);
    let mut number = 0;
    for p in &mut paragraphs {
        if p.is_body() {
            number += 1;
            p.number = number;
        }
    }
    (prose, paragraphs)
}

/// The prose mask under construction: starts all blank, prose is copied in.
struct Mask<'a> {
    text: &'a str,
    bytes: Vec<u8>,
}

impl<'a> Mask<'a> {
    fn new(text: &'a str) -> Mask<'a> {
        Mask {
            text,
            bytes: vec![b' '; text.len()],
        }
    }

    /// Copy `range` of the original in as prose; line breaks become spaces.
    fn copy(&mut self, range: Range<usize>) {
        let src = &self.text.as_bytes()[range.clone()];
        for (dst, &b) in self.bytes[range].iter_mut().zip(src) {
            *dst = if matches!(b, b'\n' | b'\r') { b' ' } else { b };
        }
    }

    fn finish(self) -> String {
        // Whole characters were copied or blanked, so this cannot fail; fall
        // back to a lossless-length blank rather than panic if it ever did.
        String::from_utf8(self.bytes).unwrap_or_else(|e| " ".repeat(e.as_bytes().len()))
    }
}

/// Lines as byte ranges without their terminators.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let range = start..start + line.trim_end_matches(['\n', '\r']).len();
        start += line.len();
        range
    })
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    range.start + lead..range.end - trail
}

/// One paragraph per line, unless the draft separates blocks with blank
/// lines; then a block is a paragraph and its lines are joined.
fn plain_blocks(text: &str, mask: &mut Mask<'_>) -> Vec<(Range<usize>, bool)> {
    let all: Vec<Range<usize>> = lines(text).collect();
    let blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let first = all.iter().position(|r| !blank(r));
    let last = all.iter().rposition(|r| !blank(r));
    let blank_blocks = match (first, last) {
        (Some(f), Some(l)) => all[f..=l].iter().any(blank),
        _ => false,
    };
    let mut out = Vec::new();
    let mut block: Option<Range<usize>> = None;
    for line in &all {
        if blank(line) {
            if let Some(b) = block.take() {
                out.push(b);
            }
            continue;
        }
        if !blank_blocks {
            out.push(line.clone());
            continue;
        }
        block = Some(match block {
            Some(b) => b.start..line.end,
            None => line.clone(),
        });
    }
    out.extend(block);
    out.into_iter()
        .map(|r| {
            let r = trim_range(text, r);
            mask.copy(r.clone());
            (r, false)
        })
        .collect()
}

/// Paragraphs, list items and headings are prose; code, front matter, HTML,
/// tables, images and link targets are not.
fn markdown_blocks(text: &str, mask: &mut Mask<'_>) -> Vec<(Range<usize>, bool)> {
    struct Open {
        heading: bool,
        span: Option<Range<usize>>,
    }
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH;
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // Depth inside constructs whose text is not prose.
    let mut skip = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph | Tag::Item) if skip == 0 => stack.push(Open {
                heading: false,
                span: None,
            }),
            Event::Start(Tag::Heading { .. }) if skip == 0 => stack.push(Open {
                heading: true,
                span: None,
            }),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) if skip == 0 => {
                if let Some(Open {
                    heading,
                    span: Some(span),
                }) = stack.pop()
                {
                    out.push((span, heading));
                }
            }
            Event::Start(
                Tag::CodeBlock(_)
                | Tag::MetadataBlock(_)
                | Tag::HtmlBlock
                | Tag::Table(_)
                | Tag::Image { .. }
                | Tag::FootnoteDefinition(_),
            ) => skip += 1,
            Event::End(
                TagEnd::CodeBlock
                | TagEnd::MetadataBlock(_)
                | TagEnd::HtmlBlock
                | TagEnd::Table
                | TagEnd::Image
                | TagEnd::FootnoteDefinition,
            ) => skip = skip.saturating_sub(1),
            Event::Text(_) if skip == 0 => {
                if let Some(open) = stack.last_mut() {
                    mask.copy(range.clone());
                    open.span = Some(match open.span.take() {
                        Some(s) => s.start.min(range.start)..s.end.max(range.end),
                        None => range,
                    });
                }
            }
            _ => {}
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// In plain text, a short first line without closing punctuation, followed
/// by more paragraphs, is a headline. Between blank-line blocks, a first
/// block of one short line is a headline even with a full stop (some
/// archives add one); a wire lede is rarely that short.
fn mark_headline(text: &str, paragraphs: &mut [Paragraph], blank_blocks: bool) {
    const MAX_HEADLINE_WORDS: usize = 25;
    const MAX_TITLE_LINE_WORDS: usize = 15;
    if paragraphs.len() < 2 {
        return;
    }
    let first = &mut paragraphs[0];
    let s = &text[first.range.clone()];
    let ends_sentence = s.ends_with(['.', '!', '?', '"', '”', ':', ';', ',', '-', '—', '–']);
    let words = s.split_whitespace().count();
    let one_line = !s.contains('\n');
    let headline = if blank_blocks && words <= MAX_TITLE_LINE_WORDS {
        one_line
    } else {
        one_line && !ends_sentence && words <= MAX_HEADLINE_WORDS
    };
    if headline && !is_credit(s) {
        first.kind = ParagraphKind::Heading;
    }
}

/// Wires and agencies whose name alone, as the last line, credits a story.
const AGENCIES: [&str; 12] = [
    "Reuters",
    "AP",
    "AFP",
    "UPI",
    "Bloomberg",
    "dpa",
    "Xinhua",
    "PA",
    "ANSA",
    "EFE",
    "Kyodo",
    "Yonhap",
];

/// Verbs of a contributor line (`Editing by …`).
const CREDIT_VERBS: [&str; 7] = [
    "Reporting",
    "reporting",
    "Writing",
    "Written",
    "Editing",
    "Edited",
    "Compiled",
];

/// A credit line: a contributor line (`(Additional reporting by …)`,
/// `Editing by …`), an agency's name alone (`Reuters`, `(AP)`) or a
/// copyright line. Written out rather than as a pattern: compiling one cost
/// more than checking a short story.
fn is_credit(s: &str) -> bool {
    let s = s.trim();
    is_contributor_line(s) || is_agency_line(s) || is_copyright_line(s)
}

fn is_contributor_line(s: &str) -> bool {
    let rest = s.strip_prefix('(').unwrap_or(s).trim_start();
    let after_verb = match rest
        .strip_prefix("Additional")
        .filter(|r| r.starts_with(char::is_whitespace))
    {
        Some(r) => {
            let r = r.trim_start();
            r.strip_prefix("Reporting")
                .or_else(|| r.strip_prefix("reporting"))
        }
        None => CREDIT_VERBS.iter().find_map(|verb| rest.strip_prefix(verb)),
    };
    let Some(after_verb) = after_verb.filter(|r| r.starts_with(char::is_whitespace)) else {
        return false;
    };
    let Some(names) = after_verb.trim_start().strip_prefix("by") else {
        return false;
    };
    // `by` a whole word, then the rest of one line.
    !names.starts_with(is_word_char) && !names.contains('\n')
}

fn is_agency_line(s: &str) -> bool {
    let rest = s.strip_prefix('(').unwrap_or(s);
    AGENCIES.iter().any(|agency| {
        rest.strip_prefix(agency).is_some_and(|r| {
            let r = r.strip_prefix(')').unwrap_or(r);
            matches!(r, "" | ".")
        })
    })
}

fn is_copyright_line(s: &str) -> bool {
    let Some(rest) = ["©", "(c)", "Copyright"]
        .iter()
        .find_map(|mark| s.strip_prefix(mark))
    else {
        return false;
    };
    let mut chars = rest.chars();
    chars.next().is_some_and(char::is_whitespace) && !chars.as_str().contains('\n')
}

/// Trailing credit lines (`Reuters`, `(Reporting by …)`) are not story text.
fn mark_credits(prose: &str, paragraphs: &mut [Paragraph]) {
    for p in paragraphs.iter_mut().rev() {
        if p.kind == ParagraphKind::Body && is_credit(&prose[p.range.clone()]) {
            p.kind = ParagraphKind::Credit;
        } else {
            break;
        }
    }
}

static DATELINE: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    // PLACE[, Region][, Date] [(Agency)] - | -- | — | –
    //
    // The shapes wires use, not a list of wires: the agency is any short
    // capitalised name in parentheses (`(Reuters)`, `(Wire)`, `(The
    // Herald)`), the region any capitalised words (`Oregon`, `Calif.`,
    // `United Kingdom`), the date `March 14`, `Nov. 3` or `14 March`, with
    // an optional year. ASCII spaces and digits, and the curly apostrophe
    // as an alternative rather than in a class: the Unicode classes made
    // compiling this the largest single cost of checking one story. For the
    // same reason the lighter engine: the pattern is tried once per draft,
    // on the start of one paragraph, so a cheap compile beats a fast match.
    regex_lite::Regex::new(
        r"(?x)^
        (?:[A-Z](?:[A-Z.'-]|’)*(?:[\ \t\r\n]+[A-Z](?:[A-Z.'-]|’)*){0,4})        # city in capitals
        (?:,[\ \t\r\n]*[A-Z](?:[A-Za-z.'-]|’)*(?:[\ \t\r\n]+[A-Z](?:[A-Za-z.'-]|’)*){0,3})?  # state or country
        (?:,[\ \t\r\n]*(?:
            (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[\ \t\r\n]+[0-9]{1,2}
            | [0-9]{1,2}[\ \t\r\n]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?
        )(?:,?[\ \t\r\n]+[0-9]{4})?)?
        [\ \t\r\n]*(?:\((?:[A-Z](?:[A-Za-z&.'-]|’)*(?:[\ \t\r\n]+(?:[A-Za-z&.'-]|’)+){0,3})\))?  # (Agency)
        [\ \t\r\n]*(?:-{1,2}|—|–)[\ \t\r\n]+",
    )
    .expect("dateline pattern")
});

/// `LONDON, Nov 3 (Reuters) -` or `WASHINGTON (AP) —` at the start of the
/// first body paragraph is a dateline, not prose. A house's own dateline
/// patterns (`[dateline.NAME]`, anchored at the start) are tried first, so
/// whatever form the house writes is taken off the lede too.
fn mark_dateline(text: &str, prose: &mut String, paragraphs: &mut [Paragraph], house: &[&Regex]) {
    let Some(p) = paragraphs.iter_mut().find(|p| p.is_body()) else {
        return;
    };
    let house_end = house
        .iter()
        .filter_map(|pattern| pattern.find(&text[p.range.clone()]))
        .filter(|m| m.start() == 0 && !m.as_str().trim().is_empty())
        .map(|m| m.end())
        .max();
    let end = match house_end {
        Some(end) => end,
        None => {
            let s = &prose[p.range.clone()];
            // The place must have at least two capital letters in a row, so
            // a lede like `A full-scale …` is never mistaken for one; the
            // same test first, before the pattern, spares most ledes it.
            let place_caps = s.chars().take_while(|c| c.is_ascii_uppercase()).count();
            if place_caps < 2 && !s.contains('(') {
                return;
            }
            let Some(m) = DATELINE.find(s) else { return };
            let has_agency = m.as_str().contains('(');
            if place_caps < 2 && !has_agency {
                return;
            }
            m.end()
        }
    };
    let dateline = p.range.start..p.range.start + end;
    // Keep the range trimmed: the dash's trailing spaces belong to neither.
    let trimmed = p.range.start..p.range.start + text[dateline.clone()].trim_end().len();
    // SAFETY of the slice: regex matches end on char boundaries.
    prose.replace_range(trimmed.clone(), &" ".repeat(trimmed.len()));
    p.body = dateline.end..p.range.end;
    p.dateline = Some(trimmed);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_texts(text: &str, kind: DocKind) -> Vec<(String, ParagraphKind)> {
        let (prose, paragraphs) = split(text, kind, &[]);
        assert_eq!(prose.len(), text.len());
        paragraphs
            .iter()
            .map(|p| (prose[p.body.clone()].to_string(), p.kind))
            .collect()
    }

    use ParagraphKind::{Body, Credit, Heading};

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        let got = split_texts("First line.\nSecond line.\r\nThird.\n", DocKind::Plain);
        assert_eq!(
            got,
            [
                ("First line.".into(), Body),
                ("Second line.".into(), Body),
                ("Third.".into(), Body)
            ]
        );
    }

    #[test]
    fn blank_line_blocks_join_their_lines() {
        let got = split_texts(
            "Title of the story\n\nFirst line\nwraps here.\n\n\nSecond.\n",
            DocKind::Plain,
        );
        assert_eq!(
            got,
            [
                ("Title of the story".into(), Heading),
                ("First line wraps here.".into(), Body),
                ("Second.".into(), Body)
            ]
        );
    }

    #[test]
    fn dateline_and_credit_lines() {
        let text = "LONDON, Nov 3 (Reuters) - The bank said it would.\nIt did.\n(Reporting by Jane Doe; Editing by John Roe)\nReuters";
        let (_, paragraphs) = split(text, DocKind::Plain, &[]);
        assert_eq!(
            &text[paragraphs[0].dateline.clone().unwrap()],
            "LONDON, Nov 3 (Reuters) -"
        );
        assert_eq!(&text[paragraphs[0].body.clone()], "The bank said it would.");
        let kinds: Vec<_> = paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [Body, Body, Credit, Credit]);

        let (_, p) = split("WASHINGTON (AP) — Officials said so.", DocKind::Plain, &[]);
        assert_eq!(p[0].dateline, Some(0..19));
        let (_, p) = split("NEW YORK — Stocks fell.", DocKind::Plain, &[]);
        assert_eq!(p[0].dateline, Some(0..12));
        let (_, p) = split(
            "A full-scale offensive - it said - would fail.",
            DocKind::Plain,
            &[],
        );
        assert_eq!(p[0].dateline, None);
    }

    #[track_caller]
    fn dateline_of<'t>(text: &'t str, house: &[&Regex]) -> Option<&'t str> {
        let (prose, paragraphs) = split(text, DocKind::Plain, house);
        let p = paragraphs.iter().find(|p| p.is_body())?;
        let range = p.dateline.clone()?;
        // The dateline is not prose, and the body starts after it.
        assert!(prose[range.clone()].trim().is_empty());
        assert!(p.body.start >= range.end);
        Some(&text[range])
    }

    #[test]
    fn datelines_of_any_agency_region_and_date_shape() {
        for (text, dateline) in [
            (
                "CEDAR FALLS, Oregon, March 14 (Wire) - The mill closed.",
                "CEDAR FALLS, Oregon, March 14 (Wire) -",
            ),
            (
                "SPRINGFIELD, Ill., Sept. 2 (The Courier) — Voters went.",
                "SPRINGFIELD, Ill., Sept. 2 (The Courier) —",
            ),
            (
                "KYIV, 14 March (Ukrinform) - Sirens sounded.",
                "KYIV, 14 March (Ukrinform) -",
            ),
            (
                "PARIS, Nov. 3, 2024 (AFP) -- Talks resumed.",
                "PARIS, Nov. 3, 2024 (AFP) --",
            ),
            (
                "LAGOS, Nigeria (Premium Times) – Fuel queues grew.",
                "LAGOS, Nigeria (Premium Times) –",
            ),
            ("ST. PAUL, Minn. — It snowed.", "ST. PAUL, Minn. —"),
        ] {
            assert_eq!(dateline_of(text, &[]), Some(dateline), "{text}");
        }
    }

    #[test]
    fn ledes_that_only_look_like_datelines_keep_their_words() {
        for text in [
            "A full-scale offensive - it said - would fail.",
            "US President Joe Biden (D) - a Democrat - spoke.",
            "The NATO summit (its 75th) - a milestone - opened.",
            "Officials in Oregon (and Idaho) - and elsewhere - agreed.",
            "I (for one) - she said - disagree.",
            "Rafah - the city of 1.4 million - braced.",
        ] {
            assert_eq!(dateline_of(text, &[]), None, "{text}");
        }
    }

    #[test]
    fn a_house_dateline_pattern_marks_its_own_form() {
        // A form of no general shape: the house pattern says it is one.
        let text = "Cedar Falls/March 14/Wire: The mill closed.";
        assert_eq!(dateline_of(text, &[]), None);
        let house =
            Regex::new(r"^(?:[A-Z][a-z]+(?: [A-Z][a-z]+)*/[A-Z][a-z]+ \d+/Wire: )").unwrap();
        assert_eq!(
            dateline_of(text, &[&house]),
            Some("Cedar Falls/March 14/Wire:")
        );
        // Where the house pattern does not match, the general shapes still do.
        assert_eq!(
            dateline_of("LONDON (Reuters) - Talks resumed.", &[&house]),
            Some("LONDON (Reuters) -")
        );
    }

    #[test]
    fn markdown_prose_skips_code_front_matter_html_and_link_targets() {
        let text = "---\ntitle: \"x\"\n---\n# A heading\n\nSee [the report](https://e.com/\"x\") now.\n\n```\n\"code\"\n```\n\n<div>\"html\"</div>\n\n- item one\n- item \"two\"\n";
        let got = split_texts(text, DocKind::Markdown);
        let texts: Vec<_> = got
            .iter()
            .map(|(t, k)| (t.split_whitespace().collect::<Vec<_>>().join(" "), *k))
            .collect();
        assert_eq!(
            texts,
            [
                ("A heading".into(), Heading),
                ("See the report now.".into(), Body),
                ("item one".into(), Body),
                ("item \"two\"".into(), Body)
            ]
        );
        let (prose, _) = split(text, DocKind::Markdown, &[]);
        assert!(!prose.contains("code") && !prose.contains("html") && !prose.contains("https"));
    }

    #[test]
    fn empty_and_blank_drafts_have_no_paragraphs() {
        assert!(split("", DocKind::Plain, &[]).1.is_empty());
        assert!(split(" \n\n \r\n", DocKind::Plain, &[]).1.is_empty());
        assert!(split("", DocKind::Markdown, &[]).1.is_empty());
    }

    #[test]
    fn credit_lines_of_each_kind() {
        for credit in [
            "(Reporting by Jane Doe; Editing by John Roe)",
            "Additional reporting by Ana Ruiz in Madrid",
            "(Additional  Reporting by A. B.)",
            "Compiled by the desk",
            "Written by: Sam Lee",
            "Reuters",
            "(AP)",
            "AFP.",
            "Yonhap)",
            "© 2026 The Wire",
            "(c) Wire Services",
            "Copyright 2026 Reuters",
        ] {
            assert!(is_credit(credit), "{credit}");
        }
        for prose in [
            "Reporting bystanders were hurt.",
            "Reporting was difficult, by all accounts.",
            "Additional funds by March",
            "Editing by Jo Roe\nand more",
            "Reuters reported that talks failed.",
            "(Reuters) - The bank said.",
            "APA",
            "©2026",
            "Copyrighted material",
            "The (c) mark",
        ] {
            assert!(!is_credit(prose), "{prose}");
        }
    }

    /// The credit lines and the datelines as they were written first, as
    /// patterns of the full regex engine: what the hand-written matcher and
    /// the lighter engine must still agree with.
    mod oracle {
        use regex::Regex;
        use std::sync::LazyLock;

        pub static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?x)^(?:
                    \(?\s*(?:(?:Additional\s+)?[Rr]eporting|Writing|Written|Editing|Edited|Compiled)\s+by\b.*
                  | \(?(?:Reuters|AP|AFP|UPI|Bloomberg|dpa|Xinhua|PA|ANSA|EFE|Kyodo|Yonhap)\)?\.?
                  | (?:©|\(c\)|Copyright)\s.*
                )$",
            )
            .unwrap()
        });

        pub static DATELINE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(super::super::DATELINE.as_str()).unwrap());
    }

    /// Pieces credit lines and datelines are made of, and near misses.
    fn credit_and_dateline_pieces() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "(",
                ")",
                " ",
                "  ",
                "\n",
                "\t",
                "\u{a0}",
                ".",
                ",",
                "-",
                "--",
                "—",
                "–",
                "’",
                "'",
                "&",
                "by",
                "bye",
                "Reporting",
                "reporting",
                "Additional",
                "Editing",
                "Edited",
                "Written",
                "Compiled",
                "Reuters",
                "AP",
                "AFP",
                "PA",
                "©",
                "(c)",
                "Copyright",
                "2026",
                "3",
                "14",
                "Nov",
                "Sept.",
                "March",
                "LONDON",
                "NEW",
                "YORK",
                "ST.",
                "O'HARE",
                "Gaza",
                "Strip",
                "Calif.",
                "The",
                "Herald",
                "A",
                "x",
                "é",
                "_",
                "ä",
            ]),
            0..14,
        )
        .prop_map(|pieces| pieces.concat())
    }

    /// Credit lines and near misses: each part present or not.
    fn credit_shapes() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::option::of;
        use proptest::sample::select;
        (
            of(select(vec!["(", " (", "( "])),
            of(select(vec!["Additional ", "Additional\n", "Additional"])),
            select(
                CREDIT_VERBS
                    .iter()
                    .chain(&AGENCIES)
                    .chain(&["©", "(c)", "Copyright", "Report", ""])
                    .copied()
                    .collect::<Vec<_>>(),
            ),
            of(select(vec![" ", "  ", "\n", "\u{a0}"])),
            of(select(vec!["by", "by ", "byline", "by\n", "by:"])),
        )
            .prop_map(|(open, additional, word, space, by)| {
                [open, additional, Some(word), space, by]
                    .into_iter()
                    .flatten()
                    .collect()
            })
    }

    /// Datelines and near misses: each part present or not, some malformed.
    fn dateline_shapes() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::option::of;
        use proptest::sample::select;
        (
            select(vec![
                "LONDON",
                "NEW YORK",
                "ST. LOUIS",
                "O’HARE",
                "KYIV-",
                "A",
                "Rafah",
                "",
            ]),
            of(select(vec![
                ", Gaza Strip",
                ",Calif.",
                ", United Kingdom",
                ", x",
                ",",
            ])),
            of(select(vec![
                ", Nov. 3",
                ", 14 March",
                ", Sept 1, 2026",
                ", 3",
                ", May 123",
            ])),
            of(select(vec![
                " (Reuters)",
                "(The Herald)",
                " (AP",
                " (x y z w v)",
                " ()",
            ])),
            select(vec![
                " - ", " -- ", " — ", "–", "- ", " -x", " --- ", "\n- ", "",
            ]),
        )
            .prop_map(|(city, region, date, agency, dash)| {
                [
                    city,
                    region.unwrap_or(""),
                    date.unwrap_or(""),
                    agency.unwrap_or(""),
                    dash,
                ]
                .concat()
            })
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        #[test]
        fn credit_matcher_agrees_with_the_pattern(
            text in (credit_shapes(), credit_and_dateline_pieces()).prop_map(|(a, b)| a + &b)
        ) {
            proptest::prop_assert_eq!(is_credit(&text), oracle::CREDIT.is_match(text.trim()));
        }

        #[test]
        fn dateline_engine_agrees_with_the_full_engine(
            text in (dateline_shapes(), credit_and_dateline_pieces())
                .prop_map(|(a, b)| a + &b)
        ) {
            proptest::prop_assert_eq!(
                DATELINE.find(&text).map(|m| m.range()),
                oracle::DATELINE.find(&text).map(|m| m.range())
            );
        }
    }
}
