/** Shared helpers for the page tests: the corpus, parsed once per test file. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../../utils/page/parse-html';
import { requireShared } from '../../e2e/support/corpus';

/** ../shared/corpus beside the repository; a clear error when it is missing. */
export const CORPUS = join(requireShared(), 'corpus');
export const PAGES = join(CORPUS, 'pages');

export interface PageMeta {
  readerable?: boolean;
  siteName?: string | null;
  title?: string | null;
}

/** Corpus page names (folders with a source.html), sorted. */
export function pageNames(): string[] {
  return readdirSync(PAGES)
    .filter((name) => existsSync(join(PAGES, name, 'source.html')))
    .sort();
}

export function pageMeta(name: string): PageMeta {
  const file = join(PAGES, name, 'metadata.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PageMeta) : {};
}

/** The HTML of a page ('seed' is the seed article). */
export function pageHtml(name: string): string {
  if (name === 'seed') return readFileSync(join(CORPUS, 'seed', 'seed-voa-sony.html'), 'utf8');
  return readFileSync(join(PAGES, name, 'source.html'), 'utf8');
}

const docs = new Map<string, Document>();
/** The parsed page, cached for the test file. */
export function pageDoc(name: string): Document {
  let doc = docs.get(name);
  if (!doc) {
    doc = parseHtml(pageHtml(name), `https://corpus.invalid/${name}/`);
    docs.set(name, doc);
  }
  return doc;
}

export interface Label {
  page: string;
  passage: string;
  cue: string;
  kind: string;
}

export function labels(): Label[] {
  const file = join(CORPUS, 'labels', 'dev.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Label);
}

/** Whitespace collapsed, curly quotes folded to straight: how labelled passages are compared. */
export function norm(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

