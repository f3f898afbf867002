/** Anonymity markers inside a sentence: `speaking on condition of anonymity`, `who asked not to be named`. */
import { ANONYMITY_MARKERS } from './lexicon';
import type { Token } from './tokens';

export interface Marker {
  first: number;
  /** One past the last token. */
  last: number;
  /** `privately` only counts when the source is not a named one. */
  weak: boolean;
}

const BY_FIRST_WORD = new Map<string, (readonly string[])[]>();
for (const seq of ANONYMITY_MARKERS) {
  const list = BY_FIRST_WORD.get(seq[0]) ?? [];
  list.push(seq);
  BY_FIRST_WORD.set(seq[0], list);
}

/** Markers in tokens [first, last), longest match at each position, outside quotations. */
export function findMarkers(tokens: Token[], first: number, last: number): Marker[] {
  const out: Marker[] = [];
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    if (t.type !== 'word' || t.quote >= 0) continue;
    const candidates = BY_FIRST_WORD.get(t.lower);
    if (!candidates) continue;
    let best = 0;
    for (const seq of candidates) {
      if (seq.length <= best || i + seq.length > last) continue;
      let ok = true;
      for (let k = 1; k < seq.length && ok; k++) ok = tokens[i + k].lower === seq[k];
      if (ok) best = seq.length;
    }
    if (best > 0) {
      out.push({ first: i, last: i + best, weak: t.lower === 'privately' });
      i += best - 1;
    }
  }
  return out;
}
