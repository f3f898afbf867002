import type { Overlay } from './overlay';

/** How long the card stays after the pointer leaves a claim, so it can move onto the card. */
const HIDE_DELAY_MS = 400;

/**
 * Opens a claim's card when the pointer rests on one of its marks. Marks drawn with the
 * CSS Custom Highlight API have no elements to hover, so the claim is found from the
 * pointer's text position; lookups run at most once per frame.
 */
export function startHoverCards(doc: Document, overlay: Overlay, claimAtPoint: (x: number, y: number) => number, showCard: (index: number) => void): () => void {
  const win = doc.defaultView!;
  let frame = 0;
  let hideTimer = 0;
  let current = -1;
  let pointer = { x: 0, y: 0 };

  const cancelHide = () => {
    win.clearTimeout(hideTimer);
    hideTimer = 0;
  };

  const lookUp = () => {
    frame = 0;
    const index = claimAtPoint(pointer.x, pointer.y);
    if (index >= 0) {
      cancelHide();
      if (index !== current || overlay.showing !== 'card') showCard(index);
      current = index;
    } else if (overlay.showing === 'card' && !overlay.hasFocus && !hideTimer) {
      hideTimer = win.setTimeout(() => {
        hideTimer = 0;
        current = -1;
        if (overlay.showing === 'card' && !overlay.hasFocus) overlay.hide();
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
    if (overlay.showing === 'card' && !overlay.hasFocus) {
      current = -1;
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
