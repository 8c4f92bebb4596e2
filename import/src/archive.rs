//! "Download as a site": the zip of what `dateline pack` writes for a set
//! (`data/…` and `feed.xml`), file for file from `pack::site_files`.

use std::io::Write;

use dateline_core::import::DataFile;
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// The feed's base in a downloaded site: where it will be served is not
/// known here, and a relative base keeps its links right wherever it goes
/// (they resolve against the feed's own address, beside `index.html`).
pub const FEED_BASE: &str = "./";

/// A zip of `files` (paths from the site's root), deflated (the chunk files
/// `data/r/N.bin` stored: they are gzip inside), every entry dated
/// 1980-01-01 so that the same releases give the same bytes.
pub fn zip(files: Vec<DataFile>) -> Result<Vec<u8>, String> {
    let failed = |e: &dyn std::fmt::Display| format!("The zip could not be made: {e}.");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for file in files {
        let packed = file.path.starts_with("data/r/");
        let options = if packed { stored } else { deflated };
        zip.start_file(file.path, options).map_err(|e| failed(&e))?;
        zip.write_all(&file.bytes).map_err(|e| failed(&e))?;
    }
    let bytes = zip.finish().map_err(|e| failed(&e))?.into_inner();
    Ok(bytes)
}
