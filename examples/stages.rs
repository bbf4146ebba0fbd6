//! Times each stage of the pipeline on one file (best of 5 runs): where the time goes, before
//! reaching for a profiler (`cargo run --release --example stages -- FILE`). The speakers row
//! includes building the quotes the claims stage reads.
use std::time::Instant;
use whosaid::{claims, entities, quotes, ranker, segment};

fn main() {
    let path = std::env::args().nth(1).expect("usage: stages FILE");
    let text = std::fs::read_to_string(path).expect("read");
    let mut best = [f64::MAX; 5];
    for _ in 0..5 {
        let t0 = Instant::now();
        let doc = segment::Document::new(&text);
        let t1 = Instant::now();
        let mut found = quotes::find(&doc);
        let t2 = Instant::now();
        ranker::rerank(&doc, &mut found);
        let t3 = Instant::now();
        let sp = entities::speakers(&doc, &found);
        let qs: Vec<_> = (0..sp.len()).map(|i| sp.quote(&doc, i)).collect();
        let t4 = Instant::now();
        let n = claims::find(&doc, &qs).len();
        assert!(n < usize::MAX);
        let t5 = Instant::now();
        let ts = [t0, t1, t2, t3, t4, t5];
        for k in 0..5 {
            best[k] = best[k].min((ts[k + 1] - ts[k]).as_secs_f64() * 1e3);
        }
    }
    for (name, ms) in [
        "segment",
        "quotes::find",
        "rerank",
        "speakers",
        "claims (find)",
    ]
    .iter()
    .zip(best)
    {
        println!("{name:14} {ms:7.1} ms");
    }
}
