//! `whosaid annotate --jsonl`, run as a process: JSON Lines in and out with ids and order
//! kept, the same annotations as the library, bad lines reported with their line numbers
//! (skipped or fatal), totals on stderr and no progress line when stderr is not a terminal,
//! and memory bounded by the window, not by the input (a few hundred MB streamed through
//! stdin while the child's peak RSS is watched).

use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

fn run(args: &[&str], stdin: Vec<u8>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The gold articles as (id, text).
fn gold() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn jsonl(items: &[(serde_json::Value, &str)]) -> Vec<u8> {
    let mut out = String::new();
    for (id, text) in items {
        out += &serde_json::json!({"id": id, "text": text}).to_string();
        out.push('\n');
    }
    out.into_bytes()
}

fn lines(o: &Output) -> Vec<serde_json::Value> {
    std::str::from_utf8(&o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn gold_corpus_gives_the_librarys_annotations_in_order_with_ids() {
    let g = gold();
    // Every article three times, with ids of several JSON types.
    let mut items = Vec::new();
    for rep in 0..3 {
        for (i, (id, text)) in g.iter().enumerate() {
            let id = match (rep, i % 2) {
                (0, _) => serde_json::json!(id),
                (1, 0) => serde_json::json!(i),
                _ => serde_json::json!({"doc": id, "rep": rep}),
            };
            items.push((id, text.as_str()));
        }
    }
    for threads in ["1", "2", "4"] {
        let o = run(
            &["annotate", "--jsonl", "--threads", threads, "-"],
            jsonl(&items),
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let got = lines(&o);
        assert_eq!(got.len(), items.len());
        for (v, (id, text)) in got.iter().zip(&items) {
            assert_eq!(&v["id"], id);
            // Through a string, as the CLI does (f32 scores print in their shortest form).
            let want = serde_json::to_string(&whosaid::annotate(text)).unwrap();
            let mut want: serde_json::Value = serde_json::from_str(&want).unwrap();
            want.as_object_mut()
                .unwrap()
                .insert("id".into(), id.clone());
            assert_eq!(v, &want);
        }
        let err = stderr(&o);
        assert!(
            err.contains(&format!("{n} lines: {n} annotated, 0 bad", n = items.len())),
            "{err}"
        );
        // Not a terminal: no progress line.
        assert!(!err.contains('\r'), "{err:?}");
    }
}

#[test]
fn reads_a_file_and_stdin_without_a_dash() {
    let items = [(serde_json::json!("k"), "“We are ready,” said John Kirby.")];
    let path = std::env::temp_dir().join(format!("whosaid-batch-{}.jsonl", std::process::id()));
    std::fs::write(&path, jsonl(&items)).unwrap();
    let from_file = run(&["annotate", "--jsonl", path.to_str().unwrap()], vec![]);
    std::fs::remove_file(&path).unwrap();
    let from_stdin = run(&["annotate", "--jsonl"], jsonl(&items));
    assert!(from_file.status.success(), "{}", stderr(&from_file));
    assert_eq!(from_file.stdout, from_stdin.stdout);
    let v = &lines(&from_file)[0];
    assert_eq!(v["quotes"][0]["text"], "We are ready");
    assert_eq!(v["entities"][0]["name"], "John Kirby");
    let missing = run(&["annotate", "--jsonl", "/nonexistent/x.jsonl"], vec![]);
    assert_eq!(missing.status.code(), Some(2));
}

const MIXED: &str = "{\"id\": 1, \"text\": \"“Yes,” said Ann Lee.\"}\n\
not json\n\
\n\
{\"id\": 3}\n\
{\"id\": 4, \"text\": 12}\n\
{\"id\": 5, \"text\": \"“No,” said Bo Chan.\"}\n";

#[test]
fn bad_lines_are_reported_with_their_numbers_and_skipped_by_default() {
    let o = run(&["annotate", "--jsonl", "--threads", "2"], MIXED.into());
    assert!(o.status.success(), "{}", stderr(&o));
    let ids: Vec<_> = lines(&o).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids, [serde_json::json!(1), serde_json::json!(5)]);
    let err = stderr(&o);
    for n in [2, 4, 5] {
        assert!(err.contains(&format!("line {n}: ")), "line {n}: {err}");
    }
    assert!(
        !err.contains("line 3:"),
        "a blank line is not an error: {err}"
    );
    assert!(
        err.contains("5 lines: 2 annotated, 3 bad (skipped)"),
        "{err}"
    );
}

#[test]
fn on_error_fail_stops_at_the_first_bad_line_after_writing_the_ones_before() {
    let o = run(
        &[
            "annotate",
            "--jsonl",
            "--on-error",
            "fail",
            "--threads",
            "2",
        ],
        MIXED.into(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let got = lines(&o);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["id"], 1);
    let err = stderr(&o);
    assert!(err.contains("line 2: "), "{err}");
    assert!(!err.contains("line 4"), "{err}");
    for bad in [
        &["--on-error", "maybe"][..],
        &["--threads", "0"],
        &["--pretty"],
    ] {
        let mut args = vec!["annotate", "--jsonl"];
        args.extend(bad);
        assert_eq!(run(&args, vec![]).status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn invalid_utf8_in_a_line_is_a_bad_line_unless_lossy() {
    let input =
        b"{\"id\": 1, \"text\": \"caf\xe9 said\"}\n{\"id\": 2, \"text\": \"ok\"}\n".to_vec();
    let o = run(&["annotate", "--jsonl"], input.clone());
    assert_eq!(lines(&o).len(), 1);
    assert!(stderr(&o).contains("line 1: "));
    let o = run(&["annotate", "--jsonl", "--lossy"], input);
    assert_eq!(lines(&o).len(), 2, "{}", stderr(&o));
}

/// Peak resident memory of a running process, from /proc (Linux).
fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let l = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    l.split_whitespace().nth(1)?.parse().ok()
}

/// Streams WHOSAID_BATCH_MB (default 256) MB of JSON Lines through stdin — lines of about
/// 1 MB, most of it a field the command must read past — and checks that the child's peak
/// RSS stays far below the input: lines are read one by one, with a bounded window in flight.
#[cfg(target_os = "linux")]
#[test]
fn memory_is_bounded_by_the_window_not_the_input() {
    let mb: usize = std::env::var("WHOSAID_BATCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    let pad = "x".repeat(1 << 20);
    let line = format!(
        "{{\"id\": 0, \"pad\": \"{pad}\", \"text\": \"“We are ready,” said John Kirby. He added that 8,500 troops were on alert.\"}}\n"
    );
    let mut child = Command::new(BIN)
        .args(["annotate", "--jsonl", "--threads", "2", "--window", "8"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let n_lines = mb;
    let writer = std::thread::spawn(move || {
        for _ in 0..n_lines {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        let (mut lines, mut last) = (0usize, 0u8);
        loop {
            let n = stdout.read(&mut buf).unwrap();
            if n == 0 {
                return (lines, last);
            }
            lines += buf[..n].iter().filter(|&&b| b == b'\n').count();
            last = buf[n - 1];
        }
    });
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        if let Some(kb) = vm_hwm_kb(pid) {
            peak = peak.max(kb);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    writer.join().unwrap();
    let (out_lines, last) = reader.join().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(child.wait().unwrap().success(), "{err}");
    assert_eq!((out_lines, last), (n_lines, b'\n'), "{err}");
    let peak_mb = peak / 1024;
    eprintln!("{mb} MB streamed; peak RSS {peak_mb} MB");
    // 8 lines of ~1 MB in flight, a line being read and one being parsed: well under 64 MB.
    assert!(peak > 0, "could not read VmHWM");
    assert!(
        peak_mb < 64 && (peak_mb as usize) < mb / 3,
        "peak RSS {peak_mb} MB for {mb} MB of input"
    );
}
