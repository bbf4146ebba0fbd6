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
use crate::quotes::{is_group_noun, is_spokesperson, serves, RawQuote, Source};
use crate::segment::{Document, TokKind};
use crate::types::{Cue, Entity, EntityKind, Phrase, Quote, Span};

mod mentions;
pub(crate) use mentions::ORG_NOUNS;
mod names;

use mentions::*;
use names::*;

/// Does the name end with the head word of a law or a treaty (`the British Bill`, `the
/// Affordable Care Act`, `the Paris Agreement`)?
fn names_a_law(doc: &Document, span: Span) -> bool {
    doc.slice(span).split_whitespace().last().is_some_and(|w| {
        matches!(
            w,
            "Bill"
                | "Act"
                | "Law"
                | "Amendment"
                | "Treaty"
                | "Accord"
                | "Agreement"
                | "Constitution"
        )
    })
}

pub struct Resolved {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
}

pub fn resolve(doc: &Document, raw: &[RawQuote]) -> Resolved {
    let speakers = speakers(doc, raw);
    let quotes = (0..speakers.quotes.len())
        .map(|i| speakers.quote(doc, i))
        .collect();
    Resolved {
        entities: speakers.entities,
        quotes,
    }
}

/// What [`resolve`] finds, with the quotes as spans and indices rather than [`Quote`]s: each
/// is written out by [`Speakers::quote`] when it is needed, so that a caller that streams
/// its output never holds every quote's text at once.
pub struct Speakers {
    pub entities: Vec<Entity>,
    pub(crate) quotes: Vec<SpeakerQuote>,
}

/// A resolved quote: byte offsets (below `u32::MAX`: see [`crate::segment::MAX_INPUT`]),
/// [`NONE`] for absent spans and speakers.
#[derive(Clone, Copy)]
pub(crate) struct SpeakerQuote {
    pub(crate) start: u32,
    pub(crate) end: u32,
    cue: (u32, u32),
    source: (u32, u32),
    /// Index of the speaker in `Speakers::entities`.
    speaker: u32,
    confidence: f32,
    pub(crate) kind: crate::types::QuoteKind,
}

const NONE: u32 = u32::MAX;

impl crate::claims::QuoteLike for SpeakerQuote {
    fn start(&self) -> usize {
        self.start as usize
    }
    fn end(&self) -> usize {
        self.end as usize
    }
    fn is_direct(&self) -> bool {
        self.kind == crate::types::QuoteKind::Direct
    }
    fn id(&self, index: usize) -> String {
        crate::json::numbered('q', index + 1)
    }
}

fn pack(s: Option<Span>) -> (u32, u32) {
    s.map_or((NONE, NONE), |s| (s.start as u32, s.end as u32))
}

fn unpack(s: (u32, u32)) -> Option<Span> {
    (s.0 != NONE).then(|| Span::new(s.0 as usize, s.1 as usize))
}

impl Speakers {
    pub fn len(&self) -> usize {
        self.quotes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.quotes.is_empty()
    }

    /// Quote `i` (`q{i + 1}`), as [`resolve`] gives it.
    pub fn quote(&self, doc: &Document, i: usize) -> Quote {
        let q = &self.quotes[i];
        let span = Span::new(q.start as usize, q.end as usize);
        Quote {
            id: crate::json::numbered('q', i + 1),
            start: span.start,
            end: span.end,
            text: doc.slice(span).to_string(),
            kind: q.kind,
            speaker: (q.speaker != NONE).then(|| self.entities[q.speaker as usize].id.clone()),
            source: unpack(q.source).map(|s| Phrase {
                start: s.start,
                end: s.end,
                text: doc.slice(s).to_string(),
            }),
            cue: unpack(q.cue).map(|c| Cue {
                start: c.start,
                end: c.end,
                text: doc.slice(c).to_string(),
            }),
            confidence: q.confidence,
        }
    }

    /// Quote `i` as [`Speakers::quote`] gives it, borrowed from the text and the entities but
    /// for its id, written into `id` (a buffer the caller reuses from quote to quote).
    pub(crate) fn quote_view<'s>(
        &'s self,
        doc: &Document<'s>,
        i: usize,
        id: &'s mut String,
    ) -> crate::json::QuoteView<'s> {
        let q = &self.quotes[i];
        id.clear();
        id.push('q');
        crate::json::push_uint(id, i + 1);
        let with_text = |s: Span| (s, doc.slice(s));
        crate::json::QuoteView {
            id,
            span: Span::new(q.start as usize, q.end as usize),
            text: doc.slice(Span::new(q.start as usize, q.end as usize)),
            kind: q.kind,
            speaker: (q.speaker != NONE).then(|| self.entities[q.speaker as usize].id.as_str()),
            source: unpack(q.source).map(with_text),
            cue: unpack(q.cue).map(with_text),
            confidence: q.confidence,
        }
    }

    /// Each quote's speaker id and source phrase, as [`crate::types::summarize_sources`]
    /// reads them.
    pub fn sources<'s, 'a: 's>(
        &'s self,
        doc: &'s Document<'a>,
    ) -> impl Iterator<Item = (Option<&'s str>, Option<&'a str>)> + 's {
        self.quotes.iter().map(move |q| {
            (
                (q.speaker != NONE).then(|| self.entities[q.speaker as usize].id.as_str()),
                unpack(q.source).map(|s| doc.slice(s)),
            )
        })
    }
}

/// [`resolve`], with the quotes kept as spans ([`Speakers`]).
pub fn speakers(doc: &Document, raw: &[RawQuote]) -> Speakers {
    // The name runs, read as the walk reaches them; `window` keeps those already read that
    // a later source phrase may still overlap (a phrase starts at or after its quote's place
    // in the walk order, and runs come in order, so older ones are dropped from the front).
    let mut runs = NameRuns::new(doc).peekable();
    let mut window: std::collections::VecDeque<NameRun> = Default::default();
    let mut b = Builder::new(doc);

    // Walk names and quote sources in text order.
    let mut last_speaker: Option<usize> = None;
    let mut order: Vec<usize> = (0..raw.len()).collect();
    // Sources are resolved at their own position (the cue may come after the quote).
    let src_pos = |q: &RawQuote| match q.source {
        Source::Phrase(s) => s.start,
        _ => q.span.start,
    };
    crate::sort::by_key(&mut order, |&i| {
        (src_pos(&raw[i]).min(raw[i].span.start), i)
    });
    let mut speakers: Vec<Option<usize>> = vec![None; raw.len()];
    // Each quote's source phrase as written (a continued quote shares its predecessor's).
    let mut phrases: Vec<Option<Span>> = vec![None; raw.len()];
    let mut last_phrase: Option<Span> = None;
    for &qi in &order {
        let q = &raw[qi];
        let pos = src_pos(q);
        let key = pos.min(q.span.start);
        while window.front().is_some_and(|r| r.span().end <= key) {
            window.pop_front();
        }
        while let Some(r) = runs.next_if(|r| r.span().start < pos) {
            b.mention_run(&r, false);
            window.push_back(r);
        }
        let speaker = match q.source {
            Source::Phrase(s) => {
                // `Obama administration officials`: a group named after someone is the
                // group, not the person.
                // (The head may stand before a modifier: `Organizers of the push to boycott
                // Trump's AIPAC speech`, `Supporters who have heard from the campaign`.)
                let a = doc.token_at_or_after(s.start);
                let z = doc.tokens_before(s.end);
                // (`Advisers to Mr. Obama`: whom a group works for follows `to` or `for`; but
                // `a spokesman for YouTube` is YouTube speaking, see `title_of`.)
                let head_end = (a + 1..z)
                    .find(|&k| {
                        let w = doc.tok_bytes(k);
                        matches!(
                            w,
                            b"of" | b"in" | b"with" | b"from" | b"at" | b"who" | b"that" | b"which"
                        ) || (matches!(w, b"to" | b"for") && !is_spokesperson(doc.tok(k - 1)))
                    })
                    .unwrap_or(z);
                let group = head_end > 0
                    && (doc.is(head_end - 1, lexicon::LEX_GROUP_NOUN)
                        || is_plain_plural(doc.tok(head_end - 1)));
                // Let runs inside the phrase register first, as evidence they are a source.
                let mut hit = None;
                // A name that only modifies the phrase's title (`the Vermont senator`).
                let mut modifier = None;
                while let Some(r) = runs.next_if(|r| r.span().start < s.end) {
                    b.mention_run(&r, s.overlaps(r.span()) && !group);
                    window.push_back(r);
                }
                // Every run in the phrase, also ones already seen for an earlier quote
                // with the same source (`A, according to X, B`).
                let first = window.partition_point(|r| r.span().end <= s.start);
                for r in window.range(first..).take_while(|r| r.span().start < s.end) {
                    // Laws never speak: `the explanatory notes of the British Bill`.
                    if names_a_law(doc, r.span()) {
                        continue;
                    }
                    // A person is not their organisation: `Tasos Georgelis of the city's
                    // Department of Environmental Protection` is Georgelis; `the CEO of
                    // Hewlett-Packard` is not Hewlett-Packard.
                    // (A run's span is that of its tokens: no search for them.)
                    let at = r.tokens().start;
                    // (Before the honorific or title, if any: `aides to Mr. Obama`.)
                    let mut t = at;
                    while t > a
                        && doc.is(t - 1, lexicon::LEX_HONORIFIC | lexicon::LEX_PRE_NAME_TITLE)
                    {
                        t -= 1;
                    }
                    if t > 0 && title_of(doc, t - 1, a) {
                        continue;
                    }
                    // A name before the lowercase title that heads the phrase modifies it:
                    // `the Vermont senator` is a senator, not Vermont; `the Clinton campaign
                    // manager` is not Clinton.
                    // (The title within a few words after the name: the test stays bounded
                    // however long the phrase.)
                    let after = r.tokens().end;
                    let near = after..z.min(after + 4);
                    if near
                        .clone()
                        .any(|k| doc.is(k, lexicon::LEX_TITLE_WORD) && doc.starts_lower(k))
                        && !near
                            .into_iter()
                            .any(|k| matches!(doc.tok_bytes(k), b"," | b"of" | b"and"))
                    {
                        modifier = Some(r.span());
                        continue;
                    }
                    if hit.is_some()
                        && (at.saturating_sub(3)..at).any(|k| {
                            matches!(doc.tok_bytes(k), b"of" | b"at" | b"for" | b"from" | b"with")
                        })
                    {
                        break;
                    }
                    if let Some(e) = b.find_entity_of_run(r) {
                        hit = Some(e);
                    }
                }
                if group {
                    b.resolve_phrase(s)
                } else if hit.is_some() {
                    hit
                } else {
                    // (`the Florida senator` is no senator whose title or name leaves Florida
                    // out: not the latest senator if that is the Vermont one.)
                    b.resolve_phrase(s).filter(|&e| {
                        modifier.is_none_or(|m| {
                            let m = crate::case::to_lowercase(strip_possessive(doc.slice(m)));
                            let ent = &b.entities[e];
                            let has = |t: &str| crate::case::to_lowercase(t).contains(m.as_str());
                            has(&ent.name) || ent.title.as_deref().is_some_and(has)
                        })
                    })
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
            phrases[qi] = Some(crate::quotes::with_determiner(doc, s));
        }
        if q.kind == crate::types::QuoteKind::Direct {
            b.last_quote = speaker.map(|e| (q.span, e));
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
        // `Sandy Phillips, who lost her daughter …, said`: the relative pronoun that is the
        // verb's subject is a mention of its antecedent, as `he` would be.
        if let (Some(e), Source::Phrase(s), Some(cue)) = (speaker, q.source, q.cue) {
            if let Some(who) = relative_subject(doc, s, cue) {
                b.push_mention(e, who);
            }
        }
        speakers[qi] = speaker;
    }
    for r in runs {
        b.mention_run(&r, false);
    }
    // Only the entities are needed from here on: the runs and the look-up structures go.
    drop(window);
    let entities = b.into_entities();

    // Keep entities that speak or that the text describes with strong evidence.
    let speaking: Vec<bool> = {
        let mut v = vec![false; entities.len()];
        for s in speakers.iter().flatten() {
            v[*s] = true;
        }
        v
    };
    let keep: Vec<bool> = (0..entities.len())
        .map(|i| speaking[i] || entities[i].title.is_some() || entities[i].mentions.len() > 1)
        .collect();
    // Each span is a mention of one entity (the first that claimed it), and an entity's
    // mentions do not overlap (`Obama` inside `Obama administration officials` is one).
    // (Every kept mention with its place in `owners`, the kept entities' mentions one after
    // another, sorted: the first entity of each span owns it. Each mention's owner is found
    // in one pass over the sorted list, not by a search per mention.)
    let mut owners: Vec<u32> = Vec::new();
    let mut claimed: Vec<(u32, u32, u32)> = Vec::new();
    // (Whether no mention ends before it starts: then the order by start and end is the
    // order by start and length, and lengths are short. The radix sort passes over the
    // bytes in which no two keys differ: four passes, where start and end took six.)
    let mut forward = true;
    for (i, e) in entities.iter().enumerate().filter(|&(i, _)| keep[i]) {
        for m in &e.mentions {
            forward &= m.end >= m.start;
            claimed.push((m.start as u32, m.end as u32, owners.len() as u32));
            owners.push(i as u32);
        }
    }
    let second = |s: u32, e: u32| if forward { e.wrapping_sub(s) } else { e };
    // (The third field rises in the order of the list: a stable sort by position is the
    // sort by all three.)
    crate::sort::by_u64_key(&mut claimed, |&(s, e, _)| {
        u64::from(s) << 32 | u64::from(second(s, e))
    });
    for same in claimed.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        let first = owners[same[0].2 as usize];
        for c in &same[1..] {
            owners[c.2 as usize] = first;
        }
    }
    drop(claimed);
    let mut kept: Vec<(usize, Entity)> = Vec::new();
    // (For each entity, the first other entity that claimed one of its mentions.)
    let mut claimed_by: Vec<Option<usize>> = vec![None; keep.len()];
    let mut at = 0;
    for (i, mut e) in entities.into_iter().enumerate() {
        if !keep[i] {
            continue;
        }
        let own = &owners[at..at + e.mentions.len()];
        at += own.len();
        claimed_by[i] = own.iter().map(|&o| o as usize).find(|&o| o != i);
        let mut k = 0;
        e.mentions.retain(|_| {
            k += 1;
            own[k - 1] as usize == i
        });
        crate::sort::by_key(&mut e.mentions, |m| (m.start, std::cmp::Reverse(m.end)));
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
    drop(owners);
    // (Ties in position keep the entities' order.)
    let mut all: Vec<(u32, std::cmp::Reverse<u32>, u32)> = kept
        .iter()
        .enumerate()
        .flat_map(|(k, (_, e))| {
            e.mentions
                .iter()
                .map(move |m| (m.start as u32, std::cmp::Reverse(m.end as u32), k as u32))
        })
        .collect();
    // (The mentions are some of those sorted above: `forward` holds of them too.)
    crate::sort::by_u64_key(&mut all, |&(s, std::cmp::Reverse(e), _)| {
        u64::from(s) << 32 | u64::from(!second(s, e))
    });
    // (Each dropped mention keeps the entity whose mention covered it.)
    let mut dropped: Vec<(usize, Span, usize)> = Vec::new();
    let mut reach: Option<(Span, usize)> = None;
    for (start, std::cmp::Reverse(end), k) in all {
        let m = Span::new(start as usize, end as usize);
        match reach {
            Some((r, w)) if m.start < r.end => dropped.push((k as usize, m, w)),
            _ => reach = Some((m, k as usize)),
        }
    }
    // (One pass per entity that loses mentions: an entity's mentions are distinct.)
    crate::sort::by_key(&mut dropped, |&(k, m, _)| (k, m.start, m.end));
    let mut heir: Vec<Option<usize>> = vec![None; kept.len()];
    for group in dropped.chunk_by(|x, y| x.0 == y.0) {
        // (The group is sorted by position: a binary search, and no hash set type of its own
        // in the wasm.)
        kept[group[0].0].1.mentions.retain(|x| {
            group
                .binary_search_by_key(&(x.start, x.end), |&(_, m, _)| (m.start, m.end))
                .is_err()
        });
        heir[group[0].0] = Some(group[0].2);
    }
    // A speaker all of whose mentions lie inside another entity's longer ones, or were
    // claimed by another entity for the same words, is that entity: every entity keeps at
    // least one mention.
    let alias: Vec<(usize, usize)> = kept
        .iter()
        .enumerate()
        .filter(|(_, (i, e))| e.mentions.is_empty() && speaking[*i])
        .filter_map(|(pos, (i, _))| {
            heir[pos]
                .map(|w| kept[w].0)
                .or(claimed_by[*i])
                .map(|w| (*i, w))
        })
        .collect();
    kept.retain(|(i, e)| {
        !e.mentions.is_empty() || (speaking[*i] && !alias.iter().any(|a| a.0 == *i))
    });
    // Ids in order of first mention.
    crate::sort::by_key(&mut kept, |(_, e)| {
        e.mentions.first().map_or(usize::MAX, |m| m.start)
    });
    let mut new_index = vec![NONE; keep.len()];
    let mut entities = Vec::new();
    for (i, mut e) in kept {
        new_index[i] = entities.len() as u32;
        e.id = crate::json::numbered('e', entities.len() + 1);
        entities.push(e);
    }
    for &(loser, winner) in &alias {
        new_index[loser] = new_index[winner];
    }
    let quotes = raw
        .iter()
        .enumerate()
        .map(|(i, q)| SpeakerQuote {
            start: q.span.start as u32,
            end: q.span.end as u32,
            cue: pack(q.cue),
            source: pack(phrases[i]),
            speaker: speakers[i].map_or(NONE, |s| new_index[s]),
            confidence: q.confidence,
            kind: q.kind,
        })
        .collect();
    Speakers { entities, quotes }
}

/// The relative pronoun right after a source phrase that ends before its cue (`X, who …
/// said`, `X who said`), if any.
fn relative_subject(doc: &Document, s: Span, cue: Span) -> Option<Span> {
    if cue.start < s.end {
        return None;
    }
    let mut k = doc.token_at_or_after(s.end);
    if k < doc.tokens.len() && doc.tok_is(k, ",") {
        k += 1;
    }
    (k < doc.tokens.len()
        && matches!(doc.tok_bytes(k), b"who" | b"which")
        && doc.tokens[k].span().end <= cue.start)
        .then(|| doc.tokens[k].span())
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
            .any(|c| !(c.is_whitespace() || crate::quotes::marks::one_of("\"“”„«»‘’'‹›", c)))
    {
        return None;
    }
    let prev = doc.paragraphs[pi - 1];
    if doc.slice(prev).contains(['“', '”', '"', '«', '»']) {
        return None;
    }
    // The mentions starting in that paragraph (the only ones it can contain).
    let log = &b.mention_log;
    let from = log.partition_point(|m| (m.0 as usize) < prev.start);
    log[from..]
        .iter()
        .take_while(|m| m.0 as usize <= prev.end)
        .map(|&(s, e, ent)| (Span::new(s as usize, e as usize), ent as usize))
        .filter(|&(m, ent)| b.person[ent] && prev.contains(m))
        .map(|(m, ent)| (m.start, ent))
        .max()
        .map(|(_, e)| e)
}

#[cfg(test)]
mod tests {
    use crate::annotate;

    /// The contract: every entity keeps a mention, and every quote's speaker is an entity.
    fn every_speaker_has_a_mention(a: &crate::Annotations) {
        assert!(
            a.entities.iter().all(|e| !e.mentions.is_empty()),
            "{:?}",
            a.entities
        );
        for q in &a.quotes {
            if let Some(sp) = &q.speaker {
                assert!(a.entities.iter().any(|e| &e.id == sp), "{sp}");
            }
        }
    }

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
    fn a_bare_surname_before_the_full_name_joins_it() {
        // A one-word source with no title is taken for an organisation until its full name
        // shows it is a person.
        let a = annotate(
            "O'Neill said the officers acted within the rules. Police Commissioner James \
             O'Neill told reporters that the department would review the case. “We will look \
             at every second of the video,” O'Neill said.",
        );
        assert_eq!(a.entities.len(), 1, "{:?}", a.entities);
        assert_eq!(a.entities[0].name, "James O'Neill");
        assert_eq!(a.entities[0].kind, crate::types::EntityKind::Person);
        assert!(a.quotes.iter().all(|q| q.speaker == a.quotes[0].speaker));
    }

    #[test]
    fn a_letter_with_a_diacritic_is_the_plain_one_in_a_name() {
        let a = annotate(
            "French President François Hollande said the remarks were sickening. “France will \
             always be France,” Francois Hollande said.",
        );
        assert_eq!(a.entities.len(), 1, "{:?}", a.entities);
        assert_eq!(a.quotes[0].speaker, a.quotes[1].speaker);
    }

    #[test]
    fn a_title_case_headline_splits_at_its_common_words() {
        // `Says` and `Wants` are not part of a name, though capitalised: the article writes
        // `wants` in lowercase, and `says` is a reporting verb.
        let sp = speakers(
            "Hillary Clinton Says Trump Wants A Wall\n\nThe candidate wants a debate. \
             Of course, Clinton said, “I did know him.” Her husband, Bill Clinton, agreed.",
        );
        assert_eq!(sp[0].0.as_deref(), Some("Hillary Clinton"));
        assert_eq!(sp[1].0.as_deref(), Some("Hillary Clinton"));
        // A party adjective before a title is no name: the phrase stays unresolved.
        let a = annotate("The Democratic presidential candidate said the plan was bad.");
        assert!(
            a.entities.iter().all(|e| e.name != "Democratic"),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn a_title_of_an_organisation_is_a_person_not_the_organisation() {
        let a = annotate(
            "Carly Fiorina, the former CEO of Hewlett-Packard, said the plan would fail. The CEO \
             of Hewlett-Packard said it would fail badly. The head of the agency said it was true.",
        );
        let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Hewlett-Packard"), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| n.starts_with("of ") || n.starts_with("head")),
            "{names:?}"
        );
        assert_eq!(a.quotes[1].speaker, None);
        assert_eq!(a.quotes[2].speaker, None);
    }

    #[test]
    fn a_title_keeps_its_modifiers() {
        let a = annotate(
            "Clinton campaign manager Robby Mook said the plan was bad. Trump senior \
             communications adviser Jason Miller said it was good.",
        );
        let titles: Vec<Option<&str>> = a.entities.iter().map(|e| e.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                Some("Clinton campaign manager"),
                Some("Trump senior communications adviser")
            ]
        );
    }

    #[test]
    fn a_possessive_ends_a_name() {
        let a = annotate(
            "Secretary Hillary Clinton gave a speech. The plan was in Mrs. Clinton's N.Y.U. \
             speech, CNN's Gloria Borger said. Clinton said the plan would work.",
        );
        let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Hillary Clinton"), "{names:?}");
        assert!(names.contains(&"Gloria Borger"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("'s ")), "{names:?}");
    }

    #[test]
    fn a_relative_pronoun_subject_is_a_mention_of_its_antecedent() {
        let t = "Sandy Phillips, who lost her daughter in Aurora, said the law had failed.";
        let a = annotate(t);
        let e = &a.entities[0];
        assert_eq!(e.name, "Sandy Phillips");
        assert_eq!(a.quotes[0].speaker.as_deref(), Some(e.id.as_str()));
        let words: Vec<&str> = e.mentions.iter().map(|m| &t[m.start..m.end]).collect();
        assert_eq!(words, ["Sandy Phillips", "who"]);
        every_speaker_has_a_mention(&a);
    }

    #[test]
    fn an_acronym_is_the_organisation_it_abbreviates() {
        let sp = speakers(
            "The International Monetary Fund announced Tuesday that it is lowering its forecast. \
             The IMF said that growth was weak. “The economy is weak,” the IMF said in its report.",
        );
        assert!(
            sp.iter()
                .all(|s| s.0.as_deref() == Some("International Monetary Fund")),
            "{sp:?}"
        );
        use super::mentions::{acronym, initials};
        assert_eq!(initials("Federal Bureau of Investigation"), acronym("FBI"));
        assert!(acronym("FBI").is_some());
        assert_eq!(initials("Fund"), None);
        assert_eq!(acronym("Fund"), None);
        assert_ne!(initials("International Monetary Fund"), acronym("IFM"));
    }

    #[test]
    fn a_curly_apostrophe_in_a_name_is_the_straight_one() {
        let a = annotate(
            "Police Commissioner James O'Neill said the blast was intentional. O’Neill said \
             the city was safe.",
        );
        assert_eq!(a.entities.len(), 1, "{:?}", a.entities);
        assert_eq!(a.quotes[0].speaker, a.quotes[1].speaker);
    }

    #[test]
    fn a_month_after_a_name_is_its_surname_and_a_possessive_is_no_part_of_a_name() {
        let sp = speakers(
            "British Prime Minister Theresa May said the deal was dead. \
             Donald Trump’s campaign said the plan was final. Donald Trump said so.",
        );
        assert_eq!(sp[0].0.as_deref(), Some("Theresa May"));
        assert_eq!(sp[1].0.as_deref(), Some("Donald Trump"));
    }

    #[test]
    fn a_speaker_whose_words_another_entity_claimed_is_that_entity() {
        // (Found by the proptest `article_like_text_keeps_the_contract`: `e2` spoke with no
        // mention left, its only one claimed by `e1` for the same words.)
        every_speaker_has_a_mention(&annotate(
            "Pentagon press secretary John Kirby Kirby Kirby ‹ John Kirby officials said We are \
             ready Kirby ",
        ));
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
        // An honorific after a word that is no title starts another name.
        let t = "Linus Torvalds spoke. “It is a problem,” said Mr Torvalds. \
                 Commenting Mr Macklin said the plan was sound.";
        let names: Vec<Option<String>> = speakers(t).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names[0].as_deref(), Some("Linus Torvalds"), "{names:?}");
        assert_eq!(names[1].as_deref(), Some("Macklin"), "{names:?}");
        // An initial never joins a name across a line break (a stray line of scraped copy).
        let t =
            "Markets fell.\n\nX.\n\nDonald Trump claimed he would win. “It is big,” Trump said.";
        let names: Vec<Option<String>> = speakers(t).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                Some("Donald Trump".to_string()),
                Some("Donald Trump".to_string())
            ]
        );
    }

    #[test]
    fn he_after_a_quote_is_its_speaker_not_a_name_inside_it() {
        let t = "Coach Andy Robinson picked Jason Robinson as captain. Former captain Brian Moore \
                 told the BBC: “It is no reflection on Robinson personally.” He added: “The \
                 forwards must move.”";
        let got = speakers(t);
        assert_eq!(got[1].0.as_deref(), Some("Brian Moore"), "{got:?}");
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
        // After an inverted cue, a role or an age is the source (`said the champion`), and it
        // refers back to whom the story is about: the subject of the latest sentence with a
        // person in it, not whoever was named last.
        let t = "Jason Gardener won ahead of Germany's Marc Blume. \
                 “It is a hard record to break,” said the world indoor champion. \
                 John Terry will captain the side in place of the suspended Patrick Vieira. \
                 “We must win,” the striker said.";
        assert_eq!(
            speakers(t),
            [
                (
                    Some("Jason Gardener".into()),
                    Some("the world indoor champion".into())
                ),
                (Some("John Terry".into()), Some("the striker".into())),
            ]
        );
        // A role before a one-word surname makes a person of it; `Former` is no name word.
        let t = "Former Chelsea captain Desailly says the side is stronger. \
                 “They are stronger,” the 36-year-old said.";
        assert_eq!(speakers(t)[1].0.as_deref(), Some("Desailly"));
        let a = annotate(t);
        assert_eq!(a.entities.len(), 1, "{:?}", a.entities);
        assert_eq!(a.entities[0].kind, crate::EntityKind::Person);
        // An organisation's noun before a name makes it that organisation (`US magazine
        // Mobile PC`), which `the magazine` then refers back to; never across a line break.
        let t = "The laptop was chosen by US magazine Mobile PC. \
                 “We included only items that were mobile,” said the magazine.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("Mobile PC"));
        let t = "Finnan says Irish can win group\n\nSteve Finnan believes Ireland can qualify. \
                 “We can win,” said Finnan.";
        let a = annotate(t);
        assert_eq!(
            a.entities[0].kind,
            crate::EntityKind::Person,
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn the_officials_continue_the_group_named_before() {
        let t = "For days after a storm, Acme Power officials say, they deal with fires. \
                 To alleviate the threat, the officials said, the utility switched its covers. \
                 Company officials said the work would take a year.";
        let names: Vec<Option<String>> = speakers(t).into_iter().map(|(n, _)| n).collect();
        assert!(
            names.iter().all(|n| n.as_deref() == Some("Acme Power")),
            "{names:?}"
        );
        // `They` after a group source is that group.
        let t = "Obama administration officials said the sanctions would end. \
                 They said that Sudan had a long way to go.";
        assert_eq!(speakers(t)[1].0.as_deref(), Some("Obama administration"));
        // With no group named before, `the officials` and `they` stay unnamed.
        let t = "The officials said the work would take a year. They said it was hard.";
        assert_eq!(speakers(t)[0].0, None);
        assert_eq!(speakers(t)[1].0, None);
    }

    #[test]
    fn a_person_is_not_their_organisation_and_titles_keep_their_domain() {
        let t = "“The pipes expand,” said Tasos Georgelis of the city's Department of Environmental Protection. \
                 “We are ready,” said Secretary of State John Kerry.";
        let got = speakers(t);
        assert_eq!(got[0].0.as_deref(), Some("Tasos Georgelis"), "{got:?}");
        assert_eq!(got[1].0.as_deref(), Some("John Kerry"), "{got:?}");
    }

    #[test]
    fn a_speaker_whose_mentions_another_covers_is_that_entity() {
        // (Found by the CRLF property test: `Pentagon` speaks, but its only mention lies
        // inside a longer one; every entity must keep a mention.)
        let t = "John Kirby « Kirby » 👩\u{200d}👩\u{200d}👧, according to John Kirby the Pentagon A According to officials, the plan failed. John Kirby ";
        every_speaker_has_a_mention(&crate::annotate(t));
    }

    #[test]
    fn laws_never_speak() {
        let t = "There would be a code including — according to the explanatory notes of the British Bill — “provision to protect the confidentiality of sources”.";
        assert_eq!(speakers(t)[0].0, None);
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
    fn pronouns_agree_with_first_names() {
        // `she` is the woman named before, not the man named last; `he` the reverse.
        let t = "Hillary Clinton spoke in Ohio after Bernie Sanders left the stage. She said the \
                 plan would work. Susan Rice met Jeff Merkley. He said the vote was close.";
        assert_eq!(
            speakers(t),
            [
                (Some("Hillary Clinton".into()), Some("She".into())),
                (Some("Jeff Merkley".into()), Some("He".into())),
            ]
        );
        // A name of unknown sex still takes either pronoun.
        let t = "Senator Alex Ostrowski met Hillary Clinton. He said the vote was close.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("Alex Ostrowski"));
    }

    #[test]
    fn a_surname_finds_no_one_of_the_other_sex() {
        // `Mrs. Bush` is not George Bush; `Mr. Obama` is not Michelle Obama.
        let t = "Former President George Bush spoke first. The economy is strong, Mrs. Bush \
                 said. Michelle Obama spoke next. The vote matters, Mr. Obama said.";
        let sp = speakers(t);
        assert_eq!(sp.len(), 2, "{sp:?}");
        assert_eq!(sp[0].0.as_deref(), Some("Bush"));
        assert_eq!(sp[1].0.as_deref(), Some("Obama"));
    }

    #[test]
    fn a_surname_after_an_honorific_is_the_full_name_seen_before() {
        // `Tony Blair` and `Liam Fox` carry no evidence of a person where they stand (no
        // known first name, no title); the honorific later tells who they are.
        let t = "Tony Blair has apologised to two families. Mr Blair said: “I am very sorry.”                  Tory co-chairman Liam Fox was speaking later. Dr Fox said: “They lied.”";
        let sp = speakers(t);
        assert_eq!(
            sp.iter().map(|s| s.0.as_deref()).collect::<Vec<_>>(),
            [Some("Tony Blair"), Some("Liam Fox")]
        );
        // Not a name whose first name is of the other sex.
        let t = "Jane Smithers spoke first. The plan works, Mr. Smithers said.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("Smithers"));
    }

    #[test]
    fn a_party_or_nationality_before_a_first_name_is_not_part_of_the_name() {
        let t = "A super PAC will hammer Democrat Hillary Clinton with ads. She said the ads \
                 would fail.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("Hillary Clinton"));
    }

    #[test]
    fn a_sentences_capital_alone_names_no_group() {
        let t = "Legal experts said the deal was void. Several senators said the deal would \
                 stand. Pentagon officials said the strike worked. U.S. officials said the \
                 talks had failed. Reports said the bank had been offered a stake.";
        assert_eq!(
            speakers(t)
                .iter()
                .map(|s| s.0.as_deref())
                .collect::<Vec<_>>(),
            [None, None, Some("Pentagon"), Some("U.S."), None]
        );
    }

    #[test]
    fn an_organisations_spokesman_speaks_for_it_whatever_the_article() {
        let t = "The meeting ended. “Nothing was decided,” an IAAF spokesman said.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("IAAF"));
    }

    #[test]
    fn with_no_person_named_a_pronoun_is_who_a_sentence_opened_with() {
        let t = "Holmes starts 2005\n\nKelly Holmes will start 2005 with a series of races. \
                 Holmes will make her first appearance in Glasgow. “I am still competitive,” \
                 she said.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("Kelly Holmes"));
        let t = "Actor Bruce Willis is suing Revolution Studios over an injury he said he \
                 suffered while filming.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("Bruce Willis"));
        // Its full form, seen before it.
        let t = "Olympic champion Hicham El Guerrouj will race in France. El Guerrouj won two \
                 titles last August. And he is aiming to break the world record, he said.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("Hicham El Guerrouj"));
        // Not past a sentence that opens with another name.
        let t = "Dylann Roof is accused of killing nine people. Sanders called her son her \
                 hero. “Hate destroys those who harbor it,” she said.";
        assert_eq!(speakers(t)[0].0, None);
    }

    #[test]
    fn an_office_with_its_domain_refers_back() {
        // `home`, `first`: words of an office, so the phrase is `the home secretary`.
        let t = "People could call their local officer under plans unveiled by David Blunkett. \
                 The home secretary said targets would be put in place.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("David Blunkett"));
        let t = "Nicola Sturgeon wrote to Mr McConnell on Tuesday. In a furious response, the \
                 first minister said his comments had been distorted.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("McConnell"));
    }

    #[test]
    fn a_nationality_names_no_one_and_may_describe_an_organisation() {
        let t = "On Monday Deutsche Bank put forward its own bid. The German bank said it \
                 had held friendly talks. German officials said the bid was welcome.";
        assert_eq!(
            speakers(t)
                .iter()
                .map(|s| s.0.as_deref())
                .collect::<Vec<_>>(),
            [Some("Deutsche Bank"), None]
        );
    }

    #[test]
    fn a_party_named_right_before_a_first_name_is_no_part_of_the_name() {
        let t = "Ed Balls spoke first. For the Lib Dems David Laws said: “The chancellor will \
                 tell us how the economy is doing,” he said.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("David Laws"));
    }

    #[test]
    fn a_partys_members_are_no_person() {
        // `Liberal Democrats` is no one `she` can be.
        let t = "The Liberal Democrats said it was misdirected. Sandra Gidley spoke later. \
                 She said her party would boost maternity pay.";
        let sp = speakers(t);
        assert_eq!(sp[0].0.as_deref(), Some("Liberal Democrats"));
        assert_eq!(sp[1].0.as_deref(), Some("Sandra Gidley"), "{sp:?}");
    }

    #[test]
    fn a_preposition_opening_a_sentence_is_not_part_of_a_name() {
        let t = "Beneath Clinton's wins lie signs of trouble. The turnout fell, Mrs. Clinton said.";
        assert_eq!(speakers(t)[0].0.as_deref(), Some("Clinton"));
    }

    #[test]
    fn a_name_in_running_text_cuts_a_headline_run_to_the_name() {
        // The headline's run holds more than the name; running text says where it ends.
        let t = "Maria Lopez Blasts Acme Bank Chief: ‘You Should Resign.’\n\n\
                 Sen. Maria Lopez grilled the bank's chief executive on Tuesday. \
                 “You should resign,” Lopez said.";
        let sp = speakers(t);
        assert_eq!(sp.len(), 2, "{sp:?}");
        assert!(
            sp.iter().all(|s| s.0.as_deref() == Some("Maria Lopez")),
            "{sp:?}"
        );
    }

    #[test]
    fn a_title_word_after_a_first_name_or_an_honorific_is_a_surname() {
        let t = "“Turnout matters,” said Charlie King, a Democrat. “We will win,” Mr. King said. \
                 “We agree,” said Amy Pope, a White House aide.";
        let sp = speakers(t);
        assert_eq!(
            sp.iter().map(|s| s.0.as_deref()).collect::<Vec<_>>(),
            [Some("Charlie King"), Some("Charlie King"), Some("Amy Pope")]
        );
    }

    #[test]
    fn a_role_for_someone_is_not_them_but_a_spokesman_speaks_for_them() {
        let t = "Senator Mark Rubio spoke in Iowa. Advisers to Mr. Rubio said the race was close. \
                 Later, an aide to Mr. Rubio said the polls were wrong. A spokesman for Mr. Rubio \
                 said the senator would stay in the race.";
        let sp = speakers(t);
        assert_eq!(
            sp.iter().map(|s| s.0.as_deref()).collect::<Vec<_>>(),
            [None, None, Some("Mark Rubio")],
            "{sp:?}"
        );
        assert_eq!(sp[0].1.as_deref(), Some("Advisers to Mr. Rubio"));
        assert_eq!(sp[1].1.as_deref(), Some("an aide to Mr. Rubio"));
    }

    #[test]
    fn a_name_that_modifies_a_title_is_not_the_speaker() {
        // Vermont did not speak, nor did Hillary Clinton; and the latest senator is not the
        // Vermont senator unless the text says so.
        let t =
            "Florida Senator Marco Rubio spoke first. The plan works, the Vermont senator said. \
                 Hillary Clinton spoke next. The plan fails, the Clinton campaign manager said. \
                 The vote was close, the Florida senator said.";
        let sp = speakers(t);
        assert_eq!(
            sp.iter().map(|s| s.0.as_deref()).collect::<Vec<_>>(),
            [None, None, Some("Marco Rubio")],
            "{sp:?}"
        );
    }

    #[test]
    fn anonymous_sources_have_no_speaker() {
        let a = annotate("The talks are over, a senior political source told Reuters.");
        assert_eq!(a.quotes.len(), 1, "{:#?}", a.quotes);
        assert_eq!(a.quotes[0].speaker, None);
    }

    #[test]
    fn a_closing_cue_with_a_name_and_its_description_gives_the_person() {
        let t = "The vote was ineligible, Roberta Lange, the state party chairwoman, said. \
                 The campaign violated federal law, a spokeswoman, Anna Richardson White, said on Monday.";
        assert_eq!(
            speakers(t),
            [
                (
                    Some("Roberta Lange".into()),
                    Some("Roberta Lange, the state party chairwoman".into())
                ),
                (
                    Some("Anna Richardson White".into()),
                    Some("a spokeswoman, Anna Richardson White".into())
                ),
            ]
        );
    }

    #[test]
    fn a_long_unnamed_subject_is_the_source_phrase_and_names_nobody() {
        let t = "Organizers of the push to boycott Trump's AIPAC speech said they are worried. \
                 Again, 78 percent of voters in a recent poll said they think she is different. \
                 Again, those surveyed said Trump was best able to handle the issue.";
        assert_eq!(
            speakers(t),
            [
                (
                    None,
                    Some("Organizers of the push to boycott Trump's AIPAC speech".into())
                ),
                (None, Some("78 percent of voters in a recent poll".into())),
                (None, Some("those surveyed".into())),
            ]
        );
    }
}
