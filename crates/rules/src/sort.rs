//! One small sort for everything the WebAssembly sorts. The engine and the widget sort a
//! few dozen items at most (questions, representative values, components, results),
//! where an insertion sort is as quick as the standard library's sorts; those add about
//! 3 KB of code to the WebAssembly for each type they sort (BENCHMARKS.md, "On the
//! wire"), this one about a hundred bytes.

use std::collections::BTreeSet;

/// The set of `items`, inserted one by one: `BTreeSet::from` and `collect()` sort their
/// items first, with the standard library's sort.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// Sorts `items` by `less`, stable: equal items keep their order.
pub fn sort_by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for end in 1..items.len() {
        for j in (1..=end).rev() {
            match items.get_mut(j - 1..=j) {
                Some([a, b]) if less(b, a) => std::mem::swap(a, b),
                _ => break,
            }
        }
    }
}

/// Sorts `items` in ascending order, stable.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, |a, b| a < b);
}

/// Sorts `items` by `key` in ascending order, stable.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a) < key(b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_library_does() {
        let cases: [&[i64]; 6] = [&[], &[1], &[2, 1], &[3, 1, 2, 1, 3], &[5, 4, 3, 2, 1, 0, -1], &[1, 1, 1]];
        for case in cases {
            let mut ours = case.to_vec();
            let mut theirs = case.to_vec();
            sort(&mut ours);
            theirs.sort();
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }
}
