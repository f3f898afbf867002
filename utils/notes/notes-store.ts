import type { NotesDatabase } from './database';
import type { Note, NoteDraft, Verdict } from './note';
import { normalizePageUrl, siteOf } from './page-url';
import { validateChanges, validateNote } from './validate';

export class InvalidNoteError extends Error {
  override name = 'InvalidNoteError';
}

/** Tags as the reader meant them: trimmed, no empty ones, no repeats, in their order. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

/**
 * Stores a new note from a validated draft. The id, site and times are decided here,
 * never taken from the page.
 */
export async function addNote(db: NotesDatabase, draft: NoteDraft, now = Date.now()): Promise<Note> {
  const url = normalizePageUrl(draft.url);
  if (!url) throw new InvalidNoteError('A note needs the http(s) address of its page.');
  if (!draft.quote.exact.trim() && !draft.comment.trim()) {
    throw new InvalidNoteError('A note needs a passage or a comment.');
  }
  const note: Note = {
    ...draft,
    url,
    tags: cleanTags(draft.tags),
    id: crypto.randomUUID(),
    site: siteOf(url),
    createdAt: now,
    updatedAt: now,
  };
  await db.notes.add(note);
  return note;
}

/** The notes of one page, oldest first. */
export async function notesForPage(db: NotesDatabase, pageUrl: string): Promise<Note[]> {
  const url = normalizePageUrl(pageUrl);
  if (!url) return [];
  return db.notes.where('url').equals(url).sortBy('createdAt');
}

export type NoteChanges = Partial<{ comment: string; verdict: Verdict; tags: string[] }>;

/**
 * Changes what the reader may change on a note (comment, verdict, tags) and stamps `updatedAt`.
 * Returns the updated note, or undefined when there is no such note (it was deleted meanwhile).
 * Throws InvalidNoteError, writing nothing, when a change is invalid or would leave the note empty.
 */
export async function updateNote(
  db: NotesDatabase,
  id: string,
  changes: NoteChanges,
  now = Date.now(),
): Promise<Note | undefined> {
  const picked: NoteChanges = {};
  if (changes.comment !== undefined) picked.comment = changes.comment;
  if (changes.verdict !== undefined) picked.verdict = changes.verdict;
  if (changes.tags !== undefined) picked.tags = Array.isArray(changes.tags) ? cleanTags(changes.tags) : changes.tags;
  const problem = validateChanges(picked);
  if (problem) throw new InvalidNoteError(`Cannot change the note: ${problem}.`);
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) return undefined;
    const updated: Note = { ...note, ...picked, updatedAt: now };
    if (!updated.quote.exact.trim() && !updated.comment.trim()) {
      throw new InvalidNoteError('A note needs a passage or a comment.');
    }
    await db.notes.put(updated);
    return updated;
  });
}

/** Deletes a note and returns it as it was, so the reader can undo; undefined if there was none. */
export async function deleteNote(db: NotesDatabase, id: string): Promise<Note | undefined> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (note) await db.notes.delete(id);
    return note;
  });
}

/**
 * Undo of a delete: puts the note back exactly as it was (same id and times).
 * Returns false, changing nothing, when a note with that id exists again (never overwrites).
 */
export async function restoreNote(db: NotesDatabase, note: Note): Promise<boolean> {
  const problem = validateNote(note);
  if (problem) throw new InvalidNoteError(`Cannot restore the note: ${problem}.`);
  return db.transaction('rw', db.notes, async () => {
    if (await db.notes.get(note.id)) return false;
    await db.notes.add(structuredClone(note));
    return true;
  });
}

/** All notes, newest first, a page at a time. */
export async function listNotes(db: NotesDatabase, { limit = 50, offset = 0 }: { limit?: number; offset?: number } = {}): Promise<Note[]> {
  return db.notes.orderBy('createdAt').reverse().offset(offset).limit(limit).toArray();
}

/** Every site that has notes, sorted. */
export async function distinctSites(db: NotesDatabase): Promise<string[]> {
  return (await db.notes.orderBy('site').uniqueKeys()) as string[];
}

/** Every tag in use, sorted. */
export async function distinctTags(db: NotesDatabase): Promise<string[]> {
  return (await db.notes.orderBy('tags').uniqueKeys()) as string[];
}
