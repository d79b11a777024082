//! Checks that the tiers of an amount neither overlap nor leave gaps.
//!
//! Conditions compare answers with constants only, so each one is constant between
//! two consecutive constants: testing every constant, a point between each pair and
//! a point beyond each end (within the question's bounds) covers every case.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::{Question, QuestionIndex, QuestionKind, Tier};
use crate::answer::{Answer, Answers};
use crate::engine::residual;

/// Beyond this many combinations of answers, the check gives up and says so.
const MAX_COMBINATIONS: usize = 100_000;

/// A problem with the tiers, as a message for the rule author.
pub fn check(questions: &[Question], tiers: &[Tier]) -> Option<String> {
    let mut read = BTreeSet::new();
    tiers.iter().for_each(|t| t.condition.collect_questions(&mut read));
    let axes: Vec<(QuestionIndex, Vec<Answer>)> = read
        .into_iter()
        .map(|q| {
            let mut constants = Vec::new();
            tiers.iter().for_each(|t| t.condition.collect_constants(q, &mut constants));
            let kind = questions.get(q).map(|question| &question.kind);
            (q, representatives(kind, constants))
        })
        .collect();
    let combinations = axes.iter().try_fold(1usize, |n, (_, values)| n.checked_mul(values.len().max(1)));
    if combinations.is_none_or(|n| n > MAX_COMBINATIONS) {
        return Some(format!("the tiers read too many questions to be checked (more than {MAX_COMBINATIONS} combinations)"));
    }

    let mut answers = Answers::with_slots(questions.len());
    let mut counters = vec![0usize; axes.len()];
    loop {
        for ((q, values), &i) in axes.iter().zip(&counters) {
            answers.set(*q, values.get(i).cloned());
        }
        let applying: Vec<usize> =
            tiers.iter().enumerate().filter(|(_, t)| residual(&t.condition, &answers).is(true)).map(|(i, _)| i + 1).collect();
        match applying.as_slice() {
            [] => return Some(format!("no tier applies when {}", describe(questions, &axes, &counters))),
            [_] => {}
            several => {
                let numbers: Vec<String> = several.iter().map(|n| format!("#{n}")).collect();
                return Some(format!(
                    "tiers {} overlap when {}",
                    numbers.join(" and "),
                    describe(questions, &axes, &counters)
                ));
            }
        }
        if !advance(&mut counters, &axes) {
            return None;
        }
    }
}

/// Moves to the next combination; false once every one was seen.
fn advance(counters: &mut [usize], axes: &[(QuestionIndex, Vec<Answer>)]) -> bool {
    for (counter, (_, values)) in counters.iter_mut().zip(axes) {
        *counter += 1;
        if *counter < values.len() {
            return true;
        }
        *counter = 0;
    }
    false
}

fn representatives(kind: Option<&QuestionKind>, mut constants: Vec<Decimal>) -> Vec<Answer> {
    constants.sort();
    constants.dedup();
    match kind {
        Some(QuestionKind::YesNo) => vec![Answer::YesNo(true), Answer::YesNo(false)],
        Some(QuestionKind::Choice(choices)) => (0..choices.len()).map(Answer::Choice).collect(),
        Some(QuestionKind::Integer { min, max }) => {
            let mut points: BTreeSet<i64> = min.iter().chain(max.iter()).copied().collect();
            for c in &constants {
                for edge in [c.floor(), c.ceil()] {
                    if let Ok(edge) = i64::try_from(edge) {
                        points.extend([edge.saturating_sub(1), edge, edge.saturating_add(1)]);
                    }
                }
            }
            let inside = |n: &i64| min.is_none_or(|m| *n >= m) && max.is_none_or(|m| *n <= m);
            points.into_iter().filter(inside).map(Answer::Integer).collect()
        }
        Some(QuestionKind::Money { min, max, .. }) => {
            let mut points: Vec<Decimal> = min.iter().chain(max.iter()).copied().collect();
            points.extend(&constants);
            points.extend(constants.windows(2).filter_map(|w| match w {
                [a, b] => (*a + *b).checked_div(Decimal::TWO),
                _ => None,
            }));
            points.extend(constants.first().map(|c| *c - Decimal::ONE));
            points.extend(constants.last().map(|c| *c + Decimal::ONE));
            let inside = |d: &Decimal| min.is_none_or(|m| *d >= m) && max.is_none_or(|m| *d <= m);
            points.sort();
            points.dedup();
            points.into_iter().filter(inside).map(Answer::Money).collect()
        }
        None => Vec::new(),
    }
}

fn describe(questions: &[Question], axes: &[(QuestionIndex, Vec<Answer>)], counters: &[usize]) -> String {
    let parts: Vec<String> = axes
        .iter()
        .zip(counters)
        .filter_map(|((q, values), &i)| {
            let question = questions.get(*q)?;
            let value = match (values.get(i)?, &question.kind) {
                (Answer::YesNo(yes), _) => if *yes { "yes" } else { "no" }.to_owned(),
                (Answer::Choice(option), QuestionKind::Choice(choices)) => choices.get(*option)?.id.clone(),
                (Answer::Integer(n), _) => n.to_string(),
                (Answer::Money(m), _) => m.normalize().to_string(),
                (Answer::Choice(option), _) => option.to_string(),
            };
            Some(format!("{} = {value}", question.id))
        })
        .collect();
    parts.join(" and ")
}
