//! Weights of the speaker ranker, learned from PolNeAR's training split (generated: do not edit).
//! Regenerate: `cargo build --release --example candidates && python3 train/ranker.py ../shared/data/polnear --write src/tables/ranker.rs`.
//! 18993 candidates of 9169 training quotes; on dev/ the top candidate is right for
//! 0.974 of 1034 quotes (the rules' own pick: 0.967). Order: `ranker::FEATURES`.
pub const WEIGHTS: [f32; 21] = [2.3287, 0.4280, 0.1670, -1.0273, 1.1288, -0.7490, 0.6138, 0.4129, -0.2132, 0.3262, 0.7714, 0.3615, 0.2910, -0.3520, 0.1257, -1.1071, -2.5058, 0.0161, -0.2962, -0.1316, -0.6765];
