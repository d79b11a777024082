//! The tools for rule authors (`eligibility::tools`), on test data in tests/tools/:
//! each report is compared whole with the file that holds what it must say.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use eligibility::catalogue;
use eligibility::compile::compile;
use eligibility::pack::Programme;
use eligibility::tools::coverage::{coverage, Coverage};
use eligibility::tools::space::Plan;
use rust_decimal::Decimal;

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn pack(path: &str) -> Programme {
    compile(&read(path), path).unwrap_or_else(|errors| panic!("{errors}"))
}

fn covered(programme: &Programme, files: &[&str]) -> Coverage {
    let files: Vec<(String, String)> = files.iter().map(|f| (f.to_string(), read(f))).collect();
    coverage(programme, &files, |id| catalogue::programme(id).ok()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn coverage_says_what_is_reached_missing_and_out_of_reach() {
    let programme = pack("tests/tools/coverage-pack.toml");
    // The Netflix file is about another programme: it is skipped.
    let report =
        covered(&programme, &["tests/tools/coverage-scenarios.toml", "tests/scenarios/netflix-audiens-2020.toml"]);
    assert_eq!(report.text(), read("tests/tools/coverage.expected"));
    assert_eq!((report.reached(), report.targets(), report.scenarios), (10, 17, 2));
    assert_eq!(report.plan, Plan::Every(105));
    let json = serde_json::to_value(report.report()).unwrap_or_default();
    assert_eq!(json["percent"], "58.8");
    let always: Vec<(&str, bool)> = json["cases"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["subject"] == "always")
        .map(|c| (c["case"].as_str().unwrap_or_default(), c["reachable"].as_bool().unwrap_or(true)))
        .collect();
    assert_eq!(always, [("met", true), ("not_met", false), ("unknown", false)]);
}

#[test]
fn the_minimum_is_compared_exactly() {
    let report = covered(&pack("tests/tools/coverage-pack.toml"), &["tests/tools/coverage-scenarios.toml"]);
    // 10 of 17 is 58.82…%: shown cut to 58.8, compared unrounded.
    let cases = [("0", true), ("58.8", true), ("58.82", true), ("58.83", false), ("58.9", false), ("100", false)];
    for (min, meets) in cases {
        let min: Decimal = min.parse().unwrap_or_default();
        assert_eq!(report.meets(min), meets, "--min {min}");
    }
}

#[test]
fn a_pack_with_too_many_answer_sets_is_searched_pairwise_and_never_flatters() {
    let questions: String = (0..11)
        .map(|i| {
            format!("[[questions]]\nid = \"q{i}\"\ntype = \"yes_no\"\nlabel.fr = \"Q{i} ?\"\nlabel.en = \"Q{i}?\"\n\n")
        })
        .collect();
    let any: Vec<String> = (0..11).map(|i| format!("q{i}")).collect();
    let source = format!(
        "id = \"test-wide\"\nversion = \"0.1.0\"\nchecked = \"2026-11-22\"\noperator = \"T\"\n\
         apply_url = \"https://example.org/\"\nname.fr = \"T\"\nname.en = \"T\"\nsummary.fr = \"T\"\nsummary.en = \"T\"\n\
         country = {{ code = \"fr\", name = {{ fr = \"France\", en = \"France\" }}, in = {{ fr = \"en France\", en = \"in France\" }} }}\n\
         window = {{ opens = \"2020-01-01\", closes = \"2020-02-01\" }}\n\n{questions}\
         [[criteria]]\nid = \"any\"\ncondition = \"{}\"\n\
         met = {{ fr = \"o\", en = \"y\" }}\nnot_met = {{ fr = \"n\", en = \"n\" }}\nunknown = {{ fr = \"?\", en = \"?\" }}\n\n\
         [amount]\ncurrency = \"EUR\"\nkind = \"fixed\"\nvalue = 1\n\n[[sources]]\ntitle = \"T\"\npublisher = \"T\"\ndate = \"2020\"\n",
        any.join(" or ")
    );
    let programme = compile(&source, "wide.toml").unwrap_or_else(|errors| panic!("{errors}"));
    let report = coverage(&programme, &[], |_| None).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(report.plan, Plan::Pairwise { every: Some(177_147), .. }), "{:?}", report.plan);
    assert!(report.cases.iter().all(|c| c.reachable != Some(false)), "nothing is out of reach unless all was tried");
    assert!(report.cases.iter().any(|c| c.reachable.is_none()), "pairwise does not meet every answer of eleven");
    assert_eq!(report.targets(), report.cases.len());
    assert!(report.text().contains("no scenario file given is about this programme"));
}
