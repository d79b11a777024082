//! How long the engine takes: `cargo bench --bench evaluate`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

use eligibility::answer::{AnswerInput, Answers};
use eligibility::engine::evaluate;
use eligibility::catalogue;
use eligibility::pack::compile;

fn benches(c: &mut Criterion) {
    let Ok(programme) = catalogue::programme("netflix-audiens-2020") else {
        panic!("the built-in pack is missing");
    };
    let source = include_str!("../packs/netflix-audiens-2020.toml");
    c.bench_function("compile netflix-audiens-2020", |b| b.iter(|| compile(black_box(source), "bench")));

    let complete = [
        ("profession", AnswerInput::Text("artist".into())),
        ("rights_not_renewed_since_2020", AnswerInput::Bool(true)),
        ("days_worked", AnswerInput::Number("12".into())),
        ("works_on_netflix_production", AnswerInput::Bool(false)),
        ("annual_resources", AnswerInput::Number("15000".into())),
    ];
    let Ok(answers) = Answers::from_inputs(programme, complete.iter().map(|(q, a)| (*q, a.clone()))) else {
        panic!("the bench's answers do not fit the pack");
    };
    c.bench_function("evaluate complete answers", |b| b.iter(|| evaluate(programme, black_box(&answers)).status));
    let empty = Answers::none(programme);
    c.bench_function("evaluate no answers", |b| b.iter(|| evaluate(programme, black_box(&empty)).next_question));
}

criterion_group!(engine, benches);
criterion_main!(engine);
