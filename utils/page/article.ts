/**
 * Is this page an article? Declared metadata first (JSON-LD article types, og:type=article), then a
 * readerable-text fallback in the spirit of Readability's isProbablyReaderable.
 */
import { findArticleBodyWithStats, type BodyStats } from './article-body';

export type ArticleSignal = 'json-ld' | 'og' | 'readerable';

/** schema.org types (Article and its subtypes) that mark an article page. */
const ARTICLE_TYPES = new Set(
  [
    'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BackgroundNewsArticle',
    'OpinionNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle', 'BlogPosting',
    'LiveBlogPosting', 'SocialMediaPosting', 'DiscussionForumPosting', 'Report', 'AdvertiserContentArticle',
  ].map((t) => t.toLowerCase()),
);

/** Keys under which a JSON-LD object names its main thing. */
const NESTED_KEYS = ['@graph', 'mainEntity', 'mainEntityOfPage'];

function typeName(t: unknown): string | null {
  if (typeof t !== 'string') return null;
  // "NewsArticle", "schema:NewsArticle", "http://schema.org/NewsArticle"
  const m = /([A-Za-z]+)\s*$/.exec(t);
  return m ? m[1].toLowerCase() : null;
}

function declaresArticle(value: unknown, depth: number): boolean {
  if (depth > 6 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (declaresArticle(item, depth + 1)) return true;
    return false;
  }
  const obj = value as Record<string, unknown>;
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  for (const t of types) {
    const name = typeName(t);
    if (name && ARTICLE_TYPES.has(name)) return true;
  }
  for (const key of NESTED_KEYS) {
    if (key in obj && declaresArticle(obj[key], depth + 1)) return true;
  }
  return false;
}

/**
 * Elements matching a selector, in document order. Native querySelectorAll in browsers; some DOM
 * implementations (happy-dom) recurse and overflow the stack on very deep documents, and then an
 * iterative walk matching tag names is used.
 */
function selectAll(doc: Document, selector: string, tag: string): Element[] {
  try {
    return Array.from(doc.querySelectorAll(selector));
  } catch {
    const found: Element[] = [];
    let n: Element | null = doc.documentElement;
    while (n) {
      if (n.tagName.toUpperCase() === tag) found.push(n);
      let next: Element | null = n.firstElementChild;
      while (!next && n) {
        next = n.nextElementSibling;
        if (!next) n = n.parentElement;
      }
      n = next;
    }
    return found;
  }
}

/** JSON-LD text without the HTML-comment or CDATA wrappers some sites put around it. */
function unwrapJson(raw: string): string {
  return raw
    .trim()
    .replace(/^(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)/, '')
    .replace(/(?:\/\/\s*)?(?:-->|\]\]>)$/, '')
    .trim();
}

/**
 * The scripts whose type may be JSON-LD: the selector engine picks them, so the type rule below reads
 * the attributes of those few instead of every script of the page (news pages have many).
 */
const MAYBE_JSON_LD = 'script[type*="ld+json" i]';

/** True when a JSON-LD block of the page declares an article type. Malformed blocks are ignored. */
export function hasArticleJsonLd(doc: Document): boolean {
  for (const script of selectAll(doc, MAYBE_JSON_LD, 'SCRIPT')) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (type !== 'application/ld+json') continue;
    const raw = script.textContent ?? '';
    if (raw.length > 500_000) continue;
    let data: unknown;
    try {
      data = JSON.parse(unwrapJson(raw));
    } catch {
      continue;
    }
    if (declaresArticle(data, 0)) return true;
  }
  return false;
}

/**
 * The metas whose key may be og:type: the selector engine picks them, so the key rule below reads the
 * attributes of one or two metas instead of every meta of the page (news pages have dozens).
 */
const MAYBE_OG_TYPE = 'meta[property*="og:type" i],meta[name*="og:type" i]';

/** The page's og:type, lower-cased, or null. */
export function ogType(doc: Document): string | null {
  for (const meta of selectAll(doc, MAYBE_OG_TYPE, 'META')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').trim().toLowerCase();
    const content = meta.getAttribute('content');
    if (key === 'og:type' && content) return content.trim().toLowerCase();
  }
  return null;
}

/**
 * Readerable text: enough long paragraphs outside page chrome (Readability's isProbablyReaderable
 * uses paragraphs of 140+ characters and a score of 20; we also ask for some text in all).
 */
export const READERABLE_SCORE = 20;
export const READERABLE_MIN_TEXT = 1500;
/** Share of code (pre, code) in the text above which a page is documentation, not an article. */
export const MAX_CODE_SHARE = 0.1;

export function isReaderable(stats: BodyStats): boolean {
  return stats.readerScore > READERABLE_SCORE && stats.totalText >= READERABLE_MIN_TEXT;
}

/**
 * True when the page describes itself for sharing or search (a meta description, og: or twitter:
 * title/description, Dublin Core): published pages do, test fixtures and bare documents do not.
 */
export function describesItself(doc: Document): boolean {
  for (const meta of selectAll(doc, 'meta', 'META')) {
    const key = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim().toLowerCase();
    if (!key || !(meta.getAttribute('content') ?? '').trim()) continue;
    if (
      key === 'description' || key === 'og:description' || key === 'og:title' || key === 'twitter:title' ||
      key === 'twitter:description' || key === 'dc.description' || key === 'dc.title'
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The readerable fallback for pages that declare no article type: a self-described page with
 * readerable prose that is not mostly code (documentation, specifications, code blogs).
 */
export function looksLikeArticle(doc: Document, stats: BodyStats, root: Element): boolean {
  if (!isReaderable(stats)) return false;
  // the main text block itself must be substantial (not a product page of short blurbs)
  if ((stats.paragraphText.get(root) ?? 0) < READERABLE_MIN_TEXT) return false;
  if (stats.codeText > MAX_CODE_SHARE * (stats.totalText + stats.codeText)) return false;
  return describesItself(doc);
}

/** Which rule makes this an article page (for debugging), or null when it is not one. */
export function articleSignal(doc: Document, body?: { root: Element; stats: BodyStats }): ArticleSignal | null {
  const declared = declaredSignal(doc);
  if (declared) return declared;
  const { root, stats } = body ?? findArticleBodyWithStats(doc);
  return looksLikeArticle(doc, stats, root) ? 'readerable' : null;
}

/** The metadata signal alone (no DOM walk): 'og' or 'json-ld' (the og:type read is cheaper: first), or null. */
export function declaredSignal(doc: Document): 'json-ld' | 'og' | null {
  if (ogType(doc) === 'article') return 'og';
  if (hasArticleJsonLd(doc)) return 'json-ld';
  return null;
}

export function isArticlePage(doc: Document): boolean {
  return articleSignal(doc) !== null;
}
