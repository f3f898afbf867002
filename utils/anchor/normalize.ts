/**
 * Matching ignores what page edits and copy-editing change without changing the words: runs of
 * whitespace (one space), curly vs straight quotes, dash styles, and invisible format characters
 * (soft hyphens, zero-width spaces and joiners, direction marks).
 */

const REMOVED = -1;
const SPACE = 0x20;

/** The code unit a character matches as, SPACE for any whitespace, or REMOVED for invisible characters. */
function foldCode(code: number): number {
  if (code < 0x80) return code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? SPACE : code;
  switch (code) {
    case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
      return SPACE;
    case 0xad: case 0xfeff:
      return REMOVED;
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: case 0x02bc:
      return 0x27; // '
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
      return 0x22; // "
    case 0x2212:
      return 0x2d; // -
  }
  if (code >= 0x2000 && code <= 0x200a) return SPACE;
  if ((code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2069)) {
    return REMOVED;
  }
  if (code >= 0x2010 && code <= 0x2015) return 0x2d; // hyphens and dashes
  return code;
}

/** A folded text and, for each of its code units, the range of the original it came from. */
export interface FoldedText {
  text: string;
  /** Original offset of folded unit i. */
  starts: Int32Array;
  /** Original offset just after folded unit i (a whitespace run ends after the whole run). */
  ends: Int32Array;
}

/** Folds a string for matching (see above); whitespace runs become one space. */
export function foldForMatch(source: string): string {
  return foldText(source).text;
}

/** Folds the page text, keeping the map back to original offsets. */
export function foldText(source: string): FoldedText {
  const n = source.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  // The folded text is mostly the source verbatim: kept as slices, with folded characters between.
  const parts: string[] = [];
  let verbatimFrom = 0;
  let out = 0;
  let lastWasSpace = false;
  for (let i = 0; i < n; i++) {
    const raw = source.charCodeAt(i);
    const code = raw > 0x20 && raw < 0x7f ? raw : foldCode(raw); // printable ASCII is kept as is
    if (code === raw && raw !== SPACE) {
      starts[out] = i;
      ends[out++] = i + 1;
      lastWasSpace = false;
      continue;
    }
    if (code !== raw || lastWasSpace) {
      parts.push(source.slice(verbatimFrom, i));
      verbatimFrom = i + 1;
    }
    if (code === REMOVED) continue;
    if (code === SPACE && lastWasSpace) {
      ends[out - 1] = i + 1; // one space for the whole run (invisible characters inside it included)
      continue;
    }
    if (code !== raw) parts.push(String.fromCharCode(code));
    starts[out] = i;
    ends[out++] = i + 1;
    lastWasSpace = code === SPACE;
  }
  parts.push(source.slice(verbatimFrom));
  return { text: parts.join(''), starts: starts.subarray(0, out), ends: ends.subarray(0, out) };
}

/** The folded offset of original offset `offset` (the first folded unit at or after it). */
export function foldedOffset(folded: FoldedText, offset: number): number {
  let lo = 0;
  let hi = folded.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (folded.ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
