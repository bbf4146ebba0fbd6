//! The Python layer (feature `python`): `whosaid._whosaid`, re-exported by the `whosaid`
//! package (`python/whosaid/`). No NLP here: it turns Python strings into Rust strings, calls
//! [`crate::annotate`], converts offsets to code points ([`Annotations::to_chars`], what Python
//! strings index by) and hands back the JSON contract as dicts.
//!
//! Lone surrogates (legal in a Python `str`, not in UTF-8) are annotated as U+FFFD, one code
//! point for one, so offsets still index the caller's string; every `text` field is then taken
//! from the caller's string itself, so `text == s[start:end]` holds there too.

use crate::Annotations;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A Python `str` as Rust text: borrowed when it is valid UTF-8, else rebuilt with U+FFFD for
/// each lone surrogate (`lossy`).
struct Text {
    text: String,
    lossy: bool,
}

fn extract(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Text> {
    let s = obj.cast::<PyString>().map_err(|_| {
        let ty = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "?".into());
        PyTypeError::new_err(format!("{what} must be str, not {ty}"))
    })?;
    if let Ok(t) = s.to_str() {
        return Ok(Text {
            text: t.to_owned(),
            lossy: false,
        });
    }
    // Lone surrogates: UTF-32 keeps one unit per code point, so offsets stay aligned.
    let raw = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes = raw.cast::<PyBytes>()?.as_bytes();
    let text = bytes
        .chunks_exact(4)
        .map(|c| char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{FFFD}'))
        .collect();
    Ok(Text { text, lossy: true })
}

/// The annotations of `text` as JSON, with code-point offsets.
fn annotate_json(text: &str) -> String {
    let ann: Annotations = crate::annotate(text).to_chars(text);
    serde_json::to_string(&ann).expect("annotations serialise")
}

/// JSON → dict (Python's own `json.loads`); for lossy text, every `text` field re-sliced from
/// the original string.
fn to_dict<'py>(
    py: Python<'py>,
    json: &str,
    original: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let loads = py.import("json")?.getattr("loads")?;
    let d = loads.call1((json,))?;
    if let Some(s) = original {
        let fix = |item: &Bound<'py, PyAny>| -> PyResult<()> {
            if item.is_none() {
                return Ok(());
            }
            let item = item.cast::<PyDict>()?;
            let start: usize = item.get_item("start")?.map_or(Ok(0), |v| v.extract())?;
            let end: usize = item.get_item("end")?.map_or(Ok(0), |v| v.extract())?;
            let slice = pyo3::types::PySlice::new(py, start as isize, end as isize, 1);
            item.set_item("text", s.get_item(slice)?)
        };
        for key in ["quotes", "claims"] {
            for item in d.get_item(key)?.cast::<PyList>()?.iter() {
                fix(&item)?;
                if key == "quotes" {
                    fix(&item.get_item("cue")?)?;
                    fix(&item.get_item("source")?)?;
                }
            }
        }
    }
    Ok(d)
}

/// annotate(text: str) -> dict
///
/// Quotes, speakers, entities and claims of one article, as the JSON contract (version 2)
/// with `"offsets": "chars"`: every `start`/`end` indexes `text` itself. Releases the GIL
/// while it works.
#[pyfunction]
fn annotate<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let t = extract(text, "text")?;
    let json = py.detach(|| annotate_json(&t.text));
    to_dict(py, &json, t.lossy.then_some(text))
}

/// annotate_many(texts: Iterable[str], threads: int | None = None) -> list[dict]
///
/// `annotate` over many articles on `threads` threads (default: all cores), without the GIL;
/// results in input order.
#[pyfunction]
#[pyo3(signature = (texts, threads = None))]
fn annotate_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a str",
        ));
    }
    let threads = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut objs = Vec::new();
    let mut inputs = Vec::new();
    for (i, obj) in texts.try_iter()?.enumerate() {
        let obj = obj?;
        inputs.push(extract(&obj, &format!("texts[{i}]"))?);
        objs.push(obj);
    }
    // Workers annotate and serialise without the GIL; this thread turns each result into a
    // dict as soon as it arrives, so the conversion (which needs the GIL) overlaps the work.
    let n = inputs.len();
    let mut slots: Vec<Option<Bound<'py, PyAny>>> = (0..n).map(|_| None).collect();
    let threads = threads.min(n).max(1);
    let next = AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, String)>(threads * 4);
    std::thread::scope(|s| -> PyResult<()> {
        for _ in 0..threads {
            let (tx, next, inputs) = (tx.clone(), &next, &inputs);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(t) = inputs.get(i) else { return };
                if tx.send((i, annotate_json(&t.text))).is_err() {
                    return;
                }
            });
        }
        drop(tx);
        // Owned here, so it is dropped (and blocked workers released) when this returns.
        let rx = std::sync::Mutex::new(rx);
        loop {
            let Ok((i, json)) = py.detach(|| rx.lock().expect("one receiver").recv()) else {
                return Ok(());
            };
            let dict = to_dict(py, &json, inputs[i].lossy.then_some(&objs[i]));
            // On an error stop the workers: they see the channel closed.
            slots[i] = Some(dict.inspect_err(|_| next.store(usize::MAX / 2, Ordering::Relaxed))?);
        }
    })?;
    PyList::new(
        py,
        slots.into_iter().map(|d| d.expect("every text annotated")),
    )
}

#[pymodule]
#[pyo3(name = "_whosaid")]
fn whosaid_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_many, m)?)?;
    m.add("FORMAT_VERSION", crate::FORMAT_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
