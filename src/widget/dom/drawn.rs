//! The widget as drawn: built once per language, each node that changes later held
//! in a typed field (never looked up again by selector), then brought in line with the
//! state by `sync`, which changes nodes in place so that focus and typing survive.
//!
//! What screen readers hear: one polite live region says, after an answer, what it
//! changed (the verdicts, a value refused, the next question, briefly). `sync` returns
//! those changes; the controller says the part that focus does not already say, since
//! a focused question or verdict is read out by itself. No headline is live, so a
//! verdict that takes focus after "Continue" is heard once.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, ShadowRoot};

use super::element::{self, set_hidden, set_text, Maker};
use crate::answer::UNKNOWN;
use crate::catalogue;
use crate::form::CountryOutcome;
use crate::i18n::{digits, ui, Lang};
use crate::pack::{Programme, QuestionKind};
use crate::report::EvaluationReport;
use crate::widget::features::Features;
use crate::widget::state::{FormView, Reading, WidgetState};
use crate::widget::summary;
use crate::widget::wording;
use eligibility_rules::cat;

/// More options than this are a `<select>` rather than radio buttons.
const MAX_RADIOS: usize = 6;

pub struct Drawn {
    language: HtmlElement,
    /// What opening a link did (answers restored, rules changed, answers left out).
    note: Element,
    /// Per question of the form; `None` for one it does not ask.
    questions: Vec<Option<QuestionNodes>>,
    results: Element,
    /// Per programme of the form, in its order.
    programmes: Vec<ResultNodes>,
    none_for_country: Element,
    /// The polite live region: what an answer changed, briefly.
    live: Element,
    /// The order in which the results are drawn, likely ones first.
    order: Vec<usize>,
    headlines: Vec<String>,
    /// The next question when last drawn, to tell when an answer brings a new one.
    next: Option<usize>,
}

/// What bringing the drawing in line with the state changed, in words for the live region.
#[derive(Debug, Default)]
pub struct Changes {
    /// `(programme's index, what to say)` for each verdict whose headline changed; in a
    /// form of several, each is preceded by the programme's name. A programme's last
    /// is the one said.
    verdicts: Vec<(usize, String)>,
    /// `(question's index, message)` for each field that became invalid.
    errors: Vec<(usize, String)>,
    /// `(question's index, "Question suivante : …")` when the next question is a new one.
    next_question: Option<(usize, String)>,
}

impl Changes {
    /// These changes, then `later` ones: the last word on the next question (and, as
    /// `announce` reads them, on each verdict).
    pub fn then(mut self, mut later: Changes) -> Changes {
        // Moved by `append`, where `extend` walked them with an iterator (31 B gzipped).
        self.verdicts.append(&mut later.verdicts);
        self.errors.append(&mut later.errors);
        if later.next_question.is_some() {
            self.next_question = later.next_question;
        }
        self
    }
}

/// Where `focus_next` put the focus.
pub enum Focused {
    /// A control of this question.
    Question(usize),
    /// The headline of this programme's result.
    Result(usize),
    Nothing,
}

struct QuestionNodes {
    block: Element,
    /// Radio buttons, or a text field's "I don't know" box: checked when their value is
    /// the answer.
    boxes: Vec<Element>,
    /// The select or the text field, whose value is the answer.
    control: Option<Element>,
    /// A text field's own.
    text: Option<TextNodes>,
}

/// The parts of a text field's block that change with what was typed.
struct TextNodes {
    error: Element,
    /// The note of what was read (« compris : 20 000 € »).
    understood: Element,
    /// The choice between two readings: the group and its two buttons.
    readings: (Element, Element, Element),
    /// The group's question, which the field's description names: written only while
    /// the group is shown, as a description reads even a hidden element it names.
    prompt: Element,
}

struct ResultNodes {
    section: Element,
    headline: HtmlElement,
    benefit: Element,
    /// The questions answered "I don't know" that the verdict still depends on.
    depends_on: Element,
    reasons: Element,
    /// What would change the result, under its heading.
    changes: (Element, Element),
    /// What to have ready before applying, under its heading.
    before_applying: (Element, Element),
    window: Element,
    link: Element,
    /// What "Sources and rules" shows under its summary (`fill_sources`).
    sources: Element,
}

/// What every question's block shows, whatever its kind.
struct Slot<'a> {
    /// `q3`: unique in the shadow root, the prefix of the block's other ids.
    id: String,
    /// The question's index in the form, for the events.
    index: String,
    /// The question id: the controls' `name`, a public contract.
    name: &'a str,
    label: &'a str,
    help: Option<Element>,
    /// The help's id, kept rather than read back from it.
    help_id: String,
}

impl Slot<'_> {
    /// The id of a part of the block: the block's, then `suffix` (`q3-input`).
    #[inline(never)]
    fn part(&self, suffix: &str) -> String {
        cat!(self.id, suffix)
    }
}

impl Drawn {
    /// Builds the whole widget for the state's language into `root`, replacing what
    /// was there, then fills it from the state.
    pub fn build(maker: &Maker, root: &ShadowRoot, state: &WidgetState, features: Features) -> Drawn {
        let lang = state.lang;
        let ui = ui(lang);
        let several = state.form.programmes.len() > 1;
        element::set_text_content(root, None);
        let widget = maker.element("div|class=widget", &[("lang", lang.code())], None);
        let toolbar = maker.node(&widget, "div|class=toolbar");
        let other = match lang {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        };
        let language = maker.add(
            &toolbar,
            "button|type=button|class=language secondary",
            &[("lang", other.code())],
            Some(ui.switch_language()),
        );

        match (several, state.form.programmes.first()) {
            (false, Some(programme)) => {
                maker.put_text(&widget, "h2|id=title", programme.name.get(lang));
                maker.put_text(&widget, "p|class=summary", programme.summary.get(lang));
            }
            _ => {
                maker.put_text(&widget, "h2|id=title", ui.several_title());
                maker.put_text(&widget, "p|class=summary", ui.several_intro());
                let list = maker.node(&widget, "ul|class=programmes");
                for programme in &state.form.programmes {
                    maker.put_text(&list, "li", programme.name.get(lang));
                }
            }
        }

        let note = maker.node(&widget, "p|class=note|hidden");
        let form = maker.node(&widget, "form|id=form|novalidate|aria-labelledby=title");
        let mut questions = Vec::new();
        // By index, the form's questions being those up to the first index it has none for.
        for q in 0.. {
            let Some(question) = state.form.question(q) else { break };
            if !state.form.asks(q) {
                questions.push(None);
                continue;
            }
            let index = digits(q as u64);
            let id = cat!("q", index);
            let help_id = cat!(id, "-help");
            // Set in place rather than by `Option::map` and its closure (5 B gzipped).
            let mut help = None;
            if let Some(text) = &question.help {
                help = Some(maker.element("p|class=help", &[("id", &help_id)], Some(text.get(lang))));
            }
            let slot = Slot { id, index, name: &question.id, label: question.label.get(lang), help, help_id };
            let nodes = match &question.kind {
                QuestionKind::YesNo | QuestionKind::Choice(_) => {
                    let mut options: Vec<(&str, &str)> = Vec::new();
                    match &question.kind {
                        QuestionKind::Choice(choices) => {
                            for choice in choices {
                                options.push((&choice.id, choice.label.get(lang)));
                            }
                        }
                        _ => {
                            options.push(("yes", ui.yes()));
                            options.push(("no", ui.no()));
                        }
                    }
                    // Counted before "I don't know", which every question has.
                    let select = options.len() > MAX_RADIOS;
                    options.push((UNKNOWN, ui.do_not_know()));
                    if select {
                        select_block(maker, &slot, &options, ui.choose())
                    } else {
                        radio_block(maker, &slot, &options)
                    }
                }
                // One call for both kinds of number: drawn in place, not kept out of line.
                QuestionKind::Integer { .. } | QuestionKind::Money { .. } => {
                    let integer = matches!(question.kind, QuestionKind::Integer { .. });
                    text_block(maker, &slot, if integer { "numeric" } else { "decimal" }, lang)
                }
            };
            element::append(&form, &nodes.block);
            questions.push(Some(nodes));
        }
        let actions = maker.node(&form, "div|class=actions");
        maker.put_text(&actions, "button|type=submit", ui.continue_label());
        maker.put_text(&actions, "button|type=button|class=start-over secondary", ui.start_over());

        if several {
            maker.put_text(&widget, "h3|class=results-title", ui.results());
        }
        let results = maker.node(&widget, "div|class=results");
        let none_for_country = maker.add(&widget, "p|class=none-for-country|hidden", &[], Some(ui.none_for_country()));
        let mut programmes = Vec::new();
        for (i, programme) in state.form.programmes.iter().enumerate() {
            let nodes = result_block(maker, i, programme, lang, several);
            element::append(&results, &nodes.section);
            programmes.push(nodes);
        }
        if features.any() {
            keep_buttons(maker, &widget, features, lang);
        }
        maker.put_text(&widget, "p|class=notice", ui.estimate_notice());
        let live = maker.node(&widget, "p|class=live visually-hidden|role=status|aria-live=polite");
        element::append(root, &widget);
        let mut drawn = Drawn {
            language: language.unchecked_into(),
            note,
            questions,
            results,
            programmes,
            none_for_country,
            live,
            order: Vec::new(),
            headlines: Vec::new(),
            next: None,
        };
        // The first drawing changes nothing a visitor did: nothing is said.
        drawn.sync(maker, state, state.view());
        drawn
    }

    /// Brings the drawn form in line with the state: shown questions, values, errors
    /// and each programme's result. Nodes are changed in place, never rebuilt. Returns
    /// what changed, for `announce`; nothing on the first drawing.
    pub fn sync(&mut self, maker: &Maker, state: &WidgetState, view: &FormView) -> Changes {
        let lang = state.lang;
        let first = self.headlines.is_empty();
        let mut changes = Changes::default();
        let visible = state.visible_questions(view);
        let new_next = view.next_question != self.next;
        // `visible` is in the form's order: read as the loop goes rather than searched
        // by `contains`, which this used alone (25 B gzipped).
        let mut next_visible = visible.iter();
        let mut upcoming = next_visible.next();
        for (q, (nodes, field)) in self.questions.iter().zip(&state.fields).enumerate() {
            let shown = upcoming == Some(&q);
            if shown {
                upcoming = next_visible.next();
            }
            let Some(nodes) = nodes else { continue };
            set_hidden(&nodes.block, !shown);
            for input in &nodes.boxes {
                // Set as a plain property: an import fewer than web-sys's setter.
                crate::js::set(input, "checked", &JsValue::from_bool(element::value(input) == field.raw));
            }
            if let Some(control) = &nodes.control {
                // "I don't know" is said by its box, not written in a text field.
                let shown = if field.raw == UNKNOWN && nodes.text.is_some() { "" } else { field.raw.as_str() };
                if element::value(control) != shown {
                    element::set_value(control, shown);
                }
            }
            let question = state.form.question(q);
            if let (true, Some(question)) = (new_next && view.next_question == Some(q), question) {
                changes.next_question = Some((q, cat!(ui(lang).next_question(), " ", question.label.get(lang))));
            }
            let kind = question.map(|question| &question.kind);
            if let (Some(text), Some(control), Some(kind)) = (&nodes.text, &nodes.control, kind) {
                element::set(control, "aria-invalid", if field.error.is_some() { "true" } else { "false" });
                let message = field.error.as_ref().map(|e| e.message(lang));
                if let Some(said) =
                    message.as_deref().filter(|m| element::text_content(&text.error).as_deref() != Some(*m))
                {
                    changes.errors.push((q, said.to_owned()));
                }
                show(&text.error, message.as_deref());
                let understood = match field.reading {
                    Some(Reading::Understood(value)) => Some(wording::understood(kind, value, lang)),
                    _ => None,
                };
                show(&text.understood, understood.as_deref());
                let (group, first, second) = &text.readings;
                let choice = match field.reading {
                    Some(Reading::Ambiguous { first, second }) => Some((first, second)),
                    _ => None,
                };
                set_hidden(group, choice.is_none());
                show(&text.prompt, choice.map(|_| ui(lang).which_did_you_mean()));
                if let Some((a, b)) = choice {
                    set_text(first, &wording::reading(kind, a, lang));
                    set_text(second, &wording::reading(kind, b, lang));
                }
            }
        }
        self.next = view.next_question;

        // Grown as pushed: sizing it first cost more code than it saved (15 B gzipped).
        let mut headlines = Vec::new();
        for ((nodes, outcome), report) in self.programmes.iter().zip(&view.outcomes).zip(view.reports.iter()) {
            let programme = outcome.verdict.programme;
            let window = state.window_state(programme);
            element::set(&nodes.section, "data-status", outcome.status().as_str());
            element::set(&nodes.section, "data-window", window.as_str());
            set_hidden(&nodes.section, outcome.country == CountryOutcome::NotMet);
            let headline = wording::headline(outcome, window, lang);
            set_text(&nodes.headline, &headline);
            let benefit = wording::benefit_line(outcome, lang);
            show(&nodes.benefit, benefit.as_deref());
            set_text(&nodes.window, &wording::window(programme, window, lang));
            set_text(&nodes.link, wording::link(window, lang));
            reasons(maker, &nodes.reasons, report, lang);
            explain(maker, nodes, state, report);
            headlines.push(match self.programmes.len() {
                1 => headline,
                _ => wording::announcement(programme, &headline, lang),
            });
        }
        let order = state.results_order(view);
        set_hidden(&self.none_for_country, !order.is_empty() || !state.form.routes);
        if order != self.order {
            // As slices: the walk the rules' engine has, where a `&Vec`'s is code of its own.
            for &i in order.as_slice() {
                if let Some(nodes) = self.programmes.get(i) {
                    element::append(&self.results, &nodes.section);
                }
            }
            self.order = order;
        }
        // Only the verdicts that changed, and of programmes shown, in the order drawn.
        for &i in self.order.as_slice() {
            let Some(headline) = headlines.get(i) else { continue };
            if self.headlines.get(i) != Some(headline) {
                changes.verdicts.push((i, headline.clone()));
            }
        }
        self.headlines = headlines;
        if first {
            Changes::default()
        } else {
            changes
        }
    }

    /// Says through the live region what `changes` holds (the verdicts, then a value
    /// refused, then the next question) less what focus says by itself: the verdict
    /// whose headline `focused` is, the question whose control it is and that
    /// question's error (its field describes it). With nothing to say, the region is
    /// emptied (a removal is not read).
    pub fn announce(&self, changes: Changes, focused: Focused) {
        // What focus says, as two indices compared in place.
        let (result, question) = match focused {
            Focused::Result(i) => (Some(i), None),
            Focused::Question(q) => (None, Some(q)),
            Focused::Nothing => (None, None),
        };
        // Written as it goes, each part without its final dots, rather than collected and joined.
        let mut text = String::new();
        let mut said = false;
        let mut say = |part: &str| {
            if said {
                text.push_str(". ");
            }
            text.push_str(part.trim_end_matches('.'));
            said = true;
        };
        for (k, (i, verdict)) in changes.verdicts.iter().enumerate() {
            // A programme's verdict replaced by a later one (`then`) is not said.
            // The later ones by `skip`, not a slice taken by `get` (20 B gzipped).
            if result != Some(*i) && !changes.verdicts.iter().skip(k + 1).any(|(j, _)| j == i) {
                say(verdict);
            }
        }
        for (q, error) in &changes.errors {
            if question != Some(*q) {
                say(error);
            }
        }
        if let (None, Some((q, next))) = (result, &changes.next_question) {
            if question != Some(*q) {
                say(next);
            }
        }
        if !said {
            // Nothing new: what was said before is not left to be read again.
            self.hush();
            return;
        }
        set_text(&self.live, &text);
    }

    /// Fills "Sources and rules" again from the programmes of `state`: once their
    /// sources have come, or, with `waiting` (`sources_failed`), to say they cannot.
    pub fn fill_sources(&self, maker: &Maker, state: &WidgetState, waiting: &str) {
        for (nodes, programme) in self.programmes.iter().zip(&state.form.programmes) {
            fill_sources(maker, &nodes.sources, programme, state.lang, waiting);
        }
    }

    /// Empties the live region, so that nothing said before is read again.
    pub fn hush(&self) {
        element::set_text_content(&self.live, None);
    }

    /// The live region, for what is said later (a copy that succeeded or failed).
    pub fn live(&self) -> &Element {
        &self.live
    }

    /// Shows what opening a link did, or nothing.
    pub fn show_note(&self, text: Option<&str>) {
        show(&self.note, text);
    }

    /// The language button, to keep focus on it when it redraws the widget.
    pub fn language_button(&self) -> &HtmlElement {
        &self.language
    }

    /// After "Continue": the next question's first control (the first reading to choose,
    /// for a number read two ways), else the first result's headline (not a live
    /// region: focus reads it, once).
    pub fn focus_next(&self, next: Option<usize>) -> Focused {
        if let Some((q, nodes)) = next.and_then(|q| Some((q, self.questions.get(q)?.as_ref()?))) {
            if let Some((group, first, _)) = nodes.text.as_ref().map(|text| &text.readings) {
                if element::attribute(group, "hidden").is_none() {
                    element::focus(first);
                    return Focused::Question(q);
                }
            }
            // The checked box, else the field, else the first box: borrowed, not cloned.
            let mut control = nodes.control.as_ref().or(nodes.boxes.first());
            for input in &nodes.boxes {
                if crate::js::flag(input, "checked") {
                    control = Some(input);
                    break;
                }
            }
            if let Some(control) = control {
                element::focus(control);
                return Focused::Question(q);
            }
        }
        match self.order.first().and_then(|&i| Some((i, self.programmes.get(i)?))) {
            Some((i, result)) => {
                element::focus(&result.headline);
                Focused::Result(i)
            }
            None => Focused::Nothing,
        }
    }

    /// After "Start over": the first question.
    pub fn focus_first(&self) -> Focused {
        self.focus_next(self.questions.iter().position(Option::is_some))
    }
}

/// Shows `text` in `element`, or hides it emptied: one call where five places did both.
#[inline(never)]
fn show(element: &Element, text: Option<&str>) {
    set_hidden(element, text.is_none());
    element::set_text_content(element, text);
}

/// The print, copy and share buttons that `features` allows, in one labelled group.
fn keep_buttons(maker: &Maker, parent: &Element, features: Features, lang: Lang) {
    let words = ui(lang);
    let group = maker.add(parent, "div|class=keep|role=group", &[("aria-label", words.group())], None);
    // Walked by reference: an array walked by value brings its own iterator (36 B gzipped).
    for (on, action, text) in &[
        (features.print, "print", words.print()),
        (features.copy, "copy", words.copy()),
        (features.share, "share", words.share()),
    ] {
        if *on {
            maker.put(&group, "button|type=button|class=secondary", &[("data-action", action)], Some(text));
        }
    }
}

fn result_block(maker: &Maker, i: usize, programme: &Programme, lang: Lang, several: bool) -> ResultNodes {
    let ui = ui(lang);
    let index = digits(i as u64);
    let title = cat!("r", index, "-title");
    let labelled_by = if several { title.as_str() } else { "title" };
    let section = maker.element(
        "section|class=verdict",
        &[("id", &cat!("r", index)), ("data-programme", &index), ("aria-labelledby", labelled_by)],
        None,
    );
    if several {
        maker.put(&section, "h4", &[("id", &title)], Some(programme.name.get(lang)));
    }
    // Not a live region: the widget's own says what changed, and focus reads it after "Continue".
    let headline = maker.node(&section, "p|class=headline|tabindex=-1");
    let benefit = maker.node(&section, "p|class=amount");
    let depends_on = maker.node(&section, "p|class=depends-on|hidden");
    let heading = if several { "h5" } else { "h3" };
    maker.put_text(&section, heading, ui.reasons());
    let reasons = maker.node(&section, "ul|class=reasons");
    let changes = listed(maker, &section, heading, "changes", ui.what_would_change());
    let before_applying = listed(maker, &section, heading, "before-applying", ui.before_applying());
    let window = maker.node(&section, "p|class=window");
    let line = maker.node(&section, "p");
    let link = maker.add(
        &line,
        "a|class=apply|target=_blank|rel=noopener noreferrer",
        &[("href", &programme.apply_url)],
        None,
    );
    let details = maker.node(&section, "details|class=sources");
    maker.put_text(&details, "summary", ui.sources_and_rules());
    let sources = maker.node(&details, "div");
    fill_sources(maker, &sources, programme, lang, ui.sources_loading());
    ResultNodes {
        section,
        headline: headline.unchecked_into(),
        benefit,
        depends_on,
        reasons,
        changes,
        before_applying,
        window,
        link,
        sources,
    }
}

/// A hidden part of a result: its heading and its list. A function rather than a
/// closure that cloned the part (34 B gzipped).
fn listed(maker: &Maker, section: &Element, heading: &str, class: &str, title: &str) -> (Element, Element) {
    let part = maker.add(section, "div|hidden", &[("class", class)], None);
    maker.put_text(&part, heading, title);
    let list = maker.node(&part, "ul");
    (part, list)
}

/// Each criterion with its mark and explanation; rebuilt on each change, as the list
/// is short and holds nothing the visitor interacts with.
fn reasons(maker: &Maker, list: &Element, report: &EvaluationReport, lang: Lang) {
    element::set_text_content(list, None);
    for criterion in &report.criteria {
        let (mark, word) = summary::mark(criterion.status, lang);
        let item = maker.add(list, "li", &[("class", criterion.status), ("data-criterion", criterion.id)], None);
        maker.put_text(&item, "span|class=mark|aria-hidden=true", mark);
        let text = maker.node(&item, "span");
        maker.put_text(&text, "span|class=visually-hidden", &cat!(word, " "));
        element::append_text(&text, &criterion.explanation);
    }
}

/// What the verdict depends on, what would change it and what to have ready: each
/// hidden while empty, lists rebuilt on each change like the reasons.
fn explain(maker: &Maker, nodes: &ResultNodes, state: &WidgetState, report: &EvaluationReport) {
    let ui = ui(state.lang);
    // Written as it goes rather than collected and joined.
    let mut text = cat!(ui.depends_on(), " ");
    let mut any = false;
    for id in &report.depends_on {
        // Two steps rather than `and_then` and its closure (9 B gzipped).
        let Some(q) = state.form.position(id) else { continue };
        let Some(question) = state.form.question(q) else { continue };
        if any {
            text.push_str(wording::semicolon(state.lang));
        }
        text.push_str(question.label.get(state.lang));
        any = true;
    }
    show(&nodes.depends_on, any.then_some(text.as_str()));

    let (part, list) = &nodes.changes;
    element::set_text_content(list, None);
    for change in &report.changes {
        maker.put(list, "li", &[("data-question", change.question)], Some(&change.explanation));
    }
    set_hidden(part, report.changes.is_empty());

    let (part, list) = &nodes.before_applying;
    element::set_text_content(list, None);
    for document in &report.before_applying {
        let item = maker.add(list, "li", &[("data-criterion", document.criterion)], Some(document.text));
        let source = cat!(" (", ui.according_to(), " ", document.source.publisher, ", ", document.source.title, ")");
        match &document.source.url {
            Some(url) => {
                element::append_text(&item, " ");
                maker.put(&item, "a|target=_blank|rel=noopener noreferrer", &[("href", url)], Some(source.trim()));
            }
            None => element::append_text(&item, &source),
        }
    }
    set_hidden(part, report.before_applying.is_empty());
}

/// What the closed `<details>` "Sources and rules" shows: the sources, the pack's
/// readings of them, and which rules these are, what a newsroom checks and cites. A
/// page fetches the sources once the visitor acts (`catalogue::Apart`): until a
/// programme has them, `waiting` says so in their place.
fn fill_sources(maker: &Maker, body: &Element, programme: &Programme, lang: Lang, waiting: &str) {
    element::set_text_content(body, None);
    if catalogue::awaits_sources(programme, lang) {
        maker.put_text(body, "p", waiting);
    } else {
        let list = maker.node(body, "ul");
        for source in &programme.sources {
            let item = maker.node(&list, "li");
            let text = wording::source(source, lang);
            match &source.url {
                Some(url) => {
                    maker.put(&item, "a|target=_blank|rel=noopener noreferrer", &[("href", url)], Some(&text));
                }
                None => element::set_text_content(&item, Some(&text)),
            }
        }
        for reading in &programme.readings {
            maker.put_text(body, "p", reading.text.get(lang));
        }
    }
    maker.put_text(body, "p|class=rules", &wording::rules(programme, lang));
}

/// The block of one question: its container, its heading (a `legend`, or a `label` for
/// its control) and its help.
fn question_block(
    maker: &Maker,
    spec: &str,
    slot: &Slot<'_>,
    heading: &str,
    heading_attributes: &[(&str, &str)],
) -> Element {
    let block = maker.element(spec, &[("id", &slot.id), ("data-question", &slot.index)], None);
    maker.put(&block, heading, heading_attributes, Some(slot.label));
    if let Some(help) = &slot.help {
        element::append(&block, help);
    }
    block
}

fn radio_block(maker: &Maker, slot: &Slot<'_>, options: &[(&str, &str)]) -> QuestionNodes {
    let block = question_block(maker, "fieldset|class=question", slot, "legend", &[]);
    if slot.help.is_some() {
        element::set(&block, "aria-describedby", &slot.help_id);
    }
    let group = maker.node(&block, "div|class=options");
    // Grown as pushed: sizing it first cost more code than it saved (12 B gzipped).
    let mut boxes = Vec::new();
    for (value, text) in options {
        let option = maker.node(&group, "label|class=option");
        let input_id = cat!(slot.id, "-", value);
        let input =
            maker.add(&option, "input|type=radio", &[("name", slot.name), ("value", value), ("id", &input_id)], None);
        maker.put_text(&option, "span", text);
        boxes.push(input);
    }
    QuestionNodes { block, boxes, control: None, text: None }
}

fn select_block(maker: &Maker, slot: &Slot<'_>, options: &[(&str, &str)], placeholder: &str) -> QuestionNodes {
    let control_id = slot.part("-input");
    let block = question_block(maker, "div|class=question", slot, "label", &[("for", &control_id)]);
    let select = maker.add(&block, "select", &[("name", slot.name), ("id", &control_id)], None);
    if slot.help.is_some() {
        element::set(&select, "aria-describedby", &slot.help_id);
    }
    maker.put_text(&select, "option|value", placeholder);
    for (value, text) in options {
        maker.put(&select, "option", &[("value", value)], Some(text));
    }
    QuestionNodes { block, boxes: Vec::new(), control: Some(select), text: None }
}

fn text_block(maker: &Maker, slot: &Slot<'_>, inputmode: &str, lang: Lang) -> QuestionNodes {
    let input_id = slot.part("-input");
    let error_id = slot.part("-error");
    let note_id = slot.part("-understood");
    let prompt_id = slot.part("-readings");
    let block = question_block(maker, "div|class=question", slot, "label", &[("for", &input_id)]);
    let help = if slot.help.is_some() { (slot.help_id.as_str(), " ") } else { ("", "") };
    let described_by = cat!(help.0, help.1, error_id, " ", note_id, " ", prompt_id);
    let attributes = [
        ("inputmode", inputmode),
        ("name", slot.name),
        ("id", input_id.as_str()),
        ("aria-describedby", described_by.as_str()),
    ];
    let input = maker.add(&block, "input|type=text|autocomplete=off", &attributes, None);
    let box_label = maker.node(&block, "label|class=option do-not-know");
    let unknown = maker.add(
        &box_label,
        "input|type=checkbox",
        &[("name", slot.name), ("value", UNKNOWN), ("id", &slot.part("-unknown"))],
        None,
    );
    maker.put_text(&box_label, "span", ui(lang).do_not_know());
    let error = maker.add(&block, "p|class=error|hidden", &[("id", &error_id)], None);
    let understood = maker.add(&block, "p|class=understood|hidden", &[("id", &note_id)], None);
    let group = maker.add(&block, "div|class=readings|role=group|hidden", &[("aria-labelledby", &prompt_id)], None);
    let prompt = maker.add(&group, "p", &[("id", &prompt_id)], None);
    let first = maker.node(&group, "button|type=button|class=secondary|data-reading=0");
    // Grown as pushed, as `radio_block`'s, rather than made by `vec!` (6 B gzipped).
    let mut boxes = Vec::new();
    let second = maker.node(&group, "button|type=button|class=secondary|data-reading=1");
    boxes.push(unknown);
    QuestionNodes {
        block,
        boxes,
        control: Some(input),
        text: Some(TextNodes { error, understood, readings: (group, first, second), prompt }),
    }
}
