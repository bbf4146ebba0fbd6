// whosaid's service worker (Chromium) / background script (Firefox).
//
// A click on the toolbar button grants `activeTab` for the current tab; `toggle(tabId)` then
// loads content.js (an ES module, with the same wasm engine and embed module as the page)
// into the tab's content-script world and asks it to annotate the article in place, or to
// clear it if it is annotated. Nothing is sent anywhere: the article never leaves the tab.

const api = globalThis.browser ?? globalThis.chrome;

/**
 * Annotates the article in tab `tabId`, or clears it when it is annotated. `opts.threshold`:
 * mark claims scoring at least this (default: the engine's, where claim precision on the
 * dev gold is ≥ 0.90). Resolves to what the page reported:
 * `{status: "annotated", quotes, claims, marked, sources}`, `{status: "cleared"}`,
 * `{status: "no-article"}` or `{status: "error", message}`.
 */
async function toggle(tabId, opts = {}) {
  let result;
  try {
    const [res] = await api.scripting.executeScript({
      target: { tabId },
      // Runs in the content-script world; the module is loaded once per page and kept.
      func: async (url, o) => {
        try {
          const m = await import(url);
          return await m.toggle(o);
        } catch (err) {
          return { status: "error", message: String(err?.message ?? err) };
        }
      },
      args: [api.runtime.getURL("content.js"), opts],
    });
    result = res?.result ?? { status: "error", message: "the page gave no answer" };
  } catch (err) {
    // Pages no extension may touch (the browser's own pages, the web store).
    result = { status: "error", message: String(err?.message ?? err) };
  }
  const badge = { annotated: "on", "no-article": "–", error: "!" }[result.status] ?? "";
  try {
    await api.action.setBadgeText({ tabId, text: badge });
    await api.action.setTitle({
      tabId,
      title: result.status === "annotated"
        ? `whosaid: ${result.quotes} quotes, ${result.marked} of ${result.claims} claims marked — click to clear`
        : result.status === "no-article" ? "whosaid: no article text found here"
        : result.status === "error" ? `whosaid: ${result.message}`
        : "whosaid: mark who said what on this page",
    });
  } catch {
    // The tab may be gone.
  }
  return result;
}

api.action.onClicked.addListener((tab) => {
  if (tab.id !== undefined) toggle(tab.id);
});

// For tests (and the console): the same function the button calls.
globalThis.toggle = toggle;

// A new page in the tab starts unannotated: drop the badge.
api.tabs.onUpdated.addListener((tabId, info) => {
  if (info.status === "loading") api.action.setBadgeText({ tabId, text: "" }).catch(() => {});
});
