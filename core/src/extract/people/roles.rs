//! The evidence around a name run: honorifics, speech verbs, cue phrases and
//! the role written before the name or in apposition after it.

use std::borrow::Cow;

use super::lexicon::{is_article, is_connector, is_punct, Honorific, Lexicon};
use super::names::Run;
use crate::extract::tokens::{is_all_caps, is_title_case, squash, tokenize, Kind, Token};

/// What the words around a name run say about it.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    courtesy: bool,
    title: bool,
    speech: bool,
    /// A cue phrase before the name (`chaired by`).
    cue: bool,
    /// `X, who keeps a library, ...`: `who` after the name.
    relative: bool,
    prefix_role: Option<String>,
    /// The prefix role ends on a role word or acronym, right before the name.
    prefix_is_sign: bool,
    appositive_role: Option<String>,
}

impl Evidence {
    pub(super) fn is_person(&self) -> bool {
        self.courtesy
            || self.title
            || self.speech
            || self.cue
            || self.relative
            || self.appositive_role.is_some()
            || self.prefix_role.is_some() && self.prefix_is_sign
    }

    pub(super) fn role(self) -> Option<String> {
        self.appositive_role.or(self.prefix_role)
    }
}

/// Most tokens of a role written before a name.
const ROLE_REACH: usize = 16;

/// A role written before a name.
pub(super) struct PrefixRole {
    start: usize,
    text: String,
    /// Ending on a role word or acronym (`UNODC Executive Director`) makes the
    /// phrase a sign of a person by itself; ending elsewhere (`Chief of
    /// Organized Crime and Illicit`) does not, since a capitalised pair after
    /// a capitalised phrase proves nothing.
    ends_on_role: bool,
}

/// One paragraph being read: its text, tokens, which of them are name words,
/// name runs, and which tokens lie in a name already taken for a person's (a
/// role phrase never reaches into another person's name).
pub(super) struct Passage<'a> {
    text: &'a str,
    pub(super) tokens: Cow<'a, [Token<'a>]>,
    /// [`Lexicon::is_name_word`] of each token, asked once.
    name_words: Vec<bool>,
    pub(super) runs: Vec<Run>,
    in_name: Vec<bool>,
}

impl<'a> Passage<'a> {
    pub(super) fn new(lex: &Lexicon, text: &'a str) -> Self {
        Self::with_tokens(lex, text, Cow::Owned(tokenize(text)))
    }

    /// The passage of `text` from its tokens ([`tokenize`]).
    pub(super) fn with_tokens(lex: &Lexicon, text: &'a str, tokens: Cow<'a, [Token<'a>]>) -> Self {
        let name_words: Vec<bool> = tokens.iter().map(|t| lex.is_name_word(t)).collect();
        let runs = lex.name_runs(&tokens, &name_words);
        let in_name = vec![false; tokens.len()];
        Passage {
            text,
            tokens,
            name_words,
            runs,
            in_name,
        }
    }

    /// Whether token `i` can be part of a person's name.
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        self.name_words.get(i).copied().unwrap_or(false)
    }

    /// Forgets the names taken, to read the passage again.
    pub(super) fn clear_names(&mut self) {
        self.in_name.fill(false);
    }

    pub(super) fn is_in_name(&self, i: usize) -> bool {
        self.in_name.get(i).copied().unwrap_or(false)
    }

    pub(super) fn mark_name(&mut self, run: Run) {
        let end = run.end.min(self.in_name.len());
        self.in_name[run.start.min(end)..end]
            .iter_mut()
            .for_each(|b| *b = true);
    }

    pub(super) fn slice(&self, first: usize, last: usize) -> String {
        match (self.tokens.get(first), self.tokens.get(last)) {
            (Some(a), Some(b)) if a.start < b.end => squash(&self.text[a.start..b.end]),
            _ => String::new(),
        }
    }
}

impl Lexicon {
    pub(super) fn evidence(&self, p: &Passage, run: Run) -> Evidence {
        let tokens = &p.tokens;
        let mut ev = Evidence::default();
        // Courtesy honorifics right before the name (`H.E.`, `Ms.`, `His Excellency`).
        let mut before = run.start;
        while let Some((start, Honorific::Courtesy)) = self.honorific_ending_at(tokens, before) {
            before = start;
            ev.courtesy = true;
        }
        ev.title = matches!(
            self.honorific_ending_at(tokens, before),
            Some((_, Honorific::Title))
        );
        let mut phrase_start = before;
        if let Some(prefix) = self.role_before(p, before) {
            phrase_start = prefix.start;
            ev.prefix_is_sign = prefix.ends_on_role;
            ev.prefix_role = Some(prefix.text);
        } else if is_punct(tokens.get(before.wrapping_sub(1)), &[","]) {
            // `the Minister of Interior, Mr. X`, `the EU Ambassador to Nigeria, X`
            // Or opening the sentence, the name closed by a comma: `Niger's
            // Minister of Energy, X, welcomed`, `Its Commissioner-General, X, said`.
            let closed = is_punct(tokens.get(self.suffix_end(tokens, run.end)), &[","]);
            let after_article = |r: &PrefixRole| {
                let before = r.start.checked_sub(1).and_then(|i| tokens.get(i));
                before.is_some_and(|t| {
                    is_article(t)
                        || is_possessive_determiner(t)
                        || is_speech_article(t)
                        || self.is_speech_verb(t)
                }) || r
                    .start
                    .checked_sub(1)
                    .is_some_and(|i| according_to(tokens, i))
                    || closed
                        && before.is_none_or(|t| is_punct(Some(t), &[".", "!", "?", "\"", "“"]))
            };
            // `the Council's country director, X`: lower-case words between
            // an owner's possessive and the role belong to the role. A role
            // opening capitalised is whole (`The minister met Zambia's
            // Minister of Health, X`).
            let widened = |mut r: PrefixRole| {
                let mut k = r.start;
                while k > 0
                    && tokens[r.start].text.starts_with(char::is_lowercase)
                    && r.start - k < 2
                    && tokens[k - 1].is_word()
                    && tokens[k - 1].text.starts_with(char::is_lowercase)
                    && !is_connector(&tokens[k - 1])
                    && !self.is_speech_verb(&tokens[k - 1])
                {
                    k -= 1;
                }
                if k < r.start && k > 0 && tokens[k - 1].kind == Kind::Possessive {
                    r.text = p.slice(k, before - 2);
                    r.start = k;
                } else if k < r.start && k > 0 && is_article(&tokens[k - 1]) {
                    // `the country director of WaterAid Malawi, X`: the
                    // article opens the lower-case words and the role.
                    r.text = p.slice(k, before - 2);
                    r.start = k;
                }
                r
            };
            // An owner's possessive before the role or opening it (`Zambia's
            // Minister of Health, X`).
            let owned = |r: &PrefixRole| {
                (r.start.saturating_sub(1)..before - 1).any(|i| tokens[i].kind == Kind::Possessive)
            };
            if let Some(prefix) = self
                .role_before(p, before - 1)
                .map(widened)
                .filter(|r| after_article(r) || owned(r))
            {
                ev.prefix_is_sign = true;
                phrase_start = prefix.start;
                ev.prefix_role = Some(prefix.text);
            }
        }
        // `said Ghada Waly`, `said UN High Commissioner for Refugees Filippo
        // Grandi`, `a déclaré le ministre de la Santé, X`, `said the Minister X`
        let speech_at = |i: usize| tokens.get(i).is_some_and(|t| self.is_speech_verb(t));
        let preceded_by_speech = [before, phrase_start].into_iter().any(|at| {
            at.checked_sub(1)
                .and_then(|i| tokens.get(i))
                .is_some_and(|t| {
                    // `The work adds Girls Learn and Lead`: `add` takes an
                    // object after a subject; it names a speaker only after
                    // a quote or a comma (`”, added Ana Ruiz`).
                    let transitive = matches!(t.text, "adds" | "added" | "add")
                        && at >= 2
                        && tokens.get(at - 2).is_some_and(|w| w.is_word());
                    self.is_speech_verb(t) && !transitive
                        || t.text == "to"
                            && at >= 2
                            && tokens[at - 2].text.eq_ignore_ascii_case("according")
                        || at < before && is_speech_article(t) && speech_at(at.wrapping_sub(2))
                })
        });
        ev.cue = self.cue_before(tokens, before) || self.cue_before(tokens, phrase_start);
        let after = self.skip_post_nominals(tokens, self.suffix_end(tokens, run.end));
        let mut verb_at = after;
        if is_punct(tokens.get(after), &[","]) {
            if let Some((role, stop)) = self.appositive(p, after + 1) {
                ev.appositive_role = Some(role);
                verb_at = if is_punct(tokens.get(stop), &[","]) {
                    stop + 1
                } else {
                    stop
                };
            } else if let Some(stop) = relative_clause_end(tokens, after + 1) {
                // `X, who heads a federation of cooperatives, said`
                verb_at = stop;
                ev.relative = true;
            } else {
                verb_at = after + 1;
            }
        }
        ev.speech = preceded_by_speech || self.is_speech_at(tokens, verb_at);
        ev
    }

    /// A role phrase ending just before token `end` (`UNODC Executive Director`
    /// before `Ghada Waly`); it must hold a role word.
    pub(super) fn role_before(&self, p: &Passage, end: usize) -> Option<PrefixRole> {
        let tokens = &p.tokens;
        let mut start = end;
        let mut has_role = false;
        // `Minister of Culture, Crafts and Tourism`: an `and` read already
        // (after the commas, reading backwards) lets commas join a list.
        let mut listed = false;
        while start > 0 && end - start < ROLE_REACH {
            let t = &tokens[start - 1];
            if p.in_name[start - 1] || self.is_courtesy(t) || according_to(tokens, start - 1) {
                break;
            }
            listed |= t.is_word() && t.text == "and" && !has_role;
            let fits = match t.kind {
                Kind::Possessive => true,
                Kind::Punct => {
                    t.text == ","
                        && listed
                        && !has_role
                        && tokens
                            .get(start.wrapping_sub(2))
                            .is_some_and(|w| w.is_word() && is_title_case(w.text))
                }
                Kind::Word if self.is_role_word(t) => {
                    has_role = true;
                    true
                }
                Kind::Word => {
                    is_connector(t)
                        || is_all_caps(t.text)
                        || is_title_case(t.text)
                        || is_french_connector(t)
                        || is_elided_title(t)
                        || t.text == "et"
                        || !has_role && self.is_postposed_adjective(tokens, start - 1, end)
                }
            };
            if !fits {
                break;
            }
            start -= 1;
        }
        // Sentence openers (`The`, `Today`) are not part of the role; inner
        // capitalised common words are (`for Children and Armed Conflict`).
        while start < end
            && (is_connector(&tokens[start])
                || is_french_connector(&tokens[start])
                || tokens[start].text == "et"
                || self.is_common(&tokens[start])
                || tokens[start].kind != Kind::Word)
        {
            start += 1;
        }
        let last = tokens.get(end.checked_sub(1)?)?;
        (has_role && start < end).then(|| PrefixRole {
            start,
            text: p.slice(start, end - 1),
            ends_on_role: self.is_role_word(last)
                || is_all_caps(last.text)
                || ends_on_country(tokens, start, end)
                || self.ends_on_remit(tokens, start, end),
        })
    }

    /// `High Commissioner for Human Rights`, `Special Envoy for Syria`: the
    /// role's last role word is followed by `for` or `on` and capitalised
    /// words only (its remit), which close the role as the role word would.
    /// After `of` the remit must end on an institution's word (`Minister of
    /// Climate and Environment X and`; `Chief of Organized Crime and Illicit`
    /// may stop inside its remit), and no comma may follow the capitalised
    /// words after it, which may go on with a list (`Minister of Climate
    /// Change Adaptation, Meteorology, ...`).
    fn ends_on_remit(&self, tokens: &[Token], start: usize, end: usize) -> bool {
        let Some(role) = (start..end).rev().find(|&k| self.is_role_word(&tokens[k])) else {
            return false;
        };
        let remit = &tokens[role + 1..end];
        remit.len() >= 2
            && (matches!(remit[0].text, "for" | "on")
                || remit[0].text == "of"
                    && remit.last().is_some_and(|t| self.is_institution_word(t))
                    && !tokens[end..]
                        .iter()
                        .find(|t| !(t.is_word() && is_title_case(t.text)))
                        .is_some_and(|t| t.is_mark(&[","])))
            && remit[1..].iter().all(|t| {
                t.is_word() && (is_title_case(t.text) || is_all_caps(t.text) || is_connector(t))
            })
            && remit.last().is_some_and(|t| is_title_case(t.text))
    }

    /// A role in apposition starting at token `start` (after the comma that
    /// follows a name), up to the comma, verb or sentence end that closes it:
    /// the role without a leading article, and the index of the closing token.
    fn appositive(&self, p: &Passage, start: usize) -> Option<(String, usize)> {
        let tokens = &p.tokens;
        let mut depth = 0usize;
        let mut words = 0;
        // `Pema Choden, a farmer and village volunteer in Punakha,`: a person
        // described after the name is as good a sign as a role.
        let mut role_seen = crate::extract::quotes::is_unnamed_person(tokens, start);
        let mut i = start;
        while let Some(t) = tokens.get(i) {
            match t.kind {
                Kind::Punct if t.text == "(" => depth += 1,
                Kind::Punct if t.text == ")" => depth = depth.saturating_sub(1),
                // `Minister of Mines, Energy and Water Resources`: a comma
                // inside a list of capitalised words that `and` closes.
                Kind::Punct
                    if depth == 0 && t.text == "," && role_seen && list_goes_on(tokens, i + 1) => {}
                Kind::Punct if depth == 0 && !matches!(t.text, "&" | "/" | "'" | "’") => break,
                Kind::Word if depth == 0 && self.is_apposition_stop(t) => break,
                Kind::Word => {
                    if words == 0 && p.is_name_word(i) && p.is_name_word(i + 1) {
                        return None; // a list of names, not a role
                    }
                    role_seen |= words < 6 && self.is_role_word(t);
                    words += 1;
                    if words > 25 {
                        return None;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        let first = if tokens.get(start).is_some_and(is_article) {
            start + 1
        } else {
            start
        };
        (role_seen && first < i).then(|| (p.slice(first, i - 1), i))
    }
}

/// Most tokens [`list_goes_on`] reads.
const LIST_REACH: usize = 16;

/// The tokens from `start` continue a list of capitalised words: items of
/// capitalised words separated by commas, the last after `and` (`Energy and
/// Water Resources`, `Energy, Mines and Water`).
/// Most words of a country's name closing a role (`Republic of Kazakhstan`).
pub(super) const COUNTRY_NAME_WORDS: usize = 4;

/// Whether the role phrase `tokens[start..end]` closes on a country's name
/// after `of`, `of the`, `to` or `in` (`the Deputy Minister of Foreign Affairs
/// of the Republic of Kazakhstan`, `First Deputy Minister of Foreign Affairs
/// of the Kyrgyz Republic`): in translated releases the name follows such a
/// role at once, without a comma.
fn ends_on_country(tokens: &[Token], start: usize, end: usize) -> bool {
    (1..=COUNTRY_NAME_WORDS).any(|n| {
        let Some(first) = end.checked_sub(n).filter(|&f| f > start) else {
            return false;
        };
        let words = &tokens[first..end];
        if !words
            .iter()
            .all(|t| t.is_word() && is_title_case(t.text) || t.text == "of")
        {
            return false;
        }
        let mut k = first - 1;
        if tokens[k].text == "the" && k > start {
            k -= 1;
        }
        let joined: Vec<&str> = words.iter().map(|t| t.text).collect();
        matches!(tokens[k].text, "of" | "to" | "in")
            && crate::extract::countries::lookup_name(&joined.join(" ")).is_some()
    })
}

fn list_goes_on(tokens: &[Token], start: usize) -> bool {
    let cap = |t: &Token| t.is_word() && is_title_case(t.text);
    let mut in_item = false;
    for t in tokens.iter().skip(start).take(LIST_REACH) {
        if t.is_word() && t.text == "and" {
            return in_item;
        }
        if cap(t) {
            in_item = true;
        } else if t.text == "," && in_item {
            in_item = false;
        } else if !(t.is_word() && matches!(t.text, "of" | "for" | "the") && in_item) {
            return false;
        }
    }
    false
}

/// French articles and `de` inside a role (`le ministre de la Santé`), and
/// `contre`, `pour` inside an organisation's name there (`la directrice pays
/// d'Action contre la Faim`).
fn is_french_connector(t: &Token) -> bool {
    t.is_word()
        && matches!(
            t.text,
            "de" | "du" | "des" | "la" | "le" | "les" | "contre" | "pour"
        )
}

/// A capitalised word after an elided French article or `de`, written as one
/// token: `l'Éducation`, `d'Oxfam`, `l’Eau`.
fn is_elided_title(t: &Token) -> bool {
    t.is_word()
        && ["l'", "d'", "l’", "d’"]
            .iter()
            .find_map(|p| t.text.strip_prefix(p))
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

impl Lexicon {
    /// A lower-case adjective after its noun, read backwards from the token
    /// before `end` (the name or its comma): right after a role word
    /// (`secrétaire permanent`, `directeur régional`), or closing the role
    /// after a capitalised word that `de`/`la` opens (`de la Santé publique`).
    fn is_postposed_adjective(&self, tokens: &[Token], i: usize, end: usize) -> bool {
        let t = &tokens[i];
        if !(t.is_word() && t.text.starts_with(char::is_lowercase)) || i == 0 {
            return false;
        }
        let prev = &tokens[i - 1];
        self.is_role_word(prev)
            || i + 1 == end
                && prev.is_word()
                && (is_title_case(prev.text) && i >= 2 && is_french_connector(&tokens[i - 2])
                    || is_elided_title(prev))
    }
}

/// An article or possessive between a speech verb and a role (`said the
/// Minister`, `a déclaré le ministre`, `a souligné sa directrice`).
fn is_speech_article(t: &Token) -> bool {
    t.is_word()
        && matches!(
            t.text,
            "the" | "le" | "la" | "sa" | "son" | "its" | "his" | "her" | "their"
        )
}

fn is_possessive_determiner(t: &Token) -> bool {
    // `Its Commissioner-General, X, said` opens a sentence.
    t.is_word()
        && matches!(
            t.text,
            "its" | "his" | "her" | "their" | "our" | "Its" | "His" | "Her" | "Their" | "Our"
        )
}

/// `, who heads the unit,`: a relative clause opening at `start`; the token
/// after the comma that closes it.
fn relative_clause_end(tokens: &[Token], start: usize) -> Option<usize> {
    if tokens.get(start).is_none_or(|t| t.text != "who") {
        return None;
    }
    let window = tokens.get(start..)?.iter().take(30);
    for (k, t) in window.enumerate() {
        if t.kind == Kind::Punct {
            return (t.text == ",").then_some(start + k + 1);
        }
    }
    None
}

/// `to` of `According to` at token `i`: a role after it opens there
/// (`According to Ibama's Director of Environmental Protection, X,`), the
/// two words are no part of it.
fn according_to(tokens: &[Token], i: usize) -> bool {
    tokens[i].text == "to" && i >= 1 && tokens[i - 1].text.eq_ignore_ascii_case("according")
}
