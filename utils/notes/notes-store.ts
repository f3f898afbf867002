import type { NotesDatabase } from './database';
import type { Note, NoteDraft } from './note';
import { normalizePageUrl, siteOf } from './page-url';

export class InvalidNoteError extends Error {
  override name = 'InvalidNoteError';
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
    tags: [...new Set(draft.tags.map((tag) => tag.trim()).filter(Boolean))],
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
