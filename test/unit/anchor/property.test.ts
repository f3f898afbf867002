// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { anchorNote } from '../../../utils/anchor/reanchor';
import { describeSpan } from '../../../utils/anchor/selectors';
import { rng } from '../../random';
import { corpusParagraphs, joinBlocks } from './corpus';

const text = joinBlocks(corpusParagraphs(['bbc-1', 'cnn', 'guardian-1', 'aclu']));
const WORDS = ['officials', 'said', 'the', 'report', 'on Monday', '“quote”', '—', 'Advertisement', '\n\n', '😀', 'a'];

/** Applies `count` random small inserts, deletions and replacements outside [keepStart, keepEnd); returns the text and the span's new place. */
function editAround(source: string, keepStart: number, keepEnd: number, count: number, random: () => number) {
  let out = source;
  let start = keepStart;
  let end = keepEnd;
  for (let k = 0; k < count; k++) {
    let at = Math.floor(random() * out.length);
    const removed = Math.floor(random() * 3) === 0 ? 0 : Math.floor(random() * 12);
    if (at < end && at + removed > start) continue; // would touch the passage
    const word = WORDS[Math.floor(random() * WORDS.length)];
    const inserted = Math.floor(random() * 3) === 1 ? '' : ` ${word} `;
    if (at <= start && at + removed > start) continue;
    // keep surrogate pairs whole
    if (at > 0 && /[\udc00-\udfff]/.test(out[at] ?? '')) at -= 1;
    out = out.slice(0, at) + inserted + out.slice(at + removed);
    if (at <= start) {
      start += inserted.length - removed;
      end += inserted.length - removed;
    }
  }
  return { text: out, start, end };
}

describe('anchorNote under random edits elsewhere', () => {
  it('never loses a passage that is still there verbatim', () => {
    const random = rng(20261127);
    const sentences = [...text.matchAll(/[A-Z][^.!?\n]{20,200}[.!?]/g)];
    for (let trial = 0; trial < 150; trial++) {
      const m = sentences[Math.floor(random() * sentences.length)];
      const { quote, position } = describeSpan(text, m.index, m.index + m[0].length);
      const edited = editAround(text, position.start, position.end, 1 + Math.floor(random() * 40), random);
      expect(edited.text.slice(edited.start, edited.end)).toBe(quote.exact);
      const found = anchorNote(edited.text, quote, position);
      const where = { trial, exact: quote.exact };
      expect({ ...where, found: found !== null }).toEqual({ ...where, found: true });
      expect({ ...where, text: edited.text.slice(found!.start, found!.end) }).toEqual({ ...where, text: quote.exact });
      if (edited.text.indexOf(quote.exact) === edited.text.lastIndexOf(quote.exact)) {
        expect({ ...where, start: found!.start }).toEqual({ ...where, start: edited.start });
      }
    }
  });
});
