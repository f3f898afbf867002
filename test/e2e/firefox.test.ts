import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir } from './support/corpus';
import { launchFirefox, openExtensionPage, tabIdOf, type FirefoxSession } from './support/firefox';
import { startPageServer, type PageServer } from './support/server';

async function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return Object.fromEntries([...registry].map(([name, highlight]) => [name, highlight.size]));
  });
}

async function openPage(session: FirefoxSession, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('[data-sourcelight-ui]', { timeout: 15_000 });
  return page;
}

async function pageNoteComments(popup: Page): Promise<string[]> {
  return popup.$$eval('section[aria-label="Notes on this page"] .note-comment', (nodes) => nodes.map((node) => node.textContent ?? ''));
}

describe('the extension in Firefox', () => {
  let server: PageServer;
  let profile: string;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = await startPageServer();
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-firefox-'));
    session = await launchFirefox(profile);
    mkdirSync(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('marks claims on a news article (nytimes-1)', async () => {
    const page = await openPage(session, server.url('nytimes-1'));
    await expect.poll(() => highlightSizes(page).then((sizes) => sizes['sourcelight-named'] ?? 0)).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotDir, 'firefox-nytimes-1.png') });
    await page.close();
  });

  it('marks nothing on a page that is not an article (mozilla-1)', async () => {
    const page = await openPage(session, server.url('mozilla-1'));
    expect(await highlightSizes(page)).toEqual({});
    await page.close();
  });

  it('saves a note from a selection, shows it in the popup, and keeps it after a restart', async () => {
    const url = server.url('nytimes-1');
    const page = await openPage(session, url);
    const paragraph = await page.evaluateHandle(
      () => [...document.querySelectorAll<HTMLElement>('article p')].find((p) => p.textContent?.includes('sanctions'))!,
    );
    await paragraph.click({ count: 3 });
    await page.locator('[data-sourcelight-ui] >>> .sl-add-note').click();
    await page.locator('[data-sourcelight-ui] >>> textarea[name="comment"]').fill('Compare with the Reuters wire.');
    await page.locator('[data-sourcelight-ui] >>> button[type="submit"]').click();
    await expect
      .poll(() => page.evaluate(() => document.querySelector('[data-sourcelight-ui]')?.shadowRoot?.querySelector('.sl-editor')?.textContent))
      .toContain('Note saved.');

    const popup = await openExtensionPage(session, `popup.html?tab=${await tabIdOf(session, url)}`);
    await expect.poll(() => pageNoteComments(popup)).toEqual(['Compare with the Reuters wire.']);
    await popup.close();

    await session.close();
    session = await launchFirefox(profile);
    await openPage(session, url);
    const popupAfter = await openExtensionPage(session, `popup.html?tab=${await tabIdOf(session, url)}`);
    await expect.poll(() => pageNoteComments(popupAfter)).toEqual(['Compare with the Reuters wire.']);
  });
});
