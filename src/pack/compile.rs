//! Validation: a pack file becomes a `Programme`, or every problem found in it is
//! reported with its place. Nothing past this point checks a pack again.

use std::collections::HashSet;

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use super::condition::{self, Condition};
use super::date::{is_partial_date, Date};
use super::error::{Locator, PackError, PackErrors};
use super::file::{AmountFile, NumberFile, PackFile, QuestionFile, Spanned, TextFile};
use super::{
    tiers, Amount, AmountRule, Choice, Criterion, Programme, Question, QuestionKind, Reading, Source, Tier, Window,
};
use crate::i18n::Text;
use crate::money::parse_decimal;

/// Words of the condition language, and `none`, which scenario files use for "no
/// question": none of them can be a question id.
const RESERVED: [&str; 7] = ["and", "or", "not", "in", "yes", "no", "none"];

/// Compiles the pack in `source`; `origin` names it in errors until its id is read.
pub fn compile(source: &str, origin: &str) -> Result<Programme, PackErrors> {
    let locator = Locator::new(source, origin);
    match toml::from_str::<PackFile>(source) {
        Ok(file) => check(file, locator, hex_sha256(source)),
        Err(error) => {
            let message = error.message().trim().to_owned();
            Err(PackErrors(vec![locator.error(error.span().map(|s| s.start), message)]))
        }
    }
}

fn check(file: PackFile, locator: Locator<'_>, hash: String) -> Result<Programme, PackErrors> {
    let mut checker = Checker { locator, errors: Vec::new() };
    let programme = checker.programme(file, hash);
    match programme {
        Some(programme) if checker.errors.is_empty() => Ok(programme),
        _ if checker.errors.is_empty() => Err(PackErrors(vec![checker.locator.error(None, "the pack is incomplete")])),
        _ => {
            let mut errors = checker.errors;
            errors.sort_by_key(|e| (e.line, e.column));
            Err(PackErrors(errors))
        }
    }
}

struct Checker<'a> {
    locator: Locator<'a>,
    errors: Vec<PackError>,
}

impl Checker<'_> {
    fn error(&mut self, offset: usize, message: impl Into<String>) {
        let error = self.locator.error(Some(offset), message);
        self.errors.push(error);
    }

    fn error_at<T>(&mut self, spanned: &Spanned<T>, message: impl Into<String>) {
        self.error(spanned.span().start, message);
    }

    fn required<'f, T>(&mut self, field: &'f Option<Spanned<T>>, name: &str) -> Option<&'f Spanned<T>> {
        if field.is_none() {
            let error = self.locator.error(None, format!("missing `{name}`"));
            self.errors.push(error);
        }
        field.as_ref()
    }

    fn programme(&mut self, file: PackFile, hash: String) -> Option<Programme> {
        let id = self.required(&file.id, "id").map(|id| {
            let valid = !id.as_ref().is_empty()
                && id.as_ref().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !valid {
                self.error_at(id, "the id must be lowercase letters, digits and `-`");
            }
            id.as_ref().clone()
        });
        if let Some(id) = &id {
            self.locator.set_pack(id.clone());
        }
        let version = self.non_empty(&file.version, "version");
        let checked = self.required(&file.checked, "checked").and_then(|d| self.date(d));
        let operator = self.non_empty(&file.operator, "operator");
        let apply_url = self.required(&file.apply_url, "apply_url").and_then(|url| self.url(url));
        let name = self.required(&file.name, "name").and_then(|t| self.text(t, "name"));
        let summary = self.required(&file.summary, "summary").and_then(|t| self.text(t, "summary"));
        let window = self.required(&file.window, "window").and_then(|w| self.window(w));

        let questions = self.questions(&file.questions);
        let criteria = self.criteria(&file, &questions);
        let amount = self.required(&file.amount, "amount").and_then(|a| self.amount(a, &questions));
        self.unused_questions(&file);

        if file.sources.is_empty() {
            let error = self.locator.error(None, "a pack must cite at least one source in `[[sources]]`");
            self.errors.push(error);
        }
        let sources: Vec<Source> = file
            .sources
            .iter()
            .map(|s| {
                let s = s.as_ref();
                if !is_partial_date(s.date.as_ref()) {
                    self.error_at(&s.date, "a source's date must be YYYY, YYYY-MM or YYYY-MM-DD");
                }
                Source { title: s.title.clone(), publisher: s.publisher.clone(), date: s.date.as_ref().clone(), url: s.url.clone() }
            })
            .collect();
        let readings: Vec<Reading> = file
            .readings
            .iter()
            .filter_map(|r| {
                let text = self.text(&r.as_ref().text, "reading")?;
                Some(Reading { about: r.as_ref().about.clone(), text })
            })
            .collect();

        Some(Programme {
            id: id?,
            version: version?,
            hash,
            checked: checked?,
            name: name?,
            summary: summary?,
            operator: operator?,
            apply_url: apply_url?,
            window: window?,
            questions,
            criteria: criteria?,
            amount: amount?,
            sources,
            readings,
        })
    }

    fn non_empty(&mut self, field: &Option<Spanned<String>>, name: &str) -> Option<String> {
        let value = self.required(field, name)?;
        if value.as_ref().trim().is_empty() {
            self.error_at(value, format!("`{name}` is empty"));
        }
        Some(value.as_ref().clone())
    }

    fn date(&mut self, text: &Spanned<String>) -> Option<Date> {
        let date = Date::parse(text.as_ref());
        if date.is_none() {
            self.error_at(text, format!("`{}` is not a date written YYYY-MM-DD", text.as_ref()));
        }
        date
    }

    fn url(&mut self, url: &Spanned<String>) -> Option<String> {
        if !url.as_ref().starts_with("https://") {
            self.error_at(url, "links must start with https://");
        }
        Some(url.as_ref().clone())
    }

    fn text(&mut self, text: &Spanned<TextFile>, what: &str) -> Option<Text> {
        let fr = text.as_ref().fr.clone().filter(|t| !t.trim().is_empty());
        let en = text.as_ref().en.clone().filter(|t| !t.trim().is_empty());
        if fr.is_none() {
            self.error_at(text, format!("missing French text (`fr`) for {what}"));
        }
        if en.is_none() {
            self.error_at(text, format!("missing English text (`en`) for {what}"));
        }
        Some(Text { fr: fr?, en: en? })
    }

    fn required_text(&mut self, text: &Option<Spanned<TextFile>>, at: usize, what: &str) -> Option<Text> {
        match text {
            Some(text) => self.text(text, what),
            None => {
                self.error(at, format!("missing {what}"));
                None
            }
        }
    }

    fn window(&mut self, window: &Spanned<crate::pack::file::WindowFile>) -> Option<Window> {
        let opens = window.as_ref().opens.as_ref().and_then(|d| self.date(d));
        let closes = window.as_ref().closes.as_ref().and_then(|d| self.date(d));
        if let (Some(opens), Some(closes), Some(at)) = (opens, closes, &window.as_ref().closes) {
            if closes < opens {
                self.error_at(at, format!("the window closes ({closes}) before it opens ({opens})"));
            }
        }
        Some(Window { opens, closes })
    }

    fn identifier(&mut self, id: &Spanned<String>, what: &str, seen: &mut HashSet<String>) {
        let text = id.as_ref();
        let valid = text.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            self.error_at(id, format!("{what} id `{text}` must be lowercase letters, digits and `_`, starting with a letter"));
        } else if RESERVED.contains(&text.as_str()) {
            self.error_at(id, format!("`{text}` is a reserved word and cannot be a {what} id"));
        }
        if !seen.insert(text.clone()) {
            self.error_at(id, format!("{what} id `{text}` is used twice"));
        }
    }

    fn number(&mut self, number: &Spanned<NumberFile>) -> Option<Decimal> {
        match number.as_ref() {
            NumberFile::Integer(n) => Some(Decimal::from(*n)),
            NumberFile::Text(text) => {
                let value = parse_decimal(text);
                if value.is_none() {
                    self.error_at(number, format!("`{text}` is not a decimal number such as \"15000.50\""));
                }
                value
            }
            NumberFile::Float(f) => {
                self.error_at(number, format!("write {f} in quotes, \"{f}\", so that it stays exact"));
                None
            }
        }
    }

    fn integer(&mut self, number: &Spanned<NumberFile>) -> Option<i64> {
        let value = self.number(number)?;
        let whole = value.fract().is_zero().then(|| i64::try_from(value).ok()).flatten();
        if whole.is_none() {
            self.error_at(number, "expected a whole number");
        }
        whole
    }

    fn currency(&mut self, currency: &Spanned<String>) -> String {
        let code = currency.as_ref();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            self.error_at(currency, format!("`{code}` is not a currency code such as EUR"));
        }
        code.clone()
    }

    fn not_for_kind<T>(&mut self, field: &Option<Spanned<T>>, name: &str, kind: &str) {
        if let Some(field) = field {
            self.error_at(field, format!("`{name}` does not apply to {kind} questions"));
        }
    }

    fn questions(&mut self, files: &[Spanned<QuestionFile>]) -> Vec<Question> {
        let mut seen = HashSet::new();
        files.iter().filter_map(|q| self.question(q, &mut seen)).collect()
    }

    fn question(&mut self, spanned: &Spanned<QuestionFile>, seen: &mut HashSet<String>) -> Option<Question> {
        let q = spanned.as_ref();
        self.identifier(&q.id, "question", seen);
        let what = format!("the label of question `{}`", q.id.as_ref());
        // A question with a broken label is still known to conditions, so that one
        // problem is not reported again as "unknown question" everywhere it is read.
        let label = self.required_text(&q.label, spanned.span().start, &what).unwrap_or_else(Text::empty);
        let help = q.help.as_ref().and_then(|h| self.text(h, &format!("the help of question `{}`", q.id.as_ref())));
        let kind_name = q.kind.as_ref().as_str();
        let kind = match kind_name {
            "yes_no" | "choice" => {
                self.not_for_kind(&q.min, "min", kind_name);
                self.not_for_kind(&q.max, "max", kind_name);
                self.not_for_kind(&q.currency, "currency", kind_name);
                if kind_name == "yes_no" {
                    if let Some(options) = q.options.as_ref().and_then(|o| o.first()) {
                        self.error_at(options, "`options` does not apply to yes_no questions");
                    }
                    Some(QuestionKind::YesNo)
                } else {
                    self.choices(spanned).map(QuestionKind::Choice)
                }
            }
            "integer" | "money" => {
                if let Some(options) = q.options.as_ref().and_then(|o| o.first()) {
                    self.error_at(options, format!("`options` does not apply to {kind_name} questions"));
                }
                if kind_name == "integer" {
                    self.not_for_kind(&q.currency, "currency", kind_name);
                    let min = q.min.as_ref().and_then(|n| self.integer(n));
                    let max = q.max.as_ref().and_then(|n| self.integer(n));
                    self.check_bounds(min.map(Decimal::from), max.map(Decimal::from), q);
                    Some(QuestionKind::Integer { min, max })
                } else {
                    let min = q.min.as_ref().and_then(|n| self.number(n));
                    let max = q.max.as_ref().and_then(|n| self.number(n));
                    self.check_bounds(min, max, q);
                    let currency = match &q.currency {
                        Some(c) => self.currency(c),
                        None => {
                            self.error_at(spanned, format!("money question `{}` needs a `currency`", q.id.as_ref()));
                            String::new()
                        }
                    };
                    Some(QuestionKind::Money { currency, min, max })
                }
            }
            other => {
                self.error_at(&q.kind, format!("unknown question type `{other}`: expected yes_no, choice, integer or money"));
                None
            }
        };
        Some(Question { id: q.id.as_ref().clone(), label, help, kind: kind? })
    }

    fn check_bounds(&mut self, min: Option<Decimal>, max: Option<Decimal>, q: &QuestionFile) {
        if let (Some(min), Some(max), Some(at)) = (min, max, &q.max) {
            if max < min {
                self.error_at(at, format!("`max` ({max}) is below `min` ({min})"));
            }
        }
    }

    fn choices(&mut self, spanned: &Spanned<QuestionFile>) -> Option<Vec<Choice>> {
        let q = spanned.as_ref();
        let options = q.options.as_deref().unwrap_or_default();
        if options.len() < 2 {
            self.error_at(spanned, format!("choice question `{}` needs at least two `options`", q.id.as_ref()));
        }
        let mut seen = HashSet::new();
        let choices: Vec<Choice> = options
            .iter()
            .map(|option| {
                let o = option.as_ref();
                self.identifier(&o.id, "option", &mut seen);
                let what = format!("the label of option `{}` of `{}`", o.id.as_ref(), q.id.as_ref());
                let label = self.required_text(&o.label, option.span().start, &what).unwrap_or_else(Text::empty);
                Choice { id: o.id.as_ref().clone(), label }
            })
            .collect();
        Some(choices)
    }

    /// Parses a condition, placing its errors in the file.
    fn condition(&mut self, text: &Spanned<String>, questions: &[Question]) -> Option<Condition> {
        match condition::parse(text.as_ref(), questions) {
            Ok(condition) => Some(condition),
            Err(errors) => {
                let start = text.span().start;
                let quote = match self.locator.source(start..start + 3) {
                    Some("\"\"\"") | Some("'''") => 3,
                    _ => 1,
                };
                for error in errors {
                    self.error(start + quote + error.offset, error.message);
                }
                None
            }
        }
    }

    fn criteria(&mut self, file: &PackFile, questions: &[Question]) -> Option<Vec<Criterion>> {
        if file.criteria.is_empty() {
            let error = self.locator.error(None, "a pack needs at least one criterion in `[[criteria]]`");
            self.errors.push(error);
        }
        let mut seen = HashSet::new();
        let criteria: Vec<Option<Criterion>> = file
            .criteria
            .iter()
            .map(|spanned| {
                let c = spanned.as_ref();
                self.identifier(&c.id, "criterion", &mut seen);
                let at = spanned.span().start;
                let id = c.id.as_ref();
                let condition = self.condition(&c.condition, questions);
                let met = self.required_text(&c.met, at, &format!("`met` text of criterion `{id}`"));
                let not_met = self.required_text(&c.not_met, at, &format!("`not_met` text of criterion `{id}`"));
                let unknown = self.required_text(&c.unknown, at, &format!("`unknown` text of criterion `{id}`"));
                Some(Criterion { id: id.clone(), condition: condition?, met: met?, not_met: not_met?, unknown: unknown? })
            })
            .collect();
        criteria.into_iter().collect()
    }

    fn amount(&mut self, spanned: &Spanned<AmountFile>, questions: &[Question]) -> Option<Amount> {
        let a = spanned.as_ref();
        let currency = match &a.currency {
            Some(c) => Some(self.currency(c)),
            None => {
                self.error_at(spanned, "the amount needs a `currency`, such as EUR");
                None
            }
        };
        let kind = a.kind.as_ref().as_str();
        let fields: [(&str, bool); 8] = [
            ("value", a.value.is_some()),
            ("tiers", a.tiers.is_some()),
            ("min", a.min.is_some()),
            ("max", a.max.is_some()),
            ("base", a.base.is_some()),
            ("per_unit", a.per_unit.is_some()),
            ("units", a.units.is_some()),
            ("cap", a.cap.is_some()),
        ];
        let wanted: &[&str] = match kind {
            "fixed" => &["value"],
            "tiered" => &["tiers"],
            "range" => &["min", "max"],
            "per_unit" => &["base", "per_unit", "units", "cap"],
            other => {
                self.error_at(&a.kind, format!("unknown amount kind `{other}`: expected fixed, tiered, range or per_unit"));
                return None;
            }
        };
        for (name, present) in fields {
            if present && !wanted.contains(&name) {
                self.error_at(spanned, format!("`{name}` does not apply to a {kind} amount"));
            }
        }
        let need = |checker: &mut Self, field: &Option<Spanned<NumberFile>>, name: &str| match field {
            Some(n) => checker.number(n).inspect(|v| {
                if v.is_sign_negative() {
                    checker.error_at(n, format!("`{name}` cannot be negative"));
                }
            }),
            None => {
                checker.error_at(spanned, format!("a {kind} amount needs `{name}`"));
                None
            }
        };
        let rule = match kind {
            "fixed" => need(self, &a.value, "value").map(AmountRule::Fixed),
            "range" => {
                let min = need(self, &a.min, "min");
                let max = need(self, &a.max, "max");
                if let (Some(lo), Some(hi)) = (min, max) {
                    if hi < lo {
                        self.error_at(spanned, format!("the range's max ({hi}) is below its min ({lo})"));
                    }
                }
                Some(AmountRule::Range { min: min?, max: max? })
            }
            "per_unit" => {
                let base = need(self, &a.base, "base");
                let per_unit = need(self, &a.per_unit, "per_unit");
                let units = self.units_question(spanned, questions);
                let cap = a.cap.as_ref().map(|c| {
                    if *c.as_ref() < 0 {
                        self.error_at(c, "`cap` cannot be negative");
                    }
                    *c.as_ref()
                });
                if let Some((_, None)) = units {
                    if cap.is_none() {
                        self.error_at(spanned, "the amount has no upper bound: give the units question a `max` or the amount a `cap`");
                    }
                }
                Some(AmountRule::PerUnit { base: base?, per_unit: per_unit?, units: units?.0, cap })
            }
            _ => {
                let tiers = self.tiers(spanned, questions)?;
                if let Some(problem) = tiers::check(questions, &tiers) {
                    self.error_at(spanned, problem);
                }
                Some(AmountRule::Tiered(tiers))
            }
        };
        Some(Amount { currency: currency?, rule: rule? })
    }

    /// The whole-number question counted by a per-unit amount, with its `max`.
    fn units_question(&mut self, spanned: &Spanned<AmountFile>, questions: &[Question]) -> Option<(usize, Option<i64>)> {
        let Some(units) = &spanned.as_ref().units else {
            self.error_at(spanned, "a per_unit amount needs `units`, the id of a whole-number question");
            return None;
        };
        match questions.iter().enumerate().find(|(_, q)| &q.id == units.as_ref()) {
            Some((index, Question { kind: QuestionKind::Integer { max, .. }, .. })) => Some((index, *max)),
            Some(_) => {
                self.error_at(units, format!("`{}` must be an integer question to count units", units.as_ref()));
                None
            }
            None => {
                self.error_at(units, format!("unknown question `{}`", units.as_ref()));
                None
            }
        }
    }

    fn tiers(&mut self, spanned: &Spanned<AmountFile>, questions: &[Question]) -> Option<Vec<Tier>> {
        let files = spanned.as_ref().tiers.as_deref().unwrap_or_default();
        if files.is_empty() {
            self.error_at(spanned, "a tiered amount needs at least one `[[amount.tiers]]`");
            return None;
        }
        let tiers: Vec<Option<Tier>> = files
            .iter()
            .map(|t| {
                let condition = self.condition(&t.as_ref().condition, questions);
                let value = self.number(&t.as_ref().value);
                Some(Tier { condition: condition?, value: value? })
            })
            .collect();
        tiers.into_iter().collect()
    }

    /// A question that no criterion and no amount reads can never change a verdict.
    /// Read from the words of the conditions, so that it is found even when another
    /// problem keeps a condition from compiling.
    fn unused_questions(&mut self, file: &PackFile) {
        let mut read: HashSet<String> = HashSet::new();
        let conditions = file.criteria.iter().map(|c| &c.as_ref().condition);
        let tiers = file.amount.iter().flat_map(|a| a.as_ref().tiers.iter().flatten()).map(|t| &t.as_ref().condition);
        for condition in conditions.chain(tiers) {
            read.extend(condition::mentioned_words(condition.as_ref()));
        }
        read.extend(file.amount.iter().filter_map(|a| a.as_ref().units.as_ref()).map(|u| u.as_ref().clone()));
        for question in &file.questions {
            let id = &question.as_ref().id;
            if !read.contains(id.as_ref()) {
                self.error_at(id, format!("question `{}` can never change the verdict or the amount: no criterion or amount reads it", id.as_ref()));
            }
        }
    }
}

fn hex_sha256(source: &str) -> String {
    Sha256::digest(source.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
