// npm run bench:steps — our steps up to the marks (extraction, detector, marks) on the news pages in
// Chromium, in a quiet setting made to compare code: every run is in a fresh frame (a new JavaScript
// context, as every page load gets) with code the browser has run before, the page's own scripts left
// out, and no extension around it (no yield, no settings read, no other world). `bench:page` measures
// the whole content script on real page loads; its figures drift with this shared machine by ±15%
// between two runs of one build. Here the same code twice gave per-page ratios of 1.00 and 1.06.
//
// `BENCH_BASE=<git revision> npm run bench:steps` compares that revision's code with the working tree:
// both take turns page by page in one browser and the per-page ratio (working tree / revision) is
// printed. BENCH_LOADS (default 5) runs every page that many times; the first round only warms up.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/support/chromium';
import { NEWS_SITE_PAGES, requireShared } from '../test/e2e/support/corpus';
import { median } from './stats';

const GLOBAL = 'SourcelightSteps';
const LOADS = Math.max(2, Math.floor(Number(process.env.BENCH_LOADS ?? 5)) || 5);

/**
 * What runs on each page: the content script's steps up to the marks, without the extension around
 * them. Returns the milliseconds of each step and the number of claims: [extract, annotate, mark, claims].
 */
const ENTRY = `
import { annotate } from './utils/attribution';
import { claimMarkRequests } from './utils/page/claim-marks';
import { extractArticle } from './utils/page/extract';
import { applyMarks } from './utils/page/marks';
export function runSteps(doc) {
  const start = performance.now();
  const article = extractArticle(doc);
  const extracted = performance.now();
  if (!article.map) return [extracted - start, 0, 0, 0];
  const claims = annotate(article.text);
  const annotated = performance.now();
  const marks = applyMarks(doc, claimMarkRequests(claims, article.map));
  const marked = performance.now();
  marks.remove();
  return [extracted - start, annotated - extracted, marked - annotated, claims.length];
}`;

/** The steps of the tree at `root`, as one script that defines `SourcelightSteps.runSteps`. */
async function bundle(root: string): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'bench-steps-entry.ts' },
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** The code of the working tree, and of BENCH_BASE's revision when given (checked out apart, then removed). */
async function codeToCompare(): Promise<{ label: string; code: string }[]> {
  const here = resolve('.');
  const trees = [{ label: 'working tree', code: await bundle(here) }];
  const base = process.env.BENCH_BASE;
  if (!base) return trees;
  const dir = mkdtempSync(join(tmpdir(), 'sourcelight-base-'));
  try {
    execFileSync('git', ['worktree', 'add', '--detach', dir, base], { stdio: 'ignore' });
    trees.unshift({ label: base, code: await bundle(dir) });
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
  return trees;
}

const trees = await codeToCompare();
const pagesDir = join(requireShared(), 'corpus/pages');
const pages = NEWS_SITE_PAGES.map((name) => ({ name, html: readFileSync(join(pagesDir, name, 'source.html'), 'utf8') }));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
// Per tree, per page: one [extract, annotate, mark, claims] per load after the first round.
const runs: number[][][][] = trees.map(() => pages.map(() => []));
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto('about:blank');
  for (let round = 0; round < LOADS; round++) {
    for (const [p, page] of pages.entries()) {
      for (let turn = 0; turn < trees.length; turn++) {
        const t = (turn + p + round) % trees.length; // alternate which tree goes first
        const row = await tab.evaluate(
          async ({ html, code, global }) => {
            // The page in a frame of its own, without its scripts; then our code, compiled in that frame.
            const parsed = new DOMParser().parseFromString(html, 'text/html');
            for (const script of Array.from(parsed.querySelectorAll('script'))) script.remove();
            const frame = document.createElement('iframe');
            frame.style.cssText = 'width: 1280px; height: 900px; border: 0';
            const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
            frame.srcdoc = `<!DOCTYPE html>${parsed.documentElement.outerHTML}`;
            document.body.append(frame);
            await loaded;
            const win = frame.contentWindow as unknown as Window & Record<string, { runSteps(doc: Document): number[] }>;
            const script = win.document.createElement('script');
            script.textContent = code;
            win.document.head.append(script);
            const result = win[global].runSteps(win.document);
            frame.remove();
            return result;
          },
          { html: page.html, code: trees[t].code, global: GLOBAL },
        );
        if (round > 0) runs[t][p].push(row);
      }
    }
  }
} finally {
  await browser.close();
}

const fmt = (value: number, digits = 2) => value.toFixed(digits);
const totals = runs.map((perPage) => perPage.map((rows) => median(rows.map(([e, a, m]) => e + a + m))));
for (const [t, tree] of trees.entries()) {
  const step = (k: number) => median(runs[t].map((rows) => median(rows.map((row) => row[k]))));
  const claims = runs[t].reduce((sum, rows) => sum + rows[0][3], 0);
  console.log(
    `${tree.label}: news pages, median of our steps ${fmt(median(totals[t]))} ms (extract ${fmt(step(0))}, annotate ${fmt(step(1))}, ` +
      `mark ${fmt(step(2))}), sum over the ${pages.length} pages ${fmt(totals[t].reduce((a, b) => a + b, 0), 1)} ms; ${claims} claims`,
  );
}
if (trees.length === 2) {
  const ratios = totals[1].map((total, p) => total / totals[0][p]);
  console.log(`per news page, median ratio ${trees[1].label} / ${trees[0].label}: ${fmt(median(ratios), 3)} (each page the median of ${LOADS - 1} runs)`);
}
