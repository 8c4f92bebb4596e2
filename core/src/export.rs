//! Export of records as JSON (the contract shape) and CSV (shipped in the app).
//!
//! Both take the releases in the order given (the app passes the current
//! filtered set, in its display order) and are deterministic.

use crate::json::Json;
use crate::model::{whole_amount, Event, Money, Release};
use crate::PartialDate;

/// The releases as a pretty-printed JSON array in the shape of
/// `release-record.md`: the same shape `dateline ingest --json --pretty`
/// prints and the readers accept back.
pub fn to_json(releases: &[&Release]) -> String {
    write_json(releases, true)
}

/// [`to_json`] without whitespace, as `dateline ingest --json` prints it.
pub fn to_json_compact(releases: &[&Release]) -> String {
    write_json(releases, false)
}

/// [`to_json`] (`pretty`) or [`to_json_compact`], written to `out` one
/// release at a time, so that a large corpus is never one string (the CLI's
/// `ingest --json`). Each element is the text of a one-release array without
/// its brackets: in an array of many it is laid out the same.
pub fn write_json_to(
    out: &mut impl std::io::Write,
    releases: &[Release],
    pretty: bool,
) -> std::io::Result<()> {
    let (open, sep, close) = match pretty {
        true => ("[\n", ",\n", "\n]"),
        false => ("[", ",", "]"),
    };
    if releases.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(open.as_bytes())?;
    // One buffer for every release's text.
    let mut buffer = String::new();
    for (i, r) in releases.iter().enumerate() {
        let one = write_json_into(&[r], pretty, std::mem::take(&mut buffer));
        let element = &one[open.len()..one.len() - close.len()];
        if i > 0 {
            out.write_all(sep.as_bytes())?;
        }
        out.write_all(element.as_bytes())?;
        buffer = one;
    }
    out.write_all(close.as_bytes())
}

/// The record shape, written by hand (see `json`) exactly as serde_json
/// writes the model's `Serialize` derive: fields in declaration order, every
/// option as `null` but `footer`, `url` and `tags`, left out when empty.
fn write_json(releases: &[&Release], pretty: bool) -> String {
    write_json_into(releases, pretty, String::new())
}

/// [`write_json`] into `buffer` (emptied first).
fn write_json_into(releases: &[&Release], pretty: bool, buffer: String) -> String {
    let mut j = Json::with_buffer(pretty, buffer);
    j.array(|a| {
        for r in releases {
            a.object(|o| release(o, r));
        }
    });
    j.finish()
}

fn release(o: &mut Json, r: &Release) {
    o.field("id", &r.id)
        .field("source", &r.source)
        .field("title", &r.title);
    date(o.key("date"), r.date);
    o.key("dateline");
    match &r.dateline {
        Some(d) => o.object(|o| {
            o.field("raw", &d.raw)
                .key("city")
                .opt_str(d.city.as_deref())
                .key("country")
                .opt_str(d.country.as_deref());
        }),
        None => o.null(),
    };
    o.key("body").strs(&r.body);
    o.key("countries").array(|a| {
        for c in &r.countries {
            a.object(|o| {
                o.field("code", &c.code)
                    .field("name", &c.name)
                    .key("mentions")
                    .int(c.mentions.into());
            });
        }
    });
    o.key("organisations").array(|a| {
        for org in &r.organisations {
            a.object(|o| {
                o.key("name")
                    .opt_str(org.name.as_deref())
                    .key("acronym")
                    .opt_str(org.acronym.as_deref());
            });
        }
    });
    o.key("people").array(|a| {
        for p in &r.people {
            a.object(|o| {
                o.field("name", &p.name)
                    .key("role")
                    .opt_str(p.role.as_deref());
            });
        }
    });
    o.key("quotes").array(|a| {
        for q in &r.quotes {
            a.object(|o| {
                o.field("text", &q.text)
                    .key("speaker")
                    .opt_str(q.speaker.as_deref());
            });
        }
    });
    o.key("events").array(|a| {
        for e in &r.events {
            a.object(|o| {
                date(o.key("start"), Some(e.start));
                date(o.key("end"), e.end);
                o.field("text", &e.text);
            });
        }
    });
    o.key("money").array(|a| {
        for m in &r.money {
            a.object(|o| {
                o.key("amount");
                match whole_amount(m.amount) {
                    Some(n) => o.int(n),
                    None => o.float(m.amount),
                };
                o.field("currency", &m.currency).field("text", &m.text);
            });
        }
    });
    o.key("programmes").array(|a| {
        for p in &r.programmes {
            a.object(|o| {
                o.field("name", &p.name)
                    .key("acronym")
                    .opt_str(p.acronym.as_deref());
                date(o.key("start"), p.start);
                date(o.key("end"), p.end);
            });
        }
    });
    o.key("topics").strs(&r.topics);
    o.key("contacts").array(|a| {
        for c in &r.contacts {
            a.object(|o| {
                o.field("kind", c.kind.name()).field("value", &c.value);
            });
        }
    });
    o.key("warnings").strs(&r.warnings);
    if !r.footer.is_empty() {
        o.key("footer").strs(&r.footer);
    }
    if let Some(url) = &r.url {
        o.field("url", url);
    }
    if !r.tags.is_empty() {
        o.key("tags").strs(&r.tags);
    }
}

/// A date as its ISO text, or `null`.
fn date(j: &mut Json, d: Option<PartialDate>) {
    match d {
        Some(d) => j.str(&d.to_string()),
        None => j.null(),
    };
}

/// The CSV header row, in column order.
pub const CSV_HEADER: [&str; 15] = [
    "id",
    "date",
    "title",
    "dateline_city",
    "dateline_country",
    "countries",
    "organisations",
    "people",
    "topics",
    "programmes",
    "money",
    "events",
    "url",
    "source",
    "lede",
];

/// The releases as RFC 4180 CSV: a header row ([`CSV_HEADER`]), then one row
/// per release, CRLF line ends. Lists are joined with `"; "`; `lede` is the
/// first body paragraph.
///
/// Spreadsheet formula injection: a cell whose text starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return would be run as a formula by Excel, Calc or
/// Sheets when the file is opened, so such a cell gets a leading apostrophe
/// (`'=HYPERLINK(...)`). Spreadsheets hide the apostrophe; other readers see it.
pub fn to_csv(releases: &[&Release]) -> String {
    // Hand-written: a CSV crate would add size to the wasm for what is a few
    // lines of quoting.
    let mut out = String::new();
    push_row(&mut out, CSV_HEADER.iter().map(|h| h.to_string()));
    for r in releases {
        let dl = r.dateline.as_ref();
        let row = [
            r.id.clone(),
            r.date.map(|d| d.to_string()).unwrap_or_default(),
            r.title.clone(),
            dl.and_then(|d| d.city.clone()).unwrap_or_default(),
            dl.and_then(|d| d.country.clone()).unwrap_or_default(),
            join(r.countries.iter().map(|c| c.code.clone())),
            join(r.organisations.iter().map(|o| o.label().to_owned())),
            join(r.people.iter().map(|p| p.name.clone())),
            join(r.topics.iter().cloned()),
            join(r.programmes.iter().map(|p| p.name.clone())),
            join(r.money.iter().map(money)),
            join(r.events.iter().map(event)),
            r.url.clone().unwrap_or_default(),
            r.source.clone(),
            r.body.first().cloned().unwrap_or_default(),
        ];
        push_row(&mut out, row.into_iter());
    }
    out
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

/// `12000000 EUR`; fractions as written (`1.5 USD`).
fn money(m: &Money) -> String {
    match whole_amount(m.amount) {
        Some(n) => format!("{n} {}", m.currency),
        None => format!("{} {}", m.amount, m.currency),
    }
}

fn event(e: &Event) -> String {
    crate::display::iso_interval(e.start, e.end)
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, &cell);
    }
    out.push_str("\r\n");
}

/// One field: formula cells defused, then quoted when it holds a comma, a
/// quote or a line break (quotes doubled).
fn push_cell(out: &mut String, cell: &str) {
    let defuse = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = cell.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if defuse {
        out.push('\'');
    }
    if quote {
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn sample() -> Release {
        Release {
            id: "2019-04-17-iran-and-unodc".into(),
            source: "iran.txt".into(),
            title: "Iran and UNODC, \"together\"".into(),
            date: Some("2019-04-17".parse().unwrap()),
            dateline: Some(Dateline {
                raw: "Vienna, Austria - 17 April 2019".into(),
                city: Some("Vienna".into()),
                country: Some("AT".into()),
            }),
            body: vec![
                "UNODC hosted a delegation,\nand talked.".into(),
                "Second.".into(),
            ],
            countries: vec![
                CountryMention {
                    code: "IR".into(),
                    name: "Iran".into(),
                    mentions: 3,
                },
                CountryMention {
                    code: "AT".into(),
                    name: "Austria".into(),
                    mentions: 1,
                },
            ],
            organisations: vec![
                Organisation {
                    name: Some("United Nations Office on Drugs and Crime".into()),
                    acronym: Some("UNODC".into()),
                },
                Organisation {
                    name: Some("European Union".into()),
                    acronym: None,
                },
            ],
            people: vec![Person {
                name: "Abbas Bagherpour".into(),
                role: Some("Director-General".into()),
            }],
            quotes: vec![Quote {
                text: "We agree".into(),
                speaker: Some("Abbas Bagherpour".into()),
            }],
            events: vec![
                Event {
                    start: "2019-01-29".parse().unwrap(),
                    end: Some("2019-01-31".parse().unwrap()),
                    text: "29-31 January 2019".into(),
                },
                Event {
                    start: "2018".parse().unwrap(),
                    end: Some("2018".parse().unwrap()),
                    text: "2018".into(),
                },
                Event {
                    start: "2015".parse().unwrap(),
                    end: None,
                    text: "since 2015".into(),
                },
            ],
            money: vec![
                Money {
                    amount: 12_000_000.0,
                    currency: "EUR".into(),
                    text: "€12 million".into(),
                },
                Money {
                    amount: 1.5,
                    currency: "USD".into(),
                    text: "$1.5".into(),
                },
            ],
            programmes: vec![Programme {
                name: "Global Action against Trafficking".into(),
                acronym: Some("GLO.ACT".into()),
                start: Some("2015".parse().unwrap()),
                end: None,
            }],
            topics: vec![
                "trafficking-in-persons".into(),
                "smuggling-of-migrants".into(),
            ],
            contacts: vec![Contact {
                kind: ContactKind::Email,
                value: "unodc@un.org".into(),
            }],
            warnings: vec!["a warning".into()],
            footer: vec!["For more information".into()],
            url: Some("https://example.org/a,b".into()),
            tags: vec!["tag".into()],
        }
    }

    fn bare(id: &str, title: &str) -> Release {
        Release {
            id: id.into(),
            source: format!("{id}.txt"),
            title: title.into(),
            date: None,
            dateline: None,
            body: vec![],
            countries: vec![],
            organisations: vec![],
            people: vec![],
            quotes: vec![],
            events: vec![],
            money: vec![],
            programmes: vec![],
            topics: vec![],
            contacts: vec![],
            warnings: vec![],
            footer: vec![],
            url: None,
            tags: vec![],
        }
    }

    /// A minimal RFC 4180 reader for the tests: rows of unquoted fields.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR outside quotes is CRLF");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(row.is_empty() && field.is_empty(), "file ends with CRLF");
        rows
    }

    #[test]
    fn json_written_a_release_at_a_time_is_the_whole_text() {
        let a = sample();
        let b = Release {
            id: "other".into(),
            dateline: None,
            money: Vec::new(),
            ..sample()
        };
        for releases in [vec![], vec![a.clone()], vec![a.clone(), b, a]] {
            let refs: Vec<&Release> = releases.iter().collect();
            for pretty in [true, false] {
                let mut out = Vec::new();
                write_json_to(&mut out, &releases, pretty).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), write_json(&refs, pretty));
            }
        }
    }

    #[test]
    fn json_round_trips_to_equal_records() {
        let a = sample();
        let b = bare("undated", "No date");
        let json = to_json(&[&a, &b]);
        let back: Vec<Release> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, vec![a, b]);
        assert!(json.starts_with("[\n"), "pretty: {json}");
        assert!(json.contains("\"amount\": 12000000,"), "{json}");
    }

    /// Both writers against serde_json, the reference.
    fn assert_json_is_serde_jsons(releases: &[Release]) {
        let refs: Vec<&Release> = releases.iter().collect();
        assert_eq!(to_json(&refs), serde_json::to_string_pretty(&refs).unwrap());
        assert_eq!(
            to_json_compact(&refs),
            serde_json::to_string(&refs).unwrap()
        );
    }

    #[test]
    fn json_is_serde_jsons_byte_for_byte() {
        assert_json_is_serde_jsons(&[]);
        assert_json_is_serde_jsons(&[sample()]);
        assert_json_is_serde_jsons(&[bare("a", "A"), sample(), bare("b", "")]);
        // Every option unset, then every option set.
        let mut none = sample();
        none.date = None;
        none.dateline = None;
        none.footer.clear();
        none.url = None;
        none.tags.clear();
        for o in &mut none.organisations {
            o.name = None;
            o.acronym = None;
        }
        none.people[0].role = None;
        none.quotes[0].speaker = None;
        none.programmes[0].acronym = None;
        none.events[0].end = None;
        let mut partial = sample();
        partial.dateline = Some(Dateline {
            raw: "GENEVA".into(),
            city: None,
            country: Some("CH".into()),
        });
        partial.date = Some("2019-04".parse().unwrap());
        partial.programmes[0].end = Some("2020-06".parse().unwrap());
        partial.footer = vec!["a".into(), "".into()];
        partial.url = Some("".into());
        partial.tags = vec!["x".into(), "y".into()];
        assert_json_is_serde_jsons(&[none, partial]);
        // Every kind of contact.
        let mut contacts = bare("c", "Contacts");
        for kind in [
            ContactKind::Email,
            ContactKind::Phone,
            ContactKind::Twitter,
            ContactKind::Url,
            ContactKind::Name,
        ] {
            contacts.contacts.push(Contact {
                kind,
                value: "v".into(),
            });
        }
        assert_json_is_serde_jsons(&[contacts]);
    }

    #[test]
    fn json_escapes_strings_as_serde_json_does() {
        let nasty = [
            "\"quoted\" and \\back\\slashed",
            "line\nbreak\r\n\ttab \u{8}\u{c} \u{0}\u{1}\u{1f}\u{7f}",
            "</script><script>alert(1)</script><!--",
            "emoji 😀 é € \u{2028}\u{2029} 中文",
            "",
        ];
        let mut releases = Vec::new();
        for text in nasty {
            let mut r = sample();
            r.id = text.into();
            r.title = text.into();
            r.body = vec![text.into(), text.into()];
            r.dateline.as_mut().unwrap().city = Some(text.into());
            r.people[0].name = text.into();
            r.quotes[0].text = text.into();
            r.money[0].text = text.into();
            r.contacts[0].value = text.into();
            r.topics.push(text.into());
            r.footer.push(text.into());
            r.url = Some(text.into());
            r.tags.push(text.into());
            releases.push(r);
        }
        assert_json_is_serde_jsons(&releases);
    }

    #[test]
    fn json_amounts_are_serde_jsons() {
        let amounts = [
            0.0,
            -0.0,
            1.0,
            12_000_000.0,
            1.5,
            0.1,
            2.75,
            -3.0,
            -1.5,
            1e15 + 0.5,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            -9_007_199_254_740_992.0,
            1e16,
            1.234_567_890_123e20,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
        ];
        let mut r = bare("m", "Money");
        for amount in amounts {
            r.money.push(Money {
                amount,
                currency: "EUR".into(),
                text: format!("{amount}"),
            });
        }
        assert_json_is_serde_jsons(&[r]);
    }

    #[test]
    fn json_has_the_contract_fields() {
        let a = sample();
        let value: serde_json::Value = serde_json::from_str(&to_json(&[&a])).unwrap();
        let obj = value[0].as_object().unwrap();
        for field in [
            "id",
            "source",
            "title",
            "date",
            "dateline",
            "body",
            "countries",
            "organisations",
            "people",
            "quotes",
            "events",
            "money",
            "programmes",
            "topics",
            "contacts",
            "warnings",
        ] {
            assert!(obj.contains_key(field), "missing {field}");
        }
        assert_eq!(to_json(&[]), "[]");
    }

    #[test]
    fn csv_header_and_row() {
        let a = sample();
        let csv = to_csv(&[&a]);
        assert!(csv.starts_with(
            "id,date,title,dateline_city,dateline_country,countries,organisations,people,\
             topics,programmes,money,events,url,source,lede\r\n"
        ));
        let rows = parse_csv(&csv);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0], CSV_HEADER.map(String::from).to_vec());
        let row = &rows[1];
        assert_eq!(row.len(), CSV_HEADER.len());
        let cell = |name: &str| &row[CSV_HEADER.iter().position(|h| *h == name).unwrap()];
        assert_eq!(cell("id"), "2019-04-17-iran-and-unodc");
        assert_eq!(cell("date"), "2019-04-17");
        assert_eq!(cell("title"), "Iran and UNODC, \"together\"");
        assert_eq!(cell("dateline_city"), "Vienna");
        assert_eq!(cell("dateline_country"), "AT");
        assert_eq!(cell("countries"), "IR; AT");
        assert_eq!(cell("organisations"), "UNODC; European Union");
        assert_eq!(cell("people"), "Abbas Bagherpour");
        assert_eq!(
            cell("topics"),
            "trafficking-in-persons; smuggling-of-migrants"
        );
        assert_eq!(cell("programmes"), "Global Action against Trafficking");
        assert_eq!(cell("money"), "12000000 EUR; 1.5 USD");
        assert_eq!(cell("events"), "2019-01-29/2019-01-31; 2018; 2015/..");
        assert_eq!(cell("url"), "https://example.org/a,b");
        assert_eq!(cell("source"), "iran.txt");
        assert_eq!(cell("lede"), "UNODC hosted a delegation,\nand talked.");
    }

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        let a = sample();
        let csv = to_csv(&[&a]);
        assert!(
            csv.contains(",\"Iran and UNODC, \"\"together\"\"\","),
            "{csv}"
        );
        assert!(csv.contains("\"UNODC hosted a delegation,\nand talked.\"\r\n"));
        assert!(csv.contains(",\"https://example.org/a,b\","));
        // Plain cells stay unquoted.
        assert!(csv.contains("\r\n2019-04-17-iran-and-unodc,2019-04-17,"));
        let cr = bare("cr", "a\rb");
        assert!(to_csv(&[&cr]).contains(",\"a\rb\","));
    }

    #[test]
    fn csv_defuses_formula_cells() {
        let cases = [
            (
                "=HYPERLINK(\"http://evil\")",
                "'=HYPERLINK(\"http://evil\")",
            ),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("a=b", "a=b"),
        ];
        for (title, expected) in cases {
            let r = bare("f", title);
            let rows = parse_csv(&to_csv(&[&r]));
            assert_eq!(rows[1][2], expected, "{title:?}");
        }
        // Quoted and defused together: the apostrophe goes inside the quotes.
        let r = bare("f", "=1,2");
        assert!(to_csv(&[&r]).contains(",\"'=1,2\","));
    }

    #[test]
    fn csv_of_nothing_is_the_header() {
        assert_eq!(to_csv(&[]), format!("{}\r\n", CSV_HEADER.join(",")));
        let r = bare("x", "X");
        let rows = parse_csv(&to_csv(&[&r]));
        assert_eq!(rows[1][1], "");
        assert_eq!(rows[1][14], "");
    }
}
