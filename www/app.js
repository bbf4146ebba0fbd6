// The whosaid page: paste, drop or pick an article, annotate, read the marks.
// All article text goes into the page through textContent / text nodes only.
import { load, describe, paint, extractText } from "./whosaid.js";
import * as wasm from "./pkg/whosaid.js";

const $ = (id) => document.getElementById(id);
const input = $("input"), article = $("article"), status = $("status"), card = $("card");
/** Above this many characters the engine runs in a Web Worker. */
const WORKER_THRESHOLD = 200_000;
let current = null; // { ann, text }

function setStatus(msg) { status.textContent = msg; }

/** Splits text into paragraphs the way the engine does: blank lines, else lines. */
function paragraphs(text) {
  const parts = /\n[ \t\r]*\n/.test(text) ? text.split(/\n[ \t\r]*\n+/) : text.split("\n");
  return parts.map((p) => p.trim()).filter(Boolean);
}

function render(text) {
  article.replaceChildren(...paragraphs(text).map((p) => {
    const el = document.createElement("p");
    el.textContent = p;
    return el;
  }));
}

async function annotate() {
  const text = input.value;
  if (!text.trim()) { setStatus("Paste an article first."); return; }
  const t0 = performance.now();
  try {
    await load();
    render(text);
    $("result").hidden = false;
    let ann;
    if (text.length > WORKER_THRESHOLD) {
      const extracted = await extractText(article);
      ann = await inWorker(extracted);
      setStatus("painting…");
      await paint(article, ann, { focusable: true });
    } else {
      ann = wasm.annotate_element(article, { focusable: true });
    }
    current = { ann, text: await extractText(article) };
    legend(ann);
    applyFilters();
    setStatus(`${ann.quotes.length} quotes, ${ann.entities.length} entities, ${ann.claims.length} claims · ${Math.round(performance.now() - t0)} ms`);
  } catch (e) {
    console.error(e);
    setStatus(`Could not annotate: ${e.message || e}`);
  }
}

function inWorker(text) {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    w.onmessage = (ev) => {
      if (ev.data.progress) setStatus(ev.data.progress + "…");
      if (ev.data.result) { w.terminate(); resolve(ev.data.result); }
      if (ev.data.error) { w.terminate(); reject(new Error(ev.data.error)); }
    };
    w.onerror = (e) => { w.terminate(); reject(new Error(e.message)); };
    w.postMessage(text);
  });
}

function legend(ann) {
  const counts = new Map();
  for (const q of ann.quotes) counts.set(q.speaker, (counts.get(q.speaker) || 0) + 1);
  const list = $("speakers");
  list.replaceChildren();
  const rows = ann.entities.map((e, i) => ({ e, i, n: counts.get(e.id) || 0 })).filter((r) => r.n > 0).sort((a, b) => b.n - a.n);
  if (counts.get(null)) rows.push({ e: { id: null, name: "Unattributed" }, i: -1, n: counts.get(null) });
  for (const { e, i, n } of rows) {
    const li = document.createElement("li");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("aria-label", `Show quotes by ${e.name}`);
    box.addEventListener("change", () => toggleSpeaker(e.id, box.checked));
    const sw = document.createElement("span");
    sw.className = "swatch " + (i >= 0 ? `ws-s${i % 8}` : "ws-nospeaker");
    // The swatch reads its colours from the same classes as the marks.
    sw.setAttribute("data-ws", "");
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = `${e.name} (${n})`;
    if (e.title) {
      const t = document.createElement("span");
      t.className = "title";
      t.textContent = e.title;
      name.append(t);
    }
    const next = document.createElement("button");
    next.type = "button";
    next.textContent = "next";
    next.title = `Next quote by ${e.name}`;
    next.addEventListener("click", () => nextQuote(e.id));
    li.append(box, sw, name, next);
    list.append(li);
  }
  const kinds = {};
  for (const c of ann.claims) kinds[c.kind] = (kinds[c.kind] || 0) + 1;
  $("counts").textContent = "Claims: " + (Object.entries(kinds).map(([k, v]) => `${k} ${v}`).join(", ") || "none");
}

function quoteMarks(speaker) {
  const sel = speaker ? `mark.ws-quote[data-ws-speaker="${CSS.escape(speaker)}"]` : "mark.ws-quote:not([data-ws-speaker])";
  return [...article.querySelectorAll(sel)];
}

function toggleSpeaker(speaker, on) {
  for (const m of quoteMarks(speaker)) m.classList.toggle("ws-off", !on);
}

let cursor = new Map();
function nextQuote(speaker) {
  // One stop per quote, not per painted piece.
  const seen = new Set();
  const marks = quoteMarks(speaker).filter((m) => !seen.has(m.dataset.wsQuote) && seen.add(m.dataset.wsQuote));
  if (!marks.length) return;
  const i = ((cursor.get(speaker) ?? -1) + 1) % marks.length;
  cursor.set(speaker, i);
  const m = marks[i];
  m.scrollIntoView({ block: "center", behavior: "smooth" });
  m.focus({ preventScroll: true });
  m.classList.add("ws-flash");
  setTimeout(() => m.classList.remove("ws-flash"), 1200);
}

function applyFilters() {
  for (const box of document.querySelectorAll("#filters input")) article.classList.toggle(box.dataset.hide, !box.checked);
}
for (const box of document.querySelectorAll("#filters input")) box.addEventListener("change", applyFilters);

// Cards on hover and keyboard focus.
function showCard(m) {
  if (!current) return;
  card.replaceChildren();
  for (const [k, v] of describe(current.ann, m)) {
    if (v === undefined || v === null || v === "") continue;
    const row = document.createElement("div");
    const b = document.createElement("b");
    b.textContent = k + ": ";
    row.append(b, document.createTextNode(String(v)));
    card.append(row);
  }
  const r = m.getBoundingClientRect();
  card.hidden = false;
  card.style.left = Math.max(4, Math.min(r.left, innerWidth - 350)) + "px";
  card.style.top = (r.bottom + 140 > innerHeight ? Math.max(4, r.top - card.offsetHeight - 6) : r.bottom + 6) + "px";
}
for (const ev of ["mouseover", "focusin"]) article.addEventListener(ev, (e) => { const m = e.target.closest("mark[data-ws]"); if (m) showCard(m); });
for (const ev of ["mouseout", "focusout"]) article.addEventListener(ev, (e) => { if (e.target.closest("mark[data-ws]")) card.hidden = true; });
document.addEventListener("keydown", (e) => { if (e.key === "Escape") card.hidden = true; });

// Export.
function download(name, obj, type) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(obj, null, 2)], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The JSON contract, with the text its UTF-16 offsets refer to. */
export function exportJson() {
  return { ...current.ann, text: current.text };
}

/** W3C Web Annotation JSON-LD: TextQuoteSelector (with prefix/suffix) + TextPositionSelector. */
export function exportJsonLd() {
  const { ann, text } = current;
  const cp = (i) => [...text.slice(0, i)].length; // positions count code points
  const name = new Map(ann.entities.map((e) => [e.id, e.name]));
  const item = (id, start, end, body) => ({
    id: `urn:whosaid:${id}`,
    type: "Annotation",
    motivation: "classifying",
    body,
    target: {
      source: "urn:whosaid:article",
      selector: [
        { type: "TextQuoteSelector", exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
        { type: "TextPositionSelector", start: cp(start), end: cp(end) },
      ],
    },
  });
  const items = [
    ...ann.quotes.map((q) => item(q.id, q.start, q.end, { type: "TextualBody", purpose: "classifying", value: `${q.kind} quote by ${name.get(q.speaker) ?? "unattributed"}` })),
    ...ann.claims.map((c) => item(c.id, c.start, c.end, { type: "TextualBody", purpose: "classifying", value: `${c.kind} claim (score ${c.score})` })),
  ];
  return { "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", label: "whosaid", total: items.length, first: { type: "AnnotationPage", items } };
}
$("export-json").addEventListener("click", () => download("whosaid.json", exportJson(), "application/json"));
$("export-jsonld").addEventListener("click", () => download("whosaid.jsonld", exportJsonLd(), "application/ld+json"));

// Input: samples, files, drop.
$("annotate").addEventListener("click", annotate);
$("sample").addEventListener("change", async (e) => {
  if (!e.target.value) return;
  input.value = await (await fetch(e.target.value)).text();
  annotate();
});

/** The main text of an HTML document: <article>, <main>, or the element with most <p> text. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, "text/html"); // inert: never inserted, scripts never run
  for (const bad of doc.querySelectorAll("script,style,noscript,template,nav,header,footer,aside,form,iframe,svg,figure")) bad.remove();
  let root = doc.querySelector("article") || doc.querySelector("main");
  if (!root) {
    const score = new Map();
    for (const p of doc.querySelectorAll("p")) score.set(p.parentElement, (score.get(p.parentElement) || 0) + p.textContent.length);
    root = [...score.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] || doc.body;
  }
  const blocks = [...root.querySelectorAll("h1,h2,h3,p,li,blockquote")].map((b) => b.textContent.replace(/\s+/g, " ").trim()).filter(Boolean);
  return blocks.length ? blocks.join("\n\n") : root.textContent.trim();
}

async function openFile(file) {
  const raw = await file.text();
  input.value = /\.html?$/i.test(file.name) || file.type === "text/html" ? htmlToText(raw) : raw;
  annotate();
}
$("file").addEventListener("change", (e) => e.target.files[0] && openFile(e.target.files[0]));
input.addEventListener("dragover", (e) => { e.preventDefault(); input.classList.add("drag"); });
input.addEventListener("dragleave", () => input.classList.remove("drag"));
input.addEventListener("drop", (e) => {
  e.preventDefault();
  input.classList.remove("drag");
  if (e.dataTransfer.files[0]) openFile(e.dataTransfer.files[0]);
});

window.whosaidPage = { exportJson, exportJsonLd, htmlToText, annotate };
