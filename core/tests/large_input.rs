//! Files near the 10 MB limit are read and extracted whole, in time linear in
//! their size. No timing is asserted: before the readers and extractors were
//! made linear, each of these tests ran for many minutes (quadratic rescans
//! from every match), so the test harness itself is the check; the results
//! prove the whole input was read.

use std::path::Path;

use dateline_core::ingest::{ingest_bytes, Ingested};
use dateline_core::Release;

/// Just under the reader's limit (10 MiB).
const SIZE: usize = 10_000_000;

fn ingest_one(name: &str, text: &str) -> Ingested {
    let mut out = ingest_bytes(name, Path::new(name), text.as_bytes())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(out.len(), 1, "{name}");
    out.remove(0)
}

fn mentions(r: &Release, code: &str) -> u32 {
    r.countries
        .iter()
        .find(|c| c.code == code)
        .map_or(0, |c| c.mentions)
}

/// One 10 MB line of prose without a line break: all of it is the title.
#[test]
fn a_ten_megabyte_single_line() {
    const SENTENCE: &str = "Officers from Austria met national authorities and the \
        United Nations Office on Drugs and Crime (UNODC) to discuss \"cooperation on \
        border control\" with US$ 5 million of support, ";
    let mut text = String::with_capacity(SIZE + 256);
    let mut sentences: usize = 0;
    while text.len() + SENTENCE.len() + 40 < SIZE {
        text.push_str(SENTENCE);
        // A distinct address every 1,000 sentences: each must be found.
        if sentences % 1000 == 0 {
            text.push_str(&format!("write to desk{sentences}@unodc.org, "));
        }
        sentences += 1;
    }
    text.push_str("and more.");
    assert!(text.len() <= SIZE && !text.contains('\n'));

    let Ingested {
        release: r,
        diagnostics,
        ..
    } = ingest_one("line.txt", &text);
    assert_eq!(r.title, text);
    assert!(r.body.is_empty());
    assert!(
        r.warnings.iter().any(|w| w.contains("no body")),
        "{diagnostics:?}"
    );
    assert_eq!(mentions(&r, "AT"), sentences as u32);
    let labels: Vec<&str> = r.organisations.iter().map(|o| o.label()).collect();
    assert_eq!(labels, ["UNODC"]);
    let money: Vec<(f64, &str)> = r
        .money
        .iter()
        .map(|m| (m.amount, m.currency.as_str()))
        .collect();
    assert_eq!(money, [(5e6, "USD")]);
    let emails = r
        .contacts
        .iter()
        .filter(|c| c.value.starts_with("desk") && c.value.ends_with("@unodc.org"))
        .count();
    assert_eq!(emails, sentences.div_ceil(1000));
}

/// A 10 MB release of many ordinary paragraphs, with a dateline and a
/// contact block: every paragraph is kept, and the extractors read them all.
#[test]
fn ten_megabytes_of_paragraphs() {
    const CITIES: [&str; 4] = [
        "Nairobi, Kenya",
        "Lima, Peru",
        "Hanoi, Viet Nam",
        "Accra, Ghana",
    ];
    let mut text = String::from(
        "UNODC and partners hold a very long meeting\n\n\
         Vienna, Austria - 17 April 2019 - The meeting opened today.\n\n",
    );
    let footer = "For more information, please contact:\n\n\
                  Jane Doe\nCommunications Officer, UNODC\nEmail: jane.doe@unodc.org\n\
                  Phone: +43 1 26060 5629\n";
    let mut paragraphs = 0;
    loop {
        let paragraph = format!(
            "Session {paragraphs} took place in {}. Experts from the United Nations \
             Office on Drugs and Crime (UNODC) presented tools on cybercrime, the \
             collection of evidence and the protection of witnesses, and \"national \
             authorities welcomed the support,\" said Mr. John Smith, Director of the \
             Division for Operations. Participants discussed legislation on \
             trafficking in persons and smuggling of migrants.\n\n",
            CITIES[paragraphs % CITIES.len()],
        );
        if text.len() + paragraph.len() + footer.len() > SIZE {
            break;
        }
        // Hard-wrapped like most files: the wrap is joined back with a space.
        text.push_str(&paragraph.replacen(". Experts", ".\nExperts", 1));
        paragraphs += 1;
    }
    text.push_str(footer);
    assert!(text.len() <= SIZE);

    let Ingested {
        release: r,
        diagnostics,
        ..
    } = ingest_one("paragraphs.txt", &text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(r.title, "UNODC and partners hold a very long meeting");
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2019-04-17"));
    assert_eq!(
        r.dateline.as_ref().map(|d| d.raw.as_str()),
        Some("Vienna, Austria - 17 April 2019")
    );
    // The opening paragraph (dateline removed) and every session.
    assert_eq!(r.body.len(), paragraphs + 1);
    assert_eq!(r.body[0], "The meeting opened today.");
    assert!(r.body[1].starts_with("Session 0 took place in Nairobi, Kenya. Experts"));
    assert!(r.body[paragraphs].starts_with(&format!("Session {} took", paragraphs - 1)));
    assert_eq!(r.footer.len(), 2);
    for (code, city) in [("KE", 0), ("PE", 1), ("VN", 2), ("GH", 3)] {
        let expected = (paragraphs + CITIES.len() - 1 - city) / CITIES.len();
        assert_eq!(mentions(&r, code) as usize, expected, "{code}");
    }
    let labels: Vec<&str> = r.organisations.iter().map(|o| o.label()).collect();
    assert_eq!(labels, ["UNODC"]);
    let people: Vec<&str> = r.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(people, ["John Smith"]);
    // The same words quoted in every session are one quote per session.
    assert_eq!(r.quotes.len(), paragraphs);
    assert!(r
        .quotes
        .iter()
        .all(|q| q.speaker.as_deref() == Some("John Smith")));
    let contacts: Vec<&str> = r.contacts.iter().map(|c| c.value.as_str()).collect();
    assert!(contacts.contains(&"jane.doe@unodc.org"), "{contacts:?}");
    assert!(contacts.contains(&"Jane Doe"), "{contacts:?}");
}
