//! The JavaScript face of the crate: the functions of the ES module and the class
//! behind `<eligibility-widget>`. The only module that knows JavaScript values.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::answer::{AnswerInput, Answers};
use crate::engine;
use crate::i18n::Lang;
use crate::catalogue;
use crate::report::{self, EvaluationReport, ProgrammeReport};
use crate::widget::dom;

fn lang(lang: Option<String>) -> Result<Lang, JsError> {
    lang.map_or(Ok(Lang::Fr), |l| l.parse().map_err(|e| JsError::new(&format!("{e}"))))
}

/// A report as a plain JS object; `None` becomes `null`, as in the CLI's JSON.
pub(crate) fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// A JavaScript value as an answer. Numbers keep their shortest exact decimal form,
/// so `15000.001` stays more than 15000.
fn answer_input(value: &JsValue) -> AnswerInput {
    if value.is_undefined() || value.is_null() {
        AnswerInput::Missing
    } else if let Some(b) = value.as_bool() {
        AnswerInput::Bool(b)
    } else if let Some(n) = value.as_f64() {
        if n.is_finite() {
            let text = js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default();
            AnswerInput::Number(text)
        } else {
            AnswerInput::Other(js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default())
        }
    } else if let Some(s) = value.as_string() {
        AnswerInput::Text(s)
    } else if js_sys::Array::is_array(value) {
        AnswerInput::Other("a list".into())
    } else {
        AnswerInput::Other("an object".into())
    }
}

/// `evaluate(programme, answers, lang)`: the same object `eligibility eval` prints.
/// Throws an `Error` whose message names the question and what was expected.
#[wasm_bindgen]
pub fn evaluate(programme: &str, answers: JsValue, lang_code: Option<String>) -> Result<JsValue, JsError> {
    let programme = catalogue::programme(programme).map_err(|e| JsError::new(&e.to_string()))?;
    let lang = lang(lang_code)?;
    // `is_object`, not `instanceof Object`: objects without a prototype are fine too.
    if !answers.is_object() || js_sys::Array::is_array(&answers) {
        return Err(JsError::new("answers must be an object: question id → value"));
    }
    let object: js_sys::Object = answers.unchecked_into();
    let entries: Vec<(String, AnswerInput)> = js_sys::Object::entries(&object)
        .iter()
        .filter_map(|entry| {
            let pair = entry.dyn_into::<js_sys::Array>().ok()?;
            Some((pair.get(0).as_string()?, answer_input(&pair.get(1))))
        })
        .collect();
    let answers = Answers::from_inputs(programme, entries.iter().map(|(q, a)| (q.as_str(), a.clone())))
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&EvaluationReport::new(&engine::evaluate(programme, &answers), lang))
}

/// `questions(programme, lang)`: the same list `eligibility questions --json` prints.
#[wasm_bindgen]
pub fn questions(programme: &str, lang_code: Option<String>) -> Result<JsValue, JsError> {
    let programme = catalogue::programme(programme).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&report::questions(programme, lang(lang_code)?))
}

/// `programmes(lang)`: the built-in programmes with their names and official links.
#[wasm_bindgen]
pub fn programmes(lang_code: Option<String>) -> Result<JsValue, JsError> {
    let lang = lang(lang_code)?;
    let reports: Vec<ProgrammeReport> = catalogue::programmes().iter().map(|p| ProgrammeReport::new(p, lang)).collect();
    to_js(&reports)
}

/// The Rust side of one `<eligibility-widget>` element.
#[wasm_bindgen]
pub struct Widget {
    mounted: Rc<RefCell<dom::Mounted>>,
}

#[wasm_bindgen]
impl Widget {
    /// Draws the widget into the element's shadow root.
    #[wasm_bindgen(constructor)]
    pub fn new(host: web_sys::HtmlElement) -> Result<Widget, JsValue> {
        Ok(Widget { mounted: dom::mount(host)? })
    }

    /// Called when the element's `programme` or `lang` attribute changes.
    pub fn refresh(&self) -> Result<(), JsValue> {
        dom::refresh(&self.mounted)
    }
}
