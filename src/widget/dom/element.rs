//! Making elements: one place for the calls to web-sys that create and change nodes,
//! each failure returned.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// Creates elements in one document.
#[derive(Clone)]
pub struct Maker {
    pub document: Document,
}

impl Maker {
    pub fn element(&self, tag: &str, attributes: &[(&str, &str)], text: Option<&str>) -> Result<Element, JsValue> {
        let element = self.document.create_element(tag)?;
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
        tag: &str,
        attributes: &[(&str, &str)],
        text: Option<&str>,
    ) -> Result<Element, JsValue> {
        let element = self.element(tag, attributes, text)?;
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
