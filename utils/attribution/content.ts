/** Content spans: what is reported, after a forward cue or before a trailing one. */
import { CLAUSE_OPENERS, MEDIA_NOUNS, PRONOUNS, TELL_VERBS, TIME_WORDS } from './lexicon';
import type { Range } from './sources';
import type { Token } from './tokens';

const TERMINAL = new Set(['.', '!', '?', ';', '\u2026']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'there']);

/** Drops trailing sentence punctuation (outside quotes) and leading/trailing commas from a range. */
export function trimRange(tokens: Token[], r: Range): Range | null {
  let { first, last } = r;
  while (first < last && tokens[first].type === 'punct' && tokens[first].quote < 0) first++;
  while (last > first && tokens[last - 1].type === 'punct' && tokens[last - 1].quote < 0 &&
    (TERMINAL.has(tokens[last - 1].lower) || tokens[last - 1].lower === ',' || tokens[last - 1].lower === ':' ||
      tokens[last - 1].lower === '\u2014' || tokens[last - 1].lower === '-')) last--;
  return last > first ? { first, last } : null;
}

/**
 * Skips what sits between a cue verb and its content: the hearer of `told`, dates (`said Tuesday`),
 * the medium (`in a statement`), a comma or colon. Returns the index where the content begins and how far
 * the cue itself should extend (`said in a statement`).
 */
export function skipAdjuncts(tokens: Token[], cueLast: number, last: number, verb: string): { content: number; cueEnd: number } {
  let j = cueLast;
  let cueEnd = cueLast;
  if (TELL_VERBS.has(verb)) {
    // The hearer: `told reporters`, `told The Washington Post`, `told him`.
    const start = j;
    while (j < last && j - start < 6 && tokens[j].type === 'word' && tokens[j].quote < 0 && tokens[j].lower !== 'that' &&
      tokens[j].lower !== 'to' && !(j > start && SUBJECT_PRONOUNS.has(tokens[j].lower)) &&
      !(j > start && !tokens[j].cap && (CLAUSE_OPENERS.has(tokens[j].lower) || TIME_WORDS.has(tokens[j].lower)) && tokens[j - 1].cap)) j++;
    if (j === start + 1 || (j > start && (tokens[j - 1].cap || PRONOUNS.has(tokens[j - 1].lower) || tokens[j - 1].lower.endsWith('s')))) {
      if (j - start <= 4) cueEnd = j;
    } else j = start;
  }
  for (let guard = 0; guard < 6 && j < last; guard++) {
    const w = tokens[j].lower;
    if (tokens[j].quote >= 0) break;
    if (TIME_WORDS.has(w)) {
      j++;
      continue;
    }
    if ((w === 'on' || w === 'in' || w === 'last' || w === 'this') && j + 1 < last && TIME_WORDS.has(tokens[j + 1].lower)) {
      j += 2;
      continue;
    }
    if ((w === 'in' || w === 'on' || w === 'during' || w === 'via' || w === 'through') && j + 2 < last &&
      (tokens[j + 1].lower === 'a' || tokens[j + 1].lower === 'an' || tokens[j + 1].lower === 'his' ||
        tokens[j + 1].lower === 'her' || tokens[j + 1].lower === 'their' || tokens[j + 1].lower === 'its' ||
        tokens[j + 1].lower === 'the') && MEDIA_NOUNS.has(tokens[j + 2].lower)) {
      j += 3;
      if (cueEnd === j - 3) cueEnd = j;
      continue;
    }
    if (w === ',' || w === ':' || w === '\u2014') {
      j++;
      continue;
    }
    break;
  }
  return { content: j, cueEnd };
}
