//! Fixing converges: the passes settle (none of the configurations has
//! rules that undo each other), fixing the fixed text changes nothing, and
//! the fixed text re-checks to the findings the fix reported.
#![no_main]

use copydesk::cli::fix::fix_text;
use copydesk::{Safety, Session};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(common::Input { text, kind, config }) = common::input(data) else {
        return;
    };
    let unsafe_too = data[0] & 0x40 != 0;
    let allowed = |safety: Safety| unsafe_too || safety == Safety::Safe;
    let mut session = Session::new();
    let findings = session.check(config, &text, kind);
    let once = fix_text(&mut session, &text, findings, kind, config, allowed);
    assert_eq!(once.unsettled, None);
    let again = session.check(config, &once.text, kind);
    assert_eq!(again, once.findings, "the findings are of the fixed text");
    let twice = fix_text(&mut session, &once.text, again, kind, config, allowed);
    assert!(twice.unsettled.is_none());
    assert_eq!(twice.text, once.text, "a second fix changed the text");
    assert_eq!(twice.applied, 0);
});
