import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { requireShared } from './corpus';

/** Every corpus page (a folder with a source.html). */
export function corpusPages(): string[] {
  const root = resolve(requireShared(), 'corpus/pages');
  return readdirSync(root)
    .filter((name) => statSync(resolve(root, name)).isDirectory())
    .sort();
}

/**
 * Pages on which nothing may run unless the reader asks: Readability's small hand-made test
 * fixtures (a few paragraphs of lorem ipsum or markup edge cases, not news) and app-like pages
 * (product pages, an RFC). The rule is ours, written here: it does not come from the extension.
 */
export const SYNTHETIC_PAGES = [
  '001', '003-metadata-preferred', '004-metadata-space-separated-properties', '005-unescape-html-entities',
  'base-url', 'base-url-base-element', 'base-url-base-element-relative', 'basic-tags-cleaning',
  'comment-inside-script-parsing', 'dev418', 'embedded-videos', 'hidden-nodes', 'invalid-attributes',
  'js-link-replacement', 'lazy-image-3', 'metadata-content-missing', 'missing-paragraphs', 'normalize-spaces',
  'ol', 'parsely-metadata', 'remove-aria-hidden', 'remove-extra-brs', 'remove-extra-paragraphs',
  'remove-script-tags', 'reordering-paragraphs', 'replace-brs', 'replace-font-tags', 'rtl-1', 'rtl-2', 'rtl-3',
  'rtl-4', 'social-buttons', 'style-tags-removal', 'svg-parsing', 'table-style-attributes',
  'title-and-h1-discrepancy', 'title-en-dash', 'visibility-hidden',
] as const;
export const APP_LIKE_PAGES = ['mozilla-1', 'mozilla-2', 'ietf-1'] as const;
export const QUIET_PAGES: ReadonlySet<string> = new Set([...SYNTHETIC_PAGES, ...APP_LIKE_PAGES]);

/**
 * News stories from news sites: the extension must treat them as articles. The English ones
 * quote people ("said", "told"), so they must also get marks.
 */
export const ENGLISH_NEWS_WITH_QUOTES = [
  'nytimes-1', 'nytimes-2', 'nytimes-3', 'nytimes-4', 'wapo-1', 'wapo-2', 'bbc-1', 'guardian-1', 'cnn', 'telegraph',
  'seattletimes-1', 'herald-sun-1', 'breitbart', 'salon-1', 'yahoo-2', 'yahoo-3', 'buzzfeed-1',
] as const;
export const OTHER_NEWS = ['nytimes-5', 'lemonde-1', 'liberation-1', 'folha', 'la-nacion', 'aktualne', 'heise'] as const;
export const NEWS_PAGES: ReadonlySet<string> = new Set([...ENGLISH_NEWS_WITH_QUOTES, ...OTHER_NEWS]);

/** A representative 20 for Firefox: news, non-English, right-to-left, huge, synthetic and app-like. */
export const FIREFOX_PAGES = [
  'nytimes-1', 'wapo-1', 'bbc-1', 'guardian-1', 'seattletimes-1',
  'lemonde-1', 'folha', 'heise', 'yahoo-4', 'pixnet',
  'rtl-1', 'rtl-3',
  'wikipedia-2', 'yahoo-2', 'breitbart',
  '001', 'replace-brs', 'base-url', 'mozilla-1', 'ietf-1',
] as const;

/** One problem seen on a page: where it came from and what it said. */
export interface Problem {
  kind: 'exception' | 'console' | 'log';
  ours: boolean;
  text: string;
}

/**
 * Listens to a page over its own CDP session: uncaught exceptions and unhandled rejections
 * (Runtime.exceptionThrown), console calls (Runtime.consoleAPICalled, every world, so our
 * content script's isolated world too) and browser-side log entries (Log.entryAdded).
 * Something is ours when it happens in a world of the extension's origin or its stack names
 * the extension's files.
 */
export class ProblemRecorder {
  private problems: Problem[] = [];
  private ourContexts = new Set<number>();
  private constructor(
    private readonly cdp: CDPSession,
    private readonly extensionOrigin: string | null,
  ) {}

  static async attach(context: BrowserContext, page: Page, extensionId: string | null): Promise<ProblemRecorder> {
    const cdp = await context.newCDPSession(page);
    const recorder = new ProblemRecorder(cdp, extensionId ? `chrome-extension://${extensionId}` : null);
    recorder.listen();
    await cdp.send('Runtime.enable');
    await cdp.send('Log.enable');
    return recorder;
  }

  private mentionsUs(text: string): boolean {
    return this.extensionOrigin !== null && text.includes(this.extensionOrigin);
  }

  private listen(): void {
    this.cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (this.extensionOrigin && context.origin === this.extensionOrigin) this.ourContexts.add(context.id);
    });
    this.cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
      const frames = (d.stackTrace?.callFrames ?? []).map((f) => `${f.functionName || '<anon>'} ${f.url}:${f.lineNumber + 1}:${f.columnNumber + 1}`);
      const text = [d.exception?.description ?? d.text, d.url ?? '', ...frames].filter(Boolean).join('\n  ');
      const ours = (d.executionContextId !== undefined && this.ourContexts.has(d.executionContextId)) || this.mentionsUs(text);
      this.problems.push({ kind: 'exception', ours, text });
    });
    this.cdp.on('Runtime.consoleAPICalled', (event) => {
      const ours = this.ourContexts.has(event.executionContextId);
      const text = event.args.map((arg) => (arg.value !== undefined ? String(arg.value) : (arg.description ?? arg.type))).join(' ');
      const frames = (event.stackTrace?.callFrames ?? []).map((f) => `${f.url}:${f.lineNumber + 1}`);
      const counts = event.type === 'error' || event.type === 'assert' || (ours && event.type === 'warning');
      if (counts) this.problems.push({ kind: 'console', ours: ours || this.mentionsUs(frames.join(' ')), text: `console.${event.type}: ${text}\n  ${frames.join('\n  ')}` });
    });
    this.cdp.on('Log.entryAdded', ({ entry }) => {
      if (entry.level !== 'error') return;
      const text = `${entry.source}: ${entry.text}${entry.url ? ` (${entry.url})` : ''}`;
      this.problems.push({ kind: 'log', ours: this.mentionsUs(text), text });
    });
  }

  /** What was recorded since the last call. */
  take(): Problem[] {
    const taken = this.problems;
    this.problems = [];
    return taken;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}

/** Port numbers differ between servers; everything else of a message is compared as is. */
export const normalize = (text: string): string => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT').split('\n')[0];

/** The problems with the extension that did not happen without it (as a multiset of first lines). */
export function newProblems(withExtension: Problem[], without: Problem[]): Problem[] {
  const seen = new Map<string, number>();
  for (const problem of without) seen.set(normalize(problem.text), (seen.get(normalize(problem.text)) ?? 0) + 1);
  return withExtension.filter((problem) => {
    const key = normalize(problem.text);
    const left = seen.get(key) ?? 0;
    if (left > 0 && !problem.ours) {
      seen.set(key, left - 1);
      return false;
    }
    return true;
  });
}

/** Our performance measures on the page, by step (`page`, `extract`, `annotate`, `mark`). */
export function ourMeasuresScript(): Record<string, number> {
  return Object.fromEntries(
    performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name.startsWith('sourcelight:'))
      .map((entry) => [entry.name.slice('sourcelight:'.length), entry.duration]),
  );
}

/** Sizes of the page's highlights by name (CSS Custom Highlight API), ours and any other. */
export function highlightSizesScript(): Record<string, number> {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
  return registry ? Object.fromEntries([...registry].map(([name, highlight]) => [name, highlight.size])) : {};
}

export interface SweepRow {
  page: string;
  article: boolean | null;
  claims: number;
  marks: number;
  ourErrors: number;
  textSame: boolean;
  ms: number;
  notes: string[];
}

/** The results as a fixed-width table with totals. */
export function formatTable(title: string, rows: SweepRow[]): string {
  const head = ['page', 'article?', 'claims', 'marks', 'our errors', 'text same?', 'ms', 'notes'];
  const body = rows.map((row) => [
    row.page,
    row.article === null ? '?' : row.article ? 'yes' : 'no',
    String(row.claims),
    String(row.marks),
    String(row.ourErrors),
    row.textSame ? 'yes' : 'NO',
    String(Math.round(row.ms)),
    row.notes.join('; ').slice(0, 140),
  ]);
  const widths = head.map((cell, i) => Math.max(cell.length, ...body.map((line) => line[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join(' | ');
  const totals =
    `pages ${rows.length}, articles ${rows.filter((row) => row.article).length}, marked ${rows.filter((row) => row.marks > 0).length}, ` +
    `errors ours ${rows.reduce((sum, row) => sum + row.ourErrors, 0)}, text changes ${rows.filter((row) => !row.textSame).length}, ` +
    `time ${(rows.reduce((sum, row) => sum + row.ms, 0) / 1000).toFixed(1)} s`;
  return [`== ${title}`, line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line), `totals: ${totals}`].join('\n');
}

/**
 * Chromium as `launchChromium` starts it (persistent profile, same flags and viewport), but
 * without the extension: the reference for what pages do on their own. A persistent profile
 * matters: Chromium fetches web-app manifests there and not in an incognito-like context.
 */
export async function launchBareChromium(profileDir: string): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_ARGS,
  });
}
