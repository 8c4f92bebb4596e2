//! The dated documents newest first (ties in corpus order), and each
//! document's place in that order: what sorting by date reads.

/// A packed corpus is numbered in that order already (`pack`: newest first,
/// undated last), so its order is the numbering itself and nothing is held:
/// the two lists were 8 MB at a million releases.
pub(crate) enum DateOrder {
    /// Documents `0..dated` are the dated ones, newest first; the rest are undated.
    Numbered { dated: u32 },
    /// Any other numbering.
    Listed {
        /// Dated documents, newest first.
        newest: Vec<u32>,
        /// Each document's position in `newest`; `u32::MAX` when undated.
        rank: Vec<u32>,
    },
}

impl DateOrder {
    /// The order of documents dated `dates` (`yyyymmdd` keys, 0 undated).
    pub(crate) fn of(dates: &[u32]) -> DateOrder {
        // One pass: dated keys never rising, then only undated ones, up to
        // `cut`, where that order ends.
        let (mut dated, mut last, mut cut) = (dates.len(), u32::MAX, dates.len());
        for (i, &k) in dates.iter().enumerate() {
            match k {
                0 => dated = dated.min(i),
                _ if dated < dates.len() || k > last => {
                    cut = i;
                    break;
                }
                _ => last = k,
            }
        }
        if cut == dates.len() {
            return DateOrder::Numbered {
                dated: dated as u32,
            };
        }
        // Newest first, ties in corpus order: one integer per document.
        // The documents after `cut` (those `dateline add` appended, past a
        // numbered build) are sorted, then merged with the dated ones
        // before it, which are in that order already: a million releases
        // with a hundred appended sort a hundred, not a million.
        let key = |d: usize, k: u32| u64::from(!k) << 32 | d as u64;
        let mut tail: Vec<u64> = (cut..)
            .zip(&dates[cut..])
            .filter(|(_, &k)| k > 0)
            .map(|(d, &k)| key(d, k))
            .collect();
        tail.sort_unstable();
        let mut keyed = Vec::with_capacity(dated.min(cut) + tail.len());
        let mut tail = tail.into_iter().peekable();
        for (d, &k) in dates.iter().enumerate().take(dated.min(cut)) {
            let own = key(d, k);
            keyed.extend(std::iter::from_fn(|| tail.next_if(|&t| t < own)));
            keyed.push(own);
        }
        keyed.extend(tail);
        let newest: Vec<u32> = keyed.into_iter().map(|k| k as u32).collect();
        let mut rank = vec![u32::MAX; dates.len()];
        for (r, &d) in (0u32..).zip(&newest) {
            if let Some(slot) = rank.get_mut(d as usize) {
                *slot = r;
            }
        }
        DateOrder::Listed { newest, rank }
    }

    /// How many documents are dated.
    pub(crate) fn dated(&self) -> u32 {
        match self {
            DateOrder::Numbered { dated } => *dated,
            DateOrder::Listed { newest, .. } => newest.len() as u32,
        }
    }

    /// The dated document at `place` (0: the newest).
    pub(crate) fn at(&self, place: u32) -> Option<u32> {
        match self {
            DateOrder::Numbered { dated } => (place < *dated).then_some(place),
            DateOrder::Listed { newest, .. } => newest.get(place as usize).copied(),
        }
    }

    /// `doc`'s place among the dated documents; None when it is undated.
    pub(crate) fn rank(&self, doc: u32) -> Option<u32> {
        match self {
            DateOrder::Numbered { dated } => (doc < *dated).then_some(doc),
            DateOrder::Listed { rank, .. } => {
                rank.get(doc as usize).copied().filter(|&r| r != u32::MAX)
            }
        }
    }

    /// The dated documents, newest first.
    pub(crate) fn newest(&self) -> Newest<'_> {
        match self {
            DateOrder::Numbered { dated } => Newest::Numbered(0..*dated),
            DateOrder::Listed { newest, .. } => Newest::Listed(newest.iter()),
        }
    }

    /// Appends the dated documents, newest (or oldest) first: a range or a
    /// slice copied whole, as the home page lists a million of them.
    pub(crate) fn extend_into(&self, out: &mut Vec<u32>, oldest: bool) {
        match (self, oldest) {
            (DateOrder::Numbered { dated }, false) => out.extend(0..*dated),
            (DateOrder::Numbered { dated }, true) => out.extend((0..*dated).rev()),
            (DateOrder::Listed { newest, .. }, false) => out.extend_from_slice(newest),
            (DateOrder::Listed { newest, .. }, true) => out.extend(newest.iter().rev()),
        }
    }

    /// The undated documents of `dates` (this order's), in corpus order.
    pub(crate) fn undated<'a>(&self, dates: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
        // Numbered: they are the last ones; no date is read.
        let from = match self {
            DateOrder::Numbered { dated } => *dated as usize,
            DateOrder::Listed { .. } => 0,
        };
        (from as u32..)
            .zip(dates.get(from..).unwrap_or_default())
            .filter(|(_, &k)| k == 0)
            .map(|(d, _)| d)
    }
}

/// [`DateOrder::newest`]: a plain range or a list, read without a lookup
/// per document (the home page lists a million of them at start).
pub(crate) enum Newest<'a> {
    Numbered(std::ops::Range<u32>),
    Listed(std::slice::Iter<'a, u32>),
}

impl Iterator for Newest<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        match self {
            Newest::Numbered(range) => range.next(),
            Newest::Listed(list) => list.next().copied(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Newest::Numbered(range) => range.size_hint(),
            Newest::Listed(list) => list.size_hint(),
        }
    }
}

impl DoubleEndedIterator for Newest<'_> {
    fn next_back(&mut self) -> Option<u32> {
        match self {
            Newest::Numbered(range) => range.next_back(),
            Newest::Listed(list) => list.next_back().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(order: &DateOrder) -> (Vec<u32>, Vec<Option<u32>>) {
        let n = match order {
            DateOrder::Numbered { .. } => 8,
            DateOrder::Listed { rank, .. } => rank.len() as u32,
        };
        (
            order.newest().collect(),
            (0..n).map(|d| order.rank(d)).collect(),
        )
    }

    #[test]
    fn a_corpus_numbered_newest_first_holds_no_lists_and_orders_as_one_that_does() {
        // Newest first, undated last: the packed numbering.
        let packed = [20_240_301, 20_240_301, 20_230_000, 19_990_101, 0, 0, 0, 0];
        let order = DateOrder::of(&packed);
        assert!(matches!(order, DateOrder::Numbered { dated: 4 }));
        let (newest, rank) = listed(&order);
        assert_eq!(newest, [0, 1, 2, 3]);
        assert_eq!(
            rank,
            [Some(0), Some(1), Some(2), Some(3), None, None, None, None]
        );
        assert_eq!(order.at(4), None);
        assert_eq!(order.undated(&packed).collect::<Vec<_>>(), [4, 5, 6, 7]);
        assert_eq!(order.newest().rev().collect::<Vec<_>>(), [3, 2, 1, 0]);
        for oldest in [false, true] {
            let mut out = vec![9];
            order.extend_into(&mut out, oldest);
            let want: Vec<u32> = match oldest {
                false => order.newest().collect(),
                true => order.newest().rev().collect(),
            };
            assert_eq!(out[1..], want[..]);
        }
        // The same order, computed as for any numbering.
        let mut keyed: Vec<u64> = (0u32..)
            .zip(&packed)
            .filter(|(_, &k)| k > 0)
            .map(|(d, &k)| u64::from(!k) << 32 | u64::from(d))
            .collect();
        keyed.sort_unstable();
        assert_eq!(newest, keyed.iter().map(|&k| k as u32).collect::<Vec<_>>());
    }

    #[test]
    fn any_other_numbering_is_listed_newest_first_with_ties_in_corpus_order() {
        for dates in [
            vec![
                20_100_101, 0, 20_200_101, 20_100_101, 0, 20_300_101, 20_150_000, 20_200_101,
            ],
            // Dated documents in order, one undated between them.
            vec![20_300_101, 0, 20_200_101, 20_100_101, 0, 0, 0, 0],
            // Numbered newest first, then appended (`dateline add`): newer,
            // older, tied with the numbered ones, undated.
            vec![
                20_300_101, 20_200_101, 20_200_101, 0, 20_400_101, 20_200_101, 0, 20_000_101,
            ],
            vec![
                20_300_101, 20_200_101, 20_100_101, 20_000_101, 20_200_101, 20_300_101, 20_250_101,
                19_000_101,
            ],
        ] {
            let order = DateOrder::of(&dates);
            assert!(matches!(order, DateOrder::Listed { .. }));
            let (newest, rank) = listed(&order);
            let mut want: Vec<u32> = (0..8).filter(|&d| dates[d as usize] > 0).collect();
            want.sort_by_key(|&d| (std::cmp::Reverse(dates[d as usize]), d));
            assert_eq!(newest, want);
            let undated: Vec<u32> = (0..8).filter(|&d| dates[d as usize] == 0).collect();
            assert_eq!(order.undated(&dates).collect::<Vec<_>>(), undated);
            let mut oldest = want.clone();
            oldest.reverse();
            assert_eq!(order.newest().rev().collect::<Vec<_>>(), oldest);
            let (mut new_first, mut old_first) = (Vec::new(), Vec::new());
            order.extend_into(&mut new_first, false);
            order.extend_into(&mut old_first, true);
            assert_eq!((new_first, old_first), (want.clone(), oldest));
            for (d, r) in (0u32..).zip(rank) {
                assert_eq!(
                    r,
                    want.iter().position(|&w| w == d).map(|p| p as u32),
                    "doc {d}"
                );
            }
        }
    }
}
