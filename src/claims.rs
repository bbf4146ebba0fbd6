//! Claims: the check-worthy assertions of an article, each with a kind, a score and the
//! signals that made it check-worthy.
//!
//! A claim is a sentence (without its final punctuation) that states something a
//! fact-checker could verify. Each sentence is read for signals — a number, a comparison, a
//! causal connective, a prediction, an accusation, a named entity, an attribution, a
//! reported event — and scored by a small linear model over them (weights below, chosen by
//! hand and documented, not fitted to any one article). Lines that are not prose — captions
//! and credits, bylines, bracketed promos, section labels, headlines without a full stop —
//! and questions are never claims.

use crate::lexicon::{
    LexBits, LEX_ACCUSATION_WORD, LEX_CAUSAL_WORD, LEX_COMPARISON_WORD, LEX_NOT_NAME_WORD,
    LEX_NUMBER_WORD, LEX_OPINION_WORD, LEX_PREDICTION_WORD,
};
use crate::segment::{Document, TokKind};
use crate::types::{Claim, ClaimKind, Quote, Span};

/// Minimum score for a sentence to be reported as a claim.
pub const THRESHOLD: f32 = 0.4;

/// Default score from which claims are *shown* (the page, the embed, the extension): the
/// lowest threshold at which claim precision on the dev gold (`tests/gold`) is at least 0.90,
/// found with `whosaid eval --claim-sweep tests/gold`. Every claim from [`THRESHOLD`] up is
/// still reported, with its score; this only decides what is marked by default.
pub const SHOW_THRESHOLD: f32 = 0.57;

/// Share of the rule score in the final score; the rest is the learned model's.
const W_RULES: f32 = 0.75;

/// Signal weights of the check-worthiness score.
const W_BASE: f32 = 0.25;
const W_NUMBER: f32 = 0.35;
const W_COMPARISON: f32 = 0.2;
const W_CAUSAL: f32 = 0.2;
const W_PREDICTION: f32 = 0.3;
const W_ACCUSATION: f32 = 0.3;
const W_ENTITY: f32 = 0.15;
const W_ATTRIBUTION: f32 = 0.1;
const W_EVENT: f32 = 0.15;
const W_OPINION: f32 = -0.2;

pub fn find(doc: &Document, quotes: &[Quote]) -> Vec<Claim> {
    let mut out = Vec::new();
    let _ = try_for_each(doc, quotes, |c| {
        out.push(c);
        Ok::<(), std::convert::Infallible>(())
    });
    out
}

/// The claims of [`find`], handed to `f` one by one in text order as they are found (so a
/// caller that writes them out never holds them all); stops at `f`'s first error.
pub fn try_for_each<E>(
    doc: &Document,
    quotes: &[Quote],
    mut f: impl FnMut(Claim) -> Result<(), E>,
) -> Result<(), E> {
    try_for_each_claim_of(doc, quotes, |c| f(c.clone()))
}

/// What the claims read of a quote: where it is, whether it is direct, and its id.
pub(crate) trait QuoteLike {
    fn start(&self) -> usize;
    fn end(&self) -> usize;
    fn is_direct(&self) -> bool;
    /// The quote's id, given its index in its list.
    fn id(&self, index: usize) -> String;
}

impl QuoteLike for Quote {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn is_direct(&self) -> bool {
        self.kind == crate::types::QuoteKind::Direct
    }
    fn id(&self, _: usize) -> String {
        self.id.clone()
    }
}

/// A claim as [`try_for_each_view_of`] finds it: its text borrowed from the document, its id,
/// signals and quote as numbers. What the CLI writes (`crate::json::claim_view`) without
/// building a [`Claim`] and its strings; [`ClaimView::fill`] makes the `Claim`.
pub(crate) struct ClaimView<'a> {
    /// The claim's number: its id is `c{number}`.
    pub number: usize,
    pub span: Span,
    pub text: &'a str,
    pub kind: ClaimKind,
    pub score: f32,
    /// The signals, as bits of [`SIGNALS`].
    pub signals: u16,
    /// The index of the claim's quote in the list the claims were found with.
    pub quote: Option<usize>,
}

impl ClaimView<'_> {
    /// The names of the claim's signals, in order.
    pub fn signals(&self) -> impl Iterator<Item = &'static str> + '_ {
        SIGNALS
            .iter()
            .enumerate()
            .filter(|&(k, _)| self.signals & (1 << k) != 0)
            .map(|(_, name)| *name)
    }

    /// Overwrites `claim` with this claim, its strings reused; `quotes` is the list the claim
    /// was found with (for its quote's id).
    pub fn fill<Q: QuoteLike>(&self, quotes: &[Q], claim: &mut Claim) {
        claim.id.clear();
        claim.id.push('c');
        crate::json::push_uint(&mut claim.id, self.number);
        claim.start = self.span.start;
        claim.end = self.span.end;
        claim.text.clear();
        claim.text.push_str(self.text);
        claim.kind = self.kind;
        claim.score = self.score;
        let mut n = 0;
        for name in self.signals() {
            match claim.signals.get_mut(n) {
                Some(s) => {
                    s.clear();
                    s.push_str(name);
                }
                None => claim.signals.push(name.to_string()),
            }
            n += 1;
        }
        claim.signals.truncate(n);
        claim.quote = self.quote.map(|k| quotes[k].id(k));
    }
}

/// [`try_for_each`] over any list of quotes sorted by start, each claim lent to `f` as a
/// [`Claim`]: one is refilled for every claim, its strings reused.
pub(crate) fn try_for_each_claim_of<Q: QuoteLike, E>(
    doc: &Document,
    quotes: &[Q],
    mut f: impl FnMut(&Claim) -> Result<(), E>,
) -> Result<(), E> {
    let mut claim = Claim {
        id: String::new(),
        start: 0,
        end: 0,
        text: String::new(),
        kind: ClaimKind::Statement,
        score: 0.0,
        signals: Vec::new(),
        quote: None,
    };
    try_for_each_view_of(doc, quotes, |c| {
        c.fill(quotes, &mut claim);
        f(&claim)
    })
}

/// The claims of [`try_for_each`] over any list of quotes sorted by start, each lent to `f`
/// as a [`ClaimView`] (nothing is allocated per claim).
pub(crate) fn try_for_each_view_of<Q: QuoteLike, E>(
    doc: &Document,
    quotes: &[Q],
    mut f: impl FnMut(&ClaimView) -> Result<(), E>,
) -> Result<(), E> {
    let mut count = 0usize;
    // The first quote starting at or after the end of the last span read (spans come in
    // text order).
    let mut near = 0;
    let mut junk: Vec<bool> = doc
        .paragraphs
        .iter()
        .map(|p| is_junk_paragraph(doc, *p))
        .collect();
    // A caption follows a `Photo` / `Image` label line.
    for (i, pair) in doc.paragraphs.windows(2).enumerate() {
        let label = doc.slice(pair[0]).trim();
        if matches!(
            label,
            "Photo" | "Image" | "Video" | "View photo" | "Photograph"
        ) {
            junk[i + 1] = true;
        }
    }
    for s in doc.sentences() {
        if junk[s.paragraph] {
            continue;
        }
        let Some((span, a, b)) = claim_span(doc, s.first, s.last) else {
            continue;
        };
        // (The span ends with its last token: `?` is that token.)
        if doc.tok_bytes(b - 1) == b"?" || ends_with_question(doc, s.first, s.last) {
            continue;
        }
        while near < quotes.len() && quotes[near].start() < span.end {
            near += 1;
        }
        let quote = quote_of(quotes, near, span);
        let Some((rule, kind, on)) = score_sentence(doc, a, b, quote.is_some()) else {
            continue;
        };
        // The learned model (ClaimBuster-trained, see `claims_model`) and the rules vote
        // together: the rules know news-article structure, the model knows what
        // fact-checkers found check-worthy.
        let text = doc.slice(span);
        let model = crate::claims_model::check_worthiness(text);
        let score = W_RULES * rule.min(1.0) + (1.0 - W_RULES) * model;
        if score < THRESHOLD {
            continue;
        }
        count += 1;
        f(&ClaimView {
            number: count,
            span,
            text,
            kind,
            score: (score.clamp(0.0, 1.0) * 100.0).round() / 100.0,
            signals: on | u16::from(model >= 0.5) << MODEL,
            quote,
        })?;
    }
    Ok(())
}

/// The index of the quote a claim at `span` lies in: the first direct quote overlapping it,
/// else the first quote of any kind. `near` is the index of the first quote starting at or
/// after `span.end`. Quotes are sorted by start and a quote spans at most a few paragraphs,
/// so only a bounded window before `near` is read.
fn quote_of<Q: QuoteLike>(quotes: &[Q], near: usize, span: Span) -> Option<usize> {
    let lo = near.saturating_sub(16);
    let mut first = None;
    for (k, q) in (lo..).zip(&quotes[lo..near]) {
        if span.start < q.end() {
            if q.is_direct() {
                return Some(k);
            }
            first = first.or(Some(k));
        }
    }
    first
}

fn ends_with_question(doc: &Document, a: usize, b: usize) -> bool {
    (a..b).rev().take(3).any(|i| doc.tok_bytes(i) == b"?")
}

/// The sentence span without its final punctuation and closing marks, and its token range.
fn claim_span(doc: &Document, a: usize, b: usize) -> Option<(Span, usize, usize)> {
    let mut e = b;
    let mut s = a;
    // (`\xE2\x80\xA6`: `…`.)
    while e > s
        && matches!(
            doc.tok_bytes(e - 1),
            b"." | b"!" | b"\xE2\x80\xA6" | b";" | b":"
        )
    {
        e -= 1;
    }
    // Leading dateline or section dash: `CAIRO — `, `LONDON — `.
    if e > s + 2
        && (doc.tok_is(s + 1, "—") || doc.tok_is(s + 1, "–"))
        && doc
            .tok(s)
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic())
    {
        s += 2;
    }
    (e > s).then(|| {
        (
            Span::new(doc.tokens[s].span().start, doc.tokens[e - 1].span().end),
            s,
            e,
        )
    })
}

/// Paragraphs that are not prose: captions, credits, bylines, promos, labels, headlines.
/// `p` is one of `doc.paragraphs` (its words are counted from the tokens starting in it).
pub(crate) fn is_junk_paragraph(doc: &Document, p: Span) -> bool {
    let t = doc.slice(p).trim();
    // (Only whether there are fewer than 12, 25 or 40 words matters.)
    let words = count_words(doc, p, 40);
    let last = t.chars().next_back().unwrap_or(' ');
    let ends_sentence = matches!(last, '.' | '!' | '?' | '”' | '"' | '’' | '\'' | ')');
    if t.starts_with('[') && t.ends_with(']') {
        return true;
    }
    // Captions announce where the picture is.
    const CAPTION_OPENERS: &[&str] = &[
        "Above,",
        "Above:",
        "Below,",
        "Clockwise",
        "Left,",
        "Left:",
        "Pictured",
        "Photograph:",
        "Photo:",
        "Right,",
        "Top,",
        "Top:",
    ];
    if CAPTION_OPENERS.iter().any(|o| t.starts_with(o)) {
        return true;
    }
    if !ends_sentence && words < 25 {
        return true; // labels, headlines, `Photo`, `Biz & IT —`, `Feb. 21, 2019`
    }
    if words >= 40 {
        return false;
    }
    // The phrases, and `by ` at the start, in the lowercased paragraph. Only two characters
    // lowercase to ASCII from outside it (`İ` → `i̇`, the Kelvin sign → `k`); without them
    // an ASCII phrase is in the lowercased text exactly where it is in the text, ignoring
    // ASCII case, and no copy is needed.
    let byline = |lower_starts_by: bool| lower_starts_by && words < 12;
    let h = t.as_bytes();
    match find_boiler(h) {
        Some(found) => found || byline(h.len() >= 3 && h[..3].eq_ignore_ascii_case(b"by ")),
        None => {
            let lower = crate::case::to_lowercase(t);
            BOILER.iter().any(|b| lower.contains(b)) || byline(lower.starts_with("by "))
        }
    }
}

/// Boilerplate phrases (lowercase ASCII, each starting with two letters) that make a short
/// paragraph a credit, a promo or a note rather than prose.
const BOILER: [&str; 15] = [
    "all rights reserved",
    "click here",
    "could not be reached",
    "credit",
    "declined to comment",
    "did not respond",
    "follow us",
    "getty images",
    "listen to",
    "photo:",
    "read more",
    "sign up",
    "source: supplied",
    "subscribe",
    "you can now",
];

/// Per byte, the phrases of [`BOILER`] whose first (`.0`) and second (`.1`) letter it is,
/// in either case, as bits; bit [`SPECIAL`] marks the first two bytes of `İ` (C4 B0) and of
/// the Kelvin sign (E2 84 AA), whose lowercase is ASCII.
const BOILER_LETTERS: ([u16; 256], [u16; 256]) = {
    let mut first = [0u16; 256];
    let mut second = [0u16; 256];
    let mut k = 0;
    while k < BOILER.len() {
        let b = BOILER[k].as_bytes();
        first[b[0] as usize] |= 1 << k;
        first[b[0].to_ascii_uppercase() as usize] |= 1 << k;
        second[b[1] as usize] |= 1 << k;
        second[b[1].to_ascii_uppercase() as usize] |= 1 << k;
        k += 1;
    }
    first[0xC4] |= 1 << SPECIAL;
    second[0xB0] |= 1 << SPECIAL;
    first[0xE2] |= 1 << SPECIAL;
    second[0x84] |= 1 << SPECIAL;
    (first, second)
};

/// The bit of [`BOILER_LETTERS`] past the phrases'.
const SPECIAL: usize = BOILER.len();
const _: () = assert!(SPECIAL < 16);

/// `doc.slice(p).split_whitespace().count()` for a paragraph `p`, counting no further than
/// `max`, from the tokens: they hold every character but whitespace, so a word is a run of
/// tokens with no space between them.
fn count_words(doc: &Document, p: Span, max: usize) -> usize {
    let mut n = 0;
    let mut end = usize::MAX;
    for t in &doc.tokens[doc.token_at_or_after(p.start)..] {
        let t = t.span();
        if t.start >= p.end || n == max {
            break;
        }
        n += usize::from(t.start != end);
        end = t.end;
    }
    n
}

/// Does `h` hold a phrase of [`BOILER`], ignoring ASCII case? `None` when it holds none but
/// holds `İ` or the Kelvin sign (whose lowercase is ASCII: the caller lowercases the text
/// then). One pass over the pairs of adjacent bytes; a phrase is compared only where its
/// first two letters stand, and a special character only where its first two bytes do.
fn find_boiler(h: &[u8]) -> Option<bool> {
    let (first, second) = &BOILER_LETTERS;
    let mut special = false;
    for i in 1..h.len() {
        let mut m = first[h[i - 1] as usize] & second[h[i] as usize];
        while m != 0 {
            let k = m.trailing_zeros() as usize;
            m &= m - 1;
            if k == SPECIAL {
                let i = i - 1;
                special |=
                    h[i..].starts_with(&[0xC4, 0xB0]) || h[i..].starts_with(&[0xE2, 0x84, 0xAA]);
                continue;
            }
            let i = i - 1;
            let n = BOILER[k].as_bytes();
            if h[i..].len() >= n.len() && h[i..i + n.len()].eq_ignore_ascii_case(n) {
                // (Also in the lowercased text, whatever else it holds.)
                return Some(true);
            }
        }
    }
    (!special).then_some(false)
}

/// A superlative in `-est` (`largest`, `fastest`), not one of the common words that only
/// end like one.
fn is_superlative(w: &[u8]) -> bool {
    w.len() > 5
        && w.ends_with(b"est")
        && crate::case::is_all_lowercase(w)
        && !matches!(
            w,
            b"interest"
                | b"protest"
                | b"honest"
                | b"forest"
                | b"suggest"
                | b"request"
                | b"invest"
                | b"arrest"
                | b"harvest"
                | b"contest"
        )
}

/// A word that tells of an event: a lowercase past form in `-ed`, or a form of `be`/`have`.
fn is_event_word(w: &[u8]) -> bool {
    (w.len() > 4 && w.ends_with(b"ed") && crate::case::is_all_lowercase(w))
        || matches!(
            w,
            b"is" | b"are" | b"was" | b"were" | b"has" | b"have" | b"had"
        )
}

/// Is the word before token `i` (`to`), within the sentence from token `a` and past any
/// punctuation, `failed`?
fn after_failed(doc: &Document, a: usize, i: usize) -> bool {
    (a..i)
        .rev()
        .find(|&j| doc.kind(j) != TokKind::Punct)
        .is_some_and(|j| doc.tok_bytes(j) == b"failed")
}

/// The signals of [`score_sentence`] and the model's vote, in the order a claim lists them
/// (bit `k` of its flags is `SIGNALS[k]`).
const SIGNALS: [&str; 10] = [
    "number",
    "comparison",
    "causal",
    "prediction",
    "accusation",
    "entity",
    "attribution",
    "event",
    "opinion",
    "model",
];

/// The bit of [`SIGNALS`] set when the learned model alone finds the sentence check-worthy
/// (its last entry).
const MODEL: usize = SIGNALS.len() - 1;

/// The rule score of the sentence of tokens `a..b` (`attribution`: it overlaps a quote), its
/// kind, and its signals as bits of [`SIGNALS`]; `None` when it has fewer than five words
/// (tokens that are not punctuation), too short to be a claim.
fn score_sentence(
    doc: &Document,
    a: usize,
    b: usize,
    attribution: bool,
) -> Option<(f32, ClaimKind, u16)> {
    // Two passes, each with little to keep track of. The first reads the facts stored for
    // each word (a token that is not punctuation): the word lists it is in (found once at
    // segmentation), its kind and its case; the second the few tests of a word's text, each
    // picked by the word's last byte and passed over once it holds or a list settles it.
    // (A currency sign is a punctuation token of its own: `$5` is a number by its digits.)
    let mut words = 0usize;
    let mut lists: LexBits = 0;
    let mut opinion = 0usize;
    let (mut number, mut entity) = (false, false);
    for i in a..b {
        let kind = doc.kind(i);
        if kind == TokKind::Punct {
            continue;
        }
        words += 1;
        let lex = doc.lex(i);
        lists |= lex;
        opinion += (lex & LEX_OPINION_WORD != 0) as usize;
        number |= kind == TokKind::Number;
        // (A capitalised word past the first that is not a common one.)
        entity |= i > a && kind == TokKind::Word && doc.is_upper(i) && lex & LEX_NOT_NAME_WORD == 0;
    }
    if words < 5 {
        return None;
    }
    let has = |bit: LexBits| lists & bit != 0;
    let (mut comparison, mut accusation) = (has(LEX_COMPARISON_WORD), has(LEX_ACCUSATION_WORD));
    let mut event = false;
    for i in a..b {
        // (Punctuation is one character, none of these letters; a number's text fails each
        // test.)
        let w = doc.tok_bytes(i);
        match w[w.len() - 1] {
            b't' if !comparison && w.len() > 5 => comparison = is_superlative(w),
            // `failed to act` blames someone; `the talks failed` does not.
            b'o' if !accusation && w == b"to" => accusation = after_failed(doc, a, i),
            // (Each event word of four bytes or more ends in `-ed`.)
            b'd' | b's' | b'e' if !event && (w.len() <= 4 || w.ends_with(b"ed")) => {
                event = is_event_word(w)
            }
            _ => {}
        }
    }
    let number = number || has(LEX_NUMBER_WORD);
    let causal = has(LEX_CAUSAL_WORD);
    let prediction = has(LEX_PREDICTION_WORD);

    let mut score = W_BASE;
    let mut on = 0u16;
    for (k, (flag, w)) in [
        (number, W_NUMBER),
        (comparison, W_COMPARISON),
        (causal, W_CAUSAL),
        (prediction, W_PREDICTION),
        (accusation, W_ACCUSATION),
        (entity, W_ENTITY),
        (attribution, W_ATTRIBUTION),
        (event, W_EVENT),
    ]
    .into_iter()
    .enumerate()
    {
        if flag {
            score += w;
            on |= 1 << k;
        }
    }
    if opinion > 0 {
        score += W_OPINION * opinion.min(2) as f32;
        on |= 1 << 8;
    }
    let kind = if accusation {
        ClaimKind::Accusation
    } else if number {
        ClaimKind::Quantity
    } else if comparison {
        ClaimKind::Comparison
    } else if causal {
        ClaimKind::Causal
    } else if prediction {
        ClaimKind::Prediction
    } else {
        ClaimKind::Statement
    };
    Some((score, kind, on))
}

#[cfg(test)]
mod tests {
    use crate::{annotate, ClaimKind};

    #[test]
    fn kinds_and_signals() {
        let a = annotate("The economy grew 3 percent last year. The drought caused crop failures across the region. The minister will resign next week, aides expect.");
        let kinds: Vec<_> = a.claims.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                ClaimKind::Quantity,
                ClaimKind::Causal,
                ClaimKind::Prediction
            ]
        );
        assert!(a.claims[0].signals.contains(&"number".to_string()));
        assert!(a.claims[0].text == "The economy grew 3 percent last year");
    }

    #[test]
    fn junk_questions_and_opinions_are_not_claims() {
        let t = "Photo\n\nCredit Ashraf Shazly/Agence France-Presse — Getty Images\n\n[Read: Why Tunisia suffers]\n\nWhat will happen to the whales now?\n\nI think it is beautiful and I love it.";
        let a = annotate(t);
        assert!(a.claims.is_empty(), "{:#?}", a.claims);
    }

    #[test]
    fn boilerplate_is_found_in_any_case_without_lowercasing() {
        // What the paragraph test did before it stopped copying the text: lowercase it, then
        // look for each phrase.
        let slow = |t: &str| {
            let lower = t.to_lowercase();
            super::BOILER.iter().any(|b| lower.contains(b))
        };
        for t in [
            "Getty Images / Reuters.",
            "GETTY IMAGES",
            "Please CLICK HERE to read.",
            "Please clic\u{212A} here to read.",
            "Please cl\u{130}ck here to read.",
            "İ could not be reached.",
            "He Could Not Be Reached, aides said.",
            "Source: Supplied",
            "sourcE: supplieD",
            "Photo: AP",
            "photo",
            "cr",
            "",
            "“Subscribe” — ’90s \u{212A}",
            "The talks failed, officials said.",
        ] {
            let fast = super::find_boiler(t.as_bytes());
            assert_eq!(fast.unwrap_or_else(|| slow(t)), slow(t), "{t:?}");
        }
    }

    #[test]
    fn words_are_counted_as_split_whitespace_does() {
        // Each paragraph of a text, counted from its tokens.
        let check = |t: &str, max: usize| {
            let doc = crate::segment::Document::new(t);
            for &p in &doc.paragraphs {
                let want = doc.slice(p).split_whitespace().count().min(max);
                assert_eq!(super::count_words(&doc, p, max), want, "{t:?}");
            }
        };
        for t in [
            "",
            "  ",
            "one",
            " two  words ",
            "a\u{a0}b\u{2003}c\td\x0be\u{85}f",
            "é ü 日本 ’90s",
            "“Quoted,” he said (twice)... U.S. $5,000 -- 3.5% don't\n\nnext—paragraph",
        ] {
            check(t, 40);
        }
        check(&"w ".repeat(100), 40);
        // Every mix of spaces, controls, letters and other characters, across chunk edges.
        let pieces = [
            " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1f", "!", "a", "é", "\u{a0}", "\u{2003}",
            "'", ".", "-", "1", ",",
        ];
        let mut seed = 0x2545_f491_u32;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                t.push_str(pieces[seed as usize % pieces.len()]);
            }
            for max in [3, 40] {
                check(&t, max);
            }
        }
    }

    #[test]
    fn claims_link_their_quote() {
        let a = annotate("“Sudan has killed 10 civilians in Darfur this week,” Reeves said.");
        assert_eq!(a.claims.len(), 1);
        assert_eq!(a.claims[0].quote.as_deref(), Some("q1"));
    }
}
