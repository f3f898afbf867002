/** Article detection over the corpus: expectations and the check, shared by the two halves. */
import { expect } from 'vitest';
import { articleSignal } from '../../../utils/page/article';
import { NEWS_SITE_PAGES } from '../../e2e/support/corpus';
import { pageDoc, pageMeta, pageNames } from './corpus';

/** Pages that must not be articles: a product page, a feature list, an Internet-Draft. */
export const NOT_ARTICLES = ['mozilla-1', 'mozilla-2', 'ietf-1'];
/**
 * Readability's synthetic test fixtures: tiny hand-made documents that describe nothing about
 * themselves (lorem ipsum, "Document", a few test paragraphs).
 */
export const FIXTURES = [
  '001', '003-metadata-preferred', '004-metadata-space-separated-properties', '005-unescape-html-entities',
  'base-url', 'base-url-base-element', 'base-url-base-element-relative', 'basic-tags-cleaning',
  'comment-inside-script-parsing', 'data-url-image', 'embedded-videos', 'hidden-nodes', 'invalid-attributes',
  'js-link-replacement', 'lazy-image-3', 'metadata-content-missing', 'missing-paragraphs', 'normalize-spaces', 'ol',
  'parsely-metadata', 'remove-aria-hidden', 'remove-extra-brs', 'remove-extra-paragraphs', 'remove-script-tags',
  'reordering-paragraphs', 'replace-brs', 'replace-font-tags', 'rtl-1', 'rtl-2', 'rtl-3', 'rtl-4', 'social-buttons',
  'style-tags-removal', 'svg-parsing', 'title-and-h1-discrepancy', 'title-en-dash', 'visibility-hidden',
];
/** Detect every page of one half of the corpus (the halves run in parallel), print and check. */
export function checkDetection(half: 0 | 1): void {
  const rows: string[] = [];
  const signals = new Map<string, string | null>();
  pageNames().forEach((name, i) => {
    if (i % 2 !== half) return;
    const doc = pageDoc(name);
    const t0 = performance.now();
    const signal = articleSignal(doc);
    const ms = performance.now() - t0;
    signals.set(name, signal);
    rows.push(`${name.padEnd(40)} ${String(pageMeta(name).readerable).padEnd(16)} ${(signal ?? 'no').padEnd(10)} ${ms.toFixed(1)}ms`);
  });
  console.log(`page                                     meta.readerable  article signal\n${rows.join('\n')}`);
  for (const name of [...NOT_ARTICLES, ...FIXTURES]) {
    if (signals.has(name)) expect({ name, signal: signals.get(name) }).toEqual({ name, signal: null });
  }
  for (const name of NEWS_SITE_PAGES) {
    if (signals.has(name)) expect({ name, article: signals.get(name) !== null }).toEqual({ name, article: true });
  }
}
