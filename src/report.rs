//! The wire shapes: what `eligibility eval` and `eligibility questions --json` print,
//! what the JavaScript API returns and what the widget's `eligibility-result` event
//! carries. Only this module knows them; the engine's own types are not serialisable.

use serde::Serialize;

use crate::engine::{window_state, BenefitOutlook, CriterionStatus};
use crate::form::{CountryOutcome, Form, Outcome};
use crate::i18n::{ui, Lang};
use crate::money::canonical;
use crate::pack::{AmountRule, Benefit, Date, Programme, QuestionKind, COUNTRY};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EvaluationReport {
    pub programme: String,
    /// The rules' verdict on the answers, whatever the day.
    pub status: &'static str,
    /// The money benefit as before places existed: `null` when not eligible or when
    /// the benefit is not money.
    pub amount: Option<AmountReport>,
    /// The benefit in general: money or a place; `null` when not eligible.
    pub benefit: Option<BenefitReport>,
    pub next_question: Option<String>,
    /// When applications are taken, and whether they are on the day evaluated.
    pub window: WindowReport,
    pub criteria: Vec<CriterionReport>,
    pub pack: PackReport,
}

/// Amounts are decimal strings, so that no reader turns them into floats; `max` is
/// `null` when nothing bounds the amount yet.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AmountReport {
    pub currency: String,
    pub min: String,
    pub max: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BenefitReport {
    Money {
        currency: String,
        min: String,
        max: Option<String>,
        /// The operator decides within the range: the rules cannot narrow it.
        operator_decides: bool,
    },
    /// A place: what it is, and when it starts (several while the answers leave a choice).
    Place { what: String, starts: Vec<String> },
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WindowReport {
    pub opens: Option<String>,
    pub closes: Option<String>,
    /// `upcoming`, `open`, `closed` or `unconfirmed`.
    pub state: &'static str,
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
    /// The report of one programme of a form, in `lang`, with the window on `today`.
    pub fn new(outcome: &Outcome<'_>, lang: Lang, today: Date) -> EvaluationReport {
        let verdict = &outcome.verdict;
        let programme = verdict.programme;
        let benefit = outcome.benefit().and_then(|b| benefit(programme, b, lang));
        let amount = match &benefit {
            Some(BenefitReport::Money { currency, min, max, .. }) => {
                Some(AmountReport { currency: currency.clone(), min: min.clone(), max: max.clone() })
            }
            _ => None,
        };
        let mut criteria: Vec<CriterionReport> =
            country_criterion(programme, outcome.country, lang).into_iter().collect();
        criteria.extend(verdict.criteria.iter().map(|outcome| CriterionReport {
            id: outcome.criterion.id.clone(),
            status: outcome.status.as_str(),
            explanation: outcome.explanation(lang).to_owned(),
        }));
        EvaluationReport {
            programme: programme.id.clone(),
            status: outcome.status().as_str(),
            amount,
            benefit,
            next_question: outcome.next_question().map(str::to_owned),
            window: WindowReport {
                opens: programme.window.opens.map(|d| d.to_string()),
                closes: programme.window.closes.map(|d| d.to_string()),
                state: window_state(&programme.window, today).as_str(),
            },
            criteria,
            pack: PackReport { version: programme.version.clone(), hash: programme.hash.clone() },
        }
    }
}

/// The criterion the form adds when it routes by country, or was told the country.
fn country_criterion(programme: &Programme, country: CountryOutcome, lang: Lang) -> Option<CriterionReport> {
    let ui = ui(lang);
    let inside = programme.country.inside.get(lang);
    let (status, explanation) = match country {
        CountryOutcome::NotAsked => return None,
        CountryOutcome::Met => (CriterionStatus::Met, format!("{} {inside}.", ui.country_met)),
        CountryOutcome::NotMet => (CriterionStatus::NotMet, format!("{} {inside}.", ui.country_not_met)),
        CountryOutcome::Unknown => (CriterionStatus::Unknown, ui.country_unknown.to_owned()),
    };
    Some(CriterionReport { id: COUNTRY.to_owned(), status: status.as_str(), explanation })
}

/// `None` only for an outlook of another kind than the benefit, which the engine never gives.
fn benefit(programme: &Programme, outlook: &BenefitOutlook, lang: Lang) -> Option<BenefitReport> {
    match (&programme.benefit, outlook) {
        (Benefit::Money(amount), BenefitOutlook::Money { min, max }) => Some(BenefitReport::Money {
            currency: amount.currency.clone(),
            min: canonical(*min),
            max: max.map(canonical),
            operator_decides: matches!(amount.rule, AmountRule::Range { .. }),
        }),
        (Benefit::Place(place), BenefitOutlook::Place { starts }) => Some(BenefitReport::Place {
            what: place.what.get(lang).to_owned(),
            starts: starts.iter().filter_map(|i| place.starts.get(*i)).map(|s| s.when.get(lang).to_owned()).collect(),
        }),
        _ => None,
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

/// The questions a form asks, in its order: those of one programme, or of several
/// once each (with `country` first when they span several countries).
pub fn questions(form: &Form<'_>, lang: Lang) -> Vec<QuestionReport> {
    form.questions()
        .enumerate()
        .filter(|(i, _)| form.asks(*i))
        .map(|(_, question)| {
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
    /// The country of its workers: lower-case ISO 3166-1.
    pub country: String,
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
            country: programme.country.code.clone(),
            operator: programme.operator.clone(),
            apply_url: programme.apply_url.clone(),
            version: programme.version.clone(),
            hash: programme.hash.clone(),
        }
    }
}
