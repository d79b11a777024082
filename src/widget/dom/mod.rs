//! The DOM layer: draws a `WidgetState` into the shadow root of an
//! `<eligibility-widget>` element and turns the visitor's events into `Message`s. The
//! only code that touches web-sys; every DOM failure is returned as an error, never
//! unwrapped, and never swallowed silently. The calls that cannot fail (making and
//! changing the widget's own nodes: `element`) return none.
//!
//! `drawn` builds the form once per language and holds its nodes; later updates
//! change them in place (hidden questions, values, errors, the results) so that focus
//! and typing are never lost. This module is the controller: attributes and events in,
//! messages to the state, `eligibility-result` events out.

pub mod detail;
mod drawn;
mod element;
mod printed;

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Document, Element, Event, HtmlElement, HtmlIFrameElement, ShadowRoot};

use drawn::{Changes, Drawn, Focused};
use element::{set_text, Maker};

use super::features::{words, Features};
use super::share::{same_programmes, FromLink, Link};
use super::state::{Kept, Message, WidgetState};
use super::summary::Summary;
use crate::answer::UNKNOWN;
use crate::catalogue::{self, Apart};
use crate::i18n::{cut, ui, Lang};
use crate::js;
use crate::pack::Programme;
use eligibility_rules::cat;

// widget.css as build.rs writes it: without comments and needless spaces; in the
// element's engine, without the loader's part, which the element script gives (`Loader`).
#[cfg(feature = "standalone")]
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
#[cfg(not(feature = "standalone"))]
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/widget-form.css"));

/// One mounted widget. Held by the element (through `wasm::Widget`) and, weakly, by
/// its event listener.
pub struct Mounted {
    host: HtmlElement,
    root: ShadowRoot,
    maker: Maker,
    /// The form and its drawing, while the `programme` attribute names programmes it knows.
    shown: Option<Shown>,
    /// The answers kept while the `programme` attribute names no programme it knows
    /// (so that a passing change of attribute does not lose them), or given to mount.
    kept: Option<Vec<Kept>>,
    /// The attributes the state was built from, to tell what an attribute change changes.
    attributes: (String, Lang, Features),
    /// What opening a link did to this widget, said until the visitor starts over.
    from_link: Option<FromLink>,
    /// The frame the summary is printed from, once made.
    printer: Option<HtmlIFrameElement>,
    /// The reports last announced, as JSON, to send an event only for those that
    /// changed: two reports are equal exactly when their JSON is, and comparing it
    /// here is lighter than the derived comparison of every field (0.3 KB gzipped).
    last_reports: Vec<js_sys::JsString>,
    /// Enter is down in a text field: the `change` it commits is followed by a
    /// `submit`, which moves focus; what the change did is said then, with that known.
    entering: bool,
    /// What such a change did, until the `submit` (or the key's release) says it.
    unsaid: Option<Changes>,
    /// Kept for as long as the widget lives: dropping it would detach the handlers. Of
    /// the type of `copy`'s callbacks, whose glue it shares. An `Fn`: an event that the
    /// widget's own work dispatches (a click or a change from a page's listener, a blur
    /// as focus moves) calls it again while it runs, which wasm-bindgen refuses an
    /// `FnMut` (it throws); such an event is queued (`run`).
    listener: Closure<dyn Fn(JsValue)>,
    /// Programmes it knows besides the catalogue's (the preview's pack, the tests').
    /// Not in the element's engine, built without `standalone`, which nothing gives
    /// any: their search cost 61 B gzipped there.
    #[cfg(any(feature = "standalone", feature = "preview"))]
    extra: Vec<&'static Programme>,
    /// The element script's `need(name)` for this widget (`Loader::need`).
    need: Option<js_sys::Function>,
    /// The language the language button asked for, while its texts come.
    wanted: Option<Lang>,
    /// The language whose sources were asked for last (`ask_sources`).
    sources_asked: Option<Lang>,
    /// The catalogue's programmes when `reread` last looked: read again once a part
    /// of them is given (`catalogue::programmes`).
    reread_from: &'static [Programme],
    /// The visitor has acted in the widget: the sources of each language it shows are
    /// asked for.
    acted: bool,
    /// A problem is shown (`show_problem`) for the attributes read last, not a form.
    problem: bool,
    /// The summary the visitor asked to keep (`print` or `copy`), made once the
    /// sources it cites have come.
    pending: Option<String>,
}

type Shared = RefCell<Mounted>;

/// A mounted widget and its queue of work, in one allocation: one `Rc` and its code,
/// where each had its own.
struct Mount {
    mounted: Shared,
    queue: RefCell<Queue>,
    /// The host's document, whose window's console the errors go to, whatever holds the state.
    document: Document,
}

/// A form and its drawing, made and dropped together: one test of whether a widget
/// shows a form, where each would have its own.
struct Shown {
    state: WidgetState,
    drawn: Drawn,
}

impl Shown {
    /// Updates the state with `message`, then the drawing; what changed, to be said.
    fn send(&mut self, maker: &Maker, message: Message) -> Changes {
        self.state.update(message);
        self.sync(maker)
    }

    /// Brings the drawing in line with the state; what changed, to be said. Of the
    /// same language: each switch of language redraws it.
    fn sync(&mut self, maker: &Maker) -> Changes {
        self.drawn.sync(maker, &self.state, self.state.view())
    }
}

/// Draws `state` anew (for new programmes, a new language or new features), with what
/// the link did, if it did anything.
fn draw(maker: &Maker, root: &ShadowRoot, state: &WidgetState, features: Features, link: Option<&FromLink>) -> Drawn {
    let drawn = Drawn::build(maker, root, state, features);
    drawn.show_note(link.map(|f| f.message(state)).as_deref());
    drawn
}

/// Work that reached a widget while it was busy with other work (a listener of the
/// host page, or a blur while focus moves, calling back in): done right after, in order.
enum Work {
    /// An event and its target, read as it came: once its dispatch is over, an event
    /// from inside a shadow tree has none (the DOM clears it), and queued work is done
    /// after.
    Event(Event, Option<Element>),
    Refresh,
    /// The texts or the sources of a language, asked for (`need`), could not come.
    Unavailable(Apart, Lang),
}

/// One mounted widget and its queue of work; what the element holds.
pub struct Handle {
    mount: Rc<Mount>,
}

impl Handle {
    /// Reads the `programme` and `lang` attributes again and redraws what they change;
    /// shows the language the button asked for, once its texts are given.
    pub fn refresh(&self) -> Result<(), JsValue> {
        run(&self.mount, Work::Refresh)
    }

    /// `part` in `lang`, asked for, could not come: said in the widget, which stays
    /// in its language, or shows no sources.
    pub fn unavailable(&self, part: Apart, lang: Lang) -> Result<(), JsValue> {
        run(&self.mount, Work::Unavailable(part, lang))
    }

    /// Whether its state is taken. Outside the engine's own work, only after an
    /// exception thrown through it skipped the release (`element.rs`).
    pub fn busy(&self) -> bool {
        self.mount.mounted.try_borrow_mut().is_err()
    }

    /// What the visitor typed or chose, to mount the widget again with it later.
    pub fn kept(&self) -> Result<Vec<Kept>, JsValue> {
        self.with_kept(copied)
    }

    /// What the visitor typed or chose, given to `with`: read in place (`wasm::Widget::keep`),
    /// where `kept` copies what a widget without a form kept.
    pub fn with_kept<R>(&self, with: impl FnOnce(&[Kept]) -> R) -> Result<R, JsValue> {
        let m = self.mount.mounted.try_borrow().map_err(|_| "the widget is busy")?;
        Ok(match (&m.shown, &m.kept) {
            (Some(shown), _) => with(&shown.state.kept()),
            (None, kept) => with(kept.as_deref().unwrap_or_default()),
        })
    }
}

/// A copy of what was kept, pushed by a loop: lighter than the slice's `to_vec`
/// (0.14 KB gzipped).
fn copied(kept: &[Kept]) -> Vec<Kept> {
    let mut copy = Vec::new();
    for k in kept {
        copy.push(Kept { id: k.id.clone(), raw: k.raw.clone(), chosen: k.chosen });
    }
    copy
}

#[cfg(not(panic = "immediate-abort"))]
thread_local! {
    /// The shadow root and language of the widget at work, for the panic hook.
    static AT_WORK: RefCell<Option<(ShadowRoot, Lang)>> = const { RefCell::new(None) };
}

/// Work waiting for the widget, newest first, so that the oldest is popped: a few items
/// at most, where a `VecDeque` adds its own code for nothing, and `remove(0)` more than
/// `insert(0, …)` (0.06 KB gzipped).
type Queue = Vec<Work>;

/// Does `first`, then whatever work arrived meanwhile. Work that arrives while the
/// widget is busy is queued, not refused: it is done as soon as the widget is free.
fn run(mount: &Mount, first: Work) -> Result<(), JsValue> {
    let (mounted, queue) = (&mount.mounted, &mount.queue);
    if mounted.try_borrow_mut().is_err() {
        queue.try_borrow_mut().map_err(|_| "the widget's queue is busy")?.insert(0, first);
        return Ok(());
    }
    #[cfg(not(panic = "immediate-abort"))]
    let previous = {
        let at_work = mounted.try_borrow().ok().map(|m| (m.root.clone(), m.attributes.1));
        AT_WORK.with(|cell| cell.try_borrow_mut().ok().map(|mut slot| std::mem::replace(&mut *slot, at_work)))
    };
    let mut result = Ok(());
    let mut next = Some(first);
    while let Some(work) = next {
        let done = match work {
            Work::Event(event, target) => handle_event(mounted, &event, target),
            Work::Refresh => refresh(mounted),
            Work::Unavailable(part, lang) => unavailable(mounted, part, lang),
        };
        // Sent from here, once for both kinds of work.
        let done = done.and_then(|changed| if changed { announce(mounted) } else { Ok(()) });
        if let Err(error) = done {
            // The first failure is the caller's; later ones, of queued work, are logged.
            match result {
                Ok(()) => result = Err(error),
                Err(_) => log(&mount.document, &error),
            }
        }
        next = queue.try_borrow_mut().ok().and_then(|mut q| q.pop());
    }
    #[cfg(not(panic = "immediate-abort"))]
    AT_WORK.with(|cell| {
        if let (Ok(mut slot), Some(previous)) = (cell.try_borrow_mut(), previous) {
            *slot = previous;
        }
    });
    result
}

/// Once per page: a panic (which the rules and these layers are built never to reach)
/// becomes a message in the widget at work and a console error; the other widgets of
/// the page keep working. The previous hook still runs. Only where a panic runs a hook:
/// the build that ships (`scripts/build.sh`, `panic=immediate-abort`) has none, a panic
/// is a bare trap there, and the element script shows its fallback in the widget at work.
#[cfg(not(panic = "immediate-abort"))]
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            web_sys::console::error_1(&format!("eligibility-widget: {info}").into());
            AT_WORK.with(|cell| {
                if let Ok(slot) = cell.try_borrow() {
                    if let Some((root, lang)) = slot.as_ref() {
                        let _ = show_crash(root, *lang);
                    }
                }
            });
            previous(info);
        }));
    });
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.stringify` of an event detail, imported without `catch`: a plain object of
    /// the widget's own, of texts, numbers, booleans and `null`, which it cannot refuse.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify)]
    fn json_of(detail: &JsValue) -> js_sys::JsString;

    /// `navigator.clipboard.writeText`: throws where there is no clipboard (an old
    /// browser, a page that is not a secure context), which `copy` says.
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn write_text(text: &str) -> Result<Copying, JsValue>;

    /// What `writeText` gave: a promise, unless the page replaced it by a function that
    /// returns none, whose `then` then throws, caught here rather than through the
    /// engine, which it would stop.
    type Copying;

    #[wasm_bindgen(method, catch, js_name = then)]
    fn then(
        this: &Copying,
        done: &Closure<dyn Fn(JsValue)>,
        failed: &Closure<dyn Fn(JsValue)>,
    ) -> Result<JsValue, JsValue>;
}

/// A property of the window of `document` (its `defaultView`; none for a document
/// without one): what the widget reads of the page's window, through the document it
/// has, where reading `window` itself cost an import and its cell (0.11 KB gzipped).
fn of_window(document: &Document, key: &str) -> Option<JsValue> {
    let window = js::object::<js_sys::Object>(document, "defaultView")?;
    Some(js::get(&window, key))
}

/// A part of the page's address (`hash`, `href`), read as plain properties: the page's
/// own `location` cannot refuse them, where web-sys's getters each bring a catching import.
fn location_part(document: &Document, part: &str) -> Option<String> {
    js::get(&of_window(document, "location")?, part).as_string()
}

/// Replaces a widget's content with the message that it stopped.
pub fn show_crash(root: &ShadowRoot, lang: Lang) -> Result<(), JsValue> {
    let document = js::object(root, "ownerDocument").ok_or("no document")?;
    let message = Maker { document }.element("p|class=problem|role=alert", &[], Some(ui(lang).crashed()));
    element::set_text_content(root, None);
    element::append(root, &message);
    Ok(())
}

/// What the element script gives the engine it loads, which is built without them (the
/// `standalone` feature); nothing (`Loader::default()`) to an engine built with them.
/// Typed, each an option: a value left out (`undefined`, `null`) is told in the glue,
/// where testing a `JsValue` for a function and an object cost two imports (0.11 KB
/// gzipped).
#[derive(Default)]
pub struct Loader {
    /// `need(name)`: fetches what the catalogue has not got, the texts of a language
    /// (`fr`, `en`) or its sources (`sources.fr`, `sources.en`), gives them, then
    /// refreshes the widget (`Handle::refresh`), or, if they cannot come, says so to it
    /// (`Handle::unavailable`).
    pub need: Option<js_sys::Function>,
    /// The constructed stylesheet the element script drew the placeholder with: the
    /// loader's part of widget.css, which comes first in the widget's styles.
    pub sheet: Option<CssStyleSheet>,
}

/// Mounts a widget on `host` with the answers `kept` from an earlier one.
pub fn mount(host: HtmlElement, kept: Vec<Kept>, loader: Loader) -> Result<Handle, JsValue> {
    mount_with(host, kept, Vec::new(), loader)
}

/// Mounts a widget that knows `extra` programmes besides the catalogue's: a pack being
/// written, in the preview (the element's engine keeps none: `Mounted::extra`).
#[cfg_attr(not(any(feature = "standalone", feature = "preview")), allow(unused_variables))]
pub fn mount_with(
    host: HtmlElement,
    kept: Vec<Kept>,
    extra: Vec<&'static Programme>,
    loader: Loader,
) -> Result<Handle, JsValue> {
    #[cfg(not(panic = "immediate-abort"))]
    install_panic_hook();
    let document: Document = js::object(&host, "ownerDocument").ok_or("the element has no document")?;
    let root = match js::object(&host, "shadowRoot") {
        Some(root) => root,
        None => element::attach_shadow(&host),
    };
    adopt_style(&root, &loader.sheet);
    let need = loader.need;
    // Made with its listener, which holds it weakly: no later borrow to fail.
    let mount = Rc::new_cyclic(|weak: &Weak<Mount>| {
        let weak = weak.clone();
        // Events all, by what it listens to.
        let listener = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let target = js::object(&event, "target");
            handle(&weak, Work::Event(event.unchecked_into(), target))
        });
        for kind in &LISTENED {
            element::listen(&root, kind, listener.as_ref());
        }
        let mounted = RefCell::new(Mounted {
            host,
            root,
            maker: Maker { document: document.clone() },
            shown: None,
            kept: (!kept.is_empty()).then_some(kept),
            attributes: (String::new(), Lang::Fr, Features::default()),
            from_link: None,
            printer: None,
            last_reports: Vec::new(),
            entering: false,
            unsaid: None,
            listener,
            #[cfg(any(feature = "standalone", feature = "preview"))]
            extra,
            need,
            wanted: None,
            sources_asked: None,
            reread_from: &[],
            acted: false,
            problem: false,
            pending: None,
        });
        Mount { mounted, queue: RefCell::default(), document }
    });
    let handle = Handle { mount };
    handle.refresh()?;
    Ok(handle)
}

/// The events the widget listens to on its shadow root; walked by reference, where an
/// array walked by value brings its own iterator (0.06 KB gzipped).
const LISTENED: [&str; 5] = ["change", "submit", "click", "keydown", "keyup"];

/// Reads the `programme` and `lang` attributes again and redraws what they change, or
/// takes in what the catalogue was given; then makes the summary that waited for the
/// sources, whichever way they were taken in. Whether that may have changed a report.
fn refresh(mounted: &Shared) -> Result<bool, JsValue> {
    let changed = redraw(mounted)?;
    mounted.try_borrow_mut().map_err(|_| "the widget is busy")?.keep_waiting()?;
    Ok(changed)
}

/// `refresh`, but for the summary that waited.
fn redraw(mounted: &Shared) -> Result<bool, JsValue> {
    let mut m = mounted.try_borrow_mut().map_err(|_| "the widget is busy")?;
    let m = &mut *m;
    // The button's language, once its texts are here (the element script refreshes
    // the widget when they are given).
    if let Some(wanted) = m.wanted.filter(|lang| catalogue::has(Apart::Texts, *lang)) {
        m.wanted = None;
        // Focus goes to the button, unless the visitor went on to a question meanwhile.
        let held = match m.held() {
            Held::Nothing => Held::Language,
            held => held,
        };
        m.switch_language(wanted, held);
        return Ok(true);
    }
    // The sources, once given (the element script refreshes the widget then too).
    let taken = m.reread();
    let programme_attribute = element::attribute(&m.host, "programme").unwrap_or_default();
    let asked = attribute_lang(&m.host, &m.maker.document);
    // A language whose texts are not here is asked for, and the widget refreshed once
    // they are given; meanwhile it is drawn in the language it shows, or in one whose
    // texts are here (the element script gives one before it mounts a widget).
    let lang = if catalogue::has(Apart::Texts, asked) {
        asked
    } else {
        m.ask(Apart::Texts.name(asked));
        match (&m.shown, catalogue::has(Apart::Texts, Lang::Fr)) {
            (Some(shown), _) => shown.state.lang,
            (None, true) => Lang::Fr,
            (None, false) if catalogue::has(Apart::Texts, Lang::En) => Lang::En,
            (None, false) => return Ok(false),
        }
    };
    let features = Features::parse(element::attribute(&m.host, "features").as_deref());
    // Nothing to redraw for the same attributes: not the form shown, nor a problem
    // said for them (not said again by a refresh for files given meanwhile, the
    // sources asked for before). One comparison of the three for both.
    let same = (&m.attributes.0, m.attributes.1, m.attributes.2) == (&programme_attribute, lang, features);
    if same && (m.problem || m.shown.is_some()) {
        return Ok(taken);
    }
    let programmes_changed = m.attributes.0 != programme_attribute || m.shown.is_none();
    // The language the visitor chose with the button stays until the page's own changes.
    let shown_lang = match &m.shown {
        Some(shown) if m.attributes.1 == lang => shown.state.lang,
        _ => lang,
    };
    if programmes_changed {
        // A loop rather than collecting into a `Result`: the first unknown id stops it,
        // borrowed from the attribute (none: empty, as no id is).
        let mut programmes = Vec::new();
        let mut unknown = "";
        for &id in &words(&programme_attribute) {
            let Some(programme) = m.programme(id) else {
                unknown = id;
                break;
            };
            programmes.push(programme);
        }
        let failed = programmes.is_empty() || !unknown.is_empty();
        if failed {
            if let Some(old) = m.shown.take() {
                m.kept = Some(old.state.kept());
            }
            m.show_problem(lang, unknown);
        }
        m.attributes = (programme_attribute, lang, features);
        m.problem = failed;
        if failed {
            return Ok(false);
        }
        let mut state = WidgetState::new(programmes, shown_lang, js::today());
        match (m.shown.take(), m.kept.take()) {
            // Another list of programmes: what the link did no longer applies.
            (Some(old), _) => {
                state.keep_answers_of(old.state);
                m.from_link = None;
            }
            (None, Some(kept)) => state.restore(&kept),
            // A widget's first drawing: the answers of a link, if it brings some.
            (None, None) if features.share => m.from_link = from_link(&m.host, &m.maker.document, &mut state),
            (None, None) => {}
        }
        let drawn = draw(&m.maker, &m.root, &state, features, m.from_link.as_ref());
        m.shown = Some(Shown { state, drawn });
    } else {
        if m.attributes.1 != lang {
            // The page's language now: the button's, asked before, no longer.
            m.wanted = None;
        }
        m.attributes.1 = lang;
        m.attributes.2 = features;
        let held = m.held();
        m.switch_language(shown_lang, held);
    }
    if let (Some(shown), Some(from_link), true) = (&m.shown, &m.from_link, programmes_changed) {
        // Said once, and the widget brought into view: the visitor came for it.
        set_text(shown.drawn.live(), &from_link.message(&shown.state));
        element::call(&m.host, "scrollIntoView");
    }
    Ok(true)
}

/// Whether a widget of the page took the link's answers: one link, one widget, once
/// (not again when it is rebuilt, nor by a widget added later). An atomic, read and
/// written in place, where a thread-local is reached through a function per use.
static LINK_TAKEN: AtomicBool = AtomicBool::new(false);

/// Restores into `state` the answers of the page's link (`location.hash`) if it was
/// made by this widget: the same programmes, the same rank among the page's widgets of
/// those programmes. A link of ours that cannot be read is said by the first widget.
fn from_link(host: &HtmlElement, document: &Document, state: &mut WidgetState) -> Option<FromLink> {
    if LINK_TAKEN.load(Relaxed) {
        return None;
    }
    let hash = location_part(document, "hash")?;
    let outcome = match Link::read(&hash) {
        Ok(None) => return None,
        Err(_) => FromLink::Unreadable,
        Ok(Some(link)) => {
            let mut ids = Vec::new();
            for programme in &state.form.programmes {
                ids.push(programme.id.as_str());
            }
            if !link.is_for(&ids, rank_of(host, document)) {
                return None;
            }
            FromLink::restore(state, &link)
        }
    };
    LINK_TAKEN.store(true, Relaxed);
    Some(outcome)
}

/// How many widgets of the same programmes come before `host` in the page.
fn rank_of(host: &HtmlElement, document: &Document) -> usize {
    let own = element::attribute(host, "programme").unwrap_or_default();
    let own = words(&own);
    let widgets = element::select_all(document, "eligibility-widget");
    let mut rank = 0;
    for i in 0..widgets.length() {
        // Elements all, by the selector.
        let element: Element = widgets.get(i).unchecked_into();
        // The same node: the same object (`Object.is`, which the .wasm imports anyway).
        if element.unchecked_ref::<js_sys::Object>() == host.unchecked_ref::<js_sys::Object>() {
            break;
        }
        let theirs = element::attribute(&element, "programme").unwrap_or_default();
        if same_programmes(&words(&theirs), &own) {
            rank += 1;
        }
    }
    rank
}

/// The page's address without its fragment, and the link of `state` after it.
fn link_to(host: &HtmlElement, document: &Document, state: &WidgetState) -> Result<String, JsValue> {
    let href = location_part(document, "href").ok_or("no window")?;
    let (page, _) = cut(&href, [b'#'; 2]);
    Ok(cat!(page, "#", Link::of(state, rank_of(host, document)).fragment()))
}

/// Puts `text` on the clipboard from the visitor's click, then says in the live region
/// whether it worked. A browser without the Clipboard API (or a page that is not a
/// secure context) gets the failure said, not an exception.
fn copy(text: &str, live: &Element, done: &'static str, failed: &'static str) {
    let Ok(promise) = write_text(text) else {
        set_text(live, failed);
        return;
    };
    // Emptied first, so that a second copy is said again.
    element::set_text_content(live, None);
    let (on_done, on_failed) = (saying(live, done), saying(live, failed));
    if promise.then(&on_done, &on_failed).is_err() {
        set_text(live, failed);
        return;
    }
    // The promise calls one of them later, once: a few bytes per copy, left to it.
    on_done.forget();
    on_failed.forget();
}

/// A callback that says `text` in `live`: both of `copy`'s made here, of one type, so
/// that its glue is written once.
fn saying(live: &Element, text: &'static str) -> Closure<dyn Fn(JsValue)> {
    let live = live.clone();
    Closure::new(move |_: JsValue| set_text(&live, text))
}

fn attribute_lang(host: &HtmlElement, document: &Document) -> Lang {
    if let Some(lang) = element::attribute(host, "lang").and_then(|tag| Lang::from_tag(&tag)) {
        return lang;
    }
    let page = js::object::<Element>(document, "documentElement").and_then(|e| element::attribute(&e, "lang"));
    page.and_then(|tag| Lang::from_tag(&tag)).unwrap_or_default()
}

thread_local! {
    /// One constructed stylesheet shared by every widget of the page: allowed under
    /// a strict `style-src 'self'`, unlike a `<style>` element or `style` attributes.
    static SHEET: std::cell::OnceCell<CssStyleSheet> = const { std::cell::OnceCell::new() };
}

#[wasm_bindgen]
extern "C" {
    /// A stylesheet, made by `new CSSStyleSheet()` imported without `catch` (web-sys's
    /// constructor catches): it throws only where sheets cannot be constructed, where
    /// the element script never loads the engine (its check of a modern browser).
    #[wasm_bindgen(js_name = CSSStyleSheet)]
    type Sheet;
    #[wasm_bindgen(constructor, js_class = "CSSStyleSheet")]
    fn new() -> Sheet;
}

/// Gives the shadow root the widget's styles: the loader's `sheet` (where the element
/// script gave it), then the engine's.
fn adopt_style(root: &ShadowRoot, loader_sheet: &Option<CssStyleSheet>) {
    // Made in the cell's one access, where a look and a set were two (0.07 KB gzipped):
    // `replaceSync` calls nothing back.
    let sheet = SHEET.with(|cell| {
        let sheet = cell.get_or_init(|| {
            let sheet: CssStyleSheet = Sheet::new().unchecked_into();
            element::call_with_text(&sheet, "replaceSync", STYLE);
            sheet
        });
        sheet.clone()
    });
    // `new Array` and `push` rather than `Array.of`: imports the .wasm has anyway.
    let sheets = js_sys::Array::new();
    if let Some(loader_sheet) = loader_sheet {
        sheets.push(loader_sheet);
    }
    sheets.push(&sheet);
    // Set as a plain property, where `Reflect.set` was a catching import (83 B gzipped):
    // it refuses only sheets of another document's realm, and the element script's
    // placeholder adopted its own sheet of this realm first. Even so, the exception
    // would reach the element script's call as the error returned did.
    js::set(root.unchecked_ref(), "adoptedStyleSheets", &sheets);
}

/// A console error of the widget's, after its name.
#[inline(never)]
fn log(document: &Document, error: &JsValue) {
    if let Some(console) = of_window(document, "console") {
        element::call_with_text_and(&console, "error", "eligibility-widget:", error);
    }
}

/// Does `work` for the widget, if it is still mounted; an error is logged.
fn handle(weak: &Weak<Mount>, work: Work) {
    let Some(mount) = weak.upgrade() else { return };
    if let Err(error) = run(&mount, work) {
        log(&mount.document, &error);
    }
}

impl Drop for Mounted {
    /// A freed widget stops listening: no handler outlives it to throw.
    fn drop(&mut self) {
        for kind in &LISTENED {
            element::unlisten(&self.root, kind, self.listener.as_ref());
        }
    }
}

/// Does what an event of the visitor's asks; whether that may have changed a report.
fn handle_event(mounted: &Shared, event: &Event, target: Option<Element>) -> Result<bool, JsValue> {
    // An element, told by the `closest` that is called on it below rather than by an
    // `instanceof` import: a script may send an event from the shadow root or a text.
    let Some(target) = target else { return Ok(false) };
    if js::object::<js_sys::Function>(&target, "closest").is_none() {
        return Ok(false);
    }
    let mut m = mounted.try_borrow_mut().map_err(|_| "the widget is busy")?;
    let m = &mut *m;
    // Without a form, the widget shows only a message, which no event acts on; what an
    // Enter pressed before began is over (its release may come now).
    if m.shown.is_none() {
        m.entering = false;
        m.unsaid = None;
        return Ok(false);
    }
    // The visitor acts: the sources, which "Sources and rules" and a kept summary
    // show, are fetched now if they are not here (again, after a failure, when the
    // visitor opens "Sources and rules"), and taken in if they came meanwhile (for
    // another widget of the page).
    m.reread();
    m.acted = true;
    m.ask_sources(element::matches(&target, ".sources summary"));
    let Some(shown) = &mut m.shown else { return Ok(false) };
    let kind = element::type_of(event);
    match kind.as_str() {
        "keydown" | "keyup" if key_of(event).as_deref() == Some("Enter") => {
            let down = kind == "keydown";
            // An input has no children: no ancestor of the target is one.
            m.entering = down && element::matches(&target, "input[type=text]");
            // Released with no `submit`: say now what the change did.
            if let (false, Some(changes)) = (down, m.unsaid.take()) {
                shown.drawn.announce(changes, Focused::Nothing);
            }
            return Ok(false);
        }
        "change" => {
            let Some(question) = question_of(&target) else { return Ok(false) };
            let raw = value_of(&target);
            let changes = shown.send(&m.maker, Message::Answer { question, raw });
            if m.entering {
                m.unsaid = Some(m.unsaid.take().unwrap_or_default().then(changes));
            } else {
                // Focus stays where the visitor put it: say all that changed.
                shown.drawn.announce(changes, Focused::Nothing);
            }
        }
        "submit" => {
            element::call(event, "preventDefault");
            commit_text_fields(&m.root, &mut shown.state);
            let changes = m.unsaid.take().unwrap_or_default().then(shown.sync(&m.maker));
            let focused = shown.drawn.focus_next(shown.state.view().next_question);
            shown.drawn.announce(changes, focused);
        }
        // The widget's buttons: none holds another, so the nearest is the one clicked.
        "click" => {
            let Some(button) = element::closest(&target, BUTTONS) else { return Ok(false) };
            // No ancestor of a button of the widget's is the language button.
            if element::matches(&button, ".language") {
                let lang = match shown.state.lang {
                    Lang::En => Lang::Fr,
                    Lang::Fr => Lang::En,
                };
                if !catalogue::has(Apart::Texts, lang) {
                    // Shown once they are given (`refresh`); asked once, and the button
                    // busy meanwhile (the redraw in that language makes a new one), which
                    // the live region says: a screen reader does not read `aria-busy`.
                    if m.wanted.replace(lang).is_none() {
                        element::set(&button, "aria-busy", "true");
                        set_text(shown.drawn.live(), ui(shown.state.lang).other_language_loading());
                        m.ask(Apart::Texts.name(lang));
                    }
                    return Ok(false);
                }
                m.wanted = None;
                m.switch_language(lang, Held::Language);
            } else if let Some(reading) = element::attribute(&button, "data-reading") {
                let Some(question) = question_of(&target) else { return Ok(false) };
                shown.send(&m.maker, Message::ChooseReading { question, second: reading == "1" });
                // The buttons hide once chosen: focus goes back to the field.
                shown.drawn.focus_next(Some(question));
            } else if let Some(action) = element::attribute(&button, "data-action") {
                m.keep(action)?;
                return Ok(false);
            } else {
                // The one left: "Start over".
                shown.send(&m.maker, Message::StartOver);
                m.from_link = None;
                shown.drawn.hush();
                shown.drawn.show_note(None);
                shown.drawn.focus_first();
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// Where focus was in a widget before a redraw.
enum Held {
    Nothing,
    /// The language button.
    Language,
    /// A control of the question of this index.
    Question(usize),
}

/// `part` in `lang`, asked for, could not come. The texts of the button's language:
/// said in the live region, and no longer asked for. The sources: said in "Sources
/// and rules", and by the live region if a summary waited for them, which is not made;
/// asked for again only when the visitor asks for them (`ask_sources`).
fn unavailable(mounted: &Shared, part: Apart, lang: Lang) -> Result<bool, JsValue> {
    let mut m = mounted.try_borrow_mut().map_err(|_| "the widget is busy")?;
    let m = &mut *m;
    let Some(shown) = &m.shown else { return Ok(false) };
    let ui = ui(shown.state.lang);
    match part {
        Apart::Texts => {
            if m.wanted == Some(lang) {
                m.wanted = None;
            }
            element::call_with_text(shown.drawn.language_button(), "removeAttribute", "aria-busy");
            set_text(shown.drawn.live(), ui.other_language_failed());
        }
        Apart::Sources if m.sources_asked == Some(lang) && shown.state.lang == lang => {
            shown.drawn.fill_sources(&m.maker, &shown.state, ui.sources_failed());
            if m.pending.take().is_some() {
                set_text(shown.drawn.live(), ui.sources_failed());
            }
        }
        Apart::Sources => {}
    }
    Ok(false)
}

/// The buttons a click acts on.
const BUTTONS: &str = ".language,[data-reading],.start-over,[data-action]";

/// The `key` of a keyboard event (read without the `KeyboardEvent` binding).
fn key_of(event: &Event) -> Option<String> {
    js::get(event, "key").as_string()
}

/// The form's index of the question whose block holds `element`.
fn question_of(element: &Element) -> Option<usize> {
    let holder = element::closest(element, "[data-question]");
    holder.and_then(|e| element::attribute(&e, "data-question")).and_then(|i| index(&i))
}

/// A question's index as the drawing writes it (`i18n::digits`: decimal digits, no
/// sign, a few at most), read back without the standard library's general parser.
fn index(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 9 {
        return None;
    }
    // Checked and added in one pass.
    let mut n = 0;
    for digit in text.bytes() {
        if !digit.is_ascii_digit() {
            return None;
        }
        n = n * 10 + usize::from(digit - b'0');
    }
    Some(n)
}

/// The value a control of a question gives (an `input` or a `select`: the only elements
/// of a question's block that send `change`, each with a `type` and a `value`): its value,
/// or nothing for an unchecked radio button or "I don't know" box.
fn value_of(target: &Element) -> String {
    if matches!(element::type_of(target).as_str(), "radio" | "checkbox") && !js::flag(target, "checked") {
        return String::new();
    }
    element::value(target)
}

/// Sends an `eligibility-result` event for every report that changed, once the widget
/// is released, since a listener may call it back.
fn announce(mounted: &Shared) -> Result<(), JsValue> {
    let (host, details) = mounted.try_borrow_mut().map_err(|_| "the widget is busy")?.pending_events()?;
    // Walked by reference: the list's own drop frees it, with no iterator's (60 B gzipped).
    for detail in &details {
        let init = js_sys::Object::new();
        js::set(&init, "bubbles", &JsValue::TRUE);
        js::set(&init, "composed", &JsValue::TRUE);
        js::set(&init, "detail", detail);
        element::dispatch(&host, &element::result_event(&init));
    }
    Ok(())
}

impl Mounted {
    /// `programme` as the catalogue reads it now, with what it was given since.
    fn programme_now(&self, programme: &'static Programme) -> &'static Programme {
        self.programme(&programme.id).unwrap_or(programme)
    }

    /// The programmes of `state` as the catalogue reads them now (`programme_now`), and
    /// whether any was read again since: one loop for a switch of language and for
    /// `reread`, where each had its own.
    fn programmes_now(&self, state: &WidgetState) -> (Vec<&'static Programme>, bool) {
        let mut programmes = Vec::new();
        let mut changed = false;
        for &programme in &state.form.programmes {
            let now = self.programme_now(programme);
            changed |= !std::ptr::eq(now, programme);
            programmes.push(now);
        }
        (programmes, changed)
    }

    /// The programme of `id`, found among the catalogue's rather than by
    /// `catalogue::programme`, whose error copied the id.
    fn programme(&self, id: &str) -> Option<&'static Programme> {
        #[cfg(any(feature = "standalone", feature = "preview"))]
        if let Some(programme) = self.extra.iter().find(|p| p.id == id) {
            return Some(*programme);
        }
        catalogue::programmes().iter().find(|p| p.id == id)
    }

    /// The details of the `eligibility-result` events to send from the host: one for
    /// every programme whose report changed.
    fn pending_events(&mut self) -> Result<(HtmlElement, Vec<JsValue>), JsValue> {
        let mut events = Vec::new();
        let Some(shown) = &self.shown else { return Ok((self.host.clone(), events)) };
        let mut reports = Vec::new();
        for (i, report) in shown.state.view().reports.iter().enumerate() {
            let detail = detail::detail(report)?;
            let json = json_of(&detail);
            // The first drawing is not a change: only what follows is announced to the page.
            if !self.last_reports.is_empty() && self.last_reports.get(i) != Some(&json) {
                events.push(detail);
            }
            reports.push(json);
        }
        self.last_reports = reports;
        Ok((self.host.clone(), events))
    }

    /// Asks the element script for `name` (`need`, an `Apart::name`): it gives them,
    /// then refreshes the widget, or tells it that they cannot come (`unavailable`).
    /// Never called where they are built in, where there is no `need`. A name, not a
    /// part and a language: its callers pass what each knows (72 B gzipped less).
    fn ask(&self, name: &str) {
        if let Some(need) = &self.need {
            element::apply(need, name);
        }
    }

    /// Asks for the sources in the language shown, if the programmes shown wait for
    /// them: once, or `again` (the visitor asks for them: a summary, or "Sources and
    /// rules" opened), which the element script fetches anew only if they failed.
    fn ask_sources(&mut self, again: bool) {
        let Some(lang) = self.awaited() else { return };
        if again || self.sources_asked != Some(lang) {
            self.sources_asked = Some(lang);
            self.ask(Apart::Sources.name(lang));
        }
    }

    /// The language shown, if the catalogue has not got its sources in it: the programmes
    /// shown wait for them, and so does a summary (they hold its printed style too).
    fn awaited(&self) -> Option<Lang> {
        let lang = self.shown.as_ref()?.state.lang;
        (!catalogue::has(Apart::Sources, lang)).then_some(lang)
    }

    /// Takes in what the catalogue was given since the programmes shown were read (their
    /// sources, most often): the form gets the programmes as read now, with the same
    /// answers, and "Sources and rules" is filled again once it has them. The rest of
    /// the drawing is left as it is, not brought in line with the state: it holds what
    /// the visitor typed or clicked and the widget has not yet taken in (the event
    /// being handled), and focus. Whether anything was taken in.
    fn reread(&mut self) -> bool {
        // Nothing came unless the catalogue read its programmes again since the last
        // look: no search of them on every key press.
        let read = catalogue::programmes();
        let last: &[Programme] = std::mem::replace(&mut self.reread_from, read);
        if std::ptr::eq(last, read) {
            return false;
        }
        let Some(shown) = &self.shown else { return false };
        let (programmes, changed) = self.programmes_now(&shown.state);
        let (true, Some(shown)) = (changed, &mut self.shown) else { return false };
        let (lang, today) = (shown.state.lang, shown.state.today);
        let old = std::mem::replace(&mut shown.state, WidgetState::new(programmes, lang, today));
        shown.state.keep_answers_of(old);
        // While they still wait, what "Sources and rules" says (loading, or failed) stays.
        if self.awaited().is_none() {
            if let Some(shown) = &self.shown {
                shown.drawn.fill_sources(&self.maker, &shown.state, ui(lang).sources_loading());
            }
        }
        true
    }

    /// Makes the summary that waited for the sources (`keep`), once they are here.
    fn keep_waiting(&mut self) -> Result<(), JsValue> {
        if self.awaited().is_some() {
            return Ok(());
        }
        match self.pending.take() {
            Some(action) => self.keep(action),
            None => Ok(()),
        }
    }

    /// Prints, copies or shares what the visitor answered (the buttons' `data-action`).
    /// A summary cites the programmes' sources: while they are fetched, it waits for
    /// them (`keep_waiting` makes it), and the live region says so.
    fn keep(&mut self, action: String) -> Result<(), JsValue> {
        let waits = self.awaited().is_some();
        let Some(shown) = &self.shown else { return Ok(()) };
        let (state, live) = (&shown.state, shown.drawn.live());
        let words = ui(state.lang);
        match action.as_str() {
            "print" | "copy" if waits => {
                set_text(live, ui(state.lang).sources_loading());
                self.pending = Some(action);
                self.ask_sources(true);
            }
            "print" => {
                // Nothing said before (that the sources are loading) stays to be read.
                element::set_text_content(live, None);
                printed::print(&self.maker, &self.root, &mut self.printer, &Summary::of(state))?;
            }
            "copy" => copy(&Summary::of(state).text(), live, words.copied(), words.copy_failed()),
            "share" => {
                let link = link_to(&self.host, &self.maker.document, state)?;
                copy(&link, live, words.link_copied(), words.copy_failed());
            }
            _ => {}
        }
        Ok(())
    }

    /// Where focus is in the widget, to put it back after a redraw.
    fn held(&self) -> Held {
        let Some(active) = js::object::<Element>(&self.root, "activeElement") else { return Held::Nothing };
        if element::matches(&active, ".language") {
            return Held::Language;
        }
        question_of(&active).map_or(Held::Nothing, Held::Question)
    }

    /// Shows the form in `lang`, whose texts are here, then puts focus back where it
    /// was (`held`). What was typed and not yet sent is taken first, as a submit
    /// would, so that the redraw loses none of it. Programmes read before the texts of
    /// `lang` came (those texts empty) are read again, with the answers kept.
    fn switch_language(&mut self, lang: Lang, held: Held) {
        let Some(mut shown) = self.shown.take() else { return };
        commit_text_fields(&self.root, &mut shown.state);
        if shown.state.form.programmes.iter().any(|p| p.name.get(lang).is_empty()) {
            let (programmes, _) = self.programmes_now(&shown.state);
            let mut state = WidgetState::new(programmes, lang, shown.state.today);
            state.keep_answers_of(shown.state);
            shown.state = state;
        } else {
            shown.state.update(Message::SwitchLanguage(lang));
        }
        shown.drawn = draw(&self.maker, &self.root, &shown.state, self.attributes.2, self.from_link.as_ref());
        match held {
            Held::Language => element::focus(shown.drawn.language_button()),
            Held::Question(question) => {
                shown.drawn.focus_next(Some(question));
            }
            Held::Nothing => {}
        }
        self.shown = Some(shown);
        // The visitor acted: the sources in this language too.
        if self.acted {
            self.ask_sources(false);
        }
    }

    /// Says, in the widget and in the console, that `programme` is unknown (or, when
    /// empty, that there is none), rather than showing nothing.
    fn show_problem(&self, lang: Lang, programme: &str) {
        element::set_text_content(&self.root, None);
        let (open, close) = match lang {
            Lang::Fr => ("\u{a0}: «\u{a0}", "\u{a0}»."),
            Lang::En => (": “", "”."),
        };
        let text = match programme {
            "" => ui(lang).no_programme().to_owned(),
            _ => cat!(ui(lang).unknown_programme(), open, programme, close),
        };
        let problem = self.maker.element("p|class=problem|role=alert", &[], Some(&text));
        element::append(&self.root, &problem);
        // After the widget's name, as its other errors: read as one line.
        let what = cat!("unknown programme `", programme, "`");
        log(&self.maker.document, &what.into());
    }
}

/// Commits what was typed in the text fields (Enter or "Continue").
fn commit_text_fields(root: &ShadowRoot, state: &mut WidgetState) {
    let inputs = element::select_all(root, "form input[type=text]");
    for i in 0..inputs.length() {
        // Text fields all, by the selector.
        let input: Element = inputs.get(i).unchecked_into();
        let Some(question) = question_of(&input) else { continue };
        let raw = element::value(&input);
        // An empty field beside a checked "I don't know" is that answer, unchanged.
        let unchanged =
            state.fields.get(question).is_some_and(|f| f.raw == raw || (raw.is_empty() && f.raw == UNKNOWN));
        if !unchanged {
            state.update(Message::Answer { question, raw });
        }
    }
}
