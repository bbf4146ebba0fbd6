//! The WebAssembly face of whosaid: what `www/pkg/whosaid.js` exports to JavaScript.
//!
//! Thin on purpose: the NLP is the core's ([`crate::annotate`]); the DOM work (reading an
//! element's text, painting marks, clearing them) is in [`dom`]. This file only converts
//! between JS values and Rust types.
//!
//! Exports (JS names):
//! - `version()`, `annotate_text(text)`: the JSON contract with UTF-16 offsets.
//! - `claim_threshold()`: the default claim threshold (score at which claim precision on
//!   the dev gold reaches 0.90); paint options take `threshold` to change it.
//! - `extract_text(el)`: the article text whosaid reads from an element.
//! - `annotate_element(el, opts)`: extract, annotate, paint; returns `{annotations, stats}`.
//! - `paint(el, annotations, opts)`: paint annotations computed elsewhere (a Web Worker) on
//!   `extract_text(el)`; `new Painter(el, annotations, opts)` does the same in steps.
//! - `clear(el)`, `ids_at(el, node, offset)` (hit-testing in highlight mode).

mod dom;

#[wasm_bindgen(module = "/src/web/facts.js")]
extern "C" {
    /// Bit flags describing an element for text extraction (see src/web/facts.js).
    fn ws_facts(el: &Element, styled: bool) -> u32;
}

use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};

use crate::types::Annotations;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version (`Cargo.toml`), so a page can tell which engine it runs.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The claim score from which claims are painted unless `threshold` says otherwise.
#[wasm_bindgen]
pub fn claim_threshold() -> f32 {
    crate::claims::SHOW_THRESHOLD
}

/// Hands annotations to JS as a plain object.
///
/// Through JSON rather than `serde_wasm_bindgen::to_value`: the object is then exactly what
/// the CLI prints (`null` for a missing speaker, `0.93` rather than the f32-widened
/// `0.9300000071525574`), and one `JSON.parse` is faster than building a large object
/// member by member across the wasm boundary.
fn to_js(ann: &Annotations) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(ann).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("JSON.parse failed"))
}

/// Paint stats as a plain JS object (through JSON, like the annotations: serde_json is in the
/// module anyway, so no second serializer is shipped).
fn stats_js(stats: &dom::PaintStats) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(stats).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("JSON.parse failed"))
}

/// Paint options from a plain JS object (all fields optional), read through `JSON.stringify`.
fn options(opts: JsValue) -> Result<dom::PaintOptions, JsError> {
    if opts.is_undefined() || opts.is_null() {
        return Ok(dom::PaintOptions::default());
    }
    let json = js_sys::JSON::stringify(&opts)
        .map_err(js_err)?
        .as_string()
        .ok_or_else(|| JsError::new("options: not an object"))?;
    serde_json::from_str(&json).map_err(|e| JsError::new(&format!("options: {e}")))
}

/// Annotates `text`; every offset is in UTF-16 code units of `text` (`offsets: "utf16"`).
#[wasm_bindgen]
pub fn annotate_text(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::annotate(text).to_utf16(text))
}

/// The article text whosaid reads from `el` (see `dom` for the rules). Offsets of
/// `annotate_text(extract_text(el))` are what `paint(el, …)` expects.
#[wasm_bindgen]
pub fn extract_text(el: &Element) -> String {
    dom::extract(el).text
}

/// Clears `el`, annotates its text and paints the marks. Returns
/// `{annotations, stats}`: the contract (UTF-16 offsets into `extract_text(el)`) and
/// what was painted (`mode`, `marks`, `speakers` with their colour slots, …).
#[wasm_bindgen]
pub fn annotate_element(el: &Element, opts: JsValue) -> Result<JsValue, JsError> {
    let opts = options(opts)?;
    let (ann, stats) = dom::annotate_element(el, &opts).map_err(|e| JsError::new(&e))?;
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"annotations".into(), &to_js(&ann)?).map_err(js_err)?;
    js_sys::Reflect::set(&out, &"stats".into(), &stats_js(&stats)?).map_err(js_err)?;
    Ok(out.into())
}

fn js_err(v: JsValue) -> JsError {
    JsError::new(&v.as_string().unwrap_or_else(|| format!("{v:?}")))
}

/// Reads annotations given by JS: an object (as `annotate_text` returns it) or its JSON text.
///
/// An object is turned into JSON by the browser's own `JSON.stringify` and parsed with
/// serde_json: one crossing of the wasm boundary instead of one per field, which matters for
/// a book: on a 1 MB paste (~33,000 spans) preparing the paint took ~440 ms with
/// `serde_wasm_bindgen::from_value` and ~240 ms this way (it costs ~13 KB of gzipped wasm).
fn parse_annotations(v: JsValue) -> Result<Annotations, JsError> {
    let json = match v.as_string() {
        Some(s) => s,
        None => js_sys::JSON::stringify(&v)
            .map_err(js_err)?
            .as_string()
            .ok_or_else(|| JsError::new("annotations: not an object"))?,
    };
    serde_json::from_str(&json).map_err(|e| JsError::new(&format!("annotations: {e}")))
}

/// Paints `annotations` (UTF-16 offsets into `extract_text(el)`) into `el` at once; returns
/// the stats. Fails, painting nothing, if they were computed on a different text.
#[wasm_bindgen]
pub fn paint(el: &Element, annotations: JsValue, opts: JsValue) -> Result<JsValue, JsError> {
    let ann = parse_annotations(annotations)?;
    let mut p = dom::Painter::new(el, &ann, &options(opts)?).map_err(|e| JsError::new(&e))?;
    p.run().map_err(js_err)?;
    stats_js(&p.stats)
}

/// Paints in steps: `while (!painter.step(200)) { show(painter.progress); await frame(); }`.
#[wasm_bindgen(js_name = Painter)]
pub struct JsPainter(dom::Painter);

#[wasm_bindgen(js_class = Painter)]
impl JsPainter {
    #[wasm_bindgen(constructor)]
    pub fn new(el: &Element, annotations: JsValue, opts: JsValue) -> Result<JsPainter, JsError> {
        let ann = parse_annotations(annotations)?;
        let p = dom::Painter::new(el, &ann, &options(opts)?).map_err(|e| JsError::new(&e))?;
        Ok(JsPainter(p))
    }

    /// Paints up to `max_nodes` more text nodes; true when finished.
    pub fn step(&mut self, max_nodes: u32) -> Result<bool, JsError> {
        self.0.step(max_nodes as usize).map_err(js_err)
    }

    #[wasm_bindgen(getter)]
    pub fn progress(&self) -> f64 {
        self.0.progress()
    }

    #[wasm_bindgen(getter)]
    pub fn stats(&self) -> Result<JsValue, JsError> {
        stats_js(&self.0.stats)
    }
}

/// Removes every mark and highlight whosaid painted in `el` (or inside it); `el.outerHTML`
/// is then what it was before painting.
#[wasm_bindgen]
pub fn clear(el: &Element) {
    dom::clear(el);
}

/// The `data-ws-id` tokens of the highlight-mode ranges in `el` that contain the point.
#[wasm_bindgen]
pub fn ids_at(el: &Element, node: &Node, offset: u32) -> Vec<String> {
    dom::ids_at(el, node, offset)
}
