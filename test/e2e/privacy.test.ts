import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPopup, storedNotes, tabIdOf, type ChromiumSession } from './support/chromium';
import { startPageServer, type PageServer } from './support/server';
import { launchBareChromium } from './support/sweep';

/** Three pages browsed in the session; the note is made on the first. */
const PAGES = ['nytimes-1', 'guardian-1', 'lemonde-1'] as const;
const NOTE_PAGE = PAGES[0];

interface Seen {
  url: string;
  method: string;
  /** Who asked: a web page, an extension page, or the extension's service worker. */
  from: 'web page' | 'extension page' | 'service worker' | 'other';
}

function record(context: BrowserContext, into: Seen[]): void {
  context.on('request', (request: Request) => {
    let from: Seen['from'] = 'other';
    if (request.serviceWorker()) from = 'service worker';
    else {
      try {
        const frameUrl = request.frame().url();
        from = frameUrl.startsWith('chrome-extension://') ? 'extension page' : 'web page';
        // A navigation's own request belongs to where it goes.
        if (request.isNavigationRequest()) from = request.url().startsWith('chrome-extension://') ? 'extension page' : 'web page';
      } catch {
        from = 'other';
      }
    }
    into.push({ url: request.url(), method: request.method(), from });
  });
}

const internal = (url: string) => /^(chrome-extension|data|blob|about):/.test(url);

/** The same reading a person does on the note page: select a paragraph about sanctions. */
async function selectPassage(page: Page): Promise<void> {
  await page.locator('article p').filter({ hasText: 'sanctions' }).first().click({ clickCount: 3 });
}

describe('privacy: the extension itself makes no network request (Chromium)', () => {
  let server: PageServer;
  let profile: string;
  let downloads: string;
  let session: ChromiumSession | null = null;

  beforeAll(async () => {
    server = await startPageServer();
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-privacy-'));
    downloads = mkdtempSync(join(tmpdir(), 'sourcelight-privacy-dl-'));
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    for (const dir of [profile, downloads]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('browsing, noting, the popup, the options page, export and import request nothing beyond what the pages themselves request', { timeout: 180_000 }, async () => {
    // Without the extension: what the pages request on their own, with the same reading.
    const bare: Seen[] = [];
    const bareProfile = mkdtempSync(join(tmpdir(), 'sourcelight-privacy-bare-'));
    const bareContext = await launchBareChromium(bareProfile);
    try {
      record(bareContext, bare);
      const tab = await bareContext.newPage();
      for (const name of PAGES) {
        await tab.goto(server.url(name), { waitUntil: 'load' });
        if (name === NOTE_PAGE) await selectPassage(tab);
        await tab.waitForTimeout(1500);
      }
    } finally {
      await bareContext.close();
      rmSync(bareProfile, { recursive: true, force: true });
    }

    // With the extension.
    const seen: Seen[] = [];
    session = await launchChromium(profile);
    const { context, extensionId } = session;
    record(context, seen);
    const before = (await storedNotes(session)).length;
    const tab = await context.newPage();
    for (const name of PAGES) {
      await tab.goto(server.url(name), { waitUntil: 'load' });
      await expect.poll(() => tab.evaluate(() => performance.getEntriesByName('sourcelight:page').length), { timeout: 15_000 }).toBe(1);
      if (name !== NOTE_PAGE) continue;
      await selectPassage(tab);
      await tab.locator('[data-sourcelight-ui] .sl-add-note').click();
      await tab.locator('[data-sourcelight-ui] textarea[name="comment"]').fill('Privacy check: this stays on this device.');
      await tab.locator('[data-sourcelight-ui] button[type="submit"]').click();
      await expect.poll(() => tab.locator('[data-sourcelight-ui] .sl-saved').count()).toBe(1);
      // The popup for this page, with the note in it.
      const popup = await openPopup(session, await tabIdOf(session, server.url(NOTE_PAGE)));
      await expect.poll(() => popup.locator('section[aria-label="Notes on this page"] .note').count()).toBe(1);
      await popup.close();
    }
    expect((await storedNotes(session)).length).toBe(before + 1);

    // The options page: export, then import what was exported.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForLoadState('load');
    await options.waitForTimeout(500);
    const exportButton = options.locator('button[name="export-json"]');
    const importInput = options.locator('input[type="file"][name="import"]');
    let exported: string | null = null;
    if ((await exportButton.count()) === 0) {
      console.warn('[privacy] no JSON export button on the options page yet: export step skipped');
    } else {
      const [download] = await Promise.all([options.waitForEvent('download', { timeout: 15_000 }), exportButton.click()]);
      exported = join(downloads, download.suggestedFilename());
      await download.saveAs(exported);
      for (const name of ['export-annotations', 'export-markdown', 'export-csv']) {
        const button = options.locator(`button[name="${name}"]`);
        if ((await button.count()) === 0) continue;
        const [other] = await Promise.all([options.waitForEvent('download', { timeout: 15_000 }), button.click()]);
        await other.saveAs(join(downloads, other.suggestedFilename()));
      }
    }
    if ((await importInput.count()) === 0 || !exported || !existsSync(exported)) {
      console.warn('[privacy] no import input on the options page (or nothing exported): import step skipped');
    } else {
      await importInput.setInputFiles(exported);
      await expect.poll(() => options.locator('section[aria-labelledby="import-heading"] .status').innerText(), { timeout: 15_000 }).toMatch(/Imported|skipped/);
    }
    await options.waitForTimeout(500);
    expect((await storedNotes(session)).length).toBe(before + 1);

    // 1. Nothing from the extension's own pages or its service worker leaves the extension.
    const fromExtension = seen.filter((request) => request.from !== 'web page' && !internal(request.url));
    // 2. The web pages request nothing they do not request without the extension.
    const bareUrls = new Set(bare.map((request) => request.url));
    const added = seen.filter((request) => request.from === 'web page' && !internal(request.url) && !bareUrls.has(request.url));
    // 3. Whatever the pages ask for goes to the test server or fails to resolve: only 127.0.0.1 answers here.
    const toServer = seen.filter((request) => request.url.startsWith('http://127.0.0.1'));
    console.log(
      `[privacy] requests seen with the extension: ${seen.length} (web pages ${seen.filter((r) => r.from === 'web page').length}, ` +
        `extension pages ${seen.filter((r) => r.from === 'extension page').length}, service worker ${seen.filter((r) => r.from === 'service worker').length}, ` +
        `other ${seen.filter((r) => r.from === 'other').length}); without: ${bare.length}; to 127.0.0.1: ${toServer.length}`,
    );
    expect(fromExtension).toEqual([]);
    expect(added).toEqual([]);
    expect(seen.filter((request) => request.from === 'other' && !internal(request.url))).toEqual([]);
  });
});
