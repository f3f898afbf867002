import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { NotesDatabase, openNotesDatabase, SCHEMA, UpgradeBlockedError } from '@/utils/notes/database';
import type { Note } from '@/utils/notes/note';
import { searchNotes } from '@/utils/notes/search';
import { describeStorageError } from '@/utils/notes/storage-error';
import { freshName, note } from './fixtures';

/** Version 1 exactly as it shipped. Frozen: never edit this copy, even if database.ts changes. */
class NotesDatabaseV1 extends Dexie {
  notes!: Dexie.Table<Note, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ notes: 'id, url, site, createdAt, updatedAt, verdict, *tags' });
  }
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('the notes schema', () => {
  it('still declares version 1 exactly as it shipped', () => {
    expect(SCHEMA[1]).toEqual({ notes: 'id, url, site, createdAt, updatedAt, verdict, *tags' });
    const db = new NotesDatabase(freshName());
    expect(db.verno).toBe(2);
  });

  it('upgrades a version 1 database: every note intact and searchable', async () => {
    const name = freshName();
    const old = new NotesDatabaseV1(name);
    const notes = [
      note({ comment: 'Ministry denies the report', tags: ['denial', 'follow up'], createdAt: 3 }),
      note({ quote: { type: 'TextQuoteSelector', exact: 'Crème brûlée sales', prefix: '', suffix: '' }, comment: '', createdAt: 2 }),
      note({ url: 'https://other.example.org/a?id=1', site: 'other.example.org', title: 'Über alles', position: null, claimSource: 'Sony', claimKind: 'named', createdAt: 1 }),
    ];
    await old.notes.bulkAdd(notes.map((n) => structuredClone(n)));
    // A damaged record from some old bug must survive the upgrade too.
    const damaged = { id: 'damaged', url: 'https://x.example/', site: 'x.example', createdAt: 0, updatedAt: 0, verdict: 'unverified', tags: 'not-a-list' };
    await old.notes.add(damaged as never);
    old.close();

    const db = new NotesDatabase(name);
    opened.push(db);
    const after = await db.notes.toArray();
    expect(after.sort((a, b) => b.createdAt - a.createdAt)).toEqual([...notes, damaged]);
    expect(db.verno).toBe(2);

    expect((await searchNotes(db, { text: 'ministry' })).map((n) => n.createdAt)).toEqual([3]);
    expect((await searchNotes(db, { text: 'creme brul' })).map((n) => n.createdAt)).toEqual([2]);
    expect((await searchNotes(db, { text: 'uber' })).map((n) => n.createdAt)).toEqual([1]);
    expect((await searchNotes(db, { text: 'sony' })).map((n) => n.createdAt)).toEqual([1]);
    expect((await searchNotes(db, { text: 'follow' })).map((n) => n.createdAt)).toEqual([3]);
    expect((await searchNotes(db, { site: 'other.example.org' })).map((n) => n.createdAt)).toEqual([1]);
    expect((await searchNotes(db, { tag: 'denial', limit: 10 })).map((n) => n.createdAt)).toEqual([3]);
    expect((await searchNotes(db, { tag: 'anonymous', limit: 10 })).map((n) => n.createdAt)).toEqual([2, 1]);
    expect((await searchNotes(db, { kind: 'named', limit: 10 })).map((n) => n.createdAt)).toEqual([1]);
    expect((await searchNotes(db, { kind: 'named' })).map((n) => n.createdAt)).toEqual([1]);
  });

  it('keeps the derived words out of what it returns, and in step with every write', async () => {
    const db = new NotesDatabase(freshName());
    opened.push(db);
    const n = note({ comment: 'alpha' });
    await db.notes.add(structuredClone(n));
    expect(await db.notes.get(n.id)).toEqual(n);
    expect(await db.notes.where('words').equals('alpha').count()).toBe(1);
    await db.notes.update(n.id, { comment: 'beta' });
    expect(await db.notes.where('words').equals('alpha').count()).toBe(0);
    expect(await db.notes.where('words').equals('beta').count()).toBe(1);
    await db.notes.put({ ...n, comment: 'gamma' });
    expect(await db.notes.where('words').equals('gamma').count()).toBe(1);
    expect(await db.notes.where('words').equals('beta').count()).toBe(0);
    await db.notes.toCollection().modify({ tags: ['delta'] });
    expect(await db.notes.where('words').equals('delta').count()).toBe(1);
    expect(await db.notes.where('words').equals('anonymous').count()).toBe(0);
    expect(await db.notes.where('tagDates').startsWith('delta\u0000').count()).toBe(1);
    expect(await db.notes.where('tagDates').startsWith('anonymous\u0000').count()).toBe(0);
    const keys = Object.keys((await db.notes.toArray())[0]!);
    expect(keys).not.toContain('words');
    expect(keys).not.toContain('tagDates');
  });

  it('reports an upgrade blocked by another tab instead of hanging, then opens once it closes', async () => {
    const name = freshName();
    const old = new NotesDatabaseV1(name);
    await old.notes.add(note({ comment: 'kept through a blocked upgrade' }));
    old.close();
    // Another tab of the old extension: a raw connection that ignores requests to close.
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    other.onversionchange = null;

    const db = new NotesDatabase(name);
    opened.push(db);
    const error = await openNotesDatabase(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpgradeBlockedError);
    expect(describeStorageError(error)).toMatch(/close other Sourcelight tabs/i);

    other.close();
    await db.open();
    expect(await searchNotes(db, { text: 'blocked' })).toHaveLength(1);
    await expect(openNotesDatabase(db)).resolves.toBe(db);
  });
});
