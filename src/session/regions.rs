//! The regions of a form's answers, and the verdicts remembered by them.
//!
//! The rules compare a number only with constants, so two answers on the same side of
//! each constant (or equal to the same one) give the same verdicts: the invariant the
//! engine's representative answers rest on (`engine::domain`). A question's region is
//! then its answer up to that equivalence, and the regions of all the questions a
//! programme reads decide its outcome, its `changes` included: they are tried one
//! answer per region, and their edges are the rules' constants (`engine::changes`). A
//! number whose every value counts has no regions (`Shape::Counted`), and a programme
//! that reads one is never remembered. A session remembers statuses and outcomes by
//! those regions, so that after an answer changed they are most often looked up rather
//! than evaluated: a visitor's answers, changed back and forth, visit few regions.

use rust_decimal::Decimal;

use crate::answer::Answer;
use crate::engine::domain;
use crate::form::{Form, FormAnswers};
use crate::pack::{Programme, QuestionKind};

#[derive(Debug, Clone)]
pub struct Regions {
    /// Per question of the form, what its regions are.
    shapes: Vec<Shape>,
    /// Per question, the region of its answer now: 0 not reached, 1 "I don't know",
    /// then its answers' regions from 2.
    now: Vec<u64>,
    /// Per question, the programmes that read it with its weight in their key (the
    /// number of keys of the questions each reads after it).
    readers: Vec<Vec<(usize, u64)>>,
    /// Per programme, whether it has keys: not when it reads a number whose every value
    /// counts, nor when its keys would not fit in 64 bits.
    keyed: Vec<bool>,
    /// Per programme, the key of the answers now: the regions of the questions it
    /// reads, as the digits of one number.
    keys: Vec<u64>,
}

/// Values remembered by programme and key (`Regions::key`), in one of the two slots of
/// a pair chosen by a hash of both: a new value takes the pair's first slot, and the
/// value there moves to the second, so that two keys of one pair are both kept. The
/// slots are made when the first value is remembered.
#[derive(Debug, Clone)]
pub struct Memory<T> {
    slots: Vec<Option<(usize, u64, T)>>,
    size: usize,
}

#[derive(Debug, Clone)]
enum Shape {
    YesNo,
    /// So many options.
    Choice(usize),
    /// A number the rules only compare with constants: those constants, in every
    /// programme of the form, sorted, each once; and the same as whole numbers of
    /// hundredths when each is one, which an answer in hundredths is compared with
    /// without decimal arithmetic (a third of a changed answer's time, natively).
    Number(Vec<Decimal>, Option<Vec<i64>>),
    /// The units of a per-unit amount, whose every value counts.
    Counted,
}

impl Regions {
    pub fn new(form: &Form<'_>) -> Regions {
        let shapes: Vec<Shape> = form
            .questions()
            .map(|question| match &question.kind {
                QuestionKind::YesNo => Shape::YesNo,
                QuestionKind::Choice(options) => Shape::Choice(options.len()),
                QuestionKind::Integer { .. } | QuestionKind::Money { .. } => constants(&form.programmes, &question.id)
                    .map_or(Shape::Counted, |points| {
                        let hundredths = points.iter().map(|point| hundredths(*point)).collect();
                        Shape::Number(points, hundredths)
                    }),
            })
            .collect();
        let count = shapes.len();
        let mut readers = vec![Vec::new(); count];
        let keyed = (0..form.programmes.len())
            .map(|p| {
                let mut weight: Option<u64> = Some(1);
                for index in (0..count).rev().filter(|&q| form.reads(p, q)) {
                    if let (Some(readers), Some(w)) = (readers.get_mut(index), weight) {
                        readers.push((p, w));
                    }
                    weight = weight.zip(shapes.get(index).and_then(size)).and_then(|(w, size)| w.checked_mul(size));
                }
                weight.is_some()
            })
            .collect();
        Regions { now: vec![0; count], keys: vec![0; form.programmes.len()], shapes, readers, keyed }
    }

    /// Takes the answer to question `index` as it now is in `answers`; whether its
    /// region changed: a number moved within its region keeps every verdict.
    pub fn update(&mut self, index: usize, answers: &FormAnswers) -> bool {
        let shape = match self.shapes.get(index) {
            Some(Shape::Counted) | None => return true,
            Some(shape) => shape,
        };
        let region = match answers.get(index) {
            None if answers.is_unknown(index) => 1,
            None => 0,
            // An answer of another kind is no answer to the rules (`engine::logic`).
            Some(answer) => region(shape, answer).map_or(0, |region| 2 + region),
        };
        let Some(old) = self.now.get_mut(index) else { return true };
        let old = std::mem::replace(old, region);
        if old == region {
            return false;
        }
        for &(programme, weight) in self.readers.get(index).into_iter().flatten() {
            if let Some(key) = self.keys.get_mut(programme) {
                // Exact for a programme with keys: the key before and after fit in 64
                // bits. Any other's is never read.
                *key = key.wrapping_sub(old.wrapping_mul(weight)).wrapping_add(region.wrapping_mul(weight));
            }
        }
        true
    }

    /// The regions of the answers to the questions programme `programme` reads, as one
    /// number; `None` when it reads a number whose every value counts, or when the
    /// regions are too many to write in 64 bits.
    pub fn key(&self, programme: usize) -> Option<u64> {
        self.keyed.get(programme)?.then_some(())?;
        self.keys.get(programme).copied()
    }
}

impl<T: Clone> Memory<T> {
    pub fn new(size: usize) -> Memory<T> {
        Memory { slots: Vec::new(), size }
    }

    /// The value remembered for programme `programme`'s `key`, else the one `make`
    /// makes, remembered when there is a key; `None` when `make` makes none.
    pub fn get_or_make(&mut self, programme: usize, key: Option<u64>, make: impl FnOnce() -> Option<T>) -> Option<T> {
        if let Some(value) = key.and_then(|key| self.get(programme, key)) {
            return Some(value.clone());
        }
        let value = make()?;
        if let Some(key) = key {
            self.put(programme, key, value.clone());
        }
        Some(value)
    }

    pub fn get(&self, programme: usize, key: u64) -> Option<&T> {
        let first = self.pair(programme, key)?;
        self.slots.get(first..first + 2)?.iter().flatten().find(|(p, k, _)| *p == programme && *k == key).map(|e| &e.2)
    }

    pub fn put(&mut self, programme: usize, key: u64, value: T) {
        if self.slots.is_empty() {
            self.slots.resize(self.size, None);
        }
        let Some(first) = self.pair(programme, key) else { return };
        let Some([a, b]) = self.slots.get_mut(first..first + 2) else { return };
        // The older value moves to the second slot, unless it is this key's: one slot
        // per key, and the second's value, if not this key's, goes.
        if !a.as_ref().is_some_and(|(p, k, _)| *p == programme && *k == key) {
            std::mem::swap(a, b);
        }
        *a = Some((programme, key, value));
    }

    /// The first slot of the pair of programme `programme`'s `key`; `None` with no pair.
    fn pair(&self, programme: usize, key: u64) -> Option<usize> {
        let pairs = u64::try_from(self.size / 2).ok().filter(|n| *n > 0)?;
        let hash = (key ^ (programme as u64).rotate_left(48)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        // The hash's high half scaled to `0..pairs` by a product, not a division (a tenth
        // of a changed answer's time natively): both below 2^32, so it cannot overflow.
        let pairs = pairs.min(u64::from(u32::MAX));
        usize::try_from(((hash >> 32) * pairs) >> 32).ok().map(|pair| 2 * pair)
    }
}

/// How many regions a question has, with "not reached" and "I don't know".
fn size(shape: &Shape) -> Option<u64> {
    let regions = match shape {
        Shape::YesNo => 2,
        Shape::Choice(options) => *options,
        Shape::Number(points, _) => 2 * points.len() + 1,
        Shape::Counted => return None,
    };
    u64::try_from(regions + 2).ok()
}

/// An answer's region among those of its question, from 0; `None` for an answer of
/// another kind (none can be built: `answer::check`) and for a counted number.
fn region(shape: &Shape, answer: &Answer) -> Option<u64> {
    let region = match (shape, answer) {
        (Shape::YesNo, Answer::YesNo(yes)) => usize::from(!*yes),
        (Shape::Choice(_), Answer::Choice(option)) => *option,
        (Shape::Number(points, whole), Answer::Integer(_) | Answer::Money(_)) => {
            let cents = match answer {
                Answer::Integer(n) => n.checked_mul(100),
                Answer::Money(m) => hundredths(*m),
                _ => None,
            };
            match (whole, cents) {
                (Some(whole), Some(cents)) => place(whole, &cents),
                _ => place(points, &answer.number()?),
            }
        }
        _ => return None,
    };
    u64::try_from(region).ok()
}

/// The region of `number` among `points`, sorted: twice the points below it, plus one
/// when it is one of them.
fn place<T: Ord>(points: &[T], number: &T) -> usize {
    let below = points.iter().take_while(|point| *point < number).count();
    2 * below + usize::from(points.get(below) == Some(number))
}

/// `number` as a whole number of hundredths, when it is one that fits in 64 bits.
fn hundredths(number: Decimal) -> Option<i64> {
    // Trailing zeros past the hundredths (rare: answers are read without them) go first.
    let number = if number.scale() > 2 { number.normalize() } else { number };
    let factor = match number.scale() {
        0 => 100,
        1 => 10,
        2 => 1,
        _ => return None,
    };
    i64::try_from(number.mantissa()).ok()?.checked_mul(factor)
}

/// The constants the programmes compare a number question with, sorted, each once;
/// `None` when it is the units of a per-unit amount.
fn constants(programmes: &[&Programme], id: &str) -> Option<Vec<Decimal>> {
    let mut points = Vec::new();
    for programme in programmes {
        let Some(q) = programme.questions.iter().position(|question| question.id == id) else { continue };
        if crate::engine::counted(programme, q) {
            return None;
        }
        points.extend(domain::breakpoints(programme, q));
    }
    crate::sort::sort(&mut points);
    points.dedup();
    Some(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_has_the_same_region_in_hundredths_as_in_decimals() {
        let points: Vec<Decimal> =
            ["-3", "0.5", "12", "14999.99", "15000"].iter().filter_map(|p| p.parse().ok()).collect();
        let whole: Option<Vec<i64>> = points.iter().map(|p| hundredths(*p)).collect();
        assert_eq!(whole, Some(vec![-300, 50, 1200, 1_499_999, 1_500_000]));
        let (fast, slow) = (Shape::Number(points.clone(), whole), Shape::Number(points, None));
        let mut answers = vec![Answer::Integer(i64::MAX), Answer::Integer(i64::MIN)];
        answers.extend([-4, -3, 0, 11, 12, 13, 14999, 15000, 15001].map(Answer::Integer));
        for money in [
            "-3.00",
            "0.49",
            "0.5",
            "0.500",
            "0.501",
            "12.0",
            "14999.98",
            "14999.99",
            "14999.990",
            "15000.00",
            "15000.01",
        ] {
            answers.extend(money.parse().ok().map(Answer::Money));
        }
        let regions: Vec<_> = answers.iter().map(|answer| region(&fast, answer)).collect();
        assert_eq!(regions, answers.iter().map(|answer| region(&slow, answer)).collect::<Vec<_>>());
        assert_eq!(regions.get(2..8), Some(&[Some(0), Some(1), Some(2), Some(4), Some(5), Some(6)][..]));
        assert_eq!(hundredths(Decimal::new(5, 3)), None);
    }

    #[test]
    fn a_memory_gives_back_what_it_was_given_for_its_programme_and_key_only() {
        let mut memory = Memory::new(8);
        assert_eq!(memory.get(0, 42), None::<&u64>);
        // The last value put is there; an older one is there or gone, never another.
        for programme in 0..3 {
            for key in 0..100 {
                memory.put(programme, key, key * 10 + programme as u64);
                assert_eq!(memory.get(programme, key), Some(&(key * 10 + programme as u64)));
            }
        }
        for programme in 0..3 {
            for key in 0..100 {
                assert!(memory.get(programme, key).is_none_or(|v| *v == key * 10 + programme as u64));
            }
        }
        assert!(memory.get(3, 0).is_none());
        // Three keys of one pair: the two put last are kept, each once.
        let mut memory = Memory::new(8);
        let same: Vec<u64> = (0..1000).filter(|k| memory.pair(0, *k) == memory.pair(0, 0)).take(3).collect();
        let [one, two, three] = same[..] else { panic!("no three keys of one pair") };
        memory.put(0, one, 1);
        memory.put(0, two, 2);
        assert_eq!((memory.get(0, one), memory.get(0, two)), (Some(&1), Some(&2)));
        memory.put(0, three, 3);
        assert_eq!((memory.get(0, one), memory.get(0, two), memory.get(0, three)), (None, Some(&2), Some(&3)));
        memory.put(0, two, 20);
        memory.put(0, two, 21);
        assert_eq!((memory.get(0, two), memory.get(0, three)), (Some(&21), Some(&3)));
        let mut nothing = Memory::new(0);
        nothing.put(0, 42, 1);
        assert_eq!(nothing.get(0, 42), None);
    }
}
