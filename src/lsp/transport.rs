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
use futures::{FutureExt, SinkExt, StreamExt};
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
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
        let mut frames = Frames::new(input);
        loop {
            let body = match frames.next().await {
                Ok(Some(Frame::Body(body))) => body,
                Ok(Some(Frame::Bad { problem, id })) => {
                    send(&out_tx, &error(id, ErrorCode::ParseError, problem));
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
                    // tower-lsp drops every `$/` message as a notification;
                    // a request among them still needs its answer.
                    if request.method().starts_with("$/") {
                        if let Some(id) = request.id() {
                            let method = request.method().to_owned();
                            send(
                                &out_tx,
                                &error(
                                    id.clone(),
                                    ErrorCode::MethodNotFound,
                                    format!("Method not found: {method}"),
                                ),
                            );
                            continue;
                        }
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

/// Longest header line accepted, as bodies are capped: a longer line is
/// not a header.
const MAX_HEADER_LINE: usize = 1024;
/// Longest header block (all lines).
const MAX_HEADER_BYTES: usize = 8 << 10;
/// What a header block must contain (compared without case).
const CONTENT_LENGTH: &[u8] = b"content-length:";

/// A frame read from the client: a body, or what was wrong and the request
/// id, when one could be read from the bad bytes (so the client waiting on
/// it gets its answer).
#[derive(Debug, PartialEq)]
enum Frame {
    Body(Vec<u8>),
    Bad { problem: String, id: Id },
}

/// The framing reader. It trusts a header only as far as the bytes bear it
/// out, so one bad frame costs that frame, never the session:
///
/// - bytes that are not a header block (a body without a header, noise, the
///   tail of a body whose length was given too short) are skipped up to
///   the next `Content-Length:` and answered with one parse error;
/// - a body whose declared length is too short or too long, but which is a
///   JSON message followed by the next header (a client counting
///   characters instead of bytes), is taken as the message;
/// - a length that is not a number, or over [`MAX_MESSAGE_BYTES`], is an
///   error and reading resumes at the next header (never a read to EOF);
/// - header lines and blocks are capped like bodies.
struct Frames<R> {
    input: R,
    buf: Vec<u8>,
    /// Bytes of `buf` already consumed.
    at: usize,
    eof: bool,
}

impl<R: AsyncRead + Unpin> Frames<R> {
    fn new(input: R) -> Frames<R> {
        Frames {
            input,
            buf: Vec::new(),
            at: 0,
            eof: false,
        }
    }

    fn pending(&self) -> &[u8] {
        &self.buf[self.at..]
    }

    fn consume(&mut self, n: usize) {
        self.at += n;
        if self.at == self.buf.len() {
            self.buf.clear();
            self.at = 0;
        } else if self.at > (64 << 10) && self.at > self.buf.len() / 2 {
            self.buf.drain(..self.at);
            self.at = 0;
        }
    }

    /// Read more input, waiting for it; `false` at the end of input.
    async fn fill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        let mut chunk = [0u8; 64 << 10];
        let n = self.input.read(&mut chunk).await?;
        self.buf.extend_from_slice(&chunk[..n]);
        self.eof = n == 0;
        Ok(n > 0)
    }

    /// Read more input only if some is there now; `false` if none is.
    fn fill_now(&mut self) -> std::io::Result<bool> {
        match self.fill().now_or_never() {
            Some(result) => result,
            None => Ok(false),
        }
    }

    /// The next frame, `None` at the end of input.
    async fn next(&mut self) -> std::io::Result<Option<Frame>> {
        loop {
            let blank = self
                .pending()
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            self.consume(blank);
            if self.pending().is_empty() {
                if !self.fill().await? {
                    return Ok(None);
                }
                continue;
            }
            match self.header()? {
                Header::NeedMore => {
                    if !self.fill().await? {
                        let junk = self.pending().len();
                        return Ok(Some(
                            self.skip(junk, "Parse error: input ended inside a header"),
                        ));
                    }
                }
                Header::Junk => {
                    return Ok(Some(
                        self.skip_to_header("Parse error: no Content-Length header")?,
                    ))
                }
                Header::Bad(problem, len) => {
                    self.consume(len);
                    return Ok(Some(self.skip_to_header(&problem)?));
                }
                Header::Length(n, len) => {
                    self.consume(len);
                    return self.body(n).await.map(Some);
                }
            }
        }
    }

    /// Read the header block at the start of the pending bytes.
    fn header(&self) -> std::io::Result<Header> {
        let pending = self.pending();
        let mut length = None;
        let mut offset = 0;
        loop {
            let rest = &pending[offset..];
            let Some(end) = memchr::memchr(b'\n', rest) else {
                return Ok(if rest.len() > MAX_HEADER_LINE || !is_header_start(rest) {
                    Header::Junk
                } else {
                    Header::NeedMore
                });
            };
            if end > MAX_HEADER_LINE || offset + end > MAX_HEADER_BYTES {
                return Ok(Header::Junk);
            }
            let line = &rest[..end];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            offset += end + 1;
            if line.is_empty() {
                return Ok(match length {
                    Some(Ok(n)) => Header::Length(n, offset),
                    Some(Err(problem)) => Header::Bad(problem, offset),
                    None => Header::Junk,
                });
            }
            let Some(colon) = memchr::memchr(b':', line) else {
                return Ok(Header::Junk);
            };
            let (name, value) = (&line[..colon], &line[colon + 1..]);
            if name.is_empty() || !name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-') {
                return Ok(Header::Junk);
            }
            if name.eq_ignore_ascii_case(b"content-length") {
                let value = String::from_utf8_lossy(value).trim().to_owned();
                length = Some(match value.parse::<u64>() {
                    Ok(n) if n <= MAX_MESSAGE_BYTES as u64 => Ok(n as usize),
                    Ok(n) => Err(format!(
                        "Parse error: message of {n} bytes exceeds the limit of {MAX_MESSAGE_BYTES}"
                    )),
                    Err(_) => Err(format!("Parse error: bad Content-Length `{value}`")),
                });
            }
        }
    }

    /// The body of a frame whose header says `n` bytes.
    async fn body(&mut self, n: usize) -> std::io::Result<Frame> {
        // Bytes searched for a header so far: each byte is searched once.
        let mut searched = 0;
        while self.pending().len() < n {
            // A header after a whole message inside what should be this
            // body: the length was too long, and the next message has begun.
            if let Some(k) = find_header(&self.pending()[searched..]).map(|k| searched + k) {
                if is_json(&self.pending()[..k]) {
                    return Ok(self.take_message(k));
                }
                searched = k + 1;
            } else {
                searched = self.pending().len().saturating_sub(CONTENT_LENGTH.len());
            }
            // A whole message already, the client waiting for its answer:
            // the length was too long.
            if !self.fill_now()? {
                if let Some(end) = complete_json(self.pending()) {
                    return Ok(self.take_message(end));
                }
                if !self.fill().await? {
                    let all = self.pending().len();
                    return Ok(self.skip(all, "Parse error: input ended inside a message"));
                }
            }
        }
        if is_json(&self.pending()[..n]) {
            let body = self.pending()[..n].to_vec();
            self.consume(n);
            return Ok(Frame::Body(body));
        }
        // Not JSON as delimited: the length is wrong (characters counted
        // instead of bytes), or the body is not JSON. The message runs to
        // the next header, or to the end of what has arrived.
        let next = |this: &Self| {
            let from = this.pending().len().min(1);
            find_header(&this.pending()[from..]).map(|k| from + k)
        };
        while next(self).is_none() && self.fill_now()? {}
        let end = next(self).unwrap_or(self.pending().len());
        if end >= n && self.pending()[n..end].iter().all(u8::is_ascii_whitespace) {
            // Framed right, just not JSON: the message path answers it.
            let body = self.pending()[..n].to_vec();
            self.consume(n);
            return Ok(Frame::Body(body));
        }
        Ok(self.take_message(end))
    }

    /// The first `end` pending bytes as a message: its body if they are
    /// JSON, else an error for them.
    fn take_message(&mut self, end: usize) -> Frame {
        let bytes = &self.pending()[..end];
        if is_json(bytes) {
            let body = bytes.to_vec();
            self.consume(end);
            Frame::Body(body)
        } else {
            self.skip(
                end,
                "Parse error: Content-Length does not match the message",
            )
        }
    }

    /// Skip the bytes up to the next header (those there now), as one error.
    fn skip_to_header(&mut self, problem: &str) -> std::io::Result<Frame> {
        loop {
            // The start may look like a header yet be junk; look past it.
            if let Some(k) = find_header(&self.pending()[1.min(self.pending().len())..]) {
                return Ok(self.skip(k + 1, problem));
            }
            if !self.fill_now()? {
                let all = self.pending().len();
                return Ok(self.skip(all, problem));
            }
        }
    }

    /// Drop `n` pending bytes, answering them with `problem` and their id.
    fn skip(&mut self, n: usize, problem: &str) -> Frame {
        let id = id_in(&self.pending()[..n]);
        debug!("skipping {n} bytes: {problem}");
        self.consume(n);
        Frame::Bad {
            problem: problem.to_owned(),
            id,
        }
    }
}

enum Header {
    NeedMore,
    /// Not a header block.
    Junk,
    /// A header block of `.1` bytes whose length is unusable.
    Bad(String, usize),
    /// A header block of `.1` bytes announcing `.0` bytes of body.
    Length(usize, usize),
}

/// Whether `bytes` (a line not ended yet) could still become a header line.
fn is_header_start(bytes: &[u8]) -> bool {
    let name_end = memchr::memchr(b':', bytes).unwrap_or(bytes.len());
    bytes[..name_end]
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// Where a `Content-Length:` header starts in `bytes`.
fn find_header(bytes: &[u8]) -> Option<usize> {
    memchr::memchr2_iter(b'C', b'c', bytes).find(|&k| {
        bytes
            .get(k..k + CONTENT_LENGTH.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(CONTENT_LENGTH))
    })
}

/// Where the JSON value at the start of `bytes` ends, if it is whole and
/// nothing but blanks follows.
fn complete_json(bytes: &[u8]) -> Option<usize> {
    let last = bytes.iter().rposition(|b| !b.is_ascii_whitespace())?;
    if !matches!(bytes[last], b'}' | b']') {
        return None;
    }
    is_json(&bytes[..=last]).then_some(bytes.len())
}

/// Whether `bytes` are one JSON value (and blanks).
fn is_json(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

/// The request id in bytes that are not a valid message, if one can be
/// read (`"id": 5`, `"id":"x"`).
fn id_in(bytes: &[u8]) -> Id {
    let Some(k) = memchr::memmem::find(bytes, b"\"id\"") else {
        return Id::Null;
    };
    let rest = &bytes[k + 4..];
    let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let Some(rest) = rest.strip_prefix(b":") else {
        return Id::Null;
    };
    let mut values = serde_json::Deserializer::from_slice(rest).into_iter::<Value>();
    match values.next() {
        Some(Ok(Value::Number(n))) => n.as_i64().map_or(Id::Null, Id::Number),
        Some(Ok(Value::String(s))) => Id::String(s),
        _ => Id::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames(input: &[u8]) -> Vec<Result<Vec<u8>, String>> {
        let mut reader = Frames::new(input);
        let mut out = Vec::new();
        while let Some(frame) = reader.next().await.unwrap() {
            out.push(match frame {
                Frame::Body(body) => Ok(body),
                Frame::Bad { problem, .. } => Err(problem),
            });
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
                Ok(b"1".to_vec())
            ]
        );
        let input = b"X-Other: 1\r\n\r\nContent-Length: 2\r\n\r\n{}";
        assert_eq!(
            frames(input).await,
            [
                Err("Parse error: no Content-Length header".to_owned()),
                Ok(b"{}".to_vec())
            ]
        );
    }

    #[tokio::test]
    async fn empty_bodies_and_input_ending_early_are_errors_not_panics() {
        assert_eq!(frames(b"Content-Length: 0\r\n\r\n").await, [Ok(Vec::new())]);
        assert_eq!(
            frames(b"Content-Length: 9\r\n\r\n{").await,
            [Err("Parse error: input ended inside a message".to_owned())]
        );
        assert_eq!(
            frames(b"Content-Length: 2").await,
            [Err("Parse error: input ended inside a header".to_owned())]
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
