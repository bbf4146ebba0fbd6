//! Quotes: direct speech between quotation marks, and indirect (reported) speech.
//!
//! Direct quotes are found in three steps:
//! 1. **Marks.** Every quote character is classified from its neighbours: `“ „ «` open,
//!    `” »` close, a straight `"` opens after a space and closes before one, and `’`/`'`
//!    between letters (`Russia’s`), before digits (`’90s`) or after a plural `s` with no
//!    single quote open is an apostrophe, not a mark.
//! 2. **Pairing.** Double marks pair across a paragraph; a paragraph that opens a quote and
//!    does not close it continues into the next paragraph when that one opens with a mark
//!    (the multi-paragraph convention). Single marks pair only at top level (British style
//!    and headlines); inside a double quote they are nested quotes and stay part of it.
//! 3. **Speech or not.** A paired span is speech when a cue is attached (`“…,” X said`,
//!    `X said: “…”`), when a reporting verb earlier in the sentence introduces it (a partial
//!    quote), or when it reads as whole sentences. Short unattached spans (`so-called
//!    “metadata”`, titles, nicknames) are scare quotes and are not reported.
//!
//! Indirect quotes are the content clauses of reporting verbs outside direct quotes:
//! `X said (that) …`, `X told Y (that) …`, `according to X, …`, `…, X said.`, `adding that …`.
//!
//! Speakers are found here only as *source phrases* (the words naming who spoke, or a
//! pronoun, or "same as the previous quote"); [`crate::entities`] resolves them to entities.

use crate::cues;
use crate::lexicon;
use crate::segment::{Document, TokKind};
use crate::types::{QuoteKind, Span};

/// Who a quote's source phrase points at, before resolution to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Words naming the speaker (`Pentagon press secretary John Kirby`, `he`, `the source`).
    Phrase(Span),
    /// No cue of its own: continues the speaker of the quote before it.
    Previous,
    /// Nothing names a speaker.
    Unknown,
}

/// A quote before speakers are resolved to entities.
#[derive(Debug, Clone)]
pub struct RawQuote {
    pub span: Span,
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    pub source: Source,
    pub confidence: f32,
}

/// Longest stretch (in tokens) searched for a cue around a quote: attribution in news text
/// sits within a clause of the quote, and a bound keeps the search linear.
const CUE_WINDOW: usize = 14;

pub fn find(doc: &Document) -> Vec<RawQuote> {
    let spans = pair_marks(doc);
    // Which marks does this article quote speech in? Count the spans a cue attaches to.
    let cued = |double: bool| {
        spans
            .iter()
            .filter(|q| {
                q.double == double
                    && classify_direct(doc, q, false, false).is_some_and(|r| r.cue.is_some())
            })
            .count()
    };
    let singles_primary = spans.iter().any(|q| !q.double) && cued(false) > cued(true);
    let mut out: Vec<RawQuote> = Vec::new();
    let mut last_para = None;
    for qs in &spans {
        let para = doc.paragraph_at(qs.open);
        if let Some(q) = classify_direct(
            doc,
            qs,
            para.is_some() && para == last_para,
            singles_primary,
        ) {
            last_para = doc.paragraph_at(q.span.end);
            out.push(q);
        }
    }
    let direct: Vec<Span> = spans
        .iter()
        .map(|q| Span::new(q.open, q.close_end))
        .collect();
    // Indirect content is cut before a direct quote inside it, but not before scare quotes.
    // (Matched by start: a kept quote may end before its paired span's trailing comma.)
    let mut kept: Vec<usize> = out.iter().map(|q| q.span.start).collect();
    kept.sort_unstable();
    let mut accepted: Vec<Span> = spans
        .iter()
        .filter(|qs| kept.binary_search(&qs.content.start).is_ok())
        .map(|q| Span::new(q.open, q.close_end))
        .collect();
    accepted.sort();
    // Verbs already serving as the cue of a direct quote introduce no second quote.
    // (A partial quote's cue, far before it, still introduces its own content clause: `said
    // he was “appalled” that …`; partial quotes are the ones with confidence 0.8.)
    // A cue after a quote serves only that quote when the quote opens its sentence; after
    // a quote inside a sentence (`… against “criminals” in his entourage, a source told
    // Reuters`) it also reports the rest of the sentence.
    let opens_sentence = |q: &RawQuote| {
        doc.sentence_at(q.span.start).is_some_and(|si| {
            let s = doc.sentences[si];
            doc.tokens_before(q.span.start).saturating_sub(1) <= s.first
        })
    };
    let mut used: Vec<usize> = out
        .iter()
        .filter(|q| match q.cue {
            Some(c) if c.start > q.span.start => opens_sentence(q),
            Some(_) => q.confidence > 0.85,
            None => false,
        })
        .filter_map(|q| q.cue.map(|c| c.start))
        .collect();
    used.sort_unstable();
    let indirect = find_indirect(doc, &direct, &accepted, &used);
    out.extend(indirect);
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out
}

// ---------------------------------------------------------------------------------------
// Step 1 and 2: marks and pairing.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark between two non-spaces: closes if a quote is open, else opens.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    role: Role,
    double: bool,
}

/// A paired span of quoted text, before it is judged.
#[derive(Debug, Clone, Copy)]
pub struct QuotedSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Content: after the opening mark, before the closing mark.
    pub content: Span,
    /// Byte offset just past the closing mark (or the content end when unclosed).
    pub close_end: usize,
    pub double: bool,
    /// Closed by a mark (not cut at a paragraph end).
    pub closed: bool,
    /// Runs over more than one paragraph.
    pub multi_paragraph: bool,
}

fn classify(text: &str, pos: usize, c: char) -> Option<Mark> {
    let prev = text[..pos].chars().next_back();
    let next = text[pos + c.len_utf8()..].chars().next();
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–…".contains(n));
    let len = c.len_utf8();
    let m = |role, double| {
        Some(Mark {
            pos,
            len,
            role,
            double,
        })
    };
    match c {
        '“' | '„' | '«' | '‹' => {
            if !space_before && space_after && c == '“' {
                m(Role::Close, true)
            } else {
                m(Role::Open, c != '‹')
            }
        }
        '”' | '»' | '›' => {
            if space_before && !space_after && c == '”' {
                m(Role::Open, true)
            } else {
                m(Role::Close, c != '›')
            }
        }
        '"' => match (space_before, space_after) {
            (true, false) => m(Role::Open, true),
            (false, true) => m(Role::Close, true),
            (true, true) => None,
            (false, false) => {
                // `word"word`: after an opening punctuation mark it opens, else ambiguous.
                let p = prev.unwrap_or(' ');
                if "“‘'\"".contains(p) {
                    m(Role::Open, true)
                } else {
                    m(Role::Either, true)
                }
            }
        },
        '‘' | '’' | '\'' => {
            let p = prev.unwrap_or(' ');
            let n = next.unwrap_or(' ');
            if p.is_alphanumeric() && n.is_alphanumeric() {
                return None; // Russia’s, don't, rock’n’roll
            }
            if space_before && n.is_ascii_digit() {
                return None; // ’90s
            }
            if c == '‘' {
                return if space_after {
                    None
                } else {
                    m(Role::Open, false)
                };
            }
            if space_before && !space_after {
                return m(Role::Open, false);
            }
            if !space_before && space_after {
                return m(Role::Close, false);
            }
            if !space_before && !space_after && "“\"".contains(p) {
                return m(Role::Open, false);
            }
            if !space_before && !space_after && "”\"".contains(n) {
                return m(Role::Close, false);
            }
            None
        }
        _ => None,
    }
}

fn marks_in(text: &str, p: Span) -> Vec<Mark> {
    text[p.start..p.end]
        .char_indices()
        .filter(|(_, c)| {
            matches!(
                c,
                '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '‘' | '’' | '\''
            )
        })
        .filter_map(|(i, c)| classify(text, p.start + i, c))
        .collect()
}

/// Pairs the quote marks of the whole document into quoted spans.
pub fn pair_marks(doc: &Document) -> Vec<QuotedSpan> {
    let text = doc.text;
    let mut out = Vec::new();
    // The double quote currently open: (mark, paragraph index).
    let mut open: Option<(Mark, usize)> = None;
    let mut multi = false;
    let paras = &doc.paragraphs;
    let mut pi = 0;
    while pi < paras.len() {
        let p = paras[pi];
        let marks = marks_in(text, p);
        // A continuation paragraph opens with a mark that does not start a new quote.
        let mut skip_first = false;
        if let Some((_, opi)) = open {
            if opi < pi {
                match marks.first() {
                    Some(m) if m.pos == p.start && m.double && m.role != Role::Close => {
                        skip_first = true;
                        multi = true;
                    }
                    _ => {
                        // The open quote never closed and does not continue: cut it at the
                        // end of its paragraph.
                        let (om, _) = open.take().expect("checked");
                        let end = paras[opi_last(paras, p.start)].end;
                        push_span(&mut out, text, om, end, end, false, multi);
                        multi = false;
                    }
                }
            }
        }
        let mut depth = 0usize; // nested doubles inside the open quote
        let mut single_open: Option<Mark> = None;
        for (k, m) in marks.iter().enumerate() {
            if k == 0 && skip_first {
                continue;
            }
            if m.double {
                match (open.is_some(), m.role) {
                    (false, Role::Open | Role::Either) => {
                        open = Some((*m, pi));
                        single_open = None;
                    }
                    (true, Role::Open) => depth += 1,
                    (true, Role::Close | Role::Either) => {
                        if depth > 0 {
                            depth -= 1;
                        } else {
                            let (om, _) = open.take().expect("checked");
                            push_span(&mut out, text, om, m.pos, m.pos + m.len, true, multi);
                            multi = false;
                        }
                    }
                    (false, Role::Close) => {}
                }
            } else if open.is_none() {
                // Top-level single quotes.
                match m.role {
                    Role::Open | Role::Either => {
                        if single_open.is_none() {
                            single_open = Some(*m);
                        }
                    }
                    Role::Close => {
                        if let Some(om) = single_open.take() {
                            let content = Span::new(om.pos + om.len, m.pos);
                            // `’n’` and one-letter spans are not quotes.
                            if text[content.start..content.end]
                                .chars()
                                .filter(|c| c.is_alphanumeric())
                                .count()
                                > 1
                            {
                                out.push(QuotedSpan {
                                    open: om.pos,
                                    content,
                                    close_end: m.pos + m.len,
                                    double: false,
                                    closed: true,
                                    multi_paragraph: false,
                                });
                            }
                        }
                    }
                }
            }
        }
        pi += 1;
    }
    if let Some((om, _)) = open {
        let end = paras.last().map_or(om.pos, |p| p.end);
        push_span(&mut out, text, om, end, end, false, multi);
    }
    out.sort_by_key(|q| q.open);
    out
}

/// Index of the last paragraph that ends before `pos`.
fn opi_last(paras: &[Span], pos: usize) -> usize {
    paras.partition_point(|p| p.end <= pos).saturating_sub(1)
}

fn push_span(
    out: &mut Vec<QuotedSpan>,
    text: &str,
    om: Mark,
    end: usize,
    close_end: usize,
    closed: bool,
    multi: bool,
) {
    let start = om.pos + om.len;
    if end <= start {
        return;
    }
    let (a, b) = crate::segment::trim(text, start, end);
    if a >= b {
        return;
    }
    out.push(QuotedSpan {
        open: om.pos,
        content: Span::new(a, b),
        close_end,
        double: true,
        closed,
        multi_paragraph: multi,
    });
}

// ---------------------------------------------------------------------------------------
// Step 3: is a quoted span speech, and who is its source?

/// Verbs that, before `as “…”`, report how someone described a thing.
const DESCRIBING_VERBS: &[&str] = &[
    "branded",
    "characterised",
    "characterized",
    "decried",
    "denounced",
    "describe",
    "described",
    "describes",
    "hailed",
    "labeled",
    "labelled",
    "portrayed",
];

/// Words before a quoted span that make it a name, a title or a term, not speech.
const NAMING_WORDS: &[&str] = &[
    "as",
    "called",
    "coined",
    "dubbed",
    "entitled",
    "label",
    "labeled",
    "labelled",
    "named",
    "nicknamed",
    "phrase",
    "so-called",
    "term",
    "termed",
    "titled",
    "word",
    "words",
];

fn words_in(doc: &Document, s: Span) -> usize {
    let a = doc.token_at_or_after(s.start);
    let b = doc.tokens_before(s.end);
    (a..b.max(a))
        .filter(|&i| doc.tokens[i].kind != TokKind::Punct)
        .count()
}

/// `follows_quote`: a quote by someone was already found earlier in this paragraph, so a
/// quote with no cue of its own continues it (`“…,” Kirby said. “And we …”`).
fn classify_direct(
    doc: &Document,
    q: &QuotedSpan,
    follows_quote: bool,
    singles_primary: bool,
) -> Option<RawQuote> {
    let text = doc.text;
    // The comma before a closing mark belongs to the attribution (`“We are ready,” he
    // said`), not to what was said: the span ends before it.
    let mut content = q.content;
    let trimmed = text[content.start..content.end].trim_end_matches([',', ' ']);
    if !trimmed.is_empty() {
        content.end = content.start + trimmed.len();
    }
    let body = &text[q.content.start..q.content.end];
    let nwords = words_in(doc, content);
    if nwords == 0 {
        return None;
    }
    let last_char = body.trim_end().chars().next_back().unwrap_or(' ');
    let ends_like_speech = matches!(last_char, ',' | '.' | '!' | '?' | '…' | '—' | '-');
    let sentences_inside = body.matches(['.', '!', '?']).count();

    // Words right before the opening mark that name a term rather than introduce speech.
    let before_tok = doc.tokens_before(q.open);
    let prev_word = before_tok.checked_sub(1).map(|i| doc.tok(i)).unwrap_or("");
    let naming = lexicon::in_list(NAMING_WORDS, prev_word);

    // `was described as “heartbreaking” by the conservation department`: a passive verb of
    // description reports someone's words, with the agent (if any) as the source.
    // `Campaigners described the move as “a betrayal”`: the subject's words.
    let describing = (prev_word == "as")
        .then(|| {
            (before_tok.saturating_sub(6)..before_tok.saturating_sub(1))
                .rev()
                .find(|&k| lexicon::in_list(DESCRIBING_VERBS, doc.tok(k)))
        })
        .flatten();
    if let Some(v) = describing {
        let passive = v > 0
            && matches!(
                doc.tok(v - 1),
                "was" | "were" | "been" | "being" | "is" | "are"
            );
        let src = if passive {
            let k = doc.token_at_or_after(q.close_end);
            let by = (k..(k + 2).min(doc.tokens.len())).find(|&x| doc.tok(x) == "by");
            by.and_then(|x| np_after(doc, x + 1, (x + 10).min(doc.tokens.len())))
        } else {
            doc.sentence_at(doc.tokens[v].span().start)
                .and_then(|si| subject_before(doc, v, doc.sentences[si].first))
        };
        let cue = doc.tokens[v].span();
        return Some(RawQuote {
            span: content,
            kind: QuoteKind::Direct,
            cue: Some(cue),
            source: src.map_or(Source::Unknown, Source::Phrase),
            confidence: 0.7,
        });
    }
    let after = cue_after(doc, q);
    let before = cue_before(doc, q);
    // A short span in Title Case is a title or a name (`“Fox News Sunday,”`, `the “War On
    // Drugs”`), unless a cue introduces it right away (`chanted: “Lock Her Up”`).
    if is_title_like(doc, content) && before.is_none_or(|(_, _, dist)| dist != 0) {
        return None;
    }

    // Where the quote opens a paragraph and reads as sentences, a cue after it wins;
    // a cue before it wins for `X said: “…”` and for partial quotes.
    let (cue, source, conf) = match (after, before) {
        (Some((c, s)), _) if ends_like_speech || before.is_none() => (Some(c), s, 0.95),
        (_, Some((c, s, dist))) => {
            if naming && dist > 0 {
                return None;
            }
            (Some(c), s, if dist == 0 { 0.93 } else { 0.8 })
        }
        (Some((c, s)), None) => (Some(c), s, 0.9),
        (None, None) => {
            if naming {
                return None;
            }
            // `Cruz called Trump a “pathological liar”`, `likened the refugees to a
            // “vicious snake”`: a describing verb with a subject quotes the subject's words.
            if let Some((cue, src)) = describing_verb_before(doc, q) {
                return Some(RawQuote {
                    span: content,
                    kind: QuoteKind::Direct,
                    cue: Some(cue),
                    source: Source::Phrase(src),
                    confidence: 0.7,
                });
            }
            let starts_paragraph = doc
                .paragraph_at(q.open)
                .is_some_and(|pi| doc.paragraphs[pi].start == q.open);
            let speechlike = (nwords >= 6
                && (ends_like_speech || sentences_inside > 0 || !q.closed))
                || (starts_paragraph && nwords >= 3 && ends_like_speech)
                || q.multi_paragraph
                || (follows_quote && (nwords >= 3 || ends_like_speech));
            if !speechlike {
                return None;
            }
            (
                None,
                Source::Previous,
                if starts_paragraph { 0.75 } else { 0.6 },
            )
        }
    };
    // Single-quoted spans are titles and terms unless a cue attaches them to a speaker, or
    // the article quotes speech in single marks (British style) and this one continues it.
    if !q.double
        && cue.is_none()
        && !(singles_primary && (follows_quote || q.multi_paragraph || nwords >= 6))
    {
        return None;
    }
    // Short unattached-looking quotes with a cue far away in the sentence and no speech
    // shape are terms used by the writer (`a targeted operation against "criminals"`).
    if nwords <= 2
        && !ends_like_speech
        && conf < 0.9
        && !is_reported_partial(doc, q)
        && describing_verb_before(doc, q).is_none()
    {
        return None;
    }
    Some(RawQuote {
        span: content,
        kind: QuoteKind::Direct,
        cue,
        source,
        confidence: if q.closed { conf } else { conf * 0.8 },
    })
}

/// Is the span a short run of capitalised words, as titles of shows, books and campaigns
/// are? Small joining words (`of`, `the`, `and`) may stand between them.
fn is_title_like(doc: &Document, content: Span) -> bool {
    let a = doc.token_at_or_after(content.start);
    let b = doc.tokens_before(content.end);
    let words: Vec<&str> = (a..b)
        .map(|i| doc.tok(i))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric()))
        .count();
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the"
                | "a"
                | "an"
                | "and"
                | "in"
                | "on"
                | "for"
                | "to"
                | "at"
                | "with"
                | "&"
                | "is"
                | "it"
        )
    };
    let body = doc.slice(content);
    (2..=6).contains(&words.len())
        && caps >= 2
        && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) || small(w))
        && !body.trim_end_matches([',', ' ']).contains(['.', '!', '?', ','])
        // `I` is no title word, nor are all-capital shouts.
        && !words.iter().any(|w| *w == "I" || (w.len() > 3 && w.chars().all(|c| c.is_uppercase())))
}

/// Verbs that describe someone or something in the subject's words.
const QUOTING_DESCRIBERS: &[&str] = &[
    "branded",
    "call",
    "called",
    "calling",
    "calls",
    "characterized",
    "compared",
    "decried",
    "deemed",
    "denounced",
    "describe",
    "described",
    "describes",
    "describing",
    "dismissed",
    "hailed",
    "labeled",
    "labelled",
    "likened",
    "praised",
    "slammed",
];

/// For a short quoted phrase with no cue: a describing verb before it in its clause whose
/// subject is named (`Cruz called Trump a “liar”`), never a passive (`a box labeled “…”`).
fn describing_verb_before(doc: &Document, q: &QuotedSpan) -> Option<(Span, Span)> {
    if words_in(doc, q.content) > 8 {
        return None;
    }
    let b = doc.tokens_before(q.open);
    let si = doc.sentence_at(q.open)?;
    let lo = doc.sentences[si].first.max(b.saturating_sub(8));
    let v = (lo..b).rev().find(|&k| {
        let w = doc.tok(k);
        w.starts_with(|c: char| c.is_lowercase()) && lexicon::in_list(QUOTING_DESCRIBERS, w)
    })?;
    // No clause boundary or other quote between the verb and the mark.
    if (v + 1..b).any(|k| {
        matches!(doc.tok(k), "," | ";" | ":" | "." | "that" | "who" | "which")
            || is_quote_char_token(doc.tok(k))
    }) {
        return None;
    }
    if v > 0
        && matches!(
            doc.tok(v - 1),
            "is" | "was" | "were" | "are" | "be" | "been" | "being" | "so"
        )
    {
        return None;
    }
    let first = doc.sentences[si].first;
    let src = subject_before(doc, v, first)
        .or_else(|| plain_subject(doc, v, first))
        .or_else(|| shared_subject(doc, v, first))?;
    Some((doc.tokens[v].span(), src))
}

/// A short quoted phrase is a partial quote when a reporting verb introduces the clause
/// it sits in: `He vowed that the country would be “merciless”`.
fn is_reported_partial(doc: &Document, q: &QuotedSpan) -> bool {
    let b = doc.tokens_before(q.open);
    let Some(si) = doc.sentence_at(q.open) else {
        return false;
    };
    let s = doc.sentences[si];
    (s.first..b).any(|i| {
        let w = doc.tok(i);
        lexicon::is_speech_verb(w) && !lexicon::is_weak_speech_verb(w) && {
            let next = doc.tokens.get(i + 1).map(|_| doc.tok(i + 1)).unwrap_or("");
            next == "that" || i + 1 < b
        }
    })
}

/// Is token `i` a speech cue? Strong verbs always; weak ones (`reports`, `notes`) only when
/// a quote mark or comma is right next to them or `that` follows.
fn is_cue_token(doc: &Document, i: usize) -> bool {
    let w = doc.tok(i);
    if !lexicon::is_speech_verb(w) {
        // Beyond the list, a lowercase word the learned table gives as a cue in its frame
        // (`tweeted`, `recalled`, `wrote`).
        return w.starts_with(|c: char| c.is_lowercase()) && cues::is_learned_quote_cue(doc, i);
    }
    // Capitalised mid-sentence forms are names (`Post`, `Reports`), not verbs.
    let first = w.chars().next().unwrap_or('a');
    if first.is_uppercase() && i > 0 && doc.tokens[i - 1].sentence() == doc.tokens[i].sentence() {
        let prev = doc.tok(i - 1);
        if !matches!(prev, "”" | "\"" | "," | "’" | "'") {
            return false;
        }
    }
    if !lexicon::is_weak_speech_verb(w) {
        return true;
    }
    // A weak verb is a cue right after a closing mark or comma, or before `that`/`:`.
    let prev = if i > 0 { doc.tok(i - 1) } else { "" };
    let next = if i + 1 < doc.tokens.len() {
        doc.tok(i + 1)
    } else {
        ""
    };
    matches!(prev, "”" | "\"" | "," | "’" | "'" | "»")
        || matches!(next, "that" | ":")
        || (next == "out" && w.starts_with("point"))
}

/// The cue after a quote: `“…,” X said`, `“…,” said X, …`, `“…,” according to X`.
/// Returns the cue span and the source.
fn cue_after(doc: &Document, q: &QuotedSpan) -> Option<(Span, Source)> {
    let start = doc.token_at_or_after(q.close_end);
    let para = doc.paragraph_at(q.content.start.max(q.open))?;
    let pend = doc.paragraphs[para].end;
    let mut end = start;
    // (A period inside brackets ends nothing: `Rep. Gwen Moore (D-Wis.) said`.)
    let mut depth = 0usize;
    while end < doc.tokens.len() && end - start < CUE_WINDOW && doc.tokens[end].span().start < pend
    {
        let w = doc.tok(end);
        match w {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ => {}
        }
        if is_quote_char_token(w)
            || (end > start
                && depth == 0
                && matches!(w, "." | "!" | "?" | ";")
                && !is_name_dot(doc, end))
        {
            break;
        }
        end += 1;
    }
    // A dash and a name after the quote sign it (vox pops, epigraphs): `“…” ― Carlos Raúl`.
    if start < end && matches!(doc.tok(start), "―" | "—" | "–") {
        let np = np_after(doc, start + 1, end)?;
        let first = doc.token_at_or_after(np.start);
        if doc.tok(first).starts_with(|c: char| c.is_uppercase()) {
            return Some((doc.tokens[start].span(), Source::Phrase(np)));
        }
    }
    // The attribution must come right after the quote: `“…” he said`, `“…,” X, a …, said`.
    let window = start..end;
    let mut verb = None;
    for i in window.clone() {
        let w = doc.tok(i);
        if w.eq_ignore_ascii_case("according")
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|_| doc.tok(i + 1) == "to")
        {
            let np = source_after_according(doc, i + 2, end);
            return np.map(|np| {
                (
                    Span::new(doc.tokens[i].span().start, doc.tokens[i + 1].span().end),
                    Source::Phrase(np),
                )
            });
        }
        if is_cue_token(doc, i) || (lexicon::is_speech_verb(w) && i == start) {
            verb = Some(i);
            break;
        }
    }
    let v = verb?;
    let cue = doc.tokens[v].span();
    if v == start || (v == start + 1 && doc.tok(start) == ",") {
        // Inverted: `said X` — the source follows the verb.
        let np = np_after(doc, v + 1, end.max(v + 1).min(doc.tokens.len()))?;
        return Some((cue, Source::Phrase(np)));
    }
    // `X said` — the source sits between the quote and the verb, maybe with an appositive:
    // `Parata, a fierce elder, says`. Take the first comma-separated chunk.
    let mut a = start;
    while a < v && matches!(doc.tok(a), "," | "—" | "–" | "-") {
        a += 1;
    }
    let mut b = a;
    while b < v && doc.tok(b) != "," && doc.tok(b) != "(" {
        b += 1;
    }
    let np_ok = |a: usize, b: usize| {
        a < b && b - a <= 8 && looks_like_np(doc, a, b) && (a..b).all(|k| is_np_token(doc, k))
    };
    if !np_ok(a, b) {
        // `“…” in that law, Azzouz said`: a short adjunct, then the source right before the
        // verb.
        let Some(c) = (a..v).rev().find(|&k| doc.tok(k) == ",") else {
            // `“…,” the 34-year-old mother of three replied`: any plain noun phrase.
            return plain_subject(doc, v, a.saturating_sub(1))
                .map(|np| (cue_with_object(doc, v), Source::Phrase(np)));
        };
        let (a2, b2) = (c + 1, v);
        if c - a > 5 || !np_ok(a2, b2) {
            return None;
        }
        return Some((
            cue_with_object(doc, v),
            Source::Phrase(Span::new(
                doc.tokens[a2].span().start,
                doc.tokens[b2 - 1].span().end,
            )),
        ));
    }
    Some((
        cue_with_object(doc, v),
        Source::Phrase(Span::new(
            doc.tokens[a].span().start,
            doc.tokens[b - 1].span().end,
        )),
    ))
}

/// The cue span for verb `v`, extended over `told` + object where that reads as one cue
/// (`told Fox News`).
fn cue_with_object(doc: &Document, v: usize) -> Span {
    doc.tokens[v].span()
}

fn is_quote_char_token(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "«" | "»" | "„")
}

/// The source after `according to`: a name (`np_after`), else any short noun phrase up to
/// the next punctuation (`according to the data`, `according to exit polls`, `according to
/// her account`) — the source phrase as written, even when it names nobody.
fn source_after_according(doc: &Document, a: usize, end: usize) -> Option<Span> {
    np_after(doc, a, end).or_else(|| {
        let end = end.min(doc.tokens.len());
        let mut b = a;
        while b < end && b - a < 12 {
            let w = doc.tok(b);
            if matches!(w, "," | "." | ";" | ":" | "(" | ")" | "—" | "–" | "!" | "?")
                || is_quote_char_token(w)
            {
                break;
            }
            if matches!(
                w,
                "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would" | "that"
            ) {
                return None;
            }
            b += 1;
        }
        (b > a && b - a < 12)
            .then(|| Span::new(doc.tokens[a].span().start, doc.tokens[b - 1].span().end))
    })
}

/// The noun phrase starting at token `a` (before `end`): `Patrick McHugh` in
/// `said Patrick McHugh, vice president of …`; stops at a comma, a verb-like lowercase
/// word after the name, or a clause boundary.
pub(crate) fn np_after(doc: &Document, a: usize, end: usize) -> Option<Span> {
    // `said of Mrs. Clinton's plan`: what follows a preposition is a topic, not a source.
    if a < doc.tokens.len() && is_preposition(doc.tok(a)) {
        return None;
    }
    let mut b = a;
    let end = end.min(doc.tokens.len());
    while b < end {
        let w = doc.tok(b);
        if (matches!(w, "," | "." | ";" | ":" | "(" | ")" | "—" | "–") || is_quote_char_token(w))
            && !is_name_dot(doc, b)
        {
            break;
        }
        if b > a
            && (w == "who"
                || w == "in"
                || w == "on"
                || w == "at"
                || w == "during"
                || w == "after"
                || w == "when"
                || w == "that"
                || w == "as")
        {
            break;
        }
        b += 1;
        if b - a >= 8 {
            break;
        }
    }
    (b > a && looks_like_np(doc, a, b))
        .then(|| Span::new(doc.tokens[a].span().start, doc.tokens[b - 1].span().end))
}

/// Is token `k` the period of an initial or a suffix inside a name (`C. Eugene Steuerle`,
/// `Janet L. Yellen`, `Martin Luther King Jr.`)?
pub(crate) fn is_name_dot(doc: &Document, k: usize) -> bool {
    if k == 0 || k >= doc.tokens.len() || doc.tok(k) != "." {
        return false;
    }
    let prev = doc.tok(k - 1);
    let mut c = prev.chars();
    let initial = c.next().is_some_and(|c| c.is_uppercase()) && c.next().is_none();
    let next_cap =
        k + 1 < doc.tokens.len() && doc.tok(k + 1).starts_with(|c: char| c.is_uppercase());
    (initial && next_cap) || matches!(prev, "Jr" | "Sr")
}

/// Can token `k` be part of a source phrase? Names, titles, determiners, modifiers,
/// possessives and the small words that join them — not arbitrary verbs or nouns.
fn is_np_token(doc: &Document, k: usize) -> bool {
    if is_name_dot(doc, k) {
        return true;
    }
    let w = doc.tok(k);
    let c = w.chars().next().unwrap_or(' ');
    (c.is_uppercase() && !lexicon::is_not_name_word(w))
        || lexicon::pronoun(w).is_some()
        || lexicon::is_title_word(w)
        || is_group_noun(w)
        || is_modifier(w)
        || matches!(
            w,
            "the"
                | "a"
                | "an"
                | "of"
                | "for"
                | "and"
                | "at"
                | "'s"
                | "’s"
                | "-"
                | "The"
                | "A"
                | "An"
        )
        || w.ends_with("-based")
        || (c.is_uppercase() && (w.ends_with("’s") || w.ends_with("'s")))
}

/// Could tokens `a..b` name a speaker? Needs a capitalised word, a pronoun, or a
/// determiner with a role noun (`the source`, `officials`).
fn looks_like_np(doc: &Document, a: usize, b: usize) -> bool {
    if a >= b {
        return false;
    }
    let words: Vec<&str> = (a..b).map(|i| doc.tok(i)).collect();
    if words.len() == 1 && lexicon::pronoun(words[0]).is_some() {
        return true;
    }
    // A strong speech verb inside means a clause, not a phrase (weak ones are nouns too:
    // `the explanatory notes of the Bill`).
    if words.iter().any(|w| {
        lexicon::is_speech_verb(w)
            && !lexicon::is_weak_speech_verb(w)
            && w.chars().next().is_some_and(|c| c.is_lowercase())
    }) {
        return false;
    }
    words.iter().any(|w| {
        let c = w.chars().next().unwrap_or(' ');
        (c.is_uppercase() && !lexicon::is_not_name_word(w))
            || lexicon::is_title_word(w)
            || is_group_noun(w)
    }) || lexicon::is_org_head(words[words.len() - 1])
}

/// Plural and generic nouns that name a source group (`officials`, `police`, `experts`).
pub fn is_group_noun(w: &str) -> bool {
    const GROUP: &[&str] = &[
        "activists",
        "analysts",
        "authorities",
        "campaigners",
        "critics",
        "diplomats",
        "experts",
        "investigators",
        "lawmakers",
        "leaders",
        "observers",
        "officials",
        "opponents",
        "organisers",
        "organizers",
        "prosecutors",
        "protesters",
        "researchers",
        "residents",
        "scientists",
        "source",
        "sources",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "supporters",
        "witnesses",
    ];
    lexicon::in_list(GROUP, w)
}

/// The cue before a quote in the same sentence: `X said: “…”`, `X said it appears that “…”`.
/// Returns the cue, the source and the distance in tokens between the cue and the mark
/// (0 for `said: “` / `said, “`).
fn cue_before(doc: &Document, q: &QuotedSpan) -> Option<(Span, Source, usize)> {
    let b = doc.tokens_before(q.open);
    let si = doc.sentence_at(q.open)?;
    let s = doc.sentences[si];
    let lo = s.first.max(b.saturating_sub(CUE_WINDOW * 2));
    if b <= lo {
        return None;
    }
    // The nearest reporting verb before the mark, not inside another quote.
    let mut v = None;
    let mut i = b;
    while i > lo {
        i -= 1;
        let w = doc.tok(i);
        if is_quote_char_token(w) {
            break;
        }
        if w.eq_ignore_ascii_case("according")
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|_| doc.tok(i + 1) == "to")
        {
            let np = source_after_according(doc, i + 2, b);
            let cue = Span::new(doc.tokens[i].span().start, doc.tokens[i + 1].span().end);
            return Some((cue, np.map_or(Source::Unknown, Source::Phrase), b - i - 2));
        }
        if is_cue_token(doc, i) {
            v = Some(i);
            break;
        }
    }
    let v = v?;
    let mut dist = b - v - 1;
    // `said:` / `said,` / `told Reuters:` right before the mark count as adjacent.
    let between: Vec<&str> = (v + 1..b).map(|k| doc.tok(k)).collect();
    if between.last().is_some_and(|w| *w == ":" || *w == ",") && between.len() <= 4 {
        dist = 0;
    }
    let src = subject_before(doc, v, s.first)
        .or_else(|| {
            // Inverted order before a quote: `said Kirby: “…”`.
            np_after(doc, v + 1, b)
        })
        .or_else(|| plain_subject(doc, v, s.first))
        .or_else(|| shared_subject(doc, v, s.first));
    Some((
        doc.tokens[v].span(),
        src.map_or(Source::Unknown, Source::Phrase),
        dist,
    ))
}

/// Steps back from the verb at `v` over auxiliaries and adverbs (`has said`, `also said`,
/// `later told`, `repeatedly says`) to where its subject must end.
fn skip_aux_back(doc: &Document, v: usize, lo: usize) -> usize {
    let mut e = v;
    // Skip auxiliaries and adverbs: `has said`, `also said`, `later told`.
    while e > lo && {
        let w = doc.tok(e - 1);
        matches!(
            w,
            "has"
                | "have"
                | "had"
                | "also"
                | "later"
                | "then"
                | "once"
                | "again"
                | "further"
                | "is"
                | "are"
                | "was"
                | "were"
                | "would"
                | "will"
                | "did"
                | "does"
                | "do"
                | "should"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "still"
                | "even"
                | "often"
                | "never"
                | "always"
                | "first"
                | "all"
                | "both"
                | "too"
        ) || (w.len() > 4
            && w.ends_with("ly")
            && w.chars().all(|c| c.is_lowercase())
            // (`the daily said`: after a determiner, a noun.)
            && !(e >= 2 && matches!(doc.tok(e - 2), "the" | "The" | "a" | "A" | "its" | "their")))
    } {
        e -= 1;
    }
    // A party label or age in brackets after the name: `Gov. Pat McCrory (R) said`,
    // `Rep. Jason Chaffetz (R-Utah) said`.
    if e > lo + 1 && doc.tok(e - 1) == ")" {
        if let Some(open) = (e.saturating_sub(8).max(lo)..e - 1)
            .rev()
            .find(|&k| doc.tok(k) == "(")
        {
            if open > lo {
                e = open;
            }
        }
    }
    e
}

/// The subject of a reporting verb when it is not a name or a role: the words from the
/// start of its clause to the verb, when they read as a noun phrase (`The Clinton campaign
/// said`, `A Clinton ally suggested`, `Twenty-four percent said`, `Cement makers argue`).
/// Clause starts are the sentence start, punctuation, quotation marks and conjunctions; a
/// stretch that opens with a preposition (an adjunct) or holds a verb is no subject.
pub fn plain_subject(doc: &Document, v: usize, lo: usize) -> Option<Span> {
    let e = skip_aux_back(doc, v, lo);
    let mut a = e;
    while a > lo {
        let w = doc.tok(a - 1);
        if matches!(w, "," | ";" | ":" | "—" | "–" | "(" | ")" | "." | "!" | "?")
            || is_quote_char_token(w)
            || is_clause_joiner(w)
        {
            break;
        }
        a -= 1;
        if e - a > 8 {
            return None;
        }
    }
    if a == e {
        return None;
    }
    let first = doc.tok(a);
    if is_preposition(first) || first.ends_with("ly") {
        return None;
    }
    let verbish = |w: &str| {
        matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "being"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "do"
                | "does"
                | "did"
                | "to"
                | "not"
                | "there"
                | "it"
                | "this"
                | "what"
                | "which"
                | "It"
                | "This"
                | "There"
                | "What"
        ) || (w.starts_with(|c: char| c.is_lowercase())
            && (lexicon::is_speech_verb(w) || lexicon::is_cognition_verb(w)))
    };
    if (a..e).any(|k| verbish(doc.tok(k))) {
        return None;
    }
    // A noun phrase ends with its head noun, which is seldom a past form (`the bloodshed
    // raised`).
    let head = doc.tok(e - 1);
    if head.len() > 3 && head.ends_with("ed") && head.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    if (a..e).all(|k| matches!(doc.tok(k), "the" | "The" | "a" | "A" | "an" | "An")) {
        return None;
    }
    // One lone determiner or adjective is no phrase.
    if e - a == 1
        && !doc
            .tok(a)
            .starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        && !doc.tok(a).ends_with('s')
    {
        return None;
    }
    Some(Span::new(
        doc.tokens[a].span().start,
        doc.tokens[e - 1].span().end,
    ))
}

fn is_clause_joiner(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "or"
            | "that"
            | "because"
            | "while"
            | "when"
            | "whereas"
            | "if"
            | "although"
            | "though"
            | "since"
            | "as"
            | "than"
            | "so"
            | "who"
            | "which"
            | "where"
            | "And"
            | "But"
            | "So"
            | "Yet"
            | "yet"
    )
}

fn is_preposition(w: &str) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "about", "after", "against", "among", "at", "before", "behind", "by", "despite", "during",
        "for", "from", "in", "inside", "into", "of", "on", "over", "since", "through", "to",
        "under", "until", "upon", "with", "within", "without",
    ];
    lexicon::in_list(PREPOSITIONS, w)
}

/// A participle or a coordinated verb shares the subject of the reporting verb before it in
/// its sentence: `Trump said, adding later, “…”`, `“…,” he said, adding that “…”`,
/// `Clinton criticized …, saying: “…”`.
pub(crate) fn shared_subject(doc: &Document, v: usize, lo: usize) -> Option<Span> {
    let w = doc.tok(v);
    let joined = v > lo
        && matches!(
            doc.tok(v - 1),
            "," | "and" | "but" | "before" | "after" | "while" | "then"
        );
    if !(w.ends_with("ing") || joined) {
        return None;
    }
    let k = (lo..v).rev().take(40).find(|&k| {
        k != v
            && doc.tok(k).starts_with(|c: char| c.is_lowercase())
            && (lexicon::is_speech_verb(doc.tok(k)) || cues::is_learned_cue(doc, k))
    })?;
    subject_before(doc, k, lo)
        .or_else(|| plain_subject(doc, k, lo))
        .or_else(|| {
            // Inverted: `“…,” said Trump, adding …`.
            let np = np_after(doc, k + 1, v)?;
            Some(np)
        })
}

/// The subject of the verb at token `v`: the noun phrase right before it in its clause
/// (`Tunisian Prime Minister Habib Essid` in `Tunisian Prime Minister Habib Essid said`).
/// Skips an appositive between commas back to the name (`Kirby, the spokesman, said`).
pub fn subject_before(doc: &Document, v: usize, lo: usize) -> Option<Span> {
    if v == 0 || v <= lo {
        return None;
    }
    let e = skip_aux_back(doc, v, lo);
    // `Josh Earnest condemned the attack and said …`: a coordinated verb shares the
    // subject of the first one.
    if e > lo && matches!(doc.tok(e - 1), "and" | "but") {
        let mut k = e - 1;
        while k > lo && k + 15 > e {
            k -= 1;
            let w = doc.tok(k);
            if matches!(w, "," | ";") {
                continue;
            }
            if w.chars().next().is_some_and(|c| c.is_lowercase()) && !is_np_token(doc, k) {
                if let Some(sp) = np_ending_at(doc, k, lo) {
                    let first = doc.token_at_or_after(sp.start);
                    // The subject opens its clause (not `On one Facebook page …`).
                    let opens = first <= lo + 1 || matches!(doc.tok(first - 1), "," | ";" | "—");
                    if opens
                        && (first..k).any(|x| {
                            doc.tok(x).chars().next().is_some_and(|c| c.is_uppercase())
                                && !lexicon::is_not_name_word(doc.tok(x))
                        })
                    {
                        return Some(sp);
                    }
                }
            }
        }
        return None;
    }
    // `X, the title of Y, said`: the appositive ends with a comma before the verb.
    if e > lo && doc.tok(e - 1) == "," {
        let app_end = e - 1;
        let mut k = app_end;
        while k > lo && doc.tok(k - 1) != "," {
            k -= 1;
        }
        if k > lo && app_end - k <= 30 {
            // k-1 is the comma before the appositive; the name is usually before that
            // (`Kirby, the spokesman, said`), but may be the appositive itself (`The Prime
            // Minister, Keir Starmer, said`).
            let name_end = k - 1;
            let before = np_ending_at(doc, name_end, lo);
            let appositive = np_ending_at(doc, app_end, k);
            let has_name = |sp: &Option<Span>| {
                sp.is_some_and(|sp| {
                    let (a, b) = (doc.token_at_or_after(sp.start), doc.tokens_before(sp.end));
                    (a..b).any(|i| {
                        let w = doc.tok(i);
                        w.chars().next().is_some_and(|c| c.is_uppercase())
                            && !lexicon::is_not_name_word(w)
                            && !lexicon::is_title_word(w)
                            && !lexicon::is_pre_name_title(w)
                    })
                })
            };
            // (`The leader of Ennahda, Rachid Ghannouchi, said`: a description opening
            // with a determiner, then the name.)
            let described = before.is_some_and(|sp| {
                matches!(
                    doc.tok(doc.token_at_or_after(sp.start).saturating_sub(1)),
                    "The" | "the" | "A" | "a"
                )
            }) || before.is_some_and(|sp| {
                matches!(
                    doc.slice(sp).split_whitespace().next(),
                    Some("The" | "the" | "A" | "a")
                )
            });
            if has_name(&appositive) && (!has_name(&before) || described) {
                return appositive;
            }
            if before.is_some() {
                return before;
            }
        }
        return None;
    }
    np_ending_at(doc, e, lo)
}

/// The noun phrase that ends right before token `e`.
fn np_ending_at(doc: &Document, e: usize, lo: usize) -> Option<Span> {
    if e == 0 || e <= lo {
        return None;
    }
    let last = doc.tok(e - 1);
    if lexicon::pronoun(last).is_some() || last == "who" {
        if last == "who" {
            // `Askar, who …, said`: the relative pronoun stands for the name before the comma.
            if e >= 2 && doc.tok(e - 2) == "," {
                return np_ending_at(doc, e - 2, lo);
            }
            return None;
        }
        return Some(doc.tokens[e - 1].span());
    }
    let mut a = e;
    while a > lo {
        let w = doc.tok(a - 1);
        let c = w.chars().next().unwrap_or(' ');
        let cap = c.is_uppercase() && !lexicon::is_not_name_word(w);
        let joins = (matches!(
            w,
            "of" | "the"
                | "de"
                | "van"
                | "von"
                | "der"
                | "den"
                | "bin"
                | "ibn"
                | "al"
                | "da"
                | "di"
                | "du"
                | "la"
                | "le"
                | "&"
        ) || is_name_dot(doc, a - 1)
            || (matches!(w, "and" | "on")
                && a >= 2
                && doc
                    .tok(a - 2)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())))
            && a < e;
        let role =
            lexicon::is_title_word(w) || is_group_noun(w) || (a == e && lexicon::is_org_head(w));
        // (`the 63-year-old senator`, `the well-known author`: hyphenated modifiers.)
        let modifier = a < e
            && ((c.is_lowercase() && w.len() > 2 && (is_modifier(w) || lexicon::is_org_head(w)))
                || ((c.is_lowercase() || c.is_ascii_digit()) && w.contains('-') && w.len() > 4));
        let possessive = a < e && (w.ends_with("’s") || w.ends_with("'s")) && c.is_uppercase();
        if cap || joins || role || modifier || possessive {
            a -= 1;
            if a < e.saturating_sub(10) {
                break;
            }
        } else {
            break;
        }
    }
    // Drop leading joiners (`the`, `of`).
    while a < e && matches!(doc.tok(a), "of" | "the" | "&" | "de") {
        a += 1;
    }
    (a < e && looks_like_np(doc, a, e))
        .then(|| Span::new(doc.tokens[a].span().start, doc.tokens[e - 1].span().end))
}

/// Lowercase words that can sit inside a source phrase before its head: `press`,
/// `senior`, `political`, `national`, `security`, `former`.
fn is_modifier(w: &str) -> bool {
    const MODS: &[&str] = &[
        "acting",
        "administration",
        "board",
        "campaign",
        "chief",
        "communications",
        "defense",
        "deputy",
        "electrical",
        "executive",
        "federal",
        "foreign",
        "former",
        "general",
        "government",
        "health",
        "intelligence",
        "interim",
        "local",
        "military",
        "national",
        "police",
        "political",
        "press",
        "public",
        "regional",
        "security",
        "senior",
        "state",
        "top",
        "union",
    ];
    lexicon::in_list(MODS, w)
}

// ---------------------------------------------------------------------------------------
// Indirect speech.

/// Tokens after a reporting verb that may come before its `that`: `said on Friday that`,
/// `told reporters late Thursday that`.
const THAT_WINDOW: usize = 8;

/// What introduces reported speech at a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// A speech verb (`said`, `told`, `warned`).
    Speech,
    /// A verb of belief (`believe`, `think`): a reported position, never a direct-quote cue.
    Belief,
    /// An adjective of stance after a form of `be` (`is concerned`, `is adamant`).
    Stance,
    /// A word the learned table ([`crate::cues`]) says introduces an attribution in this
    /// frame (`found that`, `insisted the`): reported content only, with a named subject.
    Learned,
}

fn cue_kind(doc: &Document, i: usize) -> Option<CueKind> {
    let w = doc.tok(i);
    if !w.chars().next().is_some_and(|c| c.is_lowercase()) {
        return None;
    }
    if lexicon::is_speech_verb(w) {
        return Some(CueKind::Speech);
    }
    if lexicon::is_cognition_verb(w) {
        return Some(CueKind::Belief);
    }
    const STANCE: &[&str] = &[
        "adamant",
        "certain",
        "concerned",
        "confident",
        "convinced",
        "insistent",
        "worried",
    ];
    if lexicon::in_list(STANCE, w)
        && i > 0
        && matches!(
            doc.tok(i - 1),
            "is" | "are" | "was" | "were" | "remains" | "remain"
        )
    {
        return Some(CueKind::Stance);
    }
    cues::is_learned_cue(doc, i).then_some(CueKind::Learned)
}

/// `direct`: every paired span (verbs inside them are not cues); `accepted`: the spans
/// that are speech (an indirect content clause that merely repeats one is dropped).
fn find_indirect(
    doc: &Document,
    direct: &[Span],
    accepted: &[Span],
    used_cues: &[usize],
) -> Vec<RawQuote> {
    let mut out = Vec::new();
    // `direct` is sorted and non-overlapping: look-ups are binary searches, so the pass
    // stays linear in the article however many quotes it has.
    let in_direct = |pos: usize| {
        let k = direct.partition_point(|d| d.start <= pos);
        k > 0 && pos < direct[k - 1].end
    };
    for s in &doc.sentences {
        let (a, b) = (s.first, s.last);
        if b <= a {
            continue;
        }
        // Content end: the sentence without its final punctuation and closing marks.
        let mut e = b;
        while e > a
            && matches!(
                doc.tok(e - 1),
                "." | "!" | "?" | "…" | "”" | "\"" | "’" | "'" | ")"
            )
        {
            e -= 1;
        }
        let mut i = a;
        while i < e {
            let w = doc.tok(i);
            let pos = doc.tokens[i].span().start;
            if in_direct(pos) || used_cues.binary_search(&pos).is_ok() {
                i += 1;
                continue;
            }
            // `according to X, CONTENT`, `CONTENT, according to X` and the parenthetical
            // `A, according to X, B`.
            if w.eq_ignore_ascii_case("according") && i + 1 < e && doc.tok(i + 1) == "to" {
                let cue = Span::new(pos, doc.tokens[i + 1].span().end);
                let lead = i == a || (i <= a + 2 && matches!(doc.tok(a), "But" | "And" | "Yet"));
                let np_end = (i + 2..e)
                    .find(|&k| matches!(doc.tok(k), "," | "—" | "–"))
                    .unwrap_or(e);
                let np = source_after_according(doc, i + 2, np_end);
                if lead {
                    if np_end < e {
                        out.extend(make_indirect(doc, np_end + 1, e, cue, np, accepted));
                    }
                } else if i > a && matches!(doc.tok(i - 1), "," | "—" | "–") {
                    let from = segment_start(doc, a, i - 1);
                    // Before a direct quote the part ahead is a lead-in (`a code including —
                    // according to the notes — “provision …”`), not reported content.
                    let quote_follows = np_end + 1 < e && is_quote_char_token(doc.tok(np_end + 1));
                    if !quote_follows {
                        out.extend(make_indirect(doc, from, i - 1, cue, np, accepted));
                    }
                    if np_end + 1 < e {
                        out.extend(make_indirect(doc, np_end + 1, e, cue, np, accepted));
                    }
                }
                i = np_end.max(i + 2);
                continue;
            }
            // `As X has pointed out, CONTENT.`
            if (w == "As" || w == "as")
                && (i == a || (i <= a + 2 && matches!(doc.tok(a), "But" | "And" | "Yet")))
            {
                if let Some(q) = as_cue(doc, i, e, accepted) {
                    out.push(q);
                    i = e;
                    continue;
                }
            }
            let Some(kind) = cue_kind(doc, i) else {
                i += 1;
                continue;
            };
            // `does not deny that X` reports nothing.
            if (i.saturating_sub(2).max(a)..i).any(|k| {
                matches!(
                    doc.tok(k),
                    "not" | "never" | "n't" | "didn't" | "doesn't" | "don't"
                )
            }) {
                i += 1;
                continue;
            }
            let weak = kind == CueKind::Speech && lexicon::is_weak_speech_verb(w);
            let participle = w.ends_with("ing");
            // Parenthetical cue inside the content: `A, he said, B`, `A, scientists think, B`.
            if !participle && !weak {
                if let Some(qs) = parenthetical_cue(doc, a, i, e, accepted) {
                    let resume = qs.last().map_or(i + 1, |q| doc.tokens_before(q.span.end));
                    out.extend(qs);
                    i = resume.max(i + 1);
                    continue;
                }
            }
            // Trailing cue: `CONTENT, X said.` / `CONTENT, said X.`
            if kind == CueKind::Speech && !participle && !weak {
                if let Some(q) = trailing_cue(doc, s.first, i, e, accepted) {
                    out.push(q);
                    i = e;
                    continue;
                }
            }
            // `X said (that) CONTENT`.
            let mut k = i + 1;
            let mut obj_end = k;
            let told = matches!(
                w,
                "told"
                    | "tells"
                    | "tell"
                    | "telling"
                    | "assured"
                    | "warned"
                    | "informed"
                    | "reminded"
            );
            if told {
                // Skip the object: `told Fox News`, `told reporters`, `told the BBC`.
                while obj_end < e
                    && obj_end - k < 5
                    && (doc.tok(obj_end) != "that")
                    && !matches!(doc.tok(obj_end), "," | ":")
                {
                    let t = doc.tok(obj_end);
                    let c = t.chars().next().unwrap_or(' ');
                    if c.is_uppercase()
                        || matches!(
                            t,
                            "the"
                                | "reporters"
                                | "journalists"
                                | "him"
                                | "her"
                                | "them"
                                | "us"
                                | "me"
                                | "parliament"
                                | "lawmakers"
                                | "a"
                                | "an"
                        )
                        || is_group_noun(t)
                    {
                        obj_end += 1;
                    } else {
                        break;
                    }
                }
                k = obj_end;
            }
            if (w == "pointed" || w == "points") && k < e && doc.tok(k) == "out" {
                k += 1;
            }
            let that = (k..e.min(k + THAT_WINDOW))
                .find(|&t| doc.tok(t) == "that")
                .filter(|&t| {
                    // Only adjuncts between the verb and `that` (`said on Friday that`), no
                    // clause of their own (`said he was “appalled” that`).
                    (k..t).all(|x| {
                        let w = doc.tok(x);
                        !matches!(
                            w,
                            "," | ";"
                                | ":"
                                | "is"
                                | "was"
                                | "are"
                                | "were"
                                | "had"
                                | "has"
                                | "would"
                                | "will"
                        ) && !is_quote_char_token(w)
                            && lexicon::pronoun(w).is_none()
                            && cue_kind(doc, x).is_none()
                    })
                });
            let bare_ok = match kind {
                CueKind::Speech => lexicon::in_list(BARE_CLAUSE_VERBS, w),
                CueKind::Belief | CueKind::Stance | CueKind::Learned => true,
            };
            let start = match that {
                Some(t) => t + 1,
                None if weak
                    || participle
                        && !matches!(
                            w,
                            "saying"
                                | "adding"
                                | "arguing"
                                | "insisting"
                                | "warning"
                                | "noting"
                                | "claiming"
                                | "demanding"
                        ) =>
                {
                    i += 1;
                    continue;
                }
                None => {
                    // Bare complement clause: `said her intention was …`, `says the X is`,
                    // maybe after an adjunct (`said in a statement it would …`). Only for
                    // verbs that mostly take clauses, never for an inverted cue (`, said
                    // X`), and only when a finite verb follows the subject.
                    // (A comma before the verb that closes an appositive after the subject
                    // — `Keir Starmer, the Prime Minister, said the …` — is not inversion.)
                    let inverted = i > a
                        && doc.tok(i - 1) == ","
                        && !told
                        && subject_before(doc, i, a).is_none();
                    let k = skip_adjunct(doc, k, e);
                    // (`claimed responsibility, the …`: a bare object, then another clause.)
                    let object_then_comma = (k..(k + 2).min(e)).any(|x| doc.tok(x) == ",");
                    if !inverted
                        && bare_ok
                        && k < e
                        && !object_then_comma
                        && starts_clause(doc, k)
                        && has_finite_verb(doc, k, e)
                    {
                        k
                    } else {
                        i += 1;
                        continue;
                    }
                }
            };
            let subj_at = if kind == CueKind::Stance { i - 1 } else { i };
            let src = if participle {
                None
            } else {
                subject_before(doc, subj_at, a).or_else(|| plain_subject(doc, subj_at, a))
            };
            if !participle && src.is_none() && kind != CueKind::Speech {
                i += 1;
                continue;
            }
            let cue = if told && obj_end > i + 1 {
                Span::new(
                    doc.tokens[i].span().start,
                    doc.tokens[obj_end - 1].span().end,
                )
            } else {
                doc.tokens[i].span()
            };
            // The content ends where another report takes over: `…, adding that`,
            // `…, and he noted that`.
            let is_dash = |x: usize| matches!(doc.tok(x), "—" | "–");
            let single_dash = (start..e).filter(|&x| is_dash(x)).take(2).count() == 1;
            let content_end = (start..e)
                .find(|&x| {
                    // A dash after a few words opens an aside the report does not cover.
                    // (A pair of dashes is an aside inside the content: `lines — which were
                    // made of iron — with plastic`.)
                    (is_dash(x) && x > start + 3 && single_dash)
                        || (doc.tok(x) == ","
                            && x + 1 < e
                            && doc.tok(x + 1).ends_with("ing")
                            && lexicon::is_speech_verb(doc.tok(x + 1)))
                        || (matches!(doc.tok(x), "and" | "but") && x + 2 < e && {
                            let n = doc.tok(x + 1);
                            let strong = |y: usize| {
                                lexicon::is_speech_verb(doc.tok(y))
                                    && !lexicon::is_weak_speech_verb(doc.tok(y))
                            };
                            strong(x + 1)
                                || ((lexicon::pronoun(n).is_some()
                                    || n.chars().next().is_some_and(|c| c.is_uppercase())
                                    || is_group_noun(n)
                                    || matches!(
                                        n,
                                        "the"
                                            | "a"
                                            | "an"
                                            | "its"
                                            | "their"
                                            | "some"
                                            | "many"
                                            | "other"
                                            | "others"
                                    ))
                                    && (x + 2..e.min(x + 5)).any(strong))
                                || (matches!(
                                    n,
                                    "is" | "are" | "was" | "were" | "has" | "have" | "had"
                                ) && strong(x + 2))
                        })
                })
                .map(|x| {
                    if x > start && doc.tok(x - 1) == "," {
                        x - 1
                    } else {
                        x
                    }
                })
                .unwrap_or(e);
            // A learned cue whose content holds a reporting verb of its own (`Hicks found that
            // many people told her …`) gives way to that inner report.
            if kind == CueKind::Learned
                && (start..content_end.min(start + 60)).any(|x| {
                    lexicon::is_speech_verb(doc.tok(x)) && !lexicon::is_weak_speech_verb(doc.tok(x))
                })
            {
                i += 1;
                continue;
            }
            if let Some(mut q) = make_indirect(doc, start, content_end, cue, src, accepted) {
                if participle {
                    // The participle's subject is the sentence's: `The Government … by
                    // agreeing that …`, else whoever spoke last.
                    q.source = sentence_subject(doc, a, i)
                        .or_else(|| shared_subject(doc, i, a))
                        .map_or(Source::Previous, Source::Phrase);
                }
                // `the source, who said he had spoken …, told Reuters`: a relative clause's
                // content ends at its comma.
                if i > a && doc.tok(i - 1) == "who" {
                    if let Some(c) = (start..e).find(|&x| doc.tok(x) == ",") {
                        if let Some(q2) = make_indirect(doc, start, c, cue, src, accepted) {
                            q = q2;
                        }
                    }
                }
                let q_end = q.span.end;
                out.push(q);
                i = doc.tokens_before(q_end).max(i + 1);
                continue;
            }
            i += 1;
        }
    }
    out
}

/// The noun phrase opening the sentence (`The Government` in `The Government has
/// effectively admitted …`), if it names someone and ends before token `limit`.
pub(crate) fn sentence_subject(doc: &Document, a: usize, limit: usize) -> Option<Span> {
    let mut z = a;
    while z < limit && (is_np_token(doc, z) || doc.tok(z) == ",") && z - a < 14 {
        z += 1;
    }
    if z > a && (a..z).any(|k| doc.tok(k) == ",") {
        // An appositive: let `subject_before` pick the name.
        return subject_before(doc, z, a);
    }
    while z > a && doc.tok(z - 1) == "," {
        z -= 1;
    }
    (z > a
        && looks_like_np(doc, a, z)
        && !(a..z).all(|k| matches!(doc.tok(k), "The" | "the" | "A" | "a" | "An" | "an")))
    .then(|| Span::new(doc.tokens[a].span().start, doc.tokens[z - 1].span().end))
}

/// Where the content before a mid-sentence cue starts: the sentence start, unless a direct
/// quote or another cue comes earlier in the sentence, in which case the clause after the
/// last comma before the cue.
fn segment_start(doc: &Document, a: usize, comma: usize) -> usize {
    let busy = (a..comma).any(|k| cue_kind(doc, k) == Some(CueKind::Speech));
    if !busy {
        return a;
    }
    (a..comma)
        .rev()
        .find(|&k| doc.tok(k) == ",")
        .map_or(a, |k| k + 1)
}

/// `A, he said, B` — a short source and cue between commas, inside the content.
fn parenthetical_cue(
    doc: &Document,
    a: usize,
    v: usize,
    e: usize,
    accepted: &[Span],
) -> Option<Vec<RawQuote>> {
    // The tokens after the verb up to the next comma are at most a short adjunct.
    let after = (v + 1..e.min(v + 4)).find(|&k| doc.tok(k) == ",")?;
    if (v + 1..after).any(|k| doc.tok(k) == "that") {
        return None;
    }
    let comma = (a..v).rev().take(6).find(|&k| doc.tok(k) == ",")?;
    if comma <= a {
        return None;
    }
    let src = np_ending_at(doc, v, comma + 1)?;
    if doc.token_at_or_after(src.start) > comma + 2 || !(comma + 1..v).all(|k| is_np_token(doc, k))
    {
        return None;
    }
    let cue = doc.tokens[v].span();
    let from = segment_start(doc, a, comma);
    let mut out = Vec::new();
    // An adverbial lead (`For days after a storm, officials say, …`) is not content.
    const LEADS: &[&str] = &[
        "after", "although", "as", "because", "before", "during", "for", "if", "in", "since", "to",
        "when", "while",
    ];
    if !lexicon::in_list(LEADS, doc.tok(from)) {
        out.extend(make_indirect_min(
            doc,
            from,
            comma,
            cue,
            Some(src),
            accepted,
            2,
        ));
    }
    out.extend(make_indirect(doc, after + 1, e, cue, Some(src), accepted));
    (!out.is_empty()).then_some(out)
}

/// `As X has pointed out, CONTENT` / `As Kirby noted, CONTENT`.
fn as_cue(doc: &Document, i: usize, e: usize, accepted: &[Span]) -> Option<RawQuote> {
    let comma = (i + 1..e.min(i + 14)).find(|&k| doc.tok(k) == ",")?;
    let v = (i + 1..comma).find(|&k| cue_kind(doc, k) == Some(CueKind::Speech))?;
    let src = np_after(doc, i + 1, v).or_else(|| subject_before(doc, v, i + 1));
    make_indirect(doc, comma + 1, e, doc.tokens[v].span(), src, accepted)
}

/// Reporting verbs that take a clause without `that` (`said the talks failed`). Verbs
/// that also take a plain object (`announced a strategy`, `advises the minister`) need
/// `that` to introduce reported speech.
const BARE_CLAUSE_VERBS: &[&str] = &[
    "acknowledged",
    "acknowledges",
    "added",
    "adds",
    "admits",
    "admitted",
    "argued",
    "argues",
    "asserted",
    "asserts",
    "conceded",
    "concedes",
    "contended",
    "contends",
    "explained",
    "explains",
    "insisted",
    "insists",
    "noted",
    "notes",
    "said",
    "say",
    "says",
    "stressed",
    "suggested",
    "suggests",
    "tells",
    "told",
    "warned",
    "warns",
    "writes",
    "wrote",
];

/// Skips a short adjunct after a reporting verb (`in a statement`, `on Tuesday`, `late
/// Thursday`, `at a news conference`) when a clause with a subject follows it.
fn skip_adjunct(doc: &Document, k: usize, e: usize) -> usize {
    const HEADS: &[&str] = &[
        "at",
        "during",
        "earlier",
        "early",
        "in",
        "last",
        "late",
        "later",
        "on",
        "this",
        "through",
        "to",
        "via",
        "yesterday",
    ];
    if k >= e || !lexicon::in_list(HEADS, doc.tok(k)) {
        return k;
    }
    for j in k + 1..e.min(k + 6) {
        let w = doc.tok(j);
        if matches!(w, "," | ";" | ":") {
            return k;
        }
        let subject = lexicon::pronoun(w)
            .is_some_and(|p| p != lexicon::Pronoun::Speaker || w == "we" || w == "We")
            || matches!(w, "it" | "It" | "the" | "The" | "its" | "their" | "there");
        if j >= k + 2 && subject && has_finite_verb(doc, j, e) {
            return j;
        }
    }
    k
}

/// Is there a finite verb within the first few tokens after a clause's first word?
fn has_finite_verb(doc: &Document, k: usize, e: usize) -> bool {
    const FINITE: &[&str] = &[
        "are", "can", "could", "did", "does", "had", "has", "have", "is", "may", "might", "must",
        "should", "was", "were", "will", "won't", "would",
    ];
    // `she plans to …`: a third-person present verb right after a pronoun subject.
    if k + 1 < e && matches!(doc.tok(k), "he" | "she" | "it" | "He" | "She" | "It") {
        let v = doc.tok(k + 1);
        if v.len() > 2 && v.ends_with('s') && v.chars().all(|c| c.is_lowercase()) {
            return true;
        }
    }
    (k + 1..e.min(k + 8)).any(|x| {
        let w = doc.tok(x);
        lexicon::in_list(FINITE, w)
            || (w.len() > 3 && w.ends_with("ed") && w.chars().all(|c| c.is_lowercase()))
    })
}

/// Can token `k` start a clause (a subject)? Anything but a preposition, conjunction,
/// adverb or time word (`said in a statement`, `said Tuesday`, `said so`).
fn starts_clause(doc: &Document, k: usize) -> bool {
    let w = doc.tok(k);
    const NOT_SUBJECTS: &[&str] = &[
        "about",
        "after",
        "afterward",
        "again",
        "also",
        "and",
        "as",
        "at",
        "before",
        "but",
        "by",
        "during",
        "earlier",
        "for",
        "friday",
        "from",
        "in",
        "into",
        "last",
        "late",
        "later",
        "monday",
        "not",
        "now",
        "of",
        "on",
        "or",
        "over",
        "publicly",
        "recently",
        "saturday",
        "so",
        "sunday",
        "then",
        "through",
        "thursday",
        "to",
        "today",
        "tuesday",
        "wednesday",
        "when",
        "while",
        "with",
        "yesterday",
    ];
    if lexicon::in_list(NOT_SUBJECTS, w) || doc.tokens[k].kind == TokKind::Punct {
        return false;
    }
    true
}

/// `CONTENT, X said [adjuncts].` — a short cue clause closing the sentence after a comma.
fn trailing_cue(
    doc: &Document,
    first: usize,
    v: usize,
    e: usize,
    direct: &[Span],
) -> Option<RawQuote> {
    // The comma that opens the cue clause, at most a few tokens before the verb.
    let lo = v.saturating_sub(10).max(first);
    let comma = (lo..v).rev().find(|&k| doc.tok(k) == ",")?;
    let told = matches!(doc.tok(v), "told" | "tells");
    let inverted = comma + 1 == v && !told;
    // Nothing but a short adjunct may follow the verb (`said late Thursday`, `said in a
    // statement`), or, inverted, the source and its appositive (`, said Ian Michaels, a
    // spokesman for …`); never `that` or a quote.
    let tail_limit = if inverted { 24 } else { 8 };
    if e - v > tail_limit
        || (v + 1..e)
            .take_while(|&k| !inverted || doc.tok(k) != ",")
            .any(|k| matches!(doc.tok(k), "that" | "“" | "\""))
        || (!inverted && (v + 1..e).any(|k| doc.tok(k) == ","))
        // (`Despite the sheen, officials said they welcome it`: a clause after the verb is
        // its content; the cue does not trail.)
        || (!inverted && v + 1 < e && starts_clause(doc, v + 1) && has_finite_verb(doc, v + 1, e))
    {
        return None;
    }
    if told && comma + 1 == v {
        // `CONTENT, the source, who said …, told Reuters.`: the subject sits before the
        // relative clause.
        let who = (first..comma)
            .rev()
            .take(20)
            .find(|&k| doc.tok(k) == "who" && k > first && doc.tok(k - 1) == ",")?;
        let sp = np_ending_at(doc, who - 1, first)?;
        let subj_start = doc.token_at_or_after(sp.start);
        let mut c2 = subj_start;
        while c2 > first && matches!(doc.tok(c2 - 1), "the" | "a" | "an" | "The" | "A" | "An") {
            c2 -= 1;
        }
        if c2 == first || doc.tok(c2 - 1) != "," {
            return None;
        }
        return make_indirect(doc, first, c2 - 1, doc.tokens[v].span(), Some(sp), direct);
    }
    // The content before the comma must be a clause, not a name with an appositive
    // (`The Prime Minister, Keir Starmer, said …`).
    if (first..comma).all(|k| doc.tok(k) == "," || is_np_token(doc, k)) {
        return None;
    }
    let src = if inverted {
        // `, said X` ends the sentence, or X takes an appositive after a comma.
        let np = np_after(doc, v + 1, e)?;
        let after = doc.tokens_before(np.end);
        if after < e && doc.tok(after) != "," {
            return None;
        }
        Some(np)
    } else {
        let sp = np_ending_at(doc, v, comma + 1)?;
        // The whole stretch between the comma and the verb must be the source (a leading
        // determiner aside: `, a senior political source told Reuters`).
        let mut from = comma + 1;
        while from < v && matches!(doc.tok(from), "a" | "an" | "the" | "A" | "An" | "The") {
            from += 1;
        }
        if doc.token_at_or_after(sp.start) != from {
            return None;
        }
        Some(sp)
    };
    src?;
    if comma <= first + 2 {
        return None;
    }
    make_indirect(doc, first, comma, doc.tokens[v].span(), src, direct)
}

/// Builds an indirect quote over tokens `a..b`, or `None` if it is too short or is just
/// a direct quote (content that opens with the quote mark).
fn make_indirect(
    doc: &Document,
    a: usize,
    b: usize,
    cue: Span,
    src: Option<Span>,
    accepted: &[Span],
) -> Option<RawQuote> {
    make_indirect_min(doc, a, b, cue, src, accepted, 3)
}

fn make_indirect_min(
    doc: &Document,
    a: usize,
    b: usize,
    cue: Span,
    src: Option<Span>,
    accepted: &[Span],
    min_words: usize,
) -> Option<RawQuote> {
    if a >= b || b > doc.tokens.len() {
        return None;
    }
    let (mut a, mut b) = (a, b);
    // Trim leading punctuation and trailing commas.
    while a < b && matches!(doc.tok(a), "," | ":" | "—" | "–") {
        a += 1;
    }
    // A dateline opening the paragraph (`LONDON — `) is not part of what was said.
    if a + 2 < b
        && matches!(doc.tok(a + 1), "—" | "–")
        && doc.tok(a).chars().all(|c| c.is_uppercase())
        && doc.tok(a).len() > 1
    {
        a += 2;
    }
    while b > a && matches!(doc.tok(b - 1), "," | ":" | "—" | "–" | ";") {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    let span = Span::new(doc.tokens[a].span().start, doc.tokens[b - 1].span().end);
    // Content that is (or starts with) a direct quote is that quote, not a second one; a
    // direct quote further inside stays part of the reported content (`he was “appalled”
    // that …`).
    let k = accepted.partition_point(|d| d.end <= span.start);
    if accepted.get(k).is_some_and(|d| d.start <= span.start) {
        return None;
    }
    // A direct quote inside the content stays part of it (`he was “appalled” that …`),
    // unless it comes with its own cue (`…, “so they cannot form …,” Mr. McHugh said`): then
    // the content ends before it.
    let mut span = span;
    for d in accepted[k..].iter().take_while(|d| d.start < span.end) {
        let after = doc.token_at_or_after(d.end);
        let own_cue = (after..(after + 5).min(doc.tokens.len())).any(|x| {
            let w = doc.tok(x);
            lexicon::is_speech_verb(w)
                && !lexicon::is_weak_speech_verb(w)
                && w.chars().next().is_some_and(|c| c.is_lowercase())
        });
        if own_cue {
            let (s0, e0) = crate::segment::trim(doc.text, span.start, d.start);
            let e0 = s0
                + doc.text[s0..e0]
                    .trim_end_matches([',', ' ', '—', '–', ':'])
                    .len();
            span = Span::new(s0, e0);
            break;
        }
    }
    if words_in(doc, span) < min_words {
        return None;
    }
    let conf = if src.is_some() { 0.7 } else { 0.5 };
    Some(RawQuote {
        span,
        kind: QuoteKind::Indirect,
        cue: Some(cue),
        source: src.map_or(Source::Unknown, Source::Phrase),
        confidence: conf,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
        let doc = Document::new(text);
        find(&doc)
            .into_iter()
            .map(|q| {
                let src = match q.source {
                    Source::Phrase(s) => Some(doc.slice(s).to_string()),
                    Source::Previous => Some("<prev>".into()),
                    Source::Unknown => None,
                };
                (doc.slice(q.span).to_string(), q.kind, src)
            })
            .collect()
    }

    fn direct(text: &str) -> Vec<String> {
        quotes(text)
            .into_iter()
            .filter(|q| q.1 == QuoteKind::Direct)
            .map(|q| q.0)
            .collect()
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [BARE_CLAUSE_VERBS, NAMING_WORDS, DESCRIBING_VERBS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn split_quote_around_cue() {
        let q = quotes("“We are ready,” Kirby said. “And we will go.”");
        assert_eq!(
            q[0],
            (
                "We are ready".into(),
                QuoteKind::Direct,
                Some("Kirby".into())
            )
        );
        assert_eq!(q[1].0, "And we will go.");
        assert_eq!(q[1].2.as_deref(), Some("<prev>"));
    }

    #[test]
    fn inverted_cue_with_appositive() {
        let q = quotes(
            "“Man’s greed is hurting the whales,” says Parata, a fierce elder of the tribe.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Parata"));
        let q = quotes("“It is not safe,” said Patrick McHugh, vice president of Con Edison.");
        assert_eq!(q[0].2.as_deref(), Some("Patrick McHugh"));
    }

    #[test]
    fn cue_before_and_partial_quote() {
        let q = quotes("Pentagon press secretary John Kirby said: “We have made attempts.”");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Pentagon press secretary John Kirby")
        );
        let d = direct("Kirby said it appears that “the Ukrainians are holding on” for now.");
        assert_eq!(d, ["the Ukrainians are holding on"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let d = direct("Russia’s army in the ’90s played rock ’n’ roll, the players’ union said.");
        assert!(d.is_empty(), "{d:?}");
        let d = direct("“It’s the ’90s again,” he said.");
        assert_eq!(d, ["It’s the ’90s again"]);
    }

    #[test]
    fn scare_quotes_and_titles_are_not_speech() {
        assert!(direct("The Bill would store so-called “metadata” for two years.").is_empty());
        assert!(direct("The corrosive “freeze-thaw” cycles make it worse.").is_empty());
        assert!(direct("Troops moved against \"criminals\" in his entourage.").is_empty());
    }

    #[test]
    fn multi_paragraph_quote_is_one_item() {
        let t = "“The first part goes on and on.\n\n“The second part ends here,” she said.";
        let d = direct(t);
        assert_eq!(
            d,
            ["The first part goes on and on.\n\n“The second part ends here"]
        );
    }

    #[test]
    fn guillemets_and_straight_marks() {
        assert_eq!(
            quotes("«Nous sommes prêts, vraiment prêts», Macron said.")[0]
                .2
                .as_deref(),
            Some("Macron")
        );
        assert_eq!(
            direct("«Nous sommes prêts, vraiment prêts», Macron said."),
            ["Nous sommes prêts, vraiment prêts"]
        );
        assert_eq!(
            direct("\"I thought a lot before writing this,\" Askar wrote."),
            ["I thought a lot before writing this"]
        );
    }

    #[test]
    fn indirect_speech_forms() {
        let q = quotes("Kirby said that the talks had failed badly.");
        assert_eq!(q[0].0, "the talks had failed badly");
        assert_eq!(q[0].2.as_deref(), Some("Kirby"));
        let q = quotes("The government plans to lift sanctions on Sudan, Obama administration officials said late Thursday.");
        assert_eq!(q[0].0, "The government plans to lift sanctions on Sudan");
        assert_eq!(q[0].2.as_deref(), Some("Obama administration officials"));
        let q = quotes("Hicks told ABC News that she had no idea at all.");
        assert_eq!(q[0].0, "she had no idea at all");
        let q = quotes("According to the police, three men were arrested on Monday.");
        assert_eq!(q[0].0, "three men were arrested on Monday");
        let q = quotes("He denied it, adding that the plan was never approved.");
        assert_eq!(q.last().unwrap().0, "the plan was never approved");
    }

    #[test]
    fn unbalanced_marks_do_not_swallow_the_article() {
        let d = direct("He said “this never closes\n\nAnd this is a new paragraph.");
        assert_eq!(d.len(), 1);
        assert!(!d[0].contains("new paragraph"));
    }
}
