// npm run bench:page — loads every corpus page in Chromium with the built extension and prints,
// per page and in total, how long our content script takes to the marks being registered, from its
// main()'s start and from its first module's start, against two references measured on the same page
// in the same browser: one bare text-node walk of the document (the floor) and Readability.parse on a
// clone (the peer). Our script runs once per page, with code the page has not run yet; so the ratio
// to Readability takes Readability's first parse on the page (its module evaluated beforehand, as our
// main() starts after our modules are). The median of its later, warmed-up parses is printed too.
// Also the longest single step we ran, the main-thread tasks of 50 ms or more that ran a step of
// ours (Long Tasks API), and the memory we add on the largest page. Run `npm run build` first.
// Every page is loaded BENCH_LOADS times (default 3), in rounds over all pages; its figures are the
// medians over its loads. Figures vary with machine load: compare ratios, or two builds in one run
// (BENCH_BUILDS, below).
// `BENCH_BUILDS=<old>/.output/chrome-mv3,.output/chrome-mv3 npm run bench:page` compares two builds.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../test/e2e/support/chromium';
import { chromeBuild, NEWS_SITE_PAGES, requireShared } from '../test/e2e/support/corpus';
import { startPageServer } from '../test/e2e/support/server';
import { median } from './stats';

const REPEATS = 5;
const readabilitySource = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');

interface Row {
  page: string;
  article: boolean;
  /** From our main()'s start to the marks being registered. */
  total: number;
  /** From our first module's start (before our modules set up) to the marks being registered. */
  script: number;
  walk: number;
  /** Readability's first parse on the page: its code as cold as ours. */
  readability: number;
  /** The median of its parses once warmed up. */
  readabilityWarm: number;
  longestStep: number;
  /** The longest main-thread task of 50 ms or more (the Long Tasks API's threshold) that ran any step of ours, or 0. */
  longTask: number;
  /** Loads of the page that had such a task (of `loads`). */
  loadsWithLongTask: number;
  loads: number;
  /** Time spent in each step of ours, summed over its runs (extract, annotate, mark; ui: our controls, after the marks). */
  spent: Record<string, number>;
}

/**
 * Loads of every page (BENCH_LOADS, default 3). A page's figures are their medians over its loads
 * (its longest step and long task: the worst load's), so one stall of this shared machine does not
 * decide a page: a single load of a page varies by a factor of two from run to run here.
 */
const LOADS = Math.max(1, Math.floor(Number(process.env.BENCH_LOADS ?? 3)) || 1);

/** One page's loads as one row: the medians of its figures, the worst of its longest step and long task. */
function combineLoads(loads: Row[]): Row {
  const mid = (pick: (row: Row) => number) => median(loads.map(pick).filter(Number.isFinite));
  const steps = new Set(loads.flatMap((row) => Object.keys(row.spent)));
  return {
    page: loads[0].page,
    article: loads.filter((row) => row.article).length * 2 > loads.length,
    total: mid((row) => row.total),
    script: mid((row) => row.script),
    walk: mid((row) => row.walk),
    readability: mid((row) => row.readability),
    readabilityWarm: mid((row) => row.readabilityWarm),
    longestStep: Math.max(...loads.map((row) => row.longestStep)),
    longTask: Math.max(...loads.map((row) => row.longTask)),
    loadsWithLongTask: loads.filter((row) => row.longTask > 0).length,
    loads: loads.length,
    spent: Object.fromEntries([...steps].map((step) => [step, mid((row) => row.spent[step] ?? 0)])),
  };
}

/** Collects the page's long tasks (50 ms or more) from its start; added before any page script runs. */
const LONG_TASK_OBSERVER = `(() => {
  const tasks = [];
  window.__longTasks = tasks;
  try {
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** Our measures on the page, once the content script is done with it (or clearly did nothing). */
async function ourMeasures(page: Page): Promise<{ longest: Record<string, number>; spent: Record<string, number>; longTask: number }> {
  const deadline = Date.now() + 10_000;
  let settled = false;
  for (;;) {
    // The longest of each step (big pages are extracted and annotated in steps), the sum of its runs,
    // and the longest long task that ran one of our steps.
    const measures = await page.evaluate(() => {
      const longest: Record<string, number> = {};
      const spent: Record<string, number> = {};
      const ours: [number, number][] = [];
      for (const entry of performance.getEntriesByType('measure')) {
        if (!entry.name.startsWith('sourcelight:')) continue;
        const step = entry.name.slice('sourcelight:'.length);
        longest[step] = Math.max(longest[step] ?? 0, entry.duration);
        spent[step] = (spent[step] ?? 0) + entry.duration;
        if (step !== 'page' && step !== 'script') ours.push([entry.startTime, entry.startTime + entry.duration]);
      }
      const tasks = ((window as unknown as { __longTasks?: [number, number][] }).__longTasks ?? []);
      let longTask = 0;
      for (const [start, duration] of tasks) {
        if (ours.some(([a, b]) => a < start + duration && b > start)) longTask = Math.max(longTask, duration);
      }
      return { longest, spent, longTask };
    });
    if (Date.now() > deadline) return measures;
    // Done once our controls are up too (a step after the marks); the observer reports a long task
    // shortly after it ends, so read once more a little later.
    if ('page' in measures.longest && 'ui' in measures.longest) {
      if (settled) return measures;
      settled = true;
      await page.waitForTimeout(100);
      continue;
    }
    await page.waitForTimeout(50);
  }
}

/** Median time of one bare walk over every text node of the page. */
function textWalk(page: Page): Promise<number> {
  return page.evaluate((repeats) => {
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const start = performance.now();
      const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
      let characters = 0;
      while (walker.nextNode()) characters += (walker.currentNode as Text).length;
      if (characters < 0) throw new Error('unreachable'); // keeps the walk from being optimised away
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[Math.floor((repeats - 1) / 2)];
  }, REPEATS);
}

/** Readability.parse on a clone of the document (cloning not counted): the first parse, and the median of all. */
function readabilityParse(page: Page): Promise<{ first: number; warm: number }> {
  // Evaluated as an expression by the debugger protocol, so the page's script policy does not apply.
  return page.evaluate(`(() => {
    const module = { exports: {} };
    const ReadabilityClass = (() => { ${readabilitySource}; return module.exports; })();
    const times = [];
    for (let i = 0; i < ${REPEATS}; i++) {
      const clone = document.cloneNode(true);
      const start = performance.now();
      new ReadabilityClass(clone).parse();
      times.push(performance.now() - start);
    }
    const first = times[0];
    return { first, warm: times.sort((a, b) => a - b)[${Math.floor((REPEATS - 1) / 2)}] };
  })()`);
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')!.value;
}

/** Loads one page in `tab` and takes every measure of it. */
async function measurePage(tab: Page, name: string): Promise<Row> {
  await tab.goto(server.url(name), { waitUntil: 'load' });
  const { longest, spent, longTask } = await ourMeasures(tab);
  const walk = await textWalk(tab);
  const readability = await readabilityParse(tab);
  return {
    page: name,
    article: 'annotate' in longest,
    total: longest.page ?? NaN,
    script: longest.script ?? NaN,
    walk,
    readability: readability.first,
    readabilityWarm: readability.warm,
    longestStep: Math.max(longest.extract ?? 0, longest.annotate ?? 0, longest.mark ?? 0, longest.ui ?? 0),
    longTask,
    loadsWithLongTask: longTask > 0 ? 1 : 0,
    loads: 1,
    spent,
  };
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

function printPages(rows: Row[]): void {
  console.log(['page'.padEnd(34), 'article', 'ours ms', 'script ms', 'walk ms', 'readab. ms', 'warm ms', 'ours/walk', 'ours/readab.', 'longest step ms', 'long task ms'].join('\t'));
  for (const row of rows) {
    console.log(
      [row.page.padEnd(34), row.article ? 'yes' : 'no', fmt(row.total), fmt(row.script), fmt(row.walk, 2), fmt(row.readability), fmt(row.readabilityWarm), fmt(row.total / row.walk), fmt(row.total / row.readability, 2), fmt(row.longestStep), row.longTask ? fmt(row.longTask) : '-'].join('\t'),
    );
  }
  console.log(
    `(ours: from main(); script: from our first module; readab.: its first parse on the page; warm: the median of its parses; ` +
      `each the median over ${LOADS} loads of the page, the longest step and long task the worst load's)`,
  );
}

function printSummary(rows: Row[], memory: { page: string; added: number }): void {
  const articles = rows.filter((row) => row.article);
  console.log(`${rows.length} pages, ${articles.length} marked as articles`);
  // The speed targets are set on the news pages (news sites and agencies); the other article pages
  // include Readability's small test fixtures, where it is quick and our fixed costs weigh more.
  const news = articles.filter((row) => NEWS_SITE_PAGES.includes(row.page));
  const newsListed = rows.filter((row) => NEWS_SITE_PAGES.includes(row.page)).length;
  console.log(
    `news pages (${news.length} of ${newsListed} marked), median: ours ${fmt(median(news.map((r) => r.total)))} ms (target <= 10), ` +
      `Readability ${fmt(median(news.map((r) => r.readability)))} ms; median ratio ours/Readability ${fmt(median(news.map((r) => r.total / r.readability)), 2)} (target <= 0.5); ` +
      `from our first module ${fmt(median(news.map((r) => r.script)))} ms, ratio ${fmt(median(news.map((r) => r.script / r.readability)), 2)}`,
  );
  console.log(
    `articles, median: ours ${fmt(median(articles.map((r) => r.total)))} ms, from our first module ${fmt(median(articles.map((r) => r.script)))} ms, ` +
      `walk ${fmt(median(articles.map((r) => r.walk)), 2)} ms, Readability ${fmt(median(articles.map((r) => r.readability)))} ms (warmed up ${fmt(median(articles.map((r) => r.readabilityWarm)))} ms)`,
  );
  console.log(
    `articles, median ratio ours/Readability: ${fmt(median(articles.map((r) => r.total / r.readability)), 2)}; ` +
      `from our first module ${fmt(median(articles.map((r) => r.script / r.readability)), 2)}; to Readability warmed up ${fmt(median(articles.map((r) => r.total / r.readabilityWarm)), 2)}; ` +
      `ours/walk: ${fmt(median(articles.map((r) => r.total / r.walk)))}`,
  );
  console.log(`all pages, median: ours ${fmt(median(rows.filter((r) => Number.isFinite(r.total)).map((r) => r.total)))} ms, walk ${fmt(median(rows.map((r) => r.walk)), 2)} ms, Readability ${fmt(median(rows.map((r) => r.readability)))} ms`);
  const steps = ['extract', 'annotate', 'mark', 'ui'];
  console.log(`articles, median time per step, ms: ${steps.map((step) => `${step} ${fmt(median(articles.map((r) => r.spent[step] ?? 0)), 2)}`).join(', ')}`);
  const worst = rows.reduce((a, b) => (b.longestStep > a.longestStep ? b : a));
  console.log(`longest step of ours: ${fmt(worst.longestStep)} ms on ${worst.page}`);
  // A task our work makes long shows in most loads of its page; one in a single load is as likely
  // a stall of this shared machine (a page whose steps take 4 ms once had one of 63 ms).
  const long = rows.filter((row) => row.longTask > 0);
  const mostly = long.filter((row) => row.loadsWithLongTask * 2 > row.loads);
  const worstTask = rows.reduce((a, b) => (b.longTask > a.longTask ? b : a));
  console.log(
    `tasks of 50 ms or more that ran a step of ours (target: none): in most loads of ${mostly.length} pages` +
      (mostly.length ? ` (${mostly.map((row) => row.page).join(', ')})` : '') +
      `; in some load of ${long.length} pages` +
      (long.length ? `, longest ${fmt(worstTask.longTask)} ms on ${worstTask.page} (${long.map((row) => `${row.page} ${row.loadsWithLongTask}/${row.loads}`).join(', ')})` : ''),
  );
  console.log(`memory we add on the largest page (${memory.page}): ${fmt(memory.added / 1024 / 1024, 2)} MB of JS heap (target <= 5)`);
}

const shared = requireShared();
const pagesDir = resolve(shared, 'corpus/pages');
// `npm run bench:page -- nytimes-1 wapo-1` measures only those pages.
const only = process.argv.slice(2);
const pages = readdirSync(pagesDir).filter((name) => statSync(join(pagesDir, name)).isDirectory() && (only.length === 0 || only.includes(name)));
// BENCH_BUILDS=<dir>,<dir> compares built extensions (chrome-mv3 folders), each in a browser of its
// own, taking turns page by page: a change of 1 ms is lost in the drift between two whole runs.
// The two browsers are not alike either: the same build twice (an A/A run) gave a per-page ratio of
// 0.86 here. Run both orders (A,B and B,A) and take the square root of ratio(A,B) / ratio(B,A).
const builds = (process.env.BENCH_BUILDS ?? chromeBuild).split(',').map((dir) => resolve(dir));
const server = await startPageServer();
const profiles = builds.map(() => mkdtempSync(join(tmpdir(), 'sourcelight-bench-')));
const sessions: ChromiumSession[] = [];
try {
  const tabs: Page[] = [];
  for (const [k, build] of builds.entries()) {
    sessions.push(await launchChromium(profiles[k], build));
    tabs.push(await sessions[k].context.newPage());
    await tabs[k].addInitScript(LONG_TASK_OBSERVER);
  }
  // Per build, per page: one row per load. Each round loads every page once, so the loads of a page
  // are far apart in time and meet different moments of this shared machine.
  const loads: Row[][][] = builds.map(() => pages.map(() => []));
  for (let round = 0; round < LOADS; round++) {
    for (const [p, name] of pages.entries()) {
      for (let turn = 0; turn < builds.length; turn++) {
        const k = (turn + p + round) % builds.length; // alternate which build goes first
        loads[k][p].push(await measurePage(tabs[k], name));
      }
    }
  }
  const rows = loads.map((perPage) => perPage.map(combineLoads));

  // Memory on the largest page: heap with the extension minus heap without it.
  const largest = pages.reduce((a, b) => (statSync(join(pagesDir, a, 'source.html')).size >= statSync(join(pagesDir, b, 'source.html')).size ? a : b));
  const withUs: number[] = [];
  for (const tab of tabs) {
    await tab.goto(server.url(largest), { waitUntil: 'load' });
    await ourMeasures(tab);
    withUs.push(await heapUsed(tab));
  }
  const plain = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
  const bare = await plain.newPage();
  await bare.goto(server.url(largest), { waitUntil: 'load' });
  const without = await heapUsed(bare);
  await plain.close();

  if (builds.length === 1) printPages(rows[0]);
  for (const [k, build] of builds.entries()) {
    console.log(builds.length === 1 ? '' : `\n== ${build}`);
    printSummary(rows[k], { page: largest, added: withUs[k] - without });
  }
  if (builds.length === 2) {
    // Per page, on the pages both builds marked as articles: the second build's time over the first's.
    const ratios = rows[1].flatMap((row, i) => (row.article && rows[0][i].article ? [{ page: row.page, ratio: row.total / rows[0][i].total }] : []));
    const newsRatios = ratios.filter((r) => NEWS_SITE_PAGES.includes(r.page)).map((r) => r.ratio);
    console.log(`\nper article page, median ratio ours (second build / first build): ${fmt(median(ratios.map((r) => r.ratio)), 2)} over ${ratios.length} pages; ${fmt(median(newsRatios), 2)} over the ${newsRatios.length} news pages`);
  }
} finally {
  for (const session of sessions) await session.close();
  await server.close();
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
}
