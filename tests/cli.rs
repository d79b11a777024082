//! The `eligibility` binary as rule authors and scripts use it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn eligibility(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_eligibility"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start eligibility: {e}"));
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("eligibility did not finish: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(output)))
}

#[test]
fn eval_prints_the_verdict_as_json() {
    let answers = r#"{"profession": "artist", "rights_not_renewed_since_2020": true, "days_worked": "12",
        "works_on_netflix_production": false, "annual_resources": 15000}"#;
    let output = eligibility(&["eval", "netflix-audiens-2020", "--lang", "en", "--today", "2020-04-15"], answers);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["programme"], "netflix-audiens-2020");
    assert_eq!(report["status"], "eligible");
    assert_eq!(report["amount"], serde_json::json!({"currency": "EUR", "min": "900", "max": "900"}));
    assert_eq!(
        report["benefit"],
        serde_json::json!({"kind": "money", "currency": "EUR", "min": "900", "max": "900", "operator_decides": false})
    );
    assert_eq!(report["next_question"], serde_json::Value::Null);
    assert_eq!(report["window"], serde_json::json!({"opens": "2020-04-15", "closes": null, "state": "open"}));
    assert_eq!(report["criteria"][2]["id"], "minimum_work");
    assert_eq!(report["criteria"][2]["status"], "met");
    assert_eq!(
        report["criteria"][2]["explanation"],
        "You worked at least 12 days or cachets between September 2019 and February 2020."
    );
    assert_eq!(report["pack"]["version"], "1.2.1");
    assert_eq!(report["pack"]["hash"].as_str().map(str::len), Some(64));
}

#[test]
fn eval_reads_the_window_on_the_day_given_or_today() {
    let state = |args: &[&str]| json(&eligibility(args, "{}"))["window"]["state"].clone();
    assert_eq!(state(&["eval", "netflix-audiens-2020", "--today", "2020-04-14"]), "upcoming");
    assert_eq!(state(&["eval", "netflix-audiens-2020", "--today", "2020-04-16"]), "unconfirmed");
    assert_eq!(state(&["eval", "uk-film-tv-emergency-relief-2020", "--today", "2020-04-22"]), "open");
    assert_eq!(state(&["eval", "uk-film-tv-emergency-relief-2020", "--today", "2020-04-23"]), "closed");
    // Without --today, the system's day: long after 2020, so never open.
    assert_eq!(state(&["eval", "uk-film-tv-emergency-relief-2020"]), "closed");
    let output = eligibility(&["eval", "netflix-audiens-2020", "--today", "2020-02-30"], "{}");
    assert!(stderr(&output).contains("--today: `2020-02-30` is not a date written YYYY-MM-DD"), "{}", stderr(&output));
}

#[test]
fn eval_of_several_programmes_prints_one_result_each_for_one_set_of_answers() {
    let answers = r#"{"profession": "artist", "building_rights_2019_2020": true, "mentoring_profile": "student"}"#;
    let ids = ["netflix-audiens-2020", "audiens-fonds-solidarite-2020", "collectif-5050-mentorat-2021"];
    let output = eligibility(&[&["eval"], &ids[..], &["--today", "2020-10-01", "--lang", "en"]].concat(), answers);
    assert!(output.status.success(), "{}", stderr(&output));
    let reports = json(&output);
    let got: Vec<(&str, &str)> = reports
        .as_array()
        .map(|a| {
            a.iter().map(|r| (r["programme"].as_str().unwrap_or(""), r["status"].as_str().unwrap_or(""))).collect()
        })
        .unwrap_or_default();
    assert_eq!(
        got,
        [
            ("netflix-audiens-2020", "undetermined"),
            ("audiens-fonds-solidarite-2020", "eligible"),
            ("collectif-5050-mentorat-2021", "undetermined")
        ]
    );
    assert_eq!(reports[1]["amount"], serde_json::json!({"currency": "EUR", "min": "1000", "max": null}));
    assert_eq!(reports[1]["window"]["state"], "open");
    assert_eq!(reports[2]["amount"], serde_json::Value::Null);
    assert_eq!(reports[2]["benefit"]["kind"], "place");
    assert_eq!(reports[2]["benefit"]["starts"], serde_json::json!(["May 2021"]));
    // An answer that only some programmes read is fine; one that none reads is not.
    let output =
        eligibility(&["eval", "netflix-audiens-2020", "collectif-5050-mentorat-2021"], r#"{"screen_role": "other"}"#);
    assert!(
        stderr(&output).contains(
            "unknown question `screen_role` in programmes `netflix-audiens-2020`, `collectif-5050-mentorat-2021`"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_country_routes_a_form_of_two_countries() {
    let ids = ["netflix-audiens-2020", "uk-film-tv-emergency-relief-2020"];
    let output = eligibility(&[&["eval"], &ids[..], &["--lang", "en"]].concat(), r#"{"country": "gb"}"#);
    let reports = json(&output);
    assert_eq!(reports[0]["status"], "not_eligible");
    assert_eq!(
        reports[0]["criteria"][0],
        serde_json::json!({"id": "country", "status": "not_met", "explanation": "This programme is only for people who work in France."})
    );
    assert_eq!(reports[1]["status"], "undetermined");
    assert_eq!(reports[1]["next_question"], "screen_role");
    let questions = json(&eligibility(&[&["questions"], &ids[..], &["--json", "--lang", "en"]].concat(), ""));
    assert_eq!(
        questions[0],
        serde_json::json!({"id": "country", "type": "choice", "options": ["fr", "gb", "other"], "label": "Which country do you work in?"})
    );
}

#[test]
fn eval_keeps_money_exact_and_explains_in_french_by_default() {
    let output =
        eligibility(&["eval", "netflix-audiens-2020"], r#"{"annual_resources": 15000.001, "profession": "other"}"#);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["status"], "not_eligible");
    assert_eq!(report["amount"], serde_json::Value::Null);
    assert_eq!(
        report["criteria"][0]["explanation"],
        "Le fonds est réservé aux artistes et techniciens intermittents de l'audiovisuel et du cinéma."
    );
    let output = eligibility(&["eval", "netflix-audiens-2020"], r#"{"annual_resources": 15000.001}"#);
    assert_eq!(json(&output)["amount"]["max"], "500");
}

#[test]
fn bad_input_is_one_clear_line_and_a_failure() {
    let cases = [
        (vec!["eval", "nope"], "{}", "unknown programme `nope`"),
        (vec!["eval", "netflix-audiens-2020"], r#"{"age": 3}"#, "unknown question `age`"),
        (
            vec!["eval", "netflix-audiens-2020"],
            r#"{"days_worked": true}"#,
            "question `days_worked` expects a whole number from 0 to 366, got true",
        ),
        (vec!["eval", "netflix-audiens-2020"], r#"{"days_worked": 367}"#, "out of bounds"),
        (
            vec!["eval", "netflix-audiens-2020"],
            r#"{"profession": "dancer"}"#,
            "question `profession` has no option `dancer`",
        ),
        (vec!["eval", "netflix-audiens-2020"], r#"{"works_on_netflix_production": "no"}"#, "expects true or false"),
        (vec!["eval", "netflix-audiens-2020"], r#"{"profession": "#, "malformed JSON"),
        (vec!["eval", "netflix-audiens-2020"], "[1, 2]", "must hold a JSON object"),
        (vec!["eval", "netflix-audiens-2020", "--lang", "de"], "{}", "unknown language `de`"),
        (vec!["frobnicate"], "", "unknown command `frobnicate`"),
    ];
    for (args, stdin, expected) in cases {
        let output = eligibility(&args, stdin);
        let err = stderr(&output);
        assert!(!output.status.success(), "{args:?} {stdin}");
        assert!(err.lines().next().is_some_and(|l| l.contains(expected)), "{args:?} {stdin}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
}

#[test]
fn questions_lists_the_pack_in_order() {
    let output = eligibility(&["questions", "netflix-audiens-2020", "--json", "--lang", "en"], "");
    let list = json(&output);
    assert_eq!(
        list[0],
        serde_json::json!({"id": "profession", "type": "choice", "options": ["artist", "technician", "other"], "label": "Are you an intermittent performing artist or technician?"})
    );
    assert_eq!(list[3]["min"], 0);
    assert_eq!(list[3]["max"], 366);
    assert_eq!(list[5]["type"], "money");
    assert_eq!(list[5]["currency"], "EUR");
    assert_eq!(list[5]["min"], "0");
    let text = stdout(&eligibility(&["questions", "netflix-audiens-2020"], ""));
    assert!(text.starts_with("1. profession (choice: artist, technician, other)\n   Êtes-vous artiste"), "{text}");
    let programmes = stdout(&eligibility(&["programmes"], ""));
    let ids: Vec<&str> = programmes.lines().filter_map(|l| l.split('\t').next()).collect();
    // Every pack of packs/, in the order of the file names: a new pack needs no change here.
    let files = std::fs::read_dir("packs").map(|d| d.filter_map(Result::ok).count()).unwrap_or_default();
    assert_eq!(ids.len(), files, "{programmes}");
    let shipped = [
        "audiens-fonds-solidarite-2020",
        "collectif-5050-mentorat-2021",
        "netflix-audiens-2020",
        "uk-film-tv-emergency-relief-2020",
    ];
    assert_eq!(ids.iter().filter(|id| shipped.contains(id)).copied().collect::<Vec<_>>(), shipped);
}

#[test]
fn check_reports_every_error_with_its_place() {
    let output = eligibility(&["check", "tests/invalid-packs/tiers-overlap.toml"], "");
    assert!(!output.status.success());
    assert_eq!(stdout(&output), "tiers-overlap:47:1: tiers #1 and #2 overlap when income = 1000\n");
    let output = eligibility(&["check", "tests/packs/per-unit-example.toml", "packs/netflix-audiens-2020.toml"], "");
    assert!(output.status.success(), "{}", stdout(&output));
    // Packs are checked against each other and the built-in ones they do not replace.
    let output =
        eligibility(&["check", "tests/invalid-packs/shared/first.toml", "tests/invalid-packs/shared/second.toml"], "");
    assert!(!output.status.success());
    assert!(stdout(&output).contains("tests/invalid-packs/shared/second.toml:24:6: question `job` has other options than at tests/invalid-packs/shared/first.toml:25:6"), "{}", stdout(&output));
    assert!(stderr(&output).contains("the packs disagree with each other (3 problems)"), "{}", stderr(&output));
    let output = eligibility(&["check", "no/such/pack.toml"], "");
    assert!(stderr(&output).starts_with("eligibility: cannot read no/such/pack.toml"), "{}", stderr(&output));
}

#[test]
fn test_runs_scenarios_and_fails_on_any_failure() {
    let output = eligibility(&["test", "tests/scenarios/netflix-audiens-2020.toml"], "");
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(stdout(&output).ends_with(" passed, 0 failed\n"));

    let dir = std::env::temp_dir().join(format!("eligibility-cli-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let wrong = dir.join("wrong.toml");
    let scenario = "programme = \"netflix-audiens-2020\"\n[[scenarios]]\nname = \"off by one\"\nanswers = { days_worked = 11 }\nstatus = \"undetermined\"\namount = \"none\"\nnext_question = \"none\"\n";
    let _ = std::fs::write(&wrong, scenario);
    let output = eligibility(&["test", wrong.to_str().unwrap_or_default()], "");
    assert!(!output.status.success());
    let out = stdout(&output);
    assert!(out.contains("FAIL") && out.contains("status: expected undetermined, got not_eligible"), "{out}");
    assert!(out.ends_with("0 passed, 1 failed\n"), "{out}");

    let output =
        eligibility(&["test", "--pack", "tests/packs/range-example.toml", "tests/scenarios/test-range.toml"], "");
    assert!(output.status.success(), "{}", stdout(&output));
    let _ = std::fs::remove_dir_all(dir);
}

/// The guide's example pack and scenarios (docs/rule-authors.md), as an author copies
/// them: the pack checks, and the scenarios pass against it as a draft.
#[test]
fn the_guides_example_pack_checks_and_its_scenarios_pass() {
    let guide = std::fs::read_to_string("docs/rule-authors.md").unwrap_or_default();
    // Each ```toml block, its indentation (in a list item) taken off.
    let blocks: Vec<String> = guide
        .split("```toml\n")
        .skip(1)
        .filter_map(|rest| rest.split_once("```").map(|(block, _)| block))
        .map(|block| {
            let indent = block.len() - block.trim_start_matches(' ').len();
            block.lines().map(|line| format!("{}\n", line.get(indent..).unwrap_or(line.trim_start()))).collect()
        })
        .collect();
    let find = |marker: &str| blocks.iter().find(|b| b.contains(marker)).cloned().unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("eligibility-guide-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let (pack, scenarios) = (dir.join("my-programme.toml"), dir.join("my-programme-scenarios.toml"));
    let written = std::fs::write(&pack, find("id = \"my-programme\""))
        .and_then(|()| std::fs::write(&scenarios, find("programme = \"my-programme\"")));
    assert!(written.is_ok(), "{written:?}");
    let (pack, scenarios) = (pack.display().to_string(), scenarios.display().to_string());
    let checked = eligibility(&["check", &pack], "");
    assert!(checked.status.success(), "{}{}", stdout(&checked), stderr(&checked));
    let tested = eligibility(&["test", "--pack", &pack, &scenarios], "");
    assert!(tested.status.success() && stdout(&tested).ends_with("3 passed, 0 failed\n"), "{}", stdout(&tested));
    let _ = std::fs::remove_dir_all(dir);
}

/// A pack being written, not yet in packs/, is asked and evaluated from its file, alone
/// or in a form with shipped programmes.
#[test]
fn questions_and_eval_take_a_draft_pack() {
    let draft = ["--pack", "tests/packs/per-unit-example.toml"];
    let output = eligibility(&[&["questions", "test-per-unit"][..], &draft].concat(), "");
    assert!(stdout(&output).contains("cancelled_cachets (integer, 0 or more)"), "{}", stderr(&output));
    let answers = r#"{"performer": true, "cancelled_cachets": 3}"#;
    let output = eligibility(&[&["eval", "test-per-unit", "--today", "2020-09-10"][..], &draft].concat(), answers);
    let report = json(&output);
    assert_eq!((report["status"].as_str(), report["amount"]["min"].as_str()), (Some("eligible"), Some("1300")));
    let both = ["eval", "test-per-unit", "netflix-audiens-2020", "--today", "2020-09-10"];
    let reports = json(&eligibility(&[&both[..], &draft].concat(), answers));
    assert_eq!(reports.as_array().map(Vec::len), Some(2), "{reports}");
    // A draft that asks a shared question otherwise than the shipped packs is refused,
    // as `check` refuses it, rather than asked once as one of them.
    let dir = std::env::temp_dir().join(format!("eligibility-draft-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let shipped = std::fs::read_to_string("packs/audiens-fonds-solidarite-2020.toml").unwrap_or_default();
    let other = shipped.replacen(r#"id = "audiens-fonds-solidarite-2020""#, r#"id = "draft-fund""#, 1).replacen(
        "label.fr = \"Êtes-vous artiste ou technicien",
        "label.fr = \"Êtes-vous vraiment artiste ou technicien",
        1,
    );
    let file = dir.join("draft-fund.toml");
    assert!(std::fs::write(&file, &other).is_ok());
    let file = file.display().to_string();
    let output = eligibility(&["eval", "draft-fund", "netflix-audiens-2020", "--pack", &file], "{}");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("question `profession` has another label than at"), "{}", stderr(&output));
    let _ = std::fs::remove_dir_all(dir);
    let without = eligibility(&["eval", "test-per-unit"], answers);
    assert_eq!(without.status.code(), Some(1));
    assert!(stderr(&without).contains("unknown programme `test-per-unit`"), "{}", stderr(&without));
}

#[test]
fn coverage_reports_and_fails_under_the_minimum() {
    let output = eligibility(&["coverage", "netflix-audiens-2020", "tests/scenarios/netflix-audiens-2020.toml"], "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("netflix-audiens-2020 version "), "{}", stdout(&output));
    let args = ["coverage", "test-coverage", "--pack", "tests/tools/coverage-pack.toml"];
    let output = eligibility(&[&args[..], &["tests/tools/coverage-scenarios.toml", "--min", "60"]].concat(), "");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "eligibility: the scenarios reach 58.8% of `test-coverage`'s cases, under the minimum of 60%\n"
    );
    assert!(stdout(&output).contains("MISSING  membership not met"), "the report is printed all the same");
    let output =
        eligibility(&[&args[..], &["tests/tools/coverage-scenarios.toml", "--min", "58.8", "--json"]].concat(), "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(json(&output)["reached"], 10);
}

#[test]
fn coverage_refuses_what_it_cannot_read_in_one_line() {
    let dir = std::env::temp_dir().join(format!("eligibility-coverage-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let form = dir.join("form.toml");
    let _ = std::fs::write(&form, "programmes = [\"netflix-audiens-2020\", \"nope\"]\n[[scenarios]]\nname = \"x\"\n");
    let form = form.to_str().unwrap_or_default();
    let broken = dir.join("broken.toml");
    let _ = std::fs::write(&broken, "programme = \"netflix-audiens-2020\"\nscenarios = 3\n");
    let broken = broken.to_str().unwrap_or_default();
    let netflix = "tests/scenarios/netflix-audiens-2020.toml";
    let cases: [(&[&str], &str); 9] = [
        (&["coverage", "netflix-audiens-2020", "no/such/file.toml"], "cannot read no/such/file.toml"),
        (&["coverage", "nope", netflix], "unknown programme `nope`"),
        (
            &["coverage", "tiers-overlap", "--pack", "tests/invalid-packs/tiers-overlap.toml", netflix],
            "tiers-overlap:47:1: tiers #1 and #2 overlap when income = 1000",
        ),
        (&["coverage", "netflix-audiens-2020", form], "form.toml: unknown programme `nope`"),
        (&["coverage", "netflix-audiens-2020", broken], "broken.toml: invalid type: integer `3`, expected a sequence"),
        (&["coverage", "netflix-audiens-2020", netflix, "--min", "101"], "--min needs a percentage from 0 to 100"),
        (&["coverage", "netflix-audiens-2020", netflix, "--min", "ninety"], "--min needs a percentage from 0 to 100"),
        (&["coverage", "netflix-audiens-2020", netflix, "--min"], "--min needs a percentage from 0 to 100"),
        (&["coverage", "netflix-audiens-2020"], "wrong arguments for `coverage`"),
    ];
    for (args, expected) in cases {
        let output = eligibility(args, "");
        let err = stderr(&output);
        assert!(!output.status.success(), "{args:?}");
        assert!(err.lines().next().is_some_and(|l| l.contains(expected)), "{args:?}: {err}");
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn diff_reports_changes_and_fails_when_scenarios_break() {
    let (old, new) = ("tests/tools/diff-old.toml", "tests/tools/diff-new.toml");
    let output = eligibility(&["diff", old, new, "--answers", "tests/tools/diff-answers.jsonl"], "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("3 of 5 answer sets change"), "{}", stdout(&output));
    let output = eligibility(&["diff", old, new, "tests/tools/diff-scenarios.toml", "--json"], "");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "eligibility: the new version breaks scenarios in 1 of 1 scenario files\n");
    assert_eq!(json(&output)["changed"], 22);
    let output = eligibility(&["diff", old, old, "tests/tools/diff-scenarios.toml"], "");
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn diff_refuses_what_it_cannot_compare_in_one_line() {
    let (old, new) = ("tests/tools/diff-old.toml", "tests/tools/diff-new.toml");
    let cases: [(&[&str], &str); 7] = [
        (
            &["diff", old, "packs/netflix-audiens-2020.toml"],
            "the packs are of two programmes, `test-diff` and `netflix-audiens-2020`",
        ),
        (&["diff", old, "no/such/pack.toml"], "cannot read no/such/pack.toml"),
        (
            &["diff", "tests/invalid-packs/tiers-gap.toml", new],
            "tiers-gap:47:1: no tier applies when member = no and income = 0",
        ),
        (&["diff", old, new, "--answers", "no/such/answers.jsonl"], "cannot read no/such/answers.jsonl"),
        (&["diff", old, new, "--answers", "tests/tools/diff-old.toml"], "tests/tools/diff-old.toml:1: malformed JSON"),
        (&["diff", old, new, "tests/tools/diff-old.toml"], "tests/tools/diff-old.toml: unknown field `amount`"),
        (&["diff", old], "wrong arguments for `diff`"),
    ];
    for (args, expected) in cases {
        let output = eligibility(args, "");
        let err = stderr(&output);
        assert!(!output.status.success(), "{args:?}");
        assert!(err.lines().next().is_some_and(|l| l.contains(expected)), "{args:?}: {err}");
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
}

#[test]
fn eval_jsonl_prints_what_eval_prints_one_line_each() {
    let sets = [
        r#"{"profession": "artist", "days_worked": 12, "annual_resources": "15000.01"}"#,
        r#"{"profession": "other"}"#,
        "{}",
    ];
    let args = ["netflix-audiens-2020", "audiens-fonds-solidarite-2020", "--today", "2020-10-01", "--lang", "en"];
    let output = eligibility(&[&["eval", "--jsonl"], &args[..]].concat(), &(sets.join("\n") + "\n{\"age\": 1}\n"));
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    for (set, line) in sets.iter().zip(&lines) {
        let alone = json(&eligibility(&[&["eval"], &args[..]].concat(), set));
        let streamed: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        assert_eq!(streamed, alone, "{set}");
    }
    assert!(lines.get(3).is_some_and(|l| l.starts_with(r#"{"line":4,"error":"unknown question `age`"#)), "{text}");
}

#[test]
fn eval_jsonl_answers_each_line_before_the_next_arrives() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(env!("CARGO_BIN_EXE_eligibility"))
        .args(["eval", "--jsonl", "collectif-5050-mentorat-2021", "--today", "2021-03-08"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start eligibility: {e}"));
    let (Some(mut input), Some(output)) = (child.stdin.take(), child.stdout.take()) else { panic!("no pipes") };
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(output).lines() {
            if send.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    // The stream stays open: a result that comes proves it was not waiting for the end.
    for (answers, status) in [(r#"{"mentoring_profile": "other"}"#, "not_eligible"), ("{}", "undetermined")] {
        let _ = writeln!(input, "{answers}");
        let _ = input.flush();
        let line = receive.recv_timeout(Duration::from_secs(20)).unwrap_or_else(|e| panic!("no result: {e}"));
        let report: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
        assert_eq!(report["status"], status, "{line}");
    }
    drop(input);
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
}

#[test]
fn eval_jsonl_stops_quietly_when_the_reader_goes_away() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_eligibility"))
        .args(["eval", "--jsonl", "netflix-audiens-2020"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start eligibility: {e}"));
    drop(child.stdout.take());
    if let Some(mut input) = child.stdin.take() {
        // Enough lines to fill any buffer; writes fail once the child has stopped.
        for _ in 0..20_000 {
            if input.write_all(b"{\"profession\": \"artist\"}\n").is_err() {
                break;
            }
        }
    }
    let output = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}

#[test]
fn page_writes_a_programme_s_rules_as_html() {
    let output = eligibility(&["page", "uk-film-tv-emergency-relief-2020", "--lang", "en"], "");
    assert!(output.status.success(), "{}", stderr(&output));
    let html = stdout(&output);
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">") && html.ends_with("</html>\n"), "{html}");
    assert!(html.contains("What is asked"));
    let html = stdout(&eligibility(&["page", "test-page", "--pack", "tests/tools/page-pack.toml"], ""));
    assert!(html.contains("<html lang=\"fr\">") && html.contains("Ce qui est demandé"), "French by default");
    let cases: [(&[&str], &str); 5] = [
        (&["page", "nope"], "unknown programme `nope`"),
        (&["page", "netflix-audiens-2020", "--lang", "de"], "unknown language `de`"),
        (&["page", "x", "--pack", "no/such/pack.toml"], "cannot read no/such/pack.toml"),
        (
            &["page", "never-met", "--pack", "tests/invalid-packs/never-met.toml"],
            "never-met:43:13: criterion `few` can never be met together with `enough`",
        ),
        (&["page"], "wrong arguments for `page`"),
    ];
    for (args, expected) in cases {
        let output = eligibility(args, "");
        assert!(!output.status.success(), "{args:?}");
        assert!(stderr(&output).lines().next().is_some_and(|l| l.contains(expected)), "{args:?}: {}", stderr(&output));
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
}
