//! Answers: what a visitor, a scenario file or a caller gives for each question,
//! checked against the question's type and bounds before the engine sees it.

use std::fmt;

use rust_decimal::Decimal;

use crate::money::{read_decimal, whole_number, DecimalError};
use crate::pack::{Programme, Question, QuestionIndex, QuestionKind};

/// The answer "I don't know", in every file, API and form control: a reserved word, so
/// that no option of a pack can mean anything else by it.
pub const UNKNOWN: &str = "unknown";

/// An answer as it arrives from JSON, TOML or JavaScript, before it is checked.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerInput {
    /// No answer: the question was not reached (JSON `null`, JS `undefined`).
    Missing,
    /// "I don't know" (the text `"unknown"`): the visitor saw the question and cannot
    /// say. The engine reads it as unanswered; a form does not ask it again.
    Unknown,
    Bool(bool),
    /// A number exactly as written, so that `15000.001` keeps every digit.
    Number(String),
    Text(String),
    /// Anything else (a list, an object, a TOML float), described for the error.
    Other(String),
}

impl fmt::Display for AnswerInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerInput::Missing => f.write_str("null"),
            AnswerInput::Unknown => write!(f, "\"{UNKNOWN}\""),
            AnswerInput::Bool(b) => write!(f, "{b}"),
            AnswerInput::Number(n) => f.write_str(n),
            AnswerInput::Text(t) => write!(f, "\"{t}\""),
            AnswerInput::Other(description) => f.write_str(description),
        }
    }
}

impl AnswerInput {
    /// A text answer: `"unknown"` is "I don't know", any other an option id or a number.
    pub fn text(text: &str) -> AnswerInput {
        match text {
            UNKNOWN => AnswerInput::Unknown,
            _ => AnswerInput::Text(text.to_owned()),
        }
    }
}

impl From<&serde_json::Value> for AnswerInput {
    fn from(value: &serde_json::Value) -> Self {
        match value {
            serde_json::Value::Null => AnswerInput::Missing,
            serde_json::Value::Bool(b) => AnswerInput::Bool(*b),
            serde_json::Value::Number(n) => AnswerInput::Number(n.to_string()),
            serde_json::Value::String(s) => AnswerInput::text(s),
            serde_json::Value::Array(_) => AnswerInput::Other("a list".into()),
            serde_json::Value::Object(_) => AnswerInput::Other("an object".into()),
        }
    }
}

impl From<&toml::Value> for AnswerInput {
    fn from(value: &toml::Value) -> Self {
        match value {
            toml::Value::Boolean(b) => AnswerInput::Bool(*b),
            toml::Value::Integer(i) => AnswerInput::Number(i.to_string()),
            toml::Value::String(s) => AnswerInput::text(s),
            toml::Value::Float(f) => {
                AnswerInput::Other(format!("the float {f} (write decimals in quotes, \"{f}\", to keep them exact)"))
            }
            other => AnswerInput::Other(format!("a TOML {}", other.type_str())),
        }
    }
}

/// A checked answer to one question. `Copy`, as each of its values is: copied where it
/// was cloned, with no clone of its own (nor of a list of them) in the WebAssembly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    YesNo(bool),
    /// The index of the chosen option in the question's options.
    Choice(usize),
    Integer(i64),
    Money(Decimal),
}

impl Answer {
    /// The answer as a number, for comparisons; `None` for yes/no and choices.
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Answer::Integer(n) => Some(Decimal::from(*n)),
            Answer::Money(m) => Some(*m),
            Answer::YesNo(_) | Answer::Choice(_) => None,
        }
    }
}

/// The answers known so far for one programme, one slot per question in its order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    slots: Vec<Option<Answer>>,
}

impl Answers {
    /// No answer yet to any of `programme`'s questions.
    pub fn none(programme: &Programme) -> Answers {
        Answers::with_slots(programme.questions.len())
    }

    /// No answer yet to `count` questions.
    pub fn with_slots(count: usize) -> Answers {
        // Pushed, not `vec![None; count]`, whose cloning fill is code of its own.
        let mut slots = Vec::with_capacity(count);
        for _ in 0..count {
            slots.push(None);
        }
        Answers { slots }
    }

    pub fn get(&self, question: QuestionIndex) -> Option<&Answer> {
        self.slots.get(question).and_then(Option::as_ref)
    }

    /// Sets or clears one answer; an index beyond the programme's questions is ignored.
    pub fn set(&mut self, question: QuestionIndex, answer: Option<Answer>) {
        if let Some(slot) = self.slots.get_mut(question) {
            *slot = answer;
        }
    }

    pub fn is_answered(&self, question: QuestionIndex) -> bool {
        self.get(question).is_some()
    }
}

/// Checks one input against its question: `Ok(None)` when there is no answer.
pub fn check(question: &Question, input: &AnswerInput) -> Result<Option<Answer>, AnswerError> {
    let error = |problem| AnswerError { question: question.id.clone(), problem };
    let wrong_type = || error(Problem::WrongType { expected: expected(&question.kind), got: input.to_string() });
    // A number too precise to hold is refused as such, not as "expects an amount".
    let read = |text: &String| match read_decimal(text) {
        Ok(value) => Ok(Some(value)),
        Err(DecimalError::TooPrecise) => Err(error(Problem::TooPrecise { got: text.clone() })),
        Err(DecimalError::NotANumber) => Ok(None),
    };
    let answer = match (&question.kind, input) {
        (_, AnswerInput::Missing | AnswerInput::Unknown) => return Ok(None),
        (QuestionKind::YesNo, AnswerInput::Bool(b)) => Answer::YesNo(*b),
        (QuestionKind::Choice(choices), AnswerInput::Text(option)) => {
            match choices.iter().position(|c| &c.id == option) {
                Some(index) => Answer::Choice(index),
                None => {
                    return Err(error(Problem::UnknownOption {
                        expected: expected(&question.kind),
                        got: option.clone(),
                    }))
                }
            }
        }
        (QuestionKind::Integer { min, max }, AnswerInput::Number(text) | AnswerInput::Text(text)) => {
            let whole = read(text)?.and_then(whole_number).ok_or_else(wrong_type)?;
            let below = min.is_some_and(|m| whole < m);
            let above = max.is_some_and(|m| whole > m);
            if below || above {
                return Err(error(Problem::OutOfBounds { expected: expected(&question.kind), got: text.clone() }));
            }
            Answer::Integer(whole)
        }
        (QuestionKind::Money { min, max, .. }, AnswerInput::Number(text) | AnswerInput::Text(text)) => {
            let value = read(text)?.ok_or_else(wrong_type)?;
            if min.is_some_and(|m| value < m) || max.is_some_and(|m| value > m) {
                return Err(error(Problem::OutOfBounds { expected: expected(&question.kind), got: text.clone() }));
            }
            Answer::Money(value)
        }
        _ => return Err(wrong_type()),
    };
    Ok(Some(answer))
}

/// What a question accepts, in the words of an error message.
fn expected(kind: &QuestionKind) -> String {
    fn bounds<T: fmt::Display>(min: &Option<T>, max: &Option<T>) -> String {
        match (min, max) {
            (Some(min), Some(max)) => format!(" from {min} to {max}"),
            (Some(min), None) => format!(", {min} or more"),
            (None, Some(max)) => format!(", {max} or less"),
            (None, None) => String::new(),
        }
    }
    match kind {
        QuestionKind::YesNo => "true or false".into(),
        QuestionKind::Choice(choices) => {
            let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
            format!("one of {}", ids.join(", "))
        }
        QuestionKind::Integer { min, max } => format!("a whole number{}", bounds(min, max)),
        QuestionKind::Money { currency, min, max } => format!("an amount in {currency}{}", bounds(min, max)),
    }
}

/// An answer that does not fit its question. Its message names the question and
/// what was expected, on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError {
    pub question: String,
    problem: Problem,
}

impl AnswerError {
    /// An answer to a question that none of `programmes` reads (`known` are those they read).
    pub fn unknown_question(id: &str, programmes: &[&str], known: &[&str]) -> AnswerError {
        let programmes: Vec<String> = programmes.iter().map(|p| format!("`{p}`")).collect();
        let programmes = match programmes.as_slice() {
            [one] => format!("programme {one}"),
            several => format!("programmes {}", crate::i18n::join(several, ", ")),
        };
        AnswerError {
            question: id.to_owned(),
            problem: Problem::UnknownQuestion { programmes, known: known.join(", ") },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    UnknownQuestion { programmes: String, known: String },
    WrongType { expected: String, got: String },
    OutOfBounds { expected: String, got: String },
    UnknownOption { expected: String, got: String },
    TooPrecise { got: String },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q = &self.question;
        match &self.problem {
            Problem::UnknownQuestion { programmes, known } => {
                write!(f, "unknown question `{q}` in {programmes} (questions: {known})")
            }
            Problem::WrongType { expected, got } => write!(f, "question `{q}` expects {expected}, got {got}"),
            Problem::OutOfBounds { expected, got } => {
                write!(f, "question `{q}` expects {expected}, got {got}, out of bounds")
            }
            Problem::UnknownOption { expected, got } => {
                write!(f, "question `{q}` has no option `{got}`: expected {expected}")
            }
            Problem::TooPrecise { got } => {
                write!(f, "question `{q}` got {got}, which has more digits than can be held exactly")
            }
        }
    }
}

impl std::error::Error for AnswerError {}
