import { describe, expect, it } from 'vitest';
import { textWeight } from '@/utils/page/article-body';

describe('the weight of a text node', () => {
  it('is its length without the blank characters around it', () => {
    expect(textWeight('Hello, world.')).toBe(13);
    expect(textWeight('\n      Hello, world.\n    ')).toBe(13);
    expect(textWeight(' a  b ')).toBe(4); // blanks inside count
    expect(textWeight('\u0000\u001f x \t')).toBe(1); // every character up to the space is blank
  });

  it('is 0 for an empty or blank node', () => {
    expect(textWeight('')).toBe(0);
    expect(textWeight('\n        ')).toBe(0);
    expect(textWeight(' '.repeat(100_000))).toBe(0);
  });

  it('keeps the no-break space and other Unicode spaces as text', () => {
    expect(textWeight('\u00a0')).toBe(1);
    expect(textWeight(' \u2028x\u3000 ')).toBe(3);
  });

  it('counts CJK characters three times, blanks around them not at all', () => {
    expect(textWeight('  漢字  ')).toBe(6);
    expect(textWeight('\nかな and 한국\n')).toBe(3 * 2 + 5 + 3 * 2);
  });
});
