//! The JSON Schema of `copydesk.toml` (`copydesk.schema.json`, for editors
//! such as VS Code with Even Better TOML, or any taplo-based client) is
//! generated from the wire format: the committed file must match it, and
//! the shipped sample files and presets must validate against it. Run with
//! `UPDATE_DOCS=1` to rewrite the schema.

use std::path::Path;

use copydesk::config::wire::WireConfig;
use copydesk::config::PRESETS;

/// The schema of `copydesk.toml`: derived from the wire format, with each
/// core code's `[checks]` entry (in the file and in `[[overrides]]`)
/// described by the check's own summary.
fn json_schema() -> String {
    let mut schema = schemars::schema_for!(WireConfig);
    let top = schema.as_object_mut().expect("the file is a table");
    top.values_mut().for_each(describe_codes);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

fn describe_codes(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, entry) in map.iter_mut() {
                match (copydesk::Check::from_code(key), entry.as_object_mut()) {
                    (Some(check), Some(entry)) if entry.contains_key("$ref") => {
                        let summary = copydesk::checks::info(check).docs.summary;
                        let text = format!("{summary} (default: {})", check.default_severity());
                        entry.insert("description".into(), text.into());
                    }
                    _ => describe_codes(entry),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(describe_codes),
        _ => {}
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_schema_is_generated_from_the_wire_format() {
    let path = root().join("copydesk.schema.json");
    let generated = json_schema();
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        if std::env::var_os("UPDATE_DOCS").is_some_and(|v| v != "0") {
            std::fs::write(&path, generated).unwrap();
            return;
        }
        panic!(
            "copydesk.schema.json is out of date with core/src/config/wire.rs; regenerate it with: \
             UPDATE_DOCS=1 cargo test --test schema"
        );
    }
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
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
