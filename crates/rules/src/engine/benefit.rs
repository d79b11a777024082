//! The benefit: what it is for answers that decide it, and what it can still be.

use rust_decimal::Decimal;

use super::logic::{known, truth};
use crate::answer::{Answer, Answers};
use crate::money::{product, sum};
use crate::pack::{AmountRule, Benefit, Cap, Part, PerUnit, Programme, QuestionIndex, QuestionKind};

/// What the benefit still can be, for a visitor who would be eligible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BenefitOutlook {
    /// Equal bounds once decided; `max` is `None` when nothing bounds it (a per-unit
    /// amount with no cap, its units not yet known).
    Money { min: Decimal, max: Option<Decimal> },
    /// The starts (indices into the place's starts) still possible, in the pack's order.
    Place { starts: Vec<usize> },
}

impl BenefitOutlook {
    pub fn is_decided(&self) -> bool {
        match self {
            BenefitOutlook::Money { min, max } => *max == Some(*min),
            BenefitOutlook::Place { starts } => starts.len() == 1,
        }
    }
}

/// The benefit for answers that decide it: an amount (`None` if it overflows, never a
/// made-up value) or the start that applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenefitValue {
    Money(Option<Decimal>),
    Start(usize),
}

/// The benefit if every question it reads is answered; `None` otherwise.
pub fn value(programme: &Programme, answers: &Answers) -> Option<BenefitValue> {
    match &programme.benefit {
        Benefit::Money(amount) => match &amount.rule {
            AmountRule::Fixed(value) => Some(BenefitValue::Money(Some(*value))),
            // The operator decides: as far as the rules go, the whole range is one value.
            AmountRule::Range { .. } => Some(BenefitValue::Money(None)),
            AmountRule::Tiered(tiers) => {
                let tier = tiers.iter().find(|t| known(&t.condition, answers) == Some(true))?;
                Some(BenefitValue::Money(Some(tier.value)))
            }
            AmountRule::Sum(parts) => {
                let mut total = Some(Decimal::ZERO);
                for part in parts {
                    if !applies(part, answers)? {
                        continue;
                    }
                    let units = match &part.per_unit {
                        Some(per_unit) => part_units(per_unit, answers)?,
                        None => 0,
                    };
                    add_to(&mut total, part_amount(part, units));
                }
                Some(BenefitValue::Money(total))
            }
        },
        Benefit::Place(place) => {
            let index = place
                .starts
                .iter()
                .position(|s| s.condition.as_ref().is_none_or(|c| known(c, answers) == Some(true)))?;
            Some(BenefitValue::Start(index))
        }
    }
}

/// Adds `amount` to `total`, in place; `None` once either is (an overflow). One match, not
/// a zip and a map of options (see `changes::regions`), for a value and the least of an outlook.
fn add_to(total: &mut Option<Decimal>, amount: Option<Decimal>) {
    *total = match (*total, amount) {
        (Some(total), Some(amount)) => sum(&total, &amount),
        _ => None,
    };
}

/// Whether a part applies; `None` while unknown.
fn applies(part: &Part, answers: &Answers) -> Option<bool> {
    part.condition.as_ref().map_or(Some(true), |condition| known(condition, answers))
}

fn part_units(per_unit: &PerUnit, answers: &Answers) -> Option<i64> {
    match answers.get(per_unit.units) {
        Some(Answer::Integer(n)) => Some(*n),
        _ => None,
    }
}

/// `value + per_unit × units` with the cap applied; `units` is not read for a part
/// without a per-unit amount (a number, not an option: −26 B gzipped). `None` on overflow.
fn part_amount(part: &Part, units: i64) -> Option<Decimal> {
    let Some(per_unit) = &part.per_unit else { return Some(part.value) };
    let units = units.max(0);
    let counted = match per_unit.cap {
        Some(Cap::Units(cap)) => units.min(cap),
        _ => units,
    };
    let mut amount = product(per_unit.value, counted)?;
    if let Some(Cap::Money(cap)) = per_unit.cap {
        // `amount.min(cap)`, written out (see `changes::merged`).
        if cap < amount {
            amount = cap;
        }
    }
    sum(&part.value, &amount)
}

/// Widens `range` to hold `amount`: the first of the least and the last of the greatest
/// are kept, as `Ord::min` and `max` (and `Iterator::min` and `max`) keep them.
// One helper for the quick outlook and the analysis' (−45 B gzipped); the range changed
// in place, not passed and given back (−89 B gzipped).
// The amount borrowed too, not copied into each call (−14 B gzipped).
pub(super) fn widen(range: &mut Option<(Decimal, Decimal)>, amount: &Decimal) {
    match range {
        None => *range = Some((*amount, *amount)),
        Some((min, max)) => {
            if amount < min {
                *min = *amount;
            }
            if amount >= max {
                *max = *amount;
            }
        }
    }
}

/// A quick, safe outlook from the answers alone, used when the exact analysis would
/// have too many cases: it may be wider than the truth, never narrower. The unanswered
/// questions that can still move it are pushed onto `deciding`, some perhaps twice.
pub fn outlook(programme: &Programme, answers: &Answers, deciding: &mut Vec<QuestionIndex>) -> Option<BenefitOutlook> {
    let start = deciding.len();
    let outlook = match &programme.benefit {
        Benefit::Money(amount) => match &amount.rule {
            AmountRule::Fixed(value) => Some(BenefitOutlook::Money { min: *value, max: Some(*value) }),
            AmountRule::Range { min, max } => Some(BenefitOutlook::Money { min: *min, max: Some(*max) }),
            AmountRule::Tiered(tiers) => {
                let mut range = None;
                for tier in tiers {
                    if truth(&tier.condition, answers, deciding) == Some(false) {
                        continue;
                    }
                    widen(&mut range, &tier.value);
                }
                range.map(|(min, max)| BenefitOutlook::Money { min, max: Some(max) })
            }
            AmountRule::Sum(parts) => sum_outlook(programme, parts, answers, deciding),
        },
        Benefit::Place(place) => {
            let mut starts = Vec::new();
            for (i, start) in place.starts.iter().enumerate() {
                if start.condition.as_ref().and_then(|c| truth(c, answers, deciding)) == Some(false) {
                    continue;
                }
                starts.push(i);
            }
            Some(BenefitOutlook::Place { starts })
        }
    };
    if outlook.as_ref().is_some_and(BenefitOutlook::is_decided) {
        deciding.truncate(start);
    }
    outlook
}

fn sum_outlook(
    programme: &Programme,
    parts: &[Part],
    answers: &Answers,
    deciding: &mut Vec<QuestionIndex>,
) -> Option<BenefitOutlook> {
    let (mut min, mut max) = (Some(Decimal::ZERO), Some(Some(Decimal::ZERO)));
    for part in parts {
        let applies = match part.condition.as_ref().map(|c| truth(c, answers, deciding)) {
            Some(Some(false)) => continue,
            Some(None) => None,
            Some(Some(true)) | None => Some(true),
        };
        let (low, high) = match part.per_unit.as_ref().map(|u| (u, part_units(u, answers))) {
            Some((per_unit, None)) => {
                deciding.push(per_unit.units);
                let (lowest, highest) = match programme.questions.get(per_unit.units).map(|q| &q.kind) {
                    Some(QuestionKind::Integer { min, max }) => (min.unwrap_or(0), *max),
                    _ => (0, None),
                };
                // Outer `None`: nothing bounds it; inner `None`: an overflow.
                let high = match (highest, per_unit.cap) {
                    (Some(n), _) | (None, Some(Cap::Units(n))) => Some(part_amount(part, n)),
                    (None, Some(Cap::Money(cap))) => Some(sum(&part.value, &cap)),
                    (None, None) => None,
                };
                (part_amount(part, lowest), high)
            }
            // No per-unit amount, or its units given: one amount.
            given => {
                let amount = part_amount(part, given.and_then(|(_, units)| units).unwrap_or(0));
                (amount, Some(amount))
            }
        };
        // A part that may not apply may add nothing.
        if applies.is_some() {
            add_to(&mut min, low);
        }
        max = match (max, high) {
            (Some(Some(m)), Some(Some(h))) => sum(&m, &h).map(Some),
            (Some(_), None) | (Some(None), _) => Some(None),
            _ => None,
        };
    }
    match (min, max) {
        (Some(min), Some(max)) => Some(BenefitOutlook::Money { min, max }),
        _ => None,
    }
}
