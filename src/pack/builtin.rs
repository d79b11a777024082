//! The packs shipped with the product: every file in `packs/`, compiled into the
//! library by `build.rs` and validated on first use (and by the tests, so that a
//! broken pack never ships).

use std::fmt;
use std::sync::OnceLock;

use super::{compile, PackErrors, Programme};

/// (file name, content) of each file in `packs/`.
const PACK_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/packs.rs"));

struct Builtins {
    programmes: Vec<Programme>,
    errors: Vec<PackErrors>,
}

fn builtins() -> &'static Builtins {
    static BUILTINS: OnceLock<Builtins> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        let mut builtins = Builtins { programmes: Vec::new(), errors: Vec::new() };
        for (name, source) in PACK_FILES {
            match compile(source, name) {
                Ok(programme) => builtins.programmes.push(programme),
                Err(errors) => builtins.errors.push(errors),
            }
        }
        builtins
    })
}

/// The built-in programmes, in the order of their file names.
pub fn builtin_programmes() -> &'static [Programme] {
    &builtins().programmes
}

/// Problems in built-in packs; the test suite requires none.
pub fn builtin_pack_errors() -> &'static [PackErrors] {
    &builtins().errors
}

pub fn builtin(id: &str) -> Result<&'static Programme, UnknownProgramme> {
    builtin_programmes().iter().find(|p| p.id == id).ok_or_else(|| UnknownProgramme(id.to_owned()))
}

/// A programme id that no built-in pack has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownProgramme(pub String);

impl fmt::Display for UnknownProgramme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = builtin_programmes().iter().map(|p| p.id.as_str()).collect();
        write!(f, "unknown programme `{}` (programmes: {})", self.0, known.join(", "))
    }
}

impl std::error::Error for UnknownProgramme {}
