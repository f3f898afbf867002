import { describe, expect, it } from 'vitest';
import { annotate } from '../../../utils/attribution/index';
import { rng } from '../../random';
import { checkInvariants } from './helpers';

const PIECES = [
  'said', 'says', ' told Reuters', 'according to', ' officials', 'Mr.', 'U.S.', 'Jan.', 'J.', '3.5', ',', '.', '!', '?',
  '...', '\u2026', ':', ';', ' ', ' ', ' ', '\n', '\n\n', '"', '\u201C', '\u201D', '\u2018', '\u2019', '\u201E', '\u00AB',
  '\u00BB', '\u300C', '\u300D', "''", "'", '(', ')', '\u2014', '\u2013', '-', '\u200F', '\u200E', '\u202E', '\u200D',
  '\u200B', '\uFEFF', '\uD800', '\uDC00', '\uD83D\uDE00', '\u0000', '\u00A0', 'He', 'she', 'It', 'speaking on condition of anonymity',
  'declined to comment', 'did not respond to requests for comment', 'is expected to', 'seen as', 'The', 'Sony', 'privately',
  'who asked not to be named', 'A', 'é', '\u0301', 'مرحبا', '日本語', 'x'.repeat(50),
];

function randomText(next: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += next() < 0.1 ? String.fromCharCode(Math.floor(next() * 0x10000)) : PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

describe('annotate never throws and keeps its span invariants', () => {
  it('on random mixes of cue words, quotes of every kind, marks, surrogates and NUL', () => {
    const next = rng(20261127);
    for (let round = 0; round < 400; round++) {
      const text = randomText(next, 20 + Math.floor(next() * 600));
      const claims = annotate(text);
      checkInvariants(text, claims);
    }
  });

  it('on degenerate inputs', () => {
    const cases = ['', ' ', '"', '“', '”', '\uD800', '\uDC00\uD800', '\u0000said\u0000', 'said', ', said', '" said',
      'said said said', '.', '...', 'U.S.', '““““““', '””””', '"a," said', 'according to', 'according', ': :', 'X:'];
    for (const text of cases) checkInvariants(text, annotate(text));
  });

  it('on long adversarial inputs, in bounded time', () => {
    const big = [
      '"' + 'He said it was fine, officials said. '.repeat(3000), // unclosed quotation, ~110 KB
      'said '.repeat(20000),
      'Officials said that ' + 'the plan, which '.repeat(5000) + 'failed.', // one huge sentence
      'a'.repeat(200000), // no spaces
      '“'.repeat(50000) + '”'.repeat(50000),
      'Mr. '.repeat(30000),
    ];
    const started = Date.now();
    for (const text of big) {
      const claims = annotate(text);
      checkInvariants(text, claims);
    }
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('returns [] for non-string input instead of throwing', () => {
    expect(annotate(undefined as unknown as string)).toEqual([]);
    expect(annotate(42 as unknown as string)).toEqual([]);
  });
});
