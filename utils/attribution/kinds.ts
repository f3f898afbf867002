/** Source kinds: named, anonymous or vague, from the source phrase, anonymity markers and earlier sources. */
import type { SourceKind } from './types';
import {
  ANONYMOUS_HEADS, CLAUSE_OPENERS, CUE_NOUNS, FAMILIAR_WORDS, NON_NAME_CAPS, PRONOUNS, SPEAKER_NOUNS, VAGUE_HEADS,
  VAGUE_QUANTIFIERS,
} from './lexicon';
import type { Range } from './sources';
import type { Token } from './tokens';

/** What a later pronoun may refer back to. */
export interface Referent {
  kind: SourceKind;
  plural: boolean;
}

/** Words that end the core of a source phrase: `officials [in Washington]`, `people [familiar with ...]`. */
const CORE_END = new Set([',', 'of', 'for', 'at', 'with', 'from', 'in', 'on', 'who', 'which', 'that', 'close',
  'familiar', 'briefed', 'knowledgeable', 'involved', 'to', '(', 'whose', 'under', 'inside', 'within']);
const DETERMINERS = new Set(['the', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'these', 'those', 'that']);
const PLURAL_WORDS = new Set(['people', 'police', 'they', 'we', 'staff', 'media', 'others', 'some', 'many', 'most']);

function isName(t: Token, sentenceStart: boolean): boolean {
  if (t.type !== 'word' || !t.cap) return false;
  const w = t.lower;
  if (NON_NAME_CAPS.has(w)) return false;
  // At the start of a sentence every word is capitalized: only unknown words count as names there.
  if (sentenceStart && (ANONYMOUS_HEADS.has(w) || VAGUE_HEADS.has(w) || PRONOUNS.has(w) || CLAUSE_OPENERS.has(w) ||
    CUE_NOUNS.has(w))) return false;
  return true;
}

export interface SourceInfo {
  kind: SourceKind;
  plural: boolean;
  pronoun: string | null;
}

/** Classifies a source phrase by its head word, quantifier and proper names (pronouns are left to the caller). */
export function classifySource(tokens: Token[], r: Range, sentenceFirst: number): SourceInfo {
  let coreLast = r.first;
  while (coreLast < r.last && !CORE_END.has(tokens[coreLast].lower)) coreLast++;
  if (coreLast === r.first) coreLast = r.last;
  let head = coreLast - 1;
  while (head > r.first && tokens[head].type !== 'word') head--;
  const h = tokens[head];
  const firstWord = tokens[r.first].lower;
  const plural = PLURAL_WORDS.has(h.lower) || (h.lower.endsWith('s') && !h.lower.endsWith('ss') && !h.cap);
  // `US` as a subject is the country, not the pronoun.
  if (r.last - r.first === 1 && PRONOUNS.has(h.lower) && !(h.lower === 'us' && h.cap)) return { kind: 'named', plural, pronoun: h.lower };
  let nameInCore = false;
  for (let k = r.first; k < coreLast; k++) if (isName(tokens[k], k === sentenceFirst)) nameInCore = true;
  let nameAfterCore = false;
  for (let k = coreLast; k < r.last; k++) if (isName(tokens[k], false)) nameAfterCore = true;
  const headIsName = isName(h, head === sentenceFirst);
  const tail = coreLast < r.last ? tokens[coreLast].lower : '';
  // A name in an apposition names the source: `a spokesman, John Smith`.
  const apposedName = tail === ',' && nameAfterCore;
  if (ANONYMOUS_HEADS.has(h.lower) || (FAMILIAR_WORDS.has(tail) && !headIsName)) {
    return { kind: apposedName ? 'named' : 'anonymous', plural, pronoun: null };
  }
  if (VAGUE_HEADS.has(h.lower) || (VAGUE_QUANTIFIERS.has(firstWord) && !headIsName)) {
    if (VAGUE_QUANTIFIERS.has(firstWord) && ANONYMOUS_HEADS.has(h.lower)) return { kind: 'anonymous', plural, pronoun: null };
    if (nameInCore && !VAGUE_HEADS.has(h.lower) && !VAGUE_QUANTIFIERS.has(firstWord)) return { kind: 'named', plural, pronoun: null };
    return { kind: apposedName ? 'named' : 'vague', plural, pronoun: null };
  }
  if (VAGUE_QUANTIFIERS.has(firstWord)) return { kind: 'vague', plural, pronoun: null };
  // A bare lower-case plural is a class of people: `environmentalists worry`, `state and local leaders`.
  // Adjectives and sentence-initial capitals do not name a group (`Islamist politicians`, `Deficit hawks`),
  // an organization does (`Current and former Sony employees`); nor does a demonym (`Tunisians`).
  let organization = false;
  for (let k = r.first; k < coreLast; k++) {
    if (k !== sentenceFirst && isName(tokens[k], false) && !/(ist|an|ic|ese|ish|i)$/.test(tokens[k].lower)) organization = true;
  }
  if (!headIsName && !organization && plural && !h.cap && !DETERMINERS.has(firstWord) && !firstWord.endsWith("'s") &&
    !SPEAKER_NOUNS.has(h.lower)) {
    return { kind: 'vague', plural, pronoun: null };
  }
  if (r.last - r.first === 1 && h.cap && /[^s]ians$|[^s]ans$/.test(h.lower)) return { kind: 'vague', plural: true, pronoun: null };
  // Everything else — names, definite descriptions that refer back (`the company`, `the poll`), poll shares
  // (`44 percent`) and relative pronouns — counts as identified, the common case in news.
  return { kind: 'named', plural, pronoun: null };
}

/** A pronoun takes the kind of the last earlier source of the same number; `they` with none is vague. */
export function resolvePronoun(pronoun: string, history: readonly Referent[]): SourceKind {
  if (pronoun === 'you') return 'vague';
  const wantPlural = pronoun === 'they' || pronoun === 'we' || pronoun === 'them' || pronoun === 'us';
  for (let k = history.length - 1; k >= 0 && k >= history.length - 6; k--) {
    const h = history[k];
    // `he`/`she` refer to a person: a vague class (`critics`, `a poll`) is never their referent.
    if (h.plural === wantPlural && (wantPlural || h.kind !== 'vague')) return h.kind;
  }
  // A `they` with nothing before it points at no one in particular.
  return wantPlural && history.length === 0 ? 'vague' : 'named';
}
