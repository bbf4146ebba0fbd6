//! Weights of the speaker ranker, learned from PolNeAR's training split (generated: do not edit).
//! Regenerate: `cargo build --release --example candidates && python3 train/ranker.py ../shared/data/polnear --write src/tables/ranker.rs`.
//! 19059 candidates of 9171 training quotes; on dev/ the top candidate is right for
//! 0.974 of 1034 quotes (the rules' own pick: 0.967). Order: `ranker::FEATURES`.
pub const WEIGHTS: [f32; 21] = [2.3242, 0.4754, 0.1244, -1.0363, 1.1312, -0.7258, 0.6320, 0.4179, -0.0976, 0.4149, 0.8175, 0.4123, 0.3472, -0.4287, 0.0724, -1.0986, -2.5152, 0.0002, -0.2575, -0.1961, -0.6864];
