#!/usr/bin/env node
// Browser half of bench/run: in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core), time whosaid's embed annotating and painting a 10 000-word article, and
// compromise's .quotations() on the same text in the same page. Prints one JSON object.
//
//   node bench/browser/bench.mjs [--words 10000] [--reps 7] [--no-peer] [--modes wrap,highlight]
//                                [--www DIR]
//
// For whosaid, each of the modes (wrap: <mark> elements, the default; highlight: the CSS Custom
// Highlight API) is timed to the end (annotate resolved + a forced layout), to the first frame
// showing marks, and split into its parts (page.mjs says how). --no-peer leaves compromise out;
// --www DIR serves /www/ from DIR instead (another build's www/, for a side-by-side).
//
// The article is the dev articles (tests/data/articles, or $WHOSAID_DATA/articles) taken
// paragraph by paragraph, in name order, repeated until it has the number of words asked for.
// Files are served from the repository root by a small static server on 127.0.0.1 (port chosen
// by the OS), so the embed loads from /www/ with its wasm served as application/wasm.

import { createServer } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const dataDir = process.env.WHOSAID_DATA || path.join(root, 'tests', 'data');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const words = arg('--words', 10000);
const reps = arg('--reps', 7);
const peer = !process.argv.includes('--no-peer');
const modesAt = process.argv.indexOf('--modes');
const modes = modesAt > 0 ? process.argv[modesAt + 1].split(',') : ['wrap', 'highlight'];
const wwwAt = process.argv.indexOf('--www');
const www = wwwAt > 0 ? path.resolve(process.argv[wwwAt + 1]) : null;

async function article(nWords) {
  const dir = path.join(dataDir, 'articles');
  const names = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const paras = [];
  for (const n of names) {
    const text = await readFile(path.join(dir, n), 'utf8');
    paras.push(...text.split(/\n[ \t]*\n/u).map((p) => p.trim()).filter(Boolean));
  }
  const out = [];
  let count = 0;
  for (let i = 0; count < nWords; i = (i + 1) % paras.length) {
    out.push(paras[i]);
    count += paras[i].split(/\s+/u).filter(Boolean).length;
  }
  return out;
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json',
};

function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const rel = decodeURIComponent(url.pathname);
    const base = www && rel.startsWith('/www/') ? www : root;
    const file = path.resolve(base, '.' + (base === www ? rel.slice(4) : rel));
    if (!file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const server = await serve();
const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'whosaid-bench-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-quic', '--disable-component-update', '--disable-sync'],
    timeout: 60000,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const { port } = server.address();
  await page.goto(`http://127.0.0.1:${port}/bench/browser/page.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 });
  const paras = await article(words);
  const result = await page.evaluate(([p, r, o]) => window.bench(p, r, o), [paras, reps, { peer, modes }]);
  result.chromium = context.browser()?.version() ?? null;
  if (errors.length) result.page_errors = errors;
  console.log(JSON.stringify(result, null, 1));
} finally {
  await context?.close();
  await rm(userDataDir, { recursive: true, force: true });
  server.close();
}
