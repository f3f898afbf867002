/** Claims for learned cues (`learned-cues.ts`): words the rules did not take, placed by the rules' own claim builder. */
import { buildClaim, type RawClaim } from './claims';
import { trimRange } from './content';
import { hasQuote, type SentenceContext } from './cue-features';
import type { Cue } from './cues';
import { isLearnedCue } from './learned-cues';
import { isClauseBreak, withinContent } from './nesting';
import type { QuoteRegion } from './quotes';
import { looksLikeSpeaker, sourceBefore } from './sources';
import type { Token } from './tokens';

/** Participles that name something (`a group known as ...`, `a film titled ...`): naming is not reporting. */
const NAMING = new Set(['known', 'titled', 'entitled', 'nicknamed']);

/**
 * Adds the claims of learned cues in the sentence [first, last) to its rule claims `out` (in cue order, as
 * `sentenceClaims` returns them), keeping that order. The candidates are `learnable[from, to)`, the words of
 * the sentence whose form the model knows. `density`: rule claims per sentence in the block.
 */
export function addLearnedClaims(tokens: Token[], quotes: QuoteRegion[], first: number, last: number, density: number,
  learnable: readonly number[], from: number, to: number, out: RawClaim[]): void {
  let context: SentenceContext | null = null;
  const found: RawClaim[] = [];
  let next = 0; // the first rule claim whose cue does not end before token i
  let done = first; // tokens before `done` belong to a learned claim already
  let scanned = first; // clause breaks are known up to here (after the last rule cue)
  let lastBreak = -1;
  for (let c = from; c < to; c++) {
    const i = learnable[c];
    if (i < done || NAMING.has(tokens[i].lower)) continue;
    while (next < out.length && out[next].cue.last <= i) next++;
    if (next < out.length && out[next].cue.first <= i) continue;
    const previous = next > 0 ? out[next - 1] : null;
    // Inside what the claim before reports, a cue would be dropped as nested (`nesting.ts`): not worth scoring.
    if (previous) {
      if (scanned < previous.cue.last) scanned = previous.cue.last;
      for (; scanned < i; scanned++) if (isClauseBreak(tokens[scanned])) lastBreak = scanned;
      if (withinContent(previous, i, lastBreak)) continue;
    }
    context ??= { first, last, hasQuote: hasQuote(tokens, first, last), hasClaim: out.length > 0, density };
    if (!isLearnedCue(tokens, i, context)) continue;
    const cue: Cue = { first: i, last: i + 1, form: 'verb', strength: 'strong' };
    const floor = previous ? previous.cue.last : first;
    const claim = buildClaim(tokens, quotes, cue, first, last, floor, previous) ?? plainClaim(tokens, cue, floor, last);
    if (!claim) continue;
    claim.learned = true;
    found.push(claim);
    done = claim.cue.last;
  }
  if (found.length === 0) return;
  out.push(...found);
  out.sort((a, b) => a.cue.first - b.cue.first);
}

/**
 * A learned cue the rules cannot place: the speaker-like phrase before it (if any) as the source, the rest of
 * the sentence as the content. PolNeAR marks agentless cues too (`appeared to`), so a missing source is kept.
 */
function plainClaim(tokens: Token[], cue: Cue, floor: number, last: number): RawClaim | null {
  const source = sourceBefore(tokens, floor, cue.first);
  const content = trimRange(tokens, { first: cue.last, last });
  if (!content) return null;
  return { cue, source: source && looksLikeSpeaker(tokens, source) ? source : null, content, form: cue.form, sharedSource: false };
}
