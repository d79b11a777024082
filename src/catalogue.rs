//! The catalogue: the programmes shipped with the product, one per file in `packs/`.
//!
//! build.rs compiles each pack with the same `compile::compile` as everything else and
//! writes the result out as data (`rules::bake`), read here. So a broken pack fails the build
//! (with the line and column of every problem), and neither the pack parser nor the
//! validator is in the WebAssembly that visitors download.

use std::fmt;

use crate::i18n::{Lang, Ui};
use crate::pack::Programme;

/// The programmes as build.rs baked them (`rules::bake`): their structure, the text
/// of their strings, all run together, that of their `Text`s in each language, and
/// that of their sources and readings (`Apart::Sources`). One reader per type of the model, each
/// reading its fields in the order the model declares them, which is the order they
/// were written in: smaller than the code that built each value in place
/// (BENCHMARKS.md, "The fifth cut"). Tests compare what it reads with what `compile`
/// makes of the packs.
mod baked {
    use super::Apart;
    use crate::i18n::{Lang, Text};
    use crate::pack::{
        Amount, AmountRule, Benefit, Cap, Choice, Comparison, Condition, Country, Criterion, Date, Document, Part,
        PerUnit, Place, Programme, Question, QuestionKind, Reading, Source, Start, Tier, Window,
    };
    use rust_decimal::Decimal;

    const BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalogue.bin"));
    const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.txt"));

    pub fn programmes() -> Vec<Programme> {
        // Each language's texts begin with the product's words (`super::words`), its
        // sources with the printed summary's style (`super::print_style`).
        let past_words = |lang| super::words(super::texts(Apart::Texts, lang)).1;
        let past_style = |lang| super::print_style_in(super::texts(Apart::Sources, lang)).1;
        let mut reader = Reader {
            at: 0,
            text: 0,
            fr: past_words(Lang::Fr),
            en: past_words(Lang::En),
            sources: [past_style(Lang::Fr), past_style(Lang::En)],
        };
        reader.list(Reader::programme)
    }

    fn take(from: &str, at: &mut usize) -> String {
        super::slice(from, at).to_owned()
    }

    /// Where reading is, in the bytes, in the text, in each language's and in each
    /// language's sources (French, English). The data is the build's own, so
    /// never short or wrong; were it so, a read past the end gives zeros and empty
    /// strings rather than a panic.
    ///
    /// A programme's, a question's, a criterion's and a part's readers are never
    /// inlined: in the one function that reads the catalogue they were each moved through
    /// more copies, 0.3 KB gzipped in all (the other readers are smaller left inlined).
    struct Reader {
        at: usize,
        text: usize,
        fr: usize,
        en: usize,
        sources: [usize; 2],
    }

    impl Reader {
        // Never inlined: it was, at each of the readers' many reads, 0.2 KB gzipped in all.
        #[inline(never)]
        fn byte(&mut self) -> u8 {
            let byte = BYTES.get(self.at).copied().unwrap_or_default();
            self.at += 1;
            byte
        }

        /// A LEB128 number.
        fn number(&mut self) -> u64 {
            let mut value = 0u64;
            let mut shift = 0;
            while shift < 64 {
                let byte = self.byte();
                value |= u64::from(byte & 0x7f) << shift;
                if byte < 0x80 {
                    break;
                }
                shift += 7;
            }
            value
        }

        fn index(&mut self) -> usize {
            usize::try_from(self.number()).unwrap_or_default()
        }

        fn signed(&mut self) -> i64 {
            let zigzag = self.number();
            (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64)
        }

        fn flag(&mut self) -> bool {
            self.byte() != 0
        }

        fn string(&mut self) -> String {
            take(TEXT, &mut self.text)
        }

        /// Empty in a language whose texts the catalogue has not got (`super::texts`).
        fn text(&mut self) -> Text {
            Text {
                fr: take(super::texts(Apart::Texts, Lang::Fr), &mut self.fr),
                en: take(super::texts(Apart::Texts, Lang::En), &mut self.en),
            }
        }

        /// A `Text` of the sources (a reading's): empty in a language whose sources the
        /// catalogue has not got.
        fn aside_text(&mut self) -> Text {
            let [fr, en] = &mut self.sources;
            Text {
                fr: take(super::texts(Apart::Sources, Lang::Fr), fr),
                en: take(super::texts(Apart::Sources, Lang::En), en),
            }
        }

        /// A string of the sources, which each language's holds alike: that of either,
        /// empty while the catalogue has neither.
        fn aside_string(&mut self) -> String {
            let Text { fr, en } = self.aside_text();
            if fr.is_empty() {
                en
            } else {
                fr
            }
        }

        fn option<T>(&mut self, read: impl FnOnce(&mut Reader) -> T) -> Option<T> {
            self.flag().then(|| read(self))
        }

        /// Each item after a `1`, then a `0`: past the end of the bytes a flag is `0`, so a
        /// list always ends, with no length to check against what is left.
        fn list<T>(&mut self, mut read: impl FnMut(&mut Reader) -> T) -> Vec<T> {
            let mut items = Vec::new();
            while self.flag() {
                items.push(read(self));
            }
            items
        }

        fn decimal(&mut self) -> Decimal {
            let (lo, mid, hi) = (self.number() as u32, self.number() as u32, self.number() as u32);
            let negative = self.flag();
            // A scale beyond `Decimal`'s 28 would make `from_parts` panic; none is written.
            let scale = (self.number() as u32).min(28);
            Decimal::from_parts(lo, mid, hi, negative, scale)
        }

        fn date(&mut self) -> Date {
            Date { year: self.number() as u16, month: self.byte(), day: self.byte() }
        }

        #[inline(never)]
        fn programme(&mut self) -> Programme {
            Programme {
                id: self.string(),
                version: self.string(),
                hash: self.string(),
                checked: self.date(),
                name: self.text(),
                summary: self.text(),
                operator: self.string(),
                apply_url: self.string(),
                country: Country { code: self.string(), name: self.text(), inside: self.text() },
                window: Window {
                    opens: self.option(Reader::date),
                    closes: self.option(Reader::date),
                    closing_time: self.option(Reader::text),
                    confirmed_open_until: self.option(Reader::date),
                },
                questions: self.list(Reader::question),
                criteria: self.list(Reader::criterion),
                benefit: self.benefit(),
                sources: self.list(Reader::source),
                readings: self.list(|r| Reading { about: r.aside_string(), text: r.aside_text() }),
            }
        }

        #[inline(never)]
        fn question(&mut self) -> Question {
            Question {
                id: self.string(),
                label: self.text(),
                help: self.option(Reader::text),
                kind: match self.byte() {
                    1 => QuestionKind::Choice(self.list(|r| Choice { id: r.string(), label: r.text() })),
                    2 => QuestionKind::Integer { min: self.option(Reader::signed), max: self.option(Reader::signed) },
                    3 => QuestionKind::Money {
                        currency: self.string(),
                        min: self.option(Reader::decimal),
                        max: self.option(Reader::decimal),
                    },
                    _ => QuestionKind::YesNo,
                },
                fixed: self.flag(),
            }
        }

        #[inline(never)]
        fn criterion(&mut self) -> Criterion {
            Criterion {
                id: self.string(),
                condition: self.condition(),
                met: self.text(),
                not_met: self.text(),
                unknown: self.text(),
                documents: self.list(|r| Document { text: r.text(), source: r.index() }),
            }
        }

        fn condition(&mut self) -> Condition {
            match self.byte() {
                0 => Condition::All(self.list(Reader::condition)),
                1 => Condition::Any(self.list(Reader::condition)),
                2 => Condition::Not(Box::new(self.condition())),
                4 => Condition::OneOf(self.index(), self.list(Reader::index)),
                5 => {
                    let question = self.index();
                    let comparison = match self.byte() {
                        0 => Comparison::Eq,
                        1 => Comparison::Ne,
                        2 => Comparison::Lt,
                        3 => Comparison::Le,
                        4 => Comparison::Gt,
                        _ => Comparison::Ge,
                    };
                    Condition::Compare(question, comparison, self.decimal())
                }
                _ => Condition::IsYes(self.index()),
            }
        }

        fn benefit(&mut self) -> Benefit {
            match self.byte() {
                0 => Benefit::Money(Amount {
                    currency: self.string(),
                    rule: match self.byte() {
                        0 => AmountRule::Fixed(self.decimal()),
                        1 => AmountRule::Tiered(self.list(|r| Tier { condition: r.condition(), value: r.decimal() })),
                        2 => AmountRule::Range { min: self.decimal(), max: self.decimal() },
                        _ => AmountRule::Sum(self.list(Reader::part)),
                    },
                }),
                _ => Benefit::Place(Place {
                    what: self.text(),
                    starts: self.list(|r| Start { condition: r.option(Reader::condition), when: r.text() }),
                }),
            }
        }

        #[inline(never)]
        fn part(&mut self) -> Part {
            Part {
                condition: self.option(Reader::condition),
                value: self.decimal(),
                per_unit: self.option(|r| PerUnit {
                    value: r.decimal(),
                    units: r.index(),
                    cap: r.option(|r| match r.byte() {
                        0 => Cap::Units(r.signed()),
                        _ => Cap::Money(r.decimal()),
                    }),
                }),
            }
        }

        /// A source a document cites (one with an id) is read with the other strings;
        /// one that none cites, with the sources.
        fn source(&mut self) -> Source {
            let id = self.option(Reader::string);
            let string = if id.is_some() { Reader::string } else { Reader::aside_string };
            Source { id, title: string(self), publisher: string(self), date: string(self), url: self.option(string) }
        }
    }
}

/// The text up to the NUL at or after `at` in `from`, which ends each string; `at`
/// moves past it.
fn slice<'a>(from: &'a str, at: &mut usize) -> &'a str {
    // Found by `find`, whose search the WebAssembly has anyway, not a loop of its own (−9 B gzipped).
    let rest = from.get(*at..).unwrap_or_default();
    let text = rest.get(..rest.find('\0').unwrap_or(rest.len())).unwrap_or_default();
    *at = at.saturating_add(text.len()).saturating_add(1);
    text
}

/// The product's words at the head of a language's texts, as build.rs writes them
/// (`Ui::words`, each ended by a NUL), and where the programmes' texts begin after them.
fn words(texts: &str) -> ([&str; Ui::COUNT], usize) {
    let mut at = 0;
    let mut words = [""; Ui::COUNT];
    for word in &mut words {
        *word = slice(texts, &mut at);
    }
    (words, at)
}

/// The printed summary's style (src/widget/summary.css) at the head of a language's
/// sources, as build.rs writes it, and where the sources begin after it.
fn print_style_in(sources: &str) -> (&str, usize) {
    let mut at = 0;
    (slice(sources, &mut at), at)
}

/// The printed summary's style, from the sources in `lang` once given: a summary in
/// `lang` waits for them, as it cites them.
pub fn print_style(lang: Lang) -> &'static str {
    print_style_in(texts(Apart::Sources, lang)).0
}

/// The two parts of the programmes' data that come in each language, apart from their
/// structure: their texts, and their sources with the pack's readings of them (the
/// strings of every `Reading` and of every `Source` that no document cites: what the
/// widget shows only when the visitor opens "Sources and rules" or keeps a summary).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Apart {
    Texts,
    Sources,
}

impl Apart {
    /// The name the element script fetches `self` in `lang` by (`need`, then `texts`
    /// or `unavailable`): `fr`, `en`, `sources.fr`, `sources.en`.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Apart::Texts, _) => lang.code(),
            (Apart::Sources, Lang::Fr) => "sources.fr",
            (Apart::Sources, Lang::En) => "sources.en",
        }
    }

    /// The part and language that `name` is the name of, if it is one of the four: the
    /// inverse of `Apart::name` (tested so), as one match of the four names (a language
    /// read apart by `Lang`'s `from_str` would copy any other name into its error).
    pub fn of(name: &str) -> Option<(Apart, Lang)> {
        Some(match name {
            "fr" => (Apart::Texts, Lang::Fr),
            "en" => (Apart::Texts, Lang::En),
            "sources.fr" => (Apart::Sources, Lang::Fr),
            "sources.en" => (Apart::Sources, Lang::En),
            _ => return None,
        })
    }
}

/// Where `part` in `lang` is among the four given (`GIVEN`) and in a read's key (`programmes`).
#[cfg(not(feature = "standalone"))]
fn slot(part: Apart, lang: Lang) -> usize {
    usize::from(part == Apart::Sources) << 1 | usize::from(lang == Lang::En)
}

/// `part` of the programmes in `lang`, as build.rs baked it, built in.
#[cfg(feature = "standalone")]
fn texts(part: Apart, lang: Lang) -> &'static str {
    match (part, lang) {
        (Apart::Texts, Lang::Fr) => include_str!(concat!(env!("OUT_DIR"), "/catalogue.fr.txt")),
        (Apart::Texts, Lang::En) => include_str!(concat!(env!("OUT_DIR"), "/catalogue.en.txt")),
        (Apart::Sources, Lang::Fr) => include_str!(concat!(env!("OUT_DIR"), "/catalogue.sources.fr.txt")),
        (Apart::Sources, Lang::En) => include_str!(concat!(env!("OUT_DIR"), "/catalogue.sources.en.txt")),
    }
}

#[cfg(not(feature = "standalone"))]
thread_local! {
    /// The texts and the sources of the programmes in French and in English, once
    /// given (`give`), at their `slot`; empty before. A thread-local of cells rather than
    /// `OnceLock`s: the element's engine runs on one thread, and a `OnceLock`'s
    /// synchronisation cost 69 B gzipped.
    static GIVEN: [std::cell::Cell<&'static str>; 4] = const { [const { std::cell::Cell::new("") }; 4] };
}

/// `part` of the programmes in `lang`, once given (`give`); empty before.
#[cfg(not(feature = "standalone"))]
fn texts(part: Apart, lang: Lang) -> &'static str {
    GIVEN.with(|given| given.get(slot(part, lang)).map_or("", std::cell::Cell::get))
}

/// Gives the catalogue `part` of the programmes in `lang` (the file scripts/build.sh
/// ships for it, which the element script fetches when a widget first needs it): the
/// WebAssembly a page loads is built without them, so that a page pays for one
/// language's texts, not both, and for the sources only once a visitor wants them.
/// Given again, they are kept as they were.
#[cfg(not(feature = "standalone"))]
pub fn give(part: Apart, lang: Lang, text: String) {
    if has(part, lang) {
        return;
    }
    // Kept for as long as the page, as a `&'static str` that reads like the built-in
    // texts. `String::leak`, not boxed first: wasm-bindgen's copy is exactly its length,
    // and the shrinking cost 23 B gzipped.
    let text: &'static str = text.leak();
    if part == Apart::Texts {
        crate::i18n::give_words(lang, words(text).0);
    }
    GIVEN.with(|given| given.get(slot(part, lang)).map(|cell| cell.set(text)));
}

/// Whether the catalogue has `part` of the programmes in `lang`: always, where it is
/// built in; in the WebAssembly a page loads, once given.
pub fn has(part: Apart, lang: Lang) -> bool {
    !texts(part, lang).is_empty()
}

/// The built-in programmes, in the order of their file names: read once, with both
/// languages' texts built in.
#[cfg(feature = "standalone")]
pub fn programmes() -> &'static [Programme] {
    static PROGRAMMES: std::sync::OnceLock<Vec<Programme>> = std::sync::OnceLock::new();
    PROGRAMMES.get_or_init(baked::programmes)
}

#[cfg(not(feature = "standalone"))]
thread_local! {
    /// The last read of the programmes, and which parts were given then (a bit per
    /// `slot`). A cell of a thread-local, as `GIVEN`, rather than a `OnceLock` (−67 B
    /// gzipped): the element's engine runs on one thread.
    static READ: std::cell::Cell<Option<(usize, &'static [Programme])>> = const { std::cell::Cell::new(None) };
}

/// The built-in programmes, in the order of their file names. Each language's texts
/// and sources are empty until the catalogue has them (`has`): the programmes are read
/// again once a part is given. Parts are only ever added, so an earlier set never
/// comes back: the last read is the one kept for new callers, while each earlier one
/// stays valid for those that hold it (at most five in a page, a few tens of KB each).
#[cfg(not(feature = "standalone"))]
pub fn programmes() -> &'static [Programme] {
    // Read from the cells at their slots, where asking `has` of each part in each
    // language reached them through a function per pair.
    let mut given = 0;
    GIVEN.with(|cells| {
        for (i, cell) in cells.iter().enumerate() {
            given |= usize::from(!cell.get().is_empty()) << i;
        }
    });
    READ.with(|last| match last.get() {
        Some((then, programmes)) if then == given => programmes,
        _ => {
            // Kept for as long as the page, as a `OnceLock` would keep it.
            let programmes: &'static [Programme] = Vec::leak(baked::programmes());
            last.set(Some((given, programmes)));
            programmes
        }
    })
}

/// Whether `programme`, as read, waits for its sources in `lang` (`Apart::Sources`):
/// a source with no title, or a reading with no text in `lang`. Never, where they are
/// built in, nor for a programme with no reading and every source cited.
pub fn awaits_sources(programme: &Programme, lang: Lang) -> bool {
    programme.sources.iter().any(|s| s.title.is_empty())
        || programme.readings.iter().any(|r| r.text.get(lang).is_empty())
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

#[cfg(all(test, feature = "standalone"))]
mod tests {
    use super::*;

    /// Each part in each language has its own name, which reads back as it; any other
    /// name is none of them.
    #[test]
    fn a_part_is_named_and_read_back_by_its_name() {
        let mut names = Vec::new();
        for part in [Apart::Texts, Apart::Sources] {
            for lang in Lang::ALL {
                assert_eq!(Apart::of(part.name(lang)), Some((part, lang)));
                names.push(part.name(lang));
            }
        }
        assert_eq!(names, ["fr", "en", "sources.fr", "sources.en"]);
        for other in ["", "de", "sources", "sources.de", "FR", "texts.fr"] {
            assert_eq!(Apart::of(other), None, "{other}");
        }
    }

    /// The head of each language's texts is the product's words in it, as built in; that
    /// of its sources, the printed summary's style.
    #[test]
    fn the_texts_begin_with_the_words_and_the_sources_with_the_print_style() {
        for lang in Lang::ALL {
            let (words, end) = words(texts(Apart::Texts, lang));
            assert_eq!(words, crate::i18n::ui(lang).words(), "{lang:?}");
            assert!(end > 0 && end < texts(Apart::Texts, lang).len());
        }
        for lang in Lang::ALL {
            assert!(print_style(lang).starts_with("@page{") && print_style(lang).ends_with("break-inside:avoid}"));
        }
    }
}
