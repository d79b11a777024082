//! The widget's state and how it changes, with no DOM: what the visitor typed or
//! chose for each question, what that means as answers, and what to show. The DOM
//! layer sends a `Message` for each event and draws what this module says.

use crate::answer::{Answer, Answers};
use crate::engine::{evaluate, Verdict};
use crate::i18n::{ui, Lang};
use crate::money::{format_amount, parse_typed_amount};
use crate::pack::{Programme, QuestionIndex, QuestionKind};
use crate::report::EvaluationReport;

/// The form of one programme.
#[derive(Debug, Clone)]
pub struct ProgrammeForm {
    pub programme: &'static Programme,
    /// What the visitor typed or chose, per question: `yes`/`no`, an option id, or text.
    pub fields: Vec<Field>,
    pub answers: Answers,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub raw: String,
    pub error: Option<FieldError>,
}

/// Why a typed value is not an answer yet; said to the visitor in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    NotANumber,
    NotAWholeNumber,
    BelowMinimum(String),
    AboveMaximum(String),
}

impl FieldError {
    pub fn message(&self, lang: Lang) -> String {
        let ui = ui(lang);
        match self {
            FieldError::NotANumber => ui.invalid_number.to_owned(),
            FieldError::NotAWholeNumber => ui.invalid_whole_number.to_owned(),
            FieldError::BelowMinimum(min) => format!("{} {min}.", ui.at_least),
            FieldError::AboveMaximum(max) => format!("{} {max}.", ui.at_most),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The visitor answered (or changed, or cleared) a question.
    Answer { programme: usize, question: QuestionIndex, raw: String },
    SwitchLanguage(Lang),
    /// Clears every answer of one programme; only on the visitor's explicit request.
    StartOver { programme: usize },
}

#[derive(Debug, Clone)]
pub struct WidgetState {
    pub lang: Lang,
    pub forms: Vec<ProgrammeForm>,
}

impl WidgetState {
    pub fn new(programmes: Vec<&'static Programme>, lang: Lang) -> WidgetState {
        let forms = programmes
            .into_iter()
            .map(|programme| ProgrammeForm {
                programme,
                fields: vec![Field::default(); programme.questions.len()],
                answers: Answers::none(programme),
            })
            .collect();
        WidgetState { lang, forms }
    }

    pub fn update(&mut self, message: Message) {
        match message {
            Message::Answer { programme, question, raw } => {
                let lang = self.lang;
                if let Some(form) = self.forms.get_mut(programme) {
                    form.answer(question, raw, lang);
                }
            }
            Message::SwitchLanguage(lang) => self.lang = lang,
            Message::StartOver { programme } => {
                if let Some(form) = self.forms.get_mut(programme) {
                    form.fields.iter_mut().for_each(|f| *f = Field::default());
                    form.answers = Answers::none(form.programme);
                }
            }
        }
    }

    /// Takes over the answers of `old` for the programmes both show, when a page
    /// changes the list of programmes.
    pub fn keep_answers_of(&mut self, old: WidgetState) {
        for form in &mut self.forms {
            if let Some(previous) = old.forms.iter().find(|f| f.programme.id == form.programme.id) {
                *form = previous.clone();
            }
        }
    }

    /// The reports of every programme, in the shape of `eligibility eval`.
    pub fn reports(&self) -> Vec<EvaluationReport> {
        self.forms.iter().map(|form| EvaluationReport::new(&form.verdict(), self.lang)).collect()
    }
}

impl ProgrammeForm {
    pub fn verdict(&self) -> Verdict<'static> {
        evaluate(self.programme, &self.answers)
    }

    /// Questions to show, in the pack's order: those the visitor answered or started
    /// typing, and the next one worth asking. The others no longer matter or not yet.
    pub fn visible_questions(&self, verdict: &Verdict<'_>) -> Vec<QuestionIndex> {
        let next = verdict.next_question;
        (0..self.programme.questions.len())
            .filter(|&q| {
                Some(q) == next || self.answers.is_answered(q) || self.fields.get(q).is_some_and(|f| !f.raw.is_empty())
            })
            .collect()
    }

    fn answer(&mut self, question: QuestionIndex, raw: String, lang: Lang) {
        let Some(kind) = self.programme.questions.get(question).map(|q| &q.kind) else {
            return;
        };
        let parsed = read(kind, raw.trim(), lang);
        let (answer, error) = match parsed {
            Ok(answer) => (answer, None),
            Err(error) => (None, Some(error)),
        };
        self.answers.set(question, answer);
        if let Some(field) = self.fields.get_mut(question) {
            *field = Field { raw, error };
        }
    }
}

/// Reads what the visitor typed or chose. Empty means no answer; an unknown option
/// (which the form cannot produce) is no answer either.
fn read(kind: &QuestionKind, raw: &str, lang: Lang) -> Result<Option<Answer>, FieldError> {
    if raw.is_empty() {
        return Ok(None);
    }
    match kind {
        QuestionKind::YesNo => Ok(match raw {
            "yes" => Some(Answer::YesNo(true)),
            "no" => Some(Answer::YesNo(false)),
            _ => None,
        }),
        QuestionKind::Choice(choices) => Ok(choices.iter().position(|c| c.id == raw).map(Answer::Choice)),
        QuestionKind::Integer { min, max } => {
            let value = parse_typed_amount(raw, lang).ok_or(FieldError::NotAWholeNumber)?;
            let whole = value
                .fract()
                .is_zero()
                .then(|| i64::try_from(value).ok())
                .flatten()
                .ok_or(FieldError::NotAWholeNumber)?;
            if let Some(min) = min.filter(|m| whole < *m) {
                return Err(FieldError::BelowMinimum(min.to_string()));
            }
            if let Some(max) = max.filter(|m| whole > *m) {
                return Err(FieldError::AboveMaximum(max.to_string()));
            }
            Ok(Some(Answer::Integer(whole)))
        }
        QuestionKind::Money { min, max, currency } => {
            let value = parse_typed_amount(raw, lang).ok_or(FieldError::NotANumber)?;
            if let Some(min) = min.filter(|m| value < *m) {
                return Err(FieldError::BelowMinimum(format_amount(min, currency, lang)));
            }
            if let Some(max) = max.filter(|m| value > *m) {
                return Err(FieldError::AboveMaximum(format_amount(max, currency, lang)));
            }
            Ok(Some(Answer::Money(value)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;

    fn state() -> WidgetState {
        let programme = catalogue::programme("netflix-audiens-2020").unwrap_or_else(|e| panic!("{e}"));
        WidgetState::new(vec![programme], Lang::Fr)
    }

    fn answer(state: &mut WidgetState, question: QuestionIndex, raw: &str) {
        state.update(Message::Answer { programme: 0, question, raw: raw.into() });
    }

    fn status(state: &WidgetState) -> &'static str {
        state.reports().first().map_or("missing", |r| r.status)
    }

    #[test]
    fn the_next_question_appears_and_skipped_ones_stay_hidden() {
        let mut state = state();
        let form = |s: &WidgetState| s.forms.first().map(|f| f.visible_questions(&f.verdict())).unwrap_or_default();
        assert_eq!(form(&state), [0]);
        answer(&mut state, 0, "artist");
        assert_eq!(form(&state), [0, 1]);
        answer(&mut state, 1, "yes");
        assert_eq!(form(&state), [0, 1, 3], "the 2019 question is skipped");
        answer(&mut state, 0, "other");
        assert_eq!(form(&state), [0, 1], "out at once: nothing more is asked");
        assert_eq!(status(&state), "not_eligible");
        answer(&mut state, 0, "technician");
        assert_eq!(form(&state), [0, 1, 3], "changing an answer back keeps the others");
    }

    #[test]
    fn typed_amounts_follow_french_habits_and_bad_ones_say_why() {
        let mut state = state();
        for (q, raw) in [(0, "artist"), (1, "yes"), (3, "12"), (4, "no"), (5, "15 000 €")] {
            answer(&mut state, q, raw);
        }
        assert_eq!(status(&state), "eligible");
        let amount = state.reports().first().and_then(|r| r.amount.clone()).map(|a| (a.min, a.max));
        assert_eq!(amount, Some(("900".into(), "900".into())));
        answer(&mut state, 5, "15000,01");
        let amount = state.reports().first().and_then(|r| r.amount.clone()).map(|a| a.max);
        assert_eq!(amount.as_deref(), Some("500"));

        answer(&mut state, 3, "douze");
        let field = state.forms.first().and_then(|f| f.fields.get(3).cloned()).unwrap_or_default();
        assert_eq!(field.error, Some(FieldError::NotAWholeNumber));
        assert_eq!(field.raw, "douze", "what was typed is kept");
        assert_eq!(status(&state), "undetermined");
        answer(&mut state, 3, "400");
        let error = state.forms.first().and_then(|f| f.fields.get(3)).and_then(|f| f.error.clone());
        assert_eq!(error.map(|e| e.message(Lang::En)).as_deref(), Some("The value must be at most 366."));
        answer(&mut state, 5, "-5");
        let error = state.forms.first().and_then(|f| f.fields.get(5)).and_then(|f| f.error.clone());
        assert_eq!(error.map(|e| e.message(Lang::Fr)).as_deref(), Some("La valeur doit être au moins 0\u{a0}€."));
    }

    #[test]
    fn switching_language_keeps_answers_and_only_start_over_clears_them() {
        let mut state = state();
        answer(&mut state, 0, "artist");
        answer(&mut state, 3, "30");
        state.update(Message::SwitchLanguage(Lang::En));
        assert_eq!(state.lang, Lang::En);
        let form = state.forms.first().cloned();
        assert!(form.as_ref().is_some_and(|f| f.answers.is_answered(0) && f.answers.is_answered(3)));
        let explanation = state.reports().first().and_then(|r| r.criteria.first().map(|c| c.explanation.clone()));
        assert_eq!(explanation.as_deref(), Some("You are an artist or technician in film or TV production."));
        state.update(Message::StartOver { programme: 0 });
        let form = state.forms.first().cloned();
        assert!(form.is_some_and(|f| !f.answers.is_answered(0) && f.fields.iter().all(|f| f.raw.is_empty())));
    }

    #[test]
    fn a_new_list_of_programmes_keeps_the_answers_of_those_that_stay() {
        let mut old = state();
        answer(&mut old, 0, "artist");
        let mut new = state();
        new.keep_answers_of(old);
        assert!(new.forms.first().is_some_and(|f| f.answers.is_answered(0)));
    }

    #[test]
    fn clearing_a_field_unanswers_it_and_stray_messages_are_ignored() {
        let mut state = state();
        answer(&mut state, 3, "12");
        answer(&mut state, 3, "  ");
        assert!(state.forms.first().is_some_and(|f| !f.answers.is_answered(3)));
        state.update(Message::Answer { programme: 7, question: 0, raw: "artist".into() });
        answer(&mut state, 99, "artist");
        answer(&mut state, 0, "dancer");
        assert!(state.forms.first().is_some_and(|f| !f.answers.is_answered(0)));
    }
}
