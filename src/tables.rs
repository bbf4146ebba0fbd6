//! Tables learned offline (in `train/`) and compiled in. Each file says the command that
//! regenerates it; none is edited by hand.

#[rustfmt::skip]
pub mod cues;
#[rustfmt::skip]
pub mod names;
#[rustfmt::skip]
pub mod ranker;
