// In-page half of the browser bench. bench.mjs calls window.bench(paragraphs, reps) and reads
// the JSON it returns. Both libraries are already loaded and warmed up once before timing, so
// the figures compare steady-state work on the same text in the same page; whosaid's module
// load (fetch + compile + instantiate of the .wasm) is measured apart.
import { load, annotate, annotateText, clear } from '/www/whosaid.js';
import nlp from './node_modules/compromise/builds/three/compromise-three.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Forces style and layout, so "paint" includes the browser laying out the new marks. */
const layout = (el) => el.getBoundingClientRect().height + document.body.offsetHeight;

window.bench = async (paragraphs, reps) => {
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
  t = performance.now();
  let q = nlp(text).quotations().json({ offset: true });
  out.compromise_first_ms = performance.now() - t;

  // Interleaved, so a burst of load elsewhere on the machine hits both alike.
  const paint = [], core = [], comp = [];
  for (let i = 0; i < reps; i++) {
    // whosaid: annotate + paint (wrap mode, the embed's default) + layout; cleared after.
    layout(el);
    t = performance.now();
    ann = annOf(await annotate(el));
    layout(el);
    paint.push(performance.now() - t);
    if (i === 0) out.marks = el.querySelectorAll('mark').length;
    clear(el);
    // whosaid without the DOM: the wasm core on the same string, for the split core vs paint.
    t = performance.now();
    await annotateText(text);
    core.push(performance.now() - t);
    // compromise: parse + .quotations() on the same text, offsets out (it paints nothing).
    t = performance.now();
    q = nlp(text).quotations().json({ offset: true });
    comp.push(performance.now() - t);
  }
  out.cleared_marks = el.querySelectorAll('mark').length;
  out.whosaid_paint_ms = median(paint);
  out.whosaid_text_ms = median(core);
  out.compromise_ms = median(comp);
  out.whosaid_quotes = ann.quotes.length;
  out.whosaid_direct = ann.quotes.filter((x) => x.kind === 'direct').length;
  out.compromise_quotes = q.length;
  out.runs = { whosaid_paint_ms: paint, whosaid_text_ms: core, compromise_ms: comp };
  out.reps = reps;
  return out;
};
window.benchReady = true;
