//! The JavaScript face of the crate: the class behind `<eligibility-widget>`, and the
//! functions of the ES module (`api`). The only module that knows the JS API's shapes.

#[cfg(feature = "api")]
mod api;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::catalogue::Apart;
use crate::widget::dom;
use crate::widget::state::Kept;

/// The Rust side of one `<eligibility-widget>` element.
#[wasm_bindgen]
pub struct Widget {
    handle: dom::Handle,
}

#[wasm_bindgen]
impl Widget {
    /// Draws the widget into the element's shadow root, with the answers `kept` from a
    /// widget freed earlier (`keep()`), if any. `need(name)` and `sheet` are the element
    /// script's: a function that fetches the programmes' texts in a language or their
    /// sources and gives them (`texts`), then calls `refresh()`, or `unavailable(name)`
    /// if they cannot come; and the stylesheet of its placeholder, the first part of the widget's
    /// styles (`dom::Loader`). Either may be left out (`undefined` or `null`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: web_sys::HtmlElement,
        kept: JsValue,
        need: Option<js_sys::Function>,
        sheet: Option<web_sys::CssStyleSheet>,
    ) -> Result<Widget, JsValue> {
        Ok(Widget { handle: dom::mount(host, kept_from_js(&kept), dom::Loader { need, sheet })? })
    }

    /// Called when the element's `programme`, `lang` or `features` attribute changes,
    /// and once what the widget asked for (`need`) is given.
    pub fn refresh(&self) -> Result<(), JsValue> {
        self.handle.refresh()
    }

    /// Called when what `need` asked for (`name`: `fr`, `en`, `sources.fr`,
    /// `sources.en`) could not come: the widget says so and stays as it is. Another
    /// `name` is ignored.
    pub fn unavailable(&self, name: &str) -> Result<(), JsValue> {
        match Apart::of(name) {
            Some((part, lang)) => self.handle.unavailable(part, lang),
            None => Ok(()),
        }
    }

    /// Whether the widget is at work. Asked by the element once no call of the engine
    /// is under way: a widget still busy then was left so by an exception thrown
    /// through the engine (a page that replaced a DOM method it calls), and is stopped.
    pub fn busy(&self) -> bool {
        self.handle.busy()
    }

    /// What the visitor answered, as `[question id, typed or chosen text, chosen
    /// reading or null]` lists: what the element keeps when it leaves the page and frees
    /// this widget, to give to the next.
    pub fn keep(&self) -> Result<js_sys::Array, JsValue> {
        // Read in place: what a widget without a form kept is not copied first.
        self.handle.with_kept(|kept| {
            let list = js_sys::Array::new();
            for k in kept {
                let chosen = k.chosen.map_or(JsValue::NULL, |c| JsValue::from_str(&crate::money::plain(c)));
                // `push` three times rather than `Array.of`: an import fewer.
                let item = js_sys::Array::new();
                item.push(&JsValue::from_str(&k.id));
                item.push(&JsValue::from_str(&k.raw));
                item.push(&chosen);
                list.push(&item);
            }
            list
        })
    }
}

/// Gives the catalogue what the element script fetched for `name` (`Apart::of`): a
/// file scripts/build.sh ships. Another `name` is ignored.
#[cfg(not(feature = "standalone"))]
#[wasm_bindgen]
pub fn texts(name: &str, text: String) {
    if let Some((part, lang)) = Apart::of(name) {
        crate::catalogue::give(part, lang, text);
    }
}

/// The text at `index` of a kept list, if it is one. Out of line: the reading of a
/// JS text, inlined at each of the three, was copied three times.
#[inline(never)]
fn text_at(list: &js_sys::Array, index: u32) -> Option<String> {
    list.get(index).as_string()
}

/// The lists `keep()` made; anything else is nothing kept.
fn kept_from_js(kept: &JsValue) -> Vec<Kept> {
    let mut read = Vec::new();
    if !js_sys::Array::is_array(kept) {
        return read;
    }
    let list: &js_sys::Array = kept.unchecked_ref();
    // A loop by index rather than an iterator chain: one copy of the reading, not a monomorphised adapter.
    for i in 0..list.length() {
        // Told by `isArray`, as the list was, then cast: `dyn_into` is code of its own.
        let item = list.get(i);
        if !js_sys::Array::is_array(&item) {
            continue;
        }
        let item: js_sys::Array = item.unchecked_into();
        let (Some(id), Some(raw)) = (text_at(&item, 0), text_at(&item, 1)) else { continue };
        let chosen = text_at(&item, 2).and_then(|c| crate::money::read_decimal(&c).ok());
        read.push(Kept { id, raw, chosen });
    }
    read
}
