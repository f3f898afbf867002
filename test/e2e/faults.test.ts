import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, storedNotes, type ChromiumSession } from './support/chromium';
import { startPageServer, type PageServer } from './support/server';

/** Opens a corpus page and the note editor on its first paragraph holding `words`. */
async function editorOn(session: ChromiumSession, url: string, words: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-sourcelight-ui]', { state: 'attached' });
  await page.locator('p', { hasText: words }).first().click({ clickCount: 3 });
  await page.locator('[data-sourcelight-ui] .sl-add-note').click();
  return page;
}

async function save(page: Page, comment: string): Promise<void> {
  await page.locator('[data-sourcelight-ui] textarea[name="comment"]').fill(comment);
  await page.locator('[data-sourcelight-ui] button[type="submit"]').click();
}

const saved = (page: Page) => page.locator('[data-sourcelight-ui] .sl-saved').count();

/** Stops the extension's service worker the way a reader's browser does after 30 s idle. */
async function stopServiceWorker(session: ChromiumSession): Promise<void> {
  const internals = await session.context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  await internals.getByText('Stop', { exact: true }).first().click();
  await expect.poll(() => internals.evaluate(() => document.body.innerText.includes('Running Status: STOPPED'))).toBe(true);
  await internals.close();
}

describe('faults in Chromium', () => {
  let server: PageServer;
  let profile: string;
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await startPageServer();
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-faults-'));
    session = await launchChromium(profile);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('keeps a note saved while the service worker was stopped mid-session', async () => {
    const page = await editorOn(session, server.url('nytimes-1'), 'Sudan is one of the poorest');
    await stopServiceWorker(session);
    await save(page, 'Saved after the worker stopped');
    await expect.poll(() => saved(page)).toBe(1);
    expect((await storedNotes(session)).map((note) => note.comment)).toContain('Saved after the worker stopped');
    await page.close();
  });

  it('keeps both notes when two tabs save at the same moment', async () => {
    const first = await editorOn(session, server.url('wapo-1'), 'Tunisian Prime Minister Habib Essid said');
    const second = await editorOn(session, server.url('bbc-1'), 'race relations had improved');
    await first.locator('[data-sourcelight-ui] textarea[name="comment"]').fill('From the first tab');
    await second.locator('[data-sourcelight-ui] textarea[name="comment"]').fill('From the second tab');
    await Promise.all([
      first.locator('[data-sourcelight-ui] button[type="submit"]').click(),
      second.locator('[data-sourcelight-ui] button[type="submit"]').click(),
    ]);
    await expect.poll(() => Promise.all([saved(first), saved(second)])).toEqual([1, 1]);
    const comments = (await storedNotes(session)).map((note) => note.comment);
    expect(comments).toEqual(expect.arrayContaining(['From the first tab', 'From the second tab']));
  });
});
