// npx tsx scripts/bench-cold.ts [page ...] — the first, cold run of our page-side work (extraction, then
// the detector on its text) in Chromium, on corpus pages.
// Each page is loaded fresh for every run and, by default, V8's compilation cache is off, so every run
// compiles our code as on the first page of a site. Prints the medians over the pages found to be articles: module
// setup (evaluating our modules), extraction, annotation. Figures vary with machine load.
//
// BENCH_ROOTS=<dir>,<dir> compares checkouts (their utils/ is bundled), alternating them page by page.
// RUNS=<n> runs of each checkout per page (default 2).
// WORLD=isolated runs the code in an isolated world of its own, as a content script runs: there every
// DOM node it reads needs a wrapper of that world, made on first touch. CACHE=on keeps V8's compilation
// cache: our code is compiled once per run, as on a page that a renderer already used for another page
// of the site. (In `npm run bench:page` about every other navigation gets a fresh renderer, as cold as
// with the cache off.) `WORLD=isolated CACHE=on` is the closest to the content script on such a page.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/support/chromium';
import { requireShared } from '../test/e2e/support/corpus';
import { startPageServer } from '../test/e2e/support/server';
import { median } from './stats';

const roots = (process.env.BENCH_ROOTS ?? resolve(import.meta.dirname, '..')).split(',').map((root) => resolve(root));
const RUNS = Number(process.env.RUNS ?? 2);
const ISOLATED = process.env.WORLD === 'isolated';
const CACHE = process.env.CACHE === 'on';

// Timed inside the page: module setup from the bundle's first line to its last, then one cold run.
const entry = `
import { extractArticleInSteps } from './utils/page/extract';
import { annotate } from './utils/attribution';
export function coldRun() {
  const start = performance.now();
  const steps = extractArticleInSteps(document);
  let step = steps.next();
  while (!step.done) step = steps.next();
  const extracted = performance.now();
  const article = step.value;
  if (article.map) annotate(article.text);
  return { article: article.isArticle, setup: globalThis.__setupEnd - globalThis.__setupStart, extract: extracted - start, annotate: performance.now() - extracted };
}`;
const bundles: string[] = [];
for (const root of roots) {
  const bundled = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'bench-cold-entry.ts' },
    bundle: true,
    format: 'iife',
    globalName: '__sourcelightCold',
    write: false,
    target: 'es2022',
    minify: true,
    alias: { '@': root },
    logLevel: 'error',
  });
  bundles.push(`globalThis.__setupStart = performance.now();${bundled.outputFiles[0].text};globalThis.__setupEnd = performance.now();`);
}

const pagesDir = resolve(requireShared(), 'corpus/pages');
const only = process.argv.slice(2);
const pages = readdirSync(pagesDir).filter((name) => statSync(join(pagesDir, name)).isDirectory() && (only.length === 0 || only.includes(name)));

interface Run {
  setup: number;
  extract: number;
  annotate: number;
}
const runs: Run[][] = roots.map(() => []);

/** In the page's own world. */
async function runInPage(tab: Page, bundle: string): Promise<unknown> {
  await tab.evaluate(`${bundle};0`);
  return tab.evaluate('__sourcelightCold.coldRun()');
}

/** In a new isolated world of the page (a new world per run: no wrapper made by an earlier run is reused). */
async function runIsolated(tab: Page, bundle: string): Promise<unknown> {
  const cdp = await tab.context().newCDPSession(tab);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `sourcelight-cold-${Math.random()}` });
    await cdp.send('Runtime.evaluate', { expression: `${bundle};0`, contextId: executionContextId });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: '__sourcelightCold.coldRun()', contextId: executionContextId, returnByValue: true });
    if (exceptionDetails) throw new Error(`cold run failed: ${exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

const server = await startPageServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...(CACHE ? [] : ['--js-flags=--no-compilation-cache'])] });
try {
  const tab = await browser.newPage();
  for (const name of pages) {
    for (let run = 0; run < RUNS; run++) {
      for (let k = 0; k < roots.length; k++) {
        const which = (k + run) % roots.length; // alternate which checkout goes first
        await tab.goto(server.url(name), { waitUntil: 'load' });
        // Evaluated by the debugger protocol, so the page's script policy does not apply.
        const result = (await (ISOLATED ? runIsolated(tab, bundles[which]) : runInPage(tab, bundles[which]))) as Run & { article: boolean };
        if (result.article) runs[which].push(result);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`${pages.length} pages, ${RUNS} cold runs of each checkout per page (${ISOLATED ? 'isolated world' : 'page world'}, compilation cache ${CACHE ? 'on' : 'off'}); medians over the runs on articles, ms`);
roots.forEach((root, k) => {
  const of = (key: keyof Run) => median(runs[k].map((run) => run[key])).toFixed(2);
  const total = median(runs[k].map((run) => run.extract + run.annotate)).toFixed(2);
  console.log(`${root}: ${runs[k].length} runs; module setup ${of('setup')}, extract ${of('extract')}, annotate ${of('annotate')}, extract + annotate ${total}`);
});
