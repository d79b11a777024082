//! Scenario files: answers in, expected verdict out. One runner serves the CLI's
//! `eligibility test`, the native test suite and the browser test suite.
//!
//! ```toml
//! programme = "netflix-audiens-2020"
//!
//! [[scenarios]]
//! name = "a technician with low resources gets 900 EUR"
//! answers = { profession = "technician", days_worked = 12, annual_resources = "15000" }
//! status = "undetermined"          # eligible | not_eligible | undetermined
//! amount = "900 EUR"               # "none", "900 EUR" or "500..900 EUR"
//! next_question = "rights_not_renewed_since_2020"   # or "none"
//! ```
//!
//! A scenario may instead expect the answers to be refused: `error = "…"` holds a
//! part of the expected message.

use std::fmt;

use serde::Deserialize;

use crate::answer::{AnswerInput, Answers};
use crate::engine::evaluate;
use crate::i18n::Lang;
use crate::money::parse_decimal;
use crate::pack::Programme;
use crate::report::EvaluationReport;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioFile {
    programme: String,
    scenarios: Vec<Scenario>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    name: String,
    #[serde(default)]
    answers: toml::Table,
    status: Option<String>,
    amount: Option<String>,
    next_question: Option<String>,
    error: Option<String>,
}

/// The result of one scenario: its name and what did not match (nothing if it passed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub name: String,
    pub failures: Vec<String>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// A scenario file that cannot be run at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioFileError(pub String);

impl fmt::Display for ScenarioFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ScenarioFileError {}

/// Runs every scenario of a file, finding its programme with `programme`.
pub fn run<'p>(
    source: &str,
    programme: impl Fn(&str) -> Option<&'p Programme>,
) -> Result<Vec<Outcome>, ScenarioFileError> {
    let file: ScenarioFile = toml::from_str(source).map_err(|e| ScenarioFileError(e.message().trim().to_owned()))?;
    let programme = programme(&file.programme)
        .ok_or_else(|| ScenarioFileError(format!("unknown programme `{}`", file.programme)))?;
    Ok(file.scenarios.iter().map(|scenario| run_one(programme, scenario)).collect())
}

fn run_one(programme: &Programme, scenario: &Scenario) -> Outcome {
    let inputs = scenario.answers.iter().map(|(q, v)| (q.as_str(), AnswerInput::from(v)));
    let failures = match (Answers::from_inputs(programme, inputs), &scenario.error) {
        (Err(error), Some(expected)) if error.to_string().contains(expected.as_str()) => Vec::new(),
        (Err(error), Some(expected)) => vec![format!("expected an error containing {expected:?}, got {:?}", error.to_string())],
        (Err(error), None) => vec![format!("the answers were refused: {error}")],
        (Ok(_), Some(expected)) => vec![format!("expected an error containing {expected:?}, but the answers were accepted")],
        (Ok(answers), None) => {
            let report = EvaluationReport::new(&evaluate(programme, &answers), Lang::Fr);
            compare(scenario, &report)
        }
    };
    Outcome { name: scenario.name.clone(), failures }
}

/// What differs between a scenario's expectations and a report, in words.
fn compare_report(expected_status: &str, expected_amount: &str, expected_next: &str, report: &EvaluationReport) -> Vec<String> {
    let mut failures = Vec::new();
    if report.status != expected_status {
        failures.push(format!("status: expected {expected_status}, got {}", report.status));
    }
    match parse_amount(expected_amount) {
        None => failures.push(format!("amount: cannot read {expected_amount:?}: write \"none\", \"900 EUR\" or \"500..900 EUR\"")),
        Some(expected) => {
            let got = report.amount.as_ref().map(|a| (a.min.as_str(), a.max.as_str(), a.currency.as_str()));
            let same = match (&expected, got) {
                (None, None) => true,
                (Some((min, max, currency)), Some((got_min, got_max, got_currency))) => {
                    parse_decimal(got_min) == Some(*min) && parse_decimal(got_max) == Some(*max) && got_currency == currency
                }
                _ => false,
            };
            if !same {
                let got = got.map_or("none".to_owned(), |(min, max, currency)| match min == max {
                    true => format!("{min} {currency}"),
                    false => format!("{min}..{max} {currency}"),
                });
                failures.push(format!("amount: expected {expected_amount}, got {got}"));
            }
        }
    }
    let next = report.next_question.as_deref().unwrap_or("none");
    if next != expected_next {
        failures.push(format!("next question: expected {expected_next}, got {next}"));
    }
    failures
}

fn compare(scenario: &Scenario, report: &EvaluationReport) -> Vec<String> {
    match (&scenario.status, &scenario.amount, &scenario.next_question) {
        (Some(status), Some(amount), Some(next)) => compare_report(status, amount, next, report),
        _ => vec!["a scenario must give `status`, `amount` and `next_question` (or `error`)".to_owned()],
    }
}

type ExpectedAmount = Option<(rust_decimal::Decimal, rust_decimal::Decimal, String)>;

/// `"none"` → `Some(None)`; `"900 EUR"` and `"500..900 EUR"` → the range; else `None`.
fn parse_amount(text: &str) -> Option<ExpectedAmount> {
    if text == "none" {
        return Some(None);
    }
    let (numbers, currency) = text.split_once(' ')?;
    let (min, max) = numbers.split_once("..").unwrap_or((numbers, numbers));
    Some(Some((parse_decimal(min)?, parse_decimal(max)?, currency.to_owned())))
}

/// `N passed, N failed`, the closing line every runner prints.
pub fn summary(outcomes: &[Outcome]) -> String {
    let passed = outcomes.iter().filter(|o| o.passed()).count();
    format!("{passed} passed, {} failed", outcomes.len() - passed)
}
