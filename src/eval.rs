//! Scoring against gold files, with the rules of the data set's README.
//!
//! - Spans are compared after trimming quotation marks, punctuation and spaces at both ends.
//! - A predicted span matches a gold span when their overlap over union, in characters, is
//!   at least 0.8; matching is one-to-one (best pairs first).
//! - Precision, recall and F1 are reported per quote kind.
//! - Speaker accuracy is the share of matched quotes whose predicted speaker's name contains
//!   the gold speaker's surname (last word), case-insensitively; a gold `null` speaker is
//!   right only when the prediction has no speaker either.
//! - Claim coverage is the share of gold claims at least half covered by one predicted
//!   claim; claim precision is the share of predicted claims that overlap a gold claim.
//!
//! The same code scores whosaid and any peer whose output is converted to [`Annotations`].

use crate::types::{Annotations, QuoteKind, Span};
use serde::{Deserialize, Serialize};

/// One gold file (see `tests/data/README.md`).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Gold {
    pub id: String,
    #[serde(default)]
    pub source: String,
    pub text: String,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
    #[serde(default)]
    pub not_quotes: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldQuote {
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    #[serde(default)]
    pub nth: usize,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldEntity {
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldClaim {
    pub text: String,
    pub kind: String,
    #[serde(default)]
    pub nth: usize,
}

/// Counts for precision / recall / F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub matched: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &Prf) {
        self.matched += o.matched;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

/// `a / b`, with an empty denominator counting as perfect (nothing to find, nothing found).
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The score of one article, or of several added together.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    pub id: String,
    pub direct: Prf,
    pub indirect: Prf,
    /// Matched quotes (both kinds) and how many of them have the right speaker.
    pub speaker_right: usize,
    pub speaker_total: usize,
    /// Gold claims at least half covered by a predicted claim.
    pub claims_covered: usize,
    pub claims_gold: usize,
    /// Predicted claims that overlap some gold claim.
    pub claims_hit: usize,
    pub claims_predicted: usize,
    /// Predicted direct quotes that overlap a gold `not_quotes` span.
    pub scare_errors: usize,
    /// Gold items whose text could not be found in the article (a broken gold file).
    pub gold_missing: Vec<String>,
    /// Unmatched items, for reading: (kind, text).
    #[serde(skip)]
    pub misses: Vec<(String, String)>,
    #[serde(skip)]
    pub false_alarms: Vec<(String, String)>,
    #[serde(skip)]
    pub wrong_speakers: Vec<(String, String, String)>,
}

impl Score {
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_total)
    }
    pub fn claim_coverage(&self) -> f64 {
        ratio(self.claims_covered, self.claims_gold)
    }
    pub fn claim_precision(&self) -> f64 {
        ratio(self.claims_hit, self.claims_predicted)
    }
    /// Adds another article's counts into this one.
    pub fn add(&mut self, o: &Score) {
        self.direct.add(&o.direct);
        self.indirect.add(&o.indirect);
        self.speaker_right += o.speaker_right;
        self.speaker_total += o.speaker_total;
        self.claims_covered += o.claims_covered;
        self.claims_gold += o.claims_gold;
        self.claims_hit += o.claims_hit;
        self.claims_predicted += o.claims_predicted;
        self.scare_errors += o.scare_errors;
        self.gold_missing.extend(o.gold_missing.iter().cloned());
    }
}

/// Byte span of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn locate(text: &str, needle: &str, nth: usize) -> Option<Span> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    let mut k = 0;
    while let Some(i) = text[from..].find(needle) {
        let s = from + i;
        if k == nth {
            return Some(Span::new(s, s + needle.len()));
        }
        k += 1;
        from = s + text[s..].chars().next().map_or(1, |c| c.len_utf8());
    }
    None
}

fn is_trim_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '—' | '–' | '…')
}

/// Trims quotation marks, punctuation and spaces at both ends of a span.
pub fn trim_span(text: &str, s: Span) -> Span {
    let Some(seg) = text.get(s.start..s.end) else {
        return s;
    };
    let lead = seg.len() - seg.trim_start_matches(is_trim_char).len();
    if lead == seg.len() {
        return Span::new(s.start, s.start);
    }
    let trail = seg.len() - seg.trim_end_matches(is_trim_char).len();
    Span::new(s.start + lead, s.end - trail)
}

fn chars(text: &str, a: usize, b: usize) -> usize {
    if a >= b {
        0
    } else {
        text.get(a..b).map_or(b - a, |s| s.chars().count())
    }
}

/// Overlap over union of two spans, in characters.
pub fn iou(text: &str, a: Span, b: Span) -> f64 {
    let inter = chars(text, a.start.max(b.start), a.end.min(b.end));
    let union = chars(text, a.start.min(b.start), a.end.max(b.end));
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// One-to-one matching of predicted to gold spans at IoU ≥ 0.8, best pairs first.
/// Returns `(gold index, predicted index)` pairs.
pub fn match_spans(text: &str, gold: &[Span], pred: &[Span]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if g.overlaps(*p) {
                let v = iou(text, *g, *p);
                if v >= 0.8 {
                    pairs.push((v, gi, pi));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gu = vec![false; gold.len()];
    let mut pu = vec![false; pred.len()];
    let mut out = Vec::new();
    for (_, gi, pi) in pairs {
        if !gu[gi] && !pu[pi] {
            gu[gi] = true;
            pu[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

/// Is `pred` (an entity name, or none) the right speaker for `gold`?
pub fn speaker_matches(gold: Option<&str>, pred: Option<&str>) -> bool {
    match (gold, pred) {
        (None, None) => true,
        (None, Some(_)) | (Some(_), None) => false,
        (Some(g), Some(p)) => {
            let surname = g
                .split_whitespace()
                .last()
                .unwrap_or(g)
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            !surname.is_empty() && p.to_lowercase().contains(&surname)
        }
    }
}

/// Scores predicted annotations (UTF-8 offsets into `gold.text`) against one gold file.
pub fn score(gold: &Gold, pred: &Annotations) -> Score {
    let text = gold.text.as_str();
    let mut sc = Score {
        id: gold.id.clone(),
        ..Default::default()
    };
    let speaker_name = |id: &Option<String>| -> Option<String> {
        id.as_ref()
            .and_then(|id| pred.entities.iter().find(|e| &e.id == id))
            .map(|e| e.name.clone())
    };
    for kind in [QuoteKind::Direct, QuoteKind::Indirect] {
        let golds: Vec<(&GoldQuote, Span)> = gold
            .quotes
            .iter()
            .filter(|q| q.kind == kind)
            .filter_map(|q| match locate(text, &q.text, q.nth) {
                Some(s) => Some((q, trim_span(text, s))),
                None => {
                    sc.gold_missing.push(q.text.clone());
                    None
                }
            })
            .collect();
        let preds: Vec<_> = pred.quotes.iter().filter(|q| q.kind == kind).collect();
        let pspans: Vec<Span> = preds
            .iter()
            .map(|q| trim_span(text, Span::new(q.start, q.end)))
            .collect();
        let gspans: Vec<Span> = golds.iter().map(|g| g.1).collect();
        let m = match_spans(text, &gspans, &pspans);
        let prf = Prf {
            matched: m.len(),
            predicted: preds.len(),
            gold: golds.len(),
        };
        let label = if kind == QuoteKind::Direct {
            "direct"
        } else {
            "indirect"
        };
        for (gi, pi) in &m {
            let gs = golds[*gi].0.speaker.as_deref();
            let ps = speaker_name(&preds[*pi].speaker);
            sc.speaker_total += 1;
            if speaker_matches(gs, ps.as_deref()) {
                sc.speaker_right += 1;
            } else {
                sc.wrong_speakers.push((
                    golds[*gi].0.text.clone(),
                    gs.unwrap_or("null").into(),
                    ps.unwrap_or("null".into()),
                ));
            }
        }
        let gm: Vec<usize> = m.iter().map(|x| x.0).collect();
        let pm: Vec<usize> = m.iter().map(|x| x.1).collect();
        for (gi, g) in golds.iter().enumerate() {
            if !gm.contains(&gi) {
                sc.misses.push((label.into(), g.0.text.clone()));
            }
        }
        for (pi, p) in preds.iter().enumerate() {
            if !pm.contains(&pi) {
                sc.false_alarms.push((label.into(), p.text.clone()));
            }
        }
        if kind == QuoteKind::Direct {
            sc.direct = prf;
            for nq in &gold.not_quotes {
                if let Some(ns) = locate(text, nq, 0) {
                    // A predicted quote that *is* the scare quote (mostly the same text, or
                    // inside it) is an error; a real quote that merely contains a title in
                    // marks (`It’s ‘Showtime at the Apollo.’`) is not.
                    let ns = trim_span(text, ns);
                    // (A prediction matched to a gold direct quote is never one.)
                    sc.scare_errors += pspans
                        .iter()
                        .enumerate()
                        .filter(|(pi, p)| {
                            !pm.contains(pi) && (ns.contains(**p) || iou(text, **p, ns) >= 0.5)
                        })
                        .count();
                }
            }
        } else {
            sc.indirect = prf;
        }
    }
    // Claims.
    let gclaims: Vec<Span> = gold
        .claims
        .iter()
        .filter_map(|c| match locate(text, &c.text, c.nth) {
            Some(s) => Some(trim_span(text, s)),
            None => {
                sc.gold_missing.push(c.text.clone());
                None
            }
        })
        .collect();
    let pclaims: Vec<Span> = pred
        .claims
        .iter()
        .map(|c| trim_span(text, Span::new(c.start, c.end)))
        .collect();
    sc.claims_gold = gclaims.len();
    sc.claims_predicted = pclaims.len();
    for g in &gclaims {
        let glen = chars(text, g.start, g.end);
        let covered = pclaims
            .iter()
            .any(|p| 2 * chars(text, g.start.max(p.start), g.end.min(p.end)) >= glen.max(1));
        if covered {
            sc.claims_covered += 1;
        } else {
            sc.misses
                .push(("claim".into(), text[g.start..g.end].to_string()));
        }
    }
    for p in &pclaims {
        if gclaims.iter().any(|g| g.overlaps(*p)) {
            sc.claims_hit += 1;
        } else {
            sc.false_alarms
                .push(("claim".into(), text[p.start..p.end].to_string()));
        }
    }
    sc
}

/// The annotations with only the claims whose score is at least `threshold` (what a page
/// shows with its claim slider at `threshold`).
pub fn keep_claims_above(pred: &Annotations, threshold: f32) -> Annotations {
    Annotations {
        claims: pred
            .claims
            .iter()
            .filter(|c| c.score >= threshold)
            .cloned()
            .collect(),
        ..pred.clone()
    }
}

/// One row of a claim-threshold sweep: the claims scoring at least `threshold`, summed over
/// every article.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ThresholdRow {
    pub threshold: f32,
    /// Claims kept, and how many of them overlap a gold claim.
    pub predicted: usize,
    pub hit: usize,
    /// Gold claims at least half covered by a kept claim, of `gold`.
    pub covered: usize,
    pub gold: usize,
}

impl ThresholdRow {
    pub fn precision(&self) -> f64 {
        ratio(self.hit, self.predicted)
    }
    pub fn coverage(&self) -> f64 {
        ratio(self.covered, self.gold)
    }
}

/// Claim precision and coverage at every threshold worth trying: each distinct score the
/// engine gave a claim, lowest first (a threshold between two scores keeps the same claims as
/// the higher one). `articles` pairs each gold file with the engine's annotations of its text.
pub fn claim_sweep(articles: &[(Gold, Annotations)]) -> Vec<ThresholdRow> {
    let mut scores: Vec<f32> = articles
        .iter()
        .flat_map(|(_, a)| a.claims.iter().map(|c| c.score))
        .collect();
    scores.sort_by(f32::total_cmp);
    scores.dedup();
    scores
        .into_iter()
        .map(|t| {
            let mut row = ThresholdRow {
                threshold: t,
                predicted: 0,
                hit: 0,
                covered: 0,
                gold: 0,
            };
            for (gold, pred) in articles {
                let sc = score(gold, &keep_claims_above(pred, t));
                row.predicted += sc.claims_predicted;
                row.hit += sc.claims_hit;
                row.covered += sc.claims_covered;
                row.gold += sc.claims_gold;
            }
            row
        })
        .collect()
}

/// The lowest threshold of a sweep whose claim precision is at least `min_precision`.
pub fn lowest_threshold(rows: &[ThresholdRow], min_precision: f64) -> Option<&ThresholdRow> {
    rows.iter().find(|r| r.precision() >= min_precision)
}

/// Renders scores as a Markdown table, one row per article and a total row.
pub fn table(scores: &[Score], total: &Score) -> String {
    let mut s = String::from(
        "| article | direct P | direct R | direct F1 | indirect P | indirect R | indirect F1 | speaker acc | claim cov | claim P | scare err |\n\
         |---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let row = |s: &mut String, sc: &Score, name: &str| {
        s.push_str(&format!(
            "| {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} ({}/{}) | {:.2} ({}/{}) | {:.2} | {} |\n",
            name,
            sc.direct.precision(),
            sc.direct.recall(),
            sc.direct.f1(),
            sc.indirect.precision(),
            sc.indirect.recall(),
            sc.indirect.f1(),
            sc.speaker_accuracy(),
            sc.speaker_right,
            sc.speaker_total,
            sc.claim_coverage(),
            sc.claims_covered,
            sc.claims_gold,
            sc.claim_precision(),
            sc.scare_errors,
        ));
    };
    for sc in scores {
        row(&mut s, sc, &sc.id);
    }
    row(&mut s, total, "**all**");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_and_iou() {
        let t = "He said “we are ready,” today.";
        let s = locate(t, "“we are ready,”", 0).unwrap();
        let tr = trim_span(t, s);
        assert_eq!(&t[tr.start..tr.end], "we are ready");
        assert!((iou(t, tr, tr) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn locate_nth() {
        let t = "ab ab ab";
        assert_eq!(locate(t, "ab", 2), Some(Span::new(6, 8)));
        assert_eq!(locate(t, "ab", 3), None);
    }

    #[test]
    fn speaker_rule() {
        assert!(speaker_matches(
            Some("John Kirby"),
            Some("Pentagon spokesman John Kirby")
        ));
        assert!(!speaker_matches(Some("John Kirby"), Some("John")));
        assert!(speaker_matches(None, None));
        assert!(!speaker_matches(None, Some("Kirby")));
    }

    #[test]
    fn perfect_prediction_scores_one_and_empty_scores_zero_recall() {
        let text = "“We are ready,” Kirby said.".to_string();
        let gold = Gold {
            id: "t".into(),
            source: String::new(),
            text: text.clone(),
            quotes: vec![GoldQuote {
                text: "We are ready".into(),
                kind: QuoteKind::Direct,
                speaker: Some("John Kirby".into()),
                nth: 0,
            }],
            entities: vec![],
            claims: vec![],
            not_quotes: vec![],
        };
        let pred = crate::annotate(&text);
        let sc = score(&gold, &pred);
        assert_eq!(sc.direct.matched, 1);
        assert_eq!(sc.speaker_right, 1);
        let empty = Annotations::default();
        let sc = score(&gold, &empty);
        assert_eq!(sc.direct.recall(), 0.0);
    }

    #[test]
    fn claim_sweep_finds_the_lowest_threshold_with_the_precision() {
        let text = "Prices rose 3 percent. The sky is nice. Exports fell by half.".to_string();
        let claim = |id: &str, needle: &str, score: f32| {
            let start = text.find(needle).unwrap();
            crate::types::Claim {
                id: id.into(),
                start,
                end: start + needle.len(),
                text: needle.into(),
                kind: crate::types::ClaimKind::Quantity,
                score,
                signals: vec![],
                quote: None,
            }
        };
        let gold = Gold {
            id: "t".into(),
            source: String::new(),
            text: text.clone(),
            quotes: vec![],
            entities: vec![],
            claims: ["Prices rose 3 percent", "Exports fell by half"]
                .iter()
                .map(|t| GoldClaim {
                    text: (*t).into(),
                    kind: "quantity".into(),
                    nth: 0,
                })
                .collect(),
            not_quotes: vec![],
        };
        let pred = Annotations {
            claims: vec![
                claim("c1", "Prices rose 3 percent", 0.9),
                claim("c2", "The sky is nice", 0.5),
                claim("c3", "Exports fell by half", 0.6),
            ],
            ..Default::default()
        };
        let rows = claim_sweep(&[(gold, pred)]);
        let t: Vec<(f32, usize, usize, usize)> = rows
            .iter()
            .map(|r| (r.threshold, r.predicted, r.hit, r.covered))
            .collect();
        assert_eq!(t, vec![(0.5, 3, 2, 2), (0.6, 2, 2, 2), (0.9, 1, 1, 1)]);
        assert_eq!(lowest_threshold(&rows, 0.9).map(|r| r.threshold), Some(0.6));
        assert_eq!(lowest_threshold(&rows, 0.5).map(|r| r.threshold), Some(0.5));
        assert!(lowest_threshold(&rows, 1.01).is_none());
    }
}
