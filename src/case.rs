//! Lowercasing: the same answers as `char::to_lowercase` and `str::to_lowercase`, from tables
//! a tenth the size of core's.
//!
//! Core's mapping is a table of 1462 `(char, char)` pairs (12 KB, 5 KB of the gzipped wasm
//! module); the engine calls these functions instead, and the module ships [`LOWER`] (185 runs
//! of characters that lowercase by one offset) and [`CASE_IGNORABLE`] (the Unicode property
//! `str::to_lowercase` needs for a final `Σ`, 987 bytes). Both are derived from std's own
//! answers by the tests below, which check every character: when a Rust release moves to a
//! newer Unicode, they fail and print the new tables.
//!
//! Engine code must not call `to_lowercase` or `to_uppercase` of std (either brings core's
//! tables back into the wasm module); a test checks the sources.

/// Runs of non-ASCII characters whose lowercase is one character at a fixed offset:
/// `(first << 8 | count, offset << 1 | (stride - 1))`, sorted by `first`. The run is
/// `first, first + stride, …` (`count` characters, stride 1 or 2). Characters in no run are
/// their own lowercase. (`İ`, U+0130, the one character whose lowercase is two, is here with
/// the first of them.)
#[rustfmt::skip]
const LOWER: &[(u32, i32)] = &[
    (0xc017, 64), (0xd807, 64), (0x10018, 3), (0x13001, -398), (0x13203, 3), (0x13908, 3),
    (0x14a17, 3), (0x17801, -242), (0x17903, 3), (0x18101, 420), (0x18202, 3), (0x18601, 412),
    (0x18701, 2), (0x18902, 410), (0x18b01, 2), (0x18e01, 158), (0x18f01, 404), (0x19001, 406),
    (0x19101, 2), (0x19301, 410), (0x19401, 414), (0x19601, 422), (0x19701, 418), (0x19801, 2),
    (0x19c01, 422), (0x19d01, 426), (0x19f01, 428), (0x1a003, 3), (0x1a601, 436), (0x1a701, 2),
    (0x1a901, 436), (0x1ac01, 2), (0x1ae01, 436), (0x1af01, 2), (0x1b102, 434), (0x1b302, 3),
    (0x1b701, 438), (0x1b801, 2), (0x1bc01, 2), (0x1c401, 4), (0x1c501, 2), (0x1c701, 4),
    (0x1c801, 2), (0x1ca01, 4), (0x1cb09, 3), (0x1de09, 3), (0x1f101, 4), (0x1f202, 3),
    (0x1f601, -194), (0x1f701, -112), (0x1f814, 3), (0x22001, -260), (0x22209, 3), (0x23a01, 21590),
    (0x23b01, 2), (0x23d01, -326), (0x23e01, 21584), (0x24101, 2), (0x24301, -390), (0x24401, 138),
    (0x24501, 142), (0x24605, 3), (0x37002, 3), (0x37601, 2), (0x37f01, 232), (0x38601, 76),
    (0x38803, 74), (0x38c01, 128), (0x38e02, 126), (0x39111, 64), (0x3a309, 64), (0x3cf01, 16),
    (0x3d80c, 3), (0x3f401, -120), (0x3f701, 2), (0x3f901, -14), (0x3fa01, 2), (0x3fd03, -260),
    (0x40010, 160), (0x41020, 64), (0x46011, 3), (0x48a1b, 3), (0x4c001, 30), (0x4c107, 3),
    (0x4d030, 3), (0x53126, 96), (0x10a026, 14528), (0x10c701, 14528), (0x10cd01, 14528), (0x13a050, 77728),
    (0x13f006, 16), (0x1c8901, 2), (0x1c902b, -6016), (0x1cbd03, -6016), (0x1e004b, 3), (0x1e9e01, -15230),
    (0x1ea030, 3), (0x1f0808, -16), (0x1f1806, -16), (0x1f2808, -16), (0x1f3808, -16), (0x1f4806, -16),
    (0x1f5904, -15), (0x1f6808, -16), (0x1f8808, -16), (0x1f9808, -16), (0x1fa808, -16), (0x1fb802, -16),
    (0x1fba02, -148), (0x1fbc01, -18), (0x1fc804, -172), (0x1fcc01, -18), (0x1fd802, -16), (0x1fda02, -200),
    (0x1fe802, -16), (0x1fea02, -224), (0x1fec01, -14), (0x1ff802, -256), (0x1ffa02, -252), (0x1ffc01, -18),
    (0x212601, -15034), (0x212a01, -16766), (0x212b01, -16524), (0x213201, 56), (0x216010, 32), (0x218301, 2),
    (0x24b61a, 52), (0x2c0030, 96), (0x2c6001, 2), (0x2c6201, -21486), (0x2c6301, -7628), (0x2c6401, -21454),
    (0x2c6703, 3), (0x2c6d01, -21560), (0x2c6e01, -21498), (0x2c6f01, -21566), (0x2c7001, -21564), (0x2c7201, 2),
    (0x2c7501, 2), (0x2c7e02, -21630), (0x2c8032, 3), (0x2ceb02, 3), (0x2cf201, 2), (0xa64017, 3),
    (0xa6800e, 3), (0xa72207, 3), (0xa7321f, 3), (0xa77902, 3), (0xa77d01, -70664), (0xa77e05, 3),
    (0xa78b01, 2), (0xa78d01, -84560), (0xa79002, 3), (0xa7960a, 3), (0xa7aa01, -84616), (0xa7ab01, -84638),
    (0xa7ac01, -84630), (0xa7ad01, -84610), (0xa7ae01, -84616), (0xa7b001, -84516), (0xa7b101, -84564), (0xa7b201, -84522),
    (0xa7b301, 1856), (0xa7b408, 3), (0xa7c401, -96), (0xa7c501, -84614), (0xa7c601, -70768), (0xa7c702, 3),
    (0xa7cb01, -84686), (0xa7cc08, 3), (0xa7dc01, -85122), (0xa7f501, 2), (0xff211a, 64), (0x1040028, 80),
    (0x104b024, 80), (0x105700b, 78), (0x1057c0f, 78), (0x1058c07, 78), (0x1059402, 78), (0x10c8033, 128),
    (0x10d5016, 64), (0x118a020, 64), (0x16e4020, 64), (0x16ea019, 54), (0x1e90022, 68),
];

/// Unicode's `Case_Ignorable` (the characters skipped when deciding whether a `Σ` ends a
/// word): ranges as LEB128 pairs, (distance from the previous range's end, length).
#[rustfmt::skip]
const CASE_IGNORABLE: &[u8] = &[
    39, 1, 6, 1, 11, 1, 35, 1, 1, 1, 71, 1, 4, 1, 1, 1, 4, 1, 2, 2, 247, 3, 192, 1,
    4, 2, 4, 1, 9, 2, 1, 1, 251, 1, 7, 207, 1, 1, 5, 1, 49, 45, 1, 1, 1, 2, 1, 2,
    1, 1, 44, 1, 11, 6, 10, 11, 1, 1, 35, 1, 10, 21, 16, 1, 101, 8, 1, 10, 1, 4, 33, 1,
    1, 1, 30, 27, 91, 11, 58, 11, 4, 1, 2, 1, 24, 24, 43, 3, 44, 1, 7, 2, 5, 9, 41, 58,
    55, 1, 1, 1, 4, 8, 4, 1, 3, 7, 10, 2, 13, 1, 15, 1, 58, 1, 4, 4, 8, 1, 20, 2,
    26, 1, 2, 2, 57, 1, 4, 2, 4, 2, 2, 3, 3, 1, 30, 2, 3, 1, 11, 2, 57, 1, 4, 5,
    1, 2, 4, 1, 20, 2, 22, 6, 1, 1, 58, 1, 2, 1, 1, 4, 8, 1, 7, 2, 11, 2, 30, 1,
    61, 1, 12, 1, 50, 1, 3, 1, 55, 1, 1, 3, 5, 3, 1, 4, 7, 2, 11, 2, 29, 1, 58, 1,
    2, 1, 6, 1, 5, 2, 20, 2, 28, 2, 57, 2, 4, 4, 8, 1, 20, 2, 29, 1, 72, 1, 7, 3,
    1, 1, 90, 1, 2, 7, 11, 9, 98, 1, 2, 9, 9, 1, 1, 7, 73, 2, 27, 1, 1, 1, 1, 1,
    55, 14, 1, 5, 1, 2, 5, 11, 1, 36, 9, 1, 102, 4, 1, 6, 1, 2, 2, 2, 25, 2, 4, 3,
    16, 4, 13, 1, 2, 2, 6, 1, 15, 1, 94, 1, 224, 4, 3, 178, 7, 3, 29, 2, 30, 2, 30, 2,
    64, 2, 1, 7, 8, 1, 2, 11, 3, 1, 5, 1, 45, 5, 51, 1, 65, 2, 34, 1, 118, 3, 4, 2,
    9, 1, 6, 3, 219, 1, 2, 2, 1, 58, 1, 1, 7, 1, 1, 1, 1, 2, 8, 6, 10, 2, 1, 39,
    1, 8, 46, 2, 12, 20, 4, 48, 1, 1, 5, 1, 1, 5, 1, 40, 9, 12, 2, 32, 4, 2, 2, 1,
    3, 56, 1, 1, 2, 3, 1, 1, 3, 58, 8, 2, 2, 64, 6, 82, 3, 1, 13, 1, 7, 4, 1, 6,
    1, 3, 2, 50, 63, 13, 1, 34, 101, 189, 3, 1, 1, 3, 11, 3, 13, 3, 13, 3, 13, 2, 12, 5,
    8, 2, 10, 1, 2, 1, 2, 5, 49, 5, 1, 10, 1, 1, 13, 1, 16, 13, 51, 33, 139, 23, 2, 113,
    3, 125, 1, 15, 1, 96, 32, 47, 1, 213, 3, 1, 36, 4, 3, 5, 5, 1, 93, 6, 93, 3, 150, 222,
    1, 1, 226, 9, 6, 142, 2, 1, 98, 4, 1, 10, 1, 1, 28, 4, 80, 2, 14, 34, 78, 1, 23, 3,
    102, 4, 3, 2, 8, 1, 3, 1, 4, 1, 25, 2, 5, 1, 151, 1, 2, 26, 18, 13, 1, 38, 8, 25,
    11, 46, 3, 48, 1, 2, 4, 2, 2, 17, 1, 21, 2, 66, 6, 2, 2, 2, 2, 12, 1, 8, 1, 35,
    1, 11, 1, 51, 1, 1, 3, 2, 2, 5, 2, 1, 1, 27, 1, 14, 2, 5, 2, 1, 1, 100, 5, 9,
    3, 121, 1, 2, 1, 4, 1, 176, 158, 1, 1, 147, 1, 17, 189, 4, 16, 3, 1, 12, 16, 34, 1, 2,
    1, 169, 1, 1, 7, 1, 6, 1, 11, 1, 35, 1, 1, 1, 47, 1, 45, 2, 67, 1, 21, 3, 129, 4,
    1, 226, 1, 1, 149, 1, 5, 133, 8, 6, 1, 42, 1, 9, 198, 4, 3, 1, 2, 5, 4, 40, 3, 4,
    1, 165, 1, 2, 189, 4, 4, 38, 1, 26, 5, 1, 1, 187, 2, 2, 24, 1, 52, 6, 70, 11, 49, 4,
    123, 1, 54, 15, 41, 1, 2, 2, 10, 3, 49, 4, 2, 2, 2, 1, 4, 1, 10, 1, 50, 3, 36, 5,
    1, 8, 62, 1, 12, 2, 52, 9, 10, 4, 2, 1, 95, 3, 2, 1, 1, 2, 6, 1, 2, 1, 157, 1,
    1, 3, 8, 21, 2, 57, 2, 3, 1, 37, 7, 3, 5, 70, 6, 13, 1, 1, 1, 1, 1, 14, 2, 85,
    8, 2, 3, 1, 1, 23, 1, 84, 6, 1, 1, 4, 2, 1, 2, 238, 1, 4, 6, 2, 1, 2, 27, 2,
    85, 8, 2, 1, 1, 2, 106, 1, 1, 1, 2, 6, 1, 1, 101, 1, 1, 1, 2, 4, 1, 5, 131, 2,
    9, 1, 2, 128, 2, 2, 1, 1, 4, 1, 144, 1, 4, 2, 2, 4, 1, 32, 10, 40, 6, 2, 4, 8,
    1, 9, 6, 2, 3, 46, 13, 1, 2, 198, 1, 1, 1, 3, 1, 1, 201, 1, 7, 1, 6, 1, 1, 82,
    22, 2, 7, 1, 2, 1, 2, 122, 6, 3, 1, 1, 2, 1, 7, 1, 1, 72, 2, 3, 1, 1, 1, 65,
    1, 153, 2, 2, 11, 2, 52, 5, 5, 1, 1, 1, 23, 1, 213, 41, 17, 6, 15, 200, 89, 12, 3, 3,
    192, 19, 5, 59, 7, 9, 4, 252, 3, 3, 40, 2, 226, 3, 1, 63, 17, 64, 2, 1, 2, 13, 2, 252,
    127, 4, 1, 7, 1, 2, 158, 25, 2, 1, 4, 220, 36, 46, 2, 23, 160, 4, 3, 9, 16, 2, 7, 30,
    4, 148, 1, 3, 187, 15, 55, 4, 50, 8, 1, 14, 1, 22, 5, 1, 15, 208, 10, 7, 1, 17, 2, 7,
    1, 2, 1, 5, 5, 62, 33, 1, 160, 1, 14, 240, 2, 1, 61, 4, 251, 3, 5, 254, 1, 2, 243, 1,
    1, 2, 1, 7, 2, 5, 1, 9, 1, 208, 3, 7, 109, 8, 175, 21, 5, 129, 152, 48, 1, 30, 96, 128,
    1, 240, 1,
];

/// `c` lowercased, or the first character of its lowercase (`c.to_lowercase().next()`).
#[inline]
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let u = c as u32;
    let i = LOWER.partition_point(|&(k, _)| k >> 8 <= u);
    if let Some(&(k, d)) = i.checked_sub(1).and_then(|i| LOWER.get(i)) {
        let (first, count, stride) = (k >> 8, k & 0xff, (d & 1) as u32 + 1);
        let off = u - first;
        if off < count * stride && off % stride == 0 {
            return char::from_u32(u.wrapping_add_signed(d >> 1)).unwrap_or(c);
        }
    }
    c
}

/// Is every char of `w` (the UTF-8 bytes of a word) lowercase (`char::is_lowercase`)? An
/// ASCII word is told byte by byte; only another is decoded. (Callers hold a token's bytes,
/// which cost less to slice than its `&str`.)
pub fn is_all_lowercase(w: &[u8]) -> bool {
    if w.is_ascii() {
        return w.iter().all(u8::is_ascii_lowercase);
    }
    std::str::from_utf8(w).is_ok_and(|s| s.chars().all(char::is_lowercase))
}

/// `s.to_lowercase()`.
pub fn to_lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        out.push(if c != 'Σ' {
            lower(c)
        } else if ignorable_then_cased(s[..i].chars().rev())
            && !ignorable_then_cased(s[i + 'Σ'.len_utf8()..].chars())
        {
            // At the end of a word (Unicode's `Final_Sigma`, as std).
            'ς'
        } else {
            'σ'
        });
        if c == '\u{130}' {
            out.push('\u{307}');
        }
    }
    out
}

/// Is the first character that is not case-ignorable cased?
fn ignorable_then_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| !case_ignorable(c)).is_some_and(cased)
}

/// Unicode's `Cased`: lowercase, uppercase or titlecase.
fn cased(c: char) -> bool {
    c.is_lowercase()
        || c.is_uppercase()
        || matches!(c as u32, 0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f
            | 0x1fa8..=0x1faf | 0x1fbc | 0x1fcc | 0x1ffc)
}

/// Unicode's `Case_Ignorable`, read from [`CASE_IGNORABLE`].
fn case_ignorable(c: char) -> bool {
    let u = c as u32;
    let mut bytes = CASE_IGNORABLE.iter();
    let mut leb = || {
        let mut v = 0u32;
        let mut shift = 0;
        for &b in bytes.by_ref() {
            v |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    };
    let mut end = 0u32;
    while let (Some(gap), Some(len)) = (leb(), leb()) {
        let start = end + gap;
        if u < start {
            return false;
        }
        end = start + len;
        if u < end {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_all_lowercase_as_chars() {
        for w in [
            "", "said", "Said", "naïve", "Naïve", "ﬁled", "x1", "été", "ÉTÉ", "σς", "a-b", "’s",
        ] {
            let want = w.chars().all(char::is_lowercase);
            assert_eq!(is_all_lowercase(w.as_bytes()), want, "{w}");
        }
    }

    /// `LOWER` as std's lowercase mapping gives it.
    fn derived_lower() -> Vec<(u32, i32)> {
        let maps: Vec<(u32, i64)> = (0x80..=0x10ffff)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let l = c.to_lowercase().next().unwrap_or(c);
                (l != c).then(|| (c as u32, l as i64 - c as i64))
            })
            .collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < maps.len() {
            let (first, d) = maps[i];
            let mut best = (1, 1);
            for stride in [1, 2] {
                let mut n = 1;
                while n < 255 && i + n < maps.len() && maps[i + n] == (first + stride * n as u32, d)
                {
                    n += 1;
                }
                if n > best.0 {
                    best = (n, stride);
                }
            }
            runs.push((
                first << 8 | best.0 as u32,
                (d as i32) << 1 | (best.1 as i32 - 1),
            ));
            i += best.0;
        }
        runs
    }

    /// `CASE_IGNORABLE` as std's `str::to_lowercase` shows it: after `AΣ`, a case-ignorable
    /// character leaves the `Σ` word-final (`ς`) alone but not before a cased `A`.
    fn derived_ignorable() -> Vec<u8> {
        let ending = |s: String| s.to_lowercase().chars().nth(1) == Some('ς');
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if c != 'Σ' && ending(format!("AΣ{c}")) && !ending(format!("AΣ{c}A")) {
                let u = c as u32;
                match ranges.last_mut() {
                    Some((_, end)) if *end == u => *end = u + 1,
                    _ => ranges.push((u, u + 1)),
                }
            }
        }
        let mut bytes = Vec::new();
        let mut leb = |mut v: u32| loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                bytes.push(b);
                break;
            }
            bytes.push(b | 0x80);
        };
        let mut end = 0;
        for (s, e) in ranges {
            leb(s - end);
            leb(e - s);
            end = e;
        }
        bytes
    }

    #[test]
    fn tables_are_std_s() {
        let lower = derived_lower();
        let ignorable = derived_ignorable();
        let ok = LOWER[..] == lower[..] && CASE_IGNORABLE == ignorable;
        let rows = |items: Vec<String>, per: usize| {
            let lines: Vec<String> = items
                .chunks(per)
                .map(|c| format!("    {},", c.join(", ")))
                .collect();
            lines.join("\n")
        };
        assert!(
            ok,
            "regenerate the tables of src/case.rs:\nconst LOWER: &[(u32, i32)] = &[\n{}\n];\nconst CASE_IGNORABLE: &[u8] = &[\n{}\n];",
            rows(lower.iter().map(|(k, d)| format!("({k:#x}, {d})")).collect(), 6),
            rows(ignorable.iter().map(|b| b.to_string()).collect(), 24),
        );
    }

    #[test]
    fn every_character_lowercases_as_std() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(lower(c), c.to_lowercase().next().unwrap(), "{c:?}");
            let s = c.to_string();
            assert_eq!(to_lowercase(&s), s.to_lowercase(), "{c:?}");
            for t in [
                format!("AΣ{c}"),
                format!("AΣ{c}A"),
                format!("{c}Σ"),
                format!("A{c}Σ"),
            ] {
                assert_eq!(to_lowercase(&t), t.to_lowercase(), "{t:?}");
            }
        }
    }

    #[test]
    fn strings_lowercase_as_std() {
        for s in [
            "",
            "Hello, WORLD",
            "ΟΔΥΣΣΕΥΣ",
            "ΣΑΣ ΣΑΣ. Σ",
            "AΣ'Σ",
            "A\u{301}Σ\u{301}",
            "İSTANBUL İ",
            "Über STRASSE ẞ ǅ ᾈ",
            "abcdefghijklmnopqrstuvwxyzABCDEFΣ",
            "x:Σ, ΣΣ Σ-Σ 1Σ",
        ] {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s:?}");
        }
    }

    /// No engine source calls std's `to_lowercase` or `to_uppercase` outside tests (the
    /// evaluation tools, the CLI and the Python layer do not go into the wasm module).
    #[test]
    fn the_engine_does_not_call_std_s_case_mapping() {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        walk(&src, &mut files);
        let skip = ["case.rs", "eval.rs", "python.rs"];
        for f in files {
            let rel = f.strip_prefix(&src).unwrap();
            if rel.starts_with("bin") || skip.iter().any(|s| rel == std::path::Path::new(s)) {
                continue;
            }
            let text = std::fs::read_to_string(&f).unwrap();
            let engine = text.split("#[cfg(test)]").next().unwrap();
            for (n, line) in engine.lines().enumerate() {
                let code = line.split("//").next().unwrap();
                assert!(
                    !code.contains(".to_lowercase(") && !code.contains(".to_uppercase("),
                    "{}:{}: use crate::case instead of std's case mapping",
                    rel.display(),
                    n + 1
                );
            }
        }
    }
}
