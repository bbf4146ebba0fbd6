// whosaid for Node.js: `annotateText(text)` gives the JSON contract, for annotating on a
// server ahead of time. The same .wasm as in the browser, read from disk and instantiated
// synchronously on first use. Offsets are UTF-16 code units (`offsets: "utf16"`), what
// JavaScript strings index by, as in the browser. The DOM functions of the browser entry
// (annotate, clear, the <whosaid-article> element) need a page and are not exported here.

import { readFileSync } from "node:fs";
import * as wasm from "./pkg/whosaid.js";

let loaded = false;

function loadSync() {
  if (!loaded) {
    wasm.initSync({ module: readFileSync(new URL("./pkg/whosaid_bg.wasm", import.meta.url)) });
    loaded = true;
  }
  return wasm;
}

/** Instantiates the wasm module (once); resolves to its raw bindings. */
export async function load() {
  return loadSync();
}

/** Annotates a string: the JSON contract with UTF-16 offsets into `text`. */
export async function annotateText(text) {
  return annotateTextSync(text);
}

/** `annotateText`, synchronously. */
export function annotateTextSync(text) {
  if (typeof text !== "string") throw new TypeError("whosaid.annotateText: a string is needed");
  return loadSync().annotate_text(text);
}

/** The engine version. */
export async function version() {
  return loadSync().version();
}
