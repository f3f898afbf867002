// First: the mark it sets must precede every other module's setup.
import { scriptStartedAt } from './script-start';
import './marks.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseTabRequest, type PageSummary, type TabRequest } from '@/utils/messaging';
import { canonicalPageUrl, siteOf } from '@/utils/notes/page-url';
import { takeEarlySettings } from '@/utils/early-settings';
import { DEFAULT_SETTINGS, loadSettings, marksOnSite, watchSettings, type Settings } from '@/utils/settings';
import { claimAnchor, selectionAnchor } from './anchors';
import { startHoverCards, type HoverTarget } from './hover-cards';
import { noteTarget } from './note-target';
import { Overlay } from './overlay';
import { watchPageChanges } from './page-changes';
import { PageMarker } from './page-marker';
import { PageNotes, type PlacedNote } from './page-notes';
import { startSelectionNotes } from './selection-note';
import { measureStep, SCRIPT_START, timed } from './timing';
import { yieldToPage } from './yield-to-page';

/** `#sourcelight-note=<id>`: the popup opens a note's page with it, to scroll to the note. */
const NOTE_FRAGMENT = /^#sourcelight-note=([0-9a-f-]{36})$/;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const startedAt = performance.now();
    const doc = document;
    const marker = new PageMarker(doc);
    const notes = new PageNotes(doc);
    let settings: Settings = DEFAULT_SETTINGS;
    /** The reader asked to mark this page although it does not look like an article. */
    let forced = false;
    /** The claim keyboard navigation is on. */
    let current = -1;
    /** Our page UI and its listeners, present only while Sourcelight is on for this page. */
    let ui: { overlay: Overlay; stop: () => void } | null = null;

    const isOn = () => forced || marksOnSite(settings, siteOf(location.href));

    const summary = (): PageSummary => marker.summary(settings, notes.orphans.map((note) => note.id));
    const report = () => {
      void browser.runtime.sendMessage({ type: 'page/summary', summary: summary() }).catch(() => {});
    };

    const scrollTo = (range: Range) => range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });

    const showClaim = (overlay: Overlay, index: number, focus: boolean) => {
      const claim = marker.claimIndex.claims[index];
      const range = marker.cueRange(index);
      if (!claim || !range) return;
      if (focus) scrollTo(range);
      overlay.showCard(claim, index, marker.claimIndex.claims.length, range.getBoundingClientRect(), focus, () =>
        overlay.openEditor(noteTarget(doc, claimAnchor(marker.articleText, claim), () => void notesChanged())),
      );
    };

    const showNote = (overlay: Overlay, placed: PlacedNote, focus: boolean) => {
      const range = marker.textMap?.rangeFor(placed.start, placed.end);
      if (!range) return;
      if (focus) scrollTo(range);
      const { note } = placed;
      overlay.showNote(note, range.getBoundingClientRect(), focus, {
        edit: () =>
          overlay.openEditor({
            quote: note.quote.exact,
            initial: { comment: note.comment, verdict: note.verdict, tags: note.tags },
            save: (changes) => notes.update(note.id, changes),
          }),
        remove: async () => {
          const map = marker.textMap;
          const error = map ? await notes.remove(note.id, marker.articleText, map) : 'The page changed; please try again.';
          if (!error) overlay.hide();
          return error;
        },
      });
    };

    /** What has a card under the pointer: one of the reader's notes first, then a claim of a shown kind. */
    const targetAt = (overlay: Overlay, x: number, y: number): HoverTarget | null => {
      const offset = marker.offsetAtPoint(x, y);
      if (offset === null) return null;
      const placed = notes.noteAt(offset);
      if (placed && marker.spanUnderPoint(placed.start, placed.end, x, y)) {
        return { key: `note:${placed.note.id}`, show: () => showNote(overlay, placed, false) };
      }
      const index = marker.claimAt(offset, x, y);
      if (index < 0 || !settings.kinds[marker.claimIndex.claims[index].kind]) return null;
      return { key: `claim:${index}`, show: () => showClaim(overlay, index, false) };
    };

    /** Places the reader's notes on this page; opens the one named in the address, if any. */
    const placeNotes = async () => {
      const url = canonicalPageUrl(doc);
      if (!url || !ui) return;
      const stored = await notes.fetch(url);
      // Notes may be on pages that are not articles: their text is read only when there are notes to place.
      if (stored.length === 0 || !marker.readText()) {
        notes.clear();
        return;
      }
      notes.place(stored, marker.articleText, marker.textMap!);
      const wanted = NOTE_FRAGMENT.exec(location.hash)?.[1];
      const placed = wanted ? notes.byId(wanted) : null;
      if (placed) showNote(ui.overlay, placed, true);
    };

    /** Places the notes again (after a save, or a new analysis); a failure leaves the claim marks alone. */
    const notesChanged = () => placeNotes().catch((error) => console.warn('Sourcelight could not place your notes:', error));

    const startUi = () => {
      if (ui) return;
      const overlay = new Overlay(doc);
      const stops = [
        startSelectionNotes(doc, overlay, (range) => overlay.openEditor(noteTarget(doc, selectionAnchor(doc, marker, range), () => void notesChanged()))),
        startHoverCards(doc, overlay, (x, y) => targetAt(overlay, x, y)),
        watchPageChanges(ctx, doc, overlay.host, () => void refresh()),
      ];
      ui = { overlay, stop: () => stops.forEach((stop) => stop()) };
    };

    const stopUi = () => {
      ui?.stop();
      ui?.overlay.remove();
      ui = null;
    };

    /** Annotates the page (again), marks what it found and places the notes; reports to the badge. */
    const refresh = async () => {
      try {
        const outcome = await marker.analyze(forced);
        if (outcome === 'overtaken') return;
        if (outcome === 'found') {
          current = -1;
          marker.applyMarks(settings);
          await notesChanged();
        }
        report();
      } catch (error) {
        // Never let a detector or page quirk break the page: leave it unmarked and say why.
        marker.clear();
        notes.clear();
        console.warn('Sourcelight could not mark this page:', error);
      }
    };

    const applySettings = async (next: Settings) => {
      const wasOn = isOn();
      settings = next;
      if (!isOn()) {
        stopUi();
        marker.clear();
        notes.clear();
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
            showClaim(ui.overlay, index, true);
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

    // The settings come from extension storage, an asynchronous read, usually done by the early script
    // by now; when it is not, the first analysis runs meanwhile.
    const early = takeEarlySettings();
    const firstRead = early?.settings ?? loadSettings();
    const settingsReady = firstRead.catch(() => DEFAULT_SETTINGS);

    let stopListening = () => {};
    /**
     * Requests from the popup and the keyboard commands, and changes of the settings: listened to once
     * the first marks are registered (or the page is left unmarked), as the marks need neither.
     * Until then the early read follows the settings: a change it saw meanwhile is applied now.
     */
    const listen = () => {
      early?.stop();
      if (ctx.isInvalid) return;
      browser.runtime.onMessage.addListener(onMessage);
      const unwatchSettings = watchSettings((next) => void applySettings(next));
      stopListening = () => {
        browser.runtime.onMessage.removeListener(onMessage);
        unwatchSettings();
      };
      if (early && early.settings !== firstRead) early.settings.then((next) => applySettings(next)).catch(() => {});
    };

    // An extension update or removal invalidates this script: leave the page as it was.
    ctx.onInvalidated(() => {
      stopListening();
      stopUi();
      marker.clear();
      notes.clear();
    });

    // Analysis starts in the task that set up this script, which counts against its first slice of
    // work: a page of usual size is marked in that one task, with no wait behind the page's own tasks.
    const analyzed = marker.analyze(false, scriptStartedAt).catch((error) => {
      console.warn('Sourcelight could not read this page:', error);
      return 'overtaken' as const;
    });
    settings = await settingsReady;
    if (!isOn()) {
      marker.clear();
      listen();
      return;
    }
    if ((await analyzed) === 'found') marker.applyMarks(settings);
    // From main()'s start, and from the script's first module, to the marks being registered: what
    // `npm run bench:page` reports.
    const markedAt = performance.now();
    measureStep('page', startedAt, markedAt);
    measureStep('script', SCRIPT_START, markedAt);
    listen();
    // Our controls and the reader's notes come after the marks, in a task of their own.
    await yieldToPage();
    if (!isOn()) return;
    try {
      timed('ui', startUi);
    } catch (error) {
      // Marks do not need our UI: a page that breaks the UI still gets its claims marked.
      console.warn('Sourcelight could not add its controls to this page:', error);
    }
    await notesChanged();
    report();
  },
});
