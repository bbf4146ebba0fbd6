//! Mentions: the registry of entities as the article is read in order — a name creates or
//! extends an entity, a surname or a pronoun or a description (`the daily`) points back to one.

#[allow(unused_imports)]
use super::*;

/// An entity key: the name's words, trimmed ([`norm_trim`]), lowercased and interned ([`Words`]).
pub(crate) type Key = Vec<u32>;

/// Normalised name words, interned: a key compares, hashes and slices as integers.
#[derive(Default)]
pub(crate) struct Words {
    ids: crate::fx::Interner,
}

impl Words {
    /// The id of `w` trimmed and lowercased once (into a zeroed stack buffer for ASCII
    /// words, hashed there in whole 64-bit chunks).
    pub(crate) fn id(&mut self, w: &str) -> u32 {
        let t = norm_trim(w);
        let mut buf = [0u8; 64];
        if t.len() <= buf.len() {
            let mut ascii = true;
            for (d, &c) in buf.iter_mut().zip(t.as_bytes()) {
                ascii &= c.is_ascii();
                *d = c.to_ascii_lowercase();
            }
            if ascii {
                let h = crate::fx::hash_padded(&buf, t.len());
                return self.ids.intern_hashed(h, &buf[..t.len()]);
            }
        }
        // (A curly apostrophe is the straight one: `O’Neill` is `O'Neill`; a letter with a
        // diacritic is the plain one, as headlines and wire copy often write it:
        // `François Hollande` is `Francois Hollande`, `Erdoğan` is `Erdogan`.)
        let k: String = crate::case::to_lowercase(t)
            .chars()
            .map(|c| if c == '’' { '\'' } else { fold_diacritic(c) })
            .collect();
        self.intern(&k)
    }

    /// [`Words::id`] of token `i` of `doc`. A word of at most 16 ASCII bytes (once trimmed)
    /// is read out of the text as two 64-bit chunks and lowercased and hashed there, eight
    /// bytes at a step: every word of every name run comes here.
    pub(crate) fn token_id(&mut self, doc: &Document, i: usize) -> u32 {
        let n = norm_trim_len(doc.tok_bytes(i));
        let start = doc.tokens[i].span().start;
        let bytes = doc.text.as_bytes();
        if (1..=16).contains(&n) && start + 16 <= bytes.len() {
            let (lo, hi) = crate::lexicon::word_chunks(bytes, start, n);
            if (lo | hi) & 0x8080_8080_8080_8080 == 0 {
                let mut k = [0u8; 16];
                k[..8].copy_from_slice(&ascii_lowercase(lo).to_le_bytes());
                k[8..].copy_from_slice(&ascii_lowercase(hi).to_le_bytes());
                let h = crate::fx::hash_padded(&k, n);
                return self.ids.intern_hashed(h, &k[..n]);
            }
        }
        self.id(doc.tok(i))
    }

    /// The id of `k` as it is, if it has one.
    pub(crate) fn get(&self, k: &str) -> Option<u32> {
        self.ids.get(k.as_bytes())
    }

    /// The id of `k` as it is (no trimming, no lowercasing).
    pub(crate) fn intern(&mut self, k: &str) -> u32 {
        self.ids.intern(k.as_bytes())
    }
}

/// Eight ASCII bytes with their capital letters lowercased, all at once: a byte's high bit
/// after adding `0x80 - b'A'` tells it is at least `A`, after adding `0x80 - b'Z' - 1` that
/// it is past `Z` (no sum carries into the next byte: every byte is below 0x80).
fn ascii_lowercase(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_a = x + ONES * u64::from(0x80 - b'A');
    let past_z = x + ONES * u64::from(0x80 - b'Z' - 1);
    let capital = at_least_a & !past_z & (ONES * 0x80);
    x | capital >> 2
}

/// The initials of a name of two to six capitalised words (small words skipped), one byte
/// each in a `u64`: `International Monetary Fund` gives what the acronym `IMF` gives
/// ([`acronym`]), `Federal Bureau of Investigation` what `FBI` gives. An exact key: equal
/// numbers are equal letters.
pub(crate) fn initials(name: &str) -> Option<u64> {
    let (mut k, mut n) = (0u64, 0);
    for word in name.as_bytes().split(|&b| b == b' ') {
        match word.first() {
            Some(&c) if c.is_ascii_uppercase() && n < 6 => {
                k = k << 8 | u64::from(c);
                n += 1;
            }
            _ if matches!(word, b"of" | b"the" | b"and" | b"for" | b"on") => {}
            _ => return None,
        }
    }
    (n >= 2).then_some(k)
}

/// An acronym of two to six capital letters, as [`initials`] numbers a name's.
pub(crate) fn acronym(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    ((2..=6).contains(&b.len()) && b.iter().all(u8::is_ascii_uppercase))
        .then(|| b.iter().fold(0, |k, &c| k << 8 | u64::from(c)))
}

/// A lowercase Latin letter without its diacritic (`é` → `e`, `ğ` → `g`, `ł` → `l`); other
/// characters as they are.
pub(crate) fn fold_diacritic(c: char) -> char {
    // The base letters of U+00E0 `à` … U+017F `ſ` (Latin-1's lowercase letters and Latin
    // Extended-A, capitals among them folding too; `.`: no letter of its own).
    const BASE: &[u8; 160] = b"aaaaaa.ceeeeiiii.nooooo.ouuuuy.yaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.llllllllllnnnnnn...oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    match c as u32 {
        x @ 0xE0..=0x17F => match BASE[(x - 0xE0) as usize] {
            b'.' => c,
            b => b as char,
        },
        0x219 => 's',
        0x21B => 't',
        _ => c,
    }
}

/// Entities ordered by the position of their latest mention (ties: the later entity last),
/// so "the most recent such entity" is the last member at or before a position. A member is
/// `position << 32 | entity` ([`rank_key`]: both are below 2^32).
///
/// A sorted vector rather than a tree: mentions come mostly in text order, so a new key
/// goes at or near the end, and a key that leaves is only marked (the vector is compacted
/// when marked keys are half of it). A B-tree's insert and remove for every mention were
/// a fifth of the entity stage.
#[derive(Default)]
pub(crate) struct Recency {
    /// Keys in ascending order: the members', and those of former members still in place.
    keys: Vec<u64>,
    /// Per key: is it a member's?
    live: Vec<bool>,
    /// How many keys are former members'.
    dead: usize,
}

impl Recency {
    /// Adds `k` (nothing if it is a member's already).
    fn insert(&mut self, k: u64) {
        let at = match self.keys.last() {
            Some(&last) if last >= k => self.keys.partition_point(|&x| x < k),
            _ => self.keys.len(),
        };
        if self.keys.get(at) == Some(&k) {
            if !self.live[at] {
                self.live[at] = true;
                self.dead -= 1;
            }
            return;
        }
        self.keys.insert(at, k);
        self.live.insert(at, true);
    }

    /// Takes `k` out (nothing if it is no member's).
    fn remove(&mut self, k: u64) {
        // (Often the latest key: an entity mentioned again before any other.)
        let n = self.keys.len();
        let found = if n > 0 && self.keys[n - 1] == k {
            Ok(n - 1)
        } else {
            self.keys.binary_search(&k)
        };
        let Ok(at) = found else {
            return;
        };
        if !self.live[at] {
            return;
        }
        self.live[at] = false;
        self.dead += 1;
        // (Former members' keys at the end are dropped at once, the rest when they are many.)
        while self.live.last() == Some(&false) {
            self.keys.pop();
            self.live.pop();
            self.dead -= 1;
        }
        if self.dead > 16 && 2 * self.dead > self.keys.len() {
            self.compact();
        }
    }

    /// The last member whose latest mention is at or before `before`, as (position,
    /// entity). Former members' keys passed over on the way are dropped, so no later call
    /// reads them again.
    fn latest_before(&mut self, before: usize) -> Option<(usize, usize)> {
        let bound = rank_key(before, u32::MAX as usize);
        let end = match self.keys.last() {
            Some(&last) if last > bound => self.keys.partition_point(|&x| x <= bound),
            _ => self.keys.len(),
        };
        let found = (0..end).rev().find(|&at| self.live[at]);
        let from = found.map_or(0, |at| at + 1);
        if from < end {
            self.keys.drain(from..end);
            self.live.drain(from..end);
            self.dead -= end - from;
        }
        found
            .map(|at| self.keys[at])
            .map(|k| ((k >> 32) as usize, k as u32 as usize))
    }

    /// Drops the keys of former members.
    fn compact(&mut self) {
        let live = &self.live;
        let mut k = 0;
        self.keys.retain(|_| {
            k += 1;
            live[k - 1]
        });
        self.live.clear();
        self.live.resize(self.keys.len(), true);
        self.dead = 0;
    }
}

fn rank_key(position: usize, entity: usize) -> u64 {
    (position as u64) << 32 | entity as u64
}

pub(crate) struct Builder<'d, 'a> {
    pub(crate) doc: &'d Document<'a>,
    pub(crate) words: Words,
    /// Multi-word names seen without evidence (`Jamie Werner`), kept so that a later short
    /// source (`says Werner`) takes the full name; with whether it was read in a headline.
    pub(crate) seen: Vec<(Key, Span, bool)>,
    /// `seen` indexed by proper prefixes and suffixes of one or two words.
    pub(crate) seen_index: AffixIndex,
    pub(crate) entities: Vec<Entity>,
    /// Organisations by a hash of their name's initials (`International Monetary Fund` under
    /// `IMF`), so that an acronym finds the name it abbreviates ([`initials`]).
    pub(crate) acronyms: crate::fx::IdMap,
    /// The organisations each acronym met so far stands for, by the acronym's word id.
    pub(crate) acronym_ids: crate::fx::IdMap,
    /// Name words per entity, to match surnames.
    pub(crate) keys: Vec<Key>,
    /// `keys` indexed by whole key, proper prefix and proper suffix, so that finding the
    /// entity of a name costs the same however many entities the article has.
    pub(crate) index: KeyIndex,
    /// Position of each entity's latest mention.
    pub(crate) last_seen: Vec<usize>,
    /// Which entities are known to be people (for pronouns).
    pub(crate) person: Vec<bool>,
    /// Which entities took their kind by default (a bare one-word source, `O'Neill said`,
    /// taken for an organisation): a later full name of a person (`James O'Neill`) still
    /// joins them.
    pub(crate) guessed: Vec<bool>,
    /// Whether the entity's name was read in a headline, where a run of capitalised words
    /// may hold more than the name (`Elizabeth Warren Hammers Wells Fargo CEO`): the first
    /// mention in running text that begins it (`Elizabeth Warren`) becomes the name.
    headline: Vec<bool>,
    /// Each person's pronoun, once an honorific or a resolved pronoun has told it.
    pub(crate) gender: Vec<Option<lexicon::Pronoun>>,
    /// People by recency, one set per known pronoun ([`gender_slot`]): `he` is the latest of
    /// the unknown and the `he` sets, without looking at every entity.
    pub(crate) people: [Recency; 5],
    /// Organisations by recency (`the daily`, `the company`).
    pub(crate) orgs: Recency,
    /// Per lowercase word of a title (`the spokesman`), the entities whose title has it and
    /// the latest of them; `title_slot` finds a word's entry by its id in `words` (ids are
    /// dense: a vector, [`NONE`] for a word in no title).
    pub(crate) titled: Vec<Titled>,
    pub(crate) title_slot: Vec<u32>,
    /// The entries of `titled` of each entity's title words.
    pub(crate) title_words: Vec<Vec<usize>>,
    /// Every mention so far as (start, end, entity), sorted by start.
    pub(crate) mention_log: Vec<(u32, u32, u32)>,
    /// Scratch key of the run being read ([`Builder::mention_run`]).
    pub(crate) key_buf: Key,
    /// Scratch list of candidate entities for [`Builder::find_entity`].
    pub(crate) cands: std::cell::RefCell<Vec<usize>>,
    /// The organisation of the group source named last (`Con Edison officials`) and where,
    /// for `the officials` and `agency officials` after it.
    pub(crate) last_group: Option<(usize, usize)>,
    /// The latest direct quote walked and its speaker, for a `he` after it.
    pub(crate) last_quote: Option<(Span, usize)>,
}

/// The entities whose title has one word, and the latest of them ([`rank_key`]), kept up as
/// their mentions come: a member's key rising above it replaces it; the latest one's
/// falling (rare: a mention before its latest) leaves it to be found again when asked.
#[derive(Default)]
pub(crate) struct Titled {
    members: Vec<usize>,
    latest: u64,
    stale: bool,
}

impl Titled {
    /// A member with key `k` is about to change it.
    fn leave(&mut self, k: u64) {
        if k == self.latest {
            self.stale = true;
        }
    }

    /// A member now has key `k`.
    fn enter(&mut self, k: u64) {
        // (While stale, `latest` still bounds every other member's key from above.)
        if k >= self.latest {
            self.latest = k;
            self.stale = false;
        }
    }

    /// The largest key of a member, `key` giving a member's key.
    fn latest(&mut self, key: impl Fn(usize) -> u64) -> u64 {
        if self.stale {
            self.latest = self.members.iter().map(|&e| key(e)).max().unwrap_or(0);
            self.stale = false;
        }
        self.latest
    }
}

/// The slot of [`Builder::people`] for a pronoun (0: not known yet).
fn gender_slot(g: Option<lexicon::Pronoun>) -> usize {
    match g {
        None => 0,
        Some(lexicon::Pronoun::He) => 1,
        Some(lexicon::Pronoun::She) => 2,
        Some(lexicon::Pronoun::They) => 3,
        Some(lexicon::Pronoun::Speaker) => 4,
    }
}

impl<'d, 'a> Builder<'d, 'a> {
    pub(crate) fn new(doc: &'d Document<'a>) -> Self {
        Builder {
            doc,
            words: Words::default(),
            seen: Vec::new(),
            seen_index: AffixIndex::default(),
            entities: Vec::new(),
            acronyms: Default::default(),
            acronym_ids: Default::default(),
            keys: Vec::new(),
            index: KeyIndex::default(),
            last_seen: Vec::new(),
            person: Vec::new(),
            guessed: Vec::new(),
            headline: Vec::new(),
            gender: Vec::new(),
            people: Default::default(),
            orgs: Recency::default(),
            titled: Vec::new(),
            title_slot: Vec::new(),
            title_words: Vec::new(),
            mention_log: Vec::new(),
            key_buf: Vec::new(),
            cands: Default::default(),
            last_group: None,
            last_quote: None,
        }
    }

    /// The entities found, the rest dropped.
    pub(crate) fn into_entities(self) -> Vec<Entity> {
        self.entities
    }

    /// The text of a name as the entity's name: without a possessive ending (`Donald
    /// Trump’s campaign` names `Donald Trump`).
    fn name_text(&self, s: Span) -> &'a str {
        let t = self.text(s);
        Some(strip_possessive(t))
            .filter(|n| !n.is_empty())
            .unwrap_or(t)
    }

    pub(crate) fn text(&self, s: Span) -> &'a str {
        self.doc.slice(s)
    }

    /// Takes entity `e` out of the recency sets (before one of what they sort by changes).
    fn unrank(&mut self, e: usize) {
        let k = rank_key(self.last_seen[e], e);
        if self.person[e] {
            self.people[gender_slot(self.gender[e])].remove(k);
        }
        if self.entities[e].kind == EntityKind::Organization {
            self.orgs.remove(k);
        }
        for &t in &self.title_words[e] {
            self.titled[t].leave(k);
        }
    }

    /// Puts entity `e` back into the recency sets it belongs to.
    fn rank(&mut self, e: usize) {
        let k = rank_key(self.last_seen[e], e);
        if self.person[e] {
            self.people[gender_slot(self.gender[e])].insert(k);
        }
        if self.entities[e].kind == EntityKind::Organization {
            self.orgs.insert(k);
        }
        for &t in &self.title_words[e] {
            self.titled[t].enter(k);
        }
    }

    /// Sets entity `e`'s title (it has none yet).
    fn set_title(&mut self, e: usize, title: String) {
        let lower = crate::case::to_lowercase(&title);
        let mut words: Vec<u32> = lower
            .split_whitespace()
            .map(|w| self.words.intern(w))
            .collect();
        crate::sort::by_key(&mut words, |&w| w);
        words.dedup();
        let slots = words
            .into_iter()
            .map(|w| {
                let w = w as usize;
                if self.title_slot.len() <= w {
                    self.title_slot.resize(w + 1, NONE);
                }
                if self.title_slot[w] == NONE {
                    self.title_slot[w] = self.titled.len() as u32;
                }
                let t = self.title_slot[w] as usize;
                if t == self.titled.len() {
                    self.titled.push(Titled::default());
                }
                self.titled[t].members.push(e);
                t
            })
            .collect();
        self.entities[e].title = Some(title);
        self.title_words[e] = slots;
    }

    /// Records `span` as a mention of `e` (without touching its recency).
    /// The person a description refers back to (`the striker said`, `said the
    /// 30-year-old`): the subject of the latest sentence that has one, i.e. its first person
    /// mentioned, not whoever was named last (`Henry will captain the side in place of the
    /// suspended Patrick Vieira. And the striker said` is Henry). A sentence that opens with
    /// `he` or `she` goes on about someone before it and is passed over. Looks back three
    /// sentences; `None` where no person was mentioned in them.
    fn subject_before(&self, pos: usize) -> Option<usize> {
        let doc = self.doc;
        let here = doc.sentence_at(pos)?;
        let log = &self.mention_log;
        let end = log.partition_point(|m| (m.0 as usize) < pos);
        // (Going back, the last person seen in a sentence is its first.)
        let mut best: Option<(usize, usize)> = None;
        for &(start, _, e) in log[..end].iter().rev().take(64) {
            let (start, e) = (start as usize, e as usize);
            let Some(si) = doc.sentence_at(start) else {
                continue;
            };
            if si + 3 < here {
                break;
            }
            if let Some((bs, _)) = best {
                if si < bs {
                    break;
                }
            }
            let first = doc.tok(doc.sentence(si).first);
            if self.person[e] && !matches!(first, "He" | "She") {
                best = Some((si, e));
            }
        }
        best.map(|(_, e)| e)
    }

    /// `“… not a reflection on Robinson …,” Moore told the BBC. He added:` — `he` is the one
    /// who spoke the quote before it, not a person named inside that quote: where the
    /// latest person, `e`, was last mentioned inside the latest direct quote, that quote's
    /// speaker (a person the pronoun fits) is returned instead.
    fn quote_speaker_over(&self, e: usize, pos: usize, p: lexicon::Pronoun) -> Option<usize> {
        let (q, speaker) = self.last_quote?;
        let at = self.last_seen[e];
        (speaker != e
            && q.end <= pos
            && pos - q.end <= 400
            && q.start <= at
            && at < q.end
            && self.person[speaker]
            && self.gender[speaker].is_none_or(|g| g == p))
        .then_some(speaker)
    }

    pub(crate) fn push_mention(&mut self, e: usize, span: Span) {
        self.entities[e].mentions.push(span);
        // Kept sorted by start; mentions mostly come in text order, so the new one goes at
        // or near the end.
        let log = &mut self.mention_log;
        let start = span.start as u32;
        let mut k = log.len();
        while k > 0 && log[k - 1].0 > start {
            k -= 1;
        }
        log.insert(k, (start, span.end as u32, e as u32));
    }

    /// Records `span` as the latest mention of `e`.
    fn mention_at(&mut self, e: usize, span: Span) {
        self.push_mention(e, span);
        self.unrank(e);
        self.last_seen[e] = span.start;
        self.rank(e);
    }

    fn set_gender(&mut self, e: usize, g: Option<lexicon::Pronoun>) {
        self.unrank(e);
        self.gender[e] = g;
        self.rank(e);
    }

    /// The key of run `r`, in `key` (cleared first).
    pub(crate) fn run_key_into(&mut self, r: &NameRun, key: &mut Key) {
        key.clear();
        key.extend(
            r.tokens()
                .filter(|&i| self.doc.kind(i) == TokKind::Word)
                .map(|i| self.words.token_id(self.doc, i)),
        );
    }

    /// The entity run `r` names, if it is one already ([`Builder::find_entity_of`]).
    pub(crate) fn find_entity_of_run(&mut self, r: &NameRun) -> Option<usize> {
        let mut key = std::mem::take(&mut self.key_buf);
        self.run_key_into(r, &mut key);
        let e = self.find_entity_of(&key, r.kind, r.gender);
        self.key_buf = key;
        e
    }

    /// The key of tokens `a..b`, every token a word of it.
    fn key_of(&mut self, a: usize, b: usize) -> Key {
        (a..b).map(|i| self.words.token_id(self.doc, i)).collect()
    }

    /// Records a name run; returns its entity when it is (or becomes) one.
    pub(crate) fn mention_run(&mut self, r: &NameRun, as_source: bool) -> Option<usize> {
        // (The key is built in a buffer kept from run to run: most runs find their entity or
        // none, and only a new entity or a name seen keeps a copy.)
        let mut key = std::mem::take(&mut self.key_buf);
        self.run_key_into(r, &mut key);
        let e = self.mention_key(r, &key, as_source);
        self.key_buf = key;
        e
    }

    /// [`Builder::mention_run`] of run `r`, whose key is `toks`.
    fn mention_key(&mut self, r: &NameRun, toks: &[u32], as_source: bool) -> Option<usize> {
        // An acronym of an organisation named before (`IMF` after `International Monetary
        // Fund`) is that organisation; its key then finds it directly.
        let mut found = self.find_entity_of(toks, r.kind, r.gender);
        if found.is_none() && toks.len() == 1 {
            if let Some(e) = self.acronym_of(self.text(r.span())) {
                crate::fx::ids_mut(&mut self.acronym_ids, u64::from(toks[0])).push(e);
                found = self.find_entity_of(toks, r.kind, r.gender);
            }
        }
        if let Some(e) = found {
            self.add_mention(e, r.span(), r.title(), r.kind);
            if r.gender.is_some() {
                self.set_gender(e, r.gender);
            }
            // A fuller name than the one known so far becomes the entity's name; so does a
            // name in running text that begins a name read in a headline (`Elizabeth Warren`
            // for `Elizabeth Warren Hammers Wells Fargo CEO`).
            let k = &self.keys[e];
            let headline_cut = self.headline[e]
                && !r.headline
                && toks.len() >= 2
                && k.len() > toks.len()
                && k.starts_with(toks);
            if headline_cut
                || toks.len() > k.len()
                    && (toks.ends_with(&k[k.len() - 1..]) || toks.starts_with(k))
            {
                self.headline[e] = r.headline;
                self.entities[e].name = self.name_text(r.span()).to_string();
                let old = std::mem::replace(&mut self.keys[e], toks.to_vec());
                self.index.remove(e, &old);
                self.index.insert(e, &self.keys[e]);
            }
            return Some(e);
        }
        if !(r.evidence || as_source) {
            if toks.len() >= 2 {
                self.seen_index.insert(self.seen.len(), toks);
                self.seen.push((toks.to_vec(), r.span(), r.headline));
            }
            return None;
        }
        // The full form of a short name, seen earlier without evidence of a person (the
        // latest such name):
        // - a source (`Jamie Werner` for `Werner`, `Te Kaurinui Robert Parata` for `Te
        //   Kaurinui`): a name that ends or starts with it;
        // - a surname after an honorific or a title (`Mr. Blair`, `Dr Fox` after `Tony Blair
        //   has apologised`): a name that ends with it, unless its first name is of the
        //   other sex.
        let full = if !(1..3).contains(&toks.len()) {
            None
        } else if !r.evidence {
            self.seen_index.latest(toks)
        } else if r.kind == Some(EntityKind::Person) {
            self.seen_index.latest_ending(toks).filter(|&i| {
                let first = self.doc.token_at_or_after(self.seen[i].1.start);
                let sex = names::first_name_sex(self.doc, first);
                !(sex.is_some() && r.gender.is_some() && sex != r.gender)
            })
        } else {
            None
        };
        if let Some(i) = full {
            let e = self.person_seen(i);
            self.add_mention(e, r.span(), r.title(), Some(EntityKind::Person));
            if r.gender.is_some() {
                self.set_gender(e, r.gender);
            }
            return Some(e);
        }
        // A bare one-word source with no sign of being a person (`Sudan has said`) is an
        // organisation or a country speaking; a multi-word name is taken for a person, unless
        // it names a party's members (`Liberal Democrats`, `Scottish Conservatives`).
        let party = || {
            // (in_list ignores ASCII case; no other word is, lowercased, one of these.)
            let last = self.doc.tok(r.tokens().end - 1);
            last.is_ascii()
                && lexicon::in_list(
                    &[
                        "conservatives",
                        "democrats",
                        "liberals",
                        "republicans",
                        "socialists",
                    ],
                    last,
                )
        };
        let kind = r.kind.unwrap_or(if toks.len() == 1 || party() {
            EntityKind::Organization
        } else {
            EntityKind::Person
        });
        let e = self.create(r.span(), toks.to_vec(), kind, r.title());
        self.guessed[e] = r.kind.is_none();
        self.headline[e] = r.headline;
        if r.gender.is_some() {
            self.set_gender(e, r.gender);
        }
        Some(e)
    }

    pub(crate) fn create(
        &mut self,
        span: Span,
        toks: Key,
        kind: EntityKind,
        title: Option<Span>,
    ) -> usize {
        let e = self.entities.len();
        self.entities.push(Entity {
            id: String::new(),
            name: self.name_text(span).to_string(),
            kind,
            title: None,
            mentions: Vec::new(),
        });
        self.title_words.push(Vec::new());
        if let Some(t) = title {
            let t = clean_title(self.text(t));
            self.set_title(e, t);
        }
        self.push_mention(e, span);
        if kind == EntityKind::Organization {
            if let Some(h) = initials(&self.entities[e].name) {
                crate::fx::ids_mut(&mut self.acronyms, h).push(e);
            }
        }
        self.index.insert(self.keys.len(), &toks);
        self.keys.push(toks);
        self.last_seen.push(span.start);
        self.person.push(kind == EntityKind::Person);
        self.guessed.push(false);
        self.headline.push(false);
        // (A person's first name may tell their sex: `Jeff Merkley`, however the name came.)
        let first = self.doc.token_at_or_after(span.start);
        let named = kind == EntityKind::Person && self.keys[e].len() >= 2;
        self.gender.push(
            named
                .then(|| names::first_name_sex(self.doc, first))
                .flatten(),
        );
        self.rank(e);
        e
    }

    pub(crate) fn add_mention(
        &mut self,
        e: usize,
        span: Span,
        title: Option<Span>,
        kind: Option<EntityKind>,
    ) {
        self.push_mention(e, span);
        self.unrank(e);
        self.last_seen[e] = span.start;
        if self.entities[e].title.is_none() {
            if let Some(t) = title {
                let t = clean_title(self.text(t));
                self.set_title(e, t);
            }
        }
        if let Some(k) = kind {
            self.person[e] = k == EntityKind::Person;
            self.entities[e].kind = k;
            self.guessed[e] = false;
        }
        self.rank(e);
    }

    /// The latest organisation whose name's initials are the acronym `w`, if any.
    fn acronym_of(&self, w: &str) -> Option<usize> {
        let ids = self.acronyms.get(&acronym(w)?)?;
        ids.iter()
            .rev()
            .copied()
            .find(|&e| self.entities[e].kind == EntityKind::Organization)
    }

    /// The entity a name (as lowercase tokens) refers to: same full name, or the same
    /// surname as the last token of a known name (`Kirby` → `John Kirby`), preferring the
    /// entity mentioned most.
    pub(crate) fn find_entity(&self, toks: &[u32], kind: Option<EntityKind>) -> Option<usize> {
        self.find_entity_of(toks, kind, None)
    }

    /// [`Builder::find_entity`] for a name whose bearer's sex may be known (`Mrs. Clinton`,
    /// `Hillary Clinton`): a surname then finds no one known to be of the other sex (not
    /// `Bill Clinton`).
    #[inline(never)]
    pub(crate) fn find_entity_of(
        &self,
        toks: &[u32],
        kind: Option<EntityKind>,
        sex: Option<lexicon::Pronoun>,
    ) -> Option<usize> {
        if toks.is_empty() {
            return None;
        }
        let other_sex = |i: usize| sex.is_some() && self.gender[i].is_some_and(|g| Some(g) != sex);
        let long_equal = || {
            self.index
                .long
                .iter()
                .copied()
                .find(|&i| same_words(&self.keys[i], toks) && !other_sex(i))
        };
        // (A name none of whose end words is in a key fits no entity, but an acronym's: most
        // names met for the first time skip the look-ups below.)
        let known = self.index.may_meet(toks);
        let same = if known { self.index.whole(toks) } else { &[] };
        if let Some(i) = same
            .iter()
            .copied()
            .find(|&i| same_words(&self.keys[i], toks) && !other_sex(i))
            .or_else(long_equal)
        {
            return Some(i);
        }
        if let [w] = toks {
            if let Some(&e) = self
                .acronym_ids
                .get(&u64::from(*w))
                .and_then(|ids| ids.last())
            {
                return Some(e);
            }
        }
        if !known {
            return None;
        }
        let last = toks.last()?;
        // Only entities whose key shares a whole prefix or suffix with the name can fit:
        // the index hands those over; the test below is the rule itself.
        let mut cands = self.cands.borrow_mut();
        cands.clear();
        cands.extend(self.index.suffix(toks));
        cands.extend(self.index.prefix(toks));
        // (Longer prefixes are keys in `long`, all candidates anyway.)
        for n in 1..toks.len().min(KeyIndex::MAX_LEN + 1) {
            cands.extend(self.index.whole(&toks[..n]));
        }
        // (For a one-word name that is the look-up made above.)
        cands.extend(if toks.len() == 1 {
            same
        } else {
            self.index.whole(std::slice::from_ref(last))
        });
        cands.extend(self.index.long.iter());
        // (The best is the fitting candidate mentioned most, the first made among equals:
        // chosen in one pass whatever the order, and a candidate listed twice changes
        // nothing, so the list is neither sorted nor deduplicated. Sorting it made a look-up
        // cost more than linear in text built to have thousands of names sharing a word.)
        let mut best: Option<usize> = None;
        for &i in cands.iter() {
            let k = &self.keys[i];
            // A short form matches a longer name ending with it; a longer name extends a
            // known surname (`Robert Mugabe` after `Mugabe`).
            let person_ok = self.person[i] && kind != Some(EntityKind::Organization);
            let fits = (toks.len() < k.len() && same_words(&k[k.len() - toks.len()..], toks))
                // A first-name form (`Te Kaurinui` for `Te Kaurinui Robert Parata`).
                || (toks.len() < k.len() && same_words(&k[..toks.len()], toks) && person_ok)
                || (toks.len() > k.len() && same_words(&toks[..k.len()], k) && person_ok)
                || (toks.len() > k.len() && k.len() == 1 && toks[toks.len() - 1] == k[0] && kind == Some(EntityKind::Person) && (self.person[i] || self.guessed[i]))
                || (toks.len() == 1 && k.len() > 1 && k[0] == *last && self.entities[i].kind == EntityKind::Organization);
            if fits
                && !other_sex(i)
                && best.is_none_or(|b| {
                    let (m, mb) = (
                        self.entities[i].mentions.len(),
                        self.entities[b].mentions.len(),
                    );
                    m > mb || (m == mb && i < b)
                })
            {
                best = Some(i);
            }
        }
        best
    }

    /// Resolves a source phrase with no name in it: a pronoun, a role (`the spokesman`), a
    /// group with an organisation (`Obama administration officials`), or nobody.
    pub(crate) fn resolve_phrase(&mut self, s: Span) -> Option<usize> {
        let doc = self.doc;
        let a = doc.token_at_or_after(s.start);
        let z = doc.tokens_before(s.end);
        if z <= a {
            return None;
        }
        let words: Vec<&str> = (a..z).map(|i| doc.tok(i)).collect();
        // `it said`, `It says the campaign violated …`: the organisation named last, if
        // it was named lately.
        if matches!(words[..], ["it" | "It"]) {
            let (at, e) = self.orgs.latest_before(s.start)?;
            if s.start.saturating_sub(at) > GROUP_REACH {
                return None;
            }
            self.mention_at(e, s);
            return Some(e);
        }
        if words.len() == 1 {
            match lexicon::pronoun(words[0]) {
                Some(p @ (lexicon::Pronoun::He | lexicon::Pronoun::She)) => {
                    let e = match self.most_recent_person(s.start, p) {
                        Some(e) => e,
                        None => self.person_from_seen(s.start, p)?,
                    };
                    let e = self.quote_speaker_over(e, s.start, p).unwrap_or(e);
                    let g = self.gender[e].unwrap_or(p);
                    self.set_gender(e, Some(g));
                    self.mention_at(e, s);
                    return Some(e);
                }
                // `they` after a group source (`Obama administration officials said …
                // They said …`): that group.
                Some(lexicon::Pronoun::They) => {
                    let (e, at) = self.last_group?;
                    if s.start.saturating_sub(at) > GROUP_REACH {
                        return None;
                    }
                    self.mention_at(e, s);
                    self.last_group = Some((e, s.start));
                    return Some(e);
                }
                Some(_) => return None,
                None => {}
            }
        }
        // A title before `of` is the head: `the head of the agency` is a person, not the
        // agency, and one whose title may not be the one known (`the former secretary of
        // state` is not the latest entity titled `secretary`).
        if let Some(of) = (a..z).find(|&k| matches!(doc.tok_bytes(k), b"of" | b"to" | b"for")) {
            if title_of(doc, of, a) {
                return None;
            }
        }
        // A role noun: the entity whose title has that head (`the spokesman`).
        let head = words
            .last()
            .map(|w| crate::case::to_lowercase(w))
            .unwrap_or_default();
        // (The determiner may stand just before the phrase: `the [63-year-old senator]`.)
        let det = matches!(words[0], "the" | "The");
        let definite = det || (a > 0 && matches!(doc.tok(a - 1), "the" | "The"));
        // A description that refers back: `the daily`, `the company` is the organisation
        // named last; `the 63-year-old senator`, `the fisherman` the person named last
        // (when no title says otherwise). Lowercase words only: `the Times` is a name.
        let described = definite
            && words.len() <= 5
            && words[det as usize..]
                .iter()
                .all(|w| !w.starts_with(|c: char| c.is_uppercase()));
        // (A nationality may stand in an organisation's: `the German carmaker`, `the US
        // firm`; a person's stays unresolved, `the Russian leader` is no one named lately.)
        let described_org = definite
            && words.len() <= 5
            && words[det as usize..].iter().all(|w| {
                !w.starts_with(|c: char| c.is_uppercase())
                    || is_demonym(w)
                    || (w.len() <= 3 && w.bytes().all(|b| b.is_ascii_uppercase()))
            });
        // `the daily`, `the influential US daily`, `the company` refer back; `the media union`
        // (a noun before the head, and no union named before) is an organisation of its own.
        let media = is_media_description(&head);
        let bare = words.len() == det as usize + 1;
        if (described_org || (definite && media && words.len() <= 5)) && is_org_description(&head) {
            let e = self
                .orgs
                .latest_before(s.start)
                .map(|(_, i)| i)
                .filter(|&i| {
                    bare || media
                        || crate::case::to_lowercase(&self.entities[i].name).contains(head.as_str())
                });
            if let Some(e) = e {
                self.mention_at(e, s);
                return Some(e);
            }
        }
        if lexicon::is_title_word(&head) && definite {
            let slot = self
                .words
                .get(&head)
                .and_then(|w| Some(*self.title_slot.get(w as usize)?).filter(|&t| t != NONE));
            let found = match slot.map(|t| t as usize) {
                Some(t) => {
                    let last_seen = &self.last_seen;
                    Some(self.titled[t].latest(|e| rank_key(last_seen[e], e)) as u32 as usize)
                }
                None => None,
            };
            if let Some(e) = found {
                self.push_mention(e, s);
                return Some(e);
            }
        }
        if described
            && (lexicon::is_title_word(&head)
                || is_person_description(&head)
                || words.iter().any(|w| w.ends_with("-year-old")))
        {
            // (A title's holder is whoever was named last; a role or an age describes the
            // one the story is about.)
            let subject = (!lexicon::is_title_word(&head))
                .then(|| self.subject_before(s.start))
                .flatten();
            let e = subject.or_else(|| {
                self.people
                    .iter_mut()
                    .filter_map(|set| set.latest_before(s.start))
                    .max()
                    .map(|(_, e)| e)
            })?;
            self.mention_at(e, s);
            return Some(e);
        }
        if lexicon::is_title_word(&head) && definite {
            return None;
        }
        // `no group claimed …`, `any official said …`: nobody in particular.
        if matches!(words[0], "no" | "No" | "any" | "Any" | "every" | "Every") {
            return None;
        }
        // `the officials`, `agency officials`, `company officials`: the group named with its
        // organisation just before (`Con Edison officials say … the officials said`).
        // (Lowercase but for a sentence's first word: `Company officials said`.)
        // (Words are lowercased only for the tests that need them, last.)
        let lower = |w: &str| crate::case::to_lowercase(w);
        let lowercase = words
            .iter()
            .skip(1)
            .all(|w| !w.starts_with(|c: char| c.is_uppercase()));
        let first_ok = || {
            !words[0].starts_with(|c: char| c.is_uppercase()) || {
                let first = lower(words[0]);
                first == "the" || is_org_description(&first)
            }
        };
        if is_group_noun(&head)
            && head.ends_with('s')
            && lowercase
            && first_ok()
            && (bare
                || words[..words.len() - 1]
                    .iter()
                    .any(|w| is_org_description(&lower(w))))
        {
            if let Some((e, at)) = self.last_group {
                if s.start.saturating_sub(at) <= GROUP_REACH {
                    self.mention_at(e, s);
                    self.last_group = Some((e, s.start));
                    return Some(e);
                }
            }
        }
        // An organisation named by a common noun: `the media union`, `the Government`.
        if lexicon::is_org_head(&head) && !is_group_noun(&head) {
            let start = (a..z).find(|&i| !is_determiner(doc.tok(i))).unwrap_or(a);
            let span = Span::new(doc.tokens[start].span().start, s.end);
            let toks = self.key_of(start, z);
            if let Some(e) = self.find_entity(&toks, Some(EntityKind::Organization)) {
                self.push_mention(e, span);
                return Some(e);
            }
            return Some(self.create(span, toks, EntityKind::Organization, None));
        }
        // A group named after an organisation: `Obama administration officials`.
        let has_cap = words.iter().any(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase()) && !lexicon::is_not_name_word(w)
        });
        if has_cap && is_group_noun(&head) {
            // The group is named by what stands before its noun: `Obama administration
            // officials` → `Obama administration`; a nationality alone names nobody.
            let start = (a..z).find(|&i| !is_determiner(doc.tok(i))).unwrap_or(a);
            let end = z - 1;
            let named = (start..end).any(|i| {
                let w = doc.tok(i);
                w.chars().next().is_some_and(|c| c.is_uppercase())
                    && !lexicon::is_not_name_word(w)
                    && !is_demonym(w)
            });
            if !named || end <= start {
                return None;
            }
            let span = Span::new(
                doc.tokens[start].span().start,
                doc.tokens[end - 1].span().end,
            );
            let toks = self.key_of(start, end);
            let e = match self.find_entity(&toks, Some(EntityKind::Organization)) {
                Some(e) => {
                    self.push_mention(e, span);
                    e
                }
                // (A sentence's first word names no one by its capital alone: `Legal
                // experts said`, `Several senators say`; `Pentagon officials`, `NATO
                // officials`, `U.S. officials`, `Trump's opponents` do.)
                None if end - start == 1
                    && doc.starts_sentence(start)
                    && !doc.is(start, lexicon::LEX_KNOWN_ORG | lexicon::LEX_ORG_HEAD)
                    && !lexicon::is_possessive(doc.tok(start))
                    && !doc
                        .tok(start)
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b == b'.') =>
                {
                    return None;
                }
                None => self.create(span, toks, EntityKind::Organization, None),
            };
            self.last_group = Some((e, s.start));
            return Some(e);
        }
        None
    }

    /// With no person named before `before`, `he` or `she` is who a sentence opened with
    /// (`Kelly Holmes will start 2005 …`, `Actor Bruce Willis is suing …`): the latest name
    /// seen without other evidence of a person that opens its sentence, after at most a
    /// title word, and whose first name is not of the other sex. It becomes a person.
    fn person_from_seen(&mut self, before: usize, p: lexicon::Pronoun) -> Option<usize> {
        let doc = self.doc;
        let i = self.seen.iter().rposition(|&(_, span, headline)| {
            let first = doc.token_at_or_after(span.start);
            let opens = doc.starts_sentence(first)
                || (first > 0
                    && doc.starts_sentence(first - 1)
                    && doc.tok(first - 1).starts_with(|c: char| c.is_uppercase()));
            // (Not a headline's words, nor a line in capitals: `NEW YORK`, `FULL TEXT`.)
            let shouted = doc.slice(span).bytes().all(|b| !b.is_ascii_lowercase());
            let sex = names::first_name_sex(doc, first);
            span.end <= before && opens && !headline && !shouted && sex.is_none_or(|x| x == p)
        })?;
        let span = self.seen[i].1;
        let first = doc.token_at_or_after(span.start);
        // (Nor when a sentence between opens with another capitalised word, which may be
        // who the pronoun is: `Dylann Roof is accused … Sanders called her son her hero …
        // she said`.)
        let name = doc.slice(span);
        let pronoun_at = doc.token_at_or_after(before);
        let other = (doc.sentence_of(first) + 1..doc.sentence_count())
            .map(|si| doc.sentence(si).first)
            .take_while(|&t| t < pronoun_at)
            .any(|t| doc.is_name_cap(t) && !name.split(' ').any(|w| w == doc.tok(t)));
        if other {
            return None;
        }
        // (Its full form, if seen before it: `Hicham El Guerrouj … El Guerrouj achieved …`.)
        let key = &self.seen[i].0;
        let full = (key.len() <= 2)
            .then(|| self.seen_index.latest_ending(key))
            .flatten()
            .filter(|&j| self.seen[j].1.end <= span.start);
        Some(self.person_seen(full.unwrap_or(i)))
    }

    /// The person named by `seen[i]`, a name seen without evidence, made an entity.
    fn person_seen(&mut self, i: usize) -> usize {
        let (k, span, _) = self.seen[i].clone();
        self.create(span, k, EntityKind::Person, None)
    }

    /// The person mentioned last at or before `before` whose pronoun is not known to differ
    /// from `p`.
    pub(crate) fn most_recent_person(
        &mut self,
        before: usize,
        p: lexicon::Pronoun,
    ) -> Option<usize> {
        let unknown = self.people[0].latest_before(before);
        let same = self.people[gender_slot(Some(p))].latest_before(before);
        unknown.max(same).map(|(_, e)| e)
    }
}

/// How far back (in bytes, a few paragraphs) `the officials` looks for the group it
/// continues.
const GROUP_REACH: usize = 1500;

/// `the`, `a`, `an` (either case), `its`, `their`: no part of a name after them.
fn is_determiner(w: &str) -> bool {
    matches!(w, "the" | "The" | "a" | "A" | "an" | "An" | "its" | "their")
}

/// A lowercase plural noun (`politicians`, `supporters`): a group, which names nobody in
/// particular unless an organisation is named with it.
pub(crate) fn is_plain_plural(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && w.chars().all(|c| c.is_lowercase())
}

/// Nouns that describe an organisation named before (sorted; a compiled list:
/// `lexicon::LEX_ORG_NOUN`).
pub(crate) const ORG_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "bank",
    "broadcaster",
    "bureau",
    "campaign",
    "carmaker",
    "channel",
    "charity",
    "club",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "daily",
    "department",
    "exchange",
    "firm",
    "foundation",
    "giant",
    "group",
    "institute",
    "insurer",
    "lender",
    "magazine",
    "manufacturer",
    "ministry",
    "network",
    "newspaper",
    "organisation",
    "organization",
    "outlet",
    "paper",
    "party",
    "publication",
    "publisher",
    "regulator",
    "retailer",
    "station",
    "supermarket",
    "tabloid",
    "team",
    "union",
    "university",
    "website",
    "weekly",
];

/// Nouns that describe an organisation named before (`the daily`, `the company`).
pub(crate) fn is_org_description(w: &str) -> bool {
    lexicon::in_list(ORG_NOUNS, w)
}

/// Nouns that describe a news organisation (`the daily`, `the network`).
pub(crate) fn is_media_description(w: &str) -> bool {
    matches!(
        w,
        "broadcaster"
            | "channel"
            | "daily"
            | "magazine"
            | "network"
            | "newspaper"
            | "outlet"
            | "paper"
            | "publication"
            | "tabloid"
            | "website"
            | "weekly"
    )
}

/// Is token `of` the `of` after a title word (`the CEO of Hewlett-Packard`), or the `to` or
/// `for` after a role (`an adviser to Mr. Obama`, `aides to Mr. Obama`, `a lawyer for
/// the family`), within a phrase that starts at token `a`? What follows names whom the
/// person works for, not the person. (But a spokesperson speaks for them: `a spokesman for
/// YouTube` is YouTube speaking.)
pub(crate) fn title_of(doc: &Document, of: usize, a: usize) -> bool {
    of > a
        && match doc.tok_bytes(of) {
            b"of" => doc.is(of - 1, lexicon::LEX_TITLE_WORD),
            b"to" | b"for" => serves(doc, of) && !is_spokesperson(doc.tok(of - 1)),
            _ => false,
        }
}

/// Nouns that describe a person named before (`the fisherman`, `the mother of three`).
pub(crate) fn is_person_description(w: &str) -> bool {
    lexicon::in_list(lexicon::PERSON_NOUNS, w)
}

/// Do keys `a` and `b` hold the same words? Word by word, inline: a key has a few words, and
/// `==` on slices called `memcmp` for each candidate entity a name was tested against.
#[inline]
fn same_words(a: &[u32], b: &[u32]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// A name word as keys hold it (before lowercasing): without a trailing apostrophe or
/// possessive `’s`.
pub(crate) fn norm_trim(w: &str) -> &str {
    &w[..norm_trim_len(w.as_bytes())]
}

/// The length of [`norm_trim`] of a word's bytes (a token's, read without making a `&str`).
/// The marks cut are whole chars, so the cut falls on a char boundary.
pub(crate) fn norm_trim_len(w: &[u8]) -> usize {
    // Only a word ending in an apostrophe (`'`, or `’`, whose last byte is 0x99) or an `s`
    // loses anything.
    if !matches!(w.last(), Some(b'\'' | 0x99 | b's')) {
        return w.len();
    }
    // (Each suffix cut while it is there, as `trim_end_matches(['’', '\''])` and repeated
    // `strip_suffix` would.)
    let mut t = w;
    while let Some(s) = t
        .strip_suffix("’".as_bytes())
        .or_else(|| t.strip_suffix(b"'"))
    {
        t = s;
    }
    while let Some(s) = t.strip_suffix("’s".as_bytes()) {
        t = s;
    }
    while let Some(s) = t.strip_suffix(b"'s") {
        t = s;
    }
    t.len()
}

/// Keys by their proper prefixes and suffixes of one and two words: what finds the full
/// form of a short name (`Jamie Werner` for `Werner`) among names seen without evidence.
#[derive(Default)]
pub(crate) struct AffixIndex {
    /// Ids by affix ([`AffixIndex::affix`]), in ascending order.
    prefix: crate::fx::IdMap,
    suffix: crate::fx::IdMap,
    /// Ids of keys longer than [`KeyIndex::MAX_LEN`] words.
    long: Vec<usize>,
}

impl AffixIndex {
    /// One or two words as a map key (word ids are below `u32::MAX`).
    fn affix(words: &[u32]) -> u64 {
        match *words {
            [a] => u64::from(a) << 32 | u64::from(u32::MAX),
            [a, b] => u64::from(a) << 32 | u64::from(b),
            _ => unreachable!("affixes have one or two words"),
        }
    }

    /// Adds key `id` (ids come in ascending order).
    pub(crate) fn insert(&mut self, id: usize, key: &[u32]) {
        let n = key.len();
        for m in 1..n.min(3) {
            crate::fx::ids_mut(&mut self.prefix, Self::affix(&key[..m])).push(id);
            crate::fx::ids_mut(&mut self.suffix, Self::affix(&key[n - m..])).push(id);
        }
        if n > KeyIndex::MAX_LEN {
            self.long.push(id);
        }
    }

    /// The latest key of which `toks` (one or two words) is a proper suffix.
    pub(crate) fn latest_ending(&self, toks: &[u32]) -> Option<usize> {
        let ids = self.suffix.get(&Self::affix(toks))?;
        ids.last().copied()
    }

    /// The latest key of which `toks` (at most two words) is a proper prefix or suffix. (An
    /// empty name, which no run gives, fits the keys longer than [`KeyIndex::MAX_LEN`], as
    /// it did when those were checked one by one.)
    pub(crate) fn latest(&self, toks: &[u32]) -> Option<usize> {
        if toks.is_empty() {
            return self.long.last().copied();
        }
        let k = Self::affix(toks);
        let last = |m: &crate::fx::IdMap| m.get(&k).and_then(|ids| ids.last().copied());
        last(&self.suffix).max(last(&self.prefix))
    }
}

/// Entity keys (lowercase name tokens) by whole key, proper prefix and proper suffix; each
/// list of entity ids is kept in ascending order, so the first is the earliest entity.
///
/// Keys longer than [`KeyIndex::MAX_LEN`] tokens (no real name is) are kept in `long` and
/// checked one by one instead, so that a run of a million capitalised words costs memory in
/// proportion to its length, not to its square.
///
/// The maps are keyed by a hash of the key ([`KeyIndex::hash`]): a look-up hands over the
/// ids of every key with that hash, which the caller checks against the key itself (and no
/// key is copied into a map).
#[derive(Default)]
pub(crate) struct KeyIndex {
    whole: crate::fx::IdMap,
    prefix: crate::fx::IdMap,
    suffix: crate::fx::IdMap,
    pub(crate) long: Vec<usize>,
    /// By word id: is the word in a key put in so far? (Kept when the key is taken out: a
    /// word marked may be in none, one not marked is in none.)
    words: Vec<bool>,
    /// Has an empty key been put in?
    empty: bool,
}

impl KeyIndex {
    pub(crate) const MAX_LEN: usize = 12;

    fn hash(key: &[u32]) -> u64 {
        use std::hash::Hasher;
        let mut h = crate::fx::FxHasher::default();
        for &w in key {
            h.write_u32(w);
        }
        h.write_usize(key.len());
        h.finish()
    }

    fn ids<'s>(map: &'s crate::fx::IdMap, key: &[u32]) -> &'s [usize] {
        map.get(&Self::hash(key)).map_or(&[], |v| &v[..])
    }

    /// Ids of the keys that may equal `key`, in ascending order.
    pub(crate) fn whole(&self, key: &[u32]) -> &[usize] {
        Self::ids(&self.whole, key)
    }

    /// Ids of the keys of which `key` may be a proper prefix (the latest [`Self::AFFIX_CAP`]).
    pub(crate) fn prefix(&self, key: &[u32]) -> &[usize] {
        Self::latest(Self::ids(&self.prefix, key))
    }

    /// Ids of the keys of which `key` may be a proper suffix (the latest [`Self::AFFIX_CAP`]).
    pub(crate) fn suffix(&self, key: &[u32]) -> &[usize] {
        Self::latest(Self::ids(&self.suffix, key))
    }

    /// How many keys sharing an affix a look-up reads, the latest ones: a bounded window, so a
    /// look-up costs the same however many names the text holds. An article names a few
    /// people `… Kirby`; only text built for it (random capitalised words, or hundreds of
    /// articles joined into one) has more.
    pub(crate) const AFFIX_CAP: usize = 64;

    fn latest(ids: &[usize]) -> &[usize] {
        &ids[ids.len().saturating_sub(Self::AFFIX_CAP)..]
    }

    fn entries(key: &[u32]) -> impl Iterator<Item = (u8, &[u32])> + '_ {
        let n = key.len();
        std::iter::once((0, key))
            .chain((1..n).map(move |m| (1, &key[..m])))
            .chain((1..n).map(move |m| (2, &key[m..])))
    }

    fn map(&mut self, which: u8) -> &mut crate::fx::IdMap {
        match which {
            0 => &mut self.whole,
            1 => &mut self.prefix,
            _ => &mut self.suffix,
        }
    }

    /// May a key hold a word of `key` at its start or end, or be empty? When not, no key
    /// equals it, extends it or is a part of it that [`Builder::find_entity_of`] takes.
    pub(crate) fn may_meet(&self, key: &[u32]) -> bool {
        let has = |w: Option<&u32>| w.is_some_and(|&w| self.words.get(w as usize) == Some(&true));
        self.empty || has(key.first()) || has(key.last())
    }

    pub(crate) fn insert(&mut self, id: usize, key: &[u32]) {
        self.empty |= key.is_empty();
        for &w in key {
            let w = w as usize;
            if self.words.len() <= w {
                self.words.resize(w + 1, false);
            }
            self.words[w] = true;
        }
        if key.len() > Self::MAX_LEN {
            if let Err(at) = self.long.binary_search(&id) {
                self.long.insert(at, id);
            }
            return;
        }
        for (which, k) in Self::entries(key) {
            let ids = crate::fx::ids_mut(self.map(which), Self::hash(k));
            if let Err(at) = ids.binary_search(&id) {
                ids.insert(at, id);
            }
        }
    }

    pub(crate) fn remove(&mut self, id: usize, key: &[u32]) {
        if key.len() > Self::MAX_LEN {
            if let Ok(at) = self.long.binary_search(&id) {
                self.long.remove(at);
            }
            return;
        }
        for (which, k) in Self::entries(key) {
            let h = Self::hash(k);
            let map = self.map(which);
            if let Some(ids) = map.get_mut(&h) {
                if let Ok(at) = ids.binary_search(&id) {
                    ids.remove(at);
                }
                if ids.is_empty() {
                    map.remove(&h);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_trim_cuts_apostrophes_then_possessives() {
        // (As `trim_end_matches(['’', '\''])`, then repeated `strip_suffix("’s")` and
        // `strip_suffix("'s")`.)
        let old = |w: &str| {
            let mut t = w.trim_end_matches(['’', '\'']);
            while let Some(s) = t.strip_suffix("’s") {
                t = s;
            }
            while let Some(s) = t.strip_suffix("'s") {
                t = s;
            }
            t.len()
        };
        for w in [
            "Trump",
            "Trump’s",
            "Trump's",
            "Jones'",
            "Jones’",
            "Jones’'",
            "s",
            "’s’s",
            "'s's",
            "’s's",
            "'s’s",
            "Obamas",
            "’",
            "",
            "Ngāti’s",
        ] {
            assert_eq!(norm_trim_len(w.as_bytes()), old(w), "{w}");
            assert_eq!(norm_trim(w).len(), old(w), "{w}");
        }
    }

    #[test]
    fn eight_ascii_bytes_lowercase_as_each_does() {
        for b in 0..0x80u8 {
            let x = u64::from_le_bytes([b, b'Q', 0, b'@', b'[', b'z', b'A', b'Z']);
            let want = x.to_le_bytes().map(|c| c.to_ascii_lowercase());
            assert_eq!(ascii_lowercase(x).to_le_bytes(), want, "{b}");
        }
    }

    #[test]
    fn a_tokens_id_is_its_texts() {
        // (Padded: a word within 16 bytes of the end is looked up by its text.)
        let t =
            "Mr. O'NEILL’s Ünal AbcdefghijklmnopQ Kirby's \"Kirby\" KIRBY' and so on and so forth";
        let doc = Document::new(t);
        let mut w = Words::default();
        for i in 0..doc.tokens.len() {
            assert_eq!(w.token_id(&doc, i), w.id(doc.tok(i)), "{}", doc.tok(i));
            let mut fresh = Words::default();
            assert_eq!(fresh.token_id(&doc, i), fresh.id(doc.tok(i)));
        }
    }

    #[test]
    fn a_key_may_meet_a_name_only_by_an_end_word_it_holds() {
        let mut index = KeyIndex::default();
        index.insert(0, &[1, 2]);
        assert!(index.may_meet(&[2]) && index.may_meet(&[1, 5]) && index.may_meet(&[5, 2]));
        assert!(!index.may_meet(&[3]) && !index.may_meet(&[3, 2, 4]) && !index.may_meet(&[]));
        // (An empty key is a part of every name.)
        index.insert(1, &[]);
        assert!(index.may_meet(&[3]));
    }

    #[test]
    fn letters_fold_to_their_base_letter() {
        let fold = |s: &str| s.chars().map(fold_diacritic).collect::<String>();
        assert_eq!(
            fold("françois erdoğan łódź ștefan"),
            "francois erdogan lodz stefan"
        );
        assert_eq!(fold("æøß÷ ñ ÿ ő"), "æoß÷ n y o");
        assert_eq!(fold("Ünal ПУТИН 北京"), "Ünal ПУТИН 北京");
    }

    /// `Recency` answers as the ordered set it replaced, under inserts and removes in and
    /// out of order.
    #[test]
    fn recency_answers_as_an_ordered_set() {
        let mut seed = 0x9e37_79b9_u32;
        let mut rnd = move |n: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed % n
        };
        let mut set = Recency::default();
        let mut model = std::collections::BTreeSet::new();
        let mut pos = 0;
        for _ in 0..20_000 {
            let e = rnd(40) as usize;
            // (Mostly forward, as mentions come; sometimes back.)
            pos = (pos + rnd(50) as usize).saturating_sub(if rnd(10) == 0 { 400 } else { 0 });
            let mut k = rank_key(pos, e);
            if rnd(3) == 0 {
                // (A member's key, mostly.)
                if let Some(&m) = model.iter().nth(rnd(model.len() as u32 + 1) as usize) {
                    k = m;
                }
                set.remove(k);
                model.remove(&k);
            } else {
                set.insert(k);
                model.insert(k);
            }
            let before = pos.saturating_sub(rnd(100) as usize);
            let want = model
                .range(..=rank_key(before, u32::MAX as usize))
                .next_back()
                .map(|&k| ((k >> 32) as usize, k as u32 as usize));
            assert_eq!(set.latest_before(before), want);
        }
    }
}
