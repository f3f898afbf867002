import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesDatabase } from '@/utils/notes/database';
import { addNote, deleteNote, updateNote } from '@/utils/notes/notes-store';
import { describeStorageError } from '@/utils/notes/storage-error';
import { draft } from './draft';
import { freshName } from './fixtures';

let db: NotesDatabase;
beforeEach(() => {
  db = new NotesDatabase(freshName());
});
afterEach(() => db.delete());

const quotaExceeded = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

describe('storage failures become sentences a reader can act on, and write nothing', () => {
  it('a full disk when adding', async () => {
    db.notes.hook('creating', quotaExceeded);
    const error = await addNote(db, draft()).catch((e: unknown) => e);
    expect(describeStorageError(error)).toMatch(/no space left.*nothing was saved/i);
    db.notes.hook('creating').unsubscribe(quotaExceeded);
    expect(await db.notes.count()).toBe(0);
  });

  it('a full disk when editing leaves the note as it was', async () => {
    const saved = await addNote(db, draft(), 1000);
    db.notes.hook('updating', quotaExceeded);
    const error = await updateNote(db, saved.id, { comment: 'new', verdict: 'supported' }).catch((e: unknown) => e);
    db.notes.hook('updating').unsubscribe(quotaExceeded);
    expect(describeStorageError(error)).toMatch(/no space left/);
    expect(await db.notes.get(saved.id)).toEqual(saved);
  });

  it('a failed delete keeps the note', async () => {
    const saved = await addNote(db, draft(), 1000);
    const refuse = () => {
      throw new DOMException('refused', 'UnknownError');
    };
    db.notes.hook('deleting', refuse);
    const error = await deleteNote(db, saved.id).catch((e: unknown) => e);
    db.notes.hook('deleting').unsubscribe(refuse);
    expect(describeStorageError(error)).toMatch(/could not store.*refused/);
    expect(await db.notes.get(saved.id)).toEqual(saved);
  });

  it('a closed database', async () => {
    db.close();
    const error = await addNote(db, draft()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Dexie.DatabaseClosedError);
    expect(describeStorageError(error)).toMatch(/closed while saving/);
  });

  it('a version or blocked upgrade asks to close other tabs', () => {
    expect(describeStorageError(new Dexie.VersionError('x'))).toMatch(/Close other Sourcelight tabs/);
    expect(describeStorageError(new DOMException('x', 'VersionError'))).toMatch(/Close other Sourcelight tabs/);
    expect(describeStorageError(Object.assign(new Error('x'), { name: 'UpgradeBlockedError' }))).toMatch(/Close other Sourcelight tabs/);
  });

  it('storage refused, and anything else', () => {
    expect(describeStorageError(new Dexie.MissingAPIError('x'))).toMatch(/cannot open its notes store/);
    expect(describeStorageError(new Error('boom'))).toBe('Sourcelight could not store the note (boom). Nothing was saved.');
    expect(describeStorageError('weird')).toMatch(/\(weird\)/);
  });
});
