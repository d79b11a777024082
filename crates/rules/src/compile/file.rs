//! The serde model of a rule pack file (TOML), as authors write it. Nothing here is
//! checked beyond the TOML shape: `compile` validates it into a `Programme`. Fields
//! are optional where a missing one should be reported with the others, not alone.

use serde::Deserialize;

pub use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub id: Option<Spanned<String>>,
    pub version: Option<Spanned<String>>,
    pub checked: Option<Spanned<String>>,
    pub operator: Option<Spanned<String>>,
    pub apply_url: Option<Spanned<String>>,
    pub name: Option<Spanned<TextFile>>,
    pub summary: Option<Spanned<TextFile>>,
    pub country: Option<Spanned<CountryFile>>,
    pub window: Option<Spanned<WindowFile>>,
    #[serde(default)]
    pub questions: Vec<Spanned<QuestionFile>>,
    #[serde(default)]
    pub criteria: Vec<Spanned<CriterionFile>>,
    pub amount: Option<Spanned<AmountFile>>,
    pub place: Option<Spanned<PlaceFile>>,
    #[serde(default)]
    pub sources: Vec<Spanned<SourceFile>>,
    #[serde(default)]
    pub readings: Vec<Spanned<ReadingFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a text in each language: the field's `fr` and `en`, as `label.fr = \"…\"` and `label.en = \"…\"`"
)]
pub struct TextFile {
    pub fr: Option<String>,
    pub en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryFile {
    pub code: Spanned<String>,
    pub name: Option<Spanned<TextFile>>,
    #[serde(rename = "in")]
    pub inside: Option<Spanned<TextFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowFile {
    pub opens: Option<Spanned<String>>,
    pub closes: Option<Spanned<String>>,
    pub closing_time: Option<Spanned<TextFile>>,
    pub confirmed_open_until: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    pub id: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    pub label: Option<Spanned<TextFile>>,
    pub help: Option<Spanned<TextFile>>,
    pub options: Option<Vec<Spanned<OptionFile>>>,
    pub min: Option<Spanned<NumberFile>>,
    pub max: Option<Spanned<NumberFile>>,
    pub currency: Option<Spanned<String>>,
    /// Who the visitor is (a profession), not a count they could check: never offered
    /// as a change that would flip the verdict.
    pub fixed: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionFile {
    pub id: Spanned<String>,
    pub label: Option<Spanned<TextFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionFile {
    pub id: Spanned<String>,
    pub condition: Spanned<String>,
    pub met: Option<Spanned<TextFile>>,
    pub not_met: Option<Spanned<TextFile>>,
    pub unknown: Option<Spanned<TextFile>>,
    /// What to have ready for this criterion before applying, as a source says it.
    #[serde(default)]
    pub documents: Vec<Spanned<DocumentFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFile {
    /// The `id` of the source that asks for it.
    pub source: Spanned<String>,
    pub fr: Option<String>,
    pub en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmountFile {
    pub currency: Option<Spanned<String>>,
    pub kind: Spanned<String>,
    pub value: Option<Spanned<NumberFile>>,
    pub tiers: Option<Vec<Spanned<TierFile>>>,
    pub min: Option<Spanned<NumberFile>>,
    pub max: Option<Spanned<NumberFile>>,
    pub base: Option<Spanned<NumberFile>>,
    pub per_unit: Option<Spanned<NumberFile>>,
    pub units: Option<Spanned<String>>,
    pub cap: Option<Spanned<i64>>,
    pub parts: Option<Vec<Spanned<PartFile>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierFile {
    pub condition: Spanned<String>,
    pub value: Spanned<NumberFile>,
}

/// One situation of a `sum` amount.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartFile {
    pub condition: Option<Spanned<String>>,
    pub value: Option<Spanned<NumberFile>>,
    pub per_unit: Option<Spanned<NumberFile>>,
    pub units: Option<Spanned<String>>,
    /// The most units counted.
    pub cap: Option<Spanned<i64>>,
    /// The most money the per-unit amount gives.
    pub cap_amount: Option<Spanned<NumberFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceFile {
    pub what: Option<Spanned<TextFile>>,
    #[serde(default)]
    pub starts: Vec<Spanned<StartFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartFile {
    pub condition: Option<Spanned<String>>,
    pub when: Option<Spanned<TextFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// Needed only by a criterion's `documents` that cite it.
    pub id: Option<Spanned<String>>,
    pub title: String,
    pub publisher: String,
    pub date: Spanned<String>,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingFile {
    pub about: String,
    pub text: Spanned<TextFile>,
}

/// A number as written in a pack: a TOML integer, or a decimal in quotes. A TOML
/// float is kept only to be refused with a clear message, since it is not exact.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum NumberFile {
    Integer(i64),
    Text(String),
    Float(f64),
}
