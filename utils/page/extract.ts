/**
 * The one entry point for article text: used by the content script and by the CLI (.html input), so
 * both annotate exactly the same text.
 */
import { articleSignal, type ArticleSignal } from './article';
import { findArticleBodyWithStats } from './article-body';
import { buildTextMap, type TextMap } from './text-map';

export interface ExtractedArticle {
  isArticle: boolean;
  /** The article body text ('' for a non-article unless forced). */
  text: string;
  /** The element the text was read from. */
  root: Element | null;
  /** Offsets in `text` back to DOM ranges. */
  map: TextMap | null;
  /** Why the page counts as an article (null when it does not). */
  signal: ArticleSignal | null;
}

export interface ExtractOptions {
  /** Extract even when the page does not look like an article (the reader asked for it). */
  force?: boolean;
}

export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle {
  if (!doc.documentElement) return { isArticle: false, text: '', root: null, map: null, signal: null };
  const { root, stats } = findArticleBodyWithStats(doc);
  const signal = articleSignal(doc, { root, stats });
  const isArticle = signal !== null;
  if (!isArticle && !options.force) return { isArticle, text: '', root: null, map: null, signal };
  const map = buildTextMap(root, { paragraphText: stats.paragraphText, decisions: stats.decisions });
  return { isArticle, text: map.text, root, map, signal };
}
