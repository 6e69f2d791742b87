//! Any bytes as a draft, plain or Markdown, with or without a preset: the
//! analyser must not panic, and every finding must point inside the text
//! at character boundaries, as must its fix's edits.
#![no_main]

use copydesk::line_index::LineIndex;
use copydesk::Session;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(common::Input {
        text, kind, config, ..
    }) = common::input(data)
    else {
        return;
    };
    let findings = Session::new().check(config, &text, kind);
    let index = LineIndex::new(&text);
    for finding in &findings {
        assert!(text.get(finding.range.clone()).is_some(), "{finding:?}");
        index.line_col(finding.range.start);
        for related in &finding.related {
            assert!(text.get(related.range.clone()).is_some(), "{related:?}");
        }
        if let Some(fix) = &finding.fix {
            for edit in &fix.edits {
                assert!(text.get(edit.range.clone()).is_some(), "{edit:?}");
            }
        }
    }
});
