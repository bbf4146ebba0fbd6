//! Weights of the speaker ranker, learned from PolNeAR's training split (generated: do not edit).
//! Regenerate: `cargo build --release --example candidates && python3 train/ranker.py ../shared/data/polnear --write src/tables/ranker.rs`.
//! 20146 candidates of 9184 training quotes; on dev/ the top candidate is right for
//! 0.973 of 1033 quotes (the rules' own pick: 0.968). Order: `ranker::FEATURES`.
pub const WEIGHTS: [f32; 21] = [2.3824, 0.4384, 0.1903, -1.0741, 1.0206, -0.6804, 0.6865, 0.4234, -0.0300, 0.4267, 0.8377, 0.4935, 0.4250, -0.7865, 0.0182, -1.0739, -2.6160, 0.0149, -0.2281, -0.2426, -0.6475];
