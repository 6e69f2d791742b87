//! The committed docs generated from the check registry must match it:
//! `docs/rules.md` and the list of checks in `README.md`. Run with
//! `UPDATE_DOCS=1` to rewrite them.

use std::path::Path;

use copydesk::cli::docs;

fn update() -> bool {
    std::env::var_os("UPDATE_DOCS").is_some_and(|v| v != "0")
}

/// Compare a committed file with what is generated, or rewrite it.
#[track_caller]
fn check_generated(relative: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == generated {
        return;
    }
    if update() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let first_difference = committed
        .lines()
        .zip(generated.lines())
        .position(|(a, b)| a != b)
        .map_or_else(
            || "one is a prefix of the other".to_owned(),
            |i| format!("first difference at line {}", i + 1),
        );
    panic!(
        "{relative} is out of date with the check registry ({first_difference}).\n\
         Regenerate it with: {}",
        docs::REGENERATE
    );
}

#[test]
fn rules_md_is_generated_from_the_registry() {
    check_generated("docs/rules.md", &docs::rules_markdown());
}

#[test]
fn readme_lists_the_checks_from_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let generated = docs::splice_readme(&readme, &docs::readme_checks()).unwrap_or_else(|| {
        panic!(
            "README.md lacks the markers {:?} … {:?} around the list of checks",
            docs::README_BEGIN,
            docs::README_END
        )
    });
    check_generated("README.md", &generated);
}

#[test]
fn rules_md_documents_every_check() {
    let rules = docs::rules_markdown();
    for info in &copydesk::checks::REGISTRY {
        assert!(
            rules.contains(&format!("\n## `{}`\n", info.code)),
            "{}",
            info.code
        );
        for part in [info.docs.why, info.docs.example, info.docs.passes] {
            assert!(rules.contains(part), "{}: {part}", info.code);
        }
    }
}
