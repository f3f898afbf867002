/** Source phrases: the noun phrase before a cue (with appositions), after an inverted cue, or after `according to`. */
import { ANONYMOUS_HEADS, BE_FORMS, CUE_VERBS, SOURCE_STOPS, SPEAKER_NOUNS, VAGUE_HEADS } from './lexicon';
import type { Token } from './tokens';

/** Token range [first, last). */
export interface Range {
  first: number;
  last: number;
}

const MAX_HEAD = 12;
const MAX_APPOSITION = 30;
const NP_PUNCT = new Set(['.', '-', '&', "'", '\u2019', '\u2013']);
const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can',
  'did', 'does', 'do', "'ve", "'d", 'not', "didn't", "doesn't", "don't", "hasn't", "haven't", "won't", "wouldn't"]);
const COORDINATION_OK = new Set(['former', 'current', 'other']);
const TERMINAL = new Set(['.', '!', '?', ';', ':', '(', ')', '\u2014', '\u2026']);

function isPastVerb(t: Token): boolean {
  const e = CUE_VERBS.get(t.lower);
  return !!e && e.strength !== 'particle' && t.lower !== e.lemma && !t.lower.endsWith('s') && !t.lower.endsWith('ing');
}

/** Walks left from `end - 1` over one noun phrase; returns its first token (== end when empty). */
function headLeft(tokens: Token[], floor: number, end: number): number {
  let k = end - 1;
  let count = 0;
  while (k >= floor && count < MAX_HEAD) {
    const t = tokens[k];
    if (t.quote >= 0) break;
    if (t.lower === ')' && (count > 0 || k === end - 1)) {
      // A parenthetical inside a name: `Rep. Gwen Moore (D-Wis.)`.
      let p = k - 1;
      while (p >= floor && p > k - 8 && tokens[p].lower !== '(' && tokens[p].lower !== ')') p--;
      if (p >= floor && tokens[p].lower === '(') {
        k = p - 1;
        continue;
      }
      break;
    }
    if (t.type !== 'word') {
      if (NP_PUNCT.has(t.lower) && count > 0) {
        k--;
        continue;
      }
      break;
    }
    const w = t.lower;
    if (SOURCE_STOPS.has(w) || BE_FORMS.has(w) || AUXILIARIES.has(w) || (count > 0 && isPastVerb(t))) break;
    if (w === 'and' || w === '&') {
      const right = tokens[k + 1];
      const left = k - 1 >= floor ? tokens[k - 1] : undefined;
      if (!(right && left && left.type === 'word' && (right.cap || COORDINATION_OK.has(right.lower)) &&
        (left.cap || COORDINATION_OK.has(left.lower)))) break;
    }
    count++;
    k--;
  }
  let first = k + 1;
  while (first < end && (tokens[first].type !== 'word' || tokens[first].lower === 'and')) first++;
  return first;
}

/**
 * The source phrase ending just before token `end` (the cue, after its auxiliaries): `Sony`,
 * `Marc Maiffret, chief technology officer of ... BeyondTrust` (apposition between commas), `his spokesman`.
 */
export function sourceBefore(tokens: Token[], floor: number, end: number): Range | null {
  if (end - 1 < floor) return null;
  const before = tokens[end - 1];
  if (before.lower === ',' && end - 2 >= floor) {
    // `Head, apposition, said`: find the comma that opens the apposition.
    let k = end - 2;
    const limit = Math.max(floor, end - 1 - MAX_APPOSITION);
    // A `.` inside the sentence is an abbreviation's (`of Ashton, Md., who ...`): the splitter placed the full stops.
    while (k >= limit && tokens[k].lower !== ',' && tokens[k].quote < 0 && (tokens[k].lower === '.' || !TERMINAL.has(tokens[k].lower))) k--;
    if (k >= limit && tokens[k].lower === ',' && k + 1 < end - 1) {
      let head = headLeft(tokens, floor, k);
      // Chained appositions: `Johnnie Wilson, of Springfield, Va., said`, `Donna Rawlings, 59, of Ashton, Md.,`.
      for (let n = 0; n < 4 && head < k && head - 1 > limit && tokens[head - 1].lower === ',' && !tokens[head].cap; n++) {
        const earlier = headLeft(tokens, floor, head - 1);
        if (earlier >= head - 1) break;
        head = earlier;
      }
      if (head < k) return { first: head, last: end - 1 };
    }
    return null;
  }
  const first = headLeft(tokens, floor, end);
  return first < end ? { first, last: end } : null;
}

/** The source after an inverted cue or `according to`: up to the end of the clause, appositions included. */
export function sourceAfter(tokens: Token[], from: number, last: number, stopAtComma: boolean): Range | null {
  let k = from;
  while (k < last && k - from < MAX_APPOSITION) {
    const t = tokens[k];
    // The sentence splitter already placed the real full stops: a `.` before the end is an abbreviation's.
    const stop = t.lower === '.' ? k === last - 1 : TERMINAL.has(t.lower) && t.lower !== '(' && t.lower !== ')';
    if (t.quote >= 0 || stop || (stopAtComma && t.lower === ',')) break;
    if (t.type === 'word' && (t.lower === 'that' || (k > from && CUE_VERBS.get(t.lower)?.strength === 'strong' && !t.cap))) break;
    // `said Mr. Kamin, who emphasized ...`, `said Caddell, speaking of ...`: a relative clause or a reporting
    // participle ends the source.
    if (t.lower === ',' && k + 1 < last && (/^(who|whose|which|where|as)$/.test(tokens[k + 1].lower) ||
      (tokens[k + 1].lower.endsWith('ing') && CUE_VERBS.has(tokens[k + 1].lower)))) break;
    k++;
  }
  let end = k;
  while (end > from && tokens[end - 1].type !== 'word') end--;
  return end > from ? { first: from, last: end } : null;
}

/** The subject at the start of a clause (for `..., claiming that`): words up to the first verb-like word. */
export function subjectAtStart(tokens: Token[], first: number, end: number): Range | null {
  // Skip an opening adverbial: `In August, several groups ...`.
  if (LEADING_ADVERBIAL.has(tokens[first]?.lower ?? '')) {
    let c = first + 1;
    while (c < end && c - first < 20 && tokens[c].lower !== ',') c++;
    if (c < end && tokens[c].lower === ',') first = c + 1;
  }
  let k = first;
  while (k < end && k - first < MAX_HEAD) {
    const t = tokens[k];
    if (t.type !== 'word' || t.quote >= 0) break;
    if (BE_FORMS.has(t.lower) || AUXILIARIES.has(t.lower) || SOURCE_STOPS.has(t.lower) || CUE_VERBS.has(t.lower) ||
      (!t.cap && (t.lower.endsWith('ed') || t.lower.endsWith('ing')))) break;
    k++;
  }
  return k > first ? { first, last: k } : null;
}

const LEADING_ADVERBIAL = new Set(['in', 'on', 'at', 'after', 'before', 'during', 'since', 'for', 'with', 'by', 'from',
  'as', 'while', 'when', 'although', 'though', 'because', 'if', 'chastened', 'asked', 'speaking']);
const PERSON_SUFFIX = /(er|ers|or|ors|ist|ists|ian|ians|ent|ents|ant|ants|ive|ives|ee|ees)$/;
const SPEAKER_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'who', 'we', 'i', 'you']);

/**
 * Could the phrase be someone who speaks or believes? Names, pronouns and people or organization nouns
 * (`officials`, `the company`, `a reporter`), not things (`the console`, `the film`, `its capabilities`).
 */
export function looksLikeSpeaker(tokens: Token[], r: Range): boolean {
  // The head is the last word before an apposition: `Senator Lankford, who has warned ..., played down`.
  let head = r.first;
  while (head + 1 < r.last && tokens[head + 1].lower !== ',') head++;
  while (head > r.first && tokens[head].type !== 'word') head--;
  const t = tokens[head];
  const w = t.lower;
  if (t.cap || SPEAKER_PRONOUNS.has(w) || ANONYMOUS_HEADS.has(w) || VAGUE_HEADS.has(w) || SPEAKER_NOUNS.has(w)) return true;
  if (w.endsWith("'s") || w.endsWith("s'")) return true;
  return PERSON_SUFFIX.test(w) && !w.endsWith('ment') && !w.endsWith('ments');
}
