//! Exact decimals: reading them from rule packs, answers and visitors' typing, and
//! writing amounts for each language. Money is never a float anywhere in the crate.

use rust_decimal::Decimal;

use crate::i18n::Lang;

/// Reads a decimal as a program writes it: `15000`, `-3`, `15000.001`, `1.5e4`.
/// Thousands separators, commas and currency signs are refused here: an answer file
/// or a rule pack is not a place to guess.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match digits.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (digits, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits_only(whole) || !digits_only(fraction) || mantissa.ends_with('.')
    {
        return None;
    }
    match exponent {
        None => Decimal::from_str_exact(text).ok(),
        Some(e) => {
            let e = e.strip_prefix('+').unwrap_or(e);
            let exp_digits = e.strip_prefix('-').unwrap_or(e);
            if exp_digits.is_empty() || !digits_only(exp_digits) {
                return None;
            }
            Decimal::from_scientific(text).ok()
        }
    }
}

/// Reads an amount as a visitor types it: `15 000`, `15000,50`, `15 000 €`, `€15,000.50`.
/// The language settles the one ambiguous case, a lone separator followed by three
/// digits: `15,000` is fifteen thousand in English, `15.000` is in French.
pub fn parse_typed_amount(text: &str, lang: Lang) -> Option<Decimal> {
    let mut cleaned: String = text
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{202F}' | '\u{00A0}' | '\'' | '’' | '€' | '$' | '£')
        })
        .collect();
    for code in ["EUR", "eur", "GBP", "gbp", "USD", "usd"] {
        cleaned = cleaned.replace(code, "");
    }
    let last_comma = cleaned.rfind(',');
    let last_dot = cleaned.rfind('.');
    let normalised = match (last_comma, last_dot) {
        (Some(c), Some(d)) => {
            let (grouping, decimal) = if c > d { ('.', ',') } else { (',', '.') };
            cleaned.replace(grouping, "").replace(decimal, ".")
        }
        (Some(_), None) => resolve_lone_separator(&cleaned, ',', lang == Lang::En),
        (None, Some(_)) => resolve_lone_separator(&cleaned, '.', lang == Lang::Fr),
        (None, None) => cleaned,
    };
    parse_decimal(&normalised)
}

/// `separator` is the only kind of separator in `text`; when `groups_thousands` and
/// every part after it has three digits, it separates thousands; else it is the
/// decimal point (and may appear once only).
fn resolve_lone_separator(text: &str, separator: char, groups_thousands: bool) -> String {
    let mut parts = text.split(separator);
    let head = parts.next().unwrap_or_default();
    let tail: Vec<&str> = parts.collect();
    let looks_grouped = !head.is_empty() && head.len() <= 3 && tail.iter().all(|p| p.len() == 3);
    if groups_thousands && looks_grouped {
        text.replace(separator, "")
    } else {
        text.replacen(separator, ".", 1)
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

/// Writes an amount for a language: `15 000 €` and `900 €` in French, `€15,000` and
/// `€900` in English. Cents appear only when the amount has them.
pub fn format_amount(value: Decimal, currency: &str, lang: Lang) -> String {
    let value = value.normalize();
    let negative = value.is_sign_negative() && !value.is_zero();
    let magnitude = value.abs();
    let plain = if magnitude.fract().is_zero() {
        magnitude.trunc().to_string()
    } else {
        format!("{:.2}", magnitude)
    };
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let (group, decimal_mark) = match lang {
        Lang::Fr => ('\u{202F}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    if !fraction.is_empty() {
        grouped.push(decimal_mark);
        grouped.push_str(fraction);
    }
    let sign = if negative { "-" } else { "" };
    let symbol = symbol(currency);
    match lang {
        Lang::Fr => format!("{sign}{grouped}\u{00A0}{symbol}"),
        Lang::En if symbol.len() > 1 && symbol.is_ascii() => format!("{sign}{grouped} {symbol}"),
        Lang::En => format!("{sign}{symbol}{grouped}"),
    }
}

/// An amount or a range of amounts: `900 €`, `500 € à 900 €`, `€500 to €900`.
pub fn format_range(min: Decimal, max: Decimal, currency: &str, lang: Lang) -> String {
    if min == max {
        return format_amount(min, currency, lang);
    }
    let word = match lang {
        Lang::Fr => "à",
        Lang::En => "to",
    };
    format!(
        "{} {word} {}",
        format_amount(min, currency, lang),
        format_amount(max, currency, lang)
    )
}

/// The canonical text of a decimal in results: no exponent, no trailing zeros.
pub fn canonical(value: Decimal) -> String {
    value.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn strict_parsing_keeps_every_digit() {
        assert_eq!(parse_decimal("15000.001"), Some(dec("15000.001")));
        assert!(parse_decimal("15000.001") > parse_decimal("15000"));
        assert_eq!(parse_decimal("-2"), Some(dec("-2")));
        assert_eq!(parse_decimal("1.5e4"), Some(dec("15000")));
        for bad in [
            "", "1_000", "15 000", "15,5", "1.", ".5", "abc", "1e", "--1", "+1",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn visitors_typing_is_understood_in_each_language() {
        let cases = [
            ("15 000", Lang::Fr, "15000"),
            ("15000,50", Lang::Fr, "15000.50"),
            ("15 000 €", Lang::Fr, "15000"),
            ("15\u{202F}000,5\u{00A0}€", Lang::Fr, "15000.5"),
            ("15.000", Lang::Fr, "15000"),
            ("1.5", Lang::Fr, "1.5"),
            ("15,000", Lang::En, "15000"),
            ("€15,000.50", Lang::En, "15000.50"),
            ("15.000", Lang::En, "15"),
            ("15,5", Lang::En, "15.5"),
            ("1.234.567,89", Lang::Fr, "1234567.89"),
            ("15000 EUR", Lang::En, "15000"),
        ];
        for (typed, lang, expected) in cases {
            assert_eq!(
                parse_typed_amount(typed, lang),
                Some(dec(expected)),
                "{typed:?} in {lang}"
            );
        }
        for bad in ["", "abc", "15,00,0", "1,2.3.4"] {
            assert_eq!(parse_typed_amount(bad, Lang::Fr), None, "{bad:?}");
        }
    }

    #[test]
    fn amounts_are_written_for_each_language() {
        assert_eq!(format_amount(dec("900"), "EUR", Lang::Fr), "900\u{00A0}€");
        assert_eq!(format_amount(dec("900.00"), "EUR", Lang::En), "€900");
        assert_eq!(
            format_amount(dec("15000.5"), "EUR", Lang::Fr),
            "15\u{202F}000,50\u{00A0}€"
        );
        assert_eq!(format_amount(dec("1234567"), "EUR", Lang::En), "€1,234,567");
        assert_eq!(format_amount(dec("2500"), "GBP", Lang::En), "£2,500");
        assert_eq!(
            format_range(dec("500"), dec("900"), "EUR", Lang::En),
            "€500 to €900"
        );
        assert_eq!(
            format_range(dec("500"), dec("500"), "EUR", Lang::Fr),
            "500\u{00A0}€"
        );
        assert_eq!(canonical(dec("900.00")), "900");
    }
}
