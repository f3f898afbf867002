// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { articleSignal, hasArticleJsonLd, isArticlePage, ogType } from '../../../utils/page/article';
import { findArticleBody } from '../../../utils/page/article-body';
import { extractArticle } from '../../../utils/page/extract';
import { parseHtml } from '../../../utils/page/parse-html';

const page = (head: string, body = '<p>Short.</p>') =>
  parseHtml(`<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`);
const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;

/** A plausible news body: several long paragraphs. */
const PROSE = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i}: officials said on Tuesday that the new rules would take effect next month, according to a statement, ` +
    `and critics, speaking on condition of anonymity, said the plan had been rushed through without a public hearing.</p>`,
).join('');

describe('isArticlePage', () => {
  it.each([
    ['a NewsArticle object', ld('{"@context":"https://schema.org","@type":"NewsArticle","headline":"x"}')],
    ['an @type array', ld('{"@type":["WebPage","ReportageNewsArticle"]}')],
    ['a JSON-LD array', ld('[{"@type":"Organization"},{"@type":"BlogPosting"}]')],
    ['an @graph', ld('{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"AnalysisNewsArticle"}]}')],
    ['a prefixed type', ld('{"@type":"http://schema.org/OpinionNewsArticle"}')],
    ['a WebPage whose mainEntity is an Article', ld('{"@type":"WebPage","mainEntity":{"@type":"Article"}}')],
    ['a CDATA-wrapped block', ld('\n<![CDATA[\n{"@type":"Article"}\n]]>\n')],
    ['a comment-wrapped block', ld('<!--{"@type":"NewsArticle"}-->')],
    ['a malformed block next to a good one', ld('{"@type": "NewsArticle",,}') + ld('{"@type":"Article"}')],
    ['a type written in capitals, with spaces', '<script type=" Application/LD+JSON ">{"@type":"Article"}</script>'],
  ])('takes JSON-LD: %s', (_, head) => {
    const doc = page(head);
    expect(hasArticleJsonLd(doc)).toBe(true);
    expect(articleSignal(doc)).toBe('json-ld');
  });

  it('ignores malformed, empty and non-article JSON-LD without throwing', () => {
    for (const head of [
      ld('{"@type": "NewsArticle",'),
      ld(''),
      ld('null'),
      ld('"NewsArticle"'),
      ld('{"@type":"Organization","name":"NewsArticle"}'),
      ld('{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle"}]}'),
      ld('{"@type":"WebSite"}'),
      '<script type="application/ld+json+x">{"@type":"Article"}</script>',
      '<script type="text/javascript">{"@type":"Article"}</script>',
    ]) {
      expect(hasArticleJsonLd(page(head))).toBe(false);
      expect(isArticlePage(page(head))).toBe(false);
    }
  });

  it('takes og:type=article (any case), not og:type=website on its own', () => {
    expect(articleSignal(page('<meta property="og:type" content="Article">'))).toBe('og');
    expect(articleSignal(page('<meta name="og:type" content="article">'))).toBe('og');
    expect(articleSignal(page('<meta name="description" content="x"><meta property=" OG:Type " content="article">'))).toBe('og');
    // The key is the property when there is one: a name of og:type beside another property does not count.
    expect(ogType(page('<meta property="og:title" name="og:type" content="article">'))).toBeNull();
    expect(articleSignal(page('<meta property="og:type" content="website">'))).toBeNull();
  });

  it('falls back to readerable prose on a page that describes itself', () => {
    const described = '<meta name="description" content="A story">';
    expect(articleSignal(page(described, `<main><h1>Rules</h1>${PROSE}</main>`))).toBe('readerable');
    // the same prose in a bare document (a test fixture) is not taken
    expect(articleSignal(page('', `<main><h1>Rules</h1>${PROSE}</main>`))).toBeNull();
    // prose inside page chrome does not count
    expect(articleSignal(page(described, `<footer>${PROSE}</footer><nav>${PROSE}</nav>`))).toBeNull();
    // documentation: mostly code
    const code = `<pre>${'const x = require("y");\n'.repeat(60)}</pre>`;
    expect(articleSignal(page(described, `<main>${PROSE}${code}</main>`))).toBeNull();
    // short blurbs
    expect(articleSignal(page(described, '<p>Fast.</p><p>Private.</p><p>Free.</p>'.repeat(20)))).toBeNull();
  });
});

describe('findArticleBody', () => {
  it('prefers itemprop=articleBody, then body classes, then <article>, then the paragraph-richest container', () => {
    const filler = '<div class="teasers">' + '<p>Teaser text that is long enough to count as a paragraph here.</p>'.repeat(2) + '</div>';
    let doc = page('', `${filler}<div itemprop="articleBody" id="x">${PROSE}</div>`);
    expect(findArticleBody(doc).id).toBe('x');
    doc = page('', `${filler}<div class="story-body" id="x">${PROSE}</div>`);
    expect(findArticleBody(doc).id).toBe('x');
    doc = page('', `${filler}<article id="x"><h1>T</h1>${PROSE}</article>`);
    expect(findArticleBody(doc).id).toBe('x');
    doc = page('', `${filler}<div><div id="x">${PROSE}</div></div>`);
    expect(findArticleBody(doc).id).toBe('x');
  });

  it('joins a story split over sibling containers', () => {
    const doc = page('', `<div id="x"><div class="col">${PROSE}</div><div class="col">${PROSE}</div></div><div>${'<p>x</p>'}</div>`);
    expect(findArticleBody(doc).id).toBe('x');
  });

  it('does not choose a small semantic container over the real body', () => {
    const doc = page('', `<article id="teaser"><p>Just a teaser of a story.</p></article><div id="x">${PROSE}</div>`);
    expect(findArticleBody(doc).id).toBe('x');
  });
});

describe('extractArticle', () => {
  it('returns nothing for a non-article unless forced', () => {
    const doc = page('', `<main>${PROSE}</main>`);
    expect(extractArticle(doc)).toMatchObject({ isArticle: false, text: '', root: null, map: null });
    const forced = extractArticle(doc, { force: true });
    expect(forced.isArticle).toBe(false);
    expect(forced.text).toContain('Paragraph 0: officials said');
    expect(forced.map).not.toBeNull();
  });

  it('extracts the body text of an article', () => {
    const doc = page(
      ld('{"@type":"NewsArticle"}'),
      `<header><nav>Home</nav></header><article><h1>Headline</h1><div class="byline">By A. Writer</div>${PROSE}` +
        '<div class="related-stories"><a href="/x">Another story</a></div></article><footer>© Paper</footer>',
    );
    const r = extractArticle(doc);
    expect(r.isArticle).toBe(true);
    expect(r.text.startsWith('Headline\n\nParagraph 0:')).toBe(true);
    expect(r.text).not.toMatch(/By A. Writer|Another story|Paper|Home/);
  });

  it('drops link-only blocks and galleries, keeps a misnamed wrapper that holds the story', () => {
    const doc = page(
      ld('{"@type":"NewsArticle"}'),
      `<div class="story-body"><div class="read-more-content">${PROSE}</div>` +
        '<p>[<a href="/a">Read: a related story about something else entirely</a>]</p>' +
        '<ul><li><a href="/b">Another related story headline here</a></li></ul>' +
        `<div class="type-gallery"><ul>${'<li><p>1/50 A gallery caption that is long enough to count as a paragraph.</p></li>'.repeat(20)}</ul></div>` +
        '</div>',
    );
    const r = extractArticle(doc);
    expect(r.text).toContain('Paragraph 7: officials said');
    expect(r.text).not.toMatch(/Read: a related|Another related|gallery caption/);
  });
});
