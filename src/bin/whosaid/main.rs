//! The `whosaid` command line: annotate files into JSON, score against gold, serve the page.

mod batch;
mod serve;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::eval;

const USAGE: &str = "\
whosaid — marks who said what and what is claimed in news articles

USAGE:
    whosaid annotate [--lossy] [--pretty] FILE...   annotate files (or - for stdin), print JSON
    whosaid annotate --jsonl [--threads N] [--on-error skip|fail] [--window N] [--lossy] [-q] [FILE|-]
                                                    JSON Lines ({id, text} per line, - or no
                                                    FILE for stdin) in, one annotations object per
                                                    line out, in order, on all cores
    whosaid eval [--pred DIR] [--json] [-v] [--threshold T] GOLD_DIR_OR_FILES...
                                                    score against gold files (-v lists misses);
                                                    --pred scores DIR/<id>.json instead of the engine;
                                                    --threshold T scores only claims with score >= T
    whosaid eval --claim-sweep [--min-precision P] GOLD_DIR_OR_FILES...
                                                    claim precision and coverage at every score
                                                    threshold, and the lowest one with precision >= P
                                                    (default 0.90): the page's default claim threshold
    whosaid serve [--port N] [--dir DIR]            serve DIR (default www/) on 127.0.0.1
    whosaid help                                    this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = args.first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result = match cmd.as_str() {
        "annotate" => annotate_cmd(rest),
        "eval" => eval_cmd(rest),
        "serve" => serve::run(rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("whosaid: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Reads a file (or stdin for `-`) as UTF-8. Invalid UTF-8 is an error naming the byte
/// offset, unless `lossy`, where it is replaced with U+FFFD and a warning is printed.
fn read_text(path: &str, lossy: bool) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| format!("stdin: {e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))?
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            if lossy {
                eprintln!("whosaid: warning: {path}: invalid UTF-8 at byte {at}; replaced with U+FFFD (offsets refer to the replaced text)");
                Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
            } else {
                Err(format!("{path}: not valid UTF-8 (first bad byte at offset {at}); pass --lossy to replace bad bytes"))
            }
        }
    }
}

fn annotate_cmd(args: &[String]) -> Result<(), String> {
    if args.iter().any(|a| a == "--jsonl") {
        return batch::run(args);
    }
    let mut lossy = false;
    let mut pretty = false;
    let mut files = Vec::new();
    for a in args {
        match a.as_str() {
            "--lossy" => lossy = true,
            "--pretty" => pretty = true,
            f if f.starts_with("--") => return Err(format!("annotate: unknown flag {f}")),
            f => files.push(f.to_string()),
        }
    }
    if files.is_empty() {
        return Err(format!(
            "annotate: no input file (use - for stdin)\n\n{USAGE}"
        ));
    }
    // Every input is read (and checked) before anything is printed, so a bad file prints no
    // partial JSON; then each is annotated and written straight to stdout, one at a time.
    let texts = files
        .iter()
        .map(|f| read_text(f, lossy))
        .collect::<Result<Vec<_>, _>>()?;
    let out = std::io::BufWriter::with_capacity(1 << 16, stdout_unbuffered());
    let r = if texts.len() == 1 && !pretty {
        write_compact(out, &texts[0])
    } else if texts.len() == 1 {
        write_json(out, &Annotated(&texts[0]), pretty)
    } else {
        write_json(out, &AnnotatedAll(&texts), pretty)
    };
    r.map_err(|e| format!("stdout: {e}"))
}

/// Standard output without its line buffering: `Stdout` scans every write for its last
/// newline, and a megabyte of compact JSON has one, at its end. A `File` on a duplicate of
/// the descriptor writes the same bytes without the scan (unix; elsewhere, `Stdout`).
fn stdout_unbuffered() -> Box<dyn Write> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(fd));
        }
    }
    Box::new(std::io::stdout().lock())
}

/// Annotations of one text, computed as they are serialized.
struct Annotated<'a>(&'a str);

impl serde::Serialize for Annotated<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        whosaid::annotate_serialize(self.0, s)
    }
}

/// A JSON array of the annotations of each text, each computed, written and dropped in turn
/// (the same bytes as serializing a `Vec<Annotations>`).
struct AnnotatedAll<'a>(&'a [String]);

impl serde::Serialize for AnnotatedAll<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for t in self.0 {
            seq.serialize_element(&Annotated(t))?;
        }
        seq.end()
    }
}

/// Writes the annotations of `text` as compact JSON and a newline to `out`: the same bytes as
/// [`write_json`] of [`Annotated`], by `whosaid::annotate_json` (no serde on this path).
fn write_compact<W: Write>(mut out: W, text: &str) -> std::io::Result<()> {
    whosaid::annotate_json(text, &mut |b: &[u8]| out.write_all(b))?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Writes `v` as JSON (pretty or compact) and a newline to `out`, without building a string.
fn write_json<W: Write, T: serde::Serialize>(
    mut out: W,
    v: &T,
    pretty: bool,
) -> std::io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut out, v)?;
    } else {
        serde_json::to_writer(&mut out, v)?;
    }
    out.write_all(b"\n")?;
    out.flush()
}

fn to_json<T: serde::Serialize>(v: &T, pretty: bool) -> String {
    let r = if pretty {
        serde_json::to_string_pretty(v)
    } else {
        serde_json::to_string(v)
    };
    r.expect("annotations always serialise")
}

/// Gold files named on the command line: files, or every `*.json` in a directory.
fn gold_files(args: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&p)
                .map_err(|e| format!("{a}: {e}"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            v.sort();
            out.extend(v);
        } else {
            out.push(p);
        }
    }
    if out.is_empty() {
        return Err("eval: no gold files".into());
    }
    Ok(out)
}

fn eval_cmd(args: &[String]) -> Result<(), String> {
    let mut pred_dir: Option<PathBuf> = None;
    let mut json = false;
    let mut verbose = false;
    let mut threshold: Option<f32> = None;
    let mut sweep = false;
    let mut min_precision = 0.90_f64;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pred" => {
                pred_dir = Some(PathBuf::from(
                    it.next().ok_or("eval: --pred needs a directory")?,
                ))
            }
            "--json" => json = true,
            "-v" | "--verbose" => verbose = true,
            "--threshold" => {
                let v = it.next().ok_or("eval: --threshold needs a number")?;
                threshold = Some(
                    v.parse()
                        .map_err(|_| format!("eval: --threshold {v}: not a number"))?,
                );
            }
            "--claim-sweep" => sweep = true,
            "--min-precision" => {
                let v = it.next().ok_or("eval: --min-precision needs a number")?;
                min_precision = v
                    .parse()
                    .map_err(|_| format!("eval: --min-precision {v}: not a number"))?;
            }
            f if f.starts_with("--") => return Err(format!("eval: unknown flag {f}")),
            f => paths.push(f.to_string()),
        }
    }
    let mut scores = Vec::new();
    let mut pairs = Vec::new();
    let mut total = eval::Score {
        id: "all".into(),
        ..Default::default()
    };
    for path in gold_files(&paths)? {
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gold: eval::Gold =
            serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
        let pred = match &pred_dir {
            Some(dir) => {
                let p = dir.join(format!("{}.json", gold.id));
                let raw =
                    std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", p.display()))?
            }
            None => whosaid::annotate(&gold.text),
        };
        let pred = match threshold {
            Some(t) => eval::keep_claims_above(&pred, t),
            None => pred,
        };
        let sc = eval::score(&gold, &pred);
        total.add(&sc);
        scores.push(sc);
        if sweep {
            pairs.push((gold, pred));
        }
    }
    let missing = || {
        Err(format!(
            "gold items not found in their article text: {:?}",
            total.gold_missing
        ))
    };
    if sweep {
        if !total.gold_missing.is_empty() {
            return missing();
        }
        return claim_sweep(&pairs, min_precision, json);
    }
    if json {
        println!(
            "{}",
            to_json(
                &serde_json::json!({"articles": scores, "total": total}),
                true
            )
        );
    } else {
        print!("{}", eval::table(&scores, &total));
        if verbose {
            for sc in &scores {
                println!("\n## {}", sc.id);
                for (k, t) in &sc.misses {
                    println!("  MISS  {k:8} {t:?}");
                }
                for (k, t) in &sc.false_alarms {
                    println!("  EXTRA {k:8} {t:?}");
                }
                for (t, g, p) in &sc.wrong_speakers {
                    println!("  SPKR  gold={g:?} pred={p:?} {t:?}");
                }
            }
        }
    }
    if !total.gold_missing.is_empty() {
        return missing();
    }
    Ok(())
}

/// Prints claim precision and coverage at every score threshold and the lowest threshold
/// whose precision reaches `min_precision`.
fn claim_sweep(
    pairs: &[(eval::Gold, whosaid::Annotations)],
    min_precision: f64,
    json: bool,
) -> Result<(), String> {
    let rows = eval::claim_sweep(pairs);
    let best = eval::lowest_threshold(&rows, min_precision);
    if json {
        println!(
            "{}",
            to_json(
                &serde_json::json!({"rows": rows, "min_precision": min_precision, "threshold": best.map(|r| r.threshold)}),
                true
            )
        );
        return Ok(());
    }
    println!("| threshold | claims kept | claim P | claim cov |\n|---|---|---|---|");
    for r in &rows {
        println!(
            "| {:.2} | {} | {:.3} ({}/{}) | {:.3} ({}/{}) |",
            r.threshold,
            r.predicted,
            r.precision(),
            r.hit,
            r.predicted,
            r.coverage(),
            r.covered,
            r.gold
        );
    }
    match best {
        Some(r) => println!(
            "\nlowest threshold with claim precision >= {min_precision:.2}: {:.2} (precision {:.3}, coverage {:.3}, {} of {} claims kept)",
            r.threshold,
            r.precision(),
            r.coverage(),
            r.predicted,
            rows.first().map_or(0, |f| f.predicted)
        ),
        None => println!("\nno threshold reaches claim precision {min_precision:.2}"),
    }
    Ok(())
}
