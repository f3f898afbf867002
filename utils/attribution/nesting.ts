/**
 * Nested cues: a cue inside what another cue reports (`X said Y told Z that ...`). PolNeAR gives each word
 * one role only, so it leaves such cues unmarked; the guide keeps a named speaker's own speech act.
 */
import type { RawClaim } from './claims';
import { CUE_PREFIX, CUE_VERBS } from './lexicon';
import type { Range } from './sources';
import type { Token } from './tokens';

/** Words that open a new clause inside a content: a cue after them can be an attribution of its own. */
const CLAUSE_BREAKS = new Set([',', ';', '\u2014', 'and', 'but', 'while', 'where', 'when', 'after', 'before', 'because', 'as',
  'although', 'though', 'whereas', 'since', 'who', 'which']);
const RELATIVE_SUBJECTS = new Set(['that', 'which', 'who']);
/** Words between two cues beyond which they are taken as separate clauses (keeps the check linear). */
const MAX_NESTING_GAP = 40;

/**
 * Drops from a sentence's claims (in cue order) each claim whose cue, with its source, sits inside the
 * forward content of an earlier claim with no clause break between (`he says he wants ...`). After a break
 * (`X said A, and Y said B`) both stay.
 */
export function dropNested(tokens: Token[], out: RawClaim[]): void {
  let host: RawClaim | null = null;
  let kept = 0;
  for (const c of out) {
    const start = c.source && c.source.first < c.cue.first ? c.source.first : c.cue.first;
    if (host?.content && c.cue.last <= host.content.last && withinContent(host, start, lastBreakBefore(tokens, start, host.cue.last)) &&
      !ownClause(tokens, host, c)) continue;
    out[kept++] = c;
    // A learned cue is not sure enough to silence another.
    if (c.content && !c.learned && (!host?.content || c.content.last > host.content.last)) host = c;
  }
  out.length = kept;
}

/**
 * Does token `start` lie in the forward content of `host`, in the same clause as its cue? `lastBreak` is the
 * last clause break before `start` (-1 if none); cues far apart (more than MAX_NESTING_GAP words) count as
 * separate clauses.
 */
export function withinContent(host: RawClaim, start: number, lastBreak: number): boolean {
  return host.content !== null && host.content.first >= host.cue.last && host.content.first <= start &&
    start < host.content.last && start - host.cue.last <= MAX_NESTING_GAP && lastBreak < host.cue.last;
}

export function isClauseBreak(t: Token): boolean {
  return CLAUSE_BREAKS.has(t.lower);
}

/** The last clause break in tokens [floor, start), looking back at most MAX_NESTING_GAP words, or -1. */
function lastBreakBefore(tokens: Token[], start: number, floor: number): number {
  for (let k = start - 1; k >= floor && k >= start - MAX_NESTING_GAP; k--) if (isClauseBreak(tokens[k])) return k;
  return -1;
}

/**
 * Does the nested claim stand on its own? A relative `that` opens a clause (`an article ... that claimed`),
 * `that` after the cue reports a finding of its own (`say the U.S. has determined that ...`), a named
 * speaker's speech act is reported as such (`South Africa said Mugabe had told Zuma ...`), and an agentless
 * cue is no one's words (`attacked a country seen as ...`) unless a speech verb reports it.
 */
function ownClause(tokens: Token[], host: RawClaim, c: RawClaim): boolean {
  if (c.source && c.source.last - c.source.first === 1 && RELATIVE_SUBJECTS.has(tokens[c.source.first].lower)) return true;
  if (tokens[c.cue.last]?.lower === 'that') return true;
  if (c.source && tokens[c.source.first].cap && isSpeechCue(tokens, c.cue)) return true;
  return c.form === 'agentless' && !isSpeechCue(tokens, host.cue);
}

/** Is the verb of the cue (after its auxiliaries) a strong speech or belief verb? */
function isSpeechCue(tokens: Token[], cue: Range): boolean {
  let k = cue.first;
  while (k + 1 < cue.last && CUE_PREFIX.has(tokens[k].lower)) k++;
  return CUE_VERBS.get(tokens[k].lower)?.strength === 'strong';
}
