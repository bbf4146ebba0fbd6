//! Weights of the speaker ranker, learned from PolNeAR's training split (generated: do not edit).
//! Regenerate: `cargo build --release --example candidates && python3 train/ranker.py ../shared/data/polnear --write src/tables/ranker.rs`.
//! 17591 candidates of 8054 training quotes; on dev/ the top candidate is right for
//! 0.969 of 900 quotes (the rules' own pick: 0.948). Order: `ranker::FEATURES`.
pub const WEIGHTS: [f32; 21] = [2.2265, 0.0524, 0.4891, -1.5813, 1.1123, -0.7151, 0.2603, 0.2635, 0.5871, 0.9971, 0.9803, 0.5773, 0.3565, -0.8470, 0.1612, -1.2076, -1.4037, 0.2103, -0.4126, -0.5266, -0.5239];
