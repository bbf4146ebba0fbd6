//! Direct quotes: is a paired span speech, and which cue (before or after it) attaches
//! it to a source phrase? Titles, terms and scare quotes are turned away here.

#[allow(unused_imports)]
use super::*;

/// Verbs that, before `as “…”`, report how someone described a thing.
pub(crate) const DESCRIBING_VERBS: &[&str] = &[
    "attacked",
    "blasted",
    "branded",
    "cast",
    "casting",
    "casts",
    "characterised",
    "characterized",
    "condemned",
    "criticised",
    "criticized",
    "decried",
    "denounced",
    "derided",
    "describe",
    "described",
    "describes",
    "describing",
    "dismissed",
    "hailed",
    "labeled",
    "labelled",
    "mocked",
    "painted",
    "portrayed",
    "portrays",
    "praised",
    "recognised",
    "recognized",
    "regarded",
    "ridiculed",
    "saw",
    "seen",
    "sees",
    "slammed",
    "touted",
    "viewed",
    "views",
];

/// Words before a quoted span that make it a name, a title or a term, not speech.
pub(crate) const NAMING_WORDS: &[&str] = &[
    "as",
    "called",
    "coined",
    "dubbed",
    "entitled",
    "label",
    "labeled",
    "labelled",
    "named",
    "nicknamed",
    "phrase",
    "so-called",
    "term",
    "termed",
    "titled",
    "word",
    "words",
];

/// Nouns for a work whose title follows in quotation marks (`the film “Frozen”`, `his 2005
/// book “TrumpNation”`): the quoted span is its title, not speech. (Sorted: `in_list`.)
pub(crate) const WORK_NOUNS: &[&str] = &[
    "album",
    "anthem",
    "ballad",
    "book",
    "documentary",
    "episode",
    "film",
    "hashtag",
    "memoir",
    "movie",
    "musical",
    "novel",
    "opera",
    "play",
    "podcast",
    "poem",
    "sitcom",
    "song",
    "tune",
];

/// The words (tokens that are no punctuation) of span `s`, counted up to [`WORDS_COUNTED`]:
/// no caller asks about more, and a long quote's tokens are not all walked.
pub(crate) fn words_in(doc: &Document, s: Span) -> usize {
    // (The tokens from the first starting in `s` while they end in it: `tokens_before`'s
    // range without its search.)
    (doc.token_at_or_after(s.start)..doc.tokens.len())
        .take_while(|&i| doc.tokens[i].span().end <= s.end)
        .filter(|&i| doc.kind(i) != TokKind::Punct)
        .take(WORDS_COUNTED)
        .count()
}

/// Where [`words_in`] stops counting: one more than the largest count a caller tests (a
/// candidate quote of `quotes::find` has at most 12 words).
pub(crate) const WORDS_COUNTED: usize = 13;

/// `follows_quote`: a quote by someone was already found earlier in this paragraph, so a
/// quote with no cue of its own continues it (`“…,” Kirby said. “And we …”`).
pub(crate) fn classify_direct(
    doc: &Document,
    q: &QuotedSpan,
    follows_quote: bool,
    singles_primary: bool,
) -> Option<RawQuote> {
    let text = doc.text;
    // The comma before a closing mark belongs to the attribution (`“We are ready,” he
    // said`), not to what was said: the span ends before it.
    let mut content = q.content;
    let trimmed = text[content.start..content.end].trim_end_matches([',', ' ']);
    if !trimmed.is_empty() {
        content.end = content.start + trimmed.len();
    }
    let body = &text[q.content.start..q.content.end];
    let nwords = words_in(doc, content);
    if nwords == 0 {
        return None;
    }
    let last_char = body.trim_end().chars().next_back().unwrap_or(' ');
    let ends_like_speech = matches!(last_char, ',' | '.' | '!' | '?' | '…' | '—' | '-');

    // Words right before the opening mark that name a term rather than introduce speech.
    let before_tok = doc.tokens_before(q.open);
    let prev = before_tok.checked_sub(1);
    let prev_word = prev.map(|i| doc.tok(i)).unwrap_or("");
    let prev_is = |bit| prev.is_some_and(|i| doc.is(i, bit));
    let naming = prev_is(lexicon::LEX_NAMING_WORD);
    if prev_is(lexicon::LEX_WORK_NOUN) {
        return None;
    }
    // `what it called “a clear threat to …”`, `what multiple lawmakers called “fraud”`: a
    // naming verb after `what` and its subject gives that subject's words.
    if naming && matches!(prev_word, "called" | "calls" | "call" | "dubbed" | "termed") {
        let v = before_tok - 1;
        let si = doc.sentence_at(q.open)?;
        let first = doc.sentence(si).first;
        // (And a relative clause: `the massacre, which he called “…”`, `Bannon, who Beck
        // on Wednesday called “…”`.)
        let what = (v.saturating_sub(6).max(first)..v)
            .rev()
            .find(|&k| matches!(doc.tok_bytes(k), b"what" | b"which" | b"whom" | b"who"));
        if let Some(src) = what.and_then(|w| {
            if v == w + 2
                && matches!(
                    doc.tok_bytes(w + 1),
                    b"it" | b"they" | b"he" | b"she" | b"we"
                )
            {
                return Some(doc.tokens[w + 1].span());
            }
            // (The whole phrase between `what` and the verb: `multiple lawmakers`.)
            (v - w <= 6 && np_ending_at(doc, v, w + 1).is_some())
                .then(|| Span::new(doc.tokens[w + 1].span().start, doc.tokens[v - 1].span().end))
        }) {
            return Some(RawQuote {
                span: content,
                kind: QuoteKind::Direct,
                cue: Some(doc.tokens[v].span()),
                source: Source::Phrase(src),
                confidence: 0.7,
                subject: CueSubject::Unknown,
            });
        }
    }

    // `was described as “heartbreaking” by the conservation department`: a passive verb of
    // description reports someone's words, with the agent (if any) as the source.
    // `Campaigners described the move as “a betrayal”`: the subject's words.
    // (`as a “strong leader”`: an article between `as` and the mark.)
    let as_at = match prev_word {
        "as" => Some(before_tok - 1),
        "a" | "an" | "the" if before_tok >= 2 && doc.tok_is(before_tok - 2, "as") => {
            Some(before_tok - 2)
        }
        _ => None,
    };
    let describing = as_at.and_then(|at| {
        (at.saturating_sub(5)..at)
            .rev()
            .find(|&k| lexicon::in_list(DESCRIBING_VERBS, doc.tok(k)))
            .or_else(|| as_verb_before(doc, at))
    });
    if let Some(v) = describing {
        // (`is describing as “unhinged”` is active.)
        let passive = v > 0
            && !doc.tok(v).ends_with("ing")
            && matches!(
                doc.tok_bytes(v - 1),
                b"was" | b"were" | b"been" | b"being" | b"is" | b"are"
            );
        let src = if passive {
            let k = doc.token_at_or_after(q.close_end);
            let by = (k..(k + 2).min(doc.tokens.len())).find(|&x| doc.tok_is(x, "by"));
            by.and_then(|x| np_after(doc, x + 1, (x + 10).min(doc.tokens.len())))
        } else {
            doc.sentence_at(doc.tokens[v].span().start).and_then(|si| {
                let first = doc.sentence(si).first;
                subject_before(doc, verb_group_start(doc, v, first), first)
                    .or_else(|| describer_subject(doc, v, first))
            })
        };
        let cue = doc.tokens[v].span();
        return Some(RawQuote {
            span: content,
            kind: QuoteKind::Direct,
            cue: Some(cue),
            source: src.map_or(Source::Unknown, Source::Phrase),
            confidence: 0.7,
            subject: CueSubject::Unknown,
        });
    }
    let after = cue_after(doc, q);
    let before = cue_before(doc, q);
    // A short span in Title Case is a title or a name (`“Fox News Sunday,”`, `the “War On
    // Drugs”`), unless a cue introduces it right away (`chanted: “Lock Her Up”`).
    // (`told “Fox and Friends”`: what follows `told` is whom it was told to.)
    // (Nor is a sentence of its own that goes on from a quote: `“…,” the president added.
    // “We're America.”`)
    let goes_on = follows_quote && text[..q.open].trim_end().ends_with(['.', '!', '?']);
    if is_title_like(doc, content)
        && !goes_on
        && before.is_none_or(|(cue, _, dist)| {
            dist != 0 || matches!(doc.slice(cue), "told" | "tells" | "telling")
        })
    {
        return None;
    }

    // Where the quote opens a paragraph and reads as sentences, a cue after it wins;
    // a cue before it wins for `X said: “…”` and for partial quotes.
    // (Not when a cue right before introduces the quote and the quote ends its sentence:
    // in `X said: “… .” She said …` the cue after begins a sentence of its own.)
    let introduced = before.is_some_and(|(_, _, dist)| dist == 0) && last_char == '.';
    let (cue, source, conf) = match (after, before) {
        (Some((c, s)), _) if (ends_like_speech && !introduced) || before.is_none() => {
            (Some(c), s, 0.95)
        }
        (_, Some((c, s, dist))) => {
            if naming && dist > 0 {
                return None;
            }
            (Some(c), s, if dist == 0 { 0.93 } else { 0.8 })
        }
        (Some((c, s)), None) => (Some(c), s, 0.9),
        (None, None) => {
            if naming {
                return None;
            }
            // `Cruz called Trump a “pathological liar”`, `likened the refugees to a
            // “vicious snake”`: a describing verb with a subject quotes the subject's words.
            if let Some((cue, src)) = describing_verb_before(doc, q) {
                return Some(RawQuote {
                    span: content,
                    kind: QuoteKind::Direct,
                    cue: Some(cue),
                    source: Source::Phrase(src),
                    confidence: 0.7,
                    subject: CueSubject::Unknown,
                });
            }
            let starts_paragraph = doc
                .paragraph_at(q.open)
                .is_some_and(|pi| doc.paragraphs[pi].start == q.open);
            let speechlike = (nwords >= 6
                && (ends_like_speech
                    || !q.closed
                    // (A sentence inside: its end's mark, ASCII, read as bytes.)
                    || body.bytes().any(|b| matches!(b, b'.' | b'!' | b'?'))))
                || (starts_paragraph && nwords >= 3 && ends_like_speech)
                || q.multi_paragraph
                || (follows_quote && (nwords >= 3 || ends_like_speech));
            if !speechlike {
                return None;
            }
            (
                None,
                Source::Previous,
                if starts_paragraph { 0.75 } else { 0.6 },
            )
        }
    };
    // Single-quoted spans are titles and terms unless a cue attaches them to a speaker, or
    // the article quotes speech in single marks (British style) and this one continues it.
    if !q.double
        && cue.is_none()
        && !(singles_primary && (follows_quote || q.multi_paragraph || nwords >= 6))
    {
        return None;
    }
    // Short unattached-looking quotes with a cue far away in the sentence and no speech
    // shape are terms used by the writer (`a targeted operation against "criminals"`).
    if nwords <= 2
        && !ends_like_speech
        && conf < 0.9
        && !is_reported_partial(doc, q)
        && describing_verb_before(doc, q).is_none()
    {
        return None;
    }
    Some(RawQuote {
        span: content,
        kind: QuoteKind::Direct,
        cue,
        source,
        confidence: if q.closed { conf } else { conf * 0.8 },
        subject: CueSubject::Unknown,
    })
}

/// For the closing mark at token `close`: the token of its opening mark, when they enclose a
/// few words (at most seven tokens, no further back than `lo`).
fn short_quote_before(doc: &Document, lo: usize, close: usize) -> Option<usize> {
    let open = (lo..close)
        .rev()
        .take(8)
        .find(|&k| is_quote_char_token(doc.tok_bytes(k)))?;
    (open + 1 < close).then_some(open)
}

/// Do the marks at tokens `open` and `close` enclose a title (see [`is_title_like`])?
fn encloses_title(doc: &Document, open: usize, close: usize) -> bool {
    is_title_like(
        doc,
        Span::new(
            doc.tokens[open + 1].span().start,
            doc.tokens[close - 1].span().end,
        ),
    )
}

/// Is the span a short run of capitalised words, as titles of shows, books and campaigns
/// are? Small joining words (`of`, `the`, `and`) may stand between them.
pub(crate) fn is_title_like(doc: &Document, content: Span) -> bool {
    let a = doc.token_at_or_after(content.start);
    let b = doc.tokens_before(content.end);
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric());
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the"
                | "a"
                | "an"
                | "and"
                | "in"
                | "on"
                | "for"
                | "to"
                | "at"
                | "with"
                | "&"
                | "is"
                | "it"
        )
    };
    // A title has at most six words, each capitalised or small: the first seven are all
    // that are looked at, the first word that is neither ends the test (most spans tested are
    // long quotes in running text), and no list is allocated.
    let mut words = [""; 7];
    let mut n = 0;
    for w in (a..b)
        .map(|i| doc.tok(i))
        .filter(|w| w.chars().any(char::is_alphanumeric))
    {
        if n == words.len() || !(capitalised(w) || small(w)) {
            return false;
        }
        words[n] = w;
        n += 1;
    }
    let words = &words[..n];
    let caps = words.iter().filter(|w| capitalised(w)).count();
    let body = doc.slice(content);
    (2..=6).contains(&words.len())
        && caps >= 2
        // (A sentence's full stop may sit inside the marks: `on NBC's “Meet the Press.”`.)
        && !body.trim_end_matches([',', ' ', '.']).contains(['.', '!', '?', ','])
        // `I` is no title word, nor are all-capital shouts.
        && !words.iter().any(|w| *w == "I" || (w.len() > 3 && w.chars().all(|c| c.is_uppercase())))
}

/// `Obama condemned Friday’s test as “provocative”`, `Trump admires Putin as a “strong
/// leader”`: before `as` (token `at`), a verb of the same clause whose subject is named
/// calls something by the quoted words. (Not `known as`, `such as`, `so-called`: those
/// name a term.)
fn as_verb_before(doc: &Document, at: usize) -> Option<usize> {
    let si = doc.sentence_at(doc.tokens[at].span().start)?;
    let first = doc.sentence(si).first;
    let v = (at.saturating_sub(8).max(first)..at).rev().find(|&k| {
        let w = doc.tok(k);
        w.len() > 3
            && w.chars().all(|c| c.is_ascii_lowercase())
            && ((super::reported::is_past_verb(w)
                // (After a determiner or preposition an `-ed` word is an adjective:
                // `referred to undocumented immigrants as “…”`.)
                && !(k > first
                    && matches!(
                        doc.tok_bytes(k - 1),
                        b"the" | b"a" | b"an" | b"to" | b"of" | b"from" | b"for" | b"with" | b"by"
                            | b"in" | b"on" | b"at" | b"his" | b"her" | b"their" | b"its" | b"our"
                            | b"my" | b"this" | b"these" | b"those"
                    )))
                || (w.ends_with('s') && !w.ends_with("ss") && k > first && {
                    // (`Trump openly admires Putin as …`: an adverb before the verb.)
                    let s = if k > first + 1 && doc.tok(k - 1).ends_with("ly") {
                        k - 2
                    } else {
                        k - 1
                    };
                    doc.is_upper(s)
                })
                || (w.ends_with("ing") && k > first && {
                    // (`, saying …`, or progressive: `has been steadily pounding Trump as …`.)
                    let p = if doc.tok(k - 1).ends_with("ly") && k > first + 1 {
                        k - 2
                    } else {
                        k - 1
                    };
                    matches!(
                        doc.tok_bytes(p),
                        b"," | b"is" | b"are" | b"was" | b"were" | b"been"
                    )
                }))
    })?;
    let w = doc.tok(v);
    if matches!(
        w,
        "known"
            | "used"
            | "served"
            | "worked"
            | "acted"
            | "named"
            | "titled"
            | "called"
            | "listed"
            | "ranked"
            | "identified"
            | "seen"
            | "regarded"
            | "viewed"
            | "treated"
            | "presented"
    ) || (v + 1..at).any(|k| {
        matches!(
            doc.tok_bytes(k),
            b"," | b";" | b":" | b"." | b"that" | b"who" | b"which" | b"such"
        ) || is_quote_char_token(doc.tok_bytes(k))
    }) || (v > first
        && !w.ends_with("ing")
        && matches!(
            doc.tok_bytes(v - 1),
            b"is" | b"was" | b"were" | b"are" | b"be" | b"been" | b"being"
        ))
    {
        return None;
    }
    describer_subject(doc, v, first).map(|_| v)
}

/// Whose words a describing verb gives: its subject, named (`Cruz condemned …`) or plain
/// (`The Sanders campaign rejected …`), or for a participle the subject it shares with the
/// verb before it (`Trump denied it, dismissing O'Donnell as “…”`).
fn describer_subject(doc: &Document, v: usize, first: usize) -> Option<Span> {
    let g = verb_group_start(doc, v, first);
    subject_of(doc, g, first)
        .or_else(|| plain_subject(doc, g, first))
        .or_else(|| shared_subject(doc, v, first))
}

/// The first token of the verb group ending at `v`, past auxiliaries and adverbs (`has
/// been steadily` in `Reid has been steadily pounding`), where its subject ends.
fn verb_group_start(doc: &Document, v: usize, first: usize) -> usize {
    let mut s = v;
    while s > first
        && (matches!(
            doc.tok_bytes(s - 1),
            b"has"
                | b"have"
                | b"had"
                | b"is"
                | b"are"
                | b"was"
                | b"were"
                | b"been"
                | b"will"
                | b"would"
        ) || doc.tok(s - 1).ends_with("ly"))
    {
        s -= 1;
    }
    s
}

/// Verbs that describe someone or something in the subject's words.
pub(crate) const QUOTING_DESCRIBERS: &[&str] = &[
    "branded",
    "call",
    "called",
    "calling",
    "calls",
    "characterized",
    "compared",
    "decried",
    "deemed",
    "denounced",
    "describe",
    "described",
    "describes",
    "describing",
    "dismissed",
    "hailed",
    "labeled",
    "labelled",
    "likened",
    "praised",
    "slammed",
];

/// For a short quoted phrase with no cue: a describing verb before it in its clause whose
/// subject is named (`Cruz called Trump a “liar”`), never a passive (`a box labeled “…”`).
pub(crate) fn describing_verb_before(doc: &Document, q: &QuotedSpan) -> Option<(Span, Span)> {
    if words_in(doc, q.content) > 8 {
        return None;
    }
    let b = doc.tokens_before(q.open);
    let si = doc.sentence_at(q.open)?;
    let lo = doc.sentence(si).first.max(b.saturating_sub(8));
    let v = (lo..b).rev().find(|&k| {
        let w = doc.tok(k);
        w.starts_with(|c: char| c.is_lowercase())
            && (lexicon::in_list(QUOTING_DESCRIBERS, w)
                // (or a verb the learned table says reports its object: `exhorted
                // Republicans to “vote your conscience”`, `condemned the test as “…”`)
                || (cues::probability_at(doc, k, cues::Frame::Clause) >= cues::MIN_BARE_CLAUSE
                    && !(k > 0 && cues::is_noun_marker(doc.tok(k - 1)))))
    })?;
    // No clause boundary or other quote between the verb and the mark.
    if (v + 1..b).any(|k| {
        matches!(
            doc.tok_bytes(k),
            b"," | b";" | b":" | b"." | b"that" | b"who" | b"which"
        ) || is_quote_char_token(doc.tok_bytes(k))
    }) {
        return None;
    }
    if v > 0
        && matches!(
            doc.tok_bytes(v - 1),
            b"is" | b"was" | b"were" | b"are" | b"be" | b"been" | b"being" | b"so"
        )
    {
        return None;
    }
    let first = doc.sentence(si).first;
    let src = subject_of(doc, v, first)
        .or_else(|| plain_subject(doc, v, first))
        .or_else(|| shared_subject(doc, v, first))?;
    Some((doc.tokens[v].span(), src))
}

/// A short quoted phrase is a partial quote when a reporting verb introduces the clause
/// it sits in: `He vowed that the country would be “merciless”`.
pub(crate) fn is_reported_partial(doc: &Document, q: &QuotedSpan) -> bool {
    let b = doc.tokens_before(q.open);
    let Some(si) = doc.sentence_at(q.open) else {
        return false;
    };
    let s = doc.sentence(si);
    (s.first..b).any(|i| {
        doc.is_strong_speech_verb(i) && {
            let next = doc.tokens.get(i + 1).map(|_| doc.tok(i + 1)).unwrap_or("");
            next == "that" || i + 1 < b
        }
    })
}

/// Is token `i` a speech cue? Strong verbs always; weak ones (`reports`, `notes`) only when
/// a quote mark or comma is right next to them or `that` follows.
pub(crate) fn is_cue_token(doc: &Document, i: usize) -> bool {
    let w = doc.tok_bytes(i);
    // `As Ms. Simonyan put it, …`, `as one aide put it:`: a phrase that reports words.
    if matches!(w, b"put" | b"puts") && i + 1 < doc.tokens.len() && doc.tok_is(i + 1, "it") {
        return true;
    }
    let lex = doc.lex(i);
    if lex & lexicon::LEX_SPEECH_VERB == 0 {
        // Beyond the list, a lowercase word the learned table gives as a cue in its frame
        // (`tweeted`, `recalled`, `wrote`).
        return doc.starts_lower(i) && cues::is_learned_quote_cue(doc, i);
    }
    // Capitalised mid-sentence forms are names (`Post`, `Reports`), not verbs.
    if i > 0 && !doc.starts_sentence(i) && doc.tok(i).starts_with(char::is_uppercase) {
        let prev = doc.tok_bytes(i - 1);
        if !matches!(prev, RIGHT_DQUOTE | b"\"" | b"," | RIGHT_SQUOTE | b"'") {
            return false;
        }
    }
    if lex & lexicon::LEX_WEAK_SPEECH_VERB == 0 {
        return true;
    }
    // A weak verb is a cue right after a closing mark or comma, or before `that`/`:`.
    let prev = if i > 0 { doc.tok_bytes(i - 1) } else { b"" };
    let next = if i + 1 < doc.tokens.len() {
        doc.tok_bytes(i + 1)
    } else {
        b""
    };
    // (`…,” he continued`, `…?” Hannity pressed`: a closing mark, then the source.)
    let after_quote_source = (i.saturating_sub(4)..i).rev().any(|m| {
        matches!(
            doc.tok_bytes(m),
            RIGHT_DQUOTE | b"\"" | RIGHT_SQUOTE | b"'" | RIGHT_GUILLEMET
        ) && m + 1 < i
            && (m + 1..i).all(|k| {
                lexicon::pronoun(doc.tok(k)).is_some() || doc.is_upper(k) || is_name_dot(doc, k)
            })
    }) || described_source_after_quote(doc, i);
    matches!(
        prev,
        RIGHT_DQUOTE | b"\"" | b"," | RIGHT_SQUOTE | b"'" | RIGHT_GUILLEMET
    ) || after_quote_source
        || matches!(next, b"that" | b":")
        // (A verb, no noun after a determiner, right before the mark: `Trump promised “jobs,
        // jobs, jobs”`, `the department reported “2,521 shooting incidents”`.)
        || (matches!(next, LEFT_DQUOTE | b"\"" | LEFT_GUILLEMET)
            && !(i > 0 && cues::is_noun_marker(doc.tok(i - 1))))
        // (or the learned table gives the word as a cue in its frame: `He promised to release
        // a report “as soon as possible”`)
        || (doc.starts_lower(i) && cues::is_learned_cue(doc, i))
        || (next == b"out" && w.starts_with(b"point"))
        // (`She continued, “For us …”`: a comma and the opening mark.)
        || (next == b","
            && i + 2 < doc.tokens.len()
            && matches!(doc.tok_bytes(i + 2), LEFT_DQUOTE | b"\"" | LEFT_GUILLEMET))
}

/// `“…,” the magazine reported`, `“…,” the report noted`: between the closing mark (and its
/// comma) and the weak verb at `i`, a short description opening with an article.
fn described_source_after_quote(doc: &Document, i: usize) -> bool {
    let Some(det) =
        (i.saturating_sub(4)..i).find(|&k| matches!(doc.tok_bytes(k), b"the" | b"a" | b"an"))
    else {
        return false;
    };
    det > 0
        && matches!(
            doc.tok_bytes(det - 1),
            RIGHT_DQUOTE | b"\"" | RIGHT_SQUOTE | b"'" | RIGHT_GUILLEMET | b","
        )
        && (det + 1..i).all(|k| doc.starts_lower(k))
        && det + 1 < i
        && (det.saturating_sub(2)..det).any(|k| {
            matches!(
                doc.tok_bytes(k),
                RIGHT_DQUOTE | b"\"" | RIGHT_SQUOTE | b"'" | RIGHT_GUILLEMET
            )
        })
}

/// The cue after a quote: `“…,” X said`, `“…,” said X, …`, `“…,” according to X`.
/// Returns the cue span and the source.
pub(crate) fn cue_after(doc: &Document, q: &QuotedSpan) -> Option<(Span, Source)> {
    let start = doc.token_at_or_after(q.close_end);
    let para = doc.paragraph_at(q.content.start.max(q.open))?;
    let pend = doc.paragraphs[para].end;
    let mut end = start;
    // (A period inside brackets ends nothing: `Rep. Gwen Moore (D-Wis.) said`.)
    let mut depth = 0usize;
    // A source with an appositive between commas may run long before its verb (`“…,” Robert
    // Peck, managing director and internet equity analyst at SunTrust Robinson Humphrey,
    // told me`): a comma within the first few tokens doubles the window.
    let appositive = (start + 1..(start + 6).min(doc.tokens.len()))
        .take_while(|&k| doc.tokens[k].span().start < pend)
        .any(|k| doc.tok_is(k, ","));
    let window = if appositive {
        CUE_WINDOW * 2
    } else {
        CUE_WINDOW
    };
    while end < doc.tokens.len() && end - start < window && doc.tokens[end].span().start < pend {
        let w = doc.tok_bytes(end);
        match w {
            b"(" => depth += 1,
            b")" => depth = depth.saturating_sub(1),
            _ => {}
        }
        if is_quote_char_token(w)
            || (end > start
                && depth == 0
                && matches!(w, b"." | b"!" | b"?" | b";")
                && !is_name_dot(doc, end)
                // (Nor does an abbreviation's period before a comma: `McConnell, R-Ky.,
                // said`, `Tampa, Fla., said`.)
                && !(w == b"." && end + 1 < doc.tokens.len() && doc.tok_is(end + 1, ",")))
        {
            break;
        }
        end += 1;
    }
    // A dash and a name after the quote sign it (vox pops, epigraphs): `“…” ― Carlos Raúl`.
    if start < end && matches!(doc.tok_bytes(start), HORIZONTAL_BAR | EM_DASH | EN_DASH) {
        let np = np_after(doc, start + 1, end)?;
        let first = doc.token_at_or_after(np.start);
        if doc.tok(first).starts_with(|c: char| c.is_uppercase()) {
            return Some((doc.tokens[start].span(), Source::Phrase(np)));
        }
    }
    // The attribution must come right after the quote: `“…” he said`, `“…,” X, a …, said`.
    let window = start..end;
    let mut verb = None;
    for i in window.clone() {
        let w = doc.tok_bytes(i);
        if w.eq_ignore_ascii_case(b"according")
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|_| doc.tok_is(i + 1, "to"))
        {
            let np = source_after_according(doc, i + 2, end);
            return np.map(|np| {
                (
                    Span::new(doc.tokens[i].span().start, doc.tokens[i + 1].span().end),
                    Source::Phrase(np),
                )
            });
        }
        if is_cue_token(doc, i) || (doc.is(i, lexicon::LEX_SPEECH_VERB) && i == start) {
            verb = Some(i);
            break;
        }
    }
    // (A quote that ends its sentence inside the marks is followed by a sentence of its own:
    // `said the judge was “biased.” He smiled.`)
    let ends_sentence = doc.text[q.content.start..q.content.end]
        .trim_end()
        .ends_with('.');
    let v = verb.or_else(|| {
        (!ends_sentence)
            .then(|| manner_verb(doc, start, end))
            .flatten()
    })?;
    // A verb with a clause of its own after a quote that ended its sentence reports that
    // clause, not the quote: `“… very fond of him.” Tory leader Michael Howard said he would
    // be remembered with affection.`
    if ends_sentence && v > start && starts_own_clause(doc, v + 1) {
        return None;
    }
    let cue = doc.tokens[v].span();
    // (`“…” for Clinton, said Kunin`: a phrase of the quote's sentence, then the inverted
    // cue.)
    let adjunct_then_verb =
        v > start + 1 && doc.tok_is(v - 1, ",") && is_lowercased_preposition_at(doc, start);
    if v == start || (v == start + 1 && doc.tok_is(start, ",")) || adjunct_then_verb {
        // Inverted: `said X` — the source follows the verb.
        let end = end.max(v + 1).min(doc.tokens.len());
        let np = np_after(doc, v + 1, end).or_else(|| description_after(doc, v + 1, end))?;
        return Some((cue, Source::Phrase(np)));
    }
    // `X said` — the source sits between the quote and the verb, maybe with an appositive:
    // `Parata, a fierce elder, says`. Take the first comma-separated chunk.
    let mut a = start;
    while a < v && matches!(doc.tok_bytes(a), b"," | EM_DASH | EN_DASH | b"-") {
        a += 1;
    }
    // (Auxiliaries belong to the verb: `“…,” she has said`.)
    let vb = skip_aux_back(doc, v, a);
    let mut b = a;
    while b < vb && !doc.tok_is(b, ",") && !doc.tok_is(b, "(") {
        b += 1;
    }
    let np_ok = |a: usize, b: usize| {
        a < b && b - a <= 8 && looks_like_np(doc, a, b) && (a..b).all(|k| is_np_token(doc, k))
    };
    if !np_ok(a, b) {
        // `“…” in that law, Azzouz said`: a short adjunct, then the source right before the
        // verb.
        let Some(c) = (a..v).rev().find(|&k| doc.tok_is(k, ",")) else {
            // `“…,” the 34-year-old mother of three replied`: any plain noun phrase.
            return plain_subject(doc, v, a.saturating_sub(1))
                .map(|np| (cue_with_object(doc, v), Source::Phrase(np)));
        };
        let (a2, b2) = (c + 1, v);
        if c - a > 5 || !np_ok(a2, b2) {
            return None;
        }
        return Some((
            cue_with_object(doc, v),
            Source::Phrase(Span::new(
                doc.tokens[a2].span().start,
                doc.tokens[b2 - 1].span().end,
            )),
        ));
    }
    // (`“…,” the chief executive, Tim Cook, said`: the description's appositive names who.)
    let np = appositive_name(doc, a, b, vb)
        .unwrap_or_else(|| Span::new(doc.tokens[a].span().start, doc.tokens[b - 1].span().end));
    Some((cue_with_object(doc, v), Source::Phrase(np)))
}

/// After an inverted cue, a description with an article is the source, whatever its noun:
/// `“…,” said the 30-year-old, who …`, `said the world indoor champion.` (The lists of
/// title and person nouns cannot hold every role news gives.) It must end the clause, hold
/// no verb, and not be a time (`said the next day`).
fn description_after(doc: &Document, a: usize, end: usize) -> Option<Span> {
    if a >= end || !matches!(doc.tok_bytes(a), b"the" | b"a" | b"an") {
        return None;
    }
    let mut b = a + 1;
    while b < end && b - a <= 6 {
        let w = doc.tok(b);
        let word = doc.kind(b) != crate::segment::TokKind::Punct
            && (w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) || w == "of")
            && !lexicon::in_list(super::reported::CLAUSE_AUXILIARIES, w)
            && !super::reported::is_negated_auxiliary(w)
            && !matches!(
                w,
                "who" | "when" | "as" | "after" | "before" | "at" | "in" | "on"
            );
        if !word {
            break;
        }
        b += 1;
    }
    let closes = b == end
        || matches!(
            doc.tok_bytes(b),
            b"," | b"." | b"!" | b"?" | b";" | b"who" | EM_DASH | EN_DASH
        );
    let head = doc.tok(b - 1);
    let time = lexicon::in_list(
        &[
            "afternoon",
            "day",
            "evening",
            "month",
            "morning",
            "night",
            "time",
            "week",
            "year",
        ],
        head,
    );
    (b > a + 1 && closes && !time && head != "of" && !head.ends_with("ly"))
        .then(|| Span::new(doc.tokens[a].span().start, doc.tokens[b - 1].span().end))
}

/// Does token `k` open a clause that a reporting verb before it reports (`said he would`,
/// `said that`, `said the plan`)?
fn starts_own_clause(doc: &Document, k: usize) -> bool {
    k < doc.tokens.len()
        && matches!(
            doc.tok_bytes(k),
            b"that"
                | b"he"
                | b"she"
                | b"they"
                | b"it"
                | b"we"
                | b"I"
                | b"the"
                | b"a"
                | b"an"
                | b"there"
        )
}

/// `“…,” Smith quipped.`, `“…!” beamed Donald Hartley`, `“…,” the senator fumed on
/// Tuesday.`: right after a quote, a past-tense verb beside a noun phrase, with nothing else
/// in its clause, attributes the quote whatever the verb (news has hundreds of verbs of
/// manner: `quipped`, `beamed`, `exhorted`, `roared`). Tokens `start..end` follow the quote.
fn manner_verb(doc: &Document, start: usize, end: usize) -> Option<usize> {
    let mut a = start;
    while a < end && doc.tok_is(a, ",") {
        a += 1;
    }
    let k = (a..end.min(a + 8)).find(|&k| {
        let w = doc.tok(k);
        w.len() > 3 && w.bytes().all(|b| b.is_ascii_lowercase()) && super::reported::is_past_verb(w)
    })?;
    // (Only words of a noun phrase before it.)
    if (a..k).any(|x| !is_np_token(doc, x)) {
        return None;
    }
    if k == a {
        // Inverted: a name or a described person after it.
        let np = np_after(doc, k + 1, end)?;
        let first = doc.token_at_or_after(np.start);
        return (doc.is_upper(first) || matches!(doc.tok_bytes(first), b"the" | b"a" | b"an"))
            .then_some(k);
    }
    let closes = k + 1 >= end
        || matches!(
            doc.tok_bytes(k + 1),
            b"," | b"." | b"!" | b"?" | b";" | EM_DASH | EN_DASH
        )
        || is_preposition_at(doc, k + 1)
        || doc.tok(k + 1).ends_with("ly");
    (closes && looks_like_np(doc, a, k)).then_some(k)
}

/// The cue span for verb `v`, extended over `told` + object where that reads as one cue
/// (`told Fox News`).
pub(crate) fn cue_with_object(doc: &Document, v: usize) -> Span {
    doc.tokens[v].span()
}

pub(crate) fn is_quote_char_token(w: &[u8]) -> bool {
    matches!(
        w,
        b"\"" | LEFT_DQUOTE | RIGHT_DQUOTE | LEFT_GUILLEMET | RIGHT_GUILLEMET | LOW_DQUOTE
    )
}

/// `Hannity interjected: “…”`, `- Michael P. McDonald: “…”`: a name opening its clause, at
/// most one verb, and a colon (or a comma after the verb: `Mr. Trump yelled, “…”`) right
/// before the mark introduce the quote, whatever the verb
/// (a verb the cue lists know is found by [`cue_before`]'s own search). `b` is the token
/// index of the mark.
fn name_colon_before(doc: &Document, b: usize, first: usize) -> Option<(Span, Source, usize)> {
    // (A comma only after a verb: `Mr. Trump yelled, “Out, out, out!”`.)
    if b < first + 2 || !matches!(doc.tok_bytes(b - 1), b":" | b",") {
        return None;
    }
    let colon = b - 1;
    let w = doc.tok(colon - 1);
    let verb = w.len() > 3
        && w.chars().all(|c| c.is_lowercase())
        && (w.ends_with("ed") || w.ends_with('s'))
        && !lexicon::is_speech_verb(w);
    if doc.tok_is(colon, ",") && !verb {
        return None;
    }
    let np_end = if verb { colon - 1 } else { colon };
    let np = np_ending_at(doc, np_end, first)?;
    let start = doc.token_at_or_after(np.start);
    // (After a lead-in clause, a pronoun: `Asked which county was his favorite, he
    // demurred: “…”`.)
    let opens = start == first
        || matches!(doc.tok_bytes(start - 1), EM_DASH | EN_DASH | b"-" | b"|")
        || (doc.tok_is(start - 1, ",")
            && np_end == start + 1
            && lexicon::pronoun(doc.tok(start)).is_some());
    let named = (start..np_end).any(|k| {
        let t = doc.tok(k);
        lexicon::pronoun(t).is_some()
            || (t.starts_with(|c: char| c.is_uppercase())
                && t.chars().any(|c| c.is_lowercase())
                && !lexicon::is_not_name_word(t)
                && !lexicon::is_title_word(t))
    });
    if !opens || !named || np_end - start > 6 {
        return None;
    }
    let cue = doc.tokens[if verb { colon - 1 } else { colon }].span();
    Some((cue, Source::Phrase(np), 0))
}

/// `The New York Times reports:` or `Caddell continued:` closing the paragraph before one
/// that opens with the quote (token `b` is its mark, sentence `si` the quote's).
fn colon_paragraph_before(doc: &Document, b: usize, si: usize) -> Option<(Span, Source, usize)> {
    if si == 0 || b < 2 || !doc.tok_is(b - 1, ":") {
        return None;
    }
    let prev = doc.sentence(si - 1);
    if prev.last != b || b - prev.first > 12 {
        return None;
    }
    let v = b - 2;
    if v > prev.first && lexicon::is_speech_verb(doc.tok(v)) {
        let src = subject_before(doc, v, prev.first)?;
        return Some((doc.tokens[v].span(), Source::Phrase(src), 0));
    }
    name_colon_before(doc, b, prev.first)
}

/// The cue before a quote in the same sentence: `X said: “…”`, `X said it appears that “…”`.
/// Returns the cue, the source and the distance in tokens between the cue and the mark
/// (0 for `said: “` / `said, “`).
pub(crate) fn cue_before(doc: &Document, q: &QuotedSpan) -> Option<(Span, Source, usize)> {
    let b = doc.tokens_before(q.open);
    let si = doc.sentence_at(q.open)?;
    let s = doc.sentence(si);
    let lo = s.first.max(b.saturating_sub(CUE_WINDOW * 2));
    if b <= lo {
        return colon_paragraph_before(doc, b, si);
    }
    if let Some(found) = name_colon_before(doc, b, s.first) {
        return Some(found);
    }
    // The nearest reporting verb before the mark, not inside another quote.
    let mut v = None;
    let mut i = b;
    while i > lo {
        i -= 1;
        let w = doc.tok_bytes(i);
        if is_quote_char_token(w) {
            // (A title in marks between the verb and the quote is passed over: `Johnson tells
            // MSNBC’s “Morning Joe” on Friday that “exactly who did it” remains …`; so is a
            // short quote joined to this one, `of being “duped” by “a con”`, `called her
            // “Miss Piggy” and “Miss Housekeeping”`.)
            let joined = b - i <= 3;
            match short_quote_before(doc, lo, i)
                .filter(|&open| joined || encloses_title(doc, open, i))
            {
                Some(open) => {
                    i = open;
                    continue;
                }
                None => break,
            }
        }
        if w.eq_ignore_ascii_case(b"according")
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|_| doc.tok_is(i + 1, "to"))
        {
            let np = source_after_according(doc, i + 2, b);
            let cue = Span::new(doc.tokens[i].span().start, doc.tokens[i + 1].span().end);
            return Some((cue, np.map_or(Source::Unknown, Source::Phrase), b - i - 2));
        }
        if is_cue_token(doc, i) {
            v = Some(i);
            break;
        }
    }
    let mut v = v?;
    // (A cue noun in an adjunct of the verb before it, `She said in an official statement:`,
    // is not the cue: the verb is, with its own subject.)
    if (v.saturating_sub(2).max(lo)..v).any(|k| matches!(doc.tok_bytes(k), b"a" | b"an" | b"the")) {
        if let Some(k) = (v.saturating_sub(6).max(lo)..v.saturating_sub(1))
            .rev()
            .find(|&k| doc.is_strong_speech_verb(k))
        {
            v = k;
        }
    }
    let mut dist = b - v - 1;
    // `said:` / `said,` / `told Reuters:` right before the mark count as adjacent.
    let between: Vec<&str> = (v + 1..b).map(|k| doc.tok(k)).collect();
    if between.last().is_some_and(|w| *w == ":" || *w == ",") && between.len() <= 4 {
        dist = 0;
    }
    // A participle after its clause (`He spoke about the wall, saying “…”`, `she released a
    // statement saying, “…”`) shares the clause's subject; the words before it are its object.
    // (`with critics saying “…”` is a clause of its own: its subject stands before it.)
    let participle = doc.tok(v).ends_with("ing")
        && v > s.first
        && !(s.first..v)
            .rev()
            .take(4)
            .any(|k| matches!(doc.tok_bytes(k), b"with" | b"With"));
    // (After a comma, the subject of the clause it closes: `He also spoke about the proposed
    // wall, saying` is He's, not that of `proposed`.)
    let after_comma = participle && doc.tok_is(v - 1, ",");
    let src = participle
        .then(|| {
            after_comma
                .then(|| super::reported::sentence_subject(doc, s.first, v - 1))
                .flatten()
                .or_else(|| shared_subject(doc, v, s.first))
        })
        .flatten()
        .or_else(|| subject_of(doc, v, s.first))
        .or_else(|| {
            // Inverted order before a quote: `said Kirby: “…”` (never after a participle:
            // `saying his “start-up capital …”` opens the content).
            // Only where the verb is inverted: after a comma or a mark, or opening the
            // sentence (`the statement urged Americans to ''…''` names its object after it).
            let inverted = v == s.first
                || matches!(
                    doc.tok_bytes(v - 1),
                    b"," | RIGHT_DQUOTE | b"\"" | RIGHT_SQUOTE | b"'" | EM_DASH | EN_DASH
                );
            (inverted && !doc.tok(v).ends_with("ing"))
                .then(|| np_after(doc, v + 1, b))
                .flatten()
        })
        .or_else(|| plain_subject(doc, v, s.first))
        .or_else(|| shared_subject(doc, v, s.first))
        .map(|sp| name_before_appositive(doc, sp, s.first));
    Some((
        doc.tokens[v].span(),
        src.map_or(Source::Unknown, Source::Phrase),
        dist,
    ))
}
