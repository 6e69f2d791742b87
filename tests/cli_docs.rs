//! The committed docs generated from the code must match it:
//! `docs/rules.md`, and in `README.md` the list of checks and the example
//! output on the seed. Run with `UPDATE_DOCS=1` to rewrite them.

use std::path::Path;

use copydesk::cli::docs;

const SEED: &str = "seeds/blinken-rafah.txt";

fn update() -> bool {
    std::env::var_os("UPDATE_DOCS").is_some_and(|v| v != "0")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Compare a committed file with what is generated, or rewrite it.
#[track_caller]
fn check_generated(relative: &str, generated: &str) {
    let path = root().join(relative);
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
        "{relative} is out of date with the code ({first_difference}).\n\
         Regenerate it with: {}",
        docs::REGENERATE
    );
}

#[test]
fn rules_md_is_generated_from_the_registry() {
    check_generated("docs/rules.md", &docs::rules_markdown());
}

/// The list of checks, and the examples of both formats, which are the real
/// output on the seed.
#[test]
fn readme_blocks_are_generated() {
    let seed = std::fs::read_to_string(root().join(SEED)).expect("the seed");
    let mut readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    for (name, block) in [
        ("checks", docs::readme_checks()),
        ("human-example", docs::readme_human_example(SEED, &seed)),
        ("json-example", docs::readme_json_example(SEED, &seed)),
    ] {
        readme = docs::splice_readme(&readme, name, &block).unwrap_or_else(|| {
            panic!(
                "README.md lacks the markers {:?} around its {name} block",
                docs::readme_markers(name)
            )
        });
    }
    check_generated("README.md", &readme);
}

#[test]
fn rules_md_documents_every_check() {
    let rules = docs::rules_markdown();
    for info in &copydesk::checks::REGISTRY {
        assert!(
            rules.contains(&format!("\n## `{}`\n", info.code())),
            "{}",
            info.code()
        );
        for part in [info.docs.why, info.docs.example, info.docs.passes] {
            assert!(rules.contains(part), "{}: {part}", info.code());
        }
    }
}
