//! Any bytes as the JSON answers `eligibility eval` reads, for the form of every
//! shipped programme: they are refused with an error or evaluated, never a panic, and
//! the verdicts keep the engine's promises (the next question is unanswered).
#![no_main]

use eligibility::answer::AnswerInput;
use eligibility::catalogue;
use eligibility::form::Form;
use eligibility::i18n::Lang;
use eligibility::pack::Date;
use eligibility::report::EvaluationReport;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(serde_json::Value::Object(object)) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let form = Form::new(catalogue::programmes().iter().collect());
    let inputs = object.iter().map(|(id, value)| (id.as_str(), AnswerInput::from(value)));
    let answers = match form.answers(inputs) {
        Ok(answers) => answers,
        Err(error) => return drop(error.to_string()),
    };
    let outcomes = form.evaluate(&answers);
    if let Some(next) = form.next_question(&answers, &outcomes) {
        assert!(!answers.is_answered(next), "the next question {next} is already answered");
    }
    for outcome in &outcomes {
        if let Some(next) = outcome.verdict.next_question {
            assert!(outcome.verdict.open_questions.contains(&next));
        }
        for lang in Lang::ALL {
            let report = EvaluationReport::new(outcome, lang, Date { year: 2020, month: 4, day: 15 });
            if let Err(error) = serde_json::to_string(&report) {
                panic!("the report does not serialise: {error}");
            }
        }
    }
});
