/** Sentence splitting over tokens: abbreviations, initials, decimals, quotes, ellipses and line breaks. */
import type { QuoteRegion } from './quotes';
import type { Token } from './tokens';
import { ABBREVIATIONS, SENTENCE_STARTERS } from './lexicon';

export interface Sentence {
  /** First token index. */
  first: number;
  /** One past the last token index. */
  last: number;
}

/** Longer "sentences" (a 1 MB run with no full stop) are cut so all later work per sentence is bounded. */
const MAX_SENTENCE_TOKENS = 400;

const TERMINALS = '.!?\u2026';
const CLOSING = ')]\u2019\'';

function startsSentence(t: Token): boolean {
  if (t.type === 'quote') return true;
  if (t.type === 'word') return t.cap || (t.lower.charCodeAt(0) >= 48 && t.lower.charCodeAt(0) <= 57);
  return t.lower === '(' || t.lower === '[' || t.lower === '\u2018';
}

/** Does a word token ending a sentence candidate (`Mr.`, `U.S.`, `C.`) rule out a break before `next`? */
function abbreviationHolds(word: Token, dotIsSeparate: boolean, next: Token): boolean {
  const w = word.lower;
  if (dotIsSeparate) return ABBREVIATIONS.has(w) && !(w === 'no' && !/^\d/.test(next.lower));
  // The dot belongs to the word: `U.S.`, `D.C.`, `C.`, `p.m.`
  if (w.length === 2) return true; // an initial: `C. Eugene Steuerle`
  return !(next.type === 'word' && SENTENCE_STARTERS.has(next.lower));
}

/**
 * Where a sentence ends after the terminal token `i` (of the sentence starting at `first`): the index
 * of the token after its closing marks, or -1 when the sentence goes on (`3.5`, `Mr. Smith`, a quoted
 * passage). Read for terminals only, so it is a function apart from the loop over every token: the
 * engine then optimises that loop alone (anew on every page, as each page runs its own copy).
 */
function sentenceBreak(tokens: Token[], quotes: QuoteRegion[], i: number, first: number, endsWithDot: boolean): number {
  const t = tokens[i];
  let j = i + 1;
  while (j < tokens.length && !tokens[j].nl && (tokens[j].type === 'punct' ? TERMINALS.includes(tokens[j].lower) || CLOSING.includes(tokens[j].lower) : tokens[j].type === 'quote' && tokens[j].quote >= 0 && tokens[j].quote === t.quote && quotes[t.quote].close === j)) j++;
  if (j >= tokens.length || tokens[j].nl) return j;
  const next = tokens[j];
  if (next.start === tokens[j - 1].end && next.type !== 'quote') return -1; // `3.5`, `U.S.-led`, `...and`
  if (!startsSentence(next)) return -1;
  if (t.lower === '.' && i > first && tokens[i - 1].type === 'word' && tokens[i - 1].end === t.start &&
    abbreviationHolds(tokens[i - 1], true, next)) return -1;
  if (endsWithDot && abbreviationHolds(t, false, next)) return -1;
  // Inside one closed quotation the passage continues.
  if (next.quote >= 0 && next.quote === tokens[j - 1].quote && quotes[next.quote].closed && quotes[next.quote].close !== j - 1) return -1;
  return j;
}

/**
 * Splits the token stream into sentences. A break needs a terminal mark (plus any closing quotes or
 * brackets), a following token that can start a sentence, and no abbreviation before the mark.
 * Line breaks always end a sentence. A break inside a quotation that closes in the same paragraph is
 * not taken, so a quoted passage of several sentences stays one unit with its cue.
 */
export function splitSentences(tokens: Token[], quotes: QuoteRegion[]): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  const push = (last: number): void => {
    while (last - first > MAX_SENTENCE_TOKENS) {
      out.push({ first, last: first + MAX_SENTENCE_TOKENS });
      first += MAX_SENTENCE_TOKENS;
    }
    if (last > first) out.push({ first, last });
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.nl && i > first) {
      push(i);
    }
    const endsWithDot = t.type === 'word' && t.lower.endsWith('.');
    if (!(t.type === 'punct' && TERMINALS.includes(t.lower)) && !endsWithDot) continue;
    const next = sentenceBreak(tokens, quotes, i, first, endsWithDot);
    if (next < 0) continue;
    // A line break or the end of the tokens ends the sentence anyway (above, and after the loop).
    if (next < tokens.length && !tokens[next].nl) push(next);
    i = next - 1;
  }
  push(tokens.length);
  return out;
}
