/**
 * Re-finding a note's passage in the article text after the page may have changed.
 *
 * In order: (1) the stored position still holds the quote and its context agrees; (2) the quote
 * occurs exactly, possibly several times: pick by agreement of the text around it with the stored
 * prefix/suffix, then by closeness to the old position; (3) the quote occurs with a few edits
 * (errorBudget): Myers' bit-parallel search for the quote, or for a long quote its first and last 64
 * characters, near the old position, then where exact 12-character pieces of it now are, then (on
 * pages under 200,000 characters) anywhere; each hit is aligned with the whole quote and scored on
 * edits, context and position. Matching ignores whitespace, quote and dash styles and invisible
 * characters (normalize.ts). A passage not found within the budget is an orphan: null, never a guess.
 * Work is bounded per note (candidates, alignments, scanned text), whatever the page or quote.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../notes/note';
import { alignFrom, alignmentRow, type Alignment } from './align';
import { approximateEnds } from './myers';
import { foldForMatch, foldText, foldedOffset, type FoldedText } from './normalize';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';
/** Where the note's passage now is in the text (UTF-16, end exclusive), how it was found, and how well it fits (0–1). */
export type AnchorResult = { start: number; end: number; method: AnchorMethod; score: number } | null;

export interface AnchorOptions {
  /** Most edits tolerated between the stored quote and the page (default: errorBudget of its length). */
  maxErrors?: number;
}

/** A note as anchorNotes takes it. */
export interface AnchorableNote {
  id: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
}

/** Weights of quote, prefix, suffix and position agreement in a candidate's score (as in Hypothesis). */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;
/** Context agreement (0–1) at which an exact match is trusted without looking for fuzzy ones. */
const TRUSTED_CONTEXT = 0.5;
/** Quotes shorter than this also need context agreement to match fuzzily (short strings match anywhere). */
const SHORT_QUOTE = 32;
/** Fuzzy search runs on pieces this long (at most two 32-bit words per text character). */
const PIECE = 64;
/** Fuzzy search is skipped for quotes longer than this (the alignment costs length × budget). */
const MAX_FUZZY_QUOTE = 2000;
/** Exact occurrences looked at, scored in full, and approximate piece matches followed up, at most. */
const MAX_OCCURRENCES = 10_000;
const MAX_CANDIDATES = 64;
const MAX_PIECE_MATCHES = 8;
/** Fuzzy search looks this far (folded characters) either side of the old position first… */
const LOCAL_REACH = 2000;
/** …and stops there when it finds a match this good (a fifth of the quote edited, context intact). */
const LOCAL_ACCEPT = 0.85;
/** Exact pieces of the quote looked up to find where a moved passage went, and how many places are tried. */
const SEED = 12;
const MAX_SEEDS = 8;
const MAX_SEED_HITS = 100;
const MAX_SEED_WINDOWS = 4;
/** Beyond this many characters, fuzzy search scans only near the old position and the seeds' places. */
const FULL_SCAN_LIMIT = 200_000;
/** Alignment work (DP cells) one note's fuzzy search may do, about 10–30 ms. */
const MAX_CELLS = 4_000_000;
/** Context is compared over at most this many characters each side; a fuzzy match's edges over fewer. */
const MAX_CONTEXT = 64;
const BOUNDARY_CONTEXT = 16;

/**
 * Edits tolerated for a quote of `length` characters: a fifth of it, but beyond 32 edits only a
 * tenth (a long passage with one sentence reworded is still the passage; a short one with a fifth
 * changed is already doubtful). Quotes under 5 characters must match exactly.
 */
export function errorBudget(length: number): number {
  return Math.min(Math.floor(length / 5), Math.max(32, Math.floor(length / 10)));
}

/** The normalized quote and context, and where the passage used to be. */
interface Query {
  exact: string;
  prefix: string;
  suffix: string;
  /** The old start offset in the original text, or null when unknown. */
  expected: number | null;
}

interface Candidate {
  start: number; // original offsets
  end: number;
  score: number;
  context: number; // prefix and suffix agreement, 0–1
}

/** The article text and its folded form. */
interface Page extends FoldedText {
  source: string;
}

let lastPage: Page | null = null;

/** The page, folded; remembered for the last text, since notes are anchored in batches. */
function pageOf(text: string): Page {
  if (lastPage === null || lastPage.source !== text) lastPage = { ...foldText(text), source: text };
  return lastPage;
}

/** Re-anchors one note in the article text, or returns null when its passage is gone (an orphan). */
export function anchorNote(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | null,
  options: AnchorOptions = {},
): AnchorResult {
  const exact = foldForMatch(quote.exact).trim();
  if (exact.length === 0 || text.length === 0) return null;
  const expected = validPosition(text, position);
  const query: Query = {
    exact,
    prefix: foldForMatch(quote.prefix).slice(-MAX_CONTEXT),
    suffix: foldForMatch(quote.suffix).slice(0, MAX_CONTEXT),
    expected: expected?.start ?? null,
  };
  if (expected !== null) {
    const here = atPosition(text, query, expected);
    if (here !== null) return here;
  }
  const page = pageOf(text);
  const best = bestExact(page, query);
  if (best !== null && best.context >= TRUSTED_CONTEXT) return result(best, 'exact');
  // The quote elsewhere with the wrong context may be a repeat of a passage edited in place: compare.
  const fuzzy = bestFuzzy(page, query, options.maxErrors ?? errorBudget(exact.length));
  if (fuzzy !== null && (best === null || fuzzy.score > best.score)) return result(fuzzy, 'fuzzy');
  return best === null ? null : result(best, 'exact');
}

/** Re-anchors many notes in one text: id → result (null for orphans). */
export function anchorNotes(text: string, notes: readonly AnchorableNote[], options: AnchorOptions = {}): Map<string, AnchorResult> {
  const results = new Map<string, AnchorResult>();
  for (const note of notes) results.set(note.id, anchorNote(text, note.quote, note.position, options));
  return results;
}

function result(candidate: Candidate, method: AnchorMethod): AnchorResult {
  return { start: candidate.start, end: candidate.end, method, score: candidate.score };
}

/**
 * The note at its stored position, when the quote is still there and the context around it agrees;
 * checked on the text near the position only, so an unchanged page costs no folding of the whole text.
 */
function atPosition(text: string, query: Query, position: TextPositionSelector): AnchorResult {
  if (foldForMatch(text.slice(position.start, position.end)).trim() !== query.exact) return null;
  const reach = 2 * MAX_CONTEXT;
  const before = foldForMatch(text.slice(Math.max(0, position.start - reach), position.start));
  const after = foldForMatch(text.slice(position.end, position.end + reach));
  const context = (contextAgreement(before, query.prefix, before.length, -1) + contextAgreement(after, query.suffix, 0, 1)) / 2;
  if (context < TRUSTED_CONTEXT) return null;
  const score = (WEIGHT.quote + (WEIGHT.prefix + WEIGHT.suffix) * context + WEIGHT.position) / WEIGHT_TOTAL;
  return { start: position.start, end: position.end, method: 'position', score };
}

/** The stored position when it is a usable span of this text. */
function validPosition(text: string, position: TextPositionSelector | null): TextPositionSelector | null {
  if (position === null || !Number.isInteger(position.start) || !Number.isInteger(position.end)) return null;
  return position.start >= 0 && position.start < position.end && position.end <= text.length ? position : null;
}

/** Best of the exact (folded) occurrences of the quote. */
function bestExact(page: Page, query: Query): Candidate | null {
  const starts = nearestOccurrences(page, query);
  let best: Candidate | null = null;
  for (const start of starts) {
    const candidate = scoreSpan(page, query, start, query.exact.length, 0);
    if (best === null || candidate.score > best.score) best = candidate;
  }
  return best;
}

/**
 * Folded offsets where the quote occurs, at most MAX_CANDIDATES: when it occurs more often (a
 * repeated phrase, adversarial text), those with the longest exact context agreement, then nearest
 * the old position, among the first MAX_OCCURRENCES.
 */
function nearestOccurrences(page: Page, query: Query): number[] {
  const text = page.text;
  const all: number[] = [];
  for (let at = text.indexOf(query.exact); at >= 0 && all.length < MAX_OCCURRENCES; at = text.indexOf(query.exact, at + 1)) {
    all.push(at);
  }
  if (all.length <= MAX_CANDIDATES) return all;
  const expected = query.expected === null ? 0 : foldedOffset(page, query.expected);
  const agreement = (at: number) =>
    sharedSuffix(text, at, query.prefix) + sharedPrefix(text, at + query.exact.length, query.suffix);
  const ranked = all.map((at) => ({ at, agree: agreement(at), distance: Math.abs(at - expected) }));
  ranked.sort((a, b) => b.agree - a.agree || a.distance - b.distance);
  return ranked.slice(0, MAX_CANDIDATES).map((r) => r.at);
}

/** How many characters of `context` end exactly at text offset `at`. */
function sharedSuffix(text: string, at: number, context: string): number {
  let k = 0;
  while (k < context.length && k < at && text.charCodeAt(at - 1 - k) === context.charCodeAt(context.length - 1 - k)) k++;
  return k;
}

/** How many characters of `context` start exactly at text offset `at`. */
function sharedPrefix(text: string, at: number, context: string): number {
  let k = 0;
  while (k < context.length && at + k < text.length && text.charCodeAt(at + k) === context.charCodeAt(k)) k++;
  return k;
}

/**
 * Best approximate occurrence within maxErrors edits: first near the old position (a passage edited
 * in place, the usual case, costs a scan of a few KB), then where exact pieces of the quote now
 * are (a passage moved and edited), then, on pages of ordinary size, anywhere.
 */
function bestFuzzy(page: Page, query: Query, maxErrors: number): Candidate | null {
  const m = query.exact.length;
  if (maxErrors <= 0 || m > MAX_FUZZY_QUOTE) return null;
  const windows: [number, number][] = [];
  if (query.expected !== null) windows.push(windowAround(page, foldedOffset(page, query.expected), m + maxErrors));
  for (const start of seedStarts(page.text, query.exact)) {
    if (!windows.some(([from, to]) => start >= from && start + m <= to)) windows.push(windowAround(page, start, m + maxErrors));
  }
  const search: FuzzySearch = { page, query, maxErrors, alignmentsLeft: alignmentAllowance(m, maxErrors) };
  let best: Candidate | null = null;
  for (const [from, to] of windows) {
    const found = fuzzyIn(search, from, to);
    if (found !== null && (best === null || found.score > best.score)) best = found;
    if (best !== null && best.score >= LOCAL_ACCEPT) return best;
  }
  if (page.text.length > FULL_SCAN_LIMIT) return best;
  const anywhere = fuzzyIn(search, 0, page.text.length);
  return anywhere !== null && (best === null || anywhere.score > best.score) ? anywhere : best;
}

/** One note's fuzzy search: what is sought, and how many more whole-quote alignments it may afford. */
interface FuzzySearch {
  page: Page;
  query: Query;
  maxErrors: number;
  alignmentsLeft: number;
}

/**
 * Whole-quote alignments one note may run: each costs about length × (2 × maxErrors + 1) cells, and
 * a note gets MAX_CELLS of them in all (so a long quote on repetitive text cannot run for seconds),
 * but always a few.
 */
function alignmentAllowance(length: number, maxErrors: number): number {
  return Math.max(4, Math.floor(MAX_CELLS / (length * (2 * maxErrors + 1))));
}

/** Folded text range to search for a passage of `length` expected to start near `at`. */
function windowAround(page: Page, at: number, length: number): [number, number] {
  return [Math.max(0, at - LOCAL_REACH), Math.min(page.text.length, at + length + LOCAL_REACH)];
}

/**
 * Likely starts of the passage, from where (up to MAX_SEEDS) SEED-character pieces of the quote occur exactly: each
 * occurrence votes for the start it implies; the most-voted starts come first. Pieces occurring
 * very often ("of the ") say nothing and are skipped.
 */
function seedStarts(text: string, pattern: string): number[] {
  const votes = new Map<number, { start: number; votes: number }>();
  const pieces = Math.floor(pattern.length / SEED);
  const step = Math.max(1, Math.ceil(pieces / MAX_SEEDS)) * SEED; // every piece of a short quote, some of a long one
  for (let offset = 0; offset + SEED <= pattern.length; offset += step) {
    const seed = pattern.slice(offset, offset + SEED);
    const hits: number[] = [];
    for (let at = text.indexOf(seed); at >= 0 && hits.length <= MAX_SEED_HITS; at = text.indexOf(seed, at + 1)) hits.push(at);
    if (hits.length > MAX_SEED_HITS) continue;
    for (const hit of hits) {
      const bucket = Math.round((hit - offset) / LOCAL_REACH); // nearby implied starts are one place
      const entry = votes.get(bucket) ?? { start: Math.max(0, hit - offset), votes: 0 };
      entry.votes++;
      votes.set(bucket, entry);
    }
  }
  return [...votes.values()].sort((a, b) => b.votes - a.votes).slice(0, MAX_SEED_WINDOWS).map((v) => v.start);
}

/**
 * Best approximate occurrence ending in folded text[from, to). A short quote is searched whole; a
 * long one by its last PIECE characters, and only when that finds nothing good, by its first
 * (the edit may have hit the end).
 */
function fuzzyIn(search: FuzzySearch, from: number, to: number): Candidate | null {
  const { page, query, maxErrors } = search;
  const m = query.exact.length;
  const expectedStart = query.expected === null ? page.text.length / 2 : foldedOffset(page, query.expected);
  const pieceErrors = m <= PIECE ? maxErrors : Math.min(maxErrors, Math.ceil(PIECE / 4));
  const scan = (piece: string, expectedEnd: number) =>
    approximateEnds(page.text, piece, pieceErrors, MAX_PIECE_MATCHES, expectedEnd, from, to);
  // Tail hits: the whole quote aligned backwards from each gives a start.
  const tailStarts = new Set<number>();
  for (const hit of scan(query.exact.slice(-PIECE), expectedStart + m)) {
    if (search.alignmentsLeft-- <= 0) break;
    const aligned = alignWithContext(page.text, query.exact, hit.end, -1, maxErrors, query.prefix);
    if (aligned !== null) tailStarts.add(hit.end - aligned.length);
  }
  const best = bestFrom(search, tailStarts);
  if (m <= PIECE || (best !== null && best.score >= LOCAL_ACCEPT)) return best;
  // Head hits: the head aligned backwards from each gives a start.
  const head = query.exact.slice(0, PIECE);
  const headStarts = new Set<number>();
  for (const hit of scan(head, expectedStart + PIECE)) {
    const aligned = alignWithContext(page.text, head, hit.end, -1, pieceErrors, query.prefix);
    if (aligned !== null && !tailStarts.has(hit.end - aligned.length)) headStarts.add(hit.end - aligned.length);
  }
  const other = bestFrom(search, headStarts);
  return other !== null && (best === null || other.score > best.score) ? other : best;
}

/** Best span starting at one of `starts`: the whole quote aligned forwards from each. */
function bestFrom(search: FuzzySearch, starts: Set<number>): Candidate | null {
  const { page, query, maxErrors } = search;
  let best: Candidate | null = null;
  for (const start of starts) {
    if (search.alignmentsLeft-- <= 0) break;
    const aligned = alignWithContext(page.text, query.exact, start, 1, maxErrors, query.suffix);
    if (aligned === null) continue;
    const candidate = scoreSpan(page, query, start, aligned.length, aligned.errors);
    if (query.exact.length < SHORT_QUOTE && candidate.context < TRUSTED_CONTEXT) continue;
    if (best === null || candidate.score > best.score) best = candidate;
  }
  return best;
}

/**
 * The alignment of `pattern` from `origin` whose far end best fits the context beyond it: edits in
 * the quote plus edits in the context. Without this, words added at a quote's edge would be matched
 * by bending the quote's first or last word onto them ("the class" in "the social class").
 */
function alignWithContext(
  text: string,
  pattern: string,
  origin: number,
  direction: 1 | -1,
  maxErrors: number,
  context: string,
): Alignment | null {
  const row = alignmentRow(text, pattern, origin, direction, maxErrors);
  if (row === null) return null;
  const near = direction > 0 ? context.slice(0, BOUNDARY_CONTEXT) : context.slice(-BOUNDARY_CONTEXT);
  let fewest = maxErrors;
  for (const errors of row) fewest = Math.min(fewest, errors);
  let best: (Alignment & { cost: number }) | null = null;
  for (let length = 0; length < row.length; length++) {
    const errors = row[length];
    if (errors > maxErrors || errors > fewest + near.length) continue; // the context cannot make up for it
    const far = origin + direction * length;
    const contextErrors = near.length === 0 ? 0 : (alignFrom(text, near, far, direction, near.length)?.errors ?? near.length);
    const cost = errors + contextErrors;
    if (best === null || cost < best.cost || (cost === best.cost && Math.abs(length - pattern.length) < Math.abs(best.length - pattern.length))) {
      best = { length, errors, cost };
    }
  }
  return best === null ? null : { length: best.length, errors: best.errors };
}

/** Scores the folded span [start, start+length) with `errors` edits against the query; maps it to original offsets. */
function scoreSpan(page: Page, query: Query, start: number, length: number, errors: number): Candidate {
  const text = page.text;
  const prefix = contextAgreement(text, query.prefix, start, -1);
  const suffix = contextAgreement(text, query.suffix, start + length, 1);
  const span = originalSpan(page, start, length);
  const position = query.expected === null ? 1 : 1 - Math.min(1, Math.abs(span.start - query.expected) / page.source.length);
  const quote = 1 - errors / Math.max(1, query.exact.length);
  const score = (WEIGHT.quote * quote + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix + WEIGHT.position * position) / WEIGHT_TOTAL;
  return { ...span, score, context: (prefix + suffix) / 2 };
}

/**
 * Original offsets of the folded span [start, start+length), without whitespace at its edges and
 * widened off the middle of surrogate pairs (a fuzzy alignment may end between the two halves).
 */
function originalSpan(page: Page, start: number, length: number): { start: number; end: number } {
  let a = start;
  let b = start + length;
  while (a < b && page.text.charCodeAt(a) === 0x20) a++;
  while (b > a && page.text.charCodeAt(b - 1) === 0x20) b--;
  if (a === b) return { start: page.starts[a] ?? page.source.length, end: page.starts[a] ?? page.source.length };
  let from = page.starts[a];
  let to = page.ends[b - 1];
  if (isLowSurrogate(page.source.charCodeAt(from)) && isHighSurrogate(page.source.charCodeAt(from - 1))) from -= 1;
  if (isHighSurrogate(page.source.charCodeAt(to - 1)) && isLowSurrogate(page.source.charCodeAt(to))) to += 1;
  return { start: from, end: to };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** How well `context` (0–1) matches the text on one side of `at`; empty context tells nothing, so 1. */
function contextAgreement(text: string, context: string, at: number, direction: 1 | -1): number {
  if (context.length === 0) return 1;
  const aligned = alignFrom(text, context, at, direction, context.length);
  return aligned === null ? 0 : 1 - aligned.errors / context.length;
}
