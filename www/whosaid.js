// whosaid embed: one ES module for any site.
//
//   import { annotate, clear } from "/whosaid/whosaid.js";
//   await annotate(document.querySelector("article"));   // marks in place
//   clear(document.querySelector("article"));            // restores the element exactly
//
// or <whosaid-article> … </whosaid-article> with this module loaded.
//
// The wasm module does the work (src/web.rs): it reads the element's text nodes, finds quotes,
// speakers and claims, and wraps the pieces in <mark data-ws> (or, with {mode: "highlight"},
// uses CSS highlights and leaves the DOM alone). This file only loads it, adds the stylesheet
// and shows a card for the mark under the pointer or focus. Article text is never parsed as
// HTML: the card is filled with textContent only.
import init, * as wasm from "./pkg/whosaid.js";

let ready = null;
/** Loads the wasm module once. */
export function load() {
  ready ??= init({ module_or_path: new URL("./pkg/whosaid_bg.wasm", import.meta.url) });
  return ready;
}

const state = new WeakMap(); // element → { ann, onOver, onOut }
let card = null;

function ensureStylesheet() {
  const href = new URL("./whosaid.css", import.meta.url).href;
  if ([...document.querySelectorAll("link[rel=stylesheet]")].some((l) => l.href === href)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  link.dataset.wsStyle = "";
  document.head.append(link);
}

/** The card: a fixed-position element in a shadow root, outside the article's layout. */
function cardHost() {
  if (card) return card;
  const host = document.createElement("div");
  host.setAttribute("data-ws-card", "");
  host.style.cssText = "position:fixed;z-index:2147483647;pointer-events:none;display:none;top:0;left:0";
  const root = host.attachShadow({ mode: "open" });
  const box = document.createElement("div");
  box.setAttribute("role", "tooltip");
  box.style.cssText =
    "font:13px/1.4 system-ui,sans-serif;background:#1a1a1a;color:#fff;padding:8px 10px;border-radius:6px;max-width:320px;box-shadow:0 4px 14px rgba(0,0,0,.25)";
  root.append(box);
  document.body.append(host);
  card = { host, box };
  return card;
}

function line(box, label, value) {
  if (value === undefined || value === null || value === "") return;
  const row = document.createElement("div");
  const b = document.createElement("b");
  b.textContent = label + ": ";
  row.append(b, document.createTextNode(String(value)));
  box.append(row);
}

/** Describes a mark from the annotations (all text via textContent). */
export function describe(ann, mark) {
  const out = [];
  const q = ann.quotes.find((x) => x.id === (mark.dataset.wsQuote || mark.dataset.wsCue));
  if (q) {
    const e = ann.entities.find((x) => x.id === q.speaker);
    out.push(["Speaker", e ? e.name : "unattributed"]);
    if (e && e.title) out.push(["Title", e.title]);
    out.push(["Quote", `${q.kind} · confidence ${Math.round(q.confidence * 100)}%`]);
    if (q.cue) out.push(["Cue", q.cue.text]);
  } else if (mark.dataset.wsEntity) {
    const e = ann.entities.find((x) => x.id === mark.dataset.wsEntity);
    if (e) out.push(["Entity", `${e.name} (${e.kind})`], ["Title", e.title]);
  }
  const c = ann.claims.find((x) => x.id === mark.dataset.wsClaim);
  if (c) out.push(["Claim", `${c.kind} · score ${c.score.toFixed(2)}`], ["Signals", c.signals.join(", ")]);
  return out;
}

function showCard(ann, mark) {
  const { host, box } = cardHost();
  box.replaceChildren();
  for (const [k, v] of describe(ann, mark)) line(box, k, v);
  if (!box.childElementCount) return;
  const r = mark.getBoundingClientRect();
  host.style.display = "block";
  host.style.left = Math.max(4, Math.min(r.left, innerWidth - 330)) + "px";
  host.style.top = (r.bottom + 6 + 120 > innerHeight ? Math.max(4, r.top - 126) : r.bottom + 6) + "px";
}

function hideCard() {
  if (card) card.host.style.display = "none";
}

/**
 * Annotates `el` in place. Options: {mode: "wrap"|"highlight", focusable, noClaims,
 * noMentions, cards (default true)}. Returns the annotations (UTF-16 offsets into the
 * element's extracted text).
 */
export async function annotate(el, opts = {}) {
  await load();
  ensureStylesheet();
  clear(el);
  const ann = wasm.annotate_element(el, opts);
  const s = { ann };
  if (opts.cards !== false) {
    s.onOver = (ev) => {
      const m = ev.target.closest?.("mark[data-ws]");
      if (m && el.contains(m)) showCard(ann, m);
    };
    s.onOut = (ev) => {
      if (ev.target.closest?.("mark[data-ws]")) hideCard();
    };
    el.addEventListener("mouseover", s.onOver);
    el.addEventListener("focusin", s.onOver);
    el.addEventListener("mouseout", s.onOut);
    el.addEventListener("focusout", s.onOut);
  }
  state.set(el, s);
  return ann;
}

/** Removes every mark and listener whosaid added to `el`. */
export function clear(el) {
  const s = state.get(el);
  if (s?.onOver) {
    el.removeEventListener("mouseover", s.onOver);
    el.removeEventListener("focusin", s.onOver);
    el.removeEventListener("mouseout", s.onOut);
    el.removeEventListener("focusout", s.onOut);
  }
  state.delete(el);
  hideCard();
  if (ready) wasm.clear(el);
}

/** Annotates a string (no DOM): the JSON contract with UTF-16 offsets. */
export async function annotateText(text) {
  await load();
  return wasm.annotate_text(text);
}

/** The article text whosaid reads from an element. */
export async function extractText(el) {
  await load();
  return wasm.extract_text(el);
}

/** Paints precomputed annotations (e.g. from a worker) into `el`. */
export async function paint(el, ann, opts = {}) {
  await load();
  ensureStylesheet();
  return wasm.paint(el, ann, opts);
}

if (!customElements.get("whosaid-article")) {
  customElements.define(
    "whosaid-article",
    class extends HTMLElement {
      connectedCallback() {
        // Wait for the children to be parsed.
        queueMicrotask(() => annotate(this, { mode: this.getAttribute("mode") || "wrap" }).catch((e) => console.error(e)));
      }
      disconnectedCallback() {
        clear(this);
      }
    },
  );
}
