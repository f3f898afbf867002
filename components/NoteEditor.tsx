import { useState } from 'preact/hooks';
import { VERDICTS, type Verdict } from '@/utils/notes/note';

export interface NoteFields {
  comment: string;
  verdict: Verdict;
  tags: string[];
}

interface Props {
  /** The passage the note is about, shown as text (never as HTML). */
  quote: string;
  /** The note's current fields when editing an existing note. */
  initial?: NoteFields;
  /** Saves the note; resolves to an error message for the reader, or null on success. */
  onSave: (fields: NoteFields) => Promise<string | null>;
  onClose: () => void;
}

const parseTags = (raw: string) =>
  raw
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

/** The form for a note on a passage (new, or `initial` to edit one): comment, verdict and tags. */
export function NoteEditor({ quote, initial, onSave, onClose }: Props) {
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [verdict, setVerdict] = useState<Verdict>(initial?.verdict ?? 'unverified');
  const [tags, setTags] = useState(initial?.tags.join(', ') ?? '');
  const [state, setState] = useState<{ saving: boolean; error: string | null; saved: boolean }>({
    saving: false,
    error: null,
    saved: false,
  });

  const save = async (event: Event) => {
    event.preventDefault();
    // A page script can dispatch synthetic clicks into our UI; only the reader may save.
    if (!event.isTrusted) return;
    setState({ saving: true, error: null, saved: false });
    const error = await onSave({ comment, verdict, tags: parseTags(tags) });
    setState({ saving: false, error, saved: error === null });
  };

  if (state.saved) {
    return (
      <div class="sl-editor" role="status">
        <p class="sl-saved">Note saved.</p>
        <button type="button" class="sl-button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }

  return (
    <form class="sl-editor" onSubmit={save} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <blockquote class="sl-quote">{quote}</blockquote>
      <label class="sl-label">
        Comment
        <textarea
          class="sl-comment"
          name="comment"
          rows={3}
          value={comment}
          onInput={(event) => setComment(event.currentTarget.value)}
          autoFocus
        />
      </label>
      <div class="sl-row">
        <label class="sl-label">
          Verdict
          <select name="verdict" value={verdict} onChange={(event) => setVerdict(event.currentTarget.value as Verdict)}>
            {VERDICTS.map((value) => (
              <option value={value}>{value}</option>
            ))}
          </select>
        </label>
        <label class="sl-label">
          Tags
          <input name="tags" placeholder="comma, separated" value={tags} onInput={(event) => setTags(event.currentTarget.value)} />
        </label>
      </div>
      {state.error && (
        <p class="sl-error" role="alert">
          {state.error}
        </p>
      )}
      <div class="sl-row sl-actions">
        <button type="button" class="sl-button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" class="sl-button sl-primary" disabled={state.saving}>
          {state.saving ? 'Saving…' : 'Save note'}
        </button>
      </div>
    </form>
  );
}
