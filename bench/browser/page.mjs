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
  const text = el.textContent;
  const out = { words: text.split(/\s+/u).filter(Boolean).length, chars: text.length };

  let t = performance.now();
  await load();
  out.whosaid_load_ms = performance.now() - t;

  // whosaid: annotate + paint (wrap mode, the embed's default) + layout; cleared between runs.
  t = performance.now();
  // The embed returns { annotations, stats } (older builds returned the annotations).
  const annOf = (r) => r.annotations ?? r;
  let ann = annOf(await annotate(el));
  layout(el);
  out.whosaid_first_ms = performance.now() - t;
  const paint = [];
  for (let i = 0; i < reps; i++) {
    clear(el);
    layout(el);
    t = performance.now();
    ann = annOf(await annotate(el));
    layout(el);
    paint.push(performance.now() - t);
  }
  out.whosaid_paint_ms = median(paint);
  out.whosaid_quotes = ann.quotes.length;
  out.whosaid_direct = ann.quotes.filter((q) => q.kind === 'direct').length;
  out.marks = el.querySelectorAll('mark[data-ws]').length;
  clear(el);
  out.cleared_marks = el.querySelectorAll('mark[data-ws]').length;

  // whosaid without the DOM: the wasm core on the same string, for the split core vs paint.
  const core = [];
  for (let i = 0; i < reps; i++) {
    t = performance.now();
    await annotateText(text);
    core.push(performance.now() - t);
  }
  out.whosaid_text_ms = median(core);

  // compromise: parse + .quotations() on the same text, offsets out (it paints nothing).
  t = performance.now();
  let q = nlp(text).quotations().json({ offset: true });
  out.compromise_first_ms = performance.now() - t;
  const comp = [];
  for (let i = 0; i < reps; i++) {
    t = performance.now();
    q = nlp(text).quotations().json({ offset: true });
    comp.push(performance.now() - t);
  }
  out.compromise_ms = median(comp);
  out.compromise_quotes = q.length;
  out.reps = reps;
  return out;
};
window.benchReady = true;
