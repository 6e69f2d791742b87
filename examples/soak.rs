//! Soak the language server: many random edits over a session with several
//! documents and configuration reloads, sampling the server's resident
//! memory (issue 13). Runs the built binary as an editor would:
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example soak -- [EDITS] [BINARY]
//! ```
//!
//! EDITS defaults to 1,000,000 and BINARY to target/release/copydesk. Prints
//! `edits rss_kib` samples and the slope after warm-up (the first fifth),
//! in KiB per 100,000 edits; a flat line is the goal.

// A report on stdout is what this tool is for.
#![allow(clippy::print_stdout)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;

use serde_json::{json, Value};

const DOCS: usize = 4;
const SAMPLES: usize = 50;
/// Every this many edits the client waits for an answer, so the server's
/// queue stays short, as with an editor.
const SYNC_EVERY: usize = 50;
const RELOAD_EVERY: usize = 5_000;

fn main() {
    let mut args = std::env::args().skip(1);
    let edits: usize = args
        .next()
        .map_or(1_000_000, |n| n.parse().expect("EDITS is a number"));
    let binary = args
        .next()
        .unwrap_or_else(|| "target/release/copydesk".to_owned());
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let config = dir.path().join("copydesk.toml");
    std::fs::write(&config, house(0)).unwrap();

    let mut child = Command::new(&binary)
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
    let pid = child.id();
    let mut input = child.stdin.take().unwrap();
    let output = child.stdout.take().unwrap();
    let (answers, answered) = mpsc::channel::<i64>();
    let reader = std::thread::spawn(move || read_messages(output, answers));

    let mut send = |message: Value| {
        let body = message.to_string();
        write!(input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        input.flush().unwrap();
    };
    let mut next_id = 1;
    let mut request = |send: &mut dyn FnMut(Value), method: &str, params: Value| {
        let id = next_id;
        next_id += 1;
        send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        while answered.recv().expect("the server answers") != id {}
    };
    request(
        &mut send,
        "initialize",
        json!({"processId": null, "capabilities": {}}),
    );
    send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));

    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut random = move |below: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % below.max(1) as u64) as usize
    };
    let uris: Vec<String> = (0..DOCS)
        .map(|i| format!("file://{}/draft{i}.md", dir.path().display()))
        .collect();
    let mut texts: Vec<String> = (0..DOCS).map(|_| STORY.to_owned()).collect();
    let mut versions = [1i64; DOCS];
    for (uri, text) in uris.iter().zip(&texts) {
        send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
            {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}}),
        );
    }

    let mut samples = Vec::new();
    for edit in 1..=edits {
        let d = random(DOCS);
        let text = &mut texts[d];
        let at = random(text.len() + 1);
        let (from, to, insert) = if text.len() > 12_000 || (text.len() > 200 && random(2) == 0) {
            (
                at.min(text.len() - 1),
                (at + 1 + random(8)).min(text.len()),
                String::new(),
            )
        } else {
            let piece = PIECES[random(PIECES.len())];
            (at, at, piece.to_owned())
        };
        let range = json!({"start": position(text, from), "end": position(text, to)});
        text.replace_range(from..to, &insert);
        versions[d] += 1;
        send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uris[d], "version": versions[d]},
            "contentChanges": [{"range": range, "text": insert}]}}),
        );
        if edit % SYNC_EVERY == 0 {
            request(
                &mut send,
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": uris[d]}}),
            );
        }
        if edit % RELOAD_EVERY == 0 {
            std::fs::write(&config, house(edit / RELOAD_EVERY)).unwrap();
            send(
                json!({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params":
                {"changes": [{"uri": format!("file://{}", config.display()), "type": 2}]}}),
            );
        }
        if edit % (edits / SAMPLES).max(1) == 0 {
            let rss = rss_kib(pid);
            println!("{edit} {rss}");
            samples.push((edit as f64, rss as f64));
        }
    }
    request(&mut send, "shutdown", Value::Null);
    send(json!({"jsonrpc": "2.0", "method": "exit"}));
    child.wait().unwrap();
    reader.join().unwrap();

    let warm = &samples[samples.len() / 5..];
    let n = warm.len() as f64;
    let (mx, my) = (
        warm.iter().map(|s| s.0).sum::<f64>() / n,
        warm.iter().map(|s| s.1).sum::<f64>() / n,
    );
    let slope = warm.iter().map(|s| (s.0 - mx) * (s.1 - my)).sum::<f64>()
        / warm.iter().map(|s| (s.0 - mx).powi(2)).sum::<f64>();
    let peak = samples.iter().map(|s| s.1).fold(0.0, f64::max);
    println!(
        "edits {edits}; rss after warm-up {:.0}..{:.0} KiB, peak {peak:.0} KiB; slope {:.1} KiB per 100,000 edits",
        warm.first().map_or(0.0, |s| s.1),
        warm.last().map_or(0.0, |s| s.1),
        slope * 100_000.0
    );
}

/// Text inserted by the edits: words, quotes, names, line breaks.
const PIECES: &[&str] = &[
    "a",
    " ",
    "the ",
    "said ",
    "\"",
    "\n",
    "\n\n",
    "Smith ",
    "Mr ",
    "US ",
    "reportedly ",
    ". ",
    ",",
    "# ",
    "Blinken said on Friday. ",
];

const STORY: &str = "# Talks resume\n\nWASHINGTON - US Secretary of State Antony Blinken said on Friday the talks would resume.\n\n\"We will not back down,\" Blinken said.\n\nMr Smith reportedly agreed.\n";

/// A house style that differs with each reload.
fn house(round: usize) -> String {
    let severity = ["warning", "error", "info"][round % 3];
    format!("extends = [\"reuters\"]\n\n[checks]\n\"quote/unattributed\" = \"{severity}\"\n\n[existence.hedges]\ntokens = [\"reportedly\"]\n")
}

/// The LSP position (UTF-16; the text is ASCII) of byte `offset`.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let column = offset - before.rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": column})
}

/// Read the server's messages, passing on the ids of responses.
fn read_messages(output: impl Read, answers: mpsc::Sender<i64>) {
    let mut reader = BufReader::new(output);
    loop {
        let mut length = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let message: Value = serde_json::from_slice(&body).unwrap();
        if message.get("method").is_none() {
            if let Some(id) = message["id"].as_i64() {
                let _ = answers.send(id);
            }
        }
    }
}

/// The resident set of process `pid`, in KiB (Linux).
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}
