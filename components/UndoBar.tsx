import { describeStorageError } from '@/utils/notes/storage-error';
import type { UndoState } from './use-note-actions';

/** "Note deleted. Undo" while a delete can be undone; storage errors from undo. */
export function UndoBar({ state }: { state: UndoState }) {
  return (
    <div class="undo-bar" role="status" aria-live="polite">
      {state.deleted && (
        <p class="undo">
          <span>Note deleted.</span>
          <button type="button" class="button primary" name="undo" onClick={() => void state.undo()}>
            Undo
          </button>
          <button type="button" class="button" name="dismiss" aria-label="Dismiss" onClick={state.dismiss}>
            ×
          </button>
        </p>
      )}
      {state.error != null && <p class="error">{describeStorageError(state.error)}</p>}
    </div>
  );
}
