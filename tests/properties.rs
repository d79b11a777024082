//! Properties over generated packs and any answers: evaluation never panics; a final
//! verdict stays final; and the verdict, the benefit and the questions worth asking
//! are exactly what a brute-force oracle finds by trying every complete set of answers.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use proptest::prelude::*;
use rust_decimal::Decimal;

use eligibility::answer::{check, Answer, AnswerInput, Answers};
use eligibility::catalogue;
use eligibility::engine::{changes, evaluate, evaluate_three_valued, Alternative, BenefitOutlook, Change, Status};
use eligibility::form::Form;
use eligibility::i18n::Text;
use eligibility::pack::{
    Amount, AmountRule, Benefit, Cap, Choice, Comparison, Condition, Country, Criterion, Date, Part, PerUnit, Place,
    Programme, Question, QuestionKind, Start, Tier, Window,
};

fn text(s: &str) -> Text {
    Text { fr: s.into(), en: s.into() }
}

// ---------------------------------------------------------------- generated packs

/// Small domains, so that the oracle can try every answer: integers 0 to 6, money 0 to
/// 10 (constants on halves, tried on quarters), choices of three options.
#[derive(Debug, Clone)]
enum Kind {
    YesNo,
    Choice,
    Integer,
    Money,
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![Just(Kind::YesNo), Just(Kind::Choice), Just(Kind::Integer), Just(Kind::Money)]
}

fn question(i: usize, kind: &Kind) -> Question {
    let kind = match kind {
        Kind::YesNo => QuestionKind::YesNo,
        Kind::Choice => QuestionKind::Choice(
            ["a", "b", "c"].iter().map(|id| Choice { id: (*id).into(), label: text(id) }).collect(),
        ),
        Kind::Integer => QuestionKind::Integer { min: Some(0), max: Some(6) },
        Kind::Money => {
            QuestionKind::Money { currency: "EUR".into(), min: Some(Decimal::ZERO), max: Some(Decimal::TEN) }
        }
    };
    Question { id: format!("q{i}"), label: text("?"), help: None, kind, fixed: false }
}

/// Every answer a question can take, as the oracle tries them.
fn dense(kind: &QuestionKind) -> Vec<Answer> {
    match kind {
        QuestionKind::YesNo => vec![Answer::YesNo(true), Answer::YesNo(false)],
        QuestionKind::Choice(options) => (0..options.len()).map(Answer::Choice).collect(),
        QuestionKind::Integer { .. } => (0..=6).map(Answer::Integer).collect(),
        QuestionKind::Money { .. } => (0..=40).map(|q| Answer::Money(Decimal::new(q * 25, 2))).collect(),
    }
}

/// A leaf condition on question `q`, drawn from `seed`.
fn leaf(q: usize, kind: &Kind, seed: u32) -> Condition {
    let ops = [Comparison::Eq, Comparison::Ne, Comparison::Lt, Comparison::Le, Comparison::Gt, Comparison::Ge];
    let op = ops[(seed % 6) as usize];
    match kind {
        Kind::YesNo => Condition::IsYes(q),
        Kind::Choice => Condition::OneOf(q, (0..3).filter(|o| seed >> o & 1 == 1).collect()),
        Kind::Integer => Condition::Compare(q, op, Decimal::from((seed / 6) % 7)),
        Kind::Money => Condition::Compare(q, op, Decimal::new(i64::from((seed / 6) % 21) * 5, 1)),
    }
}

/// A condition of up to three levels over the questions.
fn condition(kinds: Vec<Kind>) -> BoxedStrategy<Condition> {
    let n = kinds.len();
    let leaves = (0..n, any::<u32>()).prop_map(move |(q, seed)| leaf(q, &kinds[q], seed));
    leaves
        .prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 2..=3).prop_map(Condition::All),
                prop::collection::vec(inner.clone(), 2..=3).prop_map(Condition::Any),
                inner.prop_map(|c| Condition::Not(Box::new(c))),
            ]
        })
        .boxed()
}

fn programme(id: &str, kinds: &[Kind], criteria: Vec<Condition>, benefit: Benefit) -> Programme {
    Programme {
        id: id.into(),
        version: "0".into(),
        hash: String::new(),
        checked: Date { year: 2026, month: 1, day: 1 },
        name: text(id),
        summary: text(id),
        operator: "x".into(),
        apply_url: "https://example.org".into(),
        country: Country { code: "fr".into(), name: text("France"), inside: text("en France") },
        window: Window { opens: None, closes: None, closing_time: None, confirmed_open_until: None },
        questions: kinds.iter().enumerate().map(|(i, k)| question(i, k)).collect(),
        criteria: criteria
            .into_iter()
            .enumerate()
            .map(|(i, condition)| Criterion {
                id: format!("c{i}"),
                condition,
                met: text("m"),
                not_met: text("n"),
                unknown: text("u"),
                documents: Vec::new(),
            })
            .collect(),
        benefit,
        sources: Vec::new(),
        readings: Vec::new(),
    }
}

/// A benefit of each kind: fixed, two tiers (a condition and its negation), a sum of
/// parts (some per unit of an integer question, capped or not), or a place with two starts.
fn benefit(kinds: Vec<Kind>) -> impl Strategy<Value = Benefit> {
    let integer = kinds.iter().position(|k| matches!(k, Kind::Integer));
    let money = |amount| Benefit::Money(Amount { currency: "EUR".into(), rule: amount });
    prop_oneof![
        (1i64..1000).prop_map(move |v| money(AmountRule::Fixed(Decimal::from(v)))),
        (condition(kinds.clone()), 0i64..10, 0i64..10).prop_map(move |(c, a, b)| money(AmountRule::Tiered(vec![
            Tier { condition: c.clone(), value: Decimal::from(a) },
            Tier { condition: Condition::Not(Box::new(c)), value: Decimal::from(b) },
        ]))),
        prop::collection::vec(
            (prop::option::of(condition(kinds.clone())), 0i64..5, 0i64..3, prop::option::of(0i64..4)),
            1..=3
        )
        .prop_map(move |parts| {
            let parts = parts
                .into_iter()
                .map(|(condition, value, per, cap)| Part {
                    condition,
                    value: Decimal::from(value),
                    per_unit: integer.filter(|_| per > 0).map(|units| PerUnit {
                        value: Decimal::from(per),
                        units,
                        cap: cap.map(Cap::Units),
                    }),
                })
                .collect();
            money(AmountRule::Sum(parts))
        }),
        condition(kinds).prop_map(|c| Benefit::Place(Place {
            what: text("a place"),
            starts: vec![
                Start { condition: Some(c.clone()), when: text("May") },
                Start { condition: Some(Condition::Not(Box::new(c))), when: text("autumn") },
            ],
        })),
    ]
}

fn pack() -> impl Strategy<Value = Programme> {
    prop::collection::vec(kind(), 1..=3)
        .prop_flat_map(|kinds| {
            let criteria = prop::collection::vec(condition(kinds.clone()), 1..=3);
            (Just(kinds.clone()), criteria, benefit(kinds))
        })
        .prop_map(|(kinds, criteria, benefit)| programme("generated", &kinds, criteria, benefit))
}

/// Answers to some of the questions, drawn from their domains.
fn some_answers(programme: &Programme, picks: &[Option<usize>]) -> Answers {
    let mut answers = Answers::none(programme);
    for (q, (question, pick)) in programme.questions.iter().zip(picks).enumerate() {
        let domain = dense(&question.kind);
        answers.set(q, pick.and_then(|i| domain.get(i % domain.len()).cloned()));
    }
    answers
}

// ---------------------------------------------------------------- the oracle

fn holds(condition: &Condition, answers: &Answers) -> bool {
    match condition {
        Condition::All(items) => items.iter().all(|c| holds(c, answers)),
        Condition::Any(items) => items.iter().any(|c| holds(c, answers)),
        Condition::Not(inner) => !holds(inner, answers),
        Condition::IsYes(q) => answers.get(*q) == Some(&Answer::YesNo(true)),
        Condition::OneOf(q, options) => matches!(answers.get(*q), Some(Answer::Choice(o)) if options.contains(o)),
        Condition::Compare(q, op, value) => {
            answers.get(*q).and_then(Answer::number).is_some_and(|n| op.holds(n, *value))
        }
    }
}

/// What complete answers give: eligible or not, and the benefit (an amount, or the
/// index of the start).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Got {
    Out,
    Money(Decimal),
    Start(usize),
}

fn outcome(programme: &Programme, answers: &Answers) -> Got {
    if !programme.criteria.iter().all(|c| holds(&c.condition, answers)) {
        return Got::Out;
    }
    match &programme.benefit {
        Benefit::Money(amount) => Got::Money(match &amount.rule {
            AmountRule::Fixed(v) => *v,
            AmountRule::Range { min, .. } => *min,
            AmountRule::Tiered(tiers) => {
                tiers.iter().find(|t| holds(&t.condition, answers)).map_or(Decimal::MIN, |t| t.value)
            }
            AmountRule::Sum(parts) => parts
                .iter()
                .filter(|p| p.condition.as_ref().is_none_or(|c| holds(c, answers)))
                .map(|p| {
                    let per_unit = p.per_unit.as_ref().map_or(Decimal::ZERO, |u| {
                        let n = match answers.get(u.units) {
                            Some(Answer::Integer(n)) => *n,
                            _ => 0,
                        };
                        let n = match u.cap {
                            Some(Cap::Units(cap)) => n.min(cap),
                            _ => n,
                        };
                        u.value * Decimal::from(n)
                    });
                    p.value + per_unit
                })
                .sum(),
        }),
        Benefit::Place(place) => Got::Start(
            place
                .starts
                .iter()
                .position(|s| s.condition.as_ref().is_none_or(|c| holds(c, answers)))
                .unwrap_or(usize::MAX),
        ),
    }
}

/// Every completion of `answers` with its outcome, and for each unanswered question,
/// whether changing its answer alone ever changes the outcome.
fn brute_force(programme: &Programme, answers: &Answers) -> (Vec<Got>, BTreeSet<usize>) {
    let open: Vec<usize> = (0..programme.questions.len()).filter(|q| !answers.is_answered(*q)).collect();
    let domains: Vec<Vec<Answer>> = open.iter().map(|q| dense(&programme.questions[*q].kind)).collect();
    let count: usize = domains.iter().map(Vec::len).product();
    let mut outcomes = Vec::with_capacity(count);
    let mut work = answers.clone();
    for index in 0..count {
        let mut rest = index;
        for (q, domain) in open.iter().zip(&domains) {
            work.set(*q, domain.get(rest % domain.len()).cloned());
            rest /= domain.len();
        }
        outcomes.push(outcome(programme, &work));
    }
    let mut relevant = BTreeSet::new();
    let mut stride = 1;
    for (q, domain) in open.iter().zip(&domains) {
        let radix = domain.len();
        let differs = (0..count)
            .filter(|i| (i / stride) % radix == 0)
            .any(|i| (1..radix).any(|k| outcomes[i + k * stride] != outcomes[i]));
        if differs {
            relevant.insert(*q);
        }
        stride *= radix;
    }
    (outcomes, relevant)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// The engine's verdict, benefit and questions worth asking are the oracle's.
    #[test]
    fn evaluation_is_exact(programme in pack(), picks in prop::collection::vec(prop::option::of(0usize..41), 3)) {
        let answers = some_answers(&programme, &picks);
        let verdict = evaluate(&programme, &answers);
        let (outcomes, relevant) = brute_force(&programme, &answers);
        let eligible: Vec<&Got> = outcomes.iter().filter(|o| **o != Got::Out).collect();
        let status = match (eligible.len(), outcomes.len()) {
            (0, _) => Status::NotEligible,
            (e, n) if e == n => Status::Eligible,
            _ => Status::Undetermined,
        };
        prop_assert_eq!(verdict.status, status);
        prop_assert_eq!(&verdict.open_questions.iter().copied().collect::<BTreeSet<_>>(), &relevant, "the questions worth asking");
        prop_assert_eq!(verdict.next_question, relevant.first().copied());
        match (&verdict.benefit, status) {
            (None, Status::NotEligible) => {}
            (Some(BenefitOutlook::Money { min, max }), _) => {
                let amounts: Vec<Decimal> = eligible.iter().filter_map(|o| match o { Got::Money(m) => Some(*m), _ => None }).collect();
                prop_assert_eq!(Some(*min), amounts.iter().min().copied());
                prop_assert_eq!(*max, amounts.iter().max().copied());
            }
            (Some(BenefitOutlook::Place { starts }), _) => {
                let possible: BTreeSet<usize> = eligible.iter().filter_map(|o| match o { Got::Start(s) => Some(*s), _ => None }).collect();
                prop_assert_eq!(starts.iter().copied().collect::<BTreeSet<_>>(), possible);
            }
            (other, _) => prop_assert!(false, "benefit {:?} with status {:?}", other, status),
        }
    }

    /// With every answer given, each change offered is true for every answer it names,
    /// and none is missed: another option that gives another verdict or benefit is
    /// offered, and so is, each way, the nearest number that does (another verdict, for
    /// a count that a per-unit amount multiplies).
    #[test]
    fn changes_are_true_and_none_is_missed(programme in pack(), picks in prop::collection::vec(0usize..41, 3)) {
        let answers = some_answers(&programme, &picks.iter().map(|p| Some(*p)).collect::<Vec<_>>());
        let now = outcome(&programme, &answers);
        let changes = changes(&programme, &answers, |status| status);
        let counted = |q: usize| matches!(&programme.benefit, Benefit::Money(Amount { rule: AmountRule::Sum(parts), .. })
            if parts.iter().any(|p| p.per_unit.as_ref().is_some_and(|u| u.units == q)));
        let got = |change: &Change| match (change.status, &change.benefit) {
            (Status::NotEligible, None) => Some((Got::Out, Got::Out)),
            (Status::Eligible, Some(BenefitOutlook::Money { min, max })) => Some((Got::Money(*min), Got::Money(max.unwrap_or(Decimal::MAX)))),
            (Status::Eligible, Some(BenefitOutlook::Place { starts })) if starts.len() == 1 => Some((Got::Start(starts[0]), Got::Start(starts[0]))),
            _ => None,
        };
        let within = |o: &Got, (low, high): &(Got, Got)| match (o, low, high) {
            (Got::Money(m), Got::Money(a), Got::Money(b)) => a <= m && m <= b,
            _ => o == low && o == high,
        };
        for (q, question) in programme.questions.iter().enumerate() {
            let mut work = answers.clone();
            let mut with = |answer: &Answer| { work.set(q, Some(*answer)); outcome(&programme, &work) };
            let offered: Vec<&Change> = changes.iter().filter(|c| c.question == q).collect();
            // True: every answer a change names gives what it says.
            for change in &offered {
                let expected = got(change).ok_or_else(|| TestCaseError::fail(format!("not a final verdict: {change:?}")))?;
                let named: Vec<Answer> = dense(&question.kind).into_iter().filter(|a| match (&change.to, a.number()) {
                    (Alternative::Answer(other), _) => other == a,
                    (Alternative::Between { low, high }, Some(n)) => {
                        low.is_none_or(|e| n > e.value || (e.included && n == e.value)) && high.is_none_or(|e| n < e.value || (e.included && n == e.value))
                    }
                    _ => false,
                }).collect();
                prop_assert!(!named.is_empty(), "a change naming no answer: {:?}", change);
                for answer in named {
                    let o = with(&answer);
                    prop_assert!(within(&o, &expected), "{:?} gives {:?}, not {:?}", answer, o, change);
                }
            }
            // None missed: the nearest other outcome each way is named by a change.
            let given = answers.get(q).cloned();
            let differs = |o: &Got| match counted(q) {
                true => (*o == Got::Out) != (now == Got::Out),
                false => *o != now,
            };
            let named = |a: &Answer| offered.iter().any(|c| match (&c.to, a.number()) {
                (Alternative::Answer(other), _) => other == a,
                (Alternative::Between { low, high }, Some(n)) => {
                    low.is_none_or(|e| n > e.value || (e.included && n == e.value)) && high.is_none_or(|e| n < e.value || (e.included && n == e.value))
                }
                _ => false,
            });
            let domain = dense(&question.kind);
            match given.as_ref().and_then(Answer::number) {
                None => for other in domain.iter().filter(|a| Some(*a) != given.as_ref()) {
                    if differs(&with(other)) {
                        prop_assert!(named(other), "{:?} for q{} is missed", other, q);
                    }
                },
                Some(value) => {
                    let above = domain.iter().filter(|a| a.number().is_some_and(|n| n > value)).find(|a| differs(&with(a)));
                    let below = domain.iter().rev().filter(|a| a.number().is_some_and(|n| n < value)).find(|a| differs(&with(a)));
                    for nearest in above.into_iter().chain(below) {
                        prop_assert!(named(nearest), "{:?} for q{} is missed", nearest, q);
                    }
                }
            }
        }
    }

    /// With some answers missing (the form stops at the first no), each change offered
    /// gives, for every answer it names, the verdict the engine gives (itself checked
    /// against the oracle above): a final one other than now's, or from a no one that
    /// other answers could still make a yes; and none nearer is missed.
    #[test]
    fn changes_with_answers_missing_are_what_the_engine_says(programme in pack(), picks in prop::collection::vec(prop::option::of(0usize..41), 3)) {
        let answers = some_answers(&programme, &picks);
        let verdict = |answers: &Answers| { let v = evaluate(&programme, answers); (v.status, v.benefit) };
        let now = verdict(&answers);
        let flips = |o: &(Status, Option<BenefitOutlook>)| (o.0.is_final() || now.0 == Status::NotEligible) && *o != now;
        let changes = changes(&programme, &answers, |status| status);
        for (q, question) in programme.questions.iter().enumerate() {
            let Some(given) = answers.get(q).cloned() else { continue };
            let counted = eligibility::engine::counted(&programme, q);
            let mut work = answers.clone();
            let mut with = |answer: &Answer| { work.set(q, Some(*answer)); verdict(&work) };
            let names = |change: &Change, a: &Answer| match (&change.to, a.number()) {
                (Alternative::Answer(other), _) => other == a,
                (Alternative::Between { low, high }, Some(n)) => {
                    low.is_none_or(|e| n > e.value || (e.included && n == e.value)) && high.is_none_or(|e| n < e.value || (e.included && n == e.value))
                }
                _ => false,
            };
            let offered: Vec<&Change> = changes.iter().filter(|c| c.question == q).collect();
            for change in &offered {
                prop_assert!(flips(&(change.status, change.benefit.clone())), "not a flip: {:?} from {:?}", change, now);
                for answer in dense(&question.kind).iter().filter(|a| names(change, a)) {
                    let got = with(answer);
                    prop_assert_eq!(got.0, change.status, "{:?} for q{}", answer, q);
                    if !counted {
                        prop_assert_eq!(&got.1, &change.benefit, "{:?} for q{}", answer, q);
                    }
                }
            }
            let domain = dense(&question.kind);
            let differs = |o: &(Status, Option<BenefitOutlook>)| match counted {
                true => (o.0.is_final() || now.0 == Status::NotEligible) && o.0 != now.0,
                false => flips(o),
            };
            let nearest: Vec<&Answer> = match given.number() {
                None => domain.iter().filter(|a| **a != given).filter(|a| differs(&with(a))).collect(),
                Some(value) => {
                    let above = domain.iter().filter(|a| a.number().is_some_and(|n| n > value)).find(|a| differs(&with(a)));
                    let below = domain.iter().rev().filter(|a| a.number().is_some_and(|n| n < value)).find(|a| differs(&with(a)));
                    above.into_iter().chain(below).collect()
                }
            };
            for answer in nearest {
                prop_assert!(offered.iter().any(|c| names(c, answer)), "{:?} for q{} is missed", answer, q);
            }
        }
    }

    /// Three-valued logic, the fallback for rules too large to analyse, is never
    /// wrong: its final statuses are final, its benefit holds the exact one, and it
    /// never skips a question worth asking.
    #[test]
    fn the_fallback_is_safe(programme in pack(), picks in prop::collection::vec(prop::option::of(0usize..41), 3)) {
        let answers = some_answers(&programme, &picks);
        let exact = evaluate(&programme, &answers);
        let quick = evaluate_three_valued(&programme, &answers);
        if quick.status.is_final() {
            prop_assert_eq!(quick.status, exact.status);
        }
        if exact.status != Status::NotEligible {
            prop_assert!(exact.open_questions.is_subset(&quick.open_questions));
        }
        if let (Some(BenefitOutlook::Money { min: qmin, max: qmax }), Some(BenefitOutlook::Money { min, max })) = (&quick.benefit, &exact.benefit) {
            prop_assert!(qmin <= min && qmax.is_none_or(|q| max.is_some_and(|m| m <= q)));
        }
    }

    /// In a form of two programmes over the same questions, the next question can
    /// change one of them, and is the one that can change the most.
    #[test]
    fn a_form_asks_what_settles_the_most(first in pack(), criteria in prop::collection::vec(any::<u32>(), 1..=2),
                                         picks in prop::collection::vec(prop::option::of(0usize..41), 3)) {
        let kinds: Vec<Kind> = first.questions.iter().map(|q| match q.kind {
            QuestionKind::YesNo => Kind::YesNo,
            QuestionKind::Choice(_) => Kind::Choice,
            QuestionKind::Integer { .. } => Kind::Integer,
            QuestionKind::Money { .. } => Kind::Money,
        }).collect();
        let conditions = criteria.iter().map(|seed| leaf(*seed as usize % kinds.len(), &kinds[*seed as usize % kinds.len()], *seed)).collect();
        let second = programme("second", &kinds, conditions, Benefit::Money(Amount { currency: "EUR".into(), rule: AmountRule::Fixed(Decimal::ONE) }));
        let form = Form::new(vec![&first, &second]);
        let inputs: Vec<(String, AnswerInput)> = first.questions.iter().zip(&picks).filter_map(|(q, pick)| {
            let domain = dense(&q.kind);
            let answer = *domain.get((*pick)? % domain.len())?;
            let input = match answer {
                Answer::YesNo(b) => AnswerInput::Bool(b),
                Answer::Choice(o) => AnswerInput::Text(["a", "b", "c"][o].into()),
                Answer::Integer(n) => AnswerInput::Number(n.to_string()),
                Answer::Money(m) => AnswerInput::Number(m.to_string()),
            };
            Some((q.id.clone(), input))
        }).collect();
        let answers = form.answers(inputs.iter().map(|(q, a)| (q.as_str(), a.clone()))).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let outcomes = form.evaluate(&answers);
        let counts: Vec<usize> = form.questions().map(|q| {
            outcomes.iter().filter(|o| o.verdict.programme.question(&q.id).is_some_and(|(i, _)| o.verdict.open_questions.contains(&i))).count()
        }).collect();
        match form.next_question(&answers, &outcomes) {
            Some(next) => {
                prop_assert!(counts[next] > 0);
                prop_assert_eq!(counts[next], counts.iter().copied().max().unwrap_or_default());
            }
            None => prop_assert!(counts.iter().all(|c| *c == 0)),
        }
    }
}

// ---------------------------------------------------------------- the shipped packs

/// Any input at all: the wrong types, odd numbers, long strings.
fn any_input() -> impl Strategy<Value = AnswerInput> {
    prop_oneof![
        Just(AnswerInput::Missing),
        any::<bool>().prop_map(AnswerInput::Bool),
        any::<i64>().prop_map(|n| AnswerInput::Number(n.to_string())),
        "-?[0-9]{1,30}(\\.[0-9]{1,30})?(e-?[0-9]{1,3})?".prop_map(AnswerInput::Number),
        ".{0,20}".prop_map(AnswerInput::Text),
        prop::sample::select(vec!["artist", "technician", "other", "fr", "gb", ""])
            .prop_map(|s| AnswerInput::Text(s.into())),
    ]
}

/// Valid answers for some of a programme's questions, in any order.
fn answers_for(programme: &Programme, pairs: &[(usize, usize)]) -> Answers {
    let mut answers = Answers::none(programme);
    for (q, pick) in pairs {
        if let Some(question) = programme.questions.get(*q) {
            let input = match &question.kind {
                QuestionKind::YesNo => AnswerInput::Bool(pick % 2 == 0),
                QuestionKind::Choice(options) => {
                    AnswerInput::Text(options.get(pick % options.len()).map(|o| o.id.clone()).unwrap_or_default())
                }
                QuestionKind::Integer { .. } => AnswerInput::Number((pick % 50).to_string()),
                QuestionKind::Money { .. } => AnswerInput::Number(format!("{}.{:02}", pick * 37 % 30_000, pick % 100)),
            };
            if let Ok(answer) = check(question, &input) {
                answers.set(*q, answer);
            }
        }
    }
    answers
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn evaluation_never_panics(inputs in prop::collection::vec(("[a-z_]{1,30}", any_input()), 0..10),
                               named in prop::collection::vec((0usize..8, any_input()), 0..10)) {
        let form = Form::new(catalogue::programmes().iter().collect());
        let ids: Vec<String> = form.questions().map(|q| q.id.clone()).collect();
        let named = named.iter().filter_map(|(q, input)| ids.get(*q).map(|id| (id.as_str(), input.clone())));
        let all = inputs.iter().map(|(q, input)| (q.as_str(), input.clone())).chain(named);
        if let Ok(answers) = form.answers(all) {
            let outcomes = form.evaluate(&answers);
            prop_assert_eq!(outcomes.len(), catalogue::programmes().len());
        }
    }

    #[test]
    fn a_final_verdict_stays_final(which in 0usize..4, before in prop::collection::vec((0usize..8, 0usize..1000), 0..8),
                                   more in prop::collection::vec((0usize..8, 0usize..1000), 0..8)) {
        let Some(programme) = catalogue::programmes().get(which) else { return Ok(()) };
        let first = answers_for(programme, &before);
        let verdict = evaluate(programme, &first);
        let mut combined = before.clone();
        // Only new answers: answers already given are kept as they were.
        combined.extend(more.into_iter().filter(|(q, _)| !first.is_answered(*q)));
        let later = evaluate(programme, &answers_for(programme, &combined));
        if verdict.status.is_final() {
            prop_assert_eq!(later.status, verdict.status);
        }
        if verdict.status == Status::NotEligible {
            prop_assert!(later.next_question.is_none() && later.benefit.is_none());
        }
        // The amount only narrows: a later range lies inside the earlier one.
        if let (Some(BenefitOutlook::Money { min, max }), Some(BenefitOutlook::Money { min: lmin, max: lmax })) = (&verdict.benefit, &later.benefit) {
            prop_assert!(min <= lmin);
            prop_assert!(max.is_none_or(|m| lmax.is_some_and(|l| l <= m)));
        }
    }
}
