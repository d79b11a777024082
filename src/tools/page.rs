//! A readable page per programme, generated from its pack: what is asked, each
//! criterion in plain words, the benefit and how it is computed, the window, the
//! readings and the sources, with the pack's version, check date and hash. For
//! visitors and journalists, in French or English.
//!
//! Standalone HTML: no script, no external resource, the CSS inline. Every text from
//! the pack is escaped; links are only the pack's `https://` and `http://` addresses.

use super::describe::written;
use crate::i18n::{ui, Lang};
use crate::money::{canonical, format_amount, format_range};
use crate::pack::{
    long_partial_date, AmountRule, Benefit, Cap, Comparison, Condition, Criterion, Date, Programme, Question,
    QuestionKind, Window,
};

/// The page of `programme` in `lang`.
pub fn page(programme: &Programme, lang: Lang) -> String {
    let w = words(lang);
    let p = programme;
    let mut out = String::with_capacity(32 * 1024);
    let other = match lang {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    };
    out.push_str(&format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        lang.code(),
        escape(p.name.get(lang))
    ));
    out.push_str(&format!(
        "<p class=\"other\"><a href=\"{}.{}.html\" hreflang=\"{}\" lang=\"{}\">{}</a></p>\n",
        escape(&p.id),
        other.code(),
        other.code(),
        other.code(),
        w.other_language
    ));
    out.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"summary\">{}</p>\n",
        escape(p.name.get(lang)),
        escape(p.summary.get(lang))
    ));
    out.push_str(&format!(
        "<p>{} {}. <a href=\"{}\">{}</a></p>\n<p class=\"notice\">{}</p>\n",
        w.operator,
        escape(&p.operator),
        escape(&p.apply_url),
        w.apply,
        w.notice
    ));

    out.push_str(&format!("<h2>{}</h2>\n<ol class=\"questions\">\n", w.asked));
    for question in &p.questions {
        out.push_str(&format!(
            "<li id=\"q-{}\"><p class=\"label\">{}</p>\n",
            escape(&question.id),
            escape(question.label.get(lang))
        ));
        if let Some(help) = &question.help {
            out.push_str(&format!("<p class=\"help\">{}</p>\n", escape(help.get(lang))));
        }
        out.push_str(&kind(question, lang));
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");

    out.push_str(&format!("<h2>{}</h2>\n<p>{}</p>\n<ol class=\"criteria\">\n", w.criteria, w.criteria_intro));
    for criterion in &p.criteria {
        out.push_str(&format!(
            "<li id=\"c-{}\">\n<div class=\"condition\">{}</div>\n\
             <p class=\"written\">{} <code>{}</code></p>\n\
             <dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>\n{}</li>\n",
            escape(&criterion.id),
            condition(&criterion.condition, p, lang),
            w.as_written,
            escape(&written(&criterion.condition, &p.questions)),
            w.met,
            escape(criterion.met.get(lang)),
            w.not_met,
            escape(criterion.not_met.get(lang)),
            documents(criterion, p, lang)
        ));
    }
    out.push_str("</ol>\n");

    out.push_str(&format!("<h2>{}</h2>\n{}", w.benefit, benefit(p, lang)));
    out.push_str(&format!("<h2>{}</h2>\n<p>{}</p>\n", w.window, window(&p.window, lang)));

    if !p.readings.is_empty() {
        out.push_str(&format!("<h2>{}</h2>\n<dl class=\"readings\">\n", w.readings));
        for reading in &p.readings {
            out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", escape(&reading.about), escape(reading.text.get(lang))));
        }
        out.push_str("</dl>\n");
    }

    out.push_str(&format!("<h2>{}</h2>\n<ol class=\"sources\">\n", w.sources));
    for source in &p.sources {
        let title = match source.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
            Some(url) => format!("<a href=\"{}\">{}</a>", escape(url), escape(&source.title)),
            None => escape(&source.title),
        };
        out.push_str(&format!(
            "<li>{title}, {}, {}</li>\n",
            escape(&source.publisher),
            escape(&long_partial_date(&source.date, lang))
        ));
    }
    out.push_str("</ol>\n");

    out.push_str(&format!(
        "<footer>\n<p>{} <code>{}</code>, {} {}, {} {}, {} <code class=\"hash\">{}</code>.</p>\n<p>{}</p>\n</footer>\n",
        w.rules,
        escape(&p.id),
        w.version,
        escape(&p.version),
        w.checked_on,
        day(p.checked, lang),
        w.hash,
        escape(&p.hash),
        w.generated
    ));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// What to have ready for a criterion before applying, each with its source.
fn documents(criterion: &Criterion, p: &Programme, lang: Lang) -> String {
    if criterion.documents.is_empty() {
        return String::new();
    }
    let items: String = criterion
        .documents
        .iter()
        .filter_map(|d| Some((d, p.sources.get(d.source)?)))
        .map(|(d, source)| {
            format!(
                "<li>{} ({}, {})</li>\n",
                escape(d.text.get(lang)),
                escape(&source.publisher),
                escape(&source.title)
            )
        })
        .collect();
    format!("<p class=\"documents\">{}</p>\n<ul>\n{items}</ul>\n", ui(lang).before_applying())
}

/// Text for HTML, in elements and in quoted attributes alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn day(date: Date, lang: Lang) -> String {
    escape(&date.long(lang))
}

/// What a question accepts, in words.
fn kind(question: &Question, lang: Lang) -> String {
    let w = words(lang);
    let text = match &question.kind {
        QuestionKind::YesNo => w.yes_no.to_owned(),
        QuestionKind::Choice(choices) => {
            let items: String = choices.iter().map(|c| format!("<li>{}</li>", escape(c.label.get(lang)))).collect();
            return format!("<p class=\"kind\">{}</p>\n<ul class=\"options\">{items}</ul>\n", w.one_of);
        }
        QuestionKind::Integer { min, max } => {
            let number = |n: &i64| n.to_string();
            format!("{}{}.", w.whole_number, bounds(min.as_ref().map(number), max.as_ref().map(number), lang))
        }
        QuestionKind::Money { currency, min, max } => {
            let money = |m: &rust_decimal::Decimal| escape(&format_amount(*m, currency, lang));
            let bounds = bounds(min.as_ref().map(money), max.as_ref().map(money), lang);
            format!("{} {}{bounds}.", w.amount_in, escape(currency))
        }
    };
    format!("<p class=\"kind\">{text}</p>\n")
}

fn bounds(min: Option<String>, max: Option<String>, lang: Lang) -> String {
    let w = words(lang);
    match (min, max) {
        (Some(min), Some(max)) => format!(", {} {min} {} {max}", w.from, w.to),
        (Some(min), None) => format!(", {} {min}", w.at_least),
        (None, Some(max)) => format!(", {} {max}", w.at_most),
        (None, None) => String::new(),
    }
}

/// A condition in plain words, each question a link to where it is asked.
fn condition(condition: &Condition, p: &Programme, lang: Lang) -> String {
    let w = words(lang);
    let list = |intro: &str, items: &[Condition]| {
        let items: String = items.iter().map(|c| format!("<li>{}</li>", self::condition(c, p, lang))).collect();
        format!("{intro}<ul>{items}</ul>")
    };
    match condition {
        Condition::All(items) => list(w.all_of, items),
        Condition::Any(items) => list(w.any_of, items),
        Condition::Not(inner) => match inner.as_ref() {
            Condition::Not(again) => self::condition(again, p, lang),
            Condition::All(items) => list(w.not_all_of, items),
            Condition::Any(items) => list(w.none_of, items),
            Condition::IsYes(q) => format!("{} {}", w.no_to, question_link(p, *q, lang)),
            Condition::OneOf(q, options) => {
                let names = option_names(p, *q, options, lang);
                let text = match names.as_slice() {
                    [one] => format!("{} {one}", w.anything_but),
                    several => format!("{} {}", w.neither, several.join(&format!(" {} ", w.nor))),
                };
                format!("{} {}{}{text}", w.answer_to, question_link(p, *q, lang), w.colon)
            }
            Condition::Compare(q, comparison, value) => compare(p, *q, negate(*comparison), *value, lang),
        },
        Condition::IsYes(q) => format!("{} {}", w.yes_to, question_link(p, *q, lang)),
        Condition::OneOf(q, options) => {
            let names = option_names(p, *q, options, lang);
            format!("{} {}{}{}", w.answer_to, question_link(p, *q, lang), w.colon, names.join(&format!(" {} ", w.or)))
        }
        Condition::Compare(q, comparison, value) => compare(p, *q, *comparison, *value, lang),
    }
}

fn negate(comparison: Comparison) -> Comparison {
    match comparison {
        Comparison::Eq => Comparison::Ne,
        Comparison::Ne => Comparison::Eq,
        Comparison::Lt => Comparison::Ge,
        Comparison::Le => Comparison::Gt,
        Comparison::Gt => Comparison::Le,
        Comparison::Ge => Comparison::Lt,
    }
}

fn compare(p: &Programme, q: usize, comparison: Comparison, value: rust_decimal::Decimal, lang: Lang) -> String {
    let w = words(lang);
    let value = match p.questions.get(q).map(|q| &q.kind) {
        Some(QuestionKind::Money { currency, .. }) => escape(&format_amount(value, currency, lang)),
        _ => escape(&canonical(value)),
    };
    let relation = match comparison {
        Comparison::Eq => w.exactly,
        Comparison::Ne => w.other_than,
        Comparison::Lt => w.less_than,
        Comparison::Le => w.at_most,
        Comparison::Gt => w.more_than,
        Comparison::Ge => w.at_least,
    };
    format!("{} {}{}{relation} {value}", w.answer_to, question_link(p, q, lang), w.colon)
}

fn question_link(p: &Programme, q: usize, lang: Lang) -> String {
    match p.questions.get(q) {
        Some(question) => format!("<a href=\"#q-{}\">{} {}</a>", escape(&question.id), words(lang).question, q + 1),
        None => "?".to_owned(),
    }
}

fn option_names(p: &Programme, q: usize, options: &[usize], lang: Lang) -> Vec<String> {
    let choices = match p.questions.get(q).map(|q| &q.kind) {
        Some(QuestionKind::Choice(choices)) => choices.as_slice(),
        _ => &[],
    };
    options
        .iter()
        .filter_map(|o| choices.get(*o))
        .map(|c| format!("« {} »", escape(c.label.get(lang))))
        .map(|s| match lang {
            Lang::Fr => s,
            Lang::En => s.replace("« ", "“").replace(" »", "”"),
        })
        .collect()
}

/// The benefit and how it is computed.
fn benefit(p: &Programme, lang: Lang) -> String {
    let w = words(lang);
    match &p.benefit {
        Benefit::Money(amount) => {
            let money = |value| escape(&format_amount(value, &amount.currency, lang));
            match &amount.rule {
                AmountRule::Fixed(value) => format!("<p>{} {}.</p>\n", w.fixed, money(*value)),
                AmountRule::Range { min, max } => format!(
                    "<p>{} {}, {}.</p>\n",
                    w.range,
                    escape(&format_range(*min, *max, &amount.currency, lang)),
                    w.operator_decides
                ),
                AmountRule::Tiered(tiers) => {
                    let rows: String = tiers
                        .iter()
                        .map(|t| {
                            format!(
                                "<li>{}<p class=\"value\">→ {}</p></li>\n",
                                condition(&t.condition, p, lang),
                                money(t.value)
                            )
                        })
                        .collect();
                    format!("<p>{}</p>\n<ul class=\"branches\">\n{rows}</ul>\n", w.tiers)
                }
                AmountRule::Sum(parts) => {
                    let rows: String = parts
                        .iter()
                        .map(|part| {
                            let mut what = Vec::new();
                            if !part.value.is_zero() || part.per_unit.is_none() {
                                what.push(money(part.value));
                            }
                            if let Some(per_unit) = &part.per_unit {
                                let cap = match per_unit.cap {
                                    Some(Cap::Units(n)) => format!(", {n} {}", w.units_at_most),
                                    Some(Cap::Money(m)) => format!(", {} {}", w.at_most, money(m)),
                                    None => String::new(),
                                };
                                what.push(format!(
                                    "{} {} {}{cap}",
                                    money(per_unit.value),
                                    w.per_unit_of,
                                    question_link(p, per_unit.units, lang)
                                ));
                            }
                            let when = match &part.condition {
                                Some(c) => format!("{}<p class=\"value\">→ ", condition(c, p, lang)),
                                None => format!("<p>{}</p><p class=\"value\">→ ", w.always),
                            };
                            format!("<li>{when}{}</p></li>\n", what.join(" + "))
                        })
                        .collect();
                    format!("<p>{}</p>\n<ul class=\"branches\">\n{rows}</ul>\n", w.sum)
                }
            }
        }
        Benefit::Place(place) => {
            let rows: String = place
                .starts
                .iter()
                .map(|s| {
                    let when = escape(s.when.get(lang));
                    match &s.condition {
                        Some(c) => format!(
                            "<li>{}<p class=\"value\">→ {} {when}</p></li>\n",
                            condition(c, p, lang),
                            w.starting
                        ),
                        None => format!("<li><p class=\"value\">{} {when}</p></li>\n", w.starting),
                    }
                })
                .collect();
            format!("<p>{}</p>\n<ul class=\"branches\">\n{rows}</ul>\n", escape(place.what.get(lang)))
        }
    }
}

fn window(window: &Window, lang: Lang) -> String {
    let w = words(lang);
    let mut parts = Vec::new();
    if let Some(opens) = window.opens {
        parts.push(format!("{} {}", w.opens, day(opens, lang)));
    }
    match (window.closes, window.confirmed_open_until) {
        (Some(closes), _) => {
            let time = window.closing_time.as_ref().map(|t| format!(" {}", escape(t.get(lang)))).unwrap_or_default();
            parts.push(format!("{} {}{time}", w.closes, day(closes, lang)));
        }
        (None, Some(until)) => parts.push(format!("{} {}", w.no_closing, day(until, lang))),
        (None, None) => {}
    }
    let mut text = parts.join(", ");
    text.push('.');
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The page's own words.
struct Words {
    other_language: &'static str,
    operator: &'static str,
    apply: &'static str,
    notice: &'static str,
    asked: &'static str,
    yes_no: &'static str,
    one_of: &'static str,
    whole_number: &'static str,
    amount_in: &'static str,
    from: &'static str,
    to: &'static str,
    criteria: &'static str,
    criteria_intro: &'static str,
    as_written: &'static str,
    met: &'static str,
    not_met: &'static str,
    all_of: &'static str,
    any_of: &'static str,
    not_all_of: &'static str,
    none_of: &'static str,
    question: &'static str,
    answer_to: &'static str,
    yes_to: &'static str,
    no_to: &'static str,
    colon: &'static str,
    or: &'static str,
    neither: &'static str,
    nor: &'static str,
    anything_but: &'static str,
    exactly: &'static str,
    other_than: &'static str,
    less_than: &'static str,
    at_most: &'static str,
    more_than: &'static str,
    at_least: &'static str,
    benefit: &'static str,
    fixed: &'static str,
    range: &'static str,
    operator_decides: &'static str,
    tiers: &'static str,
    sum: &'static str,
    always: &'static str,
    per_unit_of: &'static str,
    units_at_most: &'static str,
    starting: &'static str,
    window: &'static str,
    opens: &'static str,
    closes: &'static str,
    no_closing: &'static str,
    readings: &'static str,
    sources: &'static str,
    rules: &'static str,
    version: &'static str,
    checked_on: &'static str,
    hash: &'static str,
    generated: &'static str,
}

const FR: Words = Words {
    other_language: "English",
    operator: "Organisme :",
    apply: "Lire les conditions officielles et déposer une demande",
    notice: "Cette page décrit les règles que le simulateur applique, d'après les sources citées plus bas. Seul l'organisme décide.",
    asked: "Ce qui est demandé",
    yes_no: "Oui ou non.",
    one_of: "Une réponse parmi :",
    whole_number: "Un nombre entier",
    amount_in: "Un montant en",
    from: "de",
    to: "à",
    criteria: "Les critères",
    criteria_intro: "Il faut remplir tous ces critères.",
    as_written: "Dans le pack :",
    met: "Rempli",
    not_met: "Non rempli",
    all_of: "Toutes ces conditions :",
    any_of: "Au moins une de ces conditions :",
    not_all_of: "Pas toutes ces conditions à la fois :",
    none_of: "Aucune de ces conditions :",
    question: "question",
    answer_to: "Réponse à la",
    yes_to: "Réponse « oui » à la",
    no_to: "Réponse « non » à la",
    colon: "\u{a0}: ",
    or: "ou",
    neither: "ni",
    nor: "ni",
    anything_but: "autre que",
    exactly: "exactement",
    other_than: "autre que",
    less_than: "moins de",
    at_most: "au plus",
    more_than: "plus de",
    at_least: "au moins",
    benefit: "Ce que l'on obtient",
    fixed: "Un montant de",
    range: "Un montant",
    operator_decides: "selon la décision de l'organisme",
    tiers: "Le montant dépend des réponses ; un seul de ces cas s'applique :",
    sum: "La somme des parts qui s'appliquent :",
    always: "Dans tous les cas",
    per_unit_of: "par unité comptée à la",
    units_at_most: "unités au plus",
    starting: "début :",
    window: "Dépôt des demandes",
    opens: "à partir du",
    closes: "jusqu'au",
    no_closing: "aucune source ne donne de date de clôture ; les sources montrent les demandes ouvertes jusqu'au",
    readings: "Comment le pack lit les sources",
    sources: "Sources",
    rules: "Règles : pack",
    version: "version",
    checked_on: "comparées aux sources le",
    hash: "empreinte SHA-256",
    generated: "Page générée depuis le pack par « eligibility page ».",
};

const EN: Words = Words {
    other_language: "Français",
    operator: "Operator:",
    apply: "Read the official terms and apply",
    notice:
        "This page describes the rules the checker applies, from the sources cited below. Only the operator decides.",
    asked: "What is asked",
    yes_no: "Yes or no.",
    one_of: "One answer among:",
    whole_number: "A whole number",
    amount_in: "An amount in",
    from: "from",
    to: "to",
    criteria: "The criteria",
    criteria_intro: "Every one of these criteria must be met.",
    as_written: "In the pack:",
    met: "Met",
    not_met: "Not met",
    all_of: "All of these:",
    any_of: "At least one of these:",
    not_all_of: "Not all of these at once:",
    none_of: "None of these:",
    question: "question",
    answer_to: "Answer to",
    yes_to: "“Yes” to",
    no_to: "“No” to",
    colon: ": ",
    or: "or",
    neither: "neither",
    nor: "nor",
    anything_but: "anything but",
    exactly: "exactly",
    other_than: "other than",
    less_than: "less than",
    at_most: "at most",
    more_than: "more than",
    at_least: "at least",
    benefit: "What one gets",
    fixed: "An amount of",
    range: "An amount of",
    operator_decides: "as decided by the operator",
    tiers: "The amount depends on the answers; exactly one of these cases applies:",
    sum: "The sum of the parts that apply:",
    always: "In every case",
    per_unit_of: "for each unit counted by",
    units_at_most: "units at most",
    starting: "starts:",
    window: "Applications",
    opens: "from",
    closes: "until",
    no_closing: "no source gives a closing date; the sources show applications taken until",
    readings: "How the pack reads the sources",
    sources: "Sources",
    rules: "Rules: pack",
    version: "version",
    checked_on: "compared with the sources on",
    hash: "SHA-256 fingerprint",
    generated: "Page generated from the pack by `eligibility page`.",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

const CSS: &str = "
body { margin: 0; font: 17px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d1d1f; background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 0.8rem; border-bottom: 1px solid #d0d0d7; padding-bottom: 0.3rem; }
a { color: #0b57a4; }
a:focus-visible { outline: 3px solid #0b57a4; outline-offset: 2px; }
.other { text-align: right; margin: 0; }
.summary { font-size: 1.08rem; }
.notice, .help, .written, footer { color: #4a4a55; font-size: 0.94rem; }
ol.questions > li, ol.criteria > li { margin-bottom: 1.1rem; }
.label { font-weight: 600; margin: 0 0 0.2rem; }
.help, .kind, .written { margin: 0.2rem 0; }
.options { margin: 0.2rem 0; }
.condition ul, .branches ul { margin: 0.2rem 0; }
.branches > li { margin-bottom: 0.6rem; }
.value { font-weight: 600; margin: 0.2rem 0; }
dl { margin: 0.4rem 0; }
dt { font-weight: 600; }
dd { margin: 0 0 0.5rem 1.2rem; }
code { font-size: 0.9em; background: #f3f3f6; padding: 0.05rem 0.25rem; border-radius: 3px; }
.hash { word-break: break-all; }
footer { margin-top: 2.5rem; border-top: 1px solid #d0d0d7; padding-top: 0.8rem; }
";
