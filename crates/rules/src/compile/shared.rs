//! Checks across packs: a question id means one thing in every pack that asks it, so
//! that a form of several programmes can ask it once; a country code names one
//! country; a programme id is used once.

use std::collections::HashMap;

use super::error::{PackError, PackErrors};
use crate::pack::{Programme, Question, QuestionKind};

/// A compiled pack, with its file and where (line, column) each question is defined.
#[derive(Debug, Clone)]
pub struct Located {
    pub programme: Programme,
    pub file: String,
    pub places: Vec<(usize, usize)>,
}

impl Located {
    fn error(&self, question: Option<usize>, message: String) -> PackError {
        let place = question.and_then(|q| self.places.get(q));
        PackError { pack: self.file.clone(), line: place.map(|p| p.0), column: place.map(|p| p.1), message }
    }

    fn place(&self, question: usize) -> String {
        match self.places.get(question) {
            Some((line, column)) => format!("{}:{line}:{column}", self.file),
            None => self.file.clone(),
        }
    }
}

/// Every disagreement between packs, each with both places.
pub fn check_shared(packs: &[Located]) -> Result<(), PackErrors> {
    let mut errors = Vec::new();
    let mut questions: HashMap<&str, (&Located, usize, &Question)> = HashMap::new();
    let mut countries: HashMap<&str, &Located> = HashMap::new();
    let mut ids: HashMap<&str, &Located> = HashMap::new();
    for pack in packs {
        let programme = &pack.programme;
        if let Some(first) = ids.insert(&programme.id, pack) {
            errors.push(pack.error(None, format!("programme id `{}` is also the id of {}", programme.id, first.file)));
        }
        let country = &programme.country;
        match countries.get(country.code.as_str()) {
            Some(first) if first.programme.country != *country => errors.push(pack.error(
                None,
                format!("country `{}` is named differently in {}: a code names one country", country.code, first.file),
            )),
            Some(_) => {}
            None => {
                countries.insert(&country.code, pack);
            }
        }
        for (index, question) in programme.questions.iter().enumerate() {
            match questions.get(question.id.as_str()) {
                None => {
                    questions.insert(&question.id, (pack, index, question));
                }
                Some((first, first_index, first_question)) => {
                    if let Some(difference) = difference(first_question, question) {
                        errors.push(pack.error(
                            Some(index),
                            format!(
                                "question `{}` has {difference} than at {}{}: a question id means one thing in every pack",
                                question.id,
                                first.place(*first_index),
                                labels(first_question, question),
                            ),
                        ));
                    }
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PackErrors(errors))
    }
}

/// Where two definitions differ only by their labels, both labels of the first language
/// that differs, so that the author sees which words to copy: ` ("…" there, "…" here)`.
fn labels(first: &Question, second: &Question) -> String {
    if first.kind != second.kind {
        return String::new();
    }
    let (there, here) = match (&first.label, &second.label) {
        (a, b) if a.fr != b.fr => (&a.fr, &b.fr),
        (a, b) => (&a.en, &b.en),
    };
    if there == here {
        return String::new();
    }
    format!(" ({there:?} there, {here:?} here)")
}

/// How two definitions of one question differ, in words; `None` if they agree. The
/// help may differ: it explains, it does not change what is asked.
fn difference(a: &Question, b: &Question) -> Option<&'static str> {
    match (&a.kind, &b.kind) {
        _ if a.kind.name() != b.kind.name() => Some("another type"),
        (QuestionKind::Choice(x), QuestionKind::Choice(y)) if x != y => Some("other options"),
        (QuestionKind::Money { currency: x, .. }, QuestionKind::Money { currency: y, .. }) if x != y => {
            Some("another currency")
        }
        _ if a.kind != b.kind => Some("other bounds"),
        _ if a.label != b.label => Some("another label"),
        _ if a.fixed != b.fixed => Some("another `fixed`"),
        _ => None,
    }
}
