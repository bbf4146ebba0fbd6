// The npm package as a user gets it: the tarball `scripts/build-npm` packed
// (target/npm/whosaid-<version>.tgz) is installed with `npm install` into a scratch project
// (a fresh temporary directory), and then
// - its package.json and files are what the exports promise;
// - Node imports it (the "node" export) and `annotateText` gives the JSON contract, the same
//   quotes, entities and claims as the command line, with UTF-16 offsets;
// - TypeScript resolves declarations for every runtime export, under Node and bundler
//   resolution (tsc --noEmit --strict on consumer files);
// - a page imports it unbundled from a static server (import map) and annotates an article,
//   with the function and with <whosaid-article>;
// - esbuild bundles it; without the .wasm copied next to the bundle the page gets an error
//   naming the fix, and with either fix (copy, or load({ wasm })) it annotates.
// Run by `./dev test` (phase "npm package"); needs `scripts/build-npm` and the release
// `whosaid` binary (for `whosaid serve` and the CLI comparison).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { dataDir, launchBrowser, repoRoot, screenshot, startServer, watchPage } from '../../e2e/harness.mjs';

const run = promisify(execFile);
const npmDir = path.join(repoRoot, 'target', 'npm');
const bin = path.join(repoRoot, 'e2e', 'node_modules', '.bin');
const targetDir = process.env.CARGO_TARGET_DIR
  ? path.resolve(repoRoot, process.env.CARGO_TARGET_DIR)
  : path.join(repoRoot, 'target');
const whosaidBin = process.env.WHOSAID_BIN ?? path.join(targetDir, 'release', 'whosaid');

const SAMPLE = '\u{1F4F0} Ukraine war: Pentagon says it is ready\n\n'
  + '“We are ready for any contingency,” said Pentagon press secretary John Kirby on Monday. '
  + 'Kirby told reporters that 8,500 troops had been put on heightened alert.\n\n'
  + 'Prices will rise by 3.5% next year because of the war, the bank warned in a statement.';

let scratch; // the scratch project, with node_modules/whosaid installed from the tarball
let pkgDir;

before(async () => {
  const tarballs = existsSync(npmDir) ? (await readdir(npmDir)).filter((f) => /^whosaid-.*\.tgz$/.test(f)) : [];
  assert.equal(tarballs.length, 1, `expected one tarball in ${npmDir}: run scripts/build-npm first`);
  scratch = await mkdtemp(path.join(os.tmpdir(), 'whosaid-npm-'));
  await writeFile(path.join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error',
    path.join(npmDir, tarballs[0])], { cwd: scratch });
  pkgDir = path.join(scratch, 'node_modules', 'whosaid');
});

after(async () => {
  if (scratch && !process.env.KEEP) await rm(scratch, { recursive: true, force: true });
});

test('package.json: exports, types, files, sideEffects, license; every exported file is there', async () => {
  const pkg = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8'));
  const cargo = await readFile(path.join(repoRoot, 'Cargo.toml'), 'utf8');
  assert.equal(pkg.name, 'whosaid');
  assert.equal(pkg.version, cargo.match(/^version = "([^"]+)"/m)[1]);
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.types, './whosaid.d.ts');
  assert.ok(Array.isArray(pkg.files) && Array.isArray(pkg.sideEffects));
  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const t of [...targets, pkg.types, pkg.module, './README.md', './pkg/whosaid.js']) {
    assert.ok(existsSync(path.join(pkgDir, t)), `${t} is missing from the installed package`);
  }
  assert.equal(pkg.exports['.'].node.default, './node.js');
  assert.equal(pkg.exports['.'].default, './whosaid.js');
  // Nothing of the repository beyond the package: no sources, tests or maps.
  const files = [];
  const list = async (d) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await list(path.join(d, e.name));
      else files.push(path.relative(pkgDir, path.join(d, e.name)));
    }
  };
  await list(pkgDir);
  for (const f of files) assert.match(f, /^(pkg\/|[a-z]+\.(js|d\.ts)$|README\.md$|package\.json$)/, f);
});

/** Runs `code` as an ES module file in the scratch project (so "whosaid" resolves to the
 * installed package) and returns what it prints, parsed as JSON. */
async function inScratch(name, code) {
  const file = path.join(scratch, name);
  await writeFile(file, code);
  const { stdout } = await run(process.execPath, [file], { cwd: scratch, maxBuffer: 64 << 20 });
  return JSON.parse(stdout);
}

test('Node: annotateText gives the JSON contract (v2, UTF-16 offsets)', async () => {
  const out = await inScratch('node-sample.mjs', `
    import { annotateText, annotateTextSync, version, load } from "whosaid";
    import * as viaSubpath from "whosaid/node";
    const text = ${JSON.stringify(SAMPLE)};
    const a = await annotateText(text);
    console.log(JSON.stringify({
      a, sync: annotateTextSync(text), version: await version(), loaded: typeof (await load()),
      same: viaSubpath.annotateText === annotateText,
    }));
  `);
  const { a } = out;
  assert.deepEqual(out.sync, a);
  assert.equal(out.same, true);
  assert.match(out.version, /^\d+\.\d+\.\d+/);
  assert.equal(a.version, 2);
  assert.equal(a.offsets, 'utf16');
  for (const k of ['entities', 'quotes', 'claims', 'sources']) assert.ok(Array.isArray(a[k]), k);
  // Offsets are UTF-16: the emoji at the start (two code units) shifts them by two.
  for (const item of [...a.quotes, ...a.claims]) {
    assert.equal(SAMPLE.slice(item.start, item.end), item.text);
  }
  const q = a.quotes.find((x) => x.text === 'We are ready for any contingency');
  assert.ok(q, JSON.stringify(a.quotes));
  assert.equal(q.kind, 'direct');
  const kirby = a.entities.find((e) => e.id === q.speaker);
  assert.equal(kirby?.name, 'John Kirby');
  assert.ok(q.source === null || SAMPLE.slice(q.source.start, q.source.end) === q.source.text);
  assert.ok(a.sources.some((s) => s.entity === kirby.id && s.name === 'John Kirby' && s.quotes >= 1),
    JSON.stringify(a.sources));
  assert.ok(a.claims.some((c) => c.kind === 'quantity' || c.kind === 'prediction'));
});

test('Node: annotateText finds what the command line finds on a dev article', async () => {
  const file = path.join(dataDir, 'articles', 'wapo-1.txt');
  const text = await readFile(file, 'utf8');
  const out = await inScratch('node-article.mjs', `
    import { readFileSync } from "node:fs";
    import { annotateText } from "whosaid";
    console.log(JSON.stringify(await annotateText(readFileSync(${JSON.stringify(file)}, "utf8"))));
  `);
  const { stdout } = await run(whosaidBin, ['annotate', file], { maxBuffer: 64 << 20 });
  const cli = JSON.parse(stdout);
  const texts = (a) => ({
    quotes: a.quotes.map((q) => [q.kind, q.text, q.speaker, q.source?.text ?? null]),
    entities: a.entities.map((e) => [e.id, e.name, e.kind, e.title]),
    claims: a.claims.map((c) => [c.kind, c.text]),
    sources: a.sources,
  });
  assert.ok(out.quotes.length > 10);
  assert.deepEqual(texts(out), texts(cli));
  for (const q of out.quotes) assert.equal(text.slice(q.start, q.end), q.text);
});

test('TypeScript: declarations for every runtime export and the contract (node and bundler resolution)', async () => {
  // The browser entry imports in Node too (no DOM at import time), so its exports can be listed.
  const browserNames = Object.keys(await import(pathToFileURL(path.join(pkgDir, 'whosaid.js')).href)).sort();
  const nodeNames = Object.keys(await import(pathToFileURL(path.join(pkgDir, 'node.js')).href)).sort();
  assert.ok(browserNames.includes('annotate') && browserNames.includes('WhosaidArticle'), browserNames.join());
  const dir = path.join(scratch, 'ts');
  await mkdir(dir, { recursive: true });
  const common = { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022' };
  await writeFile(path.join(dir, 'browser.ts'), `
    // Every runtime export of the browser entry, by name: a missing declaration fails here.
    import { ${browserNames.join(', ')} } from "whosaid";
    import type { Annotations, Quote, Claim, Entity, SourceCount, AnnotateOptions, PaintStats } from "whosaid";
    import { WhosaidArticle as FromElement } from "whosaid/element";
    export const all = [${browserNames.join(', ')}];
    export async function use(el: HTMLElement): Promise<string> {
      await load({ wasm: new URL("https://example.invalid/w.wasm") });
      const opts: AnnotateOptions = { mode: "highlight", cards: false };
      const r = await annotate(el, opts);
      const a: Annotations | undefined = r.annotations;
      const q: Quote | undefined = a?.quotes[0];
      const c: Claim | undefined = a?.claims[0];
      const e: Entity | undefined = a?.entities[0];
      const s: SourceCount | undefined = a?.sources[0];
      const st: PaintStats | undefined = r.stats;
      const tag: WhosaidArticle = document.createElement("whosaid-article");
      const same: typeof FromElement = WhosaidArticle;
      // @ts-expect-error: a quote's kind is "direct" | "indirect", not any string
      const wrong: Quote["kind"] = "paraphrase";
      clear(el);
      return [q?.source?.text, c?.kind, e?.kind, s?.kind, st?.mode, tag.annotations?.version, same.name, wrong,
        (await annotateText("x")).quotes.length, await version(), await extractText(el), PALETTE[0][0]].join();
    }
  `);
  await writeFile(path.join(dir, 'node.ts'), `
    import { ${nodeNames.join(', ')} } from "whosaid";
    import type { Annotations } from "whosaid";
    export const all = [${nodeNames.join(', ')}];
    export async function use(): Promise<number> {
      const a: Annotations = await annotateText("“Yes,” he said.");
      const b: Annotations = annotateTextSync("x");
      // @ts-expect-error: the Node entry has no DOM functions
      const { annotate } = await import("whosaid");
      return a.quotes.length + b.claims.length + (await version()).length + (annotate ? 1 : 0);
    }
  `);
  await writeFile(path.join(dir, 'tsconfig.browser.json'), JSON.stringify({
    compilerOptions: { ...common, module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'] },
    files: ['browser.ts'],
  }));
  await writeFile(path.join(dir, 'tsconfig.node.json'), JSON.stringify({
    compilerOptions: { ...common, module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'], types: [] },
    files: ['node.ts'],
  }));
  for (const cfg of ['tsconfig.browser.json', 'tsconfig.node.json']) {
    try {
      await run(path.join(bin, 'tsc'), ['-p', cfg], { cwd: dir });
    } catch (err) {
      assert.fail(`tsc -p ${cfg}:\n${err.stdout}${err.stderr}`);
    }
  }
});

const ARTICLE_HTML = `
  <article id="story">
    <h1>Pentagon says it is ready</h1>
    <p>“We are ready for any contingency,” said Pentagon press secretary John Kirby on Monday.</p>
    <p>Kirby told reporters that 8,500 troops had been put on heightened alert.</p>
  </article>`;

/** A page script: annotates #story and records the outcome in window.result. */
const PAGE_SCRIPT = `
  import { annotate, load } from "whosaid";
  try {
    if (location.search === "?explicit") await load({ wasm: new URL("/node_modules/whosaid/pkg/whosaid_bg.wasm", location.href) });
    const el = document.getElementById("story");
    const { annotations, stats } = await annotate(el);
    const kirby = annotations.entities.find((e) => e.name === "John Kirby");
    window.result = {
      marks: el.querySelectorAll("mark.ws-mark").length, stats,
      quotes: annotations.quotes.map((q) => [q.text, q.speaker === kirby?.id]),
    };
  } catch (err) {
    window.result = { error: String(err.message ?? err) };
  }
`;

async function resultOf(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.result !== undefined, null, { timeout: 30000 });
  return page.evaluate(() => window.result);
}

function assertAnnotated(r) {
  assert.equal(r.error, undefined, r.error);
  assert.ok(r.marks > 0, JSON.stringify(r));
  assert.deepEqual(r.quotes.find((q) => q[0] === 'We are ready for any contingency'),
    ['We are ready for any contingency', true], JSON.stringify(r.quotes));
}

test('browser: unbundled from a static server, and bundled with esbuild', async (t) => {
  // Unbundled: the installed package folder served as it is, the name mapped by an import map.
  await writeFile(path.join(scratch, 'unbundled.html'), `<!doctype html><meta charset="utf-8">
    <script type="importmap">{"imports": {"whosaid": "./node_modules/whosaid/whosaid.js",
      "whosaid/element": "./node_modules/whosaid/element.js"}}</script>
    ${ARTICLE_HTML}
    <script type="module">${PAGE_SCRIPT}</script>`);
  await writeFile(path.join(scratch, 'element.html'), `<!doctype html><meta charset="utf-8">
    <script type="importmap">{"imports": {"whosaid/element": "./node_modules/whosaid/element.js"}}</script>
    <script type="module">
      import "whosaid/element";
      document.querySelector("whosaid-article").addEventListener("whosaid:annotated", (ev) => {
        window.result = { quotes: ev.detail.annotations.quotes.length,
          marks: document.querySelectorAll("whosaid-article mark.ws-mark").length };
      });
    </script>
    <whosaid-article><p>“We are ready,” said Pentagon press secretary John Kirby.</p></whosaid-article>`);

  // Bundled: esbuild resolves "whosaid" in node_modules (browser conditions: whosaid.js).
  await mkdir(path.join(scratch, 'dist'), { recursive: true });
  await writeFile(path.join(scratch, 'app.js'), PAGE_SCRIPT);
  try {
    await run(path.join(bin, 'esbuild'), ['app.js', '--bundle', '--format=esm', '--outfile=dist/app.js', '--log-level=warning'],
      { cwd: scratch });
  } catch (err) {
    assert.fail(`esbuild:\n${err.stdout}${err.stderr}`);
  }
  const bundle = await readFile(path.join(scratch, 'dist', 'app.js'), 'utf8');
  assert.ok(!bundle.includes('node:fs'), 'the browser bundle took the Node entry');
  assert.ok(bundle.includes('whosaid-article'), 'the bundle lacks the embed module');
  await writeFile(path.join(scratch, 'dist', 'index.html'),
    `<!doctype html><meta charset="utf-8">${ARTICLE_HTML}<script type="module" src="app.js"></script>`);
  t.diagnostic(`esbuild bundle: ${(await stat(path.join(scratch, 'dist', 'app.js'))).size} bytes`);

  const server = await startServer({ dir: scratch });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const seen = watchPage(page);

    await t.test('unbundled: annotate() through an import map', async () => {
      assertAnnotated(await resultOf(page, `${server.url}unbundled.html`));
    });
    await t.test('unbundled: <whosaid-article> from "whosaid/element"', async () => {
      const r = await resultOf(page, `${server.url}element.html`);
      assert.ok(r.quotes >= 1 && r.marks > 0, JSON.stringify(r));
    });
    await t.test('esbuild without the .wasm beside the bundle: an error naming the fix', async () => {
      const r = await resultOf(page, `${server.url}dist/index.html`);
      assert.ok(r.error, JSON.stringify(r));
      assert.match(r.error, /dist\/pkg\/whosaid_bg\.wasm/, 'names the URL it looked at');
      assert.match(r.error, /copy node_modules\/whosaid\/pkg\/whosaid_bg\.wasm/, 'names the copy fix');
      assert.match(r.error, /load\(\{ wasm:/, 'names the load({ wasm }) fix');
    });
    await t.test('esbuild, fixed with load({ wasm })', async () => {
      assertAnnotated(await resultOf(page, `${server.url}dist/index.html?explicit`));
    });
    await t.test('esbuild, fixed by copying the .wasm', async () => {
      await mkdir(path.join(scratch, 'dist', 'pkg'), { recursive: true });
      await copyFile(path.join(pkgDir, 'pkg', 'whosaid_bg.wasm'), path.join(scratch, 'dist', 'pkg', 'whosaid_bg.wasm'));
      assertAnnotated(await resultOf(page, `${server.url}dist/index.html?copied`));
      await screenshot(page, 'npm-esbuild');
    });
    assert.deepEqual(seen.errors, [], seen.console.join('\n'));
  } finally {
    await browser.close();
    await server.stop();
  }
});
