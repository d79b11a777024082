//! Properties over any answers: evaluation never panics, and a final verdict stays
//! final whatever is answered next.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

use eligibility::answer::{check, AnswerInput, Answers};
use eligibility::engine::{evaluate, Status};
use eligibility::catalogue;
use eligibility::pack::Programme;

fn programme() -> &'static Programme {
    catalogue::programme("netflix-audiens-2020").unwrap_or_else(|e| panic!("{e}"))
}

/// Any input at all: the wrong types, odd numbers, long strings.
fn any_input() -> impl Strategy<Value = AnswerInput> {
    prop_oneof![
        Just(AnswerInput::Missing),
        any::<bool>().prop_map(AnswerInput::Bool),
        any::<i64>().prop_map(|n| AnswerInput::Number(n.to_string())),
        "-?[0-9]{1,30}(\\.[0-9]{1,30})?(e-?[0-9]{1,3})?".prop_map(AnswerInput::Number),
        ".{0,20}".prop_map(AnswerInput::Text),
        prop::sample::select(vec!["artist", "technician", "other", ""]).prop_map(|s| AnswerInput::Text(s.into())),
    ]
}

/// Valid answers for some of the questions, in any order.
fn valid_answers() -> impl Strategy<Value = Vec<(usize, AnswerInput)>> {
    let value = prop_oneof![
        any::<bool>().prop_map(AnswerInput::Bool),
        prop::sample::select(vec!["artist", "technician", "other"]).prop_map(|s| AnswerInput::Text(s.into())),
        (0i64..=366).prop_map(|n| AnswerInput::Number(n.to_string())),
        (0i64..3_000_000).prop_map(|cents| AnswerInput::Number(format!("{}.{:02}", cents / 100, cents % 100))),
    ];
    prop::collection::vec((0usize..6, value), 0..12)
}

fn answers_from(pairs: &[(usize, AnswerInput)]) -> Answers {
    let programme = programme();
    let mut answers = Answers::none(programme);
    for (q, input) in pairs {
        if let Some(question) = programme.questions.get(*q) {
            if let Ok(answer) = check(question, input) {
                answers.set(*q, answer);
            }
        }
    }
    answers
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn evaluation_never_panics(inputs in prop::collection::vec(("[a-z_]{1,30}", any_input()), 0..10),
                               ids in prop::collection::vec((0usize..6, any_input()), 0..10)) {
        let programme = programme();
        let named = ids.iter().filter_map(|(q, input)| programme.questions.get(*q).map(|question| (question.id.as_str(), input.clone())));
        let all = inputs.iter().map(|(q, input)| (q.as_str(), input.clone())).chain(named);
        if let Ok(answers) = Answers::from_inputs(programme, all) {
            let verdict = evaluate(programme, &answers);
            prop_assert_eq!(verdict.criteria.len(), programme.criteria.len());
        }
    }

    #[test]
    fn a_final_verdict_stays_final(before in valid_answers(), more in valid_answers()) {
        let programme = programme();
        let first = answers_from(&before);
        let verdict = evaluate(programme, &first);
        let mut combined = before.clone();
        // Only new answers: answers already given are kept as they were.
        combined.extend(more.into_iter().filter(|(q, _)| !first.is_answered(*q)));
        let later = evaluate(programme, &answers_from(&combined));
        if verdict.status.is_final() {
            prop_assert_eq!(later.status, verdict.status);
        }
        if verdict.status == Status::NotEligible {
            prop_assert!(later.next_question.is_none() && later.amount.is_none());
        }
        // The amount only narrows: a later range lies inside the earlier one.
        if let (Some(earlier), Some(narrower)) = (verdict.amount, later.amount) {
            prop_assert!(earlier.min <= narrower.min && narrower.max <= earlier.max);
        }
    }

    #[test]
    fn the_next_question_is_unanswered_and_can_change_something(before in valid_answers()) {
        let programme = programme();
        let answers = answers_from(&before);
        let verdict = evaluate(programme, &answers);
        match verdict.next_question {
            Some(q) => {
                prop_assert!(!answers.is_answered(q));
                prop_assert!(!verdict.status.is_final() || verdict.amount.is_some_and(|a| a.min != a.max));
            }
            None => prop_assert!(verdict.status.is_final() && verdict.amount.is_none_or(|a| a.min == a.max)),
        }
    }
}
