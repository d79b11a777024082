//! The sentences the widget shows for a verdict, in the visitor's language. Pure, so
//! that what a visitor reads is tested natively.

use crate::engine::{Status, Verdict};
use crate::i18n::{ui, Lang};
use crate::money::format_range;
use crate::pack::{AmountRule, Programme, Source, Window};

/// The sentence the live region announces: the status, and the amount when eligible.
pub fn headline(verdict: &Verdict<'_>, lang: Lang) -> String {
    let ui = ui(lang);
    match verdict.status {
        Status::Eligible => match amount(verdict, lang) {
            Some(amount) => format!("{}{} {amount}", ui.likely_eligible, colon(lang)),
            None => ui.likely_eligible.to_owned(),
        },
        Status::NotEligible => ui.likely_not_eligible.to_owned(),
        Status::Undetermined => ui.not_yet_known.to_owned(),
    }
}

/// `500 € à 900 €`, `€900`; with the operator's say where the pack gives only a range.
pub fn amount(verdict: &Verdict<'_>, lang: Lang) -> Option<String> {
    let range = verdict.amount?;
    let programme = verdict.programme;
    let text = format_range(range.min, range.max, &programme.amount.currency, lang);
    Some(match programme.amount.rule {
        AmountRule::Range { .. } => format!("{text} {}", ui(lang).operator_decides),
        _ => text,
    })
}

/// `Montant : 500 € à 900 €`, `Amount: €900`; `None` when not eligible.
pub fn amount_line(verdict: &Verdict<'_>, lang: Lang) -> Option<String> {
    amount(verdict, lang).map(|amount| format!("{}{} {amount}", ui(lang).amount, colon(lang)))
}

/// `Dépôt des demandes : à partir du 15 avril 2020 ; date de clôture non communiquée`.
pub fn window(window: &Window, lang: Lang) -> String {
    let ui = ui(lang);
    let mut parts = Vec::new();
    if let Some(opens) = window.opens {
        parts.push(format!("{} {}", ui.opens, opens.long(lang)));
    }
    parts.push(match window.closes {
        Some(closes) => format!("{} {}", ui.closes, closes.long(lang)),
        None => ui.closing_unknown.to_owned(),
    });
    let separator = match lang {
        Lang::Fr => " ; ",
        Lang::En => "; ",
    };
    format!("{}{} {}", ui.window, colon(lang), parts.join(separator))
}

/// Which rules gave the verdict, for a newsroom to cite: `Règles netflix-audiens-2020,
/// version 1.0.0, comparées aux sources le 21 novembre 2026 ; empreinte SHA-256 : …`.
pub fn rules(programme: &Programme, lang: Lang) -> String {
    let ui = ui(lang);
    let (rules, separator) = match lang {
        Lang::Fr => ("Règles", " ; "),
        Lang::En => ("Rules", "; "),
    };
    format!(
        "{rules} {}, {} {}, {} {}{separator}{}{} {}",
        programme.id,
        ui.version,
        programme.version,
        ui.checked_on,
        programme.checked.long(lang),
        ui.fingerprint,
        colon(lang),
        programme.hash
    )
}

/// `mind Media, « Covid-19 : … », 2020-04-08`.
pub fn source(source: &Source, lang: Lang) -> String {
    let title = match lang {
        Lang::Fr => format!("«\u{a0}{}\u{a0}»", source.title),
        Lang::En => format!("“{}”", source.title),
    };
    format!("{}, {title}, {}", source.publisher, source.date)
}

/// French puts a space before a colon; English does not.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{AnswerInput, Answers};
    use crate::engine::evaluate;
    use crate::catalogue;

    #[test]
    fn sentences_in_both_languages() {
        let programme = catalogue::programme("netflix-audiens-2020").unwrap_or_else(|e| panic!("{e}"));
        let inputs = [
            ("profession", AnswerInput::Text("artist".into())),
            ("rights_not_renewed_since_2020", AnswerInput::Bool(true)),
            ("days_worked", AnswerInput::Number("12".into())),
            ("works_on_netflix_production", AnswerInput::Bool(false)),
        ];
        let answers = Answers::from_inputs(programme, inputs).unwrap_or_else(|e| panic!("{e}"));
        let verdict = evaluate(programme, &answers);
        assert_eq!(headline(&verdict, Lang::Fr), "Vous êtes probablement éligible\u{a0}: 500\u{a0}€ à 900\u{a0}€");
        assert_eq!(headline(&verdict, Lang::En), "You are likely eligible: €500 to €900");
        assert_eq!(
            window(&programme.window, Lang::Fr),
            "Dépôt des demandes\u{a0}: à partir du 15 avril 2020 ; date de clôture non communiquée"
        );
        assert_eq!(window(&programme.window, Lang::En), "Applications: from 15 April 2020; closing date not published");
        let rules_fr = rules(programme, Lang::Fr);
        assert!(rules_fr.starts_with("Règles netflix-audiens-2020, version 1.0.0, comparées aux sources le 21 novembre 2026 ; empreinte SHA-256\u{a0}: "), "{rules_fr}");
        assert!(rules_fr.ends_with(&programme.hash));
        let first = programme.sources.first().map(|s| source(s, Lang::En));
        assert_eq!(first.as_deref(), Some("mind Media, “Covid-19 : Netflix France ouvre un fonds d'un million d'euros d'aides aux professionnels du cinéma”, 2020-04-08"));
        let none = evaluate(programme, &Answers::none(programme));
        assert_eq!(headline(&none, Lang::En), "Not yet known: answer the questions");
        assert_eq!(amount_line(&none, Lang::En).as_deref(), Some("Amount: €500 to €900"));
        assert_eq!(amount_line(&none, Lang::Fr).as_deref(), Some("Montant\u{a0}: 500\u{a0}€ à 900\u{a0}€"));
    }
}
