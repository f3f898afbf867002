import type { Claim, SourceKind } from './attribution/types';

export type KindCounts = Record<SourceKind, number>;

/** One source as the summary lists it: "U.S. officials — 2 claims, anonymous". */
export interface SourceGroup {
  label: string;
  kind: SourceKind;
  /** Indexes of its claims in the page's claim list, in text order. */
  claims: number[];
}

export const NO_SOURCE_LABEL = '(no source given)';
const MAX_LABEL = 120;

export function emptyCounts(): KindCounts {
  return { named: 0, anonymous: 0, vague: 0, 'non-response': 0 };
}

export function countKinds(claims: readonly Claim[]): KindCounts {
  const counts = emptyCounts();
  for (const claim of claims) counts[claim.kind]++;
  return counts;
}

/** Claims grouped by who is behind them (same wording, case and spacing aside, and same kind), in order of first appearance. */
export function groupSources(claims: readonly Claim[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  claims.forEach((claim, index) => {
    const label = claim.source ? claim.source.text.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL) : NO_SOURCE_LABEL;
    const key = `${claim.kind}\u0000${label.toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.claims.push(index);
    else groups.set(key, { label, kind: claim.kind, claims: [index] });
  });
  return [...groups.values()];
}

/** Share of claims (not counting non-responses) that rest on anonymous or vague sources, 0..1. */
export function unnamedShare(counts: KindCounts): number {
  const claims = counts.named + counts.anonymous + counts.vague;
  return claims === 0 ? 0 : (counts.anonymous + counts.vague) / claims;
}
