//! A small LSP client for protocol tests: frames JSON-RPC over an in-memory
//! duplex pipe to the real server, answers the server's requests, and keeps
//! notifications until a test asks for them. Positions are computed here
//! independently of the server's `convert` module.

#![allow(dead_code)] // Each test binary uses a different part.

use std::collections::VecDeque;
use std::time::Duration;

use copydesk::lsp::{serve_with, Checker, Ending};
use serde_json::{json, Value};
use tokio::io::{
    AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf,
};
use tokio::task::JoinHandle;

/// How long any single wait may take before the test fails.
const WAIT: Duration = Duration::from_secs(10);

pub struct Client {
    writer: WriteHalf<DuplexStream>,
    reader: BufReader<ReadHalf<DuplexStream>>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    inbox: VecDeque<Value>,
    /// Requests the server sent us, by method.
    pub server_requests: Vec<String>,
    /// What we answer to `workspace/configuration`.
    pub configuration: Value,
    pub server: Option<JoinHandle<Ending>>,
}

impl Client {
    /// Start a server with `checker`.
    pub fn start(checker: Checker) -> Client {
        let (ours, theirs) = tokio::io::duplex(1 << 22);
        let (server_in, server_out) = tokio::io::split(theirs);
        let server = tokio::spawn(serve_with(server_in, server_out, checker));
        let (reader, writer) = tokio::io::split(ours);
        Client {
            writer,
            reader: BufReader::new(reader),
            next_id: 1,
            inbox: VecDeque::new(),
            server_requests: Vec::new(),
            configuration: Value::Null,
            server: Some(server),
        }
    }

    pub async fn send_raw(&mut self, body: &[u8]) {
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        self.writer.write_all(header.as_bytes()).await.unwrap();
        self.writer.write_all(body).await.unwrap();
        self.writer.flush().await.unwrap();
    }

    /// Write `bytes` as they are, framing and all.
    pub async fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).await.unwrap();
        self.writer.flush().await.unwrap();
    }

    pub async fn send(&mut self, message: &Value) {
        self.send_raw(message.to_string().as_bytes()).await;
    }

    /// The next message from the server, whatever it is.
    pub async fn recv(&mut self) -> Value {
        tokio::time::timeout(WAIT, self.read_message())
            .await
            .expect("the server answered in time")
    }

    async fn read_message(&mut self) -> Value {
        let mut length = None;
        loop {
            let mut line = String::new();
            let n = self.reader.read_line(&mut line).await.unwrap();
            assert!(n > 0, "the server closed its output");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = Some(v.parse::<usize>().unwrap());
            }
        }
        let mut body = vec![0; length.expect("a Content-Length header")];
        self.reader.read_exact(&mut body).await.unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// Handle one incoming message: answer server requests, keep
    /// notifications, return responses.
    async fn pump(&mut self) -> Option<Value> {
        let message = self.recv().await;
        self.handle(message).await
    }

    async fn handle(&mut self, message: Value) -> Option<Value> {
        match (message.get("method"), message.get("id")) {
            (Some(method), Some(id)) => {
                let method = method.as_str().unwrap().to_owned();
                let result = match method.as_str() {
                    "workspace/configuration" => json!([self.configuration.clone()]),
                    _ => Value::Null,
                };
                self.server_requests.push(method);
                let id = id.clone();
                self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}))
                    .await;
                None
            }
            (Some(_), None) => {
                self.inbox.push_back(message);
                None
            }
            _ => Some(message),
        }
    }

    /// Send a request and return the whole response message.
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        self.response(json!(id)).await
    }

    /// Wait for the response with `id`.
    pub async fn response(&mut self, id: Value) -> Value {
        loop {
            if let Some(response) = self.pump().await {
                if response["id"] == id {
                    return response;
                }
            }
        }
    }

    /// Send a request and return its `result`, failing on an error.
    pub async fn call(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params).await;
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// The next notification matching `pred` (earlier non-matching ones
    /// stay in the inbox).
    pub async fn notification(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        loop {
            if let Some(i) = self.inbox.iter().position(&pred) {
                return self.inbox.remove(i).unwrap();
            }
            if let Some(response) = self.pump().await {
                panic!("unexpected response {response}");
            }
        }
    }

    /// The diagnostics published for `uri` at `version`; older publishes
    /// are skipped.
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        loop {
            let n = self
                .notification(|m| {
                    m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
                })
                .await;
            let got = n["params"]["version"].as_i64();
            if got == Some(version) {
                return n["params"]["diagnostics"].as_array().unwrap().clone();
            }
            assert!(
                got < Some(version),
                "published a version from the future: {n}"
            );
        }
    }

    /// Let the server run for `millis`, answering its requests; returns
    /// every notification received so far (the inbox is emptied).
    pub async fn quiet_for(&mut self, millis: u64) -> Vec<Value> {
        let deadline = tokio::time::Instant::now() + Duration::from_millis(millis);
        while let Ok(message) = tokio::time::timeout_at(deadline, self.read_message()).await {
            if let Some(response) = self.handle(message).await {
                panic!("unexpected response {response}");
            }
        }
        self.inbox.drain(..).collect()
    }

    /// `initialize` + `initialized`; returns the initialize result.
    pub async fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        let result = self
            .call(
                "initialize",
                json!({"processId": null, "rootUri": null, "capabilities": capabilities,
                       "initializationOptions": options}),
            )
            .await;
        self.notify("initialized", json!({})).await;
        result
    }

    pub async fn open(&mut self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        )
        .await;
    }

    pub async fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        )
        .await;
    }

    /// `shutdown` then `exit`; returns how the server ended.
    pub async fn shutdown(mut self) -> Ending {
        assert_eq!(self.call("shutdown", Value::Null).await, Value::Null);
        self.notify("exit", Value::Null).await;
        let server = self.server.take().unwrap();
        tokio::time::timeout(WAIT, server).await.unwrap().unwrap()
    }
}

/// Which units `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    Utf8,
    Utf16,
}

/// The client's own position arithmetic: lines end at `\r\n`, `\n` or `\r`.
pub fn position(text: &str, offset: usize, units: Units) -> Value {
    let before = &text[..offset];
    let mut line = 0;
    let mut line_start = 0;
    let bytes = before.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = b == b'\n' || (b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n'));
        if ends {
            line += 1;
            line_start = i + 1;
        }
    }
    let prefix = &before[line_start..];
    let character = match units {
        Units::Utf8 => prefix.len(),
        Units::Utf16 => prefix.encode_utf16().count(),
    };
    json!({"line": line, "character": character})
}

pub fn range(text: &str, bytes: std::ops::Range<usize>, units: Units) -> Value {
    json!({"start": position(text, bytes.start, units), "end": position(text, bytes.end, units)})
}

/// The byte offset of an LSP position in `text` (exact: no clamping, the
/// server must send valid positions).
pub fn offset(text: &str, position: &Value, units: Units) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let mut starts = vec![0];
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    let start = starts[line];
    let mut at = start;
    let mut seen = 0;
    for c in text[start..].chars() {
        if seen >= character || c == '\n' || c == '\r' {
            break;
        }
        seen += match units {
            Units::Utf8 => c.len_utf8(),
            Units::Utf16 => c.len_utf16(),
        };
        at += c.len_utf8();
    }
    assert_eq!(
        seen, character,
        "{position} is not a char boundary of its line"
    );
    at
}

/// Apply LSP text edits to `text` as a client does.
pub fn apply_edits(text: &str, edits: &[Value], units: Units) -> String {
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], units),
                offset(text, &e["range"]["end"], units),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (start, end, new_text) in edits {
        out.replace_range(start..end, &new_text);
    }
    out
}
