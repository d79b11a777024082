//! The widget's state and how it changes, with no DOM: what the visitor typed or
//! chose for each question of the form, what that means as answers, and what to
//! show. The DOM layer sends a `Message` for each event and draws what this module says.

use rust_decimal::Decimal;

use crate::answer::{Answer, UNKNOWN};
use crate::engine::{window_state, Status, WindowState};
use crate::form::{CountryOutcome, Form, FormAnswers, Outcome};
use crate::i18n::{ui, Lang};
use crate::money::{read_typed_amount, whole_part, DecimalError, TypedAmount};
use crate::pack::{Date, Programme, QuestionKind};
use crate::report::{bounds, number_answer, reading, EvaluationReport};
use eligibility_rules::cat;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub raw: String,
    pub error: Option<FieldError>,
    /// What was read of a typed number, said back to the visitor.
    pub reading: Option<Reading>,
}

/// One question's answer as the visitor gave it, kept across a rebuild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub id: String,
    pub raw: String,
    /// The reading the visitor chose, or that was understood, of a typed number.
    pub chosen: Option<Decimal>,
}

/// What the widget read of a typed number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// One value: shown next to the field (« compris : 20 000 € »).
    Understood(Decimal),
    /// Two: `first` by the page's language, `second` by the other's; the visitor
    /// chooses, and until then the question has no answer.
    Ambiguous { first: Decimal, second: Decimal },
}

/// Why a typed value is not an answer yet; said to the visitor in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    NotANumber,
    NotAWholeNumber,
    TooPrecise,
    BelowMinimum(String),
    AboveMaximum(String),
}

impl FieldError {
    pub fn message(&self, lang: Lang) -> String {
        let ui = ui(lang);
        match self {
            FieldError::NotANumber => ui.invalid_number().to_owned(),
            FieldError::NotAWholeNumber => ui.invalid_whole_number().to_owned(),
            FieldError::TooPrecise => ui.too_precise().to_owned(),
            FieldError::BelowMinimum(min) => cat!(ui.at_least(), " ", min, "."),
            FieldError::AboveMaximum(max) => cat!(ui.at_most(), " ", max, "."),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The visitor answered (or changed, or cleared) a question of the form.
    Answer {
        question: usize,
        raw: String,
    },
    /// The visitor said which of two readings of a typed number they meant.
    ChooseReading {
        question: usize,
        second: bool,
    },
    SwitchLanguage(Lang),
    /// Clears every answer; only on the visitor's explicit request.
    StartOver,
}

/// One form for every programme of the widget: each question asked once.
#[derive(Debug, Clone)]
pub struct WidgetState {
    pub lang: Lang,
    /// The visitor's day, for the programmes' windows.
    pub today: Date,
    pub form: Form<'static>,
    /// What the visitor typed or chose, per question of the form: `yes`/`no`, an
    /// option id, or text.
    pub fields: Vec<Field>,
    answers: FormAnswers,
    /// What the form says of `answers`: evaluated once per change, read by every part of
    /// the drawing and by the events.
    view: FormView,
}

/// What the form says now: each programme's outcome, the next question, and the
/// reports in the visitor's language, made once per change for the drawing, the events
/// and the summary alike (a report looks for what would change its verdict: several
/// evaluations).
#[derive(Debug, Clone)]
pub struct FormView {
    pub outcomes: Vec<Outcome<'static>>,
    pub next_question: Option<usize>,
    /// In the shape of `eligibility eval`, one per programme.
    pub reports: Vec<EvaluationReport<'static>>,
}

impl WidgetState {
    pub fn new(programmes: Vec<&'static Programme>, lang: Lang, today: Date) -> WidgetState {
        let form = Form::new(programmes);
        let answers = form.no_answers();
        let fields = blank_fields(&form);
        let view = view_of(&form, &answers, lang, today);
        WidgetState { lang, today, form, fields, answers, view }
    }

    pub fn update(&mut self, message: Message) {
        match message {
            Message::Answer { question, raw } => self.answer(question, &raw),
            Message::ChooseReading { question, second } => self.choose(question, second),
            // The language changes the words, not what the form says.
            Message::SwitchLanguage(lang) => {
                self.lang = lang;
                self.view.reports = reports(&self.view.outcomes, lang, self.today);
                return;
            }
            Message::StartOver => {
                // Made anew, as `new` makes them, rather than each field replaced (14 B gzipped).
                self.fields = blank_fields(&self.form);
                self.answers = self.form.no_answers();
            }
        }
        self.view = view_of(&self.form, &self.answers, self.lang, self.today);
    }

    pub fn answers(&self) -> &FormAnswers {
        &self.answers
    }

    /// What the form says now.
    pub fn view(&self) -> &FormView {
        &self.view
    }

    /// Questions to show, in the form's order: those the visitor answered or started
    /// typing, and the next one worth asking. The others no longer matter or not yet.
    #[inline(never)] // also called by the summary: one copy, not one per caller
    pub fn visible_questions(&self, view: &FormView) -> Vec<usize> {
        let mut visible = Vec::new();
        for (q, field) in self.fields.iter().enumerate() {
            let shown = Some(q) == view.next_question
                || self.answers.is_answered(q)
                || self.answers.is_unknown(q)
                || !field.raw.is_empty();
            if self.form.asks(q) && shown {
                visible.push(q);
            }
        }
        visible
    }

    /// The programmes to show, the likely ones first, then those not yet known, then
    /// the others; a programme of another country than the visitor's is left out.
    #[inline(never)] // also called by the summary: one copy, not one per caller
    pub fn results_order(&self, view: &FormView) -> Vec<usize> {
        // One pass per status, each in the form's order: that order without a sort.
        let mut order = Vec::new();
        // Walked by reference: an array walked by value brings its own iterator (37 B gzipped).
        for status in &[Status::Eligible, Status::Undetermined, Status::NotEligible] {
            for (i, outcome) in view.outcomes.iter().enumerate() {
                if outcome.country != CountryOutcome::NotMet && outcome.status() == *status {
                    order.push(i);
                }
            }
        }
        order
    }

    pub fn window_state(&self, programme: &Programme) -> WindowState {
        window_state(&programme.window, self.today)
    }

    /// Takes over what the visitor answered in `old` for the questions both forms ask,
    /// when a page changes the list of programmes.
    pub fn keep_answers_of(&mut self, old: WidgetState) {
        self.restore(&old.kept());
    }

    /// What the visitor typed or chose, by question id: what a widget keeps while it
    /// is rebuilt (on another list of programmes, or when its element comes back).
    pub fn kept(&self) -> Vec<Kept> {
        self.kept_where(true)
    }

    /// `kept`, without the values the widget refused unless `refused`: read from each
    /// field as it goes, rather than filtered after by looking each id up again.
    pub fn kept_where(&self, refused: bool) -> Vec<Kept> {
        let mut kept = Vec::new();
        for (q, field) in self.fields.iter().enumerate() {
            let Some(question) = self.form.question(q) else { continue };
            if field.raw.is_empty() || (!refused && field.error.is_some()) {
                continue;
            }
            let chosen = match field.reading {
                Some(Reading::Understood(value)) => Some(value),
                _ => None,
            };
            kept.push(Kept { id: question.id.clone(), raw: field.raw.clone(), chosen });
        }
        kept
    }

    /// Answers again what was kept, for the questions this form asks; a reading the
    /// visitor chose is chosen again.
    pub fn restore(&mut self, kept: &[Kept]) {
        self.restore_where(kept, false);
    }

    /// Answers again what a link carried, keeping only what still fits the questions
    /// (the rules may have changed since): an answer to a question this form does not
    /// have, a value the question refuses or no longer offers, or a chosen reading that
    /// is not one of the value's readings now, is left out. Returns the ids of those
    /// left out, in the link's order.
    pub fn restore_fitting(&mut self, kept: &[Kept]) -> Vec<String> {
        self.restore_where(kept, true)
    }

    /// `restore`, or with `fitting` `restore_fitting`: one loop for both, as what fits
    /// is found while answering.
    fn restore_where(&mut self, kept: &[Kept], fitting: bool) -> Vec<String> {
        let mut dropped = Vec::new();
        for kept in kept {
            let fits = match self.form.position(&kept.id) {
                Some(question) => {
                    let fits = self.answer_kept(question, kept);
                    if fitting && !fits {
                        self.answer(question, "");
                    }
                    fits
                }
                None => false,
            };
            if !fits {
                dropped.push(kept.id.clone());
            }
        }
        self.view = view_of(&self.form, &self.answers, self.lang, self.today);
        dropped
    }

    /// Answers `question` with what was kept, choosing again the reading chosen; whether
    /// it fits the question.
    fn answer_kept(&mut self, question: usize, kept: &Kept) -> bool {
        self.answer(question, &kept.raw);
        let Some(field) = self.fields.get(question) else { return false };
        // The reading and the choice compared borrowed, not copied into a tuple.
        match (&field.reading, &kept.chosen) {
            _ if field.error.is_some() => false,
            (Some(Reading::Ambiguous { first, second }), Some(chosen)) => {
                let is_second = chosen == second;
                let fits = is_second || chosen == first;
                self.choose(question, is_second);
                fits
            }
            // Not chosen yet when the link was made: the visitor is asked again.
            (Some(Reading::Ambiguous { .. }), None) => true,
            (Some(Reading::Understood(value)), Some(chosen)) => value == chosen,
            (_, Some(_)) => false,
            (_, None) => self.answers.is_answered(question) || self.answers.is_unknown(question),
        }
    }

    /// Borrows what was typed, copied once into its field: a link's answers are not
    /// copied first to be handed over.
    fn answer(&mut self, question: usize, raw: &str) {
        let Some(kind) = self.form.question(question).map(|q| &q.kind) else {
            return;
        };
        // One trim and one place the field is replaced, for either kind of answer.
        let trimmed = raw.trim();
        let field = if trimmed == UNKNOWN {
            self.answers.set_unknown(question);
            Field { raw: UNKNOWN.to_owned(), error: None, reading: None }
        } else {
            let Typed { answer, error, reading } = read(kind, trimmed, self.lang);
            self.answers.set(question, answer);
            Field { raw: raw.to_owned(), error, reading }
        };
        if let Some(slot) = self.fields.get_mut(question) {
            *slot = field;
        }
    }

    fn choose(&mut self, question: usize, second: bool) {
        // A field is made per question of the form: neither is there without the other.
        let (Some(asked), Some(field)) = (self.form.question(question), self.fields.get_mut(question)) else { return };
        let Some(Reading::Ambiguous { first, second: other }) = field.reading else { return };
        let value = if second { other } else { first };
        field.reading = Some(Reading::Understood(value));
        self.answers.set(question, number_answer(&asked.kind, value));
    }
}

/// An empty field per question of `form`: pushed rather than `vec![…; n]`, which clones
/// a field n times through code of its own.
fn blank_fields(form: &Form<'static>) -> Vec<Field> {
    let mut fields = Vec::new();
    for _ in form.questions() {
        fields.push(Field::default());
    }
    fields
}

fn view_of(form: &Form<'static>, answers: &FormAnswers, lang: Lang, today: Date) -> FormView {
    let outcomes = form.evaluate(answers);
    let next_question = form.next_question(answers, &outcomes);
    let reports = reports(&outcomes, lang, today);
    FormView { outcomes, next_question, reports }
}

fn reports(outcomes: &[Outcome<'static>], lang: Lang, today: Date) -> Vec<EvaluationReport<'static>> {
    // Grown as pushed: sizing it first cost more code than it saved (42 B gzipped).
    let mut reports = Vec::new();
    for outcome in outcomes {
        reports.push(EvaluationReport::new(outcome, lang, today));
    }
    reports
}

/// What a typed number says, with what to show next to the field: the field's parts
/// as they are kept, rather than a `Result` taken apart into them.
struct Typed {
    answer: Option<Answer>,
    error: Option<FieldError>,
    reading: Option<Reading>,
}

impl Typed {
    fn answer(answer: Option<Answer>) -> Typed {
        Typed { answer, error: None, reading: None }
    }

    fn error(error: FieldError) -> Typed {
        Typed { answer: None, error: Some(error), reading: None }
    }
}

/// Reads what the visitor typed or chose. Empty means no answer; an unknown option
/// (which the form cannot produce) is no answer either. A typed number that two
/// writing conventions read differently (`20,000`) is no answer until the visitor
/// says which they meant; a reading out of the question's bounds is no reading.
fn read(kind: &QuestionKind, raw: &str, lang: Lang) -> Typed {
    if raw.is_empty() {
        return Typed::answer(None);
    }
    match kind {
        QuestionKind::YesNo => {
            return Typed::answer(match raw {
                "yes" => Some(Answer::YesNo(true)),
                "no" => Some(Answer::YesNo(false)),
                _ => None,
            })
        }
        QuestionKind::Choice(choices) => {
            // A plain loop, not `position` and `map` with closures of their own.
            let mut answer = None;
            for (i, choice) in choices.iter().enumerate() {
                if choice.id == raw {
                    answer = Some(Answer::Choice(i));
                    break;
                }
            }
            return Typed::answer(answer);
        }
        QuestionKind::Integer { .. } | QuestionKind::Money { .. } => {}
    }
    // Tested apart from the match above: set in its arms, the code after it was copied
    // into each.
    let integer = matches!(kind, QuestionKind::Integer { .. });
    let (min, max) = bounds(kind);
    // The readings made the array they are walked in, not a tuple first.
    let values = match read_typed_amount(raw, lang) {
        Ok(TypedAmount::Exact(value)) => [Some(value), None],
        Ok(TypedAmount::Ambiguous { first, second }) => [Some(first), Some(second)],
        Err(DecimalError::TooPrecise) => return Typed::error(FieldError::TooPrecise),
        Err(DecimalError::NotANumber) if integer => return Typed::error(FieldError::NotAWholeNumber),
        Err(DecimalError::NotANumber) => return Typed::error(FieldError::NotANumber),
    };
    // The readings (whole ones only, for a count): how many, the first, and the first two
    // within the bounds, kept in place rather than pushed onto lists.
    let mut readings = 0;
    let mut first_reading = None;
    let mut inside = (None, None);
    // Walked by reference: an array walked by value brings its own iterator (31 B gzipped).
    for value in &values {
        let Some(value) = *value else { continue };
        if integer && whole_part(value).1 {
            continue;
        }
        readings += 1;
        if first_reading.is_none() {
            first_reading = Some(value);
        }
        if min.is_none_or(|m| value >= m) && max.is_none_or(|m| value <= m) {
            match inside.0 {
                None => inside.0 = Some(value),
                Some(_) => inside.1 = Some(value),
            }
        }
    }
    if integer && readings == 0 {
        return Typed::error(FieldError::NotAWholeNumber);
    }
    // Matched borrowed, not moved into a tuple of options of decimals.
    match (&inside, &first_reading) {
        ((Some(value), None), _) => {
            let answer = number_answer(kind, *value);
            // Said back when it took reading: a separator, a sign, a choice between two.
            // Digits only, by a plain loop rather than `all` and its closure.
            let mut plain = readings == 1;
            for b in raw.bytes() {
                plain &= b.is_ascii_digit();
            }
            Typed { answer, error: None, reading: (!plain).then_some(Reading::Understood(*value)) }
        }
        ((Some(first), Some(second)), _) => {
            Typed { answer: None, error: None, reading: Some(Reading::Ambiguous { first: *first, second: *second }) }
        }
        (_, Some(value)) => {
            // The bound passed, written once for either error; by one match, not a chain
            // of `Option`'s methods.
            let (bound, below) = match min {
                Some(min) if *value < min => (Some(min), true),
                _ => (max, false),
            };
            let shown = match bound {
                Some(bound) => reading(kind, bound, lang),
                None => String::new(),
            };
            Typed::error(if below { FieldError::BelowMinimum(shown) } else { FieldError::AboveMaximum(shown) })
        }
        (_, None) => Typed::error(FieldError::NotANumber),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;

    const TODAY: Date = Date { year: 2020, month: 4, day: 15 };

    fn state_of(ids: &[&str]) -> WidgetState {
        let programmes = ids.iter().map(|id| catalogue::programme(id).unwrap_or_else(|e| panic!("{e}"))).collect();
        WidgetState::new(programmes, Lang::Fr, TODAY)
    }

    fn state() -> WidgetState {
        state_of(&["netflix-audiens-2020"])
    }

    fn answer(state: &mut WidgetState, id: &str, raw: &str) {
        let question = state.form.position(id).unwrap_or(usize::MAX);
        state.update(Message::Answer { question, raw: raw.into() });
    }

    fn status(state: &WidgetState) -> &'static str {
        state.view().reports.first().map_or("missing", |r| r.status)
    }

    fn shown(state: &WidgetState) -> Vec<String> {
        let view = state.view();
        let ids =
            state.visible_questions(view).into_iter().filter_map(|q| state.form.question(q).map(|q| q.id.clone()));
        ids.collect()
    }

    #[test]
    fn the_next_question_appears_and_skipped_ones_stay_hidden() {
        let mut state = state();
        assert_eq!(shown(&state), ["profession"]);
        answer(&mut state, "profession", "artist");
        assert_eq!(shown(&state), ["profession", "rights_not_renewed_since_2020"]);
        answer(&mut state, "rights_not_renewed_since_2020", "yes");
        assert_eq!(
            shown(&state),
            ["profession", "rights_not_renewed_since_2020", "days_worked"],
            "the 2019 question is skipped"
        );
        answer(&mut state, "profession", "other");
        assert_eq!(
            shown(&state),
            ["profession", "rights_not_renewed_since_2020"],
            "out at once: nothing more is asked"
        );
        assert_eq!(status(&state), "not_eligible");
        answer(&mut state, "profession", "technician");
        assert_eq!(
            shown(&state),
            ["profession", "rights_not_renewed_since_2020", "days_worked"],
            "changing an answer back keeps the others"
        );
    }

    #[test]
    fn typed_amounts_follow_french_habits_and_bad_ones_say_why() {
        let mut state = state();
        for (q, raw) in [
            ("profession", "artist"),
            ("rights_not_renewed_since_2020", "yes"),
            ("days_worked", "12"),
            ("works_on_netflix_production", "no"),
            ("annual_resources", "15 000 €"),
        ] {
            answer(&mut state, q, raw);
        }
        assert_eq!(status(&state), "eligible");
        let amount = |s: &WidgetState| s.view().reports.first().and_then(|r| r.amount.clone()).map(|a| (a.min, a.max));
        assert_eq!(amount(&state), Some(("900".into(), Some("900".into()))));
        answer(&mut state, "annual_resources", "15000,01");
        assert_eq!(amount(&state), Some(("500".into(), Some("500".into()))));

        let days = state.form.position("days_worked").unwrap_or_default();
        answer(&mut state, "days_worked", "douze");
        let field = state.fields.get(days).cloned().unwrap_or_default();
        assert_eq!(field.error, Some(FieldError::NotAWholeNumber));
        assert_eq!(field.raw, "douze", "what was typed is kept");
        assert_eq!(status(&state), "undetermined");
        answer(&mut state, "days_worked", "400");
        let error = state.fields.get(days).and_then(|f| f.error.clone());
        assert_eq!(error.map(|e| e.message(Lang::En)).as_deref(), Some("The value must be at most 366."));
        answer(&mut state, "annual_resources", "-5");
        let resources = state.form.position("annual_resources").unwrap_or_default();
        let error = state.fields.get(resources).and_then(|f| f.error.clone());
        assert_eq!(error.map(|e| e.message(Lang::Fr)).as_deref(), Some("La valeur doit être au moins 0\u{a0}€."));
    }

    #[test]
    fn an_amount_read_two_ways_is_asked_not_guessed() {
        let mut state = state();
        let resources = state.form.position("annual_resources").unwrap_or_default();
        let field = |s: &WidgetState| s.fields.get(resources).cloned().unwrap_or_default();
        answer(&mut state, "annual_resources", "20,000");
        assert!(!state.answers().is_answered(resources), "twenty euros or twenty thousand: not guessed");
        assert_eq!(
            field(&state).reading,
            Some(Reading::Ambiguous { first: Decimal::from(20), second: Decimal::from(20_000) })
        );
        state.update(Message::ChooseReading { question: resources, second: true });
        assert_eq!(state.answers().get(resources), Some(&Answer::Money(Decimal::from(20_000))));
        assert_eq!(field(&state).reading, Some(Reading::Understood(Decimal::from(20_000))));
        assert_eq!(field(&state).raw, "20,000", "what was typed is kept");

        answer(&mut state, "annual_resources", "20 000 €");
        assert_eq!(field(&state).reading, Some(Reading::Understood(Decimal::from(20_000))));
        answer(&mut state, "annual_resources", "15000");
        assert_eq!(field(&state).reading, None, "plain digits need no saying back");
        answer(&mut state, "annual_resources", "1.5000000000000000000000000001e4");
        assert_eq!(field(&state).error, Some(FieldError::NotANumber), "visitors do not type exponents");
        answer(&mut state, "annual_resources", "15000,00000000000000000000000000001");
        assert_eq!(field(&state).error, Some(FieldError::TooPrecise));

        // A reading out of bounds is no reading: 12,000 days cannot be, 12 can.
        answer(&mut state, "days_worked", "12,000");
        let days = state.form.position("days_worked").unwrap_or_default();
        assert_eq!(state.answers().get(days), Some(&Answer::Integer(12)));
        assert_eq!(state.fields.get(days).and_then(|f| f.reading), Some(Reading::Understood(Decimal::from(12))));
    }

    #[test]
    fn switching_language_keeps_answers_and_only_start_over_clears_them() {
        let mut state = state();
        answer(&mut state, "profession", "artist");
        answer(&mut state, "days_worked", "30");
        state.update(Message::SwitchLanguage(Lang::En));
        assert_eq!(state.lang, Lang::En);
        assert!(state.form.position("days_worked").is_some_and(|q| state.answers().is_answered(q)));
        let explanation = state.view().reports.first().and_then(|r| r.criteria.first().map(|c| c.explanation.clone()));
        assert_eq!(explanation.as_deref(), Some("You are an intermittent artist or technician."));
        state.update(Message::StartOver);
        assert!(state.fields.iter().all(|f| f.raw.is_empty()) && !state.answers().is_answered(1));
    }

    #[test]
    fn a_new_list_of_programmes_keeps_the_answers_of_the_questions_that_stay() {
        let mut old = state();
        answer(&mut old, "profession", "artist");
        answer(&mut old, "days_worked", "20");
        let mut new = state_of(&["audiens-fonds-solidarite-2020", "netflix-audiens-2020"]);
        new.keep_answers_of(old);
        assert!(new.form.position("profession").is_some_and(|q| new.answers().is_answered(q)));
        assert!(new.form.position("days_worked").is_some_and(|q| new.answers().is_answered(q)));
    }

    #[test]
    fn what_was_kept_comes_back_with_the_reading_chosen() {
        let mut old = state();
        answer(&mut old, "profession", "artist");
        answer(&mut old, "annual_resources", "20,000");
        let resources = old.form.position("annual_resources").unwrap_or_default();
        old.update(Message::ChooseReading { question: resources, second: true });
        let kept = old.kept();
        assert_eq!(kept.len(), 2);
        let mut new = state();
        new.restore(&kept);
        assert_eq!(new.answers(), old.answers());
        assert_eq!(new.fields, old.fields);
    }

    #[test]
    fn i_do_not_know_is_not_asked_again_and_is_kept() {
        let mut old = state();
        answer(&mut old, "profession", "artist");
        answer(&mut old, "rights_not_renewed_since_2020", "unknown");
        let rights = old.form.position("rights_not_renewed_since_2020").unwrap_or_default();
        assert!(old.answers().is_unknown(rights) && !old.answers().is_answered(rights));
        let next = old.view().next_question.and_then(|q| old.form.question(q)).map(|q| q.id.clone());
        assert_eq!(next.as_deref(), Some("no_rights_opened_2019"), "not asked again");
        assert!(old.visible_questions(old.view()).contains(&rights), "still shown, with its answer");
        // Typed over, the box's answer gives way to the number; and back.
        answer(&mut old, "days_worked", "unknown");
        answer(&mut old, "days_worked", "12");
        let days = old.form.position("days_worked").unwrap_or_default();
        assert!(old.answers().is_answered(days) && !old.answers().is_unknown(days));
        answer(&mut old, "days_worked", "unknown");
        let mut new = state();
        new.restore(&old.kept());
        assert_eq!(new.answers(), old.answers());
        assert!(new.answers().is_unknown(days));
    }

    #[test]
    fn a_shared_question_is_asked_once_and_serves_every_programme() {
        let mut state = state_of(&["netflix-audiens-2020", "audiens-fonds-solidarite-2020"]);
        assert_eq!(shown(&state), ["profession"], "one country: not asked; the shared question first");
        answer(&mut state, "profession", "other");
        let view = state.view();
        assert!(view.outcomes.iter().all(|o| o.status() == Status::NotEligible));
        assert_eq!(view.next_question, None);
    }

    #[test]
    fn a_form_of_two_countries_asks_the_country_first_and_shows_its_programmes_only() {
        let mut state = state_of(&["netflix-audiens-2020", "uk-film-tv-emergency-relief-2020"]);
        assert_eq!(shown(&state), ["country"]);
        answer(&mut state, "country", "gb");
        let view = state.view();
        let shown: Vec<&str> = state
            .results_order(view)
            .iter()
            .filter_map(|&i| view.outcomes.get(i))
            .map(|o| o.verdict.programme.id.as_str())
            .collect();
        assert_eq!(shown, ["uk-film-tv-emergency-relief-2020"]);
        assert_eq!(view.next_question.and_then(|q| state.form.question(q)).map(|q| q.id.as_str()), Some("screen_role"));
    }

    #[test]
    fn results_are_ordered_likely_first_then_unknown_then_the_others_each_in_the_forms_order() {
        let ids = ["netflix-audiens-2020", "audiens-fonds-solidarite-2020", "collectif-5050-mentorat-2021"];
        let mut state = state_of(&ids);
        let mut statuses = Vec::new();
        for (id, raw) in [
            ("profession", "artist"),
            ("building_rights_2019_2020", "yes"),
            ("mentoring_profile", "student"),
            ("rights_not_renewed_since_2020", "no"),
            ("profession", "other"),
            ("profession", "technician"),
            ("country", "gb"),
        ] {
            answer(&mut state, id, raw);
            let view = state.view();
            // What a stable sort by (rank, index) gives, over the programmes of the country.
            let rank = |i: &usize| match view.outcomes.get(*i).map(|o| o.status()) {
                Some(Status::Eligible) => 0,
                Some(Status::Undetermined) => 1,
                _ => 2,
            };
            let mut expected: Vec<usize> = (0..view.outcomes.len())
                .filter(|i| view.outcomes.get(*i).is_some_and(|o| o.country != CountryOutcome::NotMet))
                .collect();
            expected.sort_by_key(|i| (rank(i), *i));
            assert_eq!(state.results_order(view), expected, "after {id} = {raw}");
            statuses.extend(expected.iter().map(rank));
        }
        assert!([0, 1, 2].iter().all(|r| statuses.contains(r)), "every rank was ordered: {statuses:?}");
    }

    #[test]
    fn clearing_a_field_unanswers_it_and_stray_messages_are_ignored() {
        let mut state = state();
        answer(&mut state, "days_worked", "12");
        answer(&mut state, "days_worked", "  ");
        assert!(!state.form.position("days_worked").is_some_and(|q| state.answers().is_answered(q)));
        state.update(Message::Answer { question: 99, raw: "artist".into() });
        answer(&mut state, "profession", "dancer");
        assert!(!state.form.position("profession").is_some_and(|q| state.answers().is_answered(q)));
    }
}
