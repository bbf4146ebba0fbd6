//! `whosaid annotate --jsonl [FILE|-]`: JSON Lines in, JSON Lines out, on all cores, in
//! bounded memory.
//!
//! Each input line is `{"id": …, "text": "…"}` (other fields are ignored); each output line is
//! that article's annotations (UTF-8 byte offsets, as the rest of the CLI) with `"id"` first,
//! in input order. Blank lines are ignored. A bad line (invalid JSON or UTF-8, no string
//! `text`) is reported on stderr with its line number and skipped, or ends the run with
//! `--on-error fail` (after the lines before it are written).
//!
//! Three kinds of thread share the work: one reader, `--threads` workers, and the writer (the
//! calling thread), which puts results back in input order. A line holds a *permit* from the
//! moment it is read until its output is written, and there are `window` permits, so at most
//! `window` lines (plus the one being read) are in memory whatever the input's size.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What to do with a line that is not `{"text": "…"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// Report it on stderr (with its line number) and go on.
    Skip,
    /// Report it and stop with an error once the lines before it are written.
    Fail,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub threads: usize,
    /// Lines in flight (read but not yet written) at most.
    pub window: usize,
    pub on_error: OnError,
    pub lossy: bool,
    /// A progress line on stderr (only ever when stderr is a terminal).
    pub progress: bool,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Non-blank lines read.
    pub lines: u64,
    /// Lines annotated and written.
    pub ok: u64,
    /// Bad lines reported (and skipped, or the one that stopped the run).
    pub bad: u64,
    /// The most lines that were ever in flight at once (never above the window).
    pub max_in_flight: usize,
}

/// Entry point from `whosaid annotate` when `--jsonl` is among `args`.
pub fn run(args: &[String]) -> Result<(), String> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut opts = Options {
        threads: cores,
        window: 0,
        on_error: OnError::Skip,
        lossy: false,
        progress: true,
    };
    let mut input: Option<String> = None;
    let mut it = args.iter();
    let num = |flag: &str, v: Option<&String>| -> Result<usize, String> {
        v.and_then(|v| v.parse::<usize>().ok())
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("annotate: {flag} needs a positive number"))
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--jsonl" => {}
            "--threads" => opts.threads = num("--threads", it.next())?,
            "--window" => opts.window = num("--window", it.next())?,
            "--on-error" => {
                opts.on_error = match it.next().map(String::as_str) {
                    Some("skip") => OnError::Skip,
                    Some("fail") => OnError::Fail,
                    _ => return Err("annotate: --on-error takes skip or fail".into()),
                }
            }
            "--lossy" => opts.lossy = true,
            "--quiet" | "-q" => opts.progress = false,
            "--pretty" => return Err("annotate: --pretty does not go with --jsonl".into()),
            f if f.starts_with("--") => return Err(format!("annotate: unknown flag {f}")),
            f => {
                if input.replace(f.to_string()).is_some() {
                    return Err("annotate --jsonl: one input (a file, or - for stdin)".into());
                }
            }
        }
    }
    if opts.window == 0 {
        opts.window = (opts.threads * 8).max(16);
    }
    let input = input.unwrap_or_else(|| "-".to_string());
    let (reader, total): (Box<dyn Read + Send>, Option<u64>) = if input == "-" {
        (Box::new(std::io::stdin()), None)
    } else {
        let f = std::fs::File::open(&input).map_err(|e| format!("{input}: {e}"))?;
        let len = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
        (Box::new(f), len)
    };
    opts.progress &= std::io::stderr().is_terminal();
    let start = Instant::now();
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let result = pipeline(
        BufReader::with_capacity(1 << 16, reader),
        out,
        &opts,
        total,
        annotate_line,
    );
    let secs = start.elapsed().as_secs_f64();
    let stats = match &result {
        Ok(s) => s.clone(),
        Err((s, _)) => s.clone(),
    };
    eprintln!(
        "whosaid: {} lines: {} annotated, {} bad{} in {:.1} s ({:.0} articles/s, {} threads)",
        stats.lines,
        stats.ok,
        stats.bad,
        match opts.on_error {
            OnError::Skip if stats.bad > 0 => " (skipped)",
            _ => "",
        },
        secs,
        stats.ok as f64 / secs.max(1e-9),
        opts.threads
    );
    result.map(|_| ()).map_err(|(_, e)| e)
}

/// One input line → one output line (no newline), or why the line is bad.
pub fn annotate_line(line: &[u8], lossy: bool) -> Result<String, String> {
    #[derive(serde::Deserialize)]
    struct Record {
        #[serde(default)]
        id: serde_json::Value,
        text: Option<String>,
    }
    let rec: Record = if lossy {
        serde_json::from_str(&String::from_utf8_lossy(line))
    } else {
        serde_json::from_slice(line)
    }
    .map_err(|e| format!("not a JSON object with a string \"text\": {e}"))?;
    let text = rec.text.ok_or("no \"text\" field")?;
    let ann = serde_json::to_string(&whosaid::annotate(&text)).expect("annotations serialise");
    let id = serde_json::to_string(&rec.id).expect("a JSON value serialises");
    // `ann` is an object: put "id" first.
    Ok(format!("{{\"id\":{id},{}", &ann[1..]))
}

type Job = (u64, u64, Vec<u8>); // (sequence number, line number, bytes)
type Done = (u64, u64, Result<String, String>);

/// Reads lines from `input`, runs `work` on them on `opts.threads` threads and writes the
/// results to `out` in input order, with at most `opts.window` lines in flight. On a bad line
/// under `OnError::Fail`, or an I/O error, returns the statistics so far and the error.
pub fn pipeline<R, W, F>(
    mut input: R,
    mut out: W,
    opts: &Options,
    total_bytes: Option<u64>,
    work: F,
) -> Result<Stats, (Stats, String)>
where
    R: BufRead + Send,
    W: Write,
    F: Fn(&[u8], bool) -> Result<String, String> + Sync,
{
    let window = opts.window.max(1);
    let (permit_tx, permit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        permit_tx
            .send(())
            .expect("the channel holds `window` permits");
    }
    let (job_tx, job_rx) = sync_channel::<Job>(window);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = sync_channel::<Done>(window);
    let stop = AtomicBool::new(false);
    let bytes_read = AtomicU64::new(0);
    let in_flight = AtomicUsize::new(0);
    let max_in_flight = AtomicUsize::new(0);
    let mut stats = Stats::default();
    let started = Instant::now();

    let outcome = std::thread::scope(|s| {
        // Reader: a line is read, then waits for a permit, then goes to the workers.
        let (stop_r, bytes_r, in_flight_r, max_r) =
            (&stop, &bytes_read, &in_flight, &max_in_flight);
        let reader = s.spawn(move || -> Result<(), String> {
            let mut line = Vec::new();
            let (mut seq, mut lineno) = (0u64, 0u64);
            loop {
                line.clear();
                let n = input
                    .read_until(b'\n', &mut line)
                    .map_err(|e| format!("reading input: {e}"))?;
                if n == 0 {
                    return Ok(());
                }
                lineno += 1;
                bytes_r.fetch_add(n as u64, Ordering::Relaxed);
                while matches!(line.last(), Some(b'\n' | b'\r')) {
                    line.pop();
                }
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                if permit_rx.recv().is_err() || stop_r.load(Ordering::Relaxed) {
                    return Ok(()); // the writer has stopped
                }
                let now = in_flight_r.fetch_add(1, Ordering::SeqCst) + 1;
                max_r.fetch_max(now, Ordering::SeqCst);
                if job_tx
                    .send((seq, lineno, std::mem::take(&mut line)))
                    .is_err()
                {
                    return Ok(());
                }
                seq += 1;
            }
        });
        let workers: Vec<_> = (0..opts.threads.max(1))
            .map(|_| {
                let done_tx = done_tx.clone();
                let (job_rx, stop, work) = (&job_rx, &stop, &work);
                s.spawn(move || loop {
                    let job = job_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok((seq, lineno, bytes))) = job else {
                        return;
                    };
                    let r = if stop.load(Ordering::Relaxed) {
                        Err(String::new())
                    } else {
                        work(&bytes, opts.lossy)
                    };
                    drop(bytes);
                    if done_tx.send((seq, lineno, r)).is_err() {
                        return;
                    }
                })
            })
            .collect();
        drop(done_tx);

        let result = write_in_order(
            &done_rx,
            &mut out,
            opts,
            &mut stats,
            |stats: &Stats| progress(stats, started, &bytes_read, total_bytes),
            || {
                in_flight.fetch_sub(1, Ordering::SeqCst);
                let _ = permit_tx.send(());
            },
        );
        // Stop everything upstream: no more permits, no more work.
        stop.store(true, Ordering::Relaxed);
        drop(permit_tx);
        drop(done_rx);
        let read = reader.join().expect("reader thread");
        for w in workers {
            w.join().expect("worker thread");
        }
        result.and(read)
    });
    stats.max_in_flight = max_in_flight.load(Ordering::SeqCst);
    if opts.progress {
        eprint!("\r\x1b[K");
    }
    match outcome.and_then(|()| out.flush().map_err(|e| format!("writing output: {e}"))) {
        Ok(()) => Ok(stats),
        Err(e) => Err((stats, e)),
    }
}

/// The writer: takes results as they come, writes them in sequence order, returns a permit per
/// line written (or reported).
fn write_in_order<W: Write>(
    done_rx: &Receiver<Done>,
    out: &mut W,
    opts: &Options,
    stats: &mut Stats,
    progress_line: impl Fn(&Stats) -> String,
    mut release: impl FnMut(),
) -> Result<(), String> {
    let mut pending: BTreeMap<u64, (u64, Result<String, String>)> = BTreeMap::new();
    let mut next = 0u64;
    let mut last_progress = Instant::now();
    for (seq, lineno, r) in done_rx {
        pending.insert(seq, (lineno, r));
        while let Some((lineno, r)) = pending.remove(&next) {
            next += 1;
            stats.lines += 1;
            release();
            match r {
                Ok(line) => {
                    stats.ok += 1;
                    out.write_all(line.as_bytes())
                        .and_then(|()| out.write_all(b"\n"))
                        .map_err(|e| format!("writing output: {e}"))?;
                }
                Err(e) => {
                    stats.bad += 1;
                    match opts.on_error {
                        OnError::Skip => eprintln!("whosaid: line {lineno}: {e}; skipped"),
                        OnError::Fail => {
                            return Err(format!(
                                "line {lineno}: {e} (--on-error fail; {} lines written)",
                                stats.ok
                            ))
                        }
                    }
                }
            }
        }
        if opts.progress && last_progress.elapsed() > Duration::from_millis(250) {
            last_progress = Instant::now();
            eprint!("\r\x1b[K{}", progress_line(stats));
        }
    }
    Ok(())
}

/// `1,204 articles · 310/s · 12.5 MB of 40.0 MB (31%) · ETA 0:28`
fn progress(stats: &Stats, started: Instant, bytes_read: &AtomicU64, total: Option<u64>) -> String {
    let secs = started.elapsed().as_secs_f64().max(1e-3);
    let read = bytes_read.load(Ordering::Relaxed);
    let mb = |b: u64| b as f64 / 1e6;
    let mut s = format!(
        "whosaid: {} articles · {:.0}/s · {:.1} MB",
        stats.ok,
        stats.lines as f64 / secs,
        mb(read)
    );
    if let Some(t) = total.filter(|&t| t > 0) {
        let frac = (read as f64 / t as f64).min(1.0);
        let eta = if frac > 0.0 {
            secs * (1.0 - frac) / frac
        } else {
            0.0
        };
        let eta = eta as u64;
        s += &format!(
            " of {:.1} MB ({:.0}%) · ETA {}:{:02}",
            mb(t),
            frac * 100.0,
            eta / 60,
            eta % 60
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(threads: usize, window: usize, on_error: OnError) -> Options {
        Options {
            threads,
            window,
            on_error,
            lossy: false,
            progress: false,
        }
    }

    /// A work function that takes a varying time, so results come back out of order.
    fn slow_echo(line: &[u8], _: bool) -> Result<String, String> {
        let s = std::str::from_utf8(line).unwrap();
        let n: u64 = s
            .trim_start_matches('x')
            .parse()
            .map_err(|_| "bad".to_string())?;
        std::thread::sleep(Duration::from_micros((n * 7919) % 500));
        Ok(format!("<{n}>"))
    }

    fn input(n: u64) -> String {
        (0..n).map(|i| format!("{i}\n")).collect()
    }

    #[test]
    fn output_keeps_input_order_and_the_window_bounds_lines_in_flight() {
        for (threads, window) in [(1, 1), (2, 3), (4, 16), (8, 5)] {
            let text = input(600);
            let mut out = Vec::new();
            let st = pipeline(
                text.as_bytes(),
                &mut out,
                &opts(threads, window, OnError::Skip),
                None,
                slow_echo,
            )
            .unwrap();
            let want: String = (0..600).map(|i| format!("<{i}>\n")).collect();
            assert_eq!(String::from_utf8(out).unwrap(), want);
            assert_eq!((st.lines, st.ok, st.bad), (600, 600, 0));
            assert!(
                st.max_in_flight <= window,
                "{} lines in flight with a window of {window}",
                st.max_in_flight
            );
            // With more threads than one the window is actually used.
            if window > 1 && threads > 1 {
                assert!(st.max_in_flight > 1);
            }
        }
    }

    #[test]
    fn a_slow_writer_holds_back_the_reader() {
        // The writer blocks on its output: the reader must not run ahead of the window.
        struct Slow(Vec<u8>);
        impl Write for Slow {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                std::thread::sleep(Duration::from_micros(200));
                self.0.extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let text = input(300);
        let mut out = Slow(Vec::new());
        let st = pipeline(
            text.as_bytes(),
            &mut out,
            &opts(4, 7, OnError::Skip),
            None,
            |l: &[u8], _| Ok(String::from_utf8(l.to_vec()).unwrap()),
        )
        .unwrap();
        assert_eq!(st.ok, 300);
        assert!(st.max_in_flight <= 7);
    }

    #[test]
    fn bad_lines_are_skipped_or_stop_the_run() {
        let text = "1\n\n  \nx\n2\r\n3\n";
        let mut out = Vec::new();
        let st = pipeline(
            text.as_bytes(),
            &mut out,
            &opts(2, 4, OnError::Skip),
            None,
            |l: &[u8], _| match l {
                b"x" => Err("bad".into()),
                l => Ok(String::from_utf8(l.to_vec()).unwrap()),
            },
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "1\n2\n3\n");
        assert_eq!((st.lines, st.ok, st.bad), (4, 3, 1));

        let mut out = Vec::new();
        let (st, e) = pipeline(
            text.as_bytes(),
            &mut out,
            &opts(2, 4, OnError::Fail),
            None,
            |l: &[u8], _| match l {
                b"x" => Err("bad".into()),
                l => Ok(String::from_utf8(l.to_vec()).unwrap()),
            },
        )
        .unwrap_err();
        assert_eq!(String::from_utf8(out).unwrap(), "1\n");
        assert!(e.starts_with("line 4: bad"), "{e}");
        assert_eq!((st.ok, st.bad), (1, 1));
    }

    #[test]
    fn annotate_line_keeps_the_id_first_and_reports_bad_lines() {
        let ok = annotate_line(
            r#"{"id": "a-1", "text": "“We are ready,” said John Kirby.", "extra": 1}"#.as_bytes(),
            false,
        )
        .unwrap();
        assert!(ok.starts_with(r#"{"id":"a-1","version":2,"#), "{ok}");
        let v: serde_json::Value = serde_json::from_str(&ok).unwrap();
        assert_eq!(v["quotes"][0]["text"], "We are ready");
        let no_id = annotate_line(br#"{"text": ""}"#, false).unwrap();
        assert!(no_id.starts_with(r#"{"id":null,"#));
        for bad in [
            &b"not json"[..],
            br#"{"id": 1}"#,
            br#"{"id": 1, "text": 5}"#,
            br#"[1, 2]"#,
            b"{\"text\": \"a\xffb\"}",
        ] {
            assert!(annotate_line(bad, false).is_err(), "{bad:?}");
        }
        assert!(annotate_line(b"{\"text\": \"a\xffb\"}", true).is_ok());
    }
}
