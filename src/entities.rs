//! Entities and speakers.
use crate::quotes::RawQuote;
use crate::segment::Document;
use crate::types::{Entity, Quote};

pub struct Resolved {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
}

pub fn resolve(_doc: &Document, _quotes: &[RawQuote]) -> Resolved {
    Resolved { entities: Vec::new(), quotes: Vec::new() }
}
