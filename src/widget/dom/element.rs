//! Making elements: one place for the calls that create and change nodes. Those that
//! cannot throw for the widget's literal tags and names (creating, appending, setting
//! attributes, texts and focus) are imported without `catch`, so they return no error
//! and the drawing has no error path to write after each of its nodes (BENCHMARKS.md,
//! "The fifth cut"). A call that threw anyway (on a page that replaced one of them)
//! leaves through the engine to the page, skipping the release of the widget's state,
//! which then stays busy: the element script asks (`Widget::busy`) once the engine's
//! listeners or its own call are over, and stops such a widget as after a trap.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, ShadowRoot};

use crate::i18n::cut;

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
    pub fn element(&self, spec: &str, attributes: &[(&str, &str)], text: Option<&str>) -> Element {
        let (tag, mut fixed) = cut(spec, [b'|'; 2]);
        // `call_with_text`'s import: `createElement` gives an element for the widget's own tags.
        let element: Element =
            call_with_text(&self.document, "createElement", tag).unwrap_or_default().unchecked_into();
        while let Some(rest) = fixed {
            let attribute;
            (attribute, fixed) = cut(rest, [b'|'; 2]);
            let (name, value) = cut(attribute, [b'='; 2]);
            set(&element, name, value.unwrap_or_default());
        }
        for (name, value) in attributes {
            set(&element, name, value);
        }
        if let Some(text) = text {
            set_text_content(&element, Some(text));
        }
        element
    }

    /// Creates an element and appends it to `parent`, where nothing holds it after:
    /// its handle is released here rather than at each call.
    pub fn put(&self, parent: &Element, spec: &str, attributes: &[(&str, &str)], text: Option<&str>) {
        self.add(parent, spec, attributes, text);
    }

    /// `put` with a text and no attributes that vary: most of the widget's texts. Fewer
    /// arguments at each of its calls than `put`'s.
    #[inline(never)]
    pub fn put_text(&self, parent: &Element, spec: &str, text: &str) {
        self.put(parent, spec, &[], Some(text));
    }

    /// `add` with neither attributes that vary nor a text: the widget's containers.
    #[inline(never)]
    pub fn node(&self, parent: &Element, spec: &str) -> Element {
        self.add(parent, spec, &[], None)
    }

    /// Creates an element and appends it to `parent`.
    pub fn add(&self, parent: &Element, spec: &str, attributes: &[(&str, &str)], text: Option<&str>) -> Element {
        let element = self.element(spec, attributes, text);
        append(parent, &element);
        element
    }
}

/// Appends `child` to an element, a shadow root or a body.
pub fn append(parent: &JsValue, child: &Element) {
    call_with_value(parent, "appendChild", child);
}

/// Attaches an open shadow root to `host`, which has none: imported without `catch`
/// (web-sys's catches). It throws for an element that has a closed root or cannot have
/// one; the element script, the only maker of widgets, passes its own custom element,
/// whose placeholder's root is open already (`mount` takes an open one). Any other
/// caller gets the exception, through the engine as ARCHITECTURE.md says.
pub fn attach_shadow(host: &Element) -> ShadowRoot {
    // Its options as a plain object: web-sys's dictionary brings a setter import.
    let init = js_sys::Object::new();
    crate::js::set(&init, "mode", &JsValue::from_str("open"));
    host.unchecked_ref::<Dom>().attach_shadow(&init)
}

/// Appends a text after an element's children.
pub fn append_text(element: &Element, text: &str) {
    call_with_text(element, "append", text);
}

/// Sets an attribute. Kept out of line, called from many places (16 B gzipped).
#[inline(never)]
pub fn set(element: &Element, name: &str, value: &str) {
    // `call_with_text_and`'s import, the value made a JS text first.
    call_with_text_and(element, "setAttribute", name, &JsValue::from_str(value));
}

/// Moves focus to an element (a control, a button, a headline).
pub fn focus(element: &JsValue) {
    call(element, "focus");
}

/// Calls a method of the widget's own nodes and events that takes nothing and cannot
/// throw (`focus`, `preventDefault`, `scrollIntoView`, a window's `print`, which
/// returns at once where printing is not allowed): the import `js::today` calls its
/// getters by, whose number these ignore.
pub use crate::js::call;

#[wasm_bindgen]
extern "C" {
    /// A document, an element or a shadow root, for the calls above.
    type Dom;

    /// A method, read from its object.
    type Method;

    #[wasm_bindgen(method, structural, js_name = call)]
    fn call_with(this: &Method, receiver: &JsValue, text: &str) -> Option<js_sys::Object>;

    #[wasm_bindgen(method, structural, js_name = call)]
    fn call_with_value(this: &Method, receiver: &JsValue, value: &JsValue);

    #[wasm_bindgen(method, structural, js_name = call)]
    fn call_with_both(this: &Method, receiver: &JsValue, text: &str, value: &JsValue);

    #[wasm_bindgen(method, structural, js_name = attachShadow)]
    fn attach_shadow(this: &Dom, init: &JsValue) -> ShadowRoot;

}

#[wasm_bindgen]
extern "C" {
    /// The widget's `eligibility-result` event.
    #[wasm_bindgen(js_name = CustomEvent)]
    type ResultEvent;

    /// `new CustomEvent`, imported without `catch`: the widget's own name and a plain
    /// object of its own as the options, which cannot make it throw.
    #[wasm_bindgen(constructor, js_class = "CustomEvent")]
    fn new(kind: &str, init: &JsValue) -> ResultEvent;
}

/// An `eligibility-result` event with `init` (a plain object) as its options.
pub fn result_event(init: &JsValue) -> JsValue {
    ResultEvent::new("eligibility-result", init).into()
}

/// Hides an element (its `hidden` attribute) or shows it.
pub fn set_hidden(element: &Element, hidden: bool) {
    if hidden {
        set(element, "hidden", "");
    } else {
        call_with_text(element, "removeAttribute", "hidden");
    }
}

/// A node's `textContent`, read as a plain property: an import fewer than web-sys's getter.
pub fn text_content(node: &JsValue) -> Option<String> {
    crate::js::get(node, "textContent").as_string()
}

/// Sets a node's `textContent` (`None` empties it) as a plain property, which its
/// setter makes the same: an import fewer than web-sys's.
#[inline(never)]
pub fn set_text_content(node: &JsValue, text: Option<&str>) {
    let value = text.map_or(JsValue::NULL, JsValue::from_str);
    crate::js::set(node.unchecked_ref(), "textContent", &value);
}

/// Writes a text only when it changed, so that a live region speaks only then.
pub fn set_text(element: &Element, text: &str) {
    if text_content(element).as_deref() != Some(text) {
        set_text_content(element, Some(text));
    }
}

/// The `type` of an event or an `input`.
pub fn type_of(value: &JsValue) -> String {
    text_property(value, "type")
}

/// A property that holds a text (a control's `value`, an event's or an input's `type`),
/// read as a plain property: one import for all of them, where web-sys has one per type.
#[inline(never)]
fn text_property(value: &JsValue, key: &str) -> String {
    crate::js::get(value, key).as_string().unwrap_or_default()
}

/// The elements of a document or a shadow root that `selectors` (the widget's own,
/// valid) match, in a `NodeList` read as an array (its `length`, `get`).
pub fn select_all(within: &JsValue, selectors: &str) -> js_sys::Array {
    // A `NodeList`, typed as an array: read through the `length` and indexing that it
    // shares with one, imports the .wasm has for arrays anyway.
    call_with_text(within, "querySelectorAll", selectors).map(JsCast::unchecked_into).unwrap_or_default()
}

/// The nearest of `element` and its ancestors that `selectors` (the widget's own,
/// valid) match.
pub fn closest(element: &Element, selectors: &str) -> Option<Element> {
    call_with_text(element, "closest", selectors).map(JsCast::unchecked_into)
}

/// An attribute of an element, if it has it: `getAttribute` through `call_with_text`,
/// its import shared.
pub fn attribute(element: &Element, name: &str) -> Option<String> {
    call_with_text(element, "getAttribute", name).and_then(|value| value.as_string())
}

/// Calls a method of the widget's own nodes that takes a text (its selectors, a name, a
/// text) and cannot throw with the widget's own (`createElement`, `closest`,
/// `querySelectorAll`, `getAttribute`, `removeAttribute`, `append`; a stylesheet's
/// `replaceSync`, which throws only for one not constructed): one import for them all,
/// as `call` above; what it gives, unless `null` or `undefined`.
#[inline(never)]
pub fn call_with_text(object: &JsValue, method: &str, text: &str) -> Option<js_sys::Object> {
    crate::js::get(object, method).unchecked_ref::<Method>().call_with(object, text)
}

/// Whether `element` matches `selectors` (the widget's own, valid) where none of its
/// ancestors can: `closest`, whose import is shared, rather than `matches`.
pub fn matches(element: &Element, selectors: &str) -> bool {
    closest(element, selectors).is_some()
}

/// Calls a function of the element script's that takes a text and cannot throw
/// (`need`, which starts a fetch and returns): `call_with_text`'s import, on no object.
pub fn apply(function: &JsValue, text: &str) -> Option<js_sys::Object> {
    function.unchecked_ref::<Method>().call_with(&JsValue::NULL, text)
}

/// Adds `listener` for events of `kind` on `target`.
pub fn listen(target: &JsValue, kind: &str, listener: &JsValue) {
    call_with_text_and(target, "addEventListener", kind, listener);
}

/// Calls a method that takes a text and a value and cannot throw (`setAttribute`,
/// `addEventListener`, `removeEventListener`, the console's `error`): one import for
/// them, as `call`.
pub fn call_with_text_and(target: &JsValue, method: &str, text: &str, value: &JsValue) {
    crate::js::get(target, method).unchecked_ref::<Method>().call_with_both(target, text, value);
}

/// Removes what `listen` added.
pub fn unlisten(target: &JsValue, kind: &str, listener: &JsValue) {
    call_with_text_and(target, "removeEventListener", kind, listener);
}

/// Dispatches an event the widget made, which a listener cannot make throw.
pub fn dispatch(target: &JsValue, event: &JsValue) {
    call_with_value(target, "dispatchEvent", event);
}

/// Calls a method that takes a value and cannot throw with the widget's own
/// (`appendChild`, `dispatchEvent`): one import for both, as `call`.
#[inline(never)]
fn call_with_value(target: &JsValue, method: &str, value: &JsValue) {
    crate::js::get(target, method).unchecked_ref::<Method>().call_with_value(target, value);
}

/// The `value` of an `input` or a `select`.
pub fn value(control: &Element) -> String {
    text_property(control, "value")
}

/// Sets the `value` of an `input` or a `select`.
pub fn set_value(control: &Element, value: &str) {
    crate::js::set(control.unchecked_ref(), "value", &JsValue::from_str(value));
}
