//! The offset contract every annotation must keep, whatever the input: shared by the property
//! tests (`tests/props.rs`), the hostile-input tests (`tests/hostile.rs`) and the fuzz target
//! (`fuzz/fuzz_targets/annotate.rs`, which includes this file by path).
//!
//! `check` returns a description of the first broken rule instead of panicking so that each
//! caller can report it its own way (proptest shrinks on it, the fuzzer aborts on it).
//!
//! The rules come from `src/types.rs` and the JSON contract in the team brief:
//! - every span (quote, cue, claim, entity mention) is `start < end <= len`, on char
//!   boundaries, and any `text` field is exactly `input[start..end]`;
//! - ids are unique and well-formed (`e1…`, `q1…`, `c1…`), quotes and claims are in text
//!   order, entities in order of first mention, each with at least one mention;
//! - no two entity mentions overlap (each stretch of text names one entity, once);
//! - every quote speaker is an entity id, every claim's quote is a quote id whose span meets
//!   the claim's, and no cue overlaps its own quote;
//! - confidences and scores are finite and in [0, 1];
//! - `to_utf16` maps each byte offset `b` to the UTF-16 length of `input[..b]`, touches
//!   nothing else, and marks the result `offsets: "utf16"`.
#![allow(dead_code)] // each test crate uses a different subset

use std::collections::{BTreeMap, HashSet};
use whosaid::{Annotations, OffsetUnit, Span};

/// Every byte span in `a`, with a label naming where it came from (for messages).
pub fn spans(a: &Annotations) -> Vec<(String, Span, Option<&str>)> {
    let mut out = Vec::new();
    for e in &a.entities {
        for (i, m) in e.mentions.iter().enumerate() {
            out.push((format!("entity {} mention {i}", e.id), *m, None));
        }
    }
    for q in &a.quotes {
        out.push((
            format!("quote {}", q.id),
            Span::new(q.start, q.end),
            Some(q.text.as_str()),
        ));
        if let Some(c) = &q.cue {
            out.push((
                format!("quote {} cue", q.id),
                Span::new(c.start, c.end),
                Some(c.text.as_str()),
            ));
        }
        if let Some(p) = &q.source {
            out.push((
                format!("quote {} source", q.id),
                Span::new(p.start, p.end),
                Some(p.text.as_str()),
            ));
        }
    }
    for c in &a.claims {
        out.push((
            format!("claim {}", c.id),
            Span::new(c.start, c.end),
            Some(c.text.as_str()),
        ));
    }
    out
}

/// Checks every rule above for `a = whosaid::annotate(input)`.
pub fn check(input: &str, a: &Annotations) -> Result<(), String> {
    if a.version != whosaid::FORMAT_VERSION {
        return Err(format!(
            "version {} != {}",
            a.version,
            whosaid::FORMAT_VERSION
        ));
    }
    if a.offsets != OffsetUnit::Utf8 {
        return Err(format!(
            "annotate must give utf8 offsets, got {:?}",
            a.offsets
        ));
    }
    let len = input.len();
    for (what, s, text) in spans(a) {
        if !(s.start < s.end && s.end <= len) {
            return Err(format!(
                "{what}: span {}..{} not within 0 < len {len} or empty",
                s.start, s.end
            ));
        }
        if !input.is_char_boundary(s.start) || !input.is_char_boundary(s.end) {
            return Err(format!(
                "{what}: span {}..{} not on char boundaries",
                s.start, s.end
            ));
        }
        if let Some(t) = text {
            let want = &input[s.start..s.end];
            if t != want {
                return Err(format!(
                    "{what}: text {t:?} != input[{}..{}] = {want:?}",
                    s.start, s.end
                ));
            }
        }
    }
    check_ids(a)?;
    for q in &a.quotes {
        if !(q.confidence.is_finite() && (0.0..=1.0).contains(&q.confidence)) {
            return Err(format!(
                "quote {}: confidence {} not in [0, 1]",
                q.id, q.confidence
            ));
        }
    }
    for c in &a.claims {
        if !(c.score.is_finite() && (0.0..=1.0).contains(&c.score)) {
            return Err(format!("claim {}: score {} not in [0, 1]", c.id, c.score));
        }
    }
    check_order(a)?;
    check_mentions(input, a)?;
    check_json(a)?;
    check_utf16(input, a)
}

fn check_ids(a: &Annotations) -> Result<(), String> {
    fn numbered(
        ids: impl Iterator<Item = String>,
        prefix: char,
    ) -> Result<HashSet<String>, String> {
        let mut seen = HashSet::new();
        for id in ids {
            let ok = id
                .strip_prefix(prefix)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                return Err(format!("id {id:?} is not {prefix}<number>"));
            }
            if !seen.insert(id.clone()) {
                return Err(format!("id {id:?} used twice"));
            }
        }
        Ok(seen)
    }
    let entity_ids = numbered(a.entities.iter().map(|e| e.id.clone()), 'e')?;
    let quote_ids = numbered(a.quotes.iter().map(|q| q.id.clone()), 'q')?;
    numbered(a.claims.iter().map(|c| c.id.clone()), 'c')?;
    for q in &a.quotes {
        if let Some(s) = &q.speaker {
            if !entity_ids.contains(s) {
                return Err(format!("quote {}: speaker {s:?} is not an entity id", q.id));
            }
        }
    }
    for c in &a.claims {
        if let Some(q) = &c.quote {
            if !quote_ids.contains(q) {
                return Err(format!("claim {}: quote {q:?} is not a quote id", c.id));
            }
            // "The quote the claim sits in": the two spans share text.
            let q = a.quotes.iter().find(|x| &x.id == q).unwrap();
            if !Span::new(q.start, q.end).overlaps(Span::new(c.start, c.end)) {
                return Err(format!(
                    "claim {} {}..{} does not meet its quote {} {}..{}",
                    c.id, c.start, c.end, q.id, q.start, q.end
                ));
            }
        }
    }
    // A cue introduces the speech; it is never part of it.
    for q in &a.quotes {
        if let Some(c) = &q.cue {
            if Span::new(q.start, q.end).overlaps(Span::new(c.start, c.end)) {
                return Err(format!(
                    "quote {} {}..{} overlaps its own cue {}..{}",
                    q.id, q.start, q.end, c.start, c.end
                ));
            }
        }
    }
    Ok(())
}

/// The documented orders: quotes and claims in text order (`q1, q2, … in text order`),
/// entities in order of first mention (`e1, e2, … in order of first mention`), and every
/// entity mentioned at least once.
pub fn check_order(a: &Annotations) -> Result<(), String> {
    for w in a.quotes.windows(2) {
        if (w[0].start, w[0].end) > (w[1].start, w[1].end) {
            return Err(format!(
                "quotes out of text order: {} at {} before {} at {}",
                w[0].id, w[0].start, w[1].id, w[1].start
            ));
        }
    }
    for w in a.claims.windows(2) {
        if (w[0].start, w[0].end) > (w[1].start, w[1].end) {
            return Err(format!(
                "claims out of text order: {} at {} before {} at {}",
                w[0].id, w[0].start, w[1].id, w[1].start
            ));
        }
    }
    for e in &a.entities {
        if e.mentions.is_empty() {
            return Err(format!("entity {} has no mentions", e.id));
        }
    }
    let firsts: Vec<(usize, &str)> = a
        .entities
        .iter()
        .map(|e| {
            (
                e.mentions.iter().map(|m| m.start).min().unwrap_or(0),
                e.id.as_str(),
            )
        })
        .collect();
    for w in firsts.windows(2) {
        if w[0].0 > w[1].0 {
            return Err(format!(
                "entities not in order of first mention: {} first at {} before {} first at {}",
                w[0].1, w[0].0, w[1].1, w[1].0
            ));
        }
    }
    Ok(())
}

/// Each stretch of text names at most one entity, once: no two mentions overlap, within an
/// entity or across entities ("every mention of it … points here"). A painter given two
/// overlapping mention spans has to nest or drop one.
pub fn check_mentions(input: &str, a: &Annotations) -> Result<(), String> {
    let mut ms: Vec<(Span, &str)> = a
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.id.as_str())))
        .collect();
    ms.sort_by_key(|(m, _)| (m.start, m.end));
    for w in ms.windows(2) {
        let ((m, e), (n, f)) = (w[0], w[1]);
        if m.overlaps(n) {
            return Err(format!(
                "mentions overlap: {e} {}..{} {:?} and {f} {}..{} {:?}",
                m.start,
                m.end,
                input.get(m.start..m.end),
                n.start,
                n.end,
                input.get(n.start..n.end)
            ));
        }
    }
    Ok(())
}

/// The JSON the CLI prints reads back as the same value (the wire contract is lossless).
fn check_json(a: &Annotations) -> Result<(), String> {
    let json = serde_json::to_string(a).map_err(|e| format!("serialise: {e}"))?;
    let back: Annotations = serde_json::from_str(&json).map_err(|e| format!("deserialise: {e}"))?;
    if &back != a {
        return Err("JSON round trip changed the annotations".into());
    }
    Ok(())
}

/// UTF-16 lengths of `input[..b]` for every `b` in `offsets`, in one pass over the text. This
/// is written independently of the engine's `Utf16Map`, and is checked against the obvious
/// `encode_utf16().count()` by the property tests.
pub fn utf16_prefixes(
    input: &str,
    offsets: impl IntoIterator<Item = usize>,
) -> BTreeMap<usize, usize> {
    let mut want: BTreeMap<usize, usize> = offsets.into_iter().map(|o| (o, usize::MAX)).collect();
    let mut units = 0usize;
    let mut bytes = 0usize;
    let mut chars = input.chars();
    for (&off, v) in want.iter_mut() {
        while bytes < off {
            match chars.next() {
                Some(c) => {
                    bytes += c.len_utf8();
                    units += c.len_utf16();
                }
                None => break,
            }
        }
        // An offset inside a char has no UTF-16 position; it stays usize::MAX and fails below.
        if bytes == off {
            *v = units;
        }
    }
    want
}

fn check_utf16(input: &str, a: &Annotations) -> Result<(), String> {
    let bytes = spans(a);
    let u = a.clone().to_utf16(input);
    if u.offsets != OffsetUnit::Utf16 {
        return Err(format!("to_utf16 left offsets = {:?}", u.offsets));
    }
    let utf16 = spans(&u);
    if bytes.len() != utf16.len() {
        return Err(format!(
            "to_utf16 changed the number of spans: {} -> {}",
            bytes.len(),
            utf16.len()
        ));
    }
    let map = utf16_prefixes(input, bytes.iter().flat_map(|(_, s, _)| [s.start, s.end]));
    for ((what, b, text), (_, u16s, u16text)) in bytes.iter().zip(&utf16) {
        let want = Span::new(map[&b.start], map[&b.end]);
        if *u16s != want {
            return Err(format!(
                "{what}: to_utf16 gave {}..{} for bytes {}..{}, want {}..{}",
                u16s.start, u16s.end, b.start, b.end, want.start, want.end
            ));
        }
        if text != u16text {
            return Err(format!("{what}: to_utf16 changed the text"));
        }
    }
    // Nothing but offsets changes: ids, kinds, speakers, names, scores are kept.
    let mut back = u.clone();
    back.offsets = OffsetUnit::Utf8;
    let mut strip = a.clone();
    for x in [&mut back, &mut strip] {
        for e in &mut x.entities {
            e.mentions.iter_mut().for_each(|m| *m = Span::new(0, 0));
        }
        for q in &mut x.quotes {
            (q.start, q.end) = (0, 0);
            for p in q.cue.iter_mut().chain(q.source.iter_mut()) {
                (p.start, p.end) = (0, 0);
            }
        }
        for c in &mut x.claims {
            (c.start, c.end) = (0, 0);
        }
    }
    if back != strip {
        return Err("to_utf16 changed something other than offsets".into());
    }
    // Already in UTF-16: converting again is a no-op.
    if u.clone().to_utf16(input) != u {
        return Err("to_utf16 on utf16 annotations changed them".into());
    }
    Ok(())
}

/// `annotate` then `check`, panicking with the input on failure.
pub fn annotate_checked(input: &str) -> Annotations {
    let a = whosaid::annotate(input);
    if let Err(e) = check(input, &a) {
        let shown: String = input.chars().take(400).collect();
        panic!(
            "{e}\ninput ({} bytes, first 400 chars): {shown:?}",
            input.len()
        );
    }
    a
}
