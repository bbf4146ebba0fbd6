// whosaid for Node.js (the "node" condition of the package's "." export, or "whosaid/node").
import type { Annotations } from "./contract.js";

export * from "./contract.js";

/** Instantiates the wasm module (once); resolves to its raw wasm-bindgen bindings, which
 * are not a stable API. */
export function load(): Promise<object>;

/** Annotates a string: the JSON contract with UTF-16 offsets into `text`. */
export function annotateText(text: string): Promise<Annotations>;

/** `annotateText`, synchronously (the module is instantiated on first use). */
export function annotateTextSync(text: string): Annotations;

/** The engine version (the crate's). */
export function version(): Promise<string>;
