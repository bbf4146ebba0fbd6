//! Quotes: direct (between quotation marks) and indirect (reported speech).
use crate::segment::Document;
use crate::types::{QuoteKind, Span};

/// A quote before speakers are resolved to entities.
#[derive(Debug, Clone)]
pub struct RawQuote {
    pub span: Span,
    pub kind: QuoteKind,
}

pub fn find(_doc: &Document) -> Vec<RawQuote> {
    Vec::new()
}
