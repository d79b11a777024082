//! The live preview for rule authors (feature `preview`, never in the build visitors
//! download): a pack's text, compiled in the page, drawn as the widget would draw it;
//! or its problems, each with its place.

use wasm_bindgen::prelude::*;

use crate::compile::compile;
use crate::pack::Programme;
use crate::widget::dom;

/// A widget drawn from a pack being written.
#[wasm_bindgen]
pub struct Preview {
    host: web_sys::HtmlElement,
    handle: Option<dom::Handle>,
}

#[wasm_bindgen]
impl Preview {
    #[wasm_bindgen(constructor)]
    pub fn new(host: web_sys::HtmlElement) -> Preview {
        Preview { host, handle: None }
    }

    /// Compiles `source` and draws it, keeping the visitor's answers; or, when the pack
    /// does not compile, keeps what is drawn and returns its problems as
    /// `file:line:column: message` lines. `null` when it compiled.
    pub fn load(&mut self, source: &str, file: &str) -> Result<JsValue, JsValue> {
        let programme = match compile(source, file) {
            Ok(programme) => programme,
            Err(errors) => {
                let lines: js_sys::Array = errors.0.iter().map(|e| JsValue::from_str(&e.to_string())).collect();
                return Ok(lines.into());
            }
        };
        // Each version a rule author saves stays in memory until the page is reloaded:
        // a few kilobytes a save, on a tool for one person.
        let programme: &'static Programme = Box::leak(Box::new(programme));
        let kept = match self.handle.take() {
            Some(handle) => handle.kept()?,
            None => Vec::new(),
        };
        self.host.set_attribute("programme", &programme.id)?;
        self.handle = Some(dom::mount_with(self.host.clone(), kept, vec![programme], dom::Loader::default())?);
        Ok(JsValue::NULL)
    }
}
