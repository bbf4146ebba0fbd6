// Facts about an element that text extraction (src/web/dom.rs) needs, as bit flags, in one
// call: attributes that hide it, and — when `styled` (the element is rendered) — its computed
// display, visibility and white-space. The decisions stay in Rust; see `role` in dom.rs.
export function ws_facts(el, styled) {
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

// The same function under a second name, for tests/web.rs: it compiles dom.rs into the test
// crate next to the library's copy, and two imports of one name would clash at link time.
export { ws_facts as ws_facts_for_tests };
