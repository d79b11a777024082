//! Making elements: one place for the calls to web-sys that create and change nodes,
//! each failure returned.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// Creates elements in one document.
#[derive(Clone)]
pub struct Maker {
    pub document: Document,
}

impl Maker {
    /// An element from `spec`, its tag and fixed attributes in one literal, each after a
    /// `|`: `name=value`, or `name` alone for an empty value (`"p|class=note|hidden"`);
    /// then the `attributes` that vary. One string per element is lighter than the code
    /// that writes each pair (BENCHMARKS.md, "The fifth cut").
    pub fn element(&self, spec: &str, attributes: &[(&str, &str)], text: Option<&str>) -> Result<Element, JsValue> {
        let mut fixed = spec.split('|');
        let element = self.document.create_element(fixed.next().unwrap_or_default())?;
        for attribute in fixed {
            let (name, value) = attribute.split_once('=').unwrap_or((attribute, ""));
            element.set_attribute(name, value)?;
        }
        for (name, value) in attributes {
            element.set_attribute(name, value)?;
        }
        if let Some(text) = text {
            element.set_text_content(Some(text));
        }
        Ok(element)
    }

    /// Creates an element and appends it to `parent`.
    pub fn add(
        &self,
        parent: &Element,
        spec: &str,
        attributes: &[(&str, &str)],
        text: Option<&str>,
    ) -> Result<Element, JsValue> {
        let element = self.element(spec, attributes, text)?;
        parent.append_child(&element)?;
        Ok(element)
    }
}

/// Sets or removes a boolean attribute; `aria-invalid` takes `true` or `false`.
pub fn set_flag(element: &Element, name: &str, on: bool) -> Result<(), JsValue> {
    match (name, on) {
        ("aria-invalid", on) => element.set_attribute(name, if on { "true" } else { "false" }),
        (_, true) => element.set_attribute(name, ""),
        (_, false) => element.remove_attribute(name),
    }
}

/// Writes a text only when it changed, so that a live region speaks only then.
pub fn set_text(element: &Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

#[wasm_bindgen]
extern "C" {
    /// A text field, radio button, box or `select`: their `value` read and written
    /// through one import each way, where web-sys has one per element type.
    type Control;

    #[wasm_bindgen(method, getter, structural)]
    fn value(this: &Control) -> String;

    #[wasm_bindgen(method, setter, structural)]
    fn set_value(this: &Control, value: &str);

    /// An event or an `input`: their `type`, read through one import.
    type Typed;

    #[wasm_bindgen(method, getter, structural, js_name = type)]
    fn type_(this: &Typed) -> String;

    /// A document or a shadow root: `querySelectorAll` through one import.
    type Queried;

    #[wasm_bindgen(method, catch, structural, js_name = querySelectorAll)]
    fn query_selector_all(this: &Queried, selectors: &str) -> Result<web_sys::NodeList, JsValue>;
}

/// The `type` of an event or an `input`.
pub fn type_of(value: &JsValue) -> String {
    value.unchecked_ref::<Typed>().type_()
}

/// The elements of a document or a shadow root that `selectors` match.
pub fn select_all(within: &JsValue, selectors: &str) -> Result<web_sys::NodeList, JsValue> {
    within.unchecked_ref::<Queried>().query_selector_all(selectors)
}

/// The `value` of an `input` or a `select`.
pub fn value(control: &Element) -> String {
    control.unchecked_ref::<Control>().value()
}

/// Sets the `value` of an `input` or a `select`.
pub fn set_value(control: &Element, value: &str) {
    control.unchecked_ref::<Control>().set_value(value);
}
