//! The catalogue: the programmes shipped with the product, one per file in `packs/`.
//!
//! build.rs compiles each pack with the same `pack::compile` as everything else and
//! writes the result out as Rust, included here. So a broken pack fails the build
//! (with the line and column of every problem), and neither the pack parser nor the
//! validator is in the WebAssembly that visitors download.

use std::fmt;
use std::sync::OnceLock;

use crate::pack::Programme;

// A constructor below that no shipped pack needs (no pack with tiers, say) is not an error.
#[allow(dead_code)]
mod generated {
    use crate::i18n::Text;
    use crate::pack::{
        Amount, AmountRule, Benefit, Cap, Choice, Condition, Country, Criterion, Date, Document, Part, PerUnit, Place,
        Programme, Question, QuestionKind, Reading, Source, Start, Tier, Window,
    };
    use rust_decimal::Decimal;

    // The baked catalogue writes each string `s("…")`, each text `t(fr, en)` and the
    // structs it holds most of as calls of the functions below, their strings as
    // literals: one call each rather than allocations, copies and moves inlined at each
    // of its hundreds of strings (BENCHMARKS.md, "The third cut").
    #[inline(never)]
    fn s(text: &str) -> String {
        text.to_owned()
    }

    #[inline(never)]
    fn t(fr: &str, en: &str) -> Text {
        Text { fr: s(fr), en: s(en) }
    }

    #[inline(never)]
    #[allow(clippy::too_many_arguments)] // one per field of the model's struct
    fn programme(
        id: &str,
        version: &str,
        hash: &str,
        checked: Date,
        name: Text,
        summary: Text,
        operator: &str,
        apply_url: &str,
        country: Country,
        window: Window,
        questions: Vec<Question>,
        criteria: Vec<Criterion>,
        benefit: Benefit,
        sources: Vec<Source>,
        readings: Vec<Reading>,
    ) -> Programme {
        Programme {
            id: s(id),
            version: s(version),
            hash: s(hash),
            checked,
            name,
            summary,
            operator: s(operator),
            apply_url: s(apply_url),
            country,
            window,
            questions,
            criteria,
            benefit,
            sources,
            readings,
        }
    }

    #[inline(never)]
    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[inline(never)]
    fn country(code: &str, name: Text, inside: Text) -> Country {
        Country { code: s(code), name, inside }
    }

    #[inline(never)]
    fn window(
        opens: Option<Date>,
        closes: Option<Date>,
        closing_time: Option<Text>,
        confirmed_open_until: Option<Date>,
    ) -> Window {
        Window { opens, closes, closing_time, confirmed_open_until }
    }

    #[inline(never)]
    fn document(text: Text, source: usize) -> Document {
        Document { text, source }
    }

    #[inline(never)]
    fn amount(currency: &str, rule: AmountRule) -> Amount {
        Amount { currency: s(currency), rule }
    }

    #[inline(never)]
    fn tier(condition: Condition, value: Decimal) -> Tier {
        Tier { condition, value }
    }

    #[inline(never)]
    fn part(condition: Option<Condition>, value: Decimal, per_unit: Option<PerUnit>) -> Part {
        Part { condition, value, per_unit }
    }

    #[inline(never)]
    fn per_unit(value: Decimal, units: usize, cap: Option<Cap>) -> PerUnit {
        PerUnit { value, units, cap }
    }

    #[inline(never)]
    fn place(what: Text, starts: Vec<Start>) -> Place {
        Place { what, starts }
    }

    #[inline(never)]
    fn start(condition: Option<Condition>, when: Text) -> Start {
        Start { condition, when }
    }

    #[inline(never)]
    fn source(id: Option<&str>, title: &str, publisher: &str, date: &str, url: Option<&str>) -> Source {
        Source { id: id.map(s), title: s(title), publisher: s(publisher), date: s(date), url: url.map(s) }
    }

    #[inline(never)]
    fn reading(about: &str, text: Text) -> Reading {
        Reading { about: s(about), text }
    }

    #[inline(never)]
    fn choice(id: &str, label: Text) -> Choice {
        Choice { id: s(id), label }
    }

    #[inline(never)]
    fn question(id: &str, label: Text, help: Option<Text>, kind: QuestionKind, fixed: bool) -> Question {
        Question { id: s(id), label, help, kind, fixed }
    }

    #[inline(never)]
    fn criterion(
        id: &str,
        condition: Condition,
        met: Text,
        not_met: Text,
        unknown: Text,
        documents: Vec<Document>,
    ) -> Criterion {
        Criterion { id: s(id), condition, met, not_met, unknown, documents }
    }

    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

/// The built-in programmes, in the order of their file names.
pub fn programmes() -> &'static [Programme] {
    static PROGRAMMES: OnceLock<Vec<Programme>> = OnceLock::new();
    PROGRAMMES.get_or_init(generated::programmes)
}

pub fn programme(id: &str) -> Result<&'static Programme, UnknownProgramme> {
    programmes().iter().find(|p| p.id == id).ok_or_else(|| UnknownProgramme(id.to_owned()))
}

/// A programme id that no built-in pack has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownProgramme(pub String);

impl fmt::Display for UnknownProgramme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = programmes().iter().map(|p| p.id.as_str()).collect();
        write!(f, "unknown programme `{}` (programmes: {})", self.0, known.join(", "))
    }
}

impl std::error::Error for UnknownProgramme {}
