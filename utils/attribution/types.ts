/** Who stands behind a claim, as the reader needs to see it at a glance (see docs: attribution guide). */
export type SourceKind = 'named' | 'anonymous' | 'vague' | 'non-response';

export const SOURCE_KINDS: readonly SourceKind[] = ['named', 'anonymous', 'vague', 'non-response'];

/** A stretch of the article text: UTF-16 offsets, end exclusive; `text` is `articleText.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One attribution: one cue, with its source and content. */
export interface Claim {
  /** The sentence (or quoted passage) holding the cue. */
  sentence: Span;
  /** "said", "according to", "told Reuters", ... */
  cue: Span;
  /** "U.S. officials", "Sony", "he"; null when not found. */
  source: Span | null;
  /** What is attributed. */
  content: Span | null;
  kind: SourceKind;
  /** Anonymity marker: "speaking on condition of anonymity". */
  marker: Span | null;
}
