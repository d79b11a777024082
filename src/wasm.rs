//! The JavaScript face of the crate: the functions of the ES module and the class
//! behind `<eligibility-widget>`. The only module that knows the JS API's shapes.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::catalogue;
use crate::form::Form;
use crate::i18n::Lang;
use crate::js::{answer_input, report_to_js, to_js, today, Makers};
use crate::pack::Date;
use crate::report::{self, ProgrammeReport};
use crate::session::Session;
use crate::widget::dom;
use crate::widget::state::Kept;

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

/// The module's builders of report objects (see `js::report_to_js`), given once it started.
#[wasm_bindgen(js_name = useMakers)]
pub fn use_makers(makers: Makers) {
    crate::js::use_makers(makers);
}

/// The engine's side of the ES module's `Session` (www/package/index.js), which turns
/// JS values into the typed calls below: numbers and indices cross, not objects. Also
/// behind the module's `evaluate`, which keeps one per list of programmes.
#[wasm_bindgen(js_name = Session)]
pub struct JsSession {
    session: Session<'static>,
}

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
        Ok(JsSession { session: Session::new(form, lang, today) })
    }

    /// The language of reports and the day their windows are read on (`evaluate`'s options).
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&mut self, lang_code: Option<String>, today_text: Option<String>) -> Result<(), JsError> {
        self.session.lang = lang(lang_code)?;
        self.session.today = day(today_text)?;
        Ok(())
    }

    /// The form's question ids, by index.
    #[wasm_bindgen(js_name = questionIds)]
    pub fn question_ids(&self) -> js_sys::Array {
        self.session.form().questions().map(|q| JsValue::from_str(&q.id)).collect()
    }

    /// The index of a question; throws `evaluate`'s error for a question no programme reads.
    pub fn question(&self, id: &str) -> Result<usize, JsError> {
        self.session.question(id).map_err(session_error)
    }

    #[wasm_bindgen(js_name = setBool)]
    pub fn set_bool(&mut self, index: usize, value: bool) -> Result<(), JsError> {
        self.session.set(index, &crate::answer::AnswerInput::Bool(value)).map_err(session_error)
    }

    /// A JS number that is a whole number of at most 2^53 (the module checks), read as
    /// the digits JS writes for it.
    #[wasm_bindgen(js_name = setInteger)]
    pub fn set_integer(&mut self, index: usize, value: f64) -> Result<(), JsError> {
        // Exact: `value` is whole and within ±2^53, which an i64 holds.
        self.session.set_integer(index, value as i64).map_err(session_error)
    }

    /// A number as JS writes it (`String(n)`), so that `15000.001` keeps its digits.
    #[wasm_bindgen(js_name = setNumber)]
    pub fn set_number(&mut self, index: usize, text: String) -> Result<(), JsError> {
        self.session.set(index, &crate::answer::AnswerInput::Number(text)).map_err(session_error)
    }

    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(&mut self, index: usize, text: String) -> Result<(), JsError> {
        self.session.set(index, &crate::answer::AnswerInput::text(&text)).map_err(session_error)
    }

    /// Any other JS value, read as `evaluate` reads it (most are refused); `null` clears.
    #[wasm_bindgen(js_name = setValue)]
    pub fn set_value(&mut self, index: usize, value: JsValue) -> Result<(), JsError> {
        self.session.set(index, &answer_input(&value)).map_err(session_error)
    }

    pub fn reset(&mut self) {
        self.session.reset();
    }

    /// 0 eligible, 1 not eligible, 2 undetermined.
    pub fn status(&mut self, programme: usize) -> Result<u8, JsError> {
        Ok(match self.session.status(programme).map_err(session_error)? {
            crate::engine::Status::Eligible => 0,
            crate::engine::Status::NotEligible => 1,
            crate::engine::Status::Undetermined => 2,
        })
    }

    /// The index of the form's next question, or -1 when no answer can change anything.
    #[wasm_bindgen(js_name = nextQuestion)]
    pub fn next_question(&mut self) -> i32 {
        self.session.next_question().and_then(|q| i32::try_from(q).ok()).unwrap_or(-1)
    }

    pub fn report(&mut self, programme: usize) -> Result<JsValue, JsError> {
        report_to_js(&self.session.report(programme).map_err(session_error)?)
    }

    pub fn reports(&mut self) -> Result<js_sys::Array, JsError> {
        self.session.reports().iter().map(report_to_js).collect::<Result<_, _>>()
    }
}

/// The Rust side of one `<eligibility-widget>` element.
#[wasm_bindgen]
pub struct Widget {
    handle: dom::Handle,
}

#[wasm_bindgen]
impl Widget {
    /// Draws the widget into the element's shadow root, with the answers `kept` from a
    /// widget freed earlier (`keep()`), if any.
    #[wasm_bindgen(constructor)]
    pub fn new(host: web_sys::HtmlElement, kept: JsValue) -> Result<Widget, JsValue> {
        Ok(Widget { handle: dom::mount(host, &kept_from_js(&kept))? })
    }

    /// Called when the element's `programme` or `lang` attribute changes.
    pub fn refresh(&self) -> Result<(), JsValue> {
        self.handle.refresh()
    }

    /// What the visitor answered, as `[question id, typed or chosen text, chosen
    /// reading or null]` lists: what the element keeps when it leaves the page and frees
    /// this widget, to give to the next.
    pub fn keep(&self) -> Result<js_sys::Array, JsValue> {
        let kept = self.handle.kept()?;
        Ok(kept
            .iter()
            .map(|k| {
                let chosen = k.chosen.map_or(JsValue::NULL, |c| JsValue::from_str(&c.to_string()));
                js_sys::Array::of3(&JsValue::from_str(&k.id), &JsValue::from_str(&k.raw), &chosen)
            })
            .collect())
    }
}

/// The lists `keep()` made; anything else is nothing kept.
fn kept_from_js(kept: &JsValue) -> Vec<Kept> {
    if !js_sys::Array::is_array(kept) {
        return Vec::new();
    }
    let list: &js_sys::Array = kept.unchecked_ref();
    list.iter()
        .filter_map(|item| {
            let item: js_sys::Array = item.dyn_into().ok()?;
            let chosen = item.get(2).as_string().and_then(|c| crate::money::read_decimal(&c).ok());
            Some(Kept { id: item.get(0).as_string()?, raw: item.get(1).as_string()?, chosen })
        })
        .collect()
}
