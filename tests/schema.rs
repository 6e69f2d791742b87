//! The JSON Schema of `copydesk.toml` (`copydesk.schema.json`, for editors
//! such as VS Code with Even Better TOML, or any taplo-based client) is
//! generated from the wire format by `cargo xtask docs` (whose test fails
//! when the committed file is stale); the shipped sample files and presets
//! must validate against it.

use std::path::Path;

use copydesk::config::PRESETS;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    let committed = std::fs::read_to_string(root().join("copydesk.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

/// A TOML text as the JSON value editors validate.
fn as_json(text: &str) -> serde_json::Value {
    toml::from_str(text).expect("valid TOML")
}

#[track_caller]
fn assert_valid(validator: &jsonschema::Validator, name: &str, text: &str) {
    let value = as_json(text);
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name} does not validate: {errors:#?}");
}

#[test]
fn sample_files_and_presets_validate() {
    let validator = validator();
    let mut samples = 0;
    for entry in std::fs::read_dir(root().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_valid(&validator, &path.display().to_string(), &text);
            // And copydesk itself accepts them.
            copydesk::Config::from_toml(&text, &path).unwrap_or_else(|e| panic!("{e}"));
            samples += 1;
        }
    }
    assert!(samples >= 2, "the sample configurations are in seeds/");
    for (name, text) in PRESETS {
        assert_valid(&validator, name, text);
    }
    let starter = copydesk::cli::house::starter(Some("reuters"));
    assert_valid(&validator, "copydesk init", &starter);
}

#[test]
fn the_schema_rejects_what_the_parser_rejects() {
    let validator = validator();
    for bad in [
        "sevrity = \"error\"\n",
        "[checks]\n\"quote/unatributed\" = \"error\"\n",
        "[checks]\n\"quote/unattributed\" = \"fatal\"\n",
        "[thresholds]\nrestated-paragraph = 2.0\n",
        "[substitution.us]\nswap = { US = \"U.S.\" }\nsevrity = \"error\"\n",
        "[metric.long]\nscope = \"page\"\nmax-words = 3\n",
    ] {
        let value = as_json(bad);
        assert!(!validator.is_valid(&value), "the schema accepts {bad:?}");
        assert!(
            copydesk::Config::from_toml(bad, "copydesk.toml").is_err(),
            "copydesk accepts {bad:?}"
        );
    }
}

/// The README's complete example is the sample file, verbatim.
#[test]
fn readme_example_is_the_sample_file() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let sample = std::fs::read_to_string(root().join("seeds/copydesk.reuters.toml")).unwrap();
    let section = readme
        .split("## House style: copydesk.toml")
        .nth(1)
        .expect("README has the house style section");
    assert!(
        section.contains(&format!("```toml\n{sample}```\n")),
        "README's example differs from seeds/copydesk.reuters.toml"
    );
}
