//! The pack compiler: a rule pack file (TOML) becomes a `Programme`, or every problem
//! found in it is reported with its place. It sits above the engine, whose proofs it
//! runs (tiers and starts that never overlap nor leave a gap, criteria that can be
//! met). Nothing past this point checks a pack again.

mod error;
mod file;
mod shared;

use std::collections::HashSet;

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use error::Locator;
use file::{AmountFile, DocumentFile, NumberFile, PackFile, PartFile, PlaceFile, QuestionFile, Spanned, TextFile};

pub use error::{PackError, PackErrors};
pub use shared::{check_shared, Located};

use crate::answer::{Answers, UNKNOWN};
use crate::engine::{self, exactly_one, Status};
use crate::i18n::Text;
use crate::money::{read_decimal, DecimalError};
use crate::pack::{
    is_partial_date, mentioned_words, parse_condition, Amount, AmountRule, Benefit, Cap, Choice, Condition, Country,
    Criterion, Date, Document, Part, PerUnit, Place, Programme, Question, QuestionKind, Reading, Source, Start, Tier,
    Window, COUNTRY,
};

/// Words of the condition language, `none`, which scenario files use for "no
/// question", `country`, the question every form may ask, and `unknown`, the answer
/// "I don't know" to any question: none can be an id.
const RESERVED: [&str; 9] = ["and", "or", "not", "in", "yes", "no", "none", COUNTRY, UNKNOWN];

/// Compiles the pack in `source`; `origin` names it in errors until its id is read.
pub fn compile(source: &str, origin: &str) -> Result<Programme, PackErrors> {
    compile_located(source, origin).map(|located| located.programme)
}

/// Compiles like `compile`, keeping where each question is defined, for the checks
/// across packs (`check_shared`).
pub fn compile_located(source: &str, origin: &str) -> Result<Located, PackErrors> {
    let locator = Locator::new(source, origin);
    match toml::from_str::<PackFile>(source) {
        Ok(_) if holds_nul(source) => {
            // Where an escape writes it, if the text shows one: the first is the place to look.
            let at = ["\\u0000", "\\U00000000"].into_iter().filter_map(|escape| source.find(escape)).min();
            let message = "a text may not hold a NUL (`\\u0000`): the widget's data ends each text with one";
            Err(PackErrors(vec![locator.error(at, message)]))
        }
        Ok(file) => {
            let places: Vec<(usize, usize)> =
                file.questions.iter().map(|q| locator.line_column(q.as_ref().id.span().start)).collect();
            let programme = check(file, locator, hex_sha256(source))?;
            Ok(Located { programme, file: origin.to_owned(), places })
        }
        Err(error) => {
            let at = error.span().map(|s| s.start);
            let message = hinted(error.message().trim(), at.and_then(|at| source.get(at..)).unwrap_or_default());
            Err(PackErrors(vec![locator.error(at, message)]))
        }
    }
}

/// The TOML reader's message, with what to write instead where it reads as the
/// reader's own terms: a date written bare is a TOML date (a table to serde), where
/// a pack's dates are text.
fn hinted(message: &str, at: &str) -> String {
    let bare_date =
        at.len() >= 5 && at.bytes().take(4).all(|b| b.is_ascii_digit()) && at.as_bytes().get(4) == Some(&b'-');
    if bare_date && message.starts_with("invalid type: map, expected a string") {
        let date = at.split(|c: char| c.is_whitespace() || c == ',' || c == '}').next().unwrap_or_default();
        return format!("a date is written in quotes, as text: \"{date}\"");
    }
    message.to_owned()
}

/// Whether a string of the pack, or a key, holds a NUL: the data baked for the widget
/// ends each text with one (`bake`). Read from the parsed values, so that an escape in a
/// comment or a literal string, which writes no NUL, is not refused.
fn holds_nul(source: &str) -> bool {
    fn holds(value: &toml::Value) -> bool {
        match value {
            toml::Value::String(text) => text.contains('\0'),
            toml::Value::Array(items) => items.iter().any(holds),
            toml::Value::Table(table) => table.iter().any(|(key, value)| key.contains('\0') || holds(value)),
            _ => false,
        }
    }
    toml::from_str::<toml::Table>(source).is_ok_and(|table| holds(&toml::Value::Table(table)))
}

fn check(file: PackFile, locator: Locator<'_>, hash: String) -> Result<Programme, PackErrors> {
    let conditions: Vec<usize> = file.criteria.iter().map(|c| c.as_ref().condition.span().start).collect();
    let mut checker = Checker { locator, errors: Vec::new() };
    let programme = checker.programme(file, hash);
    match programme {
        Some(programme) if checker.errors.is_empty() => {
            // Proved on the whole programme, once everything else holds.
            if never_met(&programme, &(0..programme.criteria.len()).collect::<Vec<_>>()) {
                return Err(PackErrors(vec![conflict(&programme, &conditions, &checker.locator)]));
            }
            Ok(programme)
        }
        _ if checker.errors.is_empty() => Err(PackErrors(vec![checker.locator.error(None, "the pack is incomplete")])),
        _ => {
            let mut errors = checker.errors;
            errors.sort_by_key(|e| (e.line, e.column));
            Err(PackErrors(errors))
        }
    }
}

/// Whether the criteria `among` of `programme` can never all be met, whatever the answers.
fn never_met(programme: &Programme, among: &[usize]) -> bool {
    let mut only = programme.clone();
    only.criteria = among.iter().filter_map(|&i| programme.criteria.get(i).cloned()).collect();
    engine::evaluate(&only, &Answers::none(&only)).status == Status::NotEligible
}

/// Which criteria conflict, said at the condition of the first that cannot be met with
/// those before it (found by halves: a longer prefix only conflicts more), with one of
/// those it cannot be met with when one is enough, else with a set of them none of which
/// can be left out. A few evaluations per criterion, and only for a pack refused: its
/// caller has found all the criteria never met together.
fn conflict(programme: &Programme, conditions: &[usize], locator: &Locator<'_>) -> PackError {
    let prefix = |end: usize| (0..end).collect::<Vec<_>>();
    let (mut low, mut high) = (0, programme.criteria.len());
    // The shortest prefix that is never met is `..high`: `..low` is met.
    while low + 1 < high {
        let middle = (low + high) / 2;
        if never_met(programme, &prefix(middle)) {
            high = middle;
        } else {
            low = middle;
        }
    }
    let last = high.saturating_sub(1);
    let with = if never_met(programme, &[last]) {
        Vec::new()
    } else if let Some(one) = (0..last).find(|&i| never_met(programme, &[i, last])) {
        vec![one]
    } else {
        let mut with = prefix(last);
        let mut at = 0;
        while at < with.len() {
            let mut fewer = with.clone();
            fewer.remove(at);
            if never_met(programme, &[fewer.as_slice(), &[last]].concat()) {
                with = fewer;
            } else {
                at += 1;
            }
        }
        with
    };
    let id = |i: usize| programme.criteria.get(i).map_or("", |c| c.id.as_str());
    let message = match with.as_slice() {
        [] => format!("criterion `{}` can never be met, whatever the answers", id(last)),
        _ => {
            let others: Vec<String> = with.iter().map(|&i| format!("`{}`", id(i))).collect();
            format!(
                "criterion `{}` can never be met together with {}, whatever the answers",
                id(last),
                others.join(", ")
            )
        }
    };
    locator.error(conditions.get(last).copied(), message)
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
        let version = self.version(&file.version);
        let checked = self.required(&file.checked, "checked").and_then(|d| self.date(d));
        let operator = self.non_empty(&file.operator, "operator");
        let apply_url = self.required(&file.apply_url, "apply_url").and_then(|url| self.url(url));
        let name = self.required(&file.name, "name").and_then(|t| self.text(t, "name"));
        let summary = self.required(&file.summary, "summary").and_then(|t| self.text(t, "summary"));
        let country = self.required(&file.country, "country").and_then(|c| self.country(c));
        let window = self.required(&file.window, "window").and_then(|w| self.window(w));

        let questions = self.questions(&file.questions);
        let source_ids = self.source_ids(&file);
        let criteria = self.criteria(&file, &questions, &source_ids);
        let amount = file.amount.as_ref().map(|amount| self.amount(amount, &questions));
        let place = file.place.as_ref().map(|place| self.place(place, &questions));
        let benefit = match (amount, place) {
            (Some(amount), None) => amount.map(Benefit::Money),
            (None, Some(place)) => place.map(Benefit::Place),
            (Some(_), Some(_)) => {
                if let Some(place) = &file.place {
                    self.error_at(place, "a pack gives one benefit: an `[amount]` or a `[place]`, not both");
                }
                None
            }
            (None, None) => {
                let error = self.locator.error(None, "missing the benefit: an `[amount]` or a `[place]`");
                self.errors.push(error);
                None
            }
        };
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
                Source {
                    id: s.id.as_ref().map(|id| id.as_ref().clone()),
                    title: s.title.clone(),
                    publisher: s.publisher.clone(),
                    date: s.date.as_ref().clone(),
                    url: s.url.clone(),
                }
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
            country: country?,
            window: window?,
            questions,
            criteria: criteria?,
            benefit: benefit?,
            sources,
            readings,
        })
    }

    /// `MAJOR.MINOR.PATCH`, with an optional `-pre` or `+build` part: what a link to the
    /// answers carries and reads back (at most 32 bytes of `0-9 A-Z a-z . + -`).
    fn version(&mut self, field: &Option<Spanned<String>>) -> Option<String> {
        let value = self.required(field, "version")?;
        let text = value.as_ref();
        let (core, rest) = text.split_at(text.find(['-', '+']).unwrap_or(text.len()));
        let numbers: Vec<&str> = core.split('.').collect();
        let written = numbers.len() == 3
            && numbers.iter().all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            && rest.len() != 1
            && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b"-+.".contains(&b))
            && text.len() <= 32;
        if !written {
            self.error_at(value, format!("`{text}` is not a version written MAJOR.MINOR.PATCH, such as `1.0.0`"));
        }
        Some(text.clone())
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

    fn country(&mut self, country: &Spanned<file::CountryFile>) -> Option<Country> {
        let c = country.as_ref();
        let code = c.code.as_ref();
        let valid = code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) && code != "other";
        if !valid {
            self.error_at(
                &c.code,
                format!("`{code}` is not a lower-case ISO 3166-1 country code such as `fr` or `gb`"),
            );
        }
        let name = self.required_text(&c.name, country.span().start, "the country's `name`");
        let inside =
            self.required_text(&c.inside, country.span().start, "the country's `in` (`en France`, `in France`)");
        Some(Country { code: code.clone(), name: name?, inside: inside? })
    }

    fn window(&mut self, window: &Spanned<file::WindowFile>) -> Option<Window> {
        let w = window.as_ref();
        let opens = w.opens.as_ref().and_then(|d| self.date(d));
        let closes = w.closes.as_ref().and_then(|d| self.date(d));
        let confirmed_open_until = w.confirmed_open_until.as_ref().and_then(|d| self.date(d));
        for (date, at) in [(closes, &w.closes), (confirmed_open_until, &w.confirmed_open_until)] {
            if let (Some(opens), Some(date), Some(at)) = (opens, date, at) {
                if date < opens {
                    self.error_at(at, format!("the window closes ({date}) before it opens ({opens})"));
                }
            }
        }
        match (&w.closes, &w.confirmed_open_until) {
            (None, None) => self.error_at(
                window,
                "without a `closes` date, give `confirmed_open_until`: the last day the sources show applications taken",
            ),
            (Some(_), Some(until)) => self.error_at(until, "`confirmed_open_until` is for windows without a `closes` date"),
            _ => {}
        }
        if let (Some(time), None) = (&w.closing_time, &w.closes) {
            self.error_at(time, "`closing_time` needs a `closes` date");
        }
        let closing_time = w.closing_time.as_ref().and_then(|t| self.text(t, "the closing time"));
        Some(Window { opens, closes, closing_time, confirmed_open_until })
    }

    fn identifier(&mut self, id: &Spanned<String>, what: &str, seen: &mut HashSet<String>) {
        let text = id.as_ref();
        let valid = text.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            self.error_at(
                id,
                format!("{what} id `{text}` must be lowercase letters, digits and `_`, starting with a letter"),
            );
        } else if RESERVED.contains(&text.as_str()) {
            let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
            self.error_at(id, format!("`{text}` is a reserved word and cannot be {article} {what} id"));
        }
        if !seen.insert(text.clone()) {
            self.error_at(id, format!("{what} id `{text}` is used twice"));
        }
    }

    fn number(&mut self, number: &Spanned<NumberFile>) -> Option<Decimal> {
        match number.as_ref() {
            NumberFile::Integer(n) => Some(Decimal::from(*n)),
            NumberFile::Text(text) => match read_decimal(text) {
                Ok(value) => Some(value),
                Err(DecimalError::TooPrecise) => {
                    self.error_at(number, format!("`{text}` has more digits than can be held exactly"));
                    None
                }
                Err(DecimalError::NotANumber) => {
                    self.error_at(number, format!("`{text}` is not a decimal number such as \"15000.50\""));
                    None
                }
            },
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
                self.error_at(
                    &q.kind,
                    format!("unknown question type `{other}`: expected yes_no, choice, integer or money"),
                );
                None
            }
        };
        Some(Question { id: q.id.as_ref().clone(), label, help, kind: kind?, fixed: q.fixed.unwrap_or(false) })
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
        match parse_condition(text.as_ref(), questions) {
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

    /// Each source's id, checked (valid, used once), in the sources' order.
    fn source_ids(&mut self, file: &PackFile) -> Vec<Option<String>> {
        let mut seen = HashSet::new();
        file.sources
            .iter()
            .map(|s| {
                let id = s.as_ref().id.as_ref()?;
                self.identifier(id, "source", &mut seen);
                Some(id.as_ref().clone())
            })
            .collect()
    }

    fn document(
        &mut self,
        spanned: &Spanned<DocumentFile>,
        criterion: &str,
        sources: &[Option<String>],
    ) -> Option<Document> {
        let d = spanned.as_ref();
        let cited = d.source.as_ref();
        let source = sources.iter().position(|id| id.as_deref() == Some(cited.as_str()));
        if source.is_none() {
            self.error_at(
                &d.source,
                format!("criterion `{criterion}` cites the source `{cited}`, which no `[[sources]]` has as its `id`"),
            );
        }
        let text = TextFile { fr: d.fr.clone(), en: d.en.clone() };
        let text = self.text(&Spanned::new(spanned.span(), text), &format!("a document of criterion `{criterion}`"));
        Some(Document { text: text?, source: source? })
    }

    fn criteria(
        &mut self,
        file: &PackFile,
        questions: &[Question],
        sources: &[Option<String>],
    ) -> Option<Vec<Criterion>> {
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
                let documents: Vec<Option<Document>> =
                    c.documents.iter().map(|d| self.document(d, id, sources)).collect();
                Some(Criterion {
                    id: id.clone(),
                    condition: condition?,
                    met: met?,
                    not_met: not_met?,
                    unknown: unknown?,
                    documents: documents.into_iter().collect::<Option<_>>()?,
                })
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
        let fields: [(&str, bool); 9] = [
            ("value", a.value.is_some()),
            ("tiers", a.tiers.is_some()),
            ("min", a.min.is_some()),
            ("max", a.max.is_some()),
            ("base", a.base.is_some()),
            ("per_unit", a.per_unit.is_some()),
            ("units", a.units.is_some()),
            ("cap", a.cap.is_some()),
            ("parts", a.parts.is_some()),
        ];
        let wanted: &[&str] = match kind {
            "fixed" => &["value"],
            "tiered" => &["tiers"],
            "range" => &["min", "max"],
            "per_unit" => &["base", "per_unit", "units", "cap"],
            "sum" => &["parts"],
            other => {
                self.error_at(
                    &a.kind,
                    format!("unknown amount kind `{other}`: expected fixed, tiered, range, per_unit or sum"),
                );
                return None;
            }
        };
        for (name, present) in fields {
            if present && !wanted.contains(&name) {
                self.error_at(spanned, format!("`{name}` does not apply to a {kind} amount"));
            }
        }
        let rule = match kind {
            "fixed" => self.needed(spanned, &a.value, "value", kind).map(AmountRule::Fixed),
            "range" => {
                let min = self.needed(spanned, &a.min, "min", kind);
                let max = self.needed(spanned, &a.max, "max", kind);
                if let (Some(lo), Some(hi)) = (min, max) {
                    if hi < lo {
                        self.error_at(spanned, format!("the range's max ({hi}) is below its min ({lo})"));
                    }
                }
                Some(AmountRule::Range { min: min?, max: max? })
            }
            // `base + per_unit × units`: a sum of one part that always applies.
            "per_unit" => {
                let base = self.needed(spanned, &a.base, "base", kind);
                let per_unit = self.needed(spanned, &a.per_unit, "per_unit", kind);
                let units = self.units_question(spanned, &a.units, questions);
                let cap = a.cap.as_ref().and_then(|c| self.cap_units(c));
                if let (Some((_, None)), None) = (units, cap) {
                    self.error_at(
                        spanned,
                        "the amount has no upper bound: give the units question a `max` or the amount a `cap`",
                    );
                }
                let per_unit = PerUnit { value: per_unit?, units: units?.0, cap: cap.map(Cap::Units) };
                Some(AmountRule::Sum(vec![Part { condition: None, value: base?, per_unit: Some(per_unit) }]))
            }
            "sum" => self.parts(spanned, questions).map(AmountRule::Sum),
            _ => {
                let tiers = self.tiers(spanned, questions)?;
                let conditions: Vec<&Condition> = tiers.iter().map(|t| &t.condition).collect();
                if let Some(problem) = exactly_one(questions, &conditions, "tier") {
                    self.error_at(spanned, problem);
                }
                Some(AmountRule::Tiered(tiers))
            }
        };
        Some(Amount { currency: currency?, rule: rule? })
    }

    /// A sum of money the amount needs, never negative.
    fn needed(
        &mut self,
        at: &Spanned<impl Sized>,
        field: &Option<Spanned<NumberFile>>,
        name: &str,
        kind: &str,
    ) -> Option<Decimal> {
        match field {
            Some(n) => self.non_negative(n, name),
            None => {
                self.error_at(at, format!("a {kind} amount needs `{name}`"));
                None
            }
        }
    }

    fn non_negative(&mut self, number: &Spanned<NumberFile>, name: &str) -> Option<Decimal> {
        self.number(number).inspect(|v| {
            if v.is_sign_negative() && !v.is_zero() {
                self.error_at(number, format!("`{name}` cannot be negative"));
            }
        })
    }

    fn cap_units(&mut self, cap: &Spanned<i64>) -> Option<i64> {
        if *cap.as_ref() < 0 {
            self.error_at(cap, "`cap` cannot be negative");
        }
        Some(*cap.as_ref())
    }

    fn parts(&mut self, spanned: &Spanned<AmountFile>, questions: &[Question]) -> Option<Vec<Part>> {
        let files = spanned.as_ref().parts.as_deref().unwrap_or_default();
        if files.is_empty() {
            self.error_at(spanned, "a sum amount needs at least one `[[amount.parts]]`");
            return None;
        }
        let parts: Vec<Option<Part>> = files.iter().map(|part| self.part(part, questions)).collect();
        parts.into_iter().collect()
    }

    fn part(&mut self, spanned: &Spanned<PartFile>, questions: &[Question]) -> Option<Part> {
        let p = spanned.as_ref();
        let condition = match &p.condition {
            Some(text) => Some(self.condition(text, questions)?),
            None => None,
        };
        let value = match &p.value {
            Some(n) => self.non_negative(n, "value")?,
            None => Decimal::ZERO,
        };
        let per_unit = match (&p.per_unit, &p.units) {
            (None, None) => {
                for (present, name) in [(p.cap.is_some(), "cap"), (p.cap_amount.is_some(), "cap_amount")] {
                    if present {
                        self.error_at(spanned, format!("`{name}` applies to a part with `per_unit` and `units`"));
                    }
                }
                if p.value.is_none() {
                    self.error_at(spanned, "a part needs a `value`, or a `per_unit` amount and its `units`");
                }
                None
            }
            (Some(per_unit), units) => {
                let per_unit = self.non_negative(per_unit, "per_unit");
                let units = self.units_question(spanned, units, questions);
                let cap = match (&p.cap, &p.cap_amount) {
                    (Some(_), Some(money)) => {
                        self.error_at(money, "give one cap: `cap` (units) or `cap_amount` (money)");
                        None
                    }
                    (Some(units), None) => self.cap_units(units).map(Cap::Units),
                    (None, Some(money)) => self.non_negative(money, "cap_amount").map(Cap::Money),
                    (None, None) => None,
                };
                Some(PerUnit { value: per_unit?, units: units?.0, cap })
            }
            (None, Some(units)) => {
                self.error_at(units, "`units` needs a `per_unit` amount");
                None
            }
        };
        Some(Part { condition, value, per_unit })
    }

    /// The whole-number question counted by a per-unit amount, with its `max`.
    fn units_question<T>(
        &mut self,
        at: &Spanned<T>,
        units: &Option<Spanned<String>>,
        questions: &[Question],
    ) -> Option<(usize, Option<i64>)> {
        let Some(units) = units else {
            self.error_at(at, "a per-unit amount needs `units`, the id of a whole-number question");
            return None;
        };
        match questions.iter().enumerate().find(|(_, q)| &q.id == units.as_ref()) {
            Some((index, Question { kind: QuestionKind::Integer { min, max }, .. })) => {
                if min.is_none_or(|m| m < 0) {
                    self.error_at(units, format!("`{}` counts units: give it a `min` of 0 or more", units.as_ref()));
                }
                Some((index, *max))
            }
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

    fn place(&mut self, spanned: &Spanned<PlaceFile>, questions: &[Question]) -> Option<Place> {
        let p = spanned.as_ref();
        let what = self.required_text(&p.what, spanned.span().start, "the place's `what`");
        if p.starts.is_empty() {
            self.error_at(spanned, "a place needs at least one `[[place.starts]]`, saying when it starts");
            return None;
        }
        let starts: Vec<Option<Start>> = p
            .starts
            .iter()
            .map(|start| {
                let s = start.as_ref();
                let condition = match &s.condition {
                    Some(text) => Some(self.condition(text, questions)?),
                    None if p.starts.len() > 1 => {
                        self.error_at(start, "with several starts, each needs a `condition`");
                        None
                    }
                    None => None,
                };
                let when = self.required_text(&s.when, start.span().start, "the start's `when`");
                Some(Start { condition, when: when? })
            })
            .collect();
        let starts: Vec<Start> = starts.into_iter().collect::<Option<_>>()?;
        let conditions: Vec<&Condition> = starts.iter().filter_map(|s| s.condition.as_ref()).collect();
        if !conditions.is_empty() {
            if let Some(problem) = exactly_one(questions, &conditions, "start") {
                self.error_at(spanned, problem);
            }
        }
        Some(Place { what: what?, starts })
    }

    /// A question that no criterion and no benefit reads can never change a verdict.
    /// Read from the words of the conditions, so that it is found even when another
    /// problem keeps a condition from compiling.
    fn unused_questions(&mut self, file: &PackFile) {
        let mut read: HashSet<String> = HashSet::new();
        let amount = file.amount.as_ref().map(|a| a.as_ref());
        let parts = amount.iter().flat_map(|a| a.parts.iter().flatten()).map(|p| p.as_ref());
        let conditions = file
            .criteria
            .iter()
            .map(|c| &c.as_ref().condition)
            .chain(amount.iter().flat_map(|a| a.tiers.iter().flatten()).map(|t| &t.as_ref().condition))
            .chain(parts.clone().filter_map(|p| p.condition.as_ref()))
            .chain(file.place.iter().flat_map(|p| &p.as_ref().starts).filter_map(|s| s.as_ref().condition.as_ref()));
        for condition in conditions {
            read.extend(mentioned_words(condition.as_ref()));
        }
        read.extend(amount.iter().filter_map(|a| a.units.as_ref()).map(|u| u.as_ref().clone()));
        read.extend(parts.filter_map(|p| p.units.as_ref()).map(|u| u.as_ref().clone()));
        for question in &file.questions {
            let id = &question.as_ref().id;
            if !read.contains(id.as_ref()) {
                self.error_at(
                    id,
                    format!(
                        "question `{}` can never change the verdict or the benefit: no criterion or benefit reads it",
                        id.as_ref()
                    ),
                );
            }
        }
    }
}

fn hex_sha256(source: &str) -> String {
    Sha256::digest(source.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
