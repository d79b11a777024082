//! Any text as a condition, in a small pack that gives it every kind of question:
//! as a criterion and as the tiers of the amount (`X` and `not (X)`), so that a
//! condition that parses also goes through the tiers' overlap and gap check and the
//! engine.
#![no_main]

use eligibility::answer::{AnswerInput, Answers};
use eligibility::compile::compile;
use eligibility::engine::evaluate;
use eligibility::form::Form;
use libfuzzer_sys::fuzz_target;

const PACK: &str = r#"
id = "fuzz"
version = "1.0.0"
checked = "2026-11-22"
operator = "Fuzz"
apply_url = "https://example.org"
name = { fr = "x", en = "x" }
summary = { fr = "x", en = "x" }
country = { code = "fr", name = { fr = "x", en = "y" }, in = { fr = "x", en = "y" } }
window = { opens = "2020-01-01", confirmed_open_until = "2020-01-01" }

[[questions]]
id = "member"
type = "yes_no"
label = { fr = "x", en = "x" }

[[questions]]
id = "job"
type = "choice"
label = { fr = "x", en = "x" }
options = [{ id = "artist", label = { fr = "x", en = "x" } }, { id = "technician", label = { fr = "x", en = "x" } }, { id = "other", label = { fr = "x", en = "x" } }]

[[questions]]
id = "days"
type = "integer"
min = 0
max = 366
label = { fr = "x", en = "x" }

[[questions]]
id = "count"
type = "integer"
label = { fr = "x", en = "x" }

[[questions]]
id = "income"
type = "money"
currency = "EUR"
min = 0
label = { fr = "x", en = "x" }

[[questions]]
id = "balance"
type = "money"
currency = "EUR"
label = { fr = "x", en = "x" }

[[criteria]]
id = "reads_every_question"
condition = "member or job = artist or days > 0 or count > 0 or income > 0 or balance > 0"
met = { fr = "x", en = "x" }
not_met = { fr = "x", en = "x" }
unknown = { fr = "x", en = "x" }

[[criteria]]
id = "fuzzed"
condition = "CONDITION"
met = { fr = "x", en = "x" }
not_met = { fr = "x", en = "x" }
unknown = { fr = "x", en = "x" }

[amount]
currency = "EUR"
kind = "tiered"
tiers = [{ condition = "CONDITION", value = 900 }, { condition = "not (CONDITION)", value = 500 }]

[[sources]]
title = "x"
publisher = "x"
date = "2020"
"#;

/// `text` inside a TOML basic string.
fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' => "\\\"".to_owned(),
            '\\' => "\\\\".to_owned(),
            c if c.is_control() => format!("\\u{:04X}", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(condition) = std::str::from_utf8(data) else {
        return;
    };
    let source = PACK.replace("CONDITION", &escaped(condition));
    let programme = match compile(&source, "fuzz") {
        Ok(programme) => programme,
        Err(errors) => return drop(errors.to_string()),
    };
    evaluate(&programme, &Answers::none(&programme));
    let answers = [
        ("member", AnswerInput::Bool(false)),
        ("job", AnswerInput::Text("other".into())),
        ("days", AnswerInput::Number("366".into())),
        ("count", AnswerInput::Number("-9223372036854775808".into())),
        ("income", AnswerInput::Number("79228162514264337593543950335".into())),
        ("balance", AnswerInput::Number("-0.0000000000000000000000000001".into())),
    ];
    // Answered one by one, so that every partial set is evaluated too.
    for known in 1..=answers.len() {
        let inputs = answers.iter().take(known).map(|(id, input)| (*id, input.clone()));
        let form = Form::new(vec![&programme]);
        if let Ok(answers) = form.answers(inputs) {
            let outcomes = form.evaluate(&answers);
            form.next_question(&answers, &outcomes);
        }
    }
});
