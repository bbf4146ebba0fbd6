//! Weights of the speaker ranker, learned from PolNeAR's training split (generated: do not edit).
//! Regenerate: `cargo build --release --example candidates && python3 train/ranker.py ../shared/data/polnear --write src/tables/ranker.rs`.
//! 19736 candidates of 9179 training quotes; on dev/ the top candidate is right for
//! 0.974 of 1033 quotes (the rules' own pick: 0.967). Order: `ranker::FEATURES`.
pub const WEIGHTS: [f32; 21] = [2.4190, 0.3790, 0.1744, -1.0685, 1.0766, -0.7144, 0.6627, 0.4184, -0.0663, 0.4124, 0.8312, 0.4624, 0.3800, -0.7063, 0.0761, -1.0793, -2.5843, 0.0076, -0.2360, -0.2275, -0.6716];
