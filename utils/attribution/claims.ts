/** Turns the cues of one sentence into attributions: where the source and the content lie for each cue form. */
import { type Cue, findCues } from './cues';
import { skipAdjuncts, trimRange } from './content';
import {
  AUTHOR_PRONOUNS, BE_FORMS, CLAUSE_OPENERS, CUE_PREFIX, CUE_VERBS, NOT_SPEAKERS, PRONOUNS, TIME_WORDS,
} from './lexicon';
import { looksLikeSpeaker, type Range, sourceAfter, sourceBefore, subjectAtStart } from './sources';
import type { Token } from './tokens';
import type { QuoteRegion } from './quotes';

export interface RawClaim {
  cue: Range;
  source: Range | null;
  content: Range | null;
  form: Cue['form'];
  /** The source is shared with an earlier cue of the sentence (`..., adding that`). */
  sharedSource: boolean;
  /** Found by the learned cue pass, not by a rule. */
  learned?: boolean;
}

const MAX_PREFIX = 4;
const MAX_TRAILING_TAIL = 8;
const CONTENT_PREPOSITIONS = new Set(['in', 'at', 'with', 'by', 'from', 'of', 'into', 'after', 'before', 'during',
  'since', 'under', 'over', 'off', 'up', 'down', 'out', 'than', 'and', 'or', 'but', 'as', 'so']);
/** Medium verbs whose participle still reports: `..., calling it a disgrace`, `..., referring to ...`. */
const REPORTING_PARTICIPLES = new Set(['calling', 'asking', 'accusing', 'questioning', 'referring', 'urging',
  'describing', 'citing', 'blaming', 'criticizing', 'praising']);
/** After a strong verb these introduce an adjunct (`said in Paris`), not what was said. */
const ADJUNCT_PREPOSITIONS = new Set(['in', 'at', 'with', 'by', 'from', 'of', 'into', 'after', 'before', 'during',
  'since', 'under', 'and', 'or', 'but', 'about']);
/** `..., by saying`, `after warning`: a participle whose subject is the clause's. */
const PARTICIPLE_PREPOSITIONS = new Set(['while', 'before', 'after', 'by', 'from', 'for', 'of', 'without', 'when']);
const ASK_NEXT = new Set(['whether', 'if', 'about', 'what', 'who', 'how', 'why', 'when', 'where', 'which', 'to', ',', ':']);
const ASK_OPENERS = new Set(['when', 'while', 'after', 'once', 'if', 'as', 'but', 'and']);
const RELATIVE_SUBJECTS = new Set(['that', 'which', 'who']);
const PARTICIPLE_LINKS = new Set([',', 'and', 'but', 'while', 'before', 'after', '\u2014']);

function isClosingQuote(t: Token, quotes: QuoteRegion[], index: number): boolean {
  return t.type === 'quote' && t.quote >= 0 && quotes[t.quote].close === index && quotes[t.quote].closed;
}

/** Does the content starting at `j` look like something reported (not `said in Paris`)? */
function reportedAfter(tokens: Token[], j: number, last: number, strength: Cue['strength']): boolean {
  if (j >= last) return false;
  const t = tokens[j];
  if (t.lower === ':' || (t.type === 'quote' && strength !== 'weak')) return true;
  if (t.type !== 'word') return false;
  if (t.lower === 'that') return true;
  if (strength === 'weak') return false;
  if (t.lower === 'to' || t.lower === 'for' || t.lower === 'on' || t.lower === 'about') return true;
  if (CONTENT_PREPOSITIONS.has(t.lower)) return false;
  return CLAUSE_OPENERS.has(t.lower) || t.cap || /^\d/.test(t.lower) || strength === 'medium';
}

/**
 * The attributions the hand-written rules find in the sentence [first, last), in cue order. The caller may
 * add learned ones (`learned-claims.ts`, from the words appended to `learnable`), then calls
 * `splitSharedContents` and `dropNested`.
 */
export function sentenceClaims(text: string, tokens: Token[], quotes: QuoteRegion[], first: number, last: number,
  continuation: Range | null, learnable: number[]): RawClaim[] {
  const cues = findCues(tokens, first, last, learnable);
  const out: RawClaim[] = [];
  const speaker = speakerColon(text, tokens, first, last);
  if (speaker) out.push(speaker);
  const quoteBefore = quoteEndingAt(tokens, quotes, first - 1);
  let floor = first; // tokens before `floor` already belong to an earlier cue or its source
  for (let c = 0; c < cues.length; c++) {
    const cue = cues[c];
    if (speaker && cue.first < speaker.cue.last) continue;
    const claim = buildClaim(tokens, quotes, cue, first, last, floor, out.length ? out[out.length - 1] : null) ??
      colonClaim(tokens, cue, first, last, floor, continuation) ??
      (c === 0 && quoteBefore ? afterQuoteClaim(tokens, cue, first, last, quoteBefore) : null);
    if (!claim) continue;
    out.push(claim);
    floor = claim.cue.last;
  }
  let unsorted = false;
  // A credit may open the sentence after the quotation it credits (`...shame.” ― Sonya Herridge`).
  for (let k = Math.max(first, 1); k < last; k++) {
    if (tokens[k].type !== 'punct' || tokens[k - 1].type !== 'quote') continue;
    const dash = dashCredit(tokens, quotes, k, last);
    if (dash && !out.some((o) => o.cue.first <= k && k < o.cue.last)) {
      out.push(dash);
      unsorted = true;
    }
  }
  if (unsorted) out.sort((a, b) => a.cue.first - b.cue.first);
  return out;
}

/** A content ends where the next cue sharing its source begins (`denounced X and called for Y`). */
export function splitSharedContents(tokens: Token[], out: RawClaim[]): void {
  for (let k = 0; k + 1 < out.length; k++) {
    const cur = out[k];
    const next = out[k + 1];
    if (!cur.content || cur.content.first > next.cue.first || cur.content.last <= next.cue.first) continue;
    if (!next.sharedSource) continue;
    let end = next.cue.first;
    while (end > cur.content.first && PARTICIPLE_LINKS.has(tokens[end - 1].lower)) end--;
    cur.content = trimRange(tokens, { first: cur.content.first, last: end });
  }
}

/** The quotation whose closing mark is token `index` (in the same paragraph as what follows), or null. */
function quoteEndingAt(tokens: Token[], quotes: QuoteRegion[], index: number): Range | null {
  if (index < 0 || tokens[index + 1]?.nl) return null;
  const t = tokens[index];
  if (t.type !== 'quote' || t.quote < 0) return null;
  const q = quotes[t.quote];
  return q.closed && q.close === index ? { first: q.open, last: q.close + 1 } : null;
}

/** `“...” Clinton said.` where the quotation ended the previous sentence: the quotation is the content. */
function afterQuoteClaim(tokens: Token[], cue: Cue, first: number, last: number, quote: Range): RawClaim | null {
  if (cue.form !== 'verb' || (cue.strength !== 'strong' && !(cue.strength === 'medium' && last - cue.last <= 3))) return null;
  let cueFirst = cue.first;
  while (cueFirst - 1 >= first && cue.first - cueFirst < MAX_PREFIX && CUE_PREFIX.has(tokens[cueFirst - 1].lower)) cueFirst--;
  const source = cueFirst > first ? sourceBefore(tokens, first, cueFirst) : sourceAfter(tokens, cue.last, last, true);
  if (!source || (cueFirst > first && source.first !== first)) return null;
  return { cue: { first: cueFirst, last: cue.last }, source, content: quote, form: 'verb', sharedSource: false };
}

const DASHES = new Set(['\u2015', '\u2014', '\u2013']);

/** `“...” ― Sonya Herridge`: a dash after a quotation credits it to the name that follows. */
function dashCredit(tokens: Token[], quotes: QuoteRegion[], k: number, last: number): RawClaim | null {
  if (!DASHES.has(tokens[k].lower) || k + 1 >= last || !tokens[k + 1].cap) return null;
  const quote = quoteEndingAt(tokens, quotes, k - 1);
  if (!quote) return null;
  let end = k + 1;
  while (end < last && end - k <= 6 && (tokens[end].type === 'word' ? tokens[end].cap : tokens[end].lower === '.')) end++;
  while (end > k + 1 && tokens[end - 1].type !== 'word') end--;
  return { cue: { first: k, last: k + 1 }, source: { first: k + 1, last: end }, content: quote, form: 'verb', sharedSource: false };
}

/** `Name: text` at the start of a sentence (transcripts, headlines): the colon is the cue. */
function speakerColon(text: string, tokens: Token[], first: number, last: number): RawClaim | null {
  let k = first;
  if (k < last && tokens[k].type === 'quote') k++;
  const start = k;
  if (start >= last) return null;
  // A headline opening a paragraph: `Graham: Trump's rhetoric ...`, `Clinton camp: ...`, `Poll: ...`.
  const headline = start === 0 || tokens[start].nl || tokens[first].nl;
  while (k < last && k - start < 4 && tokens[k].type === 'word' && (tokens[k].cap ||
    (headline && k > start && !CLAUSE_OPENERS.has(tokens[k].lower) && !CUE_VERBS.has(tokens[k].lower) && !CUE_PREFIX.has(tokens[k].lower)))) k++;
  if (k === start || !tokens[start].cap || k >= last - 1 || tokens[k].lower !== ':') return null;
  if (NOT_SPEAKERS.has(tokens[start].lower) || NOT_SPEAKERS.has(tokens[k - 1].lower) || PRONOUNS.has(tokens[start].lower)) return null;
  // A transcript speaker (`PENCE:`) or a full name (`Pat Caddell:`), not any capitalized word (`Update:`)
  // except in a headline followed by a capitalized claim of a few words.
  if (k - start < 2 && !(headline && last - k > 4 && (tokens[k + 1].cap || tokens[k + 1].type === 'quote'))) {
    const word = text.slice(tokens[start].start, tokens[start].end);
    if (word.length < 2 || word !== word.toUpperCase()) return null;
  }
  const content = trimRange(tokens, { first: k + 1, last });
  if (!content) return null;
  return { cue: { first: k, last: k + 1 }, source: { first: start, last: k }, content, form: 'verb', sharedSource: false };
}

/** `He said:` closing a paragraph: the content is the next paragraph. */
function colonClaim(tokens: Token[], cue: Cue, first: number, last: number, floor: number, continuation: Range | null): RawClaim | null {
  if (!continuation || cue.form !== 'verb' || cue.last !== last - 1 || tokens[cue.last].lower !== ':') return null;
  let cueFirst = cue.first;
  while (cueFirst - 1 >= floor && cue.first - cueFirst < MAX_PREFIX && CUE_PREFIX.has(tokens[cueFirst - 1].lower)) cueFirst--;
  const source = sourceBefore(tokens, Math.max(first, floor), cueFirst);
  if (!source) return null;
  return { cue: { first: cueFirst, last: cue.last }, source, content: continuation, form: 'verb', sharedSource: false };
}

/** The attribution of one cue (null if the cue has no place for a source or a content), given the claim before it. */
export function buildClaim(tokens: Token[], quotes: QuoteRegion[], cue: Cue, first: number, last: number, floor: number,
  previous: RawClaim | null): RawClaim | null {
  if (cue.form === 'agentless') {
    return { cue, source: null, content: trimRange(tokens, { first, last }), form: cue.form, sharedSource: false };
  }
  if (cue.form === 'hearsay') {
    // `We're told there is footage` / `The dress was stolen ... TMZ has learned.`
    const we = PRONOUNS.has(tokens[cue.first].lower) || tokens[cue.first].lower.includes("'");
    const source = we ? null : sourceBefore(tokens, Math.max(first, floor), cue.first);
    const after = trimRange(tokens, { first: cue.last, last });
    const before = trimRange(tokens, { first, last: source ? source.first : cue.first });
    return { cue, source, content: after ?? before, form: cue.form, sharedSource: false };
  }
  if (cue.form === 'according') {
    const source = sourceAfter(tokens, cue.last, last, true);
    const before = trimRange(tokens, { first, last: cue.first });
    const after = source ? trimRange(tokens, { first: source.last, last }) : null;
    const content = before && after && after.last - after.first > 3 ? { first: before.first, last: after.last } : before ?? after;
    return { cue, source, content, form: cue.form, sharedSource: false };
  }
  if (cue.form === 'noun') {
    // `saying in a statement that ...`: the medium of another cue's statement.
    if (cue.first - 2 >= first && tokens[cue.first - 2].lower === 'in' && tokens[cue.first - 1].type === 'word' &&
      /^(a|an|the|his|her|their|its|our)$/.test(tokens[cue.first - 1].lower)) return null;
    let source: Range | null = null;
    const p = cue.first - 1;
    if (p >= floor && tokens[p].type === 'word' && /^(his|her|their|its|our|my)$/.test(tokens[p].lower)) source = { first: p, last: p + 1 };
    else if (p >= floor && tokens[p].lower.endsWith("'s")) source = sourceBefore(tokens, floor, cue.first);
    const content = trimRange(tokens, { first: cue.last, last });
    return { cue, source, content, form: cue.form, sharedSource: false };
  }
  // Verbs and non-responses: auxiliaries and adverbs join the cue (`has also said`).
  let cueFirst = cue.first;
  while (cueFirst - 1 >= floor && cue.first - cueFirst < MAX_PREFIX && tokens[cueFirst - 1].type === 'word' &&
    tokens[cueFirst - 1].quote < 0 && CUE_PREFIX.has(tokens[cueFirst - 1].lower)) cueFirst--;
  const verb = tokens[cue.first].lower;
  const left = cueFirst - 1 >= first ? tokens[cueFirst - 1] : null;
  const isParticiple = verb.endsWith('ing') && cue.form === 'verb';
  if (cue.form === 'non-response') {
    const source = left && left.type === 'word' ? sourceBefore(tokens, floor, cueFirst) : previous?.source ?? null;
    if (source && AUTHOR_PRONOUNS.has(tokens[source.last - 1].lower)) return null;
    const content = trimRange(tokens, { first: cue.last, last });
    return { cue: { first: cueFirst, last: cue.last }, source, content, form: cue.form, sharedSource: !left || left.type !== 'word' };
  }
  // `..., saying that ...` / `... and called for ...`: the subject is an earlier cue's source.
  const linked = left !== null && (left.lower === ',' || left.lower === 'and' || left.lower === 'but' || left.lower === '\u2014');
  if (isParticiple && (left === null || linked || PARTICIPLE_PREPOSITIONS.has(left.lower))) {
    if (CUE_VERBS.get(verb)?.strength !== 'strong' && !REPORTING_PARTICIPLES.has(verb)) return null;
    const { content, cueEnd } = skipAdjuncts(tokens, cue.last, last, verb);
    if (!reportedAfter(tokens, content, last, cue.strength === 'strong' ? 'medium' : cue.strength)) return null;
    const src = previous?.source ?? subjectAtStart(tokens, first, cueFirst);
    return { cue: { first: cueFirst, last: cueEnd }, source: src, content: trimRange(tokens, { first: content, last }),
      form: cue.form, sharedSource: true };
  }
  // `Asked whether ...`, `when asked about ...`, `Sanders was asked to name ...`: the one asked answers.
  if (verb === 'asked' && ASK_NEXT.has(tokens[cue.first + 1]?.lower ?? '') && cue.last < last - 1) {
    const content = trimRange(tokens, { first: cue.last, last });
    if (content && (cueFirst === first || (left && ASK_OPENERS.has(left.lower)))) {
      return { cue: { first: cueFirst, last: cue.last }, source: null, content, form: cue.form, sharedSource: true };
    }
    if (content && left && left.type === 'word' && BE_FORMS.has(tokens[cue.first - 1].lower)) {
      const source = sourceBefore(tokens, floor, cueFirst);
      if (source && !AUTHOR_PRONOUNS.has(tokens[source.last - 1].lower) && looksLikeSpeaker(tokens, source)) {
        return { cue: { first: cueFirst, last: cue.last }, source, content, form: cue.form, sharedSource: false };
      }
    }
  }
  // A bare `-ing` form after a noun modifies it (`tweets criticizing Machado`): not a cue.
  if (isParticiple && !BE_FORMS.has(tokens[cue.first - 1]?.lower ?? '')) return null;
  // Passive (`is called`, `was told`) and `add to` (increase) are not reports.
  // (`he's said` after a pronoun is `he has said`.)
  if (cue.first > first && BE_FORMS.has(tokens[cue.first - 1].lower) && !isParticiple &&
    !(tokens[cue.first - 1].lower === "'s" && cue.first - 2 >= first && PRONOUNS.has(tokens[cue.first - 2].lower))) return null;
  if (verb.startsWith('add') && tokens[cue.last]?.lower === 'to') return null;
  if (verb.startsWith('claim') && /^(responsibility|credit|victory)$/.test(tokens[cue.last]?.lower ?? '')) return null;
  // `find it harder`, `found himself`: not a finding.
  if (verb.startsWith('f') && /^(it|himself|herself|themselves|itself|myself|ourselves)$/.test(tokens[cue.last]?.lower ?? '')) return null;
  if (left && (left.lower === 'and' || left.lower === 'but') && (previous === null || previous.form === 'verb')) {
    const { content, cueEnd } = skipAdjuncts(tokens, cue.last, last, verb);
    if (!reportedAfter(tokens, content, last, cue.strength)) return null;
    const src = previous ? previous.source : subjectAtStart(tokens, first, cueFirst);
    if (!src && !previous) return null;
    return { cue: { first: cueFirst, last: cueEnd }, source: src, content: trimRange(tokens, { first: content, last }),
      form: cue.form, sharedSource: true };
  }
  // Inverted: `"...," said Smith.` / `..., says a spokesman.`
  if (left && (left.lower === ',' || isClosingQuote(left, quotes, cueFirst - 1)) && !isParticiple) {
    const before = trimRange(tokens, { first, last: left.lower === ',' ? cueFirst - 1 : cueFirst });
    if (!before) return null;
    const source = sourceAfter(tokens, cue.last, last, false);
    const head = source ? tokens[source.first] : null;
    // `Megan Hester, senior associate at ..., said parents want ...`: a named head with an apposition
    // before the cue is the source, and what follows is the content.
    const apposed = left.lower === ',' ? sourceBefore(tokens, floor, cueFirst) : null;
    if (apposed && tokens[apposed.first].cap && head && !head.cap) return forwardClaim(tokens, quotes, cue, first, last, floor, cueFirst, verb);
    // After a quotation the inverted order is reliable enough to accept a source followed by more text.
    const lenient = head !== null && !TIME_WORDS.has(head.lower) && (left.lower === ','
      ? head.cap && !PRONOUNS.has(head.lower)
      : head.cap || PRONOUNS.has(head.lower) || head.lower === 'a' || head.lower === 'an' || head.lower === 'the');
    // Without that evidence the source must be short and not a clause (`..., said he had fought` is forward).
    const plausible = lenient || (trimRange(tokens, { first: source?.last ?? last, last }) === null && source !== null &&
      source.last - source.first <= 10 && !(PRONOUNS.has(tokens[source.first].lower) && source.last - source.first > 1));
    if (source && head && tokens[cue.last].lower !== 'that' && !CONTENT_PREPOSITIONS.has(head.lower) && plausible) {
      return { cue: { first: cueFirst, last: cue.last }, source, content: before, form: cue.form, sharedSource: false };
    }
    if (left.lower !== ',') return null;
  }
  return forwardClaim(tokens, quotes, cue, first, last, floor, cueFirst, verb);
}

/** Forward and trailing orders: the source stands before the cue. */
function forwardClaim(tokens: Token[], quotes: QuoteRegion[], cue: Cue, first: number, last: number, floor: number,
  cueFirst: number, verb: string): RawClaim | null {
  const left = cueFirst - 1 >= first ? tokens[cueFirst - 1] : null;
  if (!left || (left.type !== 'word' && left.lower !== ',' && left.lower !== ')')) return null;
  // `an article ... that claimed ...`: the relative pronoun is the source.
  if (RELATIVE_SUBJECTS.has(left.lower) && cueFirst - 1 >= floor) {
    const antecedent = cueFirst - 2;
    // `who` stands for a person; `that` and `which` need an antecedent that can speak.
    const speaker = antecedent >= first && looksLikeSpeaker(tokens, { first: antecedent, last: antecedent + 1 });
    if (antecedent < first || !(speaker || left.lower === 'who')) return null;
    const { content, cueEnd } = skipAdjuncts(tokens, cue.last, last, verb);
    if (!speaker && (content >= last || tokens[content].lower === 'to')) return null;
    if (cue.strength !== 'strong' && !reportedAfter(tokens, content, last, cue.strength)) return null;
    const range = trimRange(tokens, { first: content, last });
    if (!range) return null;
    return { cue: { first: cueFirst, last: cueEnd }, source: { first: cueFirst - 1, last: cueFirst }, content: range,
      form: cue.form, sharedSource: false };
  }
  // `reports say`, `polls show`: a plural noun before a cue verb is its subject, not a cue.
  if (left.type === 'word' && verb.endsWith('s') && CUE_VERBS.has(tokens[cue.last]?.lower ?? '')) return null;
  const source = sourceBefore(tokens, floor, cueFirst);
  if (!source) return null;
  // First and second person outside quotes is the article's own voice (`I think`, `you'll find`).
  if (AUTHOR_PRONOUNS.has(tokens[source.last - 1].lower)) return null;
  const adjuncts = skipAdjuncts(tokens, cue.last, last, verb);
  const cueEnd = adjuncts.cueEnd;
  let contentStart = adjuncts.content;
  const beforeSource = source.first - 1 >= first ? tokens[source.first - 1] : null;
  const tail = last - contentStart;
  // Trailing: `The market will fall, analysts said.` / `"...," Maiffret told Reuters.`
  const afterQuote = beforeSource !== null && isClosingQuote(beforeSource, quotes, source.first - 1) &&
    cue.strength !== 'weak' && !CONTENT_PREPOSITIONS.has(tokens[source.first].lower) && tokens[source.first].lower !== 'to';
  if (beforeSource && (beforeSource.lower === ',' || afterQuote) && source.first - 1 > first &&
    (afterQuote || (tail <= MAX_TRAILING_TAIL && (contentStart >= last || tokens[contentStart].type === 'punct')))) {
    const content = trimRange(tokens, { first, last: source.first });
    if (content && cue.strength !== 'particle') {
      return { cue: { first: cueFirst, last: cueEnd }, source, content, form: cue.form, sharedSource: false };
    }
  }
  // Parenthetical: `The economy, he said, is fine.`
  if (beforeSource && beforeSource.lower === ',' && cueEnd < last && tokens[cueEnd].lower === ',' && source.first - 1 > first) {
    return { cue: { first: cueFirst, last: cueEnd }, source, content: trimRange(tokens, { first, last }), form: cue.form, sharedSource: false };
  }
  // Forward: `Sony said it is scrapping ...`.
  const strength = cue.strength;
  if ((strength !== 'strong' || cue.form === 'belief') && !looksLikeSpeaker(tokens, source)) return null;
  if (strength !== 'strong' && !reportedAfter(tokens, contentStart, last, strength)) return null;
  if (strength === 'strong' && cue.form !== 'belief' && contentStart < last && ADJUNCT_PREPOSITIONS.has(tokens[contentStart].lower)) {
    // `said during a rally in Michigan that ...`: skip the adjunct up to `that` or a quote; else nothing is reported.
    let k = contentStart + 1;
    while (k < last && k - contentStart < 12 && tokens[k].lower !== 'that' && tokens[k].type !== 'quote' && tokens[k].lower !== ',') k++;
    if (k >= last || k - contentStart >= 12) return null;
    contentStart = tokens[k].lower === ',' ? k + 1 : k;
  }
  const content = trimRange(tokens, { first: contentStart, last });
  if (!content) return null;
  return { cue: { first: cueFirst, last: cueEnd }, source, content, form: cue.form, sharedSource: false };
}
