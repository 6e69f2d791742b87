//! What the targets share: a draft, its kind and a configuration, all
//! decoded from the fuzzer's bytes.

use std::borrow::Cow;

use copydesk::{Config, DocKind};

/// A draft from fuzz bytes: the first byte picks the kind (its top bit)
/// and the configuration (the rest; a target may read a switch from it
/// too); the others are the text. `None` for empty input.
pub struct Input<'a> {
    pub text: Cow<'a, str>,
    pub kind: DocKind,
    pub config: &'static Config,
}

pub fn input(data: &[u8]) -> Option<Input<'_>> {
    let (&selector, rest) = data.split_first()?;
    let kind = if selector & 0x80 == 0 {
        DocKind::Plain
    } else {
        DocKind::Markdown
    };
    Some(Input {
        text: String::from_utf8_lossy(rest),
        kind,
        config: config(selector & 0x7f),
    })
}

/// House rules that stress fixes: replacements containing their key, a
/// regex whose replacement re-matches, deletions and context groups.
const HOSTILE: &str = r#"
[substitution.titles]
swap = { "Mr" = "Mr.", "Kiev" = "Kyiv (Kiev)", "US" = "U.S." }

[substitution.double]
regex = true
swap = { '(a+)' = "$1$1" }

[substitution.case]
ignore-case = true
swap = { "colour" = "color", "e-mail" = "email" }

[substitution.drop]
regex = true
swap = { '\b(?:very|really) (?P<after>\w)' = "" }
"#;

/// No configuration, a preset, or the hostile rules above; each loaded
/// once (compiling the presets' regexes on every input would be most of
/// the time).
pub fn config(selector: u8) -> &'static Config {
    static CONFIGS: std::sync::OnceLock<Vec<Config>> = std::sync::OnceLock::new();
    let configs = CONFIGS.get_or_init(|| {
        let load = |toml: &str| {
            Config::from_toml(toml, "copydesk.toml").expect("the fuzz configurations load")
        };
        vec![
            Config::default(),
            load("extends = [\"ap\"]\n"),
            load("extends = [\"british\"]\n"),
            load("extends = [\"reuters\"]\n"),
            load(HOSTILE),
        ]
    });
    &configs[usize::from(selector) % configs.len()]
}
