//! The DOM half of the web layer: read an element's article text, map the core's offsets back
//! to text nodes, paint marks, and take them away again so the element is exactly as before.
//!
//! Nothing here knows any NLP: it only turns DOM into a string, and `[start, end)` spans of
//! that string (UTF-16 code units, as `Annotations::to_utf16` gives them) back into DOM.
//! The DOM itself is walked and changed by the JavaScript half, src/web/dom.js, one call per
//! job (reading the element, wrapping a batch of text nodes, undoing it): what to do is
//! decided here, the many small DOM calls are made there, with no wasm boundary between them.
//!
//! ## What counts as article text ([`extract`], `ws_extract` in dom.js)
//! The text a reader sees, in document order, roughly what `innerText` gives:
//! - Skipped with everything inside: `script`, `style`, `noscript`, `template`, `textarea`,
//!   `svg`, `math`, form controls (`button`, `select`, `input`, `option`), embedded content
//!   (`iframe`, `object`, `canvas`, `video`, `audio`), elements with the `hidden` attribute,
//!   with `aria-hidden="true"` (pages use it for decorative and duplicated text, which is not
//!   the article and which a screen reader does not read either), and — when the element is in
//!   a rendered document — elements whose computed `display` is `none` or whose `visibility`
//!   is `hidden`/`collapse`. Elements carrying `data-whosaid-skip` are skipped too.
//! - Block boundaries become a blank line (`"\n\n"`) so the core sees paragraphs. Whether an
//!   element is a block comes from its computed `display` (anything but `inline*`/`contents`)
//!   when it is rendered, else from its tag (`p`, `div`, `li`, `h1`–`h6`, `blockquote`, …).
//!   `<br>` is a line break (`"\n"`); two in a row make a paragraph break.
//! - Whitespace collapses as CSS `white-space: normal` does: a run of spaces, tabs and
//!   newlines is one space, dropped at the start and end of a block. Inside `pre` (or computed
//!   `white-space: pre`, `pre-wrap`, `break-spaces`) text is copied as it is.
//!
//! Every piece of the extracted text that came from a text node keeps its place in that node
//! ([`Seg`]); the breaks inserted between blocks map to no node. A collapsed whitespace run
//! maps to the whole run, so a mark that covers it covers the run.
//!
//! ## Painting ([`Painter`], `ws_wrap` in dom.js)
//! Wrap mode cuts text nodes at span boundaries and wraps each covered piece in one
//! `<mark class="ws-mark …">` carrying the classes of every span that covers it (`ws-quote`,
//! `ws-claim`, `ws-cue`, `ws-speaker`, `ws-source`: the quote's source phrase as written);
//! ranges that run across `<em>`, `<a>` or several paragraphs become one mark per text node.
//! Elements are never moved or re-created: a cut text node keeps its first piece, the other
//! pieces become new text nodes right after it, and the marked ones are put inside new marks
//! in the same place. Highlight mode uses the CSS Custom Highlight API instead and changes no
//! DOM at all.
//!
//! ## Clearing ([`clear`])
//! Every painted element is remembered with the marks it got and the text nodes that were
//! cut. Clearing unwraps the marks and joins the pieces back into the original text node
//! (the node the page may hold a reference to keeps its identity), so `outerHTML`,
//! `textContent` and the node tree are what they were.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};

use crate::types::{Annotations, OffsetUnit, QuoteKind};

/// Marks every wrap-mode element gets, so [`clear`] can find leftovers of a lost state.
pub const MARK_CLASS: &str = "ws-mark";

/// Number of speaker colours; speakers beyond it reuse colours in order.
pub const PALETTE: usize = 8;

/// A run of the extracted text that came from one text node: `len` code units of the text at
/// `start` stand for `node_len` code units of node `node` at `node_start`. The two lengths
/// differ only for a collapsed whitespace run (`len` 1).
#[derive(Debug, Clone, Copy)]
struct Seg {
    node: usize,
    node_start: usize,
    node_len: usize,
    start: usize,
    len: usize,
}

/// An element's article text and the way back from its offsets to text nodes.
pub struct Extract {
    /// The text the core reads.
    pub text: String,
    /// Its length in UTF-16 code units (the unit of every offset here).
    pub len16: usize,
    /// The text nodes it came from (a JS array of `Text`), indexed by [`Seg::node`].
    nodes: js_sys::Array,
    segs: Vec<Seg>,
}

/// A span of one text node, in the node's UTF-16 offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NodeRange {
    node: usize,
    start: usize,
    end: usize,
}

impl Extract {
    /// The text-node pieces that make up `[start, end)` of the text, in document order.
    /// Breaks between blocks belong to no node and are left out.
    fn node_ranges(&self, start: usize, end: usize) -> Vec<NodeRange> {
        let mut out: Vec<NodeRange> = Vec::new();
        if start >= end {
            return out;
        }
        let first = self.segs.partition_point(|s| s.start + s.len <= start);
        for s in &self.segs[first..] {
            if s.start >= end {
                break;
            }
            let (a, b) = if s.len == s.node_len {
                let a = start.max(s.start) - s.start;
                let b = end.min(s.start + s.len) - s.start;
                (s.node_start + a, s.node_start + b)
            } else {
                (s.node_start, s.node_start + s.node_len)
            };
            if a >= b {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.node == s.node && last.end == a => last.end = b,
                _ => out.push(NodeRange {
                    node: s.node,
                    start: a,
                    end: b,
                }),
            }
        }
        out
    }
}

// The walk itself is `ws_extract` in src/web/dom.js: one call into JavaScript for the whole
// element instead of several per node and per element (a crossing of the wasm boundary
// costs about a microsecond, and reading a computed style from wasm several), which reads a
// 10,000-word article about three times faster. The imports are declared by the including
// module (`super`), so this file can also be compiled into the browser tests without two
// copies of the same import.
use super::{
    ws_can_highlight, ws_extract, ws_highlight, ws_ids_at, ws_leftovers, ws_unhighlight, ws_unwrap,
    ws_visible, ws_wrap,
};

/// Reads `root`'s article text (see the module docs for what is included and how).
pub fn extract(root: &Element) -> Extract {
    let r = ws_extract(root);
    let nodes: js_sys::Array = r.get(0).unchecked_into();
    let text = r.get(1).as_string().unwrap_or_default();
    let raw = js_sys::Uint32Array::from(r.get(2)).to_vec();
    let segs = raw
        .chunks_exact(5)
        .map(|c| Seg {
            node: c[0] as usize,
            node_start: c[1] as usize,
            node_len: c[2] as usize,
            start: c[3] as usize,
            len: c[4] as usize,
        })
        .collect();
    Extract {
        len16: text.encode_utf16().count(),
        text,
        nodes,
        segs,
    }
}

/// What to paint and how; the JS side passes it as a plain object (all fields optional,
/// read by `options` in web.rs).
#[derive(Debug, Clone)]
pub struct PaintOptions {
    /// `"wrap"` (default): `<mark>` elements. `"highlight"`: CSS Custom Highlight API, no DOM
    /// change (falls back to wrapping where the browser lacks it). `"auto"`: highlight when
    /// available.
    pub mode: String,
    /// Give the first mark of each quote and claim `tabindex="0"` so keyboard users reach it.
    pub focusable: bool,
    pub quotes: bool,
    pub claims: bool,
    pub cues: bool,
    /// Mentions of entities that speak (`ws-speaker`).
    pub speakers: bool,
    /// Each quote's source phrase as written (`ws-source`): `a spokeswoman`, `he`.
    pub sources: bool,
    /// Only claims scoring at least this are painted (the others stay in the annotations).
    /// Default: [`crate::claims::SHOW_THRESHOLD`], where claim precision on the dev gold is
    /// at least 0.90.
    pub threshold: f32,
}

impl Default for PaintOptions {
    fn default() -> Self {
        PaintOptions {
            mode: "wrap".into(),
            focusable: true,
            quotes: true,
            claims: true,
            cues: true,
            speakers: true,
            sources: true,
            threshold: crate::claims::SHOW_THRESHOLD,
        }
    }
}

/// What a paint did, for the caller's legend and logs (to JS as [`PaintStats::to_json`]).
#[derive(Debug, Clone, Default)]
pub struct PaintStats {
    /// `"wrap"` or `"highlight"`: the mode actually used.
    pub mode: String,
    /// `<mark>` elements created (wrap mode).
    pub marks: usize,
    /// Highlight ranges registered (highlight mode).
    pub ranges: usize,
    pub quotes: usize,
    /// Claims painted (those at or above the threshold).
    pub claims: usize,
    pub mentions: usize,
    /// Source phrases painted.
    pub sources: usize,
    /// Speakers in colour order: `slot` is the palette index the marks use.
    pub speakers: Vec<SpeakerSlot>,
    /// Length of the extracted text in UTF-16 code units.
    pub text_length: usize,
}

#[derive(Debug, Clone)]
pub struct SpeakerSlot {
    pub id: String,
    pub slot: usize,
    pub quotes: usize,
}

impl PaintStats {
    /// The stats as JSON, field names in camelCase: `{"mode":"wrap","marks":…,"textLength":…}`.
    pub fn to_json(&self) -> String {
        let mut w = crate::json::Writer::new();
        w.raw("{\"mode\":").str(&self.mode);
        for (k, v) in [
            ("marks", self.marks),
            ("ranges", self.ranges),
            ("quotes", self.quotes),
            ("claims", self.claims),
            ("mentions", self.mentions),
            ("sources", self.sources),
        ] {
            w.raw(",\"").raw(k).raw("\":").uint(v);
        }
        w.raw(",\"speakers\":").list(&self.speakers, |w, s| {
            w.raw("{\"id\":").str(&s.id);
            w.raw(",\"slot\":").uint(s.slot);
            w.raw(",\"quotes\":").uint(s.quotes).raw("}");
        });
        w.raw(",\"textLength\":").uint(self.text_length).raw("}");
        w.into_string()
    }
}

/// One span to paint, with what its marks say.
struct Label {
    /// Token in `data-ws-id`: `q1`, `q1-cue`, `q1-src`, `c1`, `e1`.
    id: String,
    /// Its classes, space-separated.
    class: String,
    /// What it is: a quote (background), a claim, or a line (cue, source, speaker mention).
    kind: LabelKind,
    /// Palette slot (`0`‥ or `n`: no speaker): the background of a quote (`data-ws-c`), the
    /// underline of a line (`data-ws-u`).
    slot: &'static str,
    /// The speaking entity (`data-ws-s`), so a page can show or hide one speaker's marks.
    speaker: Option<String>,
    /// Its first piece is a keyboard stop (`ws-start`, plus `start_class` naming what starts).
    anchor: bool,
    start_class: &'static str,
    /// Shown after its last piece (`data-ws-label`), e.g. a claim's kind.
    end_label: Option<&'static str>,
    ranges: Vec<NodeRange>,
}

/// What a label is; also its priority among CSS highlights.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    Quote = 0,
    Claim = 1,
    Line = 2,
}

impl Label {
    /// Its CSS highlight name in highlight mode.
    fn highlight(&self) -> String {
        match self.kind {
            LabelKind::Quote => format!("ws-quote-{}", self.slot),
            LabelKind::Claim => "ws-claim".into(),
            LabelKind::Line => format!("ws-line-{}", self.slot),
        }
    }
}

/// Palette slots as the marks name them.
const SLOTS: [&str; PALETTE] = ["0", "1", "2", "3", "4", "5", "6", "7"];

/// A piece of one text node and the labels covering it.
struct Piece {
    start: usize,
    end: usize,
    labels: Vec<usize>,
}

struct NodePlan {
    node: usize,
    /// In node order, non-overlapping.
    pieces: Vec<Piece>,
}

/// Turns annotations into labels with their node ranges.
fn labels(
    ann: &Annotations,
    ex: &Extract,
    opts: &PaintOptions,
    stats: &mut PaintStats,
) -> Vec<Label> {
    let mut slots: Vec<SpeakerSlot> = Vec::new();
    for q in &ann.quotes {
        if let Some(sp) = &q.speaker {
            match slots.iter_mut().find(|s| &s.id == sp) {
                Some(s) => s.quotes += 1,
                None => {
                    let slot = slots.len() % PALETTE;
                    slots.push(SpeakerSlot {
                        id: sp.clone(),
                        slot,
                        quotes: 1,
                    });
                }
            }
        }
    }
    let slot_of = |id: &Option<String>| -> &'static str {
        id.as_ref()
            .and_then(|id| slots.iter().find(|s| &s.id == id))
            .map_or("n", |s| SLOTS[s.slot])
    };

    let mut out = Vec::new();
    if opts.quotes {
        for q in &ann.quotes {
            out.push(Label {
                id: q.id.clone(),
                class: match q.kind {
                    QuoteKind::Direct => "ws-quote ws-direct",
                    QuoteKind::Indirect => "ws-quote ws-indirect",
                }
                .into(),
                kind: LabelKind::Quote,
                slot: slot_of(&q.speaker),
                speaker: q.speaker.clone(),
                anchor: true,
                start_class: "ws-qstart",
                end_label: None,
                ranges: ex.node_ranges(q.start, q.end),
            });
            stats.quotes += 1;
        }
    }
    // A line: underlined in its speaker's colour, never an anchor.
    let line =
        |id: String, class: &str, speaker: &Option<String>, start: usize, end: usize| Label {
            id,
            class: class.into(),
            kind: LabelKind::Line,
            slot: slot_of(speaker),
            speaker: speaker.clone(),
            anchor: false,
            start_class: "",
            end_label: None,
            ranges: ex.node_ranges(start, end),
        };
    if opts.cues {
        for q in &ann.quotes {
            if let Some(c) = &q.cue {
                out.push(line(
                    format!("{}-cue", q.id),
                    "ws-cue",
                    &q.speaker,
                    c.start,
                    c.end,
                ));
            }
        }
    }
    if opts.sources {
        for q in &ann.quotes {
            if let Some(p) = &q.source {
                out.push(line(
                    format!("{}-src", q.id),
                    "ws-source",
                    &q.speaker,
                    p.start,
                    p.end,
                ));
                stats.sources += 1;
            }
        }
    }
    if opts.speakers {
        for e in &ann.entities {
            if !slots.iter().any(|s| s.id == e.id) {
                continue;
            }
            let who = Some(e.id.clone());
            for m in &e.mentions {
                out.push(line(e.id.clone(), "ws-speaker", &who, m.start, m.end));
                stats.mentions += 1;
            }
        }
    }
    if opts.claims {
        for c in ann.claims.iter().filter(|c| c.score >= opts.threshold) {
            let kind = c.kind.as_str();
            out.push(Label {
                id: c.id.clone(),
                class: format!("ws-claim ws-claim-{kind}"),
                kind: LabelKind::Claim,
                slot: "",
                speaker: None,
                anchor: true,
                start_class: "ws-cstart",
                end_label: Some(kind),
                ranges: ex.node_ranges(c.start, c.end),
            });
            stats.claims += 1;
        }
    }
    stats.speakers = slots;
    out
}

/// Cuts every text node into pieces at label boundaries: a sweep over each node's ranges.
fn plan(labels: &[Label]) -> Vec<NodePlan> {
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new(); // node, start, end, label
    for (li, l) in labels.iter().enumerate() {
        for r in &l.ranges {
            spans.push((r.node, r.start, r.end, li));
        }
    }
    // Stable or not, sorting plain tuples gives one order; `by_key` ships no second sort.
    crate::sort::by_key(&mut spans, |s| *s);
    let mut plans = Vec::new();
    let mut i = 0;
    while i < spans.len() {
        let node = spans[i].0;
        let mut j = i;
        while j < spans.len() && spans[j].0 == node {
            j += 1;
        }
        let group = &spans[i..j];
        let mut cuts: Vec<usize> = group.iter().flat_map(|s| [s.1, s.2]).collect();
        crate::sort::by_key(&mut cuts, |c| *c);
        cuts.dedup();
        let mut pieces = Vec::new();
        let mut active: Vec<(usize, usize)> = Vec::new(); // (end, label)
        let mut next = 0;
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            active.retain(|&(end, _)| end > a);
            while next < group.len() && group[next].1 <= a {
                if group[next].2 > a {
                    active.push((group[next].2, group[next].3));
                }
                next += 1;
            }
            if !active.is_empty() {
                let mut ls: Vec<usize> = active.iter().map(|x| x.1).collect();
                crate::sort::by_key(&mut ls, |l| *l);
                ls.dedup();
                pieces.push(Piece {
                    start: a,
                    end: b,
                    labels: ls,
                });
            }
        }
        plans.push(NodePlan { node, pieces });
        i = j;
    }
    plans
}

/// Everything one paint changed, so [`clear`] can undo it.
struct Painted {
    id: u32,
    root: Element,
    /// The marks (a JS array, filled by `ws_wrap`).
    marks: js_sys::Array,
    /// For each cut text node (which keeps its first piece), `[node, ...the new text nodes
    /// holding the other pieces, in document order]` (a JS array of arrays).
    splits: js_sys::Array,
    /// Highlight mode: (highlight name, range, ids) for each registered range.
    /// Highlight mode: `[name, range, id]` for each registered range (a JS array, filled by
    /// `ws_highlight`).
    ranges: js_sys::Array,
}

thread_local! {
    static PAINTED: RefCell<Vec<Painted>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// Paints annotations into an element, all at once ([`Painter::run`]) or a few units at a
/// time ([`Painter::step`]): text nodes in wrap mode, labels (each its highlight range) in
/// highlight mode. [`Painter::prioritize`] puts the units on screen first, so a page can show
/// the marks a reader sees in the first frame and paint the rest in later ones.
pub struct Painter {
    id: u32,
    ex: Extract,
    labels: Vec<Label>,
    plans: Vec<NodePlan>,
    /// The units in the order they are painted: indices into `plans` (wrap mode) or `labels`
    /// (highlight mode); document order unless [`Painter::prioritize`] changed it.
    order: Vec<u32>,
    /// How many of `order` are painted.
    next: usize,
    highlight: bool,
    focusable: bool,
    pub stats: PaintStats,
}

impl Painter {
    /// Clears `root`, reads its text, checks that `ann` (UTF-16 offsets) was computed on that
    /// text, and prepares the marks. Nothing is painted yet.
    pub fn new(root: &Element, ann: &Annotations, opts: &PaintOptions) -> Result<Painter, String> {
        clear(root);
        let ex = extract(root);
        check(ann, &ex)?;
        Ok(Painter::with_extract(root, ex, ann, opts))
    }

    /// Prepares the marks of `ann` on `ex`, the text just read from `root` (cleared), which
    /// `ann` was computed on.
    fn with_extract(
        root: &Element,
        ex: Extract,
        ann: &Annotations,
        opts: &PaintOptions,
    ) -> Painter {
        let mut stats = PaintStats {
            text_length: ex.len16,
            ..Default::default()
        };
        let labels = labels(ann, &ex, opts, &mut stats);
        let want_highlight = matches!(opts.mode.as_str(), "highlight" | "auto");
        let highlight = want_highlight && ws_can_highlight();
        stats.mode = if highlight { "highlight" } else { "wrap" }.into();
        let plans = if highlight { Vec::new() } else { plan(&labels) };
        let units = if highlight { labels.len() } else { plans.len() };
        let order = (0..units as u32).collect();
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1));
            id
        });
        PAINTED.with(|p| {
            p.borrow_mut().push(Painted {
                id,
                root: root.clone(),
                marks: js_sys::Array::new(),
                splits: js_sys::Array::new(),
                ranges: js_sys::Array::new(),
            })
        });
        Painter {
            id,
            ex,
            labels,
            plans,
            order,
            next: 0,
            highlight,
            focusable: opts.focusable,
            stats,
        }
    }

    /// Share of the work done, in [0, 1].
    pub fn progress(&self) -> f64 {
        if self.order.is_empty() {
            return 1.0;
        }
        self.next.min(self.order.len()) as f64 / self.order.len() as f64
    }

    /// Puts first the units that show in the viewport (or just below it), then those after
    /// them in the document, then those before; returns how many show. Reads the layout
    /// (`ws_visible`: a binary search over the text nodes' boxes), so call it before painting,
    /// while the element is laid out. Only before the first step: afterwards it does nothing.
    pub fn prioritize(&mut self) -> usize {
        if self.next > 0 || self.order.is_empty() {
            return 0;
        }
        let w = ws_visible(&self.ex.nodes);
        let at = |i| w.get(i).as_f64().unwrap_or(0.0) as u32;
        let (lo, hi) = (at(0), at(1));
        if lo >= hi {
            return 0;
        }
        // Each unit's group: 0 shows, 1 comes after what shows, 2 before it. A unit is a
        // text node (wrap) or a label, which spans its first to its last node.
        let group = |u: u32| -> u8 {
            let (first, last) = if self.highlight {
                let r = &self.labels[u as usize].ranges;
                (
                    r.first().map_or(0, |r| r.node),
                    r.last().map_or(0, |r| r.node),
                )
            } else {
                let n = self.plans[u as usize].node;
                (n, n)
            };
            match (first < hi as usize, last >= lo as usize) {
                (true, true) => 0,
                (false, _) => 1,
                _ => 2,
            }
        };
        let mut order = Vec::with_capacity(self.order.len());
        let mut shown = 0;
        for g in 0..3 {
            order.extend(self.order.iter().copied().filter(|&u| group(u) == g));
            if g == 0 {
                shown = order.len();
            }
        }
        self.order = order;
        shown
    }

    pub fn done(&self) -> bool {
        self.progress() >= 1.0
    }

    /// Paints up to `max_nodes` more units (text nodes, or labels in highlight mode).
    /// Returns whether painting is finished. Stops (finished) if the element was cleared
    /// meanwhile.
    pub fn step(&mut self, max_nodes: usize) -> Result<bool, JsValue> {
        if self.done() {
            return Ok(true);
        }
        let alive = PAINTED.with(|p| p.borrow().iter().any(|x| x.id == self.id));
        if !alive {
            self.next = self.order.len();
            return Ok(true);
        }
        let end = self
            .next
            .saturating_add(max_nodes.max(1))
            .min(self.order.len());
        let units = self.next..end;
        self.next = end;
        if self.highlight {
            self.paint_highlights(units)?;
            return Ok(self.done());
        }
        // What to do, for `ws_wrap`: per node its index, piece count and pieces; per piece the
        // seven attribute values, each ended by \x1f.
        let mut plan: Vec<u32> = Vec::new();
        let mut attrs = String::new();
        for &u in &self.order[units] {
            let np = &self.plans[u as usize];
            plan.push(np.node as u32);
            plan.push(np.pieces.len() as u32);
            for piece in &np.pieces {
                plan.push(piece.start as u32);
                plan.push(piece.end as u32);
                self.dress(&mut attrs, np.node, piece);
            }
        }
        let (marks, splits) = PAINTED.with(|p| {
            let p = p.borrow();
            let x = p.iter().find(|x| x.id == self.id);
            x.map(|x| (x.marks.clone(), x.splits.clone()))
                .unwrap_or_default()
        });
        let before = marks.length();
        let result = ws_wrap(&self.ex.nodes, &plan, &attrs, &marks, &splits);
        self.stats.marks += (marks.length() - before) as usize;
        result?;
        Ok(self.done())
    }

    /// Paints everything (the tests' way; the embed paints in steps).
    #[allow(dead_code)]
    pub fn run(&mut self) -> Result<(), JsValue> {
        while !self.step(usize::MAX / 4)? {}
        Ok(())
    }

    /// Appends the attributes of a piece's mark to `out`, from the labels covering it: class,
    /// `data-ws-id`, `data-ws-c`, `data-ws-u`, `data-ws-s`, `data-ws-label` and `tabindex`,
    /// each followed by \x1f (empty: no such attribute).
    fn dress(&self, out: &mut String, node: usize, piece: &Piece) {
        let mut classes: Vec<&str> = vec![MARK_CLASS];
        let mut ids: Vec<&str> = Vec::new();
        let mut fill = None;
        let mut line = None;
        let mut speaker = None;
        let mut anchor = false;
        let mut end_labels: Vec<&str> = Vec::new();
        fn add<'a>(list: &mut Vec<&'a str>, item: &'a str) {
            if !list.contains(&item) {
                list.push(item);
            }
        }
        for &li in &piece.labels {
            let l = &self.labels[li];
            for c in l.class.split(' ') {
                add(&mut classes, c);
            }
            add(&mut ids, &l.id);
            match l.kind {
                LabelKind::Quote => fill = fill.or(Some(l.slot)),
                LabelKind::Line => line = line.or(Some(l.slot)),
                LabelKind::Claim => {}
            }
            speaker = speaker.or(l.speaker.as_deref());
            let first = l
                .ranges
                .first()
                .is_some_and(|r| r.node == node && r.start == piece.start);
            let last = l
                .ranges
                .last()
                .is_some_and(|r| r.node == node && r.end == piece.end);
            if first && l.anchor {
                add(&mut classes, "ws-start");
                add(&mut classes, l.start_class);
                anchor = true;
            }
            if last {
                if let Some(e) = l.end_label {
                    add(&mut end_labels, e);
                }
            }
        }
        fn field(out: &mut String, words: &[&str]) {
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(w);
            }
            out.push('\x1f');
        }
        field(out, &classes);
        field(out, &ids);
        field(out, fill.as_slice());
        field(out, line.as_slice());
        field(out, speaker.as_slice());
        field(out, &end_labels);
        field(
            out,
            if anchor && self.focusable {
                &["0"]
            } else {
                &[]
            },
        );
    }

    /// Registers the highlight ranges of the labels `order[units]`.
    fn paint_highlights(&mut self, units: std::ops::Range<usize>) -> Result<(), JsValue> {
        // For `ws_highlight`: per label its first node, start, last node, end and priority;
        // its highlight name and its id, each ended by \x1f.
        let mut spec: Vec<u32> = Vec::new();
        let mut names = String::new();
        let mut ids = String::new();
        for &u in &self.order[units] {
            let l = &self.labels[u as usize];
            let (Some(first), Some(last)) = (l.ranges.first(), l.ranges.last()) else {
                continue;
            };
            let (a, b) = (first.node as u32, last.node as u32);
            spec.extend([a, first.start as u32, b, last.end as u32, l.kind as u32]);
            names.push_str(&l.highlight());
            names.push('\x1f');
            ids.push_str(&l.id);
            ids.push('\x1f');
        }
        let records = PAINTED.with(|p| {
            let p = p.borrow();
            let x = p.iter().find(|x| x.id == self.id);
            x.map(|x| x.ranges.clone()).unwrap_or_default()
        });
        let result = ws_highlight(&self.ex.nodes, &spec, &names, &ids, &records);
        self.stats.ranges = records.length() as usize;
        result
    }
}

/// Checks that `ann` fits `ex`: UTF-16 offsets inside the text, and every quote's and
/// claim's `text` equal to the span it claims. Catches annotations computed on another text.
fn check(ann: &Annotations, ex: &Extract) -> Result<(), String> {
    if ann.offsets != OffsetUnit::Utf16 {
        return Err("annotations must use UTF-16 offsets (Annotations::to_utf16)".into());
    }
    let units: Vec<u16> = ex.text.encode_utf16().collect();
    let span_ok = |id: &str, s: usize, e: usize, text: Option<&str>| -> Result<(), String> {
        if s > e || e > units.len() {
            return Err(format!(
                "{id}: span {s}..{e} is outside the element's text ({} units)",
                units.len()
            ));
        }
        if let Some(t) = text {
            if !t.encode_utf16().eq(units[s..e].iter().copied()) {
                return Err(format!(
                    "{id}: its text is not the element's text at {s}..{e}"
                ));
            }
        }
        Ok(())
    };
    for q in &ann.quotes {
        span_ok(&q.id, q.start, q.end, Some(&q.text))?;
        for p in q.cue.iter().chain(&q.source) {
            span_ok(&q.id, p.start, p.end, Some(&p.text))?;
        }
    }
    for c in &ann.claims {
        span_ok(&c.id, c.start, c.end, Some(&c.text))?;
    }
    for e in &ann.entities {
        for m in &e.mentions {
            span_ok(&e.id, m.start, m.end, None)?;
        }
    }
    Ok(())
}

/// Removes every mark and highlight painted in `root` or inside it, joins split text nodes
/// back, and forgets them. Safe to call on an element that was never painted.
pub fn clear(root: &Element) {
    let root_node: &Node = root.as_ref();
    let mine: Vec<Painted> = PAINTED.with(|p| {
        let mut all = p.borrow_mut();
        let (mine, rest): (Vec<_>, Vec<_>) = all
            .drain(..)
            .partition(|x| root_node.contains(Some(x.root.as_ref())));
        *all = rest;
        mine
    });
    for painted in mine.into_iter().rev() {
        let _ = ws_unwrap(&painted.marks, &painted.splits);
        if painted.ranges.length() > 0 {
            let _ = ws_unhighlight(&painted.ranges);
        }
    }
    // Marks whose record was lost (e.g. painted by another copy of the module): unwrap them
    // and join the text around them.
    let _ = ws_leftovers(root, MARK_CLASS);
}

/// Ids (`data-ws-id` tokens) of the highlight ranges painted in `root` that contain the point
/// (`node`, `offset`): how hover cards find their annotation in highlight mode, where there
/// are no elements to hover.
pub fn ids_at(root: &Element, node: &Node, offset: u32) -> Vec<String> {
    PAINTED.with(|p| {
        let p = p.borrow();
        let mut out: Vec<String> = Vec::new();
        for x in p
            .iter()
            .filter(|x| x.root.is_same_node(Some(root.as_ref())))
        {
            for id in ws_ids_at(&x.ranges, node, offset).iter() {
                if let Some(id) = id.as_string() {
                    if !out.contains(&id) {
                        out.push(id);
                    }
                }
            }
        }
        out
    })
}

impl Painter {
    /// Clears `root`, reads its text and annotates it with the core; returns the annotations
    /// (UTF-16 offsets) and a painter ready to paint them. Nothing is painted yet.
    pub fn annotate(root: &Element, opts: &PaintOptions) -> (Painter, Annotations) {
        clear(root);
        let ex = extract(root);
        let ann = crate::annotate(&ex.text).to_utf16(&ex.text);
        // Computed on this very text: nothing to check.
        (Painter::with_extract(root, ex, &ann, opts), ann)
    }
}

/// The message of a JS error (its `message`, or the value itself if a string). Not `{:?}`:
/// JsValue's Debug would ship wasm-bindgen's whole debug printer in the glue.
pub fn message(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(e, &"message".into()).ok()?.as_string())
        .unwrap_or_else(|| "JavaScript error".into())
}
