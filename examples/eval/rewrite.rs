//! An injected article as pieces of the clean one: kept ranges (possibly
//! reordered, for a moved paragraph) and inserted text. The pieces let the
//! scorer carry a clean finding over to the injected text, so only findings
//! the injection caused are scored.

use std::ops::Range;

/// A text built from pieces of a source text and new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    /// Kept source ranges and where each starts in `text`.
    kept: Vec<(Range<usize>, usize)>,
}

/// Builds an [`Edited`] left to right.
pub struct Builder<'a> {
    src: &'a str,
    out: Edited,
}

impl<'a> Builder<'a> {
    pub fn new(src: &'a str) -> Builder<'a> {
        Builder {
            src,
            out: Edited {
                text: String::with_capacity(src.len() + 256),
                kept: Vec::new(),
            },
        }
    }

    /// Append `src[range]`; returns where it landed.
    pub fn keep(&mut self, range: Range<usize>) -> Range<usize> {
        let at = self.out.text.len();
        self.out.text.push_str(&self.src[range.clone()]);
        if !range.is_empty() {
            self.out.kept.push((range, at));
        }
        at..self.out.text.len()
    }

    /// Append new text; returns where it landed.
    pub fn insert(&mut self, s: &str) -> Range<usize> {
        let at = self.out.text.len();
        self.out.text.push_str(s);
        at..self.out.text.len()
    }

    pub fn finish(self) -> Edited {
        self.out
    }
}

/// One replacement of a source range (an empty range inserts).
#[derive(Debug, Clone)]
pub struct Splice {
    pub range: Range<usize>,
    pub replacement: String,
}

impl Splice {
    pub fn new(range: Range<usize>, replacement: impl Into<String>) -> Splice {
        Splice {
            range,
            replacement: replacement.into(),
        }
    }

    pub fn delete(range: Range<usize>) -> Splice {
        Splice::new(range, "")
    }
}

/// Apply non-overlapping splices; returns the edited text and where each
/// replacement landed (in the splices' given order).
pub fn splice(src: &str, splices: &[Splice]) -> (Edited, Vec<Range<usize>>) {
    let mut order: Vec<usize> = (0..splices.len()).collect();
    order.sort_by_key(|&i| (splices[i].range.start, splices[i].range.end));
    let mut b = Builder::new(src);
    let mut landed = vec![0..0; splices.len()];
    let mut at = 0;
    for i in order {
        let s = &splices[i];
        assert!(s.range.start >= at, "overlapping splices");
        b.keep(at..s.range.start);
        landed[i] = b.insert(&s.replacement);
        at = s.range.end;
    }
    b.keep(at..src.len());
    (b.finish(), landed)
}

impl Edited {
    /// Where a source range went: one range per kept piece it overlaps
    /// (an empty range maps when it sits inside or at the edge of a piece).
    pub fn map(&self, range: &Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        for (src, at) in &self.kept {
            let start = range.start.max(src.start);
            let end = range.end.min(src.end);
            let overlaps =
                start < end || (range.is_empty() && src.start <= start && start <= src.end);
            if overlaps {
                out.push(start - src.start + at..end.max(start) - src.start + at);
            }
        }
        out
    }
}

/// Whether two ranges share a byte, or an empty one sits inside the other.
pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() || b.is_empty() {
        let (point, span) = if a.is_empty() {
            (a.start, b)
        } else {
            (b.start, a)
        };
        return span.start <= point && point <= span.end;
    }
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_reports_where_replacements_landed() {
        let src = "abc def ghi";
        let (ed, landed) = splice(src, &[Splice::new(8..11, "XY"), Splice::delete(3..7)]);
        assert_eq!(ed.text, "abc XY");
        assert_eq!(landed, [4..6, 3..3]);
        assert_eq!(ed.map(&(0..3)), vec![0..3]);
        assert_eq!(ed.map(&(4..7)), Vec::<Range<usize>>::new());
        assert_eq!(ed.map(&(2..9)), [2..3, 3..4]);
    }

    #[test]
    fn moved_pieces_map_to_their_new_place() {
        let src = "one two three";
        let mut b = Builder::new(src);
        b.keep(8..13);
        b.insert(" ");
        b.keep(0..7);
        let ed = b.finish();
        assert_eq!(ed.text, "three one two");
        assert_eq!(ed.map(&(8..13)), vec![0..5]);
        assert_eq!(ed.map(&(4..7)), vec![10..13]);
    }

    #[test]
    fn overlap_treats_empty_ranges_as_points() {
        assert!(overlaps(&(0..3), &(2..5)));
        assert!(!overlaps(&(0..3), &(3..5)));
        assert!(overlaps(&(3..3), &(0..3)));
        assert!(!overlaps(&(4..4), &(0..3)));
    }
}
