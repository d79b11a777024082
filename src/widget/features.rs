//! The `features` attribute: which of the keep-and-share buttons a widget shows. All
//! are on unless a token turns one off (`features="-share -print"`); unknown tokens are
//! ignored, so that a page written for a later version still works.

/// What a widget offers besides the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// "Print or save as PDF".
    pub print: bool,
    /// "Copy the summary".
    pub copy: bool,
    /// "Copy a link to my answers", and restoring the answers of such a link.
    pub share: bool,
}

impl Default for Features {
    fn default() -> Features {
        Features { print: true, copy: true, share: true }
    }
}

impl Features {
    /// Reads the attribute: `-name` turns a feature off, `name` or `+name` on again
    /// (the last word on each wins); case and extra spaces do not matter.
    pub fn parse(attribute: Option<&str>) -> Features {
        let mut features = Features::default();
        // Walked by reference: by value, the list's own iterator and its drop came along.
        for &token in &words(attribute.unwrap_or_default()) {
            let (on, name) = match token.strip_prefix('-') {
                Some(name) => (false, name),
                None => (true, token.strip_prefix('+').unwrap_or(token)),
            };
            // Compared without case rather than through a lower-cased copy of each token.
            let feature = match name {
                _ if name.eq_ignore_ascii_case("print") => &mut features.print,
                _ if name.eq_ignore_ascii_case("copy") => &mut features.copy,
                _ if name.eq_ignore_ascii_case("share") => &mut features.share,
                _ => continue,
            };
            *feature = on;
        }
        features
    }

    /// Whether any of the buttons shows.
    pub fn any(self) -> bool {
        self.print || self.copy || self.share
    }
}

/// The words of an attribute, between whitespace of any kind, as `split_whitespace`
/// gives them: pushed by a plain loop, whose code is lighter than that iterator's.
pub fn words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return words;
        }
        // The word's end counted over its characters, and one trim per turn (−16 B).
        let mut end = 0;
        for c in rest.chars() {
            if c.is_whitespace() {
                break;
            }
            end += c.len_utf8();
        }
        let word;
        (word, rest) = rest.split_at_checked(end).unwrap_or((rest, ""));
        words.push(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// `words` as core's `split_whitespace`, with Unicode spaces and wide characters.
        #[test]
        fn words_are_split_as_core_does(text in "[ab\t\n\u{a0}\u{3000}é\u{1F600}+-]{0,16}") {
            let old: Vec<&str> = text.split_whitespace().collect();
            proptest::prop_assert_eq!(words(&text), old);
        }
    }

    #[test]
    fn tokens_turn_features_off_and_unknown_ones_are_ignored() {
        let check = |attribute: Option<&str>, expected: (bool, bool, bool)| {
            let f = Features::parse(attribute);
            assert_eq!((f.print, f.copy, f.share), expected, "{attribute:?}");
        };
        check(None, (true, true, true));
        check(Some(""), (true, true, true));
        check(Some("-share -print"), (false, true, false));
        check(Some("  -COPY\t-share  "), (true, false, false));
        check(Some("-copy +copy"), (true, true, true));
        check(Some("-everything share- --share sparkle -"), (true, true, true));
        assert!(!Features::parse(Some("-print -copy -share")).any());
    }
}
