//! The DOM layer: draws a `WidgetState` into the shadow root of an
//! `<eligibility-widget>` element and turns the visitor's events into `Message`s.
//! The only module that touches web-sys; every DOM failure is returned as an error,
//! never unwrapped, and never swallowed silently.
//!
//! The form is built once per language; later updates change it in place (hidden
//! questions, values, errors, the verdict) so that focus and typing are never lost.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, Event, HtmlElement, HtmlInputElement,
    ShadowRoot, ShadowRootInit, ShadowRootMode,
};

use super::state::{Message, WidgetState};
use super::wording;
use crate::engine::CriterionStatus;
use crate::i18n::{ui, Lang};
use crate::catalogue;
use crate::pack::{Programme, QuestionKind};
use crate::report::EvaluationReport;

const STYLE: &str = include_str!("widget.css");
/// More options than this are a `<select>` rather than radio buttons.
const MAX_RADIOS: usize = 6;

/// One mounted widget. Held by the element (through `wasm::Widget`) and, weakly, by
/// its event listener.
pub struct Mounted {
    host: HtmlElement,
    root: ShadowRoot,
    document: Document,
    state: Option<WidgetState>,
    /// The attributes the state was built from, to tell what an attribute change changes.
    attributes: (String, Lang),
    last_reports: Vec<EvaluationReport>,
    /// Kept for as long as the widget lives: dropping it would detach the handlers.
    listener: Option<Closure<dyn FnMut(Event)>>,
}

type Shared = Rc<RefCell<Mounted>>;

/// What every question's block shows, whatever its kind.
struct Slot<'a> {
    /// `p0-q3`: unique in the shadow root, the prefix of the block's other ids.
    id: String,
    /// The question's index in its programme, for the events.
    index: String,
    /// The question id: the controls' `name`, a public contract.
    name: &'a str,
    label: &'a str,
    help: Option<Element>,
}

pub fn mount(host: HtmlElement) -> Result<Shared, JsValue> {
    let document = host.owner_document().ok_or("the element has no document")?;
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    adopt_style(&root)?;
    let mounted = Rc::new(RefCell::new(Mounted {
        host,
        root: root.clone(),
        document,
        state: None,
        attributes: (String::new(), Lang::Fr),
        last_reports: Vec::new(),
        listener: None,
    }));
    let weak = Rc::downgrade(&mounted);
    let listener = Closure::<dyn FnMut(Event)>::new(move |event: Event| handle(&weak, event));
    for kind in ["change", "submit", "click"] {
        root.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())?;
    }
    mounted.try_borrow_mut().map_err(|_| "the widget is busy")?.listener = Some(listener);
    refresh(&mounted)?;
    Ok(mounted)
}

/// Reads the `programme` and `lang` attributes again and redraws what they change.
pub fn refresh(mounted: &Shared) -> Result<(), JsValue> {
    let events = {
        let mut m = mounted.try_borrow_mut().map_err(|_| "the widget is busy")?;
        let programme_attribute = m.host.get_attribute("programme").unwrap_or_default();
        let lang = attribute_lang(&m.host, &m.document);
        if m.state.is_some() && m.attributes == (programme_attribute.clone(), lang) {
            return Ok(());
        }
        let programmes_changed = m.attributes.0 != programme_attribute || m.state.is_none();
        m.attributes = (programme_attribute.clone(), lang);
        if programmes_changed {
            let ids: Vec<&str> = programme_attribute.split_whitespace().collect();
            let programmes: Result<Vec<&'static Programme>, _> = ids.iter().map(|id| catalogue::programme(id)).collect();
            match programmes {
                Ok(programmes) if !programmes.is_empty() => {
                    let mut state = WidgetState::new(programmes, lang);
                    if let Some(old) = m.state.take() {
                        state.keep_answers_of(old);
                    }
                    m.state = Some(state);
                }
                result => {
                    m.state = None;
                    let wrong = match result {
                        Err(unknown) => unknown.0,
                        Ok(_) => String::new(),
                    };
                    return m.show_problem(lang, &wrong);
                }
            }
        } else if let Some(state) = m.state.as_mut() {
            state.update(Message::SwitchLanguage(lang));
        }
        m.render()?;
        m.pending_events()?
    };
    dispatch(events)
}

fn attribute_lang(host: &HtmlElement, document: &Document) -> Lang {
    let page = document.document_element().and_then(|e| e.get_attribute("lang"));
    [host.get_attribute("lang"), page].into_iter().flatten().find_map(|tag| Lang::from_tag(&tag)).unwrap_or_default()
}

thread_local! {
    /// One constructed stylesheet shared by every widget of the page: allowed under
    /// a strict `style-src 'self'`, unlike a `<style>` element or `style` attributes.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn adopt_style(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| -> Result<CssStyleSheet, JsValue> {
        let mut slot = cell.try_borrow_mut().map_err(|_| "the stylesheet is busy")?;
        if let Some(sheet) = slot.as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLE)?;
        *slot = Some(sheet.clone());
        Ok(sheet)
    })?;
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(root, &"adoptedStyleSheets".into(), &sheets)?;
    Ok(())
}

fn handle(weak: &Weak<RefCell<Mounted>>, event: Event) {
    let Some(mounted) = weak.upgrade() else { return };
    if let Err(error) = handle_event(&mounted, &event) {
        web_sys::console::error_2(&"eligibility-widget:".into(), &error);
    }
}

fn handle_event(mounted: &Shared, event: &Event) -> Result<(), JsValue> {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return Ok(());
    };
    let events = {
        let mut m = mounted.try_borrow_mut().map_err(|_| "the widget is busy")?;
        let programme = index_of(&target, "data-programme")?;
        match (event.type_().as_str(), programme) {
            ("change", Some(programme)) => {
                let Some(question) = index_of(&target, "data-question")? else { return Ok(()) };
                let raw = value_of(&target);
                m.send(Message::Answer { programme, question, raw })?;
            }
            ("submit", Some(programme)) => {
                event.prevent_default();
                m.commit_text_fields(programme)?;
                m.update()?;
                m.focus_next(programme)?;
            }
            ("click", programme) => {
                if target.closest(".language")?.is_some() {
                    let lang = match m.state.as_ref().map(|s| s.lang) {
                        Some(Lang::En) => Lang::Fr,
                        _ => Lang::En,
                    };
                    if let Some(state) = m.state.as_mut() {
                        state.update(Message::SwitchLanguage(lang));
                    }
                    m.render()?;
                    m.focus(".language")?;
                } else if let (Some(programme), Some(_)) = (programme, target.closest(".start-over")?) {
                    m.send(Message::StartOver { programme })?;
                    m.focus(&format!("#p{programme}-form input, #p{programme}-form select"))?;
                }
            }
            _ => return Ok(()),
        }
        m.pending_events()?
    };
    dispatch(events)
}

/// The index in `attribute` (`data-programme`, `data-question`) of the nearest
/// element that has one, from `element` up.
fn index_of(element: &Element, attribute: &str) -> Result<Option<usize>, JsValue> {
    let holder = element.closest(&format!("[{attribute}]"))?;
    Ok(holder.and_then(|e| e.get_attribute(attribute)).and_then(|i| i.parse().ok()))
}

/// The value a control gives: its value, or nothing for an unchecked radio button.
fn value_of(target: &Element) -> String {
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        if input.type_() == "radio" && !input.checked() {
            return String::new();
        }
        return input.value();
    }
    target.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

/// Sends each event once the widget is released, since a listener may call it back.
fn dispatch(events: Vec<(HtmlElement, CustomEvent)>) -> Result<(), JsValue> {
    for (host, event) in events {
        host.dispatch_event(&event)?;
    }
    Ok(())
}

impl Mounted {
    fn send(&mut self, message: Message) -> Result<(), JsValue> {
        if let Some(state) = self.state.as_mut() {
            state.update(message);
        }
        self.update()
    }

    /// The `eligibility-result` events for every programme whose report changed.
    fn pending_events(&mut self) -> Result<Vec<(HtmlElement, CustomEvent)>, JsValue> {
        let Some(state) = &self.state else { return Ok(Vec::new()) };
        let reports = state.reports();
        // The first drawing is not a change: only what follows is announced to the page.
        let previous = std::mem::replace(&mut self.last_reports, reports);
        if previous.is_empty() {
            return Ok(Vec::new());
        }
        let mut events = Vec::new();
        for (i, report) in self.last_reports.iter().enumerate() {
            if previous.get(i) == Some(report) {
                continue;
            }
            let init = CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&crate::wasm::to_js(report)?);
            events.push((self.host.clone(), CustomEvent::new_with_event_init_dict("eligibility-result", &init)?));
        }
        Ok(events)
    }

    fn element(&self, tag: &str, attributes: &[(&str, &str)], text: Option<&str>) -> Result<Element, JsValue> {
        let element = self.document.create_element(tag)?;
        for (name, value) in attributes {
            element.set_attribute(name, value)?;
        }
        if let Some(text) = text {
            element.set_text_content(Some(text));
        }
        Ok(element)
    }

    /// Creates an element and appends it to `parent`.
    fn add(&self, parent: &Element, tag: &str, attributes: &[(&str, &str)], text: Option<&str>) -> Result<Element, JsValue> {
        let element = self.element(tag, attributes, text)?;
        parent.append_child(&element)?;
        Ok(element)
    }

    fn find(&self, selector: &str) -> Result<Option<Element>, JsValue> {
        self.root.query_selector(selector)
    }

    fn focus(&self, selector: &str) -> Result<(), JsValue> {
        let visible = self.root.query_selector_all(selector)?;
        for i in 0..visible.length() {
            let Some(element) = visible.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else { continue };
            if element.closest("[hidden]")?.is_none() {
                return element.focus();
            }
        }
        Ok(())
    }

    /// Says, in the widget and in the console, that `programme` is unknown (or, when
    /// empty, that there is none), rather than showing nothing.
    fn show_problem(&self, lang: Lang, programme: &str) -> Result<(), JsValue> {
        self.root.set_inner_html("");
        let text = match (programme, lang) {
            ("", _) => ui(lang).no_programme.to_owned(),
            (_, Lang::Fr) => format!("{}\u{a0}: «\u{a0}{programme}\u{a0}».", ui(lang).unknown_programme),
            (_, Lang::En) => format!("{}: “{programme}”.", ui(lang).unknown_programme),
        };
        let problem = self.element("p", &[("class", "problem"), ("role", "alert")], Some(&text))?;
        self.root.append_child(&problem)?;
        web_sys::console::error_1(&format!("eligibility-widget: unknown programme `{programme}`").into());
        Ok(())
    }

    /// Builds the whole widget for the current language, then fills it from the state.
    fn render(&mut self) -> Result<(), JsValue> {
        let Some(state) = &self.state else { return Ok(()) };
        let lang = state.lang;
        let ui = ui(lang);
        self.root.set_inner_html("");
        let widget = self.element("div", &[("class", "widget"), ("lang", lang.code())], None)?;
        let toolbar = self.element("div", &[("class", "toolbar")], None)?;
        let other = match lang {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        };
        let switch = self.element(
            "button",
            &[("type", "button"), ("class", "language secondary"), ("lang", other.code())],
            Some(ui.switch_language),
        )?;
        toolbar.append_child(&switch)?;
        widget.append_child(&toolbar)?;
        for (i, form) in state.forms.iter().enumerate() {
            let section = self.programme_section(i, form.programme, lang)?;
            widget.append_child(&section)?;
        }
        self.root.append_child(&widget)?;
        self.update()
    }

    fn programme_section(&self, i: usize, programme: &Programme, lang: Lang) -> Result<Element, JsValue> {
        let ui = ui(lang);
        let p = format!("p{i}");
        let index = i.to_string();
        let section = self.element("section", &[("class", "programme"), ("aria-labelledby", &format!("{p}-title"))], None)?;
        self.add(&section, "h2", &[("id", &format!("{p}-title"))], Some(programme.name.get(lang)))?;
        self.add(&section, "p", &[("class", "summary")], Some(programme.summary.get(lang)))?;

        let form = self.element(
            "form",
            &[("id", &format!("{p}-form")), ("data-programme", &index), ("novalidate", ""), ("aria-labelledby", &format!("{p}-title"))],
            None,
        )?;
        for (q, question) in programme.questions.iter().enumerate() {
            let id = format!("{p}-q{q}");
            let help = match &question.help {
                Some(help) => Some(self.element("p", &[("class", "help"), ("id", &format!("{id}-help"))], Some(help.get(lang)))?),
                None => None,
            };
            let slot = Slot { id, index: q.to_string(), name: &question.id, label: question.label.get(lang), help };
            let block = match &question.kind {
                QuestionKind::YesNo | QuestionKind::Choice(_) => {
                    let options: Vec<(&str, &str)> = match &question.kind {
                        QuestionKind::Choice(choices) => choices.iter().map(|c| (c.id.as_str(), c.label.get(lang))).collect(),
                        _ => vec![("yes", ui.yes), ("no", ui.no)],
                    };
                    if options.len() > MAX_RADIOS {
                        self.select_block(&slot, &options, ui.choose)?
                    } else {
                        self.radio_block(&slot, &options)?
                    }
                }
                QuestionKind::Integer { .. } => self.text_block(&slot, "numeric")?,
                QuestionKind::Money { .. } => self.text_block(&slot, "decimal")?,
            };
            form.append_child(&block)?;
        }
        let actions = self.element("div", &[("class", "actions")], None)?;
        self.add(&actions, "button", &[("type", "submit")], Some(ui.continue_label))?;
        self.add(&actions, "button", &[("type", "button"), ("class", "start-over secondary")], Some(ui.start_over))?;
        form.append_child(&actions)?;
        section.append_child(&form)?;

        let verdict = self.element("div", &[("class", "verdict"), ("id", &format!("{p}-verdict")), ("data-programme", &index)], None)?;
        self.add(&verdict, 
            "p",
            &[("class", "headline"), ("role", "status"), ("aria-live", "polite"), ("aria-atomic", "true"), ("tabindex", "-1")],
            None,
        )?;
        self.add(&verdict, "p", &[("class", "amount")], None)?;
        self.add(&verdict, "h3", &[], Some(ui.reasons))?;
        self.add(&verdict, "ul", &[("class", "reasons")], None)?;
        self.add(&verdict, "p", &[("class", "window")], Some(&wording::window(&programme.window, lang)))?;
        let link = self.element(
            "a",
            &[("class", "apply"), ("href", &programme.apply_url), ("target", "_blank"), ("rel", "noopener noreferrer")],
            Some(ui.apply),
        )?;
        let link_line = self.element("p", &[], None)?;
        link_line.append_child(&link)?;
        verdict.append_child(&link_line)?;
        self.add(&verdict, "p", &[("class", "notice")], Some(ui.estimate_notice))?;
        self.sources(&verdict, programme, lang)?;
        section.append_child(&verdict)?;
        Ok(section)
    }

    /// A closed `<details>` with the sources, the pack's readings of them, and which
    /// rules these are: what a newsroom checks and cites.
    fn sources(&self, parent: &Element, programme: &Programme, lang: Lang) -> Result<(), JsValue> {
        let details = self.add(parent, "details", &[("class", "sources")], None)?;
        self.add(&details, "summary", &[], Some(ui(lang).sources_and_rules))?;
        let list = self.add(&details, "ul", &[], None)?;
        for source in &programme.sources {
            let item = self.add(&list, "li", &[], None)?;
            let text = wording::source(source, lang);
            match &source.url {
                Some(url) => {
                    self.add(&item, "a", &[("href", url), ("target", "_blank"), ("rel", "noopener noreferrer")], Some(&text))?;
                }
                None => item.set_text_content(Some(&text)),
            }
        }
        for reading in &programme.readings {
            self.add(&details, "p", &[], Some(reading.text.get(lang)))?;
        }
        self.add(&details, "p", &[("class", "rules")], Some(&wording::rules(programme, lang)))?;
        Ok(())
    }

    /// The block of one question: its container, its heading (a `legend`, or a `label`
    /// for its control) and its help.
    fn question_block(&self, tag: &str, slot: &Slot<'_>, heading: &str, heading_attributes: &[(&str, &str)]) -> Result<Element, JsValue> {
        let block = self.element(tag, &[("class", "question"), ("id", &slot.id), ("data-question", &slot.index)], None)?;
        self.add(&block, heading, heading_attributes, Some(slot.label))?;
        if let Some(help) = &slot.help {
            block.append_child(help)?;
        }
        Ok(block)
    }

    fn radio_block(&self, slot: &Slot<'_>, options: &[(&str, &str)]) -> Result<Element, JsValue> {
        let fieldset = self.question_block("fieldset", slot, "legend", &[])?;
        if let Some(help) = &slot.help {
            fieldset.set_attribute("aria-describedby", &help.id())?;
        }
        let group = self.add(&fieldset, "div", &[("class", "options")], None)?;
        for (value, text) in options {
            let option = self.add(&group, "label", &[("class", "option")], None)?;
            let input_id = format!("{}-{value}", slot.id);
            self.add(&option, "input", &[("type", "radio"), ("name", slot.name), ("value", value), ("id", &input_id)], None)?;
            self.add(&option, "span", &[], Some(text))?;
        }
        Ok(fieldset)
    }

    fn select_block(&self, slot: &Slot<'_>, options: &[(&str, &str)], placeholder: &str) -> Result<Element, JsValue> {
        let control_id = format!("{}-input", slot.id);
        let block = self.question_block("div", slot, "label", &[("for", &control_id)])?;
        let select = self.add(&block, "select", &[("name", slot.name), ("id", &control_id)], None)?;
        if let Some(help) = &slot.help {
            select.set_attribute("aria-describedby", &help.id())?;
        }
        self.add(&select, "option", &[("value", "")], Some(placeholder))?;
        for (value, text) in options {
            self.add(&select, "option", &[("value", value)], Some(text))?;
        }
        Ok(block)
    }

    fn text_block(&self, slot: &Slot<'_>, inputmode: &str) -> Result<Element, JsValue> {
        let input_id = format!("{}-input", slot.id);
        let error_id = format!("{}-error", slot.id);
        let block = self.question_block("div", slot, "label", &[("for", &input_id)])?;
        let described_by = match &slot.help {
            Some(help) => format!("{} {error_id}", help.id()),
            None => error_id.clone(),
        };
        let attributes = [
            ("type", "text"),
            ("inputmode", inputmode),
            ("name", slot.name),
            ("id", input_id.as_str()),
            ("autocomplete", "off"),
            ("aria-describedby", described_by.as_str()),
        ];
        self.add(&block, "input", &attributes, None)?;
        self.add(&block, "p", &[("class", "error"), ("id", &error_id), ("hidden", "")], None)?;
        Ok(block)
    }

    /// Brings the drawn form in line with the state: shown questions, values, errors
    /// and the verdict. Elements are changed in place, never rebuilt.
    fn update(&mut self) -> Result<(), JsValue> {
        let Some(state) = &self.state else { return Ok(()) };
        let lang = state.lang;
        for (i, form) in state.forms.iter().enumerate() {
            let verdict = form.verdict();
            let visible = form.visible_questions(&verdict);
            for (q, field) in form.fields.iter().enumerate() {
                let Some(block) = self.find(&format!("#p{i}-q{q}"))? else { continue };
                set_flag(&block, "hidden", !visible.contains(&q))?;
                let controls = block.query_selector_all("input, select")?;
                for c in 0..controls.length() {
                    let Some(control) = controls.item(c) else { continue };
                    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
                        if input.type_() == "radio" {
                            input.set_checked(input.value() == field.raw);
                        } else if input.value() != field.raw {
                            input.set_value(&field.raw);
                        }
                        set_flag(input, "aria-invalid", field.error.is_some())?;
                    } else if let Some(select) = control.dyn_ref::<web_sys::HtmlSelectElement>() {
                        select.set_value(&field.raw);
                    }
                }
                if let Some(error) = block.query_selector(".error")? {
                    let message = field.error.as_ref().map(|e| e.message(lang));
                    error.set_text_content(message.as_deref());
                    set_flag(&error, "hidden", message.is_none())?;
                }
            }
            self.update_verdict(i, &verdict, lang)?;
        }
        Ok(())
    }

    fn update_verdict(&self, i: usize, verdict: &crate::engine::Verdict<'_>, lang: Lang) -> Result<(), JsValue> {
        let Some(block) = self.find(&format!("#p{i}-verdict"))? else { return Ok(()) };
        let ui = ui(lang);
        block.set_attribute("data-status", verdict.status.as_str())?;
        if let Some(headline) = block.query_selector(".headline")? {
            let text = wording::headline(verdict, lang);
            // Only a real change is written, so that the live region speaks only then.
            if headline.text_content().as_deref() != Some(text.as_str()) {
                headline.set_text_content(Some(&text));
            }
        }
        if let Some(amount) = block.query_selector(".amount")? {
            let text = wording::amount_line(verdict, lang);
            set_flag(&amount, "hidden", text.is_none())?;
            amount.set_text_content(text.as_deref());
        }
        if let Some(list) = block.query_selector(".reasons")? {
            list.set_inner_html("");
            for outcome in &verdict.criteria {
                let status = outcome.status.as_str();
                let (mark, word) = match outcome.status {
                    CriterionStatus::Met => ("✓", ui.met),
                    CriterionStatus::NotMet => ("✗", ui.not_met),
                    CriterionStatus::Unknown => ("?", ui.unknown),
                };
                let item = self.element("li", &[("class", status), ("data-criterion", &outcome.criterion.id)], None)?;
                self.add(&item, "span", &[("class", "mark"), ("aria-hidden", "true")], Some(mark))?;
                let text = self.element("span", &[], None)?;
                self.add(&text, "span", &[("class", "visually-hidden")], Some(&format!("{word} ")))?;
                text.append_with_str_1(outcome.explanation(lang))?;
                item.append_child(&text)?;
                list.append_child(&item)?;
            }
        }
        Ok(())
    }

    /// Commits what was typed in the text fields of a form (Enter or "Continue").
    fn commit_text_fields(&mut self, programme: usize) -> Result<(), JsValue> {
        let inputs = self.root.query_selector_all(&format!("#p{programme}-form input[type=text]"))?;
        let mut typed = Vec::new();
        for i in 0..inputs.length() {
            let Some(input) = inputs.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else { continue };
            if let Some(question) = index_of(&input, "data-question")? {
                typed.push((question, input.value()));
            }
        }
        let Some(state) = self.state.as_mut() else { return Ok(()) };
        for (question, raw) in typed {
            let unchanged = state.forms.get(programme).and_then(|f| f.fields.get(question)).is_some_and(|f| f.raw == raw);
            if !unchanged {
                state.update(Message::Answer { programme, question, raw });
            }
        }
        Ok(())
    }

    /// After "Continue": the first shown question still unanswered, else the verdict.
    fn focus_next(&self, programme: usize) -> Result<(), JsValue> {
        let Some(form) = self.state.as_ref().and_then(|s| s.forms.get(programme)) else { return Ok(()) };
        match form.verdict().next_question {
            Some(q) => self.focus(&format!("#p{programme}-q{q} input, #p{programme}-q{q} select")),
            None => self.focus(&format!("#p{programme}-verdict .headline")),
        }
    }
}

fn set_flag(element: &Element, name: &str, on: bool) -> Result<(), JsValue> {
    match (name, on) {
        ("aria-invalid", on) => element.set_attribute(name, if on { "true" } else { "false" }),
        (_, true) => element.set_attribute(name, ""),
        (_, false) => element.remove_attribute(name),
    }
}
