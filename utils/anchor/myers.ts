/**
 * Myers' bit-parallel approximate string matching (1999), in Hyyrö's multi-word form: where does
 * `pattern` occur in `text` with at most k edits (insert, delete, substitute one UTF-16 unit)?
 * Time O(text.length * ceil(pattern.length / 32)), so callers keep patterns short.
 */

/** A place where the pattern ends in the text, and the fewest edits of any occurrence ending there. */
export interface ApproximateEnd {
  end: number;
  errors: number;
}

const W = 32;

/**
 * Per character code, a bitmask per 32-unit block of where it occurs in the pattern: a flat table
 * for codes below 256 (most article text), a map for the rest.
 */
class PatternMasks {
  readonly low: Int32Array;
  readonly high = new Map<number, Int32Array>();
  readonly none: Int32Array;

  constructor(pattern: string, readonly blocks: number) {
    this.low = new Int32Array(256 * blocks);
    this.none = new Int32Array(blocks);
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      const bit = 1 << i % W;
      const block = (i / W) | 0;
      if (code < 256) {
        this.low[code * blocks + block] |= bit;
      } else {
        let mask = this.high.get(code);
        if (!mask) this.high.set(code, (mask = new Int32Array(blocks)));
        mask[block] |= bit;
      }
    }
  }
}

/**
 * Ends of the best occurrences in text[from, to) with at most maxErrors edits, one per cluster of
 * nearby ends (the local best), at most `limit` of them: fewest errors first, then nearest to
 * `expectedEnd`.
 */
export function approximateEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  limit: number,
  expectedEnd: number,
  from = 0,
  to = text.length,
): ApproximateEnd[] {
  const m = pattern.length;
  if (m === 0) return [];
  const blocks = Math.ceil(m / W);
  const masks = new PatternMasks(pattern, blocks);
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  const lastBit = 1 << (m - 1) % W; // the pattern's last row, in the last block
  let score = m;
  const found: ApproximateEnd[] = [];
  let run: ApproximateEnd | null = null;
  let runFirst = 0;
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    const eqs = code < 256 ? masks.low : (masks.high.get(code) ?? masks.none);
    const base = code < 256 ? code * blocks : 0;
    let carry = 0; // horizontal delta entering the block from below: -1, 0 or +1
    for (let b = 0; b < blocks; b++) {
      const p = pv[b];
      const mm = mv[b];
      const negIn = carry < 0 ? 1 : 0;
      const eq = eqs[base + b] | negIn;
      const xv = eq | mm;
      const xh = (((eq & p) + p) ^ p) | eq;
      let ph = mm | ~(xh | p);
      let mh = p & xh;
      const top = b === blocks - 1 ? lastBit : 1 << 31;
      const out = ph & top ? 1 : mh & top ? -1 : 0;
      ph = (ph << 1) | (carry > 0 ? 1 : 0);
      mh = (mh << 1) | negIn;
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      carry = out;
    }
    score += carry;
    if (score <= maxErrors) {
      // Ends within one pattern length of each other belong to one occurrence: keep its best
      // (the later of equals: a changed last character is a substitution rather than a deletion).
      if (run !== null && j + 1 - runFirst < m) {
        if (score <= run.errors) run = { end: j + 1, errors: score };
      } else {
        if (run !== null) found.push(run);
        run = { end: j + 1, errors: score };
        runFirst = j + 1;
      }
    }
  }
  if (run !== null) found.push(run);
  found.sort((a, b) => a.errors - b.errors || Math.abs(a.end - expectedEnd) - Math.abs(b.end - expectedEnd));
  return found.slice(0, limit);
}
