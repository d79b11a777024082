//! What would change a verdict: for each answer given, the nearest other answers that
//! would give another status or benefit, all else equal.
//!
//! A number's answers fall into regions where no rule changes (`domain`: between two
//! points the rules compare with, nothing they compute moves), so each region is tried
//! once. Walking out from the region of the answer given, the first region with
//! another outcome is the nearest change, and the regions after it with that same
//! outcome widen it: "12 days or more", "15,000 € or less". Only another final verdict
//! counts, or from a no, one that other answers could still make a yes (the form stops
//! asking at the first no, so the rest is often unanswered). A question the pack marks
//! `fixed` (who the visitor is, not a count they could check) is never offered.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::analysis::benefit_questions;
use super::domain::{breakpoints, representatives_of};
use super::logic::truth;
use super::{benefit, evaluate, BenefitOutlook, Status};
use crate::answer::{Answer, Answers};
use crate::pack::{AmountRule, Benefit, Programme, QuestionIndex, QuestionKind};

/// One answer changed, and what the verdict would then be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub question: QuestionIndex,
    pub to: Alternative,
    pub status: Status,
    pub benefit: Option<BenefitOutlook>,
}

/// The other answer: a yes/no or an option, or the numbers between two edges (`None`
/// for no edge on that side within the question's bounds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alternative {
    Answer(Answer),
    Between { low: Option<Edge>, high: Option<Edge> },
}

/// One end of a range of numbers; whole-number questions always give included ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub value: Decimal,
    pub included: bool,
}

/// The nearest changes of each answered question that is not `fixed`, in the pack's
/// order: for a number, at most one going down and one going up. Each status is as
/// `seen` makes it (a form's country may turn a yes into "not yet known"), before any
/// is compared, so that the nearest change is the nearest as the visitor will see it.
pub fn changes(programme: &Programme, answers: &Answers, seen: impl Fn(Status) -> Status) -> Vec<Change> {
    let outcome = |answers: &Answers| {
        let (status, benefit) = outcome(programme, answers);
        (seen(status), benefit)
    };
    let now = outcome(answers);
    let mut found = Vec::new();
    for (q, question) in programme.questions.iter().enumerate() {
        let Some(given) = answers.get(q).filter(|_| !question.fixed) else { continue };
        let mut work = answers.clone();
        let mut try_answer = |answer: &Answer| {
            work.set(q, Some(*answer));
            outcome(&work)
        };
        match &question.kind {
            QuestionKind::YesNo | QuestionKind::Choice(_) => {
                let others = match &question.kind {
                    QuestionKind::Choice(choices) => choices.len(),
                    _ => 2,
                };
                for i in 0..others {
                    let other = match &question.kind {
                        QuestionKind::Choice(_) => Answer::Choice(i),
                        _ => Answer::YesNo(i == 0),
                    };
                    if other == *given {
                        continue;
                    }
                    let (status, benefit) = try_answer(&other);
                    if flips((now.0, &now.1), (status, &benefit)) {
                        found.push(Change { question: q, to: Alternative::Answer(other), status, benefit });
                    }
                }
            }
            QuestionKind::Integer { .. } | QuestionKind::Money { .. } => {
                let Some(value) = given.number() else { continue };
                let (answers_tried, regions) = regions(&question.kind, breakpoints(programme, q));
                let Some(here) = regions.iter().position(|r| r.holds(&value)) else { continue };
                // The answer given's own region is not tried; elsewhere one answer stands
                // for a region, unless a per-unit amount counts the question.
                let counted = counted(programme, q);
                // Plain loops rather than iterator chains here: each chain was its own code.
                let mut outcomes: Vec<Option<Outcome>> = Vec::new();
                for (i, r) in regions.iter().enumerate() {
                    let (first, end) = r.samples;
                    let samples = match (i == here, counted) {
                        (true, _) => &[][..],
                        (false, true) => answers_tried.get(first..end).unwrap_or_default(),
                        (false, false) => answers_tried.get(first..first + 1).unwrap_or_default(),
                    };
                    // The ends' outcomes merged as they come: no list of them.
                    let mut outcome = None;
                    for sample in samples {
                        let tried = try_answer(sample);
                        match &mut outcome {
                            None => outcome = Some(tried),
                            Some(o) => {
                                if !merge(o, &tried, r.high.is_none()) {
                                    outcome = None;
                                    break;
                                }
                            }
                        }
                    }
                    outcomes.push(outcome);
                }
                // Down, then up: a range of two, not an array walked by value.
                for upwards in 0..2 {
                    nearest(&now, (q, here), upwards == 1, counted, (&regions, &outcomes), &mut found);
                }
            }
        }
    }
    found
}

type Outcome = (Status, Option<BenefitOutlook>);

/// The verdict and benefit `evaluate` gives, found without the analysis when the
/// answers settle them (a criterion not met; or every one met and nothing open in the
/// benefit), as most answers tried here do: the analysis says the same then.
fn outcome(programme: &Programme, answers: &Answers) -> Outcome {
    // A criterion still open pushes its questions: with none, every criterion is met.
    let mut open = Vec::new();
    for criterion in &programme.criteria {
        if truth(&criterion.condition, answers, &mut open) == Some(false) {
            return (Status::NotEligible, None);
        }
    }
    benefit_questions(programme, answers, &mut open);
    if open.is_empty() {
        return (Status::Eligible, benefit::outlook(programme, answers, &mut open));
    }
    let verdict = evaluate(programme, answers);
    (verdict.status, verdict.benefit)
}

/// The outcome of a whole region from two of its answers' (those at its ends, merged so
/// far, in `outcome`, and another). A count that a per-unit amount multiplies moves the amount inside a
/// region, steadily: the region's amount is then the range between its ends, with no upper
/// bound when the region has none. `false` when they disagree otherwise, which the rules
/// cannot make (a region is then not offered). Merged in place, not passed by value and
/// given back (−248 B gzipped).
fn merge(outcome: &mut Outcome, other: &Outcome, endless: bool) -> bool {
    if outcome.0 != other.0 {
        return false;
    }
    match (&mut outcome.1, &other.1) {
        (a, b) if *a == *b => {}
        (Some(BenefitOutlook::Money { min: a, max: x }), Some(BenefitOutlook::Money { min: b, max: y })) => {
            // `Ord::min` and `max` written out, as `benefit::widen` does: they were
            // functions of their own (−20 B gzipped).
            // One match, not a zip, map and filter of options (see `regions`).
            // Changed in place, not copied out and back.
            match (x.as_mut(), y) {
                (Some(x), Some(y)) if !endless => {
                    if *y >= *x {
                        *x = *y;
                    }
                }
                _ => *x = None,
            }
            if *b < *a {
                *a = *b;
            }
        }
        _ => return false,
    }
    true
}

/// Another final verdict or another benefit with one; or, from a no, a verdict the
/// other answers could still make a yes.
fn flips(now: (Status, &Option<BenefitOutlook>), other: (Status, &Option<BenefitOutlook>)) -> bool {
    let possible = other.0.is_final() || now.0 == Status::NotEligible;
    possible && other != now
}

fn differs(now: &Outcome, other: &Outcome) -> bool {
    flips((now.0, &now.1), (other.0, &other.1))
}

/// Going away from region `here` of question `q` (`up` or down), the first region with another outcome,
/// widened by those after it with the same; its outer edge is dropped when the walk
/// reaches the last region (nothing bounds it that side). For a `counted` question (a
/// per-unit amount multiplies it) each answer moves the amount by the pack's own rule, so
/// only another status counts, and the amount is the range over the widened regions.
/// Pushed onto `changes` as it is made, not given back to be taken apart (−38 B gzipped).
fn nearest(
    now: &Outcome,
    (q, here): (QuestionIndex, usize),
    up: bool,
    counted: bool,
    (regions, outcomes): (&[Region], &[Option<Outcome>]),
    changes: &mut Vec<Change>,
) -> Option<()> {
    // The `k`th region from `here`, of `steps`: indices computed, not listed (past the
    // ends, an index that no region has).
    let steps = match up {
        true => regions.len().saturating_sub(here + 1),
        false => here,
    };
    let index = |k: usize| match up {
        true => here + 1 + k,
        false => here.wrapping_sub(k + 1),
    };
    let at = |k: usize| outcomes.get(index(k)).and_then(Option::as_ref);
    let other = |o: &Outcome| match counted {
        true => flips((now.0, &None), (o.0, &None)),
        false => differs(now, o),
    };
    let mut first = 0;
    while first < steps && !at(first).is_some_and(other) {
        first += 1;
    }
    let found = at(first)?;
    let same = |o: &&Outcome| match counted {
        true => o.0 == found.0,
        false => *o == found,
    };
    let (mut run, mut last) = (found.clone(), first);
    while last + 1 < steps {
        let Some(outcome) = at(last + 1).filter(same) else { break };
        if !merge(&mut run, outcome, false) {
            return None;
        }
        last += 1;
    }
    let near = regions.get(index(first))?;
    // The far edge, none when the walk reached the last region: matched with the
    // direction, not through `and_then` and a closure.
    let far = regions.get(index(last))?;
    let (low, high) = match (up, last + 1 == steps) {
        (true, true) => (near.low, None),
        (true, false) => (near.low, far.high),
        (false, true) => (None, near.high),
        (false, false) => (far.low, near.high),
    };
    let (status, benefit) = run;
    changes.push(Change { question: q, to: Alternative::Between { low, high }, status, benefit });
    Some(())
}

/// Whether a per-unit amount of the programme counts question `q`.
pub fn counted(programme: &Programme, q: QuestionIndex) -> bool {
    let Benefit::Money(amount) = &programme.benefit else { return false };
    let AmountRule::Sum(parts) = &amount.rule else { return false };
    for part in parts {
        if part.per_unit.as_ref().is_some_and(|u| u.units == q) {
            return true;
        }
    }
    false
}

/// Numbers the rules cannot tell apart, with one of them to try.
#[derive(Debug, Clone, PartialEq)]
struct Region {
    low: Option<Edge>,
    high: Option<Edge>,
    /// Answers in it, its ends among them for whole numbers (and one past its lowest when
    /// it has no highest): a count that a per-unit amount multiplies moves the amount
    /// inside a region, steadily, so its ends bound it. Where they are (first, end) among
    /// the answers `regions` gives with the regions, not a list per region (−18 B gzipped).
    samples: (usize, usize),
}

impl Region {
    fn holds(&self, value: &Decimal) -> bool {
        // One comparison per edge, where `<` and `==` were each one.
        // The edges borrowed, not copied into each call (−49 B gzipped); the value too, and
        // each edge matched where it is (−20 B gzipped).
        let within = |edge: &Option<Edge>, side| match edge {
            Some(e) => match value.cmp(&e.value) {
                Ordering::Equal => e.included,
                other => other == side,
            },
            None => true,
        };
        within(&self.low, Ordering::Greater) && within(&self.high, Ordering::Less)
    }
}

/// The regions of a number question, lowest first: the representative answers of
/// `domain` grouped by where they stand among the points (at one, or between two), so
/// that each region is tried on answers `domain` already makes. Its edges are exact: a
/// point itself; between two points, for whole numbers the first and last whole numbers
/// there (both representatives), for amounts the points, excluded; the question's
/// bounds, included; nothing on a side that nothing bounds. With the answers that the
/// regions' samples are among.
fn regions(kind: &QuestionKind, mut points: Vec<Decimal>) -> (Vec<Answer>, Vec<Region>) {
    let (min, max, whole) = match kind {
        QuestionKind::Integer { min, max } => (min.map(Decimal::from), max.map(Decimal::from), true),
        QuestionKind::Money { min, max, .. } => (*min, *max, false),
        QuestionKind::YesNo | QuestionKind::Choice(_) => return (Vec::new(), Vec::new()),
    };
    crate::sort::sort_unique(&mut points);
    let included = |value| Edge { value, included: true };
    // A point, excluded, or else the question's bound, included: one match, where maps
    // and `or`s of options moved each through copies.
    // The point borrowed, not copied into an option first.
    fn edge(point: Option<&Decimal>, bound: Option<Decimal>) -> Option<Edge> {
        match (point, bound) {
            (Some(value), _) => Some(Edge { value: *value, included: false }),
            (None, Some(value)) => Some(Edge { value, included: true }),
            (None, None) => None,
        }
    }
    let mut regions: Vec<Region> = Vec::new();
    let mut last_place = None;
    let mut answers = representatives_of(kind, &points);
    // Borrowed, as `engine::verdict` borrows its statuses: no owning iterator (−26 B gzipped).
    // Every answer is a number: each is in a region, and a region's answers are in a row.
    for (i, answer) in answers.iter().enumerate() {
        let Some(value) = answer.number() else { continue };
        // Where it stands among the points, in one comparison with each.
        let (mut below, mut at) = (0usize, false);
        for point in &points {
            match point.cmp(&value) {
                Ordering::Less => below += 1,
                Ordering::Equal => at = true,
                Ordering::Greater => {}
            }
        }
        let place = (below, at);
        let lower = below.checked_sub(1).and_then(|i| points.get(i));
        let upper = points.get(below).filter(|_| !place.1);
        let endless = upper.is_none() && max.is_none();
        if last_place == Some(place) {
            if let Some(region) = regions.last_mut() {
                if whole && !endless {
                    region.high = Some(included(value));
                }
                region.samples.1 = i + 1;
            }
            continue;
        }
        last_place = Some(place);
        let (low, high) = match (place.1, whole) {
            (true, _) => (Some(included(value)), Some(included(value))),
            (false, true) => {
                ((lower.is_some() || min.is_some()).then_some(included(value)), (!endless).then_some(included(value)))
            }
            (false, false) => (edge(lower, min), edge(upper, max)),
        };
        regions.push(Region { low, high, samples: (i, i + 1) });
    }
    // Past the last point with nothing above, a count may still move an amount: one
    // more answer shows whether it does.
    // The last region's answers are the last ones.
    if let Some(region) = regions.last_mut().filter(|r| whole && r.high.is_none()) {
        if let Some(Answer::Integer(n)) = answers.last() {
            // Pushed, not extended from an option: that extend was code of its own.
            if let Some(next) = n.checked_add(1) {
                answers.push(Answer::Integer(next));
                region.samples.1 += 1;
            }
        }
    }
    (answers, regions)
}
