// Annotates large articles off the main thread, so the page never freezes.
import init, { annotate_text } from "./pkg/whosaid.js";

const ready = init({ module_or_path: new URL("./pkg/whosaid_bg.wasm", import.meta.url) });
self.onmessage = async (ev) => {
  try {
    postMessage({ progress: "loading engine" });
    await ready;
    postMessage({ progress: `annotating ${Math.round(ev.data.length / 1024)} KB` });
    postMessage({ result: annotate_text(ev.data) });
  } catch (e) {
    postMessage({ error: String(e) });
  }
};
