//! Organisations named in full without an acronym, found by the shape of the
//! name: a head word (`Ministry`, `Police`, `University`, `Foundation`, ... —
//! kind `named_head` of `core/data/organisations_context.tsv`) with the
//! capitalised words written before it (`the Indonesian Ministry`, `Royal Thai
//! Police`, `Makerere University`) and its complement after it (`of Labour and
//! Social Protection`, `of the Republic of Uzbekistan`, `in Amman`).
//!
//! The name is kept as written, the country adjective or name included. Not
//! names: one word alone (`the Ministry`), a generic phrase (`Armed Forces`,
//! `Civil Service`: every word before the head in the `generic` list), a
//! sub-unit or a non-organisation (`not_org`, `subunit` phrases), a name with a
//! known organisation before its head (`UNODC Regional Office`), and anything
//! in a Title Case or all-caps headline, where every word is capitalised.
//! One pass over the words: each head is read once and the scan resumes after
//! the name it gives.

use std::ops::Range;

use super::super::countries::{
    self,
    words::{in_caps_context, is_title_cased, Words},
};
use super::{foreign, text_of, Data};

/// Words `range` of a piece make an organisation's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Span {
    pub words: Range<usize>,
}

/// Heads of names that may end with `in` + their city (`American University in Cairo`).
const SCHOOL_HEADS: [&str; 6] = [
    "university",
    "college",
    "school",
    "universite",
    "universidad",
    "academy",
];

/// Most words before the head and after it.
const MAX_LEFT: usize = 6;
const MAX_RIGHT: usize = 20;

/// Names in one piece, in order, not overlapping.
/// `sentence`: the piece ends like a sentence, so it is no Title Case headline.
pub(super) fn spans(data: &Data, tokens: &Words, sentence: bool) -> Vec<Span> {
    let mut out = Vec::new();
    if tokens.is_empty() || !sentence && is_title_cased(tokens) || in_caps_context(tokens, 0) {
        return out;
    }
    let mut floor = 0;
    let mut h = 0;
    while h < tokens.len() {
        if !is_head(data, tokens, h) {
            h += 1;
            continue;
        }
        let start = left_edge(data, tokens, h, floor);
        let start = owner_of_place(data, tokens, start, h, floor);
        let start = imperative_start(tokens, start, floor);
        let mut end = right_edge(data, tokens, h).max(foreign::complement_end(data, tokens, h));
        // `Ministère de l'Éducation Nationale, de l'Alphabétisation et de ...`
        if end > h + 1 && tokens.gap_after(end - 1).trim() == "," {
            if let Some(next) = foreign_list(data, tokens, end).filter(|&n| n - h <= MAX_RIGHT) {
                end = next;
            }
        }
        // `the Financial Intelligence Centre of the Bank of Namibia`: a body
        // of another body named with its own head is a name of its own, and
        // the scan goes on with the other body.
        if let Some(j) = body_of_body(data, tokens, start, h, end) {
            // `the Department of Urban Planning of the University of
            // Nairobi`: a department, faculty or school of another body is
            // a part of it.
            // A university's centre or institute is a part of it too (its
            // colleges may be institutions of their own).
            let university = (j + 2..j + 4).any(|k| {
                tokens.get(k).is_some_and(|t| {
                    matches!(t.key.as_str(), "university" | "universite" | "universidad")
                })
            });
            let part = tokens.get(h).is_some_and(|t| {
                matches!(
                    t.key.as_str(),
                    "department" | "faculty" | "school" | "division" | "unit"
                ) || university && SCHOOL_PARTS.contains(&t.key.as_str()) && t.key != "college"
            });
            if !part && accept(data, tokens, start, h, j) && !in_role(data, tokens, start) {
                out.push(Span { words: start..j });
            }
            floor = j + 2;
            h = j + 2;
            continue;
        }
        if school_part(tokens, out.last(), start, h)
            || in_programme_name(data, tokens, start, h, end)
        {
            floor = end;
            h = end;
            continue;
        }
        if accept(data, tokens, start, h, end) && !in_role(data, tokens, start) {
            out.push(Span { words: start..end });
            floor = end;
            h = end;
        } else {
            h += 1;
        }
    }
    out
}

/// Verbs that open a charity's name with `the` (`Save the Rhino Trust`,
/// `Feed the Minds Foundation`).
const IMPERATIVES: [&str; 9] = [
    "Save", "Protect", "Feed", "Stop", "End", "Free", "Help", "Heal", "Keep",
];

/// `Save the Rhino Trust`: an imperative and `the` right before a name open it.
fn imperative_start(tokens: &Words, start: usize, floor: usize) -> usize {
    let opens = start >= floor + 2
        && tokens.get(start - 1).is_some_and(|t| t.surface == "the")
        && tokens
            .get(start - 2)
            .is_some_and(|t| IMPERATIVES.contains(&&*t.surface))
        && tokens.adjacent(start - 2)
        && tokens.adjacent(start - 1);
    if opens {
        start - 2
    } else {
        start
    }
}

/// Heads of a university's own parts (`School`, `Department`).
const SCHOOL_PARTS: [&str; 9] = [
    "school",
    "department",
    "faculty",
    "centre",
    "center",
    "institute",
    "unit",
    "division",
    "college",
];

/// A name with head `h` from `start` is a part of the university named
/// right before it with a possessive (`the University of Zambia's School of
/// Natural Resources`): no organisation of its own.
fn school_part(tokens: &Words, before: Option<&Span>, start: usize, h: usize) -> bool {
    if !tokens
        .get(h)
        .is_some_and(|t| SCHOOL_PARTS.contains(&t.key.as_str()))
    {
        return false;
    }
    // The `'s` right before the name, or inside its left edge
    // (`University's Department`).
    let possessive = |q: usize| {
        q >= 1
            && tokens.get(q).is_some_and(|t| t.key == "s")
            && matches!(tokens.gap_after(q - 1), "'" | "’")
    };
    let Some(q) = (start.saturating_sub(1)..h).find(|&q| possessive(q)) else {
        return false;
    };
    let Some(owner) = before.filter(|s| s.words.end == q) else {
        return false;
    };
    owner.words.clone().any(|k| {
        tokens
            .get(k)
            .is_some_and(|t| matches!(t.key.as_str(), "university" | "universite" | "universidad"))
    })
}

/// Most capitalised words between a name and a programme head after it.
const PROGRAMME_REACH: usize = 2;

/// A short name ending on its head (`Home-Grown School`) that goes on
/// with capitalised words and a programme's head (`Feeding Programme`) is
/// part of the programme's name. Not a name opening with a place, which
/// owns the programme (`Kenya Red Cross Cash Transfer Programme`), nor one
/// with a complement (`Ministry of Health Expanded Programme`). The head
/// may be in lower case (`Feeding initiative`).
fn in_programme_name(data: &Data, tokens: &Words, start: usize, h: usize, end: usize) -> bool {
    if end != h + 1 || end - start > 3 {
        return false;
    }
    if tokens.get(start).is_some_and(|t| is_place(data, &t.key))
        || countries::lookup_name(text_of(tokens, start, end)).is_some()
    {
        return false;
    }
    let joined_capital =
        |k: usize| tokens.adjacent(k - 1) && tokens.get(k).is_some_and(|t| capitalised(&t.surface));
    let head_at = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| data.programme_heads.contains(t.key.as_str()))
    };
    let run = (end..end + PROGRAMME_REACH + 1).take_while(|&k| joined_capital(k));
    let mut last = None;
    for k in run {
        // `the Hydrogen Society Roadmap`: a weak head right after it.
        let weak = k == end
            && tokens
                .get(k)
                .is_some_and(|t| data.programme_weak_heads.contains(t.key.as_str()));
        if head_at(k) || weak {
            return true;
        }
        last = Some(k);
    }
    // `the Home-Grown School Feeding initiative`: a head in lower case right
    // after capitalised words that follow the name (the name alone before
    // it, `the Kenyatta National Hospital project`, owns the project).
    last.is_some_and(|k| tokens.adjacent(k) && head_at(k + 1))
}

/// The `of` of `of the` inside the complement of a name with head `h` when
/// the words after `the` open a body with a head of its own (`the Financial
/// Intelligence Centre of the Bank of Namibia`, `Fourah Bay College of the
/// University of Sierra Leone`, `the Anti-Money Laundering Office of the
/// Ministry of Finance`): a head right after `the`, or after one generic
/// word (`of the Central Bank of Nigeria`). Not when the name before is its
/// head alone (`Department of the Treasury`), nor a head whose words are a
/// place's body (`of the Kyrgyz Republic`: no head).
fn body_of_body(data: &Data, tokens: &Words, start: usize, h: usize, end: usize) -> Option<usize> {
    if start == h && end <= h + 3 {
        return None;
    }
    let key = |i: usize| tokens.get(i).map_or("", |t| t.key.as_str());
    (h + 1..end.saturating_sub(2)).find(|&j| {
        if key(j) != "of" || key(j + 1) != "the" || j == h + 1 && start == h {
            return false;
        }
        let head_at = |i: usize| i < end && is_head(data, tokens, i) && tokens.adjacent(i - 1);
        let opens = head_at(j + 2)
            || (data.generic.contains(key(j + 2))
                && tokens.get(j + 2).is_some_and(|t| capitalised(&t.surface))
                && head_at(j + 3));
        // `of the Bank of Namibia`: the other body is a name too (a head
        // and its complement, or words before its head).
        opens && end > j + 3
    })
}

pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_head(data: &Data, tokens: &Words, i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    if !capitalised(&t.surface) {
        return false;
    }
    // Compared byte by byte: every capitalised word is asked (no `memcmp` call).
    if matches!(t.key.as_bytes(), [b'f', b'u', b'n', b'd']) {
        return institution_fund(data, tokens, i);
    }
    if t.key == "government" {
        return local_government(tokens, i);
    }
    if !(data.named_heads.contains_with_bit(&t.key, t.key_bit)
        || foreign::is_compound(data, tokens, i))
    {
        return plural_head(data, tokens, i);
    }
    // `As the rains came`: a legal form heads a name only as written (`AS`).
    if t.surface.len() <= 4
        && !data.legal_forms.contains(&&*t.surface)
        && data
            .legal_forms
            .iter()
            .any(|f| f.eq_ignore_ascii_case(&t.surface))
    {
        return false;
    }
    // "Anti-Slavery International": only after a capitalised word, ending the name.
    if t.key == "international" {
        let before = i > 0
            && tokens.adjacent(i - 1)
            && tokens.get(i - 1).is_some_and(|p| capitalised(&p.surface));
        let after = tokens.adjacent(i)
            && tokens
                .get(i + 1)
                .is_some_and(|n| capitalised(&n.surface) && !data.places.contains(n.key.as_str()));
        return before && !after;
    }
    // "Red Cross", "Red Crescent": only with "Red" before.
    if t.key == "cross" || t.key == "crescent" {
        return i > 0 && tokens.get(i - 1).is_some_and(|p| p.surface == "Red");
    }
    true
}

/// Words that make `Government` after them a local government's name.
const LOCAL_GOVERNMENTS: [&str; 8] = [
    "city",
    "county",
    "state",
    "provincial",
    "municipal",
    "metropolitan",
    "district",
    "regional",
];

/// `Government` (word `i`) heads a name after a capitalised name and a
/// local level (`Quezon City Government`, `Lagos State Government`,
/// `Kiambu County Government`); `the Government of X` and `the Kenyan
/// Government` stay none.
fn local_government(tokens: &Words, i: usize) -> bool {
    i >= 2
        && tokens.adjacent(i - 1)
        && tokens.adjacent(i - 2)
        && tokens
            .get(i - 1)
            .is_some_and(|w| capitalised(&w.surface) && LOCAL_GOVERNMENTS.contains(&w.key.as_str()))
        && tokens
            .get(i - 2)
            .is_some_and(|w| capitalised(&w.surface) && w.key != "the")
}

/// `Fund` (word `i`) names an institution, not a programme: after words
/// that say so (`fund_org` of `core/data/programmes.tsv`: the `Jordan
/// Investment Fund`, the `African Development Fund`, the `National Social
/// Security Fund`), or before `for` and capitalised words ending on
/// `Development` (the `OPEC Fund for International Development`, the `King
/// Abdullah II Fund for Development`). A trust fund is a programme.
pub(super) fn institution_fund(data: &Data, tokens: &Words, i: usize) -> bool {
    let word = |q: usize| tokens.get(q).filter(|w| capitalised(&w.surface));
    let before = data.fund_orgs.iter().any(|f| {
        i >= f.len()
            && f.iter().enumerate().all(|(k, key)| {
                let q = i - f.len() + k;
                tokens.adjacent(q) && word(q).is_some_and(|w| w.key == *key)
            })
    });
    let trust = i > 0 && tokens.get(i - 1).is_some_and(|w| w.key == "trust");
    if before || trust {
        return before && !trust;
    }
    // A name of its own before it (`OPEC`, `King Abdullah II`), not `the Fund for ...`.
    let owner = i > 0 && tokens.adjacent(i - 1) && word(i - 1).is_some();
    if !owner || !tokens.adjacent(i) || tokens.get(i + 1).is_none_or(|w| w.key != "for") {
        return false;
    }
    let mut j = i + 2;
    while j < i + 6 && tokens.adjacent(j - 1) && word(j).is_some() {
        j += 1;
    }
    j > i + 2 && tokens.get(j - 1).is_some_and(|w| w.key == "development")
}

/// `Maynilad Water Services`: the plural of a head word, when the head list
/// has it, after two capitalised words, not both generic (`Social Services`
/// is none).
fn plural_head(data: &Data, tokens: &Words, i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    let singular = t.key.strip_suffix('s').unwrap_or("");
    // A plural the head list names itself (`Services`), not `Cortes`.
    if singular.len() < 4
        || !data.named_heads.contains(singular)
        || !data.heads.contains(t.surface.as_str())
        || i < 2
    {
        return false;
    }
    let word = |q: usize| {
        tokens.adjacent(q)
            && tokens
                .get(q)
                .is_some_and(|w| capitalised(&w.surface) && !is_stop(data, tokens, q))
    };
    let generic = |q: usize| {
        tokens
            .get(q)
            .is_some_and(|w| data.generic.contains(w.key.as_str()))
    };
    word(i - 1) && word(i - 2) && !(generic(i - 1) && generic(i - 2))
}

/// Words a company writes in brackets before its legal form
/// (`Umgeni Data Systems (Pty) Ltd`, `Ceylon Tea Traders (Pvt) Ltd`).
const PROPRIETARY: [&str; 3] = ["Pty", "Pvt", "Private"];

/// Spaces only, or a hyphen, or the `'` of a possessive tail.
/// A plural's possessive (`Farmers' Union`) is tight too, and the brackets
/// around a company's `(Pty)`.
fn tight(tokens: &Words, i: usize) -> bool {
    let gap = tokens.gap_after(i);
    let proprietary = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| PROPRIETARY.contains(&&*t.surface))
    };
    if gap == " (" && proprietary(i + 1) || gap == ") " && proprietary(i) {
        return true;
    }
    let plural_possessive = matches!(gap, "' " | "’ ")
        && tokens
            .get(i)
            .is_some_and(|t| t.surface.ends_with('s') && capitalised(&t.surface));
    tokens.adjacent(i) || gap == "-" || gap == "‐" || gap == "'" || gap == "’" || plural_possessive
}

/// `the Standards, Utilities and Wildlife Court`: single capitalised words
/// and commas before word `q` (the one before the joined "and"), when "the"
/// opens the list: the list's first word.
fn comma_list_start(data: &Data, tokens: &Words, q: usize, floor: usize) -> Option<usize> {
    let mut g = q;
    while g > floor + 1
        && tokens.gap_after(g - 1).trim() == ","
        && tokens.get(g - 1).is_some_and(|w| {
            capitalised(&w.surface)
                && !super::super::tokens::is_all_caps(&w.surface)
                && !is_place(data, &w.key)
                && !data.named_heads.contains_with_bit(&w.key, w.key_bit)
        })
        && !is_stop(data, tokens, g - 1)
    {
        g -= 1;
    }
    let opened = g < q
        && tokens
            .get(g.checked_sub(1)?)
            .is_some_and(|t| t.surface == "the");
    opened.then_some(g)
}

/// The first word of the name: capitalised words written right before the head.
fn left_edge(data: &Data, tokens: &Words, h: usize, floor: usize) -> usize {
    let mut s = h;
    let mut joined_and = false;
    while s > floor && h - s < MAX_LEFT && tight(tokens, s - 1) {
        let Some(p) = tokens.get(s - 1) else { break };
        let tail = p.key == "s" && s >= 2 && matches!(tokens.gap_after(s - 2), "'" | "’");
        if tail {
            // "Prosecutor's Office": the possessive tail belongs to the word
            // before; "Kenya's Ministry of Health": a place's does not, nor
            // does the last word of a name found before ("the Ministry of
            // Health's Department of Nursing").
            if s - 2 >= floor
                && tokens
                    .get(s - 2)
                    .is_some_and(|q| capitalised(&q.surface) && !is_place(data, &q.key))
                && !is_stop(data, tokens, s - 2)
                && !country_possessive(tokens, s - 2)
            {
                s -= 2;
                continue;
            }
            break;
        }
        // `Counter Trafficking in Persons Secretariat`: `in` after a word it
        // goes on from in names.
        let in_joins = p.key == "in"
            && s < h
            && s >= floor + 2
            && tight(tokens, s - 2)
            && tokens.get(s - 2).is_some_and(|q| {
                capitalised(&q.surface) && crate::extract::programmes::in_continues_after(&q.key)
            });
        if in_joins {
            s -= 2;
            continue;
        }
        if !capitalised(&p.surface) || is_stop(data, tokens, s - 1) {
            // "Peace and Security Council", "Drug Control and Enforcement
            // Authority": one "and" between capitalised words, once.
            // One word before the "and", after a lowercase word or a sentence
            // start ("Concern Worldwide and Trinity College" is two names), and
            // no possessive or place ("Tostan and Senegal's Ministry").
            let and = p.key == "and" && !joined_and && s < h && s >= floor + 2;
            // An acronym before it may be the parent ("AU Peace and Security
            // Council", see `sub_body`).
            let lone = |q: usize| {
                q == 0
                    || sentence_start(tokens, q)
                    || is_stop(data, tokens, q - 1)
                    || tokens.get(q - 1).is_some_and(|w| {
                        (!capitalised(&w.surface) && w.key != "s")
                            || super::super::tokens::is_all_caps(&w.surface)
                    })
            };
            let possessive = (s..h).any(|i| matches!(tokens.gap_after(i), "'" | "’"));
            // `KEMRI and Maseno University`: an acronym before the `and` is
            // a name of its own.
            // `the Police and Border Guard Board`: a head word alone after
            // `the` names one of the two services a merged body joins, when
            // the words after the `and` hold a head of their own.
            let merged = |q: usize| {
                q >= 1
                    && tokens.get(q - 1).is_some_and(|t| t.key == "the")
                    && tokens.adjacent(q - 1)
                    && h >= s + 2
                    && (s..h).any(|k| {
                        tokens
                            .get(k)
                            .is_some_and(|t| data.named_heads.contains_with_bit(&t.key, t.key_bit))
                    })
            };
            let word_before_and = |q: usize| {
                tokens.adjacent(q)
                    && tokens.get(q).is_some_and(|w| {
                        let acronym = super::super::tokens::is_all_caps(&w.surface)
                            && w.surface.chars().count() >= 3;
                        capitalised(&w.surface)
                            && !acronym
                            && (!data.named_heads.contains_with_bit(&w.key, w.key_bit) || merged(q))
                            && !is_place(data, &w.key)
                    })
                    && !is_stop(data, tokens, q)
            };
            // `Gavi and Stanbic Bank`: a known organisation before the
            // `and` is a name of its own.
            let known_before = |q: usize| {
                (q.saturating_sub(2)..=q).any(|k| {
                    super::known_at(data, tokens, k).is_some_and(|(len, _)| k + len == q + 1)
                })
            };
            // `WaterAid and Lilongwe Water Board`: a place right after the
            // `and` opens a name of its own.
            let place_after = tokens.get(s).is_some_and(|t| is_place(data, &t.key));
            if and
                && !possessive
                && !place_after
                && word_before_and(s - 2)
                && lone(s - 2)
                && !known_before(s - 2)
            {
                joined_and = true;
                s -= 2;
                continue;
            }
            // `the Seed Control and Certification Institute`, `the Kenya
            // Marine and Fisheries Research Institute`: two or three words
            // before the "and" (a place may open them) when "the" opens
            // them all.
            if and && !possessive && word_before_and(s - 2) {
                if let Some(g) = the_opened_group(data, tokens, s - 2, floor)
                    .or_else(|| comma_list_start(data, tokens, s - 2, floor))
                {
                    joined_and = true;
                    s = g;
                    continue;
                }
            }
            break;
        }
        s -= 1;
    }
    // An "and" left at the front takes no words before it: not a name's part.
    if joined_and && tokens.get(s).is_some_and(|t| t.key == "and") {
        s += 1;
    }
    // "X Teaching and Referral Hospital": generic words alone after an "and"
    // are no name; the capitalised words before the "and" begin it.
    let generic_only = s < h
        && (s..h).all(|i| {
            tokens
                .get(i)
                .is_some_and(|t| data.generic.contains(t.key.as_str()))
        });
    if !joined_and && generic_only && s >= floor + 2 && tokens.adjacent(s - 1) {
        let and = tokens.get(s - 1).is_some_and(|t| t.key == "and");
        let mut b = s - 1;
        while and
            && b > floor
            && h - b < MAX_LEFT
            && tokens.adjacent(b - 1)
            && tokens.get(b - 1).is_some_and(|p| {
                capitalised(&p.surface)
                    && !is_place(data, &p.key)
                    && !data.named_heads.contains_with_bit(&p.key, p.key_bit)
            })
            && !is_stop(data, tokens, b - 1)
        {
            b -= 1;
        }
        if and && b < s - 1 {
            s = b;
        }
    }
    s
}

/// Word `last` ends a country's name of one to three words (`Kenya`, `New
/// Zealand`, `Papua New Guinea`, `Côte d'Ivoire`, `Guinea-Bissau`), before
/// its possessive.
fn country_possessive(tokens: &Words, last: usize) -> bool {
    (0..3).any(|n| {
        last >= n
            && (last - n..last).all(|j| tight(tokens, j))
            && countries::lookup_name(text_of(tokens, last - n, last + 1)).is_some()
    })
}

/// `the Port of Rotterdam Authority`, `the City of Cape Town Council`: one
/// capitalised word (no head, role or place) and `of` before the one to
/// three capitalised words that open the name belong to it, when a
/// lower-case word comes before them (at a sentence start the word is more
/// often the people of the body: `Representatives of Amnesty International
/// Nigeria`, `Staff of the ...`).
fn owner_of_place(data: &Data, tokens: &Words, start: usize, h: usize, floor: usize) -> usize {
    if start < floor + 2 || start == h || h - start > 3 {
        return start;
    }
    let of = tokens.get(start - 1).is_some_and(|t| t.surface == "of") && tokens.adjacent(start - 1);
    let owner = start - 2;
    let owner_ok = tokens.adjacent(owner)
        && tokens.get(owner).is_some_and(|t| {
            capitalised(&t.surface)
                && !super::super::tokens::is_all_caps(&t.surface)
                && !data.named_heads.contains_with_bit(&t.key, t.key_bit)
                && !data.role_nouns.contains(t.surface.as_str())
                && !data.generic.contains(t.key.as_str())
                && !is_place(data, &t.key)
        })
        && !is_stop(data, tokens, owner);
    let opens = !sentence_start(tokens, owner)
        && tokens
            .get(owner - 1)
            .is_some_and(|t| !capitalised(&t.surface) && tokens.adjacent(owner - 1));
    if of && owner_ok && opens {
        owner
    } else {
        start
    }
}

/// The first of two to five capitalised words ending at word `last` (before
/// an "and") when "the" comes right before them (lower case, or `The`
/// opening a sentence): no head word, no stop, a place only as the first
/// word (`Kenya Marine`, `the Quezon City Disaster Risk Reduction and
/// Management Office`, `The Rwanda Water and Sanitation Corporation`).
fn the_opened_group(data: &Data, tokens: &Words, last: usize, floor: usize) -> Option<usize> {
    let plain = |q: usize| {
        tokens.get(q).is_some_and(|w| {
            capitalised(&w.surface)
                && !data.named_heads.contains_with_bit(&w.key, w.key_bit)
                && !is_stop(data, tokens, q)
        }) && tokens.adjacent(q)
    };
    (1..=4).find_map(|n| {
        let g = last.checked_sub(n).filter(|&g| g > floor)?;
        let words = (g..last).all(plain)
            && (g + 1..=last).all(|q| tokens.get(q).is_some_and(|w| !is_place(data, &w.key)));
        let the = tokens.get(g - 1).is_some_and(|t| {
            t.surface == "the" || t.surface == "The" && sentence_start(tokens, g - 1)
        }) && tokens.adjacent(g - 1);
        (words && the).then_some(g)
    })
}

/// A capitalised word that cannot begin a name: an article or pronoun at the
/// start of a sentence, or an all-caps acronym (`UNODC Office` is a sub-unit,
/// checked in [`accept`]).
fn is_stop(data: &Data, tokens: &Words, i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        data.name_stops.contains(t.key.as_str())
            // "New" begins names mid-sentence ("New Zealand Police", "the New
            // Development Bank"); only a sentence's first word is an adjective.
            && (t.key != "new" || sentence_start(tokens, i))
    })
}

/// Word `i` begins a sentence, a line or a quotation.
fn sentence_start(tokens: &Words, i: usize) -> bool {
    i == 0 || tokens.hard_break_after(i - 1) || tokens.gap_before(i).contains(['"', '“', '\n'])
}

/// A title that reads like a body: `Commissioner of Police of ...`, `Chief
/// of Army ...`, `Inspector-General of Police` (a capitalised role noun, then
/// `of`, then the head). A ministry named inside a role (`Director General at
/// the Ministry of ...`) is a body all the same, and is listed.
fn in_role(data: &Data, tokens: &Words, start: usize) -> bool {
    if start < 2
        || tokens.get(start - 1).is_none_or(|t| t.key != "of")
        || !tokens.adjacent(start - 1)
    {
        return false;
    }
    // "Inspector-General of Police": the role noun before the hyphen.
    let hyphenated = start >= 3 && tokens.gap_after(start - 3) == "-";
    let at = if hyphenated { start - 3 } else { start - 2 };
    tokens.get(at).is_some_and(|t| {
        let noun = t.key.rsplit('-').next().unwrap_or("");
        capitalised(&t.surface)
            && (data.role_nouns.contains(t.key.as_str()) || data.role_nouns.contains(noun))
    })
}

/// One past the last word of the name.
fn right_edge(data: &Data, tokens: &Words, h: usize) -> usize {
    let mut e = h + 1;
    // More head words or capitalised words joined to the head: "Police Service",
    // "Coast Guard", "Trinity College Dublin".
    while e < tokens.len() && e - h < MAX_RIGHT && tight(tokens, e - 1) {
        let Some(t) = tokens.get(e) else { break };
        let first_head = data
            .heads_first
            .contains(tokens.get(h).map_or("", |t| t.key.as_str()));
        // "Directorate-General for ...": "-General" belongs to the head.
        let general = t.key == "general" && tokens.gap_after(e - 1) == "-";
        let joins = is_head(data, tokens, e)
            || general
            || (first_head && capitalised(&t.surface))
            || data.head_followers.contains(t.key.as_str())
            || (capitalised(&t.surface) && is_place(data, &t.key));
        if !joins {
            break;
        }
        e += 1;
    }
    // The words after a head written first are its complement ("Cassa Depositi e Prestiti").
    let head_first = e > h + 1
        && data
            .heads_first
            .contains(tokens.get(h).map_or("", |t| t.key.as_str()));
    let mut in_complement = false;
    // Where the words after the last `of`/`for` begin: `Cape Town` in
    // `University of Cape Town`.
    let mut complement_from = e;
    loop {
        // "of Hygiene & Tropical Medicine": an ampersand joins like "and".
        if in_complement && e < tokens.len() && tokens.gap_after(e - 1).trim() == "&" {
            match run_after(data, tokens, e) {
                Some(next) if next - h <= MAX_RIGHT && !has_head(data, tokens, e, next) => {
                    e = next;
                    continue;
                }
                _ => return e,
            }
        }
        if e - h >= MAX_RIGHT || e >= tokens.len() || !tokens.adjacent(e - 1) {
            // A comma may join a list inside the complement ("of Women, Children and ...").
            if in_complement && tokens.gap_after(e - 1).trim() == "," {
                if let Some(next) = comma_list(data, tokens, e) {
                    e = next;
                    continue;
                }
            }
            return e;
        }
        let Some(c) = tokens.get(e) else { return e };
        // "d'Électrification": an elided connector joined by its apostrophe.
        let elided = c.key == "d" && matches!(tokens.gap_after(e), "'" | "’");
        if !tokens.adjacent(e) && !elided {
            return e;
        }
        let connector = c.key.as_str();
        match connector {
            "of" | "for" | "on" | "against" | "to" | "de" | "del" | "des" | "du" | "di" | "da"
            | "do" | "dos" | "das" | "della" | "para" | "pour" | "sur" | "fur" | "d" => {
                match run_after(data, tokens, e + 1) {
                    // `the Department of Finance for the Inclusive Finance
                    // Development Program`: a programme after `for the` is
                    // what the body does, not its name.
                    Some(next)
                        if connector == "for"
                            && next_is_the(tokens, e)
                            && tokens
                                .get(next - 1)
                                .is_some_and(|t| data.programme_heads.contains(t.key.as_str())) =>
                    {
                        return e;
                    }
                    Some(next) if next - h <= MAX_RIGHT => {
                        complement_from = e + 1;
                        e = next;
                        in_complement = true;
                    }
                    _ => return e,
                }
            }
            "y" | "et" | "e" | "und" if head_first && !in_complement => {
                // "Cassa Depositi e Prestiti": a name in another language goes on.
                match run_after(data, tokens, e + 1) {
                    Some(next) if next - h <= MAX_RIGHT && !has_head(data, tokens, e + 1, next) => {
                        e = next;
                    }
                    _ => return e,
                }
            }
            // `for Social Development and the Solidarity Economy`: two
            // capitalised words or more after `and the`, no head, no known
            // organisation or place, end the complement.
            "and" if in_complement && next_is_the(tokens, e) => {
                let from = e + 2;
                match run_after(data, tokens, from) {
                    Some(next)
                        if next - from >= 2
                            && next - h <= MAX_RIGHT
                            && tokens.adjacent(e + 1)
                            && !has_head(data, tokens, from, next)
                            && !(from..next).any(|i| {
                                tokens
                                    .get(i)
                                    .is_some_and(|t| super::super::tokens::is_all_caps(&t.surface))
                            })
                            && !another_name(data, tokens, from, next)
                            // `and the International Cocoa Initiative`: a
                            // programme's head word names a thing of its own.
                            && !(from..next).any(|i| {
                                tokens
                                    .get(i)
                                    .is_some_and(|t| data.programme_heads.contains(t.key.as_str()))
                            })
                            // `and the Norwegian Church Aid`: a place's
                            // name or adjective opens another body, and so
                            // does a country's name of two or three words
                            // (`and the New Zealand Financial Intelligence Unit`).
                            && !tokens.get(from).is_some_and(|t| is_place(data, &t.key))
                            && !(2..=3).any(|n| {
                                from + n < next
                                    && countries::lookup_name(text_of(tokens, from, from + n))
                                        .is_some()
                            })
                            && super::known_at(data, tokens, from).is_none()
                            && !tokens
                                .get(next)
                                .is_some_and(|t| matches!(t.key.as_str(), "of" | "for")) =>
                    {
                        return next;
                    }
                    _ => return e,
                }
            }
            // `de la Santé et de l'Hygiène`: `et` and a connector go on.
            "et" | "y" | "e" if in_complement && is_foreign_connector(tokens, e + 1) => {
                match foreign_item(data, tokens, e + 1) {
                    Some(next) if next - h <= MAX_RIGHT => e = next,
                    _ => return e,
                }
            }
            // `for Refugees and Médecins du Monde`: a known organisation
            // after the `and` is a name of its own.
            "and" | "y" | "et" | "e" | "und" | "&" if in_complement && !next_is_the(tokens, e) => {
                match run_after(data, tokens, e + 1) {
                    Some(next)
                        if next - h <= MAX_RIGHT
                            && !has_head_after_and(data, tokens, e + 1, next)
                            && !another_name(data, tokens, e + 1, next)
                            // `of Home Affairs and Lawyers for Human Rights`.
                            && !super::cues::opens_members_for(tokens, e + 1)
                            && !after_a_place(tokens, complement_from, e, next)
                            && super::known_at(data, tokens, e + 1).is_none() =>
                    {
                        e = next;
                    }
                    _ => return e,
                }
            }
            "in" => {
                // "German University in Amman": a place ends the name; "Agency
                // for Trafficking in Persons": a complement goes on.
                let place = tokens
                    .get(e + 1)
                    .is_some_and(|t| capitalised(&t.surface) && is_place(data, &t.key));
                // "Bundesrechenzentrum in Vienna": a compound is a whole name.
                if place && !foreign::is_compound(data, tokens, h) {
                    let alone = !tokens.adjacent(e + 1)
                        || tokens.get(e + 2).is_none_or(|t| !capitalised(&t.surface));
                    // "University in Cairo" is a name; "University in Australia" a location.
                    let country = tokens
                        .get(e + 1)
                        .is_some_and(|t| countries::lookup_name(&t.surface).is_some());
                    // "Kenyatta National Hospital in Nairobi": only a school
                    // is named for its city, and only after a place's
                    // adjective ("American University in Cairo"; "Abdou
                    // Moumouni University in Niamey" is where it stands).
                    let school = tokens
                        .get(h)
                        .is_some_and(|t| SCHOOL_HEADS.contains(&t.key.as_str()))
                        && h.checked_sub(1)
                            .and_then(|b| tokens.get(b))
                            .is_some_and(|t| is_place(data, &t.key));
                    return if alone && !in_complement && !country && school {
                        e + 2
                    } else {
                        e
                    };
                }
                match run_after(data, tokens, e + 1) {
                    Some(next) if in_complement && next - h <= MAX_RIGHT => e = next,
                    _ => return e,
                }
            }
            _ => return e,
        }
    }
}

/// Words `from..to` after "and" are a country or a place of its own ("of
/// Zurich and Peru"), or end in a possessive ("and Myanmar's Department").
fn another_name(data: &Data, tokens: &Words, from: usize, to: usize) -> bool {
    // `and Kenya Power's board` is another name; `and Higher Education's
    // catch-up classes`, `and National Administration's Directorate`: a
    // possessive after words that open with no place is the whole name's.
    let possessive = matches!(tokens.gap_after(to - 1), "'" | "’")
        && tokens.get(to).is_some_and(|t| t.key == "s")
        && tokens.get(from).is_some_and(|t| is_place(data, &t.key));
    let place = to == from + 1 && tokens.get(from).is_some_and(|t| is_place(data, &t.key));
    possessive || place || countries::lookup_name(text_of(tokens, from, to)).is_some()
}

/// `University of Cape Town and Afrigen Biologics`: a complement that is a
/// place (words `from..and`) is whole, so the words after `and` (up to
/// `to`) name another body; not when they finish the place (`of Trinidad
/// and Tobago`).
fn after_a_place(tokens: &Words, from: usize, and: usize, to: usize) -> bool {
    let the = tokens.get(from).is_some_and(|t| t.key == "the");
    let from = if the { from + 1 } else { from };
    // A country or a city, not a demonym (`Institute of African and Asian
    // Studies` is one name).
    let place = text_of(tokens, from, and);
    let is_place = countries::lookup_name(place).is_some()
        || crate::ingest::dateline::city_country(place).is_some();
    is_place && countries::lookup_name(text_of(tokens, from, to)).is_none()
}

fn next_is_the(tokens: &Words, i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|t| t.key == "the")
}

/// Words `from..` after a connector: an optional "the", then capitalised words
/// joined by spaces or hyphens (not a known acronym). None if none.
fn run_after(data: &Data, tokens: &Words, from: usize) -> Option<usize> {
    let mut i = from;
    // An article: "the", or "la", "le", "l'", "el" in French and Spanish names.
    let article = |t: &super::super::countries::words::Word| {
        matches!(
            t.surface.as_str(),
            "the" | "la" | "le" | "l" | "el" | "los" | "las"
        )
    };
    if tokens.get(i).is_some_and(article) && (tokens.adjacent(i) || tight(tokens, i)) {
        i += 1;
    }
    let first = i;
    if tokens
        .get(i)
        .is_some_and(|t| data.time_words.contains(t.key.as_str()))
    {
        return None;
    }
    while let Some(t) = tokens.get(i) {
        let word_ok = capitalised(&t.surface) && !data.acronyms.contains_key(t.surface.as_str());
        let joined = i == first || tight(tokens, i - 1);
        // `of Dar es Salaam`: a place's lower-case particle stays in the run.
        if !word_ok && joined && i > first {
            if let Some(len) = particle_place(data, tokens, i - 1) {
                i += len - 1;
                continue;
            }
        }
        if !word_ok || !joined || is_contact_label(&t.key) {
            break;
        }
        i += 1;
    }
    (i > first).then_some(i)
}

/// `Tel`, `Fax`, `Email`: a contact block's label after a name (`… of the
/// Kyrgyz Republic Tel.: +996 …`) is not the name's last word.
fn is_contact_label(key: &str) -> bool {
    matches!(
        key,
        "tel" | "tel." | "fax" | "email" | "e-mail" | "phone" | "telephone" | "mobile" | "mob"
    )
}

/// The length of a place written with a lower-case word inside (`Dar es
/// Salaam`, `Santiago de los Caballeros`) that begins at word `i`, its
/// words joined by spaces.
fn particle_place(data: &Data, tokens: &Words, i: usize) -> Option<usize> {
    let first = tokens.get(i)?;
    data.particle_places
        .iter()
        .filter(|p| p.first().is_some_and(|w| first.key == *w))
        .find(|p| {
            p.iter().enumerate().skip(1).all(|(k, w)| {
                tokens.adjacent(i + k - 1) && tokens.get(i + k).is_some_and(|t| t.key == *w)
            })
        })
        .map(Vec::len)
}

/// `, Children and Social Protection`: capitalised runs separated by commas,
/// ending with `and` and a last run. Returns the end of the list.
fn comma_list(data: &Data, tokens: &Words, from: usize) -> Option<usize> {
    let mut i = from;
    for _ in 0..4 {
        let end = run_after(data, tokens, i).filter(|&e| e > i)?;
        if !plain_the(data, tokens, i, end) || has_head(data, tokens, i, end) {
            return None;
        }
        if !tokens.adjacent(end - 1) {
            if tokens.gap_after(end - 1).trim() == "," {
                i = end;
                continue;
            }
            return None;
        }
        let and = tokens.get(end).is_some_and(|t| t.key == "and");
        if !and {
            return None;
        }
        let last = run_after(data, tokens, end + 1)?;
        let ok = !has_head(data, tokens, end + 1, last) && plain_the(data, tokens, end + 1, last);
        return ok.then_some(last);
    }
    None
}

/// A list item `from..to` of [`comma_list`] opened by `the` is one word
/// that names a field, not a body or a place (`of Climate Change, Energy,
/// the Environment and Water`); `the Red Cross` or `the Netherlands` opens
/// a name of its own. Items without `the` pass.
fn plain_the(data: &Data, tokens: &Words, from: usize, to: usize) -> bool {
    if tokens.get(from).is_none_or(|t| t.surface != "the") {
        return true;
    }
    to == from + 2
        && tokens.get(from + 1).is_some_and(|w| {
            !is_place(data, &w.key) && !super::super::tokens::is_all_caps(&w.surface)
        })
        && countries::lookup_name(text_of(tokens, from + 1, to)).is_none()
        && super::known_at(data, tokens, from + 1).is_none()
}

/// `de`, `du`, `des`, `d'` (and their Spanish, Portuguese and Italian
/// kin) at word `i`, joined to the next word.
fn is_foreign_connector(tokens: &Words, i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        matches!(
            t.surface.as_str(),
            "de" | "du" | "des" | "d" | "del" | "da" | "do" | "dos" | "das" | "di" | "della"
        )
    }) && (tokens.adjacent(i) || matches!(tokens.gap_after(i), "'" | "’"))
}

/// `de Réinsertion des Réfugiés`, `de la Promotion des Langues`: a
/// connector and capitalised words, again while a connector follows. One
/// past the last word; None when no capitalised word follows a connector.
fn foreign_item(data: &Data, tokens: &Words, from: usize) -> Option<usize> {
    let mut i = from;
    let mut end = None;
    while i < from + 12 && is_foreign_connector(tokens, i) {
        let next = run_after(data, tokens, i + 1)?;
        // Another body (`de la Banque Mondiale`, `de l'OMS`) is no part.
        let acronym = (i + 1..next).any(|k| {
            tokens
                .get(k)
                .is_some_and(|t| super::super::tokens::is_all_caps(&t.surface))
        });
        if has_head(data, tokens, i + 1, next) || acronym {
            return end;
        }
        end = Some(next);
        if !tokens.adjacent(next - 1) {
            break;
        }
        i = next;
    }
    end
}

/// `, de l'Alphabétisation et de la Promotion des Langues Nationales`,
/// `, de Réinsertion des Réfugiés et des Rapatriés`: a list inside a
/// complement in French, Spanish or Portuguese, each item opened by a
/// connector, the last by `et`/`y`/`e` and a connector. One past the last
/// word.
fn foreign_list(data: &Data, tokens: &Words, from: usize) -> Option<usize> {
    let mut i = from;
    for _ in 0..4 {
        let end = foreign_item(data, tokens, i)?;
        let gap = tokens.gap_after(end - 1).trim();
        if gap == "," {
            i = end;
            continue;
        }
        let and = tokens.adjacent(end - 1)
            && tokens
                .get(end)
                .is_some_and(|t| matches!(t.surface.as_str(), "et" | "y" | "e"));
        if !and {
            return None;
        }
        return foreign_item(data, tokens, end + 1);
    }
    None
}

fn has_head(data: &Data, tokens: &Words, from: usize, to: usize) -> bool {
    (from..to).any(|i| is_head(data, tokens, i))
}

/// Like [`has_head`] for the words after a complement's `and`, where
/// `Administration` goes on with the complement (`Ministry of Interior and
/// National Administration`, `Centre for Tax Policy and Administration`).
fn has_head_after_and(data: &Data, tokens: &Words, from: usize, to: usize) -> bool {
    (from..to).any(|i| {
        is_head(data, tokens, i) && tokens.get(i).is_some_and(|t| t.key != "administration")
    })
}

/// Word `i` is a Roman numeral from II to XX right after a capitalised
/// word that is not all capitals, on the same line: the regnal number of
/// a name (`Hassan II`, `Mohammed VI`, `King Abdullah II`), not an acronym.
pub(super) fn regnal_number(tokens: &Words, i: usize) -> bool {
    const NUMERALS: [&str; 19] = [
        "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
        "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    i > 0
        && tokens.adjacent(i - 1)
        && tokens
            .get(i)
            .is_some_and(|t| NUMERALS.contains(&t.surface.as_str()))
        && tokens
            .get(i - 1)
            .is_some_and(|t| capitalised(&t.surface) && t.surface.chars().any(char::is_lowercase))
}

/// A country name or demonym, or a city.
fn is_place(data: &Data, key: &str) -> bool {
    data.places.contains(key)
}

fn accept(data: &Data, tokens: &Words, start: usize, h: usize, end: usize) -> bool {
    // One word is a name only as a compound ("Bundeskriminalamt").
    let compound = foreign::is_compound(data, tokens, h);
    if end - start < 2 && !compound {
        return false;
    }
    let padded = |to: usize| {
        let keys: Vec<&str> = (start..to)
            .filter_map(|i| tokens.get(i).map(|t| t.key.as_str()))
            .collect();
        format!(" {} ", keys.join(" "))
    };
    let (whole, front) = (padded(end), padded(h + 1));
    // `its Management Board`, `their Executive Committee`: two words after
    // a possessive pronoun name the referent's own body (`its European
    // Migrant Smuggling Centre` is a name of its own).
    let owned = start >= 1
        && end - start <= 2
        && tokens.adjacent(start - 1)
        && tokens
            .get(start - 1)
            .is_some_and(|t| matches!(t.surface.as_str(), "its" | "their"));
    // `Mzuzu Police Station`: a station is a place, not a body.
    let station = tokens.adjacent(end - 1)
        && tokens
            .get(end)
            .is_some_and(|t| matches!(t.surface.as_str(), "Station" | "Stations"));
    // `the Joint Action Plan on Online Scam Centres`: words after a
    // capitalised plan, programme or treaty word and `on`, `for` or
    // `against` are that title's subject, not a body.
    let subject = start >= 2
        && tokens.adjacent(start - 1)
        && tokens.adjacent(start - 2)
        && tokens
            .get(start - 1)
            .is_some_and(|t| matches!(t.surface.as_str(), "on" | "for" | "against"))
        && tokens.get(start - 2).is_some_and(|t| {
            capitalised(&t.surface) && data.not_org.holds(&format!(" {} ", t.key.as_str()))
        });
    if owned || station || subject {
        return false;
    }
    // "Trust Fund": a capitalised word right after makes the head part of another name.
    let next_capitalised =
        tokens.adjacent(end - 1) && tokens.get(end).is_some_and(|t| capitalised(&t.surface));
    if end == h + 1 && next_capitalised && data.not_org.holds(&padded(end + 1)) {
        return false;
    }
    // Not-organisation words count before the head ("Conference Centre"), not
    // in the complement ("Ministry of Justice and Law").
    let not_org_front = data
        .not_org
        .any_in(&front, |p| !super::soft_before_head(data, &front, p));
    if not_org_front || data.subunits.holds(&whole) || front.starts_with(" government ") {
        return false;
    }
    // An acronym before the head: a part of that organisation ("UNDP Press Office").
    // A regnal number is no acronym ("Mohammed VI Polytechnic University"),
    // nor a country's code before words of the name ("US Drug Enforcement
    // Administration"; "PNG Police Commissioner" stays a role's).
    let acronym_before = (start..h).any(|i| {
        tokens.get(i).is_some_and(|t| {
            super::super::tokens::is_all_caps(&t.surface)
                && (h - i < 2 || countries::lookup_name(&t.surface).is_none())
        }) && !regnal_number(tokens, i)
    });
    // A known organisation before the head: a part of it ("UNODC Regional Office").
    // A known name that ends with the head after other words is a different
    // body ("Peace and Security Council" is not the Security Council).
    // A known name that is the whole front and goes on with `for` and
    // capitalised words is another body's start (`State Department for Youth
    // Affairs`), unless a role's `of` comes before it (`High Representative
    // of the European Union for Foreign Affairs`).
    let key = |i: usize| tokens.get(i).map_or("", |t| t.key.as_str());
    let after_of = (start >= 1 && key(start - 1) == "of")
        || (start >= 2 && key(start - 1) == "the" && key(start - 2) == "of");
    let part = |i: usize| {
        super::known_at(data, tokens, i).is_some_and(|(len, _)| {
            let longer = i == start
                && i + len == h + 1
                && !after_of
                && super::opens_longer_name(tokens, i, len);
            (i == start || i + len != h + 1) && !longer
        })
    };
    // Unless it is the parent's own body ("ASEAN Secretariat").
    if (acronym_before || (start..h).any(part))
        && !super::sub_body::is_sub_body(data, tokens, start, h, end)
    {
        return false;
    }
    // Only generic words before the head and nothing after it: "Armed Forces".
    let after_head = (h + 1..end).any(|i| {
        tokens
            .get(i)
            .is_some_and(|t| !data.named_heads.contains_with_bit(&t.key, t.key_bit))
    });
    let specific_before = (start..h).any(|i| {
        tokens
            .get(i)
            .is_some_and(|t| !data.generic.contains(t.key.as_str()))
    });
    // `National Social Security Fund`: the words that make a fund an
    // institution are generic ones; three words make it a name.
    let fund = tokens.get(h).is_some_and(|t| t.key == "fund") && end - start >= 3;
    // `the Biden Administration`: one word before it is a government's name.
    let administration = tokens.get(h).is_some_and(|t| t.key == "administration");
    if administration && h - start < 2 && !after_head {
        return false;
    }
    // `the National Intelligence Bureau`, `the State Security Agency`: two
    // generic words before the head make a name, one does not (`the Federal
    // Police`, `the Armed Forces`).
    let two_generic = h - start >= 2;
    // `the National Police`, `the Federal Police said`: a country's police
    // or armed service, named after `the` by one generic word, standing alone
    // as an actor (not `the National Police national plan`).
    let alone = !tokens.adjacent(h)
        || tokens
            .get(h + 1)
            .is_none_or(|t| data.standalone.contains(t.key.as_str()));
    // After a role's `of` (`Director of the National Police`) it is the
    // body named before, perhaps in another language: left to that name.
    let force = start >= 1
        && tokens.get(start - 1).is_some_and(|t| t.key == "the")
        && !after_of
        && end == h + 1
        && alone
        && tokens
            .get(h)
            .is_some_and(|t| matches!(t.key.as_str(), "police" | "navy" | "army" | "gendarmerie"));
    specific_before
        || force
        || after_head
        || compound
        || fund
        || two_generic
        || owned_by_country(data, tokens, start)
}

/// `Brazil's Federal Police`, `Kenya's National Police Service`: a country's
/// possessive right before generic words and a head makes them the name of
/// that country's body (the name is written without the possessive).
pub(super) fn owned_by_country(data: &Data, tokens: &Words, start: usize) -> bool {
    if start < 2 || !matches!(tokens.gap_after(start - 2), "'" | "’") {
        return false;
    }
    let tail = tokens.get(start - 1).is_some_and(|t| t.key == "s") && tokens.adjacent(start - 1);
    tail && tokens.get(start - 2).is_some_and(|c| {
        capitalised(&c.surface)
            && (is_place(data, &c.key) || countries::lookup_name(&c.surface).is_some())
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::data;
    use super::*;

    /// The names the pattern rules find in `text`, as written.
    pub(in super::super) fn names(text: &str) -> Vec<String> {
        let tokens = Words::new(text);
        spans(data(), &tokens, super::super::is_sentence(text))
            .into_iter()
            .map(|s| {
                let (a, b) = (tokens.get(s.words.start), tokens.get(s.words.end - 1));
                match (a, b) {
                    (Some(a), Some(b)) => text[a.start..b.end].to_string(),
                    _ => String::new(),
                }
            })
            .collect()
    }

    #[test]
    fn a_merged_service_after_the_keeps_its_first_head() {
        assert_eq!(
            names("officers of the Police and Border Guard Board said"),
            ["Police and Border Guard Board"]
        );
        // One word after the `and`: two services.
        assert!(!names("the Navy and Coast Guard said")
            .iter()
            .any(|n| n.starts_with("Navy and")));
    }

    #[test]
    fn a_place_after_of_ends_the_name_at_and() {
        assert_eq!(
            names("The University of Cape Town and Afrigen Biologics will make it."),
            ["University of Cape Town"]
        );
        assert_eq!(
            names("the Bank of Ghana and Ecobank Ghana agreed"),
            ["Bank of Ghana", "Ecobank Ghana"]
        );
        // The place goes on after `and`, or the complement is no place.
        assert_eq!(
            names("the University of Trinidad and Tobago said"),
            ["University of Trinidad and Tobago"]
        );
        assert_eq!(
            names("the Ministry of Agriculture and Rural Development said"),
            ["Ministry of Agriculture and Rural Development"]
        );
        assert_eq!(
            names("the Institute of African and Asian Studies said"),
            ["Institute of African and Asian Studies"]
        );
    }

    #[test]
    fn an_administration_needs_two_words_before_it() {
        assert_eq!(
            names("The Czech Tax Administration and the Narcotics Control Administration met."),
            [
                "Czech Tax Administration",
                "Narcotics Control Administration"
            ]
        );
        assert_eq!(
            names("the OECD Centre for Tax Policy and Administration said"),
            ["OECD Centre for Tax Policy and Administration"]
        );
        assert_eq!(
            names("a rule of the Biden Administration was cited by the National Administration of Prisons"),
            ["National Administration of Prisons"]
        );
    }

    #[test]
    fn a_country_code_before_the_head_is_no_parent() {
        assert_eq!(
            names(
                "with help from the US Narcotics Control Administration and the UNDP Press Office"
            ),
            ["US Narcotics Control Administration"]
        );
    }

    #[test]
    fn in_after_trafficking_stays_in_the_name() {
        assert_eq!(
            names("cases that the Counter Trafficking in Persons Secretariat took to court"),
            ["Counter Trafficking in Persons Secretariat"]
        );
        // Not after other words: `in` is where the body is.
        assert_eq!(
            names("staff in Nairobi City Water Board met"),
            ["Nairobi City Water Board"]
        );
    }

    #[test]
    fn an_imperative_and_the_open_a_charity_name() {
        assert_eq!(
            names("rangers of Save the Rhino Trust and Feed the Minds Foundation helped"),
            ["Save the Rhino Trust", "Feed the Minds Foundation"]
        );
        assert_eq!(
            names("to protect the Kafue National Park Authority"),
            ["Kafue National Park Authority"]
        );
    }

    #[test]
    fn a_body_of_another_body_is_two_names() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The Financial Intelligence Centre of the Bank of Namibia traced the money.",
                &["Financial Intelligence Centre", "Bank of Namibia"],
            ),
            (
                "lecturers from Fourah Bay College of the University of Sierra Leone will teach",
                &["Fourah Bay College", "University of Sierra Leone"],
            ),
            (
                "a report by the Anti-Money Laundering Office of the Ministry of Finance was read",
                &["Anti-Money Laundering Office", "Ministry of Finance"],
            ),
            (
                "The Department of Urban Planning of the University of Nairobi trained them.",
                &["University of Nairobi"],
            ),
            (
                "The Research Centre of the University of Ghana and Korle Bu Teaching Hospital met.",
                &["University of Ghana", "Korle Bu Teaching Hospital"],
            ),
            (
                "the Research Unit of the Central Bank of Kenya said",
                &["Central Bank of Kenya"],
            ),
            // One name: the other words are no body with a head of their own.
            (
                "a letter from the Ministry of External Affairs of the Republic of Palau arrived",
                &["Ministry of External Affairs of the Republic of Palau"],
            ),
            (
                "cases went to the Office of the Attorney-General and the police",
                &["Office of the Attorney-General"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn a_place_with_a_lower_case_particle_stays_in_the_name() {
        assert_eq!(
            names(
                "Researchers of the University of Dar es Salaam and Ifakara Health Institute met."
            ),
            ["University of Dar es Salaam", "Ifakara Health Institute"]
        );
        assert_eq!(
            names(
                "It was run by the Pontifical Catholic University of Santiago de los Caballeros."
            ),
            ["Pontifical Catholic University of Santiago de los Caballeros"]
        );
        // A lower-case word that is no place's still ends the name.
        assert_eq!(
            names("Staff of the University of Nairobi es said."),
            ["University of Nairobi"]
        );
    }

    #[test]
    fn a_possessive_before_a_lower_case_word_is_the_whole_names() {
        assert_eq!(
            names("Donors should fund the Ministry of Education and Higher Education's catch-up classes."),
            ["Ministry of Education and Higher Education"]
        );
        // A place's possessive opens another name.
        assert_eq!(
            names("It thanked the Ministry of Health and Myanmar's Department of Fisheries."),
            ["Ministry of Health", "Department of Fisheries"]
        );
        // Before a body of the ministry, the possessive is the ministry's.
        assert_eq!(
            names("Officials of the Ministry of Interior and National Administration's Directorate of Immigration Services met."),
            ["Ministry of Interior and National Administration", "Directorate of Immigration Services"]
        );
    }

    #[test]
    fn a_universitys_own_school_is_no_organisation() {
        assert_eq!(
            names("The University of Zambia's School of Natural Resources will repeat the survey."),
            ["University of Zambia"]
        );
        assert_eq!(
            names("Makerere University's Department of Geography and the Uganda Police Force met."),
            ["Makerere University", "Uganda Police Force"]
        );
        // Owned by a country or a ministry, it is a body of its own.
        assert_eq!(
            names("The Ministry of Health's Department of Nursing trained them."),
            ["Ministry of Health", "Department of Nursing"]
        );
    }

    #[test]
    fn a_short_name_inside_a_programmes_name_is_none() {
        assert!(
            names("Meals come under the Home-Grown School Feeding Programme, which pays.")
                .is_empty()
        );
        assert_eq!(
            names("Funds go to the Kenya Red Cross Cash Transfer Programme."),
            ["Kenya Red Cross"]
        );
        // A name with a complement is not dropped (here the complement
        // runs on into the programme's words).
        assert_eq!(
            names("The Ministry of Health Expanded Programme on Immunization ran.").len(),
            1
        );
    }

    #[test]
    fn a_company_named_in_full() {
        assert_eq!(
            names("The Electricity Company of Ghana will connect 420 schools."),
            ["Electricity Company of Ghana"]
        );
        assert!(names("Company officials said it would pay.").is_empty());
    }

    #[test]
    fn up_to_five_words_before_a_joined_and_when_the_opens_them() {
        assert_eq!(
            names("Alerts go to the Lusaka City Flood Risk Reduction and Response Office, daily."),
            ["Lusaka City Flood Risk Reduction and Response Office"]
        );
        assert_eq!(
            names("The Kigali Water and Sanitation Corporation said it would pay."),
            ["Kigali Water and Sanitation Corporation"]
        );
        // A head before the "and" ends the group: two names.
        assert_eq!(
            names("It thanked the Kenya Red Cross and Safaricom Foundation staff."),
            ["Kenya Red Cross", "Safaricom Foundation"]
        );
    }

    #[test]
    fn training_names_a_body_before_its_head() {
        assert_eq!(
            names("Courses are run by the Vocational Training Authority of Sri Lanka."),
            ["Vocational Training Authority of Sri Lanka"]
        );
        assert!(names("The Training Programme starts in May.").is_empty());
    }

    #[test]
    fn a_known_short_name_going_on_with_for_is_another_body() {
        assert_eq!(
            names("It is led by the State Department for Gender Affairs and the Family Economy, today."),
            ["State Department for Gender Affairs and the Family Economy"]
        );
        assert!(names(
            "said X, High Representative of the European Union for Foreign Affairs and Security Policy."
        )
        .is_empty());
    }

    #[test]
    fn a_local_government_named_with_its_level() {
        assert_eq!(
            names("The Cebu City Government and the Kano State Government met."),
            ["Cebu City Government", "Kano State Government"]
        );
        assert!(names("The Kenyan Government and the City Government met.").is_empty());
        assert!(names("It was paid by the Government of Malawi.").is_empty());
    }

    #[test]
    fn a_country_of_several_words_before_a_possessive_is_no_part_of_the_name() {
        assert_eq!(
            names("It was funded by South Africa's Department of Social Development."),
            ["Department of Social Development"]
        );
        assert_eq!(
            names("It thanked Papua New Guinea's Department of Health."),
            ["Department of Health"]
        );
        assert_eq!(
            names("It went to the Prosecutor's Office on Monday."),
            ["Prosecutor's Office"]
        );
    }

    #[test]
    fn a_comma_list_opened_by_the_before_the_head() {
        assert_eq!(
            names("The case went before the Water, Utilities and Wildlife Court today."),
            ["Water, Utilities and Wildlife Court"]
        );
        assert_eq!(
            names("It thanked the Health, Water and Sanitation Authority."),
            ["Health, Water and Sanitation Authority"]
        );
        // Not opened by "the": the list is names of their own.
        assert_eq!(
            names("It thanked Oxfam, Water and Sanitation Authority staff."),
            ["Sanitation Authority"]
        );
    }

    #[test]
    fn ministries_and_offices_with_their_complement() {
        let cases: &[(&str, &[&str])] = &[
            (
                "officials of the Peruvian Ministry of Fisheries and Aquaculture met today",
                &["Peruvian Ministry of Fisheries and Aquaculture"],
            ),
            (
                "cases went to the Office of the Attorney-General and the police",
                &["Office of the Attorney-General"],
            ),
            (
                "staff of the Ministry of Youth, Sports and Culture attended",
                &["Ministry of Youth, Sports and Culture"],
            ),
            (
                "talks between the Ministry of Trade and the Ministry of Finance were held",
                &["Ministry of Trade", "Ministry of Finance"],
            ),
            (
                "a letter from the Ministry of External Affairs of the Republic of Palau arrived",
                &["Ministry of External Affairs of the Republic of Palau"],
            ),
            (
                "cases sent to the Fraud Prosecutor's Office last month",
                &["Fraud Prosecutor's Office"],
            ),
            (
                "a grant from Kenya's Ministry of Health and Brazil's Fundação Oswaldo Cruz",
                &["Ministry of Health", "Fundação Oswaldo Cruz"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn police_forces_universities_and_ngos() {
        let cases: &[(&str, &[&str])] = &[
            (
                "officers of the Zambia Police Service were trained",
                &["Zambia Police Service"],
            ),
            (
                "vessels of the Royal Danish Navy and the Estonian Coast Guard patrolled",
                &["Royal Danish Navy", "Estonian Coast Guard"],
            ),
            (
                "the National Police of Peru said",
                &["National Police of Peru"],
            ),
            (
                "researchers at Kyambogo University and the University of Leeds",
                &["Kyambogo University", "University of Leeds"],
            ),
            (
                "shelters run by the Sunrise Hope Foundation",
                &["Sunrise Hope Foundation"],
            ),
            (
                "volunteers from the Red Crescent Society of Oman helped",
                &["Red Crescent Society of Oman"],
            ),
            (
                "students from the American University in Cairo attended",
                &["American University in Cairo"],
            ),
            (
                "a research centre hosted by Abdou Moumouni University in Niamey.",
                &["Abdou Moumouni University"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn other_languages_new_and_joined_names() {
        let cases: &[(&str, &[&str])] = &[
            (
                "officers of New Zealand Police and the New Harvest Savings Bank met",
                &["New Zealand Police", "New Harvest Savings Bank"],
            ),
            (
                "works by the Ministerio de Medio Ambiente y Agua, the ministry",
                &["Ministerio de Medio Ambiente y Agua"],
            ),
            (
                "sites run by the Agence Nationale d'Électrification Rurale today",
                &["Agence Nationale d'Électrification Rurale"],
            ),
            (
                "loans from Cassa Depositi e Prestiti and others",
                &["Cassa Depositi e Prestiti"],
            ),
            (
                "the Peace and Security Council met today in closed session",
                &["Peace and Security Council"],
            ),
            (
                "researchers at the London School of Hygiene & Tropical Medicine said",
                &["London School of Hygiene & Tropical Medicine"],
            ),
            (
                "a study by Monash University in Australia and the University of Zurich and Peru",
                &["Monash University", "University of Zurich"],
            ),
            ("grants from the Wellcome Trust", &["Wellcome Trust"]),
            (
                "officers of the National Drug Law Enforcement Agency seized it",
                &["National Drug Law Enforcement Agency"],
            ),
            (
                "babies at the Moi Odhiambo Teaching and Referral Hospital in Eldoret were seen",
                &["Moi Odhiambo Teaching and Referral Hospital"],
            ),
            (
                "doctors at Kamuzu Central Hospital and the Netherlands Marine Corps helped",
                &["Kamuzu Central Hospital", "Netherlands Marine Corps"],
            ),
            (
                "a licence from Aspen Pharmacare Holdings Ltd and Kenya Airways",
                &["Aspen Pharmacare Holdings Ltd", "Kenya Airways"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn several_words_before_an_and_after_the() {
        assert_eq!(
            names("Seed was certified by the Seed Control and Certification Institute in May."),
            ["Seed Control and Certification Institute"]
        );
        assert_eq!(
            names(
                "Scientists from the Kenya Marine and Fisheries Research Institute took samples."
            ),
            ["Kenya Marine and Fisheries Research Institute"]
        );
        // Without "the" right before them, the words are another name.
        assert!(
            names("It was run by Concern Worldwide and Trinity College in May.")
                .iter()
                .all(|n| !n.starts_with("Concern"))
        );
    }

    #[test]
    fn boards_unions_and_plural_possessives() {
        assert_eq!(
            names("The Dangerous Drugs Board said the Zambia National Farmers' Union will help."),
            ["Dangerous Drugs Board", "Zambia National Farmers' Union"]
        );
        assert_eq!(
            names("The Autoridade Marítima Nacional took part."),
            ["Autoridade Marítima Nacional"]
        );
        assert_eq!(
            names("The Directorate-General for Natural Resources, Safety and Maritime Services took part."),
            ["Directorate-General for Natural Resources, Safety and Maritime Services"]
        );
        // A board of a body is a part of it.
        assert!(names("It was approved by the Board of Directors of the Bank today.").is_empty());
    }

    #[test]
    fn rejects_generic_parts_and_headlines() {
        let cases: &[&str] = &[
            "the Armed Forces and the Police",
            "the Ministry said",
            "the UNODC Regional Office for West Africa",
            "The Ministry Of Health Opens New Office",
            "MINISTRY OF HEALTH OPENS OFFICE",
            "the Minister of Health spoke",
            "the Trust Fund Board",
            "said the Commissioner of Police of Ruritania and the Inspector-General of Police of Utopia",
            "the EU Trust Fund for Africa",
            "New Police units were deployed",
            "by Concern Worldwide and Trinity",
            "the Action Plan Office",
            "the Law Enforcement Programme Office",
            "doctors at the District Hospital and the Central Hospital and the Diplomatic Corps",
        ];
        for text in cases {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn a_known_organisation_after_and_ends_the_complement() {
        assert_eq!(
            names("It was run by the Greek Council for Refugees and Médecins du Monde in May."),
            ["Greek Council for Refugees"]
        );
        assert_eq!(
            names("Officials of the Ministry of Trade and Industry met."),
            ["Ministry of Trade and Industry"]
        );
        assert_eq!(
            names("Gavi and Stanbic Bank signed; Peace and Security Council members met."),
            ["Stanbic Bank", "Peace and Security Council"]
        );
        // A place after the `and` opens a name of its own.
        assert_eq!(
            names("Oxfam and Nairobi City Water Board signed; Food and Drug Administration staff met."),
            ["Nairobi City Water Board", "Food and Drug Administration"]
        );
    }

    #[test]
    fn a_comma_list_with_the_in_the_complement() {
        assert_eq!(
            names("It was signed by the Department of Climate Change, Energy, the Environment and Water today."),
            ["Department of Climate Change, Energy, the Environment and Water"]
        );
        assert_eq!(
            names("The Ministry of Tourism, the Arts and Culture met."),
            ["Ministry of Tourism, the Arts and Culture"]
        );
        // `the` before a body, a place or two words opens a name of its own.
        assert_eq!(
            names("It thanked the Ministry of Health, the Red Cross and Oxfam."),
            ["Ministry of Health"]
        );
        assert_eq!(
            names("It thanked the Ministry of Health, the Netherlands and Kenya."),
            ["Ministry of Health"]
        );
        assert_eq!(
            names("It thanked the Ministry of Health, the Global Fund and Gavi."),
            ["Ministry of Health"]
        );
    }

    #[test]
    fn lists_inside_a_complement_in_french() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Il a rencontré le Ministère de l'Éducation Nationale, de l'Alphabétisation et de la Promotion des Langues Nationales hier.",
                &["Ministère de l'Éducation Nationale, de l'Alphabétisation et de la Promotion des Langues Nationales"],
            ),
            (
                "It met the Commission Nationale d'Accueil, de Réinsertion des Réfugiés et des Rapatriés today.",
                &["Commission Nationale d'Accueil, de Réinsertion des Réfugiés et des Rapatriés"],
            ),
            (
                "Il a vu le Ministère de la Santé et de l'Hygiène Publique hier.",
                &["Ministère de la Santé et de l'Hygiène Publique"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
        // A comma before another body ends the name.
        let text = "Il a rencontré le Ministère de la Santé, de la Banque Mondiale et de l'OMS.";
        assert_eq!(
            names(text).first().map(String::as_str),
            Some("Ministère de la Santé")
        );
    }

    #[test]
    fn generic_names_owned_by_a_country() {
        assert_eq!(
            names("Brazil's Federal Police said the camps were destroyed."),
            ["Federal Police"]
        );
        assert_eq!(
            names("Officers from Kenya's National Police Service took part."),
            ["National Police Service"]
        );
        // Without the country's possessive, one generic word alone is no
        // name, except before a police or armed service standing alone.
        assert!(names("The Federal Office said the camps were destroyed.").is_empty());
        assert_eq!(
            names("The Federal Police said the camps were destroyed."),
            ["Federal Police"]
        );
        // Two make one.
        assert_eq!(
            names("It worked with the National Intelligence Bureau and the State Security Agency."),
            ["National Intelligence Bureau", "State Security Agency"]
        );
        assert!(names("The team's Federal Police liaison arrived.").is_empty());
    }

    #[test]
    fn customs_administrations() {
        assert_eq!(
            names("Officers of the Croatian Customs Administration seized it."),
            ["Croatian Customs Administration"]
        );
    }

    #[test]
    fn funds_that_are_institutions() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Loans came from the Samoa Investment Fund and the Pacific Development Fund.",
                &["Samoa Investment Fund", "Pacific Development Fund"],
            ),
            (
                "Workers register with the National Social Security Fund this year.",
                &["National Social Security Fund"],
            ),
            (
                "It was co-financed by the Queen Rania Fund for Rural Development in 2025.",
                &["Queen Rania Fund for Rural Development"],
            ),
            // Funds that are programmes: a trust fund, a fund for a cause.
            (
                "Grants from the Development Trust Fund and the Future Drought Fund helped.",
                &[],
            ),
            (
                "It is paid by the Fund for Stability in the Sahel and the Fund for Development.",
                &[],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn regnal_numbers_inside_names() {
        assert_eq!(
            names("Students of the Mohammed VI Polytechnic University helped."),
            ["Mohammed VI Polytechnic University"]
        );
        assert_eq!(
            names("It trained staff of the Hassan II Agronomy and Veterinary Institute in May."),
            ["Hassan II Agronomy and Veterinary Institute"]
        );
        assert_eq!(
            names("Lecturers at Mohammed V University and Makerere University met."),
            ["Mohammed V University", "Makerere University"]
        );
        // An acronym before the head is still a parent's sub-unit.
        assert!(names("The IOM VI Office opened.").is_empty());
    }

    #[test]
    fn a_contact_label_ends_a_name() {
        assert_eq!(
            names("The delegation met the Ministry of Foreign Affairs of the Kyrgyz Republic Tel.: +996 312 62 05 45"),
            ["Ministry of Foreign Affairs of the Kyrgyz Republic"]
        );
    }

    #[test]
    fn a_programme_after_for_the_ends_the_name() {
        let got = names(
            "The bank approved a loan to the Department of Finance for the Inclusive Finance Development Program on Friday.",
        );
        assert_eq!(got, ["Department of Finance"]);
        // A complement that names no programme goes on.
        assert_eq!(
            names("The Office for the Coordination of Humanitarian Affairs met."),
            ["Office for the Coordination of Humanitarian Affairs"]
        );
    }

    #[test]
    fn a_countrys_name_of_two_words_after_and_the_opens_another_body() {
        let got = names(
            "The Department of Internal Affairs and the New Zealand Financial Intelligence Unit worked together.",
        );
        assert_eq!(
            got.first().map(String::as_str),
            Some("Department of Internal Affairs")
        );
    }

    #[test]
    fn fourth_pass_names() {
        let cases: &[(&str, &[&str])] = &[
            (
                "a partnership with the Port of Rotterdam Authority and others",
                &["Port of Rotterdam Authority"],
            ),
            (
                "The Centre for Humanitarian Dialogue and the Norwegian Church Aid said so.",
                &["Centre for Humanitarian Dialogue"],
            ),
            (
                "Representatives of Kenya Ports Authority attended.",
                &["Kenya Ports Authority"],
            ),
            (
                "In Mali, the Directorate-General for Social Development and the Solidarity Economy runs the sites",
                &["Directorate-General for Social Development and the Solidarity Economy"],
            ),
            (
                "never reach a clinic.\u{201d} KEMRI and Maseno University will study it",
                &["Maseno University"],
            ),
            (
                "the flood line. Manila Water and Maynilad Water Services will move pumping stations",
                &["Maynilad Water Services"],
            ),
            // Not joined: a known organisation or a head after `and the`,
            // a lower-case port, generic words before a plural.
            (
                "the Ministry of Finance and the European Union signed",
                &["Ministry of Finance"],
            ),
            (
                "the Ministry of Finance and the Central Bank of Kenya signed",
                &["Ministry of Finance", "Central Bank of Kenya"],
            ),
            ("ships at the port of Sines docked", &[]),
            ("staff of the National Social Services met", &[]),
            ("Rear Admiral Nuno Miguel Cortes Lopes said", &[]),
            (
                "boats were seized by the National Institute of Fisheries and the NGO Stop Illegal Fishing last week",
                &["National Institute of Fisheries"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }
}
