//! Configuration files on disk: finding, reading and caching the
//! configuration of each draft. The wire format and its resolution into a
//! [`Config`] are the engine's (`copydesk_core::config`, re-exported here);
//! this module gives them the disk ([`DiskFiles`]).
//!
//! A draft's file is `copydesk.toml` or `.copydesk.toml` in the draft's
//! folder or the nearest folder above it, stopping at the repository root
//! (a folder holding `.git`) or the filesystem root ([`find_config`]).
//! `--config PATH` names one file for every draft; `--no-config` uses none
//! ([`ConfigSource`]). A [`Loader`] remembers, during one run, which file
//! each folder uses and each file resolved (or its error), so a folder of a
//! thousand drafts reads its configuration once.

use std::collections::HashMap;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use copydesk_core::config::resolve::Override;
pub use copydesk_core::config::*;

/// The disk, as the resolver reaches files named by `extends`.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiskFiles;

impl Files for DiskFiles {
    fn read(&self, path: &Path) -> io::Result<String> {
        read_config(path)
    }

    fn absolute(&self, path: &Path) -> PathBuf {
        absolute(path)
    }
}

/// Largest configuration file read: house styles are a few kilobytes, and
/// `--config /dev/zero` or a mistaken huge file must not fill the memory.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// Read a configuration file: a regular file of at most
/// [`MAX_CONFIG_BYTES`], in UTF-8 (an error names the first bad byte's line
/// and column).
pub fn read_config(path: &Path) -> io::Result<String> {
    let (file, metadata) = open_regular(path)?;
    let too_large = |bytes: u64| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "is {bytes} bytes; a configuration file may have at most {} KiB",
                MAX_CONFIG_BYTES >> 10
            ),
        )
    };
    if metadata.len() > MAX_CONFIG_BYTES {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|err| {
        let bytes = err.as_bytes();
        let at = err.utf8_error().valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&bytes[line_start..at])
            .chars()
            .count()
            + 1;
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "not valid UTF-8 at line {line}, column {column} (byte {at}); save it as UTF-8"
            ),
        )
    })
}

/// Open `path` (after symbolic links) for reading if it is a regular file.
/// Opening a FIFO would wait for a writer for ever, and a device may never
/// end; both are refused with what they are, as is a dangling link.
pub fn open_regular(path: &Path) -> io::Result<(File, Metadata)> {
    let metadata = match fs::metadata(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return Err(match fs::read_link(path) {
                Ok(target) => io::Error::new(
                    io::ErrorKind::NotFound,
                    format!(
                        "is a symbolic link to `{}`, which does not exist",
                        target.display()
                    ),
                ),
                Err(_) => err,
            });
        }
        other => other?,
    };
    not_special(&metadata)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    not_special(&metadata)?;
    Ok((file, metadata))
}

fn not_special(metadata: &Metadata) -> io::Result<()> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "a folder"
    } else {
        special_kind(&kind)
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("is {what}, not a regular file; only regular files are read"),
    ))
}

#[cfg(unix)]
fn special_kind(kind: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::FileType) -> &'static str {
    "a special file"
}

/// The configuration a single TOML text gives, read as the file `path`
/// (which names it in errors; relative `extends` are read from its folder).
/// No file is searched for.
pub fn from_toml(text: &str, path: impl AsRef<Path>) -> Result<Config, ConfigError> {
    resolve::from_text(text, path.as_ref(), &DiskFiles)
}

/// `path` made absolute against the current folder, with `.` and `..`
/// removed lexically (so globs and cycles compare like paths).
pub fn absolute(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    resolve::normalise(&joined)
}

/// The names a configuration file may have, in order of preference.
pub const FILE_NAMES: [&str; 2] = ["copydesk.toml", ".copydesk.toml"];

/// Where the configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    /// Search from each draft's folder upward.
    Discover,
    /// This file, for every draft (`--config`).
    File(PathBuf),
    /// None: built-in defaults (`--no-config`).
    Defaults,
}

/// A resolved configuration file: the base configuration and the
/// overrides that refine it per draft.
#[derive(Debug, Clone)]
pub struct HouseStyle {
    pub config: Config,
    pub overrides: Vec<Override>,
}

impl HouseStyle {
    /// Load the file at `path` with everything it extends.
    pub fn load(path: &Path) -> Result<HouseStyle, ConfigError> {
        let resolved = resolve::from_file(path, &DiskFiles)?;
        Ok(HouseStyle {
            config: resolved.config,
            overrides: resolved.overrides,
        })
    }

    /// The configuration for the draft at `draft`: the base with every
    /// matching override applied in order.
    pub fn config_for(&self, draft: &Path) -> Config {
        let mut config = self.config.clone();
        let draft = absolute(draft);
        for entry in self.overrides.iter().filter(|o| o.matches(&draft)) {
            entry.apply(&mut config);
        }
        config
    }
}

/// The configuration file governing drafts in `folder`, if any: the first
/// of [`FILE_NAMES`] in `folder` or above it, up to and including the
/// repository root. Two files in one folder is an error: which one rules
/// would be a guess.
pub fn find_config(folder: &Path) -> Result<Option<PathBuf>, ConfigError> {
    // Walk the path as given (so errors and origins read as the user typed
    // it), stepping up with `..` once it runs out.
    let mut shown = folder.to_path_buf();
    let mut real = absolute(folder);
    loop {
        // Anything by the name counts (a folder, a FIFO, a dangling link):
        // loading it then says what is wrong, rather than the file being
        // silently passed over for one further up.
        let found: Vec<PathBuf> = FILE_NAMES
            .iter()
            .map(|name| shown.join(name))
            .filter(|p| fs::symlink_metadata(p).is_ok())
            .collect();
        match found.as_slice() {
            [one] => return Ok(Some(clean(one))),
            [first, second] => {
                return Err(ConfigError {
                    path: clean(second).display().to_string(),
                    location: None,
                    message: format!(
                        "both {} and {} exist; keep one",
                        FILE_NAMES[0], FILE_NAMES[1]
                    ),
                    files: vec![clean(first), clean(second)],
                })
            }
            _ => {}
        }
        if real.join(".git").exists() || !real.pop() {
            return Ok(None);
        }
        shown = match shown.file_name() {
            Some(_) if !shown.ends_with("..") => {
                shown.parent().map(Path::to_path_buf).unwrap_or_default()
            }
            _ => shown.join(".."),
        };
    }
}

/// The folder a draft's configuration is looked for from.
fn folder_of(draft: &Path) -> PathBuf {
    match draft.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `./a/copydesk.toml` → `a/copydesk.toml`.
fn clean(path: &Path) -> PathBuf {
    path.strip_prefix(".")
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The configuration for the draft at `path`, found as `copydesk check`
/// finds it. On success, [`Config::files`] lists the files read; on
/// failure, [`ConfigError::files`] does (for a language server to watch).
pub fn load_for(path: &Path) -> Result<Config, ConfigError> {
    Loader::new(ConfigSource::Discover).config_for(path)
}

/// Resolves and caches configurations during one run.
#[derive(Debug)]
pub struct Loader {
    source: ConfigSource,
    /// Folder → the file governing it.
    folders: HashMap<PathBuf, Option<PathBuf>>,
    /// File → its resolution.
    files: HashMap<PathBuf, Result<Arc<HouseStyle>, ConfigError>>,
    /// (File, overrides that apply) → the configuration, so drafts that
    /// share a configuration share one copy.
    shared: HashMap<(Option<PathBuf>, Vec<usize>), Arc<Config>>,
}

impl Loader {
    pub fn new(source: ConfigSource) -> Loader {
        Loader {
            source,
            folders: HashMap::new(),
            files: HashMap::new(),
            shared: HashMap::new(),
        }
    }

    /// The configuration file for drafts in `folder`, if any.
    pub fn file_for_folder(&mut self, folder: &Path) -> Result<Option<PathBuf>, ConfigError> {
        match &self.source {
            ConfigSource::Defaults => Ok(None),
            ConfigSource::File(path) => Ok(Some(path.clone())),
            ConfigSource::Discover => {
                if let Some(found) = self.folders.get(folder) {
                    return Ok(found.clone());
                }
                let found = find_config(folder)?;
                self.folders.insert(folder.to_path_buf(), found.clone());
                Ok(found)
            }
        }
    }

    /// The resolved house style for drafts in `folder` (`None`: defaults).
    pub fn house_style(&mut self, folder: &Path) -> Result<Option<Arc<HouseStyle>>, ConfigError> {
        let Some(file) = self.file_for_folder(folder)? else {
            return Ok(None);
        };
        let entry = self
            .files
            .entry(file.clone())
            .or_insert_with(|| HouseStyle::load(&file).map(Arc::new));
        entry.clone().map(Some)
    }

    /// The configuration for the draft at `draft` (which need not exist:
    /// standard input is named by `--stdin-filename`).
    pub fn config_for(&mut self, draft: &Path) -> Result<Config, ConfigError> {
        Ok(match self.house_style(&folder_of(draft))? {
            Some(house) => house.config_for(draft),
            None => Config::default(),
        })
    }

    /// [`Loader::config_for`], shared with every other draft that gets the
    /// same configuration during this run.
    pub fn shared_config_for(&mut self, draft: &Path) -> Result<Arc<Config>, ConfigError> {
        let folder = folder_of(draft);
        let file = self.file_for_folder(&folder)?;
        let house = self.house_style(&folder)?;
        let absolute_draft = absolute(draft);
        let matching: Vec<usize> = house.as_ref().map_or_else(Vec::new, |h| {
            (0..h.overrides.len())
                .filter(|&i| h.overrides[i].matches(&absolute_draft))
                .collect()
        });
        let key = (file, matching);
        if let Some(config) = self.shared.get(&key) {
            return Ok(config.clone());
        }
        let config = Arc::new(match &house {
            Some(house) => house.config_for(draft),
            None => Config::default(),
        });
        self.shared.insert(key, config.clone());
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Check;
    use crate::finding::Severity;

    fn write(root: &Path, name: &str, text: &str) {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn absolute_paths_are_lexically_clean() {
        let here = std::env::current_dir().unwrap();
        assert_eq!(absolute(Path::new("a/./b/../c")), here.join("a/c"));
        assert_eq!(absolute(Path::new("")), here);
    }

    #[test]
    fn the_nearest_file_up_to_the_repository_root_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("repo/.git")).unwrap();
        write(root, "copydesk.toml", "");
        write(root, "repo/.copydesk.toml", "");
        write(root, "repo/desk/sport/draft.txt", "");
        write(root, "other/desk/draft.txt", "");
        write(root, "repo/world/copydesk.toml", "");

        let found = find_config(&root.join("repo/desk/sport")).unwrap().unwrap();
        assert_eq!(found, root.join("repo/.copydesk.toml"));
        assert_eq!(
            find_config(&root.join("repo/world")).unwrap().unwrap(),
            root.join("repo/world/copydesk.toml")
        );
        // Outside the repository the search goes on up to the root.
        assert_eq!(
            find_config(&root.join("other/desk")).unwrap().unwrap(),
            root.join("copydesk.toml")
        );
        // At a repository root without a file, the search stops.
        std::fs::remove_file(root.join("repo/.copydesk.toml")).unwrap();
        assert_eq!(find_config(&root.join("repo/desk")).unwrap(), None);
    }

    #[test]
    fn two_files_in_one_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "copydesk.toml", "");
        write(dir.path(), ".copydesk.toml", "");
        let err = find_config(dir.path()).unwrap_err();
        assert!(
            err.message
                .starts_with("both copydesk.toml and .copydesk.toml exist"),
            "{err}"
        );
    }

    #[test]
    fn overrides_apply_by_glob_relative_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join(".git")).unwrap();
        write(
            root,
            "copydesk.toml",
            "[checks]\n\"quote/unattributed\" = \"error\"\n\n\
             [[overrides]]\nfiles = [\"opinion/**\"]\nchecks = { \"quote/unattributed\" = \"off\" }\n\
             thresholds = { min-repeated-quote-words = 9 }\n\n\
             [[overrides]]\nfiles = [\"*.md\"]\nchecks = { \"repeat/quote\" = \"hint\" }\n",
        );
        let mut loader = Loader::new(ConfigSource::Discover);
        let news = loader.config_for(&root.join("news/a.txt")).unwrap();
        assert_eq!(
            news.severity(Check::QuoteUnattributed),
            Some(Severity::Error)
        );
        let opinion = loader.config_for(&root.join("opinion/2024/b.txt")).unwrap();
        assert_eq!(opinion.severity(Check::QuoteUnattributed), None);
        assert_eq!(opinion.thresholds.min_repeated_quote_words, 9);
        assert_eq!(
            opinion.origin(Check::QuoteUnattributed).to_string(),
            format!("{}:6", root.join("copydesk.toml").display())
        );
        let md = loader.config_for(&root.join("news/deep/c.md")).unwrap();
        // Drafts that get the same configuration share it.
        let shared = loader.shared_config_for(&root.join("news/x.txt")).unwrap();
        assert!(Arc::ptr_eq(
            &shared,
            &loader.shared_config_for(&root.join("y.txt")).unwrap()
        ));
        assert!(!Arc::ptr_eq(
            &shared,
            &loader
                .shared_config_for(&root.join("opinion/z.txt"))
                .unwrap()
        ));
        assert_eq!(md.severity(Check::RepeatQuote), Some(Severity::Hint));
        assert_eq!(md.severity(Check::QuoteUnattributed), Some(Severity::Error));
        assert_eq!(md.files, [root.join("copydesk.toml")]);
    }

    #[test]
    fn explicit_and_no_config() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "house.toml",
            "[checks]\n\"repeat/quote\" = \"off\"\n",
        );
        write(
            dir.path(),
            "copydesk.toml",
            "[checks]\n\"repeat/quote\" = \"error\"\n",
        );
        let draft = dir.path().join("a.txt");
        let mut explicit = Loader::new(ConfigSource::File(dir.path().join("house.toml")));
        assert_eq!(
            explicit
                .config_for(&draft)
                .unwrap()
                .severity(Check::RepeatQuote),
            None
        );
        let mut none = Loader::new(ConfigSource::Defaults);
        assert_eq!(none.config_for(&draft).unwrap(), Config::default());
        assert_eq!(
            load_for(&draft).unwrap().severity(Check::RepeatQuote),
            Some(Severity::Error)
        );
    }

    #[test]
    fn errors_list_the_files_read() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "base.toml",
            "[checks]\n\"quote/nope\" = \"off\"\n",
        );
        write(dir.path(), "copydesk.toml", "extends = [\"base.toml\"]\n");
        let err = load_for(&dir.path().join("a.txt")).unwrap_err();
        assert_eq!(err.location, Some((2, 1)));
        assert_eq!(err.files.len(), 2, "{:?}", err.files);
    }
}
