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
use super::domain::Domains;
use super::logic::{residual, truth};
use super::{CriterionStatus, Status};
use crate::answer::Answers;
use crate::pack::{AmountRule, Benefit, Programme, QuestionIndex, QuestionKind};

/// Past this many combinations (for all components together) the analysis gives up,
/// and evaluation falls back on three-valued logic, which is safe but may ask a
/// question that cannot change anything.
const MAX_CASES: usize = 20_000;

/// In `Components`: a question in no component (answered, or read by no open rule).
const NONE: usize = usize::MAX;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub criteria: Vec<CriterionStatus>,
    pub status: Status,
    /// `None` when not eligible, or when the amount overflows.
    pub benefit: Option<BenefitOutlook>,
    /// Unanswered questions whose answer can change the status or the benefit.
    pub relevant: BTreeSet<QuestionIndex>,
}

/// The open questions grouped, as a forest over question indices: each question of a
/// component leads to its root; the others are `NONE`. Flat, and made once per
/// evaluation: lists and sets per component were most of the analysis' time.
struct Components {
    parent: Vec<usize>,
}

impl Components {
    fn root(&self, mut q: QuestionIndex) -> usize {
        while let Some(&p) = self.parent.get(q).filter(|p| **p != q && **p != NONE) {
            q = p;
        }
        q
    }

    fn holds(&self, q: QuestionIndex) -> bool {
        self.parent.get(q).is_some_and(|p| *p != NONE)
    }

    /// Puts `questions` in one component, with the components that hold any of them;
    /// `None` for a question the programme does not have.
    fn join(&mut self, questions: &[QuestionIndex]) -> Option<()> {
        let mut first = None;
        for &q in questions {
            let slot = self.parent.get_mut(q)?;
            if *slot == NONE {
                *slot = q;
            }
            let root = self.root(q);
            match first {
                None => first = Some(root),
                Some(first) => *self.parent.get_mut(root)? = first,
            }
        }
        Some(())
    }
}

/// What the components give together.
struct Found {
    /// Per criterion of a component: (met by some combination, met by every one).
    criteria: Vec<(bool, bool)>,
    /// Every component has a combination that meets all its criteria.
    satisfiable: bool,
    /// Every combination of every component does.
    always: bool,
    /// The benefits of the combinations that meet the benefit's component's criteria,
    /// each once.
    benefits: Vec<BenefitValue>,
    /// Some such combination leaves a per-unit amount without an upper bound.
    unbounded: bool,
    relevant: BTreeSet<QuestionIndex>,
}

/// `None` when there are too many combinations to try. `domains`, each question's
/// representative answers, are made here when not given.
pub fn analyse(programme: &Programme, answers: &Answers, domains: Option<&Domains>) -> Option<Analysis> {
    let mut components = Components { parent: vec![NONE; programme.questions.len()] };
    let mut open = Vec::new();
    // Per criterion: its status from the answers alone, and a question of its component.
    let mut criteria = Vec::with_capacity(programme.criteria.len());
    let mut members = Vec::with_capacity(programme.criteria.len());
    for criterion in &programme.criteria {
        open.clear();
        criteria.push(match truth(&criterion.condition, answers, &mut open) {
            Some(true) => CriterionStatus::Met,
            Some(false) => CriterionStatus::NotMet,
            None => CriterionStatus::Unknown,
        });
        components.join(&open)?;
        members.push(open.first().copied().unwrap_or(NONE));
    }
    open.clear();
    benefit_questions(programme, answers, &mut open);
    components.join(&open)?;
    let benefit_member = open.first().copied();

    let made;
    let domains = match domains {
        Some(domains) => domains,
        None => {
            made = Domains::of(programme, |q| components.holds(q));
            &made
        }
    };
    let mut cases = 1usize;
    for q in (0..programme.questions.len()).filter(|q| components.holds(*q)) {
        let values = domains.get(q).len();
        if values == 0 {
            return None;
        }
        cases = cases.checked_mul(values).filter(|n| *n <= MAX_CASES)?;
    }

    let mut found = Found {
        criteria: vec![(false, true); programme.criteria.len()],
        satisfiable: true,
        always: true,
        benefits: Vec::new(),
        unbounded: false,
        relevant: BTreeSet::new(),
    };
    // One copy of the answers for every component: each sets its questions, tries
    // its combinations and puts them back.
    let mut work = answers.clone();
    let mut questions = Vec::new();
    let mut owned = Vec::new();
    for root in (0..programme.questions.len()).filter(|q| components.parent.get(*q) == Some(q)) {
        questions.clear();
        questions
            .extend((0..programme.questions.len()).filter(|q| components.holds(*q) && components.root(*q) == root));
        owned.clear();
        owned.extend(
            (0..members.len()).filter(|c| members.get(*c).is_some_and(|q| *q != NONE && components.root(*q) == root)),
        );
        let benefit = benefit_member.is_some_and(|q| components.root(q) == root);
        try_component(programme, answers, &mut work, domains, (&questions, &owned, benefit), &mut found)?;
    }
    let known_false = criteria.contains(&CriterionStatus::NotMet);
    for (status, (some, every)) in criteria.iter_mut().zip(&found.criteria) {
        if *status == CriterionStatus::Unknown {
            *status = match (some, every) {
                (_, true) => CriterionStatus::Met,
                (false, _) => CriterionStatus::NotMet,
                _ => CriterionStatus::Unknown,
            };
        }
    }

    let status = if known_false || !found.satisfiable {
        Status::NotEligible
    } else if found.always {
        Status::Eligible
    } else {
        Status::Undetermined
    };
    if status == Status::NotEligible {
        return Some(Analysis { criteria, status, benefit: None, relevant: BTreeSet::new() });
    }
    let benefit = match benefit_member {
        Some(_) => outlook(programme, &found.benefits, found.unbounded),
        // Nothing open in the benefit: the quick outlook is exact.
        None => super::benefit::outlook(programme, answers).0,
    };
    Some(Analysis { criteria, status, benefit, relevant: found.relevant })
}

/// Pushes the unanswered questions the benefit can still read onto `open`, some
/// perhaps twice.
pub fn benefit_questions(programme: &Programme, answers: &Answers, open: &mut Vec<QuestionIndex>) {
    for condition in super::domain::each_condition(programme).skip(programme.criteria.len()) {
        truth(condition, answers, open);
    }
    if let Benefit::Money(amount) = &programme.benefit {
        if let AmountRule::Sum(parts) = &amount.rule {
            for part in parts {
                // The questions of an open condition are on `open` already.
                let possible = part.condition.as_ref().is_none_or(|c| truth(c, answers, open) != Some(false));
                if let Some(per_unit) = part.per_unit.as_ref().filter(|_| possible) {
                    if !answers.is_answered(per_unit.units) {
                        open.push(per_unit.units);
                    }
                }
            }
        }
    }
}

/// Tries every combination of the representative answers of a component's questions
/// (`component`: its questions in order, its criteria, whether it holds the benefit's
/// questions) on `work`, which holds `answers` and gets them back.
fn try_component(
    programme: &Programme,
    answers: &Answers,
    work: &mut Answers,
    domains: &Domains,
    (questions, criteria, benefit): (&[QuestionIndex], &[usize], bool),
    found: &mut Found,
) -> Option<()> {
    let radices: Vec<usize> = questions.iter().map(|q| domains.get(*q).len()).collect();
    let count = radices.iter().product::<usize>();
    let mut keys: Vec<(bool, Option<BenefitValue>)> = Vec::with_capacity(count);
    let (mut satisfiable, mut always) = (false, true);
    // Stays empty: every question the criteria read has an answer here.
    let mut open = Vec::new();
    let mut digits = vec![0usize; questions.len()];
    for _ in 0..count {
        for (&q, &d) in questions.iter().zip(&digits) {
            work.set(q, domains.get(q).get(d).cloned());
        }
        let mut all_met = true;
        for &c in criteria {
            // Every question it reads has an answer now: it cannot be open.
            let met = truth(&programme.criteria.get(c)?.condition, work, &mut open)?;
            let seen = found.criteria.get_mut(c)?;
            seen.0 |= met;
            seen.1 &= met;
            all_met &= met;
        }
        satisfiable |= all_met;
        always &= all_met;
        let value = if benefit && all_met {
            let value = value(programme, work)?;
            if !found.benefits.contains(&value) {
                found.benefits.push(value);
            }
            found.unbounded |= unbounded(programme, answers, work);
            Some(value)
        } else {
            None
        };
        keys.push((all_met, value));
        advance(&mut digits, &radices);
    }
    for &q in questions {
        work.set(q, answers.get(q).cloned());
    }
    found.satisfiable &= satisfiable;
    found.always &= always;
    // A question matters if changing its answer alone changes an outcome.
    let mut stride = 1;
    for (&q, &radix) in questions.iter().zip(&radices) {
        let differs = (0..count)
            .filter(|i| (i / stride) % radix == 0)
            .any(|i| (1..radix).any(|k| keys.get(i + k * stride) != keys.get(i)));
        if differs {
            found.relevant.insert(q);
        }
        stride *= radix;
    }
    Some(())
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
