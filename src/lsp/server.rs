//! The `LanguageServer` implementation: thin handlers over the core.
//!
//! Ordering. tower-lsp polls handlers concurrently (its issue #284), so
//! notifications that change state do their work in the synchronous part of
//! the handler: they lock the `std` mutex over [`State`], apply the change
//! and unlock, with no `.await` in between. Handlers are first polled in
//! arrival order, so edits are applied in arrival order.
//!
//! One analysis per version. Every answer about a document — diagnostics,
//! hovers, inlay hints, symbols, code actions — comes from the one stored
//! analysis of its current version (see [`super::analyses`]), made on
//! first need by the document's own session. Analysing happens under the
//! state lock, in the synchronous part of a handler: the runtime has one
//! thread, so nothing else could have run meanwhile anyway, and no request
//! can see a version half-analysed or analyse it twice.
//!
//! Publishing. Checking and `publishDiagnostics` happen in one worker task
//! fed by a channel (see [`publish_worker`]): notifications are sent in the
//! order the jobs were queued, and a burst of edits to one document is
//! checked once, on its newest text. Every publish carries the document
//! version it was computed on.
//!
//! Push or pull. A client that declares pull diagnostics
//! (`textDocument.diagnostic`) and can be asked to pull again
//! (`workspace.diagnostic.refreshSupport`, needed when settings change) gets
//! the `diagnosticProvider` capability and no pushes, as ruff's server does,
//! so it never shows a finding twice. Every other client (Neovim 0.11
//! declares pull but not refresh) gets pushes after `didOpen`, each
//! `didChange` and `didSave`. `textDocument/diagnostic` is answered either
//! way.
//!
//! House style. Each `file://` draft is checked with its folder's
//! configuration file (see [`super::house`]) with the client's settings
//! layered on top; other documents get the settings over the defaults. The
//! server asks to be told when a `copydesk.toml` or `.copydesk.toml`
//! changes (dynamic registration of `workspace/didChangeWatchedFiles`, when
//! the client can), and on a change reloads, re-checks and republishes every
//! open document. A broken file keeps the last good configuration and is
//! reported (`file:line:col: message`) once, and again when fixed.
//! Configuration files are read on a blocking thread, never under the
//! state's lock nor in a request (issue 13: a slow or hung file system must
//! not stall the editor): meanwhile requests are answered under the last
//! good configuration, and a folder's drafts are published only once its
//! style is in. A read that takes longer than [`HOUSE_READ_LIMIT`] is given
//! up, with a message.
//!
//! Robustness. Unknown documents, positions out of range, malformed
//! settings and panics in the core are answered (empty results, clamped
//! positions, a message to the user), never fatal.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::mpsc;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};
use tracing::{debug, error, info, warn};

use super::actions::{self, code_actions};
use super::analyses::{Analysed, Analyses};
use super::convert::{Converter, Encoding};
use super::diagnostics::{self, SOURCE};
use super::documents::{kind_for_language, Documents, TextDocument, MAX_CHECKED_BYTES};
use super::house::{HouseStyles, Loaded, Notice};
use super::settings::{self, Parsed, Settings, WireSettings};
use super::{hints, hover, symbols};
use copydesk_core::{Analysis, Config, DocKind, Finding, Session};

/// How long reading a folder's configuration files may take before the
/// server gives up on them (a network drive that stopped answering) and
/// keeps the last good configuration.
const HOUSE_READ_LIMIT: Duration = Duration::from_secs(10);

/// A stand-in for the core's checks: a document's findings.
pub type CheckFn = fn(&str, DocKind, &Config) -> Vec<Finding>;

/// How documents are analysed: the core's parse and checks in production;
/// protocol tests may give a stand-in for the checks, to exercise the LSP
/// layer on findings the core does not produce (the parse, which hovers,
/// hints and symbols read, is always the core's).
#[derive(Debug, Clone, Copy)]
pub enum Checker {
    /// [`Session::analyse`].
    Core,
    /// The core's parse, with these findings.
    StandIn(CheckFn),
}

impl Checker {
    pub(super) fn analyse<'a>(
        self,
        session: &mut Session,
        config: &Config,
        text: &'a str,
        kind: DocKind,
    ) -> Analysis<'a> {
        match self {
            Checker::Core => session.analyse(config, text, kind),
            Checker::StandIn(check) => Analysis {
                doc: Session::parse(config, text, kind),
                findings: check(text, kind, config),
            },
        }
    }
}

/// What the client told us it can do, reduced to what we use.
#[derive(Debug, Clone, Copy, Default)]
struct ClientFlags {
    pull_diagnostics: bool,
    diagnostic_refresh: bool,
    inlay_hint_refresh: bool,
    configuration: bool,
    watch_registration: bool,
}

impl ClientFlags {
    fn from(caps: &ClientCapabilities) -> ClientFlags {
        let workspace = caps.workspace.as_ref();
        let diagnostic_refresh = workspace
            .and_then(|w| w.diagnostic.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false);
        let pull = caps
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        ClientFlags {
            pull_diagnostics: pull && diagnostic_refresh,
            diagnostic_refresh,
            inlay_hint_refresh: workspace
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
            watch_registration: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
        }
    }
}

#[derive(Debug, Default)]
struct State {
    docs: Documents,
    /// The house-style files of the open drafts' folders.
    house: HouseStyles,
    /// The client's settings as sent, layered over each draft's house style.
    wire: WireSettings,
    /// The client's settings over the defaults: for documents that are not
    /// files, and the inlay-hint switch.
    settings: Settings,
    encoding: Encoding,
    flags: ClientFlags,
    /// Messages for the user found before `initialized`, when the protocol
    /// does not let us send them yet.
    deferred: Vec<String>,
    /// Each open document's session and latest analysis.
    analyses: Analyses,
}

/// The analysis of a document's current version, and how to present it.
struct Current {
    analysed: Arc<Analysed>,
    encoding: Encoding,
    speaker_hints: bool,
}

impl State {
    /// The client's settings over the house style of the draft at `uri`.
    fn config_for(&self, uri: &Url) -> Config {
        match uri.to_file_path() {
            // Problems with the settings were reported when they arrived.
            Ok(path) => self.wire.resolve(&self.house.config_for(&path)).0.config,
            Err(()) => self.settings.config.clone(),
        }
    }

    /// The paths of the open `file://` documents.
    fn open_paths(&self) -> Vec<PathBuf> {
        self.docs
            .uris()
            .filter_map(|uri| uri.to_file_path().ok())
            .collect()
    }

    /// The analysis of the current version of `uri`: the stored one, or
    /// made now. `None` for unknown documents, languages we do not check
    /// and documents too large to check (and when the analysis panicked).
    fn current(&mut self, uri: &Url, checker: Checker) -> Option<Current> {
        let doc = self.docs.get(uri)?;
        if doc.too_large() {
            return None;
        }
        let (kind, version) = (doc.kind?, doc.version);
        let analysed = match self.analyses.current(uri, version) {
            Some(analysed) => analysed,
            None => {
                let text = doc.text();
                let config = self.config_for(uri);
                let analyses = &mut self.analyses;
                shielded("checking a document", || {
                    analyses.analyse(uri, version, text, kind, &config, checker)
                })?
            }
        };
        Some(Current {
            analysed,
            encoding: self.encoding,
            speaker_hints: self.settings.speaker_hints,
        })
    }
}

enum Job {
    Check(Url),
    Clear(Url),
}

impl Job {
    fn uri(&self) -> &Url {
        match self {
            Job::Check(uri) | Job::Clear(uri) => uri,
        }
    }
}

pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    jobs: mpsc::UnboundedSender<Job>,
    checker: Checker,
    shutdown: Arc<AtomicBool>,
    files: FileThread,
}

/// The one thread that reads configuration files, for the server's life.
///
/// Not tokio's blocking pool: a configuration (and the patterns it
/// compiles) allocated on whichever pool thread was free is freed later on
/// the runtime's thread, and mimalloc gives such memory back to its owner
/// only when that thread allocates again, so the soak's reloads grew the
/// server from 21 to 69 MB over 10⁶ edits. One thread reading every
/// configuration reuses its own pages.
struct FileThread {
    jobs: Option<std::sync::mpsc::Sender<Box<dyn FnOnce() + Send>>>,
}

impl FileThread {
    fn start() -> FileThread {
        let (jobs, queue) = std::sync::mpsc::channel::<Box<dyn FnOnce() + Send>>();
        let started = std::thread::Builder::new()
            .name("copydesk-config".to_owned())
            .spawn(move || {
                for job in queue {
                    // A panic loses that read (its answer is dropped, and
                    // the caller gives up on it), not the thread.
                    let _ = catch_unwind(AssertUnwindSafe(job));
                }
            });
        if let Err(e) = &started {
            error!("cannot start the thread that reads configuration files ({e}); reading them in place");
        }
        FileThread {
            jobs: started.ok().map(|_| jobs),
        }
    }

    /// Run `job` on the thread; its result arrives on the receiver.
    fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> tokio::sync::oneshot::Receiver<T> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job = move || {
            let _ = answer.send(job());
        };
        match &self.jobs {
            Some(jobs) => {
                if let Err(std::sync::mpsc::SendError(job)) = jobs.send(Box::new(job)) {
                    job();
                }
            }
            None => job(),
        }
        answered
    }
}

/// Lock the state; a panic elsewhere while it was held does not make it
/// unusable (every update leaves it consistent).
fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Run core code; a panic in it becomes `None` and a log line instead of
/// taking the server down.
fn shielded<T>(what: &str, f: impl FnOnce() -> T) -> Option<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(value) => Some(value),
        Err(_) => {
            error!("copydesk panicked while {what}; answering with nothing");
            None
        }
    }
}

fn diagnostics_of(current: &Current) -> Vec<Diagnostic> {
    shielded("building diagnostics", || {
        let analysed = &current.analysed;
        let conv = Converter::new(analysed.text(), current.encoding);
        diagnostics::from_findings(&analysed.uri, &conv, analysed.version, analysed.findings())
    })
    .unwrap_or_default()
}

/// The one task that publishes (checks run on the runtime's own thread: on
/// the blocking pool a large draft's check made glibc give the second thread
/// its own heap arena, tripling the resident size for little gain): jobs are handled in queue order, and all
/// jobs already queued for a document collapse into its last one (whose
/// analysis is of the text now, so it reflects every edit applied so far).
async fn publish_worker(
    client: Client,
    state: Arc<Mutex<State>>,
    checker: Checker,
    mut jobs: mpsc::UnboundedReceiver<Job>,
) {
    while let Some(first) = jobs.recv().await {
        let mut batch = vec![first];
        while let Ok(job) = jobs.try_recv() {
            batch.push(job);
        }
        let mut last: Vec<Job> = Vec::with_capacity(batch.len());
        for job in batch {
            last.retain(|j| j.uri() != job.uri());
            last.push(job);
        }
        for job in last {
            match job {
                Job::Clear(uri) => client.publish_diagnostics(uri, Vec::new(), None).await,
                Job::Check(uri) => {
                    let (current, too_large) = {
                        let mut st = lock(&state);
                        // Published once its house style is read (which
                        // queues it again), not under the defaults meanwhile.
                        if uri.to_file_path().is_ok_and(|path| st.house.loading(&path)) {
                            continue;
                        }
                        let too_large = st.docs.get(&uri).is_some_and(|d| d.too_large());
                        (st.current(&uri, checker), too_large)
                    };
                    let Some(current) = current else {
                        if too_large {
                            client.publish_diagnostics(uri, Vec::new(), None).await;
                        }
                        continue; // closed in the meantime, or too large
                    };
                    let diags = diagnostics_of(&current);
                    let version = current.analysed.version;
                    debug!(%uri, version, n = diags.len(), "publish");
                    client.publish_diagnostics(uri, diags, Some(version)).await;
                }
            }
        }
    }
}

impl Backend {
    pub fn new(client: Client, checker: Checker) -> Backend {
        let state = Arc::new(Mutex::new(State::default()));
        let (jobs, rx) = mpsc::unbounded_channel();
        tokio::spawn(publish_worker(client.clone(), state.clone(), checker, rx));
        Backend {
            client,
            state,
            jobs,
            checker,
            shutdown: Arc::new(AtomicBool::new(false)),
            files: FileThread::start(),
        }
    }

    /// Set once the client sent `shutdown`.
    pub fn shutdown_flag(&self) -> Arc<AtomicBool> {
        self.shutdown.clone()
    }

    /// Queue a (re)check of `uri` for push clients.
    fn schedule(&self, flags: ClientFlags, uri: Url) {
        if !flags.pull_diagnostics {
            // The worker lives as long as the server; a send error means
            // the server is going away.
            let _ = self.jobs.send(Job::Check(uri));
        }
    }

    /// The analysis for a request. While the house style of the
    /// document's folder is being read, requests are answered under the
    /// last good one (the defaults for a folder never read), not held up.
    fn current(&self, uri: &Url) -> Option<Current> {
        lock(&self.state).current(uri, self.checker)
    }

    async fn show(&self, typ: MessageType, message: String) {
        warn!("{message}");
        self.client.show_message(typ, message).await;
    }

    /// Apply a settings payload; on success re-check every open document.
    async fn apply_settings(&self, value: Option<&Value>) {
        let wire = match settings::parse(value) {
            Ok(Parsed::Settings(wire)) => wire,
            Ok(Parsed::Absent) => return,
            Err(message) => return self.show(MessageType::WARNING, message).await,
        };
        let (problems, hints_changed, flags, uris) = {
            let mut st = lock(&self.state);
            let (resolved, problems) = wire.resolve(&Config::default());
            let hints_changed = resolved.speaker_hints != st.settings.speaker_hints;
            st.settings = resolved;
            st.wire = wire;
            st.analyses.configuration_changed();
            let uris: Vec<Url> = st.docs.uris().cloned().collect();
            (problems, hints_changed, st.flags, uris)
        };
        for problem in problems {
            self.show(MessageType::WARNING, problem).await;
        }
        self.recheck_all(flags, uris).await;
        if hints_changed && flags.inlay_hint_refresh {
            if let Err(e) = self.client.inlay_hint_refresh().await {
                debug!("inlay hint refresh refused: {e}");
            }
        }
    }

    /// Have every open document checked again: pushed, or pulled after a
    /// refresh request.
    async fn recheck_all(&self, flags: ClientFlags, uris: Vec<Url>) {
        if flags.pull_diagnostics {
            if flags.diagnostic_refresh {
                if let Err(e) = self.client.workspace_diagnostic_refresh().await {
                    debug!("diagnostic refresh refused: {e}");
                }
            }
        } else {
            for uri in uris {
                self.schedule(flags, uri);
            }
        }
    }

    /// Read the house styles of `folders` on the [`FileThread`], so that no
    /// request waits on the file system (issue 13), and `install` them
    /// there: done even if this handler is dropped (an `exit` right after
    /// `didOpen`), so the folders do not stay marked as being read. The notices
    /// for the user, or `None` when reading took more than
    /// [`HOUSE_READ_LIMIT`]: the folders then keep their last good style and
    /// the user is told.
    async fn read_house(
        &self,
        folders: Vec<PathBuf>,
        install: fn(&mut HouseStyles, Loaded) -> Vec<Notice>,
    ) -> Option<Vec<Notice>> {
        let read = self.files.run({
            let (folders, state) = (folders.clone(), self.state.clone());
            move || {
                let loaded = Loaded::read(folders);
                let notices = {
                    let mut st = lock(&state);
                    st.analyses.configuration_changed();
                    install(&mut st.house, loaded)
                };
                notices
            }
        });
        match tokio::time::timeout(HOUSE_READ_LIMIT, read).await {
            Ok(Ok(notices)) => Some(notices),
            outcome => {
                let why = if outcome.is_err() {
                    format!("took more than {} s", HOUSE_READ_LIMIT.as_secs())
                } else {
                    "failed".to_owned()
                };
                lock(&self.state).house.abandon(&folders);
                let message = format!(
                    "copydesk: reading the configuration files of {} {why}; keeping the last good configuration",
                    folders
                        .iter()
                        .map(|f| f.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                self.show(MessageType::WARNING, message).await;
                self.check_open_in(&folders);
                None
            }
        }
    }

    /// Read and install the house styles of newly opened `folders`, then
    /// check their open drafts.
    async fn load_house(&self, folders: Vec<PathBuf>) {
        if let Some(notices) = self.read_house(folders.clone(), HouseStyles::install).await {
            self.tell(notices).await;
            self.check_open_in(&folders);
        }
    }

    /// Queue checks of the open documents in `folders` for push clients
    /// (their publishing was skipped while the folders' styles were read).
    fn check_open_in(&self, folders: &[PathBuf]) {
        let st = lock(&self.state);
        let uris: Vec<Url> = st
            .docs
            .uris()
            .filter(|uri| {
                st.docs
                    .get(uri)
                    .is_some_and(|d| d.kind.is_some() && !d.too_large())
            })
            .filter(|uri| {
                uri.to_file_path()
                    .ok()
                    .and_then(|p| p.parent().map(Path::to_path_buf))
                    .is_some_and(|folder| folders.contains(&folder))
            })
            .cloned()
            .collect();
        let flags = st.flags;
        drop(st);
        for uri in uris {
            self.schedule(flags, uri);
        }
    }

    /// Tell the user about their configuration files, and log it.
    async fn tell(&self, notices: Vec<Notice>) {
        for notice in notices {
            let (typ, message) = match notice {
                Notice::Broken(error) => (
                    MessageType::WARNING,
                    format!("copydesk: {error} (keeping the last good configuration)"),
                ),
                Notice::Fixed(path) => (
                    MessageType::INFO,
                    format!("copydesk: {path} is fixed and in use again"),
                ),
            };
            if typ == MessageType::WARNING {
                warn!("{message}");
            } else {
                info!("{message}");
            }
            self.client.log_message(typ, message.clone()).await;
            self.client.show_message(typ, message).await;
        }
    }

    /// Ask the client to tell us when a configuration file changes.
    async fn watch_config_files(&self) {
        let watchers = crate::config::FILE_NAMES
            .iter()
            .map(|name| FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{name}")),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "copydesk-config-files".to_owned(),
            method: "workspace/didChangeWatchedFiles".to_owned(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            debug!("watching configuration files refused: {e}");
        }
    }

    /// Ask the client for our section, when it can answer.
    async fn pull_settings(&self) {
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some(settings::SECTION.to_owned()),
        };
        match self.client.configuration(vec![item]).await {
            Ok(values) => self.apply_settings(values.first()).await,
            Err(e) => debug!("workspace/configuration failed: {e}"),
        }
    }
}

fn capabilities(encoding: Encoding, flags: ClientFlags) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            resolve_provider: Some(false),
            work_done_progress_options: Default::default(),
        })),
        inlay_hint_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        diagnostic_provider: flags.pull_diagnostics.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some(SOURCE.to_owned()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                work_done_progress_options: Default::default(),
            })
        }),
        ..Default::default()
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = Encoding::negotiate(&params.capabilities);
        let flags = ClientFlags::from(&params.capabilities);
        {
            let mut st = lock(&self.state);
            st.encoding = encoding;
            st.flags = flags;
            match settings::parse(params.initialization_options.as_ref()) {
                Ok(Parsed::Settings(wire)) => {
                    let (resolved, problems) = wire.resolve(&Config::default());
                    st.settings = resolved;
                    st.wire = wire;
                    st.deferred.extend(problems);
                }
                Ok(Parsed::Absent) => {}
                Err(message) => st.deferred.push(message),
            }
        }
        info!(?encoding, ?flags, "initialize");
        Ok(InitializeResult {
            capabilities: capabilities(encoding, flags),
            server_info: Some(ServerInfo {
                name: "copydesk".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let (deferred, flags, encoding) = {
            let mut st = lock(&self.state);
            (std::mem::take(&mut st.deferred), st.flags, st.encoding)
        };
        for message in deferred {
            self.show(MessageType::WARNING, message).await;
        }
        self.client
            .log_message(
                MessageType::INFO,
                format!(
                    "copydesk {} ready (positions in {}, diagnostics {})",
                    env!("CARGO_PKG_VERSION"),
                    encoding.kind().as_str(),
                    if flags.pull_diagnostics {
                        "pulled"
                    } else {
                        "pushed"
                    }
                ),
            )
            .await;
        if flags.watch_registration {
            self.watch_config_files().await;
        }
        if flags.configuration {
            self.pull_settings().await;
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let kind = kind_for_language(&item.language_id);
        let (flags, unloaded) = {
            let mut st = lock(&self.state);
            let doc = TextDocument::new(&item.text, item.version, kind);
            st.docs.open(item.uri.clone(), doc);
            st.analyses.forget(&item.uri);
            let unloaded = match item.uri.to_file_path() {
                Ok(path) if kind.is_some() => st.house.unloaded(&path),
                _ => None,
            };
            if let Some(folder) = &unloaded {
                st.house.start_loading(std::slice::from_ref(folder));
            }
            (st.flags, unloaded)
        };
        // A folder seen for the first time has its house style read now,
        // off the state's lock: its drafts wait for it, the rest do not.
        if let Some(folder) = unloaded {
            self.load_house(vec![folder]).await;
        }
        if kind.is_some() && item.text.len() > MAX_CHECKED_BYTES {
            let message = format!(
                "copydesk: {} is not checked: {} MB is more than a draft (the limit is {} MB)",
                item.uri,
                item.text.len().div_ceil(1024 * 1024),
                MAX_CHECKED_BYTES / (1024 * 1024)
            );
            self.show(MessageType::INFO, message).await;
        } else if kind.is_some() {
            self.schedule(flags, item.uri);
        } else {
            debug!(uri = %item.uri, language = item.language_id, "not checked");
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        // Applied before the first `.await`: see the module docs.
        let (result, flags) = {
            let mut st = lock(&self.state);
            let encoding = st.encoding;
            let result = st
                .docs
                .change(
                    &uri,
                    params.text_document.version,
                    &params.content_changes,
                    encoding,
                )
                .map(|doc| doc.kind.is_some());
            (result, st.flags)
        };
        match result {
            Ok(true) => self.schedule(flags, uri),
            Ok(false) => {}
            Err(e) => {
                let message = format!("copydesk: {uri}: {e}");
                warn!("{message}");
                self.client.log_message(MessageType::WARNING, message).await;
            }
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let (checked, flags) = {
            let st = lock(&self.state);
            let doc = st.docs.get(&params.text_document.uri);
            (doc.is_some_and(|d| d.kind.is_some()), st.flags)
        };
        if checked {
            self.schedule(flags, params.text_document.uri);
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let flags = {
            let mut st = lock(&self.state);
            st.docs.close(&params.text_document.uri);
            st.analyses.forget(&params.text_document.uri);
            st.flags
        };
        if !flags.pull_diagnostics {
            let _ = self.jobs.send(Job::Clear(params.text_document.uri));
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let pull = lock(&self.state).flags.configuration;
        match &params.settings {
            // VS Code's pull model: the notification only says "ask me".
            Value::Null if pull => self.pull_settings().await,
            value => self.apply_settings(Some(value)).await,
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let folders = {
            let mut st = lock(&self.state);
            let ours = params.changes.iter().any(|change| {
                change
                    .uri
                    .to_file_path()
                    .is_ok_and(|path| st.house.watches(&path))
            });
            ours.then(|| {
                let folders = HouseStyles::folders_of(st.open_paths().iter().map(PathBuf::as_path));
                // Checks wait for the new configuration rather than use
                // the one being replaced.
                st.house.start_loading(&folders);
                folders
            })
        };
        let Some(folders) = folders else {
            return;
        };
        let Some(notices) = self.read_house(folders, HouseStyles::install_reload).await else {
            return;
        };
        let (flags, uris) = {
            let st = lock(&self.state);
            let uris: Vec<Url> = st.docs.uris().cloned().collect();
            (st.flags, uris)
        };
        info!(
            "configuration files changed; re-checking {} documents",
            uris.len()
        );
        self.tell(notices).await;
        self.recheck_all(flags, uris).await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let items = self
            .current(&params.text_document.uri)
            .map(|current| diagnostics_of(&current))
            .unwrap_or_default();
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let Some(current) = self.current(&params.text_document.uri) else {
            return Ok(None);
        };
        let actions = shielded("building code actions", || {
            let analysed = &current.analysed;
            let conv = Converter::new(analysed.text(), current.encoding);
            let doc = actions::Snapshot {
                uri: &analysed.uri,
                text: analysed.text(),
                version: analysed.version,
                kind: analysed.kind,
            };
            code_actions(&doc, &conv, &params, || diagnostics_of(&current))
        });
        Ok(actions)
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params;
        let Some(current) = self.current(&position.text_document.uri) else {
            return Ok(None);
        };
        let hover = shielded("hovering", || {
            let analysed = &current.analysed;
            let conv = Converter::new(analysed.text(), current.encoding);
            hover::hover(analysed.doc(), conv.offset(position.position)).map(|h| Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: h.markdown,
                }),
                range: Some(conv.range(h.range)),
            })
        });
        Ok(hover.flatten())
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let Some(current) = self.current(&params.text_document.uri) else {
            return Ok(None);
        };
        if !current.speaker_hints {
            return Ok(Some(Vec::new()));
        }
        let found = shielded("finding inlay hints", || {
            let analysed = &current.analysed;
            let conv = Converter::new(analysed.text(), current.encoding);
            hints::speaker_hints(analysed.doc(), conv.byte_range(params.range))
                .into_iter()
                .map(|h| InlayHint {
                    position: conv.position(h.offset),
                    label: InlayHintLabel::String(h.label),
                    kind: None,
                    text_edits: None,
                    tooltip: None,
                    padding_left: Some(true),
                    padding_right: None,
                    data: None,
                })
                .collect()
        });
        Ok(found)
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(current) = self.current(&params.text_document.uri) else {
            return Ok(None);
        };
        let found = shielded("listing symbols", || {
            let analysed = &current.analysed;
            let conv = Converter::new(analysed.text(), current.encoding);
            DocumentSymbolResponse::Nested(symbols::document_symbols(analysed.doc(), &conv))
        });
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_file_thread_answers_in_order_and_outlives_a_panic() {
        let files = FileThread::start();
        let first = files.run(|| std::thread::current().name().map(str::to_owned));
        let panicked = files.run(|| -> u8 { panic!("a broken read") });
        let after = files.run(|| 7);
        assert_eq!(first.await.unwrap().as_deref(), Some("copydesk-config"));
        assert!(panicked.await.is_err(), "the panicked job has no answer");
        assert_eq!(after.await.unwrap(), 7);
    }
}
