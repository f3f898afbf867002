import { parseBackgroundRequest, type BackgroundRequest, type PageSummary, type Result } from './messaging';
import type { NotesDatabase } from './notes/database';
import { addNote, InvalidNoteError, notesForPage } from './notes/notes-store';
import { describeStorageError } from './notes/storage-error';

/** Who sent a message, as the browser reports it (a subset of runtime.MessageSender). */
export interface RequestSender {
  id?: string;
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
