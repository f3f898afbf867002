import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { chromeBuild, requireBuild } from './corpus';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium as root on this machine, quiet on the network; every host but 127.0.0.1 fails to resolve. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension (`build`: a chrome-mv3 folder) loaded unpacked, headless,
 * in a persistent profile (the same `profileDir` again is the same browser after a restart). Every
 * host but 127.0.0.1 fails to resolve, so a test page's external resources cost nothing and nothing
 * leaves the machine.
 */
export async function launchChromium(profileDir: string, build = chromeBuild): Promise<ChromiumSession> {
  const extension = requireBuild(build);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      ...CHROMIUM_ARGS,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, close: () => context.close() };
}

/** Opens the extension's popup as a page, for the tab `tabId` (or on its own when null). */
export async function openPopup(session: ChromiumSession, tabId: number | null): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html${tabId === null ? '' : `?tab=${tabId}`}`);
  return page;
}

/** Sends a request to a tab's content script from an extension page, as the popup and the keyboard commands do. */
export async function sendToTab(session: ChromiumSession, tabId: number, request: unknown): Promise<unknown> {
  const helper = await session.context.newPage();
  await helper.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const reply = await helper.evaluate(
    ([id, message]) => (globalThis as unknown as { chrome: ExtensionApi }).chrome.tabs.sendMessage(id, message),
    [tabId, request] as const,
  );
  await helper.close();
  return reply;
}

/** The browser's id of the tab whose page files notes under `url` (its canonical URL), asked from the extension's own page (no `tabs` permission needed). */
export async function tabIdOf(session: ChromiumSession, url: string): Promise<number> {
  const helper = await session.context.newPage();
  await helper.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const id = await helper.evaluate(async (wanted) => {
    const chrome = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    const me = await chrome.tabs.getCurrent();
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined || tab.id === me?.id) continue;
      const summary = (await chrome.tabs.sendMessage(tab.id, { type: 'page/get-summary' }).catch(() => null)) as { url?: string } | null;
      if (summary?.url === wanted) return tab.id;
    }
    return -1;
  }, url);
  await helper.close();
  if (id < 0) throw new Error(`no tab answers for ${url}`);
  return id;
}

/** Every note in the extension's database, read with the raw IndexedDB API from an extension page. */
export async function storedNotes(session: ChromiumSession): Promise<Array<{ id: string; comment: string; quote: { exact: string }; claimKind: string | null }>> {
  const helper = await session.context.newPage();
  await helper.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const notes = await helper.evaluate(
    () =>
      new Promise<never[]>((resolve, reject) => {
        const open = indexedDB.open('sourcelight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('notes').objectStore('notes').getAll();
          read.onsuccess = () => resolve(read.result as never[]);
          read.onerror = () => reject(read.error);
        };
      }),
  );
  await helper.close();
  return notes;
}
