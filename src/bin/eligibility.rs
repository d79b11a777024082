//! `eligibility`: the command-line tool for rule authors. See `eligibility --help`.

use std::fmt::Write as _;
use std::io::{Read, Write as _};
use std::process::ExitCode;

use eligibility::answer::AnswerInput;
use eligibility::catalogue;
use eligibility::compile::{check_shared, compile, compile_located, Located, PackErrors};
use eligibility::form::Form;
use eligibility::i18n::Lang;
use eligibility::money::read_decimal;
use eligibility::pack::Programme;
use eligibility::pack::{Date, QuestionKind};
use eligibility::report::{self, EvaluationReport, ProgrammeReport};
use eligibility::scenario;
use eligibility::tools;
use rust_decimal::Decimal;

const USAGE: &str = "\
usage:
  eligibility programmes [--lang fr|en] [--json]
  eligibility questions <programme>... [--lang fr|en] [--json] [--pack <pack file>]...
  eligibility eval <programme>... [--lang fr|en] [--today YYYY-MM-DD] [--jsonl] [--pack <pack file>]...
      (answers as a JSON object on stdin; one programme prints an object, several an array;
      with --jsonl, one object a line in and one result a line out, as they come)
  eligibility check <pack file>...
  eligibility test [--pack <pack file>]... <scenario file>...
  eligibility coverage <programme> <scenario file>... [--pack <pack file>]... [--min PERCENT] [--json]
  eligibility diff <old pack file> <new pack file> [--answers <file.jsonl>] [<scenario file>...] [--json]
  eligibility page <programme> [--lang fr|en] [--pack <pack file>]...
      (a readable HTML page of the programme's rules, on stdout)";

/// A failure to report on one line of stderr, with the exit code it deserves.
struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure { message: format!("{}\n{USAGE}", message.into()), code: 2 }
    }
}

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(error: E) -> Failure {
        Failure { message: error.to_string(), code: 1 }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = String::new();
    let result = run(&args, &mut out);
    // A closed stdout (`| head`) is the reader's choice, not a failure worth a panic.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let _ = writeln!(std::io::stderr().lock(), "eligibility: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// The options every command may take, and the other words in order.
struct Options {
    lang: Lang,
    json: bool,
    /// The day windows are read on: today (UTC) unless `--today` says otherwise.
    today: Option<Date>,
    packs: Vec<String>,
    /// `coverage`: the least percentage of cases the scenarios must reach.
    min: Option<Decimal>,
    /// `diff`: a file of answer sets, one JSON object a line.
    answers: Option<String>,
    /// `eval`: one set of answers a line on stdin, one result a line on stdout.
    jsonl: bool,
    words: Vec<String>,
}

fn options(args: &[String]) -> Result<Options, Failure> {
    let mut options = Options {
        lang: Lang::Fr,
        json: false,
        today: None,
        packs: Vec::new(),
        min: None,
        answers: None,
        jsonl: false,
        words: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => options.json = true,
            "--jsonl" => options.jsonl = true,
            "--lang" => {
                let value = args.next().ok_or_else(|| Failure::usage("--lang needs fr or en"))?;
                options.lang = value.parse().map_err(|e| Failure::usage(format!("{e}")))?;
            }
            "--pack" => options.packs.push(args.next().ok_or_else(|| Failure::usage("--pack needs a file"))?.clone()),
            "--today" => {
                let value = args.next().ok_or_else(|| Failure::usage("--today needs a date written YYYY-MM-DD"))?;
                let day = Date::parse(value)
                    .ok_or_else(|| Failure::usage(format!("--today: `{value}` is not a date written YYYY-MM-DD")))?;
                options.today = Some(day);
            }
            "--min" => {
                let percent = || Failure::usage("--min needs a percentage from 0 to 100, such as 90 or 87.5");
                let value = read_decimal(args.next().ok_or_else(percent)?).map_err(|_| percent())?;
                if value.is_sign_negative() || value > Decimal::ONE_HUNDRED {
                    return Err(percent());
                }
                options.min = Some(value);
            }
            "--answers" => {
                let file = args.next().ok_or_else(|| Failure::usage("--answers needs a file of JSON lines"))?;
                options.answers = Some(file.clone());
            }
            flag if flag.starts_with("--") => return Err(Failure::usage(format!("unknown option `{flag}`"))),
            word => options.words.push(word.to_owned()),
        }
    }
    Ok(options)
}

fn run(args: &[String], out: &mut String) -> Result<(), Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::usage("a command is needed"));
    };
    let options = options(rest)?;
    match (command.as_str(), options.words.as_slice()) {
        ("--help" | "-h" | "help", _) => {
            writeln!(out, "{USAGE}")?;
            Ok(())
        }
        ("programmes", []) => programmes(&options, out),
        ("questions", ids) if !ids.is_empty() => questions(&form(ids, &compile_all(&options.packs)?)?, &options, out),
        ("eval", ids) if !ids.is_empty() => {
            eval(&form(ids, &compile_all(&options.packs)?)?, ids.len() > 1, &options, out)
        }
        ("check", files) if !files.is_empty() => check(files, out),
        ("test", files) if !files.is_empty() => test(files, &options.packs, out),
        ("coverage", [id, files @ ..]) if !files.is_empty() => coverage(id, files, &options, out),
        ("diff", [old, new, files @ ..]) => diff(old, new, files, &options, out),
        ("page", [id]) => page(id, &options, out),
        ("programmes" | "questions" | "eval" | "check" | "test" | "coverage" | "diff" | "page", _) => {
            Err(Failure::usage(format!("wrong arguments for `{command}`")))
        }
        _ => Err(Failure::usage(format!("unknown command `{command}`"))),
    }
}

fn print_json(value: &impl serde::Serialize, out: &mut String) -> Result<(), Failure> {
    writeln!(out, "{}", serde_json::to_string_pretty(value)?)?;
    Ok(())
}

fn programmes(options: &Options, out: &mut String) -> Result<(), Failure> {
    let reports: Vec<ProgrammeReport> =
        catalogue::programmes().iter().map(|p| ProgrammeReport::new(p, options.lang)).collect();
    if options.json {
        return print_json(&reports, out);
    }
    for report in reports {
        writeln!(out, "{}\t{}", report.id, report.name)?;
    }
    Ok(())
}

/// The form of the programmes `ids`, in that order: from `--pack` files (`drafts`),
/// else built in.
fn form<'a>(ids: &[String], drafts: &'a [Programme]) -> Result<Form<'a>, Failure> {
    let programmes = ids.iter().map(|id| programme(id, drafts)).collect::<Result<Vec<_>, _>>()?;
    Ok(Form::new(programmes))
}

/// The programme `id` of a `--pack` file (`drafts`), which comes first, or built in.
fn programme<'a>(id: &str, drafts: &'a [Programme]) -> Result<&'a Programme, catalogue::UnknownProgramme> {
    match drafts.iter().find(|p| p.id == id) {
        Some(draft) => Ok(draft),
        None => catalogue::programme(id),
    }
}

fn questions(form: &Form<'_>, options: &Options, out: &mut String) -> Result<(), Failure> {
    if options.json {
        return print_json(&report::questions(form, options.lang), out);
    }
    let asked = form.questions().enumerate().filter(|(i, _)| form.asks(*i)).map(|(_, q)| q);
    for (number, question) in asked.enumerate() {
        let detail = match &question.kind {
            QuestionKind::YesNo => "yes_no".to_owned(),
            QuestionKind::Choice(choices) => {
                let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
                format!("choice: {}", ids.join(", "))
            }
            QuestionKind::Integer { min, max } => format!("integer{}", bounds(min, max)),
            QuestionKind::Money { currency, min, max } => format!("money in {currency}{}", bounds(min, max)),
        };
        writeln!(out, "{}. {} ({detail})\n   {}", number + 1, question.id, question.label.get(options.lang))?;
    }
    Ok(())
}

fn bounds<T: std::fmt::Display>(min: &Option<T>, max: &Option<T>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!(", {min} to {max}"),
        (Some(min), None) => format!(", {min} or more"),
        (None, Some(max)) => format!(", up to {max}"),
        (None, None) => String::new(),
    }
}

fn eval(form: &Form<'_>, several: bool, options: &Options, out: &mut String) -> Result<(), Failure> {
    if options.jsonl {
        return eval_lines(form, options);
    }
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    let value: serde_json::Value = serde_json::from_str(&input).map_err(|e| format!("malformed JSON on stdin: {e}"))?;
    let serde_json::Value::Object(object) = value else {
        return Err("stdin must hold a JSON object of answers, question id → value".into());
    };
    let answers = form.answers(object.iter().map(|(q, v)| (q.as_str(), AnswerInput::from(v))))?;
    let today = options.today.map_or_else(system_today, Ok)?;
    let reports: Vec<EvaluationReport> =
        form.evaluate(&answers).iter().map(|o| EvaluationReport::new(o, options.lang, today)).collect();
    match (several, reports.first()) {
        (false, Some(report)) => print_json(report, out),
        _ => print_json(&reports, out),
    }
}

/// `eval --jsonl`: streams to stdout itself, as results come, rather than through `out`.
fn eval_lines(form: &Form<'_>, options: &Options) -> Result<(), Failure> {
    let today = options.today.map_or_else(system_today, Ok)?;
    let result = tools::jsonl::evaluate_lines(form, options.lang, today, std::io::stdin(), std::io::stdout().lock());
    match result {
        Ok(_) => Ok(()),
        // A reader that stops reading (`| head`) ends the stream; it is not a failure.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(format!("eval --jsonl: {error}").into()),
    }
}

/// Today in UTC, from the system clock.
fn system_today() -> Result<Date, Failure> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| "the system clock is before 1970: give --today")?
        .as_secs();
    let days = i64::try_from(seconds / 86_400).map_err(|_| "the system clock is out of range: give --today")?;
    Ok(Date::from_unix_days(days).ok_or("the system clock is out of range: give --today")?)
}

fn read(file: &str) -> Result<String, Failure> {
    std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}").into())
}

/// Checks each pack, then all of them together with the built-in ones they do not
/// replace: a question id must mean one thing in every pack.
fn check(files: &[String], out: &mut String) -> Result<(), Failure> {
    let mut broken = 0;
    let mut located = Vec::new();
    for file in files {
        match compile_located(&read(file)?, file) {
            Ok(pack) => {
                writeln!(out, "{file}: `{}` version {} is valid", pack.programme.id, pack.programme.version)?;
                located.push(pack);
            }
            Err(errors) => {
                broken += 1;
                writeln!(out, "{errors}")?;
            }
        }
    }
    if let Err(errors) = agree(located) {
        writeln!(out, "{errors}")?;
        return Err(format!("the packs disagree with each other ({} problems)", errors.0.len()).into());
    }
    match broken {
        0 => Ok(()),
        n => Err(format!("{n} of {} pack files have errors", files.len()).into()),
    }
}

fn test(files: &[String], pack_files: &[String], out: &mut String) -> Result<(), Failure> {
    let mut extra = Vec::new();
    for file in pack_files {
        extra.push(compile(&read(file)?, file)?);
    }
    let find = |id: &str| extra.iter().find(|p| p.id == id).or_else(|| catalogue::programme(id).ok());
    let mut outcomes = Vec::new();
    for file in files {
        let results = scenario::run(&read(file)?, find).map_err(|e| format!("{file}: {e}"))?;
        for outcome in results.iter().filter(|o| !o.passed()) {
            writeln!(out, "FAIL {file}: {}", outcome.name)?;
            for failure in &outcome.failures {
                writeln!(out, "  {failure}")?;
            }
        }
        outcomes.extend(results);
    }
    let summary = scenario::summary(&outcomes);
    writeln!(out, "{summary}")?;
    if outcomes.iter().all(|o| o.passed()) {
        Ok(())
    } else {
        Err(Failure { message: summary, code: 1 })
    }
}

/// Which cases of a programme's rules the scenarios reach; fails under `--min`.
fn coverage(id: &str, files: &[String], options: &Options, out: &mut String) -> Result<(), Failure> {
    let drafts = compile_all(&options.packs)?;
    let find = |id: &str| programme(id, &drafts).ok();
    let programme = programme(id, &drafts)?;
    let sources = files.iter().map(|file| Ok((file.clone(), read(file)?))).collect::<Result<Vec<_>, Failure>>()?;
    let coverage = tools::coverage::coverage(programme, &sources, find)?;
    if options.json {
        print_json(&coverage.report(), out)?;
    } else {
        out.push_str(&coverage.text());
    }
    match options.min {
        Some(min) if !coverage.meets(min) => {
            Err(format!("the scenarios reach {}% of `{id}`'s cases, under the minimum of {min}%", coverage.percent())
                .into())
        }
        _ => Ok(()),
    }
}

/// Who would get another answer with the new version of a pack; fails when the new
/// version breaks a scenario that the old one passes.
fn diff(old: &str, new: &str, files: &[String], options: &Options, out: &mut String) -> Result<(), Failure> {
    let (old, new) = (compile(&read(old)?, old)?, compile(&read(new)?, new)?);
    let answers = match &options.answers {
        Some(file) => Some((file.as_str(), read(file)?)),
        None => None,
    };
    let sources = files.iter().map(|file| Ok((file.clone(), read(file)?))).collect::<Result<Vec<_>, Failure>>()?;
    let given = answers.as_ref().map(|(file, text)| (*file, text.as_str()));
    let diff = tools::diff::diff(&old, &new, given, &sources, |id| catalogue::programme(id).ok())?;
    if options.json {
        print_json(&diff.report(), out)?;
    } else {
        out.push_str(&diff.text());
    }
    let broken = diff.scenario_files.iter().filter(|f| !f.broken.is_empty()).count();
    match broken {
        0 => Ok(()),
        n => {
            Err(format!("the new version breaks scenarios in {n} of {} scenario files", diff.scenario_files.len())
                .into())
        }
    }
}

/// The readable page of a programme, built in or from `--pack`.
fn page(id: &str, options: &Options, out: &mut String) -> Result<(), Failure> {
    let drafts = compile_all(&options.packs)?;
    out.push_str(&tools::page::page(programme(id, &drafts)?, options.lang));
    Ok(())
}

/// Whether `located` and the built-in packs they do not replace agree: a question id
/// means one thing in every pack, so that a form of several asks it once.
fn agree(located: Vec<Located>) -> Result<Vec<Located>, PackErrors> {
    let replaced: Vec<String> = located.iter().map(|l| l.programme.id.clone()).collect();
    let built_in = catalogue::programmes().iter().filter(|p| !replaced.contains(&p.id)).map(|p| Located {
        programme: p.clone(),
        file: format!("{} (built in)", p.id),
        places: Vec::new(),
    });
    let drafts = located.len();
    let mut all: Vec<Located> = located.into_iter().chain(built_in).collect();
    check_shared(&all)?;
    all.truncate(drafts);
    Ok(all)
}

/// The packs of `--pack` files, compiled: each fails with all its problems, as do
/// those that disagree with the others or with the built-in ones.
fn compile_all(files: &[String]) -> Result<Vec<Programme>, Failure> {
    let located = files.iter().map(|file| Ok(compile_located(&read(file)?, file)?)).collect::<Result<_, Failure>>()?;
    Ok(agree(located)?.into_iter().map(|l| l.programme).collect())
}
