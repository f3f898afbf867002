import type { SourceKind } from '../attribution/types';

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
