// The JSON contract, version 2: what annotateText() returns and annotate() reports.
// Mirrors src/types.rs of the whosaid crate (the Rust types are the reference).

/** A half-open span `[start, end)` of the input. */
export interface Span {
  start: number;
  end: number;
}

/** A stretch of the input with its text (`text` is exactly `input.slice(start, end)`). */
export interface Phrase extends Span {
  text: string;
}

/** The word or phrase that introduces speech (`said`, `told Reuters`, `according to`). */
export type Cue = Phrase;

export type EntityKind = "person" | "organization";

/** One real-world referent: every mention of it, however it is named, points here. */
export interface Entity {
  /** `e1`, `e2`, … in order of first mention. */
  id: string;
  /** The fullest name the article gives (`John Kirby`, not `Kirby`). */
  name: string;
  kind: EntityKind;
  /** Job title or role when the article gives one (`Pentagon press secretary`). */
  title: string | null;
  mentions: Span[];
}

/** `direct`: words between quotation marks; `indirect`: reported speech. */
export type QuoteKind = "direct" | "indirect";

export interface Quote extends Phrase {
  /** `q1`, `q2`, … in text order. */
  id: string;
  kind: QuoteKind;
  /** Id of the speaking entity, or null where the article names no source. */
  speaker: string | null;
  /** The words that name the source, as written (`Pentagon press secretary John Kirby`,
   * `he`, `a spokeswoman`); null only where nothing in the text names a source. */
  source: Phrase | null;
  cue: Cue | null;
  /** How sure the engine is that this is speech by `speaker`, in [0, 1]. */
  confidence: number;
}

/** How a quote's source is identified. */
export type SourceKind = "person" | "organization" | "unnamed" | "unattributed";

/** One line of the sources summary: a source and how many quotes it gives. */
export interface SourceCount {
  kind: SourceKind;
  /** The entity id for a person or organisation, else null. */
  entity: string | null;
  /** The entity's name, or an unnamed source's phrase as first written; null for
   * unattributed quotes. */
  name: string | null;
  quotes: number;
}

export type ClaimKind = "quantity" | "comparison" | "causal" | "prediction" | "accusation" | "statement";

export interface Claim extends Phrase {
  /** `c1`, `c2`, … in text order. */
  id: string;
  kind: ClaimKind;
  /** Check-worthiness in [0, 1]. */
  score: number;
  /** Why the claim was picked (`number`, `comparison`, `causal`, `attribution`, …). */
  signals: string[];
  /** Id of the quote the claim sits in, or null. */
  quote: string | null;
}

/** The unit of every `start`/`end`: UTF-16 code units from JavaScript, UTF-8 bytes from the
 * Rust API and the command line. */
export type OffsetUnit = "utf8" | "utf16";

/** Everything found in one article. */
export interface Annotations {
  /** Version of the format: 2. */
  version: number;
  offsets: OffsetUnit;
  entities: Entity[];
  quotes: Quote[];
  claims: Claim[];
  /** Who is quoted, counted, most-quoted first. */
  sources: SourceCount[];
}
