import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '@/utils/attribution';
import { annotatePiece, paragraphPieces, PIECE_CHARS } from '@/utils/attribution-pieces';

const labelsText = resolve(process.cwd(), '../shared/corpus/labels/text');

function article(name: string): string {
  try {
    return readFileSync(resolve(labelsText, `${name}.txt`), 'utf8');
  } catch {
    throw new Error(`The shared corpus is missing: expected ${labelsText}/${name}.txt beside the repository.`);
  }
}

describe('annotating a long text a piece at a time', () => {
  const text = ['wapo-1', 'nytimes-4', 'seed', 'citylab-1'].map(article).join('\n\n');

  it('cuts the text into pieces that cover it exactly, at paragraph breaks, within the size', () => {
    const pieces = paragraphPieces(text, 4096);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces[0][0]).toBe(0);
    expect(pieces.at(-1)![1]).toBe(text.length);
    for (let i = 0; i < pieces.length; i++) {
      const [start, end] = pieces[i];
      expect(end - start).toBeLessThanOrEqual(4096);
      if (i > 0) expect(start).toBe(pieces[i - 1][1]);
      if (i < pieces.length - 1) expect(text.slice(end - 2, end)).toBe('\n\n');
    }
  });

  it('cuts a text with no paragraph break at the size', () => {
    expect(paragraphPieces('x'.repeat(10), 4)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(paragraphPieces('', 4)).toEqual([[0, 0]]);
  });

  it('gives claims whose spans index the whole text, as the whole text gives them', () => {
    const whole = annotate(text);
    const pieced = paragraphPieces(text, 4096).flatMap(([start, end]) => annotatePiece(text, start, end));
    for (const claim of pieced) {
      for (const span of [claim.sentence, claim.cue, claim.source, claim.content, claim.marker]) {
        if (span) expect(text.slice(span.start, span.end)).toBe(span.text);
      }
    }
    // Small pieces lose the claims that reach across a cut, and learned cues where a piece's share of
    // reporting sentences differs from its block's in the whole text (the learned pass is gated on it).
    const key = (claim: { cue: { start: number } }) => claim.cue.start;
    const shared = pieced.filter((claim) => whole.some((other) => key(other) === key(claim)));
    expect(shared.length).toBeGreaterThan(whole.length * 0.9);
  });

  it("gives the whole text's claims at the content script's piece size", () => {
    expect(text.length).toBeGreaterThan(PIECE_CHARS);
    const pieced = paragraphPieces(text, PIECE_CHARS).flatMap(([start, end]) => annotatePiece(text, start, end));
    expect(pieced.map((claim) => [claim.cue.start, claim.kind])).toEqual(annotate(text).map((claim) => [claim.cue.start, claim.kind]));
  });
});
