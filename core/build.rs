//! Copies the reference data (`data/`) into the build's output folder with
//! each comment line cut to a bare `#`: the files keep their documentation
//! and their line numbers, and neither wasm carries the comments (18 kB of
//! the 117 kB of `data/`). Sources read them through `data_file!`.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out = Path::new(&out).join("data");
    std::fs::create_dir_all(&out).expect("create OUT_DIR/data");
    let entries = std::fs::read_dir("data").expect("read core/data");
    for entry in entries {
        let path = entry.expect("entry of core/data").path();
        let (Some(name), true) = (path.file_name(), path.is_file()) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("core/data files are UTF-8");
        let mut kept = String::with_capacity(text.len());
        for line in text.split_inclusive('\n') {
            if line.starts_with('#') {
                kept.push('#');
                if line.ends_with('\n') {
                    kept.push('\n');
                }
            } else {
                kept.push_str(line);
            }
        }
        std::fs::write(out.join(name), kept).expect("write OUT_DIR/data");
    }
}
