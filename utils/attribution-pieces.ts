import { annotate } from './attribution';
import type { Claim, Span } from './attribution/types';

/**
 * Article text longer than this is annotated a piece at a time, so a huge page never blocks the
 * main thread in one go (the detector's first run on a page is not yet optimised by the engine).
 */
export const PIECE_CHARS = 16 * 1024;

/**
 * [start, end) pieces covering `text`, each at most about `size` long, cut after a paragraph
 * break ("\n\n") where the piece has one. Lets a caller annotate a huge text a piece at a time.
 */
export function paragraphPieces(text: string, size: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > size) {
    const limit = start + size;
    const breakAt = text.lastIndexOf('\n\n', limit - 2);
    const end = breakAt > start ? breakAt + 2 : limit;
    pieces.push([start, end]);
    start = end;
  }
  pieces.push([start, text.length]);
  return pieces;
}

const shift = (span: Span | null, by: number): Span | null => span && { start: span.start + by, end: span.end + by, text: span.text };

/** The claims of `text.slice(start, end)`, with offsets into the whole `text`. */
export function annotatePiece(text: string, start: number, end: number): Claim[] {
  const claims = annotate(start === 0 && end === text.length ? text : text.slice(start, end));
  if (start === 0) return claims;
  return claims.map((claim) => ({
    ...claim,
    sentence: shift(claim.sentence, start)!,
    cue: shift(claim.cue, start)!,
    source: shift(claim.source, start),
    content: shift(claim.content, start),
    marker: shift(claim.marker, start),
  }));
}

/** The claims of `text` as the content script finds them: piece by piece, at paragraph breaks. */
export function annotateInPieces(text: string, size = PIECE_CHARS): Claim[] {
  return paragraphPieces(text, size).flatMap(([start, end]) => annotatePiece(text, start, end));
}
