// Formats the page reads and writes: the main text of an HTML article, and W3C Web
// Annotation JSON-LD. No DOM of the live page is touched here.

// ---------------------------------------------------------------------------------------
// HTML → article text

/** Elements that are never article text. */
const DROP = "script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio, "
  + "nav, header, footer, aside, form, button, select, input, textarea, dialog, menu, "
  + "[hidden], [aria-hidden='true'], [role='navigation'], [role='banner'], [role='contentinfo'], "
  + "[role='complementary'], [role='dialog'], [role='alert']";

/** class/id words of page furniture: ads, promos, share bars, related links, sign-ups. */
const FURNITURE = /^(ad|ads|adv|advert|adverts|advertisement|advertising|dfp|gpt|sponsor|sponsored|promo|promos|promotion|outbrain|taboola|related|recommended|recirculation|more|newsletter|subscribe|subscription|signup|paywall|share|sharing|social|comments?|cookie|consent|banner|popup|modal|breadcrumbs?|byline|author|tags?|toolbar|masthead|nav|navigation|menu|sidebar|widget|footer|header|skip|print)$/i;

function isFurniture(el) {
  const words = `${el.getAttribute("class") ?? ""} ${el.id ?? ""}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.some((w) => FURNITURE.test(w));
}

const norm = (s) => s.replace(/\s+/g, " ").trim();

const never = () => false;

/** Text length of the <p> elements under `el` that look like prose (`skip(p)`: paragraphs
 * not to count). */
function proseLength(el, skip = never) {
  let n = 0;
  for (const p of el.querySelectorAll("p")) {
    if (skip(p)) continue;
    const t = norm(p.textContent);
    if (t.length >= 40) n += t.length;
  }
  return n;
}

/** The element holding the article: an explicit article body, else the <article> or
 * <main> with the most prose, else the element whose direct <p> children hold the most
 * prose (the largest cluster of paragraphs). `skip(p)`: paragraphs not to count. */
export function mainElement(doc, skip = never) {
  const prose = (el) => proseLength(el, skip);
  const explicit = doc.querySelector("[itemprop='articleBody'], [property='articleBody']");
  if (explicit && prose(explicit) > 200) return explicit;
  const best = (els) => els.map((e) => [e, prose(e)]).sort((a, b) => b[1] - a[1])[0];
  const art = best([...doc.querySelectorAll("article, main, [role='main']")]);
  // Score parents of prose paragraphs (a parent gets its children's text, a grandparent half).
  const score = new Map();
  for (const p of doc.querySelectorAll("p")) {
    if (skip(p)) continue;
    const len = norm(p.textContent).length;
    if (len < 40) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    score.set(parent, (score.get(parent) ?? 0) + len);
    const gp = parent.parentElement;
    if (gp) score.set(gp, (score.get(gp) ?? 0) + len / 2);
  }
  const cluster = [...score].sort((a, b) => b[1] - a[1])[0];
  if (art && art[1] > 0 && (!cluster || art[1] >= cluster[1] * 0.6)) return art[0];
  if (!cluster) return doc.body;
  // Paragraphs often sit in two or three sibling containers (an intro, the body, a
  // continuation): climb while the parent adds a good share of prose of its own.
  // Wrappers that add nothing are passed through.
  let el = cluster[0];
  let probe = el;
  let here = prose(el);
  for (let i = 0; i < 6; i++) {
    const parent = probe.parentElement;
    if (!parent || parent === doc.documentElement) break;
    const up = prose(parent);
    if (up - here >= here * 0.15) {
      el = probe = parent;
      here = up;
    } else if (up === here) {
      probe = parent;
    } else {
      break;
    }
  }
  return el;
}

/**
 * The article element of a live page, where nothing can be removed: the element
 * `mainElement` picks when paragraphs a reader does not see as the article are not counted
 * (inside navigation, asides, forms, hidden parts — the elements `htmlToArticleText` drops —
 * or inside page furniture: ads, promos, share bars, related links). Returns null when the
 * page has no article: no `minParagraphs` prose paragraphs (≥ 40 characters) with
 * `minChars` characters together in the element — counted apart for each list item or nested
 * `<article>` (the teasers of an index page are many small groups, not one article).
 */
export function findArticle(doc, { minParagraphs = 3, minChars = 600 } = {}) {
  const furniture = new Map();
  const isFurnitureBlock = (el) => {
    if (!furniture.has(el)) furniture.set(el, isFurniture(el) && proseLength(el) < 400);
    return furniture.get(el);
  };
  const skip = (p) => {
    if (p.closest(DROP)) return true;
    if (typeof p.checkVisibility === "function" && !p.checkVisibility({ visibilityProperty: true })) return true;
    for (let a = p.parentElement; a && a !== doc.body; a = a.parentElement) {
      if ((a.hasAttribute("class") || a.id) && isFurnitureBlock(a)) return true;
    }
    return false;
  };
  const el = mainElement(doc, skip);
  if (!el) return null;
  // Prose paragraphs grouped by the list item or nested <article> they sit in (el itself
  // for the others): an article is one group with enough prose, an index page many small ones.
  const groups = new Map();
  for (const p of el.querySelectorAll("p")) {
    if (skip(p)) continue;
    const len = norm(p.textContent).length;
    if (len < 40) continue;
    const item = p.parentElement?.closest("li, article, [role='article']");
    const key = item && item !== el && el.contains(item) ? item : el;
    const g = groups.get(key) ?? { count: 0, chars: 0 };
    g.count++;
    g.chars += len;
    groups.set(key, g);
  }
  const ok = [...groups.values()].some((g) => g.count >= minParagraphs && g.chars >= minChars);
  return ok ? el : null;
}

/**
 * The HTML without <script>/<style> elements and without `style` and `on…` attributes.
 * Nothing in a DOMParser document runs anyway, but the parsed document inherits the page's
 * Content-Security-Policy, and Chrome reports every inline style and handler in it as a
 * violation; the article text needs none of them.
 */
function inert(html) {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/\s(?:on[a-z]+|style)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, ""));
}

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt, td, th";

/**
 * The main text of an HTML page as plain paragraphs separated by blank lines: the article
 * body without navigation, ads, share bars and other page furniture. The HTML is parsed with
 * DOMParser into an inert document (no scripts run, nothing loads) and only its text is kept.
 */
export function htmlToArticleText(html) {
  const doc = new DOMParser().parseFromString(inert(html), "text/html");
  for (const el of doc.querySelectorAll(DROP)) el.remove();
  for (const el of [...doc.querySelectorAll("[class], [id]")]) {
    if (el.isConnected && el !== doc.body && el !== doc.documentElement && isFurniture(el) && proseLength(el) < 400) el.remove();
  }
  const root = mainElement(doc);
  const blocks = [...root.querySelectorAll(BLOCKS)]
    // The innermost blocks only (a <p> inside a <blockquote> or <li> is taken once).
    .filter((b) => !b.querySelector(BLOCKS));
  const paras = (blocks.length ? blocks : [root]).map((b) => norm(b.textContent)).filter((t) => t.length > 0);
  // Drop exact repeats (pages often print a caption or pull quote twice in a row).
  const out = [];
  for (const p of paras) if (out[out.length - 1] !== p) out.push(p);
  return out.join("\n\n");
}

// ---------------------------------------------------------------------------------------
// Web Annotation (https://www.w3.org/TR/annotation-model/)

/** Code-point index of every UTF-16 offset of `text` (Web Annotation positions count
 * characters, not UTF-16 units). */
function codePoints(text) {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // The low half of a surrogate pair is not a character of its own.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) cp++;
    else map[i] = cp - 1;
  }
  map[text.length] = cp;
  return map;
}

/** `n` UTF-16 units before/after a span, not cutting a surrogate pair. */
function around(text, start, end, n = 32) {
  let a = Math.max(0, start - n);
  if (a > 0 && /[\udc00-\udfff]/.test(text[a])) a--;
  let b = Math.min(text.length, end + n);
  if (b < text.length && /[\udc00-\udfff]/.test(text[b])) b++;
  return { prefix: text.slice(a, start), suffix: text.slice(end, b) };
}

async function sha256(text) {
  if (!globalThis.crypto?.subtle) return null;
  const buf = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The annotations (whosaid's contract, UTF-16 offsets into `text`) as a W3C Web Annotation
 * collection: one annotation per quote, claim and entity mention, each targeting the text by
 * a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (code points).
 * A quote's source phrase as written is one of its bodies: a SpecificResource (purpose
 * `identifying`) on the same source with the same two selectors, plus a `describing`
 * TextualBody `source: a spokeswoman (unnamed)`.
 * The source is identified by the SHA-256 of the text (`urn:sha256:…`), since a paste has
 * no URL.
 */
export async function toWebAnnotation(text, ann, { name = "", generator = "whosaid" } = {}) {
  if (ann.offsets !== "utf16") throw new Error("toWebAnnotation needs UTF-16 offsets");
  const hash = await sha256(text);
  const source = hash ? `urn:sha256:${hash}` : "urn:whosaid:text";
  const cp = codePoints(text);
  const entities = new Map(ann.entities.map((e) => [e.id, e]));
  const creator = { type: "Software", name: generator };
  const target = (start, end) => ({
    source,
    selector: [
      { type: "TextQuoteSelector", exact: text.slice(start, end), ...around(text, start, end) },
      { type: "TextPositionSelector", start: cp[start], end: cp[end] },
    ],
  });
  const tag = (value) => ({ type: "TextualBody", purpose: "tagging", value, format: "text/plain" });
  const describe = (value) => ({ type: "TextualBody", purpose: "describing", value, format: "text/plain" });
  const items = [];
  for (const q of ann.quotes) {
    const sp = q.speaker ? entities.get(q.speaker) : null;
    const body = [tag(q.kind === "direct" ? "direct quote" : "indirect quote")];
    if (sp) {
      body.push({ type: "TextualBody", purpose: "identifying", value: sp.name, format: "text/plain" });
      if (sp.title) body.push(describe(`${sp.name}, ${sp.title}`));
    }
    if (q.source) {
      // The source phrase as written (`a spokeswoman`, `he`): a body that selects it in the
      // same text, with the words in plain text for readers that ignore selectors.
      body.push({ type: "SpecificResource", purpose: "identifying", ...target(q.source.start, q.source.end) });
      body.push(describe(`source: ${q.source.text}${sp ? "" : " (unnamed)"}`));
    } else if (!sp) {
      body.push(describe("source: none named"));
    }
    if (q.cue) body.push(describe(`cue: ${q.cue.text}`));
    body.push(describe(`confidence ${q.confidence}`));
    items.push({ id: `${source}#${q.id}`, type: "Annotation", motivation: "highlighting", creator, body, target: target(q.start, q.end) });
  }
  for (const c of ann.claims) {
    const body = [tag("claim"), tag(c.kind), describe(`check-worthiness ${c.score}; signals: ${c.signals.join(", ")}`)];
    if (c.quote) body.push(describe(`within quote ${c.quote}`));
    items.push({ id: `${source}#${c.id}`, type: "Annotation", motivation: "classifying", creator, body, target: target(c.start, c.end) });
  }
  for (const e of ann.entities) {
    e.mentions.forEach((m, k) => {
      const body = [{ type: "TextualBody", purpose: "identifying", value: e.name, format: "text/plain" }, tag(e.kind)];
      if (e.title) body.push(describe(e.title));
      items.push({ id: `${source}#${e.id}-m${k + 1}`, type: "Annotation", motivation: "identifying", creator, body, target: target(m.start, m.end) });
    });
  }
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `${source}#whosaid`,
    type: "AnnotationCollection",
    label: `whosaid: quotes, speakers and claims${name ? ` in ${name}` : ""}`,
    creator,
    total: items.length,
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
}
