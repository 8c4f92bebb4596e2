//! A known organisation's own body named in full: `ASEAN Secretariat`,
//! `African Union Commission`, `ECOWAS Court of Justice`, `AU Peace and
//! Security Council`. The parent's name or acronym comes first and a
//! `body_head` word of `core/data/organisations_context.tsv` (Commission,
//! Secretariat, Court, ...) ends the front of the name: the whole name is the
//! organisation, as written, not the parent. Offices, branches and
//! delegations stay parts of the parent (`UNODC Regional Office`, the
//! `subunit` phrases and heads not in `body_head`), and a known organisation
//! after the parent keeps its own entry (`UN Human Rights Council` is the
//! Human Rights Council).

use super::super::countries::words::Words;
use super::super::tokens::is_all_caps;
use super::Data;

/// Words `start..end` with head `h` are a parent organisation's body: the
/// parent (a known name, or an acronym) begins at `start` and ends before the
/// head, and no known organisation begins right after it.
pub(super) fn is_sub_body(data: &Data, tokens: &Words, start: usize, h: usize, end: usize) -> bool {
    let head = tokens.get(h).map_or("", |t| t.key.as_str());
    if !data.body_heads.contains(head) {
        return false;
    }
    let parent_len = match super::known_at(data, tokens, start) {
        Some((len, _)) => len,
        None if tokens.get(start).is_some_and(|t| is_all_caps(&t.surface)) => 1,
        None => return false,
    };
    let rest = start + parent_len;
    if rest > h {
        return false;
    }
    // "FFA's Regional Fisheries Surveillance Centre": a body the parent's
    // possessive names is a part of it, not a name of its own.
    let possessive = rest < h
        && tokens.get(rest).is_some_and(|t| t.key == "s")
        && matches!(tokens.gap_after(rest - 1), "'" | "’");
    if possessive {
        return false;
    }
    // "UN Human Rights Council": the rest is a known organisation of its own.
    let known_rest = super::known_at(data, tokens, rest).is_some_and(|(len, _)| rest + len > h);
    // "AU PSC Secretariat": another acronym inside is another organisation.
    let acronym_inside = (rest..h).any(|i| tokens.get(i).is_some_and(|t| is_all_caps(&t.surface)));
    !known_rest && !acronym_inside && end > rest
}

#[cfg(test)]
mod tests {
    use super::super::pattern::tests::names;

    #[test]
    fn a_parent_and_a_body_head_make_one_name() {
        let cases: &[(&str, &[&str])] = &[
            (
                "staff of the ASEAN Secretariat said",
                &["ASEAN Secretariat"],
            ),
            (
                "judges of the ECOWAS Court of Justice ruled",
                &["ECOWAS Court of Justice"],
            ),
            (
                "members of the AU Peace and Security Council met in closed session today",
                &["AU Peace and Security Council"],
            ),
            // A university founded by an organisation is its own body.
            ("researchers at BRAC University found", &["BRAC University"]),
            // A known name already: found by the table, not by its shape.
            ("officials of the African Union Commission met", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn offices_and_known_bodies_stay_as_they_were() {
        for text in [
            "the UNODC Regional Office for West Africa",
            "the UNDP Press Office",
            "the UN Human Rights Council",
            "the UNODC Office in Bangkok",
            "the EU Delegation to Nigeria",
            "FFA's Regional Fisheries Surveillance Centre",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }
}
