//! The wire shapes: what `eligibility eval` and `eligibility questions --json` print,
//! what the JavaScript API returns and what the widget's `eligibility-result` event
//! carries. Only this module knows them; the engine's own types are not serialisable.

use serde::Serialize;

use rust_decimal::Decimal;

use crate::answer::Answer;
use crate::engine::{window_state, Alternative, BenefitOutlook, Change, CriterionStatus, Edge, Status};
use crate::form::{CountryOutcome, Form, Outcome};
use crate::i18n::{push_colon, ui, Lang};
use crate::money::{canonical, format_amount, format_number, format_range, whole_part};
use crate::pack::{AmountRule, Benefit, Date, Place, Programme, QuestionKind, COUNTRY};
use eligibility_rules::cat;

/// Its texts borrowed from the programme it describes rather than copied: the widget's
/// programmes last as long as the page, and copying every text at each answer was code
/// (and its freeing) that every visitor downloads.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EvaluationReport<'p> {
    pub programme: &'p str,
    /// The rules' verdict on the answers, whatever the day.
    pub status: &'static str,
    /// The money benefit as before places existed: `null` when not eligible or when
    /// the benefit is not money.
    pub amount: Option<AmountReport<'p>>,
    /// The benefit in general: money or a place; `null` when not eligible.
    pub benefit: Option<BenefitReport<'p>>,
    pub next_question: Option<&'p str>,
    /// The questions answered "unknown" whose answers could still change the verdict
    /// or the benefit.
    pub depends_on: Vec<&'p str>,
    /// When applications are taken, and whether they are on the day evaluated.
    pub window: WindowReport,
    pub criteria: Vec<CriterionReport<'p>>,
    /// Once nothing is left to ask: the nearest other answers that would change the
    /// verdict or the benefit, all else equal.
    pub changes: Vec<ChangeReport<'p>>,
    /// When eligible: what to have ready, per criterion, where a source says it.
    pub before_applying: Vec<DocumentReport<'p>>,
    pub pack: PackReport<'p>,
}

/// One answer changed, and the verdict it would give. A yes/no or choice question
/// gives `answer`; a number the range of answers, between the bounds given.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ChangeReport<'p> {
    pub question: &'p str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<ChangeAnswer<'p>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_least: Option<Bound>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub more_than: Option<Bound>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_most: Option<Bound>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub less_than: Option<Bound>,
    pub status: &'static str,
    pub benefit: Option<BenefitReport<'p>>,
    /// The change in a sentence: the question, the other answer, the verdict.
    pub explanation: String,
}

/// A yes/no as a boolean, an option as its id.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(untagged)]
pub enum ChangeAnswer<'p> {
    YesNo(bool),
    Option(&'p str),
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DocumentReport<'p> {
    pub criterion: &'p str,
    pub text: &'p str,
    pub source: SourceReport<'p>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceReport<'p> {
    pub title: &'p str,
    pub publisher: &'p str,
    pub date: &'p str,
    pub url: Option<&'p str>,
}

/// Amounts are decimal strings, so that no reader turns them into floats; `max` is
/// `null` when nothing bounds the amount yet.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AmountReport<'p> {
    pub currency: &'p str,
    pub min: String,
    pub max: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BenefitReport<'p> {
    Money {
        currency: &'p str,
        min: String,
        max: Option<String>,
        /// The operator decides within the range: the rules cannot narrow it.
        operator_decides: bool,
    },
    /// A place: what it is, and when it starts (several while the answers leave a choice).
    Place { what: &'p str, starts: Vec<&'p str> },
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WindowReport {
    pub opens: Option<String>,
    pub closes: Option<String>,
    /// `upcoming`, `open`, `closed` or `unconfirmed`.
    pub state: &'static str,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CriterionReport<'p> {
    pub id: &'p str,
    pub status: &'static str,
    /// Owned, though all but the country's are the pack's words: a `Cow` cost more code
    /// where it is read than the copy.
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PackReport<'p> {
    pub version: &'p str,
    pub hash: &'p str,
}

impl<'p> EvaluationReport<'p> {
    /// The report of one programme of a form, in `lang`, with the window on `today`.
    pub fn new(outcome: &Outcome<'p>, lang: Lang, today: Date) -> EvaluationReport<'p> {
        let verdict = &outcome.verdict;
        let programme = verdict.programme;
        let benefit = outcome.benefit().and_then(|b| benefit(programme, b, lang));
        let amount = match &benefit {
            Some(BenefitReport::Money { currency, min, max, .. }) => {
                Some(AmountReport { currency, min: min.clone(), max: max.clone() })
            }
            _ => None,
        };
        // Plain loops rather than collecting iterators: each `collect` is its own code.
        let mut criteria = Vec::new();
        if let Some(status) = country_status(outcome.country) {
            // The criterion the form adds when it routes by country, or was told the country.
            criteria.push(CriterionReport {
                id: COUNTRY,
                status: status.as_str(),
                explanation: country_explanation(programme, status, lang),
            });
        }
        for outcome in &verdict.criteria {
            criteria.push(CriterionReport {
                id: &outcome.criterion.id,
                status: outcome.status.as_str(),
                explanation: outcome.explanation(lang).to_owned(),
            });
        }
        EvaluationReport {
            programme: &programme.id,
            status: outcome.status().as_str(),
            amount,
            benefit,
            next_question: outcome.next_question(),
            depends_on: outcome.depends_on(),
            window: WindowReport {
                opens: programme.window.opens.map(Date::iso),
                closes: programme.window.closes.map(Date::iso),
                state: window_state(&programme.window, today).as_str(),
            },
            criteria,
            changes: changes(outcome, lang),
            before_applying: match outcome.status() {
                Status::Eligible => before_applying(programme, lang),
                _ => Vec::new(),
            },
            pack: PackReport { version: &programme.version, hash: &programme.hash },
        }
    }
}

/// What would change a programme's verdict (`Outcome::changes`), as its report says it.
pub fn changes<'p>(outcome: &Outcome<'p>, lang: Lang) -> Vec<ChangeReport<'p>> {
    let programme = outcome.verdict.programme;
    let mut reports = Vec::new();
    for c in &outcome.changes() {
        change(programme, c, lang, &mut reports);
    }
    reports
}

/// Pushes the report of `change` onto `reports`: pushed there rather than returned, so
/// that the large report is not moved through an `Option`. Nothing is pushed (`None`)
/// only for a question the programme does not have, which the engine never gives.
fn change<'p>(
    programme: &'p Programme,
    change: &Change,
    lang: Lang,
    reports: &mut Vec<ChangeReport<'p>>,
) -> Option<()> {
    let question = programme.questions.get(change.question)?;
    let ui = ui(lang);
    let mut report = ChangeReport {
        question: &question.id,
        answer: None,
        at_least: None,
        more_than: None,
        at_most: None,
        less_than: None,
        status: change.status.as_str(),
        benefit: change.benefit.as_ref().and_then(|b| benefit(programme, b, lang)),
        explanation: String::new(),
    };
    // A count's whole number, else the decimal: one place writes the decimal.
    let bound = |value: Decimal| match number_answer(&question.kind, value) {
        Some(Answer::Integer(number)) => Bound::Integer(number),
        _ => Bound::Money(canonical(value)),
    };
    // The sentence written in place as its parts are found, rather than each part made
    // a text of its own and all copied into it: the question, the other answer, the
    // verdict.
    let mut out = question.label.get(lang).to_owned();
    out.push_str(" — ");
    match &change.to {
        Alternative::Answer(Answer::YesNo(yes)) => {
            report.answer = Some(ChangeAnswer::YesNo(*yes));
            out.push_str(if *yes { ui.yes() } else { ui.no() });
        }
        Alternative::Answer(Answer::Choice(index)) => {
            let QuestionKind::Choice(choices) = &question.kind else { return None };
            let choice = choices.get(*index)?;
            report.answer = Some(ChangeAnswer::Option(&choice.id));
            out.push_str(choice.label.get(lang));
        }
        Alternative::Answer(_) => return None,
        Alternative::Between { low, high } => {
            // One number (both ends, or one end at the question's bound): just that number.
            let (min, max) = bounds(&question.kind);
            // An end's number, if the range holds it: an included edge, or the question's
            // bound where the range is open. One match, not a chain of `Option`'s methods.
            // Borrowed, not moved through copies of the decimals.
            fn end<'a>(edge: &'a Option<Edge>, bound: &'a Option<Decimal>) -> Option<&'a Decimal> {
                match edge {
                    Some(edge) => edge.included.then_some(&edge.value),
                    None => bound.as_ref(),
                }
            }
            let single = match (end(low, &min), end(high, &max)) {
                (Some(low), Some(high)) if low == high => Some(low),
                _ => None,
            };
            // Else both ends, written as they are read; one loop for the two, over an array
            // walked by reference: by value, it brought an iterator of its own.
            let start = out.len();
            for &(edge, upper) in &[(low, false), (high, true)] {
                let Some(edge) = edge else { continue };
                let (slot, word) = match (upper, edge.included) {
                    (false, true) => (&mut report.at_least, ui.bound_at_least()),
                    (false, false) => (&mut report.more_than, ui.bound_more_than()),
                    (true, true) => (&mut report.at_most, ui.bound_at_most()),
                    (true, false) => (&mut report.less_than, ui.bound_less_than()),
                };
                *slot = Some(bound(edge.value));
                if single.is_some() {
                    continue;
                }
                if out.len() > start {
                    out.push(' ');
                    out.push_str(ui.and());
                    out.push(' ');
                }
                out.push_str(word);
                out.push(' ');
                out.push_str(&reading(&question.kind, edge.value, lang));
            }
            if let Some(value) = single {
                out.push_str(&reading(&question.kind, *value, lang));
            }
        }
    }
    push_colon(&mut out, lang);
    out.push_str(match change.status {
        Status::Eligible => ui.would_be_eligible(),
        Status::NotEligible => ui.would_not_be_eligible(),
        Status::Undetermined => ui.might_be_eligible(),
    });
    match (&programme.benefit, &change.benefit) {
        (Benefit::Money(money), Some(BenefitOutlook::Money { min, max })) => {
            out.push_str(" (");
            out.push_str(&amount_words(*min, *max, &money.currency, lang));
            out.push(')');
        }
        (Benefit::Place(place), Some(BenefitOutlook::Place { starts })) => {
            out.push_str(" (");
            out.push_str(ui.starts());
            push_colon(&mut out, lang);
            starts_words(&mut out, place, starts, lang);
            out.push(')');
        }
        _ => {}
    }
    out.push('.');
    report.explanation = out;
    reports.push(report);
    Some(())
}

/// A money outlook in words, `500 € à 900 €` or `à partir de 100 €`: for a change's
/// sentence and the widget's amount alike.
pub fn amount_words(min: Decimal, max: Option<Decimal>, currency: &str, lang: Lang) -> String {
    match max {
        Some(max) => format_range(min, max, currency, lang),
        None => cat!(ui(lang).from_amount(), " ", format_amount(min, currency, lang)),
    }
}

/// Writes a place's possible starts, joined by "or": `May 2021 or autumn 2021`; into
/// the sentence that says them, not as a text of their own.
pub fn starts_words(out: &mut String, place: &Place, starts: &[usize], lang: Lang) {
    for (n, start) in starts.iter().filter_map(|i| place.starts.get(*i)).enumerate() {
        if n > 0 {
            out.push(' ');
            out.push_str(ui(lang).or());
            out.push(' ');
        }
        out.push_str(start.when.get(lang));
    }
}

/// The answer a number gives to a number question: a count's whole part, else the sum.
pub fn number_answer(kind: &QuestionKind, value: Decimal) -> Option<Answer> {
    match kind {
        QuestionKind::Money { .. } => Some(Answer::Money(value)),
        QuestionKind::Integer { .. } => i64::try_from(whole_part(value).0).ok().map(Answer::Integer),
        _ => None,
    }
}

/// The bounds of a number question, as decimals; none for the other kinds.
pub fn bounds(kind: &QuestionKind) -> (Option<Decimal>, Option<Decimal>) {
    match kind {
        QuestionKind::Integer { min, max } => (min.map(Decimal::from), max.map(Decimal::from)),
        QuestionKind::Money { min, max, .. } => (*min, *max),
        _ => (None, None),
    }
}

/// A number as a visitor reads it: `20 000 €` for money, `1 200` for a count.
pub fn reading(kind: &QuestionKind, value: Decimal, lang: Lang) -> String {
    match kind {
        QuestionKind::Money { currency, .. } => format_amount(value, currency, lang),
        _ => format_number(value, lang),
    }
}

pub fn before_applying(programme: &Programme, lang: Lang) -> Vec<DocumentReport<'_>> {
    let mut documents = Vec::new();
    for criterion in &programme.criteria {
        for document in &criterion.documents {
            let Some(source) = programme.sources.get(document.source) else { continue };
            documents.push(DocumentReport {
                criterion: &criterion.id,
                text: document.text.get(lang),
                source: SourceReport {
                    title: &source.title,
                    publisher: &source.publisher,
                    date: &source.date,
                    url: source.url.as_deref(),
                },
            });
        }
    }
    documents
}

/// The country as a criterion of a programme; `None` when the form did not ask it.
pub fn country_status(country: CountryOutcome) -> Option<CriterionStatus> {
    match country {
        CountryOutcome::NotAsked => None,
        CountryOutcome::Met => Some(CriterionStatus::Met),
        CountryOutcome::NotMet => Some(CriterionStatus::NotMet),
        CountryOutcome::Unknown | CountryOutcome::DoNotKnow => Some(CriterionStatus::Unknown),
    }
}

/// What the country criterion says of a programme, with that status.
pub fn country_explanation(programme: &Programme, status: CriterionStatus, lang: Lang) -> String {
    let ui = ui(lang);
    let inside = programme.country.inside.get(lang);
    match status {
        CriterionStatus::Met => cat!(ui.country_met(), " ", inside, "."),
        CriterionStatus::NotMet => cat!(ui.country_not_met(), " ", inside, "."),
        CriterionStatus::Unknown => ui.country_unknown().to_owned(),
    }
}

/// `None` only for an outlook of another kind than the benefit, which the engine never gives.
pub fn benefit<'p>(programme: &'p Programme, outlook: &BenefitOutlook, lang: Lang) -> Option<BenefitReport<'p>> {
    match (&programme.benefit, outlook) {
        (Benefit::Money(amount), BenefitOutlook::Money { min, max }) => Some(BenefitReport::Money {
            currency: &amount.currency,
            min: canonical(*min),
            max: max.map(canonical),
            operator_decides: matches!(amount.rule, AmountRule::Range { .. }),
        }),
        (Benefit::Place(place), BenefitOutlook::Place { starts }) => {
            let mut whens = Vec::new();
            for start in starts.iter().filter_map(|i| place.starts.get(*i)) {
                whens.push(start.when.get(lang));
            }
            Some(BenefitReport::Place { what: place.what.get(lang), starts: whens })
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn explanation(id: &str, question: &str, to: Alternative, benefit: Option<BenefitOutlook>, lang: Lang) -> String {
        let programme = crate::catalogue::programme(id).unwrap_or_else(|e| panic!("{e}"));
        let question = programme.questions.iter().position(|q| q.id == question).unwrap_or(usize::MAX);
        let change = Change { question, to, status: Status::Eligible, benefit };
        let mut reports = Vec::new();
        let _ = super::change(programme, &change, lang, &mut reports);
        reports.pop().map(|r| r.explanation).unwrap_or_default()
    }

    /// Both ends of a range, and a place's starts, joined by their words.
    #[test]
    fn a_change_says_both_ends_and_every_start() {
        let edge = |value: i64, included: bool| Some(Edge { value: Decimal::from(value), included });
        let between = |low, high| Alternative::Between { low, high };
        let days = |to, lang| explanation("netflix-audiens-2020", "days_worked", to, None, lang);
        assert!(days(between(edge(10, false), edge(20, true)), Lang::En)
            .ends_with(" — more than 10 and at most 20: you would likely be eligible."));
        assert!(
            days(between(edge(10, true), edge(20, false)), Lang::Fr).contains(" — au moins 10 et moins de 20\u{a0}: ")
        );
        assert!(days(between(None, edge(20, false)), Lang::En).contains(" — less than 20: "));
        assert!(days(between(edge(12, true), edge(12, true)), Lang::En).contains(" — 12: "));
        // One end at the question's bound (0 to 366 days): just that number, when held.
        assert!(days(between(None, edge(0, true)), Lang::En).contains(" — 0: "));
        assert!(days(between(edge(366, true), None), Lang::En).contains(" — 366: "));
        assert!(days(between(None, edge(0, false)), Lang::En).contains(" — less than 0: "));
        assert!(days(between(edge(366, false), None), Lang::En).contains(" — more than 366: "));
        assert!(days(between(edge(5, true), None), Lang::En).contains(" — at least 5: "));
        let place = |starts: Vec<usize>, lang| {
            let to = Alternative::Answer(Answer::YesNo(false));
            let benefit = Some(BenefitOutlook::Place { starts });
            explanation("collectif-5050-mentorat-2021", "has_industry_network", to, benefit, lang)
        };
        assert!(
            place(vec![0, 1], Lang::En).ends_with(": you would likely be eligible (starts: May 2021 or autumn 2021).")
        );
        assert!(place(vec![1], Lang::Fr).ends_with(" (début\u{a0}: automne 2021)."));
    }
}
