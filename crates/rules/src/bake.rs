//! Compiled programmes written out as data, for the main crate's build script: any
//! value of the model becomes bytes that the main crate's catalogue reads back, through
//! the model's own `Serialize` (derived under this feature). So the model is written
//! once here, and read by one small reader there (`src/catalogue.rs`), rather than
//! built by code written out per value (BENCHMARKS.md, "The fifth cut").
//!
//! The format is serde's data model in order, with no names: a struct or tuple is its
//! fields, an enum its variant's index then its fields, an option `0` or `1` then its
//! value, a list each item after a `1` then a `0` (the reader needs no length to check
//! against the bytes left: a flag read past them is `0`), a boolean one byte, a number as LEB128
//! (a signed one zigzagged first). A string goes to a second output, `text`, all the
//! strings run together in order, each ended by a NUL (which no string of a pack may
//! hold): the reader takes them from one `&str`, so it needs no UTF-8 check, and a NUL
//! compresses better than a length among the bytes. The strings of a `Text` go to one
//! output per language instead (`texts`, French then English), the same way: a page
//! loads only those of the language it shows (`src/catalogue.rs`). The strings of a
//! `Reading` and of a `Source` that no document cites (its `id` is none) go, the same
//! way again, to the outputs of the sources (`sources`, a `Text`'s to its language's,
//! any other to both): what the widget shows only when the visitor opens "Sources and
//! rules" or keeps a summary, which a page loads then. A decimal is serialised as its
//! parts (`decimal`, `optional_decimal`: the three words of its mantissa, its sign, its
//! scale); a boxed condition (`boxed`) as its content.

use std::fmt;

use rust_decimal::Decimal;
use serde::ser::{self, Serialize, Serializer};

use crate::i18n::Lang;

/// `value` as data: its structure, the text of its strings, and that of its `Text`s
/// per language.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Baked {
    pub bytes: Vec<u8>,
    pub text: String,
    /// The strings of every `Text`, French then English, in the order of `Lang::ALL`.
    pub texts: [String; 2],
    /// The strings of every `Reading` and uncited `Source`, per language as `texts`.
    pub sources: [String; 2],
    /// Where the next string goes: a language's while a `Text`'s field is written.
    language: Option<usize>,
    /// A `Text` is being written (it holds only its two strings).
    in_text: bool,
    /// How many structs are being written, one inside the other.
    depth: usize,
    /// The depth of the `Reading` or uncited `Source` being written, whose strings go
    /// to `sources`.
    aside: Option<usize>,
    /// The name of the struct's field being written.
    field: &'static str,
}

/// `value` written out as data.
pub fn to_data(value: &impl Serialize) -> Result<Baked, Error> {
    let mut baked = Baked::default();
    value.serialize(&mut baked)?;
    Ok(baked)
}

/// A value the model cannot hold (a float, a map): a defect of the model, not of a pack.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot write the programme as data: {}", self.0)
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

/// For `#[serde(serialize_with)]` on a box: its content.
pub fn boxed<T: Serialize, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    value.serialize(serializer)
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

impl Baked {
    fn number(&mut self, value: u64) {
        let mut value = value;
        while value >= 0x80 {
            self.bytes.push((value & 0x7f) as u8 | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }

    fn signed(&mut self, value: i64) {
        self.number(((value << 1) ^ (value >> 63)) as u64);
    }

    fn refused(what: &str) -> Result<(), Error> {
        Err(Error(format!("the model holds no {what}")))
    }
}

macro_rules! numbers {
    ($write:ident: $($method:ident: $type:ty),*) => {
        $(fn $method(self, value: $type) -> Result<(), Error> {
            self.$write(value.into());
            Ok(())
        })*
    };
}

impl Serializer for &mut Baked {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    numbers!(number: serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);
    numbers!(signed: serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64);

    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.bytes.push(u8::from(value));
        Ok(())
    }

    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Baked::refused("float")
    }

    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Baked::refused("float")
    }

    fn serialize_char(self, _: char) -> Result<(), Error> {
        Baked::refused("char")
    }

    fn serialize_str(self, value: &str) -> Result<(), Error> {
        if value.contains('\0') {
            return Err(Error("a text holding a NUL, which ends a text in the data".into()));
        }
        let push = |text: &mut String| {
            text.push_str(value);
            text.push('\0');
        };
        // `language` is a position in `Lang::ALL`, so always one of the two outputs.
        match (self.aside.is_some(), self.language.take()) {
            (false, None) => push(&mut self.text),
            (false, Some(i)) => self.texts.get_mut(i).into_iter().for_each(push),
            (true, Some(i)) => self.sources.get_mut(i).into_iter().for_each(push),
            (true, None) => self.sources.iter_mut().for_each(push),
        }
        Ok(())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Baked::refused("bytes")
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.bytes.push(0);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        // A source with an id is cited by a document, which the widget shows with the
        // verdict: its strings, the id's first, stay with the others.
        if self.field == "id" && self.aside == Some(self.depth) {
            self.aside = None;
        }
        self.bytes.push(1);
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Ok(())
    }

    fn serialize_unit_variant(self, _: &'static str, index: u32, _: &'static str) -> Result<(), Error> {
        self.number(index.into());
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.number(index.into());
        value.serialize(self)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_tuple_variant(self, _: &'static str, index: u32, _: &'static str, _: usize) -> Result<Self, Error> {
        self.number(index.into());
        Ok(self)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Error("the model holds no map".into()))
    }

    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Self, Error> {
        self.in_text = name == "Text";
        self.depth += 1;
        if self.aside.is_none() && matches!(name, "Reading" | "Source") {
            self.aside = Some(self.depth);
        }
        Ok(self)
    }

    fn serialize_struct_variant(self, _: &'static str, index: u32, _: &'static str, _: usize) -> Result<Self, Error> {
        self.number(index.into());
        Ok(self)
    }
}

macro_rules! compounds {
    ($($trait:ident::$method:ident),*; $($labelled_trait:ident::$labelled_method:ident),*) => {
        $(impl ser::$trait for &mut Baked {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Error> {
                Ok(())
            }
        })*
        $(impl ser::$labelled_trait for &mut Baked {
            type Ok = ();
            type Error = Error;
            fn $labelled_method<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Result<(), Error> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Error> {
                Ok(())
            }
        })*
    };
}

impl ser::SerializeSeq for &mut Baked {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.bytes.push(1);
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        self.bytes.push(0);
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Baked {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), Error> {
        if self.in_text {
            self.language = Lang::ALL.iter().position(|lang| lang.code() == name);
        }
        self.field = name;
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        self.in_text = false;
        if self.aside == Some(self.depth) {
            self.aside = None;
        }
        self.depth = self.depth.saturating_sub(1);
        Ok(())
    }
}

compounds!(SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field, SerializeTupleVariant::serialize_field;
    SerializeStructVariant::serialize_field);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::{Comparison, Condition};

    #[test]
    fn model_values_are_written_as_data_in_order() {
        let condition = Condition::Not(Box::new(Condition::All(vec![
            Condition::IsYes(0),
            Condition::Compare(200, Comparison::Le, Decimal::new(-150005, 1)),
        ])));
        // Not, All of (each item after a 1, a 0 after the last): IsYes 0; Compare 200
        // (LEB128: 0xc8 0x01), Le, the words of 150005 (0x0249f5: 0xf5 0x93 0x09), 0, 0,
        // negative, scale 1.
        let bytes = vec![2, 0, 1, 3, 0, 1, 5, 0xc8, 0x01, 3, 0xf5, 0x93, 0x09, 0, 0, 1, 1, 0];
        assert_eq!(to_data(&condition).ok().map(|b| (b.bytes, b.text)), Some((bytes, String::new())));
        let text = crate::i18n::Text { fr: "« oui »".into(), en: "\"yes\"".into() };
        let baked = to_data(&(text, "id")).ok();
        assert_eq!(baked.as_ref().map(|b| &b.texts), Some(&["« oui »\0".to_owned(), "\"yes\"\0".to_owned()]));
        assert_eq!(baked.map(|b| b.text), Some("id\0".to_owned()), "a string outside a text is in neither language's");
        assert!(to_data(&"a\0b").is_err(), "a NUL would end the text early");
    }

    /// A reading's strings and those of a source no document cites go to the sources'
    /// outputs, a `Text`'s to its language's and any other to both; a cited source's
    /// stay with the other strings, and what follows either is written as before.
    #[test]
    fn readings_and_uncited_sources_are_written_apart() {
        use crate::pack::{Reading, Source};
        let source = |id: Option<&str>| Source {
            id: id.map(str::to_owned),
            title: "T".into(),
            publisher: "P".into(),
            date: "d".into(),
            url: Some("u".into()),
        };
        let reading = Reading { about: "a".into(), text: crate::i18n::Text { fr: "lu".into(), en: "read".into() } };
        let baked = to_data(&(source(None), source(Some("cited")), reading, "after")).ok();
        assert_eq!(baked.as_ref().map(|b| b.text.as_str()), Some("cited\0T\0P\0d\0u\0after\0"));
        let sources = ["T\0P\0d\0u\0a\0lu\0", "T\0P\0d\0u\0a\0read\0"].map(str::to_owned);
        assert_eq!(baked.as_ref().map(|b| &b.sources), Some(&sources));
        assert_eq!(baked.map(|b| b.texts), Some([String::new(), String::new()]));
    }
}
