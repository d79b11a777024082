//! Answers carried in a link, with no server: the URL fragment (after `#`, which
//! browsers never send) holds what the visitor answered and which rules they were
//! answered for. Pure: the DOM layer reads `location.hash` and writes the clipboard.
//!
//! The format, version 1 (one field per `;`, values separated by `,`):
//!
//! ```text
//! #eligibility=v1;p=netflix-audiens-2020,1.2.1,3f2a9c1b2d4e;a=profession,artist;a=annual_resources,20%2C000,20000;w=1
//! ```
//!
//! - `v1` first: a link of another version is refused whole, never half read.
//! - `p=<id>,<version>,<hash>`, once per programme of the widget, in its order: the
//!   pack's version and the first 12 hex digits of its SHA-256 (enough to tell a change;
//!   the link proves nothing, it only remembers).
//! - `a=<question id>,<raw>[,<chosen>]`, once per answer: the text the visitor typed or
//!   the option they chose, as the widget keeps it (`Kept`), and the reading they chose
//!   of a number that reads two ways.
//! - `w=<n>`: the widget's rank among the page's widgets of the same programmes, from 0,
//!   when not the first (`w=1`: the second); a page may hold several.
//!
//! Every value is percent-encoded but for `A–Z a–z 0–9 - . _` (a `~` is read as
//! itself or `%7E`, as URL tools may write either); the separators `;` `=` `,` are
//! sub-delimiters no tool decodes. Anything else is refused: an unknown field, a bad
//! escape, a duplicate, a value out of its shape, a link longer than `MAX_LENGTH`.

use std::fmt;

use crate::i18n::{cut, digits};
use crate::money::canonical;

use crate::widget::state::{Kept, WidgetState};

/// What starts a fragment of ours; other fragments are the page's own, and ignored.
pub const PREFIX: &str = "eligibility=";
const VERSION: &str = "v1";
/// Hex digits of a pack's hash a link carries.
pub const HASH_DIGITS: usize = 12;
/// Longer fragments are refused before any reading; ours are a few hundred bytes.
pub const MAX_LENGTH: usize = 4096;
const MAX_PROGRAMMES: usize = 16;
const MAX_ANSWERS: usize = 128;
/// Bytes of a decoded value: more than any answer a visitor types.
const MAX_VALUE: usize = 256;

/// The rules a link's answers were given for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    pub id: String,
    pub version: String,
    /// The first `HASH_DIGITS` hex digits of the pack's SHA-256.
    pub hash: String,
}

/// What a link holds: which widget, for which rules, with which answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub programmes: Vec<Pin>,
    /// The widget's rank among the page's widgets of the same programmes.
    pub rank: usize,
    pub answers: Vec<Kept>,
}

/// Why a fragment of ours could not be read exactly; nothing of it is then restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    TooLong,
    /// Another version of the format than `v1`.
    Version,
    /// A field other than `p`, `a` and `w`, or one without `=`.
    UnknownField,
    /// A `%` not followed by two hex digits, a character that should have been escaped,
    /// or bytes that are not UTF-8.
    Escape,
    /// A value out of its shape: `Part` names it.
    Shape(Part),
    /// The same programme or question twice, or two ranks.
    Duplicate,
    NoProgramme,
    TooMany,
}

/// The part of a link whose value is out of its shape. A name rather than its words,
/// which only `Display` writes: the widget drops the error, and the words were data it
/// carried for nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Programme,
    Answer,
    ChosenReading,
    Rank,
    ValueLength,
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Programme => "a programme",
            Part::Answer => "an answer",
            Part::ChosenReading => "a chosen reading",
            Part::Rank => "the rank",
            Part::ValueLength => "a value's length",
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLong => write!(f, "the link is longer than {MAX_LENGTH} characters"),
            LinkError::Version => write!(f, "the link's format is not `{VERSION}`"),
            LinkError::UnknownField => f.write_str("the link has a field other than `p`, `a` and `w`"),
            LinkError::Escape => f.write_str("a value is not percent-encoded UTF-8"),
            LinkError::Shape(part) => write!(f, "{} is not well formed", part.name()),
            LinkError::Duplicate => f.write_str("a programme, an answer or the rank is given twice"),
            LinkError::NoProgramme => f.write_str("the link names no programme"),
            LinkError::TooMany => f.write_str("the link holds too many programmes or answers"),
        }
    }
}

impl std::error::Error for LinkError {}

impl Link {
    /// The link of a widget's state: its programmes, pinned, and what the visitor answered.
    pub fn of(state: &WidgetState, rank: usize) -> Link {
        // Plain loops rather than collected iterators: each `collect` is its own code.
        let mut programmes = Vec::new();
        for p in &state.form.programmes {
            programmes.push(Pin { id: p.id.clone(), version: p.version.clone(), hash: short_hash(&p.hash) });
        }
        // A value the widget refused (`abc` days) is no answer: opening the link would
        // name it as one that "no longer fits".
        let answers = state.kept_where(false);
        Link { programmes, rank, answers }
    }

    /// The fragment, without its `#`.
    pub fn fragment(&self) -> String {
        // The version pushed onto the prefix rather than both concatenated (−8 B).
        let mut out = PREFIX.to_owned();
        out.push_str(VERSION);
        for pin in &self.programmes {
            out.push_str(";p=");
            push_values(&mut out, &[&pin.id, &pin.version, &pin.hash]);
        }
        for kept in &self.answers {
            out.push_str(";a=");
            push_values(&mut out, &[&kept.id, &kept.raw]);
            if let Some(chosen) = kept.chosen {
                out.push(',');
                encode_into(&mut out, &canonical(chosen));
            }
        }
        if self.rank > 0 {
            out.push_str(";w=");
            out.push_str(&digits(self.rank as u64));
        }
        out
    }

    /// Reads a fragment (`location.hash`, with or without its `#`): `None` when it is
    /// not ours, an error when it is ours but cannot be read exactly.
    pub fn read(fragment: &str) -> Result<Option<Link>, LinkError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let Some(body) = fragment.strip_prefix(PREFIX) else { return Ok(None) };
        if fragment.len() > MAX_LENGTH {
            return Err(LinkError::TooLong);
        }
        let (version, mut fields) = cut(body, [b';'; 2]);
        if version != VERSION {
            return Err(LinkError::Version);
        }
        let mut link = Link { programmes: Vec::new(), rank: 0, answers: Vec::new() };
        let mut ranked = false;
        while let Some(rest) = fields {
            let field;
            (field, fields) = cut(rest, [b';'; 2]);
            let (key, Some(mut values)) = cut(field, [b'='; 2]) else { return Err(LinkError::UnknownField) };
            let mut decoded = Vec::new();
            loop {
                let (value, more) = cut(values, [b','; 2]);
                decoded.push(decode(value)?);
                let Some(more) = more else { break };
                values = more;
            }
            let values = decoded;
            // The key first, then its values' shape: each key compared once.
            match key {
                "p" => {
                    let [id, version, hash] = values.as_slice() else { return Err(LinkError::Shape(Part::Programme)) };
                    if !is_id(id) || !is_version(version) || !is_hash(hash) {
                        return Err(LinkError::Shape(Part::Programme));
                    }
                    if link.programmes.iter().any(|p| p.id == *id) {
                        return Err(LinkError::Duplicate);
                    }
                    link.programmes.push(Pin { id: id.clone(), version: version.clone(), hash: hash.clone() });
                }
                "a" => {
                    let [id, raw, chosen @ ..] = values.as_slice() else { return Err(LinkError::Shape(Part::Answer)) };
                    if chosen.len() > 1 || !is_id(id) || raw.is_empty() {
                        return Err(LinkError::Shape(Part::Answer));
                    }
                    let chosen = match chosen.first() {
                        Some(text) => Some(read_chosen(text)?),
                        None => None,
                    };
                    if link.answers.iter().any(|k| k.id == *id) {
                        return Err(LinkError::Duplicate);
                    }
                    link.answers.push(Kept { id: id.clone(), raw: raw.clone(), chosen });
                }
                "w" => {
                    let [rank] = values.as_slice() else { return Err(LinkError::Shape(Part::Rank)) };
                    if ranked {
                        return Err(LinkError::Duplicate);
                    }
                    link.rank = read_rank(rank)?;
                    ranked = true;
                }
                _ => return Err(LinkError::UnknownField),
            }
            if link.programmes.len() > MAX_PROGRAMMES || link.answers.len() > MAX_ANSWERS {
                return Err(LinkError::TooMany);
            }
        }
        if link.programmes.is_empty() {
            return Err(LinkError::NoProgramme);
        }
        Ok(Some(link))
    }

    /// Whether the link was made by a widget of these programmes (in any order) and
    /// this rank among the page's widgets of the same programmes.
    pub fn is_for(&self, programmes: &[&str], rank: usize) -> bool {
        // The pins' ids gathered for `same_programmes`, rather than compared by a second copy of it.
        let mut ids = Vec::new();
        for pin in &self.programmes {
            ids.push(pin.id.as_str());
        }
        same_programmes(&ids, programmes) && self.rank == rank
    }
}

/// What opening a link did to a widget, to be said to the visitor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FromLink {
    /// Answers restored; `changed`: `(programme's index in the form, the link's
    /// version)` for each whose rules changed since; `dropped`: ids of the answers left out.
    Restored { changed: Vec<(usize, String)>, dropped: Vec<String> },
    /// The link was ours but could not be read exactly: nothing was restored.
    Unreadable,
}

impl FromLink {
    /// Restores the link's answers into `state`, keeping those that still fit.
    pub fn restore(state: &mut WidgetState, link: &Link) -> FromLink {
        let mut changed = Vec::new();
        // Plain loops, not `find` and its closure: a programme's first pin, if any.
        for (i, programme) in state.form.programmes.iter().enumerate() {
            for pin in &link.programmes {
                if pin.id != programme.id {
                    continue;
                }
                if pin.version != programme.version || pin.hash != short_hash(&programme.hash) {
                    changed.push((i, pin.version.clone()));
                }
                break;
            }
        }
        let dropped = state.restore_fitting(&link.answers);
        FromLink::Restored { changed, dropped }
    }

    /// What to tell the visitor, in the state's language.
    pub fn message(&self, state: &WidgetState) -> String {
        let lang = state.lang;
        let FromLink::Restored { changed, dropped } = self else {
            return crate::i18n::ui(lang).unreadable().to_owned();
        };
        crate::widget::wording::restored(&state.form, changed, dropped, lang)
    }
}

/// Whether two lists name the same programmes, whatever their order: widgets of the
/// same programmes are the same form. (Lists are short: no sorting code is shipped.)
pub fn same_programmes(a: &[&str], b: &[&str]) -> bool {
    within(a, b) && within(b, a)
}

/// Whether every id of `a` is in `b`: one loop for both ways.
fn within(a: &[&str], b: &[&str]) -> bool {
    // `any`, not `contains`, whose code for texts nothing else uses now (−28 B, with `Form::new`'s).
    a.iter().all(|id| b.iter().any(|other| other == id))
}

/// The first `HASH_DIGITS` of a hex hash (all of it, if shorter): its first bytes, as
/// hex digits are ASCII, rather than its characters decoded and collected.
pub fn short_hash(hash: &str) -> String {
    hash.get(..HASH_DIGITS).unwrap_or(hash).to_owned()
}

fn push_values(out: &mut String, values: &[&str]) {
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        encode_into(out, value);
    }
}

/// Percent-encodes all but `A–Z a–z 0–9 - . _`, byte by byte (UTF-8), upper-case hex.
fn encode_into(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
}

/// Decodes a percent-encoded value; refuses a literal character that should have been
/// escaped, a broken escape, and bytes that are not UTF-8. The bytes are read as UTF-8
/// as they are decoded, a character at a time, rather than gathered first and read
/// again: what `String::from_utf8` accepts, without `core::str::from_utf8`, whose
/// word-at-a-time validation was 0.7 KB for values of a few bytes.
fn decode(value: &str) -> Result<String, LinkError> {
    let mut text = String::with_capacity(value.len());
    let mut rest = value.bytes();
    let mut length = 0;
    // The character being read: its bits so far, how many continuation bytes are still
    // to come, and the least character that needs that many (fewer would be an
    // overlong form). Bytes that are not UTF-8 are told at the end, after the length,
    // as when they were read after it.
    let (mut code, mut more, mut least) = (0, 0, 0);
    let mut utf8 = true;
    while let Some(byte) = rest.next() {
        let byte = match byte {
            b'%' => {
                let high = hex(rest.next()).ok_or(LinkError::Escape)?;
                let low = hex(rest.next()).ok_or(LinkError::Escape)?;
                high << 4 | low
            }
            b if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') => b,
            _ => return Err(LinkError::Escape),
        };
        length += 1;
        if more > 0 {
            utf8 &= byte & 0xc0 == 0x80;
            code = code << 6 | u32::from(byte & 0x3f);
            more -= 1;
        } else {
            (code, more, least) = match byte {
                0x00..=0x7f => (u32::from(byte), 0, 0),
                0xc0..=0xdf => (u32::from(byte & 0x1f), 1, 0x80),
                0xe0..=0xef => (u32::from(byte & 0x0f), 2, 0x800),
                0xf0..=0xf7 => (u32::from(byte & 0x07), 3, 0x1_0000),
                _ => (0, 0, 1),
            };
        }
        if more == 0 {
            // Refuses the overlong forms, the surrogates and what lies past U+10FFFF.
            match char::from_u32(code) {
                Some(c) if code >= least => text.push(c),
                _ => utf8 = false,
            }
        }
    }
    if length > MAX_VALUE {
        return Err(LinkError::Shape(Part::ValueLength));
    }
    // A character cut short at the end is no UTF-8 either.
    if !utf8 || more > 0 {
        return Err(LinkError::Escape);
    }
    Ok(text)
}

/// A hex digit's value, either case: what `to_digit(16)` gives, without its code for
/// every radix.
fn hex(byte: Option<u8>) -> Option<u8> {
    match byte? {
        b @ b'0'..=b'9' => Some(b - b'0'),
        b @ b'a'..=b'f' => Some(b - b'a' + 10),
        b @ b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Question and programme ids: lower-case letters, digits, `_` and `-`.
fn is_id(text: &str) -> bool {
    shaped(text, Shape::Id)
}

fn is_version(text: &str) -> bool {
    shaped(text, Shape::Version)
}

fn is_hash(text: &str) -> bool {
    text.len() == HASH_DIGITS && shaped(text, Shape::Hash)
}

/// The bytes a value may hold, each shape allowing what the one before it does and more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    /// Digits.
    Rank,
    /// Digits and `a`–`f`.
    Hash,
    /// Digits, lower-case letters, `_` and `-`.
    Id,
    /// Digits, letters of either case, `-`, `.` and `+`.
    Version,
}

/// Whether `shape` allows `byte`: one match for the four shapes, where each was a
/// closure passed to `shaped`, a function of its own.
fn allowed(byte: u8, shape: Shape) -> bool {
    match byte {
        b'0'..=b'9' => true,
        b'a'..=b'f' => shape >= Shape::Hash,
        b'g'..=b'z' | b'-' => shape >= Shape::Id,
        b'_' => shape == Shape::Id,
        b'A'..=b'Z' | b'.' | b'+' => shape == Shape::Version,
        _ => false,
    }
}

/// Whether `text` has one to its shape's most bytes, each allowed by `shape`.
fn shaped(text: &str, shape: Shape) -> bool {
    let max = match shape {
        Shape::Rank => 3,
        Shape::Hash => HASH_DIGITS,
        Shape::Id => 64,
        Shape::Version => 32,
    };
    (1..=max).contains(&text.len()) && text.bytes().all(|b| allowed(b, shape))
}

/// A chosen reading: a decimal written exactly as `Link::fragment` writes one.
fn read_chosen(text: &str) -> Result<rust_decimal::Decimal, LinkError> {
    // One test for both ways to fail, with no closure to map the reader's error.
    match crate::money::read_decimal(text) {
        Ok(value) if canonical(value) == text => Ok(value),
        _ => Err(LinkError::Shape(Part::ChosenReading)),
    }
}

/// A rank: digits with no leading zero, at most 999; `0` is written by leaving
/// the field out.
fn read_rank(text: &str) -> Result<usize, LinkError> {
    let bad = LinkError::Shape(Part::Rank);
    // At most three digits, the first not a zero: no integer parsing needed.
    if !shaped(text, Shape::Rank) || text.starts_with('0') {
        return Err(bad);
    }
    Ok(text.bytes().fold(0, |rank, b| rank * 10 + usize::from(b - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    /// The words of a value out of its shape, as they were when the error held them.
    #[test]
    fn a_part_out_of_its_shape_is_named_as_before() {
        let said = |part| LinkError::Shape(part).to_string();
        assert_eq!(said(Part::Programme), "a programme is not well formed");
        assert_eq!(said(Part::Answer), "an answer is not well formed");
        assert_eq!(said(Part::ChosenReading), "a chosen reading is not well formed");
        assert_eq!(said(Part::Rank), "the rank is not well formed");
        assert_eq!(said(Part::ValueLength), "a value's length is not well formed");
    }

    /// Each shape's bytes as the closures that said them before one match did.
    #[test]
    fn each_shape_allows_the_bytes_it_did() {
        for b in 0..=u8::MAX {
            assert_eq!(allowed(b, Shape::Rank), b.is_ascii_digit(), "{b}");
            assert_eq!(allowed(b, Shape::Hash), b.is_ascii_digit() || (b'a'..=b'f').contains(&b), "{b}");
            let id = b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-';
            assert_eq!(allowed(b, Shape::Id), id, "{b}");
            assert_eq!(allowed(b, Shape::Version), b.is_ascii_alphanumeric() || b"-.+".contains(&b), "{b}");
        }
    }

    #[test]
    fn hex_digits_are_read_as_to_digit_reads_them() {
        for byte in 0..=u8::MAX {
            let expected = char::from(byte).to_digit(16).and_then(|d| u8::try_from(d).ok());
            assert_eq!(hex(Some(byte)), expected, "{byte}");
        }
        assert_eq!(hex(None), None);
    }

    /// `decode` against `String::from_utf8` on every sequence of one or two bytes and on
    /// three and four bytes whose later bytes sit at the edges of the continuation range,
    /// each byte percent-encoded.
    #[test]
    fn utf8_accepts_and_refuses_what_from_utf8_does() {
        let utf8 = |bytes: &[u8]| {
            let encoded: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
            decode(&encoded).ok()
        };
        let edges = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xf4, 0xff];
        let check = |bytes: &[u8]| {
            assert_eq!(utf8(bytes), String::from_utf8(bytes.to_vec()).ok(), "{bytes:02x?}");
        };
        for a in 0..=u8::MAX {
            check(&[a]);
            for b in 0..=u8::MAX {
                check(&[a, b]);
                check(&[b'x', a, b]);
            }
            for b in edges {
                for c in edges {
                    check(&[a, b, c]);
                    for d in edges {
                        check(&[a, b, c, d]);
                    }
                }
            }
        }
    }

    #[test]
    fn a_short_hash_is_the_first_digits() {
        for programme in crate::catalogue::programmes() {
            let expected: String = programme.hash.chars().take(HASH_DIGITS).collect();
            assert_eq!(short_hash(&programme.hash), expected);
            assert!(is_hash(&expected));
        }
        assert_eq!(short_hash("3f2a9c1b2d4e5f60"), "3f2a9c1b2d4e");
        assert_eq!(short_hash("3f2a"), "3f2a");
    }

    fn kept(id: &str, raw: &str, chosen: Option<i64>) -> Kept {
        Kept { id: id.into(), raw: raw.into(), chosen: chosen.map(Decimal::from) }
    }

    fn link() -> Link {
        Link {
            programmes: vec![Pin {
                id: "netflix-audiens-2020".into(),
                version: "1.1.0".into(),
                hash: "3f2a9c1b2d4e".into(),
            }],
            rank: 0,
            answers: vec![
                kept("profession", "artist", None),
                kept("annual_resources", "20,000", Some(20_000)),
                kept("note", "été 50/50 ; 100 % = ok~", None),
                kept("days_worked", "unknown", None),
            ],
        }
    }

    #[test]
    fn a_link_reads_back_exactly_what_it_wrote() {
        let link = link();
        let fragment = link.fragment();
        assert_eq!(
            fragment,
            "eligibility=v1;p=netflix-audiens-2020,1.1.0,3f2a9c1b2d4e;a=profession,artist;\
             a=annual_resources,20%2C000,20000;a=note,%C3%A9t%C3%A9%2050%2F50%20%3B%20100%20%25%20%3D%20ok%7E;\
             a=days_worked,unknown"
        );
        assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%;=,".contains(&b)), "percent-safe");
        assert_eq!(Link::read(&format!("#{fragment}")), Ok(Some(link.clone())));
        assert_eq!(Link::read(&fragment), Ok(Some(link.clone())), "with or without its #");
        let ranked = Link { rank: 2, ..link };
        assert!(ranked.fragment().ends_with(";w=2"));
        assert_eq!(Link::read(&ranked.fragment()), Ok(Some(ranked)));
    }

    #[test]
    fn the_pages_own_fragments_are_not_ours() {
        for fragment in
            ["", "#", "#section-2", "#eligibility", "#Eligibility=v1;p=a,1,000000000000", "#x;eligibility=v1"]
        {
            assert_eq!(Link::read(fragment), Ok(None), "{fragment}");
        }
    }

    /// Each hostile or damaged fragment is refused whole, with the right reason.
    #[test]
    fn what_cannot_be_read_exactly_is_refused() {
        let pin = "p=netflix-audiens-2020,1.1.0,3f2a9c1b2d4e";
        let check = |fragment: String, expected: LinkError| {
            assert_eq!(Link::read(&fragment), Err(expected), "{fragment}");
        };
        check(format!("#eligibility=v2;{pin}"), LinkError::Version);
        check("#eligibility=".into(), LinkError::Version);
        check("#eligibility=v1".into(), LinkError::NoProgramme);
        check(format!("#eligibility=v1;{pin};x=1"), LinkError::UnknownField);
        check(format!("#eligibility=v1;{pin};"), LinkError::UnknownField);
        check(format!("#eligibility=v1;{pin};a=profession,art%ist"), LinkError::Escape);
        check(format!("#eligibility=v1;{pin};a=profession,artist%4"), LinkError::Escape);
        check(format!("#eligibility=v1;{pin};a=profession,%FF%FE"), LinkError::Escape);
        check(format!("#eligibility=v1;{pin};a=profession,<img onerror=x>"), LinkError::Escape);
        check(format!("#eligibility=v1;{pin};a=profession,a b"), LinkError::Escape);
        check(format!("#eligibility=v1;{pin};a=profession,%C3%A9%C3"), LinkError::Escape);
        check(format!("#eligibility=v1;{pin};a=Profession,artist"), LinkError::Shape(Part::Answer));
        check(format!("#eligibility=v1;{pin};a=profession,"), LinkError::Shape(Part::Answer));
        check(format!("#eligibility=v1;{pin};a=profession"), LinkError::Shape(Part::Answer));
        check(format!("#eligibility=v1;{pin};a=profession,1,2,3"), LinkError::Shape(Part::Answer));
        check(format!("#eligibility=v1;{pin};a=days,12,1e3"), LinkError::Shape(Part::ChosenReading));
        check(format!("#eligibility=v1;{pin};a=days,12,12.0"), LinkError::Shape(Part::ChosenReading));
        check(format!("#eligibility=v1;{pin};a=profession,artist;a=profession,other"), LinkError::Duplicate);
        check(format!("#eligibility=v1;{pin};{pin}"), LinkError::Duplicate);
        check("#eligibility=v1;p=netflix-audiens-2020,1.1.0,3F2A9C1B2D4E".into(), LinkError::Shape(Part::Programme));
        check("#eligibility=v1;p=netflix-audiens-2020,1.1.0,3f2a".into(), LinkError::Shape(Part::Programme));
        check("#eligibility=v1;p=netflix-audiens-2020,1.1.0".into(), LinkError::Shape(Part::Programme));
        check("#eligibility=v1;p=../x,1,3f2a9c1b2d4e".into(), LinkError::Escape);
        check("#eligibility=v1;p=%2E%2E%2Fx,1,3f2a9c1b2d4e".into(), LinkError::Shape(Part::Programme));
        check(format!("#eligibility=v1;{pin};w=0"), LinkError::Shape(Part::Rank));
        check(format!("#eligibility=v1;{pin};w=01"), LinkError::Shape(Part::Rank));
        check(format!("#eligibility=v1;{pin};w=1000"), LinkError::Shape(Part::Rank));
        check(format!("#eligibility=v1;{pin};w=99999999999999999999999"), LinkError::Shape(Part::Rank));
        check(format!("#eligibility=v1;{pin};w=1;w=2"), LinkError::Duplicate);
        check(format!("#eligibility=v1;{pin};a=x,{}", "y".repeat(MAX_VALUE + 1)), LinkError::Shape(Part::ValueLength));
        check(
            format!("#eligibility=v1;{pin};a=x,{}", "%41".repeat(MAX_VALUE + 1)),
            LinkError::Shape(Part::ValueLength),
        );
        // Too long is said before bytes that are not UTF-8, wherever they are.
        check(
            format!("#eligibility=v1;{pin};a=x,{}", "%FF".repeat(MAX_VALUE + 1)),
            LinkError::Shape(Part::ValueLength),
        );
        check(format!("#eligibility=v1;{pin};a=x,%C3{}", "y".repeat(MAX_VALUE)), LinkError::Shape(Part::ValueLength));
        check(format!("#eligibility=v1;{pin};a=x,%C3{}", "y".repeat(MAX_VALUE - 1)), LinkError::Escape);
        check(format!("#eligibility=v1;{pin};a=x,%C3%A9%FF%zz"), LinkError::Escape);
        check(format!("#eligibility=v1;{pin}{}", ";a=x,y".repeat(MAX_LENGTH)), LinkError::TooLong);
        let many: String = (0..=MAX_ANSWERS).map(|i| format!(";a=q{i},y")).collect();
        check(format!("#eligibility=v1;{pin}{many}"), LinkError::TooMany);
        assert_eq!(LinkError::Version.to_string(), "the link's format is not `v1`");
    }

    #[test]
    fn reading_never_panics_on_any_cut_or_byte() {
        let fragment = link().fragment();
        for end in 0..=fragment.len() {
            let _ = fragment.get(..end).map(Link::read);
        }
        for byte in 0..=255u8 {
            let text = format!("{fragment}{}", char::from(byte));
            assert!(
                Link::read(&text).is_err() || byte == b'~' || byte.is_ascii_alphanumeric() || b"-._".contains(&byte)
            );
        }
    }

    fn netflix(lang: crate::i18n::Lang) -> WidgetState {
        let programme = crate::catalogue::programme("netflix-audiens-2020").unwrap_or_else(|e| panic!("{e}"));
        WidgetState::new(vec![programme], lang, crate::pack::Date { year: 2020, month: 4, day: 15 })
    }

    #[test]
    fn a_value_the_widget_refused_is_not_put_in_a_link() {
        let mut state = netflix(crate::i18n::Lang::En);
        for (id, raw) in [("profession", "artist"), ("days_worked", "abc")] {
            let question = state.form.position(id).unwrap_or(usize::MAX);
            state.update(crate::widget::state::Message::Answer { question, raw: raw.into() });
        }
        let ids: Vec<String> = Link::of(&state, 0).answers.into_iter().map(|k| k.id).collect();
        assert_eq!(ids, ["profession"]);
    }

    #[test]
    fn a_widgets_answers_go_through_a_link_and_come_back_the_same() {
        let mut state = netflix(crate::i18n::Lang::Fr);
        let mut answer = |id: &str, raw: &str| {
            let question = state.form.position(id).unwrap_or(usize::MAX);
            state.update(crate::widget::state::Message::Answer { question, raw: raw.into() });
        };
        answer("profession", "artist");
        answer("rights_not_renewed_since_2020", "yes");
        answer("days_worked", "12");
        answer("works_on_netflix_production", "unknown");
        answer("annual_resources", "20 000 €");
        let link = Link::of(&state, 0);
        assert!(link.fragment().contains(";a=works_on_netflix_production,unknown;"), "\"I don't know\" goes too");
        assert_eq!(link.programmes.first().map(|p| p.hash.len()), Some(HASH_DIGITS));
        let read = Link::read(&link.fragment()).ok().flatten().unwrap_or_else(|| panic!("unread"));
        let mut opened = netflix(crate::i18n::Lang::Fr);
        let outcome = FromLink::restore(&mut opened, &read);
        assert_eq!(outcome, FromLink::Restored { changed: Vec::new(), dropped: Vec::new() });
        assert_eq!(opened.answers(), state.answers());
        assert_eq!(opened.fields, state.fields);
        assert_eq!(outcome.message(&opened), "Vos réponses ont été reprises du lien.");
    }

    /// A programme's rules changed when its first pin's version or short hash differs;
    /// a pin of a programme the form lacks, or a later pin of the same, changes nothing.
    #[test]
    fn a_programmes_first_pin_says_whether_its_rules_changed() {
        let ids = ["netflix-audiens-2020", "audiens-fonds-solidarite-2020"];
        let programmes: Vec<&'static crate::pack::Programme> =
            ids.iter().map(|id| crate::catalogue::programme(id).unwrap_or_else(|e| panic!("{e}"))).collect();
        let mut state = WidgetState::new(
            programmes.clone(),
            crate::i18n::Lang::En,
            crate::pack::Date { year: 2020, month: 4, day: 15 },
        );
        let pin = |p: &crate::pack::Programme, version: &str, hash: &str| Pin {
            id: p.id.clone(),
            version: version.into(),
            hash: hash.into(),
        };
        let [netflix, fussat] = programmes[..] else { panic!("two programmes") };
        let same = |p: &crate::pack::Programme| pin(p, &p.version, &short_hash(&p.hash));
        let changed_of = |pins: Vec<Pin>, state: &mut WidgetState| {
            let link = Link { programmes: pins, rank: 0, answers: Vec::new() };
            match FromLink::restore(state, &link) {
                FromLink::Restored { changed, .. } => changed,
                FromLink::Unreadable => panic!("restored"),
            }
        };
        assert_eq!(changed_of(vec![same(netflix), same(fussat)], &mut state), []);
        let other =
            Pin { id: "uk-film-tv-emergency-relief-2020".into(), version: "0.1.0".into(), hash: "0".repeat(12) };
        assert_eq!(changed_of(vec![other, same(fussat)], &mut state), [], "a pin of another programme");
        let hash = pin(fussat, &fussat.version, "000000000000");
        assert_eq!(changed_of(vec![same(netflix), hash.clone()], &mut state), [(1, fussat.version.clone())]);
        assert_eq!(changed_of(vec![hash, same(fussat)], &mut state), [(1, fussat.version.clone())], "the first pin");
        assert_eq!(changed_of(vec![same(fussat), pin(fussat, "0.0.1", "000000000000")], &mut state), []);
        assert_eq!(
            changed_of(vec![pin(netflix, "1.0.0", &short_hash(&netflix.hash))], &mut state),
            [(0, "1.0.0".into())]
        );
    }

    #[test]
    fn changed_rules_are_said_and_answers_that_no_longer_fit_are_left_out() {
        let fragment = "#eligibility=v1;p=netflix-audiens-2020,1.0.0,000000000000;a=profession,dancer;\
                        a=rights_not_renewed_since_2020,yes;a=days_worked,douze;a=annual_resources,20%2C000,7;\
                        a=retired_question,yes;a=works_on_netflix_production,maybe";
        let link = Link::read(fragment).ok().flatten().unwrap_or_else(|| panic!("unread"));
        let mut state = netflix(crate::i18n::Lang::En);
        let outcome = FromLink::restore(&mut state, &link);
        let dropped: Vec<&str> =
            vec!["profession", "days_worked", "annual_resources", "retired_question", "works_on_netflix_production"];
        assert_eq!(
            outcome,
            FromLink::Restored {
                changed: vec![(0, "1.0.0".into())],
                dropped: dropped.iter().map(|d| d.to_string()).collect()
            }
        );
        let kept: Vec<String> = state.kept().into_iter().map(|k| k.id).collect();
        assert_eq!(kept, ["rights_not_renewed_since_2020"], "only what fits is answered, and nothing else is typed");
        let message = outcome.message(&state);
        assert!(
            message
                .starts_with("Your answers were restored from the link. The rules of “Netflix–Audiens emergency fund"),
            "{message}"
        );
        assert!(message.contains("changed since this link was made (version 1.0.0, now 1.2.1): the answers that still apply were restored. Not restored, as they no longer fit the questions: “"), "{message}");
        assert!(message.ends_with("”; one answer to a question no longer asked."), "{message}");
        assert_eq!(
            FromLink::Unreadable.message(&state),
            "The link holds answers that could not be read: none was restored."
        );
    }

    #[test]
    fn a_link_is_for_the_widget_of_its_programmes_and_rank() {
        let link = Link {
            programmes: vec![
                Pin { id: "b".into(), version: "1".into(), hash: "000000000000".into() },
                Pin { id: "a".into(), version: "1".into(), hash: "000000000000".into() },
            ],
            rank: 1,
            answers: Vec::new(),
        };
        assert!(link.is_for(&["a", "b"], 1));
        assert!(!link.is_for(&["a", "b"], 0));
        assert!(!link.is_for(&["a"], 1));
        assert!(!link.is_for(&["a", "b", "c"], 1));
        assert!(same_programmes(&["b", "a", "b"], &["a", "b"]));
        assert!(!same_programmes(&["a"], &["a", "b"]));
    }
}
