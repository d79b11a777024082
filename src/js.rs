//! JavaScript values, in the browser: reports as plain objects, the visitor's day.
//! Below both the JS API (`wasm`) and the widget's DOM layer, which use it; it knows
//! nothing of either.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::pack::Date;

/// A report as a plain JS object; `None` becomes `null`, as in the CLI's JSON.
pub fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// The visitor's day, by their own clock and time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    day(now.get_full_year(), now.get_month() + 1, now.get_date())
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
