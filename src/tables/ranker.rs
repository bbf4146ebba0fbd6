//! Weights of the speaker ranker, learned from PolNeAR's training split (generated: do not edit).
//! Regenerate: `cargo build --release --example candidates && python3 train/ranker.py ../shared/data/polnear --write src/tables/ranker.rs`.
//! 18890 candidates of 8539 training quotes; on dev/ the top candidate is right for
//! 0.969 of 947 quotes (the rules' own pick: 0.950). Order: `ranker::FEATURES`.
pub const WEIGHTS: [f32; 21] = [2.2251, 0.0917, 0.5069, -1.5764, 1.1030, -0.7194, 0.2731, 0.2720, 0.5544, 0.9357, 0.9241, 0.5636, 0.3386, -0.6894, 0.1800, -1.2029, -1.4674, 0.2532, -0.2548, -0.5631, -0.5566];
