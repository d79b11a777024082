//! Representative answers: a few answers per question that stand for every answer it
//! can take, as far as a programme's rules can tell. Conditions compare an answer with
//! constants only, and amounts grow by steps at known points, so between two such
//! points nothing a rule computes changes: testing each point, a value between each
//! pair and a value beyond each end (within the question's bounds) covers every case.

use rust_decimal::Decimal;

use crate::answer::Answer;
use crate::money::{exact, sum, truncate, whole_number, whole_part};
use crate::pack::{AmountRule, Benefit, Cap, Condition, Programme, QuestionIndex, QuestionKind};

/// The points where a programme's rules may change for question `q`: the constants its
/// conditions compare `q` with, and where a per-unit amount counting `q` starts or stops.
pub fn breakpoints(programme: &Programme, q: QuestionIndex) -> Vec<Decimal> {
    let mut points = Vec::new();
    each_condition(programme, true, &mut |condition| condition.collect_constants(q, &mut points));
    if let Benefit::Money(amount) = &programme.benefit {
        if let AmountRule::Sum(parts) = &amount.rule {
            // Plain loops and tests rather than chains of adapters, here and in
            // `each_condition` and `changes::counted`: each chain was its own code (−29 B gzipped).
            for part in parts {
                let Some(per_unit) = part.per_unit.as_ref().filter(|u| u.units == q) else { continue };
                // Zero units and one unit differ; so do the cap and one unit past it.
                // Pushed, not extended from an array: each array's extend is code of its own.
                points.push(Decimal::ZERO);
                points.push(Decimal::ONE);
                let cap = match per_unit.cap {
                    Some(Cap::Units(cap)) => Some(Decimal::from(cap)),
                    Some(Cap::Money(cap)) => units_to_reach(cap, per_unit.value),
                    None => None,
                };
                // Pushed from the option too: its extend was the last of its kind (−75 B gzipped).
                if let Some(cap) = cap {
                    points.push(cap);
                }
            }
        }
    }
    points
}

/// Each question's representative answers (`representatives` of its `breakpoints`),
/// made once for a programme and kept by a form: made anew on every evaluation, they
/// were a large part of it.
#[derive(Debug, Clone)]
pub struct Domains(Vec<Vec<Answer>>);

impl Domains {
    pub fn new(programme: &Programme) -> Domains {
        Domains::of(programme, &|_| true)
    }

    /// Those of the questions `wanted` only; the others have none. `wanted` is a `dyn`: one
    /// copy of this for both callers.
    pub(crate) fn of(programme: &Programme, wanted: &dyn Fn(QuestionIndex) -> bool) -> Domains {
        let mut domains = Vec::new();
        for (q, question) in programme.questions.iter().enumerate() {
            domains.push(match wanted(q) {
                true => representatives(&question.kind, breakpoints(programme, q)),
                false => Vec::new(),
            });
        }
        Domains(domains)
    }

    /// Question `q`'s representative answers; none past the programme's questions.
    pub fn get(&self, q: QuestionIndex) -> &[Answer] {
        self.0.get(q).map_or(&[], Vec::as_slice)
    }
}

/// Every condition of a programme: its criteria, tiers, parts and starts.
pub fn conditions(programme: &Programme) -> Vec<&Condition> {
    let mut all = Vec::new();
    each_condition(programme, true, &mut |condition| all.push(condition));
    all
}

/// The same, without a list, the criteria's only when `criteria`: the engine walks them on
/// every evaluation. One function for every walk, where a chain of iterators was compiled
/// again for each.
pub(crate) fn each_condition<'p>(programme: &'p Programme, criteria: bool, visit: &mut dyn FnMut(&'p Condition)) {
    if criteria {
        for criterion in &programme.criteria {
            visit(&criterion.condition);
        }
    }
    match &programme.benefit {
        Benefit::Money(amount) => match &amount.rule {
            AmountRule::Tiered(tiers) => {
                for tier in tiers {
                    visit(&tier.condition);
                }
            }
            AmountRule::Sum(parts) => {
                for part in parts {
                    if let Some(condition) = &part.condition {
                        visit(condition);
                    }
                }
            }
            AmountRule::Fixed(_) | AmountRule::Range { .. } => {}
        },
        Benefit::Place(place) => {
            for start in &place.starts {
                if let Some(condition) = &start.condition {
                    visit(condition);
                }
            }
        }
    }
}

/// Answers to a question of `kind` that stand for all its answers, given the points
/// where the rules change. Never empty for a question the rules read.
pub fn representatives(kind: &QuestionKind, mut points: Vec<Decimal>) -> Vec<Answer> {
    // `crate::sort` only, here and in the engine: one small sort routine in the WebAssembly.
    crate::sort::sort_unique(&mut points);
    representatives_of(kind, &points)
}

/// `representatives` of points already sorted, each once (`changes` keeps them: no copy).
pub(crate) fn representatives_of(kind: &QuestionKind, points: &[Decimal]) -> Vec<Answer> {
    let mut answers = Vec::new();
    // Whole numbers are gathered as decimals too: one sort, one dedup and one filter for
    // both kinds of number (−167 B gzipped).
    let (min, max, whole) = match kind {
        QuestionKind::YesNo => {
            answers.push(Answer::YesNo(true));
            answers.push(Answer::YesNo(false));
            return answers;
        }
        QuestionKind::Choice(choices) => {
            for i in 0..choices.len() {
                answers.push(Answer::Choice(i));
            }
            return answers;
        }
        QuestionKind::Integer { min, max } => (min.map(Decimal::from), max.map(Decimal::from), true),
        QuestionKind::Money { min, max, .. } => (*min, *max, false),
    };
    // Pushed, not extended from options and slices: each extend was code of its own.
    let mut values: Vec<Decimal> = Vec::new();
    // Options through one helper; values that are there pushed as they are, not
    // wrapped in an option first.
    fn put(values: &mut Vec<Decimal>, value: Option<Decimal>) {
        if let Some(value) = value {
            values.push(value);
        }
    }
    put(&mut values, min);
    put(&mut values, max);
    if whole {
        for point in points {
            // The whole numbers within one of its floor or its ceiling, when either fits an
            // `i64`: a loop over that range, where one loop over the two and another over
            // each one's neighbours were more code (−46 B gzipped).
            let [floor, ceiling] = floor_and_ceiling(*point);
            if i64::try_from(floor).is_err() && i64::try_from(ceiling).is_err() {
                continue;
            }
            // Below 2^96 in magnitude: no step here overflows an `i128`.
            let mut edge = floor - 1;
            while edge <= ceiling + 1 {
                if let Ok(edge) = i64::try_from(edge) {
                    values.push(Decimal::from(edge));
                }
                edge += 1;
            }
        }
    } else {
        for point in points {
            values.push(*point);
        }
        for pair in points.windows(2) {
            if let [a, b] = pair {
                put(&mut values, between(a, b));
            }
        }
        // One less as a sum: a subtraction would bring rust_decimal's addition back.
        // Matched, not through `and_then` and a closure each.
        if let (Some(first), Some(last)) = (points.first(), points.last()) {
            put(&mut values, sum(first, &Decimal::NEGATIVE_ONE));
            put(&mut values, sum(last, &Decimal::ONE));
        }
    }
    if values.is_empty() {
        values.push(Decimal::ZERO);
    }
    crate::sort::sort_unique(&mut values);
    // Plain loops rather than iterator chains here: each chain was its own code.
    // Borrowed, as `engine::verdict` borrows its statuses: no owning iterator (−33 B gzipped).
    for &d in &values {
        if min.is_none_or(|m| d >= m) && max.is_none_or(|m| d <= m) {
            // A whole number's values all come from `i64`s: each reads back.
            match whole {
                true => {
                    if let Some(n) = whole_number(d) {
                        answers.push(Answer::Integer(n));
                    }
                }
                false => answers.push(Answer::Money(d)),
            }
        }
    }
    answers
}

/// A value strictly between `a` and `b`, halving each first so that neighbours near
/// the largest decimals do not overflow; `None` when no decimal lies between.
// Borrowed, here and in `half`, not copied into each call (−48 B gzipped).
fn between(a: &Decimal, b: &Decimal) -> Option<Decimal> {
    let middle = sum(&half(a), &half(b))?;
    (*a < middle && middle < *b).then_some(middle)
}

// The engine's only divisions, written on the decimals' mantissas and scales: with
// rust_decimal's division and `ceil`, which nothing else uses, they were 5.5 KB of the
// WebAssembly (BENCHMARKS.md, "The fifth cut"). Each gives what rust_decimal gives
// (the tests compare them on any decimals).

/// One more than the largest mantissa of a `Decimal` (96 bits).
const MANTISSA_LIMIT: u128 = 1 << 96;
const MAX_SCALE: i32 = 28;

/// `cap ÷ per_unit` rounded up to a whole number: the fewest units whose amounts reach
/// the cap. It is `cap.checked_div(per_unit)?.ceil()`, the quotient rounded first as
/// rust_decimal rounds it (half to even, to as many digits as a decimal holds), so
/// `None` for a zero `per_unit` or a quotient beyond the largest decimal.
fn units_to_reach(cap: Decimal, per_unit: Decimal) -> Option<Decimal> {
    let divisor = per_unit.mantissa().unsigned_abs();
    if divisor == 0 {
        return None;
    }
    let (whole, remainder) = long_division(cap.mantissa().unsigned_abs(), divisor);
    let (mantissa, scale) = decimal_digits(whole, remainder, divisor, scale_of(cap) - scale_of(per_unit))?;
    // A quotient rounded to zero is a positive zero; one above -1 rounds up to a negative zero.
    let negative = cap.is_sign_negative() != per_unit.is_sign_negative() && mantissa != 0;
    // Not below zero once the digits are made.
    let (whole, fraction) = truncate(mantissa, scale as u32);
    Some(decimal(whole + u128::from(fraction && !negative), negative, 0))
}

fn scale_of(value: Decimal) -> i32 {
    // At most 28: the cast is exact.
    value.scale() as i32
}

/// `dividend ÷ divisor` (`divisor` not zero, both below 2^96) and its remainder, a bit at
/// a time: a division of the u128 would bring in its own routine.
fn long_division(dividend: u128, divisor: u128) -> (u128, u128) {
    let (mut quotient, mut remainder) = (0u128, 0u128);
    for bit in (0..96).rev() {
        remainder = (remainder << 1) | ((dividend >> bit) & 1);
        quotient <<= 1;
        if remainder >= divisor {
            remainder -= divisor;
            quotient |= 1;
        }
    }
    (quotient, remainder)
}

/// The quotient `(whole + remainder ÷ divisor) × 10^-scale` as a decimal's mantissa and
/// scale, as rust_decimal's division makes it: digits added until the scale is not below
/// zero (`None` if the mantissa outgrows 96 bits first), then while a remainder is left,
/// the mantissa fits and the scale is below 28; the rest rounded half to even.
fn decimal_digits(whole: u128, remainder: u128, divisor: u128, scale: i32) -> Option<(u128, i32)> {
    let (mut mantissa, mut remainder, mut scale) = (whole, remainder, scale);
    while scale < 0 || (remainder != 0 && scale < MAX_SCALE) {
        // remainder < divisor < 2^96: no product here overflows a u128.
        let mut rest = remainder * 10;
        let mut digit = 0;
        while rest >= divisor {
            rest -= divisor;
            digit += 1;
        }
        let next = mantissa * 10 + digit;
        if next >= MANTISSA_LIMIT {
            if scale < 0 {
                return None;
            }
            break;
        }
        (mantissa, remainder, scale) = (next, rest, scale + 1);
    }
    let above_half = remainder * 2 > divisor || (remainder * 2 == divisor && mantissa & 1 == 1);
    mantissa += u128::from(above_half);
    if mantissa == MANTISSA_LIMIT {
        // Rounded up past 96 bits: one digit less, rounded again (2^96 ÷ 10 = …033.6).
        if scale == 0 {
            return None;
        }
        (mantissa, scale) = (MANTISSA_LIMIT / 10 + 1, scale - 1);
    }
    Some((mantissa, scale))
}

/// The whole numbers at or around `point`: its floor and its ceiling.
fn floor_and_ceiling(point: Decimal) -> [i128; 2] {
    let (whole, fraction) = whole_part(point);
    let fraction = i128::from(fraction);
    match point.is_sign_negative() {
        true => [whole - fraction, whole],
        false => [whole, whole + fraction],
    }
}

/// `value ÷ 2` as rust_decimal's division gives it: exact (the mantissa halved, or five
/// times it one place further), but for an odd mantissa that cannot go one place
/// further, rounded half to even. The scale may differ from rust_decimal's (which writes
/// 1 ÷ 2 as 0.50), never the value: a middle point is only compared, or written
/// normalised.
fn half(value: &Decimal) -> Decimal {
    // Below 2^96: five times it fits a u128.
    let (magnitude, scale) = (value.mantissa().unsigned_abs(), value.scale());
    let (halved, scale) = if magnitude & 1 == 0 {
        (magnitude >> 1, scale)
    } else if scale < MAX_SCALE as u32 && magnitude * 5 < MANTISSA_LIMIT {
        (magnitude * 5, scale + 1)
    } else {
        // The nearer even of the two neighbours.
        let down = magnitude >> 1;
        (down + (down & 1), scale)
    };
    decimal(halved, value.is_sign_negative(), scale)
}

/// The decimal of a mantissa below 2^96, its sign (a zero's too) and a scale of at most 28.
fn decimal(magnitude: u128, negative: bool, scale: u32) -> Decimal {
    let mut decimal = exact(magnitude, false, scale);
    decimal.set_sign_negative(negative);
    decimal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_around_each_point_within_bounds() {
        let kind = QuestionKind::Integer { min: Some(0), max: Some(366) };
        let values = representatives(&kind, vec![Decimal::from(12)]);
        let numbers: Vec<i64> =
            values.iter().filter_map(|a| a.number()).filter_map(|d| i64::try_from(d).ok()).collect();
        assert_eq!(numbers, [0, 11, 12, 13, 366]);
    }

    #[test]
    fn whole_numbers_at_the_ends_of_i64_read_back() {
        let kind = QuestionKind::Integer { min: None, max: None };
        let numbers = |points: Vec<Decimal>| {
            let values = representatives(&kind, points);
            values.iter().map(|a| if let Answer::Integer(n) = a { *n } else { 0 }).collect::<Vec<i64>>()
        };
        assert_eq!(numbers(vec![Decimal::from(i64::MAX)]), [i64::MAX - 1, i64::MAX]);
        assert_eq!(numbers(vec![Decimal::from(i64::MIN), dec(5, 1)]), [i64::MIN, i64::MIN + 1, -1, 0, 1, 2]);
        assert_eq!(numbers(vec![Decimal::MAX]), [0], "a point beyond i64 adds no number");
    }

    #[test]
    fn extreme_points_do_not_overflow() {
        let kind = QuestionKind::Money { currency: "EUR".into(), min: None, max: None };
        let values = representatives(&kind, vec![Decimal::MAX, Decimal::MIN]);
        assert!(values.contains(&Answer::Money(Decimal::MAX)) && values.contains(&Answer::Money(Decimal::MIN)));
        assert!(values.contains(&Answer::Money(Decimal::ZERO)), "the point between the two extremes");
        let kind = QuestionKind::Integer { min: None, max: None };
        assert!(!representatives(&kind, vec![Decimal::MAX]).is_empty());
    }

    /// What the engine computed with rust_decimal's division, which the helpers replace.
    fn divided_then_ceiling(cap: Decimal, per_unit: Decimal) -> Option<Decimal> {
        cap.checked_div(per_unit).map(|units| units.ceil())
    }

    fn between_by_division(a: Decimal, b: Decimal) -> Option<Decimal> {
        let middle = a.checked_div(Decimal::TWO)?.checked_add(b.checked_div(Decimal::TWO)?)?;
        (a < middle && middle < b).then_some(middle)
    }

    fn dec(mantissa: i128, scale: u32) -> Decimal {
        Decimal::from_i128_with_scale(mantissa, scale)
    }

    /// The same decimal, to the bit: value, scale and sign (of a zero too).
    fn same(a: Option<Decimal>, b: Option<Decimal>) -> bool {
        a.map(|d| d.serialize()) == b.map(|d| d.serialize())
    }

    #[test]
    fn units_to_reach_a_cap_are_rounded_up() {
        let units = |cap, per_unit| units_to_reach(cap, per_unit).map(|u| (u.mantissa(), u.scale()));
        assert_eq!(units(dec(1000, 0), dec(100, 0)), Some((10, 0)));
        assert_eq!(units(dec(1000, 0), dec(300, 0)), Some((4, 0)));
        assert_eq!(units(dec(100050, 2), dec(100, 0)), Some((11, 0)), "1000.50 ÷ 100");
        assert_eq!(units(dec(1, 28), dec(3, 0)), Some((0, 0)), "rounded to zero at 28 digits");
        assert_eq!(units(dec(1000, 0), Decimal::ZERO), None);
        assert_eq!(units(Decimal::MAX, dec(1, 1)), None, "beyond the largest decimal");
        assert_eq!(units(Decimal::ZERO, dec(7, 3)), Some((0, 0)));
        // Exactly n + 1e-28 × … is n once rounded to the digits a decimal holds, as before.
        let (cap, per_unit) = (dec(10_000_000_000_000_000_000_000_000_001, 0), dec(1_000, 0));
        assert!(same(units_to_reach(cap, per_unit), divided_then_ceiling(cap, per_unit)));
        // Halfway at the last place a decimal holds, rounded to even: 1 + 5e-29 is 1; at
        // scale 0, 10^28 + 1/2 is 10^28.
        for (cap, per_unit) in [
            (dec(20_000_000_000_000_000_000_000_000_001, 28), dec(2, 0)),
            (dec(20_000_000_000_000_000_000_000_000_001, 0), dec(2, 0)),
        ] {
            assert!(same(units_to_reach(cap, per_unit), Some(dec(cap.mantissa() / 2 / 10i128.pow(cap.scale()), 0))));
            assert!(same(units_to_reach(cap, per_unit), divided_then_ceiling(cap, per_unit)));
        }
        // Rounded up to 2^96 at one place: one digit less, as rust_decimal does.
        for sign in [1, -1] {
            let (cap, per_unit) = (dec(sign * 55_459_713_759_985_036_315_480_765_235, 0), dec(7, 0));
            assert!(same(units_to_reach(cap, per_unit), divided_then_ceiling(cap, per_unit)));
        }
        // Above -1: a negative zero, as `ceil` gives.
        let units = units_to_reach(dec(-1, 0), dec(3, 0));
        assert!(units.is_some_and(|u| u.is_zero() && u.is_sign_negative()));
    }

    #[test]
    fn halves_are_exact_or_rounded_to_even() {
        assert_eq!(half(&dec(3, 0)), dec(15, 1));
        assert_eq!(half(&dec(-7, 2)), dec(-35, 3));
        assert_eq!(half(&dec(201, 28)), dec(100, 28), "half to even at the last place");
        assert_eq!(half(&dec(203, 28)), dec(102, 28));
        assert_eq!(half(&dec(-203, 28)), dec(-102, 28));
        assert_eq!(half(&Decimal::MAX), dec(39_614_081_257_132_168_796_771_975_168, 0));
        assert_eq!(half(&Decimal::MIN), dec(-39_614_081_257_132_168_796_771_975_168, 0));
    }

    #[test]
    fn whole_numbers_at_or_around_a_point() {
        assert_eq!(floor_and_ceiling(dec(125, 1)), [12, 13]);
        assert_eq!(floor_and_ceiling(dec(-125, 1)), [-13, -12]);
        assert_eq!(floor_and_ceiling(dec(-12, 0)), [-12, -12]);
        assert_eq!(floor_and_ceiling(dec(1, 28)), [0, 1]);
        assert_eq!(floor_and_ceiling(dec(-1, 28)), [-1, 0]);
        assert_eq!(floor_and_ceiling(Decimal::MAX), [Decimal::MAX.mantissa(); 2]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;
        use crate::money::any_decimal;

        /// A quotient near a whole number: a multiple of the divisor, nudged by a few of its
        /// last places, where rounding the quotient decides its ceiling.
        fn near_whole() -> impl Strategy<Value = (Decimal, Decimal)> {
            (any_decimal(), -1_000_000i64..=1_000_000, -3i64..=3, 0u32..=28).prop_filter_map(
                "a representable dividend",
                |(divisor, times, nudge, scale)| {
                    let dividend = divisor.checked_mul(Decimal::from(times))?;
                    Some((dividend.checked_add(Decimal::new(nudge, scale))?, divisor))
                },
            )
        }

        /// Any decimal, or one within a few steps of `i64`'s ends, whole or not.
        fn near_i64_ends() -> impl Strategy<Value = Decimal> {
            let ends = (prop_oneof![Just(i128::from(i64::MAX)), Just(i128::from(i64::MIN))], -3i128..=3, 0u32..=2);
            prop_oneof![
                any_decimal(),
                ends.prop_map(|(end, step, scale)| {
                    let tens = 10i128.pow(scale);
                    Decimal::from_i128_with_scale((end + step) * tens + step.signum() * (tens / 2), scale)
                }),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]

            #[test]
            fn units_to_reach_are_rust_decimals_quotient_rounded_up(cap in any_decimal(), per_unit in any_decimal()) {
                prop_assert!(same(units_to_reach(cap, per_unit), divided_then_ceiling(cap, per_unit)));
            }

            #[test]
            fn units_to_reach_near_whole_quotients((cap, per_unit) in near_whole()) {
                prop_assert!(same(units_to_reach(cap, per_unit), divided_then_ceiling(cap, per_unit)));
            }

            #[test]
            fn halves_are_rust_decimals_by_value(value in any_decimal()) {
                prop_assert_eq!(Some(half(&value)), value.checked_div(Decimal::TWO));
            }

            #[test]
            fn the_point_between_is_rust_decimals(a in any_decimal(), b in any_decimal()) {
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                prop_assert_eq!(between(&a, &b), between_by_division(a, b));
            }

            #[test]
            fn whole_representatives_are_each_edge_and_its_neighbours(point in near_i64_ends()) {
                // What `representatives_of` did: each edge that fits, and its neighbours.
                let mut expected = Vec::new();
                for edge in floor_and_ceiling(point) {
                    if let Ok(edge) = i64::try_from(edge) {
                        expected.extend([edge.saturating_sub(1), edge, edge.saturating_add(1)]);
                    }
                }
                if expected.is_empty() {
                    expected.push(0);
                }
                expected.sort_unstable();
                expected.dedup();
                let kind = QuestionKind::Integer { min: None, max: None };
                let got: Vec<i64> = representatives(&kind, vec![point])
                    .iter()
                    .map(|a| if let Answer::Integer(n) = a { *n } else { 0 })
                    .collect();
                prop_assert_eq!(got, expected);
            }

            #[test]
            fn floor_and_ceiling_are_rust_decimals(point in any_decimal()) {
                let whole = |d: Decimal| (d.scale() == 0).then_some(d.mantissa());
                let expected = [whole(point.floor()), whole(point.ceil())];
                prop_assert_eq!(floor_and_ceiling(point).map(Some), expected);
            }
        }
    }
}
