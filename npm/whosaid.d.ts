// whosaid in the browser: the embed module (marks quotes, speakers and claims in a page) and
// the <whosaid-article> element, which importing this module defines.
import type { Annotations, Entity, Quote } from "./contract.js";

export * from "./contract.js";

export interface LoadOptions {
  /** Where the `.wasm` is, when not at `./pkg/whosaid_bg.wasm` next to `whosaid.js` (a
   * bundler moved the script): a URL, a fetch Response, its bytes or a compiled module.
   * Only the first successful load uses it. */
  wasm?: string | URL | Response | BufferSource | WebAssembly.Module;
}

/** Loads and instantiates the wasm module once; resolves to its raw wasm-bindgen bindings,
 * which are not a stable API. Rejects with a message naming the fix when the `.wasm` is not
 * where it is looked for. */
export function load(options?: LoadOptions): Promise<object>;

/** Annotates a string: the JSON contract with UTF-16 offsets into `text`. */
export function annotateText(text: string): Promise<Annotations>;

/** The article text whosaid reads from an element (what the offsets of `annotate(el)` refer to). */
export function extractText(el: Element): Promise<string>;

/** The engine version (the crate's). */
export function version(): Promise<string>;

/** The default claim threshold (0.57: the lowest score at which claim precision on the dev
 * gold is at least 0.90); `annotate` marks only claims scoring at least this. */
export function claimThreshold(): Promise<number>;

/** How a quote's source reads on a card: the speaker's name, the phrase with `(unnamed)`
 * (`a spokeswoman (unnamed)`), or `no source named`. */
export function sourceLabel(quote: Quote, speaker?: Entity | null): string;

/** Sources and the quotes they give, for one kind of source. */
export interface SourceTally {
  sources: number;
  quotes: number;
}

/** The sources summary of annotations (from the contract's `sources`), with a one-line
 * `text` such as `4 named people · 1 organisation · 2 unnamed sources`. */
export interface SourcesSummary {
  person: SourceTally;
  organization: SourceTally;
  unnamed: SourceTally;
  unattributed: SourceTally;
  text: string;
}

export function sourcesSummary(ann: Annotations): SourcesSummary;

/** Speaker colours, by slot: [background, underline]. */
export const PALETTE: ReadonlyArray<readonly [background: string, line: string]>;

export type PaintMode = "wrap" | "highlight" | "auto";

export interface AnnotateOptions {
  /** `"wrap"` (default): `<mark>` elements; `"highlight"`: the CSS Custom Highlight API, no
   * DOM change (falls back to wrapping where missing); `"auto"`: highlight where available. */
  mode?: PaintMode;
  /** The first mark of each quote and claim is a keyboard stop (default true). */
  focusable?: boolean;
  /** Hover / focus cards (default true). */
  cards?: boolean;
  /** What to mark (each default true). */
  quotes?: boolean;
  claims?: boolean;
  cues?: boolean;
  speakers?: boolean;
  /** Annotations of `extractText(el)` computed elsewhere (a worker, a server), to paint
   * instead of annotating here. */
  annotations?: Annotations;
  /** Called with the fraction painted between steps (the marks on screen are painted first,
   * the rest in later frames). */
  onProgress?: (fraction: number) => void;
  /** Mark only claims scoring at least this (default `claimThreshold()`); the returned
   * annotations keep every claim. */
  threshold?: number;
}

export interface SpeakerSlot {
  /** The entity id. */
  id: string;
  /** Index into PALETTE of the speaker's colour. */
  slot: number;
  quotes: number;
}

/** What a paint did. */
export interface PaintStats {
  /** The mode actually used. */
  mode: "wrap" | "highlight";
  /** `<mark>` elements created (wrap mode). */
  marks: number;
  /** Highlight ranges registered (highlight mode). */
  ranges: number;
  quotes: number;
  claims: number;
  mentions: number;
  /** Speakers in colour order. */
  speakers: SpeakerSlot[];
  /** Length of the extracted text in UTF-16 code units. */
  textLength: number;
}

export interface AnnotateResult {
  annotations?: Annotations;
  stats?: PaintStats;
  /** A later `annotate` of the same element superseded this one. */
  cancelled?: true;
}

/** Annotates `el` in place: marks quotes, speakers and claims. */
export function annotate(el: Element, options?: AnnotateOptions): Promise<AnnotateResult>;

/** Removes whosaid's marks, highlights, listeners and card from `el`; `el.outerHTML` is then
 * what it was before `annotate`. */
export function clear(el: Element): void;

/** What `annotate` found for `el`, or undefined. */
export function annotationsOf(el: Element): Annotations | undefined;

/** The first mark of each quote by `speaker` (an entity id; null: quotes with no speaker;
 * undefined: all) in `el`, in document order. */
export function quoteMarks(el: Element, speaker?: string | null): HTMLElement[];

/** Focuses the next (`dir` 1) or previous (-1) quote by `speaker` after `from`, wrapping
 * around; returns the mark focused, if any. */
export function nextQuote(el: Element, speaker: string | null | undefined, from?: Element | null, dir?: 1 | -1): HTMLElement | null;

/**
 * `<whosaid-article mode="highlight" focusable="false" cards="false">…</whosaid-article>`:
 * annotates its content once in the document (again on `refresh()`), clears itself when
 * removed, and fires `whosaid:annotated` with `{annotations, stats}` as detail.
 */
export class WhosaidArticle extends HTMLElement {
  /** Annotates again (e.g. after the content changed). */
  refresh(): Promise<AnnotateResult>;
  /** What the last annotation found, or undefined. */
  readonly annotations: Annotations | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    "whosaid-article": WhosaidArticle;
  }
  interface HTMLElementEventMap {
    "whosaid:annotated": CustomEvent<AnnotateResult>;
  }
}
