import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesDatabase } from '@/utils/notes/database';
import {
  addNote,
  deleteNote,
  distinctSites,
  distinctTags,
  InvalidNoteError,
  listNotes,
  restoreNote,
  updateNote,
} from '@/utils/notes/notes-store';
import { searchNotes } from '@/utils/notes/search';
import { draft } from './draft';
import { freshName, note } from './fixtures';

let db: NotesDatabase;
beforeEach(() => {
  db = new NotesDatabase(freshName());
});
afterEach(() => db.delete());

describe('changing notes', () => {
  it('updates comment, verdict and tags, stamps updatedAt, and keeps search in step', async () => {
    const saved = await addNote(db, draft(), 1000);
    const updated = await updateNote(db, saved.id, { comment: 'Named later: the ministry', verdict: 'supported', tags: [' x ', 'y', 'x', ''] }, 2000);
    expect(updated).toEqual({ ...saved, comment: 'Named later: the ministry', verdict: 'supported', tags: ['x', 'y'], updatedAt: 2000 });
    expect(await db.notes.get(saved.id)).toEqual(updated);
    expect(await searchNotes(db, { text: 'ministry' })).toEqual([updated]);
    expect(await searchNotes(db, { text: 'who' })).toEqual([]);
    expect(await searchNotes(db, { tag: 'anonymous' })).toEqual([]);
    expect(await searchNotes(db, { tag: 'anonymous', limit: 5 })).toEqual([]);
    expect(await searchNotes(db, { tag: 'y', limit: 5 })).toEqual([updated]);
  });

  it('ignores fields a reader may not change, refuses bad changes and writes nothing', async () => {
    const saved = await addNote(db, draft(), 1000);
    const sneaky = { comment: 'ok', id: 'forged', url: 'https://evil.example/' } as never;
    expect(await updateNote(db, saved.id, sneaky, 2000)).toEqual({ ...saved, comment: 'ok', updatedAt: 2000 });
    await expect(updateNote(db, saved.id, { verdict: 'true' as never })).rejects.toThrow(InvalidNoteError);
    await expect(updateNote(db, saved.id, { comment: 'x'.repeat(20_001) })).rejects.toThrow(/longer than 20000/);
    await expect(updateNote(db, saved.id, { tags: ['t'.repeat(101)] })).rejects.toThrow(InvalidNoteError);
    const passageless = await addNote(db, draft({ quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } }));
    await expect(updateNote(db, passageless.id, { comment: '  ' })).rejects.toThrow(/passage or a comment/);
    expect(await db.notes.get(passageless.id)).toEqual(passageless);
    expect(await db.notes.get(saved.id)).toEqual({ ...saved, comment: 'ok', updatedAt: 2000 });
  });

  it('returns undefined for a note that is gone', async () => {
    expect(await updateNote(db, 'no-such-id', { comment: 'x' })).toBeUndefined();
    expect(await deleteNote(db, 'no-such-id')).toBeUndefined();
  });

  it('deletes a note and restores it unchanged on undo, never overwriting', async () => {
    const saved = await addNote(db, draft({ position: { type: 'TextPositionSelector', start: 5, end: 19 } }), 1000);
    const deleted = await deleteNote(db, saved.id);
    expect(deleted).toEqual(saved);
    expect(await db.notes.count()).toBe(0);
    expect(await searchNotes(db, { text: 'officials' })).toEqual([]);
    expect(await restoreNote(db, deleted!)).toBe(true);
    expect(await db.notes.get(saved.id)).toEqual(saved);
    expect(await searchNotes(db, { text: 'officials' })).toEqual([saved]);
    await updateNote(db, saved.id, { comment: 'edited after undo' }, 3000);
    expect(await restoreNote(db, deleted!)).toBe(false);
    expect((await db.notes.get(saved.id))?.comment).toBe('edited after undo');
    await expect(restoreNote(db, { ...saved, verdict: 'bogus' as never })).rejects.toThrow(InvalidNoteError);
  });
});

describe('listing notes', () => {
  it('lists newest first, a page at a time, and names the sites and tags in use', async () => {
    const notes = [
      note({ createdAt: 1, site: 'b.example', url: 'https://b.example/', tags: ['z', 'a'] }),
      note({ createdAt: 3, site: 'a.example', url: 'https://a.example/', tags: [] }),
      note({ createdAt: 2, site: 'b.example', url: 'https://b.example/2', tags: ['m'] }),
    ];
    await db.notes.bulkAdd(notes);
    expect((await listNotes(db, { limit: 2 })).map((n) => n.createdAt)).toEqual([3, 2]);
    expect((await listNotes(db, { limit: 2, offset: 2 })).map((n) => n.createdAt)).toEqual([1]);
    expect(await listNotes(db)).toHaveLength(3);
    expect(await distinctSites(db)).toEqual(['a.example', 'b.example']);
    expect(await distinctTags(db)).toEqual(['a', 'm', 'z']);
  });
});
