// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { alignFrom } from '../../../utils/anchor/align';
import { approximateEnds } from '../../../utils/anchor/myers';
import { foldText } from '../../../utils/anchor/normalize';
import { rng } from '../../random';

/** Brute force: fewest edits of `pattern` against a substring of `text` ending at each offset. */
function editsEndingAt(text: string, pattern: string): number[] {
  let prev = Array.from({ length: text.length + 1 }, () => 0);
  for (let i = 1; i <= pattern.length; i++) {
    const row = [i];
    for (let j = 1; j <= text.length; j++) {
      row[j] = Math.min(prev[j - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1), prev[j] + 1, row[j - 1] + 1);
    }
    prev = row;
  }
  return prev;
}

/** Brute force edit distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, row[j - 1] + 1);
    prev = row;
  }
  return prev[b.length];
}

const randomString = (random: () => number, length: number, alphabet: string) =>
  Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

describe('approximateEnds (Myers, multi-word)', () => {
  it('agrees with the plain dynamic programme, for patterns of one, two and three words', () => {
    const random = rng(7);
    for (let trial = 0; trial < 100; trial++) {
      const m = 1 + Math.floor(random() * 80);
      const pattern = randomString(random, m, 'abcé😀');
      const text = randomString(random, 150, 'abcé😀');
      const k = Math.floor(random() * (m / 2 + 1));
      const truth = editsEndingAt(text, pattern);
      const ends = approximateEnds(text, pattern, k, Infinity, 0);
      for (const e of ends) expect(e.errors).toBe(truth[e.end]);
      const best = Math.min(...truth);
      if (best <= k) expect(ends[0]?.errors).toBe(best);
      else expect(ends).toEqual([]);
    }
  });

  it('searches only the given range and returns at most `limit` ends, nearest the expected end first', () => {
    const text = 'said it. said it. said it. said it.';
    expect(approximateEnds(text, 'said', 0, 10, 0).map((e) => e.end)).toEqual([4, 13, 22, 31]);
    expect(approximateEnds(text, 'said', 0, 2, 30).map((e) => e.end)).toEqual([31, 22]);
    expect(approximateEnds(text, 'said', 0, 10, 0, 9, 27).map((e) => e.end)).toEqual([13, 22]);
  });
});

describe('alignFrom (banded)', () => {
  it('finds the fewest edits of the pattern against text from a fixed point, either way', () => {
    const random = rng(11);
    for (let trial = 0; trial < 200; trial++) {
      const pattern = randomString(random, 1 + Math.floor(random() * 40), 'abc');
      const text = randomString(random, 60, 'abc');
      const origin = Math.floor(random() * 61);
      const k = Math.floor(random() * 12);
      let truthForward = Infinity;
      for (let e = origin; e <= text.length; e++) truthForward = Math.min(truthForward, distance(pattern, text.slice(origin, e)));
      let truthBackward = Infinity;
      for (let s = 0; s <= origin; s++) truthBackward = Math.min(truthBackward, distance(pattern, text.slice(s, origin)));
      const forward = alignFrom(text, pattern, origin, 1, k);
      const backward = alignFrom(text, pattern, origin, -1, k);
      expect(forward?.errors ?? null).toBe(truthForward <= k ? truthForward : null);
      expect(backward?.errors ?? null).toBe(truthBackward <= k ? truthBackward : null);
      if (forward) expect(distance(pattern, text.slice(origin, origin + forward.length))).toBe(forward.errors);
      if (backward) expect(distance(pattern, text.slice(origin - backward.length, origin))).toBe(backward.errors);
    }
  });
});

describe('foldText', () => {
  it('folds whitespace, quotes, dashes and invisible characters, keeping the map to original offsets', () => {
    const source = 'He said:\u00a0 “It’s over” —\u00adok\u200d.\n\nNext';
    const folded = foldText(source);
    expect(folded.text).toBe('He said: "It\'s over" -ok. Next');
    for (let i = 0; i < folded.text.length; i++) {
      const original = source.slice(folded.starts[i], folded.ends[i]);
      if (folded.text[i] === ' ') expect(original.trim()).toBe('');
      else expect(original.length).toBe(1);
    }
  });
});
