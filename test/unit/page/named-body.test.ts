// @vitest-environment node
/**
 * The named-body path (findNamedBodySteps): it measures only the container a page names as its
 * article body, and must give exactly what the whole-page walk gives, or decline.
 */
import { describe, expect, it } from 'vitest';
import { findArticleBodyWithStats, findNamedBodySteps } from '../../../utils/page/article-body';
import { declaredSignal } from '../../../utils/page/article';
import { extractArticle } from '../../../utils/page/extract';
import { parseHtml } from '../../../utils/page/parse-html';
import { buildTextMap, NO_CLOCK, runSteps } from '../../../utils/page/text-map';
import { NEWS_SITE_PAGES } from '../../e2e/support/corpus';
import { pageDoc } from './corpus';

const named = (doc: Document) => runSteps(findNamedBodySteps(doc, NO_CLOCK));

/** The article text as the whole-page walk reads it (the path taken when the named one declines). */
function wholePageText(doc: Document): string {
  const { root, stats } = findArticleBodyWithStats(doc);
  return buildTextMap(root, { paragraphText: stats.paragraphText, decisions: stats.decisions, measured: doc.body! }).text;
}

const PARAGRAPH = '<p>The minister said on Tuesday that the talks would resume next week, according to a statement.</p>';
const page = (head: string, body: string) =>
  parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'https://example.invalid/story');
const DECLARED = '<meta property="og:type" content="article">';

describe('named body', () => {
  it('gives the whole-page walk’s body and text on the news pages where it answers', () => {
    let answered = 0;
    for (const name of NEWS_SITE_PAGES) {
      const doc = pageDoc(name);
      const found = named(doc);
      if (!found || !declaredSignal(doc)) continue;
      answered++;
      const whole = findArticleBodyWithStats(doc);
      expect({ name, same: found.root === whole.root }).toEqual({ name, same: true });
      expect({ name, text: extractArticle(doc).text }).toEqual({ name, text: wholePageText(doc) });
    }
    // Most news pages name their body: the path must actually be taken.
    expect(answered).toBeGreaterThanOrEqual(NEWS_SITE_PAGES.length / 2);
  }, 60_000);

  it('measures only the named container’s subtree', () => {
    const doc = page(DECLARED, `<nav>${PARAGRAPH}</nav><div class="story-body">${PARAGRAPH.repeat(8)}</div><div class="more">${PARAGRAPH}</div>`);
    const found = named(doc)!;
    expect(found.root.className).toBe('story-body');
    expect(found.measured).toBe(found.root);
    expect([...found.stats.paragraphText.keys()].every((el) => el === found.root || found.root.contains(el) || el.contains(found.root))).toBe(true);
  });

  it('measures only an itemprop=articleBody that holds the story, and looks past one that holds none', () => {
    const story = `<div itemprop="articleBody">${PARAGRAPH.repeat(6)}</div>`;
    const holding = page(DECLARED, `<article class="story"><div class="story-content">${story}</div><div>${PARAGRAPH}</div></article>`);
    const found = named(holding)!;
    expect(found.root.getAttribute('itemprop')).toBe('articleBody');
    expect(found.measured).toBe(found.root);
    expect(extractArticle(holding).text).toBe(wholePageText(holding));
    // An empty articleBody (a schema leftover): the body class then answers, as in the whole-page walk.
    const empty = page(DECLARED, `<main><div itemprop="articleBody"><p>Updated.</p></div><div class="story-body">${PARAGRAPH.repeat(6)}</div></main>`);
    expect(named(empty)?.root.className).toBe('story-body');
    expect(extractArticle(empty).text).toBe(wholePageText(empty));
  });

  it('measures a body class alone, not the <article> elements around it and beside it', () => {
    const teasers = `<article class="teaser">${PARAGRAPH}</article>`.repeat(3);
    const doc = page(DECLARED, `<main><article class="story"><div class="story-body">${PARAGRAPH.repeat(8)}</div></article>${teasers}</main>`);
    const found = named(doc)!;
    expect(found.root.className).toBe('story-body');
    expect(found.measured).toBe(found.root);
    expect(extractArticle(doc).text).toBe(wholePageText(doc));
  });

  it('declines when more text outside the named container could make the automatic choice win', () => {
    // A "post-content" teaser beside the real story, which is not named.
    const doc = page(DECLARED, `<main><div class="post-content">${PARAGRAPH}</div></main><section>${PARAGRAPH.repeat(10)}</section>`);
    expect(named(doc)).toBeNull();
    expect(extractArticle(doc).text).toBe(wholePageText(doc));
    expect(extractArticle(doc).root?.tagName).toBe('SECTION');
  });

  it('does not count paragraphs in page chrome against the named container', () => {
    // Teasers in an aside and a footer: the whole-page walk skips them, so they cannot make it choose otherwise.
    const chrome = `<aside>${PARAGRAPH.repeat(6)}</aside><footer>${PARAGRAPH.repeat(6)}</footer>`;
    const doc = page(DECLARED, `<div class="story-body">${PARAGRAPH.repeat(4)}</div>${chrome}`);
    expect(named(doc)?.root.className).toBe('story-body');
    expect(extractArticle(doc).text).toBe(wholePageText(doc));
    // The same paragraphs where the walk reaches them could: then the path declines.
    const reached = page(DECLARED, `<div class="story-body">${PARAGRAPH.repeat(4)}</div><div>${PARAGRAPH.repeat(12)}</div>`);
    expect(named(reached)).toBeNull();
  });

  it('ignores named containers the walk would skip (hidden, or inside page chrome)', () => {
    const hidden = page(DECLARED, `<aside><div class="article-body">${PARAGRAPH.repeat(6)}</div></aside><div hidden class="entry-content">${PARAGRAPH.repeat(6)}</div>`);
    expect(named(hidden)).toBeNull();
    const visible = page(DECLARED, `<aside><div class="article-body">${PARAGRAPH}</div></aside><div class="entry-content">${PARAGRAPH.repeat(6)}</div>`);
    expect(named(visible)?.root.className).toBe('entry-content');
  });

  it('finds body names in any common case', () => {
    for (const name of ['articleBody', 'ArticleBody', 'STORY-BODY', 'Entry-Content']) {
      const doc = page(DECLARED, `<div class="${name}">${PARAGRAPH.repeat(6)}</div><div>${PARAGRAPH}</div>`);
      expect({ name, found: named(doc)?.root.className }).toEqual({ name, found: name });
    }
  });
});
