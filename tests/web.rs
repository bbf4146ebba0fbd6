//! The DOM layer in a real browser (wasm-bindgen-test in headless Chromium, see `./dev test`):
//! what text is read from an element, how marks are painted across element boundaries, and
//! that clearing gives back exactly the element that was there.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node, Text};

wasm_bindgen_test_configure!(run_in_browser);

// The DOM code is private to the library (it is exposed to JavaScript, not to Rust), so the
// test compiles the same file as a module of its own. It refers to the core as
// `crate::annotate`, `crate::claims`, `crate::json`, `crate::sort` and `crate::types`, which
// these re-exports provide.
pub use whosaid::{annotate, claims, json, sort, types};
#[allow(dead_code)]
#[path = "../src/web/dom.rs"]
mod dom;

// dom.rs imports its JavaScript half (`super::ws_extract`, …); the library declares the same
// functions too, so this copy imports them under their second names.
use wasm_bindgen::prelude::{wasm_bindgen, JsValue};
#[wasm_bindgen(module = "/src/web/dom.js")]
extern "C" {
    #[wasm_bindgen(js_name = ws_extract_for_tests)]
    fn ws_extract(root: &web_sys::Element) -> js_sys::Array;
    #[wasm_bindgen(catch, js_name = ws_wrap_for_tests)]
    fn ws_wrap(
        nodes: &js_sys::Array,
        plan: &[u32],
        attrs: &str,
        marks: &js_sys::Array,
        splits: &js_sys::Array,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_name = ws_unwrap_for_tests)]
    fn ws_unwrap(marks: &js_sys::Array, splits: &js_sys::Array) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_name = ws_leftovers_for_tests)]
    fn ws_leftovers(root: &web_sys::Element, class: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = ws_can_highlight_for_tests)]
    fn ws_can_highlight() -> bool;
    #[wasm_bindgen(js_name = ws_visible_for_tests)]
    fn ws_visible(nodes: &js_sys::Array) -> js_sys::Array;
    #[wasm_bindgen(catch, js_name = ws_highlight_for_tests)]
    fn ws_highlight(
        nodes: &js_sys::Array,
        spec: &[u32],
        names: &str,
        ids: &str,
        records: &js_sys::Array,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_name = ws_unhighlight_for_tests)]
    fn ws_unhighlight(records: &js_sys::Array) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = ws_ids_at_for_tests)]
    fn ws_ids_at(records: &js_sys::Array, node: &web_sys::Node, offset: u32) -> js_sys::Array;
}

use dom::{clear, extract, PaintOptions, Painter};
use types::{
    Annotations, Claim, ClaimKind, Cue, Entity, EntityKind, OffsetUnit, Phrase, Quote, QuoteKind,
    Span,
};

/// A fresh `<div>` with `html` inside, attached to the page (so computed styles apply).
/// The markup is test fixture, written here; article text never goes through innerHTML.
fn fixture(html: &str) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    div.set_inner_html(html);
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

fn remove(el: &Element) {
    el.remove();
}

/// UTF-16 span of the first occurrence of `needle` in `text`.
fn span16(text: &str, needle: &str) -> (usize, usize) {
    let b = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let s = text[..b].encode_utf16().count();
    (s, s + needle.encode_utf16().count())
}

fn quote(text: &str, id: &str, needle: &str, speaker: Option<&str>) -> Quote {
    let (start, end) = span16(text, needle);
    Quote {
        id: id.into(),
        start,
        end,
        text: needle.into(),
        kind: QuoteKind::Direct,
        speaker: speaker.map(Into::into),
        source: None,
        cue: None,
        confidence: 0.9,
    }
}

fn claim(text: &str, id: &str, needle: &str) -> Claim {
    let (start, end) = span16(text, needle);
    Claim {
        id: id.into(),
        start,
        end,
        text: needle.into(),
        kind: ClaimKind::Statement,
        score: 0.7,
        signals: vec!["event".into()],
        quote: None,
    }
}

fn empty() -> Annotations {
    Annotations {
        version: 2,
        offsets: OffsetUnit::Utf16,
        ..Default::default()
    }
}

fn paint(el: &Element, ann: &Annotations, mode: &str) -> dom::PaintStats {
    let opts = PaintOptions {
        mode: mode.into(),
        ..Default::default()
    };
    let mut p = Painter::new(el, ann, &opts).expect("annotations fit the element");
    p.run().unwrap();
    p.stats
}

fn marks(el: &Element, selector: &str) -> Vec<Element> {
    let list = el.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The concatenated text of the marks whose `data-ws-id` has `id`.
fn marked(el: &Element, id: &str) -> String {
    marks(el, "mark.ws-mark")
        .iter()
        .filter(|m| {
            m.get_attribute("data-ws-id")
                .unwrap()
                .split(' ')
                .any(|t| t == id)
        })
        .map(|m| m.text_content().unwrap())
        .collect()
}

#[wasm_bindgen_test]
fn extract_reads_visible_text_with_paragraph_breaks() {
    let el = fixture(
        "<h2>Title</h2><p>Hello <em>big</em>\n     world.</p><script>var x = 1;</script>\
         <style>p{}</style><div hidden>hidden</div><span aria-hidden=\"true\">icon</span>\
         <p style=\"display:none\">gone</p><ul><li>one</li><li>two<br>three</li></ul>\
         <p>a<br><br>b</p><pre>keep  this\n  as is</pre><noscript>ns</noscript>\
         <textarea>ta</textarea><button>Share</button>  <span>tail</span>",
    );
    let ex = extract(&el);
    assert_eq!(
        ex.text,
        "Title\n\nHello big world.\n\none\n\ntwo\nthree\n\na\n\nb\n\nkeep  this\n  as is\n\ntail"
    );
    assert_eq!(ex.len16, ex.text.encode_utf16().count());
    remove(&el);
}

#[wasm_bindgen_test]
fn extract_treats_computed_blocks_as_paragraphs() {
    // A <span> made a block by CSS is a paragraph; a <div> made inline is not.
    let el = fixture(
        "<span style=\"display:block\">one</span><span style=\"display:block\">two</span>\
         <div style=\"display:inline\">three</div> <div style=\"display:inline\">four</div>",
    );
    assert_eq!(extract(&el).text, "one\n\ntwo\n\nthree four");
    remove(&el);
}

#[wasm_bindgen_test]
fn quote_across_elements_is_painted_per_text_node_and_cleared_exactly() {
    let el = fixture(
        "<p>Kirby said: \u{201c}We are <em>very <a href=\"#x\">ready</a></em>, and we\n   \
         will act.\u{201d}</p><p>\u{201c}Next week <b>we</b> talk,\u{201d} he added.</p>",
    );
    let before = el.outer_html();
    let text_before = el.text_content().unwrap();
    let em = el.query_selector("em").unwrap().unwrap();
    let em_parent = em.parent_node().unwrap();
    let first_text: Text = el
        .query_selector("p")
        .unwrap()
        .unwrap()
        .first_child()
        .unwrap()
        .unchecked_into();

    let ex = extract(&el);
    let t = ex.text.clone();
    assert_eq!(t, "Kirby said: \u{201c}We are very ready, and we will act.\u{201d}\n\n\u{201c}Next week we talk,\u{201d} he added.");
    let mut ann = empty();
    ann.quotes.push(quote(
        &t,
        "q1",
        "We are very ready, and we will act.",
        Some("e1"),
    ));
    ann.quotes
        .push(quote(&t, "q2", "Next week we talk,", Some("e1")));
    // A claim running over the paragraph break.
    ann.claims
        .push(claim(&t, "c1", "will act.\u{201d}\n\n\u{201c}Next week"));
    ann.entities.push(Entity {
        id: "e1".into(),
        name: "Kirby".into(),
        kind: EntityKind::Person,
        title: None,
        mentions: vec![Span::new(0, 5)],
    });
    let stats = paint(&el, &ann, "wrap");
    assert_eq!(stats.mode, "wrap");
    assert_eq!((stats.quotes, stats.claims, stats.mentions), (2, 1, 1));

    // Text, elements and node identity are untouched; only text nodes were split.
    assert_eq!(el.text_content().unwrap(), text_before);
    assert!(em.parent_node().unwrap().is_same_node(Some(&em_parent)));
    assert!(first_text.is_connected());
    assert_eq!(first_text.data(), "Kirby");
    // Each quote's marks spell the quote (the source's whitespace run is inside a mark).
    assert_eq!(
        marked(&el, "q1")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        "We are very ready, and we will act."
    );
    assert_eq!(marked(&el, "q2"), "Next week we talk,");
    assert_eq!(
        marked(&el, "c1").replace(['\u{201d}', '\u{201c}'], ""),
        "will act.Next week"
    );
    assert_eq!(marked(&el, "e1"), "Kirby");
    // One mark per text-node piece: the link's text is marked inside the link.
    let a = el.query_selector("a").unwrap().unwrap();
    let in_link = marks(&a, "mark.ws-quote");
    assert_eq!(in_link.len(), 1);
    assert_eq!(in_link[0].text_content().unwrap(), "ready");
    // Marks never nest.
    assert!(marks(&el, "mark mark").is_empty());
    // The first piece of each quote is a keyboard stop, the others are not.
    let stops: Vec<String> = marks(&el, "mark[tabindex]")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert_eq!(
        stops,
        vec![
            "We are ".to_string(),
            "will act.".into(),
            "Next week".into()
        ]
    );
    // What starts there: two quotes, one claim (which starts inside q1).
    assert_eq!(marks(&el, "mark.ws-qstart").len(), 2);
    let cstart = marks(&el, "mark.ws-cstart");
    assert_eq!(cstart.len(), 1);
    assert!(!cstart[0].class_list().contains("ws-qstart"));
    // Speaker colours.
    assert!(marks(&el, "mark.ws-quote")
        .iter()
        .all(|m| m.get_attribute("data-ws-c").as_deref() == Some("0")));

    clear(&el);
    assert_eq!(el.outer_html(), before);
    assert_eq!(el.text_content().unwrap(), text_before);
    assert!(
        first_text.is_connected(),
        "the original text node is kept, not re-created"
    );
    assert_eq!(first_text.data(), "Kirby said: \u{201c}We are ");
    // No stray empty or split text nodes: same node structure as before.
    let p: Element = el.query_selector("p").unwrap().unwrap();
    assert_eq!(p.child_nodes().length(), 3);
    remove(&el);
}

#[wasm_bindgen_test]
fn repainting_is_idempotent() {
    let el = fixture("<p>\u{201c}Hello <i>there</i>,\u{201d} she said.</p>");
    let before = el.outer_html();
    let t = extract(&el).text;
    let mut ann = empty();
    ann.quotes.push(quote(&t, "q1", "Hello there,", None));
    paint(&el, &ann, "wrap");
    let once = el.outer_html();
    paint(&el, &ann, "wrap");
    assert_eq!(
        el.outer_html(),
        once,
        "painting twice gives the same DOM as once"
    );
    assert_eq!(
        marks(&el, "mark.ws-quote").len(),
        3,
        "\"Hello \", \"there\", \",\""
    );
    // Unattributed quotes use the neutral colour.
    assert!(marks(&el, "mark.ws-quote")
        .iter()
        .all(|m| m.get_attribute("data-ws-c").as_deref() == Some("n")));
    clear(&el);
    assert_eq!(el.outer_html(), before);
    clear(&el); // clearing twice is harmless
    assert_eq!(el.outer_html(), before);
    remove(&el);
}

#[wasm_bindgen_test]
fn overlapping_spans_share_marks_without_nesting() {
    let el = fixture("<p>He said that prices rose 5% last year and will rise again.</p>");
    let t = extract(&el).text;
    let mut ann = empty();
    let mut q = quote(
        &t,
        "q1",
        "prices rose 5% last year and will rise again",
        Some("e1"),
    );
    q.kind = QuoteKind::Indirect;
    let (cs, ce) = span16(&t, "said");
    q.cue = Some(Cue {
        start: cs,
        end: ce,
        text: "said".into(),
    });
    ann.quotes.push(q);
    let mut c = claim(&t, "c1", "prices rose 5% last year");
    c.kind = ClaimKind::Quantity;
    c.quote = Some("q1".into());
    ann.claims.push(c);
    ann.entities.push(Entity {
        id: "e1".into(),
        name: "He".into(),
        kind: EntityKind::Person,
        title: None,
        mentions: vec![Span::new(0, 2)],
    });
    paint(&el, &ann, "wrap");
    let both = marks(&el, "mark.ws-quote.ws-claim");
    assert_eq!(both.len(), 1);
    assert_eq!(both[0].text_content().unwrap(), "prices rose 5% last year");
    assert_eq!(both[0].get_attribute("data-ws-id").unwrap(), "q1 c1");
    assert_eq!(
        both[0].get_attribute("data-ws-label").as_deref(),
        Some("quantity")
    );
    assert!(both[0].class_list().contains("ws-indirect"));
    let cue = marks(&el, "mark.ws-cue");
    assert_eq!(cue.len(), 1);
    assert_eq!(cue[0].text_content().unwrap(), "said");
    assert_eq!(cue[0].get_attribute("data-ws-id").unwrap(), "q1-cue");
    assert_eq!(cue[0].get_attribute("data-ws-u").as_deref(), Some("0"));
    assert_eq!(
        marked(&el, "q1"),
        "prices rose 5% last year and will rise again"
    );
    assert!(marks(&el, "mark mark").is_empty());
    clear(&el);
    remove(&el);
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units() {
    // Astral characters before and inside the quote take two UTF-16 units each.
    let el = fixture(
        "<p>\u{1F600}\u{1F600} \u{201c}Ça va \u{1F44D} très <b>bien</b>,\u{201d} dit-il.</p>",
    );
    let t = extract(&el).text;
    let mut ann = empty();
    ann.quotes
        .push(quote(&t, "q1", "Ça va \u{1F44D} très bien,", None));
    assert_eq!(ann.quotes[0].start, 6);
    paint(&el, &ann, "wrap");
    assert_eq!(marked(&el, "q1"), "Ça va \u{1F44D} très bien,");
    clear(&el);
    remove(&el);
}

#[wasm_bindgen_test]
fn source_phrases_are_painted_in_utf16_and_low_claims_are_left_out() {
    // The source span arrives in UTF-16 units (Annotations::to_utf16) after astral
    // characters; an unnamed source (no speaker) is underlined in the no-speaker colour.
    let el = fixture(
        "<p>\u{1F600} \u{201c}We will not talk,\u{201d} <i>a \u{1F44D} spokeswoman</i> said. Prices rose 3%.</p>",
    );
    let t = extract(&el).text;
    let mut ann = empty();
    let mut q = quote(&t, "q1", "We will not talk,", None);
    let (start, end) = span16(&t, "a \u{1F44D} spokeswoman");
    q.source = Some(Phrase {
        start,
        end,
        text: "a \u{1F44D} spokeswoman".into(),
    });
    ann.quotes.push(q);
    let mut low = claim(&t, "c1", "Prices rose 3%");
    low.score = 0.45;
    ann.claims.push(low);
    let stats = paint(&el, &ann, "wrap");
    assert_eq!(
        (stats.sources, stats.claims),
        (1, 0),
        "the 0.45 claim is below the default threshold"
    );
    assert_eq!(marked(&el, "q1-src"), "a \u{1F44D} spokeswoman");
    for m in marks(&el, "mark.ws-source") {
        assert_eq!(m.get_attribute("data-ws-u").as_deref(), Some("n"));
    }
    assert!(marks(&el, "mark.ws-claim").is_empty());
    // With a lower threshold the claim is painted.
    let opts = PaintOptions {
        threshold: 0.4,
        ..Default::default()
    };
    let mut p = Painter::new(&el, &ann, &opts).unwrap();
    p.run().unwrap();
    assert_eq!(p.stats.claims, 1);
    assert_eq!(marked(&el, "c1"), "Prices rose 3%");
    clear(&el);
    remove(&el);
}

#[wasm_bindgen_test]
fn annotations_for_another_text_are_refused_and_nothing_is_painted() {
    let el = fixture("<p>\u{201c}One,\u{201d} he said.</p>");
    let before = el.outer_html();
    let mut ann = empty();
    ann.quotes.push(Quote {
        id: "q1".into(),
        start: 1,
        end: 4,
        text: "Two".into(),
        kind: QuoteKind::Direct,
        speaker: None,
        source: None,
        cue: None,
        confidence: 1.0,
    });
    let err = Painter::new(&el, &ann, &PaintOptions::default())
        .err()
        .expect("refused");
    assert!(err.contains("q1"), "{err}");
    let mut utf8 = empty();
    utf8.offsets = OffsetUnit::Utf8;
    assert!(Painter::new(&el, &utf8, &PaintOptions::default()).is_err());
    ann.quotes[0].end = 400;
    assert!(Painter::new(&el, &ann, &PaintOptions::default()).is_err());
    assert_eq!(el.outer_html(), before);
    remove(&el);
}

#[wasm_bindgen_test]
fn markup_in_article_text_stays_text() {
    // Text that looks like HTML is data in a text node; painting must keep it data.
    let el = fixture("<p></p>");
    let p = el.query_selector("p").unwrap().unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    let hostile = "\u{201c}<img src=x onerror=alert(1)><b>bold</b>,\u{201d} said Eve.";
    p.append_child(&doc.create_text_node(hostile)).unwrap();
    let before = el.outer_html();
    let t = extract(&el).text;
    let mut ann = empty();
    ann.quotes.push(quote(
        &t,
        "q1",
        "<img src=x onerror=alert(1)><b>bold</b>,",
        None,
    ));
    paint(&el, &ann, "wrap");
    assert!(el.query_selector("img").unwrap().is_none());
    assert!(el.query_selector("b").unwrap().is_none());
    assert_eq!(el.text_content().unwrap(), hostile);
    assert_eq!(
        marked(&el, "q1"),
        "<img src=x onerror=alert(1)><b>bold</b>,"
    );
    clear(&el);
    assert_eq!(el.outer_html(), before);
    remove(&el);
}

#[wasm_bindgen_test]
fn highlight_mode_changes_no_dom() {
    let el = fixture("<p>\u{201c}We are <em>ready</em>,\u{201d} said Kirby.</p>");
    let before = el.outer_html();
    let t = extract(&el).text;
    let mut ann = empty();
    ann.quotes
        .push(quote(&t, "q1", "We are ready,", Some("e1")));
    let stats = paint(&el, &ann, "highlight");
    assert_eq!(
        stats.mode, "highlight",
        "Chromium has the CSS Custom Highlight API"
    );
    assert_eq!(stats.ranges, 1);
    assert_eq!(el.outer_html(), before);
    let registry = js_sys::Reflect::get(
        &js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).unwrap(),
        &"highlights".into(),
    )
    .unwrap();
    let has = |name: &str| -> bool {
        let f: js_sys::Function = js_sys::Reflect::get(&registry, &"has".into())
            .unwrap()
            .unchecked_into();
        f.call1(&registry, &name.into()).unwrap().as_bool().unwrap()
    };
    assert!(has("ws-quote-0"));
    // Hit-testing: a point inside "ready" is in q1, a point in "said" is not.
    let em = el.query_selector("em").unwrap().unwrap();
    let ready: Node = em.first_child().unwrap();
    assert_eq!(dom::ids_at(&el, &ready, 2), vec!["q1".to_string()]);
    let tail: Node = el
        .query_selector("p")
        .unwrap()
        .unwrap()
        .last_child()
        .unwrap();
    assert!(dom::ids_at(&el, &tail, 5).is_empty());
    clear(&el);
    assert!(!has("ws-quote-0"));
    assert_eq!(el.outer_html(), before);
    remove(&el);
}

#[wasm_bindgen_test]
fn engine_annotations_paint_and_clear_on_an_article() {
    let el = fixture(
        "<article><h1>Talks fail</h1><p>\u{201c}We have made multiple attempts here,\u{201d} \
         said Pentagon press secretary <a href=\"#k\">John Kirby</a>. \u{201c}We are \
         <em>ready</em> to talk.\u{201d}</p><p>Kirby said that the talks had failed and that \
         prices rose 5 percent last year.</p></article>",
    );
    let before = el.outer_html();
    let text_before = el.text_content().unwrap();
    let (mut p, ann) = Painter::annotate(&el, &PaintOptions::default());
    p.run().unwrap();
    let stats = p.stats;
    assert!(ann.quotes.len() >= 2, "{:?}", ann.quotes);
    assert_eq!(stats.quotes, ann.quotes.len());
    assert_eq!(el.text_content().unwrap(), text_before);
    for q in &ann.quotes {
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(norm(&marked(&el, &q.id)), norm(&q.text), "{}", q.id);
    }
    let once = el.outer_html();
    Painter::annotate(&el, &PaintOptions::default())
        .0
        .run()
        .unwrap();
    assert_eq!(el.outer_html(), once, "re-annotating is idempotent");
    clear(&el);
    assert_eq!(el.outer_html(), before);
    remove(&el);
}

#[wasm_bindgen_test]
fn stepwise_painting_reports_progress_and_clear_cancels_it() {
    let html: String = (0..40)
        .map(|i| format!("<p>\u{201c}Line {i} here,\u{201d} he said.</p>"))
        .collect();
    let el = fixture(&html);
    let before = el.outer_html();
    let t = extract(&el).text;
    let mut ann = empty();
    for i in 0..40 {
        let needle = format!("Line {i} here,");
        ann.quotes
            .push(quote(&t, &format!("q{}", i + 1), &needle, None));
    }
    let mut p = Painter::new(&el, &ann, &PaintOptions::default()).unwrap();
    assert_eq!(p.progress(), 0.0);
    assert!(!p.step(10).unwrap());
    assert!((p.progress() - 0.25).abs() < 1e-9);
    assert_eq!(marks(&el, "mark").len(), 10);
    clear(&el);
    assert_eq!(el.outer_html(), before);
    assert!(p.step(10).unwrap(), "a cleared painter stops");
    assert_eq!(el.outer_html(), before);
    remove(&el);
}

/// A tall article at the top left of the page, one quote per paragraph (`n` of them), with
/// its annotations: more than a viewport high, so only some of it shows.
fn tall_article(n: usize) -> (Element, Annotations) {
    let html: String = (0..n)
        .map(|i| format!("<p>\u{201c}Line {i} here,\u{201d} he said.</p>"))
        .collect();
    let el = fixture(&html);
    el.set_attribute(
        "style",
        "position:absolute;top:0;left:0;width:30em;font:16px/20px serif;background:#fff",
    )
    .unwrap();
    let t = extract(&el).text;
    let mut ann = empty();
    for i in 0..n {
        let needle = format!("Line {i} here,");
        ann.quotes
            .push(quote(&t, &format!("q{}", i + 1), &needle, None));
    }
    (el, ann)
}

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

/// `el.getBoundingClientRect()`'s top and bottom (web-sys's DomRect is not a feature here).
fn top_bottom(el: &Element) -> (f64, f64) {
    let f: js_sys::Function = js_sys::Reflect::get(el, &"getBoundingClientRect".into())
        .unwrap()
        .unchecked_into();
    let r = f.call0(el).unwrap();
    let get = |k: &str| {
        js_sys::Reflect::get(&r, &k.into())
            .unwrap()
            .as_f64()
            .unwrap()
    };
    (get("top"), get("bottom"))
}

/// The quote numbers (`q12` → 12) painted in `el`, wrap mode.
fn painted_quotes(el: &Element) -> Vec<usize> {
    marks(el, "mark.ws-quote")
        .iter()
        .map(|m| m.get_attribute("data-ws-id").unwrap()[1..].parse().unwrap())
        .collect()
}

#[wasm_bindgen_test]
fn prioritize_paints_what_shows_first_then_the_rest() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
    let (el, ann) = tall_article(300);
    let before = el.outer_html();
    let view = window().inner_height().unwrap().as_f64().unwrap();
    let mut p = Painter::new(&el, &ann, &PaintOptions::default()).unwrap();
    let n = p.prioritize();
    assert!(n > 0 && n < 300, "{n} of 300 paragraphs show");
    assert_eq!(p.progress(), 0.0, "nothing painted by prioritize");
    assert!(!p.step(n).unwrap());
    let first = painted_quotes(&el);
    assert_eq!(first.len(), n);
    assert!(
        first.contains(&1),
        "the top paragraph is painted first: {first:?}"
    );
    for m in marks(&el, "mark.ws-quote") {
        let (top, bottom) = top_bottom(&m);
        assert!(
            bottom >= 0.0 && top <= view * 1.25,
            "a mark painted first is on screen or just below it: top {top} (viewport {view})"
        );
    }
    assert!(!first.contains(&300), "the bottom paragraph waits");
    // The rest, in document order after what showed.
    assert!(!p.step(5).unwrap());
    let next = painted_quotes(&el);
    let last_shown = *first.iter().max().unwrap();
    let added: Vec<usize> = next.into_iter().filter(|q| !first.contains(q)).collect();
    assert_eq!(added, (last_shown + 1..last_shown + 6).collect::<Vec<_>>());
    p.run().unwrap();
    assert_eq!(painted_quotes(&el), (1..=300).collect::<Vec<_>>());
    assert_eq!(p.progress(), 1.0);
    clear(&el);
    assert_eq!(el.outer_html(), before);
    remove(&el);
}

#[wasm_bindgen_test]
fn prioritize_follows_the_scroll_position() {
    let (el, ann) = tall_article(300);
    let before = el.outer_html();
    // Paragraph 150 at the top of the viewport.
    let target = top_bottom(&marks(&el, "p")[149]).0;
    window().scroll_to_with_x_and_y(0.0, target);
    let mut p = Painter::new(&el, &ann, &PaintOptions::default()).unwrap();
    let n = p.prioritize();
    p.step(n).unwrap();
    let first = painted_quotes(&el);
    window().scroll_to_with_x_and_y(0.0, 0.0);
    assert!(n > 0 && n < 150, "{n}");
    assert!(first.contains(&150) && !first.contains(&1), "{first:?}");
    // After the window: the paragraphs below it, then the ones above.
    p.step(300).unwrap();
    assert_eq!(painted_quotes(&el), (1..=300).collect::<Vec<_>>());
    clear(&el);
    assert_eq!(el.outer_html(), before);
    remove(&el);
}

#[wasm_bindgen_test]
fn prioritize_in_highlight_mode_registers_what_shows_first() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
    let (el, ann) = tall_article(300);
    let before = el.outer_html();
    let opts = PaintOptions {
        mode: "highlight".into(),
        ..Default::default()
    };
    let mut p = Painter::new(&el, &ann, &opts).unwrap();
    let n = p.prioritize();
    assert!(n > 0 && n < 300, "{n}");
    assert!(!p.step(n).unwrap());
    assert_eq!(p.stats.ranges, n);
    // The top paragraph's quote is highlighted, the bottom one's not yet.
    let top: Node = marks(&el, "p")[0].first_child().unwrap();
    let bottom: Node = marks(&el, "p")[299].first_child().unwrap();
    assert_eq!(dom::ids_at(&el, &top, 3), vec!["q1".to_string()]);
    assert!(dom::ids_at(&el, &bottom, 3).is_empty());
    assert!(p.step(1_000_000).unwrap());
    assert_eq!(p.stats.ranges, 300);
    assert_eq!(dom::ids_at(&el, &bottom, 3), vec!["q300".to_string()]);
    assert_eq!(el.outer_html(), before, "highlights change no DOM");
    clear(&el);
    remove(&el);
}

#[wasm_bindgen_test]
fn prioritize_without_layout_changes_nothing() {
    // Not in the document: nothing shows, the order stays the document's.
    let doc = window().document().unwrap();
    let div = doc.create_element("div").unwrap();
    div.set_inner_html(
        "<p>\u{201c}One here,\u{201d} he said.</p><p>\u{201c}Two here,\u{201d} she said.</p>",
    );
    let t = extract(&div).text;
    let mut ann = empty();
    ann.quotes.push(quote(&t, "q1", "One here,", None));
    ann.quotes.push(quote(&t, "q2", "Two here,", None));
    let mut p = Painter::new(&div, &ann, &PaintOptions::default()).unwrap();
    assert_eq!(p.prioritize(), 0);
    p.step(1).unwrap();
    assert_eq!(painted_quotes(&div), vec![1]);
    p.run().unwrap();
    assert_eq!(painted_quotes(&div), vec![1, 2]);
}

#[wasm_bindgen_test]
fn extract_of_a_detached_element_goes_by_tag() {
    // Not in the document: no computed style, so blocks are known by their tag.
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    div.set_inner_html(
        "<p>One <b>two</b></p><p hidden>no</p><blockquote>three</blockquote>four<pre> a  b </pre>",
    );
    assert!(!div.is_connected());
    assert_eq!(extract(&div).text, "One two\n\nthree\n\nfour\n\n a  b ");
}
