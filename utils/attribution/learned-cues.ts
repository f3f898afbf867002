/**
 * The learned cue pass: words that are cues only in some of their uses (`wants`, `support for`, `made
 * clear`, `criticism of`), found where the hand-written rules found nothing. A small logistic model
 * trained on PolNeAR train (`npm run train:cues`) scores each word from its form and its context
 * (`cue-features.ts`); only the weights are shipped.
 */
import { cueFeatures, NEXT, nextClass, PREV, prevClass, type SentenceContext } from './cue-features';
import { BIAS, FEATURE_WEIGHTS, FORM_WEIGHTS, THRESHOLD } from './cue-weights';
import type { Token } from './tokens';

/** Index of each form the model knows (the forms that can be learned cues at all). */
const FORM_INDEX = new Map<string, number>();
/** Per form index: its own weight. */
let OWN = new Float64Array(0);
/** Per form index, then class of the word before (or after): the weights of `form|p:class` (`form|n:class`). */
let WITH_PREV = new Float64Array(0);
let WITH_NEXT = new Float64Array(0);
/** Weights of `form+word`: the form followed by that word. */
const WITH_NEXT_WORD = new Map<string, Map<string, number>>();
/** Weights of the word before and after a candidate (`<word`, `>word`), whatever its form. */
const PREV_WORDS = new Map<string, number>();
const NEXT_WORDS = new Map<string, number>();

/**
 * Reads `FORM_WEIGHTS` back into lookup tables (the key names are those of `lexicalKeys`). Two plain
 * passes, no regular expressions or per-form allocations: this runs whenever the content script starts.
 */
function loadWeights(): void {
  const parts = FORM_WEIGHTS.split(' ');
  const ownWeights: number[] = [];
  const isContext = (key: string) => key[0] === '<' || key[0] === '>' || key.includes('|') || key.includes('+');
  for (let k = 0; k + 1 < parts.length; k += 2) {
    if (isContext(parts[k])) continue;
    FORM_INDEX.set(parts[k], ownWeights.length);
    ownWeights.push(Number(parts[k + 1]));
  }
  OWN = Float64Array.from(ownWeights);
  WITH_PREV = new Float64Array(ownWeights.length * PREV.length);
  WITH_NEXT = new Float64Array(ownWeights.length * NEXT.length);
  const prevClasses: readonly string[] = PREV;
  const nextClasses: readonly string[] = NEXT;
  for (let k = 0; k + 1 < parts.length; k += 2) {
    const key = parts[k];
    const w = Number(parts[k + 1]);
    if (key[0] === '<') PREV_WORDS.set(key.slice(1), w);
    else if (key[0] === '>') NEXT_WORDS.set(key.slice(1), w);
    else if (!isContext(key)) continue;
    else if (key.includes('+')) {
      const cut = key.indexOf('+');
      const form = key.slice(0, cut);
      let words = WITH_NEXT_WORD.get(form);
      if (!words) WITH_NEXT_WORD.set(form, (words = new Map()));
      words.set(key.slice(cut + 1), w);
    } else {
      const cut = key.indexOf('|');
      const form = FORM_INDEX.get(key.slice(0, cut))!;
      if (key[cut + 1] === 'p') WITH_PREV[form * PREV.length + prevClasses.indexOf(key.slice(cut + 3))] = w;
      else WITH_NEXT[form * NEXT.length + nextClasses.indexOf(key.slice(cut + 3))] = w;
    }
  }
}
loadWeights();

const features: number[] = [];

/** The forms that can be learned cues at all. */
export function learnedForms(): Iterable<string> {
  return FORM_INDEX.keys();
}

/** The model's log-odds that word `i` is a cue, or -Infinity for a word the model does not know. */
function learnedCueScore(tokens: Token[], i: number, s: SentenceContext): number {
  const lower = tokens[i].lower;
  const form = FORM_INDEX.get(lower);
  if (form === undefined) return -Infinity;
  const prev = prevClass(tokens, i, s.first);
  const next = nextClass(tokens, i, s.last);
  const prevWord = i > s.first ? tokens[i - 1].lower : '';
  const nextWord = i + 1 < s.last ? tokens[i + 1].lower : '';
  let score = BIAS + OWN[form] + WITH_PREV[form * PREV.length + prev] + WITH_NEXT[form * NEXT.length + next] +
    (WITH_NEXT_WORD.get(lower)?.get(nextWord) ?? 0) + (PREV_WORDS.get(prevWord) ?? 0) + (NEXT_WORDS.get(nextWord) ?? 0);
  const n = cueFeatures(tokens, i, s, prev, next, features);
  for (let k = 0; k < n; k++) score += FEATURE_WEIGHTS[features[k]];
  return score;
}

/** Is word `i` (outside quotations, not already part of a cue) a learned cue? */
export function isLearnedCue(tokens: Token[], i: number, s: SentenceContext): boolean {
  return learnedCueScore(tokens, i, s) > THRESHOLD;
}
