//! Conditions written back in the pack language (`days_worked >= 12`), for reports
//! that rule authors read: coverage, diff, the page's "as written in the pack".

use crate::money::canonical;
use crate::pack::{Comparison, Condition, Question, QuestionKind};

/// The condition as a rule author would write it. Compiling the result against the
/// same questions gives the same condition back. Groups inside another group are in
/// parentheses, even where `and` binding tighter than `or` would do without.
pub fn written(condition: &Condition, questions: &[Question]) -> String {
    let group = |c: &Condition| matches!(c, Condition::All(_) | Condition::Any(_));
    match condition {
        Condition::All(items) => join(items, " and ", questions, group),
        Condition::Any(items) => join(items, " or ", questions, group),
        Condition::Not(inner) => match inner.as_ref() {
            Condition::OneOf(q, options) => match options.as_slice() {
                [one] => format!("{} != {}", question(questions, *q), option(questions, *q, *one)),
                _ => format!("{} not in [{}]", question(questions, *q), options_list(questions, *q, options)),
            },
            Condition::All(_) | Condition::Any(_) => format!("not ({})", written(inner, questions)),
            atom => format!("not {}", written(atom, questions)),
        },
        Condition::IsYes(q) => question(questions, *q).to_owned(),
        Condition::OneOf(q, options) => match options.as_slice() {
            [one] => format!("{} = {}", question(questions, *q), option(questions, *q, *one)),
            _ => format!("{} in [{}]", question(questions, *q), options_list(questions, *q, options)),
        },
        Condition::Compare(q, comparison, value) => {
            format!("{} {} {}", question(questions, *q), symbol(*comparison), canonical(*value))
        }
    }
}

/// `>=` for `Comparison::Ge`, as the pack language writes it.
pub fn symbol(comparison: Comparison) -> &'static str {
    match comparison {
        Comparison::Eq => "=",
        Comparison::Ne => "!=",
        Comparison::Lt => "<",
        Comparison::Le => "<=",
        Comparison::Gt => ">",
        Comparison::Ge => ">=",
    }
}

fn join(items: &[Condition], word: &str, questions: &[Question], grouped: impl Fn(&Condition) -> bool) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|item| {
            let text = written(item, questions);
            if grouped(item) {
                format!("({text})")
            } else {
                text
            }
        })
        .collect();
    parts.join(word)
}

/// A compiled condition only holds indices that exist; `?` stands in were one not to.
fn question(questions: &[Question], q: usize) -> &str {
    questions.get(q).map_or("?", |question| question.id.as_str())
}

fn option(questions: &[Question], q: usize, option: usize) -> &str {
    match questions.get(q).map(|question| &question.kind) {
        Some(QuestionKind::Choice(choices)) => choices.get(option).map_or("?", |c| c.id.as_str()),
        _ => "?",
    }
}

fn options_list(questions: &[Question], q: usize, options: &[usize]) -> String {
    let ids: Vec<&str> = options.iter().map(|o| option(questions, q, *o)).collect();
    ids.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;
    use crate::engine::domain::conditions;
    use crate::pack::parse_condition;

    #[test]
    fn every_shipped_condition_reads_back_as_itself() {
        let mut count = 0;
        for programme in catalogue::programmes() {
            for condition in conditions(programme) {
                let text = written(condition, &programme.questions);
                let parsed = parse_condition(&text, &programme.questions);
                assert_eq!(parsed.as_ref(), Ok(condition), "{}: {text}", programme.id);
                count += 1;
            }
        }
        assert!(count >= 10, "only {count} conditions");
    }

    #[test]
    fn groups_and_negations_are_written_so_that_they_parse_alike() {
        let Ok(programme) = catalogue::programme("audiens-fonds-solidarite-2020") else { panic!("no pack") };
        let questions = &programme.questions;
        let cases = [
            ("profession = artist and (building_rights_2019_2020 or end_of_rights_afd)", None),
            ("not (profession = artist and end_of_rights_afd)", None),
            ("profession not in [artist, technician]", None),
            ("profession != other", None),
            ("building_rights_2019_2020 = no", Some("not building_rights_2019_2020")),
            ("guso_cachets_cancelled >= 1.50", Some("guso_cachets_cancelled >= 1.5")),
            ("not not end_of_rights_afd", None),
        ];
        for (text, expected) in cases {
            let Ok(condition) = parse_condition(text, questions) else { panic!("{text} does not parse") };
            let again = written(&condition, questions);
            assert_eq!(again, expected.unwrap_or(text));
            assert_eq!(parse_condition(&again, questions), Ok(condition));
        }
    }
}
