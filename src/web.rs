//! The browser layer (wasm32 only): exports for JavaScript, DOM text walking, painting and
//! clearing. No language logic lives here — the core finds the spans, this module only maps
//! offsets onto text nodes.
//!
//! **Extraction.** An element's article text is the data of its text nodes in document
//! order, skipping `script`, `style`, `noscript`, `template`, `textarea`, `svg` and elements
//! marked `hidden` or `aria-hidden="true"`. Line breaks inside a text node become spaces
//! (so HTML's source indentation does not look like paragraph breaks) and a blank line is
//! put between block elements (`p`, `div`, `li`, `h1`…), so the core sees paragraphs. Each
//! text node keeps its UTF-16 start in that text: offsets are the only contract with the
//! core.
//!
//! **Painting.** All spans (quotes, claims, cues, speaker mentions) are cut into atomic
//! pieces at every boundary, and each piece of a text node is wrapped in one `<mark
//! data-ws>` carrying the classes of every span that covers it. Marks never nest and never
//! cross an element boundary, so a quote running through `<em>`, `<a>` or several `<p>` is
//! painted piece by piece and the page's own elements are never moved or re-created. Only
//! text nodes are split. In `highlight` mode the CSS Custom Highlight API is used instead
//! and the DOM is not touched at all.
//!
//! **Clearing** unwraps every mark and merges the text nodes that painting split, so the
//! element's `outerHTML` is what it was. Article text is only ever read and re-inserted as
//! text nodes: nothing the article contains becomes HTML.

use crate::types::{Annotations, QuoteKind};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Text};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The format version of the annotations this module returns.
#[wasm_bindgen]
pub fn version() -> String {
    format!("{} (format {})", env!("CARGO_PKG_VERSION"), crate::FORMAT_VERSION)
}

fn to_js(ann: &Annotations) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    ann.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}

use serde::Serialize;

/// Annotates a string; offsets in the result are UTF-16 code units (JavaScript indices).
#[wasm_bindgen]
pub fn annotate_text(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::annotate(text).to_utf16(text))
}

/// Options of [`annotate_element`] and [`paint`] (all optional).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Options {
    /// `"wrap"` (default) or `"highlight"` (CSS Custom Highlight API, no DOM change; falls
    /// back to wrapping where the browser lacks it).
    mode: Option<String>,
    /// Make quote marks keyboard-focusable (`tabindex="0"`). Off by default so an embed
    /// does not change a page's tab order; the whosaid page turns it on.
    focusable: bool,
    /// Skip claims / entity mentions.
    no_claims: bool,
    no_mentions: bool,
}

fn options(v: &JsValue) -> Options {
    if v.is_undefined() || v.is_null() {
        return Options::default();
    }
    serde_wasm_bindgen::from_value(v.clone()).unwrap_or_default()
}

/// A text node and where its data starts in the extracted text (UTF-16).
struct Piece {
    node: Text,
    start: usize,
    len: usize,
}

struct Extracted {
    text: String,
    pieces: Vec<Piece>,
}

const SKIP: &[&str] = &["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "SVG", "svg", "IFRAME", "OBJECT", "CANVAS", "SELECT", "BUTTON"];
const BLOCK: &[&str] = &[
    "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE",
    "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION",
    "TABLE", "TD", "TH", "TR", "UL", "WHOSAID-ARTICLE",
];

fn extract(root: &Element) -> Extracted {
    let mut ex = Extracted { text: String::new(), pieces: Vec::new() };
    let mut u16len = 0usize;
    walk(root.unchecked_ref::<Node>(), &mut ex, &mut u16len);
    ex
}

fn push_break(ex: &mut Extracted, u16len: &mut usize, s: &str) {
    if ex.text.is_empty() || ex.text.ends_with("\n\n") {
        return;
    }
    let s = if ex.text.ends_with('\n') && s == "\n\n" { "\n" } else { s };
    ex.text.push_str(s);
    *u16len += s.len();
}

fn walk(node: &Node, ex: &mut Extracted, u16len: &mut usize) {
    let mut child = node.first_child();
    while let Some(c) = child {
        match c.node_type() {
            Node::TEXT_NODE => {
                let t: Text = c.clone().unchecked_into();
                let data = t.data();
                if !data.is_empty() {
                    let len: usize = data.encode_utf16().count();
                    // Line breaks inside a text node are layout, not paragraphs: one space
                    // each, so the UTF-16 length (and every offset) is unchanged.
                    ex.text.extend(data.chars().map(|ch| if matches!(ch, '\n' | '\r' | '\t') { ' ' } else { ch }));
                    ex.pieces.push(Piece { node: t, start: *u16len, len });
                    *u16len += len;
                }
            }
            Node::ELEMENT_NODE => {
                let el: &Element = c.unchecked_ref();
                let tag = el.tag_name().to_ascii_uppercase();
                let hidden = el.has_attribute("hidden") || el.get_attribute("aria-hidden").as_deref() == Some("true");
                if !(SKIP.contains(&tag.as_str()) || hidden || el.has_attribute("data-ws-card")) {
                    if tag == "BR" {
                        push_break(ex, u16len, "\n");
                    } else {
                        let block = BLOCK.contains(&tag.as_str());
                        if block {
                            push_break(ex, u16len, "\n\n");
                        }
                        walk(&c, ex, u16len);
                        if block {
                            push_break(ex, u16len, "\n\n");
                        }
                    }
                }
            }
            _ => {}
        }
        child = c.next_sibling();
    }
}

/// The article text of an element as the core sees it (see the module docs).
#[wasm_bindgen]
pub fn extract_text(el: &Element) -> String {
    extract(el).text
}

/// One span to paint, in UTF-16 offsets of the extracted text.
struct Paint {
    start: usize,
    end: usize,
    classes: Vec<String>,
    attrs: Vec<(&'static str, String)>,
}

fn paints(ann: &Annotations, opts: &Options) -> Vec<Paint> {
    let speaker_index = |id: &Option<String>| -> Option<usize> {
        id.as_ref().and_then(|id| ann.entities.iter().position(|e| &e.id == id))
    };
    let mut out = Vec::new();
    for q in &ann.quotes {
        let mut classes = vec!["ws-quote".to_string(), format!("ws-{}", if q.kind == QuoteKind::Direct { "direct" } else { "indirect" })];
        match speaker_index(&q.speaker) {
            Some(i) => classes.push(format!("ws-s{}", i % 8)),
            None => classes.push("ws-nospeaker".into()),
        }
        let mut attrs = vec![("data-ws-quote", q.id.clone())];
        if let Some(s) = &q.speaker {
            attrs.push(("data-ws-speaker", s.clone()));
        }
        out.push(Paint { start: q.start, end: q.end, classes, attrs });
        if let Some(c) = &q.cue {
            out.push(Paint { start: c.start, end: c.end, classes: vec!["ws-cue".into()], attrs: vec![("data-ws-cue", q.id.clone())] });
        }
    }
    if !opts.no_mentions {
        for (i, e) in ann.entities.iter().enumerate() {
            for m in &e.mentions {
                out.push(Paint {
                    start: m.start,
                    end: m.end,
                    classes: vec!["ws-mention".into(), format!("ws-s{}", i % 8)],
                    attrs: vec![("data-ws-entity", e.id.clone())],
                });
            }
        }
    }
    if !opts.no_claims {
        for c in &ann.claims {
            out.push(Paint {
                start: c.start,
                end: c.end,
                classes: vec!["ws-claim".into(), format!("ws-claim-{:?}", c.kind).to_lowercase()],
                attrs: vec![("data-ws-claim", c.id.clone())],
            });
        }
    }
    out
}

fn document() -> Result<Document, JsError> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsError::new("whosaid: no document"))
}

/// Wraps every atomic piece of every span in a `<mark data-ws>`.
fn paint_wrap(ex: &Extracted, list: &[Paint], opts: &Options) -> Result<usize, JsError> {
    let doc = document()?;
    // Atomic boundaries: every span start and end, every text node boundary.
    let mut cuts: Vec<usize> = list.iter().flat_map(|p| [p.start, p.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut marks = 0;
    // Per text node, the pieces to wrap, processed from the end of the node backwards so
    // the original node keeps its prefix and earlier offsets stay valid.
    for piece in ex.pieces.iter().rev() {
        let (ns, ne) = (piece.start, piece.start + piece.len);
        let lo = cuts.partition_point(|&c| c <= ns);
        let mut bounds: Vec<usize> = vec![ns];
        bounds.extend(cuts[lo..].iter().take_while(|&&c| c < ne).copied());
        bounds.push(ne);
        for w in bounds.windows(2).rev() {
            let (a, b) = (w[0], w[1]);
            if a >= b {
                continue;
            }
            let covering: Vec<&Paint> = list.iter().filter(|p| p.start <= a && b <= p.end).collect();
            if covering.is_empty() {
                continue;
            }
            // Split [a, b) out of the node: the node keeps [ns, a).
            let node = &piece.node;
            let local_a = (a - ns) as u32;
            let local_b = (b - ns) as u32;
            let target: Text = if local_a > 0 { node.split_text(local_a).map_err(js_err)? } else { node.clone() };
            if local_b - local_a < target.length() {
                target.split_text(local_b - local_a).map_err(js_err)?;
            }
            let mark = doc.create_element("mark").map_err(js_err)?;
            mark.set_attribute("data-ws", "").map_err(js_err)?;
            let mut classes: Vec<&str> = covering.iter().flat_map(|p| p.classes.iter().map(String::as_str)).collect();
            classes.sort_unstable();
            classes.dedup();
            mark.set_attribute("class", &classes.join(" ")).map_err(js_err)?;
            for p in &covering {
                for (k, v) in &p.attrs {
                    mark.set_attribute(k, v).map_err(js_err)?;
                }
            }
            if opts.focusable && classes.contains(&"ws-quote") {
                mark.set_attribute("tabindex", "0").map_err(js_err)?;
            }
            let parent = target.parent_node().ok_or_else(|| JsError::new("whosaid: detached text node"))?;
            parent.insert_before(&mark, Some(&target)).map_err(js_err)?;
            mark.append_child(&target).map_err(js_err)?;
            marks += 1;
        }
    }
    Ok(marks)
}

fn js_err(e: JsValue) -> JsError {
    JsError::new(&format!("whosaid: DOM error {e:?}"))
}

/// Paints with the CSS Custom Highlight API: one `Highlight` per class, no DOM change.
/// Returns `None` where the browser has no `CSS.highlights`.
fn paint_highlight(ex: &Extracted, list: &[Paint]) -> Result<Option<usize>, JsError> {
    let global = js_sys::global();
    let css = js_sys::Reflect::get(&global, &"CSS".into()).map_err(js_err)?;
    let registry = if css.is_undefined() { JsValue::UNDEFINED } else { js_sys::Reflect::get(&css, &"highlights".into()).map_err(js_err)? };
    let ctor = js_sys::Reflect::get(&global, &"Highlight".into()).map_err(js_err)?;
    if registry.is_undefined() || ctor.is_undefined() {
        return Ok(None);
    }
    let doc = document()?;
    let ctor: js_sys::Function = ctor.unchecked_into();
    let set: js_sys::Function = js_sys::Reflect::get(&registry, &"set".into()).map_err(js_err)?.unchecked_into();
    let mut by_class: std::collections::BTreeMap<String, js_sys::Array> = Default::default();
    let mut n = 0;
    for p in list {
        // One DOM Range per text node the span touches.
        let first = ex.pieces.partition_point(|x| x.start + x.len <= p.start);
        for piece in ex.pieces[first..].iter().take_while(|x| x.start < p.end) {
            let a = p.start.max(piece.start) - piece.start;
            let b = p.end.min(piece.start + piece.len) - piece.start;
            if a >= b {
                continue;
            }
            let range = doc.create_range().map_err(js_err)?;
            range.set_start(&piece.node, a as u32).map_err(js_err)?;
            range.set_end(&piece.node, b as u32).map_err(js_err)?;
            for c in &p.classes {
                by_class.entry(c.clone()).or_default().push(&range);
            }
            n += 1;
        }
    }
    for (class, ranges) in by_class {
        let h = js_sys::Reflect::construct(&ctor, &ranges).map_err(js_err)?;
        set.call2(&registry, &JsValue::from_str(&class), &h).map_err(js_err)?;
    }
    Ok(Some(n))
}

/// Removes every whosaid highlight from `CSS.highlights`.
fn clear_highlights() {
    let global = js_sys::global();
    let Ok(css) = js_sys::Reflect::get(&global, &"CSS".into()) else { return };
    if css.is_undefined() {
        return;
    }
    let Ok(reg) = js_sys::Reflect::get(&css, &"highlights".into()) else { return };
    if reg.is_undefined() {
        return;
    }
    let keys = js_sys::Reflect::get(&reg, &"keys".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let del = js_sys::Reflect::get(&reg, &"delete".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(keys), Some(del)) = (keys, del) {
        if let Ok(it) = keys.call0(&reg) {
            let names: Vec<JsValue> = js_sys::try_iter(&it).ok().flatten().map(|i| i.filter_map(Result::ok).collect()).unwrap_or_default();
            for k in names {
                if k.as_string().is_some_and(|s| s.starts_with("ws-")) {
                    let _ = del.call1(&reg, &k);
                }
            }
        }
    }
}

/// Paints `annotations` (UTF-16 offsets of `extract_text(el)`) into `el`. Returns the
/// number of marks (or highlight ranges) painted.
#[wasm_bindgen]
pub fn paint(el: &Element, annotations: JsValue, opts: JsValue) -> Result<usize, JsError> {
    let ann: Annotations = serde_wasm_bindgen::from_value(annotations).map_err(|e| JsError::new(&e.to_string()))?;
    let opts = options(&opts);
    clear(el)?;
    let ex = extract(el);
    paint_extracted(&ex, &ann, &opts)
}

fn paint_extracted(ex: &Extracted, ann: &Annotations, opts: &Options) -> Result<usize, JsError> {
    let total = ex.text.encode_utf16().count();
    let list: Vec<Paint> = paints(ann, opts).into_iter().filter(|p| p.start < p.end && p.end <= total).collect();
    if opts.mode.as_deref() == Some("highlight") {
        if let Some(n) = paint_highlight(ex, &list)? {
            return Ok(n);
        }
    }
    paint_wrap(ex, &list, opts)
}

/// Extracts `el`'s text, annotates it and paints the marks in place (clearing earlier
/// marks first, so calling it twice gives the same page). Returns the annotations, with
/// UTF-16 offsets into `extract_text(el)`.
#[wasm_bindgen]
pub fn annotate_element(el: &Element, opts: JsValue) -> Result<JsValue, JsError> {
    let opts = options(&opts);
    clear(el)?;
    let ex = extract(el);
    let ann = crate::annotate(&ex.text).to_utf16(&ex.text);
    paint_extracted(&ex, &ann, &opts)?;
    to_js(&ann)
}

/// Removes every mark whosaid painted in `el` and merges the text nodes painting split, so
/// `el.outerHTML` is exactly what it was; also drops whosaid's highlights.
#[wasm_bindgen]
pub fn clear(el: &Element) -> Result<usize, JsError> {
    clear_highlights();
    let marks = el.query_selector_all("mark[data-ws]").map_err(js_err)?;
    let mut parents: Vec<Node> = Vec::new();
    let n = marks.length();
    for i in 0..n {
        let Some(m) = marks.item(i) else { continue };
        let Some(parent) = m.parent_node() else { continue };
        while let Some(c) = m.first_child() {
            parent.insert_before(&c, Some(&m)).map_err(js_err)?;
        }
        parent.remove_child(&m).map_err(js_err)?;
        if !parents.iter().any(|p| p.is_same_node(Some(&parent))) {
            parents.push(parent);
        }
    }
    for p in parents {
        merge_text_children(&p);
    }
    Ok(n as usize)
}

/// Merges adjacent text children of `p` (what `Node.normalize` does for one level, without
/// touching the rest of the page's subtree).
fn merge_text_children(p: &Node) {
    let mut c = p.first_child();
    while let Some(node) = c {
        if node.node_type() == Node::TEXT_NODE {
            let t: Text = node.clone().unchecked_into();
            while let Some(next) = t.next_sibling() {
                if next.node_type() != Node::TEXT_NODE {
                    break;
                }
                let nt: Text = next.clone().unchecked_into();
                let _ = t.append_data(&nt.data());
                let _ = p.remove_child(&next);
            }
        }
        c = node.next_sibling();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;
    wasm_bindgen_test_configure!(run_in_browser);

    fn fixture(html: &str) -> Element {
        let doc = document().unwrap();
        let el = doc.create_element("div").unwrap();
        // Test fixtures are our own literal HTML, not article text.
        el.set_inner_html(html);
        doc.body().unwrap().append_child(&el).unwrap();
        el
    }

    const HTML: &str = "<p>“We are ready,” said Pentagon press secretary <a href=\"#k\">John Kirby</a>. \
        “And we <em>will</em> go.”</p>\n  <p>He added that the talks had failed twice since 2019.</p>\
        <script>var x = '“not text”';</script>";

    #[wasm_bindgen_test]
    fn extract_skips_scripts_and_separates_blocks() {
        let el = fixture(HTML);
        let t = extract_text(&el);
        assert!(!t.contains("not text"));
        assert!(t.contains("go.”\n\nHe added"), "{t:?}");
        el.remove();
    }

    #[wasm_bindgen_test]
    fn annotate_then_clear_restores_outer_html_and_keeps_text() {
        let el = fixture(HTML);
        let before = el.outer_html();
        let text = el.text_content();
        annotate_element(&el, JsValue::UNDEFINED).unwrap();
        let marks = el.query_selector_all("mark.ws-quote").unwrap().length();
        assert!(marks >= 2, "marks: {marks}");
        assert_eq!(el.text_content(), text, "painting changed the text");
        // The link is still the same element with the same text inside.
        assert_eq!(el.query_selector("a").unwrap().unwrap().text_content().unwrap(), "John Kirby");
        // Idempotent.
        annotate_element(&el, JsValue::UNDEFINED).unwrap();
        assert_eq!(el.query_selector_all("mark.ws-quote").unwrap().length(), marks);
        clear(&el).unwrap();
        assert_eq!(el.outer_html(), before);
        el.remove();
    }

    #[wasm_bindgen_test]
    fn quote_across_an_element_is_painted_piecewise() {
        let el = fixture(HTML);
        annotate_element(&el, JsValue::UNDEFINED).unwrap();
        // “And we <em>will</em> go.”: the quote has marks inside and outside the <em>.
        assert!(el.query_selector("em mark.ws-quote").unwrap().is_some());
        assert!(el.query_selector("mark.ws-quote mark").unwrap().is_none(), "marks never nest");
        clear(&el).unwrap();
        el.remove();
    }

    #[wasm_bindgen_test]
    fn hostile_text_stays_text() {
        let el = fixture("<p id=x></p>");
        let p = el.query_selector("#x").unwrap().unwrap();
        let evil = "“<img src=x onerror=alert(1)> <script>alert(1)</script>,” said Eve Mallory.";
        p.set_text_content(Some(evil));
        annotate_element(&el, JsValue::UNDEFINED).unwrap();
        assert!(el.query_selector("img").unwrap().is_none());
        assert!(el.query_selector("script").unwrap().is_none());
        assert_eq!(el.text_content().unwrap(), evil);
        el.remove();
    }

    #[wasm_bindgen_test]
    fn annotate_text_uses_utf16_offsets() {
        let v = annotate_text("😀 “We are ready,” said John Kirby.").unwrap();
        let ann: Annotations = serde_wasm_bindgen::from_value(v).unwrap();
        assert_eq!(ann.offsets, crate::OffsetUnit::Utf16);
        // 😀 is two UTF-16 units, then a space and the mark: the quote starts at 4.
        assert_eq!(ann.quotes[0].start, 4);
    }
}
