// whosaid in a page, loaded by the extension's service worker into the content-script
// world (an ES module, imported once per page). `toggle()` finds the article element with
// the same main-text rules the page uses for .html files (formats.js), annotates it in place
// with the embed module (whosaid.js: wasm engine, marks, hover cards) and shows a panel with
// the sources summary, the speaker legend and the claim threshold; called again, it clears
// everything, and the page's HTML is exactly what it was. The panel and messages live in
// shadow roots of elements appended to <html> (after <body>), so the page's own elements and
// styles are never touched; they are removed with the marks.

import { annotate, claimThreshold, clear, nextQuote, PALETTE, sourcesSummary } from "./whosaid.js";
import { findArticle } from "./formats.js";

/** { el, annotations, stats, threshold, panel } while the page is annotated. */
let state = null;
let toast = null;

/** Annotates the page's article, or clears it when annotated; see background.js. */
export async function toggle(opts = {}) {
  if (state) {
    clearAll();
    return { status: "cleared" };
  }
  removeToast();
  const el = findArticle(document);
  if (!el) {
    showToast("whosaid: no article text found here.");
    return { status: "no-article" };
  }
  let threshold;
  try {
    threshold = Number.isFinite(opts.threshold) ? opts.threshold : await claimThreshold();
  } catch (err) {
    // Chromium compiles a content script's WebAssembly under the page's own
    // Content-Security-Policy: a policy without 'wasm-unsafe-eval' refuses the engine.
    const message = "whosaid cannot run on this page: its security policy does not allow WebAssembly.";
    showToast(message);
    return { status: "error", message, detail: String(err?.message ?? err) };
  }
  const { annotations, stats, cancelled } = await annotate(el, { threshold });
  if (cancelled) return { status: "error", message: "cancelled" };
  state = { el, annotations, stats, threshold, panel: null };
  state.panel = panel();
  const marked = annotations.claims.filter((c) => c.score >= threshold).length;
  return {
    status: "annotated",
    tag: el.tagName.toLowerCase(),
    quotes: annotations.quotes.length,
    claims: annotations.claims.length,
    marked,
    threshold,
    sources: sourcesSummary(annotations).text,
  };
}

/** Whether the page is annotated now (for tests). */
export function annotated() {
  return state !== null;
}

function clearAll() {
  if (!state) return;
  clear(state.el);
  state.panel?.remove();
  state = null;
  removeToast();
}

// ---------------------------------------------------------------------------------------
// UI: a panel and a message, each in a shadow root hung on <html>

const UI_CSS = `
:host { all: initial; position: fixed; z-index: 2147483646; right: 16px; bottom: 16px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; }
.box { box-sizing: border-box; width: 20rem; max-width: calc(100vw - 32px); max-height: min(70vh, 34rem);
  overflow: auto; background: #fff; border: 1px solid #b9b9b9; border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.22); padding: 10px 12px 12px; }
header { display: flex; align-items: center; gap: 8px; }
h1 { font-size: 15px; margin: 0; flex: 1; }
h2 { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #4a4a4a; margin: 10px 0 4px; }
button { font: inherit; font-size: 12.5px; padding: 3px 10px; border-radius: 6px; border: 1px solid #8c887f;
  background: #fff; color: #1b1b1b; cursor: pointer; }
button:hover { background: #f1efe9; }
button:focus-visible, input:focus-visible { outline: 3px solid rgba(26,79,214,.45); outline-offset: 1px; }
.sum { font-weight: 600; margin: 2px 0 0; }
ul { list-style: none; margin: 0; padding: 0; }
li { display: flex; align-items: center; gap: 6px; padding: 3px 0; border-bottom: 1px solid #eeebe4; }
li button { margin-left: auto; padding: 1px 7px; font-size: 12px; white-space: nowrap; flex: none; }
.sw { width: 12px; height: 12px; border-radius: 3px; flex: none; border: 1px solid rgba(0,0,0,.3); }
.name { font-weight: 600; }
.note { color: #4a4a4a; font-style: italic; }
.n { color: #4a4a4a; font-variant-numeric: tabular-nums; }
input[type=range] { width: 100%; accent-color: #c0262d; }
.small { color: #4a4a4a; font-size: 12px; margin: 2px 0 0; }
.msg { background: #fff; border: 1px solid #b9b9b9; border-left: 4px solid #1a4fd6; border-radius: 8px;
  box-shadow: 0 8px 28px rgba(0,0,0,.22); padding: 10px 14px; max-width: 22rem; cursor: pointer; }
`;

function h(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function host(name) {
  const el = document.createElement(name);
  const root = el.attachShadow({ mode: "open" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(UI_CSS);
  root.adoptedStyleSheets = [sheet];
  // After <body>, so the page's body (and its outerHTML) is never touched.
  document.documentElement.append(el);
  return { el, root };
}

function showToast(text) {
  removeToast();
  const { el, root } = host("whosaid-message");
  const box = h("div", "msg", text);
  box.setAttribute("role", "status");
  box.title = "Click to close";
  box.addEventListener("click", removeToast);
  root.append(box);
  toast = el;
  setTimeout(() => { if (toast === el) removeToast(); }, 6000);
}

function removeToast() {
  toast?.remove();
  toast = null;
}

const plural = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;

/** The panel: sources summary, speaker legend (with unnamed sources), claim threshold. */
function panel() {
  const { el: hostEl, root } = host("whosaid-panel");
  const box = h("div", "box");
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", "whosaid");
  root.append(box);
  render(box);
  return hostEl;
}

function render(box) {
  const { annotations: a, stats, el } = state;
  box.replaceChildren();
  const head = h("header");
  const close = h("button", "", "Clear");
  close.title = "Remove whosaid's marks from this page";
  close.addEventListener("click", () => clearAll());
  head.append(h("h1", "", "whosaid"), close);
  box.append(head);

  box.append(h("h2", "", "Sources"), h("p", "sum", sourcesSummary(a).text));

  // Legend: named speakers in their colours, then unnamed sources and unattributed quotes.
  box.append(h("h2", "", "Who is quoted"));
  const ul = h("ul", "legend");
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  for (const s of [...stats.speakers].sort((x, y) => y.quotes - x.quotes || x.slot - y.slot)) {
    const e = byId.get(s.id);
    const li = h("li");
    const sw = h("span", "sw");
    sw.style.background = PALETTE[s.slot][0];
    const next = h("button", "", "Next ›");
    next.setAttribute("aria-label", `Next quote by ${e?.name ?? s.id}`);
    let last = null;
    next.addEventListener("click", () => { last = nextQuote(el, s.id, last?.isConnected ? last : null); });
    li.append(sw, h("span", "name", e?.name ?? s.id), h("span", "n", String(s.quotes)), next);
    ul.append(li);
  }
  for (const s of a.sources ?? []) {
    if (s.kind !== "unnamed" && s.kind !== "unattributed") continue;
    const li = h("li");
    const sw = h("span", "sw");
    sw.style.background = "#e4e4e4";
    li.append(sw, h("span", "name", s.name ?? "No source named"), h("span", "note", s.kind === "unnamed" ? "unnamed source" : "unattributed"),
      h("span", "n", String(s.quotes)));
    ul.append(li);
  }
  if (!ul.childElementCount) ul.append(h("li", "note", "No quotes found."));
  box.append(ul);

  // Claims: the same threshold as the page's slider.
  box.append(h("h2", "", "Claims to check"));
  const label = h("label", "");
  const out = h("output", "", state.threshold.toFixed(2));
  label.append(document.createTextNode("Mark claims scoring at least "), out);
  const slider = h("input");
  slider.type = "range";
  slider.min = "0.4";
  slider.max = "1";
  slider.step = "0.01";
  slider.value = String(state.threshold);
  slider.setAttribute("aria-label", "Claim score threshold");
  const count = h("p", "small");
  const showCount = () => {
    const n = a.claims.filter((c) => c.score >= state.threshold).length;
    count.textContent = `${n} of ${plural(a.claims.length, "claim")} marked`;
  };
  showCount();
  let busy = null;
  slider.addEventListener("input", () => {
    state.threshold = Number(slider.value);
    out.textContent = state.threshold.toFixed(2);
    showCount();
    busy ??= (async () => {
      try {
        for (;;) {
          const want = state?.threshold;
          if (want === undefined) return;
          await annotate(el, { annotations: a, threshold: want });
          if (state?.threshold === want) return;
        }
      } finally {
        busy = null;
      }
    })();
  });
  box.append(label, slider, count);
}
