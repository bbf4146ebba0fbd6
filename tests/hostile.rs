//! Hostile inputs, one test each: empty and blank text, binary junk, 100 000 unbalanced quote
//! marks, quotes nested 1 000 deep, a million words with no punctuation, markup that must stay
//! text, and a 50 MB article. Each checks the offset contract (`tests/invariants/mod.rs`).
//!
//! Linear time is checked without wall-clock limits: `assert_linear` times the same input
//! shape at size n and 4n and requires the ratio to stay under 8 (a linear engine gives about
//! 4, a quadratic one about 16), taking the fastest of several runs and re-measuring once
//! before failing, so a busy machine does not make it flaky. The tests of this file run one
//! at a time (`serial`) so they do not skew each other's timings.
//!
//! The 50 MB test runs only in release builds (`cargo test --release --test hostile`): in a
//! debug build the engine does about 1 MB/s, so it would take over a minute. A 5 MB version of
//! it runs in every build.

mod articles;
mod invariants;

use invariants::annotate_checked;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Held for the whole of each test: timings are only comparable when nothing else runs.
fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// The dev articles (`tests/data/articles`, see `tests/articles/mod.rs`), joined.
fn corpus() -> String {
    let texts: Vec<String> = articles::dev_articles()
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    texts.join("\n\n")
}

/// `unit` repeated until the text is at least `bytes` long, separated by blank lines.
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len() + 2);
    while s.len() < bytes {
        s.push_str(unit);
        s.push_str("\n\n");
    }
    s
}

/// Deterministic pseudo-random bytes (xorshift64*), so failures reproduce.
fn junk(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

fn fastest(input: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(whosaid::annotate(std::hint::black_box(input)));
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// Fails if annotating `make(4 * n)` takes 8× or more as long as `make(n)` (scaled by the
/// actual sizes, for shapes that grow in steps).
fn assert_linear(name: &str, make: impl Fn(usize) -> String, n: usize) {
    // Release builds are ~10× faster: use bigger inputs so timings stay well above noise.
    let n = if cfg!(debug_assertions) { n } else { n * 8 };
    let small = make(n);
    let large = make(4 * n);
    annotate_checked(&small);
    let size = large.len() as f64 / small.len() as f64;
    let mut ratios = Vec::new();
    for runs in [2, 4] {
        let (a, b) = (fastest(&small, runs), fastest(&large, runs));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6) * 4.0 / size;
        eprintln!(
            "{name}: {} B in {a:?}, {} B in {b:?}, ratio {ratio:.2}",
            small.len(),
            large.len()
        );
        if ratio < 8.0 {
            return;
        }
        ratios.push(ratio);
    }
    panic!("{name}: 4× the input took {ratios:.1?}× the time (linear ≈ 4, quadratic ≈ 16)");
}

#[test]
fn empty_input_gives_empty_annotations() {
    let _serial = serial();
    let a = annotate_checked("");
    assert!(
        a.quotes.is_empty() && a.claims.is_empty() && a.entities.is_empty(),
        "{a:?}"
    );
    assert_eq!(
        a.clone().to_utf16(""),
        whosaid::Annotations {
            offsets: whosaid::OffsetUnit::Utf16,
            ..a
        }
    );
}

#[test]
fn whitespace_only_gives_empty_annotations() {
    let _serial = serial();
    for ws in [
        " ",
        "\n",
        "\r\n",
        "\t \n\n \r\n\r\n",
        "\u{a0}\u{2028}\u{2029}\u{3000}\u{200b}\u{feff}",
        "\u{85}\u{b}\u{c}",
    ] {
        for n in [1, 7, 10_000] {
            let s = ws.repeat(n);
            let a = annotate_checked(&s);
            assert!(
                a.quotes.is_empty() && a.claims.is_empty() && a.entities.is_empty(),
                "{ws:?} × {n}: {a:?}"
            );
        }
    }
}

#[test]
fn binary_data_decoded_lossily() {
    let _serial = serial();
    for seed in 1..=4u64 {
        let s = String::from_utf8_lossy(&junk(256 * 1024, seed)).into_owned();
        annotate_checked(&s);
    }
    // Bytes drawn from quote marks, letters, punctuation and the lead bytes of multi-byte
    // sequences: more of the engine's branches than uniform junk reaches.
    let alphabet: Vec<u8> = "\"'“”‘’«» .,:;!?\n\r\0AaJKz1—".bytes().collect();
    for seed in 1..=4u64 {
        let bytes: Vec<u8> = junk(256 * 1024, seed)
            .iter()
            .map(|b| alphabet[*b as usize % alphabet.len()])
            .collect();
        annotate_checked(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn a_hundred_thousand_unbalanced_quote_marks() {
    let _serial = serial();
    for mark in ["\"", "“", "”", "‘", "’", "'", "«", "»", "„"] {
        annotate_checked(&mark.repeat(100_000));
    }
    for mark in ["\"", "“", "'"] {
        annotate_checked(&format!("{mark}word ").repeat(100_000));
        annotate_checked(&format!("John Kirby said {mark}we are ready. ").repeat(10_000));
    }
    annotate_checked(&"“ ‘ « „ \" ' ".repeat(100_000 / 6));
    assert_linear("unbalanced \"", |n| "\"".repeat(n), 100_000);
    assert_linear("unbalanced “word", |n| "“word ".repeat(n), 25_000);
    assert_linear(
        "unbalanced said “",
        |n| "Kirby said “we are ready. ".repeat(n),
        4_000,
    );
}

/// `“‘“‘ … x … ’”’”` 1 000 levels deep, in each style of mark.
fn nested(depth: usize, open: &str, close: &str, inner: &str) -> String {
    format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn quotes_nested_a_thousand_deep() {
    let _serial = serial();
    for (open, close) in [
        ("“", "”"),
        ("‘", "’"),
        ("“‘", "’”"),
        ("\"", "\""),
        ("'", "'"),
        ("«", "»"),
        ("„", "“"),
        ("(", ")"),
    ] {
        annotate_checked(&nested(1_000, open, close, "x"));
        annotate_checked(&nested(
            1_000,
            &format!("{open}he said "),
            &format!("{close}, Kirby said. "),
            "we are ready",
        ));
    }
    assert_linear("nested “‘", |n| nested(n, "“‘", "’”", "x"), 10_000);
    assert_linear(
        "nested said",
        |n| nested(n, "“he said ", "”, Kirby said. ", "ready"),
        2_500,
    );
}

/// One paragraph of `n` words and no punctuation, from a vocabulary that keeps the speaker
/// and cue rules busy (names, titles, cue verbs, pronouns).
fn words(n: usize) -> String {
    const VOCAB: &[&str] = &[
        "the",
        "John",
        "Kirby",
        "said",
        "that",
        "he",
        "told",
        "reporters",
        "according",
        "to",
        "officials",
        "Pentagon",
        "press",
        "secretary",
        "will",
        "rise",
        "because",
        "more",
        "than",
        "Mr",
        "Lee",
        "spokesperson",
        "ministry",
        "we",
    ];
    let idx = junk(n, 7);
    let mut s = String::with_capacity(n * 7);
    for (i, b) in idx.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(VOCAB[*b as usize % VOCAB.len()]);
    }
    s
}

#[test]
fn a_million_words_without_punctuation() {
    let _serial = serial();
    let s = words(1_000_000);
    let a = annotate_checked(&s);
    eprintln!(
        "{} bytes: {} quotes, {} claims, {} entities",
        s.len(),
        a.quotes.len(),
        a.claims.len(),
        a.entities.len()
    );
    assert_linear("words without punctuation", words, 20_000);
    assert_linear("lower-case words", |n| "word ".repeat(n), 20_000);
    assert_linear("capitalised words", |n| "Kirby ".repeat(n), 20_000);
    assert_linear("name said", |n| "John Kirby said ".repeat(n), 8_000);
}

#[test]
fn markup_in_the_text_is_returned_as_text() {
    let _serial = serial();
    let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "javascript:alert(document.cookie)",
        "</style><script>alert(1)</script>",
        "<!-- x --><svg onload=alert(1)>",
        "&lt;script&gt; &amp; &#x3C;",
    ];
    for p in payloads {
        let text = format!("“We are ready {p} now,” said Pentagon press secretary John Kirby.\n\n{p}\n\nKirby said that {p} was 50% more dangerous.");
        let a = annotate_checked(&text);
        assert!(!a.quotes.is_empty(), "no quote found around {p:?}: {a:?}");
        assert!(
            a.quotes.iter().any(|q| q.text.contains(p)),
            "no quote carries the payload verbatim: {p:?}\n{:?}",
            a.quotes.iter().map(|q| &q.text).collect::<Vec<_>>()
        );
        // The JSON the CLI prints carries the same characters back (escaping is the reader's
        // business, and serde_json's round trip is lossless).
        let json = serde_json::to_string(&a).unwrap();
        let back: whosaid::Annotations = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
    }
}

#[test]
fn five_megabytes_of_articles() {
    let _serial = serial();
    let s = repeat_to(&corpus(), 5 << 20);
    let a = annotate_checked(&s);
    assert!(!a.quotes.is_empty());
    assert_linear("articles", |n| repeat_to(&corpus(), n), 100_000);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "50 MB takes over a minute in debug: run `cargo test --release --test hostile`"
)]
fn fifty_megabytes_of_articles() {
    let _serial = serial();
    let s = repeat_to(&corpus(), 50 << 20);
    let t = Instant::now();
    let a = annotate_checked(&s);
    eprintln!(
        "50 MB: {} quotes, {} claims, {} entities; annotate + checks {:?}",
        a.quotes.len(),
        a.claims.len(),
        a.entities.len(),
        t.elapsed()
    );
    assert!(!a.quotes.is_empty());
}
