//! Ingest time against input size, per input shape: the MB/s figures should
//! stay flat as the size doubles (linear time), whatever the shape.
//!
//! `cargo run --release -p dateline-core --example scaling [-- OPTIONS]`
//!
//! OPTIONS: `--sizes 1,2,4,8` (MB, the default; `--kb 64,128` for kilobytes),
//! `--shape NAME` (a shape, or `shape/form`; repeatable), `--list`,
//! `--dump DIR` (write the files into DIR instead of timing them).
//!
//! Every shape is ingested in two forms: `line`, the whole file one line (the
//! title, no body), and `body`, a title line, a blank line and the shape as the
//! body after a dateline. `paragraphs` and `releases` are many-paragraph files.

#[cfg(feature = "ingest")]
fn main() {
    use std::path::Path;
    use std::time::Instant;

    use dateline_core::ingest::ingest_bytes;

    let mut sizes: Vec<usize> = vec![1 << 20, 2 << 20, 4 << 20, 8 << 20];
    let mut filters: Vec<String> = Vec::new();
    let mut dump: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sizes" | "--kb" => {
                let unit = if arg == "--kb" { 1 << 10 } else { 1 << 20 };
                sizes = args
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|s| s.trim().parse::<f64>().ok())
                    .map(|n| (n * unit as f64) as usize)
                    .collect();
            }
            "--shape" => filters.extend(args.next()),
            "--dump" => dump = args.next(),
            "--list" => {
                for (name, _) in shapes::ALL {
                    println!("{name}");
                }
                return;
            }
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    // Compile the extractors' regexes before timing.
    let warm = "Title\n\nVienna, 17 April 2019 - UNODC said “yes.”\n";
    let _ = ingest_bytes("warm.txt", Path::new("warm.txt"), warm.as_bytes());
    print!("{:<24}", "shape");
    for size in &sizes {
        print!("{:>16}", label(*size));
    }
    println!("   (seconds, MB/s; `!`: rejected, no title)");
    for &(name, make) in shapes::ALL {
        for form in ["line", "body"] {
            let full = format!("{name}/{form}");
            if (name == "paragraphs" || name == "releases") && form == "line" {
                continue;
            }
            if !filters.is_empty() && !filters.iter().any(|f| f == name || f == &full) {
                continue;
            }
            print!("{full:<24}");
            for &size in &sizes {
                let text = match (name, form) {
                    ("paragraphs" | "releases", _) => make(size),
                    (_, "line") => make(size),
                    _ => {
                        let head = "A title line\n\nVienna, 17 April 2019 - ";
                        let mut t = String::from(head);
                        t.push_str(&make(size.saturating_sub(head.len())));
                        t
                    }
                };
                if let Some(dir) = &dump {
                    let file = format!("{dir}/{name}-{form}-{}.txt", label(size).replace(' ', ""));
                    std::fs::write(&file, &text).expect("write the file");
                    continue;
                }
                let start = Instant::now();
                let out = ingest_bytes("scaling.txt", Path::new("scaling.txt"), text.as_bytes());
                let secs = start.elapsed().as_secs_f64();
                let mb = text.len() as f64 / (1 << 20) as f64;
                // A file of only header lines has no title: rejected, still timed.
                let mark = if out.is_ok() { "" } else { "!" };
                print!("{:>16}", format!("{secs:.2}s {:.1}{mark}", mb / secs));
                use std::io::Write;
                let _ = std::io::stdout().flush();
            }
            println!();
        }
    }
}

#[cfg(feature = "ingest")]
fn label(size: usize) -> String {
    if size >= 1 << 20 {
        format!("{} MB", size as f64 / (1 << 20) as f64)
    } else {
        format!("{} KB", size / 1024)
    }
}

/// Input shapes: each makes about `n` bytes of text.
#[cfg(feature = "ingest")]
mod shapes {
    type Make = fn(usize) -> String;

    pub const ALL: &[(&str, Make)] = &[
        ("prose", prose),
        ("paragraphs", paragraphs),
        ("releases", releases),
        ("word", |n| "a".repeat(n)),
        ("capitalised", capitalised),
        ("quotes-ascii", |n| "\"".repeat(n)),
        ("quotes-curly", |n| "“".repeat(n / 3)),
        ("quotes-pairs", |n| repeat("“Yes,” ", n)),
        ("quotes-single", |n| "'".repeat(n)),
        ("digits", digits),
        ("open-parens", |n| "(".repeat(n)),
        ("close-parens", |n| ")".repeat(n)),
        ("minister-said", |n| repeat("Minister said ", n)),
        ("said-names", |n| {
            repeat("said John Smith, Director of UNODC. ", n)
        }),
        ("dates", |n| repeat("17 April 2019 ", n)),
        ("date-ranges", |n| {
            repeat("from 16-19 November 2006 and ", n)
        }),
        ("acronyms", acronyms),
        ("org-acronyms", |n| {
            repeat("United Nations Office on Drugs and Crime (UNODC) ", n)
        }),
        ("dashes", |n| repeat("- ", n)),
        ("em-dashes", |n| repeat("— ", n)),
        ("dots", |n| ".".repeat(n)),
        ("dot-words", |n| repeat("a. ", n)),
        ("money", |n| repeat("US$5 million and EUR 3.5 billion, ", n)),
        ("programmes", |n| {
            repeat("the Global Programme against Money Laundering (GPML) ", n)
        }),
        ("emails", |n| repeat("jane.doe@unodc.org ", n)),
        ("countries", |n| {
            repeat("Austria, Guinea-Bissau and Papua New Guinea ", n)
        }),
        ("hyphens", |n| "-".repeat(n)),
        ("commas", |n| ",".repeat(n)),
        ("short-lines", |n| repeat("Word\n", n)),
        ("dot-lines", |n| repeat("...\n", n)),
        ("date-blocks", |n| repeat("17 April 2019\n\n", n)),
        ("blank-lines", |n| repeat("x\n\n", n)),
        ("list-items", |n| repeat("- item\n", n)),
        ("contact-lines", |n| {
            repeat(
                "For more information, contact:\nEmail: a@b.org\nTel: +43 1 26060\n\n",
                n,
            )
        }),
    ];

    fn repeat(piece: &str, n: usize) -> String {
        piece.repeat(n.div_ceil(piece.len()).max(1))
    }

    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }
    }

    const WORDS: &[&str] = &[
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "for",
        "on",
        "with",
        "by",
        "programme",
        "national",
        "authorities",
        "support",
        "training",
        "officers",
        "countries",
        "cooperation",
        "said",
        "report",
        "Minister",
        "UNODC",
        "Vienna",
        "Office",
        "the",
        "crime",
        "drugs",
        "2019",
        "April",
        "(UNODC)",
        "“We",
        "must”",
        "act.",
        "Mr.",
        "John",
        "Smith,",
        "Director,",
        "US$5",
        "million",
        "European",
        "Union",
        "will",
        "meet",
        "from",
        "17",
        "to",
        "19",
        "May",
        "in",
        "Nairobi.",
        "Kenya",
        "Austria",
        "and",
        "Guinea",
        "workshop",
    ];

    fn prose(n: usize) -> String {
        let mut rng = Rng(7);
        let mut out = String::with_capacity(n + 16);
        while out.len() < n {
            out.push_str(WORDS[rng.next() as usize % WORDS.len()]);
            out.push(' ');
        }
        out
    }

    fn capitalised(n: usize) -> String {
        let mut rng = Rng(11);
        let mut out = String::with_capacity(n + 16);
        while out.len() < n {
            let len = 2 + rng.next() as usize % 8;
            out.push((b'A' + (rng.next() % 26) as u8) as char);
            for _ in 1..len {
                out.push((b'a' + (rng.next() % 26) as u8) as char);
            }
            out.push(' ');
        }
        out
    }

    fn digits(n: usize) -> String {
        "0123456789".repeat(n / 10 + 1)
    }

    fn acronyms(n: usize) -> String {
        let mut rng = Rng(13);
        let mut out = String::with_capacity(n + 16);
        while out.len() < n {
            out.push('(');
            for _ in 0..2 + rng.next() % 4 {
                out.push((b'A' + (rng.next() % 26) as u8) as char);
            }
            out.push_str(") ");
        }
        out
    }

    /// Generated releases, whole, one after the other: one title, then the
    /// first contact block makes the rest the footer.
    fn releases(n: usize) -> String {
        let mut out = String::with_capacity(n + 4096);
        let mut seed = 1;
        while out.len() < n {
            for (_, text) in dateline_core::generate::generate(200, seed) {
                out.push_str(&text);
                out.push('\n');
                if out.len() >= n {
                    break;
                }
            }
            seed += 1;
        }
        out
    }

    /// One release with the body paragraphs of many generated releases.
    fn paragraphs(n: usize) -> String {
        let mut out = String::from("A title line\n\nVienna, 17 April 2019 - Opening.\n\n");
        let mut seed = 1;
        'outer: loop {
            for (_, text) in dateline_core::generate::generate(200, seed) {
                let paragraphs: Vec<&str> = text.split("\n\n").collect();
                let end = paragraphs.len().saturating_sub(1);
                for p in paragraphs.iter().take(end).skip(2) {
                    out.push_str(p);
                    out.push_str("\n\n");
                }
                if out.len() >= n {
                    break 'outer;
                }
            }
            seed += 1;
        }
        out.push_str("For more information, please contact:\n\nJane Doe\nEmail: jane@unodc.org\n");
        out
    }
}

#[cfg(not(feature = "ingest"))]
fn main() {}
