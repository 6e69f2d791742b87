//! PolNeAR's attribution annotations: BRAT standoff files whose `T` lines
//! are spans (`Source`, `Cue`, `Content`, …) in character offsets and whose
//! `E` lines tie one attribution's spans together.

use std::collections::HashMap;
use std::ops::Range;

/// Character offsets → byte offsets of one text.
pub struct CharOffsets(Vec<usize>);

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        let mut table: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        table.push(text.len());
        CharOffsets(table)
    }

    pub fn byte(&self, char_offset: usize) -> Option<usize> {
        self.0.get(char_offset).copied()
    }

    pub fn bytes(&self, chars: Range<usize>) -> Option<Range<usize>> {
        Some(self.byte(chars.start)?..self.byte(chars.end)?)
    }
}

/// One attribution: who (source), the verb or phrase that attributes (cue)
/// and what was said (content), each possibly in several pieces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    pub sources: Vec<Range<usize>>,
    pub cues: Vec<Range<usize>>,
    pub contents: Vec<Range<usize>>,
}

/// The attributions of one article, in byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub attributions: Vec<Attribution>,
    /// Every cue span of the file, tied to an attribution or not.
    pub cues: Vec<Range<usize>>,
}

/// Parse a `.ann` file against the article it annotates. A span whose
/// offsets fall outside the text is an error (the wrong file was paired).
pub fn parse(ann: &str, text: &str) -> Result<Annotations, String> {
    let offsets = CharOffsets::new(text);
    let mut spans: HashMap<&str, (&str, Vec<Range<usize>>)> = HashMap::new();
    let mut events = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let (kind, segments) = body
                .split_once(' ')
                .ok_or_else(|| format!("line {}: no span offsets", n + 1))?;
            let mut ranges = Vec::new();
            for seg in segments.split(';') {
                let mut nums = seg.split_whitespace().map(str::parse::<usize>);
                let (Some(Ok(a)), Some(Ok(b))) = (nums.next(), nums.next()) else {
                    return Err(format!("line {}: bad offsets {seg:?}", n + 1));
                };
                let range = offsets
                    .bytes(a..b)
                    .ok_or_else(|| format!("line {}: offsets {a}..{b} past the text", n + 1))?;
                ranges.push(range);
            }
            spans.insert(id, (kind, ranges));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Annotations::default();
    for (kind, ranges) in spans.values() {
        if *kind == "Cue" {
            out.cues.extend(ranges.iter().cloned());
        }
    }
    out.cues.sort_by_key(|r| r.start);
    for body in events {
        let mut attribution = Attribution::default();
        for role in body.split_whitespace() {
            let Some((role, id)) = role.split_once(':') else {
                continue;
            };
            let Some((_, ranges)) = spans.get(id) else {
                continue;
            };
            let slot = match role {
                "Source" => &mut attribution.sources,
                "Cue" => &mut attribution.cues,
                "Content" => &mut attribution.contents,
                _ => continue,
            };
            slot.extend(ranges.iter().cloned());
        }
        out.attributions.push(attribution);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_spans_in_character_offsets() {
        // "“" is three bytes: character offsets after it differ from bytes.
        let text = "“Go home,” Ann said.";
        let ann = "T1\tContent 0 10\t“Go home,”\nT2\tSource 11 14\tAnn\nT3\tCue 15 19\tsaid\n\
                   T4\tAttribution 15 19\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n";
        let parsed = parse(ann, text).unwrap();
        let a = &parsed.attributions[0];
        assert_eq!(&text[a.sources[0].clone()], "Ann");
        assert_eq!(&text[a.cues[0].clone()], "said");
        assert_eq!(&text[a.contents[0].clone()], "“Go home,”");
        assert_eq!(parsed.cues.len(), 1);
    }

    #[test]
    fn discontinuous_spans_and_bad_offsets() {
        let text = "ab cd ef";
        let parsed = parse("T1\tContent 0 2;6 8\tab ef\nE1\tContent:T1\n", text).unwrap();
        assert_eq!(parsed.attributions[0].contents, [0..2, 6..8]);
        assert!(parse("T1\tCue 0 99\tx\n", text)
            .unwrap_err()
            .contains("past the text"));
        assert!(parse("T1\tCue zero 2\tx\n", text)
            .unwrap_err()
            .contains("bad offsets"));
    }
}
