//! Compiled programmes written out as Rust source, for the main crate's build script:
//! any value of the model becomes the expression that builds it again, through the
//! model's own `Serialize` (derived under this feature). So the model is written once,
//! and a change to it needs no change here.
//!
//! Names map to paths as the main crate sees them: the rest of the model is
//! `crate::pack::…`, while a string is written `s("…")`, a text `t("fr", "en")` and the
//! structs of `FLAT` as calls of functions named after them, their fields in order and
//! their strings as literals (`source(Some("id"), "title", …)`): functions the including
//! module provides, so that each of the catalogue's hundreds of strings and structs is
//! one call rather than allocations, copies and moves inlined (smaller code). A decimal is serialised as its parts
//! (`decimal`, `optional_decimal`) and written `rust_decimal::Decimal::from_parts(…)`, a
//! `const fn` that cannot fail; a boxed condition (`boxed`) is written `Box::new(…)`.

use std::fmt::{self, Write as _};

use rust_decimal::Decimal;
use serde::ser::{self, Serialize, Serializer};

/// The Rust expression that builds `value` again.
pub fn to_rust(value: &impl Serialize) -> Result<String, Error> {
    let mut writer = Writer { out: String::new(), literal: false };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// A value the model cannot hold (a float, a map): a defect of the model, not of a pack.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot write the programme as Rust: {}", self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error(message.to_string())
    }
}

/// For `#[serde(serialize_with)]` on a decimal.
pub fn decimal<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    Parts(value).serialize(serializer)
}

/// For `#[serde(serialize_with)]` on an optional decimal.
pub fn optional_decimal<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serializer.serialize_some(&Parts(value)),
        None => serializer.serialize_none(),
    }
}

/// For `#[serde(serialize_with)]` on a box, which serde would otherwise write as its content.
pub fn boxed<T: Serialize, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_newtype_struct("Box", value)
}

/// A decimal as the arguments of `Decimal::from_parts`.
struct Parts<'a>(&'a Decimal);

impl Serialize for Parts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use ser::SerializeTupleStruct as _;
        let mantissa = self.0.mantissa().unsigned_abs();
        // The three 32-bit words of the 96-bit mantissa, lowest first.
        let words = [mantissa as u32, (mantissa >> 32) as u32, (mantissa >> 64) as u32];
        let mut parts = serializer.serialize_tuple_struct("Decimal", 5)?;
        for word in words {
            parts.serialize_field(&word)?;
        }
        parts.serialize_field(&self.0.is_sign_negative())?;
        parts.serialize_field(&self.0.scale())?;
        parts.end()
    }
}

/// The path of a type of the model, as the main crate names it.
fn path(name: &str) -> String {
    match name {
        "Decimal" => "rust_decimal::Decimal::from_parts".to_owned(),
        "Box" => "Box::new".to_owned(),
        other => format!("crate::pack::{other}"),
    }
}

struct Writer {
    out: String,
    /// A string to write as a literal: a field of a text or of a `FLAT` struct.
    literal: bool,
}

/// The structs written as calls of a function named after them (`Source` as `source(…)`).
const FLAT: [(&str, &str); 17] = [
    ("Text", "t"),
    ("Programme", "programme"),
    ("Date", "date"),
    ("Country", "country"),
    ("Window", "window"),
    ("Question", "question"),
    ("Choice", "choice"),
    ("Criterion", "criterion"),
    ("Document", "document"),
    ("Amount", "amount"),
    ("Tier", "tier"),
    ("Part", "part"),
    ("PerUnit", "per_unit"),
    ("Place", "place"),
    ("Start", "start"),
    ("Source", "source"),
    ("Reading", "reading"),
];

impl Writer {
    fn write(&mut self, text: impl fmt::Display) -> Result<(), Error> {
        write!(self.out, "{text}").map_err(|e| Error(e.to_string()))
    }
}

/// A list being written: its items, separated, then its closing.
struct Compound<'a> {
    writer: &'a mut Writer,
    close: &'static str,
    /// Whether a struct's fields are written with their names (else as the arguments
    /// of a call, strings as literals).
    labelled: bool,
}

impl Compound<'_> {
    fn item(&mut self, label: Option<&str>, value: &(impl Serialize + ?Sized)) -> Result<(), Error> {
        if let Some(label) = label.filter(|_| self.labelled) {
            self.writer.write(format_args!("{label}: "))?;
        }
        self.writer.literal = !self.labelled;
        value.serialize(&mut *self.writer)?;
        self.writer.write(", ")
    }

    fn finish(self) -> Result<(), Error> {
        self.writer.write(self.close)
    }
}

macro_rules! numbers {
    ($($method:ident: $type:ty),*) => {
        $(fn $method(self, value: $type) -> Result<(), Error> {
            self.write(value)
        })*
    };
}

impl<'a> Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    numbers!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);

    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(Error("a float".into()))
    }

    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(Error("a float".into()))
    }

    fn serialize_char(self, value: char) -> Result<(), Error> {
        self.write(format_args!("{value:?}"))
    }

    fn serialize_str(self, value: &str) -> Result<(), Error> {
        if self.literal {
            return self.write(format_args!("{value:?}"));
        }
        self.write(format_args!("s({value:?})"))
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error("bytes".into()))
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.write("None")
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.write("Some(")?;
        value.serialize(&mut *self)?;
        self.write(")")
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.write("()")
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Error> {
        self.write(path(name))
    }

    fn serialize_unit_variant(self, name: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.write(format_args!("{}::{variant}", path(name)))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, value: &T) -> Result<(), Error> {
        self.write(format_args!("{}(", path(name)))?;
        value.serialize(&mut *self)?;
        self.write(")")
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.write(format_args!("{}::{variant}(", path(name)))?;
        value.serialize(&mut *self)?;
        self.write(")")
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        self.write("vec![")?;
        Ok(Compound { writer: self, close: "]", labelled: true })
    }

    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Error> {
        self.write("(")?;
        Ok(Compound { writer: self, close: ")", labelled: true })
    }

    fn serialize_tuple_struct(self, name: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        self.write(format_args!("{}(", path(name)))?;
        Ok(Compound { writer: self, close: ")", labelled: true })
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.write(format_args!("{}::{variant}(", path(name)))?;
        Ok(Compound { writer: self, close: ")", labelled: true })
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Error("a map".into()))
    }

    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        if let Some((_, function)) = FLAT.iter().find(|(flat, _)| *flat == name) {
            // `function(…)`: its fields in the order they are declared, unlabelled.
            self.write(format_args!("{function}("))?;
            return Ok(Compound { writer: self, close: ")", labelled: false });
        }
        self.write(format_args!("{} {{ ", path(name)))?;
        Ok(Compound { writer: self, close: "}", labelled: true })
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.write(format_args!("{}::{variant} {{ ", path(name)))?;
        Ok(Compound { writer: self, close: "}", labelled: true })
    }
}

/// The compounds whose items are values alone, and those whose items are labelled.
macro_rules! compounds {
    ($($trait:ident :: $method:ident),*; $($labelled:ident :: $labelled_method:ident),*) => {
        $(impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(None, value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        })*
        $(impl ser::$labelled for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $labelled_method<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.item(Some(key), value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        })*
    };
}

compounds!(SerializeSeq::serialize_element, SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field, SerializeTupleVariant::serialize_field;
    SerializeStruct::serialize_field, SerializeStructVariant::serialize_field);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::{Comparison, Condition};

    #[test]
    fn model_values_are_written_as_the_expressions_that_build_them() {
        let condition = Condition::Not(Box::new(Condition::All(vec![
            Condition::IsYes(0),
            Condition::Compare(1, Comparison::Le, Decimal::new(-150005, 1)),
        ])));
        assert_eq!(
            to_rust(&condition).map_err(|e| e.to_string()),
            Ok("crate::pack::Condition::Not(Box::new(crate::pack::Condition::All(vec![crate::pack::Condition::IsYes(0), \
                crate::pack::Condition::Compare(1, crate::pack::Comparison::Le, \
                rust_decimal::Decimal::from_parts(150005, 0, 0, true, 1, ), ), ])))"
                .to_owned())
        );
        let text = crate::i18n::Text { fr: "« oui »".into(), en: "\"yes\"".into() };
        assert_eq!(to_rust(&text).map_err(|e| e.to_string()), Ok(r#"t("« oui »", "\"yes\"", )"#.to_owned()));
    }
}
