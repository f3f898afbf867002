import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { NotesDatabase } from '@/utils/notes/database';
import type { Note } from '@/utils/notes/note';
import { deleteNote, restoreNote, updateNote } from '@/utils/notes/notes-store';
import type { NoteActions } from './NoteList';

/** How long "Undo" stays offered after a delete. */
export const UNDO_MS = 8_000;

/** The fragment the content script reads to re-anchor a note and scroll to it. */
export const noteLink = (note: Pick<Note, 'url' | 'id'>) => `${note.url}#sourcelight-note=${note.id}`;

export interface UndoState {
  /** The last deleted note while it can still be restored. */
  deleted: Note | null;
  undo: () => Promise<void>;
  dismiss: () => void;
  /** A storage error from delete or undo, as a sentence. */
  error: unknown;
}

/** Open, edit and delete-with-undo for the notes of one database. */
export function useNoteActions(db: () => NotesDatabase, undoMs = UNDO_MS): [NoteActions, UndoState] {
  const [deleted, setDeleted] = useState<Note | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => clearTimer, []);

  const actions = useMemo<NoteActions>(
    () => ({
      open: (note) => void browser.tabs.create({ url: noteLink(note) }),
      update: async (note, changes) => {
        const updated = await updateNote(db(), note.id, changes);
        if (!updated) throw new Error('This note was deleted meanwhile.');
        return updated;
      },
      remove: async (note) => {
        const removed = await deleteNote(db(), note.id);
        if (!removed) return;
        clearTimer();
        setError(null);
        setDeleted(removed);
        timer.current = setTimeout(() => setDeleted(null), undoMs);
      },
    }),
    [],
  );

  const undo = async () => {
    if (!deleted) return;
    clearTimer();
    try {
      await restoreNote(db(), deleted);
      setDeleted(null);
    } catch (failure) {
      setError(failure);
    }
  };

  return [actions, { deleted, undo, dismiss: () => (clearTimer(), setDeleted(null)), error }];
}
