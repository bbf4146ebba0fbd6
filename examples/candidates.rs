//! Prints the speaker ranker's candidates for every cued quote of each file, one JSON line
//! per quote, for training (`train/ranker.py`): quote span, kind, and each candidate's span
//! and features (byte offsets).
//!
//!     cargo run --release --example candidates -- FILE... > candidates.jsonl
use whosaid::{quotes, ranker, segment::Document};

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("read");
        let doc = Document::new(&text);
        let raw = quotes::find(&doc);
        for qi in 0..raw.len() {
            let q = &raw[qi];
            let cands: Vec<serde_json::Value> = ranker::candidates(&doc, &raw, qi)
                .into_iter()
                .map(|c| serde_json::json!({"start": c.span.start, "end": c.span.end, "f": c.features.to_vec()}))
                .collect();
            if cands.is_empty() {
                continue;
            }
            let line = serde_json::json!({
                "file": path, "start": q.span.start, "end": q.span.end,
                "kind": format!("{:?}", q.kind).to_lowercase(), "candidates": cands,
            });
            println!("{line}");
        }
    }
}
