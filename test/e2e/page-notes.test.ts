import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageSummary } from '@/utils/messaging';
import { launchChromium, sendToTab, storedNotes, tabIdOf, type ChromiumSession } from './support/chromium';
import { requireShared } from './support/corpus';
import { startPageServer, type PageServer } from './support/server';

const PAGE = 'nytimes-1';
const SELECTED = 'Sudan is one of the poorest, most isolated and most violent countries in Africa';
const CLAIM_PARAGRAPH = /<p class="story-body-text story-content"[^>]*>Analysts said[\s\S]*?<\/p>/;

function shadow<T>(page: Page, script: (root: ShadowRoot) => T): Promise<T> {
  return page.evaluate(`(${script.toString()})(document.querySelector('[data-sourcelight-ui]').shadowRoot)`) as Promise<T>;
}

function noteHighlights(page: Page): Promise<number> {
  return page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcelight-note')?.size ?? 0);
}

async function openArticle(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-sourcelight-ui]', { state: 'attached' });
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('sourcelight:page').length)).toBe(1);
  return page;
}

async function writeNote(page: Page, comment: string): Promise<void> {
  await page.locator('[data-sourcelight-ui] textarea[name="comment"]').fill(comment);
  await page.locator('[data-sourcelight-ui] button[type="submit"]').click();
  await expect.poll(() => page.locator('[data-sourcelight-ui] .sl-saved').count()).toBe(1);
  await page.locator('[data-sourcelight-ui] .sl-editor button').click();
}

describe('notes on the page in Chromium', () => {
  let server: PageServer;
  let profile: string;
  let session: ChromiumSession;
  let original: string;

  beforeAll(async () => {
    original = readFileSync(resolve(requireShared(), 'corpus/pages', PAGE, 'source.html'), 'utf8');
    server = await startPageServer();
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-notes-'));
    session = await launchChromium(profile);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('notes a selection and a claim, keeps them across a restart, re-anchors them on an edited page, lists orphans', async () => {
    const url = server.url(PAGE);
    let page = await openArticle(session, url);

    // From a selection.
    await page.locator('p', { hasText: SELECTED }).first().click({ clickCount: 3 });
    await page.locator('[data-sourcelight-ui] .sl-add-note').click();
    await writeNote(page, 'How is "most violent" measured?');
    await expect.poll(() => noteHighlights(page)).toBe(1);

    // From a claim's card: hover the claim, then "Add note".
    const point = await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent!.startsWith('Analysts said'))!;
      paragraph.scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(paragraph.firstChild!, 0);
      range.setEnd(paragraph.firstChild!, 'Analysts'.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => shadow(page, (root) => root.querySelector('.sl-card-source')?.textContent)).toBe('Analysts');
    await page.locator('[data-sourcelight-ui] .sl-card .sl-primary').click();
    await writeNote(page, 'Which analysts?');
    await expect.poll(() => noteHighlights(page)).toBe(2);

    const notes = await storedNotes(session);
    const selected = notes.find((note) => note.comment.startsWith('How is'))!;
    const fromClaim = notes.find((note) => note.comment === 'Which analysts?')!;
    expect(selected.quote.exact).toContain(SELECTED);
    expect(fromClaim.quote.exact).toMatch(/^Analysts said good relations/);
    expect(fromClaim.claimKind).toBe('vague');

    // After a restart both are on the page again.
    await session.close();
    session = await launchChromium(profile);
    page = await openArticle(session, url);
    await expect.poll(() => noteHighlights(page)).toBe(2);

    // The site edits the article: a paragraph added above, a word changed inside the noted passage.
    server.replace(
      PAGE,
      original
        .replace('most isolated and most violent countries', 'most isolated and most dangerous countries')
        .replace('<p class="story-body-text story-content"', '<p class="story-body-text story-content">Correction: an earlier version of this article misstated a date.</p><p class="story-body-text story-content"'),
    );
    await page.reload();
    await expect.poll(() => noteHighlights(page)).toBe(2);
    let summary = (await sendToTab(session, await tabIdOf(session, url), { type: 'page/get-summary' })) as PageSummary;
    expect(summary.orphanNoteIds).toEqual([]);

    // The claim's paragraph is cut: that note is listed as an orphan, the other stays placed.
    server.replace(PAGE, original.replace(CLAIM_PARAGRAPH, ''));
    await page.reload();
    await expect.poll(() => noteHighlights(page)).toBe(1);
    summary = (await sendToTab(session, await tabIdOf(session, url), { type: 'page/get-summary' })) as PageSummary;
    expect(summary.orphanNoteIds).toEqual([fromClaim.id]);
    expect((await storedNotes(session)).length).toBe(2);
    server.replace(PAGE, null);
  });

  it('opens a note from its address, edits it in place and deletes it', async () => {
    const [note] = (await storedNotes(session)).filter((stored) => stored.comment.startsWith('How is'));
    const page = await openArticle(session, `${server.url(PAGE)}#sourcelight-note=${note.id}`);
    await expect.poll(() => shadow(page, (root) => root.activeElement?.getAttribute('aria-label'))).toBe('Your note');
    expect(await shadow(page, (root) => root.querySelector('.sl-note-comment')?.textContent)).toBe('How is "most violent" measured?');

    await page.locator('[data-sourcelight-ui] .sl-note-card .sl-primary').click();
    await writeNote(page, 'Measured by the Global Peace Index.');
    expect((await storedNotes(session)).find((stored) => stored.id === note.id)?.comment).toBe('Measured by the Global Peace Index.');

    await page.reload();
    await expect.poll(() => shadow(page, (root) => root.querySelector('.sl-note-card') !== null)).toBe(true);
    await page.locator('[data-sourcelight-ui] .sl-note-card button', { hasText: 'Delete' }).click();
    await page.locator('[data-sourcelight-ui] .sl-note-card button', { hasText: 'Really delete?' }).click();
    await expect.poll(() => noteHighlights(page)).toBe(1);
    expect((await storedNotes(session)).map((stored) => stored.id)).not.toContain(note.id);
  });
});
