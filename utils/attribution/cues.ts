/** Finds cue candidates in a sentence: speech and belief verbs, `according to`, agentless and nominal cues. */
import {
  AGENTLESS_PARTICIPLES, ANONYMOUS_HEADS, AS_PARTICIPLES, BE_FORMS, BELIEF_ADJECTIVES, CUE_PREFIX, VAGUE_HEADS, CUE_NOUNS, CUE_VERBS, type CueStrength, NOUN_LIKE_LEMMAS, PRONOUNS, SPEAKER_NOUNS,
  RAISE_FORMS, SEEM_FORMS, VAGUE_QUANTIFIERS, WORRY_NOUNS,
} from './lexicon';
import { learnedForms } from './learned-cues';
import { matchNonResponse, NON_RESPONSE_TRIGGERS } from './nonresponse';
import type { Token } from './tokens';

/** `hearsay`: an outlet's unnamed informants (`We're told`, `TMZ has learned.`), always anonymous. */
export type CueForm = 'verb' | 'belief' | 'according' | 'agentless' | 'noun' | 'non-response' | 'hearsay';

export interface Cue {
  /** First token of the cue proper (auxiliaries are added later, with the source). */
  first: number;
  /** One past the last token. */
  last: number;
  form: CueForm;
  strength: CueStrength;
}

/** `released a statement`, `issued a report`: a cue of three words. */
const STATEMENT_VERBS = new Set(['released', 'releases', 'issued', 'issues', 'published', 'publishes', 'posted', 'sent', 'put']);
const STATEMENT_NOUNS = new Set(['statement', 'report', 'letter', 'memo', 'video', 'tweet', 'message', 'release', 'plea',
  'warning', 'appeal', 'apology', 'denial', 'ultimatum']);
/** `came under fire`, `is under scrutiny`: criticism with no critic named. */
const UNDER_FIRE_VERBS = new Set(['came', 'comes', 'come', 'coming', 'is', 'was', 'are', 'were', 'been', 'be']);
const UNDER_FIRE_NOUNS = new Set(['fire', 'criticism', 'scrutiny', 'attack', 'pressure']);
/** `what many Tunisians saw as a failure`. */
const SEE_AS_VERBS = new Set(['see', 'sees', 'saw', 'view', 'views', 'viewed', 'regard', 'regards', 'regarded']);
const AGENTLESS_ADVERBS = new Set(['widely', 'also', 'generally', 'largely', 'still', 'not', 'long', 'increasingly',
  'often', 'now', 'already', 'commonly', 'broadly', 'privately', 'publicly', 'being']);
const ADJECTIVE_ADVERBS = new Set(['particularly', 'very', 'increasingly', 'deeply', 'so', 'less', 'more', 'quite',
  'fairly', 'absolutely', 'not', 'also', 'still', 'now', 'clearly', 'reportedly']);
const AGENTLESS_NEXT = new Set(['to', 'that', 'as', 'of', 'for']);
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these',
  'those', 'that', 'no', 'any', 'every', 'each', 'whose', 'which']);
const RELATIVES = new Set(['that', 'which', 'whose']);
const VERB_BLOCKERS = new Set(['to', 'of', 'for', 'by', 'with']);

function lowerAt(tokens: Token[], i: number, last: number): string {
  return i < last && i >= 0 ? tokens[i].lower : '';
}

/**
 * Rules out noun uses of a cue word: after a determiner, possessive or number (`the report`, `Trump's
 * comments`, `two states`), capitalized inside a sentence (`The Washington Post`), and plural-looking `-s`
 * forms of noun-like lemmas unless a name or pronoun stands before them (`Bloomberg reports`).
 */
function looksLikeVerb(tokens: Token[], i: number, first: number, w: string, lemma: string): boolean {
  const t = tokens[i];
  // Capitalized inside a sentence is a name (`The Washington Post`), except in a title-case headline
  // (`Lindsey Graham Says ...`, `Super PAC Chief Praises ...`): a present or past form after a capitalized word.
  if (t.cap && i > first && !(tokens[i - 1].type === 'quote' || tokens[i - 1].lower === ':') &&
    !(tokens[i - 1].type === 'word' && tokens[i - 1].cap && w !== lemma && !w.endsWith('ing') && !w.endsWith('ss'))) return false;
  if (i === first) return true;
  const prev = tokens[i - 1];
  const p = prev.lower;
  // After `that`/`which` an inflected form is a verb (`an email that lists`, `an article that claimed`).
  const inflected = w !== lemma && !w.endsWith('ing');
  if ((NOUN_DETERMINERS.has(p) && !(inflected && (p === 'that' || p === 'which'))) || VERB_BLOCKERS.has(p)) return false;
  // `some suspect` is a verb, `many tweets` a noun.
  if (VAGUE_QUANTIFIERS.has(p) && w !== lemma && w.endsWith('s')) return false;
  if (prev.type === 'word' && ((p.endsWith("'s") && p !== "'s") || p.endsWith("s'") || /^\d/.test(p))) return false;
  // The base form of a noun-like lemma after an adjective or noun is a noun too: `tax plan`, `first debate`.
  if (w === lemma && NOUN_LIKE_LEMMAS.has(lemma) && prev.type === 'word' && !prev.cap && !PRONOUNS.has(p) &&
    !CUE_PREFIX.has(p) && p !== 'who' && p !== 'that' && p !== 'which' && !VAGUE_HEADS.has(p) && !ANONYMOUS_HEADS.has(p)) return false;
  if (w !== lemma && w.endsWith('s') && !w.endsWith('ss') && NOUN_LIKE_LEMMAS.has(lemma)) {
    // `of Republican claims`, `the Trump claims`: a capitalized modifier, not a subject.
    const before = i - 2 >= first ? tokens[i - 2].lower : '';
    if (prev.cap && ((NOUN_DETERMINERS.has(before) && !RELATIVES.has(before)) || VERB_BLOCKERS.has(before) || before.endsWith("'s"))) return false;
    return prev.type === 'word' && (prev.cap || PRONOUNS.has(p) || p === 'who' || p === 'which' || p === 'that' ||
      p === 'also' || (SPEAKER_NOUNS.has(p) && !p.endsWith('s')));
  }
  return true;
}

const TOLD_BE = new Set(["'re", 'are', "'m", 'am', 'were', 'was', 'been']);
const TOLD_SUBJECTS = new Set(['we', 'i', "we're", "i'm", "we've", "i've"]);

/** `We're told`, `I'm told`, `we've been told` (first person only), `TMZ has learned.` closing a sentence. */
function hearsayStart(tokens: Token[], i: number, first: number, last: number): number {
  const w = tokens[i].lower;
  const p1 = lowerAt(tokens, i - 1, last);
  if (w === 'told' && i - 1 >= first) {
    if (TOLD_SUBJECTS.has(p1) && p1.includes("'") && p1 !== "we've" && p1 !== "i've") return i - 1;
    if (TOLD_BE.has(p1) && i - 2 >= first) {
      const p2 = tokens[i - 2].lower;
      if (TOLD_SUBJECTS.has(p2) && p1 !== 'been') return i - 2;
      if (p1 === 'been' && i - 3 >= first && (TOLD_SUBJECTS.has(tokens[i - 3].lower) || (p2 === 'have' && TOLD_SUBJECTS.has(lowerAt(tokens, i - 3, last))))) return i - 3;
      if (p1 === 'been' && (p2 === "we've" || p2 === "i've")) return i - 2;
    }
    return -1;
  }
  if (w === 'learned' && (p1 === 'has' || p1 === 'have') && i - 2 >= first && tokens[i - 2].cap &&
    (i + 1 >= last || tokens[i + 1].lower === '.')) return i - 1;
  return -1;
}

/** Every word that can begin a cue. */
const TRIGGERS: ReadonlySet<string> = new Set([
  ...CUE_VERBS.keys(), ...CUE_NOUNS, ...BE_FORMS, ...RAISE_FORMS, ...AS_PARTICIPLES, ...STATEMENT_VERBS, ...SEEM_FORMS,
  ...UNDER_FIRE_VERBS, ...SEE_AS_VERBS,
  ...NON_RESPONSE_TRIGGERS, 'according', 'states', 'reportedly', 'allegedly', 'purportedly', 'supposedly',
]);

const TRIGGER = 1;
const LEARNED = 2;
/** Word → TRIGGER and/or LEARNED (a form of the learned cue pass): one lookup rules out most words. */
const ROLES: ReadonlyMap<string, number> = (() => {
  const roles = new Map<string, number>();
  for (const w of TRIGGERS) roles.set(w, TRIGGER);
  for (const w of learnedForms()) roles.set(w, (roles.get(w) ?? 0) | LEARNED);
  return roles;
})();

/**
 * Cue candidates in tokens [first, last), in order, never overlapping, never inside a quotation. Words
 * the learned cue pass may score are appended to `learnable` (token indices, in order).
 */
export function findCues(tokens: Token[], first: number, last: number, learnable: number[]): Cue[] {
  const out: Cue[] = [];
  // This loop reads every word of the page; the rules for the few words that can begin a cue are a
  // function of their own, so the engine optimises a small loop instead of every rule (compiled anew
  // on each page, as each page runs its own copy of the script).
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    if (t.type !== 'word' || t.quote >= 0) continue;
    const role = ROLES.get(t.lower);
    if (role === undefined) continue;
    if (role & LEARNED) learnable.push(i);
    if (role & TRIGGER) i = cueAt(tokens, i, first, last, out);
  }
  return out;
}

/** Adds the cue beginning at the trigger word `i`, if any, to `out`; returns the last token it took (else `i`). */
function cueAt(tokens: Token[], i: number, first: number, last: number, out: Cue[]): number {
  const w = tokens[i].lower;
  const nr = matchNonResponse(tokens, i, last);
  if (nr) {
    // An auxiliary already taken as part of a previous cue cannot be shared.
    const start = out.length && out[out.length - 1].last > nr[0] ? i : nr[0];
    out.push({ first: start, last: nr[1], form: 'non-response', strength: 'strong' });
    return nr[1] - 1;
  }
  const next = lowerAt(tokens, i + 1, last);
  const heard = hearsayStart(tokens, i, first, last);
  if (heard >= 0) {
    out.push({ first: heard, last: i + 1, form: 'hearsay', strength: 'strong' });
    return i;
  }
  if (w === 'according' && next === 'to') {
    out.push({ first: i, last: i + 2, form: 'according', strength: 'strong' });
    return i + 1;
  }
  if (w === 'reportedly' || w === 'allegedly' || w === 'purportedly' || w === 'supposedly') {
    out.push({ first: i, last: i + 1, form: 'agentless', strength: 'strong' });
    return i;
  }
  if (STATEMENT_VERBS.has(w) && (next === 'a' || next === 'an') && STATEMENT_NOUNS.has(lowerAt(tokens, i + 2, last))) {
    out.push({ first: i, last: i + 3, form: 'verb', strength: 'strong' });
    return i + 2;
  }
  if (UNDER_FIRE_VERBS.has(w) && next === 'under' && UNDER_FIRE_NOUNS.has(lowerAt(tokens, i + 2, last))) {
    out.push({ first: i, last: i + 3, form: 'agentless', strength: 'strong' });
    return i + 2;
  }
  if (SEE_AS_VERBS.has(w) && next === 'as' && i > first && tokens[i - 1].type === 'word' && !BE_FORMS.has(tokens[i - 1].lower)) {
    out.push({ first: i, last: i + 2, form: 'verb', strength: 'medium' });
    return i + 1;
  }
  if (SEEM_FORMS.has(w) && next === 'to' && i > first) {
    out.push({ first: i, last: i + 1, form: 'agentless', strength: 'strong' });
    return i;
  }
  if (RAISE_FORMS.has(w) && WORRY_NOUNS.has(next)) {
    out.push({ first: i, last: i + 2, form: 'agentless', strength: 'strong' });
    return i + 1;
  }
  // `he's said that` is `he has said`, not `it is said that`.
  if (BE_FORMS.has(w) && !(w === "'s" && (next === 'said' || next === 'told'))) {
    let j = i + 1;
    while (j < i + 3 && (AGENTLESS_ADVERBS.has(lowerAt(tokens, j, last)) || ADJECTIVE_ADVERBS.has(lowerAt(tokens, j, last)))) j++;
    // (`To be sure, ...` is the writer's concession.)
    if (BELIEF_ADJECTIVES.has(lowerAt(tokens, j, last)) && i > first && tokens[i - 1].type === 'word' && tokens[i - 1].lower !== 'to') {
      out.push({ first: i, last: j + 1, form: 'belief', strength: 'strong' });
      return j;
    }
    if (AGENTLESS_PARTICIPLES.has(lowerAt(tokens, j, last)) && AGENTLESS_NEXT.has(lowerAt(tokens, j + 1, last))) {
      out.push({ first: i, last: j + 1, form: 'agentless', strength: 'strong' });
      return j;
    }
  }
  if (AS_PARTICIPLES.has(w) && next === 'as' && i > first) {
    const prev = tokens[i - 1];
    if (prev.type === 'word' && !BE_FORMS.has(prev.lower) && !CUE_VERBS.has(prev.lower) &&
      prev.lower !== 'has' && prev.lower !== 'have' && prev.lower !== 'had') {
      out.push({ first: i, last: i + 2, form: 'agentless', strength: 'strong' });
      return i + 1;
    }
  }
  const entry = CUE_VERBS.get(w);
  // `Emery states, “...”`: `states` is a verb only between a name and what is stated.
  if (w === 'states' && i > first && tokens[i - 1].cap && tokens[i - 1].type === 'word' && tokens[i - 1].lower !== 'united' &&
    !NOUN_DETERMINERS.has(lowerAt(tokens, i - 2, last)) && (next === ',' || next === ':' || next === 'that')) {
    out.push({ first: i, last: i + 1, form: 'verb', strength: 'strong' });
    return i;
  }
  // `Having said that, ...`: the writer's transition.
  if (w === 'said' && i > first && tokens[i - 1].lower === 'having') return i;
  if (entry && looksLikeVerb(tokens, i, first, w, entry.lemma)) {
    const hasParticle = entry.particles.includes(next);
    if (entry.strength === 'particle' && !hasParticle) return i;
    // `offers to pay` is a promise; `offers upgrades` is not.
    if (entry.lemma === 'offer' && w !== 'offered' && next !== 'to') return i;
    if (w === 'thanks' || w === 'thank') return i; // `thanks to`, `thank you`
    // With its particle a particle verb needs what a medium verb needs (`refused to be`, `points out that`).
    let strength: CueStrength = entry.strength === 'particle' && entry.lemma !== 'appear' ? 'medium' : entry.strength;
    // `"...," he continued.` / `He continued: "..."`: continuing to speak; `continued to` is weaker.
    if (entry.lemma === 'continue' && w !== 'continue' && w !== 'continues') {
      strength = next === ',' || next === '.' || next === ':' ? 'strong' : next === 'to' ? 'medium' : strength;
    }
    out.push({ first: i, last: hasParticle ? i + 2 : i + 1, form: 'verb', strength });
    return hasParticle ? i + 1 : i;
  }
  if (CUE_NOUNS.has(w) && next === 'that') {
    out.push({ first: i, last: i + 1, form: 'noun', strength: 'medium' });
  }
  return i;
}
