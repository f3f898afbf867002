import { useEffect, useRef } from 'preact/hooks';
import { describeStorageError } from '@/utils/notes/storage-error';
import type { UndoState } from './use-note-actions';

/** "Note deleted. Undo" while a delete can be undone; storage errors from undo. */
export function UndoBar({ state }: { state: UndoState }) {
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The Delete button leaves with its note: keyboard focus goes to Undo rather than to nowhere.
    if (state.deleted) undoButton.current?.focus();
  }, [state.deleted]);
  return (
    <div class="undo-bar" role="status" aria-live="polite">
      {state.deleted && (
        <p class="undo">
          <span>Note deleted.</span>
          <button ref={undoButton} type="button" class="button primary" name="undo" onClick={() => void state.undo()}>
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
