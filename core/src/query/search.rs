//! Free text → scored documents: words ANDed, the word being typed matched as
//! a prefix, quoted phrases matched as phrases, a one-letter typo forgiven.

//!
//! Work per keystroke is bounded whatever the text: the query is cut to
//! `MAX_QUERY_CHARS` (in `Filter`, and again here), to `MAX_CLAUSES` words,
//! each word to `MAX_WORD_CHARS`; typos are corrected only for words of
//! `MIN_TYPO_LEN..=MAX_TYPO_LEN` letters, with at most `MAX_TYPO_TERMS`
//! candidate terms; and each clause reads the postings of at most
//! `MAX_EXPANSIONS` terms within a budget (`keep_most_frequent`).

use super::filter::{clamp_chars, MAX_QUERY_CHARS};
use super::inverted::{Inverted, Piece, Scored};
use crate::text::for_each_word;

/// Completions of a short prefix are capped to the most frequent ones, so
/// that typing one letter stays fast on a large corpus: at most this many
/// terms, and no more postings in all than `POSTINGS_PER_DOC` per document
/// (or `MIN_POSTINGS`). A one-letter prefix on 100,000 releases then reads
/// the few commonest words' postings, not 64 lists of tens of thousands.
const MAX_EXPANSIONS: usize = 64;
const POSTINGS_PER_DOC: usize = 3;
const MIN_POSTINGS: usize = 60_000;
/// Words shorter than this are not corrected: too many near neighbours.
const MIN_TYPO_LEN: usize = 5;
/// Words longer than this are not corrected: about 74 variants per letter,
/// and a 20-letter word with a typo is rare enough to be left alone.
const MAX_TYPO_LEN: usize = 20;
/// Candidate terms gathered from one word's typo variants, before ranking.
const MAX_TYPO_TERMS: usize = 256;
/// Words (a phrase's words included) read from one query; the rest is ignored.
pub(crate) const MAX_CLAUSE_WORDS: usize = 32;
/// A longer word is cut to this many characters and matched as a prefix, so
/// that it still finds the (rare) longer indexed word it starts.
pub(crate) const MAX_WORD_CHARS: usize = 64;
/// Score weights of inexact matches, relative to the word as typed.
const COMPLETION_WEIGHT: f32 = 0.8;
const TYPO_WEIGHT: f32 = 0.5;

const QUOTES: [char; 4] = ['"', '“', '”', '„'];

/// One part of a query: all parts must match.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Clause {
    /// A normalised word; `prefix` when it is the word being typed.
    Word {
        text: String,
        prefix: bool,
    },
    Phrase(Vec<String>),
}

/// Splits a query into words and quoted phrases. The last word is a prefix
/// when nothing (no space, no closing quote) follows it yet.
pub(crate) fn parse(query: &str) -> Vec<Clause> {
    let query = clamp_chars(query, MAX_QUERY_CHARS);
    let mut clauses = Vec::new();
    let mut budget = MAX_CLAUSE_WORDS;
    let mut cut_last = false;
    for (i, segment) in query.split(QUOTES).enumerate() {
        let mut words = Vec::new();
        for_each_word(segment, |w, _| {
            if words.len() < budget {
                let short = clamp_chars(w, MAX_WORD_CHARS);
                cut_last = short.len() < w.len();
                words.push(short.to_string());
            }
        });
        budget -= words.len();
        let quoted = i % 2 == 1;
        if quoted && words.len() > 1 {
            clauses.push(Clause::Phrase(words));
        } else {
            clauses.extend(words.into_iter().map(|text| Clause::Word {
                text,
                prefix: false,
            }));
        }
    }
    let typing = query.split(QUOTES).count() % 2 == 1
        && query.chars().last().is_some_and(char::is_alphanumeric);
    if let (true, Some(Clause::Word { prefix, .. })) = (typing || cut_last, clauses.last_mut()) {
        *prefix = true;
    }
    clauses
}

/// The word being typed at the end of a query (matched as a prefix), as
/// the index reads it; none when the query ends with a space or a quote.
pub fn word_being_typed(query: &str) -> Option<String> {
    match parse(query).pop()? {
        Clause::Word { text, prefix: true } => Some(text),
        _ => None,
    }
}

/// The documents matching every clause, sorted by doc, with summed scores;
/// and the dictionary terms that matched (for highlighting).
pub(crate) fn run(inv: &Inverted, clauses: &[Clause]) -> (Scored, Vec<String>) {
    let mut all = Vec::with_capacity(clauses.len());
    let mut terms = Vec::new();
    for clause in clauses {
        let (matches, used) = match clause {
            Clause::Word { text, prefix } => {
                let expansions = expand(inv, text, *prefix);
                let used: Vec<usize> = expansions.iter().map(|e| e.0).collect();
                match expansions[..] {
                    [(t, weight)] => (Matches::Term(t, weight), used),
                    _ => (Matches::Listed(word_matches(inv, &expansions)), used),
                }
            }
            Clause::Phrase(_) => {
                let (list, used) = clause_matches(inv, clause);
                (Matches::Listed(list), used)
            }
        };
        terms.extend(used.into_iter().map(|t| inv.term(t).to_string()));
        all.push(matches);
    }
    crate::order::sort_by(&mut terms, String::cmp);
    terms.dedup();
    // Shortest first (a term's list is as long as its document count).
    crate::order::sort_by_key(&mut all, |m| match m {
        Matches::Listed(list) => list.len(),
        Matches::Term(t, _) => inv.df(*t),
    });
    let mut all = all.into_iter();
    let mut acc = match all.next() {
        None => return (Vec::new(), terms),
        Some(Matches::Listed(list)) => list,
        Some(Matches::Term(t, weight)) => inv.scored(t, weight),
    };
    for matches in all {
        match matches {
            Matches::Listed(list) => acc = intersect(&acc, &list),
            Matches::Term(t, weight) => inv.keep_scored(&mut acc, t, weight),
        }
    }
    (acc, terms)
}

/// A clause's matches: listed, or, for a word that stands for one term,
/// that term's postings, read while intersecting. A word that nearly every
/// release has (`of`) was a list of every release: 8 MB at a million.
enum Matches {
    Listed(Scored),
    Term(usize, f32),
}

/// The pieces of the dictionary that a clause's lookups read and that are
/// not here yet: its words' own, then, when a word is no term and no prefix
/// of one, those of its one-typo neighbours (`expand`'s corrections). Its
/// postings are known once none is missing.
pub(crate) fn dictionary_read(inv: &Inverted, clause: &Clause) -> Vec<Piece> {
    match clause {
        Clause::Phrase(words) => words
            .iter()
            .flat_map(|w| inv.missing_dictionary(w, false))
            .collect(),
        Clause::Word { text, prefix } => {
            let own: Vec<Piece> = inv.missing_dictionary(text, *prefix).collect();
            match own.is_empty() && is_corrected(inv, text, *prefix) {
                true => one_edit_variants(text)
                    .iter()
                    .flat_map(|v| inv.missing_dictionary(v, *prefix))
                    .collect(),
                false => own,
            }
        }
    }
}

/// The terms whose postings a clause reads, and whether it reads their
/// positions too (a phrase): what `clause_matches` reads, without reading it.
pub(crate) fn terms_read(inv: &Inverted, clause: &Clause) -> (Vec<usize>, bool) {
    match clause {
        Clause::Phrase(words) => {
            let ids: Option<Vec<usize>> = words.iter().map(|w| inv.find(w)).collect();
            (ids.unwrap_or_default(), true)
        }
        Clause::Word { text, prefix } => (
            expand(inv, text, *prefix)
                .into_iter()
                .map(|e| e.0)
                .collect(),
            false,
        ),
    }
}

fn clause_matches(inv: &Inverted, clause: &Clause) -> (Scored, Vec<usize>) {
    match clause {
        Clause::Phrase(words) => {
            let ids: Option<Vec<usize>> = words.iter().map(|w| inv.find(w)).collect();
            match ids {
                Some(ids) => (inv.phrase(&ids), ids),
                None => (Vec::new(), Vec::new()),
            }
        }
        Clause::Word { text, prefix } => {
            let expansions = expand(inv, text, *prefix);
            let matches = word_matches(inv, &expansions);
            (matches, expansions.into_iter().map(|e| e.0).collect())
        }
    }
}

/// The documents of any of a word's terms (`expand`'s), each with its best score.
fn word_matches(inv: &Inverted, expansions: &[(usize, f32)]) -> Scored {
    let postings: usize = expansions.iter().map(|&(t, _)| inv.df(t)).sum();
    // Long lists (a short prefix): one score per document and a pass over
    // them beat merging the lists in log(lists) passes, and hold less than
    // two lists and their merge (at a million releases, 11 MB against 22
    // for two lists of most of them).
    match expansions.len() > 1 && postings > inv.n_docs() / 8 {
        true => {
            let mut best = vec![f32::NEG_INFINITY; inv.n_docs()];
            for &(t, w) in expansions {
                inv.score_max_into(t, w, &mut best);
            }
            // Sized by a count first: grown by doubling, the list of most
            // of a million releases held twice its size in the wasm heap's
            // high-water mark.
            let matched = best.iter().filter(|&&s| s != f32::NEG_INFINITY).count();
            let mut scored = Vec::with_capacity(matched);
            scored.extend((0u32..).zip(best).filter(|&(_, s)| s != f32::NEG_INFINITY));
            scored
        }
        false => union_max(expansions.iter().map(|&(t, w)| inv.scored(t, w)).collect()),
    }
}

/// Dictionary terms a word stands for, with score weights: the word itself,
/// its completions when typed as a prefix, else its one-typo neighbours.
fn expand(inv: &Inverted, word: &str, prefix: bool) -> Vec<(usize, f32)> {
    let mut out: Vec<(usize, f32)> = inv.find(word).map(|t| (t, 1.0)).into_iter().collect();
    if prefix {
        let completions = inv.prefix_range(word).filter(|&t| inv.term(t) != word);
        out.extend(completions.map(|t| (t, COMPLETION_WEIGHT)));
    }
    if is_corrected(inv, word, prefix) {
        let mut near: Vec<usize> = Vec::new();
        for variant in one_edit_variants(word) {
            let room = MAX_TYPO_TERMS - near.len();
            if prefix {
                near.extend(inv.prefix_range(&variant).take(room));
            } else {
                near.extend(inv.find(&variant));
            }
            if near.len() >= MAX_TYPO_TERMS {
                break;
            }
        }
        near.sort_unstable();
        near.dedup();
        out.extend(near.into_iter().map(|t| (t, TYPO_WEIGHT)));
    }
    keep_most_frequent(inv, out)
}

/// Whether `expand` looks for `word`'s one-typo neighbours: it is no term
/// (and, typed as a prefix, begins none) and has a length typos are looked
/// for at.
fn is_corrected(inv: &Inverted, word: &str, prefix: bool) -> bool {
    (MIN_TYPO_LEN..=MAX_TYPO_LEN).contains(&word.chars().count())
        && inv.find(word).is_none()
        && (!prefix || inv.prefix_range(word).is_empty())
}

/// Caps expansions (see `MAX_EXPANSIONS`), keeping the exact word and the most common terms.
fn keep_most_frequent(inv: &Inverted, terms: Vec<(usize, f32)>) -> Vec<(usize, f32)> {
    let budget = (inv.n_docs() * POSTINGS_PER_DOC).max(MIN_POSTINGS);
    // Each term's document count read once: a short prefix has thousands.
    let mut counted: Vec<(usize, f32, usize)> =
        terms.into_iter().map(|(t, w)| (t, w, inv.df(t))).collect();
    let total: usize = counted.iter().map(|t| t.2).sum();
    if counted.len() > MAX_EXPANSIONS || total > budget {
        crate::order::sort_by(&mut counted, |a, b| b.1.total_cmp(&a.1).then(b.2.cmp(&a.2)));
        let mut used = 0;
        let keep = counted
            .iter()
            .take(MAX_EXPANSIONS)
            .take_while(|t| {
                let first = used == 0;
                used += t.2;
                first || used <= budget
            })
            .count();
        counted.truncate(keep.max(1));
    }
    counted.into_iter().map(|(t, w, _)| (t, w)).collect()
}

/// Every string one deletion, transposition, substitution or insertion away
/// (Damerau–Levenshtein distance 1) over ASCII letters and digits.
fn one_edit_variants(word: &str) -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let chars: Vec<char> = word.chars().collect();
    let build = |parts: &[&[char]]| parts.iter().flat_map(|p| p.iter()).collect::<String>();
    let mut out = Vec::new();
    for i in 0..=chars.len() {
        let (head, tail) = chars.split_at(i);
        for &letter in ALPHABET {
            let c = [char::from(letter)];
            out.push(build(&[head, &c, tail]));
            if let Some(rest) = tail.get(1..) {
                out.push(build(&[head, &c, rest]));
            }
        }
        if let Some(rest) = tail.get(1..) {
            out.push(build(&[head, rest]));
        }
        if let (Some(&a), Some(&b), Some(rest)) = (tail.first(), tail.get(1), tail.get(2..)) {
            out.push(build(&[head, &[b, a], rest]));
        }
    }
    out.retain(|v| v != word);
    out
}

/// Union of sorted lists keeping each doc's best score: pairwise merges, O(n log k).
fn union_max(mut lists: Vec<Scored>) -> Scored {
    while lists.len() > 1 {
        let mut merged = Vec::with_capacity(lists.len().div_ceil(2));
        let mut it = lists.into_iter();
        while let Some(a) = it.next() {
            merged.push(match it.next() {
                Some(b) => merge_max(&a, &b),
                None => a,
            });
        }
        lists = merged;
    }
    lists.pop().unwrap_or_default()
}

fn merge_max(a: &[(u32, f32)], b: &[(u32, f32)]) -> Scored {
    // No more than the documents up to the last one: two long lists of a
    // large corpus overlap, and their summed length was twice the heap.
    let last = [a, b]
        .iter()
        .filter_map(|l| l.last())
        .map(|&(d, _)| d as usize + 1)
        .max();
    let last = last.unwrap_or(0);
    let mut out = Vec::with_capacity((a.len() + b.len()).min(last));
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if x.0 < y.0 {
            out.push(x);
            i += 1;
        } else if y.0 < x.0 {
            out.push(y);
            j += 1;
        } else {
            out.push((x.0, x.1.max(y.1)));
            i += 1;
            j += 1;
        }
    }
    out.extend_from_slice(a.get(i..).unwrap_or(&[]));
    out.extend_from_slice(b.get(j..).unwrap_or(&[]));
    out
}

/// Docs in both sorted lists, scores summed. Gallops (binary search) through
/// the longer list when it is much longer than the shorter one.
fn intersect(small: &[(u32, f32)], large: &[(u32, f32)]) -> Scored {
    let mut out = Vec::with_capacity(small.len().min(large.len()));
    let gallop = small.len() * 16 < large.len();
    let mut rest = large;
    for &(doc, score) in small {
        let skip = if gallop {
            rest.partition_point(|x| x.0 < doc)
        } else {
            rest.iter().take_while(|x| x.0 < doc).count()
        };
        rest = rest.get(skip..).unwrap_or(&[]);
        if let Some(&(d, s)) = rest.first() {
            if d == doc {
                out.push((doc, score + s));
                rest = rest.get(1..).unwrap_or(&[]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, prefix: bool) -> Clause {
        Clause::Word {
            text: text.into(),
            prefix,
        }
    }

    #[test]
    fn parses_words_phrases_and_the_word_being_typed() {
        let phrase = |w: &[&str]| Clause::Phrase(w.iter().map(|s| s.to_string()).collect());
        for (query, want) in [
            ("traff", vec![word("traff", true)]),
            ("traff ", vec![word("traff", false)]),
            (
                "Zürich Traff",
                vec![word("zurich", false), word("traff", true)],
            ),
            ("\"organized crime\"", vec![phrase(&["organized", "crime"])]),
            ("\"organized cri", vec![phrase(&["organized", "cri"])]),
            (
                "“crime” unodc",
                vec![word("crime", false), word("unodc", true)],
            ),
            (
                "a \"b c\" d",
                vec![word("a", false), phrase(&["b", "c"]), word("d", true)],
            ),
            ("!!", vec![]),
            ("", vec![]),
        ] {
            assert_eq!(parse(query), want, "{query}");
        }
    }

    #[test]
    fn the_word_being_typed_is_the_last_prefix() {
        for (query, want) in [
            ("traff", Some("traff")),
            ("Zürich T", Some("t")),
            ("traff ", None),
            ("\"organized cr", None),
            ("\"organized crime\" u", Some("u")),
            ("", None),
        ] {
            assert_eq!(word_being_typed(query).as_deref(), want, "{query}");
        }
    }

    #[test]
    fn any_query_is_cut_to_a_bounded_number_of_short_words() {
        let long_word = "x".repeat(100_000);
        let clauses = parse(&long_word);
        assert_eq!(clauses, [word(&"x".repeat(MAX_WORD_CHARS), true)]);
        // A cut word is matched as a prefix even when a space follows it.
        assert_eq!(
            parse(&format!("{long_word} ")),
            [word(&"x".repeat(MAX_WORD_CHARS), true)]
        );
        let many = "ab ".repeat(10_000);
        assert_eq!(parse(&many).len(), MAX_CLAUSE_WORDS);
        let phrases = "\"a b c\" ".repeat(100);
        let words: usize = parse(&phrases)
            .iter()
            .map(|c| match c {
                Clause::Phrase(w) => w.len(),
                Clause::Word { .. } => 1,
            })
            .sum();
        assert_eq!(words, MAX_CLAUSE_WORDS);
    }

    #[test]
    fn long_unknown_words_are_not_corrected() {
        use crate::query::inverted::{Builder, DocWords};
        let mut builder = Builder::default();
        let mut doc = DocWords::default();
        doc.field("traffickingpersonsmigrantss", 1);
        builder.add(&doc);
        let inv = builder.finish(crate::query::inverted::PieceSizes::default());
        // One edit away from an indexed 26-letter word, but above MAX_TYPO_LEN.
        assert!(expand(&inv, "traffickingpersonsmigrants", false).is_empty());
        assert!(expand(&inv, &"q".repeat(MAX_WORD_CHARS), true).is_empty());
    }

    #[test]
    fn a_short_prefix_scores_per_document_as_merging_its_lists_does() {
        use crate::query::inverted::{Builder, DocWords};
        // Words sharing "ma" (and two sharing "mas") in overlapping
        // documents, with different frequencies (scores), so that the best
        // of each document counts.
        let mut builder = Builder::default();
        for d in 0..40u32 {
            let mut doc = DocWords::default();
            let words = ["mango", "maple", "marble", "mast", "master", "zebra"];
            for (i, w) in words.iter().enumerate() {
                // Every fourth document has no word of the prefix.
                let times = match d % 4 == 0 && i < 5 {
                    true => 0,
                    false => 1 + (d as usize + i) % 3,
                };
                for _ in 0..times {
                    doc.field(w, 1);
                }
            }
            builder.add(&doc);
        }
        let inv = builder.finish(crate::query::inverted::PieceSizes::default());
        for (prefix, n_terms) in [("ma", 5), ("mas", 2)] {
            let expansions = expand(&inv, prefix, true);
            assert_eq!(expansions.len(), n_terms, "{expansions:?}");
            let merged = union_max(expansions.iter().map(|&(t, w)| inv.scored(t, w)).collect());
            let (scored, terms) = clause_matches(&inv, &word(prefix, true));
            assert_eq!(terms.len(), expansions.len());
            assert!(merged.len() > 20 && merged.len() < 40, "{}", merged.len());
            assert_eq!(scored, merged, "{prefix}");
        }
    }

    #[test]
    fn a_word_of_one_term_intersected_from_its_postings_gives_what_listing_it_gives() {
        use crate::query::inverted::{Builder, DocWords};
        // "of" in every document, "smuggling" in some, "migrants" and
        // "migration" (the prefix "mig") in others, with varied frequencies.
        let mut builder = Builder::default();
        for d in 0..60u32 {
            let mut doc = DocWords::default();
            for (w, every, times) in [
                ("of", 1, 1 + d % 2),
                ("smuggling", 2, 1 + d % 3),
                ("migrants", 3, 1),
                ("migration", 5, 2),
            ] {
                if d % every == 0 {
                    for _ in 0..times {
                        doc.field(w, 1);
                    }
                }
            }
            builder.add(&doc);
        }
        let inv = builder.finish(crate::query::inverted::PieceSizes::default());
        for query in [
            "smuggling of mig",
            "of smuggling",
            "of",
            "of of migrants ",
            "smuggling \"of\"",
        ] {
            let clauses = parse(query);
            // The lists as the search built them before: each clause's
            // matches listed, shortest first, intersected pairwise.
            let mut lists: Vec<Scored> =
                clauses.iter().map(|c| clause_matches(&inv, c).0).collect();
            crate::order::sort_by_key(&mut lists, Vec::len);
            let mut lists = lists.into_iter();
            let mut want = lists.next().unwrap_or_default();
            for list in lists {
                want = intersect(&want, &list);
            }
            let (got, _) = run(&inv, &clauses);
            assert!(!got.is_empty(), "{query}");
            assert_eq!(got, want, "{query}");
        }
    }

    #[test]
    fn one_edit_variants_cover_every_kind_of_typo() {
        let v = one_edit_variants("crime");
        for typo_fixed in ["crim", "rime", "crimes", "rcime", "crame", "acrime"] {
            assert!(v.iter().any(|x| x == typo_fixed), "{typo_fixed}");
        }
        assert!(!v.iter().any(|x| x == "crime"));
        assert!(one_edit_variants("").iter().all(|v| v.chars().count() == 1));
    }

    #[test]
    fn merges() {
        let a = vec![(1, 1.0), (3, 1.0), (5, 1.0)];
        let b = vec![(3, 2.0), (4, 2.0), (5, 0.5)];
        assert_eq!(merge_max(&a, &b), [(1, 1.0), (3, 2.0), (4, 2.0), (5, 1.0)]);
        assert_eq!(intersect(&a, &b), [(3, 3.0), (5, 1.5)]);
        let long: Scored = (0..100).map(|d| (d, 1.0)).collect();
        assert_eq!(intersect(&[(7, 1.0), (200, 1.0)], &long), [(7, 2.0)]);
        assert_eq!(
            union_max(vec![a.clone(), b, vec![(0, 1.0)], vec![]]).len(),
            5
        );
        assert!(union_max(vec![]).is_empty());
    }
}
