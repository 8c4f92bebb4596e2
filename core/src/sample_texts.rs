//! Inputs that the tests of fast paths share: the text of every release
//! under `core/tests/fixtures` and `releases/`, against which a hand-written
//! reading is checked to agree with the general one it stands in for.

/// The text of each release file of the fixtures and of `releases/`.
pub(crate) fn release_files() -> Vec<String> {
    ["/tests/fixtures", "/../releases"]
        .into_iter()
        .map(|dir| format!("{}{dir}", env!("CARGO_MANIFEST_DIR")))
        .flat_map(|dir| std::fs::read_dir(dir).into_iter().flatten().flatten())
        .map(|entry| std::fs::read_to_string(entry.path()).unwrap_or_default())
        .collect()
}

/// `cases`, then every paragraph and every line of each release file: the
/// inputs of a fast path that reads a paragraph or a line at a time.
pub(crate) fn with_paragraphs_and_lines(cases: &[&str]) -> Vec<String> {
    let mut texts: Vec<String> = cases.iter().map(|t| t.to_string()).collect();
    for text in release_files() {
        texts.extend(text.split("\n\n").map(str::to_string));
        texts.extend(text.lines().map(str::to_string));
    }
    texts
}

/// Every string made of up to `most` of `pieces` in a row, the empty one
/// first: the small inputs a fast path is checked on byte by byte.
pub(crate) fn concatenations(pieces: &[&str], most: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut level = vec![String::new()];
    for _ in 0..most {
        level = level
            .iter()
            .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
            .collect();
        out.extend(level.iter().cloned());
    }
    out
}
