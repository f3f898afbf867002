import type { SourceKind } from '../attribution/types';

/** Size limits of a note's fields, checked on every message and every import. */
export const MAX_QUOTE_LENGTH = 10_000;
export const MAX_COMMENT_LENGTH = 20_000;
export const MAX_URL_LENGTH = 4_096;
export const MAX_TITLE_LENGTH = 1_000;
/** Prefix and suffix of a TextQuoteSelector. */
export const MAX_CONTEXT_LENGTH = 200;
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 100;

export const VERDICTS = ['unverified', 'supported', 'disputed', 'needs source'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** W3C Web Annotation TextQuoteSelector: the passage with a little context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: offsets into the page's article text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** What a content script may ask to store: everything the reader and the page provide, no ids or times. */
export interface NoteDraft {
  url: string;
  title: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  comment: string;
  verdict: Verdict;
  tags: string[];
  claimSource: string | null;
  claimKind: SourceKind | null;
}

/** A stored note: the draft plus what only the extension decides (id, site, times). */
export interface Note extends NoteDraft {
  id: string;
  site: string;
  createdAt: number;
  updatedAt: number;
}
