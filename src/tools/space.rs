//! Answer sets that stand for all the others. Each question's answers are its
//! representatives (`engine::domain`: each point where a rule may change, a value
//! either side, the bounds) and "not answered"; between two such values nothing a rule
//! computes changes. Every combination is tried when there are few enough; otherwise
//! a pairwise set, in which every two values of every two questions meet at least once.

use std::collections::BTreeSet;

use crate::answer::{Answer, Answers};
use crate::engine::domain::{breakpoints, representatives};
use crate::pack::{Programme, QuestionIndex};

/// The answers that stand for all answers to question `q` of `programme`.
pub fn values(programme: &Programme, q: QuestionIndex) -> Vec<Answer> {
    match programme.questions.get(q) {
        Some(question) => representatives(&question.kind, breakpoints(programme, q)),
        None => Vec::new(),
    }
}

/// How the answer sets were chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Every combination: this many.
    Every(usize),
    /// Pairwise: this many sets, where every combination would be `every` (`None`:
    /// more than a `usize` counts).
    Pairwise { sets: usize, every: Option<usize> },
}

impl Plan {
    pub fn is_exhaustive(&self) -> bool {
        matches!(self, Plan::Every(_))
    }

    pub fn sets(&self) -> usize {
        match self {
            Plan::Every(n) | Plan::Pairwise { sets: n, .. } => *n,
        }
    }

    /// In words, for reports: how many sets and how they were chosen.
    pub fn describe(&self) -> String {
        match self {
            Plan::Every(n) => format!("every combination of each question's boundary answers and no answer: {n} sets"),
            Plan::Pairwise { sets, every } => {
                let every = every.map_or("more than can be counted".to_owned(), |n| n.to_string());
                format!(
                    "pairwise: {sets} sets in which every two answers to two questions meet at least once \
                     (every combination would be {every})"
                )
            }
        }
    }
}

/// The rows to try: one digit per question, each below that question's radix. Every
/// combination when there are at most `limit`, else a pairwise set.
pub fn plan(radices: &[usize], limit: usize) -> (Plan, Vec<Vec<usize>>) {
    let every = radices.iter().try_fold(1usize, |n, r| n.checked_mul(*r));
    match every {
        Some(n) if n <= limit => (Plan::Every(n), Odometer::new(radices).collect()),
        _ => {
            let rows = pairwise(radices);
            (Plan::Pairwise { sets: rows.len(), every }, rows)
        }
    }
}

/// Every combination of digits, the first digit fastest.
pub struct Odometer {
    digits: Vec<usize>,
    radices: Vec<usize>,
    done: bool,
}

impl Odometer {
    pub fn new(radices: &[usize]) -> Odometer {
        Odometer { digits: vec![0; radices.len()], radices: radices.to_vec(), done: radices.contains(&0) }
    }
}

impl Iterator for Odometer {
    type Item = Vec<usize>;

    fn next(&mut self) -> Option<Vec<usize>> {
        if self.done {
            return None;
        }
        let row = self.digits.clone();
        self.done = true;
        for (digit, radix) in self.digits.iter_mut().zip(&self.radices) {
            *digit += 1;
            if *digit < *radix {
                self.done = false;
                break;
            }
            *digit = 0;
        }
        Some(row)
    }
}

/// A pairwise covering set, built greedily and deterministically (after AETG): each
/// new row starts from the answer that meets the most uncovered pairs, then gives every
/// other question the value that covers the most new pairs with those already chosen;
/// of a few such rows, taking the questions in turns from
/// different starts, the one that covers most is kept.
pub fn pairwise(radices: &[usize]) -> Vec<Vec<usize>> {
    if radices.contains(&0) {
        return Vec::new();
    }
    if radices.len() < 2 {
        return Odometer::new(radices).collect();
    }
    let mut uncovered: BTreeSet<(usize, usize, usize, usize)> = BTreeSet::new();
    for (i, &ri) in radices.iter().enumerate() {
        for (j, &rj) in radices.iter().enumerate().skip(i + 1) {
            for a in 0..ri {
                for b in 0..rj {
                    uncovered.insert((i, a, j, b));
                }
            }
        }
    }
    let mut rows = Vec::new();
    while !uncovered.is_empty() {
        let counts = counts(radices, &uncovered);
        let seed = most_uncovered(&counts);
        let candidates =
            (0..radices.len().min(CANDIDATES)).map(|turn| candidate(radices, &uncovered, &counts, seed, turn));
        // `max_by_key` keeps the last of equals: reversed, the first candidate wins.
        let Some((row, _)) = candidates.collect::<Vec<_>>().into_iter().rev().max_by_key(|(_, gain)| *gain) else {
            break;
        };
        for (m, &c) in row.iter().enumerate() {
            for (k, &v) in row.iter().enumerate().skip(m + 1) {
                uncovered.remove(&(m, c, k, v));
            }
        }
        rows.push(row);
    }
    rows
}

/// How many orders of the questions each new row of `pairwise` tries.
const CANDIDATES: usize = 8;

/// For each question and value, the number of uncovered pairs it is in.
fn counts(radices: &[usize], uncovered: &BTreeSet<(usize, usize, usize, usize)>) -> Vec<Vec<usize>> {
    let mut counts: Vec<Vec<usize>> = radices.iter().map(|&r| vec![0; r]).collect();
    for &(i, a, j, b) in uncovered {
        for (q, v) in [(i, a), (j, b)] {
            if let Some(count) = counts.get_mut(q).and_then(|c| c.get_mut(v)) {
                *count += 1;
            }
        }
    }
    counts
}

/// The (question, value) in the most uncovered pairs; the first among equals.
fn most_uncovered(counts: &[Vec<usize>]) -> (usize, usize) {
    let mut best = (0, 0, 0);
    for (q, values) in counts.iter().enumerate() {
        for (v, &count) in values.iter().enumerate() {
            if count > best.2 {
                best = (q, v, count);
            }
        }
    }
    (best.0, best.1)
}

/// One row from `seed`, the other questions taken in turn from question `turn` on,
/// with the number of uncovered pairs it covers.
fn candidate(
    radices: &[usize],
    uncovered: &BTreeSet<(usize, usize, usize, usize)>,
    counts: &[Vec<usize>],
    seed: (usize, usize),
    turn: usize,
) -> (Vec<usize>, usize) {
    let n = radices.len();
    let mut row: Vec<Option<usize>> = vec![None; n];
    if let Some(slot) = row.get_mut(seed.0) {
        *slot = Some(seed.1);
    }
    let mut covered = 0;
    for k in (0..n).map(|i| (i + turn) % n).filter(|k| *k != seed.0) {
        let gain = |v: usize| {
            row.iter()
                .enumerate()
                .filter_map(|(m, chosen)| chosen.map(|c| (m, c)))
                .filter(|&(m, c)| uncovered.contains(&if m < k { (m, c, k, v) } else { (k, v, m, c) }))
                .count()
        };
        let radix = radices.get(k).copied().unwrap_or(1);
        // Among equal gains, the value with the most pairs still to cover, then the
        // lowest (reversed, as `max_by_key` keeps the last of equals).
        let left = |v: usize| counts.get(k).and_then(|c| c.get(v)).copied().unwrap_or(0);
        let best = (0..radix).rev().max_by_key(|v| (gain(*v), left(*v))).unwrap_or(0);
        covered += gain(best);
        if let Some(slot) = row.get_mut(k) {
            *slot = Some(best);
        }
    }
    (row.into_iter().map(|v| v.unwrap_or(0)).collect(), covered)
}

/// Each question's choices for a programme: "not answered" first, then its representatives.
pub fn domains(programme: &Programme) -> Vec<Vec<Option<Answer>>> {
    (0..programme.questions.len())
        .map(|q| std::iter::once(None).chain(values(programme, q).into_iter().map(Some)).collect())
        .collect()
}

/// The answers of one row of `domains`.
pub fn answers(programme: &Programme, domains: &[Vec<Option<Answer>>], row: &[usize]) -> Answers {
    let mut answers = Answers::none(programme);
    for (q, (values, &digit)) in domains.iter().zip(row).enumerate() {
        answers.set(q, values.get(digit).cloned().flatten());
    }
    answers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covers_every_pair(radices: &[usize], rows: &[Vec<usize>]) -> bool {
        radices.iter().enumerate().all(|(i, &ri)| {
            radices.iter().enumerate().skip(i + 1).all(|(j, &rj)| {
                (0..ri).all(|a| (0..rj).all(|b| rows.iter().any(|r| r.get(i) == Some(&a) && r.get(j) == Some(&b))))
            })
        })
    }

    #[test]
    fn the_odometer_counts_every_combination_once() {
        let rows: Vec<Vec<usize>> = Odometer::new(&[2, 3]).collect();
        assert_eq!(rows, [[0, 0], [1, 0], [0, 1], [1, 1], [0, 2], [1, 2]]);
        assert_eq!(Odometer::new(&[]).count(), 1, "no question: one empty set of answers");
        assert_eq!(Odometer::new(&[3, 0]).count(), 0);
    }

    #[test]
    fn pairwise_covers_every_pair_with_far_fewer_rows() {
        let cases: [&[usize]; 5] = [&[3, 3], &[2, 2, 2, 2], &[4; 10], &[7, 3, 3, 6, 3, 5, 2, 9], &[5]];
        for radices in cases {
            let rows = pairwise(radices);
            assert!(covers_every_pair(radices, &rows), "{radices:?}");
            assert!(rows.iter().all(|r| r.len() == radices.len() && r.iter().zip(radices).all(|(v, n)| v < n)));
            assert_eq!(rows, pairwise(radices), "deterministic");
        }
        let rows = pairwise(&[4; 10]);
        assert!(rows.len() <= 30, "{} rows for 4^10 combinations", rows.len());
        assert_eq!(pairwise(&[5]).len(), 5);
    }

    #[test]
    fn every_combination_under_the_limit_else_pairwise() {
        let (plan, rows) = plan(&[3, 4], 12);
        assert_eq!((plan, rows.len()), (Plan::Every(12), 12));
        let (plan, rows) = self::plan(&[3, 4, 5], 12);
        assert_eq!(plan, Plan::Pairwise { sets: rows.len(), every: Some(60) });
        assert!(!plan.is_exhaustive() && plan.describe().starts_with("pairwise"));
        let (plan, rows) = self::plan(&[2; 70], 12);
        assert_eq!(plan, Plan::Pairwise { sets: rows.len(), every: None });
        assert!(plan.describe().contains("more than can be counted"));
        assert!(rows.len() < 30, "{} rows for 2^70 combinations", rows.len());
    }
}
