//! Whether a programme takes applications on a given day. Independent of the answers:
//! the status says what the rules make of them; the window says whether one can
//! still apply.

use crate::pack::{Date, Window};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowState {
    /// Before the opening day.
    Upcoming,
    /// On a day the sources show applications being taken.
    Open,
    /// After the closing day the sources give.
    Closed,
    /// No source gives a closing date, and the day is past the last one the pack's
    /// authors vouch for: it may no longer accept applications.
    Unconfirmed,
}

impl WindowState {
    pub fn as_str(self) -> &'static str {
        match self {
            WindowState::Upcoming => "upcoming",
            WindowState::Open => "open",
            WindowState::Closed => "closed",
            WindowState::Unconfirmed => "unconfirmed",
        }
    }

    /// Whether no later day changes it: past the closing day, or past the last day
    /// vouched for where no source gives one. A caller may then stop reading the clock.
    pub fn is_final(self) -> bool {
        matches!(self, WindowState::Closed | WindowState::Unconfirmed)
    }
}

pub fn state(window: &Window, today: Date) -> WindowState {
    if window.opens.is_some_and(|opens| today < opens) {
        return WindowState::Upcoming;
    }
    match (window.closes, window.confirmed_open_until) {
        (Some(closes), _) if today > closes => WindowState::Closed,
        (Some(_), _) => WindowState::Open,
        (None, Some(until)) if today <= until => WindowState::Open,
        // Compilation requires one of the two dates; without either nothing is vouched.
        (None, _) => WindowState::Unconfirmed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap_or(Date { year: 1, month: 1, day: 1 })
    }

    #[test]
    fn each_state_on_its_days() {
        let uk = Window {
            opens: Some(day("2020-04-08")),
            closes: Some(day("2020-04-22")),
            closing_time: None,
            confirmed_open_until: None,
        };
        let cases =
            [("2020-04-07", "upcoming"), ("2020-04-08", "open"), ("2020-04-22", "open"), ("2020-04-23", "closed")];
        for (today, expected) in cases {
            assert_eq!(state(&uk, day(today)).as_str(), expected, "{today}");
        }
        let netflix = Window {
            opens: Some(day("2020-04-15")),
            closes: None,
            closing_time: None,
            confirmed_open_until: Some(day("2020-04-15")),
        };
        let cases = [
            ("2020-04-14", "upcoming"),
            ("2020-04-15", "open"),
            ("2020-04-16", "unconfirmed"),
            ("2026-11-22", "unconfirmed"),
        ];
        for (today, expected) in cases {
            assert_eq!(state(&netflix, day(today)).as_str(), expected, "{today}");
        }
    }

    #[test]
    fn a_final_state_is_the_state_of_every_later_day() {
        let windows = [
            Window {
                opens: Some(day("2020-04-08")),
                closes: Some(day("2020-04-22")),
                closing_time: None,
                confirmed_open_until: None,
            },
            Window {
                opens: Some(day("2020-04-15")),
                closes: None,
                closing_time: None,
                confirmed_open_until: Some(day("2020-04-15")),
            },
            Window { opens: None, closes: None, closing_time: None, confirmed_open_until: Some(day("2020-05-01")) },
        ];
        // 2020-03-02 to 2020-06-30, as days since 1970-01-01.
        let days: Vec<Date> = (18_323..18_444).filter_map(Date::from_unix_days).collect();
        for window in &windows {
            let states: Vec<WindowState> = days.iter().map(|d| state(window, *d)).collect();
            assert!(states.iter().any(|s| s.is_final()) && !states.iter().all(|s| s.is_final()), "{window:?}");
            for (i, first) in states.iter().enumerate() {
                let later = states.get(i..).unwrap_or_default();
                assert_eq!(first.is_final(), later.iter().all(|s| s == first), "{window:?} on {}", days[i].iso());
            }
        }
    }
}
