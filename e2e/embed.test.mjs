// The embed on real article pages (tests/data/pages): load whosaid.js into the page,
// annotate the article element in place and check that
// - the marks are exactly the engine's annotations of the element's text (annotate_text on
//   extract_text), quote by quote, cue by cue, claim by claim, mention by mention;
// - the page's text content and layout are unchanged, a link's click listener still fires
//   (also when the click lands on a mark inside the link), re-annotating is idempotent;
// - clear() restores outerHTML exactly and removes the card; highlight mode changes no DOM.
//
// Each page is served from the test server's origin (Playwright route) with the page's own
// scripts disabled by a Content-Security-Policy header (script-src 'self' 'wasm-unsafe-eval'):
// they need the network and rewrite the page on timers, which would make exact outerHTML
// comparisons meaningless — and whosaid itself has to work under that policy. Requests to
// other origins (the pages' images, fonts, ads) are refused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { dataDir, launchBrowser, screenshot, screenshotDir, startServer, watchPage } from './harness.mjs';

const pagesDir = path.join(dataDir, 'pages');
const names = (await readdir(pagesDir)).filter((f) => f.endsWith('.html')).sort();
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";

/** Opens `name` from pages/ at <server>/_fixtures/<name>, with whosaid loaded as window.ws. */
async function openPage(browser, server, name) {
  const html = await readFile(path.join(pagesDir, name));
  const page = await browser.newPage();
  const seen = watchPage(page);
  const url = `${server.url}_fixtures/${name}`;
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) {
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
        body: html,
      });
    }
    return u.startsWith(server.url) ? route.continue() : route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(async (base) => {
    window.ws = await import(`${base}whosaid.js`);
    window.formats = await import(`${base}formats.js`);
    await window.ws.load();
    // The article element: the page's <article>/<main> or cluster of paragraphs holding the
    // most prose (the same choice the page makes for a dropped .html file).
    window.article = window.formats.mainElement(document);
  }, server.url);
  return { page, seen };
}

/** In the page: the text of the marks carrying each data-ws-id token, whitespace removed. */
function markTextById() {
  const out = {};
  for (const m of window.article.querySelectorAll('mark.ws-mark')) {
    for (const id of m.getAttribute('data-ws-id').split(' ')) {
      out[id] = (out[id] ?? '') + m.textContent.replace(/\s+/gu, '');
    }
  }
  return out;
}

/** What the engine says the marks should be: token → text (whitespace removed). Claims
 * are marked from `threshold` up; each quote's source phrase is `<quote id>-src`. */
function expectedMarks(text, ann, threshold) {
  const sq = (s) => s.replace(/\s+/gu, '');
  const want = {};
  const add = (id, s, e) => { if (e > s) want[id] = (want[id] ?? '') + sq(text.slice(s, e)); };
  const speakers = new Set(ann.quotes.map((q) => q.speaker).filter(Boolean));
  for (const q of ann.quotes) {
    add(q.id, q.start, q.end);
    if (q.cue) add(`${q.id}-cue`, q.cue.start, q.cue.end);
    if (q.source) add(`${q.id}-src`, q.source.start, q.source.end);
  }
  for (const c of ann.claims) if (c.score >= threshold) add(c.id, c.start, c.end);
  for (const e of ann.entities) {
    if (!speakers.has(e.id)) continue;
    for (const m of [...e.mentions].sort((a, b) => a.start - b.start)) add(e.id, m.start, m.end);
  }
  return want;
}

test('embed: annotate real article pages in place; clear restores them exactly', async (t) => {
  const server = await startServer();
  t.after(server.stop);
  const browser = await launchBrowser();
  t.after(browser.close);
  await mkdir(screenshotDir, { recursive: true });
  let totalQuotes = 0;
  let totalClaims = 0;
  let totalMarked = 0;

  for (const name of names) {
    await t.test(name, async () => {
      const { page, seen } = await openPage(browser, server, name);
      try {
        // Before: the element, its text, its box, and a click listener on every link.
        const before = await page.evaluate(() => {
          const el = window.article;
          window.clicks = [];
          el.querySelectorAll('a[href]').forEach((a, i) => {
            a.addEventListener('click', (ev) => { ev.preventDefault(); window.clicks.push(i); });
          });
          const r = el.getBoundingClientRect();
          return { html: el.outerHTML, text: el.textContent, width: r.width, height: r.height, tag: el.tagName, links: el.querySelectorAll('a[href]').length };
        });
        assert.ok(before.text.length > 1000, `${name}: an article element with text was found (${before.tag})`);

        const run = await page.evaluate(async () => {
          const el = window.article;
          const text = await window.ws.extractText(el);
          const expected = await window.ws.annotateText(text);
          const threshold = await window.ws.claimThreshold();
          const t0 = performance.now();
          const { annotations, stats } = await window.ws.annotate(el);
          const ms = performance.now() - t0;
          const r = el.getBoundingClientRect();
          return { text, expected, threshold, annotations, stats, ms, width: r.width, height: r.height, html: el.outerHTML, after: el.textContent };
        });
        const { text, expected, threshold, annotations, stats } = run;
        assert.ok(expected.quotes.length > 0, `${name}: the engine finds quotes in the page's article`);
        totalQuotes += expected.quotes.length;
        assert.deepEqual(annotations, expected, 'annotate(el) reports the engine\'s annotations of extract_text(el)');
        assert.equal(stats.mode, 'wrap');
        assert.equal(stats.quotes, expected.quotes.length);

        // Every quote, cue, claim and speaker mention is marked, with exactly its text.
        const got = await page.evaluate(markTextById);
        const want = expectedMarks(text, expected, threshold);
        // Claims: only those at or above the default threshold are marked; all are reported.
        const high = expected.claims.filter((c) => c.score >= threshold).length;
        assert.equal(stats.claims, high, 'claims marked: those scoring at least the threshold');
        totalClaims += expected.claims.length;
        totalMarked += high;
        assert.equal(stats.sources, expected.quotes.filter((q) => q.source).length, 'every source phrase is marked');
        assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), 'the marked ids are the annotated ids');
        for (const id of Object.keys(want)) assert.equal(got[id], want[id], `${name}: marks of ${id}`);

        // The page is unchanged for a reader: same text, same box.
        assert.equal(run.after, before.text, 'textContent unchanged');
        assert.ok(Math.abs(run.width - before.width) < 0.5 && Math.abs(run.height - before.height) <= 1,
          `layout unchanged: ${before.width}x${before.height} → ${run.width}x${run.height}`);
        const nested = await page.evaluate(() => window.article.querySelectorAll('mark mark').length);
        assert.equal(nested, 0, 'marks never nest');

        // A link's listener still fires, also when the click lands on a mark inside the link.
        if (before.links > 0) {
          const target = await page.evaluateHandle(() => {
            const links = [...window.article.querySelectorAll('a[href]')];
            const marked = links.find((a) => a.querySelector('mark.ws-mark'));
            const a = marked ?? links.find((l) => l.getClientRects().length > 0) ?? links[0];
            window.clickWant = links.indexOf(a);
            return marked ? marked.querySelector('mark.ws-mark') : a;
          });
          await target.asElement().click();
          const clicks = await page.evaluate(() => ({ got: window.clicks, want: window.clickWant }));
          assert.deepEqual(clicks.got, [clicks.want], 'the link\'s own click listener fired once');
        }

        // Hovering a quote opens the card outside the article's layout.
        const card = await page.evaluate(() => {
          // A quote mark the pointer can reach (not covered by one of the page's own overlays).
          for (const m of window.article.querySelectorAll('mark.ws-quote')) {
            m.scrollIntoView({ block: 'center', behavior: 'instant' });
            const r = m.getClientRects()[0];
            if (!r) continue;
            const x = r.left + Math.min(4, r.width / 2);
            const y = r.top + r.height / 2;
            if (m.contains(document.elementFromPoint(x, y))) return { x, y };
          }
          return null;
        });
        assert.ok(card, 'some quote mark can be pointed at');
        // Let the scroll event of scrollIntoView go by first (a scroll closes the card).
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await page.mouse.move(0, 0);
        await page.mouse.move(card.x, card.y, { steps: 2 });
        const open = await page.waitForFunction(() => {
          const host = document.querySelector('whosaid-card[open]');
          return host && host.shadowRoot.textContent;
        }, null, { timeout: 5000 });
        assert.ok((await open.jsonValue()).length > 0, 'the card has content');
        const cardPos = await page.evaluate(() => getComputedStyle(document.querySelector('whosaid-card')).position);
        assert.equal(cardPos, 'fixed');
        if (name === 'wapo-1.html') {
          // The viewport around the open card (the whole page runs to thousands of pixels).
          const file = path.join(screenshotDir, 'embed-real-page.png');
          await page.screenshot({ path: file });
          t.diagnostic(`screenshot ${file}`);
        }
        await page.mouse.move(0, 0);

        // Re-annotating gives the same DOM; clear gives back the original element.
        const again = await page.evaluate(async () => {
          await window.ws.annotate(window.article);
          return window.article.outerHTML;
        });
        assert.equal(again, run.html, 're-annotating is idempotent');
        const cleared = await page.evaluate(() => {
          window.ws.clear(window.article);
          return {
            html: window.article.outerHTML,
            text: window.article.textContent,
            marks: document.querySelectorAll('mark.ws-mark').length,
            card: document.querySelectorAll('whosaid-card').length,
          };
        });
        assert.equal(cleared.html, before.html, 'clear restores outerHTML exactly');
        assert.equal(cleared.text, before.text);
        assert.equal(cleared.marks, 0);
        assert.equal(cleared.card, 0, 'the card is removed with the last annotation');

        // Highlight mode: the same annotations, no DOM change at all.
        const hl = await page.evaluate(async () => {
          const { stats } = await window.ws.annotate(window.article, { mode: 'highlight' });
          const during = window.article.outerHTML;
          const names = [...CSS.highlights.keys()].filter((k) => k.startsWith('ws-'));
          window.ws.clear(window.article);
          return { stats, during, names, left: [...CSS.highlights.keys()].filter((k) => k.startsWith('ws-')).length, html: window.article.outerHTML };
        });
        assert.equal(hl.stats.mode, 'highlight');
        assert.ok(hl.stats.ranges >= expected.quotes.length && hl.names.length > 0, 'highlights registered');
        assert.equal(hl.during, before.html, 'highlight mode leaves the DOM untouched');
        assert.equal(hl.left, 0, 'clear removes the highlights');
        assert.equal(hl.html, before.html);

        // Options are checked (a wrong type is an error that names the option) and obeyed
        // (a switch turned off paints none of its marks; threshold 0 paints every claim).
        const opt = await page.evaluate(async () => {
          let error = null;
          try {
            await window.ws.annotate(window.article, { quotes: 'yes' });
          } catch (e) {
            error = String(e?.message ?? e);
          }
          const count = (sel) => window.article.querySelectorAll(sel).length;
          await window.ws.annotate(window.article, { claims: false });
          const off = { claims: count('mark.ws-claim'), quotes: count('mark.ws-qstart') };
          await window.ws.annotate(window.article, { quotes: false, threshold: 0 });
          const on = { claims: count('mark.ws-claim'), quotes: count('mark.ws-qstart') };
          window.ws.clear(window.article);
          return { error, off, on, html: window.article.outerHTML };
        });
        assert.equal(opt.error, 'options: quotes must be true or false');
        assert.equal(opt.off.claims, 0, 'claims: false paints no claim');
        assert.ok(opt.off.quotes > 0, 'quotes are painted by default');
        assert.equal(opt.on.quotes, 0, 'quotes: false paints no quote');
        assert.ok(opt.on.claims >= (expected.claims.length > 0 ? 1 : 0), 'threshold 0 paints claims');
        assert.equal(opt.html, before.html);

        assert.deepEqual(seen.errors, [], 'no uncaught errors');
        t.diagnostic(`${name}: <${before.tag.toLowerCase()}> ${text.length} chars, ${expected.quotes.length} quotes, `
          + `${expected.claims.length} claims, ${stats.marks} marks in ${run.ms.toFixed(0)} ms`);
      } finally {
        await page.close();
      }
    });
  }
  assert.ok(totalQuotes > 0);
  assert.ok(totalMarked < totalClaims, `the default threshold marks fewer claims (${totalMarked}) than all (${totalClaims}) on the pages`);
});

test('embed: <whosaid-article> and the one-line embed demo', async (t) => {
  const server = await startServer();
  t.after(server.stop);
  const browser = await launchBrowser();
  t.after(browser.close);
  const page = await browser.newPage();
  const seen = watchPage(page);
  await page.goto(`${server.url}embed-demo.html`);
  await page.waitForSelector('article mark.ws-quote', { timeout: 20000 });
  const demo = await page.evaluate(() => ({
    quotes: document.querySelectorAll('article mark.ws-qstart').length,
    em: document.querySelector('article em mark.ws-quote') !== null,
    link: document.querySelector('article a mark.ws-mark') !== null,
  }));
  assert.ok(demo.quotes >= 3, 'the one-line embed marked the demo article');
  assert.ok(demo.em, 'a quote running through <em> is marked inside it');
  assert.ok(demo.link, 'text inside a link is marked inside the link');
  await page.hover('article em mark.ws-quote');
  await page.waitForSelector('whosaid-card[open]');
  const shot = await screenshot(page, 'embed.png');
  t.diagnostic(`screenshot ${shot}`);
  await page.mouse.move(0, 0);
  // The controls re-annotate in highlight mode and clear.
  await page.click('button[data-action="highlight"]');
  await page.waitForFunction(() => document.querySelector('.demo-status').textContent.includes('highlights'));
  assert.equal(await page.locator('article mark').count(), 0, 'highlight mode: no marks in the DOM');
  // Cards work without elements to hover: the pointer over the highlighted word "hurting".
  const pt = await page.evaluate(() => {
    const r = document.createRange();
    r.selectNodeContents(document.querySelector('article em').firstChild);
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.move(pt.x, pt.y, { steps: 2 });
  const hlCard = await page.waitForFunction(() => document.querySelector('whosaid-card[open]')?.shadowRoot.textContent);
  assert.match(await hlCard.jsonValue(), /Parata/, 'the highlight-mode card names the speaker');
  await page.mouse.move(0, 0);
  await page.click('button[data-action="clear"]');
  assert.match(await page.textContent('.demo-status'), /no marks, text unchanged/);

  // The custom element annotates its own content.
  const el = await page.evaluate(async () => {
    const host = document.createElement('whosaid-article');
    const p = document.createElement('p');
    p.textContent = '“We are ready to talk,” said Pentagon press secretary John Kirby.';
    host.append(p);
    const done = new Promise((r) => host.addEventListener('whosaid:annotated', (e) => r(e.detail), { once: true }));
    document.body.append(host);
    const detail = await done;
    const marked = host.querySelector('mark.ws-quote')?.textContent;
    host.remove(); // disconnecting clears it
    return { quotes: detail.annotations.quotes.length, quoteText: detail.annotations.quotes[0]?.text, marked, after: host.innerHTML };
  });
  assert.equal(el.quotes, 1);
  assert.equal(el.marked, el.quoteText, 'the quote is marked');
  assert.ok(!el.after.includes('<mark'), 'a removed <whosaid-article> is cleared');
  assert.deepEqual(seen.errors, []);
});

test('embed: a long article is marked where the reader is first, the rest after; clear() stops it', async (t) => {
  const server = await startServer();
  t.after(server.stop);
  const browser = await launchBrowser();
  t.after(browser.close);
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const seen = watchPage(page);
  await page.goto(`${server.url}embed-demo.html`);
  await page.waitForSelector('article mark.ws-quote', { timeout: 20000 });
  // The dev articles, paragraph by paragraph, to ~6,000 words.
  const paras = [];
  for (const f of (await readdir(path.join(dataDir, 'articles'))).filter((n) => n.endsWith('.txt')).sort()) {
    paras.push(...(await readFile(path.join(dataDir, 'articles', f), 'utf8')).split(/\n\s*\n/u).map((p) => p.trim()).filter(Boolean));
  }
  const long = [];
  for (let i = 0, words = 0; words < 6000; i = (i + 1) % paras.length) {
    long.push(paras[i]);
    words += paras[i].split(/\s+/u).length;
  }
  const run = await page.evaluate(async (paragraphs) => {
    const ws = await import('./whosaid.js');
    const art = document.createElement('article');
    art.id = 'long';
    art.append(...paragraphs.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
    document.body.append(art);
    const before = art.outerHTML;
    const text = art.textContent;
    const view = innerHeight;
    const shown = (m) => { const r = m.getBoundingClientRect(); return r.bottom >= 0 && r.top <= view * 1.25; };
    // The first frame that shows marks: what is in it.
    const firstFrame = (has, what) => new Promise((resolve) => {
      const look = () => requestAnimationFrame(() => (has() ? resolve(what()) : look()));
      look();
    });
    const out = {};
    for (const [y, name] of [[art.offsetTop, 'top'], [art.offsetTop + art.offsetHeight / 2, 'middle']]) {
      scrollTo(0, y);
      const done = ws.annotate(art);
      const first = await firstFrame(() => art.querySelector('mark.ws-mark'), () => {
        const ms = [...art.querySelectorAll('mark.ws-mark')];
        return { marks: ms.length, offscreen: ms.filter((m) => !shown(m)).length };
      });
      const { stats } = await done;
      out[name] = { first, marks: stats.marks, all: art.querySelectorAll('mark.ws-mark').length, offscreenAtEnd: [...art.querySelectorAll('mark.ws-mark')].filter((m) => !shown(m)).length, text: art.textContent === text };
      ws.clear(art);
    }
    // Highlight mode: the ranges registered by the first frame, and at the end.
    scrollTo(0, art.offsetTop);
    const ranges = () => [...CSS.highlights].filter(([k]) => k.startsWith('ws-')).reduce((n, [, h]) => n + h.size, 0);
    const hdone = ws.annotate(art, { mode: 'highlight' });
    const hfirst = await firstFrame(() => ranges() > 0, ranges);
    out.highlight = { first: hfirst, ranges: (await hdone).stats.ranges, html: art.outerHTML === before };
    ws.clear(art);
    // clear() while the rest is still being painted: annotate stops, the element is as it was.
    const mid = ws.annotate(art);
    await firstFrame(() => art.querySelector('mark.ws-mark'), () => null);
    ws.clear(art);
    const r = await mid;
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    out.cleared = { cancelled: r.cancelled === true, html: art.outerHTML === before, left: art.querySelectorAll('mark').length };
    art.remove();
    return out;
  }, long);
  for (const name of ['top', 'middle']) {
    const r = run[name];
    assert.ok(r.first.marks > 0 && r.first.marks < r.marks / 4, `${name}: the first frame shows some marks (${r.first.marks} of ${r.marks})`);
    assert.equal(r.first.offscreen, 0, `${name}: every mark in the first frame is on screen (or just below)`);
    assert.ok(r.offscreenAtEnd > r.marks / 2, `${name}: the rest was painted after`);
    assert.equal(r.all, r.marks, `${name}: every mark is in the element at the end`);
    assert.ok(r.text, `${name}: text unchanged`);
  }
  assert.ok(run.highlight.first > 0 && run.highlight.first < run.highlight.ranges / 4, `highlight: ${run.highlight.first} of ${run.highlight.ranges} ranges first`);
  assert.ok(run.highlight.html, 'highlight mode changes no DOM');
  assert.deepEqual(run.cleared, { cancelled: true, html: true, left: 0 }, 'clear() mid-way stops annotate and restores the element');
  assert.deepEqual(seen.errors, []);
});
