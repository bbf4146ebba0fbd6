//! Quotation marks: what each mark is (open, close, apostrophe), and how marks pair into
//! quoted spans, across paragraphs where the multi-paragraph convention says so.

#[allow(unused_imports)]
use super::*;

/// Is `c` one of the characters of `set`? (`str::contains` with a non-ASCII `char` runs the
/// substring searcher, 1.4 KB of wasm for what a scan of a few characters does.)
pub(crate) fn one_of(set: &str, c: char) -> bool {
    set.chars().any(|s| s == c)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Open,
    Close,
    /// A straight mark between two non-spaces: closes if a quote is open, else opens.
    Either,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
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

pub(crate) fn classify(text: &str, pos: usize, c: char) -> Option<Mark> {
    let prev = text[..pos].chars().next_back();
    let next = text[pos + c.len_utf8()..].chars().next();
    // An apostrophe inside a word, the most frequent mark character, is none (`Russia’s`,
    // `don't`, `rock’n’roll`): told before the spaces around are looked at.
    if matches!(c, '‘' | '’' | '\'')
        && prev.is_some_and(char::is_alphanumeric)
        && next.is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let space_before = prev.is_none_or(|p| p.is_whitespace() || one_of("([{—–-/", p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || one_of(".,;:!?)]}—–…", n));
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
        // A straight mark doubling a curly one (`"“You don’t win …,” Rubio said`): the
        // curly mark does the work.
        '"' if next == Some('“') || prev == Some('”') => None,
        '"' => match (space_before, space_after) {
            (true, false) => m(Role::Open, true),
            (false, true) => m(Role::Close, true),
            // Spaced from a nested single mark: `… 'African American outreach,' " he
            // told`, `" 'Our approach …`. (Otherwise a lone mark between spaces is nothing.)
            (true, true) => {
                let before = text[..pos].trim_end().chars().next_back();
                let after = text[pos + 1..].trim_start().chars().next();
                // (A word cut off with dashes closes: `to "shoot any n------" who …`.)
                let cut_word = text[..pos]
                    .trim_end_matches(['-', '—', '–'])
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                    && text[..pos].ends_with(['-', '—', '–'])
                    && next.is_none_or(char::is_whitespace);
                if cut_word
                    || (before.is_some_and(ends_spaced_close) && text[..pos].trim_end().len() < pos)
                {
                    m(Role::Close, true)
                } else if after.is_some_and(|a| a == '\'' || a == '‘')
                    && text[pos + 1..].trim_start().len() < text.len() - pos - 1
                {
                    m(Role::Open, true)
                } else {
                    None
                }
            }
            (false, false) => {
                // `word"word`: after an opening punctuation mark it opens, else ambiguous.
                let p = prev.unwrap_or(' ');
                if one_of("“‘'\"", p) {
                    m(Role::Open, true)
                } else {
                    m(Role::Either, true)
                }
            }
        },
        '‘' | '’' | '\'' => {
            let p = prev.unwrap_or(' ');
            let n = next.unwrap_or(' ');
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
            if !space_before && !space_after && one_of("“\"", p) {
                return m(Role::Open, false);
            }
            if !space_before && !space_after && one_of("”\"", n) {
                return m(Role::Close, false);
            }
            None
        }
        _ => None,
    }
}

/// The markup tags left in scraped copy within paragraph `p` (`<tweet author="@x"
/// datetime="2016-03-10">`), as byte ranges: their attribute values' marks quote no one.
/// A tag opens with `<` and a letter or `/` and closes at the next `>` within 1200 bytes
/// (scraped attributes may hold a paragraph).
fn markup_tags(text: &str, p: Span) -> Vec<(usize, usize)> {
    // (`str::find` of one ASCII character searches a word of bytes at a time: most
    // paragraphs hold no `<` at all.)
    let text_p = &text[p.start..p.end];
    let para = text_p.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(i) = text_p[k..].find('<').map(|i| k + i) {
        k = i + 1;
        if !para
            .get(i + 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/')
        {
            continue;
        }
        let window = &para[i + 1..para.len().min(i + 1200)];
        if let Some(j) = window.iter().position(|&b| b == b'>' || b == b'<') {
            if window[j] == b'>' {
                out.push((p.start + i, p.start + i + 1 + j));
                k = i + 1 + j;
            }
        }
    }
    out
}

pub(crate) fn marks_in(text: &str, p: Span) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut skip_to = 0;
    let tags = markup_tags(text, p);
    // Every mark is `"` or `'` or starts with the byte C2 (`«` `»`) or E2 (the curly ones):
    // only characters starting with those bytes are decoded, and eight bytes without one
    // are passed over at once.
    let bytes = &text.as_bytes()[p.start..p.end];
    let mut k = 0;
    while k < bytes.len() {
        let end = (k + 8).min(bytes.len());
        if end - k == 8 && !may_hold_mark(u64::from_le_bytes(bytes[k..end].try_into().expect("8")))
        {
            k = end;
            continue;
        }
        let chunk = k..end;
        k = end;
        for i in chunk {
            if !matches!(bytes[i], b'"' | b'\'' | 0xC2 | 0xE2) {
                continue;
            }
            let pos = p.start + i;
            if tags.iter().any(|&(a, b)| a < pos && pos < b) {
                continue;
            }
            let c = text[pos..].chars().next().expect("a character starts here");
            if pos < skip_to
                || !matches!(
                    c,
                    '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '‘' | '’' | '\''
                )
            {
                continue;
            }
            // Two apostrophes stand for a double mark in some feeds (`''It is,'' he said`).
            if c == '\'' && text[pos + 1..p.end].starts_with('\'') {
                // Three: a nested single mark beside the double one, closing (`… one of
                // us,''' Mr. English said`) or opening (`'''Hey,' he said …`).
                if text[pos + 2..p.end].starts_with('\'') {
                    if let Some(marks) = tripled(text, pos) {
                        skip_to = pos + 3;
                        out.extend(marks);
                        continue;
                    }
                }
                skip_to = pos + 2;
                out.extend(classify_doubled(text, pos));
                continue;
            }
            out.extend(classify(text, pos, c));
        }
    }
    out
}

/// Does any of the eight bytes of `x` start a mark (`"`, `'`, C2 or E2)? (A byte equal to a
/// wanted value is a zero byte of their xor; C2 and E2 differ only in bit 5.)
fn may_hold_mark(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    zero_byte(x ^ (ONES * 0x22))
        | zero_byte(x ^ (ONES * 0x27))
        | zero_byte((x | (ONES * 0x20)) ^ (ONES * 0xE2))
        != 0
}

/// Can a double mark set off by spaces on both sides close a quote when this character
/// stands before it? After a nested single mark (`… 'outreach,' " he told`), a comma or a
/// question (`what does that mean? " Clinton asked`, `coalitions, '' said Mr. Gunnel`). Not
/// after a period, which may end the sentence before a quote opens.
fn ends_spaced_close(c: char) -> bool {
    matches!(c, '\'' | '’' | ',' | '?' | '!')
}

/// `'''` at `pos`: a double mark and a nested single one, in the order they open or close
/// (`… one of us,'''` closes the single, then the double; `'''Hey,' …` opens the double).
fn tripled(text: &str, pos: usize) -> Option<[Mark; 2]> {
    let single = |pos, role| Mark {
        pos,
        len: 1,
        role,
        double: false,
    };
    match classify_doubled(text, pos + 1) {
        Some(d) if d.role == Role::Close => Some([single(pos, Role::Close), d]),
        _ => match classify_doubled(text, pos) {
            Some(d) if d.role == Role::Open => Some([d, single(pos + 2, Role::Open)]),
            _ => None,
        },
    }
}

/// `''` at `pos`, classified like a straight double mark from what stands around the pair.
fn classify_doubled(text: &str, pos: usize) -> Option<Mark> {
    let prev = text[..pos].chars().next_back();
    let next = text[pos + 2..].chars().next();
    let space_before = prev.is_none_or(|p| p.is_whitespace() || one_of("([{—–-/", p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || one_of(".,;:!?)]}—–…", n));
    let role = match (space_before, space_after) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        // Spaced on both sides after a sentence's or clause's end: a close set off by a
        // stray space (`… left-right coalitions, '' said Mr. Gunnel`).
        (true, true)
            if text[..pos]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(ends_spaced_close)
                && text[..pos].trim_end().len() < pos =>
        {
            Role::Close
        }
        _ => return None,
    };
    Some(Mark {
        pos,
        len: 2,
        role,
        double: true,
    })
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
                    Some(m)
                        if m.pos == p.start
                            && m.double
                            && m.role != Role::Close
                            && same_style(text, m, &open.expect("checked").0) =>
                    {
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
        // Nested doubles inside the open quote.
        let mut depth = 0usize;
        // The innermost nested double's opening mark, when its style differs from the open
        // quote's (`"Trump walked onto the stage, chanting “U-S-A! U-S-A!”`): a quote of its
        // own inside the passage.
        let mut nested: Option<Mark> = None;
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
                    // A quote reopened after a sentence's end: the paragraph break of the
                    // multi-paragraph convention, lost where text was joined (`said: "We
                    // have … 26 weeks. "We are going …"`). One quote, as across paragraphs.
                    (true, Role::Open)
                        if depth == 0 && reopens(text, m, &open.expect("checked").0) => {}
                    (true, Role::Open) => {
                        depth += 1;
                        nested = (depth == 1 && !same_style(text, m, &open.expect("checked").0))
                            .then_some(*m);
                    }
                    (true, Role::Close | Role::Either) => {
                        if depth > 0 {
                            depth -= 1;
                            if let Some(nm) = nested.take() {
                                if same_style(text, m, &nm)
                                    || !same_style(text, m, &open.expect("checked").0)
                                {
                                    push_span(
                                        &mut out,
                                        text,
                                        nm,
                                        m.pos,
                                        m.pos + m.len,
                                        true,
                                        false,
                                    );
                                }
                            }
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
                            // (Counting stops at the second.)
                            if text[content.start..content.end]
                                .chars()
                                .filter(|c| c.is_alphanumeric())
                                .nth(1)
                                .is_some()
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
    crate::sort::by_key(&mut out, |q| q.open);
    out
}

/// Are two double marks of one style (straight `"`, doubled `''`, curly, guillemet)? A quote
/// running over paragraphs reopens each with the mark it opened with; a paragraph opening
/// with another style starts a quote of its own, and the unclosed one was a stray mark
/// (scraped text often leaves a `"` at the start of a paragraph).
fn same_style(text: &str, a: &Mark, b: &Mark) -> bool {
    fn style(text: &str, m: &Mark) -> u8 {
        match text[m.pos..].chars().next() {
            Some('"') => 0,
            Some('\'') => 1,
            Some('«' | '»') => 2,
            _ => 3,
        }
    }
    style(text, a) == style(text, b)
}

/// Does mark `m` reopen the quote `open` began, after the end of a sentence and a space, in
/// the open quote's style?
fn reopens(text: &str, m: &Mark, open: &Mark) -> bool {
    let before = text[..m.pos].trim_end();
    before.len() < m.pos && before.ends_with(['.', '?', '!']) && same_style(text, m, open)
}

/// Index of the last paragraph that ends before `pos`.
pub(crate) fn opi_last(paras: &[Span], pos: usize) -> usize {
    paras.partition_point(|p| p.end <= pos).saturating_sub(1)
}

pub(crate) fn push_span(
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

#[cfg(test)]
mod tests {
    #[test]
    fn mark_bytes_are_found_in_any_place_of_a_word() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = [b'a'; 8];
                w[at] = b;
                let want = matches!(b, b'"' | b'\'' | 0xC2 | 0xE2);
                assert_eq!(
                    super::may_hold_mark(u64::from_le_bytes(w)),
                    want,
                    "{b:#x} at {at}"
                );
            }
        }
    }
}
