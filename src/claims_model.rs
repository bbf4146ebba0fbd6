//! Learned check-worthiness model (placeholder until the trained weights land; owned by the
//! model work — see train/).

/// Probability in [0, 1] that `sentence` is a check-worthy factual claim.
pub fn check_worthiness(_sentence: &str) -> f32 {
    0.5
}
