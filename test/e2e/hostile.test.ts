import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageSummary } from '@/utils/messaging';
import { launchChromium, openPopup, sendToTab, storedNotes, tabIdOf, type ChromiumSession } from './support/chromium';
import { launchFirefox, openExtensionPage, tabIdOf as firefoxTabIdOf, type FirefoxSession } from './support/firefox';
import { startPageServer, type PageServer } from './support/server';
import { ProblemRecorder } from './support/sweep';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, 'fixtures', name), 'utf8');
const inHead = (html: string, script: string) => html.replace('<!--HEAD-->', `<script>${script}</script>`);

const ARTICLE = fixture('article.html');
const PAGES = {
  /** The clean article, as served with the usual policy (no page scripts). */
  'clean-article': ARTICLE,
  /** The same article with its scripts running (nothing hostile in it). */
  'scripted-article': inHead(ARTICLE, 'window.__pageScriptRan = true;'),
  /** The same article with a script that overrides built-ins, defines our names and floods postMessage. */
  'hostile-globals': inHead(ARTICLE, fixture('hostile-globals.js')),
  /** The same article with a custom element registered under our UI host's tag. */
  'claims-our-tag': inHead(ARTICLE, fixture('claim-our-tag.js')),
  /** Page text that looks like HTML and script, with scripts allowed so an injection would run. */
  'xss-article': fixture('xss-article.html'),
};
const WITH_SCRIPTS = ['scripted-article', 'hostile-globals', 'claims-our-tag', 'xss-article'];

async function openArticle(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('sourcelight:page').length), { timeout: 15_000 }).toBe(1);
  return page;
}

/** Our highlighted ranges on the page, counted without array methods (the page may have replaced them). */
function ourHighlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let total = 0;
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<Range>>) if (name.indexOf('sourcelight-') === 0) total += highlight.size;
    return total;
  });
}

const summaryOf = async (session: ChromiumSession, url: string) =>
  (await sendToTab(session, await tabIdOf(session, url), { type: 'page/get-summary' })) as PageSummary;

/** Notes a paragraph by selecting it and using our in-page editor. */
async function noteParagraph(page: Page, containing: string, comment: string): Promise<void> {
  await page.locator('article p').filter({ hasText: containing }).first().click({ clickCount: 3 });
  await page.locator('[data-sourcelight-ui] .sl-add-note').click();
  await page.locator('[data-sourcelight-ui] textarea[name="comment"]').fill(comment);
  await page.locator('[data-sourcelight-ui] button[type="submit"]').click();
  await expect.poll(() => page.locator('[data-sourcelight-ui] .sl-saved').count()).toBe(1);
  await page.locator('[data-sourcelight-ui] .sl-editor button').first().click();
}

describe('hostile pages (Chromium)', () => {
  let server: PageServer;
  let profile: string;
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await startPageServer(PAGES, { withScripts: WITH_SCRIPTS });
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-hostile-'));
    session = await launchChromium(profile);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('shows page text that looks like HTML or script as text: in the claim card, the popup sources and a note', async () => {
    const url = server.url('xss-article');
    const page = await openArticle(session, url);
    const tabId = await tabIdOf(session, url);
    const summary = (await sendToTab(session, tabId, { type: 'page/get-summary' })) as PageSummary;
    expect(summary.isArticle).toBe(true);
    const total = Object.values(summary.counts).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(3);

    // Every claim's card, one after another.
    const cardTexts: string[] = [];
    for (let index = 0; index < total; index++) {
      await sendToTab(session, tabId, { type: 'page/show-claim', index });
      await expect.poll(() => page.locator('[data-sourcelight-ui] .sl-card').count()).toBe(1);
      cardTexts.push(await page.locator('[data-sourcelight-ui] .sl-card').innerText());
      expect(await page.locator('[data-sourcelight-ui] img, [data-sourcelight-ui] script, [data-sourcelight-ui] [onerror]').count()).toBe(0);
    }
    expect(cardTexts.join('\n')).toContain('John <script>window.__xss=2</script> Smith');

    // A note on the passage whose quote looks like an image tag, with a comment that does too.
    await noteParagraph(page, 'a spokesman said', 'Comment <img src=x onerror=window.__xss=4> <script>window.__xss=5</script>');
    expect(await page.locator('[data-sourcelight-ui] img, [data-sourcelight-ui] script, [data-sourcelight-ui] [onerror]').count()).toBe(0);

    const popup = await openPopup(session, tabId);
    const sources = popup.locator('.source-list .source-label');
    await expect.poll(() => sources.count()).toBeGreaterThan(0);
    // Many sources come folded: open the list as a reader would.
    if (!(await popup.locator('details.sources').evaluate((details) => (details as HTMLDetailsElement).open))) await popup.locator('details.sources > summary').click();
    const sourceText = (await sources.allInnerTexts()).join('\n');
    expect(sourceText).toContain('John <script>window.__xss=2</script> Smith');
    const pageNotes = popup.locator('section[aria-label="Notes on this page"] .note');
    await expect.poll(() => pageNotes.count()).toBe(1);
    expect(await pageNotes.locator('.note-quote').innerText()).toContain('<img src=x onerror=window.__xss=1>');
    expect(await pageNotes.locator('.note-comment').innerText()).toContain('<script>window.__xss=5</script>');
    // The popup's own document has its module script in <head>; nothing may appear in its body.
    expect(await popup.locator('body img[src="x"], body script, [onerror]').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await popup.close();

    // On the page too (its scripts run here, so an injected handler would have fired).
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.close();
  });

  it('a page that replaces built-ins, defines our names and floods postMessage gets the same marks, and notes still save', async () => {
    const clean = await openArticle(session, server.url('clean-article'));
    const cleanSummary = await summaryOf(session, server.url('clean-article'));
    const cleanMarks = await ourHighlightCount(clean);
    await clean.close();
    expect(cleanSummary.isArticle).toBe(true);
    expect(cleanMarks).toBeGreaterThan(0);

    const url = server.url('hostile-globals');
    const page = await openArticle(session, url);
    // The hostile script really ran.
    expect(await page.evaluate(() => typeof (window as unknown as { __hostileLog?: unknown }).__hostileLog)).toBe('object');
    const summary = await summaryOf(session, url);
    expect(summary.isArticle).toBe(true);
    expect(summary.counts).toEqual(cleanSummary.counts);
    expect(summary.sources.length).toBe(cleanSummary.sources.length);
    expect(await ourHighlightCount(page)).toBe(cleanMarks);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __hostileSent?: number }).__hostileSent ?? 0)).toBeGreaterThan(1000);

    const before = (await storedNotes(session)).length;
    await noteParagraph(page, 'Maria Lopez', 'Saved despite a hostile page.');
    const after = await storedNotes(session);
    expect(after.length).toBe(before + 1);
    expect(after.some((note) => note.comment === 'Saved despite a hostile page.')).toBe(true);
    // None of the forged messages became a note.
    expect(after.some((note) => note.comment === 'forged by the page')).toBe(false);
    await page.close();
  });

  it('a page that registers a custom element named like our UI host still gets its marks', async () => {
    const clean = await openArticle(session, server.url('clean-article'));
    const cleanSummary = await summaryOf(session, server.url('clean-article'));
    await clean.close();
    const url = server.url('claims-our-tag');
    const page = await session.context.newPage();
    const recorder = await ProblemRecorder.attach(session.context, page, session.extensionId);
    await page.goto(url);
    const finished = await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName('sourcelight:page').length), { timeout: 10_000 })
      .toBe(1)
      .then(() => true)
      .catch(() => false);
    const ours = recorder.take().filter((problem) => problem.ours);
    await recorder.detach();
    for (const problem of ours) console.error(`[hostile] claims-our-tag: ${problem.text}`);
    expect(ours.map((problem) => problem.text)).toEqual([]);
    expect(finished).toBe(true);
    const summary = await summaryOf(session, url);
    expect(summary.isArticle).toBe(true);
    expect(summary.counts).toEqual(cleanSummary.counts);
    expect(await ourHighlightCount(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('a page cannot send messages that reach the notes database', async () => {
    const url = server.url('scripted-article');
    const page = await openArticle(session, url);
    expect(await page.evaluate(() => (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan)).toBe(true);
    const before = await storedNotes(session);
    const { extensionId } = session;
    const draft = {
      url,
      title: 'forged',
      quote: { type: 'TextQuoteSelector', exact: 'City council', prefix: '', suffix: '' },
      position: null,
      comment: 'forged by the page',
      verdict: null,
      tags: [],
      claimSource: null,
      claimKind: null,
    };
    // From the page's main world: the extension messaging API, if the page has it at all.
    const direct = await page.evaluate(
      async ([id, forged]) => {
        const chrome = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } } }).chrome;
        if (typeof chrome?.runtime?.sendMessage !== 'function') return 'unavailable';
        try {
          const reply = await Promise.race([
            Promise.resolve(chrome.runtime.sendMessage(id, { type: 'notes/save', draft: forged })),
            new Promise((done) => setTimeout(() => done('no answer'), 2000)),
          ]);
          return `answered: ${JSON.stringify(reply)}`;
        } catch (error) {
          return `refused: ${String(error)}`;
        }
      },
      [extensionId, draft] as const,
    );
    expect(direct === 'unavailable' || direct.startsWith('refused') || direct === 'answered: undefined' || direct === 'no answer').toBe(true);
    // window.postMessage of our message shapes, to the page and to every frame.
    await page.evaluate((forged) => {
      const shapes: unknown[] = [
        { type: 'notes/save', draft: forged },
        { type: 'notes/update', id: '00000000-0000-4000-8000-000000000000', changes: { comment: 'forged' } },
        { type: 'notes/delete', id: '00000000-0000-4000-8000-000000000000' },
        { type: 'page/mark-now' },
        { type: 'page/summary', summary: {} },
        JSON.stringify({ type: 'notes/save', draft: forged }),
      ];
      for (const shape of shapes) {
        window.postMessage(shape, '*');
        window.dispatchEvent(new MessageEvent('message', { data: shape, origin: location.origin }));
        document.dispatchEvent(new CustomEvent('sourcelight', { detail: shape }));
      }
    }, draft);
    await page.waitForTimeout(1000);
    const after = await storedNotes(session);
    expect(after.map((note) => note.id).sort()).toEqual(before.map((note) => note.id).sort());
    expect(after.some((note) => note.comment === 'forged by the page')).toBe(false);
    console.log(`[hostile] chrome.runtime.sendMessage from the page: ${direct}`);
    await page.close();
  });
});

describe('hostile pages (Firefox ESR)', () => {
  let server: PageServer;
  let profile: string;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = await startPageServer(PAGES, { withScripts: WITH_SCRIPTS });
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-hostile-ff-'));
    session = await launchFirefox(profile);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Opens a page and waits for our content script to be done with it (false if it never was). */
  async function open(url: string): Promise<{ page: FirefoxPage; finished: boolean }> {
    const page = await session.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const deadline = Date.now() + 10_000;
    let finished = false;
    while (!finished && Date.now() < deadline) {
      finished = await page.evaluate(() => performance.getEntriesByName('sourcelight:page').length === 1);
      if (!finished) await new Promise((done) => setTimeout(done, 50));
    }
    return { page, finished };
  }

  async function summary(url: string): Promise<PageSummary> {
    const tabId = await firefoxTabIdOf(session, url);
    const helper = await openExtensionPage(session, 'options.html');
    const reply = await helper.evaluate(
      (id) => (globalThis as unknown as { browser: import('webextension-polyfill').Browser }).browser.tabs.sendMessage(id, { type: 'page/get-summary' }),
      tabId,
    );
    await helper.close();
    return reply as PageSummary;
  }

  async function noteComments(): Promise<string[]> {
    const helper = await openExtensionPage(session, 'options.html');
    const comments = await helper.evaluate(
      () =>
        new Promise<string[]>((done, fail) => {
          const request = indexedDB.open('sourcelight');
          request.onerror = () => fail(request.error);
          request.onsuccess = () => {
            const db = request.result;
            if (!db.objectStoreNames.contains('notes')) return done([]);
            const all = db.transaction('notes').objectStore('notes').getAll();
            all.onsuccess = () => done((all.result as Array<{ comment: string }>).map((note) => note.comment));
            all.onerror = () => fail(all.error);
          };
        }),
    );
    await helper.close();
    return comments;
  }

  const highlightCount = (page: FirefoxPage) =>
    page.evaluate(() => {
      let total = 0;
      for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<Range>>) if (name.indexOf('sourcelight-') === 0) total += highlight.size;
      return total;
    });

  it('a page that replaces built-ins, defines our names and floods postMessage gets the same marks as the clean page, and no forged note', async () => {
    const clean = await open(server.url('clean-article'));
    expect(clean.finished).toBe(true);
    const cleanSummary = await summary(server.url('clean-article'));
    const cleanMarks = await highlightCount(clean.page);
    await clean.page.close();
    expect(cleanMarks).toBeGreaterThan(0);

    const hostile = await open(server.url('hostile-globals'));
    expect(hostile.finished).toBe(true);
    expect(await hostile.page.evaluate(() => typeof (window as unknown as { __hostileLog?: unknown }).__hostileLog)).toBe('object');
    const hostileSummary = await summary(server.url('hostile-globals'));
    expect(hostileSummary.counts).toEqual(cleanSummary.counts);
    expect(await highlightCount(hostile.page)).toBe(cleanMarks);
    // The page's main world has no extension messaging API.
    expect(await hostile.page.evaluate(() => typeof (window as unknown as { chrome?: { runtime?: unknown } }).chrome?.runtime)).toBe('undefined');
    await new Promise((done) => setTimeout(done, 1000));
    expect(await noteComments()).not.toContain('forged by the page');
    await hostile.page.close();
  });

  it('a page that registers a custom element named like our UI host still gets its marks', async () => {
    const clean = await open(server.url('clean-article'));
    const cleanSummary = await summary(server.url('clean-article'));
    await clean.page.close();
    const { page, finished } = await open(server.url('claims-our-tag'));
    if (!finished) {
      // Say why, if the browser tells: the content script's console is not always visible from here.
      const seen: string[] = [];
      page.on('console', (message) => seen.push(`console.${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => seen.push(`pageerror: ${String(error)}`));
      await page.reload({ waitUntil: 'load' });
      await new Promise((done) => setTimeout(done, 3000));
      console.error(`[hostile firefox] claims-our-tag: the content script did not finish; messages seen: ${JSON.stringify(seen)}`);
    }
    expect(finished).toBe(true);
    expect((await summary(server.url('claims-our-tag'))).counts).toEqual(cleanSummary.counts);
    expect(await highlightCount(page)).toBeGreaterThan(0);
    await page.close();
  });
});
