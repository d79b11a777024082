//! Proofs over a pack's rules for every possible set of answers, run when compiling:
//! that exactly one of several alternatives applies (the tiers of an amount, the
//! starts of a place), trying each combination of representative answers (`domain`).

use crate::sort::Set;

use rust_decimal::Decimal;

use super::domain::representatives;
use super::logic::residual;
use crate::answer::{Answer, Answers};
use crate::pack::{Condition, Question, QuestionIndex, QuestionKind};

/// Beyond this many combinations of answers, the check gives up and says so.
const MAX_COMBINATIONS: usize = 100_000;

/// A problem with alternatives (`what`: "tier", "start"), as a message for the rule
/// author: two apply at once, or none does, for some answers.
pub fn exactly_one(questions: &[Question], alternatives: &[&Condition], what: &str) -> Option<String> {
    let mut read = Set::new();
    alternatives.iter().for_each(|c| c.collect_questions(&mut read));
    let axes: Vec<(QuestionIndex, Vec<Answer>)> = read
        .into_iter()
        .filter_map(|q| {
            let mut constants: Vec<Decimal> = Vec::new();
            alternatives.iter().for_each(|c| c.collect_constants(q, &mut constants));
            let kind = &questions.get(q)?.kind;
            Some((q, representatives(kind, constants)))
        })
        .collect();
    let combinations = axes.iter().try_fold(1usize, |n, (_, values)| n.checked_mul(values.len().max(1)));
    if combinations.is_none_or(|n| n > MAX_COMBINATIONS) {
        return Some(format!(
            "the {what}s read too many questions to be checked (more than {MAX_COMBINATIONS} combinations)"
        ));
    }

    let mut answers = Answers::with_slots(questions.len());
    let mut counters = vec![0usize; axes.len()];
    loop {
        for ((q, values), &i) in axes.iter().zip(&counters) {
            answers.set(*q, values.get(i).cloned());
        }
        let applying: Vec<usize> = alternatives
            .iter()
            .enumerate()
            .filter(|(_, c)| residual(c, &answers).is(true))
            .map(|(i, _)| i + 1)
            .collect();
        match applying.as_slice() {
            [] => return Some(format!("no {what} applies when {}", describe(questions, &axes, &counters))),
            [_] => {}
            several => {
                let numbers: Vec<String> = several.iter().map(|n| format!("#{n}")).collect();
                return Some(format!(
                    "{what}s {} overlap when {}",
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
