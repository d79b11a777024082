//! Diff: who would get another answer after a change to a pack. Answer sets are
//! evaluated with both versions, and those whose verdict, benefit or next question
//! differ are listed with before and after; the scenario files that pass with the old
//! version and fail with the new one are named.
//!
//! The answer sets are given (JSON lines) or generated from both versions: each
//! question's boundary answers in either version and no answer (`space`), every
//! combination when there are few enough, else pairwise. A version is given only the
//! answers to the questions it asks, as a visitor of its form would give them.

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use super::space::{self, Plan};
use crate::answer::{Answer, AnswerInput};
use crate::form::Form;
use crate::i18n::Lang;
use crate::money::canonical;
use crate::pack::{Programme, Question, QuestionKind, Window, COUNTRY};
use crate::report::{benefit, BenefitReport};
use crate::scenario::{self, ScenarioFileError};

/// Beyond this many generated answer sets, a pairwise set is used.
pub const MAX_SETS: usize = 50_000;

/// How many distinct changes the text report shows; `--json` lists every set.
pub const SHOWN: usize = 20;

/// A set of answers, question id → JSON value, as `eligibility eval` reads them.
pub type AnswerSet = Map<String, Value>;

/// What one version makes of an answer set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Outcome {
    Evaluated {
        status: String,
        /// `none`, `900 EUR`, `500..900 EUR`, `100.. EUR`, or a place's starts.
        benefit: String,
        next_question: String,
    },
    Refused {
        error: String,
    },
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Evaluated { status, benefit, next_question } => {
                write!(f, "{status}, benefit {benefit}, next question {next_question}")
            }
            Outcome::Refused { error } => write!(f, "refused: {error}"),
        }
    }
}

/// An answer set the two versions treat differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub answers: AnswerSet,
    /// `status`, `benefit`, `next_question`, or `accepted` when only one version takes the answers.
    pub changed: Vec<&'static str>,
    pub before: Outcome,
    pub after: Outcome,
}

/// Where the answer sets come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sets {
    Given { file: String },
    Generated(Plan),
}

/// One scenario file run with both versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioCheck {
    pub file: String,
    pub scenarios: usize,
    /// Scenarios that pass with the old version and fail with the new, with why.
    pub broken: Vec<Broken>,
    /// Scenarios that failed with the old version and pass with the new.
    pub fixed: Vec<String>,
    /// Scenarios that fail with both.
    pub failing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Broken {
    pub name: String,
    pub failures: Vec<String>,
}

/// Two versions of a programme compared.
#[derive(Debug, Clone)]
pub struct Diff {
    pub programme: String,
    pub old: Version,
    pub new: Version,
    pub sets: Sets,
    /// How many answer sets were compared.
    pub compared: usize,
    /// Fewest answers first, then in the order tried.
    pub changes: Vec<Change>,
    /// The scenario files about the programme; others are skipped.
    pub scenario_files: Vec<ScenarioCheck>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    pub version: String,
    pub hash: String,
    pub window: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffError {
    /// The two packs are of different programmes.
    DifferentProgrammes {
        old: String,
        new: String,
    },
    /// A line of the answers file is not an answer set.
    Answers {
        file: String,
        line: usize,
        problem: String,
    },
    Scenario {
        file: String,
        error: ScenarioFileError,
    },
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiffError::DifferentProgrammes { old, new } => write!(
                f,
                "the packs are of two programmes, `{old}` and `{new}`: diff compares two versions of one programme"
            ),
            DiffError::Answers { file, line, problem } => write!(f, "{file}:{line}: {problem}"),
            DiffError::Scenario { file, error } => write!(f, "{file}: {error}"),
        }
    }
}

impl std::error::Error for DiffError {}

/// Compares `old` and `new` on the answer sets of `answers` (file name, JSON lines), or
/// generated ones, and runs the scenario `files` (name, contents) with each; a form's
/// other programmes are found with `find`.
pub fn diff<'p>(
    old: &'p Programme,
    new: &'p Programme,
    answers: Option<(&str, &str)>,
    files: &[(String, String)],
    find: impl Fn(&str) -> Option<&'p Programme>,
) -> Result<Diff, DiffError> {
    if old.id != new.id {
        return Err(DiffError::DifferentProgrammes { old: old.id.clone(), new: new.id.clone() });
    }
    let (sets, answer_sets) = match answers {
        Some((file, text)) => (Sets::Given { file: file.to_owned() }, given(old, new, file, text)?),
        None => {
            let (plan, sets) = generated(old, new);
            (Sets::Generated(plan), sets)
        }
    };
    let (old_form, new_form) = (Form::new(vec![old]), Form::new(vec![new]));
    let mut changes: Vec<Change> = answer_sets
        .iter()
        .filter_map(|set| {
            let before = outcome(&old_form, old, set);
            let after = outcome(&new_form, new, set);
            let changed = changed(&before, &after);
            (!changed.is_empty()).then(|| Change { answers: set.clone(), changed, before, after })
        })
        .collect();
    changes.sort_by_key(|c| c.answers.len());
    let mut scenario_files = Vec::new();
    for (file, source) in files {
        let read = scenario::cases(source)
            .map_err(|error| DiffError::Scenario { file: file.clone(), error: error.clone() })?;
        if !read.programmes.contains(&old.id) {
            continue;
        }
        let with = |version: &'p Programme| {
            scenario::run(source, |id| if id == version.id { Some(version) } else { find(id) })
                .map_err(|error| DiffError::Scenario { file: file.clone(), error })
        };
        let (before, after) = (with(old)?, with(new)?);
        let mut check = ScenarioCheck {
            file: file.clone(),
            scenarios: after.len(),
            broken: Vec::new(),
            fixed: Vec::new(),
            failing: Vec::new(),
        };
        for (b, a) in before.iter().zip(&after) {
            match (b.passed(), a.passed()) {
                (true, false) => check.broken.push(Broken { name: a.name.clone(), failures: a.failures.clone() }),
                (false, true) => check.fixed.push(a.name.clone()),
                (false, false) => check.failing.push(a.name.clone()),
                (true, true) => {}
            }
        }
        scenario_files.push(check);
    }
    Ok(Diff {
        programme: old.id.clone(),
        old: version(old),
        new: version(new),
        sets,
        compared: answer_sets.len(),
        changes,
        scenario_files,
    })
}

fn version(programme: &Programme) -> Version {
    Version { version: programme.version.clone(), hash: programme.hash.clone(), window: window(&programme.window) }
}

fn window(window: &Window) -> String {
    let mut parts = Vec::new();
    if let Some(opens) = window.opens {
        parts.push(format!("opens {opens}"));
    }
    if let Some(closes) = window.closes {
        parts.push(format!("closes {closes}"));
    }
    if let Some(until) = window.confirmed_open_until {
        parts.push(format!("confirmed open until {until}"));
    }
    parts.join(", ")
}

/// The answer sets of a JSON-lines file; blank lines are skipped. An answer to a
/// question neither version asks is refused, as most likely a mistake.
fn given(old: &Programme, new: &Programme, file: &str, text: &str) -> Result<Vec<AnswerSet>, DiffError> {
    let problem = |line: usize, problem: String| DiffError::Answers { file: file.to_owned(), line, problem };
    let mut sets = Vec::new();
    for (number, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line).map_err(|e| problem(number, format!("malformed JSON: {e}")))?;
        let Value::Object(set) = value else {
            return Err(problem(number, "each line must be a JSON object of answers, question id → value".into()));
        };
        if let Some(id) = set.keys().find(|id| !asks(old, id) && !asks(new, id)) {
            return Err(problem(number, format!("unknown question `{id}`: neither version asks it")));
        }
        sets.push(set);
    }
    Ok(sets)
}

fn asks(programme: &Programme, id: &str) -> bool {
    id == COUNTRY || programme.question(id).is_some()
}

/// The questions of both versions, the old one's order first, each with the boundary
/// answers of either version; every combination of them (and no answer), or pairwise.
fn generated(old: &Programme, new: &Programme) -> (Plan, Vec<AnswerSet>) {
    let mut questions: Vec<(String, Vec<Value>)> = Vec::new();
    for programme in [old, new] {
        for (q, question) in programme.questions.iter().enumerate() {
            let values: Vec<Value> = space::values(programme, q).iter().map(|a| json(question, a)).collect();
            match questions.iter_mut().find(|(id, _)| *id == question.id) {
                Some((_, known)) => {
                    for value in values {
                        if !known.contains(&value) {
                            known.push(value);
                        }
                    }
                }
                None => questions.push((question.id.clone(), values)),
            }
        }
    }
    let radices: Vec<usize> = questions.iter().map(|(_, values)| values.len() + 1).collect();
    let (plan, rows) = space::plan(&radices, MAX_SETS);
    let sets = rows
        .iter()
        .map(|row| {
            questions
                .iter()
                .zip(row)
                // Digit 0 is "no answer".
                .filter_map(|((id, values), &digit)| Some((id.clone(), values.get(digit.checked_sub(1)?)?.clone())))
                .collect()
        })
        .collect();
    (plan, sets)
}

/// An answer as `eval` reads it: money as a decimal string, so that it stays exact.
fn json(question: &Question, answer: &Answer) -> Value {
    match (answer, &question.kind) {
        (Answer::YesNo(yes), _) => Value::Bool(*yes),
        (Answer::Choice(option), QuestionKind::Choice(choices)) => {
            choices.get(*option).map_or(Value::Null, |c| Value::String(c.id.clone()))
        }
        (Answer::Integer(n), _) => Value::from(*n),
        (Answer::Money(m), _) => Value::String(canonical(*m)),
        (Answer::Choice(_), _) => Value::Null,
    }
}

/// What a version makes of `set`, given only the answers to the questions it asks.
fn outcome(form: &Form<'_>, programme: &Programme, set: &AnswerSet) -> Outcome {
    let inputs = set.iter().filter(|(id, _)| asks(programme, id)).map(|(id, v)| (id.as_str(), AnswerInput::from(v)));
    let answers = match form.answers(inputs) {
        Ok(answers) => answers,
        Err(error) => return Outcome::Refused { error: error.to_string() },
    };
    let outcomes = form.evaluate(&answers);
    // The verdict, benefit and next question alone: a whole report would also look for
    // what would change the verdict, for each of thousands of answer sets.
    let Some(outcome) = outcomes.first() else {
        return Outcome::Refused { error: "no programme".into() };
    };
    let benefit = match outcome.benefit().and_then(|b| benefit(programme, b, Lang::En)) {
        None => "none".to_owned(),
        Some(BenefitReport::Money { currency, min, max, .. }) => match max {
            Some(max) if max == min => format!("{min} {currency}"),
            Some(max) => format!("{min}..{max} {currency}"),
            None => format!("{min}.. {currency}"),
        },
        Some(BenefitReport::Place { starts, .. }) => format!("a place from {}", starts.join(" or ")),
    };
    Outcome::Evaluated {
        status: outcome.status().as_str().to_owned(),
        benefit,
        next_question: outcome.next_question().unwrap_or("none").to_owned(),
    }
}

fn changed(before: &Outcome, after: &Outcome) -> Vec<&'static str> {
    match (before, after) {
        (
            Outcome::Evaluated { status: s1, benefit: b1, next_question: n1 },
            Outcome::Evaluated { status: s2, benefit: b2, next_question: n2 },
        ) => [(s1 != s2, "status"), (b1 != b2, "benefit"), (n1 != n2, "next_question")]
            .into_iter()
            .filter_map(|(differs, what)| differs.then_some(what))
            .collect(),
        (Outcome::Refused { .. }, Outcome::Refused { .. }) => Vec::new(),
        _ => vec!["accepted"],
    }
}

impl Diff {
    /// The report for a terminal: the first `SHOWN` changes.
    pub fn text(&self) -> String {
        let mut out = format!("{}: version {} → {}\n", self.programme, self.old.version, self.new.version);
        if self.old.hash == self.new.hash {
            out.push_str("the two pack files are identical\n");
        }
        if self.old.window != self.new.window {
            out.push_str(&format!("window: {} → {}\n", self.old.window, self.new.window));
        }
        out.push_str(&match &self.sets {
            Sets::Given { file } => format!("answer sets: {} from {file}\n", self.compared),
            Sets::Generated(plan) => format!("answer sets: {}\n", plan.describe()),
        });
        if self.changes.is_empty() {
            out.push_str("no answer set gets another verdict, benefit or next question\n");
        } else {
            let count = |what: &str| self.changes.iter().filter(|c| c.changed.contains(&what)).count();
            let kinds: Vec<String> = [
                ("status", "status"),
                ("benefit", "benefit"),
                ("next_question", "next question"),
                ("accepted", "accepted by one version only"),
            ]
            .iter()
            .filter_map(|(key, words)| match count(key) {
                0 => None,
                n => Some(format!("{words} {n}")),
            })
            .collect();
            out.push_str(&format!(
                "{} of {} answer sets change ({})\n",
                self.changes.len(),
                self.compared,
                kinds.join(", ")
            ));
            // Many sets change alike: each distinct change once, with how many sets and
            // the one with the fewest answers (the changes are sorted so).
            let mut groups: Vec<(&Change, usize)> = Vec::new();
            for change in &self.changes {
                match groups.iter_mut().find(|(g, _)| g.before == change.before && g.after == change.after) {
                    Some((_, count)) => *count += 1,
                    None => groups.push((change, 1)),
                }
            }
            out.push_str(&format!(
                "{} distinct changes, each with the answer set that shows it with the fewest answers:\n",
                groups.len()
            ));
            for (change, count) in groups.iter().take(SHOWN) {
                let answers = serde_json::to_string(&change.answers).unwrap_or_default();
                let sets = if *count == 1 { "1 set:".to_owned() } else { format!("{count} sets, such as") };
                out.push_str(&format!("\n{sets} {answers}\n  before: {}\n  after:  {}\n", change.before, change.after));
            }
            if groups.len() > SHOWN {
                out.push_str(&format!(
                    "\n… and {} more distinct changes (--json lists every set)\n",
                    groups.len() - SHOWN
                ));
            }
        }
        for check in &self.scenario_files {
            out.push('\n');
            if check.broken.is_empty() {
                out.push_str(&format!("{}: no scenario broken", check.file));
            } else {
                out.push_str(&format!(
                    "{}: {} of {} scenarios pass with the old version and fail with the new",
                    check.file,
                    check.broken.len(),
                    check.scenarios
                ));
            }
            if !check.fixed.is_empty() {
                out.push_str(&format!("; {} now pass", check.fixed.len()));
            }
            if !check.failing.is_empty() {
                out.push_str(&format!("; {} fail with both", check.failing.len()));
            }
            out.push('\n');
            for broken in &check.broken {
                out.push_str(&format!("  BROKEN {}\n", broken.name));
                for failure in &broken.failures {
                    out.push_str(&format!("    {failure}\n"));
                }
            }
        }
        out
    }

    /// The report as `--json` prints it.
    pub fn report(&self) -> DiffReport<'_> {
        let (how, file) = match &self.sets {
            Sets::Given { file } => ("given", Some(file.as_str())),
            Sets::Generated(plan) if plan.is_exhaustive() => ("every", None),
            Sets::Generated(_) => ("pairwise", None),
        };
        DiffReport {
            programme: &self.programme,
            old: &self.old,
            new: &self.new,
            answer_sets: SetsReport { how, file, count: self.compared },
            changed: self.changes.len(),
            changes: &self.changes,
            scenario_files: &self.scenario_files,
        }
    }
}

/// `eligibility diff --json`.
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport<'a> {
    pub programme: &'a str,
    pub old: &'a Version,
    pub new: &'a Version,
    pub answer_sets: SetsReport<'a>,
    pub changed: usize,
    pub changes: &'a [Change],
    pub scenario_files: &'a [ScenarioCheck],
}

#[derive(Debug, Clone, Serialize)]
pub struct SetsReport<'a> {
    /// `given`, `every` combination, or `pairwise`.
    pub how: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a str>,
    pub count: usize,
}
