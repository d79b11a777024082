//! A report as the `eligibility-result` event's detail: the plain object that the JS
//! API's `js::to_js` makes of its derived `Serialize` (the CLI's JSON, `None` as
//! `null`), written here field by field. Through serde, each field's type brought its
//! own methods of the serializer, and the serializer itself: 2.5 KB gzipped of the
//! element's .wasm for this one use. tests/web.rs compares the detail's JSON with
//! serde_json's on the reports of every shipped programme.

use js_sys::{Array, Object};
use wasm_bindgen::{JsError, JsValue};

use crate::js::{self, set};
use crate::report::{
    BenefitReport, Bound, ChangeAnswer, ChangeReport, CriterionReport, DocumentReport, EvaluationReport,
};

/// The detail of an `eligibility-result` event; refused as `js::to_js` refuses it (a
/// whole number beyond what a JS number holds exactly).
pub fn detail(report: &EvaluationReport) -> Result<JsValue, JsValue> {
    let object = Object::new();
    put(&object, "programme", report.programme);
    put(&object, "status", report.status);
    let amount = report.amount.as_ref().map(|amount| {
        let object = Object::new();
        put(&object, "currency", amount.currency);
        put(&object, "min", &amount.min);
        put_optional(&object, "max", amount.max.as_deref());
        object.into()
    });
    put_value(&object, "amount", amount.unwrap_or(JsValue::NULL));
    put_value(&object, "benefit", benefit(report.benefit.as_ref()));
    put_optional(&object, "next_question", report.next_question);
    put_value(&object, "depends_on", texts(&report.depends_on));
    let window = Object::new();
    put_optional(&window, "opens", report.window.opens.as_deref());
    put_optional(&window, "closes", report.window.closes.as_deref());
    put(&window, "state", report.window.state);
    put_value(&object, "window", window.into());
    let criteria = Array::new();
    for criterion in &report.criteria {
        criteria.push(&criterion_detail(criterion));
    }
    put_value(&object, "criteria", criteria.into());
    let changes = Array::new();
    for change in &report.changes {
        changes.push(&change_detail(change)?);
    }
    put_value(&object, "changes", changes.into());
    let documents = Array::new();
    for document in &report.before_applying {
        documents.push(&document_detail(document));
    }
    put_value(&object, "before_applying", documents.into());
    let pack = Object::new();
    put(&pack, "version", report.pack.version);
    put(&pack, "hash", report.pack.hash);
    put_value(&object, "pack", pack.into());
    Ok(object.into())
}

/// `object[key] = value` for a text: `put_optional`'s call, whose arguments a text's
/// are, rather than a function of its own (19 B gzipped).
#[inline(always)]
fn put(object: &Object, key: &'static str, value: &str) {
    put_optional(object, key, Some(value));
}

/// `object[key] = value`, the value released here rather than at each call.
#[inline(never)]
fn put_value(object: &Object, key: &'static str, value: JsValue) {
    set(object, key, &value);
}

/// The same for a text that may be `null`.
#[inline(never)]
fn put_optional(object: &Object, key: &'static str, value: Option<&str>) {
    set(object, key, &optional(value));
}

fn text(value: &str) -> JsValue {
    JsValue::from_str(value)
}

fn optional(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, text)
}

fn texts(values: &[&str]) -> JsValue {
    let list = Array::new();
    for value in values {
        list.push(&text(value));
    }
    list.into()
}

fn criterion_detail(criterion: &CriterionReport) -> JsValue {
    let object = Object::new();
    put(&object, "id", criterion.id);
    put(&object, "status", criterion.status);
    put(&object, "explanation", &criterion.explanation);
    object.into()
}

/// Internally tagged, as the derived `Serialize` writes it: `kind` first.
fn benefit(benefit: Option<&BenefitReport>) -> JsValue {
    let Some(benefit) = benefit else { return JsValue::NULL };
    let object = Object::new();
    match benefit {
        BenefitReport::Money { currency, min, max, operator_decides } => {
            put(&object, "kind", "money");
            put(&object, "currency", currency);
            put(&object, "min", min);
            put_optional(&object, "max", max.as_deref());
            put_value(&object, "operator_decides", JsValue::from_bool(*operator_decides));
        }
        BenefitReport::Place { what, starts } => {
            put(&object, "kind", "place");
            put(&object, "what", what);
            put_value(&object, "starts", texts(starts));
        }
    }
    object.into()
}

/// The fields that are `None` are left out, as `skip_serializing_if` leaves them.
fn change_detail(change: &ChangeReport) -> Result<JsValue, JsValue> {
    let object = Object::new();
    put(&object, "question", change.question);
    match &change.answer {
        Some(ChangeAnswer::YesNo(yes)) => put_value(&object, "answer", JsValue::from_bool(*yes)),
        Some(ChangeAnswer::Option(id)) => put_value(&object, "answer", text(id)),
        None => {}
    }
    let bounds = [
        ("at_least", &change.at_least),
        ("more_than", &change.more_than),
        ("at_most", &change.at_most),
        ("less_than", &change.less_than),
    ];
    // Walked by reference: an array walked by value brings its own iterator.
    for &(key, bound) in &bounds {
        if let Some(bound) = bound {
            let value = match bound {
                Bound::Integer(number) => js::whole(*number).map_err(|why| JsError::new(&why))?,
                Bound::Money(amount) => text(amount),
            };
            put_value(&object, key, value);
        }
    }
    put(&object, "status", change.status);
    put_value(&object, "benefit", benefit(change.benefit.as_ref()));
    put(&object, "explanation", &change.explanation);
    Ok(object.into())
}

fn document_detail(document: &DocumentReport) -> JsValue {
    let object = Object::new();
    put(&object, "criterion", document.criterion);
    put(&object, "text", document.text);
    let source = Object::new();
    put(&source, "title", document.source.title);
    put(&source, "publisher", document.source.publisher);
    put(&source, "date", document.source.date);
    put_optional(&source, "url", document.source.url);
    put_value(&object, "source", source.into());
    object.into()
}
