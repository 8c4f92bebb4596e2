//! The `dateline` command-line tool: a thin shell over `dateline_core::ingest`.
fn main() {
    eprintln!("dateline: not yet");
    std::process::exit(2);
}
