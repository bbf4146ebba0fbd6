// In-page half of the browser bench. bench.mjs calls window.bench(paragraphs, reps, options)
// and reads the JSON it returns. Both libraries are already loaded and warmed up once before
// timing, so the figures compare steady-state work on the same text in the same page;
// whosaid's module load (fetch + compile + instantiate of the .wasm) is measured apart.
import { load, annotate, annotateText, clear } from '/www/whosaid.js';
import nlp from './node_modules/compromise/builds/three/compromise-three.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

/** Forces style and layout, so "paint" includes the browser laying out the new marks. */
const layout = (el) => el.getBoundingClientRect().height + document.body.offsetHeight;

/** A task queued now: it runs once the current task (and its microtasks) is over. */
const nextTask = () => new Promise((resolve) => {
  const c = new MessageChannel();
  c.port1.onmessage = () => resolve(performance.now());
  c.port2.postMessage(0);
});

/** Resolves after the browser rendered one frame (style, layout, paint on the main thread),
 * with how long that rendering took: from the frame's requestAnimationFrame callbacks to the
 * first task after it. */
const frame = () => new Promise((resolve) => requestAnimationFrame(() => {
  const t = performance.now();
  nextTask().then((end) => resolve(end - t));
}));

/**
 * One annotate(el, {mode}) timed as a reader sees it:
 * - `done`: until annotate resolved (everything painted), plus a forced layout — the
 *   historical measure (`whosaid_paint_ms` for wrap mode);
 * - `first_frame`: wall time until the browser finished rendering the first frame that shows
 *   marks (waiting for that frame included);
 * - `first_work`: the busy part of that: our work before yielding to the browser plus that
 *   frame's rendering (style, layout, paint), without the wait for the frame's turn.
 */
async function timedAnnotate(el, mode) {
  const has = mode === 'highlight'
    ? () => [...CSS.highlights.keys()].some((k) => k.startsWith('ws-'))
    : () => el.querySelector('mark.ws-mark') !== null;
  let firstEnd = null;
  let firstRaf = null;
  let watching = true;
  const watch = () => requestAnimationFrame(() => {
    if (!watching) return;
    if (!has()) { watch(); return; }
    firstRaf = performance.now();
    nextTask().then((t) => { firstEnd = t; });
  });
  const t0 = performance.now();
  watch();
  const sliceEnd = nextTask(); // runs after annotate's first synchronous stretch
  const r = await annotate(el, { mode });
  layout(el);
  const done = performance.now() - t0;
  await frame();
  while (firstEnd === null) await frame(); // (frames keep coming while something changed)
  watching = false;
  const slice = (await sliceEnd) - t0;
  const firstFrame = firstEnd - t0;
  // Our first stretch ended before that frame began: count it, then the frame's own work.
  const firstWork = slice <= firstRaf - t0 ? slice + (firstEnd - firstRaf) : firstFrame;
  return { r, done, firstFrame, firstWork };
}

/**
 * Where the time goes, in `mode`, by calling the embed's wasm pieces one at a time on the
 * element: reading its text (`extract`), the core with its JSON out (`core`: annotate, UTF-16
 * offsets, JSON written in wasm and parsed by JSON.parse), JSON.parse alone on that JSON
 * (`json_parse`), painting given annotations (`paint_js`: flattening them, checking them
 * against the text, planning, wrapping or registering ranges), the forced layout after it
 * (`layout`) and the next frame's rendering (`render`).
 */
async function breakdown(el, text, mode, reps) {
  const w = await load();
  const json = JSON.stringify(w.annotate_text(text));
  const ph = { extract: [], core: [], json_parse: [], paint_js: [], layout: [], render: [] };
  for (let i = 0; i < reps; i++) {
    clear(el);
    layout(el);
    await frame();
    let t = performance.now();
    const shown = w.extract_text(el);
    ph.extract.push(performance.now() - t);
    t = performance.now();
    const ann = w.annotate_text(shown);
    ph.core.push(performance.now() - t);
    t = performance.now();
    JSON.parse(json);
    ph.json_parse.push(performance.now() - t);
    t = performance.now();
    const painter = new w.Painter(el, ann, { mode });
    painter.step(1e9);
    painter.free();
    ph.paint_js.push(performance.now() - t);
    t = performance.now();
    layout(el);
    ph.layout.push(performance.now() - t);
    ph.render.push(await frame());
  }
  w.clear(el);
  layout(el);
  return Object.fromEntries(Object.entries(ph).map(([k, v]) => [k, round(median(v))]));
}

window.bench = async (paragraphs, reps, { peer = true, modes = ['wrap', 'highlight'] } = {}) => {
  const el = document.getElementById('article');
  el.replaceChildren(...paragraphs.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
  layout(el);
  // The text both libraries get: the paragraphs with a blank line between them.
  const text = paragraphs.join('\n\n');
  const out = { words: text.split(/\s+/u).filter(Boolean).length, chars: text.length };

  let t = performance.now();
  await load();
  out.whosaid_load_ms = performance.now() - t;

  // Warm-up, one of each, timed as "first".
  // The embed returns { annotations, stats } (older builds returned the annotations).
  const annOf = (r) => r.annotations ?? r;
  t = performance.now();
  let ann = annOf(await annotate(el));
  layout(el);
  out.whosaid_first_ms = performance.now() - t;
  clear(el);
  for (const mode of modes) {
    await annotate(el, { mode });
    clear(el);
  }
  let q;
  if (peer) {
    t = performance.now();
    q = nlp(text).quotations().json({ offset: true });
    out.compromise_first_ms = performance.now() - t;
  }

  // Interleaved, so a burst of load elsewhere on the machine hits all alike.
  const runs = { whosaid_text_ms: [], compromise_ms: [] };
  for (const mode of modes) {
    for (const k of ['done', 'first_frame', 'first_work']) runs[`${mode}_${k}_ms`] = [];
  }
  for (let i = 0; i < reps; i++) {
    for (const mode of modes) {
      // whosaid: annotate + paint + layout, and when the first marks reach the screen.
      layout(el);
      await frame();
      const m = await timedAnnotate(el, mode);
      ann = annOf(m.r);
      runs[`${mode}_done_ms`].push(m.done);
      runs[`${mode}_first_frame_ms`].push(m.firstFrame);
      runs[`${mode}_first_work_ms`].push(m.firstWork);
      if (i === 0 && mode === 'wrap') out.marks = el.querySelectorAll('mark').length;
      if (i === 0) out[`${mode}_stats`] = m.r.stats;
      clear(el);
    }
    // whosaid without the DOM: the wasm core on the same string, for the split core vs paint.
    t = performance.now();
    await annotateText(text);
    runs.whosaid_text_ms.push(performance.now() - t);
    if (peer) {
      // compromise: parse + .quotations() on the same text, offsets out (it paints nothing).
      t = performance.now();
      q = nlp(text).quotations().json({ offset: true });
      runs.compromise_ms.push(performance.now() - t);
    }
  }
  out.cleared_marks = el.querySelectorAll('mark').length;
  for (const [k, v] of Object.entries(runs)) if (v.length) out[k] = median(v);
  // The historical names: wrap mode (the embed's default) is "paint".
  out.whosaid_paint_ms = out.wrap_done_ms;
  runs.whosaid_paint_ms = runs.wrap_done_ms;
  out.breakdown = {};
  for (const mode of modes) out.breakdown[mode] = await breakdown(el, text, mode, reps);
  out.whosaid_quotes = ann.quotes.length;
  out.whosaid_direct = ann.quotes.filter((x) => x.kind === 'direct').length;
  if (peer) out.compromise_quotes = q.length;
  out.runs = Object.fromEntries(Object.entries(runs).filter(([, v]) => v.length).map(([k, v]) => [k, v.map(round)]));
  out.reps = reps;
  return out;
};
window.benchReady = true;
