import type { Claim } from '../attribution/types';

interface Interval {
  start: number;
  end: number;
  claim: number;
}

/** How far back a lookup scans for an interval that still covers the offset (spans rarely nest deeper). */
const LOOKBACK = 16;

/**
 * Finds the claim under a text offset (for hover) and the claim after or before one (for
 * keyboard navigation). Claims are in text order, as `annotate` returns them.
 */
export class ClaimIndex {
  private readonly intervals: Interval[];

  constructor(readonly claims: readonly Claim[]) {
    this.intervals = claims
      .flatMap((claim, index) =>
        [claim.source, claim.cue, claim.marker, claim.content]
          .filter((span) => span !== null && span.end > span.start)
          .map((span) => ({ start: span!.start, end: span!.end, claim: index })),
      )
      .sort((a, b) => a.start - b.start);
  }

  /** The claim whose source, cue, marker or content covers `offset` (the narrowest such span wins), or -1. */
  claimAt(offset: number): number {
    let low = 0;
    let high = this.intervals.length - 1;
    let last = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.intervals[middle].start <= offset) {
        last = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    let best = -1;
    let bestWidth = Infinity;
    for (let i = last; i >= 0 && i > last - LOOKBACK; i--) {
      const interval = this.intervals[i];
      const width = interval.end - interval.start;
      if (interval.end > offset && width < bestWidth) {
        best = interval.claim;
        bestWidth = width;
      }
    }
    return best;
  }

  /**
   * The next (direction 1) or previous (-1) claim after `current` (-1: from the start or end),
   * wrapping around; with `unnamedOnly`, only anonymous and vague claims. -1 when none.
   */
  step(current: number, direction: 1 | -1, unnamedOnly = false): number {
    const count = this.claims.length;
    if (count === 0) return -1;
    let index = current < 0 ? (direction === 1 ? -1 : count) : current;
    for (let tries = 0; tries < count; tries++) {
      index = (index + direction + count) % count;
      const kind = this.claims[index].kind;
      if (!unnamedOnly || kind === 'anonymous' || kind === 'vague') return index;
    }
    return -1;
  }
}
