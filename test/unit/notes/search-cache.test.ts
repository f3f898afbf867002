import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesDatabase } from '@/utils/notes/database';
import { VERDICTS, type Note } from '@/utils/notes/note';
import { searchNotes, type NoteQuery } from '@/utils/notes/search';
import { NotesSearchCache } from '@/utils/notes/search-cache';
import { freshName, note, testId } from './fixtures';
import { rng } from '../../random';

let db: NotesDatabase;
let cache: NotesSearchCache;
beforeEach(async () => {
  db = new NotesDatabase(freshName());
  await db.open();
});
afterEach(async () => {
  cache?.close();
  await db.delete();
});

const WORDS = ['officials', 'office', 'ministry', 'café', 'Pentagon', 'said', 'rain', 'budget', 'denied', 'report'];

function randomNotes(count: number, random: () => number): Note[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const text = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(WORDS)).join(' ');
  return Array.from({ length: count }, (_, i) =>
    note({
      id: testId(i + 1),
      // Repeated times: ties are ordered by id, as the database orders them.
      createdAt: 1000 + Math.floor(random() * 40),
      comment: text(),
      title: text(),
      verdict: pick(VERDICTS),
      tags: random() < 0.5 ? [pick(['anonymous', 'follow-up', 'weather'])] : [],
      site: pick(['a.example', 'b.example', 'c.example']),
      claimKind: random() < 0.5 ? pick(['named', 'anonymous', 'vague'] as const) : null,
    }),
  );
}

async function loaded(): Promise<NotesSearchCache> {
  cache = new NotesSearchCache(db);
  cache.warm();
  await vi.waitFor(() => expect(cache.ready).toBe(true));
  return cache;
}

describe('the notes search cache', () => {
  it('answers every query exactly as the database does', async () => {
    const random = rng(42);
    await db.notes.bulkAdd(randomNotes(400, random));
    await loaded();
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let i = 0; i < 200; i++) {
      const query: NoteQuery = {};
      if (random() < 0.7) query.text = `${pick(WORDS).slice(0, 3 + Math.floor(random() * 4))}${random() < 0.3 ? ` ${pick(WORDS)}` : ''}`;
      if (random() < 0.3) query.verdict = pick(VERDICTS);
      if (random() < 0.3) query.site = pick(['a.example', 'b.example', 'nowhere.example']);
      if (random() < 0.2) query.tag = pick(['anonymous', 'weather']);
      if (random() < 0.2) query.kind = pick(['named', 'vague'] as const);
      if (random() < 0.8) query.limit = pick([0, 1, 5, 51]);
      expect(cache.search(query), JSON.stringify(query)).toEqual(await searchNotes(db, query));
    }
  });

  it('gives notes without the index fields', async () => {
    await db.notes.add(note({ id: testId(1), comment: 'officials said' }));
    await loaded();
    const [found] = cache.search({ text: 'offic' })!;
    expect(found).toEqual(await db.notes.get(testId(1)));
    expect(found).not.toHaveProperty('words');
    expect(found).not.toHaveProperty('tagDates');
  });

  it('answers nothing until asked to load, then follows every change to the notes', async () => {
    await db.notes.add(note({ id: testId(1), comment: 'first', createdAt: 1 }));
    cache = new NotesSearchCache(db);
    const changes = vi.fn();
    cache.subscribe(changes);
    expect(cache.search({})).toBeNull();
    cache.warm();
    await vi.waitFor(() => expect(cache.search({})).toHaveLength(1));

    await db.notes.add(note({ id: testId(2), comment: 'second', createdAt: 2 }));
    // Dropped at once (the caller asks the database meanwhile), then loaded again.
    await vi.waitFor(() => expect(cache.search({})?.map((n) => n.comment)).toEqual(['second', 'first']));
    await db.notes.update(testId(1), { comment: 'first, edited' });
    await vi.waitFor(() => expect(cache.search({ text: 'edited' })).toHaveLength(1));
    await db.notes.delete(testId(2));
    await vi.waitFor(() => expect(cache.search({})?.map((n) => n.id)).toEqual([testId(1)]));
    expect(changes.mock.calls.length).toBeGreaterThanOrEqual(4);
  });

  it('stays off when there are more notes than it may keep', async () => {
    await db.notes.bulkAdd(randomNotes(30, rng(1)));
    cache = new NotesSearchCache(db, 20);
    cache.warm();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cache.ready).toBe(false);
    expect(cache.search({ text: 'said' })).toBeNull();
  });

  it('stays off, without throwing, when the database is closed', async () => {
    await db.notes.add(note({ id: testId(1) }));
    db.close();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cache = new NotesSearchCache(db);
    cache.warm();
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(cache.search({})).toBeNull();
    warn.mockRestore();
    await db.open();
  });
});
