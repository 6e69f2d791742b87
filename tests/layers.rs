//! Dependencies point one way, down: no module imports a module above it.
//!
//! Reads every `crate::…` path in the shipped code of both crates (comments
//! and `#[cfg(test)]` code excluded: a test may build a whole configuration
//! or run the whole engine) and checks it against the layer order below,
//! which docs/design.md ("Where things live") describes in words.

use std::path::{Path, PathBuf};

/// The engine's layers, bottom first. A module may use modules of lower
/// layers only.
const CORE: &[&[&str]] = &[
    &["codes"],
    &["lexicon"],
    &["text", "line_index", "cache"],
    &["finding"],
    &["document"],
    &["style"],
    &["config"],
    &["suppress"],
    &["checks"],
    &["engine"],
    &["lib"],
];

/// The package's layers above the engine.
const PACKAGE: &[&[&str]] = &[&["config"], &["cli"], &["lsp"], &["lib", "main"]];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`checks` for
/// `src/checks/repeat_quote.rs`, `lib` for `src/lib.rs`).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    let first = first.to_str().unwrap();
    first.strip_suffix(".rs").unwrap_or(first).to_owned()
}

/// The top-level modules named by `crate::` paths in the shipped code.
fn uses(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            break;
        }
        if code.starts_with("//") {
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push((n + 1, name));
            }
        }
    }
    found
}

fn rank(layers: &[&[&str]], module: &str) -> Option<usize> {
    layers.iter().position(|layer| layer.contains(&module))
}

/// Every upward import in `src` as `file:line: a uses b`.
fn violations(src: &Path, layers: &[&[&str]]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let module = module_of(src, &file);
        let Some(own) = rank(layers, &module) else {
            out.push(format!(
                "{}: module `{module}` has no layer",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        for (line, used) in uses(&text) {
            // Items re-exported at the crate root (`crate::Check`) are
            // named by the root; they are checked where they are defined.
            let Some(theirs) = rank(layers, &used) else {
                continue;
            };
            if theirs > own && used != module {
                out.push(format!(
                    "{}:{line}: `{module}` uses `{used}`, a layer above it",
                    file.display()
                ));
            }
        }
    }
    out
}

#[test]
fn the_engine_imports_only_downward() {
    let found = violations(&root().join("core/src"), CORE);
    assert!(found.is_empty(), "upward imports:\n{}", found.join("\n"));
}

#[test]
fn the_package_imports_only_downward() {
    let found = violations(&root().join("src"), PACKAGE);
    assert!(found.is_empty(), "upward imports:\n{}", found.join("\n"));
}

#[test]
fn the_engine_reads_no_files_and_knows_no_protocol() {
    let mut files = Vec::new();
    rust_files(&root().join("core/src"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            for banned in ["std::fs", "tower_lsp", "lsp_types", "clap::", "tokio::"] {
                assert!(
                    !line.contains(banned) || line.trim_start().starts_with("//"),
                    "{}:{}: the engine uses `{banned}`",
                    file.display(),
                    n + 1
                );
            }
        }
    }
}

#[test]
fn an_upward_import_is_caught() {
    let text = "use crate::checks::Check;\n#[cfg(test)]\nmod tests { use crate::engine; }\n";
    assert_eq!(uses(text), [(1, "checks".to_owned())]);
    assert!(rank(CORE, "checks") > rank(CORE, "finding"));
}
