//! Sorting with one copy of the sort routine for every call site that is not
//! a hot loop. The standard sorts are generic over the element and the
//! comparator, and each call site's copy is large: they made up 109 kB of the
//! app's 766 kB of wasm (twiggy, before this module). Here a `dyn` comparator
//! orders indices, so the routine is compiled once, and the items are then
//! moved into place. Hot paths (search, facet counts) sort plain integers
//! instead, which also share one copy per integer type.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, stably (equal items keep their order).
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = permutation(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` by a key, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..len` in `cmp` order, ties by index: a bottom-up merge
/// sort (stable), a few hundred bytes of wasm where the standard sort for the
/// indices was about 9 kB (its quicksort, heapsort and small sorts; twiggy).
/// The call sites are cold: a few to some thousands of items.
fn permutation(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut i, mut j) = (start, mid);
            for slot in &mut merged[start..end] {
                // The left run first on a tie: equal items keep their order.
                let left = j == end || (i < mid && cmp(order[i], order[j]) != Ordering::Greater);
                let from = if left { &mut i } else { &mut j };
                *slot = order[*from];
                *from += 1;
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_comparator_and_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        sort_by(&mut v, |a, b| b.0.cmp(&a.0));
        assert_eq!(v, [(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]);
        let mut names: Vec<String> = ["pear", "Apple", "fig"].map(String::from).to_vec();
        sort_by_key(&mut names, |s| s.to_lowercase());
        assert_eq!(names, ["Apple", "fig", "pear"]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }

    #[test]
    fn agrees_with_the_standard_stable_sort_at_every_small_length() {
        let mut x = 777u32;
        for len in 0..300 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((x >> 16) % (len as u32 / 3 + 1), i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut want = items;
            want.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(ours, want, "length {len}");
        }
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        // A fixed pseudo-random sequence with many ties.
        let mut x = 12345u32;
        let items: Vec<(u32, usize)> = (0..2000)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((x >> 16) % 37, i)
            })
            .collect();
        let mut ours = items.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut std = items;
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std);
    }
}
