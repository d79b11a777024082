//! Representative answers: a few answers per question that stand for every answer it
//! can take, as far as a programme's rules can tell. Conditions compare an answer with
//! constants only, and amounts grow by steps at known points, so between two such
//! points nothing a rule computes changes: testing each point, a value between each
//! pair and a value beyond each end (within the question's bounds) covers every case.

use rust_decimal::Decimal;

use crate::answer::Answer;
use crate::pack::{AmountRule, Benefit, Cap, Condition, Programme, QuestionIndex, QuestionKind};

/// The points where a programme's rules may change for question `q`: the constants its
/// conditions compare `q` with, and where a per-unit amount counting `q` starts or stops.
pub fn breakpoints(programme: &Programme, q: QuestionIndex) -> Vec<Decimal> {
    let mut points = Vec::new();
    for condition in each_condition(programme) {
        condition.collect_constants(q, &mut points);
    }
    if let Benefit::Money(amount) = &programme.benefit {
        if let AmountRule::Sum(parts) = &amount.rule {
            for per_unit in parts.iter().filter_map(|p| p.per_unit.as_ref()).filter(|u| u.units == q) {
                // Zero units and one unit differ; so do the cap and one unit past it.
                points.extend([Decimal::ZERO, Decimal::ONE]);
                match per_unit.cap {
                    Some(Cap::Units(cap)) => points.push(Decimal::from(cap)),
                    Some(Cap::Money(cap)) => points.extend(cap.checked_div(per_unit.value).map(|units| units.ceil())),
                    None => {}
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
        Domains::of(programme, |_| true)
    }

    /// Those of the questions `wanted` only; the others have none.
    pub(crate) fn of(programme: &Programme, wanted: impl Fn(QuestionIndex) -> bool) -> Domains {
        let domain = |(q, question): (QuestionIndex, &crate::pack::Question)| match wanted(q) {
            true => representatives(&question.kind, breakpoints(programme, q)),
            false => Vec::new(),
        };
        Domains(programme.questions.iter().enumerate().map(domain).collect())
    }

    /// Question `q`'s representative answers; none past the programme's questions.
    pub fn get(&self, q: QuestionIndex) -> &[Answer] {
        self.0.get(q).map_or(&[], Vec::as_slice)
    }
}

/// Every condition of a programme: its criteria, tiers, parts and starts.
pub fn conditions(programme: &Programme) -> Vec<&Condition> {
    each_condition(programme).collect()
}

/// The same, without a list: the engine walks them on every evaluation.
pub(crate) fn each_condition(programme: &Programme) -> impl Iterator<Item = &Condition> {
    let criteria = programme.criteria.iter().map(|c| &c.condition);
    let (tiers, parts, starts) = match &programme.benefit {
        Benefit::Money(amount) => match &amount.rule {
            AmountRule::Tiered(tiers) => (tiers.as_slice(), &[][..], &[][..]),
            AmountRule::Sum(parts) => (&[][..], parts.as_slice(), &[][..]),
            AmountRule::Fixed(_) | AmountRule::Range { .. } => (&[][..], &[][..], &[][..]),
        },
        Benefit::Place(place) => (&[][..], &[][..], place.starts.as_slice()),
    };
    criteria
        .chain(tiers.iter().map(|t| &t.condition))
        .chain(parts.iter().filter_map(|p| p.condition.as_ref()))
        .chain(starts.iter().filter_map(|s| s.condition.as_ref()))
}

/// Answers to a question of `kind` that stand for all its answers, given the points
/// where the rules change. Never empty for a question the rules read.
pub fn representatives(kind: &QuestionKind, mut points: Vec<Decimal>) -> Vec<Answer> {
    // `crate::sort` only, here and in the engine: one small sort routine in the WebAssembly.
    crate::sort::sort(&mut points);
    points.dedup();
    match kind {
        QuestionKind::YesNo => vec![Answer::YesNo(true), Answer::YesNo(false)],
        QuestionKind::Choice(choices) => (0..choices.len()).map(Answer::Choice).collect(),
        QuestionKind::Integer { min, max } => {
            let mut values: Vec<i64> = min.iter().chain(max.iter()).copied().collect();
            for point in &points {
                for edge in [point.floor(), point.ceil()] {
                    if let Ok(edge) = i64::try_from(edge) {
                        values.extend([edge.saturating_sub(1), edge, edge.saturating_add(1)]);
                    }
                }
            }
            if values.is_empty() {
                values.push(0);
            }
            crate::sort::sort(&mut values);
            values.dedup();
            let inside = |n: &i64| min.is_none_or(|m| *n >= m) && max.is_none_or(|m| *n <= m);
            values.into_iter().filter(inside).map(Answer::Integer).collect()
        }
        QuestionKind::Money { min, max, .. } => {
            let mut values: Vec<Decimal> = min.iter().chain(max.iter()).copied().collect();
            values.extend(&points);
            values.extend(points.windows(2).filter_map(|w| match w {
                [a, b] => between(*a, *b),
                _ => None,
            }));
            values.extend(points.first().and_then(|c| c.checked_sub(Decimal::ONE)));
            values.extend(points.last().and_then(|c| c.checked_add(Decimal::ONE)));
            if values.is_empty() {
                values.push(Decimal::ZERO);
            }
            let inside = |d: &Decimal| min.is_none_or(|m| *d >= m) && max.is_none_or(|m| *d <= m);
            crate::sort::sort(&mut values);
            values.dedup();
            values.into_iter().filter(inside).map(Answer::Money).collect()
        }
    }
}

/// A value strictly between `a` and `b`, halving each first so that neighbours near
/// the largest decimals do not overflow; `None` when no decimal lies between.
fn between(a: Decimal, b: Decimal) -> Option<Decimal> {
    let middle = a.checked_div(Decimal::TWO)?.checked_add(b.checked_div(Decimal::TWO)?)?;
    (a < middle && middle < b).then_some(middle)
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
    fn extreme_points_do_not_overflow() {
        let kind = QuestionKind::Money { currency: "EUR".into(), min: None, max: None };
        let values = representatives(&kind, vec![Decimal::MAX, Decimal::MIN]);
        assert!(values.contains(&Answer::Money(Decimal::MAX)) && values.contains(&Answer::Money(Decimal::MIN)));
        assert!(values.contains(&Answer::Money(Decimal::ZERO)), "the point between the two extremes");
        let kind = QuestionKind::Integer { min: None, max: None };
        assert!(!representatives(&kind, vec![Decimal::MAX]).is_empty());
    }
}
