//! The `whosaid annotate` command, run as a process: it prints JSON whose spans slice the file
//! exactly, reads stdin for `-`, treats an empty file as an empty article, and handles invalid
//! UTF-8 as documented — an error naming the problem and a non-zero exit, or with `--lossy`
//! a warning on stderr and the annotations of the lossily decoded text.

mod invariants;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use whosaid::Annotations;

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

const ARTICLE: &str =
    "“We are ready for any contingency,” said Pentagon press secretary John Kirby on Monday. \
Kirby told reporters that 8,500 troops 🇺🇸 had been put on heightened alert.\r\n\r\n\
中文 «Non», a-t-il dit. Ms. Lee, a spokesperson, said the claims were “false and baseless.”\n";

/// A fresh file under the system temp dir holding `bytes`; removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(bytes: &[u8]) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "whosaid-cli-{}-{}.txt",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::write(&p, bytes).unwrap();
        TempFile(p)
    }
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    // Write from a thread: a large stdin could otherwise fill the pipe while the child's
    // stdout fills the other one.
    let mut pipe = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Parses stdout as one annotations value and checks it against `text`.
fn parse(o: &Output, text: &str) -> Annotations {
    assert!(
        o.status.success(),
        "exit {:?}, stderr: {}",
        o.status,
        stderr(o)
    );
    let stdout = std::str::from_utf8(&o.stdout).expect("stdout is UTF-8");
    let a: Annotations = serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("stdout is not annotations JSON: {e}\n{stdout}"));
    invariants::check(text, &a).unwrap_or_else(|e| panic!("{e}"));
    a
}

#[test]
fn annotate_a_file_prints_json_whose_spans_slice_the_file() {
    let f = TempFile::new(ARTICLE.as_bytes());
    let o = run(&["annotate", f.path()], b"");
    let a = parse(&o, ARTICLE);
    assert!(!a.quotes.is_empty(), "no quotes in {a:?}");
    assert_eq!(
        a,
        whosaid::annotate(ARTICLE),
        "the CLI and the library disagree"
    );
    // The raw JSON says its unit, and every span slices the bytes of the file.
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["offsets"], "utf8");
    assert_eq!(v["version"], 2);
    for q in v["quotes"].as_array().unwrap() {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            q["text"].as_str().unwrap().as_bytes(),
            &ARTICLE.as_bytes()[s..e]
        );
    }
    // --pretty changes the layout only.
    let p = run(&["annotate", "--pretty", f.path()], b"");
    assert_eq!(parse(&p, ARTICLE), a);
    assert!(o.stderr.is_empty(), "unexpected stderr: {}", stderr(&o));
}

#[test]
fn dash_reads_stdin() {
    let o = run(&["annotate", "-"], ARTICLE.as_bytes());
    assert_eq!(parse(&o, ARTICLE), whosaid::annotate(ARTICLE));
}

#[test]
fn large_stdin_is_read_whole() {
    let text = ARTICLE.repeat(2_000); // ~600 KB, far more than a pipe buffer
    let o = run(&["annotate", "-"], text.as_bytes());
    let a = parse(&o, &text);
    assert!(a.quotes.len() >= 2_000, "{} quotes", a.quotes.len());
}

#[test]
fn empty_file_gives_empty_annotations() {
    let f = TempFile::new(b"");
    for args in [vec!["annotate", f.path()], vec!["annotate", "-"]] {
        let o = run(&args, b"");
        let a = parse(&o, "");
        assert!(
            a.quotes.is_empty() && a.claims.is_empty() && a.entities.is_empty(),
            "{a:?}"
        );
    }
}

/// Valid text around bytes that are not UTF-8: a lone continuation byte, a truncated
/// sequence, an overlong encoding, a surrogate, and 0xFF.
fn invalid_utf8() -> Vec<u8> {
    let mut b = "“We are ready,” said John Kirby. ".as_bytes().to_vec();
    b.extend_from_slice(b"\x80 \xe2\x80 \xc0\xaf \xed\xa0\x80 \xff");
    b.extend_from_slice(" “Not now,” Lee said.\n".as_bytes());
    b
}

#[test]
fn invalid_utf8_is_an_error_naming_the_problem() {
    let bytes = invalid_utf8();
    let bad_at = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
    let f = TempFile::new(&bytes);
    for (args, name) in [
        (vec!["annotate", f.path()], f.path()),
        (vec!["annotate", "-"], "-"),
    ] {
        let o = run(&args, &bytes);
        assert!(!o.status.success(), "{args:?}: invalid UTF-8 accepted");
        assert!(
            o.stdout.is_empty(),
            "{args:?}: printed output for a rejected file"
        );
        let err = stderr(&o);
        assert!(
            err.contains("UTF-8"),
            "{args:?}: stderr does not say what is wrong: {err}"
        );
        assert!(
            err.contains(name),
            "{args:?}: stderr does not name the input: {err}"
        );
        assert!(
            err.contains(&bad_at.to_string()),
            "{args:?}: stderr does not give the offset {bad_at}: {err}"
        );
        assert!(
            err.contains("--lossy"),
            "{args:?}: stderr does not say how to proceed: {err}"
        );
    }
}

#[test]
fn lossy_warns_and_annotates_the_decoded_text() {
    let bytes = invalid_utf8();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let f = TempFile::new(&bytes);
    for args in [
        vec!["annotate", "--lossy", f.path()],
        vec!["annotate", "--lossy", "-"],
    ] {
        let o = run(&args, &bytes);
        let a = parse(&o, &text);
        assert_eq!(a, whosaid::annotate(&text), "{args:?}");
        assert!(
            !a.quotes.is_empty(),
            "{args:?}: nothing found in the valid parts"
        );
        let err = stderr(&o);
        assert!(
            err.contains("warning") && err.contains("UTF-8"),
            "{args:?}: no warning on stderr: {err}"
        );
    }
    // Valid input with --lossy: no warning.
    let o = run(&["annotate", "--lossy", "-"], ARTICLE.as_bytes());
    parse(&o, ARTICLE);
    assert!(
        o.stderr.is_empty(),
        "warning for valid UTF-8: {}",
        stderr(&o)
    );
}

#[test]
fn several_files_give_an_array_in_order() {
    let (a, b) = (TempFile::new(ARTICLE.as_bytes()), TempFile::new(b""));
    let o = run(&["annotate", a.path(), b.path()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let all: Vec<Annotations> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(all, vec![whosaid::annotate(ARTICLE), whosaid::annotate("")]);
}

#[test]
fn missing_file_and_bad_usage_fail_with_a_message() {
    let missing = std::env::temp_dir().join("whosaid-cli-does-not-exist.txt");
    let missing = missing.to_str().unwrap();
    for args in [
        vec!["annotate", missing],
        vec!["annotate"],
        vec!["annotate", "--bogus", "-"],
        vec!["frobnicate"],
        vec![],
    ] {
        let o = run(&args, b"");
        assert!(!o.status.success(), "{args:?} succeeded");
        assert!(o.stdout.is_empty(), "{args:?} printed to stdout");
        assert!(
            !stderr(&o).trim().is_empty(),
            "{args:?}: no message on stderr"
        );
    }
    let o = run(&["annotate", missing], b"");
    assert!(stderr(&o).contains(missing), "{}", stderr(&o));
}
