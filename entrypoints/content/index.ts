import './marks.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseTabRequest, type PageSummary, type TabRequest } from '@/utils/messaging';
import { siteOf } from '@/utils/notes/page-url';
import { DEFAULT_SETTINGS, loadSettings, marksOnSite, watchSettings, type Settings } from '@/utils/settings';
import { startHoverCards } from './hover-cards';
import { claimAnchor, selectionAnchor } from './anchors';
import { noteTarget } from './note-target';
import { Overlay } from './overlay';
import { watchPageChanges } from './page-changes';
import { PageMarker } from './page-marker';
import { startSelectionNotes } from './selection-note';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const startedAt = performance.now();
    const doc = document;
    const marker = new PageMarker(doc);
    let settings: Settings = DEFAULT_SETTINGS;
    /** The reader asked to mark this page although it does not look like an article. */
    let forced = false;
    /** The claim keyboard navigation is on. */
    let current = -1;
    /** Our page UI and its listeners, present only while Sourcelight is on for this page. */
    let ui: { overlay: Overlay; stop: () => void } | null = null;

    const isOn = () => forced || marksOnSite(settings, siteOf(location.href));

    const summary = (): PageSummary => marker.summary(settings);
    const report = () => {
      void browser.runtime.sendMessage({ type: 'page/summary', summary: summary() }).catch(() => {});
    };

    const showCard = (overlay: Overlay, index: number, focus: boolean) => {
      const claim = marker.claimIndex.claims[index];
      const range = marker.cueRange(index);
      if (!claim || !range) return;
      if (focus) range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const total = marker.claimIndex.claims.length;
      overlay.showCard(claim, index, total, range.getBoundingClientRect(), focus, () =>
        overlay.openEditor(noteTarget(doc, claimAnchor(marker.articleText, claim))),
      );
    };

    const startUi = () => {
      if (ui) return;
      const overlay = new Overlay(doc);
      const stops = [
        startSelectionNotes(doc, overlay, (range) => overlay.openEditor(noteTarget(doc, selectionAnchor(doc, marker, range)))),
        startHoverCards(
          doc,
          overlay,
          (x, y) => {
            const index = marker.claimAtPoint(x, y);
            return index >= 0 && settings.kinds[marker.claimIndex.claims[index].kind] ? index : -1;
          },
          (index) => showCard(overlay, index, false),
        ),
        watchPageChanges(ctx, doc, overlay.host, () => void refresh()),
      ];
      ui = { overlay, stop: () => stops.forEach((stop) => stop()) };
    };

    const stopUi = () => {
      ui?.stop();
      ui?.overlay.remove();
      ui = null;
    };

    /** Annotates the page (again) and marks what it found; reports to the badge when anything changed. */
    const refresh = async () => {
      try {
        const outcome = await marker.analyze(forced);
        if (outcome === 'overtaken') return;
        if (outcome === 'found') {
          current = -1;
          marker.applyMarks(settings);
        }
        report();
      } catch (error) {
        // Never let a detector or page quirk break the page: leave it unmarked and say why.
        marker.clear();
        console.warn('Sourcelight could not mark this page:', error);
      }
    };

    const applySettings = async (next: Settings) => {
      const wasOn = isOn();
      settings = next;
      if (!isOn()) {
        stopUi();
        marker.clear();
        report();
      } else if (!wasOn) {
        startUi();
        await refresh();
      } else {
        marker.applyMarks(settings);
        report();
      }
    };

    const answer = async (request: TabRequest): Promise<PageSummary> => {
      switch (request.type) {
        case 'page/mark-now':
          forced = true;
          startUi();
          await refresh();
          break;
        case 'page/show-claim':
        case 'page/step': {
          if (!ui) break;
          const index = request.type === 'page/show-claim' ? request.index : marker.claimIndex.step(current, request.direction, request.unnamedOnly);
          if (index >= 0 && index < marker.claimIndex.claims.length) {
            current = index;
            showCard(ui.overlay, index, true);
          }
          break;
        }
        case 'page/get-summary':
          break;
      }
      return summary();
    };

    const onMessage = (message: unknown): Promise<PageSummary> | undefined => {
      const request = parseTabRequest(message);
      return request ? answer(request) : undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    const unwatchSettings = watchSettings((next) => void applySettings(next));

    // An extension update or removal invalidates this script: leave the page as it was.
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      unwatchSettings();
      stopUi();
      marker.clear();
    });

    // The settings come from extension storage, an asynchronous read: the first analysis runs meanwhile.
    const settingsReady = loadSettings().catch(() => DEFAULT_SETTINGS);
    const analyzed = marker.analyze().catch((error) => {
      console.warn('Sourcelight could not read this page:', error);
      return 'overtaken' as const;
    });
    settings = await settingsReady;
    if (!isOn()) {
      marker.clear();
      return;
    }
    startUi();
    if ((await analyzed) === 'found') {
      marker.applyMarks(settings);
      report();
    }
    // From this script's start to the marks being registered: what `npm run bench:page` reports.
    performance.measure('sourcelight:page', { start: startedAt, end: performance.now() });
  },
});
