//! Tools for the people who write the rules: which cases the scenarios reach
//! (`coverage`), who would get another answer after a change (`diff`), one answer
//! set per line in and one result per line out (`jsonl`), and a readable page per
//! programme (`page`).
//!
//! A layer above the engine, the form, the scenarios and the reports, which know
//! nothing of it; the CLI is a thin shell around it. Pure but for `jsonl`, which
//! reads and writes the streams it is given.

pub mod coverage;
pub mod describe;
pub mod diff;
pub mod jsonl;
pub mod page;
pub mod space;
