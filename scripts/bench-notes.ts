/**
 * Notes review benchmark, in real Chromium with the built extension (`npm run build` first; or set
 * SOURCELIGHT_CHROME_BUILD to a built chrome-mv3 folder). For 10,000 and 100,000 generated notes
 * (40 sites, dates over a year, words from the corpus's article texts), it imports them through the
 * options page's file input (JSON export files of at most 25,000 notes), then measures in the popup:
 *   - first paint: navigation start → first contentful paint, and → the first note in the list;
 *   - search: the time from the (debounced) query starting to its results on screen, as the popup
 *     itself measures it (performance.measure 'sourcelight-notes-query'), for words of every frequency,
 *     once the search box has focus and the popup has loaded the notes for quick search (the load
 *     time is printed too);
 *   - filters: a site, a verdict + word;
 *   - one page's notes: the popup opened for a tab showing a page with 25 notes → those notes listed.
 * Prints a table against the targets (first paint ≤ 200 ms and search ≤ 30 ms at 10,000 notes), then
 * runs scripts/bench-anchor.ts unless --no-anchor.
 * Run: npx tsx scripts/bench-notes.ts [--sizes 10000,100000] [--runs 7] [--no-anchor]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../test/e2e/support/chromium';
import { startPageServer, type PageServer } from '../test/e2e/support/server';
import { notesToJson } from '../utils/notes/export-json';
import { VERDICTS, type Note } from '../utils/notes/note';
import { wordsOf } from '../utils/notes/words';
import type { SourceKind } from '../utils/attribution/types';
import { rng } from '../test/random';
import { median } from './stats';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const SIZES = option('--sizes', '10000,100000').split(',').map(Number);
const RUNS = Number(option('--runs', '7'));
const CHUNK = 25_000;
const PAGE_NOTES = 25;
const TARGETS = { firstPaint: 200, search: 30 };

const TEXT_DIR = resolve(process.cwd(), '../shared/corpus/labels/text');
/** Sentences of real news text to cut passages, comments and titles from. */
function sentences(): string[] {
  if (existsSync(TEXT_DIR)) {
    const all = readdirSync(TEXT_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((f) => readFileSync(join(TEXT_DIR, f), 'utf8').split(/(?<=[.!?]["”’]?)\s+/))
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter((s) => s.split(' ').length >= 6);
    if (all.length > 100) return all;
  }
  // No corpus: synthetic words.
  const random = rng(7);
  const syllables = ['ka', 'ro', 'mi', 'ten', 'sar', 'lo', 've', 'pri', 'dan', 'gu', 'tho', 'nel'];
  const word = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join('');
  return Array.from({ length: 3000 }, () => Array.from({ length: 8 + Math.floor(random() * 15) }, word).join(' ') + '.');
}

const SITES = [
  'nytimes.com', 'bbc.co.uk', 'reuters.com', 'apnews.com', 'theguardian.com', 'washingtonpost.com', 'wsj.com', 'ft.com',
  'cnn.com', 'npr.org', 'aljazeera.com', 'lemonde.fr', 'spiegel.de', 'elpais.com', 'bloomberg.com', 'politico.com',
  'axios.com', 'theatlantic.com', 'economist.com', 'latimes.com', 'usatoday.com', 'nbcnews.com', 'cbsnews.com', 'abc.net.au',
  'cbc.ca', 'irishtimes.com', 'scmp.com', 'japantimes.co.jp', 'thehindu.com', 'dw.com', 'france24.com', 'voanews.com',
  'propublica.org', 'vox.com', 'slate.com', 'arstechnica.com', 'wired.com', 'theverge.com', 'nature.com', 'science.org',
];
const TAGS = [
  'anonymous', 'follow-up', 'economy', 'politics', 'climate', 'health', 'courts', 'check later', 'contradiction', 'numbers',
  'quote', 'official', 'leak', 'science', 'tech', 'war', 'elections', 'housing', 'energy', 'labor', 'education', 'crime',
  'immigration', 'trade', 'markets', 'media', 'sports', 'culture', 'good sourcing', 'weak sourcing',
];
const KINDS: SourceKind[] = ['named', 'anonymous', 'vague', 'non-response'];
const DAY = 86_400_000;
const id = (n: number, salt: number) => `${salt.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** `count` notes, ~5 per page, the first PAGE_NOTES on `pageUrl`. */
function generateNotes(count: number, pageUrl: string, now: number): Note[] {
  const random = rng(count);
  const pool = sentences();
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const words = (n: number) => {
    const s = pick(pool).split(' ');
    const start = Math.floor(random() * Math.max(1, s.length - n));
    return s.slice(start, start + n).join(' ');
  };
  const notes: Note[] = [];
  let page = { url: '', site: '', title: '', date: 0 };
  for (let i = 0; i < count; i++) {
    if (i < PAGE_NOTES) page = { url: pageUrl, site: '127.0.0.1', title: 'The benchmark page', date: now - DAY };
    else if (i === PAGE_NOTES || random() < 0.2) {
      const site = pick(SITES);
      const date = now - Math.floor(random() * 365 * DAY);
      const title = words(4 + Math.floor(random() * 6)).replace(/[.!?"”]+$/, '');
      const slug = wordsOf(title).slice(0, 6).join('-') || 'story';
      page = { url: `https://www.${site}/${new Date(date).toISOString().slice(0, 10).replace(/-/g, '/')}/${slug}-${i}`, site, title, date };
    }
    const createdAt = page.date + Math.floor(random() * 3 * 3600_000);
    const exact = words(6 + Math.floor(random() * 20));
    const hasClaim = random() < 0.5;
    notes.push({
      id: id(i, count),
      url: page.url,
      site: page.site,
      title: page.title,
      quote: { type: 'TextQuoteSelector', exact, prefix: words(5), suffix: words(5) },
      position: { type: 'TextPositionSelector', start: Math.floor(random() * 20_000), end: 0 },
      comment: random() < 0.85 ? words(3 + Math.floor(random() * 18)) : '',
      verdict: pick(VERDICTS),
      tags: Array.from(new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(TAGS)))),
      claimSource: hasClaim ? words(2) : null,
      claimKind: hasClaim ? pick(KINDS) : null,
      createdAt,
      updatedAt: createdAt + (random() < 0.2 ? Math.floor(random() * 30 * DAY) : 0),
    });
    const last = notes[notes.length - 1]!;
    last.position!.end = last.position!.start + exact.length;
  }
  return notes;
}

/** Search words of every frequency, from the notes themselves. */
function searchWords(notes: Note[]): { word: string; notes: number }[] {
  const frequency = new Map<string, number>();
  for (const note of notes) {
    for (const word of wordsOf(`${note.comment} ${note.quote.exact} ${note.title}`)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const ranked = [...frequency].filter(([w]) => w.length >= 4 && /^[a-z]+$/.test(w)).sort((a, b) => b[1] - a[1]);
  const at = (share: number) => ranked[Math.min(ranked.length - 1, Math.floor(ranked.length * share))]!;
  const chosen = [ranked[0]!, ranked[5]!, at(0.01), at(0.05), at(0.2), at(0.6), at(0.95)];
  const prefix = ranked[1]![0].slice(0, 3);
  return [
    ...chosen.map(([word, n]) => ({ word, notes: n })),
    { word: prefix, notes: NaN },
    { word: `${chosen[2]![0]} ${chosen[3]![0]}`, notes: NaN },
    { word: 'zzyzxq', notes: 0 },
  ];
}

const began = Date.now();
const log = (message: string) => console.error(`[${((Date.now() - began) / 1000).toFixed(1)} s] ${message}`);

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');

/** Records, from the document's start, when the first note of a list appears. */
const FIRST_NOTE_OBSERVER = `(() => {
  const seen = {};
  const check = () => {
    if (seen.all === undefined && document.querySelector('.results .note')) seen.all = performance.now();
    if (seen.page === undefined && document.querySelector('section[aria-label="Notes on this page"] .note')) seen.page = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  window.__sourcelightSeen = seen;
})();`;

interface PaintRun {
  fcp: number;
  firstNote: number;
  pageNote?: number;
}

async function popupPaint(session: ChromiumSession, tabId: number | null): Promise<PaintRun> {
  const page = await session.context.newPage();
  await page.addInitScript(FIRST_NOTE_OBSERVER);
  await openPage(page, session, tabId);
  const seen = 'window.__sourcelightSeen';
  // Polled from here: a string predicate in waitForFunction would need eval, which the extension's CSP forbids.
  for (let tries = 0; !(await page.evaluate(`${seen}.all !== undefined && (${tabId === null} || ${seen}.page !== undefined)`)); tries++) {
    if (tries > 3000) throw new Error('the popup showed no notes within 60 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  const run: PaintRun = await page.evaluate(`({
    fcp: (performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint') || { startTime: NaN }).startTime,
    firstNote: ${seen}.all,
    pageNote: ${seen}.page,
  })`);
  await page.close();
  return run;
}

async function openPage(page: Page, session: ChromiumSession, tabId: number | null) {
  await page.goto(`chrome-extension://${session.extensionId}/popup.html${tabId === null ? '' : `?tab=${tabId}`}`);
}

/** Types a query and reads back the popup's own measure of it, and the wall time from typing to results (with the debounce). */
interface SearchRun {
  /** Debounced query starts → results painted (the popup's own measure, taken in an effect after paint). */
  query: number;
  /** searchNotes alone. */
  search: number;
  /** Debounced query starts → results in the DOM (MutationObserver). */
  dom: number;
  /** Typing → results in the DOM, with the debounce. */
  typed: number;
  shown: number;
}

async function searchOnce(page: Page, text: string): Promise<SearchRun> {
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  return page.evaluate(`(async (value) => {
    performance.clearMeasures('sourcelight-notes-query');
    performance.clearMeasures('sourcelight-notes-search');
    performance.clearMarks('sourcelight-notes-query-start');
    const input = document.querySelector('input[name=search]');
    // Unchanged: nothing will re-render, the results on screen are already this query's.
    if (input.value === value) return { query: NaN, search: NaN, dom: NaN, typed: 0, shown: document.querySelectorAll('.results .note').length };
    const selector = '.results[data-results-for="' + CSS.escape(value.trim()) + '"]';
    const start = performance.now();
    const done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(selector)) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const end = await done;
    // The measure is taken in an effect just after the results are painted.
    for (let i = 0; i < 50 && !performance.getEntriesByName('sourcelight-notes-query').length; i++) await new Promise((r) => setTimeout(r, 10));
    const measure = performance.getEntriesByName('sourcelight-notes-query').at(-1);
    const search = performance.getEntriesByName('sourcelight-notes-search').at(-1);
    const queryStart = performance.getEntriesByName('sourcelight-notes-query-start').at(-1);
    return {
      query: measure ? measure.duration : NaN,
      search: search ? search.duration : NaN,
      dom: queryStart ? end - queryStart.startTime : NaN,
      typed: end - start,
      shown: document.querySelectorAll('.results .note').length,
    };
  })(${JSON.stringify(text)})`);
}

async function clearSearch(page: Page) {
  await searchOnce(page, '');
}

async function choose(page: Page, name: string, value: string): Promise<number> {
  return page.evaluate(`(async (selectName, optionValue) => {
    performance.clearMeasures('sourcelight-notes-query');
    const select = document.querySelector('select[name=' + selectName + ']');
    if (![...select.options].some((o) => o.value === optionValue)) select.add(new Option(optionValue, optionValue));
    select.value = optionValue;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    for (let i = 0; i < 500 && !performance.getEntriesByName('sourcelight-notes-query').length; i++) await new Promise((r) => setTimeout(r, 5));
    const measure = performance.getEntriesByName('sourcelight-notes-query').at(-1);
    return measure ? measure.duration : NaN;
  })(${JSON.stringify(name)}, ${JSON.stringify(value)})`);
}

async function importNotes(session: ChromiumSession, notes: Note[], dir: string): Promise<number> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.waitForSelector('input[name=import]');
  const start = performance.now();
  for (let i = 0; i < notes.length; i += CHUNK) {
    const file = join(dir, `notes-${i}.json`);
    writeFileSync(file, notesToJson(notes.slice(i, i + CHUNK)));
    await options.locator('input[name=import]').setInputFiles(file);
    await options.waitForFunction(
      (name) => {
        const status = document.querySelector('section[aria-labelledby=import-heading] .status')?.textContent ?? '';
        if (status.startsWith('Nothing was imported')) throw new Error(status);
        return status.startsWith(`Imported ${name}`);
      },
      `notes-${i}.json`,
      { timeout: 600_000, polling: 200 },
    );
    rmSync(file);
  }
  const took = performance.now() - start;
  const expected = `You have ${notes.length.toLocaleString('en')} notes.`;
  await options.waitForFunction((text) => document.querySelector('.note-count')?.textContent === text, expected, { timeout: 60_000 }).catch(async () => {
    throw new Error(`after import: ${await options.locator('.note-count').textContent()}, expected ${expected}`);
  });
  await options.close();
  return took;
}

interface Result {
  size: number;
  importMs: number;
  coldFcp: number;
  coldFirstNote: number;
  fcp: number;
  firstNote: number;
  pageNote: number;
  searches: ({ word: string; notes: number } & SearchRun)[];
  siteFilter: number;
  verdictWord: number;
  /** Focus on the search box → the notes loaded for quick search (NaN when there are too many to keep). */
  quickSearchLoad: number;
}

async function benchSize(size: number, server: PageServer): Promise<Result> {
  const profile = mkdtempSync(join(tmpdir(), 'sourcelight-bench-notes-'));
  const dir = mkdtempSync(join(tmpdir(), 'sourcelight-bench-files-'));
  const session = await launchChromium(profile);
  try {
    // The page with notes, open in a tab, for "this page's notes".
    const pageUrl = server.url('nytimes-1');
    const story = await session.context.newPage();
    await story.goto(pageUrl);
    let tabId: number | null = null;
    let noteUrl = pageUrl;
    try {
      await story.waitForSelector('[data-sourcelight-ui]', { state: 'attached', timeout: 15_000 });
      const found = await tabOfPage(session);
      if (found) [tabId, noteUrl] = found;
    } catch (error) {
      log(`[${size}] no content script answer on the page (${(error as Error).message}); skipping this page's notes`);
    }
    const notes = generateNotes(size, noteUrl, Date.now());
    log(`[${size}] importing ${size.toLocaleString('en')} notes through the options page…`);
    const importMs = await importNotes(session, notes, dir);

    log(`[${size}] popup first paint…`);
    const cold = await popupPaint(session, null);
    log(`[${size}] cold: ${JSON.stringify(cold)}`);
    const runs: PaintRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await popupPaint(session, null));
    const pageRuns: PaintRun[] = [];
    if (tabId !== null) for (let i = 0; i < RUNS; i++) pageRuns.push(await popupPaint(session, tabId));

    log(`[${size}] search…`);
    const popup = await session.context.newPage();
    await openPage(popup, session, null);
    await popup.waitForSelector('.results .note');
    // The reader reaches for the search box: the popup loads the notes for quick search (at most
    // MAX_CACHED_NOTES; beyond that every search asks IndexedDB and this wait ends at once).
    const quickSearchLoad: number = await popup.evaluate(`(async () => {
      const start = performance.now();
      document.querySelector('input[name=search]').focus();
      for (let i = 0; i < 3000 && !document.querySelector('form[data-quick-search=ready]'); i++) await new Promise((r) => setTimeout(r, 10));
      return document.querySelector('form[data-quick-search=ready]') ? performance.now() - start : NaN;
    })()`);
    const searches: Result['searches'] = [];
    for (const { word, notes: count } of searchWords(notes)) {
      log(`[${size}] search "${word}"`);
      const times: SearchRun[] = [];
      for (let i = 0; i < 5; i++) {
        await clearSearch(popup);
        times.push(await searchOnce(popup, word));
      }
      searches.push({
        word,
        notes: count,
        query: median(times.map((t) => t.query)),
        search: median(times.map((t) => t.search)),
        dom: median(times.map((t) => t.dom)),
        typed: median(times.map((t) => t.typed)),
        shown: times[0]!.shown,
      });
    }
    await clearSearch(popup);
    const siteTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      siteTimes.push(await choose(popup, 'site', SITES[i]!));
      await choose(popup, 'site', '');
    }
    const verdictTimes: number[] = [];
    const word = searches[3]!.word;
    await choose(popup, 'verdict', 'disputed');
    for (let i = 0; i < 5; i++) {
      await clearSearch(popup);
      verdictTimes.push((await searchOnce(popup, word)).dom);
    }
    await popup.close();
    return {
      size,
      importMs,
      coldFcp: cold.fcp,
      coldFirstNote: cold.firstNote,
      fcp: median(runs.map((r) => r.fcp)),
      firstNote: median(runs.map((r) => r.firstNote)),
      pageNote: median(pageRuns.map((r) => r.pageNote ?? NaN)),
      searches,
      siteFilter: median(siteTimes),
      verdictWord: median(verdictTimes),
      quickSearchLoad,
    };
  } finally {
    await session.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The one web page's tab and the URL the content script files its notes under. */
async function tabOfPage(session: ChromiumSession): Promise<[number, string] | null> {
  const helper = await session.context.newPage();
  await helper.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const found: [number, string] | null = await helper.evaluate(`(async () => {
    const me = await chrome.tabs.getCurrent();
    for (const tab of await chrome.tabs.query({})) {
      if (!tab.id || tab.id === (me && me.id)) continue;
      const summary = await chrome.tabs.sendMessage(tab.id, { type: 'page/get-summary' }).catch(() => null);
      if (summary && summary.url) return [tab.id, summary.url];
    }
    return null;
  })()`);
  await helper.close();
  return found;
}

async function main() {
  console.log(`bench-notes: Chromium, built extension; ${RUNS} runs per paint figure (median), 5 per search; load ${loadavg()[0]!.toFixed(2)} on 2 cores`);
  const server = await startPageServer();
  const results: Result[] = [];
  try {
    for (const size of SIZES) {
      results.push(await benchSize(size, server));
      log(`[${size}] done: ${JSON.stringify(results.at(-1))}`);
    }
  } finally {
    await server.close();
  }

  const pass = (value: number, target: number) => (value <= target ? 'ok' : 'OVER');
  for (const r of results) {
    console.log(`\n== ${r.size.toLocaleString('en')} notes (import through the options page: ${(r.importMs / 1000).toFixed(1)} s)`);
    console.log('measure                                        | median     | target');
    console.log('-----------------------------------------------|------------|---------------');
    const row = (name: string, value: number, target?: number) =>
      console.log(`${name.padEnd(47)}| ${ms(value).padStart(10)} | ${target === undefined ? '' : r.size <= 10_000 ? `≤ ${target} ms ${pass(value, target)}` : `(≤ ${target} at 10k)`}`);
    row('popup first contentful paint', r.fcp, TARGETS.firstPaint);
    row('popup first note rendered', r.firstNote, TARGETS.firstPaint);
    row('popup first paint, cold (first open)', r.coldFcp);
    row('popup first note, cold (first open)', r.coldFirstNote);
    row(`this page's ${PAGE_NOTES} notes rendered (popup for a tab)`, r.pageNote);
    console.log(`quick search: notes loaded ${Number.isNaN(r.quickSearchLoad) ? 'never (too many to keep: every search asks IndexedDB)' : `${ms(r.quickSearchLoad)} after the search box got focus`}`);
    console.log('search (median of 5)                           | searchNotes | in the DOM | painted    | target: in the DOM');
    for (const s of r.searches) {
      const label = `"${s.word}" (${Number.isNaN(s.notes) ? '?' : s.notes} notes; ${s.shown} shown)`;
      const target = r.size <= 10_000 ? `≤ ${TARGETS.search} ms ${pass(s.dom, TARGETS.search)}` : `(≤ ${TARGETS.search} at 10k)`;
      console.log(`${(label.length > 46 ? `${label.slice(0, 45)}…` : label).padEnd(47)}| ${ms(s.search).padStart(11)} | ${ms(s.dom).padStart(10)} | ${ms(s.query).padStart(10)} | ${target}`);
    }
    row('filter: one site (painted)', r.siteFilter, TARGETS.search);
    row(`filter: verdict + "${r.searches[3]!.word}" (in the DOM)`.slice(0, 46), r.verdictWord, TARGETS.search);
    const worst = Math.max(...r.searches.map((s) => s.dom));
    console.log(`search in the DOM: worst ${ms(worst)}, median ${ms(median(r.searches.map((s) => s.dom)))}; typing → results incl. the 150 ms debounce: median ${ms(median(r.searches.map((s) => s.typed)))}`);
  }

  if (!args.includes('--no-anchor')) {
    console.log('\n== re-anchoring (scripts/bench-anchor.ts)');
    const anchor = spawnSync('npx', ['tsx', 'scripts/bench-anchor.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(anchor.stdout ?? '');
    if (anchor.status !== 0) console.log(`bench-anchor exited with ${anchor.status}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
