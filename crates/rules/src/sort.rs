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
    }
}
