//! A private eligibility checker for aid programmes.
//!
//! Programmes are rule packs (TOML files in `packs/`) that [`compile`] turns into
//! [`pack::Programme`]s, the shipped ones listed in [`catalogue`];
//! [`engine::evaluate`] turns [`answer::Answers`] into a [`engine::Verdict`]; a
//! [`form::Form`] asks the questions of several programmes once; [`report`] gives
//! verdicts the JSON shape shared by the CLI and the JavaScript API. The widget
//! (`widget`) renders the form in the browser; [`tools`] serve rule authors through
//! the CLI. See ARCHITECTURE.md for the map.

pub use eligibility_rules::{answer, compile, engine, i18n, money, pack};

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
