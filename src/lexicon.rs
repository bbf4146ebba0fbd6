//! The word lists the engine reasons with: speech verbs, titles, honorifics, organisation
//! words, abbreviations and the function words that are never part of a name.
//!
//! Every list is lowercase and sorted. Two ways to look a word up:
//!
//! - [`in_list`]`(list, word)` works for any sorted lowercase list (stages keep small lists of
//!   their own): a binary search on the word lowercased once into a stack buffer.
//! - The lists of this module (and the claim-signal lists) are also compiled, once per process,
//!   into one hash table from a folded word to a bit set ([`word_bits`], the `LEX_*` bits): one
//!   fold and one probe answer every list at once. The `is_*` functions use it, and
//!   [`crate::segment::Document`] stores each token's bits in its token table at segmentation
//!   ([`crate::segment::Document::lex`]), so stages that test a token against several lists
//!   never fold its text again.
//!
//! Both answer exactly the same question: is the word, folded (lowercased char by char, a
//! curly apostrophe read as a straight one), in the list? The unit tests check that each list
//! stays sorted (what makes the binary search correct) and that the table agrees with it.

use crate::tables::cues::CUES;
use std::cmp::Ordering;
use std::sync::OnceLock;

/// Compares `word` to the lowercase `entry`, ignoring case in `word`; curly apostrophes in
/// `word` compare equal to straight ones in `entry`.
fn cmp_ci(entry: &str, word: &str) -> Ordering {
    let mut a = entry.chars();
    let mut b = word.chars().map(fold_char);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => match x.cmp(&y) {
                Ordering::Equal => continue,
                o => return o,
            },
        }
    }
}

/// One character of a word as the lists spell it: lowercase (the first char of its
/// lowercase form), `’` as `'`.
#[inline]
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if c == '’' {
        '\''
    } else {
        crate::case::lower(c)
    }
}

/// Words longer than this (bytes) are in no list.
const MAX_WORD: usize = 96;

/// Is `word` (any case) in the sorted lowercase `list`?
///
/// For any list, including a stage's own: ASCII words are lowercased into a stack buffer and
/// compared as bytes; only other words take the char-by-char comparison. The lists of this
/// module have faster `is_*` functions (one hash probe; see [`word_bits`]).
pub fn in_list(list: &[&str], word: &str) -> bool {
    const MAX: usize = 24;
    let n = word.len();
    if n > MAX_WORD {
        return false;
    }
    if n <= MAX {
        let mut buf = [0u8; MAX];
        let mut ascii = true;
        for (d, &c) in buf.iter_mut().zip(word.as_bytes()) {
            ascii &= c.is_ascii();
            *d = c.to_ascii_lowercase();
        }
        if ascii {
            let b = &buf[..n];
            return list
                .binary_search_by(|e| cmp_bytes(e.as_bytes(), b))
                .is_ok();
        }
    }
    list.binary_search_by(|e| cmp_ci(e, word)).is_ok()
}

/// `a.cmp(b)` for short byte strings, compared in line. Most entries a search meets differ
/// from the word at the first byte: that is told before the loop.
#[inline]
fn cmp_bytes(a: &[u8], b: &[u8]) -> Ordering {
    if let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            return x.cmp(y);
        }
    }
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

// --- The compiled lists ----------------------------------------------------------------------

/// Bit set of the lists a word is in (see [`word_bits`]).
pub type LexBits = u32;

/// In [`SPEECH_VERBS`].
pub const LEX_SPEECH_VERB: LexBits = 1 << 0;
/// In [`WEAK_SPEECH_VERBS`].
pub const LEX_WEAK_SPEECH_VERB: LexBits = 1 << 1;
/// In [`COGNITION_VERBS`].
pub const LEX_COGNITION_VERB: LexBits = 1 << 2;
/// In [`TITLE_WORDS`], after trailing periods are trimmed (`Sen.`), as [`is_title_word`].
pub const LEX_TITLE_WORD: LexBits = 1 << 3;
/// In [`PRE_NAME_TITLES`], periods trimmed, as [`is_pre_name_title`].
pub const LEX_PRE_NAME_TITLE: LexBits = 1 << 4;
/// In [`HONORIFICS`], periods trimmed, as [`is_honorific`].
pub const LEX_HONORIFIC: LexBits = 1 << 5;
/// In [`ORG_HEADS`], periods trimmed, as [`is_org_head`].
pub const LEX_ORG_HEAD: LexBits = 1 << 6;
/// In [`KNOWN_ORGS`].
pub const LEX_KNOWN_ORG: LexBits = 1 << 7;
/// In [`ABBREVIATIONS`], periods trimmed, as [`is_abbreviation`].
pub const LEX_ABBREVIATION: LexBits = 1 << 8;
/// In [`NOT_NAME_WORDS`].
pub const LEX_NOT_NAME_WORD: LexBits = 1 << 9;
/// In [`NUMBER_WORDS`].
pub const LEX_NUMBER_WORD: LexBits = 1 << 10;
/// In [`COMPARISON_WORDS`].
pub const LEX_COMPARISON_WORD: LexBits = 1 << 11;
/// In [`CAUSAL_WORDS`].
pub const LEX_CAUSAL_WORD: LexBits = 1 << 12;
/// In [`PREDICTION_WORDS`].
pub const LEX_PREDICTION_WORD: LexBits = 1 << 13;
/// In [`ACCUSATION_WORDS`].
pub const LEX_ACCUSATION_WORD: LexBits = 1 << 14;
/// In [`OPINION_WORDS`].
pub const LEX_OPINION_WORD: LexBits = 1 << 15;

/// In `crate::quotes::STANCE` (adjectives of stance: `adamant`, `concerned`).
pub const LEX_STANCE: LexBits = 1 << 16;

/// In `crate::quotes::GROUP_NOUNS` (`officials`, `police`).
pub const LEX_GROUP_NOUN: LexBits = 1 << 17;
/// In `crate::quotes::MODIFIERS` (`press`, `senior`, `former`).
pub const LEX_MODIFIER: LexBits = 1 << 18;

/// In `crate::quotes::SHOWING` (`shows`, `suggested`).
pub const LEX_SHOWING: LexBits = 1 << 19;

/// In the learned `crate::tables::names::FEMALE` (`hillary`, `susan`): a woman's first name.
pub const LEX_FEMALE_NAME: LexBits = 1 << 20;
/// In the learned `crate::tables::names::MALE` (`john`, `bernie`): a man's first name.
pub const LEX_MALE_NAME: LexBits = 1 << 21;

/// In `crate::quotes::IRREGULAR_PAST` (`said`, `won`, `made`).
pub const LEX_IRREGULAR_PAST: LexBits = 1 << 22;
/// In `crate::quotes::DAYS` (`monday`, `today`).
pub const LEX_DAY: LexBits = 1 << 23;
/// In `crate::ranker::LEADS` (`after`, `on`, `meanwhile`): words that open a sentence with a
/// time or a place before its subject.
pub const LEX_LEAD: LexBits = 1 << 24;
/// In `crate::quotes::FINITE` (`is`, `could`, `won't`): auxiliaries and modals.
pub const LEX_FINITE: LexBits = 1 << 25;
/// In `crate::quotes::PREPOSITIONS` (`about`, `of`, `with`).
pub const LEX_PREPOSITION: LexBits = 1 << 26;
/// In `crate::entities::ORG_NOUNS` (`agency`, `firm`, `newspaper`): nouns that describe an
/// organisation.
pub const LEX_ORG_NOUN: LexBits = 1 << 27;
/// In `crate::quotes::BARE_CLAUSE_VERBS` (`argued`, `warned`): speech verbs that take a
/// clause without `that`.
pub const LEX_BARE_CLAUSE_VERB: LexBits = 1 << 28;
/// In `crate::quotes::NAMING_WORDS` (`called`, `dubbed`): words before a term in marks.
pub const LEX_NAMING_WORD: LexBits = 1 << 29;
/// In `crate::quotes::WORK_NOUNS` (`book`, `film`): nouns before a title in marks.
pub const LEX_WORK_NOUN: LexBits = 1 << 30;
/// In [`PERSON_NOUNS`] (`fisherman`, `friend`).
pub const LEX_PERSON_NOUN: LexBits = 1 << 31;

/// The bits whose lists are looked up with trailing periods trimmed from the word.
const TRIMMED: LexBits =
    LEX_TITLE_WORD | LEX_PRE_NAME_TITLE | LEX_HONORIFIC | LEX_ORG_HEAD | LEX_ABBREVIATION;

/// Every compiled list with its bit.
pub const COMPILED_LISTS: &[(LexBits, &[&str])] = &[
    (LEX_SPEECH_VERB, SPEECH_VERBS),
    (LEX_WEAK_SPEECH_VERB, WEAK_SPEECH_VERBS),
    (LEX_COGNITION_VERB, COGNITION_VERBS),
    (LEX_TITLE_WORD, TITLE_WORDS),
    (LEX_PRE_NAME_TITLE, PRE_NAME_TITLES),
    (LEX_HONORIFIC, HONORIFICS),
    (LEX_ORG_HEAD, ORG_HEADS),
    (LEX_KNOWN_ORG, KNOWN_ORGS),
    (LEX_ABBREVIATION, ABBREVIATIONS),
    (LEX_NOT_NAME_WORD, NOT_NAME_WORDS),
    (LEX_NUMBER_WORD, NUMBER_WORDS),
    (LEX_COMPARISON_WORD, COMPARISON_WORDS),
    (LEX_CAUSAL_WORD, CAUSAL_WORDS),
    (LEX_PREDICTION_WORD, PREDICTION_WORDS),
    (LEX_ACCUSATION_WORD, ACCUSATION_WORDS),
    (LEX_OPINION_WORD, OPINION_WORDS),
    (LEX_STANCE, crate::quotes::STANCE),
    (LEX_GROUP_NOUN, crate::quotes::GROUP_NOUNS),
    (LEX_MODIFIER, crate::quotes::MODIFIERS),
    (LEX_SHOWING, crate::quotes::SHOWING),
    (LEX_FEMALE_NAME, crate::tables::names::FEMALE),
    (LEX_MALE_NAME, crate::tables::names::MALE),
    (LEX_IRREGULAR_PAST, crate::quotes::IRREGULAR_PAST),
    (LEX_DAY, crate::quotes::DAYS),
    (LEX_LEAD, crate::ranker::LEADS),
    (LEX_FINITE, crate::quotes::FINITE),
    (LEX_PREPOSITION, crate::quotes::PREPOSITIONS),
    (LEX_ORG_NOUN, crate::entities::ORG_NOUNS),
    (LEX_BARE_CLAUSE_VERB, crate::quotes::BARE_CLAUSE_VERBS),
    (LEX_NAMING_WORD, crate::quotes::NAMING_WORDS),
    (LEX_WORK_NOUN, crate::quotes::WORK_NOUNS),
    (LEX_PERSON_NOUN, PERSON_NOUNS),
];

/// Open-addressing hash table from every word of [`COMPILED_LISTS`] (and of the learned cue
/// table) to its bits. Slots are 12 bytes (the whole table a few tens of KB, so a probe stays
/// in cache); a slot keeps 32 bits of the word's hash, so a probe compares text only when
/// those match. Words of up to 16 bytes are also kept as two zero-padded 64-bit chunks: a
/// short ASCII word (most tokens) is lowercased, hashed and compared eight bytes at a time.
struct Table {
    /// Power-of-two many slots; `word == 0` is a free slot, else `words[word - 1]`.
    slots: Vec<Slot>,
    words: Vec<&'static str>,
    /// `words[k]` as chunks when it has at most 16 bytes (else zeros).
    short: Vec<[u64; 2]>,
    mask: usize,
    /// The longest word in any list, in bytes: longer folded words are in none.
    longest: usize,
    /// The words of one character.
    singles: Vec<char>,
}

/// The words of [`COMPILED_LISTS`] and of the learned cue table ([`CUES`]) packed at compile
/// time into one byte string: each word followed by a zero byte, each list (the cue table's
/// words last) by one more. At run time the table is built from this alone, so the lists'
/// `&str`s are never used and the wasm module holds no pointer and length per word.
static PACKED: [u8; PACKED_LEN] = pack();

/// The bytes of [`PACKED`] and its number of words.
const PACKED_LEN: usize = packed_size().0;
const PACKED_WORDS: usize = packed_size().1;

const fn packed_size() -> (usize, usize) {
    let (mut len, mut words) = (0, 0);
    let mut l = 0;
    while l < COMPILED_LISTS.len() {
        let list = COMPILED_LISTS[l].1;
        // (Bit `1 << l` is list `l`'s: `Table::build` reads the bits from the order.)
        assert!(COMPILED_LISTS[l].0 == 1 << l);
        let mut i = 0;
        while i < list.len() {
            len += list[i].len() + 1;
            i += 1;
        }
        words += list.len();
        len += 1;
        l += 1;
    }
    let mut i = 0;
    while i < CUES.len() {
        len += CUES[i].0.len() + 1;
        i += 1;
    }
    (len + 1, words + CUES.len())
}

const fn pack() -> [u8; PACKED_LEN] {
    let mut out = [0u8; PACKED_LEN];
    let mut k = 0;
    let mut l = 0;
    while l <= COMPILED_LISTS.len() {
        let mut i = 0;
        let n = if l < COMPILED_LISTS.len() {
            COMPILED_LISTS[l].1.len()
        } else {
            CUES.len()
        };
        while i < n {
            let w = if l < COMPILED_LISTS.len() {
                COMPILED_LISTS[l].1[i].as_bytes()
            } else {
                CUES[i].0.as_bytes()
            };
            // (No word is empty or holds a zero byte: the words are what the zeros delimit.)
            assert!(!w.is_empty());
            let mut j = 0;
            while j < w.len() {
                assert!(w[j] != 0);
                out[k] = w[j];
                k += 1;
                j += 1;
            }
            k += 1;
            i += 1;
        }
        k += 1;
        l += 1;
    }
    out
}

/// The learned cue table's probabilities in thousandths (it has three decimals): 8 bytes a
/// row instead of 16. `k as f32 / 1000.0` is the very `f32` of the table's literal (a
/// division is correctly rounded, as the literal is); checked here, at compile time.
static CUE_ROWS: [[u16; 4]; CUES.len()] = cue_rows();

const fn cue_rows() -> [[u16; 4]; CUES.len()] {
    let mut out = [[0u16; 4]; CUES.len()];
    let mut i = 0;
    while i < CUES.len() {
        let mut f = 0;
        while f < 4 {
            let p = CUES[i].1[f];
            let k = (p * 1000.0 + 0.5) as u16;
            assert!(k as f32 / 1000.0 == p);
            out[i][f] = k;
            f += 1;
        }
        i += 1;
    }
    out
}

#[derive(Clone, Copy, Default)]
struct Slot {
    tag: u32,
    word: u16,
    /// Row of the word in the learned cue table ([`CUES`]) plus one; 0 when not there.
    cue: u16,
    bits: LexBits,
}

/// The hash of a folded word: its bytes as little-endian 64-bit chunks, the last one
/// zero-padded (`chunks`), and its length.
#[inline]
fn hash_chunks(chunks: &[u64], len: usize) -> u64 {
    let mut h = len as u64;
    for &c in chunks {
        h = (h.rotate_left(5) ^ c).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    // (Mix the high bits down: the slot comes from the low bits, the tag from the high.)
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// The hash of a folded word given as bytes (at most [`BUF`]).
fn hash(bytes: &[u8]) -> u64 {
    let mut chunks = [0u64; BUF / 8];
    let n = chunks_of(bytes, &mut chunks);
    hash_chunks(&chunks[..n], bytes.len())
}

/// Packs `bytes` (at most [`BUF`]) into zero-padded little-endian chunks; returns how many.
#[inline]
fn chunks_of(bytes: &[u8], chunks: &mut [u64; BUF / 8]) -> usize {
    let n = bytes.len().div_ceil(8);
    for (c, part) in chunks.iter_mut().zip(bytes.chunks(8)) {
        let mut b = [0u8; 8];
        b[..part.len()].copy_from_slice(part);
        *c = u64::from_le_bytes(b);
    }
    n
}

/// Lowercases the ASCII letters of eight ASCII bytes at once.
#[inline]
fn lower_ascii_chunk(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte (all below 0x80, so no carry crosses a byte): the high bit of `ge_a` is set
    // from `A` up, that of `gt_z` from `[` up.
    let ge_a = x + ONES * (0x80 - b'A' as u64);
    let gt_z = x + ONES * (0x80 - b'Z' as u64 - 1);
    let upper = ge_a & !gt_z & (ONES * 0x80);
    x | (upper >> 2)
}

/// Room for a folded word: every list word fits (checked when the table is built).
const BUF: usize = 64;

impl Table {
    fn build() -> Table {
        let cap = (PACKED_WORDS * 2).next_power_of_two();
        let mut t = Table {
            slots: vec![Slot::default(); cap],
            words: Vec::new(),
            short: Vec::new(),
            mask: cap - 1,
            longest: 0,
            singles: Vec::new(),
        };
        // The words of each list in turn, then the cue table's (see `PACKED`).
        let mut list = 0;
        let mut row = 0;
        for w in PACKED.split(|&b| b == 0) {
            if w.is_empty() {
                list += 1;
                continue;
            }
            // (Whole words of `&str`s: always UTF-8.)
            let w = std::str::from_utf8(w).unwrap_or_default();
            let (bit, cue) = if list < COMPILED_LISTS.len() {
                (1 << list, 0)
            } else {
                row += 1;
                (0, row)
            };
            assert!(w.len() <= BUF);
            t.longest = t.longest.max(w.len());
            let h = hash(w.as_bytes());
            let mut i = (h as usize) & t.mask;
            loop {
                let slot = t.slots[i];
                if slot.word == 0 {
                    t.words.push(w);
                    let mut chunks = [0u64; BUF / 8];
                    if w.len() <= 16 {
                        chunks_of(w.as_bytes(), &mut chunks);
                    }
                    t.short.push([chunks[0], chunks[1]]);
                    t.slots[i] = Slot {
                        tag: (h >> 32) as u32,
                        word: t.words.len() as u16,
                        cue,
                        bits: bit,
                    };
                    break;
                }
                if t.words[slot.word as usize - 1] == w {
                    t.slots[i].bits |= bit;
                    t.slots[i].cue |= cue;
                    break;
                }
                i = (i + 1) & t.mask;
            }
        }
        assert!(t.words.len() < u16::MAX as usize);
        t.singles = t
            .words
            .iter()
            .filter_map(|w| {
                let mut c = w.chars();
                c.next().filter(|_| c.next().is_none())
            })
            .collect();
        t
    }

    /// The slot of a folded word (an empty slot, `word == 0`, when it is in no list).
    #[inline]
    fn get(&self, folded: &[u8]) -> Slot {
        let h = hash(folded);
        let tag = (h >> 32) as u32;
        let mut i = (h as usize) & self.mask;
        loop {
            let slot = self.slots[i];
            if slot.word == 0 {
                return slot;
            }
            if slot.tag == tag && self.words[slot.word as usize - 1].as_bytes() == folded {
                return slot;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// [`Table::get`] for a folded word of `len` ≤ 16 bytes given as its two chunks.
    #[inline]
    fn get_short(&self, c: [u64; 2], len: usize) -> Slot {
        let h = hash_chunks(&c[..len.div_ceil(8)], len);
        let tag = (h >> 32) as u32;
        let mut i = (h as usize) & self.mask;
        loop {
            let slot = self.slots[i];
            if slot.word == 0 {
                return slot;
            }
            let k = slot.word as usize - 1;
            if slot.tag == tag && self.short[k] == c && self.words[k].len() == len {
                return slot;
            }
            i = (i + 1) & self.mask;
        }
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(Table::build)
}

/// The bits of the lists `word` (folded, untrimmed) is in.
#[inline]
fn lookup(word: &str) -> LexBits {
    lookup_slot(word).bits
}

/// The `n` (1..=16) bytes at `start` as two little-endian 64-bit chunks, the bytes past the
/// word zeroed; `start + 16` must lie within `bytes`.
#[inline]
pub(crate) fn word_chunks(bytes: &[u8], start: usize, n: usize) -> (u64, u64) {
    let chunk = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
    let keep = |k: usize| {
        if k >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * k)) - 1
        }
    };
    let lo = chunk(start) & keep(n);
    let hi = if n > 8 {
        chunk(start + 8) & keep(n - 8)
    } else {
        0
    };
    (lo, hi)
}

/// [`lookup_slot`] of `text[start..end]`, reading the word straight out of the text as two
/// 64-bit chunks when it is short and not at the very end of the text.
#[inline]
fn lookup_slot_in(text: &str, start: usize, end: usize) -> Slot {
    let n = end - start;
    let bytes = text.as_bytes();
    if (1..=16).contains(&n) && start + 16 <= bytes.len() {
        let (lo, hi) = word_chunks(bytes, start, n);
        if (lo | hi) & 0x8080_8080_8080_8080 == 0 {
            return table().get_short([lower_ascii_chunk(lo), lower_ascii_chunk(hi)], n);
        }
    }
    lookup_slot(&text[start..end])
}

/// The table slot of `word`, folded (untrimmed); an empty slot when it is in no list.
fn lookup_slot(word: &str) -> Slot {
    let t = table();
    let bytes = word.as_bytes();
    let n = bytes.len();
    if n == 0 || n > MAX_WORD {
        return Slot::default();
    }
    if n <= 16 {
        // The common case, a short ASCII word: eight bytes at a time.
        let mut b = [0u8; 16];
        b[..n].copy_from_slice(bytes);
        let lo = u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
        let hi = u64::from_le_bytes(b[8..].try_into().expect("8 bytes"));
        if (lo | hi) & 0x8080_8080_8080_8080 == 0 {
            return t.get_short([lower_ascii_chunk(lo), lower_ascii_chunk(hi)], n);
        }
    } else if n > t.longest && word.is_ascii() {
        return Slot::default();
    }
    let mut buf = [0u8; BUF];
    let mut k = 0;
    for c in word.chars() {
        let f = fold_char(c);
        let l = f.len_utf8();
        if k + l > t.longest {
            return Slot::default();
        }
        f.encode_utf8(&mut buf[k..k + l]);
        k += l;
    }
    t.get(&buf[..k])
}

/// Which of the compiled lists ([`COMPILED_LISTS`]) `word` is in, as `LEX_*` bits: the same
/// answers as `in_list` on each list (and the `is_*` functions, which trim trailing periods
/// for the [`LEX_TITLE_WORD`], [`LEX_PRE_NAME_TITLE`], [`LEX_HONORIFIC`], [`LEX_ORG_HEAD`] and
/// [`LEX_ABBREVIATION`] lists), with one fold and at most two probes.
pub fn word_bits(word: &str) -> LexBits {
    word_info(word).0.bits
}

/// What the compiled lists say about one word: its [`word_bits`] and its row in the learned
/// cue table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct WordInfo {
    pub bits: LexBits,
    /// Row of the word in [`CUES`] plus one (0: not there), as `crate::cues::probability`
    /// finds it: only words of ASCII letters and `’`, at most 32 characters, are there.
    pub cue: u16,
}

impl WordInfo {
    /// The word's probabilities of introducing an attribution, per `crate::cues::Frame`.
    #[inline]
    pub fn cue_probabilities(&self) -> Option<[f32; 4]> {
        let row = CUE_ROWS.get((self.cue as usize).checked_sub(1)?)?;
        Some(row.map(|k| f32::from(k) / 1000.0))
    }
}

/// The [`WordInfo`] of `word`, and whether it is simply that of its table entry: then the
/// entry's number (1-based, 0 for none) stands for it. (Words with trailing periods take the
/// bits of some lists from the trimmed word, and words the cue table cannot hold drop the
/// entry's cue row: those are told apart by a 0.)
pub fn word_info(word: &str) -> (WordInfo, u16) {
    word_info_in(word, 0, word.len())
}

/// [`word_info`] of `text[start..end]` (faster than on the slice: see [`lookup_slot_in`]).
#[inline]
pub fn word_info_in(text: &str, start: usize, end: usize) -> (WordInfo, u16) {
    // (Its bytes: a `&str` is made only for the rare word that needs one.)
    let word = &text.as_bytes()[start..end];
    let slot = lookup_slot_in(text, start, end);
    let mut info = WordInfo {
        bits: slot.bits,
        cue: slot.cue,
    };
    let mut plain = true;
    if info.cue > 0
        && !(word.len() <= 32 && word.is_ascii() || {
            let word = &text[start..end];
            word.chars().count() <= 32 && word.chars().all(|c| c.is_ascii() || c == '’')
        })
    {
        info.cue = 0;
        plain = false;
    }
    if word.ends_with(b".") {
        let trimmed = text[start..end].trim_end_matches('.');
        info.bits = (info.bits & !TRIMMED) | (lookup(trimmed) & TRIMMED);
        plain = false;
    }
    (info, if plain { slot.word } else { 0 })
}

/// The learned cue table's probabilities for `key`, a word as the table spells it
/// (lowercase ASCII, `'` for `’`); `None` when the table does not hold it.
pub fn cue_row(key: &[u8]) -> Option<[f32; 4]> {
    if key.len() > BUF {
        return None;
    }
    let slot = table().get(key);
    WordInfo {
        bits: 0,
        cue: slot.cue,
    }
    .cue_probabilities()
}

/// Can the one-character word `c` be in any compiled list? (Mostly not: a punctuation
/// token needs no look-up.)
pub fn may_hold_char(c: char) -> bool {
    table().singles.contains(&fold_char(c))
}

/// The number of entries of the compiled table (the largest entry number of [`word_info`]).
pub fn table_len() -> usize {
    table().words.len()
}

/// Verbs that introduce speech, in every form a news article uses them after or before a
/// quote (`said`, `says`, `told`, `adding`, …). A broad list: recall on unseen articles
/// matters more than one fixture.
pub const SPEECH_VERBS: &[&str] = &[
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "advise",
    "advised",
    "advises",
    "affirmed",
    "agree",
    "agreed",
    "agreeing",
    "agrees",
    "allege",
    "alleged",
    "alleges",
    "alleging",
    "announce",
    "announced",
    "announces",
    "announcing",
    "answer",
    "answered",
    "answers",
    "argue",
    "argued",
    "argues",
    "arguing",
    "ask",
    "asked",
    "asks",
    "assert",
    "asserted",
    "asserting",
    "asserts",
    "assure",
    "assured",
    "assures",
    "boast",
    "boasted",
    "boasts",
    "caution",
    "cautioned",
    "cautions",
    "charge",
    "charged",
    "charges",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "comment",
    "commented",
    "comments",
    "complain",
    "complained",
    "complains",
    "concede",
    "conceded",
    "concedes",
    "conceding",
    "conclude",
    "concluded",
    "concludes",
    "confirm",
    "confirmed",
    "confirming",
    "confirms",
    "contend",
    "contended",
    "contends",
    "continue",
    "continued",
    "continues",
    "counter",
    "countered",
    "counters",
    "cried",
    "cries",
    "declare",
    "declared",
    "declares",
    "declaring",
    "demand",
    "demanded",
    "demanding",
    "demands",
    "denied",
    "denies",
    "deny",
    "denying",
    "disclose",
    "disclosed",
    "discloses",
    "divulge",
    "divulged",
    "divulges",
    "emphasise",
    "emphasised",
    "emphasises",
    "emphasize",
    "emphasized",
    "emphasizes",
    "estimate",
    "estimated",
    "estimates",
    "exclaimed",
    "explain",
    "explained",
    "explaining",
    "explains",
    "hinted",
    "indicate",
    "indicated",
    "indicates",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "joke",
    "joked",
    "jokes",
    "maintain",
    "maintained",
    "maintains",
    "mention",
    "mentioned",
    "mentions",
    "note",
    "noted",
    "notes",
    "noting",
    "observe",
    "observed",
    "observes",
    "pledge",
    "pledged",
    "pledges",
    "point",
    "pointed",
    "points",
    "post",
    "posted",
    "posts",
    "predict",
    "predicted",
    "predicts",
    "proclaimed",
    "promise",
    "promised",
    "promises",
    "reaffirmed",
    "recall",
    "recalled",
    "recalls",
    "recount",
    "recounted",
    "recounts",
    "reiterate",
    "reiterated",
    "reiterates",
    "remark",
    "remarked",
    "remarks",
    "repeat",
    "repeated",
    "repeats",
    "replied",
    "replies",
    "reply",
    "report",
    "reported",
    "reports",
    "respond",
    "responded",
    "responds",
    "reveal",
    "revealed",
    "reveals",
    "said",
    "say",
    "saying",
    "says",
    "shout",
    "shouted",
    "shouts",
    "signaled",
    "signalled",
    "state",
    "stated",
    "states",
    "stating",
    "stress",
    "stressed",
    "stresses",
    "stressing",
    "suggest",
    "suggested",
    "suggesting",
    "suggests",
    "tell",
    "telling",
    "tells",
    "testified",
    "testifies",
    "testify",
    "told",
    "tweet",
    "tweeted",
    "tweets",
    "urge",
    "urged",
    "urges",
    "vow",
    "vowed",
    "vowing",
    "vows",
    "warn",
    "warned",
    "warning",
    "warns",
    "whisper",
    "whispered",
    "write",
    "writes",
    "writing",
    "wrote",
];

/// Speech verbs whose noun or unrelated sense is common enough that they only count as cues
/// next to a quote or before `that` (`the state`, `a post`, `points`, `reports`, `charges`).
pub const WEAK_SPEECH_VERBS: &[&str] = &[
    "advise",
    "advised",
    "advises",
    "announce",
    "announced",
    "announces",
    "charge",
    "charges",
    "comment",
    "comments",
    "confirm",
    "confirmed",
    "confirms",
    "continue",
    "continued",
    "continues",
    "counter",
    "counters",
    "denied",
    "denies",
    "deny",
    "estimate",
    "estimated",
    "estimates",
    "maintain",
    "maintained",
    "maintains",
    "note",
    "notes",
    "point",
    "pointed",
    "points",
    "post",
    "posted",
    "posts",
    "predict",
    "predicted",
    "predicts",
    "promise",
    "promised",
    "promises",
    "recall",
    "recalled",
    "recalls",
    "remark",
    "remarks",
    "report",
    "reported",
    "reports",
    "reveal",
    "revealed",
    "reveals",
    "state",
    "states",
    "tweet",
    "tweets",
    "warning",
    "write",
    "writes",
    "writing",
];

/// Verbs of believing and knowing: not speech, but the content after `that` is still the
/// subject's reported position (`X believes that …`). Kept apart: not used as quote cues.
pub const COGNITION_VERBS: &[&str] = &[
    "believe", "believed", "believes", "fear", "feared", "fears", "feel", "feels", "felt", "hope",
    "hoped", "hopes", "knew", "know", "knows", "think", "thinks", "thought",
];

/// Role nouns and titles (`press secretary`, `spokesman`, `minister`). Multi-word titles are
/// recognised word by word: every word of `Pentagon press secretary` is a title word or a
/// capitalised name of an organisation.
pub const TITLE_WORDS: &[&str] = &[
    "academic",
    "activist",
    "actor",
    "actress",
    "adviser",
    "advisor",
    "advocate",
    "aide",
    "ambassador",
    "analyst",
    "anchor",
    "archbishop",
    "artist",
    "assistant",
    "associate",
    "attorney",
    "author",
    "banker",
    "biologist",
    "bishop",
    "boss",
    "brig",
    "campaigner",
    "captain",
    "cardinal",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chemist",
    "chief",
    "co-founder",
    "coach",
    "col",
    "colonel",
    "columnist",
    "comedian",
    "commander",
    "commentator",
    "commissioner",
    "congressman",
    "congresswoman",
    "consultant",
    "coo",
    "correspondent",
    "councillor",
    "councilman",
    "councilor",
    "councilwoman",
    "cto",
    "dean",
    "deputy",
    "detective",
    "developer",
    "diplomat",
    "director",
    "doctor",
    "ecologist",
    "economist",
    "editor",
    "elder",
    "emir",
    "engineer",
    "entrepreneur",
    "envoy",
    "epidemiologist",
    "executive",
    "expert",
    "farmer",
    "fellow",
    "founder",
    "gen",
    "general",
    "governor",
    "head",
    "historian",
    "inspector",
    "investigator",
    "investor",
    "journalist",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "lecturer",
    "lieutenant",
    "lobbyist",
    "lt",
    "manager",
    "marshal",
    "mayor",
    "mediator",
    "minister",
    "monsignor",
    "mp",
    "negotiator",
    "novelist",
    "nurse",
    "officer",
    "official",
    "organiser",
    "organizer",
    "owner",
    "partner",
    "pastor",
    "photographer",
    "physician",
    "physicist",
    "pilot",
    "police",
    "politician",
    "pope",
    "premier",
    "presenter",
    "president",
    "priest",
    "prime",
    "prince",
    "princess",
    "principal",
    "producer",
    "professor",
    "programmer",
    "prosecutor",
    "psychologist",
    "queen",
    "rabbi",
    "ranger",
    "rapper",
    "rep",
    "reporter",
    "representative",
    "researcher",
    "resident",
    "scholar",
    "scientist",
    "secretary",
    "secretary-general",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheriff",
    "singer",
    "sociologist",
    "soldier",
    "specialist",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "student",
    "superintendent",
    "supervisor",
    "surgeon",
    "teacher",
    "treasurer",
    "trustee",
    "veteran",
    "vice",
    "virologist",
    "volunteer",
    "whisperer",
    "worker",
    "writer",
];

/// Titles that stand right before a name as part of how it is written (`President Obama`,
/// `Gen. Milley`). A subset of [`TITLE_WORDS`] plus honorific-like ranks.
pub const PRE_NAME_TITLES: &[&str] = &[
    "ambassador",
    "archbishop",
    "bishop",
    "brig",
    "capt",
    "captain",
    "cardinal",
    "chancellor",
    "col",
    "colonel",
    "commissioner",
    "congressman",
    "congresswoman",
    "det",
    "detective",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "lt",
    "mayor",
    "minister",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rep",
    "representative",
    "sec",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "sheriff",
];

/// Honorifics: a capitalised word after one of these is a person's name.
pub const HONORIFICS: &[&str] = &[
    "dame", "dr", "lady", "lord", "madam", "miss", "mr", "mrs", "ms", "mx", "rev", "sir",
];

/// Words that end an organisation's name (`… Police`, `… Council`, `… Corporation`).
pub const ORG_HEADS: &[&str] = &[
    "academy",
    "administration",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "broadcasting",
    "bureau",
    "cabinet",
    "center",
    "centre",
    "church",
    "club",
    "co",
    "coalition",
    "college",
    "command",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corporation",
    "council",
    "court",
    "department",
    "edison",
    "federation",
    "force",
    "forces",
    "foundation",
    "fund",
    "government",
    "group",
    "guard",
    "hospital",
    "inc",
    "institute",
    "institution",
    "journal",
    "junta",
    "league",
    "llc",
    "ltd",
    "media",
    "military",
    "ministry",
    "movement",
    "museum",
    "navy",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "radio",
    "regime",
    "school",
    "senate",
    "service",
    "services",
    "society",
    "team",
    "television",
    "times",
    "tribe",
    "trust",
    "union",
    "university",
];

/// Organisations well known enough that news text names them without any head word.
pub const KNOWN_ORGS: &[&str] = &[
    "abc",
    "afp",
    "al-qaeda",
    "amazon",
    "ap",
    "apple",
    "bbc",
    "cbs",
    "cia",
    "cnn",
    "eu",
    "facebook",
    "fbi",
    "google",
    "hamas",
    "hezbollah",
    "instagram",
    "interpol",
    "kremlin",
    "meta",
    "microsoft",
    "nasa",
    "nato",
    "nbc",
    "npr",
    "opec",
    "pentagon",
    "reuters",
    "taliban",
    "twitter",
    "un",
    "unesco",
    "unicef",
    "who",
    "youtube",
];

/// Nouns for a person that are no title (`the fisherman`, `her friend`): a description that
/// refers back to someone named before, or an unnamed source's head. (Sorted, for
/// [`in_list`].)
pub const PERSON_NOUNS: &[&str] = &[
    "actor",
    "actress",
    "athlete",
    "author",
    "batsman",
    "billionaire",
    "bowler",
    "boxer",
    "boy",
    "brother",
    "businessman",
    "businesswoman",
    "candidate",
    "champion",
    "colleague",
    "comedian",
    "cousin",
    "cyclist",
    "daughter",
    "defender",
    "designer",
    "doctor",
    "driver",
    "entrepreneur",
    "father",
    "fisherman",
    "footballer",
    "forward",
    "friend",
    "girl",
    "goalkeeper",
    "golfer",
    "grandfather",
    "grandmother",
    "husband",
    "journalist",
    "lawyer",
    "man",
    "midfielder",
    "mother",
    "musician",
    "neighbor",
    "neighbour",
    "nominee",
    "novelist",
    "pensioner",
    "player",
    "politician",
    "presenter",
    "rapper",
    "relative",
    "resident",
    "runner",
    "scientist",
    "singer",
    "sister",
    "skipper",
    "son",
    "sprinter",
    "star",
    "striker",
    "student",
    "teacher",
    "teenager",
    "veteran",
    "wife",
    "winger",
    "witness",
    "woman",
    "writer",
    "youngster",
];

/// Abbreviations that end with a period without ending a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "a.m", "adm", "apr", "aug", "ave", "brig", "capt", "cmdr", "co", "col", "corp", "dec", "dept",
    "det", "dr", "e.g", "esq", "etc", "feb", "fig", "gen", "gov", "i.e", "inc", "jan", "jr", "jul",
    "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "p.m",
    "pp", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "u.k", "u.n",
    "u.s", "vs",
];

/// Function words and other capitalised words that are never part of a name: sentence
/// openers, pronouns, days and months.
pub const NOT_NAME_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "afterward",
    "afterwards",
    "again",
    "against",
    "all",
    "along",
    "also",
    "although",
    "amid",
    "among",
    "an",
    "and",
    "another",
    "any",
    "april",
    "are",
    "around",
    "as",
    "at",
    "august",
    "because",
    "before",
    "behind",
    "being",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "could",
    "credit",
    "currently",
    "december",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "early",
    "either",
    "even",
    "every",
    "february",
    "few",
    "finally",
    "for",
    "friday",
    "from",
    "furthermore",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "image",
    "in",
    "indeed",
    "inside",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "january",
    "july",
    "june",
    "just",
    "last",
    "late",
    "later",
    "many",
    "march",
    "may",
    "meanwhile",
    "monday",
    "more",
    "moreover",
    "most",
    "much",
    "my",
    "neither",
    "never",
    "nevertheless",
    "next",
    "no",
    "nonetheless",
    "nor",
    "not",
    "november",
    "now",
    "october",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "outside",
    "over",
    "per",
    "photo",
    "previously",
    "read",
    "recently",
    "saturday",
    "separately",
    "september",
    "she",
    "should",
    "since",
    "so",
    "some",
    "source",
    "still",
    "such",
    "sunday",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thursday",
    "thus",
    "to",
    "today",
    "tonight",
    "toward",
    "towards",
    "tuesday",
    "two",
    "under",
    "underneath",
    "unlike",
    "until",
    "up",
    "upon",
    "us",
    "was",
    "we",
    "wednesday",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Claim signals ([`crate::claims`]): number words and units that make a quantity even without digits.
pub const NUMBER_WORDS: &[&str] = &[
    "billion",
    "billions",
    "dozen",
    "dozens",
    "eight",
    "eighty",
    "eleven",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "half",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "nine",
    "ninety",
    "percent",
    "quarter",
    "seven",
    "seventy",
    "six",
    "sixty",
    "ten",
    "thirty",
    "thousand",
    "thousands",
    "three",
    "trillion",
    "twelve",
    "twenty",
    "twice",
    "two",
];

pub const COMPARISON_WORDS: &[&str] = &[
    "best",
    "bigger",
    "biggest",
    "deadliest",
    "decline",
    "declined",
    "decrease",
    "decreased",
    "double",
    "doubled",
    "drop",
    "dropped",
    "fell",
    "fewer",
    "greater",
    "greatest",
    "grew",
    "growth",
    "higher",
    "highest",
    "increase",
    "increased",
    "increasingly",
    "larger",
    "largest",
    "least",
    "less",
    "longest",
    "lower",
    "lowest",
    "more",
    "most",
    "oldest",
    "rise",
    "rose",
    "smaller",
    "smallest",
    "than",
    "tripled",
    "worse",
    "worst",
];

pub const CAUSAL_WORDS: &[&str] = &[
    "because",
    "blame",
    "blamed",
    "cause",
    "caused",
    "causes",
    "causing",
    "consequence",
    "due",
    "lead",
    "leading",
    "leads",
    "led",
    "result",
    "resulted",
    "resulting",
    "results",
    "so",
    "stem",
    "stems",
    "thanks",
    "therefore",
    "thus",
];

pub const PREDICTION_WORDS: &[&str] = &[
    "expect",
    "expected",
    "expects",
    "forecast",
    "forecasts",
    "going",
    "likely",
    "plan",
    "planned",
    "plans",
    "predict",
    "predicted",
    "predicts",
    "project",
    "projected",
    "shall",
    "will",
    "won't",
];

pub const ACCUSATION_WORDS: &[&str] = &[
    "abuse",
    "abuses",
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "allegation",
    "allegations",
    "allegedly",
    "atrocities",
    "bribery",
    "charged",
    "cheated",
    "complicit",
    "convicted",
    "corrupt",
    "corruption",
    "crimes",
    "criminal",
    "desecrating",
    "desecration",
    "fraud",
    "guilty",
    "illegal",
    "illegally",
    "killing",
    "lied",
    "lies",
    "misconduct",
    "murder",
    "negligence",
    "responsible",
    "violated",
    "violating",
    "violation",
    "violations",
];

/// Words of opinion and feeling: a sentence made of these and nothing checkable is not a
/// claim.
pub const OPINION_WORDS: &[&str] = &[
    "amazing",
    "awful",
    "beautiful",
    "believe",
    "disgusting",
    "feel",
    "felt",
    "hope",
    "i",
    "love",
    "me",
    "my",
    "opinion",
    "ridiculous",
    "should",
    "terrible",
    "think",
    "wonderful",
];

/// Personal pronouns that can stand for a speaker, and the kind of antecedent they take.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" | "He" | "him" | "His" | "his" => Some(Pronoun::He),
        "she" | "She" | "her" | "Her" => Some(Pronoun::She),
        "they" | "They" => Some(Pronoun::They),
        "I" | "we" | "We" => Some(Pronoun::Speaker),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    /// `I`/`we` outside quotes: the writer.
    Speaker,
}

/// Is `w` in any of the compiled lists in `bits` (lists looked up untrimmed)?
pub fn is_in(w: &str, bits: LexBits) -> bool {
    lookup(w) & bits != 0
}

/// Does `w` end with a possessive `’s` / `'s`?
pub fn is_possessive(w: impl AsRef<[u8]>) -> bool {
    let w = w.as_ref();
    w.ends_with("’s".as_bytes()) || w.ends_with(b"'s")
}

/// `w` without a possessive `’s` / `'s` ending.
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// [`strip_possessive`] of a word's bytes.
pub fn strip_possessive_bytes(w: &[u8]) -> &[u8] {
    w.strip_suffix("’s".as_bytes())
        .or_else(|| w.strip_suffix(b"'s"))
        .unwrap_or(w)
}

pub fn is_speech_verb(w: &str) -> bool {
    lookup(w) & LEX_SPEECH_VERB != 0
}
pub fn is_weak_speech_verb(w: &str) -> bool {
    lookup(w) & LEX_WEAK_SPEECH_VERB != 0
}
pub fn is_cognition_verb(w: &str) -> bool {
    lookup(w) & LEX_COGNITION_VERB != 0
}
pub fn is_title_word(w: &str) -> bool {
    lookup(w.trim_end_matches('.')) & LEX_TITLE_WORD != 0
}
pub fn is_pre_name_title(w: &str) -> bool {
    lookup(w.trim_end_matches('.')) & LEX_PRE_NAME_TITLE != 0
}
pub fn is_honorific(w: &str) -> bool {
    lookup(w.trim_end_matches('.')) & LEX_HONORIFIC != 0
}
pub fn is_org_head(w: &str) -> bool {
    lookup(w.trim_end_matches('.')) & LEX_ORG_HEAD != 0
}
pub fn is_known_org(w: &str) -> bool {
    lookup(w) & LEX_KNOWN_ORG != 0
}
pub fn is_abbreviation(w: &str) -> bool {
    lookup(w.trim_end_matches('.')) & LEX_ABBREVIATION != 0
}
pub fn is_not_name_word(w: &str) -> bool {
    lookup(w) & LEX_NOT_NAME_WORD != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_lowercase_and_unique() {
        for (bit, list) in COMPILED_LISTS {
            let name = format!("list with bit {bit:#06x}");
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{name} not sorted/unique at {:?}", w);
            }
            for w in list.iter() {
                assert_eq!(*w, w.to_lowercase(), "{name} has uppercase {w}");
            }
        }
    }

    #[test]
    fn compiled_table_agrees_with_the_binary_search() {
        // Every bit is used once, and every word of every list is found, in any case.
        let all: LexBits = COMPILED_LISTS.iter().fold(0, |a, (b, _)| {
            assert_eq!(a & b, 0);
            a | b
        });
        // (The low `COMPILED_LISTS.len()` bits, all 32 of them when every bit is taken.)
        assert_eq!(
            all,
            LexBits::MAX >> (LexBits::BITS as usize - COMPILED_LISTS.len())
        );
        let mut probes: Vec<String> = vec![
            "".into(),
            "Mr.".into(),
            "Mr..".into(),
            "U.S.".into(),
            "u.s".into(),
            "WON’T".into(),
            "won’t".into(),
            "Won't".into(),
            "İ".into(),
            "SAİD".into(),
            "Saïd".into(),
            "said said".into(),
            "a".repeat(97),
            "x".repeat(30),
            "É".repeat(20),
            ".".into(),
            "...".into(),
        ];
        for (_, list) in COMPILED_LISTS {
            for w in list.iter() {
                probes.push(w.to_string());
                probes.push(w.to_uppercase());
                probes.push(format!("{w}."));
                probes.push(format!("{w}s"));
                probes.push(w[..w.len() - 1].to_string());
                probes.push(w.replace('\'', "’"));
            }
        }
        for w in &probes {
            let bits = word_bits(w);
            for &(bit, list) in COMPILED_LISTS {
                let trimmed = if TRIMMED & bit != 0 {
                    w.trim_end_matches('.')
                } else {
                    w
                };
                assert_eq!(bits & bit != 0, in_list(list, trimmed), "{w:?} {bit:#x}");
            }
        }
        assert_eq!(is_speech_verb("SAID"), in_list(SPEECH_VERBS, "SAID"));
        assert!(is_abbreviation("U.S."));
        assert!(!is_abbreviation("U.S.A."));
    }

    #[test]
    fn lookups_ignore_case_and_periods() {
        assert!(is_speech_verb("Said"));
        assert!(is_honorific("Mr."));
        assert!(is_pre_name_title("Gen."));
        assert!(!is_speech_verb("sad"));
        assert!(is_org_head("Corporation"));
    }
}
