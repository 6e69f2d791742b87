//! The house style of each open draft, as the language server sees it.
//!
//! A draft's configuration is found as `copydesk check` finds it
//! ([`config::Loader`]: `copydesk.toml` or `.copydesk.toml` from its folder
//! upward) and cached per folder, so opening a second draft of a folder
//! reads nothing. File-glob overrides still apply per draft
//! ([`HouseStyle::config_for`]).
//!
//! A file that breaks never takes a good configuration away: the folders it
//! governs keep the last one that resolved (the defaults if none ever did),
//! and a [`Notice`] says where the error is. Each broken file is reported
//! once, and once more when it is fixed. [`HouseStyles::reload`] re-reads
//! everything when a configuration file changes on disk.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, ConfigError, ConfigSource, HouseStyle, Loader};
use copydesk_core::Config;

/// Something the user should be told about their configuration files.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// This file cannot be used; the drafts it governs keep their last
    /// good configuration.
    Broken(ConfigError),
    /// This file, broken before, resolves again and is in use.
    Fixed(String),
}

#[derive(Debug, Default)]
pub struct HouseStyles {
    /// Folder → its last good house style (`None`: the defaults).
    folders: HashMap<PathBuf, Option<Arc<HouseStyle>>>,
    /// Broken file (as named in its error) → the error last reported.
    broken: BTreeMap<String, ConfigError>,
    /// Every configuration file read, good or bad: a change to one of them
    /// means a reload.
    files: HashSet<PathBuf>,
    /// Folders whose house style is being read.
    loading: HashSet<PathBuf>,
}

fn folder_of(draft: &Path) -> PathBuf {
    draft
        .parent()
        .map_or_else(|| PathBuf::from("/"), Path::to_path_buf)
}

impl HouseStyles {
    /// The configuration for the draft at `draft` (with its folder's house
    /// style, once [`HouseStyles::ensure`] has loaded it).
    pub fn config_for(&self, draft: &Path) -> Config {
        match self.folders.get(&folder_of(draft)) {
            Some(Some(style)) => style.config_for(draft),
            _ => Config::default(),
        }
    }

    /// The folder of `draft`, when its house style has not been loaded
    /// (nor is being loaded: see [`HouseStyles::loading`]).
    pub fn unloaded(&self, draft: &Path) -> Option<PathBuf> {
        let folder = folder_of(draft);
        (!self.folders.contains_key(&folder) && !self.loading.contains(&folder)).then_some(folder)
    }

    /// Mark `folders` as being read; their drafts are not checked until
    /// [`HouseStyles::install`] or [`HouseStyles::abandon`] says how.
    pub fn start_loading(&mut self, folders: &[PathBuf]) {
        self.loading.extend(folders.iter().cloned());
    }

    /// Whether the house style of `draft`'s folder is being read.
    pub fn loading(&self, draft: &Path) -> bool {
        self.loading.contains(&folder_of(draft))
    }

    /// Give up reading `folders` (it took too long): they keep their last
    /// good style, or get the defaults.
    pub fn abandon(&mut self, folders: &[PathBuf]) {
        for folder in folders {
            self.loading.remove(folder);
            self.folders.entry(folder.clone()).or_insert(None);
        }
    }

    /// Load the house style of `draft`'s folder unless it is cached, in
    /// place (the server reads with [`Loaded::read`] off its lock).
    #[cfg(test)]
    pub fn ensure(&mut self, draft: &Path) -> Vec<Notice> {
        match self.unloaded(draft) {
            Some(folder) => self.install(Loaded::read(vec![folder])),
            None => Vec::new(),
        }
    }

    /// Take the house styles read for newly opened folders; the files that
    /// are broken and were not reported yet are told.
    pub fn install(&mut self, loaded: Loaded) -> Vec<Notice> {
        let mut errors = BTreeMap::new();
        for (folder, style) in loaded.styles {
            self.put(folder, style, &mut errors);
        }
        let mut notices = Vec::new();
        for (path, error) in errors {
            if self.broken.get(&path) != Some(&error) {
                notices.push(Notice::Broken(error.clone()));
                self.broken.insert(path, error);
            }
        }
        notices
    }

    /// The folders of `drafts` (the open ones): what a reload reads.
    pub fn folders_of<'a>(drafts: impl IntoIterator<Item = &'a Path>) -> Vec<PathBuf> {
        let folders: HashSet<PathBuf> = drafts.into_iter().map(folder_of).collect();
        folders.into_iter().collect()
    }

    /// Re-read the house style of every folder holding one of `drafts`
    /// (the open ones); folders with no open draft are forgotten. In place,
    /// like [`HouseStyles::ensure`].
    #[cfg(test)]
    pub fn reload<'a>(&mut self, drafts: impl IntoIterator<Item = &'a Path>) -> Vec<Notice> {
        let loaded = Loaded::read(Self::folders_of(drafts));
        self.install_reload(loaded)
    }

    /// Take the house styles re-read for every open folder ([`Loaded::read`]
    /// of [`HouseStyles::folders_of`] the open drafts): the others are
    /// forgotten, and the files fixed or newly broken are told.
    pub fn install_reload(&mut self, loaded: Loaded) -> Vec<Notice> {
        let folders: HashSet<&PathBuf> = loaded.styles.iter().map(|(f, _)| f).collect();
        self.folders.retain(|folder, _| folders.contains(folder));
        self.files.clear();
        let mut errors = BTreeMap::new();
        for (folder, style) in loaded.styles {
            self.put(folder, style, &mut errors);
        }
        let mut notices: Vec<Notice> = self
            .broken
            .keys()
            .filter(|path| !errors.contains_key(*path))
            .map(|path| Notice::Fixed(path.clone()))
            .collect();
        for (path, error) in &errors {
            if self.broken.get(path) != Some(error) {
                notices.push(Notice::Broken(error.clone()));
            }
        }
        self.broken = errors;
        notices
    }

    /// Whether a change to `path` may change a configuration.
    pub fn watches(&self, path: &Path) -> bool {
        let named = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| config::FILE_NAMES.contains(&n));
        named || self.files.contains(path)
    }

    fn put(
        &mut self,
        folder: PathBuf,
        style: ReadStyle,
        errors: &mut BTreeMap<String, ConfigError>,
    ) {
        self.loading.remove(&folder);
        match style {
            Ok(style) => {
                if let Some(style) = &style {
                    self.files.extend(style.config.files.iter().cloned());
                }
                self.folders.insert(folder, style);
            }
            Err(error) => {
                self.files.extend(error.files.iter().cloned());
                // Keep the last good style; a folder never loaded gets the
                // defaults.
                self.folders.entry(folder).or_insert(None);
                errors.insert(error.path.clone(), error);
            }
        }
    }
}

/// A folder's house style as read: `None` when it has no file.
type ReadStyle = Result<Option<Arc<HouseStyle>>, ConfigError>;

/// House styles read from disk, for [`HouseStyles::install`] or
/// [`HouseStyles::install_reload`]. Reading touches the file system, so the
/// server does it on a blocking thread, away from its state's lock.
#[derive(Debug)]
pub struct Loaded {
    styles: Vec<(PathBuf, ReadStyle)>,
}

impl Loaded {
    /// Read the house style of each of `folders` (one loader for all: a
    /// file shared by many folders is read once).
    pub fn read(folders: Vec<PathBuf>) -> Loaded {
        let mut loader = Loader::new(ConfigSource::Discover);
        Loaded {
            styles: folders
                .into_iter()
                .map(|folder| {
                    let style = loader.house_style(&folder);
                    (folder, style)
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use copydesk_core::Check;

    fn draft_in(dir: &Path) -> PathBuf {
        dir.join("draft.md")
    }

    #[test]
    fn a_folder_without_a_file_gets_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(".git")).unwrap();
        let mut styles = HouseStyles::default();
        assert_eq!(styles.ensure(&draft_in(dir.path())), []);
        assert_eq!(styles.config_for(&draft_in(dir.path())), Config::default());
    }

    #[test]
    fn a_broken_file_keeps_the_last_good_configuration_until_fixed() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(".git")).unwrap();
        let file = dir.path().join("copydesk.toml");
        let draft = draft_in(dir.path());
        fs::write(&file, "[checks]\n\"quote/unattributed\" = \"off\"\n").unwrap();
        let mut styles = HouseStyles::default();
        assert_eq!(styles.ensure(&draft), []);
        assert_eq!(
            styles.config_for(&draft).severity(Check::QuoteUnattributed),
            None
        );
        assert!(styles.watches(&file));

        fs::write(&file, "[checks]\n\"quote/unattributed\" = \"loud\"\n").unwrap();
        let notices = styles.reload([draft.as_path()]);
        let [Notice::Broken(error)] = notices.as_slice() else {
            panic!("one broken file: {notices:?}");
        };
        assert_eq!(error.location.map(|(line, _)| line), Some(2));
        assert_eq!(
            styles.config_for(&draft).severity(Check::QuoteUnattributed),
            None,
            "the last good configuration still applies"
        );
        assert_eq!(styles.reload([draft.as_path()]), [], "reported once");

        fs::write(&file, "[checks]\n\"quote/unattributed\" = \"error\"\n").unwrap();
        assert_eq!(
            styles.reload([draft.as_path()]),
            [Notice::Fixed(error.path.clone())]
        );
        assert_eq!(
            styles.config_for(&draft).severity(Check::QuoteUnattributed),
            Some(copydesk_core::Severity::Error)
        );
    }
    #[test]
    fn a_folder_being_read_is_not_read_twice_and_given_up_gets_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(".git")).unwrap();
        let draft = draft_in(dir.path());
        let mut styles = HouseStyles::default();
        let folder = styles.unloaded(&draft).expect("never read");
        styles.start_loading(std::slice::from_ref(&folder));
        assert!(styles.loading(&draft));
        assert_eq!(styles.unloaded(&draft), None, "already being read");

        styles.abandon(std::slice::from_ref(&folder));
        assert!(!styles.loading(&draft));
        assert_eq!(styles.unloaded(&draft), None);
        assert_eq!(styles.config_for(&draft), Config::default());
    }

    #[test]
    fn a_style_read_elsewhere_is_installed_and_ends_the_loading() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(".git")).unwrap();
        fs::write(
            dir.path().join("copydesk.toml"),
            "[checks]\n\"quote/unattributed\" = \"off\"\n",
        )
        .unwrap();
        let draft = draft_in(dir.path());
        let mut styles = HouseStyles::default();
        let folder = styles.unloaded(&draft).unwrap();
        styles.start_loading(std::slice::from_ref(&folder));
        let loaded = Loaded::read(vec![folder]);
        assert_eq!(styles.install(loaded), []);
        assert!(!styles.loading(&draft));
        assert_eq!(
            styles.config_for(&draft).severity(Check::QuoteUnattributed),
            None
        );
    }
}
