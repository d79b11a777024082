//! One small sort for everything the WebAssembly sorts. The engine and the widget sort a
//! few dozen items at most (questions, representative values, components, results),
//! where an insertion sort is as quick as the standard library's sorts; those add about
//! 3 KB of code to the WebAssembly for each type they sort (BENCHMARKS.md, "On the
//! wire"), this one about a hundred bytes.

/// The set of `items`.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> Set<T> {
    let mut set = Set::new();
    set.extend(items);
    set
}

/// A set as a sorted list without repeats: the sets of the engine and the form hold a
/// few questions at most, where a `BTreeSet` is no quicker and adds about 5 KB of code
/// to the WebAssembly (BENCHMARKS.md, "The third cut"). Iterates in ascending order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Set<T>(Vec<T>);

impl<T: Ord> Set<T> {
    pub const fn new() -> Set<T> {
        Set(Vec::new())
    }

    /// Adds `item`; whether it was new. Its place found by a walk, here and in `contains`:
    /// a set holds a few items, and `binary_search` was code of its own (−40 B gzipped).
    pub fn insert(&mut self, item: T) -> bool {
        let mut at = 0;
        while let Some(existing) = self.0.get(at) {
            match existing.cmp(&item) {
                std::cmp::Ordering::Less => at += 1,
                std::cmp::Ordering::Equal => return false,
                std::cmp::Ordering::Greater => break,
            }
        }
        self.0.insert(at, item);
        true
    }

    pub fn contains(&self, item: &T) -> bool {
        for existing in &self.0 {
            if existing == item {
                return true;
            }
        }
        false
    }

    /// Whether every item of this set is in `other`.
    pub fn is_subset(&self, other: &Set<T>) -> bool {
        self.0.iter().all(|item| other.contains(item))
    }
}

impl<T> Set<T> {
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The smallest item.
    pub fn first(&self) -> Option<&T> {
        self.0.first()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl<T: Ord> Extend<T> for Set<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.insert(item);
        }
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Set<T> {
        set(items)
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> std::vec::IntoIter<T> {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> std::slice::Iter<'a, T> {
        self.0.iter()
    }
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

/// Sorts `items` in ascending order and keeps the first of equal items only: `sort`
/// then `Vec::dedup`, whose two routines were code of their own (−26 B gzipped).
pub fn sort_unique<T: Ord + Copy>(items: &mut Vec<T>) {
    sort(items);
    let mut kept = 0;
    for i in 0..items.len() {
        let Some(&item) = items.get(i) else { break };
        if kept == 0 || items.get(kept - 1) != Some(&item) {
            // `kept` is at most `i`: the item moves down over one already dropped.
            if let Some(slot) = items.get_mut(kept) {
                *slot = item;
            }
            kept += 1;
        }
    }
    items.truncate(kept);
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
    fn unique_is_sort_then_dedup() {
        // Equal decimals at other scales: the first of them is the one kept, as `dedup` keeps it.
        let d = |m: i64, s: u32| rust_decimal::Decimal::new(m, s);
        let cases = [vec![], vec![d(1, 0)], vec![d(10, 1), d(1, 0), d(100, 2), d(0, 0), d(-5, 0), d(1, 0), d(-50, 1)]];
        for case in cases {
            let mut ours = case.clone();
            let mut theirs = case;
            sort_unique(&mut ours);
            sort(&mut theirs);
            theirs.dedup();
            let parts = |v: &[rust_decimal::Decimal]| v.iter().map(|d| (d.mantissa(), d.scale())).collect::<Vec<_>>();
            assert_eq!(parts(&ours), parts(&theirs));
        }
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn a_set_is_a_btree_set(items in proptest::collection::vec(0usize..20, 0..30), probe in 0usize..21) {
            let mut ours = Set::new();
            let mut theirs = std::collections::BTreeSet::new();
            for item in &items {
                proptest::prop_assert_eq!(ours.insert(*item), theirs.insert(*item));
            }
            proptest::prop_assert_eq!(ours.iter().copied().collect::<Vec<_>>(), theirs.iter().copied().collect::<Vec<_>>());
            proptest::prop_assert_eq!(ours.contains(&probe), theirs.contains(&probe));
        }

        #[test]
        fn unique_is_sort_then_dedup_on_any_list(items in proptest::collection::vec((0i64..8, 0u32..3), 0..30)) {
            // Pairs whose first alone is compared: which of equal items is kept shows.
            #[derive(Debug, Clone, Copy)]
            struct Keyed(i64, u32);
            impl PartialEq for Keyed {
                fn eq(&self, other: &Keyed) -> bool {
                    self.0 == other.0
                }
            }
            impl Eq for Keyed {}
            impl PartialOrd for Keyed {
                fn partial_cmp(&self, other: &Keyed) -> Option<std::cmp::Ordering> {
                    Some(self.cmp(other))
                }
            }
            impl Ord for Keyed {
                fn cmp(&self, other: &Keyed) -> std::cmp::Ordering {
                    self.0.cmp(&other.0)
                }
            }
            let mut ours: Vec<Keyed> = items.iter().map(|&(k, t)| Keyed(k, t)).collect();
            let mut theirs = ours.clone();
            sort_unique(&mut ours);
            sort(&mut theirs);
            theirs.dedup();
            let pairs = |v: &[Keyed]| v.iter().map(|k| (k.0, k.1)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(pairs(&ours), pairs(&theirs));
        }
    }
}
