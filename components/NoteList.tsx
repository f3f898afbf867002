import { useState } from 'preact/hooks';
import type { Note, Verdict } from '@/utils/notes/note';
import { VERDICTS } from '@/utils/notes/note';
import type { NoteChanges } from '@/utils/notes/notes-store';
import { describeStorageError } from '@/utils/notes/storage-error';
import { KIND_LABELS } from './kinds';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** What the reader can do with a note; each list item shows a button for each one given. */
export interface NoteActions {
  /** Open the note's page, scrolled to its passage. */
  open?: (note: Note) => void;
  /** Save changes; rejects with a storage or validation error. */
  update?: (note: Note, changes: NoteChanges) => Promise<unknown>;
  /** Delete (the caller offers an undo). */
  remove?: (note: Note) => Promise<unknown>;
}

/** "a, b,  c" → ['a', 'b', 'c']: tags as typed in one field. */
export const parseTags = (text: string): string[] => text.split(',').map((tag) => tag.trim()).filter(Boolean);

function NoteEditForm({ note, onSave, onCancel }: { note: Note; onSave: (changes: NoteChanges) => Promise<void>; onCancel: () => void }) {
  const [comment, setComment] = useState(note.comment);
  const [verdict, setVerdict] = useState<Verdict>(note.verdict);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const prefix = `edit-${note.id}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSave({ comment, verdict, tags: parseTags(tags) });
    } catch (failure) {
      setError(describeStorageError(failure));
      setSaving(false);
    }
  };

  return (
    <form class="note-edit" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && (event.stopPropagation(), onCancel())}>
      <label for={`${prefix}-comment`}>Comment</label>
      <textarea id={`${prefix}-comment`} name="comment" rows={3} value={comment} onInput={(event) => setComment(event.currentTarget.value)} autoFocus />
      <div class="note-edit-row">
        <label>
          Verdict{' '}
          <select name="verdict" value={verdict} onChange={(event) => setVerdict(event.currentTarget.value as Verdict)}>
            {VERDICTS.map((value) => (
              <option value={value}>{value}</option>
            ))}
          </select>
        </label>
        <label class="note-edit-tags">
          Tags{' '}
          <input name="tags" type="text" value={tags} placeholder="comma, separated" onInput={(event) => setTags(event.currentTarget.value)} />
        </label>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="note-actions">
        <button type="submit" class="button primary" disabled={saving}>
          Save
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** One note: passage, comment, verdict, tags, claim, page and time, with the given actions. */
export function NoteItem({ note, showPage = false, actions = {}, timeOnly = false }: { note: Note; showPage?: boolean; actions?: NoteActions; timeOnly?: boolean }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { open, update, remove } = actions;
  const pageLabel = note.title || note.url;

  const save = async (changes: NoteChanges) => {
    await update!(note, changes);
    setEditing(false);
  };
  const doRemove = async () => {
    setError(null);
    try {
      await remove!(note);
    } catch (failure) {
      setError(describeStorageError(failure));
    }
  };

  return (
    <li class="note" data-note-id={note.id}>
      {note.quote.exact && <blockquote class="note-quote">{note.quote.exact}</blockquote>}
      {editing ? (
        <NoteEditForm note={note} onSave={save} onCancel={() => setEditing(false)} />
      ) : (
        <>
          {note.comment && <p class="note-comment">{note.comment}</p>}
          <p class="note-meta">
            <span class={`verdict verdict-${note.verdict.replace(' ', '-')}`}>{note.verdict}</span>
            {note.tags.map((tag) => (
              <span class="tag">{tag}</span>
            ))}
            {(note.claimSource || note.claimKind) && (
              <span class={`note-claim${note.claimKind ? ` source-${note.claimKind}` : ''}`}>
                source: {note.claimSource ?? 'not found'}
                {note.claimKind && ` (${KIND_LABELS[note.claimKind]})`}
              </span>
            )}
            <time dateTime={new Date(note.createdAt).toISOString()} title={dateFormat.format(note.createdAt)}>
              {(timeOnly ? timeFormat : dateFormat).format(note.createdAt)}
            </time>
          </p>
        </>
      )}
      {showPage && (
        <p class="note-page">
          <span class="note-site">{note.site}</span>
          <span aria-hidden="true">·</span>
          {open ? (
            <button type="button" class="link note-title" onClick={() => open(note)} title={note.url}>
              {pageLabel}
            </button>
          ) : (
            <span class="note-title">{pageLabel}</span>
          )}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!editing && (open || update || remove) && (
        <div class="note-actions">
          {open && (
            <button type="button" class="button small" name="open" onClick={() => open(note)} aria-label={`Open the passage on ${pageLabel}`}>
              Open
            </button>
          )}
          {update && (
            <button type="button" class="button small" name="edit" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {remove && (
            <button type="button" class="button small" name="delete" onClick={() => void doRemove()}>
              Delete
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** Notes as the reader wrote them: passage, comment, verdict, tags, page and time. */
export function NoteList({ notes, showPage = false, actions, timeOnly }: { notes: Note[]; showPage?: boolean; actions?: NoteActions; timeOnly?: boolean }) {
  return (
    <ul class="note-list">
      {notes.map((note) => (
        <NoteItem key={note.id} note={note} showPage={showPage} actions={actions} timeOnly={timeOnly} />
      ))}
    </ul>
  );
}
