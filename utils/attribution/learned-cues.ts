/**
 * The learned cue pass: words that are cues only in some of their uses (`wants`, `support for`, `made
 * clear`, `criticism of`), found where the hand-written rules found nothing. A small logistic model
 * trained on PolNeAR train (`npm run train:cues`) scores each word from its form and its context
 * (`cue-features.ts`); only the weights are shipped.
 */
import { cueFeatures, NEXT, nextClass, PREV, prevClass, type SentenceContext } from './cue-features';
import {
  BIAS, FEATURE_WEIGHTS, FORM_OWN, FORMS, NEXT_CLASSES, NEXT_WORDS, PREV_CLASSES, PREV_WORDS, THRESHOLD, WITH_NEXT, WITH_NEXT_WORD,
  WITH_PREV,
} from './cue-weights';
import type { Token } from './tokens';

/** Index of each form the model knows (the forms that can be learned cues at all). */
const FORM_INDEX = new Map<string, number>();
/** Per form index, then class of the word before (or after): the weight of `form|p:class` (`form|n:class`). */
const BY_PREV_CLASS = new Float64Array(FORM_OWN.length * PREV.length);
const BY_NEXT_CLASS = new Float64Array(FORM_OWN.length * NEXT.length);
/** Weights of `form+word`: the form followed by that word. */
const BY_NEXT_WORD = new Map<string, Map<string, number>>();
/** Weights of the word before and after a candidate (`<word`, `>word`), whatever its form. */
const BEFORE = new Map<string, number>();
const AFTER = new Map<string, number>();

/**
 * Fills the lookup tables from the generated ones: plain loops over arrays, as this runs whenever the
 * content script starts on a page. Weights trained with other word classes than these are refused.
 */
function loadWeights(): void {
  if (PREV_CLASSES !== PREV.join(' ') || NEXT_CLASSES !== NEXT.join(' ')) {
    throw new Error('cue-weights.ts was trained with other word classes: run npm run train:cues');
  }
  const forms = FORMS.split(' ');
  for (let i = 0; i < forms.length; i++) FORM_INDEX.set(forms[i], i);
  for (let k = 0; k + 1 < WITH_PREV.length; k += 2) BY_PREV_CLASS[WITH_PREV[k]] = WITH_PREV[k + 1];
  for (let k = 0; k + 1 < WITH_NEXT.length; k += 2) BY_NEXT_CLASS[WITH_NEXT[k]] = WITH_NEXT[k + 1];
  for (let k = 0; k + 2 < WITH_NEXT_WORD.length; k += 3) {
    const form = forms[WITH_NEXT_WORD[k] as number];
    let words = BY_NEXT_WORD.get(form);
    if (!words) BY_NEXT_WORD.set(form, (words = new Map()));
    words.set(WITH_NEXT_WORD[k + 1] as string, WITH_NEXT_WORD[k + 2] as number);
  }
  for (let k = 0; k + 1 < PREV_WORDS.length; k += 2) BEFORE.set(PREV_WORDS[k] as string, PREV_WORDS[k + 1] as number);
  for (let k = 0; k + 1 < NEXT_WORDS.length; k += 2) AFTER.set(NEXT_WORDS[k] as string, NEXT_WORDS[k + 1] as number);
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
  let score = BIAS + FORM_OWN[form] + BY_PREV_CLASS[form * PREV.length + prev] + BY_NEXT_CLASS[form * NEXT.length + next] +
    (BY_NEXT_WORD.get(lower)?.get(nextWord) ?? 0) + (BEFORE.get(prevWord) ?? 0) + (AFTER.get(nextWord) ?? 0);
  const n = cueFeatures(tokens, i, s, prev, next, features);
  for (let k = 0; k < n; k++) score += FEATURE_WEIGHTS[features[k]];
  return score;
}

/** Is word `i` (outside quotations, not already part of a cue) a learned cue? */
export function isLearnedCue(tokens: Token[], i: number, s: SentenceContext): boolean {
  return learnedCueScore(tokens, i, s) > THRESHOLD;
}
