import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir } from './support/corpus';
import { launchChromium, openPopup, tabIdOf, type ChromiumSession } from './support/chromium';
import { startPageServer, type PageServer } from './support/server';

/** Sizes of our highlights on the page, by name (the page's CSS.highlights sees them). */
async function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return Object.fromEntries([...registry].map(([name, highlight]) => [name, highlight.size]));
  });
}

/** Our UI host is added to every http(s) page once the content script has run. */
async function waitForContentScript(page: Page): Promise<void> {
  await page.waitForSelector('[data-sourcelight-ui]', { state: 'attached', timeout: 15_000 });
}

describe('the extension in Chromium', () => {
  let server: PageServer;
  let profile: string;
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await startPageServer();
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-chromium-'));
    session = await launchChromium(profile);
    mkdirSync(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('marks claims on a news article (nytimes-1)', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('nytimes-1'));
    await waitForContentScript(page);
    await expect.poll(() => highlightSizes(page).then((sizes) => sizes['sourcelight-named'] ?? 0)).toBeGreaterThan(0);
    const sizes = await highlightSizes(page);
    expect(Object.keys(sizes).every((name) => name.startsWith('sourcelight-'))).toBe(true);
    await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const [first] = registry.get('sourcelight-named')!;
      first.startContainer.parentElement?.scrollIntoView({ block: 'start' });
    });
    await page.screenshot({ path: join(screenshotDir, 'chromium-nytimes-1.png') });
    await page.close();
  });

  it('marks nothing on a page that is not an article (mozilla-1)', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('mozilla-1'));
    await waitForContentScript(page);
    expect(await highlightSizes(page)).toEqual({});
    await page.close();
  });

  it('saves a note from a selection, shows it in the popup, and keeps it after a restart', async () => {
    const url = server.url('nytimes-1');
    const page = await session.context.newPage();
    await page.goto(url);
    await waitForContentScript(page);
    const paragraph = page.locator('article p').filter({ hasText: 'sanctions' }).first();
    const passage = (await paragraph.innerText()).trim();
    await paragraph.click({ clickCount: 3 });
    await page.locator('[data-sourcelight-ui] .sl-add-note').click();
    await page.locator('[data-sourcelight-ui] textarea[name="comment"]').fill('Check this against the Treasury notice.');
    await page.locator('[data-sourcelight-ui] select[name="verdict"]').selectOption('needs source');
    await page.locator('[data-sourcelight-ui] input[name="tags"]').fill('sudan, sanctions');
    await page.locator('[data-sourcelight-ui] button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-sourcelight-ui] .sl-saved').count()).toBe(1);

    const tabId = await tabIdOf(session, url);
    const popup = await openPopup(session, tabId);
    const pageNotes = popup.locator('section[aria-label="Notes on this page"] .note');
    await expect.poll(() => pageNotes.count()).toBe(1);
    expect(await pageNotes.locator('.note-comment').innerText()).toBe('Check this against the Treasury notice.');
    expect(await pageNotes.locator('.note-quote').innerText()).toContain(passage.slice(0, 40));
    expect(await pageNotes.locator('.verdict').innerText()).toBe('needs source');
    await popup.screenshot({ path: join(screenshotDir, 'chromium-popup.png') });

    // Restart the browser with the same profile: the note is still there.
    await session.close();
    session = await launchChromium(profile);
    const again = await session.context.newPage();
    await again.goto(url);
    await waitForContentScript(again);
    const popupAfter = await openPopup(session, await tabIdOf(session, url));
    const notesAfter = popupAfter.locator('section[aria-label="Notes on this page"] .note');
    await expect.poll(() => notesAfter.count()).toBe(1);
    expect(await notesAfter.locator('.note-comment').innerText()).toBe('Check this against the Treasury notice.');
  });
});
