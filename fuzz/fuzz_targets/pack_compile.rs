//! Any text as a rule pack: `compile` reports errors or gives a programme, never a
//! panic; a programme it gives evaluates without panicking, with no answer and with
//! its questions' bounds as answers.
#![no_main]

use eligibility::answer::{Answer, Answers};
use eligibility::compile::compile;
use eligibility::engine::evaluate;
use eligibility::pack::QuestionKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    match compile(source, "fuzz") {
        Ok(programme) => {
            let mut answers = Answers::none(&programme);
            evaluate(&programme, &answers);
            for (index, question) in programme.questions.iter().enumerate() {
                let answer = match &question.kind {
                    QuestionKind::YesNo => Answer::YesNo(true),
                    QuestionKind::Choice(_) => Answer::Choice(0),
                    QuestionKind::Integer { min, max } => Answer::Integer(max.or(*min).unwrap_or(i64::MAX)),
                    QuestionKind::Money { min, max, .. } => {
                        Answer::Money(max.or(*min).unwrap_or(rust_decimal::Decimal::MAX))
                    }
                };
                answers.set(index, Some(answer));
                evaluate(&programme, &answers);
            }
        }
        // Every error is written out, as `eligibility check` does.
        Err(errors) => drop(errors.to_string()),
    }
});
