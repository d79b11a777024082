//! The summary on paper: drawn into a frame of the widget's own (an empty, zero-sized
//! `<iframe>` in its shadow root) whose window is then printed, so that the page
//! printed is the summary alone, not the publisher's article around the widget, and
//! owes nothing to the publisher's print styles. The frame's document is same-origin
//! `about:blank`: built node by node (no HTML string, so Trusted Types allow it),
//! styled by a stylesheet constructed in the frame's own realm (a strict `style-src`
//! allows it, as it does the widget's), and it loads nothing.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, HtmlIFrameElement, ShadowRoot};

use super::element::{self, Maker};
use crate::i18n::{colon, ui};
use crate::js;
use crate::widget::summary::Summary;
use eligibility_rules::cat;

/// Prints `summary` through the widget's print frame, made on first use.
pub fn print(
    maker: &Maker,
    root: &ShadowRoot,
    frame: &mut Option<HtmlIFrameElement>,
    summary: &Summary,
) -> Result<(), JsValue> {
    // A redraw of the widget empties its shadow root, frame included.
    // Matched in place rather than filtered and cloned as an option (10 B gzipped).
    let iframe = match frame {
        Some(iframe) if js::flag(iframe, "isConnected") => iframe.clone(),
        _ => {
            let spec = "iframe|class=printer|aria-hidden=true|tabindex=-1";
            let iframe: HtmlIFrameElement = maker.element(spec, &[("title", summary.title)], None).unchecked_into();
            element::append(root, &iframe);
            // Kept by `insert`, which hands it back, rather than cloned first (4 B gzipped).
            frame.insert(iframe).clone()
        }
    };
    let window: web_sys::Window = js::object(&iframe, "contentWindow").ok_or("the print frame has no window")?;
    // The frame's maker holds its document, not cloned for it (16 B gzipped).
    let printer = Maker { document: js::object(&iframe, "contentDocument").ok_or("the print frame has no document")? };
    draw(&printer, summary)?;
    // The sheet must come from the frame's realm: a document adopts only its own.
    let sheet = construct(&js::get(&window, "CSSStyleSheet"), &js_sys::Array::new());
    element::call_with_text(&sheet, "replaceSync", crate::catalogue::print_style(summary.lang));
    let sheets = js_sys::Array::new();
    sheets.push(&sheet);
    // Set as a plain property: the frame's document adopts a sheet of its own realm, which
    // its setter cannot refuse (`Reflect.set` is a catching import).
    js::set(printer.document.unchecked_ref(), "adoptedStyleSheets", &sheets);
    element::call(&window, "print");
    Ok(())
}

#[wasm_bindgen]
extern "C" {
    /// `Reflect.construct`, imported without `catch`: the frame's own `CSSStyleSheet`,
    /// without arguments, cannot throw where the widget runs at all (mounting made a
    /// stylesheet the same way).
    #[wasm_bindgen(js_namespace = Reflect, js_name = construct)]
    fn construct(constructor: &JsValue, arguments: &js_sys::Array) -> CssStyleSheet;
}

/// Writes the summary into the frame's document (`maker`'s), replacing what it held.
fn draw(maker: &Maker, summary: &Summary) -> Result<(), JsValue> {
    let document = &maker.document;
    let html: Element = js::object(document, "documentElement").ok_or("the print frame has no root")?;
    element::set(&html, "lang", summary.lang.code());
    // The title heads the printed page where the browser prints headers.
    // Set as a plain property: an import fewer than web-sys's setter.
    js::set(document, "title", &JsValue::from_str(&cat!(summary.title, " — ", summary.made_on)));
    let body: Element = js::object(document, "body").ok_or("the print frame has no body")?;
    element::set_text_content(&body, None);
    maker.put_text(&body, "h1", summary.title);
    maker.put_text(&body, "p|class=date", &summary.made_on);
    for result in &summary.results {
        let section = maker.node(&body, "section");
        maker.put_text(&section, "h2", result.name);
        maker.put_text(&section, "p|class=headline", &result.headline);
        if let Some(benefit) = &result.benefit {
            maker.put_text(&section, "p", benefit);
        }
        list(maker, &section, result.reasons_title, &result.reasons);
        for (title, items) in &result.lists {
            list(maker, &section, title, items);
        }
        maker.put_text(&section, "p", &result.window);
        let (words, url) = &result.link;
        let link = maker.add(&section, "p", &[], Some(&cat!(words, colon(summary.lang), " ")));
        address(maker, &link, url);
        maker.put_text(&section, "h3", result.sources_title);
        let sources = maker.node(&section, "ul|class=small");
        for (source, url) in &result.sources {
            let item = maker.add(&sources, "li", &[], Some(source));
            if let Some(url) = url {
                element::append_text(&item, " — ");
                address(maker, &item, url);
            }
        }
        maker.put_text(&section, "p|class=small", &result.rules);
    }
    let answers = maker.node(&body, "section");
    maker.put_text(&answers, "h2", summary.answers_title);
    if summary.answers.is_empty() {
        maker.put_text(&answers, "p", ui(summary.lang).no_answers());
    }
    let list = maker.node(&answers, "dl");
    for (label, answer) in &summary.answers {
        maker.put_text(&list, "dt", label);
        maker.put_text(&list, "dd", answer);
    }
    maker.put_text(&body, "p|class=small", summary.notice);
    Ok(())
}

/// A heading and its list: the reasons, and each list after them.
fn list(maker: &Maker, section: &Element, title: &str, items: &[String]) {
    maker.put_text(section, "h3", title);
    let list = maker.node(section, "ul");
    for item in items {
        maker.put_text(&list, "li", item);
    }
}

/// A link written out in full: on paper, the address is what counts.
fn address(maker: &Maker, parent: &Element, url: &str) {
    maker.put(parent, "a", &[("href", url)], Some(url));
}
