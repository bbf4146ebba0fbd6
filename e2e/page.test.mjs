// Smoke test of the page as a person uses it: serve www/, paste an article into #input, click
// #annotate, and check that quotes are marked in #article without losing or changing any text.
// Fails if the page does not load its wasm, marks nothing, or drops/duplicates text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  dataDir, launchBrowser, normalizeSpace, paragraphs, screenshot, startServer, watchPage,
} from './harness.mjs';

test('page: paste an article, Annotate, quotes are marked inline', async (t) => {
  const article = await readFile(path.join(dataDir, 'articles', 'wapo-1.txt'), 'utf8');
  const server = await startServer();
  t.after(server.stop);
  const browser = await launchBrowser();
  t.after(browser.close);
  const page = await browser.newPage();
  const seen = watchPage(page);

  const res = await page.goto(server.url);
  assert.equal(res.status(), 200);
  await page.fill('#input', article);
  await page.click('#annotate');
  try {
    await page.waitForSelector('#article mark.ws-quote', { timeout: 20000 });
  } catch (err) {
    await screenshot(page, 'page-failed.png');
    throw new Error(`no quote marks appeared: ${err.message}\npage errors: ${seen.errors.join('\n')}\n`
      + `console: ${seen.console.join('\n')}`);
  }

  const marks = await page.$$eval('#article mark.ws-quote', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.length >= 1, 'at least one quote is marked');
  const flat = normalizeSpace(article);
  for (const m of marks) {
    assert.ok(normalizeSpace(m).length > 0, 'a mark has text');
    assert.ok(flat.includes(normalizeSpace(m)), `marked text comes from the article: ${JSON.stringify(m)}`);
  }

  // The marks wrap the text; they must not add, drop or reorder any of it. Paragraph breaks
  // are layout (block elements), so compare the text with all whitespace taken out...
  const shown = await page.$eval('#article', (el) => el.textContent);
  const squeeze = (s) => s.replace(/\s+/gu, '');
  assert.equal(squeeze(shown), squeeze(paragraphs(article).join('')),
    '#article shows exactly the article text');
  // ...and check the paragraphs as rendered (innerText follows the block layout).
  const rendered = await page.$eval('#article', (el) => el.innerText);
  assert.deepEqual(paragraphs(rendered.replace(/\n+/gu, '\n\n')), paragraphs(article),
    '#article shows the article paragraph by paragraph');

  const shot = await screenshot(page, 'page.png');
  t.diagnostic(`${marks.length} quote marks; screenshot ${shot}`);
  assert.deepEqual(seen.errors, [], 'no uncaught errors on the page');
});
