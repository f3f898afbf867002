import type { Claim, Span } from '../attribution/types';
import type { MarkRequest } from './marks';

/** Anything that turns article-text offsets into DOM ranges (the page's text map). */
export interface RangeSource {
  rangeFor(start: number, end: number): Range | null;
}

/**
 * The marks for a list of claims: the source, the cue and any anonymity marker carry the
 * claim's kind; the content gets the subtle `content` mark.
 */
export function claimMarkRequests(claims: readonly Claim[], map: RangeSource): MarkRequest[] {
  const requests: MarkRequest[] = [];
  const add = (span: Span | null, kind: MarkRequest['kind']) => {
    if (!span || span.end <= span.start) return;
    const range = map.rangeFor(span.start, span.end);
    if (range) requests.push({ kind, range });
  };
  for (const claim of claims) {
    add(claim.source, claim.kind);
    add(claim.cue, claim.kind);
    add(claim.marker, claim.kind);
    add(claim.content, 'content');
  }
  return requests;
}
