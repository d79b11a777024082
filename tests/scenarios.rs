//! Every scenario file in tests/scenarios, run against the built-in packs and the
//! test-only packs in tests/packs: natively with `cargo test`, and in headless
//! Chromium with `cargo test --target wasm32-unknown-unknown`.

use eligibility::catalogue;
use eligibility::compile::compile;
use eligibility::pack::Programme;
use eligibility::scenario::{self, Outcome};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const SCENARIO_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/scenarios.rs"));
const TEST_PACKS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/test_packs.rs"));

fn test_packs() -> Vec<Programme> {
    TEST_PACKS.iter().map(|(name, source)| compile(source, name).unwrap_or_else(|errors| panic!("{errors}"))).collect()
}

fn run(file: &str, source: &str, packs: &[Programme]) -> Vec<Outcome> {
    let find = |id: &str| packs.iter().find(|p| p.id == id).or_else(|| catalogue::programme(id).ok());
    scenario::run(source, find).unwrap_or_else(|error| panic!("{file}: {error}"))
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_scenario_passes() {
    let packs = test_packs();
    assert!(SCENARIO_FILES.len() >= 8, "the scenario files were not found");
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, source) in SCENARIO_FILES {
        for outcome in run(file, source, &packs) {
            count += 1;
            if !outcome.passed() {
                failures.push(format!("{file}: {}\n  {}", outcome.name, outcome.failures.join("\n  ")));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {count} scenarios failed:\n{}", failures.len(), failures.join("\n"));
}

/// The runner itself must be able to fail: a wrong expectation of each kind is caught.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn wrong_expectations_are_caught() {
    let source = r#"
        programme = "netflix-audiens-2020"
        [[scenarios]]
        name = "wrong status"
        answers = { profession = "other" }
        status = "eligible"
        amount = "none"
        next_question = "none"
        [[scenarios]]
        name = "wrong amount"
        answers = { annual_resources = "15000.01" }
        status = "undetermined"
        amount = "900 EUR"
        next_question = "profession"
        [[scenarios]]
        name = "wrong next question"
        answers = {}
        status = "undetermined"
        amount = "500..900 EUR"
        next_question = "days_worked"
        [[scenarios]]
        name = "wrong window"
        today = "2026-01-01"
        answers = {}
        status = "undetermined"
        amount = "500..900 EUR"
        next_question = "profession"
        window = "open"
        [[scenarios]]
        name = "a window without a day"
        answers = {}
        status = "undetermined"
        amount = "500..900 EUR"
        next_question = "profession"
        window = "open"
        [[scenarios]]
        name = "an error that does not come"
        answers = { days_worked = 12 }
        error = "out of bounds"
        [[scenarios]]
        name = "missing expectations"
        answers = {}
    "#;
    let outcomes = run("inline", source, &[]);
    let failed: Vec<(&str, usize)> = outcomes.iter().map(|o| (o.name.as_str(), o.failures.len())).collect();
    assert_eq!(
        failed,
        [
            ("wrong status", 1),
            ("wrong amount", 1),
            ("wrong next question", 1),
            ("wrong window", 1),
            ("a window without a day", 1),
            ("an error that does not come", 1),
            ("missing expectations", 1)
        ]
    );
    assert_eq!(scenario::summary(&outcomes), "0 passed, 7 failed");

    let source = r#"
        programmes = ["collectif-5050-mentorat-2021", "uk-film-tv-emergency-relief-2020"]
        [[scenarios]]
        name = "wrong starts and wrong form question"
        answers = { country = "fr", mentoring_profile = "student" }
        next_question = "screen_role"
        expect.collectif-5050-mentorat-2021 = { starts = ["autumn 2021"] }
        [[scenarios]]
        name = "a programme not in the form, and flat expectations"
        answers = {}
        next_question = "country"
        status = "undetermined"
        expect.netflix-audiens-2020 = { status = "undetermined" }
        [[scenarios]]
        name = "no form question"
        answers = {}
    "#;
    let outcomes = run("inline", source, &[]);
    let failures: Vec<Vec<String>> = outcomes.iter().map(|o| o.failures.clone()).collect();
    assert_eq!(
        failures,
        [
            vec![
                "the form's next question: expected screen_role, got has_industry_network".to_owned(),
                "collectif-5050-mentorat-2021: starts: expected [\"autumn 2021\"], got [\"May 2021\"]".to_owned()
            ],
            vec![
                "a form's scenario gives each programme's expectations under `[scenarios.expect.<id>]`".to_owned(),
                "`netflix-audiens-2020` is not a programme of this form".to_owned()
            ],
            vec!["a form's scenario must give the form's `next_question`".to_owned()],
        ]
    );
}
