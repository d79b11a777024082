//! Reports as plain JS objects through serde, for the JS API.

use std::fmt;

use eligibility_rules::cat;
use serde::ser::{self, Impossible, Serialize};
use wasm_bindgen::prelude::*;

use super::{inexact, whole, Plain, SAFE};

/// A report as a plain JS object; `None` becomes `null`, as in the CLI's JSON.
///
/// What serde-wasm-bindgen made with `serialize_missing_as_null`, for the shapes the
/// reports have (structs, lists, strings, numbers, booleans, options, unit variants):
/// the same values, from a serializer a fifth of its size (BENCHMARKS.md, "The third
/// cut"). Maps, bytes and variants with data, which no report has, are refused.
pub fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    value.serialize(ToJs).map_err(|e| JsError::new(&e.0))
}

struct ToJs;

/// Why a value has no JS form.
#[derive(Debug)]
struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error(message.to_string())
    }
}

type Made = Result<JsValue, Error>;

fn refused(what: &str) -> Error {
    Error(cat!(what, " cannot cross to JavaScript"))
}

macro_rules! numbers {
    ($($method:ident: $type:ty),*) => {
        $(fn $method(self, value: $type) -> Made {
            Ok(JsValue::from_f64(value.into()))
        })*
    };
}

impl ser::Serializer for ToJs {
    type Ok = JsValue;
    type Error = Error;
    type SerializeSeq = Items;
    type SerializeTuple = Items;
    type SerializeTupleStruct = Items;
    type SerializeTupleVariant = Impossible<JsValue, Error>;
    type SerializeMap = Impossible<JsValue, Error>;
    type SerializeStruct = Fields;
    type SerializeStructVariant = Impossible<JsValue, Error>;

    numbers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_f32: f32, serialize_f64: f64);

    fn serialize_bool(self, value: bool) -> Made {
        Ok(JsValue::from_bool(value))
    }

    fn serialize_i64(self, value: i64) -> Made {
        whole(value).map_err(Error)
    }

    fn serialize_u64(self, value: u64) -> Made {
        if value <= SAFE as u64 {
            Ok(JsValue::from_f64(value as f64))
        } else {
            Err(Error(inexact(value.into())))
        }
    }

    fn serialize_char(self, value: char) -> Made {
        Ok(JsValue::from_str(value.encode_utf8(&mut [0; 4])))
    }

    fn serialize_str(self, value: &str) -> Made {
        Ok(JsValue::from_str(value))
    }

    fn serialize_bytes(self, _: &[u8]) -> Made {
        Err(refused("bytes"))
    }

    fn serialize_none(self) -> Made {
        Ok(JsValue::NULL)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Made {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Made {
        Ok(JsValue::NULL)
    }

    fn serialize_unit_struct(self, _: &'static str) -> Made {
        Ok(JsValue::NULL)
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Made {
        Ok(JsValue::from_str(variant))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Made {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Made {
        Err(refused("a variant with data"))
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Items, Error> {
        Ok(Items(js_sys::Array::new()))
    }

    fn serialize_tuple(self, _: usize) -> Result<Items, Error> {
        Ok(Items(js_sys::Array::new()))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Items, Error> {
        Ok(Items(js_sys::Array::new()))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(refused("a variant with data"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(refused("a map"))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields, Error> {
        Ok(Fields(js_sys::Object::new()))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(refused("a variant with data"))
    }
}

/// A list being made: a JS array.
struct Items(js_sys::Array);

macro_rules! items {
    ($($trait:ident :: $method:ident),*) => {
        $(impl ser::$trait for Items {
            type Ok = JsValue;
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.0.push(&value.serialize(ToJs)?);
                Ok(())
            }
            fn end(self) -> Made {
                Ok(self.0.into())
            }
        })*
    };
}

items!(SerializeSeq::serialize_element, SerializeTuple::serialize_element, SerializeTupleStruct::serialize_field);

/// A struct being made: a plain JS object, its fields in their order.
struct Fields(js_sys::Object);

impl ser::SerializeStruct for Fields {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        set(&self.0, key, &value.serialize(ToJs)?);
        Ok(())
    }

    fn end(self) -> Made {
        Ok(self.0.into())
    }
}

#[wasm_bindgen]
extern "C" {
    /// `Plain`'s setter with the key already a JS string (the field names, made once).
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_named(this: &Plain, key: &JsValue, value: &JsValue);
}

/// `object[key] = value`, once for every field type rather than inlined in each.
#[inline(never)]
fn set(object: &js_sys::Object, key: &'static str, value: &JsValue) {
    object.unchecked_ref::<Plain>().set_named(&field_name(key), value);
}

thread_local! {
    /// The field names made as JS strings so far, by where their text lies: a few dozen.
    static NAMES: std::cell::RefCell<Vec<((usize, usize), JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A field name as a JS string, made once (as serde-wasm-bindgen did): decoding each
/// anew for every field of every report made `questions()` a quarter slower.
fn field_name(key: &'static str) -> JsValue {
    let place = (key.as_ptr() as usize, key.len());
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some((_, name)) = names.iter().find(|(at, _)| *at == place) {
            return name.clone();
        }
        let name = JsValue::from_str(key);
        names.push((place, name.clone()));
        name
    })
}
