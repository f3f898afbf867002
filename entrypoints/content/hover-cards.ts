import type { Overlay } from './overlay';

/** How long a card stays after the pointer leaves its passage, so the pointer can move onto it. */
const HIDE_DELAY_MS = 400;

/** Something on the page that has a card: a claim or one of the reader's notes. */
export interface HoverTarget {
  /** Tells targets apart ("claim:3", "note:<id>"). */
  key: string;
  show: () => void;
}

/**
 * Opens a card when the pointer rests on a marked passage. Marks drawn with the CSS Custom
 * Highlight API have no elements to hover, so `targetAt` finds the passage from the pointer's
 * text position; lookups run at most once per frame.
 */
export function startHoverCards(doc: Document, overlay: Overlay, targetAt: (x: number, y: number) => HoverTarget | null): () => void {
  const win = doc.defaultView!;
  let frame = 0;
  let hideTimer = 0;
  let current: string | null = null;
  let pointer = { x: 0, y: 0 };
  const showingCard = () => overlay.showing === 'card' || overlay.showing === 'note';

  const cancelHide = () => {
    win.clearTimeout(hideTimer);
    hideTimer = 0;
  };

  const lookUp = () => {
    frame = 0;
    const target = targetAt(pointer.x, pointer.y);
    if (target) {
      cancelHide();
      if (target.key !== current || !showingCard()) target.show();
      current = target.key;
    } else if (showingCard() && !overlay.hasFocus && !hideTimer) {
      hideTimer = win.setTimeout(() => {
        hideTimer = 0;
        current = null;
        if (showingCard() && !overlay.hasFocus) overlay.hide();
      }, HIDE_DELAY_MS);
    }
  };

  const onMove = (event: MouseEvent) => {
    if (overlay.contains(event)) {
      cancelHide(); // the pointer reached the card
      return;
    }
    if (overlay.showing === 'editor' || overlay.showing === 'add-note' || overlay.hasFocus) return;
    pointer = { x: event.clientX, y: event.clientY };
    frame ||= win.requestAnimationFrame(lookUp);
  };

  // A hover card is placed in the viewport: once the page scrolls it points at nothing.
  // A card the keyboard opened holds focus and stays.
  const onScroll = () => {
    if (showingCard() && !overlay.hasFocus) {
      current = null;
      overlay.hide();
    }
  };

  doc.addEventListener('mousemove', onMove, { passive: true });
  win.addEventListener('scroll', onScroll, { passive: true });
  return () => {
    doc.removeEventListener('mousemove', onMove);
    win.removeEventListener('scroll', onScroll);
    win.cancelAnimationFrame(frame);
    cancelHide();
  };
}
