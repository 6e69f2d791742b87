//! Which drafts `copydesk check` reads, in which order, and how a file's
//! bytes become a draft.
//!
//! - A path named on the command line is always checked, whatever its
//!   extension: the user asked for it.
//! - A folder is walked recursively with the `ignore` crate, so `.gitignore`,
//!   `.ignore`, `.copydeskignore` (same syntax, for drafts a repository keeps
//!   but does not want checked) and hidden files are skipped the way `git`
//!   and `rg` skip them (also outside a git repository: a folder of drafts
//!   often is not one). Only `.txt`, `.md` and `.markdown` files are drafts;
//!   `--include` narrows that and `--exclude` drops files and folders, both
//!   in gitignore syntax relative to the folder walked ([`Filters`]).
//!   Entries are sorted by name so output and exit codes do not depend on the
//!   file system.
//! - Symbolic links are followed, so a linked draft is checked; a link that
//!   leads back to a folder it is in is reported as a loop, not walked
//!   forever.
//! - `-` is standard input.
//! - Reading never panics: a missing or unreadable file, a binary file,
//!   invalid UTF-8 and a file over [`MAX_FILE_BYTES`] are each an
//!   [`InputError`] naming the path, and the caller goes on with the others.

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use ignore::gitignore::{Gitignore, GitignoreBuilder};

/// The ignore file, beside `.gitignore` and `.ignore`, that only copydesk
/// reads.
pub const IGNORE_FILE: &str = ".copydeskignore";

/// Extensions of the files a folder walk picks up (compared ignoring case).
pub const EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

/// Largest draft read. Wire stories are a few kilobytes; anything this big is
/// almost certainly not a draft, and reading it whole would only waste memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-` on the command line).
    Stdin,
    File(PathBuf),
}

/// Why an input could not be checked.
#[derive(Debug)]
pub enum InputErrorKind {
    /// Opening, reading or walking failed.
    Io(String),
    /// The file contains a NUL byte, at this byte offset.
    Binary { byte: usize },
    /// The file is not UTF-8; this is the offset of the first bad byte.
    NotUtf8 { byte: usize },
    /// The file is UTF-16 text (a byte-order mark, or NULs every other
    /// byte), which editors on Windows save as "Unicode".
    Utf16 { big_endian: bool },
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: u64 },
    /// Checking it would need more memory than the whole budget
    /// ([`super::budget`]).
    OverBudget { needed: u64, budget: u64 },
}

/// An input that could not be checked, with the path it concerns.
#[derive(Debug)]
pub struct InputError {
    pub path: String,
    pub kind: InputErrorKind,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.path)?;
        match &self.kind {
            InputErrorKind::Io(message) => f.write_str(message),
            InputErrorKind::Binary { byte } => {
                write!(f, "binary file, not a draft (NUL byte at byte {byte})")
            }
            InputErrorKind::NotUtf8 { byte } => write!(f, "not valid UTF-8 (byte {byte})"),
            InputErrorKind::Utf16 { big_endian } => write!(
                f,
                "UTF-16 text ({}), not UTF-8: save it as UTF-8, or convert it with \
                 `iconv -f UTF-16 -t UTF-8 FILE > NEW`",
                if *big_endian {
                    "big-endian"
                } else {
                    "little-endian"
                }
            ),
            InputErrorKind::TooLarge { bytes } => write!(
                f,
                "too large ({} MB; drafts over {} MB are not checked)",
                bytes.div_ceil(1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            InputErrorKind::OverBudget { needed, budget } => write!(
                f,
                "not checked: it needs about {} of memory, more than the budget of {} \
                 (raise it with `--memory`, or split the draft)",
                super::budget::human(*needed),
                super::budget::human(*budget)
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Whether a folder walk picks up `path`.
pub fn is_draft(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| EXTENSIONS.iter().any(|d| ext.eq_ignore_ascii_case(d)))
}

/// `--include` and `--exclude`: gitignore-syntax globs matched against a
/// path relative to the folder being walked (`*.md`, `sport/`,
/// `archive/**/*.txt`). They apply to what a folder walk finds; a file named
/// on the command line is always checked.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// When set, a draft must match one of these to be checked.
    include: Option<Gitignore>,
    /// Files and folders matching these are skipped.
    exclude: Option<Gitignore>,
}

/// A glob that is not valid gitignore syntax.
#[derive(Debug)]
pub struct GlobError {
    pub glob: String,
    pub message: String,
}

impl fmt::Display for GlobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid glob `{}`: {}", self.glob, self.message)
    }
}

impl Filters {
    pub fn new(include: &[String], exclude: &[String]) -> Result<Filters, GlobError> {
        Ok(Filters {
            include: matcher(include)?,
            exclude: matcher(exclude)?,
        })
    }

    /// Whether a walk skips `relative` (a path below the walked folder).
    fn excludes(&self, relative: &Path, is_dir: bool) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|m| m.matched_path_or_any_parents(relative, is_dir).is_ignore())
    }

    /// Whether a walk checks the draft at `relative`.
    fn includes(&self, relative: &Path) -> bool {
        self.include
            .as_ref()
            .is_none_or(|m| m.matched_path_or_any_parents(relative, false).is_ignore())
    }
}

/// The globs as one gitignore matcher; `None` when there are none. Paths
/// handed to it are already relative, so its root is `.`.
fn matcher(globs: &[String]) -> Result<Option<Gitignore>, GlobError> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut builder = GitignoreBuilder::new(".");
    for glob in globs {
        let error = |err: ignore::Error| GlobError {
            glob: glob.clone(),
            message: match err {
                ignore::Error::Glob { err, .. } => err,
                other => other.to_string(),
            },
        };
        // A leading `!` would make the glob a re-include, which means
        // nothing on its own; reject it rather than silently ignore it.
        if glob.starts_with('!') {
            return Err(GlobError {
                glob: glob.clone(),
                message: "a glob cannot start with `!`".into(),
            });
        }
        // The gitignore builder takes an unclosed `[` as a literal; as a
        // glob it matches nothing, silently. Check it as a glob first.
        if let Err(err) = globset::Glob::new(glob.trim_end_matches('/')) {
            return Err(GlobError {
                glob: glob.clone(),
                message: err.kind().to_string(),
            });
        }
        builder.add_line(None, glob).map_err(error)?;
    }
    builder.build().map(Some).map_err(|err| GlobError {
        glob: globs.join(" "),
        message: err.to_string(),
    })
}

/// Expand command-line paths into inputs, in command-line order; each
/// folder's drafts come sorted by name. A path that does not exist or a
/// folder entry that cannot be read is an error in its place, so the caller
/// can report it and go on.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input, InputError>> {
    expand_filtered(paths, &Filters::default())
}

/// [`expand`], with `--include` and `--exclude` applied to folder walks.
pub fn expand_filtered(paths: &[PathBuf], filters: &Filters) -> Vec<Result<Input, InputError>> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Ok(Input::Stdin));
        } else if path.is_dir() {
            walk_folder(path, filters, &mut inputs);
        } else {
            // A missing file surfaces as an error when it is read.
            inputs.push(Ok(Input::File(path.clone())));
        }
    }
    inputs
}

fn walk_folder(root: &Path, filters: &Filters, inputs: &mut Vec<Result<Input, InputError>>) {
    let relative = |path: &Path| path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let skip = filters.clone();
    let owned_root = root.to_path_buf();
    let walk = ignore::WalkBuilder::new(root)
        .require_git(false)
        .follow_links(true)
        .add_custom_ignore_filename(IGNORE_FILE)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            let path = entry
                .path()
                .strip_prefix(&owned_root)
                .unwrap_or(entry.path());
            entry.depth() == 0 || !skip.excludes(path, is_dir)
        })
        .build();
    for entry in walk {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && is_draft(entry.path()) && filters.includes(&relative(entry.path())) {
                    inputs.push(Ok(Input::File(entry.into_path())));
                }
            }
            Err(err) => inputs.push(Err(walk_error(root, err))),
        }
    }
}

/// Pull the path and the plain message out of the `ignore` crate's nested
/// error, so the line reads `error: path: message` like every other.
fn walk_error(root: &Path, err: ignore::Error) -> InputError {
    let mut path = root.display().to_string();
    let mut err = err;
    loop {
        match err {
            ignore::Error::WithPath {
                path: p,
                err: inner,
            } => {
                path = p.display().to_string();
                err = *inner;
            }
            ignore::Error::WithDepth { err: inner, .. } => err = *inner,
            ignore::Error::WithLineNumber { err: inner, .. } => err = *inner,
            ignore::Error::Loop { ancestor, child } => {
                return InputError {
                    path: child.display().to_string(),
                    kind: InputErrorKind::Io(format!(
                        "symbolic link loop (leads back to {}); not followed",
                        ancestor.display()
                    )),
                }
            }
            other => {
                return InputError {
                    path,
                    kind: InputErrorKind::Io(strip_os_error(other.to_string())),
                }
            }
        }
    }
}

/// How an input is named in reports: its path, or for standard input the
/// `--stdin-filename` given, else `<stdin>`.
pub fn display_name(input: &Input, stdin_name: Option<&Path>) -> String {
    match input {
        Input::File(path) => path.display().to_string(),
        Input::Stdin => {
            stdin_name.map_or_else(|| "<stdin>".to_owned(), |p| p.display().to_string())
        }
    }
}

/// Read an input as a draft.
pub fn read(input: &Input, name: &str, stdin: &mut dyn Read) -> Result<String, InputError> {
    read_draft(input, name, stdin).map(|draft| draft.text)
}

/// A draft as read, with what `--fix` needs to notice that the file changed
/// before it writes the fixed text back.
#[derive(Debug, Clone)]
pub struct Draft {
    pub text: String,
    /// `None` for standard input.
    pub stamp: Option<Stamp>,
}

/// A file's length and modification time when it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
}

impl Stamp {
    pub fn of(metadata: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        }
    }
}

/// Read an input as a draft, with its [`Stamp`].
pub fn read_draft(input: &Input, name: &str, stdin: &mut dyn Read) -> Result<Draft, InputError> {
    let error = |kind| InputError {
        path: name.to_owned(),
        kind,
    };
    let io_error = |err: io::Error| error(InputErrorKind::Io(io_message(&err)));
    let (bytes, stamp) = match input {
        Input::Stdin => (read_limited(stdin).map_err(io_error)?, None),
        Input::File(path) => {
            let (file, metadata) = crate::config::open_regular(path).map_err(io_error)?;
            if metadata.len() > MAX_FILE_BYTES {
                return Err(error(InputErrorKind::TooLarge {
                    bytes: metadata.len(),
                }));
            }
            let bytes = read_limited(file).map_err(io_error)?;
            (bytes, Some(Stamp::of(&metadata)))
        }
    };
    let text = decode(bytes).map_err(error)?;
    Ok(Draft { text, stamp })
}

/// Read at most one byte past the limit, so a stream (stdin, or a file that
/// grew after it was measured) that is too large is detected without reading
/// all of it.
fn read_limited(reader: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Turn bytes into a draft, or say why they are not one.
pub fn decode(bytes: Vec<u8>) -> Result<String, InputErrorKind> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(InputErrorKind::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    // NUL never occurs in text; checking it first gives binary files (and
    // UTF-16 text) a clearer message than "not valid UTF-8".
    // `contains` is a fast memchr; the position is only needed for the
    // message.
    if let Some(big_endian) = utf16(&bytes) {
        return Err(InputErrorKind::Utf16 { big_endian });
    }
    if bytes.contains(&0) {
        let byte = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(InputErrorKind::Binary { byte });
    }
    String::from_utf8(bytes).map_err(|e| InputErrorKind::NotUtf8 {
        byte: e.utf8_error().valid_up_to(),
    })
}

/// Whether `bytes` look like UTF-16 text, and if so whether big-endian: a
/// byte-order mark, or (without one) NULs in every other byte of the start,
/// as ASCII letters have in UTF-16.
fn utf16(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some(false),
        [0xFE, 0xFF, ..] => return Some(true),
        _ => {}
    }
    let start = &bytes[..bytes.len().min(256) & !1];
    if start.len() < 4 {
        return None;
    }
    let nul_at = |parity: usize| {
        start
            .chunks(2)
            .all(|pair| pair[parity] == 0 && pair[1 - parity] != 0)
    };
    if nul_at(1) {
        Some(false)
    } else if nul_at(0) {
        Some(true)
    } else {
        None
    }
}

/// An I/O error without the "(os error N)" suffix, which means nothing to
/// a copy editor.
pub fn io_message(err: &io::Error) -> String {
    strip_os_error(err.to_string())
}

fn strip_os_error(message: String) -> String {
    match message.find(" (os error") {
        Some(i) => message[..i].to_owned(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_picked_by_extension_ignoring_case() {
        assert!(is_draft(Path::new("a/story.txt")));
        assert!(is_draft(Path::new("story.MD")));
        assert!(is_draft(Path::new("story.markdown")));
        assert!(!is_draft(Path::new("story.rs")));
        assert!(!is_draft(Path::new("README")));
    }

    #[test]
    fn decode_reports_the_first_bad_byte() {
        let mut bytes = "Caf\u{e9} ok".as_bytes().to_vec();
        bytes.push(0xff);
        match decode(bytes) {
            Err(InputErrorKind::NotUtf8 { byte }) => assert_eq!(byte, 8),
            other => panic!("expected NotUtf8, got {other:?}"),
        }
    }

    #[test]
    fn decode_calls_nul_bytes_binary() {
        match decode(b"PK\x03\x04\x00\x00".to_vec()) {
            Err(InputErrorKind::Binary { byte }) => assert_eq!(byte, 4),
            other => panic!("expected Binary, got {other:?}"),
        }
    }

    #[test]
    fn decode_keeps_text_and_empty_input() {
        assert_eq!(decode(Vec::new()).unwrap(), "");
        assert_eq!(
            decode("“Ja,” sagte sie.\r\n".into()).unwrap(),
            "“Ja,” sagte sie.\r\n"
        );
    }

    #[test]
    fn errors_name_the_path() {
        let err = InputError {
            path: "drafts/a.txt".into(),
            kind: InputErrorKind::NotUtf8 { byte: 123 },
        };
        assert_eq!(err.to_string(), "drafts/a.txt: not valid UTF-8 (byte 123)");
        let err = InputError {
            path: "big.txt".into(),
            kind: InputErrorKind::TooLarge {
                bytes: MAX_FILE_BYTES + 1,
            },
        };
        assert_eq!(
            err.to_string(),
            "big.txt: too large (65 MB; drafts over 64 MB are not checked)"
        );
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let input = Input::File(PathBuf::from("no/such/draft.txt"));
        let err = read(&input, "no/such/draft.txt", &mut io::empty()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no/such/draft.txt: No such file or directory"
        );
    }

    #[test]
    fn stdin_is_read_through_the_given_reader() {
        let mut stdin: &[u8] = b"Hello.\n";
        assert_eq!(
            read(&Input::Stdin, "<stdin>", &mut stdin).unwrap(),
            "Hello.\n"
        );
        assert_eq!(display_name(&Input::Stdin, None), "<stdin>");
        assert_eq!(
            display_name(&Input::Stdin, Some(Path::new("draft.md"))),
            "draft.md"
        );
    }

    #[test]
    fn folders_are_walked_sorted_and_ignore_files_are_respected() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/nested")).unwrap();
        for name in [
            "z.txt",
            "a.md",
            "notes.rs",
            "b/nested/c.markdown",
            "b/skip.txt",
            ".hidden.txt",
        ] {
            std::fs::write(root.join(name), "Text.\n").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "skip.txt\n").unwrap();
        let found: Vec<PathBuf> = expand(&[root.to_path_buf()])
            .into_iter()
            .map(|i| match i.unwrap() {
                Input::File(p) => p.strip_prefix(root).unwrap().to_path_buf(),
                Input::Stdin => panic!("no stdin here"),
            })
            .collect();
        let expected: Vec<PathBuf> = ["a.md", "b/nested/c.markdown", "z.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(found, expected);
    }
}
