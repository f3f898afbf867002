/**
 * Structural rules for what is not article text: hidden elements, page chrome (nav, footer, forms)
 * and boilerplate (share bars, related links, comments, ads, bylines, captions).
 * Pure DOM, no layout: the content script and the CLI (happy-dom) decide the same way.
 */

/** Elements whose whole subtree never holds article text. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA',
  'OPTION', 'NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM', 'FIGURE', 'FIGCAPTION', 'OBJECT', 'EMBED',
  'CANVAS', 'VIDEO', 'AUDIO', 'PICTURE', 'IMG', 'HEAD', 'TITLE', 'LINK', 'META', 'DIALOG', 'MENU',
  'LABEL', 'MAP', 'AREA', 'SOURCE', 'TRACK', 'MATH',
]);

/** ARIA roles of page chrome. */
const SKIP_ROLES = new Set([
  'navigation', 'complementary', 'banner', 'contentinfo', 'dialog', 'alertdialog', 'menu', 'menubar',
  'search', 'toolbar', 'tooltip', 'button', 'tablist', 'form',
]);

/** Class/id words that always mark boilerplate (words split at space, '-', '_', ':' and camelCase humps). */
const STRONG = new Set([
  'share', 'sharing', 'sharebar', 'shares', 'social', 'socials', 'related', 'relatedlinks', 'comment', 'comments',
  'commenting', 'disqus', 'promo', 'promos', 'newsletter', 'newsletters', 'advert', 'adverts', 'advertisement',
  'advertising', 'byline', 'bylines', 'outbrain', 'taboola', 'recirc', 'recirculation', 'sponsor', 'sponsored',
  'paywall', 'breadcrumb', 'breadcrumbs', 'adslot', 'adunit', 'adcontainer', 'adwrapper', 'teads', 'adsense',
  'doubleclick',
]);
/** Words that mark boilerplate unless the same class token also has a body-like word. */
const WEAK = new Set([
  'ad', 'ads', 'dfp', 'sidebar', 'popup', 'modal', 'cookie', 'cookies', 'gdpr', 'consent', 'caption', 'captions',
  'credit', 'credits', 'toolbar', 'tooltip', 'signup', 'subscribe', 'subscription', 'rail', 'widget', 'widgets',
  'pagination', 'pager', 'masthead', 'navbar', 'nav', 'menu', 'footer', 'trending', 'timestamp',
  'banner', 'tags', 'artboard', 'chart', 'charts', 'graphic', 'graphics',
  'infographic',
]);
/** Words of media blocks (galleries, slideshows): skipped like <figure>, never kept as a wrapper. */
const MEDIA = new Set(['gallery', 'galleries', 'slideshow', 'slideshows', 'carousel', 'lightbox', 'playlist']);
/** Two-word names of boilerplate (consecutive words of one class token). */
const JUNK_PAIRS = new Set([
  'sr only', 'visually hidden', 'screen reader', 'skip link', 'skip to', 'read more', 'more stories', 'most popular',
  'most read', 'author bio', 'video player', 'also read', 'see also', 'read next', 'up next',
]);
/** Words that mark body text; a token holding one of them is junk only through a strong word. */
const BODY_WORD = new Set([
  'article', 'body', 'content', 'main', 'story', 'text', 'entry', 'post', 'paragraph', 'paragraphs', 'prose',
  'rich', 'richtext', 'copy', 'commentary',
]);

/** First words that negate a name: "no-caption", "without-sidebar", "has-comments-closed". */
const NEGATION = new Set(['no', 'not', 'without', 'hide', 'has', 'with', 'is', 'show']);

type Strength = 'media' | 'strong' | 'weak' | null;

/**
 * Where a class token splits into words: at separators ('_', '-', ':', '.'; whitespace already split
 * the name into tokens) and before an upper-case hump ("relatedLinks" → related, links).
 */
const WORD_BREAK = /[_\-:.]+|(?<=[a-z0-9])(?=[A-Z])/;

/**
 * 'media' (a gallery), 'strong' (always boilerplate), 'weak' (boilerplate unless inline) or null.
 * The token is split into words, lower-cased, by the regular-expression engine: this runs for many
 * class names of the page before the first mark, and a loop over every character was slow there.
 */
function junkToken(token: string): Strength {
  let body = false;
  let weak = false;
  let media = false;
  let previous = '';
  let index = 0;
  for (const part of token.split(WORD_BREAK)) {
    if (part === '') continue;
    const word = part.toLowerCase();
    if (index === 0 && NEGATION.has(word)) return null;
    if (STRONG.has(word)) return 'strong';
    if (BODY_WORD.has(word)) body = true;
    else if (WEAK.has(word)) weak = true;
    else if (MEDIA.has(word)) media = true;
    if (index > 0 && JUNK_PAIRS.has(`${previous} ${word}`)) return 'strong';
    previous = word;
    index++;
  }
  if (body) return null;
  return media ? 'media' : weak ? 'weak' : null;
}

const RANK = { media: 3, strong: 2, weak: 1 } as const;

/**
 * Matches every name junkToken may call boilerplate: one of its words (or a pair's first word) where a
 * word of junkToken can start and end, in any case; or a character outside ASCII (whose lower case may
 * be ASCII). Most class names of a page hold none, and skip the word-by-word reading: this test runs
 * in the regular-expression engine's compiled code, even on the page's first, cold walk.
 */
const MAYBE_JUNK = (() => {
  const words = new Set([...STRONG, ...WEAK, ...MEDIA, ...[...JUNK_PAIRS].map((pair) => pair.split(' ')[0])]);
  // The words are lower-case ASCII letters: each letter becomes [xX]. (A plain loop: this runs on every page.)
  const alternatives: string[] = [];
  for (const word of words) {
    let pattern = '';
    for (const c of word) pattern += `[${c}${c.toUpperCase()}]`;
    alternatives.push(pattern);
  }
  // A word starts after anything but a lower-case letter or digit, or at an upper-case hump; it
  // ends before anything but one. (A superset of junkToken's boundaries: it only has to miss nothing.)
  return new RegExp(`[^\\x00-\\x7f]|(?:(?<![a-z0-9])|(?=[A-Z]))(?:${alternatives.join('|')})(?![a-z0-9])`);
})();

const junkCache = new Map<string, Strength>();

/** How strongly a class or id string names boilerplate (share bars, comments, related links, ads, ...). */
export function junkNameStrength(name: string): Strength {
  if (!name || !MAYBE_JUNK.test(name)) return null;
  const cached = junkCache.get(name);
  if (cached !== undefined) return cached;
  let result: Strength = null;
  for (const token of name.split(/\s+/)) {
    const t = token ? junkToken(token) : null;
    if (t !== null && (result === null || RANK[t] > RANK[result])) result = t;
    if (result === 'media') break;
  }
  if (junkCache.size > 5000) junkCache.clear();
  junkCache.set(name, result);
  return result;
}

/** True when a class or id string names boilerplate. */
export function isJunkName(name: string): boolean {
  return junkNameStrength(name) !== null;
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Tags whose class names are not trusted to mark boilerplate. */
const NAMELESS = new Set(['P', 'B', 'I', 'EM', 'STRONG', 'BODY', 'HTML', 'MAIN']);
/** Inline tags: inside a paragraph, only strong names (share, byline, ad, ...) exclude them. */
const INLINE = new Set(['A', 'SPAN', 'FONT', 'SMALL', 'SUP', 'SUB', 'ABBR', 'CITE', 'Q', 'U', 'S', 'MARK', 'TIME', 'DFN', 'BDI', 'BDO']);

/** What the extraction needs to know about one element, read in one go (attribute reads are costly in some DOMs). */
export interface ElementInfo {
  /** Never article text, by structure: skipped tag, hidden, chrome role. */
  skipped: boolean;
  /** Class or id names boilerplate (callers may still keep a misnamed wrapper). */
  junk: boolean;
  className: string | null;
  id: string | null;
  itemprop: string | null;
}

const PLAIN: ElementInfo = { skipped: false, junk: false, className: null, id: null, itemprop: null };
/** What inspect returns for an element that is neither skipped nor named (the same object every time). */
export const PLAIN_INFO: Readonly<ElementInfo> = PLAIN;
const SKIPPED: ElementInfo = { skipped: true, junk: false, className: null, id: null, itemprop: null };

/**
 * The element's tag name in upper case: HTML elements of text/html documents already are; foreign
 * (SVG, MathML) elements and XHTML documents are not.
 */
export function upperTag(el: Element): string {
  const t = el.tagName;
  const c = t.charCodeAt(t.length - 1);
  return c >= 97 && c <= 122 ? t.toUpperCase() : t;
}

/**
 * Reads the element's tag and attributes once and classifies it. Only looks at el itself. A walk that
 * has read the tag already passes it (one DOM read less per element).
 */
export function inspect(el: Element, tag: string = upperTag(el)): ElementInfo {
  if (SKIP_TAGS.has(tag)) return SKIPPED;
  if (!el.hasAttributes()) return PLAIN;
  let className: string | null = null;
  let id: string | null = null;
  let itemprop: string | null = null;
  const names = el.getAttributeNames();
  for (let i = 0; i < names.length; i++) {
    switch (names[i]) {
      case 'class':
        className = el.getAttribute('class');
        break;
      case 'id':
        id = el.getAttribute('id');
        break;
      case 'itemprop':
        itemprop = el.getAttribute('itemprop');
        break;
      case 'hidden':
        return SKIPPED;
      case 'aria-hidden':
        if (el.getAttribute('aria-hidden') === 'true') return SKIPPED;
        break;
      case 'style': {
        const style = el.getAttribute('style');
        if (style && HIDDEN_STYLE.test(style)) return SKIPPED;
        break;
      }
      case 'role': {
        const role = el.getAttribute('role');
        if (role && SKIP_ROLES.has(role.toLowerCase())) return SKIPPED;
        break;
      }
    }
  }
  let junk = false;
  if ((className || id) && !NAMELESS.has(tag)) {
    const a = className ? junkNameStrength(className) : null;
    const b = id ? junkNameStrength(id) : null;
    const strength = a === null ? b : b === null ? a : RANK[a] >= RANK[b] ? a : b;
    if (strength === 'media' && !INLINE.has(tag)) return SKIPPED;
    junk = strength === 'strong' || ((strength === 'weak' || strength === 'media') && !INLINE.has(tag));
  }
  if (!junk && className === null && id === null && itemprop === null) return PLAIN;
  return { skipped: false, junk, className, id, itemprop };
}

/**
 * True when el's subtree is never article text, by structure alone: skipped tags (script, nav, aside,
 * footer, header, form, figure, ...), hidden elements, chrome roles.
 */
export function isSkipped(el: Element): boolean {
  return inspect(el).skipped;
}

/**
 * True when el's class or id names boilerplate (share bars, related links, comments, ads, bylines).
 * A name can mislead (a layout wrapper called "panel-two-col-sidebar"), so callers keep a named
 * element that holds most of the article's paragraphs.
 */
export function isJunkNamed(el: Element): boolean {
  return inspect(el).junk;
}

/** isSkipped or isJunkNamed. */
export function isExcluded(el: Element): boolean {
  const info = inspect(el);
  return info.skipped || info.junk;
}

/** Elements that start a new block of text ("\n\n" between blocks). */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HGROUP', 'HR', 'HTML', 'LI', 'MAIN', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
