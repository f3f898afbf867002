// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { anchorNote, anchorNotes, errorBudget } from '../../../utils/anchor/reanchor';
import { describeSpan } from '../../../utils/anchor/selectors';
import { corpusParagraphs, joinBlocks } from './corpus';

const paragraphs = corpusParagraphs(['cnn', 'bbc-1', 'guardian-1']);
const text = joinBlocks(paragraphs);

/** Selectors for the first occurrence of `passage` in `source`. */
function noteOn(source: string, passage: string) {
  const start = source.indexOf(passage);
  if (start < 0) throw new Error(`passage not in text: ${passage}`);
  return describeSpan(source, start, start + passage.length);
}

/** A sentence-sized passage from the middle of paragraph `i`. */
function passageOf(i: number): string {
  const p = paragraphs[i];
  return p.slice(Math.floor(p.length / 4), Math.floor((3 * p.length) / 4)).trim();
}

const longParagraph = paragraphs.findIndex((p) => p.length > 200);

describe('anchorNote', () => {
  it('finds the passage at its stored position when the page is unchanged', () => {
    const { quote, position } = noteOn(text, passageOf(longParagraph));
    expect(anchorNote(text, quote, position)).toEqual({ start: position.start, end: position.end, method: 'position', score: 1 });
  });

  it('finds the passage exactly when text was inserted before it (position shifted)', () => {
    const passage = passageOf(longParagraph);
    const { quote, position } = noteOn(text, passage);
    const changed = 'Advertisement\n\nA new paragraph the editors added this morning.\n\n' + text;
    const found = anchorNote(changed, quote, position);
    expect(found?.method).toBe('exact');
    expect(changed.slice(found!.start, found!.end)).toBe(passage);
    expect(found!.start).toBe(changed.indexOf(passage));
  });

  it('tells repeated phrases apart by their context, then by the old position', () => {
    const phrase = 'a spokesman said';
    const source = `The minister resigned, ${phrase} on Monday.\n\nTrade talks stalled, ${phrase} late on Friday.\n\nThe minister resigned, ${phrase} on Monday.`;
    const second = source.indexOf(phrase, source.indexOf(phrase) + 1);
    const { quote, position } = describeSpan(source, second, second + phrase.length);
    const changed = 'Breaking: ' + source;
    const found = anchorNote(changed, quote, position)!;
    expect(found.start).toBe(second + 'Breaking: '.length);
    // same context twice (first and third): the old position decides
    const third = source.lastIndexOf(phrase);
    const last = describeSpan(source, third, third + phrase.length);
    expect(anchorNote(changed, last.quote, last.position)!.start).toBe(third + 'Breaking: '.length);
    // without a position, context still picks the second
    expect(anchorNote(changed, quote, null)!.start).toBe(second + 'Breaking: '.length);
  });

  it('does not take a repeat of the phrase at the old position when its context is wrong', () => {
    const phrase = 'the suspect fled';
    const source = 'Police said the suspect fled.\n\nWitnesses said the suspect fled on foot.';
    const target = source.lastIndexOf(phrase);
    const { quote, position } = describeSpan(source, target, target + phrase.length);
    // a new lead paragraph puts the first occurrence exactly where the note used to be
    const lead = 'Updated with more details from the scene. '.repeat(3).slice(0, target - source.indexOf(phrase) - 2) + '\n\n';
    const changed = lead + source;
    expect(changed.slice(position.start, position.end)).toBe(phrase);
    const found = anchorNote(changed, quote, position)!;
    expect(found.start).toBe(changed.lastIndexOf(phrase));
  });

  it('follows a paragraph that was moved', () => {
    const passage = passageOf(longParagraph);
    const { quote, position } = noteOn(text, passage);
    const moved = [...paragraphs];
    const [p] = moved.splice(longParagraph, 1);
    moved.push(p);
    const changed = joinBlocks(moved.reverse());
    const found = anchorNote(changed, quote, position)!;
    expect(found.method).toBe('exact');
    expect(found.start).toBe(changed.indexOf(passage));
  });

  it('finds the passage fuzzily when a word inside it was edited', () => {
    const passage = passageOf(longParagraph);
    const { quote, position } = noteOn(text, passage);
    const words = passage.split(' ');
    const middle = Math.floor(words.length / 2);
    const edited = [...words.slice(0, middle), 'reportedly', ...words.slice(middle + 1)].join(' ');
    const changed = text.replace(passage, edited);
    const found = anchorNote(changed, quote, position)!;
    expect(found.method).toBe('fuzzy');
    expect({ start: found.start, end: found.end }).toEqual({ start: changed.indexOf(edited), end: changed.indexOf(edited) + edited.length });
    expect(found.score).toBeGreaterThan(0.8);
  });

  it('finds a passage that was both moved far away and edited', () => {
    const passage = passageOf(longParagraph);
    const { quote, position } = noteOn(text, passage);
    const edited = passage.replace(/ (\w+) /, ' $1 reportedly ');
    const moved = paragraphs.filter((_, i) => i !== longParagraph);
    moved.push(paragraphs[longParagraph].replace(passage, edited));
    for (const changed of [joinBlocks(moved), joinBlocks(moved) + '\n\n' + 'Filler paragraph. '.repeat(15_000)]) {
      const found = anchorNote(changed, quote, position)!;
      expect(found.method).toBe('fuzzy');
      expect(changed.slice(found.start, found.end)).toBe(edited);
    }
  });

  it('finds a long passage (several paragraphs) with edits at its start and end', () => {
    const start = text.indexOf(paragraphs[2]);
    const end = text.indexOf(paragraphs[5]) + paragraphs[5].length;
    const { quote, position } = describeSpan(text, start, end);
    const lastEdited = paragraphs[5].slice(0, -12) + ' indeed' + paragraphs[5].slice(-12);
    const changed = text.replace(paragraphs[2], 'So ' + paragraphs[2]).replace(paragraphs[5], lastEdited);
    const found = anchorNote(changed, quote, position)!;
    expect(found.method).toBe('fuzzy');
    // "So " added before it may be taken in or left out: both cost three edits
    expect(found.start).toBeGreaterThanOrEqual(changed.indexOf('So ' + paragraphs[2]));
    expect(found.start).toBeLessThanOrEqual(changed.indexOf(paragraphs[2]));
    expect(found.end).toBe(changed.indexOf(lastEdited) + lastEdited.length);
  });

  it('ignores quote, dash and whitespace style changes', () => {
    const source = 'He said: "It\'s over -- and we lost."  Then   he left.';
    const { quote, position } = describeSpan(source, 9, 36);
    const curly = 'Updated. He said: “It’s over —- and we lost.” Then he\u00a0left.';
    const found = anchorNote(curly, quote, position)!;
    expect(found).not.toBeNull();
    expect(curly.slice(found.start, found.end)).toBe('“It’s over —- and we lost.”');
  });

  it('reports a deleted passage as an orphan', () => {
    const passage = passageOf(longParagraph);
    const { quote, position } = noteOn(text, passage);
    const changed = joinBlocks(paragraphs.filter((_, i) => i !== longParagraph));
    expect(anchorNote(changed, quote, position)).toBeNull();
  });

  it('reports a rewritten paragraph as an orphan', () => {
    const passage = passageOf(longParagraph);
    const { quote, position } = noteOn(text, passage);
    const rewritten = 'In a statement released late on Tuesday, the agency declined to comment on the figures, citing an ongoing review.';
    const changed = joinBlocks(paragraphs.map((p, i) => (i === longParagraph ? rewritten : p)));
    expect(anchorNote(changed, quote, position)).toBeNull();
  });

  it('handles empty text, empty quotes and quotes longer than the text', () => {
    const { quote, position } = noteOn(text, passageOf(longParagraph));
    expect(anchorNote('', quote, position)).toBeNull();
    expect(anchorNote(text, { ...quote, exact: '  ' }, position)).toBeNull();
    expect(anchorNote('Short text.', quote, position)).toBeNull();
    expect(anchorNote('Short text.', { type: 'TextQuoteSelector', exact: 'Short text. And more', prefix: '', suffix: '' }, null)).toBeNull();
  });

  it('ignores a position outside the text', () => {
    const { quote } = noteOn(text, passageOf(longParagraph));
    const found = anchorNote(text, quote, { type: 'TextPositionSelector', start: text.length + 10, end: text.length + 50 });
    expect(text.slice(found!.start, found!.end)).toBe(quote.exact);
  });

  it('finds quotes at the very start and end of the text', () => {
    const first = describeSpan(text, 0, paragraphs[0].length);
    const last = describeSpan(text, text.length - paragraphs.at(-1)!.length, text.length);
    const changed = text.replace(' ', '  ').slice(0, -1) + '!'; // whitespace edit at the start, punctuation at the end
    const a = anchorNote(changed, first.quote, first.position)!;
    expect(a.start).toBe(0);
    const b = anchorNote(changed, last.quote, last.position)!;
    expect(b.end).toBe(changed.length);
  });

  it('handles surrogate pairs, direction marks and zero-width joiners', () => {
    const source = 'Intro.\n\nفريق 👩‍👩‍👧 \u200Fقال إن الخطة 😀 نجحت\u200E في النهاية.\n\nOutro.';
    const passage = 'قال إن الخطة 😀 نجحت';
    const { quote, position } = noteOn(source, passage);
    const shifted = 'New lead paragraph.\n\n' + source;
    const found = anchorNote(shifted, quote, position)!;
    expect(shifted.slice(found.start, found.end)).toBe(passage);
    // marks and joiners removed or added by the page do not matter
    const stripped = shifted.replace(/[\u200d-\u200f]/g, '');
    const again = anchorNote(stripped, quote, position)!;
    expect(stripped.slice(again.start, again.end)).toBe(passage);
    // an emoji replaced by another: fuzzy, and no half of a pair in the result
    const swapped = shifted.replace('😀', '🙂');
    const fuzzy = anchorNote(swapped, quote, position)!;
    expect(swapped.slice(fuzzy.start, fuzzy.end)).toBe(passage.replace('😀', '🙂'));
  });

  it('anchors a batch by note id', () => {
    const a = noteOn(text, passageOf(longParagraph));
    const results = anchorNotes(text, [
      { id: 'a', ...a },
      { id: 'gone', quote: { type: 'TextQuoteSelector', exact: 'This sentence never appeared in any article at all.', prefix: '', suffix: '' }, position: null },
    ]);
    expect(results.get('a')?.method).toBe('position');
    expect(results.get('gone')).toBeNull();
  });

  it('honours a smaller error budget', () => {
    const passage = passageOf(longParagraph);
    const { quote, position } = noteOn(text, passage);
    const changed = text.replace(passage, passage.replace(/e/g, 'E'));
    expect(anchorNote(changed, quote, position, { maxErrors: 1 })).toBeNull();
    expect(errorBudget(4)).toBe(0);
    expect(errorBudget(100)).toBe(20);
    expect(errorBudget(1000)).toBe(100);
  });
});
