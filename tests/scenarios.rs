//! Every scenario file in tests/scenarios, run against the built-in packs and the
//! test-only packs in tests/packs: natively with `cargo test`, and in headless
//! Chromium with `cargo test --target wasm32-unknown-unknown`.

use eligibility::catalogue;
use eligibility::pack::{compile, Programme};
use eligibility::scenario::{self, Outcome};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const SCENARIO_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/scenarios.rs"));
const TEST_PACKS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/test_packs.rs"));

fn test_packs() -> Vec<Programme> {
    TEST_PACKS
        .iter()
        .map(|(name, source)| compile(source, name).unwrap_or_else(|errors| panic!("{errors}")))
        .collect()
}

fn run(file: &str, source: &str, packs: &[Programme]) -> Vec<Outcome> {
    let find = |id: &str| packs.iter().find(|p| p.id == id).or_else(|| catalogue::programme(id).ok());
    scenario::run(source, find).unwrap_or_else(|error| panic!("{file}: {error}"))
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_scenario_passes() {
    let packs = test_packs();
    assert!(SCENARIO_FILES.len() >= 3, "the scenario files were not found");
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
            ("an error that does not come", 1),
            ("missing expectations", 1)
        ]
    );
    assert_eq!(scenario::summary(&outcomes), "0 passed, 5 failed");
}
