import { annotate, type Claim } from '../../../utils/attribution/index';
import { markQuotes } from '../../../utils/attribution/quotes';
import { splitSentences } from '../../../utils/attribution/sentences';
import { tokenize } from '../../../utils/attribution/tokens';

/** The sentences of `text` as strings. */
export function sentenceTexts(text: string): string[] {
  const tokens = tokenize(text);
  const quotes = markQuotes(tokens);
  return splitSentences(tokens, quotes).map((s) => text.slice(tokens[s.first].start, tokens[s.last - 1].end));
}

/** The claim whose cue contains `cue` (first one), or undefined. */
export function claimWithCue(claims: Claim[], cue: string): Claim | undefined {
  return claims.find((c) => c.cue.text.includes(cue) || cue.includes(c.cue.text));
}

/** Annotates and returns the one claim for `cue`, failing clearly when absent. */
export function only(text: string, cue: string): Claim {
  const claims = annotate(text);
  const c = claimWithCue(claims, cue);
  if (!c) throw new Error(`no claim with cue "${cue}" in: ${text}\nfound: ${claims.map((x) => x.cue.text).join(', ')}`);
  return c;
}

/** Checks the span invariants every result must keep. */
export function checkInvariants(text: string, claims: Claim[]): void {
  let prev = -1;
  for (const c of claims) {
    for (const span of [c.sentence, c.cue, c.source, c.content, c.marker]) {
      if (!span) continue;
      if (!(span.start >= 0 && span.start <= span.end && span.end <= text.length)) throw new Error(`span out of range: ${JSON.stringify(span)}`);
      if (text.slice(span.start, span.end) !== span.text) throw new Error(`span text mismatch at ${span.start}`);
    }
    if (c.cue.start < prev) throw new Error('claims not in text order');
    prev = c.cue.start;
  }
}
