/**
 * The claim-attribution engine: text in, attributed claims out. Pure TypeScript, linear in the text.
 * See docs/attribution-guide.md for what counts as an attribution and how sources are classed.
 */
import { type RawClaim, sentenceClaims, splitSharedContents } from './claims';
import { classifySource, type Referent, resolvePronoun } from './kinds';
import { addLearnedClaims } from './learned-claims';
import { findMarkers } from './markers';
import { dropNested } from './nesting';
import { markQuotes } from './quotes';
import { type Sentence, splitSentences } from './sentences';
import type { Range } from './sources';
import { tokenize, type Token } from './tokens';
import type { Claim, SourceKind, Span } from './types';

export type { Claim, SourceKind, Span } from './types';
export { SOURCE_KINDS } from './types';

function toSpan(text: string, tokens: Token[], r: Range): Span {
  const start = tokens[r.first].start;
  const end = tokens[r.last - 1].end;
  return { start, end, text: text.slice(start, end) };
}

/** The paragraph after sentence `si` when that sentence ends its own paragraph (`He said:` + quote). */
function nextParagraph(tokens: Token[], sentences: readonly Sentence[], si: number): Range | null {
  const s = sentences[si];
  if (si + 1 >= sentences.length || tokens[s.last - 1].lower !== ':' || !tokens[s.last]?.nl) return null;
  let k = si + 1;
  while (k + 1 < sentences.length && !tokens[sentences[k + 1].first].nl && k - si < 20) k++;
  return { first: sentences[si + 1].first, last: sentences[k].last };
}

/**
 * Text is processed in blocks of whole paragraphs of about this many characters, so token arrays stay
 * small and short-lived (cheap garbage collection) however long the input. Nothing but pronoun history
 * crosses a paragraph, and a block never ends after a paragraph closing with a colon (`He said:`).
 * A paragraph of more than four blocks (only in degenerate input) is cut.
 */
const BLOCK_CHARS = 16_384;

function blockEnd(text: string, from: number): number {
  if (text.length - from <= BLOCK_CHARS) return text.length;
  // A paragraph longer than this (only in degenerate input) is cut at a space, or anywhere.
  const hardLimit = Math.min(text.length, from + 4 * BLOCK_CHARS);
  for (let k = from + BLOCK_CHARS; k < hardLimit; k++) {
    if (text.charCodeAt(k) !== 10) continue;
    let p = k - 1;
    while (p > k - 64 && p > from && (text[p] === ' ' || text[p] === '\r' || text[p] === '\t')) p--;
    if (text[p] !== ':') return k + 1;
  }
  if (hardLimit >= text.length) return text.length;
  let cut = hardLimit;
  while (cut < hardLimit + 256 && cut < text.length && text[cut] !== ' ') cut++;
  if (cut >= text.length || text[cut] !== ' ') cut = hardLimit;
  const code = text.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut + 1 : cut;
}

/** When a resumable annotation (annotateSteps) gives control back to its caller. */
export interface AnnotationClock {
  /** True when the current step has used its time. */
  due(): boolean;
}

const NEVER_DUE: AnnotationClock = { due: () => false };

/** Sentences annotated between two looks at the clock (a sentence takes tens of microseconds). */
const SENTENCES_PER_LOOK = 4;

/** Finds the attributed claims in `text`, in text order. Never throws. */
export function annotate(text: string): Claim[] {
  const steps = annotateSteps(text, NEVER_DUE);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * annotate as resumable steps, for a caller that gives the main thread back on long texts: yields,
 * between sentences, whenever `clock.due()`. The claims are exactly annotate's.
 *
 *   const steps = annotateSteps(text, clock);
 *   let step = steps.next();
 *   while (!step.done) { await yieldToMain(); step = steps.next(); }
 *   const claims = step.value;
 */
export function* annotateSteps(text: string, clock: AnnotationClock): Generator<void, Claim[], void> {
  if (typeof text !== 'string' || text.length === 0) return [];
  const claims: Claim[] = [];
  const history: Referent[] = [];
  let inQuote = false;
  for (let from = 0; from < text.length;) {
    const to = blockEnd(text, from);
    inQuote = (yield* annotateBlock(text, from, to, claims, history, inQuote, clock)) && text.charCodeAt(to - 1) !== 10;
    from = to;
  }
  claims.sort((a, b) => a.cue.start - b.cue.start);
  return claims;
}

/** Rule-found attributions per sentence from which a block counts as reporting (where learned cues apply). */
const LEARNED_CUE_DENSITY = 0.4;

/**
 * Annotates text[from, to) into `claims`, yielding when the clock is due; returns whether the block
 * ends inside an unclosed quotation.
 */
function* annotateBlock(text: string, from: number, to: number, claims: Claim[], history: Referent[], inQuote: boolean,
  clock: AnnotationClock): Generator<void, boolean, void> {
  // Reading a block into sentences takes up to 10 ms or more on a page's first, cold run: each of its
  // three passes starts a step of its own when the clock is due.
  if (clock.due()) yield;
  const tokens = tokenize(text, from, to);
  if (clock.due()) yield;
  const quotes = markQuotes(tokens, inQuote);
  if (clock.due()) yield;
  const sentences = splitSentences(tokens, quotes);
  const learnable: number[] = []; // words of the block the learned cue pass may score, in order
  const ruled: RawClaim[][] = [];
  for (let si = 0; si < sentences.length; si++) {
    if (si % SENTENCES_PER_LOOK === 0 && clock.due()) yield;
    const s = sentences[si];
    ruled.push(sentenceClaims(text, tokens, quotes, s.first, s.last, nextParagraph(tokens, sentences, si), learnable));
  }
  let found = 0;
  for (const r of ruled) found += r.length;
  const density = found / Math.max(1, sentences.length);
  // Learned cues are trusted only in reporting-heavy text (news), not in a review or an essay.
  const reporting = density >= LEARNED_CUE_DENSITY;
  let next = 0; // the first learnable word not yet past
  for (let si = 0; si < sentences.length; si++) {
    if (si % SENTENCES_PER_LOOK === 0 && clock.due()) yield;
    const s = sentences[si];
    const raw = ruled[si];
    const start = next;
    while (next < learnable.length && learnable[next] < s.last) next++;
    if (reporting) addLearnedClaims(tokens, quotes, s.first, s.last, density, learnable, start, next, raw);
    if (raw.length === 0) continue;
    splitSharedContents(tokens, raw);
    dropNested(tokens, raw);
    const markers = findMarkers(tokens, s.first, s.last);
    const sentence = toSpan(text, tokens, s);
    for (const r of raw) {
      let kind: SourceKind;
      let marker: Span | null = null;
      let referent: Referent | null = null;
      if (r.form === 'non-response') {
        kind = 'non-response';
      } else if (r.form === 'hearsay') {
        kind = 'anonymous';
      } else if (!r.source) {
        kind = r.sharedSource && history.length ? history[history.length - 1].kind : 'vague';
      } else {
        const info = classifySource(tokens, r.source, s.first);
        kind = info.pronoun ? resolvePronoun(info.pronoun, history) : info.kind;
        if (!info.pronoun && !r.sharedSource) referent = { kind, plural: info.plural };
      }
      if (kind !== 'non-response') {
        for (const m of markers) {
          if (m.weak && kind === 'named') continue;
          kind = 'anonymous';
          marker = toSpan(text, tokens, m);
          break;
        }
      }
      if (referent) {
        history.push({ kind, plural: referent.plural });
        // Only the last few referents are ever read: keep the history small on long inputs.
        if (history.length > 256) history.splice(0, history.length - 16);
      }
      claims.push({
        sentence,
        cue: toSpan(text, tokens, r.cue),
        source: r.source ? toSpan(text, tokens, r.source) : null,
        content: r.content ? toSpan(text, tokens, r.content) : null,
        kind,
        marker,
      });
    }
  }
  return quotes.length > 0 && !quotes[quotes.length - 1].closed;
}
