//! The JavaScript face of the crate: the functions of the ES module and the class
//! behind `<eligibility-widget>`. The only module that knows the JS API's shapes.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::catalogue;
use crate::form::Form;
use crate::i18n::Lang;
use crate::js::{answer_input, to_js, today};
use crate::pack::Date;
use crate::report::{self, EvaluationReport, ProgrammeReport};
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

thread_local! {
    /// The forms built lately, by their programme ids: a page asks about the same
    /// programmes again and again, and building a form is an eighth of an `evaluate`.
    static FORMS: RefCell<Vec<(Vec<String>, Rc<Form<'static>>)>> = const { RefCell::new(Vec::new()) };
}

/// How many forms `FORMS` keeps: one per list of programmes a page uses, in practice.
const FORMS_KEPT: usize = 8;

/// A programme id, or an array of them, as a form.
/// With whether an array was given: then results are an array, whatever its length.
fn form(programmes: &JsValue) -> Result<(Rc<Form<'static>>, bool), JsError> {
    let several = js_sys::Array::is_array(programmes);
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
    let kept = FORMS.with(|forms| {
        forms.try_borrow().ok().and_then(|forms| forms.iter().find(|(key, _)| *key == ids).map(|(_, f)| f.clone()))
    });
    if let Some(form) = kept {
        return Ok((form, several));
    }
    let programmes = ids
        .iter()
        .map(|id| catalogue::programme(id))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| JsError::new(&e.to_string()))?;
    let form = Rc::new(Form::new(programmes));
    FORMS.with(|forms| {
        if let Ok(mut forms) = forms.try_borrow_mut() {
            if forms.len() >= FORMS_KEPT {
                forms.remove(0);
            }
            forms.push((ids, form.clone()));
        }
    });
    Ok((form, several))
}

/// `evaluate(programme or [programmes], answers, lang, today)`: the object
/// `eligibility eval` prints, or for an array of programmes the array. Throws an
/// `Error` whose message names the question and what was expected.
#[wasm_bindgen]
pub fn evaluate(
    programmes: JsValue,
    answers: JsValue,
    lang_code: Option<String>,
    today_text: Option<String>,
) -> Result<JsValue, JsError> {
    let (form, several) = form(&programmes)?;
    let lang = lang(lang_code)?;
    let today = day(today_text)?;
    let answers = read_answers(&form, &answers)?;
    let reports: Vec<EvaluationReport> =
        form.evaluate(&answers).iter().map(|o| EvaluationReport::new(o, lang, today)).collect();
    match (several, reports.first()) {
        (false, Some(report)) => to_js(report),
        _ => to_js(&reports),
    }
}

/// `nextQuestion(programme or [programmes], answers)`: the id of the question the form
/// asks next, or `null` when no answer can change anything.
#[wasm_bindgen(js_name = nextQuestion)]
pub fn next_question(programmes: JsValue, answers: JsValue) -> Result<JsValue, JsError> {
    let (form, _) = form(&programmes)?;
    let answers = read_answers(&form, &answers)?;
    let outcomes = form.evaluate(&answers);
    let next = form.next_question(&answers, &outcomes).and_then(|q| form.question(q));
    // `null`, as in the reports, rather than the `undefined` of a missing value.
    Ok(next.map_or(JsValue::NULL, |q| JsValue::from_str(&q.id)))
}

fn read_answers(form: &Form<'_>, answers: &JsValue) -> Result<crate::form::FormAnswers, JsError> {
    // `is_object`, not `instanceof Object`: objects without a prototype are fine too.
    if !answers.is_object() || js_sys::Array::is_array(answers) {
        return Err(JsError::new("answers must be an object: question id → value"));
    }
    let object: &js_sys::Object = answers.unchecked_ref();
    let entries: Vec<(String, crate::answer::AnswerInput)> = js_sys::Object::entries(object)
        .iter()
        .filter_map(|entry| {
            let pair = entry.dyn_into::<js_sys::Array>().ok()?;
            Some((pair.get(0).as_string()?, answer_input(&pair.get(1))))
        })
        .collect();
    form.answers(entries.iter().map(|(q, a)| (q.as_str(), a.clone()))).map_err(|e| JsError::new(&e.to_string()))
}

/// `questions(programme or [programmes], lang)`: the list `eligibility questions --json` prints.
#[wasm_bindgen]
pub fn questions(programmes: JsValue, lang_code: Option<String>) -> Result<JsValue, JsError> {
    let (form, _) = form(&programmes)?;
    to_js(&report::questions(&form, lang(lang_code)?))
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
