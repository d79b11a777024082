//! A report as the `eligibility-result` event's detail: the plain object that
//! `js::to_js` makes of its derived `Serialize` (the CLI's JSON, `None` as `null`),
//! written here field by field. Through serde, each field's type brought its own
//! methods of the serializer: 2.3 KB gzipped of the element's .wasm for this one use.
//! tests/web.rs compares the two on the reports of every shipped programme.

use js_sys::{Array, Object};
use wasm_bindgen::JsValue;

use crate::js::{self, set};
use crate::report::{BenefitReport, ChangeAnswer, ChangeReport, CriterionReport, DocumentReport, EvaluationReport};

/// The detail of an `eligibility-result` event; refused as `js::to_js` refuses it (a
/// whole number beyond what a JS number holds exactly).
pub fn detail(report: &EvaluationReport) -> Result<JsValue, JsValue> {
    let object = Object::new();
    set(&object, "programme", &text(&report.programme));
    set(&object, "status", &text(report.status));
    let amount = report.amount.as_ref().map(|amount| {
        let object = Object::new();
        set(&object, "currency", &text(&amount.currency));
        set(&object, "min", &text(&amount.min));
        set(&object, "max", &optional(amount.max.as_deref()));
        object.into()
    });
    set(&object, "amount", &amount.unwrap_or(JsValue::NULL));
    set(&object, "benefit", &benefit(report.benefit.as_ref()));
    set(&object, "next_question", &optional(report.next_question.as_deref()));
    set(&object, "depends_on", &texts(&report.depends_on));
    let window = Object::new();
    set(&window, "opens", &optional(report.window.opens.as_deref()));
    set(&window, "closes", &optional(report.window.closes.as_deref()));
    set(&window, "state", &text(report.window.state));
    set(&object, "window", &window);
    let criteria = Array::new();
    for criterion in &report.criteria {
        criteria.push(&criterion_detail(criterion));
    }
    set(&object, "criteria", &criteria);
    let changes = Array::new();
    for change in &report.changes {
        changes.push(&change_detail(change)?);
    }
    set(&object, "changes", &changes);
    let documents = Array::new();
    for document in &report.before_applying {
        documents.push(&document_detail(document));
    }
    set(&object, "before_applying", &documents);
    let pack = Object::new();
    set(&pack, "version", &text(&report.pack.version));
    set(&pack, "hash", &text(&report.pack.hash));
    set(&object, "pack", &pack);
    Ok(object.into())
}

fn text(value: &str) -> JsValue {
    JsValue::from_str(value)
}

fn optional(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, text)
}

fn texts(values: &[String]) -> JsValue {
    let list = Array::new();
    for value in values {
        list.push(&text(value));
    }
    list.into()
}

fn criterion_detail(criterion: &CriterionReport) -> JsValue {
    let object = Object::new();
    set(&object, "id", &text(&criterion.id));
    set(&object, "status", &text(criterion.status));
    set(&object, "explanation", &text(&criterion.explanation));
    object.into()
}

/// Internally tagged, as the derived `Serialize` writes it: `kind` first.
fn benefit(benefit: Option<&BenefitReport>) -> JsValue {
    let Some(benefit) = benefit else { return JsValue::NULL };
    let object = Object::new();
    match benefit {
        BenefitReport::Money { currency, min, max, operator_decides } => {
            set(&object, "kind", &text("money"));
            set(&object, "currency", &text(currency));
            set(&object, "min", &text(min));
            set(&object, "max", &optional(max.as_deref()));
            set(&object, "operator_decides", &JsValue::from_bool(*operator_decides));
        }
        BenefitReport::Place { what, starts } => {
            set(&object, "kind", &text("place"));
            set(&object, "what", &text(what));
            set(&object, "starts", &texts(starts));
        }
    }
    object.into()
}

/// The fields that are `None` are left out, as `skip_serializing_if` leaves them.
fn change_detail(change: &ChangeReport) -> Result<JsValue, JsValue> {
    let object = Object::new();
    set(&object, "question", &text(&change.question));
    match &change.answer {
        Some(ChangeAnswer::YesNo(yes)) => set(&object, "answer", &JsValue::from_bool(*yes)),
        Some(ChangeAnswer::Option(id)) => set(&object, "answer", &text(id)),
        None => {}
    }
    let bounds = [
        ("at_least", &change.at_least),
        ("more_than", &change.more_than),
        ("at_most", &change.at_most),
        ("less_than", &change.less_than),
    ];
    for (key, bound) in bounds {
        if let Some(bound) = bound {
            set(&object, key, &js::to_js(bound)?);
        }
    }
    set(&object, "status", &text(change.status));
    set(&object, "benefit", &benefit(change.benefit.as_ref()));
    set(&object, "explanation", &text(&change.explanation));
    Ok(object.into())
}

fn document_detail(document: &DocumentReport) -> JsValue {
    let object = Object::new();
    set(&object, "criterion", &text(&document.criterion));
    set(&object, "text", &text(&document.text));
    let source = Object::new();
    set(&source, "title", &text(&document.source.title));
    set(&source, "publisher", &text(&document.source.publisher));
    set(&source, "date", &text(&document.source.date));
    set(&source, "url", &optional(document.source.url.as_deref()));
    set(&object, "source", &source);
    object.into()
}
