//! Any bytes as the fragment of a link to one's answers (`location.hash`): it is not
//! ours, refused whole, or read, never a panic; a link read is written back and reads
//! as itself; its answers restored into the form of every shipped programme keep only
//! what fits, and the message about it is written in both languages.
#![no_main]

use eligibility::catalogue;
use eligibility::i18n::Lang;
use eligibility::pack::Date;
use eligibility::widget::share::{FromLink, Link};
use eligibility::widget::state::WidgetState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let link = match Link::read(text) {
        Ok(Some(link)) => link,
        Ok(None) => return,
        Err(error) => return drop(error.to_string()),
    };
    assert_eq!(Link::read(&link.fragment()), Ok(Some(link.clone())), "a link reads back as itself");
    for lang in Lang::ALL {
        let programmes = catalogue::programmes().iter().collect();
        let mut state = WidgetState::new(programmes, lang, Date { year: 2020, month: 4, day: 15 });
        let outcome = FromLink::restore(&mut state, &link);
        drop(outcome.message(&state));
        for kept in state.kept() {
            assert!(link.answers.iter().any(|k| k.id == kept.id && k.raw == kept.raw), "only the link's answers");
        }
    }
});
