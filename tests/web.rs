//! The Rust–DOM layer in headless Chromium: `cargo test --target wasm32-unknown-unknown
//! --test web` (run by `make test` with Debian's chromedriver).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

use eligibility::widget::dom;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// A widget mounted on a new element of the page, with its shadow root.
fn widget(attributes: &[(&str, &str)]) -> (HtmlElement, ShadowRoot) {
    let host: HtmlElement = document().create_element("eligibility-test").expect("element").unchecked_into();
    for (name, value) in attributes {
        host.set_attribute(name, value).expect("attribute");
    }
    document().body().expect("body").append_child(&host).expect("append");
    let mounted = dom::mount(host.clone(), Vec::new(), dom::Loader::default()).expect("mount");
    // The page keeps the widget alive, as the element does through its JS object.
    std::mem::forget(mounted);
    let root = host.shadow_root().expect("an open shadow root");
    (host, root)
}

fn find(root: &ShadowRoot, selector: &str) -> Element {
    root.query_selector(selector).expect("selector").unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(root: &ShadowRoot, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn shown(root: &ShadowRoot, question: &str) -> bool {
    let control = find(root, &format!("[name={question}]"));
    control.closest("[hidden]").expect("closest").is_none()
}

fn choose(root: &ShadowRoot, question: &str, value: &str) {
    let radio: HtmlElement = find(root, &format!("input[name={question}][value={value}]")).unchecked_into();
    radio.click();
}

fn type_text(root: &ShadowRoot, question: &str, value: &str) {
    let input: HtmlInputElement = find(root, &format!("input[name={question}]")).unchecked_into();
    input.set_value(value);
    let event = web_sys::Event::new_with_event_init_dict("change", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
fn draws_an_accessible_form_that_asks_one_question_first() {
    let (_, root) = widget(&[("programme", "netflix-audiens-2020"), ("lang", "fr")]);
    assert!(shown(&root, "profession"));
    assert!(!shown(&root, "days_worked"), "later questions wait");
    assert_eq!(text(&root, "fieldset legend"), "Êtes-vous artiste ou technicien·ne intermittent·e du spectacle ?");
    let headline = find(&root, ".headline");
    // The widget's live region speaks, not the headline, which focus reads after "Continue".
    assert_eq!(headline.get_attribute("aria-live"), None);
    let live = find(&root, ".live");
    assert_eq!(live.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(live.text_content().as_deref(), Some(""), "the first drawing says nothing");
    assert_eq!(headline.text_content().as_deref(), Some("Résultat pas encore connu : répondez aux questions"));
    let input = find(&root, "input[type=text][name=days_worked]");
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
    let label = find(&root, &format!("label[for='{}']", input.id()));
    assert!(label.text_content().unwrap_or_default().starts_with("Combien de jours"));
    assert_eq!(
        find(&root, "a.apply").get_attribute("href").as_deref(),
        Some("https://www.audiens.org/actu/fonds-netflix-audiens.html")
    );
    let rules = text(&root, "details.sources .rules");
    let hash = &eligibility::catalogue::programme("netflix-audiens-2020").expect("the pack").hash;
    assert!(
        rules.starts_with("Règles netflix-audiens-2020, version 1.2.1") && rules.ends_with(hash.as_str()),
        "{rules}"
    );
    assert_eq!(root.query_selector_all("details.sources li").expect("sources").length(), 8);
    // Visitors are in 2026 or later: the fund is never shown as open, nor is applying offered.
    assert!(text(&root, ".window").starts_with(
        "Le dépôt des demandes a ouvert le 15 avril 2020 ; les demandes ne sont peut-être plus acceptées"
    ));
    assert_eq!(text(&root, "a.apply"), "Vérifier auprès de l'organisme et lire les conditions officielles");
    assert_eq!(find(&root, ".verdict").get_attribute("data-window").as_deref(), Some("unconfirmed"));
}

#[wasm_bindgen_test]
fn several_programmes_share_one_form_and_a_closed_fund_says_what_would_have_been() {
    let (_, root) = widget(&[("programme", "netflix-audiens-2020 uk-film-tv-emergency-relief-2020"), ("lang", "en")]);
    assert!(shown(&root, "country"), "two countries: the country first");
    assert!(!shown(&root, "profession") && !shown(&root, "screen_role"));
    assert_eq!(root.query_selector_all(".verdict").expect("results").length(), 2);
    choose(&root, "country", "gb");
    assert!(shown(&root, "screen_role"));
    let french = find(&root, ".verdict[data-programme='0']");
    assert!(french.closest("[hidden]").expect("closest").is_some(), "the French fund is not for this visitor");
    choose(&root, "screen_role", "behind_the_scenes");
    type_text(&root, "uk_days_worked", "60");
    choose(&root, "hit_by_closures", "yes");
    choose(&root, "government_support_800", "no");
    let uk = find(&root, ".verdict[data-programme='1']");
    assert_eq!(uk.get_attribute("data-status").as_deref(), Some("eligible"));
    assert_eq!(
        text(&root, ".verdict[data-programme='1'] .headline"),
        "You would likely have qualified: £500 to £2,500 as decided by the operator"
    );
    assert_eq!(
        text(&root, ".verdict[data-programme='1'] a.apply"),
        "Read the official terms (applications are closed)"
    );
    assert_eq!(text(&root, ".live"), "Covid-19 Film and TV Emergency Relief Fund (UK, 2020): You would likely have qualified: £500 to £2,500 as decided by the operator");
}

#[wasm_bindgen_test]
fn a_place_is_shown_as_naturally_as_an_amount() {
    let (_, root) = widget(&[("programme", "collectif-5050-mentorat-2021"), ("lang", "fr")]);
    choose(&root, "mentoring_profile", "high_school");
    choose(&root, "has_industry_network", "no");
    assert_eq!(find(&root, ".verdict").get_attribute("data-status").as_deref(), Some("eligible"));
    assert!(text(&root, ".amount").ends_with("; début\u{a0}: automne 2021"), "{}", text(&root, ".amount"));
}

#[wasm_bindgen_test]
fn answering_leads_to_the_verdict_and_one_event_per_change() {
    let (host, root) = widget(&[("programme", "netflix-audiens-2020"), ("lang", "fr")]);
    let details: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let sink = details.clone();
    let listener = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
        sink.borrow_mut().push(e.detail())
    });
    host.add_event_listener_with_callback("eligibility-result", listener.as_ref().unchecked_ref()).expect("listen");
    listener.forget();

    choose(&root, "profession", "artist");
    assert!(shown(&root, "rights_not_renewed_since_2020"));
    choose(&root, "rights_not_renewed_since_2020", "yes");
    assert!(!shown(&root, "no_rights_opened_2019"), "the other case no longer matters");
    type_text(&root, "days_worked", "12");
    choose(&root, "works_on_netflix_production", "no");
    type_text(&root, "annual_resources", "15 000 €");
    assert_eq!(text(&root, ".headline"), "Vous êtes probablement éligible\u{a0}: 900\u{a0}€");
    assert_eq!(find(&root, ".verdict").get_attribute("data-status").as_deref(), Some("eligible"));
    assert_eq!(root.query_selector_all(".reasons li.met").expect("list").length(), 4);

    let details = details.borrow();
    assert_eq!(details.len(), 5, "one event per change of verdict");
    let window = |detail: &JsValue| js_sys::Reflect::get(detail, &"window".into()).unwrap_or(JsValue::NULL);
    let last = details.last().cloned().unwrap_or(JsValue::NULL);
    let get = |object: &JsValue, key: &str| js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::NULL);
    assert_eq!(get(&last, "status").as_string().as_deref(), Some("eligible"));
    assert_eq!(get(&get(&last, "amount"), "max").as_string().as_deref(), Some("900"));
    assert!(get(&last, "next_question").is_null());
    assert_eq!(get(&window(&last), "state").as_string().as_deref(), Some("unconfirmed"));
}

#[wasm_bindgen_test]
fn a_change_that_leaves_every_report_as_it_was_sends_no_event() {
    let (host, root) = widget(&[("programme", "netflix-audiens-2020"), ("lang", "fr")]);
    let count: Rc<RefCell<usize>> = Rc::default();
    let sink = count.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |_: web_sys::CustomEvent| *sink.borrow_mut() += 1);
    host.add_event_listener_with_callback("eligibility-result", listener.as_ref().unchecked_ref()).expect("listen");
    listener.forget();

    choose(&root, "profession", "artist");
    type_text(&root, "annual_resources", "15 000 €");
    assert_eq!(*count.borrow(), 2, "one event per change of report");
    // The same amount, typed again and then written otherwise: the same reports.
    type_text(&root, "annual_resources", "15 000 €");
    type_text(&root, "annual_resources", "15000");
    assert_eq!(*count.borrow(), 2, "no event when no report changed");
    type_text(&root, "annual_resources", "");
    assert_eq!(*count.borrow(), 3, "an answer taken back changes the report");
}

#[wasm_bindgen_test]
fn a_bad_number_is_explained_and_kept() {
    let (_, root) = widget(&[("programme", "netflix-audiens-2020"), ("lang", "en")]);
    choose(&root, "profession", "technician");
    choose(&root, "rights_not_renewed_since_2020", "yes");
    type_text(&root, "days_worked", "twelve");
    let input = find(&root, "input[type=text][name=days_worked]");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error = find(&root, ".question:not([hidden]) .error:not([hidden])");
    assert_eq!(error.text_content().as_deref(), Some("Enter a whole number, for example 12."));
    assert!(input.get_attribute("aria-describedby").unwrap_or_default().contains(&error.id()));
    assert_eq!(input.unchecked_into::<HtmlInputElement>().value(), "twelve");
}

#[wasm_bindgen_test]
fn an_answer_reaches_its_question_whatever_its_index() {
    // The four programmes together: more than ten questions, so indices of two digits
    // (`data-question`, read back by the controller) are met.
    let ids: Vec<&str> = eligibility::catalogue::programmes().iter().map(|p| p.id.as_str()).collect();
    let (_, root) = widget(&[("programme", &ids.join(" ")), ("lang", "en")]);
    let fields = root.query_selector_all("[data-question] input[type=text]").expect("fields");
    let mut indices = Vec::new();
    for i in 0..fields.length() {
        let input: HtmlInputElement = fields.item(i).expect("a field").unchecked_into();
        let block = input.closest("[data-question]").expect("closest").expect("its block");
        let index = block.get_attribute("data-question").expect("an index");
        let name = input.name();
        type_text(&root, &name, "twelve");
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"), "question {index} ({name})");
        let error = block.query_selector(".error").expect("selector").expect("its error");
        assert!(!error.has_attribute("hidden"), "question {index} ({name}) says its error");
        indices.push(index);
    }
    assert!(indices.iter().any(|i| i.len() > 1), "an index of two digits among {indices:?}");
}

#[wasm_bindgen_test]
fn an_amount_read_two_ways_is_asked_then_said_back() {
    let (_, root) = widget(&[("programme", "netflix-audiens-2020"), ("lang", "fr")]);
    // The field's description names the group's question, which says nothing until asked:
    // a description reads even a hidden element it names.
    let prompt = ".question:has([name=annual_resources]) .readings p";
    type_text(&root, "annual_resources", "20000");
    assert_eq!(text(&root, prompt), "", "a number read one way asks nothing");
    type_text(&root, "annual_resources", "20,000");
    let group = find(&root, ".question:has([name=annual_resources]) .readings");
    assert!(!group.has_attribute("hidden"));
    assert!(text(&root, prompt).ends_with('?'), "{}", text(&root, prompt));
    let button = |i: usize| format!(".question:has([name=annual_resources]) [data-reading='{i}']");
    let buttons: Vec<String> = (0..2).map(|i| text(&root, &button(i))).collect();
    assert_eq!(buttons, ["20\u{a0}€", "20\u{202f}000\u{a0}€"]);
    let second: HtmlElement = find(&root, &button(1)).unchecked_into();
    second.click();
    assert!(group.has_attribute("hidden"));
    assert_eq!(text(&root, prompt), "", "nothing asked once chosen");
    assert_eq!(text(&root, ".understood:not([hidden])"), "compris\u{a0}: 20\u{202f}000\u{a0}€");
    let input = find(&root, "input[type=text][name=annual_resources]");
    assert!(input.get_attribute("aria-describedby").unwrap_or_default().contains("-understood"));
    assert_eq!(input.unchecked_into::<HtmlInputElement>().value(), "20,000", "what was typed stays");
}

#[wasm_bindgen_test]
fn switching_language_keeps_every_answer() {
    let (_, root) = widget(&[("programme", "netflix-audiens-2020"), ("lang", "fr")]);
    choose(&root, "profession", "other");
    assert_eq!(text(&root, ".headline"), "Vous n'êtes probablement pas éligible");
    let switch: HtmlElement = find(&root, "button.language").unchecked_into();
    assert_eq!(switch.text_content().as_deref(), Some("English"));
    switch.click();
    assert_eq!(text(&root, ".headline"), "You are likely not eligible");
    let other: HtmlInputElement = find(&root, "input[name=profession][value=other]").unchecked_into();
    assert!(other.checked(), "the answer survived the new language");
    let start_over: HtmlElement = find(&root, "button.start-over").unchecked_into();
    start_over.click();
    assert!(
        !other.checked()
            && !find(&root, "input[name=profession][value=other]").unchecked_into::<HtmlInputElement>().checked()
    );
    assert_eq!(text(&root, ".headline"), "Not yet known: answer the questions");
}

#[wasm_bindgen_test]
fn an_unknown_or_missing_programme_is_said_not_hidden() {
    let (_, root) = widget(&[("programme", "no-such-programme"), ("lang", "en")]);
    assert_eq!(text(&root, "[role=alert]"), "This aid programme is unknown: “no-such-programme”.");
    let (_, root) = widget(&[("lang", "fr")]);
    assert_eq!(text(&root, "[role=alert]"), "Aucun programme d'aide n'est indiqué (attribut « programme »).");
}

#[wasm_bindgen_test]
fn answers_survive_a_passing_unknown_programme() {
    let host: HtmlElement = document().create_element("eligibility-test").expect("element").unchecked_into();
    host.set_attribute("programme", "netflix-audiens-2020").expect("attribute");
    document().body().expect("body").append_child(&host).expect("append");
    let mounted = dom::mount(host.clone(), Vec::new(), dom::Loader::default()).expect("mount");
    let root = host.shadow_root().expect("an open shadow root");
    choose(&root, "profession", "artist");
    host.set_attribute("programme", "netflix-audiens-2020-typo").expect("attribute");
    mounted.refresh().expect("refresh");
    assert!(text(&root, "[role=alert]").contains("netflix-audiens-2020-typo"));
    host.set_attribute("programme", "netflix-audiens-2020 audiens-fonds-solidarite-2020").expect("attribute");
    mounted.refresh().expect("refresh");
    let artist: HtmlInputElement = find(&root, "input[name=profession][value=artist]").unchecked_into();
    assert!(artist.checked(), "the answer came back with the programmes");
}

#[wasm_bindgen_test]
fn work_that_arrives_while_the_widget_is_busy_is_done_right_after() {
    let host: HtmlElement = document().create_element("eligibility-test").expect("element").unchecked_into();
    host.set_attribute("programme", "netflix-audiens-2020").expect("attribute");
    host.set_attribute("lang", "fr").expect("attribute");
    document().body().expect("body").append_child(&host).expect("append");
    let handle = Rc::new(dom::mount(host.clone(), Vec::new(), dom::Loader::default()).expect("mount"));
    let root = host.shadow_root().expect("an open shadow root");
    choose(&root, "profession", "artist");
    // A page that changes the language when focus enters the widget: "Continue" moves
    // focus while the widget is at work, so the change arrives while it is busy.
    let (page_host, page_handle) = (host.clone(), handle.clone());
    let refreshed: Rc<RefCell<Vec<bool>>> = Rc::default();
    let seen = refreshed.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        let _ = page_host.set_attribute("lang", "en");
        seen.borrow_mut().push(page_handle.refresh().is_ok());
    });
    host.add_event_listener_with_callback("focusin", listener.as_ref().unchecked_ref()).expect("listen");
    listener.forget();
    let form: web_sys::HtmlFormElement = find(&root, "form").unchecked_into();
    form.request_submit().expect("submit");
    // The second from focus put back in the question after the redraw in English.
    assert_eq!(*refreshed.borrow(), [true, true], "queued, not refused as busy");
    assert_eq!(text(&root, ".headline"), "Not yet known: answer the questions", "and done right after");
    let artist: HtmlInputElement = find(&root, "input[name=profession][value=artist]").unchecked_into();
    assert!(artist.checked());
}

#[wasm_bindgen_test]
fn an_answer_given_while_the_widget_is_busy_is_taken_right_after() {
    let (host, root) = widget(&[("programme", "netflix-audiens-2020"), ("lang", "en")]);
    choose(&root, "profession", "artist");
    // A page that answers when focus enters the widget: "Continue" moves focus while the
    // widget is at work, so the answer's events arrive while it is busy, and are done
    // after their dispatch is over, when the DOM has cleared their target.
    let page_root = root.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        let other: HtmlElement = find(&page_root, "input[name=profession][value=other]").unchecked_into();
        if !other.unchecked_ref::<HtmlInputElement>().checked() {
            other.click();
        }
    });
    host.add_event_listener_with_callback("focusin", listener.as_ref().unchecked_ref()).expect("listen");
    listener.forget();
    let form: web_sys::HtmlFormElement = find(&root, "form").unchecked_into();
    form.request_submit().expect("submit");
    let other: HtmlInputElement = find(&root, "input[name=profession][value=other]").unchecked_into();
    assert!(other.checked(), "the page clicked it");
    assert_eq!(text(&root, ".headline"), "You are likely not eligible", "the page's answer taken");
}

#[wasm_bindgen_test]
fn a_crash_shows_in_its_own_widget_and_a_freed_widget_stops_listening() {
    let (_, first) = widget(&[("programme", "netflix-audiens-2020"), ("lang", "en")]);
    let (_, second) = widget(&[("programme", "netflix-audiens-2020"), ("lang", "en")]);
    dom::show_crash(&first, eligibility::i18n::Lang::En).expect("crash message");
    assert_eq!(
        text(&first, "[role=alert]"),
        "The checker hit an unexpected error and stopped. Reload the page to try again."
    );
    choose(&second, "profession", "other");
    assert_eq!(text(&second, ".headline"), "You are likely not eligible", "the other widget works on");

    let host: HtmlElement = document().create_element("eligibility-test").expect("element").unchecked_into();
    host.set_attribute("programme", "netflix-audiens-2020").expect("attribute");
    document().body().expect("body").append_child(&host).expect("append");
    let handle = dom::mount(host.clone(), Vec::new(), dom::Loader::default()).expect("mount");
    let root = host.shadow_root().expect("an open shadow root");
    choose(&root, "profession", "artist");
    let kept = handle.kept().expect("kept");
    drop(handle);
    choose(&root, "profession", "other");
    assert_eq!(
        text(&root, ".headline"),
        "Résultat pas encore connu : répondez aux questions",
        "nothing listens any more"
    );
    let again = dom::mount(host.clone(), kept, dom::Loader::default()).expect("mount again");
    let artist: HtmlInputElement = find(&root, "input[name=profession][value=artist]").unchecked_into();
    assert!(artist.checked(), "the kept answers come back");
    drop(again);
}

#[wasm_bindgen_test]
fn texts_from_a_pack_are_never_read_as_html() {
    let source = include_str!("packs/range-example.toml")
        .replace("Secteur ?", "<img src=x onerror=alert(1)>Secteur ?")
        .replace("Example: amount decided by the operator", "<b>bold</b> & <script>alert(2)</script>");
    let programme = eligibility::compile::compile(&source, "html").expect("the pack compiles");
    let programme: &'static eligibility::pack::Programme = Box::leak(Box::new(programme));
    let host: HtmlElement = document().create_element("eligibility-test").expect("element").unchecked_into();
    host.set_attribute("programme", "test-range").expect("attribute");
    host.set_attribute("lang", "en").expect("attribute");
    document().body().expect("body").append_child(&host).expect("append");
    let handle = dom::mount_with(host.clone(), Vec::new(), vec![programme], dom::Loader::default()).expect("mount");
    let root = host.shadow_root().expect("an open shadow root");
    assert_eq!(text(&root, "h2"), "<b>bold</b> & <script>alert(2)</script>");
    assert!(root.query_selector("img, b, script").expect("selector").is_none(), "no element made from a text");
    host.set_attribute("lang", "fr").expect("attribute");
    handle.refresh().expect("refresh");
    assert_eq!(text(&root, "fieldset legend"), "<img src=x onerror=alert(1)>Secteur ?");
    assert!(root.query_selector("img, b, script").expect("selector").is_none());
}

#[wasm_bindgen_test]
fn the_page_language_is_the_default() {
    document().document_element().expect("html").set_attribute("lang", "en-GB").expect("lang");
    let (_, root) = widget(&[("programme", "netflix-audiens-2020")]);
    document().document_element().expect("html").remove_attribute("lang").expect("lang");
    assert_eq!(text(&root, ".headline"), "Not yet known: answer the questions");
    let (_, root) = widget(&[("programme", "netflix-audiens-2020")]);
    assert_eq!(text(&root, ".headline"), "Résultat pas encore connu : répondez aux questions", "then French");
}

#[wasm_bindgen_test]
fn an_event_detail_is_the_cli_json_of_its_report() {
    use eligibility::answer::Answer;
    use eligibility::form::Form;
    use eligibility::i18n::Lang;
    use eligibility::pack::{Date, Programme};
    use eligibility::report::{BenefitReport, EvaluationReport};
    use eligibility::tools::space;

    let today = Date { year: 2021, month: 3, day: 1 };
    let all: Vec<&Programme> = eligibility::catalogue::programmes().iter().collect();
    let mut forms: Vec<Vec<&Programme>> = all.iter().map(|p| vec![*p]).collect();
    forms.push(all.clone());
    // What the reports compared had, so that every shape of a field is met.
    let (mut bounds, mut options, mut places, mut amounts, mut documents, mut unknowns) = (0, 0, 0, 0, 0, 0);
    for programmes in forms {
        let form = Form::new(programmes.clone());
        let per_programme: Vec<Vec<Vec<Option<Answer>>>> = programmes.iter().map(|p| space::domains(p)).collect();
        // Each question of the form: the representative answers of its first reader.
        let domains: Vec<Vec<Option<Answer>>> = form
            .questions()
            .map(|question| {
                let found = programmes.iter().zip(&per_programme).find_map(|(p, domains)| {
                    let index = p.questions.iter().position(|q| q.id == question.id)?;
                    domains.get(index).cloned()
                });
                found.unwrap_or_else(|| vec![None])
            })
            .collect();
        let radices: Vec<usize> = domains.iter().map(Vec::len).collect();
        for row in space::pairwise(&radices) {
            let mut answers = form.no_answers();
            for (q, (values, digit)) in domains.iter().zip(&row).enumerate() {
                answers.set(q, values.get(*digit).cloned().flatten());
            }
            let mut unsure = answers.clone();
            for q in 0..domains.len() {
                if unsure.get(q).is_none() {
                    unsure.set_unknown(q);
                }
            }
            for answers in [answers, unsure] {
                for outcome in form.evaluate(&answers) {
                    for lang in [Lang::Fr, Lang::En] {
                        let report = EvaluationReport::new(&outcome, lang, today);
                        let detail = dom::detail::detail(&report).expect("a detail");
                        let json = String::from(js_sys::JSON::stringify(&detail).expect("JSON"));
                        assert_eq!(json, serde_json::to_string(&report).expect("JSON"));
                        bounds +=
                            report.changes.iter().filter(|c| c.at_least.is_some() || c.less_than.is_some()).count();
                        options += report.changes.iter().filter(|c| c.answer.is_some()).count();
                        places += usize::from(matches!(report.benefit, Some(BenefitReport::Place { .. })));
                        amounts += usize::from(report.amount.is_some());
                        documents += report.before_applying.len();
                        unknowns += report.depends_on.len();
                    }
                }
            }
        }
    }
    let met = [bounds, options, places, amounts, documents, unknowns];
    assert!(met.iter().all(|n| *n > 0), "bounds, answers, places, amounts, documents, unknowns: {met:?}");
}
