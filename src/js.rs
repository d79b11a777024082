//! JavaScript values, in the browser: reports as plain objects, properties read and set
//! as plain ones (one import each way, where web-sys has one per getter and setter),
//! the visitor's day.
//! Below both the JS API (`wasm`) and the widget's DOM layer, which use it; it knows
//! nothing of either. The serde serializer (`objects`) is the JS API's alone: the
//! widget writes its events' details field by field (`widget::dom::detail`), 0.3 KB
//! gzipped lighter than keeping the serializer in the element's engine for them.

#[cfg(feature = "api")]
mod objects;

use eligibility_rules::cat;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::pack::Date;

#[cfg(feature = "api")]
pub use objects::to_js;

/// The largest whole number a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const SAFE: i64 = (1 << 53) - 1;

/// Why a whole number beyond `SAFE` is refused, in serde-wasm-bindgen's words.
fn inexact(value: i128) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let digits = crate::i18n::digits(u64::try_from(value.unsigned_abs()).unwrap_or(u64::MAX));
    cat!(sign, digits, " can't be represented as a JavaScript number")
}

/// A whole number as a JS number; refused beyond `SAFE`, saying why (`inexact`). The
/// widget's event details and the JS API's serializer (`objects`) both read them so.
pub fn whole(value: i64) -> Result<JsValue, String> {
    if (-SAFE..=SAFE).contains(&value) {
        Ok(JsValue::from_f64(value as f64))
    } else {
        Err(inexact(value.into()))
    }
}

#[wasm_bindgen]
extern "C" {
    /// A plain object made here, whose fields are set without a catching wrapper
    /// (quicker than `Reflect.set`): it has no setter and is not frozen, so cannot throw.
    type Plain;

    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_field(this: &Plain, key: &str, value: &JsValue);

    #[wasm_bindgen(method, structural, indexing_getter)]
    fn field(this: &Plain, key: &str) -> JsValue;

    #[wasm_bindgen(method, structural, indexing_getter)]
    fn object_field(this: &Plain, key: &str) -> Option<js_sys::Object>;

    #[wasm_bindgen(method, structural, indexing_getter)]
    fn flag_field(this: &Plain, key: &str) -> bool;

    /// A method, read from its object, that gives a number or nothing (`call`).
    type Getter;

    #[wasm_bindgen(method, structural, js_name = call)]
    fn number_of(this: &Getter, receiver: &JsValue) -> f64;
}

/// `object[key]` for a property that holds a boolean (a box's `checked`, a node's
/// `isConnected`), read the same way: one import for both.
pub fn flag(object: &JsValue, key: &str) -> bool {
    object.unchecked_ref::<Plain>().flag_field(key)
}

/// `object[key]`, read without a catching wrapper (`Reflect.get` has one): for the
/// properties the widget reads that no getter can make throw (an event's `key`, the
/// page's `location` and its parts, a node's `textContent`, a control's `value` and
/// `type`, a same-origin frame's `CSSStyleSheet`) and the methods `element::call` calls.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    object.unchecked_ref::<Plain>().field(key)
}

/// `object[key] = value` on a plain object made here, the key made anew each time:
/// for the widget's event details, a few per change; also a shadow root's or a frame's
/// `adoptedStyleSheets`, set once to stylesheets constructed in that root's or frame's
/// own document, which it takes without throwing.
#[inline(never)]
pub fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    object.unchecked_ref::<Plain>().set_field(key, value);
}

/// `object[key]` for a property that holds a node, a window or nothing (`null`), read
/// the same way: one import for the widget's few, where web-sys has one per getter.
pub fn object<T: JsCast>(object: &JsValue, key: &str) -> Option<T> {
    object.unchecked_ref::<Plain>().object_field(key).map(JsCast::unchecked_into)
}

/// The visitor's day, by their own clock and time zone: the `Date`'s three getters
/// called through one import (`Function.prototype.call`), where js-sys has one each.
pub fn today() -> Date {
    let now = js_sys::Date::new_0().into();
    // Whole numbers, which `as` keeps.
    let number = |getter| call(&now, getter) as u32;
    day(number("getFullYear"), number("getMonth") + 1, number("getDate"))
}

/// Calls a method of `object` that takes nothing and cannot throw, read from it: what
/// it gives, as a number (`NaN` for none). One import, `Function.prototype.call`, for
/// the `Date`'s getters here and the widget's calls (`widget::dom::element`), where
/// js-sys and web-sys have one per method.
#[inline(never)]
pub fn call(object: &JsValue, method: &str) -> f64 {
    get(object, method).unchecked_ref::<Getter>().number_of(object)
}

/// A day of a JS `Date`, its month counted from 1.
pub fn day(year: u32, month: u32, day: u32) -> Date {
    let parsed = (u16::try_from(year).ok(), u8::try_from(month).ok(), u8::try_from(day).ok());
    match parsed {
        (Some(year), Some(month), Some(day)) => Date { year, month, day },
        // A clock outside the years 0 to 65535: no window can be open then anyway.
        _ => Date { year: 9999, month: 12, day: 31 },
    }
}
