//! Any text as what a visitor types into an amount field, and as a strict decimal.
//! Checks, beyond "no panic":
//! - a strict decimal reads back as itself from its own text;
//! - a typed amount is exact in one language exactly when it is in the other, with
//!   the same value, and an ambiguous one is the same pair swapped;
//! - an exact amount, shown with `format_amount`, reads back as itself.
#![no_main]

use eligibility::i18n::Lang;
use eligibility::money::{canonical, format_amount, parse_typed_amount, read_decimal, read_typed_amount, TypedAmount};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };

    if let Ok(value) = read_decimal(text) {
        assert_eq!(read_decimal(&value.to_string()), Ok(value), "{text:?}");
        assert_eq!(read_decimal(&canonical(value)), Ok(value), "{text:?}");
    }

    let fr = read_typed_amount(text, Lang::Fr);
    let en = read_typed_amount(text, Lang::En);
    match (fr, en) {
        (Ok(TypedAmount::Exact(a)), Ok(TypedAmount::Exact(b))) => assert_eq!(a, b, "{text:?}"),
        (
            Ok(TypedAmount::Ambiguous { first: fr_first, second: fr_second }),
            Ok(TypedAmount::Ambiguous { first: en_first, second: en_second }),
        ) => {
            assert_eq!((fr_first, fr_second), (en_second, en_first), "{text:?}");
            assert_ne!(fr_first, fr_second, "{text:?}");
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "{text:?}"),
        (fr, en) => panic!("{text:?} is read as {fr:?} in French but {en:?} in English"),
    }

    if let Ok(TypedAmount::Exact(value)) = fr {
        for lang in Lang::ALL {
            for currency in ["EUR", "USD", "GBP"] {
                let shown = format_amount(value, currency, lang);
                assert_eq!(parse_typed_amount(&shown, lang), Some(value), "{text:?} shown as {shown:?}");
            }
        }
    }
});
