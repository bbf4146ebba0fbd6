//! Cue words learned from data: which words introduce an attribution, in which frame.
//!
//! The hand-written lists in [`crate::lexicon`] hold the reporting verbs every article uses
//! (`said`, `told`, `according to`). News uses many more (`tweeted`, `insisted`, `found`,
//! `showed`, `predicted`), and whether a word reports someone depends on what follows it:
//! `found that …` is a finding, `found the keys` is not. [`probability`] answers from a table
//! mined from PolNeAR's 840 training articles (`train/cues.py` → `src/tables/cues.rs`): for
//! each word, the share of its occurrences that annotators marked as a cue, per [`Frame`].

use crate::segment::Document;

/// What follows a candidate cue word, the evidence the table is split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// `that` within the next four words, before any punctuation.
    That = 0,
    /// A quotation mark or colon right after it, or a comma and then a mark.
    Quote = 1,
    /// `to` right after it: an intention, a refusal, a prediction (`plans to …`, `declined
    /// to comment`, `is expected to win`).
    To = 2,
    /// Anything else.
    Clause = 3,
}

/// Probability at or above which a learned word counts as a cue in its frame.
pub const MIN_PROBABILITY: f32 = 0.5;

fn is_mark(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "«" | "»" | "„")
}

/// The frame of the word at token `i` (the same rule `train/cues.py` counts with).
pub fn frame_at(doc: &Document, i: usize) -> Frame {
    let n = doc.tokens.len();
    let tok = |k: usize| if k < n { doc.tok(k) } else { "" };
    let first = tok(i + 1);
    if is_mark(first) || first == ":" || (first == "," && is_mark(tok(i + 2))) {
        return Frame::Quote;
    }
    if first.eq_ignore_ascii_case("to") {
        return Frame::To;
    }
    for k in i + 1..(i + 5).min(n) {
        let w = doc.tok(k);
        if matches!(w, "," | ";" | "." | "!" | "?" | ":") || is_mark(w) {
            break;
        }
        if w.eq_ignore_ascii_case("that") {
            return Frame::That;
        }
    }
    Frame::Clause
}

/// The probability that `word` (any case; curly apostrophes allowed) introduces an
/// attribution in `frame`; 0 for words the table does not hold.
pub fn probability(word: &str, frame: Frame) -> f32 {
    let mut buf = [0u8; 32];
    let Some(key) = fold(word, &mut buf) else {
        return 0.0;
    };
    crate::lexicon::cue_row(key).map_or(0.0, |p| p[frame as usize])
}

/// [`probability`] of token `i`: its row of the table, found at segmentation
/// (`Document::info`), read instead of looked up again.
#[inline]
pub fn probability_at(doc: &Document, i: usize, frame: Frame) -> f32 {
    doc.info(i)
        .cue_probabilities()
        .map_or(0.0, |p| p[frame as usize])
}

/// Lowercases ASCII and maps `’` to `'` into `buf`; `None` for words the table cannot hold.
fn fold<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    let mut n = 0;
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        if !c.is_ascii() || n == buf.len() {
            return None;
        }
        buf[n] = c.to_ascii_lowercase() as u8;
        n += 1;
    }
    Some(&buf[..n])
}

/// Probability at or above which a learned word takes a bare clause (`insisted the deal
/// was dead`): higher than with `that`, since a bare object (`shows marks`) reads the same.
pub const MIN_BARE_CLAUSE: f32 = 0.7;

/// Probability at or above which a learned word takes a `to` complement as its content
/// (`declined to comment`): higher than [`MIN_PROBABILITY`], since the table's rarer `to`
/// rows rest on few occurrences.
pub const MIN_TO: f32 = 0.6;

/// Is the word at token `i` a learned cue in the frame it stands in? Only verbs report: a
/// word after a determiner or a possessive is a noun (`the statement that`, `his fears
/// that`), however often the noun sits inside a longer cue.
pub fn is_learned_cue(doc: &Document, i: usize) -> bool {
    // (The token's row of the table was found at segmentation: most words have none.)
    let Some(p) = doc.info(i).cue_probabilities() else {
        return false;
    };
    let frame = frame_at(doc, i);
    let min = match frame {
        Frame::Clause => MIN_BARE_CLAUSE,
        Frame::To => MIN_TO,
        Frame::That | Frame::Quote => MIN_PROBABILITY,
    };
    p[frame as usize] >= min && !(i > 0 && is_noun_marker(doc.tok(i - 1)))
}

/// A learned word as the cue of a direct quote (`“…,” Trump tweeted`, `he wrote: “…”`):
/// a verb (no determiner before it) that mostly reports in front of a quote or a clause.
pub fn is_learned_quote_cue(doc: &Document, i: usize) -> bool {
    let Some(p) = doc.info(i).cue_probabilities() else {
        return false;
    };
    let frame = frame_at(doc, i);
    p[frame as usize].max(p[Frame::Quote as usize]) >= MIN_PROBABILITY
        && !(i > 0 && is_noun_marker(doc.tok(i - 1)))
}

/// A determiner or possessive: the word after it is a noun (`those states`, `his claims`).
pub fn is_noun_marker(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "A"
            | "An"
            | "The"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "This"
    ) || w.ends_with("’s")
        || w.ends_with("'s")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::cues::CUES;

    /// `probability` (through the word-list table) answers as a binary search of the cue
    /// table would, for its words (in any case, with `’`) and for others.
    #[test]
    fn probability_is_the_table_s() {
        let search = |key: &str, f: usize| {
            CUES.binary_search_by(|(w, _)| w.cmp(&key))
                .map_or(0.0, |i| CUES[i].1[f])
        };
        let frames = [Frame::That, Frame::Quote, Frame::To, Frame::Clause];
        let mut words: Vec<String> = CUES.iter().map(|(w, _)| w.to_string()).collect();
        words.extend(
            CUES.iter()
                .map(|(w, _)| w.to_ascii_uppercase().replace('\'', "’")),
        );
        words.extend(
            [
                "",
                "the",
                "said",
                "Said",
                "wrote.",
                "déclaré",
                "x".repeat(40).as_str(),
            ]
            .map(String::from),
        );
        for w in &words {
            let key = w.to_ascii_lowercase().replace('’', "'");
            for (f, &frame) in frames.iter().enumerate() {
                let want = if key.is_ascii() && key.len() <= 32 {
                    search(&key, f)
                } else {
                    0.0
                };
                assert_eq!(probability(w, frame).to_bits(), want.to_bits(), "{w}");
            }
        }
    }

    #[test]
    fn table_is_sorted_and_lowercase() {
        for w in CUES.windows(2) {
            assert!(w[0].0 < w[1].0, "{} before {}", w[0].0, w[1].0);
        }
        assert!(CUES
            .iter()
            .all(|(w, _)| w.bytes().all(|b| !b.is_ascii_uppercase())));
    }

    #[test]
    fn frames_decide() {
        let doc = Document::new("The study found that wages rose. She found the keys.");
        let i = (0..doc.tokens.len())
            .find(|&i| doc.tok(i) == "found")
            .unwrap();
        assert_eq!(frame_at(&doc, i), Frame::That);
        assert!(is_learned_cue(&doc, i));
        let j = (i + 1..doc.tokens.len())
            .find(|&i| doc.tok(i) == "found")
            .unwrap();
        assert_eq!(frame_at(&doc, j), Frame::Clause);
        assert!(!is_learned_cue(&doc, j));
    }

    #[test]
    fn common_cues_are_learned() {
        for w in ["said", "says", "tweeted", "argued", "Said", "insisted"] {
            assert!(probability(w, Frame::That) >= MIN_PROBABILITY, "{w}");
        }
        assert_eq!(probability("table", Frame::That), 0.0);
        assert_eq!(probability("naïve", Frame::That), 0.0);
    }
}
