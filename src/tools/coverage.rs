//! Coverage: which cases of a programme's rules the scenarios reach, and which they
//! never do. A case is a criterion's outcome (met, not met, unknown), a branch of the
//! benefit (a tier, a part of a sum applying or not, its cap reached or not, a start
//! of a place), a state of the window, or a question asked next or answered.
//!
//! Some cases no answers can reach (a criterion that always holds cannot be "not
//! met"): every answer set that can matter (`space`) is tried to find them, and they
//! are not counted. Past `MAX_SETS` only a pairwise set is tried, and a case it does
//! not reach counts as reachable: the percentage is then never flattering.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::describe::written;
use super::space::{self, Plan};
use crate::answer::Answers;
use crate::engine::{self, residual, window_state, CriterionStatus, Status, Verdict, WindowState};
use crate::form::Form;
use crate::money::canonical;
use crate::pack::{AmountRule, Benefit, Cap, Part, Programme, QuestionIndex};
use crate::scenario::{self, ScenarioFileError};

/// Beyond this many answer sets, the reachable cases are looked for pairwise only.
pub const MAX_SETS: usize = 50_000;

/// What scenarios can reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aspect {
    Criteria,
    Benefit,
    Window,
    Questions,
}

impl Aspect {
    pub fn as_str(self) -> &'static str {
        match self {
            Aspect::Criteria => "criteria",
            Aspect::Benefit => "benefit",
            Aspect::Window => "window",
            Aspect::Questions => "questions",
        }
    }
}

/// How a case is recognised in an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Test {
    Criterion(usize, CriterionStatus),
    /// A fixed amount or a range: the benefit is given at all.
    Given,
    Tier(usize),
    Part {
        part: usize,
        applies: bool,
    },
    Cap {
        part: usize,
        reached: bool,
    },
    Start(usize),
    Window(WindowState),
    Asked(QuestionIndex),
    Answered(QuestionIndex),
}

/// One case and the scenarios that reach it.
#[derive(Debug, Clone)]
pub struct Case {
    pub aspect: Aspect,
    /// The criterion's or question's id, `tier 2`, `part 1`, `start 1`, `amount`, `window`.
    pub subject: String,
    /// `met`, `not_met`, `unknown`, `given`, `applies`, `does_not_apply`, `cap_reached`,
    /// `cap_not_reached`, a window state, `asked_next` or `answered`.
    pub case: &'static str,
    /// The condition and value of a branch, the days of a window state; may be empty.
    pub detail: String,
    /// Whether some answers reach it; `None` when not every answer set was tried and
    /// none of those tried did.
    pub reachable: Option<bool>,
    /// `file: scenario name` of each scenario that reaches it.
    pub reached_by: Vec<String>,
    test: Test,
}

impl Case {
    pub fn is_reached(&self) -> bool {
        !self.reached_by.is_empty()
    }

    /// Counted in the percentage: reachable, or not known not to be.
    pub fn is_target(&self) -> bool {
        self.reachable != Some(false)
    }
}

/// What the scenarios of some files reach of one programme.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub programme: String,
    pub version: String,
    /// The files with scenarios about the programme, in the order given.
    pub files: Vec<String>,
    /// The scenarios evaluated: those about the programme whose answers are accepted.
    pub scenarios: usize,
    /// How the answer sets that find the reachable cases were chosen.
    pub plan: Plan,
    pub cases: Vec<Case>,
}

/// A scenario file that cannot be read as such.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoverageError {
    Scenario { file: String, error: ScenarioFileError },
    UnknownProgramme { file: String, id: String },
}

impl fmt::Display for CoverageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoverageError::Scenario { file, error } => write!(f, "{file}: {error}"),
            CoverageError::UnknownProgramme { file, id } => write!(f, "{file}: unknown programme `{id}`"),
        }
    }
}

impl std::error::Error for CoverageError {}

/// What an evaluation shows, for recognising cases in it.
struct Seen<'a, 'p> {
    verdict: &'a Verdict<'p>,
    status: Status,
    next: Option<QuestionIndex>,
    answers: &'a Answers,
    window: Option<WindowState>,
}

/// The coverage of `programme` by the scenarios of `files` (name, contents). Files about
/// other programmes only are skipped; a form's other programmes are found with `find`.
pub fn coverage<'p>(
    programme: &'p Programme,
    files: &[(String, String)],
    find: impl Fn(&str) -> Option<&'p Programme>,
) -> Result<Coverage, CoverageError> {
    let mut cases = cases(programme);
    let plan = mark_reachable(programme, &mut cases);
    let mut used = Vec::new();
    let mut scenarios = 0;
    for (file, source) in files {
        let read = scenario::cases(source)
            .map_err(|error| CoverageError::Scenario { file: file.clone(), error: error.clone() })?;
        let Some(index) = read.programmes.iter().position(|id| *id == programme.id) else { continue };
        let programmes = read
            .programmes
            .iter()
            .map(|id| match id == &programme.id {
                true => Ok(programme),
                false => find(id).ok_or_else(|| CoverageError::UnknownProgramme { file: file.clone(), id: id.clone() }),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let form = Form::new(programmes);
        used.push(file.clone());
        for case in read.cases.iter().filter(|c| !c.refused) {
            let inputs = case.answers.iter().map(|(q, v)| (q.as_str(), v.clone()));
            // Refused answers reach nothing; `eligibility test` reports the scenario.
            let Ok(answers) = form.answers(inputs) else { continue };
            let outcomes = form.evaluate(&answers);
            let Some(outcome) = outcomes.get(index) else { continue };
            let mut own = Answers::none(programme);
            for (q, question) in programme.questions.iter().enumerate() {
                own.set(q, form.position(&question.id).and_then(|slot| answers.get(slot)).cloned());
            }
            let seen = Seen {
                verdict: &outcome.verdict,
                status: outcome.status(),
                next: outcome.next_question().and_then(|id| programme.question(id)).map(|(q, _)| q),
                answers: &own,
                window: case.today.map(|day| window_state(&programme.window, day)),
            };
            for item in cases.iter_mut().filter(|item| holds(programme, item.test, &seen)) {
                item.reached_by.push(format!("{file}: {}", case.name));
                // What scenarios reach is reachable, whatever the search found.
                item.reachable = Some(true);
            }
            scenarios += 1;
        }
    }
    Ok(Coverage {
        programme: programme.id.clone(),
        version: programme.version.clone(),
        files: used,
        scenarios,
        plan,
        cases,
    })
}

/// Tries the answer sets that stand for all others and marks the cases they reach.
fn mark_reachable(programme: &Programme, cases: &mut [Case]) -> Plan {
    let domains = space::domains(programme);
    let radices: Vec<usize> = domains.iter().map(Vec::len).collect();
    let (plan, rows) = space::plan(&radices, MAX_SETS);
    for row in rows {
        let answers = space::answers(programme, &domains, &row);
        let verdict = engine::evaluate(programme, &answers);
        let seen = Seen {
            verdict: &verdict,
            status: verdict.status,
            next: verdict.next_question,
            answers: &answers,
            window: None,
        };
        for case in cases.iter_mut().filter(|c| c.reachable.is_none() && holds(programme, c.test, &seen)) {
            case.reachable = Some(true);
        }
    }
    for case in cases.iter_mut() {
        // The window does not depend on answers: `cases` lists only its possible states.
        if case.aspect == Aspect::Window {
            case.reachable = Some(true);
        } else if plan.is_exhaustive() && case.reachable.is_none() {
            case.reachable = Some(false);
        }
    }
    plan
}

fn holds(programme: &Programme, test: Test, seen: &Seen<'_, '_>) -> bool {
    // A benefit's branch counts only where the benefit is given, not for a visitor
    // who is out.
    let given = seen.status != Status::NotEligible;
    let known = |condition: Option<&crate::pack::Condition>, value: bool| match condition {
        None => value,
        Some(condition) => residual(condition, seen.answers).is(value),
    };
    match test {
        Test::Criterion(c, status) => seen.verdict.criteria.get(c).is_some_and(|o| o.status == status),
        Test::Given => given,
        Test::Tier(t) => given && tiers(programme).get(t).is_some_and(|tier| known(Some(&tier.condition), true)),
        Test::Part { part, applies } => {
            given && parts(programme).get(part).is_some_and(|p| known(p.condition.as_ref(), applies))
        }
        Test::Cap { part, reached } => {
            let Some(p) = parts(programme).get(part) else { return false };
            let Some(per_unit) = &p.per_unit else { return false };
            let units = match seen.answers.get(per_unit.units) {
                Some(crate::answer::Answer::Integer(n)) => *n,
                _ => return false,
            };
            let capped = match per_unit.cap {
                Some(Cap::Units(cap)) => units >= cap,
                // An amount too large to compute is past any cap.
                Some(Cap::Money(cap)) => per_unit.value.checked_mul(Decimal::from(units)).is_none_or(|a| a >= cap),
                None => return false,
            };
            given && known(p.condition.as_ref(), true) && capped == reached
        }
        Test::Start(s) => {
            given
                && match &programme.benefit {
                    Benefit::Place(place) => {
                        place.starts.get(s).is_some_and(|start| known(start.condition.as_ref(), true))
                    }
                    Benefit::Money(_) => false,
                }
        }
        Test::Window(state) => seen.window == Some(state),
        Test::Asked(q) => seen.next == Some(q),
        Test::Answered(q) => seen.answers.is_answered(q),
    }
}

fn tiers(programme: &Programme) -> &[crate::pack::Tier] {
    match &programme.benefit {
        Benefit::Money(amount) => match &amount.rule {
            AmountRule::Tiered(tiers) => tiers,
            _ => &[],
        },
        Benefit::Place(_) => &[],
    }
}

fn parts(programme: &Programme) -> &[Part] {
    match &programme.benefit {
        Benefit::Money(amount) => match &amount.rule {
            AmountRule::Sum(parts) => parts,
            _ => &[],
        },
        Benefit::Place(_) => &[],
    }
}

/// Every case of a programme, in the order of the pack.
fn cases(programme: &Programme) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut add = |aspect, subject: String, case, detail: String, test| {
        cases.push(Case { aspect, subject, case, detail, reachable: None, reached_by: Vec::new(), test });
    };
    let questions = &programme.questions;
    for (c, criterion) in programme.criteria.iter().enumerate() {
        for status in [CriterionStatus::Met, CriterionStatus::NotMet, CriterionStatus::Unknown] {
            add(Aspect::Criteria, criterion.id.clone(), status.as_str(), String::new(), Test::Criterion(c, status));
        }
    }
    match &programme.benefit {
        Benefit::Money(amount) => {
            let money = |value: Decimal| format!("{} {}", canonical(value), amount.currency);
            match &amount.rule {
                AmountRule::Fixed(value) => {
                    add(Aspect::Benefit, "amount".into(), "given", format!("fixed: {}", money(*value)), Test::Given)
                }
                AmountRule::Range { min, max } => {
                    let detail = format!("{}..{}, decided by the operator", canonical(*min), money(*max));
                    add(Aspect::Benefit, "amount".into(), "given", detail, Test::Given);
                }
                AmountRule::Tiered(tiers) => {
                    for (t, tier) in tiers.iter().enumerate() {
                        let detail = format!("{} → {}", written(&tier.condition, questions), money(tier.value));
                        add(Aspect::Benefit, format!("tier {}", t + 1), "applies", detail, Test::Tier(t));
                    }
                }
                AmountRule::Sum(parts) => {
                    for (i, part) in parts.iter().enumerate() {
                        let subject = format!("part {}", i + 1);
                        let mut detail = match &part.per_unit {
                            Some(per_unit) => {
                                let units = questions.get(per_unit.units).map_or("?", |q| q.id.as_str());
                                match part.value.is_zero() {
                                    true => format!("{} × {units}", money(per_unit.value)),
                                    false => format!("{} + {} × {units}", money(part.value), money(per_unit.value)),
                                }
                            }
                            None => money(part.value),
                        };
                        if let Some(condition) = &part.condition {
                            detail = format!("if {}: {detail}", written(condition, questions));
                            for (case, applies) in [("applies", true), ("does_not_apply", false)] {
                                add(
                                    Aspect::Benefit,
                                    subject.clone(),
                                    case,
                                    detail.clone(),
                                    Test::Part { part: i, applies },
                                );
                            }
                        }
                        let cap = part.per_unit.as_ref().and_then(|u| u.cap).map(|cap| match cap {
                            Cap::Units(n) => format!("{n} units at most"),
                            Cap::Money(m) => format!("{} at most", money(m)),
                        });
                        if let Some(cap) = cap {
                            for (case, reached) in [("cap_reached", true), ("cap_not_reached", false)] {
                                add(
                                    Aspect::Benefit,
                                    subject.clone(),
                                    case,
                                    cap.clone(),
                                    Test::Cap { part: i, reached },
                                );
                            }
                        }
                    }
                }
            }
        }
        Benefit::Place(place) => {
            for (s, start) in place.starts.iter().enumerate() {
                let when = match &start.condition {
                    Some(condition) => format!("{} → {}", written(condition, questions), start.when.en),
                    None => start.when.en.clone(),
                };
                add(Aspect::Benefit, format!("start {}", s + 1), "applies", when, Test::Start(s));
            }
        }
    }
    let window = &programme.window;
    let last_vouched = window.closes.or(window.confirmed_open_until);
    let states = [
        (WindowState::Upcoming, window.opens.map(|d| format!("before {d}"))),
        (WindowState::Open, Some(days(window.opens, last_vouched))),
        (WindowState::Closed, window.closes.map(|d| format!("after {d}"))),
        (
            WindowState::Unconfirmed,
            window.confirmed_open_until.filter(|_| window.closes.is_none()).map(|d| format!("after {d}")),
        ),
    ];
    for (state, detail) in states {
        if let Some(detail) = detail {
            add(Aspect::Window, "window".into(), state.as_str(), detail, Test::Window(state));
        }
    }
    for (q, question) in questions.iter().enumerate() {
        add(Aspect::Questions, question.id.clone(), "asked_next", String::new(), Test::Asked(q));
        add(Aspect::Questions, question.id.clone(), "answered", String::new(), Test::Answered(q));
    }
    cases
}

fn days(from: Option<crate::pack::Date>, to: Option<crate::pack::Date>) -> String {
    match (from, to) {
        (Some(from), Some(to)) => format!("{from} to {to}"),
        (Some(from), None) => format!("from {from}"),
        (None, Some(to)) => format!("until {to}"),
        (None, None) => "always".to_owned(),
    }
}

impl Coverage {
    pub fn reached(&self) -> usize {
        self.cases.iter().filter(|c| c.is_reached()).count()
    }

    pub fn targets(&self) -> usize {
        self.cases.iter().filter(|c| c.is_target()).count()
    }

    /// The share of targets reached, in percent, cut (not rounded) to one decimal so
    /// that it never says 100 before every case is reached.
    pub fn percent(&self) -> Decimal {
        let targets = Decimal::from(self.targets());
        if targets.is_zero() {
            return Decimal::ONE_HUNDRED;
        }
        // Checked, though counts of cases are far from a decimal's limits.
        let share =
            Decimal::from(self.reached()).checked_mul(Decimal::ONE_HUNDRED).and_then(|n| n.checked_div(targets));
        share.unwrap_or(Decimal::ZERO).round_dp_with_strategy(1, RoundingStrategy::ToZero)
    }

    /// Whether at least `min` percent of the targets are reached, compared exactly.
    pub fn meets(&self, min: Decimal) -> bool {
        let reached = Decimal::from(self.reached()).checked_mul(Decimal::ONE_HUNDRED);
        let needed = min.checked_mul(Decimal::from(self.targets()));
        matches!((reached, needed), (Some(reached), Some(needed)) if reached >= needed)
    }

    /// The report for a terminal.
    pub fn text(&self) -> String {
        let mut out = format!(
            "{} version {}: {} of {} reachable cases reached ({}%)\n",
            self.programme,
            self.version,
            self.reached(),
            self.targets(),
            self.percent()
        );
        match self.files.as_slice() {
            [] => out.push_str("no scenario file given is about this programme\n"),
            files => {
                let scenarios = if self.scenarios == 1 { "scenario" } else { "scenarios" };
                out.push_str(&format!("{} {scenarios} from {}\n", self.scenarios, files.join(", ")));
            }
        }
        let unreachable = self.cases.iter().filter(|c| c.reachable == Some(false)).count();
        out.push_str(&format!("reachable cases found by trying {}", self.plan.describe()));
        out.push_str(&match unreachable {
            0 => "\n".to_owned(),
            n => format!("; {n} cases no answers reach are not counted\n"),
        });
        let mut aspect = None;
        for case in &self.cases {
            if aspect != Some(case.aspect) {
                aspect = Some(case.aspect);
                out.push_str(&format!("\n{}\n", case.aspect.as_str()));
            }
            let marker = match (case.is_reached(), case.reachable) {
                (true, _) => "ok",
                (false, Some(false)) => "n/a",
                (false, _) => "MISSING",
            };
            out.push_str(&format!("  {marker:<8} {} {}", case.subject, case.case.replace('_', " ")));
            match case.reached_by.len() {
                0 if case.reachable == Some(false) => out.push_str(" (no answers reach it)"),
                0 => {}
                1 => out.push_str(" (1 scenario)"),
                n => out.push_str(&format!(" ({n} scenarios)")),
            }
            if !case.detail.is_empty() {
                out.push_str(&format!(": {}", case.detail));
            }
            out.push('\n');
        }
        let missing: Vec<String> = self
            .cases
            .iter()
            .filter(|c| !c.is_reached() && c.is_target())
            .map(|c| format!("{} {}", c.subject, c.case.replace('_', " ")))
            .collect();
        if !missing.is_empty() {
            out.push_str(&format!("\nnever reached ({}): {}\n", missing.len(), missing.join("; ")));
        }
        out
    }

    /// The report as `--json` prints it.
    pub fn report(&self) -> CoverageReport {
        CoverageReport {
            programme: self.programme.clone(),
            version: self.version.clone(),
            files: self.files.clone(),
            scenarios: self.scenarios,
            answer_sets: AnswerSetsReport {
                how: if self.plan.is_exhaustive() { "every" } else { "pairwise" },
                count: self.plan.sets(),
            },
            reached: self.reached(),
            reachable: self.targets(),
            percent: self.percent().to_string(),
            cases: self
                .cases
                .iter()
                .map(|c| CaseReport {
                    aspect: c.aspect.as_str(),
                    subject: c.subject.clone(),
                    case: c.case,
                    detail: c.detail.clone(),
                    reachable: c.reachable,
                    scenarios: c.reached_by.len(),
                    first: c.reached_by.first().cloned(),
                })
                .collect(),
        }
    }
}

/// `eligibility coverage --json`.
#[derive(Debug, Clone, Serialize)]
pub struct CoverageReport {
    pub programme: String,
    pub version: String,
    pub files: Vec<String>,
    pub scenarios: usize,
    pub answer_sets: AnswerSetsReport,
    pub reached: usize,
    /// The cases counted: reachable, or not known not to be.
    pub reachable: usize,
    /// A decimal string, like amounts.
    pub percent: String,
    pub cases: Vec<CaseReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerSetsReport {
    /// `every` combination, or `pairwise`.
    pub how: &'static str,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseReport {
    pub aspect: &'static str,
    pub subject: String,
    pub case: &'static str,
    pub detail: String,
    /// `null` when not every answer set was tried and none of those tried reach it.
    pub reachable: Option<bool>,
    pub scenarios: usize,
    /// The first scenario that reaches it, `file: name`.
    pub first: Option<String>,
}
