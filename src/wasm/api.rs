//! The JS API of the ES module (www/package/index.js): `questions`, `programmes` and
//! the `Session` behind `evaluate`. Not in the engine the element script loads (the
//! `api` feature, off in that build: scripts/build.sh), whose visitors never call it.

use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::answer::AnswerInput;
use crate::catalogue;
use crate::engine::{window_state, BenefitOutlook, CriterionStatus, Status, WindowState};
use crate::form::{CountryOutcome, Form};
use crate::i18n::Lang;
use crate::js::{to_js, today};
use crate::pack::{Date, Programme, QuestionKind, COUNTRY};
use crate::report::{self, ProgrammeReport};
use crate::session::{Session, SessionError};

fn lang(lang: Option<String>) -> Result<Lang, JsError> {
    lang.map_or(Ok(Lang::Fr), |l| l.parse().map_err(|e| JsError::new(&format!("{e}"))))
}

/// `today` as `YYYY-MM-DD`, or the visitor's day.
fn day(today_text: Option<String>) -> Result<Date, JsError> {
    match today_text {
        Some(text) => {
            Date::parse(&text).ok_or_else(|| JsError::new(&format!("today: `{text}` is not a date written YYYY-MM-DD")))
        }
        None => Ok(today()),
    }
}

/// A programme id, or an array of them, as a form. (The module keeps a session per list
/// of programmes, so forms are built once.)
fn form(programmes: &JsValue) -> Result<Form<'static>, JsError> {
    let ids: Vec<String> = match programmes.as_string() {
        Some(id) => vec![id],
        None if js_sys::Array::is_array(programmes) => {
            let array: &js_sys::Array = programmes.unchecked_ref();
            array
                .iter()
                .map(|v| v.as_string().ok_or_else(|| JsError::new("programme ids must be strings")))
                .collect::<Result<_, _>>()?
        }
        None => return Err(JsError::new("give a programme id, or an array of them")),
    };
    if ids.is_empty() {
        return Err(JsError::new("give a programme id, or an array of them"));
    }
    let programmes = ids
        .iter()
        .map(|id| catalogue::programme(id))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Form::new(programmes))
}

/// `questions(programme or [programmes], lang)`: the list `eligibility questions --json` prints.
#[wasm_bindgen]
pub fn questions(programmes: JsValue, lang_code: Option<String>) -> Result<JsValue, JsError> {
    let form = form(&programmes)?;
    to_js(&report::questions(&form, lang(lang_code)?))
}

/// `programmes(lang)`: the built-in programmes with their names and official links.
#[wasm_bindgen]
pub fn programmes(lang_code: Option<String>) -> Result<JsValue, JsError> {
    let lang = lang(lang_code)?;
    let reports: Vec<ProgrammeReport> = catalogue::programmes().iter().map(|p| ProgrammeReport::new(p, lang)).collect();
    to_js(&reports)
}

/// The engine's side of the ES module's `Session` (www/package/index.js), which turns
/// JS values into the typed calls below: numbers and indices cross, not objects. Also
/// behind the module's `evaluate`, which keeps one per list of programmes.
#[wasm_bindgen(js_name = Session)]
pub struct JsSession {
    session: Session<'static>,
    /// The benefits made lately (`benefit`), by programme, language and outlook: a
    /// visitor's answers give few, and writing their amounts anew was a sixth of an
    /// `evaluate`.
    benefits: Vec<(usize, Lang, BenefitOutlook, JsValue)>,
    /// The error of the last call that refused (`refusal`).
    refused: Option<JsValue>,
    /// Whether `took` returns the statuses known (`return_statuses`).
    statuses: bool,
}

/// What `status` and `verdict` return for a programme that is not in the session.
const REFUSED: u32 = u32::MAX;

/// 2^53: above it, not every whole number is a JS number.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_992.0;

/// 2^43 hundredths: below it, two numbers of hundredths are never the same JS number.
const MAX_CENTS: f64 = 8_796_093_022_208.0;

/// How many programmes' statuses the calls that change an answer return (`took`): two
/// bits each after the first, in 32.
const KNOWN: usize = 15;

/// How many benefits a session keeps made.
const BENEFITS_KEPT: usize = 16;

fn session_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

#[wasm_bindgen(js_class = Session)]
impl JsSession {
    /// For a programme id or an array of them, as `evaluate` takes them.
    #[wasm_bindgen(constructor)]
    pub fn new(
        programmes: JsValue,
        lang_code: Option<String>,
        today_text: Option<String>,
    ) -> Result<JsSession, JsError> {
        let form = form(&programmes)?;
        let (lang, today) = (lang(lang_code)?, day(today_text)?);
        Ok(JsSession { session: Session::new(form, lang, today), benefits: Vec::new(), refused: None, statuses: true })
    }

    /// Whether the calls that change an answer return the statuses they leave known
    /// (`took`): yes at first; `evaluate`'s sessions, which read whole verdicts after
    /// several answers, say no, and so look nothing up for answers in between.
    #[wasm_bindgen(js_name = returnStatuses)]
    pub fn return_statuses(&mut self, statuses: bool) {
        self.statuses = statuses;
    }

    /// The language of reports and the day their windows are read on (`evaluate`'s
    /// options). Returns whether every window's state on that day is final, when the
    /// module need not read the clock again to see the day change.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&mut self, lang_code: Option<String>, today_text: Option<String>) -> Result<bool, JsError> {
        let (lang, today) = (lang(lang_code)?, day(today_text)?);
        self.session.lang = lang;
        self.session.today = today;
        Ok(self.session.form().programmes.iter().all(|p| window_state(&p.window, today).is_final()))
    }

    /// The form's questions by index, each `[id, its options' ids by index, or null
    /// for a question that is not a choice]`: the module gives options by their index
    /// (`choose`).
    pub fn questions(&self) -> js_sys::Array {
        let question = |question: &crate::pack::Question| {
            let options = match &question.kind {
                QuestionKind::Choice(choices) => texts(choices.iter().map(|c| c.id.as_str())).into(),
                _ => JsValue::NULL,
            };
            js_sys::Array::of2(&JsValue::from_str(&question.id), &options)
        };
        self.session.form().questions().map(question).collect::<js_sys::Array>()
    }

    /// The index of a question; throws `evaluate`'s error for a question no programme reads.
    pub fn question(&self, id: &str) -> Result<usize, JsError> {
        self.session.question(id).map_err(session_error)
    }

    /// Chooses an option of a choice question by its index, as `setText` chooses it by
    /// its id. Returns 0 when refused, else the statuses it leaves known (`took`). Like
    /// every call that returns a value saying "refused", it keeps the error for
    /// `refusal`: a `Result` crosses as a new JS array, about 20 ns of the 40 to 70 that
    /// a call like this one takes.
    pub fn choose(&mut self, index: usize, option: usize) -> u32 {
        let taken = self.session.choose(index, option);
        self.took(taken)
    }

    #[wasm_bindgen(js_name = setBool)]
    pub fn set_bool(&mut self, index: usize, value: bool) -> u32 {
        let taken = self.session.set(index, &AnswerInput::Bool(value));
        self.took(taken)
    }

    /// A JS number that is a whole number of at most 2^53 (the module checks), read as
    /// the digits JS writes for it.
    #[wasm_bindgen(js_name = setInteger)]
    pub fn set_integer(&mut self, index: usize, value: f64) -> u32 {
        let taken = if value.fract() == 0.0 && value.abs() <= MAX_SAFE_INTEGER {
            // Exact: `value` is whole and within ±2^53, which an i64 holds.
            self.session.set_integer(index, value as i64)
        } else {
            // Not what the module sends.
            self.session.set(index, &answer_input(&JsValue::from_f64(value)))
        };
        self.took(taken)
    }

    /// A number of hundredths, a whole number of at most 2^43 in size (the module
    /// checks), for a JS number with at most two decimals, which JS writes as exactly
    /// that decimal: `15000.5` is 1500050 hundredths.
    #[wasm_bindgen(js_name = setCents)]
    pub fn set_cents(&mut self, index: usize, cents: f64) -> u32 {
        let taken = if cents.fract() == 0.0 && cents.abs() < MAX_CENTS {
            // Exact: `cents` is whole and within ±2^43, which an i64 holds.
            self.session.set_number(index, Decimal::new(cents as i64, 2))
        } else {
            // Not what the module sends.
            self.session.set(index, &answer_input(&JsValue::from_f64(cents / 100.0)))
        };
        self.took(taken)
    }

    /// Clears an answer, as `setValue` with `null` does.
    pub fn clear(&mut self, index: usize) -> u32 {
        let taken = self.session.clear(index);
        self.took(taken)
    }

    /// A number as JS writes it (`String(n)`), so that `15000.001` keeps its digits.
    #[wasm_bindgen(js_name = setNumber)]
    pub fn set_number(&mut self, index: usize, text: String) -> Result<(), JsError> {
        self.session.set(index, &AnswerInput::Number(text)).map_err(session_error)
    }

    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(&mut self, index: usize, text: String) -> Result<(), JsError> {
        self.session.set(index, &AnswerInput::text(&text)).map_err(session_error)
    }

    /// Any other JS value, read as `evaluate` reads it (most are refused); `null` clears.
    #[wasm_bindgen(js_name = setValue)]
    pub fn set_value(&mut self, index: usize, value: JsValue) -> Result<(), JsError> {
        self.session.set(index, &answer_input(&value)).map_err(session_error)
    }

    /// The error of the last call that said it refused (0, `REFUSED`, -1 or
    /// `undefined`: see `choose`), for the module to throw at once; given once. The
    /// calls that return a `Result` throw their own and leave it.
    pub fn refusal(&mut self) -> JsValue {
        self.refused.take().unwrap_or_else(|| JsError::new("nothing was refused").into())
    }

    /// What the calls that change an answer return: 0 when they refused it, else 1 plus,
    /// in two bits per programme from bit 1 for the first `KNOWN` programmes, its status
    /// when it is known without evaluating anything (`Session::known_status`), as
    /// `status`'s code plus one, or 0. A status read just after, most often remembered
    /// for the regions of the answers, then costs the module no second call (a fifth of
    /// a changed answer's time).
    fn took(&mut self, result: Result<(), SessionError>) -> u32 {
        if let Err(error) = result {
            self.refuse(error);
            return 0;
        }
        let mut taken = 1;
        let programmes = if self.statuses { self.session.form().programmes.len().min(KNOWN) } else { 0 };
        for programme in 0..programmes {
            if let Some(status) = self.session.known_status(programme) {
                taken |= (u32::from(status_code(status)) + 1) << (1 + 2 * programme);
            }
        }
        taken
    }

    pub fn reset(&mut self) {
        self.session.reset();
    }

    /// 0 eligible, 1 not eligible, 2 undetermined; `REFUSED` for no such programme.
    pub fn status(&mut self, programme: usize) -> u32 {
        let status = self.session.status(programme);
        status.map_or_else(|error| self.refuse(error), |status| u32::from(status_code(status)))
    }

    /// A programme's verdict in one number, which the module's `evaluate` unpacks
    /// (`verdict` in www/package/index.js), so that its report crosses as numbers:
    /// bits 0–1 the status (as `status`), bits 2–3 the window's state on the session's
    /// day (0 upcoming, 1 open, 2 closed, 3 unconfirmed), bit 4 a benefit to read with
    /// `benefit`, bit 5 answers "I don't know" to read with `dependsOn`, and from bit 8
    /// the form's index of the programme's next question plus one (0: none); `REFUSED`
    /// for no such programme. `benefit`, `dependsOn` and `criteria` are read after it,
    /// for a programme it took.
    pub fn verdict(&mut self, programme: usize) -> u32 {
        let today = self.session.today;
        let (outcome, next) = match self.session.outcome_and_next(programme) {
            Ok(found) => found,
            Err(error) => return self.refuse(error),
        };
        let window = match window_state(&outcome.verdict.programme.window, today) {
            WindowState::Upcoming => 0,
            WindowState::Open => 1,
            WindowState::Closed => 2,
            WindowState::Unconfirmed => 3,
        };
        let benefit = u32::from(outcome.benefit().is_some());
        let unknown = u32::from(!outcome.unknown.is_empty() || outcome.country == CountryOutcome::DoNotKnow);
        let next = next.and_then(|q| u32::try_from(q + 1).ok()).unwrap_or(0);
        u32::from(status_code(outcome.status())) | window << 2 | benefit << 4 | unknown << 5 | next << 8
    }

    /// Keeps `error` for `refusal`; `REFUSED`, for the calls that return a number.
    fn refuse(&mut self, error: SessionError) -> u32 {
        self.refused = Some(session_error(error).into());
        REFUSED
    }

    /// A programme's benefit as its report gives it, or `null`: an object made earlier
    /// for the same benefit, which the module copies; `undefined` for no such programme.
    pub fn benefit(&mut self, programme: usize) -> JsValue {
        let lang = self.session.lang;
        let outcome = match self.session.outcome(programme) {
            Ok(outcome) => outcome,
            Err(error) => {
                self.refuse(error);
                return JsValue::UNDEFINED;
            }
        };
        let Some(outlook) = outcome.benefit() else { return JsValue::NULL };
        let made = self.benefits.iter().find(|(p, l, o, _)| *p == programme && *l == lang && o == outlook);
        if let Some((.., object)) = made {
            return object.clone();
        }
        let benefit = report::benefit(outcome.verdict.programme, outlook, lang);
        let object = match to_js(&benefit) {
            Ok(object) => object,
            Err(error) => {
                self.refused = Some(error.into());
                return JsValue::UNDEFINED;
            }
        };
        if self.benefits.len() >= BENEFITS_KEPT {
            self.benefits.remove(0);
        }
        self.benefits.push((programme, lang, outlook.clone(), object.clone()));
        object
    }

    /// What a programme's verdict depends on, as its report's `depends_on`; `undefined`
    /// for no such programme.
    #[wasm_bindgen(js_name = dependsOn)]
    pub fn depends_on(&mut self, programme: usize) -> JsValue {
        match self.session.outcome(programme) {
            Ok(outcome) => texts(outcome.depends_on()).into(),
            Err(error) => {
                self.refuse(error);
                JsValue::UNDEFINED
            }
        }
    }

    /// The statuses of a programme's criteria in base-4 digits, the lowest first
    /// (0 met, 1 not met, 2 unknown, 3 not in the report), from criterion `from` on, 26
    /// at most: the country first (3 when the form did not ask it), then the pack's, in
    /// the order of `facts`; -1 for no such programme.
    pub fn criteria(&mut self, programme: usize, from: usize) -> f64 {
        let outcome = match self.session.outcome(programme) {
            Ok(outcome) => outcome,
            Err(error) => {
                self.refuse(error);
                return -1.0;
            }
        };
        let country = report::country_status(outcome.country);
        let statuses = std::iter::once(country).chain(outcome.verdict.criteria.iter().map(|c| Some(c.status)));
        let (mut digits, mut weight) = (0.0, 1.0);
        for status in statuses.skip(from).take(26) {
            let digit = match status {
                Some(CriterionStatus::Met) => 0.0,
                Some(CriterionStatus::NotMet) => 1.0,
                Some(CriterionStatus::Unknown) => 2.0,
                None => 3.0,
            };
            digits += digit * weight;
            weight *= 4.0;
        }
        digits
    }

    /// What would change a programme's verdict, as the report's `changes`.
    pub fn changes(&mut self, programme: usize) -> Result<JsValue, JsError> {
        let lang = self.session.lang;
        to_js(&report::changes(self.session.outcome(programme).map_err(session_error)?, lang))
    }

    /// What a programme's report says whatever the answers, in the session's
    /// language: `[programme id, window opens, window closes, pack version, pack hash,
    /// before applying, criteria]`, the dates `null` when unset, before applying as an
    /// eligible visitor's report gives it, and per criterion, the country first, `[id,
    /// explanation when met, when not met, when unknown]`.
    pub fn facts(&self, programme: usize) -> Result<js_sys::Array, JsError> {
        let (p, lang) = (self.programme(programme)?, self.session.lang);
        let date = |d: Option<Date>| d.map_or(JsValue::NULL, |d| JsValue::from_str(&d.to_string()));
        let country = [CriterionStatus::Met, CriterionStatus::NotMet, CriterionStatus::Unknown]
            .map(|status| report::country_explanation(p, status, lang));
        let [met, not_met, unknown] = &country;
        let country = texts([COUNTRY, met.as_str(), not_met.as_str(), unknown.as_str()]);
        let criteria = p
            .criteria
            .iter()
            .map(|c| texts([c.id.as_str(), c.met.get(lang), c.not_met.get(lang), c.unknown.get(lang)]));
        let facts = [
            JsValue::from_str(&p.id),
            date(p.window.opens),
            date(p.window.closes),
            JsValue::from_str(&p.version),
            JsValue::from_str(&p.hash),
            to_js(&report::before_applying(p, lang))?,
            std::iter::once(country).chain(criteria).collect::<js_sys::Array>().into(),
        ];
        Ok(facts.iter().collect())
    }

    fn programme(&self, programme: usize) -> Result<&'static Programme, JsError> {
        let programmes = &self.session.form().programmes;
        programmes.get(programme).copied().ok_or_else(|| session_error(SessionError::NoProgramme(programme)))
    }

    /// The index of the form's next question, or -1 when no answer can change anything.
    #[wasm_bindgen(js_name = nextQuestion)]
    pub fn next_question(&mut self) -> i32 {
        self.session.next_question().and_then(|q| i32::try_from(q).ok()).unwrap_or(-1)
    }
}

fn status_code(status: Status) -> u8 {
    match status {
        Status::Eligible => 0,
        Status::NotEligible => 1,
        Status::Undetermined => 2,
    }
}

/// Texts as JS strings.
fn texts<'t>(texts: impl IntoIterator<Item = &'t str>) -> js_sys::Array {
    texts.into_iter().map(JsValue::from_str).collect()
}

/// A JavaScript value as an answer. Numbers keep their shortest exact decimal form,
/// so `15000.001` stays more than 15000.
fn answer_input(value: &JsValue) -> AnswerInput {
    if value.is_undefined() || value.is_null() {
        AnswerInput::Missing
    } else if let Some(b) = value.as_bool() {
        AnswerInput::Bool(b)
    } else if let Some(n) = value.as_f64() {
        let text = js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default();
        if n.is_finite() {
            AnswerInput::Number(text)
        } else {
            AnswerInput::Other(text)
        }
    } else if let Some(s) = value.as_string() {
        AnswerInput::text(&s)
    } else if js_sys::Array::is_array(value) {
        AnswerInput::Other("a list".into())
    } else {
        AnswerInput::Other("an object".into())
    }
}
