//! The summary a visitor keeps: each programme's verdict and reasons, their answers,
//! the day, the sources, the rules' version and hash and the official link. Built from
//! the widget's state with the same words the widget shows; written as plain text for
//! the clipboard here, drawn for print by the DOM layer. Pure, tested natively.

use crate::answer::Answer;
use crate::i18n::colon;
use crate::i18n::{ui, Lang};
use crate::pack::QuestionKind;
use crate::widget::state::WidgetState;
use crate::widget::wording;
use eligibility_rules::cat;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary<'s> {
    pub lang: Lang,
    pub title: &'static str,
    /// `Fait le 22 novembre 2026`.
    pub made_on: String,
    /// The programmes shown, in the widget's order.
    pub results: Vec<ResultSummary>,
    pub answers_title: &'static str,
    /// `(question's label, the answer as shown)`, in the form's order: the label
    /// borrowed from the state's form, not copied (−17 B).
    pub answers: Vec<(&'s str, String)>,
    pub notice: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultSummary {
    /// Borrowed from the programme, as the link's address: not copied.
    pub name: &'static str,
    pub headline: String,
    pub benefit: Option<String>,
    pub reasons_title: &'static str,
    /// `✓ Critère rempli : …`: the mark and the words a screen reader hears.
    pub reasons: Vec<String>,
    /// What the verdict still depends on, what would change it, what to have ready:
    /// each under its title, when it says something.
    pub lists: Vec<(&'static str, Vec<String>)>,
    pub window: String,
    /// The official page: the words of its link, and its address, borrowed from the
    /// programme rather than copied, as the sources' addresses: the widget's programmes
    /// last as long as the page (−7 B gzipped).
    pub link: (&'static str, &'static str),
    pub sources_title: &'static str,
    /// Each source, and its address if it has one.
    pub sources: Vec<(String, Option<&'static str>)>,
    /// Which rules gave the verdict: id, version, day checked, SHA-256.
    pub rules: String,
}

/// A criterion's status as its mark and the words a screen reader hears for it: the
/// summary's and the drawn reasons' one mapping.
pub fn mark(status: &str, lang: Lang) -> (&'static str, &'static str) {
    let ui = ui(lang);
    // `CriterionStatus::as_str`'s words, matched as literals rather than each compared
    // through a call.
    match status {
        "met" => ("✓", ui.met()),
        "not_met" => ("✗", ui.not_met()),
        _ => ("?", ui.unknown()),
    }
}

impl<'s> Summary<'s> {
    pub fn of(state: &'s WidgetState) -> Summary<'s> {
        let lang = state.lang;
        let ui = ui(lang);
        let view = state.view();
        let reports = &view.reports;
        // Plain loops rather than collected iterators: each `collect` is its own code.
        let mut results = Vec::new();
        // This list and the answers' walked by reference: by value, a list's own iterator
        // and its drop came along (one of the two alone cost more than it saved).
        // As a slice: the walk the rules' engine has, where a `&Vec`'s is code of its own.
        for &i in state.results_order(view).as_slice() {
            let (Some(outcome), Some(report)) = (view.outcomes.get(i), reports.get(i)) else { continue };
            let programme = outcome.verdict.programme;
            let window = state.window_state(programme);
            let mut reasons = Vec::new();
            for c in &report.criteria {
                let (mark, word) = mark(c.status, lang);
                // Pushed part by part onto the mark rather than five parts concatenated.
                let mut reason = mark.to_owned();
                reason.push(' ');
                reason.push_str(word);
                reason.push(' ');
                reason.push_str(&c.explanation);
                reasons.push(reason);
            }
            // One list filled in turn, each handed to `lists` under its title when it says
            // something (`titled`), rather than three lists each dropped if empty.
            let mut lists = Vec::new();
            let mut items = Vec::new();
            for id in &report.depends_on {
                if let Some(question) = state.form.position(id).and_then(|q| state.form.question(q)) {
                    items.push(question.label.get(lang).to_owned());
                }
            }
            titled(&mut lists, ui.depends_on(), &mut items);
            for change in &report.changes {
                items.push(change.explanation.clone());
            }
            titled(&mut lists, ui.what_would_change(), &mut items);
            for d in &report.before_applying {
                // Each part pushed onto the first rather than all concatenated.
                let mut item = d.text.to_owned();
                item.push_str(" (");
                item.push_str(ui.according_to());
                item.push(' ');
                item.push_str(d.source.publisher);
                item.push_str(", ");
                item.push_str(d.source.title);
                if let Some(url) = &d.source.url {
                    item.push_str(": ");
                    item.push_str(url);
                }
                item.push(')');
                items.push(item);
            }
            titled(&mut lists, ui.before_applying(), &mut items);
            let mut sources = Vec::new();
            for source in &programme.sources {
                sources.push((wording::source(source, lang), source.url.as_deref()));
            }
            results.push(ResultSummary {
                name: programme.name.get(lang),
                headline: wording::headline(outcome, window, lang),
                benefit: wording::benefit_line(outcome, lang),
                reasons_title: ui.reasons(),
                reasons,
                lists,
                window: wording::window(programme, window, lang),
                link: (wording::link(window, lang), &programme.apply_url),
                sources_title: ui.sources(),
                sources,
                rules: wording::rules(programme, lang),
            });
        }
        let mut answers = Vec::new();
        for &q in &state.visible_questions(view) {
            // The question looked up once, for its label and its answer's kind (−35 B).
            let Some(question) = state.form.question(q) else { continue };
            if let Some(answer) = shown_answer(state, q, &question.kind) {
                answers.push((question.label.get(lang), answer));
            }
        }
        Summary {
            lang,
            title: ui.title(),
            made_on: cat!(ui.made_on(), " ", state.today.long(lang)),
            results,
            answers_title: ui.your_answers(),
            answers,
            notice: ui.estimate_notice(),
        }
    }

    /// The summary as plain text, for the clipboard: one block per programme, then
    /// the answers, then the notice.
    pub fn text(&self) -> String {
        let colon = colon(self.lang);
        let mut out = String::new();
        line(&mut out, &[self.title]);
        line(&mut out, &[&self.made_on]);
        for result in &self.results {
            line(&mut out, &["\n", result.name]);
            line(&mut out, &[&result.headline]);
            if let Some(benefit) = &result.benefit {
                line(&mut out, &[benefit]);
            }
            // The reasons and each list after them by one helper (−2 B).
            list(&mut out, result.reasons_title, &result.reasons, colon);
            for (title, items) in &result.lists {
                list(&mut out, title, items, colon);
            }
            line(&mut out, &[&result.window]);
            line(&mut out, &[result.link.0, colon, " ", result.link.1]);
            line(&mut out, &[result.sources_title, colon]);
            for (source, url) in &result.sources {
                match url {
                    Some(url) => line(&mut out, &["- ", source, colon, " ", url]),
                    None => line(&mut out, &["- ", source]),
                }
            }
            line(&mut out, &[&result.rules]);
        }
        line(&mut out, &["\n", self.answers_title, colon]);
        if self.answers.is_empty() {
            line(&mut out, &[ui(self.lang).no_answers()]);
        }
        for (label, answer) in &self.answers {
            line(&mut out, &["- ", label, " — ", answer]);
        }
        line(&mut out, &["\n", self.notice]);
        out
    }
}

/// Hands `items` to `lists` under `title`, leaving it empty for the next list; nothing
/// when there are none.
fn titled(lists: &mut Vec<(&'static str, Vec<String>)>, title: &'static str, items: &mut Vec<String>) {
    if !items.is_empty() {
        lists.push((title, std::mem::take(items)));
    }
}

/// A titled list, one item a line.
fn list(out: &mut String, title: &str, items: &[String], colon: &str) {
    // `depends_on`'s title ends with its own colon.
    // Its last byte compared, not `ends_with`, whose code for a char only this used (−114 B).
    line(out, &[title, if title.as_bytes().last() == Some(&b':') { "" } else { colon }]);
    for item in items {
        line(out, &["- ", item]);
    }
}

/// Writes `parts` then a new line: plain pushes, lighter in WebAssembly than `format!`.
fn line(out: &mut String, parts: &[&str]) {
    parts.iter().for_each(|part| out.push_str(part));
    out.push('\n');
}

/// An answer as the widget shows it: the option's words, a number as read; `None`
/// while the question has no answer (a number to choose between two readings, a
/// value refused).
fn shown_answer(state: &WidgetState, q: usize, kind: &QuestionKind) -> Option<String> {
    let ui = ui(state.lang);
    if state.answers().is_unknown(q) {
        return Some(ui.do_not_know().to_owned());
    }
    let answer = state.answers().get(q)?;
    match (kind, answer) {
        (_, Answer::YesNo(true)) => Some(ui.yes().to_owned()),
        (_, Answer::YesNo(false)) => Some(ui.no().to_owned()),
        (QuestionKind::Choice(choices), Answer::Choice(i)) => Some(choices.get(*i)?.label.get(state.lang).to_owned()),
        (_, Answer::Choice(_)) => None,
        // Either kind of number read by the engine's `number`, in one place.
        (kind, Answer::Integer(_) | Answer::Money(_)) => Some(wording::reading(kind, answer.number()?, state.lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;
    use crate::pack::Date;
    use crate::widget::state::Message;

    /// Each status's mark, found from the words the engine gives it.
    #[test]
    fn each_status_has_its_mark() {
        use crate::engine::CriterionStatus;
        for lang in [Lang::Fr, Lang::En] {
            let ui = ui(lang);
            assert_eq!(mark(CriterionStatus::Met.as_str(), lang), ("✓", ui.met()));
            assert_eq!(mark(CriterionStatus::NotMet.as_str(), lang), ("✗", ui.not_met()));
            assert_eq!(mark(CriterionStatus::Unknown.as_str(), lang), ("?", ui.unknown()));
        }
    }

    fn state_of(ids: &[&str], lang: Lang, answers: &[(&str, &str)]) -> WidgetState {
        let programmes = ids.iter().map(|id| catalogue::programme(id).unwrap_or_else(|e| panic!("{e}"))).collect();
        let mut state = WidgetState::new(programmes, lang, Date { year: 2026, month: 11, day: 22 });
        for (id, raw) in answers {
            let question = state.form.position(id).unwrap_or(usize::MAX);
            state.update(Message::Answer { question, raw: (*raw).into() });
        }
        state
    }

    const NETFLIX_ELIGIBLE: [(&str, &str); 5] = [
        ("profession", "artist"),
        ("rights_not_renewed_since_2020", "yes"),
        ("days_worked", "12"),
        ("works_on_netflix_production", "no"),
        ("annual_resources", "15 000 €"),
    ];

    #[test]
    fn the_summary_in_french_as_text() {
        let state = state_of(&["netflix-audiens-2020"], Lang::Fr, &NETFLIX_ELIGIBLE);
        let text = Summary::of(&state).text().replace(['\u{a0}', '\u{202f}'], " ");
        let netflix = catalogue::programme("netflix-audiens-2020").unwrap_or_else(|e| panic!("{e}"));
        let expected_start = "Résumé de votre simulation d'éligibilité\nFait le 22 novembre 2026\n\n\
            Fonds d'urgence Netflix–Audiens pour les intermittents de l'audiovisuel et du cinéma (2020)\n\
            Vous êtes probablement éligible : 900 €\nMontant : 900 €\nPourquoi :\n\
            - ✓ Critère rempli : ";
        assert!(text.starts_with(expected_start), "{text}");
        assert!(text.contains("\nLe dépôt des demandes a ouvert le 15 avril 2020"), "{text}");
        assert!(
            text.contains(
                "\nVérifier auprès de l'organisme et lire les conditions officielles : https://www.audiens.org/"
            ),
            "{text}"
        );
        assert!(text.contains("\nSources :\n- Le Film Français, « Intermittents"), "{text}");
        assert!(text.contains("version 1.2.1, comparées aux sources le "), "{text}");
        assert!(text.contains(&netflix.hash), "the full hash");
        let answers = text.split("\nVos réponses :\n").nth(1).unwrap_or_default();
        let lines: Vec<&str> = answers.lines().collect();
        assert_eq!(lines.len(), 7, "{answers}");
        assert!(
            lines.first().is_some_and(|l| l.starts_with("- Êtes-vous artiste") && l.contains(" ? — Artiste (")),
            "{answers}"
        );
        assert!(lines.get(1).is_some_and(|l| l.ends_with(" — Oui")), "{answers}");
        assert!(lines.get(2).is_some_and(|l| l.ends_with(" — 12")), "{answers}");
        assert!(lines.get(4).is_some_and(|l| l.ends_with(" — 15 000 €")), "the amount as read: {answers}");
        assert_eq!(lines.get(6), Some(&"Ceci est une estimation : seul l'organisme décide. Vos réponses restent dans votre navigateur ; rien n'a été envoyé."));
    }

    #[test]
    fn the_summary_in_english_only_of_the_programmes_shown() {
        let answers = [("country", "gb"), ("screen_role", "behind_the_scenes")];
        let state = state_of(&["netflix-audiens-2020", "uk-film-tv-emergency-relief-2020"], Lang::En, &answers);
        let summary = Summary::of(&state);
        let names: Vec<&str> = summary.results.iter().map(|r| r.name).collect();
        assert_eq!(names, ["Covid-19 Film and TV Emergency Relief Fund (UK, 2020)"], "not the French fund");
        let text = summary.text();
        assert!(text.starts_with("Summary of your eligibility check\nMade on 22 November 2026\n"), "{text}");
        assert!(text.contains("\nWhy:\n- ✓ Criterion met: You work in the United Kingdom.\n"), "{text}");
        assert!(text.contains("\nYour answers:\n- Which country do you work in? — United Kingdom\n"), "{text}");
        assert!(text.contains("Read the official terms (applications are closed): https://"), "{text}");
    }

    #[test]
    fn i_do_not_know_is_an_answer_the_summary_shows() {
        let answers = [("profession", "artist"), ("rights_not_renewed_since_2020", "unknown")];
        let text = Summary::of(&state_of(&["netflix-audiens-2020"], Lang::Fr, &answers)).text();
        assert!(text.contains(" ? — Je ne sais pas\n"), "{text}");
        assert!(text.contains("\nLe résultat dépend encore de réponses que vous ne connaissez pas\u{a0}:\n- Depuis le 1er janvier 2020"), "{text}");
    }

    #[test]
    fn what_would_change_it_and_what_to_have_ready_are_kept_too() {
        let answers = [
            ("country", "gb"),
            ("screen_role", "behind_the_scenes"),
            ("uk_days_worked", "60"),
            ("hit_by_closures", "yes"),
            ("government_support_800", "no"),
        ];
        let state = state_of(&["uk-film-tv-emergency-relief-2020"], Lang::En, &answers);
        let text = Summary::of(&state).text();
        assert!(text.contains("\nWhat would change the result:\n- Have you lost work"), "{text}");
        assert!(text.contains("\nBefore you apply:\n- Be ready to demonstrate your 40 days"), "{text}");
        assert!(
            text.contains(
                "(according to The Film and TV Charity, Frequently asked questions (Covid-19 relief fund): https://"
            ),
            "{text}"
        );
    }

    #[test]
    fn no_answer_yet_and_a_number_still_to_choose() {
        let state = state_of(&["netflix-audiens-2020"], Lang::En, &[("annual_resources", "20,000")]);
        let summary = Summary::of(&state);
        assert!(summary.answers.is_empty(), "twenty or twenty thousand: not an answer yet");
        assert!(summary.text().contains("\nYour answers:\nNo answers yet.\n"));
        assert_eq!(summary.results.len(), 1);
    }
}
