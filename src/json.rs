//! A small JSON writer for [`Annotations`]: byte for byte what `serde_json::to_string` gives
//! (a test checks it on every fixture), without serde_json.
//!
//! The browser build uses it so the shipped module carries no serde_json: its serializer
//! error machinery and, above all, the general float formatting it drags in cost more than
//! this whole file. Floats are written by `zmij`, the formatter serde_json itself calls.

use crate::types::{
    Annotations, Claim, ClaimKind, Entity, EntityKind, OffsetUnit, Phrase, Quote, QuoteKind,
    SourceCount, SourceKind, Span,
};

/// A JSON text under construction. Callers write keys and punctuation themselves; the
/// helpers here escape strings and format numbers exactly as serde_json does.
///
/// The text is kept as bytes, not a `String`: everything written is whole `str`s or ASCII,
/// so it is UTF-8, and a number's digits, made in a byte buffer, go in as one copy (into a
/// `String` they would need a UTF-8 check or a push per digit). The CLI hands the bytes on
/// as they are; [`Writer::into_string`] makes the `String` the other callers want.
#[derive(Default)]
pub struct Writer {
    pub out: Vec<u8>,
}

impl Writer {
    pub fn new() -> Self {
        Writer::default()
    }

    /// The text written, as a `String`.
    pub fn into_string(self) -> String {
        String::from_utf8(self.out).expect("only strs and ASCII are written")
    }

    /// Appends raw JSON (punctuation, keys already quoted).
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.out.extend_from_slice(s.as_bytes());
        self
    }

    /// Appends `s` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`,
    /// `\r`, `\b`, `\f` or `\u00xx` (lower-case hex), everything else as it is.
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        let bytes = s.as_bytes();
        // The bytes from `run` on are not written yet; `i` is the next that needs an escape.
        let mut run = 0;
        loop {
            let i = next_to_escape(bytes, run);
            if i == bytes.len() {
                break;
            }
            self.out.extend_from_slice(&bytes[run..i]);
            run = i + 1;
            let b = bytes[i];
            let esc = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\t' => "\\t",
                b'\r' => "\\r",
                0x08 => "\\b",
                0x0c => "\\f",
                _ => "",
            };
            if esc.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.extend_from_slice(b"\\u00");
                self.out.push(HEX[(b >> 4) as usize]);
                self.out.push(HEX[(b & 0xf) as usize]);
            } else {
                self.out.extend_from_slice(esc.as_bytes());
            }
        }
        self.out.extend_from_slice(&bytes[run..]);
        self.out.push(b'"');
        self
    }

    /// Appends `s`, which needs no escape (a kind's name, an id the engine numbered), as a
    /// JSON string: copied, not scanned.
    pub(crate) fn plain(&mut self, s: &str) -> &mut Self {
        debug_assert_eq!(next_to_escape(s.as_bytes(), 0), s.len(), "{s:?}");
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.push(b'"');
        self
    }

    /// An optional string: the string, or `null`.
    pub fn opt_str(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    pub fn uint(&mut self, n: usize) -> &mut Self {
        push_digits(&mut self.out, n);
        self
    }

    /// An `f32` as serde_json writes it: shortest round-trip digits, `null` if not finite.
    pub fn f32(&mut self, x: f32) -> &mut Self {
        // Scores and confidences are hundredths from 0 to 1: the f32 nearest `k / 100`, whose
        // shortest digits are those of `k / 100` itself (a test checks all 101 against the
        // formatter), written here without it.
        let k = (x * 100.0).round();
        if (0.0..=100.0).contains(&k) && k / 100.0 == x {
            let k = k as u8;
            let (int, frac) = (k / 100, k % 100);
            self.out
                .extend_from_slice(&[b'0' + int, b'.', b'0' + frac / 10]);
            if frac % 10 != 0 {
                self.out.push(b'0' + frac % 10);
            }
            return self;
        }
        if x.is_finite() {
            let mut b = zmij::Buffer::new();
            self.out.extend_from_slice(b.format_finite(x).as_bytes());
        } else {
            self.out.extend_from_slice(b"null");
        }
        self
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.raw(if b { "true" } else { "false" })
    }

    /// Items of a list, comma-separated, inside `[` `]`.
    pub fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) -> &mut Self {
        self.seq(items.len(), &mut |w, i| each(w, &items[i]))
    }

    /// `n` items, comma-separated, inside `[` `]`; `each` writes item `i`. Not generic, so
    /// the loop is in the module once.
    fn seq(&mut self, n: usize, each: &mut dyn FnMut(&mut Self, usize)) -> &mut Self {
        self.out.push(b'[');
        for i in 0..n {
            if i > 0 {
                self.out.push(b',');
            }
            each(self, i);
        }
        self.out.push(b']');
        self
    }
}

/// Writes the decimal digits of `n` at the end of `buf`, two at a time from a table (no
/// `fmt` machinery), and returns where they start.
fn digits(buf: &mut [u8; 20], mut n: usize) -> usize {
    const PAIRS: &[u8; 200] = b"00010203040506070809101112131415161718192021222324\
                                25262728293031323334353637383940414243444546474849\
                                50515253545556575859606162636465666768697071727374\
                                75767778798081828384858687888990919293949596979899";
    let mut i = buf.len();
    while n >= 100 {
        let p = 2 * (n % 100);
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[p..p + 2]);
    }
    if n >= 10 {
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    i
}

/// Appends the decimal digits of `n` to `out` in one copy (offsets are most of the numbers
/// written).
fn push_digits(out: &mut Vec<u8>, n: usize) {
    let mut buf = [0u8; 20];
    let i = digits(&mut buf, n);
    out.extend_from_slice(&buf[i..]);
}

/// Appends the decimal digits of `n` to a `String` (an id's number).
pub(crate) fn push_uint(out: &mut String, n: usize) {
    let mut buf = [0u8; 20];
    let i = digits(&mut buf, n);
    out.extend(buf[i..].iter().map(|&d| char::from(d)));
}

/// An id: `prefix` then `n` (`q12`, `c3`, `e7`), as `format!("{prefix}{n}")` writes it.
pub(crate) fn numbered(prefix: char, n: usize) -> String {
    let mut s = String::with_capacity(8);
    s.push(prefix);
    push_uint(&mut s, n);
    s
}

/// The index of the first byte of `b` from `i` on that JSON escapes (below 0x20, `"` or
/// `\`), or `b.len()` if there is none. Most text needs no escape at all: it is passed over
/// sixteen bytes at a time (two words tested, one branch), then eight, the last few (fewer
/// than eight) one by one.
fn next_to_escape(b: &[u8], mut i: usize) -> usize {
    let word = |w: &[u8]| u64::from_le_bytes(w.try_into().expect("8 bytes"));
    while let Some(chunk) = b.get(i..i + 16) {
        let (lo, hi) = (to_escape(word(&chunk[..8])), to_escape(word(&chunk[8..])));
        if lo | hi != 0 {
            return i + if lo != 0 {
                lo.trailing_zeros()
            } else {
                64 + hi.trailing_zeros()
            } as usize
                / 8;
        }
        i += 16;
    }
    if let Some(chunk) = b.get(i..i + 8) {
        let flags = to_escape(word(chunk));
        if flags != 0 {
            return i + flags.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while i < b.len() && !(b[i] < 0x20 || b[i] == b'"' || b[i] == b'\\') {
        i += 1;
    }
    i
}

/// Of the eight bytes of `x` (little-endian), those below 0x20, `"` or `\`, as their high
/// bits; the lowest bit set marks the first such byte. (The usual zero-byte tests: a flag may
/// also be set above a true one, by a borrow, never below it, so the lowest flag is exact.)
fn to_escape(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    // A byte below 0x20 has none of the bits 0x20, 0x40, 0x80: masked to them it is zero.
    zero_byte(x & (ONES * 0xE0)) | zero_byte(x ^ (ONES * 0x22)) | zero_byte(x ^ (ONES * 0x5C))
}

impl OffsetUnit {
    /// The name the JSON gives the unit.
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::Utf8 => "utf8",
            OffsetUnit::Utf16 => "utf16",
            OffsetUnit::Chars => "chars",
        }
    }
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
        }
    }
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Unnamed => "unnamed",
            SourceKind::Unattributed => "unattributed",
        }
    }
}

impl ClaimKind {
    /// The name the JSON gives the kind (`quantity`, `comparison`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quantity => "quantity",
            ClaimKind::Comparison => "comparison",
            ClaimKind::Causal => "causal",
            ClaimKind::Prediction => "prediction",
            ClaimKind::Accusation => "accusation",
            ClaimKind::Statement => "statement",
        }
    }
}

fn phrase(w: &mut Writer, p: &Option<Phrase>) {
    match p {
        None => {
            w.raw("null");
        }
        Some(p) => {
            w.raw("{\"start\":").uint(p.start);
            w.raw(",\"end\":").uint(p.end);
            w.raw(",\"text\":").str(&p.text).raw("}");
        }
    }
}

pub(crate) fn entity(w: &mut Writer, e: &Entity) {
    w.raw("{\"id\":").str(&e.id);
    w.raw(",\"name\":").str(&e.name);
    w.raw(",\"kind\":").plain(e.kind.as_str());
    w.raw(",\"title\":").opt_str(e.title.as_deref());
    w.raw(",\"mentions\":").list(&e.mentions, |w, m| {
        w.raw("{\"start\":").uint(m.start);
        w.raw(",\"end\":").uint(m.end).raw("}");
    });
    w.raw("}");
}

pub(crate) fn quote(w: &mut Writer, q: &Quote) {
    w.raw("{\"id\":").str(&q.id);
    w.raw(",\"start\":").uint(q.start);
    w.raw(",\"end\":").uint(q.end);
    w.raw(",\"text\":").str(&q.text);
    w.raw(",\"kind\":").plain(q.kind.as_str());
    w.raw(",\"speaker\":").opt_str(q.speaker.as_deref());
    w.raw(",\"source\":");
    phrase(w, &q.source);
    w.raw(",\"cue\":");
    phrase(w, &q.cue);
    w.raw(",\"confidence\":").f32(q.confidence).raw("}");
}

/// A [`Quote`]'s fields, borrowed: what [`quote_view`] writes as [`quote`] writes the
/// `Quote`. The CLI writes each quote from one (`entities::Speakers::quote_view`) without
/// building the `Quote` and its strings. (A writer of its own: the browser build, which
/// writes `Quote`s, keeps [`quote`] as it was, 0.2 KB gzipped smaller than one going
/// through the view; `annotate_serialize_writes_what_annotate_serializes` checks the two
/// agree.)
pub(crate) struct QuoteView<'a> {
    pub id: &'a str,
    pub span: Span,
    pub text: &'a str,
    pub kind: QuoteKind,
    pub speaker: Option<&'a str>,
    pub source: Option<(Span, &'a str)>,
    pub cue: Option<(Span, &'a str)>,
    pub confidence: f32,
}

pub(crate) fn quote_view(w: &mut Writer, q: &QuoteView) {
    let phrase = |w: &mut Writer, p: Option<(Span, &str)>| match p {
        None => {
            w.raw("null");
        }
        Some((s, text)) => {
            w.raw("{\"start\":").uint(s.start);
            w.raw(",\"end\":").uint(s.end);
            w.raw(",\"text\":").str(text).raw("}");
        }
    };
    // (The ids are the engine's own, `q12` and `e3`: nothing to escape.)
    w.raw("{\"id\":").plain(q.id);
    w.raw(",\"start\":").uint(q.span.start);
    w.raw(",\"end\":").uint(q.span.end);
    w.raw(",\"text\":").str(q.text);
    w.raw(",\"kind\":").plain(q.kind.as_str());
    w.raw(",\"speaker\":");
    match q.speaker {
        Some(id) => w.plain(id),
        None => w.raw("null"),
    };
    w.raw(",\"source\":");
    phrase(w, q.source);
    w.raw(",\"cue\":");
    phrase(w, q.cue);
    w.raw(",\"confidence\":").f32(q.confidence).raw("}");
}

pub(crate) fn claim(w: &mut Writer, c: &Claim) {
    w.raw("{\"id\":").str(&c.id);
    w.raw(",\"start\":").uint(c.start);
    w.raw(",\"end\":").uint(c.end);
    w.raw(",\"text\":").str(&c.text);
    w.raw(",\"kind\":").plain(c.kind.as_str());
    w.raw(",\"score\":").f32(c.score);
    w.raw(",\"signals\":").list(&c.signals, |w, s| {
        w.str(s);
    });
    w.raw(",\"quote\":").opt_str(c.quote.as_deref()).raw("}");
}

/// A [`crate::claims::ClaimView`] as [`claim`] writes the `Claim` it fills: what the CLI
/// writes. Its quote is one of the engine's, numbered `q{index + 1}`; its id, kind and
/// signals need no escape. (A writer of its own, as [`quote_view`] is.)
pub(crate) fn claim_view(w: &mut Writer, c: &crate::claims::ClaimView) {
    w.raw("{\"id\":\"c").uint(c.number);
    w.raw("\",\"start\":").uint(c.span.start);
    w.raw(",\"end\":").uint(c.span.end);
    w.raw(",\"text\":").str(c.text);
    w.raw(",\"kind\":").plain(c.kind.as_str());
    w.raw(",\"score\":").f32(c.score);
    w.raw(",\"signals\":[");
    for (k, name) in c.signals().enumerate() {
        if k > 0 {
            w.raw(",");
        }
        w.plain(name);
    }
    w.raw("],\"quote\":");
    match c.quote {
        Some(k) => w.raw("\"q").uint(k + 1).raw("\"}"),
        None => w.raw("null}"),
    };
}

pub(crate) fn source(w: &mut Writer, s: &SourceCount) {
    w.raw("{\"kind\":").plain(s.kind.as_str());
    w.raw(",\"entity\":").opt_str(s.entity.as_deref());
    w.raw(",\"name\":").opt_str(s.name.as_deref());
    w.raw(",\"quotes\":").uint(s.quotes).raw("}");
}

/// `ann` as compact JSON, exactly as `serde_json::to_string(ann)` writes it.
pub fn annotations(ann: &Annotations) -> String {
    let mut w = Writer::new();
    // Claims carry their sentence, so the text is a fair guess at the output's size.
    w.out.reserve(
        ann.claims.iter().map(|c| c.text.len() + 96).sum::<usize>()
            + ann.quotes.iter().map(|q| q.text.len() + 160).sum::<usize>(),
    );
    w.raw("{\"version\":").uint(ann.version as usize);
    w.raw(",\"offsets\":").plain(ann.offsets.as_str());
    w.raw(",\"entities\":").list(&ann.entities, entity);
    w.raw(",\"quotes\":").list(&ann.quotes, quote);
    w.raw(",\"claims\":").list(&ann.claims, claim);
    w.raw(",\"sources\":").list(&ann.sources, source);
    w.raw("}");
    w.into_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn hundredths_are_written_as_the_formatter_writes_them() {
        for k in 0..=100u8 {
            let x = f32::from(k) / 100.0;
            let mut w = Writer::new();
            w.f32(x);
            let mut b = zmij::Buffer::new();
            assert_eq!(w.into_string(), b.format_finite(x), "{k}");
        }
        // Not hundredths: the formatter's digits.
        for x in [0.125f32, 0.333, 1.5, -0.25, 0.005, 2.0] {
            let mut w = Writer::new();
            w.f32(x);
            let mut b = zmij::Buffer::new();
            assert_eq!(w.into_string(), b.format_finite(x), "{x}");
        }
    }

    use super::*;

    fn same(ann: &Annotations) {
        let want = serde_json::to_string(ann).unwrap();
        assert_eq!(annotations(ann), want);
    }

    #[test]
    fn writes_what_serde_json_writes_on_every_fixture() {
        let mut n = 0;
        for text in crate::fixture_texts() {
            let ann = crate::annotate(&text);
            assert!(!ann.quotes.is_empty() && !ann.claims.is_empty());
            same(&ann);
            same(&ann.to_utf16(&text));
            n += 1;
        }
        assert!(n >= 5, "fixtures found: {n}");
    }

    /// The same on PolNeAR's 840 training articles, when the data is there (`../shared/data`
    /// or `$WHOSAID_DATA`): `cargo test --release -- --ignored json`.
    #[test]
    #[ignore = "needs the PolNeAR data; slow in debug builds"]
    fn writes_what_serde_json_writes_on_polnear() {
        let data = std::env::var("WHOSAID_DATA")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").into());
        let dir = std::path::Path::new(&data).join("polnear/train/text");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("no PolNeAR at {}", dir.display());
            return;
        };
        let mut n = 0;
        for entry in entries {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let ann = crate::annotate(&text);
            same(&ann);
            same(&ann.to_utf16(&text));
            n += 1;
        }
        eprintln!("{n} PolNeAR articles");
    }

    #[test]
    fn numbers_and_ids_are_what_format_writes() {
        let mut n: usize = 1;
        let mut cases = vec![0, 9, 10, 99, 100, 101, 999, 1000, 65_535, usize::MAX];
        while let Some(m) = n.checked_mul(7) {
            cases.extend([n - 1, n, n + 1]);
            n = m;
        }
        for n in cases {
            let mut s = String::from("x");
            push_uint(&mut s, n);
            assert_eq!(s, format!("x{n}"));
            assert_eq!(numbered('q', n), format!("q{n}"));
            let mut w = Writer::new();
            w.raw("x").uint(n);
            assert_eq!(w.into_string(), format!("x{n}"));
        }
    }

    /// Every byte that needs an escape, at every place in and around chunks of sixteen and
    /// eight, and several in one chunk.
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for b in (0u8..0x20).chain([b'"', b'\\', b'a', 0x7f]) {
            for len in 0..44 {
                for at in 0..len {
                    let mut t: Vec<u8> =
                        b"abcdefghij\"klmnopqrstuvwxyz0123456789\\ABCDEFG".to_vec();
                    t.truncate(len);
                    t[at] = b;
                    let t = String::from_utf8(t).unwrap();
                    let mut w = Writer::new();
                    w.str(&t);
                    assert_eq!(w.into_string(), serde_json::to_string(&t).unwrap(), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn escapes_and_numbers_match_serde_json() {
        let text = "He said \"no\" \\ twice:\u{1}\u{8}\u{c}\t\r\n\u{1f}\u{7f} “Ünïcödé 😀,” \
                    said Ms. Jane O'Neil, a spokeswoman. Prices rose 3.5% in 2019.";
        let mut ann = crate::annotate(text);
        same(&ann);
        ann.version = 4_000_000_000;
        for (i, q) in ann.quotes.iter_mut().enumerate() {
            q.confidence = [0.0, 1.0, 0.72, 0.7 * 0.8, f32::NAN, 1e-7, 3.4e38, -0.5][i % 8];
            q.speaker = None;
            q.cue = None;
        }
        ann.claims.push(Claim {
            id: "c\u{0}".into(),
            start: usize::MAX,
            end: 0,
            text: "\"\\/\u{2028}".into(),
            kind: ClaimKind::Accusation,
            score: f32::INFINITY,
            signals: vec![],
            quote: Some("q1".into()),
        });
        for (i, kind) in [
            ClaimKind::Quantity,
            ClaimKind::Comparison,
            ClaimKind::Causal,
            ClaimKind::Prediction,
            ClaimKind::Statement,
        ]
        .into_iter()
        .enumerate()
        {
            let mut c = ann.claims[0].clone();
            c.kind = kind;
            c.score = 0.01 * (i as f32 * 23.0);
            ann.claims.push(c);
        }
        for unit in [OffsetUnit::Utf8, OffsetUnit::Utf16, OffsetUnit::Chars] {
            ann.offsets = unit;
            same(&ann);
        }
        let all_sources = [
            SourceKind::Person,
            SourceKind::Organization,
            SourceKind::Unnamed,
            SourceKind::Unattributed,
        ];
        ann.sources = all_sources
            .into_iter()
            .map(|kind| SourceCount {
                kind,
                entity: None,
                name: Some("a \"source\"".into()),
                quotes: 3,
            })
            .collect();
        ann.entities.push(Entity {
            id: "e9".into(),
            name: "Acme".into(),
            kind: EntityKind::Organization,
            title: Some("the firm".into()),
            mentions: vec![],
        });
        same(&ann);
        same(&Annotations::default());
    }
}
