// The whosaid page: paste, drop or pick an article; it is shown as paragraphs and annotated.
//
// Flow: the text goes to a module worker (worker.js) that runs the engine, so the page stays
// responsive on a book-length paste; the article is shown as <p> elements (text set with
// textContent, never parsed as HTML); the engine's offsets, which refer to the text as given,
// are moved onto the text as shown (the two differ only in whitespace), and the marks are
// painted a few hundred text nodes at a time with a progress bar. Export gives the
// annotations of the text as given, so they match `whosaid annotate file.txt`.

import {
  annotate, annotateText, claimThreshold, clear, extractText, load, nextQuote, PALETTE, quoteMarks, sourceLabel,
  sourcesSummary, version,
} from "./whosaid.js";
import { htmlToArticleText, toWebAnnotation } from "./formats.js";

const $ = (sel) => document.querySelector(sel);
const input = $("#input");
const article = $("#article");
const statusEl = $("#status");
const progressRow = $("#progress-row");
const progress = $("#progress");

/** The last annotated article: { text, name, annotations (of `text`), stats, shown
 * (the annotations moved onto the text as shown) }. */
let current = null;
let run = 0;
/** Claims scoring at least this are marked; starts at the engine's default (precision ≥ 0.90
 * on the dev gold) and follows the slider. */
let threshold = null;
let defaultThreshold = null;

// ---------------------------------------------------------------------------------------
// Worker

let worker = null;
let workerBroken = false;

function newWorker() {
  try {
    const w = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    w.addEventListener("error", () => { workerBroken = true; });
    return w;
  } catch {
    workerBroken = true;
    return null;
  }
}

/** Annotates `text` in the worker; `onPhase(phase)` reports its steps. A new call cancels an
 * unfinished one (the worker is replaced: the engine call cannot be interrupted). */
function annotateInWorker(text, id, onPhase) {
  if (worker && worker.busy) {
    worker.terminate();
    worker = null;
  }
  worker ??= newWorker();
  const w = worker;
  if (!w) return Promise.reject(new Error("no worker"));
  w.busy = true;
  return new Promise((resolve, reject) => {
    const onMessage = (ev) => {
      const m = ev.data;
      if (m.id !== id) return;
      if (m.type === "progress") { onPhase(m.phase); return; }
      w.removeEventListener("message", onMessage);
      w.removeEventListener("error", onError);
      w.busy = false;
      if (m.type === "done") resolve(m);
      else reject(new Error(m.message));
    };
    const onError = (ev) => {
      w.removeEventListener("message", onMessage);
      w.busy = false;
      reject(new Error(ev.message || "worker failed"));
    };
    w.addEventListener("message", onMessage);
    w.addEventListener("error", onError);
    w.postMessage({ id, text });
  });
}

// ---------------------------------------------------------------------------------------
// Showing the article

/** The paragraphs of a text, split as the engine splits them: at blank lines, or at every
 * line break when the text has no blank line at all. */
function paragraphsOf(text) {
  const t = text.replace(/\r\n?/g, "\n");
  const parts = /\n[ \t]*\n/.test(t) ? t.split(/\n[ \t]*\n/) : t.split("\n");
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function showParagraphs(text) {
  const frag = document.createDocumentFragment();
  for (const p of paragraphsOf(text)) {
    const el = document.createElement("p");
    el.textContent = p;
    frag.append(el);
  }
  article.replaceChildren(frag);
  article.classList.toggle("big", article.childElementCount > 400);
}

const WS = new Set([32, 9, 10, 13, 12]);

/**
 * Maps UTF-16 offsets of `given` onto `shown`, two texts equal up to whitespace (runs
 * collapsed, paragraph breaks rewritten, ends trimmed). An offset on whitespace maps to just
 * after the previous visible character. Returns null if the texts differ otherwise.
 */
export function whitespaceAligner(given, shown) {
  const map = new Int32Array(given.length + 1);
  let j = 0;
  let after = 0;
  for (let i = 0; i < given.length; i++) {
    const c = given.charCodeAt(i);
    if (WS.has(c)) { map[i] = after; continue; }
    while (j < shown.length && WS.has(shown.charCodeAt(j))) j++;
    if (j >= shown.length || shown.charCodeAt(j) !== c) return null;
    map[i] = j;
    after = ++j;
  }
  while (j < shown.length && WS.has(shown.charCodeAt(j))) j++;
  if (j !== shown.length) return null;
  map[given.length] = after;
  return (i) => map[i];
}

/** The annotations of `given`, moved onto `shown` (offsets and texts). */
function moveOnto(ann, shown, at) {
  const span = (o) => {
    const start = at(o.start);
    const end = Math.max(start, at(o.end));
    return { ...o, start, end, ...(typeof o.text === "string" ? { text: shown.slice(start, end) } : {}) };
  };
  return {
    ...ann,
    entities: ann.entities.map((e) => ({ ...e, mentions: e.mentions.map(span) })),
    quotes: ann.quotes.map((q) => ({ ...span(q), cue: q.cue ? span(q.cue) : null, source: q.source ? span(q.source) : null })),
    claims: ann.claims.map(span),
  };
}

function setStatus(text, { busy = false, value = null } = {}) {
  statusEl.textContent = text;
  progressRow.hidden = !busy;
  if (value === null) progress.removeAttribute("value");
  else progress.value = value;
}

/** Lets the page render and handle input before the next step. */
const yieldToPage = () => new Promise((r) => setTimeout(r, 0));

const kb = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${Math.round(n / 1e3)} KB` : `${n} characters`);
const plural = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;

/** Annotates `text` and shows it; `name` labels the source (file or sample name). */
async function run_(text, name) {
  const id = ++run;
  const stale = () => id !== run;
  if (!text.trim()) {
    setStatus("Paste an article first, or pick a sample.");
    input.focus();
    return;
  }
  const t0 = performance.now();
  clear(article);
  showParagraphs(text);
  $("#result").hidden = false;
  $("#source-name").textContent = name ? `— ${name}` : "";

  // The engine runs in the worker; show the time passing so a long run is visibly alive.
  let phase = "Loading the engine…";
  setStatus(phase, { busy: true });
  const ticker = setInterval(() => {
    if (!stale()) setStatus(`${phase} ${((performance.now() - t0) / 1000).toFixed(1)} s`, { busy: true });
  }, 250);
  let annotations;
  let engineMs;
  try {
    if (!workerBroken) {
      try {
        const r = await annotateInWorker(text, id, (p) => {
          phase = p === "annotate" ? `Finding quotes and claims in ${kb(text.length)}…` : "Loading the engine…";
        });
        annotations = r.annotations;
        engineMs = r.ms;
      } catch (err) {
        if (stale()) return;
        if (!workerBroken) throw err;
      }
    }
    if (stale()) return;
    if (!annotations) {
      // No module workers here: annotate on this thread.
      phase = `Finding quotes and claims in ${kb(text.length)}…`;
      const t1 = performance.now();
      annotations = await annotateText(text);
      engineMs = performance.now() - t1;
    }
  } catch (err) {
    clearInterval(ticker);
    if (!stale()) setStatus(`Could not annotate: ${err.message}`);
    return;
  } finally {
    clearInterval(ticker);
  }
  if (stale()) return;

  // Offsets refer to `text`; the page shows it re-flowed into paragraphs. Each step below
  // is a separate task, so a book never holds the main thread for long.
  setStatus("Placing marks…", { busy: true, value: 0 });
  await yieldToPage();
  if (stale()) return;
  const shown = await extractText(article);
  await yieldToPage();
  if (stale()) return;
  const at = whitespaceAligner(text, shown);
  let painted = at ? moveOnto(annotations, shown, at) : null;
  await yieldToPage();
  if (stale()) return;
  if (!painted) {
    // Should not happen (the texts differ only in whitespace); annotate what is shown.
    painted = await annotateText(shown);
    annotations = painted;
  }
  setStatus("Painting marks…", { busy: true, value: 0 });
  defaultThreshold ??= await claimThreshold();
  threshold ??= defaultThreshold;
  const result = await annotate(article, {
    annotations: painted,
    focusable: true,
    threshold,
    onProgress: (f) => { if (!stale()) setStatus(`Painting marks… ${Math.round(f * 100)}%`, { busy: true, value: f }); },
  });
  if (stale() || result.cancelled) return;
  current = { text, name, annotations, stats: result.stats, shown: painted };
  const ms = performance.now() - t0;
  const a = annotations;
  const speakers = result.stats.speakers.length;
  setStatus(`${plural(a.quotes.length, "quote")} from ${plural(speakers, "speaker")}, ${plural(result.stats.claims, "claim")} marked of ${a.claims.length} — `
    + `engine ${Math.round(engineMs)} ms, total ${Math.round(ms)} ms.`);
  renderSide();
}

// ---------------------------------------------------------------------------------------
// Legend, filters, navigation

/** The legend group of a quote: its speaker's id, `u:<phrase>` for an unnamed source (as the
 * engine counts them: by phrase, case-insensitively), or `-` for no source at all. */
const groupOf = (q) => (q.speaker ? q.speaker : q.source ? `u:${q.source.text.toLowerCase()}` : "-");

function renderSide() {
  const { annotations: a, stats } = current;
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  current.groups = new Map(a.quotes.map((q) => [q.id, groupOf(q)]));
  renderSources(a);
  const list = $("#speakers");
  list.replaceChildren();
  const rows = [...stats.speakers].sort((x, y) => y.quotes - x.quotes || x.slot - y.slot);
  for (const s of rows) list.append(speakerRow(s.id, byId.get(s.id), PALETTE[s.slot][0], s.quotes));
  // Quotes whose source names nobody: one row per unnamed source phrase, then the
  // unattributed ones (no source phrase at all), most quoted first.
  const anon = new Map();
  for (const q of a.quotes) {
    if (q.speaker) continue;
    const g = groupOf(q);
    if (!anon.has(g)) anon.set(g, { phrase: q.source?.text ?? null, n: 0 });
    anon.get(g).n++;
  }
  const anonRows = [...anon].sort((x, y) => (x[0] === "-") - (y[0] === "-") || y[1].n - x[1].n);
  for (const [g, { phrase, n }] of anonRows) list.append(sourceRow(g, phrase, n));
  if (!rows.length && !anonRows.length) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = "No quotes found.";
    list.append(li);
  }

  $("#n-direct").textContent = a.quotes.filter((q) => q.kind === "direct").length;
  $("#n-indirect").textContent = a.quotes.filter((q) => q.kind === "indirect").length;
  renderClaims();
  const kinds = new Map();
  for (const c of a.claims) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  const kl = $("#claim-kinds");
  kl.replaceChildren();
  for (const [k, n] of [...kinds].sort((x, y) => y[1] - x[1])) {
    const li = document.createElement("li");
    const tag = document.createElement("span");
    tag.className = "kindtag";
    tag.textContent = k;
    li.append(tag, document.createTextNode(` ${n}`));
    kl.append(li);
  }
  $("#side").hidden = false;
  applyFilters();
}

/** The sources summary: named people, organisations, unnamed sources, unattributed quotes. */
function renderSources(a) {
  const sum = sourcesSummary(a);
  $("#sources-line").textContent = sum.text;
  const ul = $("#sources-summary");
  ul.replaceChildren();
  const rows = [
    ["person", "Named people"], ["organization", "Organisations"], ["unnamed", "Unnamed sources"], ["unattributed", "Unattributed"],
  ];
  for (const [kind, label] of rows) {
    const { sources, quotes } = sum[kind];
    if (!quotes) continue;
    const li = document.createElement("li");
    li.dataset.kind = kind;
    const k = document.createElement("span");
    k.className = "k";
    k.textContent = label;
    const n = document.createElement("span");
    n.className = "n";
    n.textContent = kind === "unattributed" ? "" : String(sources);
    const q = document.createElement("span");
    q.className = "q";
    q.textContent = plural(quotes, "quote");
    li.append(k, n, q);
    ul.append(li);
  }
}

/** A legend row for quotes whose source names nobody: `group` is `u:<phrase>` or `-`. */
function sourceRow(group, phrase, count) {
  const li = document.createElement("li");
  const label = document.createElement("label");
  const box = document.createElement("input");
  box.type = "checkbox";
  box.checked = true;
  box.dataset.group = group;
  box.addEventListener("change", applyFilters);
  const sw = document.createElement("span");
  sw.className = "sw";
  sw.style.backgroundColor = "#e4e4e4";
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = phrase ?? "No source named";
  const what = document.createElement("span");
  what.className = "unnamed";
  what.textContent = phrase ? "unnamed source" : "unattributed";
  label.append(box, sw, name, what);
  const n = document.createElement("span");
  n.className = "count";
  n.textContent = count;
  n.title = plural(count, "quote");
  const next = document.createElement("button");
  next.type = "button";
  next.className = "next";
  next.textContent = "Next ›";
  const who = phrase ? `from ${phrase} (unnamed)` : "with no source named";
  next.setAttribute("aria-label", `Next quote ${who}`);
  next.title = `Next quote ${who}`;
  next.addEventListener("click", () => {
    const ids = new Set([...current.groups].filter(([, g]) => g === group).map(([id]) => id));
    const list = quoteMarks(article, null).filter((m) => (m.getAttribute("data-ws-id") || "").split(" ").some((t) => ids.has(t)));
    const from = lastMark.get(group);
    const m = focusNext(list, from && from.isConnected ? from : null);
    if (m) lastMark.set(group, m);
  });
  li.append(label, n, next);
  return li;
}

/** Focuses the mark after `from` in `list` (document order), wrapping around. */
function focusNext(list, from) {
  if (!list.length) return null;
  const target = (from && list.find((m) => m !== from && (from.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING))) ?? list[0];
  focusMark(target);
  return target;
}

/** Scrolls a mark to the middle of the view, then focuses it (its card opens where it is). */
function focusMark(m) {
  if (!m.hasAttribute("tabindex")) m.setAttribute("tabindex", "-1");
  m.scrollIntoView({ block: "center", behavior: "instant" });
  m.focus({ preventScroll: true });
}

// ---------------------------------------------------------------------------------------
// Claims: threshold slider and ranked list

const slider = $("#threshold");
const fmt = (x) => x.toFixed(2);

/** How many claims the ranked list shows (a book has thousands; the list is for reading). */
const RANKED_MAX = 300;

/** The ranked list of the claims, highest score first (the first RANKED_MAX); those below
 * the threshold are listed (dimmed) under a dashed line. */
function renderClaims() {
  const { annotations: a } = current;
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  const quotes = new Map(a.quotes.map((q) => [q.id, q]));
  const ol = $("#claims-ranked");
  ol.replaceChildren();
  const ranked = [...a.claims].sort((x, y) => y.score - x.score || x.start - y.start);
  const frag = document.createDocumentFragment();
  for (const c of ranked.slice(0, RANKED_MAX)) {
    const li = document.createElement("li");
    li.dataset.claim = c.id;
    li.dataset.score = String(c.score);
    const b = document.createElement("button");
    b.type = "button";
    const score = document.createElement("span");
    score.className = "score";
    score.textContent = fmt(c.score);
    const meta = document.createElement("span");
    meta.className = "meta";
    const q = c.quote ? quotes.get(c.quote) : null;
    const who = q ? sourceLabel(q, q.speaker ? byId.get(q.speaker) : null) : null;
    meta.textContent = `${c.kind}${who ? ` · quoted: ${who}` : ""}`;
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = c.text.length > 110 ? `${c.text.slice(0, 107).trimEnd()}…` : c.text;
    b.append(score, meta, text);
    b.addEventListener("click", () => jumpToClaim(c));
    li.append(b);
    frag.append(li);
  }
  ol.append(frag);
  const more = ranked.length - RANKED_MAX;
  $("#claims-more").textContent = more > 0 ? `…and ${plural(more, "claim")} with lower scores (all in the export).` : "";
  showThreshold();
}

/** Updates the slider, its label, the count and which ranked items are dimmed. */
function showThreshold() {
  slider.value = String(threshold);
  $("#threshold-v").textContent = fmt(threshold);
  if (!current) return;
  const all = current.annotations.claims.length;
  const shown = current.annotations.claims.filter((c) => c.score >= threshold).length;
  $("#claims-shown").textContent = `${shown} of ${plural(all, "claim")} marked (default ${fmt(defaultThreshold)}: claim precision ≥ 0.90 on the dev articles).`;
  $("#n-claims").textContent = `${shown}/${all}`;
  let cut = false;
  for (const li of $("#claims-ranked").children) {
    if (!li.dataset.score) continue;
    const below = Number(li.dataset.score) < threshold;
    li.classList.toggle("below", below);
    li.classList.toggle("cut", below && !cut);
    if (below) cut = true;
  }
}

/** Moves focus to a claim's first mark (its card opens); a claim below the threshold is
 * brought in by lowering the threshold to its score first. */
async function jumpToClaim(c) {
  if (c.score < threshold) await setThreshold(c.score);
  const m = article.querySelector(`mark[data-ws-id~="${CSS.escape(c.id)}"]`);
  if (!m) return;
  focusMark(m);
  m.classList.add("ws-flash");
  setTimeout(() => m.classList.remove("ws-flash"), 1200);
}

let repainting = null;

/** Sets the threshold and repaints the marks (coalescing quick slider moves). */
function setThreshold(t) {
  threshold = Math.round(t * 100) / 100;
  showThreshold();
  if (!current) return Promise.resolve();
  repainting ??= (async () => {
    try {
      for (;;) {
        const want = threshold;
        const id = run;
        const r = await annotate(article, { annotations: current.shown, focusable: true, threshold: want });
        if (id !== run || r.cancelled) return;
        current.stats = r.stats;
        applyFilters();
        if (want === threshold) return;
      }
    } finally {
      repainting = null;
    }
  })();
  return repainting;
}

slider.addEventListener("input", () => setThreshold(Number(slider.value)));
$("#threshold-reset").addEventListener("click", () => setThreshold(defaultThreshold));

function speakerRow(id, entity, colour, count) {
  const li = document.createElement("li");
  const label = document.createElement("label");
  const box = document.createElement("input");
  box.type = "checkbox";
  box.checked = true;
  box.dataset.speaker = id ?? "";
  box.addEventListener("change", applyFilters);
  const sw = document.createElement("span");
  sw.className = "sw";
  sw.style.backgroundColor = colour;
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = entity ? entity.name : "No speaker found";
  label.append(box, sw, name);
  if (entity?.title) {
    const t = document.createElement("span");
    t.className = "title";
    t.textContent = entity.title;
    label.append(t);
  }
  const n = document.createElement("span");
  n.className = "count";
  n.textContent = count;
  n.title = `${count} quote${count === 1 ? "" : "s"}`;
  const next = document.createElement("button");
  next.type = "button";
  next.className = "next";
  next.textContent = "Next ›";
  const who = entity ? entity.name : "with no speaker";
  next.setAttribute("aria-label", `Next quote by ${who}`);
  next.title = `Next quote ${entity ? `by ${entity.name}` : "with no speaker"}`;
  next.addEventListener("click", () => {
    const from = lastMark.get(id ?? "") ?? null;
    const m = nextQuote(article, id, from && from.isConnected ? from : null);
    if (m) lastMark.set(id ?? "", m);
  });
  li.append(label, n, next);
  return li;
}

const lastMark = new Map();

function applyFilters() {
  for (const box of document.querySelectorAll("#filters input[data-hide]")) {
    article.classList.toggle(box.dataset.hide, !box.checked);
  }
  for (const box of document.querySelectorAll("#filters input[data-show]")) {
    article.classList.toggle(box.dataset.show, box.checked);
  }
  const hidden = new Set([...document.querySelectorAll("#speakers input[data-speaker]")]
    .filter((b) => !b.checked).map((b) => b.dataset.speaker));
  const hiddenGroups = new Set([...document.querySelectorAll("#speakers input[data-group]")]
    .filter((b) => !b.checked).map((b) => b.dataset.group));
  const groups = current?.groups ?? new Map();
  for (const m of article.querySelectorAll("mark.ws-quote, mark.ws-cue, mark.ws-speaker, mark.ws-source")) {
    const s = m.getAttribute("data-ws-s");
    let off;
    if (s) {
      off = hidden.has(s);
    } else {
      // No speaker: find the quote this piece belongs to (`q3`, `q3-cue`, `q3-src`).
      const q = (m.getAttribute("data-ws-id") || "").split(" ").map((t) => t.split("-")[0]).find((t) => groups.has(t));
      off = q !== undefined && hiddenGroups.has(groups.get(q));
    }
    m.classList.toggle("ws-off", off);
  }
}

for (const box of document.querySelectorAll("#filters input")) box.addEventListener("change", applyFilters);

// ---------------------------------------------------------------------------------------
// Input: button, samples, files, drag and drop

/** Name of the sample or file now in the text area (cleared when the text is edited). */
let inputName = "";
input.addEventListener("input", () => { inputName = ""; });
$("#annotate").addEventListener("click", () => run_(input.value, inputName));
input.addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) run_(input.value, inputName);
});

$("#sample").addEventListener("change", async (ev) => {
  const url = ev.target.value;
  if (!url) return;
  const name = ev.target.selectedOptions[0].textContent;
  setStatus(`Loading ${name}…`);
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    input.value = await res.text();
    inputName = name;
    await run_(input.value, name);
  } catch (err) {
    setStatus(`Could not load the sample: ${err.message}`);
  }
});

async function openFile(file) {
  if (!file) return;
  const isHtml = /\.html?$/i.test(file.name) || file.type === "text/html";
  const isText = /\.(txt|text|md)$/i.test(file.name) || file.type.startsWith("text/");
  if (!isHtml && !isText) {
    setStatus(`${file.name}: only .txt and .html files can be read.`);
    return;
  }
  const raw = await file.text();
  const text = isHtml ? htmlToArticleText(raw) : raw;
  if (isHtml && !text.trim()) {
    setStatus(`${file.name}: no article text found in this page.`);
    return;
  }
  input.value = text;
  inputName = file.name;
  await run_(text, file.name);
}

$("#file").addEventListener("change", (ev) => { openFile(ev.target.files[0]); ev.target.value = ""; });

const dropzone = $("#dropzone");
let dragDepth = 0;
const hasFiles = (ev) => [...(ev.dataTransfer?.types ?? [])].includes("Files");
document.addEventListener("dragenter", (ev) => {
  if (!hasFiles(ev)) return;
  dragDepth++;
  dropzone.hidden = false;
});
document.addEventListener("dragleave", () => {
  if (--dragDepth <= 0) { dragDepth = 0; dropzone.hidden = true; }
});
document.addEventListener("dragover", (ev) => { if (hasFiles(ev)) ev.preventDefault(); });
document.addEventListener("drop", (ev) => {
  if (!hasFiles(ev)) return;
  ev.preventDefault();
  dragDepth = 0;
  dropzone.hidden = true;
  openFile(ev.dataTransfer.files[0]);
});

// ---------------------------------------------------------------------------------------
// Export

function download(name, data, type) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const baseName = () => (current?.name || "article").replace(/\.[a-z]+$/i, "").replace(/[^\w.-]+/g, "-").slice(0, 60) || "article";

$("#export-json").addEventListener("click", () => {
  if (current) download(`${baseName()}.whosaid.json`, current.annotations, "application/json");
});
$("#export-jsonld").addEventListener("click", async () => {
  if (!current) return;
  const doc = await toWebAnnotation(current.text, current.annotations, { name: current.name, generator: `whosaid ${await version()}` });
  download(`${baseName()}.annotations.jsonld`, doc, "application/ld+json");
});

// For tests and the curious: the state of the last run.
window.whosaidPage = {
  get current() { return current; },
  get threshold() { return threshold; },
  setThreshold,
  run: (text, name) => run_(text, name),
  quoteMarks: (speaker) => quoteMarks(article, speaker),
  toWebAnnotation,
  htmlToArticleText,
};

load().then(async () => {
  $("#engine").textContent = `engine ${await version()}`;
  defaultThreshold = await claimThreshold();
  threshold ??= defaultThreshold;
  showThreshold();
})
  .catch((err) => setStatus(`The engine did not load: ${err.message}`));
