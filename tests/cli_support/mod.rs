//! What the binary's test files share: running `copydesk` as a user
//! would, reading its JSON output back through derived structs with
//! `deny_unknown_fields` (so the tests also pin its shape), and folders of
//! drafts made for one test.
#![allow(dead_code)] // each test file uses a different part

use std::path::Path;

use assert_cmd::Command;
use serde::Deserialize;

pub const BIN: &str = env!("CARGO_BIN_EXE_copydesk");
pub const SEED: &str = "seeds/blinken-rafah.txt";

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run from the package root with colours and logs left to
/// their defaults whatever the environment says.
pub fn copydesk() -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(root())
        .env_remove("CLICOLOR_FORCE")
        .env_remove("NO_COLOR")
        .env_remove("COPYDESK_LOG")
        .env_remove("COLUMNS");
    cmd
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    /// Stderr with the run time taken out of the summary line
    /// (`checked 2 files in 0.01s: …` reads `checked 2 files: …`).
    pub stderr: String,
    /// Stderr as written.
    pub raw_stderr: String,
}

#[track_caller]
pub fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("copydesk runs");
    let raw_stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    let time = regex::Regex::new(r"(?m)^(checked \d+ files?) in \d+\.\d+s: ").unwrap();
    Run {
        code: output.status.code().expect("exit code, not a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: time.replace_all(&raw_stderr, "$1: ").into_owned(),
        raw_stderr,
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonFinding {
    pub path: String,
    pub code: String,
    pub severity: String,
    pub message: String,
    pub start: Pos,
    pub end: Pos,
    pub related: Vec<JsonRelated>,
    pub fix: Option<JsonFix>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonRelated {
    pub path: String,
    pub message: String,
    pub start: Pos,
    pub end: Pos,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonFix {
    pub title: String,
    pub safety: String,
    pub edits: Vec<JsonEdit>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonEdit {
    pub start: Pos,
    pub end: Pos,
    pub replacement: String,
}

#[track_caller]
pub fn json(run: &Run) -> Vec<JsonFinding> {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is not the JSON format ({e}):\n{}", run.stdout))
}

/// A folder of drafts built for one test; paths in the output are relative
/// to it.
pub struct Drafts {
    pub dir: tempfile::TempDir,
}

impl Drafts {
    pub fn new() -> Drafts {
        Drafts {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> &Drafts {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    pub fn copydesk(&self) -> Command {
        let mut cmd = copydesk();
        cmd.current_dir(self.dir.path());
        cmd
    }
}

/// Read the JSON lines format (also the shape of each JSON finding).
#[track_caller]
pub fn jsonl(run: &Run) -> Vec<JsonFinding> {
    run.stdout
        .lines()
        .map(|line| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("not a JSON finding ({e}): {line}"))
        })
        .collect()
}

impl Drafts {
    pub fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap()
    }

    /// Copy a file of the package (a fixture, the seed) into the folder.
    pub fn copy(&self, from: &str, name: &str) -> &Drafts {
        self.write(name, std::fs::read(root().join(from)).unwrap())
    }

    /// The folder's file names, recursively, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = walk_names(self.dir.path(), self.dir.path());
        names.sort();
        names
    }
}

fn walk_names(root: &Path, dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && !path.is_symlink() {
            names.extend(walk_names(root, &path));
        } else {
            names.push(path.strip_prefix(root).unwrap().display().to_string());
        }
    }
    names
}
