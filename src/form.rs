//! A form: one or several programmes checked together. A question id means one thing
//! in every pack (`compile::check_shared` proves it for the shipped packs), so the form
//! asks each question once and its answer serves every programme that reads it.
//!
//! Routing: each programme is for the workers of one country. A form whose programmes
//! span several countries asks `country` first, and a programme of another country is
//! then not for the visitor. Any form accepts a `country` answer; one of a single
//! country does not ask it.

use crate::answer::{check, Answer, AnswerError, AnswerInput, Answers};
use crate::sort::Set;
use std::borrow::Borrow;

use crate::engine::{changes, evaluate_with, Change, Domains, Status, Verdict, Workspace};
use crate::i18n::{ui, Lang, Text, Ui};
use crate::pack::{Choice, Programme, Question, QuestionIndex, QuestionKind, COUNTRY};

/// Where `country` stands in every form: first.
const COUNTRY_SLOT: usize = 0;

/// The option of `country` for a country that no programme of the form is for.
pub const OTHER_COUNTRY: &str = "other";

#[derive(Debug, Clone)]
pub struct Form<'p> {
    pub programmes: Vec<&'p Programme>,
    /// Each question once: `country` first, then the questions of several programmes,
    /// then the others in the programmes' order.
    questions: Vec<FormQuestion<'p>>,
    /// Per programme, the form's index of each of its questions.
    slots: Vec<Vec<usize>>,
    /// Per programme, each question's representative answers, for every evaluation.
    domains: Vec<Domains>,
    country: Question,
    /// Whether the programmes span several countries, so that `country` is asked.
    pub routes: bool,
}

#[derive(Debug, Clone, Copy)]
enum FormQuestion<'p> {
    Country,
    Pack(&'p Question),
}

/// Answers to a form's questions, one slot each, in the form's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormAnswers {
    slots: Vec<Slot>,
}

/// Where a visitor stands on one question.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Slot {
    NotReached,
    /// "I don't know": unanswered for the rules, but not asked again.
    Unknown,
    Answered(Answer),
}

impl FormAnswers {
    #[inline(never)] // one copy for the widget's many callers (−15 B)
    pub fn get(&self, question: usize) -> Option<&Answer> {
        match self.slots.get(question) {
            Some(Slot::Answered(answer)) => Some(answer),
            _ => None,
        }
    }

    /// Sets or clears (back to not reached) one answer.
    pub fn set(&mut self, question: usize, answer: Option<Answer>) {
        if let Some(slot) = self.slots.get_mut(question) {
            *slot = answer.map_or(Slot::NotReached, Slot::Answered);
        }
    }

    /// Records "I don't know".
    pub fn set_unknown(&mut self, question: usize) {
        if let Some(slot) = self.slots.get_mut(question) {
            *slot = Slot::Unknown;
        }
    }

    pub fn is_answered(&self, question: usize) -> bool {
        self.get(question).is_some()
    }

    #[inline(never)] // one copy for the widget's many callers (−57 B)
    pub fn is_unknown(&self, question: usize) -> bool {
        self.slots.get(question) == Some(&Slot::Unknown)
    }
}

/// A programme's next question: the form's `country`, or one of its own.
#[derive(Debug, Clone, Copy)]
enum Next {
    Country,
    Question(QuestionIndex),
}

/// Whether a programme is for the visitor's country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryOutcome {
    /// The form does not route and no country was given.
    NotAsked,
    Met,
    NotMet,
    /// Not answered yet.
    Unknown,
    /// Answered "I don't know".
    DoNotKnow,
}

impl CountryOutcome {
    /// A status of the rules, with the country's outcome.
    pub fn applied_to(self, status: Status) -> Status {
        match (self, status) {
            (CountryOutcome::NotMet, _) => Status::NotEligible,
            (CountryOutcome::Unknown | CountryOutcome::DoNotKnow, Status::Eligible) => Status::Undetermined,
            (_, status) => status,
        }
    }
}

/// A programme's verdict within a form.
#[derive(Debug, Clone)]
pub struct Outcome<'p> {
    pub verdict: Verdict<'p>,
    pub country: CountryOutcome,
    /// The programme's questions answered "I don't know".
    pub unknown: Set<QuestionIndex>,
    /// The programme's own answers, for `changes`: a session's remembered outcome keeps
    /// those of the call that made it, which give the same changes as any other answers
    /// in the same regions (`session::regions`).
    answers: Answers,
}

impl<'p> Outcome<'p> {
    /// The rules' verdict, the country included.
    pub fn status(&self) -> Status {
        self.country.applied_to(self.verdict.status)
    }

    /// The id of the next question worth asking for this programme alone: never one
    /// answered "I don't know".
    pub fn next_question(&self) -> Option<&'p str> {
        match self.next()? {
            Next::Country => Some(COUNTRY),
            Next::Question(q) => self.verdict.programme.questions.get(q).map(|q| q.id.as_str()),
        }
    }

    /// `next_question`, as where it stands.
    fn next(&self) -> Option<Next> {
        match self.country {
            CountryOutcome::NotMet => None,
            CountryOutcome::Unknown => Some(Next::Country),
            CountryOutcome::NotAsked | CountryOutcome::Met | CountryOutcome::DoNotKnow => {
                for &q in self.verdict.open_questions.iter() {
                    if !self.unknown.contains(&q) {
                        return Some(Next::Question(q));
                    }
                }
                None
            }
        }
    }

    /// Once nothing is left to ask: the nearest other answers that would change the
    /// verdict or the benefit (`engine::changes`), their statuses with the country's.
    /// Made when asked, as it evaluates the programme once per answer it tries.
    pub fn changes(&self) -> Vec<Change> {
        // `next`, not `next_question`: whether there is one, without its id (−7 B).
        if self.next().is_some() || self.country == CountryOutcome::NotMet {
            return Vec::new();
        }
        changes(self.verdict.programme, &self.answers, |status| self.country.applied_to(status))
    }

    /// The ids of the questions answered "I don't know" whose answers could still
    /// change the verdict or the benefit: what the verdict depends on.
    pub fn depends_on(&self) -> Vec<&'p str> {
        let programme = self.verdict.programme;
        let mut ids = Vec::new();
        // Another country makes any verdict but a no a no.
        if self.country == CountryOutcome::DoNotKnow && self.verdict.status != Status::NotEligible {
            ids.push(COUNTRY);
        }
        for q in self.verdict.open_questions.iter() {
            if let (true, Some(question)) = (self.unknown.contains(q), programme.questions.get(*q)) {
                ids.push(question.id.as_str());
            }
        }
        ids
    }

    /// The benefit still possible; `None` when not eligible.
    pub fn benefit(&self) -> Option<&crate::engine::BenefitOutlook> {
        match self.country {
            CountryOutcome::NotMet => None,
            _ => self.verdict.benefit.as_ref(),
        }
    }
}

impl<'p> Form<'p> {
    pub fn new(programmes: Vec<&'p Programme>) -> Form<'p> {
        // Each country's option made as it is first met, with no list of countries
        // first (−6 B). Plain loops rather than collected iterators: each `collect` is
        // its own code.
        let mut options: Vec<Choice> = Vec::new();
        // Plain loops here and in `shared_by`, not `any` and its closures.
        'programmes: for p in &programmes {
            for c in &options {
                if c.id == p.country.code {
                    continue 'programmes;
                }
            }
            options.push(Choice { id: p.country.code.clone(), label: p.country.name.clone() });
        }
        let routes = options.len() > 1;
        // A word of the product's in both languages: one copy of the code for both words.
        let both =
            |word: fn(&Ui) -> &str| Text { fr: word(ui(Lang::Fr)).to_owned(), en: word(ui(Lang::En)).to_owned() };
        options.push(Choice { id: OTHER_COUNTRY.to_owned(), label: both(|ui| ui.other_country()) });
        let country = Question {
            id: COUNTRY.to_owned(),
            label: both(|ui| ui.country_question()),
            help: None,
            kind: QuestionKind::Choice(options),
            // "If you worked in another country" is no change a visitor can check.
            fixed: true,
        };

        // The form made first, so that its own `position` finds a question already
        // taken and each programme's slots, with no list of ids beside it (−150 B).
        let mut form =
            Form { programmes, questions: Vec::new(), slots: Vec::new(), domains: Vec::new(), country, routes };
        // Questions several programmes read come first: one answer settles more.
        // Counted by a loop: `filter().count()` brought its own `Sum`.
        let shared_by = |id: &str| {
            let mut n = 0;
            for p in &form.programmes {
                // Not `Programme::question`, whose code only this called (−25 B).
                for q in &p.questions {
                    if q.id == id {
                        n += 1;
                        break;
                    }
                }
            }
            n
        };
        // Pushed: `vec![…]` boxes through code of its own.
        form.questions.push(FormQuestion::Country);
        // Walked by reference, not by value through an array's own iterator (−21 B).
        for &several in &[true, false] {
            for &programme in &form.programmes {
                for question in &programme.questions {
                    if (shared_by(&question.id) > 1) == several && form.position(&question.id).is_none() {
                        form.questions.push(FormQuestion::Pack(question));
                    }
                }
            }
        }
        for &p in &form.programmes {
            let mut own = Vec::new();
            for q in &p.questions {
                own.push(form.position(&q.id).unwrap_or(usize::MAX));
            }
            form.slots.push(own);
            form.domains.push(Domains::new(p));
        }
        form
    }

    /// The form's questions, in its order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> + '_ {
        self.questions.iter().map(|q| match q {
            FormQuestion::Country => &self.country,
            FormQuestion::Pack(question) => *question,
        })
    }

    #[inline(never)] // one copy for the widget's many callers (−89 B)
    pub fn question(&self, index: usize) -> Option<&Question> {
        self.questions.get(index).map(|q| match q {
            FormQuestion::Country => &self.country,
            FormQuestion::Pack(question) => *question,
        })
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        // Through `question`, out of line, rather than an iterator of its own.
        let mut index = 0;
        while let Some(question) = self.question(index) {
            if question.id == id {
                return Some(index);
            }
            index += 1;
        }
        None
    }

    /// The form's index of programme `programme`'s own next question
    /// (`Outcome::next_question`), found without comparing ids.
    pub fn next_question_of(&self, programme: usize, outcome: &Outcome<'_>) -> Option<usize> {
        match outcome.next()? {
            Next::Country => Some(COUNTRY_SLOT),
            Next::Question(q) => self.slots.get(programme)?.get(q).copied(),
        }
    }

    /// Whether the form shows a question: `country` only when it routes.
    pub fn asks(&self, index: usize) -> bool {
        index != COUNTRY_SLOT || self.routes
    }

    pub fn no_answers(&self) -> FormAnswers {
        // Grown as pushed, as the outcomes.
        let mut slots = Vec::new();
        for _ in &self.questions {
            slots.push(Slot::NotReached);
        }
        FormAnswers { slots }
    }

    /// Checks every input; the first problem is the error. An answer to a question
    /// that no programme of the form reads is refused.
    pub fn answers<'a>(
        &self,
        inputs: impl IntoIterator<Item = (&'a str, AnswerInput)>,
    ) -> Result<FormAnswers, AnswerError> {
        let mut answers = self.no_answers();
        for (id, input) in inputs {
            let Some(index) = self.position(id) else {
                let known: Vec<&str> = self.questions().map(|q| q.id.as_str()).collect();
                let programmes: Vec<&str> = self.programmes.iter().map(|p| p.id.as_str()).collect();
                return Err(AnswerError::unknown_question(id, &programmes, &known));
            };
            let Some(question) = self.question(index) else { continue };
            match input {
                AnswerInput::Unknown => answers.set_unknown(index),
                input => answers.set(index, check(question, &input)?),
            }
        }
        Ok(answers)
    }

    /// Whether programme `programme` of the form reads question `index`: `country`
    /// decides every programme's routing, so all read it.
    pub fn reads(&self, programme: usize, index: usize) -> bool {
        index == COUNTRY_SLOT || self.slots.get(programme).is_some_and(|slots| slots.contains(&index))
    }

    /// The verdict of one programme of the form; `None` past the last.
    pub fn evaluate_one(&self, programme: usize, answers: &FormAnswers) -> Option<Outcome<'p>> {
        let (&pack, slots, domains) =
            (self.programmes.get(programme)?, self.slots.get(programme)?, self.domains.get(programme)?);
        Some(self.outcome(pack, slots, domains, answers))
    }

    /// The status of one programme of the form, as its outcome has it, found without
    /// the rest of the outcome in `workspace` (made for that programme); `None` past
    /// the last.
    pub fn status_one(&self, programme: usize, answers: &FormAnswers, workspace: &mut Workspace) -> Option<Status> {
        let (&pack, slots, domains) =
            (self.programmes.get(programme)?, self.slots.get(programme)?, self.domains.get(programme)?);
        for (q, &slot) in slots.iter().enumerate() {
            workspace.answers.set(q, answers.get(slot).cloned());
        }
        let status = crate::engine::status(pack, domains, workspace);
        Some(self.country(pack, answers).applied_to(status))
    }

    /// Every programme's verdict, in the form's order.
    pub fn evaluate(&self, answers: &FormAnswers) -> Vec<Outcome<'p>> {
        // Grown as pushed: sizing it first was code of its own.
        let mut outcomes = Vec::new();
        for ((programme, slots), domains) in self.programmes.iter().zip(&self.slots).zip(&self.domains) {
            outcomes.push(self.outcome(programme, slots, domains, answers));
        }
        outcomes
    }

    fn outcome(
        &self,
        programme: &'p Programme,
        slots: &[usize],
        domains: &Domains,
        answers: &FormAnswers,
    ) -> Outcome<'p> {
        let country = self.country(programme, answers);
        // The programme's own answers and its "I don't know"s in one loop (−25 B).
        let mut own = Answers::none(programme);
        let mut unknown = Set::new();
        for (q, &slot) in slots.iter().enumerate() {
            own.set(q, answers.get(slot).cloned());
            if answers.is_unknown(slot) {
                unknown.insert(q);
            }
        }
        Outcome { verdict: evaluate_with(programme, Some(domains), &own), country, unknown, answers: own }
    }

    /// Whether a programme is for the visitor's country.
    fn country(&self, programme: &Programme, answers: &FormAnswers) -> CountryOutcome {
        match (answers.get(COUNTRY_SLOT), &self.country.kind) {
            (Some(Answer::Choice(option)), QuestionKind::Choice(options)) => {
                match options.get(*option).is_some_and(|o| o.id == programme.country.code) {
                    true => CountryOutcome::Met,
                    false => CountryOutcome::NotMet,
                }
            }
            _ if answers.is_unknown(COUNTRY_SLOT) => CountryOutcome::DoNotKnow,
            _ if self.routes => CountryOutcome::Unknown,
            _ => CountryOutcome::NotAsked,
        }
    }

    /// The next question worth asking in the whole form: `country` first when the form
    /// routes, then the one that can still change the verdicts or benefits of the most
    /// programmes (the first in the form's order among equals); `None` when no answer
    /// can change anything.
    pub fn next_question<'o>(&self, answers: &FormAnswers, outcomes: &[impl Borrow<Outcome<'o>>]) -> Option<usize> {
        if self.routes && !answers.is_answered(COUNTRY_SLOT) && !answers.is_unknown(COUNTRY_SLOT) {
            return Some(COUNTRY_SLOT);
        }
        // Pushed rather than `vec![0; n]`, whose zeroed allocation was code of its own
        // (−73 B; `resize` cost 15 B more than the pushes).
        let mut counts = Vec::with_capacity(self.questions.len());
        #[allow(clippy::same_item_push)]
        for _ in &self.questions {
            counts.push(0usize);
        }
        for (outcome, slots) in outcomes.iter().map(Borrow::borrow).zip(&self.slots) {
            if outcome.country == CountryOutcome::NotMet {
                continue;
            }
            for q in outcome.verdict.open_questions.iter() {
                if outcome.unknown.contains(q) {
                    continue;
                }
                if let Some(count) = slots.get(*q).and_then(|slot| counts.get_mut(*slot)) {
                    *count += 1;
                }
            }
        }
        // The first of the largest counts, if any is above zero: one pass.
        let mut best = None;
        let mut most = 0;
        for (q, &count) in counts.iter().enumerate() {
            if count > most {
                best = Some(q);
                most = count;
            }
        }
        best
    }
}
