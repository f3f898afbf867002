import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageSummary } from '@/utils/messaging';
import { launchChromium, openPopup, sendToTab, tabIdOf, type ChromiumSession } from './support/chromium';
import { startPageServer, type PageServer } from './support/server';

function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return Object.fromEntries([...registry].map(([name, highlight]) => [name, highlight.size]));
  });
}

const SECOND_STORY = `
  <h1>Council delays the vote</h1>
  <p>The city council postponed its vote on the budget on Monday, officials said, speaking on condition of anonymity.</p>
  <p>Mayor Ana Ruiz said the delay would give residents more time to comment.</p>
  <p>Critics say the plan favours downtown districts.</p>`;

describe('controls and dynamic pages in Chromium', () => {
  let server: PageServer;
  let profile: string;
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await startPageServer();
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-controls-'));
    session = await launchChromium(profile);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('turns marks off and on for a site from the popup, leaving no trace while off', async () => {
    const url = server.url('wapo-1');
    const page = await session.context.newPage();
    await page.goto(url);
    await expect.poll(() => highlightSizes(page).then((sizes) => Object.keys(sizes).length)).toBeGreaterThan(0);
    const popup = await openPopup(session, await tabIdOf(session, url));
    const siteToggle = popup.locator('input[name="site-enabled"]');
    await siteToggle.uncheck();
    await expect.poll(() => highlightSizes(page)).toEqual({});
    expect(await page.locator('[data-sourcelight-ui]').count()).toBe(0);
    // The popup asks the page again after a change: let it have its answer before the page goes away.
    await popup.getByText('Marks are off for this site.').waitFor();

    // Loaded again while off: not one mark, not even for a frame (the settings are read before marking).
    await page.addInitScript(() => {
      const seen = { marks: 0 };
      (window as unknown as { __marksSeen: typeof seen }).__marksSeen = seen;
      const look = () => {
        seen.marks = Math.max(seen.marks, (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size);
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.reload();
    await expect.poll(async () => ((await sendToTab(session, await tabIdOf(session, url), { type: 'page/get-summary' })) as PageSummary).disabled).toBe(true);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __marksSeen: { marks: number } }).__marksSeen.marks)).toBe(0);
    expect(await highlightSizes(page)).toEqual({});

    await siteToggle.check();
    await expect.poll(() => highlightSizes(page).then((sizes) => Object.keys(sizes).length)).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('marks only the kinds chosen on the options page', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('input[name="kind-named"]').uncheck();
    await options.locator('input[name="mark-content"]').uncheck();
    const page = await session.context.newPage();
    await page.goto(server.url('seed'));
    await expect.poll(() => highlightSizes(page).then((sizes) => Object.keys(sizes).sort())).toEqual([
      'sourcelight-anonymous',
      'sourcelight-non-response',
      'sourcelight-vague',
    ]);
    await options.locator('input[name="kind-named"]').check();
    await options.locator('input[name="mark-content"]').check();
    await expect.poll(() => highlightSizes(page).then((sizes) => sizes['sourcelight-named'] ?? 0)).toBeGreaterThan(0);
    await options.close();
    await page.close();
  });

  it('picks up a new article after single-page-app navigation, without marking twice', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('wapo-1'));
    await expect.poll(() => highlightSizes(page).then((sizes) => Object.keys(sizes).length)).toBeGreaterThan(0);
    // What a news site's router does: a new address in history and a new story in the same document.
    await page.evaluate((story) => {
      history.pushState({}, '', '/pages/wapo-1/council-delays-vote');
      const article = document.querySelector('article') ?? document.body;
      article.innerHTML = story;
    }, SECOND_STORY);
    const newUrl = new URL('/pages/wapo-1/council-delays-vote', server.url('wapo-1')).toString();
    const tabId = await tabIdOf(session, newUrl);
    const sources = async () =>
      ((await sendToTab(session, tabId, { type: 'page/get-summary' })) as PageSummary).sources.map((group) => `${group.label}: ${group.kind}`);
    await expect.poll(sources, { timeout: 10_000 }).toEqual(expect.arrayContaining(['officials: anonymous', 'Mayor Ana Ruiz: named', 'Critics: vague']));
    expect((await sources()).some((source) => /Tunisia|Essid/.test(source))).toBe(false);
    const sizes = await highlightSizes(page);
    expect(sizes['sourcelight-anonymous']).toBeGreaterThan(0);
    expect(sizes['sourcelight-vague']).toBeGreaterThan(0);
    // Settled: no further runs after the change (measures are only added when text changed).
    const runs = await page.evaluate(() => performance.getEntriesByName('sourcelight:annotate').length);
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => performance.getEntriesByName('sourcelight:annotate').length)).toBe(runs);
    await page.close();
  });
});
