// Annotates off the main thread (a module worker), so a book-length paste never freezes the
// page. Protocol — in: {id, text}; out: {id, type: "progress", phase} then
// {id, type: "done", annotations, ms} or {id, type: "error", message}.
// The engine call itself is one synchronous pass (linear in the text); the page shows the
// elapsed time meanwhile and a real progress bar while it paints the marks.
import init, { annotate_text, version } from "./pkg/whosaid.js";

const ready = init({ module_or_path: new URL("./pkg/whosaid_bg.wasm", import.meta.url) });

self.onmessage = async (ev) => {
  const { id, text } = ev.data;
  try {
    postMessage({ id, type: "progress", phase: "load" });
    await ready;
    postMessage({ id, type: "progress", phase: "annotate", version: version() });
    const t0 = performance.now();
    const annotations = annotate_text(text);
    postMessage({ id, type: "done", annotations, ms: performance.now() - t0 });
  } catch (err) {
    postMessage({ id, type: "error", message: String(err?.message ?? err) });
  }
};
