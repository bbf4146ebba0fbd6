// The whosaid page as a person uses it, beyond the smoke test (page.test.mjs): a bundled
// sample, the legend and filters, keyboard cards and "next quote by this speaker", both
// exports checked against the engine, an .html file reduced to its article, a book-length
// paste annotated in the worker without freezing the page, and the strict-CSP pages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { dataDir, launchBrowser, paragraphs, screenshot, screenshotDir, startServer, watchPage } from './harness.mjs';

/** Records CSP violations from the first script on (init scripts are not subject to CSP). */
const WATCH_CSP = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`;

async function setup(t) {
  const server = await startServer();
  t.after(server.stop);
  const browser = await launchBrowser();
  t.after(browser.close);
  await browser.context.addInitScript(WATCH_CSP);
  return { server, browser };
}

/** Reads a download into JSON. */
async function downloadJson(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), json: JSON.parse(await readFile(file, 'utf8')) };
}

test('page: a sample article — legend, filters, cards, keyboard, exports', async (t) => {
  const { server, browser } = await setup(t);
  const page = await browser.newPage();
  const seen = watchPage(page);
  await page.goto(server.url);
  await mkdir(screenshotDir, { recursive: true });
  await page.selectOption('#sample', 'samples/wapo-1.txt');
  await page.waitForFunction(() => window.whosaidPage?.current, null, { timeout: 30000 });
  const sample = await readFile(path.join(dataDir, 'articles', 'wapo-1.txt'), 'utf8');
  assert.equal(await page.inputValue('#input'), sample, 'the sample is in the text area');

  // What the engine says about the sample, asked directly.
  const engine = await page.evaluate(async (text) => (await import('/whosaid.js')).annotateText(text), sample);
  const state = await page.evaluate(() => ({ annotations: window.whosaidPage.current.annotations, stats: window.whosaidPage.current.stats }));
  assert.deepEqual(state.annotations, engine, 'the page shows the engine\'s annotations of the text as given');
  assert.ok(engine.quotes.length >= 5);

  // Article shown as paragraphs, quotes marked with their speaker's colour.
  const shown = await page.$eval('#article', (el) => [...el.querySelectorAll('p')].map((p) => p.textContent));
  assert.deepEqual(shown, paragraphs(sample));
  const starts = await page.$$eval('#article mark.ws-qstart', (ms) => ms.length);
  assert.equal(starts, engine.quotes.length, 'one keyboard stop per quote');

  // Legend: each speaker with its quote count, most quoted first.
  const legend = await page.$$eval('#speakers li', (lis) => lis.map((li) => ({
    name: li.querySelector('.name').textContent, count: Number(li.querySelector('.count').textContent),
  })));
  // Quotes with no speaker are listed by their source phrase as written (unnamed sources,
  // one row per phrase, compared case-insensitively), or as "No source named".
  const byId = new Map(engine.entities.map((e) => [e.id, e.name]));
  const counts = new Map();
  const firstPhrase = new Map();
  for (const q of engine.quotes) {
    let k;
    if (q.speaker) k = byId.get(q.speaker);
    else if (q.source) {
      const key = q.source.text.toLowerCase();
      if (!firstPhrase.has(key)) firstPhrase.set(key, q.source.text);
      k = firstPhrase.get(key);
    } else k = 'No source named';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  assert.deepEqual(new Map(legend.map((l) => [l.name, l.count])), counts, 'legend counts quotes per speaker');
  const top = legend[0];
  assert.equal(top.count, Math.max(...counts.values()));

  // Keyboard: focus a quote, the card opens with its speaker; N goes to the same speaker's
  // next quote; Escape closes the card.
  const topId = engine.entities.find((e) => e.name === top.name).id;
  await page.click('#speakers li:first-child .next');
  const first = await page.evaluate(() => {
    const m = document.activeElement;
    return { s: m.getAttribute('data-ws-s'), ids: m.getAttribute('data-ws-id'), quote: m.classList.contains('ws-quote') };
  });
  assert.deepEqual([first.s, first.quote], [topId, true], '"Next" focuses a quote by that speaker');
  const cardText = await page.waitForFunction(() => document.querySelector('whosaid-card[open]')?.shadowRoot.textContent);
  assert.ok((await cardText.jsonValue()).includes(top.name), 'the card names the speaker');
  if (top.count > 1) {
    await page.keyboard.press('n');
    const second = await page.evaluate(() => ({ s: document.activeElement.getAttribute('data-ws-s'), ids: document.activeElement.getAttribute('data-ws-id') }));
    assert.equal(second.s, topId);
    assert.notEqual(second.ids, first.ids, 'N moved to another quote by the same speaker');
  }
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('whosaid-card[open]').count(), 0, 'Escape closes the card');
  // Tab reaches marks in order from the top of the article.
  await page.focus('#article');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.matches('#article mark.ws-start')), true, 'Tab reaches the first mark');

  // Filters take the styling away, never the text.
  const bg = () => page.$eval('#article mark.ws-quote.ws-direct', (m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(await bg(), 'rgba(0, 0, 0, 0)');
  await page.uncheck('#filters input[data-hide="hide-direct"]');
  assert.equal(await bg(), 'rgba(0, 0, 0, 0)', 'hiding direct quotes removes their colour');
  await page.check('#filters input[data-hide="hide-direct"]');
  await page.uncheck(`#speakers input[data-speaker="${topId}"]`);
  const off = await page.$$eval(`#article mark.ws-quote[data-ws-s="${topId}"]`, (ms) => ms.every((m) => m.classList.contains('ws-off') && getComputedStyle(m).backgroundImage === 'none' && getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)'));
  assert.ok(off, 'hiding a speaker uncolours their quotes');
  await page.check(`#speakers input[data-speaker="${topId}"]`);

  // Export: the JSON contract, and Web Annotation JSON-LD whose selectors point at the text.
  const json = await downloadJson(page, '#export-json');
  assert.match(json.name, /\.whosaid\.json$/);
  assert.deepEqual(json.json, engine, 'JSON export is the engine\'s annotations');
  const ld = await downloadJson(page, '#export-jsonld');
  const coll = ld.json;
  assert.equal(coll['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(coll.type, 'AnnotationCollection');
  const items = coll.first.items;
  const mentions = engine.entities.reduce((n, e) => n + e.mentions.length, 0);
  assert.equal(items.length, engine.quotes.length + engine.claims.length + mentions);
  assert.equal(coll.total, items.length);
  const chars = [...sample];
  for (const a of items) {
    assert.equal(a.type, 'Annotation');
    const q = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const p = a.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert.equal(chars.slice(p.start, p.end).join(''), q.exact, `${a.id}: position and quote selectors agree`);
    assert.ok(sample.includes(q.prefix + q.exact + q.suffix), `${a.id}: prefix and suffix surround the quote`);
  }
  const q1 = items.find((a) => a.id.endsWith('#q1'));
  assert.equal(q1.target.selector[0].exact, engine.quotes[0].text);

  // A viewport-sized picture for the README (page.test.mjs saves the whole page as page.png).
  // Scroll first and let its scroll event go by (a scroll closes the card), then hover.
  await page.locator('#article mark.ws-qstart[data-ws-s]').nth(2).scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.hover('#article mark.ws-qstart[data-ws-s] >> nth=2');
  await page.waitForSelector('whosaid-card[open]');
  const shot = path.join(screenshotDir, 'page-ui.png');
  await page.screenshot({ path: shot });
  t.diagnostic(`screenshot ${shot}`);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violations');
  assert.deepEqual(seen.errors, []);
});

test('page: an .html file is reduced to its article text', async (t) => {
  const { server, browser } = await setup(t);
  const page = await browser.newPage();
  const seen = watchPage(page);
  await page.goto(server.url);
  for (const name of ['herald-sun-1', 'wapo-1', 'telegraph']) {
    await page.setInputFiles('#file', path.join(dataDir, 'pages', `${name}.html`));
    await page.waitForFunction((n) => window.whosaidPage?.current?.name === n, `${name}.html`, { timeout: 30000 });
    const text = await page.inputValue('#input');
    const gold = await readFile(path.join(dataDir, 'articles', `${name}.txt`), 'utf8');
    const got = new Set(paragraphs(text));
    const want = paragraphs(gold);
    const found = want.filter((p) => got.has(p)).length;
    assert.ok(found >= 0.85 * want.length, `${name}: ${found} of ${want.length} article paragraphs found`);
    assert.ok(text.length < 1.25 * gold.length, `${name}: little besides the article (${text.length} vs ${gold.length} chars)`);
    assert.ok(await page.locator('#article mark.ws-quote').count() > 0, `${name}: quotes marked`);
    t.diagnostic(`${name}.html: ${found}/${want.length} paragraphs, ${text.length}/${gold.length} chars`);
  }
  // Nothing of the dropped page became live DOM.
  assert.equal(await page.locator('#article img, #article script, #article a').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(seen.errors, []);
});

test('page: a book-length paste is annotated in the worker and the page keeps responding', async (t) => {
  const { server, browser } = await setup(t);
  const page = await browser.newPage();
  const seen = watchPage(page);
  await page.goto(server.url);
  const names = ['wapo-1', 'guardian-1', 'nytimes-1', 'nytimes-3', 'telegraph', 'ars-1', 'herald-sun-1', 'yahoo-3'];
  const parts = await Promise.all(names.map((n) => readFile(path.join(dataDir, 'articles', `${n}.txt`), 'utf8')));
  const book = Array.from({ length: 24 }, () => parts.join('\n\n')).join('\n\n'); // ~1 MB
  // Set the text without typing it, then watch the main thread while the page works.
  await page.evaluate(async (text) => {
    document.querySelector('#input').value = text;
    // Laying out a 1 MB text area is the browser's work, before whosaid's: let it happen.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    window.__gaps = [];
    window.__statuses = new Set();
    let last = performance.now();
    const loop = (now) => { window.__gaps.push(now - last); last = now; if (!window.__stop) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    new MutationObserver(() => window.__statuses.add(document.querySelector('#status').textContent))
      .observe(document.querySelector('#status'), { childList: true, characterData: true, subtree: true });
  }, book);
  const t0 = Date.now();
  await page.click('#annotate');
  // While the engine runs (in the worker), the page answers at once.
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Finding quotes'), null, { timeout: 30000 });
  const t1 = Date.now();
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  assert.ok(Date.now() - t1 < 1000, 'the page responds while the engine works');
  await page.waitForFunction(() => /quotes? from/.test(document.querySelector('#status').textContent), null, { timeout: 240000 });
  const ms = Date.now() - t0;
  const r = await page.evaluate(() => {
    window.__stop = true;
    const gaps = window.__gaps.slice(1).sort((a, b) => b - a);
    return {
      statuses: [...window.__statuses],
      worst: gaps.slice(0, 3).map(Math.round),
      frames: gaps.length,
      marks: document.querySelectorAll('#article mark.ws-mark').length,
      quotes: window.whosaidPage.current.annotations.quotes.length,
      paras: document.querySelectorAll('#article p').length,
    };
  });
  assert.ok(r.statuses.some((s) => /^Painting marks… \d+%/.test(s)), 'painting progress was shown');
  assert.ok(r.statuses.some((s) => s.startsWith('Finding quotes')), 'the engine phase was shown');
  assert.ok(r.quotes > 1000, `${r.quotes} quotes`);
  // Main-thread work comes in short slices: building the paragraphs and reading them back
  // is one slice, painting is many of ~12 ms.
  assert.ok(r.worst[0] < 1500, `longest frame ${r.worst[0]} ms`);
  assert.ok(r.worst[2] < 400, `third-longest frame ${r.worst[2]} ms`);
  t.diagnostic(`${(book.length / 1e6).toFixed(2)} MB, ${r.paras} paragraphs: ${r.quotes} quotes, ${r.marks} marks in ${ms} ms; `
    + `${r.frames} frames, longest ${r.worst.join(', ')} ms`);
  assert.deepEqual(seen.errors, []);
});

test('csp: the page and the strict-CSP embed work without violations', async (t) => {
  const { server, browser } = await setup(t);
  const page = await browser.newPage();
  const seen = watchPage(page);
  const res = await page.goto(`${server.url}embed.csp.html`);
  assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/,
    'whosaid serve sends the strict policy with *.csp.html');
  await page.waitForSelector('whosaid-article mark.ws-quote', { timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('.demo-status').textContent.includes('quotes'));
  await page.hover('whosaid-article mark.ws-quote >> nth=0');
  await page.waitForSelector('whosaid-card[open]');
  const shot = await screenshot(page, 'csp.png');
  t.diagnostic(`screenshot ${shot}`);
  // Both modes and clearing, under the policy.
  await page.click('button[data-action="highlight"]');
  await page.waitForFunction(() => document.querySelector('.demo-status').textContent.includes('highlights'));
  await page.click('button[data-action="clear"]');
  assert.match(await page.textContent('.demo-status'), /no marks, text unchanged/);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violations');
  assert.deepEqual(seen.errors, []);
  // The console reports violations too (e.g. ones raised before the listener could run).
  assert.deepEqual(seen.console.filter((c) => /Content Security Policy/i.test(c)), []);
});
