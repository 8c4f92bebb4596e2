//! Writes the Atom feed of a releases folder: used by scripts/post-build.sh
//! until the CLI has a `feed` subcommand.
//!
//! `cargo run -p dateline-core --example feed -- RELEASES BASE_URL OUT`

use std::process::ExitCode;

#[cfg(not(feature = "ingest"))]
fn main() -> ExitCode {
    eprintln!("the feed example needs the `ingest` feature");
    ExitCode::FAILURE
}

#[cfg(feature = "ingest")]
fn main() -> ExitCode {
    use std::path::PathBuf;

    use dateline_core::feed::write_feed;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [releases, base, out] = args.as_slice() else {
        eprintln!("usage: feed RELEASES BASE_URL OUT");
        return ExitCode::from(2);
    };
    match write_feed(&[PathBuf::from(releases)], base, &PathBuf::from(out)) {
        Ok(n) => {
            eprintln!("dateline: wrote {n} entries to {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dateline: feed: {e}");
            ExitCode::FAILURE
        }
    }
}
