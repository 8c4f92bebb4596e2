//! The search benchmark's keystroke log (bench/run.mjs `keystrokes()`, and
//! bench/app.mjs's queries): 15 words and phrases typed one character at a
//! time, some with a facet selected, cut at 200 keystrokes. Shared by the
//! examples that replay it.

use dateline_core::query::{Facet, Filter};

const SESSIONS: [(&str, Option<(Facet, &str)>); 15] = [
    ("trafficking", None),
    ("money laundering", None),
    ("cybercrime", Some((Facet::Country, "IR"))),
    ("drug trafficking", Some((Facet::Topic, "drugs"))),
    ("\"organized crime\"", None),
    ("climate change workshop", None),
    ("maritime piracy", Some((Facet::Country, "KE"))),
    ("unodc vienna", None),
    (
        "witness protection",
        Some((Facet::Topic, "criminal-justice")),
    ),
    ("fedotov", None),
    ("\"human trafficking\"", Some((Facet::Country, "IR"))),
    (
        "smuggling of migrants",
        Some((Facet::Topic, "smuggling-of-migrants")),
    ),
    ("corruption", Some((Facet::Country, "AT"))),
    ("judges", Some((Facet::Topic, "drugs"))),
    ("\"civil society\" support", None),
];

/// Each session's filters, one per keystroke, 200 keystrokes in all.
pub fn sessions() -> Vec<Vec<Filter>> {
    let mut keys = 0;
    let mut out = Vec::new();
    for (words, facet) in SESSIONS {
        let mut typed = Vec::new();
        for i in (1..=words.len()).filter(|&i| words.is_char_boundary(i)) {
            let text = &words[..i];
            if text.trim().is_empty() || keys == 200 {
                continue;
            }
            let mut filter = Filter {
                text: text.to_string(),
                ..Filter::default()
            };
            if let Some((f, key)) = facet {
                filter.toggle(f, key);
            }
            typed.push(filter);
            keys += 1;
        }
        if !typed.is_empty() {
            out.push(typed);
        }
    }
    out
}
