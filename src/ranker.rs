//! The speaker ranker: the rules propose source phrases, a learned model picks one.
//!
//! Every rule that finds a quote's source looks at one construction — the subject of the
//! cue (`Kirby said`), the name after an inverted cue (`said Kirby`), the subject that a
//! participle shares (`he said, adding …`), a plain noun phrase (`the campaign said`), the
//! source of the quote before. On real news several fire at once and disagree. Here each
//! proposes its phrase as a [`Candidate`], described by a few [`FEATURES`] (which rules
//! proposed it, its shape, where it stands relative to the cue), and a logistic model
//! trained on PolNeAR's source spans (`train/ranker.py` → `src/tables/ranker.rs`) scores
//! them; the best one becomes the quote's source phrase. Small by design: one weight per
//! feature, a few hundred bytes in the wasm.

use crate::lexicon;
use crate::quotes::{self, CueSubject, RawQuote, Source};
use crate::segment::Document;
use crate::tables::ranker::WEIGHTS;
use crate::types::{QuoteKind, Span};

/// The proposing rules, in feature order.
pub const PROPOSERS: [&str; 7] = [
    "rule", "subject", "plain", "after", "shared", "previous", "sentence",
];

/// Names of the features, in the order of [`Candidate::features`] and of the weights.
pub const FEATURES: [&str; 21] = [
    "by_rule",
    "by_subject",
    "by_plain",
    "by_after",
    "by_shared",
    "by_previous",
    "by_sentence",
    "proposers",
    "pronoun",
    "name",
    "title",
    "group",
    "determiner",
    "length",
    "before_cue",
    "gap",
    "in_quote",
    "direct",
    "number",
    "bias",
    "crosses_clause",
];

/// A source phrase proposed for one quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub span: Span,
    pub features: [f32; FEATURES.len()],
}

/// How far back (in quotes) the `previous` proposer looks, and in paragraphs.
const PREVIOUS_PARAGRAPHS: usize = 2;

/// The candidates for quote `qi` (its own rule's phrase first, if any). Quotes without a cue
/// get none: they continue the speaker before them (see [`crate::entities`]).
pub fn candidates(doc: &Document, quotes: &[RawQuote], qi: usize) -> Vec<Candidate> {
    candidates_with(doc, quotes, qi, &mut None)
}

/// Proposed phrases with their proposer's feature ([`proposals`]).
type Proposals = [Option<(usize, Span)>; 5];

/// The phrases the proposers that read only the cue's sentence find for the cue verb at
/// token `v` — subject, plain, after, shared and sentence —, in the order [`candidates`]
/// proposes them; the subject is `subject` where the quote's finder found it
/// (`RawQuote::subject`).
fn proposals(doc: &Document, v: usize, subject: Option<Option<Span>>) -> Proposals {
    let si = doc.sentence_of(v);
    let first = doc.sentence(si).first;
    let last = doc.sentence(si).last;
    // A participle after a comma (`Trump said at a rally in San Diego, adding that …`) has
    // no subject of its own before it: the phrase there ends an adjunct.
    let participle = v > first && doc.tok(v).ends_with("ing") && doc.tok(v - 1) == ",";
    let before = |f: fn(&Document, usize, usize) -> Option<Span>| {
        (!participle).then(|| f(doc, v, first)).flatten()
    };
    [
        // (The subject, unless the quote's finder found it: `subject`.)
        (!participle)
            .then(|| subject.unwrap_or_else(|| quotes::subject_before(doc, v, first)))
            .flatten()
            .map(|s| (1, s)),
        before(quotes::plain_subject).map(|s| (2, s)),
        quotes::np_after(doc, v + 1, (v + 10).min(last)).map(|s| (3, s)),
        quotes::shared_subject(doc, v, first).map(|s| (4, s)),
        (first < v)
            .then(|| quotes::sentence_subject(doc, first, v))
            .flatten()
            .map(|s| (6, s)),
    ]
}

/// [`candidates`], with `cached`: the last cue verb's token and its [`proposals`] (quotes
/// that share a cue — `“…,” he said, “…”` — follow each other, and the proposers read the
/// cue's sentence only).
fn candidates_with(
    doc: &Document,
    quotes: &[RawQuote],
    qi: usize,
    cached: &mut Option<(usize, Proposals)>,
) -> Vec<Candidate> {
    let q = &quotes[qi];
    let Some(cue) = q.cue else { return Vec::new() };
    let v = doc
        .token_at_or_after(cue.start)
        .min(doc.tokens.len().saturating_sub(1));
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let proposed = match *cached {
        Some((cv, p)) if cv == v => p,
        _ => {
            let subject = match (q.subject, q.source) {
                (CueSubject::None, _) => Some(None),
                (CueSubject::Source, Source::Phrase(s)) => Some(Some(s)),
                _ => None,
            };
            let p = proposals(doc, v, subject);
            *cached = Some((v, p));
            p
        }
    };
    let rule = match q.source {
        Source::Phrase(s) => Some((0, s)),
        _ => None,
    };
    let para = doc.paragraph_at(q.span.start).unwrap_or(0);
    let prev = quotes[..qi]
        .iter()
        .rev()
        .take(8)
        .find_map(|p| match p.source {
            Source::Phrase(s) if s.end <= q.span.start => Some(s),
            _ => None,
        });
    let prev = prev
        .filter(|s| {
            doc.paragraph_at(s.start)
                .is_some_and(|p| p + PREVIOUS_PARAGRAPHS >= para)
        })
        .map(|s| (5, s));
    // (At most one phrase a proposer: an array, not a vector grown for each quote.)
    let mut found = [(0, Span::new(0, 0)); PROPOSERS.len()];
    let mut n_found = 0;
    for p in rule
        .into_iter()
        .chain(proposed[..4].iter().flatten().copied())
        .chain(prev)
        .chain(proposed[4])
    {
        found[n_found] = p;
        n_found += 1;
    }
    let found = &found[..n_found];
    let mut out: Vec<Candidate> = Vec::new();
    // (Proposers often agree: a phrase met before is tidied once. `found` holds at most one
    // phrase a proposer.)
    let mut tidied = [None; PROPOSERS.len()];
    for (n, &(k, span)) in found.iter().enumerate() {
        tidied[n] = match found[..n].iter().position(|&(_, s)| s == span) {
            Some(m) => tidied[m],
            None => tidy_at(doc, span),
        };
        let Some((span, a, b)) = tidied[n] else {
            continue;
        };
        if span.overlaps(cue) {
            continue;
        }
        match out.iter_mut().find(|c| c.span == span) {
            Some(c) => c.features[k] = 1.0,
            None => {
                let mut c = Candidate {
                    span,
                    features: describe(doc, q, cue, span, a, b),
                };
                c.features[k] = 1.0;
                out.push(c);
            }
        }
    }
    for c in &mut out {
        c.features[7] = c.features[..PROPOSERS.len()].iter().sum::<f32>() / PROPOSERS.len() as f32;
    }
    out
}

/// The phrase as a source, or `None` where it is none: a clause opened by a pronoun is that
/// pronoun (`he came away convinced` → `he`, `then he` → `he`); one opened by a
/// subordinating word (`While saying …`, `When …`) or cut inside a noun phrase
/// ([`cut_short`]) names no one.
pub(crate) fn tidy(doc: &Document, span: Span) -> Option<Span> {
    tidy_at(doc, span).map(|(s, _, _)| s)
}

/// [`tidy`], with the tidied phrase's words: tokens `a..b` (what [`describe`] reads; found
/// here, they are not searched for again by byte position).
fn tidy_at(doc: &Document, span: Span) -> Option<(Span, usize, usize)> {
    if span.is_empty() {
        return None;
    }
    let mut a = doc.token_at_or_after(span.start);
    let b = doc.tokens_before(span.end);
    if b <= a {
        return Some((span, a, a));
    }
    while a + 1 < b && matches!(doc.tok(a), "then" | "Then" | "and" | "And" | "but" | "But") {
        a += 1;
    }
    // A time or place before the subject is no part of it: `Yesterday the spokeswoman`, `On
    // Monday the mayor`, `Over the weekend the senator` (the subject opens at the last
    // article in the first few words, when no comma stands there).
    if doc.is_upper(a) && doc.is(a, crate::lexicon::LEX_LEAD | crate::lexicon::LEX_DAY) {
        let window = a + 1..b.min(a + 6);
        if !window.clone().any(|k| doc.tok(k) == ",") {
            if let Some(d) = window
                .rev()
                .find(|&k| matches!(doc.tok(k), "the" | "a" | "an"))
            {
                a = d;
            }
        }
    }
    let first = doc.tok(a);
    if matches!(
        first,
        "While"
            | "while"
            | "When"
            | "when"
            | "Although"
            | "although"
            | "Though"
            | "though"
            | "Because"
            | "because"
            | "If"
            | "if"
            | "Since"
            | "Until"
            | "Unless"
            | "Whether"
    ) {
        return None;
    }
    if b - a > 1
        && matches!(
            first,
            "he" | "she" | "they" | "we" | "He" | "She" | "They" | "We" | "I"
        )
    {
        return Some((doc.tokens[a].span(), a, a + 1));
    }
    (!cut_short(doc, a, b)).then(|| (Span::new(doc.tokens[a].span().start, span.end), a, b))
}

/// Words that open a sentence with a time or a place before its subject, besides a day
/// (`lexicon::LEX_DAY`) (sorted and lowercase; a compiled list: `lexicon::LEX_LEAD`).
pub(crate) const LEADS: &[&str] = &[
    "after",
    "also",
    "at",
    "before",
    "by",
    "during",
    "earlier",
    "in",
    "last",
    "later",
    "meanwhile",
    "now",
    "on",
    "over",
    "since",
    "this",
];

/// Does the phrase of tokens `a..b` stop in the middle of a noun phrase (`The French minister
/// of`, `Biden took aim at`, `Trump and his`)? A rule that walked past its clause proposed
/// it; it names no one.
fn cut_short(doc: &Document, a: usize, b: usize) -> bool {
    b > a
        && match doc.tok(b - 1) {
            "the" | "a" | "an" | "of" | "to" | "in" | "on" | "for" | "with" | "and" | "or"
            | "but" | "by" | "at" | "from" | "as" | "that" | "which" => true,
            // (A possessive alone is the owner — `her campaign said` — but not after more.)
            "his" | "her" | "their" | "its" | "my" | "our" => b - a > 1,
            _ => false,
        }
}

/// Shape and position features of one span, whose words are tokens `a..b` (the proposer
/// flags are set by the caller).
fn describe(
    doc: &Document,
    q: &RawQuote,
    cue: Span,
    span: Span,
    a: usize,
    b: usize,
) -> [f32; FEATURES.len()] {
    let mut f = [0.0; FEATURES.len()];
    // (The phrase's words are tokens a..b; their word lists were found at segmentation.)
    let n = b - a;
    let title = |k: usize| doc.is(k, lexicon::LEX_TITLE_WORD);
    let cap = |k: usize| doc.is_upper(k) && !doc.is(k, lexicon::LEX_NOT_NAME_WORD);
    f[8] = (n == 1 && lexicon::pronoun(doc.tok(a)).is_some()) as u8 as f32;
    f[9] = (a..b).any(|k| cap(k) && !title(k)) as u8 as f32;
    f[10] = (a..b).any(title) as u8 as f32;
    f[11] = (n > 0 && doc.is(b - 1, lexicon::LEX_GROUP_NOUN | lexicon::LEX_ORG_HEAD)) as u8 as f32;
    f[12] = (n > 0 && matches!(doc.tok(a), "the" | "a" | "an" | "The" | "A" | "An")) as u8 as f32;
    f[13] = (n as f32 / 10.0).min(3.0);
    f[14] = (span.end <= cue.start) as u8 as f32;
    let gap = if span.end <= cue.start {
        doc.tokens_before(cue.start).saturating_sub(b)
    } else {
        a.saturating_sub(doc.tokens_before(cue.end))
    };
    f[15] = (gap as f32 / 10.0).min(3.0);
    f[16] = span.overlaps(q.span) as u8 as f32;
    f[17] = (q.kind == QuoteKind::Direct) as u8 as f32;
    f[18] = (a..b).any(|k| doc.tok(k).starts_with(|c: char| c.is_ascii_digit())) as u8 as f32;
    f[19] = 1.0;
    // Another clause between the phrase and the cue (`Hicks found that many people … told
    // her`): the phrase is the subject of something else.
    let (lo, hi) = if span.end <= cue.start {
        (b, doc.token_at_or_after(cue.start))
    } else {
        (doc.tokens_before(cue.end), a)
    };
    f[20] = (lo..hi).any(|k| {
        let w = doc.tok(k);
        matches!(w, "that" | ";" | "who" | "which")
            || (w.starts_with(|c: char| c.is_lowercase()) && doc.is(k, lexicon::LEX_SPEECH_VERB))
    }) as u8 as f32;
    f
}

/// The model's score of a candidate (a logit).
pub fn score(c: &Candidate) -> f32 {
    c.features
        .iter()
        .zip(WEIGHTS.iter())
        .map(|(x, w)| x * w)
        .sum()
}

/// Gives every cued quote the source phrase the model ranks first (or none, where every
/// candidate scores below even odds and the rules had none either).
pub fn rerank(doc: &Document, quotes: &mut [RawQuote]) {
    let mut cached = None;
    for qi in 0..quotes.len() {
        let cands = candidates_with(doc, quotes, qi, &mut cached);
        let best = cands
            .iter()
            .map(|c| (score(c), c.span))
            .max_by(|x, y| x.0.total_cmp(&y.0));
        match best {
            Some((s, span)) if s >= 0.0 || matches!(quotes[qi].source, Source::Phrase(_)) => {
                quotes[qi].source = Source::Phrase(span);
            }
            // (The rule's own phrase, when no candidate stands, only if it is a phrase.)
            _ => {
                if let Source::Phrase(s) = quotes[qi].source {
                    quotes[qi].source = tidy(doc, s).map_or(Source::Unknown, Source::Phrase);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_cut_inside_a_noun_phrase_is_no_candidate() {
        let doc = Document::new("The French minister of Foreign Affairs and her campaign said.");
        assert!(cut_short(&doc, 0, 4)); // The French minister of
        assert!(!cut_short(&doc, 0, 6)); // The French minister of Foreign Affairs
        assert!(!cut_short(&doc, 7, 8)); // her
        assert!(cut_short(&doc, 6, 8)); // and her
    }

    #[test]
    fn a_clause_is_tidied_to_its_pronoun_or_dropped() {
        let doc = Document::new("then he came away convinced. While saying it, she left.");
        let all = |a: usize, b: usize| {
            Span::new(doc.tokens[a].span().start, doc.tokens[b - 1].span().end)
        };
        let t = |a: usize, b: usize| tidy(&doc, all(a, b)).map(|s| doc.slice(s).to_string());
        assert_eq!(t(0, 4).as_deref(), Some("he")); // then he came away
        assert_eq!(t(6, 8), None); // While saying
        assert_eq!(t(10, 11).as_deref(), Some("she"));
    }

    #[test]
    fn the_chosen_phrase_keeps_its_article() {
        let a = crate::annotate(
            "The senator was quick to add that the bill would fail. Yesterday the spokeswoman \
             said the plan was dead. On Monday the mayor said the city was safe. The CEO of \
             Acme Corp. said the deal was off.",
        );
        let phrases: Vec<&str> = a
            .quotes
            .iter()
            .filter_map(|q| q.source.as_ref().map(|p| p.text.as_str()))
            .collect();
        assert_eq!(
            phrases,
            [
                "The senator",
                "the spokeswoman",
                "the mayor",
                "The CEO of Acme Corp"
            ]
        );
    }

    #[test]
    fn the_finders_subject_is_the_one_the_ranker_would_find() {
        let doc = Document::new(
            "The senator said the bill would fail. Officials said on Monday that the plan was \
             dead, and the mayor argued it was safe. “We are ready,” he said.",
        );
        let raw = quotes::find(&doc);
        assert!(raw.iter().any(|q| q.subject != CueSubject::Unknown));
        let mut blind = raw.clone();
        for q in &mut blind {
            q.subject = CueSubject::Unknown;
        }
        for qi in 0..raw.len() {
            assert_eq!(candidates(&doc, &raw, qi), candidates(&doc, &blind, qi));
        }
    }

    #[test]
    fn one_weight_per_feature() {
        assert_eq!(WEIGHTS.len(), FEATURES.len());
    }

    #[test]
    fn the_subject_beside_the_cue_wins() {
        let text = "“We are ready,” Pentagon press secretary John Kirby said on Friday.";
        let doc = Document::new(text);
        let mut raw = quotes::find(&doc);
        rerank(&doc, &mut raw);
        let Source::Phrase(s) = raw[0].source else {
            panic!("no source: {raw:?}")
        };
        assert!(doc.slice(s).ends_with("John Kirby"), "{}", doc.slice(s));
    }
}
