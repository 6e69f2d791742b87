//! The language server: the only module that knows LSP (tower-lsp and
//! lsp-types are imported nowhere else).
//!
//! Layout: `server` holds the handlers and the ordering rules;
//! `documents` the open texts (ropey) and incremental edits; `analyses`
//! each open document's session and the analysis of its current version; `house` the
//! house-style file of each draft; `convert` the
//! one conversion between byte ranges and LSP positions; `diagnostics`,
//! `actions`, `hover`, `hints` and `symbols` turn the core's findings and
//! text model into protocol answers; `settings` reads the client's
//! settings; `transport` frames JSON-RPC on the byte streams.
//!
//! [`run_stdio`] is what `copydesk lsp` runs. [`serve`] runs the same server
//! over any byte streams, which is how the protocol tests drive it.

mod actions;
mod analyses;
mod convert;
mod diagnostics;
mod documents;
mod hints;
mod house;
mod hover;
mod server;
mod settings;
mod symbols;
#[cfg(test)]
mod test_support;
mod transport;

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp::LspService;

pub use server::{CheckFn, Checker};

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ending {
    /// The client sent `shutdown` before leaving.
    pub shutdown_requested: bool,
    /// The client sent `exit` (rather than closing the stream).
    pub exited: bool,
}

impl Ending {
    /// The protocol's exit code: 0 after `shutdown`, 1 otherwise.
    pub fn exit_code(self) -> ExitCode {
        if self.shutdown_requested {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}

/// Run the language server on stdin/stdout until the client exits.
///
/// A single-threaded runtime: the work is sequential anyway (edits apply in
/// order, checking is milliseconds), and it keeps the idle footprint small.
pub fn run_stdio() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            tracing::error!("cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ending = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // A blocking read of stdin may still be pending; do not wait for it.
    runtime.shutdown_background();
    ending.exit_code()
}

/// Serve one client over `input`/`output` with the real checks.
pub async fn serve<I, O>(input: I, output: O) -> Ending
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    serve_with(input, output, Checker::Core).await
}

/// Serve with another checker: for protocol tests of the LSP layer on
/// findings of their choosing. Production uses [`serve`].
#[doc(hidden)]
pub async fn serve_with<I, O>(input: I, output: O, checker: Checker) -> Ending
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let mut shutdown = None;
    let (service, socket) = LspService::new(|client| {
        let backend = server::Backend::new(client, checker);
        shutdown = Some(backend.shutdown_flag());
        backend
    });
    let shutdown = shutdown.unwrap_or_else(|| Arc::new(AtomicBool::new(false)));
    let end = transport::run(input, output, service, socket).await;
    Ending {
        shutdown_requested: shutdown.load(Ordering::SeqCst),
        exited: end == transport::End::Exit,
    }
}
