//! Any bytes as copydesk.toml: an error or a configuration, never a panic;
//! a configuration then checks a draft.
#![no_main]

use copydesk::{Config, DocKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Config::from_toml(text, "copydesk.toml") {
        Ok(config) => {
            copydesk::check(
                "The US envoy said on Friday: \"We will act.\"\nMr Smith agreed.\n",
                DocKind::Plain,
                &config,
            );
        }
        Err(err) => {
            assert!(!err.to_string().is_empty());
        }
    }
});
