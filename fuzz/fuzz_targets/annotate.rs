//! Fuzz target: `whosaid::annotate` on any bytes (decoded lossily, as the CLI's `--lossy`
//! does) must not panic and must keep the offset contract: spans inside the text, on char
//! boundaries, `text` equal to the slice, ids unique and resolvable, and `to_utf16` giving the
//! UTF-16 length of each prefix. The checks are the ones the test suite uses.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = whosaid::annotate(&text);
    if let Err(e) = invariants::check(&text, &a) {
        panic!("{e}\ninput: {text:?}");
    }
});
