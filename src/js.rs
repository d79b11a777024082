//! JavaScript values, in the browser: reports as plain objects, answers from JS
//! values, the visitor's day. Below both the JS API (`wasm`) and the widget's DOM
//! layer, which use it; it knows nothing of either.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::answer::AnswerInput;
use crate::pack::Date;
use crate::report::{BenefitReport, EvaluationReport};

/// A report as a plain JS object; `None` becomes `null`, as in the CLI's JSON.
pub fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen]
extern "C" {
    /// The builders of a report's objects, from www/package/index.js (`useMakers`):
    /// one call per object with its fields in order, where serde-wasm-bindgen crosses
    /// once per field.
    pub type Makers;
    #[wasm_bindgen(method)]
    #[allow(clippy::too_many_arguments)]
    fn report(
        this: &Makers,
        programme: &JsValue,
        status: &JsValue,
        amount: &JsValue,
        benefit: &JsValue,
        next_question: &JsValue,
        depends_on: &js_sys::Array,
        opens: &JsValue,
        closes: &JsValue,
        state: &JsValue,
        criteria: &js_sys::Array,
        changes: &JsValue,
        before_applying: &JsValue,
        version: &JsValue,
        hash: &JsValue,
    ) -> JsValue;
    #[wasm_bindgen(method)]
    fn amount(this: &Makers, currency: &JsValue, min: &JsValue, max: &JsValue) -> JsValue;
    #[wasm_bindgen(method)]
    fn money(this: &Makers, currency: &JsValue, min: &JsValue, max: &JsValue, operator_decides: bool) -> JsValue;
    #[wasm_bindgen(method)]
    fn place(this: &Makers, what: &JsValue, starts: &js_sys::Array) -> JsValue;
    #[wasm_bindgen(method)]
    fn criterion(this: &Makers, criteria: &js_sys::Array, id: &JsValue, status: &JsValue, explanation: &JsValue);
}

thread_local! {
    static MAKERS: RefCell<Option<Makers>> = const { RefCell::new(None) };
    /// JS strings already made, by their text: a report's texts are the packs' own,
    /// the same on every call, and decoding them anew was a fifth of an `evaluate`.
    /// A slot per hash of the text (a new text takes the slot of an older one with the
    /// same hash): a look-up costs a hash of a few bytes and one comparison, where a
    /// sorted map's comparisons were a sixth of an `evaluate`.
    static TEXTS: RefCell<Vec<KeptText>> = const { RefCell::new(Vec::new()) };
}

/// A text and its JS string, in its slot of `TEXTS`.
type KeptText = Option<(Box<str>, JsValue)>;

/// How many texts `TEXTS` holds at most.
const TEXT_SLOTS: usize = 1024;

pub fn use_makers(makers: Makers) {
    MAKERS.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            *m = Some(makers);
        }
    });
}

/// A hash of a text's length and of its first and last eight bytes: enough to tell apart
/// the texts of a report, and cheap for long ones.
fn slot(text: &str) -> usize {
    let bytes = text.as_bytes();
    let word = |at: usize| {
        let mut word = [0u8; 8];
        for (w, b) in word.iter_mut().zip(bytes.get(at..).unwrap_or_default()) {
            *w = *b;
        }
        u64::from_le_bytes(word)
    };
    let (first, last) = (word(0), word(bytes.len().saturating_sub(8)));
    let hash = (first ^ last.rotate_left(29) ^ bytes.len() as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    usize::try_from(hash >> 54).unwrap_or(0) % TEXT_SLOTS
}

fn text(text: &str) -> JsValue {
    TEXTS.with(|texts| {
        let Ok(mut texts) = texts.try_borrow_mut() else { return JsValue::from_str(text) };
        if texts.is_empty() {
            texts.resize_with(TEXT_SLOTS, || None);
        }
        let Some(entry) = texts.get_mut(slot(text)) else { return JsValue::from_str(text) };
        match entry {
            Some((kept, value)) if **kept == *text => value.clone(),
            _ => {
                let value = JsValue::from_str(text);
                *entry = Some((text.into(), value.clone()));
                value
            }
        }
    })
}

fn optional(value: Option<&String>) -> JsValue {
    value.map_or(JsValue::NULL, |v| text(v))
}

/// A report as `to_js` makes it, field for field, built by the module's makers when it
/// gave them (else by `to_js`). tests/e2e/api.test.mjs compares this object with the
/// CLI's JSON of the same report, for every scenario.
pub fn report_to_js(report: &EvaluationReport) -> Result<JsValue, JsError> {
    MAKERS.with(|makers| {
        let Ok(makers) = makers.try_borrow() else { return to_js(report) };
        let Some(m) = makers.as_ref() else { return to_js(report) };
        // Destructured, so that a field added to the report stops the build here.
        let EvaluationReport {
            programme,
            status,
            amount,
            benefit,
            next_question,
            depends_on,
            window,
            criteria,
            changes,
            before_applying,
            pack,
        } = report;
        let amount = match amount {
            Some(a) => m.amount(&text(&a.currency), &text(&a.min), &optional(a.max.as_ref())),
            None => JsValue::NULL,
        };
        let benefit = match benefit {
            Some(BenefitReport::Money { currency, min, max, operator_decides }) => {
                m.money(&text(currency), &text(min), &optional(max.as_ref()), *operator_decides)
            }
            Some(BenefitReport::Place { what, starts }) => {
                m.place(&text(what), &starts.iter().map(|s| text(s)).collect())
            }
            None => JsValue::NULL,
        };
        let list = js_sys::Array::new();
        for c in criteria {
            m.criterion(&list, &text(&c.id), &text(c.status), &text(&c.explanation));
        }
        // Changes and documents come only with a settled verdict: serde serves them.
        Ok(m.report(
            &text(programme),
            &text(status),
            &amount,
            &benefit,
            &optional(next_question.as_ref()),
            &depends_on.iter().map(|id| text(id)).collect(),
            &optional(window.opens.as_ref()),
            &optional(window.closes.as_ref()),
            &text(window.state),
            &list,
            &to_js(changes)?,
            &to_js(before_applying)?,
            &text(&pack.version),
            &text(&pack.hash),
        ))
    })
}

/// A JavaScript value as an answer. Numbers keep their shortest exact decimal form,
/// so `15000.001` stays more than 15000.
pub fn answer_input(value: &JsValue) -> AnswerInput {
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

/// The visitor's day, by their own clock and time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    let parsed = (u16::try_from(year).ok(), u8::try_from(month).ok(), u8::try_from(day).ok());
    match parsed {
        (Some(year), Some(month), Some(day)) => Date { year, month, day },
        // A clock outside the years 0 to 65535: no window can be open then anyway.
        _ => Date { year: 9999, month: 12, day: 31 },
    }
}
