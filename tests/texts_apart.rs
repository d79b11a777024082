//! The catalogue of the element's engine, built without the programmes' texts and
//! sources (`--no-default-features`, as scripts/build.sh builds it): the programmes
//! read with the languages and sources given so far, and read as the built-in
//! catalogue once all are.
//! scripts/test.sh runs it natively: `cargo test --no-default-features --test texts_apart`.
#![cfg(all(not(target_arch = "wasm32"), not(feature = "standalone")))]

use std::fs;

use eligibility::catalogue::{self, Apart};
use eligibility::compile::compile;
use eligibility::i18n::{ui, Lang, Text};
use eligibility::pack::{Programme, Source};

/// Each shipped pack as `compile` makes it: the programmes with both languages' texts.
fn compiled() -> Vec<Programme> {
    let mut files: Vec<_> =
        fs::read_dir("packs").map(|dir| dir.flatten().map(|entry| entry.path()).collect()).unwrap_or_default();
    files.retain(|path| path.extension().is_some_and(|e| e == "toml"));
    files.sort();
    let programmes: Vec<_> = files
        .iter()
        .map(|path| {
            let source = fs::read_to_string(path).unwrap_or_default();
            compile(&source, &path.display().to_string()).unwrap_or_else(|errors| panic!("{errors}"))
        })
        .collect();
    assert!(!programmes.is_empty(), "packs/ has the shipped packs");
    programmes
}

/// The file of `part` in `lang` that build.rs wrote and scripts/build.sh ships.
fn texts(part: Apart, lang: Lang) -> String {
    let part = match part {
        Apart::Texts => "",
        Apart::Sources => "sources.",
    };
    fs::read_to_string(format!("{}/catalogue.{part}{}.txt", env!("OUT_DIR"), lang.code())).unwrap_or_default()
}

/// `programmes` as the catalogue reads them given the sources in `langs` only: each
/// reading's text in the other language empty, and, given none, each source that no
/// document cites, and each reading's `about`, empty (a link still there, empty).
fn with_sources(programmes: &[Programme], langs: &[Lang]) -> Vec<Programme> {
    let mut read = programmes.to_vec();
    let keep = |lang| langs.contains(&lang);
    for programme in &mut read {
        for reading in &mut programme.readings {
            if langs.is_empty() {
                reading.about.clear();
            }
            let Text { fr, en } = &mut reading.text;
            for (lang, text) in [(Lang::Fr, fr), (Lang::En, en)] {
                if !keep(lang) {
                    text.clear();
                }
            }
        }
        for source in programme.sources.iter_mut().filter(|s| s.id.is_none() && langs.is_empty()) {
            let url = source.url.as_ref().map(|_| String::new());
            *source = Source { id: None, title: String::new(), publisher: String::new(), date: String::new(), url };
        }
    }
    read
}

/// `programmes`' written form with every text of the languages in `blank` emptied, as
/// the catalogue reads a language it has not been given.
fn with_blank(programmes: &[Programme], blank: &[&str]) -> String {
    let mut written = format!("{programmes:?}");
    for field in blank {
        let opening = format!("{field}: \"");
        let mut out = String::with_capacity(written.len());
        let mut rest = written.as_str();
        while let Some(at) = rest.find(&opening) {
            let (before, from) = rest.split_at(at + opening.len());
            out.push_str(before);
            // Skips the text to its closing quote; Debug escapes any quote inside it.
            let mut escaped = false;
            let end = from
                .char_indices()
                .find(|&(_, c)| {
                    let closes = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    closes
                })
                .map_or(from.len(), |(i, _)| i);
            rest = &from[end..];
        }
        out.push_str(rest);
        written = out;
    }
    written
}

/// Whether every programme read waits for its sources in `lang`.
fn all_await(lang: Lang) -> bool {
    catalogue::programmes().iter().all(|p| catalogue::awaits_sources(p, lang))
}

/// One test, in order: the catalogue's texts are the thread's, given once for it.
#[test]
fn the_programmes_read_with_the_languages_and_sources_given_so_far() {
    let compiled = compiled();
    let none = with_sources(&compiled, &[]);
    let has = |part, lang| catalogue::has(part, lang);
    assert!(!has(Apart::Texts, Lang::Fr) && !has(Apart::Texts, Lang::En));
    let without = catalogue::programmes();
    assert_eq!(format!("{without:?}"), with_blank(&none, &["fr", "en"]));
    assert_ne!(format!("{without:?}"), format!("{compiled:?}"), "the shipped packs have texts to blank");
    assert_ne!(none, compiled, "the shipped packs have readings and sources no document cites");
    assert!(compiled.iter().any(|p| p.sources.iter().any(|s| s.id.is_some())), "and sources that documents cite");

    // The product's words come with each language's texts (checked against those built
    // in by the catalogue's own test, where they are).
    assert!(ui(Lang::Fr).words().iter().chain(&ui(Lang::En).words()).all(|word| word.is_empty()));
    catalogue::give(Apart::Texts, Lang::En, texts(Apart::Texts, Lang::En));
    assert!(has(Apart::Texts, Lang::En) && !has(Apart::Texts, Lang::Fr));
    assert!(ui(Lang::En).words().iter().all(|word| !word.is_empty()) && ui(Lang::Fr).likely_eligible().is_empty());
    assert_eq!(ui(Lang::En).likely_eligible(), "You are likely eligible");
    assert_eq!(format!("{:?}", catalogue::programmes()), with_blank(&none, &["fr"]));

    catalogue::give(Apart::Texts, Lang::Fr, texts(Apart::Texts, Lang::Fr));
    assert!(has(Apart::Texts, Lang::Fr));
    assert_eq!(ui(Lang::Fr).likely_eligible(), "Vous êtes probablement éligible");
    assert_eq!(ui(Lang::Fr).according_to(), "selon", "the last word");
    assert_eq!(catalogue::programmes(), none.as_slice());
    assert!(all_await(Lang::Fr) && all_await(Lang::En));

    catalogue::give(Apart::Sources, Lang::En, texts(Apart::Sources, Lang::En));
    assert!(has(Apart::Sources, Lang::En) && !has(Apart::Sources, Lang::Fr));
    assert_eq!(catalogue::programmes(), with_sources(&compiled, &[Lang::En]).as_slice());
    assert!(all_await(Lang::Fr) && !catalogue::programmes().iter().any(|p| catalogue::awaits_sources(p, Lang::En)));

    catalogue::give(Apart::Sources, Lang::Fr, texts(Apart::Sources, Lang::Fr));
    assert_eq!(catalogue::programmes(), compiled.as_slice());
    // Decimals compare equal whatever their scale (1.50 == 1.5): their written form too.
    assert_eq!(format!("{:?}", catalogue::programmes()), format!("{compiled:?}"));
    assert!(!catalogue::programmes().iter().any(|p| catalogue::awaits_sources(p, Lang::Fr)));

    // Given again, the texts are kept as they were; an earlier read stays as it was.
    catalogue::give(Apart::Texts, Lang::Fr, "anything else".to_owned());
    catalogue::give(Apart::Sources, Lang::Fr, "anything else".to_owned());
    assert_eq!(catalogue::programmes(), compiled.as_slice());
    assert_eq!(format!("{without:?}"), with_blank(&none, &["fr", "en"]));
    let first = compiled.first().map(|p| p.id.as_str()).unwrap_or_default();
    assert_eq!(catalogue::programme(first).map(|p| p.name.fr.is_empty()), Ok(false));
}

/// A page in French, as most are: its texts, then its sources once the visitor acts,
/// and never the English (a thread of its own: the catalogue starts empty).
#[test]
fn the_programmes_read_with_the_french_texts_then_sources() {
    let compiled = compiled();
    catalogue::give(Apart::Texts, Lang::Fr, texts(Apart::Texts, Lang::Fr));
    assert_eq!(format!("{:?}", catalogue::programmes()), with_blank(&with_sources(&compiled, &[]), &["en"]));
    assert!(all_await(Lang::Fr));
    assert_eq!(catalogue::print_style(Lang::Fr), "", "the printed summary's style comes with the sources");
    catalogue::give(Apart::Sources, Lang::Fr, texts(Apart::Sources, Lang::Fr));
    assert_eq!(format!("{:?}", catalogue::programmes()), with_blank(&with_sources(&compiled, &[Lang::Fr]), &["en"]));
    let style = catalogue::print_style(Lang::Fr);
    assert!(style.starts_with("@page{") && style.ends_with('}') && !style.contains('\0'), "{style}");
    assert!(!catalogue::programmes().iter().any(|p| catalogue::awaits_sources(p, Lang::Fr)));
    assert!(catalogue::programmes().iter().any(|p| catalogue::awaits_sources(p, Lang::En)), "the English readings");
    assert!(ui(Lang::En).likely_eligible().is_empty(), "nor the English words");
}
