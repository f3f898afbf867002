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
 * A page that names its body container (findNamedBodySteps) has only that container walked.
 */
import { BLOCK_TAGS, PLAIN_INFO, inspect, upperTag } from './exclude';
import { CLOCK_LOOK_MASK, NO_CLOCK, type StepClock } from './text-map';

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

/** A character that is not blank: textWeight trims characters up to the space (U+0020). */
const NOT_BLANK = /[^\x00-\x20]/;
/** The blank characters that end a text (found where text has some before them). */
const TRAILING_BLANK = /[\x00-\x20]+$/;

/** The characters textWeight counts 3 (UTF-16 code units, as charCodeAt). */
const CJK = /[\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

const CODE_TAGS = new Set(['PRE', 'CODE', 'KBD', 'SAMP', 'TT']);

/**
 * Length of a text without its surrounding whitespace, CJK characters counted 3 (they carry about as
 * much as a short word; Readability's character thresholds are made for alphabetic scripts).
 */
export function textWeight(data: string): number {
  let start = 0;
  let end = data.length;
  // The regular-expression engine finds the ends of the text (whitespace-only nodes, the indentation
  // of a pretty-printed page, are many: a loop over their characters was slow on the first, cold walk).
  if (end > 0 && data.charCodeAt(0) <= 32) {
    start = data.search(NOT_BLANK);
    if (start < 0) return 0;
  }
  if (data.charCodeAt(end - 1) <= 32) end = data.search(TRAILING_BLANK);
  let len = end - start;
  if (!CJK.test(data)) return len;
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
   * How the walk classified the elements it did not simply read (1 skipped, 2 boilerplate-named, 3 a
   * block that is all link; every other element below the body is read), so the text map need not
   * read attributes again.
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

/**
 * The measuring walk's state between steps. The walk is iterative, with an explicit stack of open
 * elements: per open element a few flags and the paragraph text below it, so leaving an element
 * reads nothing from the DOM. (The loop lives in a plain function, not a generator, so that the
 * engine optimises it on its first, long call.)
 */
interface MeasureState {
  body: Element | null;
  /** The next node to visit (null when the walk is over). */
  n: Node | null;
  /** Open elements: the body's ancestors and the body first, then the walk's path. */
  open: Element[];
  /** Per open element: OPEN_* flags. */
  flags: number[];
  /** Per open element: paragraph text found below it so far (within MAX_CLIMB levels). */
  below: number[];
  /** Number of open elements above the walk (the body and its ancestors). */
  base: number;
  /** Open blocks, with their own text, link text, and whether a block below them holds text. */
  blockStack: Element[];
  blockOwn: number[];
  blockLink: number[];
  blockNested: boolean[];
  linkDepth: number;
  codeDepth: number;
  junkDepth: number;
  /** The walk collects the named candidates it meets (a whole-page walk; a named scope's walk is given them). */
  collect: boolean;
  m: Measured;
}

const OPEN_BLOCK = 1;
const OPEN_LINK = 2;
const OPEN_CODE = 4;
const OPEN_JUNK = 8;

/**
 * A walk over `body`'s subtree: the document's body, or the common container of the `named` candidates
 * the selector engine found (then the walk does not look for candidates itself).
 */
function startMeasure(body: Element | null, named: Candidates | null): MeasureState {
  const m: Measured = {
    stats: { paragraphText: new Map(), decisions: new Map(), paragraphs: 0, totalText: 0, readerScore: 0, codeText: 0 },
    score: new Map(),
    itemBodies: named ? named.items : [],
    classBodies: named ? named.classes : [],
    articles: named ? named.articles : [],
  };
  const open: Element[] = [];
  for (let a: Element | null = body; a; a = a.parentElement) open.push(a);
  open.reverse();
  const base = open.length;
  return {
    body,
    n: body ? body.firstChild : null,
    open,
    flags: new Array<number>(base).fill(0),
    below: new Array<number>(base).fill(0),
    base,
    blockStack: body ? [body] : [],
    blockOwn: [0],
    blockLink: [0],
    blockNested: [false],
    linkDepth: 0,
    codeDepth: 0,
    junkDepth: 0,
    collect: named === null,
    m,
  };
}

/** Closes a block (at open[depth], already off the block stack unless it is the body). */
function finishBlock(s: MeasureState, block: Element, depth: number, own: number, links: number, nested: boolean): void {
  const stats = s.m.stats;
  const top = s.blockStack.length - 1;
  if (own > 0 || nested) {
    if (top >= 0) s.blockNested[top] = true;
    // a block that is all link and holds no other block: a related link, a "read more" teaser
    if (own > 0 && links >= LINK_BLOCK * own && !nested && block !== s.body) stats.decisions.set(block, 3);
  }
  if (own < MIN_PARAGRAPH) return;
  if (links > own * 0.5 || upperTag(block) === 'PRE') return;
  const textLen = own - links;
  const weight = s.junkDepth > 0 ? JUNK_WEIGHT : 1;
  stats.paragraphs += 1;
  stats.totalText += textLen;
  if (textLen >= 140) stats.readerScore += Math.sqrt(textLen - 140);
  const score = s.m.score;
  if (depth >= 1) {
    const parent = s.open[depth - 1];
    score.set(parent, (score.get(parent) ?? 0) + textLen * weight);
    if (depth >= 2) {
      const grand = s.open[depth - 2];
      score.set(grand, (score.get(grand) ?? 0) + (textLen * weight) / 2);
    }
  }
  const below = s.below;
  const last = Math.max(0, depth - MAX_CLIMB + 1);
  for (let d = depth; d >= last; d--) below[d] += textLen;
}

/** Runs the walk until it is over (true) or the clock says the step is (false). */
function runMeasure(s: MeasureState, clock: StepClock): boolean {
  const { open, flags, below, base, blockStack, blockOwn, blockLink, blockNested, collect, m } = s;
  const { decisions, paragraphText } = m.stats;
  let n = s.n;
  let work = 0;
  while (n !== null) {
    if ((++work & CLOCK_LOOK_MASK) === 0 && clock.due()) {
      s.n = n;
      return false;
    }
    let descend = false;
    const type = n.nodeType;
    if (type === TEXT_NODE) {
      const len = textWeight((n as Text).data);
      if (len > 0) {
        if (s.codeDepth > 0) m.stats.codeText += len;
        const top = blockStack.length - 1;
        blockOwn[top] += len;
        if (s.linkDepth > 0) blockLink[top] += len;
      }
    } else if (type === ELEMENT_NODE) {
      const el = n as Element;
      const tag = upperTag(el);
      const info = inspect(el, tag);
      if (info.skipped) decisions.set(el, 1);
      else {
        if (info.junk) decisions.set(el, 2);
        if (collect) {
          if (info !== PLAIN_INFO) {
            if (info.itemprop === 'articleBody') m.itemBodies.push(el);
            if ((info.className && BODY_CLASS.test(info.className)) || (info.id && BODY_CLASS.test(info.id))) {
              m.classBodies.push(el);
            }
          }
          if (tag === 'ARTICLE') m.articles.push(el);
        }
        if (el.firstChild !== null) {
          descend = true;
          let f = 0;
          if (BLOCK_TAGS.has(tag)) {
            f |= OPEN_BLOCK;
            blockStack.push(el);
            blockOwn.push(0);
            blockLink.push(0);
            blockNested.push(false);
          }
          if (tag === 'A') {
            f |= OPEN_LINK;
            s.linkDepth++;
          }
          if (CODE_TAGS.has(tag)) {
            f |= OPEN_CODE;
            s.codeDepth++;
          }
          if (info.junk) {
            f |= OPEN_JUNK;
            s.junkDepth++;
          }
          open.push(el);
          flags.push(f);
          below.push(0);
        }
      }
    }
    if (descend) {
      n = n.firstChild;
      continue;
    }
    // leave n: its next sibling, or close open elements until one has a next sibling
    for (;;) {
      const sib: Node | null = n!.nextSibling;
      if (sib !== null) {
        n = sib;
        break;
      }
      if (open.length <= base) {
        n = null;
        break;
      }
      const depth = open.length - 1;
      const el = open[depth];
      const f = flags[depth];
      if (f & OPEN_LINK) s.linkDepth--;
      if (f & OPEN_CODE) s.codeDepth--;
      if (f & OPEN_BLOCK) {
        const own = blockOwn.pop()!;
        const links = blockLink.pop()!;
        const nested = blockNested.pop()!;
        blockStack.pop();
        finishBlock(s, el, depth, own, links, nested);
      }
      if (f & OPEN_JUNK) s.junkDepth--;
      const sum = below[depth];
      if (sum > 0) paragraphText.set(el, sum);
      open.pop();
      flags.pop();
      below.pop();
      n = el;
    }
  }
  s.n = null;
  return true;
}

function endMeasure(s: MeasureState): Measured {
  if (!s.body) return s.m;
  finishBlock(s, s.body, s.base - 1, s.blockOwn[0], s.blockLink[0], s.blockNested[0]);
  for (let d = s.base - 1; d >= 0; d--) if (s.below[d] > 0) s.m.stats.paragraphText.set(s.open[d], s.below[d]);
  return s.m;
}

/** The measuring walk over `within`'s subtree as resumable steps: yields when the clock says a step is over. */
function* measureSteps(within: Element | null, clock: StepClock, named: Candidates | null): Generator<void, Measured, void> {
  const s = startMeasure(within, named);
  while (!runMeasure(s, clock)) {
    yield;
    clock.start();
  }
  return endMeasure(s);
}

function measure(doc: Document): Measured {
  const s = startMeasure(doc.body ?? doc.documentElement, null);
  runMeasure(s, NO_CLOCK);
  return endMeasure(s);
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
  return chooseBody(doc, measure(doc));
}

/** findArticleBodyWithStats as resumable steps: yields whenever the clock says the step is over. */
export function* findArticleBodySteps(doc: Document, clock: StepClock): Generator<void, { root: Element; stats: BodyStats }, void> {
  const m = yield* measureSteps(doc.body ?? doc.documentElement, clock, null);
  return chooseBody(doc, m);
}

/** Whether the whole-page walk reaches an element (walkReaches). */
type Reaches = (el: Element) => boolean;

/** Named candidates of the page: itemprop=articleBody, body classes, <article> elements. */
interface Candidates {
  items: Element[];
  classes: Element[];
  articles: Element[];
}

/** The body a page names, with the statistics of the container measured to find it. */
type NamedBody = { root: Element; stats: BodyStats; measured: Element };

/** What measuring some candidates' common container says: the body, "not one of these", or null (only the whole-page walk can tell). */
type NamedAnswer = NamedBody | 'none of these' | null;

/**
 * The article body when the page names it, found by measuring only the named containers' subtree:
 * on most news pages that is a fraction of the page, and the walk's cost is in the nodes it reads.
 * The candidates are found by the browser's selector engine, in the order in which they win:
 * itemprop=articleBody, then body classes, then <article>. One that holds enough text wins over every
 * later one, so each kind is measured on its own (its common container only), and the later kinds are
 * looked for only when none of this kind can be the body. The answer must be the one the whole-page
 * walk would give (see answerWithin); otherwise null, and the caller walks the page. Then `measured`
 * is the container walked: the statistics and decisions cover only its subtree.
 */
export function* findNamedBodySteps(doc: Document, clock: StepClock): Generator<void, NamedBody | null, void> {
  const body = doc.body;
  if (!body) return null;
  const reaches = walkReaches(body);
  for (const stage of NAMED_STAGES) {
    let candidates: Candidates;
    try {
      candidates = stage(body, reaches);
    } catch {
      return null; // a DOM that cannot run the selectors: the whole-page walk decides
    }
    if (candidates.items.length + candidates.classes.length + candidates.articles.length === 0) continue;
    const answer = yield* answerWithin(doc, body, candidates, reaches, clock);
    if (answer !== 'none of these') return answer;
  }
  return null;
}

/** Each kind of named candidate on its own, in the order in which they win (namedBody). */
const NAMED_STAGES: ((body: Element, reaches: Reaches) => Candidates)[] = [
  (body, reaches) => ({ items: itemBodies(body, reaches), classes: [], articles: [] }),
  (body, reaches) => ({ items: [], classes: classBodies(body, reaches), articles: [] }),
  (body, reaches) => ({ items: [], classes: [], articles: articleElements(body, reaches) }),
];

/**
 * Measures the candidates' common container and picks the named body as the whole-page walk would.
 * The named container must hold enough text against an estimate from above of the automatic choice's
 * text (the paragraph text inside the common container plus that of the <p> elements outside it), and
 * the pick must be the same for any automatic choice up to that estimate; else null. 'none of these'
 * when no candidate could hold enough text for any automatic choice.
 */
function* answerWithin(doc: Document, body: Element, candidates: Candidates, reaches: Reaches, clock: StepClock): Generator<void, NamedAnswer, void> {
  const { items, classes, articles } = candidates;
  const scope = lowestCommonAncestor([...items, ...classes, ...articles]);
  // The walk treats its root as a block: an inline common container would change what it measures.
  if (!scope || scope === body || !BLOCK_TAGS.has(upperTag(scope))) return null;
  // The browser's lists of candidates, not the walk's: the walk starts below the scope, which may be a candidate itself.
  const m = yield* measureSteps(scope, clock, candidates);
  const bound = paragraphTextOf(m, scope) + paragraphTextOutside(body, scope, reaches);
  let certain = true;
  const named = namedBody(doc, m, (el): el is Element => {
    const sure = enough(m, el, bound);
    // Would a smaller automatic choice change this answer? Then only the whole-page walk can tell.
    if (sure !== enough(m, el, 0)) certain = false;
    return sure;
  });
  if (!certain) return null;
  return named ? { root: named, stats: m.stats, measured: scope } : 'none of these';
}

/**
 * Parts of the words one of which every BODY_CLASS name holds (article, story, entry, post, body), as
 * written in lower or capitalised case and in upper case (the selectors' `i` flag made the selector
 * engine slower on these pages). Fewer selectors than the words' three spellings each: the selector
 * engine tries every one on every element with a class or an id. The JavaScript test of BODY_CLASS
 * then keeps the real names.
 */
const BODY_NAME_SELECTOR = ['rticle', 'RTICLE', 'tory', 'TORY', 'ntry', 'NTRY', 'ost', 'OST', 'ody', 'ODY']
  .flatMap((part) => [`[class*="${part}"]`, `[id*="${part}"]`])
  .join(',');

/**
 * Whether the whole-page walk reaches an element below `body`: neither it nor an ancestor below the
 * body is skipped. Answers are remembered for every ancestor looked at, so many questions about
 * one page cost about one look per element.
 */
function walkReaches(body: Element): Reaches {
  const reached = new Map<Element, boolean>();
  return (el) => {
    const path: Element[] = [];
    let verdict = true;
    for (let a: Element | null = el; a && a !== body; a = a.parentElement) {
      const known = reached.get(a);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      path.push(a);
    }
    // Down from the highest unknown ancestor: a skipped element makes its whole subtree unreached.
    for (let i = path.length - 1; i >= 0; i--) {
      if (verdict && inspect(path[i]).skipped) verdict = false;
      reached.set(path[i], verdict);
    }
    return verdict;
  };
}

/** The itemprop=articleBody elements the whole-page walk reaches. */
function itemBodies(body: Element, reaches: Reaches): Element[] {
  const items: Element[] = [];
  for (const el of body.querySelectorAll('[itemprop="articleBody"]')) if (reaches(el)) items.push(el);
  return items;
}

/** The elements with a body class or id (BODY_CLASS) that the whole-page walk reaches. */
function classBodies(body: Element, reaches: Reaches): Element[] {
  const classes: Element[] = [];
  for (const el of body.querySelectorAll(BODY_NAME_SELECTOR)) {
    const className = el.getAttribute('class');
    const id = el.getAttribute('id');
    if (((className && BODY_CLASS.test(className)) || (id && BODY_CLASS.test(id))) && reaches(el)) classes.push(el);
  }
  return classes;
}

/** The <article> elements the whole-page walk reaches. */
function articleElements(body: Element, reaches: Reaches): Element[] {
  return Array.from(body.getElementsByTagName('article')).filter(reaches);
}

/**
 * Text of the paragraph-long <p> elements outside `scope` that the walk reaches, read whole (links,
 * captions and hidden inline parts included, so more than the walk would count for them). Paragraphs
 * in other elements are not counted: on the corpus news pages this estimate gives the whole-page
 * walk's answer on every page (test/unit/page/named-body.test.ts).
 */
function paragraphTextOutside(body: Element, scope: Element, reaches: Reaches): number {
  let text = 0;
  for (const p of body.getElementsByTagName('p')) {
    // Whether the walk reaches it first: that answer is remembered per ancestor, the text is read anew.
    if (scope.contains(p) || !reaches(p)) continue;
    const weight = textWeight(p.textContent ?? '');
    if (weight >= MIN_PARAGRAPH) text += weight;
  }
  return text;
}

function chooseBody(doc: Document, m: Measured): { root: Element; stats: BodyStats } {
  const auto = autoBody(doc, m);
  const autoText = paragraphTextOf(m, auto);
  const named = namedBody(doc, m, (el) => enough(m, el, autoText));
  return { root: named ?? auto, stats: m.stats };
}

/** Paragraph text measured below an element (0 for null, or for an element the walk did not measure). */
function paragraphTextOf(m: Measured, el: Element | null): number {
  return el ? (m.stats.paragraphText.get(el) ?? 0) : 0;
}

/** A named container holds enough of the text to be the body: most of the automatic choice's. */
function enough(m: Measured, el: Element | null, autoText: number): el is Element {
  return el !== null && paragraphTextOf(m, el) >= Math.max(MIN_PARAGRAPH * 4, 0.6 * autoText);
}

/** The automatic choice: the best-scored container, widened while the body continues in sibling containers. */
function autoBody(doc: Document, m: Measured): Element {
  const fallback = (doc.body ?? doc.documentElement) as Element;
  const pt = (el: Element | null): number => paragraphTextOf(m, el);
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
  return auto;
}

/**
 * The container the page names as its body, if one holds enough text (`holdsEnough`): the common
 * ancestor of its itemprop=articleBody elements, else the best of its known body classes (or their
 * common container, when the story is split over several), else its best <article>. Null otherwise.
 */
function namedBody(doc: Document, m: Measured, holdsEnough: (el: Element | null) => el is Element): Element | null {
  const fallback = (doc.body ?? doc.documentElement) as Element;
  const pt = (el: Element | null): number => paragraphTextOf(m, el);
  const pick = (els: Element[]): Element | null => {
    let top: Element | null = null;
    for (const el of els) if (pt(el) > pt(top)) top = el;
    return top;
  };

  const item = lowestCommonAncestor(m.itemBodies);
  if (holdsEnough(item)) return item;
  const byClass = pick(m.classBodies);
  if (holdsEnough(byClass)) {
    // a story split over several body blocks: their common container, if it holds little else
    const parts = m.classBodies.filter(
      (el) => pt(el) >= MIN_PARAGRAPH * 4 && !el.contains(byClass) && !byClass.contains(el),
    );
    if (parts.length > 0) {
      const outer = parts.filter((el) => !parts.some((o) => o !== el && o.contains(el)));
      const sum = outer.reduce((acc, el) => acc + pt(el), pt(byClass));
      const common = lowestCommonAncestor([byClass, ...outer]);
      if (common && common !== fallback && pt(common) <= 1.5 * sum) return common;
    }
    return byClass;
  }
  const article = pick(m.articles);
  return holdsEnough(article) ? article : null;
}
