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

mod diff {
    use super::*;
    use eligibility::tools::diff::{diff, DiffError, Outcome, Sets};

    fn compared(old: &str, new: &str, answers: Option<&str>, files: &[&str]) -> Result<String, DiffError> {
        let (old, new) = (pack(old), pack(new));
        let answers = answers.map(|file| (file, read(file)));
        let files: Vec<(String, String)> = files.iter().map(|f| (f.to_string(), read(f))).collect();
        let given = answers.as_ref().map(|(file, text)| (*file, text.as_str()));
        diff(&old, &new, given, &files, |id| catalogue::programme(id).ok()).map(|d| d.text())
    }

    #[test]
    fn lists_each_distinct_change_and_the_scenarios_it_breaks() {
        let files = ["tests/tools/diff-scenarios.toml", "tests/scenarios/netflix-audiens-2020.toml"];
        let text = compared("tests/tools/diff-old.toml", "tests/tools/diff-new.toml", None, &files);
        assert_eq!(text, Ok(read("tests/tools/diff.expected")));
        let text = compared(
            "tests/tools/diff-old.toml",
            "tests/tools/diff-new.toml",
            Some("tests/tools/diff-answers.jsonl"),
            &[],
        );
        assert_eq!(text, Ok(read("tests/tools/diff-answers.expected")));
    }

    #[test]
    fn the_json_lists_every_changed_set_with_before_and_after() {
        let (old, new) = (pack("tests/tools/diff-old.toml"), pack("tests/tools/diff-new.toml"));
        let files = [("diff-scenarios.toml".to_owned(), read("tests/tools/diff-scenarios.toml"))];
        let Ok(result) = diff(&old, &new, None, &files, |_| None) else { panic!("the diff failed") };
        assert!(matches!(result.sets, Sets::Generated(plan) if plan.is_exhaustive() && plan.sets() == 32));
        assert_eq!(result.changes.len(), 22);
        let technician = result.changes.iter().find(|c| c.answers.len() == 1 && c.answers["job"] == "technician");
        let Some(technician) = technician else { panic!("the technician's change is missing") };
        assert_eq!(technician.changed, ["status", "benefit", "next_question"]);
        assert_eq!(
            technician.after,
            Outcome::Evaluated { status: "not_eligible".into(), benefit: "none".into(), next_question: "none".into() }
        );
        let json = serde_json::to_value(result.report()).unwrap_or_default();
        assert_eq!(json["answer_sets"], serde_json::json!({"how": "every", "count": 32}));
        assert_eq!(json["changes"].as_array().map(Vec::len), Some(22));
        assert_eq!(json["scenario_files"][0]["broken"][0]["name"], "a technician just above the old ceiling");
        let refused = json["changes"].as_array().into_iter().flatten().find(|c| c["after"]["error"].is_string());
        assert_eq!(refused.map(|c| c["changed"].clone()), Some(serde_json::json!(["accepted"])));
    }

    #[test]
    fn a_pack_compared_with_itself_changes_nothing() {
        let file = "packs/audiens-fonds-solidarite-2020.toml";
        let files = ["tests/scenarios/audiens-fonds-solidarite-2020.toml"];
        let Ok(text) = compared(file, file, None, &files) else { panic!("the diff failed") };
        assert!(text.contains("the two pack files are identical\n"), "{text}");
        assert!(text.contains("no answer set gets another verdict, benefit or next question\n"), "{text}");
        assert!(text.ends_with("audiens-fonds-solidarite-2020.toml: no scenario broken\n"), "{text}");
    }

    #[test]
    fn refuses_two_programmes_and_answer_files_it_cannot_read() {
        let error = compared("tests/tools/diff-old.toml", "packs/netflix-audiens-2020.toml", None, &[]);
        assert_eq!(
            error.map_err(|e| e.to_string()),
            Err("the packs are of two programmes, `test-diff` and `netflix-audiens-2020`: \
                 diff compares two versions of one programme"
                .to_owned())
        );
        let (old, new) = (pack("tests/tools/diff-old.toml"), pack("tests/tools/diff-new.toml"));
        let cases = [
            ("{}\n{\"job\": \n", "answers.jsonl:2: malformed JSON: EOF while parsing a value at line 1 column 8"),
            ("\n\n[1, 2]\n", "answers.jsonl:3: each line must be a JSON object of answers, question id → value"),
            ("{\"age\": 30}\n", "answers.jsonl:1: unknown question `age`: neither version asks it"),
        ];
        for (text, expected) in cases {
            let result = diff(&old, &new, Some(("answers.jsonl", text)), &[], |_| None);
            assert_eq!(result.map(|d| d.text()).map_err(|e| e.to_string()), Err(expected.to_owned()), "{text}");
        }
    }
}

mod jsonl {
    use std::cell::RefCell;
    use std::io::{self, Read, Write};
    use std::rc::Rc;

    use eligibility::catalogue;
    use eligibility::form::Form;
    use eligibility::i18n::Lang;
    use eligibility::pack::Date;
    use eligibility::tools::jsonl::{evaluate_lines, Summary};

    const DAY: Date = Date { year: 2020, month: 4, day: 15 };

    fn run(ids: &[&str], input: &str) -> (Summary, Vec<serde_json::Value>) {
        let programmes = ids.iter().filter_map(|id| catalogue::programme(id).ok()).collect();
        let mut output = Vec::new();
        let summary = evaluate_lines(&Form::new(programmes), Lang::En, DAY, input.as_bytes(), &mut output)
            .unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(output).unwrap_or_default();
        let lines = text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
        (summary, lines)
    }

    #[test]
    fn one_line_out_per_line_in_and_an_error_line_for_each_bad_one() {
        let input = "{\"profession\": \"other\"}\n\n[1]\n{\"days_worked\": 400}\n{\"profession\":\n\
                     {\"age\": 3}\n{\"profession\": \"artist\"}\r\n\u{feff}x\n{}";
        let (summary, lines) = run(&["netflix-audiens-2020"], input);
        assert_eq!(summary, Summary { lines: 9, errors: 6 });
        let expected_errors = [
            (2, "empty line: expected a JSON object of answers"),
            (3, "a line must hold a JSON object of answers, question id → value"),
            (4, "question `days_worked` expects a whole number from 0 to 366, got 400, out of bounds"),
            (5, "malformed JSON: EOF while parsing a value at line 1 column 14"),
            (6, "unknown question `age` in programme `netflix-audiens-2020` (questions: country, profession, rights_not_renewed_since_2020, no_rights_opened_2019, days_worked, works_on_netflix_production, annual_resources)"),
            (8, "malformed JSON: expected value at line 1 column 1"),
        ];
        for (line, error) in expected_errors {
            assert_eq!(lines.get(line - 1), Some(&serde_json::json!({"line": line, "error": error})), "line {line}");
        }
        let status = |i: usize| lines.get(i).map(|l| l["status"].clone());
        assert_eq!(status(0), Some("not_eligible".into()));
        assert_eq!(status(6), Some("undetermined".into()), "a CRLF line ending is a line ending");
        assert_eq!(status(8), Some("undetermined".into()), "the last line needs no newline");
        let (_, lines) =
            run(&["netflix-audiens-2020", "collectif-5050-mentorat-2021"], "{\"profession\": \"artist\"}\n");
        assert_eq!(lines.first().and_then(|l| l.as_array()).map(Vec::len), Some(2), "a form gives an array");
        assert_eq!(run(&["netflix-audiens-2020"], ""), (Summary::default(), Vec::new()));
    }

    /// Input that hands out one line per read, and checks, before the second, that the
    /// first result was already written out: nothing waits for the whole input.
    struct OneLineAtATime {
        lines: Vec<&'static [u8]>,
        written: Rc<RefCell<Vec<u8>>>,
        checked: Rc<RefCell<bool>>,
    }

    impl Read for OneLineAtATime {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.lines.len() == 1 {
                *self.checked.borrow_mut() = self.written.borrow().ends_with(b"}\n");
            }
            let Some(line) = (!self.lines.is_empty()).then(|| self.lines.remove(0)) else { return Ok(0) };
            let n = line.len().min(buf.len());
            buf.get_mut(..n).unwrap_or_default().copy_from_slice(line.get(..n).unwrap_or_default());
            Ok(n)
        }
    }

    struct Shared(Rc<RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn each_result_is_written_before_the_next_line_is_read() {
        let written = Rc::new(RefCell::new(Vec::new()));
        let checked = Rc::new(RefCell::new(false));
        let input = OneLineAtATime {
            lines: vec![b"{\"profession\": \"other\"}\n", b"{}\n"],
            written: written.clone(),
            checked: checked.clone(),
        };
        let programmes = vec![catalogue::programme("netflix-audiens-2020").unwrap_or_else(|e| panic!("{e}"))];
        let summary = evaluate_lines(&Form::new(programmes), Lang::Fr, DAY, input, Shared(written.clone()));
        assert_eq!(summary.ok(), Some(Summary { lines: 2, errors: 0 }));
        assert!(*checked.borrow(), "the first result was still buffered when the second line was read");
        assert_eq!(written.borrow().iter().filter(|b| **b == b'\n').count(), 2);
    }
}

mod page {
    use super::*;
    use eligibility::i18n::Lang;
    use eligibility::tools::page::{escape, page};

    /// Every `href` of a page: anchors, the pages in the other language, the pack's links.
    fn links(html: &str) -> Vec<&str> {
        html.split("href=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect()
    }

    #[test]
    fn each_shipped_page_says_what_is_asked_the_rules_and_the_sources() {
        for programme in catalogue::programmes() {
            for lang in Lang::ALL {
                let html = page(programme, lang);
                let at = format!("{} ({lang})", programme.id);
                assert!(html.starts_with(&format!("<!doctype html>\n<html lang=\"{}\">", lang.code())), "{at}");
                let mut expected = vec![programme.name.get(lang), programme.summary.get(lang), &programme.version];
                expected.push(&programme.hash);
                for question in &programme.questions {
                    expected.push(question.label.get(lang));
                    if let eligibility::pack::QuestionKind::Choice(choices) = &question.kind {
                        expected.extend(choices.iter().map(|c| c.label.get(lang)));
                    }
                }
                for criterion in &programme.criteria {
                    expected.extend([criterion.met.get(lang), criterion.not_met.get(lang)]);
                }
                expected.extend(programme.sources.iter().map(|s| s.title.as_str()));
                expected.extend(programme.readings.iter().map(|r| r.text.get(lang)));
                for text in expected {
                    assert!(html.contains(&escape(text)), "{at}: {text}");
                }
                assert!(html.contains(&programme.checked.long(lang)), "{at}: the check date");
                for source in &programme.sources {
                    let date = eligibility::pack::long_partial_date(&source.date, lang);
                    assert!(html.contains(&format!(", {date}</li>")), "{at}: {date}, the date of a source in words");
                }
                if programme.id == "netflix-audiens-2020" {
                    let first = if lang == Lang::Fr {
                        "Le Film Français, 8 avril 2020</li>"
                    } else {
                        "Le Film Français, 8 April 2020</li>"
                    };
                    assert!(html.contains(first), "{at}: {first}");
                }
                for forbidden in ["<script", "<link", " src=", "url(", "@import", "<iframe", "<img"] {
                    assert!(!html.contains(forbidden), "{at}: {forbidden}");
                }
                let own = [format!("{}.en.html", programme.id), format!("{}.fr.html", programme.id)];
                for link in links(&html) {
                    let fine = link.starts_with("#q-") || link.starts_with("https://") || link.starts_with("http://");
                    assert!(fine || own.iter().any(|o| o == link), "{at}: a link to {link}");
                }
            }
        }
    }

    #[test]
    fn text_from_the_pack_is_always_escaped() {
        let programme = pack("tests/tools/page-pack.toml");
        for lang in Lang::ALL {
            let html = page(&programme, lang);
            // The only tags are the page's own: none of the pack's.
            let tags = [("<script", 0), ("<img", 0), ("<i>", 0), ("<b>", 0), ("<em>", 0), ("<h1>", 1), ("<style>", 1)];
            for (tag, count) in tags {
                assert_eq!(html.matches(tag).count(), count, "{tag} in {lang}");
            }
            assert!(html.contains("<title>Page &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;</title>"));
            assert!(html.contains(
                "<a href=\"https://example.org/apply?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(&#39;apply&#39;)&lt;/script&gt;\">"
            ));
            assert!(html.contains("<a href=\"https://example.org/source?x=&quot;&#39;&lt;&gt;\">"));
            assert!(html.contains("<li>Not a link, Someone, 2020</li>"), "a javascript: address is not a link");
            assert!(!links(&html).iter().any(|l| l.contains("javascript")));
        }
        assert_eq!(escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    #[test]
    fn conditions_and_benefits_read_as_words() {
        let Ok(programme) = catalogue::programme("netflix-audiens-2020") else { panic!("no pack") };
        let html = page(programme, Lang::En);
        for words in [
            "Answer to <a href=\"#q-days_worked\">question 4</a>: at least 12",
            "“No” to <a href=\"#q-works_on_netflix_production\">question 5</a>",
            "At least one of these:<ul><li>“Yes” to <a href=\"#q-rights_not_renewed_since_2020\">question 2</a>",
            "Answer to <a href=\"#q-annual_resources\">question 6</a>: at most €15,000<p class=\"value\">→ €900</p>",
            "<code>days_worked &gt;= 12</code>",
            "From 15 April 2020, no source gives a closing date; the sources show applications taken until 15 April 2020.",
        ] {
            assert!(html.contains(words), "{words}");
        }
        let Ok(fussat) = catalogue::programme("audiens-fonds-solidarite-2020") else { panic!("no pack") };
        let html = page(fussat, Lang::Fr);
        assert!(html.contains("→ 100\u{a0}€ par unité comptée à la <a href=\"#q-guso_cachets_cancelled\">question 6</a>, 5 unités au plus"));
        let Ok(uk) = catalogue::programme("uk-film-tv-emergency-relief-2020") else { panic!("no pack") };
        assert!(page(uk, Lang::En).contains("<p>An amount of £500 to £2,500, as decided by the operator.</p>"));
        let Ok(mentoring) = catalogue::programme("collectif-5050-mentorat-2021") else { panic!("no pack") };
        assert!(page(mentoring, Lang::Fr).contains("<p class=\"value\">→ début : automne 2021</p>"));
    }
}
