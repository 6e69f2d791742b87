//! The memory budget of `copydesk check` (issue 13): a draft is checked
//! only when the memory it needs fits, and the drafts checked at once never
//! need more together than the budget.
//!
//! What a draft needs is estimated from its text before it is checked:
//! [`PEAK_BYTES_PER_BYTE`] for each byte (the engine's measured peak on
//! prose, plus the text itself and the report's copy of it), and for
//! Markdown [`BYTES_PER_MARKUP_BYTE`] more for each byte that may open or
//! close Markdown syntax: the parser holds a node for every such item of
//! the whole draft, so a draft made of nothing else (a million `[`, `- `
//! or `` `a ``) costs it up to 340 bytes per markup byte.
//! `examples/peak_memory.rs` measures both; the figures are in
//! docs/performance.md.
//!
//! The budget is `--memory` when given, else the memory the system says is
//! available when the run starts (the container's limit when lower). A
//! worker reserves a draft's estimate before checking it and waits while
//! the other workers' reservations leave too little; a draft that needs
//! more than the whole budget is an error for that file and the others are
//! still checked. So `-j` (at most one thread per core) never multiplies
//! the memory beyond the budget.

use std::sync::{Condvar, Mutex, PoisonError};

use copydesk_core::DocKind;

/// Peak memory of checking a draft, per byte of it: the engine's measured
/// peak on prose (at most 23 bytes per byte on drafts of 1 to 5 MB), the
/// text as read, and the reporter's copy, rounded up.
pub const PEAK_BYTES_PER_BYTE: u64 = 26;

/// What each Markdown markup byte ([`is_markup`]) may add: the most
/// measured, 336 bytes per `` ` `` of `` `a`a`a… ``.
pub const BYTES_PER_MARKUP_BYTE: u64 = 340;

/// When the system does not say how much memory is available.
const FALLBACK_LIMIT: u64 = 2 * 1024 * 1024 * 1024;

/// The memory a draft of `text` needs to be checked.
pub fn needed(text: &str, kind: DocKind) -> u64 {
    let markup = match kind {
        DocKind::Markdown => markup_bytes(text.as_bytes()),
        DocKind::Plain => 0,
    };
    text.len() as u64 * PEAK_BYTES_PER_BYTE + markup * BYTES_PER_MARKUP_BYTE
}

/// The bytes of `text` that may open or close Markdown syntax: brackets,
/// quote and list markers, emphasis, code, HTML, tables, headings, escapes,
/// and the `.` or `)` of an ordered list marker (after a digit).
fn markup_bytes(text: &[u8]) -> u64 {
    let mut count = 0;
    let mut after_digit = false;
    for &b in text {
        if is_markup(b) || (after_digit && matches!(b, b'.' | b')')) {
            count += 1;
        }
        after_digit = b.is_ascii_digit();
    }
    count
}

fn is_markup(b: u8) -> bool {
    matches!(
        b,
        b'[' | b']'
            | b'<'
            | b'>'
            | b'!'
            | b'*'
            | b'_'
            | b'`'
            | b'|'
            | b'-'
            | b'+'
            | b'#'
            | b'~'
            | b'\\'
    )
}

/// The bytes of a draft whose size alone already needs more than `limit`,
/// whatever its kind: such a file is refused before it is read.
pub fn largest_readable(limit: u64) -> u64 {
    limit / PEAK_BYTES_PER_BYTE
}

/// The memory shared by the workers of one run.
#[derive(Debug)]
pub struct Budget {
    limit: u64,
    in_use: Mutex<u64>,
    freed: Condvar,
}

/// Memory held by one draft being checked; given back when dropped.
#[derive(Debug)]
pub struct Reservation<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    pub fn new(limit: u64) -> Budget {
        Budget {
            limit,
            in_use: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// Reserve `bytes`, waiting while other drafts hold too much; `None`
    /// when `bytes` is more than the whole budget. A reservation is only
    /// waited for while another one is held, and every holder finishes its
    /// draft without reserving again, so waiting cannot deadlock.
    pub fn reserve(&self, bytes: u64) -> Option<Reservation<'_>> {
        if bytes > self.limit {
            return None;
        }
        let mut in_use = self.in_use.lock().unwrap_or_else(PoisonError::into_inner);
        while *in_use + bytes > self.limit {
            in_use = self
                .freed
                .wait(in_use)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *in_use += bytes;
        Some(Reservation {
            budget: self,
            bytes,
        })
    }
}

impl Drop for Reservation<'_> {
    fn drop(&mut self) {
        let mut in_use = self
            .budget
            .in_use
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *in_use -= self.bytes;
        self.budget.freed.notify_all();
    }
}

/// The default budget: the memory available now, as the system counts it
/// (`MemAvailable`: free memory plus caches it can drop), or the room left
/// under the container's limit (cgroup v2) when that is less.
pub fn default_limit() -> u64 {
    let available = meminfo_available();
    let cgroup = cgroup_room();
    match (available, cgroup) {
        (Some(a), Some(c)) => a.min(c),
        (Some(a), None) => a,
        (None, Some(c)) => c,
        (None, None) => FALLBACK_LIMIT,
    }
}

fn meminfo_available() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kib: u64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemAvailable:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib * 1024)
}

fn cgroup_room() -> Option<u64> {
    let read = |name: &str| std::fs::read_to_string(format!("/sys/fs/cgroup/{name}")).ok();
    // "max" (no limit) does not parse, and then there is no room to respect.
    let max: u64 = read("memory.max")?.trim().parse().ok()?;
    let current: u64 = read("memory.current")?.trim().parse().ok()?;
    Some(max.saturating_sub(current))
}

/// `--memory SIZE`: bytes, or a number with `K`, `M`, `G` or `T` (powers of
/// 1024; `KiB`, `MB` and the like are read the same).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let digits = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(digits);
    let number: f64 = number
        .parse()
        .map_err(|_| format!("`{s}` is not a size: write it as 512M, 2G or 1.5G"))?;
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        "T" | "TB" | "TIB" => 40,
        _ => return Err(format!("`{unit}` is not a unit of size: use K, M, G or T")),
    };
    let bytes = number * (1u64 << shift) as f64;
    if bytes < 1.0 {
        return Err("the memory budget must be at least one byte".to_owned());
    }
    Ok(bytes as u64)
}

/// A size for people: `1.5 GB`, `800 MB`, `12 KB` (powers of 1024).
pub fn human(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    if value < 1024.0 {
        return format!("{bytes} bytes");
    }
    let mut unit = "";
    for u in UNITS {
        value /= 1024.0;
        unit = u;
        if value < 1024.0 {
            break;
        }
    }
    if value < 10.0 {
        format!("{value:.1} {unit}")
    } else {
        format!("{value:.0} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_with_and_without_units() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("512K"), Ok(512 * 1024));
        assert_eq!(parse_size("2G"), Ok(2 << 30));
        assert_eq!(parse_size("1.5 GiB"), Ok(3 << 29));
        assert_eq!(parse_size("100mb"), Ok(100 << 20));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("2X").is_err());
        assert!(parse_size("0").is_err());
    }

    #[test]
    fn markdown_markup_costs_more_than_prose() {
        let prose = "Blinken said on Friday. ".repeat(10);
        assert_eq!(
            needed(&prose, DocKind::Markdown),
            prose.len() as u64 * PEAK_BYTES_PER_BYTE
        );
        let brackets = "[".repeat(240);
        assert_eq!(
            needed(&brackets, DocKind::Markdown),
            240 * (PEAK_BYTES_PER_BYTE + BYTES_PER_MARKUP_BYTE)
        );
        // `1.` and `2)` may start a list item (the period of `1.5` is
        // counted too: an estimate may be high), `a.` and `b)` do not.
        assert_eq!(markup_bytes(b"1. a 1.5 a. b) 2)"), 3);
        assert_eq!(needed(&brackets, DocKind::Plain), 240 * PEAK_BYTES_PER_BYTE);
    }

    #[test]
    fn a_reservation_over_the_budget_is_refused_and_others_are_given_back() {
        let budget = Budget::new(100);
        assert!(budget.reserve(101).is_none());
        let a = budget.reserve(60).unwrap();
        std::thread::scope(|s| {
            // Waits until `a` is given back.
            let waiting = s.spawn(|| budget.reserve(60).map(|r| r.bytes));
            drop(a);
            assert_eq!(waiting.join().unwrap(), Some(60));
        });
        assert_eq!(*budget.in_use.lock().unwrap(), 0);
    }

    #[test]
    fn human_sizes() {
        assert_eq!(human(800), "800 bytes");
        assert_eq!(human(1536), "1.5 KB");
        assert_eq!(human(300 << 20), "300 MB");
        assert_eq!(human(3 << 30), "3.0 GB");
    }
}
