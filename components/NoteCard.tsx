import { useState } from 'preact/hooks';
import type { Note } from '@/utils/notes/note';
import { KIND_LABELS } from './kinds';

interface Props {
  note: Note;
  focus: boolean;
  onEdit: () => void;
  /** Deletes the note; resolves to an error message for the reader, or null. */
  onDelete: () => Promise<string | null>;
  onClose: () => void;
}

/** The reader's note on a highlighted passage, with edit and delete in place. */
export function NoteCard({ note, focus, onEdit, onDelete, onClose }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const remove = async (event: Event) => {
    if (!event.isTrusted) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setError(await onDelete());
  };
  return (
    <div
      class="sl-card sl-note-card"
      role="dialog"
      aria-label="Your note"
      tabIndex={-1}
      ref={(element) => {
        if (focus) element?.focus({ preventScroll: true });
      }}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <p class="sl-card-source">Your note</p>
      {note.comment ? <p class="sl-note-comment">{note.comment}</p> : <p class="sl-card-kind">No comment.</p>}
      <p class="sl-note-meta">
        <span class="sl-chip">{note.verdict}</span>
        {note.tags.map((tag) => (
          <span class="sl-chip">{tag}</span>
        ))}
        {note.claimKind && (
          <span class="sl-chip">
            {note.claimSource ?? 'claim'} · {KIND_LABELS[note.claimKind]}
          </span>
        )}
      </p>
      {error && (
        <p class="sl-error" role="alert">
          {error}
        </p>
      )}
      <div class="sl-row sl-actions">
        <button type="button" class="sl-button" onClick={onClose}>
          Close
        </button>
        <button type="button" class="sl-button" onClick={remove}>
          {confirming ? 'Really delete?' : 'Delete'}
        </button>
        <button type="button" class="sl-button sl-primary" onClick={(event) => event.isTrusted && onEdit()}>
          Edit
        </button>
      </div>
    </div>
  );
}
