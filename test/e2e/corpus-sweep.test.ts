import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser as FirefoxBrowser, Page as FirefoxPage } from 'puppeteer-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageSummary } from '@/utils/messaging';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { firefoxBuild, requireBuild } from './support/corpus';
import { extensionOrigin, launchBareFirefox, openExtensionPage } from './support/firefox';
import { startPageServer, type PageServer } from './support/server';
import {
  ENGLISH_NEWS_WITH_QUOTES,
  FIREFOX_PAGES,
  NEWS_PAGES,
  ProblemRecorder,
  QUIET_PAGES,
  corpusPages,
  formatTable,
  highlightSizesScript,
  launchBareChromium,
  newProblems,
  normalize,
  ourMeasuresScript,
  type Problem,
  type SweepRow,
} from './support/sweep';

/** How long the content script may take on one page before we stop waiting for it. */
const PAGE_DEADLINE_MS = 15_000;
const VIEWPORT = { width: 1280, height: 900 };
const ENGLISH_QUOTES: ReadonlySet<string> = new Set(ENGLISH_NEWS_WITH_QUOTES);

/** Our measures on the page once the content script is done with it, or as they are after PAGE_DEADLINE_MS. */
async function ourMeasuresWhenDone(read: () => Promise<Record<string, number>>): Promise<Record<string, number>> {
  for (const deadline = Date.now() + PAGE_DEADLINE_MS; ; ) {
    const measures = await read().catch(() => ({}));
    if ('page' in measures || Date.now() > deadline) return measures;
    await new Promise((done) => setTimeout(done, 25));
  }
}

const claimTotal = (summary: PageSummary | null) => (summary ? Object.values(summary.counts).reduce((sum, n) => sum + n, 0) : 0);
const ourHighlights = (sizes: Record<string, number>) =>
  Object.entries(sizes)
    .filter(([name]) => name.startsWith('sourcelight-'))
    .reduce((sum, [, size]) => sum + size, 0);

/**
 * What must hold on one page with the extension, by our own rule (the page lists in
 * support/sweep.ts), compared with the extension's answers. Returns the failures.
 */
function judge(
  page: string,
  seen: { summary: PageSummary | null; measures: Record<string, number>; highlights: Record<string, number>; ours: Problem[]; textSame: boolean },
): string[] {
  const failures: string[] = [];
  const marks = ourHighlights(seen.highlights);
  for (const problem of seen.ours) failures.push(`${page}: error of ours: ${problem.text}`);
  if (!seen.textSame) failures.push(`${page}: document.body.innerText differs with the extension`);
  if (!('page' in seen.measures)) failures.push(`${page}: the content script did not finish within ${PAGE_DEADLINE_MS} ms (no sourcelight:page measure)`);
  if (QUIET_PAGES.has(page)) {
    if (marks > 0) failures.push(`${page}: synthetic/app-like page got ${marks} marks`);
    if ('annotate' in seen.measures) failures.push(`${page}: synthetic/app-like page was annotated (sourcelight:annotate measure)`);
  }
  if (NEWS_PAGES.has(page) && seen.summary?.isArticle !== true) failures.push(`${page}: a news story not treated as an article`);
  if (ENGLISH_QUOTES.has(page) && marks === 0) failures.push(`${page}: an English news story with quotes got no marks`);
  if (seen.summary?.isArticle) {
    const claims = claimTotal(seen.summary);
    if (claims > 0 && marks === 0) failures.push(`${page}: article with ${claims} claims but no highlights`);
    if (claims === 0 && marks > 0) failures.push(`${page}: article with no claims but ${marks} highlighted ranges`);
  }
  return failures;
}

describe('corpus sweep in Chromium: every page, with and without the extension', () => {
  let server: PageServer;
  let profile: string;
  let session: ChromiumSession | null = null;

  beforeAll(async () => {
    server = await startPageServer();
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-sweep-'));
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('runs every corpus page with no error of ours, no text change, and marks only where it should', { timeout: 600_000 }, async () => {
    const pages = corpusPages();
    expect(pages.length).toBeGreaterThanOrEqual(130);

    // 1. Without the extension: the page's own errors and text.
    const bare: Record<string, { problems: Problem[]; text: string }> = {};
    const bareProfile = mkdtempSync(join(tmpdir(), 'sourcelight-sweep-bare-'));
    const plain = await launchBareChromium(bareProfile);
    try {
      const context = plain;
      const tab = await context.newPage();
      const recorder = await ProblemRecorder.attach(context, tab, null);
      const pageErrors: Problem[] = [];
      tab.on('pageerror', (error) => pageErrors.push({ kind: 'exception', ours: false, text: String(error.stack ?? error) }));
      for (const name of pages) {
        await tab.goto(server.url(name), { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
        const text = await tab.evaluate(() => document.body?.innerText ?? '');
        bare[name] = { problems: [...recorder.take(), ...pageErrors.splice(0)], text };
      }
    } finally {
      await plain.close();
      rmSync(bareProfile, { recursive: true, force: true });
    }

    // 2. With the extension, one tab, page after page.
    session = await launchChromium(profile);
    const { context, extensionId } = session;
    const workerProblems: string[] = [];
    session.serviceWorker.on('console', (message) => {
      if (message.type() === 'error') workerProblems.push(`service worker console.error: ${message.text()}`);
    });
    context.on('weberror', (error) => workerProblems.push(`weberror: ${String(error.error().stack ?? error.error())}`));
    const tab: Page = await context.newPage();
    const recorder = await ProblemRecorder.attach(context, tab, extensionId);
    const pageErrors: Problem[] = [];
    tab.on('pageerror', (error) => {
      const text = String(error.stack ?? error);
      pageErrors.push({ kind: 'exception', ours: text.includes(`chrome-extension://${extensionId}`), text });
    });
    const helper = await context.newPage();
    await helper.goto(`chrome-extension://${extensionId}/options.html`);
    const ask = (tabId: number) =>
      helper.evaluate(
        (id) =>
          (globalThis as unknown as { chrome: ExtensionApi }).chrome.tabs
            .sendMessage(id, { type: 'page/get-summary' })
            .catch(() => null) as Promise<PageSummary | null>,
        tabId,
      );
    let tabId = -1;

    const rows: SweepRow[] = [];
    const failures: string[] = [];
    for (const name of pages) {
      const started = Date.now();
      const notes: string[] = [];
      await tab.goto(server.url(name), { waitUntil: 'load', timeout: 30_000 }).catch((error) => notes.push(`load: ${String(error).slice(0, 60)}`));
      const measures = await ourMeasuresWhenDone(() => tab.evaluate(ourMeasuresScript));
      const ms = Date.now() - started;
      const highlights = await tab.evaluate(highlightSizesScript);
      const text = await tab.evaluate(() => document.body?.innerText ?? '');
      if (tabId < 0) {
        tabId = await helper.evaluate(async () => {
          const chrome = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
          const me = await chrome.tabs.getCurrent();
          for (const other of await chrome.tabs.query({})) {
            if (other.id === undefined || other.id === me?.id) continue;
            if (await chrome.tabs.sendMessage(other.id, { type: 'page/get-summary' }).catch(() => null)) return other.id;
          }
          return -1;
        });
      }
      const summary = tabId < 0 ? null : await ask(tabId);
      const seenProblems = [...recorder.take(), ...pageErrors.splice(0)];
      const extra = newProblems(seenProblems, bare[name].problems);
      // Page scripts do not run here (the server's policy), so an exception that only happens with the extension is ours even when nothing names us.
      // Firefox reports the server's policy blocking the page's own images as errors; when a lazy
      // image loads differs from run to run, so those reports are the page's, never ours.
      const policyReport = (problem: Problem) => problem.text.startsWith('Content-Security-Policy:');
      const ours = extra.filter((problem) => problem.ours || (problem.kind === 'exception' && !policyReport(problem)));
      const pageSide = extra.filter((p) => !p.ours);
      if (pageSide.length) notes.push(`${pageSide.length} page-side console/log lines not seen without us (resource loads, manifests; not ours): ${normalize(pageSide[0].text).slice(0, 50)}`);
      const textSame = text === bare[name].text;
      const verdict = judge(name, { summary, measures, highlights, ours, textSame });
      failures.push(...verdict);
      if (!summary) notes.push('no summary');
      if (measures.page !== undefined) notes.push(`ours ${Math.round(measures.page)} ms`);
      rows.push({ page: name, article: summary?.isArticle ?? null, claims: claimTotal(summary), marks: ourHighlights(highlights), ourErrors: ours.length, textSame, ms, notes });
      for (const problem of ours) console.error(`[sweep] ${name}: ${problem.text}`);
    }
    await helper.close();
    console.log(formatTable('Chromium (130 corpus pages, with the extension)', rows));
    if (workerProblems.length) console.error(`[sweep] service worker:\n${workerProblems.join('\n')}`);
    failures.push(...workerProblems);
    expect(failures).toEqual([]);
  });
});

function recordFirefoxProblems(tab: FirefoxPage, into: Problem[]): void {
  const ours = (text: string) => text.includes(extensionOrigin) || text.includes('moz-extension://') || /sourcelight/i.test(text);
  tab.on('pageerror', (error) => {
    const text = String((error as Error).stack ? `${(error as Error).message}\n${(error as Error).stack}` : error);
    into.push({ kind: 'exception', ours: ours(text), text });
  });
  tab.on('console', (message) => {
    const type = message.type();
    const text = `console.${type}: ${message.text()} ${message.location()?.url ?? ''}`;
    if (type === 'error' || (type === 'warn' && ours(text))) into.push({ kind: 'console', ours: ours(text), text });
  });
}

describe('corpus sweep in Firefox ESR: 20 representative pages', () => {
  let server: PageServer;
  let profile: string;
  let browser: FirefoxBrowser | null = null;

  beforeAll(async () => {
    server = await startPageServer();
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-sweep-ff-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('runs the pages with no error of ours, no text change, and marks only where it should', { timeout: 240_000 }, async () => {
    browser = await launchBareFirefox(profile);
    const tab = await browser.newPage();
    await tab.setViewport(VIEWPORT);
    const problems: Problem[] = [];
    recordFirefoxProblems(tab, problems);

    const bare: Record<string, { problems: Problem[]; text: string }> = {};
    for (const name of FIREFOX_PAGES) {
      await tab.goto(server.url(name), { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
      bare[name] = { text: await tab.evaluate(() => document.body?.innerText ?? ''), problems: problems.splice(0) };
    }

    await browser.installExtension(requireBuild(firefoxBuild));
    const helper = await openExtensionPage({ browser, close: async () => {} }, 'options.html');
    const ask = (tabId: number) =>
      helper.evaluate(
        (id) =>
          (globalThis as unknown as { browser: ExtensionApi }).browser.tabs
            .sendMessage(id, { type: 'page/get-summary' })
            .catch(() => null) as Promise<PageSummary | null>,
        tabId,
      );
    let tabId = -1;
    const rows: SweepRow[] = [];
    const failures: string[] = [];
    for (const name of FIREFOX_PAGES) {
      const started = Date.now();
      const notes: string[] = [];
      await tab.goto(server.url(name), { waitUntil: 'load', timeout: 30_000 }).catch((error) => notes.push(`load: ${String(error).slice(0, 60)}`));
      const measures = await ourMeasuresWhenDone(() => tab.evaluate(ourMeasuresScript));
      const ms = Date.now() - started;
      const highlights = await tab.evaluate(highlightSizesScript);
      const text = await tab.evaluate(() => document.body?.innerText ?? '');
      if (tabId < 0) {
        tabId = await helper.evaluate(async () => {
          const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
          const me = await api.tabs.getCurrent();
          for (const other of await api.tabs.query({})) {
            if (other.id === undefined || other.id === me?.id) continue;
            if (await api.tabs.sendMessage(other.id, { type: 'page/get-summary' }).catch(() => null)) return other.id;
          }
          return -1;
        });
      }
      const summary = tabId < 0 ? null : await ask(tabId);
      const extra = newProblems(problems.splice(0), bare[name].problems);
      // Page scripts do not run here (the server's policy), so an exception that only happens with the extension is ours even when nothing names us.
      // Firefox reports the server's policy blocking the page's own images as errors; when a lazy
      // image loads differs from run to run, so those reports are the page's, never ours.
      const policyReport = (problem: Problem) => problem.text.startsWith('Content-Security-Policy:');
      const ours = extra.filter((problem) => problem.ours || (problem.kind === 'exception' && !policyReport(problem)));
      const pageSide = extra.filter((p) => !p.ours);
      if (pageSide.length) notes.push(`${pageSide.length} page-side console/log lines not seen without us (resource loads, manifests; not ours): ${normalize(pageSide[0].text).slice(0, 50)}`);
      const textSame = text === bare[name].text;
      failures.push(...judge(name, { summary, measures, highlights, ours, textSame }));
      if (!summary) notes.push('no summary');
      if (measures.page !== undefined) notes.push(`ours ${Math.round(measures.page)} ms`);
      rows.push({ page: name, article: summary?.isArticle ?? null, claims: claimTotal(summary), marks: ourHighlights(highlights), ourErrors: ours.length, textSame, ms, notes });
      for (const problem of ours) console.error(`[sweep firefox] ${name}: ${problem.text}`);
    }
    await helper.close();
    console.log(formatTable('Firefox ESR (20 pages, with the extension)', rows));
    expect(failures).toEqual([]);
  });
});
