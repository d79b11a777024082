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
        for token in attribute.unwrap_or_default().split_whitespace() {
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

#[cfg(test)]
mod tests {
    use super::*;

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
