//! Prints the annotations of a file (or stdin) in a compact, readable form for debugging.
use std::io::Read;
fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(p) => text = std::fs::read_to_string(p).expect("read"),
        None => {
            std::io::stdin().read_to_string(&mut text).expect("stdin");
        }
    }
    let a = whosaid::annotate(&text);
    let name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| a.entities.iter().find(|e| &e.id == id))
            .map(|e| e.name.clone())
            .unwrap_or("-".into())
    };
    for e in &a.entities {
        println!(
            "{} {:?} {:?} title={:?} mentions={}",
            e.id,
            e.name,
            e.kind,
            e.title,
            e.mentions.len()
        );
    }
    for q in &a.quotes {
        println!(
            "{} {:?} [{}] {:?} cue={:?}",
            q.id,
            q.kind,
            name(&q.speaker),
            q.text,
            q.cue.as_ref().map(|c| &c.text)
        );
    }
    for c in &a.claims {
        println!(
            "{} {:?} {:.2} {:?} {:?}",
            c.id, c.kind, c.score, c.signals, c.text
        );
    }
}
