//! Three-valued evaluation of conditions over partial answers.
//!
//! A condition is simplified with the answers known so far: what is left is either a
//! known truth value, or still open, with the set of unanswered questions that can
//! still decide it. That set is what makes a question worth asking: an unanswered
//! question that no open condition reads cannot change anything.

use crate::sort::Set;

use crate::answer::{Answer, Answers};
use crate::pack::{Condition, QuestionIndex};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Residual {
    Known(bool),
    /// Not decided yet; these unanswered questions can still decide it.
    Open(Set<QuestionIndex>),
}

impl Residual {
    pub fn is(&self, value: bool) -> bool {
        *self == Residual::Known(value)
    }
}

pub fn residual(condition: &Condition, answers: &Answers) -> Residual {
    let mut open = Vec::new();
    match truth(condition, answers, &mut open) {
        Some(value) => Residual::Known(value),
        None => Residual::Open(crate::sort::set(open)),
    }
}

/// The truth value, `None` while open: `residual` without the questions, for the engine's
/// many tests that need no more.
pub(crate) fn known(condition: &Condition, answers: &Answers) -> Option<bool> {
    truth(condition, answers, &mut Vec::new())
}

/// `residual` without a set: the truth value, or `None` with the questions that can
/// still decide it pushed onto `open` (some perhaps twice). The analysis calls it on
/// every evaluation, many times, where sets made anew were most of its time. A value
/// found pushes nothing: what an open item pushed is dropped once another decides.
pub(crate) fn truth(condition: &Condition, answers: &Answers, open: &mut Vec<QuestionIndex>) -> Option<bool> {
    // One leaf path, its question pushed in one place, not a generic `leaf` per kind
    // of condition (−8 B gzipped, f57fbad).
    let (q, value) = match condition {
        Condition::All(items) => return combine(items, answers, false, open),
        Condition::Any(items) => return combine(items, answers, true, open),
        Condition::Not(inner) => return truth(inner, answers, open).map(|value| !value),
        // An answer of the wrong kind cannot be built through `answer::check`; were it
        // there, the question is treated as unanswered rather than guessed.
        Condition::IsYes(q) => (
            q,
            match answers.get(*q) {
                Some(Answer::YesNo(yes)) => Some(*yes),
                _ => None,
            },
        ),
        Condition::OneOf(q, options) => (
            q,
            match answers.get(*q) {
                Some(Answer::Choice(chosen)) => Some(options.contains(chosen)),
                _ => None,
            },
        ),
        Condition::Compare(q, comparison, constant) => {
            (q, answers.get(*q).and_then(Answer::number).map(|n| comparison.holds(n, *constant)))
        }
    };
    if value.is_none() {
        open.push(*q);
    }
    value
}

/// `All` when `decisive` is false (one false item decides), `Any` when it is true.
fn combine(items: &[Condition], answers: &Answers, decisive: bool, open: &mut Vec<QuestionIndex>) -> Option<bool> {
    let start = open.len();
    for item in items {
        if truth(item, answers, open) == Some(decisive) {
            // Decided: the questions of the other items cannot change it.
            open.truncate(start);
            return Some(decisive);
        }
    }
    (open.len() == start).then_some(!decisive)
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
            ([t, t], Residual::Known(true), Residual::Known(true)),
            ([t, f], Residual::Known(false), Residual::Known(true)),
            ([f, f], Residual::Known(false), Residual::Known(false)),
            ([f, None], Residual::Known(false), open(&[1])),
            ([t, None], open(&[1]), Residual::Known(true)),
            ([None, None], open(&[0, 1]), open(&[0, 1])),
        ];
        for ([a, b], expected_and, expected_or) in cases {
            let given = answers([a, b, None, None]);
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
