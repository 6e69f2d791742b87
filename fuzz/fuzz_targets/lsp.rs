//! Any bytes as what a client sends the language server: it must not
//! panic, must end when the input does, and must write only well-framed
//! JSON-RPC messages.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .expect("a runtime");
    let mut output = Vec::new();
    runtime.block_on(copydesk::lsp::serve(data, &mut output));
    // Every message out is `Content-Length: N\r\n\r\n` and N bytes of JSON.
    let mut rest = output.as_slice();
    while !rest.is_empty() {
        let header_end = rest
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a header");
        let header = std::str::from_utf8(&rest[..header_end]).expect("an ASCII header");
        let length: usize = header
            .strip_prefix("Content-Length: ")
            .and_then(|n| n.parse().ok())
            .expect("a Content-Length header");
        let body = &rest[header_end + 4..header_end + 4 + length];
        let _: serde_json_value::Ignored = serde_json_value::parse(body);
        rest = &rest[header_end + 4 + length..];
    }
});

/// Just enough JSON checking, without another dependency in the target.
mod serde_json_value {
    pub struct Ignored;

    pub fn parse(body: &[u8]) -> Ignored {
        let text = std::str::from_utf8(body).expect("UTF-8 JSON");
        assert!(text.starts_with('{') && text.ends_with('}'), "{text}");
        Ignored
    }
}
