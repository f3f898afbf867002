import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Quiet time after the last DOM change before we look again. */
const SETTLE_MS = 1000;
/** Looks per address: a page that never stops changing does not keep us busy. */
const MAX_LOOKS_PER_ADDRESS = 30;

/**
 * Calls `onChange` when the page may hold a different article: after a single-page-app
 * navigation (at once) and after DOM changes settle (debounced), for late-loading text.
 * Changes inside `ignore` (our own UI) do not count. The caller decides whether the text
 * really changed, so marking never feeds back into a loop.
 */
export function watchPageChanges(ctx: ContentScriptContext, doc: Document, ignore: Node, onChange: () => void): () => void {
  let looks = 0;
  let timer = 0;

  const look = () => {
    timer = 0;
    if (looks >= MAX_LOOKS_PER_ADDRESS) return;
    looks++;
    onChange();
  };

  const observer = new MutationObserver((records) => {
    if (records.every((record) => ignore.contains(record.target))) return;
    clearTimeout(timer);
    timer = ctx.setTimeout(look, SETTLE_MS);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    looks = 0;
    clearTimeout(timer);
    look();
  });

  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}
