//! Build steps that keep data as data:
//! - every `packs/*.toml` is compiled with the library's own `compile` (these modules
//!   are included below), checked against the others (a question id means one thing
//!   in every pack), and written out as Rust for `catalogue`. Adding a programme is
//!   adding a file; a broken pack fails the build with every problem and its place;
//!   and visitors download neither the TOML parser nor the validator.
//! - every `tests/scenarios/*.toml` and test-only `tests/packs/*.toml` is listed for
//!   the scenario test, which runs natively and in the browser.

// The library's modules, of which the build needs only `compile` and what it uses.
#![allow(dead_code, unused_imports)]

#[path = "src/answer.rs"]
mod answer;
#[path = "src/compile/mod.rs"]
mod compile;
#[path = "src/engine/mod.rs"]
mod engine;
#[path = "src/i18n.rs"]
mod i18n;
#[path = "src/money.rs"]
mod money;
#[path = "src/pack/mod.rs"]
mod pack;

use std::{env, fs, path::Path, path::PathBuf};

use i18n::Text;
use pack::{Amount, AmountRule, Benefit, Cap, Choice, Comparison, Condition, Country, Criterion, Date, Part};
use pack::{PerUnit, Place, Programme, Question, QuestionKind, Reading, Source, Start, Tier, Window};
use rust_decimal::Decimal;

type BuildResult<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> BuildResult<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR")?);
    for source in ["src/answer.rs", "src/compile", "src/engine", "src/i18n.rs", "src/money.rs", "src/pack"] {
        println!("cargo:rerun-if-changed={source}");
    }
    fs::write(out.join("catalogue.rs"), catalogue(&files(&root.join("packs"))?)?)?;
    fs::write(out.join("scenarios.rs"), list(&files(&root.join("tests/scenarios"))?)?)?;
    fs::write(out.join("test_packs.rs"), list(&files(&root.join("tests/packs"))?)?)?;
    Ok(())
}

/// The `*.toml` files of `dir`, sorted; none if there is no such folder.
fn files(dir: &Path) -> BuildResult<Vec<PathBuf>> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|entry| entry.path()).collect(),
        Err(_) => Vec::new(),
    };
    files.retain(|path| path.extension().is_some_and(|ext| ext == "toml"));
    files.sort();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    Ok(files)
}

fn name(path: &Path) -> BuildResult<&str> {
    Ok(path.file_name().and_then(|n| n.to_str()).ok_or("file name is not UTF-8")?)
}

/// `&[(file name, include_str!(path)), …]`.
fn list(files: &[PathBuf]) -> BuildResult<String> {
    let mut code = String::from("&[\n");
    for path in files {
        code.push_str(&format!("    ({:?}, include_str!({:?})),\n", name(path)?, path.display().to_string()));
    }
    code.push(']');
    Ok(code)
}

/// `fn programmes() -> Vec<Programme>` building every pack as `compile` made it.
fn catalogue(packs: &[PathBuf]) -> BuildResult<String> {
    let mut located = Vec::new();
    for path in packs {
        let source = fs::read_to_string(path)?;
        located.push(compile::compile_located(&source, name(path)?).map_err(|errors| format!("\n{errors}"))?);
    }
    compile::check_shared(&located).map_err(|errors| format!("\n{errors}"))?;
    let programmes: Vec<String> = located.iter().map(|l| l.programme.rust()).collect();
    Ok(format!(
        "// Made by build.rs from packs/*.toml: edit the packs, not this.\n\
         pub fn programmes() -> Vec<crate::pack::Programme> {{\n    vec![{}]\n}}\n",
        programmes.join(",\n")
    ))
}

/// Rust source that builds the value again.
trait Rust {
    fn rust(&self) -> String;
}

impl Rust for String {
    fn rust(&self) -> String {
        format!("String::from({self:?})")
    }
}

impl Rust for i64 {
    fn rust(&self) -> String {
        format!("{self}_i64")
    }
}

impl Rust for usize {
    fn rust(&self) -> String {
        format!("{self}_usize")
    }
}

impl<T: Rust> Rust for Option<T> {
    fn rust(&self) -> String {
        self.as_ref().map_or("None".into(), |v| format!("Some({})", v.rust()))
    }
}

impl<T: Rust> Rust for Vec<T> {
    fn rust(&self) -> String {
        format!("vec![{}]", self.iter().map(Rust::rust).collect::<Vec<_>>().join(", "))
    }
}

impl<T: Rust> Rust for Box<T> {
    fn rust(&self) -> String {
        format!("Box::new({})", self.as_ref().rust())
    }
}

impl Rust for Decimal {
    /// `from_parts` is a `const fn` that cannot fail, unlike the other constructors.
    fn rust(&self) -> String {
        let m = self.mantissa().unsigned_abs();
        let (lo, mid, hi) = (m as u32, (m >> 32) as u32, (m >> 64) as u32);
        let negative = self.is_sign_negative();
        format!("rust_decimal::Decimal::from_parts({lo}, {mid}, {hi}, {negative}, {})", self.scale())
    }
}

impl Rust for Date {
    fn rust(&self) -> String {
        format!("crate::pack::Date {{ year: {}, month: {}, day: {} }}", self.year, self.month, self.day)
    }
}

impl Rust for Text {
    fn rust(&self) -> String {
        format!("crate::i18n::Text {{ fr: {}, en: {} }}", self.fr.rust(), self.en.rust())
    }
}

impl Rust for Window {
    fn rust(&self) -> String {
        format!(
            "crate::pack::Window {{ opens: {}, closes: {}, closing_time: {}, confirmed_open_until: {} }}",
            self.opens.rust(),
            self.closes.rust(),
            self.closing_time.rust(),
            self.confirmed_open_until.rust()
        )
    }
}

impl Rust for Country {
    fn rust(&self) -> String {
        format!(
            "crate::pack::Country {{ code: {}, name: {}, inside: {} }}",
            self.code.rust(),
            self.name.rust(),
            self.inside.rust()
        )
    }
}

impl Rust for Choice {
    fn rust(&self) -> String {
        format!("crate::pack::Choice {{ id: {}, label: {} }}", self.id.rust(), self.label.rust())
    }
}

impl Rust for QuestionKind {
    fn rust(&self) -> String {
        match self {
            QuestionKind::YesNo => "crate::pack::QuestionKind::YesNo".into(),
            QuestionKind::Choice(choices) => format!("crate::pack::QuestionKind::Choice({})", choices.rust()),
            QuestionKind::Integer { min, max } => {
                format!("crate::pack::QuestionKind::Integer {{ min: {}, max: {} }}", min.rust(), max.rust())
            }
            QuestionKind::Money { currency, min, max } => format!(
                "crate::pack::QuestionKind::Money {{ currency: {}, min: {}, max: {} }}",
                currency.rust(),
                min.rust(),
                max.rust()
            ),
        }
    }
}

impl Rust for Question {
    fn rust(&self) -> String {
        format!(
            "crate::pack::Question {{ id: {}, label: {}, help: {}, kind: {} }}",
            self.id.rust(),
            self.label.rust(),
            self.help.rust(),
            self.kind.rust()
        )
    }
}

impl Rust for Comparison {
    fn rust(&self) -> String {
        format!("crate::pack::Comparison::{self:?}")
    }
}

impl Rust for Condition {
    fn rust(&self) -> String {
        match self {
            Condition::All(items) => format!("crate::pack::Condition::All({})", items.rust()),
            Condition::Any(items) => format!("crate::pack::Condition::Any({})", items.rust()),
            Condition::Not(inner) => format!("crate::pack::Condition::Not({})", inner.rust()),
            Condition::IsYes(q) => format!("crate::pack::Condition::IsYes({})", q.rust()),
            Condition::OneOf(q, options) => format!("crate::pack::Condition::OneOf({}, {})", q.rust(), options.rust()),
            Condition::Compare(q, op, value) => {
                format!("crate::pack::Condition::Compare({}, {}, {})", q.rust(), op.rust(), value.rust())
            }
        }
    }
}

impl Rust for Criterion {
    fn rust(&self) -> String {
        format!(
            "crate::pack::Criterion {{ id: {}, condition: {}, met: {}, not_met: {}, unknown: {} }}",
            self.id.rust(),
            self.condition.rust(),
            self.met.rust(),
            self.not_met.rust(),
            self.unknown.rust()
        )
    }
}

impl Rust for Tier {
    fn rust(&self) -> String {
        format!("crate::pack::Tier {{ condition: {}, value: {} }}", self.condition.rust(), self.value.rust())
    }
}

impl Rust for AmountRule {
    fn rust(&self) -> String {
        match self {
            AmountRule::Fixed(value) => format!("crate::pack::AmountRule::Fixed({})", value.rust()),
            AmountRule::Tiered(tiers) => format!("crate::pack::AmountRule::Tiered({})", tiers.rust()),
            AmountRule::Range { min, max } => {
                format!("crate::pack::AmountRule::Range {{ min: {}, max: {} }}", min.rust(), max.rust())
            }
            AmountRule::Sum(parts) => format!("crate::pack::AmountRule::Sum({})", parts.rust()),
        }
    }
}

impl Rust for Part {
    fn rust(&self) -> String {
        format!(
            "crate::pack::Part {{ condition: {}, value: {}, per_unit: {} }}",
            self.condition.rust(),
            self.value.rust(),
            self.per_unit.rust()
        )
    }
}

impl Rust for PerUnit {
    fn rust(&self) -> String {
        format!(
            "crate::pack::PerUnit {{ value: {}, units: {}, cap: {} }}",
            self.value.rust(),
            self.units.rust(),
            self.cap.rust()
        )
    }
}

impl Rust for Cap {
    fn rust(&self) -> String {
        match self {
            Cap::Units(n) => format!("crate::pack::Cap::Units({})", n.rust()),
            Cap::Money(m) => format!("crate::pack::Cap::Money({})", m.rust()),
        }
    }
}

impl Rust for Benefit {
    fn rust(&self) -> String {
        match self {
            Benefit::Money(amount) => format!("crate::pack::Benefit::Money({})", amount.rust()),
            Benefit::Place(place) => format!("crate::pack::Benefit::Place({})", place.rust()),
        }
    }
}

impl Rust for Place {
    fn rust(&self) -> String {
        format!("crate::pack::Place {{ what: {}, starts: {} }}", self.what.rust(), self.starts.rust())
    }
}

impl Rust for Start {
    fn rust(&self) -> String {
        format!("crate::pack::Start {{ condition: {}, when: {} }}", self.condition.rust(), self.when.rust())
    }
}

impl Rust for Amount {
    fn rust(&self) -> String {
        format!("crate::pack::Amount {{ currency: {}, rule: {} }}", self.currency.rust(), self.rule.rust())
    }
}

impl Rust for Source {
    fn rust(&self) -> String {
        format!(
            "crate::pack::Source {{ title: {}, publisher: {}, date: {}, url: {} }}",
            self.title.rust(),
            self.publisher.rust(),
            self.date.rust(),
            self.url.rust()
        )
    }
}

impl Rust for Reading {
    fn rust(&self) -> String {
        format!("crate::pack::Reading {{ about: {}, text: {} }}", self.about.rust(), self.text.rust())
    }
}

impl Rust for Programme {
    fn rust(&self) -> String {
        format!(
            "crate::pack::Programme {{ id: {}, version: {}, hash: {}, checked: {}, name: {}, summary: {}, \
             operator: {}, apply_url: {}, country: {}, window: {}, questions: {}, criteria: {}, benefit: {}, \
             sources: {}, readings: {} }}",
            self.id.rust(),
            self.version.rust(),
            self.hash.rust(),
            self.checked.rust(),
            self.name.rust(),
            self.summary.rust(),
            self.operator.rust(),
            self.apply_url.rust(),
            self.country.rust(),
            self.window.rust(),
            self.questions.rust(),
            self.criteria.rust(),
            self.benefit.rust(),
            self.sources.rust(),
            self.readings.rust()
        )
    }
}
