//! Names: runs of capitalised words (with initials, particles and suffixes), the title
//! or honorific before them, the appositive after, and what kind of entity they name.

#[allow(unused_imports)]
use super::*;
use crate::lexicon::{
    LEX_HONORIFIC, LEX_KNOWN_ORG, LEX_NOT_NAME_WORD, LEX_ORG_HEAD, LEX_PRE_NAME_TITLE,
    LEX_SPEECH_VERB, LEX_TITLE_WORD,
};

/// A run of capitalised words and what the text around it says about it.
#[derive(Debug, Clone)]
/// (28 bytes: an article of names has as many runs as a tenth of its tokens. Offsets are
/// below `u32::MAX`: see [`crate::segment::MAX_INPUT`].)
pub(crate) struct NameRun {
    /// The name without honorific or title (`John Kirby`): [`NameRun::span`].
    start: u32,
    end: u32,
    /// Tokens of the name: [`NameRun::tokens`].
    first: u32,
    last: u32,
    /// The title before the name (`Pentagon press secretary`), if any: [`NameRun::title`].
    title: (u32, u32),
    pub(crate) kind: Option<EntityKind>,
    /// Strong evidence that this is a person or organisation of interest.
    pub(crate) evidence: bool,
    /// `he`/`she` as told by an honorific (`Mr.`, `Mrs.`) or a first name, if any.
    pub(crate) gender: Option<lexicon::Pronoun>,
    /// Read in a title-case sentence (a headline), where a name ends is only a guess.
    pub(crate) headline: bool,
}

impl NameRun {
    /// The name without honorific or title.
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
    /// The tokens of the name (at least one): those of [`NameRun::span`], which starts where
    /// the first starts and ends where the last ends.
    pub(crate) fn tokens(&self) -> std::ops::Range<usize> {
        self.first as usize..self.last as usize
    }
    /// The title before the name, if any.
    pub(crate) fn title(&self) -> Option<Span> {
        (self.title.0 != u32::MAX).then(|| Span::new(self.title.0 as usize, self.title.1 as usize))
    }
}

/// Trims determiners and punctuation off a title: `the Pentagon spokesman,` → `Pentagon
/// spokesman`.
pub(crate) fn clean_title(t: &str) -> String {
    let t = t.trim().trim_end_matches([',', ';', ':']).trim();
    // (An abbreviation keeps its period: `Retired Lt. Gen.`, `Sen.`.)
    let abbreviation = t.strip_suffix('.').is_some_and(|u| {
        let w = u.rsplit(' ').next().unwrap_or(u);
        (1..=4).contains(&w.len()) && w.starts_with(|c: char| c.is_uppercase())
    });
    let t = if abbreviation {
        t
    } else {
        t.trim_end_matches(['.', ',', ';', ':']).trim()
    };
    let t = t
        .strip_prefix("the ")
        .or_else(|| t.strip_prefix("The "))
        .unwrap_or(t);
    let t = t
        .strip_prefix("a ")
        .or_else(|| t.strip_prefix("an "))
        .unwrap_or(t);
    t.to_string()
}

/// Is token `i` a capitalised word that may be part of a name? (Native builds inline the
/// test of its facts, which most tokens fail, and call for the rest; the wasm keeps one
/// function.)
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn is_cap_word(doc: &Document, i: usize) -> bool {
    doc.kind(i) == TokKind::Word && doc.is_upper(i) && is_cap_word_text(doc, i)
}

/// [`is_cap_word`] for a capitalised word: its word lists and its text.
#[cfg_attr(target_arch = "wasm32", inline(always))]
#[cfg_attr(not(target_arch = "wasm32"), inline(never))]
fn is_cap_word_text(doc: &Document, i: usize) -> bool {
    if doc.is(i, LEX_NOT_NAME_WORD) {
        return false;
    }
    // (Its bytes: most words are neither; the text is read only for one that is.)
    let w = doc.tok_bytes(i);
    // (A contraction of a word that names nothing: `There’s`, `It’s`, `That's`.)
    if lexicon::is_possessive(w) && lexicon::is_not_name_word(strip_possessive(doc.tok(i))) {
        return false;
    }
    // `Pakistan-based`, `U.S.-led`: a hyphenated modifier ending in a lowercase word. (Is
    // there a hyphen at all, first: a forward search, tighter than the one from the end.)
    let modifier = w.contains(&b'-')
        && w.iter().rposition(|&b| b == b'-').is_some_and(|h| {
            doc.tok(i)[h + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase())
        });
    !modifier
}

pub(crate) use crate::lexicon::strip_possessive;

/// Is token `k` an organisation word (an organisation head or a known organisation)?
fn is_org_tok(doc: &Document, k: usize) -> bool {
    doc.is(k, LEX_ORG_HEAD | LEX_KNOWN_ORG)
}

/// Is there a line break between token `k` and the next? A name never runs over one, nor
/// does a word describe a name on the next line (scraped copy keeps stray lines).
fn line_break_after(doc: &Document, k: usize) -> bool {
    doc.text[doc.tokens[k].span().end..doc.tokens[k + 1].span().start].contains('\n')
}

/// A single capital letter: an initial once a period follows.
pub(crate) fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|c| c.is_uppercase()) && c.next().is_none()
}

/// Lowercase words inside names: `de Gaulle`, `von der Leyen`, `bin Salman`, `al-`.
pub(crate) fn is_particle(w: &[u8]) -> bool {
    matches!(
        w,
        b"de"
            | b"van"
            | b"von"
            | b"der"
            | b"den"
            | b"ter"
            | b"bin"
            | b"ibn"
            | b"al"
            | b"da"
            | b"del"
            | b"della"
            | b"di"
            | b"du"
            | b"dos"
            | b"das"
            | b"la"
            | b"le"
    )
}

/// Generational suffixes that end a name: `Martin Luther King Jr.`, `Henry Ford II`.
pub(crate) fn is_name_suffix(w: &str) -> bool {
    matches!(w, "Jr" | "Sr" | "II" | "III" | "IV" | "." | ",")
}

/// Every run of capitalised words of a document with the evidence around it, in order,
/// found as they are asked for (so that the entity pass never holds them all).
pub(crate) struct NameRuns<'d, 'a> {
    doc: &'d Document<'a>,
    /// The next token to look at, and the index of its sentence (or one before it).
    i: usize,
    sent: usize,
    /// The sentence last asked about and, when it is in title case (a headline: `Hillary
    /// Clinton Says Trump’s Bigotry Doesn’t …`), its tokens that are common words.
    title_case: Option<(usize, Option<Vec<u32>>)>,
    /// The words the text writes in lowercase, per block of tokens, built as headlines ask.
    lower: LowerWords,
}

/// How far around a headline the article is read for its words in lowercase, in tokens (a
/// news article's worth; a corpus of many articles in one text reads only its own).
const COMMON_BEFORE: usize = 300;
const COMMON_AFTER: usize = 2000;

/// The most tokens a title-case sentence has (a headline, a line of links).
const HEADLINE_TOKENS: usize = 80;

/// Tokens per block of [`LowerWords`].
const BLOCK_TOKENS: usize = 1024;
/// Bits of a block's filter (three per word: about one word in ten thousand not in a block is
/// taken for one of its own, and so for a common word — a headline name lost, rarely).
const BLOCK_BITS: usize = 1 << 15;

/// A Bloom filter of the lowercase words (possessive ending dropped) of each block of
/// [`BLOCK_TOKENS`] tokens, each built the first time a headline near it asks: every token is
/// read at most once, however many headlines a long text has (4 KB a block while it may
/// still be asked).
#[derive(Default)]
struct LowerWords {
    blocks: Vec<Option<Box<[u64]>>>,
    /// Blocks before this one are dropped: headlines come in text order, and none asks
    /// behind the one before it (a long text keeps a few filters, not one per block).
    kept_from: usize,
}

impl LowerWords {
    /// The three bits of word `w`.
    fn bits(w: &[u8]) -> [usize; 3] {
        Self::bits_of_hash(crate::fx::hash_bytes(w))
    }

    /// The three bits of a word whose [`crate::fx::hash_bytes`] is `h`.
    #[inline]
    fn bits_of_hash(h: u64) -> [usize; 3] {
        [0, 21, 42].map(|s| (h >> s) as usize % BLOCK_BITS)
    }

    /// [`crate::fx::hash_bytes`] of token `j` (possessive ending dropped), if it is a word
    /// written in lowercase. A short word is hashed in place (every token of the text is read
    /// once when the blocks are built).
    #[inline]
    fn token_hash(doc: &Document, bytes: &[u8], j: usize) -> Option<u64> {
        if doc.is_upper(j) || doc.kind(j) != TokKind::Word {
            return None;
        }
        let Span { start, end } = doc.tokens[j].span();
        let w = &bytes[start..end];
        let n = if w.ends_with(b"\xE2\x80\x99s") {
            w.len() - 4
        } else if w.ends_with(b"'s") {
            w.len() - 2
        } else {
            w.len()
        };
        if n == 0 || !w[0].is_ascii_lowercase() {
            return None;
        }
        Some(if n <= 16 && start + 16 <= bytes.len() {
            crate::fx::hash_word_at(bytes, start, n)
        } else {
            crate::fx::hash_bytes(&w[..n])
        })
    }

    /// Does a token of blocks `a..=b` write `w` (lowercase) in lowercase?
    fn has(&mut self, doc: &Document, a: usize, b: usize, w: &[u8]) -> bool {
        let bits = Self::bits(w);
        if self.blocks.len() <= b {
            self.blocks.resize_with(b + 1, || None);
        }
        for k in self.kept_from..a {
            self.blocks[k] = None;
        }
        self.kept_from = self.kept_from.max(a);
        (a..=b).any(|k| {
            let f = self.blocks[k].get_or_insert_with(|| {
                let mut f = vec![0u64; BLOCK_BITS / 64].into_boxed_slice();
                let end = ((k + 1) * BLOCK_TOKENS).min(doc.tokens.len());
                let bytes = doc.text.as_bytes();
                for j in k * BLOCK_TOKENS..end {
                    if let Some(h) = Self::token_hash(doc, bytes, j) {
                        for x in Self::bits_of_hash(h) {
                            f[x / 64] |= 1 << (x % 64);
                        }
                    }
                }
                f
            });
            bits.iter().all(|&x| f[x / 64] & (1 << (x % 64)) != 0)
        })
    }
}

impl<'d, 'a> NameRuns<'d, 'a> {
    pub(crate) fn new(doc: &'d Document<'a>) -> Self {
        NameRuns {
            doc,
            i: 0,
            sent: 0,
            title_case: None,
            lower: LowerWords::default(),
        }
    }

    /// Is token `i` of sentence `sent`, a capitalised word ([`is_cap_word`]), a name word? In
    /// a title-case sentence every word is capitalised, so a word there names something only
    /// when the article around it never writes it in lowercase (`Says`, `Campaign`, `Wants`
    /// are common words; `Clinton` is not): the truecasing a headline needs, learned from
    /// the article itself. (Inlined: a sentence is read once, and a run's later words ask
    /// only the answer kept for it.)
    #[inline]
    fn is_name_word(&mut self, i: usize) -> bool {
        let sent = self.sent;
        if self.title_case.as_ref().is_none_or(|t| t.0 != sent) {
            self.read_sentence(sent);
        }
        let common = self.title_case.as_ref().and_then(|t| t.1.as_deref());
        common.is_none_or(|c| c.binary_search(&(i as u32)).is_err())
    }

    /// Reads sentence `sent` for [`NameRuns::is_name_word`].
    #[inline(never)]
    fn read_sentence(&mut self, sent: usize) {
        self.title_case = Some((sent, common_words(self.doc, sent, &mut self.lower)));
    }
}

/// The tokens of sentence `s` that are common words written in title case, if it is in title
/// case (at least four words, three in four of them capitalised, at most [`HEADLINE_TOKENS`]
/// tokens): reporting verbs, and words the text around it writes in lowercase. (Acronyms
/// keep their capitals: `US` is not `us`.)
fn common_words(doc: &Document, s: usize, lower: &mut LowerWords) -> Option<Vec<u32>> {
    let sent = doc.sentence(s);
    // (A headline is short: a long run of capitalised words is no headline, and its words
    // are not each looked up.)
    if sent.last - sent.first > HEADLINE_TOKENS {
        return None;
    }
    let (mut words, mut caps) = (0, 0);
    for k in sent.first..sent.last {
        if doc.kind(k) == TokKind::Word && starts_alphabetic(doc, k) {
            words += 1;
            caps += doc.is_upper(k) as usize;
            // (Most sentences show they are not by their third lowercase word.)
            if words - caps > 2 && (words - caps) * 4 > words.max(8) {
                return None;
            }
        }
    }
    if !(words >= 4 && caps * 4 >= words * 3) {
        return None;
    }
    let mut out = Vec::new();
    // The blocks of tokens around the sentence that are read for its words in lowercase.
    let from = sent.first.saturating_sub(COMMON_BEFORE) / BLOCK_TOKENS;
    let to = (sent.last + COMMON_AFTER).min(doc.tokens.len().max(1) - 1) / BLOCK_TOKENS;
    for k in sent.first..sent.last {
        if !is_cap_word(doc, k) {
            continue;
        }
        let w = doc.tok(k);
        if !w.chars().skip(1).any(char::is_lowercase) {
            continue;
        }
        // A reporting or thinking verb is one whether the article uses it or not.
        let verb = doc.is(
            k,
            lexicon::LEX_SPEECH_VERB | lexicon::LEX_WEAK_SPEECH_VERB | lexicon::LEX_COGNITION_VERB,
        );
        if verb || {
            let w = crate::case::to_lowercase(strip_possessive(w));
            !w.is_empty() && lower.has(doc, from, to, w.as_bytes())
        } {
            out.push(k as u32);
        }
    }
    crate::sort::by_key(&mut out, |&k| k);
    Some(out)
}

/// Does token `k` start with a letter? Without decoding its text for a capitalised word (an
/// uppercase letter is alphabetic) or an ASCII first byte (a letter or not by itself): the
/// title-case test reads a few words of every sentence that has a name.
fn starts_alphabetic(doc: &Document, k: usize) -> bool {
    if doc.is_upper(k) {
        return true;
    }
    match doc.text.as_bytes().get(doc.tokens[k].span().start) {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        _ => doc.tok(k).chars().next().is_some_and(char::is_alphabetic),
    }
}

impl Iterator for NameRuns<'_, '_> {
    type Item = NameRun;

    fn next(&mut self) -> Option<NameRun> {
        let doc = self.doc;
        let n = doc.tokens.len();
        loop {
            // (Most tokens are passed over here, on a local index.)
            let mut i = self.i;
            while i < n && !is_cap_word(doc, i) {
                i += 1;
            }
            self.i = i;
            if i >= n {
                return None;
            }
            // The run's words stay in the sentence of its first (only initials and particles
            // may carry it on). (Runs come in order: the sentence index walks forward.)
            while doc.sentence(self.sent).last <= i {
                self.sent += 1;
            }
            if !self.is_name_word(i) {
                self.i += 1;
                continue;
            }
            let sent = self.sent;
            let sentence_end = doc.sentence(sent).last;
            // Whether an organisation word is among tokens `i..org_upto`.
            let (mut org, mut org_upto) = (false, i);
            let mut j = i + 1;
            while j < n {
                // (A possessive ends a name: `Mrs. Clinton's N.Y.U. speech`, `Trump’s Bigotry`,
                // but for an organisation's: `Moody's Investors Service`.)
                let owner = lexicon::is_possessive(doc.tok_bytes(j - 1))
                    && !(j..(j + 3).min(sentence_end)).any(|k| is_org_tok(doc, k));
                // (An honorific after a word that is no title starts another name: `in a
                // panel in California Mr Torvalds said`.)
                let honorific_after_name = doc.is(j, LEX_HONORIFIC)
                    && !doc.is(j - 1, LEX_TITLE_WORD | LEX_PRE_NAME_TITLE | LEX_HONORIFIC);
                if j < sentence_end
                    && !owner
                    && !honorific_after_name
                    && is_cap_word(doc, j)
                    && self.is_name_word(j)
                {
                    j += 1;
                } else if j < sentence_end && doc.is_upper(j) && doc.is_month_surname(j) {
                    // `Theresa May said`: a month after a name is its surname.
                    j += 1;
                } else {
                    // (The word read once for the tests below: most runs end here.)
                    let w = doc.tok_bytes(j);
                    let particle = is_particle(w);
                    if j + 1 < n
                        && w == b"."
                        && is_initial(doc.tok(j - 1))
                        && is_cap_word(doc, j + 1)
                        // (Never across a line break: a stray `X.` line above a paragraph
                        // that opens with `Trump` is no `X. Trump`.)
                        && !line_break_after(doc, j)
                    {
                        // A middle or first initial: `C. Eugene Steuerle`, `Janet L. Yellen`.
                        j += 2;
                    } else if j + 2 < n
                        && particle
                        && is_particle(doc.tok_bytes(j + 1))
                        && is_cap_word(doc, j + 2)
                    {
                        // Two particles: `Ursula von der Leyen`, `Joost van den Berg`.
                        j += 3;
                    } else if j + 1 < n
                        && (particle || matches!(w, b"of" | b"for")
                            // `Joint Committee on Intelligence and Security`: inside an
                            // organisation's name, `on` and `and` join too.
                            || (matches!(w, b"on" | b"and") && {
                                while org_upto < j {
                                    org |= doc.is(org_upto, LEX_ORG_HEAD);
                                    org_upto += 1;
                                }
                                org
                            })
                            // `World Travel and Tourism Council`: `and` inside a name that an
                            // organisation word ends.
                            || (w == b"and" && (j + 1..(j + 4).min(n)).take_while(|&k| is_cap_word(doc, k)).any(|k| doc.is(k, LEX_ORG_HEAD))))
                        && is_cap_word(doc, j + 1)
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
            }
            self.i = j;
            if let Some(mut run) = make_run(doc, i, j, sent) {
                run.headline = self.title_case.as_ref().is_some_and(|t| t.1.is_some());
                return Some(run);
            }
        }
    }
}

/// Splits a capitalised run into title + name, and reads its evidence.
/// (`sent` is the sentence of token `i`.)
pub(crate) fn make_run(doc: &Document, i: usize, j: usize, sent: usize) -> Option<NameRun> {
    let sentence_initial = doc.sentence(sent).first == i
        || (i > 0
            && !doc.starts_sentence(i)
            && doc.sentence(sent).first + 1 == i
            && doc.kind(i - 1) == TokKind::Punct);
    // Leading honorifics and titles are not part of the name: `Mr. Mugabe`, `President
    // Obama`, `Prime Minister Habib Essid`.
    let mut a = i;
    let mut honorific = false;
    let mut gender = None;
    let mut titled = false;
    // Whether the run is only a title's domain (`CEO of Hewlett-Packard`).
    let mut domain = false;
    // (A title word last in the run after an honorific or a first name is a surname:
    // `Mr. King`, `Charlie King`, `Mrs. Judge`; but not an office one is addressed by, `Mr.
    // President`.)
    let addressed = |k: usize| {
        lexicon::in_list(
            &[
                "ambassador",
                "chairman",
                "chairwoman",
                "president",
                "secretary",
                "speaker",
            ],
            doc.tok(k),
        )
    };
    // (`Former Chelsea captain Desailly`: a run's leading `Former` is no name word.)
    if a + 2 == j && matches!(doc.tok_bytes(a), b"Former" | b"Ex") {
        a += 1;
    }
    while a < j
        && (doc.is(a, LEX_HONORIFIC | LEX_PRE_NAME_TITLE | LEX_TITLE_WORD)
            || (a + 1 < j && doc.is(a + 1, LEX_PRE_NAME_TITLE) && !is_org_tok(doc, a)))
        && !(honorific && a + 1 == j && !addressed(a))
        && first_name_sex(doc, a).is_none()
    {
        if doc.is(a, LEX_HONORIFIC) {
            honorific = true;
            gender = honorific_gender(doc.tok(a));
        } else {
            titled = true;
        }
        a += 1;
    }
    // A party or nationality before a first name is not part of the name: `Democrat Hillary
    // Clinton`, `Republican Donald Trump` (a known first name tells where the name starts).
    if a + 2 < j
        && (is_demonym(doc.tok_bytes(a)) || doc.tok_is(a, "Democrat"))
        && first_name_sex(doc, a + 1).is_some()
    {
        a += 1;
    }
    // A party or group named right before a first name is no part of the name: `For the
    // Lib Dems David Laws said` (a plural, then a known first name and more).
    if let Some(k) = (a + 1..j.saturating_sub(1)).find(|&k| {
        let w = doc.tok_bytes(k - 1);
        first_name_sex(doc, k).is_some()
            && w.len() > 3
            && w.ends_with(b"s")
            && first_name_sex(doc, k - 1).is_none()
    }) {
        a = k;
    }
    // A title's domain: `Secretary of State John Kerry`, `Director of National Intelligence
    // James Clapper` (the name keeps its last two words).
    if titled && a < j && doc.tok_is(a, "of") {
        while a < j && j - a > 2 {
            a += 1;
        }
        // (`CEO of Hewlett-Packard`: the domain alone, no name after it — the organisation.)
        if doc.tok_is(a, "of") {
            a += 1;
            domain = true;
            (honorific, titled, gender) = (false, false, None);
        }
    }
    // A title inside the run (`Opposition Leader Bill Shorten`, `Tunisian Prime Minister
    // Habib Essid`): the name is what follows the last title word, when that is a name.
    if let Some(t) = (a..j)
        .rev()
        .find(|&k| doc.is(k, LEX_TITLE_WORD | LEX_PRE_NAME_TITLE))
    {
        let rest = j - (t + 1);
        // (`Martin Luther King Jr.`: a suffix after a title-like word is no name.)
        if (1..=3).contains(&rest)
            && !(t + 1..j).all(|k| is_name_suffix(doc.tok(k)))
            && !(t + 1..j).any(|k| is_org_tok(doc, k) || doc.is(k, LEX_TITLE_WORD))
        {
            a = t + 1;
            titled = true;
        }
    }
    if a >= j {
        return None;
    }
    // `Jamie Werner of Ngātiwai`, `Anna Lee of Project Jonah`: a person's affiliation is
    // not part of the name (organisations keep theirs: `Bank of England`).
    let mut j = j;
    if let Some(of) = (a + 2..j).find(|&k| doc.tok_is(k, "of")) {
        if !(a..of).any(|k| is_org_tok(doc, k) || doc.is(k, LEX_TITLE_WORD)) {
            j = of;
        }
    }
    // (The name's words are tokens a..j.)
    let nwords = j - a;
    // (Its last word's text is read only by the rare tests that need it.)
    let last = j.checked_sub(1).filter(|&k| k >= a)?;
    let org = domain || (a..j).any(|k| is_org_tok(doc, k));
    // A lowercase noun for an organisation right before the name says what it names: `US
    // magazine Mobile PC`, `research firm Gartner`, `carmaker Renault`.
    // (The token's list bit first: most runs have no such noun before them.)
    let described_org = !org
        && i > 0
        && doc.is(i - 1, lexicon::LEX_ORG_NOUN)
        && !doc.starts_sentence(i)
        && !line_break_after(doc, i - 1)
        && doc.starts_lower(i - 1)
        && !doc.tok_is(i - 1, "campaign");
    // Lowercase title words right before the run: `press secretary John Kirby`,
    // `developer Ammar Askar`, `Pakistan-based developer`.
    let mut t0 = i;
    while t0 > 0 && !doc.starts_sentence(t0) && t0 + 6 > i {
        let w = doc.tok_bytes(t0 - 1);
        if doc.is(t0 - 1, LEX_TITLE_WORD)
            || (w.len() > 2
                && t0 < i
                && doc.starts_lower(t0 - 1)
                && is_title_modifier(doc.tok(t0 - 1)))
            || (doc.is_upper(t0 - 1) && t0 < i && !doc.is(t0 - 1, LEX_NOT_NAME_WORD))
            || (w.ends_with(b"based") && w.contains(&b'-'))
        {
            t0 -= 1;
        } else {
            break;
        }
    }
    while t0 < i
        && !doc.is(t0, LEX_TITLE_WORD)
        && !doc.tok_bytes(t0).contains(&b'-')
        && !doc.is_upper(t0)
    {
        t0 += 1;
    }
    // (An honorific alone is not a title: `Dr Sarah Jones, a lecturer at …` takes the
    // appositive.)
    let has_title_before =
        t0 < a && ((a > i && titled) || (i > t0 && (t0..i).any(|k| doc.is(k, LEX_TITLE_WORD))));
    let title = if has_title_before {
        Some(Span::new(
            doc.tokens[t0].span().start,
            doc.tokens[a - 1].span().end,
        ))
    } else {
        appositive_title(doc, j)
    };
    let age = j + 2 < doc.tokens.len()
        && doc.tok_is(j, ",")
        && doc.kind(j + 1) == TokKind::Number
        && doc.tok_is(j + 2, ",");
    // (A role word right before a one-word name that reads as a surname makes a person too:
    // `Chief executive Parry`, `Former Chelsea captain Desailly`; not a word firms are
    // described by, `analyst Gartner`, `producer Endemol`, nor an award, `best actress
    // Oscar`.)
    let role_surname = has_title_before
        && !org
        && nwords == 1
        && i > 1
        && doc.is(i - 1, LEX_TITLE_WORD)
        && doc.starts_lower(i - 1)
        && !lexicon::in_list(
            &[
                "analyst",
                "developer",
                "distributor",
                "producer",
                "publisher",
                "retailer",
            ],
            doc.tok(i - 1),
        )
        && !doc.tok_is(i - 2, "best")
        && {
            let last = doc.tok(last);
            let mut c = last.chars();
            c.next().is_some_and(char::is_uppercase)
                && c.all(char::is_lowercase)
                && !last.ends_with('s')
        };
    let kind = if honorific || titled || age || role_surname {
        Some(EntityKind::Person)
    } else if org || described_org {
        Some(EntityKind::Organization)
    } else {
        None
    };
    // A nationality used as an adjective (`American officials`, `Sudanese government`) is
    // not a name.
    // (The word after it first: most one-word names are followed by no lowercase word.)
    let demonym = nwords == 1
        && j < doc.tokens.len()
        && doc.kind(j) == TokKind::Word
        && !doc.is_upper(j)
        && doc.starts_lower(j)
        && !doc.is(j, LEX_SPEECH_VERB)
        && is_demonym(doc.tok_bytes(last));
    if demonym && !honorific && !titled {
        return None;
    }
    // A first name of known sex (a learned table) tells `he` from `she` where no honorific
    // did: `Hillary Clinton` is `she`. (A first name with a surname only: a lone `Chelsea` or
    // `Jordan` is as often a place.)
    let mut first_name = false;
    if gender.is_none() && nwords >= 2 && !org {
        gender = first_name_sex(doc, a);
        first_name = gender.is_some();
    }
    let multiword_person = nwords >= 2 && !org && (title.is_some() || first_name);
    let evidence =
        (honorific || titled || age || multiword_person || org || described_org || title.is_some())
            && !(sentence_initial && nwords == 1 && !honorific && !titled && !org);
    Some(NameRun {
        start: doc.tokens[a].span().start as u32,
        end: doc.tokens[j - 1].span().end as u32,
        first: a as u32,
        last: j as u32,
        title: title.map_or((u32::MAX, 0), |t| (t.start as u32, t.end as u32)),
        kind: kind.or(if multiword_person {
            Some(EntityKind::Person)
        } else {
            None
        }),
        evidence,
        gender,
        headline: false,
    })
}

/// Looks like a nationality or party adjective (`American`, `Sudanese`, `British`,
/// `Republican`, `Democratic`).
pub(crate) fn is_demonym(w: impl AsRef<[u8]>) -> bool {
    let w = w.as_ref();
    ["ian", "ean", "ese", "ish", "can"]
        .iter()
        .any(|suf| w.ends_with(suf.as_bytes()))
        || matches!(
            w,
            b"Democratic"
                | b"Hispanic"
                | b"Catholic"
                | b"Islamic"
                | b"German"
                | b"French"
                | b"Dutch"
                | b"Greek"
                | b"Swiss"
                | b"Thai"
                | b"Welsh"
                | b"Czech"
                | b"Iraqi"
                | b"Israeli"
                | b"Pakistani"
                | b"Saudi"
                | b"Afghan"
                | b"Somali"
        )
}

/// The sex a first name (token `i`) tells, from the learned table of `crate::tables::names`.
pub(crate) fn first_name_sex(doc: &Document, i: usize) -> Option<lexicon::Pronoun> {
    match doc.lex(i) & (lexicon::LEX_FEMALE_NAME | lexicon::LEX_MALE_NAME) {
        lexicon::LEX_FEMALE_NAME => Some(lexicon::Pronoun::She),
        lexicon::LEX_MALE_NAME => Some(lexicon::Pronoun::He),
        _ => None,
    }
}

pub(crate) fn honorific_gender(w: &str) -> Option<lexicon::Pronoun> {
    match w.trim_end_matches('.').to_ascii_lowercase().as_str() {
        "mr" | "sir" | "lord" => Some(lexicon::Pronoun::He),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "madam" => Some(lexicon::Pronoun::She),
        _ => None,
    }
}

pub(crate) fn is_title_modifier(w: &str) -> bool {
    const MODS: &[&str] = &[
        "acting",
        "assistant",
        "campaign",
        "chief",
        "communications",
        "deputy",
        "digital",
        "executive",
        "finance",
        "foreign",
        "former",
        "founding",
        "general",
        "interim",
        "legal",
        "longtime",
        "managing",
        "national",
        "policy",
        "political",
        "press",
        "research",
        "security",
        "senior",
        "state",
        "top",
        "vice",
    ];
    lexicon::in_list(MODS, w)
}

/// `Patrick McHugh, vice president of electrical engineering …`: the appositive after a
/// name, when it starts with a title (optionally after `a`/`the`).
pub(crate) fn appositive_title(doc: &Document, j: usize) -> Option<Span> {
    if j >= doc.tokens.len() || !doc.tok_is(j, ",") {
        return None;
    }
    let mut a = j + 1;
    // Skip an age: `Maria López, 45, a nurse from São Paulo`.
    if a + 1 < doc.tokens.len() && doc.kind(a) == TokKind::Number && doc.tok_is(a + 1, ",") {
        a += 2;
    }
    let mut k = a;
    // (The marks that end it are punctuation tokens: a word's text is not compared.)
    while k < doc.tokens.len()
        && k < a + 14
        && !(doc.kind(k) == TokKind::Punct
            && matches!(doc.tok(k), "," | "." | ";" | "—" | "“" | "”" | "\"" | "("))
    {
        k += 1;
    }
    if k == a {
        return None;
    }
    // An appositive is a noun phrase, not a prepositional or participial tail (`Project
    // Jonah, with 140 pilot whales …`).
    if matches!(
        doc.tok_bytes(a),
        b"with"
            | b"in"
            | b"on"
            | b"at"
            | b"for"
            | b"from"
            | b"by"
            | b"after"
            | b"before"
            | b"during"
            | b"including"
            | b"which"
            | b"who"
            | b"where"
            | b"when"
    ) {
        return None;
    }
    let head = (a..k).take(6).find(|&x| doc.is(x, LEX_TITLE_WORD))?;
    // The words before the title word must be a determiner or modifiers, not a clause, and
    // after it only a prepositional tail (`of electrical engineering for Con Edison`).
    let verbish = |x: usize| {
        let w = doc.tok_bytes(x);
        doc.is(x, LEX_SPEECH_VERB)
            || matches!(w, b"who" | b"which" | b"was" | b"is" | b"has" | b"had")
            || (w.len() > 3 && w.ends_with(b"ed") && crate::case::is_all_lowercase(w))
    };
    if (a..head).any(verbish) || (head + 1..k).any(verbish) {
        return None;
    }
    if k < doc.tokens.len() && !matches!(doc.tok(k), "," | "." | ";" | "—" | "(") {
        return None;
    }
    Some(Span::new(
        doc.tokens[a].span().start,
        doc.tokens[k - 1].span().end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run's tokens are those its span covers, as a search for them finds them (what the
    /// speaker pass takes in place of the search), on every fixture.
    #[test]
    fn a_runs_tokens_are_those_of_its_span() {
        let mut n = 0;
        for text in crate::fixture_texts() {
            let doc = Document::new(&text);
            for r in NameRuns::new(&doc) {
                let s = r.span();
                assert!(!r.tokens().is_empty(), "{s:?}");
                assert_eq!(doc.token_at_or_after(s.start), r.tokens().start, "{s:?}");
                assert_eq!(doc.tokens_before(s.end), r.tokens().end, "{s:?}");
                n += 1;
            }
        }
        assert!(n > 100, "runs: {n}");
    }

    /// The words of the first sentence of `t` that [`common_words`] finds.
    fn common(t: &str) -> Vec<String> {
        let doc = Document::new(t);
        common_words(&doc, 0, &mut LowerWords::default())
            .unwrap_or_default()
            .into_iter()
            .map(|k| doc.tok(k as usize).to_string())
            .collect()
    }

    #[test]
    fn a_contraction_of_a_function_word_is_no_name() {
        let doc = Document::new("There’s a plan. It's Democrats who won. Trump’s plan failed.");
        let caps: Vec<&str> = (0..doc.tokens.len())
            .filter(|&i| is_cap_word(&doc, i))
            .map(|i| doc.tok(i))
            .collect();
        assert_eq!(caps, ["Democrats", "Trump’s"]);
    }

    #[test]
    fn a_token_starts_with_a_letter_as_its_first_character_says() {
        // (An uppercase letter is alphabetic, whatever the script.)
        assert!((char::MIN..=char::MAX).all(|c| !c.is_uppercase() || c.is_alphabetic()));
        let doc = Document::new("Trump said élan Élan 3 — ² ßa ǅx ⓐ x");
        for k in 0..doc.tokens.len() {
            let want = doc.tok(k).chars().next().is_some_and(char::is_alphabetic);
            assert_eq!(starts_alphabetic(&doc, k), want, "{}", doc.tok(k));
        }
    }

    #[test]
    fn a_title_keeps_the_period_of_an_abbreviation() {
        assert_eq!(clean_title("Retired Lt. Gen."), "Retired Lt. Gen.");
        assert_eq!(clean_title("the Pentagon spokesman,"), "Pentagon spokesman");
        assert_eq!(clean_title("a senior adviser."), "senior adviser");
    }

    #[test]
    fn a_headline_s_common_words_are_those_the_article_writes_in_lowercase() {
        let body = "\n\nThe campaign wants a debate in the US.";
        assert_eq!(
            common(&format!("Clinton Campaign Says US Wants A Debate{body}")),
            ["Campaign", "Says", "Wants", "Debate"]
        );
        // A sentence that is not in title case has none.
        assert!(common(&format!(
            "Clinton says the Campaign Wants A Debate now{body}"
        ))
        .is_empty());
    }
}
