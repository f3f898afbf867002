import type { Note } from './note';

/** Longest word kept in the search index; longer runs (URLs, hashes) are cut to this. */
export const MAX_WORD_LENGTH = 32;

const WORD = /[\p{L}\p{N}]+/gu;
const MARK = /\p{M}/gu;
/** Scripts written without spaces between words: each character is indexed as a word of its own. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/**
 * The lower-cased, accent-folded word tokens of a text, in order, without repeats.
 * Search uses the same function for the query, so "Café" finds "cafe" and "CAFÉS".
 * Chinese and Japanese characters are single-character words, so "東京" finds notes with both.
 */
export function wordsOf(text: string): string[] {
  const folded = text.normalize('NFKD').replace(MARK, '').toLowerCase();
  const words = new Set<string>();
  for (const [match] of folded.matchAll(WORD)) {
    if (UNSPACED.test(match)) for (const [part] of match.matchAll(UNSPACED_RUN)) words.add(part.slice(0, MAX_WORD_LENGTH));
    else words.add(match.slice(0, MAX_WORD_LENGTH));
  }
  return [...words];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * What a note can be found by: its comment, passage, page title, tags and the claim's source.
 * Tolerates malformed records (an old or damaged note must never make an upgrade fail).
 */
export function noteWords(note: Pick<Note, 'comment' | 'quote' | 'title' | 'tags' | 'claimSource'>): string[] {
  const tags = Array.isArray(note.tags) ? note.tags.map(text) : [];
  return wordsOf([text(note.comment), text(note.quote?.exact), text(note.title), ...tags, text(note.claimSource)].join(' '));
}
