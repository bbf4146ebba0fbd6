// whosaid embed: one ES module that marks who said what, and what is claimed, in any page.
//
//   <script type="module">
//     import { annotate, clear } from "/whosaid/whosaid.js";
//     const article = document.querySelector("article");
//     await annotate(article);          // marks in place; {mode: "highlight"} changes no DOM
//     clear(article);                   // removes them: article.outerHTML is what it was
//   </script>
//
// or, with markup only:   <script type="module" src="/whosaid/whosaid.js"></script>
//                         <whosaid-article> …the article… </whosaid-article>
//
// The wasm module (src/web.rs, loaded from ./pkg/ next to this file) reads the element's text
// nodes, runs the engine and wraps the covered pieces of text nodes in <mark class="ws-mark">,
// or registers CSS Custom Highlights. This file loads it, adds the styles (a constructed
// stylesheet: no <style> or <link> is added to the page) and shows a card for the mark under
// the pointer or keyboard focus. The card lives in a shadow root of a position:fixed element
// appended to <body>, so it never takes part in the page's layout, and it is removed when
// the last annotated element is cleared. Article text never becomes HTML: everything shown
// is set with textContent.

import init, * as wasm from "./pkg/whosaid.js";

let ready = null;

/**
 * Loads and instantiates the wasm module once; resolves to its exports. By default the
 * `.wasm` is `./pkg/whosaid_bg.wasm` next to this file; `{ wasm }` (a URL, a Response, bytes or
 * a `WebAssembly.Module`) says where it is instead, for when a bundler moved this file.
 */
export function load({ wasm: source } = {}) {
  ready ??= instantiate(source ?? new URL("./pkg/whosaid_bg.wasm", import.meta.url)).then(
    () => wasm,
    (err) => { ready = null; throw err; }, // a later load({ wasm }) may fix it
  );
  return ready;
}

/** Fetches and instantiates the `.wasm`, with an error naming the fix when it is not there
 * (a bundler that does not copy `.wasm` files leaves the URL pointing at nothing). */
async function instantiate(source) {
  if (typeof source !== "string" && !(source instanceof URL)) return init({ module_or_path: source });
  const url = new URL(source, globalThis.document?.baseURI ?? globalThis.location?.href).href;
  const fix = `If a bundler built this script, it did not copy whosaid's .wasm: copy `
    + `node_modules/whosaid/pkg/whosaid_bg.wasm so that it is served at ${url}, or call `
    + `load({ wasm: "/url/of/whosaid_bg.wasm" }) before annotating.`;
  let res;
  try {
    res = await fetch(url);
  } catch (err) {
    throw new Error(`whosaid: could not fetch ${url} (${err.message}). ${fix}`, { cause: err });
  }
  if (!res.ok) throw new Error(`whosaid: ${url} answered HTTP ${res.status}. ${fix}`);
  if (res.headers.get("content-type")?.split(";")[0].trim() === "application/wasm") {
    return init({ module_or_path: res }); // compiles while it downloads
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error(`whosaid: ${url} is not a WebAssembly module (${res.headers.get("content-type") || "no content type"}). ${fix}`);
  }
  return init({ module_or_path: bytes });
}

/** Annotates a string: the JSON contract with UTF-16 offsets into `text`. */
export async function annotateText(text) {
  await load();
  return wasm.annotate_text(text);
}

/** The article text whosaid reads from an element (what `annotations` offsets refer to). */
export async function extractText(el) {
  await load();
  return wasm.extract_text(el);
}

/** The claim score from which claims are marked unless `annotate(el, {threshold})` says
 * otherwise: the lowest score at which claim precision on the dev gold is ≥ 0.90. */
export async function claimThreshold() {
  await load();
  return Math.round(wasm.claim_threshold() * 100) / 100;
}

/** The engine version. */
export async function version() {
  await load();
  return wasm.version();
}

// ---------------------------------------------------------------------------------------
// Styles

/** Speaker colours: light backgrounds that keep dark text at ≥ 12:1 contrast, and a darker
 * shade of each for underlines (≥ 3:1 against white). Slot `n`: quotes with no speaker. */
export const PALETTE = [
  ["#ffe08a", "#8a5a00"], ["#bfe3ff", "#0b5f99"], ["#c9efc1", "#2b7a1f"], ["#ffcfe1", "#b0245d"],
  ["#e3d8ff", "#5b3cc4"], ["#ffd7b5", "#a84800"], ["#c2efe9", "#0f766e"], ["#ebe5c4", "#6b6133"],
];
const NONE = ["#e4e4e4", "#555555"];
const CLAIM = "#c0262d";

function css() {
  const slots = [...PALETTE.map((c, i) => [String(i), c]), ["n", NONE]];
  let s = `
mark.ws-mark { background: transparent; color: inherit; padding: 0; margin: 0; border: 0;
  font: inherit; letter-spacing: inherit; }
mark.ws-quote { color: #111; border-radius: 2px; }
mark.ws-claim { text-decoration: underline dotted ${CLAIM}; text-decoration-thickness: 2px;
  text-underline-offset: 0.25em; text-decoration-skip-ink: none; }
mark.ws-cue, mark.ws-speaker, mark.ws-source { border-bottom: 2px solid; }
mark.ws-speaker, mark.ws-source { border-bottom-style: double; border-bottom-width: 3px; }
mark.ws-mark[tabindex]:focus { outline: none; }
mark.ws-mark[tabindex]:focus-visible { outline: 2px solid #1a4fd6; outline-offset: 1px; }
::highlight(ws-claim) { text-decoration: underline dotted 2px ${CLAIM}; }
`;
  for (const [k, [bg, line]] of slots) {
    // Direct quotes: the whole line height; reported speech: the lower half, like a highlighter.
    s += `mark.ws-quote[data-ws-c="${k}"] { background-color: ${bg}; }
mark.ws-quote.ws-indirect[data-ws-c="${k}"] { background: linear-gradient(to bottom, transparent 48%, ${bg} 48%); }
mark.ws-cue[data-ws-u="${k}"], mark.ws-speaker[data-ws-u="${k}"], mark.ws-source[data-ws-u="${k}"] { border-bottom-color: ${line}; }
::highlight(ws-quote-${k}) { background-color: ${bg}; color: #111; }
::highlight(ws-line-${k}) { text-decoration: underline 2px ${line}; }
`;
  }
  return s;
}

const CARD_CSS = `
:host { all: initial; position: fixed; z-index: 2147483647; top: 0; left: 0; display: none;
  pointer-events: none; }
:host([open]) { display: block; }
.card { box-sizing: border-box; max-width: min(22rem, calc(100vw - 16px)); padding: 10px 12px;
  background: #fff; color: #1b1b1b; border: 1px solid #b9b9b9; border-radius: 8px;
  box-shadow: 0 6px 20px rgba(0,0,0,.18); font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
.sec + .sec { margin-top: 8px; padding-top: 8px; border-top: 1px solid #e2e2e2; }
.who { font-weight: 650; display: flex; align-items: center; gap: 6px; }
.sw { width: 12px; height: 12px; border-radius: 3px; flex: none; border: 1px solid rgba(0,0,0,.25); }
.title { color: #444; }
.meta { color: #333; }
.src { color: #333; font-style: italic; }
.kind { display: inline-block; padding: 0 6px; border-radius: 9px; background: #f1f1f1; color: #222;
  font-size: 12px; margin-right: 4px; }
.claimk { background: #fde8e8; color: #8c1b20; }
.hint { margin-top: 6px; color: #555; font-size: 12px; }
kbd { font: inherit; border: 1px solid #bbb; border-radius: 3px; padding: 0 3px; background: #fafafa; }
`;

let sheetDone = false;
function sheet(text) {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(text);
    return s;
  } catch {
    return null;
  }
}

/** Adds the mark styles to the document once, as an adopted stylesheet (no DOM change). */
function ensureStyles() {
  if (sheetDone) return;
  sheetDone = true;
  const s = sheet(css());
  if (s && "adoptedStyleSheets" in document) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
  } else {
    // Old browsers: a <style> element (blocked by a strict CSP, where the above works).
    const el = document.createElement("style");
    el.textContent = css();
    document.head.append(el);
  }
}

// ---------------------------------------------------------------------------------------
// Annotating

/** element → { annotations, stats, index, detach } */
const painted = new Map();
let generation = 0;
const busy = new WeakMap(); // element → generation of the annotate() in progress

function paintOptions(opts) {
  const o = {};
  for (const k of ["mode", "focusable", "quotes", "claims", "cues", "speakers", "sources", "threshold"]) {
    if (opts[k] !== undefined) o[k] = opts[k];
  }
  return o;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A task queued now (not throttled in background tabs, unlike setTimeout). */
const nextTask = () => new Promise((resolve) => {
  const c = new MessageChannel();
  c.port1.onmessage = () => resolve();
  c.port2.postMessage(0);
});

/** Waits until the browser has drawn a frame (its style, layout and paint are done). In a
 * hidden page, where no frame comes, it only yields; a throttled frame (an off-screen
 * iframe) does not hold it more than 100 ms. */
function nextFrame() {
  if (globalThis.document?.visibilityState !== "visible") return nextTask();
  return new Promise((resolve) => {
    requestAnimationFrame(() => nextTask().then(resolve));
    setTimeout(resolve, 100);
  });
}

/**
 * Annotates `el` in place and returns `{ annotations, stats }` once everything is marked.
 *
 * The marks that show in the viewport are painted first, in the same task as the engine's
 * run, so they reach the screen in the next frame; the rest follow in slices of ~12 ms, so
 * the page keeps answering meanwhile.
 *
 * Options (all optional):
 * - `mode`: `"wrap"` (default, `<mark>` elements), `"highlight"` (CSS Custom Highlight API,
 *   no DOM change; falls back to wrapping where missing) or `"auto"`.
 * - `focusable` (true): the first mark of each quote and claim is a keyboard stop.
 * - `cards` (true): hover / focus cards.
 * - `quotes`, `claims`, `cues`, `speakers`, `sources` (true): what to mark (`sources`: each
 *   quote's source phrase as written, `a spokeswoman`, `he`).
 * - `threshold` (`claimThreshold()`, 0.57): only claims scoring at least this are marked; the
 *   returned annotations keep every claim with its score.
 * - `annotations`: the contract for `extractText(el)` computed elsewhere (a worker), painted
 *   instead of annotating here.
 * - `onProgress(fraction)`: called between slices.
 */
export async function annotate(el, opts = {}) {
  if (!(el instanceof Element)) throw new TypeError("whosaid.annotate: an Element is needed");
  // A later annotate() or clear() of the same element supersedes this one, even mid-way.
  const gen = ++generation;
  busy.set(el, gen);
  const superseded = () => busy.get(el) !== gen;
  await load();
  if (superseded()) return { cancelled: true };
  unpaint(el);
  ensureStyles();
  const po = paintOptions(opts);
  const painter = opts.annotations
    ? new wasm.Painter(el, opts.annotations, po)
    : wasm.Painter.annotate(el, po);
  let annotations = opts.annotations;
  let stats;
  try {
    // Annotations from elsewhere come with an element the page may have just filled: reading
    // it was one slice of work, the browser's layout of it is the next (prioritize() would
    // force it into this one).
    if (opts.annotations) {
      await nextFrame();
      if (superseded()) return { annotations, stats: painter.stats, cancelled: true };
    }
    // What the reader sees first, now, and the browser shows it before anything else changes.
    const shown = painter.prioritize();
    let done = shown > 0 ? painter.step(shown) : false;
    if (!done) {
      opts.onProgress?.(painter.progress);
      await nextFrame();
    }
    // Then the rest in slices of ~12 ms, a task each, so the page keeps answering; the browser
    // lays out what the slices changed in the frames it draws between them. (A frame per slice
    // would lay out the whole article each time: on a book, far longer.) Highlights: in one
    // step, as each step has the browser place every range again. The first slice: an article
    // of ~10,000 words at once (one more layout of it, not two); a worker's result, which may
    // be a book, from 200 text nodes.
    let batch = painter.stats.mode === "highlight" ? 1e9 : opts.annotations ? 200 : 1000;
    while (!done) {
      if (superseded()) return { annotations, stats: painter.stats, cancelled: true };
      const t0 = performance.now();
      done = painter.step(batch);
      const dt = performance.now() - t0;
      batch = Math.max(20, Math.min(5000, Math.round(batch * (dt > 0 ? 12 / dt : 2))));
      if (!done) {
        opts.onProgress?.(painter.progress);
        await tick();
      }
    }
    stats = painter.stats;
    annotations ??= painter.annotations;
  } finally {
    painter.free();
  }
  opts.onProgress?.(1);
  if (superseded()) return { annotations, stats, cancelled: true };
  busy.delete(el);
  const state = { annotations, stats, index: indexOf(annotations, stats), detach: () => {} };
  if (opts.cards !== false) state.detach = attach(el, state);
  painted.set(el, state);
  return { annotations, stats };
}

/** Removes whosaid's marks, highlights, listeners and card from `el`; `el.outerHTML` is then
 * exactly what it was before `annotate`. Harmless on an element that was never annotated.
 * An `annotate(el)` still painting stops (it resolves with `cancelled: true`). */
export function clear(el) {
  busy.delete(el);
  unpaint(el);
}

function unpaint(el) {
  const state = painted.get(el);
  if (state) {
    state.detach();
    painted.delete(el);
  }
  if (ready && el instanceof Element) {
    // Only once the module is instantiated (before that nothing can have been painted).
    try { wasm.clear(el); } catch { /* not instantiated yet */ }
  }
  if (painted.size === 0) removeCard();
}

/** What `annotate` found for `el`, or undefined. */
export function annotationsOf(el) {
  return painted.get(el)?.annotations;
}

/** Lookup tables for the card: id → item, speaker → colour slot and quote anchors. */
function indexOf(ann, stats) {
  const byId = new Map();
  for (const e of ann.entities) byId.set(e.id, { type: "entity", item: e });
  for (const q of ann.quotes) byId.set(q.id, { type: "quote", item: q });
  for (const c of ann.claims) byId.set(c.id, { type: "claim", item: c });
  const slot = new Map(stats.speakers.map((s) => [s.id, s.slot]));
  const quoteCount = new Map(stats.speakers.map((s) => [s.id, s.quotes]));
  return { byId, slot, quoteCount };
}

/** The items a `data-ws-id` list names (`q1-cue` is its quote's cue). */
function itemsFor(index, ids) {
  const out = [];
  const seen = new Set();
  for (const tok of ids) {
    const [id, part] = tok.split("-");
    const hit = index.byId.get(id);
    if (!hit || seen.has(tok)) continue;
    seen.add(tok);
    out.push({ ...hit, part });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Navigation

/** The first mark of each quote by `speaker` in `el`, in document order. */
export function quoteMarks(el, speaker) {
  const sel = speaker === null ? "mark.ws-qstart:not([data-ws-s])"
    : speaker ? `mark.ws-qstart[data-ws-s="${CSS.escape(speaker)}"]`
    : "mark.ws-qstart";
  return [...el.querySelectorAll(sel)];
}

/** Moves focus to the next (or previous, `dir` -1) quote by `speaker` after `from`, wrapping
 * around; returns the mark focused, if any. */
export function nextQuote(el, speaker, from = null, dir = 1) {
  const list = quoteMarks(el, speaker);
  if (list.length === 0) return null;
  let target;
  if (!from) {
    target = dir > 0 ? list[0] : list[list.length - 1];
  } else if (dir > 0) {
    target = list.find((m) => m !== from && (from.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING))
      ?? list[0];
  } else {
    target = [...list].reverse().find((m) => m !== from && (from.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_PRECEDING))
      ?? list[list.length - 1];
  }
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "center", behavior: "smooth" });
  return target;
}

// ---------------------------------------------------------------------------------------
// Cards

let card = null; // { host, box }

function ensureCard() {
  if (card?.host.isConnected) return card;
  const host = document.createElement("whosaid-card");
  const root = host.attachShadow({ mode: "open" });
  const s = sheet(CARD_CSS);
  if (s) root.adoptedStyleSheets = [s];
  const box = document.createElement("div");
  box.className = "card";
  box.setAttribute("role", "tooltip");
  box.id = "ws-card";
  root.append(box);
  document.body.append(host);
  card = { host, box };
  return card;
}

function removeCard() {
  card?.host.remove();
  card = null;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const pct = (x) => `${Math.round(x * 100)}%`;

/** Fills the card for the items under the pointer or focus; returns a plain-text summary
 * (for aria-description) or null when there is nothing to show. */
function fillCard(box, state, ids) {
  const items = itemsFor(state.index, ids);
  if (items.length === 0) return null;
  box.replaceChildren();
  const said = [];
  const quotes = items.filter((x) => x.type === "quote");
  const claims = items.filter((x) => x.type === "claim");
  const entities = items.filter((x) => x.type === "entity" && !quotes.some((q) => q.item.speaker === x.item.id));
  const swatch = (speaker) => {
    const slot = speaker ? state.index.slot.get(speaker) : undefined;
    const sw = el("span", "sw");
    sw.style.background = (slot === undefined ? NONE : PALETTE[slot])[0];
    return sw;
  };
  for (const { item: q, part } of quotes) {
    const sec = el("div", "sec");
    const who = el("div", "who");
    const sp = q.speaker ? state.index.byId.get(q.speaker)?.item : null;
    const label = sourceLabel(q, sp);
    who.append(swatch(q.speaker), el("span", "", label));
    sec.append(who);
    if (sp?.title) sec.append(el("div", "title", sp.title));
    // The source as the article words it, when that is not just the name.
    if (sp && q.source && q.source.text !== sp.name) sec.append(el("div", "src", `source: “${q.source.text}”`));
    const meta = el("div", "meta");
    const what = part === "cue" ? "cue" : part === "src" ? "source" : q.kind === "direct" ? "direct quote" : "reported speech";
    meta.append(el("span", "kind", what), document.createTextNode(`confidence ${pct(q.confidence)}`));
    sec.append(meta);
    if (part === "cue" && q.cue) sec.append(el("div", "title", `introduces ${q.kind === "direct" ? "a quote" : "reported speech"} (“${q.cue.text}”)`));
    if (part === "src") sec.append(el("div", "title", `names the source of ${q.kind === "direct" ? "a quote" : "reported speech"}`));
    if (sp) sec.append(hint(`next quote by ${sp.name}`));
    said.push(`${q.kind === "direct" ? "Quote" : "Reported speech"} by ${label}${sp?.title ? `, ${sp.title}` : ""}${sp && q.source && q.source.text !== sp.name ? `, source “${q.source.text}”` : ""}, confidence ${pct(q.confidence)}`);
    box.append(sec);
  }
  for (const { item: e } of entities) {
    const sec = el("div", "sec");
    const who = el("div", "who");
    who.append(swatch(e.id), el("span", "", e.name));
    sec.append(who);
    if (e.title) sec.append(el("div", "title", e.title));
    const n = state.index.quoteCount.get(e.id) ?? 0;
    sec.append(el("div", "meta", `${e.kind === "person" ? "person" : "organisation"} · ${n} quote${n === 1 ? "" : "s"}`));
    said.push(`Speaker ${e.name}`);
    box.append(sec);
  }
  for (const { item: c } of claims) {
    const sec = el("div", "sec");
    const meta = el("div", "meta");
    meta.append(el("span", "kind claimk", `claim: ${c.kind}`), document.createTextNode(`score ${c.score.toFixed(2)}`));
    sec.append(meta);
    if (c.signals?.length) sec.append(el("div", "title", `signals: ${c.signals.join(", ")}`));
    said.push(`Claim, ${c.kind}, score ${c.score.toFixed(2)}${c.signals?.length ? `, signals ${c.signals.join(", ")}` : ""}`);
    box.append(sec);
  }
  return said.join(". ");
}

/**
 * How a quote's source reads: the speaker's name; else, where the article names nobody, the
 * source phrase as written marked unnamed (`a spokeswoman (unnamed)`); else `no source
 * named`. `speaker` is the quote's entity, if any.
 */
export function sourceLabel(quote, speaker = null) {
  if (speaker) return speaker.name;
  if (quote.source?.text) return `${quote.source.text} (unnamed)`;
  return "no source named";
}

/**
 * The sources summary of annotations: how many named people, organisations and unnamed
 * sources give quotes, how many quotes each kind gives, and how many quotes have no source.
 * Uses the contract's `sources` list (version 2). Returns
 * `{ person: {sources, quotes}, organization: {…}, unnamed: {…}, unattributed: {sources, quotes}, text }`
 * where `text` reads like `4 named people · 1 organisation · 2 unnamed sources · 1 unattributed quote`.
 */
export function sourcesSummary(ann) {
  const out = {};
  for (const k of ["person", "organization", "unnamed", "unattributed"]) out[k] = { sources: 0, quotes: 0 };
  for (const s of ann.sources ?? []) {
    const o = out[s.kind];
    if (!o) continue;
    o.sources += 1;
    o.quotes += s.quotes;
  }
  const n = (x, one, many) => `${x} ${x === 1 ? one : many}`;
  const parts = [];
  if (out.person.sources) parts.push(n(out.person.sources, "named person", "named people"));
  if (out.organization.sources) parts.push(n(out.organization.sources, "organisation", "organisations"));
  if (out.unnamed.sources) parts.push(n(out.unnamed.sources, "unnamed source", "unnamed sources"));
  if (out.unattributed.quotes) parts.push(n(out.unattributed.quotes, "unattributed quote", "unattributed quotes"));
  out.text = parts.length ? parts.join(" · ") : "no quoted sources";
  return out;
}

function hint(text) {
  const h = el("div", "hint");
  const k = el("kbd", "", "N");
  h.append(k, document.createTextNode(` ${text}`));
  return h;
}

/** Places the open card next to `rect` (viewport coordinates), below it if there is room. */
function place(host, rect) {
  host.setAttribute("open", "");
  const box = host.shadowRoot.firstElementChild;
  const w = box.offsetWidth;
  const h = box.offsetHeight;
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  let top = rect.bottom + 6;
  if (top + h > vh - 4 && rect.top - h - 6 > 4) top = rect.top - h - 6;
  const left = Math.max(4, Math.min(rect.left, vw - w - 4));
  host.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
}

function hideCard() {
  card?.host.removeAttribute("open");
}

/** Hover, focus and keyboard handling for one annotated element; returns its undo. */
function attach(root, state) {
  const highlight = state.stats.mode === "highlight";
  let current = null; // the mark (wrap mode) the card is for
  let hideTimer = 0;

  const show = (ids, rect, mark) => {
    clearTimeout(hideTimer);
    const c = ensureCard();
    const said = fillCard(c.box, state, ids);
    if (!said) return hideCard();
    current = mark;
    place(c.host, rect);
    if (mark && !mark.hasAttribute("aria-description")) mark.setAttribute("aria-description", said);
  };
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => { current = null; hideCard(); }, 120);
  };
  const markOf = (t) => (t instanceof Element ? t.closest("mark.ws-mark") : null);
  const idsOf = (m) => (m.getAttribute("data-ws-id") || "").split(" ").filter(Boolean);
  // The rectangle of the piece under the pointer (a mark can wrap over lines).
  const rectAt = (m, x, y) => [...m.getClientRects()].find((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)
    ?? m.getBoundingClientRect();

  const listeners = [];
  const on = (target, type, fn, opt) => {
    target.addEventListener(type, fn, opt);
    listeners.push(() => target.removeEventListener(type, fn, opt));
  };

  if (!highlight) {
    on(root, "pointerover", (ev) => {
      const m = markOf(ev.target);
      if (m && root.contains(m)) show(idsOf(m), rectAt(m, ev.clientX, ev.clientY), m);
    });
    // A scroll closes the card; moving the pointer again over the same mark reopens it.
    on(root, "pointermove", (ev) => {
      if (card?.host.hasAttribute("open")) return;
      const m = markOf(ev.target);
      if (m && root.contains(m)) show(idsOf(m), rectAt(m, ev.clientX, ev.clientY), m);
    });
    on(root, "pointerout", (ev) => {
      if (markOf(ev.target) && !markOf(ev.relatedTarget)) hideSoon();
    });
    on(root, "focusin", (ev) => {
      const m = markOf(ev.target);
      if (m) show(idsOf(m), m.getClientRects()[0] ?? m.getBoundingClientRect(), m);
    });
    on(root, "focusout", (ev) => { if (markOf(ev.target)) hideSoon(); });
    on(root, "keydown", (ev) => {
      const m = markOf(ev.target);
      if (!m) return;
      if (ev.key === "Escape") { hideCard(); return; }
      if ((ev.key === "n" || ev.key === "N") && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
        const qid = idsOf(m).find((t) => /^q\d+$/.test(t));
        const sp = qid ? state.index.byId.get(qid)?.item.speaker : m.getAttribute("data-ws-s");
        if (sp) {
          ev.preventDefault();
          nextQuote(root, sp, m, ev.shiftKey ? -1 : 1);
        }
      }
    });
  } else {
    // No elements to hover: find the text position under the pointer and ask which ranges
    // contain it.
    let pending = false;
    let last = null;
    on(root, "pointermove", (ev) => {
      last = ev;
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        const pos = caretAt(last.clientX, last.clientY);
        const ids = pos && root.contains(pos.node) ? wasm.ids_at(root, pos.node, pos.offset) : [];
        if (ids.length) {
          const r = document.createRange();
          r.setStart(pos.node, pos.offset);
          r.setEnd(pos.node, Math.min(pos.offset + 1, pos.node.length ?? pos.offset));
          show(ids, r.getBoundingClientRect(), null);
        } else {
          hideSoon();
        }
      });
    });
    on(root, "pointerleave", hideSoon);
  }
  on(window, "scroll", () => { if (!current || !document.activeElement?.closest?.("mark.ws-mark")) hideCard(); }, { passive: true, capture: true });

  return () => {
    clearTimeout(hideTimer);
    for (const off of listeners) off();
    if (current) hideCard();
  };
}

function caretAt(x, y) {
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (document.caretRangeFromPoint) {
    const r = document.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// <whosaid-article>

/**
 * `<whosaid-article mode="highlight" focusable="false" cards="false" threshold="0.4">…</whosaid-article>`:
 * annotates its own content once it is in the document (and again on `refresh()`), clears
 * itself when removed. Fires `whosaid:annotated` with `{annotations, stats}` as detail.
 */
// Outside a DOM (Node, e.g. a server-side render importing this module) HTMLElement is missing:
// the module still loads, only the element cannot be used.
export class WhosaidArticle extends (globalThis.HTMLElement ?? class {}) {
  connectedCallback() {
    const go = () => { if (this.isConnected) this.refresh(); };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go, { once: true });
    else queueMicrotask(go);
  }

  disconnectedCallback() {
    clear(this);
  }

  /** Annotates again (e.g. after the content changed). */
  async refresh() {
    const flag = (name) => (this.hasAttribute(name) ? this.getAttribute(name) !== "false" : undefined);
    const t = this.hasAttribute("threshold") ? Number(this.getAttribute("threshold")) : NaN;
    const result = await annotate(this, {
      mode: this.getAttribute("mode") || undefined,
      focusable: flag("focusable"),
      cards: flag("cards"),
      threshold: Number.isFinite(t) ? t : undefined,
    });
    this.dispatchEvent(new CustomEvent("whosaid:annotated", { detail: result }));
    return result;
  }

  get annotations() {
    return annotationsOf(this);
  }
}

// (`customElements` is null in an extension's content script.)
if (globalThis.customElements && !customElements.get("whosaid-article")) {
  customElements.define("whosaid-article", WhosaidArticle);
}
