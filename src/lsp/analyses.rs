//! One analysis per open document version, served to every request.
//!
//! Diagnostics (pushed or pulled), hovers, inlay hints, symbols and code
//! actions of a document are all answered from one [`Analysed`]: the text of
//! one version with its parse and its findings, made once by the document's
//! own [`Session`]. So they cannot disagree (a quote the diagnostics credit
//! to a speaker is credited by the hover too), and a hover after a
//! diagnostics pass costs no parse.
//!
//! Ownership. The core's [`Analysis`] borrows the text it was made from. An
//! [`Analysed`] owns that text and the analysis together (a `self_cell`, so
//! no unsafe code here), behind an `Arc`: a handler clones the `Arc` under
//! the state lock and answers outside it, while an edit meanwhile only
//! replaces what the next request will get. The session (the checks'
//! caches) stays with the document for as long as it is open: a keystroke
//! re-checks mostly unchanged paragraphs, which the caches answer.
//!
//! Freshness. Each analysis is labelled with the document version and the
//! configuration epoch it was made under; the epoch moves whenever the
//! client's settings or a house-style file change. A request for a document
//! whose version or epoch differs from the stored analysis re-analyses the
//! current text first: nothing is ever served from another version.

use std::collections::HashMap;
use std::sync::Arc;

use copydesk_core::{Analysis, Config, DocKind, Document, Finding, Session};
use self_cell::self_cell;
use tower_lsp::lsp_types::Url;

use super::server::Checker;

self_cell!(
    /// A text and its analysis.
    struct Owned {
        owner: String,

        #[covariant]
        dependent: Analysis,
    }
);

/// One version of a document, analysed.
pub struct Analysed {
    pub uri: Url,
    pub version: i32,
    pub kind: DocKind,
    epoch: u64,
    owned: Owned,
}

impl Analysed {
    pub fn text(&self) -> &str {
        self.owned.borrow_owner()
    }

    pub fn doc(&self) -> &Document<'_> {
        &self.owned.borrow_dependent().doc
    }

    pub fn findings(&self) -> &[Finding] {
        &self.owned.borrow_dependent().findings
    }
}

impl std::fmt::Debug for Analysed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analysed")
            .field("uri", &self.uri.as_str())
            .field("version", &self.version)
            .field("findings", &self.findings().len())
            .finish_non_exhaustive()
    }
}

/// What the server keeps of one open document's analyses.
#[derive(Debug)]
struct Entry {
    /// Incremental: the document's versions are parsed paragraph by
    /// paragraph, reusing the paragraphs an edit left alone.
    session: Session,
    latest: Option<Arc<Analysed>>,
}

impl Default for Entry {
    fn default() -> Entry {
        Entry {
            session: Session::incremental(),
            latest: None,
        }
    }
}

/// The sessions and latest analyses of the open documents.
#[derive(Debug, Default)]
pub struct Analyses {
    docs: HashMap<Url, Entry>,
    /// Moves on every change of configuration.
    epoch: u64,
}

impl Analyses {
    /// The settings or a house-style file changed: no stored analysis is
    /// current any more.
    pub fn configuration_changed(&mut self) {
        self.epoch += 1;
    }

    /// Forget a document (closed, or opened anew).
    pub fn forget(&mut self, uri: &Url) {
        self.docs.remove(uri);
    }

    /// The stored analysis of `uri`, if it is of `version` under the current
    /// configuration.
    pub fn current(&self, uri: &Url, version: i32) -> Option<Arc<Analysed>> {
        let latest = self.docs.get(uri)?.latest.as_ref()?;
        (latest.version == version && latest.epoch == self.epoch).then(|| latest.clone())
    }

    /// Analyse `text`, version `version` of `uri`, in the document's
    /// session, and keep the result as its latest. If the analysis panics,
    /// the document gets a fresh session next time.
    pub fn analyse(
        &mut self,
        uri: &Url,
        version: i32,
        text: String,
        kind: DocKind,
        config: &Config,
        checker: Checker,
    ) -> Arc<Analysed> {
        let entry = self.docs.entry(uri.clone()).or_default();
        // A panic below leaves the new session in place.
        let mut session = std::mem::replace(&mut entry.session, Session::incremental());
        let owned = Owned::new(text, |text| {
            checker.analyse(&mut session, config, text, kind)
        });
        let analysed = Arc::new(Analysed {
            uri: uri.clone(),
            version,
            kind,
            epoch: self.epoch,
            owned,
        });
        entry.session = session;
        entry.latest = Some(analysed.clone());
        analysed
    }
}
