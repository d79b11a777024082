//! The catalogue of the element's engine, built without the programmes' texts
//! (`--no-default-features`, as scripts/build.sh builds it): the programmes read with
//! the languages given so far, and read as the built-in catalogue once both are.
//! scripts/test.sh runs it natively: `cargo test --no-default-features --test texts_apart`.
#![cfg(all(not(target_arch = "wasm32"), not(feature = "standalone")))]

use std::fs;

use eligibility::catalogue;
use eligibility::compile::compile;
use eligibility::i18n::Lang;
use eligibility::pack::Programme;

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

/// The file of `lang`'s texts that build.rs wrote and scripts/build.sh ships.
fn texts(lang: Lang) -> String {
    let name = match lang {
        Lang::Fr => "catalogue.fr.txt",
        Lang::En => "catalogue.en.txt",
    };
    fs::read_to_string(format!("{}/{name}", env!("OUT_DIR"))).unwrap_or_default()
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

/// One test, in order: the catalogue's texts are the thread's, given once for it.
#[test]
fn the_programmes_read_with_the_languages_given_so_far() {
    let compiled = compiled();
    assert!(!catalogue::has(Lang::Fr) && !catalogue::has(Lang::En));
    let without = catalogue::programmes();
    assert_eq!(format!("{without:?}"), with_blank(&compiled, &["fr", "en"]));
    assert_ne!(format!("{without:?}"), format!("{compiled:?}"), "the shipped packs have texts to blank");

    catalogue::give(Lang::En, texts(Lang::En));
    assert!(catalogue::has(Lang::En) && !catalogue::has(Lang::Fr));
    assert_eq!(format!("{:?}", catalogue::programmes()), with_blank(&compiled, &["fr"]));

    catalogue::give(Lang::Fr, texts(Lang::Fr));
    assert!(catalogue::has(Lang::Fr));
    assert_eq!(catalogue::programmes(), compiled.as_slice());
    // Decimals compare equal whatever their scale (1.50 == 1.5): their written form too.
    assert_eq!(format!("{:?}", catalogue::programmes()), format!("{compiled:?}"));

    // Given again, the texts are kept as they were; an earlier read stays as it was.
    catalogue::give(Lang::Fr, "anything else".to_owned());
    assert_eq!(catalogue::programmes(), compiled.as_slice());
    assert_eq!(format!("{without:?}"), with_blank(&compiled, &["fr", "en"]));
    let first = compiled.first().map(|p| p.id.as_str()).unwrap_or_default();
    assert_eq!(catalogue::programme(first).map(|p| p.name.fr.is_empty()), Ok(false));
}
