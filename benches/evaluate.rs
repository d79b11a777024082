//! How long the engine takes, natively: `cargo bench --bench evaluate`. Each shipped
//! pack is compiled and evaluated with no answer (every question open, so the next
//! question is chosen from all of them), with some answers, and with every answer, and
//! what would change its verdict; then the form of all four programmes, and a session
//! taking one changed answer.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

use eligibility::answer::AnswerInput;
use eligibility::catalogue;
use eligibility::compile::compile;
use eligibility::form::Form;
use eligibility::i18n::Lang;
use eligibility::pack::Date;
use eligibility::session::Session;
use rust_decimal::Decimal;

/// Per pack: its file, some answers, and answers to every question.
type Case =
    (&'static str, &'static str, &'static [(&'static str, &'static str)], &'static [(&'static str, &'static str)]);

const CASES: &[Case] = &[
    (
        "netflix-audiens-2020",
        include_str!("../packs/netflix-audiens-2020.toml"),
        &[("profession", "\"artist\""), ("days_worked", "12")],
        &[
            ("profession", "\"artist\""),
            ("rights_not_renewed_since_2020", "true"),
            ("days_worked", "12"),
            ("works_on_netflix_production", "false"),
            ("annual_resources", "15000"),
        ],
    ),
    (
        "audiens-fonds-solidarite-2020",
        include_str!("../packs/audiens-fonds-solidarite-2020.toml"),
        &[("profession", "\"artist\""), ("building_rights_2019_2020", "false")],
        &[
            ("profession", "\"artist\""),
            ("building_rights_2019_2020", "false"),
            ("end_of_rights_afd", "true"),
            ("guso_cachets_cancelled", "8"),
            ("under_contract_or_benefits", "false"),
        ],
    ),
    (
        "collectif-5050-mentorat-2021",
        include_str!("../packs/collectif-5050-mentorat-2021.toml"),
        &[("mentoring_profile", "\"student\"")],
        &[("mentoring_profile", "\"student\""), ("has_industry_network", "false")],
    ),
    (
        "uk-film-tv-emergency-relief-2020",
        include_str!("../packs/uk-film-tv-emergency-relief-2020.toml"),
        &[("screen_role", "\"behind_the_scenes\"")],
        &[
            ("screen_role", "\"behind_the_scenes\""),
            ("uk_days_worked", "60"),
            ("hit_by_closures", "true"),
            ("government_support_800", "false"),
        ],
    ),
];

fn inputs(answers: &[(&'static str, &'static str)]) -> Vec<(&'static str, AnswerInput)> {
    answers
        .iter()
        .map(|(q, json)| {
            (
                *q,
                serde_json::from_str::<serde_json::Value>(json).map_or(AnswerInput::Missing, |v| AnswerInput::from(&v)),
            )
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    for (id, source, some, every) in CASES {
        c.bench_function(&format!("compile {id}"), |b| b.iter(|| compile(black_box(source), "bench")));
        let Ok(programme) = catalogue::programme(id) else { panic!("the built-in pack {id} is missing") };
        let form = Form::new(vec![programme]);
        for (label, answers) in [("no answer", &[][..]), ("some answers", some), ("every answer", every)] {
            let Ok(answers) = form.answers(inputs(answers)) else { panic!("the bench's answers do not fit {id}") };
            c.bench_function(&format!("evaluate {id}, {label}"), |b| {
                b.iter(|| {
                    let outcomes = form.evaluate(black_box(&answers));
                    form.next_question(&answers, &outcomes)
                })
            });
        }
        // What would change the verdict, made only when a report is: one evaluation per
        // answer it tries.
        let Ok(answers) = form.answers(inputs(every)) else { panic!("the bench's answers do not fit {id}") };
        c.bench_function(&format!("changes {id}, every answer"), |b| {
            b.iter(|| form.evaluate(black_box(&answers)).iter().map(|o| o.changes().len()).sum::<usize>())
        });
    }
    let form = Form::new(catalogue::programmes().iter().collect());
    let answers = form.no_answers();
    c.bench_function("evaluate the form of all four, no answer", |b| {
        b.iter(|| {
            let outcomes = form.evaluate(black_box(&answers));
            form.next_question(&answers, &outcomes)
        })
    });

    // A session with every answer of Netflix–Audiens, one answer changed per iteration:
    // `days_worked` across its constant (11 ↔ 12: evaluated again), or within one side
    // (13 ↔ 14: the outcome kept); then the status read, as a page would.
    let Ok(programme) = catalogue::programme("netflix-audiens-2020") else { panic!("netflix-audiens-2020") };
    let mut session = Session::new(Form::new(vec![programme]), Lang::Fr, Date { year: 2020, month: 4, day: 15 });
    for (id, input) in inputs(CASES.first().map_or(&[][..], |case| case.3)) {
        let Ok(index) = session.question(id) else { panic!("no question {id}") };
        let Ok(()) = session.set(index, &input) else { panic!("{id} refused") };
    }
    let Ok(days) = session.question("days_worked") else { panic!("days_worked") };
    for (label, values) in [("across its constant", [11, 12]), ("within one side", [13, 14])] {
        let mut turn = 0;
        c.bench_function(&format!("session netflix-audiens-2020, one changed answer {label}, status"), |b| {
            b.iter(|| {
                turn = 1 - turn;
                let _ = session.set_integer(days, values.get(turn).copied().unwrap_or(12));
                session.status(black_box(0))
            })
        });
    }
    // The same with an amount in euros and cents, as the JS API's `setCents` gives it:
    // `annual_resources` across its constant (14,999.5 ↔ 15,000.25).
    let Ok(resources) = session.question("annual_resources") else { panic!("annual_resources") };
    let amounts = [Decimal::new(149_995, 1), Decimal::new(1_500_025, 2)];
    let mut turn = 0;
    c.bench_function("session netflix-audiens-2020, one changed amount with cents across its constant, status", |b| {
        b.iter(|| {
            turn = 1 - turn;
            let _ = session.set_number(resources, amounts.get(turn).copied().unwrap_or_default());
            session.status(black_box(0))
        })
    });
}

criterion_group!(engine, benches);
criterion_main!(engine);
