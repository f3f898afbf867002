// @vitest-environment node
/** The tokenizer against its first, character-by-character version (tokens-reference.ts). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../utils/attribution/tokens';
import { requireShared } from '../../e2e/support/corpus';
import { rng } from '../../random';
import { isWordChar, referenceTokenize } from './tokens-reference';

const corpus = join(requireShared(), 'corpus');

/** Texts of the labelled pages, the seed article and the PolNeAR dev articles. */
function corpusTexts(): string[] {
  const labelled = join(corpus, 'labels', 'text');
  const texts = readdirSync(labelled).map((file) => readFileSync(join(labelled, file), 'utf8'));
  texts.push(readFileSync(join(corpus, 'seed', 'seed-voa-sony.txt'), 'utf8'));
  for (const line of readFileSync(join(corpus, 'polnear', 'dev.jsonl'), 'utf8').split('\n')) {
    if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
  return texts;
}

/** Characters where the rules have edges: joiners, dots, quotes, spaces of every kind, Latin-1 signs, surrogates. */
const TRICKY = [
  ...'aZ09 .\'-&’"“”«»\n\r\t', '\u00a0', '\u00a1', '\u00a2', '\u00ab', '\u00b7', '\u00bb', '\u00bf', '\u00c0', '\u00e9',
  '\u2000', '\u200b', '\u2014', '\u2028', '\u202f', '\u2070', '\u3000', '\u3001', '\u3042', '\u4e2d', '\ud7ff',
  '\ud83d', '\ude00', '\ue000', '\ufeff', '\uff01', 'İ', 'ß', 'Σ', 'K',
];

describe('tokenize', () => {
  it('takes as word characters exactly those of the first version', () => {
    const differing: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      const tokens = tokenize(ch);
      const isWord = tokens.length === 1 && tokens[0].type === 'word';
      if (isWord !== isWordChar(code)) differing.push(code);
    }
    expect(differing).toEqual([]);
  });

  it('gives the first version’s tokens on the corpus texts', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(100);
    for (const [index, text] of texts.entries()) {
      const ours = tokenize(text);
      const reference = referenceTokenize(text);
      if (JSON.stringify(ours) !== JSON.stringify(reference)) expect({ index, tokens: ours }).toEqual({ index, tokens: reference });
    }
  }, 60_000);

  it('lower-cases each word on its own where lower-casing the whole text would differ', () => {
    // Greek final sigma depends on the next letter; `İ` lower-cases to two characters.
    for (const text of ['ΟΔΟΣ ΑΘΗΝΩΝ, ΟΔΟΣ-ΑΘΗΝΩΝ ΣΑ.', 'İstanbul’da İZMİR said', 'He’s “OK,” Σ said']) {
      expect({ text, tokens: tokenize(text) }).toEqual({ text, tokens: referenceTokenize(text) });
      expect({ text, tokens: tokenize(text, 3) }).toEqual({ text, tokens: referenceTokenize(text, 3) });
    }
  });

  it('gives the first version’s tokens on random text, for random parts of it', () => {
    const random = rng(20261127);
    for (let run = 0; run < 3000; run++) {
      let text = '';
      const length = 1 + Math.floor(random() * 40);
      for (let k = 0; k < length; k++) text += TRICKY[Math.floor(random() * TRICKY.length)];
      const from = Math.floor(random() * text.length);
      const to = from + Math.floor(random() * (text.length - from + 1));
      expect({ text, from, to, tokens: tokenize(text, from, to) }).toEqual({ text, from, to, tokens: referenceTokenize(text, from, to) });
    }
  });
});
