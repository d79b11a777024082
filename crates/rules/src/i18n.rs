//! The two languages of the product and the texts that do not come from rule packs.

use std::fmt;
use std::str::FromStr;

/// A visitor's language. French first: it is the default everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Reads a BCP 47 tag such as `fr`, `fr-FR` or `en-GB`; other languages give `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        // Its primary subtag, two bytes then the end or a `-` or `_`, matched as bytes: no
        // search for the end, no lower-cased copy. `| 0x20` lower-cases a letter, and
        // makes `f`, `r`, `e` or `n` of no other byte than its capital.
        match tag.trim().as_bytes() {
            [a, b] | [a, b, b'-' | b'_', ..] => match [a | 0x20, b | 0x20] {
                [b'f', b'r'] => Some(Lang::Fr),
                [b'e', b'n'] => Some(Lang::En),
                _ => None,
            },
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        match s {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            other => Err(UnknownLang(other.to_owned())),
        }
    }
}

/// A language code other than `fr` or `en`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language `{}`: expected `fr` or `en`", self.0)
    }
}

impl std::error::Error for UnknownLang {}

/// A text in both languages. A compiled pack holds only complete ones.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    /// Stands in for a broken text while a pack's other problems are collected.
    pub(crate) fn empty() -> Text {
        Text { fr: String::new(), en: String::new() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// The product's words in one language (`Ui`), read by name, one method per word, and
/// as a list in the order they are declared: what build.rs writes at the head of each
/// language's texts and the element's engine reads back (`give_words`), so that a page
/// loads the words of its language only. A list rather than a struct of fields: the
/// words read from the texts are kept as read, where moving them into as many fields
/// took 1.5 KB of code (0.8 KB gzipped). The built-in words are written by name
/// (`Wording`).
macro_rules! words {
    ($($(#[$doc:meta])* $word:ident,)*) => {
        /// The product's own words, the same for every programme.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Ui([&'static str; Ui::COUNT]);

        /// Each word's place in `Ui`'s list.
        #[allow(non_camel_case_types)]
        enum Word {
            $($word,)*
        }

        impl Ui {
            /// How many words there are.
            pub const COUNT: usize = [$(stringify!($word)),*].len();

            /// The words in the order they are declared.
            pub const fn from_words(words: [&'static str; Ui::COUNT]) -> Ui {
                Ui(words)
            }

            /// The words in the order they are declared, as `from_words` takes them.
            pub fn words(&self) -> [&'static str; Ui::COUNT] {
                self.0
            }

            $($(#[$doc])* pub fn $word(&self) -> &'static str {
                // A constant place, checked when compiled: no panic.
                const AT: usize = Word::$word as usize;
                self.0[AT]
            })*
        }

        /// The built-in words of a language, written by name.
        #[cfg(feature = "builtin-words")]
        struct Wording {
            $($word: &'static str,)*
        }

        #[cfg(feature = "builtin-words")]
        impl Ui {
            /// The words as written by name, in their list.
            const fn written(wording: Wording) -> Ui {
                let Wording { $($word),* } = wording;
                Ui([$($word),*])
            }
        }
    };
}

words! {
    likely_eligible,
    likely_not_eligible,
    not_yet_known,
    amount,
    reasons,
    window,
    opens,
    closes,
    closing_unknown,
    apply,
    estimate_notice,
    continue_label,
    start_over,
    switch_language,
    yes,
    no,
    invalid_number,
    invalid_whole_number,
    at_least,
    at_most,
    unknown_programme,
    no_programme,
    choose,
    operator_decides,
    met,
    not_met,
    unknown,
    sources_and_rules,
    version,
    checked_on,
    fingerprint,
    country_question,
    other_country,
    /// "You work" + `Country::inside` + ".".
    country_met,
    /// "This programme is only for people who work" + `Country::inside` + ".".
    country_not_met,
    country_unknown,
    would_have_been_eligible,
    would_not_have_been_eligible,
    /// "Applications closed on" + the day.
    closed_on,
    /// "Applications opened on" + the day, then `may_have_closed` + "(operator).".
    opened_on,
    may_have_closed,
    not_open_yet,
    read_terms,
    read_terms_closed,
    check_with_operator,
    benefit,
    starts,
    or,
    from_amount,
    several_title,
    several_intro,
    results,
    none_for_country,
    too_precise,
    understood,
    which_did_you_mean,
    crashed,
    /// Said while the texts of the other language are fetched, asked for by the language
    /// button: the form stays in its language until they come.
    other_language_loading,
    /// Said when the texts of the other language could not be fetched.
    other_language_failed,
    /// Shown under "Sources and rules", and said when a summary waits for them, while
    /// the programmes' sources are fetched (a page loads them once a visitor acts).
    sources_loading,
    /// Shown and said when the sources could not be fetched.
    sources_failed,
    /// Said by the live region when an answer brings a new question, before its label.
    next_question,
    /// The answer "I don't know", offered with every question.
    do_not_know,
    /// Before the questions answered "I don't know" that the verdict still depends on.
    depends_on,
    /// Above the changes of answer that would change the verdict or the benefit.
    what_would_change,
    /// What a verdict would be with another answer.
    would_be_eligible,
    would_not_be_eligible,
    might_be_eligible,
    /// A range of numbers in a change: `au moins 12`, `moins de 800 £`.
    bound_at_least,
    bound_more_than,
    bound_at_most,
    bound_less_than,
    and,
    /// Above what to have ready, per criterion, as the sources say it.
    before_applying,
    according_to,
    // The words of keeping and sharing a result (the print, copy and share buttons, the
    // summary, a link's answers restored): the widget's alone.
    /// The group of the three buttons, for assistive technologies.
    group,
    print,
    copy,
    share,
    copied,
    link_copied,
    copy_failed,
    /// The summary's title; followed by `made_on` and the day.
    title,
    made_on,
    your_answers,
    no_answers,
    sources,
    restored,
    /// " The rules of " + the programme + `changed_since` + version + the link's
    /// version + `now` + the version now + `still_apply`: each with the spaces and marks
    /// around it, so that `restored` pushes one text where it pushed three.
    rules_of,
    changed_since,
    now,
    still_apply,
    /// Before the labels of the answers left out, with its spaces.
    dropped,
    /// Answers to questions no longer asked: one, several.
    gone_one,
    gone_many,
    unreadable,
    /// The names of the months, January first, one space between each (`Date::long`).
    months,
}

#[cfg(feature = "builtin-words")]
const FR: Ui = Ui::written(Wording {
    likely_eligible: "Vous êtes probablement éligible",
    likely_not_eligible: "Vous n'êtes probablement pas éligible",
    not_yet_known: "Résultat pas encore connu : répondez aux questions",
    amount: "Montant",
    reasons: "Pourquoi",
    window: "Dépôt des demandes",
    opens: "à partir du",
    closes: "jusqu'au",
    closing_unknown: "date de clôture non communiquée",
    apply: "Lire les conditions officielles et déposer une demande",
    estimate_notice: "Ceci est une estimation : seul l'organisme décide. Vos réponses restent dans votre navigateur ; rien n'a été envoyé.",
    continue_label: "Continuer",
    start_over: "Recommencer",
    switch_language: "English",
    yes: "Oui",
    no: "Non",
    invalid_number: "Saisissez un montant, par exemple 15 000 ou 15000,50.",
    invalid_whole_number: "Saisissez un nombre entier, par exemple 12.",
    at_least: "La valeur doit être au moins",
    at_most: "La valeur doit être au plus",
    unknown_programme: "Ce programme d'aide est inconnu",
    no_programme: "Aucun programme d'aide n'est indiqué (attribut « programme »).",
    choose: "Choisissez…",
    operator_decides: "selon la décision de l'organisme",
    met: "Critère rempli :",
    not_met: "Critère non rempli :",
    unknown: "Pas encore connu :",
    sources_and_rules: "Sources et règles appliquées",
    version: "version",
    checked_on: "comparées aux sources le",
    fingerprint: "empreinte SHA-256",
    country_question: "Dans quel pays travaillez-vous ?",
    other_country: "Un autre pays",
    country_met: "Vous travaillez",
    country_not_met: "Ce programme est réservé aux personnes qui travaillent",
    country_unknown: "Le pays où vous travaillez n'est pas encore indiqué.",
    would_have_been_eligible: "Vous auriez probablement été éligible",
    would_not_have_been_eligible: "Vous n'auriez probablement pas été éligible",
    closed_on: "Dépôt des demandes clos le",
    opened_on: "Le dépôt des demandes a ouvert le",
    may_have_closed: "les demandes ne sont peut-être plus acceptées : vérifiez auprès de l'organisme",
    not_open_yet: "pas encore ouvert",
    read_terms: "Lire les conditions officielles",
    read_terms_closed: "Lire les conditions officielles (les demandes sont closes)",
    check_with_operator: "Vérifier auprès de l'organisme et lire les conditions officielles",
    benefit: "Ce que vous obtiendriez",
    starts: "début",
    or: "ou",
    from_amount: "à partir de",
    several_title: "À quelles aides avez-vous droit ?",
    several_intro: "Répondez une seule fois : le simulateur vérifie ensemble ces programmes.",
    results: "Résultats",
    none_for_country: "Aucun de ces programmes ne concerne le pays où vous travaillez.",
    too_precise: "Ce nombre a trop de chiffres pour être lu exactement.",
    understood: "compris",
    which_did_you_mean: "Ce nombre peut se lire de deux façons : lequel voulez-vous dire ?",
    crashed: "Le simulateur a rencontré une erreur inattendue et s'est arrêté. Rechargez la page pour réessayer.",
    other_language_loading: "Chargement de la version anglaise…",
    other_language_failed: "Le simulateur n'a pas pu charger sa version anglaise. Réessayez plus tard.",
    sources_loading: "Chargement des sources…",
    sources_failed: "Le simulateur n'a pas pu charger les sources. Réessayez plus tard.",
    next_question: "Question suivante\u{a0}:",
    do_not_know: "Je ne sais pas",
    depends_on: "Le résultat dépend encore de réponses que vous ne connaissez pas\u{a0}:",
    what_would_change: "Ce qui changerait le résultat",
    would_be_eligible: "vous seriez probablement éligible",
    would_not_be_eligible: "vous ne seriez probablement pas éligible",
    might_be_eligible: "vous pourriez être éligible, selon vos autres réponses",
    bound_at_least: "au moins",
    bound_more_than: "plus de",
    bound_at_most: "au plus",
    bound_less_than: "moins de",
    and: "et",
    before_applying: "Avant de déposer votre demande",
    according_to: "selon",
    group: "Garder ou partager le résultat",
    print: "Imprimer ou enregistrer en PDF",
    copy: "Copier le résumé",
    share: "Copier un lien vers mes réponses",
    copied: "Résumé copié dans le presse-papiers.",
    link_copied: "Lien copié. Vos réponses y sont écrites après le signe #, que le navigateur n'envoie à aucun serveur\u{a0}; qui a le lien peut les lire.",
    copy_failed: "La copie n'a pas pu se faire\u{a0}: le navigateur l'a refusée.",
    title: "Résumé de votre simulation d'éligibilité",
    made_on: "Fait le",
    your_answers: "Vos réponses",
    no_answers: "Aucune réponse pour l'instant.",
    sources: "Sources",
    restored: "Vos réponses ont été reprises du lien.",
    rules_of: " Les règles de ",
    changed_since: " ont changé depuis ce lien (",
    now: ", aujourd'hui ",
    still_apply: ")\u{a0}: les réponses qui s'appliquent encore ont été reprises.",
    dropped: " Non reprises, car elles ne correspondent plus aux questions\u{a0}: ",
    gone_one: "une réponse à une question qui n'est plus posée",
    gone_many: "réponses à des questions qui ne sont plus posées",
    unreadable: "Le lien contient des réponses qui n'ont pas pu être lues\u{a0}: aucune n'a été reprise.",
    months: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
});

#[cfg(feature = "builtin-words")]
const EN: Ui = Ui::written(Wording {
    likely_eligible: "You are likely eligible",
    likely_not_eligible: "You are likely not eligible",
    not_yet_known: "Not yet known: answer the questions",
    amount: "Amount",
    reasons: "Why",
    window: "Applications",
    opens: "from",
    closes: "until",
    closing_unknown: "closing date not published",
    apply: "Read the official terms and apply",
    estimate_notice:
        "This is an estimate: only the operator decides. Your answers stay in your browser; nothing was sent.",
    continue_label: "Continue",
    start_over: "Start over",
    switch_language: "Français",
    yes: "Yes",
    no: "No",
    invalid_number: "Enter an amount, for example 15000 or 15,000.50.",
    invalid_whole_number: "Enter a whole number, for example 12.",
    at_least: "The value must be at least",
    at_most: "The value must be at most",
    unknown_programme: "This aid programme is unknown",
    no_programme: "No aid programme is given (the \"programme\" attribute).",
    choose: "Choose…",
    operator_decides: "as decided by the operator",
    met: "Criterion met:",
    not_met: "Criterion not met:",
    unknown: "Not yet known:",
    sources_and_rules: "Sources and the rules applied",
    version: "version",
    checked_on: "compared with the sources on",
    fingerprint: "SHA-256 fingerprint",
    country_question: "Which country do you work in?",
    other_country: "Another country",
    country_met: "You work",
    country_not_met: "This programme is only for people who work",
    country_unknown: "The country you work in is not known yet.",
    would_have_been_eligible: "You would likely have qualified",
    would_not_have_been_eligible: "You would likely not have qualified",
    closed_on: "Applications closed on",
    opened_on: "Applications opened on",
    may_have_closed: "they may no longer be accepted: check with the operator",
    not_open_yet: "not open yet",
    read_terms: "Read the official terms",
    read_terms_closed: "Read the official terms (applications are closed)",
    check_with_operator: "Check with the operator and read the official terms",
    benefit: "What you would get",
    starts: "starts",
    or: "or",
    from_amount: "from",
    several_title: "Which aid could you get?",
    several_intro: "Answer once: the checker looks at these programmes together.",
    results: "Results",
    none_for_country: "None of these programmes is for the country you work in.",
    too_precise: "This number has more digits than can be read exactly.",
    understood: "understood",
    which_did_you_mean: "This number can be read two ways: which do you mean?",
    crashed: "The checker hit an unexpected error and stopped. Reload the page to try again.",
    other_language_loading: "Loading the French version…",
    other_language_failed: "The checker could not load its French version. Try again later.",
    sources_loading: "Loading the sources…",
    sources_failed: "The checker could not load the sources. Try again later.",
    next_question: "Next question:",
    do_not_know: "I don't know",
    depends_on: "The result still depends on answers you do not know:",
    what_would_change: "What would change the result",
    would_be_eligible: "you would likely be eligible",
    would_not_be_eligible: "you would likely not be eligible",
    might_be_eligible: "you might be eligible, depending on your other answers",
    bound_at_least: "at least",
    bound_more_than: "more than",
    bound_at_most: "at most",
    bound_less_than: "less than",
    and: "and",
    before_applying: "Before you apply",
    according_to: "according to",
    group: "Keep or share the result",
    print: "Print or save as PDF",
    copy: "Copy the summary",
    share: "Copy a link to my answers",
    copied: "Summary copied to the clipboard.",
    link_copied: "Link copied. Your answers are written in it after the # sign, which browsers send to no server; anyone with the link can read them.",
    copy_failed: "Copying did not work: the browser refused it.",
    title: "Summary of your eligibility check",
    made_on: "Made on",
    your_answers: "Your answers",
    no_answers: "No answers yet.",
    sources: "Sources",
    restored: "Your answers were restored from the link.",
    rules_of: " The rules of ",
    changed_since: " changed since this link was made (",
    now: ", now ",
    still_apply: "): the answers that still apply were restored.",
    dropped: " Not restored, as they no longer fit the questions: ",
    gone_one: "one answer to a question no longer asked",
    gone_many: "answers to questions no longer asked",
    unreadable: "The link holds answers that could not be read: none was restored.",
    months: "January February March April May June July August September October November December",
});

/// Its parts run together, each a `&str`, a `String` or a `&String`: `format!` for
/// text alone, without `core::fmt`, which the WebAssembly then leaves out
/// (BENCHMARKS.md, "The fifth cut").
#[macro_export]
macro_rules! cat {
    ($($part:expr),+ $(,)?) => {
        [$(::core::convert::AsRef::<str>::as_ref(&$part)),+].concat()
    };
}

/// `n` in decimal digits, as `to_string` writes it, without `core::fmt`.
pub fn digits(n: u64) -> String {
    // A whole decimal, which `plain` writes: one routine for digits in the WebAssembly.
    crate::money::plain(rust_decimal::Decimal::from(n))
}

/// `text` before the first of the ASCII `marks` (one mark given twice, or two), and
/// what follows it if there is one: `split` and `split_once` on bytes, for money's
/// numbers and the widget's link and element specs. `str::split_once` and `split` with
/// chars brought a copy of core's char searcher into the WebAssembly (−172 B gzipped).
pub fn cut(text: &str, [a, b]: [u8; 2]) -> (&str, Option<&str>) {
    match text.bytes().position(|byte| byte == a || byte == b) {
        // An ASCII mark's place is a character boundary: neither `get` fails.
        Some(at) => (text.get(..at).unwrap_or_default(), text.get(at + 1..)),
        None => (text, None),
    }
}

/// `parts` with `separator` between them: `[String]::join` with a loop of its own, so
/// that the WebAssembly holds one copy of the standard library's join (for `[&str]`)
/// rather than two (BENCHMARKS.md, "The third cut").
pub fn join(parts: &[String], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

/// French puts a space before a colon; English does not.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    }
}

/// `colon`, then a space, pushed onto `out`: out of line, one call where each of the
/// ten sentences that name a part before its words pushed both (−62 B gzipped).
#[inline(never)]
pub fn push_colon(out: &mut String, lang: Lang) {
    out.push_str(colon(lang));
    out.push(' ');
}

/// Not inlined: a caller then reads each word through the one pointer, where inlined
/// every word became a choice between its two constants, written out at each use.
#[cfg(feature = "builtin-words")]
#[inline(never)]
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

#[cfg(not(feature = "builtin-words"))]
thread_local! {
    /// The words of each language, once given (`give_words`). A thread-local of cells,
    /// as the catalogue's: the element's engine runs on one thread.
    static GIVEN: [std::cell::Cell<Option<&'static Ui>>; 2] = const { [const { std::cell::Cell::new(None) }; 2] };
}

/// The words of `lang` as given (`give_words`), every one empty before: the element's
/// engine is built without them (`builtin-words`), and draws only a language whose
/// texts, which hold them, it was given. Not inlined, as the built-in `ui`.
#[cfg(not(feature = "builtin-words"))]
#[inline(never)]
pub fn ui(lang: Lang) -> &'static Ui {
    const NONE: Ui = Ui::from_words([""; Ui::COUNT]);
    GIVEN.with(|given| given.get(usize::from(lang == Lang::En)).and_then(std::cell::Cell::get)).unwrap_or(&NONE)
}

/// Gives the words of `lang`, read from the head of its texts (`src/catalogue.rs`);
/// given again, they are kept as they were.
#[cfg(not(feature = "builtin-words"))]
pub fn give_words(lang: Lang, words: [&'static str; Ui::COUNT]) {
    GIVEN.with(|given| {
        if let Some(cell) = given.get(usize::from(lang == Lang::En)).filter(|cell| cell.get().is_none()) {
            cell.set(Some(Box::leak(Box::new(Ui::from_words(words)))));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_tags() {
        assert_eq!(Lang::from_tag("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        for (tag, lang) in [(" Fr ", Some(Lang::Fr)), ("en-", Some(Lang::En)), ("fra", None), ("", None), ("é", None)]
        {
            assert_eq!(Lang::from_tag(tag), lang, "{tag:?}");
        }
        // Every tag of two bytes and a third, against a search for the end and lower-cased copies.
        let old = |tag: &str| {
            let tag = tag.trim().as_bytes();
            let end = tag.iter().position(|b| *b == b'-' || *b == b'_').unwrap_or(tag.len());
            match tag.get(..end)? {
                [a, b] => match [a.to_ascii_lowercase(), b.to_ascii_lowercase()] {
                    [b'f', b'r'] => Some(Lang::Fr),
                    [b'e', b'n'] => Some(Lang::En),
                    _ => None,
                },
                _ => None,
            }
        };
        for a in 0..=127u8 {
            for b in 0..=127u8 {
                for tail in ["", "-", "_", "x", "-x", "é"] {
                    let tag = format!("{}{}{tail}", char::from(a), char::from(b));
                    assert_eq!(Lang::from_tag(&tag), old(&tag), "{tag:?}");
                }
            }
        }
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert!("english".parse::<Lang>().is_err());
    }

    #[test]
    fn digits_and_cat_write_what_format_writes() {
        for n in [0, 7, 10, 99, 2020, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(digits(n), n.to_string());
        }
        let owned = String::from("b");
        assert_eq!(cat!("a", owned, &owned, digits(3)), format!("a{owned}{owned}3"));
    }

    /// Every piece `cut` gives, in order, as `split` would.
    #[cfg(not(target_arch = "wasm32"))]
    fn pieces(text: &str, marks: [u8; 2]) -> Vec<&str> {
        let mut pieces = Vec::new();
        let mut rest = Some(text);
        while let Some(now) = rest {
            let piece;
            (piece, rest) = cut(now, marks);
            pieces.push(piece);
        }
        pieces
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn digits_are_what_to_string_writes(n in proptest::prelude::any::<u64>()) {
            proptest::prop_assert_eq!(digits(n), n.to_string());
        }

        /// `cut` as core's `split` and `split_once`, for every mark it is given.
        #[test]
        fn cut_splits_as_core_does(
            text in "[a;=,|#.eE€é\\x{1F600} ]{0,12}",
            mark in proptest::sample::select(vec![b';', b'=', b',', b'|', b'#', b'.']),
        ) {
            let old: Vec<&str> = text.split(char::from(mark)).collect();
            proptest::prop_assert_eq!(pieces(&text, [mark; 2]), old);
            let (head, tail) = cut(&text, [mark; 2]);
            proptest::prop_assert_eq!(tail.map(|tail| (head, tail)), text.split_once(char::from(mark)));
            proptest::prop_assert_eq!(tail.is_none(), head == text);
            let (head, tail) = cut(&text, [b'e', b'E']);
            proptest::prop_assert_eq!(tail.map(|tail| (head, tail)), text.split_once(['e', 'E']));
        }
    }
}
