//! Property tests: `annotate` never panics and keeps the offset contract (see
//! `tests/invariants/mod.rs`) on any text — arbitrary Unicode, a soup of the characters that
//! break offset code (emoji, CJK, combining marks, right-to-left, CRLF, NUL, every quote
//! mark), and article-like text built from a small grammar of names, cue verbs, quote marks
//! and paragraph breaks, which reaches deep into the quote and speaker rules.
//!
//! Case counts are modest so the suite stays quick in debug builds; set PROPTEST_CASES to run
//! more (e.g. `PROPTEST_CASES=20000 cargo test --release --test props`).

mod articles;
mod invariants;

use invariants::{annotate_checked, check, utf16_prefixes};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;

/// `annotate` + the offset contract, as a proptest failure (so shrinking stays quiet).
fn contract(s: &str) -> Result<whosaid::Annotations, TestCaseError> {
    let a = whosaid::annotate(s);
    check(s, &a).map_err(TestCaseError::fail)?;
    Ok(a)
}

fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases: n,
        ..ProptestConfig::default()
    }
}

/// Characters that stress offsets and quote pairing.
const TRICKY: &[char] = &[
    '"',
    '“',
    '”',
    '‘',
    '’',
    '\'',
    '«',
    '»',
    '„',
    '‹',
    '›',
    '(',
    ')',
    '[',
    ']',
    '—',
    '–',
    '-',
    '.',
    ',',
    ':',
    ';',
    '!',
    '?',
    '…',
    '\n',
    '\n',
    '\r',
    '\t',
    ' ',
    ' ',
    ' ',
    '\u{a0}',
    '\u{2028}',
    '\u{2029}',
    '\u{0}',
    '\u{feff}',
    '\u{200b}',
    '\u{200d}',
    '\u{301}',
    '\u{308}',
    '\u{20dd}',
    '😀',
    '👍',
    '🏽',
    '🇺',
    '🇸',
    '中',
    '国',
    '说',
    '「',
    '」',
    '『',
    '』',
    'ا',
    'ل',
    'ع',
    'ر',
    'ب',
    'ي',
    'ة',
    'ש',
    'ל',
    'ו',
    'ם',
    '\u{202e}',
    '\u{202c}',
    '\u{200f}',
    'é',
    'ß',
    'İ',
    'ǅ',
    'Σ',
    'a',
    'A',
    'M',
    'r',
    's',
    'z',
    '1',
    '9',
    '%',
    '$',
    '€',
    '\u{10ffff}',
    '\u{fffd}',
];

/// Pieces of news prose: names and titles, cue verbs, quote marks and the text between them.
const FRAGMENTS: &[&str] = &[
    "John Kirby",
    "Kirby",
    "Mr. Kirby",
    "Ms. Lee",
    "Dr. Anna Müller",
    "Pentagon press secretary John Kirby",
    "the Pentagon",
    "Reuters",
    "the ministry",
    "officials",
    "a spokesperson",
    "President Biden",
    "he",
    "she",
    "they",
    "It",
    "The",
    "We",
    "said",
    "says",
    "told Reuters",
    "told reporters",
    "according to",
    "said that",
    "added",
    "warned",
    "claimed",
    "denied",
    "insisted",
    "noted",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "We are ready",
    "this is not over",
    "5,000 troops",
    "3.5%",
    "more than ever",
    "because of the war",
    "will rise",
    "is expected to",
    "accused",
    "of fraud",
    ",",
    ".",
    ".",
    ":",
    "—",
    "(",
    ")",
    "?",
    "!",
    "…",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\n \n",
    "😀",
    "👩‍👩‍👧",
    "中国外交部发言人说",
    "「不」",
    "e\u{301}",
    "ñ",
    "مرحبا",
    "שלום",
    "\u{202e}",
    "\u{0}",
    "\u{feff}",
    "U.S.",
    "Gen.",
    "Jan. 5",
    "on Monday",
    "in a statement",
    "said in a statement",
    "he said.",
    "she added.",
    "Kirby said.",
    "said Kirby.",
    "“We are ready,” Kirby said.",
    "‘I don’t know,’ she said.",
    "«Non», a-t-il dit.",
    "„Ja“, sagte er.",
    "According to officials, the plan failed.",
];

fn char_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![4 => select(TRICKY), 1 => any::<char>()], 0..300)
        .prop_map(|v| v.into_iter().collect())
}

fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => select(FRAGMENTS).prop_map(String::from),
        1 => select(TRICKY).prop_map(String::from),
        1 => "[a-zA-Z]{1,12}",
    ];
    let sep = select(&[" ", " ", " ", "", "\n", ", "][..]);
    prop::collection::vec((piece, sep), 0..120).prop_map(|v| {
        v.into_iter()
            .flat_map(|(p, s)| [p, s.to_string()])
            .collect()
    })
}

proptest! {
    #![proptest_config(cases(512))]

    #[test]
    fn arbitrary_unicode_keeps_the_contract(s in any::<String>()) {
        contract(&s)?;
    }

    #[test]
    fn printable_text_keeps_the_contract(s in "\\PC{0,400}") {
        contract(&s)?;
    }

    #[test]
    fn tricky_characters_keep_the_contract(s in char_soup()) {
        contract(&s)?;
    }

    #[test]
    fn article_like_text_keeps_the_contract(s in article()) {
        contract(&s)?;
    }

    #[test]
    fn annotate_is_deterministic(s in prop_oneof![article(), char_soup()]) {
        let a = whosaid::annotate(&s);
        let b = whosaid::annotate(&s);
        prop_assert_eq!(a, b);
    }

    /// The oracle the invariants use agrees with the obvious quadratic definition.
    #[test]
    fn utf16_oracle_matches_encode_utf16(s in char_soup(), picks in prop::collection::vec(any::<prop::sample::Index>(), 0..20)) {
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        let offs: Vec<usize> = picks.iter().map(|p| *p.get(&bounds)).collect();
        let map = utf16_prefixes(&s, offs.iter().copied());
        for o in offs {
            prop_assert_eq!(map[&o], s[..o].encode_utf16().count());
        }
    }
}

proptest! {
    #![proptest_config(cases(256))]

    /// Leading spaces move every span and change nothing else: no rule may depend on absolute
    /// positions.
    #[test]
    fn leading_spaces_only_shift_offsets(s in article(), n in 1usize..4) {
        let pad = " ".repeat(n);
        let a = contract(&s)?;
        let b = contract(&format!("{pad}{s}"))?;
        prop_assert_eq!(shifted(a, n), b);
    }

    /// Windows line ends find the same quotes, speakers and claims as Unix ones.
    #[test]
    fn crlf_finds_what_lf_finds(s in article()) {
        let lf = s.replace("\r\n", "\n").replace('\r', "");
        let crlf = lf.replace('\n', "\r\n");
        let a = contract(&lf)?;
        let b = contract(&crlf)?;
        prop_assert_eq!(summary(&a), summary(&b));
    }
}

fn shifted(mut a: whosaid::Annotations, n: usize) -> whosaid::Annotations {
    for e in &mut a.entities {
        for m in &mut e.mentions {
            (m.start, m.end) = (m.start + n, m.end + n);
        }
    }
    for q in &mut a.quotes {
        (q.start, q.end) = (q.start + n, q.end + n);
        for p in q.cue.iter_mut().chain(q.source.iter_mut()) {
            (p.start, p.end) = (p.start + n, p.end + n);
        }
    }
    for c in &mut a.claims {
        (c.start, c.end) = (c.start + n, c.end + n);
    }
    a
}

/// What a reader sees, without offsets and with carriage returns dropped.
fn summary(a: &whosaid::Annotations) -> Vec<String> {
    let name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| a.entities.iter().find(|e| &e.id == id))
            .map(|e| e.name.replace('\r', ""))
    };
    let mut out: Vec<String> = a
        .quotes
        .iter()
        .map(|q| {
            format!(
                "quote {:?} {:?} by {:?} cue {:?}",
                q.kind,
                q.text.replace('\r', ""),
                name(&q.speaker),
                q.cue.as_ref().map(|c| c.text.replace('\r', ""))
            )
        })
        .collect();
    out.extend(
        a.claims
            .iter()
            .map(|c| format!("claim {:?} {:?}", c.kind, c.text.replace('\r', ""))),
    );
    out.extend(a.entities.iter().map(|e| {
        format!(
            "entity {:?} {:?} {:?} x{}",
            e.name.replace('\r', ""),
            e.kind,
            e.title.as_ref().map(|t| t.replace('\r', "")),
            e.mentions.len()
        )
    }));
    out
}

/// The real articles keep the contract, whole and cut at every 97th char boundary (cuts
/// land inside quotes, names and multi-byte characters' neighbours).
#[test]
fn real_articles_and_their_prefixes_keep_the_contract() {
    for (name, text) in articles() {
        annotate_checked(&text);
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(97).collect();
        for &c in &cuts {
            annotate_checked(&text[..c]);
            annotate_checked(&text[c..]);
        }
        eprintln!("{name}: {} bytes, {} cuts", text.len(), cuts.len());
    }
}

/// Ids follow first mention even when the first-mentioned person speaks last.
#[test]
fn entity_ids_follow_first_mention() {
    annotate_checked(
        "John Kirby met reporters.\n\n“It is sad,” said Anna Lee.\n\n“We are tired,” Kirby said.",
    );
}

/// One span names one entity, once: short forms, titles and groups named after someone
/// (`Obama administration officials`) must not make a second, overlapping mention.
#[test]
fn a_span_names_one_entity_once() {
    for s in [
        "The city’s Department of Environmental Protection said it was ready.\n\nEnvironmental Protection officials said the department repaired 75 breaks.",
        "Sanctions will end, Obama administration officials said.\n\nObama administration officials said that they had briefed Mr. Trump.",
        "President Obama officials said the plan failed.",
        "The plan failed, according to press secretary John Kirby officials.",
        "“We are ready,” said President Obama.\n\nObama administration officials said that they had briefed Mr. Trump.",
    ] {
        annotate_checked(s);
    }
}

/// A quote that opens its paragraph after `« ` and a line break keeps its speaker with CRLF.
#[test]
fn crlf_after_an_opening_mark_keeps_the_speaker() {
    let lf = "Mr Kirby came.\n\n« \nWe are ready, he said.";
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(
        summary(&annotate_checked(lf)),
        summary(&annotate_checked(&crlf))
    );
}

/// The real articles with Windows line ends give the same result as with Unix ones.
#[test]
fn real_articles_with_crlf_find_the_same() {
    for (name, text) in articles() {
        let lf = text.replace("\r\n", "\n");
        let crlf = lf.replace('\n', "\r\n");
        let a = summary(&annotate_checked(&lf));
        let b = summary(&annotate_checked(&crlf));
        assert_eq!(a, b, "{name}: CRLF changed the result");
    }
}

/// The dev articles (`tests/data/articles`, see `tests/articles/mod.rs`).
fn articles() -> Vec<(String, String)> {
    articles::dev_articles()
}
