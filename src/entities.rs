//! Entities and speakers: one entity per real-world referent, every quote tied to one.
//!
//! Names are found as runs of capitalised words (`Habib Essid`, `Bardo National Museum`),
//! with the evidence around them that says what they are: an honorific or a title before
//! (`Mr.`, `Prime Minister`, `developer`), an appositive after (`, vice president of …`),
//! an organisation head word (`… Police`, `… Council`) or a known organisation. A run with no
//! such evidence (a place, a law, a sports team) becomes an entity only when it is named as
//! the source of a quote.
//!
//! Resolution walks the article in order, so that every mention can only point back:
//! a full name creates or extends an entity, a surname alone (`Kirby`, `Mr. Kirby`) joins the
//! most-mentioned entity with that surname, `he`/`she` is the most recent person, `the
//! spokesman` is the entity whose title has that head word, and a quote with no cue of its
//! own continues the speaker of the quote before it.

use crate::lexicon;
use crate::quotes::{is_group_noun, RawQuote, Source};
use crate::segment::{Document, TokKind};
use crate::types::{Cue, Entity, EntityKind, Phrase, Quote, Span};

pub struct Resolved {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
}

/// A run of capitalised words and what the text around it says about it.
#[derive(Debug, Clone)]
struct NameRun {
    /// The name without honorific or title (`John Kirby`).
    span: Span,
    /// Tokens of the name.
    first: usize,
    last: usize,
    /// The title before the name (`Pentagon press secretary`), if any.
    title: Option<Span>,
    kind: Option<EntityKind>,
    /// Strong evidence that this is a person or organisation of interest.
    evidence: bool,
    /// `he`/`she` as told by an honorific (`Mr.`, `Mrs.`), if any.
    gender: Option<lexicon::Pronoun>,
}

struct Builder<'d, 'a> {
    doc: &'d Document<'a>,
    /// Multi-word names seen without evidence (`Jamie Werner`), kept so that a later short
    /// source (`says Werner`) takes the full name.
    seen: Vec<(Vec<String>, Span)>,
    entities: Vec<Entity>,
    /// Name tokens (lowercase) per entity, to match surnames.
    keys: Vec<Vec<String>>,
    /// Position of each entity's latest mention.
    last_seen: Vec<usize>,
    /// Which entities are known to be people (for pronouns).
    person: Vec<bool>,
    /// Each person's pronoun, once an honorific or a resolved pronoun has told it.
    gender: Vec<Option<lexicon::Pronoun>>,
}

pub fn resolve(doc: &Document, raw: &[RawQuote]) -> Resolved {
    let runs = name_runs(doc);
    let mut b = Builder {
        doc,
        seen: Vec::new(),
        entities: Vec::new(),
        keys: Vec::new(),
        last_seen: Vec::new(),
        person: Vec::new(),
        gender: Vec::new(),
    };

    // Walk names and quote sources in text order.
    let mut ri = 0;
    let mut quotes: Vec<Quote> = Vec::with_capacity(raw.len());
    let mut last_speaker: Option<usize> = None;
    let mut order: Vec<usize> = (0..raw.len()).collect();
    // Sources are resolved at their own position (the cue may come after the quote).
    let src_pos = |q: &RawQuote| match q.source {
        Source::Phrase(s) => s.start,
        _ => q.span.start,
    };
    order.sort_by_key(|&i| (src_pos(&raw[i]).min(raw[i].span.start), i));
    let mut speakers: Vec<Option<usize>> = vec![None; raw.len()];
    // Each quote's source phrase as written (a continued quote shares its predecessor's).
    let mut phrases: Vec<Option<Span>> = vec![None; raw.len()];
    let mut last_phrase: Option<Span> = None;
    for &qi in &order {
        let q = &raw[qi];
        let pos = src_pos(q);
        while ri < runs.len() && runs[ri].span.start < pos {
            b.mention_run(&runs[ri], false);
            ri += 1;
        }
        let speaker = match q.source {
            Source::Phrase(s) => {
                // `Obama administration officials`: a group named after someone is the
                // group, not the person.
                let z = doc.tokens_before(s.end);
                let group =
                    z > 0 && (is_group_noun(doc.tok(z - 1)) || is_plain_plural(doc.tok(z - 1)));
                // Let runs inside the phrase register first, as evidence they are a source.
                let mut hit = None;
                while ri < runs.len() && runs[ri].span.start < s.end {
                    let r = &runs[ri];
                    b.mention_run(r, s.overlaps(r.span) && !group);
                    ri += 1;
                }
                // Every run in the phrase, also ones already seen for an earlier quote
                // with the same source (`A, according to X, B`).
                let first = runs.partition_point(|r| r.span.end <= s.start);
                for r in runs[first..].iter().take_while(|r| r.span.start < s.end) {
                    if let Some(e) = b.find_entity(&b.run_key(r), r.kind) {
                        hit = Some(e);
                    }
                }
                if group {
                    b.resolve_phrase(s)
                } else {
                    hit.or_else(|| b.resolve_phrase(s))
                }
            }
            Source::Previous => match narrative_subject(&b, q.span.start) {
                Some(e) => Some(e),
                None => {
                    // Continuing the last quote's speaker: its source phrase names this one too.
                    phrases[qi] = last_phrase;
                    last_speaker
                }
            },
            Source::Unknown => None,
        };
        if let Source::Phrase(s) = q.source {
            phrases[qi] = Some(s);
        }
        // A quote with a cue of its own sets who spoke last, even when its source stays
        // unresolved (`“…,” the mayor said.` — the next uncued quote is not someone
        // earlier's); an indirect quote only when it names someone.
        match q.source {
            Source::Previous => {}
            _ if q.kind == crate::types::QuoteKind::Direct || speaker.is_some() => {
                last_speaker = speaker;
                last_phrase = phrases[qi];
            }
            _ => {}
        }
        speakers[qi] = speaker;
    }
    while ri < runs.len() {
        b.mention_run(&runs[ri], false);
        ri += 1;
    }

    // Keep entities that speak or that the text describes with strong evidence.
    let speaking: Vec<bool> = {
        let mut v = vec![false; b.entities.len()];
        for s in speakers.iter().flatten() {
            v[*s] = true;
        }
        v
    };
    let keep: Vec<bool> = (0..b.entities.len())
        .map(|i| speaking[i] || b.entities[i].title.is_some() || b.entities[i].mentions.len() > 1)
        .collect();
    // Each span is a mention of one entity (the first that claimed it), and an entity's
    // mentions do not overlap (`Obama` inside `Obama administration officials` is one).
    let mut owner: std::collections::HashMap<Span, usize> = Default::default();
    for (i, e) in b.entities.iter().enumerate() {
        if keep[i] {
            for m in &e.mentions {
                owner.entry(*m).or_insert(i);
            }
        }
    }
    let mut kept: Vec<(usize, Entity)> = Vec::new();
    for (i, mut e) in b.entities.into_iter().enumerate() {
        if !keep[i] {
            continue;
        }
        e.mentions.retain(|m| owner.get(m) == Some(&i));
        e.mentions
            .sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut out: Vec<Span> = Vec::with_capacity(e.mentions.len());
        for m in e.mentions {
            if out.last().is_none_or(|l: &Span| m.start >= l.end) {
                out.push(m);
            }
        }
        e.mentions = out;
        if !e.mentions.is_empty() || speaking[i] {
            kept.push((i, e));
        }
    }
    // Across entities too, mentions do not overlap: the longer span wins (`Obama
    // administration` over the `Obama` inside it).
    let mut all: Vec<(Span, usize)> = kept
        .iter()
        .enumerate()
        .flat_map(|(k, (_, e))| e.mentions.iter().map(move |m| (*m, k)))
        .collect();
    all.sort_by_key(|(m, _)| (m.start, std::cmp::Reverse(m.end)));
    let mut drop: Vec<(usize, Span)> = Vec::new();
    let mut reach: Option<Span> = None;
    for (m, k) in all {
        match reach {
            Some(r) if m.start < r.end => drop.push((k, m)),
            _ => reach = Some(m),
        }
    }
    for (k, m) in drop {
        kept[k].1.mentions.retain(|x| *x != m);
    }
    kept.retain(|(i, e)| !e.mentions.is_empty() || speaking[*i]);
    // Ids in order of first mention.
    kept.sort_by_key(|(_, e)| e.mentions.first().map_or(usize::MAX, |m| m.start));
    let mut new_id = vec![None; keep.len()];
    let mut entities = Vec::new();
    for (i, mut e) in kept {
        e.id = format!("e{}", entities.len() + 1);
        new_id[i] = Some(e.id.clone());
        entities.push(e);
    }
    for (i, q) in raw.iter().enumerate() {
        quotes.push(Quote {
            id: String::new(),
            start: q.span.start,
            end: q.span.end,
            text: doc.slice(q.span).to_string(),
            kind: q.kind,
            speaker: speakers[i].and_then(|s| new_id[s].clone()),
            source: phrases[i].map(|s| Phrase {
                start: s.start,
                end: s.end,
                text: doc.slice(s).to_string(),
            }),
            cue: q.cue.map(|c| Cue {
                start: c.start,
                end: c.end,
                text: doc.slice(c).to_string(),
            }),
            confidence: q.confidence,
        });
    }
    for (i, q) in quotes.iter_mut().enumerate() {
        q.id = format!("q{}", i + 1);
    }
    Resolved { entities, quotes }
}

/// For a quote with no cue that opens a paragraph right after a paragraph of narrative (no
/// quote in it), the person that paragraph mentions last: `But for Parata and his family
/// … \n\n “It’s very emotional.”` is Parata speaking.
fn narrative_subject(b: &Builder, quote_start: usize) -> Option<usize> {
    let doc = b.doc;
    let pi = doc.paragraph_at(quote_start)?;
    let p = doc.paragraphs[pi];
    // The quote must open its paragraph: only marks and spaces before it.
    let lead = &doc.text[p.start..quote_start.max(p.start)];
    if pi == 0
        || lead
            .chars()
            .any(|c| !(c.is_whitespace() || "\"“”„«»‘’'‹›".contains(c)))
    {
        return None;
    }
    let prev = doc.paragraphs[pi - 1];
    if doc.slice(prev).contains(['“', '”', '"', '«', '»']) {
        return None;
    }
    (0..b.entities.len())
        .filter(|&e| b.person[e])
        .filter_map(|e| {
            b.entities[e]
                .mentions
                .iter()
                .filter(|m| prev.contains(**m))
                .map(|m| m.start)
                .max()
                .map(|m| (m, e))
        })
        .max()
        .map(|(_, e)| e)
}

impl<'d, 'a> Builder<'d, 'a> {
    fn text(&self, s: Span) -> &'a str {
        self.doc.slice(s)
    }

    fn run_key(&self, r: &NameRun) -> Vec<String> {
        (r.first..r.last)
            .filter(|&i| self.doc.tokens[i].kind == TokKind::Word)
            .map(|i| norm(self.doc.tok(i)))
            .collect()
    }

    /// Records a name run; returns its entity when it is (or becomes) one.
    fn mention_run(&mut self, r: &NameRun, as_source: bool) -> Option<usize> {
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
                self.keys[e] = toks;
            }
            return Some(e);
        }
        if !(r.evidence || as_source) {
            if toks.len() >= 2 {
                self.seen.push((toks, r.span));
            }
            return None;
        }
        if as_source && !r.evidence && toks.len() < 3 {
            // The full form of a short source name, seen earlier without evidence:
            // `Jamie Werner` for `Werner`, `Te Kaurinui Robert Parata` for `Te Kaurinui`.
            let full = self
                .seen
                .iter()
                .rev()
                .find(|(k, _)| k.len() > toks.len() && (k.ends_with(&toks) || k.starts_with(&toks)))
                .cloned();
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

    fn create(
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
        self.keys.push(toks);
        self.last_seen.push(span.start);
        self.person.push(kind == EntityKind::Person);
        self.gender.push(None);
        self.entities.len() - 1
    }

    fn add_mention(&mut self, e: usize, span: Span, title: Option<Span>, kind: Option<EntityKind>) {
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
    fn find_entity(&self, toks: &[String], kind: Option<EntityKind>) -> Option<usize> {
        if toks.is_empty() {
            return None;
        }
        if let Some(i) = self.keys.iter().position(|k| k == toks) {
            return Some(i);
        }
        let last = toks.last()?;
        let mut best: Option<usize> = None;
        for (i, k) in self.keys.iter().enumerate() {
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
    fn resolve_phrase(&mut self, s: Span) -> Option<usize> {
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
            if let Some(e) = self.find_entity(&toks, Some(EntityKind::Organization)) {
                self.entities[e].mentions.push(span);
                return Some(e);
            }
            return Some(self.create(span, toks, EntityKind::Organization, None));
        }
        None
    }

    /// The person mentioned last at or before `before` whose pronoun is not known to differ
    /// from `p`.
    fn most_recent_person(&self, before: usize, p: lexicon::Pronoun) -> Option<usize> {
        (0..self.entities.len())
            .filter(|&i| {
                self.person[i]
                    && self.last_seen[i] <= before
                    && self.gender[i].is_none_or(|g| g == p)
            })
            .max_by_key(|&i| self.last_seen[i])
    }
}

/// A lowercase plural noun (`politicians`, `supporters`): a group, which names nobody in
/// particular unless an organisation is named with it.
fn is_plain_plural(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && w.chars().all(|c| c.is_lowercase())
}

/// Nouns that describe an organisation named before (`the daily`, `the company`).
fn is_org_description(w: &str) -> bool {
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
fn is_media_description(w: &str) -> bool {
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
fn is_person_description(w: &str) -> bool {
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

fn norm(w: &str) -> String {
    w.trim_end_matches(['’', '\''])
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_lowercase()
}

/// Trims determiners and punctuation off a title: `the Pentagon spokesman,` → `Pentagon
/// spokesman`.
fn clean_title(t: &str) -> String {
    let t = t.trim().trim_end_matches([',', '.', ';', ':']).trim();
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

fn is_cap_word(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != TokKind::Word {
        return false;
    }
    let w = doc.tok(i);
    let c = w.chars().next().unwrap_or(' ');
    // `Pakistan-based`, `U.S.-led`: a hyphenated modifier ending in a lowercase word.
    let modifier = w
        .rsplit('-')
        .next()
        .is_some_and(|last| last != w && last.chars().next().is_some_and(|c| c.is_lowercase()));
    c.is_uppercase() && !lexicon::is_not_name_word(w) && !modifier
}

/// A single capital letter: an initial once a period follows.
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|c| c.is_uppercase()) && c.next().is_none()
}

/// Lowercase words inside names: `de Gaulle`, `von der Leyen`, `bin Salman`, `al-`.
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "bin"
            | "ibn"
            | "al"
            | "da"
            | "del"
            | "della"
            | "di"
            | "du"
            | "dos"
            | "das"
            | "la"
            | "le"
    )
}

/// Generational suffixes that end a name: `Martin Luther King Jr.`, `Henry Ford II`.
fn is_name_suffix(w: &str) -> bool {
    matches!(w, "Jr" | "Sr" | "II" | "III" | "IV" | "." | ",")
}

/// Finds every run of capitalised words with the evidence around it.
fn name_runs(doc: &Document) -> Vec<NameRun> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_cap_word(doc, i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            if is_cap_word(doc, j) && doc.tokens[j].sentence() == doc.tokens[i].sentence() {
                j += 1;
            } else if j + 1 < n
                && doc.tok(j) == "."
                && is_initial(doc.tok(j - 1))
                && is_cap_word(doc, j + 1)
            {
                // A middle or first initial: `C. Eugene Steuerle`, `Janet L. Yellen`.
                j += 2;
            } else if j + 2 < n
                && is_particle(doc.tok(j))
                && is_particle(doc.tok(j + 1))
                && is_cap_word(doc, j + 2)
            {
                // Two particles: `Ursula von der Leyen`, `Joost van den Berg`.
                j += 3;
            } else if j + 1 < n
                && (is_particle(doc.tok(j)) || matches!(doc.tok(j), "of" | "for")
                    // `Joint Committee on Intelligence and Security`: inside an
                    // organisation's name, `on` and `and` join too.
                    || (matches!(doc.tok(j), "on" | "and") && (i..j).any(|k| lexicon::is_org_head(doc.tok(k))))
                    // `World Travel and Tourism Council`: `and` inside a name that an
                    // organisation word ends.
                    || (doc.tok(j) == "and" && (j + 1..(j + 4).min(n)).take_while(|&k| is_cap_word(doc, k)).any(|k| lexicon::is_org_head(doc.tok(k)))))
                && is_cap_word(doc, j + 1)
            {
                j += 2;
            } else {
                break;
            }
        }
        out.extend(make_run(doc, i, j));
        i = j;
    }
    out
}

/// Splits a capitalised run into title + name, and reads its evidence.
fn make_run(doc: &Document, i: usize, j: usize) -> Option<NameRun> {
    let sent = doc.tokens[i].sentence();
    let sentence_initial = doc.sentences[sent].first == i
        || (i > 0
            && doc.tokens[i - 1].sentence() == sent
            && doc.sentences[sent].first + 1 == i
            && doc.tokens[i - 1].kind == TokKind::Punct);
    // Leading honorifics and titles are not part of the name: `Mr. Mugabe`, `President
    // Obama`, `Prime Minister Habib Essid`.
    let mut a = i;
    let mut honorific = false;
    let mut gender = None;
    let mut titled = false;
    while a < j
        && (lexicon::is_honorific(doc.tok(a))
            || lexicon::is_pre_name_title(doc.tok(a))
            || lexicon::is_title_word(doc.tok(a))
            || (a + 1 < j
                && lexicon::is_pre_name_title(doc.tok(a + 1))
                && !is_org_word(doc.tok(a))))
    {
        if lexicon::is_honorific(doc.tok(a)) {
            honorific = true;
            gender = honorific_gender(doc.tok(a));
        } else {
            titled = true;
        }
        a += 1;
    }
    // A title inside the run (`Opposition Leader Bill Shorten`, `Tunisian Prime Minister
    // Habib Essid`): the name is what follows the last title word, when that is a name.
    if let Some(t) = (a..j)
        .rev()
        .find(|&k| lexicon::is_title_word(doc.tok(k)) || lexicon::is_pre_name_title(doc.tok(k)))
    {
        let rest = j - (t + 1);
        // (`Martin Luther King Jr.`: a suffix after a title-like word is no name.)
        if (1..=3).contains(&rest)
            && !(t + 1..j).all(|k| is_name_suffix(doc.tok(k)))
            && !(t + 1..j).any(|k| is_org_word(doc.tok(k)) || lexicon::is_title_word(doc.tok(k)))
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
    if let Some(of) = (a + 2..j).find(|&k| doc.tok(k) == "of") {
        if !(a..of).any(|k| is_org_word(doc.tok(k)) || lexicon::is_title_word(doc.tok(k))) {
            j = of;
        }
    }
    let words: Vec<&str> = (a..j).map(|k| doc.tok(k)).collect();
    let last = *words.last()?;
    let org = words.iter().any(|w| lexicon::is_org_head(w))
        || words.iter().any(|w| lexicon::is_known_org(w));
    // Lowercase title words right before the run: `press secretary John Kirby`,
    // `developer Ammar Askar`, `Pakistan-based developer`.
    let mut t0 = i;
    while t0 > 0 && doc.tokens[t0 - 1].sentence() == sent && t0 + 6 > i {
        let w = doc.tok(t0 - 1);
        let c = w.chars().next().unwrap_or(' ');
        if lexicon::is_title_word(w)
            || (c.is_lowercase() && w.len() > 2 && t0 < i && is_title_modifier(w))
            || (c.is_uppercase() && t0 < i && !lexicon::is_not_name_word(w))
            || (w.contains('-') && w.ends_with("based"))
        {
            t0 -= 1;
        } else {
            break;
        }
    }
    while t0 < i
        && !lexicon::is_title_word(doc.tok(t0))
        && !(doc.tok(t0).contains('-'))
        && !doc.tok(t0).chars().next().is_some_and(|c| c.is_uppercase())
    {
        t0 += 1;
    }
    // (An honorific alone is not a title: `Dr Sarah Jones, a lecturer at …` takes the
    // appositive.)
    let has_title_before = t0 < a
        && ((a > i && titled) || (i > t0 && (t0..i).any(|k| lexicon::is_title_word(doc.tok(k)))));
    let title = if has_title_before {
        Some(Span::new(
            doc.tokens[t0].span().start,
            doc.tokens[a - 1].span().end,
        ))
    } else {
        appositive_title(doc, j)
    };
    let age = j + 2 < doc.tokens.len()
        && doc.tok(j) == ","
        && doc.tokens[j + 1].kind == TokKind::Number
        && doc.tok(j + 2) == ",";
    let kind = if honorific || titled || age {
        Some(EntityKind::Person)
    } else if org {
        Some(EntityKind::Organization)
    } else {
        None
    };
    // A nationality used as an adjective (`American officials`, `Sudanese government`) is
    // not a name.
    let demonym = words.len() == 1
        && is_demonym(last)
        && doc.tokens.get(j).is_some_and(|t| {
            t.kind == TokKind::Word
                && doc.tok(j).chars().next().is_some_and(|c| c.is_lowercase())
                && !lexicon::is_speech_verb(doc.tok(j))
        });
    if demonym && !honorific && !titled {
        return None;
    }
    let multiword_person = words.len() >= 2 && !org && title.is_some();
    let evidence = (honorific || titled || age || multiword_person || org || title.is_some())
        && !(sentence_initial && words.len() == 1 && !honorific && !titled && !org);
    Some(NameRun {
        span: Span::new(doc.tokens[a].span().start, doc.tokens[j - 1].span().end),
        first: a,
        last: j,
        title,
        kind: kind.or(if multiword_person {
            Some(EntityKind::Person)
        } else {
            None
        }),
        evidence,
        gender,
    })
}

/// Looks like a nationality adjective (`American`, `Sudanese`, `British`, `Pakistani`).
fn is_demonym(w: &str) -> bool {
    ["ian", "ean", "ese", "ish", "can"]
        .iter()
        .any(|suf| w.ends_with(suf))
}

fn honorific_gender(w: &str) -> Option<lexicon::Pronoun> {
    match w.trim_end_matches('.').to_ascii_lowercase().as_str() {
        "mr" | "sir" | "lord" => Some(lexicon::Pronoun::He),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "madam" => Some(lexicon::Pronoun::She),
        _ => None,
    }
}

fn is_org_word(w: &str) -> bool {
    lexicon::is_org_head(w) || lexicon::is_known_org(w)
}

fn is_title_modifier(w: &str) -> bool {
    const MODS: &[&str] = &[
        "acting",
        "assistant",
        "chief",
        "deputy",
        "executive",
        "foreign",
        "former",
        "general",
        "interim",
        "national",
        "press",
        "security",
        "senior",
        "state",
        "vice",
    ];
    lexicon::in_list(MODS, w)
}

/// `Patrick McHugh, vice president of electrical engineering …`: the appositive after a
/// name, when it starts with a title (optionally after `a`/`the`).
fn appositive_title(doc: &Document, j: usize) -> Option<Span> {
    if j >= doc.tokens.len() || doc.tok(j) != "," {
        return None;
    }
    let mut a = j + 1;
    // Skip an age: `Maria López, 45, a nurse from São Paulo`.
    if a + 1 < doc.tokens.len() && doc.tokens[a].kind == TokKind::Number && doc.tok(a + 1) == "," {
        a += 2;
    }
    let mut k = a;
    while k < doc.tokens.len()
        && k < a + 14
        && !matches!(doc.tok(k), "," | "." | ";" | "—" | "“" | "”" | "\"" | "(")
    {
        k += 1;
    }
    if k == a {
        return None;
    }
    let words: Vec<&str> = (a..k).map(|x| doc.tok(x)).collect();
    // An appositive is a noun phrase, not a prepositional or participial tail (`Project
    // Jonah, with 140 pilot whales …`).
    if matches!(
        words[0],
        "with"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "by"
            | "after"
            | "before"
            | "during"
            | "including"
            | "which"
            | "who"
            | "where"
            | "when"
    ) {
        return None;
    }
    let head_at = words
        .iter()
        .take(6)
        .position(|w| lexicon::is_title_word(w))?;
    // The words before the title word must be a determiner or modifiers, not a clause, and
    // after it only a prepositional tail (`of electrical engineering for Con Edison`).
    let verbish = |w: &&str| {
        lexicon::is_speech_verb(w)
            || matches!(*w, "who" | "which" | "was" | "is" | "has" | "had")
            || (w.len() > 3 && w.ends_with("ed") && w.chars().all(|c| c.is_lowercase()))
    };
    if words[..head_at].iter().any(verbish) || words[head_at + 1..].iter().any(verbish) {
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
    use crate::annotate;

    /// The speaker's name and the source phrase of each quote, in order.
    fn speakers(t: &str) -> Vec<(Option<String>, Option<String>)> {
        let a = annotate(t);
        a.quotes
            .iter()
            .map(|q| {
                let name = q
                    .speaker
                    .as_ref()
                    .and_then(|id| a.entities.iter().find(|e| &e.id == id))
                    .map(|e| e.name.clone());
                (name, q.source.as_ref().map(|p| p.text.clone()))
            })
            .collect()
    }

    #[test]
    fn names_with_initials_particles_and_suffixes() {
        let t = "“The plan costs $9 trillion,” said C. Eugene Steuerle, a fellow at the Urban Institute. \
                 “It is fair,” William G. Gale said. Janet L. Yellen said the economy was strong. \
                 “We shall overcome,” Martin Luther King Jr. said in 1965. Ursula von der Leyen said Europe was ready.";
        let names: Vec<Option<String>> = speakers(t).into_iter().map(|(n, _)| n).collect();
        let want = [
            "C. Eugene Steuerle",
            "William G. Gale",
            "Janet L. Yellen",
            "Martin Luther King Jr",
            "Ursula von der Leyen",
        ];
        assert_eq!(
            names,
            want.iter().map(|w| Some(w.to_string())).collect::<Vec<_>>()
        );
    }

    #[test]
    fn descriptions_refer_back() {
        let t = "The Washington Post reported that the deal was off. The daily said it had seen the documents. \
                 The influential US daily said the talks had failed.";
        assert_eq!(speakers(t)[1].0.as_deref(), Some("Washington Post"));
        assert_eq!(speakers(t)[2].0.as_deref(), Some("Washington Post"));
        let t = "The Press Council is concerned. The media union is adamant the law must change.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("media union"));
        let t = "Senator Jane Ruiz spoke first. The 63-year-old senator said the bill would pass.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("Jane Ruiz"));
    }

    #[test]
    fn unnamed_sources_keep_their_phrase() {
        let t = "Islamist politicians have acknowledged that they did not see the threat. “It was a mistake,” a spokeswoman said.";
        assert_eq!(
            speakers(t),
            vec![
                (None, Some("Islamist politicians".into())),
                (None, Some("a spokeswoman".into()))
            ]
        );
    }

    #[test]
    fn a_continued_quote_shares_the_source_phrase() {
        let t = "“We are ready,” the mayor said. “And we will stay ready for as long as it takes.”";
        let s = speakers(t);
        assert_eq!(s[1].1, s[0].1);
        assert_eq!(s[0].1.as_deref(), Some("the mayor"));
    }

    #[test]
    fn plain_subjects_participles_and_signed_quotes() {
        let t = "“We will win,” Trump said, adding later, “The polls are wrong.”\n\n\
                 “It is a disgrace to the country we love.” ― Carlos Raúl\n\n\
                 The Clinton campaign said the controversy had been orchestrated. \
                 “Subpoenas are not optional,” Rep. Jason Chaffetz (R-Utah) said.";
        let s = speakers(t);
        assert_eq!(s[1].0.as_deref(), Some("Trump"), "{s:?}");
        assert_eq!(s[2].0.as_deref(), Some("Carlos Raúl"), "{s:?}");
        assert_eq!(s[3].1.as_deref(), Some("The Clinton campaign"), "{s:?}");
        assert_eq!(s[4].0.as_deref(), Some("Jason Chaffetz"), "{s:?}");
    }

    #[test]
    fn one_entity_per_referent_with_title() {
        let t = "Pentagon press secretary John Kirby said the talks failed badly. “We tried,” Kirby said. \
                 “We will try again,” Mr. Kirby added. “It is hard,” he said.";
        let a = annotate(t);
        let kirby: Vec<_> = a
            .entities
            .iter()
            .filter(|e| e.name.contains("Kirby"))
            .collect();
        assert_eq!(kirby.len(), 1, "{:#?}", a.entities);
        assert_eq!(kirby[0].name, "John Kirby");
        assert_eq!(kirby[0].title.as_deref(), Some("Pentagon press secretary"));
        assert!(
            a.quotes
                .iter()
                .all(|q| q.speaker.as_deref() == Some(kirby[0].id.as_str())),
            "{:#?}",
            a.quotes
        );
    }

    #[test]
    fn appositive_title_and_inverted_cue() {
        let t = "“It’s not safe,” said Patrick McHugh, vice president of electrical engineering for Con Edison.";
        let a = annotate(t);
        assert_eq!(a.entities[0].name, "Patrick McHugh");
        assert_eq!(
            a.entities[0].title.as_deref(),
            Some("vice president of electrical engineering for Con Edison")
        );
    }

    #[test]
    fn continuation_paragraph_keeps_the_speaker() {
        let t = "“Man’s greed is hurting the whales,” says Hori Parata, an elder of the tribe.\n\n\
                 “We’re having to put up with a lot of stuff today. We feel that is ridiculous.”";
        let a = annotate(t);
        assert_eq!(a.quotes.len(), 2);
        assert_eq!(a.quotes[0].speaker, a.quotes[1].speaker);
        assert!(a.quotes[0].speaker.is_some());
    }

    #[test]
    fn pronouns_agree_with_honorifics() {
        let t =
            "Mrs. Ada Lovelace met Mr. Charles Babbage on Monday. She said the engine would work.";
        let a = annotate(t);
        let q = &a.quotes[0];
        let who = a
            .entities
            .iter()
            .find(|e| Some(&e.id) == q.speaker.as_ref())
            .unwrap();
        assert_eq!(who.name, "Ada Lovelace");
    }

    #[test]
    fn anonymous_sources_have_no_speaker() {
        let a = annotate("The talks are over, a senior political source told Reuters.");
        assert_eq!(a.quotes.len(), 1, "{:#?}", a.quotes);
        assert_eq!(a.quotes[0].speaker, None);
    }
}
