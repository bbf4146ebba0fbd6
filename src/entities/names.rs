//! Names: runs of capitalised words (with initials, particles and suffixes), the title
//! or honorific before them, the appositive after, and what kind of entity they name.

#[allow(unused_imports)]
use super::*;

/// A run of capitalised words and what the text around it says about it.
#[derive(Debug, Clone)]
pub(crate) struct NameRun {
    /// The name without honorific or title (`John Kirby`).
    pub(crate) span: Span,
    /// Tokens of the name.
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// The title before the name (`Pentagon press secretary`), if any.
    pub(crate) title: Option<Span>,
    pub(crate) kind: Option<EntityKind>,
    /// Strong evidence that this is a person or organisation of interest.
    pub(crate) evidence: bool,
    /// `he`/`she` as told by an honorific (`Mr.`, `Mrs.`), if any.
    pub(crate) gender: Option<lexicon::Pronoun>,
}

/// Trims determiners and punctuation off a title: `the Pentagon spokesman,` → `Pentagon
/// spokesman`.
pub(crate) fn clean_title(t: &str) -> String {
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

pub(crate) fn is_cap_word(doc: &Document, i: usize) -> bool {
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
pub(crate) fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|c| c.is_uppercase()) && c.next().is_none()
}

/// Lowercase words inside names: `de Gaulle`, `von der Leyen`, `bin Salman`, `al-`.
pub(crate) fn is_particle(w: &str) -> bool {
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
pub(crate) fn is_name_suffix(w: &str) -> bool {
    matches!(w, "Jr" | "Sr" | "II" | "III" | "IV" | "." | ",")
}

/// Finds every run of capitalised words with the evidence around it.
pub(crate) fn name_runs(doc: &Document) -> Vec<NameRun> {
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
pub(crate) fn make_run(doc: &Document, i: usize, j: usize) -> Option<NameRun> {
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
    // A title's domain: `Secretary of State John Kerry`, `Director of National Intelligence
    // James Clapper` (the name keeps its last two words).
    if titled && a < j && doc.tok(a) == "of" {
        while a < j && j - a > 2 {
            a += 1;
        }
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
pub(crate) fn is_demonym(w: &str) -> bool {
    ["ian", "ean", "ese", "ish", "can"]
        .iter()
        .any(|suf| w.ends_with(suf))
}

pub(crate) fn honorific_gender(w: &str) -> Option<lexicon::Pronoun> {
    match w.trim_end_matches('.').to_ascii_lowercase().as_str() {
        "mr" | "sir" | "lord" => Some(lexicon::Pronoun::He),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "madam" => Some(lexicon::Pronoun::She),
        _ => None,
    }
}

pub(crate) fn is_org_word(w: &str) -> bool {
    lexicon::is_org_head(w) || lexicon::is_known_org(w)
}

pub(crate) fn is_title_modifier(w: &str) -> bool {
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
pub(crate) fn appositive_title(doc: &Document, j: usize) -> Option<Span> {
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
