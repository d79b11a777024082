//! Any bytes as the JSON answers `eligibility eval` reads, for the shipped
//! Netflix–Audiens pack: they are refused with an error or evaluated, never a panic,
//! and the verdict keeps the engine's promises (the next question is unanswered).
#![no_main]

use eligibility::answer::{AnswerInput, Answers};
use eligibility::catalogue;
use eligibility::engine::evaluate;
use eligibility::i18n::Lang;
use eligibility::report::EvaluationReport;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(serde_json::Value::Object(object)) = serde_json::from_slice::<serde_json::Value>(data)
    else {
        return;
    };
    let Ok(programme) = catalogue::programme("netflix-audiens-2020") else {
        panic!("the shipped pack is missing");
    };
    let inputs = object
        .iter()
        .map(|(id, value)| (id.as_str(), AnswerInput::from(value)));
    let answers = match Answers::from_inputs(programme, inputs) {
        Ok(answers) => answers,
        Err(error) => return drop(error.to_string()),
    };
    let verdict = evaluate(programme, &answers);
    if let Some(next) = verdict.next_question {
        assert!(
            !answers.is_answered(next),
            "the next question {next} is already answered"
        );
    }
    for lang in Lang::ALL {
        let report = EvaluationReport::new(&verdict, lang);
        if let Err(error) = serde_json::to_string(&report) {
            panic!("the report does not serialise: {error}");
        }
    }
});
