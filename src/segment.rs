//! Segmentation: paragraphs, sentences and tokens, all as byte spans of the input.
//!
//! Every later stage works on these spans and never copies text, so offsets stay exact by
//! construction. Paragraphs are blocks separated by blank lines; where a text has no blank
//! line at all (a paste with one line per paragraph), each non-empty line is a paragraph.
//!
//! Sentence splitting is rule-based: a `.`, `!`, `?` or `…` (with any closing quote marks or
//! brackets after it) ends a sentence when the next token starts a new one and the word
//! before the period is not a known abbreviation (`Mr.`, `Gen.`, `U.S.`) or an initial.

use crate::lexicon;
use crate::types::Span;

/// What a token is made of. Quote marks and apostrophes are left to [`crate::quotes`]:
/// an apostrophe inside a word (`Russia’s`, `don't`) stays part of the word token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, with internal apostrophes, hyphens and abbreviation periods (`U.S.`).
    Word,
    /// Digits with internal `,` `.` and a trailing `%` (`5,000`, `3.5%`).
    Number,
    /// Any other single non-space character.
    Punct,
}

/// One token: its byte span, as `u32` offsets (8 bytes a token: the token table is the
/// engine's largest allocation). Inputs are limited to [`MAX_INPUT`] bytes. What else the
/// engine knows of a token (its kind, its word lists, where its sentence starts) is in the
/// document's compact per-token table: see [`Document::kind`], [`Document::lex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
}

const _: () = assert!(std::mem::size_of::<Token>() == 8);

/// Largest input the engine segments (4 GiB − 1: offsets are `u32` inside the token
/// table); [`crate::annotate`] truncates longer input at a char boundary.
pub const MAX_INPUT: usize = u32::MAX as usize;

impl Token {
    fn new(span: Span) -> Self {
        Token {
            start: span.start as u32,
            end: span.end as u32,
        }
    }
    /// The token's byte span.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// Per-token facts, 16 bits a token (`Document::meta`): the word-list entry, the kind, and
/// two facts about the first character.
mod meta {
    /// Bits 0..12: the token's entry in `Document::infos` ([`OVERFLOW`]: look the text up).
    pub const INFO: u16 = 0x0fff;
    /// An article with more distinct word-list answers than `INFO` can number (none has
    /// nearly so many): such tokens are looked up again from their text.
    pub const OVERFLOW: u16 = INFO;
    /// Bits 12..14: the [`super::TokKind`].
    pub const KIND_SHIFT: u16 = 12;
    /// The token opens a sentence.
    pub const SENTENCE_START: u16 = 1 << 14;
    /// The token's first character is uppercase (`char::is_uppercase`).
    pub const UPPER: u16 = 1 << 15;
}

/// A sentence: a run of tokens within a paragraph (its text: [`Document::sentence_span`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub paragraph: usize,
    /// Tokens `tokens[first..last]`.
    pub first: usize,
    pub last: usize,
}

/// A sentence as a [`Document`] keeps it: [`Sentence`] in 32-bit fields (token indices are
/// below `u32::MAX`: see [`MAX_INPUT`]), 12 bytes for a long text's hundreds of thousands.
#[derive(Debug, Clone, Copy)]
struct SentenceRow {
    paragraph: u32,
    first: u32,
    last: u32,
}

impl SentenceRow {
    #[inline]
    fn get(self) -> Sentence {
        Sentence {
            paragraph: self.paragraph as usize,
            first: self.first as usize,
            last: self.last as usize,
        }
    }
}

/// A segmented article. Built once, read by every stage.
pub struct Document<'a> {
    pub text: &'a str,
    pub paragraphs: Vec<Span>,
    /// The sentences in order ([`Document::sentence`]).
    sentences: Vec<SentenceRow>,
    pub tokens: Vec<Token>,
    /// Per token: [`meta`] bits.
    meta: Vec<u16>,
    /// Per [`BLOCK`] bytes of the text, the index of the first token starting in or after
    /// that block (one more entry for the end).
    blocks: Vec<u32>,
    /// The distinct word-list answers of this article's tokens (entry 0: in no list).
    infos: Vec<lexicon::WordInfo>,
}

/// Bytes of text per entry of `Document::blocks`.
const BLOCK: usize = 256;

/// `Document::blocks` for a text of `len` bytes.
#[inline(never)]
fn block_index(len: usize, tokens: &[Token]) -> Vec<u32> {
    let n = len / BLOCK + 2;
    let mut out = Vec::with_capacity(n);
    let mut k = 0;
    for b in 0..n {
        let at = (b * BLOCK).min(u32::MAX as usize) as u32;
        // Tokens start at distinct bytes, so of those from `k` on (which start at or after
        // the block before) only the first `BLOCK` can start before this one: a search among
        // them, not a walk over every token.
        let near = &tokens[k..(k + BLOCK).min(tokens.len())];
        k += near.partition_point(|t| t.start < at);
        out.push(k as u32);
    }
    out
}

#[inline]
fn kind_of(m: u16) -> TokKind {
    match (m >> meta::KIND_SHIFT) & 3 {
        0 => TokKind::Word,
        1 => TokKind::Number,
        _ => TokKind::Punct,
    }
}

/// Numbers the distinct [`lexicon::WordInfo`]s of an article's tokens as they are met.
struct Infos {
    infos: Vec<lexicon::WordInfo>,
    /// Number given to each compiled-table entry, by entry (0: none yet).
    by_entry: Vec<u16>,
    /// Numbers of answers that are no table entry's own (trailing periods, …), by the
    /// answer's bits and cue row packed in a `u64` (an exact key). The map holds one number
    /// per key, in a vector: the map type of the entity indices (`crate::fx::IdMap`), so its
    /// code is in the wasm once.
    by_value: crate::fx::IdMap,
    /// The answers of recently met short words, by their bytes (a direct-mapped cache: most
    /// words of an article are a few hundred common ones).
    recent: Vec<(u64, u64, u16)>,
    /// `64 - log2(recent.len())`: a slot is the top bits of a word's hash.
    shift: u32,
}

/// Entries of `Infos::recent` for a text of `len` bytes: a power of two, one per 32 bytes
/// of text, from 1024 to 32768 (a megabyte of news has some 18,000 distinct words: a table
/// of a quarter as many entries kept evicting words still in use).
fn recent_len(len: usize) -> usize {
    (len / 32).next_power_of_two().clamp(1 << 10, 1 << 15)
}

impl Infos {
    fn new(text_len: usize) -> Self {
        let n = recent_len(text_len);
        Infos {
            infos: vec![lexicon::WordInfo::default()],
            by_entry: vec![0; lexicon::table_len() + 1],
            by_value: Default::default(),
            recent: vec![(0, 0, 0); n],
            shift: 64 - n.trailing_zeros(),
        }
    }

    /// [`Infos::id`], answered from `recent` for a word of up to 15 bytes (its bytes and
    /// its length are the key: an answer depends on nothing else).
    ///
    /// Inlined into the tokenizer in native builds (its one caller, `push_token`, once a
    /// token); the look-up on a miss stays out of line.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn id_cached(&mut self, text: &str, start: usize, end: usize) -> u16 {
        let n = end - start;
        let bytes = text.as_bytes();
        if n == 0 || n > 15 || start + 16 > bytes.len() {
            return self.id(text, start, end);
        }
        let (lo, hi) = crate::lexicon::word_chunks(bytes, start, n);
        // (The length in the top byte of `hi`: the word's 16th byte is never used.)
        let hi = hi | (n as u64) << 56;
        let slot =
            ((lo ^ hi.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize;
        let (l, h, id) = self.recent[slot];
        if l == lo && h == hi {
            return id;
        }
        let id = self.id(text, start, end);
        self.recent[slot] = (lo, hi, id);
        id
    }

    /// The number of the answer for the word `text[start..end]`.
    #[inline]
    fn id(&mut self, text: &str, start: usize, end: usize) -> u16 {
        let (info, entry) = lexicon::word_info_in(text, start, end);
        if info == lexicon::WordInfo::default() {
            return 0;
        }
        if entry > 0 {
            let id = self.by_entry[entry as usize];
            if id > 0 {
                return id;
            }
            let id = self.next(info);
            self.by_entry[entry as usize] = id;
            id
        } else {
            let key = u64::from(info.bits) << 16 | u64::from(info.cue);
            if let Some(&id) = self.by_value.get(&key).and_then(|ids| ids.first()) {
                return id as u16;
            }
            let id = self.next(info);
            if id != meta::OVERFLOW {
                crate::fx::ids_mut(&mut self.by_value, key).push(id as usize);
            }
            id
        }
    }

    fn next(&mut self, info: lexicon::WordInfo) -> u16 {
        if self.infos.len() >= meta::OVERFLOW as usize {
            return meta::OVERFLOW;
        }
        self.infos.push(info);
        (self.infos.len() - 1) as u16
    }
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        // Offsets in the token table are u32: beyond MAX_INPUT bytes, only the prefix (cut at
        // a char boundary) is read. (On 32-bit targets no `str` is longer than that.)
        #[allow(clippy::unnecessary_min_or_max)]
        let mut cut = text.len().min(MAX_INPUT);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &text[..cut];
        let paragraphs = paragraphs(text);
        let mut tokens = Vec::new();
        let mut meta = Vec::new();
        let mut infos = Infos::new(text.len());
        let mut sentences = Vec::new();
        let mut enders = Vec::new();
        for (pi, p) in paragraphs.iter().enumerate() {
            let first = tokens.len();
            enders.clear();
            tokenize(text, *p, &mut tokens, &mut meta, &mut infos, &mut enders);
            split_sentences(text, pi, first, &tokens, &mut meta, &mut sentences, &enders);
        }
        let blocks = block_index(text.len(), &tokens);
        Document {
            text,
            paragraphs,
            sentences,
            tokens,
            meta,
            blocks,
            infos: infos.infos,
        }
    }

    /// The text of a span.
    pub fn slice(&self, s: Span) -> &'a str {
        &self.text[s.start..s.end]
    }

    /// The text of token `i`.
    ///
    /// Called from every stage, so inlining its bounds checks and slice arithmetic into each
    /// caller costs the wasm build kilobytes: there it (like [`Document::info`] and
    /// [`Document::is`]) stays out of line — 150.6 → 139.8 KB gzipped for the module and
    /// glue, ≤ 3 % slower in V8 — and native builds keep it inline.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn tok(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start as usize..t.end as usize]
    }

    /// The bytes of token `i`: for a caller that only compares, measures or tests them.
    ///
    /// A `&str` slice tests that both ends fall on a char boundary (two more loads and
    /// branches); a byte slice only that it lies in the text. A token's ends always fall on
    /// one, so the test never fails; on every token of every stage it cost millions of
    /// instructions a megabyte.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn tok_bytes(&self, i: usize) -> &'a [u8] {
        let t = self.tokens[i];
        &self.text.as_bytes()[t.start as usize..t.end as usize]
    }

    /// Is token `i` the word (or mark) `w`, exactly? [`Document::tok`]` == w` without
    /// making a `&str` (see [`Document::tok_bytes`]).
    #[inline]
    pub fn tok_is(&self, i: usize, w: &str) -> bool {
        self.tok_bytes(i) == w.as_bytes()
    }

    /// Does token `i` start with a lowercase letter (`char::is_lowercase`)? An ASCII first
    /// byte is told by itself; only another is decoded.
    #[inline]
    pub fn starts_lower(&self, i: usize) -> bool {
        match self.tok_bytes(i).first() {
            Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
            Some(_) => self.tok(i).starts_with(char::is_lowercase),
            None => false,
        }
    }

    /// What token `i` is made of.
    #[inline]
    pub fn kind(&self, i: usize) -> TokKind {
        kind_of(self.meta[i])
    }

    /// Does token `i` open its sentence?
    #[inline]
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.meta[i] & meta::SENTENCE_START != 0
    }

    /// Sentence `si`.
    #[inline]
    pub fn sentence(&self, si: usize) -> Sentence {
        self.sentences[si].get()
    }

    /// The sentences in order.
    pub fn sentences(&self) -> impl ExactSizeIterator<Item = Sentence> + '_ {
        self.sentences.iter().map(|s| s.get())
    }

    /// How many sentences the document has.
    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// Index of the sentence token `i` belongs to.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.first as usize <= i) - 1
    }

    /// Is the first character of token `i` uppercase (`char::is_uppercase`)?
    #[inline]
    pub fn is_upper(&self, i: usize) -> bool {
        self.meta[i] & meta::UPPER != 0
    }

    /// Is token `i` a capitalised word that may be part of a name? Not one of
    /// [`lexicon::NOT_NAME_WORDS`] (`The`, `Monday`, `In`), except a month after a name, which
    /// is a surname (`Theresa May`, `Brian May`; not `Tuesday, May 5`).
    pub fn is_name_cap(&self, i: usize) -> bool {
        self.is_upper(i) && (!self.is(i, lexicon::LEX_NOT_NAME_WORD) || self.is_month_surname(i))
    }

    /// Token `j` (after a name's word) is a month that is a surname there: `May` in `Theresa
    /// May said`, `Theresa May’s`, not in `… Clinton May 5` or before another capitalised word
    /// (a title-case headline: `Trump May Win`).
    pub fn is_month_surname(&self, j: usize) -> bool {
        matches!(
            lexicon::strip_possessive_bytes(self.tok_bytes(j)),
            b"May" | b"June"
        ) && j > 0
            && self.is_upper(j - 1)
            && !self.is(j - 1, lexicon::LEX_NOT_NAME_WORD | lexicon::LEX_TITLE_WORD)
            && self.tokens.get(j + 1).is_none_or(|_| {
                let k = self.kind(j + 1);
                k != TokKind::Number && !(k == TokKind::Word && self.is_upper(j + 1))
            })
    }

    /// What the compiled word lists say about token `i` ([`lexicon::word_info`] on its text,
    /// found once at segmentation).
    ///
    /// Native builds inline it always (a plain `inline` left a million calls a megabyte
    /// out of line); the rare overflow lookup stays out of line.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn info(&self, i: usize) -> lexicon::WordInfo {
        let id = self.meta[i] & meta::INFO;
        if id == meta::OVERFLOW {
            return self.overflow_info(i);
        }
        self.infos[id as usize]
    }

    /// [`Document::info`] of a token whose answer has no number: looked up again.
    #[cold]
    #[inline(never)]
    fn overflow_info(&self, i: usize) -> lexicon::WordInfo {
        lexicon::word_info(self.tok(i)).0
    }

    /// The compiled word lists token `i` is in (`lexicon::LEX_*` bits; see
    /// [`lexicon::word_bits`]): `doc.is(i, LEX_SPEECH_VERB)` is `is_speech_verb(doc.tok(i))`
    /// without folding the token's text again.
    #[inline]
    pub fn lex(&self, i: usize) -> lexicon::LexBits {
        self.info(i).bits
    }

    /// Is token `i` in any of the compiled lists in `bits`?
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn is(&self, i: usize, bits: lexicon::LexBits) -> bool {
        self.lex(i) & bits != 0
    }

    /// Is token `i` a strong speech verb (`said`, `told`), one that reports speech wherever
    /// it stands? Weak ones (`notes`, `reports`) are nouns as often and count only next to a
    /// mark or before `that`.
    #[inline]
    pub fn is_strong_speech_verb(&self, i: usize) -> bool {
        self.lex(i) & (lexicon::LEX_SPEECH_VERB | lexicon::LEX_WEAK_SPEECH_VERB)
            == lexicon::LEX_SPEECH_VERB
    }

    /// Index of the paragraph containing byte `pos`, if any.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end < pos);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= pos).then_some(i)
    }

    /// Index of the sentence containing byte `pos` (or the nearest one before it).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self
            .sentences
            .partition_point(|s| self.tokens[s.first as usize].span().start <= pos);
        i.checked_sub(1)
    }

    /// The byte span of sentence `si`: its first token's start to its last token's end.
    pub fn sentence_span(&self, si: usize) -> Span {
        let s = self.sentence(si);
        Span::new(
            self.tokens[s.first].span().start,
            self.tokens[s.last - 1].span().end,
        )
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        // (Token offsets are below u32::MAX, so clamping `pos` keeps every comparison.)
        let p = pos.min(u32::MAX as usize) as u32;
        // The tokens starting in `pos`'s block of the text, then a search among them: a few
        // steps in one place instead of a search over the whole table.
        let b = pos / BLOCK;
        let (lo, hi) = match (self.blocks.get(b), self.blocks.get(b + 1)) {
            (Some(&lo), Some(&hi)) => (lo as usize, hi as usize),
            _ => (
                *self.blocks.last().expect("never empty") as usize,
                self.tokens.len(),
            ),
        };
        lo + self.tokens[lo..hi].partition_point(|t| t.start < p)
    }

    /// Index one past the last token ending at or before byte `pos`.
    pub fn tokens_before(&self, pos: usize) -> usize {
        // Tokens do not overlap: of those starting before `pos`, only the last can end
        // after it.
        let i = self.token_at_or_after(pos);
        if i > 0 && self.tokens[i - 1].end as usize > pos {
            i - 1
        } else {
            i
        }
    }
}

/// Splits `text` into paragraph spans, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let has_blank_line = blank_line_breaks(text).next().is_some();
    let mut out = Vec::new();
    let mut push = |s: usize, e: usize| {
        let (a, b) = trim(text, s, e);
        if a < b {
            out.push(Span::new(a, b));
        }
    };
    if has_blank_line {
        let mut start = 0;
        // (A block with no line break is one line: wrapped, with no need to look again.)
        let mut block = |s: usize, e: usize, has_line_break: bool| {
            if !has_line_break || is_wrapped(&text[s..e]) {
                push(s, e);
            } else {
                each_line(text, s, e, &mut push);
            }
        };
        let mut breaks = blank_line_breaks(text);
        while let Some((bs, be)) = breaks.next() {
            block(start, bs, breaks.line_break);
            start = be;
        }
        block(start, text.len(), breaks.line_break);
    } else {
        each_line(text, 0, text.len(), &mut push);
    }
    out
}

/// Longest line, in bytes, that a hard-wrapped text is taken to have (`fmt`, mail and
/// plain-text archives wrap at 72–80 characters).
const WRAP_WIDTH: usize = 100;

/// Whether a block between blank lines is one paragraph wrapped over several lines, rather
/// than several paragraphs one per line. Scraped news often separates a headline from the
/// body by a blank line but the body's paragraphs by single line breaks; a block with a line
/// longer than any wrapped text has is such a body.
fn is_wrapped(block: &str) -> bool {
    let mut lines = block.trim_end().split('\n');
    lines.next_back();
    // (A line's width is its text's: neither a CRLF line's `\r` nor the spaces around it
    // count, so the same text is segmented alike with either line ending or indented.)
    lines.all(|l| l.trim().len() <= WRAP_WIDTH)
}

/// Calls `push` with each line of `text[s..e]`.
fn each_line(text: &str, s: usize, e: usize, push: &mut impl FnMut(usize, usize)) {
    let mut start = s;
    for (i, b) in text[s..e].bytes().enumerate() {
        if b == b'\n' {
            push(start, s + i);
            start = s + i + 1;
        }
    }
    push(start, e);
}

/// Byte ranges of runs of whitespace that contain two or more line breaks.
fn blank_line_breaks(text: &str) -> BlankLineBreaks<'_> {
    BlankLineBreaks {
        text,
        i: 0,
        line_break: false,
    }
}

/// The iterator of [`blank_line_breaks`]. It also tells whether the text between the run it
/// returned last and the one before (or the end of the text, once it is done) has a line
/// break: every line break of the text is passed on the way.
struct BlankLineBreaks<'t> {
    text: &'t str,
    i: usize,
    line_break: bool,
}

impl Iterator for BlankLineBreaks<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        self.line_break = false;
        while self.i < bytes.len() {
            // (To the next line break by `str::find`, which runs `memchr`: `i` is 0 or just
            // past ASCII whitespace, a char boundary.)
            match text[self.i..].find('\n') {
                Some(k) => self.i += k,
                None => self.i = bytes.len(),
            }
            let i = self.i;
            if i < bytes.len() {
                // Extend over the whole whitespace run around this newline.
                let mut s = i;
                while s > 0 && matches!(bytes[s - 1], b' ' | b'\t' | b'\r') {
                    s -= 1;
                }
                let mut e = i + 1;
                let mut newlines = 1;
                while e < bytes.len() && matches!(bytes[e], b' ' | b'\t' | b'\r' | b'\n') {
                    if bytes[e] == b'\n' {
                        newlines += 1;
                    }
                    e += 1;
                }
                self.i = e;
                if newlines >= 2 {
                    return Some((s, e));
                }
                self.line_break = true;
            }
        }
        None
    }
}

/// Trims Unicode whitespace from both ends of `text[s..e]`.
pub fn trim(text: &str, s: usize, e: usize) -> (usize, usize) {
    let seg = &text[s..e];
    let lead = seg.len() - seg.trim_start().len();
    let trail = seg.len() - seg.trim_end().len();
    if lead == seg.len() {
        return (s, s);
    }
    (s + lead, e - trail)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Appends the tokens of `text[p]` to `out`, and their facts to `meta` (sentence starts are
/// marked later); and to `enders` the indices of the tokens that may end a sentence (`.`,
/// `!`, `?`, `…`), for [`split_sentences`].
///
/// Out of line, like [`split_sentences`] and [`block_index`]: inlined into `Document::new`,
/// and so into its caller's body of quotes and speakers, their loops were compiled less well
/// (about a million more instructions a megabyte).
#[inline(never)]
fn tokenize(
    text: &str,
    p: Span,
    out: &mut Vec<Token>,
    meta: &mut Vec<u16>,
    infos: &mut Infos,
    enders: &mut Vec<u32>,
) {
    let seg = &text[p.start..p.end];
    let bytes = seg.as_bytes();
    // Characters are read at byte offsets: ASCII as is (most of news text: its whitespace
    // and letters are told by one look at the byte), others decoded.
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, cl, class) = if b < 0x80 {
            let class = ASCII_CLASS[b as usize];
            if class & SPACE != 0 {
                i += 1;
                continue;
            }
            (b as char, 1, class)
        } else {
            let (c, cl) = char_at(seg, i);
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            (c, cl, if is_alphanumeric(c) { ALNUM } else { 0 })
        };
        let (j, kind) = if class & ALNUM != 0 {
            word_end(seg, i, c, cl)
        } else {
            (i + cl, TokKind::Punct)
        };
        if kind == TokKind::Punct && matches!(c, '.' | '!' | '?' | '…') {
            enders.push(out.len() as u32);
        }
        push_token(
            text,
            Span::new(p.start + i, p.start + j),
            kind,
            c,
            out,
            meta,
            infos,
        );
        // (Most tokens are followed by one space: passed over here, not by another turn.)
        i = j + usize::from(bytes.get(j) == Some(&b' '));
    }
}

/// Where the word or number that starts with `c` (of `cl` bytes) at byte `i` of `seg` ends,
/// and which kind it is.
#[inline]
fn word_end(seg: &str, i: usize, c: char, cl: usize) -> (usize, TokKind) {
    let bytes = seg.as_bytes();
    let numeric = c.is_ascii_digit();
    let mut all_digits = numeric;
    // `j`: the next character not yet taken into the token.
    let mut j = i + cl;
    loop {
        // Most of a word is a run of ASCII letters and digits: passed over first.
        let run = j;
        j = alnum_run_end(bytes, j);
        if j > run {
            all_digits = all_digits && bytes[run..j].iter().all(u8::is_ascii_digit);
        }
        // (Of the other ASCII characters only `'`, `-`, `.` and `,` may continue a word.)
        if j == bytes.len() || ASCII_CLASS[bytes[j] as usize] & ENDS_WORD != 0 {
            break;
        }
        let (d, dl) = char_at(seg, j);
        // (Is the character before `d` an ASCII digit? Its last byte tells: a longer
        // character's last byte is none.)
        let prev_digit = bytes[j - 1].is_ascii_digit();
        let accept = if is_alphanumeric(d) || is_mark(d) {
            true
        } else if is_apostrophe(d) || d == '-' || d == '.' || d == ',' || d == '‑' {
            // Internal only: the next character must continue the word.
            let next = (j + dl < bytes.len()).then(|| char_at(seg, j + dl).0);
            match (d, next) {
                (',', Some(n)) => all_digits && prev_digit && n.is_ascii_digit(),
                ('.', Some(n)) => {
                    (all_digits && n.is_ascii_digit() && prev_digit)
                        || (n.is_alphabetic() && is_abbrev_dot(seg, j))
                }
                (_, Some(n)) => is_alphanumeric(n) && !(all_digits && is_apostrophe(d)),
                _ => false,
            }
        } else {
            false
        };
        if !accept {
            break;
        }
        if !(d.is_ascii_digit() || d == ',' || d == '.') {
            all_digits = false;
        }
        j += dl;
    }
    // Keep the final period of dotted abbreviations (`U.S.`) and of capitalised
    // honorifics and titles (`Mr.`, `Gen.`) with the word: `Mr. Reeves` is a name,
    // not the end of a sentence. (The cheap tests first: most words before a period are
    // neither.)
    if bytes.get(j) == Some(&b'.') {
        let w = &seg[i..j];
        // (A byte loop: `str::contains` calls `memchr`, slow to start on a short word.)
        let dotted =
            w.bytes().any(|b| b == b'.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 4;
        let title = w.len() <= 5
            && c.is_uppercase()
            && (lexicon::is_honorific(w) || lexicon::is_pre_name_title(w));
        if dotted || title {
            j += 1;
        }
    }
    // A percent sign belongs to its number.
    if numeric && bytes.get(j) == Some(&b'%') {
        j += 1;
    }
    let kind = if numeric {
        TokKind::Number
    } else {
        TokKind::Word
    };
    (j, kind)
}

/// Per byte, the facts the tokenizer asks of a character that is that ASCII byte (none for
/// bytes 0x80 and up): one load tells whitespace, a letter or digit, and a character that
/// ends a word.
const ASCII_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        // (`char::is_whitespace` of an ASCII character.)
        if matches!(c, b' ' | b'\t'..=b'\r') {
            t[b] |= SPACE;
        }
        if c.is_ascii_alphanumeric() {
            t[b] |= ALNUM;
        }
        // (Of the ASCII characters only these four may continue a word past its letters and
        // digits.)
        if !matches!(c, b'\'' | b'-' | b'.' | b',') {
            t[b] |= ENDS_WORD;
        }
        b += 1;
    }
    t
};
/// [`ASCII_CLASS`] bits: whitespace; a letter or digit (`char::is_alphanumeric`); no
/// continuation of a word.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const ENDS_WORD: u8 = 4;

/// The end of the run of ASCII letters and digits that starts at `bytes[j]` (`j` itself if
/// there is none): eight bytes at a time while eight are left (most words take one step),
/// then byte by byte.
#[inline]
fn alnum_run_end(bytes: &[u8], mut j: usize) -> usize {
    while let Some(chunk) = bytes.get(j..j + 8) {
        let stop = not_alnum(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        if stop != 0 {
            return j + (stop.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < bytes.len() && ASCII_CLASS[bytes[j] as usize] & ALNUM != 0 {
        j += 1;
    }
    j
}

/// Of eight bytes (little-endian in `x`), those that are no ASCII letter or digit: the high
/// bit of each such byte set, all else clear.
#[inline]
fn not_alnum(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Per byte, on its low seven bits (so no sum carries into the next byte): the high bit of
    // `y + (0x80 - lo)` is set when the byte is `lo` or above.
    let at_least = |y: u64, lo: u8| y + ONES * (0x80 - u64::from(lo));
    let y = x & !HIGH;
    let digit = at_least(y, b'0') & !at_least(y, b'9' + 1);
    // (`| 0x20` takes `A`..=`Z` to `a`..=`z` and nothing else there.)
    let l = y | (ONES * 0x20);
    let letter = at_least(l, b'a') & !at_least(l, b'z' + 1);
    (x | !(digit | letter)) & HIGH
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for the General Punctuation
/// block (curly quotes, dashes, the ellipsis: most of news text's non-ASCII), which holds
/// no letter or digit (a test checks).
#[inline]
fn is_alphanumeric(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphanumeric()
}

/// Appends the token `text[span]` (of `kind`, starting with `first`) and its facts.
///
/// Inlined into the tokenizer's loop in native builds: called once a token, its call cost
/// a tenth of its time there.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn push_token(
    text: &str,
    span: Span,
    kind: TokKind,
    first: char,
    out: &mut Vec<Token>,
    meta: &mut Vec<u16>,
    infos: &mut Infos,
) {
    // (A punctuation token is one character, which no list holds but a list's word of one
    // character.)
    let id = if kind == TokKind::Punct && !lexicon::may_hold_char(first) {
        0
    } else {
        infos.id_cached(text, span.start, span.end)
    };
    let mut m = id | ((kind as u16) << meta::KIND_SHIFT);
    if first.is_uppercase() {
        m |= meta::UPPER;
    }
    out.push(Token::new(span));
    meta.push(m);
}

/// The character at byte `i` of `s` (a char boundary) and its length in bytes.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = s[i..].chars().next().expect("a character starts here");
        (c, c.len_utf8())
    }
}

fn is_mark(c: char) -> bool {
    // Combining marks keep a word whole (`é` written as `e` + U+0301).
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Is the `.` at `seg[j]` inside a dotted abbreviation like `U.S` or `a.m`? (Single letters
/// on both sides.)
fn is_abbrev_dot(seg: &str, j: usize) -> bool {
    let before = seg[..j].chars().rev().take(2).collect::<Vec<_>>();
    let single_before = match before.as_slice() {
        [a] => a.is_alphabetic(),
        [a, b, ..] => a.is_alphabetic() && !b.is_alphanumeric(),
        _ => false,
    };
    let after = seg[j + 1..].chars().take(2).collect::<Vec<_>>();
    let single_after = match after.as_slice() {
        [a] => a.is_alphabetic(),
        [a, b, ..] => a.is_alphabetic() && !b.is_alphanumeric(),
        _ => false,
    };
    single_before && single_after
}

pub fn is_open_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«' | '„' | '‹' | '\'' | '(' | '[')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '»' | '›' | '\'' | ')' | ']')
}

/// Fills `sentences` with the sentences of the paragraph whose tokens start at `first`;
/// `enders` are its tokens that may end one (from [`tokenize`]): only those and the tokens
/// after them are read.
#[inline(never)]
fn split_sentences(
    text: &str,
    paragraph: usize,
    first: usize,
    tokens: &[Token],
    meta: &mut [u16],
    sentences: &mut Vec<SentenceRow>,
    enders: &[u32],
) {
    let n = tokens.len();
    let mut start = first;
    // The first token not yet read (an ender before it was taken with the one before).
    let mut next = first;
    for &e in enders {
        let i = e as usize;
        if i < next {
            continue;
        }
        // Absorb closing marks and further enders: `?!`, `.”`, `.)`.
        let mut j = i + 1;
        while j < n {
            let u = &text[tokens[j].span().start..tokens[j].span().end];
            let c = u.chars().next().unwrap_or(' ');
            let adjacent = tokens[j].span().start == tokens[j - 1].span().end;
            if matches!(u, "." | "!" | "?" | "…") || (is_closer(c) && adjacent && u.len() <= 3) {
                j += 1;
            } else {
                break;
            }
        }
        if j >= n
            || (starts_sentence(text, tokens, meta, j)
                && !is_abbreviation_before(text, tokens, i, first))
        {
            push_sentence(paragraph, start, j, meta, sentences);
            start = j;
        }
        next = j;
    }
    if start < n {
        push_sentence(paragraph, start, n, meta, sentences);
    }
}

fn push_sentence(
    paragraph: usize,
    a: usize,
    b: usize,
    meta: &mut [u16],
    sentences: &mut Vec<SentenceRow>,
) {
    meta[a] |= meta::SENTENCE_START;
    sentences.push(SentenceRow {
        paragraph: paragraph as u32,
        first: a as u32,
        last: b as u32,
    });
}

/// Does token `j` look like the start of a sentence?
fn starts_sentence(text: &str, tokens: &[Token], meta: &[u16], j: usize) -> bool {
    let mut k = j;
    // Skip opening quote marks and brackets.
    while k < tokens.len() && kind_of(meta[k]) == TokKind::Punct {
        let c = text[tokens[k].span().start..].chars().next().unwrap_or(' ');
        if is_open_quote_char(c) || c == '”' || c == '—' || c == '-' {
            k += 1;
        } else {
            break;
        }
    }
    let Some(t) = tokens.get(k) else { return false };
    let c = text[t.span().start..].chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_numeric() || !c.is_alphabetic() && kind_of(meta[k]) != TokKind::Punct
}

/// Is the period at token `i` the end of an abbreviation or an initial, not a sentence?
fn is_abbreviation_before(text: &str, tokens: &[Token], i: usize, first: usize) -> bool {
    if i == first || tokens[i - 1].span().end != tokens[i].span().start {
        return false;
    }
    if &text[tokens[i].span().start..tokens[i].span().end] != "." {
        return false;
    }
    let w = &text[tokens[i - 1].span().start..tokens[i - 1].span().end];
    let mut chars = w.chars();
    let single_cap = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_cap || lexicon::is_abbreviation(w)
}

/// Byte offset → offset in another unit (UTF-16 code units, code points), for a known set
/// of byte offsets: one pass over the text, then a binary search per lookup.
pub struct OffsetMap {
    pairs: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// Prepares the mapping for `offsets` (any order, duplicates allowed); `unit_len` is how
    /// many units a character counts for (`char::len_utf16`, or 1 for code points).
    pub fn new(text: &str, mut offsets: Vec<usize>, unit_len: fn(char) -> usize) -> Self {
        crate::sort::by_key(&mut offsets, |&o| o);
        offsets.dedup();
        let mut pairs = Vec::with_capacity(offsets.len());
        let mut pos = 0usize;
        let mut it = offsets.into_iter().peekable();
        for (b, ch) in text.char_indices() {
            while let Some(&o) = it.peek() {
                if o > b {
                    break;
                }
                pairs.push((o, pos));
                it.next();
            }
            pos += unit_len(ch);
        }
        pairs.extend(it.map(|o| (o, pos)));
        OffsetMap { pairs }
    }

    /// The offset of byte offset `byte`, which must have been given to [`Self::new`].
    pub fn get(&self, byte: usize) -> usize {
        match self.pairs.binary_search_by_key(&byte, |p| p.0) {
            Ok(i) => self.pairs[i].1,
            Err(i) => i.checked_sub(1).map_or(0, |k| self.pairs[k].1),
        }
    }
}

/// Maps UTF-8 byte offsets to UTF-16 code-unit offsets in one pass over the text.
pub struct Utf16Map(OffsetMap);

impl Utf16Map {
    /// Prepares the mapping for `offsets` (any order, duplicates allowed).
    pub fn new(text: &str, offsets: Vec<usize>) -> Self {
        Utf16Map(OffsetMap::new(text, offsets, char::len_utf16))
    }

    /// The UTF-16 offset of byte offset `byte`, which must have been given to [`Self::new`].
    pub fn get(&self, byte: usize) -> usize {
        self.0.get(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let d = Document::new(text);
        (0..d.sentence_count())
            .map(|si| d.slice(d.sentence_span(si)))
            .collect()
    }

    #[test]
    fn paragraphs_split_on_blank_lines_only_when_present() {
        let t = "One line\nstill one.\n\nTwo.\r\n  \r\nThree.";
        let d = Document::new(t);
        let ps: Vec<_> = d.paragraphs.iter().map(|p| d.slice(*p)).collect();
        assert_eq!(ps, ["One line\nstill one.", "Two.", "Three."]);
        let d = Document::new("A.\nB.\n");
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn a_crlf_line_is_as_wide_as_its_lf_twin() {
        // A line of exactly the wrap width: with `\r\n` endings the block is still wrapped
        // text, as with `\n` (the proptest `crlf_finds_what_lf_finds` found the difference).
        let line = "x".repeat(WRAP_WIDTH);
        let lf = format!("Head\n\n{line}\nmore\nend");
        let crlf = lf.replace('\n', "\r\n");
        let count = |t: &str| paragraphs(t).len();
        assert_eq!(count(&lf), 2);
        assert_eq!(count(&crlf), count(&lf));
        // (Nor do spaces before it: the proptest `leading_spaces_only_shift_offsets`.)
        let indented = format!("Head\n\n  {line}\nmore\nend");
        assert_eq!(count(&indented), count(&lf));
    }

    #[test]
    fn blank_line_breaks_tell_which_blocks_have_a_line_break() {
        let t = "A\nB \r\n\nC  \n \n\nD\r\nE";
        let mut breaks = blank_line_breaks(t);
        let mut seen = Vec::new();
        while let Some((s, e)) = breaks.next() {
            seen.push((&t[s..e], breaks.line_break));
        }
        seen.push(("", breaks.line_break));
        assert_eq!(seen, [(" \r\n\n", true), ("  \n \n\n", false), ("", true)]);
    }

    #[test]
    fn a_block_with_a_long_line_has_one_paragraph_per_line() {
        // A scraped page: the headline set off by a blank line, the body's paragraphs by
        // single line breaks. A line longer than wrapped text has marks such a body.
        let body = "“It is a dog whistle to all Americans,” Rep. Gwen Moore said on Friday afternoon. “If indeed he is not legitimate, then how can you feel good about yourself.";
        let t = format!(
            "Headline Here\n\n{body}\n“I have been thinking,” added Rep. Jim Clyburn.\nShort end."
        );
        let d = Document::new(&t);
        let ps: Vec<_> = d.paragraphs.iter().map(|p| d.slice(*p)).collect();
        assert_eq!(
            ps,
            [
                "Headline Here",
                body,
                "“I have been thinking,” added Rep. Jim Clyburn.",
                "Short end."
            ]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_initials_and_quotes() {
        assert_eq!(
            sents("Mr. Kirby met Gen. Milley in the U.S. on Monday. Then he left."),
            [
                "Mr. Kirby met Gen. Milley in the U.S. on Monday.",
                "Then he left."
            ]
        );
        assert_eq!(
            sents("“We are ready.” He said so. Chang W. Lee took it."),
            ["“We are ready.”", "He said so.", "Chang W. Lee took it."]
        );
        assert_eq!(sents("Is it? yes it is."), ["Is it? yes it is."]);
    }

    #[test]
    fn tokens_keep_apostrophes_numbers_and_abbreviations_whole() {
        let d = Document::new("Russia’s 5,000 troops, 3.5% of the U.S. total, don't.");
        let toks: Vec<_> = (0..d.tokens.len()).map(|i| d.tok(i)).collect();
        assert_eq!(
            toks,
            [
                "Russia’s",
                "5,000",
                "troops",
                ",",
                "3.5%",
                "of",
                "the",
                "U.S.",
                "total",
                ",",
                "don't",
                "."
            ]
        );
        let d = Document::new("’90s and ‘quoted’");
        let toks: Vec<_> = (0..d.tokens.len()).map(|i| d.tok(i)).collect();
        assert_eq!(toks, ["’", "90s", "and", "‘", "quoted", "’"]);
    }

    #[test]
    fn alnum_runs_end_where_a_byte_by_byte_scan_ends() {
        // Every byte value at every place of a chunk, and runs of every length across the
        // chunks' boundaries.
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = vec![b'x'; 12];
                bytes[at] = b;
                let slow = |j: usize| {
                    (j..bytes.len())
                        .find(|&k| !bytes[k].is_ascii_alphanumeric())
                        .unwrap_or(bytes.len())
                };
                for j in 0..=bytes.len() {
                    assert_eq!(alnum_run_end(&bytes, j), slow(j), "{b} at {at} from {j}");
                }
            }
        }
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric());
        }
    }

    #[test]
    fn ascii_class_agrees_with_char() {
        for b in 0..=255u8 {
            let t = ASCII_CLASS[b as usize];
            let c = b as char;
            let ascii = b < 0x80;
            assert_eq!(t & SPACE != 0, ascii && c.is_whitespace(), "{b}");
            assert_eq!(t & ALNUM != 0, ascii && c.is_alphanumeric(), "{b}");
            let joins = matches!(c, '\'' | '-' | '.' | ',');
            assert_eq!(t & ENDS_WORD != 0, ascii && !joins, "{b}");
        }
    }

    #[test]
    fn utf16_map_counts_surrogate_pairs() {
        let t = "a😀é";
        let m = Utf16Map::new(t, vec![0, 1, 5, 7]);
        assert_eq!((m.get(0), m.get(1), m.get(5), m.get(7)), (0, 1, 3, 4));
    }

    #[test]
    fn token_facts_agree_with_the_text() {
        let text = "Mr. Kirby SAID the U.S. Gen. Milley’s staff insisted that “İnsisted” \
                    Said 3.5% of naïve… Sen. accused SEN. Insisted DIDN’T didn't ’90s — «x»";
        let d = Document::new(text);
        for i in 0..d.tokens.len() {
            let w = d.tok(i);
            assert_eq!(d.lex(i), lexicon::word_bits(w), "{w}");
            let first = w.chars().next().unwrap();
            assert_eq!(d.is_upper(i), first.is_uppercase(), "{w}");
            let kind = if first.is_ascii_digit() {
                TokKind::Number
            } else if first.is_alphanumeric() {
                TokKind::Word
            } else {
                TokKind::Punct
            };
            assert_eq!(d.kind(i), kind, "{w}");
            for f in [
                crate::cues::Frame::That,
                crate::cues::Frame::Quote,
                crate::cues::Frame::To,
                crate::cues::Frame::Clause,
            ] {
                let p = d.info(i).cue_probabilities().map_or(0.0, |p| p[f as usize]);
                assert_eq!(p, crate::cues::probability(w, f), "{w}");
            }
            let si = d.sentence_of(i);
            assert!(d.sentence(si).first <= i && i < d.sentence(si).last);
            assert_eq!(d.starts_sentence(i), d.sentence(si).first == i);
        }
    }

    #[test]
    fn token_searches_agree_with_a_search_of_the_whole_table() {
        let text = format!("{}  end.", "Word, x “y” — 3.5% ’90s.\n\n".repeat(40));
        let d = Document::new(&text);
        for pos in 0..=text.len() + 300 {
            let p = pos.min(u32::MAX as usize) as u32;
            let at = d.tokens.partition_point(|t| t.start < p);
            let before = d.tokens.partition_point(|t| t.end <= p);
            assert_eq!(d.token_at_or_after(pos), at, "{pos}");
            assert_eq!(d.tokens_before(pos), before, "{pos}");
        }
        let d = Document::new("");
        assert_eq!((d.token_at_or_after(5), d.tokens_before(5)), (0, 0));
    }

    #[test]
    fn word_list_answers_beyond_the_meta_bits_overflow() {
        let mut infos = Infos::new(0);
        for bits in 1..5000 {
            let id = infos.next(lexicon::WordInfo { bits, cue: 0 });
            assert_eq!(id == meta::OVERFLOW, bits >= meta::OVERFLOW as u32);
        }
    }

    #[test]
    fn empty_and_blank_input() {
        assert!(Document::new("").sentences.is_empty());
        assert!(Document::new(" \n\n \t").paragraphs.is_empty());
    }
}
