/**
 * Span scoring shared by the benchmarks.
 *
 * How attributions are scored (PolNeAR and the labelled pages alike):
 * 1. Each role (cue, source, content) is one character span; a discontinuous gold role is merged into the
 *    span from its first to its last character, as the corpus's own reference scorer does.
 * 2. Predicted and gold attributions are paired one-to-one, greedily: all pairs whose cues share at least
 *    one character are sorted by cue overlap (then content overlap), largest first, and taken while both
 *    sides are free. A pair counts as one matched attribution (cue true positive).
 * 3. Source and content are scored on the matched pairs: a true positive is a matched pair whose spans
 *    overlap by at least one character (overlap measure) or are equal after trimming whitespace and
 *    outer punctuation (exact measure). Precision divides by every predicted attribution that has that
 *    role, recall by every gold attribution that has it; unmatched attributions therefore count against
 *    both, and a missing source (`null`) is neither predicted nor gold.
 * 4. Cue exact: a matched pair whose cue texts are equal after trimming.
 */

export interface Interval {
  start: number;
  end: number;
}

export function overlap(a: Interval | null, b: Interval | null): number {
  if (!a || !b) return 0;
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

const TRIM = /^[\s,.;:!?\u00a0]+|[\s,.;:!?\u00a0]+$/g;

export function sameText(text: string, a: Interval | null, b: Interval | null): boolean {
  if (!a || !b) return false;
  return text.slice(a.start, a.end).replace(TRIM, '') === text.slice(b.start, b.end).replace(TRIM, '');
}

export interface Scored {
  cue: Interval;
  source: Interval | null;
  content: Interval | null;
}

/** Greedy one-to-one pairing by cue overlap; returns [predIndex, goldIndex] pairs. */
export function pairByCue(pred: readonly Scored[], gold: readonly Scored[]): [number, number][] {
  const candidates: [number, number, number, number][] = [];
  // Both lists are sorted by cue start, so a sweep finds every overlapping pair.
  let g0 = 0;
  for (let p = 0; p < pred.length; p++) {
    while (g0 < gold.length && gold[g0].cue.start < pred[p].cue.start - 5000) g0++;
    for (let g = g0; g < gold.length && gold[g].cue.start < pred[p].cue.end; g++) {
      const o = overlap(pred[p].cue, gold[g].cue);
      if (o > 0) candidates.push([p, g, o, overlap(pred[p].content, gold[g].content)]);
    }
  }
  candidates.sort((a, b) => b[2] - a[2] || b[3] - a[3] || a[0] - b[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [p, g] of candidates) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
    pairs.push([p, g]);
  }
  return pairs;
}

export class Counts {
  tp = 0;
  pred = 0;
  gold = 0;
  add(other: Counts): void {
    this.tp += other.tp;
    this.pred += other.pred;
    this.gold += other.gold;
  }
  get p(): number {
    return this.pred ? this.tp / this.pred : 0;
  }
  get r(): number {
    return this.gold ? this.tp / this.gold : 0;
  }
  get f1(): number {
    return this.p + this.r ? (2 * this.p * this.r) / (this.p + this.r) : 0;
  }
}

export interface RoleCounts {
  cue: Counts;
  source: Counts;
  content: Counts;
  cueExact: Counts;
  sourceExact: Counts;
  contentExact: Counts;
}

export function emptyRoleCounts(): RoleCounts {
  return { cue: new Counts(), source: new Counts(), content: new Counts(), cueExact: new Counts(),
    sourceExact: new Counts(), contentExact: new Counts() };
}

/** Scores one document's predictions against its gold attributions (both sorted by cue start). */
export function scoreDocument(text: string, pred: readonly Scored[], gold: readonly Scored[], into: RoleCounts): [number, number][] {
  const pairs = pairByCue(pred, gold);
  for (const key of ['cue', 'cueExact'] as const) {
    into[key].pred += pred.length;
    into[key].gold += gold.length;
  }
  for (const role of ['source', 'content'] as const) {
    const np = pred.filter((x) => x[role]).length;
    const ng = gold.filter((x) => x[role]).length;
    into[role].pred += np;
    into[role].gold += ng;
    into[`${role}Exact`].pred += np;
    into[`${role}Exact`].gold += ng;
  }
  for (const [p, g] of pairs) {
    const a = pred[p];
    const b = gold[g];
    into.cue.tp++;
    if (sameText(text, a.cue, b.cue)) into.cueExact.tp++;
    if (overlap(a.source, b.source) > 0) into.source.tp++;
    if (sameText(text, a.source, b.source)) into.sourceExact.tp++;
    if (overlap(a.content, b.content) > 0) into.content.tp++;
    if (sameText(text, a.content, b.content)) into.contentExact.tp++;
  }
  return pairs;
}
