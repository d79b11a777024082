//! The catalogue: the programmes shipped with the product, one per file in `packs/`.
//!
//! build.rs compiles each pack with the same `pack::compile` as everything else and
//! writes the result out as Rust, included here. So a broken pack fails the build
//! (with the line and column of every problem), and neither the pack parser nor the
//! validator is in the WebAssembly that visitors download.

use std::fmt;
use std::sync::OnceLock;

use crate::pack::Programme;

mod generated {
    use crate::i18n::Text;

    // The baked catalogue writes each string `s("…")` and each text `t(fr, en)`: one
    // call each rather than an allocation and a copy inlined at each of its hundreds of
    // strings (BENCHMARKS.md, "The third cut").
    #[inline(never)]
    fn s(text: &str) -> String {
        text.to_owned()
    }

    #[inline(never)]
    fn t(fr: &str, en: &str) -> Text {
        Text { fr: s(fr), en: s(en) }
    }

    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

/// The built-in programmes, in the order of their file names.
pub fn programmes() -> &'static [Programme] {
    static PROGRAMMES: OnceLock<Vec<Programme>> = OnceLock::new();
    PROGRAMMES.get_or_init(generated::programmes)
}

pub fn programme(id: &str) -> Result<&'static Programme, UnknownProgramme> {
    programmes().iter().find(|p| p.id == id).ok_or_else(|| UnknownProgramme(id.to_owned()))
}

/// A programme id that no built-in pack has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownProgramme(pub String);

impl fmt::Display for UnknownProgramme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = programmes().iter().map(|p| p.id.as_str()).collect();
        write!(f, "unknown programme `{}` (programmes: {})", self.0, known.join(", "))
    }
}

impl std::error::Error for UnknownProgramme {}
