//! Weights of the speaker ranker, learned from PolNeAR's training split (generated: do not edit).
//! Regenerate: `cargo build --release --example candidates && python3 train/ranker.py ../shared/data/polnear --write src/tables/ranker.rs`.
//! 19379 candidates of 9335 training quotes; on dev/ the top candidate is right for
//! 0.973 of 1048 quotes (the rules' own pick: 0.965). Order: `ranker::FEATURES`.
pub const WEIGHTS: [f32; 21] = [2.2904, 0.4755, 0.1641, -1.0367, 1.1459, -0.7375, 0.6159, 0.4168, -0.1823, 0.3441, 0.7522, 0.3340, 0.2748, -0.3281, 0.0859, -1.0948, -2.5086, 0.0531, -0.2522, -0.1475, -0.6861];
