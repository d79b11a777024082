//! A private eligibility checker for aid programmes.
//!
//! Programmes are rule packs (TOML files in `packs/`) that [`compile`] turns into
//! [`pack::Programme`]s, the shipped ones listed in [`catalogue`];
//! [`engine::evaluate`] turns [`answer::Answers`] into a [`engine::Verdict`]; a
//! [`form::Form`] asks the questions of several programmes once; [`report`] gives
//! verdicts the JSON shape shared by the CLI and the JavaScript API. The widget
//! (`widget`) renders the form in the browser; [`tools`] serve rule authors through
//! the CLI. See ARCHITECTURE.md for the map.

pub use eligibility_rules::{answer, compile, engine, i18n, money, pack, sort};

pub mod catalogue;
pub mod form;
pub mod report;
pub mod scenario;
pub mod session;
pub mod tools;
pub mod widget;

#[cfg(target_arch = "wasm32")]
mod js;
#[cfg(all(target_arch = "wasm32", feature = "preview"))]
mod preview;
#[cfg(target_arch = "wasm32")]
mod wasm;

/// The WebAssembly's allocator: talc instead of the standard library's dlmalloc, 6.8 KB
/// of code less (2.6 KB gzipped) and as quick through the JS API (BENCHMARKS.md, "The
/// size cut"). The widget runs on one thread: no atomics.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
