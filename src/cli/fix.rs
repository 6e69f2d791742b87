//! `--fix`, `--unsafe-fixes` and `--diff`: applying the checks' fixes.
//!
//! A fix is data ([`copydesk_core::finding::Fix`]): edits and a safety level. Here
//! they are applied in passes ([`fix_text`]): each pass takes the allowed
//! fixes in position order, skips any whose edits overlap an edit already
//! taken (or that no longer fit the text), applies the rest at once, and
//! checks the result again, until nothing is left to fix. Overlapping fixes
//! thus still get applied in a later pass when they still apply to the
//! re-checked text. Fixes that still find work after [`MAX_PASSES`] passes
//! feed on their own output (rules that undo each other): the draft is then
//! left as it was and the rule named ([`Fixed::unsettled`]), so a `--fix`
//! run either settles (a second run changes nothing) or writes nothing.
//!
//! Writing ([`write_atomically`]) never leaves a half-written draft: the
//! fixed text goes to a temporary file in the same folder, which gets the
//! original's permissions and is then renamed over it. Just before that, the
//! file is compared with what was read (length, modification time and
//! content); a draft someone saved during the run is left alone and reported.

use std::fs;
use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;

use clap::Args;

use crate::config::Config;
use copydesk_core::document::DocKind;
use copydesk_core::finding::{Edit, Finding, Safety};
use copydesk_core::Session;

use super::walk::{self, Stamp};

/// Passes of fix-and-check per draft. One pass applies every fix that does
/// not overlap another; the extra passes pick up fixes that overlapped and
/// fixes of findings that only appear after the first edits.
pub const MAX_PASSES: usize = 8;

/// The fixing options of `copydesk check`.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Fixing")]
pub struct FixArgs {
    /// Apply the safe fixes and write each changed file back (standard
    /// input: print the fixed text to stdout). Findings left are reported.
    #[arg(long)]
    pub fix: bool,

    /// With `--fix` or `--diff`, also apply the fixes marked unsafe: they
    /// may change what the story says (deleting a paragraph that restates
    /// another).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of what `--fix` would change instead of the
    /// findings, and write nothing. Exits 1 when there is something to fix.
    #[arg(long)]
    pub diff: bool,
}

impl FixArgs {
    /// Whether fixes are computed at all.
    pub fn fixing(&self) -> bool {
        self.fix || self.diff
    }

    /// Whether a fix of this safety may be applied.
    pub fn allows(&self, safety: Safety) -> bool {
        match safety {
            Safety::Safe => true,
            Safety::Unsafe => self.unsafe_fixes,
        }
    }
}

/// A draft after fixing.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    /// The text with every applied fix.
    pub text: String,
    /// The findings of the fixed text.
    pub findings: Vec<Finding>,
    /// How many fixes were applied, over all passes.
    pub applied: usize,
    /// Why the fixes did not settle within [`MAX_PASSES`] passes; `text`
    /// must then not be used.
    pub unsettled: Option<String>,
}

/// Apply the fixes `allowed` lets through, in passes, to `text`, whose
/// findings are `findings`; each pass re-checks in `session`.
pub fn fix_text(
    session: &mut Session,
    text: &str,
    findings: Vec<Finding>,
    kind: DocKind,
    config: &Config,
    allowed: impl Fn(Safety) -> bool,
) -> Fixed {
    let mut fixed = Fixed {
        text: text.to_owned(),
        findings,
        applied: 0,
        unsettled: None,
    };
    for _ in 0..MAX_PASSES {
        let (edits, fixes) = choose(&fixed.text, &fixed.findings, &allowed);
        if fixes == 0 {
            return fixed;
        }
        fixed.text = apply(&fixed.text, edits);
        fixed.applied += fixes;
        fixed.findings = session.check(config, &fixed.text, kind);
    }
    let (edits, fixes) = choose(&fixed.text, &fixed.findings, &allowed);
    if fixes > 0 {
        let first = edits
            .iter()
            .min_by_key(|e| e.range.start)
            .expect("a fix has edits");
        let finding = fixed
            .findings
            .iter()
            .find(|f| {
                f.fix
                    .as_ref()
                    .is_some_and(|fix| fix.edits.iter().any(|e| std::ptr::eq(e, *first)))
            })
            .expect("the edit's finding");
        let line = fixed.text[..first.range.start].matches('\n').count() + 1;
        fixed.unsettled = Some(format!(
            "fixes do not settle: after {MAX_PASSES} passes `{}` still rewrites `{}` (line {line} of the fixed text), so its rules feed on each other's output; nothing written",
            finding.code.as_str(),
            &fixed.text[first.range.clone()],
        ));
    }
    fixed
}

/// The edits of the fixes to apply in one pass, and how many fixes they
/// make up. Findings come sorted by position, so earlier fixes win.
fn choose<'f>(
    text: &str,
    findings: &'f [Finding],
    allowed: impl Fn(Safety) -> bool,
) -> (Vec<&'f Edit>, usize) {
    let mut taken: Vec<&Edit> = Vec::new();
    let mut fixes = 0;
    for finding in findings {
        let Some(fix) = &finding.fix else { continue };
        if !allowed(fix.safety) || fix.edits.is_empty() {
            continue;
        }
        if !fix.edits.iter().all(|e| fits(text, &e.range)) {
            tracing::warn!(check = %finding.check(), title = %fix.title, "fix does not fit the text; skipped");
            continue;
        }
        // A fix that changes nothing would be "applied" on every pass.
        if fix
            .edits
            .iter()
            .all(|e| text[e.range.clone()] == e.replacement)
        {
            continue;
        }
        let clashes = fix.edits.iter().enumerate().any(|(i, edit)| {
            fix.edits[..i]
                .iter()
                .any(|other| overlap(&edit.range, &other.range))
                || taken.iter().any(|other| overlap(&edit.range, &other.range))
        });
        if clashes {
            continue;
        }
        taken.extend(&fix.edits);
        fixes += 1;
    }
    (taken, fixes)
}

/// Whether `range` is a valid slice of `text`.
fn fits(text: &str, range: &Range<usize>) -> bool {
    range.start <= range.end && text.get(range.clone()).is_some()
}

/// Whether two edits touch the same text. Two insertions at one offset
/// clash too: which goes first would be arbitrary.
fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

/// Apply non-overlapping edits in one forward copy: linear in the text and
/// the edits (rewriting in place would move the tail once per edit).
fn apply(text: &str, mut edits: Vec<&Edit>) -> String {
    edits.sort_by_key(|e| e.range.start);
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for edit in edits {
        out.push_str(&text[done..edit.range.start]);
        out.push_str(&edit.replacement);
        done = edit.range.end;
    }
    out.push_str(&text[done..]);
    out
}

/// A unified diff (`--- a/PATH`, `+++ b/PATH`, three lines of context), as
/// `git diff` writes it, so `git apply` and `patch -p1` take it.
///
/// Lines end at `\n` only, as for those tools: a lone CR stays inside its
/// line (a CR-only draft is one line to them), and a last line without a
/// `\n` gets the `\ No newline at end of file` marker. The path is written
/// without `.` components (`a/./x.txt` is refused by `git apply`).
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    use std::fmt::Write as _;
    let name = diff_path(name);
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let diff = similar::TextDiff::configure().diff_slices(&old_lines, &new_lines);
    let mut out = String::new();
    for group in diff.grouped_ops(3) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let old_range = first.old_range().start..last.old_range().end;
        let new_range = first.new_range().start..last.new_range().end;
        if out.is_empty() {
            let _ = write!(out, "--- a/{name}\n+++ b/{name}\n");
        }
        let _ = writeln!(
            out,
            "@@ -{} +{} @@",
            hunk_range(&old_range),
            hunk_range(&new_range)
        );
        for op in &group {
            for change in diff.iter_changes(op) {
                let sign = match change.tag() {
                    similar::ChangeTag::Equal => ' ',
                    similar::ChangeTag::Delete => '-',
                    similar::ChangeTag::Insert => '+',
                };
                let line: &str = change.value();
                out.push(sign);
                out.push_str(line);
                if !line.ends_with('\n') {
                    out.push_str("\n\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}

/// `start,count` of a hunk, 1-based; an empty range names the line before.
fn hunk_range(range: &Range<usize>) -> String {
    match range.len() {
        0 => format!("{},0", range.start),
        1 => format!("{}", range.start + 1),
        n => format!("{},{n}", range.start + 1),
    }
}

/// The path as a diff names it: `/` separators, no `.` or `..`
/// components, relative to the current folder when it lies inside it
/// (`git apply` refuses `a/./x.txt` and `a/desk/../x.txt`).
fn diff_path(name: &str) -> String {
    let absolute = crate::config::absolute(Path::new(name));
    let path = match std::env::current_dir() {
        Ok(cwd) => absolute
            .strip_prefix(crate::config::absolute(&cwd))
            .map_or(absolute.clone(), Path::to_path_buf),
        Err(_) => absolute,
    };
    let parts: Vec<String> = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::RootDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let joined = parts.join("/");
    if path.has_root() {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Why a fixed draft was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file is no longer what was read and checked.
    Changed,
    /// The file has other names (hard links): replacing it would leave them
    /// with the old text, silently.
    HardLinked(u64),
    /// The file is read-only: someone meant it not to change.
    ReadOnly,
    Io(io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => {
                f.write_str("changed on disk while it was being checked; not overwritten")
            }
            WriteError::HardLinked(links) => write!(
                f,
                "has {links} hard links; not fixed, as the other names would keep the old text \
                 (fix a copy, or use --diff and apply the patch)"
            ),
            WriteError::ReadOnly => f.write_str(
                "is read-only; not fixed (make it writable first, or use --diff to see the fixes)",
            ),
            WriteError::Io(err) => write!(f, "cannot write the fix: {}", walk::io_message(err)),
        }
    }
}

impl From<io::Error> for WriteError {
    fn from(err: io::Error) -> WriteError {
        WriteError::Io(err)
    }
}

/// Replace the draft at `path` with `text`, atomically, unless it changed
/// since it was read as `original` with `stamp`.
///
/// A symbolic link is resolved first, so the linked draft is rewritten and
/// the link stays a link.
pub fn write_atomically(
    path: &Path,
    original: &str,
    stamp: Stamp,
    text: &str,
) -> Result<(), WriteError> {
    let target = fs::canonicalize(path)?;
    let metadata = fs::metadata(&target)?;
    if Stamp::of(&metadata) != stamp || fs::read(&target)? != original.as_bytes() {
        return Err(WriteError::Changed);
    }
    if metadata.permissions().readonly() {
        return Err(WriteError::ReadOnly);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if metadata.nlink() > 1 {
            return Err(WriteError::HardLinked(metadata.nlink()));
        }
    }
    let folder = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".copydesk-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().set_permissions(metadata.permissions())?;
    keep_owner(temp.as_file(), &metadata);
    // On error the temporary file is removed when `temp` drops.
    temp.persist(&target)
        .map_err(|err| WriteError::Io(err.error))?;
    Ok(())
}

/// Give the new file the original's owner and group, where we may (as root,
/// or for a group we are in); otherwise it keeps ours, as any editor's save
/// would.
#[cfg(unix)]
fn keep_owner(file: &fs::File, metadata: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(metadata.uid()), Some(metadata.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_file: &fs::File, _metadata: &fs::Metadata) {}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk_core::checks::Check;
    use copydesk_core::finding::Fix;

    fn finding(range: Range<usize>, safety: Safety, edits: &[(Range<usize>, &str)]) -> Finding {
        Finding::new(Check::RepeatParagraph, range, "m").with_fix(Fix::new(
            "t",
            safety,
            edits
                .iter()
                .map(|(range, replacement)| Edit {
                    range: range.clone(),
                    replacement: (*replacement).to_owned(),
                })
                .collect(),
        ))
    }

    #[test]
    fn overlapping_fixes_wait_for_a_later_pass() {
        let text = "abcdef";
        let findings = [
            finding(0..2, Safety::Safe, &[(0..2, "AB")]),
            finding(1..3, Safety::Safe, &[(1..3, "x")]),
            finding(4..5, Safety::Safe, &[(4..5, "E")]),
            finding(5..6, Safety::Unsafe, &[(5..6, "F")]),
        ];
        let (edits, fixes) = choose(text, &findings, |s| s == Safety::Safe);
        assert_eq!(fixes, 2, "the overlapping and the unsafe fix are left");
        assert_eq!(apply(text, edits), "ABcdEf");
        let (edits, fixes) = choose(text, &findings, |_| true);
        assert_eq!(fixes, 3);
        assert_eq!(apply(text, edits), "ABcdEF");
    }

    #[test]
    fn fixes_that_do_not_fit_or_change_nothing_are_skipped() {
        let text = "héllo";
        let findings = [
            finding(0..1, Safety::Safe, &[(2..3, "x")]), // inside 'é'
            finding(0..1, Safety::Safe, &[(4..99, "x")]),
            finding(0..1, Safety::Safe, &[(0..1, "h")]),
            finding(0..1, Safety::Safe, &[(3..3, "!"), (3..3, "?")]),
        ];
        let (edits, fixes) = choose(text, &findings, |_| true);
        assert_eq!((edits.len(), fixes), (0, 0));
    }

    #[test]
    fn insertions_at_one_offset_clash_but_adjacent_edits_do_not() {
        assert!(overlap(&(3..3), &(3..3)));
        assert!(overlap(&(3..3), &(3..5)));
        assert!(overlap(&(4..4), &(3..5)));
        assert!(!overlap(&(1..3), &(3..5)));
        assert!(!overlap(&(5..5), &(3..5)));
    }

    #[test]
    fn passes_repeat_until_the_copy_is_clean() {
        let lede = "A ground offensive against Springfield would further isolate Freedonia internationally, Foreign Minister Rufus Firefly said on Tuesday.";
        let text = format!("{lede}\nMarkets were calm.\n{lede}\n{lede}\n");
        let config = Config::default();
        let findings = copydesk_core::check(&text, DocKind::Plain, &config);
        let fixed = fix_text(
            &mut Session::new(),
            &text,
            findings,
            DocKind::Plain,
            &config,
            |s| s == Safety::Safe,
        );
        assert_eq!(fixed.text, format!("{lede}\nMarkets were calm.\n"));
        assert_eq!(fixed.applied, 2);
        assert_eq!(fixed.findings, []);
    }

    #[test]
    fn diffs_are_git_style() {
        let diff = unified_diff("desk/a.txt", "one\ntwo\nthree\n", "one\nthree\n");
        assert_eq!(
            diff,
            "--- a/desk/a.txt\n+++ b/desk/a.txt\n@@ -1,3 +1,2 @@\n one\n-two\n three\n"
        );
    }

    #[test]
    fn writes_replace_the_file_and_keep_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "old\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        let stamp = Stamp::of(&fs::metadata(&path).unwrap());
        write_atomically(&path, "old\n", stamp, "new\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.txt"], "no temporary file is left");
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "old\n").unwrap();
        let stamp = Stamp::of(&fs::metadata(&path).unwrap());
        // Same length, so only the content (or the time) tells.
        fs::write(&path, "new\n").unwrap();
        let err = write_atomically(&path, "old\n", stamp, "fixed\n").unwrap_err();
        assert!(matches!(err, WriteError::Changed), "{err:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(
            err.to_string(),
            "changed on disk while it was being checked; not overwritten"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_draft_is_rewritten_and_the_link_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        fs::write(&real, "old\n").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let stamp = Stamp::of(&fs::metadata(&link).unwrap());
        write_atomically(&link, "old\n", stamp, "new\n").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new\n");
    }
}
