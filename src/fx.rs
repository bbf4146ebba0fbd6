//! A small, fast, non-cryptographic hasher (the Fx hash of rustc) for the engine's internal
//! hash maps: their keys are short (interned word ids, spans, words) and come from the input
//! itself, where SipHash's flooding resistance buys nothing for a single-threaded pass that
//! is bounded anyway.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Fx hash: one rotate, xor and multiply per machine word.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // (The rest as little-endian bytes padded with zeros, without a copy.)
            self.add(rest.iter().rev().fold(0, |k, &b| k << 8 | u64::from(b)));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    /// The state turned so its best-mixed bits come last. A multiply carries only upward, so
    /// the state's low bits are those of the input's low bytes alone, and a hash map takes
    /// its bucket from the low bits: keys that differ only in their high bytes (`e:e12` and
    /// `e:e13`; an affix key whose low half is always `u32::MAX`) all fell into one bucket
    /// and were probed in a line. (A rotation is one-to-one: keys equal or not under the
    /// plain state are so under this one.)
    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;

/// Ids under a 64-bit key (a hash checked by its user, or an exact packed key): the map type
/// of every index in the crate, so that its code is in the wasm once.
pub type IdMap = FxHashMap<u64, Ids>;

/// The ids under `k` in `map`, an empty list put there first if there is none. (Not inlined:
/// one copy of the map's insertion code serves every index.)
#[inline(never)]
pub fn ids_mut(map: &mut IdMap, k: u64) -> &mut Ids {
    map.entry(k).or_default()
}

/// A list of ids under one key of an [`IdMap`]. Most keys have one id (a name's words, its
/// affixes, a word class), held in place; only a second moves them to a vector. A vector
/// for each had been an allocation per key, and most of the index's growth.
#[derive(Debug)]
pub enum Ids {
    One(usize),
    Many(Vec<usize>),
}

impl Default for Ids {
    fn default() -> Self {
        Ids::Many(Vec::new())
    }
}

impl std::ops::Deref for Ids {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(v) => v,
        }
    }
}

impl Ids {
    /// Appends `id`.
    pub fn push(&mut self, id: usize) {
        let at = self.len();
        self.insert(at, id);
    }

    /// Puts `id` at index `at`, as `Vec::insert` does.
    pub fn insert(&mut self, at: usize, id: usize) {
        match self {
            Ids::Many(v) if v.is_empty() => *self = Ids::One(id),
            &mut Ids::One(first) => {
                let mut v = vec![first, first];
                v[at] = id;
                *self = Ids::Many(v);
            }
            Ids::Many(v) => v.insert(at, id),
        }
    }

    /// Takes out the id at index `at`, as `Vec::remove` does.
    pub fn remove(&mut self, at: usize) {
        match self {
            Ids::One(_) => {
                assert_eq!(at, 0, "index out of range");
                *self = Ids::default();
            }
            Ids::Many(v) => {
                v.remove(at);
            }
        }
    }
}

/// The Fx hash of a byte string (strings that differ only by trailing zero bytes share
/// one: a table keyed by it checks the bytes, or is a filter that may err). The plain state,
/// not [`FxHasher::finish`]'s turn of it: the name filter (`entities::names`) takes its bits
/// from this value as it always has.
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(b);
    h.hash
}

/// [`hash_bytes`] of the `n` (1..=16) bytes of `bytes` at `start`, where `start + 16` lies
/// within `bytes`: the word read as two 64-bit chunks, the same value without the
/// byte-at-a-time fold of its tail (for the name filter's hundreds of thousands of words).
#[inline]
pub fn hash_word_at(bytes: &[u8], start: usize, n: usize) -> u64 {
    let (lo, hi) = crate::lexicon::word_chunks(bytes, start, n);
    let mut h = FxHasher::default();
    h.add(lo);
    if n > 8 {
        h.add(hi);
    }
    h.hash
}

/// [`hash_bytes`] of `buf[..n]`, where `buf` holds zeros from `n` to a multiple of 8: the
/// word read in whole 64-bit chunks (for a word lowercased into a zeroed buffer).
pub fn hash_padded(buf: &[u8], n: usize) -> u64 {
    let mut h = FxHasher::default();
    for c in buf[..n.div_ceil(8) * 8].chunks_exact(8) {
        h.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    h.hash
}

/// Byte strings numbered 0, 1, 2 … in the order they are first met. The bytes sit one after
/// another in one buffer; an open-addressed table of ids (at most half full) finds a string
/// by its hash, checked against the id's hash and then its bytes. (No boxed string nor list
/// of ids per entry: the entity pass interns every name word it meets, most of them met
/// before, and a map of lists cost an allocation per new word and a probe of the list per
/// look-up.)
#[derive(Default)]
pub struct Interner {
    /// Per slot, 0 for an empty one or the id + 1 of the string there; a power of two long
    /// (or empty).
    slots: Vec<u32>,
    /// Each string's [`hash_bytes`].
    hashes: Vec<u64>,
    text: Vec<u8>,
    /// Where each string's bytes end in `text`.
    ends: Vec<u32>,
}

impl Interner {
    /// The bytes of string `i`.
    fn bytes(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The first slot to probe for hash `h` (the plain Fx state mixes its high bits best).
    #[inline]
    fn home(&self, h: u64) -> usize {
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    /// The id of `k` (hash `h`) if it has one, else the empty slot where it would go.
    #[inline]
    fn find(&self, h: u64, k: &[u8]) -> Result<u32, usize> {
        if self.slots.is_empty() {
            return Err(0);
        }
        let mask = self.slots.len() - 1;
        let mut s = self.home(h);
        loop {
            let v = self.slots[s];
            if v == 0 {
                return Err(s);
            }
            let id = v as usize - 1;
            if self.hashes[id] == h && self.bytes(id) == k {
                return Ok(id as u32);
            }
            s = (s + 1) & mask;
        }
    }

    /// The id of `k`, if it has one.
    pub fn get(&self, k: &[u8]) -> Option<u32> {
        self.find(hash_bytes(k), k).ok()
    }

    /// The id of `k`, a new one (the number of strings met so far) if it has none yet.
    pub fn intern(&mut self, k: &[u8]) -> u32 {
        self.intern_hashed(hash_bytes(k), k)
    }

    /// [`Interner::intern`] of `k` whose [`hash_bytes`] is `h`.
    pub fn intern_hashed(&mut self, h: u64, k: &[u8]) -> u32 {
        debug_assert_eq!(h, hash_bytes(k), "a string interned under another's hash");
        let mut at = match self.find(h, k) {
            Ok(id) => return id,
            Err(at) => at,
        };
        let id = self.ends.len();
        if 2 * (id + 1) > self.slots.len() {
            self.grow();
            at = self.find(h, k).unwrap_err();
        }
        self.text.extend_from_slice(k);
        self.ends.push(self.text.len() as u32);
        self.hashes.push(h);
        self.slots[at] = id as u32 + 1;
        id as u32
    }

    /// Doubles the table (64 slots at first) and puts every id back.
    #[cold]
    fn grow(&mut self) {
        let n = (2 * self.slots.len()).max(64);
        self.slots = vec![0; n];
        for id in 0..self.hashes.len() {
            let mut s = self.home(self.hashes[id]);
            while self.slots[s] != 0 {
                s = (s + 1) & (n - 1);
            }
            self.slots[s] = id as u32 + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids do what a Vec does under every push, insert and remove, from empty to several.
    #[test]
    fn ids_behave_as_a_vec() {
        let mut state = 7u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        for _ in 0..200 {
            let (mut ids, mut v) = (Ids::default(), Vec::new());
            for k in 0..12 {
                match next(3) {
                    0 => {
                        ids.push(k);
                        v.push(k);
                    }
                    1 => {
                        let at = next(v.len() + 1);
                        ids.insert(at, k);
                        v.insert(at, k);
                    }
                    _ if !v.is_empty() => {
                        let at = next(v.len());
                        ids.remove(at);
                        v.remove(at);
                    }
                    _ => {}
                }
                assert_eq!(&ids[..], &v[..]);
            }
        }
    }

    #[test]
    fn a_word_hashed_in_place_hashes_as_its_bytes() {
        let text = b"a bc def ghij klmnopqrstuvwxyz0123456789 and some padding after it";
        for start in 0..20 {
            for n in 1..=16 {
                let want = hash_bytes(&text[start..start + n]);
                assert_eq!(hash_word_at(text, start, n), want, "{start} {n}");
            }
        }
    }

    #[test]
    fn a_word_in_a_zeroed_buffer_hashes_as_its_bytes() {
        let text = b"a bc def ghij klmnopqrstuvwxyz0123456789";
        for n in 0..=text.len() {
            let mut buf = [0u8; 48];
            buf[..n].copy_from_slice(&text[..n]);
            assert_eq!(hash_padded(&buf, n), hash_bytes(&text[..n]), "{n}");
        }
    }

    #[test]
    fn strings_are_numbered_in_the_order_first_met() {
        let mut n = Interner::default();
        assert_eq!(n.intern(b"kirby"), 0);
        assert_eq!(n.intern(b""), 1);
        assert_eq!(n.intern(b"john"), 2);
        assert_eq!(n.intern(b"kirby"), 0);
        assert_eq!(n.get(b"john"), Some(2));
        assert_eq!(n.get(b"jo"), None);
        // (However many, as the table grows.)
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(n.intern(w.as_bytes()), i as u32 + 3);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(n.get(w.as_bytes()), Some(i as u32 + 3));
        }
        assert_eq!(n.get(b"kirby"), Some(0));
    }
}
