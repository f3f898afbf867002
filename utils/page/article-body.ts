/**
 * Where the article body is: a light, one-pass Readability-style score.
 *
 * One walk over the visible DOM (skipping hidden elements and page chrome, exclude.ts) measures each
 * block's own text and link text. Paragraph-like blocks give their length to their parent (and half
 * to the grandparent), at a fifth of the weight inside boilerplate-named containers; the best-scored
 * container, widened to its parent while the body continues in sibling containers, is the automatic
 * choice. A semantic container (itemprop=articleBody, a known body class, <article>) wins when it
 * holds most of that paragraph text. The same walk gives the statistics for article detection and
 * the element classifications the text map reuses, so a page costs one walk plus the body's text.
 */
import { BLOCK_TAGS, inspect, upperTag } from './exclude';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Shorter blocks are not paragraphs (labels, buttons, datelines). */
const MIN_PARAGRAPH = 25;
/** How far up a paragraph's length is added to its ancestors (bounds work on very deep DOMs). */
const MAX_CLIMB = 40;
/** Share of link text from which a block of text is a link (related stories), not article text. */
const LINK_BLOCK = 0.9;
/** Weight of paragraphs inside a boilerplate-named container (names can mislead, so not zero). */
const JUNK_WEIGHT = 0.2;

/** Classes and ids of article body containers on common publishing systems. */
const BODY_CLASS =
  /(?:^|[\s_-])(?:article[-_]?body|articlebody|article[-_]?content|articlecontent|article[-_]?text|story[-_]?body|storybody|story[-_]?content|story[-_]?text|entry[-_]?content|post[-_]?content|post[-_]?body|post[-_]?entry|body[-_]?text|content[-_]?body|article__body|c-entry-content|rich[-_]?text[-_]?article[-_]?body|caas-body|zn-body|paywall-article|l-article__text)(?:$|[\s_-])/i;

const CODE_TAGS = new Set(['PRE', 'CODE', 'KBD', 'SAMP', 'TT']);

/**
 * Length of a text without its surrounding whitespace, CJK characters counted 3 (they carry about as
 * much as a short word; Readability's character thresholds are made for alphabetic scripts).
 */
export function textWeight(data: string): number {
  let end = data.length;
  let start = 0;
  while (start < end && data.charCodeAt(start) <= 32) start++;
  while (end > start && data.charCodeAt(end - 1) <= 32) end--;
  let len = end - start;
  for (let i = start; i < end; i++) {
    const c = data.charCodeAt(i);
    if (c >= 0x3040 && ((c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff))) len += 2;
  }
  return len;
}

export interface BodyStats {
  /** Paragraph text under each container (sum over paragraph-like blocks below it, boilerplate-named ones included). */
  paragraphText: Map<Element, number>;
  /**
   * How each element the walk looked at was classified (0 read, 1 skipped, 2 boilerplate-named,
   * 3 a block that is all link), so the text map need not read attributes again.
   */
  decisions: Map<Element, number>;
  /** Number of paragraph-like blocks found. */
  paragraphs: number;
  /** Total length of paragraph-like text. */
  totalText: number;
  /** Length of text in code (pre, code, kbd, samp): documentation-like pages have much of it. */
  codeText: number;
  /** Readability's isProbablyReaderable score: sum of sqrt(length - 140) over paragraphs of 140+ chars. */
  readerScore: number;
}

interface Measured {
  stats: BodyStats;
  score: Map<Element, number>;
  itemBodies: Element[];
  classBodies: Element[];
  articles: Element[];
}

function measure(doc: Document): Measured {
  const body = doc.body ?? doc.documentElement;
  const paragraphText = new Map<Element, number>();
  const decisions = new Map<Element, number>();
  const score = new Map<Element, number>();
  const itemBodies: Element[] = [];
  const classBodies: Element[] = [];
  const articles: Element[] = [];
  let paragraphs = 0;
  let totalText = 0;
  let readerScore = 0;
  let codeText = 0;
  let codeDepth = 0;
  if (!body) return { stats: { paragraphText, decisions, paragraphs, totalText, readerScore, codeText }, score, itemBodies, classBodies, articles };

  // the block each open element belongs to, as a stack parallel to the walk
  const blockStack: Element[] = [body];
  const ownText = new Map<Element, number>();
  const linkText = new Map<Element, number>();
  let linkDepth = 0;
  const junkStack: Element[] = [];

  const nestedText = new Set<Element>();
  const finishBlock = (block: Element): void => {
    const len = ownText.get(block) ?? 0;
    const links = linkText.get(block) ?? 0;
    const parentBlock = blockStack[blockStack.length - 1];
    if (len > 0 || nestedText.has(block)) {
      if (parentBlock) nestedText.add(parentBlock);
      // a block that is all link and holds no other block: a related link, a "read more" teaser
      if (len > 0 && links >= LINK_BLOCK * len && !nestedText.has(block) && block !== body) {
        decisions.set(block, 3);
      }
    }
    if (len < MIN_PARAGRAPH) return;
    if (links > len * 0.5 || upperTag(block) === 'PRE') return;
    const textLen = len - links;
    const weight = junkStack.length > 0 ? JUNK_WEIGHT : 1;
    paragraphs += 1;
    totalText += textLen;
    if (textLen >= 140) readerScore += Math.sqrt(textLen - 140);
    const parent = block.parentElement;
    if (parent) {
      score.set(parent, (score.get(parent) ?? 0) + textLen * weight);
      const grand = parent.parentElement;
      if (grand) score.set(grand, (score.get(grand) ?? 0) + (textLen * weight) / 2);
    }
    let a: Element | null = block;
    for (let k = 0; a && k < MAX_CLIMB; k++, a = a.parentElement) {
      paragraphText.set(a, (paragraphText.get(a) ?? 0) + textLen);
    }
  };

  let n: Node | null = body.firstChild;
  while (n !== null) {
    let descend = false;
    if (n.nodeType === TEXT_NODE) {
      const len = textWeight((n as Text).data);
      if (len > 0) {
        if (codeDepth > 0) codeText += len;
        const block = blockStack[blockStack.length - 1];
        ownText.set(block, (ownText.get(block) ?? 0) + len);
        if (linkDepth > 0) linkText.set(block, (linkText.get(block) ?? 0) + len);
      }
    } else if (n.nodeType === ELEMENT_NODE) {
      const el = n as Element;
      const info = inspect(el);
      decisions.set(el, info.skipped ? 1 : info.junk ? 2 : 0);
      if (!info.skipped) {
        const tag = upperTag(el);
        if (info.itemprop === 'articleBody') itemBodies.push(el);
        if (tag === 'ARTICLE') articles.push(el);
        if ((info.className && BODY_CLASS.test(info.className)) || (info.id && BODY_CLASS.test(info.id))) {
          classBodies.push(el);
        }
        if (el.firstChild !== null) {
          descend = true;
          if (BLOCK_TAGS.has(tag)) blockStack.push(el);
          if (tag === 'A') linkDepth++;
          if (CODE_TAGS.has(tag)) codeDepth++;
          if (info.junk) junkStack.push(el);
        }
      }
    }
    if (descend) {
      n = n.firstChild;
      continue;
    }
    while (n !== null) {
      const sib: Node | null = n.nextSibling;
      if (sib !== null) {
        n = sib;
        break;
      }
      n = n.parentNode;
      if (n === null || n === body) {
        n = null;
        break;
      }
      const el = n as Element;
      const tag = upperTag(el);
      if (tag === 'A') linkDepth = Math.max(0, linkDepth - 1);
      if (CODE_TAGS.has(tag)) codeDepth = Math.max(0, codeDepth - 1);
      if (blockStack[blockStack.length - 1] === el) {
        blockStack.pop();
        finishBlock(el);
      }
      if (junkStack[junkStack.length - 1] === el) junkStack.pop();
    }
  }
  finishBlock(body);
  return { stats: { paragraphText, decisions, paragraphs, totalText, readerScore, codeText }, score, itemBodies, classBodies, articles };
}

function lowestCommonAncestor(els: Element[]): Element | null {
  if (els.length === 0) return null;
  let common: Element | null = els[0];
  for (let i = 1; i < els.length && common; i++) {
    while (common && !common.contains(els[i])) common = common.parentElement;
  }
  return common;
}

/** Paragraph statistics of the page (exported for article detection, which reuses the same walk). */
export function measureBody(doc: Document): BodyStats {
  return measure(doc).stats;
}

/** The element holding the article body; the document body when nothing better is found. */
export function findArticleBody(doc: Document): Element {
  return findArticleBodyWithStats(doc).root;
}

/** findArticleBody, also returning the paragraph statistics it measured (one walk for both). */
export function findArticleBodyWithStats(doc: Document): { root: Element; stats: BodyStats } {
  const fallback = (doc.body ?? doc.documentElement) as Element;
  const m = measure(doc);
  const pt = (el: Element | null): number => (el ? (m.stats.paragraphText.get(el) ?? 0) : 0);

  // automatic: best-scored container, widened while the body continues in sibling containers
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of m.score) {
    if (s > bestScore) {
      bestScore = s;
      best = el;
    }
  }
  let auto: Element = best ?? fallback;
  for (let k = 0; k < 6; k++) {
    const parent: Element | null = auto.parentElement;
    if (!parent || parent === fallback || parent === doc.documentElement) break;
    const own = pt(auto);
    let sibling = 0;
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (c !== auto) sibling = Math.max(sibling, pt(c));
    }
    if (sibling >= Math.max(0.25 * own, 2 * MIN_PARAGRAPH * 4)) auto = parent;
    else break;
  }
  const autoText = pt(auto);

  const pick = (els: Element[]): Element | null => {
    let top: Element | null = null;
    for (const el of els) if (pt(el) > pt(top)) top = el;
    return top;
  };
  const enough = (el: Element | null): el is Element =>
    el !== null && pt(el) >= Math.max(MIN_PARAGRAPH * 4, 0.6 * autoText);

  const item = lowestCommonAncestor(m.itemBodies);
  if (enough(item)) return { root: item, stats: m.stats };
  const byClass = pick(m.classBodies);
  if (enough(byClass)) {
    // a story split over several body blocks: their common container, if it holds little else
    const parts = m.classBodies.filter(
      (el) => pt(el) >= MIN_PARAGRAPH * 4 && !el.contains(byClass) && !byClass.contains(el),
    );
    if (parts.length > 0) {
      const outer = parts.filter((el) => !parts.some((o) => o !== el && o.contains(el)));
      const sum = outer.reduce((acc, el) => acc + pt(el), pt(byClass));
      const common = lowestCommonAncestor([byClass, ...outer]);
      if (common && common !== fallback && pt(common) <= 1.5 * sum) return { root: common, stats: m.stats };
    }
    return { root: byClass, stats: m.stats };
  }
  const article = pick(m.articles);
  if (enough(article)) return { root: article, stats: m.stats };
  return { root: auto, stats: m.stats };
}
