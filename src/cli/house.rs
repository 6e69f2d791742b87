//! The house-style side of the command line: `--config`/`--no-config`,
//! `copydesk rules [PATH]`, `copydesk explain CODE` for house rules too, and
//! `copydesk init`.
//!
//! Configuration errors are usage errors: they are printed as
//! `error: FILE:LINE:COLUMN: what was wrong` and the command exits 2.

use std::io;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{docs, Status, Streams};
use crate::config::FILE_NAMES;
use crate::config::{Config, ConfigError, ConfigSource, Loader};
use copydesk_core::checks::Check;
use copydesk_core::style::Rule;

/// `--config PATH` / `--no-config`.
#[derive(Debug, Clone, Default, Args)]
pub struct ConfigArgs {
    /// Use this configuration file for every draft instead of looking for
    /// copydesk.toml or .copydesk.toml from each draft's folder upward.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Use no configuration file: every check at its default severity.
    #[arg(long)]
    pub no_config: bool,
}

impl ConfigArgs {
    pub fn source(&self) -> ConfigSource {
        match (&self.config, self.no_config) {
            (Some(path), _) => ConfigSource::File(path.clone()),
            (None, true) => ConfigSource::Defaults,
            (None, false) => ConfigSource::Discover,
        }
    }
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// The draft or folder whose configuration to show; by default the
    /// current folder.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A check code (`quote/unattributed`) or house rule (`style/NAME`).
    pub code: String,

    #[command(flatten)]
    pub config: ConfigArgs,
}

/// The built-in presets `init` can start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Preset {
    Ap,
    Reuters,
    British,
}

impl Preset {
    pub fn name(self) -> &'static str {
        match self {
            Preset::Ap => "ap",
            Preset::Reuters => "reuters",
            Preset::British => "british",
        }
    }
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Start from a built-in house style.
    #[arg(long, value_enum)]
    pub preset: Option<Preset>,

    /// The folder to write copydesk.toml in.
    #[arg(value_name = "FOLDER", default_value = ".")]
    pub folder: PathBuf,
}

/// The configuration governing `path` (a draft or a folder).
fn config_at(args: &ConfigArgs, path: &Path) -> Result<Config, ConfigError> {
    let mut loader = Loader::new(args.source());
    if path.is_dir() {
        // A folder shows what its drafts get, before per-file overrides.
        return Ok(match loader.house_style(path)? {
            Some(house) => house.config.clone(),
            None => Config::default(),
        });
    }
    loader.config_for(path)
}

/// `copydesk rules [PATH]`.
pub fn rules(args: &RulesArgs, streams: &mut Streams<'_>) -> io::Result<Status> {
    let path = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    // The rules "for" a path that is not there would be a guess.
    if std::fs::symlink_metadata(&path).is_err() {
        streams.error(format_args!("{}: no such file or folder", path.display()))?;
        return Ok(Status::Error);
    }
    let config = match config_at(&args.config, &path) {
        Ok(config) => config,
        Err(err) => {
            streams.error(err)?;
            return Ok(Status::Error);
        }
    };
    streams
        .stdout
        .write_all(docs::rules_table(&config).as_bytes())?;
    streams.stdout.flush()?;
    Ok(Status::Clean)
}

/// `copydesk explain CODE`: a core check's docs, or a house rule of the
/// configuration in effect in the current folder.
pub fn explain(args: &ExplainArgs, streams: &mut Streams<'_>) -> io::Result<Status> {
    let code = args.code.as_str();
    if let Some(check) = Check::from_code(code) {
        streams
            .stdout
            .write_all(docs::explain(copydesk_core::checks::info(check)).as_bytes())?;
        streams.stdout.flush()?;
        return Ok(Status::Clean);
    }
    let config = match config_at(&args.config, Path::new(".")) {
        Ok(config) => config,
        Err(err) => {
            streams.error(err)?;
            return Ok(Status::Error);
        }
    };
    if let Some(rule) = config.rule(code) {
        streams.stdout.write_all(explain_rule(rule).as_bytes())?;
        streams.stdout.flush()?;
        return Ok(Status::Clean);
    }
    // A rule of a preset the folder does not extend: explain it and say
    // how to get it, rather than "no such rule".
    if let Some((preset, rule)) = preset_rule(code) {
        let note = format!(
            "not in effect here: `{code}` is a rule of the `{preset}` preset; \
             add `extends = [\"{preset}\"]` to copydesk.toml (or run `copydesk init --preset {preset}`)\n\n"
        );
        streams.stdout.write_all(note.as_bytes())?;
        streams.stdout.write_all(explain_rule(&rule).as_bytes())?;
        streams.stdout.flush()?;
        return Ok(Status::Clean);
    }
    let candidates = copydesk_core::checks::REGISTRY
        .iter()
        .map(|info| info.code())
        .chain(config.rules.iter().map(|r| &*r.code));
    let hint = match copydesk_core::codes::nearest(code, candidates) {
        Some(near) => format!("; did you mean `{near}`?"),
        None => String::new(),
    };
    let what = if code.starts_with("style/") {
        "no house rule is called"
    } else {
        "unknown check"
    };
    streams.error(format_args!(
        "{what} `{code}`{hint} (`copydesk rules` lists every check)"
    ))?;
    Ok(Status::Error)
}

/// The first built-in preset that defines the house rule `code`, and the
/// rule as that preset sets it.
fn preset_rule(code: &str) -> Option<(&'static str, Rule)> {
    crate::config::PRESETS.iter().find_map(|(name, _)| {
        let config =
            Config::from_toml(&format!("extends = [\"{name}\"]\n"), "copydesk.toml").ok()?;
        config.rule(code).map(|rule| (*name, rule.clone()))
    })
}

/// A house rule's explanation.
pub fn explain_rule(rule: &Rule) -> String {
    let severity = rule.severity.map_or("off", |s| s.as_str());
    let mut out = format!(
        "{code} (house rule, {kind}; severity {severity}, set by {origin})\n\n{what}\n",
        code = rule.code,
        kind = rule.kind.name(),
        origin = rule.origin,
        what = rule.kind.describe(),
    );
    if let Some(message) = &rule.message {
        out += &format!("\nMessage:\n    {message}\n");
    }
    let mut scope = Vec::new();
    if rule.scope.skip_quotes {
        scope.push("direct quotes");
    }
    if rule.scope.skip_headings {
        scope.push("headlines and headings");
    }
    if !scope.is_empty() {
        out += &format!("\nNot checked: {}.\n", scope.join(", "));
    }
    out
}

/// `copydesk init`.
pub fn init(args: &InitArgs, streams: &mut Streams<'_>) -> io::Result<Status> {
    if let Some(existing) = FILE_NAMES
        .iter()
        .map(|name| args.folder.join(name))
        .find(|path| path.exists())
    {
        streams.error(format_args!(
            "{} already exists; not overwriting it",
            shown(&existing).display()
        ))?;
        return Ok(Status::Error);
    }
    if !args.folder.is_dir() {
        streams.error(format_args!(
            "{}: no such folder; create it first (mkdir -p {0})",
            args.folder.display()
        ))?;
        return Ok(Status::Error);
    }
    let path = args.folder.join(FILE_NAMES[0]);
    let preset = args.preset.map(Preset::name);
    if let Err(err) = std::fs::write(&path, starter(preset)) {
        streams.error(format_args!(
            "{}: cannot write: {}",
            shown(&path).display(),
            err.kind()
        ))?;
        return Ok(Status::Error);
    }
    let from = preset.map_or(String::new(), |p| format!(" (extends {p})"));
    writeln!(streams.stderr, "wrote {}{from}", shown(&path).display())?;
    Ok(Status::Clean)
}

fn shown(path: &Path) -> &Path {
    path.strip_prefix(".").unwrap_or(path)
}

/// Where editors find the configuration's JSON Schema: the schema of this
/// version in the repository the package names.
pub fn schema_url() -> String {
    let repository = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    let version = env!("CARGO_PKG_VERSION");
    match repository.strip_prefix("https://github.com/") {
        Some(repo) => {
            format!("https://raw.githubusercontent.com/{repo}/v{version}/copydesk.schema.json")
        }
        None => format!("{repository}/raw/v{version}/copydesk.schema.json"),
    }
}

/// One commented example of every house-rule kind, in the order of
/// [`copydesk_core::style::TABLE_KINDS`]: taking the `# ` off every line
/// gives a valid file (a test does).
const HOUSE_RULES: &str = "\
# [substitution.us-with-stops]          # this -> that, with a fix
# swap = { \"US\" = \"U.S.\" }
#
# [existence.anonymous-sources]         # must not appear
# tokens = [\"sources said\", \"a source said\"]
# message = \"name the source, or say why they cannot be named\"
#
# [consistency.spellings]               # variants that must not both appear
# variants = [[\"Zelensky\", \"Zelenskiy\"], [\"Kyiv\", \"Kiev\"]]
#
# [metric.long-lede]                    # lede, sentence or paragraph too long
# scope = \"lede\"
# max-words = 35
#
# [dateline.house]                      # the first paragraph's dateline
# pattern = '[A-Z][A-Z .]+, [A-Z][a-z]+\\.? \\d{1,2} \\(Reuters\\) - '
#
# [courtesy.later-references]           # later references take Mr, Ms ...
# titles = [\"Mr\", \"Mrs\", \"Ms\", \"Dr\"]
";

/// The commented starter file `copydesk init` writes.
pub fn starter(preset: Option<&str>) -> String {
    let extends = match preset {
        Some(name) => format!("extends = [\"{name}\"]\n"),
        None => "# extends = [\"reuters\"]   # or \"ap\", \"british\", or \"../house.toml\"\n"
            .to_owned(),
    };
    let schema = schema_url();
    let checks: String = copydesk_core::checks::REGISTRY
        .iter()
        .map(|info| {
            format!(
                "# \"{}\" = \"{}\"\n",
                info.code(),
                info.meta().default_severity
            )
        })
        .collect();
    format!(
        "#:schema {schema}\n\
         # copydesk house style. Every key is optional; `copydesk rules` shows what\n\
         # is in effect and where each setting comes from, and\n\
         # `copydesk explain CODE` explains a check or house rule.\n\
         # Editors validate this file with copydesk.schema.json (the #:schema line,\n\
         # read by taplo and Even Better TOML).\n\
         \n\
         {extends}\
         \n\
         # Severity per check or house rule: error, warning, info, hint or off.\n\
         [checks]\n\
         {checks}\
         \n\
         [thresholds]\n\
         # min-attributed-quote-words = 3   # shorter quotes are quoted terms\n\
         # min-repeated-quote-words = 5\n\
         # restated-paragraph = 0.5         # similarity from 0 to 1\n\
         \n\
         [attribution]\n\
         # verbs = [\"quipped\"]              # more speech verbs that credit a quote\n\
         # discouraged = {{ claimed = \"said\", admitted = \"said\", stated = \"said\" }}\n\
         \n\
         [people]\n\
         # well-known = [\"Pope Francis\"]    # need no full name first\n\
         # [[people.known]]\n\
         # name = \"Antony Blinken\"\n\
         # aliases = [\"Anthony Blinken\"]\n\
         # title = \"Secretary of State\"\n\
         \n\
         # House rules, one table each, reported as style/NAME. Every rule also\n\
         # takes message, severity, skip-quotes and skip-headings.\n\
         {HOUSE_RULES}\
         \n\
         # Looser rules for some drafts:\n\
         # [[overrides]]\n\
         # files = [\"opinion/**\"]\n\
         # checks = {{ \"quote/unattributed\" = \"off\" }}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_names_its_schema_and_shows_every_rule_kind() {
        let text = starter(None);
        assert_eq!(
            text.lines().next(),
            Some(format!("#:schema {}", schema_url()).as_str())
        );
        assert_eq!(
            schema_url(),
            "https://raw.githubusercontent.com/copydesk/copydesk/v0.1.0/copydesk.schema.json"
        );
        // Uncommenting the house-rule examples gives one rule of every kind.
        let rules: String = HOUSE_RULES
            .lines()
            .map(|line| line.trim_start_matches('#').trim_start())
            .map(|line| format!("{line}\n"))
            .collect();
        let config =
            Config::from_toml(&rules, "copydesk.toml").unwrap_or_else(|e| panic!("{e}\n{rules}"));
        let kinds: Vec<&str> = config.rules.iter().map(|r| r.kind.name()).collect();
        assert_eq!(kinds, copydesk_core::style::TABLE_KINDS);
        for kind in copydesk_core::style::TABLE_KINDS {
            assert!(text.contains(&format!("# [{kind}.")), "{kind}");
        }
    }

    #[test]
    fn a_preset_rule_is_found_where_no_configuration_has_it() {
        let (preset, rule) = preset_rule("style/us-in-text").expect("an ap rule");
        assert_eq!(preset, "ap");
        assert_eq!(&*rule.code, "style/us-in-text");
        assert!(preset_rule("style/no-such-rule").is_none());
    }

    #[test]
    fn starter_files_parse_with_every_preset() {
        for preset in [None, Some("ap"), Some("reuters"), Some("british")] {
            let text = starter(preset);
            let config = Config::from_toml(&text, "copydesk.toml")
                .unwrap_or_else(|e| panic!("{preset:?}: {e}\n{text}"));
            assert_eq!(config.rules.is_empty(), preset.is_none(), "{preset:?}");
        }
    }
}
