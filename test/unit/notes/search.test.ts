import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesDatabase } from '@/utils/notes/database';
import type { Note } from '@/utils/notes/note';
import { searchNotes } from '@/utils/notes/search';
import { wordsOf } from '@/utils/notes/words';
import { freshName, note } from './fixtures';

let db: NotesDatabase;
beforeEach(() => {
  db = new NotesDatabase(freshName());
});
afterEach(() => db.delete());

const times = (notes: Note[]) => notes.map((n) => n.createdAt);

describe('words', () => {
  it('lower-cases, folds accents, splits on anything but letters and digits, keeps each word once', () => {
    expect(wordsOf('Officials said: “Café” — CAFÉ, co-op 2024!')).toEqual(['officials', 'said', 'cafe', 'co', 'op', '2024']);
    expect(wordsOf('Москва заявила')).toEqual(['москва', 'заявила']);
    expect(wordsOf('')).toEqual([]);
    expect(wordsOf('x'.repeat(100))).toEqual(['x'.repeat(32)]);
    expect(wordsOf('東京都の知事 said')).toEqual(['東', '京', '都', 'の', '知', '事', 'said']);
  });
});

describe('searching notes', () => {
  beforeEach(async () => {
    await db.notes.bulkAdd([
      note({ createdAt: 1, comment: 'Pentagon officials declined', verdict: 'disputed', tags: ['defense'], claimKind: 'anonymous' }),
      note({ createdAt: 2, comment: 'Officially confirmed by the ministry', verdict: 'supported', tags: ['defense', 'follow-up'], quote: { type: 'TextQuoteSelector', exact: 'the ministry confirmed', prefix: '', suffix: '' }, site: 'b.example', url: 'https://b.example/x' }),
      note({ createdAt: 3, comment: 'Nothing to see', title: 'Weather report', quote: { type: 'TextQuoteSelector', exact: 'rain expected', prefix: '', suffix: '' }, verdict: 'unverified', tags: [], claimSource: 'Pentagon spokesman', claimKind: 'named' }),
      note({ createdAt: 4, comment: '', quote: { type: 'TextQuoteSelector', exact: 'A senior official said', prefix: '', suffix: '' }, tags: ['follow-up'], site: 'b.example', url: 'https://b.example/y' }),
    ]);
  });

  it('matches word prefixes from comment, quote, title, tags and claim source, newest first', async () => {
    expect(times(await searchNotes(db, { text: 'offic' }))).toEqual([4, 2, 1]);
    expect(times(await searchNotes(db, { text: 'OFFICIALS' }))).toEqual([1]);
    expect(times(await searchNotes(db, { text: 'weath' }))).toEqual([3]);
    expect(times(await searchNotes(db, { text: 'follow' }))).toEqual([4, 2]);
    expect(times(await searchNotes(db, { text: 'spokes' }))).toEqual([3]);
    expect(times(await searchNotes(db, { text: 'icials' }))).toEqual([]);
  });

  it('ANDs the words and the filters', async () => {
    expect(times(await searchNotes(db, { text: 'pentagon offic' }))).toEqual([1]);
    expect(times(await searchNotes(db, { text: 'offic  ministry' }))).toEqual([2]);
    expect(times(await searchNotes(db, { text: 'offic', site: 'b.example' }))).toEqual([4, 2]);
    expect(times(await searchNotes(db, { text: 'offic', verdict: 'disputed' }))).toEqual([1]);
    expect(times(await searchNotes(db, { tag: 'defense' }))).toEqual([2, 1]);
    expect(times(await searchNotes(db, { tag: 'defense', verdict: 'supported' }))).toEqual([2]);
    expect(times(await searchNotes(db, { kind: 'named' }))).toEqual([3]);
    expect(times(await searchNotes(db, { kind: 'anonymous', text: 'pentagon' }))).toEqual([1]);
    expect(times(await searchNotes(db, { verdict: 'needs source' }))).toEqual([4]);
    expect(times(await searchNotes(db, { site: 'example.com' }))).toEqual([3, 1]);
    expect(times(await searchNotes(db, { site: 'nowhere.example' }))).toEqual([]);
    expect(times(await searchNotes(db, { text: 'offic', tag: 'none' }))).toEqual([]);
  });

  it('lists a note once even when several of its words match', async () => {
    await db.notes.add(note({ createdAt: 5, comment: 'official officials officially office' }));
    expect(times(await searchNotes(db, { text: 'offic' }))).toEqual([5, 4, 2, 1]);
    expect(times(await searchNotes(db, { text: 'offic', limit: 3 }))).toEqual([5, 4, 2]);
  });

  it('treats punctuation-only text as no text, and limits', async () => {
    expect(times(await searchNotes(db, { text: ' !? ' }))).toEqual([4, 3, 2, 1]);
    expect(times(await searchNotes(db))).toEqual([4, 3, 2, 1]);
    expect(times(await searchNotes(db, { limit: 2 }))).toEqual([4, 3]);
    expect(times(await searchNotes(db, { text: 'offic', limit: 2 }))).toEqual([4, 2]);
    expect(times(await searchNotes(db, { site: 'b.example', limit: 1 }))).toEqual([4]);
    expect(await searchNotes(db, { limit: 0 })).toEqual([]);
  });
});

describe('searching many notes', () => {
  it('uses indexes: both candidate strategies agree with a full scan at 3,000 notes', async () => {
    const many: Note[] = [];
    for (let i = 0; i < 3000; i++) {
      many.push(note({
        createdAt: 10_000 + i,
        comment: `note ${i} ${i % 3 === 0 ? 'common' : 'plain'} ${i % 500 === 0 ? 'rare' : ''}`,
        verdict: i % 2 ? 'supported' : 'disputed',
        tags: [`t${i % 7}`, ...(i % 100 === 0 ? ['seldom'] : [])],
        claimKind: i % 5 ? null : 'vague',
        site: `s${i % 3}.example`,
      }));
    }
    await db.notes.bulkAdd(many);
    const scan = (pred: (n: Note) => boolean, limit: number) =>
      many.filter(pred).sort((a, b) => b.createdAt - a.createdAt).slice(0, limit).map((n) => n.createdAt);
    const started = performance.now();
    // Dense match: walks the date index. Sparse match: reads the few candidates.
    expect(times(await searchNotes(db, { text: 'common', verdict: 'disputed', limit: 20 }))).toEqual(
      scan((n) => n.comment.includes('common') && n.verdict === 'disputed', 20),
    );
    expect(times(await searchNotes(db, { text: 'rare', limit: 20 }))).toEqual(scan((n) => n.comment.includes('rare'), 20));
    expect(times(await searchNotes(db, { text: 'note common', limit: 50 }))).toEqual(scan((n) => n.comment.includes('common'), 50));
    for (const query of [
      { tag: 't3', limit: 10 },
      { tag: 'seldom', limit: 10 },
      { tag: 't3', verdict: 'supported' as const, limit: 10 },
      { tag: 't3', text: 'rare', limit: 10 },
      { kind: 'vague' as const, site: 's1.example', limit: 10 },
      { kind: 'vague' as const, text: 'common', tag: 't2' },
    ]) {
      const expected = scan((n) =>
        n.tags.includes(query.tag ?? n.tags[0]!) &&
        (!('verdict' in query) || n.verdict === query.verdict) &&
        (!('kind' in query) || n.claimKind === query.kind) &&
        (!('site' in query) || n.site === query.site) &&
        (!('text' in query) || n.comment.includes(query.text!)), query.limit ?? Infinity);
      expect(times(await searchNotes(db, query))).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
