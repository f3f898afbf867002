/**
 * Edit distance of a pattern against the text on one side of a fixed point, with the far end free:
 * `direction` 1 reads text[origin], text[origin+1], … against the pattern from its start; -1 reads
 * text[origin-1], text[origin-2], … against the pattern from its end. Only alignments within
 * maxErrors of the diagonal are computed (Ukkonen's band), so the cost is O(m * (2 * maxErrors + 1)).
 */

export interface Alignment {
  /** How many text units the pattern covers, from the origin. */
  length: number;
  errors: number;
}

const INF = 1 << 30;

/**
 * Errors of the best alignment covering each number of text units (index = length), for lengths
 * within maxErrors of the pattern's; entries over maxErrors are left above it. Null when none fits.
 */
export function alignmentRow(
  text: string,
  pattern: string,
  origin: number,
  direction: 1 | -1,
  maxErrors: number,
): Int32Array | null {
  const m = pattern.length;
  const available = direction > 0 ? text.length - origin : origin;
  const width = Math.min(available, m + maxErrors); // text units the alignment may cover
  // Both read in alignment order, so the inner loop is plain array access.
  const window = new Uint16Array(width);
  for (let j = 0; j < width; j++) window[j] = text.charCodeAt(direction > 0 ? origin + j : origin - 1 - j);
  let prev = new Int32Array(width + 1).fill(INF);
  let row = new Int32Array(width + 1).fill(INF);
  for (let j = 0; j <= Math.min(width, maxErrors); j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(0, i - maxErrors);
    const hi = Math.min(width, i + maxErrors);
    if (lo > hi) return null;
    const pc = pattern.charCodeAt(direction > 0 ? i - 1 : m - i);
    row.fill(INF, Math.max(0, lo - 1), Math.min(width, hi + 1) + 1);
    let rowBest = INF;
    if (lo === 0) rowBest = row[0] = i;
    for (let j = Math.max(1, lo); j <= hi; j++) {
      const substitute = prev[j - 1] + (window[j - 1] === pc ? 0 : 1);
      const del = prev[j] + 1;
      const ins = row[j - 1] + 1;
      const d = substitute < del ? (substitute < ins ? substitute : ins) : del < ins ? del : ins;
      row[j] = d;
      if (d < rowBest) rowBest = d;
    }
    if (rowBest > maxErrors) return null; // every alignment is already over budget
    [prev, row] = [row, prev];
  }
  return prev;
}


/** The best alignment with at most maxErrors edits (ties: length nearest the pattern's), or null. */
export function alignFrom(
  text: string,
  pattern: string,
  origin: number,
  direction: 1 | -1,
  maxErrors: number,
): Alignment | null {
  const row = alignmentRow(text, pattern, origin, direction, maxErrors);
  if (row === null) return null;
  let best: Alignment | null = null;
  for (let length = 0; length < row.length; length++) {
    const errors = row[length];
    if (errors > maxErrors) continue;
    if (best === null || errors < best.errors || (errors === best.errors && Math.abs(length - pattern.length) < Math.abs(best.length - pattern.length))) {
      best = { length, errors };
    }
  }
  return best;
}
