import { parseBackgroundRequest, type BackgroundRequest, type PageSummary, type Result } from './messaging';
import type { NotesDatabase } from './notes/database';
import { addNote, deleteNote, InvalidNoteError, notesForPage, updateNote } from './notes/notes-store';
import { siteOf } from './notes/page-url';
import { describeStorageError } from './notes/storage-error';

/** Who sent a message, as the browser reports it (a subset of runtime.MessageSender). */
export interface RequestSender {
  id?: string;
  /** The sending frame's address (a content script's page). */
  url?: string;
  tab?: { id?: number };
}

export interface BackgroundContext {
  extensionId: string;
  database: () => NotesDatabase;
  /** Called when a tab's content script reports what it marked. */
  onPageSummary: (tabId: number, summary: PageSummary) => void;
}

/**
 * Answers one message for the background. Messages from anywhere but this extension
 * (its content scripts and pages) are refused, and every message is validated first.
 */
export async function handleBackgroundRequest(
  context: BackgroundContext,
  message: unknown,
  sender: RequestSender,
): Promise<Result<unknown>> {
  if (sender.id !== context.extensionId) return { ok: false, error: 'refused: not from this extension' };
  const parsed = parseBackgroundRequest(message);
  if (!parsed.ok) return parsed;
  return answer(context, parsed.value, sender);
}

async function answer(context: BackgroundContext, request: BackgroundRequest, sender: RequestSender): Promise<Result<unknown>> {
  switch (request.type) {
    case 'notes/save':
      try {
        return { ok: true, value: await addNote(context.database(), request.draft) };
      } catch (error) {
        return { ok: false, error: error instanceof InvalidNoteError ? error.message : describeStorageError(error) };
      }
    case 'notes/update':
    case 'notes/delete':
      try {
        const db = context.database();
        const refusal = await refuseForeignNote(db, request.id, sender);
        if (refusal) return { ok: false, error: refusal };
        const note =
          request.type === 'notes/update' ? await updateNote(db, request.id, request.changes) : await deleteNote(db, request.id);
        return note ? { ok: true, value: note } : { ok: false, error: 'This note no longer exists.' };
      } catch (error) {
        return { ok: false, error: error instanceof InvalidNoteError ? error.message : describeStorageError(error) };
      }
    case 'notes/list':
      try {
        return { ok: true, value: await notesForPage(context.database(), request.url) };
      } catch (error) {
        return { ok: false, error: describeStorageError(error) };
      }
    case 'page/summary': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'page summaries come from tabs only' };
      context.onPageSummary(tabId, request.summary);
      return { ok: true, value: null };
    }
  }
}

/**
 * A page may change only notes of its own site: a content script learns note ids from the
 * notes of its page, and a forged id must not reach a note taken elsewhere.
 */
async function refuseForeignNote(db: NotesDatabase, id: string, sender: RequestSender): Promise<string | null> {
  const note = await db.notes.get(id);
  if (!note) return 'This note no longer exists.';
  if (!sender.tab) return null; // the extension's own pages may change any note
  return sender.url && siteOf(sender.url) === note.site ? null : 'refused: the note belongs to another site';
}
