//! Exact analysis of a programme on partial answers: which criteria can still be met,
//! what the benefit can still be, and which unanswered questions can really change
//! the verdict or the benefit.
//!
//! Three-valued logic alone is not exact: `a or not a` is open while `a` is unknown,
//! though it always holds, and two tiers of equal value make their question look
//! decisive. So the unanswered questions the rules still read are split into
//! independent components (questions read together by one criterion, or by the
//! benefit, belong together), and each component is tried on every combination of
//! its questions' representative answers (`domain`). A question matters when two
//! combinations that differ only in its answer give another verdict or benefit, while
//! the other components can still all be met.

use std::collections::BTreeSet;

use super::benefit::{value, BenefitOutlook, BenefitValue};
use super::domain::{breakpoints, representatives};
use super::logic::{residual, Residual};
use super::{CriterionStatus, Status};
use crate::answer::{Answer, Answers};
use crate::pack::{AmountRule, Benefit, Programme, QuestionIndex, QuestionKind};

/// Past this many combinations (for all components together) the analysis gives up,
/// and evaluation falls back on three-valued logic, which is safe but may ask a
/// question that cannot change anything.
const MAX_CASES: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub criteria: Vec<CriterionStatus>,
    pub status: Status,
    /// `None` when not eligible, or when the amount overflows.
    pub benefit: Option<BenefitOutlook>,
    /// Unanswered questions whose answer can change the status or the benefit.
    pub relevant: BTreeSet<QuestionIndex>,
}

/// Questions read together, and what reads them.
#[derive(Debug, Default)]
struct Component {
    questions: Vec<QuestionIndex>,
    criteria: Vec<usize>,
    benefit: bool,
}

/// What one component can give.
struct Outcomes {
    /// Some combination meets every criterion of the component.
    satisfiable: bool,
    /// Every combination does.
    always: bool,
    /// Per criterion of the component: (met by some combination, met by every one).
    criteria: Vec<(bool, bool)>,
    /// The benefits of the combinations that meet the component's criteria, each once.
    benefits: Vec<BenefitValue>,
    /// Some such combination leaves a per-unit amount without an upper bound.
    unbounded: bool,
    relevant: Vec<QuestionIndex>,
}

/// `None` when there are too many combinations to try.
pub fn analyse(programme: &Programme, answers: &Answers) -> Option<Analysis> {
    let residuals: Vec<Residual> = programme.criteria.iter().map(|c| residual(&c.condition, answers)).collect();
    let benefit_open = benefit_questions(programme, answers);
    let components = components(&residuals, &benefit_open);

    let mut cases = 1usize;
    let mut domains: Vec<Vec<Vec<Answer>>> = Vec::with_capacity(components.len());
    for component in &components {
        let mut domain = Vec::with_capacity(component.questions.len());
        for &q in &component.questions {
            let kind = &programme.questions.get(q)?.kind;
            let values = representatives(kind, breakpoints(programme, q));
            if values.is_empty() {
                return None;
            }
            cases = cases.checked_mul(values.len()).filter(|n| *n <= MAX_CASES)?;
            domain.push(values);
        }
        domains.push(domain);
    }

    let mut criteria: Vec<CriterionStatus> = residuals
        .iter()
        .map(|r| match r {
            Residual::Known(true) => CriterionStatus::Met,
            Residual::Known(false) => CriterionStatus::NotMet,
            Residual::Open(_) => CriterionStatus::Unknown,
        })
        .collect();
    let mut outcomes = Vec::with_capacity(components.len());
    for (component, domain) in components.iter().zip(&domains) {
        let result = try_component(programme, answers, component, domain)?;
        for (&c, &(some, every)) in component.criteria.iter().zip(&result.criteria) {
            if let Some(status) = criteria.get_mut(c) {
                *status = match (some, every) {
                    (_, true) => CriterionStatus::Met,
                    (false, _) => CriterionStatus::NotMet,
                    _ => CriterionStatus::Unknown,
                };
            }
        }
        outcomes.push(result);
    }

    let known_false = residuals.iter().any(|r| r.is(false));
    let all_satisfiable = outcomes.iter().all(|o| o.satisfiable);
    let status = if known_false || !all_satisfiable {
        Status::NotEligible
    } else if outcomes.iter().all(|o| o.always) {
        Status::Eligible
    } else {
        Status::Undetermined
    };
    if status == Status::NotEligible {
        return Some(Analysis { criteria, status, benefit: None, relevant: BTreeSet::new() });
    }
    let relevant = crate::sort::set(outcomes.iter().flat_map(|o| o.relevant.iter().copied()));
    let benefit = match components.iter().zip(&outcomes).find(|(c, _)| c.benefit) {
        Some((_, outcome)) => outlook(programme, &outcome.benefits, outcome.unbounded),
        // Nothing open in the benefit: the quick outlook is exact.
        None => super::benefit::outlook(programme, answers).0,
    };
    Some(Analysis { criteria, status, benefit, relevant })
}

/// Unanswered questions the benefit can still read.
pub fn benefit_questions(programme: &Programme, answers: &Answers) -> BTreeSet<QuestionIndex> {
    let mut open = BTreeSet::new();
    for condition in super::domain::each_condition(programme).skip(programme.criteria.len()) {
        if let Residual::Open(questions) = residual(condition, answers) {
            open.extend(questions);
        }
    }
    if let Benefit::Money(amount) = &programme.benefit {
        if let AmountRule::Sum(parts) = &amount.rule {
            for part in parts {
                let possible = part.condition.as_ref().is_none_or(|c| !residual(c, answers).is(false));
                if let Some(per_unit) = part.per_unit.as_ref().filter(|_| possible) {
                    if !answers.is_answered(per_unit.units) {
                        open.insert(per_unit.units);
                    }
                }
            }
        }
    }
    open
}

/// Groups the open questions: those read by one criterion, or by the benefit, together.
fn components(residuals: &[Residual], benefit: &BTreeSet<QuestionIndex>) -> Vec<Component> {
    let mut components: Vec<Component> = Vec::new();
    let mut join = |questions: &BTreeSet<QuestionIndex>, criterion: Option<usize>| {
        // Merged in place, into the first component that shares a question: this runs
        // on every evaluation, and lists made anew were a tenth of its time.
        let mut merged: Option<Component> = None;
        let mut i = 0;
        while let Some(component) = components.get(i) {
            if !component.questions.iter().any(|q| questions.contains(q)) {
                i += 1;
                continue;
            }
            let component = components.swap_remove(i);
            match merged.as_mut() {
                None => merged = Some(component),
                Some(merged) => {
                    merged.questions.extend(component.questions);
                    merged.criteria.extend(component.criteria);
                    merged.benefit |= component.benefit;
                }
            }
        }
        let mut merged = merged.unwrap_or_default();
        merged.questions.extend(questions.iter().copied());
        crate::sort::sort(&mut merged.questions);
        merged.questions.dedup();
        match criterion {
            Some(c) => merged.criteria.push(c),
            None => merged.benefit = true,
        }
        crate::sort::sort(&mut merged.criteria);
        components.push(merged);
    };
    for (c, r) in residuals.iter().enumerate() {
        if let Residual::Open(questions) = r {
            join(questions, Some(c));
        }
    }
    if !benefit.is_empty() {
        join(benefit, None);
    }
    crate::sort::sort_by_key(&mut components, |c| c.questions.first().copied());
    components
}

fn try_component(
    programme: &Programme,
    answers: &Answers,
    component: &Component,
    domain: &[Vec<Answer>],
) -> Option<Outcomes> {
    let radices: Vec<usize> = domain.iter().map(Vec::len).collect();
    let count = radices.iter().product::<usize>();
    let mut work = answers.clone();
    let mut keys: Vec<(bool, Option<BenefitValue>)> = Vec::with_capacity(count);
    let mut result = Outcomes {
        satisfiable: false,
        always: true,
        criteria: vec![(false, true); component.criteria.len()],
        benefits: Vec::new(),
        unbounded: false,
        relevant: Vec::new(),
    };
    let mut digits = vec![0usize; domain.len()];
    for _ in 0..count {
        for ((&q, values), &d) in component.questions.iter().zip(domain).zip(&digits) {
            work.set(q, values.get(d).cloned());
        }
        let mut all_met = true;
        for (&c, seen) in component.criteria.iter().zip(result.criteria.iter_mut()) {
            let met = match residual(&programme.criteria.get(c)?.condition, &work) {
                Residual::Known(met) => met,
                // Every question it reads has an answer now: this cannot be open.
                Residual::Open(_) => return None,
            };
            seen.0 |= met;
            seen.1 &= met;
            all_met &= met;
        }
        result.satisfiable |= all_met;
        result.always &= all_met;
        let benefit = if component.benefit && all_met {
            let benefit = value(programme, &work)?;
            if !result.benefits.contains(&benefit) {
                result.benefits.push(benefit);
            }
            result.unbounded |= unbounded(programme, answers, &work);
            Some(benefit)
        } else {
            None
        };
        keys.push((all_met, benefit));
        advance(&mut digits, &radices);
    }
    // A question matters if changing its answer alone changes an outcome.
    let mut stride = 1;
    for (&q, &radix) in component.questions.iter().zip(&radices) {
        let differs = (0..count)
            .filter(|i| (i / stride) % radix == 0)
            .any(|i| (1..radix).any(|k| keys.get(i + k * stride) != keys.get(i)));
        if differs {
            result.relevant.push(q);
        }
        stride *= radix;
    }
    Some(result)
}

/// Counts like an odometer, the first digit fastest.
fn advance(digits: &mut [usize], radices: &[usize]) {
    for (digit, &radix) in digits.iter_mut().zip(radices) {
        *digit += 1;
        if *digit < radix {
            return;
        }
        *digit = 0;
    }
}

/// Whether, with `work`'s answers, an uncapped per-unit amount applies whose units
/// were not given and have no upper bound.
fn unbounded(programme: &Programme, given: &Answers, work: &Answers) -> bool {
    let Benefit::Money(amount) = &programme.benefit else { return false };
    let AmountRule::Sum(parts) = &amount.rule else { return false };
    parts.iter().any(|part| {
        let Some(per_unit) = part.per_unit.as_ref().filter(|u| u.cap.is_none()) else { return false };
        let endless = matches!(
            programme.questions.get(per_unit.units).map(|q| &q.kind),
            Some(QuestionKind::Integer { max: None, .. })
        );
        let applies = part.condition.as_ref().is_none_or(|c| residual(c, work).is(true));
        endless && applies && !given.is_answered(per_unit.units)
    })
}

fn outlook(programme: &Programme, benefits: &[BenefitValue], unbounded: bool) -> Option<BenefitOutlook> {
    match &programme.benefit {
        Benefit::Place(_) => {
            let mut starts: Vec<usize> = benefits
                .iter()
                .filter_map(|b| match b {
                    BenefitValue::Start(i) => Some(*i),
                    BenefitValue::Money(_) => None,
                })
                .collect();
            crate::sort::sort(&mut starts);
            Some(BenefitOutlook::Place { starts })
        }
        Benefit::Money(_) => {
            let mut amounts = Vec::with_capacity(benefits.len());
            for benefit in benefits {
                match benefit {
                    BenefitValue::Money(Some(amount)) => amounts.push(*amount),
                    _ => return None,
                }
            }
            let min = amounts.iter().min().copied()?;
            let max = if unbounded { None } else { amounts.iter().max().copied() };
            Some(BenefitOutlook::Money { min, max })
        }
    }
}
