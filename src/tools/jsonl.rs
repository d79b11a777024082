//! One set of answers per line in, one result per line out: `eligibility eval --jsonl`.
//!
//! Streaming: each line is evaluated as it is read, and results are written through a
//! buffer that is flushed whenever the input has nothing more buffered, so a caller
//! that writes one line and waits gets its result, and a pipe of a million lines is
//! written in large blocks. A bad line gives an error line, `{"line": N, "error": "…"}`,
//! and the stream goes on.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};

use serde::Serialize;
use serde_json::Value;

use crate::answer::AnswerInput;
use crate::form::Form;
use crate::i18n::Lang;
use crate::pack::Date;
use crate::report::EvaluationReport;

/// How much input and output is buffered.
const BUFFER: usize = 64 * 1024;

/// What a stream held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub lines: usize,
    pub errors: usize,
}

/// Evaluates each line of `input` with `form` and writes one line to `output` for it:
/// the report `eval` prints (an object for one programme, an array for several), on
/// one line, or an error line. Fails only when reading or writing fails.
pub fn evaluate_lines(
    form: &Form<'_>,
    lang: Lang,
    today: Date,
    input: impl Read,
    output: impl Write,
) -> io::Result<Summary> {
    let mut reader = BufReader::with_capacity(BUFFER, input);
    let mut writer = BufWriter::with_capacity(BUFFER, output);
    let mut line = Vec::new();
    let mut summary = Summary::default();
    loop {
        // The next read may wait for the caller: first give it what is done.
        if reader.buffer().is_empty() {
            writer.flush()?;
        }
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        summary.lines += 1;
        match evaluate_line(form, lang, today, &line) {
            Ok(reports) => match reports.as_slice() {
                [report] if form.programmes.len() == 1 => serde_json::to_writer(&mut writer, report)?,
                reports => serde_json::to_writer(&mut writer, reports)?,
            },
            Err(error) => {
                summary.errors += 1;
                serde_json::to_writer(&mut writer, &ErrorLine { line: summary.lines, error })?;
            }
        }
        writer.write_all(b"\n")?;
    }
    writer.flush()?;
    Ok(summary)
}

/// What a bad line gives: its number (from 1) and why.
#[derive(Serialize)]
struct ErrorLine {
    line: usize,
    error: String,
}

fn evaluate_line<'p>(
    form: &Form<'p>,
    lang: Lang,
    today: Date,
    line: &[u8],
) -> Result<Vec<EvaluationReport<'p>>, String> {
    let text = std::str::from_utf8(line).map_err(|_| "the line is not UTF-8".to_owned())?;
    let text = text.trim_end_matches(['\n', '\r']);
    if text.trim().is_empty() {
        return Err("empty line: expected a JSON object of answers".to_owned());
    }
    let value: Value = serde_json::from_str(text).map_err(|e| format!("malformed JSON: {e}"))?;
    let Value::Object(object) = value else {
        return Err("a line must hold a JSON object of answers, question id → value".to_owned());
    };
    let answers =
        form.answers(object.iter().map(|(q, v)| (q.as_str(), AnswerInput::from(v)))).map_err(|e| e.to_string())?;
    Ok(form.evaluate(&answers).iter().map(|o| EvaluationReport::new(o, lang, today)).collect())
}
