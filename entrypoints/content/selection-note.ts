import { textQuoteFor } from '@/utils/anchor/text-quote';
import type { NoteAnchor } from './note-target';
import type { Overlay } from './overlay';

/**
 * The reader's way to note any passage: select text and an "Add note" button appears next
 * to the selection; clicking it calls `noteOn` with the selected range.
 */
export function startSelectionNotes(doc: Document, overlay: Overlay, noteOn: (range: Range) => void): () => void {
  const onSelectionEnd = (event: Event) => {
    if (overlay.contains(event)) return;
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !selection.toString().trim()) {
      if (overlay.showing === 'add-note') overlay.hide();
      return;
    }
    const range = selection.getRangeAt(0).cloneRange();
    if (!doc.body.contains(range.commonAncestorContainer)) return;
    overlay.showAddNote(range.getBoundingClientRect(), () => noteOn(range));
  };
  doc.addEventListener('mouseup', onSelectionEnd);
  doc.addEventListener('keyup', onSelectionEnd);
  return () => {
    doc.removeEventListener('mouseup', onSelectionEnd);
    doc.removeEventListener('keyup', onSelectionEnd);
  };
}

/** Selectors for a selection outside the article text: the quote with context from the whole body. */
export function bodyAnchor(doc: Document, range: Range): NoteAnchor {
  return { quote: textQuoteFor(range, doc.body), position: null, claim: null };
}
