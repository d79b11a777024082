//! Three-valued evaluation of conditions over partial answers.
//!
//! A condition is simplified with the answers known so far: what is left is either a
//! known truth value, or still open, with the set of unanswered questions that can
//! still decide it. That set is what makes a question worth asking: an unanswered
//! question that no open condition reads cannot change anything.

use std::collections::BTreeSet;

use crate::answer::{Answer, Answers};
use crate::pack::{Condition, QuestionIndex};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Residual {
    Known(bool),
    /// Not decided yet; these unanswered questions can still decide it.
    Open(BTreeSet<QuestionIndex>),
}

impl Residual {
    pub fn is(&self, value: bool) -> bool {
        *self == Residual::Known(value)
    }
}

pub fn residual(condition: &Condition, answers: &Answers) -> Residual {
    match condition {
        Condition::All(items) => combine(items, answers, false),
        Condition::Any(items) => combine(items, answers, true),
        Condition::Not(inner) => match residual(inner, answers) {
            Residual::Known(value) => Residual::Known(!value),
            open => open,
        },
        Condition::IsYes(q) => leaf(*q, answers, |answer| match answer {
            Answer::YesNo(yes) => Some(*yes),
            _ => None,
        }),
        Condition::OneOf(q, options) => leaf(*q, answers, |answer| match answer {
            Answer::Choice(chosen) => Some(options.contains(chosen)),
            _ => None,
        }),
        Condition::Compare(q, comparison, constant) => {
            leaf(*q, answers, |answer| answer.number().map(|n| comparison.holds(n, *constant)))
        }
    }
}

/// `All` when `decisive` is false (one false item decides), `Any` when it is true.
fn combine(items: &[Condition], answers: &Answers, decisive: bool) -> Residual {
    let mut open = BTreeSet::new();
    for item in items {
        match residual(item, answers) {
            Residual::Known(value) if value == decisive => return Residual::Known(decisive),
            Residual::Known(_) => {}
            Residual::Open(questions) => open.extend(questions),
        }
    }
    if open.is_empty() {
        Residual::Known(!decisive)
    } else {
        Residual::Open(open)
    }
}

/// An answer of the wrong kind cannot be built through `answer::check`; were it
/// there, the question is treated as unanswered rather than guessed.
fn leaf(q: QuestionIndex, answers: &Answers, test: impl Fn(&Answer) -> Option<bool>) -> Residual {
    match answers.get(q).and_then(test) {
        Some(value) => Residual::Known(value),
        None => Residual::Open(crate::sort::set([q])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Comparison;
    use rust_decimal::Decimal;

    /// Answers for four questions: 0 and 1 yes/no, 2 a choice, 3 a number.
    fn answers(values: [Option<Answer>; 4]) -> Answers {
        let mut answers = Answers::with_slots(4);
        for (q, value) in values.into_iter().enumerate() {
            answers.set(q, value);
        }
        answers
    }

    fn open(questions: &[QuestionIndex]) -> Residual {
        Residual::Open(questions.iter().copied().collect())
    }

    #[test]
    fn kleene_truth_tables_for_and_or_not() {
        use Answer::YesNo;
        let a_and_b = Condition::All(vec![Condition::IsYes(0), Condition::IsYes(1)]);
        let a_or_b = Condition::Any(vec![Condition::IsYes(0), Condition::IsYes(1)]);
        let not_a = Condition::Not(Box::new(Condition::IsYes(0)));
        let t = Some(YesNo(true));
        let f = Some(YesNo(false));
        let cases = [
            ([t.clone(), t.clone()], Residual::Known(true), Residual::Known(true)),
            ([t.clone(), f.clone()], Residual::Known(false), Residual::Known(true)),
            ([f.clone(), f.clone()], Residual::Known(false), Residual::Known(false)),
            ([f.clone(), None], Residual::Known(false), open(&[1])),
            ([t.clone(), None], open(&[1]), Residual::Known(true)),
            ([None, None], open(&[0, 1]), open(&[0, 1])),
        ];
        for ([a, b], expected_and, expected_or) in cases {
            let given = answers([a.clone(), b.clone(), None, None]);
            assert_eq!(residual(&a_and_b, &given), expected_and, "{a:?} and {b:?}");
            assert_eq!(residual(&a_or_b, &given), expected_or, "{a:?} or {b:?}");
        }
        assert_eq!(residual(&not_a, &answers([t, None, None, None])), Residual::Known(false));
        assert_eq!(residual(&not_a, &answers([None, None, None, None])), open(&[0]));
    }

    #[test]
    fn leaves_compare_choices_and_numbers() {
        let one_of = Condition::OneOf(2, vec![0, 1]);
        let at_least_12 = Condition::Compare(3, Comparison::Ge, Decimal::from(12));
        let given = answers([None, None, Some(Answer::Choice(1)), Some(Answer::Integer(11))]);
        assert!(residual(&one_of, &given).is(true));
        assert!(residual(&at_least_12, &given).is(false));
        let given = answers([None, None, Some(Answer::Choice(2)), Some(Answer::Money(Decimal::from(12)))]);
        assert!(residual(&one_of, &given).is(false));
        assert!(residual(&at_least_12, &given).is(true));
    }

    #[test]
    fn a_decided_branch_drops_the_questions_it_no_longer_needs() {
        // (a and b) or c: once a is no, b cannot matter any more.
        let condition = Condition::Any(vec![
            Condition::All(vec![Condition::IsYes(0), Condition::IsYes(1)]),
            Condition::OneOf(2, vec![0]),
        ]);
        let given = answers([Some(Answer::YesNo(false)), None, None, None]);
        assert_eq!(residual(&condition, &given), open(&[2]));
    }

    #[test]
    fn an_answer_of_the_wrong_kind_stays_unknown() {
        let given = answers([Some(Answer::Integer(1)), None, None, None]);
        assert_eq!(residual(&Condition::IsYes(0), &given), open(&[0]));
    }
}
