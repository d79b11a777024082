//! A programme as the engine knows it: the model a rule pack compiles into. It cannot
//! express an invalid pack (every question reference is an index that exists, every
//! text has both languages, every amount a currency): `compile` makes sure of it, and
//! nothing after it checks a pack again. This module knows no file format.

mod condition;
mod date;

use rust_decimal::Decimal;

use crate::i18n::Text;

pub use condition::{mentioned_words, parse as parse_condition, Comparison, Condition, ConditionError};
pub use date::{is_partial_date, long_partial_date, Date};

/// The position of a question in its programme's declared order.
pub type QuestionIndex = usize;

/// The id of the question every form may ask first: the country the visitor works in.
/// No pack declares it; each says its `country` instead (see `form`).
pub const COUNTRY: &str = "country";

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
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
    pub country: Country,
    pub window: Window,
    pub questions: Vec<Question>,
    pub criteria: Vec<Criterion>,
    pub benefit: Benefit,
    pub sources: Vec<Source>,
    pub readings: Vec<Reading>,
}

impl Programme {
    pub fn question(&self, id: &str) -> Option<(QuestionIndex, &Question)> {
        self.questions.iter().enumerate().find(|(_, q)| q.id == id)
    }
}

/// The country whose workers a programme is for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Country {
    /// Lower-case ISO 3166-1 alpha-2: `fr`, `gb`. The option id of the `country` question.
    pub code: String,
    /// `France`, `Royaume-Uni`: the option's label.
    pub name: Text,
    /// `en France`, `au Royaume-Uni`: what follows "work" in a sentence.
    pub inside: Text,
}

/// When applications are taken.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Window {
    pub opens: Option<Date>,
    /// The last day applications were taken, when a source gives it.
    pub closes: Option<Date>,
    /// The hour on the closing day, as the sources give it: `18 h (heure du Royaume-Uni)`.
    pub closing_time: Option<Text>,
    /// Without a closing date: the last day the pack's authors vouch, from the sources,
    /// that applications were taken. Past it the programme is never shown as simply open.
    pub confirmed_open_until: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Question {
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
    pub kind: QuestionKind,
    /// Who the visitor is (a profession), not a count or an amount they could check:
    /// never offered as a change that would flip the verdict.
    pub fixed: bool,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub enum QuestionKind {
    YesNo,
    Choice(Vec<Choice>),
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    Money {
        currency: String,
        #[cfg_attr(feature = "bake", serde(serialize_with = "crate::bake::optional_decimal"))]
        min: Option<Decimal>,
        #[cfg_attr(feature = "bake", serde(serialize_with = "crate::bake::optional_decimal"))]
        max: Option<Decimal>,
    },
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
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Choice {
    pub id: String,
    pub label: Text,
}

/// A required condition of the programme: every criterion must be met.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Criterion {
    pub id: String,
    pub condition: Condition,
    pub met: Text,
    pub not_met: Text,
    pub unknown: Text,
    /// What to have ready for this criterion before applying, where a source says it.
    pub documents: Vec<Document>,
}

/// Something to have ready before applying, and the source that asks for it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Document {
    pub text: Text,
    /// An index into the programme's sources.
    pub source: usize,
}

/// What an eligible visitor would get: money, or a place (a mentoring place, a seat).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub enum Benefit {
    Money(Amount),
    Place(Place),
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Amount {
    pub currency: String,
    pub rule: AmountRule,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub enum AmountRule {
    Fixed(#[cfg_attr(feature = "bake", serde(serialize_with = "crate::bake::decimal"))] Decimal),
    /// Exactly one tier applies to any complete set of answers (proved when compiling).
    Tiered(Vec<Tier>),
    /// The operator decides within these bounds; the engine can only give the range.
    Range {
        #[cfg_attr(feature = "bake", serde(serialize_with = "crate::bake::decimal"))]
        min: Decimal,
        #[cfg_attr(feature = "bake", serde(serialize_with = "crate::bake::decimal"))]
        max: Decimal,
    },
    /// The sum of the parts that apply: situations that can combine, each a fixed sum
    /// and an amount per unit.
    Sum(Vec<Part>),
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Tier {
    pub condition: Condition,
    #[cfg_attr(feature = "bake", serde(serialize_with = "crate::bake::decimal"))]
    pub value: Decimal,
}

/// One situation of a summed amount: `value + per_unit × units` when its condition holds.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Part {
    /// `None`: the part always applies.
    pub condition: Option<Condition>,
    #[cfg_attr(feature = "bake", serde(serialize_with = "crate::bake::decimal"))]
    pub value: Decimal,
    pub per_unit: Option<PerUnit>,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct PerUnit {
    #[cfg_attr(feature = "bake", serde(serialize_with = "crate::bake::decimal"))]
    pub value: Decimal,
    /// A whole-number question with a `min` of 0 or more (checked when compiling).
    pub units: QuestionIndex,
    pub cap: Option<Cap>,
}

/// The most a per-unit amount counts: a number of units, or a sum of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub enum Cap {
    Units(i64),
    Money(#[cfg_attr(feature = "bake", serde(serialize_with = "crate::bake::decimal"))] Decimal),
}

/// A benefit that is not money: what it is, and when it starts.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Place {
    pub what: Text,
    /// Exactly one start applies to any complete set of answers (proved when compiling).
    pub starts: Vec<Start>,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Start {
    /// `None`: the only start, whatever the answers.
    pub condition: Option<Condition>,
    pub when: Text,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Source {
    /// Cited by documents; `None` when nothing cites it.
    pub id: Option<String>,
    pub title: String,
    pub publisher: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: some sources are only known to the month.
    pub date: String,
    pub url: Option<String>,
}

/// How the pack reads a point where the sources are ambiguous, and why.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Reading {
    pub about: String,
    pub text: Text,
}
