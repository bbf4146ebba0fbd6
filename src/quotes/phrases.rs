//! Source phrases: the noun phrases that name who spoke — the subject of a cue, the name
//! after an inverted cue, a plain description (`the campaign`), the subject a participle
//! shares. These are the proposals the speaker ranker ([`crate::ranker`]) chooses among.

#[allow(unused_imports)]
use super::*;

/// The source after `according to`: a name (`np_after`), else any short noun phrase up to
/// the next punctuation (`according to the data`, `according to exit polls`, `according to
/// her account`) — the source phrase as written, even when it names nobody.
pub(crate) fn source_after_according(doc: &Document, a: usize, end: usize) -> Option<Span> {
    np_after(doc, a, end).or_else(|| {
        let end = end.min(doc.tokens.len());
        let mut b = a;
        while b < end && b - a < 12 {
            let w = doc.tok(b);
            if matches!(w, "," | "." | ";" | ":" | "(" | ")" | "—" | "–" | "!" | "?")
                || is_quote_char_token(w.as_bytes())
            {
                break;
            }
            if matches!(
                w,
                "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would" | "that"
            ) {
                return None;
            }
            b += 1;
        }
        (b > a && b - a < 12)
            .then(|| Span::new(doc.tokens[a].span().start, doc.tokens[b - 1].span().end))
    })
}

/// The noun phrase starting at token `a` (before `end`): `Patrick McHugh` in
/// `said Patrick McHugh, vice president of …`; stops at a comma, a verb-like lowercase
/// word after the name, or a clause boundary.
pub(crate) fn np_after(doc: &Document, a: usize, end: usize) -> Option<Span> {
    // `said of Mrs. Clinton's plan`: what follows a preposition is a topic, not a source;
    // nor is a possessive determiner a source (`said his plan …`).
    // Nor is a clause (`adding that he believed …`).
    if a < doc.tokens.len()
        && (is_preposition_at(doc, a)
            || matches!(
                doc.tok_bytes(a),
                b"his"
                    | b"its"
                    | b"their"
                    | b"our"
                    | b"my"
                    | b"that"
                    | b"whether"
                    | b"what"
                    | b"how"
            ))
    {
        return None;
    }
    let mut b = a;
    let end = end.min(doc.tokens.len());
    while b < end {
        let w = doc.tok(b);
        if (matches!(w, "," | "." | ";" | ":" | "(" | ")" | "—" | "–")
            || is_quote_char_token(w.as_bytes()))
            && !is_name_dot(doc, b)
        {
            break;
        }
        // (Any preposition but `of`, which names hold: `Bank of America`; `thanked Obama for
        // “…”` names Obama.)
        if b > a
            && (matches!(w, "who" | "when" | "that" | "as")
                || (w != "of"
                    && w.starts_with(|c: char| c.is_lowercase())
                    && is_preposition_at(doc, b)))
        {
            break;
        }
        b += 1;
        if b - a >= 8 {
            break;
        }
    }
    if b > a && looks_like_np(doc, a, b) {
        return Some(appositive_name(doc, a, b, end).unwrap_or_else(|| {
            Span::new(doc.tokens[a].span().start, doc.tokens[b - 1].span().end)
        }));
    }
    None
}

/// The phrase with the article right before it, when it opens with a lowercase noun: a
/// reader sees `The senator`, not `senator` (candidates that end at the same word differ in
/// where they start; the one chosen may have left its article out). For the phrase as
/// written only: the ranker and the entities read the phrase as chosen.
/// Is token `k` the `to` or `for` after a role (`an adviser to Mr. Obama`, `aides to Mr.
/// Obama`, `a spokesman for YouTube`)? Whom the role serves follows it.
pub(crate) fn serves(doc: &Document, k: usize) -> bool {
    k > 0
        && matches!(doc.tok_bytes(k), b"to" | b"for")
        && doc.is(k - 1, lexicon::LEX_TITLE_WORD | lexicon::LEX_GROUP_NOUN)
}

/// A spokesperson (`spokesman`, `spokeswoman`, `spokesperson`) speaks for whom they serve:
/// `a spokesman for YouTube` is YouTube speaking.
pub(crate) fn is_spokesperson(w: &str) -> bool {
    w.starts_with("spokes")
}

pub(crate) fn with_determiner(doc: &Document, span: Span) -> Span {
    let a = doc.token_at_or_after(span.start);
    if a == 0 || a >= doc.tokens.len() {
        return span;
    }
    let first = doc.tok(a);
    // (Or a capitalised title: `The CEO of Hewlett-Packard`, `the Secretary of State`.)
    let lowercase_noun = (first.starts_with(|c: char| c.is_lowercase())
        || doc.is(a, lexicon::LEX_TITLE_WORD))
        && lexicon::pronoun(first).is_none()
        && !matches!(first, "the" | "a" | "an");
    if lowercase_noun
        && matches!(
            doc.tok_bytes(a - 1),
            b"the" | b"The" | b"a" | b"A" | b"an" | b"An"
        )
    {
        Span::new(doc.tokens[a - 1].span().start, span.end)
    } else {
        span
    }
}

/// `a spokeswoman, Anna Richardson White`, `another leading advocate, Andrew J. Pincus of
/// the firm`: a description (`a`, `an`, `another`, `the` and no name of its own before its
/// head) whose appositive, after the comma at `b`, is a name of two words or more — the name
/// is who spoke.
pub(crate) fn appositive_name(doc: &Document, a: usize, b: usize, end: usize) -> Option<Span> {
    // (Or a possessive: `Clinton's introducer, actress Jamie Lee Curtis`.)
    let possessive = doc.is_upper(a) && lexicon::is_possessive(doc.tok(a));
    if b >= end
        || !doc.tok_is(b, ",")
        || !(matches!(doc.tok_bytes(a), b"a" | b"an" | b"another" | b"the") || possessive)
    {
        return None;
    }
    // The head (last word) is lowercase: `a spokeswoman`, not `the Rev. Al Sharpton`.
    if !doc.starts_lower(b - 1) {
        return None;
    }
    // (A title before the name: `, actress Jamie Lee Curtis`.)
    let mut first = b + 1;
    while first < end
        && first < b + 3
        && doc.tok(first).bytes().all(|c| c.is_ascii_lowercase())
        && !doc.is(first, lexicon::LEX_NOT_NAME_WORD)
        && !is_preposition_at(doc, first)
    {
        first += 1;
    }
    let mut n = first;
    while n < end && (doc.is_name_cap(n) || is_name_dot(doc, n)) {
        n += 1;
    }
    let words = (first..n).filter(|&k| !doc.tok_is(k, ".")).count();
    let closes = n == end
        || matches!(
            doc.tok_bytes(n),
            b"," | b"." | b"of" | b"on" | b"in" | b"at" | b"who" | b"said" | b"told" | b")" | b";"
        );
    (words >= 2 && closes)
        .then(|| Span::new(doc.tokens[first].span().start, doc.tokens[n - 1].span().end))
}

/// Is token `k` the period of an initial or a suffix inside a name (`C. Eugene Steuerle`,
/// `Janet L. Yellen`, `Martin Luther King Jr.`)?
pub(crate) fn is_name_dot(doc: &Document, k: usize) -> bool {
    if k == 0 || k >= doc.tokens.len() || !doc.tok_is(k, ".") {
        return false;
    }
    let prev = doc.tok(k - 1);
    let mut c = prev.chars();
    let initial = c.next().is_some_and(|c| c.is_uppercase()) && c.next().is_none();
    let next_cap =
        k + 1 < doc.tokens.len() && doc.tok(k + 1).starts_with(|c: char| c.is_uppercase());
    (initial && next_cap) || matches!(prev, "Jr" | "Sr")
}

/// Can token `k` be part of a source phrase? Names, titles, determiners, modifiers,
/// possessives and the small words that join them — not arbitrary verbs or nouns.
pub(crate) fn is_np_token(doc: &Document, k: usize) -> bool {
    // (A name's word is told by the token's facts, without reading its text.)
    if doc.is_name_cap(k) || is_name_dot(doc, k) {
        return true;
    }
    let w = doc.tok(k);
    let c = w.chars().next().unwrap_or(' ');
    lexicon::pronoun(w).is_some()
        || doc.is(
            k,
            lexicon::LEX_TITLE_WORD | lexicon::LEX_GROUP_NOUN | lexicon::LEX_MODIFIER,
        )
        || matches!(
            w,
            "the"
                | "a"
                | "an"
                | "of"
                | "for"
                | "and"
                | "at"
                | "'s"
                | "’s"
                | "-"
                | "The"
                | "A"
                | "An"
        )
        || w.ends_with("-based")
        || (lexicon::is_possessive(w) && {
            // (`the company’s chief executive`; not a contraction: `it’s`, `that's`.)
            c.is_uppercase() || !lexicon::is_not_name_word(lexicon::strip_possessive(w))
        })
}

/// Could tokens `a..b` name a speaker? Needs a capitalised word, a pronoun, or a
/// determiner with a role noun (`the source`, `officials`).
pub(crate) fn looks_like_np(doc: &Document, a: usize, b: usize) -> bool {
    if a >= b {
        return false;
    }
    if b - a == 1 && lexicon::pronoun(doc.tok(a)).is_some() {
        return true;
    }
    // A strong speech verb inside means a clause, not a phrase (weak ones are nouns too:
    // `the explanatory notes of the Bill`).
    if (a..b).any(|k| doc.is_strong_speech_verb(k) && doc.starts_lower(k)) {
        return false;
    }
    (a..b).any(|k| {
        doc.is_name_cap(k)
            || doc.is(k, lexicon::LEX_TITLE_WORD | lexicon::LEX_GROUP_NOUN)
    }) || doc.is(b - 1, lexicon::LEX_ORG_HEAD)
        // (`said the woman`, `her friend said`: a noun for a person heads it.)
        || doc.is(b - 1, lexicon::LEX_PERSON_NOUN)
}

/// Plural and generic nouns that name a source group (`officials`, `police`, `experts`).
pub fn is_group_noun(w: &str) -> bool {
    lexicon::is_in(w, lexicon::LEX_GROUP_NOUN)
}

/// The group nouns of [`is_group_noun`] (a compiled list: `lexicon::LEX_GROUP_NOUN`): the
/// plural heads PolNeAR's training sources end in most often, with the hand-listed ones.
#[rustfmt::skip]
pub(crate) const GROUP_NOUNS: &[&str] = &[
    "activists", "advisers", "advocates", "aides", "allies", "analysts", "attendees",
    "authorities", "campaigners", "conservatives", "critics", "delegates", "diplomats",
    "donors", "economists", "employees", "executives", "experts", "insiders",
    "investigators", "lawmakers", "lawyers", "leaders", "members", "observers", "officials",
    "operatives", "opponents", "organisers", "organizers", "people",
    "prosecutors", "protesters", "reports", "researchers", "residents", "rivals", "scientists",
    "senators", "source", "sources", "spokesman", "spokesperson", "spokeswoman",
    "strategists", "supporters", "voters", "witnesses",
];

/// Steps back from the verb at `v` over auxiliaries and adverbs (`has said`, `also said`,
/// `later told`, `repeatedly says`) to where its subject must end.
pub(crate) fn skip_aux_back(doc: &Document, v: usize, lo: usize) -> usize {
    let mut e = v;
    // Skip auxiliaries and adverbs: `has said`, `also said`, `later told`.
    // (None is capitalised: the subject's name, the most frequent word there, ends the walk
    // before its text is compared.)
    while e > lo
        && !doc.is_upper(e - 1)
        && {
            let w = doc.tok_bytes(e - 1);
            matches!(
                w,
                b"has"
                    | b"have"
                    | b"had"
                    | b"also"
                    | b"later"
                    | b"then"
                    | b"once"
                    | b"again"
                    | b"further"
                    | b"is"
                    | b"are"
                    | b"was"
                    | b"were"
                    | b"would"
                    | b"will"
                    | b"did"
                    | b"does"
                    | b"do"
                    | b"should"
                    | b"could"
                    | b"can"
                    | b"may"
                    | b"might"
                    | b"must"
                    | b"still"
                    | b"even"
                    | b"often"
                    | b"never"
                    | b"always"
                    | b"first"
                    | b"all"
                    | b"both"
                    | b"too"
                    | b"now"
                    | b"just"
            ) || (w.len() > 4
            && w.ends_with(b"ly")
            && crate::case::is_all_lowercase(w)
            // (`the daily said`: after a determiner, a noun.)
            && !(e >= 2 && matches!(doc.tok_bytes(e - 2), b"the" | b"The" | b"a" | b"A" | b"its" | b"their"))
            // (Nouns in -ly: `the influential US daily said`, `a close ally said`.)
            && !matches!(w, b"daily" | b"weekly" | b"monthly" | b"quarterly" | b"ally" | b"family" | b"assembly" | b"rally"))
        }
    {
        e -= 1;
    }
    // A verb that takes another (`continued to assert`, `went on to say`, `declined to
    // say`): the subject stands before it.
    if e >= lo + 3 && doc.tok_is(e - 1, "to") {
        let c = doc.tok(e - 2);
        let on =
            c == "on" && e >= lo + 4 && matches!(doc.tok_bytes(e - 3), b"went" | b"goes" | b"go");
        if on {
            return skip_aux_back(doc, e - 3, lo);
        }
        if lexicon::in_list(CATENATIVES, c) {
            // (`seemed ready to say`: a linking verb before the adjective.)
            let k = e - 2;
            let linked = k > lo
                && matches!(
                    doc.tok_bytes(k - 1),
                    b"seemed"
                        | b"seems"
                        | b"appeared"
                        | b"appears"
                        | b"looked"
                        | b"looks"
                        | b"felt"
                );
            return skip_aux_back(doc, if linked { k - 1 } else { k }, lo);
        }
    }
    // A party label or age in brackets after the name: `Gov. Pat McCrory (R) said`,
    // `Rep. Jason Chaffetz (R-Utah) said`.
    if e > lo + 1 && doc.tok_is(e - 1, ")") {
        if let Some(open) = (e.saturating_sub(8).max(lo)..e - 1)
            .rev()
            .find(|&k| doc.tok_is(k, "("))
        {
            if open > lo {
                e = open;
            }
        }
    }
    e
}

/// Verbs that take a `to` infinitive whose subject is theirs (`continued to assert`).
const CATENATIVES: &[&str] = &[
    "able",
    "appeared",
    "asked",
    "began",
    "begins",
    "careful",
    "chose",
    "compelled",
    "continue",
    "continued",
    "continues",
    "decided",
    "declined",
    "eager",
    "expected",
    "forced",
    "going",
    "had",
    "happened",
    "has",
    "hastened",
    "hoped",
    "liked",
    "likes",
    "loved",
    "loves",
    "managed",
    "moved",
    "needed",
    "opted",
    "paused",
    "planned",
    "pledged",
    "proceeded",
    "promised",
    "prompted",
    "quick",
    "ready",
    "refused",
    "reluctant",
    "seemed",
    "sought",
    "stopped",
    "tended",
    "tends",
    "took",
    "tried",
    "used",
    "vowed",
    "wanted",
    "wants",
    "willing",
];

/// Is the token `w` a mark that bounds a clause, where a subject stepped back over stops:
/// punctuation, a dash, a bracket or a quotation mark. (A `'` token is half of a
/// doubled-apostrophe mark: `,'' the statement said`.)
fn bounds_clause(w: &[u8]) -> bool {
    matches!(
        w,
        b"," | b";"
            | b":"
            | EM_DASH
            | EN_DASH
            | b"("
            | b")"
            | b"."
            | b"!"
            | b"?"
            | b"'"
            | RIGHT_SQUOTE
    ) || is_quote_char_token(w)
}

/// The subject of a reporting verb when it is not a name or a role: the words from the
/// start of its clause to the verb, when they read as a noun phrase (`The Clinton campaign
/// said`, `A Clinton ally suggested`, `Twenty-four percent said`, `Cement makers argue`).
/// Clause starts are the sentence start, punctuation, quotation marks and conjunctions; a
/// stretch that opens with a preposition (an adjunct) or holds a verb is no subject.
pub fn plain_subject(doc: &Document, v: usize, lo: usize) -> Option<Span> {
    let e = skip_aux_back(doc, v, lo);
    let mut a = e;
    while a > lo {
        let w = doc.tok_bytes(a - 1);
        if bounds_clause(w) || is_clause_joiner(w) {
            break;
        }
        a -= 1;
        if e - a > 8 {
            return None;
        }
    }
    if a == e {
        return None;
    }
    let first = doc.tok(a);
    // (`Nearly two-thirds of voters said`: an adverb of quantity opens a subject.)
    let quantity = a + 1 < e
        && matches!(
            first,
            "Nearly"
                | "nearly"
                | "Roughly"
                | "roughly"
                | "Only"
                | "only"
                | "Fully"
                | "fully"
                | "Approximately"
                | "approximately"
        );
    if is_preposition_at(doc, a) || (first.ends_with("ly") && !quantity) {
        return None;
    }
    // (A past verb of the irregular kind opens a predicate, never a subject: in `McConnell
    // met with her and came away convinced that`, the subject is the one `met` and `came`
    // share.)
    if a > lo
        && matches!(doc.tok_bytes(a - 1), b"and" | b"but")
        && doc.is(a, lexicon::LEX_IRREGULAR_PAST)
        && !doc.is(a, lexicon::LEX_FINITE)
        && first.starts_with(|c: char| c.is_lowercase())
    {
        return shared_subject(doc, a, lo);
    }
    // (A verb and its object are a predicate: `…, issued a statement Tuesday saying`; but
    // `elected officials said`.)
    if a + 1 < e
        && super::reported::is_past_verb(first)
        && matches!(
            doc.tok_bytes(a + 1),
            b"a" | b"an" | b"the" | b"his" | b"her" | b"its" | b"their"
        )
    {
        return None;
    }
    let verbish = |k: usize| {
        let w = doc.tok_bytes(k);
        matches!(
            w,
            b"is"
                | b"are"
                | b"was"
                | b"were"
                | b"be"
                | b"been"
                | b"being"
                | b"has"
                | b"have"
                | b"had"
                | b"will"
                | b"would"
                | b"can"
                | b"could"
                | b"should"
                | b"may"
                | b"might"
                | b"must"
                | b"do"
                | b"does"
                | b"did"
                | b"to"
                | b"not"
                | b"there"
                | b"it"
                | b"this"
                | b"what"
                | b"which"
                | b"It"
                | b"This"
                | b"There"
                | b"What"
        ) || (doc.starts_lower(k)
            && doc.is(k, lexicon::LEX_SPEECH_VERB | lexicon::LEX_COGNITION_VERB)
            && !heads_determined_np(doc, a, k, e))
    };
    if (a..e).any(verbish) {
        return None;
    }
    // A noun phrase ends with its head noun, which is seldom a past form (`the bloodshed
    // raised`).
    let head = doc.tok_bytes(e - 1);
    if head.len() > 3 && head.ends_with(b"ed") && doc.starts_lower(e - 1) {
        return None;
    }
    if (a..e).all(|k| {
        matches!(
            doc.tok_bytes(k),
            b"the" | b"The" | b"a" | b"A" | b"an" | b"An"
        )
    }) {
        return None;
    }
    // One lone determiner or adjective is no phrase.
    if e - a == 1
        && !doc
            .tok(a)
            .starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        && !doc.tok(a).ends_with('s')
    {
        return None;
    }
    Some(Span::new(
        doc.tokens[a].span().start,
        doc.tokens[e - 1].span().end,
    ))
}

/// Is token `k`, a word that may be a reporting verb (`report`, `notes`, `claims`), the head
/// noun of the phrase `a..e`: its last word, after a determiner or possessive? `The new
/// report said`, `his notes show`: the report and the notes are the source.
fn heads_determined_np(doc: &Document, a: usize, k: usize, e: usize) -> bool {
    k + 1 == e && (a..k).any(|j| crate::cues::is_noun_marker(doc.tok(j)))
}

/// The subject of a strong speech verb (`said`, `say`) that [`plain_subject`] finds too
/// long or too rich: a noun phrase with its modifiers, up to the clause start — a
/// prepositional phrase, a participle or a relative clause may follow its head (`A news
/// report published Wednesday said`, `78 percent of voters in a recent CBS News poll said`,
/// `Supporters who have heard directly from the campaign say`, `those surveyed said`).
/// Unnamed sourcing is what journalists count, so the phrase as written matters even
/// where no entity stands behind it.
pub(crate) fn long_subject(doc: &Document, v: usize, lo: usize) -> Option<Span> {
    let e = skip_aux_back(doc, v, lo);
    let relative = |w: &[u8]| matches!(w, b"who" | b"that" | b"which" | b"whom");
    let mut a = e;
    while a > lo {
        let w = doc.tok_bytes(a - 1);
        if bounds_clause(w) || (is_clause_joiner(w) && !relative(w)) {
            break;
        }
        a -= 1;
        if e - a > 16 {
            return None;
        }
    }
    if e < a + 2 {
        return None;
    }
    let first = doc.tok(a);
    let lower = crate::case::to_lowercase(first);
    let opens = matches!(
        lower.as_str(),
        "a" | "an"
            | "the"
            | "some"
            | "many"
            | "most"
            | "several"
            | "other"
            | "another"
            | "both"
            | "few"
            | "all"
            | "those"
            | "these"
            | "no"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "multiple"
            | "more"
            | "nearly"
            | "about"
            | "almost"
            | "only"
            | "just"
    ) || first.starts_with(|c: char| c.is_ascii_digit())
        // (A bare plural after a lead-in: `Rather, sources close to her campaign say`.)
        || doc.is(a, lexicon::LEX_GROUP_NOUN)
        || (first.starts_with(|c: char| c.is_uppercase())
            && lexicon::pronoun(first).is_none()
            && !is_preposition(&lower)
            && !is_clause_joiner(lower.as_bytes())
            && !matches!(
                lower.as_str(),
                "it" | "this" | "there" | "what" | "then" | "now"
            ));
    if !opens {
        return None;
    }
    // Before a relative pronoun, nothing that makes a clause of its own.
    let rel = (a + 1..e)
        .find(|&k| relative(doc.tok_bytes(k)))
        .unwrap_or(e);
    let clause_word = |k: usize| {
        let w = doc.tok(k);
        lexicon::in_list(super::reported::CLAUSE_AUXILIARIES, w)
            || super::reported::is_negated_auxiliary(w)
            || matches!(
                w,
                "it" | "there" | "what" | "he" | "she" | "they" | "we" | "I"
            )
            || (w.starts_with(|c: char| c.is_lowercase())
                && doc.is(k, lexicon::LEX_SPEECH_VERB | lexicon::LEX_COGNITION_VERB)
                && !heads_determined_np(doc, a, k, rel))
    };
    if (a..rel).any(clause_word) {
        return None;
    }
    Some(Span::new(
        doc.tokens[a].span().start,
        doc.tokens[e - 1].span().end,
    ))
}

pub(crate) fn is_clause_joiner(w: &[u8]) -> bool {
    matches!(
        w,
        b"and"
            | b"but"
            | b"or"
            | b"that"
            | b"because"
            | b"while"
            | b"when"
            | b"whereas"
            | b"if"
            | b"although"
            | b"though"
            | b"since"
            | b"as"
            | b"than"
            | b"so"
            | b"who"
            | b"which"
            | b"where"
            | b"And"
            | b"But"
            | b"So"
            | b"Yet"
            | b"yet"
    )
}

/// Prepositions (sorted; a compiled list: `lexicon::LEX_PREPOSITION`).
pub(crate) const PREPOSITIONS: &[&str] = &[
    "about", "after", "against", "among", "at", "before", "behind", "by", "despite", "during",
    "for", "from", "in", "inside", "into", "of", "on", "over", "since", "through", "to", "under",
    "until", "upon", "with", "within", "without",
];

pub(crate) fn is_preposition(w: &str) -> bool {
    lexicon::in_list(PREPOSITIONS, w)
}

/// [`is_preposition`] of token `k`: its compiled bit, read, not looked up.
#[inline]
pub(crate) fn is_preposition_at(doc: &Document, k: usize) -> bool {
    doc.is(k, lexicon::LEX_PREPOSITION)
}

/// [`is_preposition`] of token `k` lowercased by `crate::case::to_lowercase`, without the
/// copy: that lowercases each character as the lists fold it, but for `İ`, which it follows
/// with a combining dot that no preposition holds.
pub(crate) fn is_lowercased_preposition_at(doc: &Document, k: usize) -> bool {
    is_preposition_at(doc, k) && !doc.tok(k).contains('\u{130}')
}

/// A participle or a coordinated verb shares the subject of the reporting verb before it in
/// its sentence: `Trump said, adding later, “…”`, `“…,” he said, adding that “…”`,
/// `Clinton criticized …, saying: “…”`.
pub(crate) fn shared_subject(doc: &Document, v: usize, lo: usize) -> Option<Span> {
    let w = doc.tok(v);
    let joined = v > lo
        && matches!(
            doc.tok_bytes(v - 1),
            b"," | b"and" | b"but" | b"before" | b"after" | b"while" | b"then"
        );
    if !(w.ends_with("ing") || joined) {
        return None;
    }
    let k = (lo..v)
        .rev()
        .take(40)
        .find(|&k| {
            k != v
                && doc.starts_lower(k)
                && (doc.is(k, lexicon::LEX_SPEECH_VERB) || cues::is_learned_cue(doc, k))
                // (After a determiner or a possessive the word is a noun: `senator
                // representing the state`, `his secretary of state`, `Ms Villalba's claim`.)
                && !(k > lo
                    && (matches!(
                        doc.tok_bytes(k - 1),
                        b"the" | b"a" | b"an" | b"his" | b"her" | b"their" | b"its" | b"our" | b"my"
                            | b"this" | b"that" | b"of"
                    ) || lexicon::is_possessive(doc.tok(k - 1))))
        })
        // (`Rep. Hakeem Jeffries reacted to the news, saying: “…”`: any verb before it.)
        .or_else(|| {
            (lo..v)
                .rev()
                .take(20)
                .find(|&k| super::reported::is_past_verb_at(doc, k))
        })?;
    subject_of(doc, k, lo)
        .or_else(|| plain_subject(doc, k, lo))
        .or_else(|| {
            // Inverted: `“…,” said Trump, adding …`.
            let np = np_after(doc, k + 1, v)?;
            Some(np)
        })
}

/// The subject of the verb at `v`: [`subject_before`]'s phrase, or the plain noun phrase
/// ([`plain_subject`]) that ends with it when that phrase is a lowercase group and the
/// plain one says more (`Nearly two-thirds of primary voters` over `voters`).
pub fn subject_of(doc: &Document, v: usize, lo: usize) -> Option<Span> {
    subject_of_named(doc, v, lo, subject_before(doc, v, lo))
}

/// [`subject_of`], given `named`, [`subject_before`]'s phrase (a caller that has it does
/// not look for it again).
pub(crate) fn subject_of_named(
    doc: &Document,
    v: usize,
    lo: usize,
    named: Option<Span>,
) -> Option<Span> {
    let named = named?;
    let text = doc.slice(named);
    let lowercase = text
        .split_whitespace()
        .all(|w| !w.starts_with(|c: char| c.is_uppercase()));
    let group = text.split_whitespace().last().is_some_and(is_group_noun);
    if lowercase && group {
        if let Some(p) = plain_subject(doc, v, lo) {
            if p.start < named.start && p.end == named.end {
                return Some(p);
            }
        }
    }
    Some(named)
}

/// The subject of the verb at token `v`: the noun phrase right before it in its clause
/// (`Tunisian Prime Minister Habib Essid` in `Tunisian Prime Minister Habib Essid said`).
/// Skips an appositive between commas back to the name (`Kirby, the spokesman, said`).
pub fn subject_before(doc: &Document, v: usize, lo: usize) -> Option<Span> {
    if v == 0 || v <= lo {
        return None;
    }
    let e = skip_aux_back(doc, v, lo);
    // `Josh Earnest condemned the attack and said …`: a coordinated verb shares the
    // subject of the first one.
    if e > lo && matches!(doc.tok_bytes(e - 1), b"and" | b"but") {
        let mut k = e - 1;
        while k > lo && k + 15 > e {
            k -= 1;
            if matches!(doc.tok_bytes(k), b"," | b";") {
                continue;
            }
            if doc.starts_lower(k) && !is_np_token(doc, k) {
                if let Some(sp) = np_ending_at(doc, k, lo) {
                    let first = doc.token_at_or_after(sp.start);
                    // The subject opens its clause (not `On one Facebook page …`).
                    let opens = first <= lo + 1
                        || matches!(doc.tok_bytes(first - 1), b"," | b";" | EM_DASH);
                    if opens && (first..k).any(|x| doc.is_name_cap(x)) {
                        return Some(sp);
                    }
                }
            }
        }
        // (`Huckabee, the former governor, proposed we “…” and said …`: the first verb is
        // further back, past a quote; its subject is the shared one.)
        let first = (lo..e - 1).rev().take(40).find(|&k| {
            doc.starts_lower(k) && {
                let w = doc.tok(k);
                lexicon::is_speech_verb(w)
                    || cues::is_learned_cue(doc, k)
                    || super::reported::is_past_verb(w)
            }
        })?;
        return subject_before(doc, first, lo);
    }
    // `X, the title of Y, said`: the appositive ends with a comma before the verb.
    if e > lo && doc.tok_is(e - 1, ",") {
        let app_end = e - 1;
        let mut k = app_end;
        while k > lo && !doc.tok_is(k - 1, ",") {
            k -= 1;
        }
        // (`Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said`: a
        // relative clause with commas of its own; the subject is the name before `, who`.)
        if let Some(c) = (lo..app_end)
            .find(|&x| doc.tok_is(x, ",") && matches!(doc.tok_bytes(x + 1), b"who" | b"whose"))
        {
            let named = np_ending_at(doc, c, lo).filter(|sp| {
                let (a, b) = (doc.token_at_or_after(sp.start), doc.tokens_before(sp.end));
                (a == lo || doc.tok_is(a - 1, ",")) && (a..b).any(|i| doc.is_name_cap(i))
            });
            if named.is_some() {
                return named;
            }
        }
        // (`Supporters of abortion rights, on the other hand, argued`: an aside, not an
        // appositive; the subject stands before it.)
        if k > lo + 1 && k < app_end && {
            let w = doc.tok(k);
            is_preposition_at(doc, k)
                || (app_end - k == 1
                    && (w.ends_with("ly") || matches!(w, "however" | "meanwhile" | "too")))
        } {
            return subject_before(doc, k - 1, lo).or_else(|| plain_subject(doc, k - 1, lo));
        }
        if k > lo && app_end - k <= 30 {
            // k-1 is the comma before the appositive; the name is usually before that
            // (`Kirby, the spokesman, said`), but may be the appositive itself (`The Prime
            // Minister, Keir Starmer, said`).
            let mut name_end = k - 1;
            // (`Rep. Bobby Scott (D-Va.), ranking member …, said`: the bracket after the name
            // is its party and state.)
            if name_end > lo + 1 && doc.tok_is(name_end - 1, ")") {
                if let Some(open) = (name_end.saturating_sub(8).max(lo)..name_end - 1)
                    .rev()
                    .find(|&x| doc.tok_is(x, "("))
                {
                    name_end = open;
                }
            }
            let before = np_ending_at(doc, name_end, lo);
            // (The whole appositive, not its tail: in `The senator, a Democrat from Ohio,
            // said` the appositive names no one, and Ohio did not speak.)
            let appositive =
                np_ending_at(doc, app_end, k).filter(|sp| doc.token_at_or_after(sp.start) == k);
            let has_name = |sp: &Option<Span>| {
                sp.is_some_and(|sp| {
                    let (a, b) = (doc.token_at_or_after(sp.start), doc.tokens_before(sp.end));
                    (a..b).any(|i| {
                        doc.is_upper(i)
                            && !doc.is(
                                i,
                                lexicon::LEX_NOT_NAME_WORD
                                    | lexicon::LEX_TITLE_WORD
                                    | lexicon::LEX_PRE_NAME_TITLE,
                            )
                    })
                })
            };
            // (`The leader of Ennahda, Rachid Ghannouchi, said`: a description opening
            // with a determiner, then the name.)
            let described = before.is_some_and(|sp| {
                matches!(
                    doc.tok_bytes(doc.token_at_or_after(sp.start).saturating_sub(1)),
                    b"The" | b"the" | b"A" | b"a"
                )
            }) || before.is_some_and(|sp| {
                matches!(
                    doc.slice(sp).split_whitespace().next(),
                    Some("The" | "the" | "A" | "a")
                )
                // (Or headed by a common noun: `Trump’s state director, Mike Rubino, said`.)
                || doc.starts_lower(doc.tokens_before(sp.end) - 1)
            });
            // (`Jeffrey Salkin, a Hollywood, Fla., rabbi helping …, said`: an appositive with
            // commas of its own; the name opens the clause before the first of them.)
            let first_comma = (lo..name_end).find(|&x| doc.tok_is(x, ","));
            if let Some(c) = first_comma.filter(|&c| c > lo) {
                let lead = np_ending_at(doc, c, lo)
                    .filter(|sp| doc.token_at_or_after(sp.start) == lo && has_name(&Some(*sp)));
                if lead.is_some() && !(c..app_end).any(|x| doc.tok_is(x, "and")) {
                    return lead;
                }
            }
            if has_name(&appositive) && (!has_name(&before) || described) {
                return appositive;
            }
            if before.is_some() {
                return before;
            }
        }
        return None;
    }
    np_ending_at(doc, e, lo)
}

/// `Scott Stanzel, a spokesman for the campaign said`: an appositive whose closing comma is
/// missing, taken for the subject; the name before it is who spoke. (A name of two words or
/// more opening its clause: not `In Washington, a spokesman said`.)
pub(crate) fn name_before_appositive(doc: &Document, np: Span, lo: usize) -> Span {
    let a = doc.token_at_or_after(np.start);
    if a >= lo + 3 && doc.tok(a - 1) == "," && matches!(doc.tok(a), "a" | "an") {
        if let Some(name) = np_ending_at(doc, a - 1, lo) {
            let (n0, n1) = (
                doc.token_at_or_after(name.start),
                doc.tokens_before(name.end),
            );
            let opens = n0 == lo || matches!(doc.tok(n0 - 1), "," | ";" | "." | "—");
            if opens && n1 >= n0 + 2 && (n0..n1).all(|k| doc.is_name_cap(k) || is_name_dot(doc, k))
            {
                return name;
            }
        }
    }
    np
}

/// The noun phrase that ends right before token `e`.
pub(crate) fn np_ending_at(doc: &Document, e: usize, lo: usize) -> Option<Span> {
    if e == 0 || e <= lo {
        return None;
    }
    let last = doc.tok(e - 1);
    // (`it` only right before a speech verb: `It says …`, `it added`, an organisation or a
    // document speaking; elsewhere `it` is no source.)
    if matches!(last, "it" | "It") && e < doc.tokens.len() && doc.is_strong_speech_verb(e) {
        return Some(doc.tokens[e - 1].span());
    }
    if lexicon::pronoun(last).is_some() || last == "who" {
        if last == "who" {
            // `Askar, who …, said`: the relative pronoun stands for the name before the comma.
            if e >= 2 && doc.tok(e - 2) == "," {
                return np_ending_at(doc, e - 2, lo);
            }
            // (`an Abraham Lincoln impersonator who promises`, `23 percent who said`.)
            return np_ending_at(doc, e - 1, lo);
        }
        return Some(doc.tokens[e - 1].span());
    }
    let mut a = e;
    while a > lo {
        // (A name's word, the most frequent, is taken before the text is read.)
        if doc.is_name_cap(a - 1) {
            a -= 1;
            if a < e.saturating_sub(10) {
                break;
            }
            continue;
        }
        let w = doc.tok(a - 1);
        let c = w.chars().next().unwrap_or(' ');
        let joins = (matches!(
            w,
            "of" | "the"
                | "de"
                | "van"
                | "von"
                | "der"
                | "den"
                | "bin"
                | "ibn"
                | "al"
                | "da"
                | "di"
                | "du"
                | "la"
                | "le"
                | "&"
        ) || is_name_dot(doc, a - 1)
            // (A title's article: `George Zornick of The Nation`.)
            || (w == "The" && a >= 2 && doc.tok(a - 2) == "of")
            || (matches!(w, "and" | "on")
                && a >= 2
                && doc
                    .tok(a - 2)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())))
            && a < e;
        let role = doc.is(a - 1, lexicon::LEX_TITLE_WORD | lexicon::LEX_GROUP_NOUN)
            || (a == e && doc.is(a - 1, lexicon::LEX_ORG_HEAD));
        // (`the 63-year-old senator`, `the well-known author`: hyphenated modifiers.)
        let modifier = a < e
            && ((c.is_lowercase()
                && w.len() > 2
                && doc.is(a - 1, lexicon::LEX_MODIFIER | lexicon::LEX_ORG_HEAD))
                || ((c.is_lowercase() || c.is_ascii_digit()) && w.contains('-') && w.len() > 4));
        let possessive = a < e && (w.ends_with("’s") || w.ends_with("'s")) && c.is_uppercase();
        if joins || role || modifier || possessive {
            a -= 1;
            if a < e.saturating_sub(10) {
                break;
            }
        } else {
            break;
        }
    }
    // Drop leading joiners (`the`, `of`).
    while a < e && matches!(doc.tok(a), "of" | "the" | "&" | "de") {
        a += 1;
    }
    // `advisers to Mr. Obama`, `a spokesman for the Clinton campaign`: a role and whom it
    // serves are one phrase, headed by the role (the advisers spoke, not Mr. Obama).
    if a < e && a >= lo + 2 && serves(doc, a - 1) && looks_like_np(doc, a, e) {
        if let Some(role) = np_ending_at(doc, a - 1, lo) {
            return Some(Span::new(role.start, doc.tokens[e - 1].span().end));
        }
    }
    (a < e && looks_like_np(doc, a, e))
        .then(|| Span::new(doc.tokens[a].span().start, doc.tokens[e - 1].span().end))
}

/// Lowercase words that can sit inside a source phrase before its head: `press`,
/// `senior`, `political`, `national`, `security`, `former` (a compiled list:
/// `lexicon::LEX_MODIFIER`).
pub(crate) const MODIFIERS: &[&str] = &[
    "acting",
    "administration",
    "board",
    "campaign",
    "chief",
    "communications",
    "culture",
    "defence",
    "defense",
    "deputy",
    "economy",
    "education",
    "electrical",
    "energy",
    "environment",
    "executive",
    "federal",
    "finance",
    "first",
    "foreign",
    "former",
    "general",
    "government",
    "health",
    "home",
    "intelligence",
    "interim",
    "interior",
    "justice",
    "local",
    "military",
    "national",
    "police",
    "political",
    "press",
    "prime",
    "public",
    "regional",
    "security",
    "senior",
    "state",
    "top",
    "trade",
    "transport",
    "treasury",
    "union",
];
