//! The rules of the eligibility checker, in the order of their stages: the model of a
//! programme (`pack`), answers to its questions (`answer`), exact decimals (`money`)
//! and the two languages (`i18n`) below; the engine (`engine`) that turns answers into
//! a verdict; the compiler (`compile`) that turns a rule pack file into a programme,
//! running the engine's proofs. Pure: no IO, no clock, no DOM.
//!
//! A crate of its own so that the main crate's build script can compile the shipped
//! packs with it, and write them out as data (`bake`), without including its modules
//! by path.

pub mod answer;
#[cfg(feature = "bake")]
pub mod bake;
pub mod compile;
pub mod engine;
pub mod i18n;
pub mod money;
pub mod pack;
pub mod sort;
