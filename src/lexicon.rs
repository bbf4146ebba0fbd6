//! The word lists the engine reasons with: speech verbs, titles, honorifics, organisation
//! words, abbreviations and the function words that are never part of a name.
//!
//! Every list is lowercase and sorted, so a look-up is a binary search with a
//! case-insensitive comparison that never allocates (`in_list`). The unit tests check that
//! each list stays sorted, which is what makes the search correct.

use std::cmp::Ordering;

/// Compares `word` to the lowercase `entry`, ignoring case in `word`; curly apostrophes in
/// `word` compare equal to straight ones in `entry`.
fn cmp_ci(entry: &str, word: &str) -> Ordering {
    let mut a = entry.chars();
    let mut b = word.chars().map(|c| if c == '’' { '\'' } else { c });
    loop {
        match (a.next(), b.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let y = if y.is_ascii() { y.to_ascii_lowercase() } else { y.to_lowercase().next().unwrap_or(y) };
                match x.cmp(&y) {
                    Ordering::Equal => continue,
                    o => return o,
                }
            }
        }
    }
}

/// Is `word` (any case) in the sorted lowercase `list`?
///
/// The hot path of the whole engine (every token meets several lists), so ASCII words are
/// lowercased into a stack buffer and compared as bytes; only other words take the
/// char-by-char comparison.
pub fn in_list(list: &[&str], word: &str) -> bool {
    const MAX: usize = 24;
    if word.len() > MAX * 4 {
        return false;
    }
    if word.is_ascii() && word.len() <= MAX {
        let mut buf = [0u8; MAX];
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        return list.binary_search_by(|e| e.as_bytes().cmp(b)).is_ok();
    }
    list.binary_search_by(|e| cmp_ci(e, word)).is_ok()
}

/// Verbs that introduce speech, in every form a news article uses them after or before a
/// quote (`said`, `says`, `told`, `adding`, …). A broad list: recall on unseen articles
/// matters more than one fixture.
pub const SPEECH_VERBS: &[&str] = &[
    "accuse", "accused", "accuses", "accusing", "acknowledge", "acknowledged", "acknowledges",
    "acknowledging", "add", "added", "adding", "adds", "admit", "admits", "admitted", "admitting",
    "advise", "advised", "advises", "affirmed", "agree", "agreed", "agreeing", "agrees", "allege",
    "alleged", "alleges", "alleging", "announce", "announced", "announces", "announcing", "answer",
    "answered", "answers", "argue", "argued", "argues", "arguing", "ask", "asked", "asks", "assert",
    "asserted", "asserting", "asserts", "assure", "assured", "assures", "boast", "boasted",
    "boasts", "caution", "cautioned", "cautions", "charge", "charged", "charges", "claim",
    "claimed", "claiming", "claims", "comment", "commented", "comments", "complain", "complained",
    "complains", "concede", "conceded", "concedes", "conceding", "conclude", "concluded",
    "concludes", "confirm", "confirmed", "confirming", "confirms", "contend", "contended",
    "contends", "continue", "continued", "continues", "counter", "countered", "counters", "cried",
    "cries", "declare", "declared", "declares", "declaring", "demand", "demanded", "demanding",
    "demands", "denied", "denies", "deny", "denying", "disclose", "disclosed", "discloses",
    "divulge", "divulged", "divulges", "emphasise", "emphasised", "emphasises", "emphasize",
    "emphasized", "emphasizes", "estimate", "estimated", "estimates", "exclaimed", "explain",
    "explained", "explaining", "explains", "hinted", "indicate", "indicated", "indicates", "insist",
    "insisted", "insisting", "insists", "joke", "joked", "jokes", "maintain", "maintained",
    "maintains", "mention", "mentioned", "mentions", "note", "noted", "notes", "noting", "observe",
    "observed", "observes", "pledge", "pledged", "pledges", "point", "pointed", "points", "post",
    "posted", "posts", "predict", "predicted", "predicts", "proclaimed", "promise", "promised",
    "promises", "reaffirmed", "recall", "recalled", "recalls", "recount", "recounted", "recounts",
    "reiterate", "reiterated", "reiterates", "remark", "remarked", "remarks", "repeat", "repeated",
    "repeats", "replied", "replies", "reply", "report", "reported", "reports", "respond",
    "responded", "responds", "reveal", "revealed", "reveals", "said", "say", "saying", "says",
    "shout", "shouted", "shouts", "signaled", "signalled", "state", "stated", "states", "stating",
    "stress", "stressed", "stresses", "stressing", "suggest", "suggested", "suggesting", "suggests",
    "tell", "telling", "tells", "testified", "testifies", "testify", "told", "tweet", "tweeted",
    "tweets", "urge", "urged", "urges", "vow", "vowed", "vowing", "vows", "warn", "warned",
    "warning", "warns", "whisper", "whispered", "write", "writes", "writing", "wrote",
];

/// Speech verbs whose noun or unrelated sense is common enough that they only count as cues
/// next to a quote or before `that` (`the state`, `a post`, `points`, `reports`, `charges`).
pub const WEAK_SPEECH_VERBS: &[&str] = &[
    "advise", "advised", "advises", "announce", "announced", "announces", "charge", "charges",
    "comment", "comments", "confirm", "confirmed", "confirms", "continue", "continued", "continues",
    "counter", "counters", "denied", "denies", "deny", "estimate", "estimated", "estimates",
    "maintain", "maintained", "maintains", "note", "notes", "point", "pointed", "points", "post",
    "posted", "posts", "predict", "predicted", "predicts", "promise", "promised", "promises",
    "recall", "recalled", "recalls", "remark", "remarks", "report", "reported", "reports", "reveal",
    "revealed", "reveals", "state", "states", "tweet", "tweets", "warning", "write", "writes",
    "writing",
];

/// Verbs of believing and knowing: not speech, but the content after `that` is still the
/// subject's reported position (`X believes that …`). Kept apart: not used as quote cues.
pub const COGNITION_VERBS: &[&str] = &[
    "believe", "believed", "believes", "fear", "feared", "fears", "feel", "feels", "felt", "hope",
    "hoped", "hopes", "knew", "know", "knows", "think", "thinks", "thought",
];

/// Role nouns and titles (`press secretary`, `spokesman`, `minister`). Multi-word titles are
/// recognised word by word: every word of `Pentagon press secretary` is a title word or a
/// capitalised name of an organisation.
pub const TITLE_WORDS: &[&str] = &[
    "academic", "activist", "adviser", "advisor", "advocate", "aide", "ambassador", "analyst",
    "anchor", "archbishop", "artist", "assistant", "associate", "attorney", "author", "banker",
    "biologist", "bishop", "boss", "brig", "campaigner", "captain", "cardinal", "ceo", "cfo",
    "chair", "chairman", "chairperson", "chairwoman", "chancellor", "chemist", "chief",
    "co-founder", "coach", "col", "colonel", "columnist", "commander", "commentator",
    "commissioner", "congressman", "congresswoman", "consultant", "coo", "correspondent",
    "councillor", "councilman", "councilor", "councilwoman", "cto", "dean", "deputy", "detective",
    "developer", "diplomat", "director", "doctor", "ecologist", "economist", "editor", "elder",
    "emir", "engineer", "entrepreneur", "envoy", "epidemiologist", "executive", "expert", "farmer",
    "fellow", "founder", "gen", "general", "governor", "head", "historian", "inspector",
    "investigator", "investor", "journalist", "judge", "justice", "king", "lawmaker", "lawyer",
    "leader", "lecturer", "lieutenant", "lobbyist", "lt", "manager", "marshal", "mayor", "mediator",
    "minister", "monsignor", "mp", "negotiator", "novelist", "nurse", "officer", "official",
    "organiser", "organizer", "owner", "partner", "pastor", "photographer", "physician",
    "physicist", "pilot", "police", "politician", "pope", "premier", "president", "priest", "prime",
    "prince", "princess", "principal", "producer", "professor", "programmer", "prosecutor",
    "psychologist", "queen", "rabbi", "ranger", "rep", "reporter", "representative", "researcher",
    "resident", "scholar", "scientist", "secretary", "secretary-general", "sen", "senator",
    "sergeant", "sgt", "sheriff", "sociologist", "soldier", "specialist", "spokesman",
    "spokesperson", "spokeswoman", "strategist", "student", "superintendent", "supervisor",
    "surgeon", "teacher", "treasurer", "trustee", "veteran", "vice", "virologist", "volunteer",
    "whisperer", "worker", "writer",
];

/// Titles that stand right before a name as part of how it is written (`President Obama`,
/// `Gen. Milley`). A subset of [`TITLE_WORDS`] plus honorific-like ranks.
pub const PRE_NAME_TITLES: &[&str] = &[
    "ambassador", "archbishop", "bishop", "brig", "capt", "captain", "cardinal", "chancellor",
    "col", "colonel", "commissioner", "congressman", "congresswoman", "det", "detective", "gen",
    "general", "gov", "governor", "judge", "justice", "king", "lt", "mayor", "minister", "pope",
    "premier", "president", "prince", "princess", "prof", "professor", "queen", "rep",
    "representative", "sec", "secretary", "sen", "senator", "sgt", "sheriff",
];

/// Honorifics: a capitalised word after one of these is a person's name.
pub const HONORIFICS: &[&str] = &[
    "dame", "dr", "lady", "lord", "madam", "miss", "mr", "mrs", "ms", "mx", "rev", "sir",
];

/// Words that end an organisation's name (`… Police`, `… Council`, `… Corporation`).
pub const ORG_HEADS: &[&str] = &[
    "academy", "administration", "agency", "airlines", "airways", "alliance", "army", "assembly",
    "association", "authority", "bank", "board", "broadcasting", "bureau", "cabinet", "center",
    "centre", "church", "club", "co", "coalition", "college", "command", "commission", "committee",
    "company", "congress", "corp", "corporation", "council", "court", "department", "edison",
    "federation", "force", "forces", "foundation", "fund", "government", "group", "guard",
    "hospital", "inc", "institute", "institution", "journal", "junta", "league", "llc", "ltd",
    "media", "military", "ministry", "movement", "museum", "navy", "network", "news", "office",
    "organisation", "organization", "parliament", "party", "police", "post", "press", "radio",
    "regime", "school", "senate", "service", "services", "society", "team", "television", "times",
    "tribe", "trust", "union", "university",
];

/// Organisations well known enough that news text names them without any head word.
pub const KNOWN_ORGS: &[&str] = &[
    "abc", "afp", "al-qaeda", "amazon", "ap", "apple", "bbc", "cbs", "cia", "cnn", "eu", "facebook",
    "fbi", "google", "hamas", "hezbollah", "instagram", "interpol", "kremlin", "meta", "microsoft",
    "nasa", "nato", "nbc", "npr", "opec", "pentagon", "reuters", "taliban", "twitter", "un",
    "unesco", "unicef", "who", "youtube",
];

/// Abbreviations that end with a period without ending a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "a.m", "adm", "apr", "aug", "ave", "brig", "capt", "cmdr", "co", "col", "corp", "dec", "dept",
    "det", "dr", "e.g", "esq", "etc", "feb", "fig", "gen", "gov", "i.e", "inc", "jan", "jr", "jul",
    "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "p.m",
    "pp", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "u.k", "u.n",
    "u.s", "vs",
];

/// Function words and other capitalised words that are never part of a name: sentence
/// openers, pronouns, days and months.
pub const NOT_NAME_WORDS: &[&str] = &[
    "a", "about", "according", "after", "again", "against", "all", "also", "although", "among",
    "an", "and", "another", "any", "april", "are", "as", "at", "august", "because", "before",
    "being", "between", "both", "but", "by", "can", "could", "credit", "december", "despite", "did",
    "do", "does", "during", "each", "early", "either", "even", "every", "february", "few", "for",
    "friday", "from", "has", "have", "he", "her", "here", "his", "how", "however", "i", "if",
    "image", "in", "inside", "instead", "into", "is", "it", "its", "january", "july", "june",
    "just", "last", "late", "later", "many", "march", "may", "meanwhile", "monday", "more", "most",
    "much", "my", "neither", "never", "next", "no", "nor", "not", "november", "now", "october",
    "of", "on", "once", "one", "only", "or", "other", "our", "over", "per", "photo", "read",
    "saturday", "september", "she", "should", "since", "so", "some", "source", "still", "such",
    "sunday", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "though", "through", "thursday", "to", "today", "tuesday", "two", "under", "until",
    "up", "us", "was", "we", "wednesday", "were", "what", "when", "where", "whether", "which",
    "while", "who", "why", "will", "with", "within", "without", "would", "yes", "yet", "you",
    "your",
];

/// Personal pronouns that can stand for a speaker, and the kind of antecedent they take.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" | "He" | "him" | "His" | "his" => Some(Pronoun::He),
        "she" | "She" | "her" | "Her" => Some(Pronoun::She),
        "they" | "They" => Some(Pronoun::They),
        "I" | "we" | "We" => Some(Pronoun::Speaker),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    /// `I`/`we` outside quotes: the writer.
    Speaker,
}

pub fn is_speech_verb(w: &str) -> bool {
    in_list(SPEECH_VERBS, w)
}
pub fn is_weak_speech_verb(w: &str) -> bool {
    in_list(WEAK_SPEECH_VERBS, w)
}
pub fn is_cognition_verb(w: &str) -> bool {
    in_list(COGNITION_VERBS, w)
}
pub fn is_title_word(w: &str) -> bool {
    in_list(TITLE_WORDS, w.trim_end_matches('.'))
}
pub fn is_pre_name_title(w: &str) -> bool {
    in_list(PRE_NAME_TITLES, w.trim_end_matches('.'))
}
pub fn is_honorific(w: &str) -> bool {
    in_list(HONORIFICS, w.trim_end_matches('.'))
}
pub fn is_org_head(w: &str) -> bool {
    in_list(ORG_HEADS, w.trim_end_matches('.'))
}
pub fn is_known_org(w: &str) -> bool {
    in_list(KNOWN_ORGS, w)
}
pub fn is_abbreviation(w: &str) -> bool {
    in_list(ABBREVIATIONS, w.trim_end_matches('.'))
}
pub fn is_not_name_word(w: &str) -> bool {
    in_list(NOT_NAME_WORDS, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_lowercase_and_unique() {
        for (name, list) in [
            ("SPEECH_VERBS", SPEECH_VERBS),
            ("WEAK_SPEECH_VERBS", WEAK_SPEECH_VERBS),
            ("COGNITION_VERBS", COGNITION_VERBS),
            ("TITLE_WORDS", TITLE_WORDS),
            ("PRE_NAME_TITLES", PRE_NAME_TITLES),
            ("HONORIFICS", HONORIFICS),
            ("ORG_HEADS", ORG_HEADS),
            ("KNOWN_ORGS", KNOWN_ORGS),
            ("ABBREVIATIONS", ABBREVIATIONS),
            ("NOT_NAME_WORDS", NOT_NAME_WORDS),
        ] {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{name} not sorted/unique at {:?}", w);
            }
            for w in list.iter() {
                assert_eq!(*w, w.to_lowercase(), "{name} has uppercase {w}");
            }
        }
    }

    #[test]
    fn lookups_ignore_case_and_periods() {
        assert!(is_speech_verb("Said"));
        assert!(is_honorific("Mr."));
        assert!(is_pre_name_title("Gen."));
        assert!(!is_speech_verb("sad"));
        assert!(is_org_head("Corporation"));
    }
}
