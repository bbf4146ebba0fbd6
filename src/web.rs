//! The WebAssembly face of whosaid: what `www/pkg/whosaid.js` exports to JavaScript.
//!
//! Thin on purpose: the NLP is the core's ([`crate::annotate`]); the DOM work (reading an
//! element's text, painting marks, clearing them) is in [`dom`] and its JavaScript half,
//! src/web/dom.js. This file only converts between JS values and Rust types, without
//! serde_json (annotations go out as JSON written by [`crate::json`] and come in flattened
//! by `ws_flat`), which keeps the module small.
//!
//! Exports (JS names):
//! - `version()`, `annotate_text(text)`: the JSON contract with UTF-16 offsets.
//! - `claim_threshold()`: the default claim threshold (score at which claim precision on
//!   the dev gold reaches 0.90); paint options take `threshold` to change it.
//! - `extract_text(el)`: the article text whosaid reads from an element.
//! - `Painter.annotate(el, opts)`: extract and annotate; the painter paints in steps, the
//!   marks on screen first (`prioritize`), and hands out the annotations afterwards.
//! - `new Painter(el, annotations, opts)`: the same for annotations computed elsewhere (a Web
//!   Worker) on `extract_text(el)`.
//! - `clear(el)`, `ids_at(el, node, offset)` (hit-testing in highlight mode).

mod dom;

// The DOM walking and wrapping, in JavaScript (src/web/dom.js): one call each, see `dom`.
#[wasm_bindgen(module = "/src/web/dom.js")]
extern "C" {
    fn ws_extract(root: &Element) -> js_sys::Array;
    #[wasm_bindgen(catch)]
    fn ws_wrap(
        nodes: &js_sys::Array,
        plan: &[u32],
        attrs: &str,
        marks: &js_sys::Array,
        splits: &js_sys::Array,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(catch)]
    fn ws_unwrap(marks: &js_sys::Array, splits: &js_sys::Array) -> Result<(), JsValue>;
    #[wasm_bindgen(catch)]
    fn ws_leftovers(root: &Element, class: &str) -> Result<(), JsValue>;
    fn ws_can_highlight() -> bool;
    fn ws_visible(nodes: &js_sys::Array) -> js_sys::Array;
    #[wasm_bindgen(catch)]
    fn ws_highlight(
        nodes: &js_sys::Array,
        spec: &[u32],
        names: &str,
        ids: &str,
        records: &js_sys::Array,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(catch)]
    fn ws_unhighlight(records: &js_sys::Array) -> Result<(), JsValue>;
    fn ws_ids_at(records: &js_sys::Array, node: &Node, offset: u32) -> js_sys::Array;
    /// Annotations from JS, flattened: `[numbers, strings]` (see src/web/dom.js).
    #[wasm_bindgen(catch)]
    fn ws_flat(annotations: &JsValue) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(catch)]
    fn ws_options(options: &JsValue) -> Result<js_sys::Array, JsValue>;
}

use wasm_bindgen::prelude::*;

/// The allocator: talc in place of the default dlmalloc, smaller in the module and faster at
/// the many short-lived allocations of an annotation.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
use web_sys::{Element, Node};

use crate::types::{
    Annotations, Claim, ClaimKind, Entity, EntityKind, OffsetUnit, Phrase, Quote, QuoteKind, Span,
};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// A panic (a bug: the engine is meant never to panic) is reported in the console with its
/// message and place before the module traps, not as a bare `unreachable`. (A hook of our
/// own: `console_error_panic_hook` also fetches a JavaScript stack, 1.4 KB of the gzipped
/// module.)
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| console_error(&format!("whosaid: {info}"))));
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
/// Through JSON rather than member by member: the object is then exactly what the CLI prints
/// (`null` for a missing speaker, `0.93` rather than the f32-widened `0.9300000071525574`),
/// and one `JSON.parse` is faster than building a large object across the wasm boundary. The
/// JSON is written by [`crate::json`], the same bytes as serde_json's, without shipping it.
fn to_js(ann: &Annotations) -> Result<JsValue, JsError> {
    parse_json(&crate::json::annotations(ann))
}

fn parse_json(json: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(json).map_err(|_| JsError::new("JSON.parse failed"))
}

/// Paint stats as a plain JS object.
fn stats_js(stats: &dom::PaintStats) -> Result<JsValue, JsError> {
    parse_json(&stats.to_json())
}

/// Paint options from a plain JS object (all fields optional; `undefined` means the default),
/// checked and read by `ws_options` (src/web/dom.js): `[mode, six switches, threshold]`.
fn options(opts: JsValue) -> Result<dom::PaintOptions, JsError> {
    let mut o = dom::PaintOptions::default();
    let a = ws_options(&opts).map_err(js_err)?;
    if let Some(mode) = a.get(0).as_string() {
        o.mode = mode;
    }
    let switches = [
        &mut o.focusable,
        &mut o.quotes,
        &mut o.claims,
        &mut o.cues,
        &mut o.speakers,
        &mut o.sources,
    ];
    for (i, flag) in (1..).zip(switches) {
        if let Some(v) = a.get(i).as_bool() {
            *flag = v;
        }
    }
    if let Some(t) = a.get(7).as_f64() {
        o.threshold = t as f32;
    }
    Ok(o)
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

fn js_err(v: JsValue) -> JsError {
    JsError::new(&dom::message(&v))
}

/// Reads annotations given by JS: an object (as `annotate_text` returns it) or its JSON text.
///
/// `ws_flat` (src/web/dom.js) walks the object in JavaScript and hands over what painting
/// needs as one array of numbers and one string: two crossings of the wasm boundary instead of
/// one per field, which matters for a book (~33,000 spans on a 1 MB paste). Fields painting
/// does not use (names, titles, confidences, signals) are left empty.
fn parse_annotations(v: JsValue) -> Result<Annotations, JsError> {
    let flat = ws_flat(&v).map_err(js_err)?;
    let nums = js_sys::Float64Array::from(flat.get(0)).to_vec();
    let strs = flat.get(1).as_string().unwrap_or_default();
    Flat {
        nums: &nums,
        at: 0,
        strs: &strs,
    }
    .annotations()
    .ok_or_else(|| JsError::new("annotations: malformed"))
}

/// A reader over `ws_flat`'s output; `None` when it runs out (never, for what `ws_flat`
/// writes).
struct Flat<'a> {
    nums: &'a [f64],
    at: usize,
    strs: &'a str,
}

impl Flat<'_> {
    fn num(&mut self) -> Option<f64> {
        let x = *self.nums.get(self.at)?;
        self.at += 1;
        Some(x)
    }

    fn count(&mut self) -> Option<usize> {
        self.num().map(|x| x as usize)
    }

    /// The next string: as many UTF-16 code units of `strs` as the next number says.
    fn string(&mut self) -> Option<String> {
        let units = self.count()?;
        let mut n = 0;
        let mut end = 0;
        for c in self.strs.chars() {
            if n >= units {
                break;
            }
            n += c.len_utf16();
            end += c.len_utf8();
        }
        let (s, rest) = self.strs.split_at(end);
        self.strs = rest;
        Some(s.to_string())
    }

    fn opt_string(&mut self) -> Option<Option<String>> {
        if self.nums.get(self.at) == Some(&-1.0) {
            self.at += 1;
            return Some(None);
        }
        self.string().map(Some)
    }

    fn phrase(&mut self) -> Option<Option<Phrase>> {
        if self.num()? < 0.0 {
            return Some(None);
        }
        Some(Some(Phrase {
            start: self.count()?,
            end: self.count()?,
            text: self.string()?,
        }))
    }

    fn annotations(&mut self) -> Option<Annotations> {
        let offsets = match self.num()? as u8 {
            0 => OffsetUnit::Utf8,
            1 => OffsetUnit::Utf16,
            _ => OffsetUnit::Chars,
        };
        let mut entities = Vec::new();
        for _ in 0..self.count()? {
            let id = self.string()?;
            let mut mentions = Vec::new();
            for _ in 0..self.count()? {
                mentions.push(Span::new(self.count()?, self.count()?));
            }
            entities.push(Entity {
                id,
                name: String::new(),
                kind: EntityKind::Person,
                title: None,
                mentions,
            });
        }
        let mut quotes = Vec::new();
        for _ in 0..self.count()? {
            quotes.push(Quote {
                id: self.string()?,
                start: self.count()?,
                end: self.count()?,
                text: self.string()?,
                kind: if self.num()? == 0.0 {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Indirect
                },
                speaker: self.opt_string()?,
                source: self.phrase()?,
                cue: self.phrase()?,
                confidence: 0.0,
            });
        }
        const KINDS: [ClaimKind; 6] = [
            ClaimKind::Quantity,
            ClaimKind::Comparison,
            ClaimKind::Causal,
            ClaimKind::Prediction,
            ClaimKind::Accusation,
            ClaimKind::Statement,
        ];
        let mut claims = Vec::new();
        for _ in 0..self.count()? {
            claims.push(Claim {
                id: self.string()?,
                start: self.count()?,
                end: self.count()?,
                text: self.string()?,
                kind: *KINDS.get(self.count()?)?,
                score: self.num()? as f32,
                signals: Vec::new(),
                quote: None,
            });
        }
        Some(Annotations {
            version: crate::types::FORMAT_VERSION,
            offsets,
            entities,
            quotes,
            claims,
            sources: Vec::new(),
        })
    }
}

/// Paints in steps: `painter.step(painter.prioritize())` paints what is on screen, then
/// `while (!painter.step(200)) { show(painter.progress); await frame(); }` the rest.
#[wasm_bindgen(js_name = Painter)]
pub struct JsPainter(dom::Painter, Option<crate::types::Annotations>);

#[wasm_bindgen(js_class = Painter)]
impl JsPainter {
    #[wasm_bindgen(constructor)]
    pub fn new(el: &Element, annotations: JsValue, opts: JsValue) -> Result<JsPainter, JsError> {
        let ann = parse_annotations(annotations)?;
        let p = dom::Painter::new(el, &ann, &options(opts)?).map_err(|e| JsError::new(&e))?;
        Ok(JsPainter(p, None))
    }

    /// Clears `el`, annotates its text and returns a painter for the result (nothing painted
    /// yet); `annotations` gives the contract (UTF-16 offsets into `extract_text(el)`).
    pub fn annotate(el: &Element, opts: JsValue) -> Result<JsPainter, JsError> {
        let (p, ann) = dom::Painter::annotate(el, &options(opts)?);
        Ok(JsPainter(p, Some(ann)))
    }

    /// Orders the work so that what shows in the viewport is painted first; returns how many
    /// units (text nodes, or highlight labels) that is. Call before the first `step`.
    pub fn prioritize(&mut self) -> u32 {
        self.0.prioritize() as u32
    }

    /// Paints up to `max` more units (text nodes; labels in highlight mode); true when
    /// finished.
    pub fn step(&mut self, max: u32) -> Result<bool, JsError> {
        self.0.step(max as usize).map_err(js_err)
    }

    /// The annotations of a painter made by `Painter.annotate` (undefined otherwise): built
    /// when asked, so that they cost nothing before the first marks are on screen.
    #[wasm_bindgen(getter)]
    pub fn annotations(&self) -> Result<JsValue, JsError> {
        match &self.1 {
            Some(ann) => to_js(ann),
            None => Ok(JsValue::UNDEFINED),
        }
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
