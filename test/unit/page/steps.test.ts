// @vitest-environment node
/** The stepped extraction gives exactly extractArticle's result, however small its steps. */
import { describe, expect, it } from 'vitest';
import { extractArticle, extractArticleInSteps, type ExtractedArticle } from '../../../utils/page/extract';
import { parseHtml } from '../../../utils/page/parse-html';
import { pageDoc } from './corpus';

function runAll(steps: Generator<void, ExtractedArticle, void>): { result: ExtractedArticle; count: number } {
  let count = 1;
  let step = steps.next();
  while (!step.done) {
    count += 1;
    step = steps.next();
  }
  return { result: step.value, count };
}

const PARA = '<p>Officials said on Tuesday that the new rules would take effect next month, according to a statement.</p>';

describe('extractArticleInSteps', () => {
  it('yields between small steps and ends with the same article', () => {
    const html =
      '<!doctype html><html><head><meta property="og:type" content="article"></head><body><nav>Home</nav>' +
      `<article><h1>Title</h1>${`<div class="x"><span>a</span> <b>b</b>${PARA}</div>`.repeat(400)}` +
      '<div class="related"><a href="/y">More</a></div></article></body></html>';
    const doc = parseHtml(html);
    const whole = extractArticle(doc);
    // a zero budget ends a step at every check: many steps
    const { result, count } = runAll(extractArticleInSteps(doc, { budgetMs: 0 }));
    expect(count).toBeGreaterThan(5);
    expect(result.text).toBe(whole.text);
    expect(result.isArticle).toBe(true);
    expect(result.signal).toBe(whole.signal);
    expect(result.root).toBe(whole.root);
    const s = result.text.indexOf('Officials');
    expect(result.map!.rangeFor(s, s + 9)!.toString()).toBe('Officials');
    // a generous budget: one step
    expect(runAll(extractArticleInSteps(doc, { budgetMs: 60_000 })).count).toBe(1);
  });

  it('returns nothing for a non-article unless forced, like extractArticle', () => {
    const doc = parseHtml(`<!doctype html><html><body><main>${PARA.repeat(30)}</main></body></html>`);
    expect(runAll(extractArticleInSteps(doc, { budgetMs: 0 })).result).toMatchObject({ isArticle: false, text: '', map: null });
    expect(runAll(extractArticleInSteps(doc, { budgetMs: 0, force: true })).result.text).toBe(extractArticle(doc, { force: true }).text);
  });

  it('matches extractArticle on a large corpus page', () => {
    const doc = pageDoc('wikipedia-2');
    const whole = extractArticle(doc);
    const { result, count } = runAll(extractArticleInSteps(doc, { budgetMs: 0 }));
    expect(count).toBeGreaterThan(10);
    expect(result.text).toBe(whole.text);
    expect(result.root).toBe(whole.root);
  }, 60_000);
});
