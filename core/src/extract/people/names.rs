//! Name runs: capitalised name words, particles (`St.`, patronymics) between
//! them, trimmed of a sentence opener and of a country name that opens them
//! or closes them after a particle.

use super::lexicon::{is_initial, is_patronymic, is_punct, Honorific, Lexicon};
use super::roles::{Passage, COUNTRY_NAME_WORDS};
use crate::extract::countries;
use crate::extract::tokens::{is_all_caps, is_title_case, Kind, Token};

/// A run of name words: tokens `start..end`, `words` of them name words (the
/// rest particles).
#[derive(Debug, Clone, Copy)]
pub(super) struct Run {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) words: usize,
}

impl Lexicon {
    /// Maximal runs of name words (`name_words[i]`: token `i` is one),
    /// particles allowed between them.
    pub(super) fn name_runs(&self, tokens: &[Token], name_words: &[bool]) -> Vec<Run> {
        let is_name_word = |k: usize| name_words.get(k).copied().unwrap_or(false);
        let mut runs = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !is_name_word(i) {
                i += 1;
                continue;
            }
            let mut run = Run {
                start: i,
                end: i + 1,
                words: 1,
            };
            let street = after_street_word(tokens, i);
            loop {
                let mut k = run.end;
                loop {
                    match self.particle_len(tokens, k) {
                        0 => break,
                        // `on Harbour St. Maria Lopez said`: `St.` ends an address.
                        2 if street => break,
                        n => k += n,
                    }
                }
                // `Jack Ma. Prices rose`: `Ma.` inside or at the end of a
                // name is a surname and its full stop ends the sentence;
                // only opening a name is it `María` (`Ma. Teresa`).
                let last = run.end - 1;
                if !is_name_word(k)
                    || last != run.start && self.is_given_abbreviation(&tokens[last])
                {
                    break;
                }
                run.end = k + 1;
                // `A. P. J. Abdul Kalam`: initials in a row count as one word.
                let initials = [k - 1, k].map(|i| is_initial(tokens[i].text));
                run.words += usize::from(initials != [true, true]);
            }
            // `Azamat Toktogul uulu`: a patronymic word closes the name.
            if tokens.get(run.end).is_some_and(is_patronymic) {
                run.end += 1;
            }
            i = run.end;
            let run = trim_portfolio(self, tokens, run, is_name_word);
            let run = self.trim_sentence_opener(tokens, run);
            runs.push(self.trim_countries(tokens, run));
        }
        runs
    }

    /// `Addressing Ghada Waly, ...`: a participle or adverb opening the sentence
    /// is not a first name.
    pub(super) fn trim_sentence_opener(&self, tokens: &[Token], mut run: Run) -> Run {
        let opens_sentence = run.start == 0
            || is_punct(
                tokens.get(run.start - 1),
                &[".", "!", "?", ":", ";", "\"", "“"],
            );
        let first = tokens[run.start].text;
        if run.words >= 3 && opens_sentence && (first.ends_with("ing") || first.ends_with("ly")) {
            run.start += 1;
            run.words -= 1;
            run.start = self.skip_particles(tokens, run.start);
        }
        run
    }

    /// The first token from `k` on that starts no particle.
    fn skip_particles(&self, tokens: &[Token], mut k: usize) -> usize {
        loop {
            match self.particle_len(tokens, k) {
                0 => return k,
                n => k += n,
            }
        }
    }

    /// `Iranian Abbas Bagherpour`, `in Chile Eve Crowley`: a country opening
    /// a long run is not part of the name, unless an honorific right before
    /// the run says the name starts there (`Dr. Georgia Ann Adams`). A country
    /// closing a run is cut only after a particle, which stands for `of`
    /// (`Policía Nacional del Ecuador`): right after a name word it is a
    /// surname (`Adriana Lúcia Montenegro`, `Ana María Jordan`).
    fn trim_countries(&self, tokens: &[Token], mut run: Run) -> Run {
        let is_country = |i: usize| {
            tokens
                .get(i)
                .is_some_and(|t| countries::lookup_name(t.text).is_some())
        };
        // The words of the longest country opening the run (`Viet Nam` of
        // `to Viet Nam Iain Frew`), a name of two words or more left after it.
        let opening_country = |run: &Run| {
            (1..=COUNTRY_NAME_WORDS.min(run.words.saturating_sub(2)))
                .rev()
                .find(|&n| {
                    let words: Vec<&str> = tokens[run.start..run.start + n]
                        .iter()
                        .map(|t| t.text)
                        .collect();
                    countries::lookup_name(&words.join(" ")).is_some()
                })
        };
        // Only a run of three words or more loses a country: the honorific
        // is looked for then.
        let after_honorific = run.words >= 3
            && matches!(
                self.honorific_ending_at(tokens, run.start),
                Some((_, Honorific::Courtesy | Honorific::Title))
            );
        while let Some(n) = opening_country(&run).filter(|_| !after_honorific) {
            run.start = self.skip_particles(tokens, run.start + n);
            run.words -= n;
        }
        let after_particle = |run: &Run| {
            run.end >= 2 && tokens.get(run.end - 2).is_some_and(|t| self.is_particle(t))
        };
        while run.words >= 3 && is_country(run.end - 1) && after_particle(&run) {
            run.end -= 1;
            run.words -= 1;
            // `Universidad Nacional de Colombia` leaves `Universidad Nacional`.
            while run.end > run.start
                && tokens.get(run.end - 1).is_some_and(|t| self.is_particle(t))
            {
                run.end -= 1;
            }
        }
        run
    }

    /// Runs that name something other than a person, whatever the evidence:
    /// - `Médecins Sans Frontières (MSF)`: defined with an acronym of its initials;
    /// - `Justice Sector Reform Framework`: the start of a longer capitalised
    ///   name ending on an institution or programme word;
    /// - `X, coordinator of Stop Illegal Fishing, said`: the organisation in
    ///   the role of the person named before it;
    /// - `Deputy Emergency Relief Coordinator`: words between two role words.
    pub(super) fn names_no_person(&self, p: &Passage, run: Run) -> bool {
        let tokens = &p.tokens;
        let defined = is_punct(tokens.get(run.end), &["("])
            && is_punct(tokens.get(run.end + 2), &[")"])
            && tokens.get(run.end + 1).is_some_and(|a| {
                is_all_caps(a.text) && initials_match(&tokens[run.start..run.end], a.text)
            });
        let continued = tokens
            .get(run.end)
            .is_some_and(|t| t.is_word() && is_title_case(t.text) && self.is_institution_word(t));
        // `The Deputy Emergency Relief Coordinator, X, said`: words between
        // two role words are the role's.
        let inside_role = run.start > 0
            && tokens
                .get(run.start - 1)
                .is_some_and(|t| self.is_role_word(t))
            && tokens
                .get(run.end)
                .is_some_and(|t| is_title_case(t.text) && self.is_role_word(t));
        defined
            || continued
            || inside_role
            || self.in_role_of_named(p, run)
            || self.remit_of_role(p, run)
            || self.in_field_list(tokens, run)
            || place_of(tokens, run.start)
    }

    /// `the Minister of Public Safety, X`, `the Dean of the School of
    /// Veterinary Medicine, X`: two capitalised words right after the `of`,
    /// `for` or `on` that ends a role phrase ([`Lexicon::role_before`]) are
    /// the role's remit. A two-word name is rarely a role's object, and a
    /// longer run may hold the name after its remit, so is left alone.
    fn remit_of_role(&self, p: &Passage, run: Run) -> bool {
        let tokens = &p.tokens;
        if run.words != 2 || run.end - run.start != 2 {
            return false;
        }
        let mut k = run.start;
        if k >= 1 && tokens[k - 1].text == "the" {
            k -= 1;
        }
        k >= 1
            && matches!(tokens[k - 1].text, "of" | "for" | "on")
            && self.role_before(p, k).is_some()
    }

    /// `the Minister of the Sea, Inland Waters and Fisheries`, `the
    /// Committee on Civil Liberties, Justice and Home Affairs`: an item of a
    /// list of capitalised words, with a comma, opened by a capitalised
    /// word's `of`, `on` or `for` and closed by `and` and words whose last
    /// is an institution's (`Fisheries`, `Affairs`), names a field of work.
    fn in_field_list(&self, tokens: &[Token], run: Run) -> bool {
        let title = |i: usize| {
            tokens
                .get(i)
                .is_some_and(|t| t.is_word() && is_title_case(t.text))
        };
        // Capitalised words from token `from` on, at most four.
        let words_from = |from: usize| (0..4).take_while(|&n| title(from + n)).count();
        let mut commas = 0;
        // Left: back over `Item,` groups to the opening connector.
        let mut k = run.start;
        let mut opened = false;
        for _ in 0..6 {
            let Some(prev) = k.checked_sub(1).and_then(|i| tokens.get(i)) else {
                return false;
            };
            if prev.is_mark(&[","]) {
                commas += 1;
                let mut j = k - 1;
                while j > 0 && k - 1 - j < 4 && title(j - 1) {
                    j -= 1;
                }
                if j == k - 1 {
                    return false;
                }
                k = j;
                continue;
            }
            let mut j = k - 1;
            if prev.text == "the" {
                let Some(before) = j.checked_sub(1) else {
                    return false;
                };
                j = before;
            }
            opened = j >= 1
                && tokens
                    .get(j)
                    .is_some_and(|t| matches!(t.text, "of" | "on" | "for"))
                && title(j - 1);
            break;
        }
        if !opened {
            return false;
        }
        // Right: over `, Item` groups to `and` and the last item.
        let mut e = run.end;
        for _ in 0..6 {
            match tokens.get(e) {
                Some(t) if t.is_mark(&[","]) => {
                    commas += 1;
                    let n = words_from(e + 1);
                    if n == 0 {
                        return false;
                    }
                    e += 1 + n;
                }
                Some(t) if t.text == "and" => {
                    let n = words_from(e + 1);
                    return n > 0
                        && commas > 0
                        && tokens
                            .get(e + n)
                            .is_some_and(|last| self.is_institution_word(last));
                }
                _ => return false,
            }
        }
        false
    }

    /// `Ana Ruiz, head of Stop Illegal Fishing`: the run ends a role phrase
    /// (a role word, no punctuation but a possessive, no verb or relative
    /// pronoun) in apposition to a name already taken for a person's. A list of capitalised words inside the
    /// role (`Vice President for Power, Energy, Climate and Green Growth`)
    /// belongs to it.
    fn in_role_of_named(&self, p: &Passage, run: Run) -> bool {
        let tokens = &p.tokens;
        let title = |i: usize| {
            tokens
                .get(i)
                .is_some_and(|t| t.is_word() && is_title_case(t.text))
        };
        let mut k = run.start;
        let mut role = false;
        while k > 0 && run.start - k < 20 {
            let t = &tokens[k - 1];
            if t.kind == Kind::Punct {
                if t.text == "," && role && k >= 2 && p.is_in_name(k - 2) {
                    return true;
                }
                // `Power, Energy, Climate and`: a comma between listed words.
                let listed = t.text == "," && !role && k >= 2 && title(k - 2) && title(k);
                if !listed {
                    return false;
                }
            } else if t.text == "and" && !(k >= 2 && title(k - 2)) || self.is_apposition_stop(t) {
                // `X, who attended with Zambia's Minister of Health, Y`: a
                // clause, not a role, comes after that name.
                return false;
            }
            role |= self.is_role_word(t);
            k -= 1;
        }
        false
    }

    /// Whether the passage names a person at token `end` by a cue such as
    /// `chaired by` or `under the leadership of`.
    pub(super) fn cue_before(&self, tokens: &[Token], end: usize) -> bool {
        // `71-year-old Thandiwe Zulu`: only a person has an age.
        let aged = end
            .checked_sub(1)
            .and_then(|i| tokens.get(i))
            .is_some_and(|t| is_age(t.text));
        aged || self.person_cues.iter().any(|cue| {
            end.checked_sub(cue.len())
                .and_then(|start| tokens.get(start..end))
                .is_some_and(|ts| ts.iter().zip(cue).all(|(t, w)| t.text == w))
        })
    }

    /// The token after a name's suffix (`Jr.`), if one follows the run.
    pub(super) fn suffix_end(&self, tokens: &[Token], end: usize) -> usize {
        let after_comma = if is_punct(tokens.get(end), &[","]) {
            end + 1
        } else {
            end
        };
        match self.honorific_starting_at(tokens, after_comma) {
            Some((next, Honorific::Suffix)) => next,
            _ => end,
        }
    }

    /// The token after any post-nominals (`, PhD, OBE`).
    pub(super) fn skip_post_nominals(&self, tokens: &[Token], mut at: usize) -> usize {
        loop {
            let after_comma = if is_punct(tokens.get(at), &[","]) {
                at + 1
            } else {
                at
            };
            match self.honorific_starting_at(tokens, after_comma) {
                Some((next, Honorific::PostNominal)) => at = next,
                _ => return at,
            }
        }
    }
}

/// `the village of Saré Bidji`: a run after a noun for a place and `of`;
/// `a farmer in Soc Trang`, `a teacher in El Fasher, who ...`: a run right
/// after a lower-case `in` or `near` (not `In Vik's words`: a possessive
/// after the run is a person's).
fn place_of(tokens: &[Token], start: usize) -> bool {
    let after_in = start >= 1
        && matches!(tokens[start - 1].text, "in" | "near")
        && !tokens[start..]
            .iter()
            .take_while(|t| t.is_word())
            .count()
            .checked_add(start)
            .and_then(|end| tokens.get(end))
            .is_some_and(|t| t.kind == Kind::Possessive);
    if after_in || after_from_someone(tokens, start) {
        return true;
    }
    const PLACES: &[&str] = &[
        "village",
        "town",
        "city",
        "district",
        "province",
        "region",
        "county",
        "municipality",
        "island",
        "islands",
        "camp",
        "state",
        "commune",
        "department",
        "settlement",
        "valley",
    ];
    start >= 2
        && tokens[start - 1].text == "of"
        && PLACES.contains(&tokens[start - 2].text.to_lowercase().as_str())
}

/// `a cocoa farmer from Wassa Akropong`, `a teacher from El Geneina`: a run
/// after `from` that follows a person described, not named (an indefinite
/// determiner, then lower-case words ending on a noun for a person).
fn after_from_someone(tokens: &[Token], start: usize) -> bool {
    if start < 3 || tokens[start - 1].text != "from" {
        return false;
    }
    let noun = &tokens[start - 2];
    let lower = |t: &Token| t.is_word() && t.text.starts_with(char::is_lowercase);
    let personal = ["er", "or", "ist", "man", "woman", "ate", "ent", "ian"];
    if !lower(noun)
        || !(crate::extract::quotes::unnamed_nouns().contains(noun.text)
            || personal.iter().any(|s| noun.text.ends_with(s)))
    {
        return false;
    }
    tokens[..start - 2]
        .iter()
        .rev()
        .take(3)
        .take_while(|t| t.is_word())
        .any(|t| {
            matches!(
                t.text.to_lowercase().as_str(),
                "a" | "an" | "another" | "one"
            )
        })
}

/// A run at `start` after a house number or a word that opens an address
/// (`on`, `at`): its `St.` is a street's, not a name's.
fn after_street_word(tokens: &[Token], start: usize) -> bool {
    start.checked_sub(1).is_some_and(|i| {
        let t = &tokens[i];
        t.is_word()
            && (t.text.chars().all(|c| c.is_ascii_digit())
                || matches!(t.text, "on" | "at" | "along" | "off" | "near"))
    })
}

/// `MSF` for `Médecins Sans Frontières`: the acronym's letters are the
/// initials of the run's capitalised words.
fn initials_match(run: &[Token], acronym: &str) -> bool {
    let initials: String = run
        .iter()
        .filter(|t| t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|t| t.text.chars().next())
        .collect();
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    initials.chars().count() >= 2 && initials == letters
}

/// `71-year-old`, `34-year-old`: an age written before a name.
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `Minister of Justice and Law Elena Rojas`: a run opening right after
/// `and` that closes a role's portfolio (a role word, `of`, capitalised
/// words of no name) starts with the portfolio's last word, not with the
/// name. `thanked UNICEF and Maria Elena Lopez` keeps its name whole.
fn trim_portfolio(
    lex: &Lexicon,
    tokens: &[Token],
    mut run: Run,
    is_name_word: impl Fn(usize) -> bool,
) -> Run {
    let capitalised = |k: usize| {
        tokens[k].is_word() && tokens[k].text.starts_with(char::is_uppercase) && !is_name_word(k)
    };
    let after_and = run.start >= 2 && matches!(tokens[run.start - 1].text, "and" | "&");
    let portfolio = after_and && {
        // Back over the portfolio's words to `of`, then a role word.
        let mut k = run.start - 2;
        let mut words = 0;
        while k > 0 && words < PORTFOLIO_WORDS && (capitalised(k) || tokens[k].text == ",") {
            words += 1;
            k -= 1;
        }
        words > 0 && tokens[k].text == "of" && k > 0 && lex.is_role_word(&tokens[k - 1])
    };
    if portfolio && run.words >= 3 && !is_initial(tokens[run.start].text) {
        run.start += 1;
        run.words -= 1;
    }
    run
}

/// Most words and commas of a portfolio before its `and` (`of Mines,
/// Energy and`).
const PORTFOLIO_WORDS: usize = 6;
