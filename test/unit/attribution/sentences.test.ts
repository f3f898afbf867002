import { describe, expect, it } from 'vitest';
import { sentenceTexts } from './helpers';

describe('sentence splitting', () => {
  it('splits ordinary sentences', () => {
    expect(sentenceTexts('The vote failed. Senators left the chamber. Why? Nobody knew!')).toEqual([
      'The vote failed.', 'Senators left the chamber.', 'Why?', 'Nobody knew!',
    ]);
  });

  it('keeps titles and month abbreviations inside a sentence', () => {
    expect(sentenceTexts('Mr. Obama met Sen. Warren on Jan. 5 in Washington. They spoke.')).toEqual([
      'Mr. Obama met Sen. Warren on Jan. 5 in Washington.', 'They spoke.',
    ]);
  });

  it('keeps U.S. inside a sentence but ends one after it before a new subject', () => {
    expect(sentenceTexts('U.S. officials said the attack came from abroad.')).toHaveLength(1);
    expect(sentenceTexts('The group also attacked the U.S. It denied any role.')).toEqual([
      'The group also attacked the U.S.', 'It denied any role.',
    ]);
  });

  it('keeps initials and decimals', () => {
    expect(sentenceTexts('C. Eugene Steuerle said growth was 3.5 percent. He was right.')).toEqual([
      'C. Eugene Steuerle said growth was 3.5 percent.', 'He was right.',
    ]);
  });

  it('moves closing quotes with the full stop, straight and curly', () => {
    expect(sentenceTexts('He called it “a sad day.” She agreed.')).toEqual(['He called it “a sad day.”', 'She agreed.']);
    expect(sentenceTexts('He called it "a sad day." She agreed.')).toEqual(['He called it "a sad day."', 'She agreed.']);
  });

  it('keeps a quoted passage of several sentences together with its cue', () => {
    const text = '"If they pulled the premier, it\'s troubling. The moment you react is the moment you give them power," Maiffret told Reuters. Then he left.';
    expect(sentenceTexts(text)).toEqual([
      '"If they pulled the premier, it\'s troubling. The moment you react is the moment you give them power," Maiffret told Reuters.',
      'Then he left.',
    ]);
  });

  it('does not split at dashes or at an ellipsis followed by lower case', () => {
    expect(sentenceTexts('The plan — approved on Monday — failed... and nobody noticed.')).toHaveLength(1);
  });

  it('splits at an ellipsis followed by a capital', () => {
    expect(sentenceTexts('We waited... Nothing happened.')).toEqual(['We waited...', 'Nothing happened.']);
  });

  it('always breaks at line breaks (headlines, paragraphs)', () => {
    expect(sentenceTexts('US Says North Korea Behind Attack\n\nMedia reports say so.')).toEqual([
      'US Says North Korea Behind Attack', 'Media reports say so.',
    ]);
  });
});
