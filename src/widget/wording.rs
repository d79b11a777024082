//! The sentences the widget shows for a verdict, in the visitor's language. Pure, so
//! that what a visitor reads is tested natively.

use crate::engine::{BenefitOutlook, Status, WindowState};
use crate::form::{Form, Outcome};
use crate::i18n::{digits, push_colon, ui, Lang};
use eligibility_rules::cat;
use rust_decimal::Decimal;

use crate::pack::{long_partial_date, AmountRule, Benefit, Programme, QuestionKind, Source};
pub use crate::report::reading;
use crate::report::{amount_words, starts_words};

/// The sentence a visitor reads first: the status, and the amount when eligible. For a
/// closed programme, what they would have got ("you would have qualified").
#[inline(never)] // also called by the summary: one copy, not one per caller
pub fn headline(outcome: &Outcome<'_>, window: WindowState, lang: Lang) -> String {
    let ui = ui(lang);
    let closed = window == WindowState::Closed;
    match outcome.status() {
        Status::Eligible => {
            let words = if closed { ui.would_have_been_eligible() } else { ui.likely_eligible() };
            // The amount pushed onto the words rather than both copied into a new text (−8 B).
            let mut out = words.to_owned();
            if let Some(amount) = amount(outcome, lang) {
                push_colon(&mut out, lang);
                out.push_str(&amount);
            }
            out
        }
        Status::NotEligible if closed => ui.would_not_have_been_eligible().to_owned(),
        Status::NotEligible => ui.likely_not_eligible().to_owned(),
        Status::Undetermined => ui.not_yet_known().to_owned(),
    }
}

/// `500 € à 900 €`, `€900`, `à partir de 100 €`; with the operator's say where the
/// pack gives only a range. `None` for a place, or when not eligible.
pub fn amount(outcome: &Outcome<'_>, lang: Lang) -> Option<String> {
    let programme = outcome.verdict.programme;
    let (Benefit::Money(money), Some(BenefitOutlook::Money { min, max })) = (&programme.benefit, outcome.benefit())
    else {
        return None;
    };
    let mut text = amount_words(*min, *max, &money.currency, lang);
    // Pushed onto the amount rather than both copied into a new text (−30 B).
    if let AmountRule::Range { .. } = money.rule {
        text.push(' ');
        text.push_str(ui(lang).operator_decides());
    }
    Some(text)
}

/// `Montant : 500 € à 900 €`, `What you would get: a mentee's place…; starts: May 2021`;
/// `None` when not eligible.
#[inline(never)] // also called by the summary: one copy, not one per caller
pub fn benefit_line(outcome: &Outcome<'_>, lang: Lang) -> Option<String> {
    let ui = ui(lang);
    if let Some(amount) = amount(outcome, lang) {
        // Each part pushed onto the title rather than all concatenated.
        let mut out = ui.amount().to_owned();
        push_colon(&mut out, lang);
        out.push_str(&amount);
        return Some(out);
    }
    let (Benefit::Place(place), Some(BenefitOutlook::Place { starts })) =
        (&outcome.verdict.programme.benefit, outcome.benefit())
    else {
        return None;
    };
    // Each part pushed rather than all concatenated (−8 B, and −27 B with the title).
    let mut out = ui.benefit().to_owned();
    push_colon(&mut out, lang);
    out.push_str(place.what.get(lang));
    out.push_str(semicolon(lang));
    out.push_str(ui.starts());
    push_colon(&mut out, lang);
    starts_words(&mut out, place, starts, lang);
    Some(out)
}

/// When applications are taken, as of the visitor's day: `Dépôt des demandes : à partir
/// du 15 avril 2020 ; date de clôture non communiquée`, `Applications closed on 22 April
/// 2020 at 6 pm (UK time).`, or, past the last day the pack vouches for, that the
/// programme may no longer take applications.
#[inline(never)] // also called by the summary: one copy, not one per caller
pub fn window(programme: &Programme, state: WindowState, lang: Lang) -> String {
    let ui = ui(lang);
    let window = &programme.window;
    // Each day written once, whichever sentence uses it.
    let closing = window.closes.map(|closes| {
        let mut text = closes.long(lang);
        if let Some(time) = &window.closing_time {
            text.push(' ');
            text.push_str(time.get(lang));
        }
        text
    });
    let opens = window.opens.map(|opens| opens.long(lang));
    // One text, each part pushed onto it as its sentence goes, rather than concatenated
    // (or, for the window itself, joined).
    let mut out = String::new();
    match (state, &closing, &opens) {
        (WindowState::Closed, Some(closing), _) => {
            out.push_str(ui.closed_on());
            out.push(' ');
            out.push_str(closing);
            out.push('.');
        }
        (WindowState::Unconfirmed, _, Some(opens)) => {
            out.push_str(ui.opened_on());
            out.push(' ');
            out.push_str(opens);
            out.push_str(semicolon(lang));
            out.push_str(ui.may_have_closed());
            out.push_str(" (");
            out.push_str(&programme.operator);
            out.push_str(").");
        }
        _ => {
            out.push_str(ui.window());
            push_colon(&mut out, lang);
            if let Some(opens) = &opens {
                out.push_str(ui.opens());
                out.push(' ');
                out.push_str(opens);
                out.push_str(semicolon(lang));
            }
            match &closing {
                Some(closing) => {
                    out.push_str(ui.closes());
                    out.push(' ');
                    out.push_str(closing);
                }
                None => out.push_str(ui.closing_unknown()),
            }
            if state == WindowState::Upcoming {
                out.push_str(" (");
                out.push_str(ui.not_open_yet());
                out.push(')');
            }
        }
    }
    out
}

/// What the widget read of a typed number, said next to the field: `compris : 20 000 €`.
pub fn understood(kind: &QuestionKind, value: Decimal, lang: Lang) -> String {
    // Each part pushed onto the words rather than all concatenated.
    let mut out = ui(lang).understood().to_owned();
    push_colon(&mut out, lang);
    out.push_str(&reading(kind, value, lang));
    out
}

/// `Fonds … : Vous êtes probablement éligible`: a verdict announced in a form of several.
pub fn announcement(programme: &Programme, headline: &str, lang: Lang) -> String {
    // Each part pushed onto the name rather than all concatenated.
    let mut out = programme.name.get(lang).to_owned();
    push_colon(&mut out, lang);
    out.push_str(headline);
    out
}

/// The words of the link to the operator's page: an invitation to apply only while
/// the programme is open.
#[inline(never)] // also called by the summary: one copy, not one per caller
pub fn link(state: WindowState, lang: Lang) -> &'static str {
    let ui = ui(lang);
    match state {
        WindowState::Open => ui.apply(),
        WindowState::Upcoming => ui.read_terms(),
        WindowState::Closed => ui.read_terms_closed(),
        WindowState::Unconfirmed => ui.check_with_operator(),
    }
}

/// Which rules gave the verdict, for a newsroom to cite: `Règles netflix-audiens-2020,
/// version 1.0.0, comparées aux sources le 21 novembre 2026 ; empreinte SHA-256 : …`.
#[inline(never)] // also called by the summary: one copy, not one per caller
pub fn rules(programme: &Programme, lang: Lang) -> String {
    let ui = ui(lang);
    let separator = semicolon(lang);
    let rules = match lang {
        Lang::Fr => "Règles",
        Lang::En => "Rules",
    };
    // Each part pushed onto the first rather than all concatenated (−52 B).
    let mut out = cat!(rules, " ", programme.id, ", ");
    out.push_str(ui.version());
    out.push(' ');
    out.push_str(&programme.version);
    out.push_str(", ");
    out.push_str(ui.checked_on());
    out.push(' ');
    out.push_str(&programme.checked.long(lang));
    out.push_str(separator);
    out.push_str(ui.fingerprint());
    push_colon(&mut out, lang);
    out.push_str(&programme.hash);
    out
}

/// `mind Media, « Covid-19 : … », 8 avril 2020`.
#[inline(never)] // also called by the summary: one copy, not one per caller
pub fn source(source: &Source, lang: Lang) -> String {
    let mut out = cat!(source.publisher, ", ");
    quote(&mut out, &source.title, lang);
    out.push_str(", ");
    out.push_str(&long_partial_date(&source.date, lang));
    out
}

/// Writes `text` quoted, `« … »` in French, `“…”` in English: into the sentence, not
/// as a text of its own.
pub fn quote(out: &mut String, text: &str, lang: Lang) {
    let (open, close) = match lang {
        Lang::Fr => ("«\u{a0}", "\u{a0}»"),
        Lang::En => ("“", "”"),
    };
    out.push_str(open);
    out.push_str(text);
    out.push_str(close);
}

/// What the widget says after restoring a link's answers: that it did, the rules that
/// changed since (`changed`: the programme's index in `form` and the link's version), and
/// the answers left out (`dropped`: their ids; those of questions `form` no longer asks
/// are counted, not named). Each written as it is looked up, rather than gathered first.
pub fn restored(form: &Form<'_>, changed: &[(usize, String)], dropped: &[String], lang: Lang) -> String {
    let words = ui(lang);
    let mut out = words.restored().to_owned();
    for (i, was) in changed {
        let Some(programme) = form.programmes.get(*i) else { continue };
        // Each part pushed, rather than made a text of its own first (−64 B); the
        // spaces and marks around the words held in them.
        out.push_str(words.rules_of());
        quote(&mut out, programme.name.get(lang), lang);
        out.push_str(words.changed_since());
        out.push_str(ui(lang).version());
        out.push(' ');
        out.push_str(was);
        out.push_str(words.now());
        out.push_str(&programme.version);
        out.push_str(words.still_apply());
    }
    // Each answer left out written in place, after the words that introduce them or
    // a semicolon, rather than gathered and joined; the words pushed before the first,
    // as every answer left out is said, by name or counted (−25 B).
    if !dropped.is_empty() {
        out.push_str(words.dropped());
    }
    let mut separator = "";
    let mut gone = 0;
    for id in dropped {
        let Some(question) = form.position(id).and_then(|q| form.question(q)) else {
            gone += 1;
            continue;
        };
        out.push_str(separator);
        quote(&mut out, question.label.get(lang), lang);
        separator = semicolon(lang);
    }
    // The count written in place, not made into a text of its own first.
    if gone > 0 {
        out.push_str(separator);
        if gone == 1 {
            out.push_str(words.gone_one());
        } else {
            out.push_str(&digits(gone));
            out.push(' ');
            out.push_str(words.gone_many());
        }
    }
    if !dropped.is_empty() {
        out.push('.');
    }
    out
}

/// French puts a space before a semicolon too.
pub fn semicolon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " ; ",
        Lang::En => "; ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::AnswerInput;
    use crate::catalogue;
    use crate::form::Form;
    use crate::pack::Date;

    fn outcome<'p>(form: &Form<'p>, answers: &[(&str, AnswerInput)]) -> Outcome<'p> {
        let answers = form.answers(answers.iter().cloned()).unwrap_or_else(|e| panic!("{e}"));
        form.evaluate(&answers).into_iter().next().unwrap_or_else(|| panic!("no programme"))
    }

    fn day(text: &str) -> WindowState {
        let netflix = catalogue::programme("netflix-audiens-2020").unwrap_or_else(|e| panic!("{e}"));
        crate::engine::window_state(&netflix.window, Date::parse(text).unwrap_or(Date { year: 1, month: 1, day: 1 }))
    }

    #[test]
    fn sentences_in_both_languages() {
        let programme = catalogue::programme("netflix-audiens-2020").unwrap_or_else(|e| panic!("{e}"));
        let form = Form::new(vec![programme]);
        let met = outcome(
            &form,
            &[
                ("profession", AnswerInput::Text("artist".into())),
                ("rights_not_renewed_since_2020", AnswerInput::Bool(true)),
                ("days_worked", AnswerInput::Number("12".into())),
                ("works_on_netflix_production", AnswerInput::Bool(false)),
            ],
        );
        let open = day("2020-04-15");
        assert_eq!(headline(&met, open, Lang::Fr), "Vous êtes probablement éligible\u{a0}: 500\u{a0}€ à 900\u{a0}€");
        assert_eq!(headline(&met, open, Lang::En), "You are likely eligible: €500 to €900");
        assert_eq!(headline(&met, WindowState::Closed, Lang::En), "You would likely have qualified: €500 to €900");
        assert_eq!(
            window(programme, open, Lang::Fr),
            "Dépôt des demandes\u{a0}: à partir du 15 avril 2020 ; date de clôture non communiquée"
        );
        assert_eq!(window(programme, open, Lang::En), "Applications: from 15 April 2020; closing date not published");
        assert_eq!(
            window(programme, day("2026-11-22"), Lang::En),
            "Applications opened on 15 April 2020; they may no longer be accepted: check with the operator (Audiens)."
        );
        assert_eq!(
            window(programme, day("2020-04-01"), Lang::En),
            "Applications: from 15 April 2020; closing date not published (not open yet)"
        );
        assert_eq!(link(day("2026-11-22"), Lang::En), "Check with the operator and read the official terms");
        let rules_fr = rules(programme, Lang::Fr);
        assert!(rules_fr.starts_with("Règles netflix-audiens-2020, version 1.2.1, comparées aux sources le 22 novembre 2026 ; empreinte SHA-256\u{a0}: "), "{rules_fr}");
        assert!(rules_fr.ends_with(&programme.hash));
        let first = programme.sources.first().map(|s| source(s, Lang::En));
        assert_eq!(first.as_deref(), Some("Le Film Français, “Intermittents : Netflix et Audiens créent un fonds de soutien d'urgence”, 8 April 2020"));
        let fr = programme.sources.first().map(|s| source(s, Lang::Fr));
        assert_eq!(fr.as_deref(), Some("Le Film Français, «\u{a0}Intermittents : Netflix et Audiens créent un fonds de soutien d'urgence\u{a0}», 8 avril 2020"));
        let none = outcome(&form, &[]);
        assert_eq!(headline(&none, open, Lang::En), "Not yet known: answer the questions");
        assert_eq!(benefit_line(&none, Lang::En).as_deref(), Some("Amount: €500 to €900"));
        assert_eq!(benefit_line(&none, Lang::Fr).as_deref(), Some("Montant\u{a0}: 500\u{a0}€ à 900\u{a0}€"));
    }

    /// The answers left out: introduced once, before the first named or counted, then
    /// each after a semicolon; nothing of it when none was left out.
    #[test]
    fn answers_left_out_are_introduced_once() {
        let programme = catalogue::programme("netflix-audiens-2020").unwrap_or_else(|e| panic!("{e}"));
        let form = Form::new(vec![programme]);
        let ids = |ids: &[&str]| ids.iter().map(|id| id.to_string()).collect::<Vec<_>>();
        assert_eq!(restored(&form, &[], &[], Lang::En), "Your answers were restored from the link.");
        assert_eq!(
            restored(&form, &[], &ids(&["gone"]), Lang::En),
            "Your answers were restored from the link. Not restored, as they no longer fit the questions: \
             one answer to a question no longer asked."
        );
        assert_eq!(
            restored(&form, &[], &ids(&["gone", "retired"]), Lang::En),
            "Your answers were restored from the link. Not restored, as they no longer fit the questions: \
             2 answers to questions no longer asked."
        );
        let label = programme.question("profession").map(|(_, q)| q.label.fr.as_str()).unwrap_or_default();
        assert_eq!(
            restored(&form, &[(0, "1.0.0".into())], &ids(&["gone", "profession", "retired"]), Lang::Fr),
            format!(
                "Vos réponses ont été reprises du lien. Les règles de «\u{a0}{}\u{a0}» ont changé depuis ce lien \
                 (version 1.0.0, aujourd'hui {})\u{a0}: les réponses qui s'appliquent encore ont été reprises. \
                 Non reprises, car elles ne correspondent plus aux questions\u{a0}: «\u{a0}{label}\u{a0}» ; \
                 2 réponses à des questions qui ne sont plus posées.",
                programme.name.fr, programme.version
            )
        );
    }

    #[test]
    fn typed_numbers_are_said_back_as_read() {
        let money = QuestionKind::Money { currency: "EUR".into(), min: None, max: None };
        assert_eq!(understood(&money, Decimal::from(20_000), Lang::Fr), "compris\u{a0}: 20\u{202f}000\u{a0}€");
        assert_eq!(understood(&money, Decimal::new(205, 1), Lang::En), "understood: €20.50");
        let count = QuestionKind::Integer { min: None, max: None };
        assert_eq!(reading(&count, Decimal::from(1200), Lang::En), "1,200");
    }

    #[test]
    fn a_closed_fund_a_range_a_sum_without_bound_and_a_place() {
        let uk = catalogue::programme("uk-film-tv-emergency-relief-2020").unwrap_or_else(|e| panic!("{e}"));
        let closed = crate::engine::window_state(&uk.window, Date { year: 2026, month: 11, day: 22 });
        assert_eq!(window(uk, closed, Lang::En), "Applications closed on 22 April 2020 at 6 pm (UK time).");
        assert_eq!(
            window(uk, closed, Lang::Fr),
            "Dépôt des demandes clos le 22 avril 2020 à 18 h (heure du Royaume-Uni)."
        );
        assert_eq!(link(closed, Lang::Fr), "Lire les conditions officielles (les demandes sont closes)");
        let form = Form::new(vec![uk]);
        assert_eq!(
            benefit_line(&outcome(&form, &[]), Lang::En).as_deref(),
            Some("Amount: £500 to £2,500 as decided by the operator")
        );

        let fussat = catalogue::programme("audiens-fonds-solidarite-2020").unwrap_or_else(|e| panic!("{e}"));
        let form = Form::new(vec![fussat]);
        assert_eq!(
            benefit_line(&outcome(&form, &[]), Lang::Fr).as_deref(),
            Some("Montant\u{a0}: à partir de 100\u{a0}€")
        );

        let mentoring = catalogue::programme("collectif-5050-mentorat-2021").unwrap_or_else(|e| panic!("{e}"));
        let form = Form::new(vec![mentoring]);
        let student = outcome(&form, &[("mentoring_profile", AnswerInput::Text("student".into()))]);
        assert_eq!(
            benefit_line(&student, Lang::En).as_deref(),
            Some("What you would get: A mentee's place in the first cohort (200 young people, on selection), with a mentor from film or TV; starts: May 2021")
        );
        let open = crate::engine::window_state(&mentoring.window, Date { year: 2021, month: 3, day: 8 });
        assert_eq!(headline(&student, open, Lang::En), "Not yet known: answer the questions");
        let anyone = outcome(&form, &[]);
        assert!(benefit_line(&anyone, Lang::Fr).is_some_and(|l| l.ends_with("début\u{a0}: mai 2021 ou automne 2021")));
    }
}
