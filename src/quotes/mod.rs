//! Quotes: direct speech between quotation marks, and indirect (reported) speech.
//!
//! Direct quotes are found in three steps:
//! 1. **Marks.** Every quote character is classified from its neighbours: `“ „ «` open,
//!    `” »` close, a straight `"` opens after a space and closes before one, and `’`/`'`
//!    between letters (`Russia’s`), before digits (`’90s`) or after a plural `s` with no
//!    single quote open is an apostrophe, not a mark.
//! 2. **Pairing.** Double marks pair across a paragraph; a paragraph that opens a quote and
//!    does not close it continues into the next paragraph when that one opens with a mark
//!    (the multi-paragraph convention). Single marks pair only at top level (British style
//!    and headlines); inside a double quote they are nested quotes and stay part of it.
//! 3. **Speech or not.** A paired span is speech when a cue is attached (`“…,” X said`,
//!    `X said: “…”`), when a reporting verb earlier in the sentence introduces it (a partial
//!    quote), or when it reads as whole sentences. Short unattached spans (`so-called
//!    “metadata”`, titles, nicknames) are scare quotes and are not reported.
//!
//! Indirect quotes are the content clauses of reporting verbs outside direct quotes:
//! `X said (that) …`, `X told Y (that) …`, `according to X, …`, `…, X said.`, `adding that …`.
//!
//! Speakers are found here only as *source phrases* (the words naming who spoke, or a
//! pronoun, or "same as the previous quote"); [`crate::entities`] resolves them to entities.

use crate::cues;
use crate::lexicon;
use crate::segment::{Document, TokKind};
use crate::types::{QuoteKind, Span};

mod direct;
pub(crate) mod marks;
mod phrases;
mod reported;

pub(crate) use direct::*;
pub use marks::{pair_marks, QuotedSpan};
pub(crate) use phrases::*;
pub use phrases::{is_group_noun, plain_subject, subject_before};
pub(crate) use reported::*;

/// The bytes of the marks the stage compares tokens with, for patterns on
/// [`Document::tok_bytes`] (a byte string literal holds only ASCII): a slice pattern is
/// compared inline, a `&str` pattern calls `bcmp`.
pub(crate) const EM_DASH: &[u8] = "—".as_bytes();
pub(crate) const EN_DASH: &[u8] = "–".as_bytes();
pub(crate) const ELLIPSIS: &[u8] = "…".as_bytes();
pub(crate) const LEFT_DQUOTE: &[u8] = "“".as_bytes();
pub(crate) const RIGHT_DQUOTE: &[u8] = "”".as_bytes();
pub(crate) const LEFT_SQUOTE: &[u8] = "‘".as_bytes();
pub(crate) const RIGHT_SQUOTE: &[u8] = "’".as_bytes();
pub(crate) const LEFT_GUILLEMET: &[u8] = "«".as_bytes();
pub(crate) const RIGHT_GUILLEMET: &[u8] = "»".as_bytes();
pub(crate) const LOW_DQUOTE: &[u8] = "„".as_bytes();
pub(crate) const HORIZONTAL_BAR: &[u8] = "―".as_bytes();

/// Who a quote's source phrase points at, before resolution to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Words naming the speaker (`Pentagon press secretary John Kirby`, `he`, `the source`).
    Phrase(Span),
    /// No cue of its own: continues the speaker of the quote before it.
    Previous,
    /// Nothing names a speaker.
    Unknown,
}

/// A quote before speakers are resolved to entities.
#[derive(Debug, Clone)]
pub struct RawQuote {
    pub span: Span,
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    pub source: Source,
    pub confidence: f32,
    /// What [`subject_before`] finds for the cue verb in its sentence, where the finder
    /// knows: the ranker proposes that phrase too, and does not look for it again.
    pub subject: CueSubject,
}

/// [`RawQuote::subject`]: one byte, which the quote had spare (per-quote memory stays).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueSubject {
    /// Not known: the ranker looks.
    Unknown,
    /// The cue verb has none.
    None,
    /// It is the quote's source phrase, as the finder gave it.
    Source,
}

/// Longest stretch (in tokens) searched for a cue around a quote: attribution in news text
/// sits within a clause of the quote, and a bound keeps the search linear.
const CUE_WINDOW: usize = 14;

pub fn find(doc: &Document) -> Vec<RawQuote> {
    let spans = pair_marks(doc);
    // Which marks does this article quote speech in? Count the spans a cue attaches to.
    // (A span read with a cue reads the same whatever the two flags say, and any span reads
    // the same with the same flags: these readings, both flags false, are kept for the pass
    // below, which reads a span again only with other flags.)
    let mut first_reading: Vec<Option<RawQuote>> = Vec::new();
    let singles_primary = spans.iter().any(|q| !q.double) && {
        let mut cued = [0usize; 2];
        first_reading = spans
            .iter()
            .map(|q| {
                let r = classify_direct(doc, q, false, false);
                cued[q.double as usize] += r.as_ref().is_some_and(|r| r.cue.is_some()) as usize;
                r
            })
            .collect();
        cued[0] > cued[1]
    };
    let mut out: Vec<RawQuote> = Vec::new();
    let mut last_para = None;
    for (k, qs) in spans.iter().enumerate() {
        let para = doc.paragraph_at(qs.open);
        let continued = para.is_some() && para == last_para;
        let reading = match first_reading.get_mut(k) {
            Some(r) if r.as_ref().is_some_and(|r| r.cue.is_some()) => r.take(),
            Some(r) if !continued && !singles_primary => r.take(),
            _ => classify_direct(doc, qs, continued, singles_primary),
        };
        if let Some(q) = reading {
            last_para = doc.paragraph_at(q.span.end);
            out.push(q);
        }
    }
    let direct: Vec<Span> = spans
        .iter()
        .map(|q| Span::new(q.open, q.close_end))
        .collect();
    // Indirect content is cut before a direct quote inside it, but not before scare quotes.
    // (Matched by start: a kept quote may end before its paired span's trailing comma.)
    let mut kept: Vec<usize> = out.iter().map(|q| q.span.start).collect();
    crate::sort::by_key(&mut kept, |&k| k);
    let mut accepted: Vec<Span> = spans
        .iter()
        .filter(|qs| kept.binary_search(&qs.content.start).is_ok())
        .map(|q| Span::new(q.open, q.close_end))
        .collect();
    crate::sort::by_key(&mut accepted, |s| *s);
    // Verbs already serving as the cue of a direct quote introduce no second quote.
    // (A partial quote's cue, far before it, still introduces its own content clause: `said
    // he was “appalled” that …`; partial quotes are the ones with confidence 0.8.)
    // A cue after a quote serves only that quote when the quote opens its sentence; after
    // a quote inside a sentence (`… against “criminals” in his entourage, a source told
    // Reuters`) it also reports the rest of the sentence.
    let opens_sentence = |q: &RawQuote| {
        doc.sentence_at(q.span.start).is_some_and(|si| {
            let s = doc.sentence(si);
            // (Only marks before it: `“`, or the two apostrophes of `''`.)
            (s.first..doc.tokens_before(q.span.start)).all(|k| {
                is_quote_char_token(doc.tok_bytes(k))
                    || matches!(doc.tok_bytes(k), b"'" | LEFT_SQUOTE)
            })
        })
    };
    let mut used: Vec<usize> = out
        .iter()
        .filter(|q| match q.cue {
            Some(c) if c.start > q.span.start => opens_sentence(q),
            Some(_) => q.confidence > 0.85,
            None => false,
        })
        .filter_map(|q| q.cue.map(|c| c.start))
        .collect();
    crate::sort::by_key(&mut used, |&u| u);
    let indirect = find_indirect(doc, &direct, &accepted, &used);
    let mut partials = partials_inside(doc, &spans, &kept, &indirect);
    partials.extend(continued_lists(doc, &spans, &out, &partials));
    out.extend(indirect);
    out.extend(partials);
    crate::sort::by_key(&mut out, |q| (q.span.start, q.span.end));
    out
}

/// Quoted words inside reported content are the source's own words: `Trump tweeted that
/// Machado was “disgusting” and “a con”`, `PolitiFact rated the claim “false”`. A paired
/// span that [`classify_direct`] turned away for want of a cue of its own (too short, cue
/// too far) is a partial quote of the report around it — unless it is a title or a term
/// (`“Fox News Sunday”`, `the phrase “…”`).
fn partials_inside(
    doc: &Document,
    spans: &[QuotedSpan],
    kept: &[usize],
    indirect: &[RawQuote],
) -> Vec<RawQuote> {
    let mut reports: Vec<&RawQuote> = indirect.iter().collect();
    crate::sort::by_key(&mut reports, |q| q.span.start);
    let mut out = Vec::new();
    for qs in spans {
        if !qs.double || !qs.closed || kept.binary_search(&qs.content.start).is_ok() {
            continue;
        }
        let k = reports.partition_point(|r| r.span.start <= qs.open);
        let Some(r) = k.checked_sub(1).map(|k| reports[k]) else {
            continue;
        };
        if qs.close_end > r.span.end {
            continue;
        }
        let content = {
            let body = &doc.text[qs.content.start..qs.content.end];
            let t = body.trim_end_matches([',', ' ']);
            Span::new(qs.content.start, qs.content.start + t.len())
        };
        let words = words_in(doc, content);
        let prev = doc.tokens_before(qs.open).checked_sub(1);
        if words == 0
            || words > 12
            || is_title_like(doc, content)
            || prev.is_some_and(|i| doc.is(i, lexicon::LEX_NAMING_WORD | lexicon::LEX_WORK_NOUN))
        {
            continue;
        }
        out.push(RawQuote {
            span: content,
            kind: QuoteKind::Direct,
            cue: r.cue,
            source: r.source,
            confidence: 0.7,
            subject: CueSubject::Unknown,
        });
    }
    out
}

/// A list of quoted words goes on with its speaker: `called the senator a “nasty guy,” an
/// “anchor baby,” “unstable” and “sick.”` — a paired span that only a comma, `and`, `or`
/// or an article separates from a partial quote before it continues that quote.
fn continued_lists(
    doc: &Document,
    spans: &[QuotedSpan],
    direct: &[RawQuote],
    partials: &[RawQuote],
) -> Vec<RawQuote> {
    let mut found: Vec<&RawQuote> = direct
        .iter()
        .chain(partials)
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    crate::sort::by_key(&mut found, |q| q.span.start);
    let mut out: Vec<RawQuote> = Vec::new();
    for qs in spans {
        // `found` is sorted by start: a binary search, not a scan of every quote per span
        // (which made this pass quadratic in the length of the input).
        let is_found = found
            .binary_search_by_key(&qs.content.start, |q| q.span.start)
            .is_ok();
        if !qs.double || !qs.closed || is_found {
            continue;
        }
        let k = found.partition_point(|q| q.span.start < qs.open);
        let Some(prev) = out
            .last()
            .filter(|q| k == 0 || q.span.start > found[k - 1].span.start)
            .or_else(|| k.checked_sub(1).map(|k| found[k]))
        else {
            continue;
        };
        let (from, to) = (
            doc.token_at_or_after(prev.span.end),
            doc.tokens_before(qs.open),
        );
        if to < from || to - from > 4 {
            continue;
        }
        let joined = (from..to).all(|i| {
            matches!(
                doc.tok_bytes(i),
                b"," | b"and" | b"or" | b"a" | b"an" | b"the" | RIGHT_DQUOTE | b"\"" | b"''"
            )
        }) && (from..to).any(|i| matches!(doc.tok_bytes(i), b"," | b"and" | b"or"));
        let content = {
            let t = doc.text[qs.content.start..qs.content.end].trim_end_matches([',', ' ']);
            Span::new(qs.content.start, qs.content.start + t.len())
        };
        let words = words_in(doc, content);
        if !joined || words == 0 || words > 8 || is_title_like(doc, content) {
            continue;
        }
        out.push(RawQuote {
            span: content,
            kind: QuoteKind::Direct,
            cue: prev.cue,
            source: prev.source,
            confidence: 0.7,
            subject: CueSubject::Unknown,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_apostrophes_are_double_marks() {
        let doc =
            Document::new("Not paying taxes ''makes me smart,'' Donald J. Trump said. It wasn''t.");
        let q = find(&doc);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(doc.slice(q[0].span), "makes me smart");
    }

    #[test]
    fn words_in_counts_a_spans_words_up_to_its_cap() {
        let doc = Document::new(
            "One, two three four. Five six seven eight nine ten eleven twelve thirteen fourteen.",
        );
        let first = doc.sentence_span(0);
        assert_eq!(words_in(&doc, first), 4);
        // (A span cut inside a word holds only the words wholly in it.)
        assert_eq!(words_in(&doc, Span::new(first.start, first.end - 3)), 3);
        assert_eq!(words_in(&doc, Span::new(1, 2)), 0);
        assert_eq!(words_in(&doc, Span::new(0, doc.text.len())), WORDS_COUNTED);
    }

    #[test]
    fn titles_are_not_quotes_but_described_words_are() {
        let doc = Document::new("On “Fox News Sunday,” the host asked about it. Cruz called Trump a “pathological liar” on Tuesday.");
        let q = find(&doc);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(doc.slice(q[0].span), "pathological liar");
    }

    #[test]
    fn an_aside_between_commas_keeps_the_clause() {
        let doc = Document::new(
            "UNH pollster Andy Smith said Trump, despite his wealth, is better positioned to win.",
        );
        let q = find(&doc);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            doc.slice(q[0].span),
            "Trump, despite his wealth, is better positioned to win"
        );
    }

    #[test]
    fn a_clause_after_the_verb_is_content_not_an_inverted_source() {
        let q = quotes(
            "William J. Bennett, a Reagan education secretary, said he could not support the movement.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "he could not support the movement");
        assert_eq!(q[0].2.as_deref(), Some("William J. Bennett"));
    }

    #[test]
    fn a_cue_after_a_quote_in_doubled_apostrophes_serves_only_that_quote() {
        let q = quotes("''It is more likely than not,'' said another leading advocate, Andrew J. Pincus of the firm Mayer Brown.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "It is more likely than not");
    }

    #[test]
    fn a_verb_before_as_and_a_quote_describes_in_its_subjects_words() {
        let q = quotes("President Obama condemned Friday's test as \"provocative and destabilizing\" on Saturday. Trump openly admires Putin as a “strong leader,” comparing him to Obama.");
        let texts = texts_and_sources(&q);
        assert_eq!(
            texts,
            [
                ("provocative and destabilizing", Some("President Obama")),
                ("strong leader", Some("Trump"))
            ],
            "{q:?}"
        );
        // A name given as a term is no quote: `known as`, `such as`.
        assert!(quotes(
            "The bill, known as the “Justice Against Sponsors of Terrorism Act” passed."
        )
        .is_empty());
    }

    #[test]
    fn a_weak_verb_takes_a_clause_opened_by_a_pronoun_and_its_verb() {
        let q = quotes("Nabisco announced it was laying off 600 workers in Chicago.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "it was laying off 600 workers in Chicago");
        // An object is no clause.
        assert!(quotes("Mr. Trump announced his candidacy in June.").is_empty());
    }

    #[test]
    fn a_relative_that_after_a_noun_is_no_report() {
        assert!(quotes(
            "Bush also won in coastal states that have moved firmly into the Democratic column."
        )
        .is_empty());
    }

    #[test]
    fn a_title_case_headline_reports_what_its_subject_says() {
        let q = quotes("Trump Says He Never Pledged To Kill Family Members Of Terrorists\n\nThe rest of the story.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "He Never Pledged To Kill Family Members Of Terrorists"
        );
        assert_eq!(q[0].2.as_deref(), Some("Trump"));
        // Each headline verb (`find_indirect` passes over a capitalised word in no cue list).
        for verb in ["Said", "Tells", "Warns", "Insists", "Admits"] {
            let q = quotes(&format!(
                "Trump {verb} He Never Pledged To Kill Family Members Of Terrorists\n\nMore."
            ));
            assert_eq!(q.len(), 1, "{verb}: {q:?}");
            assert_eq!(q[0].2.as_deref(), Some("Trump"), "{verb}");
        }
        // Not in running text, where a capitalised `Says` is a name or a title.
        assert!(quotes("The book Simon Says is about the game and its rules today.").is_empty());
    }

    #[test]
    fn a_sources_appositive_is_not_content() {
        let q = quotes("It can be effective in reducing suicide, according to Craig Bryan, head of the National Center for Veterans Studies.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "It can be effective in reducing suicide");
        let q = quotes("Both parties \"saw Burma as a country under pressure from China,\" said Victor Cha, who served as Asia director.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Victor Cha"));
    }

    #[test]
    fn a_descriptions_appositive_name_is_the_source() {
        for (text, source) in [
            ("“We are done,” said a spokeswoman, Anna Richardson White.", "Anna Richardson White"),
            ("“It is likely,” said another leading advocate, Andrew J. Pincus of the firm Mayer Brown.", "Andrew J. Pincus"),
            ("“It is over,” said the company's chief executive, Tim Cook, on Monday.", "Tim Cook"),
            // No name after the comma: the description stays the source.
            ("“It is over,” said a spokeswoman, adding nothing.", "a spokeswoman"),
            // A description headed by a common noun gives way to its appositive name.
            ("Trump’s state director, Mike Rubino, said the plan failed.", "Mike Rubino"),
            ("The party chairman, Theresa May, said the plan failed.", "Theresa May"),
            ("“The plan has failed badly,” the company’s chief executive, Tim Cook, said.", "Tim Cook"),
            ("“The plan has failed badly,” the chief executive, Tim Cook, said.", "Tim Cook"),
            // A name before the appositive stays the source.
            ("Kevin Brady, chairman of the House Ways and Means Committee, said the plan failed.", "Kevin Brady"),
            ("“We will act,” Tim Cook, the chief executive, said.", "Tim Cook"),
        ] {
            let q = quotes(text);
            assert_eq!(q[0].2.as_deref(), Some(source), "{text}: {q:?}");
        }
    }

    #[test]
    fn a_publications_article_stays_in_the_source_and_a_predicate_is_no_source() {
        let q = quotes("George Zornick of The Nation said the plan failed.");
        assert_eq!(q[0].2.as_deref(), Some("George Zornick of The Nation"));
        // The sentence's subject is far back past a relative clause; the verb phrase
        // before the participle is no source phrase.
        let q = quotes(
            "Mr. Trump, who said last week that a judge in a case involving Trump University \
             was biased against him because of his heritage, issued a statement Tuesday \
             saying, “I do not feel that heritage makes them incapable of being impartial.”",
        );
        let last = q.last().unwrap();
        assert_eq!(last.1, QuoteKind::Direct);
        assert_eq!(last.2.as_deref(), Some("Mr. Trump"), "{q:?}");
    }

    #[test]
    fn a_report_opens_with_its_subject_unless_the_subject_stands_before_the_cue() {
        // `hopes` is a noun here: what follows has no subject of its own.
        let q = quotes("He won. But Kenenisa Bekele's record hopes were dashed when he fell.");
        assert!(q.is_empty(), "{q:?}");
        // In a relative clause the subject of the report stands before the cue.
        for (text, content) in [
            (
                "He attacked what he said were punitive policies for minority students.",
                "were punitive policies for minority students",
            ),
            (
                "It named countries he said had sent immigrants who plotted attacks.",
                "had sent immigrants who plotted attacks",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(
                q.first().map(|q| q.0.as_str()),
                Some(content),
                "{text}: {q:?}"
            );
        }
    }

    #[test]
    fn a_cue_noun_in_an_adjunct_and_an_unclosed_appositive() {
        // The verb is the cue, not `statement` in its adjunct.
        let q = quotes("She said in an official statement: “I am filing a complaint.”");
        assert_eq!(q[0].2.as_deref(), Some("She"), "{q:?}");
        // The appositive's closing comma is missing: the name before it spoke.
        let q = quotes("Scott Stanzel, a spokesman for the campaign said: “It was for security.”");
        assert_eq!(q[0].2.as_deref(), Some("Scott Stanzel"), "{q:?}");
        let q = quotes("In New York, a spokesman for the campaign said: “It was for security.”");
        assert_eq!(
            q[0].2.as_deref(),
            Some("a spokesman for the campaign"),
            "{q:?}"
        );
    }

    #[test]
    fn a_cue_introducing_a_quote_wins_over_the_sentence_after_it() {
        // `X said: “… .” She said …`: the cue after begins a sentence of its own.
        let q = quotes(
            "Ms Hewitt said: “We are going to extend the pay.” She said new mothers were \
             already entitled to leave.",
        );
        assert_eq!(q[0].0, "We are going to extend the pay.");
        assert_eq!(q[0].2.as_deref(), Some("Ms Hewitt"));
        // A comma before the closing mark ties the quote to the cue after it.
        let q = quotes("He said: “We are going to extend the pay,” she said.");
        assert_eq!(q[0].2.as_deref(), Some("she"), "{q:?}");
    }

    #[test]
    fn a_quote_reopened_after_a_sentence_is_one_quote() {
        // Joined text lost the paragraph break between `… 26 weeks.` and the reopening mark.
        let t = "Ms Hewitt said: \"We have already doubled it to 26 weeks. \"We are going to \
                 extend the pay to nine months.\" She said mothers were entitled to leave. \
                 Theresa May said: \"These plans are old.\"";
        let d = direct(t);
        assert_eq!(
            d,
            [
                "We have already doubled it to 26 weeks. \"We are going to extend the pay to \
                 nine months.",
                "These plans are old."
            ]
        );
    }

    #[test]
    fn an_abbreviation_before_a_comma_ends_no_attribution() {
        let q = quotes("“The veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Senate Majority Leader Mitch McConnell")
        );
    }

    #[test]
    fn what_someone_called_quotes_their_words() {
        let q = quotes("The council pledged sanctions against what it called “a clear threat to peace.” The bank was part of what multiple lawmakers called “fraud” in the hearing.");
        let texts = texts_and_sources(&q);
        assert_eq!(
            texts,
            [
                ("a clear threat to peace.", Some("it")),
                ("fraud", Some("multiple lawmakers"))
            ],
            "{q:?}"
        );
        let q = quotes("Reid has been steadily pounding Trump as a “con artist” in the Senate.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Reid"));
    }

    #[test]
    fn told_with_a_possessive_object() {
        let q = quotes("She told her staff the campaign was over. Limbaugh told his radio audience on Monday, “What has happened is this.”");
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            ["the campaign was over", "What has happened is this."],
            "{q:?}"
        );
    }

    #[test]
    fn an_adjunct_before_a_closing_cue_is_no_content() {
        assert!(
            quotes("In her 2003 book, Living History, Clinton noted the clot’s existence.")
                .iter()
                .all(|q| !q.0.starts_with("In her"))
        );
    }

    #[test]
    fn a_paragraph_ending_in_a_colon_introduces_the_quote_after_it() {
        let q = quotes("The New York Times reports:\n\n\"Just 24 percent of the contributors have given $200 or less.\"\n\nCaddell continued:\n\n\"The health issue is very much a partisan issue.\"");
        let srcs: Vec<Option<&str>> = q.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(srcs, [Some("New York Times"), Some("Caddell")], "{q:?}");
    }

    #[test]
    fn a_possessive_after_a_participle_is_no_source() {
        let q = quotes("Mr. Clarke blamed the delay on runoff from a mine, saying his \"start-up capital was less than expected.\"");
        assert!(q.iter().all(|q| q.2.as_deref() != Some("his")), "{q:?}");
    }

    #[test]
    fn a_straight_mark_spaced_from_a_nested_single_mark_closes() {
        let q = quotes("\"I've always been insulted with the term 'African American outreach,' \" he told the group, adding that the phrase suggests a campaign has to go outside itself.");
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "I've always been insulted with the term 'African American outreach,'",
                "the phrase suggests a campaign has to go outside itself"
            ],
            "{q:?}"
        );
    }

    #[test]
    fn three_apostrophes_close_a_nested_single_and_a_doubled_mark() {
        let q = quotes("''Part of my job is to say: 'Hey, this guy's for real. He's one of us,''' Mr. English said. ''It worked.''");
        let texts = texts_and_sources(&q);
        assert_eq!(
            texts,
            [
                (
                    "Part of my job is to say: 'Hey, this guy's for real. He's one of us,'",
                    Some("Mr. English")
                ),
                ("It worked.", Some("<prev>"))
            ],
            "{q:?}"
        );
    }

    #[test]
    fn doubled_apostrophes_spaced_after_a_comma_close() {
        let q =
            quotes("''He built very strong left-right coalitions, '' said Mr. Gunnel, a lobbyist.");
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            ["He built very strong left-right coalitions"],
            "{q:?}"
        );
        assert_eq!(q[0].2.as_deref(), Some("Mr. Gunnel"));
    }

    #[test]
    fn a_spaced_straight_mark_after_a_question_or_a_nested_mark_closes() {
        let q = quotes("\"Well, what does that mean? \" Clinton asked, according to a transcript.\n\n''There was a backlash against 'Primates of Park Avenue,'  '' Ms. Ferriss noted.");
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Well, what does that mean?",
                "There was a backlash against 'Primates of Park Avenue,'"
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_straight_mark_doubling_a_curly_one_is_not_a_second_mark() {
        let q = quotes("\"“You don’t win the nomination by how many states you win,” Rubio responded before adding that he will have to win some states.");
        assert_eq!(
            q[0].0, "You don’t win the nomination by how many states you win",
            "{q:?}"
        );
        assert_eq!(q[0].2.as_deref(), Some("Rubio"));
    }

    #[test]
    fn a_describing_verb_before_as_takes_a_plain_or_shared_subject() {
        for (t, src) in [
            ("The Sanders campaign rejected the idea as \"ludicrous.\"", "The Sanders campaign"),
            ("Trump denied it, dismissing O'Donnell as \"a disgruntled former employee.\"", "Trump"),
            ("Huckabee agreed, praising his opponent as \"one of the most gifted stars we've got.\"", "Huckabee"),
        ] {
            let q = quotes(t);
            assert_eq!(q.len(), 1, "{t}: {q:?}");
            assert_eq!(q[0].2.as_deref(), Some(src), "{t}: {q:?}");
        }
    }

    #[test]
    fn a_report_ends_before_a_closing_cue_with_an_appositive_source() {
        let q = quotes("It says the campaign violated federal law, a spokeswoman, Anna Richardson White, said on Monday.");
        let texts = texts_and_sources(&q);
        assert!(
            texts.contains(&("the campaign violated federal law", Some("It"))),
            "{q:?}"
        );
        assert!(
            texts.contains(&(
                "It says the campaign violated federal law",
                Some("a spokeswoman, Anna Richardson White")
            )),
            "{q:?}"
        );
    }

    #[test]
    fn a_report_ends_before_a_closing_cue_of_its_own() {
        let q = quotes("He said the plan was dead, Sen. Chuck Grassley told reporters.");
        let texts = texts_and_sources(&q);
        assert!(texts.contains(&("the plan was dead", Some("He"))), "{q:?}");
        assert!(
            texts.contains(&("He said the plan was dead", Some("Sen. Chuck Grassley"))),
            "{q:?}"
        );
    }

    #[test]
    fn a_report_after_and_shares_the_subject_before_it() {
        for (t, content, src) in [
            ("British Prime Minister Theresa May said Sunday that Britain would leave by March and suggested that it would withdraw from the single market.", "it would withdraw from the single market", "British Prime Minister Theresa May"),
            ("Clinton, the former secretary of State, appeared at a forum sponsored by NBC News and said she has the essential quality for the job.", "she has the essential quality for the job", "Clinton"),
        ] {
            let q = quotes(t);
            let found = q.iter().find(|q| q.0 == content);
            assert_eq!(found.and_then(|q| q.2.as_deref()), Some(src), "{t}: {q:?}");
        }
    }

    #[test]
    fn a_closing_cue_with_an_auxiliary_keeps_its_pronoun() {
        let q = quotes("Her promise is modest. \"We don't need any more of that,\" she has said.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("she"));
    }

    #[test]
    fn a_weak_verb_with_a_comma_and_a_mark_introduces_the_quote() {
        let q = quotes("“They are wrong,” said widow Terry Strada.\n\nShe continued, “For us, all we are asking for is an opportunity.”");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].2.as_deref(), Some("She"));
    }

    #[test]
    fn a_weak_verb_after_a_quote_and_its_source_is_a_cue() {
        let q = quotes(
            "“A lot of it is justified,” he continued. “Would it be negotiable?” Hannity continued.",
        );
        let srcs: Vec<Option<&str>> = q.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(srcs, [Some("he"), Some("Hannity")], "{q:?}");
    }

    #[test]
    fn an_object_after_a_verb_mid_clause_is_no_source() {
        let q = quotes("''Never,'' the statement urged Americans and their leaders to ''avoid condemning refugees as a group.''");
        assert!(!q.is_empty(), "{q:?}");
        assert!(
            q.iter().all(|q| q.2.as_deref() == Some("the statement")),
            "{q:?}"
        );
    }

    #[test]
    fn a_pronoun_after_a_lead_in_and_a_verb_with_a_colon_introduces_the_quote() {
        let q = quotes("Asked which Iowa county was his favorite, he demurred: “Whichever one I’m in at the moment.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("he"));
    }

    #[test]
    fn it_before_a_speech_verb_is_a_source_and_nowhere_else() {
        let q = quotes("The city sent a letter on Thursday. It says the campaign violated federal and state law. It appears that the campaign will comply.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("It"));
    }

    #[test]
    fn a_colon_opening_the_text_before_a_quote_is_no_cue() {
        // (Found by the property tests: a colon as the first token, then a paragraph that
        // opens with a quote.)
        for t in [
            ":\n\n“We are ready.”",
            "x:\n\n“We are ready.”",
            ":“We are ready.”",
        ] {
            let _ = quotes(t);
        }
    }

    #[test]
    fn contractions_make_a_clause() {
        let q = quotes("Josh Earnest said Obama wasn't targeting just Trump. Kasich says he’ll welcome advice from anyone.");
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Obama wasn't targeting just Trump",
                "he’ll welcome advice from anyone"
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_long_subject_or_a_present_verb_still_makes_a_clause() {
        let q = quotes("Local GOP leaders say Trump’s recent visits to some of the state’s most critical battlegrounds have included fact-finding. Josh Earnest said Obama enjoys the event.");
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Trump’s recent visits to some of the state’s most critical battlegrounds have included fact-finding",
                "Obama enjoys the event"
            ],
            "{q:?}"
        );
        // A possessive before a plural is a noun phrase, not a clause.
        assert!(quotes("Josh Earnest said Obama’s plans.").is_empty());
    }

    #[test]
    fn a_closing_cue_takes_a_source_with_words_around_its_head() {
        for (text, source) in [
            (
                "Cruz will rethink how he approaches his colleagues, a source close to him said.",
                "a source close to him",
            ),
            (
                "Cameron will work with the next president, the prime minister’s spokesman said.",
                "the prime minister’s spokesman",
            ),
            (
                "The effects are difficult to predict, many economists say.",
                "many economists",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].2.as_deref(), Some(source), "{text}");
        }
        // A clause between the comma and the verb is no source.
        assert!(quotes("Prices rose, and then the bank said so.").is_empty());
    }

    #[test]
    fn an_appositive_with_commas_of_its_own_keeps_the_name() {
        let q = quotes("Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he and other rabbis were alarmed.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "he and other rabbis were alarmed");
        assert_eq!(q[0].2.as_deref(), Some("Jeffrey Salkin"));
    }

    #[test]
    fn a_partial_quote_stays_inside_its_reported_clause() {
        let q = quotes("Trump said he won \"every single debate\" in which he took part. Flynn said Trump was “absolutely right” when he said it.");
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert!(
            texts.contains(&"he won \"every single debate\" in which he took part"),
            "{q:?}"
        );
        assert!(
            texts.contains(&"Trump was “absolutely right” when he said it"),
            "{q:?}"
        );
        assert!(texts.contains(&"every single debate"), "{q:?}");
    }

    #[test]
    fn a_to_complement_is_the_content_of_a_learned_verb() {
        let q = quotes("The bank declined to comment. The mayor plans to be back in Columbia later on Saturday.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "to comment");
        assert_eq!(q[0].2.as_deref(), Some("bank"));
    }

    #[test]
    fn quoted_words_inside_reported_content_are_partial_quotes() {
        let q = quotes("Trump tweeted that Machado was “disgusting” and “a con” on Friday.");
        let direct: Vec<_> = q.iter().filter(|q| q.1 == QuoteKind::Direct).collect();
        assert_eq!(direct.len(), 2, "{q:?}");
        assert_eq!(direct[1].0, "a con");
        assert_eq!(direct[1].2.as_deref(), Some("Trump"));
        // A title inside reported content stays a title.
        let q = quotes("Pence said on “Face the Nation” that the plan would work.");
        assert!(q.iter().all(|q| q.1 != QuoteKind::Direct), "{q:?}");
    }

    #[test]
    fn a_list_of_quoted_words_keeps_its_speaker() {
        let q = quotes("Trump called the senator a \"nasty guy,\" an \"anchor baby,\" \"unstable\" and \"sick.\"");
        let words: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            words,
            ["nasty guy", "anchor baby", "unstable", "sick."],
            "{q:?}"
        );
        assert!(
            q.iter()
                .all(|q| q.2.as_deref() == Some("Trump") || q.2.as_deref() == Some("<prev>")),
            "{q:?}"
        );
    }

    #[test]
    fn subjects_past_catenatives_asides_and_coordination() {
        let cases = [
            ("Lewandowski continued to assert that he never met Fields.", "Lewandowski"),
            ("Supporters of abortion rights, on the other hand, argued that the ruling will help.", "Supporters of abortion rights"),
            ("Nearly two-thirds of primary voters said that Wall Street hurts the economy.", "Nearly two-thirds of primary voters"),
            ("Rep. Thomas Massie used to support Rand Paul, but now said Trump had a duty to unite.", "Rep. Thomas Massie"),
            ("As reported by Western Journalism, the secretary of state was made aware of it.", "Western Journalism"),
            ("Facing criticism, Mr. Trump praised the family, insisting that Mr. Khan had no right to speak.", "Mr. Trump"),
            ("Rep. Hakeem Jeffries reacted to the news, saying that the killer should be in prison.", "Rep. Hakeem Jeffries"),
            ("Mike Huckabee, the former governor, proposed we \"wake up and smell the coffee\" and said Paul Ryan should resign.", "Mike Huckabee"),
        ];
        for (text, want) in cases {
            let q = quotes(text);
            assert!(
                q.iter()
                    .any(|q| q.1 == QuoteKind::Indirect && q.2.as_deref() == Some(want)),
                "{text}: {q:?}"
            );
        }
    }

    #[test]
    fn a_name_and_a_colon_introduce_a_quote() {
        let q = quotes("Hannity interjected: “So you’re saying there will be some flexibility?”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Hannity"));
        let q = quotes(
            "WHERE THE RACE STANDS - Michael P. McDonald: “The contests have finally started.”",
        );
        assert_eq!(q[0].2.as_deref(), Some("Michael P. McDonald"), "{q:?}");
        let q = quotes("Mr. Trump yelled, “Out, out, out!”");
        assert_eq!(q[0].2.as_deref(), Some("Mr. Trump"), "{q:?}");
        // A plain noun before the colon is no source.
        let q = quotes("The headline read: “Markets tumble as rates rise.”");
        assert!(
            q.iter()
                .all(|q| q.2.is_none() || q.2.as_deref() == Some("<prev>")),
            "{q:?}"
        );
    }

    #[test]
    fn show_titles_stay_titles() {
        let q = quotes("“We must act,” Trump told “Fox and Friends” on Monday. He spoke on NBC's “Meet the Press.”");
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(texts, ["We must act"], "{q:?}");
    }

    #[test]
    fn polls_and_studies_show_what_they_report() {
        let q = quotes(
            "Polls show Sanders within two points of Clinton. She shows her badge at the door.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Sanders within two points of Clinton");
        assert_eq!(q[0].2.as_deref(), Some("Polls"));
    }

    #[test]
    fn learned_cues_report_with_their_frame() {
        let doc = Document::new(
            "The study found that wages rose sharply. She found the keys under the table.",
        );
        let q = find(&doc);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(doc.slice(q[0].span), "wages rose sharply");
    }

    fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
        let doc = Document::new(text);
        find(&doc)
            .into_iter()
            .map(|q| {
                let src = match q.source {
                    Source::Phrase(s) => Some(doc.slice(s).to_string()),
                    Source::Previous => Some("<prev>".into()),
                    Source::Unknown => None,
                };
                (doc.slice(q.span).to_string(), q.kind, src)
            })
            .collect()
    }

    /// Each quote's text and source phrase, for comparing with a list of literals.
    fn texts_and_sources(q: &[(String, QuoteKind, Option<String>)]) -> Vec<(&str, Option<&str>)> {
        q.iter().map(|q| (q.0.as_str(), q.2.as_deref())).collect()
    }

    fn direct(text: &str) -> Vec<String> {
        quotes(text)
            .into_iter()
            .filter(|q| q.1 == QuoteKind::Direct)
            .map(|q| q.0)
            .collect()
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            BARE_CLAUSE_VERBS,
            NAMING_WORDS,
            DESCRIBING_VERBS,
            QUOTING_DESCRIBERS,
            reported::FINITE,
            reported::CLAUSE_AUXILIARIES,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn split_quote_around_cue() {
        let q = quotes("“We are ready,” Kirby said. “And we will go.”");
        assert_eq!(
            q[0],
            (
                "We are ready".into(),
                QuoteKind::Direct,
                Some("Kirby".into())
            )
        );
        assert_eq!(q[1].0, "And we will go.");
        assert_eq!(q[1].2.as_deref(), Some("<prev>"));
    }

    #[test]
    fn inverted_cue_with_appositive() {
        let q = quotes(
            "“Man’s greed is hurting the whales,” says Parata, a fierce elder of the tribe.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Parata"));
        let q = quotes("“It is not safe,” said Patrick McHugh, vice president of Con Edison.");
        assert_eq!(q[0].2.as_deref(), Some("Patrick McHugh"));
    }

    #[test]
    fn the_subject_of_a_verb_that_takes_an_infinitive() {
        let q = quotes(
            "The debate was so subdued that Mr. Trump was prompted to say, “So far, I cannot \
             believe how civil it's been up here.”",
        );
        assert_eq!(q[0].2.as_deref(), Some("Mr. Trump"));
        let q = quotes("Yesterday the senator was quick to add that the bill would fail.");
        assert_eq!(q[0].0, "the bill would fail");
        let q = quotes(
            "In January, the court's conservatives seemed ready to say that the law was void.",
        );
        assert_eq!(q[0].2.as_deref(), Some("the court's conservatives"));
    }

    #[test]
    fn an_object_that_points_back_is_no_content() {
        for t in [
            "Robby Mook said as much in an interview earlier Thursday morning.",
            "Robby Mook said so in an interview on Thursday.",
            "Robby Mook said little about the plan in recent months.",
            "Robby Mook said the same thing in an interview.",
        ] {
            assert!(quotes(t).is_empty(), "{t}: {:?}", quotes(t));
        }
        let q = quotes("Robby Mook said as much on Thursday, arguing that Trump failed the test.");
        assert_eq!(q[0].0, "Trump failed the test");
    }

    #[test]
    fn a_place_at_the_end_of_an_appositive_is_no_source() {
        // (The rules' phrase; the page shows it with its article: `The senator`.)
        let q = quotes("The senator, a Democrat from Ohio, said that the deal was off.");
        assert_eq!(q[0].2.as_deref(), Some("senator"));
        let q = quotes("The leader of Ennahda, Rachid Ghannouchi, said that the deal was off.");
        assert_eq!(q[0].2.as_deref(), Some("Rachid Ghannouchi"));
    }

    #[test]
    fn a_coordinated_report_shares_the_subject_of_the_main_verb() {
        let q = quotes(
            "British Prime Minister Theresa May said this week that the country would formally \
             declare its intention to leave by March and suggested that it would withdraw from \
             the single market.",
        );
        assert_eq!(q[1].0, "it would withdraw from the single market");
        assert_eq!(
            q[1].2.as_deref(),
            Some("British Prime Minister Theresa May")
        );
    }

    #[test]
    fn a_noun_for_a_person_is_a_source() {
        let q = quotes(
            "\"As a child, my mom was always, like, 'Oh, you have citizenship because we're \
             citizens,'\" said the woman, who spoke on the condition of anonymity.",
        );
        assert_eq!(q[0].2.as_deref(), Some("the woman"));
        let q = quotes("“We are ready for the storm,” her neighbor said.");
        assert_eq!(q[0].2.as_deref(), Some("her neighbor"));
    }

    #[test]
    fn cue_before_and_partial_quote() {
        let q = quotes("Pentagon press secretary John Kirby said: “We have made attempts.”");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Pentagon press secretary John Kirby")
        );
        let d = direct("Kirby said it appears that “the Ukrainians are holding on” for now.");
        assert_eq!(d, ["the Ukrainians are holding on"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let d = direct("Russia’s army in the ’90s played rock ’n’ roll, the players’ union said.");
        assert!(d.is_empty(), "{d:?}");
        let d = direct("“It’s the ’90s again,” he said.");
        assert_eq!(d, ["It’s the ’90s again"]);
    }

    #[test]
    fn scare_quotes_and_titles_are_not_speech() {
        assert!(direct("The Bill would store so-called “metadata” for two years.").is_empty());
        assert!(direct("The corrosive “freeze-thaw” cycles make it worse.").is_empty());
        assert!(direct("Troops moved against \"criminals\" in his entourage.").is_empty());
    }

    #[test]
    fn multi_paragraph_quote_is_one_item() {
        let t = "“The first part goes on and on.\n\n“The second part ends here,” she said.";
        let d = direct(t);
        assert_eq!(
            d,
            ["The first part goes on and on.\n\n“The second part ends here"]
        );
    }

    #[test]
    fn a_paragraph_reopening_with_another_style_of_mark_starts_its_own_quote() {
        // A stray straight mark opening a paragraph does not swallow the next paragraph's
        // curly-quoted speech (the unclosed mark still gives its own paragraph, as any quote
        // that loses its closing mark does).
        let t = "\"Kevin was snoring.\n\n“Here he is, babe,” she said. “Donald’s here.”";
        assert_eq!(
            direct(t),
            ["Kevin was snoring.", "Here he is, babe", "Donald’s here."]
        );
    }

    #[test]
    fn a_source_with_a_long_appositive_after_the_quote() {
        let q = quotes(
            "“If current trends continue, it's inevitable that Twitter will get acquired,” \
             Robert Peck, managing director and internet equity analyst at SunTrust Robinson \
             Humphrey, told me this week.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Robert Peck"));
    }

    #[test]
    fn a_name_with_party_and_state_before_a_long_appositive() {
        let q = quotes(
            "Rep. Bobby Scott (D-Va.), ranking member of the House education committee and one \
             of the chief negotiators, said he fully supports the compromise.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Rep. Bobby Scott"));
    }

    #[test]
    fn a_plural_source_after_a_lead_in() {
        let q = quotes("Rather, sources close to her campaign say she stands behind the plan.");
        assert_eq!(q[0].2.as_deref(), Some("sources close to her campaign"));
    }

    #[test]
    fn a_participle_cue_shares_the_subject_of_its_clause() {
        let src = |t: &str| quotes(t)[0].2.clone();
        assert_eq!(
            src(
                "He also spoke about the proposed border wall, saying it will be “as big as it \
                 needs to be.”"
            )
            .as_deref(),
            Some("He")
        );
        assert_eq!(
            src("At the time, she released a statement saying, “G-III has been a partner.”")
                .as_deref(),
            Some("she")
        );
        // (An absolute clause has its own subject.)
        assert_eq!(
            src("Clinton was booed, with critics saying “she is a liar.”").as_deref(),
            Some("critics")
        );
    }

    #[test]
    fn a_sentence_adverb_is_not_the_source() {
        let q = quotes(
            "Earlier this week, Todd pressed Reince Priebus on the subject of taxes, insisting \
             to Priebus that Trump should release them.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Todd"));
    }

    #[test]
    fn a_relative_clause_with_commas_of_its_own_before_the_verb() {
        let q = quotes(
            "Sandy Phillips, who lost her daughter during the shooting in Aurora, Colorado, in \
             July 2012, said that Sanders had treated her family disrespectfully.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Sandy Phillips"));
    }

    #[test]
    fn an_inverted_cue_after_a_phrase_of_the_quotes_sentence() {
        let q = quotes("\"This will be a challenge\" for Clinton, said Kunin.");
        assert_eq!(q[0].2.as_deref(), Some("Kunin"));
    }

    #[test]
    fn a_noun_after_a_determiner_is_no_verb_to_share_a_subject_with() {
        let q = quotes(
            "She noted her years as senator representing the state, saying “we faced \
             difficult challenges together.”",
        );
        let direct = q.iter().find(|q| q.1 == QuoteKind::Direct).unwrap();
        assert_eq!(direct.2.as_deref(), Some("She"));
    }

    #[test]
    fn a_title_after_the_noun_for_its_kind_is_no_quote() {
        assert!(direct("He blasted the hit Disney film “Frozen” on Monday.").is_empty());
        assert!(
            direct("O'Brien, whose 2005 book “TrumpNation: The Art of Being the Donald,” was sued, said no.")
                .is_empty()
        );
    }

    #[test]
    fn a_name_after_an_inverted_cue_stops_at_a_preposition() {
        let q = quotes("“It was necessary,” said Obama for the second time.");
        assert_eq!(q[0].2.as_deref(), Some("Obama"));
        // (A capitalised one is part of the name.)
        let q = quotes("“Our challenge was big,” said Al From, the founder.");
        assert_eq!(q[0].2.as_deref(), Some("Al From"));
    }

    #[test]
    fn a_participle_after_an_adjunct_shares_the_clause_subject() {
        let t = "“He's a hater,” Trump said at a campaign rally in San Diego, adding that he \
                 believed the judge was “Mexican.”";
        let doc = Document::new(t);
        let mut raw = find(&doc);
        crate::ranker::rerank(&doc, &mut raw);
        for q in &raw {
            let Source::Phrase(s) = q.source else {
                panic!("no source: {q:?}")
            };
            assert_eq!(doc.slice(s), "Trump", "{}", doc.slice(q.span));
        }
    }

    #[test]
    fn words_a_subject_called_or_referred_to_as() {
        let q = quotes(
            "Trump, a real estate mogul, referred to undocumented immigrants from Mexico as \
             \"rapists\" and pointed to a man.",
        );
        assert_eq!(
            (q[0].0.as_str(), q[0].2.as_deref()),
            ("rapists", Some("Trump"))
        );
        let q = quotes("He spoke after the massacre, which he called “an evil, hateful act.”");
        assert_eq!(
            (q[0].0.as_str(), q[0].2.as_deref()),
            ("an evil, hateful act.", Some("he"))
        );
    }

    #[test]
    fn any_past_verb_beside_a_name_after_a_quote_is_its_cue() {
        let src = |t: &str| quotes(t)[0].2.clone();
        assert_eq!(
            src("“We are ready,” Smith quipped.").as_deref(),
            Some("Smith")
        );
        assert_eq!(
            src("“This is fantastic!” beamed Donald Hartley of Madison, Alabama.").as_deref(),
            Some("Donald Hartley of Madison")
        );
        assert_eq!(
            src("“We will win,” the senator fumed on Tuesday.").as_deref(),
            Some("the senator")
        );
        // (A description and the name after it: the name.)
        assert_eq!(
            src("“It's about time,” exhorted Clinton's introducer, actress Jamie Lee Curtis.")
                .as_deref(),
            Some("Jamie Lee Curtis")
        );
        // (Not the verb of a new sentence after the quote.)
        let q = quotes("Crowds gathered. “We are ready to go home now.” The soldiers smiled.");
        assert!(
            q.iter().all(|q| q.2.as_deref() != Some("The army")),
            "{q:?}"
        );
    }

    #[test]
    fn a_reported_clause_with_a_present_tense_verb_after_a_long_subject() {
        let q = quotes(
            "Gingrich said Trump’s use of social media gives his campaign an extra dimension.",
        );
        assert_eq!(
            q[0].0,
            "Trump’s use of social media gives his campaign an extra dimension"
        );
    }

    #[test]
    fn a_closing_cue_keeps_its_sources_determiner() {
        let q = quotes("The comments had two goals, the spokesman said.");
        assert_eq!(q[0].2.as_deref(), Some("the spokesman"));
        let q = quotes("She was also headed to Cairo, her friend said.");
        assert_eq!(q[0].2.as_deref(), Some("her friend"));
    }

    #[test]
    fn a_report_ends_before_an_according_to_of_its_own() {
        let q = quotes(
            "Sanders said the win was proof he can still close the gap in pledged delegates, \
             according to the Associated Press.",
        );
        // (The whole sentence is also the Associated Press's report.)
        let by_sanders = q
            .iter()
            .find(|q| q.2.as_deref() == Some("Sanders"))
            .unwrap();
        assert_eq!(
            by_sanders.0,
            "the win was proof he can still close the gap in pledged delegates"
        );
    }

    #[test]
    fn a_participle_cue_takes_a_bare_clause() {
        let q = quotes("He left the room, saying the plan would fail.");
        assert_eq!(
            (q[0].0.as_str(), q[0].2.as_deref()),
            ("the plan would fail", Some("He"))
        );
        let q = quotes("He denounced the coup, telling USA TODAY he had nothing to do with it.");
        assert_eq!(q[0].0, "he had nothing to do with it");
    }

    #[test]
    fn a_told_object_gives_back_the_determiner_of_the_clause_subject() {
        for t in [
            "Officials warned the plan would fail.",
            "He told reporters the plan would fail.",
            "He told the Associated Press the plan would fail.",
        ] {
            assert_eq!(quotes(t)[0].0, "the plan would fail", "{t}");
        }
        // (A participle right after a noun phrase is that phrase's.)
        let q = quotes("He improved, with 30 percent of voters saying they like him.");
        assert_eq!(q[0].2.as_deref(), Some("voters"));
    }

    #[test]
    fn a_parenthetical_cue_with_an_unnamed_source() {
        let q = quotes(
            "The effects are difficult to predict, many economists say, because there is \
             little precedent.",
        );
        assert_eq!(
            (q[0].0.as_str(), q[0].2.as_deref()),
            (
                "The effects are difficult to predict",
                Some("many economists")
            )
        );
        let q = quotes(
            "After small increases in deficits, the budget office said, they will go up more \
             sharply after 2018.",
        );
        assert_eq!(
            (q[0].0.as_str(), q[0].2.as_deref()),
            (
                "they will go up more sharply after 2018",
                Some("the budget office")
            )
        );
    }

    #[test]
    fn an_aside_between_commas_after_the_verb_then_the_clause() {
        let q = quotes(
            "Marco Rubio says, win or lose in Tuesday’s crucial Florida primary, he’s staying \
             in the race.",
        );
        assert_eq!(
            (q[0].0.as_str(), q[0].2.as_deref()),
            ("he’s staying in the race", Some("Marco Rubio"))
        );
    }

    #[test]
    fn a_bare_day_after_the_verb_then_the_clause() {
        let q =
            quotes("French President François Hollande said Tuesday the remarks were sickening.");
        assert_eq!(
            (q[0].0.as_str(), q[0].2.as_deref()),
            (
                "the remarks were sickening",
                Some("French President François Hollande")
            )
        );
        let q = quotes("Trump said Friday night he would win the state.");
        assert_eq!(q[0].0, "he would win the state");
        // A day that is the verb's object only: no clause.
        assert!(quotes("Clinton said Monday.").is_empty());
    }

    #[test]
    fn guillemets_and_straight_marks() {
        assert_eq!(
            quotes("«Nous sommes prêts, vraiment prêts», Macron said.")[0]
                .2
                .as_deref(),
            Some("Macron")
        );
        assert_eq!(
            direct("«Nous sommes prêts, vraiment prêts», Macron said."),
            ["Nous sommes prêts, vraiment prêts"]
        );
        assert_eq!(
            direct("\"I thought a lot before writing this,\" Askar wrote."),
            ["I thought a lot before writing this"]
        );
    }

    #[test]
    fn indirect_speech_forms() {
        let q = quotes("Kirby said that the talks had failed badly.");
        assert_eq!(q[0].0, "the talks had failed badly");
        assert_eq!(q[0].2.as_deref(), Some("Kirby"));
        let q = quotes("The government plans to lift sanctions on Sudan, Obama administration officials said late Thursday.");
        assert_eq!(q[0].0, "The government plans to lift sanctions on Sudan");
        assert_eq!(q[0].2.as_deref(), Some("Obama administration officials"));
        let q = quotes("Hicks told ABC News that she had no idea at all.");
        assert_eq!(q[0].0, "she had no idea at all");
        let q = quotes("According to the police, three men were arrested on Monday.");
        assert_eq!(q[0].0, "three men were arrested on Monday");
        let q = quotes("He denied it, adding that the plan was never approved.");
        assert_eq!(q.last().unwrap().0, "the plan was never approved");
    }

    #[test]
    fn unbalanced_marks_do_not_swallow_the_article() {
        let d = direct("He said “this never closes\n\nAnd this is a new paragraph.");
        assert_eq!(d.len(), 1);
        assert!(!d[0].contains("new paragraph"));
    }

    #[test]
    fn a_report_ends_where_a_contrast_or_another_report_takes_over() {
        let q = quotes(
            "About three in 10 said they prefer an outsider, and six in 10 said they want experience. \
             Netanyahu said the meeting would go ahead, while Democrats called it a mistake.",
        );
        let texts = texts_and_sources(&q);
        assert_eq!(
            texts,
            [
                ("they prefer an outsider", Some("About three in 10")),
                ("they want experience", Some("six in 10")),
                ("the meeting would go ahead", Some("Netanyahu")),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_partial_quote_that_ends_the_sentence_is_the_reports_and_closes_inside_it() {
        let q = quotes("Smith said the judge was “biased.” He smiled.");
        let texts: Vec<(&str, QuoteKind, Option<&str>)> = q
            .iter()
            .map(|q| (q.0.as_str(), q.1, q.2.as_deref()))
            .collect();
        assert_eq!(
            texts,
            [
                (
                    "the judge was “biased.”",
                    QuoteKind::Indirect,
                    Some("Smith")
                ),
                ("biased.", QuoteKind::Direct, Some("Smith")),
            ],
            "{q:?}"
        );
        // A verb of manner after a quote still names its speaker when no sentence ended.
        let q = quotes("“I am done,” Smith smiled.");
        assert_eq!(q[0].2.as_deref(), Some("Smith"), "{q:?}");
    }

    #[test]
    fn an_adjunct_closed_by_that_is_skipped_whole() {
        let q = quotes(
            "Changyu said in a statement to the Shenzhen stock exchange that Illva will pay 48m yuan.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Illva will pay 48m yuan");
        assert_eq!(q[0].2.as_deref(), Some("Changyu"));
    }

    #[test]
    fn a_verb_joined_on_shares_the_subject_and_a_possessed_noun_is_no_verb() {
        let q = quotes(
            "McConnell met with her and other leaders and came away convinced that reforms were underway.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("McConnell"), "{q:?}");
        // (`Ryan’s comments` is no cue whose subject a participle shares.)
        let q = quotes(
            "One operative tried to downplay Ryan’s comments, saying they were not a big deal.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("One operative"), "{q:?}");
    }

    #[test]
    fn going_on_to_say_is_the_one_who_went_on() {
        let q = quotes(
            "“It is insane,” Sanders said, going on to say that the country has fought racism.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].0, "the country has fought racism");
        assert_eq!(q[1].2.as_deref(), Some("Sanders"), "{q:?}");
    }

    #[test]
    fn as_someone_put_it_cues_a_quote() {
        let q = quotes("As Ms. Simonyan put it in a statement in July, RT is “providing a perspective you won't get elsewhere.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Ms. Simonyan"), "{q:?}");
        let q = quotes("As the president put it: “We are ready.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("president"), "{q:?}");
    }

    #[test]
    fn a_weak_verb_the_table_gives_as_a_cue_introduces_a_partial_quote() {
        let q =
            quotes("Gowdy promised to release a report \"as soon as possible\" on the findings.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "as soon as possible");
        assert_eq!(q[0].2.as_deref(), Some("Gowdy"), "{q:?}");
    }

    #[test]
    fn a_sentence_that_goes_on_from_a_quote_is_no_title() {
        let q = quotes("“It is not an act of pity,” the president added. “We're America.”");
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            ["It is not an act of pity", "We're America."],
            "{q:?}"
        );
    }

    #[test]
    fn a_title_in_marks_between_cue_and_quote_is_passed_over() {
        let q = quotes("Johnson tells MSNBC’s “Morning Joe” on Friday that “exactly who did it” remains unknown.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "exactly who did it");
        assert_eq!(q[0].2.as_deref(), Some("Johnson"), "{q:?}");
    }

    #[test]
    fn verbs_of_regard_before_as_describe_in_words() {
        let q = quotes(
            "McCain told reporters he viewed Obama as “directly responsible” for the attack.",
        );
        assert!(
            q.iter()
                .any(|q| q.0 == "directly responsible" && q.1 == QuoteKind::Direct),
            "{q:?}"
        );
    }

    #[test]
    fn a_short_quote_joined_to_a_partial_one_is_partial_too() {
        let q = quotes(
            "Trump sought to accuse Clinton’s campaign of being “duped” by “a con” on Friday.",
        );
        let texts = texts_and_sources(&q);
        assert_eq!(
            texts,
            [("duped", Some("Trump")), ("a con", Some("Trump"))],
            "{q:?}"
        );
    }

    #[test]
    fn a_weak_reporting_verb_right_before_the_mark_cues_it() {
        let q = quotes("Trump promised “jobs, jobs, jobs” to the crowd.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            (q[0].0.as_str(), q[0].2.as_deref()),
            ("jobs, jobs, jobs", Some("Trump"))
        );
    }

    #[test]
    fn a_mark_after_a_word_cut_off_with_dashes_closes() {
        let q = quotes("He said \"it is a f---\" and left the room quickly.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "it is a f---");
    }

    #[test]
    fn marks_inside_markup_tags_quote_no_one() {
        let q = quotes(
            "<tweet author=\"@edhenry\" date=\"in an apples-to-apples comparison, youth do worse\"> \
             Sanders said that for young people the rate is high.",
        );
        assert!(q.iter().all(|q| q.1 == QuoteKind::Indirect), "{q:?}");
    }

    #[test]
    fn a_quote_of_another_style_inside_a_quoted_passage_is_a_quote_too() {
        let d = direct("Clinton spoke.\n\n\"Trump walked onto the stage, chanting “U-S-A! U-S-A!”");
        assert!(d.iter().any(|q| q == "U-S-A! U-S-A!"), "{d:?}");
    }

    #[test]
    fn a_verb_with_a_clause_of_its_own_after_a_finished_quote_reports_the_clause() {
        let q = quotes(
            "“You need determination,” he said. “But I saw his other side.” \
             Tory leader Michael Howard said he would be remembered with affection.",
        );
        let got: Vec<(&str, QuoteKind, Option<&str>)> = q
            .iter()
            .map(|q| (q.0.as_str(), q.1, q.2.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("You need determination", QuoteKind::Direct, Some("he")),
                (
                    "But I saw his other side.",
                    QuoteKind::Direct,
                    Some("<prev>")
                ),
                (
                    "he would be remembered with affection",
                    QuoteKind::Indirect,
                    Some("Tory leader Michael Howard")
                ),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_description_after_a_quote_is_the_source_of_a_weak_verb() {
        let q =
            quotes("“Prince returned to centre stage after a decade away,” the magazine reported.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("the magazine"), "{q:?}");
    }
}
