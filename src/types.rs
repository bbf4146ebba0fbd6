//! The serde types that are whosaid's contract with the outside world.
//!
//! Everything the engine finds is reported as a span of the input: `start`/`end` are byte
//! offsets into the UTF-8 text (end exclusive) and `text` is exactly that slice. The web
//! layer converts every offset to UTF-16 code units before handing the structure to
//! JavaScript (see [`Annotations::to_utf16`]); `offsets` says which unit a value uses.

use serde::{Deserialize, Serialize};

/// Version of the JSON format. Bump on any breaking change to these types.
pub const FORMAT_VERSION: u32 = 2;

/// The unit of every `start`/`end` in an [`Annotations`] value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes: what Rust slices by, and what the CLI prints.
    #[default]
    Utf8,
    /// UTF-16 code units: what JavaScript strings and DOM ranges index by.
    Utf16,
    /// Unicode code points (chars): what Python strings index by.
    Chars,
}

/// Everything found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Annotations {
    pub version: u32,
    #[serde(default)]
    pub offsets: OffsetUnit,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
    /// Who is quoted, counted: named people, organisations, unnamed sources (`a
    /// spokeswoman`) and quotes with no source at all, most-quoted first.
    #[serde(default)]
    pub sources: Vec<SourceCount>,
}

/// A half-open span `[start, end)` of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
}

/// One real-world referent: every mention of it, however it is named, points here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `e1`, `e2`, … in order of first mention.
    pub id: String,
    /// The fullest name the article gives (`John Kirby`, not `Kirby`).
    pub name: String,
    pub kind: EntityKind,
    /// Job title or role when the article gives one (`Pentagon press secretary`).
    pub title: Option<String>,
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words between quotation marks, attributed to someone.
    Direct,
    /// Reported speech: the content after `said that`, `according to`, …
    Indirect,
}

/// A stretch of the input with its text: a quote's cue or its source phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
    /// Exactly `input[start..end]`.
    pub text: String,
}

/// The word or phrase that introduces speech (`said`, `told Reuters`, `according to`).
pub type Cue = Phrase;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// `q1`, `q2`, … in text order.
    pub id: String,
    pub start: usize,
    pub end: usize,
    /// Exactly `input[start..end]`; for direct quotes the marks are excluded.
    pub text: String,
    pub kind: QuoteKind,
    /// Id of the speaking [`Entity`], or `None` where the article names no source.
    pub speaker: Option<String>,
    /// The words that name the source, as written: `Pentagon press secretary John Kirby`,
    /// `he`, `a spokeswoman`, `the daily`. Present even when `speaker` is `None`, so unnamed
    /// sourcing shows; `None` only where nothing in the text names a source.
    #[serde(default)]
    pub source: Option<Phrase>,
    pub cue: Option<Cue>,
    /// How sure the engine is that this is speech by `speaker`, in [0, 1].
    pub confidence: f32,
}

/// How a quote's source is identified, for counting named against anonymous sourcing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A named person (`John Kirby`, also when quoted as `he`).
    Person,
    /// A named organisation (`the Pentagon`, `Reuters`).
    Organization,
    /// A source phrase that names nobody (`a spokeswoman`, `officials`, `a source`).
    Unnamed,
    /// Nothing in the text names a source.
    Unattributed,
}

/// One line of the sources summary: a source and how many quotes it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCount {
    pub kind: SourceKind,
    /// The entity id for a person or organisation, else `None`.
    pub entity: Option<String>,
    /// The entity's name, or for an unnamed source its phrase as first written (`a
    /// spokeswoman`); `None` for unattributed quotes.
    pub name: Option<String>,
    pub quotes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Numbers, statistics, amounts.
    Quantity,
    /// More / less / the most / than.
    Comparison,
    /// Because, led to, caused.
    Causal,
    /// Will, expected to, forecast.
    Prediction,
    /// Someone is said to have done wrong.
    Accusation,
    /// A verifiable event or state of the world.
    Statement,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `c1`, `c2`, … in text order.
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: ClaimKind,
    /// Check-worthiness in [0, 1].
    pub score: f32,
    /// Why the claim was picked (`number`, `comparative`, `causal`, …).
    pub signals: Vec<String>,
    /// Id of the quote the claim sits in, so its speaker is known.
    pub quote: Option<String>,
}

impl Annotations {
    /// Rewrites every offset from UTF-8 bytes into UTF-16 code units of `text`.
    ///
    /// `text` must be the string these annotations were computed on. Runs in one pass over
    /// the text plus a sort of the offsets, so it stays linear for large inputs.
    pub fn to_utf16(self, text: &str) -> Self {
        self.convert(text, OffsetUnit::Utf16, char::len_utf16)
    }

    /// Rewrites every offset from UTF-8 bytes into Unicode code points (chars) of `text`:
    /// the indices of a Python string. Like [`Self::to_utf16`], linear in the text.
    pub fn to_chars(self, text: &str) -> Self {
        self.convert(text, OffsetUnit::Chars, |_| 1)
    }

    /// Maps every UTF-8 offset to the sum of `unit_len` over the chars before it.
    fn convert(mut self, text: &str, unit: OffsetUnit, unit_len: fn(char) -> usize) -> Self {
        if self.offsets == unit {
            return self;
        }
        debug_assert_eq!(
            self.offsets,
            OffsetUnit::Utf8,
            "convert from UTF-8 offsets only"
        );
        let mut offs: Vec<usize> = Vec::new();
        for e in &self.entities {
            for m in &e.mentions {
                offs.push(m.start);
                offs.push(m.end);
            }
        }
        for q in &self.quotes {
            offs.extend([q.start, q.end]);
            for p in q.cue.iter().chain(&q.source) {
                offs.extend([p.start, p.end]);
            }
        }
        for c in &self.claims {
            offs.extend([c.start, c.end]);
        }
        let map = crate::segment::OffsetMap::new(text, offs, unit_len);
        for e in &mut self.entities {
            for m in &mut e.mentions {
                m.start = map.get(m.start);
                m.end = map.get(m.end);
            }
        }
        for q in &mut self.quotes {
            q.start = map.get(q.start);
            q.end = map.get(q.end);
            for p in q.cue.iter_mut().chain(q.source.iter_mut()) {
                p.start = map.get(p.start);
                p.end = map.get(p.end);
            }
        }
        for c in &mut self.claims {
            c.start = map.get(c.start);
            c.end = map.get(c.end);
        }
        self.offsets = unit;
        self
    }
}

/// Counts quotes per source: one line per speaking entity, one per distinct unnamed source
/// phrase (compared case-insensitively), and one for quotes with no source at all. Sorted by
/// count, most first, then by first appearance.
pub fn summarize_sources(entities: &[Entity], quotes: &[Quote]) -> Vec<SourceCount> {
    summarize_sources_of(
        entities,
        quotes.iter().map(|q| {
            (
                q.speaker.as_deref(),
                q.source.as_ref().map(|p| p.text.as_str()),
            )
        }),
    )
}

/// [`summarize_sources`] of quotes given as (speaker id, source phrase text), in order.
pub fn summarize_sources_of<'q>(
    entities: &[Entity],
    quotes: impl IntoIterator<Item = (Option<&'q str>, Option<&'q str>)>,
) -> Vec<SourceCount> {
    let mut out: Vec<SourceCount> = Vec::new();
    // (Each line's key numbered as it is first met, so that its number is its line's index;
    // Fx-hashed, no SipHash in the wasm module.)
    let mut index = crate::fx::Interner::default();
    // (Entity `eN` is the N-th.)
    let by_id = |id: &str| {
        id.strip_prefix('e')
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| entities.get(n.checked_sub(1)?))
            .filter(|e| e.id == id)
            .or_else(|| entities.iter().find(|e| e.id == id))
    };
    // (Every key is built in this one buffer.)
    let mut key = String::new();
    for (speaker, source) in quotes {
        // The key first; the line (with its copied strings) only for a new key.
        key.clear();
        match (speaker, source) {
            (Some(id), _) => {
                key.push_str("e:");
                key.push_str(id);
            }
            (None, Some(text)) if text.is_ascii() => {
                key.push_str("u:");
                key.push_str(text);
                key.make_ascii_lowercase();
            }
            (None, Some(text)) => {
                key.push_str("u:");
                key.push_str(&crate::case::to_lowercase(text));
            }
            (None, None) => key.push('-'),
        }
        let i = index.intern(key.as_bytes()) as usize;
        if i == out.len() {
            let line = match (speaker, source) {
                (Some(id), _) => {
                    let e = by_id(id);
                    let kind = match e.map(|e| e.kind) {
                        Some(EntityKind::Organization) => SourceKind::Organization,
                        _ => SourceKind::Person,
                    };
                    SourceCount {
                        kind,
                        entity: Some(id.to_string()),
                        name: e.map(|e| e.name.clone()),
                        quotes: 0,
                    }
                }
                (None, Some(text)) => SourceCount {
                    kind: SourceKind::Unnamed,
                    entity: None,
                    name: Some(text.to_string()),
                    quotes: 0,
                },
                (None, None) => SourceCount {
                    kind: SourceKind::Unattributed,
                    entity: None,
                    name: None,
                    quotes: 0,
                },
            };
            out.push(line);
        }
        out[i].quotes += 1;
    }
    // Stable: ties keep the order of first appearance.
    crate::sort::by_key(&mut out, |s| std::cmp::Reverse(s.quotes));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span of `a` (in `unit`) slices `text` to the span's own text.
    fn spans_in_units(a: &Annotations, text: &str, unit: OffsetUnit) {
        assert_eq!(a.offsets, unit);
        let chars: Vec<char> = text.chars().collect();
        let units: Vec<u16> = text.encode_utf16().collect();
        let slice = |s: usize, e: usize| match unit {
            OffsetUnit::Chars => chars[s..e].iter().collect::<String>(),
            OffsetUnit::Utf16 => String::from_utf16(&units[s..e]).unwrap(),
            OffsetUnit::Utf8 => text[s..e].to_string(),
        };
        for q in &a.quotes {
            assert_eq!(slice(q.start, q.end), q.text);
            for p in q.cue.iter().chain(&q.source) {
                assert_eq!(slice(p.start, p.end), p.text);
            }
        }
        for c in &a.claims {
            assert_eq!(slice(c.start, c.end), c.text);
        }
        for e in &a.entities {
            for m in &e.mentions {
                assert!(m.start < m.end && m.end <= chars.len().max(units.len()));
            }
        }
    }

    #[test]
    fn to_chars_counts_code_points() {
        let text = "😀 中文 “We are ready,” said Pentagon press secretary John Kirby. \
                    He added that the talks 👍 had failed twice since 2019.";
        let a = crate::annotate(text);
        assert!(!a.quotes.is_empty() && !a.claims.is_empty());
        let q = &a.quotes[0];
        let want = text[..q.start].chars().count();
        let c = a.clone().to_chars(text);
        assert_eq!(c.quotes[0].start, want);
        spans_in_units(&c, text, OffsetUnit::Chars);
        spans_in_units(&a.clone().to_utf16(text), text, OffsetUnit::Utf16);
        // Converting twice is a no-op; the JSON names the unit.
        let again = c.clone().to_chars(text);
        assert_eq!(again, c);
        assert!(serde_json::to_string(&c)
            .unwrap()
            .contains(r#""offsets":"chars""#));
    }
}
