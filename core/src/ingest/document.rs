//! What a reader produces before extraction.

use std::collections::BTreeMap;
use std::fmt;

/// A paragraph with the 1-based line it starts on, for diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub line: usize,
}

/// A release file split into its parts, before any extraction.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Path relative to the corpus folder.
    pub source: String,
    /// Front matter `key: value` pairs (Markdown), keys lower-case.
    pub front: BTreeMap<String, String>,
    pub title: String,
    pub title_line: usize,
    /// Lines above the title or stand-alone header lines (document symbols,
    /// "For information only", bare date lines, "Date of issue: ...").
    pub header: Vec<Paragraph>,
    /// Body paragraphs, verbatim; the first still carries its dateline.
    pub paragraphs: Vec<Paragraph>,
    /// The closing contact block, from "For more information ..." on.
    pub footer: Vec<Paragraph>,
    /// Line of each front matter key, for diagnostics about its value.
    pub front_lines: BTreeMap<String, usize>,
    /// Problems met while reading (warnings; errors abort reading instead).
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, printed as `file:line: error|warning: message`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn warning(file: &str, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // `file:line:`, or `file:` alone when no line applies (line 0).
        let at = super::location(&self.file, self.line);
        write!(f, "{at}: {level}: {}", self.message)
    }
}
