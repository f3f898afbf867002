// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../../utils/anchor/selectors';
import { corpusParagraphs, joinBlocks } from './corpus';

describe('describeSpan', () => {
  const text = joinBlocks(corpusParagraphs(['cnn']));

  it('quotes the span with word-bounded context of at most 32 characters', () => {
    const start = text.indexOf('the class you');
    const { quote, position } = describeSpan(text, start, start + 39);
    expect(quote.exact).toBe(text.slice(start, start + 39));
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 39 });
    expect(quote.prefix.length).toBeLessThanOrEqual(32);
    expect(quote.suffix.length).toBeLessThanOrEqual(32);
    expect(text.slice(0, start).endsWith(quote.prefix)).toBe(true);
    expect(text.slice(start + 39).startsWith(quote.suffix)).toBe(true);
    // no cut-off word at the outer edges of the context
    const before = text[start - quote.prefix.length - 1];
    expect(before === ' ' || before === '\n' || before === undefined).toBe(true);
    expect(quote.prefix).toBe('Among its key findings: ');
  });

  it('round-trips: the position indexes exactly the quote, for every sentence', () => {
    for (const m of text.matchAll(/[^.!?\n]+[.!?]/g)) {
      const { quote, position } = describeSpan(text, m.index, m.index + m[0].length);
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(quote.exact).toBe(m[0].trim());
    }
  });

  it('leaves whitespace at the edges out and clamps offsets to the text', () => {
    expect(describeSpan('  hello world  ', 0, 15).position).toEqual({ type: 'TextPositionSelector', start: 2, end: 13 });
    expect(describeSpan('abc', -5, 99).quote.exact).toBe('abc');
    expect(describeSpan('abc', 2, 1).quote.exact).toBe('');
    expect(describeSpan('', 0, 0).quote).toEqual({ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' });
  });

  it('keeps context at the start and end of the text empty', () => {
    const { quote } = describeSpan('Officials said so.', 0, 18);
    expect(quote.prefix).toBe('');
    expect(quote.suffix).toBe('');
  });

  it('never splits a surrogate pair', () => {
    const text = 'Fans 😀 cheered 😀 loudly';
    const inside = text.indexOf('😀') + 1; // between the two halves
    const { quote } = describeSpan(text, inside, inside + 9);
    expect(quote.exact.startsWith('😀')).toBe(true);
    const end = describeSpan(text, 0, text.lastIndexOf('😀') + 1).quote.exact;
    expect(end.endsWith('😀')).toBe(true);
    // context cut inside a long run of emoji keeps whole pairs
    const emoji = '😀'.repeat(40);
    const ctx = describeSpan(emoji + 'x' + emoji, 80, 81).quote;
    expect(ctx.prefix).toBe('😀'.repeat(16));
    expect(ctx.suffix).toBe('😀'.repeat(16));
  });
});
