//! A session: a form kept compiled, with the answers given so far, that takes them one
//! at a time. Each programme's outcome is kept and evaluated again only when an answer
//! it reads changed; reports (the explanations) are written only when asked for.
//!
//! Answers are checked exactly as `Form::answers` checks them (`answer::check`), so a
//! session and `evaluate` accept, refuse and word their errors alike; questions and
//! programmes are named by their index in the form, so that a caller across a boundary
//! passes numbers, not strings.

mod regions;

use regions::{Memory, Regions};

use std::fmt;
use std::rc::Rc;

use rust_decimal::Decimal;

use crate::answer::{check, Answer, AnswerError, AnswerInput};
use crate::engine::{Status, Workspace};
use crate::form::{Form, FormAnswers, Outcome};
use crate::i18n::Lang;
use crate::money::whole_number;
use crate::pack::{Date, QuestionKind};

#[derive(Debug, Clone)]
pub struct Session<'p> {
    form: Form<'p>,
    /// How many questions the form has: indices `0..count`.
    count: usize,
    answers: FormAnswers,
    /// The regions of the answers: a number changed within its region keeps the
    /// outcomes, and statuses and outcomes are remembered by the regions of all the
    /// answers.
    regions: Regions,
    statuses_remembered: Memory<Status>,
    /// Shared with `outcomes`, so that a remembered outcome is taken without a copy; the
    /// slots not yet used cost a pointer each.
    outcomes_remembered: Memory<Rc<Outcome<'p>>>,
    /// Per programme, its outcome for the answers when `whole`, else an older one: for
    /// answers in the same regions, which give the same outcome, `changes` included.
    outcomes: Vec<Rc<Outcome<'p>>>,
    whole: Vec<bool>,
    /// Per programme, its status for the answers when `fresh`: found alone (`status`)
    /// when no more is read, at a fraction of a whole outcome's cost, in its workspace.
    statuses: Vec<Status>,
    fresh: Vec<bool>,
    workspaces: Vec<Workspace>,
    /// The form's next question, while no answer changed since it was chosen.
    next: Option<Option<usize>>,
    pub lang: Lang,
    /// The day the windows are read on, in reports.
    pub today: Date,
}

/// Whether a session remembers statuses and outcomes by the regions of the answers:
/// `ELIGIBILITY_FORGETFUL` set at build time turns it off, for the benchmark of a
/// session that evaluates every time (bench/cold.sh).
const REMEMBER: bool = option_env!("ELIGIBILITY_FORGETFUL").is_none();

/// How many statuses a session remembers at most: a slot each, 16 bytes (64 KiB in
/// all). Fewer slots lost half the look-ups to collisions on the benchmark's walk
/// through 10,000 partial answer sets.
const STATUSES_REMEMBERED: usize = 4096;

/// How many outcomes: a slot each, 16 bytes, and about 350 bytes for each outcome
/// remembered (README, "A session"). 512 slots made `evaluate()` with partial answers
/// 1.5 times slower on the benchmark's sets, whose regions are many more than a visitor's.
const OUTCOMES_REMEMBERED: usize = 4096;

/// What a session refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// An answer that does not fit its question, or a question no programme reads:
    /// the same error, word for word, as `evaluate` gives.
    Answer(AnswerError),
    NoQuestion(usize),
    NoProgramme(usize),
    /// An option chosen by its index, past the question's options.
    NoOption {
        question: String,
        option: usize,
        options: usize,
    },
    NotAChoice(String),
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::Answer(error) => error.fmt(f),
            SessionError::NoQuestion(index) => write!(f, "no question at index {index} in this session"),
            SessionError::NoProgramme(index) => write!(f, "no programme at index {index} in this session"),
            SessionError::NoOption { question, option, options } => {
                write!(f, "question `{question}` has no option at index {option}: it has {options}")
            }
            SessionError::NotAChoice(question) => write!(f, "question `{question}` is not a choice"),
        }
    }
}

impl std::error::Error for SessionError {}

impl From<AnswerError> for SessionError {
    fn from(error: AnswerError) -> Self {
        SessionError::Answer(error)
    }
}

/// The errors for an index past the questions or the programmes, made only when one
/// is (`ok_or_else`): `ok_or` would make one at every call and drop it on success,
/// through a call not inlined (the error may hold strings), measured at a quarter of a
/// changed answer's time natively.
fn no_question(index: usize) -> impl FnOnce() -> SessionError {
    move || SessionError::NoQuestion(index)
}

fn no_programme(programme: usize) -> impl FnOnce() -> SessionError {
    move || SessionError::NoProgramme(programme)
}

impl<'p> Session<'p> {
    /// A session with no answer; every programme is evaluated once here.
    pub fn new(form: Form<'p>, lang: Lang, today: Date) -> Session<'p> {
        let answers = form.no_answers();
        let outcomes: Vec<Rc<Outcome<'p>>> = form.evaluate(&answers).into_iter().map(Rc::new).collect();
        let regions = Regions::new(&form);
        let count = form.questions().count();
        let statuses = outcomes.iter().map(|outcome| outcome.status()).collect();
        let workspaces = form.programmes.iter().map(|p| Workspace::new(p)).collect();
        Session {
            whole: vec![true; outcomes.len()],
            fresh: vec![true; outcomes.len()],
            form,
            count,
            answers,
            regions,
            statuses_remembered: Memory::new(if REMEMBER { STATUSES_REMEMBERED } else { 0 }),
            outcomes_remembered: Memory::new(if REMEMBER { OUTCOMES_REMEMBERED } else { 0 }),
            outcomes,
            statuses,
            workspaces,
            next: None,
            lang,
            today,
        }
    }

    pub fn form(&self) -> &Form<'p> {
        &self.form
    }

    /// The index of a question by its id; a question that no programme of the form
    /// reads is refused with `evaluate`'s error.
    pub fn question(&self, id: &str) -> Result<usize, AnswerError> {
        self.form.position(id).ok_or_else(|| {
            let known: Vec<&str> = self.form.questions().map(|q| q.id.as_str()).collect();
            let programmes: Vec<&str> = self.form.programmes.iter().map(|p| p.id.as_str()).collect();
            AnswerError::unknown_question(id, &programmes, &known)
        })
    }

    /// Sets (or, with `AnswerInput::Missing`, clears) the answer to question `index`,
    /// checked against it; a refused answer leaves the session as it was.
    pub fn set(&mut self, index: usize, input: &AnswerInput) -> Result<(), SessionError> {
        let question = self.form.question(index).ok_or_else(no_question(index))?;
        if *input == AnswerInput::Unknown {
            if !self.answers.is_unknown(index) {
                self.answers.set_unknown(index);
                self.regions.update(index, &self.answers);
                self.stale(index);
            }
            return Ok(());
        }
        let answer = check(question, input)?;
        self.put(index, answer);
        Ok(())
    }

    /// A whole number, as `set` reads `AnswerInput::Number` of its digits, without
    /// writing and reading them: the answer is the same, and so is any error.
    pub fn set_integer(&mut self, index: usize, value: i64) -> Result<(), SessionError> {
        // A count, the most common number, without decimal arithmetic.
        let question = self.form.question(index).ok_or_else(no_question(index))?;
        match &question.kind {
            QuestionKind::Integer { min, max } if min.is_none_or(|m| value >= m) && max.is_none_or(|m| value <= m) => {
                self.put(index, Some(Answer::Integer(value)));
                Ok(())
            }
            _ => self.set_number(index, Decimal::from(value)),
        }
    }

    /// A number, as `set` reads `AnswerInput::Number` of its digits without trailing
    /// zeros (as JavaScript writes numbers), without writing and reading them.
    pub fn set_number(&mut self, index: usize, value: Decimal) -> Result<(), SessionError> {
        let question = self.form.question(index).ok_or_else(no_question(index))?;
        // Most numbers come without trailing zeros (`set_cents`): then no division, and
        // the test on 64 bits where the digits fit, which is quicker than on 128.
        let trailing_zero = value.scale() > 0 && i64::try_from(value.mantissa()).map_or(true, |m| m % 10 == 0);
        let value = if trailing_zero { value.normalize() } else { value };
        let answer = match &question.kind {
            QuestionKind::Integer { min, max } => whole_number(value)
                .filter(|n| min.is_none_or(|m| *n >= m) && max.is_none_or(|m| *n <= m))
                .map(Answer::Integer),
            QuestionKind::Money { min, max, .. } => {
                (min.is_none_or(|m| value >= m) && max.is_none_or(|m| value <= m)).then_some(Answer::Money(value))
            }
            _ => None,
        };
        match answer {
            Some(answer) => {
                self.put(index, Some(answer));
                Ok(())
            }
            // Refused (or another kind of question): `set` words it.
            None => self.set(index, &AnswerInput::Number(value.to_string())),
        }
    }

    /// Chooses option `option` (its index in the question's options) of a choice question.
    pub fn choose(&mut self, index: usize, option: usize) -> Result<(), SessionError> {
        let question = self.form.question(index).ok_or_else(no_question(index))?;
        match &question.kind {
            QuestionKind::Choice(options) if option < options.len() => {
                self.put(index, Some(Answer::Choice(option)));
                Ok(())
            }
            QuestionKind::Choice(options) => {
                Err(SessionError::NoOption { question: question.id.clone(), option, options: options.len() })
            }
            _ => Err(SessionError::NotAChoice(question.id.clone())),
        }
    }

    pub fn clear(&mut self, index: usize) -> Result<(), SessionError> {
        self.set(index, &AnswerInput::Missing)
    }

    /// Every answer cleared.
    pub fn reset(&mut self) {
        for index in 0..self.count {
            self.put(index, None);
        }
    }

    pub fn answer(&self, index: usize) -> Option<&Answer> {
        self.answers.get(index)
    }

    /// The answers as they stand.
    pub fn answers(&self) -> &FormAnswers {
        &self.answers
    }

    /// Stores an answer; the programmes that read it are evaluated again when next read.
    fn put(&mut self, index: usize, answer: Option<Answer>) {
        // "I don't know" and no answer are alike to the rules, not to the form.
        let was_unknown = self.answers.is_unknown(index);
        let old = self.answers.get(index);
        if old == answer.as_ref() && !was_unknown {
            return;
        }
        self.answers.set(index, answer);
        if self.regions.update(index, &self.answers) {
            self.stale(index);
        }
    }

    /// The programmes that read question `index` are evaluated again when next read.
    fn stale(&mut self, index: usize) {
        for (programme, (fresh, whole)) in self.fresh.iter_mut().zip(&mut self.whole).enumerate() {
            if self.form.reads(programme, index) {
                (*fresh, *whole) = (false, false);
            }
        }
        self.next = None;
    }

    /// Programme `programme`'s outcome for the answers given, evaluated now if an
    /// answer it reads changed since.
    pub fn outcome(&mut self, programme: usize) -> Result<&Outcome<'p>, SessionError> {
        let stale = !*self.whole.get(programme).ok_or_else(no_programme(programme))?;
        if stale {
            let (form, answers) = (&self.form, &self.answers);
            let outcome = self
                .outcomes_remembered
                .get_or_make(programme, self.regions.key(programme), || {
                    form.evaluate_one(programme, answers).map(Rc::new)
                })
                .ok_or_else(no_programme(programme))?;
            self.keep(programme, outcome.status());
            if let (Some(slot), Some(whole)) = (self.outcomes.get_mut(programme), self.whole.get_mut(programme)) {
                *slot = outcome;
                *whole = true;
            }
        }
        self.outcomes.get(programme).map(|outcome| &**outcome).ok_or_else(no_programme(programme))
    }

    /// Programme `programme`'s outcome (`outcome`), with the form's index of its own next
    /// question (`Outcome::next_question`).
    pub fn outcome_and_next(&mut self, programme: usize) -> Result<(&Outcome<'p>, Option<usize>), SessionError> {
        self.outcome(programme)?;
        let outcome = self.outcomes.get(programme).ok_or_else(no_programme(programme))?;
        Ok((outcome, self.form.next_question_of(programme, outcome)))
    }

    /// The rules' verdict for one programme, the country included: its outcome's
    /// status, when the outcome is not up to date remembered by the regions of the
    /// answers, else found alone.
    pub fn status(&mut self, programme: usize) -> Result<Status, SessionError> {
        if let Some(status) = self.known_status(programme) {
            return Ok(status);
        }
        // Not remembered (`known_status` looked): found alone, and remembered.
        let workspace = self.workspaces.get_mut(programme).ok_or_else(no_programme(programme))?;
        let status = self.form.status_one(programme, &self.answers, workspace).ok_or_else(no_programme(programme))?;
        if let Some(key) = self.regions.key(programme) {
            self.statuses_remembered.put(programme, key, status);
        }
        self.keep(programme, status);
        Ok(status)
    }

    /// Programme `programme`'s status when it is known without evaluating anything: up
    /// to date, or remembered for the regions of the answers; `None` otherwise, and for
    /// no such programme.
    pub fn known_status(&mut self, programme: usize) -> Option<Status> {
        if !*self.fresh.get(programme)? {
            let status = *self.statuses_remembered.get(programme, self.regions.key(programme)?)?;
            self.keep(programme, status);
        }
        self.statuses.get(programme).copied()
    }

    /// Keeps programme `programme`'s status for the answers given.
    fn keep(&mut self, programme: usize, status: Status) {
        if let (Some(slot), Some(fresh)) = (self.statuses.get_mut(programme), self.fresh.get_mut(programme)) {
            (*slot, *fresh) = (status, true);
        }
    }

    /// Every programme's outcome, in the form's order.
    pub fn outcomes(&mut self) -> &[Rc<Outcome<'p>>] {
        for programme in 0..self.outcomes.len() {
            // Cannot fail: `programme` is below the number of outcomes.
            let _ = self.outcome(programme);
        }
        &self.outcomes
    }

    /// The form's next question worth asking (`Form::next_question`).
    pub fn next_question(&mut self) -> Option<usize> {
        if let Some(next) = self.next {
            return next;
        }
        self.outcomes();
        let next = self.form.next_question(&self.answers, &self.outcomes);
        self.next = Some(next);
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;
    use crate::engine::domain;
    use crate::pack::Programme;
    use crate::report::EvaluationReport;

    const DAY: Date = Date { year: 2020, month: 4, day: 15 };

    fn session(ids: &[&str]) -> Session<'static> {
        let programmes = ids.iter().filter_map(|id| catalogue::programme(id).ok()).collect();
        Session::new(Form::new(programmes), Lang::En, DAY)
    }

    /// Every programme's report, as `evaluate` gives it.
    fn reports(session: &mut Session<'static>) -> Vec<EvaluationReport<'static>> {
        session.outcomes().iter().map(|outcome| EvaluationReport::new(outcome, Lang::En, DAY)).collect()
    }

    fn text(value: &str) -> AnswerInput {
        AnswerInput::Text(value.into())
    }

    /// The reports a session gives after `answers`, one at a time, and those of the form
    /// given them all at once.
    fn check(ids: &[&str], answers: &[(&str, AnswerInput)]) {
        let mut one_by_one = session(ids);
        for (id, input) in answers {
            let Ok(index) = one_by_one.question(id) else { panic!("no question {id}") };
            assert_eq!(one_by_one.set(index, input), Ok(()), "{id}");
            // Read after each answer, so that cached outcomes are what later answers change.
            let _ = one_by_one.next_question();
        }
        let form = one_by_one.form().clone();
        let Ok(all) = form.answers(answers.iter().map(|(id, input)| (*id, input.clone()))) else { panic!("answers") };
        let outcomes = form.evaluate(&all);
        let expected: Vec<EvaluationReport> =
            outcomes.iter().map(|o| EvaluationReport::new(o, Lang::En, DAY)).collect();
        assert_eq!(reports(&mut one_by_one), expected);
        assert_eq!(one_by_one.next_question(), form.next_question(&all, &outcomes));
    }

    #[test]
    fn answers_one_at_a_time_give_the_reports_of_all_at_once() {
        let netflix = [
            ("profession", text("artist")),
            ("days_worked", AnswerInput::Number("12".into())),
            ("rights_not_renewed_since_2020", AnswerInput::Bool(true)),
            ("works_on_netflix_production", AnswerInput::Bool(false)),
            ("annual_resources", AnswerInput::Number("15000.01".into())),
        ];
        for end in 0..=netflix.len() {
            check(&["netflix-audiens-2020"], netflix.get(..end).unwrap_or_default());
        }
        let ids: Vec<&str> = catalogue::programmes().iter().map(|p| p.id.as_str()).collect();
        check(&ids, &[("country", text("fr")), ("profession", text("artist"))]);
        check(&ids, &[("profession", text("artist")), ("country", text("gb")), ("country", AnswerInput::Missing)]);
    }

    #[test]
    fn a_changed_answer_evaluates_again_only_the_programmes_that_read_it() {
        let mut session = session(&["netflix-audiens-2020", "collectif-5050-mentorat-2021"]);
        let Ok(days) = session.question("days_worked") else { panic!("days_worked") };
        assert_eq!(session.set(days, &AnswerInput::Number("3".into())), Ok(()));
        assert_eq!(session.fresh, [false, true]);
        assert_eq!(session.status(0), Ok(Status::NotEligible));
        assert_eq!(session.fresh, [true, true]);
        // The same answer again changes nothing.
        assert_eq!(session.set(days, &AnswerInput::Text("3".into())), Ok(()));
        assert_eq!(session.fresh, [true, true]);
        let Ok(country) = session.question("country") else { panic!("country") };
        assert_eq!(session.set(country, &text("fr")), Ok(()));
        assert_eq!(session.fresh, [false, false]);
    }

    #[test]
    fn a_number_on_the_same_side_of_every_constant_keeps_the_outcomes() {
        let mut session = session(&["netflix-audiens-2020"]);
        let Ok(days) = session.question("days_worked") else { panic!("days_worked") };
        assert_eq!(session.set(days, &AnswerInput::Number("13".into())), Ok(()));
        let _ = session.status(0);
        assert_eq!(session.set(days, &AnswerInput::Number("200".into())), Ok(()));
        assert_eq!(session.fresh, [true], "13 and 200 are both above 12");
        assert_eq!(session.answer(days), Some(&Answer::Integer(200)), "the answer itself is kept");
        assert_eq!(session.set(days, &AnswerInput::Number("12".into())), Ok(()));
        assert_eq!(session.fresh, [false], "12 is the constant itself");
    }

    #[test]
    fn a_remembered_outcome_gives_the_changes_of_other_answers_in_its_regions() {
        let all: Vec<&str> = catalogue::programmes().iter().map(|p| p.id.as_str()).collect();
        for (ids, country) in [(vec!["netflix-audiens-2020"], None), (all, Some(AnswerInput::Unknown))] {
            let mut session = session(&ids);
            let mut answers = vec![
                ("profession", text("artist")),
                ("rights_not_renewed_since_2020", AnswerInput::Bool(true)),
                ("no_rights_opened_2019", AnswerInput::Bool(false)),
                ("works_on_netflix_production", AnswerInput::Bool(false)),
                ("annual_resources", text("100")),
                ("days_worked", text("13")),
            ];
            answers.extend(country.map(|c| ("country", c)));
            let netflix = ids.iter().position(|id| *id == "netflix-audiens-2020");
            for (id, input) in &answers {
                let Ok(index) = session.question(id) else { panic!("{id}") };
                assert_eq!(session.set(index, input), Ok(()), "{id}");
            }
            // Each walk leaves a region and comes back to it with another number: the
            // outcome made for the first is taken as it is, and says what the form says
            // for the last, what would change it included.
            for (id, first, away, back) in
                [("days_worked", "13", "5", "200"), ("annual_resources", "100", "20000", "14999.99")]
            {
                let Ok(index) = session.question(id) else { panic!("{id}") };
                let made = netflix.and_then(|p| session.outcomes().get(p).cloned());
                for value in [away, back] {
                    assert_eq!(session.set(index, &text(value)), Ok(()), "{id} = {value}");
                    let _ = session.outcomes();
                }
                let taken = netflix.and_then(|p| session.outcomes().get(p).cloned());
                let (Some(made), Some(taken)) = (made, taken) else { panic!("no outcome") };
                assert!(Rc::ptr_eq(&made, &taken), "{ids:?}: {id} {first} then {back}: remembered");
                let form = session.form().clone();
                let expected: Vec<EvaluationReport> =
                    form.evaluate(session.answers()).iter().map(|o| EvaluationReport::new(o, Lang::En, DAY)).collect();
                assert!(expected.iter().any(|r| !r.changes.is_empty()), "{ids:?}: something would change");
                assert_eq!(reports(&mut session), expected, "{ids:?}: {id} {first} then {back}");
            }
        }
    }

    #[test]
    fn a_status_is_remembered_by_the_regions_of_the_answers() {
        let mut session = session(&["netflix-audiens-2020"]);
        let answers = [
            ("profession", "artist"),
            ("rights_not_renewed_since_2020", "true"),
            ("works_on_netflix_production", "false"),
            ("annual_resources", "100"),
        ];
        for (id, value) in answers {
            let Ok(index) = session.question(id) else { panic!("{id}") };
            let input =
                if value == "true" || value == "false" { AnswerInput::Bool(value == "true") } else { text(value) };
            assert_eq!(session.set(index, &input), Ok(()), "{id}");
        }
        let Ok(days) = session.question("days_worked") else { panic!("days_worked") };
        for (value, status) in [
            ("11", Status::NotEligible),
            ("12", Status::Eligible),
            ("11", Status::NotEligible),
            ("13", Status::Eligible),
        ] {
            assert_eq!(session.set(days, &AnswerInput::Number(value.into())), Ok(()));
            assert_eq!(session.status(0), Ok(status), "{value} days");
        }
        // 11 again is looked up: remembered by its regions, the outcome left to make
        // until something needs more than the status.
        assert_eq!(session.set(days, &AnswerInput::Number("11".into())), Ok(()));
        let key = session.regions.key(0);
        assert_eq!(key.and_then(|key| session.statuses_remembered.get(0, key)), Some(&Status::NotEligible));
        assert_eq!(session.known_status(0), Some(Status::NotEligible));
        assert_eq!(session.fresh, [true]);
        assert_eq!(session.status(0), Ok(Status::NotEligible));
        assert_eq!(session.whole, [false]);
        assert_eq!(session.next_question(), None);
        assert_eq!(session.whole, [true]);
        // Regions never seen: not known until evaluated.
        assert_eq!(session.set(days, &AnswerInput::Missing), Ok(()));
        assert_eq!((session.known_status(0), session.known_status(1)), (None, None));
        assert_eq!(session.status(0), Ok(Status::Undetermined));
        assert_eq!(session.known_status(0), Some(Status::Undetermined));
    }

    /// A small deterministic generator (xorshift), for the walks below.
    struct Walk(u64);

    impl Walk {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            usize::try_from(self.0 % (n.max(1) as u64)).unwrap_or(0)
        }
    }

    /// Any answer a visitor could give: options, yes or no, numbers at, around and far
    /// from each constant the rules read, "I don't know", and no answer.
    fn any_input(walk: &mut Walk, programme: &Programme, kind: &QuestionKind, id: &str) -> AnswerInput {
        match walk.below(8) {
            0 => return AnswerInput::Missing,
            1 => return AnswerInput::Unknown,
            _ => {}
        }
        match kind {
            QuestionKind::YesNo => AnswerInput::Bool(walk.below(2) == 0),
            QuestionKind::Choice(options) => {
                AnswerInput::Text(options.get(walk.below(options.len())).map_or("other".into(), |o| o.id.clone()))
            }
            QuestionKind::Integer { .. } | QuestionKind::Money { .. } => {
                let q = programme.questions.iter().position(|q| q.id == id).unwrap_or(0);
                let mut points = domain::breakpoints(programme, q);
                points.push(Decimal::ZERO);
                let point = points.get(walk.below(points.len())).copied().unwrap_or_default();
                let offsets = ["0", "1", "-1", "2", "37", "-3"];
                let offset: Decimal =
                    offsets.get(walk.below(offsets.len())).and_then(|o| o.parse().ok()).unwrap_or_default();
                let cents = if matches!(kind, QuestionKind::Money { .. }) && walk.below(2) == 0 { "0.5" } else { "0" };
                let value = point + offset + cents.parse::<Decimal>().unwrap_or_default();
                AnswerInput::Number(value.to_string())
            }
        }
    }

    #[test]
    fn random_walks_give_what_the_form_gives_for_the_same_answers() {
        let all: Vec<&str> = catalogue::programmes().iter().map(|p| p.id.as_str()).collect();
        let mut forms: Vec<Vec<&str>> = all.iter().map(|id| vec![*id]).collect();
        forms.push(all.clone());
        let mut walk = Walk(0x007e_1ec7);
        for ids in forms {
            let mut session = session(&ids);
            let form = session.form().clone();
            for _ in 0..400 {
                let index = walk.below(form.questions().count());
                let Some(question) = form.question(index) else { continue };
                // The programme that asks it, for its constants.
                let Some(programme) = form.programmes.iter().find(|p| p.question(&question.id).is_some()) else {
                    continue;
                };
                let input = any_input(&mut walk, programme, &question.kind, &question.id);
                let before = session.answers().clone();
                if session.set(index, &input).is_err() {
                    assert_eq!(session.answers(), &before, "a refused answer changes nothing");
                    continue;
                }
                if walk.below(3) == 0 {
                    continue; // not read after every answer: outcomes go stale several at a time
                }
                let outcomes = form.evaluate(session.answers());
                // Statuses first, while outcomes are stale: remembered or evaluated.
                for (programme, outcome) in outcomes.iter().enumerate() {
                    assert_eq!(
                        session.status(programme),
                        Ok(outcome.status()),
                        "{ids:?} after {} = {input}",
                        question.id
                    );
                }
                let expected: Vec<EvaluationReport> =
                    outcomes.iter().map(|o| EvaluationReport::new(o, Lang::En, DAY)).collect();
                assert_eq!(reports(&mut session), expected, "{ids:?} after {} = {input}", question.id);
                assert_eq!(session.next_question(), form.next_question(session.answers(), &outcomes));
                for (programme, outcome) in outcomes.iter().enumerate() {
                    let own = outcome.next_question().and_then(|id| form.position(id));
                    assert_eq!(session.outcome_and_next(programme).map(|(_, next)| next), Ok(own), "{ids:?}");
                }
            }
        }
    }

    #[test]
    fn whole_numbers_set_directly_as_their_digits_would_be() {
        for ids in
            [&["netflix-audiens-2020"][..], &["audiens-fonds-solidarite-2020"], &["uk-film-tv-emergency-relief-2020"]]
        {
            let mut direct = session(ids);
            let mut written = session(ids);
            for index in 0..direct.count {
                for value in [i64::MIN, -1, 0, 1, 11, 12, 13, 365, 366, 367, 799, 800, 801, 15000, 15001, i64::MAX] {
                    let (a, b) =
                        (direct.set_integer(index, value), written.set(index, &AnswerInput::Number(value.to_string())));
                    assert_eq!(a.map_err(|e| e.to_string()), b.map_err(|e| e.to_string()), "{ids:?} {index} {value}");
                    assert_eq!(direct.answers(), written.answers());
                }
            }
        }
    }

    #[test]
    fn numbers_set_directly_as_their_digits_would_be() {
        for ids in [&["netflix-audiens-2020"][..], &["uk-film-tv-emergency-relief-2020"]] {
            let mut direct = session(ids);
            let mut written = session(ids);
            for index in 0..direct.count {
                for cents in [-150, -1, 0, 1, 7, 50, 1150, 1199, 1200, 1250, 1499999, 1500001, 1500050, 8_000_000_000] {
                    let value = Decimal::new(cents, 2);
                    let text = value.normalize().to_string();
                    let (a, b) = (direct.set_number(index, value), written.set(index, &AnswerInput::Number(text)));
                    assert_eq!(a.map_err(|e| e.to_string()), b.map_err(|e| e.to_string()), "{ids:?} {index} {value}");
                    assert_eq!(direct.answers(), written.answers());
                }
            }
        }
    }

    #[test]
    fn refused_answers_name_the_question_and_change_nothing() {
        let mut session = session(&["netflix-audiens-2020"]);
        let Ok(days) = session.question("days_worked") else { panic!("days_worked") };
        assert_eq!(session.set(days, &AnswerInput::Number("12".into())), Ok(()));
        let Err(error) = session.set(days, &AnswerInput::Number("400".into())) else { panic!("400 days") };
        assert_eq!(
            error.to_string(),
            "question `days_worked` expects a whole number from 0 to 366, got 400, out of bounds"
        );
        assert_eq!(session.answer(days), Some(&Answer::Integer(12)));
        let Err(error) = session.question("nope") else { panic!("nope") };
        assert!(error.to_string().starts_with("unknown question `nope` in programme `netflix-audiens-2020`"));
        let Ok(profession) = session.question("profession") else { panic!("profession") };
        assert_eq!(session.choose(profession, 0), Ok(()));
        let Err(error) = session.choose(profession, 9) else { panic!("option 9") };
        assert_eq!(error.to_string(), "question `profession` has no option at index 9: it has 3");
        assert_eq!(session.choose(days, 0), Err(SessionError::NotAChoice("days_worked".into())));
        assert_eq!(session.set(99, &AnswerInput::Bool(true)), Err(SessionError::NoQuestion(99)));
        assert_eq!(session.status(1), Err(SessionError::NoProgramme(1)));
        session.reset();
        assert_eq!(session.answer(profession), None);
        assert_eq!(session.status(0), Ok(Status::Undetermined));
    }
}
