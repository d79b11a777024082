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

use crate::sort::Set;

use super::benefit::{value, widen, BenefitOutlook, BenefitValue};
use super::domain::Domains;
use super::logic::{known, truth};
use super::{CriterionStatus, Outcome, Status};
use crate::answer::Answers;
use crate::pack::{AmountRule, Benefit, Programme, QuestionIndex, QuestionKind};

/// Past this many combinations (for all components together) the analysis gives up,
/// and evaluation falls back on three-valued logic, which is safe but may ask a
/// question that cannot change anything.
const MAX_CASES: usize = 20_000;

/// In `Buffers::parent`: a question in no component (answered, or read by no open rule).
const NONE: usize = usize::MAX;

/// What an analysis works in: kept between evaluations (`Workspace`), it allocates
/// nothing once grown; made anew, a few lists, where sets and lists per condition and
/// per component were most of the analysis' time.
#[derive(Debug, Clone, Default)]
pub struct Buffers {
    /// The open questions grouped, as a forest over question indices: each question of
    /// a component leads to its root; the others are `NONE`.
    parent: Vec<usize>,
    open: Vec<QuestionIndex>,
    /// Per criterion: its status, from the answers alone, then from the components.
    criteria: Vec<CriterionStatus>,
    /// Per criterion: a question of its component, or `NONE`.
    members: Vec<usize>,
    /// The component being tried: its questions in order, and its criteria.
    questions: Vec<QuestionIndex>,
    owned: Vec<usize>,
    /// Per combination of the component, what it gives: 0 when a criterion is not met, 1
    /// when all are and no benefit is read, else 2 plus the benefit's index in
    /// `found.benefits`. Equal keys, equal outcomes: numbers compared where values were
    /// (−31 B gzipped).
    keys: Vec<usize>,
    found: Found,
}

/// What the components give together.
#[derive(Debug, Clone, Default)]
struct Found {
    /// Per criterion of a component: (met by some combination, met by every one).
    criteria: Vec<(bool, bool)>,
    /// Every component has a combination that meets all its criteria.
    satisfiable: bool,
    /// Every combination of every component does.
    always: bool,
    /// A component holds the benefit's open questions.
    benefit: bool,
    /// The benefits of the combinations that meet the benefit's component's criteria,
    /// each once.
    benefits: Vec<BenefitValue>,
    /// Some such combination leaves a per-unit amount without an upper bound.
    unbounded: bool,
    relevant: Set<QuestionIndex>,
}

impl Buffers {
    fn root(&self, mut q: QuestionIndex) -> usize {
        while let Some(&p) = self.parent.get(q).filter(|p| **p != q && **p != NONE) {
            q = p;
        }
        q
    }

    fn holds(&self, q: QuestionIndex) -> bool {
        self.parent.get(q).is_some_and(|p| *p != NONE)
    }

    /// Puts the questions on `open` in one component, with the components that hold
    /// any of them; `None` for a question the programme does not have.
    fn join(&mut self) -> Option<()> {
        let mut first = None;
        for &q in &self.open {
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

/// The criteria's statuses, the status, the benefit (`None` when not eligible, or when the
/// amount overflows) and the unanswered questions whose answer can change the status or
/// the benefit, as `evaluate_with` takes them, not in a struct of their own to be taken
/// apart (−28 B gzipped). `None` when there are too many combinations to try. `domains`, each question's
/// representative answers, are made here when not given.
pub fn analyse(programme: &Programme, answers: &Answers, domains: Option<&Domains>) -> Option<Outcome> {
    let mut buffers = Buffers::default();
    group(programme, answers, &mut buffers)?;
    let made;
    let domains = match domains {
        Some(domains) => domains,
        None => {
            made = Domains::of(programme, &|q| buffers.holds(q));
            &made
        }
    };
    // A copy to try answers on, even when nothing is open and nothing is tried: a test
    // for that was more code than the copy (−38 B gzipped).
    let mut work = answers.clone();
    let status = explore(programme, answers, &mut work, domains, &mut buffers, true)?;
    let criteria = std::mem::take(&mut buffers.criteria);
    if status == Status::NotEligible {
        return Some((criteria, status, None, Set::new()));
    }
    let found = &mut buffers.found;
    let benefit = match found.benefit {
        true => outlook(programme, &found.benefits, found.unbounded),
        // Nothing open in the benefit: the quick outlook is exact.
        false => super::benefit::outlook(programme, answers, &mut Vec::new()),
    };
    Some((criteria, status, benefit, std::mem::take(&mut found.relevant)))
}

/// The status alone, as `analyse` finds it: what the benefit can be and which questions
/// matter are not gathered. `work` holds `answers`, and gets them back.
pub fn status(
    programme: &Programme,
    answers: &Answers,
    work: &mut Answers,
    domains: &Domains,
    buffers: &mut Buffers,
) -> Option<Status> {
    group(programme, answers, buffers)?;
    explore(programme, answers, work, domains, buffers, false)
}

/// Groups the open questions into components (`buffers.parent`), with the criteria's
/// statuses from the answers alone; `None` for a question the programme does not have.
fn group(programme: &Programme, answers: &Answers, buffers: &mut Buffers) -> Option<()> {
    buffers.parent.clear();
    // Pushed, not resized, as `explore`'s findings (−61 B gzipped).
    for _ in &programme.questions {
        buffers.parent.push(NONE);
    }
    buffers.criteria.clear();
    buffers.members.clear();
    for criterion in &programme.criteria {
        buffers.open.clear();
        buffers.criteria.push(match truth(&criterion.condition, answers, &mut buffers.open) {
            Some(true) => CriterionStatus::Met,
            Some(false) => CriterionStatus::NotMet,
            None => CriterionStatus::Unknown,
        });
        buffers.join()?;
        buffers.members.push(buffers.open.first().copied().unwrap_or(NONE));
    }
    buffers.open.clear();
    benefit_questions(programme, answers, &mut buffers.open);
    buffers.join()
}

/// Tries every component (`group` made them); the status, with (when `full`) what the benefit can be and
/// which questions matter in `buffers.found`. `work` holds `answers`, and gets them back.
fn explore(
    programme: &Programme,
    answers: &Answers,
    work: &mut Answers,
    domains: &Domains,
    buffers: &mut Buffers,
    full: bool,
) -> Option<Status> {
    let mut cases = 1usize;
    for q in 0..programme.questions.len() {
        if buffers.holds(q) {
            // A question without representatives makes no cases: given up on as too many
            // are, in one test (−7 B gzipped).
            cases = cases.checked_mul(domains.get(q).len()).filter(|n| (1..=MAX_CASES).contains(n))?;
        }
    }

    let found = &mut buffers.found;
    found.criteria.clear();
    // Pushed, not resized: `resize` was code of its own for this element type (−38 B gzipped).
    for _ in &programme.criteria {
        found.criteria.push((false, true));
    }
    (found.satisfiable, found.always, found.unbounded) = (true, true, false);
    found.benefits.clear();
    found.relevant.clear();
    let benefit_member = buffers.open.first().copied();
    found.benefit = benefit_member.is_some();
    for root in 0..programme.questions.len() {
        // Matched, not compared as options: that comparison was a function of its own.
        match buffers.parent.get(root) {
            Some(p) if *p == root => {}
            _ => continue,
        }
        // Filled in place and read by `try_component` there: not taken out of the buffers
        // and put back.
        buffers.questions.clear();
        // A question in no component is its own root, and `root` is in one; the root of
        // `NONE` is itself: no other test is needed (−27 B gzipped).
        for q in 0..programme.questions.len() {
            if buffers.root(q) == root {
                buffers.questions.push(q);
            }
        }
        buffers.owned.clear();
        for c in 0..buffers.members.len() {
            if buffers.members.get(c).is_some_and(|&q| buffers.root(q) == root) {
                buffers.owned.push(c);
            }
        }
        let benefit = benefit_member.is_some_and(|q| buffers.root(q) == root);
        try_component(programme, answers, work, domains, benefit, buffers, full)?;
    }

    let found = &buffers.found;
    let known_false = buffers.criteria.contains(&CriterionStatus::NotMet);
    for (status, (some, every)) in buffers.criteria.iter_mut().zip(&found.criteria) {
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
    Some(status)
}

/// Pushes the unanswered questions the benefit can still read onto `open`, some
/// perhaps twice.
pub fn benefit_questions(programme: &Programme, answers: &Answers, open: &mut Vec<QuestionIndex>) {
    super::domain::each_condition(programme, false, &mut |condition| {
        truth(condition, answers, open);
    });
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
/// (in `buffers`: its questions in order and its criteria; `benefit`: whether it holds
/// the benefit's questions) on `work`, which holds `answers` and gets them back. What a
/// status does not need is gathered only when `full`.
fn try_component(
    programme: &Programme,
    answers: &Answers,
    work: &mut Answers,
    domains: &Domains,
    benefit: bool,
    buffers: &mut Buffers,
    full: bool,
) -> Option<()> {
    let Buffers { keys, found, questions, owned: criteria, .. } = buffers;
    let (questions, criteria): (&[QuestionIndex], &[usize]) = (questions, criteria);
    let radix = |q: &QuestionIndex| domains.get(*q).len();
    let mut count = 1;
    for q in questions {
        count *= radix(q);
    }
    keys.clear();
    let (mut satisfiable, mut always) = (false, true);
    // Stays empty: every question the criteria read has an answer here.
    let mut open = Vec::new();
    let mut tried = Some(());
    for i in 0..count {
        // Combination `i`'s digits, the first the fastest: taken from `i` rather than
        // counted in a list like an odometer (−138 B gzipped). No radix is zero here, as
        // their product `count` is not.
        let mut rest = i;
        for &q in questions {
            let values = domains.get(q);
            work.set(q, values.get(rest % values.len()).cloned());
            rest /= values.len();
        }
        let mut all_met = true;
        for &c in criteria {
            // Every question it reads has an answer now: it cannot be open.
            // The criterion and its findings matched, then its truth, not through `and_then`
            // and a closure.
            let (Some(criterion), Some(seen)) = (programme.criteria.get(c), found.criteria.get_mut(c)) else {
                tried = None;
                break;
            };
            let Some(met) = truth(&criterion.condition, work, &mut open) else {
                tried = None;
                break;
            };
            seen.0 |= met;
            seen.1 &= met;
            all_met &= met;
        }
        satisfiable |= all_met;
        always &= all_met;
        let value = match benefit && all_met && tried.is_some() {
            true => value(programme, work),
            false => None,
        };
        if benefit && all_met && value.is_none() {
            tried = None;
        }
        if tried.is_none() {
            break;
        }
        if full {
            let mut key = usize::from(all_met);
            if let Some(value) = value {
                key = match found.benefits.iter().position(|b| *b == value) {
                    Some(i) => i + 2,
                    None => {
                        // The last one's: 2 plus its index.
                        found.benefits.push(value);
                        found.benefits.len() + 1
                    }
                };
                found.unbounded |= unbounded(programme, answers, work);
            }
            keys.push(key);
        }
    }
    for &q in questions {
        work.set(q, answers.get(q).cloned());
    }
    tried?;
    found.satisfiable &= satisfiable;
    found.always &= always;
    if !full {
        return Some(());
    }
    // A question matters if changing its answer alone changes an outcome: if some
    // combination's differs from that of the same with its digit at zero. One loop, where
    // a filtered range and a loop in it were more code (−127 B gzipped).
    let mut stride = 1;
    for q in questions {
        let radix = radix(q);
        for i in 0..count {
            // Its digit times `stride` is at most `i`.
            // Both are there: `i` is below `count`, the other at most `i`.
            match (keys.get(i), keys.get(i - (i / stride) % radix * stride)) {
                (Some(key), Some(other)) if key != other => {
                    found.relevant.insert(*q);
                    break;
                }
                _ => {}
            }
        }
        stride *= radix;
    }
    Some(())
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
        let applies = part.condition.as_ref().is_none_or(|c| known(c, work) == Some(true));
        endless && applies && !given.is_answered(per_unit.units)
    })
}

fn outlook(programme: &Programme, benefits: &[BenefitValue], unbounded: bool) -> Option<BenefitOutlook> {
    match &programme.benefit {
        Benefit::Place(place) => {
            // The starts found, in order: each start's index looked for among them, rather
            // than those found sorted, which was a sort of its own (−56 B gzipped).
            let mut starts = Vec::new();
            for i in 0..place.starts.len() {
                if benefits.contains(&BenefitValue::Start(i)) {
                    starts.push(i);
                }
            }
            Some(BenefitOutlook::Place { starts })
        }
        Benefit::Money(_) => {
            let mut range = None;
            for benefit in benefits {
                let BenefitValue::Money(Some(amount)) = benefit else { return None };
                widen(&mut range, amount);
            }
            let (min, max) = range?;
            Some(BenefitOutlook::Money { min, max: (!unbounded).then_some(max) })
        }
    }
}
