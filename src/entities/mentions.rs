//! Mentions: the registry of entities as the article is read in order — a name creates or
//! extends an entity, a surname or a pronoun or a description (`the daily`) points back to one.

#[allow(unused_imports)]
use super::*;
use std::collections::HashMap;

pub(crate) struct Builder<'d, 'a> {
    pub(crate) doc: &'d Document<'a>,
    /// Multi-word names seen without evidence (`Jamie Werner`), kept so that a later short
    /// source (`says Werner`) takes the full name.
    pub(crate) seen: Vec<(Vec<String>, Span)>,
    /// `seen` indexed by proper prefix and suffix.
    pub(crate) seen_index: KeyIndex,
    pub(crate) entities: Vec<Entity>,
    /// Name tokens (lowercase) per entity, to match surnames.
    pub(crate) keys: Vec<Vec<String>>,
    /// `keys` indexed by whole key, proper prefix and proper suffix, so that finding the
    /// entity of a name costs the same however many entities the article has.
    pub(crate) index: KeyIndex,
    /// Position of each entity's latest mention.
    pub(crate) last_seen: Vec<usize>,
    /// Which entities are known to be people (for pronouns).
    pub(crate) person: Vec<bool>,
    /// Each person's pronoun, once an honorific or a resolved pronoun has told it.
    pub(crate) gender: Vec<Option<lexicon::Pronoun>>,
    /// The organisation of the group source named last (`Con Edison officials`) and where,
    /// for `the officials` and `agency officials` after it.
    pub(crate) last_group: Option<(usize, usize)>,
}

impl<'d, 'a> Builder<'d, 'a> {
    pub(crate) fn text(&self, s: Span) -> &'a str {
        self.doc.slice(s)
    }

    pub(crate) fn run_key(&self, r: &NameRun) -> Vec<String> {
        (r.first..r.last)
            .filter(|&i| self.doc.tokens[i].kind == TokKind::Word)
            .map(|i| norm(self.doc.tok(i)))
            .collect()
    }

    /// Records a name run; returns its entity when it is (or becomes) one.
    pub(crate) fn mention_run(&mut self, r: &NameRun, as_source: bool) -> Option<usize> {
        let toks = self.run_key(r);
        if let Some(e) = self.find_entity(&toks, r.kind) {
            self.add_mention(e, r.span, r.title, r.kind);
            // A fuller name than the one known so far becomes the entity's name.
            let k = &self.keys[e];
            if r.gender.is_some() {
                self.gender[e] = r.gender;
            }
            if toks.len() > k.len() && (toks.ends_with(&k[k.len() - 1..]) || toks.starts_with(k)) {
                self.entities[e].name = self.text(r.span).to_string();
                let old = std::mem::replace(&mut self.keys[e], toks);
                self.index.remove(e, &old);
                self.index.insert(e, &self.keys[e]);
            }
            return Some(e);
        }
        if !(r.evidence || as_source) {
            if toks.len() >= 2 {
                self.seen_index.insert(self.seen.len(), &toks);
                self.seen.push((toks, r.span));
            }
            return None;
        }
        if as_source && !r.evidence && toks.len() < 3 {
            // The full form of a short source name, seen earlier without evidence:
            // `Jamie Werner` for `Werner`, `Te Kaurinui Robert Parata` for `Te Kaurinui`.
            // (The latest such name: the highest position among those that end or start
            // with the short one.)
            let fits = |k: &Vec<String>| {
                k.len() > toks.len() && (k.ends_with(&toks) || k.starts_with(&toks))
            };
            let latest = [&self.seen_index.suffix, &self.seen_index.prefix]
                .iter()
                .filter_map(|m| m.get(&toks).and_then(|ids| ids.last()))
                .chain(
                    self.seen_index
                        .long
                        .iter()
                        .filter(|&&i| fits(&self.seen[i].0)),
                )
                .max()
                .copied();
            let full = latest.map(|i| self.seen[i].clone());
            if let Some((k, span)) = full {
                let e = self.create(span, k, EntityKind::Person, None);
                self.add_mention(e, r.span, r.title, Some(EntityKind::Person));
                return Some(e);
            }
        }
        // A bare one-word source with no sign of being a person (`Sudan has said`) is an
        // organisation or a country speaking; a multi-word name is taken for a person.
        let kind = r.kind.unwrap_or(if toks.len() == 1 {
            EntityKind::Organization
        } else {
            EntityKind::Person
        });
        let e = self.create(r.span, toks, kind, r.title);
        self.gender[e] = r.gender;
        Some(e)
    }

    pub(crate) fn create(
        &mut self,
        span: Span,
        toks: Vec<String>,
        kind: EntityKind,
        title: Option<Span>,
    ) -> usize {
        self.entities.push(Entity {
            id: String::new(),
            name: self.text(span).to_string(),
            kind,
            title: title.map(|t| clean_title(self.text(t))),
            mentions: vec![span],
        });
        self.index.insert(self.keys.len(), &toks);
        self.keys.push(toks);
        self.last_seen.push(span.start);
        self.person.push(kind == EntityKind::Person);
        self.gender.push(None);
        self.entities.len() - 1
    }

    pub(crate) fn add_mention(
        &mut self,
        e: usize,
        span: Span,
        title: Option<Span>,
        kind: Option<EntityKind>,
    ) {
        self.entities[e].mentions.push(span);
        self.last_seen[e] = span.start;
        if self.entities[e].title.is_none() {
            if let Some(t) = title {
                self.entities[e].title = Some(clean_title(self.text(t)));
            }
        }
        if let Some(k) = kind {
            self.person[e] = k == EntityKind::Person;
            self.entities[e].kind = k;
        }
    }

    /// The entity a name (as lowercase tokens) refers to: same full name, or the same
    /// surname as the last token of a known name (`Kirby` → `John Kirby`), preferring the
    /// entity mentioned most.
    pub(crate) fn find_entity(&self, toks: &[String], kind: Option<EntityKind>) -> Option<usize> {
        if toks.is_empty() {
            return None;
        }
        let long_equal = || {
            self.index
                .long
                .iter()
                .copied()
                .find(|&i| self.keys[i] == toks)
        };
        if let Some(i) = self
            .index
            .whole
            .get(toks)
            .and_then(|ids| ids.first().copied())
            .or_else(long_equal)
        {
            return Some(i);
        }
        let last = toks.last()?;
        // Only entities whose key shares a whole prefix or suffix with the name can fit:
        // the index hands those over; the test below is the rule itself.
        let mut cands: Vec<usize> = Vec::new();
        cands.extend(self.index.suffix.get(toks).into_iter().flatten());
        cands.extend(self.index.prefix.get(toks).into_iter().flatten());
        // (Longer prefixes are keys in `long`, all candidates anyway.)
        for n in 1..toks.len().min(KeyIndex::MAX_LEN + 1) {
            cands.extend(self.index.whole.get(&toks[..n]).into_iter().flatten());
        }
        cands.extend(
            self.index
                .whole
                .get(std::slice::from_ref(last))
                .into_iter()
                .flatten(),
        );
        cands.extend(self.index.long.iter());
        cands.sort_unstable();
        cands.dedup();
        let mut best: Option<usize> = None;
        for i in cands {
            let k = &self.keys[i];
            // A short form matches a longer name ending with it; a longer name extends a
            // known surname (`Robert Mugabe` after `Mugabe`).
            let person_ok = self.person[i] && kind != Some(EntityKind::Organization);
            let fits = (toks.len() < k.len() && k.ends_with(toks))
                // A first-name form (`Te Kaurinui` for `Te Kaurinui Robert Parata`).
                || (toks.len() < k.len() && k.starts_with(toks) && person_ok)
                || (toks.len() > k.len() && toks.starts_with(k) && person_ok)
                || (toks.len() > k.len() && k.len() == 1 && toks.ends_with(k) && kind == Some(EntityKind::Person) && self.person[i])
                || (toks.len() == 1 && k.len() > 1 && k[0] == *last && self.entities[i].kind == EntityKind::Organization);
            if fits
                && best.is_none_or(|b| {
                    self.entities[i].mentions.len() > self.entities[b].mentions.len()
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
        if words.len() == 1 {
            match lexicon::pronoun(words[0]) {
                Some(p @ (lexicon::Pronoun::He | lexicon::Pronoun::She)) => {
                    let e = self.most_recent_person(s.start, p)?;
                    self.gender[e].get_or_insert(p);
                    self.entities[e].mentions.push(s);
                    self.last_seen[e] = s.start;
                    return Some(e);
                }
                // `they` after a group source (`Obama administration officials said …
                // They said …`): that group.
                Some(lexicon::Pronoun::They) => {
                    let (e, at) = self.last_group?;
                    if s.start.saturating_sub(at) > GROUP_REACH {
                        return None;
                    }
                    self.entities[e].mentions.push(s);
                    self.last_seen[e] = s.start;
                    self.last_group = Some((e, s.start));
                    return Some(e);
                }
                Some(_) => return None,
                None => {}
            }
        }
        // A role noun: the entity whose title has that head (`the spokesman`).
        let head = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
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
        // `the daily`, `the influential US daily`, `the company` refer back; `the media union`
        // (a noun before the head, and no union named before) is an organisation of its own.
        let media = is_media_description(&head);
        let bare = words.len() == det as usize + 1;
        if (described || (definite && media && words.len() <= 5)) && is_org_description(&head) {
            let e = (0..self.entities.len())
                .filter(|&i| {
                    self.entities[i].kind == EntityKind::Organization
                        && self.last_seen[i] <= s.start
                })
                .max_by_key(|&i| self.last_seen[i])
                .filter(|&i| {
                    bare || media || self.entities[i].name.to_lowercase().contains(head.as_str())
                });
            if let Some(e) = e {
                self.entities[e].mentions.push(s);
                self.last_seen[e] = s.start;
                return Some(e);
            }
        }
        if lexicon::is_title_word(&head) && definite {
            let found = (0..self.entities.len())
                .filter(|&i| {
                    self.entities[i]
                        .title
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().split_whitespace().any(|w| w == head))
                })
                .max_by_key(|&i| self.last_seen[i]);
            if let Some(e) = found {
                self.entities[e].mentions.push(s);
                return Some(e);
            }
        }
        if described
            && (lexicon::is_title_word(&head)
                || is_person_description(&head)
                || words.iter().any(|w| w.ends_with("-year-old")))
        {
            let e = (0..self.entities.len())
                .filter(|&i| self.person[i] && self.last_seen[i] <= s.start)
                .max_by_key(|&i| self.last_seen[i])?;
            self.entities[e].mentions.push(s);
            self.last_seen[e] = s.start;
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
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lowercase = words
            .iter()
            .skip(1)
            .all(|w| !w.starts_with(|c: char| c.is_uppercase()));
        let first_ok = !words[0].starts_with(|c: char| c.is_uppercase())
            || lower[0] == "the"
            || is_org_description(&lower[0]);
        if is_group_noun(&head)
            && head.ends_with('s')
            && lowercase
            && first_ok
            && (bare
                || lower[..lower.len() - 1]
                    .iter()
                    .any(|w| is_org_description(w)))
        {
            if let Some((e, at)) = self.last_group {
                if s.start.saturating_sub(at) <= GROUP_REACH {
                    self.entities[e].mentions.push(s);
                    self.last_seen[e] = s.start;
                    self.last_group = Some((e, s.start));
                    return Some(e);
                }
            }
        }
        // An organisation named by a common noun: `the media union`, `the Government`.
        if lexicon::is_org_head(&head) && !is_group_noun(&head) {
            let start = (a..z)
                .find(|&i| !matches!(doc.tok(i), "the" | "The" | "a" | "A" | "its" | "their"))
                .unwrap_or(a);
            let span = Span::new(doc.tokens[start].span().start, s.end);
            let toks: Vec<String> = (start..z).map(|i| norm(doc.tok(i))).collect();
            if let Some(e) = self.find_entity(&toks, Some(EntityKind::Organization)) {
                self.entities[e].mentions.push(span);
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
            let start = (a..z)
                .find(|&i| !matches!(doc.tok(i), "the" | "The" | "a" | "A"))
                .unwrap_or(a);
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
            let toks: Vec<String> = (start..end).map(|i| norm(doc.tok(i))).collect();
            let e = match self.find_entity(&toks, Some(EntityKind::Organization)) {
                Some(e) => {
                    self.entities[e].mentions.push(span);
                    e
                }
                None => self.create(span, toks, EntityKind::Organization, None),
            };
            self.last_group = Some((e, s.start));
            return Some(e);
        }
        None
    }

    /// The person mentioned last at or before `before` whose pronoun is not known to differ
    /// from `p`.
    pub(crate) fn most_recent_person(&self, before: usize, p: lexicon::Pronoun) -> Option<usize> {
        (0..self.entities.len())
            .filter(|&i| {
                self.person[i]
                    && self.last_seen[i] <= before
                    && self.gender[i].is_none_or(|g| g == p)
            })
            .max_by_key(|&i| self.last_seen[i])
    }
}

/// How far back (in bytes, a few paragraphs) `the officials` looks for the group it
/// continues.
const GROUP_REACH: usize = 1500;

/// A lowercase plural noun (`politicians`, `supporters`): a group, which names nobody in
/// particular unless an organisation is named with it.
pub(crate) fn is_plain_plural(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && w.chars().all(|c| c.is_lowercase())
}

/// Nouns that describe an organisation named before (`the daily`, `the company`).
pub(crate) fn is_org_description(w: &str) -> bool {
    const ORG_NOUNS: &[&str] = &[
        "agency",
        "bank",
        "broadcaster",
        "bureau",
        "campaign",
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
        "firm",
        "foundation",
        "group",
        "institute",
        "magazine",
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
        "station",
        "tabloid",
        "team",
        "union",
        "university",
        "website",
        "weekly",
    ];
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

/// Nouns that describe a person named before (`the fisherman`, `the mother of three`).
pub(crate) fn is_person_description(w: &str) -> bool {
    const PERSON_NOUNS: &[&str] = &[
        "actor",
        "actress",
        "author",
        "billionaire",
        "boy",
        "businessman",
        "businesswoman",
        "candidate",
        "daughter",
        "doctor",
        "father",
        "fisherman",
        "girl",
        "grandmother",
        "husband",
        "lawyer",
        "man",
        "mother",
        "nominee",
        "politician",
        "resident",
        "singer",
        "son",
        "student",
        "teacher",
        "veteran",
        "wife",
        "woman",
        "writer",
    ];
    lexicon::in_list(PERSON_NOUNS, w)
}

pub(crate) fn norm(w: &str) -> String {
    w.trim_end_matches(['’', '\''])
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_lowercase()
}

/// Entity keys (lowercase name tokens) by whole key, proper prefix and proper suffix; each
/// list of entity ids is kept in ascending order, so the first is the earliest entity.
///
/// Keys longer than [`KeyIndex::MAX_LEN`] tokens (no real name is) are kept in `long` and
/// checked one by one instead, so that a run of a million capitalised words costs memory in
/// proportion to its length, not to its square.
#[derive(Default)]
pub(crate) struct KeyIndex {
    pub(crate) whole: HashMap<Vec<String>, Vec<usize>>,
    pub(crate) prefix: HashMap<Vec<String>, Vec<usize>>,
    pub(crate) suffix: HashMap<Vec<String>, Vec<usize>>,
    pub(crate) long: Vec<usize>,
}

impl KeyIndex {
    pub(crate) const MAX_LEN: usize = 12;

    fn entries(key: &[String]) -> impl Iterator<Item = (u8, Vec<String>)> + '_ {
        let n = key.len();
        std::iter::once((0, key.to_vec()))
            .chain((1..n).map(move |m| (1, key[..m].to_vec())))
            .chain((1..n).map(move |m| (2, key[m..].to_vec())))
    }

    fn map(&mut self, which: u8) -> &mut HashMap<Vec<String>, Vec<usize>> {
        match which {
            0 => &mut self.whole,
            1 => &mut self.prefix,
            _ => &mut self.suffix,
        }
    }

    pub(crate) fn insert(&mut self, id: usize, key: &[String]) {
        if key.len() > Self::MAX_LEN {
            if let Err(at) = self.long.binary_search(&id) {
                self.long.insert(at, id);
            }
            return;
        }
        for (which, k) in Self::entries(key) {
            let ids = self.map(which).entry(k).or_default();
            if let Err(at) = ids.binary_search(&id) {
                ids.insert(at, id);
            }
        }
    }

    pub(crate) fn remove(&mut self, id: usize, key: &[String]) {
        if key.len() > Self::MAX_LEN {
            if let Ok(at) = self.long.binary_search(&id) {
                self.long.remove(at);
            }
            return;
        }
        for (which, k) in Self::entries(key) {
            let map = self.map(which);
            if let Some(ids) = map.get_mut(&k) {
                if let Ok(at) = ids.binary_search(&id) {
                    ids.remove(at);
                }
                if ids.is_empty() {
                    map.remove(&k);
                }
            }
        }
    }
}
