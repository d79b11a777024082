//! The condition language of rule packs, made for rule authors rather than programmers:
//!
//! ```text
//! profession in [artist, technician]
//! rights_not_renewed_since_2020 or no_rights_opened_2019
//! days_worked >= 12 and not works_on_netflix_production
//! annual_resources <= 15000
//! ```
//!
//! A yes/no question alone means "answered yes"; `q = yes` and `q = no` say it in
//! full. Choice questions compare with `=`, `!=`, `in [..]` and `not in [..]`;
//! whole numbers and money with `=`, `!=`, `<`, `<=`, `>`, `>=` and an exact decimal.
//! `and` binds tighter than `or`; `not` tighter than both; parentheses group, at
//! most 64 levels deep (`not` counting as a level). Numbers are read exactly
//! (`15000.50`, `1.5e4`, `1e-3`) or refused, never rounded.

use crate::sort::Set;

use rust_decimal::Decimal;

use super::{Question, QuestionIndex, QuestionKind};
use crate::money::{read_decimal, DecimalError};

/// A condition over a programme's answers, with every reference resolved.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(#[cfg_attr(feature = "bake", serde(serialize_with = "crate::bake::boxed"))] Box<Condition>),
    /// A yes/no question answered yes.
    IsYes(QuestionIndex),
    /// A choice question answered with one of these options (indices into its options).
    OneOf(QuestionIndex, Vec<usize>),
    /// A whole-number or money answer compared with a constant.
    Compare(
        QuestionIndex,
        Comparison,
        #[cfg_attr(feature = "bake", serde(serialize_with = "crate::bake::decimal"))] Decimal,
    ),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub enum Comparison {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Comparison {
    pub fn holds(self, left: Decimal, right: Decimal) -> bool {
        // One comparison, its order read in a table: a nibble per comparison, in the
        // order of the variants, whose bits 0, 1 and 2 say whether it holds for less,
        // equal and greater. Each operator was a call of its own, and the match a branch.
        let order = left.cmp(&right) as i32 + 1;
        0x0064_3152_u32 >> (self as u32 * 4 + order as u32) & 1 != 0
    }
}

impl Condition {
    /// Adds every question the condition reads to `out`.
    pub fn collect_questions(&self, out: &mut Set<QuestionIndex>) {
        match self {
            Condition::All(items) | Condition::Any(items) => items.iter().for_each(|c| c.collect_questions(out)),
            Condition::Not(inner) => inner.collect_questions(out),
            Condition::IsYes(q) | Condition::OneOf(q, _) | Condition::Compare(q, _, _) => {
                out.insert(*q);
            }
        }
    }

    /// Adds every numeric constant compared with question `q` to `out`.
    pub fn collect_constants(&self, q: QuestionIndex, out: &mut Vec<Decimal>) {
        match self {
            Condition::All(items) | Condition::Any(items) => items.iter().for_each(|c| c.collect_constants(q, out)),
            Condition::Not(inner) => inner.collect_constants(q, out),
            Condition::Compare(question, _, value) if *question == q => out.push(*value),
            _ => {}
        }
    }
}

/// The words of a condition that may be question ids, even when it does not parse:
/// what a rule author meant to read, for the check that every question is read.
pub fn mentioned_words(text: &str) -> Vec<String> {
    lex(text)
        .map(|tokens| {
            tokens
                .into_iter()
                .filter_map(|t| match t.kind {
                    TokenKind::Word(w) if !KEYWORDS.contains(&w.as_str()) => Some(w),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A problem in a condition: a byte offset into the condition text and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    pub offset: usize,
    pub message: String,
}

/// Parses `text` and resolves it against `questions`, reporting every problem found.
pub fn parse(text: &str, questions: &[Question]) -> Result<Condition, Vec<ConditionError>> {
    let tokens = lex(text).map_err(|e| vec![e])?;
    let mut parser = Parser { tokens, position: 0, depth: 0, end: text.len(), questions, errors: Vec::new() };
    let condition = parser.or();
    // After an error the parser stops where it was, not at the end of a condition:
    // what follows is not "after the end", and saying so would only add noise.
    if let Some(token) = parser.peek().filter(|_| condition.is_some()) {
        let offset = token.offset;
        parser.error(offset, format!("unexpected {} after the end of the condition", token.kind.describe()));
    }
    match (condition, parser.errors.is_empty()) {
        (Some(condition), true) => Ok(condition),
        _ if parser.errors.is_empty() => Err(vec![ConditionError { offset: 0, message: "empty condition".into() }]),
        _ => Err(parser.errors),
    }
}

#[derive(Debug, Clone, PartialEq)]
enum TokenKind {
    Word(String),
    Number(String),
    Op(Comparison),
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
}

impl TokenKind {
    fn describe(&self) -> String {
        match self {
            TokenKind::Word(w) => format!("`{w}`"),
            TokenKind::Number(n) => format!("number `{n}`"),
            TokenKind::Op(_) => "comparison".into(),
            TokenKind::LeftParen => "`(`".into(),
            TokenKind::RightParen => "`)`".into(),
            TokenKind::LeftBracket => "`[`".into(),
            TokenKind::RightBracket => "`]`".into(),
            TokenKind::Comma => "`,`".into(),
        }
    }
}

#[derive(Debug, Clone)]
struct Token {
    kind: TokenKind,
    offset: usize,
}

fn lex(text: &str) -> Result<Vec<Token>, ConditionError> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let kind = match c {
            c if c.is_whitespace() => continue,
            '(' => TokenKind::LeftParen,
            ')' => TokenKind::RightParen,
            '[' => TokenKind::LeftBracket,
            ']' => TokenKind::RightBracket,
            ',' => TokenKind::Comma,
            '=' => match chars.peek() {
                Some(&(_, turned @ ('>' | '<'))) => {
                    let message = format!("`={turned}` is not a comparison: write `{turned}=`");
                    return Err(ConditionError { offset, message });
                }
                _ => TokenKind::Op(Comparison::Eq),
            },
            '!' if chars.next_if(|&(_, c)| c == '=').is_some() => TokenKind::Op(Comparison::Ne),
            '<' if chars.next_if(|&(_, c)| c == '=').is_some() => TokenKind::Op(Comparison::Le),
            '>' if chars.next_if(|&(_, c)| c == '=').is_some() => TokenKind::Op(Comparison::Ge),
            '<' => TokenKind::Op(Comparison::Lt),
            '>' => TokenKind::Op(Comparison::Gt),
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' => {
                let number = c.is_ascii_digit() || c == '-' || c == '.';
                let mut word = String::from(c);
                loop {
                    // In a number, a sign right after `e` is the exponent's: `1e-3`.
                    let exponent_sign = number && word.ends_with(['e', 'E']);
                    let Some((_, next)) = chars.next_if(|&(_, n)| {
                        n.is_ascii_alphanumeric() || n == '_' || n == '.' || (exponent_sign && (n == '-' || n == '+'))
                    }) else {
                        break;
                    };
                    word.push(next);
                }
                if number {
                    TokenKind::Number(word)
                } else {
                    TokenKind::Word(word)
                }
            }
            other => {
                return Err(ConditionError { offset, message: format!("unexpected character `{other}`") });
            }
        };
        tokens.push(Token { kind, offset });
    }
    Ok(tokens)
}

/// How deep parentheses and `not` may nest. The parser, and every walk of a
/// condition after it (the engine's too, in the widget), recurses once per level:
/// without a bound, 100,000 `(` overflow the stack, an abort rather than an error.
const MAX_NESTING: usize = 64;

struct Parser<'a> {
    tokens: Vec<Token>,
    position: usize,
    /// Parentheses and `not` open around the current token.
    depth: usize,
    end: usize,
    questions: &'a [Question],
    errors: Vec<ConditionError>,
}

const KEYWORDS: [&str; 6] = ["and", "or", "not", "in", "yes", "no"];

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.position)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.position).cloned();
        self.position += 1;
        token
    }

    fn at_word(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Token { kind: TokenKind::Word(w), .. }) if w == word)
    }

    fn here(&self) -> usize {
        self.peek().map_or(self.end, |t| t.offset)
    }

    fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.errors.push(ConditionError { offset, message: message.into() });
    }

    fn or(&mut self) -> Option<Condition> {
        let mut items = vec![self.and()?];
        while self.at_word("or") {
            self.next();
            items.push(self.and()?);
        }
        Some(join(items, Condition::Any))
    }

    fn and(&mut self) -> Option<Condition> {
        let mut items = vec![self.unary()?];
        while self.at_word("and") {
            self.next();
            items.push(self.unary()?);
        }
        Some(join(items, Condition::All))
    }

    /// Parses one level deeper with `parse`, or refuses at `offset` beyond
    /// `MAX_NESTING`.
    fn nested(&mut self, offset: usize, parse: fn(&mut Self) -> Option<Condition>) -> Option<Condition> {
        if self.depth >= MAX_NESTING {
            self.error(offset, format!("conditions nest too deeply (more than {MAX_NESTING} levels)"));
            return None;
        }
        self.depth += 1;
        let inner = parse(self);
        self.depth -= 1;
        inner
    }

    fn unary(&mut self) -> Option<Condition> {
        let offset = self.here();
        if self.at_word("not") {
            self.next();
            let inner = self.nested(offset, Self::unary)?;
            return Some(Condition::Not(Box::new(inner)));
        }
        match self.next().map(|t| t.kind) {
            Some(TokenKind::LeftParen) => {
                let inner = self.nested(offset, Self::or)?;
                match self.next().map(|t| t.kind) {
                    Some(TokenKind::RightParen) => Some(inner),
                    _ => {
                        self.error(offset, "this `(` is never closed");
                        None
                    }
                }
            }
            // After a problem in one comparison, an empty `All` stands in for it so
            // that the rest of the condition is still read and checked.
            Some(TokenKind::Word(word)) if !KEYWORDS.contains(&word.as_str()) => {
                Some(self.comparison(word, offset).unwrap_or(Condition::All(Vec::new())))
            }
            Some(kind) => {
                self.error(offset, format!("expected a question id, found {}", kind.describe()));
                None
            }
            None => {
                self.error(offset, "expected a question id, found the end of the condition");
                None
            }
        }
    }

    fn comparison(&mut self, id: String, offset: usize) -> Option<Condition> {
        let Some((index, question)) = self.questions.iter().enumerate().find(|(_, q)| q.id == id) else {
            self.error(offset, format!("unknown question `{id}`"));
            self.skip_operand();
            return None;
        };
        let kind = question.kind.clone();
        let negated_in = self.at_word("not")
            && matches!(self.tokens.get(self.position + 1), Some(Token { kind: TokenKind::Word(w), .. }) if w == "in");
        if negated_in {
            self.next();
        }
        if self.at_word("in") {
            let in_offset = self.here();
            self.next();
            let options = self.option_list(&id, &kind, in_offset)?;
            let condition = Condition::OneOf(index, options);
            return Some(if negated_in { Condition::Not(Box::new(condition)) } else { condition });
        }
        let op = match self.peek().map(|t| &t.kind) {
            Some(TokenKind::Op(op)) => *op,
            _ => {
                return match kind {
                    QuestionKind::YesNo => Some(Condition::IsYes(index)),
                    _ => {
                        self.error(offset, format!("`{id}` is {} question: compare it with a value", kind.described()));
                        None
                    }
                };
            }
        };
        self.next();
        let value_offset = self.here();
        let value = match self.next().map(|t| t.kind) {
            Some(TokenKind::Word(w)) | Some(TokenKind::Number(w)) => w,
            _ => {
                self.error(value_offset, "expected a value after the comparison");
                return None;
            }
        };
        match kind {
            QuestionKind::YesNo => {
                if !matches!(op, Comparison::Eq | Comparison::Ne) {
                    self.error(offset, format!("`{id}` is a yes/no question: only `=` and `!=` apply"));
                    return None;
                }
                let yes = match value.as_str() {
                    "yes" => true,
                    "no" => false,
                    _ => {
                        self.error(
                            value_offset,
                            format!("`{id}` is a yes/no question: compare it with `yes` or `no`, not `{value}`"),
                        );
                        return None;
                    }
                };
                let is_yes = Condition::IsYes(index);
                Some(if yes == (op == Comparison::Eq) { is_yes } else { Condition::Not(Box::new(is_yes)) })
            }
            QuestionKind::Choice(ref choices) => {
                let Some(option) = choices.iter().position(|c| c.id == value) else {
                    self.error(value_offset, unknown_option(&id, &value, choices));
                    return None;
                };
                let one_of = Condition::OneOf(index, vec![option]);
                match op {
                    Comparison::Eq => Some(one_of),
                    Comparison::Ne => Some(Condition::Not(Box::new(one_of))),
                    _ => {
                        self.error(offset, format!("`{id}` is a choice question: only `=`, `!=` and `in` apply"));
                        None
                    }
                }
            }
            QuestionKind::Integer { .. } | QuestionKind::Money { .. } => match read_decimal(&value) {
                Ok(number) => Some(Condition::Compare(index, op, number)),
                Err(DecimalError::TooPrecise) => {
                    self.error(value_offset, format!("`{value}` has more digits than can be held exactly"));
                    None
                }
                Err(DecimalError::NotANumber) => {
                    self.error(
                        value_offset,
                        format!("`{id}` is {} question: compare it with a number, not `{value}`", kind.described()),
                    );
                    None
                }
            },
        }
    }

    fn option_list(&mut self, id: &str, kind: &QuestionKind, in_offset: usize) -> Option<Vec<usize>> {
        let QuestionKind::Choice(choices) = kind else {
            self.error(in_offset, format!("`{id}` is {} question: `in` applies to choice questions", kind.described()));
            self.skip_operand();
            return None;
        };
        let open = self.here();
        if !matches!(self.next().map(|t| t.kind), Some(TokenKind::LeftBracket)) {
            self.error(open, "expected `[` to start the list of options");
            return None;
        }
        let mut options = Vec::new();
        loop {
            let offset = self.here();
            match self.next().map(|t| t.kind) {
                Some(TokenKind::Word(option)) => match choices.iter().position(|c| c.id == option) {
                    Some(i) => options.push(i),
                    None => self.error(offset, unknown_option(id, &option, choices)),
                },
                _ => {
                    self.error(offset, "expected an option id in the list");
                    return None;
                }
            }
            let offset = self.here();
            match self.next().map(|t| t.kind) {
                Some(TokenKind::Comma) => continue,
                Some(TokenKind::RightBracket) => break,
                _ => {
                    self.error(offset, "expected `,` or `]` in the list of options");
                    return None;
                }
            }
        }
        Some(options)
    }

    /// After an error on a question, skips what would have been compared with it so
    /// that later, independent problems are still reported.
    fn skip_operand(&mut self) {
        if self.at_word("not") || self.at_word("in") {
            self.next();
        }
        if self.at_word("in") {
            self.next();
        }
        match self.peek().map(|t| &t.kind) {
            Some(TokenKind::Op(_)) => {
                self.next();
                self.next();
            }
            Some(TokenKind::LeftBracket) => {
                while let Some(token) = self.next() {
                    if token.kind == TokenKind::RightBracket {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
}

/// One item stands alone; several are combined by `combine`.
fn join(mut items: Vec<Condition>, combine: fn(Vec<Condition>) -> Condition) -> Condition {
    match (items.pop(), items.is_empty()) {
        (Some(only), true) => only,
        (Some(last), false) => {
            items.push(last);
            combine(items)
        }
        (None, _) => combine(items),
    }
}

fn unknown_option(id: &str, option: &str, choices: &[super::Choice]) -> String {
    let known: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
    format!("`{option}` is not an option of `{id}` (options: {})", known.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Text;
    use crate::pack::Choice;

    fn text() -> Text {
        Text { fr: "x".into(), en: "x".into() }
    }

    fn questions() -> Vec<Question> {
        let q = |id: &str, kind| Question { id: id.into(), label: text(), help: None, kind, fixed: false };
        let choice = |id: &str| Choice { id: id.into(), label: text() };
        vec![
            q("job", QuestionKind::Choice(vec![choice("artist"), choice("technician"), choice("other")])),
            q("renewed", QuestionKind::YesNo),
            q("days", QuestionKind::Integer { min: Some(0), max: Some(366) }),
            q("income", QuestionKind::Money { currency: "EUR".into(), min: None, max: None }),
        ]
    }

    fn dec(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn parses_the_forms_rule_authors_write() {
        let qs = questions();
        let cases = [
            ("job in [artist, technician]", Condition::OneOf(0, vec![0, 1])),
            ("job not in [other]", Condition::Not(Box::new(Condition::OneOf(0, vec![2])))),
            ("job != other", Condition::Not(Box::new(Condition::OneOf(0, vec![2])))),
            ("renewed", Condition::IsYes(1)),
            ("renewed = no", Condition::Not(Box::new(Condition::IsYes(1)))),
            ("days >= 12", Condition::Compare(2, Comparison::Ge, dec(12))),
            (
                "renewed or days < 12 and not income > 15000.5",
                Condition::Any(vec![
                    Condition::IsYes(1),
                    Condition::All(vec![
                        Condition::Compare(2, Comparison::Lt, dec(12)),
                        Condition::Not(Box::new(Condition::Compare(3, Comparison::Gt, Decimal::new(150005, 1)))),
                    ]),
                ]),
            ),
            (
                "(renewed or job = artist) and days > 0",
                Condition::All(vec![
                    Condition::Any(vec![Condition::IsYes(1), Condition::OneOf(0, vec![0])]),
                    Condition::Compare(2, Comparison::Gt, dec(0)),
                ]),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text, &qs), Ok(expected), "{text}");
        }
    }

    #[test]
    fn reports_every_problem_with_its_offset() {
        let qs = questions();
        let cases: [(&str, &[(usize, &str)]); 11] = [
            ("salary > 3 and jobb = artist", &[(0, "unknown question `salary`"), (15, "unknown question `jobb`")]),
            ("renewed > 3", &[(0, "only `=` and `!=` apply")]),
            ("renewed = 3", &[(10, "compare it with `yes` or `no`")]),
            ("job in [artist, dancer, mime]", &[(16, "`dancer` is not an option"), (24, "`mime` is not an option")]),
            ("days = many", &[(7, "compare it with a number")]),
            ("days", &[(0, "compare it with a value")]),
            ("(renewed", &[(0, "never closed")]),
            ("renewed renewed", &[(8, "unexpected `renewed`")]),
            ("days in [a]", &[(5, "`in` applies to choice questions")]),
            ("days => 10", &[(5, "`=>` is not a comparison: write `>=`")]),
            ("days =< 10", &[(5, "`=<` is not a comparison: write `<=`")]),
        ];
        for (text, expected) in cases {
            let errors = parse(text, &qs).err().unwrap_or_default();
            assert_eq!(errors.len(), expected.len(), "{text}: {errors:?}");
            for (error, (offset, message)) in errors.iter().zip(expected) {
                assert_eq!(error.offset, *offset, "{text}: {error:?}");
                assert!(error.message.contains(message), "{text}: {error:?}");
            }
        }
        assert!(parse("", &qs).is_err());
        assert!(parse("days ≥ 3", &qs).is_err());
    }

    /// Every error of `text` as (offset, message), checking that each offset is a
    /// place in `text` a caller can slice at.
    fn errors(text: &str) -> Vec<(usize, String)> {
        let errors = parse(text, &questions()).err().unwrap_or_default();
        for error in &errors {
            assert!(text.is_char_boundary(error.offset), "{text:?}: {error:?}");
        }
        errors.into_iter().map(|e| (e.offset, e.message)).collect()
    }

    const TOO_DEEP: &str = "conditions nest too deeply (more than 64 levels)";

    #[test]
    fn nesting_is_bounded_and_refused_with_its_place() {
        let deep_parens = "(".repeat(100_000);
        assert_eq!(errors(&deep_parens), [(64, TOO_DEEP.to_owned())]);
        let balanced = format!("{}renewed{}", "(".repeat(100_000), ")".repeat(100_000));
        assert_eq!(errors(&balanced), [(64, TOO_DEEP.to_owned())]);
        let nots = format!("{}renewed", "not ".repeat(100_000));
        assert_eq!(errors(&nots), [(64 * 4, TOO_DEEP.to_owned())]);
        let mixed = format!("{}renewed{}", "not (".repeat(33), ")".repeat(33));
        assert_eq!(errors(&mixed), [(32 * 5, TOO_DEEP.to_owned())]);

        let qs = questions();
        let parens = format!("{}renewed{}", "(".repeat(64), ")".repeat(64));
        assert_eq!(parse(&parens, &qs), Ok(Condition::IsYes(1)));
        let mut expected = Condition::IsYes(1);
        for _ in 0..64 {
            expected = Condition::Not(Box::new(expected));
        }
        let nots = format!("{}renewed", "not ".repeat(64));
        assert_eq!(parse(&nots, &qs), Ok(expected.clone()));
        let mixed = format!("{}renewed{}", "not (".repeat(32), ")".repeat(32));
        let mut expected = Condition::IsYes(1);
        for _ in 0..32 {
            expected = Condition::Not(Box::new(expected));
        }
        assert_eq!(parse(&mixed, &qs), Ok(expected));
        // Depth is what is open at once, not how many groups there are.
        let wide = vec!["(renewed)"; 1_000].join(" or ");
        assert!(parse(&wide, &qs).is_ok());
    }

    #[test]
    fn numbers_are_read_exactly_or_refused() {
        let qs = questions();
        let cases = [
            ("days >= 1.2e1", Comparison::Ge, "12"),
            ("income > 1.5e4", Comparison::Gt, "15000"),
            ("income > 15e-1", Comparison::Gt, "1.5"),
            ("income > 1E+2", Comparison::Gt, "100"),
            ("income <= 1.5000000000000000000000000001e4", Comparison::Le, "15000.000000000000000000000001"),
            ("income < -2.5", Comparison::Lt, "-2.5"),
        ];
        for (text, op, value) in cases {
            let value = Decimal::from_str_exact(value).unwrap_or_else(|e| panic!("{value}: {e}"));
            let index = if text.starts_with("days") { 2 } else { 3 };
            assert_eq!(parse(text, &qs), Ok(Condition::Compare(index, op, value)), "{text}");
        }
        let too_precise = [
            ("days >= 1.19999999999999999999999999999e1", 8),
            ("income <= 15000.000000000000000000000000001", 10),
            ("income > 1e-29", 9),
            ("income > 1e999999999", 9),
        ];
        for (text, offset) in too_precise {
            let value = text.get(offset..).unwrap_or_default();
            let message = format!("`{value}` has more digits than can be held exactly");
            assert_eq!(errors(text), [(offset, message)], "{text}");
        }
    }

    #[test]
    fn no_text_makes_the_lexer_or_parser_panic() {
        let odd = [
            "-",
            ".",
            "1e",
            "1e-",
            "e",
            "days > -",
            "days > .",
            "days > 1e",
            "days > 1e-",
            "days > --1",
            "days > 1e5-3",
            "days >= 99999999999999999999999999999999999999",
            "days >= 1e99999999999999999999",
            "(",
            ")",
            "[",
            "]",
            ",",
            "not",
            "not not",
            "job in [",
            "job in [artist",
            "job in [artist,",
            "job not",
            "job not in",
            "job in",
            "income",
            "income >",
            "renewed =",
            "renewed = maybe",
            "renewed and",
            "or",
            "é",
            "jöb = artist",
            "days >= 12 é",
            "days ≥ 3",
            "\u{0}",
            "(((é",
            "job in [é]",
            "salary > 3 and",
            "salary in [",
            "salary not in [a",
            "renewed or or renewed",
        ];
        for text in odd {
            errors(text);
        }
        // A cheap, seeded mix of the language's pieces, each parsed; the fuzz target
        // `condition` goes further.
        let pieces = [
            "(", ")", "not ", " and ", " or ", "days", "job", "renewed", "income", "salary", " in ", " not in ", "[",
            "]", ",", "artist", "=", "!=", "<=", ">", "1e", "-", ".", "5", "é", " ", "yes", "1.5e-3",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let piece = usize::try_from(seed % pieces.len() as u64).unwrap_or_default();
                text.push_str(pieces.get(piece).copied().unwrap_or_default());
            }
            seed = seed.wrapping_add(1);
            errors(&text);
        }
    }

    #[test]
    fn a_failed_part_is_not_reported_again_as_what_follows() {
        assert_eq!(errors("renewed and and days > 3"), [(12, "expected a question id, found `and`".to_owned())]);
        assert_eq!(errors("renewed renewed"), [(8, "unexpected `renewed` after the end of the condition".to_owned())]);
    }

    #[test]
    fn a_comparison_holds_as_its_operator_says() {
        // The table of `holds` against the operators, on values below, at and above.
        let values = [Decimal::new(-15, 1), Decimal::ZERO, Decimal::new(20, 1), Decimal::TWO, Decimal::MAX];
        for left in values {
            for right in values {
                let expected = [
                    (Comparison::Eq, left == right),
                    (Comparison::Ne, left != right),
                    (Comparison::Lt, left < right),
                    (Comparison::Le, left <= right),
                    (Comparison::Gt, left > right),
                    (Comparison::Ge, left >= right),
                ];
                for (comparison, holds) in expected {
                    assert_eq!(comparison.holds(left, right), holds, "{left} {comparison:?} {right}");
                }
            }
        }
    }
}
