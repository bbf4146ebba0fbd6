//! Segmentation.
pub struct Document<'a> {
    pub text: &'a str,
}
impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        Document { text }
    }
}

/// Maps UTF-8 byte offsets to UTF-16 code-unit offsets.
pub struct Utf16Map {
    pairs: Vec<(usize, usize)>,
}
impl Utf16Map {
    pub fn new(text: &str, mut offsets: Vec<usize>) -> Self {
        offsets.sort_unstable();
        offsets.dedup();
        let mut pairs = Vec::with_capacity(offsets.len());
        let mut u16pos = 0usize;
        let mut it = offsets.into_iter().peekable();
        for (b, ch) in text.char_indices() {
            while let Some(&o) = it.peek() {
                if o <= b {
                    pairs.push((o, u16pos));
                    it.next();
                } else {
                    break;
                }
            }
            u16pos += ch.len_utf16();
        }
        for o in it {
            pairs.push((o, u16pos));
        }
        Utf16Map { pairs }
    }
    pub fn get(&self, byte: usize) -> usize {
        match self.pairs.binary_search_by_key(&byte, |p| p.0) {
            Ok(i) => self.pairs[i].1,
            Err(_) => 0,
        }
    }
}
