//! From the wire format to a [`Config`]: layering, validation, compilation.
//!
//! A file is applied on top of what its `extends` give, in order: each
//! preset or file is loaded (recursively) and applied first, then the file
//! itself. Later layers win: a severity or threshold is replaced, a house
//! rule of the same name is replaced whole, lists (speech verbs, titles,
//! people, ignored phrases) grow, and `[[overrides]]` accumulate. Each
//! layer is validated with its own text, so an error always points into the
//! file (or preset) that has it. Everything that can be wrong is found
//! here, once; the checks only read the result.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use toml::Spanned;

use super::wire::{WireCommon, WireConfig, WireMarks, WireOverride, WireSeverity, WireThresholds};
use super::{Config, ConfigError, Ignore, KnownPerson, Marks, Origin, Thresholds};
use crate::codes::{nearest, Check, Selector, CHECKS};
use crate::finding::Severity;
use crate::line_index::LineIndex;
use crate::style::{self, Rule, RuleError, RuleKind, Scope, Table};

/// The built-in presets: name and TOML text.
pub const PRESETS: [(&str, &str); 3] = [
    ("ap", include_str!("presets/ap.toml")),
    ("british", include_str!("presets/british.toml")),
    ("reuters", include_str!("presets/reuters.toml")),
];

/// The TOML text of a built-in preset.
pub fn preset(name: &str) -> Option<&'static str> {
    PRESETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// A resolved file: the configuration for any draft it governs, and the
/// overrides that change it for drafts matching a glob.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub config: Config,
    pub overrides: Vec<Override>,
}

/// One `[[overrides]]` entry, resolved.
#[derive(Debug, Clone)]
pub struct Override {
    /// The folder its globs are relative to (absolute).
    pub base: PathBuf,
    pub globs: GlobSet,
    pub checks: Vec<(Target, Option<Severity>, Origin)>,
    pub thresholds: PartialThresholds,
}

/// What a `[checks]` key sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Check(Check),
    /// A house rule, by code.
    Rule(Arc<str>),
}

/// Thresholds an override sets.
#[derive(Debug, Clone, Default)]
pub struct PartialThresholds {
    pub restated_paragraph: Option<f64>,
    pub min_attributed_quote_words: Option<usize>,
    pub min_repeated_quote_words: Option<usize>,
}

impl PartialThresholds {
    pub fn apply(&self, thresholds: &mut Thresholds) {
        if let Some(v) = self.restated_paragraph {
            thresholds.restated_paragraph = v;
        }
        if let Some(v) = self.min_attributed_quote_words {
            thresholds.min_attributed_quote_words = v;
        }
        if let Some(v) = self.min_repeated_quote_words {
            thresholds.min_repeated_quote_words = v;
        }
    }
}

impl Override {
    /// Whether the draft at `path` (absolute) is governed by this override.
    pub fn matches(&self, path: &Path) -> bool {
        path.strip_prefix(&self.base)
            .is_ok_and(|relative| self.globs.is_match(relative))
    }

    /// Apply to `config`.
    pub fn apply(&self, config: &mut Config) {
        for (target, severity, origin) in &self.checks {
            set_severity(config, target, *severity, origin.clone());
        }
        self.thresholds.apply(&mut config.thresholds);
    }
}

fn set_severity(config: &mut Config, target: &Target, severity: Option<Severity>, origin: Origin) {
    match target {
        Target::Check(check) => {
            config.set_severity(*check, severity);
            config.set_origin(*check, origin);
        }
        Target::Rule(code) => {
            if let Some(rule) = config.rules.iter_mut().find(|r| r.code == *code) {
                rule.severity = severity;
                rule.origin = origin;
            }
        }
    }
}

/// How the resolver reaches the files that `extends` names. The engine does
/// no I/O of its own: the `copydesk` package reads them from disk, and
/// [`NoFiles`] (for a configuration given as text) refuses.
pub trait Files {
    /// The text of the file at `path`.
    fn read(&self, path: &Path) -> std::io::Result<String>;
    /// `path` made absolute (against the current folder) with `.` and `..`
    /// removed lexically, so globs and cycles compare like paths.
    fn absolute(&self, path: &Path) -> PathBuf;
}

/// No files: an `extends` entry naming a file is an error. Paths are only
/// normalised, not made absolute.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFiles;

impl Files for NoFiles {
    fn read(&self, _path: &Path) -> std::io::Result<String> {
        Err(std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            "files are not read for a configuration given as text",
        ))
    }

    fn absolute(&self, path: &Path) -> PathBuf {
        normalise(path)
    }
}

/// A single TOML text read as the file `path`, with no search; files it
/// extends are read through `fs`.
pub fn from_text(text: &str, path: &Path, fs: &dyn Files) -> Result<Config, ConfigError> {
    let mut resolver = Resolver::new(fs);
    resolver.apply_text(text, &Layer::file(path, text))?;
    Ok(resolver.finish().config)
}

/// Load the file at `path` with everything it extends, through `fs`.
pub fn from_file(path: &Path, fs: &dyn Files) -> Result<Resolved, ConfigError> {
    let mut resolver = Resolver::new(fs);
    match resolver.load_file(path, None) {
        Ok(()) => Ok(resolver.finish()),
        Err(mut err) => {
            err.files = resolver.files;
            Err(err)
        }
    }
}

/// Where a layer's text came from.
#[derive(Debug, Clone)]
enum LayerSource {
    Preset(&'static str),
    File(Arc<Path>),
}

/// One file or preset being applied.
struct Layer<'t> {
    source: LayerSource,
    index: LineIndex<'t>,
}

impl<'t> Layer<'t> {
    fn file(path: &Path, text: &'t str) -> Layer<'t> {
        Layer {
            source: LayerSource::File(Arc::from(path)),
            index: LineIndex::new(text),
        }
    }

    fn name(&self) -> String {
        match &self.source {
            LayerSource::Preset(name) => format!("<preset {name}>"),
            LayerSource::File(path) => path.display().to_string(),
        }
    }

    fn error(&self, span: Option<Range<usize>>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            path: self.name(),
            location: span.map(|s| {
                let at = self.index.line_col(s.start);
                (at.line, at.column)
            }),
            message: message.into(),
            files: Vec::new(),
        }
    }

    fn origin(&self, span: &Range<usize>) -> Origin {
        match &self.source {
            LayerSource::Preset(name) => Origin::Preset(name),
            LayerSource::File(path) => Origin::File {
                path: path.clone(),
                line: self.index.line_col(span.start).line,
            },
        }
    }

    /// The folder relative paths in this layer are resolved from.
    fn folder(&self) -> Option<&Path> {
        match &self.source {
            LayerSource::File(path) => Some(path.parent().unwrap_or(Path::new(""))),
            LayerSource::Preset(_) => None,
        }
    }
}

struct Resolver<'f> {
    fs: &'f dyn Files,
    config: Config,
    overrides: Vec<Override>,
    /// Files and presets being loaded, outermost first, to catch cycles.
    stack: Vec<String>,
    files: Vec<PathBuf>,
    /// `[attribution] discouraged`, merged over the layers.
    discouraged: BTreeMap<String, String>,
}

impl<'f> Resolver<'f> {
    fn new(fs: &'f dyn Files) -> Resolver<'f> {
        Resolver {
            fs,
            config: Config::default(),
            overrides: Vec::new(),
            stack: Vec::new(),
            files: Vec::new(),
            discouraged: BTreeMap::new(),
        }
    }

    fn finish(mut self) -> Resolved {
        self.config.files = self.files;
        Resolved {
            config: self.config,
            overrides: self.overrides,
        }
    }

    /// Load a file named by the user (`from = None`) or by an `extends`
    /// entry of `from` at `span`.
    fn load_file(
        &mut self,
        path: &Path,
        from: Option<(&Layer<'_>, Range<usize>)>,
    ) -> Result<(), ConfigError> {
        let key = self.fs.absolute(path).display().to_string();
        if self.stack.contains(&key) {
            let (layer, span) = from.expect("the first file cannot be a cycle");
            return Err(layer.error(
                Some(span),
                format!(
                    "`extends` cycle: {} is already being loaded",
                    path.display()
                ),
            ));
        }
        let text = match self.fs.read(path) {
            Ok(text) => text,
            Err(err) => {
                let reason = io_reason(&err);
                return Err(match from {
                    Some((layer, span)) => layer.error(
                        Some(span),
                        format!("cannot read `{}`: {reason}", path.display()),
                    ),
                    None => ConfigError {
                        path: path.display().to_string(),
                        location: None,
                        message: format!("cannot read: {reason}"),
                        files: Vec::new(),
                    },
                });
            }
        };
        self.files.push(path.to_path_buf());
        self.stack.push(key);
        let layer = Layer::file(path, &text);
        let result = self.apply_text(&text, &layer);
        self.stack.pop();
        result
    }

    fn load_preset(&mut self, name: &'static str, text: &'static str) -> Result<(), ConfigError> {
        let key = format!("<preset {name}>");
        if self.stack.contains(&key) {
            return Ok(());
        }
        self.stack.push(key);
        let layer = Layer {
            source: LayerSource::Preset(name),
            index: LineIndex::new(text),
        };
        let result = self.apply_text(text, &layer);
        self.stack.pop();
        result
    }

    fn apply_text(&mut self, text: &str, layer: &Layer<'_>) -> Result<(), ConfigError> {
        let wire: WireConfig = toml::from_str(text)
            .map_err(|err| layer.error(err.span(), describe_toml_error(err.message())))?;
        self.apply(wire, layer)
    }

    fn apply(&mut self, wire: WireConfig, layer: &Layer<'_>) -> Result<(), ConfigError> {
        for entry in &wire.extends {
            self.extend(entry, layer)?;
        }
        let mut thresholds = self.config.thresholds.clone();
        thresholds_from(&wire.thresholds, layer)?.apply(&mut thresholds);
        self.config.thresholds = thresholds;

        if let Some(credit) = wire.quotes.new_paragraph_credit {
            self.config.new_paragraph_credit = credit;
        }
        if let Some(marks) = wire.quotes.marks {
            self.config.quote_marks = match marks {
                WireMarks::Auto => None,
                WireMarks::Double => Some(Marks::Double),
                WireMarks::Single => Some(Marks::Single),
            };
        }
        for verb in &wire.attribution.verbs {
            let verb = verb.trim().to_lowercase();
            if !verb.is_empty() && !self.config.speech_verbs.contains(&verb) {
                self.config.speech_verbs.push(verb);
            }
        }
        self.apply_people(&wire, layer);
        self.apply_rules(&wire, layer)?;
        // The ignore table and severities may name the rules just defined.
        for (code, phrases) in &wire.ignore {
            let selector =
                Selector::parse(code.get_ref(), self.config.rules.iter().map(|r| &r.code))
                    .ok_or_else(|| self.unknown_code(code, layer))?;
            self.config.ignore.push(Ignore {
                selector,
                phrases: phrases.iter().filter(|p| !p.is_empty()).cloned().collect(),
            });
        }
        for (code, severity) in &wire.checks {
            let target = self.target(code, layer)?;
            set_severity(
                &mut self.config,
                &target,
                resolve_severity(*severity.get_ref()),
                layer.origin(&code.span()),
            );
        }
        for entry in &wire.overrides {
            let resolved = self.override_from(entry, layer)?;
            self.overrides.push(resolved);
        }
        Ok(())
    }

    fn extend(&mut self, entry: &Spanned<String>, layer: &Layer<'_>) -> Result<(), ConfigError> {
        let name = entry.get_ref().as_str();
        if let Some((preset_name, text)) = PRESETS.iter().find(|(n, _)| *n == name) {
            return self.load_preset(preset_name, text);
        }
        let looks_like_path = name.contains('/') || name.contains('\\') || name.ends_with(".toml");
        if !looks_like_path {
            let names: Vec<&str> = PRESETS.iter().map(|(n, _)| *n).collect();
            let hint = did_you_mean(name, names.iter().copied());
            return Err(layer.error(
                Some(entry.span()),
                format!(
                    "unknown preset `{name}`, expected {} (or the path of a .toml file){hint}",
                    one_of(&names)
                ),
            ));
        }
        let Some(folder) = layer.folder() else {
            return Err(layer.error(Some(entry.span()), "a preset can only extend presets"));
        };
        let path = folder.join(name);
        self.load_file(&path, Some((layer, entry.span())))
    }

    fn apply_people(&mut self, wire: &WireConfig, _layer: &Layer<'_>) {
        let people = &wire.people;
        for title in &people.titles {
            if !self.config.titles.contains(title) {
                self.config.titles.push(title.clone());
            }
        }
        for name in &people.well_known {
            if !self.config.well_known.contains(name) {
                self.config.well_known.push(name.clone());
            }
        }
        for known in &people.known {
            let person = KnownPerson {
                name: known.name.get_ref().trim().to_owned(),
                aliases: known
                    .aliases
                    .iter()
                    .map(|a| a.trim().to_owned())
                    .filter(|a| !a.is_empty())
                    .collect(),
                title: known.title.clone(),
                courtesy: known
                    .courtesy
                    .as_ref()
                    .map(|c| c.trim_end_matches('.').to_owned()),
            };
            match self
                .config
                .people
                .iter_mut()
                .find(|p| p.name == person.name)
            {
                Some(existing) => *existing = person,
                None => self.config.people.push(person),
            }
        }
    }

    /// Define (or redefine) a house rule.
    fn define(&mut self, rule: Rule) {
        match self.config.rules.iter_mut().find(|r| r.name == rule.name) {
            Some(existing) => *existing = rule,
            None => self.config.rules.push(rule),
        }
    }

    fn apply_rules(&mut self, wire: &WireConfig, layer: &Layer<'_>) -> Result<(), ConfigError> {
        if let Some(discouraged) = &wire.attribution.discouraged {
            for (verb, instead) in discouraged.get_ref() {
                self.discouraged
                    .insert(verb.trim().to_lowercase(), instead.trim().to_owned());
            }
            let previous = self
                .config
                .rule(&format!("style/{}", style::discouraged_verb::NAME));
            // The verbs are this layer's now; a severity set before stays.
            let severity =
                previous.map_or(Some(Check::HouseRule.default_severity()), |r| r.severity);
            let origin = layer.origin(&discouraged.span());
            let name: Arc<str> = Arc::from(style::discouraged_verb::NAME);
            self.define(Rule {
                code: Arc::from(format!("style/{name}")),
                name,
                message: None,
                severity,
                origin,
                scope: Scope::default(),
                kind: RuleKind::DiscouragedVerb(style::discouraged_verb::DiscouragedVerbs {
                    verbs: self.discouraged.clone(),
                }),
            });
        }

        // Rules in the order they appear in the file, so the first error
        // reported is the first in the file.
        let mut tables = rule_tables(wire);
        tables.sort_by_key(|t| t.name.span().start);
        for (i, table) in tables.iter().enumerate() {
            if let Some(other) = tables[..i]
                .iter()
                .find(|t| t.name.get_ref() == table.name.get_ref())
            {
                return Err(layer.error(
                    Some(table.name.span()),
                    format!(
                        "house rule `{}` is already defined as a {} rule; rule names must be unique",
                        table.name.get_ref(),
                        other.table
                    ),
                ));
            }
        }
        for table in tables {
            let kind = table.kind.map_err(|err| {
                layer.error(
                    Some(err.span.unwrap_or_else(|| table.name.span())),
                    err.message,
                )
            })?;
            self.define(rule(table.name, table.common, layer, kind)?);
        }
        Ok(())
    }

    /// What a `[checks]` key names.
    fn target(&self, code: &Spanned<String>, layer: &Layer<'_>) -> Result<Target, ConfigError> {
        let text = code.get_ref();
        if let Some(rule) = self.config.rule(text) {
            return Ok(Target::Rule(rule.code.clone()));
        }
        Check::from_code(text)
            .map(Target::Check)
            .ok_or_else(|| self.unknown_code(code, layer))
    }

    fn unknown_code(&self, code: &Spanned<String>, layer: &Layer<'_>) -> ConfigError {
        let text = code.get_ref();
        let candidates = CHECKS
            .iter()
            .map(|meta| meta.code)
            .chain(self.config.rules.iter().map(|r| &*r.code));
        let hint = did_you_mean(text, candidates);
        let what = if text.starts_with("style/") {
            "no house rule is called"
        } else {
            "unknown check"
        };
        let hint = if hint.is_empty() {
            " (`copydesk rules` lists every code)".to_owned()
        } else {
            hint
        };
        layer.error(Some(code.span()), format!("{what} `{text}`{hint}"))
    }

    fn override_from(
        &self,
        entry: &WireOverride,
        layer: &Layer<'_>,
    ) -> Result<Override, ConfigError> {
        let Some(folder) = layer.folder() else {
            return Err(layer.error(None, "presets have no overrides"));
        };
        let mut builder = GlobSetBuilder::new();
        for glob in &entry.files {
            // A glob without a slash matches a file name at any depth, as
            // in .gitignore.
            let text = glob.get_ref();
            let pattern = if text.contains('/') {
                text.trim_start_matches("./").to_owned()
            } else {
                format!("**/{text}")
            };
            let compiled = globset::GlobBuilder::new(&pattern)
                .literal_separator(true)
                .build()
                .map_err(|e| {
                    layer.error(
                        Some(glob.span()),
                        format!("invalid glob `{text}`: {}", e.kind()),
                    )
                })?;
            builder.add(compiled);
        }
        if entry.files.is_empty() {
            return Err(layer.error(
                None,
                "an override needs `files`: the globs of the drafts it applies to",
            ));
        }
        let globs = builder
            .build()
            .map_err(|e| layer.error(None, format!("invalid globs: {e}")))?;
        let mut checks = Vec::new();
        for (code, severity) in &entry.checks {
            let target = self.target(code, layer)?;
            checks.push((
                target,
                resolve_severity(*severity.get_ref()),
                layer.origin(&code.span()),
            ));
        }
        let _ = Glob::new;
        Ok(Override {
            base: self.fs.absolute(folder),
            globs,
            checks,
            thresholds: thresholds_from(&entry.thresholds, layer)?,
        })
    }
}

fn thresholds_from(
    wire: &WireThresholds,
    layer: &Layer<'_>,
) -> Result<PartialThresholds, ConfigError> {
    let words = |value: &Option<Spanned<usize>>| -> Result<Option<usize>, ConfigError> {
        match value {
            Some(v) if *v.get_ref() == 0 => Err(layer.error(
                Some(v.span()),
                "expected a number of words from 1 up, found 0",
            )),
            Some(v) => Ok(Some(*v.get_ref())),
            None => Ok(None),
        }
    };
    let restated = match &wire.restated_paragraph {
        Some(v) if !(0.0..=1.0).contains(v.get_ref()) => {
            return Err(layer.error(
                Some(v.span()),
                format!("expected a similarity from 0 to 1, found {}", v.get_ref()),
            ))
        }
        Some(v) => Some(*v.get_ref()),
        None => None,
    };
    Ok(PartialThresholds {
        restated_paragraph: restated,
        min_attributed_quote_words: words(&wire.min_attributed_quote_words)?,
        min_repeated_quote_words: words(&wire.min_repeated_quote_words)?,
    })
}

fn resolve_severity(wire: WireSeverity) -> Option<Severity> {
    match wire {
        WireSeverity::Error => Some(Severity::Error),
        WireSeverity::Warning => Some(Severity::Warning),
        WireSeverity::Info => Some(Severity::Info),
        WireSeverity::Hint => Some(Severity::Hint),
        WireSeverity::Off => None,
    }
}

/// A rule's common parts.
fn rule(
    name: &Spanned<String>,
    common: WireCommon<'_>,
    layer: &Layer<'_>,
    kind: RuleKind,
) -> Result<Rule, ConfigError> {
    let text = name.get_ref();
    let valid = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        return Err(layer.error(
            Some(name.span()),
            format!("invalid house rule name `{text}`: expected lowercase letters, digits and hyphens (`us-with-stops`)"),
        ));
    }
    let (severity, origin) = match common.severity {
        Some(s) => (resolve_severity(*s.get_ref()), layer.origin(&name.span())),
        None => (
            Some(Check::HouseRule.default_severity()),
            layer.origin(&name.span()),
        ),
    };
    let name: Arc<str> = Arc::from(text.as_str());
    Ok(Rule {
        code: Arc::from(format!("style/{name}")),
        name,
        message: common.message.map(str::to_owned),
        severity,
        origin,
        scope: Scope {
            skip_quotes: common.skip_quotes,
            skip_headings: common.skip_headings,
        },
        kind,
    })
}

/// One house rule's table, compiled (or not) by its kind.
struct RuleTable<'w> {
    name: &'w Spanned<String>,
    /// The table's name in the file (`substitution`).
    table: &'static str,
    common: WireCommon<'w>,
    kind: Result<RuleKind, RuleError>,
}

/// The file's house-rule tables of every kind, each compiled by its kind.
macro_rules! rule_tables {
    ($( $(#[$doc:meta])* $table:ident: $variant:ident($kind:ty) ),* $(,)?) => {
        fn rule_tables(wire: &WireConfig) -> Vec<RuleTable<'_>> {
            let mut out = Vec::new();
            $(
                for (name, table) in &wire.$table.0 {
                    out.push(RuleTable {
                        name,
                        table: stringify!($table),
                        common: crate::style::table::RuleWire::common(table),
                        kind: <$kind as Table>::compile(table).map(RuleKind::from),
                    });
                }
            )*
            out
        }
    };
}
style::with_tables!(rule_tables);

/// `; did you mean `x`?` or nothing.
fn did_you_mean<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> String {
    match nearest(word, candidates) {
        Some(near) => format!("; did you mean `{near}`?"),
        None => String::new(),
    }
}

/// `` `a`, `b` or `c` ``.
fn one_of(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// serde's messages in the words of a TOML file, with a "did you mean"
/// for a misspelled key or value.
fn describe_toml_error(message: &str) -> String {
    let message = message.trim_end();
    for (prefix, noun) in [("unknown field `", "key"), ("unknown variant `", "value")] {
        let Some(rest) = message.strip_prefix(prefix) else {
            continue;
        };
        let Some((found, expected)) = rest.split_once('`') else {
            continue;
        };
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let expected = if candidates.is_empty() {
            "there are no keys here".to_owned()
        } else {
            format!("expected {}", one_of(&candidates))
        };
        let hint = did_you_mean(found, candidates.iter().copied());
        return format!("unknown {noun} `{found}`, {expected}{hint}");
    }
    let mut message = message
        .replace("invalid type", "wrong type")
        .replace("missing field", "missing key")
        .replace("wrong type: sequence,", "wrong type: list,")
        .replace("wrong type: map,", "wrong type: table,");
    // Rust's names for types, in TOML's words.
    for (rust, toml) in [
        ("expected usize", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a sequence", "expected a list"),
        ("expected a map", "expected a table"),
        ("expected a string", "expected a string in quotes"),
        (
            "expected a severity",
            "expected a severity: `error`, `warning`, `info`, `hint` or `off`",
        ),
    ] {
        if let Some(stripped) = message.strip_suffix(rust) {
            message = format!("{stripped}{toml}");
        }
    }
    message
}

fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// `path` with `.` and `..` removed lexically (`..` at the root stays at
/// the root); an empty path is `.`.
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_resolves() {
        for (name, _) in PRESETS {
            let config = Config::from_toml(&format!("extends = [\"{name}\"]\n"), "copydesk.toml")
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!config.rules.is_empty(), "{name}");
            assert!(
                config
                    .rules
                    .iter()
                    .all(|r| r.origin == Origin::Preset(name)),
                "{name}"
            );
        }
    }

    fn file(line: usize) -> Origin {
        Origin::File {
            path: Arc::from(Path::new("copydesk.toml")),
            line,
        }
    }

    #[test]
    fn a_file_over_a_preset_sets_severities_thresholds_and_lists() {
        let config = Config::from_toml(
            "extends = [\"reuters\"]\n\
             [checks]\n\
             \"quote/unattributed\" = \"error\"\n\
             \"style/us-with-stops\" = \"hint\"\n\
             \"repeat/quote\" = \"off\"\n\
             [thresholds]\n\
             restated-paragraph = 0.7\n\
             min-attributed-quote-words = 4\n\
             [attribution]\n\
             verbs = [\"Quipped\", \"said\"]\n\
             [people]\n\
             well-known = [\"Pope Francis\"]\n\
             titles = [\"Foreign Secretary\"]\n",
            "copydesk.toml",
        )
        .unwrap();
        assert_eq!(
            config.severity(Check::QuoteUnattributed),
            Some(Severity::Error)
        );
        assert_eq!(config.origin(Check::QuoteUnattributed), &file(3));
        assert_eq!(config.severity(Check::RepeatQuote), None);
        assert_eq!(config.origin(Check::NameTitle), &Origin::Default);
        let us = config.rule("style/us-with-stops").unwrap();
        assert_eq!((us.severity, &us.origin), (Some(Severity::Hint), &file(4)));
        let colon = config.rule("style/colon-before-quote").unwrap();
        assert_eq!(colon.origin, Origin::Preset("reuters"));
        assert_eq!(config.thresholds.restated_paragraph, 0.7);
        assert_eq!(config.thresholds.min_attributed_quote_words, 4);
        assert_eq!(config.thresholds.min_repeated_quote_words, 5);
        assert_eq!(config.speech_verbs, ["quipped", "said"]);
        assert_eq!(config.well_known, ["Pope Francis"]);
        assert_eq!(config.titles, ["Foreign Secretary"]);
    }

    #[test]
    fn quotes_marks_default_to_the_draft_and_are_strictly_parsed() {
        assert_eq!(Config::default().quote_marks, None);
        for preset in ["ap", "reuters", "british"] {
            let config =
                Config::from_toml(&format!("extends = [\"{preset}\"]\n"), "copydesk.toml").unwrap();
            assert_eq!(config.quote_marks, None, "{preset}");
        }
        for (value, marks) in [
            ("single", Some(Marks::Single)),
            ("double", Some(Marks::Double)),
            ("auto", None),
        ] {
            let toml = format!("extends = [\"british\"]\n[quotes]\nmarks = \"{value}\"\n");
            let config = Config::from_toml(&toml, "copydesk.toml").unwrap();
            assert_eq!(config.quote_marks, marks, "{value}");
        }
        let err = Config::from_toml("[quotes]\nmarks = \"singel\"\n", "copydesk.toml").unwrap_err();
        assert_eq!(err.location, Some((2, 9)), "{err}");
        assert_eq!(
            err.message,
            "unknown value `singel`, expected `auto`, `double` or `single`; did you mean `single`?"
        );
        let err = Config::from_toml("[quotes]\nmarks = true\n", "copydesk.toml").unwrap_err();
        assert_eq!(err.location, Some((2, 9)), "{err}");
    }

    #[test]
    fn quotes_new_paragraph_credit_is_on_for_the_wire_presets_and_strictly_parsed() {
        assert!(Config::default().new_paragraph_credit);
        for (preset, credit) in [("ap", true), ("reuters", true), ("british", false)] {
            let config =
                Config::from_toml(&format!("extends = [\"{preset}\"]\n"), "copydesk.toml").unwrap();
            assert_eq!(config.new_paragraph_credit, credit, "{preset}");
        }
        let relaxed = Config::from_toml(
            "extends = [\"reuters\"]\n[quotes]\nnew-paragraph-credit = false\n",
            "copydesk.toml",
        )
        .unwrap();
        assert!(!relaxed.new_paragraph_credit);
        let err = Config::from_toml("[quotes]\nnew-paragraph-credit = \"no\"\n", "copydesk.toml")
            .unwrap_err();
        assert_eq!(err.location, Some((2, 24)), "{err}");
        let err =
            Config::from_toml("[quotes]\nnew-paragraph = false\n", "copydesk.toml").unwrap_err();
        assert!(err.message.contains("new-paragraph-credit"), "{err}");
    }

    #[test]
    fn a_rule_redefined_by_a_later_layer_is_replaced_whole() {
        let config = Config::from_toml(
            "extends = [\"reuters\"]\n\
             [substitution.us-with-stops]\n\
             swap = { \"USA\" = \"U.S.\" }\n",
            "copydesk.toml",
        )
        .unwrap();
        let rules: Vec<&str> = config.rules.iter().map(|r| &*r.name).collect();
        assert_eq!(rules.iter().filter(|n| **n == "us-with-stops").count(), 1);
        let us = config.rule("style/us-with-stops").unwrap();
        assert_eq!(us.kind.describe(), "rewrites `USA` → `U.S.`");
        assert_eq!(us.message, None);
        assert_eq!(us.origin, file(2));
    }

    #[test]
    fn style_off_silences_every_house_rule() {
        let config = Config::from_toml(
            "extends = [\"ap\"]\n[checks]\nstyle = \"off\"\n",
            "copydesk.toml",
        )
        .unwrap();
        let found = crate::check(
            "US officials said on Friday.\n",
            crate::DocKind::Plain,
            &config,
        );
        assert!(found.iter().all(|f| f.code.rule().is_none()), "{found:?}");
    }

    #[test]
    fn an_empty_file_is_the_default() {
        assert_eq!(
            Config::from_toml("", "copydesk.toml").unwrap(),
            Config::default()
        );
        assert_eq!(
            Config::from_toml("# comments only\n", "copydesk.toml").unwrap(),
            Config::default()
        );
    }

    #[test]
    fn serde_messages_get_toml_words_and_suggestions() {
        assert_eq!(
            describe_toml_error("unknown field `sevrity`, expected one of `message`, `severity`"),
            "unknown key `sevrity`, expected `message` or `severity`; did you mean `severity`?"
        );
        assert_eq!(
            describe_toml_error("unknown variant `fatal`, expected one of `error`, `warning`"),
            "unknown value `fatal`, expected `error` or `warning`"
        );
        assert_eq!(
            describe_toml_error("unknown field `x`, there are no fields"),
            "unknown key `x`, there are no keys here"
        );
    }

    #[test]
    fn paths_are_normalised_lexically() {
        assert_eq!(normalise(Path::new("a/./b/../c")), Path::new("a/c"));
        assert_eq!(normalise(Path::new("/../a")), Path::new("/a"));
    }

    #[test]
    fn a_text_configuration_reads_no_files() {
        let err = Config::from_toml("extends = [\"house.toml\"]\n", "copydesk.toml").unwrap_err();
        assert_eq!(err.location, Some((1, 12)));
        assert!(err.message.starts_with("cannot read `house.toml`"), "{err}");
    }
}
