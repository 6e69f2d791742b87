//! Loading the research corpus (`../shared/corpus`): PolNeAR articles with
//! their attribution annotations and derived quote labels, and BBC News
//! articles. Text stays in memory; nothing from it is written anywhere.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use crate::brat::{self, Annotations, CharOffsets};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Corpus {
    PolNear,
    Bbc,
}

impl fmt::Display for Corpus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Corpus::PolNear => "PolNeAR",
            Corpus::Bbc => "BBC",
        })
    }
}

/// Tune on one part, report on the other, so the reported figures are not
/// measured on the text the thresholds were chosen on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Split {
    /// PolNeAR `dev`, BBC sport and tech.
    Report,
    /// PolNeAR `train`, BBC business, entertainment and politics.
    Tune,
}

impl Split {
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Report => "report",
            Split::Tune => "tune",
        }
    }

    fn polnear_folder(self) -> &'static str {
        match self {
            Split::Report => "dev",
            Split::Tune => "train",
        }
    }

    fn bbc_folders(self) -> &'static [&'static str] {
        match self {
            Split::Report => &["sport", "tech"],
            Split::Tune => &["business", "entertainment", "politics"],
        }
    }

    /// What the split is made of, for reports.
    pub fn describe(self) -> String {
        format!(
            "PolNeAR {}, BBC {}",
            self.polnear_folder(),
            self.bbc_folders().join("/")
        )
    }
}

pub struct Article {
    /// `polnear/dev/NAME` or `bbc/sport/001`: stable, used to seed injections.
    pub id: String,
    pub corpus: Corpus,
    pub split: Split,
    pub text: String,
    /// PolNeAR only.
    pub annotations: Option<Annotations>,
    /// PolNeAR only: quoted text (marks excluded) of quotes of 4+ words
    /// labelled `attributed` in `quotes.jsonl`.
    pub attributed_quotes: Vec<Range<usize>>,
}

#[cfg(test)]
impl Article {
    /// A BBC-like article of the tuning split: what the injectors' unit
    /// tests start from.
    pub fn for_test(text: &str) -> Article {
        Article {
            id: "t".into(),
            corpus: Corpus::Bbc,
            split: Split::Tune,
            text: text.into(),
            annotations: None,
            attributed_quotes: Vec::new(),
        }
    }
}

/// One line of `quotes.jsonl` (see `tools/polnear_quotes.py`).
#[derive(Deserialize)]
struct QuoteLabel {
    file: String,
    /// Character offsets of the quoted text.
    start: usize,
    end: usize,
    words: usize,
    label: String,
}

/// Attributed quotes shorter than this are not counted: the label is
/// reliable from four words on (corpus README).
const MIN_GOLD_QUOTE_WORDS: usize = 4;

pub struct Loaded {
    pub articles: Vec<Article>,
    /// Files that could not be read (invalid UTF-8, bad annotations).
    pub skipped: Vec<String>,
}

pub fn load(dir: &Path, splits: &[Split]) -> Result<Loaded, String> {
    if !dir.join("polnear").is_dir() || !dir.join("bbc").is_dir() {
        return Err(format!(
            "{} does not look like the corpus folder (no polnear/ and bbc/ inside)",
            dir.display()
        ));
    }
    let mut loaded = Loaded {
        articles: Vec::new(),
        skipped: Vec::new(),
    };
    for &split in splits {
        load_polnear(dir, split, &mut loaded)?;
        for folder in split.bbc_folders() {
            load_bbc(dir, split, folder, &mut loaded)?;
        }
    }
    Ok(loaded)
}

fn sorted_names(dir: &Path, ext: &str) -> Result<Vec<String>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(ext))
        .collect();
    names.sort();
    Ok(names)
}

fn read_text(path: &Path, skipped: &mut Vec<String>) -> Result<Option<String>, String> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text)),
        Err(_) => {
            skipped.push(format!("{}: not UTF-8", path.display()));
            Ok(None)
        }
    }
}

fn load_polnear(dir: &Path, split: Split, loaded: &mut Loaded) -> Result<(), String> {
    let base = dir.join("polnear").join(split.polnear_folder());
    let ann_names = sorted_names(&base.join("attributions"), ".ann")?;
    let labels = read_labels(&base.join("quotes.jsonl"))?;
    for name in sorted_names(&base.join("text"), ".txt")? {
        let stem = name.trim_end_matches(".txt");
        let Some(text) = read_text(&base.join("text").join(&name), &mut loaded.skipped)? else {
            continue;
        };
        // An article annotated twice is read from its first file by name,
        // as quotes.jsonl was.
        let prefix = format!("{stem}_");
        let annotations = match ann_names.iter().find(|a| a.starts_with(&prefix)) {
            Some(ann_name) => {
                let path = base.join("attributions").join(ann_name);
                let ann =
                    fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                match brat::parse(&ann, &text) {
                    Ok(a) => Some(a),
                    Err(e) => {
                        loaded.skipped.push(format!("{}: {e}", path.display()));
                        None
                    }
                }
            }
            None => None,
        };
        let offsets = CharOffsets::new(&text);
        let attributed_quotes = labels
            .get(name.as_str())
            .into_iter()
            .flatten()
            .filter(|q| q.label == "attributed" && q.words >= MIN_GOLD_QUOTE_WORDS)
            .filter_map(|q| offsets.bytes(q.start..q.end))
            .collect();
        loaded.articles.push(Article {
            id: format!("polnear/{}/{stem}", split.polnear_folder()),
            corpus: Corpus::PolNear,
            split,
            text,
            annotations,
            attributed_quotes,
        });
    }
    Ok(())
}

fn read_labels(path: &Path) -> Result<HashMap<String, Vec<QuoteLabel>>, String> {
    let jsonl = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut by_file: HashMap<String, Vec<QuoteLabel>> = HashMap::new();
    for (n, line) in jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let label: QuoteLabel =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        by_file.entry(label.file.clone()).or_default().push(label);
    }
    Ok(by_file)
}

fn load_bbc(dir: &Path, split: Split, folder: &str, loaded: &mut Loaded) -> Result<(), String> {
    let base = dir.join("bbc").join(folder);
    for name in sorted_names(&base, ".txt")? {
        let Some(text) = read_text(&base.join(&name), &mut loaded.skipped)? else {
            continue;
        };
        loaded.articles.push(Article {
            id: format!("bbc/{folder}/{}", name.trim_end_matches(".txt")),
            corpus: Corpus::Bbc,
            split,
            text,
            annotations: None,
            attributed_quotes: Vec::new(),
        });
    }
    Ok(())
}
