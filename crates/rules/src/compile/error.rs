use std::fmt;

/// One problem in a rule pack, with its place when the format allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    /// The pack's id, or its file name when the id cannot be read.
    pub pack: String,
    /// 1-based line and column in the pack file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{}:{line}:{column}: {}", self.pack, self.message),
            (Some(line), None) => write!(f, "{}:{line}: {}", self.pack, self.message),
            _ => write!(f, "{}: {}", self.pack, self.message),
        }
    }
}

/// Every problem found in a pack: validation reports them all, not only the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackErrors(pub Vec<PackError>);

impl fmt::Display for PackErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PackErrors {}

/// Turns byte offsets of a pack file into 1-based line and column numbers.
pub(crate) struct Locator<'a> {
    source: &'a str,
    pack: String,
}

impl<'a> Locator<'a> {
    pub fn new(source: &'a str, pack: impl Into<String>) -> Self {
        Locator { source, pack: pack.into() }
    }

    pub fn set_pack(&mut self, pack: impl Into<String>) {
        self.pack = pack.into();
    }

    /// A part of the source, when there is one.
    pub fn source(&self, range: std::ops::Range<usize>) -> Option<&'a str> {
        self.source.get(range)
    }

    pub fn error(&self, offset: Option<usize>, message: impl Into<String>) -> PackError {
        let (line, column) = match offset {
            Some(offset) => {
                let (line, column) = self.line_column(offset);
                (Some(line), Some(column))
            }
            None => (None, None),
        };
        PackError { pack: self.pack.clone(), line, column, message: message.into() }
    }

    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let before = self.source.get(..offset).unwrap_or(self.source);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        (line, column)
    }
}
