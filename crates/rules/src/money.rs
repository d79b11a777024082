//! Exact decimals: reading them from rule packs, answers and visitors' typing, and
//! writing amounts for each language. Money is never a float anywhere in the crate.
//!
//! Every reading is exact or refused, never rounded: a number with more digits than a
//! `Decimal` holds (28 after the point, 28 or 29 in all, at most
//! 79,228,162,514,264,337,593,543,950,335) is [`DecimalError::TooPrecise`]. A typed
//! amount that two conventions read differently (`20,000`) is
//! [`TypedAmount::Ambiguous`], for the visitor to settle.
//!
//! Amounts are shown unrounded too: a whole amount without cents, any other with at
//! least two decimals and every further digit it has (`0,999 €`, never `0,99 €` or
//! `1 €`), so what is shown is always the value that was compared.

use std::fmt;

use rust_decimal::Decimal;

use crate::i18n::{cut, Lang};

/// Why a text is not a decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    /// Not written as a number at all.
    NotANumber,
    /// A number, but not one a `Decimal` can hold without rounding it.
    TooPrecise,
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecimalError::NotANumber => "not a decimal number",
            DecimalError::TooPrecise => "more digits than can be held exactly",
        })
    }
}

impl std::error::Error for DecimalError {}

/// The most digits after the point a `Decimal` holds.
const MAX_SCALE: u32 = 28;

/// Reads a decimal as a program writes it: `15000`, `-3`, `15000.001`, `1.5e4`.
/// Thousands separators, commas, a leading `+` and currency signs are refused here:
/// an answer file or a rule pack is not a place to guess. The value is built from its
/// digits, never rounded: `1e-28` is read, `1e-29` and `1e29` are too precise
/// (the first is below a `Decimal`'s smallest step, the second above its maximum).
pub fn read_decimal(text: &str) -> Result<Decimal, DecimalError> {
    let text = text.trim();
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = cut(unsigned, [b'e', b'E']);
    let (whole, fraction) = cut(mantissa, [b'.'; 2]);
    let exponent = match exponent {
        Some(e) => read_exponent(e).ok_or(DecimalError::NotANumber)?,
        None => 0,
    };
    // `whole` holds no point: `b'.'` groups nothing there.
    parts_value(negative, whole, b'.', fraction, exponent)
}

/// `whole.fraction × 10^exponent`, the parts of a number as [`read_decimal`] reads them
/// (`fraction` after a point, which then has digits): also what a typed amount comes to
/// once its separators are understood, without writing it out to read it again. The
/// `grouping` marks in `whole` are left out (the caller checked where they stand, with
/// `grouped`): its digits are not copied once without them and again with the fraction.
fn parts_value(
    negative: bool,
    whole: &str,
    grouping: u8,
    fraction: Option<&str>,
    exponent: i64,
) -> Result<Decimal, DecimalError> {
    let fraction = match fraction {
        Some(fraction) if !is_digits(fraction) => return Err(DecimalError::NotANumber),
        Some(fraction) => fraction,
        None => "",
    };
    // The value is `digits × 10^-scale`, the digits being `whole`'s and `fraction` run
    // together; a scale below zero multiplies.
    let mut joined = String::new();
    for b in whole.bytes() {
        if b == grouping {
            continue;
        }
        if !b.is_ascii_digit() {
            return Err(DecimalError::NotANumber);
        }
        joined.push(char::from(b));
    }
    if joined.is_empty() {
        return Err(DecimalError::NotANumber);
    }
    joined.push_str(fraction);
    // No text is 2^63 bytes long and an exponent is at most 2^40 (`read_exponent`): the
    // casts here are exact and no difference overflows, without checks (−39 B gzipped).
    let scale = fraction.len() as i64 - exponent;
    // Found as a byte: `trim_start_matches` brought a char searcher (see `i18n::cut`).
    let Some(first) = joined.bytes().position(|b| b != b'0') else { return Ok(Decimal::ZERO) };
    let significant = joined.get(first..).ok_or(DecimalError::NotANumber)?;
    if let Some(value) = from_digits(negative, significant, scale) {
        return Ok(value);
    }
    // Trailing zeros after the point add no value: without them, `1.000…0` with thirty
    // zeros still fits, exactly. Tried in turn, not through `or_else` and a closure.
    let trailing = significant.len() - significant.trim_end_matches('0').len();
    let droppable = trailing.min(usize::try_from(scale).unwrap_or(0));
    // At most the zeros there are: `get` gives them.
    let kept = significant.get(..significant.len() - droppable).unwrap_or_default();
    from_digits(negative, kept, scale - droppable as i64).ok_or(DecimalError::TooPrecise)
}

/// Reads a decimal as [`read_decimal`] does, for callers that need not say why not.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    read_decimal(text).ok()
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// The exponent after `e`: digits with an optional sign. It stops growing at 2^40, as
/// anything beyond a few dozen is refused anyway, so `1e999999999` costs no long loop.
fn read_exponent(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if !is_digits(digits) {
        return None;
    }
    // Held at 2^40 rather than saturating: an exponent that large is refused all the same
    // (no text is 2^40 digits long), and no step can overflow (−69 B gzipped).
    let mut magnitude = 0i64;
    for b in digits.bytes() {
        magnitude = (magnitude * 10 + i64::from(b.wrapping_sub(b'0'))).min(1 << 40);
    }
    Some(if negative { -magnitude } else { magnitude })
}

/// `digits × 10^-scale` as a `Decimal`, or `None` when it cannot be held exactly.
/// `digits` are ASCII digits, the first not zero (`read_decimal` reads a zero itself).
fn from_digits(negative: bool, digits: &str, scale: i64) -> Option<Decimal> {
    // 2^96 has 29 digits: longer mantissas cannot fit, and shorter ones fit a u128.
    if digits.len() > 29 {
        return None;
    }
    // Below 10^29, and each factor of ten below is taken only from below 2^96: no product
    // overflows a u128, so none needs the checked multiplication (its routine, 0.5 KB).
    // A plain loop, as in `read_exponent`, rather than a fold (−17 B gzipped).
    let mut mantissa = 0u128;
    for b in digits.bytes() {
        mantissa = mantissa * 10 + u128::from(b.wrapping_sub(b'0'));
    }
    let mut scale = scale;
    while scale < 0 {
        // Past 96 bits it cannot shrink again; a mantissa of one or more gets there within
        // 29 factors of ten, so however far the exponent, this ends soon.
        if mantissa >> 96 != 0 || mantissa == 0 {
            return None;
        }
        mantissa *= 10;
        scale += 1;
    }
    let scale = u32::try_from(scale).ok().filter(|s| *s <= MAX_SCALE)?;
    // Refuses, rather than rounds, a mantissa beyond 96 bits (rust_decimal's
    // `try_from_i128_with_scale` did, with 0.2 KB of its own).
    (mantissa >> 96 == 0).then(|| exact(mantissa, negative, scale))
}

/// What a visitor's typing says: one amount, or two when the writing conventions of
/// French and English disagree and only the visitor knows which they meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypedAmount {
    Exact(Decimal),
    /// `first` is the reading of the page's language, `second` the other one:
    /// `20,000` on a French page is first twenty euros, then twenty thousand.
    Ambiguous {
        first: Decimal,
        second: Decimal,
    },
}

/// Reads an amount as a visitor types it: `15 000`, `15000,50`, `15 000 €`,
/// `€15,000.50`, `1.234.567,89`. Spaces (also non-breaking) and apostrophes group
/// thousands; of a comma and a point, the last one is the decimal mark; a separator
/// that appears several times groups thousands.
///
/// One case is never guessed: a lone separator followed by exactly three digits,
/// after one to three digits that do not start with 0 (`20,000`, `15.000`). Many
/// visitors write thousands that way whatever the page's language, and decimals too,
/// so it is [`TypedAmount::Ambiguous`] in both languages. `20,5`, `20,50`, `0,999`,
/// `1 234,567` and `1,234.56` are not: only one reading is well formed.
///
/// A currency sign or code (`€`, `$`, `£`, `EUR`, `USD`, `GBP`) may come before or
/// after the number, not inside it: `1€50` is refused rather than read as 150.
pub fn read_typed_amount(text: &str, lang: Lang) -> Result<TypedAmount, DecimalError> {
    let text = strip_currency_suffix(text.trim()).trim_end();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // The digits and marks, in one loop: spaces and apostrophes, which group, are left
    // out, and anything else is no amount.
    let mut body = String::new();
    // And the last comma's and last point's places in it, as they come: no search
    // afterwards (−74 B gzipped, and −40 before for one pass rather than two searches).
    let (mut comma, mut dot) = (None, None);
    for c in strip_currency_prefix(text.trim_start()).chars() {
        match c {
            ',' => comma = Some(body.len()),
            '.' => dot = Some(body.len()),
            _ => {}
        }
        if c.is_ascii_digit() || c == ',' || c == '.' {
            body.push(c);
        } else if !c.is_whitespace() && !matches!(c, '\'' | '’') {
            return Err(DecimalError::NotANumber);
        }
    }
    let (mark, grouping) = match (comma, dot) {
        (Some(comma), Some(dot)) if comma > dot => (comma, b'.'),
        (Some(_), Some(dot)) => (dot, b','),
        (Some(_), None) => return lone_separator(&body, b',', lang, negative),
        (None, Some(_)) => return lone_separator(&body, b'.', lang, negative),
        // No mark: `b'.'` groups nothing.
        (None, None) => return parts_value(negative, &body, b'.', None, 0).map(TypedAmount::Exact),
    };
    // Both kinds appear: the last one is the decimal mark, once (what is before it
    // must be grouped digits only); the other groups.
    let (whole, fraction) = body.get(..mark).zip(body.get(mark + 1..)).ok_or(DecimalError::NotANumber)?;
    if !grouped(whole, grouping) {
        return Err(DecimalError::NotANumber);
    }
    parts_value(negative, whole, grouping, Some(fraction), 0).map(TypedAmount::Exact)
}

/// Reads `body`, where `separator` is the only separator, in each way it can mean:
/// thousands grouping and decimal mark. The sign given, not a closure that held it: the
/// closure was a function of its own, and this one generic over it.
fn lone_separator(body: &str, separator: u8, lang: Lang, negative: bool) -> Result<TypedAmount, DecimalError> {
    let grouped = grouped(body, separator).then(|| parts_value(negative, body, separator, None, 0));
    let decimal = match cut(body, [separator; 2]) {
        // `whole` holds no separator: it groups nothing there.
        (whole, Some(fraction)) if is_digits(whole) && is_digits(fraction) => {
            Some(parts_value(negative, whole, separator, Some(fraction), 0))
        }
        _ => None,
    };
    let page_marks_decimals_with_it = match lang {
        Lang::Fr => separator == b',',
        Lang::En => separator == b'.',
    };
    match (grouped, decimal) {
        (Some(grouped), Some(decimal)) => {
            let (first, second) = if page_marks_decimals_with_it { (decimal?, grouped?) } else { (grouped?, decimal?) };
            Ok(TypedAmount::Ambiguous { first, second })
        }
        (Some(only), None) | (None, Some(only)) => only.map(TypedAmount::Exact),
        (None, None) => Err(DecimalError::NotANumber),
    }
}

/// Whether `separator` groups `text`'s digits in thousands: one to three digits, not
/// starting with 0, then groups of exactly three. Checked only, not copied without the
/// separators: `parts_value` leaves them out as it reads the digits.
fn grouped(text: &str, separator: u8) -> bool {
    let mut rest = Some(text);
    let mut first = true;
    // Each group in turn, as `split` would give them, the first also when alone.
    while let Some(text) = rest {
        let (group, next) = cut(text, [separator; 2]);
        let fits = match first {
            true => group.len() <= 3 && !group.starts_with('0'),
            false => group.len() == 3,
        };
        if !fits || !is_digits(group) {
            return false;
        }
        first = false;
        rest = next;
    }
    true
}

/// A currency sign or code a visitor may type before or after an amount.
const CURRENCY_MARKS: [&str; 6] = ["€", "$", "£", "EUR", "USD", "GBP"];

fn strip_currency_prefix(text: &str) -> &str {
    CURRENCY_MARKS
        .iter()
        .find_map(|mark| {
            let head = text.get(..mark.len())?;
            head.eq_ignore_ascii_case(mark).then(|| text.get(mark.len()..)).flatten()
        })
        .unwrap_or(text)
}

fn strip_currency_suffix(text: &str) -> &str {
    CURRENCY_MARKS
        .iter()
        .find_map(|mark| {
            let start = text.len().checked_sub(mark.len())?;
            let tail = text.get(start..)?;
            tail.eq_ignore_ascii_case(mark).then(|| text.get(..start)).flatten()
        })
        .unwrap_or(text)
}

/// Reads an amount as [`read_typed_amount`] does, taking an ambiguous one in the
/// page's language (`15.000` is fifteen thousand in French, fifteen in English).
/// Kept for callers not yet showing both readings; new code should not guess.
pub fn parse_typed_amount(text: &str, lang: Lang) -> Option<Decimal> {
    match read_typed_amount(text, lang).ok()? {
        TypedAmount::Exact(value) | TypedAmount::Ambiguous { first: value, .. } => Some(value),
    }
}

/// The symbol a visitor expects for a currency code, or the code itself.
fn symbol(currency: &str) -> &str {
    match currency {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        other => other,
    }
}

/// Writes an amount for a language: `15 000 €`, `900 €` and `0,999 €` in French,
/// `€15,000`, `€900` and `€0.999` in English. Cents appear only when the amount has
/// them (`15 000,50 €`), and no digit is ever rounded away.
pub fn format_amount(value: Decimal, currency: &str, lang: Lang) -> String {
    let mut out = String::new();
    push_amount(&mut out, value, currency, lang);
    out
}

/// `format_amount` written onto `out`: the sign, symbol, digits and cents each pushed
/// in place, for an amount and both ends of a range, where each was a text of its own
/// and all were concatenated into another.
fn push_amount(out: &mut String, value: Decimal, currency: &str, lang: Lang) {
    push_sign(out, value);
    let symbol = symbol(currency);
    // A code (`CHF`) follows the number in English too, after a space.
    let before = matches!(lang, Lang::En) && !(symbol.len() > 1 && symbol.is_ascii());
    if before {
        out.push_str(symbol);
    }
    // Money shows cents: 15 000,5 is written 15 000,50.
    push_number(out, value, lang, true);
    if !before {
        out.push_str(match lang {
            Lang::Fr => "\u{00A0}",
            Lang::En => " ",
        });
        out.push_str(symbol);
    }
}

fn push_sign(out: &mut String, value: Decimal) {
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
}

/// Writes a number for a language, thousands grouped, every digit kept: `1 234,5`,
/// `1,234.5`.
pub fn format_number(value: Decimal, lang: Lang) -> String {
    let mut out = String::new();
    push_sign(&mut out, value);
    push_number(&mut out, value, lang, false);
    out
}

/// The digits of `value`'s magnitude, as `format_number` writes them, onto `out`; with
/// `cents`, a lone digit after the mark gets a zero after it (told from the scale, not
/// found in the text written).
fn push_number(out: &mut String, value: Decimal, lang: Lang, cents: bool) {
    let group = match lang {
        Lang::Fr => '\u{202F}',
        Lang::En => ',',
    };
    // Normalised, the value is written with every digit it has and no trailing zero.
    let value = normal(value);
    push_digits(out, value, Some(group), decimal_mark(lang));
    if cents && value.scale() == 1 {
        out.push('0');
    }
}

fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    }
}

/// An amount or a range of amounts: `900 €`, `500 € à 900 €`, `€500 to €900`.
pub fn format_range(min: Decimal, max: Decimal, currency: &str, lang: Lang) -> String {
    let mut out = String::new();
    push_amount(&mut out, min, currency, lang);
    if min != max {
        out.push_str(match lang {
            Lang::Fr => " à ",
            Lang::En => " to ",
        });
        push_amount(&mut out, max, currency, lang);
    }
    out
}

/// The canonical text of a decimal in results: no exponent, no trailing zeros.
pub fn canonical(value: Decimal) -> String {
    plain(normal(value))
}

/// `value` without the zeros that end its fraction, and a zero without its sign:
/// rust_decimal's `normalize`, on the mantissa's words with `tenth` (its own division
/// routine was about 0.3 KB of the WebAssembly).
fn normal(value: Decimal) -> Decimal {
    let (mut mantissa, mut scale) = (value.mantissa().unsigned_abs(), value.scale());
    while scale > 0 {
        let (shorter, digit) = tenth(mantissa);
        if digit != 0 {
            break;
        }
        mantissa = shorter;
        scale -= 1;
    }
    exact(mantissa, value.is_sign_negative(), scale)
}

/// A decimal as its `Display` writes it (`-1234.50`, `0.001`: every digit of its scale),
/// but a negative zero, which `Display` writes `-0`, is `0`; without `core::fmt` and
/// rust_decimal's formatting, which the WebAssembly then leaves out (BENCHMARKS.md,
/// "The fifth cut").
pub fn plain(value: Decimal) -> String {
    let mut out = String::new();
    push_sign(&mut out, value);
    push_digits(&mut out, value, None, '.');
    out
}

/// The digits of `value`'s magnitude, every one of its scale, onto `out`: `mark` before
/// the fraction and, when given, `group` between the whole part's thousands. One
/// writer for `plain` and `format_number`, which wrote `plain`'s text and copied it
/// again with its groups.
fn push_digits(out: &mut String, value: Decimal, group: Option<char>, mark: char) {
    let mut mantissa = value.mantissa().unsigned_abs();
    let mut reversed = Vec::new();
    loop {
        let (shorter, digit) = tenth(mantissa);
        reversed.push(b'0' + digit as u8);
        mantissa = shorter;
        if mantissa == 0 {
            break;
        }
    }
    let scale = value.scale() as usize;
    // `0.001`: zeros before the digits, down to one before the point.
    while reversed.len() <= scale {
        reversed.push(b'0');
    }
    let point = reversed.len() - scale;
    for (i, digit) in reversed.iter().rev().enumerate() {
        if i == point {
            out.push(mark);
        } else if i > 0 && i < point && (point - i) % 3 == 0 {
            if let Some(group) = group {
                out.push(group);
            }
        }
        out.push(char::from(*digit));
    }
}

// The engine's sums and products, written on the decimals' mantissas: rust_decimal's
// addition, multiplication and the rounding they share were about 5 KB of the
// WebAssembly (BENCHMARKS.md, "The eighth cut"). Each gives what rust_decimal gives, to
// the bit (the tests compare them on any decimals): the exact result at its scale, or,
// past 96 bits, that result rounded half to even at the fewest places that fit, `None`
// when even a whole number does not.

/// A magnitude in 32-bit words, lowest first: two mantissas aligned to one scale (below
/// 2^96 × 10^28 < 2^190, their sum too), or a mantissa times a whole number (below 2^160).
type Wide = [u32; 6];

/// `a + b`, `None` past the largest decimal: rust_decimal's `checked_add`.
#[inline(never)]
// Borrowed: a decimal passed by value was copied at each call (−24 B gzipped).
pub fn sum(a: &Decimal, b: &Decimal) -> Option<Decimal> {
    // A zero adds nothing, not even its scale.
    if a.is_zero() {
        return Some(*b);
    }
    if b.is_zero() {
        return Some(*a);
    }
    if a.scale() == b.scale() {
        // The common case, kept quick for the engine: one scale, and a total that fits.
        let total = a.mantissa() + b.mantissa();
        if total.unsigned_abs() < 1 << 96 {
            return Some(exact(total.unsigned_abs(), total < 0, a.scale()));
        }
    }
    let scale = a.scale().max(b.scale());
    let subtract = a.is_sign_negative() != b.is_sign_negative();
    let mut total = aligned(a, scale);
    let mut negative = a.is_sign_negative();
    // Without a carry out, `x - y` went below zero, to `x - y + 2^192`: the difference is
    // `y - x`, with `b`'s sign, its two's complement (`!total + 1`), made in place rather
    // than `y - x` from copies of both (−21 B gzipped).
    if !add(&mut total, &aligned(b, scale), subtract) && subtract {
        for word in &mut total {
            *word = !*word;
        }
        add(&mut total, &[1, 0, 0, 0, 0, 0], false);
        negative = !negative;
    }
    rounded(&mut total, negative, scale)
}

/// `value × n`, `None` past the largest decimal: rust_decimal's
/// `value.checked_mul(Decimal::from(n))`.
#[inline(never)]
pub fn product(value: Decimal, n: i64) -> Option<Decimal> {
    if value.is_zero() || n == 0 {
        return Some(Decimal::ZERO);
    }
    let negative = value.is_sign_negative() != (n < 0);
    let (magnitude, factor) = (value.mantissa().unsigned_abs(), n.unsigned_abs());
    if let Ok(low) = u64::try_from(magnitude) {
        // The common case, kept quick for the engine: a product that fits.
        let product = u128::from(low) * u128::from(factor);
        if product < 1 << 96 {
            return Some(exact(product, negative, value.scale()));
        }
    }
    // The mantissa times each half of the factor, the high one a word up: the mantissa
    // shifted by a word first (below 2^128), not its product rotated, which brought a
    // slice rotation (−162 B gzipped).
    let mut high = words(magnitude << 32);
    times(&mut high, (factor >> 32) as u32);
    let mut total = words(magnitude);
    times(&mut total, factor as u32);
    add(&mut total, &high, false);
    rounded(&mut total, negative, value.scale())
}

fn words(magnitude: u128) -> Wide {
    [magnitude as u32, (magnitude >> 32) as u32, (magnitude >> 64) as u32, (magnitude >> 96) as u32, 0, 0]
}

/// The magnitude of `value`'s mantissa at `scale` (not below its own, at most 28).
// Borrowed, as `sum` borrows its decimals (−35 B gzipped).
fn aligned(value: &Decimal, scale: u32) -> Wide {
    let mut magnitude = words(value.mantissa().unsigned_abs());
    for _ in value.scale()..scale {
        times(&mut magnitude, 10);
    }
    magnitude
}

/// `words × factor`, which must fit.
fn times(words: &mut Wide, factor: u32) {
    let mut carry = 0u64;
    for word in words.iter_mut() {
        // At most (2^32 - 1)^2 + 2^32 - 1: no overflow.
        let value = u64::from(*word) * u64::from(factor) + carry;
        *word = value as u32;
        carry = value >> 32;
    }
}

/// `x + y`, or `x - y` (in two's complement: `x + !y + 1`) when `subtract`; whether a carry
/// came out of the top, which for a difference means it is not below zero.
fn add(x: &mut Wide, y: &Wide, subtract: bool) -> bool {
    let mut carry = u64::from(subtract);
    for (x, y) in x.iter_mut().zip(y) {
        let y = if subtract { !*y } else { *y };
        let value = u64::from(*x) + u64::from(y) + carry;
        *x = value as u32;
        carry = value >> 32;
    }
    carry != 0
}

/// The decimal of a magnitude at `scale` (at most 28), its last places dropped while it
/// outgrows 96 bits and rounded half to even (the dropped places all count); `None` when
/// the places run out first. `words` borrowed, not copied in (−38 B gzipped).
fn rounded(words: &mut Wide, negative: bool, mut scale: u32) -> Option<Decimal> {
    let (mut last, mut sticky) = (0, false);
    while words[3] | words[4] | words[5] != 0 {
        scale = scale.checked_sub(1)?;
        sticky |= last != 0;
        last = tenth_of(words);
        let fits = words[3] | words[4] | words[5] == 0;
        if fits && (last > 5 || (last == 5 && (sticky || words[0] & 1 == 1))) {
            // Rounded up to 2^96, it goes round once more: 2^96 ÷ 10 ends in 6, rounded up.
            add(words, &[1, 0, 0, 0, 0, 0], false);
        }
    }
    // A zero (`x - x`) has no sign.
    Some(Decimal::from_parts(words[0], words[1], words[2], negative, scale))
}

/// The decimal of a magnitude below 2^96 at a scale of at most 28; a zero has no sign.
pub fn exact(magnitude: u128, negative: bool, scale: u32) -> Decimal {
    Decimal::from_parts(magnitude as u32, (magnitude >> 32) as u32, (magnitude >> 64) as u32, negative, scale)
}

/// `words ÷ 10` (lowest first), and the remainder.
fn tenth_of(words: &mut [u32]) -> u64 {
    let mut rest = 0u64;
    for word in words.iter_mut().rev() {
        let value = (rest << 32) | u64::from(*word);
        *word = (value / 10) as u32;
        rest = value % 10;
    }
    rest
}

/// `n ÷ 10` and its remainder (`n` below 2^96, as a decimal's mantissa), by its three
/// words: a division of the u128 would bring in its own routine.
fn tenth(n: u128) -> (u128, u64) {
    let mut words = [n as u32, (n >> 32) as u32, (n >> 64) as u32];
    let rest = tenth_of(&mut words);
    let [low, middle, high] = words;
    ((u128::from(high) << 64) | (u128::from(middle) << 32) | u128::from(low), rest)
}

/// `mantissa × 10^-scale` rounded toward zero, and whether a fraction was dropped
/// (`mantissa` below 2^96, as a decimal's).
pub fn truncate(mantissa: u128, scale: u32) -> (u128, bool) {
    let (mut whole, mut fraction) = (mantissa, false);
    for _ in 0..scale {
        let (shorter, digit) = tenth(whole);
        whole = shorter;
        fraction |= digit != 0;
    }
    (whole, fraction)
}

/// A decimal rounded toward zero, and whether a fraction was dropped: `trunc()` and
/// `!fract().is_zero()` (so `i64::try_from` of the first is that of the decimal),
/// without rust_decimal's, which were 1 KB of the WebAssembly.
pub fn whole_part(value: Decimal) -> (i128, bool) {
    let (whole, fraction) = truncate(value.mantissa().unsigned_abs(), value.scale());
    // Below 2^96: the cast is exact.
    let whole = whole as i128;
    (if value.is_sign_negative() { -whole } else { whole }, fraction)
}

/// The decimal as an `i64` when it is a whole number that fits one: how an answer to a
/// whole-number question is read, from its text (`answer::check`) or its value
/// (`Session::set_number`).
pub fn whole_number(value: Decimal) -> Option<i64> {
    let (whole, fraction) = whole_part(value);
    i64::try_from(whole).ok().filter(|_| !fraction)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
/// Any decimal, for property tests, with more weight on the extremes: small and full
/// mantissas, either sign, every scale.
pub(crate) fn any_decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
    use proptest::prelude::*;
    let max = Decimal::MAX.mantissa();
    let mantissa = prop_oneof![
        -1000i128..=1000,
        -max..=max,
        (0i128..=1000).prop_map(move |n| max - n),
        (0i128..=1000).prop_map(move |n| n - max),
        (1u32..=96, any::<bool>()).prop_map(|(bits, negative)| {
            let n = (1i128 << bits) - 1;
            if negative {
                -n
            } else {
                n
            }
        }),
    ];
    (mantissa, 0u32..=28).prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap_or_else(|e| panic!("bad test decimal {s:?}: {e}"))
    }

    #[test]
    fn strict_parsing_keeps_every_digit() {
        assert_eq!(parse_decimal("15000.001"), Some(dec("15000.001")));
        assert!(parse_decimal("15000.001") > parse_decimal("15000"));
        assert_eq!(parse_decimal("-2"), Some(dec("-2")));
        assert_eq!(parse_decimal("1.5e4"), Some(dec("15000")));
        for bad in ["", "1_000", "15 000", "15,5", "1.", ".5", "abc", "1e", "--1", "+1"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn every_notation_is_read_exactly_or_refused() {
        let exact = [
            ("1.2e1", "12"),
            ("1.1999999999999999999999999999e1", "11.999999999999999999999999999"),
            ("1.5e4", "15000"),
            ("1.5000000000000000000000000001e4", "15000.000000000000000000000001"),
            ("1.5E+4", "15000"),
            ("15e-3", "0.015"),
            ("-1.5e-1", "-0.15"),
            ("1e-28", "0.0000000000000000000000000001"),
            ("10e-29", "0.0000000000000000000000000001"),
            ("0.0000000000000000000000000001", "0.0000000000000000000000000001"),
            ("1e28", "10000000000000000000000000000"),
            ("79228162514264337593543950335", "79228162514264337593543950335"),
            ("-79228162514264337593543950335", "-79228162514264337593543950335"),
            ("7.9228162514264337593543950335e28", "79228162514264337593543950335"),
            ("1.000000000000000000000000000000000", "1"),
            ("15000.000000000000000000000000000000", "15000"),
            ("0012.50", "12.5"),
            (" 12 ", "12"),
            ("0", "0"),
            ("-0", "0"),
            ("0e5", "0"),
            ("0.000e-999999999", "0"),
            // Past the 2^40 an exponent is held at, and at it.
            ("0e99999999999999999999", "0"),
            ("-0.0e-1099511627776", "0"),
        ];
        for (text, expected) in exact {
            assert_eq!(read_decimal(text), Ok(dec(expected)), "{text:?}");
        }
        assert!(parse_decimal("1.1999999999999999999999999999e1") < Some(dec("12")));
        assert!(parse_decimal("1.5000000000000000000000000001e4") > Some(dec("15000")));
        assert_eq!(read_decimal("15000.50").map(|d| d.scale()), Ok(2), "the scale as written");

        let too_precise = [
            // Would round to 12 and 15000: across the boundaries of the shipped pack.
            "1.19999999999999999999999999999e1",
            "1.50000000000000000000000000001e4",
            "11.99999999999999999999999999999",
            "15000.000000000000000000000000001",
            // Below the smallest step of a Decimal, 1e-28.
            "1e-29",
            "0.00000000000000000000000000001",
            "-1.5e-28",
            // Above its largest value.
            "1e29",
            "79228162514264337593543950336",
            "123456789012345678901234567890",
            "-1e29",
            "1e999999999",
            "1e-999999999",
            "1e99999999999999999999999999999999999999",
            "1e-99999999999999999999999999999999999999",
            "1e1099511627776",
            "1e-1099511627776",
            "1e1099511627777",
            "12.5e-1099511627775",
        ];
        for text in too_precise {
            assert_eq!(read_decimal(text), Err(DecimalError::TooPrecise), "{text:?}");
        }

        let not_numbers = [
            "", "-", ".", "e5", "1e", "1e+", "1e-", "1e+-5", "1e5e5", "1e5.5", "1.2.3", "1..2", "+1", "--1", "- 1",
            "1 000", "1,5", "0x10", "١٢", "1e 5", "inf", "NaN",
        ];
        for text in not_numbers {
            assert_eq!(read_decimal(text), Err(DecimalError::NotANumber), "{text:?}");
        }
        assert_eq!(DecimalError::TooPrecise.to_string(), "more digits than can be held exactly");
    }

    /// `digits × 10^exponent` written without exponent, trailing zeros after the point
    /// dropped: what `from_str_exact` (which refuses rather than rounds) must agree with.
    fn shifted(digits: &str, exponent: i64) -> String {
        let plain = if exponent >= 0 {
            format!("{digits}{}", "0".repeat(exponent.unsigned_abs() as usize))
        } else {
            let places = exponent.unsigned_abs() as usize;
            let padded = format!("{}{digits}", "0".repeat((places + 1).saturating_sub(digits.len())));
            let (whole, fraction) = padded.split_at(padded.len() - places);
            format!("{whole}.{fraction}")
        };
        match plain.split_once('.') {
            Some((whole, fraction)) if fraction.trim_end_matches('0').is_empty() => whole.to_owned(),
            Some((whole, fraction)) => format!("{whole}.{}", fraction.trim_end_matches('0')),
            None => plain,
        }
    }

    #[test]
    fn exponents_agree_with_the_digits_shifted_by_hand() {
        let mantissas = [
            "1",
            "15",
            "100",
            "11999999999999999999999999999",
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "12345678901234567890123456789",
            "1000000000000000000000000000000",
        ];
        let mut checked = 0;
        for digits in mantissas {
            for exponent in -62i64..=62 {
                let expected = Decimal::from_str_exact(&shifted(digits, exponent)).ok();
                // Written as an integer with an exponent, and with a point after the
                // first digit (`1.1999…e1`).
                let point = i64::try_from(digits.len()).unwrap_or_default() - 1;
                let (first, rest) = digits.split_at(1);
                let written = [format!("{digits}e{exponent}"), format!("{first}.{rest}e{}", exponent + point)];
                for text in written.iter().filter(|t| !t.contains(".e")) {
                    let got = read_decimal(text);
                    match expected {
                        Some(value) => assert_eq!(got, Ok(value), "{text}"),
                        None => assert_eq!(got, Err(DecimalError::TooPrecise), "{text}"),
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 1500, "{checked}");
    }

    /// What a visitor's typing should give in one language.
    #[derive(Debug, Clone, Copy)]
    enum Reading {
        Exact(&'static str),
        /// The page's reading, then the other.
        Either(&'static str, &'static str),
        Refused(DecimalError),
    }
    use Reading::{Either, Exact, Refused};
    const NOT_A_NUMBER: Reading = Refused(DecimalError::NotANumber);

    fn check(typed: &str, lang: Lang, expected: Reading) {
        let got = read_typed_amount(typed, lang);
        let want = match expected {
            Exact(value) => Ok(TypedAmount::Exact(dec(value))),
            Either(first, second) => Ok(TypedAmount::Ambiguous { first: dec(first), second: dec(second) }),
            Refused(error) => Err(error),
        };
        assert_eq!(got, want, "{typed:?} in {lang}");
    }

    #[test]
    fn visitors_typing_is_read_and_never_guessed() {
        // (typed, on a French page, on an English page)
        let cases = [
            ("20 000", Exact("20000"), Exact("20000")),
            ("20 000 €", Exact("20000"), Exact("20000")),
            ("20\u{202F}000\u{00A0}€", Exact("20000"), Exact("20000")),
            ("20000", Exact("20000"), Exact("20000")),
            ("20.000", Either("20000", "20"), Either("20", "20000")),
            ("20,000", Either("20", "20000"), Either("20000", "20")),
            ("€20,000", Either("20", "20000"), Either("20000", "20")),
            ("20,000 EUR", Either("20", "20000"), Either("20000", "20")),
            ("1,234", Either("1.234", "1234"), Either("1234", "1.234")),
            ("-20,000", Either("-20", "-20000"), Either("-20000", "-20")),
            ("20,000.50", Exact("20000.50"), Exact("20000.50")),
            ("20.000,50", Exact("20000.50"), Exact("20000.50")),
            ("1 234,56", Exact("1234.56"), Exact("1234.56")),
            ("1 234.56", Exact("1234.56"), Exact("1234.56")),
            ("1,234.56", Exact("1234.56"), Exact("1234.56")),
            ("1.234.567,89", Exact("1234567.89"), Exact("1234567.89")),
            ("1,234,567", Exact("1234567"), Exact("1234567")),
            ("1.234.567", Exact("1234567"), Exact("1234567")),
            ("1'234.50", Exact("1234.50"), Exact("1234.50")),
            ("20,5", Exact("20.5"), Exact("20.5")),
            ("20,50", Exact("20.50"), Exact("20.50")),
            ("20.5", Exact("20.5"), Exact("20.5")),
            ("20,5000", Exact("20.5"), Exact("20.5")),
            ("0,999", Exact("0.999"), Exact("0.999")),
            ("0.500", Exact("0.5"), Exact("0.5")),
            ("1234,567", Exact("1234.567"), Exact("1234.567")),
            ("1 234,567", Exact("1234.567"), Exact("1234.567")),
            ("15000 EUR", Exact("15000"), Exact("15000")),
            ("15000eur", Exact("15000"), Exact("15000")),
            ("$ 15", Exact("15"), Exact("15")),
            ("-5 €", Exact("-5"), Exact("-5")),
            ("-€5", Exact("-5"), Exact("-5")),
            ("20k", NOT_A_NUMBER, NOT_A_NUMBER),
            ("1€50", NOT_A_NUMBER, NOT_A_NUMBER),
            ("1.5e4", NOT_A_NUMBER, NOT_A_NUMBER),
            ("20,", NOT_A_NUMBER, NOT_A_NUMBER),
            (",50", NOT_A_NUMBER, NOT_A_NUMBER),
            ("20,00,0", NOT_A_NUMBER, NOT_A_NUMBER),
            ("12,34.5", NOT_A_NUMBER, NOT_A_NUMBER),
            ("1.2,3,4", NOT_A_NUMBER, NOT_A_NUMBER),
            ("1,2.3.4", NOT_A_NUMBER, NOT_A_NUMBER),
            ("€", NOT_A_NUMBER, NOT_A_NUMBER),
            ("", NOT_A_NUMBER, NOT_A_NUMBER),
            ("abc", NOT_A_NUMBER, NOT_A_NUMBER),
            (
                "100 000 000 000 000 000 000 000 000 000",
                Refused(DecimalError::TooPrecise),
                Refused(DecimalError::TooPrecise),
            ),
            ("0,00000000000000000000000000001", Refused(DecimalError::TooPrecise), Refused(DecimalError::TooPrecise)),
        ];
        for (typed, fr, en) in cases {
            check(typed, Lang::Fr, fr);
            check(typed, Lang::En, en);
        }
    }

    #[test]
    fn the_compatible_reader_takes_the_pages_reading() {
        let cases = [
            ("15 000", Lang::Fr, "15000"),
            ("15000,50", Lang::Fr, "15000.50"),
            ("15 000 €", Lang::Fr, "15000"),
            ("15\u{202F}000,5\u{00A0}€", Lang::Fr, "15000.5"),
            ("15.000", Lang::Fr, "15000"),
            ("20,000", Lang::Fr, "20"),
            ("1.5", Lang::Fr, "1.5"),
            ("15,000", Lang::En, "15000"),
            ("€15,000.50", Lang::En, "15000.50"),
            ("15.000", Lang::En, "15"),
            ("15,5", Lang::En, "15.5"),
            ("1.234.567,89", Lang::Fr, "1234567.89"),
            ("15000 EUR", Lang::En, "15000"),
        ];
        for (typed, lang, expected) in cases {
            assert_eq!(parse_typed_amount(typed, lang), Some(dec(expected)), "{typed:?} in {lang}");
        }
        for bad in ["", "abc", "15,00,0", "1,2.3.4"] {
            assert_eq!(parse_typed_amount(bad, Lang::Fr), None, "{bad:?}");
        }
    }

    #[test]
    fn amounts_are_written_for_each_language() {
        assert_eq!(format_amount(dec("900"), "EUR", Lang::Fr), "900\u{00A0}€");
        assert_eq!(format_amount(dec("900.00"), "EUR", Lang::En), "€900");
        assert_eq!(format_amount(dec("15000.5"), "EUR", Lang::Fr), "15\u{202F}000,50\u{00A0}€");
        assert_eq!(format_amount(dec("1234567"), "EUR", Lang::En), "€1,234,567");
        assert_eq!(format_amount(dec("2500"), "GBP", Lang::En), "£2,500");
        assert_eq!(format_range(dec("500"), dec("900"), "EUR", Lang::En), "€500 to €900");
        assert_eq!(format_range(dec("500"), dec("500"), "EUR", Lang::Fr), "500\u{00A0}€");
        assert_eq!(canonical(dec("900.00")), "900");
    }

    #[test]
    fn no_digit_of_an_amount_is_hidden_or_rounded() {
        let cases = [
            ("0.999", "0,999\u{00A0}€", "€0.999"),
            ("0.995", "0,995\u{00A0}€", "€0.995"),
            ("15000.001", "15\u{202F}000,001\u{00A0}€", "€15,000.001"),
            ("0.5", "0,50\u{00A0}€", "€0.50"),
            ("0.10", "0,10\u{00A0}€", "€0.10"),
            ("-0.5", "-0,50\u{00A0}€", "-€0.50"),
            ("-0", "0\u{00A0}€", "€0"),
            (
                "0.0000000000000000000000000001",
                "0,0000000000000000000000000001\u{00A0}€",
                "€0.0000000000000000000000000001",
            ),
            (
                "79228162514264337593543950335",
                "79\u{202F}228\u{202F}162\u{202F}514\u{202F}264\u{202F}337\u{202F}593\u{202F}543\u{202F}950\u{202F}335\u{00A0}€",
                "€79,228,162,514,264,337,593,543,950,335",
            ),
        ];
        for (value, fr, en) in cases {
            assert_eq!(format_amount(dec(value), "EUR", Lang::Fr), fr, "{value}");
            assert_eq!(format_amount(dec(value), "EUR", Lang::En), en, "{value}");
        }
        assert_eq!(format_amount(dec("1500.5"), "CHF", Lang::En), "1,500.50 CHF");
    }

    #[test]
    fn numbers_are_written_for_each_language() {
        assert_eq!(format_number(dec("1234567.5"), Lang::Fr), "1\u{202F}234\u{202F}567,5");
        assert_eq!(format_number(dec("1234567.5"), Lang::En), "1,234,567.5");
        assert_eq!(format_number(dec("-1200"), Lang::En), "-1,200");
        assert_eq!(format_number(dec("12.000"), Lang::Fr), "12");
    }

    #[test]
    fn a_shown_amount_reads_back_as_itself() {
        let values = [
            "0",
            "0.5",
            "0.999",
            "1.234",
            "1000",
            "1234.5",
            "15000.01",
            "-20000",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
        ];
        for value in values {
            for lang in Lang::ALL {
                for currency in ["EUR", "USD", "GBP"] {
                    let shown = format_amount(dec(value), currency, lang);
                    assert_eq!(parse_typed_amount(&shown, lang), Some(dec(value)), "{shown:?}");
                }
            }
        }
    }

    #[test]
    fn plain_writes_what_display_writes() {
        let values = ["0", "-0", "0.00", "1", "-1", "10", "900.00", "0.001", "-0.5", "1234.50", "15000.01", "-20000"];
        let extremes =
            ["0.0000000000000000000000000001", "79228162514264337593543950335", "-7.9228162514264337593543950335"];
        for value in values.into_iter().chain(extremes) {
            assert_eq!(plain(dec(value)), dec(value).to_string(), "{value}");
        }
        for value in [Decimal::MAX, Decimal::MIN, Decimal::new(1, 28), Decimal::new(-123_456_789, 4)] {
            assert_eq!(plain(value), value.to_string());
        }
        // A negative zero (`read_decimal` makes none) is written without its sign.
        for (zero, written) in [(-Decimal::ZERO, "0"), (-Decimal::new(0, 2), "0.00")] {
            assert!(zero.is_sign_negative());
            assert_eq!(plain(zero), written);
        }
    }

    #[test]
    fn whole_parts_of_edges() {
        assert_eq!(whole_part(dec("12.50")), (12, true));
        assert_eq!(whole_part(dec("-12.5")), (-12, true));
        assert_eq!(whole_part(dec("-12.000")), (-12, false));
        assert_eq!(whole_part(dec("-0.0001")), (0, true));
        assert_eq!(whole_part(Decimal::MIN), (Decimal::MIN.mantissa(), false));
        assert_eq!(whole_part(dec("7.9228162514264337593543950335")), (7, true));
    }

    /// The same decimal, to the bit: value, scale and sign (of a zero too).
    fn same(d: Option<Decimal>) -> Option<[u8; 16]> {
        d.map(|d| d.serialize())
    }

    #[test]
    fn sums_and_products_round_as_rust_decimal_does() {
        let d = |mantissa: i128, scale: u32| Decimal::from_i128_with_scale(mantissa, scale);
        let max = Decimal::MAX.mantissa();
        let sums = [
            // Exact at the larger scale; a zero keeps the other's scale, a difference of zero has no sign.
            (d(15, 1), d(-3, 3)),
            (d(0, 5), d(7, 0)),
            (d(-7, 2), d(7, 2)),
            (d(7, 0), -Decimal::ZERO),
            (d(7, 0), d(-70, 1)),
            (-Decimal::ZERO, d(0, 3)),
            (-Decimal::ZERO, -Decimal::ZERO),
            // Past 96 bits: one place dropped, a tie to even, up to 2^96 and round once more.
            (d(max, 1), d(5, 2)),
            (d(max - 1, 1), d(5, 2)),
            (d(max, 0), d(5, 1)),
            (d(max, 0), d(4, 1)),
            (d(-max, 0), d(-6, 1)),
            (d(max, 0), d(1, 0)),
            // Many places dropped, a tie only in the last one and a sticky place below it.
            (d(max, 0), d(5, 28)),
            (d(max, 0), d(50_000_000_000_000_000_000_000_001, 28)),
            (d(max, 28), d(max, 0)),
            (d(max, 28), d(-max, 0)),
        ];
        for (a, b) in sums {
            assert_eq!(same(sum(&a, &b)), same(a.checked_add(b)), "{a} + {b}");
            assert_eq!(same(sum(&b, &a)), same(b.checked_add(a)), "{b} + {a}");
        }
        let products = [
            (d(max, 28), i64::MAX),
            (d(max, 0), 2),
            (d(max, 10), -3),
            (d(15, 2), 0),
            (d(-1, 1), i64::MIN),
            (-Decimal::ZERO, 5),
            (d(-3, 2), 0),
        ];
        for (value, n) in products {
            assert_eq!(same(product(value, n)), same(value.checked_mul(Decimal::from(n))), "{value} × {n}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;
        use crate::cat;

        /// Decimals whose scales differ by a few places: where additions are aligned and
        /// rounded in every way.
        fn near_scales() -> impl Strategy<Value = (Decimal, Decimal)> {
            (any_decimal(), any_decimal(), 0u32..=3).prop_map(|(a, b, apart)| {
                let scale = (a.scale() + apart).min(28);
                (a, Decimal::from_i128_with_scale(b.mantissa(), scale))
            })
        }

        fn any_factor() -> impl Strategy<Value = i64> {
            prop_oneof![
                -1000i64..=1000,
                any::<i64>(),
                Just(i64::MAX),
                Just(i64::MIN),
                (0u32..63).prop_map(|b| 1i64 << b)
            ]
        }

        /// `format_number` as it was, grouping a copy of `plain`'s text.
        fn old_number(value: Decimal, lang: Lang) -> String {
            let plain = plain(normal(value).abs());
            let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
            let group = if lang == Lang::Fr { '\u{202F}' } else { ',' };
            let mut grouped = String::new();
            if value.is_sign_negative() && !value.is_zero() {
                grouped.push('-');
            }
            for (i, digit) in whole.chars().enumerate() {
                if i > 0 && (whole.len() - i) % 3 == 0 {
                    grouped.push(group);
                }
                grouped.push(digit);
            }
            if !fraction.is_empty() {
                grouped.push(decimal_mark(lang));
                grouped.push_str(fraction);
            }
            grouped
        }

        /// `format_amount` as it was, its parts concatenated.
        fn old_amount(value: Decimal, currency: &str, lang: Lang) -> String {
            let negative = value.is_sign_negative() && !value.is_zero();
            let mut magnitude = old_number(value.abs(), lang);
            if magnitude.rfind(decimal_mark(lang)).is_some_and(|at| at + 2 == magnitude.len()) {
                magnitude.push('0');
            }
            let sign = if negative { "-" } else { "" };
            let symbol = symbol(currency);
            match lang {
                Lang::Fr => format!("{sign}{magnitude}\u{00A0}{symbol}"),
                Lang::En if symbol.len() > 1 && symbol.is_ascii() => format!("{sign}{magnitude} {symbol}"),
                Lang::En => format!("{sign}{symbol}{magnitude}"),
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]

            #[test]
            fn numbers_amounts_and_ranges_are_written_as_before(
                a in any_decimal(),
                b in any_decimal(),
                // Symbols, codes, and ones holding a mark before the digits.
                currency in prop_oneof![Just("EUR"), Just("USD"), Just("GBP"), Just("CHF"), Just("."), Just(","), Just("é."), Just("Fr.")],
            ) {
                for lang in Lang::ALL {
                    prop_assert_eq!(format_number(a, lang), old_number(a, lang));
                    prop_assert_eq!(format_amount(a, currency, lang), old_amount(a, currency, lang));
                    let word = if lang == Lang::Fr { "à" } else { "to" };
                    let range = if a == b { old_amount(a, currency, lang) } else { format!("{} {word} {}", old_amount(a, currency, lang), old_amount(b, currency, lang)) };
                    prop_assert_eq!(format_range(a, b, currency, lang), range);
                }
            }

            #[test]
            fn whole_parts_are_rust_decimals(value in any_decimal()) {
                let (whole, fraction) = whole_part(value);
                prop_assert_eq!(whole, value.trunc().mantissa());
                prop_assert_eq!(fraction, !value.fract().is_zero());
                prop_assert_eq!(i64::try_from(whole).ok(), i64::try_from(value).ok());
            }

            #[test]
            fn digits_and_a_scale_are_read_as_with_checked_products(
                digits in "[1-9][0-9]{0,29}",
                scale in prop_oneof![-40i64..=40, Just(i64::MIN), Just(i64::MAX)],
                negative in any::<bool>(),
            ) {
                // What from_digits did with i128's checked multiplication.
                let checked = || {
                    let digits = (digits.len() <= 29).then_some(&digits)?;
                    let mut mantissa = digits.bytes().try_fold(0i128, |n, b| n.checked_mul(10)?.checked_add(i128::from(b - b'0')))?;
                    let mut scale = scale;
                    if scale < 0 {
                        mantissa = mantissa.checked_mul(10i128.checked_pow(u32::try_from(scale.unsigned_abs()).ok()?)?)?;
                        scale = 0;
                    }
                    let scale = u32::try_from(scale).ok().filter(|s| *s <= MAX_SCALE)?;
                    Decimal::try_from_i128_with_scale(if negative { -mantissa } else { mantissa }, scale).ok()
                };
                let same = |d: Option<Decimal>| d.map(|d| d.serialize());
                prop_assert_eq!(same(from_digits(negative, &digits, scale)), same(checked()));
            }

            #[test]
            fn one_less_is_the_sum_with_minus_one(value in any_decimal()) {
                prop_assert_eq!(same(sum(&value, &Decimal::NEGATIVE_ONE)), same(value.checked_sub(Decimal::ONE)));
            }

            #[test]
            fn typed_parts_are_read_as_their_text(
                negative in any::<bool>(),
                whole in "[0-9]{0,31}",
                fraction in proptest::option::of("[0-9]{0,31}"),
            ) {
                // What `read_typed_amount` did: write the parts out, then read them.
                let sign = if negative { "-" } else { "" };
                let text = match fraction {
                    Some(ref fraction) => cat!(sign, whole, ".", fraction),
                    None => cat!(sign, whole),
                };
                prop_assert_eq!(parts_value(negative, &whole, b'.', fraction.as_deref(), 0), read_decimal(&text));
            }

            #[test]
            fn ungrouped_as_with_split(text in "[0-9,.]{0,14}", comma in any::<bool>()) {
                // What `ungroup` did, with `str::split`.
                let separator = if comma { ',' } else { '.' };
                let mut groups = text.split(separator);
                let head = groups.next().filter(|h| is_digits(h) && h.len() <= 3 && !h.starts_with('0'));
                let expected = head.and_then(|head| {
                    let mut digits = head.to_owned();
                    for group in groups {
                        if group.len() != 3 || !is_digits(group) {
                            return None;
                        }
                        digits.push_str(group);
                    }
                    Some(digits)
                });
                // Checked as `ungroup` checked it, and read as its digits were.
                prop_assert_eq!(grouped(&text, separator as u8), expected.is_some());
                if let Some(digits) = expected {
                    prop_assert_eq!(parts_value(false, &text, separator as u8, None, 0), parts_value(false, &digits, b'.', None, 0));
                }
            }

            #[test]
            fn typed_bodies_leave_out_what_groups(text in "[0-9,. \u{a0}\u{202f}'’x]{0,12}", en in any::<bool>()) {
                // What `read_typed_amount` did: leave out spaces and apostrophes, then
                // refuse anything but digits and marks.
                let lang = if en { Lang::En } else { Lang::Fr };
                let body: String = text.chars().filter(|c| !c.is_whitespace() && !matches!(c, '\'' | '’')).collect();
                let expected = if body.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
                    read_typed_amount(&body, lang)
                } else {
                    Err(DecimalError::NotANumber)
                };
                prop_assert_eq!(read_typed_amount(&text, lang), expected);
            }

            #[test]
            fn sums_are_rust_decimals(a in any_decimal(), b in any_decimal()) {
                prop_assert_eq!(same(sum(&a, &b)), same(a.checked_add(b)));
            }

            #[test]
            fn sums_at_near_scales_are_rust_decimals((a, b) in near_scales()) {
                prop_assert_eq!(same(sum(&a, &b)), same(a.checked_add(b)));
                prop_assert_eq!(same(sum(&b, &a)), same(b.checked_add(a)));
            }

            #[test]
            fn products_are_rust_decimals(value in any_decimal(), n in any_factor()) {
                prop_assert_eq!(same(product(value, n)), same(value.checked_mul(Decimal::from(n))));
            }

            #[test]
            fn normal_is_normalize(value in any_decimal()) {
                prop_assert_eq!(same(Some(normal(value))), same(Some(value.normalize())));
            }

            #[test]
            fn plain_writes_what_display_writes_of_any_decimal(value in any_decimal()) {
                let shown = value.to_string();
                prop_assert_eq!(plain(value), shown.strip_prefix('-').filter(|_| value.is_zero()).unwrap_or(&shown));
            }
        }
    }
}
