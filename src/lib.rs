//! # whosaid
//!
//! Reads a news article and finds **who said what** (direct and reported quotes, each tied
//! to a speaker resolved across the article) and **what is claimed** (check-worthy
//! assertions with a kind and a score).
//!
//! ```
//! let text = "“We are ready,” said Pentagon press secretary John Kirby.";
//! let ann = whosaid::annotate(text);
//! assert_eq!(ann.quotes[0].text, "We are ready"); // the comma belongs to the attribution
//! let kirby = &ann.entities[0];
//! assert_eq!(kirby.name, "John Kirby");
//! assert_eq!(ann.quotes[0].speaker.as_deref(), Some(kirby.id.as_str()));
//! ```
//!
//! Data flows one way, one module per stage:
//! text → [`segment`] → [`quotes`] → [`entities`] (speakers) → [`claims`] → [`Annotations`].
//! The core is pure Rust; the browser layer (`web`, wasm32 only) walks and paints the DOM
//! and speaks to the core only through offsets. The Python layer (`python`, feature
//! `python`, built by maturin) is as thin: it converts strings and offsets, nothing more.

pub mod claims;
pub mod claims_model;
pub mod cues;
pub mod entities;
pub mod eval;
pub mod lexicon;
pub mod quotes;
pub mod ranker;
pub mod segment;
pub mod tables;
pub mod types;

#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(all(feature = "python", not(target_arch = "wasm32")))]
mod python;

pub use types::*;

/// Annotates `text`: quotes, speakers, entities and claims, with UTF-8 byte offsets.
///
/// Never panics and runs in time linear in the input (up to the fixed-size windows the
/// stages look through); empty input gives empty annotations.
pub fn annotate(text: &str) -> Annotations {
    let doc = segment::Document::new(text);
    let mut found = quotes::find(&doc);
    ranker::rerank(&doc, &mut found);
    let resolved = entities::resolve(&doc, &found);
    let claims = claims::find(&doc, &resolved.quotes);
    let sources = summarize_sources(&resolved.entities, &resolved.quotes);
    Annotations {
        version: FORMAT_VERSION,
        offsets: OffsetUnit::Utf8,
        entities: resolved.entities,
        quotes: resolved.quotes,
        claims,
        sources,
    }
}
