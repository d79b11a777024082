//! The embeddable widget: pure state (`state`, tested natively) and, in the browser
//! only, the DOM layer that draws it (`dom`) — the only code that touches web-sys.

pub mod state;
pub mod wording;

#[cfg(target_arch = "wasm32")]
pub mod dom;
