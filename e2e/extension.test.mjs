// The browser extension (extension/, built by scripts/build-extension) loaded unpacked into
// Debian's Chromium: its service worker's toggle(tabId) — the function the toolbar button's
// onClicked listener calls — annotates the article of a real news page in place (same wasm
// engine, embed module and main-text rules as the page), shows the panel and cards, and a
// second call clears everything (the page's HTML is then exactly what it was); a page with
// no article gets a message and is left untouched.
//
// A toolbar click cannot be made in a headless browser, so activeTab is never granted here:
// the test loads a copy of the built extension whose manifest also has a host permission for
// http://127.0.0.1/* (the test server), and calls toggle() from the service worker.
//
// Each page is served from the test server's origin with its own scripts disabled by a
// Content-Security-Policy header (they need the network and rewrite the page on timers,
// which would make an exact outerHTML comparison meaningless); other origins are refused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { dataDir, repoRoot, screenshotDir, startServer } from './harness.mjs';

const targetDir = process.env.CARGO_TARGET_DIR
  ? path.resolve(repoRoot, process.env.CARGO_TARGET_DIR)
  : path.join(repoRoot, 'target');
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";
/** A policy that forbids WebAssembly: Chromium applies it to content scripts' wasm too. */
const NO_WASM_CSP = "script-src 'self'; object-src 'none'";

/** Builds the extension (www/pkg as it is) and returns a test copy of it with the host permission. */
async function testExtension() {
  execFileSync(path.join(repoRoot, 'scripts', 'build-extension'), ['--no-wasm'], { stdio: 'pipe' });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'whosaid-ext-'));
  await cp(path.join(targetDir, 'whosaid-extension'), dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  assert.deepEqual(manifest.permissions, ['activeTab', 'scripting'], 'the shipped extension asks for activeTab and scripting only');
  assert.equal(manifest.host_permissions, undefined, 'the shipped extension has no host permissions');
  manifest.host_permissions = ['http://127.0.0.1/*'];
  await writeFile(file, JSON.stringify(manifest, null, 2));
  return dir;
}

async function launch(extDir) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'whosaid-chromium-ext-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
    viewport: { width: 1280, height: 900 },
    timeout: 60000,
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 30000 });
  return {
    context,
    worker,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Serves `html` at <server>/_fixtures/<name> (own scripts off), refusing other origins. */
async function open(context, server, name, html, csp = CSP) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = `${server.url}_fixtures/${name}`;
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) {
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }, body: html });
    }
    // The extension's own files (content script modules, wasm) load from chrome-extension:.
    return u.startsWith(server.url) || u.startsWith('chrome-extension:') ? route.continue() : route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, errors };
}

/** A viewport screenshot in target/screenshots/. `caret: 'initial'`: Playwright's caret
 * hiding would otherwise leave `style=""` on every <input>, and this test compares HTML. */
async function shot(page, name) {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, name), caret: 'initial' });
}

/** Calls the service worker's toggle() for the tab showing `url`. */
function toggle(worker, url, opts) {
  return worker.evaluate(async ([u, o]) => {
    const [tab] = await chrome.tabs.query({ url: u });
    if (!tab) throw new Error(`no tab for ${u}`);
    return self.toggle(tab.id, o);
  }, [url, opts]);
}

const INDEX_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Daily — Home</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Sign in</a></nav></header>
<main><h1>Top stories</h1><ul>
${Array.from({ length: 12 }, (_, i) => `<li><article><h2><a href="/story/${i}">Headline number ${i + 1} about the news of the day</a></h2>
<p>A short teaser for story ${i + 1}, saying what happened and who said it, in one sentence.</p></article></li>`).join('\n')}
</ul></main>
<form class="login"><p>Subscribe to keep reading: sign in with your email address to read every article.</p><input type="email"></form>
<footer><p>© The Daily. All rights reserved. Terms of use, privacy policy and cookie settings.</p></footer></body></html>`;

test('extension: annotates a real article page in place and clears it; no-article message', async (t) => {
  const extDir = await testExtension();
  t.after(() => rm(extDir, { recursive: true, force: true }));
  const server = await startServer();
  t.after(server.stop);
  const browser = await launch(extDir);
  t.after(browser.close);
  const { worker } = browser;

  await t.test('a real article page (wapo-1): annotate, panel, card, clear', async () => {
    const html = await readFile(path.join(dataDir, 'pages', 'wapo-1.html'), 'utf8');
    const { page, url, errors } = await open(browser.context, server, 'wapo-1.html', html);
    const before = await page.evaluate(() => ({ body: document.body.outerHTML, html: document.documentElement.outerHTML }));

    const r = await toggle(worker, url);
    assert.equal(r.status, 'annotated', `toggle annotated the page: ${JSON.stringify(r)}`);
    assert.ok(r.quotes >= 5, `quotes found in the article: ${r.quotes}`);
    assert.ok(r.marked < r.claims, `the default threshold marks fewer claims (${r.marked}) than all (${r.claims})`);

    const seen = await page.evaluate(() => {
      const marks = document.querySelectorAll('mark.ws-mark');
      const article = marks[0]?.closest('article, main, [itemprop="articleBody"], div');
      const panel = document.querySelector('whosaid-panel');
      return {
        marks: marks.length,
        quoteStarts: document.querySelectorAll('mark.ws-qstart').length,
        claimStarts: document.querySelectorAll('mark.ws-cstart').length,
        inNav: [...marks].some((m) => m.closest('nav, header, footer, aside')),
        panelParent: panel?.parentElement?.tagName,
        panel: panel?.shadowRoot?.textContent ?? '',
        text: article ? article.textContent.length : 0,
      };
    });
    assert.ok(seen.marks > 50, `marks painted: ${seen.marks}`);
    assert.equal(seen.quoteStarts, r.quotes, 'one start mark per quote');
    assert.equal(seen.claimStarts, r.marked, 'one start mark per claim at or above the threshold');
    assert.equal(seen.inNav, false, 'nothing marked in navigation, header, footer or asides');
    assert.equal(seen.panelParent, 'HTML', 'the panel hangs on <html>, outside <body>');
    assert.match(seen.panel, /Sources/);
    assert.ok(seen.panel.includes(r.sources), `the panel shows the sources summary (${r.sources})`);
    assert.match(seen.panel, /Who is quoted/);
    assert.match(seen.panel, /Mark claims scoring at least 0\.57/);

    // A card opens on a quote, naming its source.
    const first = page.locator('mark.ws-qstart').first();
    await first.scrollIntoViewIfNeeded();
    await first.hover();
    const card = await page.waitForFunction(() => document.querySelector('whosaid-card[open]')?.shadowRoot.textContent);
    assert.match(await card.jsonValue(), /quote|reported speech/);
    await page.mouse.move(5, 5);
    await shot(page, 'extension.png');

    // The panel's slider repaints with another threshold.
    await page.evaluate(() => {
      const s = document.querySelector('whosaid-panel').shadowRoot.querySelector('input[type=range]');
      s.value = '0.4';
      s.dispatchEvent(new Event('input'));
    });
    await page.waitForFunction((n) => document.querySelectorAll('mark.ws-cstart').length === n, r.claims);

    // Second click: everything goes; the page is exactly as it was.
    const r2 = await toggle(worker, url);
    assert.equal(r2.status, 'cleared');
    const after = await page.evaluate(() => ({ body: document.body.outerHTML, html: document.documentElement.outerHTML }));
    assert.equal(after.body, before.body, 'body.outerHTML restored exactly');
    assert.equal(after.html, before.html, 'no panel, card or message left on <html>');

    // And a third annotates again, with the same threshold option as the embed.
    const r3 = await toggle(worker, url, { threshold: 0.9 });
    assert.equal(r3.status, 'annotated');
    assert.equal(r3.quotes, r.quotes);
    assert.ok(r3.marked < r.marked, `threshold 0.9 marks fewer claims (${r3.marked}) than 0.57 (${r.marked})`);
    assert.equal(await page.locator('mark.ws-cstart').count(), r3.marked);
    assert.equal((await toggle(worker, url)).status, 'cleared');
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before.html);
    assert.deepEqual(errors, []);
    await page.close();
  });

  await t.test('every data page: the article is found, annotated, and cleared exactly', async () => {
    const names = (await readdir(path.join(dataDir, 'pages'))).filter((f) => f.endsWith('.html')).sort();
    assert.ok(names.length >= 5);
    for (const name of names) {
      const html = await readFile(path.join(dataDir, 'pages', name), 'utf8');
      const { page, url, errors } = await open(browser.context, server, name, html);
      const before = await page.evaluate(() => document.documentElement.outerHTML);
      const r = await toggle(worker, url);
      assert.equal(r.status, 'annotated', `${name}: ${JSON.stringify(r)}`);
      assert.ok(r.quotes > 0, `${name}: quotes found`);
      const marks = await page.locator('mark.ws-mark').count();
      assert.ok(marks > 0, `${name}: marks painted`);
      assert.equal((await toggle(worker, url)).status, 'cleared');
      assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, `${name}: restored exactly`);
      assert.deepEqual(errors, []);
      t.diagnostic(`${name}: <${r.tag}> ${r.quotes} quotes, ${r.marked}/${r.claims} claims marked, ${marks} marks; ${r.sources}`);
      await page.close();
    }
  });

  await t.test('a page with no article: a message, nothing else changes', async () => {
    const { page, url, errors } = await open(browser.context, server, 'index.html', INDEX_PAGE);
    const before = await page.evaluate(() => document.body.outerHTML);
    const r = await toggle(worker, url);
    assert.equal(r.status, 'no-article', JSON.stringify(r));
    const msg = await page.evaluate(() => document.querySelector('whosaid-message')?.shadowRoot.textContent);
    assert.match(msg ?? '', /no article text found here/);
    assert.equal(await page.evaluate(() => document.body.outerHTML), before, 'body untouched');
    assert.equal(await page.locator('mark.ws-mark').count(), 0);
    await shot(page, 'extension-no-article.png');
    assert.deepEqual(errors, []);
    await page.close();
  });

  await t.test('a page whose policy forbids WebAssembly: a clear message, page untouched', async () => {
    const html = await readFile(path.join(dataDir, 'pages', 'wapo-1.html'), 'utf8');
    const { page, url } = await open(browser.context, server, 'wapo-1-strict.html', html, NO_WASM_CSP);
    const before = await page.evaluate(() => document.body.outerHTML);
    const r = await toggle(worker, url);
    assert.equal(r.status, 'error', JSON.stringify(r));
    assert.match(r.message, /security policy does not allow WebAssembly/);
    const msg = await page.evaluate(() => document.querySelector('whosaid-message')?.shadowRoot.textContent);
    assert.match(msg ?? '', /security policy/);
    assert.equal(await page.evaluate(() => document.body.outerHTML), before, 'body untouched');
    await page.close();
  });
});
