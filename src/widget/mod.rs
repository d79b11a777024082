//! The embeddable widget: pure state (`state`, tested natively), its words
//! (`wording`), what a visitor keeps and shares (`summary`, `share`, `features`) and,
//! in the browser only, the DOM layer that draws it (`dom`) — the only code that
//! touches web-sys.

pub mod features;
pub mod share;
pub mod state;
pub mod summary;
pub mod wording;

#[cfg(target_arch = "wasm32")]
pub mod dom;
