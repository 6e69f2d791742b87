//! The README's first screen and its install promises: the install command
//! and the Rust version it names are there and true (the version is the
//! package's `rust-version`, which no dependency in Cargo.lock exceeds),
//! the two fresh-machine commands are unchanged, and the pre-commit snippet
//! names hooks the manifest has and the release tag of this version.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative)).unwrap()
}

/// The README up to its first `## ` heading: what a newcomer sees first.
fn first_screen() -> String {
    let readme = read("README.md");
    let end = readme.find("\n## ").expect("the README has sections");
    readme[..end].to_owned()
}

#[test]
fn the_first_screen_says_how_to_install_and_which_rust() {
    let screen = first_screen();
    let rust_version = env!("CARGO_PKG_RUST_VERSION");
    assert!(!rust_version.is_empty(), "Cargo.toml sets rust-version");
    assert!(
        screen.contains(&format!("Rust {rust_version} or newer")),
        "the README's first screen names Rust {rust_version}"
    );
    for line in [
        "cargo install --locked --path .",
        "cargo run --release -- check seeds/blinken-rafah.txt\ncargo test\n",
        "copydesk check seeds/blinken-rafah.txt",
    ] {
        assert!(screen.contains(line), "the first screen lacks {line:?}");
    }
    assert!(
        !screen.contains("BUILD_"),
        "a placeholder is left in the first screen"
    );
}

/// `rust-version` is honest: `cargo install --locked` on that toolchain
/// does not meet a dependency that needs a newer one.
#[test]
fn no_locked_dependency_needs_a_newer_rust_than_declared() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let parse = |v: &str| -> Vec<u32> { v.split('.').map(|p| p.parse().unwrap()).collect() };
    let declared = parse(env!("CARGO_PKG_RUST_VERSION"));
    let mut too_new = Vec::new();
    let mut highest = Vec::new();
    for package in metadata["packages"].as_array().unwrap() {
        let Some(needed) = package["rust_version"].as_str() else {
            continue;
        };
        let needed = parse(needed);
        if needed > declared {
            too_new.push(format!("{} {}", package["name"], package["version"]));
        }
        highest = highest.max(needed);
    }
    assert!(
        too_new.is_empty(),
        "need a newer Rust than declared: {too_new:?}"
    );
    assert_eq!(
        highest, declared,
        "rust-version is higher than any dependency needs; lower it (the README says it too)"
    );
    for member in ["core/Cargo.toml", "xtask/Cargo.toml"] {
        assert!(
            read(member).contains(&format!(
                "rust-version = \"{}\"",
                env!("CARGO_PKG_RUST_VERSION")
            )),
            "{member} declares the same rust-version"
        );
    }
}

#[test]
fn the_pre_commit_snippet_names_real_hooks_and_the_release_tag() {
    let readme = read("README.md");
    let section = &readme[readme.find("### pre-commit").unwrap()..];
    let start = section.find("```yaml\n").unwrap() + "```yaml\n".len();
    let snippet = &section[start..start + section[start..].find("```").unwrap()];
    let rev = snippet
        .lines()
        .find_map(|l| l.trim().strip_prefix("rev: "))
        .expect("the snippet has a rev");
    assert_eq!(rev, format!("v{}", env!("CARGO_PKG_VERSION")));
    let manifest = read(".pre-commit-hooks.yaml");
    for id in snippet
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- id: "))
    {
        assert!(
            manifest.contains(&format!("- id: {id}\n")),
            "hook {id} is not in .pre-commit-hooks.yaml"
        );
    }
}
