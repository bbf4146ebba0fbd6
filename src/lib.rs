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

pub mod case;
pub mod claims;
pub mod claims_model;
pub mod cues;
pub mod entities;
pub mod eval;
mod fx;
pub mod json;
pub mod lexicon;
pub mod quotes;
pub mod ranker;
pub mod segment;
pub mod sort;
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
    let (doc, speakers) = quotes_and_speakers(text);
    let quotes: Vec<Quote> = (0..speakers.len())
        .map(|i| speakers.quote(&doc, i))
        .collect();
    let claims = claims::find(&doc, &quotes);
    let sources = summarize_sources(&speakers.entities, &quotes);
    Annotations {
        version: FORMAT_VERSION,
        offsets: OffsetUnit::Utf8,
        entities: speakers.entities,
        quotes,
        claims,
        sources,
    }
}

/// The stages before claims, shared by [`annotate`] and [`annotate_serialize`]: segmentation,
/// quotes, speakers and entities.
fn quotes_and_speakers(text: &str) -> (segment::Document<'_>, entities::Speakers) {
    let doc = segment::Document::new(text);
    let mut found = quotes::find(&doc);
    ranker::rerank(&doc, &mut found);
    let speakers = entities::speakers(&doc, &found);
    (doc, speakers)
}

/// Annotates `text` and serializes the annotations to `ser` while they are found: the same
/// output as `annotate(text).serialize(ser)`, but quotes and claims (most of the output on
/// long input: each carries its text) are written one at a time and never held together.
/// What the CLI uses, so its peak memory does not grow with the output.
pub fn annotate_serialize<S: serde::Serializer>(text: &str, ser: S) -> Result<S::Ok, S::Error> {
    use serde::ser::{Serialize, SerializeSeq, SerializeStruct};

    struct Quotes<'d, 'a>(&'d segment::Document<'a>, &'d entities::Speakers);
    impl Serialize for Quotes<'_, '_> {
        fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
            let mut seq = ser.serialize_seq(Some(self.1.len()))?;
            for i in 0..self.1.len() {
                seq.serialize_element(&self.1.quote(self.0, i))?;
            }
            seq.end()
        }
    }

    struct Claims<'d, 'a>(&'d segment::Document<'a>, &'d entities::Speakers);
    impl Serialize for Claims<'_, '_> {
        fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
            let mut seq = ser.serialize_seq(None)?;
            claims::try_for_each_claim_of(self.0, &self.1.quotes, |c| seq.serialize_element(c))?;
            seq.end()
        }
    }

    let (doc, speakers) = quotes_and_speakers(text);
    let sources = types::summarize_sources_of(&speakers.entities, speakers.sources(&doc));
    // Field for field what `#[derive(Serialize)]` on `Annotations` writes (a test checks).
    let mut st = ser.serialize_struct("Annotations", 6)?;
    st.serialize_field("version", &FORMAT_VERSION)?;
    st.serialize_field("offsets", &OffsetUnit::Utf8)?;
    st.serialize_field("entities", &speakers.entities)?;
    st.serialize_field("quotes", &Quotes(&doc, &speakers))?;
    st.serialize_field("claims", &Claims(&doc, &speakers))?;
    st.serialize_field("sources", &sources)?;
    st.end()
}

/// Annotates `text` and writes the annotations as compact JSON, byte for byte what
/// `serde_json::to_writer` gives for [`annotate`]'s result (a test checks), with
/// [`json::Writer`] instead of serde: quotes and claims are written one at a time as in
/// [`annotate_serialize`], and the JSON is handed to `sink` in pieces of about 64 KB, so
/// neither the annotations nor their JSON are held whole. What the CLI writes with: serde's
/// per-call overhead and byte-at-a-time string escaping were a tenth of its time.
pub fn annotate_json<E>(text: &str, sink: &mut dyn FnMut(&[u8]) -> Result<(), E>) -> Result<(), E> {
    const PIECE: usize = 1 << 16;
    let (doc, speakers) = quotes_and_speakers(text);
    let sources = types::summarize_sources_of(&speakers.entities, speakers.sources(&doc));
    let mut w = json::Writer::new();
    w.out.reserve(PIECE + (PIECE >> 2));
    let flush = |w: &mut json::Writer, sink: &mut dyn FnMut(&[u8]) -> Result<(), E>| {
        if w.out.len() >= PIECE {
            sink(&w.out)?;
            w.out.clear();
        }
        Ok(())
    };
    w.raw("{\"version\":").uint(FORMAT_VERSION as usize);
    w.raw(",\"offsets\":").plain(OffsetUnit::Utf8.as_str());
    w.raw(",\"entities\":[");
    for (i, e) in speakers.entities.iter().enumerate() {
        if i > 0 {
            w.raw(",");
        }
        json::entity(&mut w, e);
        flush(&mut w, sink)?;
    }
    w.raw("],\"quotes\":[");
    let mut id = String::new();
    for i in 0..speakers.len() {
        if i > 0 {
            w.raw(",");
        }
        json::quote_view(&mut w, &speakers.quote_view(&doc, i, &mut id));
        flush(&mut w, sink)?;
    }
    w.raw("],\"claims\":[");
    let mut first = true;
    claims::try_for_each_view_of(&doc, &speakers.quotes, |c| {
        if !std::mem::take(&mut first) {
            w.raw(",");
        }
        json::claim_view(&mut w, c);
        flush(&mut w, sink)
    })?;
    w.raw("],\"sources\":").list(&sources, json::source);
    w.raw("}");
    sink(&w.out)
}

/// The texts of the article fixtures (`tests/data/articles/*.txt`), for unit tests that check
/// a property on real news.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/articles");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(&path).unwrap());
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    #[test]
    fn annotate_serialize_writes_what_annotate_serializes() {
        let long = "“We are ready,” said Pentagon press secretary John Kirby. He added that the talks had failed twice since 2019. The economy grew 3 percent last year, officials said.\n\n".repeat(400);
        let texts = [
            "",
            "No quotes here at all.",
            "“We are ready,” said Pentagon press secretary John Kirby. He added that the talks had failed twice since 2019. The economy grew 3 percent last year, officials said.",
            // Long enough for annotate_json to hand its output over in several pieces.
            &long,
        ];
        for t in texts {
            let want = serde_json::to_string(&crate::annotate(t)).unwrap();
            let mut got = Vec::new();
            crate::annotate_serialize(t, &mut serde_json::Serializer::new(&mut got)).unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), want);
            let want = serde_json::to_string_pretty(&crate::annotate(t)).unwrap();
            let mut got = Vec::new();
            crate::annotate_serialize(t, &mut serde_json::Serializer::pretty(&mut got)).unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), want);
            let want = serde_json::to_string(&crate::annotate(t)).unwrap();
            let mut got = Vec::new();
            crate::annotate_json(t, &mut |b: &[u8]| {
                got.extend_from_slice(b);
                Ok::<(), ()>(())
            })
            .unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), want);
        }
    }
}
