//! Pack validation: shipped packs are valid, cite their sources and agree with each
//! other; each invalid pack in tests/invalid-packs reports exactly the problems, with
//! their places, listed in its `.expected` file.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use eligibility::catalogue;
use eligibility::compile::{check_shared, compile, compile_located};
use eligibility::pack::{Benefit, QuestionKind};

/// The catalogue is what `compile` makes of each file in packs/, built by build.rs.
#[test]
fn the_catalogue_is_every_shipped_pack_as_compiled() {
    let files = shipped();
    let compiled: Vec<_> = files
        .iter()
        .map(|path| {
            let source = fs::read_to_string(path).unwrap_or_default();
            compile(&source, &path.display().to_string()).unwrap_or_else(|errors| panic!("{errors}"))
        })
        .collect();
    assert!(!compiled.is_empty());
    assert_eq!(catalogue::programmes(), compiled.as_slice());
    // Decimals compare equal whatever their scale (1.50 == 1.5): their written form too.
    assert_eq!(format!("{:?}", catalogue::programmes()), format!("{compiled:?}"));
}

/// Only a NUL in a parsed string is refused: nul.toml without the escape in its summary
/// compiles, its other escapes (in a comment, in a literal string) writing none.
#[test]
fn an_escape_that_writes_no_nul_is_not_refused() {
    let source = fs::read_to_string("tests/invalid-packs/nul.toml").unwrap_or_default();
    let without = source.replace(r#""Sum\u0000mary""#, r#""Summary""#);
    assert_ne!(without, source, "the summary's escape is where the test expects it");
    assert!(without.contains(r"\u0000"), "the other escapes are kept");
    if let Err(errors) = compile(&without, "nul.toml") {
        panic!("{errors}");
    }
}

/// Where the TOML reader's message speaks in its own terms, the author is told what
/// to write instead: a date in quotes, a text in each language.
#[test]
fn the_readers_refusals_say_what_to_write() {
    let source = fs::read_to_string("tests/packs/per-unit-example.toml").unwrap_or_default();
    let refusal = |edited: String| {
        assert_ne!(edited, source, "the edit found its place");
        compile(&edited, "edited.toml").map(|_| ()).map_err(|errors| errors.to_string())
    };
    let bare_date = refusal(source.replace(r#"checked = "2026-11-21""#, "checked = 2026-11-21"));
    assert_eq!(bare_date, Err(r#"edited.toml:4:11: a date is written in quotes, as text: "2026-11-21""#.into()));
    let one_text = source.replace("summary.fr =", "summary =");
    let one_text: String =
        one_text.lines().filter(|l| !l.starts_with("summary.en")).map(|l| format!("{l}\n")).collect();
    let Err(message) = refusal(one_text) else { panic!("a summary in one language compiled") };
    assert!(
        message.contains("expected a text in each language: the field's `fr` and `en`, as `label.fr = \"…\"`"),
        "{message}"
    );
}

/// A version is what a link to one's answers carries and reads back: written
/// MAJOR.MINOR.PATCH, or the pack is refused, where a link would be.
#[test]
fn a_version_is_written_major_minor_patch() {
    let source = fs::read_to_string("tests/packs/per-unit-example.toml").unwrap_or_default();
    let with = |version: &str| {
        let edited = source.replace(r#"version = "0.1.0""#, &format!("version = {version:?}"));
        assert_ne!(edited, source, "the version is where the test expects it");
        compile(&edited, "v.toml").map(|p| p.version).map_err(|errors| errors.to_string())
    };
    for fine in ["1.0.0", "10.20.30", "1.0.0-rc.1", "1.0.0+2026-11-23"] {
        assert_eq!(with(fine), Ok(fine.to_owned()));
    }
    for wrong in
        ["1.0", "1.0.0 beta", "v1.0.0", "1..0", "1.0.0-", "1.0.0-été", "1.0.0-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]
    {
        let expected =
            format!("test-per-unit:3:11: `{wrong}` is not a version written MAJOR.MINOR.PATCH, such as `1.0.0`");
        assert_eq!(with(wrong), Err(expected));
    }
}

/// Criteria that can never all be met are named: one alone, or the fewest that conflict.
#[test]
fn criteria_that_can_never_be_met_are_named_at_their_condition() {
    let source = fs::read_to_string("tests/invalid-packs/never-met.toml").unwrap_or_default();
    let refusal = |edited: &str| compile(edited, "n.toml").map(|_| ()).map_err(|errors| errors.to_string());
    let alone = source.replace(r#"condition = "days >= 200""#, r#"condition = "days >= 400""#);
    let expected = "never-met:33:13: criterion `enough` can never be met, whatever the answers";
    assert_eq!(refusal(&alone), Err(expected.to_owned()));
    let apart = source.replace(r#"condition = "days < 100""#, r#"condition = "days < 300""#);
    assert_eq!(refusal(&apart), Ok(()), "200 to 299 days meet both");
    // `few` conflicts with `either` and `otherwise` together, and with `enough` alone: one is named.
    let criterion = |id: &str, condition: &str| {
        format!("[[criteria]]\nid = \"{id}\"\ncondition = \"{condition}\"\nmet.fr = \"O\"\nmet.en = \"Y\"\nnot_met.fr = \"N\"\nnot_met.en = \"N\"\nunknown.fr = \"?\"\nunknown.en = \"?\"\n\n")
    };
    let member = "[[questions]]\nid = \"member\"\ntype = \"yes_no\"\nlabel.fr = \"M ?\"\nlabel.en = \"M?\"\n\n";
    let between =
        [criterion("either", "days >= 150 or member"), criterion("otherwise", "days >= 150 or not member")].concat();
    let four = source
        .replacen("[[criteria]]\nid = \"enough\"", &format!("{member}[[criteria]]\nid = \"enough\""), 1)
        .replacen("[[criteria]]\nid = \"few\"", &format!("{between}[[criteria]]\nid = \"few\""), 1);
    let Err(message) = refusal(&four) else { panic!("the four criteria compiled") };
    assert!(
        message.ends_with("criterion `few` can never be met together with `enough`, whatever the answers"),
        "{message}"
    );
    let without_enough = four.replacen(r#"condition = "days >= 200""#, r#"condition = "days >= 0""#, 1);
    let Err(message) = refusal(&without_enough) else { panic!("the three criteria compiled") };
    assert!(
        message.ends_with("criterion `few` can never be met together with `either`, `otherwise`, whatever the answers"),
        "{message}"
    );
}

#[test]
fn each_invalid_pack_reports_every_problem_with_its_place() {
    let dir = Path::new("tests/invalid-packs");
    let mut checked = 0;
    let mut entries: Vec<_> =
        fs::read_dir(dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
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
    assert!(checked >= 6, "the invalid packs were not found");
}

fn shipped() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> =
        fs::read_dir("packs").map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    files
}

#[test]
fn packs_that_disagree_on_a_shared_question_fail_with_both_places() {
    let located: Vec<_> = ["first", "second"]
        .iter()
        .map(|name| {
            let path = format!("tests/invalid-packs/shared/{name}.toml");
            let source = fs::read_to_string(&path).unwrap_or_default();
            compile_located(&source, &format!("{name}.toml")).unwrap_or_else(|errors| panic!("{errors}"))
        })
        .collect();
    let errors = check_shared(&located).map_or_else(|e| e.to_string(), |()| "no problem found".into());
    assert_eq!(
        errors,
        "second.toml: country `fr` is named differently in first.toml: a code names one country\n\
         second.toml:24:6: question `job` has other options than at first.toml:25:6: a question id means one thing in every pack\n\
         second.toml:42:6: question `days` has other bounds than at first.toml:39:6: a question id means one thing in every pack"
    );
    let Some(first) = located.first() else { panic!("no pack") };
    let mut relabelled = first.clone();
    relabelled.file = "third.toml".into();
    relabelled.programme.id = "shared-third".into();
    if let Some(job) = relabelled.programme.questions.first_mut() {
        job.label.en = "Your job?".into();
    }
    let errors =
        check_shared(&[first.clone(), relabelled]).map_or_else(|e| e.to_string(), |()| "no problem found".into());
    assert_eq!(errors, "third.toml:25:6: question `job` has another label than at first.toml:25:6 (\"Job?\" there, \"Your job?\" here): a question id means one thing in every pack");
    let errors =
        check_shared(&[first.clone(), first.clone()]).map_or_else(|e| e.to_string(), |()| "no problem found".into());
    assert_eq!(errors, "first.toml: programme id `shared-first` is also the id of first.toml");
}

#[test]
fn the_shipped_packs_agree_on_their_shared_questions() {
    let located: Vec<_> = shipped()
        .iter()
        .map(|path| compile_located(&fs::read_to_string(path).unwrap_or_default(), &path.display().to_string()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(check_shared(&located).map_err(|e| e.to_string()), Ok(()));
    let ids: Vec<&str> = located.iter().map(|l| l.programme.id.as_str()).collect();
    // In the order of the file names; a new pack needs no change here.
    let shipped = [
        "audiens-fonds-solidarite-2020",
        "collectif-5050-mentorat-2021",
        "netflix-audiens-2020",
        "uk-film-tv-emergency-relief-2020",
    ];
    assert_eq!(ids.iter().filter(|id| shipped.contains(id)).copied().collect::<Vec<_>>(), shipped);
    // The French funds share `profession` (a new pack may share it too).
    let asks = |programme: &str| {
        located.iter().any(|l| l.programme.id == programme && l.programme.question("profession").is_some())
    };
    assert!(
        asks("netflix-audiens-2020") && asks("audiens-fonds-solidarite-2020"),
        "the French funds share `profession`"
    );
}

/// What a newsroom relies on: every shipped pack cites sources with their links,
/// records its readings, says everything in both languages and knows its window.
#[test]
fn every_shipped_pack_cites_its_sources_and_speaks_both_languages() {
    for programme in catalogue::programmes() {
        let id = &programme.id;
        assert!(programme.sources.len() >= 3, "{id}: too few sources");
        for source in &programme.sources {
            assert!(source.url.as_deref().is_some_and(|u| u.starts_with("http")), "{id}: {} has no link", source.title);
            assert!(!source.title.contains("not recorded"), "{id}: {}", source.title);
        }
        assert!(!programme.readings.is_empty(), "{id}: no reading of the sources");
        let mut texts = vec![&programme.name, &programme.summary, &programme.country.name, &programme.country.inside];
        texts.extend(programme.readings.iter().map(|r| &r.text));
        for question in &programme.questions {
            texts.push(&question.label);
            texts.extend(&question.help);
            if let QuestionKind::Choice(options) = &question.kind {
                texts.extend(options.iter().map(|o| &o.label));
            }
        }
        for criterion in &programme.criteria {
            texts.extend([&criterion.met, &criterion.not_met, &criterion.unknown]);
        }
        if let Benefit::Place(place) = &programme.benefit {
            texts.push(&place.what);
            texts.extend(place.starts.iter().map(|s| &s.when));
        }
        for text in texts {
            assert!(!text.fr.trim().is_empty() && !text.en.trim().is_empty(), "{id}: {text:?}");
        }
        let window = &programme.window;
        assert!(
            window.opens.is_some() && (window.closes.is_some() || window.confirmed_open_until.is_some()),
            "{id}: {window:?}"
        );
    }
}

#[test]
fn the_netflix_pack_records_its_sources_reading_and_window() {
    let Ok(programme) = catalogue::programme("netflix-audiens-2020") else { panic!("the pack is missing") };
    assert_eq!(programme.operator, "Audiens");
    assert_eq!(programme.apply_url, "https://www.audiens.org/actu/fonds-netflix-audiens.html");
    assert_eq!(programme.window.opens.map(|d| d.to_string()).as_deref(), Some("2020-04-15"));
    assert_eq!(programme.window.closes, None, "no source gives one");
    assert_eq!(programme.window.confirmed_open_until.map(|d| d.to_string()).as_deref(), Some("2020-04-15"));
    assert!(programme.sources.len() >= 6);
    assert!(programme.readings.iter().any(|r| r.about.contains("AND") && r.text.en.contains("\"or\"")));
    let ids: Vec<&str> = programme.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "profession",
            "rights_not_renewed_since_2020",
            "no_rights_opened_2019",
            "days_worked",
            "works_on_netflix_production",
            "annual_resources"
        ]
    );
    assert_eq!(programme.hash.len(), 64);
}

#[test]
fn the_hash_changes_with_the_content() {
    let source = fs::read_to_string("packs/netflix-audiens-2020.toml").unwrap_or_default();
    let Ok(original) = compile(&source, "a") else { panic!("the pack does not compile") };
    let Ok(edited) = compile(&source.replace("version = \"1.2.1\"", "version = \"1.1.1\""), "b") else {
        panic!("the edited pack does not compile")
    };
    assert_eq!(original.hash, catalogue::programme("netflix-audiens-2020").map(|p| p.hash.clone()).unwrap_or_default());
    assert_ne!(original.hash, edited.hash);
}
