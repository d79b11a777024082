//! Evaluation: answers in, verdict out. Pure: no IO, no DOM, no clock (the day comes
//! in as an argument), and no way for a compiled pack to make it panic.

mod analysis;
mod benefit;
mod changes;
pub mod domain;
mod logic;
mod proof;
mod window;

use crate::sort::Set;

pub use benefit::BenefitOutlook;
pub use changes::{changes, counted, Alternative, Change, Edge};
pub use domain::Domains;
use logic::truth;
pub use logic::{residual, Residual};
pub use proof::exactly_one;
pub use window::{state as window_state, WindowState};

use crate::answer::Answers;
use crate::i18n::Lang;
use crate::pack::{Criterion, Programme, QuestionIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Eligible,
    NotEligible,
    Undetermined,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::NotEligible => "not_eligible",
            Status::Undetermined => "undetermined",
        }
    }

    /// Eligible and not eligible are final: no further answer can change them.
    pub fn is_final(self) -> bool {
        self != Status::Undetermined
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriterionStatus {
    Met,
    NotMet,
    Unknown,
}

impl CriterionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CriterionStatus::Met => "met",
            CriterionStatus::NotMet => "not_met",
            CriterionStatus::Unknown => "unknown",
        }
    }
}

/// One criterion's outcome, with the words that explain it.
#[derive(Debug, Clone)]
pub struct CriterionOutcome<'p> {
    pub criterion: &'p Criterion,
    pub status: CriterionStatus,
}

impl CriterionOutcome<'_> {
    pub fn explanation(&self, lang: Lang) -> &str {
        let text = match self.status {
            CriterionStatus::Met => &self.criterion.met,
            CriterionStatus::NotMet => &self.criterion.not_met,
            CriterionStatus::Unknown => &self.criterion.unknown,
        };
        text.get(lang)
    }
}

#[derive(Debug, Clone)]
pub struct Verdict<'p> {
    pub programme: &'p Programme,
    pub status: Status,
    /// What the benefit can still be: `None` when not eligible.
    pub benefit: Option<BenefitOutlook>,
    /// The first question, in the pack's order, whose answer can still change the
    /// status or the benefit; `None` when nothing can.
    pub next_question: Option<QuestionIndex>,
    /// Every unanswered question whose answer can still change the status or the benefit.
    pub open_questions: Set<QuestionIndex>,
    pub criteria: Vec<CriterionOutcome<'p>>,
}

pub fn evaluate<'p>(programme: &'p Programme, answers: &Answers) -> Verdict<'p> {
    evaluate_with(programme, None, answers)
}

/// `evaluate` with the programme's representative answers made beforehand (a form
/// keeps them), rather than on each call.
// Never inlined: its callers (a form, the changes) would each carry a copy of the whole
// analysis into the WebAssembly, kilobytes every visitor pays.
#[inline(never)]
pub fn evaluate_with<'p>(programme: &'p Programme, domains: Option<&Domains>, answers: &Answers) -> Verdict<'p> {
    let outcome = match analysis::analyse(programme, answers, domains) {
        Some(exact) => exact,
        None => three_valued(programme, answers),
    };
    verdict(programme, outcome)
}

/// What finding a programme's status works in, kept between evaluations (a session
/// keeps one per programme): the answers, a copy to try others on, and the analysis'
/// lists, so that once they have grown nothing is allocated.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The answers whose status `status` finds.
    pub answers: Answers,
    work: Answers,
    buffers: analysis::Buffers,
}

impl Workspace {
    pub fn new(programme: &Programme) -> Workspace {
        let answers = Answers::none(programme);
        Workspace { work: answers.clone(), answers, buffers: analysis::Buffers::default() }
    }
}

/// The status `evaluate_with` gives for the answers in `workspace`, without the rest
/// of a verdict (the benefit, the questions that matter), which it does not gather.
pub fn status(programme: &Programme, domains: &Domains, workspace: &mut Workspace) -> Status {
    let Workspace { answers, work, buffers } = workspace;
    for q in 0..programme.questions.len() {
        work.set(q, answers.get(q).cloned());
    }
    match analysis::status(programme, answers, work, domains, buffers) {
        Some(status) => status,
        None => three_valued(programme, answers).1,
    }
}

fn verdict(programme: &Programme, (statuses, status, benefit, open_questions): Outcome) -> Verdict<'_> {
    let mut criteria = Vec::new();
    // The statuses borrowed, not consumed: no iterator over the list to drop (−100 B gzipped).
    for (criterion, status) in programme.criteria.iter().zip(&statuses) {
        criteria.push(CriterionOutcome { criterion, status: *status });
    }
    Verdict { programme, status, benefit, next_question: open_questions.first().copied(), open_questions, criteria }
}

type Outcome = (Vec<CriterionStatus>, Status, Option<BenefitOutlook>, Set<QuestionIndex>);

/// Kleene's logic on the answers alone: safe (a final status is right, the benefit's
/// range holds it), but it may count a question as open that cannot change anything.
/// Used where the exact analysis would try too many combinations.
fn three_valued(programme: &Programme, answers: &Answers) -> Outcome {
    let mut open = Vec::new();
    let mut statuses = Vec::new();
    for criterion in &programme.criteria {
        statuses.push(match truth(&criterion.condition, answers, &mut open) {
            Some(true) => CriterionStatus::Met,
            Some(false) => CriterionStatus::NotMet,
            None => CriterionStatus::Unknown,
        });
    }
    let status = if statuses.contains(&CriterionStatus::NotMet) {
        Status::NotEligible
    } else if statuses.iter().all(|s| *s == CriterionStatus::Met) {
        Status::Eligible
    } else {
        Status::Undetermined
    };
    if status == Status::NotEligible {
        return (statuses, status, None, Set::new());
    }
    let benefit = benefit::outlook(programme, answers, &mut open);
    // Inserted from the list borrowed, as `verdict` borrows (−40 B gzipped).
    let mut questions = Set::new();
    for q in &open {
        questions.insert(*q);
    }
    (statuses, status, benefit, questions)
}

/// The three-valued evaluation, for tests that compare it with the exact one.
#[doc(hidden)]
pub fn evaluate_three_valued<'p>(programme: &'p Programme, answers: &Answers) -> Verdict<'p> {
    verdict(programme, three_valued(programme, answers))
}
