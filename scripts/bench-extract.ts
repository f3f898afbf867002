// npx tsx scripts/bench-extract.ts [page ...] — times the page-side article extraction
// (utils/page/extract.ts) in Chromium on the corpus pages, without the extension: the extraction code
// is bundled with esbuild and evaluated in each page (page scripts are off by CSP). Per page: the
// whole extractArticle(document), its phases (body finding, detection, text map), the longest step of
// the stepped extraction, and one bare TreeWalker pass over the text nodes (the floor). Medians of
// REPEATS runs; then medians over the pages detected as articles, and the max over all pages.
// Figures vary with machine load: compare ratios. BENCH_ROOT=<dir> bundles <dir>/utils/page instead
// (to compare with another version); REPEATS=<n> sets the repeats (default 5).
import { readFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { requireShared } from '../test/e2e/support/corpus';
import { median } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
/** Where the extraction code is bundled from (another checkout's root, to compare versions). */
const CODE_ROOT = resolve(process.env.BENCH_ROOT ?? ROOT);
const PAGES = process.env.CORPUS_PAGES ?? join(requireShared(), 'corpus/pages');
const REPEATS = Number(process.env.REPEATS ?? 5);
const POLICY = "script-src 'none'; default-src 'self' 'unsafe-inline' data: blob:";

const entry = `
import * as E from './utils/page/extract';
const { extractArticle } = E;
const extractArticleInSteps = (E as Record<string, unknown>).extractArticleInSteps;
import { findArticleBodyWithStats } from './utils/page/article-body';
import { articleSignal } from './utils/page/article';
import { buildTextMap } from './utils/page/text-map';
export { extractArticle, extractArticleInSteps, findArticleBodyWithStats, articleSignal, buildTextMap };
`;
const bundled = await build({
  stdin: { contents: entry, resolveDir: CODE_ROOT, loader: 'ts', sourcefile: 'bench-entry.ts' },
  bundle: true,
  format: 'iife',
  globalName: '__sourcelightExtract',
  write: false,
  target: 'es2022',
  alias: { '@': CODE_ROOT },
  logLevel: 'error',
});
const bundleSource = bundled.outputFiles[0].text;

const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'source.html'))).sort();

const server = createServer(async (req, res) => {
  const name = /^\/pages\/([\w.-]+)\/$/.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)?.[1];
  try {
    if (!name) throw new Error('no page');
    const html = await readFile(join(PAGES, name, 'source.html'), 'utf8');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': POLICY }).end(html);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const port = (server.address() as AddressInfo).port;

interface Row {
  page: string;
  article: boolean;
  textLength: number;
  first: number;
  extract: number;
  body: number;
  detect: number;
  map: number;
  longestStep: number;
  coldStep: number;
  steps: number;
  walk: number;
}

// Runs in the page. Kept as a string so tsx/esbuild helpers never leak into the page.
const measureInPage = (coldSteps: boolean) => `(async (repeats, coldSteps) => {
  const X = globalThis.__sourcelightExtract;
  const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
  const t = () => performance.now();
  let s = t();
  let first = NaN, coldStep = NaN, firstResult;
  if (coldSteps && X.extractArticleInSteps) {
    // the content script's way: resumable steps, cold
    const it = X.extractArticleInSteps(document);
    for (;;) { s = t(); const r = it.next(); const d = t() - s; coldStep = Number.isNaN(coldStep) ? d : Math.max(coldStep, d); if (r.done) { firstResult = r.value; break; } }
  } else {
    firstResult = X.extractArticle(document);
    first = t() - s;
  }
  const extract = [], body = [], detect = [], map = [], walk = [], longest = [];
  let steps = 0;
  for (let i = 0; i < repeats; i++) {
    s = t(); X.extractArticle(document); extract.push(t() - s);
    s = t(); const b = X.findArticleBodyWithStats(document); body.push(t() - s);
    s = t(); X.articleSignal(document, b); detect.push(t() - s);
    s = t(); X.buildTextMap(b.root, { paragraphText: b.stats.paragraphText, decisions: b.stats.decisions }); map.push(t() - s);
    if (X.extractArticleInSteps) {
      const it = X.extractArticleInSteps(document);
      let max = 0; steps = 0;
      for (;;) { s = t(); const r = it.next(); const d = t() - s; if (d > max) max = d; steps++; if (r.done) break; }
      longest.push(max);
    } else longest.push(NaN);
    s = t();
    const w = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
    let chars = 0;
    while (w.nextNode()) chars += w.currentNode.length;
    if (chars < 0) throw new Error('unreachable');
    walk.push(t() - s);
  }
  return { article: firstResult.isArticle, textLength: firstResult.text.length, first, coldStep, extract: med(extract), body: med(body),
    detect: med(detect), map: med(map), longestStep: med(longest), steps, walk: med(walk) };
})(3, ${coldSteps})`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const rows: Row[] = [];
try {
  const page = await browser.newPage();
  for (const name of names) {
    try {
      // a fresh page (and fresh code) per repeat: the content script runs once, cold
      const runs: Omit<Row, 'page'>[] = [];
      for (let i = 0; i < REPEATS; i++) {
        await page.goto(`http://127.0.0.1:${port}/pages/${name}/`, { waitUntil: 'load', timeout: 30_000 });
        await page.evaluate(bundleSource + '\n;0');
        runs.push((await page.evaluate(measureInPage(i % 2 === 1))) as Omit<Row, 'page'>);
      }
      const pick = (k: keyof Omit<Row, 'page'>) => median(runs.map((r) => r[k] as number).filter((x) => !Number.isNaN(x)));
      rows.push({
        page: name, article: runs[0].article, textLength: runs[0].textLength, steps: runs[0].steps,
        first: pick('first'), extract: pick('extract'), body: pick('body'), detect: pick('detect'), map: pick('map'),
        longestStep: pick('longestStep'), coldStep: pick('coldStep'), walk: pick('walk'),
      });
    } catch (error) {
      console.error(`${name}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-').padStart(8);
const header = `${'page'.padEnd(42)} art   chars    first  extract     body   detect      map  longest coldstep steps     walk`;
console.log(header);
for (const r of rows) {
  console.log(
    `${r.page.padEnd(42)} ${r.article ? 'yes' : 'no '} ${String(r.textLength).padStart(7)} ${f(r.first)} ${f(r.extract)} ${f(r.body)} ${f(r.detect)} ${f(r.map)} ${f(r.longestStep)} ${f(r.coldStep)} ${String(r.steps).padStart(5)} ${f(r.walk)}`,
  );
}
const keys = ['first', 'extract', 'body', 'detect', 'map', 'longestStep', 'coldStep', 'walk'] as const;
const articles = rows.filter((r) => r.article);
console.log(`\n${articles.length} article pages of ${rows.length}`);
console.log(`${'statistic'.padEnd(42)} ${keys.map((k) => k.padStart(8)).join(' ')}`);
console.log(`${'median over articles'.padEnd(42)} ${keys.map((k) => f(median(articles.map((r) => r[k])))).join(' ')}`);
console.log(`${'median over all pages'.padEnd(42)} ${keys.map((k) => f(median(rows.map((r) => r[k])))).join(' ')}`);
const maxOf = (k: (typeof keys)[number]) => rows.reduce((a, b) => (b[k] > a[k] ? b : a), rows[0]);
console.log(`${'max over all pages'.padEnd(42)} ${keys.map((k) => f(rows.length ? maxOf(k)[k] : NaN)).join(' ')}`);
console.log(`${'  (page)'.padEnd(42)} ${keys.map((k) => (rows.length ? maxOf(k).page.slice(0, 8) : '-').padStart(8)).join(' ')}`);
const ratio = articles.map((r) => r.extract / Math.max(r.walk, 0.01));
console.log(`median extract/walk over articles: ${median(ratio).toFixed(1)}x`);
