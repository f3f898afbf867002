import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageSummary } from '@/utils/messaging';
import { launchChromium, sendToTab, tabIdOf, type ChromiumSession } from './support/chromium';
import { screenshotDir } from './support/corpus';
import { engineCounts } from './support/engine';
import { startPageServer, type PageServer } from './support/server';

const PAGES = ['seed', 'nytimes-1', 'telegraph', 'wapo-1', 'bbc-1', 'guardian-1'];
/** The seed page names a canonical address on the same host (tracking parameter dropped). */
const SEED_CANONICAL = 'http://127.0.0.1/news/us-says-north-korea-behind-sony-cyberattack';

/** Our highlights on the page: name → number of ranges. */
function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return Object.fromEntries([...registry].map(([name, highlight]) => [name, highlight.size]));
  });
}

/** Center of the first range of a highlight, in viewport coordinates, after scrolling it into view. */
function firstMarkCenter(page: Page, name: string): Promise<{ x: number; y: number }> {
  return page.evaluate((highlight) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const [range] = registry.get(highlight)!;
    range.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
    const box = range.getClientRects()[0];
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, name);
}

function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-sourcelight-ui]')?.shadowRoot?.querySelector('.sl-card')?.textContent ?? null);
}

describe('reading news pages in Chromium', () => {
  let server: PageServer;
  let profile: string;
  let session: ChromiumSession;
  let plain: Browser;

  beforeAll(async () => {
    server = await startPageServer();
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-reading-'));
    session = await launchChromium(profile);
    plain = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    mkdirSync(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await plain?.close();
    await session?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it.each(PAGES)('%s: marks by kind, the card on hover and keyboard, a summary that matches the engine, unchanged text', async (name) => {
    const url = server.url(name);
    const bare = await plain.newPage();
    await bare.goto(url);
    const textWithout = await bare.evaluate(() => document.body.innerText);
    await bare.close();

    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    await expect.poll(() => highlightSizes(page).then((sizes) => Object.keys(sizes).length), { timeout: 15_000 }).toBeGreaterThan(0);

    // The page's text is exactly what it is without Sourcelight.
    expect(await page.evaluate(() => document.body.innerText)).toBe(textWithout);

    // The summary counts what the engine finds on the same article text, and every kind found is marked.
    const expected = engineCounts(name);
    const tabId = await tabIdOf(session, name === 'seed' ? SEED_CANONICAL : url);
    const summary = (await sendToTab(session, tabId, { type: 'page/get-summary' })) as PageSummary;
    expect(summary.counts).toEqual(expected);
    const sizes = await highlightSizes(page);
    for (const kind of ['named', 'anonymous', 'vague', 'non-response'] as const) {
      if (expected[kind] > 0) expect(sizes[`sourcelight-${kind}`], kind).toBeGreaterThan(0);
      else expect(sizes[`sourcelight-${kind}`], kind).toBeUndefined();
    }

    // Hover: the pointer on a mark opens its card.
    const point = await firstMarkCenter(page, 'sourcelight-named');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardText(page)).toContain('named: the article says who this is');

    // Keyboard: the next-claim command focuses a card; Escape closes it.
    await page.mouse.move(1, 1);
    await sendToTab(session, tabId, { type: 'page/step', direction: 1, unnamedOnly: false });
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-sourcelight-ui') ?? false)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('[data-sourcelight-ui]')!.shadowRoot!.activeElement?.getAttribute('role'))).toBe('dialog');
    await page.screenshot({ path: join(screenshotDir, `reading-${name}.png`) });
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    await page.close();
  });
});
