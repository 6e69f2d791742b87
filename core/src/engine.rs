//! One way to analyse a draft: an [`Engine`] built from the resolved
//! configuration gives the parsed [`Document`] and its findings.
//!
//! Everything that reads a draft under a configuration — the command line,
//! diagnostics, and the language server's hovers, inlay hints and symbols —
//! goes through it, so they cannot disagree about the same text (a house
//! speech verb that credits a quote for the diagnostics credits it for the
//! hover too).

use crate::checks;
use crate::config::Config;
use crate::document::{DocKind, Document};
use crate::finding::Finding;

/// The engine for one configuration.
#[derive(Debug, Clone, Copy)]
pub struct Engine<'c> {
    config: &'c Config,
}

/// A draft parsed and checked.
#[derive(Debug)]
pub struct Analysis<'a> {
    pub doc: Document<'a>,
    /// Sorted by position, then code; at the configured severities.
    pub findings: Vec<Finding>,
}

impl<'c> Engine<'c> {
    pub fn new(config: &'c Config) -> Engine<'c> {
        Engine { config }
    }

    pub fn config(&self) -> &'c Config {
        self.config
    }

    /// The text model of `text`, with the house's lexicons.
    pub fn parse<'a>(&self, text: &'a str, kind: DocKind) -> Document<'a> {
        Document::parse_with_verbs(text, kind, &self.config.speech_verbs)
    }

    /// Every enabled check's findings on a parsed draft.
    pub fn findings(&self, doc: &Document<'_>) -> Vec<Finding> {
        checks::run_all(doc, self.config)
    }

    /// Parse and check.
    pub fn analyse<'a>(&self, text: &'a str, kind: DocKind) -> Analysis<'a> {
        let doc = self.parse(text, kind);
        let findings = self.findings(&doc);
        Analysis { doc, findings }
    }

    /// The findings of `text`.
    pub fn check(&self, text: &str, kind: DocKind) -> Vec<Finding> {
        self.analyse(text, kind).findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Check;

    #[test]
    fn house_speech_verbs_credit_quotes_in_the_parse_and_the_findings() {
        let text = "\"We will rebuild every school in the district,\" the mayor burbled.\n";
        let mut config = Config::default();
        let unattributed = |findings: &[Finding]| {
            findings
                .iter()
                .any(|f| f.check() == Check::QuoteUnattributed)
        };
        let plain = Engine::new(&config).analyse(text, DocKind::Plain);
        assert!(unattributed(&plain.findings));
        assert!(plain.doc.attributions.iter().all(|a| a.is_none()));

        config.speech_verbs.push("burbled".into());
        let house = Engine::new(&config).analyse(text, DocKind::Plain);
        assert!(!unattributed(&house.findings), "{:?}", house.findings);
        assert!(house.doc.attributions.iter().any(|a| a.is_some()));
    }
}
