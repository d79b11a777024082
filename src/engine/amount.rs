//! What the amount can still be, given the answers so far.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::logic::{residual, Residual};
use crate::answer::{Answer, Answers};
use crate::pack::{AmountRule, QuestionIndex, QuestionKind, Programme};

/// The smallest and largest amounts still possible; equal once decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountRange {
    pub min: Decimal,
    pub max: Decimal,
}

impl AmountRange {
    fn exactly(value: Decimal) -> AmountRange {
        AmountRange { min: value, max: value }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountOutlook {
    /// `None` only if the rule cannot be computed (an overflow): never a made-up value.
    pub range: Option<AmountRange>,
    /// Unanswered questions that can still narrow the range.
    pub deciding: BTreeSet<QuestionIndex>,
}

pub fn outlook(programme: &Programme, answers: &Answers) -> AmountOutlook {
    match &programme.amount.rule {
        AmountRule::Fixed(value) => decided(Some(*value)),
        AmountRule::Range { min, max } => {
            AmountOutlook { range: Some(AmountRange { min: *min, max: *max }), deciding: BTreeSet::new() }
        }
        AmountRule::Tiered(tiers) => {
            let mut range: Option<AmountRange> = None;
            let mut deciding = BTreeSet::new();
            for tier in tiers {
                match residual(&tier.condition, answers) {
                    Residual::Known(false) => continue,
                    Residual::Known(true) => {}
                    Residual::Open(questions) => deciding.extend(questions),
                }
                range = Some(match range {
                    None => AmountRange::exactly(tier.value),
                    Some(r) => AmountRange { min: r.min.min(tier.value), max: r.max.max(tier.value) },
                });
            }
            if range.is_some_and(|r| r.min == r.max) {
                deciding.clear();
            }
            AmountOutlook { range, deciding }
        }
        AmountRule::PerUnit { base, per_unit, units, cap } => {
            let amount_for = |n: i64| {
                let n = cap.map_or(n, |cap| n.min(cap)).max(0);
                per_unit.checked_mul(Decimal::from(n)).and_then(|v| v.checked_add(*base))
            };
            if let Some(Answer::Integer(n)) = answers.get(*units) {
                return decided(amount_for(*n));
            }
            let (low, high) = match programme.questions.get(*units).map(|q| &q.kind) {
                Some(QuestionKind::Integer { min, max }) => (min.unwrap_or(0), max.or(*cap)),
                _ => (0, *cap),
            };
            let range = match (amount_for(low), high.and_then(amount_for)) {
                (Some(min), Some(max)) => Some(AmountRange { min, max }),
                _ => None,
            };
            let deciding = match range {
                Some(r) if r.min == r.max => BTreeSet::new(),
                _ => BTreeSet::from([*units]),
            };
            AmountOutlook { range, deciding }
        }
    }
}

fn decided(value: Option<Decimal>) -> AmountOutlook {
    AmountOutlook { range: value.map(AmountRange::exactly), deciding: BTreeSet::new() }
}
