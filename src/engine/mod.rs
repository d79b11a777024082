//! Evaluation: answers in, verdict out. Pure: no IO, no DOM, no allocation of
//! anything that outlives the call, and no way for a compiled pack to make it panic.

mod amount;
mod logic;

use std::collections::BTreeSet;

pub use amount::AmountRange;
pub use logic::{residual, Residual};

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
    /// What the amount can still be: `None` when not eligible.
    pub amount: Option<AmountRange>,
    /// The first question, in the pack's order, whose answer can still change the
    /// status or the amount; `None` when nothing can.
    pub next_question: Option<QuestionIndex>,
    /// Every unanswered question that can still change the status or the amount.
    pub open_questions: BTreeSet<QuestionIndex>,
    pub criteria: Vec<CriterionOutcome<'p>>,
}

pub fn evaluate<'p>(programme: &'p Programme, answers: &Answers) -> Verdict<'p> {
    let mut open_questions = BTreeSet::new();
    let criteria: Vec<CriterionOutcome<'p>> = programme
        .criteria
        .iter()
        .map(|criterion| {
            let status = match residual(&criterion.condition, answers) {
                Residual::Known(true) => CriterionStatus::Met,
                Residual::Known(false) => CriterionStatus::NotMet,
                Residual::Open(questions) => {
                    open_questions.extend(questions);
                    CriterionStatus::Unknown
                }
            };
            CriterionOutcome { criterion, status }
        })
        .collect();

    let status = if criteria.iter().any(|c| c.status == CriterionStatus::NotMet) {
        Status::NotEligible
    } else if criteria.iter().all(|c| c.status == CriterionStatus::Met) {
        Status::Eligible
    } else {
        Status::Undetermined
    };

    let amount = if status == Status::NotEligible {
        open_questions.clear();
        None
    } else {
        let outlook = amount::outlook(programme, answers);
        open_questions.extend(outlook.deciding);
        outlook.range
    };

    Verdict {
        programme,
        status,
        amount,
        next_question: open_questions.first().copied(),
        open_questions,
        criteria,
    }
}
