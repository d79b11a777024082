//! The packs shipped with the product: every file in `packs/`, compiled into the
//! library by `build.rs` and validated on first use (and by the tests, so that a
//! broken pack never ships).

use std::fmt;
use std::sync::OnceLock;

#[cfg(not(target_arch = "wasm32"))]
use super::compile;
use super::{PackErrors, Programme};

/// A file of `packs/`, as build.rs lists it.
struct BuiltinFile {
    name: &'static str,
    /// Read by native builds, which report errors with their line and column.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    toml: &'static str,
    /// Read by the WebAssembly build, which so carries no TOML parser; `hash` is the
    /// SHA-256 of `toml`, which the JSON does not keep byte for byte.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    json: &'static str,
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    hash: &'static str,
}

const PACK_FILES: &[BuiltinFile] = include!(concat!(env!("OUT_DIR"), "/packs.rs"));

fn compile_builtin(file: &BuiltinFile) -> Result<Programme, PackErrors> {
    #[cfg(not(target_arch = "wasm32"))]
    return compile(file.toml, file.name);
    #[cfg(target_arch = "wasm32")]
    return super::compile::compile_json(file.json, file.name, file.hash);
}

struct Builtins {
    programmes: Vec<Programme>,
    errors: Vec<PackErrors>,
}

fn builtins() -> &'static Builtins {
    static BUILTINS: OnceLock<Builtins> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        let mut builtins = Builtins { programmes: Vec::new(), errors: Vec::new() };
        for file in PACK_FILES {
            match compile_builtin(file) {
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
