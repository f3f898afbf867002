/** Non-responses: `declined to comment`, `did not respond to requests for comment`, `could not be reached`. */
import { DECLINE_OBJECTS, DECLINE_VERBS, NON_RESPONSE_NEGATIONS, NON_RESPONSE_VERBS } from './lexicon';
import type { Token } from './tokens';

const AUXILIARIES = new Set(['did', 'does', 'do', 'has', 'have', 'had', 'would', 'could', 'will', 'was', 'were', 'is', 'are']);
const REQUEST_WORDS = new Set(['request', 'requests', 'messages', 'message', 'calls', 'call', 'emails', 'email',
  'inquiries', 'inquiry', 'questions', 'phone', 'repeated', 'multiple', 'several']);

/** Words a non-response can begin with. */
export const NON_RESPONSE_TRIGGERS: readonly string[] = [...DECLINE_VERBS, ...NON_RESPONSE_NEGATIONS];

function word(tokens: Token[], i: number, last: number): string {
  return i < last && tokens[i].type === 'word' ? tokens[i].lower : '';
}

/** `(to) (a|repeated) request(s) for comment`: returns the index after it, or `i` when absent. */
function requestTail(tokens: Token[], i: number, last: number): number {
  let j = i;
  if (word(tokens, j, last) === 'to') j++;
  let k = j;
  while (k < j + 3 && (word(tokens, k, last) === 'a' || word(tokens, k, last) === 'an' || REQUEST_WORDS.has(word(tokens, k, last)))) k++;
  if (k > j && (word(tokens, k, last) === 'for' || word(tokens, k, last) === 'seeking') && word(tokens, k + 1, last) === 'comment') return k + 2;
  if (word(tokens, i, last) === 'for' && word(tokens, i + 1, last) === 'comment') return i + 2;
  if (j > i && k > j) return k;
  return i;
}

/**
 * If a non-response starts at token `i` (its first word), returns [first, end) of the cue; else null.
 * `first` may move back over an auxiliary (`did` in `did not respond`).
 */
export function matchNonResponse(tokens: Token[], i: number, last: number): [number, number] | null {
  const w = word(tokens, i, last);
  if (DECLINE_VERBS.has(w)) {
    if (word(tokens, i + 1, last) === 'to' && DECLINE_OBJECTS.has(word(tokens, i + 2, last))) {
      const end = i + 3;
      return [i, word(tokens, end, last) === 'further' ? end + 1 : end];
    }
    if (word(tokens, i + 1, last) === 'comment') return [i, i + 2];
    return null;
  }
  if (!NON_RESPONSE_NEGATIONS.has(w)) return null;
  const first = w === 'not' && i > 0 && AUXILIARIES.has(word(tokens, i - 1, last)) ? i - 1 : i;
  let j = i + 1;
  if (word(tokens, j, last) === 'immediately') j++;
  const v = word(tokens, j, last);
  if (v === 'be' && word(tokens, j + 1, last) === 'reached') return [first, requestTail(tokens, j + 2, last)];
  if (v === 'available' && word(tokens, j + 1, last) === 'for' && word(tokens, j + 2, last) === 'comment') return [first, j + 3];
  if (!NON_RESPONSE_VERBS.has(v)) return null;
  const tail = requestTail(tokens, j + 1, last);
  // `did not say` alone is a non-response only when nothing is reported after it or it asks `whether/when/...`.
  if (tail === j + 1 && (v === 'say' || v === 'said' || v === 'provide' || v === 'offer' || v === 'describe' ||
    v === 'confirm' || v === 'explain' || v === 'reveal' || v === 'detail' || v === 'address' || v === 'disclose')) {
    const next = word(tokens, j + 1, last);
    if (next === 'that' || (next === '' && j + 1 < last && tokens[j + 1].type === 'quote')) return null;
  }
  return [first, tail];
}
