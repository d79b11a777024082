//! What would change a verdict: for each answer given, the nearest other answers that
//! would give another status or benefit, all else equal.
//!
//! A number's answers fall into regions where no rule changes (`domain`: between two
//! points the rules compare with, nothing they compute moves), so each region is tried
//! once. Walking out from the region of the answer given, the first region with
//! another outcome is the nearest change, and the regions after it with that same
//! outcome widen it: "12 days or more", "15,000 € or less". A question the pack marks
//! `fixed` (who the visitor is, not a count they could check) is never offered.

use rust_decimal::Decimal;

use super::domain::breakpoints;
use super::{evaluate, BenefitOutlook, Status};
use crate::answer::{Answer, Answers};
use crate::pack::{Programme, QuestionIndex, QuestionKind};

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
/// order: for a number, at most one going down and one going up.
pub fn changes(programme: &Programme, answers: &Answers) -> Vec<Change> {
    let now = outcome(programme, answers);
    let mut found = Vec::new();
    for (q, question) in programme.questions.iter().enumerate() {
        let Some(given) = answers.get(q).filter(|_| !question.fixed) else { continue };
        let mut work = answers.clone();
        let mut try_answer = |answer: &Answer| {
            work.set(q, Some(answer.clone()));
            outcome(programme, &work)
        };
        match &question.kind {
            QuestionKind::YesNo | QuestionKind::Choice(_) => {
                let others = match &question.kind {
                    QuestionKind::Choice(choices) => (0..choices.len()).map(Answer::Choice).collect(),
                    _ => vec![Answer::YesNo(true), Answer::YesNo(false)],
                };
                for other in others.into_iter().filter(|a| a != given) {
                    let (status, benefit) = try_answer(&other);
                    if (status, &benefit) != (now.0, &now.1) {
                        found.push(Change { question: q, to: Alternative::Answer(other), status, benefit });
                    }
                }
            }
            QuestionKind::Integer { .. } | QuestionKind::Money { .. } => {
                let Some(value) = given.number() else { continue };
                let regions = regions(&question.kind, breakpoints(programme, q));
                let Some(here) = regions.iter().position(|r| r.holds(value)) else { continue };
                let outcomes: Vec<_> = regions.iter().map(|r| r.sample.as_ref().map(&mut try_answer)).collect();
                let down: Vec<usize> = (0..here).rev().collect();
                let up: Vec<usize> = (here + 1..regions.len()).collect();
                for (walk, upwards) in [(down, false), (up, true)] {
                    if let Some(((status, benefit), low, high)) = nearest(&now, &walk, upwards, &regions, &outcomes) {
                        found.push(Change { question: q, to: Alternative::Between { low, high }, status, benefit });
                    }
                }
            }
        }
    }
    found
}

type Outcome = (Status, Option<BenefitOutlook>);

fn outcome(programme: &Programme, answers: &Answers) -> Outcome {
    let verdict = evaluate(programme, answers);
    (verdict.status, verdict.benefit)
}

/// Along `walk` (region indices going away from the answer given, `up` or down), the
/// first region with another outcome, widened by those after it with the same; its outer
/// edge is dropped when the walk reaches the last region (nothing bounds it that side).
fn nearest(
    now: &Outcome,
    walk: &[usize],
    up: bool,
    regions: &[Region],
    outcomes: &[Option<Outcome>],
) -> Option<(Outcome, Option<Edge>, Option<Edge>)> {
    let at = |i: usize| outcomes.get(i).and_then(Option::as_ref);
    let first = walk.iter().position(|&i| at(i).is_some_and(|o| o != now))?;
    let found = at(*walk.get(first)?)?;
    let run = walk.iter().skip(first).take_while(|&&i| at(i) == Some(found)).count();
    let near = regions.get(*walk.get(first)?)?;
    let far = match first + run == walk.len() {
        true => None,
        false => Some(regions.get(*walk.get(first + run - 1)?)?),
    };
    let (low, high) = match up {
        true => (near.low, far.and_then(|r| r.high)),
        false => (far.and_then(|r| r.low), near.high),
    };
    Some((found.clone(), low, high))
}

/// Numbers the rules cannot tell apart, with one of them to try.
#[derive(Debug, Clone, PartialEq)]
struct Region {
    low: Option<Edge>,
    high: Option<Edge>,
    /// `None` when no answer can be made in it (a decimal too large to step past).
    sample: Option<Answer>,
}

impl Region {
    fn holds(&self, value: Decimal) -> bool {
        let above = self.low.is_none_or(|e| value > e.value || (e.included && value == e.value));
        let below = self.high.is_none_or(|e| value < e.value || (e.included && value == e.value));
        above && below
    }
}

/// The regions of a number question, lowest first, within its bounds: below the first
/// point, each point, between each two, above the last. For whole numbers the edges are
/// the whole numbers at the ends, included, and empty regions are left out.
fn regions(kind: &QuestionKind, mut points: Vec<Decimal>) -> Vec<Region> {
    points.sort_unstable();
    points.dedup();
    let (min, max, whole) = match kind {
        QuestionKind::Integer { min, max } => (min.map(Decimal::from), max.map(Decimal::from), true),
        QuestionKind::Money { min, max, .. } => (*min, *max, false),
        QuestionKind::YesNo | QuestionKind::Choice(_) => return Vec::new(),
    };
    let included = |value| Edge { value, included: true };
    let excluded = |value| Edge { value, included: false };
    let mut spans = Vec::with_capacity(points.len() * 2 + 1);
    let mut low = min.map(included);
    for point in points.into_iter().filter(|p| min.is_none_or(|m| *p >= m) && max.is_none_or(|m| *p <= m)) {
        spans.push((low, Some(excluded(point))));
        spans.push((Some(included(point)), Some(included(point))));
        low = Some(excluded(point));
    }
    spans.push((low, max.map(included)));
    spans
        .into_iter()
        .filter_map(|(low, high)| match whole {
            true => whole_region(low, high),
            false => money_region(low, high),
        })
        .collect()
}

fn whole_region(low: Option<Edge>, high: Option<Edge>) -> Option<Region> {
    let low = match low {
        Some(e) if e.included => Some(e.value.ceil()),
        Some(e) => e.value.floor().checked_add(Decimal::ONE),
        None => None,
    };
    let high = match high {
        Some(e) if e.included => Some(e.value.floor()),
        Some(e) => e.value.ceil().checked_sub(Decimal::ONE),
        None => None,
    };
    if let (Some(low), Some(high)) = (low, high) {
        if low > high {
            return None;
        }
    }
    let sample = low.or(high).unwrap_or(Decimal::ZERO);
    let sample = i64::try_from(sample).ok().map(Answer::Integer);
    let edge = |value| Edge { value, included: true };
    Some(Region { low: low.map(edge), high: high.map(edge), sample })
}

fn money_region(low: Option<Edge>, high: Option<Edge>) -> Option<Region> {
    if let (Some(l), Some(h)) = (low, high) {
        if l.value > h.value || (l.value == h.value && !(l.included && h.included)) {
            return None;
        }
    }
    let sample = match (low, high) {
        (Some(l), _) if l.included => Some(l.value),
        (_, Some(h)) if h.included => Some(h.value),
        (Some(l), Some(h)) => l.value.checked_div(Decimal::TWO).zip(h.value.checked_div(Decimal::TWO)).and_then(
            |(a, b)| a.checked_add(b).filter(|m| *m > l.value && *m < h.value),
        ),
        (Some(l), None) => l.value.checked_add(Decimal::ONE),
        (None, Some(h)) => h.value.checked_sub(Decimal::ONE),
        (None, None) => Some(Decimal::ZERO),
    };
    Some(Region { low, high, sample: sample.map(Answer::Money) })
}
