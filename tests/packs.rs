//! Pack validation: shipped packs are valid; each invalid pack in tests/invalid-packs
//! reports exactly the problems, with their places, listed in its `.expected` file.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use eligibility::catalogue;
use eligibility::pack::compile;

/// The catalogue is what `compile` makes of each file in packs/, built by build.rs.
#[test]
fn the_catalogue_is_every_shipped_pack_as_compiled() {
    let mut files: Vec<_> = fs::read_dir("packs").map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    let compiled: Vec<_> = files
        .iter()
        .map(|path| {
            let source = fs::read_to_string(path).unwrap_or_default();
            compile(&source, &path.display().to_string()).unwrap_or_else(|errors| panic!("{errors}"))
        })
        .collect();
    assert!(!compiled.is_empty());
    assert_eq!(catalogue::programmes(), compiled.as_slice());
}

#[test]
fn each_invalid_pack_reports_every_problem_with_its_place() {
    let dir = Path::new("tests/invalid-packs");
    let mut checked = 0;
    let mut entries: Vec<_> = fs::read_dir(dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    entries.sort();
    for pack in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "toml")) {
        let name = pack.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let source = fs::read_to_string(pack).unwrap_or_default();
        let expected = fs::read_to_string(pack.with_extension("expected")).unwrap_or_default();
        let got = match compile(&source, name) {
            Ok(_) => "the pack compiled".to_owned(),
            Err(errors) => errors.to_string(),
        };
        assert_eq!(got.trim_end(), expected.trim_end(), "{name}");
        checked += 1;
    }
    assert!(checked >= 4, "the invalid packs were not found");
}

#[test]
fn the_netflix_pack_records_its_sources_reading_and_window() {
    let Ok(programme) = catalogue::programme("netflix-audiens-2020") else { panic!("the pack is missing") };
    assert_eq!(programme.operator, "Audiens");
    assert_eq!(programme.apply_url, "https://www.audiens.org/actu/fonds-netflix-audiens.html");
    assert_eq!(programme.window.opens.map(|d| d.to_string()).as_deref(), Some("2020-04-15"));
    assert_eq!(programme.window.closes, None);
    assert!(programme.sources.len() >= 4);
    assert!(programme.readings.iter().any(|r| r.about.contains("AND") && r.text.en.contains("\"or\"")));
    let ids: Vec<&str> = programme.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        ["profession", "rights_not_renewed_since_2020", "no_rights_opened_2019", "days_worked", "works_on_netflix_production", "annual_resources"]
    );
    assert_eq!(programme.hash.len(), 64);
}

#[test]
fn the_hash_changes_with_the_content() {
    let source = fs::read_to_string("packs/netflix-audiens-2020.toml").unwrap_or_default();
    let Ok(original) = compile(&source, "a") else { panic!("the pack does not compile") };
    let Ok(edited) = compile(&source.replace("version = \"1.0.0\"", "version = \"1.0.1\""), "b") else {
        panic!("the edited pack does not compile")
    };
    assert_eq!(original.hash, catalogue::programme("netflix-audiens-2020").map(|p| p.hash.clone()).unwrap_or_default());
    assert_ne!(original.hash, edited.hash);
}
