//! Scenario files: answers in, expected verdict out. One runner serves the CLI's
//! `eligibility test`, the native test suite and the browser test suite.
//!
//! ```toml
//! programme = "netflix-audiens-2020"
//! today = "2020-04-15"             # the day the window is read on (optional)
//!
//! [[scenarios]]
//! name = "a technician with low resources gets 900 EUR"
//! answers = { profession = "technician", days_worked = 12, annual_resources = "15000" }
//! status = "undetermined"          # eligible | not_eligible | undetermined
//! amount = "900 EUR"               # "none", "900 EUR", "500..900 EUR", "100.. EUR" (no upper bound)
//! next_question = "rights_not_renewed_since_2020"   # or "none"
//! window = "open"                  # optional: upcoming | open | closed | unconfirmed
//! starts = ["May 2021"]            # a place: the possible starts, in English
//! depends_on = ["annual_resources"] # questions answered "unknown" that still matter
//! changes = ["days_worked >= 12 => eligible 500 EUR"]   # what would change the verdict
//! ```
//!
//! An answer `"unknown"` is "I don't know". A change is written `<question> <op>
//! <value>` (ops `=`, `>=`, `>`, `<=`, `<`; two bounds joined by `and`), then `=>`,
//! the status and, for money, the amount as above.
//!
//! A form of several programmes names them with `programmes = [...]`; each scenario
//! then gives the form's `next_question` and, per programme, `[scenarios.expect.<id>]`
//! with the fields above. A scenario may instead expect the answers to be refused:
//! `error = "…"` holds a part of the expected message.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::answer::AnswerInput;
use crate::form::Form;
use crate::i18n::Lang;
use crate::money::parse_decimal;
use crate::pack::{Date, Programme};
use crate::report::{BenefitReport, Bound, ChangeAnswer, ChangeReport, EvaluationReport};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioFile {
    programme: Option<String>,
    programmes: Option<Vec<String>>,
    today: Option<String>,
    scenarios: Vec<Scenario>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    name: String,
    today: Option<String>,
    #[serde(default)]
    answers: toml::Table,
    status: Option<String>,
    amount: Option<String>,
    starts: Option<Vec<String>>,
    window: Option<String>,
    next_question: Option<String>,
    depends_on: Option<Vec<String>>,
    changes: Option<Vec<String>>,
    error: Option<String>,
    expect: Option<BTreeMap<String, Expected>>,
}

impl Scenario {
    /// The expectations given at the top of the scenario, for a single programme.
    fn expected(&self) -> Expected {
        Expected {
            status: self.status.clone(),
            amount: self.amount.clone(),
            starts: self.starts.clone(),
            window: self.window.clone(),
            next_question: self.next_question.clone(),
            depends_on: self.depends_on.clone(),
            changes: self.changes.clone(),
        }
    }
}

/// What one programme's report must say; absent fields are not checked, except that
/// a single programme's scenario must give `status` and `amount` (or a place's `starts`).
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    status: Option<String>,
    amount: Option<String>,
    starts: Option<Vec<String>>,
    window: Option<String>,
    next_question: Option<String>,
    depends_on: Option<Vec<String>>,
    changes: Option<Vec<String>>,
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

/// The day scenarios are evaluated on when they do not say: it only shows in the
/// window, which a scenario checks only with a `today`.
const DEFAULT_DAY: Date = Date { year: 2020, month: 4, day: 15 };

/// Runs every scenario of a file, finding its programmes with `programme`.
pub fn run<'p>(
    source: &str,
    programme: impl Fn(&str) -> Option<&'p Programme>,
) -> Result<Vec<Outcome>, ScenarioFileError> {
    let file: ScenarioFile = toml::from_str(source).map_err(|e| ScenarioFileError(e.message().trim().to_owned()))?;
    let (ids, single) = match (&file.programme, &file.programmes) {
        (Some(id), None) => (vec![id.clone()], true),
        (None, Some(ids)) if !ids.is_empty() => (ids.clone(), false),
        _ => return Err(ScenarioFileError("give `programme = \"…\"` or a non-empty `programmes = [\"…\", …]`".into())),
    };
    let programmes = ids
        .iter()
        .map(|id| programme(id).ok_or_else(|| ScenarioFileError(format!("unknown programme `{id}`"))))
        .collect::<Result<Vec<_>, _>>()?;
    let file_day = day(file.today.as_deref())?;
    let form = Form::new(programmes);
    Ok(file.scenarios.iter().map(|scenario| run_one(&form, scenario, single, file_day)).collect())
}

fn day(text: Option<&str>) -> Result<Option<Date>, ScenarioFileError> {
    text.map(|t| {
        Date::parse(t).ok_or_else(|| ScenarioFileError(format!("`today` must be a date written YYYY-MM-DD, not `{t}`")))
    })
    .transpose()
}

fn run_one(form: &Form<'_>, scenario: &Scenario, single: bool, file_day: Option<Date>) -> Outcome {
    let fail = |message: String| Outcome { name: scenario.name.clone(), failures: vec![message] };
    let today = match day(scenario.today.as_deref()) {
        Ok(today) => today.or(file_day),
        Err(error) => return fail(error.0),
    };
    let inputs = scenario.answers.iter().map(|(q, v)| (q.as_str(), AnswerInput::from(v)));
    let answers = match (form.answers(inputs), &scenario.error) {
        (Err(error), Some(expected)) if error.to_string().contains(expected.as_str()) => {
            return Outcome { name: scenario.name.clone(), failures: Vec::new() }
        }
        (Err(error), Some(expected)) => {
            return fail(format!("expected an error containing {expected:?}, got {:?}", error.to_string()))
        }
        (Err(error), None) => return fail(format!("the answers were refused: {error}")),
        (Ok(_), Some(expected)) => {
            return fail(format!("expected an error containing {expected:?}, but the answers were accepted"))
        }
        (Ok(answers), None) => answers,
    };
    let outcomes = form.evaluate(&answers);
    let reports: Vec<EvaluationReport> =
        outcomes.iter().map(|o| EvaluationReport::new(o, Lang::En, today.unwrap_or(DEFAULT_DAY))).collect();
    let mut failures = Vec::new();
    if single {
        let expected = scenario.expected();
        let complete = expected.status.is_some()
            && (expected.amount.is_some() || expected.starts.is_some())
            && expected.next_question.is_some();
        if !complete || scenario.expect.is_some() {
            failures.push(
                "a scenario must give `status`, `amount` (or `starts`) and `next_question` (or `error`)".to_owned(),
            );
        }
        if let Some(report) = reports.first() {
            failures.extend(compare(&expected, report, today.is_some()));
        }
    } else {
        if (Expected { next_question: None, ..scenario.expected() }) != Expected::default() {
            failures.push(
                "a form's scenario gives each programme's expectations under `[scenarios.expect.<id>]`".to_owned(),
            );
        }
        let next =
            form.next_question(&answers, &outcomes).and_then(|q| form.question(q)).map_or("none", |q| q.id.as_str());
        match &scenario.next_question {
            Some(expected) if expected != next => {
                failures.push(format!("the form's next question: expected {expected}, got {next}"))
            }
            Some(_) => {}
            None => failures.push("a form's scenario must give the form's `next_question`".to_owned()),
        }
        for (id, expected) in scenario.expect.iter().flatten() {
            match reports.iter().find(|r| r.programme == id) {
                Some(report) => failures
                    .extend(compare(expected, report, today.is_some()).into_iter().map(|f| format!("{id}: {f}"))),
                None => failures.push(format!("`{id}` is not a programme of this form")),
            }
        }
    }
    Outcome { name: scenario.name.clone(), failures }
}

/// What differs between expectations and a report, in words.
fn compare(expected: &Expected, report: &EvaluationReport, dated: bool) -> Vec<String> {
    let mut failures = Vec::new();
    if let Some(status) = &expected.status {
        if report.status != status {
            failures.push(format!("status: expected {status}, got {}", report.status));
        }
    }
    if let Some(amount) = &expected.amount {
        failures.extend(compare_amount(amount, report));
    }
    if let Some(starts) = &expected.starts {
        let got = match &report.benefit {
            Some(BenefitReport::Place { starts, .. }) => starts.clone(),
            _ => Vec::new(),
        };
        if &got != starts {
            failures.push(format!("starts: expected {starts:?}, got {got:?}"));
        }
    }
    if let Some(window) = &expected.window {
        if !dated {
            failures.push("a `window` expectation needs a `today`".to_owned());
        } else if report.window.state != window {
            failures.push(format!("window: expected {window}, got {}", report.window.state));
        }
    }
    if let Some(expected) = &expected.next_question {
        let next = report.next_question.unwrap_or("none");
        if next != expected {
            failures.push(format!("next question: expected {expected}, got {next}"));
        }
    }
    if let Some(expected) = expected.depends_on.as_ref().filter(|d| **d != report.depends_on) {
        failures.push(format!("depends on: expected {expected:?}, got {:?}", report.depends_on));
    }
    let changes: Vec<String> = report.changes.iter().map(change_line).collect();
    if let Some(expected) = expected.changes.as_ref().filter(|c| **c != changes) {
        failures.push(format!("changes: expected {expected:?}, got {changes:?}"));
    }
    failures
}

/// A change as scenario files write it: `days_worked >= 12 => eligible 500 EUR`.
fn change_line(change: &ChangeReport) -> String {
    let bound = |b: &Bound| match b {
        Bound::Integer(n) => n.to_string(),
        Bound::Money(m) => m.clone(),
    };
    let mut answer: Vec<String> = Vec::new();
    match &change.answer {
        Some(ChangeAnswer::YesNo(yes)) => answer.push(format!("= {}", if *yes { "yes" } else { "no" })),
        Some(ChangeAnswer::Option(option)) => answer.push(format!("= {option}")),
        None => {}
    }
    let bounds =
        [(">=", &change.at_least), (">", &change.more_than), ("<=", &change.at_most), ("<", &change.less_than)];
    answer.extend(bounds.iter().filter_map(|(op, b)| b.as_ref().map(|b| format!("{op} {}", bound(b)))));
    let benefit = match &change.benefit {
        Some(BenefitReport::Money { currency, min, max, .. }) => {
            format!(" {}", amount_words(min, max.as_deref(), currency))
        }
        _ => String::new(),
    };
    format!("{} {} => {}{benefit}", change.question, answer.join(" and "), change.status)
}

/// `900 EUR`, `500..900 EUR`, `100.. EUR`: an amount as scenario files write it.
fn amount_words(min: &str, max: Option<&str>, currency: &str) -> String {
    match max {
        Some(max) if max == min => format!("{max} {currency}"),
        Some(max) => format!("{min}..{max} {currency}"),
        None => format!("{min}.. {currency}"),
    }
}

fn compare_amount(expected: &str, report: &EvaluationReport) -> Option<String> {
    let Some(parsed) = parse_amount(expected) else {
        return Some(format!(
            "amount: cannot read {expected:?}: write \"none\", \"900 EUR\", \"500..900 EUR\" or \"100.. EUR\""
        ));
    };
    let got = report.amount.as_ref();
    let same = match (&parsed, got) {
        (None, None) => true,
        (Some((min, max, currency)), Some(got)) => {
            parse_decimal(&got.min) == Some(*min)
                && got.max.as_deref().map(parse_decimal) == max.map(Some)
                && got.currency == currency
        }
        _ => false,
    };
    if same {
        return None;
    }
    let got = got.map_or("none".to_owned(), |a| amount_words(&a.min, a.max.as_deref(), a.currency));
    Some(format!("amount: expected {expected}, got {got}"))
}

type ExpectedAmount = Option<(rust_decimal::Decimal, Option<rust_decimal::Decimal>, String)>;

/// `"none"` → `Some(None)`; `"900 EUR"`, `"500..900 EUR"` and `"100.. EUR"` → the
/// range (no maximum for the last); anything else → `None`.
fn parse_amount(text: &str) -> Option<ExpectedAmount> {
    if text == "none" {
        return Some(None);
    }
    let (numbers, currency) = text.split_once(' ')?;
    let (min, max) = match numbers.split_once("..") {
        Some((min, "")) => (parse_decimal(min)?, None),
        Some((min, max)) => (parse_decimal(min)?, Some(parse_decimal(max)?)),
        None => (parse_decimal(numbers)?, parse_decimal(numbers)),
    };
    Some(Some((min, max, currency.to_owned())))
}

/// `N passed, N failed`, the closing line every runner prints.
pub fn summary(outcomes: &[Outcome]) -> String {
    let passed = outcomes.iter().filter(|o| o.passed()).count();
    format!("{passed} passed, {} failed", outcomes.len() - passed)
}

/// A scenario file as the tools that look at answers rather than expectations read
/// it (`tools::coverage`, `tools::diff`): its programmes and each scenario's answers.
#[derive(Debug, Clone)]
pub struct Cases {
    pub programmes: Vec<String>,
    pub cases: Vec<Case>,
}

#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub answers: Vec<(String, AnswerInput)>,
    /// The day it is evaluated on: its own `today`, else the file's; `None` when undated.
    pub today: Option<Date>,
    /// The scenario expects its answers to be refused (`error = "…"`).
    pub refused: bool,
}

/// Reads a scenario file's programmes and answers, without running anything.
pub fn cases(source: &str) -> Result<Cases, ScenarioFileError> {
    let file: ScenarioFile = toml::from_str(source).map_err(|e| ScenarioFileError(e.message().trim().to_owned()))?;
    let programmes = match (file.programme, file.programmes) {
        (Some(id), None) => vec![id],
        (None, Some(ids)) if !ids.is_empty() => ids,
        _ => return Err(ScenarioFileError("give `programme = \"…\"` or a non-empty `programmes = [\"…\", …]`".into())),
    };
    let file_day = day(file.today.as_deref())?;
    let cases = file
        .scenarios
        .into_iter()
        .map(|scenario| {
            let today = day(scenario.today.as_deref())
                .map_err(|e| ScenarioFileError(format!("scenario `{}`: {e}", scenario.name)))?
                .or(file_day);
            let answers = scenario.answers.iter().map(|(q, v)| (q.clone(), AnswerInput::from(v))).collect();
            Ok(Case { name: scenario.name, answers, today, refused: scenario.error.is_some() })
        })
        .collect::<Result<_, ScenarioFileError>>()?;
    Ok(Cases { programmes, cases })
}
