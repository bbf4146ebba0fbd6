// The DOM work of src/web/dom.rs, done in JavaScript: walking an element for its article text
// (`ws_extract`), wrapping pieces of text nodes in marks (`ws_wrap`) and undoing that
// (`ws_unwrap`, `ws_leftovers`). Each is one call from wasm, so nothing crosses the wasm
// boundary per node or per mark; what to paint is decided in Rust (see dom.rs).

// Elements whose content is never article text (local names, lower case).
const SKIP = new Set([
  "script", "style", "noscript", "template", "textarea", "svg", "math", "button", "select",
  "input", "option", "optgroup", "datalist", "iframe", "object", "embed", "canvas", "video",
  "audio", "head", "title", "meta", "link", "img", "picture", "source", "track", "map",
  "dialog",
]);

// Elements that are blocks when there is no computed style to ask (detached trees).
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
  "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
  "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
  "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
  "thead", "tr", "ul",
]);

// How an element takes part in the text: SKIP_EL, BR, or WALK | BLOCK_EL? | PRE?.
const SKIP_EL = 0, BR = 1, WALK = 2, BLOCK_EL = 4, PRE = 8;

/** Bit flags describing an element: attributes that hide it, and — when `styled` (the element
 * is rendered) — its computed display, visibility and white-space. */
function ws_facts(el, styled) {
  let f = 0;
  if (el.hasAttribute("hidden")) f |= 1;
  const ah = el.getAttribute("aria-hidden");
  if (ah !== null && ah.trim().toLowerCase() === "true") f |= 2;
  if (el.hasAttribute("data-whosaid-skip")) f |= 4;
  const view = el.ownerDocument && el.ownerDocument.defaultView;
  if (f || !styled || !view) return f;
  const s = view.getComputedStyle(el);
  f |= 128;
  const d = s.display;
  if (d === "none") f |= 8;
  const v = s.visibility;
  if (v === "hidden" || v === "collapse") f |= 16;
  if (d && !d.startsWith("inline") && d !== "contents") f |= 32;
  const w = s.whiteSpace;
  const c = s.whiteSpaceCollapse;
  if (w === "pre" || w === "pre-wrap" || w === "break-spaces" || c === "preserve" || c === "break-spaces") f |= 64;
  return f;
}

function role(el, parentPre, rendered) {
  const name = el.localName;
  if (name === "br") return BR;
  if (SKIP.has(name)) return SKIP_EL;
  const f = ws_facts(el, rendered);
  if (f & (1 | 2 | 4 | 8 | 16)) return SKIP_EL;
  if (f & 128) return WALK | (f & 32 ? BLOCK_EL : 0) | (f & 64 ? PRE : 0);
  return WALK | (BLOCK.has(name) ? BLOCK_EL : 0) | (parentPre || name === "pre" ? PRE : 0);
}

const WS = /[ \t\n\r\f]+/g;
const ODD_WS = /[\t\n\r\f]| {2}/;

/**
 * Reads `root`'s article text (the rules are in dom.rs's module docs). Returns
 * `[nodes, text, segs]`: the text nodes that text came from, the text, and for each run of it
 * that came from one node five numbers (node index, start and length in the node, start and
 * length in the text; all in UTF-16 code units). The two lengths differ only for a collapsed
 * whitespace run (length 1 in the text). Breaks between blocks belong to no node.
 */
export function ws_extract(root) {
  const rendered = root.isConnected;
  const nodes = [];
  const segs = [];
  const parts = [];
  let len = 0;
  let breaks = 0; // newlines owed before the next text (1 after <br>, 2 at a block boundary)
  let spNode = -1, spStart = 0, spLen = 0; // a collapsed whitespace run owed before the next text
  let started = false; // no breaks or spaces before the first text

  let last = -1; // where the last seg starts in `segs`, if it maps one to one
  const push = (node, nodeStart, nodeLen, s) => {
    const n = s.length;
    if (nodeLen !== n) {
      last = -1;
      segs.push(node, nodeStart, nodeLen, len, n);
    } else if (last >= 0 && segs[last] === node && segs[last + 1] + segs[last + 2] === nodeStart
        && segs[last + 3] + segs[last + 4] === len) {
      // Runs that map one to one and follow each other in the node and in the text: one seg.
      segs[last + 2] += n;
      segs[last + 4] += n;
    } else {
      last = segs.length;
      segs.push(node, nodeStart, nodeLen, len, n);
    }
    parts.push(s);
    len += n;
  };
  const flush = () => {
    if (breaks > 0) {
      parts.push(breaks === 1 ? "\n" : "\n\n");
      len += breaks;
      breaks = 0;
      spNode = -1;
    } else if (spNode >= 0) {
      push(spNode, spStart, spLen, " ");
      spNode = -1;
    }
  };
  const textNode = (t, pre) => {
    const d = t.data;
    if (!d) return;
    let idx = -1;
    const reg = () => (idx < 0 ? (idx = nodes.push(t) - 1) : idx);
    if (pre || (d.charCodeAt(0) !== 32 && d.charCodeAt(d.length - 1) !== 32 && !ODD_WS.test(d))) {
      // Kept as it is: whitespace in `pre`, or no whitespace but single spaces between words
      // (what the loop below would give, faster).
      flush();
      push(reg(), 0, d.length, d);
      started = true;
      return;
    }
    WS.lastIndex = 0;
    let pos = 0;
    while (pos < d.length) {
      const m = WS.exec(d);
      const wsStart = m ? m.index : d.length;
      if (wsStart > pos) {
        flush();
        push(reg(), pos, wsStart - pos, d.slice(pos, wsStart));
        started = true;
      }
      if (!m) break;
      if (started && breaks === 0 && spNode < 0) {
        spNode = reg();
        spStart = wsStart;
        spLen = WS.lastIndex - wsStart;
      }
      pos = WS.lastIndex;
    }
  };

  const r = role(root, false, rendered);
  // Iterative walk (articles can nest deeply): the stack holds the open elements.
  const stack = [[root, false, r & WALK ? (r & PRE) !== 0 : false]];
  let cur = root.firstChild;
  for (;;) {
    if (!cur) {
      const [node, block] = stack.pop();
      if (stack.length === 0) break;
      if (block) {
        spNode = -1;
        if (started) breaks = 2;
      }
      cur = node.nextSibling;
      continue;
    }
    const type = cur.nodeType;
    if (type === 3 || type === 4) {
      textNode(cur, stack[stack.length - 1][2]);
    } else if (type === 1) {
      const k = role(cur, stack[stack.length - 1][2], rendered);
      if (k === BR) {
        spNode = -1;
        if (started) breaks = Math.min(breaks + 1, 2);
      } else if (k & WALK) {
        const block = (k & BLOCK_EL) !== 0;
        if (block) {
          spNode = -1;
          if (started) breaks = 2;
        }
        stack.push([cur, block, (k & PRE) !== 0]);
        cur = cur.firstChild;
        continue;
      }
    }
    cur = cur.nextSibling;
  }
  return [nodes, parts.join(""), new Uint32Array(segs)];
}

/**
 * Wraps pieces of text nodes in `<mark>`s. `plan` is, for each text node, its index in `nodes`,
 * its number of pieces and each piece's start and end (UTF-16, in node order, not
 * overlapping); `attrs` has seven fields per piece, each followed by "\x1f": class,
 * data-ws-id, data-ws-c, data-ws-u, data-ws-s, data-ws-label, tabindex (empty: absent). The
 * node keeps its first piece (it stays where it is, moved into a mark if that piece is
 * marked); the other pieces are new text nodes after it. Appends each mark to `marks` and,
 * for each node cut, `[node, ...new nodes in document order]` to `splits`, so `ws_unwrap`
 * can put everything back.
 */
export function ws_wrap(nodes, plan, attrs, marks, splits) {
  const a = attrs.split("\x1f");
  let k = 0;
  for (let i = 0; i < plan.length;) {
    const orig = nodes[plan[i]];
    const n = plan[i + 1];
    i += 2;
    const parent = orig.parentNode;
    if (!parent || n === 0) {
      i += 2 * n;
      k += 7 * n;
      continue;
    }
    const doc = orig.ownerDocument;
    const data = orig.data;
    // The original node keeps [0, head): the text before the first piece, or the first piece.
    const head = plan[i] > 0 ? plan[i] : plan[i + 1];
    const out = []; // what follows that, in order
    const extras = []; // the new text nodes, in order
    let first = null; // the mark the original node goes into, if its first piece is marked
    let pos = head;
    for (let j = 0; j < n; j++, i += 2, k += 7) {
      const start = plan[i], end = plan[i + 1];
      const m = doc.createElement("mark");
      m.className = a[k];
      m.setAttribute("data-ws-id", a[k + 1]);
      if (a[k + 2]) m.setAttribute("data-ws-c", a[k + 2]);
      if (a[k + 3]) m.setAttribute("data-ws-u", a[k + 3]);
      if (a[k + 4]) m.setAttribute("data-ws-s", a[k + 4]);
      if (a[k + 5]) m.setAttribute("data-ws-label", a[k + 5]);
      if (a[k + 6]) m.setAttribute("tabindex", a[k + 6]);
      marks.push(m);
      if (start === 0) {
        first = m;
      } else {
        if (start > pos) {
          const t = doc.createTextNode(data.slice(pos, start));
          out.push(t);
          extras.push(t);
        }
        const t = doc.createTextNode(data.slice(start, end));
        m.appendChild(t);
        out.push(m);
        extras.push(t);
      }
      pos = end;
    }
    if (pos < data.length) {
      const t = doc.createTextNode(data.slice(pos));
      out.push(t);
      extras.push(t);
    }
    if (head < data.length) orig.data = data.slice(0, head);
    if (first) {
      parent.insertBefore(first, orig);
      first.appendChild(orig);
      first.after(...out);
    } else {
      orig.after(...out);
    }
    if (extras.length) splits.push([orig, ...extras]);
  }
}

/** Undoes `ws_wrap`: joins each cut node's pieces back into it, dropping the new text nodes
 * with the marks around them, and unwraps any mark left. */
export function ws_unwrap(marks, splits) {
  const ours = new Set(marks);
  // A mark that holds nothing but `t` goes with it; returns whether it did.
  const dropMark = (t) => {
    const m = t.parentNode;
    if (!ours.has(m) || m.childNodes.length !== 1) return false;
    ours.delete(m);
    m.remove();
    return true;
  };
  for (const [orig, ...extras] of splits) {
    let d = orig.data;
    for (const t of extras) d += t.data;
    // Put back where its piece (or the mark around it) is, with its data set out of the page.
    const m = orig.parentNode;
    const at = ours.has(m) && m.childNodes.length === 1 ? m : orig;
    const parent = at.parentNode;
    if (parent) {
      const next = at.nextSibling;
      if (at === m) ours.delete(m);
      at.remove();
      orig.data = d;
      parent.insertBefore(orig, next);
    } else {
      orig.data = d;
    }
    for (const t of extras) if (!dropMark(t)) t.remove();
  }
  for (const m of ours) if (m.parentNode) m.replaceWith(...m.childNodes);
}

/** Unwraps marks of class `cls` left in `root` whose record was lost (painted by another copy
 * of the module, say) and joins the text around them. */
export function ws_leftovers(root, cls) {
  const left = root.querySelectorAll("mark." + cls);
  const parents = new Set();
  for (const m of left) {
    const p = m.parentNode;
    if (!p) continue;
    parents.add(p);
    m.replaceWith(...m.childNodes);
  }
  for (const p of parents) p.normalize();
}

/**
 * The text nodes that show in the viewport, or just below it: `[lo, hi]`, indices into `nodes`
 * (document order). A binary search for the first node whose box ends below the top of the
 * viewport, then a walk while boxes start above its bottom (plus a quarter of its height):
 * a dozen or so box reads on a laid-out page, no change to it. It assumes boxes go down the
 * page in document order, as text in normal flow does; where they do not (columns, floats,
 * positioned boxes) it finds fewer or other nodes, which only changes what is painted first.
 * `[0, 0]` when the nodes are not in a rendered document.
 */
export function ws_visible(nodes) {
  const n = nodes.length;
  const view = n && nodes[0].isConnected && nodes[0].ownerDocument.defaultView;
  if (!view) return [0, 0];
  const r = new view.Range();
  const box = (i) => {
    r.selectNodeContents(nodes[i]);
    return r.getBoundingClientRect();
  };
  let lo = 0;
  for (let hi = n; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (box(mid).bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  // At most a few thousand nodes: where every box reads as zero (a hidden element) this must
  // not become a walk over all of them.
  let end = lo;
  while (end < n && end < lo + 2000 && box(end).top <= view.innerHeight * 1.25) end++;
  return [lo, end];
}

// The CSS highlight registry and the Highlight constructor, if the browser has them.
function highlightApi() {
  const reg = globalThis.CSS?.highlights;
  const H = globalThis.Highlight;
  return reg && typeof H === "function" ? [reg, H] : null;
}

export function ws_can_highlight() {
  return highlightApi() !== null;
}

/** Registers CSS highlights: per range five numbers in `spec` (first node, start, last node,
 * end, priority) and a name and an id in `names` and `ids` (each ended by "\x1f"). Appends
 * `[name, range, id]` to `records`. */
export function ws_highlight(nodes, spec, names, ids, records) {
  const [reg, H] = highlightApi();
  const n = names.split("\x1f");
  const d = ids.split("\x1f");
  for (let i = 0, k = 0; i < spec.length; i += 5, k++) {
    const first = nodes[spec[i]];
    const r = first.ownerDocument.createRange();
    r.setStart(first, spec[i + 1]);
    r.setEnd(nodes[spec[i + 2]], spec[i + 3]);
    let h = reg.get(n[k]);
    if (!h) {
      h = new H();
      h.priority = spec[i + 4];
      reg.set(n[k], h);
    }
    h.add(r);
    records.push([n[k], r, d[k]]);
  }
}

/** Takes the ranges of `records` out of their highlights, and a highlight left empty out of
 * the registry. */
export function ws_unhighlight(records) {
  const api = highlightApi();
  if (!api) return;
  for (const [name, r] of records) {
    const h = api[0].get(name);
    if (!h) continue;
    h.delete(r);
    if (h.size === 0) api[0].delete(name);
  }
}

/** The ids of the `records` whose range holds the point, each once. */
export function ws_ids_at(records, node, offset) {
  const out = [];
  for (const [, r, id] of records) if (r.isPointInRange(node, offset) && !out.includes(id)) out.push(id);
  return out;
}

// The same functions under second names, for tests/web.rs: it compiles dom.rs into the test
// crate next to the library's copy, and two imports of one name would clash at link time.
export {
  ws_extract as ws_extract_for_tests, ws_wrap as ws_wrap_for_tests,
  ws_unwrap as ws_unwrap_for_tests, ws_leftovers as ws_leftovers_for_tests,
  ws_can_highlight as ws_can_highlight_for_tests, ws_highlight as ws_highlight_for_tests,
  ws_visible as ws_visible_for_tests,
  ws_unhighlight as ws_unhighlight_for_tests, ws_ids_at as ws_ids_at_for_tests,
};

const OFFSETS = { utf8: 0, utf16: 1, chars: 2 };
const QUOTE_KINDS = { direct: 0, indirect: 1 };
const CLAIM_KINDS = { quantity: 0, comparison: 1, causal: 2, prediction: 3, accusation: 4, statement: 5 };

/**
 * Paint options from a plain object (all fields optional; `undefined` means the default),
 * checked and flattened for src/web.rs: `[mode, focusable, quotes, claims, cues, speakers,
 * sources, threshold]`, `undefined` where a field is unset. Throws a TypeError naming what
 * is wrong.
 */
export function ws_options(o) {
  if (o == null) return [];
  if (typeof o !== "object") throw new TypeError("options: not an object");
  const check = (key, type, what) => {
    const v = o[key];
    if (v !== undefined && typeof v !== type) throw new TypeError(`options: ${key} must be ${what}`);
    return v;
  };
  return [
    check("mode", "string", "a string"),
    ...["focusable", "quotes", "claims", "cues", "speakers", "sources"].map((k) =>
      check(k, "boolean", "true or false")),
    check("threshold", "number", "a number"),
  ];
}

/**
 * What painting needs of annotations (an object as `annotate_text` returns it, or its JSON
 * text), flattened for src/web.rs to read in one crossing: `[numbers, strings]`, the numbers
 * a Float64Array and the strings joined into one, each string's length (UTF-16) among the
 * numbers, -1 for a missing optional string or phrase. Order: offsets unit; entities (count,
 * then per entity its id and mentions: count, start, end…); quotes (count, then id, start,
 * end, text, kind, speaker, source, cue: a phrase is start, end, text); claims (count, then
 * id, start, end, text, kind, score). Throws a TypeError naming what is wrong.
 */
export function ws_flat(a) {
  if (typeof a === "string") a = JSON.parse(a);
  if (a === null || typeof a !== "object") throw new TypeError("annotations: not an object");
  const n = [];
  const s = [];
  const fail = (what) => { throw new TypeError(`annotations: ${what}`); };
  const str = (x, what) => {
    if (typeof x !== "string") fail(`${what} is not a string`);
    s.push(x);
    n.push(x.length);
  };
  const opt = (x, what) => (x == null ? n.push(-1) : str(x, what));
  const off = (x, what) => {
    if (!Number.isInteger(x) || x < 0) fail(`${what} is not an offset`);
    n.push(x);
  };
  const list = (x, what) => {
    if (!Array.isArray(x)) fail(`${what} is not a list`);
    n.push(x.length);
    return x;
  };
  const kind = (table, x, what) => {
    const k = table[x];
    if (k === undefined) fail(`unknown ${what} ${JSON.stringify(x)}`);
    n.push(k);
  };
  const phrase = (p, what) => {
    if (p == null) return n.push(-1);
    n.push(0);
    off(p.start, `${what} start`);
    off(p.end, `${what} end`);
    str(p.text, `${what} text`);
  };
  kind(OFFSETS, a.offsets ?? "utf8", "offset unit");
  for (const e of list(a.entities, "entities")) {
    str(e.id, "entity id");
    for (const m of list(e.mentions, `mentions of ${e.id}`)) {
      off(m.start, `mention of ${e.id}`);
      off(m.end, `mention of ${e.id}`);
    }
  }
  for (const q of list(a.quotes, "quotes")) {
    str(q.id, "quote id");
    off(q.start, `${q.id} start`);
    off(q.end, `${q.id} end`);
    str(q.text, `${q.id} text`);
    kind(QUOTE_KINDS, q.kind, "quote kind");
    opt(q.speaker, `${q.id} speaker`);
    phrase(q.source, `${q.id} source`);
    phrase(q.cue, `${q.id} cue`);
  }
  for (const c of list(a.claims, "claims")) {
    str(c.id, "claim id");
    off(c.start, `${c.id} start`);
    off(c.end, `${c.id} end`);
    str(c.text, `${c.id} text`);
    kind(CLAIM_KINDS, c.kind, "claim kind");
    if (typeof c.score !== "number") fail(`${c.id} score is not a number`);
    n.push(c.score);
  }
  return [new Float64Array(n), s.join("")];
}
