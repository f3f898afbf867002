/**
 * Context features of a word that may be a cue: what stands before and after it and what kind of sentence
 * holds it. Shared by the learned cue pass (`learned-cues.ts`) and its training script (`scripts/train-cues.ts`),
 * so both see exactly the same features. Each feature is a small integer id; a token has a handful of them.
 */
import { BE_FORMS, CLAUSE_OPENERS, CUE_PREFIX, PRONOUNS, SPEAKER_NOUNS } from './lexicon';
import type { Token } from './tokens';

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these',
  'those', 'no', 'any', 'every', 'each', 'some', 'many', 'more', 'much']);
const RELATIVES = new Set(['who', 'that', 'which']);
const PREPOSITIONS = new Set(['for', 'on', 'about', 'of', 'against', 'with', 'in', 'at', 'by', 'from', 'into', 'over', 'up', 'out']);
const CONJUNCTIONS = new Set(['and', 'but', 'or']);

/** What stands right before the word. */
export const PREV = ['start', 'pronoun', 'cap', 'relative', 'aux', 'be', 'det', 'to', 'possessive', 'conj', 'comma', 'word', 'punct', 'quote'] as const;
/** What stands right after it. */
export const NEXT = ['end', 'that', 'quote', 'colon', 'to', 'pronoun', 'det', 'prep', 'as', 'comma', 'cap', 'opener', 'word', 'punct'] as const;
const SUFFIX = ['ed', 'ing', 's', 'other'] as const;
const FLAGS = ['subject', 'quoteInSentence', 'capitalized', 'claimInSentence'] as const;
/** Rule-found attributions per sentence in the text around (how much of it is reporting), in bands. */
const DENSITY = [0.15, 0.3, 0.45, 0.6, Infinity] as const;

const P = PREV.length;
const N = NEXT.length;
const S = SUFFIX.length;
const PREV_AT = 0;
const NEXT_AT = PREV_AT + P;
const SUFFIX_NEXT_AT = NEXT_AT + N;
const SUFFIX_PREV_AT = SUFFIX_NEXT_AT + S * N;
const FLAGS_AT = SUFFIX_PREV_AT + S * P;
const DENSITY_AT = FLAGS_AT + FLAGS.length;
export const FEATURE_COUNT = DENSITY_AT + DENSITY.length;

/** Names of the features, in id order (for the training report). */
export const FEATURE_NAMES: readonly string[] = [
  ...PREV.map((p) => `prev:${p}`),
  ...NEXT.map((n) => `next:${n}`),
  ...SUFFIX.flatMap((s) => NEXT.map((n) => `${s}+next:${n}`)),
  ...SUFFIX.flatMap((s) => PREV.map((p) => `${s}+prev:${p}`)),
  ...FLAGS,
  ...DENSITY.map((d) => `density<${d}`),
];

/**
 * Word → its class (an index in PREV or NEXT) when it stands before or after a candidate: one lookup. Built
 * so that a word in several sets gets the class checked first (a pronoun before an auxiliary, ...).
 */
function classTable(sets: readonly [ReadonlySet<string>, number][]): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  for (let k = sets.length - 1; k >= 0; k--) for (const w of sets[k][0]) table.set(w, sets[k][1]);
  return table;
}
const PREV_CLASS = classTable([[PRONOUNS, 1], [RELATIVES, 3], [BE_FORMS, 5], [CUE_PREFIX, 4], [DETERMINERS, 6],
  [new Set(['to']), 7], [CONJUNCTIONS, 9]]);
const NEXT_CLASS = classTable([[new Set(['that']), 1], [new Set(['to']), 4], [PRONOUNS, 5], [DETERMINERS, 6],
  [PREPOSITIONS, 7], [new Set(['as']), 8]]);
/** Words that can be the subject of a cue verb a few words on: pronouns and speaking nouns. */
const SUBJECT_WORDS: ReadonlySet<string> = new Set([...PRONOUNS, ...SPEAKER_NOUNS, 'who']);

/** The class of the word before token `i`, as an index in PREV. */
export function prevClass(tokens: Token[], i: number, first: number): number {
  if (i <= first) return 0;
  const t = tokens[i - 1];
  const w = t.lower;
  if (t.type === 'quote') return 13;
  if (t.type === 'punct') return w === ',' ? 10 : 12;
  const known = PREV_CLASS.get(w);
  if (known !== undefined) return known;
  if (w.endsWith("'s") || w.endsWith("s'")) return 8;
  return t.cap ? 2 : 11;
}

/** The class of the word after token `i`, as an index in NEXT. */
export function nextClass(tokens: Token[], i: number, last: number): number {
  if (i + 1 >= last) return 0;
  const t = tokens[i + 1];
  const w = t.lower;
  if (t.type === 'quote') return 2;
  if (t.type === 'punct') return w === ':' ? 3 : w === ',' ? 9 : w === '.' && i + 2 >= last ? 0 : 13;
  const known = NEXT_CLASS.get(w);
  if (known !== undefined) return known;
  if (t.cap) return 10;
  return CLAUSE_OPENERS.has(w) ? 11 : 12;
}

function suffixClass(w: string): number {
  if (w.endsWith('ed')) return 0;
  if (w.endsWith('ing')) return 1;
  return w.endsWith('s') && !w.endsWith('ss') ? 2 : 3;
}

/** A name, pronoun or speaking noun within a few words before `i`, with no punctuation between: a likely subject. */
function hasSubjectBefore(tokens: Token[], i: number, first: number): boolean {
  for (let k = i - 1; k >= first && k >= i - 4; k--) {
    const t = tokens[k];
    if (t.type !== 'word') return false;
    if ((t.cap && k > first) || SUBJECT_WORDS.has(t.lower)) return true;
  }
  return false;
}

/**
 * Lexical context keys, each with its own learned weight: the form with the class of the word before and
 * of the word after (`support|p:det`, `support|n:prep`), the form with the next word (`pointed+to`), and the
 * words before and after whatever the form (`<he`, `>that`). `learned-cues.ts` reads them back from these names.
 */
export function lexicalKeys(tokens: Token[], i: number, s: SentenceContext): string[] {
  const w = tokens[i].lower;
  const next = i + 1 < s.last ? tokens[i + 1].lower : '';
  const prev = i > s.first ? tokens[i - 1].lower : '';
  return [`${w}|p:${PREV[prevClass(tokens, i, s.first)]}`, `${w}|n:${NEXT[nextClass(tokens, i, s.last)]}`, `${w}+${next}`,
    `<${prev}`, `>${next}`];
}

/** Does the sentence [first, last) hold a quotation mark? */
export function hasQuote(tokens: Token[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (tokens[k].type === 'quote') return true;
  return false;
}

/** Facts about the sentence that every candidate in it shares. */
export interface SentenceContext {
  first: number;
  last: number;
  hasQuote: boolean;
  hasClaim: boolean;
  /** Rule-found attributions per sentence in the block of text holding the sentence. */
  density: number;
}

/**
 * The feature ids of word `i` of the sentence (outside quotations), written into `out`; returns how many.
 * `prev` and `next` are its `prevClass` and `nextClass`.
 */
export function cueFeatures(tokens: Token[], i: number, s: SentenceContext, prev: number, next: number, out: number[]): number {
  const t = tokens[i];
  const suffix = suffixClass(t.lower);
  let n = 0;
  out[n++] = PREV_AT + prev;
  out[n++] = NEXT_AT + next;
  out[n++] = SUFFIX_NEXT_AT + suffix * N + next;
  out[n++] = SUFFIX_PREV_AT + suffix * P + prev;
  if (hasSubjectBefore(tokens, i, s.first)) out[n++] = FLAGS_AT;
  if (s.hasQuote) out[n++] = FLAGS_AT + 1;
  if (t.cap && i > s.first) out[n++] = FLAGS_AT + 2;
  if (s.hasClaim) out[n++] = FLAGS_AT + 3;
  let band = 0;
  while (s.density >= DENSITY[band]) band++;
  out[n++] = DENSITY_AT + band;
  return n;
}
