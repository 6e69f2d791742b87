//! JSON-RPC framing over byte streams (`Content-Length` headers), in place
//! of tower-lsp's `Server`.
//!
//! Why not tower-lsp's own: with tokio-util 0.7, its `FramedRead` ends the
//! input stream after one message that does not decode, so a single
//! malformed message stops the server; and after `exit` it keeps waiting for
//! input. Here a malformed message gets its JSON-RPC error response (parse
//! error or invalid request, id `null` unless one can be read) and reading
//! goes on; `exit` ends the session once the requests before it are
//! answered; `"params": null` on `shutdown`, which
//! several clients send, is accepted.
//!
//! Otherwise the structure is tower-lsp's: one reader dispatching messages to
//! the service in arrival order, handler futures driven concurrently and
//! first polled in that same order, and one writer that serialises every
//! outgoing message (responses, and the server's own requests and
//! notifications).

use std::future::poll_fn;

use futures::channel::mpsc;
use futures::{SinkExt, StreamExt};
use serde_json::Value;
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tower_lsp::jsonrpc::{Error, ErrorCode, Id, Request, Response};
use tower_lsp::{ClientSocket, LanguageServer, LspService};
use tower_service::Service;
use tracing::{debug, error, warn};

/// Handlers running at once (tower-lsp's default).
const MAX_CONCURRENCY: usize = 4;
/// How long answers to requests received before the input ended may take.
const DRAIN_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);
/// Larger messages are refused (and skipped) rather than buffered.
const MAX_MESSAGE_BYTES: usize = 256 << 20;

/// How the input ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The client sent `exit`.
    Exit,
    /// The input closed (or failed).
    Closed,
}

/// Serve `service` until `exit` or the end of `input`.
pub async fn run<I, O, S>(
    input: I,
    output: O,
    mut service: LspService<S>,
    socket: ClientSocket,
) -> End
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
    S: LanguageServer,
{
    let (out_tx, out_rx) = mpsc::unbounded::<Vec<u8>>();
    let (task_tx, task_rx) = mpsc::unbounded();
    let (server_requests, mut client_responses) = socket.split();

    let write_output = async move {
        let mut output = std::pin::pin!(output);
        let mut out_rx = out_rx;
        while let Some(body) = out_rx.next().await {
            let header = format!("Content-Length: {}\r\n\r\n", body.len());
            let written = async {
                output.write_all(header.as_bytes()).await?;
                output.write_all(&body).await?;
                output.flush().await
            };
            if let Err(e) = written.await {
                error!("cannot write to the client: {e}");
                return;
            }
        }
    };

    // Set once every request received has been answered (after the input
    // ended): the server's own messages stop then, so the writer can finish.
    let (handlers_done, handlers_done_rx) = futures::channel::oneshot::channel::<()>();

    let run_handlers = {
        let out_tx = out_tx.clone();
        async move {
            task_rx
                .buffer_unordered(MAX_CONCURRENCY)
                .for_each(move |response: Result<Option<Response>, _>| {
                    if let Ok(Some(response)) = response {
                        send(&out_tx, &response);
                    }
                    std::future::ready(())
                })
                .await;
            let _ = handlers_done.send(());
        }
    };

    let forward_server_requests = {
        let out_tx = out_tx.clone();
        async move {
            let mut requests = server_requests.take_until(handlers_done_rx);
            while let Some(request) = requests.next().await {
                send(&out_tx, &request);
            }
        }
    };

    let read_input = async move {
        let mut input = BufReader::new(input);
        loop {
            let body = match read_frame(&mut input).await {
                Ok(Some(Ok(body))) => body,
                Ok(Some(Err(problem))) => {
                    send(&out_tx, &error(Id::Null, ErrorCode::ParseError, problem));
                    continue;
                }
                Ok(None) => return End::Closed,
                Err(e) => {
                    error!("cannot read from the client: {e}");
                    return End::Closed;
                }
            };
            let message = match parse(&body) {
                Ok(message) => message,
                Err(response) => {
                    send(&out_tx, &response);
                    continue;
                }
            };
            match message {
                Message::Response(response) => {
                    if client_responses.send(response).await.is_err() {
                        return End::Closed;
                    }
                }
                Message::Request(request) => {
                    // `exit` ends the session here, not in the service, which
                    // would cancel the requests still in flight.
                    if request.method() == "exit" {
                        return End::Exit;
                    }
                    if poll_fn(|cx| service.poll_ready(cx)).await.is_err() {
                        return End::Closed;
                    }
                    let handler = service.call(request);
                    if task_tx.unbounded_send(handler).is_err() {
                        return End::Closed;
                    }
                }
            }
        }
    };

    // The reader decides when the session is over. Requests that arrived
    // before it ended (a client may send `shutdown` and `exit` in one burst)
    // are still answered and the answers written: the reader drops its
    // senders, the handlers finish, the server's own messages stop, and the
    // writer ends when its queue is empty — within a bound, as a handler
    // may wait on a client that has gone.
    let mut rest =
        std::pin::pin!(async { tokio::join!(write_output, run_handlers, forward_server_requests) });
    let end = tokio::select! {
        end = read_input => end,
        _ = &mut rest => return End::Closed,
    };
    if tokio::time::timeout(DRAIN_TIMEOUT, rest).await.is_err() {
        debug!("left with requests unanswered after {DRAIN_TIMEOUT:?}");
    }
    end
}

enum Message {
    Request(Request),
    Response(Response),
}

/// Decode a message body; an undecodable one becomes the error response
/// to send back.
fn parse(body: &[u8]) -> Result<Message, Response> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| error(Id::Null, ErrorCode::ParseError, format!("Parse error: {e}")))?;
    let id = match value.get("id") {
        Some(Value::Number(n)) => n.as_i64().map_or(Id::Null, Id::Number),
        Some(Value::String(s)) => Id::String(s.clone()),
        _ => Id::Null,
    };
    let invalid = |e: serde_json::Error| {
        error(
            id.clone(),
            ErrorCode::InvalidRequest,
            format!("Invalid request: {e}"),
        )
    };
    if value.get("method").is_some() {
        let mut request: Request = serde_json::from_value(value).map_err(invalid)?;
        if request.method() == "shutdown" && request.params() == Some(&Value::Null) {
            let (method, id, _) = request.into_parts();
            let mut builder = Request::build(method);
            if let Some(id) = id {
                builder = builder.id(id);
            }
            request = builder.finish();
        }
        Ok(Message::Request(request))
    } else {
        serde_json::from_value(value)
            .map(Message::Response)
            .map_err(invalid)
    }
}

fn error(id: Id, code: ErrorCode, message: String) -> Response {
    warn!("answering a malformed message: {message}");
    Response::from_error(
        id,
        Error {
            code,
            message: message.into(),
            data: None,
        },
    )
}

fn send(out: &mpsc::UnboundedSender<Vec<u8>>, message: &impl serde::Serialize) {
    match serde_json::to_vec(message) {
        // The writer only stops when the output is gone.
        Ok(body) => drop(out.unbounded_send(body)),
        Err(e) => error!("cannot encode a message: {e}"),
    }
}

/// Read one frame: `Ok(None)` at the end of input, `Ok(Some(Err(_)))` for
/// a frame whose headers are unusable (the body, if any, is skipped).
async fn read_frame<R: AsyncBufRead + Unpin>(
    input: &mut R,
) -> std::io::Result<Option<Result<Vec<u8>, String>>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut seen_header = false;
    loop {
        let mut line = Vec::new();
        if input.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if seen_header {
                break;
            }
            continue; // stray blank line between messages
        }
        seen_header = true;
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length =
                    Some(value.trim().parse().map_err(|_| {
                        format!("Parse error: bad Content-Length `{}`", value.trim())
                    }));
            }
        }
    }
    match length {
        Some(Ok(n)) if n <= MAX_MESSAGE_BYTES => {
            let mut body = vec![0; n];
            input.read_exact(&mut body).await?;
            Ok(Some(Ok(body)))
        }
        Some(Ok(n)) => {
            debug!("skipping a message of {n} bytes");
            tokio::io::copy(&mut input.take(n as u64), &mut tokio::io::sink()).await?;
            Ok(Some(Err(format!(
                "Parse error: message of {n} bytes exceeds the limit of {MAX_MESSAGE_BYTES}"
            ))))
        }
        Some(Err(problem)) => Ok(Some(Err(problem))),
        None => Ok(Some(
            Err("Parse error: no Content-Length header".to_owned()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames(input: &[u8]) -> Vec<Result<Vec<u8>, String>> {
        let mut reader = BufReader::new(input);
        let mut out = Vec::new();
        while let Some(frame) = read_frame(&mut reader).await.unwrap() {
            out.push(frame);
        }
        out
    }

    #[tokio::test]
    async fn frames_are_split_on_content_length() {
        let input = b"Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}\r\n\
                      content-length:3\r\n\r\n[1]";
        assert_eq!(
            frames(input).await,
            [Ok(b"{}".to_vec()), Ok(b"[1]".to_vec())]
        );
    }

    #[tokio::test]
    async fn bad_headers_are_reported_and_skipped() {
        let input = b"Content-Length: x\r\n\r\nX-Other: 1\r\n\r\nContent-Length: 1\r\n\r\n1";
        assert_eq!(
            frames(input).await,
            [
                Err("Parse error: bad Content-Length `x`".to_owned()),
                Err("Parse error: no Content-Length header".to_owned()),
                Ok(b"1".to_vec())
            ]
        );
    }

    #[test]
    fn malformed_bodies_become_error_responses() {
        let answer = |body: &str| match parse(body.as_bytes()) {
            Err(response) => serde_json::to_value(response).unwrap(),
            Ok(_) => panic!("{body} parsed"),
        };
        let r = answer("{not json");
        assert_eq!(
            (r["id"].clone(), r["error"]["code"].clone()),
            (Value::Null, (-32700).into())
        );
        let r = answer(r#"{"jsonrpc":"2.0","id":7,"method":3}"#);
        assert_eq!(
            (r["id"].clone(), r["error"]["code"].clone()),
            (7.into(), (-32600).into())
        );
        let r = answer(r#"{"jsonrpc":"1.0","id":"a"}"#);
        assert_eq!(
            (r["id"].clone(), r["error"]["code"].clone()),
            ("a".into(), (-32600).into())
        );
    }

    #[test]
    fn shutdown_with_null_params_is_accepted() {
        let Ok(Message::Request(request)) =
            parse(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#)
        else {
            panic!("not a request")
        };
        assert_eq!(request.params(), None);
        assert_eq!(request.id(), Some(&Id::Number(1)));
    }
}
