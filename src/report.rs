//! The wire shapes: what `eligibility eval` and `eligibility questions --json` print,
//! what the JavaScript API returns and what the widget's `eligibility-result` event
//! carries. Only this module knows them; the engine's own types are not serialisable.

use serde::Serialize;

use crate::engine::Verdict;
use crate::i18n::Lang;
use crate::money::canonical;
use crate::pack::{Programme, QuestionKind};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EvaluationReport {
    pub programme: String,
    pub status: &'static str,
    pub amount: Option<AmountReport>,
    pub next_question: Option<String>,
    pub criteria: Vec<CriterionReport>,
    pub pack: PackReport,
}

/// Amounts are decimal strings, so that no reader turns them into floats.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AmountReport {
    pub currency: String,
    pub min: String,
    pub max: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CriterionReport {
    pub id: String,
    pub status: &'static str,
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PackReport {
    pub version: String,
    pub hash: String,
}

impl EvaluationReport {
    pub fn new(verdict: &Verdict<'_>, lang: Lang) -> EvaluationReport {
        let programme = verdict.programme;
        EvaluationReport {
            programme: programme.id.clone(),
            status: verdict.status.as_str(),
            amount: verdict.amount.map(|range| AmountReport {
                currency: programme.amount.currency.clone(),
                min: canonical(range.min),
                max: canonical(range.max),
            }),
            next_question: verdict
                .next_question
                .and_then(|q| programme.questions.get(q))
                .map(|q| q.id.clone()),
            criteria: verdict
                .criteria
                .iter()
                .map(|outcome| CriterionReport {
                    id: outcome.criterion.id.clone(),
                    status: outcome.status.as_str(),
                    explanation: outcome.explanation(lang).to_owned(),
                })
                .collect(),
            pack: PackReport { version: programme.version.clone(), hash: programme.hash.clone() },
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuestionReport {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Bound>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Bound>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    pub label: String,
}

/// A whole-number bound is a JSON number; a money bound a decimal string.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(untagged)]
pub enum Bound {
    Integer(i64),
    Money(String),
}

pub fn questions(programme: &Programme, lang: Lang) -> Vec<QuestionReport> {
    programme
        .questions
        .iter()
        .map(|question| {
            let mut report = QuestionReport {
                id: question.id.clone(),
                kind: question.kind.name(),
                options: None,
                min: None,
                max: None,
                currency: None,
                label: question.label.get(lang).to_owned(),
            };
            match &question.kind {
                QuestionKind::YesNo => {}
                QuestionKind::Choice(choices) => {
                    report.options = Some(choices.iter().map(|c| c.id.clone()).collect());
                }
                QuestionKind::Integer { min, max } => {
                    report.min = min.map(Bound::Integer);
                    report.max = max.map(Bound::Integer);
                }
                QuestionKind::Money { currency, min, max } => {
                    report.min = min.map(|m| Bound::Money(canonical(m)));
                    report.max = max.map(|m| Bound::Money(canonical(m)));
                    report.currency = Some(currency.clone());
                }
            }
            report
        })
        .collect()
}

/// One line of `eligibility programmes --json` and of the JS `programmes()`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProgrammeReport {
    pub id: String,
    pub name: String,
    pub operator: String,
    pub apply_url: String,
    pub version: String,
    pub hash: String,
}

impl ProgrammeReport {
    pub fn new(programme: &Programme, lang: Lang) -> ProgrammeReport {
        ProgrammeReport {
            id: programme.id.clone(),
            name: programme.name.get(lang).to_owned(),
            operator: programme.operator.clone(),
            apply_url: programme.apply_url.clone(),
            version: programme.version.clone(),
            hash: programme.hash.clone(),
        }
    }
}
