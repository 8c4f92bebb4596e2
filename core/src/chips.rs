//! Which country and topic chips a release card shows on its one chip line,
//! and the "+N" chip that counts the rest: chips are never cut.
//!
//! Widths are estimated in characters (the card's chip line is one line of a
//! fixed-height row, so nothing is measured in the browser): a chip costs its
//! label plus [`CHIP_EXTRA`] (padding, border and gap); the estimate is
//! generous per character, so what is shown fits.

/// A chip's padding, border and gap, in characters.
pub const CHIP_EXTRA: usize = 4;
/// Width of the "+N" chip, in characters (with its extra).
pub const MORE_CHARS: usize = 7;
/// Average width of a chip's character, in CSS pixels, rounded up
/// (`.chip` is `.85rem` of a system font: about 7 px a character).
pub const CHAR_PX: f64 = 8.5;

/// Characters a card's chip line holds in a viewport `viewport_px` wide:
/// the layout of static/style.css (`main` at most 60rem with 1rem padding;
/// a 15rem facet column and a 1.5rem gap above 45rem).
pub fn chip_budget(viewport_px: f64) -> usize {
    let page = viewport_px.min(960.0) - 32.0;
    let card = if viewport_px > 720.0 {
        page - 240.0 - 24.0
    } else {
        page
    };
    (card.max(0.0) / CHAR_PX) as usize
}

/// How many chips (in order) a line of `budget` characters shows: all when
/// all fit, else as many as fit beside the "+N" chip.
pub fn chips_shown(labels: &[&str], budget: usize) -> usize {
    let cost = |l: &&str| l.chars().count() + CHIP_EXTRA;
    if labels.iter().map(cost).sum::<usize>() <= budget {
        return labels.len();
    }
    let mut used = MORE_CHARS;
    labels
        .iter()
        .take_while(|l| {
            used += cost(l);
            used <= budget
        })
        .count()
}

/// The accessible name of the "+N" chip: `3 more countries`,
/// `1 more country and 2 more topics`; None when nothing is left out.
pub fn more_label(countries: usize, topics: usize) -> Option<String> {
    let part = |n: usize, one: &str, many: &str| {
        (n > 0).then(|| format!("{n} more {}", if n == 1 { one } else { many }))
    };
    let parts: Vec<String> = [
        part(countries, "country", "countries"),
        part(topics, "topic", "topics"),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" and "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_chips_when_they_fit() {
        assert_eq!(chips_shown(&["Kenya", "Uganda"], 40), 2);
        assert_eq!(chips_shown(&[], 0), 0);
    }

    #[test]
    fn room_is_kept_for_the_count() {
        let labels = [
            "Kenya",
            "Uganda",
            "Democratic Republic of the Congo",
            "climate",
        ];
        // 7 (+N) + 9 + 10 = 26; the Congo would need 36 more.
        assert_eq!(chips_shown(&labels, 40), 2);
        assert_eq!(chips_shown(&labels, 26), 2);
        assert_eq!(chips_shown(&labels, 25), 1);
        // Not even one: the count alone.
        assert_eq!(chips_shown(&labels, 10), 0);
    }

    #[test]
    fn budgets_follow_the_layout() {
        // A 360 px phone: 328 px of card.
        assert_eq!(chip_budget(360.0), 38);
        // A desktop: 60rem page less the facet column.
        assert_eq!(chip_budget(1280.0), (664.0 / CHAR_PX) as usize);
        assert_eq!(chip_budget(0.0), 0);
    }

    #[test]
    fn count_names() {
        assert_eq!(more_label(3, 0).as_deref(), Some("3 more countries"));
        assert_eq!(
            more_label(1, 2).as_deref(),
            Some("1 more country and 2 more topics")
        );
        assert_eq!(more_label(0, 1).as_deref(), Some("1 more topic"));
        assert_eq!(more_label(0, 0), None);
    }
}
