import './marks.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseTabRequest, type PageSummary } from '@/utils/messaging';
import { PageMarker } from './page-marker';
import { startSelectionNotes } from './selection-note';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const marker = new PageMarker(document);
    const report = () => {
      const summary = marker.summary();
      if (summary.marked) void browser.runtime.sendMessage({ type: 'page/summary', summary }).catch(() => {});
      return summary;
    };

    try {
      marker.run();
      report();
    } catch (error) {
      // Never let a detector or page quirk break the page: leave it unmarked and say why.
      marker.clear();
      console.warn('Sourcelight could not mark this page:', error);
    }
    const stopSelectionNotes = startSelectionNotes(document);

    const onMessage = (message: unknown): Promise<PageSummary> | undefined => {
      const request = parseTabRequest(message);
      if (!request) return undefined;
      if (request.type === 'page/mark-now') marker.run(true);
      return Promise.resolve(report());
    };
    browser.runtime.onMessage.addListener(onMessage);

    // An extension update or removal invalidates this script: leave the page as it was.
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      stopSelectionNotes();
      marker.clear();
    });
  },
});
