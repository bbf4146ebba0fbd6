//! Reported speech: the content clauses of reporting verbs outside direct quotes —
//! `X said (that) …`, `X told Y …`, `according to X, …`, `…, X said.`, `adding that …`,
//! and the verbs learned from data ([`crate::cues`]).

#[allow(unused_imports)]
use super::*;

/// Tokens after a reporting verb that may come before its `that`: `said on Friday that`,
/// `told reporters late Thursday that`.
pub(crate) const THAT_WINDOW: usize = 8;

/// What introduces reported speech at a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A speech verb (`said`, `told`, `warned`).
    Speech,
    /// A verb of belief (`believe`, `think`): a reported position, never a direct-quote cue.
    Belief,
    /// An adjective of stance after a form of `be` (`is concerned`, `is adamant`).
    Stance,
    /// A word the learned table ([`crate::cues`]) says introduces an attribution in this
    /// frame (`found that`, `insisted the`): reported content only, with a named subject.
    Learned,
}

/// Adjectives of stance that report a position after a form of `be` (`is adamant`). (A
/// compiled list: `lexicon::LEX_STANCE`.)
pub(crate) const STANCE: &[&str] = &[
    "adamant",
    "certain",
    "concerned",
    "confident",
    "convinced",
    "insistent",
    "worried",
];

pub(crate) fn cue_kind(doc: &Document, i: usize) -> Option<CueKind> {
    // (A lowercase character is a letter: punctuation, numbers and capitalised words are
    // passed over by the token's facts, without reading its text.)
    if doc.kind(i) != TokKind::Word || doc.is_upper(i) || !may_be_cue(doc, i) {
        return None;
    }
    if !doc.starts_lower(i) {
        return None;
    }
    // After a determiner or a possessive the word is a noun: `those states that`, `his
    // claims that`. (Tested once the word is found to be a cue at all.)
    let kind = cue_word_kind(doc, i)?;
    (!(i > 0 && cues::is_noun_marker(doc.tok(i - 1)))).then_some(kind)
}

/// Can word token `i`, in a sentence opening at token `a`, open an attribution of
/// [`find_indirect`]'s pass? Only a cue ([`cue_kind`]: a lowercase word in a cue list),
/// `according` (`to`), `as` opening the sentence (`As X put it`) or a headline's verb
/// (`Says`, `Tells`: capitalised, 4 to 7 bytes, in a cue list, after the first word) can:
/// most words, names and short words included, are told apart on the token's facts and
/// length without reading its text.
#[inline]
fn may_open_attribution(doc: &Document, a: usize, i: usize) -> bool {
    let len = doc.tokens[i].span().len();
    len == "according".len()
        || (len == 2 && i <= a + 2)
        || (!doc.is_upper(i) || (i > a && (4..=7).contains(&len))) && may_be_cue(doc, i)
}

/// The first token from `i` on, before `e`, that may open an attribution in the sentence
/// opening at token `a` ([`may_open_attribution`]), or `e`. (A loop of its own: most of an
/// article's tokens are passed over here, out of [`find_indirect`]'s many live values.)
#[inline(never)]
fn next_opening(doc: &Document, a: usize, i: usize, e: usize) -> usize {
    (i..e)
        .find(|&k| doc.kind(k) == TokKind::Word && may_open_attribution(doc, a, k))
        .unwrap_or(e)
}

/// Whether token `i` is in a list [`cue_word_kind`] reads or has a row in the learned table:
/// no other word is a cue. Most words are in none, and are passed over on the token's facts
/// without reading its text or calling the learned-cue and evidence tests.
#[inline]
fn may_be_cue(doc: &Document, i: usize) -> bool {
    const LISTS: lexicon::LexBits = lexicon::LEX_SPEECH_VERB
        | lexicon::LEX_COGNITION_VERB
        | lexicon::LEX_STANCE
        | lexicon::LEX_SHOWING;
    let info = doc.info(i);
    info.bits & LISTS != 0 || info.cue != 0
}

/// What token `i` would introduce were it not a noun.
fn cue_word_kind(doc: &Document, i: usize) -> Option<CueKind> {
    let lex = doc.lex(i);
    if lex & lexicon::LEX_SPEECH_VERB != 0 {
        return Some(CueKind::Speech);
    }
    if lex & lexicon::LEX_COGNITION_VERB != 0 {
        return Some(CueKind::Belief);
    }
    if lex & lexicon::LEX_STANCE != 0
        && i > 0
        && matches!(
            doc.tok_bytes(i - 1),
            b"is" | b"are" | b"was" | b"were" | b"remains" | b"remain"
        )
    {
        return Some(CueKind::Stance);
    }
    (cues::is_learned_cue(doc, i) || shows_evidence(doc, i)).then_some(CueKind::Learned)
}

/// Verbs of showing ([`shows_evidence`]; a compiled list: `lexicon::LEX_SHOWING`).
pub(crate) const SHOWING: &[&str] = &[
    "indicate",
    "indicated",
    "indicates",
    "show",
    "showed",
    "shows",
    "suggest",
    "suggested",
    "suggests",
];

/// `Polls show Sanders within two points`, `the survey suggests …`: a verb of showing
/// whose subject is a poll, a study or a record reports what that source says, whatever
/// the verb's own rate as a cue.
pub(crate) fn shows_evidence(doc: &Document, i: usize) -> bool {
    const EVIDENCE: &[&str] = &[
        "analysis",
        "data",
        "documents",
        "figures",
        "numbers",
        "poll",
        "polls",
        "records",
        "report",
        "reports",
        "research",
        "results",
        "studies",
        "study",
        "survey",
        "surveys",
    ];
    if !doc.is(i, lexicon::LEX_SHOWING) {
        return false;
    }
    let mut k = i;
    while k > 0
        && matches!(
            doc.tok_bytes(k - 1),
            b"also" | b"now" | b"still" | b"consistently"
        )
    {
        k -= 1;
    }
    k > 0 && lexicon::in_list(EVIDENCE, &crate::case::to_lowercase(doc.tok(k - 1)))
}

/// `direct`: every paired span (verbs inside them are not cues); `accepted`: the spans
/// that are speech (an indirect content clause that merely repeats one is dropped).
pub(crate) fn find_indirect(
    doc: &Document,
    direct: &[Span],
    accepted: &[Span],
    used_cues: &[usize],
) -> Vec<RawQuote> {
    let mut out = Vec::new();
    // `direct` is sorted and non-overlapping, `used_cues` sorted, and the pass only moves
    // forward: both look-ups walk a cursor, so the pass stays linear in the article however
    // many quotes it has.
    let (mut dk, mut uk) = (0, 0);
    let mut in_direct_or_used = |pos: usize| {
        while dk < direct.len() && direct[dk].start <= pos {
            dk += 1;
        }
        while uk < used_cues.len() && used_cues[uk] < pos {
            uk += 1;
        }
        (dk > 0 && pos < direct[dk - 1].end) || used_cues.get(uk) == Some(&pos)
    };
    for s in doc.sentences() {
        let (a, b) = (s.first, s.last);
        if b <= a {
            continue;
        }
        // Content end: the sentence without its final punctuation and closing marks.
        let mut e = b;
        while e > a
            && matches!(
                doc.tok_bytes(e - 1),
                b"." | b"!" | b"?" | ELLIPSIS | RIGHT_DQUOTE | b"\"" | RIGHT_SQUOTE | b"'" | b")"
            )
        {
            e -= 1;
        }
        let mut i = a;
        loop {
            // Every cue below is a word: punctuation and numbers are passed over, and so are
            // the many words that can open none (before the quotes around are looked at).
            i = next_opening(doc, a, i, e);
            if i >= e {
                break;
            }
            let pos = doc.tokens[i].span().start;
            if in_direct_or_used(pos) {
                i += 1;
                continue;
            }
            let w = doc.tok_bytes(i);
            // `according to X, CONTENT`, `CONTENT, according to X` and the parenthetical
            // `A, according to X, B`.
            if w.eq_ignore_ascii_case(b"according") && i + 1 < e && doc.tok_is(i + 1, "to") {
                let cue = Span::new(pos, doc.tokens[i + 1].span().end);
                let lead =
                    i == a || (i <= a + 2 && matches!(doc.tok_bytes(a), b"But" | b"And" | b"Yet"));
                let np_end = (i + 2..e)
                    .find(|&k| matches!(doc.tok_bytes(k), b"," | EM_DASH | EN_DASH))
                    .unwrap_or(e);
                let np = source_after_according(doc, i + 2, np_end);
                if lead {
                    if np_end < e {
                        out.extend(make_indirect(doc, np_end + 1, e, cue, np, accepted));
                    }
                } else if i > a && matches!(doc.tok_bytes(i - 1), b"," | EM_DASH | EN_DASH) {
                    let from = segment_start(doc, a, i - 1);
                    // Before a direct quote the part ahead is a lead-in (`a code including —
                    // according to the notes — “provision …”`), not reported content.
                    let quote_follows =
                        np_end + 1 < e && is_quote_char_token(doc.tok_bytes(np_end + 1));
                    if !quote_follows {
                        out.extend(make_indirect(doc, from, i - 1, cue, np, accepted));
                    }
                    // (What follows the source's comma is more content unless it is the
                    // source's appositive: `…, according to Craig Bryan, head of the
                    // National Center …`.)
                    let c = np_end + 1;
                    let appositive = c < e
                        && (doc.is(c, lexicon::LEX_TITLE_WORD)
                            || (matches!(doc.tok_bytes(c), b"a" | b"an" | b"the")
                                && (c + 1..(c + 4).min(e))
                                    .any(|x| doc.is(x, lexicon::LEX_TITLE_WORD))))
                        && !has_finite_verb(doc, c, e);
                    if c < e && !appositive {
                        out.extend(make_indirect(doc, np_end + 1, e, cue, np, accepted));
                    }
                }
                i = np_end.max(i + 2);
                continue;
            }
            // `As X has pointed out, CONTENT.`
            if (w == b"As" || w == b"as")
                && (i == a || (i <= a + 2 && matches!(doc.tok_bytes(a), b"But" | b"And" | b"Yet")))
            {
                if let Some(q) = as_cue(doc, i, e, accepted) {
                    out.push(q);
                    i = e;
                    continue;
                }
            }
            // A headline in title case: `Trump Says He Never Pledged To …`.
            if let Some(q) = headline_cue(doc, a, i, e, accepted) {
                out.push(q);
                i = e;
                continue;
            }
            let Some(kind) = cue_kind(doc, i) else {
                i += 1;
                continue;
            };
            // `does not deny that X` reports nothing.
            if (i.saturating_sub(2).max(a)..i).any(|k| {
                matches!(
                    doc.tok_bytes(k),
                    b"not" | b"never" | b"n't" | b"didn't" | b"doesn't" | b"don't"
                )
            }) {
                i += 1;
                continue;
            }
            // A learned verb in the passive reports nothing of its subject's: `Clinton was
            // declared the winner`, `the shift was expected …` stays (its `to` frame).
            if kind == CueKind::Learned
                && i > a
                && matches!(
                    doc.tok_bytes(i - 1),
                    b"was" | b"were" | b"been" | b"being" | b"is" | b"are" | b"be"
                )
                && cues::frame_at(doc, i) != cues::Frame::To
            {
                i += 1;
                continue;
            }
            let weak = kind == CueKind::Speech && doc.is(i, lexicon::LEX_WEAK_SPEECH_VERB);
            let participle = w.ends_with(b"ing");
            // Parenthetical cue inside the content: `A, he said, B`, `A, scientists think, B`.
            if !participle && !weak {
                if let Some(qs) = parenthetical_cue(doc, a, i, e, accepted) {
                    let resume = qs.last().map_or(i + 1, |q| doc.tokens_before(q.span.end));
                    out.extend(qs);
                    i = resume.max(i + 1);
                    continue;
                }
            }
            // Trailing cue: `CONTENT, X said.` / `CONTENT, said X.`
            if kind == CueKind::Speech && !participle && !weak {
                if let Some(q) = trailing_cue(doc, s.first, i, e, accepted) {
                    out.push(q);
                    i = e;
                    continue;
                }
            }
            // `X said (that) CONTENT`.
            let mut k = i + 1;
            let mut obj_end = k;
            let told = matches!(
                w,
                b"told"
                    | b"tells"
                    | b"tell"
                    | b"telling"
                    | b"assured"
                    | b"warned"
                    | b"informed"
                    | b"reminded"
            );
            if told {
                // Skip the object: `told Fox News`, `told reporters`, `told the BBC`.
                while obj_end < e
                    && obj_end - k < 5
                    && !doc.tok_is(obj_end, "that")
                    && !matches!(doc.tok_bytes(obj_end), b"," | b":")
                {
                    let t = doc.tok(obj_end);
                    let c = t.chars().next().unwrap_or(' ');
                    // (`told his radio audience on Monday, “…”`: a possessive and its noun.)
                    if matches!(t, "his" | "her" | "their" | "its" | "our" | "my")
                        && obj_end + 1 < e
                        && crate::case::is_all_lowercase(doc.tok_bytes(obj_end + 1))
                    {
                        obj_end += 2;
                        while obj_end < e
                            && obj_end - k < 6
                            && crate::case::is_all_lowercase(doc.tok_bytes(obj_end))
                            && !matches!(
                                doc.tok_bytes(obj_end),
                                b"that" | b"about" | b"to" | b"the"
                            )
                            && !is_past_verb_at(doc, obj_end)
                            && !lexicon::in_list(CLAUSE_AUXILIARIES, doc.tok(obj_end))
                        {
                            obj_end += 1;
                        }
                        break;
                    }
                    if c.is_uppercase()
                        || matches!(
                            t,
                            "the"
                                | "reporters"
                                | "journalists"
                                | "him"
                                | "her"
                                | "them"
                                | "us"
                                | "me"
                                | "parliament"
                                | "lawmakers"
                                | "a"
                                | "an"
                        )
                        || doc.is(obj_end, lexicon::LEX_GROUP_NOUN)
                    {
                        obj_end += 1;
                    } else {
                        break;
                    }
                }
                // (What looked like the object is the clause's subject when a finite verb
                // follows it: `warned the plan would fail`.)
                if obj_end > k && obj_end < e && doc.is(obj_end, lexicon::LEX_FINITE) {
                    obj_end = k;
                }
                // (A determiner last is the clause subject's: `told reporters the plan would
                // fail`, `warned the plan would fail`.)
                if obj_end > k && matches!(doc.tok_bytes(obj_end - 1), b"the" | b"a" | b"an") {
                    obj_end -= 1;
                }
                k = obj_end;
            }
            if (w == b"pointed" || w == b"points") && k < e && doc.tok_is(k, "out") {
                k += 1;
            }
            // A learned verb with a `to` complement reports an intention or a refusal:
            // the complement is the content (`plans to be back …`, `declined to comment`).
            let to_frame = kind == CueKind::Learned && cues::frame_at(doc, i) == cues::Frame::To;
            let that = (k..e.min(k + THAT_WINDOW))
                .find(|&t| doc.tok_is(t, "that"))
                .filter(|&t| {
                    // Only adjuncts between the verb and `that` (`said on Friday that`), no
                    // clause of their own (`said he was “appalled” that`).
                    (k..t).all(|x| {
                        let w = doc.tok(x);
                        !matches!(
                            w,
                            "," | ";"
                                | "-"
                                | "—"
                                | "–"
                                | ":"
                                | "is"
                                | "was"
                                | "are"
                                | "were"
                                | "had"
                                | "has"
                                | "would"
                                | "will"
                        ) && !is_quote_char_token(w.as_bytes())
                            && lexicon::pronoun(w).is_none()
                            && cue_kind(doc, x).is_none()
                    })
                });
            // `the four states that cast votes`, `states that have moved`: a noun with a
            // relative clause, whose `that` is followed by its verb, not by a subject.
            // (After a strong speech verb `that` is the clause's subject: `said that was
            // wrong`.)
            if (weak || kind != CueKind::Speech)
                && that.is_some_and(|t| t + 1 < e && relative_that(doc, t))
            {
                i += 1;
                continue;
            }
            let bare_ok = match kind {
                CueKind::Speech => {
                    doc.is(i, lexicon::LEX_BARE_CLAUSE_VERB)
                        || cues::probability_at(doc, i, cues::Frame::Clause)
                            >= cues::MIN_BARE_CLAUSE
                }
                CueKind::Belief | CueKind::Stance | CueKind::Learned => true,
            };
            // Content that is the verb's object, not a clause (`praised Rubio's positions on
            // defense`): a noun phrase, which ends at a comma or a subordinate clause.
            let mut object_content = false;
            // (A weak verb takes a clause without `that` when a pronoun subject and its
            // finite verb open it: `announced it was laying off`, `reported he had left`; not
            // `announced his candidacy`.)
            let pronoun_clause = k + 1 < e
                && matches!(doc.tok_bytes(k), b"it" | b"he" | b"she" | b"they" | b"we")
                && (doc.is(k + 1, lexicon::LEX_FINITE) || is_past_verb_at(doc, k + 1));
            // (The verb's subject and plain subject, each looked for once however many of the
            // tests below ask.)
            let mut named = {
                let mut found = None;
                move || *found.get_or_insert_with(|| subject_before(doc, i, a))
            };
            let mut plain = {
                let mut found = None;
                move || *found.get_or_insert_with(|| plain_subject(doc, i, a))
            };
            let start = match that {
                _ if to_frame => i + 1,
                Some(t) => t + 1,
                None if weak && !pronoun_clause
                    || participle
                        && !matches!(
                            w,
                            b"saying"
                                | b"telling"
                                | b"adding"
                                | b"arguing"
                                | b"insisting"
                                | b"warning"
                                | b"noting"
                                | b"claiming"
                                | b"demanding"
                        ) =>
                {
                    i += 1;
                    continue;
                }
                None => {
                    // Bare complement clause: `said her intention was …`, `says the X is`,
                    // maybe after an adjunct (`said in a statement it would …`). Only for
                    // verbs that mostly take clauses, never for an inverted cue (`, said
                    // X`), and only when a finite verb follows the subject.
                    // (A comma before the verb that closes an appositive after the subject
                    // — `Keir Starmer, the Prime Minister, said the …` — is not inversion.)
                    // (A subject pronoun after the verb opens its clause: `Jeffrey Salkin, a
                    // Hollywood, Fla., rabbi …, said he and other rabbis were …` — an
                    // inverted cue is followed by its source, never by `he`.)
                    // (`…,” said Victor Cha, who served …`: after a quote's closing mark.)
                    let after_comma = i > a
                        && (doc.tok_is(i - 1, ",")
                            || (i > a + 1
                                && matches!(
                                    doc.tok_bytes(i - 1),
                                    RIGHT_DQUOTE | b"\"" | b"'" | RIGHT_SQUOTE
                                )
                                && (doc.tok_is(i - 2, ",")
                                    || doc.text[..doc.tokens[i - 1].span().start]
                                        .trim_end_matches(['\'', '’', ' '])
                                        .ends_with(','))));
                    // (A participle is never inverted: `…, saying the plan would fail`.)
                    let inverted = after_comma
                        && !participle
                        && !told
                        && named().is_none()
                        && !(k < e
                            && matches!(doc.tok_bytes(k), b"he" | b"she" | b"they" | b"we" | b"I")
                            && has_finite_verb(doc, k, e));
                    let k = skip_adjunct(doc, k, e);
                    // (`claimed responsibility, the …`: a bare object, then another clause.)
                    let first_comma = (k..(k + 2).min(e)).find(|&x| doc.tok_is(x, ","));
                    // (`said Trump, despite his wealth, is better placed`: a subject, an aside
                    // between commas, then its verb — a clause after all.)
                    let aside_then_verb = first_comma.is_some_and(|c| {
                        (c + 1..(c + 12).min(e))
                            .find(|&x| doc.tok_is(x, ","))
                            .is_some_and(|c2| {
                                c2 + 1 < e && {
                                    let v = doc.tok(c2 + 1);
                                    matches!(
                                        v,
                                        "is" | "are"
                                            | "was"
                                            | "were"
                                            | "has"
                                            | "have"
                                            | "had"
                                            | "will"
                                            | "would"
                                            | "can"
                                            | "could"
                                            | "may"
                                            | "might"
                                            | "should"
                                            | "must"
                                    )
                                }
                            })
                    });
                    let object_then_comma = first_comma.is_some() && !aside_then_verb;
                    let subjectless = subjectless(doc, i, k, e);
                    // The learned table knows verbs whose object is what they report, clause
                    // or not (`criticized the accord`, `proposed barring all Muslims`,
                    // `urged the administration to …`): PolNeAR's annotators marked these
                    // complements as attributed content most of the time.
                    // (Not an adjunct — `in a letter …` —, a quote, or a name right after
                    // the verb, which is the inverted source; and the subject is named.)
                    let object_ok = k + 2 < e
                        && !object_then_comma
                        && !matches!(doc.tok_bytes(k), b"," | b";" | b":" | b"." | b"?" | b"!")
                        && !is_preposition_at(doc, k)
                        && !subjectless
                        // (An object that points back or says how much, not what: `said as
                        // much`, `said so`, `said nothing`, `said the same`.)
                        && !matches!(
                            doc.tok_bytes(k),
                            b"as" | b"so"
                                | b"nothing"
                                | b"little"
                                | b"much"
                                | b"otherwise"
                                | b"something"
                                | b"anything"
                                | b"everything"
                                | b"such"
                        )
                        && (!doc.tok_is(k, "the") || !doc.tok_is(k + 1, "same"))
                        // (A name right after a verb that does not report speech is its
                        // object — `Reid endorsed Clinton` — unless a comma before the verb
                        // makes it inverted.)
                        && (!doc.tok(k).starts_with(|c: char| c.is_uppercase())
                            || (kind == CueKind::Learned && !inverted))
                        && !(k..(k + 4).min(e))
                            .any(|x| is_quote_char_token(doc.tok_bytes(x)) || doc.tok_is(x, ":"))
                        && (named().is_some() || plain().is_some())
                        && (cues::probability_at(doc, i, cues::Frame::Clause) >= cues::MIN_BARE_CLAUSE
                            || shows_evidence(doc, i));
                    let clause_ok = bare_ok
                        && k < e
                        && !object_then_comma
                        && starts_clause(doc, k)
                        && !subjectless
                        && has_finite_verb(doc, k, e);
                    if !inverted && (clause_ok || object_ok) {
                        object_content = !clause_ok && kind != CueKind::Speech;
                        k
                    } else {
                        i += 1;
                        continue;
                    }
                }
            };
            let subj_at = if kind == CueKind::Stance { i - 1 } else { i };
            let src = if participle {
                None
            } else {
                let subject = if subj_at == i {
                    named()
                } else {
                    subject_before(doc, subj_at, a)
                };
                subject_of_named(doc, subj_at, a, subject)
                    .or_else(|| {
                        if subj_at == i {
                            plain()
                        } else {
                            plain_subject(doc, subj_at, a)
                        }
                    })
                    // (`May said Sunday that Britain would … and suggested that …`: a verb
                    // after `and` shares the subject of the report before it.)
                    .or_else(|| {
                        (i > a && matches!(doc.tok_bytes(i - 1), b"and" | b"but"))
                            .then(|| {
                                (a..i - 1)
                                    .rev()
                                    .take(40)
                                    .find(|&k| {
                                        doc.starts_lower(k)
                                            && (doc.is(k, lexicon::LEX_SPEECH_VERB)
                                                || cues::is_learned_cue(doc, k))
                                            // (Not a verb inside the report: `that the
                                            // country would formally declare …`.)
                                            && !(k.saturating_sub(2).max(a)..k).any(|x| {
                                                matches!(
                                                    doc.tok_bytes(x),
                                                    b"would" | b"will" | b"to" | b"could" | b"should"
                                                        | b"might" | b"can" | b"must"
                                                )
                                            })
                                    })
                                    .and_then(|k| {
                                        subject_of(doc, k, a).or_else(|| plain_subject(doc, k, a))
                                    })
                                    .or_else(|| sentence_subject(doc, a, i))
                            })
                            .flatten()
                    })
                    .or_else(|| {
                        (kind == CueKind::Speech && doc.lex(i) & lexicon::LEX_WEAK_SPEECH_VERB == 0)
                            .then(|| long_subject(doc, i, a))
                            .flatten()
                    })
                    // (`Sanders said, going on to say that …`: the one who went on.)
                    .or_else(|| {
                        (i >= a + 3
                            && matches!(doc.tok_bytes(i - 3), b"going" | b"went")
                            && doc.tok_is(i - 2, "on")
                            && doc.tok_is(i - 1, "to"))
                            .then(|| shared_subject(doc, i - 3, a))
                            .flatten()
                    })
            };
            if !participle && src.is_none() && kind != CueKind::Speech {
                i += 1;
                continue;
            }
            let cue = if told && obj_end > i + 1 {
                Span::new(
                    doc.tokens[i].span().start,
                    doc.tokens[obj_end - 1].span().end,
                )
            } else {
                doc.tokens[i].span()
            };
            // The content ends where another report takes over: `…, adding that`,
            // `…, and he noted that`.
            // (`--` stands for a dash in plain-text copy.)
            let is_dash = |x: usize| {
                doc.kind(x) == TokKind::Punct
                    && (matches!(doc.tok_bytes(x), EM_DASH | EN_DASH)
                        || (doc.tok_is(x, "-") && x + 1 < e && doc.tok_is(x + 1, "-")))
            };
            // (Whether the content holds one dash is asked only at a dash, and once.)
            let mut single_dash = None;
            // The tests of a comma that ends the content.
            let comma_ends_content = |x: usize| {
                (object_content
                    && x > start
                    && x + 1 < e
                    && matches!(
                        doc.tok_bytes(x + 1),
                        b"which" | b"who" | b"whose" | b"where" | b"while" | b"but" | b"although"
                            | b"though" | b"as" | b"after" | b"because" | b"when"
                    ))
                    || (x > start + 2 && comma_hands_over(doc, x, e))
                    // A second verb of the cue's subject (`claimed Clinton had helped her, but
                    // offered no proof`).
                    || (x > start + 2
                        && x + 2 < e
                        && matches!(doc.tok_bytes(x + 1), b"and" | b"but")
                        && {
                            let mut y = x + 2;
                            if matches!(doc.tok_bytes(y), b"also" | b"then" | b"later") && y + 1 < e {
                                y += 1;
                            }
                            is_past_verb_at(doc, y)
                        })
                    || (x > start + 2
                        && (x + 1..(x + 4).min(e)).any(|y| {
                            doc.starts_lower(y)
                                && (doc.is(y, lexicon::LEX_SPEECH_VERB)
                                    || cues::is_learned_cue(doc, y))
                                && !doc.tok_bytes(y).ends_with(b"ing")
                                && e > y + 2
                                && (x + 1..y).all(|z| is_np_token(doc, z))
                        }))
                    || (x + 2 < e && doc.tok_is(x + 1, "compared") && doc.tok_is(x + 2, "with"))
                    // (`…, according to the Associated Press`: a source of its own.)
                    || (x > start + 2
                        && x + 2 < e
                        && doc.tok_bytes(x + 1).eq_ignore_ascii_case(b"according")
                        && doc.tok_is(x + 2, "to"))
                    || (x + 1 < e
                        && doc.tok_bytes(x + 1).ends_with(b"ing")
                        && doc.is(x + 1, lexicon::LEX_SPEECH_VERB))
                    // A closing cue of its own (`He said the plan was dead, Sen. Chuck
                    // Grassley told reporters`): the content ends at its comma.
                    || closing_cue_after(doc, start, x, e, accepted)
            };
            // (What ends the content is a word — `and`, `but`, a subordinating word — or a
            // mark — a comma, a semicolon, a dash —: each token's kind says which tests can
            // hold, and its text is read once. A number ends nothing.)
            let content_end = (start..e)
                .find(|&x| match doc.kind(x) {
                    TokKind::Number => false,
                    TokKind::Word => {
                        let w = doc.tok_bytes(x);
                        (object_content
                            && x > start
                            && matches!(
                                w,
                                b"after"
                                    | b"because"
                                    | b"when"
                                    | b"while"
                                    | b"since"
                                    | b"before"
                                    | b"during"
                                    | b"amid"
                            ))
                            || (matches!(w, b"and" | b"but") && x + 2 < e && {
                                let n = doc.tok(x + 1);
                                let strong = |y: usize| doc.is_strong_speech_verb(y);
                                strong(x + 1)
                                    || ((lexicon::pronoun(n).is_some()
                                        || n.chars().next().is_some_and(|c| c.is_uppercase())
                                        || doc.is(x + 1, lexicon::LEX_GROUP_NOUN)
                                        || matches!(
                                            n,
                                            "the"
                                                | "a"
                                                | "an"
                                                | "its"
                                                | "their"
                                                | "some"
                                                | "many"
                                                | "other"
                                                | "others"
                                        ))
                                        && (x + 2..e.min(x + 5)).any(strong))
                                    || (matches!(
                                        n,
                                        "is" | "are" | "was" | "were" | "has" | "have" | "had"
                                    ) && strong(x + 2))
                            })
                    }
                    TokKind::Punct => {
                        // A dash after a few words opens an aside the report does not cover.
                        // (A pair of dashes is an aside inside the content: `lines — which
                        // were made of iron — with plastic`.)
                        // A semicolon ends the reported clause; so does a new report after a
                        // comma (`…, he estimated that …`) or a comparison tacked on (`…,
                        // compared with 41 percent for …`).
                        let t = doc.tok_bytes(x);
                        (is_dash(x)
                            && x > start + 3
                            && *single_dash.get_or_insert_with(|| {
                                (start..e).filter(|&x| is_dash(x)).take(2).count() == 1
                            }))
                            || (t == b";" && x > start + 2)
                            || (t == b"," && comma_ends_content(x))
                    }
                })
                .map(|x| {
                    if x > start && doc.tok_is(x - 1, ",") {
                        x - 1
                    } else {
                        x
                    }
                })
                .unwrap_or(e);
            // A learned cue whose content holds a reporting verb of its own (`Hicks found that
            // many people told her …`) gives way to that inner report.
            if kind == CueKind::Learned
                && (start..e.min(start + 60)).any(|x| doc.is_strong_speech_verb(x))
            {
                i += 1;
                continue;
            }
            // (`declined to comment`: a `to` complement may be two words.)
            let min_words = if to_frame { 2 } else { 3 };
            if let Some(mut q) =
                make_indirect_min(doc, start, content_end, cue, src, accepted, min_words)
            {
                if participle {
                    // The participle's subject is the noun phrase right before it (`with 30
                    // percent of voters saying they …`), else the sentence's: `The
                    // Government … by agreeing that …`, else whoever spoke last.
                    let own = (i > a && !doc.tok_is(i - 1, ","))
                        .then(|| np_ending_at(doc, i, a))
                        .flatten();
                    q.source = own
                        .or_else(|| sentence_subject(doc, a, i))
                        .or_else(|| shared_subject(doc, i, a))
                        .map_or(Source::Previous, Source::Phrase);
                }
                // `the source, who said he had spoken …, told Reuters`: a relative clause's
                // content ends at its comma.
                if i > a && doc.tok_is(i - 1, "who") {
                    if let Some(c) = (start..e).find(|&x| doc.tok_is(x, ",")) {
                        if let Some(q2) = make_indirect(doc, start, c, cue, src, accepted) {
                            q = q2;
                        }
                    }
                }
                // (The ranker proposes the cue verb's subject, looked for here already.)
                if !participle {
                    q.subject = match named() {
                        None => CueSubject::None,
                        Some(s) if q.source == Source::Phrase(s) => CueSubject::Source,
                        Some(_) => CueSubject::Unknown,
                    };
                }
                let q_end = q.span.end;
                out.push(q);
                i = doc.tokens_before(q_end).max(i + 1);
                continue;
            }
            i += 1;
        }
    }
    out
}

/// The noun phrase opening the sentence (`The Government` in `The Government has
/// effectively admitted …`), if it names someone and ends before token `limit`.
pub(crate) fn sentence_subject(doc: &Document, a: usize, limit: usize) -> Option<Span> {
    // A lead-in phrase is not the subject: `Facing criticism, Mr. Trump …`, `Reached by
    // phone, Bennett …`, `In a statement, the group …`.
    let first = doc.tok(a);
    let lead = (first.len() > 3
        && (first.ends_with("ing") || first.ends_with("ed"))
        && first.starts_with(|c: char| c.is_uppercase()))
        || is_lowercased_preposition_at(doc, a);
    let a = if lead {
        match (a..limit.min(a + 12)).find(|&k| doc.tok_is(k, ",")) {
            Some(c) => c + 1,
            None => return None,
        }
    } else {
        a
    };
    let mut z = a;
    while z < limit && (is_np_token(doc, z) || doc.tok_is(z, ",")) && z - a < 14 {
        z += 1;
    }
    if z > a && (a..z).any(|k| doc.tok_is(k, ",")) {
        // An appositive: let `subject_before` pick the name.
        return subject_before(doc, z, a);
    }
    while z > a && doc.tok_is(z - 1, ",") {
        z -= 1;
    }
    (z > a
        && looks_like_np(doc, a, z)
        && !(a..z).all(|k| {
            matches!(
                doc.tok_bytes(k),
                b"The" | b"the" | b"A" | b"a" | b"An" | b"an"
            )
        }))
    .then(|| Span::new(doc.tokens[a].span().start, doc.tokens[z - 1].span().end))
}

/// Where the content before a mid-sentence cue starts: the sentence start, unless a direct
/// quote or another cue comes earlier in the sentence, in which case the clause after the
/// last comma before the cue.
pub(crate) fn segment_start(doc: &Document, a: usize, comma: usize) -> usize {
    let busy = (a..comma).any(|k| cue_kind(doc, k) == Some(CueKind::Speech));
    if !busy {
        return a;
    }
    (a..comma)
        .rev()
        .find(|&k| doc.tok_is(k, ","))
        .map_or(a, |k| k + 1)
}

/// `A, he said, B` — a short source and cue between commas, inside the content.
pub(crate) fn parenthetical_cue(
    doc: &Document,
    a: usize,
    v: usize,
    e: usize,
    accepted: &[Span],
) -> Option<Vec<RawQuote>> {
    // The tokens after the verb up to the next comma are at most a short adjunct.
    let after = (v + 1..e.min(v + 4)).find(|&k| doc.tok_is(k, ","))?;
    if (v + 1..after).any(|k| doc.tok_is(k, "that")) {
        return None;
    }
    let comma = (a..v).rev().take(6).find(|&k| doc.tok_is(k, ","))?;
    if comma <= a {
        return None;
    }
    // (Or an unnamed source with a head of its own: `, many economists say,`, `, the budget
    // office said,`, `, these people said,`.)
    let src = match np_ending_at(doc, v, comma + 1) {
        Some(sp)
            if doc.token_at_or_after(sp.start) <= comma + 2
                && (comma + 1..v).all(|k| is_np_token(doc, k)) =>
        {
            sp
        }
        _ => source_stretch(doc, comma + 1, v)?,
    };
    let cue = doc.tokens[v].span();
    let from = segment_start(doc, a, comma);
    let mut out = Vec::new();
    // An adverbial lead (`For days after a storm, officials say, …`) is not content.
    const LEADS: &[&str] = &[
        "after", "although", "as", "because", "before", "during", "for", "if", "in", "since", "to",
        "when", "while",
    ];
    if !lexicon::in_list(LEADS, doc.tok(from)) {
        out.extend(make_indirect_min(
            doc,
            from,
            comma,
            cue,
            Some(src),
            accepted,
            2,
        ));
    }
    out.extend(make_indirect(doc, after + 1, e, cue, Some(src), accepted));
    (!out.is_empty()).then_some(out)
}

/// `As X has pointed out, CONTENT` / `As Kirby noted, CONTENT`.
pub(crate) fn as_cue(doc: &Document, i: usize, e: usize, accepted: &[Span]) -> Option<RawQuote> {
    let comma = (i + 1..e.min(i + 14)).find(|&k| doc.tok_is(k, ","))?;
    let v = (i + 1..comma).find(|&k| cue_kind(doc, k) == Some(CueKind::Speech))?;
    // (`As reported by Western Journalism, …`: the agent of the passive.)
    let src = if v + 1 < comma && doc.tok_is(v + 1, "by") {
        np_after(doc, v + 2, comma)
    } else {
        np_after(doc, i + 1, v).or_else(|| subject_before(doc, v, i + 1))
    };
    make_indirect(doc, comma + 1, e, doc.tokens[v].span(), src, accepted)
}

/// Reporting verbs that take a clause without `that` (`said the talks failed`, `…, saying
/// the talks failed`). Verbs
/// that also take a plain object (`announced a strategy`, `advises the minister`) need
/// `that` to introduce reported speech.
pub(crate) const BARE_CLAUSE_VERBS: &[&str] = &[
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "admitting",
    "argued",
    "argues",
    "arguing",
    "asserted",
    "asserting",
    "asserts",
    "conceded",
    "concedes",
    "conceding",
    "contended",
    "contending",
    "contends",
    "explained",
    "explaining",
    "explains",
    "insisted",
    "insisting",
    "insists",
    "noted",
    "notes",
    "noting",
    "said",
    "say",
    "saying",
    "says",
    "stressed",
    "stressing",
    "suggested",
    "suggesting",
    "suggests",
    "telling",
    "tells",
    "told",
    "warned",
    "warning",
    "warns",
    "writes",
    "wrote",
];

/// Skips a short adjunct after a reporting verb (`in a statement`, `on Tuesday`, `late
/// Thursday`, `at a news conference`) when a clause with a subject follows it.
pub(crate) fn skip_adjunct(doc: &Document, k: usize, e: usize) -> usize {
    const HEADS: &[&str] = &[
        "at",
        "during",
        "earlier",
        "early",
        "in",
        "last",
        "late",
        "later",
        "on",
        "this",
        "through",
        "to",
        "via",
        "yesterday",
    ];
    // (An aside between commas, then the clause: `Rubio says, win or lose in Tuesday’s
    // primary, he’s staying in the race`.)
    if k < e && doc.tok_is(k, ",") {
        let clause_after = (k + 2..e.min(k + 14))
            .find(|&j| {
                matches!(
                    doc.tok_bytes(j),
                    b"," | b";" | b":" | LEFT_DQUOTE | b"\"" | b"that"
                )
            })
            .filter(|&c2| doc.tok_is(c2, ","))
            .map(|c2| c2 + 1)
            .filter(|&j| j < e && starts_clause(doc, j) && has_finite_verb(doc, j, e));
        return clause_after.unwrap_or(k);
    }
    // A bare day (`said Tuesday the remarks were …`, `said Friday night it would …`).
    if k < e && doc.is(k, lexicon::LEX_DAY) {
        let mut j = k + 1;
        if j < e
            && matches!(
                doc.tok_bytes(j),
                b"night" | b"morning" | b"afternoon" | b"evening"
            )
        {
            j += 1;
        }
        return if j < e && starts_clause(doc, j) && has_finite_verb(doc, j, e) {
            j
        } else {
            k
        };
    }
    if k >= e || !lexicon::in_list(HEADS, doc.tok(k)) {
        return k;
    }
    // A longer adjunct closed by `that` (`said in a statement to the Shenzhen stock
    // exchange that Illva will pay …`): the clause is what follows `that`, not a noun inside
    // the adjunct that happens to precede a verb. (`in that interview`: a determiner.)
    let that = (k + 2..e.min(k + 12))
        .take_while(|&j| {
            !matches!(
                doc.tok_bytes(j),
                b"," | b";" | b":" | b"." | LEFT_DQUOTE | b"\""
            )
        })
        .find(|&j| doc.tok_is(j, "that") && !is_preposition_at(doc, j - 1));
    if let Some(t) = that {
        if t + 1 < e && starts_clause(doc, t + 1) {
            return t + 1;
        }
    }
    for j in k + 1..e.min(k + 6) {
        let w = doc.tok(j);
        if matches!(w, "," | ";" | ":") {
            return k;
        }
        let subject = lexicon::pronoun(w)
            .is_some_and(|p| p != lexicon::Pronoun::Speaker || w == "we" || w == "We")
            || matches!(w, "it" | "It" | "the" | "The" | "its" | "their" | "there");
        if j >= k + 2 && subject && has_finite_verb(doc, j, e) {
            return j;
        }
    }
    k
}

/// Weekdays, `today` and `yesterday`: a time that stands alone as an adjunct (a compiled
/// list: `lexicon::LEX_DAY`).
pub(crate) const DAYS: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "today",
    "tuesday",
    "wednesday",
    "yesterday",
];

/// Is there a finite verb within the first few tokens after a clause's first word?
pub(crate) fn has_finite_verb(doc: &Document, k: usize, e: usize) -> bool {
    // `she plans to …`, `he won every …`: after a subject pronoun, a lowercase word is its
    // verb (or an adverb before it: `they never …`).
    if k + 1 < e
        && matches!(
            doc.tok_bytes(k),
            b"he"
                | b"she"
                | b"it"
                | b"they"
                | b"we"
                | b"I"
                | b"He"
                | b"She"
                | b"It"
                | b"They"
                | b"We"
        )
    {
        let v = doc.tok(k + 1);
        if v.len() > 1 && v.chars().all(|c| c.is_lowercase()) && !is_preposition_at(doc, k + 1) {
            return true;
        }
    }
    // `he’ll`, `she’s`, `they’re`, `we’ve`: a subject pronoun with its verb in one token.
    if k < e
        && doc.tok(k).split_once(['’', '\'']).is_some_and(|(p, v)| {
            lexicon::pronoun(p).is_some() && matches!(v, "ll" | "s" | "d" | "re" | "ve" | "m")
        })
    {
        return true;
    }
    // `Obama enjoys …`, `Ivanka Trump also advises …`: a present-tense verb right after a
    // name (not after a possessive: `Trump’s plans`).
    let present_after_name = |x: usize| {
        let w = doc.tok(x);
        let mut n = x;
        if n > k
            && matches!(
                doc.tok_bytes(n - 1),
                b"also" | b"now" | b"still" | b"never" | b"often"
            )
        {
            n -= 1;
        }
        n > k
            && doc.is_upper(n - 1)
            && !doc.tok_bytes(n - 1).ends_with(b"s")
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && w.chars().all(|c| c.is_ascii_lowercase())
    };
    // `Trump’s use of social media gives his campaign …`: a present-tense verb before its
    // object's determiner (a plural noun is seldom followed by one; after a determiner or a
    // possessive the word is a noun itself).
    let present_before_object = |x: usize| {
        let w = doc.tok(x);
        x > k
            && x + 1 < e
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && w.bytes().all(|c| c.is_ascii_lowercase())
            && matches!(
                doc.tok_bytes(x + 1),
                b"the"
                    | b"a"
                    | b"an"
                    | b"his"
                    | b"her"
                    | b"their"
                    | b"its"
                    | b"our"
                    | b"my"
                    | b"him"
                    | b"them"
                    | b"us"
                    | b"me"
            )
            && !cues::is_noun_marker(doc.tok(x - 1))
    };
    (k + 1..e.min(k + FINITE_WINDOW)).any(|x| {
        let w = doc.tok(x);
        doc.is(x, lexicon::LEX_FINITE | lexicon::LEX_IRREGULAR_PAST)
            || is_regular_past(w.as_bytes())
            || is_negated_auxiliary(w)
            || (x <= k + 4 && present_after_name(x))
            || present_before_object(x)
    })
}

/// Auxiliaries and modals: a finite verb wherever they stand (sorted, for
/// [`lexicon::in_list`]; a compiled list: `lexicon::LEX_FINITE`).
pub(crate) const FINITE: &[&str] = &[
    "are", "can", "could", "did", "does", "had", "has", "have", "is", "may", "might", "must",
    "should", "was", "were", "will", "won't", "would",
];

/// Forms of `be`, `have` and `will` that make a stretch of words a clause rather than a
/// noun phrase (an object after `told`, a source before its verb, content before a closing
/// cue). Sorted, for [`lexicon::in_list`].
pub(crate) const CLAUSE_AUXILIARIES: &[&str] = &[
    "are", "had", "has", "have", "is", "was", "were", "will", "would",
];

/// How far after a clause's first word its finite verb is looked for: far enough for a
/// subject with a modifier (`Trump’s recent visits to some of the state’s battlegrounds
/// have …`).
const FINITE_WINDOW: usize = 12;

/// Does what follows the cue at `i` from token `k` lack a subject (it opens with an
/// auxiliary), though no relative clause put the report's subject before the cue (`what he
/// said were …`, `which the agency says had …`, `countries he said had …`, `a probe the
/// agency said was …`)? Then the cue word is a noun: `Bekele's record hopes were dashed`.
fn subjectless(doc: &Document, i: usize, k: usize, e: usize) -> bool {
    if k >= e || !lexicon::in_list(CLAUSE_AUXILIARIES, doc.tok(k)) {
        return false;
    }
    let relative = (i.saturating_sub(10)..i).any(|x| {
        matches!(
            doc.tok_bytes(x),
            b"what" | b"which" | b"who" | b"that" | b"whom"
        )
    }) || (i.saturating_sub(5)..i).any(|x| {
        let w = doc.tok(x);
        (lexicon::pronoun(w).is_some() && x + 1 == i || matches!(w, "the" | "a" | "an"))
            && x > 0
            && doc.starts_lower(x - 1)
            && !matches!(
                doc.tok_bytes(x - 1),
                b"and" | b"but" | b"or" | b"as" | b"if"
            )
    });
    !relative
}

/// `wasn't`, `don’t`, `can't`: an auxiliary and its negation in one token.
pub(crate) fn is_negated_auxiliary(w: &str) -> bool {
    let stem = w
        .strip_suffix("n't")
        .or_else(|| w.strip_suffix("n’t"))
        .unwrap_or("");
    matches!(
        stem.to_ascii_lowercase().as_str(),
        "is" | "was"
            | "are"
            | "were"
            | "do"
            | "does"
            | "did"
            | "ca"
            | "wo"
            | "could"
            | "would"
            | "should"
            | "has"
            | "have"
            | "had"
            | "must"
            | "need"
    )
}

/// Common irregular past forms ([`is_past_verb`]; a compiled list:
/// `lexicon::LEX_IRREGULAR_PAST`).
#[rustfmt::skip]
pub(crate) const IRREGULAR_PAST: &[&str] = &[
    "became", "began", "begun", "brought", "built", "came", "chose", "chosen", "did", "done",
    "drawn", "fell", "felt", "found", "gave", "given", "gone", "got", "grew", "grown",
    "had", "heard", "held", "kept", "knew", "led", "left", "lost", "made", "meant",
    "met", "paid", "ran", "rose", "said", "sat", "saw", "sent", "shown", "sold",
    "spent", "spoke", "spoken", "stood", "taken", "thought", "thrown", "told", "took", "understood",
    "went", "won", "written", "wrote",
];

/// A lowercase past-tense verb: regular (`offered`) or a common irregular one (`won`,
/// `made`).
pub(crate) fn is_past_verb(w: &str) -> bool {
    lexicon::in_list(IRREGULAR_PAST, w) || is_regular_past(w.as_bytes())
}

/// [`is_past_verb`] of token `k`, its irregular forms known from the token's facts.
pub(crate) fn is_past_verb_at(doc: &Document, k: usize) -> bool {
    doc.is(k, lexicon::LEX_IRREGULAR_PAST) || is_regular_past(doc.tok_bytes(k))
}

/// A lowercase word ending in `ed` (`offered`), longer than `red` or `bed`.
fn is_regular_past(w: &[u8]) -> bool {
    w.len() > 3 && w.ends_with(b"ed") && crate::case::is_all_lowercase(w)
}

/// Does the comma at token `x` hand the sentence over to a clause the report does not cover?
/// A contrast with someone else (`… would pass, while Democrats …`, `…, whereas Petraeus …`,
/// `…, despite …`), or another report joined on (`they prefer an outsider, and six in 10
/// said …`, `…, while other voters said …`). (`though` and `although` are left to the
/// reporter: `He said the changes were an improvement, although the rules are narrow` is
/// most often still his.)
fn comma_hands_over(doc: &Document, x: usize, e: usize) -> bool {
    let next = if x + 1 < e { doc.tok_bytes(x + 1) } else { b"" };
    if matches!(next, b"while" | b"whereas" | b"despite") {
        return true;
    }
    matches!(next, b"and" | b"but")
        && (x + 2..e.min(x + 8))
            .take_while(|&y| doc.kind(y) != TokKind::Punct)
            .any(|y| doc.is_strong_speech_verb(y))
}

/// Can token `k` start a clause (a subject)? Anything but a preposition, conjunction,
/// adverb or time word (`said in a statement`, `said Tuesday`, `said so`).
pub(crate) fn starts_clause(doc: &Document, k: usize) -> bool {
    let w = doc.tok(k);
    const NOT_SUBJECTS: &[&str] = &[
        "about",
        "after",
        "afterward",
        "again",
        "also",
        "and",
        "as",
        "at",
        "before",
        "but",
        "by",
        "during",
        "earlier",
        "for",
        "friday",
        "from",
        "in",
        "into",
        "last",
        "late",
        "later",
        "monday",
        "not",
        "now",
        "of",
        "on",
        "or",
        "over",
        "publicly",
        "recently",
        "saturday",
        "so",
        "sunday",
        "then",
        "through",
        "thursday",
        "to",
        "today",
        "tuesday",
        "wednesday",
        "when",
        "while",
        "with",
        "yesterday",
    ];
    if lexicon::in_list(NOT_SUBJECTS, w) || doc.kind(k) == TokKind::Punct {
        return false;
    }
    true
}

/// `CONTENT, X said [adjuncts].` — a short cue clause closing the sentence after a comma.
pub(crate) fn trailing_cue(
    doc: &Document,
    first: usize,
    v: usize,
    e: usize,
    direct: &[Span],
) -> Option<RawQuote> {
    // The comma that opens the cue clause, at most a few tokens before the verb.
    let lo = v.saturating_sub(10).max(first);
    let comma = (lo..v).rev().find(|&k| doc.tok_is(k, ","))?;
    let told = matches!(doc.tok_bytes(v), b"told" | b"tells");
    let inverted = comma + 1 == v && !told;
    // Nothing but a short adjunct may follow the verb (`said late Thursday`, `said in a
    // statement`), or, inverted, the source and its appositive (`, said Ian Michaels, a
    // spokesman for …`); never `that` or a quote.
    let tail_limit = if inverted { 24 } else { 8 };
    if e - v > tail_limit
        || (v + 1..e)
            .take_while(|&k| !inverted || !doc.tok_is(k, ","))
            .any(|k| matches!(doc.tok_bytes(k), b"that" | LEFT_DQUOTE | b"\""))
        || (!inverted && (v + 1..e).any(|k| doc.tok_is(k, ",")))
        // (`Despite the sheen, officials said they welcome it`: a clause after the verb is
        // its content; the cue does not trail.)
        || (!inverted && v + 1 < e && starts_clause(doc, v + 1) && has_finite_verb(doc, v + 1, e))
    {
        return None;
    }
    if told && comma + 1 == v {
        // `CONTENT, the source, who said …, told Reuters.`: the subject sits before the
        // relative clause.
        let who = (first..comma)
            .rev()
            .take(20)
            .find(|&k| doc.tok_is(k, "who") && k > first && doc.tok_is(k - 1, ","))?;
        let sp = np_ending_at(doc, who - 1, first)?;
        let subj_start = doc.token_at_or_after(sp.start);
        let mut c2 = subj_start;
        while c2 > first
            && matches!(
                doc.tok_bytes(c2 - 1),
                b"the" | b"a" | b"an" | b"The" | b"A" | b"An"
            )
        {
            c2 -= 1;
        }
        if c2 == first || !doc.tok_is(c2 - 1, ",") {
            return None;
        }
        return make_indirect(doc, first, c2 - 1, doc.tokens[v].span(), Some(sp), direct);
    }
    // The content before the comma must be a clause, not a name with an appositive
    // (`The Prime Minister, Keir Starmer, said …`), nor an adjunct (`In her 2003 book,
    // Living History, Clinton noted …`).
    if (first..comma).all(|k| doc.tok_is(k, ",") || is_np_token(doc, k))
        || (is_lowercased_preposition_at(doc, first)
            && !(first..comma).any(|k| {
                let w = doc.tok(k);
                CLAUSE_AUXILIARIES.contains(&w) || is_past_verb(w) || is_negated_auxiliary(w)
            }))
    {
        return None;
    }
    // `CONTENT, Roberta Lange, the state party chairwoman, said.`, `CONTENT, a spokeswoman,
    // Anna White, said.`: a name and its description between commas, before the verb.
    if inverted && e - v <= 8 && !(v + 1..e).any(|k| doc.tok_is(k, ",")) {
        if let Some((c1, src)) = appositive_source(doc, first, comma) {
            if c1 > first + 2 {
                return make_indirect(doc, first, c1, doc.tokens[v].span(), Some(src), direct);
            }
        }
    }
    let src = if inverted {
        // `, said X` ends the sentence, or X takes an appositive after a comma.
        let np = np_after(doc, v + 1, e)?;
        // A clause after the verb is its content, not an inverted source: `Bennett, a
        // Reagan education secretary, said he could not support …`.
        let np_end = (v + 1..e).find(|&k| doc.tok_is(k, ",")).unwrap_or(e);
        if starts_clause(doc, v + 1) && has_finite_verb(doc, v + 1, np_end) {
            return None;
        }
        let after = doc.tokens_before(np.end);
        if after < e && !doc.tok_is(after, ",") {
            return None;
        }
        Some(np)
    } else {
        // The whole stretch between the comma and the verb must be the source (a leading
        // determiner aside: `, a senior political source told Reuters`).
        let mut from = comma + 1;
        while from < v
            && matches!(
                doc.tok_bytes(from),
                b"a" | b"an"
                    | b"the"
                    | b"A"
                    | b"An"
                    | b"The"
                    | b"his"
                    | b"her"
                    | b"their"
                    | b"its"
                    | b"our"
            )
        {
            from += 1;
        }
        // (The phrase as written keeps its determiner: `the spokesman`.)
        let whole = |sp: Span| Span::new(doc.tokens[comma + 1].span().start, sp.end);
        match np_ending_at(doc, v, comma + 1) {
            Some(sp) if (comma + 1..=from).contains(&doc.token_at_or_after(sp.start)) => {
                Some(whole(sp))
            }
            // A source with words after its head or before it (`a source close to him`,
            // `the prime minister’s spokesman`, `many economists`): the whole stretch, if
            // it is a short phrase without a clause of its own.
            _ => source_stretch(doc, comma + 1, v),
        }
    };
    src?;
    if comma <= first + 2 {
        return None;
    }
    make_indirect(doc, first, comma, doc.tokens[v].span(), src, direct)
}

/// The source of a closing cue given as a name and its description, each between commas,
/// in either order, the last comma at `comma`: the comma that opens them and the whole
/// source phrase.
fn appositive_source(doc: &Document, first: usize, comma: usize) -> Option<(usize, Span)> {
    let prev_comma = |to: usize| {
        (to.saturating_sub(9).max(first)..to)
            .rev()
            .find(|&k| doc.tok_is(k, ","))
    };
    let c0 = prev_comma(comma)?;
    let c1 = prev_comma(c0)?;
    let name = |a: usize, b: usize| {
        a < b
            && doc.is_upper(a)
            && np_ending_at(doc, b, a).is_some_and(|sp| doc.token_at_or_after(sp.start) == a)
    };
    let description = |a: usize, b: usize| {
        a + 1 < b
            && matches!(doc.tok_bytes(a), b"a" | b"an" | b"the")
            && source_stretch(doc, a, b).is_some()
    };
    let ok = (name(c1 + 1, c0) && description(c0 + 1, comma))
        || (description(c1 + 1, c0) && name(c0 + 1, comma));
    ok.then(|| {
        (
            c1,
            Span::new(
                doc.tokens[c1 + 1].span().start,
                doc.tokens[comma - 1].span().end,
            ),
        )
    })
}

/// Does a closing cue clause (`, the ministry said in a statement.`) open at the comma at
/// token `comma`, with `start..comma` as its content?
fn closing_cue_after(
    doc: &Document,
    start: usize,
    comma: usize,
    e: usize,
    accepted: &[Span],
) -> bool {
    let strong = |y: usize| {
        doc.is_strong_speech_verb(y) && doc.starts_lower(y) && !doc.tok_bytes(y).ends_with(b"ing")
    };
    // (Through a name and its description between commas: `, a spokeswoman, Anna White,
    // said`.)
    let mut commas = 0;
    (comma + 2..e.min(comma + 18))
        .take_while(|&v| {
            commas += usize::from(doc.tok_is(v, ","));
            commas <= 2
        })
        .find(|&v| strong(v))
        .and_then(|v| trailing_cue(doc, start, v, e, accepted))
        .is_some_and(|q| {
            q.span.end <= doc.tokens[comma].span().start
                // (`He added that …, he said`: a pronoun repeats the speaker already named.)
                && !matches!(q.source, Source::Phrase(p) if lexicon::pronoun(doc.slice(p)).is_some())
        })
}

/// Is the `that` at token `t` a relative pronoun — followed by a verb (`that cast`, `that
/// have moved`, `that will vote`) rather than by a clause's subject?
fn relative_that(doc: &Document, t: usize) -> bool {
    let w = doc.tok(t + 1);
    // (`won't`, in FINITE and not in the list this replaced, is a negated auxiliary either way.)
    lexicon::in_list(FINITE, w) || is_negated_auxiliary(w) || is_past_verb(w)
}

/// `Trump Says He Never Pledged To Kill …`: a speech verb, capitalised, in a sentence whose
/// words are nearly all capitalised (a headline), after a name and before a clause.
fn headline_cue(
    doc: &Document,
    a: usize,
    i: usize,
    e: usize,
    accepted: &[Span],
) -> Option<RawQuote> {
    if i <= a
        || i + 3 > e
        || !doc.is_upper(i)
        || !matches!(
            doc.tok_bytes(i),
            b"Says" | b"Said" | b"Tells" | b"Warns" | b"Insists" | b"Admits"
        )
    {
        return None;
    }
    let words = (a..e).filter(|&k| doc.kind(k) == TokKind::Word && doc.tok_bytes(k).len() > 3);
    let (mut n, mut caps) = (0, 0);
    for k in words {
        n += 1;
        caps += doc.is_upper(k) as usize;
    }
    if n < 4 || caps * 10 < n * 8 {
        return None;
    }
    let src = np_ending_at(doc, i, a)?;
    // (`Sanders Told A Female Reporter Not To …`: the told one is no clause.)
    if doc.tok_is(i, "Tells")
        && !matches!(
            doc.tok_bytes(i + 1),
            b"He" | b"She" | b"They" | b"It" | b"We"
        )
    {
        return None;
    }
    make_indirect(doc, i + 1, e, doc.tokens[i].span(), Some(src), accepted)
}

/// Tokens `a..b` between a comma and a closing cue verb, read as its source: a short
/// phrase that opens like one (a determiner, a quantity, a name, a group noun) and holds
/// no verb, conjunction or mark of its own.
fn source_stretch(doc: &Document, a: usize, b: usize) -> Option<Span> {
    if a >= b || b - a > 7 {
        return None;
    }
    let first = doc.tok(a);
    let opens = matches!(
        first.to_ascii_lowercase().as_str(),
        "a" | "an"
            | "the"
            | "many"
            | "some"
            | "several"
            | "most"
            | "other"
            | "two"
            | "three"
            | "four"
            | "both"
            | "few"
            | "one"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
    ) || doc.is_upper(a)
        || is_group_noun(first)
        || lexicon::is_in(first, lexicon::LEX_MODIFIER);
    let plain = (a..b).all(|k| {
        let w = doc.tok(k);
        (doc.kind(k) != TokKind::Punct || matches!(w, "(" | ")" | "-" | "." | "’s" | "'s"))
            && !matches!(
                w,
                "that"
                    | "which"
                    | "who"
                    | "when"
                    | "if"
                    | "because"
                    | "and"
                    | "but"
                    | "or"
                    | "as"
                    | "while"
                    | "so"
            )
            && !lexicon::in_list(CLAUSE_AUXILIARIES, w)
            && !is_past_verb(w)
            && !is_quote_char_token(w.as_bytes())
    });
    // The head: a role or group noun, or a name (`people close to Clinton`, `the report`).
    let head = (a..b).any(|k| {
        doc.is(k, lexicon::LEX_TITLE_WORD)
            || doc.is(
                k,
                lexicon::LEX_GROUP_NOUN | lexicon::LEX_PERSON_NOUN | lexicon::LEX_ORG_HEAD,
            )
            || (doc.is_upper(k) && k > a)
    });
    (opens && plain && head)
        .then(|| Span::new(doc.tokens[a].span().start, doc.tokens[b - 1].span().end))
}

/// Content that ends inside a partial quote takes in the rest of it: in `said the judge
/// was “biased.”` the sentence's period stands inside the marks, and the content would
/// otherwise stop at `“biased`, a mark left open on the page.
fn close_open_mark(doc: &Document, span: Span) -> Span {
    let rest = &doc.text[span.end..];
    let after_stop = rest.trim_start_matches(['.', '!', '?']);
    // (The content's marks are counted only where a closing mark follows it: most reports
    // end on plain text.)
    let Some(c) = after_stop.chars().next().filter(|&c| c == '”' || c == '"') else {
        return span;
    };
    let inside = &doc.text[span.start..span.end];
    let open = inside.matches('“').count() > inside.matches('”').count()
        || inside.matches('"').count() % 2 == 1;
    if !open {
        return span;
    }
    Span::new(
        span.start,
        span.end + (rest.len() - after_stop.len()) + c.len_utf8(),
    )
}

/// Builds an indirect quote over tokens `a..b`, or `None` if it is too short or is just
/// a direct quote (content that opens with the quote mark).
pub(crate) fn make_indirect(
    doc: &Document,
    a: usize,
    b: usize,
    cue: Span,
    src: Option<Span>,
    accepted: &[Span],
) -> Option<RawQuote> {
    make_indirect_min(doc, a, b, cue, src, accepted, 3)
}

pub(crate) fn make_indirect_min(
    doc: &Document,
    a: usize,
    b: usize,
    cue: Span,
    src: Option<Span>,
    accepted: &[Span],
    min_words: usize,
) -> Option<RawQuote> {
    if a >= b || b > doc.tokens.len() {
        return None;
    }
    let (mut a, mut b) = (a, b);
    // Trim leading punctuation and trailing commas.
    while a < b && matches!(doc.tok_bytes(a), b"," | b":" | EM_DASH | EN_DASH) {
        a += 1;
    }
    // A dateline opening the paragraph (`LONDON — `) is not part of what was said.
    if a + 2 < b
        && matches!(doc.tok_bytes(a + 1), EM_DASH | EN_DASH)
        && doc.tok(a).chars().all(|c| c.is_uppercase())
        && doc.tok(a).len() > 1
    {
        a += 2;
    }
    while b > a && matches!(doc.tok_bytes(b - 1), b"," | b":" | EM_DASH | EN_DASH | b";") {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    let span = Span::new(doc.tokens[a].span().start, doc.tokens[b - 1].span().end);
    // Content that is (or starts with) a direct quote is that quote, not a second one; a
    // direct quote further inside stays part of the reported content (`he was “appalled”
    // that …`).
    let k = accepted.partition_point(|d| d.end <= span.start);
    if accepted.get(k).is_some_and(|d| d.start <= span.start) {
        return None;
    }
    // A direct quote inside the content stays part of it (`he was “appalled” that …`),
    // unless it comes with its own cue (`…, “so they cannot form …,” Mr. McHugh said`): then
    // the content ends before it.
    let mut span = span;
    for d in accepted[k..].iter().take_while(|d| d.start < span.end) {
        let after = doc.token_at_or_after(d.end);
        // (Its own cue follows a comma: inside the marks, `…,” Mr. McHugh said`, or after
        // them; `was “absolutely right” when he said` is still the content's.)
        let comma = doc.text[..d.end]
            .trim_end_matches(['”', '"', '’', '\'', ' '])
            .ends_with(',')
            || (after < doc.tokens.len() && doc.tok_is(after, ","));
        let own_cue = comma
            && (after..(after + 5).min(doc.tokens.len()))
                .any(|x| doc.is_strong_speech_verb(x) && doc.starts_lower(x));
        if own_cue {
            let (s0, e0) = crate::segment::trim(doc.text, span.start, d.start);
            let e0 = s0
                + doc.text[s0..e0]
                    .trim_end_matches([',', ' ', '—', '–', ':'])
                    .len();
            span = Span::new(s0, e0);
            break;
        }
    }
    if words_in(doc, span) < min_words {
        return None;
    }
    let span = close_open_mark(doc, span);
    let conf = if src.is_some() { 0.7 } else { 0.5 };
    Some(RawQuote {
        span,
        kind: QuoteKind::Indirect,
        cue: Some(cue),
        source: src.map_or(Source::Unknown, Source::Phrase),
        confidence: conf,
        subject: CueSubject::Unknown,
    })
}
