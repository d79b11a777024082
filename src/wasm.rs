//! The JavaScript face of the crate: the class behind `<eligibility-widget>`, and the
//! functions of the ES module (`api`). The only module that knows the JS API's shapes.

#[cfg(feature = "api")]
mod api;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
    /// widget freed earlier (`keep()`), if any. `need(lang)` and `sheet` are the element
    /// script's: a function that fetches the programmes' texts in a language and gives
    /// them (`texts`), then calls `refresh()`, or `unavailable(lang)` if they cannot
    /// come; and the stylesheet of its placeholder, the first part of the widget's
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
    /// and once the texts of a language the widget asked for (`need`) are given.
    pub fn refresh(&self) -> Result<(), JsValue> {
        self.handle.refresh()
    }

    /// Called when the texts of `lang` (`fr` or `en`), asked for by `need`, could not
    /// come: the widget says so and stays in its language. Another `lang` is ignored.
    pub fn unavailable(&self, lang: &str) -> Result<(), JsValue> {
        match lang_of(lang) {
            Some(lang) => self.handle.unavailable(lang),
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
        let list = js_sys::Array::new();
        // Walked by reference: by value, the list's own iterator and its drop came along.
        for k in &self.handle.kept()? {
            let chosen = k.chosen.map_or(JsValue::NULL, |c| JsValue::from_str(&crate::money::plain(c)));
            // `push` three times rather than `Array.of`: an import fewer.
            let item = js_sys::Array::new();
            item.push(&JsValue::from_str(&k.id));
            item.push(&JsValue::from_str(&k.raw));
            item.push(&chosen);
            list.push(&item);
        }
        Ok(list)
    }
}

/// Gives the catalogue the programmes' texts in `lang` (`fr` or `en`): the file
/// scripts/build.sh ships for it, which the element script fetched. Another `lang` is
/// ignored.
#[cfg(not(feature = "standalone"))]
#[wasm_bindgen]
pub fn texts(lang: &str, text: String) {
    if let Some(lang) = lang_of(lang) {
        crate::catalogue::give(lang, text);
    }
}

/// The language of a code the element script gives (`fr`, `en`): what `Lang`'s
/// `from_str` reads, without the copy of any other that its error holds.
fn lang_of(code: &str) -> Option<crate::i18n::Lang> {
    match code {
        "fr" => Some(crate::i18n::Lang::Fr),
        "en" => Some(crate::i18n::Lang::En),
        _ => None,
    }
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
        let Ok(item) = list.get(i).dyn_into::<js_sys::Array>() else { continue };
        let (Some(id), Some(raw)) = (item.get(0).as_string(), item.get(1).as_string()) else { continue };
        let chosen = item.get(2).as_string().and_then(|c| crate::money::read_decimal(&c).ok());
        read.push(Kept { id, raw, chosen });
    }
    read
}
