//! Turns the releases folder into the corpus embedded in the app.
//! `DATELINE_RELEASES` overrides it: one folder, or several separated like PATH
//! (`releases:core/tests/fixtures`), e.g. a synthetic demo corpus.

use std::path::PathBuf;

use dateline_core::ingest::corpus::ingest_paths;
use dateline_core::ingest::Severity;

fn main() {
    let folders: Vec<PathBuf> = match std::env::var_os("DATELINE_RELEASES") {
        Some(list) => std::env::split_paths(&list).collect(),
        None => vec![PathBuf::from("releases")],
    };
    println!("cargo:rerun-if-env-changed=DATELINE_RELEASES");
    for folder in &folders {
        println!("cargo:rerun-if-changed={}", folder.display());
    }
    let folder = std::env::join_paths(&folders)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();

    let corpus = ingest_paths(&folders);
    let mut errors = 0;
    for d in &corpus.diagnostics {
        if d.severity == Severity::Error {
            errors += 1;
            eprintln!("{d}");
        }
    }
    if errors > 0 {
        eprintln!(
            "dateline: {errors} release file(s) in {} could not be read; fix them or remove them",
            folder
        );
        std::process::exit(1);
    }
    let warnings = corpus.diagnostics.len();
    if warnings > 0 {
        println!("cargo:warning={warnings} extraction warning(s); run `cargo run --bin dateline -- check {}`", folder);
    }
    let json = match serde_json::to_string(&corpus.releases) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("dateline: cannot serialise the corpus: {e}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("corpus.json");
    if let Err(e) = std::fs::write(&out, json) {
        eprintln!("dateline: cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}
