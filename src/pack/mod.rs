//! A programme as the engine knows it: compiled from a rule pack file, validated, and
//! unable to express an invalid pack (every question reference is an index that
//! exists, every text has both languages, every amount has a currency).

mod compile;
mod condition;
mod date;
mod error;
mod file;
mod tiers;

use rust_decimal::Decimal;

use crate::i18n::Text;

pub use compile::compile;
pub use condition::{Comparison, Condition};
pub use date::Date;
pub use error::{PackError, PackErrors};

/// The position of a question in its programme's declared order.
pub type QuestionIndex = usize;

#[derive(Debug, Clone, PartialEq)]
pub struct Programme {
    pub id: String,
    pub version: String,
    /// SHA-256 of the pack file, in hex: cites exactly which rules gave a verdict.
    pub hash: String,
    /// The day the rules were last compared with the sources.
    pub checked: Date,
    pub name: Text,
    pub summary: Text,
    pub operator: String,
    pub apply_url: String,
    pub window: Window,
    pub questions: Vec<Question>,
    pub criteria: Vec<Criterion>,
    pub amount: Amount,
    pub sources: Vec<Source>,
    pub readings: Vec<Reading>,
}

impl Programme {
    pub fn question(&self, id: &str) -> Option<(QuestionIndex, &Question)> {
        self.questions.iter().enumerate().find(|(_, q)| q.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub opens: Option<Date>,
    pub closes: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
    pub kind: QuestionKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    YesNo,
    Choice(Vec<Choice>),
    Integer { min: Option<i64>, max: Option<i64> },
    Money { currency: String, min: Option<Decimal>, max: Option<Decimal> },
}

impl QuestionKind {
    /// The word for this kind in rule files, the CLI and the JS API.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::YesNo => "yes_no",
            QuestionKind::Choice(_) => "choice",
            QuestionKind::Integer { .. } => "integer",
            QuestionKind::Money { .. } => "money",
        }
    }

    /// The kind with its article, for messages: "a yes/no", "an integer".
    pub fn described(&self) -> &'static str {
        match self {
            QuestionKind::YesNo => "a yes/no",
            QuestionKind::Choice(_) => "a choice",
            QuestionKind::Integer { .. } => "an integer",
            QuestionKind::Money { .. } => "a money",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: Text,
}

/// A required condition of the programme: every criterion must be met.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub condition: Condition,
    pub met: Text,
    pub not_met: Text,
    pub unknown: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub currency: String,
    pub rule: AmountRule,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AmountRule {
    Fixed(Decimal),
    /// Exactly one tier applies to any complete set of answers (checked when loading).
    Tiered(Vec<Tier>),
    /// The operator decides within these bounds; the engine can only give the range.
    Range { min: Decimal, max: Decimal },
    /// `base + per_unit × units`, the units capped at `cap` when there is one.
    PerUnit { base: Decimal, per_unit: Decimal, units: QuestionIndex, cap: Option<i64> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tier {
    pub condition: Condition,
    pub value: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub title: String,
    pub publisher: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: some sources are only known to the month.
    pub date: String,
    pub url: Option<String>,
}

/// How the pack reads a point where the sources are ambiguous, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub about: String,
    pub text: Text,
}
