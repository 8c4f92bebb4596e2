//! Organisations named without a head word ("Tostan", "Living Goods",
//! "Wellcome Trust"), found by what the text says around them:
//! - a list after a cue (`cue_list`: "partners including A, B and C",
//!   "funded by the X and the Y");
//! - a noun that says what the name is (`cue_noun`): "the NGO X", "the
//!   anti-trafficking organisation X", "X, a Takoradi-based non-profit",
//!   "X, the Danish vaccine developer,";
//! - a role of an organisation (`cue_role`): "founder of X", "Executive
//!   Director of X", "director at X", "X's chief executive".
//!
//! A name is a run of capitalised words (with "the", "of", "for", "de", "en"
//! or "&" inside: "Save the Children"); it is not kept when it is a country or
//! place, begins with a person's title or role, or overlaps a name the other
//! sources found. One pass over the words; each cue reads a bounded number of
//! words around it.

use std::ops::Range;

use super::super::countries::{
    self,
    words::{Word, Words},
};
use super::Data;
use crate::text::{FilterBit, FilteredWordSet, WordFilter, WordMap};

/// Phrases as folded word keys, by their first word: a word that begins none
/// is turned away by the filter of first words, most without a lookup.
#[derive(Default)]
pub(super) struct Phrases {
    by_first: WordMap<String, Vec<Vec<String>>>,
    firsts: WordFilter,
}

impl Phrases {
    /// The phrases whose first word's key is `key`.
    fn starting(&self, key: &str) -> Option<&Vec<Vec<String>>> {
        self.starting_with_bit(key, WordFilter::word_bit(key))
    }

    /// [`Phrases::starting`] with `word`'s key, whose filter bit it holds.
    fn starting_word(&self, word: &Word) -> Option<&Vec<Vec<String>>> {
        self.starting_with_bit(&word.key, word.key_bit)
    }

    fn starting_with_bit(&self, key: &str, bit: FilterBit) -> Option<&Vec<Vec<String>>> {
        if !self.firsts.may_contain_bit(bit) {
            return None;
        }
        self.by_first.get(key)
    }
}

/// The cue phrases.
pub(super) struct Cues {
    lists: Phrases,
    nouns: Phrases,
    roles: Phrases,
    /// First words of every list and role cue, and the articles that open a
    /// noun cue: most words are none.
    openers: FilteredWordSet,
}

impl Cues {
    pub(super) fn load(lines: impl Fn(&'static str) -> Vec<&'static str>) -> Cues {
        let keys = |kind| {
            let mut by_first: WordMap<String, Vec<Vec<String>>> = WordMap::default();
            for p in lines(kind) {
                let words: Vec<String> = Words::new(p)
                    .list
                    .into_iter()
                    .map(|t| t.key.into())
                    .collect();
                if let Some(first) = words.first() {
                    by_first.entry(first.clone()).or_default().push(words);
                }
            }
            let mut firsts = WordFilter::default();
            for first in by_first.keys() {
                firsts.insert(first);
            }
            Phrases { by_first, firsts }
        };
        let (lists, nouns, roles) = (keys("cue_list"), keys("cue_noun"), keys("cue_role"));
        let openers = lists
            .by_first
            .keys()
            .chain(roles.by_first.keys())
            .cloned()
            .chain(["a", "an", "the", "which", "that"].map(String::from))
            .collect();
        Cues {
            lists,
            nouns,
            roles,
            openers,
        }
    }
}

/// Most words in one name, most names in one list, most words between an
/// article and its cue noun.
const MAX_WORDS: usize = 8;
const MAX_ITEMS: usize = 8;
const MAX_ADJECTIVES: usize = 4;

/// Words inside a name between capitalised words.
const INNER: [&str; 10] = [
    "the", "of", "for", "de", "del", "des", "du", "en", "la", "&",
];

/// Names the cues give in one piece; `covered[i]` marks words already in a
/// name found otherwise.
pub(super) fn names(data: &Data, tokens: &Words, covered: &[bool]) -> Vec<Range<usize>> {
    let cues = &data.cues;
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Most words open no cue, and are turned away by the filter.
        let opens = tokens
            .get(i)
            .is_some_and(|t| cues.openers.contains_with_bit(&t.key, t.key_bit));
        if !opens {
            coordinated(data, tokens, covered, i, &mut out);
            possessive_role(data, tokens, covered, i, &mut out);
            place_appositive(data, tokens, covered, i, &mut out);
            company(data, tokens, covered, i, &mut out);
            // Two rare capitalised words open the next two readers: a byte
            // check, then one match on the key.
            let t = tokens.get(i);
            let upper = t.is_some_and(|t| {
                t.surface
                    .as_bytes()
                    .first()
                    .is_some_and(u8::is_ascii_uppercase)
            });
            match t.filter(|_| upper).map_or("", |t| t.key.as_str()) {
                "division" => division(data, tokens, covered, i, &mut out),
                key if members_noun(key) => members_for(data, tokens, covered, i, &mut out),
                _ => {}
            }
            if tokens
                .get(i)
                .is_some_and(|t| matches!(t.key.as_str(), "two" | "three" | "four" | "both"))
            {
                plural_appositive(data, tokens, covered, i, &mut out);
            }
            i += 1;
            continue;
        }
        if let Some(len) = phrase_at(tokens, i, &cues.lists) {
            let mut at = i + len;
            // Items joined by a bare comma since the last `the`: the parts of
            // one name if a definition ends them (below).
            let mut bare = out.len();
            for _ in 0..MAX_ITEMS {
                let mut from = skip_article(tokens, at);
                if from > at {
                    bare = out.len();
                    // `help from the South Korean manufacturer EuBiologics`.
                    if let Some(n) =
                        noun_after(data, tokens, from).filter(|&n| tokens.adjacent(n - 1))
                    {
                        from = n;
                    }
                }
                let Some(end) = run_forward(tokens, from) else {
                    break;
                };
                // `managed by the European Climate, Infrastructure and
                // Environment Executive Agency (CINEA)`: a definition is
                // judged by the definitions, and the words a bare comma joined
                // to it are its own.
                if tokens.gap_after(end - 1).trim() == "(" {
                    out.truncate(bare);
                    break;
                }
                if not_an_item(data, tokens, end) {
                    break;
                }
                // `funded by the Sahel Resilience Partnership for Food
                // Security and Nutrition`, `by the Climate Adaptation and
                // Resilience for Africa (CARA) Facility`: a programme's name
                // ends the list.
                if programme_ahead(data, tokens, from)
                    || programme_fund(data, tokens, covered, from..end)
                {
                    break;
                }
                // `an agreement with Biovac, the Cape Town vaccine
                // manufacturer,`: a later item after a comma and `the` that
                // lower-case words go on from is an apposition, not a name.
                let later = at > i + len && from > at && tokens.gap_after(at - 1).trim() == ",";
                let goes_on = tokens.gap_after(end - 1).trim().is_empty()
                    && tokens
                        .get(end)
                        .is_some_and(|t| t.key != "and" && !capitalised(tokens, end));
                if later && goes_on {
                    break;
                }
                push(data, tokens, covered, from..end, &mut out);
                // ", " or " and " or ", and " joins the next item.
                let gap = tokens.gap_after(end - 1).trim();
                let and = tokens.get(end).is_some_and(|t| t.key == "and");
                at = match (gap, and) {
                    ("", true) | (",", true) => end + 1,
                    (",", false) => end,
                    _ => break,
                };
                if at >= tokens.len() {
                    break;
                }
            }
            i = at.max(i + 1);
            continue;
        }
        if let Some(len) = phrase_at(tokens, i, &cues.roles) {
            let of = i + len;
            // "founder of X", "director at X".
            let joined = tokens.adjacent(of - 1)
                && tokens
                    .get(of)
                    .is_some_and(|t| matches!(t.key.as_str(), "of" | "for" | "at"));
            if joined {
                let mut from = skip_article(tokens, of + 1);
                // "founder of the NGO Migrant Care": the name after the noun.
                if from > of + 1 {
                    if let Some(n) = noun_after(data, tokens, from) {
                        from = n;
                    }
                }
                // `Country Director for the Philippines Pavit Ramachandran`:
                // a place then no head word is the role's remit and a name.
                let remit = |end: usize| {
                    tokens
                        .get(from)
                        .is_some_and(|t| data.places.contains(t.key.as_str()))
                        && (from + 1..end).all(|k| {
                            tokens
                                .get(k)
                                .is_none_or(|t| !data.named_heads.contains(t.key.as_str()))
                        })
                };
                if let Some(end) = run_forward(tokens, from).filter(|&end| !remit(end)) {
                    push(data, tokens, covered, from..end, &mut out);
                }
            }
        }
        let key = tokens.get(i).map_or("", |t| t.key.as_str());
        if matches!(key, "a" | "an") && i > 0 && tokens.gap_after(i - 1).trim() == "," {
            // "X, a Takoradi-based non-profit": X ends before the comma.
            if let Some(n) = noun_after(data, tokens, i + 1) {
                let after = tokens.get(n);
                // `X, a joint venture of A and B`: a venture's owners follow.
                let venture = tokens.get(n - 1).is_some_and(|t| t.key == "venture");
                let ends = after.is_none_or(|t| t.key != "of" && t.key != "for")
                    || !tokens.adjacent(n - 1)
                    || venture;
                if ends {
                    if let Some(start) = run_backward(tokens, i - 1) {
                        push(data, tokens, covered, start..i, &mut out);
                    }
                }
            }
        }
        if key == "the" && i > 0 && tokens.gap_after(i - 1).trim() == "," {
            appositive(data, tokens, covered, i, &mut out);
        }

        if matches!(key, "which" | "that") {
            funder_before_verb(data, tokens, covered, i, &mut out);
        }
        if key == "the" {
            group_before_noun(data, tokens, covered, i, &mut out);
            // "the anti-trafficking organisation Maiti Nepal", "the NGO Emergency".
            if let Some(n) = noun_after(data, tokens, i + 1) {
                if tokens.adjacent(n - 1) {
                    if let Some(end) = run_forward(tokens, n) {
                        push(data, tokens, covered, n..end, &mut out);
                    }
                }
            }
        }
        i += 1;
    }
    out
}

/// Whether a list item that ends before word `end` goes on as something
/// else: an amount (`supported by EUR 5 million`), a project (`by the Better
/// Migration Management programme`) or a name in another language
/// (`Bibliothèque nationale de France`).
fn not_an_item(data: &Data, tokens: &Words, end: usize) -> bool {
    tokens.adjacent(end - 1)
        && tokens.get(end).is_some_and(|t| {
            t.surface.starts_with(|c: char| c.is_ascii_digit())
                || data.programme_heads.contains(t.key.as_str()) && !capitalised(tokens, end)
                || data.foreign_adjectives.contains(t.key.as_str())
        })
}

/// "a research effort that Wellcome has funded since 2026", "which the
/// Open Society Foundations fund": capitalised words after `which` or
/// `that` (word `i`) and before a verb of funding name the funder.
fn funder_before_verb(
    data: &Data,
    tokens: &Words,
    covered: &[bool],
    i: usize,
    out: &mut Vec<Range<usize>>,
) {
    let from = skip_article(tokens, i + 1);
    let Some(end) = run_forward(tokens, from) else {
        return;
    };
    let has = tokens
        .get(end)
        .is_some_and(|t| matches!(t.key.as_str(), "has" | "have" | "had"));
    let verb = if has { end + 1 } else { end };
    let funds = tokens.adjacent(end - 1)
        && (!has || tokens.adjacent(end))
        && tokens.get(verb).is_some_and(|t| {
            matches!(
                t.key.as_str(),
                "funds"
                    | "fund"
                    | "funded"
                    | "finances"
                    | "finance"
                    | "financed"
                    | "sponsors"
                    | "sponsored"
                    | "co-funds"
                    | "co-funded"
            )
        });
    if funds {
        push(data, tokens, covered, from..end, out);
    }
}

/// "the Missing Voices coalition, which ...": capitalised words after `the`
/// (word `i`, no place or demonym among them) right before a lower-case noun
/// for a group of bodies that a comma or `which`, `that` or a speech verb
/// closes name the group.
fn group_before_noun(
    data: &Data,
    tokens: &Words,
    covered: &[bool],
    i: usize,
    out: &mut Vec<Range<usize>>,
) {
    let Some(end) = run_forward(tokens, i + 1) else {
        return;
    };
    let group = tokens.adjacent(end - 1)
        && tokens.get(end).is_some_and(|t| {
            matches!(
                t.surface.as_str(),
                "coalition" | "network" | "alliance" | "consortium" | "movement" | "federation"
            )
        });
    if !group {
        return;
    }
    let closed = tokens.gap_after(end).trim() == ","
        || tokens
            .get(end + 1)
            .is_some_and(|t| matches!(t.key.as_str(), "which" | "that" | "said" | "says"));
    let placeless = (i + 1..end).all(|k| {
        tokens
            .get(k)
            .is_some_and(|t| !data.places.contains(t.key.as_str()))
    });
    // `the Southern African network`: an adjective of a place or region
    // last names no group.
    let adjective = tokens.get(end - 1).is_some_and(|t| {
        ["an", "ese", "ish", "ic"]
            .iter()
            .any(|e| t.key.ends_with(e))
    });
    if closed && placeless && !adjective {
        push(data, tokens, covered, i + 1..end, out);
    }
}

/// `Caritas Internationalis, Islamic Relief, Mercy Corps, Tearfund and
/// Action Against Hunger`: a list of three names or more closed by `and`,
/// at least half of them (two or more) organisations found otherwise,
/// names organisations in its other items too (a list holds one kind of
/// thing). Each item is a run of capitalised words ending on the list's
/// comma or `and`; an item that is a place, a role or a person's title is
/// not kept ([`push`]).
pub(super) fn homogeneous_lists(
    data: &Data,
    tokens: &Words,
    covered: &[bool],
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Most pieces name fewer than two organisations: nothing to read.
    if covered.iter().filter(|&&c| c).count() < 2 {
        return out;
    }
    let is_covered = |r: &Range<usize>| r.clone().all(|k| covered.get(k).copied().unwrap_or(false));
    let mut i = 0;
    while i < tokens.len() {
        let from = skip_article(tokens, i);
        let opens = capitalised(tokens, from)
            && (from == 0 || !(tokens.adjacent(from - 1) && capitalised(tokens, from - 1)));
        let Some(end) = opens.then(|| run_forward(tokens, from)).flatten() else {
            i += 1;
            continue;
        };
        let mut items: Vec<std::ops::Range<usize>> = Vec::with_capacity(MAX_ITEMS);
        items.push(from..end);
        let mut at = end;
        let mut closed = false;
        while items.len() < MAX_ITEMS {
            let gap = tokens.gap_after(at - 1).trim();
            let and = tokens.get(at).is_some_and(|t| t.key == "and");
            let next = match (gap, and) {
                (",", false) => at,
                ("", true) | (",", true) => at + 1,
                _ => break,
            };
            let f = skip_article(tokens, next);
            let Some(e) = run_forward(tokens, f) else {
                break;
            };
            items.push(f..e);
            at = e;
            if and {
                closed = true;
                break;
            }
        }
        // The last item ends the list: a comma, a full stop or a lower-case word.
        let ends = tokens.gap_after(at - 1).trim().is_empty()
            && tokens
                .get(at)
                .is_some_and(|t| !t.surface.starts_with(char::is_uppercase))
            || !tokens.gap_after(at - 1).trim().is_empty();
        // `Ministry of Fisheries and Livestock`: an item cut out of a longer
        // name found otherwise is no item.
        let cut = items.iter().any(|r| {
            is_covered(r)
                && (covered.get(r.end).copied().unwrap_or(false)
                    || r.start > 0 && covered.get(r.start - 1).copied().unwrap_or(false))
        });
        let found = items.iter().filter(|r| is_covered(r)).count();
        if closed && ends && !cut && items.len() >= 3 && found >= 2 && found * 2 >= items.len() {
            // An item with a head word was read by the patterns and left out
            // on purpose (`Federal Police`, `Public Relations Unit`), or is a
            // programme (`Container Control Programme`).
            let headed = |r: &Range<usize>| {
                let keys: Vec<&str> = r
                    .clone()
                    .filter_map(|k| tokens.get(k).map(|t| t.key.as_str()))
                    .collect();
                keys.iter().any(|key| {
                    data.named_heads.contains(key)
                        || data.programme_heads.contains(*key)
                        || data.programme_weak_heads.contains(*key)
                }) || data.subunits.holds(&format!(" {} ", keys.join(" ")))
            };
            for r in items
                .iter()
                .filter(|r| !is_covered(r) && r.len() <= 3 && !headed(r))
            {
                push(data, tokens, covered, r.clone(), &mut out);
            }
        }
        i = at.max(i + 1);
    }
    out
}

/// "Eskom and the National Energy Institute will", "the IFC and Biovac": one
/// capitalised word joined by `and` (word `i`) to a name found otherwise is
/// a body too. One word only, and not next to another capitalised word, so a
/// person's name (`Ana Ruiz and the WHO`) is never read as one.
fn coordinated(
    data: &Data,
    tokens: &Words,
    covered: &[bool],
    i: usize,
    out: &mut Vec<Range<usize>>,
) {
    if i == 0 || tokens.get(i).is_none_or(|t| t.key != "and") {
        return;
    }
    if !(tokens.adjacent(i - 1) && tokens.adjacent(i)) {
        return;
    }
    let is_covered = |k: usize| covered.get(k).copied().unwrap_or(false);
    let lone = |k: usize| {
        let open_before = k == 0
            || !tokens.adjacent(k - 1)
            || !capitalised(tokens, k - 1) && !inner(tokens, k - 1);
        let open_after =
            !tokens.adjacent(k) || !capitalised(tokens, k + 1) && !inner(tokens, k + 1);
        // Not a region or its adjective (`Europe and the AU`, `European and
        // ...`), not an acronym (read by the definitions: `UNCAC and the
        // Convention`, `Unctad`), not an item of a list (`Climate,
        // Infrastructure and Environment Agency`).
        let plain = tokens.get(k).is_some_and(|t| {
            let key = t.key.as_str();
            !data.regions.contains(key)
                && !matches!(key, "european" | "african" | "asian" | "american" | "arab")
                && !data.acronyms.contains_key(&t.surface.to_uppercase())
                && t.surface.chars().skip(1).any(char::is_lowercase)
        });
        // `Côte d'Ivoire`, `Bosnia and Herzegovina and UNEP`: the end of a
        // place's name.
        let tail = k > 0
            && (matches!(tokens.gap_after(k - 1).trim(), "," | "'" | "’")
                || k > 1
                    && k < i
                    && tokens.get(k - 1).is_some_and(|t| t.key == "and")
                    && tokens.adjacent(k - 2)
                    && capitalised(tokens, k - 2));
        let after_comma = tail;
        capitalised(tokens, k)
            && !is_covered(k)
            && open_before
            && open_after
            && plain
            && !after_comma
    };
    if is_covered(skip_article(tokens, i + 1)) && lone(i - 1) {
        push(data, tokens, covered, i - 1..i, out);
    } else if is_covered(i - 1) && lone(i + 1) {
        push(data, tokens, covered, i + 1..i + 2, out);
    } else if is_covered(i - 1) {
        // `The Wildlife Conservation Society and Space for Giants are`:
        // words joined by `for`, `of` or `&` name no person.
        let from = skip_article(tokens, i + 1);
        let Some(end) = run_forward(tokens, from) else {
            return;
        };
        let words = from..end;
        let joined_by = words
            .clone()
            .skip(1)
            .take(words.len().saturating_sub(2))
            .any(|k| {
                tokens
                    .get(k)
                    .is_some_and(|t| matches!(t.surface.as_str(), "for" | "of" | "&"))
            });
        let ends = !tokens.adjacent(end - 1)
            || tokens
                .get(end)
                .is_none_or(|t| !t.surface.starts_with(char::is_uppercase));
        if joined_by && ends && words.len() <= 4 {
            push(data, tokens, covered, words, out);
        }
    }
}

/// "Bavarian Nordic A/S, the Danish vaccine developer,": the name before
/// the comma when a cue noun (word `i` is "the") ends the apposition with a
/// comma or a full stop (not "the organisation's director"). A legal form
/// of short words joined by `/` (`A/S`) is left out.
fn appositive(
    data: &Data,
    tokens: &Words,
    covered: &[bool],
    i: usize,
    out: &mut Vec<Range<usize>>,
) {
    // "the Loc Troi Group, the country's largest rice company,": a
    // lower-case owner's possessive after the article is read past.
    let owner = i + 1;
    let from = if tokens.get(owner).is_some_and(|t| {
        t.surface.chars().all(char::is_lowercase) && t.surface.chars().count() >= 4
    }) && tokens.get(owner + 1).is_some_and(|t| t.key == "s")
        && matches!(tokens.gap_after(owner), "'" | "’")
        && tokens.adjacent(owner + 1)
    {
        owner + 2
    } else {
        owner
    };
    let Some(n) = noun_after(data, tokens, from) else {
        return;
    };
    // "Landcare Australia, a not-for-profit network of local groups,": the
    // noun's own `of` and up to three lower-case words.
    let n = of_lower_case(tokens, n).unwrap_or(n);
    if !tokens.gap_after(n - 1).trim().starts_with([',', '.', ';']) {
        return;
    }
    let mut last = i - 1;
    // At most one legal form ("A/S"): a long run of "x/y/z" is read once.
    if last >= 2
        && tokens.gap_before(last) == "/"
        && tokens
            .get(last)
            .is_some_and(|t| t.surface.chars().count() <= 2)
    {
        last -= 2;
    }
    if let Some(start) = run_backward(tokens, last) {
        let start = last_conjunct(tokens, start, last);
        push(data, tokens, covered, start..last + 1, out);
    }
}

/// `of local groups` after a cue noun that ends before word `n`: `of` and
/// one to three lower-case words, joined by spaces. One past the last.
fn of_lower_case(tokens: &Words, n: usize) -> Option<usize> {
    let of = tokens.adjacent(n - 1) && tokens.get(n).is_some_and(|t| t.surface == "of");
    if !of {
        return None;
    }
    let mut end = n + 1;
    while end < n + 4
        && tokens.adjacent(end - 1)
        && tokens
            .get(end)
            .is_some_and(|t| t.surface.chars().all(char::is_lowercase))
    {
        end += 1;
    }
    (end > n + 1).then_some(end)
}

/// `Helion Modules and SolarPower Europe, the industry association,`: a
/// singular apposition describes the last of two names joined by `and`
/// (words `start..=last`), when each side has two capitalised words or more
/// and the first no inner word (`Doctors for Peace and Justice` is one
/// name). The first word of the name the apposition describes.
fn last_conjunct(tokens: &Words, start: usize, last: usize) -> usize {
    let Some(and) = (start..=last)
        .rev()
        .find(|&k| tokens.get(k).is_some_and(|t| t.key == "and"))
    else {
        return start;
    };
    let before_plain = (start..and).all(|k| capitalised(tokens, k));
    let after_plain = (and + 1..=last).all(|k| capitalised(tokens, k));
    if before_plain && after_plain && and - start >= 2 && last - and >= 2 {
        and + 1
    } else {
        start
    }
}

/// "Nareva, Morocco's largest private power producer,": a place's
/// possessive (word `i` the place) opens an apposition after a comma; a cue
/// noun that a comma or a full stop ends names the words before the comma.
fn place_appositive(
    data: &Data,
    tokens: &Words,
    covered: &[bool],
    i: usize,
    out: &mut Vec<Range<usize>>,
) {
    // The cheap tests first: most words are not followed by `'s`.
    let opens = i > 0
        && tokens.get(i + 1).is_some_and(|t| t.key == "s")
        && tokens.gap_after(i - 1).trim() == ","
        && matches!(tokens.gap_after(i), "'" | "’")
        && tokens.adjacent(i + 1)
        && tokens.get(i).is_some_and(|t| {
            t.surface.starts_with(char::is_uppercase) && data.places.contains(t.key.as_str())
        });
    if !opens {
        return;
    }
    let Some(n) = noun_after(data, tokens, i + 2) else {
        return;
    };
    if !tokens.gap_after(n - 1).trim().starts_with([',', '.', ';']) {
        return;
    }
    if let Some(start) = run_backward(tokens, i - 1) {
        push(data, tokens, covered, start..i, out);
    }
}

/// "Siemens Energy said", "Kenya Power and the IFC": two or three
/// capitalised words ending on a company's word (word `i`: `Energy`,
/// `Biotech`, `Minerals`), standing alone (no capitalised word or `of` next
/// to them), none of them generic (`National`), a common adjective (`Clean`),
/// a role, a month or a sentence's first word (`The`).
fn company(data: &Data, tokens: &Words, covered: &[bool], i: usize, out: &mut Vec<Range<usize>>) {
    let title = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.surface.starts_with(char::is_uppercase)
                && t.surface.chars().skip(1).any(char::is_lowercase)
        })
    };
    // The list first: its filter turns most words away for less than
    // reading their characters.
    if i == 0
        || !tokens
            .get(i)
            .is_some_and(|t| data.company_words.contains_with_bit(&t.key, t.key_bit))
        || !title(i)
    {
        return;
    }
    // Alone on the right: no capitalised word, `of`, `for` or `and` + capital.
    if tokens.adjacent(i)
        && tokens.get(i + 1).is_some_and(|t| {
            t.surface.starts_with(char::is_uppercase) || matches!(t.key.as_str(), "of" | "for")
        })
    {
        return;
    }
    // `the Somalia Water, Sanitation and Hygiene Programme`: the first item
    // of a list of capitalised words inside a longer name.
    let listed = tokens.gap_after(i).trim() == ","
        && title(i + 1)
        && (i + 2..i + 5)
            .any(|k| tokens.get(k).is_some_and(|t| t.key == "and") && capitalised(tokens, k + 1));
    if listed {
        return;
    }
    let mut start = i;
    while start > 0 && i - start < 2 && tokens.adjacent(start - 1) && title(start - 1) {
        start -= 1;
    }
    if start == i || start > 0 && tokens.adjacent(start - 1) && capitalised(tokens, start - 1) {
        return;
    }
    // `Mr. Jan Energy`: a person's honorific before.
    if start > 0
        && tokens
            .get(start - 1)
            .is_some_and(|t| data.honorifics.contains(t.key.as_str()))
    {
        return;
    }
    let plain = (start..i).all(|k| {
        tokens.get(k).is_some_and(|t| {
            let key = t.key.as_str();
            !data.generic.contains(key)
                && !data.company_not_first.contains(key)
                && !data.name_stops.contains(key)
                && !data.time_words.contains(key)
                && !data.honorifics.contains(key)
                && !data.role_nouns.contains(t.surface.as_str())
                && !data.company_words.contains(key)
        })
    });
    if plain {
        push(data, tokens, covered, start..i + 1, out);
    }
}

/// "the ICT Division", "India's Central TB Division", "the Armed Forces
/// Division will": a government division named on its own (word `i` is
/// `Division`), after "the" or a country's possessive. Not a unit of a body
/// written with it: "the Protected Resources Division of the police", "the
/// Ecosystems Division at UNEP", "the Police's Cyber Crime Division", nor
/// one named after a role ("head of the Protected Resources Division").
fn division(data: &Data, tokens: &Words, covered: &[bool], i: usize, out: &mut Vec<Range<usize>>) {
    if i == 0
        || tokens
            .get(i)
            .is_none_or(|t| t.key != "division" || !capitalised(tokens, i))
        || !tokens.adjacent(i - 1)
    {
        return;
    }
    // Part of a body named after it.
    let unit_of = tokens.adjacent(i)
        && tokens
            .get(i + 1)
            .is_some_and(|t| matches!(t.key.as_str(), "of" | "at" | "for" | "in" | "within"))
        || matches!(tokens.gap_after(i), "'" | "’");
    if unit_of {
        return;
    }
    let Some(start) = run_backward(tokens, i - 1) else {
        return;
    };
    if start == 0 {
        return;
    }
    let key = |k: usize| tokens.get(k).map_or("", |t| t.key.as_str());
    let the = key(start - 1) == "the" && tokens.adjacent(start - 1);
    let role_before = the
        && start >= 3
        && key(start - 2) == "of"
        && tokens.get(start - 3).is_some_and(|t| {
            data.role_nouns.contains(t.key.as_str()) || data.role_nouns.contains(t.surface.as_str())
        });
    let country_possessive = start >= 2
        && key(start - 1) == "s"
        && matches!(tokens.gap_after(start - 2), "'" | "’")
        && tokens
            .get(start - 2)
            .is_some_and(|t| countries::lookup_name(&t.surface).is_some());
    if (the && !role_before) || country_possessive {
        push(data, tokens, covered, start..i + 1, out);
    }
}

/// A plural noun for people that opens a name with "for" or "Without"
/// ("Lawyers for Human Rights"), as a folded key.
pub(super) fn members_noun(key: &str) -> bool {
    matches!(
        key,
        "lawyers"
            | "doctors"
            | "physicians"
            | "journalists"
            | "reporters"
            | "engineers"
            | "teachers"
            | "scientists"
            | "students"
            | "mothers"
            | "parents"
            | "farmers"
            | "women"
            | "veterans"
    )
}

/// Word `i` opens a name of [`members_for`]'s shape: a capitalised plural
/// noun for people, then "for", "Without" or "sans" and a capitalised word.
pub(super) fn opens_members_for(tokens: &Words, i: usize) -> bool {
    capitalised(tokens, i)
        && tokens.get(i).is_some_and(|t| members_noun(&t.key))
        && tokens.adjacent(i)
        && tokens
            .get(i + 1)
            .is_some_and(|n| matches!(n.key.as_str(), "for" | "without" | "sans"))
        && tokens.adjacent(i + 1)
        && capitalised(tokens, i + 2)
}

/// "Lawyers for Human Rights", "Physicians for Social Responsibility",
/// "Engineers Without Borders": a capitalised plural noun for people (word
/// `i`, one of those [`names`] matches), then "for" or "Without" and
/// capitalised words, is an organisation's name with no head word.
fn members_for(
    data: &Data,
    tokens: &Words,
    covered: &[bool],
    i: usize,
    out: &mut Vec<Range<usize>>,
) {
    if !capitalised(tokens, i) || !tokens.adjacent(i) {
        return;
    }
    if !tokens
        .get(i + 1)
        .is_some_and(|n| matches!(n.key.as_str(), "for" | "without" | "sans"))
        || !tokens.adjacent(i + 1)
        || !capitalised(tokens, i + 2)
    {
        return;
    }
    // Inside a longer capitalised name: left to the other readers.
    if i > 0 && tokens.adjacent(i - 1) && capitalised(tokens, i - 1) {
        return;
    }
    let mut end = i + 2;
    while end < tokens.len() && end - i < MAX_WORDS && tokens.adjacent(end - 1) {
        if capitalised(tokens, end) {
            end += 1;
        } else if inner(tokens, end) && tokens.adjacent(end) && capitalised(tokens, end + 1) {
            end += 2;
        } else {
            break;
        }
    }
    push(data, tokens, covered, i..end, out);
}

/// "Sunculture and Zuwa Energy, two Malawian companies,": a number (word
/// `i`, after a comma) and a plural cue noun that a comma or a full stop
/// ends name each item of the list before the comma.
fn plural_appositive(
    data: &Data,
    tokens: &Words,
    covered: &[bool],
    i: usize,
    out: &mut Vec<Range<usize>>,
) {
    if i == 0 || tokens.gap_after(i - 1).trim() != "," {
        return;
    }
    let Some(n) = plural_noun_after(data, tokens, i + 1) else {
        return;
    };
    if !tokens.gap_after(n - 1).trim().starts_with([',', '.', ';']) {
        return;
    }
    // The items, read backwards: capitalised words (with inner words)
    // separated by "and" or commas.
    let mut items = Vec::new();
    let mut end = i;
    while items.len() < MAX_ITEMS && end > 0 && capitalised(tokens, end - 1) {
        let mut start = end - 1;
        while start > 0 && end - start < MAX_WORDS && joined(tokens, start - 1) {
            if capitalised(tokens, start - 1) {
                start -= 1;
            } else if start >= 2
                && inner(tokens, start - 1)
                && joined(tokens, start - 2)
                && capitalised(tokens, start - 2)
            {
                start -= 2;
            } else {
                break;
            }
        }
        items.push(start..end);
        let and = start >= 2
            && tokens.get(start - 1).is_some_and(|t| t.key == "and")
            && tokens.adjacent(start - 1)
            && tokens.adjacent(start - 2);
        end = if and {
            start - 1
        } else if start >= 1 && tokens.gap_after(start - 1).trim() == "," && items.len() > 1 {
            start
        } else {
            break;
        };
        // "the X and the Y": the article is left out.
        if tokens.get(end - 1).is_some_and(|t| t.surface == "the") && end >= 2 {
            end -= 1;
        }
    }
    if items.len() < 2 {
        return;
    }
    // Names read already inside the list (`Zuwa Energy`) are read again as its items.
    let first = items.last().map_or(i, |w| w.start);
    while out.last().is_some_and(|l: &Range<usize>| l.start >= first) {
        out.pop();
    }
    for words in items.into_iter().rev() {
        push(data, tokens, covered, words, out);
    }
}

/// After a number: up to a few lower-case or place words, then a plural
/// cue noun (`companies`, `NGOs`, `charities`); one past the noun.
fn plural_noun_after(data: &Data, tokens: &Words, from: usize) -> Option<usize> {
    for j in from..=from + MAX_ADJECTIVES {
        if j >= tokens.len() || !joined(tokens, j - 1) {
            return None;
        }
        let t = tokens.get(j)?;
        let key = t.key.as_str();
        let singular = if let Some(stem) = key.strip_suffix("ies") {
            format!("{stem}y")
        } else if let Some(stem) = key.strip_suffix('s') {
            stem.to_string()
        } else {
            String::new()
        };
        let is_noun = !singular.is_empty()
            && data
                .cues
                .nouns
                .starting(&singular)
                .is_some_and(|ps| ps.iter().any(|p| p.len() == 1));
        if is_noun {
            return Some(j + 1);
        }
        let title_case = t.surface.starts_with(char::is_uppercase);
        if title_case && !data.places.contains(t.key.as_str()) || matches!(key, "of" | "and" | "in")
        {
            return None;
        }
    }
    None
}

/// "Biovac's chief executive": the name before a possessive `'s` (word `i`)
/// that a role cue follows.
fn possessive_role(
    data: &Data,
    tokens: &Words,
    covered: &[bool],
    i: usize,
    out: &mut Vec<Range<usize>>,
) {
    let possessive = i > 0
        && tokens.get(i).is_some_and(|t| t.key == "s")
        && matches!(tokens.gap_after(i - 1), "'" | "’")
        && tokens.adjacent(i);
    if !possessive || phrase_at(tokens, i + 1, &data.cues.roles).is_none() {
        return;
    }
    // Capitalised words only: "and" joins two owners ("UNICEF and Biovac's").
    let mut start = i - 1;
    while start > 0
        && i - start < MAX_WORDS
        && joined(tokens, start - 1)
        && capitalised(tokens, start - 1)
    {
        start -= 1;
    }
    if capitalised(tokens, i - 1) {
        push(data, tokens, covered, start..i, out);
    }
}

/// Length of the cue phrase starting at word `i`, words joined by spaces or hyphens.
fn phrase_at(tokens: &Words, i: usize, phrases: &Phrases) -> Option<usize> {
    phrases
        .starting_word(tokens.get(i)?)?
        .iter()
        .filter(|p| {
            p.iter().enumerate().all(|(j, k)| {
                tokens.get(i + j).is_some_and(|t| &t.key == k)
                    && (j == 0 || joined(tokens, i + j - 1))
            })
        })
        .map(Vec::len)
        .max()
}

fn joined(tokens: &Words, i: usize) -> bool {
    tokens.adjacent(i) || matches!(tokens.gap_after(i), "-" | "‐")
}

/// After an article: up to a few lowercase or hyphenated words, then a cue
/// noun; one past the noun.
fn noun_after(data: &Data, tokens: &Words, from: usize) -> Option<usize> {
    let nouns = &data.cues.nouns;
    for j in from..=from + MAX_ADJECTIVES {
        if j >= tokens.len() || !(joined(tokens, j - 1) || possessive_gap(tokens, j - 1)) {
            return None;
        }
        let t = tokens.get(j)?;
        // A cue noun is written in lower case ("organisation") or capitals
        // ("NGO"); a capitalised one is part of a name ("EU Regional Trust Fund").
        let title_case = t.surface.starts_with(char::is_uppercase)
            && t.surface.chars().skip(1).any(char::is_lowercase);
        if !title_case {
            if let Some(len) = phrase_at(tokens, j, nouns) {
                return Some(j + len);
            }
        }
        // "the of", "a member of": not an adjective before the noun; nor is a
        // capitalised word, unless a demonym or place ("the Italian NGO").
        // "Takoradi-based": a capitalised word in a hyphenated adjective;
        // "South Korean": a capitalised word before a place.
        let before_place = || {
            tokens.adjacent(j)
                && tokens.get(j + 1).is_some_and(|n| {
                    n.surface.starts_with(char::is_uppercase)
                        && data.places.contains(n.key.as_str())
                })
        };
        let place = title_case
            && (data.places.contains(t.key.as_str())
                || matches!(tokens.gap_after(j), "-" | "‐")
                || before_place());
        if matches!(
            t.key.as_str(),
            "of" | "for" | "at" | "with" | "from" | "and" | "in"
        ) || (title_case && !place)
        {
            return None;
        }
    }
    None
}

/// A possessive between lower-case words `i` and `i + 1`: "women's rights
/// group" (`'` before an `s`), "farmers' research body" (`' ` after a plural).
fn possessive_gap(tokens: &Words, i: usize) -> bool {
    let lower = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.surface.chars().all(char::is_lowercase))
    };
    match tokens.gap_after(i) {
        "'" | "’" => lower(i) && tokens.get(i + 1).is_some_and(|t| t.surface == "s"),
        "' " | "’ " => {
            lower(i) && lower(i + 1) && tokens.get(i).is_some_and(|t| t.surface.ends_with('s'))
        }
        _ => false,
    }
}

fn skip_article(tokens: &Words, i: usize) -> usize {
    if tokens.get(i).is_some_and(|t| t.surface == "the") && tokens.adjacent(i) {
        i + 1
    } else {
        i
    }
}

fn capitalised(tokens: &Words, i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.surface.starts_with(char::is_uppercase))
}

fn inner(tokens: &Words, i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| INNER.contains(&t.surface.as_str()))
}

/// Capitalised words from `from`, with inner words between them: one past the last.
/// Most words [`programme_ahead`] reads.
const PROGRAMME_AHEAD: usize = 12;

/// A capitalised programme head (`Partnership`, `Facility`) among the words
/// from `from` before a comma or a sentence's end: the list item there
/// opens a programme's name.
fn programme_ahead(data: &Data, tokens: &Words, from: usize) -> bool {
    for k in from..(from + PROGRAMME_AHEAD).min(tokens.len()) {
        // `the Combating Wildlife Crime in Kenya and East Africa project`:
        // a head in lower case right after the name's capitalised words.
        let named = capitalised(tokens, k)
            || k > from && (capitalised(tokens, k - 1) || tokens.gap_after(k - 1).trim() == ")");
        if named
            && tokens
                .get(k)
                .is_some_and(|t| data.programme_heads.contains(t.key.as_str()))
        {
            return true;
        }
        let gap = tokens.gap_after(k);
        if gap.contains(',') || gap.contains('.') || gap.contains(';') || gap.contains(':') {
            return false;
        }
    }
    false
}

/// A `Fund` among words `words` that is a programme, not an institution
/// (`funded by the Internal Security Fund`; see
/// [`super::pattern::institution_fund`]). A fund found otherwise is known
/// (`the Global Fund`).
fn programme_fund(data: &Data, tokens: &Words, covered: &[bool], words: Range<usize>) -> bool {
    words.into_iter().any(|k| {
        tokens.get(k).is_some_and(|t| t.key == "fund")
            && !covered.get(k).copied().unwrap_or(false)
            && capitalised(tokens, k)
            && !super::pattern::institution_fund(data, tokens, k)
    })
}

fn run_forward(tokens: &Words, from: usize) -> Option<usize> {
    if !capitalised(tokens, from) {
        return None;
    }
    let mut end = from + 1;
    while end < tokens.len() && end - from < MAX_WORDS && joined(tokens, end - 1) {
        if capitalised(tokens, end) {
            end += 1;
        } else if inner(tokens, end) && joined(tokens, end) && capitalised(tokens, end + 1) {
            end += 2;
        } else {
            break;
        }
    }
    Some(end)
}

/// Capitalised words ending at word `last`, with inner words (and "and")
/// between them: the first.
fn run_backward(tokens: &Words, last: usize) -> Option<usize> {
    if !capitalised(tokens, last) {
        return None;
    }
    let mut start = last;
    while start > 0 && last - start < MAX_WORDS && joined(tokens, start - 1) {
        if capitalised(tokens, start - 1) {
            start -= 1;
        } else if start >= 2
            && (inner(tokens, start - 1) || tokens.get(start - 1).is_some_and(|t| t.key == "and"))
            && joined(tokens, start - 2)
            && capitalised(tokens, start - 2)
        {
            start -= 2;
        } else {
            break;
        }
    }
    Some(start)
}

/// Keeps a name unless it overlaps another, is a place, or reads as a person
/// or a sentence's first words.
fn push(
    data: &Data,
    tokens: &Words,
    covered: &[bool],
    mut words: Range<usize>,
    out: &mut Vec<Range<usize>>,
) {
    // A sentence's capitalised first word ("The", "This") is not part of the name.
    while words.start < words.end
        && tokens
            .get(words.start)
            .is_some_and(|t| data.name_stops.contains(t.key.as_str()) && t.key != "new")
    {
        words.start += 1;
    }
    if words.is_empty()
        || words
            .clone()
            .any(|i| covered.get(i).copied().unwrap_or(true))
    {
        return;
    }
    let text = super::text_of(tokens, words.start, words.end);
    let person_or_role = words.clone().any(|i| {
        tokens.get(i).is_some_and(|t| {
            data.role_nouns.contains(t.key.as_str())
                || data.time_words.contains(t.key.as_str())
                || t.key == "government"
        })
    });
    let place = countries::lookup_name(text).is_some()
        || (words.len() == 1
            && tokens
                .get(words.start)
                .is_some_and(|t| data.places.contains(t.key.as_str())));
    let short = text.chars().filter(|c| c.is_alphabetic()).count() < 3;
    if person_or_role || place || short || super::is_honorific(text) {
        return;
    }
    // A longer name read later replaces the parts a list cut it into
    // ("Save Somali Women" and "Children" of "Save Somali Women and Children, a ...").
    while out.last().is_some_and(|l: &Range<usize>| {
        l.end > words.start && l.start >= words.start && l.end <= words.end
    }) {
        out.pop();
    }
    if out
        .last()
        .is_none_or(|l: &Range<usize>| l.end <= words.start)
    {
        out.push(words);
    }
}
